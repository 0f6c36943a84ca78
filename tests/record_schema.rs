//! The JSON Schema of the record describes what the app writes: every record the app makes
//! validates, and a few that it would never make do not, so the schema is not vacuous.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use leeruitkomsten::core::assessment::Assessment;
use leeruitkomsten::core::crypto::jcs;
use leeruitkomsten::core::record::{
    READABLE_SCHEMA_VERSIONS, RECORD_CONTEXT, RECORD_TYPES, SCHEMA_ID, SCHEMA_VERSION,
};
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
    let defs = &schema["$defs"];
    let credential_versions = defs["credential"]["properties"]["schemaVersion"]["enum"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert!(credential_versions.contains(&json!(SCHEMA_VERSION)));
    assert_eq!(defs["credential"]["properties"]["@context"]["const"], json!(RECORD_CONTEXT));
    assert_eq!(defs["credential"]["properties"]["type"]["const"], json!(RECORD_TYPES));
    assert_eq!(defs["credentialProof"]["properties"]["@context"]["const"], json!(RECORD_CONTEXT));
    let mut versions = credential_versions;
    versions.extend(
        defs["flatRecord"]["properties"]["schemaVersion"]["enum"]
            .as_array()
            .cloned()
            .unwrap_or_default(),
    );
    versions.sort_by_key(|v| v.as_str().map(String::from));
    assert_eq!(json!(versions), json!(READABLE_SCHEMA_VERSIONS));
}

