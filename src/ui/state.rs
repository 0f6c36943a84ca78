//! The app's state and its reducer. Changes to the assessment go through `Assessment::apply`;
//! the summary is recomputed from scratch after each one, since aggregation is pure and cheap.
//!
//! Every change is written to storage inside the reducer, which Yew runs synchronously within
//! `dispatch`: so a change is kept before the event handler that made it returns, and a crash or
//! closed tab right after a click loses nothing.

use std::rc::Rc;

use yew::Reducible;

use super::notices::StorageNotice;
use crate::core::assessment::aggregate::{summarize, Summary};
use crate::core::assessment::{Action, ActionError, Assessment};
use crate::core::framework::Framework;
use crate::core::library::saved::SavedEntry;
use crate::i18n::Lang;
use crate::web::{clock, library};

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub framework: Rc<Framework>,
    /// The open assessment's id in storage.
    pub id: Rc<str>,
    /// When the open assessment last changed, RFC 3339 UTC.
    pub updated: String,
    pub assessment: Assessment,
    pub summary: Rc<Summary>,
    pub lang: Lang,
    /// The last action the core refused, shown until dismissed.
    pub error: Option<ActionError>,
    /// What the user must know about storage, shown until dismissed or resolved.
    pub storage: Option<StorageNotice>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Msg {
    Edit(Action),
    /// Opens a stored assessment, or a new one, which is stored at once.
    Open {
        entry: SavedEntry,
        is_new: bool,
    },
    /// Another tab changed the open assessment: show its newer copy.
    ChangedElsewhere(SavedEntry),
    /// Another tab deleted the open assessment; it stays open here, unsaved until the next change.
    RemovedElsewhere(String),
    SetLang(Lang),
    DismissError,
    DismissStorage,
}

impl AppState {
    pub fn new(
        framework: Rc<Framework>,
        entry: SavedEntry,
        lang: Lang,
        storage: Option<StorageNotice>,
    ) -> AppState {
        let summary = Rc::new(summarize(&framework, &entry.assessment));
        AppState {
            framework,
            id: entry.id.into(),
            updated: entry.updated,
            assessment: entry.assessment,
            summary,
            lang,
            error: None,
            storage,
        }
    }

    pub fn entry(&self) -> SavedEntry {
        SavedEntry {
            id: self.id.to_string(),
            updated: self.updated.clone(),
            assessment: self.assessment.clone(),
        }
    }

    fn show(&mut self, entry: SavedEntry) {
        self.summary = Rc::new(summarize(&self.framework, &entry.assessment));
        self.id = entry.id.into();
        self.updated = entry.updated;
        self.assessment = entry.assessment;
        self.error = None;
    }

    /// Writes the open assessment; a failure is shown, and a success after a failure clears it.
    fn save(&mut self) {
        match library::save(&self.entry()) {
            Err(_) => self.storage = Some(StorageNotice::Unavailable),
            Ok(()) if self.storage == Some(StorageNotice::Unavailable) => self.storage = None,
            Ok(()) => {}
        }
    }
}

impl Reducible for AppState {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let mut next = (*self).clone();
        match msg {
            Msg::Edit(action) => match next.assessment.apply(&next.framework, action) {
                Ok(()) => {
                    next.error = None;
                    next.updated = clock::now_rfc3339();
                    let summary = summarize(&next.framework, &next.assessment);
                    // Keeping the old Rc when nothing changed lets the summary skip a render.
                    if summary != *next.summary {
                        next.summary = Rc::new(summary);
                    }
                    next.save();
                }
                Err(error) => next.error = Some(error),
            },
            Msg::Open { entry, is_new } => {
                next.show(entry);
                if is_new {
                    next.save();
                } else if library::set_open(&next.id).is_err() {
                    next.storage = Some(StorageNotice::Unavailable);
                }
            }
            Msg::ChangedElsewhere(entry) => {
                if entry.id.as_str() == &*next.id && entry.assessment != next.assessment {
                    next.show(entry);
                    next.storage = Some(StorageNotice::ChangedElsewhere);
                }
            }
            Msg::RemovedElsewhere(id) => {
                if id.as_str() == &*next.id {
                    next.storage = Some(StorageNotice::RemovedElsewhere);
                }
            }
            Msg::SetLang(lang) => next.lang = lang,
            Msg::DismissError => next.error = None,
            Msg::DismissStorage => next.storage = None,
        }
        Rc::new(next)
    }
}
