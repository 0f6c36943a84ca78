//! The W3C `eddsa-rdfc-2022` test vector (w3c/vc-di-eddsa, TestVectors), reproduced with the
//! app's own JSON-LD to RDF and RDFC-1.0: canonical N-Quads of the document and of the proof
//! configuration, their SHA-256 hashes, and the Ed25519 signature, byte for byte.
//!
//! The vector's facts are stated here so that a user's clone checks them too; when
//! `../shared/vectors/eddsa-rdfc-2022` is present, its files are compared as well.

use leeruitkomsten::core::crypto::data_integrity::{ed25519_sign, encode_proof_value};
use leeruitkomsten::core::crypto::did_key;
use leeruitkomsten::core::crypto::jsonld::{self, Contexts, JsonLdError};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use std::fs;
use std::io::Write;
use std::path::Path;

/// `https://www.w3.org/ns/credentials/examples/v2`, the vector's second context: everything
/// undefined elsewhere falls into the examples vocabulary.
const EXAMPLES_V2: &str =
    r#"{"@context": {"@vocab": "https://www.w3.org/ns/credentials/examples#"}}"#;

const SECRET_KEY_MULTIBASE: &str = "z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq";

const CANON_DOCUMENT: &str = "\
<did:example:abcdefgh> <https://www.w3.org/ns/credentials/examples#alumniOf> \"The School of Examples\" .
<urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://www.w3.org/2018/credentials#VerifiableCredential> .
<urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://www.w3.org/ns/credentials/examples#AlumniCredential> .
<urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33> <https://schema.org/description> \"A minimum viable example of an Alumni Credential.\" .
<urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33> <https://schema.org/name> \"Alumni Credential\" .
<urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33> <https://www.w3.org/2018/credentials#credentialSubject> <did:example:abcdefgh> .
<urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33> <https://www.w3.org/2018/credentials#issuer> <https://vc.example/issuers/5678> .
<urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33> <https://www.w3.org/2018/credentials#validFrom> \"2023-01-01T00:00:00Z\"^^<http://www.w3.org/2001/XMLSchema#dateTime> .
";

const CANON_PROOF: &str = "\
_:c14n0 <http://purl.org/dc/terms/created> \"2023-02-24T23:36:38Z\"^^<http://www.w3.org/2001/XMLSchema#dateTime> .
_:c14n0 <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/security#DataIntegrityProof> .
_:c14n0 <https://w3id.org/security#cryptosuite> \"eddsa-rdfc-2022\"^^<https://w3id.org/security#cryptosuiteString> .
_:c14n0 <https://w3id.org/security#proofPurpose> <https://w3id.org/security#assertionMethod> .
_:c14n0 <https://w3id.org/security#verificationMethod> <did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2> .
";

const DOCUMENT_HASH: &str = "517744132ae165a5349155bef0bb0cf2258fff99dfe1dbd914b938d775a36017";
const PROOF_HASH: &str = "bea7b7acfbad0126b135104024a5f1733e705108f42d59668b05c0c50004c6b0";
const SIGNATURE_HEX: &str = "4d8e53c2d5b3f2a7891753eb16ca993325bdb0d3cfc5be1093d0a18426f5ef8578cadc0fd4b5f4dd0d1ce0aefd15ab120b7a894d0eb094ffda4e6553cd1ed50d";
const PROOF_VALUE: &str =
    "z2YwC8z3ap7yx1nZYCg4L3j3ApHsF8kgPdSb5xoS1VR7vPG3F561B52hYnQF9iseabecm3ijx4K1FBTQsCZahKZme";

fn signed() -> Value {
    json!({
      "@context": ["https://www.w3.org/ns/credentials/v2", "https://www.w3.org/ns/credentials/examples/v2"],
      "id": "urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33",
      "type": ["VerifiableCredential", "AlumniCredential"],
      "name": "Alumni Credential",
      "description": "A minimum viable example of an Alumni Credential.",
      "issuer": "https://vc.example/issuers/5678",
      "validFrom": "2023-01-01T00:00:00Z",
      "credentialSubject": {"id": "did:example:abcdefgh", "alumniOf": "The School of Examples"},
      "proof": {
        "type": "DataIntegrityProof",
        "cryptosuite": "eddsa-rdfc-2022",
        "created": "2023-02-24T23:36:38Z",
        "verificationMethod": "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2",
        "proofPurpose": "assertionMethod",
        "proofValue": PROOF_VALUE
      }
    })
}

