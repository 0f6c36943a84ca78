//! Where an Open Badges 3.0 `Achievement` for a leeruitkomst points into the framework's CASE
//! package: its `alignment` entries (OB 3.0 `Alignment`, with `targetType` `CFItem`,
//! `CFRubricCriterion` and `CFRubricCriterionLevel`). The identifiers are the ones `export.rs`
//! writes, so an issued badge and the published package name the same objects.

use serde::Serialize;

use super::{identifier, uri, LEERUITKOMST};
use crate::core::framework::Framework;

/// An OB 3.0 `Alignment`. `type` is always `["Alignment"]`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Alignment {
    #[serde(rename = "type")]
    pub kind: [&'static str; 1],
    pub target_name: String,
    /// The CASE object's `uri`.
    pub target_url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_description: Option<String>,
    /// The framework's id of the item (`LU1`), or of the level (`LU1/++`).
    pub target_code: String,
    /// The framework's title.
    pub target_framework: String,
    pub target_type: &'static str,
}

/// The leeruitkomst's CASE item and its criterion in the scale's rubric; `None` when the framework
/// has no leeruitkomst of that id.
pub fn outcome_alignments(framework: &Framework, outcome_id: &str) -> Option<Vec<Alignment>> {
    let outcome = framework.learning_outcome(outcome_id)?;
    let item = identifier(&framework.id, &outcome.id);
    let criterion = identifier(&framework.id, &format!("rubric/{}", outcome.id));
    Some(vec![
        Alignment {
            kind: ["Alignment"],
            target_name: outcome.title.clone(),
            target_url: uri(&item),
            target_description: Some(outcome.description.clone()),
            target_code: outcome.id.clone(),
            target_framework: framework.title.clone(),
            target_type: "CFItem",
        },
        Alignment {
            kind: ["Alignment"],
            target_name: format!("{LEERUITKOMST} {}: {}", outcome.id, outcome.title),
            target_url: uri(&criterion),
            target_description: None,
            target_code: outcome.id.clone(),
            target_framework: framework.title.clone(),
            target_type: "CFRubricCriterion",
        },
    ])
}

/// The rubric level of a leeruitkomst for a scale value (1, 2 or 3): what a `RubricCriterionLevel`
/// of an Achievement's `resultDescription` aligns to.
pub fn level_alignment(framework: &Framework, outcome_id: &str, value: u8) -> Option<Alignment> {
    let outcome = framework.learning_outcome(outcome_id)?;
    let level = framework.scale.levels.iter().find(|l| l.value == value)?;
    let id = identifier(&framework.id, &format!("rubric/{}/{}", outcome.id, level.value));
    Some(Alignment {
        kind: ["Alignment"],
        target_name: format!("{} {}", level.symbol, level.label),
        target_url: uri(&id),
        target_description: Some(level.description.clone()),
        target_code: format!("{}/{}", outcome.id, level.symbol),
        target_framework: framework.title.clone(),
        target_type: "CFRubricCriterionLevel",
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::framework::catalogue::BUILT_IN;

    #[test]
    fn an_alignment_is_ob3_shaped() {
        let hashed = BUILT_IN.first().unwrap().load().unwrap();
        let value = serde_json::to_value(level_alignment(hashed.framework(), "LU1", 3)).unwrap();
        assert_eq!(value["type"], serde_json::json!(["Alignment"]));
        assert_eq!(value["targetType"], "CFRubricCriterionLevel");
        assert_eq!(value["targetName"], "++ in hoge mate ontwikkeld");
        assert_eq!(value["targetCode"], "LU1/++");
        assert!(value["targetUrl"].as_str().unwrap().starts_with("urn:uuid:"));
    }
}
