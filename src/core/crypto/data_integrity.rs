//! W3C Data Integrity proofs with the `eddsa-jcs-2022` cryptosuite
//! (W3C vc-di-eddsa 1.0, section 3.3).
//!
//! Signing: the proof configuration is the proof options (plus the document's
//! `@context`, if it has one); hashData is SHA-256 of its JCS form followed by
//! SHA-256 of the JCS form of the document without `proof`; the Ed25519
//! signature over hashData is stored as base58btc multibase in `proofValue`.
//! Verification recomputes hashData from the proof minus `proofValue` and the
//! document minus `proof`.

use crate::core::crypto::did_key::{self, DidKeyError, KEY_LENGTH};
use crate::core::crypto::jcs::{self, JcsError};
use ed25519_dalek::{Signer, SigningKey, VerifyingKey};
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};
use std::fmt;

pub const PROOF_TYPE: &str = "DataIntegrityProof";
pub const CRYPTOSUITE: &str = "eddsa-jcs-2022";
pub const PROOF_PURPOSE: &str = "assertionMethod";
pub const SIGNATURE_LENGTH: usize = 64;

/// Why a proof could not be created.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SignError {
    /// Only a JSON object can carry a proof.
    DocumentNotAnObject,
    /// The document already has `proof`; proof sets are not supported.
    DocumentAlreadyHasProof,
    /// `created` is not an XML Schema dateTimeStamp; holds the value.
    InvalidCreated(String),
    /// The document or proof configuration has no canonical form.
    Canonicalization(JcsError),
}

impl fmt::Display for SignError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SignError::DocumentNotAnObject => write!(f, "only a JSON object can be signed"),
            SignError::DocumentAlreadyHasProof => write!(f, "the document already has a proof"),
            SignError::InvalidCreated(value) => write!(
                f,
                "created {value:?} is not a date-time with time zone (e.g. 2024-01-31T12:00:00Z)"
            ),
            SignError::Canonicalization(e) => write!(f, "cannot canonicalize: {e}"),
        }
    }
}

impl std::error::Error for SignError {}

/// Why a document's proof does not verify.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VerifyError {
    /// The signed document is not a JSON object.
    DocumentNotAnObject,
    /// The document has no `proof` member.
    MissingProof,
    /// `proof` is an array (a proof set or chain), which is not supported.
    ProofIsArray,
    /// `proof` is neither an object nor an array.
    ProofNotAnObject,
    /// A required proof member is absent; holds its name.
    MissingProofField(&'static str),
    /// A proof member that must be a string is not; holds its name.
    ProofFieldNotAString(&'static str),
    /// `type` is not `DataIntegrityProof`; holds the value.
    WrongProofType(String),
    /// `cryptosuite` is not `eddsa-jcs-2022`; holds the value.
    UnknownCryptosuite(String),
    /// `proofPurpose` is not `assertionMethod`; holds the value.
    WrongProofPurpose(String),
    /// `created` is not an XML Schema dateTimeStamp; holds the value.
    InvalidCreated(String),
    /// `verificationMethod` is not a well-formed Ed25519 did:key URL.
    MalformedDidKey(DidKeyError),
    /// The proof's `@context` differs from the document's.
    ContextMismatch,
    /// `proofValue` is not a base58btc multibase 64-byte signature; holds why.
    MalformedProofValue(String),
    /// The document or proof has no canonical form.
    Canonicalization(JcsError),
    /// The signature does not match the document, the proof and the key.
    SignatureMismatch,
}

impl fmt::Display for VerifyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            VerifyError::DocumentNotAnObject => {
                write!(f, "the signed document is not a JSON object")
            }
            VerifyError::MissingProof => write!(f, "the document has no proof"),
            VerifyError::ProofIsArray => {
                write!(f, "the document has several proofs; only a single proof is supported")
            }
            VerifyError::ProofNotAnObject => write!(f, "the proof is not a JSON object"),
            VerifyError::MissingProofField(name) => write!(f, "the proof has no {name}"),
            VerifyError::ProofFieldNotAString(name) => {
                write!(f, "the proof's {name} is not a string")
            }
            VerifyError::WrongProofType(t) => {
                write!(f, "proof type {t:?} is not {PROOF_TYPE}")
            }
            VerifyError::UnknownCryptosuite(s) => {
                write!(f, "unknown cryptosuite {s:?} (expected {CRYPTOSUITE})")
            }
            VerifyError::WrongProofPurpose(p) => {
                write!(f, "proof purpose {p:?} is not {PROOF_PURPOSE}")
            }
            VerifyError::InvalidCreated(value) => {
                write!(f, "created {value:?} is not a date-time with time zone")
            }
            VerifyError::MalformedDidKey(e) => write!(f, "bad verification method: {e}"),
            VerifyError::ContextMismatch => {
                write!(f, "the proof's @context differs from the document's")
            }
            VerifyError::MalformedProofValue(reason) => write!(f, "bad proofValue: {reason}"),
            VerifyError::Canonicalization(e) => write!(f, "cannot canonicalize: {e}"),
            VerifyError::SignatureMismatch => {
                write!(f, "the signature does not match this document and key")
            }
        }
    }
}

