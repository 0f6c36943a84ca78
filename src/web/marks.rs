//! User-timing marks (`performance.mark`) at the steps of start-up, so that a trace of a cold start
//! (bench/startup-profile.mjs, or the browser's own performance panel) shows where the time goes
//! before the form is there. Each is a few microseconds; a browser that refuses one loses nothing.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = performance, js_name = mark)]
    fn performance_mark(name: &str) -> Result<JsValue, JsValue>;
}

/// Marks `name` (prefixed `lk:`) on the page's timeline.
pub fn mark(name: &str) {
    let _ = performance_mark(&format!("lk:{name}"));
}
