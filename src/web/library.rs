//! Keeps the assessments in `localStorage`, one key per assessment (see `core::library`), and
//! tells the app when another tab changes one.

use std::cell::RefCell;

use gloo::events::EventListener;
use wasm_bindgen::JsCast;

use super::download::{self, DownloadRefused};
use super::storage::{self, StorageError};
use super::{clock, journal};
use yew::Callback;

use crate::core::framework::link_frameworks::LinkFrameworks;
use crate::core::library::saved::{self, SavedEntry, SavedError};
use crate::core::library::{self, backup_contents, backup_to_json, JournalCopy, Listed};

/// Writes `entry` and remembers it as the open one. The entry is read back: a write the browser
/// claims to have made but did not is a failure like any other.
pub fn save(entry: &SavedEntry) -> Result<(), StorageError> {
    write(entry)?;
    // Saving runs on every keystroke; the open id rarely changes, and reading is cheaper than a
    // write to both stores.
    if open_id().as_deref() == Some(entry.id.as_str()) {
        return Ok(());
    }
    set_open(&entry.id)
}

/// Writes `entry` without opening it (a copy, an import).
pub fn write(entry: &SavedEntry) -> Result<(), StorageError> {
    let text = saved::to_json(entry).map_err(|_| StorageError::WriteRefused)?;
    let key = library::entry_key(&entry.id);
    put(&key, &text)?;
    if storage::read(&key)?.as_deref() != Some(text.as_str()) {
        return Err(StorageError::WriteRefused);
    }
    Ok(())
}

pub fn set_open(id: &str) -> Result<(), StorageError> {
    put(library::OPEN_KEY, id)
}

/// Writes to `localStorage` and to the journal that outlives a crash.
fn put(key: &str, text: &str) -> Result<(), StorageError> {
    remember_start(key);
    storage::write(key, text)?;
    journal::put(key, text);
    Ok(())
}

/// Each key this page has written or removed since it started, with its text then. A few at
/// most, as the journal answers within the first second: a list, not a map, which made the
/// page's code 1 KB larger.
type Written = Vec<(String, Option<String>)>;

thread_local! {
    /// Until the journal is read ([`journal_unread`], [`recover`]).
    static SINCE_START: RefCell<Option<Written>> = const { RefCell::new(None) };
}

/// What [`recover`] wrote: entries put back under their own keys, and copies kept apart.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Recovered {
    pub put_back: usize,
    pub kept_apart: usize,
}

/// The form opens before the journal is read: from now until [`recover`], what each key held
/// before this page first writes it is remembered.
pub fn journal_unread() {
    SINCE_START.with(|since| *since.borrow_mut() = Some(Vec::new()));
}

fn remember_start(key: &str) {
    SINCE_START.with(|since| {
        if let Some(written) = since.borrow_mut().as_mut() {
            if !written.iter().any(|(k, _)| k == key) {
                written.push((key.to_string(), storage::read(key).ok().flatten()));
            }
        }
    });
}

pub fn open_id() -> Option<String> {
    storage::read(library::OPEN_KEY).ok().flatten().filter(|id| saved::is_entry_id(id))
}

/// The stored text of one entry: at start, to learn the framework of the assessment that was open.
pub fn raw(id: &str) -> Result<Option<String>, StorageError> {
    storage::read(&library::entry_key(id))
}

pub fn remove(id: &str) -> Result<(), StorageError> {
    let key = library::entry_key(id);
    remember_start(&key);
    storage::remove(&key)?;
    journal::delete(&key);
    Ok(())
}

