//! IndexedDB as the journal (the form's drafts) and the cohort's kept files both open it: one
//! database of one object store each.

use js_sys::Promise;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest};

/// A promise of `request`'s success. Made before anything is awaited, so no event is missed.
pub fn succeeded(request: &IdbRequest) -> Promise {
    Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    })
}

/// Opens `database` at version 1, making its one object store `store` on first use. With
/// `timeout_ms`, gives up after that long: a database blocked by another tab's upgrade must not
/// hold up what waits for it.
///
/// The browser is asked at once, not when the returned future is first polled: start-up asks
/// before it does other work and awaits the answer after, so that the two overlap.
pub fn open(
    database: &str,
    store: &'static str,
    timeout_ms: Option<i32>,
) -> impl std::future::Future<Output = Result<IdbDatabase, JsValue>> {
    let asked = ask(database, store, timeout_ms);
    async move {
        let (request, opened) = asked?;
        JsFuture::from(opened).await?;
        // After a timeout the request has no result yet, and this is the error that says so.
        request.result()?.dyn_into::<IdbDatabase>()
    }
}

/// Sends the open request; returns it with a promise of its success (or of the timeout).
fn ask(
    database: &str,
    store: &'static str,
    timeout_ms: Option<i32>,
) -> Result<(web_sys::IdbOpenDbRequest, Promise), JsValue> {
    let factory = web_sys::window().ok_or(JsValue::NULL)?.indexed_db()?.ok_or(JsValue::NULL)?;
    let request = factory.open_with_u32(database, 1)?;
    let upgrade = Closure::once_into_js({
        let request = request.clone();
        move || {
            if let Ok(db) = request.result().and_then(|r| r.dyn_into::<IdbDatabase>()) {
                let _ = db.create_object_store(store);
            }
        }
    });
    request.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    let opened = succeeded(&request);
    let opened = match timeout_ms {
        None => opened,
        Some(ms) => {
            let timeout = Promise::new(&mut |resolve, _| {
                if let Some(window) = web_sys::window() {
                    let _ =
                        window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
                }
            });
            Promise::race(&js_sys::Array::of2(&opened, &timeout))
        }
    };
    Ok((request, opened))
}
