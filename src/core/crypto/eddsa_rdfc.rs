//! W3C Data Integrity proofs with the `eddsa-rdfc-2022` cryptosuite (W3C vc-di-eddsa 1.0,
//! section 3.2), the suite Open Badges 3.0 verifiers accept.
//!
//! As `eddsa-jcs-2022`, but what is hashed is the RDFC-1.0 canonical N-Quads of the JSON-LD
//! document and of the proof configuration, not their JCS text. The contexts come from
//! [`Contexts`] only; a document naming another context cannot be signed or verified here.

use crate::core::crypto::data_integrity::{
    self, decode_proof_value, ed25519_sign, ed25519_verify, encode_proof_value, is_date_time_stamp,
    HashData, VerifiedProof, PROOF_PURPOSE, PROOF_TYPE,
};
use crate::core::crypto::did_key;
use crate::core::crypto::did_web::{self, DidDocumentProblem};
use crate::core::crypto::jsonld::{canonical_nquads, CanonicalizeError, Contexts};
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};
use std::fmt;

pub const CRYPTOSUITE: &str = "eddsa-rdfc-2022";

/// Why an `eddsa-rdfc-2022` proof could not be made or does not verify.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RdfcProofError {
    /// What the JSON-level checks of Data Integrity found (shared with `eddsa-jcs-2022`).
    Sign(data_integrity::SignError),
    Verify(data_integrity::VerifyError),
    /// The document or proof has no canonical N-Quads (unknown context, undefined term, …).
    Canonicalization(CanonicalizeError),
    /// The proof names a did:web key, and no DID document of that DID was given: the signature
    /// cannot be checked offline (holds the DID).
    NoDidDocument(String),
    /// The DID document given does not list the proof's key for assertion.
    DidDocument(DidDocumentProblem),
}

