//! Conformance tests for the signed-record cryptography: RFC 8785 (JCS),
//! did:key for Ed25519, RFC 8032 Ed25519 and W3C `eddsa-jcs-2022`.
//!
//! The W3C test vector is stated in this file so that it runs everywhere. The
//! complete third-party vector sets live outside the repository in
//! `../shared/vectors`; tests that need them say so and pass when it is absent.

use leeruitkomsten::core::crypto::data_integrity::{
    decode_proof_value, ed25519_sign, ed25519_verify, encode_proof_value, hash_data,
    proof_configuration, sign, verify, SignError, VerifyError,
};
use leeruitkomsten::core::crypto::did_key::{self, DidKeyError};
use leeruitkomsten::core::crypto::jcs::{self, JcsError, MAX_DEPTH};
use proptest::prelude::*;
use serde_json::{json, Map, Value};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

// ---------------------------------------------------------------------------
// Helpers

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Vec<u8> {
    let digits: Vec<u8> = text
        .bytes()
        .filter(|b| !b.is_ascii_whitespace())
        .map(|b| match b {
            b'0'..=b'9' => b - b'0',
            b'a'..=b'f' => b - b'a' + 10,
            b'A'..=b'F' => b - b'A' + 10,
            _ => panic!("not a hex digit: {:?}", b as char),
        })
        .collect();
    assert!(digits.len() % 2 == 0, "odd number of hex digits");
    digits.chunks(2).map(|pair| (pair[0] << 4) | pair[1]).collect()
}

fn unhex32(text: &str) -> [u8; 32] {
    unhex(text).try_into().expect("32 bytes of hex")
}

fn parse(text: &str) -> Value {
    jcs::parse_strict(text).unwrap_or_else(|e| panic!("test JSON does not parse: {e}"))
}

/// The shared vectors folder, or `None` after printing which checks are skipped.
fn vectors(checks: &str) -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/vectors");
    if dir.is_dir() {
        Some(dir)
    } else {
        // Written to the stderr handle, not with eprintln!, so that the test
        // harness does not swallow it: CI logs must show what was skipped.
        // One write, so parallel tests do not interleave inside the line.
        let line = format!("\nconformance vectors absent at {}: skipped {checks}\n", dir.display());
        let _ = std::io::stderr().write_all(line.as_bytes());
        None
    }
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn read_json(path: &Path) -> Value {
    jcs::parse_strict(&read(path))
        .unwrap_or_else(|e| panic!("{} does not parse: {e}", path.display()))
}

fn str_field<'a>(value: &'a Value, name: &str) -> &'a str {
    value[name].as_str().unwrap_or_else(|| panic!("{name} is not a string in {value}"))
}

// ---------------------------------------------------------------------------
// The W3C eddsa-jcs-2022 test vector (vc-di-eddsa, TestVectors), stated here.