impl std::error::Error for VerifyError {}

/// What a successful verification establishes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifiedProof {
    /// The signer, `did:key:z6Mk…`.
    pub did: String,
    /// `did:key:z6Mk…#z6Mk…` as written in the proof.
    pub verification_method: String,
    pub public_key: [u8; KEY_LENGTH],
    /// `created` from the proof; optional in Data Integrity, always set by [`sign`].
    pub created: Option<String>,
}

/// The intermediate values of the eddsa-jcs-2022 hashing step, exposed so that
/// they can be checked against the W3C test vector.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HashData {
    pub canonical_proof_config: String,
    pub canonical_document: String,
    pub proof_config_hash: [u8; 32],
    pub document_hash: [u8; 32],
}

impl HashData {
    /// The bytes that are signed: proof configuration hash, then document hash.
    pub fn bytes(&self) -> [u8; 64] {
        let mut out = [0u8; 64];
        let (first, second) = out.split_at_mut(32);
        first.copy_from_slice(&self.proof_config_hash);
        second.copy_from_slice(&self.document_hash);
        out
    }
}

/// Builds the proof configuration for signing `document`: the fixed proof
/// options, with the document's `@context` copied in when it has one.
pub fn proof_configuration(
    document: &Value,
    verification_method: &str,
    created: &str,
) -> Result<Map<String, Value>, SignError> {
    let document = document.as_object().ok_or(SignError::DocumentNotAnObject)?;
    if !is_date_time_stamp(created) {
        return Err(SignError::InvalidCreated(created.to_string()));
    }
    let mut config = Map::new();
    config.insert("type".into(), PROOF_TYPE.into());
    config.insert("cryptosuite".into(), CRYPTOSUITE.into());
    config.insert("created".into(), created.into());
    config.insert("verificationMethod".into(), verification_method.into());
    config.insert("proofPurpose".into(), PROOF_PURPOSE.into());
    if let Some(context) = document.get("@context") {
        config.insert("@context".into(), context.clone());
    }
    Ok(config)
}

/// Canonicalizes and hashes a proof configuration and an unsecured document.
pub fn hash_data(
    unsecured_document: &Value,
    proof_config: &Map<String, Value>,
) -> Result<HashData, JcsError> {
    let canonical_proof_config = jcs::canonicalize_object(proof_config, None)?;
    let canonical_document = jcs::canonicalize(unsecured_document)?;
    Ok(hashes(canonical_proof_config, canonical_document))
}

/// The hashes of a canonical proof configuration and a canonical unsecured document.
fn hashes(canonical_proof_config: String, canonical_document: String) -> HashData {
    HashData {
        proof_config_hash: Sha256::digest(canonical_proof_config.as_bytes()).into(),
        document_hash: Sha256::digest(canonical_document.as_bytes()).into(),
        canonical_proof_config,
        canonical_document,
    }
}

/// Signs `document` with the Ed25519 key derived from `signing_seed` and
/// returns a copy with an `eddsa-jcs-2022` `proof` added. `created` must be an
/// XML Schema dateTimeStamp such as `2024-01-31T12:00:00Z`.
pub fn sign(document: &Value, signing_seed: &[u8; 32], created: &str) -> Result<Value, SignError> {
    let to_sign = prepare(document, &did_key::public_key_from_seed(signing_seed), created)?;
    let signature = ed25519_sign(signing_seed, &to_sign.message);
    Ok(to_sign.finish(&signature))
}

