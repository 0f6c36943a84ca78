use serde_json::Value;

use super::*;
use crate::core::assessment::{Action, Assessment, MetadataField};
use crate::core::credentials::digest_multibase;
use crate::core::crypto::data_integrity;
use crate::core::crypto::did_key;
use crate::core::framework::catalogue::BUILT_IN;
use crate::core::record::{build_record, sign_record, verify_record_value};

const CREATED: &str = "2026-11-20T10:00:00Z";
const DECIDED: &str = "2026-12-01T09:30:00.000Z";
const EXAMINATOR: [u8; 32] = [3; 32];
const UUID: &str = "6f1c2a4e-8b3d-4c5e-9f60-718293a4b5c6";

/// A signed record of `fw` with LU1's indicators (or every outcome's, with `all`) scored `score`.
fn record(fw: &HashedFramework, score: Score, all: bool) -> Value {
    let f = fw.framework();
    let mut a = Assessment::new(f);
    a.apply(f, Action::SetMetadata(MetadataField::StudentName, "Sanne de Vries".into())).unwrap();
    a.apply(f, Action::SetMetadata(MetadataField::StudentNumber, "4812345".into())).unwrap();
    let first = f.learning_outcomes().next().unwrap().id.clone();
    for outcome in f.learning_outcomes().filter(|o| all || o.id == first) {
        for i in &outcome.indicators {
            a.apply(f, Action::SetScore { indicator: i.id.clone(), score }).unwrap();
        }
    }
    let unsigned = build_record(fw, &a, CREATED, "urn:uuid:record-1").unwrap();
    sign_record(&unsigned, &[7; 32], CREATED).unwrap()
}

fn draft_of(fw: &HashedFramework, record: &Value) -> Draft {
    let report = verify_record_value(record, &[fw]);
    Draft::from_record(&report, &digest_multibase(record).unwrap(), "2026-12-01").unwrap()
}

fn default() -> HashedFramework {
    BUILT_IN[0].load().unwrap()
}

fn decided(fw: &HashedFramework) -> (Value, Value) {
    let rec = record(fw, Score::Good, false);
    let mut draft = draft_of(fw, &rec);
    draft.examinator = "Examinator Jansen".into();
    assert!(draft.take_advice(0));
    draft.decision.outcomes[1].result = OutcomeResult::NotAchieved;
    draft.decision.outcomes[1].motivation = "Geen bewijs van het netwerk.".into();
    (rec, draft.sign(&EXAMINATOR, UUID, DECIDED, "2026-12-02").unwrap())
}

#[test]
fn a_draft_starts_not_assessed_with_the_records_advice_and_feedback() {
    let fw = default();
    let draft = draft_of(&fw, &record(&fw, Score::Good, false));
    let d = &draft.decision;
    assert_eq!((d.record_id.as_str(), d.student_number.as_str()), ("urn:uuid:record-1", "4812345"));
    assert_eq!(d.framework_sha256, fw.sha256());
    assert_eq!(d.outcomes.len(), fw.framework().learning_outcomes().count());
    assert!(d.outcomes.iter().all(|o| o.result == OutcomeResult::NotAssessed));
    assert_eq!(d.outcomes[0].advice, Some(Score::Good));
    assert_eq!(d.outcomes[1].advice, None);
    assert!(draft.advice.iter().all(|a| !a.below_norm));
    assert!(draft.missing_motivations().is_empty());
}

#[test]
fn only_a_valid_record_can_be_decided_on() {
    let fw = default();
    let mut rec = record(&fw, Score::Good, false);
    rec["credentialSubject"]["name"] = "Iemand anders".into();
    let report = verify_record_value(&rec, &[&fw]);
    assert_eq!(Draft::from_record(&report, "u", "2026-12-01"), Err(DraftRefusal::RecordNotValid));
    // Valid, but against a framework the verifier does not know.
    let other = BUILT_IN[1].load().unwrap();
    let report = verify_record_value(&record(&fw, Score::Good, false), &[&other]);
    assert_eq!(Draft::from_record(&report, "u", "2026-12-01"), Err(DraftRefusal::RecordNotValid));
}

#[test]
fn not_achieved_and_achieved_without_determined_advice_need_a_motivation() {
    let fw = default();
    let mut draft = draft_of(&fw, &record(&fw, Score::Good, false));
    draft.examinator = "Examinator Jansen".into();
    draft.decision.outcomes[0].result = OutcomeResult::NotAchieved;
    draft.decision.outcomes[1].result = OutcomeResult::Achieved;
    let (lu1, lu2) = (
        draft.decision.outcomes[0].learning_outcome.clone(),
        draft.decision.outcomes[1].learning_outcome.clone(),
    );
    assert_eq!(draft.missing_motivations(), [lu1.clone(), lu2.clone()]);
    assert_eq!(
        draft.sign(&EXAMINATOR, UUID, DECIDED, "2026-12-01"),
        Err(SignRefusal::MissingMotivations(vec![lu1, lu2.clone()]))
    );
    draft.decision.outcomes[0].motivation = "  ".into();
    assert!(draft.needs_motivation(0));
    draft.decision.outcomes[0].motivation = "Onvoldoende bewijs.".into();
    assert_eq!(draft.missing_motivations(), [lu2]);
    // Achieved on determined advice needs no motivation.
    draft.decision.outcomes[0].result = OutcomeResult::Achieved;
    assert!(!draft.needs_motivation(0));
    draft.decision.outcomes[1].motivation = "Gezien in de presentatie.".into();
    assert!(draft.sign(&EXAMINATOR, UUID, DECIDED, "2026-12-01").is_ok());
    draft.examinator = " ".into();
    assert_eq!(
        draft.sign(&EXAMINATOR, UUID, DECIDED, "2026-12-01"),
        Err(SignRefusal::NoExaminator)
    );
}

