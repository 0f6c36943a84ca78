//! `examples/badge.json` and `examples/badge.svg` are a deelcertificaat exactly as the app issues
//! it from `examples/decision.json` (the examinator's test key, a fixed id and time): the first
//! outcome decided *behaald*, as JSON and baked into its badge image. Third-party verifiers
//! (`tests/e2e/vc-badge.test.mjs`) read them, so this test makes them afresh and fails when a file
//! is not byte for byte what the Rust code makes today. `LEERUITKOMSTEN_BLESS=1 cargo test --test
//! example_badge` writes them anew.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::path::Path;

use leeruitkomsten::core::app::Entropy;
use leeruitkomsten::core::credentials::badge::{issue_badges, verify_badge, BadgeIssue};
use leeruitkomsten::core::credentials::baking::unbake;
use leeruitkomsten::core::credentials::decision::read_decision;
use leeruitkomsten::core::crypto::jsonld::Contexts;
use leeruitkomsten::core::framework::case::alignment::{level_alignment, outcome_alignments};
use leeruitkomsten::core::framework::case::{export, LEERUITKOMST};
use leeruitkomsten::core::framework::catalogue::BUILT_IN;
use leeruitkomsten::core::json;
use serde_json::Value;
use support::*;

const DECISION: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/decision.json");
const JSON_FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/badge.json");
const SVG_FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/badge.svg");
const DID_WEB_FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/badge-did-web.json");
const DID_JSON_FILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/did.json");
/// The example hogeschool's did:web; `hogeschool.example` is a reserved name, never resolved.
const DID_WEB: &str = "did:web:hogeschool.example:opbouwwerk";
/// The examinator's test key of `examples/decision.json`; never used for real badges.
const EXAMINATOR_SEED: [u8; 32] = [0x42; 32];
const ISSUED: &str = "2026-05-04T14:05:00.000Z";

#[test]
fn the_example_badge_is_what_the_app_issues_from_the_example_decision() {
    let fw = framework();
    let text = std::fs::read_to_string(DECISION).expect("examples/decision.json is there");
    let signed = json::parse(&text, 1 << 20).expect("the example decision parses");
    let decision = read_decision(&signed, &[&fw]).expect("the example decision verifies");
    let contexts = Contexts::shipped().expect("the shipped contexts");
    let mut entropy = 0x5a_u8;
    let badges = issue_badges(
        &decision,
        &signed,
        fw.framework(),
        &EXAMINATOR_SEED,
        &BadgeIssue { hogeschool: "Hogeschool Noorderlicht", time: ISSUED, did_web: None },
        || {
            entropy += 1;
            Entropy([entropy; 64]).uuid()
        },
        &contexts,
    )
    .expect("issues");
    // examples/decision.json decides three outcomes behaald.
    assert_eq!(badges.len(), 3);
    let badge = &badges[0];
    let verified = verify_badge(&badge.credential, &contexts).expect("the badge verifies");
    assert_eq!(verified.credential.issuer, decision.credential.issuer);
    assert_eq!(verified.student_number.as_deref(), Some(decision.decision.student_number.as_str()));
    let made_json = badge.json_text();
    let made_svg = badge.svg_text();
    assert_eq!(unbake(made_svg.as_bytes()).as_ref(), Ok(&badge.credential));
    if std::env::var_os("LEERUITKOMSTEN_BLESS").is_some() {
        std::fs::write(JSON_FILE, &made_json).expect("examples/badge.json written");
        std::fs::write(SVG_FILE, &made_svg).expect("examples/badge.svg written");
    }
    for (file, made) in [(JSON_FILE, &made_json), (SVG_FILE, &made_svg)] {
        let committed = std::fs::read_to_string(Path::new(file)).unwrap_or_default();
        assert!(
            committed == *made,
            "{file} is not the badge the app issues now; \
             run LEERUITKOMSTEN_BLESS=1 cargo test --test example_badge and commit it"
        );
    }
}

/// Every CASE alignment of the example badge (the achievement's CFItem and CFRubricCriterion,
/// each result level's CFRubricCriterionLevel) names an object of the framework's CASE export by
/// its `uri`, and the CFItem carries that item's humanCodingScheme and the framework's title.
#[test]
fn the_example_badge_aligns_to_objects_of_the_case_export() {
    let fw = framework();
    let package = export(fw.framework());
    let mut uris = Vec::new();
    collect_uris(&package, &mut uris);
    let text = std::fs::read_to_string(JSON_FILE).expect("examples/badge.json is there");
    let badge = json::parse(&text, 1 << 20).expect("the example badge parses");
    let achievement = &badge["credentialSubject"]["achievement"];
    let mut alignments: Vec<&Value> = achievement["alignment"]
        .as_array()
        .expect("the achievement has alignments")
        .iter()
        .collect();
    let levels = achievement["resultDescription"][0]["rubricCriterionLevel"]
        .as_array()
        .expect("the result description has levels");
    assert_eq!(levels.len(), 3);
    for level in levels {
        let level_alignments = level["alignment"].as_array().expect("each level is aligned");
        assert_eq!(level_alignments.len(), 1);
        assert_eq!(level_alignments[0]["targetType"], "CFRubricCriterionLevel");
        alignments.extend(level_alignments);
    }
    let case: Vec<&&Value> = alignments
        .iter()
        .filter(|a| a["targetType"].as_str().is_some_and(|t| t.starts_with("CF")))
        .collect();
    assert_eq!(case.len(), 5, "CFItem, CFRubricCriterion and three levels");
    for alignment in &case {
        assert_eq!(alignment["type"], serde_json::json!(["Alignment"]));
        assert_eq!(alignment["targetFramework"], fw.framework().title.as_str());
        let url = alignment["targetUrl"].as_str().expect("a targetUrl");
        assert!(url.starts_with("urn:uuid:"), "{url}");
        assert!(uris.iter().any(|u| u == url), "{url} is not in the CASE export");
    }
    let item_alignment = case.iter().find(|a| a["targetType"] == "CFItem").expect("a CFItem");
    let item = package["CFItems"]
        .as_array()
        .expect("CFItems")
        .iter()
        .find(|i| i["uri"] == item_alignment["targetUrl"])
        .expect("the aligned CFItem");
    assert_eq!(item_alignment["targetCode"], item["humanCodingScheme"]);
    // The committed CASE example is the same export, so the published package names them too.
    let case_file =
        format!("{}/examples/case-{}.json", env!("CARGO_MANIFEST_DIR"), fw.framework().id);
    let committed = std::fs::read_to_string(&case_file).expect("the CASE example is there");
    for alignment in &case {
        let url = alignment["targetUrl"].as_str().unwrap_or_default();
        assert!(committed.contains(url), "{url} is not in {case_file}");
    }
}