/// Puts back into `localStorage` what the journal holds newer than what this page started from:
/// the seconds of work a crashed or killed browser did not write to disk. The form is open by
/// then; an entry this page has written since gets the journal's newer copy beside it, under
/// `new_id()`, rather than over it (`core::library::journal_copy`).
pub fn recover(
    journal_items: Vec<(String, String)>,
    mut new_id: impl FnMut() -> String,
) -> Recovered {
    let written = SINCE_START.with(|since| since.borrow_mut().take()).unwrap_or_default();
    let mut recovered = Recovered::default();
    for (key, text) in journal_items {
        if key == library::OPEN_KEY {
            if matches!(storage::read(&key), Ok(None)) && saved::is_entry_id(&text) {
                let _ = storage::write(&key, &text);
            }
        } else if library::id_of_key(&key).is_some() {
            let (at_start, written_since) = match written.iter().find(|(k, _)| *k == key) {
                Some((_, at_start)) => (at_start.clone(), true),
                None => (storage::read(&key).ok().flatten(), false),
            };
            match library::journal_copy(at_start.as_deref(), written_since, &text, &mut new_id) {
                JournalCopy::Stale => {}
                JournalCopy::PutBack => {
                    recovered.put_back += usize::from(storage::write(&key, &text).is_ok());
                }
                JournalCopy::KeepApart { id, text } => {
                    recovered.kept_apart +=
                        usize::from(put(&library::entry_key(&id), &text).is_ok());
                }
            }
        }
    }
    recovered
}

/// Every stored assessment, newest first, unreadable ones kept apart.
pub fn list() -> Result<Vec<Listed>, StorageError> {
    Ok(library::read_all(storage::items_with_prefix(library::ENTRY_PREFIX)?))
}

/// What moving version 1's single assessment into the library came to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Migration {
    /// Nothing of version 1 was stored.
    Nothing,
    /// Moved; this is its new id.
    Moved(String),
    /// Version 1's entry could not be read or moved; it stays where it is, untouched.
    Failed(SavedError),
}

/// Moves what version 1 kept into an entry of its own, and removes the old key only once the new
/// entry reads back.
pub fn migrate_v1(id: &str, now: &str) -> Migration {
    let Ok(Some(text)) = storage::read(library::V1_KEY) else {
        return Migration::Nothing;
    };
    match saved::migrate_v1(&text, id, now) {
        Ok(entry) => match save(&entry) {
            Ok(()) => {
                let _ = storage::remove(library::V1_KEY);
                journal::delete(library::V1_KEY);
                Migration::Moved(entry.id)
            }
            Err(_) => Migration::Failed(SavedError::Unreadable("storage")),
        },
        Err(error) => Migration::Failed(error),
    }
}

/// Tells the page when another tab changes or removes an assessment, as `changed` or `removed`
/// of its own messages; the listener stops when the returned value is dropped. (The browser sends
/// these only to other tabs, never to the writer.)
pub fn on_change<M: 'static>(
    dispatch: Callback<M>,
    changed: fn(SavedEntry) -> M,
    removed: fn(String) -> M,
) -> Option<EventListener> {
    let window = web_sys::window()?;
    Some(EventListener::new(&window, "storage", move |event| {
        let Some(event) = event.dyn_ref::<web_sys::StorageEvent>() else { return };
        let Some(key) = event.key() else { return };
        let Some(id) = library::id_of_key(&key) else { return };
        match event.new_value().map(|text| saved::from_json(&text)) {
            Some(Ok(entry)) => dispatch.emit(changed(entry)),
            // Unreadable text from another tab is left alone; the list shows it.
            Some(Err(_)) => {}
            None => dispatch.emit(removed(id.to_string())),
        }
    }))
}

/// Downloads a backup of `listed`, with `open` as it is in memory in place of its stored copy
/// (see `core::library::backup_contents`), as `leeruitkomsten-back-up-<date>.json`.
pub fn download_backup(
    listed: &[Listed],
    open: Option<&SavedEntry>,
    links: &LinkFrameworks,
) -> Result<(), DownloadRefused> {
    let (entries, raw) = backup_contents(listed, open);
    let now = clock::now_rfc3339();
    let json = backup_to_json(&entries, &raw, links, &now).map_err(|_| DownloadRefused)?;
    let name = format!("leeruitkomsten-back-up-{}.json", now.get(..10).unwrap_or(""));
    download::text_file(&name, "application/json", &json)
}