#[test]
fn achieved_below_the_norm_needs_a_motivation_and_the_advice_is_not_taken_over_there() {
    let profile = BUILT_IN[1].load().unwrap();
    let mut draft = draft_of(&profile, &record(&profile, Score::Present, true));
    assert!(draft.advice.iter().any(|a| a.below_norm));
    let below = draft.advice.iter().position(|a| a.below_norm).unwrap();
    assert!(!draft.take_advice(below));
    assert_eq!(draft.decision.outcomes[below].result, OutcomeResult::NotAssessed);
    draft.decision.outcomes[below].result = OutcomeResult::Achieved;
    assert!(draft.needs_motivation(below));
    // Where the result meets the norm, taking the advice over gives *behaald*.
    let mut good = draft_of(&profile, &record(&profile, Score::High, true));
    assert!(good.advice.iter().all(|a| !a.below_norm));
    assert!(good.take_advice(below));
    assert!(!good.needs_motivation(below));
}

#[test]
fn a_signed_decision_verifies_names_its_record_and_matches_only_that_record_unchanged() {
    let fw = default();
    let (rec, signed) = decided(&fw);
    let verified = read_decision(&signed, &[&fw]).unwrap();
    assert_eq!(verified.credential.issuer, did_key::did_key_from_seed(&EXAMINATOR));
    assert_eq!(verified.credential.issuer_name.as_deref(), Some("Examinator Jansen"));
    assert_eq!(verified.credential.id.as_deref(), Some(&*format!("urn:uuid:{UUID}")));
    let d = &verified.decision;
    assert_eq!(d.decision_date, "2026-12-02");
    assert_eq!(d.outcomes[0].result, OutcomeResult::Achieved);
    assert_eq!(d.outcomes[1].result, OutcomeResult::NotAchieved);
    assert_eq!(
        signed["credentialSubject"]["decision"]["learningOutcomes"][0]["advice"]["symbol"],
        "+"
    );
    assert_eq!(
        signed["credentialSubject"]["decision"]["learningOutcomes"][1]["advice"],
        Value::Null
    );
    let digest = digest_multibase(&rec).unwrap();
    assert_eq!(d.check_against("urn:uuid:record-1", &digest, fw.sha256()), Ok(()));
    assert_eq!(
        d.check_against("urn:uuid:record-2", &digest, fw.sha256()),
        Err(Mismatch::OtherRecord)
    );
    let mut changed = rec.clone();
    changed["credentialSubject"]["name"] = "Sanna".into();
    let changed_digest = digest_multibase(&changed).unwrap();
    assert_eq!(
        d.check_against("urn:uuid:record-1", &changed_digest, fw.sha256()),
        Err(Mismatch::RecordChanged)
    );
    assert_eq!(
        d.check_against("urn:uuid:record-1", &digest, &"0".repeat(64)),
        Err(Mismatch::OtherFramework)
    );
}

/// Re-signs a changed decision with the examinator's key, so that only the subject check can
/// refuse it.
fn resigned(mut signed: Value, change: impl FnOnce(&mut Value)) -> Value {
    signed.as_object_mut().unwrap().remove("proof");
    change(&mut signed);
    data_integrity::sign(&signed, &EXAMINATOR, DECIDED).unwrap()
}

