//! `did:key` identifiers and Multikey encodings for Ed25519 keys.
//!
//! A did:key is the public key itself: `did:key:` + base58btc multibase
//! (prefix `z`) of the multicodec header `0xed 0x01` (ed25519-pub) followed by
//! the 32 key bytes. Its verification method is `did:key:<mb>#<mb>`. A secret
//! key is written the same way with the header `0x80 0x26` (ed25519-priv)
//! before the 32-byte seed.

use ed25519_dalek::{SigningKey, VerifyingKey};
use std::fmt;

/// Varint-encoded multicodec header of an Ed25519 public key (code 0xed).
pub const ED25519_PUB_HEADER: [u8; 2] = [0xed, 0x01];
/// Varint-encoded multicodec header of an Ed25519 secret key (code 0x1300).
pub const ED25519_PRIV_HEADER: [u8; 2] = [0x80, 0x26];
/// Length of an Ed25519 public key and of a secret seed.
pub const KEY_LENGTH: usize = 32;

const DID_KEY_PREFIX: &str = "did:key:";
const BASE58BTC_PREFIX: char = 'z';
/// Header plus key; anything much longer cannot be a key, and refusing it
/// before decoding keeps base58's quadratic decoding off huge inputs.
const MAX_ENCODED_CHARS: usize = 64;

/// Which kind of key a multibase string is expected to hold; only used to
/// word errors.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyKind {
    Public,
    Secret,
}

impl KeyKind {
    fn header(self) -> [u8; 2] {
        match self {
            KeyKind::Public => ED25519_PUB_HEADER,
            KeyKind::Secret => ED25519_PRIV_HEADER,
        }
    }

    fn codec_name(self) -> &'static str {
        match self {
            KeyKind::Public => "ed25519-pub (0xed01)",
            KeyKind::Secret => "ed25519-priv (0x8026)",
        }
    }
}

/// Why a did:key, verification method or Multikey string was rejected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DidKeyError {
    /// The text does not start with `did:key:`.
    NotDidKey,
    /// The multibase value does not start with `z` (base58btc); holds what it
    /// starts with, or `None` when it is empty.
    WrongMultibasePrefix(Option<char>),
    /// The base58btc part does not decode; holds the reason.
    BadBase58(String),
    /// The decoded bytes do not start with the expected multicodec header;
    /// `found` holds the first (up to two) bytes.
    WrongMulticodec { expected: KeyKind, found: Vec<u8> },
    /// The key after the header is not 32 bytes.
    WrongKeyLength { expected: usize, found: usize },
    /// The 32 bytes are not a point on the Ed25519 curve.
    InvalidPublicKey,
    /// A verification method without a `#fragment`.
    MissingFragment,
    /// The `#fragment` of a verification method is not the key of its DID.
    FragmentMismatch,
}

impl fmt::Display for DidKeyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DidKeyError::NotDidKey => write!(f, "not a did:key identifier"),
            DidKeyError::WrongMultibasePrefix(Some(c)) => {
                write!(f, "multibase prefix {c:?} is not 'z' (base58btc)")
            }
            DidKeyError::WrongMultibasePrefix(None) => {
                write!(f, "empty key value: expected multibase 'z' (base58btc)")
            }
            DidKeyError::BadBase58(reason) => write!(f, "invalid base58btc: {reason}"),
            DidKeyError::WrongMulticodec { expected, found } => {
                let found: String = found.iter().map(|b| format!("{b:02x}")).collect();
                if found.is_empty() {
                    write!(f, "no multicodec header: expected {}", expected.codec_name())
                } else {
                    write!(
                        f,
                        "wrong multicodec header 0x{found}: expected {}",
                        expected.codec_name()
                    )
                }
            }
            DidKeyError::WrongKeyLength { expected, found } => {
                write!(f, "key is {found} bytes long, expected {expected}")
            }
            DidKeyError::InvalidPublicKey => write!(f, "not a valid Ed25519 public key"),
            DidKeyError::MissingFragment => {
                write!(f, "verification method has no #fragment naming the key")
            }
            DidKeyError::FragmentMismatch => {
                write!(f, "verification method fragment does not match its did:key")
            }
        }
    }
}

impl std::error::Error for DidKeyError {}

/// A decoded Ed25519 did:key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ed25519DidKey {
    /// `did:key:z6Mk…`, without fragment.
    pub did: String,
    pub public_key: [u8; KEY_LENGTH],
}