fn contexts() -> Contexts {
    let mut contexts = Contexts::shipped().expect("shipped contexts parse");
    contexts.insert("https://www.w3.org/ns/credentials/examples/v2", EXAMPLES_V2).unwrap();
    contexts
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The document without its proof, and the proof options without `proofValue` but with the
/// document's `@context`: the two inputs of eddsa-rdfc-2022.
fn split(signed: &Value) -> (Value, Value) {
    let mut document = signed.clone();
    let mut proof = document.as_object_mut().unwrap().remove("proof").unwrap();
    let proof_map = proof.as_object_mut().unwrap();
    proof_map.remove("proofValue");
    proof_map.insert("@context".to_string(), signed["@context"].clone());
    (document, proof)
}

struct Outcome {
    canon_document: String,
    canon_proof: String,
    document_hash: [u8; 32],
    proof_hash: [u8; 32],
    signature: [u8; 64],
}

fn reproduce(signed: &Value, contexts: &Contexts) -> Outcome {
    let (document, proof) = split(signed);
    let canon_document = jsonld::canonical_nquads(&document, contexts).unwrap();
    let canon_proof = jsonld::canonical_nquads(&proof, contexts).unwrap();
    let document_hash: [u8; 32] = Sha256::digest(canon_document.as_bytes()).into();
    let proof_hash: [u8; 32] = Sha256::digest(canon_proof.as_bytes()).into();
    let seed = did_key::decode_secret_key_multibase(SECRET_KEY_MULTIBASE).unwrap();
    let signature = ed25519_sign(&seed, &[proof_hash, document_hash].concat());
    Outcome { canon_document, canon_proof, document_hash, proof_hash, signature }
}

#[test]
fn the_w3c_eddsa_rdfc_2022_vector_is_reproduced_byte_for_byte() {
    let outcome = reproduce(&signed(), &contexts());
    assert_eq!(outcome.canon_document, CANON_DOCUMENT);
    assert_eq!(outcome.canon_proof, CANON_PROOF);
    assert_eq!(hex(&outcome.document_hash), DOCUMENT_HASH);
    assert_eq!(hex(&outcome.proof_hash), PROOF_HASH);
    assert_eq!(hex(&outcome.signature), SIGNATURE_HEX);
    assert_eq!(encode_proof_value(&outcome.signature), PROOF_VALUE);
}

#[test]
fn the_vector_files_agree_when_present() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/vectors/eddsa-rdfc-2022");
    if !dir.is_dir() {
        let line = format!(
            "\neddsa-rdfc-2022 vectors absent at {}: skipped the file comparison\n",
            dir.display()
        );
        let _ = std::io::stderr().write_all(line.as_bytes());
        return;
    }
    let read = |name: &str| fs::read_to_string(dir.join(name)).unwrap();
    let signed: Value = serde_json::from_str(&read("signedDataInt.json")).unwrap();
    let outcome = reproduce(&signed, &contexts());
    assert_eq!(outcome.canon_document, read("canonDocDataInt.txt"));
    assert_eq!(outcome.canon_proof, read("proofCanonDataInt.txt"));
    assert_eq!(hex(&outcome.document_hash), read("docHashDataInt.txt").trim());
    assert_eq!(hex(&outcome.proof_hash), read("proofHashDataInt.txt").trim());
    let combined = [outcome.proof_hash, outcome.document_hash].concat();
    assert_eq!(hex(&combined), read("combinedHashDataInt.txt").trim());
    assert_eq!(hex(&outcome.signature), read("sigHexDataInt.txt").trim());
    assert_eq!(encode_proof_value(&outcome.signature), read("sigBTC58DataInt.txt").trim());
    assert_eq!(signed["proof"]["proofValue"], read("sigBTC58DataInt.txt").trim());
}

