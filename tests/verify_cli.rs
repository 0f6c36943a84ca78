//! `verify-record`, run as a hogeschool would: one line per file, exit status for the lot.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use leeruitkomsten::core::crypto::did_key;
use serde_json::json;
use support::cli::{folder, lines as stdout_lines, run, write, BIN};
use support::*;

#[test]
fn no_files_is_a_usage_error() {
    let output = Command::new(BIN).output().expect("runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(
            "usage: verify-record [--trusted LIST]... [--did-document DID.JSON]... FILE..."
        ),
        "{stderr}"
    );

    let output = Command::new(BIN).arg("--frobnicate").output().expect("runs");
    assert_eq!(output.status.code(), Some(2));

    let output = Command::new(BIN).arg("--help").output().expect("runs");
    assert_eq!(output.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&output.stdout).contains("usage:"));
}

#[test]
fn valid_and_tampered_records() {
    let dir = folder("valid-and-tampered");
    let fw = framework();
    let record = signed(&fw, &full_assessment(&fw));
    let valid = write(&dir, "valid.json", to_text(&record));
    let mut tampered = record.clone();
    tampered["credentialSubject"]["assessment"]["indicators"][0]["score"] =
        json!({"symbol": "++", "value": 3});
    let tampered = write(&dir, "tampered.json", to_text(&tampered));
    let self_assessment = write(&dir, "self.json", to_text(&signed(&fw, &partial_assessment(&fw))));
    let did = did_key::did_key_from_seed(&SEED);

    let output = run(&[&valid, &self_assessment]);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert_eq!(
        stdout_lines(&output),
        vec![
            format!("VALID {}: 0123456 signed by {did} at {CREATED}", valid.display()),
            format!("VALID {}: S-42 signed by {did} at {CREATED}", self_assessment.display()),
        ]
    );

    let output = run(&[&valid, &tampered]);
    assert_eq!(output.status.code(), Some(1));
    let lines = stdout_lines(&output);
    assert_eq!(lines.len(), 2);
    assert!(lines[0].starts_with(&format!("VALID {}: ", valid.display())));
    assert_eq!(
        lines[1],
        format!(
            "INVALID {}: the signature does not match the record; \
             aggregates for learning outcome LU1 differ from a recomputation from the scores; \
             aggregates for core task KT1 differ from a recomputation from the scores; \
             aggregates for overall differ from a recomputation from the scores",
            tampered.display()
        )
    );

    let mut renamed = record.clone();
    renamed["credentialSubject"]["studentNumber"] = json!("7654321");
    let renamed = write(&dir, "renamed.json", to_text(&renamed));
    let output = run(&[&renamed]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stdout_lines(&output),
        vec![format!("INVALID {}: the signature does not match the record", renamed.display())]
    );
}

#[test]
fn records_of_both_built_in_frameworks_verify() {
    use leeruitkomsten::core::assessment::{Action, Assessment};
    use leeruitkomsten::core::framework::catalogue::BUILT_IN;
    let dir = folder("both-frameworks");
    let profile = BUILT_IN[1].load().expect("the 2010 profile loads");
    let mut assessment = Assessment::new(profile.framework());
    assessment
        .apply(profile.framework(), Action::SetNormLevel("D".into()))
        .expect("the profile has level D");
    let record = signed(&profile, &assessment);
    assert_eq!(record["credentialSubject"]["assessment"]["normLevel"], "D");
    let fw = framework();
    let files = [
        write(&dir, "2010.json", to_text(&record)),
        write(&dir, "2026.json", to_text(&signed(&fw, &full_assessment(&fw)))),
        // Records of the earlier schema versions stay valid.
        write(&dir, "2026-v1.json", to_text(&signed_as(&fw, &full_assessment(&fw), "1"))),
        write(&dir, "2026-v2.json", to_text(&signed_as(&fw, &full_assessment(&fw), "2"))),
    ];
    let output = run(&files.iter().map(PathBuf::as_path).collect::<Vec<_>>());
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    let lines = stdout_lines(&output);
    assert!(lines.iter().all(|l| l.starts_with("VALID ")), "{lines:?}");
}

