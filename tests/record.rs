//! The signed assessment record: building, signing, verifying, and rejecting every tampering.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::collections::BTreeSet;
use std::rc::Rc;

use leeruitkomsten::core::assessment::aggregate::summarize;
use leeruitkomsten::core::assessment::{Action, Assessment, Mode, OutcomeEntry};
use leeruitkomsten::core::crypto::data_integrity::{
    ed25519_sign, encode_proof_value, hash_data, proof_configuration, VerifyError,
};
use leeruitkomsten::core::crypto::did_key;
use leeruitkomsten::core::crypto::jcs::{self, JcsError};
use leeruitkomsten::core::framework::hashed::{
    framework_sha256, FrameworkLoadError, HashedFramework,
};
use leeruitkomsten::core::framework::score::Score;
use leeruitkomsten::core::framework::DEFAULT_FRAMEWORK_JSON;
use leeruitkomsten::core::record::{
    build_record, build_record_typed, sign_record, verify_record, verify_record_bytes,
    AggregateScope, AssessmentRecord, RecordError, RecordProblem, RecordReport, ShapeProblem,
    APP_VERSION, CONTEXT_URL, MAX_RECORD_BYTES, RECORD_CONTEXT, RECORD_TYPE, RECORD_TYPES,
    VC_CONTEXT,
};
use serde_json::{json, Value};
use support::*;

fn verify(fw: &HashedFramework, record: &Value) -> RecordReport {
    verify_record(&to_text(record), &[fw])
}

fn assert_valid(report: &RecordReport) {
    assert!(report.is_valid(), "expected valid, got problems: {:?}", report.problems);
}

/// Drops entries with nothing in them, which a record cannot tell from absent ones.
fn normalized(mut a: Assessment) -> Assessment {
    a.outcomes.retain(|_, e| **e != OutcomeEntry::default());
    a
}

// ---------------------------------------------------------------------------
// Building and verifying

#[test]
fn a_full_record_verifies_and_reads_back() {
    let fw = framework();
    let assessment = full_assessment(&fw);
    let record = signed(&fw, &assessment);
    let report = verify(&fw, &record);
    assert_valid(&report);

    let proof = report.proof.as_ref().expect("signature checked");
    assert_eq!(proof.did, did_key::did_key_from_seed(&SEED));
    assert_eq!(proof.created.as_deref(), Some(CREATED));
    assert_eq!(report.framework.as_ref(), Some(&fw));
    let typed = report.record.as_ref().expect("record read");
    assert_eq!(typed.subject.student_number, "0123456");
    assert_eq!(typed.mode, Mode::Assessor);
    assert_eq!(typed.app.version, APP_VERSION);
    assert_eq!(typed.indicators.len(), fw.framework().indicator_count());
    assert_eq!(report.assessment(), Some(normalized(assessment.clone())));

    // Rebuilding from what the record states gives the record again.
    let again = build_record(
        &fw,
        &typed.to_assessment().expect("scores are well formed"),
        CREATED,
        RECORD_ID,
    )
    .expect("rebuilds");
    // Signing put the signer in as issuer; the rest is the record again.
    let mut unsigned = record.clone();
    object_mut(&mut unsigned).remove("proof");
    object_mut(&mut unsigned["issuer"]).remove("id");
    assert_eq!(again, unsigned);
}

#[test]
fn the_record_has_the_documented_shape() {
    let fw = framework();
    let record = signed(&fw, &full_assessment(&fw));
    let keys = |value: &Value| -> BTreeSet<String> { object(value).keys().cloned().collect() };
    let set =
        |names: &[&str]| -> BTreeSet<String> { names.iter().map(|n| n.to_string()).collect() };
    assert_eq!(
        keys(&record),
        set(&[
            "@context",
            "id",
            "type",
            "schemaVersion",
            "issuer",
            "validFrom",
            "credentialSubject",
            "proof"
        ])
    );
    assert_eq!(record["@context"], json!(RECORD_CONTEXT));
    assert_eq!(record["@context"], json!([VC_CONTEXT, CONTEXT_URL]));
    assert_eq!(record["type"], json!(["VerifiableCredential", RECORD_TYPE]));
    assert_eq!(record["schemaVersion"], "4");
    assert_eq!(record["id"], RECORD_ID);
    assert_eq!(record["validFrom"], CREATED);
    let did = did_key::did_key_from_seed(&SEED);
    assert_eq!(record["issuer"], json!({"id": did, "name": "Jan Jansen"}));
    assert_eq!(keys(&record["credentialSubject"]), set(&["name", "studentNumber", "assessment"]));
    assert_eq!(record["credentialSubject"]["name"], "Sanne de Vries-Öztürk");
    assert_eq!(
        keys(&record["credentialSubject"]["assessment"]),
        set(&[
            "app",
            "framework",
            "assessor",
            "mode",
            "assessmentDate",
            "normLevel",
            "indicators",
            "learningOutcomes",
            "aggregates"
        ])
    );
    assert_eq!(
        record["credentialSubject"]["assessment"]["assessor"],
        json!({"role": "praktijkbegeleider", "organisation": "Buurtwerk Noord"})
    );
    // The proof's @context is the document's, as the cryptosuite's proof configuration makes it.
    assert_eq!(record["proof"]["@context"], record["@context"]);
    assert_eq!(
        record["proof"]["verificationMethod"],
        format!("{did}#{}", did.trim_start_matches("did:key:"))
    );
    // The 2026 framework has no norms, so no level of practice.
    assert_eq!(record["credentialSubject"]["assessment"]["normLevel"], Value::Null);
    assert_eq!(record["credentialSubject"]["assessment"]["framework"]["sha256"], fw.sha256());
    assert_eq!(record["credentialSubject"]["studentNumber"], "0123456");
    assert_eq!(
        record["credentialSubject"]["assessment"]["indicators"][0],
        json!({
            "id": "LU1.1",
            "learningOutcome": "LU1",
            "status": "scored",
            "score": {"symbol": "□", "value": 1},
            "comment": "Bewijs bij LU1.1: buurtavond \"samen\" é 👍\nregel 2",
        })
    );
    assert_eq!(
        record["credentialSubject"]["assessment"]["learningOutcomes"][3],
        json!({"id": "LU4", "coreTask": "KT2", "feedback": "Feedback op LU4"})
    );
    // LU2 has four indicators: □ + ++ □ in the cycling sample (indicators 10..13).
    let lu2 = &record["credentialSubject"]["assessment"]["aggregates"]["learningOutcomes"]["LU2"];
    assert_eq!(lu2["total"], 4);
    assert_eq!(lu2["scored"], 4);
    let sum = lu2["sum"].as_u64().expect("sum");
    assert_eq!(lu2["mean"], format!("{}.{:02}", sum * 100 / 4 / 100, sum * 100 / 4 % 100));
    assert!(
        record["credentialSubject"]["assessment"]["aggregates"]["overall"]["result"].is_object()
    );
    assert_eq!(record["proof"]["cryptosuite"], "eddsa-jcs-2022");
}

