//! Sample records and the tamper walk, shared by the record tests and the CLI test; `app`, what
//! the app's flow tests share around their in-memory browsers.

#![allow(dead_code)]

pub mod app;
pub mod cli;

use leeruitkomsten::core::assessment::{Action, Assessment, MetadataField, Mode};
use leeruitkomsten::core::crypto::jcs;
use leeruitkomsten::core::framework::hashed::HashedFramework;
use leeruitkomsten::core::framework::score::Score;
use leeruitkomsten::core::framework::DEFAULT_FRAMEWORK_JSON;
use leeruitkomsten::core::record::{build_record, build_record_typed, sign_record};
use serde_json::{Map, Value};

/// A fixed test key; never used for real records.
pub const SEED: [u8; 32] = [
    0x9d, 0x61, 0xb1, 0x9d, 0xef, 0xfd, 0x5a, 0x60, 0xba, 0x84, 0x4a, 0xf4, 0x92, 0xec, 0x2c, 0xc4,
    0x44, 0x49, 0xc5, 0x69, 0x7b, 0x32, 0x69, 0x19, 0x70, 0x3b, 0xac, 0x03, 0x1c, 0xae, 0x7f, 0x60,
];
pub const CREATED: &str = "2026-05-01T09:30:00.250Z";
pub const RECORD_ID: &str = "urn:uuid:6f1c2b8e-4d3a-4f5e-9a7b-1c2d3e4f5a6b";

pub fn framework() -> HashedFramework {
    HashedFramework::default_framework().expect("the default framework loads")
}

/// The default framework under another id: a framework a verifier of the default one lacks.
pub fn other_framework(id: &str) -> HashedFramework {
    let mut value =
        jcs::parse_strict(DEFAULT_FRAMEWORK_JSON).expect("the default framework parses");
    value["id"] = Value::from(id);
    let text = serde_json::to_string_pretty(&value).expect("a value serializes");
    let fw = HashedFramework::from_json(&text).expect("the renamed framework loads");
    assert_eq!(fw.framework().id, id);
    fw
}

fn apply(fw: &HashedFramework, a: &mut Assessment, action: Action) {
    a.apply(fw.framework(), action).expect("action applies");
}

fn metadata(fw: &HashedFramework, a: &mut Assessment, values: [(MetadataField, &str); 6]) {
    for (field, value) in values {
        apply(fw, a, Action::SetMetadata(field, value.into()));
    }
}

/// Every indicator scored (cycling through the levels) and commented, feedback on every outcome.
pub fn full_assessment(fw: &HashedFramework) -> Assessment {
    let mut a = Assessment::new(fw.framework());
    metadata(
        fw,
        &mut a,
        [
            (MetadataField::StudentName, "Sanne de Vries-Öztürk"),
            (MetadataField::StudentNumber, "0123456"),
            (MetadataField::AssessorName, "Jan Jansen"),
            (MetadataField::AssessorRole, "praktijkbegeleider"),
            (MetadataField::Organisation, "Buurtwerk Noord"),
            (MetadataField::Date, "2026-04-30"),
        ],
    );
    let ids: Vec<_> = fw.framework().indicators().map(|i| i.id.clone()).collect();
    for (n, id) in ids.into_iter().enumerate() {
        let score = Score::LEVELS[n % Score::LEVELS.len()];
        apply(fw, &mut a, Action::SetScore { indicator: id.clone(), score });
        apply(
            fw,
            &mut a,
            Action::SetComment {
                indicator: id.clone(),
                text: format!("Bewijs bij {id}: buurtavond \"samen\" é 👍\nregel 2"),
            },
        );
    }
    let outcomes: Vec<String> = fw.framework().learning_outcomes().map(|o| o.id.clone()).collect();
    for outcome in outcomes {
        apply(fw, &mut a, Action::SetFeedback { text: format!("Feedback op {outcome}"), outcome });
    }
    a
}