#[test]
fn unreadable_hostile_and_unknown_files_are_invalid() {
    let dir = folder("hostile");
    let fw = framework();
    let record = signed(&fw, &full_assessment(&fw));
    let text = to_text(&record);
    let missing = dir.join("missing.json");
    let not_json = write(&dir, "not.json", "this is not JSON");
    let duplicate = write(
        &dir,
        "duplicate.json",
        text.replacen(
            "\"studentNumber\": \"0123456\"",
            "\"studentNumber\": \"0123456\", \"studentNumber\": \"1\"",
            1,
        ),
    );
    let huge = write(&dir, "huge.json", " ".repeat(6 * 1024 * 1024));
    let binary = write(&dir, "binary.json", [0xffu8, 0xfe, 0x00]);
    let unsigned = {
        let mut unsigned = record.clone();
        unsigned.as_object_mut().map(|o| o.remove("proof"));
        write(&dir, "unsigned.json", to_text(&unsigned))
    };
    let other = other_framework("ander-kader");
    let unknown = write(&dir, "unknown.json", to_text(&signed(&other, &full_assessment(&other))));

    let output = run(&[&missing, &not_json, &duplicate, &huge, &binary, &unsigned, &unknown, &dir]);
    assert_eq!(output.status.code(), Some(1));
    let lines = stdout_lines(&output);
    let expected_starts = [
        format!("INVALID {}: cannot read: ", missing.display()),
        format!("INVALID {}: not JSON: the file does not begin with {{ or [", not_json.display()),
        format!(
            "INVALID {}: not valid JSON: duplicate member name \"studentNumber\"",
            duplicate.display()
        ),
        format!(
            "INVALID {}: file is 6291456 bytes, more than the limit of 5242880",
            huge.display()
        ),
        format!("INVALID {}: not UTF-8 text", binary.display()),
        format!("INVALID {}: the record is not signed (no proof)", unsigned.display()),
        format!(
            "INVALID {}: unknown framework \"ander-kader\" version \"2026-03\"",
            unknown.display()
        ),
        format!("INVALID {}: cannot read: ", dir.display()),
    ];
    assert_eq!(lines.len(), expected_starts.len(), "{lines:#?}");
    for (line, start) in lines.iter().zip(&expected_starts) {
        assert!(line.starts_with(start), "{line:?} does not start with {start:?}");
    }
    assert!(lines[6].ends_with("(the signature itself is valid)"), "{}", lines[6]);
    assert!(!lines[1].contains("signature itself"));
}

/// The tamper test through the command line: every single edit of a signed record (of version 3,
/// and of version 2), each in a file of its own, checked in one run.
#[test]
fn every_tampered_record_is_invalid_on_the_command_line() {
    let fw = framework();
    let record = signed(&fw, &full_assessment(&fw));
    every_edit_is_invalid_on_the_command_line("tampered", &record);
}

#[test]
fn every_tampered_version_2_record_is_invalid_on_the_command_line() {
    let fw = framework();
    let record = signed_as(&fw, &full_assessment(&fw), "2");
    every_edit_is_invalid_on_the_command_line("tampered-v2", &record);
}

fn every_edit_is_invalid_on_the_command_line(name: &str, record: &serde_json::Value) {
    let dir = folder(name);
    let valid = write(&dir, "0-valid.json", to_text(record));
    let mut paths = vec![valid.clone()];
    let mut described = vec![String::from("the original")];
    for (i, mutation) in mutations(record).into_iter().enumerate() {
        paths.push(write(&dir, &format!("{}-tampered.json", i + 1), to_text(&mutation.document)));
        described.push(mutation.describe());
    }
    assert!(paths.len() > 1000, "only {} files", paths.len());

    let args: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
    let output = run(&args);
    assert_eq!(output.status.code(), Some(1));
    let lines = stdout_lines(&output);
    assert_eq!(lines.len(), paths.len());
    assert!(lines[0].starts_with(&format!("VALID {}: ", valid.display())));
    for ((line, path), what) in lines.iter().zip(&paths).zip(&described).skip(1) {
        assert!(
            line.starts_with(&format!("INVALID {}: ", path.display())),
            "{what} accepted: {line}"
        );
    }
}

