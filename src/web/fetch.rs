//! Downloading a framework from the address a link names, with a size limit that holds whatever
//! the server says: a declared `Content-Length` over the limit is refused before reading, and the
//! body is read piece by piece and dropped as soon as it passes the limit, so a server that sends
//! 50 MB (or never stops) costs at most the limit in memory.

use js_sys::{Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ReadableStreamDefaultReader, RequestCredentials, RequestInit, Response};

use crate::core::framework::source::{declared_too_large, LoadFailure};
use crate::core::framework::MAX_FRAMEWORK_BYTES;

/// How long the whole download may take. A server that neither answers nor fails must not leave
/// the page on "loading" for ever; after this the app goes on with its built-in framework.
const TIMEOUT_MS: f64 = 15_000.0;

/// The body of `url`, at most [`MAX_FRAMEWORK_BYTES`] long.
pub async fn framework_bytes(url: &str) -> Result<Vec<u8>, LoadFailure> {
    let window = web_sys::window().ok_or(LoadFailure::Network)?;
    let deadline = js_sys::Date::now() + TIMEOUT_MS;
    let init = RequestInit::new();
    // A framework is public data: no cookies or credentials of the user go to its server.
    init.set_credentials(RequestCredentials::Omit);
    let response: Response = within(window.fetch_with_str_and_init(url, &init), deadline)
        .await?
        .dyn_into()
        .map_err(|_| LoadFailure::Network)?;
    let Some(body) = response.body() else {
        return if response.ok() {
            Ok(Vec::new())
        } else {
            Err(LoadFailure::Status(response.status()))
        };
    };
    let length = response.headers().get("content-length").ok().flatten();
    let refused = if !response.ok() {
        Some(LoadFailure::Status(response.status()))
    } else if declared_too_large(length.as_deref()) {
        Some(LoadFailure::TooLarge)
    } else {
        None
    };
    // A body nobody reads is still downloaded to its end (measured: all of a declared 50 MB), so a
    // refused one is cancelled, which closes the connection.
    if let Some(failure) = refused {
        discard(body.cancel());
        return Err(failure);
    }
    let reader: ReadableStreamDefaultReader =
        body.get_reader().dyn_into().map_err(|_| LoadFailure::Network)?;
    let read = read_all(&reader, deadline).await;
    if read.is_err() {
        discard(reader.cancel());
    }
    read
}

/// Lets a promise settle unobserved, without an unhandled rejection in the console if it fails.
fn discard(promise: Promise) {
    let settled = JsFuture::from(promise);
    wasm_bindgen_futures::spawn_local(async move {
        let _ = settled.await;
    });
}

async fn read_all(
    reader: &ReadableStreamDefaultReader,
    deadline: f64,
) -> Result<Vec<u8>, LoadFailure> {
    let mut bytes = Vec::new();
    loop {
        let chunk = within(reader.read(), deadline).await?;
        if Reflect::get(&chunk, &"done".into()).ok().and_then(|d| d.as_bool()).unwrap_or(true) {
            return Ok(bytes);
        }
        let value: Uint8Array = Reflect::get(&chunk, &"value".into())
            .ok()
            .and_then(|v| v.dyn_into().ok())
            .ok_or(LoadFailure::Network)?;
        if bytes.len().saturating_add(value.length() as usize) > MAX_FRAMEWORK_BYTES {
            return Err(LoadFailure::TooLarge);
        }
        bytes.extend_from_slice(&value.to_vec());
    }
}

/// `promise`'s value, unless the deadline passes first. The timer resolves with `undefined`,
/// which neither `fetch` nor a stream's `read` ever gives.
async fn within(promise: Promise, deadline: f64) -> Result<JsValue, LoadFailure> {
    let remaining = (deadline - js_sys::Date::now()).clamp(0.0, TIMEOUT_MS) as i32;
    let timer = Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ =
                window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, remaining);
        }
    });
    match JsFuture::from(Promise::race(&js_sys::Array::of2(&promise, &timer))).await {
        Ok(value) if value.is_undefined() => Err(LoadFailure::Timeout),
        Ok(value) => Ok(value),
        Err(_) => Err(LoadFailure::Network),
    }
}
