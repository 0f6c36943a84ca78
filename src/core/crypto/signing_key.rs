//! The assessor's signing key as the browser keeps it and as a backup file carries it.
//!
//! A key is the 32-byte Ed25519 seed. The same JSON serves the browser's storage and the backup
//! file, so a backup is exactly what the browser holds and an import is checked as strictly as a
//! file from anyone: the secret must be well formed and give the did:key the file states.

use std::fmt;

use serde_json::{json, Value};
use sha2::Digest;

use crate::core::crypto::did_key::{self, DidKeyError, KEY_LENGTH};
use crate::core::json::{self, JsonErrorKind};

pub const KEY_FILE_TYPE: &str = "LeeruitkomstenSigningKey";
pub const KEY_FILE_VERSION: &str = "1";
/// A key file is a few hundred bytes; anything much larger is not one.
pub const MAX_KEY_FILE_BYTES: usize = 16 * 1024;

/// An Ed25519 signing key with the did:key of its public half.
#[derive(Clone, PartialEq, Eq)]
pub struct SigningKey {
    seed: [u8; KEY_LENGTH],
    public_key: [u8; KEY_LENGTH],
    did: String,
    /// When the key was made, RFC 3339 UTC.
    pub created: String,
}

/// Never print the secret, not even in a debug log.
impl fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SigningKey")
            .field("did", &self.did)
            .field("created", &self.created)
            .finish()
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeyFileError {
    TooLarge,
    NotJson,
    /// Valid JSON but not a key file of this app: names the member that is missing or wrong.
    NotAKeyFile(&'static str),
    UnknownVersion(String),
    MalformedSecret(DidKeyError),
    /// The secret does not give the did:key the file states: the file was altered or mixed up.
    DidMismatch,
    /// The browser has no Ed25519 to check the secret with (the form's page uses the browser's).
    NoEd25519,
}

impl fmt::Display for KeyFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KeyFileError::TooLarge => write!(f, "the file is too large to be a key file"),
            KeyFileError::NotJson => write!(f, "the file is not JSON"),
            KeyFileError::NotAKeyFile(member) => {
                write!(f, "not a key file: {member} is missing or wrong")
            }
            KeyFileError::UnknownVersion(v) => write!(f, "unknown key file version {v}"),
            KeyFileError::MalformedSecret(e) => write!(f, "the secret key is malformed: {e}"),
            KeyFileError::DidMismatch => {
                write!(f, "the secret key does not belong to the did:key in the file")
            }
            KeyFileError::NoEd25519 => write!(f, "this browser cannot check an Ed25519 key"),
        }
    }
}

impl SigningKey {
    /// A key from 32 random bytes; the caller takes them from a cryptographic random source.
    /// Derives the public key with the Rust implementation (native builds, the hogeschool's page).
    pub fn from_seed(seed: [u8; KEY_LENGTH], created: &str) -> SigningKey {
        SigningKey::new(seed, did_key::public_key_from_seed(&seed), created)
    }

    /// A key whose public half was derived elsewhere (the browser's Ed25519 on the form's page).
    pub fn new(seed: [u8; KEY_LENGTH], public_key: [u8; KEY_LENGTH], created: &str) -> SigningKey {
        let did = did_key::did_key_from_public_key(&public_key);
        SigningKey { seed, public_key, did, created: created.to_string() }
    }

    pub fn public_key(&self) -> &[u8; KEY_LENGTH] {
        &self.public_key
    }

    pub fn seed(&self) -> &[u8; KEY_LENGTH] {
        &self.seed
    }

    /// `did:key:z6Mk…`
    pub fn did(&self) -> &str {
        &self.did
    }

    /// A short form to compare by eye or read out on the phone: see [`fingerprint`].
    pub fn fingerprint(&self) -> String {
        fingerprint(&self.did)
    }

    /// The key file, for the browser's storage and for a backup. It holds the secret.
    pub fn to_file_json(&self) -> String {
        let file = json!({
            "type": KEY_FILE_TYPE,
            "version": KEY_FILE_VERSION,
            "did": self.did,
            "secretKeyMultibase": did_key::encode_secret_key_multibase(&self.seed),
            "created": self.created,
            "note": "Geheime sleutel om beoordelingen te ondertekenen. Bewaar dit bestand veilig en deel het met niemand. / Secret key for signing assessments. Keep this file safe and share it with no one.",
        });
        serde_json::to_string_pretty(&file).unwrap_or_default()
    }

