//! The JSON Schema of the record describes what the app writes: every record the app makes
//! validates, and a few that it would never make do not, so the schema is not vacuous.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use leeruitkomsten::core::assessment::Assessment;
use leeruitkomsten::core::crypto::jcs;
use leeruitkomsten::core::record::{READABLE_SCHEMA_VERSIONS, SCHEMA_ID};
use serde_json::{json, Value};
use support::*;

const SCHEMA: &str = include_str!("../schemas/assessment-record.schema.json");

fn schema() -> Value {
    jcs::parse_strict(SCHEMA).expect("the schema is strict JSON")
}

fn validator() -> jsonschema::Validator {
    jsonschema::draft202012::options()
        .should_validate_formats(true)
        .build(&schema())
        .expect("the schema compiles")
}

fn errors(validator: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    validator.iter_errors(instance).map(|e| format!("{} at {}", e, e.instance_path())).collect()
}

#[test]
fn the_schema_is_a_valid_draft_2020_12_schema_of_this_version() {
    let schema = schema();
    if let Err(e) = jsonschema::meta::validate(&schema) {
        panic!("not a valid schema: {e}");
    }
    assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert_eq!(schema["$id"], SCHEMA_ID);
    assert_eq!(schema["properties"]["schemaVersion"]["enum"], json!(READABLE_SCHEMA_VERSIONS));
}

#[test]
fn the_apps_records_validate() {
    let fw = framework();
    let validator = validator();
    for (name, assessment) in [
        ("full", full_assessment(&fw)),
        ("partial, self-assessment", partial_assessment(&fw)),
        ("unscored", Assessment::new(fw.framework())),
    ] {
        let record = signed(&fw, &assessment);
        let errors = errors(&validator, &record);
        assert!(errors.is_empty(), "{name} record: {errors:#?}");
    }
    // A record of the 2010 profile, with its level, and one of version 1, without.
    let profile = leeruitkomsten::core::framework::catalogue::BUILT_IN[1].load().unwrap();
    let record = signed(&profile, &Assessment::new(profile.framework()));
    assert_eq!(record["normLevel"], "C");
    assert_eq!(errors(&validator, &record), Vec::<String>::new());
    let mut version_1 = signed(&fw, &full_assessment(&fw));
    version_1.as_object_mut().map(|o| o.remove("normLevel"));
    version_1["schemaVersion"] = json!("1");
    assert_eq!(errors(&validator, &version_1), Vec::<String>::new());
}

/// Turns an app-made record into one the app would never make.
type Edit = fn(&mut Value);

#[test]
fn records_the_app_would_not_write_do_not_validate() {
    let fw = framework();
    let validator = validator();
    let record = signed(&fw, &full_assessment(&fw));
    let edits: Vec<(&str, Edit)> = vec![
        ("symbol and value of different levels", |r| {
            r["indicators"][0]["score"] = json!({"symbol": "++", "value": 1})
        }),
        ("scored without a score", |r| r["indicators"][0]["score"] = Value::Null),
        ("a score while not scored", |r| r["indicators"][0]["status"] = json!("not-scored")),
        ("a blank comment", |r| r["indicators"][0]["comment"] = json!("  ")),
        ("a member of its own", |r| r["note"] = json!("x")),
        ("no proof", |r| {
            r.as_object_mut().map(|o| o.remove("proof"));
        }),
        ("a time with an offset", |r| r["created"] = json!("2026-05-01T11:30:00+02:00")),
        ("a student number as a number", |r| r["subject"]["studentNumber"] = json!(123456)),
        ("a mean as a number", |r| r["aggregates"]["overall"]["mean"] = json!(2.33)),
        ("another cryptosuite", |r| r["proof"]["cryptosuite"] = json!("ecdsa-jcs-2019")),
        ("another mode", |r| r["mode"] = json!("peer")),
        ("version 2 without normLevel", |r| {
            r.as_object_mut().map(|o| o.remove("normLevel"));
        }),
        ("version 1 with normLevel", |r| r["schemaVersion"] = json!("1")),
        ("an unknown version", |r| r["schemaVersion"] = json!("3")),
        ("a level as a number", |r| r["normLevel"] = json!(3)),
        ("an uppercase hash", |r| {
            let upper =
                r["framework"]["sha256"].as_str().map(str::to_uppercase).unwrap_or_default();
            r["framework"]["sha256"] = json!(upper);
        }),
    ];
    for (name, edit) in edits {
        let mut bad = record.clone();
        edit(&mut bad);
        assert_ne!(bad, record, "{name}: the edit changed nothing");
        assert!(!validator.is_valid(&bad), "schema accepted {name}");
    }
}