/// Deelcertificaten are recognised by their type, as `.json` and as baked `.svg`.
#[test]
fn badges_as_json_and_baked_svg_verify_and_a_changed_one_does_not() {
    let dir = folder("badges");
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let json = examples.join("badge.json");
    let svg = examples.join("badge.svg");
    let svg_text = fs::read_to_string(&svg).expect("examples/badge.svg");
    let changed = write(&dir, "changed.svg", svg_text.replacen("Noorderlicht", "Zuiderlicht", 1));
    let no_credential = write(&dir, "plain.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>");
    let output = run(&[&json, &svg, &changed, &no_credential]);
    assert_eq!(output.status.code(), Some(1));
    let lines = stdout_lines(&output);
    assert_eq!(lines.len(), 4, "{lines:#?}");
    for (line, file) in lines.iter().zip([&json, &svg]) {
        let start = format!("VALID {}: badge ", file.display());
        assert!(line.starts_with(&start), "{line}");
        assert!(line.contains(" for "), "{line}");
        assert!(line.contains(" by Hogeschool Noorderlicht (did:key:z6Mk"), "{line}");
    }
    assert!(
        lines[2].starts_with(&format!("INVALID {}: badge: ", changed.display())),
        "{}",
        lines[2]
    );
    assert_eq!(
        lines[3],
        format!(
            "INVALID {}: badge: the SVG does not declare the Open Badges namespace",
            no_credential.display()
        )
    );
}

/// A badge issued under a did:web verifies only with its did.json given; without it the line
/// says it cannot be checked, and a did.json of another key or a changed badge is refused.
#[test]
fn a_did_web_badge_needs_its_did_document() {
    let dir = folder("did-web");
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let badge = examples.join("badge-did-web.json");
    let did_json = examples.join("did.json");
    let did_text = fs::read_to_string(&did_json).expect("examples/did.json");
    let badge_text = fs::read_to_string(&badge).expect("examples/badge-did-web.json");

    let output = run(&[&badge]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stdout_lines(&output),
        vec![format!(
            "INVALID {}: badge: cannot be checked: issued by did:web:hogeschool.example:opbouwwerk, \
             whose did.json was not given (--did-document did.json)",
            badge.display()
        )]
    );

    let changed =
        write(&dir, "changed.json", badge_text.replacen("Noorderlicht", "Zuiderlicht", 1));
    let args: Vec<&OsStr> = vec![
        "--did-document".as_ref(),
        did_json.as_os_str(),
        badge.as_os_str(),
        changed.as_os_str(),
    ];
    let output = run(&args);
    assert_eq!(output.status.code(), Some(1));
    let lines = stdout_lines(&output);
    assert!(
        lines[0].starts_with(&format!("VALID {}: badge ", badge.display()))
            && lines[0]
                .contains(" by Hogeschool Noorderlicht (did:web:hogeschool.example:opbouwwerk)"),
        "{}",
        lines[0]
    );
    assert!(
        lines[1].starts_with(&format!("INVALID {}: badge: ", changed.display())),
        "{}",
        lines[1]
    );

    // The same DID's document with another key: the badge's key is not the hogeschool's.
    let other = did_text.replace("z6Mk", "z6Mq");
    let other = write(&dir, "other-did.json", other);
    let output = run(&[OsStr::new("--did-document"), other.as_os_str(), badge.as_os_str()]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout_lines(&output)[0].contains("does not list the key"),
        "{:?}",
        stdout_lines(&output)
    );

    // A file that is no did:web's document is a usage error, not silently ignored.
    let not_did = write(&dir, "not-did.json", "{\"id\": \"did:key:z6Mk\"}");
    let output = run(&[OsStr::new("--did-document"), not_did.as_os_str(), badge.as_os_str()]);
    assert_eq!(output.status.code(), Some(2));
}
