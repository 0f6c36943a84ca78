//! Whether an assessment's results reach a framework's norms (see [`crate::core::framework::norms`]).
//!
//! [`check`] is a pure function of the framework, a norm level and the aggregated results
//! ([`summarize`]). An assessment yields one result per learning outcome, not one per dimension, so
//! that result is compared with the expected score of each dimension in turn:
//! - while the outcome's result is not yet determined (an indicator still open), so is the
//!   comparison, for every dimension;
//! - when the outcome was not observed at all (every indicator *niet waargenomen*), the comparison
//!   is not observed: the norm is not shown to be met, nor to be missed;
//! - a dimension is met when the result is at least the expected score (□ < + < ++);
//! - the outcome meets the norm when it meets every dimension, and is below it when it falls short
//!   on any.

use serde::Serialize;

use crate::core::assessment::aggregate::{summarize, Summary};
use crate::core::assessment::Assessment;
use crate::core::framework::score::Score;
use crate::core::framework::Framework;

/// How a result compares with a norm.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum NormStatus {
    /// The result is at least the expected score.
    #[serde(rename = "meets")]
    Meets,
    /// The result is lower than the expected score.
    #[serde(rename = "below")]
    Below,
    /// The result is not yet determined: some indicator is still open.
    #[serde(rename = "undetermined")]
    Undetermined,
    /// Nothing of the outcome was observed, so there is no result to hold against the norm.
    #[serde(rename = "notObserved")]
    NotObserved,
}

