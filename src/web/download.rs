//! Saving a text as a file through the browser's download.

use wasm_bindgen::JsCast;

/// The browser would not make the file (no document, Blob or object URL).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DownloadRefused;

/// Offers `text` as a download named `file_name`. Fails only where the browser refuses to make
/// the file, which the caller reports.
pub fn text_file(file_name: &str, mime: &str, text: &str) -> Result<(), DownloadRefused> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or(DownloadRefused)?;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| DownloadRefused)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| DownloadRefused)?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| DownloadRefused)?
        .dyn_into()
        .map_err(|_| DownloadRefused)?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // The download has started from the URL; revoking it later frees the blob.
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}
