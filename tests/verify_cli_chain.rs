//! `verify-record` over the whole chain: the docent's invitation, the record that answers it and
//! the examinator's decision on that record, given together in any order. Each file keeps its
//! own line; the references between them are checked across the files given.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::fs;
use std::path::Path;

use leeruitkomsten::core::assessment::Invited;
use leeruitkomsten::core::credentials::invitation::SignedInvitation;
use leeruitkomsten::core::crypto::signing_key::SigningKey;
use leeruitkomsten::core::crypto::{data_integrity, did_key};
use serde_json::{json, Value};
use support::cli::{self, folder, lines, run};
use support::*;

const INVITATION: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/invitation.json");
const RECORD: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/record.json");
const DECISION: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/decision.json");
const TRUSTED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/trusted-assessors.json");
const INVITATION_ID: &str = "urn:uuid:2b7e1c4d-8a3f-4e6b-9c1d-5f2a7b8e3c41";
const DOCENT_DID: &str = "did:key:z6MkiaMbhXHNA4eJVCCj8dbzKzTgYDKf6crKgHVHid1F1WCT";
const EXAMINATOR: &str =
    "Mr. drs. P. (Petra) van den Berg (did:key:z6MkghLt1e8m1fmANsdJJco3aCLV8Xnigr5UWwC3u5iZFPd3)";
const RESULTS: &str = "LU1 achieved, LU2 not achieved, LU3 achieved, LU4 achieved, \
                       LU5 not assessed, LU6 not assessed";

/// The file written, by its path as text: the lines name files as given.
fn write(dir: &Path, name: &str, contents: impl AsRef<[u8]>) -> String {
    let path = cli::write(dir, name, contents);
    path.to_str().expect("UTF-8 path").to_string()
}

fn read(path: &str) -> Value {
    serde_json::from_str(&fs::read_to_string(path).expect("example")).expect("JSON")
}

fn example_invitation() -> SignedInvitation {
    SignedInvitation::from_value(&read(INVITATION)).expect("the example invitation verifies")
}

/// The sample assessment made from `invitation`, signed with the test key (Jan Jansen on the
/// example trusted list): a version 4 record naming it.
fn record_answering(invitation: &SignedInvitation) -> Value {
    let fw = framework();
    let mut assessment = full_assessment(&fw);
    assessment.invitation = Some(Invited {
        id: invitation.reference.id.clone(),
        digest_multibase: invitation.reference.digest_multibase.clone(),
        issuer: invitation.issuer.clone(),
        issuer_name: invitation.issuer_name.clone(),
        due_date: invitation.invitation.due_date.clone(),
        host_origin: invitation.invitation.host_origin.clone(),
    });
    let record = signed(&fw, &assessment);
    assert_eq!(record["credentialSubject"]["invitation"]["id"], INVITATION_ID);
    record
}

/// Another invitation under the example's id: another due date, signed by another docent key.
fn other_invitation_with_the_same_id() -> Value {
    let mut invitation = example_invitation().invitation;
    invitation.due_date = "2099-12-31".into();
    let key = SigningKey::from_seed([0x66; 32], "2026-04-01T08:15:00.000Z");
    let signed = invitation
        .sign(
            "Petra Bakker",
            &key,
            "2b7e1c4d-8a3f-4e6b-9c1d-5f2a7b8e3c41",
            CREATED,
            &leeruitkomsten::core::zone::Zone::fixed(60),
        )
        .expect("signs");
    serde_json::from_str(&signed.text).expect("JSON")
}

fn signed_by(record: &Value, seed: &[u8; 32]) -> Value {
    let mut record = record.clone();
    let object = record.as_object_mut().expect("an object");
    object.remove("proof");
    object
        .insert("issuer".into(), json!({"id": did_key::did_key_from_seed(seed), "name": "Ander"}));
    data_integrity::sign(&record, seed, CREATED).expect("signs")
}

fn invitation_line(file: &str, until: &str, end: &str) -> String {
    format!(
        "VALID {file}: invitation {INVITATION_ID} from Petra Bakker ({DOCENT_DID}) for 0123456, \
         assessor Jan Jansen, valid until {until}{end}"
    )
}