/// A document with its proof made but not yet signed: the form's page has the browser's
/// Ed25519 sign [`ToSign::message`] (which answers later), then [`ToSign::finish`] puts the
/// signature in. [`sign`] is the same with the Rust signer.
#[derive(Clone, Debug, PartialEq)]
pub struct ToSign {
    document: Map<String, Value>,
    proof: Map<String, Value>,
    /// The eddsa-jcs-2022 hashData: what the Ed25519 key signs.
    pub message: [u8; 64],
}

/// The proof of `document` for the key `public_key`, everything but its signature.
pub fn prepare(
    document: &Value,
    public_key: &[u8; KEY_LENGTH],
    created: &str,
) -> Result<ToSign, SignError> {
    let object = document.as_object().ok_or(SignError::DocumentNotAnObject)?;
    if object.contains_key("proof") {
        return Err(SignError::DocumentAlreadyHasProof);
    }
    let verification_method = did_key::verification_method_from_public_key(public_key);
    let proof = proof_configuration(document, &verification_method, created)?;
    let hashes = hash_data(document, &proof).map_err(SignError::Canonicalization)?;
    Ok(ToSign { document: object.clone(), proof, message: hashes.bytes() })
}

impl ToSign {
    /// The signed document. The signature is not checked here: the browser glue that makes it
    /// checks it against the key before answering.
    pub fn finish(self, signature: &[u8; SIGNATURE_LENGTH]) -> Value {
        let ToSign { mut document, mut proof, .. } = self;
        proof.insert("proofValue".into(), encode_proof_value(signature).into());
        document.insert("proof".into(), Value::Object(proof));
        Value::Object(document)
    }
}

/// Whether a checker checks the Ed25519 signature itself or returns it ([`SignatureCheck`]) to
/// be checked: by the browser's Ed25519 on the form's page, which answers later.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Signature {
    Check,
    Return,
}

/// What is left of verifying a proof once [`check`] found everything else in order: the
/// Ed25519 signature over `message` by `public_key`. The Rust verifier runs it with
/// [`SignatureCheck::run`]; the form's page asks the browser's Ed25519.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignatureCheck {
    pub public_key: [u8; KEY_LENGTH],
    pub message: [u8; 64],
    pub signature: [u8; SIGNATURE_LENGTH],
}

impl SignatureCheck {
    pub fn run(&self) -> Result<(), VerifyError> {
        ed25519_verify(&self.public_key, &self.message, &self.signature)
    }
}

/// Verifies the single `eddsa-jcs-2022` proof of `document`.
pub fn verify(document: &Value) -> Result<VerifiedProof, VerifyError> {
    let (proof, signature) = check(document)?;
    signature.run()?;
    Ok(proof)
}

/// Everything [`verify`] checks but the signature itself, which is returned to be checked. A key
/// that is not a curve point is found by the signature check.
pub fn check(document: &Value) -> Result<(VerifiedProof, SignatureCheck), VerifyError> {
    let object = document.as_object().ok_or(VerifyError::DocumentNotAnObject)?;
    let proof = match object.get("proof") {
        None => return Err(VerifyError::MissingProof),
        Some(Value::Object(proof)) => proof,
        Some(Value::Array(_)) => return Err(VerifyError::ProofIsArray),
        Some(_) => return Err(VerifyError::ProofNotAnObject),
    };

    let proof_type = required_string(proof, "type")?;
    if proof_type != PROOF_TYPE {
        return Err(VerifyError::WrongProofType(proof_type.to_string()));
    }
    let cryptosuite = required_string(proof, "cryptosuite")?;
    if cryptosuite != CRYPTOSUITE {
        return Err(VerifyError::UnknownCryptosuite(cryptosuite.to_string()));
    }
    let purpose = required_string(proof, "proofPurpose")?;
    if purpose != PROOF_PURPOSE {
        return Err(VerifyError::WrongProofPurpose(purpose.to_string()));
    }
    let created = match proof.get("created") {
        None => None,
        Some(Value::String(created)) if is_date_time_stamp(created) => Some(created.clone()),
        Some(Value::String(created)) => return Err(VerifyError::InvalidCreated(created.clone())),
        Some(_) => return Err(VerifyError::ProofFieldNotAString("created")),
    };
    let verification_method = required_string(proof, "verificationMethod")?;
    let key = did_key::read_verification_method(verification_method)
        .map_err(VerifyError::MalformedDidKey)?;
    let signature = decode_proof_value(required_string(proof, "proofValue")?)?;

    // The spec only asks that the document's @context start with the proof's;
    // requiring equality is stricter and leaves no unsigned context entries.
    if let Some(proof_context) = proof.get("@context") {
        if object.get("@context") != Some(proof_context) {
            return Err(VerifyError::ContextMismatch);
        }
    }

    // The proof options are the proof without its value, the unsecured document the document
    // without its proof: written so, rather than copied and then canonicalized.
    let canonical_proof_config = jcs::canonicalize_object(proof, Some("proofValue"))
        .map_err(VerifyError::Canonicalization)?;
    let canonical_document =
        jcs::canonicalize_object(object, Some("proof")).map_err(VerifyError::Canonicalization)?;
    let hashes = hashes(canonical_proof_config, canonical_document);
    let check = SignatureCheck { public_key: key.public_key, message: hashes.bytes(), signature };
    let proof = VerifiedProof {
        did: key.did,
        verification_method: verification_method.to_string(),
        public_key: key.public_key,
        created,
    };
    Ok((proof, check))
}