    /// Reads a key file and checks that its secret gives its did:key (Rust Ed25519).
    pub fn from_file_json(text: &str) -> Result<SigningKey, KeyFileError> {
        let file = KeyFile::read(text)?;
        let public_key = did_key::public_key_from_seed(&file.seed);
        file.with_public_key(&public_key)
    }
}

/// A key file read but not yet checked: whether its secret gives its did:key takes Ed25519,
/// which the form's page asks of the browser ([`KeyFile::with_public_key`] then checks).
#[derive(Clone, PartialEq, Eq)]
pub struct KeyFile {
    seed: [u8; KEY_LENGTH],
    did: String,
    created: String,
}

/// Never print the secret.
impl fmt::Debug for KeyFile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("KeyFile").field("did", &self.did).finish()
    }
}

impl KeyFile {
    pub fn read(text: &str) -> Result<KeyFile, KeyFileError> {
        let value = json::parse(text, MAX_KEY_FILE_BYTES).map_err(|e| match e.kind {
            JsonErrorKind::TooLarge { .. } => KeyFileError::TooLarge,
            _ => KeyFileError::NotJson,
        })?;
        let member = |name: &'static str| {
            value.get(name).and_then(Value::as_str).ok_or(KeyFileError::NotAKeyFile(name))
        };
        if member("type")? != KEY_FILE_TYPE {
            return Err(KeyFileError::NotAKeyFile("type"));
        }
        let version = member("version")?;
        if version != KEY_FILE_VERSION {
            return Err(KeyFileError::UnknownVersion(version.to_string()));
        }
        let seed = did_key::decode_secret_key_multibase(member("secretKeyMultibase")?)
            .map_err(KeyFileError::MalformedSecret)?;
        Ok(KeyFile {
            seed,
            did: member("did")?.to_string(),
            created: member("created").unwrap_or("").to_string(),
        })
    }

    pub fn seed(&self) -> &[u8; KEY_LENGTH] {
        &self.seed
    }

    pub fn created(&self) -> &str {
        &self.created
    }

    /// The did:key the file states.
    pub fn did(&self) -> &str {
        &self.did
    }

    /// The key, once `public_key`, derived from the secret, is the file's did:key.
    pub fn with_public_key(
        self,
        public_key: &[u8; KEY_LENGTH],
    ) -> Result<SigningKey, KeyFileError> {
        let key = SigningKey::new(self.seed, *public_key, &self.created);
        if key.did != self.did {
            return Err(KeyFileError::DidMismatch);
        }
        Ok(key)
    }

    /// The key as the browser keeps it, taken without deriving its public key again: it was
    /// checked when it was made or imported and read back when kept, and the form's page checks
    /// the browser's public key against it on every signature (a mismatch signs nothing). The
    /// did:key is not a well-formed Ed25519 key only if storage was altered: `None`.
    pub fn kept(self) -> Option<SigningKey> {
        let public_key = self
            .did
            .strip_prefix("did:key:")
            .and_then(|multibase| did_key::read_public_key_multibase(multibase).ok())?;
        let key = SigningKey::new(self.seed, public_key, &self.created);
        (key.did == self.did).then_some(key)
    }
}