/// Some indicators scored, a few comments, no date or names: nulls and empty strings in the record.
pub fn partial_assessment(fw: &HashedFramework) -> Assessment {
    let mut a = Assessment::new(fw.framework());
    apply(fw, &mut a, Action::SetMetadata(MetadataField::StudentNumber, "S-42".into()));
    apply(fw, &mut a, Action::SetMode(Mode::SelfAssessment));
    for (id, score) in [
        ("LU1.1", Score::High),
        ("LU1.2", Score::Good),
        ("LU2.1", Score::Present),
        ("LU2.2", Score::Good),
        ("LU2.3", Score::Good),
        ("LU2.4", Score::High),
        ("LU6.9", Score::Present),
    ] {
        apply(fw, &mut a, Action::SetScore { indicator: id.into(), score });
    }
    apply(
        fw,
        &mut a,
        Action::SetComment { indicator: "LU5.1".into(), text: "nog niet gezien".into() },
    );
    apply(fw, &mut a, Action::SetFeedback { outcome: "LU2".into(), text: "Compleet".into() });
    a
}

/// [`partial_assessment`] with *niet waargenomen*: every indicator of LU3 (so LU3 has no result),
/// LU1.3 beside LU1's scores, and LU1's other indicators scored, so LU1 has a result from two of
/// its scores; LU5.1 keeps its comment and is not observed.
pub fn not_observed_assessment(fw: &HashedFramework) -> Assessment {
    let mut a = partial_assessment(fw);
    let lu1: Vec<_> = fw.framework().learning_outcome("LU1").expect("LU1").indicators.clone();
    for indicator in lu1.iter().skip(3) {
        apply(fw, &mut a, Action::SetScore { indicator: indicator.id.clone(), score: Score::Good });
    }
    let lu3: Vec<_> = fw.framework().learning_outcome("LU3").expect("LU3").indicators.clone();
    let marked = lu3.iter().map(|i| i.id.clone()).chain(["LU1.3".into(), "LU5.1".into()]);
    for indicator in marked {
        apply(fw, &mut a, Action::SetNotObserved { indicator, not_observed: true });
    }
    a
}

pub fn signed(fw: &HashedFramework, assessment: &Assessment) -> Value {
    let unsigned = build_record(fw, assessment, CREATED, RECORD_ID).expect("record builds");
    sign_record(&unsigned, &SEED, CREATED).expect("record signs")
}

/// The record of `assessment` in the layout of an earlier schema version ("1" or "2"), signed as
/// the app that wrote that version signed it: records of those versions must stay valid.
pub fn signed_as(fw: &HashedFramework, assessment: &Assessment, version: &str) -> Value {
    let mut typed = build_record_typed(fw, assessment, CREATED, RECORD_ID).expect("record builds");
    typed.schema_version = version.into();
    let unsigned = serde_json::to_value(&typed).expect("a record serializes");
    sign_record(&unsigned, &SEED, CREATED).expect("record signs")
}

/// Where version 3 keeps the assessment: framework, scores, aggregates.
pub const CONTENT: &str = "/credentialSubject/assessment";

/// The record without its proof, signed again with the test key: a record whose signature is
/// valid, so that only the checks beyond the signature can catch what was changed.
pub fn resign(record: &Value) -> Value {
    let mut unsigned = record.clone();
    if let Some(object) = unsigned.as_object_mut() {
        object.remove("proof");
    }
    leeruitkomsten::core::crypto::data_integrity::sign(&unsigned, &SEED, CREATED)
        .expect("a JSON object signs")
}

pub fn to_text(value: &Value) -> String {
    serde_json::to_string_pretty(value).expect("a value serializes")
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    Change,
    Delete,
    Add,
}

pub struct Mutation {
    pub kind: Kind,
    /// JSON pointer of what was changed, deleted, or added to.
    pub pointer: String,
    pub document: Value,
}

