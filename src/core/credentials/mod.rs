//! The trust chain around a record, each link a W3C Verifiable Credential (VC 2.0) signed with
//! `eddsa-jcs-2022` like the record itself: the docent's invitation to assess a student, the
//! docent's list of trusted assessors, and the examinator's decision on a record.
//!
//! This module holds what every one of them shares: issuing (the signer becomes the issuer),
//! verifying the envelope (context, type, issuer is signer, validity window) and the digest by
//! which one credential names another (`digestMultibase`).

pub mod badge;
pub mod baking;
pub mod decision;
pub mod invitation;
pub mod standing;
pub mod trusted;

use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use crate::core::crypto::data_integrity::{
    self, SignError, SignatureCheck, VerifiedProof, VerifyError,
};
use crate::core::crypto::did_key;
use crate::core::crypto::{base64url, jcs};
use crate::core::record::shape::{is_rfc3339_utc, RECORD_CONTEXT, VC_TYPE};

/// The docent's invitation to assess one student (`credentials::invitation`).
pub const INVITATION_TYPE: &str = "LeeruitkomstenInvitation";
/// The docent's list of assessors whose keys the hogeschool knows.
pub const TRUSTED_ASSESSORS_TYPE: &str = "LeeruitkomstenTrustedAssessors";
/// The examinator's decision per learning outcome on one record.
pub const DECISION_TYPE: &str = "LeeruitkomstenDecision";

/// The multihash header of a SHA-256 digest: function code 0x12, length 32.
const SHA256_MULTIHASH: [u8; 2] = [0x12, 0x20];

/// What checking a credential's envelope and proof established.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifiedCredential {
    /// The credential's own `id`, when it has one.
    pub id: Option<String>,
    /// The signer's did:key, which is also `issuer.id`.
    pub issuer: String,
    pub issuer_name: Option<String>,
    pub valid_from: String,
    pub valid_until: Option<String>,
    pub proof: VerifiedProof,
}

/// Why a credential is not one the app accepts; each names what a person can check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CredentialProblem {
    NotAnObject,
    /// `@context` is not the VC 2.0 context followed by the app's.
    WrongContext,
    /// `type` lacks `VerifiableCredential` or the expected type.
    WrongType {
        expected: &'static str,
    },
    /// No `issuer`, or one that is neither a string nor an object with a string `id`.
    MissingIssuer,
    /// The signature is good but made by another key than the one `issuer` names.
    IssuerNotSigner {
        issuer: String,
        signer: String,
    },
    /// `validFrom` or `validUntil` missing where required, or not RFC 3339 in UTC.
    BadValidity(&'static str),
    Signature(VerifyError),
}

impl std::fmt::Display for CredentialProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CredentialProblem::NotAnObject => write!(f, "the credential is not a JSON object"),
            CredentialProblem::WrongContext => {
                write!(f, "@context is not the VC 2.0 context followed by the app's")
            }
            CredentialProblem::WrongType { expected } => {
                write!(f, "type must hold {VC_TYPE} and {expected}")
            }
            CredentialProblem::MissingIssuer => write!(f, "issuer.id is missing"),
            CredentialProblem::IssuerNotSigner { issuer, signer } => {
                write!(f, "issuer.id {issuer} is not the signer {signer}")
            }
            CredentialProblem::BadValidity(field) => {
                write!(f, "{field} is missing or not an RFC 3339 time in UTC")
            }
            CredentialProblem::Signature(e) => write!(f, "{e}"),
        }
    }
}

/// Why a credential could not be issued.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IssueError {
    /// The document names an issuer other than the key that would sign it.
    IssuerNotSigner {
        issuer: String,
        signer: String,
    },
    Sign(SignError),
}

impl std::fmt::Display for IssueError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            IssueError::IssuerNotSigner { issuer, signer } => {
                write!(f, "issuer.id {issuer} is not the signing key {signer}")
            }
            IssueError::Sign(e) => write!(f, "{e}"),
        }
    }
}

/// Where `now` falls in a credential's validity window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Validity {
    NotYet,
    Current,
    Expired,
}

impl VerifiedCredential {
    /// `now` is RFC 3339 UTC, as [`crate::core::app::Now`] gives it.
    pub fn validity(&self, now: &str) -> Validity {
        validity(&self.valid_from, self.valid_until.as_deref(), now)
    }
}

/// Where `now` falls between `valid_from` and `valid_until` (all RFC 3339 UTC): the window is
/// half open, so a credential valid until midnight is expired at midnight.
pub fn validity(valid_from: &str, valid_until: Option<&str>, now: &str) -> Validity {
    if utc_order(now) < utc_order(valid_from) {
        Validity::NotYet
    } else if valid_until.is_some_and(|until| utc_order(now) >= utc_order(until)) {
        Validity::Expired
    } else {
        Validity::Current
    }
}

