//! Reading a record out of parsed JSON, checking its shape only.

use std::collections::BTreeMap;

use serde_json::{Map, Value};

use crate::core::assessment::Mode;
use crate::core::record::problem::{RecordProblem, ShapeProblem};
use crate::core::record::shape::{
    Aggregate, Aggregates, AppInfo, AssessmentRecord, Assessor, FrameworkInfo, IndicatorRecord,
    IndicatorStatus, OutcomeRecord, Proof, ScoreRecord, Subject,
};

impl AssessmentRecord {
    /// Reads the typed record out of a JSON value, checking its shape only: every member present,
    /// of its type, and no other. Use [`verify_record`](super::verify_record) for a record from outside.
    pub fn from_value(value: &Value) -> Result<AssessmentRecord, Vec<RecordProblem>> {
        let mut reader = Reader::default();
        match reader.record(value) {
            Some(record) if reader.problems.is_empty() => Ok(record),
            _ => Err(reader.problems),
        }
    }
}

/// Reads a record out of parsed JSON by hand, as the framework and the saved state are read: the
/// app carries one JSON reader, and every shape problem is noted with its path instead of only the
/// first.
#[derive(Default)]
pub(super) struct Reader {
    pub(super) problems: Vec<RecordProblem>,
}

const RECORD_FIELDS: &[&str] = &[
    "type",
    "schemaVersion",
    "id",
    "created",
    "app",
    "framework",
    "subject",
    "assessor",
    "mode",
    "assessmentDate",
    "normLevel",
    "indicators",
    "learningOutcomes",
    "aggregates",
    "proof",
];
const PROOF_FIELDS: &[&str] =
    &["type", "cryptosuite", "created", "verificationMethod", "proofPurpose", "proofValue"];
const AGGREGATE_FIELDS: &[&str] =
    &["high", "good", "present", "notScored", "scored", "total", "sum", "mean", "result"];

impl Reader {
    fn malformed(&mut self, path: &str, reason: ShapeProblem) {
        self.problems.push(RecordProblem::Malformed { path: path.to_string(), reason });
    }

