//! The groups come from the built-in framework, so that the form has the app's indicators and
//! outcomes (the same ones bench/run's plain-DOM form takes from that file).
use std::{env, fs, path::Path};

fn main() {
    let source = Path::new("../../frameworks/leeruitkomsten-opbouwwerk-2026.json");
    println!("cargo:rerun-if-changed={}", source.display());
    let framework: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(source).expect("the built-in framework"))
            .expect("the built-in framework is JSON");
    let mut groups = String::new();
    let mut outcomes = String::new();
    let all = framework["core_tasks"]
        .as_array()
        .expect("core_tasks")
        .iter()
        .flat_map(|task| task["learning_outcomes"].as_array().expect("learning_outcomes"));
    for (index, outcome) in all.enumerate() {
        outcomes.push_str(&format!("{:?}, ", outcome["id"].as_str().expect("an outcome's id")));
        for indicator in outcome["indicators"].as_array().expect("indicators") {
            let id = indicator["id"].as_str().expect("an indicator's id");
            groups.push_str(&format!("({id:?}, {index}), "));
        }
    }
    let out = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("groups.rs");
    fs::write(
        out,
        format!(
            "/// Each radio group: its indicator's id and the index of its outcome in OUTCOMES.\n\
             const GROUPS: &[(&str, usize)] = &[{groups}];\nconst OUTCOMES: &[&str] = &[{outcomes}];\n"
        ),
    )
    .expect("writing groups.rs");
}