#[test]
fn an_unscored_record_still_verifies() {
    let fw = framework();
    let record = signed(&fw, &Assessment::new(fw.framework()));
    let report = verify(&fw, &record);
    assert_valid(&report);
    for indicator in
        record["credentialSubject"]["assessment"]["indicators"].as_array().expect("indicators")
    {
        assert_eq!(indicator["status"], "not-scored");
        assert_eq!(indicator["score"], Value::Null);
        assert_eq!(indicator["comment"], Value::Null);
    }
    let overall = &record["credentialSubject"]["assessment"]["aggregates"]["overall"];
    assert_eq!(overall["scored"], 0);
    assert_eq!(overall["notScored"], fw.framework().indicator_count());
    assert_eq!(overall["mean"], Value::Null);
    assert_eq!(overall["result"], Value::Null);
    assert_eq!(record["credentialSubject"]["assessment"]["assessmentDate"], Value::Null);
    assert_eq!(report.assessment(), Some(Assessment::new(fw.framework())));
}

#[test]
fn a_self_assessment_verifies_and_says_so() {
    let fw = framework();
    let assessment = partial_assessment(&fw);
    let record = signed(&fw, &assessment);
    assert_eq!(record["credentialSubject"]["assessment"]["mode"], "self");
    let report = verify(&fw, &record);
    assert_valid(&report);
    let shown = report.assessment().expect("readable");
    assert_eq!(shown.metadata.mode, Mode::SelfAssessment);
    assert_eq!(shown, normalized(assessment.clone()));
    // LU2 is complete (□ + + ++: mean 2.00), so it has a result; LU1 is not.
    assert_eq!(
        record["credentialSubject"]["assessment"]["aggregates"]["learningOutcomes"]["LU2"]
            ["result"],
        json!({"symbol": "+", "value": 2})
    );
    assert_eq!(
        record["credentialSubject"]["assessment"]["aggregates"]["learningOutcomes"]["LU2"]["mean"],
        "2.00"
    );
    assert_eq!(
        record["credentialSubject"]["assessment"]["aggregates"]["learningOutcomes"]["LU1"]
            ["result"],
        Value::Null
    );
    let summary = summarize(fw.framework(), &assessment);
    assert_eq!(
        record["credentialSubject"]["assessment"]["aggregates"]["overall"]["scored"],
        summary.overall.scored()
    );
}

#[test]
fn the_typed_record_round_trips_through_json() {
    let fw = framework();
    let record = signed(&fw, &full_assessment(&fw));
    let typed = AssessmentRecord::from_value(&record).expect("reads");
    assert!(typed.proof.is_some());
    assert_eq!(serde_json::to_value(&typed).expect("writes"), record);
}

// ---------------------------------------------------------------------------
// The framework hash

#[test]
fn the_framework_hash_is_of_the_canonical_file() {
    let fw = framework();
    let direct = framework_sha256(DEFAULT_FRAMEWORK_JSON).expect("hashes");
    assert_eq!(fw.sha256(), direct);
    assert_eq!(direct.len(), 64);
    // The file as distributed, indented, gives the hash of the text compiled in without indentation.
    let file = include_str!("../frameworks/leeruitkomsten-opbouwwerk-2026.json");
    assert_ne!(file, DEFAULT_FRAMEWORK_JSON);
    assert_eq!(framework_sha256(file), Ok(direct.clone()));
    // Layout and member order do not count; content does.
    let value = jcs::parse_strict(DEFAULT_FRAMEWORK_JSON).expect("parses");
    let pretty = serde_json::to_string_pretty(&value).expect("serializes");
    assert_eq!(framework_sha256(&pretty), Ok(direct.clone()));
    let edited =
        DEFAULT_FRAMEWORK_JSON.replacen("Leeruitkomsten opbouwwerk", "Leeruitkomsten X", 1);
    assert_ne!(framework_sha256(&edited).expect("hashes"), direct);
    assert!(matches!(framework_sha256("{\"a\":1,\"a\":2}"), Err(JcsError::DuplicateKey { .. })));
    assert!(matches!(HashedFramework::from_json("{}"), Err(FrameworkLoadError::Invalid(_))));
}

// ---------------------------------------------------------------------------
// Building refuses what it cannot write faithfully

#[test]
fn building_refuses_bad_input() {
    let fw = framework();
    let a = full_assessment(&fw);
    for created in ["2026-05-01T11:30:00+02:00", "2026-05-01T09:30:00", "2026-05-01", ""] {
        assert_eq!(
            build_record(&fw, &a, created, RECORD_ID),
            Err(RecordError::InvalidCreated(created.into()))
        );
    }
    for id in ["", "urn:uuid: x", "a\u{7}"] {
        assert_eq!(
            build_record(&fw, &a, CREATED, id),
            Err(RecordError::InvalidRecordId(id.into()))
        );
    }
    let long_id = "x".repeat(201);
    assert!(matches!(
        build_record(&fw, &a, CREATED, &long_id),
        Err(RecordError::InvalidRecordId(_))
    ));

    let mut other = a.clone();
    other.framework_version = "2025-01".into();
    assert_eq!(
        build_record(&fw, &other, CREATED, RECORD_ID),
        Err(RecordError::OtherFramework {
            id: fw.framework().id.clone(),
            version: "2025-01".into()
        })
    );

    let mut dated = a.clone();
    dated.metadata.date = "30-04-2026".into();
    assert_eq!(
        build_record(&fw, &dated, CREATED, RECORD_ID),
        Err(RecordError::InvalidAssessmentDate("30-04-2026".into()))
    );

    let mut long = a.clone();
    long.metadata.assessor_name = "é".repeat(10_001);
    assert_eq!(
        build_record(&fw, &long, CREATED, RECORD_ID),
        Err(RecordError::TextTooLong {
            field: "assessor.name".into(),
            chars: 10_001,
            limit: 10_000
        })
    );

    // Scores the record could not carry are refused, not dropped.
    let mut stray = a.clone();
    let mut entry = OutcomeEntry::default();
    entry.scores.insert("LU2.1".into(), Score::High);
    stray.outcomes.insert("LU1".into(), Rc::new(entry));
    assert_eq!(
        build_record(&fw, &stray, CREATED, RECORD_ID),
        Err(RecordError::UnknownIndicator { outcome: "LU1".into(), indicator: "LU2.1".into() })
    );
    let mut unknown = a.clone();
    unknown.outcomes.insert("LU99".into(), Rc::new(OutcomeEntry::default()));
    assert_eq!(
        build_record(&fw, &unknown, CREATED, RECORD_ID),
        Err(RecordError::UnknownLearningOutcome("LU99".into()))
    );
}