#[test]
fn a_changed_value_changes_the_canonical_document() {
    let mut changed = signed();
    changed["credentialSubject"]["alumniOf"] = json!("The School of Counterfeits");
    let outcome = reproduce(&changed, &contexts());
    assert_ne!(outcome.canon_document, CANON_DOCUMENT);
    assert_eq!(outcome.canon_proof, CANON_PROOF);
}

#[test]
fn terms_no_context_defines_are_refused_not_dropped() {
    let mut document = signed();
    document["@context"] = json!(["https://www.w3.org/ns/credentials/v2"]);
    document.as_object_mut().unwrap().remove("proof");
    let error = jsonld::canonical_nquads(&document, &contexts()).unwrap_err();
    assert!(
        error.to_string().contains("alumniOf") || error.to_string().contains("AlumniCredential"),
        "{error}"
    );
}

#[test]
fn unknown_contexts_are_never_fetched() {
    let mut document = signed();
    document["@context"] =
        json!(["https://www.w3.org/ns/credentials/v2", "https://evil.example/context"]);
    let quads = jsonld::document_to_rdf(&document, &contexts());
    assert_eq!(quads, Err(JsonLdError::UnknownContext("https://evil.example/context".to_string())));
}

#[test]
fn a_protected_term_cannot_be_redefined() {
    let mut document = signed();
    document["@context"] = json!([
        "https://www.w3.org/ns/credentials/v2",
        "https://www.w3.org/ns/credentials/examples/v2",
        {"name": "https://evil.example/name"}
    ]);
    let quads = jsonld::document_to_rdf(&document, &contexts());
    assert_eq!(quads, Err(JsonLdError::ProtectedTermRedefinition("name".to_string())));
    // The same meaning again is no redefinition.
    document["@context"][2] = json!({"name": "https://schema.org/name"});
    assert!(jsonld::document_to_rdf(&document, &contexts()).is_ok());
}

// ---------------------------------------------------------------------------
// The suite as the app uses it: sign and verify.

use leeruitkomsten::core::crypto::data_integrity::VerifyError;
use leeruitkomsten::core::crypto::eddsa_rdfc::{self, RdfcProofError};

const CREATED: &str = "2023-02-24T23:36:38Z";

fn unsigned() -> Value {
    let mut document = signed();
    document.as_object_mut().unwrap().remove("proof");
    document
}

#[test]
fn signing_the_vector_document_gives_the_vector_proof() {
    let seed = did_key::decode_secret_key_multibase(SECRET_KEY_MULTIBASE).unwrap();
    let signed_here = eddsa_rdfc::sign(&unsigned(), &seed, CREATED, &contexts()).unwrap();
    // Member order aside, the whole signed credential is the vector's.
    assert_eq!(signed_here, signed());
    let verified = eddsa_rdfc::verify(&signed_here, &contexts()).unwrap();
    assert_eq!(verified.did, "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2");
    assert_eq!(verified.created.as_deref(), Some(CREATED));
}

