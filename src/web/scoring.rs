//! The scoring page's browser side: what it reads at start, where it keeps the draft (the whole
//! form's library, so that either page opens it), and the hand-over to the whole form.

use std::cell::RefCell;
use std::rc::Rc;

use yew::Callback;

use super::{clock, journal, library, save_after_render};
use crate::core::app::pages::{fragment_acts, Page};
use crate::core::app::scoring::{ScoringEffect, ScoringForm, ScoringMsg};
use crate::core::framework::hashed::HashedFramework;
use crate::core::library::saved;
use crate::i18n::Lang;

/// The whole form's page, which opens the assessment the scoring page left open.
pub const WHOLE_FORM: &str = Page::Form.file();

/// The scoring page's form, or `None` where the whole form must open instead: a link with
/// settings, a view or an invitation, an open assessment this page does not score or cannot
/// read.
pub fn start() -> Option<ScoringForm> {
    super::marks::mark("main");
    journal::start();
    library::journal_unread();
    // An in-page anchor (`#summary`, after the skip link, and a reload there) is this page's own.
    if !super::pages::search().is_empty() || fragment_acts(&super::pages::fragment()) {
        return None;
    }
    let framework = HashedFramework::compiled_default();
    let open = match library::open_id() {
        Some(id) => match library::raw(&id) {
            Ok(Some(text)) => Some(saved::from_json(&text).ok()?),
            Ok(None) => None,
            Err(_) => return None,
        },
        None => None,
    };
    let form = ScoringForm::start(&framework, open, &clock::now()).ok();
    super::marks::mark("model");
    form
}

/// Tells the page when another tab changes or deletes an assessment.
pub fn listen_to_other_tabs(dispatch: Callback<ScoringMsg>) -> Option<gloo::events::EventListener> {
    library::on_change(dispatch, ScoringMsg::ChangedElsewhere, ScoringMsg::RemovedElsewhere)
}

/// Opens the whole form in this page's place, with this page's link.
pub fn hand_over() {
    let location = gloo::utils::window().location();
    let rest =
        format!("{}{}", location.search().unwrap_or_default(), location.hash().unwrap_or_default());
    let _ = location.replace(&format!("{WHOLE_FORM}{rest}"));
}

/// The kept language: this page opens only for a link without settings, so none of its own.
pub fn saved_lang() -> Lang {
    super::startup::kept_lang().unwrap_or_default()
}

pub fn keep_lang(lang: Lang) {
    super::startup::keep_lang(lang);
}

/// Once the page is drawn: where the crash journal held work newer than what this page started
/// from, the whole form opens with it put back, as it does at its own start; not where the save
/// written first failed (storage would then lack what this page shows), which is said instead.
pub fn read_journal(dispatch: Callback<ScoringMsg>) {
    yew::platform::spawn_local(async move {
        let (recovered, answer) = super::startup::journal_recovered().await;
        if let Some(Err(_)) = answer {
            dispatch.emit(ScoringMsg::Saved(false));
        } else if recovered != library::Recovered::default() {
            let _ = gloo::utils::window().location().replace(WHOLE_FORM);
        }
    });
}

/// Applies each message to the form, redraws, and runs what it asks for. A save waits until
/// the page is drawn, and the newest entry waiting replaces an older one: a click's answer on
/// screen does not wait for storage.
pub fn dispatcher(form: Rc<RefCell<ScoringForm>>, redraw: Callback<()>) -> Callback<ScoringMsg> {
    // A save's answer that comes after the render: drawn again only where it changes the warning.
    let saved = {
        let (form, redraw) = (form.clone(), redraw.clone());
        Callback::from(move |saved: save_after_render::Saved| {
            let before = form.borrow().unsaved;
            form.borrow_mut().update(ScoringMsg::Saved(saved.is_ok()), &clock::now());
            if before != form.borrow().unsaved {
                redraw.emit(());
            }
        })
    };
    Callback::from(move |msg: ScoringMsg| {
        let effects = form.borrow_mut().update(msg, &clock::now());
        for effect in effects {
            match effect {
                ScoringEffect::Save(entry) => {
                    if let Some(now) = save_after_render::save(entry, &saved) {
                        form.borrow_mut().update(ScoringMsg::Saved(now.is_ok()), &clock::now());
                    }
                }
                ScoringEffect::HandOver => {
                    let _ = save_after_render::flush();
                    hand_over();
                }
            }
        }
        redraw.emit(());
    })
}