#[test]
fn blank_comments_and_feedback_are_written_as_null() {
    let fw = framework();
    let mut a = Assessment::new(fw.framework());
    let mut entry = OutcomeEntry::default();
    entry.comments.insert("LU1.1".into(), "   ".into());
    entry.feedback = "\n".into();
    a.outcomes.insert("LU1".into(), Rc::new(entry));
    let record = build_record_typed(&fw, &a, CREATED, RECORD_ID).expect("builds");
    assert_eq!(record.indicators[0].comment, None);
    assert_eq!(record.learning_outcomes[0].feedback, None);
}

#[test]
fn signing_refuses_what_is_not_an_unsigned_record() {
    let fw = framework();
    let record = signed(&fw, &full_assessment(&fw));
    assert!(matches!(sign_record(&record, &SEED, CREATED), Err(RecordError::Sign(_))));
    assert!(matches!(
        sign_record(&json!({"type": RECORD_TYPE}), &SEED, CREATED),
        Err(RecordError::NotAnUnsignedRecord(_))
    ));
    let mut unsigned = record.clone();
    object_mut(&mut unsigned).remove("proof");
    assert!(matches!(
        sign_record(&unsigned, &SEED, "2026-05-01T09:30:00+00:00"),
        Err(RecordError::InvalidCreated(_))
    ));
}

// ---------------------------------------------------------------------------
// THE TAMPER TEST

/// Where a member of the flat layout (versions 1 and 2) is in a version 3 record.
fn credential_pointer(flat: &str) -> String {
    let (head, rest) = match flat.get(1..).and_then(|tail| tail.find('/')) {
        Some(at) => flat.split_at(at + 1),
        None => (flat, ""),
    };
    match head {
        "" | "/type" | "/schemaVersion" | "/id" | "/proof" => flat.to_string(),
        "/created" => format!("/validFrom{rest}"),
        "/subject" => format!("/credentialSubject{rest}"),
        "/assessor" if rest == "/name" => "/issuer/name".to_string(),
        _ => format!("{CONTENT}{flat}"),
    }
}

/// Paths that the walk must have changed in a fully scored, fully commented version 3 record:
/// every leaf of version 2 where version 3 keeps it, and the credential's own.
fn required_credential_pointers(fw: &HashedFramework) -> BTreeSet<String> {
    let mut required: BTreeSet<String> = required_pointers(fw)
        .iter()
        .filter(|p| p.as_str() != "/type")
        .map(|p| credential_pointer(p))
        .collect();
    for pointer in [
        "/@context/0",
        "/@context/1",
        "/type/0",
        "/type/1",
        "/issuer/id",
        "/proof/@context/0",
        "/proof/@context/1",
    ] {
        required.insert(pointer.to_string());
    }
    required
}

