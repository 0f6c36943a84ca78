//! The catalogue of hostile files in `tests/bad-inputs/`: each is read the way the app reads that
//! kind of file, must not panic, and must give the user-facing message `catalogue.json` states
//! for it (in Dutch, the default). `tests/e2e/bad-inputs.test.mjs` checks the same messages on the page.

use std::fs;
use std::path::Path;

use leeruitkomsten::core::crypto::signing_key::SigningKey;
use leeruitkomsten::core::framework::hashed::{FrameworkLoadError, HashedFramework};
use leeruitkomsten::core::framework::Framework;
use leeruitkomsten::core::library::backup_from_bytes;
use leeruitkomsten::core::record::verify_record_bytes;
use leeruitkomsten::i18n::Lang;
use serde_json::Value;

const DIR: &str = "tests/bad-inputs";

/// What the app tells the user about `bytes` read as `kind`, or `None` when it accepts them.
fn message(kind: &str, bytes: &[u8]) -> Option<String> {
    let lang = Lang::Nl;
    match kind {
        "record" => {
            let framework = HashedFramework::default_framework().ok()?;
            let report = verify_record_bytes(bytes, &[&framework]);
            // As the verify view shows it: the plain sentence and the next step, then the detail.
            (!report.is_valid()).then(|| {
                let detail =
                    report.problems.iter().map(|p| lang.record_problem(p)).collect::<Vec<_>>();
                let plain = lang.plain_record_verdict(&report.problems).unwrap_or_default();
                format!("{plain} {} {}", lang.technical_details(), detail.join("; "))
            })
        }
        "key" => match std::str::from_utf8(bytes) {
            Err(_) => Some(lang.texts().file_unreadable.to_string()),
            Ok(text) => SigningKey::from_file_json(text).err().map(|e| lang.key_file_error(&e)),
        },
        "backup" => backup_from_bytes(bytes).err().map(|e| lang.backup_error(&e)),
        "framework" => match std::str::from_utf8(bytes) {
            Err(_) => Some(lang.texts().file_unreadable.to_string()),
            Ok(text) => match HashedFramework::from_json(text) {
                Ok(_) => None,
                Err(FrameworkLoadError::Invalid(problems)) => {
                    Some(problems.iter().map(|p| lang.problem(p)).collect::<Vec<_>>().join("; "))
                }
                Err(FrameworkLoadError::Canonicalization(e)) => Some(e.to_string()),
            },
        },
        other => panic!("unknown kind {other}"),
    }
}

/// Files too large to keep in the repository are made here, as the catalogue describes them.
fn generated(recipe: &str) -> Vec<u8> {
    match recipe {
        // A JSON string of 20 MB: more than any record, backup or framework may be.
        "twenty-megabytes" => {
            let mut bytes = b"{\"type\":\"".to_vec();
            bytes.resize(20 * 1024 * 1024, b'a');
            bytes.extend_from_slice(b"\"}");
            bytes
        }
        other => panic!("unknown recipe {other}"),
    }
}

fn catalogue() -> Vec<Value> {
    let text = fs::read_to_string(Path::new(DIR).join("catalogue.json")).unwrap();
    serde_json::from_str::<Value>(&text).unwrap()["files"].as_array().unwrap().clone()
}

#[test]
fn every_hostile_file_gives_its_message() {
    let entries = catalogue();
    assert!(entries.len() >= 30, "the catalogue has {} files", entries.len());
    let mut failures = Vec::new();
    for entry in &entries {
        let kind = entry["kind"].as_str().unwrap();
        let (name, bytes) = match (entry["file"].as_str(), entry["generate"].as_str()) {
            (Some(file), _) => (file.to_string(), fs::read(Path::new(DIR).join(file)).unwrap()),
            (None, Some(recipe)) => (recipe.to_string(), generated(recipe)),
            _ => panic!("entry without file or recipe: {entry}"),
        };
        let expected = entry["message"].as_str().unwrap();
        match message(kind, &bytes) {
            None => failures.push(format!("{name}: accepted, expected \"{expected}\"")),
            Some(got) if !got.contains(expected) => {
                failures.push(format!("{name}: \"{got}\" lacks \"{expected}\""))
            }
            // The plain sentence comes first, before the detail.
            Some(got) => match entry["plain"].as_str() {
                Some(plain) if !got.starts_with(plain) => {
                    failures.push(format!("{name}: \"{got}\" does not begin with \"{plain}\""))
                }
                None if kind == "record" => failures.push(format!("{name}: no plain sentence")),
                _ => {}
            },
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn every_file_in_the_folder_is_in_the_catalogue() {
    let listed: Vec<String> =
        catalogue().iter().filter_map(|e| e["file"].as_str().map(str::to_string)).collect();
    for file in fs::read_dir(DIR).unwrap() {
        let name = file.unwrap().file_name().into_string().unwrap();
        if name != "catalogue.json" && name != "make.mjs" && name != "README.md" {
            assert!(listed.contains(&name), "{name} is not in catalogue.json");
        }
    }
}

/// Prints what the app says about each file: `cargo test --test bad_inputs -- --ignored
/// --nocapture` when writing or renewing the catalogue.
#[test]
#[ignore]
fn show_messages() {
    for file in fs::read_dir(DIR).unwrap() {
        let path = file.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let kind = name.split('-').next().unwrap().to_string();
        if ["record", "key", "backup", "framework"].contains(&kind.as_str()) {
            println!("{name}\n    {:?}", message(&kind, &fs::read(&path).unwrap()));
        }
    }
    let _ = Framework::default_framework();
}