impl fmt::Display for RdfcProofError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RdfcProofError::Sign(e) => e.fmt(f),
            RdfcProofError::Verify(e) => e.fmt(f),
            RdfcProofError::Canonicalization(e) => write!(f, "cannot canonicalize: {e}"),
            RdfcProofError::NoDidDocument(did) => {
                write!(f, "signed by {did}: its did.json is needed to check the signature")
            }
            RdfcProofError::DidDocument(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for RdfcProofError {}

/// Canonicalizes and hashes a proof configuration and an unsecured document.
pub fn hash_data(
    unsecured_document: &Value,
    proof_config: &Map<String, Value>,
    contexts: &Contexts,
) -> Result<HashData, RdfcProofError> {
    let canonical_proof_config = canonical_nquads(&Value::Object(proof_config.clone()), contexts)
        .map_err(RdfcProofError::Canonicalization)?;
    let canonical_document =
        canonical_nquads(unsecured_document, contexts).map_err(RdfcProofError::Canonicalization)?;
    Ok(HashData {
        proof_config_hash: Sha256::digest(canonical_proof_config.as_bytes()).into(),
        document_hash: Sha256::digest(canonical_document.as_bytes()).into(),
        canonical_proof_config,
        canonical_document,
    })
}

/// Signs `document` with the Ed25519 key of `signing_seed`: a copy with an `eddsa-rdfc-2022`
/// `proof` (without `@context`, as in the W3C vector). `created` is an XML Schema dateTimeStamp such as `2024-01-31T12:00:00Z`.
pub fn sign(
    document: &Value,
    signing_seed: &[u8; 32],
    created: &str,
    contexts: &Contexts,
) -> Result<Value, RdfcProofError> {
    let public_key = did_key::public_key_from_seed(signing_seed);
    let verification_method = did_key::verification_method_from_public_key(&public_key);
    sign_as(document, signing_seed, &verification_method, created, contexts)
}

/// As [`sign`], naming `verification_method` as the key (a did:web's method for the same key).
pub fn sign_as(
    document: &Value,
    signing_seed: &[u8; 32],
    verification_method: &str,
    created: &str,
    contexts: &Contexts,
) -> Result<Value, RdfcProofError> {
    let object = document
        .as_object()
        .ok_or(RdfcProofError::Sign(data_integrity::SignError::DocumentNotAnObject))?;
    if object.contains_key("proof") {
        return Err(RdfcProofError::Sign(data_integrity::SignError::DocumentAlreadyHasProof));
    }
    let mut proof = data_integrity::proof_configuration(document, verification_method, created)
        .map_err(RdfcProofError::Sign)?;
    proof.insert("cryptosuite".into(), CRYPTOSUITE.into());
    let hashes = hash_data(document, &proof, contexts)?;
    let signature = ed25519_sign(signing_seed, &hashes.bytes());
    // The proof configuration borrows the document's context only to be turned into RDF; the
    // W3C vector's proof does not repeat it, and verifiers take it from the document.
    proof.remove("@context");
    proof.insert("proofValue".into(), encode_proof_value(&signature).into());
    let mut secured = object.clone();
    secured.insert("proof".into(), Value::Object(proof));
    Ok(Value::Object(secured))
}

/// Verifies the single `eddsa-rdfc-2022` proof of `document`, signed with a did:key.
pub fn verify(document: &Value, contexts: &Contexts) -> Result<VerifiedProof, RdfcProofError> {
    verify_with(document, contexts, &[])
}

/// As [`verify`], also for a did:web key, whose public key comes from the one of
/// `did_documents` that is that DID's (never from the method's fragment).
pub fn verify_with(
    document: &Value,
    contexts: &Contexts,
    did_documents: &[Value],
) -> Result<VerifiedProof, RdfcProofError> {
    use data_integrity::VerifyError as E;
    let fail = RdfcProofError::Verify;
    let object = document.as_object().ok_or(fail(E::DocumentNotAnObject))?;
    let proof = match object.get("proof") {
        None => return Err(fail(E::MissingProof)),
        Some(Value::Object(proof)) => proof,
        Some(Value::Array(_)) => return Err(fail(E::ProofIsArray)),
        Some(_) => return Err(fail(E::ProofNotAnObject)),
    };
    let field = |name: &'static str| match proof.get(name) {
        None => Err(fail(E::MissingProofField(name))),
        Some(Value::String(s)) => Ok(s.as_str()),
        Some(_) => Err(fail(E::ProofFieldNotAString(name))),
    };
    let proof_type = field("type")?;
    if proof_type != PROOF_TYPE {
        return Err(fail(E::WrongProofType(proof_type.to_string())));
    }
    let cryptosuite = field("cryptosuite")?;
    if cryptosuite != CRYPTOSUITE {
        return Err(fail(E::UnknownCryptosuite(cryptosuite.to_string())));
    }
    let purpose = field("proofPurpose")?;
    if purpose != PROOF_PURPOSE {
        return Err(fail(E::WrongProofPurpose(purpose.to_string())));
    }
    let created = match proof.get("created") {
        None => None,
        Some(Value::String(created)) if is_date_time_stamp(created) => Some(created.clone()),
        Some(Value::String(created)) => return Err(fail(E::InvalidCreated(created.clone()))),
        Some(_) => return Err(fail(E::ProofFieldNotAString("created"))),
    };
    let verification_method = field("verificationMethod")?;
    let key = if did_web::is_did_web(verification_method) {
        let did = did_web::did_of(verification_method);
        let document = did_documents
            .iter()
            .find(|d| did_web::document_id(d) == Some(did))
            .ok_or_else(|| RdfcProofError::NoDidDocument(did.to_string()))?;
        let public_key = did_web::assertion_key(document, verification_method)
            .map_err(RdfcProofError::DidDocument)?;
        did_key::Ed25519DidKey { did: did.to_string(), public_key }
    } else {
        did_key::decode_verification_method(verification_method)
            .map_err(|e| fail(E::MalformedDidKey(e)))?
    };
    let signature = decode_proof_value(field("proofValue")?).map_err(fail)?;
    // As for eddsa-jcs-2022: the proof's context must be the document's, so that no context
    // entry goes unsigned.
    if let Some(proof_context) = proof.get("@context") {
        if object.get("@context") != Some(proof_context) {
            return Err(fail(E::ContextMismatch));
        }
    }
    let mut proof_options = proof.clone();
    proof_options.remove("proofValue");
    // Without the document's context the proof's terms mean nothing in RDF (vc-di-eddsa,
    // proof configuration: its @context is the document's).
    if let Some(context) = object.get("@context") {
        proof_options.insert("@context".into(), context.clone());
    }
    let mut unsecured = object.clone();
    unsecured.remove("proof");
    let hashes = hash_data(&Value::Object(unsecured), &proof_options, contexts)?;
    ed25519_verify(&key.public_key, &hashes.bytes(), &signature).map_err(fail)?;
    Ok(VerifiedProof {
        did: key.did,
        verification_method: verification_method.to_string(),
        public_key: key.public_key,
        created,
    })
}