impl NormStatus {
    /// Below if any is below (more scores cannot change that); else undetermined if any is; else
    /// not observed if any is (the norm is not shown to be met throughout); else meets. Nothing to
    /// compare meets.
    pub fn combine(statuses: impl IntoIterator<Item = NormStatus>) -> NormStatus {
        statuses.into_iter().fold(NormStatus::Meets, |acc, s| match (acc, s) {
            (NormStatus::Below, _) | (_, NormStatus::Below) => NormStatus::Below,
            (NormStatus::Undetermined, _) | (_, NormStatus::Undetermined) => {
                NormStatus::Undetermined
            }
            (NormStatus::NotObserved, _) | (_, NormStatus::NotObserved) => NormStatus::NotObserved,
            (NormStatus::Meets, NormStatus::Meets) => NormStatus::Meets,
        })
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct DimensionCheck {
    pub dimension: String,
    pub expected: Score,
    pub status: NormStatus,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OutcomeCheck {
    pub learning_outcome: String,
    /// The outcome's result as [`summarize`] gives it; `NotScored` while not yet determined.
    pub result: Score,
    /// One per dimension, in the order the norms declare them.
    pub dimensions: Vec<DimensionCheck>,
    /// Meets when every dimension is met, below when any is not, else undetermined.
    pub status: NormStatus,
}

/// Every normed learning outcome of a framework, in framework order, against one level.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NormCheck {
    pub level: String,
    pub outcomes: Vec<OutcomeCheck>,
}

impl NormCheck {
    pub fn outcome(&self, id: &str) -> Option<&OutcomeCheck> {
        self.outcomes.iter().find(|o| o.learning_outcome == id)
    }

    /// All outcomes together: below if any is below, undetermined if any is still open, else meets.
    pub fn status(&self) -> NormStatus {
        NormStatus::combine(self.outcomes.iter().map(|o| o.status))
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NormError {
    /// The framework has no norms.
    NoNorms,
    /// The norms have no level of this id.
    UnknownLevel(String),
}

impl std::fmt::Display for NormError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NormError::NoNorms => write!(f, "the framework has no norms"),
            NormError::UnknownLevel(level) => write!(f, "the norms have no level {level:?}"),
        }
    }
}

/// Compares each learning outcome that has a norm with the norm at `level` (e.g. "C" or "D").
/// Outcomes without a norm row are left out; results the summary lacks count as undetermined.
pub fn check(
    framework: &Framework,
    level: &str,
    summary: &Summary,
) -> Result<NormCheck, NormError> {
    let norms = framework.norms.as_ref().ok_or(NormError::NoNorms)?;
    if norms.level(level).is_none() {
        return Err(NormError::UnknownLevel(level.to_string()));
    }
    let outcomes = framework
        .learning_outcomes()
        .filter_map(|outcome| {
            let row = norms.row(&outcome.id)?;
            let summarized = summary.outcome(&outcome.id);
            let result = summarized.map(|o| o.result).unwrap_or_default();
            let not_observed = summarized.is_some_and(|o| o.is_not_observed());
            let dimensions: Vec<DimensionCheck> = norms
                .dimensions
                .iter()
                .filter_map(|dimension| {
                    let expected = *row.expected.get(&dimension.id)?.get(level)?;
                    Some(DimensionCheck {
                        dimension: dimension.id.clone(),
                        expected,
                        status: if not_observed {
                            NormStatus::NotObserved
                        } else {
                            compare(result, expected)
                        },
                    })
                })
                .collect();
            let status = NormStatus::combine(dimensions.iter().map(|d| d.status));
            Some(OutcomeCheck { learning_outcome: outcome.id.clone(), result, dimensions, status })
        })
        .collect();
    Ok(NormCheck { level: level.to_string(), outcomes })
}

/// [`check`] of an assessment, through [`summarize`].
pub fn check_assessment(
    framework: &Framework,
    level: &str,
    assessment: &Assessment,
) -> Result<NormCheck, NormError> {
    check(framework, level, &summarize(framework, assessment))
}

fn compare(result: Score, expected: Score) -> NormStatus {
    if !result.is_scored() {
        NormStatus::Undetermined
    } else if result >= expected {
        NormStatus::Meets
    } else {
        NormStatus::Below
    }
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use serde_json::json;

    use super::*;
    use crate::core::assessment::Action;

    /// Two outcomes of two indicators each. A is expected + at C on both dimensions and ++ at D; B
    /// is expected □ and + at C, ++ and ++ at D. C has no norm row.
    fn framework() -> Framework {
        let outcome = |id: &str| {
            json!({
                "id": id, "title": format!("Outcome {id}"), "description": "What it is.",
                "capabilities": [],
                "indicators": [
                    { "id": format!("{id}.1"), "text": "One." },
                    { "id": format!("{id}.2"), "text": "Two." }
                ]
            })
        };
        let level = |symbol: &str, value: u8| json!({ "symbol": symbol, "value": value, "label": "l", "description": "d" });
        let file = json!({
            "format": "leeruitkomsten-framework/1", "id": "t", "title": "T", "version": "1",
            "language": "en",
            "source": { "title": "S", "publisher": "P", "date": "2010" },
            "scale": { "source": "S", "levels": [level("□", 1), level("+", 2), level("++", 3)] },
            "task_areas": [],
            "core_tasks": [{
                "id": "K", "title": "K", "description": "K.",
                "learning_outcomes": [outcome("A"), outcome("B"), outcome("C")]
            }],
            "norms": {
                "source": "S",
                "levels": [{ "id": "C", "title": "c" }, { "id": "D", "title": "d" }],
                "dimensions": [{ "id": "x", "title": "X" }, { "id": "y", "title": "Y" }],
                "rows": [
                    { "learning_outcome": "A", "expected": {
                        "x": { "C": "+", "D": "++" }, "y": { "C": "+", "D": "++" } } },
                    { "learning_outcome": "B", "label": "Bee", "expected": {
                        "x": { "C": "□", "D": "++" }, "y": { "C": "+", "D": "++" } } }
                ]
            }
        });
        match Framework::from_json(&file.to_string()) {
            Ok(framework) => framework,
            Err(problems) => panic!("test framework has problems: {problems:?}"),
        }
    }

    fn assessed(framework: &Framework, scores: &[(&str, Score)]) -> Assessment {
        let mut assessment = Assessment::new(framework);
        for (indicator, score) in scores {
            let action = Action::SetScore { indicator: Rc::from(*indicator), score: *score };
            assessment.apply(framework, action).unwrap();
        }
        assessment
    }

    fn statuses(check: &NormCheck, id: &str) -> (NormStatus, Vec<NormStatus>) {
        let outcome = check.outcome(id).unwrap();
        (outcome.status, outcome.dimensions.iter().map(|d| d.status).collect())
    }

    use NormStatus::{Below, Meets, Undetermined};

    #[test]
    fn the_typed_norms_give_each_cell() {
        let fw = framework();
        let norms = fw.norms.as_ref().unwrap();
        assert_eq!(norms.expected("A", "C", "x"), Some(Score::Good));
        assert_eq!(norms.expected("B", "C", "x"), Some(Score::Present));
        assert_eq!(norms.expected("B", "D", "y"), Some(Score::High));
        assert_eq!(norms.expected("C", "C", "x"), None);
        assert_eq!(norms.expected("A", "E", "x"), None);
        assert_eq!(norms.row("B").unwrap().label.as_deref(), Some("Bee"));
    }

    #[test]
    fn nothing_scored_is_undetermined_and_unnormed_outcomes_are_left_out() {
        let fw = framework();
        let check = check_assessment(&fw, "C", &Assessment::new(&fw)).unwrap();
        let ids: Vec<&str> = check.outcomes.iter().map(|o| o.learning_outcome.as_str()).collect();
        assert_eq!(ids, ["A", "B"]);
        assert_eq!(statuses(&check, "A"), (Undetermined, vec![Undetermined, Undetermined]));
        assert_eq!(check.status(), Undetermined);
    }

    #[test]
    fn a_partly_scored_outcome_stays_undetermined() {
        let fw = framework();
        let assessment = assessed(&fw, &[("A.1", Score::High)]);
        let check = check_assessment(&fw, "C", &assessment).unwrap();
        assert_eq!(check.outcome("A").unwrap().result, Score::NotScored);
        assert_eq!(statuses(&check, "A").0, Undetermined);
    }

    #[test]
    fn meets_at_c_and_below_at_d() {
        let fw = framework();
        // A: + and + gives +; B: □ and + gives + (mean 1.5, halves up).
        let scores = [
            ("A.1", Score::Good),
            ("A.2", Score::Good),
            ("B.1", Score::Present),
            ("B.2", Score::Good),
        ];
        let assessment = assessed(&fw, &scores);
        let at_c = check_assessment(&fw, "C", &assessment).unwrap();
        assert_eq!(statuses(&at_c, "A"), (Meets, vec![Meets, Meets]));
        assert_eq!(statuses(&at_c, "B"), (Meets, vec![Meets, Meets]));
        assert_eq!(at_c.status(), Meets);
        let at_d = check_assessment(&fw, "D", &assessment).unwrap();
        assert_eq!(statuses(&at_d, "A"), (Below, vec![Below, Below]));
        assert_eq!(at_d.outcome("A").unwrap().dimensions[0].expected, Score::High);
        assert_eq!(at_d.status(), Below);
    }

    #[test]
    fn one_dimension_short_is_below() {
        let fw = framework();
        // B: □ and □ gives □, which meets x (□) at C but not y (+).
        let assessment = assessed(&fw, &[("B.1", Score::Present), ("B.2", Score::Present)]);
        let check = check_assessment(&fw, "C", &assessment).unwrap();
        assert_eq!(check.outcome("B").unwrap().result, Score::Present);
        assert_eq!(statuses(&check, "B"), (Below, vec![Meets, Below]));
        // A is still open, yet the whole is below: more scores cannot mend B.
        assert_eq!(statuses(&check, "A").0, Undetermined);
        assert_eq!(check.status(), Below);
    }

    #[test]
    fn high_everywhere_meets_d() {
        let fw = framework();
        let all: Vec<(&str, Score)> =
            ["A.1", "A.2", "B.1", "B.2"].into_iter().map(|i| (i, Score::High)).collect();
        let assessment = assessed(&fw, &all);
        let check = check(&fw, "D", &summarize(&fw, &assessment)).unwrap();
        assert_eq!(check.status(), Meets);
        assert_eq!(check.level, "D");
    }

    #[test]
    fn unknown_level_and_missing_norms_are_errors() {
        let fw = framework();
        let summary = summarize(&fw, &Assessment::new(&fw));
        assert_eq!(check(&fw, "E", &summary), Err(NormError::UnknownLevel("E".into())));
        let mut without = fw.clone();
        without.norms = None;
        assert_eq!(check(&without, "C", &summary), Err(NormError::NoNorms));
    }

    #[test]
    fn combine_puts_below_before_undetermined() {
        assert_eq!(NormStatus::combine([]), Meets);
        assert_eq!(NormStatus::combine([Meets, Undetermined]), Undetermined);
        assert_eq!(NormStatus::combine([Undetermined, Below, Meets]), Below);
        assert_eq!(NormStatus::combine([Meets, NormStatus::NotObserved]), NormStatus::NotObserved);
        assert_eq!(NormStatus::combine([NormStatus::NotObserved, Undetermined]), Undetermined);
        assert_eq!(NormStatus::combine([NormStatus::NotObserved, Below]), Below);
    }

    #[test]
    fn an_outcome_not_observed_is_neither_met_nor_below_and_a_partly_observed_one_is_judged() {
        let fw = framework();
        let mut assessment = assessed(&fw, &[("B.1", Score::Good), ("B.2", Score::Good)]);
        for id in ["A.1", "A.2"] {
            let action = Action::SetNotObserved { indicator: Rc::from(id), not_observed: true };
            assessment.apply(&fw, action).unwrap();
        }
        let check = check_assessment(&fw, "C", &assessment).unwrap();
        let not_observed = NormStatus::NotObserved;
        assert_eq!(statuses(&check, "A"), (not_observed, vec![not_observed, not_observed]));
        assert_eq!(statuses(&check, "B").0, Meets);
        assert_eq!(check.status(), not_observed, "the norm is not shown to be met throughout");
        // A.1 scored after all: A is judged on that one score (□ is below + at C).
        let action = Action::SetScore { indicator: Rc::from("A.1"), score: Score::Present };
        assessment.apply(&fw, action).unwrap();
        let check = check_assessment(&fw, "C", &assessment).unwrap();
        assert_eq!(check.outcome("A").unwrap().result, Score::Present);
        assert_eq!(statuses(&check, "A").0, Below);
    }

    #[test]
    fn norms_serialize_as_in_the_file() {
        let fw = framework();
        let value = serde_json::to_value(fw.norms.as_ref().unwrap()).unwrap();
        assert_eq!(value["rows"][1]["expected"]["x"], json!({ "C": "□", "D": "++" }));
        assert_eq!(value["rows"][1]["label"], json!("Bee"));
        assert!(value["rows"][0].get("label").is_none());
    }
}
