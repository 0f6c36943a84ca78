use serde_json::Value;

use super::*;
use crate::core::framework::catalogue::BUILT_IN;
use crate::core::framework::source::{framework_from_bytes, LoadFailure};
use crate::core::framework::{Problem, ProblemKind};

fn package(index: usize) -> Value {
    let built_in = BUILT_IN.get(index).unwrap().load().unwrap();
    export(built_in.framework())
}

fn problems(value: &Value) -> Vec<Problem> {
    import(&value.to_string()).unwrap_err()
}

fn has(problems: &[Problem], path: &str, kind: &ProblemKind) -> bool {
    problems.iter().any(|p| p.path == path && p.kind == *kind)
}

#[test]
fn every_built_in_round_trips_to_the_same_hash() {
    for built_in in &BUILT_IN {
        let hashed = built_in.load().unwrap();
        let text = export_json(hashed.framework());
        let imported = import(&text).unwrap();
        assert_eq!(imported.sha256(), hashed.sha256(), "{}", built_in.id);
        assert_eq!(imported.framework(), hashed.framework());
        // Through the app's loader as well, told apart by its shape.
        assert_eq!(framework_from_bytes(text.as_bytes()).unwrap().sha256(), hashed.sha256());
        assert_eq!(text, export_json(imported.framework()), "re-export gives the same bytes");
    }
}

#[test]
fn the_2010_norms_and_the_scale_words_travel_in_the_package() {
    let value = package(1);
    let norms = &value["CFDocument"]["extensions"][EXTENSION]["norms"];
    assert_eq!(norms["levels"][0]["id"], "C");
    let level = &value["CFRubrics"][0]["CFRubricCriteria"][0]["CFRubricCriterionLevels"][2];
    assert_eq!(level["quality"], "in hoge mate ontwikkeld");
    assert_eq!(level["description"], "Competentie is in hoge mate ontwikkeld");
    assert_eq!(level["score"], 3);
    assert_eq!(level["extensions"][EXTENSION]["symbol"], "++");
}

#[test]
fn items_use_the_framework_ids_types_and_exact_texts() {
    let value = package(0);
    let items = value["CFItems"].as_array().unwrap();
    let find = |code: &str| items.iter().find(|i| i["humanCodingScheme"] == code).unwrap();
    let lu = find("LU1");
    assert_eq!(lu["CFItemType"], LEERUITKOMST);
    assert_eq!(lu["fullStatement"], "Werken met en vanuit de gemeenschap.");
    assert_eq!(find("KT1")["CFItemType"], KERNTAAK);
    assert_eq!(find("B1")["CFItemType"], BEKWAAMHEID);
    assert_eq!(find("TG1")["CFItemType"], TAAKGEBIED);
    let indicator = find("LU1.2");
    assert_eq!(indicator["CFItemType"], GEDRAGSINDICATOR);
    assert_eq!(
        indicator["fullStatement"],
        "Je luistert actief, creëert vertrouwen en betreft verschillende perspectieven in je aanpak."
    );
    assert_eq!(indicator["identifier"], identifier("leeruitkomsten-opbouwwerk-2026", "LU1.2"));
    // indicator -> outcome -> kerntaak -> document
    let parent_of = |code: &str| {
        let id = find(code)["identifier"].clone();
        value["CFAssociations"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["associationType"] == IS_CHILD_OF && a["originNodeURI"]["identifier"] == id)
            .map(|a| a["destinationNodeURI"]["identifier"].clone())
            .unwrap()
    };
    assert_eq!(parent_of("LU1.2"), lu["identifier"]);
    assert_eq!(parent_of("LU1"), find("KT1")["identifier"]);
    assert_eq!(parent_of("KT1"), value["CFDocument"]["identifier"]);
}