    /// The object at `path`; members outside `fields` are problems, so nothing is silently ignored.
    fn object<'v>(
        &mut self,
        value: &'v Value,
        path: &str,
        fields: &[&str],
    ) -> Option<&'v Map<String, Value>> {
        let Some(map) = value.as_object() else {
            self.malformed(path, ShapeProblem::NotAnObject);
            return None;
        };
        for key in map.keys() {
            if !fields.contains(&key.as_str()) {
                self.malformed(&join(path, key), ShapeProblem::UnexpectedMember);
            }
        }
        Some(map)
    }

    fn member<'v>(
        &mut self,
        map: &'v Map<String, Value>,
        path: &str,
        key: &str,
    ) -> Option<&'v Value> {
        let value = map.get(key);
        if value.is_none() {
            self.malformed(&join(path, key), ShapeProblem::Missing);
        }
        value
    }

    fn string(&mut self, map: &Map<String, Value>, path: &str, key: &str) -> Option<String> {
        match self.member(map, path, key)? {
            Value::String(s) => Some(s.clone()),
            _ => {
                self.malformed(&join(path, key), ShapeProblem::NotAString);
                None
            }
        }
    }

    /// A member that must be present but may be null.
    fn nullable_string(
        &mut self,
        map: &Map<String, Value>,
        path: &str,
        key: &str,
    ) -> Option<Option<String>> {
        match self.member(map, path, key)? {
            Value::Null => Some(None),
            Value::String(s) => Some(Some(s.clone())),
            _ => {
                self.malformed(&join(path, key), ShapeProblem::NotAStringOrNull);
                None
            }
        }
    }

    fn count(&mut self, map: &Map<String, Value>, path: &str, key: &str) -> Option<u32> {
        let value = self.member(map, path, key)?;
        let count = value.as_u64().and_then(|n| u32::try_from(n).ok());
        if count.is_none() {
            self.malformed(&join(path, key), ShapeProblem::NotACount);
        }
        count
    }

    fn array<'v>(
        &mut self,
        map: &'v Map<String, Value>,
        path: &str,
        key: &str,
    ) -> Option<&'v Vec<Value>> {
        match self.member(map, path, key)? {
            Value::Array(items) => Some(items),
            _ => {
                self.malformed(&join(path, key), ShapeProblem::NotAnArray);
                None
            }
        }
    }

    fn record(&mut self, value: &Value) -> Option<AssessmentRecord> {
        let map = self.object(value, "", RECORD_FIELDS)?;
        let record_type = self.string(map, "", "type");
        let schema_version = self.string(map, "", "schemaVersion");
        let id = self.string(map, "", "id");
        let created = self.string(map, "", "created");
        let app = self.app(map);
        let framework = self.framework(map);
        let subject = self.subject(map);
        let assessor = self.assessor(map);
        let mode = self.mode(map);
        let assessment_date = self.nullable_string(map, "", "assessmentDate");
        // Version 1 has no member for it; version 2 must state it, if only as null. Of a version
        // this reader does not know, the version is the problem to report, not its members.
        let norm_level = match schema_version.as_deref() {
            Some("1") => {
                if map.contains_key("normLevel") {
                    self.malformed("normLevel", ShapeProblem::UnexpectedMember);
                }
                Some(None)
            }
            Some("2") => self.nullable_string(map, "", "normLevel"),
            _ if map.contains_key("normLevel") => self.nullable_string(map, "", "normLevel"),
            _ => Some(None),
        };
        let indicators = self.list(map, "indicators", Reader::indicator);
        let learning_outcomes = self.list(map, "learningOutcomes", Reader::outcome);
        let aggregates = self.aggregates(map);
        let proof = match map.get("proof") {
            None => Some(None),
            Some(value) => self.proof(value, "proof").map(Some),
        };
        Some(AssessmentRecord {
            record_type: record_type?,
            schema_version: schema_version?,
            id: id?,
            created: created?,
            app: app?,
            framework: framework?,
            subject: subject?,
            assessor: assessor?,
            mode: mode?,
            assessment_date: assessment_date?,
            norm_level: norm_level?,
            indicators: indicators?,
            learning_outcomes: learning_outcomes?,
            aggregates: aggregates?,
            proof: proof?,
        })
    }

    /// Reads every element, so that each bad one is reported, and gives the list only if all read.
    fn list<T>(
        &mut self,
        map: &Map<String, Value>,
        key: &str,
        read: fn(&mut Reader, &Value, &str) -> Option<T>,
    ) -> Option<Vec<T>> {
        let items = self.array(map, "", key)?;
        let read: Vec<Option<T>> = items
            .iter()
            .enumerate()
            .map(|(i, item)| read(self, item, &format!("{key}[{i}]")))
            .collect();
        read.into_iter().collect()
    }

    fn app(&mut self, map: &Map<String, Value>) -> Option<AppInfo> {
        let app = self.member(map, "", "app")?;
        let app = self.object(app, "app", &["name", "version"])?;
        let name = self.string(app, "app", "name");
        let version = self.string(app, "app", "version");
        Some(AppInfo { name: name?, version: version? })
    }

    fn framework(&mut self, map: &Map<String, Value>) -> Option<FrameworkInfo> {
        let fw = self.member(map, "", "framework")?;
        let fw = self.object(fw, "framework", &["id", "version", "sha256"])?;
        let id = self.string(fw, "framework", "id");
        let version = self.string(fw, "framework", "version");
        let sha256 = self.string(fw, "framework", "sha256");
        Some(FrameworkInfo { id: id?, version: version?, sha256: sha256? })
    }

    fn subject(&mut self, map: &Map<String, Value>) -> Option<Subject> {
        let subject = self.member(map, "", "subject")?;
        let subject = self.object(subject, "subject", &["name", "studentNumber"])?;
        let name = self.string(subject, "subject", "name");
        let student_number = self.string(subject, "subject", "studentNumber");
        Some(Subject { name: name?, student_number: student_number? })
    }

    fn assessor(&mut self, map: &Map<String, Value>) -> Option<Assessor> {
        let assessor = self.member(map, "", "assessor")?;
        let assessor = self.object(assessor, "assessor", &["name", "role", "organisation"])?;
        let name = self.string(assessor, "assessor", "name");
        let role = self.string(assessor, "assessor", "role");
        let organisation = self.string(assessor, "assessor", "organisation");
        Some(Assessor { name: name?, role: role?, organisation: organisation? })
    }

    fn mode(&mut self, map: &Map<String, Value>) -> Option<Mode> {
        let key = self.string(map, "", "mode")?;
        let mode = Mode::from_key(&key);
        if mode.is_none() {
            self.malformed(
                "mode",
                ShapeProblem::NotOneOf { found: key, expected: &["assessor", "self"] },
            );
        }
        mode
    }

    fn indicator(&mut self, value: &Value, path: &str) -> Option<IndicatorRecord> {
        let fields = &["id", "learningOutcome", "status", "score", "comment"];
        let map = self.object(value, path, fields)?;
        let id = self.string(map, path, "id");
        let learning_outcome = self.string(map, path, "learningOutcome");
        let status = self.string(map, path, "status").and_then(|status| match status.as_str() {
            "scored" => Some(IndicatorStatus::Scored),
            "not-scored" => Some(IndicatorStatus::NotScored),
            _ => {
                self.malformed(
                    &join(path, "status"),
                    ShapeProblem::NotOneOf { found: status, expected: &["scored", "not-scored"] },
                );
                None
            }
        });
        let score = self.nullable_score(map, path, "score");
        let comment = self.nullable_string(map, path, "comment");
        Some(IndicatorRecord {
            id: id?,
            learning_outcome: learning_outcome?,
            status: status?,
            score: score?,
            comment: comment?,
        })
    }

    fn nullable_score(
        &mut self,
        map: &Map<String, Value>,
        path: &str,
        key: &str,
    ) -> Option<Option<ScoreRecord>> {
        let value = self.member(map, path, key)?;
        let path = join(path, key);
        match value {
            Value::Null => Some(None),
            value => {
                let score = self.object(value, &path, &["symbol", "value"])?;
                let symbol = self.string(score, &path, "symbol");
                let value = self.count(score, &path, "value").and_then(|n| {
                    let value = u8::try_from(n).ok();
                    if value.is_none() {
                        self.malformed(&join(&path, "value"), ShapeProblem::NotAScaleValue);
                    }
                    value
                });
                Some(Some(ScoreRecord { symbol: symbol?, value: value? }))
            }
        }
    }

    fn outcome(&mut self, value: &Value, path: &str) -> Option<OutcomeRecord> {
        let map = self.object(value, path, &["id", "coreTask", "feedback"])?;
        let id = self.string(map, path, "id");
        let core_task = self.string(map, path, "coreTask");
        let feedback = self.nullable_string(map, path, "feedback");
        Some(OutcomeRecord { id: id?, core_task: core_task?, feedback: feedback? })
    }

    fn aggregates(&mut self, map: &Map<String, Value>) -> Option<Aggregates> {
        let path = "aggregates";
        let value = self.member(map, "", path)?;
        let map = self.object(value, path, &["learningOutcomes", "coreTasks", "overall"])?;
        let learning_outcomes = self.aggregate_map(map, "learningOutcomes");
        let core_tasks = self.aggregate_map(map, "coreTasks");
        let overall = self.member(map, path, "overall");
        let overall = overall.and_then(|v| self.aggregate(v, "aggregates.overall"));
        Some(Aggregates {
            learning_outcomes: learning_outcomes?,
            core_tasks: core_tasks?,
            overall: overall?,
        })
    }

    fn aggregate_map(
        &mut self,
        map: &Map<String, Value>,
        key: &str,
    ) -> Option<BTreeMap<String, Aggregate>> {
        let path = join("aggregates", key);
        let value = self.member(map, "aggregates", key)?;
        let Some(entries) = value.as_object() else {
            self.malformed(&path, ShapeProblem::NotAnObject);
            return None;
        };
        let read: Vec<Option<(String, Aggregate)>> = entries
            .iter()
            .map(|(id, v)| Some((id.clone(), self.aggregate(v, &join(&path, id))?)))
            .collect();
        read.into_iter().collect()
    }

    fn aggregate(&mut self, value: &Value, path: &str) -> Option<Aggregate> {
        let map = self.object(value, path, AGGREGATE_FIELDS)?;
        let high = self.count(map, path, "high");
        let good = self.count(map, path, "good");
        let present = self.count(map, path, "present");
        let not_scored = self.count(map, path, "notScored");
        let scored = self.count(map, path, "scored");
        let total = self.count(map, path, "total");
        let sum = self.count(map, path, "sum");
        let mean = self.nullable_string(map, path, "mean");
        let result = self.nullable_score(map, path, "result");
        Some(Aggregate {
            high: high?,
            good: good?,
            present: present?,
            not_scored: not_scored?,
            scored: scored?,
            total: total?,
            sum: sum?,
            mean: mean?,
            result: result?,
        })
    }

    pub(super) fn proof(&mut self, value: &Value, path: &str) -> Option<Proof> {
        let map = self.object(value, path, PROOF_FIELDS)?;
        let proof_type = self.string(map, path, "type");
        let cryptosuite = self.string(map, path, "cryptosuite");
        let created = self.string(map, path, "created");
        let verification_method = self.string(map, path, "verificationMethod");
        let proof_purpose = self.string(map, path, "proofPurpose");
        let proof_value = self.string(map, path, "proofValue");
        Some(Proof {
            proof_type: proof_type?,
            cryptosuite: cryptosuite?,
            created: created?,
            verification_method: verification_method?,
            proof_purpose: proof_purpose?,
            proof_value: proof_value?,
        })
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nullable_fields_must_be_present() {
        let mut reader = Reader::default();
        let with = serde_json::json!({"id": "LU1", "coreTask": "KT1", "feedback": null});
        assert!(reader.outcome(&with, "o").is_some());
        assert!(reader.problems.is_empty());
        let without = serde_json::json!({"id": "LU1", "coreTask": "KT1"});
        assert!(reader.outcome(&without, "o").is_none());
        assert_eq!(
            reader.problems,
            vec![RecordProblem::Malformed {
                path: "o.feedback".into(),
                reason: ShapeProblem::Missing
            }]
        );
    }

    #[test]
    fn every_shape_problem_is_reported_with_its_path() {
        let value = serde_json::json!({
            "type": 1,
            "indicators": [{"id": "LU1.1", "learningOutcome": "LU1", "status": "maybe",
                            "score": {"symbol": "+", "value": 300}, "comment": 5, "x": 0}],
            "aggregates": {"learningOutcomes": [], "coreTasks": {"KT1": null}},
            "extra": true,
        });
        let problems = AssessmentRecord::from_value(&value).err().unwrap_or_default();
        let paths: Vec<&str> = problems
            .iter()
            .filter_map(|p| match p {
                RecordProblem::Malformed { path, .. } => Some(path.as_str()),
                _ => None,
            })
            .collect();
        for expected in [
            "extra",
            "type",
            "schemaVersion",
            "indicators[0].x",
            "indicators[0].status",
            "indicators[0].score.value",
            "indicators[0].comment",
            "learningOutcomes",
            "aggregates.learningOutcomes",
            "aggregates.coreTasks.KT1",
            "aggregates.overall",
            "proof",
        ] {
            assert_eq!(paths.contains(&expected), expected != "proof", "{expected} in {paths:?}");
        }
    }
}
