//! Loading and validating frameworks, the default one first.

use std::collections::HashSet;

use leeruitkomsten::core::framework::{Framework, ProblemKind, DEFAULT_FRAMEWORK_JSON};

/// The file as it is in the repository; the app compiles it in without indentation.
const FILE: &str = include_str!("../frameworks/leeruitkomsten-opbouwwerk-2026.json");
use leeruitkomsten::core::framework::score::Score;
use serde_json::{json, Value};

fn default_framework() -> Framework {
    match Framework::default_framework() {
        Ok(framework) => framework,
        Err(problems) => panic!("default framework has problems: {problems:?}"),
    }
}

#[test]
fn default_framework_has_the_source_structure() {
    let fw = default_framework();
    assert_eq!(fw.id, "leeruitkomsten-opbouwwerk-2026");
    assert_eq!(fw.core_tasks.len(), 2);
    let per_task: Vec<Vec<&str>> = fw
        .core_tasks
        .iter()
        .map(|t| t.learning_outcomes.iter().map(|o| o.id.as_str()).collect())
        .collect();
    assert_eq!(per_task, vec![vec!["LU1", "LU2", "LU3"], vec!["LU4", "LU5", "LU6"]]);
    // Indicators per leeruitkomst as section 3.2 of the source lists them.
    let counts: Vec<(&str, usize)> =
        fw.learning_outcomes().map(|o| (o.id.as_str(), o.indicators.len())).collect();
    assert_eq!(
        counts,
        vec![("LU1", 9), ("LU2", 4), ("LU3", 7), ("LU4", 8), ("LU5", 5), ("LU6", 9)]
    );
    assert_eq!(fw.indicator_count(), 42);
    let areas: Vec<(&str, usize)> =
        fw.task_areas.iter().map(|a| (a.id.as_str(), a.capabilities.len())).collect();
    assert_eq!(areas, vec![("TG1", 8), ("TG2", 1), ("TG3", 3)]);
}

#[test]
fn indicator_ids_follow_their_outcome_and_order() {
    let fw = default_framework();
    for outcome in fw.learning_outcomes() {
        for (n, indicator) in outcome.indicators.iter().enumerate() {
            assert_eq!(&*indicator.id, format!("{}.{}", outcome.id, n + 1));
            assert_eq!(
                fw.outcome_of(&indicator.id).map(|o| o.id.as_str()),
                Some(outcome.id.as_str())
            );
        }
    }
}

#[test]
fn no_empty_text_and_unique_ids() {
    let fw = default_framework();
    let mut ids = HashSet::new();
    let mut all_ids = vec![fw.id.clone()];
    for area in &fw.task_areas {
        all_ids.push(area.id.clone());
        for cap in &area.capabilities {
            all_ids.push(cap.id.clone());
            assert!(!cap.title.trim().is_empty());
        }
    }
    for task in &fw.core_tasks {
        all_ids.push(task.id.clone());
        assert!(!task.title.trim().is_empty() && !task.description.trim().is_empty());
        for outcome in &task.learning_outcomes {
            all_ids.push(outcome.id.clone());
            assert!(!outcome.title.trim().is_empty());
            assert!(outcome.description.len() > 200, "{} has its full description", outcome.id);
            for indicator in &outcome.indicators {
                all_ids.push(indicator.id.to_string());
                assert!(!indicator.text.trim().is_empty());
                // The PDF extraction's line breaks are mended.
                assert!(!indicator.text.contains('\n'));
            }
        }
    }
    for id in all_ids {
        assert!(ids.insert(id.clone()), "id {id} appears twice");
    }
}

