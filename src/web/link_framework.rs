//! A copy of each framework a link named, kept in the browser's Cache Storage. After one visit the
//! app opens without a network (README: Offline); so does the framework of its link, from the copy
//! kept when it last loaded. The copy is checked like any download, and used only when the
//! address gives no answer: what its server says (a 404, another file) is what counts.

use js_sys::{Array, ArrayBuffer, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Cache, Response};

/// Apart from the service worker's caches, which a new build deletes: the copy outlives builds.
const CACHE: &str = "leeruitkomsten link frameworks";

/// Keeps `bytes` as the copy of `url`, without holding up the start. A browser that cannot keep
/// it (no Cache Storage, storage full) simply has no copy the next time.
pub fn keep(url: &str, bytes: &[u8]) {
    let url = url.to_string();
    let body = Uint8Array::from(bytes);
    wasm_bindgen_futures::spawn_local(async move {
        let _ = put(&url, &body).await;
    });
}

async fn put(url: &str, body: &Uint8Array) -> Result<(), JsValue> {
    let cache = open().await?;
    let response = Response::new_with_opt_buffer_source(Some(body))?;
    JsFuture::from(cache.put_with_str(url, &response)).await?;
    Ok(())
}

/// Deletes every copy but those of `urls`, without holding up the start: the frameworks a link
/// named are remembered up to a number (`LinkFrameworks`), and a copy the list no longer names
/// would otherwise stay in the browser for good.
pub fn keep_only(urls: Vec<String>) {
    wasm_bindgen_futures::spawn_local(async move {
        let _ = delete_all_but(&urls).await;
    });
}

async fn delete_all_but(urls: &[String]) -> Result<(), JsValue> {
    let cache = open().await?;
    let requests = JsFuture::from(cache.keys()).await?.dyn_into::<Array>()?;
    for request in requests.iter() {
        let url = Reflect::get(&request, &JsValue::from_str("url"))?.as_string();
        if let Some(url) = url.filter(|url| !urls.contains(url)) {
            JsFuture::from(cache.delete_with_str(&url)).await?;
        }
    }
    Ok(())
}

/// The copy kept of `url`, if there is one.
pub async fn kept(url: &str) -> Option<Vec<u8>> {
    let cache = open().await.ok()?;
    let found = JsFuture::from(cache.match_with_str(url)).await.ok()?;
    let response = found.dyn_into::<Response>().ok()?;
    let buffer = JsFuture::from(response.array_buffer().ok()?).await.ok()?;
    buffer.is_instance_of::<ArrayBuffer>().then(|| Uint8Array::new(&buffer).to_vec())
}

async fn open() -> Result<Cache, JsValue> {
    let caches = web_sys::window().ok_or(JsValue::NULL)?.caches()?;
    JsFuture::from(caches.open(CACHE)).await?.dyn_into::<Cache>()
}