/// Paths that the walk must have changed in a fully scored, fully commented version 2 record.
fn required_pointers(fw: &HashedFramework) -> BTreeSet<String> {
    let mut required: BTreeSet<String> = [
        "/type",
        "/schemaVersion",
        "/id",
        "/created",
        "/mode",
        "/assessmentDate",
        "/app/name",
        "/app/version",
        "/framework/id",
        "/framework/version",
        "/framework/sha256",
        "/subject/name",
        "/subject/studentNumber",
        "/assessor/name",
        "/assessor/role",
        "/assessor/organisation",
        "/proof/type",
        "/proof/cryptosuite",
        "/proof/created",
        "/proof/verificationMethod",
        "/proof/proofPurpose",
        "/proof/proofValue",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    for i in 0..fw.framework().indicator_count() {
        for leaf in ["id", "learningOutcome", "status", "score/symbol", "score/value", "comment"] {
            required.insert(format!("/indicators/{i}/{leaf}"));
        }
    }
    let aggregate_leaves = [
        "high",
        "good",
        "present",
        "notScored",
        "scored",
        "total",
        "sum",
        "mean",
        "result/symbol",
        "result/value",
    ];
    let mut aggregates = vec!["/aggregates/overall".to_string()];
    for (i, outcome) in fw.framework().learning_outcomes().enumerate() {
        for leaf in ["id", "coreTask", "feedback"] {
            required.insert(format!("/learningOutcomes/{i}/{leaf}"));
        }
        aggregates.push(format!("/aggregates/learningOutcomes/{}", outcome.id));
    }
    for task in &fw.framework().core_tasks {
        aggregates.push(format!("/aggregates/coreTasks/{}", task.id));
    }
    for prefix in aggregates {
        for leaf in aggregate_leaves {
            required.insert(format!("{prefix}/{leaf}"));
        }
    }
    required
}

fn check_every_mutation_is_rejected(fw: &HashedFramework, record: &Value) -> Vec<String> {
    assert_valid(&verify(fw, record));
    let mut tried = Vec::new();
    for mutation in mutations(record) {
        assert_ne!(&mutation.document, record, "{}", mutation.describe());
        let report = verify(fw, &mutation.document);
        assert!(
            !report.is_valid(),
            "accepted after {}: {:?}",
            mutation.describe(),
            report.problems
        );
        // Outside the proof, the signature alone must catch every edit; an edit of the
        // @context, which the proof repeats, before the signature is even computed.
        let caught_by_proof = if mutation.pointer.starts_with("/@context") {
            RecordProblem::InvalidProof(VerifyError::ContextMismatch)
        } else {
            RecordProblem::SignatureMismatch
        };
        if !mutation.touches_proof() {
            assert!(
                report.problems.contains(&caught_by_proof),
                "{} was not a signature mismatch: {:?}",
                mutation.describe(),
                report.problems
            );
        }
        tried.push(mutation.describe());
    }
    tried
}

/// The walk over a full record of either layout: every leaf changed, every member deleted,
/// every object and array added to.
fn check_every_edit_of_a_full_record(
    fw: &HashedFramework,
    record: &Value,
    required: BTreeSet<String>,
    at: fn(&str) -> String,
) {
    let tried = check_every_mutation_is_rejected(fw, record);

    let changed: BTreeSet<String> =
        tried.iter().filter_map(|t| t.strip_prefix("Change ").map(String::from)).collect();
    let missed: Vec<_> = required.iter().filter(|p| !changed.contains(*p)).collect();
    assert!(missed.is_empty(), "never changed: {missed:?}");
    // Every member deleted, every object added to.
    for (kind, flat) in [
        ("Delete", "/proof/proofValue"),
        ("Delete", "/proof"),
        ("Delete", "/subject/studentNumber"),
        ("Delete", "/indicators/0/comment"),
        ("Delete", "/indicators/41"),
        ("Delete", "/aggregates/overall/mean"),
        ("Add", ""),
        ("Add", "/proof"),
        ("Add", "/indicators"),
        ("Add", "/indicators/0/score"),
    ] {
        let pointer = at(flat);
        assert!(tried.contains(&format!("{kind} {pointer}")), "{kind} {pointer} was not tried");
    }
    // 42 indicators with 6 leaves, 6 outcomes and 9 aggregates: well over a thousand edits.
    let changes = tried.iter().filter(|t| t.starts_with("Change")).count();
    let deletes = tried.iter().filter(|t| t.starts_with("Delete")).count();
    let adds = tried.iter().filter(|t| t.starts_with("Add")).count();
    assert!(changes >= required.len(), "{changes} changes");
    assert!(deletes > changes - 10, "{deletes} deletes for {changes} changes");
    assert!(adds >= 42 * 2 + 6 + 9 + 5, "{adds} additions");
    assert!(tried.len() > 1000, "only {} mutations", tried.len());
}

#[test]
fn every_single_edit_of_a_full_record_is_rejected() {
    let fw = framework();
    let record = signed(&fw, &full_assessment(&fw));
    check_every_edit_of_a_full_record(
        &fw,
        &record,
        required_credential_pointers(&fw),
        credential_pointer,
    );
}

#[test]
fn every_single_edit_of_a_full_version_2_record_is_rejected() {
    let fw = framework();
    let record = signed_as(&fw, &full_assessment(&fw), "2");
    assert_eq!(record["schemaVersion"], "2");
    check_every_edit_of_a_full_record(&fw, &record, required_pointers(&fw), str::to_string);
}

#[test]
fn every_single_edit_of_a_partial_record_is_rejected() {
    let fw = framework();
    let record = signed(&fw, &partial_assessment(&fw));
    let tried = check_every_mutation_is_rejected(&fw, &record);
    // Nulls were changed too: an unscored score, an absent comment, the date, a result.
    for flat in [
        "/indicators/2/score",
        "/indicators/2/comment",
        "/assessmentDate",
        "/learningOutcomes/0/feedback",
        "/aggregates/learningOutcomes/LU1/result",
        "/aggregates/overall/mean",
    ] {
        let pointer = credential_pointer(flat);
        assert!(tried.contains(&format!("Change {pointer}")), "{pointer} was not changed");
    }
    assert!(tried.len() > 800, "only {} mutations", tried.len());
}

#[test]
fn proof_edits_give_the_specific_reason() {
    let fw = framework();
    let record = signed(&fw, &full_assessment(&fw));
    let with = |pointer: &str, value: Value| {
        let mut doc = record.clone();
        *doc.pointer_mut(pointer).expect("pointer exists") = value;
        verify(&fw, &doc).problems
    };
    assert_eq!(
        with("/proof/cryptosuite", json!("eddsa-rdfc-2022")),
        vec![RecordProblem::UnknownCryptosuite("eddsa-rdfc-2022".into())]
    );
    assert!(matches!(
        with("/proof/verificationMethod", json!("did:key:z6Mkxyz#z6Mkxyz")).as_slice(),
        [RecordProblem::MalformedDidKey(_)]
    ));
    assert!(matches!(
        with("/proof/type", json!("Ed25519Signature2020")).as_slice(),
        [RecordProblem::InvalidProof(VerifyError::WrongProofType(_))]
    ));
    assert!(matches!(
        with("/proof/proofPurpose", json!("authentication")).as_slice(),
        [RecordProblem::InvalidProof(VerifyError::WrongProofPurpose(_))]
    ));
    assert!(matches!(
        with("/proof/proofValue", json!("zzz")).as_slice(),
        [RecordProblem::InvalidProof(VerifyError::MalformedProofValue(_))]
    ));
    assert_eq!(
        with("/proof/created", json!("2026-05-01T09:30:01Z")),
        vec![RecordProblem::SignatureMismatch]
    );
    // Another key's signature over the same record is not this key's.
    let other_key =
        did_key::verification_method_from_public_key(&did_key::public_key_from_seed(&[1; 32]));
    assert_eq!(
        with("/proof/verificationMethod", json!(other_key)),
        vec![RecordProblem::SignatureMismatch]
    );
}

// ---------------------------------------------------------------------------
// Re-signed records: the signature is valid, the content is inconsistent

fn resigned_problems(fw: &HashedFramework, edit: impl FnOnce(&mut Value)) -> Vec<RecordProblem> {
    let mut record = signed(fw, &full_assessment(fw));
    edit(&mut record);
    let report = verify(fw, &resign(&record));
    assert!(report.signature_valid(), "{:?}", report.problems);
    assert!(!report.is_valid());
    report.problems
}

#[test]
fn aggregates_that_differ_from_a_recomputation_are_reported() {
    let fw = framework();
    // LU1.1 is □ in the sample; claiming ++ changes LU1, KT1 and the overall aggregates.
    let problems = resigned_problems(&fw, |r| {
        r["credentialSubject"]["assessment"]["indicators"][0]["score"] =
            json!({"symbol": "++", "value": 3});
    });
    assert_eq!(
        problems,
        vec![
            RecordProblem::AggregatesDiffer {
                scope: AggregateScope::LearningOutcome("LU1".into())
            },
            RecordProblem::AggregatesDiffer { scope: AggregateScope::CoreTask("KT1".into()) },
            RecordProblem::AggregatesDiffer { scope: AggregateScope::Overall },
        ]
    );
    let problems = resigned_problems(&fw, |r| {
        r["credentialSubject"]["assessment"]["aggregates"]["learningOutcomes"]["LU5"]["mean"] =
            json!("2.4");
    });
    assert_eq!(
        problems,
        vec![RecordProblem::AggregatesDiffer {
            scope: AggregateScope::LearningOutcome("LU5".into())
        }]
    );
    let problems = resigned_problems(&fw, |r| {
        object_mut(&mut r["credentialSubject"]["assessment"]["aggregates"]["coreTasks"])
            .remove("KT2");
    });
    assert_eq!(
        problems,
        vec![RecordProblem::AggregatesDiffer { scope: AggregateScope::CoreTask("KT2".into()) }]
    );
}

#[test]
fn indicator_lists_that_are_not_the_frameworks_are_reported() {
    let fw = framework();
    let problems = resigned_problems(&fw, |r| {
        r["credentialSubject"]["assessment"]["indicators"].as_array_mut().expect("array").remove(5);
    });
    assert!(problems.contains(&RecordProblem::MissingIndicator("LU1.6".into())));
    assert!(problems.contains(&RecordProblem::AggregatesDiffer {
        scope: AggregateScope::LearningOutcome("LU1".into())
    }));

    let problems = resigned_problems(&fw, |r| {
        let first = r["credentialSubject"]["assessment"]["indicators"][0].clone();
        r["credentialSubject"]["assessment"]["indicators"]
            .as_array_mut()
            .expect("array")
            .push(first);
    });
    assert!(problems.contains(&RecordProblem::DuplicateIndicator("LU1.1".into())));

    let problems = resigned_problems(&fw, |r| {
        r["credentialSubject"]["assessment"]["indicators"][0]["id"] = json!("LU9.9");
    });
    assert!(problems.contains(&RecordProblem::UnknownIndicator("LU9.9".into())));
    assert!(problems.contains(&RecordProblem::MissingIndicator("LU1.1".into())));

    let problems = resigned_problems(&fw, |r| {
        r["credentialSubject"]["assessment"]["indicators"][0]["learningOutcome"] = json!("LU2");
    });
    assert!(problems.contains(&RecordProblem::WrongLearningOutcome {
        indicator: "LU1.1".into(),
        stated: "LU2".into(),
        expected: "LU1".into()
    }));

    let problems = resigned_problems(&fw, |r| {
        r["credentialSubject"]["assessment"]["indicators"]
            .as_array_mut()
            .expect("array")
            .swap(0, 1);
    });
    assert_eq!(problems, vec![RecordProblem::OutOfOrder { list: "indicators" }]);

    let problems = resigned_problems(&fw, |r| {
        r["credentialSubject"]["assessment"]["learningOutcomes"]
            .as_array_mut()
            .expect("array")
            .swap(0, 1);
    });
    assert_eq!(problems, vec![RecordProblem::OutOfOrder { list: "learningOutcomes" }]);
    let problems = resigned_problems(&fw, |r| {
        r["credentialSubject"]["assessment"]["learningOutcomes"][0]["coreTask"] = json!("KT2");
    });
    assert_eq!(
        problems,
        vec![RecordProblem::WrongCoreTask {
            outcome: "LU1".into(),
            stated: "KT2".into(),
            expected: "KT1".into()
        }]
    );
    let problems = resigned_problems(&fw, |r| {
        r["credentialSubject"]["assessment"]["learningOutcomes"]
            .as_array_mut()
            .expect("array")
            .pop();
    });
    assert_eq!(problems, vec![RecordProblem::MissingLearningOutcome("LU6".into())]);
}

#[test]
fn content_checks_beyond_the_signature() {
    let fw = framework();
    let problems = resigned_problems(&fw, |r| {
        r["credentialSubject"]["assessment"]["framework"]["sha256"] = json!("0".repeat(64))
    });
    assert_eq!(
        problems,
        vec![RecordProblem::FrameworkHashDiffers {
            stated: "0".repeat(64),
            expected: fw.sha256().into()
        }]
    );
    // A credential's @context and type are fixed lists, in order.
    let exactly = |expected: &'static [&'static str]| ShapeProblem::NotExactly { expected };
    for (pointer, value, path, expected) in [
        ("/type", json!("SomethingElse"), "type", &RECORD_TYPES),
        ("/type", json!([RECORD_TYPE, "VerifiableCredential"]), "type", &RECORD_TYPES),
        ("/type/1", json!("SomethingElse"), "type", &RECORD_TYPES),
        ("/@context", json!(VC_CONTEXT), "@context", &RECORD_CONTEXT),
        ("/@context/1", json!("https://example.org/other"), "@context", &RECORD_CONTEXT),
    ] {
        let mut record = signed(&fw, &full_assessment(&fw));
        *record.pointer_mut(pointer).expect("pointer exists") = value;
        let problems = verify(&fw, &record).problems;
        let wanted = RecordProblem::Malformed { path: path.into(), reason: exactly(expected) };
        assert!(problems.contains(&wanted), "{pointer}: {problems:?}");
    }
    // The proof's own @context differs from the document's: the proof fails before its shape.
    let mut record = signed(&fw, &full_assessment(&fw));
    record["proof"]["@context"] = json!([VC_CONTEXT]);
    let problems = verify(&fw, &record).problems;
    assert_eq!(problems, vec![RecordProblem::InvalidProof(VerifyError::ContextMismatch)]);
    let problems = resigned_problems(&fw, |r| r["schemaVersion"] = json!("5"));
    assert_eq!(problems, vec![RecordProblem::UnsupportedSchemaVersion("5".into())]);
    // Version 3 is still read, but never with the invitation of version 4.
    let problems = resigned_problems(&fw, |r| {
        r["schemaVersion"] = json!("3");
        r["credentialSubject"]["invitation"] = json!({"id": "urn:uuid:x", "digestMultibase": "u"});
    });
    assert_eq!(
        problems,
        vec![RecordProblem::Malformed {
            path: "credentialSubject.invitation".into(),
            reason: ShapeProblem::UnexpectedMember
        }]
    );
    // A credential of an earlier version is a contradiction, not a record of that version.
    let problems = resigned_problems(&fw, |r| r["schemaVersion"] = json!("2"));
    assert_eq!(
        problems,
        vec![RecordProblem::Malformed {
            path: "schemaVersion".into(),
            reason: ShapeProblem::NotOneOf { found: "2".into(), expected: &["3", "4"] }
        }]
    );
    // Every member of the assessment is there, if only as null.
    let problems = resigned_problems(&fw, |r| {
        object_mut(&mut r["credentialSubject"]["assessment"]).remove("normLevel");
    });
    let at = "credentialSubject.assessment.normLevel";
    assert!(problems.iter().any(|p| matches!(p, RecordProblem::Malformed { path, reason: ShapeProblem::Missing } if path == at)), "{problems:?}");
    // The issuer is the key that signed, and nobody else.
    let other = did_key::did_key_from_seed(&[1; 32]);
    let problems = resigned_problems(&fw, |r| r["issuer"]["id"] = json!(other));
    assert_eq!(
        problems,
        vec![RecordProblem::IssuerNotSigner {
            issuer: other.clone(),
            signer: did_key::did_key_from_seed(&SEED)
        }]
    );
    let problems = resigned_problems(&fw, |r| {
        object_mut(&mut r["issuer"]).remove("id");
    });
    assert_eq!(
        problems,
        vec![RecordProblem::Malformed { path: "issuer.id".into(), reason: ShapeProblem::Missing }]
    );
    // A level of practice where the framework has no norms.
    let problems =
        resigned_problems(&fw, |r| r["credentialSubject"]["assessment"]["normLevel"] = json!("C"));
    assert_eq!(problems, vec![RecordProblem::UnknownNormLevel("C".into())]);
    let malformed_at = |problems: &[RecordProblem], at: &str| {
        problems.iter().any(|p| matches!(p, RecordProblem::Malformed { path, .. } if path == at))
    };
    for (edit, at) in [
        (json!({"symbol": "++", "value": 2}), "credentialSubject.assessment.indicators[0].score"),
        (Value::Null, "credentialSubject.assessment.indicators[0].score"),
    ] {
        let problems = resigned_problems(&fw, |r| {
            r["credentialSubject"]["assessment"]["indicators"][0]["score"] = edit
        });
        assert!(malformed_at(&problems, at), "{problems:?}");
    }
    let problems = resigned_problems(&fw, |r| {
        r["credentialSubject"]["assessment"]["indicators"][0]["comment"] = json!(" ")
    });
    assert!(malformed_at(&problems, "credentialSubject.assessment.indicators[0].comment"));
    let problems = resigned_problems(&fw, |r| {
        r["credentialSubject"]["assessment"]["learningOutcomes"][0]["feedback"] = json!("")
    });
    assert!(malformed_at(&problems, "credentialSubject.assessment.learningOutcomes[0].feedback"));
    let problems = resigned_problems(&fw, |r| r["validFrom"] = json!("2026-05-01T11:30:00+02:00"));
    assert!(malformed_at(&problems, "validFrom"));
    let problems = resigned_problems(&fw, |r| {
        r["credentialSubject"]["assessment"]["assessmentDate"] = json!("2026-02-30")
    });
    assert!(malformed_at(&problems, "credentialSubject.assessment.assessmentDate"));
    let problems = resigned_problems(&fw, |r| {
        r["credentialSubject"]["assessment"]["framework"]["sha256"] = json!("ABC")
    });
    assert!(malformed_at(&problems, "credentialSubject.assessment.framework.sha256"));
    let problems = resigned_problems(&fw, |r| r["id"] = json!(""));
    assert!(malformed_at(&problems, "id"));
    let problems =
        resigned_problems(&fw, |r| r["credentialSubject"]["name"] = json!("x".repeat(10_001)));
    assert!(malformed_at(&problems, "credentialSubject.name"));
    let problems =
        resigned_problems(&fw, |r| r["credentialSubject"]["assessment"]["mode"] = json!("peer"));
    assert!(malformed_at(&problems, "credentialSubject.assessment.mode"), "{problems:?}");
    let problems = resigned_problems(&fw, |r| {
        r["credentialSubject"]["assessment"]["indicators"][0]["score"]["value"] = json!(300)
    });
    assert!(malformed_at(&problems, "credentialSubject.assessment.indicators[0].score.value"));
    let problems = resigned_problems(&fw, |r| {
        object_mut(&mut r["credentialSubject"]["assessment"]["indicators"][0]).remove("comment");
    });
    assert!(
        malformed_at(&problems, "credentialSubject.assessment.indicators[0].comment"),
        "{problems:?}"
    );
    let problems = resigned_problems(&fw, |r| {
        object_mut(r).insert("note".into(), json!("extra"));
    });
    assert!(malformed_at(&problems, "note"), "{problems:?}");
}