/// `examples/badge-did-web.json` is the same badge issued under the hogeschool's did:web, and
/// `examples/did.json` the DID document the app shows to publish for it; the third-party
/// verifiers check the one against the other (`tests/e2e/vc-badge.test.mjs`), and so does
/// `verify-record --did-document` (`tests/verify_cli.rs`).
#[test]
fn the_example_did_web_badge_and_did_json_are_what_the_app_makes() {
    use leeruitkomsten::core::credentials::badge::verify_badge_with;
    use leeruitkomsten::core::crypto::did_key::public_key_from_seed;
    use leeruitkomsten::core::crypto::did_web::DidWeb;

    let fw = framework();
    let text = std::fs::read_to_string(DECISION).expect("examples/decision.json is there");
    let signed = json::parse(&text, 1 << 20).expect("the example decision parses");
    let decision = read_decision(&signed, &[&fw]).expect("the example decision verifies");
    let contexts = Contexts::shipped().expect("the shipped contexts");
    let did = DidWeb::parse(DID_WEB).expect("a did:web");
    let badges = issue_badges(
        &decision,
        &signed,
        fw.framework(),
        &EXAMINATOR_SEED,
        &BadgeIssue { hogeschool: "Hogeschool Noorderlicht", time: ISSUED, did_web: Some(&did) },
        || Entropy([0x77; 64]).uuid(),
        &contexts,
    )
    .expect("issues");
    let document = did.document(&public_key_from_seed(&EXAMINATOR_SEED));
    let verified =
        verify_badge_with(&badges[0].credential, &contexts, std::slice::from_ref(&document))
            .expect("the badge verifies against the did.json");
    assert_eq!(verified.credential.issuer, DID_WEB);
    let made_badge = badges[0].json_text();
    let made_document = format!("{document:#}\n");
    if std::env::var_os("LEERUITKOMSTEN_BLESS").is_some() {
        std::fs::write(DID_WEB_FILE, &made_badge).expect("examples/badge-did-web.json written");
        std::fs::write(DID_JSON_FILE, &made_document).expect("examples/did.json written");
    }
    for (file, made) in [(DID_WEB_FILE, &made_badge), (DID_JSON_FILE, &made_document)] {
        let committed = std::fs::read_to_string(Path::new(file)).unwrap_or_default();
        assert!(
            committed == *made,
            "{file} is not what the app makes now; \
             run LEERUITKOMSTEN_BLESS=1 cargo test --test example_badge and commit it"
        );
    }
}

/// Every alignment of every built-in framework names an object of its CASE export, by its uri.
#[test]
fn alignments_point_at_objects_of_the_package() {
    for built_in in &BUILT_IN {
        let hashed = built_in.load().expect("a built-in framework loads");
        let fw = hashed.framework();
        let package = export(fw);
        let mut uris = Vec::new();
        collect_uris(&package, &mut uris);
        for outcome in fw.core_tasks.iter().flat_map(|t| t.learning_outcomes.iter()) {
            let alignments =
                outcome_alignments(fw, &outcome.id).expect("a built-in outcome aligns");
            assert_eq!(alignments.len(), 2);
            for a in &alignments {
                assert!(uris.contains(&a.target_url), "{} {}", outcome.id, a.target_type);
            }
            let item = package["CFItems"]
                .as_array()
                .unwrap()
                .iter()
                .find(|i| i["uri"] == alignments[0].target_url)
                .unwrap();
            assert_eq!(item["humanCodingScheme"], outcome.id.as_str());
            assert_eq!(item["CFItemType"], LEERUITKOMST);
            for value in 1..=3 {
                let level = level_alignment(fw, &outcome.id, value).expect("a level aligns");
                assert!(uris.contains(&level.target_url));
            }
            assert_eq!(level_alignment(fw, &outcome.id, 4), None);
        }
        assert_eq!(outcome_alignments(fw, "LU99"), None);
    }
}

fn collect_uris(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            if let Some(Value::String(u)) = map.get("uri") {
                out.push(u.clone());
            }
            map.values().for_each(|v| collect_uris(v, out));
        }
        Value::Array(items) => items.iter().for_each(|v| collect_uris(v, out)),
        _ => {}
    }
}
