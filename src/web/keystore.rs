//! Where the browser keeps the signing key: `localStorage`, as the key file's JSON.

use super::storage;
use crate::core::crypto::signing_key::SigningKey;

const KEY: &str = "leeruitkomsten:v1:signing-key";

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Stored {
    None,
    Key(SigningKey),
    /// Something is stored but is not a readable key; it is never overwritten silently.
    Unreadable,
    /// Storage itself is unavailable.
    Unavailable,
}

pub fn load() -> Stored {
    match storage::read(KEY) {
        Err(_) => Stored::Unavailable,
        Ok(None) => Stored::None,
        Ok(Some(text)) => match SigningKey::from_file_json(&text) {
            Ok(key) => Stored::Key(key),
            Err(_) => Stored::Unreadable,
        },
    }
}

/// Keeps `key`, replacing whatever is there; the caller asks the user first. Reads the key back,
/// so success means it really is kept.
pub fn save(key: &SigningKey) -> Result<(), storage::StorageError> {
    storage::write(KEY, &key.to_file_json())?;
    match load() {
        Stored::Key(kept) if kept == *key => Ok(()),
        _ => Err(storage::StorageError::WriteRefused),
    }
}
