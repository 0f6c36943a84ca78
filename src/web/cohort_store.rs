//! Where the browser keeps the cohort's files: an IndexedDB database of its own, apart from the
//! assessments and their journal, one entry per file under the key the core gave it:
//! `{name, bytes}`, the bytes as they were read, so that a reload verifies them afresh.
//!
//! IndexedDB, not `localStorage`: a cohort of hundreds of records is tens of megabytes, far past
//! what `localStorage` holds, and bytes are kept as they are. A write counts as done only once its
//! transaction is committed, so a full disk is reported, not found out after a reload.

use std::cell::RefCell;

use js_sys::{Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransaction, IdbTransactionMode};

use super::idb;
use crate::core::app::{CohortFile, StorageFailed};

const DATABASE: &str = "leeruitkomsten-cohort";
const STORE: &str = "files";

thread_local! {
    /// Opened on first use and kept: the cohort view writes once per batch of files.
    static DB: RefCell<Option<IdbDatabase>> = const { RefCell::new(None) };
}

/// A promise of `tx`'s commit; an abort (a full disk gives one) rejects it.
fn committed(tx: &IdbTransaction) -> Promise {
    Promise::new(&mut |resolve, reject| {
        tx.set_oncomplete(Some(&resolve));
        tx.set_onerror(Some(&reject));
        tx.set_onabort(Some(&reject));
    })
}

async fn database() -> Result<IdbDatabase, JsValue> {
    if let Some(db) = DB.with(|db| db.borrow().clone()) {
        return Ok(db);
    }
    let db = idb::open(DATABASE, STORE, None).await?;
    DB.with(|kept| *kept.borrow_mut() = Some(db.clone()));
    Ok(db)
}

async fn write(
    change: impl FnOnce(&web_sys::IdbObjectStore) -> Result<(), JsValue>,
) -> Result<(), JsValue> {
    let db = database().await?;
    let tx = db.transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)?;
    let done = committed(&tx);
    change(&tx.object_store(STORE)?)?;
    JsFuture::from(done).await?;
    Ok(())
}

/// Keeps files in one transaction: all or none; `Ok` once it is committed.
pub async fn keep(files: &[CohortFile]) -> Result<(), StorageFailed> {
    write(|store| {
        for CohortFile { key, name, bytes } in files {
            let value = Object::new();
            Reflect::set(&value, &"name".into(), &JsValue::from_str(name))?;
            Reflect::set(&value, &"bytes".into(), &Uint8Array::from(&bytes[..]))?;
            store.put_with_key(&value, &JsValue::from(*key))?;
        }
        Ok(())
    })
    .await
    .map_err(|_| StorageFailed)
}

/// The keys of every kept file, in order.
pub async fn keys() -> Result<Vec<u32>, StorageFailed> {
    async fn read() -> Result<Vec<u32>, JsValue> {
        let db = database().await?;
        let store = db.transaction_with_str(STORE)?.object_store(STORE)?;
        let request = store.get_all_keys()?;
        JsFuture::from(idb::succeeded(&request)).await?;
        let keys: js_sys::Array = request.result()?.dyn_into()?;
        // Keys the app did not write (not whole numbers in range) are passed over.
        let mut keys: Vec<u32> = keys
            .iter()
            .filter_map(|k| k.as_f64())
            .filter(|k| k.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(k))
            .map(|k| k as u32)
            .collect();
        keys.sort_unstable();
        Ok(keys)
    }
    read().await.map_err(|_| StorageFailed)
}

/// One kept file's name and bytes.
pub async fn read(key: u32) -> Result<(String, Vec<u8>), StorageFailed> {
    read_all(&[key]).await.pop().unwrap_or(Err(StorageFailed))
}

/// Kept files' names and bytes, in the order of `keys`, asked for in one transaction.
pub async fn read_all(keys: &[u32]) -> Vec<Result<(String, Vec<u8>), StorageFailed>> {
    async fn requests(keys: &[u32]) -> Result<Vec<Result<IdbRequest, JsValue>>, JsValue> {
        let db = database().await?;
        let store = db.transaction_with_str(STORE)?.object_store(STORE)?;
        Ok(keys.iter().map(|key| store.get(&JsValue::from(*key))).collect())
    }
    async fn file(request: Result<IdbRequest, JsValue>) -> Result<(String, Vec<u8>), JsValue> {
        let request = request?;
        JsFuture::from(idb::succeeded(&request)).await?;
        let value = request.result()?;
        let name = Reflect::get(&value, &"name".into())?.as_string().unwrap_or_default();
        let bytes: Uint8Array = Reflect::get(&value, &"bytes".into())?.dyn_into()?;
        Ok((name, bytes.to_vec()))
    }
    let Ok(requests) = requests(keys).await else {
        return keys.iter().map(|_| Err(StorageFailed)).collect();
    };
    let mut files = Vec::with_capacity(keys.len());
    for request in requests {
        files.push(file(request).await.map_err(|_| StorageFailed));
    }
    files
}

/// Removes every kept file.
pub async fn clear() -> Result<(), StorageFailed> {
    write(|store| store.clear().map(drop)).await.map_err(|_| StorageFailed)
}