#[test]
fn a_change_that_alters_the_rdf_is_refused() {
    type Change = (&'static str, fn(&mut Value));
    let changes: [Change; 5] = [
        ("subject value", |d| d["credentialSubject"]["alumniOf"] = json!("Other School")),
        ("issuer", |d| d["issuer"] = json!("https://vc.example/issuers/0000")),
        ("type", |d| d["type"] = json!(["VerifiableCredential"])),
        ("proof created", |d| d["proof"]["created"] = json!("2023-02-24T23:36:39Z")),
        ("added property", |d| d["credentialSubject"]["extra"] = json!("x")),
    ];
    for (what, change) in changes {
        let mut document = signed();
        change(&mut document);
        assert_eq!(
            eddsa_rdfc::verify(&document, &contexts()),
            Err(RdfcProofError::Verify(VerifyError::SignatureMismatch)),
            "{what}"
        );
    }
}

#[test]
fn a_change_that_keeps_the_rdf_still_verifies() {
    // RDF-based proofs sign the data, not the text: reordering types is no change.
    let mut document = signed();
    document["type"] = json!(["AlumniCredential", "VerifiableCredential"]);
    assert!(eddsa_rdfc::verify(&document, &contexts()).is_ok());
}

#[test]
fn a_jcs_proof_or_wrong_fields_are_refused_by_name() {
    let mut document = signed();
    document["proof"]["cryptosuite"] = json!("eddsa-jcs-2022");
    assert_eq!(
        eddsa_rdfc::verify(&document, &contexts()),
        Err(RdfcProofError::Verify(VerifyError::UnknownCryptosuite("eddsa-jcs-2022".to_string())))
    );
    let mut document = signed();
    document["proof"]["@context"] = json!(["https://www.w3.org/ns/credentials/v2"]);
    assert_eq!(
        eddsa_rdfc::verify(&document, &contexts()),
        Err(RdfcProofError::Verify(VerifyError::ContextMismatch))
    );
}

// ---------------------------------------------------------------------------
// Hostile JSON-LD ends in an error, never in a crash or a hang.

#[test]
fn hostile_json_ld_is_refused() {
    let mut contexts = contexts();
    contexts.insert("https://loop.example/a", r#"{"@context": "https://loop.example/b"}"#).unwrap();
    contexts.insert("https://loop.example/b", r#"{"@context": "https://loop.example/a"}"#).unwrap();
    let cases = [
        (
            "remote contexts in a loop",
            json!({"@context": "https://loop.example/a", "@id": "urn:x"}),
        ),
        ("terms defined in a cycle", json!({"@context": {"a": "b:x", "b": "a:y"}, "a": "1"})),
        ("a keyword redefined", json!({"@context": {"@id": "urn:evil"}, "@id": "urn:x"})),
        (
            "a relative identifier",
            json!({"@context": {"@vocab": "urn:v:"}, "@id": "relative", "p": "1"}),
        ),
        ("a context that is a number", json!({"@context": 5, "@id": "urn:x"})),
        (
            "an unsupported feature",
            json!({"@context": {"@base": "https://b.example/"}, "@id": "urn:x"}),
        ),
    ];
    for (what, document) in cases {
        assert!(jsonld::document_to_rdf(&document, &contexts).is_err(), "{what} was accepted");
    }
    let mut deep = json!("leaf");
    for _ in 0..200 {
        deep = json!({ "urn:p": deep });
    }
    assert_eq!(jsonld::document_to_rdf(&deep, &contexts), Err(JsonLdError::TooDeep));
}

// Any JSON, however odd its use of keywords and terms, is turned into RDF or refused: no panic.
mod arbitrary_documents {
    use super::*;
    use proptest::prelude::*;

    fn key() -> impl Strategy<Value = String> {
        prop::sample::select(vec![
            "@context",
            "@id",
            "@type",
            "@value",
            "@list",
            "@set",
            "@graph",
            "@language",
            "@index",
            "@json",
            "@reverse",
            "@vocab",
            "id",
            "type",
            "name",
            "issuer",
            "proof",
            "credentialSubject",
            "validFrom",
            "alumniOf",
            "urn:p",
            "_:b",
            "",
        ])
        .prop_map(str::to_string)
    }

    fn document() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i32>().prop_map(|n| json!(n)),
            (-1e30f64..1e30).prop_map(|x| json!(x)),
            prop::sample::select(vec![
                "https://www.w3.org/ns/credentials/v2",
                "https://www.w3.org/ns/credentials/examples/v2",
                "urn:x",
                "_:b0",
                "VerifiableCredential",
                "relative",
                "@id",
                "@vocab",
                "2026-01-01T00:00:00Z",
            ])
            .prop_map(|s| Value::String(s.to_string())),
        ];
        leaf.prop_recursive(5, 48, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
                prop::collection::btree_map(key(), inner, 0..5)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(500))]

        #[test]
        fn any_json_is_turned_into_rdf_or_refused(document in document()) {
            if let Ok(quads) = jsonld::document_to_rdf(&document, &contexts()) {
                let _ = leeruitkomsten::core::crypto::rdfc::canonicalize(&quads, Default::default());
            }
        }
    }
}
