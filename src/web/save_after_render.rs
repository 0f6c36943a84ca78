//! Writes the open assessment a moment after the change that made it, once the page shows it.
//!
//! Saving (the record as JSON, `localStorage`, the read-back check, the IndexedDB journal) costs
//! more than drawing a score, and a click's answer should come first: the save waits for a
//! timer of 0 ms, which runs after the render Yew does in a microtask. Nothing is lost in that
//! moment: any other effect (listing, opening, removing, a download of everything) writes what
//! waits first, a second change to the same assessment replaces it, and leaving or hiding the page
//! writes it at once (`pagehide`, `visibilitychange`).
//!
//! A failed write is answered with `Err`, and the first success after one with `Ok`; a success
//! after a success changes nothing and is not sent, so that a save does not draw the page again.
//! Both form pages save through here, each making its own message of the answer (the whole
//! form's `Msg::Saved`, the scoring page's `ScoringMsg::Saved`).

use std::cell::{Cell, RefCell};

use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsCast;
use yew::Callback;

use super::library;
use crate::core::app::StorageFailed;
use crate::core::library::saved::SavedEntry;

/// What a write answers: whether storage took it.
pub type Saved = Result<(), StorageFailed>;

thread_local! {
    static WAITING: RefCell<Option<SavedEntry>> = const { RefCell::new(None) };
    static TIMER_SET: Cell<bool> = const { Cell::new(false) };
    // Until the first save, storage may have failed at start-up (the model then warns): the first
    // result is always sent.
    static LAST_FAILED: Cell<bool> = const { Cell::new(true) };
    static LISTENING: Cell<bool> = const { Cell::new(false) };
}

/// Keeps `entry` to write after this render; answers later through `answer`. Returns the answer
/// to a write of another assessment that was waiting and is made now.
pub fn save(entry: SavedEntry, answer: &Callback<Saved>) -> Option<Saved> {
    let earlier = WAITING.with(|w| {
        let mut w = w.borrow_mut();
        match &*w {
            Some(waiting) if waiting.id != entry.id => w.replace(entry),
            _ => {
                *w = Some(entry);
                None
            }
        }
    });
    let now = earlier.and_then(|earlier| write(&earlier));
    listen_for_leaving();
    if !TIMER_SET.get() {
        if !set_timer(answer.clone()) {
            // No timer (no window): write now, as before.
            return flush().or(now);
        }
        TIMER_SET.set(true);
    }
    now
}

/// Whether a save waits for its timer.
pub fn waiting() -> bool {
    WAITING.with(|w| w.borrow().is_some())
}

/// Writes what waits, now; the answer to handle, if there is one.
pub fn flush() -> Option<Saved> {
    let waiting = WAITING.with(|w| w.borrow_mut().take());
    waiting.and_then(|entry| write(&entry))
}

fn write(entry: &SavedEntry) -> Option<Saved> {
    let result = library::save(entry).map_err(|_| StorageFailed);
    let failed = result.is_err();
    let was_failing = LAST_FAILED.replace(failed);
    (failed || was_failing).then_some(result)
}

/// Another write failed (remembering the open assessment): the next save that succeeds must say
/// so, to take the warning away.
pub fn failed_elsewhere() {
    LAST_FAILED.set(true);
}

fn set_timer(answer: Callback<Saved>) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let later = Closure::once_into_js(move || {
        TIMER_SET.set(false);
        if let Some(saved) = flush() {
            answer.emit(saved);
        }
    });
    window.set_timeout_with_callback_and_timeout_and_arguments_0(later.unchecked_ref(), 0).is_ok()
}

/// A page that is closed, reloaded, left or hidden (a phone switching apps) writes what waits
/// before it goes; the timer may never run then.
fn listen_for_leaving() {
    if LISTENING.replace(true) {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let on_leave = Closure::<dyn Fn()>::new(|| {
        let _ = flush();
    });
    let _ = window.add_event_listener_with_callback("pagehide", on_leave.as_ref().unchecked_ref());
    if let Some(document) = window.document() {
        let _ = document.add_event_listener_with_callback(
            "visibilitychange",
            on_leave.as_ref().unchecked_ref(),
        );
    }
    // One listener pair for the page's whole life.
    on_leave.forget();
}