/// Signs `unsigned` as its issuer: `issuer.id` becomes the signer's did:key (a VC verifier
/// requires the issuer to control the key), and one naming another issuer is refused.
pub fn issue(unsigned: &Value, seed: &[u8; 32], created: &str) -> Result<Value, IssueError> {
    let mut document = unsigned.clone();
    let object =
        document.as_object_mut().ok_or(IssueError::Sign(SignError::DocumentNotAnObject))?;
    let signer = did_key::did_key_from_seed(seed);
    let issuer = object.entry("issuer").or_insert_with(|| Value::Object(Map::new()));
    match issuer {
        Value::Object(issuer) => match issuer.get("id") {
            Some(Value::String(id)) if *id != signer => {
                return Err(IssueError::IssuerNotSigner { issuer: id.clone(), signer })
            }
            _ => {
                issuer.insert("id".into(), Value::String(signer));
            }
        },
        Value::String(id) if *id == signer => {}
        other => {
            let issuer = other.as_str().unwrap_or("(not a string)").to_string();
            return Err(IssueError::IssuerNotSigner { issuer, signer });
        }
    }
    data_integrity::sign(&document, seed, created).map_err(IssueError::Sign)
}

/// Checks a credential of `expected_type` the way every credential of the app is checked: the
/// exact `@context` and `type`, a valid `eddsa-jcs-2022` proof, the issuer being the signer, and
/// `validFrom` (and `validUntil`, when present) in RFC 3339 UTC. What the subject holds is for the
/// caller; whether it is valid *now* is [`VerifiedCredential::validity`].
pub fn verify_credential(
    value: &Value,
    expected_type: &'static str,
) -> Result<VerifiedCredential, CredentialProblem> {
    let (verified, signature) = check_credential(value, expected_type, Signature::Check)?;
    debug_assert!(signature.is_none());
    Ok(verified)
}

pub use crate::core::crypto::data_integrity::Signature;

/// [`verify_credential`], or with [`Signature::Return`] everything but the signature, which is
/// returned to be checked.
pub fn check_credential(
    value: &Value,
    expected_type: &'static str,
    signature: Signature,
) -> Result<(VerifiedCredential, Option<SignatureCheck>), CredentialProblem> {
    let object = value.as_object().ok_or(CredentialProblem::NotAnObject)?;
    let context_ok = object.get("@context").and_then(Value::as_array).is_some_and(|context| {
        context.len() == RECORD_CONTEXT.len()
            && context.iter().zip(RECORD_CONTEXT).all(|(a, b)| a.as_str() == Some(b))
    });
    if !context_ok {
        return Err(CredentialProblem::WrongContext);
    }
    let types: Vec<&str> = match object.get("type") {
        Some(Value::Array(types)) => types.iter().filter_map(Value::as_str).collect(),
        _ => Vec::new(),
    };
    if !(types.contains(&VC_TYPE) && types.contains(&expected_type)) {
        return Err(CredentialProblem::WrongType { expected: expected_type });
    }
    let (issuer, issuer_name) = match object.get("issuer") {
        Some(Value::String(id)) => (id.clone(), None),
        Some(Value::Object(issuer)) => match issuer.get("id") {
            Some(Value::String(id)) => {
                (id.clone(), issuer.get("name").and_then(Value::as_str).map(str::to_string))
            }
            _ => return Err(CredentialProblem::MissingIssuer),
        },
        _ => return Err(CredentialProblem::MissingIssuer),
    };
    let time = |field: &'static str| match object.get(field) {
        None => Ok(None),
        Some(Value::String(t)) if is_rfc3339_utc(t) => Ok(Some(t.clone())),
        Some(_) => Err(CredentialProblem::BadValidity(field)),
    };
    let valid_from = time("validFrom")?.ok_or(CredentialProblem::BadValidity("validFrom"))?;
    let valid_until = time("validUntil")?;
    let (proof, check) = data_integrity::check(value).map_err(CredentialProblem::Signature)?;
    let check = match signature {
        Signature::Check => {
            check.run().map_err(CredentialProblem::Signature)?;
            None
        }
        Signature::Return => Some(check),
    };
    if proof.did != issuer {
        return Err(CredentialProblem::IssuerNotSigner { issuer, signer: proof.did });
    }
    let verified = VerifiedCredential {
        id: object.get("id").and_then(Value::as_str).map(str::to_string),
        issuer,
        issuer_name,
        valid_from,
        valid_until,
        proof,
    };
    Ok((verified, check))
}

/// How one credential names another beyond its id: `u` (base64url, no padding) and the
/// SHA-256 multihash of the RFC 8785 canonical form of the whole signed document, proof
/// included, so that changing any value of it breaks the reference.
pub fn digest_multibase(signed: &Value) -> Result<String, jcs::JcsError> {
    let canonical = jcs::canonicalize(signed)?;
    let mut multihash = SHA256_MULTIHASH.to_vec();
    multihash.extend_from_slice(&Sha256::digest(canonical.as_bytes()));
    Ok(format!("u{}", base64url::encode(&multihash)))
}