const W3C_PUBLIC_KEY_MULTIBASE: &str = "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";
const W3C_SECRET_KEY_MULTIBASE: &str = "z3u2en7t5LR2WtQH5PfFqMqwVHBeXouLzo6haApm8XHqvjxq";
const W3C_CREATED: &str = "2023-02-24T23:36:38Z";
const W3C_VERIFICATION_METHOD: &str = "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2";
const W3C_UNSIGNED: &str = r#"{
    "@context": [
        "https://www.w3.org/ns/credentials/v2",
        "https://www.w3.org/ns/credentials/examples/v2"
    ],
    "id": "urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33",
    "type": ["VerifiableCredential", "AlumniCredential"],
    "name": "Alumni Credential",
    "description": "A minimum viable example of an Alumni Credential.",
    "issuer": "https://vc.example/issuers/5678",
    "validFrom": "2023-01-01T00:00:00Z",
    "credentialSubject": {
        "id": "did:example:abcdefgh",
        "alumniOf": "The School of Examples"
    }
}"#;
const W3C_CANON_DOC: &str = r#"{"@context":["https://www.w3.org/ns/credentials/v2","https://www.w3.org/ns/credentials/examples/v2"],"credentialSubject":{"alumniOf":"The School of Examples","id":"did:example:abcdefgh"},"description":"A minimum viable example of an Alumni Credential.","id":"urn:uuid:58172aac-d8ba-11ed-83dd-0b3aef56cc33","issuer":"https://vc.example/issuers/5678","name":"Alumni Credential","type":["VerifiableCredential","AlumniCredential"],"validFrom":"2023-01-01T00:00:00Z"}"#;
const W3C_CANON_PROOF_CONFIG: &str = r#"{"@context":["https://www.w3.org/ns/credentials/v2","https://www.w3.org/ns/credentials/examples/v2"],"created":"2023-02-24T23:36:38Z","cryptosuite":"eddsa-jcs-2022","proofPurpose":"assertionMethod","type":"DataIntegrityProof","verificationMethod":"did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"}"#;
const W3C_DOC_HASH: &str = "59b7cb6251b8991add1ce0bc83107e3db9dbbab5bd2c28f687db1a03abc92f19";
const W3C_PROOF_HASH: &str = "66ab154f5c2890a140cb8388a22a160454f80575f6eae09e5a097cabe539a1db";
const W3C_COMBINED_HASH: &str = "66ab154f5c2890a140cb8388a22a160454f80575f6eae09e5a097cabe539a1db59b7cb6251b8991add1ce0bc83107e3db9dbbab5bd2c28f687db1a03abc92f19";
const W3C_SIGNATURE_HEX: &str = "407cd12654b33d718ecbb99179a1506daaa849450bf3fc523cce3e1c96f8b80351da3f253d725c6f00b07c9e5448d50b3ef78012b9ab54255116d069c6dd2808";
const W3C_PROOF_VALUE: &str =
    "z2HnFSSPPBzR36zdDgK8PbEHeXbR56YF24jwMpt3R1eHXQzJDMWS93FCzpvJpwTWd3GAVFuUfjoJdcnTMuVor51aX";
/// The proof value of the older vector (w3c/vc-di-eddsa c3b58d07), whose proof
/// has no `@context`.
const W3C_LEGACY_PROOF_VALUE: &str =
    "zboydVv31kj6jP37GMBZwYyjbvrqr9MWeY9NCEfYUwLcKwkdqAcB44dqEcqaMi8mfdvT2Vbnvdrv6XRaYzgpuPWn";

fn w3c_seed() -> [u8; 32] {
    did_key::decode_secret_key_multibase(W3C_SECRET_KEY_MULTIBASE).expect("vector secret key")
}

fn w3c_signed() -> Value {
    sign(&parse(W3C_UNSIGNED), &w3c_seed(), W3C_CREATED).expect("vector signs")
}

fn proof_mut(document: &mut Value) -> &mut Map<String, Value> {
    document["proof"].as_object_mut().expect("proof object")
}

#[test]
fn w3c_eddsa_jcs_2022_vector_byte_for_byte() {
    let seed = w3c_seed();
    let public_key = did_key::public_key_from_seed(&seed);
    assert_eq!(did_key::encode_public_key_multibase(&public_key), W3C_PUBLIC_KEY_MULTIBASE);
    assert_eq!(did_key::verification_method_from_public_key(&public_key), W3C_VERIFICATION_METHOD);

    let unsigned = parse(W3C_UNSIGNED);
    let config = proof_configuration(&unsigned, W3C_VERIFICATION_METHOD, W3C_CREATED).unwrap();
    let hashes = hash_data(&unsigned, &config).unwrap();
    assert_eq!(hashes.canonical_document, W3C_CANON_DOC);
    assert_eq!(hashes.canonical_proof_config, W3C_CANON_PROOF_CONFIG);
    assert_eq!(hex(&hashes.document_hash), W3C_DOC_HASH);
    assert_eq!(hex(&hashes.proof_config_hash), W3C_PROOF_HASH);
    assert_eq!(hex(&hashes.bytes()), W3C_COMBINED_HASH);

    let signature = ed25519_sign(&seed, &hashes.bytes());
    assert_eq!(hex(&signature), W3C_SIGNATURE_HEX);
    assert_eq!(encode_proof_value(&signature), W3C_PROOF_VALUE);

    let signed = sign(&unsigned, &seed, W3C_CREATED).unwrap();
    assert_eq!(signed["proof"]["proofValue"], W3C_PROOF_VALUE);
    let mut expected_proof = config.clone();
    expected_proof.insert("proofValue".into(), W3C_PROOF_VALUE.into());
    assert_eq!(signed["proof"], Value::Object(expected_proof));

    let verified = verify(&signed).unwrap();
    assert_eq!(verified.public_key, public_key);
    assert_eq!(verified.verification_method, W3C_VERIFICATION_METHOD);
    assert_eq!(verified.did, format!("did:key:{W3C_PUBLIC_KEY_MULTIBASE}"));
    assert_eq!(verified.created.as_deref(), Some(W3C_CREATED));
}

