//! Invitations in the browser: the link's fragment read (and then cleared, so a reload does not
//! open it again), and the docent's list of sent invitations in `localStorage`.

use gloo::events::EventListener;
use yew::Callback;

use super::storage;
use crate::core::app::invite::SENT_KEY;
use crate::core::app::pages::Page;
use crate::core::app::{InviteMsg, Msg};
use crate::core::credentials::invitation::link_payload;

/// The form's address without query or fragment: where an invitation link points. The docent
/// makes invitations on the hogeschool's page, whose file sits beside the form's.
pub fn app_address() -> String {
    let location = web_sys::window().map(|w| w.location());
    let part = |f: fn(&web_sys::Location) -> Result<String, wasm_bindgen::JsValue>| {
        location.as_ref().and_then(|l| f(l).ok()).unwrap_or_default()
    };
    let path = part(web_sys::Location::pathname);
    let form = path.strip_suffix(Page::Hogeschool.file()).unwrap_or(&path);
    format!("{}{form}", part(web_sys::Location::origin))
}

/// The invitation in the address's fragment, if there is one; the fragment is then removed from
/// the address bar (without a reload or a history entry).
pub fn take_fragment() -> Option<String> {
    let window = web_sys::window()?;
    let hash = window.location().hash().ok()?;
    link_payload(&hash)?;
    let location = window.location();
    let without = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&without));
    }
    Some(hash)
}

/// The messages the app starts with: what was sent from here, and the link's invitation.
pub fn start(dispatch: &Callback<Msg>) {
    let sent = storage::read(SENT_KEY).ok().flatten();
    dispatch.emit(Msg::Invite(InviteMsg::Started { app_address: app_address(), sent }));
    if let Some(fragment) = take_fragment() {
        dispatch.emit(Msg::Invite(InviteMsg::Open(fragment)));
    }
}

/// An invitation link opened in a tab that already runs the app changes only the fragment.
pub fn on_hash_change(dispatch: Callback<Msg>) -> Option<EventListener> {
    let window = web_sys::window()?;
    Some(EventListener::new(&window, "hashchange", move |_| {
        if let Some(fragment) = take_fragment() {
            dispatch.emit(Msg::Invite(InviteMsg::Open(fragment)));
        }
    }))
}

pub fn store_sent(text: &str) -> Result<(), storage::StorageError> {
    storage::write(SENT_KEY, text)
}