#[test]
fn an_invitation_has_its_own_line_and_stays_authentic_after_its_time() {
    let dir = folder("invitation");
    let output = run(&[INVITATION]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    // The example's due date (2026-04-30) has passed: authentic, and said to be expired.
    assert_eq!(
        lines(&output),
        vec![invitation_line(INVITATION, "2026-04-30T22:00:00Z", "; expired")]
    );

    let future = write(&dir, "future.json", to_text(&other_invitation_with_the_same_id()));
    let output = run(&[&future]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let other_docent = did_key::did_key_from_seed(&[0x66; 32]);
    assert_eq!(
        lines(&output),
        vec![format!(
            "VALID {future}: invitation {INVITATION_ID} from Petra Bakker ({other_docent}) for \
             0123456, assessor Jan Jansen, valid until 2099-12-31T23:00:00Z"
        )]
    );

    let mut changed = read(INVITATION);
    changed["credentialSubject"]["assessment"]["assessor"]["name"] = json!("Iemand anders");
    let changed = write(&dir, "changed.json", to_text(&changed));
    let output = run(&[&changed]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        lines(&output),
        vec![format!("INVALID {changed}: invitation: the signature does not match the invitation")]
    );
}

#[test]
fn a_record_says_whether_the_invitation_it_names_is_given() {
    let dir = folder("record");
    let invitation = example_invitation();
    let invited = write(&dir, "invited.json", to_text(&record_answering(&invitation)));
    let jan = did_key::did_key_from_seed(&SEED);
    let base = format!("VALID {invited}: 0123456 signed by {jan} at {CREATED}");

    // The invitation after the record, then before it: the lines stay in the order given.
    let output = run(&[&invited, INVITATION, RECORD]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let expired = invitation_line(INVITATION, "2026-04-30T22:00:00Z", "; expired");
    let plain = format!("VALID {RECORD}: 0123456 signed by {jan} at {CREATED}");
    let answers = format!("{base}; answers invitation {INVITATION_ID} from Petra Bakker");
    assert_eq!(lines(&output), vec![answers.clone(), expired.clone(), plain.clone()]);
    let output = run(&[INVITATION, &invited]);
    assert_eq!(lines(&output), vec![expired.clone(), answers.clone()]);

    let output = run(&[&invited]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert_eq!(
        lines(&output),
        vec![format!("{base}; names invitation {INVITATION_ID}, not given")]
    );

    // Same id, another digest: the record answers another invitation than the one given.
    let other = write(&dir, "other.json", to_text(&other_invitation_with_the_same_id()));
    let output = run(&[&invited, &other]);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let found = lines(&output);
    assert_eq!(
        found.first().map(String::as_str),
        Some(
            format!(
                "INVALID {invited}: it names invitation {INVITATION_ID} with another digest than \
                 {other} has: it answers another invitation than the one given"
            )
            .as_str()
        )
    );
    assert!(found.get(1).is_some_and(|l| l.starts_with(&format!("VALID {other}: "))), "{found:?}");
}

#[test]
fn an_invitation_given_counts_as_sent_for_the_signers_standing() {
    let dir = folder("standing");
    let invitation = example_invitation();
    let record = record_answering(&invitation);
    let trusted = write(&dir, "trusted.json", to_text(&record));
    let stranger_record = signed_by(&record, &[0x55; 32]);
    let stranger = write(&dir, "stranger.json", to_text(&stranger_record));
    let stranger_did = did_key::did_key_from_seed(&[0x55; 32]);
    let jan = did_key::did_key_from_seed(&SEED);

    let output = run(&["--trusted", TRUSTED, &trusted, &stranger, INVITATION]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let answers = format!("; answers invitation {INVITATION_ID} from Petra Bakker");
    assert_eq!(
        lines(&output),
        vec![
            format!(
                "VALID {trusted}: 0123456 signed by {jan} at {CREATED}{answers}; \
                 trusted by Petra de Wit as Jan Jansen"
            ),
            // Invited, so not unknown, though no list names the key.
            format!("VALID {stranger}: 0123456 signed by {stranger_did} at {CREATED}{answers}"),
            invitation_line(INVITATION, "2026-04-30T22:00:00Z", "; expired"),
        ]
    );

    // Without the invitation the same record's signer is unknown.
    let output = run(&["--trusted", TRUSTED, &stranger]);
    assert_eq!(
        lines(&output),
        vec![format!(
            "VALID {stranger}: 0123456 signed by {stranger_did} at {CREATED}; names invitation \
             {INVITATION_ID}, not given; unknown signer"
        )]
    );
}

#[test]
fn a_decision_is_held_against_the_record_it_names() {
    let dir = folder("decision");
    let decided = format!("VALID {DECISION}: decision by {EXAMINATOR} on record {}: {RESULTS}", {
        read(RECORD)["id"].as_str().expect("an id").to_string()
    });
    let jan = did_key::did_key_from_seed(&SEED);
    let plain = format!("VALID {RECORD}: 0123456 signed by {jan} at {CREATED}");

    // Decision before its record: it still finds it.
    let output = run(&[DECISION, RECORD]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert_eq!(lines(&output), vec![format!("{decided}; record {RECORD}"), plain.clone()]);

    let output = run(&[DECISION]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert_eq!(lines(&output), vec![format!("{decided}; record not given")]);

    // The record changed after the decision and signed again: valid, but not the one decided on.
    let mut changed = read(RECORD);
    changed["credentialSubject"]["assessment"]["assessmentDate"] = json!("2026-04-29");
    let changed = write(&dir, "changed.json", to_text(&resign(&changed)));
    let output = run(&[&changed, DECISION]);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    assert_eq!(
        lines(&output),
        vec![
            format!("VALID {changed}: 0123456 signed by {jan} at {CREATED}"),
            format!(
                "INVALID {DECISION}: the record {changed} does not match it: the record was \
                 changed after the decision (its digest differs)"
            ),
        ]
    );

    // The record changed without signing again: it does not verify, nor does the decision on it.
    let mut tampered = read(RECORD);
    tampered["credentialSubject"]["name"] = json!("Iemand anders");
    let tampered = write(&dir, "tampered.json", to_text(&tampered));
    let output = run(&[DECISION, &tampered]);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let found = lines(&output);
    assert_eq!(
        found.first().map(String::as_str),
        Some(
            format!("INVALID {DECISION}: the record it names, {tampered}, does not verify")
                .as_str()
        )
    );
    assert!(found.get(1).is_some_and(|l| l.starts_with(&format!("INVALID {tampered}: "))));

    // Both given: the one the decision names by digest is the one it is held against.
    let output = run(&[&changed, DECISION, RECORD]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert_eq!(lines(&output).get(1), Some(&format!("{decided}; record {RECORD}")));
}

#[test]
fn the_whole_chain_checks_in_one_run() {
    let dir = folder("whole");
    // The example record answers no invitation; the decision is on the example record.
    let invited = write(&dir, "invited.json", to_text(&record_answering(&example_invitation())));
    let output = run(&[DECISION, INVITATION, &invited, RECORD]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let found = lines(&output);
    assert_eq!(found.len(), 4, "{found:?}");
    assert!(found[0].ends_with(&format!("; record {RECORD}")), "{}", found[0]);
    assert!(found[1].starts_with(&format!("VALID {INVITATION}: invitation ")), "{}", found[1]);
    assert!(
        found[2].ends_with(
            "; answers invitation urn:uuid:2b7e1c4d-8a3f-4e6b-9c1d-5f2a7b8e3c41 from Petra Bakker"
        ),
        "{}",
        found[2]
    );
    assert!(found[3].starts_with(&format!("VALID {RECORD}: 0123456 signed by ")), "{}", found[3]);
}

/// Each single change of `example` (each in a file of its own, all in one run beside `others`)
/// is reported INVALID; returns the pointers changed.
fn every_change_is_invalid(name: &str, example: &str, others: &[&str]) -> Vec<String> {
    let dir = folder(name);
    let document = read(example);
    let mut files = Vec::new();
    let mut pointers = Vec::new();
    for mutation in mutations(&document) {
        if mutation.document == document {
            continue;
        }
        files.push(write(&dir, &format!("{}.json", files.len()), to_text(&mutation.document)));
        pointers.push(mutation.describe());
    }
    let mut args: Vec<&str> = others.to_vec();
    args.extend(files.iter().map(String::as_str));
    let output = run(&args);
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let found = lines(&output);
    assert_eq!(found.len(), others.len() + files.len());
    for ((file, change), line) in files.iter().zip(&pointers).zip(found.iter().skip(others.len())) {
        assert!(line.starts_with(&format!("INVALID {file}: ")), "{change} accepted: {line}");
    }
    pointers
}

#[test]
fn every_changed_value_of_the_example_invitation_is_invalid() {
    let changes = every_change_is_invalid("every-invitation", INVITATION, &[]);
    // The times are under the signature: a changed due time is refused, not called expired.
    for time in ["/validUntil", "/validFrom", "/credentialSubject/assessment/dueDate"] {
        assert!(changes.contains(&format!("Change {time}")), "{time} not changed: {changes:?}");
    }
    assert!(changes.len() > 40, "only {} changes", changes.len());
}

#[test]
fn every_changed_value_of_the_example_decision_is_invalid() {
    // With its record given, so that only the decision's own checks can refuse a change.
    let changes = every_change_is_invalid("every-decision", DECISION, &[RECORD]);
    for value in [
        "/credentialSubject/decision/record/digestMultibase",
        "/credentialSubject/decision/learningOutcomes/1/result",
        "/validFrom",
    ] {
        assert!(changes.contains(&format!("Change {value}")), "{value} not changed: {changes:?}");
    }
    assert!(changes.len() > 100, "only {} changes", changes.len());
}