/// Derives the Ed25519 public key from a 32-byte secret seed (RFC 8032).
pub fn public_key_from_seed(seed: &[u8; KEY_LENGTH]) -> [u8; KEY_LENGTH] {
    SigningKey::from_bytes(seed).verifying_key().to_bytes()
}

/// Multikey `publicKeyMultibase` (`z6Mk…`) of a public key.
pub fn encode_public_key_multibase(public_key: &[u8; KEY_LENGTH]) -> String {
    encode_multibase(KeyKind::Public, public_key)
}

/// Multikey `secretKeyMultibase` (`z3u2…`) of a secret seed.
pub fn encode_secret_key_multibase(seed: &[u8; KEY_LENGTH]) -> String {
    encode_multibase(KeyKind::Secret, seed)
}

/// Decodes a `publicKeyMultibase` and checks that it is an Ed25519 point.
pub fn decode_public_key_multibase(multibase: &str) -> Result<[u8; KEY_LENGTH], DidKeyError> {
    let key = decode_multibase(KeyKind::Public, multibase)?;
    VerifyingKey::from_bytes(&key).map_err(|_| DidKeyError::InvalidPublicKey)?;
    Ok(key)
}

/// Decodes a `publicKeyMultibase` without checking that it is a curve point.
pub fn read_public_key_multibase(multibase: &str) -> Result<[u8; KEY_LENGTH], DidKeyError> {
    decode_multibase(KeyKind::Public, multibase)
}

/// Decodes a `secretKeyMultibase` into the 32-byte seed.
pub fn decode_secret_key_multibase(multibase: &str) -> Result<[u8; KEY_LENGTH], DidKeyError> {
    decode_multibase(KeyKind::Secret, multibase)
}

/// `did:key:z6Mk…` for a public key.
pub fn did_key_from_public_key(public_key: &[u8; KEY_LENGTH]) -> String {
    format!("{DID_KEY_PREFIX}{}", encode_public_key_multibase(public_key))
}

/// `did:key:z6Mk…` for the public key of a secret seed.
pub fn did_key_from_seed(seed: &[u8; KEY_LENGTH]) -> String {
    did_key_from_public_key(&public_key_from_seed(seed))
}

/// Verification method `did:key:z6Mk…#z6Mk…` for a public key.
pub fn verification_method_from_public_key(public_key: &[u8; KEY_LENGTH]) -> String {
    let multibase = encode_public_key_multibase(public_key);
    format!("{DID_KEY_PREFIX}{multibase}#{multibase}")
}

/// Decodes `did:key:z6Mk…` (no fragment) into the public key.
pub fn decode_did_key(did: &str) -> Result<[u8; KEY_LENGTH], DidKeyError> {
    let multibase = did.strip_prefix(DID_KEY_PREFIX).ok_or(DidKeyError::NotDidKey)?;
    decode_public_key_multibase(multibase)
}

/// Decodes a verification method `did:key:z6Mk…#z6Mk…`, requiring the fragment
/// to repeat the key as the did:key method specifies for Ed25519.
pub fn decode_verification_method(verification_method: &str) -> Result<Ed25519DidKey, DidKeyError> {
    let key = read_verification_method(verification_method)?;
    VerifyingKey::from_bytes(&key.public_key).map_err(|_| DidKeyError::InvalidPublicKey)?;
    Ok(key)
}

/// As [`decode_verification_method`], but without checking that the key is a point on the
/// curve: for the form's page, which leaves that check to the browser's Ed25519 together with
/// the signature (a key that is no point never verifies), and so ships no curve arithmetic.
pub fn read_verification_method(verification_method: &str) -> Result<Ed25519DidKey, DidKeyError> {
    if !verification_method.starts_with(DID_KEY_PREFIX) {
        return Err(DidKeyError::NotDidKey);
    }
    let (did, fragment) =
        verification_method.split_once('#').ok_or(DidKeyError::MissingFragment)?;
    let multibase = did.strip_prefix(DID_KEY_PREFIX).ok_or(DidKeyError::NotDidKey)?;
    let public_key = decode_multibase(KeyKind::Public, multibase)?;
    if fragment != multibase {
        return Err(DidKeyError::FragmentMismatch);
    }
    Ok(Ed25519DidKey { did: did.to_string(), public_key })
}

