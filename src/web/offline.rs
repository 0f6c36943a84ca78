//! Offline use: registers the service worker (`sw.js`, which `scripts/write-sw` writes into each
//! build from `src/web/sw.js`), so that after one visit the app opens and works with no network.
//!
//! The worker is an enhancement. Where a browser has none, or refuses this one (file://, plain
//! http on another host than localhost, some private modes, storage turned off), the app works as
//! before, online only, and says nothing: there is nothing the user could do about it.

use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsCast;
use web_sys::ServiceWorkerContainer;

/// Asks the browser to install the worker once the page has painted its first content; returns
/// at once and never fails. Installing fetches and stores the whole form (about a megabyte): done
/// while the page starts, it competes with the start for the network and the processor, and the
/// page needs no worker to open.
pub fn register_after_first_paint() {
    let Some(window) = web_sys::window() else {
        return;
    };
    // An animation frame's callback runs just before the frame is painted; a timer set from it
    // runs after that paint.
    let after_paint = Closure::once_into_js(|| {
        let later = Closure::once_into_js(register);
        if let Some(window) = web_sys::window() {
            let _ = window
                .set_timeout_with_callback_and_timeout_and_arguments_0(later.unchecked_ref(), 0);
        }
    });
    if window.request_animation_frame(after_paint.unchecked_ref()).is_err() {
        register();
    }
}

/// Asks the browser to install the worker; returns at once and never fails.
///
/// Release builds only. A debug build is what `trunk serve --dev` serves while someone edits the
/// code, and a worker there would only add a cache between them and their change. (A worker left
/// by an earlier release build on the same address cannot serve them stale code either: it takes
/// index.html from the network whenever it can, and caches only files named by their content.)
pub fn register() {
    if cfg!(debug_assertions) {
        return;
    }
    let Some(container) = container() else {
        return;
    };
    // Relative to the page: sw.js sits next to index.html wherever a build is published.
    let registration = container.register("sw.js");
    wasm_bindgen_futures::spawn_local(async move {
        // A refusal only means no offline copy; awaiting it keeps it from being an unhandled
        // rejection in the console.
        let _ = wasm_bindgen_futures::JsFuture::from(registration).await;
    });
}

/// `navigator.serviceWorker`, where there is one. Browsers without service workers and insecure
/// pages leave it undefined, and some throw on reading it when access is denied; going through
/// `Reflect` turns both into `None` rather than a JS exception unwinding through the wasm.
fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    js_sys::Reflect::get(&navigator, &"serviceWorker".into()).ok()?.dyn_into().ok()
}
