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
use leeruitkomsten::core::crypto::data_integrity;
use leeruitkomsten::core::json;
use leeruitkomsten::core::record::{verify_record_value, MAX_RECORD_BYTES};
use serde_json::Value;
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

/// Every leaf of a JSON value as a path of keys and indexes.
fn leaf_paths(value: &Value, path: Vec<String>, out: &mut Vec<Vec<String>>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                leaf_paths(child, [path.clone(), vec![key.clone()]].concat(), out);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                leaf_paths(child, [path.clone(), vec![i.to_string()]].concat(), out);
            }
        }
        _ => out.push(path),
    }
}

fn leaf_mut<'v>(value: &'v mut Value, path: &[String]) -> &'v mut Value {
    path.iter().fold(value, |v, key| match v {
        Value::Array(items) => &mut items[key.parse::<usize>().unwrap()],
        other => &mut other[key.as_str()],
    })
}

/// Changes one leaf as the verifier test does: text altered, number +1, null made text.
fn change(leaf: &mut Value) {
    *leaf = match leaf.take() {
        Value::String(s) => Value::String(format!("{s}x")),
        Value::Number(n) => Value::from(n.as_u64().unwrap() + 1),
        Value::Null => Value::from("x"),
        other => panic!("unexpected leaf {other}"),
    };
}

#[test]
fn every_single_value_change_is_refused_and_re_signed_ones_by_the_reading_or_the_record_check() {
    let fw = framework();
    let decision = json::parse(&std::fs::read_to_string(FILE).unwrap(), MAX_RECORD_BYTES).unwrap();
    let record = json::parse(&std::fs::read_to_string(RECORD).unwrap(), MAX_RECORD_BYTES).unwrap();
    let digest = digest_multibase(&record).unwrap();
    let subject = &record["credentialSubject"];
    let (name, number) =
        (subject["name"].as_str().unwrap(), subject["studentNumber"].as_str().unwrap());
    let holds = |value: &Value| {
        read_decision(value, &[&fw]).is_ok_and(|v| {
            let d = &v.decision;
            d.check_against(record["id"].as_str().unwrap(), &digest, fw.sha256()).is_ok()
                && d.check_student(name, number).is_ok()
        })
    };
    assert!(holds(&decision));
    let mut paths = Vec::new();
    leaf_paths(&decision, Vec::new(), &mut paths);
    assert!(paths.len() > 40);
    let mut kept_by_resigning = Vec::new();
    for path in &paths {
        let mut changed = decision.clone();
        change(leaf_mut(&mut changed, path));
        assert!(
            read_decision(&changed, &[&fw]).is_err(),
            "{} changed was accepted",
            path.join(".")
        );
        if path[0] == "proof" {
            continue;
        }
        // The examinator signs the changed text anew: the proof is good, so only our reading and
        // the check against the record can refuse.
        changed.as_object_mut().unwrap().remove("proof");
        let resigned = data_integrity::sign(&changed, &EXAMINATOR_SEED, DECIDED).unwrap();
        if holds(&resigned) {
            kept_by_resigning.push(path.join("."));
        }
    }
    // What the examinator may say differently in a decision of their own: its id, their name and
    // the motivations. Everything else (the record, the student, the framework, the outcomes, the
    // advice, the results, the date, the envelope) is refused.
    let mut expected: Vec<String> = vec!["id".into(), "issuer.name".into()];
    for i in 0..6 {
        expected.push(format!("credentialSubject.decision.learningOutcomes.{i}.motivation"));
    }
    kept_by_resigning.sort();
    expected.sort();
    assert_eq!(kept_by_resigning, expected);
}