fn encode_multibase(kind: KeyKind, key: &[u8; KEY_LENGTH]) -> String {
    let mut bytes = Vec::with_capacity(2 + KEY_LENGTH);
    bytes.extend_from_slice(&kind.header());
    bytes.extend_from_slice(key);
    format!("{BASE58BTC_PREFIX}{}", bs58::encode(bytes).into_string())
}

fn decode_multibase(kind: KeyKind, multibase: &str) -> Result<[u8; KEY_LENGTH], DidKeyError> {
    let mut chars = multibase.chars();
    match chars.next() {
        Some(BASE58BTC_PREFIX) => {}
        other => return Err(DidKeyError::WrongMultibasePrefix(other)),
    }
    let encoded = chars.as_str();
    if encoded.len() > MAX_ENCODED_CHARS {
        return Err(DidKeyError::BadBase58(format!(
            "{} characters is too long for a key",
            encoded.len()
        )));
    }
    let bytes =
        bs58::decode(encoded).into_vec().map_err(|e| DidKeyError::BadBase58(e.to_string()))?;
    let header = kind.header();
    let key = bytes.strip_prefix(&header[..]).ok_or_else(|| DidKeyError::WrongMulticodec {
        expected: kind,
        found: bytes.iter().take(header.len()).copied().collect(),
    })?;
    <[u8; KEY_LENGTH]>::try_from(key)
        .map_err(|_| DidKeyError::WrongKeyLength { expected: KEY_LENGTH, found: key.len() })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED_ZERO_DID: &str = "did:key:z6MkiTBz1ymuepAQ4HEHYSF1H8quG5GLVVQR3djdX3mDooWp";

    #[test]
    fn zero_seed_matches_did_method_key_vector() {
        // w3c-ccg/did-method-key test vector for the all-zero seed.
        assert_eq!(did_key_from_seed(&[0; 32]), SEED_ZERO_DID);
    }

    #[test]
    fn decode_errors_are_specific() {
        let mb = SEED_ZERO_DID.trim_start_matches("did:key:");
        assert_eq!(decode_did_key("did:web:example.com"), Err(DidKeyError::NotDidKey));
        assert_eq!(
            decode_did_key(&format!("did:key:f{}", &mb[1..])),
            Err(DidKeyError::WrongMultibasePrefix(Some('f')))
        );
        assert_eq!(decode_did_key("did:key:"), Err(DidKeyError::WrongMultibasePrefix(None)));
        assert!(matches!(decode_did_key("did:key:z6Mk0OIl"), Err(DidKeyError::BadBase58(_))));
        assert!(matches!(
            decode_did_key(&format!("did:key:z{}", "2".repeat(100))),
            Err(DidKeyError::BadBase58(_))
        ));
        // X25519 key (multicodec 0xec) from the did:key test vectors.
        assert_eq!(
            decode_did_key("did:key:z6LSeu9HkTHSfLLeUs2nnzUSNedgDUevfNQgQjQC23ZCit6F"),
            Err(DidKeyError::WrongMulticodec {
                expected: KeyKind::Public,
                found: vec![0xec, 0x01]
            })
        );
        let short = format!("did:key:z{}", bs58::encode([0xed, 0x01, 1, 2, 3]).into_string());
        assert_eq!(
            decode_did_key(&short),
            Err(DidKeyError::WrongKeyLength { expected: 32, found: 3 })
        );
        assert_eq!(decode_verification_method(SEED_ZERO_DID), Err(DidKeyError::MissingFragment));
        let other = did_key_from_seed(&[1; 32]);
        let other_mb = other.trim_start_matches("did:key:");
        assert_eq!(
            decode_verification_method(&format!("{SEED_ZERO_DID}#{other_mb}")),
            Err(DidKeyError::FragmentMismatch)
        );
        assert_eq!(
            decode_public_key_multibase(&encode_secret_key_multibase(&[0; 32])),
            Err(DidKeyError::WrongMulticodec {
                expected: KeyKind::Public,
                found: vec![0x80, 0x26]
            })
        );
    }

    #[test]
    fn off_curve_key_is_rejected() {
        // y = 2 has no x on Ed25519, so this encoding is not a curve point.
        let mut bytes = [0u8; 32];
        bytes[0] = 2;
        assert_eq!(
            decode_did_key(&did_key_from_public_key(&bytes)),
            Err(DidKeyError::InvalidPublicKey)
        );
    }
}