#[test]
fn a_signed_proof_with_members_of_its_own_is_not_this_format() {
    let fw = framework();
    let mut unsigned =
        build_record(&fw, &full_assessment(&fw), CREATED, RECORD_ID).expect("builds");
    unsigned["issuer"]["id"] = json!(did_key::did_key_from_seed(&SEED));
    let method =
        did_key::verification_method_from_public_key(&did_key::public_key_from_seed(&SEED));
    let mut proof = proof_configuration(&unsigned, &method, CREATED).expect("config");
    proof.insert("expires".into(), json!("2030-01-01T00:00:00Z"));
    let hashes = hash_data(&unsigned, &proof).expect("hashes");
    proof.insert(
        "proofValue".into(),
        json!(encode_proof_value(&ed25519_sign(&SEED, &hashes.bytes()))),
    );
    object_mut(&mut unsigned).insert("proof".into(), Value::Object(proof));
    let report = verify(&fw, &unsigned);
    assert!(report.signature_valid());
    assert!(matches!(
        report.problems.as_slice(),
        [RecordProblem::Malformed { path, .. }] if path == "proof.expires"
    ));
}

// ---------------------------------------------------------------------------
// A framework the verifier lacks

#[test]
fn an_unknown_framework_still_gets_its_signature_checked() {
    let known = framework();
    let other = other_framework("ander-kader");
    let record = signed(&other, &full_assessment(&other));

    let report = verify(&known, &record);
    assert!(report.signature_valid());
    assert!(!report.is_valid());
    assert_eq!(
        report.problems,
        vec![RecordProblem::UnknownFramework {
            id: "ander-kader".into(),
            version: "2026-03".into()
        }]
    );
    assert!(report.framework.is_none());
    assert!(report.record.is_some(), "the record is read, to say whose it is");

    // Known to a verifier that has it.
    assert_valid(&verify_record(&to_text(&record), &[&known, &other]));

    // Tampered: both reasons are given.
    let mut tampered = record.clone();
    tampered["credentialSubject"]["assessment"]["indicators"][0]["score"] =
        json!({"symbol": "++", "value": 3});
    let report = verify(&known, &tampered);
    assert!(!report.signature_valid());
    assert!(report.problems.contains(&RecordProblem::SignatureMismatch));
    assert!(report.problems.contains(&RecordProblem::UnknownFramework {
        id: "ander-kader".into(),
        version: "2026-03".into()
    }));
}

