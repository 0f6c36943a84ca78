//! `localStorage`, with every failure turned into a value: private modes, disabled storage and full
//! quotas all happen on assessors' devices, and none of them may stop the page.

use web_sys::Storage;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// No `localStorage` at all, or access denied (disabled cookies, some private modes).
    Unavailable,
    /// The browser refused the write, almost always because the quota is full.
    WriteRefused,
}

fn local_storage() -> Result<Storage, StorageError> {
    let window = web_sys::window().ok_or(StorageError::Unavailable)?;
    // `local_storage()` throws when access is denied and gives `None` where there is none.
    window.local_storage().ok().flatten().ok_or(StorageError::Unavailable)
}

pub fn read(key: &str) -> Result<Option<String>, StorageError> {
    local_storage()?.get_item(key).map_err(|_| StorageError::Unavailable)
}

pub fn write(key: &str, value: &str) -> Result<(), StorageError> {
    local_storage()?.set_item(key, value).map_err(|_| StorageError::WriteRefused)
}

pub fn remove(key: &str) -> Result<(), StorageError> {
    local_storage()?.remove_item(key).map_err(|_| StorageError::Unavailable)
}

/// Every `(key, value)` whose key starts with `prefix`.
pub fn items_with_prefix(prefix: &str) -> Result<Vec<(String, String)>, StorageError> {
    let storage = local_storage()?;
    let items = keys_with_prefix(&storage, prefix)?
        .filter_map(|key| storage.get_item(&key).ok().flatten().map(|value| (key, value)))
        .collect();
    Ok(items)
}

fn keys_with_prefix<'a>(
    storage: &'a Storage,
    prefix: &'a str,
) -> Result<impl Iterator<Item = String> + 'a, StorageError> {
    let length = storage.length().map_err(|_| StorageError::Unavailable)?;
    Ok((0..length)
        .filter_map(|index| storage.key(index).ok().flatten())
        .filter(move |key| key.starts_with(prefix)))
}