#[test]
fn w3c_legacy_vector_without_proof_context_verifies() {
    let mut legacy = parse(W3C_UNSIGNED);
    legacy["proof"] = json!({
        "type": "DataIntegrityProof",
        "cryptosuite": "eddsa-jcs-2022",
        "created": W3C_CREATED,
        "verificationMethod": W3C_VERIFICATION_METHOD,
        "proofPurpose": "assertionMethod",
        "proofValue": W3C_LEGACY_PROOF_VALUE,
    });
    let verified = verify(&legacy).unwrap();
    assert_eq!(verified.verification_method, W3C_VERIFICATION_METHOD);

    // The legacy proof signs a configuration without @context; adding the
    // context afterwards must break it, or the context would be unsigned.
    let mut with_context = legacy.clone();
    let context = with_context["@context"].clone();
    proof_mut(&mut with_context).insert("@context".into(), context);
    assert_eq!(verify(&with_context), Err(VerifyError::SignatureMismatch));
}

// ---------------------------------------------------------------------------
// Rejections

#[test]
fn jcs_rejects_duplicate_keys() {
    assert!(matches!(
        jcs::canonicalize_str(r#"{"a":1,"b":{"c":1,"c":2}}"#),
        Err(JcsError::DuplicateKey { ref key, .. }) if key == "c"
    ));
    // Names equal only after unescaping are duplicates too.
    assert!(matches!(
        jcs::canonicalize_str(r#"{"a":1,"\u0061":2}"#),
        Err(JcsError::DuplicateKey { ref key, .. }) if key == "a"
    ));
}

#[test]
fn jcs_rejects_lone_surrogates() {
    for text in [r#""\ud800""#, r#"{"\udfff":1}"#, r#"["\ud83d x"]"#] {
        assert!(
            matches!(jcs::canonicalize_str(text), Err(JcsError::LoneSurrogate { .. })),
            "accepted {text}"
        );
    }
}

#[test]
fn jcs_rejects_too_deep_nesting() {
    let deep = format!("{}1{}", "[".repeat(100_000), "]".repeat(100_000));
    assert_eq!(jcs::canonicalize_str(&deep), Err(JcsError::TooDeep { limit: MAX_DEPTH }));
    let objects = format!("{}{}", r#"{"a":"#.repeat(MAX_DEPTH + 1), "}".repeat(MAX_DEPTH + 1));
    assert_eq!(jcs::canonicalize_str(&objects), Err(JcsError::TooDeep { limit: MAX_DEPTH }));
}

#[test]
fn jcs_rejects_nan_like_numbers() {
    for text in ["NaN", "[Infinity]", "{\"x\":-Infinity}", "1e999", "[-1.8e308]"] {
        assert!(
            matches!(jcs::canonicalize_str(text), Err(JcsError::NonFiniteNumber { .. })),
            "accepted {text}: {:?}",
            jcs::canonicalize_str(text)
        );
    }
}

#[test]
fn tampered_document_is_rejected() {
    let mut signed = w3c_signed();
    signed["name"] = json!("Alumni Credential!");
    assert_eq!(verify(&signed), Err(VerifyError::SignatureMismatch));

    let mut added = w3c_signed();
    added["extra"] = json!(1);
    assert_eq!(verify(&added), Err(VerifyError::SignatureMismatch));
}

#[test]
fn tampered_proof_value_is_rejected() {
    let mut signed = w3c_signed();
    let mut signature =
        decode_proof_value(signed["proof"]["proofValue"].as_str().unwrap()).unwrap();
    signature[0] ^= 1;
    proof_mut(&mut signed).insert("proofValue".into(), encode_proof_value(&signature).into());
    assert_eq!(verify(&signed), Err(VerifyError::SignatureMismatch));

    let mut truncated = w3c_signed();
    proof_mut(&mut truncated).insert("proofValue".into(), "z2HnFSSPPBzR36".into());
    assert!(matches!(verify(&truncated), Err(VerifyError::MalformedProofValue(_))));
}

#[test]
fn changed_created_is_rejected() {
    let mut signed = w3c_signed();
    proof_mut(&mut signed).insert("created".into(), "2023-02-24T23:36:39Z".into());
    assert_eq!(verify(&signed), Err(VerifyError::SignatureMismatch));

    let mut invalid = w3c_signed();
    proof_mut(&mut invalid).insert("created".into(), "24 Feb 2023".into());
    assert_eq!(verify(&invalid), Err(VerifyError::InvalidCreated("24 Feb 2023".into())));
}

#[test]
fn changed_verification_method_is_rejected() {
    let other =
        did_key::verification_method_from_public_key(&did_key::public_key_from_seed(&[1; 32]));
    let mut signed = w3c_signed();
    proof_mut(&mut signed).insert("verificationMethod".into(), other.clone().into());
    assert_eq!(verify(&signed), Err(VerifyError::SignatureMismatch));

    // The W3C key's DID with another key as fragment.
    let fragment = other.split_once('#').unwrap().1;
    let mismatched = format!("did:key:{W3C_PUBLIC_KEY_MULTIBASE}#{fragment}");
    let mut signed = w3c_signed();
    proof_mut(&mut signed).insert("verificationMethod".into(), mismatched.into());
    assert_eq!(verify(&signed), Err(VerifyError::MalformedDidKey(DidKeyError::FragmentMismatch)));

    let mut web = w3c_signed();
    proof_mut(&mut web).insert("verificationMethod".into(), "did:web:example.com#key-1".into());
    assert_eq!(verify(&web), Err(VerifyError::MalformedDidKey(DidKeyError::NotDidKey)));
}

#[test]
fn unknown_cryptosuite_is_rejected() {
    let mut signed = w3c_signed();
    proof_mut(&mut signed).insert("cryptosuite".into(), "eddsa-rdfc-2022".into());
    assert_eq!(verify(&signed), Err(VerifyError::UnknownCryptosuite("eddsa-rdfc-2022".into())));
}

#[test]
fn wrong_type_and_purpose_are_rejected() {
    let mut signed = w3c_signed();
    proof_mut(&mut signed).insert("type".into(), "Ed25519Signature2020".into());
    assert_eq!(verify(&signed), Err(VerifyError::WrongProofType("Ed25519Signature2020".into())));
    let mut signed = w3c_signed();
    proof_mut(&mut signed).insert("proofPurpose".into(), "authentication".into());
    assert_eq!(verify(&signed), Err(VerifyError::WrongProofPurpose("authentication".into())));
    let mut signed = w3c_signed();
    proof_mut(&mut signed).remove("proofValue");
    assert_eq!(verify(&signed), Err(VerifyError::MissingProofField("proofValue")));
    let mut signed = w3c_signed();
    proof_mut(&mut signed).insert("cryptosuite".into(), json!(["eddsa-jcs-2022"]));
    assert_eq!(verify(&signed), Err(VerifyError::ProofFieldNotAString("cryptosuite")));
}

#[test]
fn proof_array_is_rejected() {
    let mut signed = w3c_signed();
    let proof = signed["proof"].clone();
    signed["proof"] = json!([proof]);
    assert_eq!(verify(&signed), Err(VerifyError::ProofIsArray));

    signed["proof"] = json!("z2HnFSSPPBzR36");
    assert_eq!(verify(&signed), Err(VerifyError::ProofNotAnObject));
}

#[test]
fn missing_proof_is_rejected() {
    assert_eq!(verify(&parse(W3C_UNSIGNED)), Err(VerifyError::MissingProof));
    assert_eq!(verify(&json!([1])), Err(VerifyError::DocumentNotAnObject));
}

#[test]
fn context_mismatch_is_rejected() {
    let mut signed = w3c_signed();
    signed["@context"] = json!(["https://www.w3.org/ns/credentials/v2"]);
    assert_eq!(verify(&signed), Err(VerifyError::ContextMismatch));

    let mut removed = w3c_signed();
    removed.as_object_mut().unwrap().remove("@context");
    assert_eq!(verify(&removed), Err(VerifyError::ContextMismatch));
}

#[test]
fn signing_a_signed_document_is_refused() {
    assert_eq!(
        sign(&w3c_signed(), &w3c_seed(), W3C_CREATED),
        Err(SignError::DocumentAlreadyHasProof)
    );
}

#[test]
fn document_without_context_signs_and_verifies() {
    let record = json!({"learner": "A. Student", "scores": [1, 2.5, -0.0], "ok": true});
    let signed = sign(&record, &[42; 32], "2025-06-01T10:00:00+02:00").unwrap();
    assert!(signed["proof"].get("@context").is_none());
    assert_eq!(verify(&signed).unwrap().did, did_key::did_key_from_seed(&[42; 32]));
}

// ---------------------------------------------------------------------------
// Shared vector sets

#[test]
fn shared_jcs_reference_pairs() {
    let Some(dir) = vectors("RFC 8785 reference pairs (jcs/input -> jcs/outhex)") else {
        return;
    };
    let mut inputs: Vec<PathBuf> = fs::read_dir(dir.join("jcs/input"))
        .expect("jcs/input")
        .map(|entry| entry.expect("directory entry").path())
        .collect();
    inputs.sort();
    assert!(!inputs.is_empty(), "no JCS inputs found");
    for input in &inputs {
        let name = input.file_stem().unwrap().to_string_lossy();
        let expected = unhex(&read(&dir.join(format!("jcs/outhex/{name}.txt"))));
        let canonical =
            jcs::canonicalize_str(&read(input)).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(canonical.as_bytes(), expected.as_slice(), "{name}: got {canonical}");
        // Canonical text is its own canonical form.
        assert_eq!(jcs::canonicalize_str(&canonical).as_ref(), Ok(&canonical), "{name}");
    }
}

#[test]
fn shared_did_key_vectors() {
    let Some(dir) = vectors("did:key vectors (didkey/)") else {
        return;
    };
    let doc = read_json(&dir.join("didkey/ed25519-seed-to-didkey.json"));
    let cases = doc["cases"].as_array().expect("cases");
    assert!(!cases.is_empty());
    for case in cases {
        let seed = unhex32(str_field(case, "seed"));
        let public_key = did_key::public_key_from_seed(&seed);
        assert_eq!(hex(&public_key), str_field(case, "publicKeyHex"));
        assert_eq!(
            did_key::encode_public_key_multibase(&public_key),
            str_field(case, "publicKeyMultibase")
        );
        assert_eq!(did_key::did_key_from_seed(&seed), str_field(case, "did"));
        assert_eq!(
            did_key::verification_method_from_public_key(&public_key),
            str_field(case, "verificationMethod")
        );
        assert_eq!(
            did_key::encode_secret_key_multibase(&seed),
            str_field(case, "secretKeyMultibase")
        );
        assert_eq!(did_key::decode_did_key(str_field(case, "did")), Ok(public_key));
        let decoded =
            did_key::decode_verification_method(str_field(case, "verificationMethod")).unwrap();
        assert_eq!(decoded.public_key, public_key);
        assert_eq!(decoded.did, str_field(case, "did"));
        assert_eq!(
            did_key::decode_public_key_multibase(str_field(case, "publicKeyMultibase")),
            Ok(public_key)
        );
        assert_eq!(
            did_key::decode_secret_key_multibase(str_field(case, "secretKeyMultibase")),
            Ok(seed)
        );
    }
}

#[test]
fn shared_rfc8032_ed25519_vectors() {
    let Some(dir) = vectors("RFC 8032 7.1 Ed25519 tests (ed25519/)") else {
        return;
    };
    let doc = read_json(&dir.join("ed25519/rfc8032-7.1.json"));
    let cases = doc["cases"].as_array().expect("cases");
    assert!(!cases.is_empty());
    for case in cases {
        let name = str_field(case, "name");
        let seed = unhex32(str_field(case, "secretKeyHex"));
        let public_key = did_key::public_key_from_seed(&seed);
        assert_eq!(hex(&public_key), str_field(case, "publicKeyHex"), "{name}");
        let message = unhex(str_field(case, "messageHex"));
        let signature = ed25519_sign(&seed, &message);
        assert_eq!(hex(&signature), str_field(case, "signatureHex"), "{name}");
        assert_eq!(ed25519_verify(&public_key, &message, &signature), Ok(()), "{name}");
        let mut altered = message.clone();
        altered.push(0);
        assert_eq!(
            ed25519_verify(&public_key, &altered, &signature),
            Err(VerifyError::SignatureMismatch),
            "{name}"
        );
    }
}

/// Checks one eddsa-jcs-2022 vector folder; `secret` signs it again when known.
fn check_eddsa_jcs_folder(dir: &Path, seed: Option<[u8; 32]>) {
    let text = |name: &str| read(&dir.join(name)).trim().to_string();
    let signed = read_json(&dir.join("signedJCS.json"));
    let proof_config = read_json(&dir.join("proofConfigJCS.json"));
    let proof_config = proof_config.as_object().expect("proof config object");

    let mut unsecured = signed.clone();
    unsecured.as_object_mut().unwrap().remove("proof");
    let hashes = hash_data(&unsecured, proof_config).unwrap();
    assert_eq!(hashes.canonical_document, text("canonDocJCS.txt"));
    assert_eq!(hashes.canonical_proof_config, text("proofCanonJCS.txt"));
    assert_eq!(hex(&hashes.document_hash), text("docHashJCS.txt"));
    assert_eq!(hex(&hashes.proof_config_hash), text("proofHashJCS.txt"));
    assert_eq!(hex(&hashes.bytes()), text("combinedHashJCS.txt"));
    let proof_value = text("sigBTC58JCS.txt");
    let signature = decode_proof_value(&proof_value).unwrap();
    assert_eq!(hex(&signature), text("sigHexJCS.txt"));
    assert_eq!(signed["proof"]["proofValue"], proof_value.as_str());

    if let Some(seed) = seed {
        assert_eq!(hex(&ed25519_sign(&seed, &hashes.bytes())), text("sigHexJCS.txt"));
    }
    let verified = verify(&signed).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    assert_eq!(verified.verification_method, str_field(&signed["proof"], "verificationMethod"));
}

#[test]
fn shared_eddsa_jcs_2022_current_vector() {
    let Some(dir) = vectors("W3C eddsa-jcs-2022 vector (eddsa-jcs-2022/)") else {
        return;
    };
    let dir = dir.join("eddsa-jcs-2022");
    let key_pair = read_json(&dir.join("keyPair.json"));
    let seed =
        did_key::decode_secret_key_multibase(str_field(&key_pair, "privateKeyMultibase")).unwrap();
    assert_eq!(
        did_key::encode_public_key_multibase(&did_key::public_key_from_seed(&seed)),
        str_field(&key_pair, "publicKeyMultibase")
    );
    check_eddsa_jcs_folder(&dir, Some(seed));

    // Signing the unsigned document with the vector's options gives signedJCS.
    let unsigned = read_json(&dir.join("unsigned.json"));
    let config = read_json(&dir.join("proofConfigJCS.json"));
    let resigned = sign(&unsigned, &seed, str_field(&config, "created")).unwrap();
    assert_eq!(resigned, read_json(&dir.join("signedJCS.json")));
    assert_eq!(
        Value::Object(
            proof_configuration(
                &unsigned,
                str_field(&config, "verificationMethod"),
                str_field(&config, "created")
            )
            .unwrap()
        ),
        config
    );
}

#[test]
fn shared_eddsa_jcs_2022_legacy_vector() {
    let Some(dir) =
        vectors("legacy eddsa-jcs-2022 vector (eddsa-jcs-2022/legacy-2024-08-c3b58d0/)")
    else {
        return;
    };
    let dir = dir.join("eddsa-jcs-2022");
    let seed = did_key::decode_secret_key_multibase(str_field(
        &read_json(&dir.join("keyPair.json")),
        "privateKeyMultibase",
    ))
    .unwrap();
    check_eddsa_jcs_folder(&dir.join("legacy-2024-08-c3b58d0"), Some(seed));
}

// ---------------------------------------------------------------------------
// Properties

fn arb_key() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        // Characters on both sides of the surrogate range, where UTF-16 and
        // code point order disagree.
        "[a-cA\u{7f}\u{e000}\u{fb33}\u{ffff}\u{10000}\u{1f602}]{0,3}",
    ]
}

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>()
            .prop_filter_map("finite", |x| serde_json::Number::from_f64(x).map(Value::Number)),
        (-1000i32..1000, -30i32..30).prop_map(|(m, e)| json!(f64::from(m) * 10f64.powi(e))),
        any::<String>().prop_map(Value::String),
    ];
    leaf.prop_recursive(6, 96, 8, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..8).prop_map(Value::Array),
            prop::collection::btree_map(arb_key(), inner, 0..8)
                .prop_map(|members| Value::Object(members.into_iter().collect())),
        ]
    })
}

