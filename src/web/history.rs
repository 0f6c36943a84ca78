//! The view in the address. Each view the page moves to gets an entry in the browser's history
//! (`#assess`, `#library`, `hogeschool.html#cohort`, …), so that Back, on a phone the back
//! gesture, returns to the view before instead of leaving the app, and a reload opens the view
//! that was shown. The first view of a load takes the place of the address it was opened with.
//! In a frame every view does: there Back belongs to the page around the app.
//!
//! An invitation in the fragment is left alone until `invitation` has taken it, and an in-page
//! anchor (`#summary`) names no view, so following it changes nothing.

use std::cell::{Cell, RefCell};

use gloo::events::EventListener;
use wasm_bindgen::JsValue;
use yew::Callback;

use crate::core::app::pages::{fragment_acts, Page};
use crate::core::app::{Msg, View};
use crate::core::credentials::invitation::link_payload;

thread_local! {
    /// The view the address was last made to name (or named itself).
    static SHOWN: Cell<Option<View>> = const { Cell::new(None) };
    /// The in-page anchor the page was opened at, until it is gone to.
    static ARRIVED_AT: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Remembers the in-page anchor the address names as the page loads (`formulier.html#sign`, from
/// the scoring page's *Naar ondertekenen*): the browser looks for it before the app has drawn
/// anything, and the first view then takes its place in the address. Not a view, nor an
/// invitation.
pub fn remember_anchor() {
    let fragment = super::pages::fragment();
    if !fragment.is_empty() && !fragment_acts(&fragment) {
        ARRIVED_AT.with(|at| *at.borrow_mut() = Some(fragment));
    }
}

/// Once the page is drawn: brings the remembered anchor's element into view, if the page has
/// one by that id.
pub fn go_to_anchor() {
    let Some(id) = ARRIVED_AT.with(|at| at.borrow_mut().take()) else { return };
    if let Some(element) = gloo::utils::document().get_element_by_id(&id) {
        element.scroll_into_view();
    }
}

/// After each dispatch: the address names `view`, the view shown.
pub fn follow(view: View) {
    // A view of the other page: that page opens, with its own address. Most messages (a score,
    // a keystroke) leave the view as it was: no call into the browser.
    let before = SHOWN.with(Cell::get);
    if !view.is_on(Page::HERE) || before == Some(view) {
        return;
    }
    let Some(window) = web_sys::window() else { return };
    let fragment = super::pages::fragment();
    if link_payload(&fragment).is_some() {
        return;
    }
    SHOWN.with(|shown| shown.set(Some(view)));
    if View::from_fragment(&fragment) == Some(view) {
        return;
    }
    let Ok(history) = window.history() else { return };
    let address = format!("#{}", view.place().1);
    let framed = super::embed::framing_parent(&window).is_some();
    // A browser that refuses (a sandboxed frame may) keeps the address as it was: nothing else
    // depends on it.
    let _ = if before.is_none() || framed {
        history.replace_state_with_url(&JsValue::NULL, "", Some(&address))
    } else {
        history.push_state_with_url(&JsValue::NULL, "", Some(&address))
    };
}

/// Back and Forward: the view the address names now is shown.
pub fn listen(dispatch: Callback<Msg>) -> Option<EventListener> {
    let window = web_sys::window()?;
    Some(EventListener::new(&window, "popstate", move |_| {
        let Some(view) = View::from_fragment(&super::pages::fragment()) else { return };
        if !view.is_on(Page::HERE) || SHOWN.with(|shown| shown.replace(Some(view))) == Some(view) {
            return;
        }
        dispatch.emit(Msg::Show(view));
    }))
}