#[test]
fn a_known_id_with_another_version_is_unknown() {
    let fw = framework();
    let problems = resigned_problems(&fw, |r| {
        r["credentialSubject"]["assessment"]["framework"]["version"] = json!("2030-01")
    });
    assert_eq!(
        problems,
        vec![RecordProblem::UnknownFramework {
            id: fw.framework().id.clone(),
            version: "2030-01".into()
        }]
    );
}

// ---------------------------------------------------------------------------
// Hostile input: a clear problem each, never a panic

#[test]
fn hostile_inputs_give_clear_problems() {
    let fw = framework();
    let record = signed(&fw, &full_assessment(&fw));
    let text = to_text(&record);
    let problems = |text: &str| verify_record(text, &[&fw]).problems;

    // Another kind of file altogether, told apart from a record that was damaged.
    assert_eq!(problems("not json"), vec![RecordProblem::NotJson]);
    assert_eq!(problems("\n  Beste docent,\n"), vec![RecordProblem::NotJson]);
    assert_eq!(problems("\u{feff}Beste docent,"), vec![RecordProblem::NotJson]);
    assert_eq!(
        verify_record_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", &[&fw]).problems,
        vec![RecordProblem::NotJson]
    );
    assert_eq!(verify_record_bytes(b"\x89PNG\r\n", &[&fw]).problems, vec![RecordProblem::NotJson]);
    // What begins as JSON and breaks off, or is empty, is damaged.
    assert!(matches!(
        problems(&text[..text.len() / 2]).as_slice(),
        [RecordProblem::InvalidJson(JcsError::Syntax { .. })]
    ));
    assert!(matches!(problems("").as_slice(), [RecordProblem::InvalidJson(_)]));
    assert!(matches!(problems(" \n").as_slice(), [RecordProblem::InvalidJson(_)]));
    // A record saved as UTF-16 is the record in another encoding, not another kind of file.
    let utf16: Vec<u8> =
        [0xFF, 0xFE].into_iter().chain(b"{}".iter().flat_map(|&b| [b, 0])).collect();
    assert_eq!(
        verify_record_bytes(&utf16, &[&fw]).problems,
        vec![RecordProblem::NotUtf8 { offset: 0 }]
    );
    assert!(matches!(
        problems("\u{feff}{}").as_slice(),
        [RecordProblem::InvalidJson(JcsError::ByteOrderMark)]
    ));
    assert_eq!(problems("[1, 2]"), vec![RecordProblem::NotAnObject]);
    assert_eq!(problems("\"x\""), vec![RecordProblem::NotAnObject]);

    // A second studentNumber after the first: serde_json would keep the last one silently.
    let duplicated = text.replacen(
        "\"studentNumber\": \"0123456\"",
        "\"studentNumber\": \"0123456\", \"studentNumber\": \"9999999\"",
        1,
    );
    assert_ne!(duplicated, text);
    assert!(matches!(
        problems(&duplicated).as_slice(),
        [RecordProblem::InvalidJson(JcsError::DuplicateKey { key, .. })] if key == "studentNumber"
    ));

    let surrogate = text.replacen("Jan Jansen", "Jan \\ud800Jansen", 1);
    assert!(matches!(
        problems(&surrogate).as_slice(),
        [RecordProblem::InvalidJson(JcsError::LoneSurrogate { .. })]
    ));

    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(matches!(
        problems(&deep).as_slice(),
        [RecordProblem::InvalidJson(JcsError::TooDeep { .. })]
    ));

    let huge = format!("{text}{}", " ".repeat(6 * 1024 * 1024));
    assert_eq!(
        problems(&huge),
        vec![RecordProblem::TooLarge { bytes: huge.len(), limit: MAX_RECORD_BYTES }]
    );

    let mut array_proof = record.clone();
    let proof = array_proof["proof"].clone();
    array_proof["proof"] = json!([proof]);
    assert_eq!(verify(&fw, &array_proof).problems, vec![RecordProblem::SeveralProofs]);

    let mut string_proof = record.clone();
    string_proof["proof"] = json!("signed, honestly");
    assert_eq!(
        verify(&fw, &string_proof).problems,
        vec![RecordProblem::InvalidProof(VerifyError::ProofNotAnObject)]
    );

    let mut unsigned = record.clone();
    object_mut(&mut unsigned).remove("proof");
    let report = verify(&fw, &unsigned);
    assert_eq!(report.problems, vec![RecordProblem::MissingProof]);
    assert!(report.record.is_some());

    assert_eq!(
        verify_record_bytes(b"{\"a\":\"\xff\"}", &[&fw]).problems,
        vec![RecordProblem::NotUtf8 { offset: 6 }]
    );
    // An empty object: not signed, and every member is missing.
    let empty = problems("{}");
    assert_eq!(empty.first(), Some(&RecordProblem::MissingProof));
    assert_eq!(empty.len(), 1 + 13, "{empty:?}");
    assert!(empty[1..]
        .iter()
        .all(|p| matches!(p, RecordProblem::Malformed { reason, .. } if reason == "is missing")));
    let null_proof = problems("{\"proof\": null}");
    assert_eq!(
        null_proof.first(),
        Some(&RecordProblem::InvalidProof(VerifyError::ProofNotAnObject))
    );
    assert_eq!(null_proof.len(), 1 + 13);
    // Numbers where strings belong, and far beyond 2^53.
    let big = text.replacen("\"0123456\"", "123456789012345678901234567890", 1);
    assert!(matches!(
        problems(&big).as_slice(),
        [RecordProblem::SignatureMismatch, RecordProblem::Malformed { path, .. }] if path == "credentialSubject.studentNumber"
    ));
    assert!(matches!(
        problems("1e999").as_slice(),
        [RecordProblem::InvalidJson(JcsError::NonFiniteNumber { .. })]
    ));
}

