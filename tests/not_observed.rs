//! *Niet waargenomen* in a record (schema version 4): written as its own status without a score,
//! counted apart in the aggregates, recomputed by the verifier with the same rule, and refused in
//! the versions before it.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use leeruitkomsten::core::assessment::{Answer, Assessment, OutcomeEntry};
use leeruitkomsten::core::framework::score::Score;
use leeruitkomsten::core::record::{
    build_record_typed, verify_record, AggregateScope, RecordProblem, RecordReport, ShapeProblem,
};
use serde_json::{json, Value};
use support::cli::{folder, lines, run, write};
use support::*;

fn verify(record: &Value) -> RecordReport {
    verify_record(&to_text(record), &[&framework()])
}

fn content(record: &mut Value) -> &mut Value {
    &mut record["credentialSubject"]["assessment"]
}

/// The position of an indicator in the record's list.
fn at(record: &Value, id: &str) -> usize {
    let indicators = record["credentialSubject"]["assessment"]["indicators"].as_array().unwrap();
    indicators.iter().position(|i| i["id"] == id).unwrap()
}

#[test]
fn a_record_with_indicators_not_observed_verifies_and_reads_back() {
    let fw = framework();
    let assessment = not_observed_assessment(&fw);
    let record = signed(&fw, &assessment);
    let report = verify(&record);
    assert!(report.is_valid(), "{:?}", report.problems);
    assert_eq!(record["schemaVersion"], "4");

    let indicators = &record["credentialSubject"]["assessment"]["indicators"];
    let lu3_1 = &indicators[at(&record, "LU3.1")];
    assert_eq!(lu3_1["status"], "notObserved");
    assert_eq!(lu3_1["score"], Value::Null);
    let lu5_1 = &indicators[at(&record, "LU5.1")];
    assert_eq!(
        (&lu5_1["status"], &lu5_1["comment"]),
        (&json!("notObserved"), &json!("nog niet gezien"))
    );
    assert_eq!(indicators[at(&record, "LU5.2")]["status"], "not-scored");

    let aggregates = &record["credentialSubject"]["assessment"]["aggregates"];
    let lu3 = &aggregates["learningOutcomes"]["LU3"];
    let lu3_total = lu3["total"].as_u64().unwrap();
    assert_eq!(lu3["notObserved"], lu3_total, "every indicator of LU3");
    assert_eq!((&lu3["notScored"], &lu3["scored"]), (&json!(0), &json!(0)));
    assert_eq!(lu3["result"], Value::Null, "nothing observed, no result");
    // LU1: ++, + and six + scored, LU1.3 not observed: the mean of the eight, 17 / 8.
    let lu1 = &aggregates["learningOutcomes"]["LU1"];
    assert_eq!(
        (&lu1["notObserved"], &lu1["notScored"], &lu1["scored"]),
        (&json!(1), &json!(0), &json!(8))
    );
    assert_eq!(
        (&lu1["mean"], &lu1["result"]),
        (&json!("2.13"), &json!({"symbol": "+", "value": 2}))
    );
    // Where nothing is not observed the member is left out, as in every record before.
    assert!(aggregates["learningOutcomes"]["LU2"].get("notObserved").is_none());
    let overall = &aggregates["overall"];
    assert_eq!(overall["notObserved"], lu3_total + 2);
    let counts = ["scored", "notScored", "notObserved"].map(|k| overall[k].as_u64().unwrap());
    assert_eq!(counts.iter().sum::<u64>(), overall["total"].as_u64().unwrap());

    // Read back, the assessment is the one signed.
    let read = report.assessment().unwrap();
    let mut expected = assessment;
    expected.outcomes.retain(|_, e| **e != OutcomeEntry::default());
    assert_eq!(read, expected);
    assert_eq!(read.answer(fw.framework(), "LU1.3"), Answer::NotObserved);
}

#[test]
fn a_record_without_any_is_written_as_before() {
    let fw = framework();
    let record = signed(&fw, &full_assessment(&fw));
    let text = to_text(&record);
    assert!(!text.contains("notObserved"), "no member and no status of it");
    assert!(verify(&record).is_valid());
}

