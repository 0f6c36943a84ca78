//! `examples/trusted-assessors.json` is a docent's signed list of trusted assessors exactly as the
//! app signs one: it lists the key that signed `examples/record.json` (Jan Jansen's test key),
//! signed by a fixed docent key at a fixed time. Third-party verifiers in the test suite
//! (`tests/e2e/vc-trusted.test.mjs`) and `verify-record --trusted` read it, so this test makes it
//! afresh and fails when the file is not byte for byte what the Rust code makes today.
//! `LEERUITKOMSTEN_BLESS=1 cargo test --test example_trusted` writes it anew.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::path::Path;

use leeruitkomsten::core::credentials::trusted::{
    read_signed_list, TrustedAssessor, TrustedAssessors,
};
use leeruitkomsten::core::crypto::did_key;
use support::*;

const FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/trusted-assessors.json");
/// The docent's key for the example; like the record's, never used for anything real.
pub const DOCENT_SEED: [u8; 32] = [0x5a; 32];
const LIST_ID: &str = "urn:uuid:3e9d2c71-8b4a-4f16-a0d5-7c2e1b9f4a38";
const SIGNED_AT: &str = "2026-05-02T08:15:00.000Z";

#[test]
fn the_example_list_is_what_the_app_makes() {
    let mut list = TrustedAssessors::default();
    list.add(TrustedAssessor {
        did: did_key::did_key_from_seed(&SEED),
        name: "Jan Jansen".into(),
        organisation: Some("Buurtwerk Noord".into()),
    })
    .expect("a well-formed key");
    let signed = list.sign(LIST_ID, "Petra de Wit", &DOCENT_SEED, SIGNED_AT).expect("signs");
    let made = format!("{}\n", serde_json::to_string_pretty(&signed).expect("serializes"));
    let read = read_signed_list(made.as_bytes()).expect("the list verifies");
    assert_eq!(read.list, list);
    assert_eq!(read.signer_label(), "Petra de Wit");
    if std::env::var_os("LEERUITKOMSTEN_BLESS").is_some() {
        std::fs::write(FILE, &made).expect("examples/trusted-assessors.json written");
    }
    let committed = std::fs::read_to_string(Path::new(FILE)).unwrap_or_default();
    assert!(
        committed == made,
        "examples/trusted-assessors.json is not the list the app makes now; \
         run LEERUITKOMSTEN_BLESS=1 cargo test --test example_trusted and commit it"
    );
}
