//! Talking to the page that embeds the app in an iframe (README: Embedding): `ready` once the app
//! has rendered, `resize` whenever its content's height changes, and the signed `record`. The JSON
//! of each message comes from `core::embed`.
//!
//! Messages go only to the origin the link names in `parentOrigin` (or, where it names none, the
//! learning environment named by the invitation the assessment was opened from), and only when
//! the app really is in a frame: `postMessage` with that origin as target, which the browser
//! drops unless the parent page is at that origin, so a record never reaches another page. The app adds no
//! `message` listener: it needs nothing from the host, and so nothing a page sends can change it.

use std::cell::{Cell, RefCell};

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, ResizeObserver, Window};

use crate::core::embed::host_messages;

struct Host {
    parent: Window,
    origin: String,
    height: Cell<u32>,
    /// Kept for as long as the page lives: dropping them would stop the resize messages.
    _observer: ResizeObserver,
    _on_resize: Closure<dyn FnMut()>,
}

thread_local! {
    static STARTED: Cell<bool> = const { Cell::new(false) };
    static HOST: RefCell<Option<Host>> = const { RefCell::new(None) };
}

/// The page around this one when it is in a frame; `None` for a top-level page, which is its
/// own parent.
pub fn framing_parent(window: &Window) -> Option<Window> {
    window.parent().ok().flatten().filter(|parent| !js_sys::Object::is(parent, window))
}

/// Says `ready` and starts reporting the height, once per page load, to the first origin given
/// (the link's `parentOrigin`, else an invitation's `hostOrigin`); does nothing unless the page
/// is in a frame.
pub fn start(parent_origin: Option<&str>) {
    let Some(origin) = parent_origin else { return };
    if STARTED.with(|started| started.replace(true)) {
        return;
    }
    let Some(window) = web_sys::window() else { return };
    let Some(parent) = framing_parent(&window) else { return };
    let Some(root) = window.document().and_then(|d| d.document_element()) else { return };
    let on_resize = Closure::<dyn FnMut()>::new({
        let root = root.clone();
        move || report_height(&root)
    });
    let Ok(observer) = ResizeObserver::new(on_resize.as_ref().unchecked_ref()) else { return };
    HOST.with(|host| {
        *host.borrow_mut() = Some(Host {
            parent,
            origin: origin.to_string(),
            height: Cell::new(0),
            _observer: observer.clone(),
            _on_resize: on_resize,
        })
    });
    post(&host_messages::ready_message());
    // Measured at once as well: browsers run no resize observer in a frame they do not render,
    // such as one out of view, and the host needs a first height to show the frame at all.
    report_height(&root);
    observer.observe(&root);
}

/// Sends the content's height if it differs from the last one sent.
fn report_height(root: &Element) {
    let height = host_messages::whole_pixels(root.get_bounding_client_rect().height());
    let changed = HOST.with(|host| {
        host.borrow().as_ref().is_some_and(|host| host.height.replace(height) != height)
    });
    if changed {
        post(&host_messages::resize_message(height));
    }
}

/// Hands a signed record to the embedding page, if there is one.
pub fn post_record(record_json: &str) {
    post(&host_messages::record_message(record_json));
}

fn post(message: &str) {
    HOST.with(|host| {
        if let Some(host) = host.borrow().as_ref() {
            if let Ok(value) = js_sys::JSON::parse(message) {
                // Throws only for a malformed target origin, which url_config does not let through.
                let _ = host.parent.post_message(&value, &host.origin);
            }
        }
    });
}