/// Pure Ed25519 (RFC 8032) signature of `message` with a 32-byte seed.
pub fn ed25519_sign(seed: &[u8; 32], message: &[u8]) -> [u8; SIGNATURE_LENGTH] {
    SigningKey::from_bytes(seed).sign(message).to_bytes()
}

/// Checks a pure Ed25519 signature with `verify_strict`, which also refuses
/// small-order keys and non-canonical signatures that plain `verify` allows.
pub fn ed25519_verify(
    public_key: &[u8; 32],
    message: &[u8],
    signature: &[u8; SIGNATURE_LENGTH],
) -> Result<(), VerifyError> {
    let key = VerifyingKey::from_bytes(public_key)
        .map_err(|_| VerifyError::MalformedDidKey(DidKeyError::InvalidPublicKey))?;
    key.verify_strict(message, &ed25519_dalek::Signature::from_bytes(signature))
        .map_err(|_| VerifyError::SignatureMismatch)
}

/// `proofValue` form of a signature: base58btc multibase.
pub fn encode_proof_value(signature: &[u8; SIGNATURE_LENGTH]) -> String {
    format!("z{}", bs58::encode(signature).into_string())
}

/// Decodes a `proofValue` into a 64-byte signature.
pub fn decode_proof_value(proof_value: &str) -> Result<[u8; SIGNATURE_LENGTH], VerifyError> {
    let encoded = proof_value.strip_prefix('z').ok_or_else(|| {
        VerifyError::MalformedProofValue("expected multibase prefix 'z' (base58btc)".into())
    })?;
    // 64 bytes take at most 88 base58 characters; refusing longer text up
    // front keeps the quadratic base58 decoder off hostile input.
    if encoded.len() > 90 {
        return Err(VerifyError::MalformedProofValue(format!(
            "{} characters is too long for a signature",
            encoded.len()
        )));
    }
    let bytes = bs58::decode(encoded)
        .into_vec()
        .map_err(|e| VerifyError::MalformedProofValue(format!("invalid base58btc: {e}")))?;
    <[u8; SIGNATURE_LENGTH]>::try_from(bytes.as_slice()).map_err(|_| {
        VerifyError::MalformedProofValue(format!(
            "signature is {} bytes long, expected {SIGNATURE_LENGTH}",
            bytes.len()
        ))
    })
}

fn required_string<'a>(
    proof: &'a Map<String, Value>,
    name: &'static str,
) -> Result<&'a str, VerifyError> {
    match proof.get(name) {
        None => Err(VerifyError::MissingProofField(name)),
        Some(Value::String(s)) => Ok(s),
        Some(_) => Err(VerifyError::ProofFieldNotAString(name)),
    }
}

/// Whether `s` is an XML Schema 1.1 `dateTimeStamp` (a dateTime that carries a
/// time zone), which Data Integrity requires for `created`.
pub fn is_date_time_stamp(s: &str) -> bool {
    parse_date_time_stamp(s).is_some()
}

