//! `verify-record --trusted LIST`: each valid record says whether a docent's signed list knows
//! its signer; a list that does not verify stops the run before any record is judged.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::fs;

use leeruitkomsten::core::credentials::trusted::{TrustedAssessor, TrustedAssessors};
use leeruitkomsten::core::crypto::{data_integrity, did_key};
use serde_json::{json, Value};
use support::cli::{folder, lines, run, write};
use support::*;

const EXAMPLE_LIST: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/trusted-assessors.json");
const EXAMPLE_RECORD: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/record.json");
const DOCENT: [u8; 32] = [0x33; 32];
const OTHER_ASSESSOR: [u8; 32] = [0x44; 32];

fn list_of(name: &str, docent: &str) -> Value {
    let mut list = TrustedAssessors::default();
    list.add(TrustedAssessor {
        did: did_key::did_key_from_seed(&OTHER_ASSESSOR),
        name: name.into(),
        organisation: None,
    })
    .expect("well formed");
    list.sign("urn:uuid:11111111-2222-4333-8444-555555555555", docent, &DOCENT, CREATED)
        .expect("signs")
}

/// A record of the sample assessment signed by another key than the test key.
fn record_signed_by(seed: &[u8; 32]) -> Value {
    let mut record = signed(&framework(), &full_assessment(&framework()));
    let object = record.as_object_mut().expect("an object");
    object.remove("proof");
    object
        .insert("issuer".into(), json!({"id": did_key::did_key_from_seed(seed), "name": "Ander"}));
    data_integrity::sign(&record, seed, CREATED).expect("signs")
}

#[test]
fn valid_lines_name_who_trusts_the_signer_or_flag_an_unknown_one() {
    let dir = folder("known");
    let stranger = write(&dir, "stranger.json", to_text(&record_signed_by(&[0x55; 32])));
    let other = write(&dir, "other.json", to_text(&record_signed_by(&OTHER_ASSESSOR)));
    let colleague =
        write(&dir, "colleague.json", to_text(&list_of("Sven Bakker", "Docent Jansen")));
    let jan = did_key::did_key_from_seed(&SEED);
    let output = run(&[
        "--trusted",
        EXAMPLE_LIST,
        &format!("--trusted={}", colleague.display()),
        EXAMPLE_RECORD,
        stranger.to_str().expect("UTF-8 path"),
        other.to_str().expect("UTF-8 path"),
    ]);
    // An unknown signer is a flag, not a failure.
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert_eq!(
        lines(&output),
        vec![
            format!(
                "VALID {EXAMPLE_RECORD}: 0123456 signed by {jan} at {CREATED}; \
                 trusted by Petra de Wit as Jan Jansen"
            ),
            format!(
                "VALID {}: 0123456 signed by {} at {CREATED}; unknown signer",
                stranger.display(),
                did_key::did_key_from_seed(&[0x55; 32])
            ),
            format!(
                "VALID {}: 0123456 signed by {} at {CREATED}; trusted by Docent Jansen as Sven Bakker",
                other.display(),
                did_key::did_key_from_seed(&OTHER_ASSESSOR)
            ),
        ]
    );

    // Without a list nothing is said about the signer, as before.
    let output = run(&[EXAMPLE_RECORD]);
    assert_eq!(
        lines(&output),
        vec![format!("VALID {EXAMPLE_RECORD}: 0123456 signed by {jan} at {CREATED}")]
    );

    // An invalid record stays INVALID and gets no note about its signer.
    let mut tampered = record_signed_by(&OTHER_ASSESSOR);
    tampered["credentialSubject"]["name"] = json!("Iemand anders");
    let tampered = write(&dir, "tampered.json", to_text(&tampered));
    let output = run(&["--trusted", EXAMPLE_LIST, tampered.to_str().expect("UTF-8 path")]);
    assert_eq!(output.status.code(), Some(1));
    let line = lines(&output).join("\n");
    assert!(
        line.starts_with("INVALID ")
            && !line.contains("trusted by")
            && !line.contains("unknown signer"),
        "{line}"
    );
}

#[test]
fn a_list_that_does_not_verify_is_a_usage_error() {
    let dir = folder("bad-lists");
    let mut tampered = list_of("Sven Bakker", "Docent Jansen");
    tampered["credentialSubject"]["trustedAssessors"][0]["id"] =
        did_key::did_key_from_seed(&[0x55; 32]).into();
    let cases = [
        (write(&dir, "tampered.json", to_text(&tampered)), "the signature does not match"),
        (
            write(&dir, "record.json", fs::read(EXAMPLE_RECORD).expect("example")),
            "type must hold VerifiableCredential and LeeruitkomstenTrustedAssessors",
        ),
        (write(&dir, "broken.json", "{\"@context\": ["), "not valid JSON"),
        (dir.join("missing.json"), "cannot read"),
    ];
    for (path, reason) in &cases {
        let output = run(&["--trusted", path.to_str().expect("UTF-8 path"), EXAMPLE_RECORD]);
        assert_eq!(output.status.code(), Some(2), "{path:?} {output:?}");
        assert!(output.stdout.is_empty(), "no record is judged against a bad list");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.starts_with(&format!("verify-record: --trusted {}: ", path.display())),
            "{stderr}"
        );
        assert!(stderr.contains(reason), "{stderr} lacks {reason}");
        assert!(
            stderr.contains(
                "usage: verify-record [--trusted LIST]... [--did-document DID.JSON]... FILE..."
            ),
            "{stderr}"
        );
    }
    let output = run(&[EXAMPLE_RECORD, "--trusted"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("--trusted needs a file"));
}

/// Every single value of the example list changed (each in a file of its own) is refused.
#[test]
fn every_changed_value_of_the_example_list_is_refused() {
    let dir = folder("every-change");
    let list: Value =
        serde_json::from_str(&fs::read_to_string(EXAMPLE_LIST).expect("example")).expect("JSON");
    let mut checked = 0;
    for mutation in mutations(&list) {
        if mutation.document == list {
            continue;
        }
        let path = write(&dir, &format!("{checked}.json"), to_text(&mutation.document));
        let output = run(&["--trusted", path.to_str().expect("UTF-8 path"), EXAMPLE_RECORD]);
        assert_eq!(output.status.code(), Some(2), "{} accepted: {output:?}", mutation.describe());
        checked += 1;
    }
    assert!(checked > 30, "only {checked} changes");
}