#[test]
fn every_object_has_what_case_requires() {
    for index in 0..BUILT_IN.len() {
        let value = package(index);
        let document = &value["CFDocument"];
        for key in ["identifier", "uri", "creator", "title", "lastChangeDateTime"] {
            assert!(document[key].as_str().is_some_and(|s| !s.is_empty()), "CFDocument.{key}");
        }
        assert_eq!(document["language"], "nl");
        for key in ["title", "identifier", "uri"] {
            assert!(document["CFPackageURI"][key].is_string(), "CFPackageURI.{key}");
        }
        let stamp = document["lastChangeDateTime"].as_str().unwrap();
        assert!(stamp.len() == 20 && stamp.ends_with("T00:00:00Z"), "{stamp}");
        let required: [(&str, &[&str]); 3] = [
            ("CFItems", &["identifier", "uri", "fullStatement", "lastChangeDateTime"]),
            ("CFAssociations", &["identifier", "uri", "associationType", "lastChangeDateTime"]),
            ("CFRubrics", &["identifier", "uri", "lastChangeDateTime"]),
        ];
        let mut identifiers = std::collections::HashSet::new();
        for (list, keys) in required {
            for object in value[list].as_array().unwrap() {
                for key in keys {
                    assert!(object[key].as_str().is_some_and(|s| !s.is_empty()), "{list} {key}");
                }
                assert!(identifiers.insert(object["identifier"].as_str().unwrap().to_string()));
                assert_eq!(
                    object["uri"],
                    format!("urn:uuid:{}", object["identifier"].as_str().unwrap())
                );
            }
        }
        for association in value["CFAssociations"].as_array().unwrap() {
            for end in ["originNodeURI", "destinationNodeURI"] {
                for key in ["title", "identifier", "uri"] {
                    assert!(association[end][key].is_string());
                }
            }
        }
        for criterion in value["CFRubrics"][0]["CFRubricCriteria"].as_array().unwrap() {
            assert!(identifiers.insert(criterion["identifier"].as_str().unwrap().to_string()));
            for level in criterion["CFRubricCriterionLevels"].as_array().unwrap() {
                for key in ["identifier", "uri", "lastChangeDateTime"] {
                    assert!(level[key].is_string());
                }
                assert!(identifiers.insert(level["identifier"].as_str().unwrap().to_string()));
            }
        }
    }
}

#[test]
fn last_change_is_the_sources_date() {
    assert_eq!(export::last_change("2026-03"), "2026-03-01T00:00:00Z");
    assert_eq!(export::last_change("2010-09-15"), "2010-09-15T00:00:00Z");
    assert_eq!(export::last_change("2010"), "2010-01-01T00:00:00Z");
    assert_eq!(export::last_change("voorjaar 2010"), "1970-01-01T00:00:00Z");
}

#[test]
fn malformed_packages_get_their_paths() {
    let mut value = package(0);
    value["CFItems"][3]["fullStatement"] = Value::String("  ".into());
    assert!(has(&problems(&value), "CFItems[3].fullStatement", &ProblemKind::EmptyText));

    let mut value = package(0);
    value["CFItems"][3].as_object_mut().unwrap().remove("fullStatement");
    assert!(has(
        &problems(&value),
        "CFItems[3].fullStatement",
        &ProblemKind::MissingField("fullStatement")
    ));

    let mut value = package(0);
    value["CFItems"][2]["CFItemType"] = Value::String("Standard".into());
    assert!(has(
        &problems(&value),
        "CFItems[2].CFItemType",
        &ProblemKind::NotACaseItemType("Standard".into())
    ));

    let mut value = package(0);
    value["CFItems"][1]["colour"] = Value::String("blue".into());
    assert!(has(
        &problems(&value),
        "CFItems[1].colour",
        &ProblemKind::UnknownField("colour".into())
    ));

    // An indicator whose isChildOf is gone has no place: it would be lost, so it is refused.
    let mut value = package(0);
    let indicator = value["CFItems"]
        .as_array()
        .unwrap()
        .iter()
        .position(|i| i["humanCodingScheme"] == "LU1.1")
        .unwrap();
    let id = value["CFItems"][indicator]["identifier"].clone();
    value["CFAssociations"]
        .as_array_mut()
        .unwrap()
        .retain(|a| a["originNodeURI"]["identifier"] != id);
    assert!(has(
        &problems(&value),
        &format!("CFItems[{indicator}]"),
        &ProblemKind::NotPlaced("LU1.1".into())
    ));

    let mut value = package(0);
    value["CFAssociations"][0]["originNodeURI"]["identifier"] = Value::String("nowhere".into());
    assert!(has(
        &problems(&value),
        "CFAssociations[0].originNodeURI.identifier",
        &ProblemKind::UnknownCaseNode("nowhere".into())
    ));

    let mut value = package(0);
    value["CFRubrics"][0]["CFRubricCriteria"][1]["CFRubricCriterionLevels"][0]["score"] =
        Value::from(7);
    assert!(has(
        &problems(&value),
        "CFRubrics[0].CFRubricCriteria[1].CFRubricCriterionLevels[0].score",
        &ProblemKind::WrongType("number from 1 to 3")
    ));

    let mut value = package(1);
    value["CFDocument"]["extensions"][EXTENSION]["norms"]["rows"][0]["expected"]
        ["zelfstandigheid"]["C"] = Value::String("+++".into());
    assert!(has(
        &problems(&value),
        "CFDocument.extensions.leeruitkomsten.norms.rows[0].expected.zelfstandigheid.C",
        &ProblemKind::NotAScaleValue("+++".into())
    ));

    let mut value = package(0);
    value["CFDocument"].as_object_mut().unwrap().remove("extensions");
    assert_eq!(
        problems(&value),
        [Problem {
            path: "CFDocument.extensions.leeruitkomsten".into(),
            kind: ProblemKind::MissingField("extensions.leeruitkomsten")
        }]
    );
}