#[test]
fn every_single_edit_is_refused() {
    let fw = framework();
    let record = signed(&fw, &not_observed_assessment(&fw));
    let mut tried = Vec::new();
    for mutation in mutations(&record) {
        let report = verify(&mutation.document);
        assert!(!report.is_valid(), "accepted after {}", mutation.describe());
        tried.push(mutation.describe());
    }
    let lu3_1 = at(&record, "LU3.1");
    for expected in [
        format!("Change /credentialSubject/assessment/indicators/{lu3_1}/status"),
        format!("Change /credentialSubject/assessment/indicators/{lu3_1}/score"),
        "Change /credentialSubject/assessment/aggregates/learningOutcomes/LU3/notObserved".into(),
        "Delete /credentialSubject/assessment/aggregates/overall/notObserved".into(),
    ] {
        assert!(tried.contains(&expected), "{expected} was not tried");
    }
}

/// The problems of `record` after `edit`, signed again so that the signature does not hide them.
fn resigned(record: &Value, edit: impl FnOnce(&mut Value)) -> Vec<RecordProblem> {
    let mut edited = record.clone();
    edit(&mut edited);
    assert_ne!(&edited, record, "the edit changed nothing");
    let report = verify(&resign(&edited));
    assert!(report.signature_valid());
    report.problems
}

#[test]
fn not_observed_turned_into_a_score_and_back_is_refused_though_signed_again() {
    let fw = framework();
    let record = signed(&fw, &not_observed_assessment(&fw));
    let lu3_1 = at(&record, "LU3.1");
    let lu2_1 = at(&record, "LU2.1");

    // Not observed made a score: LU3's counts no longer follow.
    let problems = resigned(&record, |r| {
        content(r)["indicators"][lu3_1]["status"] = json!("scored");
        content(r)["indicators"][lu3_1]["score"] = json!({"symbol": "++", "value": 3});
    });
    let lu3 =
        RecordProblem::AggregatesDiffer { scope: AggregateScope::LearningOutcome("LU3".into()) };
    assert!(problems.contains(&lu3), "{problems:?}");

    // A score made not observed: LU2 had a result from four scores.
    let problems = resigned(&record, |r| {
        content(r)["indicators"][lu2_1]["status"] = json!("notObserved");
        content(r)["indicators"][lu2_1]["score"] = Value::Null;
    });
    let lu2 =
        RecordProblem::AggregatesDiffer { scope: AggregateScope::LearningOutcome("LU2".into()) };
    assert!(problems.contains(&lu2), "{problems:?}");

    // And with the aggregates made to match, the signature of the assessor no longer does.
    let mut changed = record.clone();
    content(&mut changed)["indicators"][lu3_1]["status"] = json!("scored");
    content(&mut changed)["indicators"][lu3_1]["score"] = json!({"symbol": "++", "value": 3});
    assert!(verify(&changed).problems.contains(&RecordProblem::SignatureMismatch));

    // Not observed with a score beside it is neither.
    let problems = resigned(&record, |r| {
        content(r)["indicators"][lu3_1]["score"] = json!({"symbol": "+", "value": 2});
    });
    let path = format!("credentialSubject.assessment.indicators[{lu3_1}].score");
    let malformed = RecordProblem::Malformed { path, reason: ShapeProblem::ScoreWithNotObserved };
    assert!(problems.contains(&malformed), "{problems:?}");
}

#[test]
fn the_not_observed_count_is_held_to_the_recomputation() {
    let fw = framework();
    let record = signed(&fw, &not_observed_assessment(&fw));
    // An explicit 0 where there is none: not what the app writes, and not what it recomputes.
    let problems = resigned(&record, |r| {
        content(r)["aggregates"]["learningOutcomes"]["LU2"]["notObserved"] = json!(0)
    });
    let lu2 =
        RecordProblem::AggregatesDiffer { scope: AggregateScope::LearningOutcome("LU2".into()) };
    assert_eq!(problems, vec![lu2]);
    // The count left out where there are some.
    let problems = resigned(&record, |r| {
        content(r)["aggregates"]["overall"].as_object_mut().map(|o| o.remove("notObserved"));
    });
    assert_eq!(problems, vec![RecordProblem::AggregatesDiffer { scope: AggregateScope::Overall }]);
}

