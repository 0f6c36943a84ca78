//! The app's state and its reducer. Changes to the assessment go through `Assessment::apply`;
//! the summary is recomputed from scratch after each one, since aggregation is pure and cheap.

use std::rc::Rc;

use yew::Reducible;

use crate::core::aggregate::{summarize, Summary};
use crate::core::assessment::{Action, ActionError, Assessment};
use crate::core::framework::Framework;
use crate::i18n::Lang;

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub framework: Rc<Framework>,
    pub assessment: Assessment,
    pub summary: Rc<Summary>,
    pub lang: Lang,
    /// The last action the core refused, shown until dismissed.
    pub error: Option<ActionError>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Msg {
    Edit(Action),
    /// Starts over with another assessment, after a signed one is done with.
    Replace(Assessment),
    SetLang(Lang),
    DismissError,
}

impl AppState {
    pub fn new(framework: Rc<Framework>, assessment: Assessment, lang: Lang) -> AppState {
        let summary = Rc::new(summarize(&framework, &assessment));
        AppState { framework, assessment, summary, lang, error: None }
    }
}

impl Reducible for AppState {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let mut next = (*self).clone();
        match msg {
            Msg::Edit(action) => {
                match next.assessment.apply(&next.framework, action) {
                    Ok(()) => {
                        next.error = None;
                        let summary = summarize(&next.framework, &next.assessment);
                        // Keeping the old Rc when nothing changed lets the summary skip a render.
                        if summary != *next.summary {
                            next.summary = Rc::new(summary);
                        }
                    }
                    Err(error) => next.error = Some(error),
                }
            }
            Msg::Replace(assessment) => {
                next.summary = Rc::new(summarize(&next.framework, &assessment));
                next.assessment = assessment;
                next.error = None;
            }
            Msg::SetLang(lang) => next.lang = lang,
            Msg::DismissError => next.error = None,
        }
        Rc::new(next)
    }
}