#[test]
fn text_is_exactly_the_source() {
    let fw = default_framework();
    let text = |id: &str| fw.indicators().find(|i| &*i.id == id).map(|i| i.text.to_string());
    // Spot checks against section 3.2 of the source, wording (and typing) kept as printed.
    assert_eq!(
        text("LU1.2").as_deref(),
        Some("Je luistert actief, creëert vertrouwen en betreft verschillende perspectieven in je aanpak.")
    );
    assert_eq!(
        text("LU4.3").as_deref(),
        Some("Je begeleidt groepen bij besluitvorming en stimuleert verandering op individueel en collectief niveau")
    );
    let lu2 = fw.learning_outcome("LU2").unwrap();
    assert_eq!(
        lu2.title,
        "Analyseren van individuele en gemeenschappelijke processen en collectief werken."
    );
    assert!(lu2.description.starts_with("Je brengt behoeften, belangenverstrengelingen"));
    assert!(lu2.description.ends_with("(micro- en mesoniveau)."));
    let onorthodox = fw.capability("B12").unwrap();
    assert_eq!(onorthodox.title, "Onorthodox werken");
    assert_eq!(
        onorthodox.generic.as_deref(),
        Some("samenwerken, onderzoekend, normatieve en reflectieve professionaliteit")
    );
    assert!(fw.capability("B7").unwrap().added);
}

#[test]
fn shared_texts_are_declared_and_each_appearance_kept() {
    let fw = default_framework();
    // Every pair of indicators with the same text (up to trailing stops) is in one declared group.
    let indicators: Vec<_> = fw.indicators().collect();
    for a in &indicators {
        for b in &indicators {
            if a.id != b.id && a.text.trim_end_matches('.') == b.text.trim_end_matches('.') {
                assert!(fw.shared_with(&a.id).contains(&b.id.to_string()), "{} ~ {}", a.id, b.id);
            }
        }
    }
    assert_eq!(fw.shared_with("LU1.9"), &["LU4.8".to_string(), "LU5.4".to_string()]);
    assert!(fw.shared_with("LU2.2").is_empty());
}

#[test]
fn scale_is_the_2010_legend() {
    let fw = default_framework();
    let labels: Vec<(&str, u8, &str)> =
        fw.scale.levels.iter().map(|l| (l.symbol.as_str(), l.value, l.label.as_str())).collect();
    assert_eq!(
        labels,
        vec![
            ("□", 1, "aanwezig"),
            ("+", 2, "goed ontwikkeld"),
            ("++", 3, "in hoge mate ontwikkeld")
        ]
    );
    assert_eq!(
        fw.scale_level(Score::High).map(|l| l.label.as_str()),
        Some("in hoge mate ontwikkeld")
    );
    assert_eq!(fw.scale_level(Score::NotScored), None);
}

fn default_value() -> Value {
    serde_json::from_str(FILE).unwrap()
}

#[test]
fn the_compiled_in_text_is_the_file_without_indentation() {
    assert_eq!(serde_json::from_str::<Value>(DEFAULT_FRAMEWORK_JSON).unwrap(), default_value());
    assert!(DEFAULT_FRAMEWORK_JSON.len() < FILE.len());
    assert!(!DEFAULT_FRAMEWORK_JSON.contains("\n"));
    assert_eq!(Framework::from_json(FILE), Framework::default_framework());
}

fn problems_of(value: &Value) -> Vec<(String, ProblemKind)> {
    match Framework::from_json(&value.to_string()) {
        Ok(_) => vec![],
        Err(problems) => problems.into_iter().map(|p| (p.path, p.kind)).collect(),
    }
}

