//! Where the browser keeps the docent's trusted assessors: `localStorage`, in the form
//! `core::app::trusted::kept_json` writes.

use super::storage;
use crate::core::app::StorageFailed;

const KEY: &str = "leeruitkomsten:v1:trusted-assessors";

pub fn load() -> Result<Option<String>, StorageFailed> {
    storage::read(KEY).map_err(|_| StorageFailed)
}

/// Keeps the list and reads it back, so success means it really is kept.
pub fn save(text: &str) -> Result<(), StorageFailed> {
    storage::write(KEY, text).map_err(|_| StorageFailed)?;
    match load() {
        Ok(Some(kept)) if kept == text => Ok(()),
        _ => Err(StorageFailed),
    }
}