#[test]
fn the_apps_records_validate() {
    let fw = framework();
    let validator = validator();
    for (name, assessment) in [
        ("full", full_assessment(&fw)),
        ("partial, self-assessment", partial_assessment(&fw)),
        ("unscored", Assessment::new(fw.framework())),
        ("with indicators not observed", not_observed_assessment(&fw)),
    ] {
        let record = signed(&fw, &assessment);
        let errors = errors(&validator, &record);
        assert!(errors.is_empty(), "{name} record: {errors:#?}");
    }
    // A record of the 2010 profile, with its level, and one of version 1, without.
    let profile = leeruitkomsten::core::framework::catalogue::BUILT_IN[1].load().unwrap();
    let record = signed(&profile, &Assessment::new(profile.framework()));
    assert_eq!(record["credentialSubject"]["assessment"]["normLevel"], "C");
    assert_eq!(errors(&validator, &record), Vec::<String>::new());
    // A version 4 record that names its invitation, and one of version 3, without.
    let mut invited = record.clone();
    invited["credentialSubject"]["invitation"] =
        json!({"id": "urn:uuid:x", "digestMultibase": format!("uEiA{}", "A".repeat(43))});
    assert_eq!(errors(&validator, &invited), Vec::<String>::new());
    let mut version_3 = record;
    version_3["schemaVersion"] = json!("3");
    assert_eq!(errors(&validator, &version_3), Vec::<String>::new());
    // Records of versions 1 and 2, which verifiers still read.
    for version in ["1", "2"] {
        let record = signed_as(&fw, &full_assessment(&fw), version);
        assert_eq!(errors(&validator, &record), Vec::<String>::new(), "version {version}");
    }
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
            content(r)["indicators"][0]["score"] = json!({"symbol": "++", "value": 1})
        }),
        ("scored without a score", |r| content(r)["indicators"][0]["score"] = Value::Null),
        ("a score while not scored", |r| {
            content(r)["indicators"][0]["status"] = json!("not-scored")
        }),
        ("a blank comment", |r| content(r)["indicators"][0]["comment"] = json!("  ")),
        ("a member of its own", |r| r["note"] = json!("x")),
        ("a member of its own in the assessment", |r| content(r)["note"] = json!("x")),
        ("a student id", |r| r["credentialSubject"]["id"] = json!("did:example:student")),
        ("no proof", |r| {
            r.as_object_mut().map(|o| o.remove("proof"));
        }),
        ("no issuer id", |r| {
            r["issuer"].as_object_mut().map(|o| o.remove("id"));
        }),
        ("an issuer that is not a did:key", |r| r["issuer"]["id"] = json!("https://hs.example")),
        ("a time with an offset", |r| r["validFrom"] = json!("2026-05-01T11:30:00+02:00")),
        ("a student number as a number", |r| {
            r["credentialSubject"]["studentNumber"] = json!(123456)
        }),
        ("a mean as a number", |r| content(r)["aggregates"]["overall"]["mean"] = json!(2.33)),
        ("another cryptosuite", |r| r["proof"]["cryptosuite"] = json!("ecdsa-jcs-2019")),
        ("a proof without @context", |r| {
            r["proof"].as_object_mut().map(|o| o.remove("@context"));
        }),
        ("another mode", |r| content(r)["mode"] = json!("peer")),
        ("without normLevel", |r| {
            content(r).as_object_mut().map(|o| o.remove("normLevel"));
        }),
        ("version 2 as a credential", |r| r["schemaVersion"] = json!("2")),
        ("an unknown version", |r| r["schemaVersion"] = json!("5")),
        ("a version 3 record naming an invitation", |r| {
            r["schemaVersion"] = json!("3");
            r["credentialSubject"]["invitation"] =
                json!({"id": "urn:uuid:x", "digestMultibase": format!("uEiA{}", "A".repeat(43))});
        }),
        ("an invitation without its digest", |r| {
            r["credentialSubject"]["invitation"] = json!({"id": "urn:uuid:x"})
        }),
        ("another context", |r| r["@context"][1] = json!("https://example.org/v1")),
        ("only the VC context", |r| {
            r["@context"] = json!(["https://www.w3.org/ns/credentials/v2"])
        }),
        ("only one type", |r| r["type"] = json!(["VerifiableCredential"])),
        ("the record type as a string", |r| r["type"] = json!("LeeruitkomstenAssessmentRecord")),
        ("a level as a number", |r| content(r)["normLevel"] = json!(3)),
        ("an uppercase hash", |r| {
            let hash = &mut content(r)["framework"]["sha256"];
            let upper = hash.as_str().map(str::to_uppercase).unwrap_or_default();
            *hash = json!(upper);
        }),
    ];
    for (name, edit) in edits {
        let mut bad = record.clone();
        edit(&mut bad);
        assert_ne!(bad, record, "{name}: the edit changed nothing");
        assert!(!validator.is_valid(&bad), "schema accepted {name}");
    }
    // Not observed is of version 4 only, and never beside a score.
    let not_observed = signed(&fw, &not_observed_assessment(&fw));
    let index = |r: &Value, id: &str| {
        let list = r["credentialSubject"]["assessment"]["indicators"].as_array().cloned();
        list.unwrap_or_default().iter().position(|i| i["id"] == id).unwrap_or(0)
    };
    let lu3_1 = index(&not_observed, "LU3.1");
    assert_eq!(
        not_observed["credentialSubject"]["assessment"]["indicators"][lu3_1]["status"],
        "notObserved"
    );
    let mut version_3 = not_observed.clone();
    version_3["schemaVersion"] = json!("3");
    assert!(!validator.is_valid(&version_3), "schema accepted notObserved in version 3");
    let mut only_the_count = signed(&fw, &full_assessment(&fw));
    only_the_count["schemaVersion"] = json!("3");
    assert_eq!(errors(&validator, &only_the_count), Vec::<String>::new());
    content(&mut only_the_count)["aggregates"]["coreTasks"]["KT1"]["notObserved"] = json!(1);
    assert!(!validator.is_valid(&only_the_count), "schema accepted a count in version 3");
    let mut with_score = not_observed.clone();
    content(&mut with_score)["indicators"][lu3_1]["score"] = json!({"symbol": "+", "value": 2});
    assert!(!validator.is_valid(&with_score), "schema accepted notObserved with a score");
    let mut zero = not_observed;
    content(&mut zero)["aggregates"]["overall"]["notObserved"] = json!(0);
    assert!(!validator.is_valid(&zero), "schema accepted a count of 0, which the app never writes");
    let mut flat = signed_as(&fw, &partial_assessment(&fw), "2");
    flat["indicators"][2]["status"] = json!("notObserved");
    assert_eq!(flat["indicators"][2]["score"], Value::Null);
    assert_eq!(errors(&validator, &flat).len(), 1, "only the status");
    assert!(!validator.is_valid(&flat), "schema accepted notObserved in version 2");

    // Versions 1 and 2 are held to their own shape.
    let version_2 = signed_as(&fw, &full_assessment(&fw), "2");
    let flat_edits: Vec<(&str, Edit)> = vec![
        ("version 2 without normLevel", |r| {
            r.as_object_mut().map(|o| o.remove("normLevel"));
        }),
        ("version 1 with normLevel", |r| r["schemaVersion"] = json!("1")),
        ("version 3 without the credential", |r| r["schemaVersion"] = json!("3")),
        ("a proof with @context", |r| {
            r["proof"]["@context"] = json!(["https://www.w3.org/ns/credentials/v2"])
        }),
        ("a member of its own", |r| r["note"] = json!("x")),
    ];
    for (name, edit) in flat_edits {
        let mut bad = version_2.clone();
        edit(&mut bad);
        assert_ne!(bad, version_2, "{name}: the edit changed nothing");
        assert!(!validator.is_valid(&bad), "schema accepted {name}");
    }
}

fn content(record: &mut Value) -> &mut Value {
    &mut record["credentialSubject"]["assessment"]
}
