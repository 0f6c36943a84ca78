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

// journal-early.js opens the same database and store; the two must agree.
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

thread_local! {
    /// Settles once the journal is open and read (or found unavailable); set by [`start`].
    static READING: RefCell<Option<js_sys::Promise>> = const { RefCell::new(None) };
    /// What that read found, until [`open_and_read`] takes it.
    static FOUND: RefCell<Option<Vec<(String, String)>>> = const { RefCell::new(None) };
}

/// Asks the browser to open the journal and read it, and returns at once. IndexedDB answers from
/// another thread, in tens of milliseconds (more for a first visit, which creates the database),
/// while the page's own start-up work runs. The page's first script (`journal-early.js`, named in
/// index.html) has usually asked already, before the app's code arrived: then its answer is taken.
/// Starts only once.
pub fn start() {
    if READING.with(|r| r.borrow().is_some()) {
        return;
    }
    let reading = match asked_early() {
        Some(early) => wasm_bindgen_futures::future_to_promise(async move {
            let items = match JsFuture::from(early).await.map(found_early) {
                Ok(Some((db, items))) => adopt(db, items),
                _ => unavailable(),
            };
            FOUND.with(|found| *found.borrow_mut() = Some(items));
            Ok(JsValue::UNDEFINED)
        }),
        None => {
            let opening = idb::open(DATABASE, STORE, Some(OPEN_TIMEOUT_MS));
            wasm_bindgen_futures::future_to_promise(async move {
                let items = read_when_open(opening.await).await;
                FOUND.with(|found| *found.borrow_mut() = Some(items));
                Ok(JsValue::UNDEFINED)
            })
        }
    };
    READING.with(|r| *r.borrow_mut() = Some(reading));
}

/// The promise `journal-early.js` left, where it ran.
fn asked_early() -> Option<js_sys::Promise> {
    js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("leeruitkomstenJournal"))
        .ok()?
        .dyn_into()
        .ok()
}

/// The database and its `(key, value)`s from what `journal-early.js` found; `None` for its null
/// (no journal) or anything else it cannot have sent.
fn found_early(found: JsValue) -> Option<(IdbDatabase, Vec<(String, String)>)> {
    let field = |name: &str| js_sys::Reflect::get(&found, &JsValue::from_str(name)).ok();
    let db = field("db")?.dyn_into::<IdbDatabase>().ok()?;
    let keys: js_sys::Array = field("keys")?.dyn_into().ok()?;
    let values: js_sys::Array = field("values")?.dyn_into().ok()?;
    Some((db, pairs(&keys, &values)))
}

/// Every `(key, value)` in the journal, once it is open (see [`start`], which this calls where
/// it has not run); afterwards writes go straight in. On any failure the journal is off and the
/// list is empty. What was found is handed out once: a second call returns nothing.
pub async fn open_and_read() -> Vec<(String, String)> {
    start();
    if let Some(reading) = READING.with(|r| r.borrow().clone()) {
        // The promise never rejects: failures end in an empty list.
        let _ = JsFuture::from(reading).await;
    }
    FOUND.with(|found| found.borrow_mut().take()).unwrap_or_default()
}

async fn read_when_open(opened: Result<IdbDatabase, JsValue>) -> Vec<(String, String)> {
    match opened {
        Ok(db) => {
            let items = read_all(&db).await.unwrap_or_default();
            adopt(db, items)
        }
        Err(_) => unavailable(),
    }
}

/// The journal is open: the writes made while it opened go in, and later ones straight away.
fn adopt(db: IdbDatabase, items: Vec<(String, String)>) -> Vec<(String, String)> {
    let pending = JOURNAL.with(|j| j.replace(Journal::Open(db.clone())));
    if let Journal::Opening(ops) = pending {
        for op in &ops {
            apply(&db, op);
        }
    }
    items
}

/// No journal: `localStorage` alone must do, and the writes waiting for it are dropped.
fn unavailable() -> Vec<(String, String)> {
    let pending = JOURNAL.with(|j| j.replace(Journal::Unavailable));
    drop(pending);
    Vec::new()
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
    Ok(pairs(&keys, &values))
}

/// `getAllKeys` and `getAll` of one transaction list the same records in the same order.
fn pairs(keys: &js_sys::Array, values: &js_sys::Array) -> Vec<(String, String)> {
    keys.iter()
        .zip(values.iter())
        .filter_map(|(key, value)| Some((key.as_string()?, value.as_string()?)))
        .collect()
}
