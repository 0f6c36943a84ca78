//! A second copy of every stored key in IndexedDB.
//!
//! Chromium writes `localStorage` to disk some seconds after a change, so a browser that crashes
//! or is killed loses the last seconds of work (measured: a value set 3 s before a kill was gone,
//! one set 6 s before was kept). IndexedDB reports a transaction complete only once it is
//! committed. The app therefore writes both, reads `localStorage` (synchronous), and on start
//! takes from the journal whatever is newer there.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbTransactionMode};

use super::idb;

const DATABASE: &str = "leeruitkomsten";
const STORE: &str = "kv";

enum Journal {
    /// Not opened yet: writes wait here and go in once it is open.
    Opening(Vec<Op>),
    Open(IdbDatabase),
    /// No IndexedDB (disabled, some private modes): `localStorage` alone must do.
    Unavailable,
}

enum Op {
    Put(String, String),
    Delete(String),
}

thread_local! {
    static JOURNAL: RefCell<Journal> = const { RefCell::new(Journal::Opening(Vec::new())) };
}

pub fn put(key: &str, value: &str) {
    submit(Op::Put(key.to_string(), value.to_string()));
}

pub fn delete(key: &str) {
    submit(Op::Delete(key.to_string()));
}

fn submit(op: Op) {
    JOURNAL.with(|journal| match &mut *journal.borrow_mut() {
        Journal::Opening(pending) => pending.push(op),
        Journal::Open(db) => apply(db, &op),
        Journal::Unavailable => {}
    });
}

/// Writes are not awaited: the `localStorage` copy is already made, and a failed journal write
/// only means less protection against a crash.
fn apply(db: &IdbDatabase, op: &Op) {
    let Ok(tx) = db.transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite) else {
        return;
    };
    let Ok(store) = tx.object_store(STORE) else { return };
    let _ = match op {
        Op::Put(key, value) => {
            store.put_with_key(&JsValue::from_str(value), &JsValue::from_str(key)).map(drop)
        }
        Op::Delete(key) => store.delete(&JsValue::from_str(key)).map(drop),
    };
}

/// How long opening may take before the app starts without the journal: a database blocked by
/// another tab's upgrade must not keep the form from opening.
const OPEN_TIMEOUT_MS: i32 = 2000;

async fn open_database() -> Result<IdbDatabase, JsValue> {
    idb::open(DATABASE, STORE, Some(OPEN_TIMEOUT_MS)).await
}

/// Opens the journal and returns every `(key, value)` in it; afterwards writes go straight in.
/// On any failure the journal is off and the list is empty.
pub async fn open_and_read() -> Vec<(String, String)> {
    let db = match open_database().await {
        Ok(db) => db,
        Err(_) => {
            let pending = JOURNAL.with(|j| j.replace(Journal::Unavailable));
            drop(pending);
            return Vec::new();
        }
    };
    let items = read_all(&db).await.unwrap_or_default();
    let pending = JOURNAL.with(|j| j.replace(Journal::Open(db.clone())));
    if let Journal::Opening(ops) = pending {
        for op in &ops {
            apply(&db, op);
        }
    }
    items
}

async fn read_all(db: &IdbDatabase) -> Result<Vec<(String, String)>, JsValue> {
    let tx = db.transaction_with_str(STORE)?;
    let store = tx.object_store(STORE)?;
    let keys_request = store.get_all_keys()?;
    let values_request = store.get_all()?;
    let keys_done = idb::succeeded(&keys_request);
    let values_done = idb::succeeded(&values_request);
    JsFuture::from(keys_done).await?;
    JsFuture::from(values_done).await?;
    let keys: js_sys::Array = keys_request.result()?.dyn_into()?;
    let values: js_sys::Array = values_request.result()?.dyn_into()?;
    Ok(keys
        .iter()
        .zip(values.iter())
        .filter_map(|(key, value)| Some((key.as_string()?, value.as_string()?)))
        .collect())
}
