//! Handing a file to another app through the Web Share API (`navigator.share` with files), where
//! the device has it: phones and tablets mostly, rarely a desktop browser.
//!
//! Called through `Reflect`: the API is missing in many browsers, and its absence must read as
//! "cannot share", never as an error.

use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The record as the file a share sheet hands on.
fn json_file(name: &str, text: &str) -> Option<web_sys::File> {
    let parts = Array::of1(&JsValue::from_str(text));
    let options = web_sys::FilePropertyBag::new();
    options.set_type("application/json");
    web_sys::File::new_with_str_sequence_and_options(&parts, name, &options).ok()
}

/// `{ files: [file] }`, the data `share` and `canShare` take.
fn share_data(file: &web_sys::File) -> Option<Object> {
    let data = Object::new();
    Reflect::set(&data, &"files".into(), &Array::of1(file)).ok()?;
    Some(data)
}

fn navigator_method(name: &str) -> Option<(JsValue, Function)> {
    let navigator: JsValue = web_sys::window()?.navigator().into();
    let method = Reflect::get(&navigator, &name.into()).ok()?.dyn_into::<Function>().ok()?;
    Some((navigator, method))
}

/// Whether this browser can share a JSON file: `canShare` must exist and say yes for one, since
/// browsers that share links only have `share` without files.
pub fn can_share_files() -> bool {
    let check = || -> Option<bool> {
        let (navigator, can_share) = navigator_method("canShare")?;
        navigator_method("share")?;
        let data = share_data(&json_file("beoordeling.json", "{}")?)?;
        can_share.call1(&navigator, &data).ok()?.as_bool()
    };
    check().unwrap_or(false)
}

/// Shares `text` as the JSON file `name`: `Some(true)` once shared, `None` when the user closed
/// the share sheet (an `AbortError`), `Some(false)` when the browser refused.
pub async fn share_file(name: &str, text: &str) -> Option<bool> {
    let start = || -> Option<Promise> {
        let (navigator, share) = navigator_method("share")?;
        let data = share_data(&json_file(name, text)?)?;
        share.call1(&navigator, &data).ok()?.dyn_into::<Promise>().ok()
    };
    let Some(promise) = start() else { return Some(false) };
    match JsFuture::from(promise).await {
        Ok(_) => Some(true),
        Err(error) => {
            let name = Reflect::get(&error, &"name".into()).ok().and_then(|n| n.as_string());
            (name.as_deref() != Some("AbortError")).then_some(false)
        }
    }
}