#[test]
fn every_problem_has_an_english_reason() {
    let fw = framework();
    let record = signed(&fw, &full_assessment(&fw));
    let mut tampered = record.clone();
    tampered["credentialSubject"]["studentNumber"] = json!("7654321");
    let report = verify(&fw, &tampered);
    assert_eq!(
        report.problems.iter().map(ToString::to_string).collect::<Vec<_>>(),
        vec!["the signature does not match the record".to_string()]
    );
    let reason = RecordProblem::AggregatesDiffer { scope: AggregateScope::CoreTask("KT1".into()) }
        .to_string();
    assert_eq!(reason, "aggregates for core task KT1 differ from a recomputation from the scores");
}

fn object_mut(value: &mut Value) -> &mut serde_json::Map<String, Value> {
    value.as_object_mut().expect("an object")
}

mod random {
    use super::support;
    use leeruitkomsten::core::assessment::{Action, Assessment, MetadataField};
    use leeruitkomsten::core::framework::score::Score;
    use leeruitkomsten::core::record::{build_record, sign_record, verify_record_value};
    use proptest::prelude::*;

    /// An assessment with a random level (or none) and a random comment for each indicator.
    fn assessment() -> impl Strategy<Value = Assessment> {
        let fw = support::framework();
        let count = fw.framework().indicator_count();
        (
            prop::collection::vec(0..4u8, count),
            prop::collection::vec(prop::option::of("[a-zA-Zë <>&\"'\\\\]{0,12}"), count),
            "[a-zA-Z ]{0,20}",
        )
            .prop_map(move |(levels, comments, name)| {
                let framework = fw.framework();
                let mut a = Assessment::new(framework);
                a.apply(framework, Action::SetMetadata(MetadataField::StudentName, name)).unwrap();
                let ids: Vec<_> = framework.indicators().map(|i| i.id.clone()).collect();
                for ((id, level), comment) in ids.iter().zip(levels).zip(comments) {
                    let score = [Score::NotScored, Score::Present, Score::Good, Score::High]
                        [usize::from(level)];
                    a.apply(framework, Action::SetScore { indicator: id.clone(), score }).unwrap();
                    if let Some(text) = comment {
                        a.apply(framework, Action::SetComment { indicator: id.clone(), text })
                            .unwrap();
                    }
                }
                a
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]

        #[test]
        fn sign_then_verify_holds_and_any_single_edit_breaks_it(
            a in assessment(),
            seed in any::<[u8; 32]>(),
            pick in any::<prop::sample::Index>(),
        ) {
            let fw = support::framework();
            let unsigned = build_record(&fw, &a, support::CREATED, support::RECORD_ID).unwrap();
            let signed = sign_record(&unsigned, &seed, support::CREATED).unwrap();
            let report = verify_record_value(&signed, &[&fw]);
            prop_assert!(report.is_valid(), "{:?}", report.problems);
            let mutations = support::mutations(&signed);
            let mutation = &mutations[pick.index(mutations.len())];
            let report = verify_record_value(&mutation.document, &[&fw]);
            prop_assert!(!report.is_valid(), "{} was not noticed", mutation.describe());
        }
    }
}

// ---------------------------------------------------------------------------
// Schema versions: version 2 added normLevel; records of version 1 stay valid

#[test]
fn records_of_versions_1_and_2_stay_valid() {
    let fw = framework();
    let assessment = full_assessment(&fw);
    for version in ["1", "2"] {
        let record = signed_as(&fw, &assessment, version);
        assert!(record.get("@context").is_none() && record.get("issuer").is_none());
        assert_eq!(record["type"], RECORD_TYPE);
        let report = verify(&fw, &record);
        assert!(report.is_valid(), "version {version}: {:?}", report.problems);
        assert_eq!(report.assessment(), Some(normalized(assessment.clone())));
        let typed = report.record.expect("read");
        assert_eq!(typed.assessor.name, "Jan Jansen");
        assert_eq!(typed.issuer, None);
        // Read and written back, each version keeps its own layout.
        assert_eq!(serde_json::to_value(&typed).expect("writes"), record);
        // Its proof has no @context, since the record has none.
        let mut with_context = record.clone();
        with_context["proof"]["@context"] = json!(RECORD_CONTEXT);
        assert!(!verify(&fw, &with_context).is_valid());
    }
}

#[test]
fn a_record_of_version_1_is_read_without_a_norm_level() {
    let fw = framework();
    let mut record = signed_as(&fw, &full_assessment(&fw), "1");
    assert!(record.get("normLevel").is_none());
    let report = verify(&fw, &record);
    assert!(report.is_valid(), "{:?}", report.problems);
    assert_eq!(report.assessment().unwrap().norm_level, None);
    // Version 1 has no such member; version 2 must have it.
    record["normLevel"] = Value::Null;
    let problems = verify(&fw, &resign(&record)).problems;
    assert!(problems.iter().any(|p| matches!(p, RecordProblem::Malformed { path, reason: ShapeProblem::UnexpectedMember } if path == "normLevel")), "{problems:?}");
    object_mut(&mut record).remove("normLevel");
    record["schemaVersion"] = json!("2");
    let problems = verify(&fw, &resign(&record)).problems;
    assert!(problems.iter().any(|p| matches!(p, RecordProblem::Malformed { path, reason: ShapeProblem::Missing } if path == "normLevel")), "{problems:?}");
}

#[test]
fn a_record_of_the_2010_profile_states_its_level_and_verifies_it() {
    let profile = leeruitkomsten::core::framework::catalogue::BUILT_IN[1].load().unwrap();
    let fw = profile.framework();
    let mut assessment = Assessment::new(fw);
    assessment.apply(fw, Action::SetNormLevel("D".into())).unwrap();
    let first = fw.indicators().next().unwrap().id.clone();
    assessment.apply(fw, Action::SetScore { indicator: first, score: Score::Good }).unwrap();
    let record = signed(&profile, &assessment);
    assert_eq!(record["credentialSubject"]["assessment"]["normLevel"], "D");
    let report = verify(&profile, &record);
    assert!(report.is_valid(), "{:?}", report.problems);
    assert_eq!(report.assessment().unwrap().norm_level.as_deref(), Some("D"));
    // A level the norms lack, even when signed, is not valid.
    let mut other = record.clone();
    other["credentialSubject"]["assessment"]["normLevel"] = json!("E");
    let problems = verify(&profile, &resign(&other)).problems;
    assert_eq!(problems, vec![RecordProblem::UnknownNormLevel("E".into())]);
    // And the app refuses to build one.
    assessment.norm_level = Some("E".into());
    assert_eq!(
        build_record(&profile, &assessment, "2026-11-23T10:00:00Z", "urn:uuid:x"),
        Err(RecordError::UnknownNormLevel("E".into()))
    );
}
