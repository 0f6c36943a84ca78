//! `examples/decision.json` is an examinator's decision exactly as the app makes it, on
//! `examples/record.json`: made by `Draft::from_record` and `Draft::sign` with a fixed key, id and
//! time. Third-party verifiers in the test suite (`tests/e2e/vc-decision.test.mjs`: Digital
//! Bazaar's VC verifier) read it, so this test makes it afresh and fails when the file is not byte
//! for byte what the Rust code makes today. `LEERUITKOMSTEN_BLESS=1 cargo test --test
//! example_decision` writes it anew.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::path::Path;

use leeruitkomsten::core::app::Entropy;
use leeruitkomsten::core::credentials::decision::{read_decision, Draft, OutcomeResult};
use leeruitkomsten::core::credentials::digest_multibase;
use leeruitkomsten::core::json;
use leeruitkomsten::core::record::{verify_record_value, MAX_RECORD_BYTES};
use support::*;

const RECORD: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/record.json");
const FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/decision.json");
/// The examinator's test key; never used for real decisions.
const EXAMINATOR_SEED: [u8; 32] = [0x42; 32];
const DECIDED: &str = "2026-05-04T14:00:00.000Z";

#[test]
fn the_example_decision_is_what_the_app_makes_on_the_example_record() {
    let fw = framework();
    let text = std::fs::read_to_string(RECORD).expect("examples/record.json is there");
    let record = json::parse(&text, MAX_RECORD_BYTES).expect("the example record parses");
    let report = verify_record_value(&record, &[&fw]);
    let digest = digest_multibase(&record).expect("a digest");
    let mut draft = Draft::from_record(&report, &digest, "2026-05-04").expect("a valid record");
    draft.examinator = "Mr. drs. P. (Petra) van den Berg".into();
    draft.take_advice(0);
    draft.take_advice(2);
    let outcomes = &mut draft.decision.outcomes;
    outcomes[1].result = OutcomeResult::NotAchieved;
    outcomes[1].motivation = "Het advies is +, maar het bewijs voor samenwerken met het netwerk \
                              komt uit één bijeenkomst. Herkansing in blok 3."
        .into();
    outcomes[3].result = OutcomeResult::Achieved;
    outcomes[3].motivation = "Gezien in de eindpresentatie.".into();
    let uuid = Entropy([0x5a; 64]).uuid();
    let signed = draft.sign(&EXAMINATOR_SEED, &uuid, DECIDED, "2026-05-04").expect("signs");
    let made = format!("{}\n", serde_json::to_string_pretty(&signed).expect("serializes"));

    let verified = read_decision(&signed, &[&fw]).expect("the decision verifies");
    let id = report.record.as_ref().map(|r| r.id.clone()).unwrap_or_default();
    assert_eq!(verified.decision.check_against(&id, &digest, fw.sha256()), Ok(()));
    if std::env::var_os("LEERUITKOMSTEN_BLESS").is_some() {
        std::fs::write(FILE, &made).expect("examples/decision.json written");
    }
    let committed = std::fs::read_to_string(Path::new(FILE)).unwrap_or_default();
    assert!(
        committed == made,
        "examples/decision.json is not the decision the app makes now; \
         run LEERUITKOMSTEN_BLESS=1 cargo test --test example_decision and commit it"
    );
}