fn parse_date_time_stamp(s: &str) -> Option<()> {
    let mut cur = Cursor { rest: s };
    let negative = cur.eat('-');
    let year_digits = cur.digits_at_least(4)?;
    // XML Schema forbids leading zeros beyond four year digits, and year 0000.
    if year_digits.len() > 4 && year_digits.starts_with('0') {
        return None;
    }
    let year: i64 = year_digits.parse().ok()?;
    cur.expect('-')?;
    let month = cur.two_digits()?;
    cur.expect('-')?;
    let day = cur.two_digits()?;
    cur.expect('T')?;
    let hour = cur.two_digits()?;
    cur.expect(':')?;
    let minute = cur.two_digits()?;
    cur.expect(':')?;
    let second = cur.two_digits()?;
    let mut fraction_is_zero = true;
    if cur.eat('.') {
        let fraction = cur.digits_at_least(1)?;
        fraction_is_zero = fraction.bytes().all(|b| b == b'0');
    }
    if !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, negative, month) {
        return None;
    }
    let end_of_day = hour == 24 && minute == 0 && second == 0 && fraction_is_zero;
    if !(hour < 24 || end_of_day) || minute > 59 || second > 59 {
        return None;
    }
    if !cur.eat('Z') {
        if !(cur.eat('+') || cur.eat('-')) {
            return None;
        }
        let tz_hour = cur.two_digits()?;
        cur.expect(':')?;
        let tz_minute = cur.two_digits()?;
        if tz_minute > 59 || tz_hour > 14 || (tz_hour == 14 && tz_minute != 0) {
            return None;
        }
    }
    cur.rest.is_empty().then_some(())
}

fn days_in_month(year: i64, negative: bool, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ => {
            // XML Schema 1.1 numbers years astronomically (0000 is 1 BCE), so
            // the Gregorian leap-year rule applies to negative years as well.
            let astronomical = if negative { -year } else { year };
            let leap =
                astronomical % 4 == 0 && (astronomical % 100 != 0 || astronomical % 400 == 0);
            if leap {
                29
            } else {
                28
            }
        }
    }
}

struct Cursor<'a> {
    rest: &'a str,
}

impl<'a> Cursor<'a> {
    fn eat(&mut self, c: char) -> bool {
        match self.rest.strip_prefix(c) {
            Some(rest) => {
                self.rest = rest;
                true
            }
            None => false,
        }
    }

    fn expect(&mut self, c: char) -> Option<()> {
        self.eat(c).then_some(())
    }

