//! Where the browser keeps the signing keys: `localStorage`, as one key ring holding each key's
//! own key file and its owner's name.
//!
//! The version before kept one key under [`SINGLE_KEY`]. It is still read while no ring is
//! stored, and deleted only once a ring is written and read back: that ring holds it as its
//! first entry (or the user removed it), so a failed write loses nothing.

use super::storage::{self, StorageError};
use crate::core::app::{KeyRing, KeyStatus};
use crate::core::crypto::signing_key::{KeyFile, SigningKey};

const RING: &str = "leeruitkomsten:v1:signing-keys";
const SINGLE_KEY: &str = "leeruitkomsten:v1:signing-key";

/// What storage holds: the status names the first key; the ring is every key with its owner
/// (empty when only the single key of the version before is stored: the core takes it over).
pub fn load() -> (KeyStatus, KeyRing) {
    match storage::read(RING) {
        Err(_) => (KeyStatus::Unavailable, KeyRing::default()),
        Ok(Some(text)) => match KeyRing::from_json(&text, read) {
            Ok(ring) => (ring.first().cloned().map_or(KeyStatus::None, KeyStatus::Key), ring),
            Err(_) => (KeyStatus::Unreadable, KeyRing::default()),
        },
        Ok(None) => match storage::read(SINGLE_KEY) {
            Err(_) => (KeyStatus::Unavailable, KeyRing::default()),
            Ok(None) => (KeyStatus::None, KeyRing::default()),
            Ok(Some(text)) => match read(&text) {
                Some(key) => (KeyStatus::Key(key), KeyRing::default()),
                None => (KeyStatus::Unreadable, KeyRing::default()),
            },
        },
    }
}

/// The ring as stored now, the single key of the version before taken over. Stored keys that
/// cannot be read are an error unless `over_unreadable` (the user said yes to replacing them).
fn current(over_unreadable: bool) -> Result<KeyRing, StorageError> {
    match load() {
        (KeyStatus::Unavailable, _) => Err(StorageError::Unavailable),
        (KeyStatus::Unreadable, _) if over_unreadable => Ok(KeyRing::default()),
        (KeyStatus::Unreadable, _) => Err(StorageError::WriteRefused),
        (KeyStatus::Key(key), ring) if ring.is_empty() => Ok(KeyRing::migrated(key)),
        (_, ring) => Ok(ring),
    }
}

/// Writes the ring and reads it back, so that success means it really is kept.
fn write(ring: &KeyRing) -> Result<(), StorageError> {
    let text = ring.to_json().ok_or(StorageError::WriteRefused)?;
    storage::write(RING, &text)?;
    match load() {
        (_, kept) if kept == *ring => {
            // A removed key must not come back from the old place; one left there is harmless
            // otherwise, as the ring is read first.
            let _ = storage::remove(SINGLE_KEY);
            Ok(())
        }
        _ => Err(StorageError::WriteRefused),
    }
}

/// Adds `key` as `owner`'s to the keys kept (once: a key already kept is not added again).
pub fn add(owner: &str, key: &SigningKey, over_unreadable: bool) -> Result<(), StorageError> {
    let mut ring = current(over_unreadable)?;
    ring.add(owner, key.clone());
    write(&ring)
}

/// Takes the key with this did off the keys kept.
pub fn remove(did: &str) -> Result<(), StorageError> {
    let mut ring = current(false)?;
    ring.remove(did);
    write(&ring)
}

/// The hogeschool's page checks kept keys with its Rust Ed25519; the form's page takes them as
/// kept (`KeyFile::kept`) and checks each against the browser's public key at every signature.
fn read(text: &str) -> Option<SigningKey> {
    if cfg!(feature = "hogeschool") {
        SigningKey::from_file_json(text).ok()
    } else {
        KeyFile::read(text).ok().and_then(KeyFile::kept)
    }
}