#[test]
fn a_changed_text_imports_to_another_hash() {
    let mut value = package(0);
    let built_in = BUILT_IN.first().unwrap().load().unwrap();
    value["CFItems"][5]["fullStatement"] = Value::String("Een andere tekst.".into());
    let imported = import(&value.to_string()).unwrap();
    assert_ne!(imported.sha256(), built_in.sha256());
}

#[test]
fn a_package_with_the_items_shuffled_keeps_the_frameworks_order() {
    let mut value = package(1);
    value["CFItems"].as_array_mut().unwrap().reverse();
    value["CFAssociations"].as_array_mut().unwrap().reverse();
    let built_in = BUILT_IN.get(1).unwrap().load().unwrap();
    assert_eq!(import(&value.to_string()).unwrap().sha256(), built_in.sha256());
}

#[test]
fn not_a_package_goes_to_the_framework_reader() {
    assert!(!looks_like_package(crate::core::framework::DEFAULT_FRAMEWORK_JSON));
    assert!(!looks_like_package("[1]"));
    assert!(!looks_like_package("{not json"));
    assert!(looks_like_package(r#"{"CFDocument": 1}"#));
    assert!(matches!(
        framework_from_bytes(br#"{"CFDocument": 1}"#),
        Err(LoadFailure::Invalid(p)) if p.iter().any(|p| p.path == "CFDocument")
    ));
}

#[test]
fn the_text_is_the_package_with_the_document_first() {
    let built_in = BUILT_IN.first().unwrap().load().unwrap();
    let text = export_json(built_in.framework());
    let parsed: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(parsed, export(built_in.framework()));
    assert!(text.starts_with("{\n  \"CFDocument\": {\n    \""));
    assert!(text.ends_with("\n}\n"));
}

#[test]
fn problems_of_the_framework_it_makes_have_paths_in_the_package() {
    let mut value = package(0);
    let items = value["CFItems"].as_array().unwrap();
    let at = |code: &str| items.iter().position(|i| i["humanCodingScheme"] == code).unwrap();
    let (first, second) = (at("LU1.1"), at("LU1.2"));
    value["CFItems"][second]["humanCodingScheme"] = Value::String("LU1.1".into());
    let found = problems(&value);
    assert!(
        found.iter().any(|p| p.path == format!("CFItems[{second}].humanCodingScheme")
            && p.kind
                == ProblemKind::DuplicateId {
                    id: "LU1.1".into(),
                    first: format!("CFItems[{first}].humanCodingScheme")
                }),
        "{found:?}"
    );

    let mut value = package(0);
    value["CFDocument"]["extensions"][EXTENSION]["format"] = Value::String("iets-anders/9".into());
    assert!(has(
        &problems(&value),
        "CFDocument.extensions.leeruitkomsten.format",
        &ProblemKind::UnsupportedFormat("iets-anders/9".into())
    ));

    let mut value = package(0);
    value["CFDocument"]["version"] = Value::String(" ".into());
    assert!(has(&problems(&value), "CFDocument.version", &ProblemKind::EmptyText));
}