/// RFC 3339 UTC times as written here compare as text once the fraction is padded: the same
/// instant written `…:00Z` and `…:00.000Z` sorts as equal.
fn utc_order(time: &str) -> (String, String) {
    let body = time.trim_end_matches('Z');
    let (seconds, fraction) = body.split_once('.').unwrap_or((body, ""));
    (seconds.to_string(), format!("{fraction:0<9}"))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    const SEED: [u8; 32] = [9; 32];
    const OTHER: [u8; 32] = [4; 32];

    fn unsigned() -> Value {
        json!({
            "@context": RECORD_CONTEXT,
            "id": "urn:uuid:0b7f5ad2-3c4e-4d7e-9a1b-2f3c4d5e6f70",
            "type": [VC_TYPE, INVITATION_TYPE],
            "issuer": {"name": "Docent"},
            "validFrom": "2026-12-01T09:00:00Z",
            "validUntil": "2027-01-01T00:00:00Z",
            "credentialSubject": {"name": "Student"}
        })
    }

    #[test]
    fn issued_credentials_name_their_signer_and_verify() {
        let signed = issue(&unsigned(), &SEED, "2026-12-01T09:00:00Z").unwrap();
        let verified = verify_credential(&signed, INVITATION_TYPE).unwrap();
        assert_eq!(verified.issuer, did_key::did_key_from_seed(&SEED));
        assert_eq!(verified.issuer_name.as_deref(), Some("Docent"));
        assert_eq!(verified.valid_until.as_deref(), Some("2027-01-01T00:00:00Z"));
        assert_eq!(
            verify_credential(&signed, DECISION_TYPE),
            Err(CredentialProblem::WrongType { expected: DECISION_TYPE })
        );
    }

    #[test]
    fn refuses_to_sign_for_another_issuer_and_to_verify_a_swapped_one() {
        let mut claims_other = unsigned();
        claims_other["issuer"]["id"] = did_key::did_key_from_seed(&OTHER).into();
        assert!(matches!(
            issue(&claims_other, &SEED, "2026-12-01T09:00:00Z"),
            Err(IssueError::IssuerNotSigner { .. })
        ));
        // Re-signed by another key after the issuer was set: the proof is good, the claim not.
        let signed = issue(&unsigned(), &SEED, "2026-12-01T09:00:00Z").unwrap();
        let mut stripped = signed.clone();
        stripped.as_object_mut().unwrap().remove("proof");
        let forged = data_integrity::sign(&stripped, &OTHER, "2026-12-01T09:00:00Z").unwrap();
        assert!(matches!(
            verify_credential(&forged, INVITATION_TYPE),
            Err(CredentialProblem::IssuerNotSigner { .. })
        ));
    }

    #[test]
    fn every_changed_value_is_refused() {
        let signed = issue(&unsigned(), &SEED, "2026-12-01T09:00:00Z").unwrap();
        let mut changed = signed.clone();
        changed["credentialSubject"]["name"] = "Iemand anders".into();
        assert!(matches!(
            verify_credential(&changed, INVITATION_TYPE),
            Err(CredentialProblem::Signature(_))
        ));
        let mut context = signed.clone();
        context["@context"] = json!([RECORD_CONTEXT[0]]);
        assert_eq!(
            verify_credential(&context, INVITATION_TYPE),
            Err(CredentialProblem::WrongContext)
        );
        let mut until = signed;
        until["validUntil"] = "morgen".into();
        assert_eq!(
            verify_credential(&until, INVITATION_TYPE),
            Err(CredentialProblem::BadValidity("validUntil"))
        );
    }

    #[test]
    fn validity_window_is_half_open_and_ignores_how_the_fraction_is_written() {
        let signed = issue(&unsigned(), &SEED, "2026-12-01T09:00:00Z").unwrap();
        let verified = verify_credential(&signed, INVITATION_TYPE).unwrap();
        assert_eq!(verified.validity("2026-12-01T08:59:59.999Z"), Validity::NotYet);
        assert_eq!(verified.validity("2026-12-01T09:00:00.000Z"), Validity::Current);
        assert_eq!(verified.validity("2026-12-31T23:59:59.999Z"), Validity::Current);
        assert_eq!(verified.validity("2027-01-01T00:00:00.000Z"), Validity::Expired);
    }

    #[test]
    fn digest_is_a_sha256_multihash_in_base64url_and_changes_with_any_value() {
        let signed = issue(&unsigned(), &SEED, "2026-12-01T09:00:00Z").unwrap();
        let digest = digest_multibase(&signed).unwrap();
        let bytes = base64url::decode(digest.strip_prefix('u').unwrap()).unwrap();
        assert_eq!(bytes.len(), 34);
        assert_eq!(bytes[..2], SHA256_MULTIHASH);
        let canonical = jcs::canonicalize(&signed).unwrap();
        assert_eq!(bytes[2..], Sha256::digest(canonical.as_bytes())[..]);
        let mut changed = signed;
        changed["validFrom"] = "2026-12-01T09:00:01Z".into();
        assert_ne!(digest_multibase(&changed).unwrap(), digest);
    }
}
