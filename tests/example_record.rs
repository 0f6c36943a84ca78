//! `examples/record.json` is a record exactly as the app exports it: the full sample assessment
//! signed by `sign_assessment` with the test key. Third-party verifiers in the test suite
//! (`tests/e2e/vc-verify.test.mjs`: Digital Bazaar's VC verifier) read it, so this test makes it
//! afresh and fails when the file is not byte for byte what the Rust code makes today.
//! `LEERUITKOMSTEN_BLESS=1 cargo test --test example_record` writes it anew.
//! `examples/record-not-observed.json` likewise: a partial assessment with indicators marked
//! *niet waargenomen*, for the third-party verifiers to hold that status and count.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::path::Path;

use leeruitkomsten::core::crypto::signing_key::SigningKey;
use leeruitkomsten::core::record::export::sign_assessment;
use leeruitkomsten::core::record::verify_record;
use support::*;

const FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/record.json");
const NOT_OBSERVED_FILE: &str =
    concat!(env!("CARGO_MANIFEST_DIR"), "/examples/record-not-observed.json");

#[test]
fn the_example_record_is_what_the_app_makes() {
    let fw = framework();
    let key = SigningKey::from_seed(SEED, CREATED);
    let signed =
        sign_assessment(&fw, &full_assessment(&fw), &key, CREATED, RECORD_ID).expect("signs");
    let made = format!("{}\n", signed.record);
    assert!(verify_record(&made, &[&fw]).is_valid());
    if std::env::var_os("LEERUITKOMSTEN_BLESS").is_some() {
        std::fs::write(FILE, &made).expect("examples/record.json written");
    }
    let committed = std::fs::read_to_string(Path::new(FILE)).unwrap_or_default();
    assert!(
        committed == made,
        "examples/record.json is not the record the app makes now; \
         run LEERUITKOMSTEN_BLESS=1 cargo test --test example_record and commit it"
    );
}

#[test]
fn the_example_record_with_indicators_not_observed_is_what_the_app_makes() {
    let fw = framework();
    let key = SigningKey::from_seed(SEED, CREATED);
    let assessment = not_observed_assessment(&fw);
    let signed = sign_assessment(&fw, &assessment, &key, CREATED, RECORD_ID).expect("signs");
    let made = format!("{}\n", signed.record);
    assert!(verify_record(&made, &[&fw]).is_valid());
    assert!(made.contains("\"notObserved\""));
    if std::env::var_os("LEERUITKOMSTEN_BLESS").is_some() {
        std::fs::write(NOT_OBSERVED_FILE, &made)
            .expect("examples/record-not-observed.json written");
    }
    let committed = std::fs::read_to_string(Path::new(NOT_OBSERVED_FILE)).unwrap_or_default();
    assert!(
        committed == made,
        "examples/record-not-observed.json is not the record the app makes now; \
         run LEERUITKOMSTEN_BLESS=1 cargo test --test example_record and commit it"
    );
}
