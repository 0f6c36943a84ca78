//! Writing a folder of files: `window.showDirectoryPicker()` and the File System Access API's
//! directory and file handles (Chromium). Called through `Reflect`, since web-sys has these only
//! as unstable APIs; where the browser lacks them, [`supported`] says so and the core downloads
//! each file instead.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use js_sys::{Function, Object, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::core::app::{FolderError, FolderFile, FolderOutcome, FolderRef};

thread_local! {
    /// Folders the user picked, until the core writes into them: the core holds only a handle.
    static PICKED: RefCell<(u32, HashMap<u32, JsValue>)> = RefCell::new((0, HashMap::new()));
}

fn picker() -> Option<(web_sys::Window, Function)> {
    let window = web_sys::window()?;
    let picker = Reflect::get(&window, &"showDirectoryPicker".into()).ok()?;
    Some((window, picker.dyn_into::<Function>().ok()?))
}

/// Whether this browser can let the user pick a folder to write into.
pub fn supported() -> bool {
    picker().is_some()
}

/// Opens the folder picker now, while the click that asked still counts as the user's; the
/// answer comes from [`picked`].
pub fn pick() -> Result<Promise, FolderError> {
    let (window, picker) = picker().ok_or(FolderError::Refused)?;
    let options = Object::new();
    // The same id makes the picker open where the last cohort went.
    let _ = Reflect::set(&options, &"id".into(), &"deelcertificaten".into());
    let _ = Reflect::set(&options, &"mode".into(), &"readwrite".into());
    picker.call1(&window, &options).map(Promise::from).map_err(|e| error_kind(&e))
}

pub async fn picked(started: Result<Promise, FolderError>) -> Result<FolderRef, FolderError> {
    let handle = JsFuture::from(started?).await.map_err(|e| error_kind(&e))?;
    Ok(PICKED.with(|picked| {
        let (next, held) = &mut *picked.borrow_mut();
        *next = next.wrapping_add(1);
        held.insert(*next, handle);
        FolderRef(*next)
    }))
}

/// Writes each file in turn into the folder (given up: each pick is written once), stopping at
/// the first that fails, so that what was written is exactly the files before it.
pub async fn write(folder: FolderRef, files: Rc<[FolderFile]>) -> FolderOutcome {
    let mut outcome = FolderOutcome { written: Vec::new(), failed: None };
    let Some(directory) = PICKED.with(|picked| picked.borrow_mut().1.remove(&folder.0)) else {
        let first = files.first().map(|f| f.name.clone()).unwrap_or_default();
        outcome.failed = Some((first, FolderError::Failed));
        return outcome;
    };
    for file in files.iter() {
        match write_file(&directory, &file.name, &file.text).await {
            Ok(()) => outcome.written.push(file.name.clone()),
            Err(error) => {
                outcome.failed = Some((file.name.clone(), error));
                break;
            }
        }
    }
    outcome
}

async fn write_file(directory: &JsValue, name: &str, text: &str) -> Result<(), FolderError> {
    let options = Object::new();
    let _ = Reflect::set(&options, &"create".into(), &JsValue::TRUE);
    let file = call(directory, "getFileHandle", &[name.into(), options.into()]).await?;
    let stream = call(&file, "createWritable", &[]).await?;
    if let Err(error) = call(&stream, "write", &[text.into()]).await {
        // Leaves the file as it was rather than half written.
        let _ = call(&stream, "abort", &[]).await;
        return Err(error);
    }
    call(&stream, "close", &[]).await.map(|_| ())
}

/// Calls `target.method(...args)` and awaits the promise it returns.
async fn call(target: &JsValue, method: &str, args: &[JsValue]) -> Result<JsValue, FolderError> {
    let function: Function = Reflect::get(target, &method.into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or(FolderError::Failed)?;
    let arguments: js_sys::Array = args.iter().collect();
    let promise = function.apply(target, &arguments).map_err(|e| error_kind(&e))?;
    JsFuture::from(Promise::resolve(&promise)).await.map_err(|e| error_kind(&e))
}

/// A DOMException's name as what the user must know: closed the picker, refused, or failed.
fn error_kind(error: &JsValue) -> FolderError {
    let name = Reflect::get(error, &"name".into()).ok().and_then(|n| n.as_string());
    match name.as_deref() {
        Some("AbortError") => FolderError::Cancelled,
        Some("NotAllowedError" | "SecurityError") => FolderError::Refused,
        _ => FolderError::Failed,
    }
}

/// Waits `ms` milliseconds (`setTimeout`); at once where there is no window to wait in.
pub async fn pause(ms: i32) {
    let promise = Promise::new(&mut |resolve, _| {
        let waiting = web_sys::window().and_then(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).ok()
        });
        if waiting.is_none() {
            let _ = resolve.call0(&JsValue::UNDEFINED);
        }
    });
    let _ = JsFuture::from(promise).await;
}