/// The fingerprint of any did:key: what the signer shows on their screen and a docent hears on
/// the phone before trusting the key, and what every view shows beside a key.
///
/// The first 60 bits of the SHA-256 of the did:key, in twelve characters of Crockford's base32
/// (digits and capitals without I, L, O and U) in three groups of four: `7KQ2-M9XD-4HPA`.
/// Not the did:key's own tail: base58 mixes capitals and small letters, which is hard to say
/// aloud ("kleine k, hoofdletter K"), and its last eight characters carry only 47 bits, few
/// enough that someone could make keys until one ends the same as an assessor's. Sixty bits
/// take about 2^60 keys to match one given fingerprint, far beyond what a forged record is
/// worth; one alphabet case and no look-alike letters make it safe to read out in groups.
pub fn fingerprint(did: &str) -> String {
    const CROCKFORD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    let digest = sha2::Sha256::digest(did.as_bytes());
    let mut first = [0u8; 8];
    first.copy_from_slice(digest.get(..8).unwrap_or(&[0u8; 8]));
    let bits = u64::from_be_bytes(first) >> 4;
    let chars: Vec<char> = (0..12)
        .map(|i| {
            let index = (bits >> (55 - 5 * i)) & 0x1f;
            CROCKFORD.get(index as usize).map_or('0', |&c| char::from(c))
        })
        .collect();
    chars.chunks(4).map(|group| group.iter().collect::<String>()).collect::<Vec<_>>().join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key() -> SigningKey {
        SigningKey::from_seed([7; 32], "2026-11-23T10:00:00Z")
    }

    #[test]
    fn a_key_file_round_trips_and_keeps_the_did() {
        let key = key();
        assert!(key.did().starts_with("did:key:z6Mk"));
        let back = SigningKey::from_file_json(&key.to_file_json()).unwrap();
        assert_eq!(back, key);
        assert_eq!(back.did(), key.did());
    }

    #[test]
    fn debug_output_never_shows_the_secret() {
        let key = key();
        let secret = did_key::encode_secret_key_multibase(key.seed());
        let debug = format!("{key:?}");
        assert!(debug.contains(key.did()));
        assert!(!debug.contains(&secret));
        assert!(!debug.contains("7, 7"));
    }

    #[test]
    fn altered_or_foreign_files_are_refused() {
        let key = key();
        let file = key.to_file_json();
        let other = SigningKey::from_seed([8; 32], "2026-11-23T10:00:00Z");
        let swapped_did = file.replace(key.did(), other.did());
        assert_eq!(SigningKey::from_file_json(&swapped_did), Err(KeyFileError::DidMismatch));
        assert_eq!(SigningKey::from_file_json("{"), Err(KeyFileError::NotJson));
        assert_eq!(
            SigningKey::from_file_json("{\"type\":\"LeeruitkomstenAssessmentRecord\"}"),
            Err(KeyFileError::NotAKeyFile("type"))
        );
        let newer = file.replace("\"version\": \"1\"", "\"version\": \"2\"");
        assert_eq!(
            SigningKey::from_file_json(&newer),
            Err(KeyFileError::UnknownVersion("2".into()))
        );
        let secret = did_key::encode_secret_key_multibase(key.seed());
        let broken = file.replace(&secret, &secret[..secret.len() - 2]);
        assert!(matches!(
            SigningKey::from_file_json(&broken),
            Err(KeyFileError::MalformedSecret(_))
        ));
        let huge = format!("{{\"pad\":\"{}\"}}", "x".repeat(MAX_KEY_FILE_BYTES));
        assert_eq!(SigningKey::from_file_json(&huge), Err(KeyFileError::TooLarge));
    }

    #[test]
    fn fingerprints_are_twelve_readable_characters_of_the_keys_hash() {
        let did = key().did().to_string();
        let fp = fingerprint(&did);
        assert_eq!(fp.len(), 14);
        let groups: Vec<&str> = fp.split('-').collect();
        assert_eq!(groups.len(), 3);
        assert!(groups.iter().all(|g| g.len() == 4));
        assert!(fp.chars().all(|c| c == '-'
            || (c.is_ascii_alphanumeric() && !c.is_ascii_lowercase() && !"ILOU".contains(c))));
        // The first 60 bits of the hash, five to a character.
        let digest = sha2::Sha256::digest(did.as_bytes());
        let bits = u64::from_be_bytes(digest[..8].try_into().unwrap()) >> 4;
        let first = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ"[(bits >> 55) as usize] as char;
        assert_eq!(fp.chars().next(), Some(first));
        let other = SigningKey::from_seed([8; 32], "2026-11-23T10:00:00Z");
        assert_ne!(fingerprint(other.did()), fp);
        assert_eq!(fingerprint(&did), fp, "the same key, the same fingerprint");
        // As tests/e2e/fingerprint.mjs, written from the description with Node's SHA-256, has it.
        assert_eq!(
            fingerprint("did:key:z6MktwupdmLXVVqTzCw4i46r4uGyosGXRnR3XjN4Zq7oMMsw"),
            "0SC8-13M5-SJ1H"
        );
    }
}