    fn digits_at_least(&mut self, min: usize) -> Option<&'a str> {
        let len = self.rest.bytes().take_while(u8::is_ascii_digit).count();
        if len < min {
            return None;
        }
        let (digits, rest) = self.rest.split_at_checked(len)?;
        self.rest = rest;
        Some(digits)
    }

    fn two_digits(&mut self) -> Option<u32> {
        let (digits, rest) = self.rest.split_at_checked(2)?;
        if !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        self.rest = rest;
        digits.parse().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(text: &str) -> Vec<u8> {
        (0..text.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&text[i..i + 2], 16).unwrap())
            .collect()
    }

    /// The fixture's signature is the Rust signer's; the form's page test (browser-ed25519)
    /// holds the browser's Ed25519 to the same key and message.
    #[test]
    fn the_known_key_fixture_is_what_the_rust_signer_makes() {
        let fixture: Value =
            serde_json::from_str(include_str!("../../../tests/fixtures/ed25519-known-key.json"))
                .unwrap();
        let field = |name: &str| hex(fixture[name].as_str().unwrap());
        let seed: [u8; 32] = field("seed").try_into().unwrap();
        let public_key = did_key::public_key_from_seed(&seed);
        assert_eq!(public_key.to_vec(), field("publicKey"));
        assert_eq!(did_key::did_key_from_public_key(&public_key), fixture["did"]);
        assert_eq!(ed25519_sign(&seed, &field("message")).to_vec(), field("signature"));
    }

    /// Preparing, signing the message elsewhere and finishing is signing.
    #[test]
    fn prepare_then_finish_is_sign() {
        let seed = [9u8; 32];
        let document =
            serde_json::json!({"@context": ["https://www.w3.org/ns/credentials/v2"], "a": 1});
        let created = "2026-12-06T08:00:00Z";
        let to_sign = prepare(&document, &did_key::public_key_from_seed(&seed), created).unwrap();
        let signature = ed25519_sign(&seed, &to_sign.message);
        let finished = to_sign.finish(&signature);
        assert_eq!(finished, sign(&document, &seed, created).unwrap());
        verify(&finished).unwrap();
        // A signature by another key makes a document that does not verify.
        let other = prepare(&document, &did_key::public_key_from_seed(&seed), created).unwrap();
        let foreign = ed25519_sign(&[8u8; 32], &other.message);
        assert_eq!(verify(&other.finish(&foreign)), Err(VerifyError::SignatureMismatch));
    }

    /// What `check` leaves to the browser is exactly the signature `verify` checks.
    #[test]
    fn check_returns_the_signature_verify_checks() {
        let seed = [5u8; 32];
        let signed = sign(&serde_json::json!({"x": "y"}), &seed, "2026-12-06T08:00:00Z").unwrap();
        let (proof, signature) = check(&signed).unwrap();
        assert_eq!(signature.public_key, did_key::public_key_from_seed(&seed));
        assert_eq!(signature.run(), Ok(()));
        assert_eq!(proof, verify(&signed).unwrap());
        let mut changed = signed.clone();
        changed["x"] = "z".into();
        let (_, signature) = check(&changed).unwrap();
        assert_eq!(signature.run(), Err(VerifyError::SignatureMismatch));
    }

    #[test]
    fn date_time_stamps() {
        for ok in [
            "2023-02-24T23:36:38Z",
            "2024-02-29T00:00:00Z",
            "2000-02-29T12:00:00.123+14:00",
            "1999-12-31T24:00:00-05:30",
            "12024-01-01T00:00:00Z",
            "-0044-03-15T12:00:00Z",
        ] {
            assert!(is_date_time_stamp(ok), "rejected {ok}");
        }
        for bad in [
            "",
            "2023-02-24",
            "2023-02-24T23:36:38",
            "2023-02-24 23:36:38Z",
            "2023-02-30T00:00:00Z",
            "2023-02-29T00:00:00Z",
            "1900-02-29T00:00:00Z",
            "2023-13-01T00:00:00Z",
            "2023-00-01T00:00:00Z",
            "2023-01-01T24:00:01Z",
            "2023-01-01T23:60:00Z",
            "2023-01-01T23:00:60Z",
            "2023-01-01T23:00:00.Z",
            "2023-01-01T23:00:00+15:00",
            "2023-01-01T23:00:00+0100",
            "02023-01-01T00:00:00Z",
            "2023-1-01T00:00:00Z",
            "2023-01-01T00:00:00Zjunk",
            "２０２３-01-01T00:00:00Z",
        ] {
            assert!(!is_date_time_stamp(bad), "accepted {bad}");
        }
    }

    #[test]
    fn proof_value_errors_are_specific() {
        assert!(matches!(decode_proof_value("u2HnF"), Err(VerifyError::MalformedProofValue(_))));
        assert!(matches!(decode_proof_value("z0OIl"), Err(VerifyError::MalformedProofValue(_))));
        assert!(matches!(
            decode_proof_value(&format!("z{}", "2".repeat(1000))),
            Err(VerifyError::MalformedProofValue(_))
        ));
        let short = encode_proof_value(&[7; 64]);
        assert_eq!(decode_proof_value(&short), Ok([7; 64]));
        assert!(matches!(
            decode_proof_value(&short[..short.len() - 3]),
            Err(VerifyError::MalformedProofValue(_))
        ));
    }

    #[test]
    fn small_order_key_forgery_is_rejected() {
        // With the identity point as key and as R, and S = 0, the plain
        // Ed25519 equation holds for every message; verify_strict refuses it.
        let mut identity = [0u8; 32];
        identity[0] = 1;
        let mut forged = [0u8; SIGNATURE_LENGTH];
        forged[0] = 1;
        let key = VerifyingKey::from_bytes(&identity).map_err(|e| e.to_string());
        assert!(key.is_ok(), "identity must decode, else the test proves nothing");
        assert_eq!(
            ed25519_verify(&identity, b"any message", &forged),
            Err(VerifyError::SignatureMismatch)
        );
    }

    #[test]
    fn sign_rejects_bad_input() {
        let seed = [9u8; 32];
        assert_eq!(
            sign(&Value::Array(vec![]), &seed, "2024-01-01T00:00:00Z"),
            Err(SignError::DocumentNotAnObject)
        );
        assert_eq!(
            sign(&serde_json::json!({"proof": {}}), &seed, "2024-01-01T00:00:00Z"),
            Err(SignError::DocumentAlreadyHasProof)
        );
        assert_eq!(
            sign(&serde_json::json!({}), &seed, "yesterday"),
            Err(SignError::InvalidCreated("yesterday".into()))
        );
    }
}
