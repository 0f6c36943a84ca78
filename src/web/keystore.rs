//! Where the browser keeps the signing key: `localStorage`, as the key file's JSON.

use super::storage;
use crate::core::app::KeyStatus;
use crate::core::crypto::signing_key::{KeyFile, SigningKey};

const KEY: &str = "leeruitkomsten:v1:signing-key";

pub fn load() -> KeyStatus {
    match storage::read(KEY) {
        Err(_) => KeyStatus::Unavailable,
        Ok(None) => KeyStatus::None,
        Ok(Some(text)) => match read(&text) {
            Some(key) => KeyStatus::Key(key),
            None => KeyStatus::Unreadable,
        },
    }
}

/// Keeps `key`, replacing whatever is there; the core asks the user first. Reads the key back,
/// so success means it really is kept.
pub fn save(key: &SigningKey) -> Result<(), storage::StorageError> {
    storage::write(KEY, &key.to_file_json())?;
    match load() {
        KeyStatus::Key(kept) if kept == *key => Ok(()),
        _ => Err(storage::StorageError::WriteRefused),
    }
}

/// The hogeschool's page checks the kept key with its Rust Ed25519; the form's page takes it as
/// kept (`KeyFile::kept`) and checks it against the browser's public key at every signature.
fn read(text: &str) -> Option<SigningKey> {
    if cfg!(feature = "hogeschool") {
        SigningKey::from_file_json(text).ok()
    } else {
        KeyFile::read(text).ok().and_then(KeyFile::kept)
    }
}