/// Where a double lies exactly halfway between two shortest decimals, ECMAScript takes the even
/// one. Doubles between 2^50 and 2^51 are spaced 0.25 apart, so those ending in .25 and .75 are
/// such ties; random bit patterns rarely land on one.
#[test]
fn ties_between_shortest_decimals_go_to_the_even_digit() {
    let x = f64::from_bits(14055980310569074793);
    assert_eq!(x, -1_187_368_293_281_818.0 - 0.25);
    assert_eq!(jcs::number_to_string(x).unwrap(), "-1187368293281818.2");
    let mut buffer = ryu_js::Buffer::new();
    let mut ties = 0;
    for step in 0..4000u64 {
        let base = (1u64 << 50) + step * 7_919_113;
        for fraction in [0.25, 0.75] {
            let x = base as f64 + fraction;
            assert_eq!(jcs::number_to_string(x).unwrap(), buffer.format(x), "{x}");
            assert_eq!(jcs::number_to_string(-x).unwrap(), buffer.format(-x), "{x}");
            ties += 1;
        }
    }
    assert_eq!(ties, 8000);
}

proptest! {
    #[test]
    fn canonicalization_is_idempotent(value in arb_json()) {
        let canonical = jcs::canonicalize(&value).unwrap();
        let reparsed = jcs::parse_strict(&canonical).unwrap();
        prop_assert_eq!(jcs::canonicalize(&reparsed).unwrap(), canonical.clone());
        prop_assert_eq!(jcs::canonicalize_str(&canonical).unwrap(), canonical);
    }

    #[test]
    fn strict_parser_agrees_with_serde_json_output(value in arb_json()) {
        let text = serde_json::to_string_pretty(&value).unwrap();
        prop_assert_eq!(
            jcs::canonicalize_str(&text).unwrap(),
            jcs::canonicalize(&value).unwrap()
        );
    }

    #[test]
    fn numbers_match_ecmascript(bits in any::<u64>()) {
        let x = f64::from_bits(bits);
        prop_assume!(x.is_finite());
        let mut buffer = ryu_js::Buffer::new();
        prop_assert_eq!(jcs::number_to_string(x).unwrap(), buffer.format(x));
    }

    #[test]
    fn did_key_round_trips(seed in any::<[u8; 32]>()) {
        let public_key = did_key::public_key_from_seed(&seed);
        let did = did_key::did_key_from_public_key(&public_key);
        prop_assert!(did.starts_with("did:key:z6Mk"));
        prop_assert_eq!(did_key::decode_did_key(&did), Ok(public_key));
        let vm = did_key::verification_method_from_public_key(&public_key);
        let decoded = did_key::decode_verification_method(&vm).unwrap();
        prop_assert_eq!(decoded.did, did);
        prop_assert_eq!(decoded.public_key, public_key);
        prop_assert_eq!(
            did_key::decode_secret_key_multibase(&did_key::encode_secret_key_multibase(&seed)),
            Ok(seed)
        );
    }

    #[test]
    fn signed_documents_verify(
        members in prop::collection::btree_map(arb_key(), arb_json(), 0..6),
        seed in any::<[u8; 32]>(),
    ) {
        let mut document: Map<String, Value> = members.into_iter().collect();
        document.remove("proof");
        let document = Value::Object(document);
        let signed = sign(&document, &seed, "2025-01-01T00:00:00Z").unwrap();
        let verified = verify(&signed).unwrap();
        prop_assert_eq!(verified.did, did_key::did_key_from_seed(&seed));
        prop_assert_eq!(verified.created.as_deref(), Some("2025-01-01T00:00:00Z"));
    }
}