#[test]
fn a_record_of_an_earlier_version_claiming_not_observed_is_refused_clearly() {
    let fw = framework();
    let record = signed(&fw, &not_observed_assessment(&fw));
    let lu3_1 = at(&record, "LU3.1");
    let problems = resigned(&record, |r| r["schemaVersion"] = json!("3"));
    let status = RecordProblem::Malformed {
        path: format!("credentialSubject.assessment.indicators[{lu3_1}].status"),
        reason: ShapeProblem::NotObservedBeforeVersion4,
    };
    assert!(problems.contains(&status), "{problems:?}");
    let count = RecordProblem::Malformed {
        path: "credentialSubject.assessment.aggregates.overall.notObserved".into(),
        reason: ShapeProblem::NotObservedBeforeVersion4,
    };
    assert!(problems.contains(&count), "{problems:?}");
    assert!(status.to_string().contains("exists only from schema version 4 on"), "{status}");

    // A flat record of version 2 likewise (signed as a JSON document: the app's signing refuses it).
    let mut typed =
        build_record_typed(&fw, &not_observed_assessment(&fw), CREATED, RECORD_ID).unwrap();
    typed.schema_version = "2".into();
    let flat = resign(&serde_json::to_value(&typed).unwrap());
    let report = verify(&flat);
    assert!(report.signature_valid());
    let status = RecordProblem::Malformed {
        path: format!("indicators[{lu3_1}].status"),
        reason: ShapeProblem::NotObservedBeforeVersion4,
    };
    assert!(report.problems.contains(&status), "{:?}", report.problems);

    // Records of the earlier versions without it still verify.
    for version in ["1", "2"] {
        let old = signed_as(&fw, &partial_assessment(&fw), version);
        assert!(verify(&old).is_valid(), "version {version}");
    }
    let mut version_3 = signed(&fw, &partial_assessment(&fw));
    version_3["schemaVersion"] = json!("3");
    assert!(verify(&resign(&version_3)).is_valid());
}

#[test]
fn verify_record_accepts_a_record_with_not_observed_and_refuses_it_changed() {
    let dir = folder("not-observed");
    let fw = framework();
    let record = signed(&fw, &not_observed_assessment(&fw));
    let valid = write(&dir, "niet-waargenomen.json", to_text(&record));
    let mut changed = record.clone();
    let lu3_1 = at(&record, "LU3.1");
    content(&mut changed)["indicators"][lu3_1]["status"] = json!("not-scored");
    let changed = write(&dir, "veranderd.json", to_text(&resign(&changed)));

    let output = run(&[&valid]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert!(lines(&output)[0].starts_with("VALID "), "{:?}", lines(&output));

    let output = run(&[&changed]);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let line = &lines(&output)[0];
    assert!(line.starts_with("INVALID "), "{line}");
    assert!(line.contains("learning outcome LU3"), "{line}");
}

#[test]
fn an_assessment_nothing_of_which_was_observed_still_makes_a_valid_record() {
    let fw = framework();
    let mut a = Assessment::new(fw.framework());
    let ids: Vec<_> = fw.framework().indicators().map(|i| i.id.clone()).collect();
    for indicator in ids {
        let action = leeruitkomsten::core::assessment::Action::SetNotObserved {
            indicator,
            not_observed: true,
        };
        a.apply(fw.framework(), action).unwrap();
    }
    let record = signed(&fw, &a);
    assert!(verify(&record).is_valid());
    let overall = &record["credentialSubject"]["assessment"]["aggregates"]["overall"];
    assert_eq!((&overall["notObserved"], &overall["total"]), (&json!(42), &json!(42)));
    assert_eq!((&overall["mean"], &overall["result"]), (&Value::Null, &Value::Null));
    assert_eq!(a.score(fw.framework(), "LU1.1"), Score::NotScored);
}