#[test]
fn each_problem_is_reported_with_its_path() {
    let mut v = default_value();
    v["core_tasks"][1]["learning_outcomes"][0]["indicators"][2]["id"] = json!("LU1.1");
    v["core_tasks"][0]["learning_outcomes"][1]["capabilities"][0] = json!("B99");
    v["core_tasks"][0]["learning_outcomes"][2]["indicators"][0]["text"] = json!("  ");
    v["shared_indicator_texts"][0][1] = json!("LU7.1");
    let problems = problems_of(&v);
    assert!(problems.contains(&(
        "core_tasks[1].learning_outcomes[0].indicators[2].id".into(),
        ProblemKind::DuplicateId {
            id: "LU1.1".into(),
            first: "core_tasks[0].learning_outcomes[0].indicators[0].id".into()
        }
    )));
    assert!(problems.contains(&(
        "core_tasks[0].learning_outcomes[1].capabilities[0]".into(),
        ProblemKind::UnknownCapability("B99".into())
    )));
    assert!(problems.contains(&(
        "core_tasks[0].learning_outcomes[2].indicators[0].text".into(),
        ProblemKind::EmptyText
    )));
    assert!(problems.contains(&(
        "shared_indicator_texts[0][1]".into(),
        ProblemKind::UnknownIndicator("LU7.1".into())
    )));
    assert_eq!(problems.len(), 4, "{problems:?}");
}

#[test]
fn shape_errors_carry_a_path() {
    let mut v = default_value();
    v["core_tasks"][0]["learning_outcomes"][1]["title"] = json!(12);
    v["core_tasks"][1]["learning_outcomes"][0]["indicators"][3]
        .as_object_mut()
        .unwrap()
        .remove("text");
    v["task_areas"][0]["capabilities"][2]["remark"] = json!("not in the format");
    v["scale"]["levels"][0]["value"] = json!("1");
    let problems = problems_of(&v);
    assert!(problems.contains(&(
        "core_tasks[0].learning_outcomes[1].title".into(),
        ProblemKind::WrongType("string")
    )));
    assert!(problems.contains(&(
        "core_tasks[1].learning_outcomes[0].indicators[3].text".into(),
        ProblemKind::MissingField("text")
    )));
    assert!(problems.contains(&(
        "task_areas[0].capabilities[2].remark".into(),
        ProblemKind::UnknownField("remark".into())
    )));
    assert!(problems
        .contains(&("scale.levels[0].value".into(), ProblemKind::WrongType("number from 1 to 3"))));
    assert_eq!(problems.len(), 4, "{problems:?}");
}

#[test]
fn text_that_is_not_json_gets_a_line_and_column() {
    let truncated = &FILE[..FILE.len() / 2];
    let problems = Framework::from_json(truncated).unwrap_err();
    assert!(matches!(problems[0].kind, ProblemKind::Syntax { line, .. } if line > 100));

    // A duplicate member would otherwise silently replace the first one.
    let duplicate = FILE.replacen(
        "\"title\": \"Leeruitkomsten opbouwwerk\",",
        "\"title\": \"Leeruitkomsten opbouwwerk\",\n  \"title\": \"Iets anders\",",
        1,
    );
    assert_ne!(duplicate, FILE);
    let problems = Framework::from_json(&duplicate).unwrap_err();
    assert!(
        matches!(&problems[0].kind, ProblemKind::Syntax { line: 5, column: 3, message } if message.contains("title")),
        "{problems:?}"
    );

    for text in ["", "[]", "null", "{", "\u{feff}{}"] {
        assert!(Framework::from_json(text).is_err(), "{text:?}");
    }
    assert_eq!(Framework::from_json("[]").unwrap_err()[0].kind, ProblemKind::WrongType("object"));
}

#[test]
fn wrong_scale_format_and_groups_are_refused() {
    let mut v = default_value();
    v["scale"]["levels"][2]["value"] = json!(4);
    assert!(problems_of(&v).contains(&("scale.levels".into(), ProblemKind::ScaleMismatch)));

    let mut v = default_value();
    v["format"] = json!("leeruitkomsten-framework/9");
    assert!(matches!(problems_of(&v)[0].1, ProblemKind::UnsupportedFormat(_)));

    let mut v = default_value();
    v["shared_indicator_texts"][0] = json!(["LU1.1", "LU1.4"]);
    assert!(problems_of(&v)
        .iter()
        .any(|(_, k)| matches!(k, ProblemKind::SharedTextDiffers { .. })));

    let mut v = default_value();
    v["core_tasks"][0]["learning_outcomes"][0]["indicators"] = json!([]);
    assert!(problems_of(&v)
        .contains(&("core_tasks[0].learning_outcomes[0].indicators".into(), ProblemKind::Empty)));
}