#[test]
fn every_refusal_of_reading_a_decision() {
    let fw = default();
    let (_, signed) = decided(&fw);
    let mut changed = signed.clone();
    changed["credentialSubject"]["decision"]["learningOutcomes"][1]["result"] = "achieved".into();
    assert!(matches!(read_decision(&changed, &[&fw]), Err(DecisionProblem::Credential(_))));
    let record = read_decision(&Value::Null, &[&fw]);
    assert_eq!(record, Err(DecisionProblem::Credential(CredentialProblem::NotAnObject)));

    let lo = "credentialSubject.decision.learningOutcomes";
    type Change = fn(&mut Value);
    let cases: Vec<(Change, DecisionProblem)> = vec![
        (
            |v| v["credentialSubject"]["extra"] = 1.into(),
            DecisionProblem::Malformed("credentialSubject.extra".into()),
        ),
        (|v| v["extra"] = 1.into(), DecisionProblem::Malformed("extra".into())),
        (
            |v| {
                v["credentialSubject"]["decision"].as_object_mut().unwrap().remove("record");
            },
            DecisionProblem::Malformed("credentialSubject.decision.record".into()),
        ),
        (
            |v| v["credentialSubject"]["decision"]["decisionDate"] = "1 december".into(),
            DecisionProblem::Malformed("credentialSubject.decision.decisionDate".into()),
        ),
        (
            |v| {
                v["credentialSubject"]["decision"]["learningOutcomes"][0]["result"] =
                    "passed".into()
            },
            DecisionProblem::Malformed(format!("{lo}[0].result")),
        ),
        (
            |v| {
                v["credentialSubject"]["decision"]["learningOutcomes"][0]["advice"]["value"] =
                    3.into()
            },
            DecisionProblem::Malformed(format!("{lo}[0].advice")),
        ),
        (
            |v| v["credentialSubject"]["decision"]["framework"]["sha256"] = "0".repeat(64).into(),
            DecisionProblem::UnknownFramework { id: "leeruitkomsten-opbouwwerk-2026".into() },
        ),
        (
            |v| {
                v["credentialSubject"]["decision"]["learningOutcomes"]
                    .as_array_mut()
                    .unwrap()
                    .pop();
            },
            DecisionProblem::Outcomes,
        ),
        (
            |v| {
                let list =
                    v["credentialSubject"]["decision"]["learningOutcomes"].as_array_mut().unwrap();
                list[1] = list[0].clone();
            },
            DecisionProblem::Outcomes,
        ),
        (
            |v| v["credentialSubject"]["decision"]["learningOutcomes"][1]["motivation"] = "".into(),
            DecisionProblem::MotivationMissing("LU2".into()),
        ),
        (
            |v| v["credentialSubject"]["decision"]["record"]["digestMultibase"] = "zQm".into(),
            DecisionProblem::Malformed("credentialSubject.decision.record.digestMultibase".into()),
        ),
    ];
    for (change, problem) in cases {
        assert_eq!(read_decision(&resigned(signed.clone(), change), &[&fw]), Err(problem));
    }
}

#[test]
fn a_draft_survives_storage_and_a_foreign_one_is_not_taken() {
    let fw = default();
    let mut draft = draft_of(&fw, &record(&fw, Score::Good, false));
    draft.examinator = "Examinator Jansen".into();
    draft.decision.outcomes[1].result = OutcomeResult::NotAchieved;
    draft.decision.outcomes[1].motivation = "Nog niet".into();
    draft.advice[0].feedback = Some("Goed gedaan".into());
    assert_eq!(Draft::from_stored(&draft.to_stored()), Some(draft.clone()));
    let mut other = draft.to_stored();
    other["version"] = 2.into();
    assert_eq!(Draft::from_stored(&other), None);
    let mut short = draft.to_stored();
    short["advice"].as_array_mut().unwrap().pop();
    assert_eq!(Draft::from_stored(&short), None);
    assert_eq!(draft.file_name("2026-12-01"), "besluit-4812345-Sanne-de-Vries-2026-12-01.json");
    draft.decision.student_number = "../x".into();
    assert_eq!(draft.file_name("2026-12-01"), "besluit-x-Sanne-de-Vries-2026-12-01.json");
}

#[test]
fn an_outcome_nothing_of_which_was_observed_has_no_advice_and_the_draft_says_why() {
    let fw = default();
    let f = fw.framework();
    let mut a = Assessment::new(f);
    a.apply(f, Action::SetMetadata(MetadataField::StudentNumber, "4812345".into())).unwrap();
    let mut outcomes = f.learning_outcomes();
    let first = outcomes.next().unwrap();
    let second = outcomes.next().unwrap();
    for i in &first.indicators {
        a.apply(f, Action::SetNotObserved { indicator: i.id.clone(), not_observed: true }).unwrap();
    }
    for i in &second.indicators {
        a.apply(f, Action::SetScore { indicator: i.id.clone(), score: Score::High }).unwrap();
    }
    let unsigned = build_record(&fw, &a, CREATED, "urn:uuid:record-1").unwrap();
    let rec = sign_record(&unsigned, &[7; 32], CREATED).unwrap();
    let mut draft = draft_of(&fw, &rec);
    assert_eq!(draft.decision.outcomes[0].advice, None);
    assert!(draft.advice[0].not_observed);
    assert_eq!(draft.decision.outcomes[1].advice, Some(Score::High));
    assert!(!draft.advice[1].not_observed && !draft.advice[2].not_observed);
    // No advice to take over: it stays niet beoordeeld, unless the examinator decides otherwise.
    assert!(!draft.take_advice(0));
    assert_eq!(draft.decision.outcomes[0].result, OutcomeResult::NotAssessed);
    // Kept and read back; a draft kept before it (no member) reads as observed.
    let stored = draft.to_stored();
    assert_eq!(stored["advice"][0]["notObserved"], true);
    assert!(stored["advice"][1].get("notObserved").is_none());
    assert_eq!(Draft::from_stored(&stored), Some(draft.clone()));
    let mut before = stored.clone();
    before["advice"][0].as_object_mut().unwrap().remove("notObserved");
    assert!(!Draft::from_stored(&before).unwrap().advice[0].not_observed);
}