impl Mutation {
    pub fn describe(&self) -> String {
        format!("{:?} {}", self.kind, self.pointer)
    }

    pub fn touches_proof(&self) -> bool {
        self.pointer == "/proof" || self.pointer.starts_with("/proof/")
    }
}

/// Every single edit of a document: each leaf changed, each member and array element deleted,
/// an unexpected member added to each object and a copied element to each array.
pub fn mutations(document: &Value) -> Vec<Mutation> {
    let mut pointers = Vec::new();
    collect(document, String::new(), &mut pointers);
    let mut out = Vec::new();
    for pointer in pointers {
        let Some(target) = document.pointer(&pointer) else {
            continue;
        };
        match target {
            Value::Object(_) => {
                let mut doc = document.clone();
                if let Some(Value::Object(map)) = doc.pointer_mut(&pointer) {
                    map.insert("unexpected".into(), Value::Bool(true));
                }
                out.push(Mutation { kind: Kind::Add, pointer: pointer.clone(), document: doc });
            }
            Value::Array(items) => {
                if let Some(first) = items.first().cloned() {
                    let mut doc = document.clone();
                    if let Some(Value::Array(items)) = doc.pointer_mut(&pointer) {
                        items.push(first);
                    }
                    out.push(Mutation { kind: Kind::Add, pointer: pointer.clone(), document: doc });
                }
            }
            leaf => {
                for changed in changed_leaf(&pointer, leaf) {
                    let mut doc = document.clone();
                    if let Some(slot) = doc.pointer_mut(&pointer) {
                        *slot = changed;
                    }
                    out.push(Mutation {
                        kind: Kind::Change,
                        pointer: pointer.clone(),
                        document: doc,
                    });
                }
            }
        }
        if !pointer.is_empty() {
            out.push(Mutation {
                kind: Kind::Delete,
                pointer: pointer.clone(),
                document: deleted(document, &pointer),
            });
        }
    }
    out
}

fn collect(value: &Value, pointer: String, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, item) in map {
                let escaped = key.replace('~', "~0").replace('/', "~1");
                collect(item, format!("{pointer}/{escaped}"), out);
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                collect(item, format!("{pointer}/{i}"), out);
            }
        }
        _ => {}
    }
    out.push(pointer);
}

/// Other values for a leaf. A signature must differ from the original in a way that still decodes
/// as a signature, or the test would only exercise the decoder.
fn changed_leaf(pointer: &str, leaf: &Value) -> Vec<Value> {
    match leaf {
        Value::String(s) if pointer == "/proof/proofValue" => {
            let mut chars: Vec<char> = s.chars().collect();
            if let Some(c) = chars.get_mut(20) {
                *c = if *c == '2' { '3' } else { '2' };
            }
            vec![Value::String(chars.into_iter().collect()), Value::String(format!("{s}x"))]
        }
        Value::String(s) => vec![Value::String(format!("{s}x"))],
        Value::Number(n) => {
            let n = n.as_i64().expect("records hold only integers");
            vec![Value::from(n + 1)]
        }
        Value::Null => vec![Value::String("x".into()), Value::from(0)],
        Value::Bool(b) => vec![Value::Bool(!b)],
        Value::Array(_) | Value::Object(_) => Vec::new(),
    }
}

fn deleted(document: &Value, pointer: &str) -> Value {
    let mut doc = document.clone();
    let (parent, last) = pointer.rsplit_once('/').expect("a non-root pointer has a '/'");
    let last = last.replace("~1", "/").replace("~0", "~");
    match doc.pointer_mut(parent) {
        Some(Value::Object(map)) => {
            map.remove(&last);
        }
        Some(Value::Array(items)) => {
            let index: usize = last.parse().expect("array pointers end in an index");
            items.remove(index);
        }
        _ => panic!("no parent at {parent}"),
    }
    doc
}

pub fn object(value: &Value) -> &Map<String, Value> {
    value.as_object().expect("an object")
}