#[test]
fn oversized_file_is_refused_before_parsing() {
    let big = format!("{{\"x\":\"{}\"}}", "a".repeat(3 * 1024 * 1024));
    let problems = Framework::from_json(&big).unwrap_err();
    assert!(matches!(problems[0].kind, ProblemKind::TooLarge { .. }));
}

#[test]
fn the_file_round_trips_through_the_model() {
    // Nothing in the file is dropped by the model: serialising the loaded framework gives the file.
    let fw = default_framework();
    assert_eq!(serde_json::to_value(&fw).unwrap(), default_value());
}

/// Where the source documents are present (developers and CI have them beside the project), every
/// text of the default framework must stand in section 3 of the source exactly as a line of its own.
#[test]
fn texts_match_the_source_document_where_present() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/seeds/004_c6c755cee8bf051a.txt");
    let Ok(source) = std::fs::read_to_string(path) else {
        println!("source document {path} is absent: skipped the check of texts against it");
        return;
    };
    let section3 = &source[source.find("3. Leeruitkomsten\n\n3.1").expect("section 3 starts")..];
    let section3 = &section3[..section3.find("Eindnoten").expect("section 3 ends")];
    let lines: HashSet<&str> = section3.lines().map(str::trim).collect();
    let fw = default_framework();
    let mut checked = 0;
    for task in &fw.core_tasks {
        let n = &task.id[2..];
        assert!(lines.contains(format!("Kerntaak {n}: {}", task.title).as_str()), "{}", task.id);
        assert!(lines.contains(task.description.as_str()), "{} description", task.id);
        for outcome in &task.learning_outcomes {
            let n = &outcome.id[2..];
            assert!(lines.contains(format!("Leeruitkomst {n}: {}", outcome.title).as_str()));
            assert!(lines.contains(outcome.description.as_str()), "{} description", outcome.id);
            for indicator in &outcome.indicators {
                assert!(lines.contains(&*indicator.text), "{} text", indicator.id);
                checked += 1;
            }
        }
    }
    // The source's indicator blocks, in order, are exactly the framework's indicators.
    let mut in_block = false;
    let mut source_indicators = vec![];
    for line in section3.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if line.starts_with("Gedragindicatoren") || line.starts_with("Gedragsindicatoren") {
            in_block = true;
        } else if line.starts_with("Kerntaak") {
            in_block = false;
        } else if in_block {
            source_indicators.push(line);
        }
    }
    let ours: Vec<&str> = fw.indicators().map(|i| &*i.text).collect();
    assert_eq!(ours, source_indicators);
    for area in &fw.task_areas {
        for cap in &area.capabilities {
            let generic = cap.generic.as_deref().unwrap_or("toegevoegd");
            let printed = format!("• {} (<i>{generic}</i>)", cap.title);
            assert!(section3.contains(&printed), "{} as printed in kader 3.1", cap.id);
        }
    }
    assert_eq!(checked, 42);
}

/// build.rs writes the default framework out as Rust data for the scoring page; it must be the
/// very framework the JSON reader makes of the file, index and all.
#[test]
fn the_compiled_in_default_framework_is_the_one_read_from_its_file() {
    let compiled = Framework::compiled_default();
    assert_eq!(compiled, default_framework());
    assert_eq!(compiled.indicator_count(), 42);
    let hashed = leeruitkomsten::core::framework::hashed::HashedFramework::compiled_default();
    let read =
        leeruitkomsten::core::framework::hashed::HashedFramework::default_framework().unwrap();
    assert_eq!(hashed, read);
}
