//! The signed assessment record: what an assessor exports and a hogeschool verifies.
//!
//! A record states every indicator of the framework with its score and comment, the feedback per
//! learning outcome and the aggregates, and carries a Data Integrity proof (`eddsa-jcs-2022`) over
//! all of it. Verifying checks more than the signature: the record must have exactly this shape,
//! name a framework the verifier knows by id, version and hash, list that framework's indicators
//! exactly once, and state the aggregates that [`summarize`] recomputes from its scores. Each
//! failed check is one [`RecordProblem`], so a reader is told every reason at once.
//!
//! The format is described in `schemas/assessment-record.schema.json` and in the README.
//! Every number in a record is a small non-negative integer, and the mean is a decimal string, so
//! that any language recomputes and compares the aggregates exactly.

pub mod export;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;
use std::rc::Rc;

use serde::Serialize;
use serde_json::{Map, Value};

use crate::core::assessment::aggregate::{summarize, Summary, Tally};
use crate::core::assessment::{Assessment, Metadata, Mode, OutcomeEntry, MAX_TEXT_CHARS};
use crate::core::crypto::data_integrity::{self, SignError, VerifiedProof, VerifyError};
use crate::core::crypto::did_key::DidKeyError;
use crate::core::crypto::jcs::{self, JcsError};
use crate::core::framework::hashed::HashedFramework;
use crate::core::framework::score::Score;
use crate::core::framework::Framework;

/// The value of `type`, which tells a reader what the JSON document is.
pub const RECORD_TYPE: &str = "LeeruitkomstenAssessmentRecord";
/// Raised whenever a reader of an earlier version could misread a new record; readers refuse
/// versions they do not know. Version 2 added `normLevel`.
pub const SCHEMA_VERSION: &str = "2";
/// Every version this verifier reads: records of version 1 stay valid.
pub const READABLE_SCHEMA_VERSIONS: [&str; 2] = ["1", "2"];
/// `$id` of the JSON Schema that describes these versions.
pub const SCHEMA_ID: &str = "urn:leeruitkomsten:schema:assessment-record:2";
pub const APP_NAME: &str = "leeruitkomsten";
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// A larger file is refused before parsing. The largest record the app can write, with every
/// text at its limit of [`MAX_TEXT_CHARS`] four-byte characters, is about 2 MB.
pub const MAX_RECORD_BYTES: usize = 5 * 1024 * 1024;

/// A record id is a short identifier such as `urn:uuid:…`, not a text.
pub const MAX_RECORD_ID_CHARS: usize = 200;

// ---------------------------------------------------------------------------
// The model

/// A record as it is written and read. Field names are the JSON names in camelCase; no field is
/// ever left out, so that deleting one from a record is a shape error and not a silent default.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AssessmentRecord {
    /// Always [`RECORD_TYPE`].
    #[serde(rename = "type")]
    pub record_type: String,
    /// Always [`SCHEMA_VERSION`].
    pub schema_version: String,
    /// Chosen by the exporting app, e.g. `urn:uuid:…`.
    pub id: String,
    /// When the record was made: RFC 3339 in UTC, from the browser's clock.
    pub created: String,
    pub app: AppInfo,
    pub framework: FrameworkInfo,
    pub subject: Subject,
    pub assessor: Assessor,
    pub mode: Mode,
    /// The date of the assessment as `YYYY-MM-DD`, as entered; null when none was entered.
    pub assessment_date: Option<String>,
    /// The level of practice whose norms the results were held against (e.g. "C"); null for a
    /// framework without norms. Since version 2; a record of version 1 has no such member, and
    /// reads as null.
    pub norm_level: Option<String>,
    /// Every indicator of the framework, in framework order.
    pub indicators: Vec<IndicatorRecord>,
    /// Every learning outcome of the framework, in framework order, with its feedback.
    pub learning_outcomes: Vec<OutcomeRecord>,
    /// Derived from `indicators`; a verifier recomputes them.
    pub aggregates: Aggregates,
    /// Absent only before signing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub proof: Option<Proof>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    pub name: String,
    pub version: String,
}

/// Which framework the scores belong to. The hash pins its exact content: two files with the same
/// id and version but other indicator texts give other hashes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FrameworkInfo {
    pub id: String,
    pub version: String,
    /// Lowercase hex SHA-256 of the JCS (RFC 8785) form of the framework file.
    pub sha256: String,
}

/// The student who is assessed. Strings may be empty: the app does not insist on them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Subject {
    pub name: String,
    /// A string, never a number: student numbers can have leading zeros or letters.
    pub student_number: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Assessor {
    pub name: String,
    pub role: String,
    pub organisation: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum IndicatorStatus {
    #[serde(rename = "scored")]
    Scored,
    #[serde(rename = "not-scored")]
    NotScored,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IndicatorRecord {
    pub id: String,
    /// Id of the learning outcome the indicator belongs to.
    pub learning_outcome: String,
    /// Says in words what `score` being null means.
    pub status: IndicatorStatus,
    pub score: Option<ScoreRecord>,
    /// The toelichting; null when there is none, never an empty string.
    pub comment: Option<String>,
}

/// A level of the scale, as symbol and value both, so that a reader needs neither the framework
/// nor this app to know what a score means.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ScoreRecord {
    pub symbol: String,
    pub value: u8,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OutcomeRecord {
    pub id: String,
    pub core_task: String,
    /// Null when there is none, never blank.
    pub feedback: Option<String>,
}

/// Maps keyed by id: JSON objects cannot hold a key twice, and the strict parser refuses texts
/// that try.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Aggregates {
    pub learning_outcomes: BTreeMap<String, Aggregate>,
    pub core_tasks: BTreeMap<String, Aggregate>,
    pub overall: Aggregate,
}

/// The tally of a set of indicators and its result under the rule in [`crate::core::assessment::aggregate`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Aggregate {
    /// Indicators scored ++.
    pub high: u32,
    /// Indicators scored +.
    pub good: u32,
    /// Indicators scored □.
    pub present: u32,
    pub not_scored: u32,
    pub scored: u32,
    /// Indicators in the set, scored or not.
    pub total: u32,
    /// Sum of the scored values (□ = 1, + = 2, ++ = 3); with `scored`, the exact mean.
    pub sum: u32,
    /// `sum / scored` with two decimals, halves rounded up, e.g. `"2.33"`; null when nothing is
    /// scored.
    pub mean: Option<String>,
    /// Null until every indicator of the set is scored.
    pub result: Option<ScoreRecord>,
}

/// The Data Integrity proof, exactly as [`data_integrity::sign`] writes it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Proof {
    #[serde(rename = "type")]
    pub proof_type: String,
    pub cryptosuite: String,
    pub created: String,
    pub verification_method: String,
    pub proof_purpose: String,
    pub proof_value: String,
}

impl ScoreRecord {
    pub fn from_score(score: Score) -> Option<ScoreRecord> {
        Some(ScoreRecord { symbol: score.symbol().to_string(), value: score.value()? })
    }

    /// The level named by both symbol and value; `None` when they name no level or two levels.
    pub fn score(&self) -> Option<Score> {
        Score::from_symbol(&self.symbol).filter(|s| s.value() == Some(self.value))
    }
}

impl Aggregate {
    pub fn from_tally(tally: &Tally, result: Score) -> Aggregate {
        Aggregate {
            high: tally.high,
            good: tally.good,
            present: tally.present,
            not_scored: tally.count(Score::NotScored),
            scored: tally.scored(),
            total: tally.total,
            sum: tally.sum(),
            mean: mean_string(tally.sum(), tally.scored()),
            result: ScoreRecord::from_score(result),
        }
    }
}

impl Aggregates {
    pub fn from_summary(summary: &Summary) -> Aggregates {
        let mut learning_outcomes = BTreeMap::new();
        let mut core_tasks = BTreeMap::new();
        for task in &summary.core_tasks {
            core_tasks.insert(task.id.clone(), Aggregate::from_tally(&task.tally, task.result));
            for outcome in &task.outcomes {
                learning_outcomes.insert(
                    outcome.id.clone(),
                    Aggregate::from_tally(&outcome.tally, outcome.result),
                );
            }
        }
        Aggregates {
            learning_outcomes,
            core_tasks,
            overall: Aggregate::from_tally(&summary.overall, summary.result),
        }
    }
}

/// `sum / count` to two decimals, halves up, in integers so that every implementation agrees.
pub fn mean_string(sum: u32, count: u32) -> Option<String> {
    if count == 0 {
        return None;
    }
    let (sum, count) = (u64::from(sum), u64::from(count));
    let hundredths = (200 * sum + count) / (2 * count);
    Some(format!("{}.{:02}", hundredths / 100, hundredths % 100))
}

impl AssessmentRecord {
    /// Reads the typed record out of a JSON value, checking its shape only: every member present,
    /// of its type, and no other. Use [`verify_record`] for a record from outside.
    pub fn from_value(value: &Value) -> Result<AssessmentRecord, Vec<RecordProblem>> {
        let mut reader = Reader::default();
        match reader.record(value) {
            Some(record) if reader.problems.is_empty() => Ok(record),
            _ => Err(reader.problems),
        }
    }

    /// The assessment the record was made from, to show it read-only with the framework's texts.
    /// The scores are placed under the learning outcome the record names; [`verify_record`] checks
    /// that this is the framework's.
    pub fn to_assessment(&self) -> Result<Assessment, RecordProblem> {
        let mut outcomes: BTreeMap<String, OutcomeEntry> = BTreeMap::new();
        for (i, indicator) in self.indicators.iter().enumerate() {
            let score = indicator_score(i, indicator)?;
            let entry = outcomes.entry(indicator.learning_outcome.clone()).or_default();
            if score.is_scored() {
                entry.scores.insert(indicator.id.clone(), score);
            }
            if let Some(comment) = &indicator.comment {
                entry.comments.insert(indicator.id.clone(), comment.clone());
            }
        }
        for outcome in &self.learning_outcomes {
            if let Some(feedback) = &outcome.feedback {
                outcomes.entry(outcome.id.clone()).or_default().feedback = feedback.clone();
            }
        }
        // An outcome with nothing recorded gets no entry, as in a fresh assessment.
        outcomes.retain(|_, entry| *entry != OutcomeEntry::default());
        Ok(Assessment {
            framework_id: self.framework.id.clone(),
            framework_version: self.framework.version.clone(),
            metadata: Metadata {
                student_name: self.subject.name.clone(),
                student_number: self.subject.student_number.clone(),
                assessor_name: self.assessor.name.clone(),
                assessor_role: self.assessor.role.clone(),
                organisation: self.assessor.organisation.clone(),
                date: self.assessment_date.clone().unwrap_or_default(),
                mode: self.mode,
            },
            outcomes: outcomes.into_iter().map(|(id, entry)| (id, Rc::new(entry))).collect(),
            norm_level: self.norm_level.clone(),
            signed: None,
        })
    }
}

/// The score an indicator entry states, once status, symbol and value agree.
fn indicator_score(index: usize, indicator: &IndicatorRecord) -> Result<Score, RecordProblem> {
    let path = format!("indicators[{index}]");
    match (indicator.status, &indicator.score) {
        (IndicatorStatus::NotScored, None) => Ok(Score::NotScored),
        (IndicatorStatus::Scored, Some(record)) => {
            record.score().ok_or_else(|| RecordProblem::Malformed {
                path: format!("{path}.score"),
                reason: ShapeProblem::NotALevel {
                    symbol: record.symbol.clone(),
                    value: record.value,
                },
            })
        }
        (IndicatorStatus::Scored, None) => Err(RecordProblem::Malformed {
            path: format!("{path}.score"),
            reason: ShapeProblem::ScoredWithoutScore,
        }),
        (IndicatorStatus::NotScored, Some(_)) => Err(RecordProblem::Malformed {
            path: format!("{path}.score"),
            reason: ShapeProblem::ScoreWithoutScored,
        }),
    }
}

// ---------------------------------------------------------------------------
// Reading

/// Reads a record out of parsed JSON by hand, as the framework and the saved state are read: the
/// app carries one JSON reader, and every shape problem is noted with its path instead of only the
/// first.
#[derive(Default)]
struct Reader {
    problems: Vec<RecordProblem>,
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

    fn proof(&mut self, value: &Value, path: &str) -> Option<Proof> {
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

// ---------------------------------------------------------------------------
// Building and signing

/// Why a record could not be made or signed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecordError {
    /// The assessment was made against another framework or version than the one given.
    OtherFramework {
        id: String,
        version: String,
    },
    /// Not an RFC 3339 time in UTC such as `2026-05-01T09:30:00Z`; holds the value.
    InvalidCreated(String),
    /// Empty, too long, or containing white space or control characters; holds the value.
    InvalidRecordId(String),
    /// The assessment date is neither empty nor a calendar date `YYYY-MM-DD`; holds the value.
    InvalidAssessmentDate(String),
    /// A text is longer than [`MAX_TEXT_CHARS`]; `field` is its path in the record.
    TextTooLong {
        field: String,
        chars: usize,
        limit: usize,
    },
    /// The assessment has an entry for a learning outcome the framework lacks.
    UnknownLearningOutcome(String),
    /// The assessment has a score or comment under `outcome` for an indicator that is not one of
    /// that learning outcome's.
    UnknownIndicator {
        outcome: String,
        indicator: String,
    },
    /// The assessment names a level of practice the framework has no norms for.
    UnknownNormLevel(String),
    /// `sign_record` was given something other than an unsigned record.
    NotAnUnsignedRecord(String),
    Sign(SignError),
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RecordError::OtherFramework { id, version } => write!(
                f,
                "the assessment belongs to framework {id:?} version {version:?}, not to the one given"
            ),
            RecordError::InvalidCreated(value) => write!(
                f,
                "created {value:?} is not an RFC 3339 time in UTC (e.g. 2026-05-01T09:30:00Z)"
            ),
            RecordError::InvalidRecordId(value) => write!(
                f,
                "record id {value:?} must be 1 to {MAX_RECORD_ID_CHARS} characters without spaces"
            ),
            RecordError::InvalidAssessmentDate(value) => {
                write!(f, "assessment date {value:?} is not a date YYYY-MM-DD")
            }
            RecordError::TextTooLong {
                field,
                chars,
                limit,
            } => write!(
                f,
                "{field}: text of {chars} characters is longer than {limit}"
            ),
            RecordError::UnknownLearningOutcome(id) => {
                write!(f, "the framework has no learning outcome {id:?}")
            }
            RecordError::UnknownIndicator { outcome, indicator } => write!(
                f,
                "learning outcome {outcome:?} of the framework has no indicator {indicator:?}"
            ),
            RecordError::UnknownNormLevel(level) => {
                write!(f, "the framework has no norms for level {level:?}")
            }
            RecordError::NotAnUnsignedRecord(why) => {
                write!(f, "not an unsigned record: {why}")
            }
            RecordError::Sign(e) => write!(f, "cannot sign: {e}"),
        }
    }
}

impl std::error::Error for RecordError {}

/// The typed unsigned record of `assessment`. `created` is the browser's clock as RFC 3339 UTC
/// (`SystemTime::now()` panics on wasm32, so the caller supplies it), `record_id` an identifier
/// the caller makes, such as `urn:uuid:…`.
pub fn build_record_typed(
    framework: &HashedFramework,
    assessment: &Assessment,
    created: &str,
    record_id: &str,
) -> Result<AssessmentRecord, RecordError> {
    let fw = framework.framework();
    if assessment.framework_id != fw.id || assessment.framework_version != fw.version {
        return Err(RecordError::OtherFramework {
            id: assessment.framework_id.clone(),
            version: assessment.framework_version.clone(),
        });
    }
    if !is_rfc3339_utc(created) {
        return Err(RecordError::InvalidCreated(created.to_string()));
    }
    if !is_record_id(record_id) {
        return Err(RecordError::InvalidRecordId(record_id.to_string()));
    }
    check_entries_belong(fw, assessment)?;
    if let Some(level) = &assessment.norm_level {
        if fw.norms.as_ref().and_then(|norms| norms.level(level)).is_none() {
            return Err(RecordError::UnknownNormLevel(level.clone()));
        }
    }

    let m = &assessment.metadata;
    let assessment_date = if m.date.is_empty() {
        None
    } else if is_calendar_date(&m.date) {
        Some(m.date.clone())
    } else {
        return Err(RecordError::InvalidAssessmentDate(m.date.clone()));
    };

    let mut indicators = Vec::with_capacity(fw.indicator_count());
    let mut learning_outcomes = Vec::new();
    for task in &fw.core_tasks {
        for outcome in &task.learning_outcomes {
            let entry = assessment.entry(&outcome.id);
            for indicator in &outcome.indicators {
                let score = entry.map(|e| e.score(&indicator.id)).unwrap_or_default();
                let comment = entry
                    .map(|e| e.comment(&indicator.id))
                    .filter(|c| !c.trim().is_empty())
                    .map(str::to_string);
                indicators.push(IndicatorRecord {
                    id: indicator.id.to_string(),
                    learning_outcome: outcome.id.clone(),
                    status: if score.is_scored() {
                        IndicatorStatus::Scored
                    } else {
                        IndicatorStatus::NotScored
                    },
                    score: ScoreRecord::from_score(score),
                    comment,
                });
            }
            let feedback = entry
                .map(|e| e.feedback.as_str())
                .filter(|f| !f.trim().is_empty())
                .map(str::to_string);
            learning_outcomes.push(OutcomeRecord {
                id: outcome.id.clone(),
                core_task: task.id.clone(),
                feedback,
            });
        }
    }

    let record = AssessmentRecord {
        record_type: RECORD_TYPE.into(),
        schema_version: SCHEMA_VERSION.into(),
        id: record_id.into(),
        created: created.into(),
        app: AppInfo { name: APP_NAME.into(), version: APP_VERSION.into() },
        framework: FrameworkInfo {
            id: fw.id.clone(),
            version: fw.version.clone(),
            sha256: framework.sha256().into(),
        },
        subject: Subject { name: m.student_name.clone(), student_number: m.student_number.clone() },
        assessor: Assessor {
            name: m.assessor_name.clone(),
            role: m.assessor_role.clone(),
            organisation: m.organisation.clone(),
        },
        mode: m.mode,
        assessment_date,
        norm_level: assessment.norm_level.clone(),
        indicators,
        learning_outcomes,
        aggregates: Aggregates::from_summary(&summarize(fw, assessment)),
        proof: None,
    };
    if let Some((field, chars)) = texts(&record).find_map(|(field, text)| {
        let chars = char_count_over_limit(text)?;
        Some((field, chars))
    }) {
        return Err(RecordError::TextTooLong { field, chars, limit: MAX_TEXT_CHARS });
    }
    Ok(record)
}

/// The unsigned record of `assessment` as JSON, ready for [`sign_record`].
pub fn build_record(
    framework: &HashedFramework,
    assessment: &Assessment,
    created: &str,
    record_id: &str,
) -> Result<Value, RecordError> {
    let record = build_record_typed(framework, assessment, created, record_id)?;
    // Serializing plain structs of strings and small integers cannot fail; should it ever, the
    // caller still gets an error rather than a panic.
    serde_json::to_value(&record).map_err(|e| RecordError::NotAnUnsignedRecord(e.to_string()))
}

/// Signs an unsigned record with the Ed25519 key of `seed`. `created` is the proof's time, RFC
/// 3339 UTC; usually the record's own `created`.
pub fn sign_record(unsigned: &Value, seed: &[u8; 32], created: &str) -> Result<Value, RecordError> {
    if !is_rfc3339_utc(created) {
        return Err(RecordError::InvalidCreated(created.to_string()));
    }
    let record = AssessmentRecord::from_value(unsigned).map_err(|problems| {
        let first = problems.first().map(ToString::to_string).unwrap_or_default();
        RecordError::NotAnUnsignedRecord(first)
    })?;
    if record.proof.is_some() {
        return Err(RecordError::Sign(SignError::DocumentAlreadyHasProof));
    }
    data_integrity::sign(unsigned, seed, created).map_err(RecordError::Sign)
}

/// Scores, comments and feedback the record could not carry would be lost silently on export.
fn check_entries_belong(fw: &Framework, assessment: &Assessment) -> Result<(), RecordError> {
    for (outcome_id, entry) in &assessment.outcomes {
        let outcome = fw
            .learning_outcome(outcome_id)
            .ok_or_else(|| RecordError::UnknownLearningOutcome(outcome_id.clone()))?;
        let unknown = entry
            .scores
            .keys()
            .chain(entry.comments.keys())
            .find(|id| !outcome.indicators.iter().any(|i| &*i.id == id.as_str()));
        if let Some(indicator) = unknown {
            return Err(RecordError::UnknownIndicator {
                outcome: outcome_id.clone(),
                indicator: indicator.clone(),
            });
        }
    }
    Ok(())
}

/// Every free text of a record with its path, to hold each to [`MAX_TEXT_CHARS`].
fn texts(record: &AssessmentRecord) -> impl Iterator<Item = (String, &str)> {
    let fixed = [
        ("subject.name", record.subject.name.as_str()),
        ("subject.studentNumber", record.subject.student_number.as_str()),
        ("assessor.name", record.assessor.name.as_str()),
        ("assessor.role", record.assessor.role.as_str()),
        ("assessor.organisation", record.assessor.organisation.as_str()),
    ]
    .into_iter()
    .map(|(path, text)| (path.to_string(), text));
    let comments = record.indicators.iter().enumerate().filter_map(|(i, ind)| {
        let comment = ind.comment.as_deref()?;
        Some((format!("indicators[{i}].comment"), comment))
    });
    let feedback = record.learning_outcomes.iter().enumerate().filter_map(|(i, o)| {
        let feedback = o.feedback.as_deref()?;
        Some((format!("learningOutcomes[{i}].feedback"), feedback))
    });
    fixed.chain(comments).chain(feedback)
}

/// The length in characters when it exceeds the limit.
fn char_count_over_limit(text: &str) -> Option<usize> {
    // Bytes bound characters from above, so most texts need no count.
    if text.len() <= MAX_TEXT_CHARS {
        return None;
    }
    let chars = text.chars().count();
    (chars > MAX_TEXT_CHARS).then_some(chars)
}

/// RFC 3339 in UTC as this format writes it: four-digit year, upper-case `T` and `Z`, optional
/// fraction of a second. Stricter than XML Schema's dateTimeStamp, which the proof requires too.
pub fn is_rfc3339_utc(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 20
        && b.first().is_some_and(u8::is_ascii_digit)
        && b.get(4) == Some(&b'-')
        && b.get(11..13) != Some(b"24".as_slice())
        && s.ends_with('Z')
        && data_integrity::is_date_time_stamp(s)
}

/// `YYYY-MM-DD` naming a day that exists, as `<input type="date">` gives it.
pub fn is_calendar_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b.iter()
            .enumerate()
            .all(|(i, c)| if i == 4 || i == 7 { *c == b'-' } else { c.is_ascii_digit() })
        && data_integrity::is_date_time_stamp(&format!("{s}T00:00:00Z"))
}

fn is_record_id(s: &str) -> bool {
    !s.is_empty()
        && s.chars().count() <= MAX_RECORD_ID_CHARS
        && !s.chars().any(|c| c.is_whitespace() || c.is_control())
}

// ---------------------------------------------------------------------------
// Verifying

/// Where aggregates differ from a recomputation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AggregateScope {
    LearningOutcome(String),
    CoreTask(String),
    Overall,
}

impl fmt::Display for AggregateScope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AggregateScope::LearningOutcome(id) => write!(f, "learning outcome {id}"),
            AggregateScope::CoreTask(id) => write!(f, "core task {id}"),
            AggregateScope::Overall => write!(f, "overall"),
        }
    }
}

/// What is wrong with the value at a [`RecordProblem::Malformed`] path. Structured, so that the
/// interface can word it in the reader's language; `Display` is the English of the command line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShapeProblem {
    /// A member the format requires is absent.
    Missing,
    /// A member the format does not have.
    UnexpectedMember,
    NotAnObject,
    NotAnArray,
    NotAString,
    NotAStringOrNull,
    /// Not an integer that fits in 32 bits without sign.
    NotACount,
    /// A count too large for any level of the scale.
    NotAScaleValue,
    /// A text outside the values the format allows; `found` is the text.
    NotOneOf {
        found: String,
        expected: &'static [&'static str],
    },
    /// Symbol and value of a score name no single level of the scale.
    NotALevel {
        symbol: String,
        value: u8,
    },
    /// `status` is `scored` but `score` is null.
    ScoredWithoutScore,
    /// `status` is `not-scored` but there is a score.
    ScoreWithoutScored,
    /// Not an RFC 3339 time in UTC; holds the value.
    NotUtcTime(String),
    /// Not a calendar date `YYYY-MM-DD`; holds the value.
    NotADate(String),
    /// Empty, longer than [`MAX_RECORD_ID_CHARS`], or with white space.
    InvalidRecordId,
    /// Not 64 lowercase hexadecimal digits.
    NotSha256,
    /// A text longer than [`MAX_TEXT_CHARS`] characters; holds its length.
    TooLong {
        chars: usize,
    },
    /// A comment of only white space, where no comment is written as null.
    BlankComment,
    /// Feedback of only white space, where no feedback is written as null.
    BlankFeedback,
}

impl fmt::Display for ShapeProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShapeProblem::Missing => write!(f, "is missing"),
            ShapeProblem::UnexpectedMember => write!(f, "is not a member of this format"),
            ShapeProblem::NotAnObject => write!(f, "is not an object"),
            ShapeProblem::NotAnArray => write!(f, "is not an array"),
            ShapeProblem::NotAString => write!(f, "is not a string"),
            ShapeProblem::NotAStringOrNull => write!(f, "is neither a string nor null"),
            ShapeProblem::NotACount => write!(f, "is not a whole number from 0 to 4294967295"),
            ShapeProblem::NotAScaleValue => write!(f, "is not a value of the scale"),
            ShapeProblem::NotOneOf { found, expected } => match expected {
                [one, other] => write!(f, "{found:?} is neither {one:?} nor {other:?}"),
                _ => write!(f, "{found:?} is not one of {expected:?}"),
            },
            ShapeProblem::NotALevel { symbol, value } => write!(
                f,
                "symbol {symbol:?} with value {value} is not a level of the scale (□ = 1, + = 2, ++ = 3)"
            ),
            ShapeProblem::ScoredWithoutScore => write!(f, "status is \"scored\" but score is null"),
            ShapeProblem::ScoreWithoutScored => {
                write!(f, "status is \"not-scored\" but a score is given")
            }
            ShapeProblem::NotUtcTime(value) => {
                write!(f, "{value:?} is not an RFC 3339 time in UTC")
            }
            ShapeProblem::NotADate(value) => write!(f, "{value:?} is not a date YYYY-MM-DD"),
            ShapeProblem::InvalidRecordId => {
                write!(f, "must be 1 to {MAX_RECORD_ID_CHARS} characters without spaces")
            }
            ShapeProblem::NotSha256 => write!(f, "is not 64 lowercase hexadecimal digits"),
            ShapeProblem::TooLong { chars } => {
                write!(f, "text of {chars} characters is longer than {MAX_TEXT_CHARS}")
            }
            ShapeProblem::BlankComment => write!(f, "is blank; no comment is written as null"),
            ShapeProblem::BlankFeedback => write!(f, "is blank; no feedback is written as null"),
        }
    }
}

/// Compares with the English wording, as reasons were compared when they were plain text.
impl PartialEq<str> for ShapeProblem {
    fn eq(&self, other: &str) -> bool {
        let english = self.to_string();
        english == other
    }
}

/// One reason a record is not valid. The interface translates by variant; `Display` is English.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecordProblem {
    /// Refused before parsing.
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    /// The bytes are not UTF-8; `offset` is where the first bad byte is.
    NotUtf8 {
        offset: usize,
    },
    /// Not strict JSON: syntax, a member name twice, a lone surrogate, nesting too deep.
    InvalidJson(JcsError),
    /// The JSON is not an object.
    NotAnObject,
    MissingProof,
    /// `proof` is an array: proof sets and chains are not supported.
    SeveralProofs,
    /// The signature does not match the record, the proof options and the key.
    SignatureMismatch,
    /// The proof's cryptosuite is not `eddsa-jcs-2022`; holds the value.
    UnknownCryptosuite(String),
    /// The verification method is not a well-formed Ed25519 did:key.
    MalformedDidKey(DidKeyError),
    /// Any other reason the proof cannot be checked (type, purpose, created, proofValue, a
    /// missing or non-string member).
    InvalidProof(VerifyError),
    /// The record does not have the shape of this format. `path` is like
    /// `indicators[3].score.value`, empty for the whole record.
    Malformed {
        path: String,
        reason: ShapeProblem,
    },
    /// `type` is not [`RECORD_TYPE`]; holds the value.
    UnsupportedType(String),
    /// `schemaVersion` is not one this verifier reads; holds the value.
    UnsupportedSchemaVersion(String),
    /// The verifier does not have this framework, so the aggregates cannot be recomputed and the
    /// record cannot be shown; the signature is still checked.
    UnknownFramework {
        id: String,
        version: String,
    },
    /// The record names a known framework id and version but another content.
    FrameworkHashDiffers {
        stated: String,
        expected: String,
    },
    /// An indicator the framework lacks, or under another learning outcome than the framework's.
    UnknownIndicator(String),
    DuplicateIndicator(String),
    MissingIndicator(String),
    WrongLearningOutcome {
        indicator: String,
        stated: String,
        expected: String,
    },
    UnknownLearningOutcome(String),
    DuplicateLearningOutcome(String),
    MissingLearningOutcome(String),
    WrongCoreTask {
        outcome: String,
        stated: String,
        expected: String,
    },
    /// The entries are the framework's but not in its order; `list` is `indicators` or
    /// `learningOutcomes`.
    OutOfOrder {
        list: &'static str,
    },
    /// `normLevel` names a level the framework has no norms for; holds the value.
    UnknownNormLevel(String),
    /// The stated aggregates differ from those recomputed from the scores.
    AggregatesDiffer {
        scope: AggregateScope,
    },
}

impl fmt::Display for RecordProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RecordProblem::TooLarge { bytes, limit } => {
                write!(f, "file is {bytes} bytes, more than the limit of {limit}")
            }
            RecordProblem::NotUtf8 { offset } => {
                write!(f, "not UTF-8 text (bad byte at offset {offset})")
            }
            RecordProblem::InvalidJson(e) => write!(f, "not valid JSON: {e}"),
            RecordProblem::NotAnObject => write!(f, "the record is not a JSON object"),
            RecordProblem::MissingProof => write!(f, "the record is not signed (no proof)"),
            RecordProblem::SeveralProofs => {
                write!(f, "the record has several proofs; only one is supported")
            }
            RecordProblem::SignatureMismatch => {
                write!(f, "the signature does not match the record")
            }
            RecordProblem::UnknownCryptosuite(suite) => write!(
                f,
                "unknown cryptosuite {suite:?} (expected {})",
                data_integrity::CRYPTOSUITE
            ),
            RecordProblem::MalformedDidKey(e) => write!(f, "malformed did:key: {e}"),
            RecordProblem::InvalidProof(e) => write!(f, "invalid proof: {e}"),
            RecordProblem::Malformed { path, reason } => {
                let at = if path.is_empty() { "(root)" } else { path };
                write!(f, "{at}: {reason}")
            }
            RecordProblem::UnsupportedType(t) => {
                write!(f, "type {t:?} is not {RECORD_TYPE}")
            }
            RecordProblem::UnsupportedSchemaVersion(v) => {
                write!(f, "schema version {v:?} is not supported (expected {SCHEMA_VERSION:?})")
            }
            RecordProblem::UnknownFramework { id, version } => write!(
                f,
                "unknown framework {id:?} version {version:?}: its aggregates cannot be checked"
            ),
            RecordProblem::FrameworkHashDiffers { stated, expected } => write!(
                f,
                "framework hash {stated} differs from that of the known framework ({expected})"
            ),
            RecordProblem::UnknownIndicator(id) => {
                write!(f, "indicator {id:?} is not in the framework")
            }
            RecordProblem::DuplicateIndicator(id) => {
                write!(f, "indicator {id:?} appears more than once")
            }
            RecordProblem::MissingIndicator(id) => write!(f, "indicator {id:?} is missing"),
            RecordProblem::WrongLearningOutcome {
                indicator,
                stated,
                expected,
            } => write!(
                f,
                "indicator {indicator:?} is listed under {stated:?} but belongs to {expected:?}"
            ),
            RecordProblem::UnknownLearningOutcome(id) => {
                write!(f, "learning outcome {id:?} is not in the framework")
            }
            RecordProblem::DuplicateLearningOutcome(id) => {
                write!(f, "learning outcome {id:?} appears more than once")
            }
            RecordProblem::MissingLearningOutcome(id) => {
                write!(f, "learning outcome {id:?} is missing")
            }
            RecordProblem::WrongCoreTask {
                outcome,
                stated,
                expected,
            } => write!(
                f,
                "learning outcome {outcome:?} is listed under {stated:?} but belongs to {expected:?}"
            ),
            RecordProblem::OutOfOrder { list } => {
                write!(f, "{list} are not in the framework's order")
            }
            RecordProblem::UnknownNormLevel(level) => {
                write!(f, "normLevel {level:?} is not a level the framework has norms for")
            }
            RecordProblem::AggregatesDiffer { scope } => write!(
                f,
                "aggregates for {scope} differ from a recomputation from the scores"
            ),
        }
    }
}

impl From<VerifyError> for RecordProblem {
    fn from(e: VerifyError) -> RecordProblem {
        match e {
            VerifyError::DocumentNotAnObject => RecordProblem::NotAnObject,
            VerifyError::MissingProof => RecordProblem::MissingProof,
            VerifyError::ProofIsArray => RecordProblem::SeveralProofs,
            VerifyError::SignatureMismatch => RecordProblem::SignatureMismatch,
            VerifyError::UnknownCryptosuite(suite) => RecordProblem::UnknownCryptosuite(suite),
            VerifyError::MalformedDidKey(e) => RecordProblem::MalformedDidKey(e),
            other => RecordProblem::InvalidProof(other),
        }
    }
}

/// What verifying a record found. Valid only when there is no problem.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RecordReport {
    /// Every reason the record is not valid; empty when it is.
    pub problems: Vec<RecordProblem>,
    /// Who signed, and when, once the signature checks out (even if other checks fail).
    pub proof: Option<VerifiedProof>,
    /// The record, whenever its shape could be read, to show it; trust it only if valid.
    pub record: Option<AssessmentRecord>,
    /// The known framework the record names, found by id and version.
    pub framework: Option<HashedFramework>,
}

impl RecordReport {
    pub fn is_valid(&self) -> bool {
        self.problems.is_empty() && self.proof.is_some() && self.record.is_some()
    }

    pub fn signature_valid(&self) -> bool {
        self.proof.is_some()
    }

    /// The assessment to show read-only, with [`RecordReport::framework`]; `None` when the record
    /// could not be read or its scores are malformed.
    pub fn assessment(&self) -> Option<Assessment> {
        self.record.as_ref()?.to_assessment().ok()
    }

    fn with(problem: RecordProblem) -> RecordReport {
        RecordReport { problems: vec![problem], ..RecordReport::default() }
    }
}

/// Verifies raw bytes, e.g. a file's: size, then UTF-8, then [`verify_record`].
pub fn verify_record_bytes(bytes: &[u8], frameworks: &[&HashedFramework]) -> RecordReport {
    if bytes.len() > MAX_RECORD_BYTES {
        return RecordReport::with(RecordProblem::TooLarge {
            bytes: bytes.len(),
            limit: MAX_RECORD_BYTES,
        });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => verify_record(text, frameworks),
        Err(e) => RecordReport::with(RecordProblem::NotUtf8 { offset: e.valid_up_to() }),
    }
}

/// Verifies a record's text against the frameworks the verifier knows.
pub fn verify_record(text: &str, frameworks: &[&HashedFramework]) -> RecordReport {
    if text.len() > MAX_RECORD_BYTES {
        return RecordReport::with(RecordProblem::TooLarge {
            bytes: text.len(),
            limit: MAX_RECORD_BYTES,
        });
    }
    match jcs::parse_strict(text) {
        Ok(value) => verify_record_value(&value, frameworks),
        Err(e) => RecordReport::with(RecordProblem::InvalidJson(e)),
    }
}

/// Verifies a record already parsed, by [`jcs::parse_strict`]: `serde_json` would have resolved
/// duplicate member names silently.
pub fn verify_record_value(value: &Value, frameworks: &[&HashedFramework]) -> RecordReport {
    let Some(object) = value.as_object() else {
        return RecordReport::with(RecordProblem::NotAnObject);
    };
    let mut report = RecordReport::default();
    match data_integrity::verify(value) {
        Ok(proof) => report.proof = Some(proof),
        Err(e) => report.problems.push(e.into()),
    }

    // The proof was judged above, with the errors of the signature code; reading the rest
    // without it keeps a bad proof from being reported twice.
    let mut unsigned = object.clone();
    let proof_value = unsigned.remove("proof");
    let mut record = match AssessmentRecord::from_value(&Value::Object(unsigned)) {
        Ok(record) => record,
        Err(problems) => {
            report.problems.extend(problems);
            return report;
        }
    };
    if let Some(proof_value) = proof_value {
        let mut reader = Reader::default();
        match reader.proof(&proof_value, "proof") {
            Some(proof) if reader.problems.is_empty() => {
                if report.proof.is_some() && !is_rfc3339_utc(&proof.created) {
                    report.problems.push(RecordProblem::Malformed {
                        path: "proof.created".into(),
                        reason: ShapeProblem::NotUtcTime(proof.created.clone()),
                    });
                }
                record.proof = Some(proof);
            }
            // A proof that verified but has members of its own is signed, yet not this format.
            _ if report.proof.is_some() => report.problems.extend(reader.problems),
            _ => {}
        }
    }

    check_record(&record, &mut report.problems);
    let known = frameworks.iter().find(|f| {
        f.framework().id == record.framework.id && f.framework().version == record.framework.version
    });
    match known {
        Some(framework) => {
            check_against_framework(&record, framework, &mut report.problems);
            report.framework = Some((*framework).clone());
        }
        None => report.problems.push(RecordProblem::UnknownFramework {
            id: record.framework.id.clone(),
            version: record.framework.version.clone(),
        }),
    }
    report.record = Some(record);
    report
}

/// The checks that need no framework.
fn check_record(record: &AssessmentRecord, problems: &mut Vec<RecordProblem>) {
    let mut malformed = |path: &str, reason: ShapeProblem| {
        problems.push(RecordProblem::Malformed { path: path.to_string(), reason })
    };
    if !is_record_id(&record.id) {
        malformed("id", ShapeProblem::InvalidRecordId);
    }
    if !is_rfc3339_utc(&record.created) {
        malformed("created", ShapeProblem::NotUtcTime(record.created.clone()));
    }
    if let Some(date) = &record.assessment_date {
        if !is_calendar_date(date) {
            malformed("assessmentDate", ShapeProblem::NotADate(date.clone()));
        }
    }
    let sha = &record.framework.sha256;
    if sha.len() != 64 || !sha.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')) {
        malformed("framework.sha256", ShapeProblem::NotSha256);
    }
    for (path, text) in texts(record) {
        if let Some(chars) = char_count_over_limit(text) {
            malformed(&path, ShapeProblem::TooLong { chars });
        }
    }
    for (i, indicator) in record.indicators.iter().enumerate() {
        if let Err(problem) = indicator_score(i, indicator) {
            problems.push(problem);
        }
        if indicator.comment.as_deref().is_some_and(is_blank) {
            problems.push(RecordProblem::Malformed {
                path: format!("indicators[{i}].comment"),
                reason: ShapeProblem::BlankComment,
            });
        }
    }
    for (i, outcome) in record.learning_outcomes.iter().enumerate() {
        if outcome.feedback.as_deref().is_some_and(is_blank) {
            problems.push(RecordProblem::Malformed {
                path: format!("learningOutcomes[{i}].feedback"),
                reason: ShapeProblem::BlankFeedback,
            });
        }
    }
    if record.record_type != RECORD_TYPE {
        problems.push(RecordProblem::UnsupportedType(record.record_type.clone()));
    }
    if !READABLE_SCHEMA_VERSIONS.contains(&record.schema_version.as_str()) {
        problems.push(RecordProblem::UnsupportedSchemaVersion(record.schema_version.clone()));
    }
}

fn is_blank(text: &str) -> bool {
    text.trim().is_empty()
}

fn check_against_framework(
    record: &AssessmentRecord,
    framework: &HashedFramework,
    problems: &mut Vec<RecordProblem>,
) {
    let fw = framework.framework();
    if record.framework.sha256 != framework.sha256() {
        problems.push(RecordProblem::FrameworkHashDiffers {
            stated: record.framework.sha256.clone(),
            expected: framework.sha256().to_string(),
        });
    }
    if let Some(level) = &record.norm_level {
        if fw.norms.as_ref().and_then(|norms| norms.level(level)).is_none() {
            problems.push(RecordProblem::UnknownNormLevel(level.clone()));
        }
    }

    // Indicators: each of the framework's exactly once, under its own learning outcome, in order.
    let expected_indicators: Vec<(&str, &str)> = fw
        .learning_outcomes()
        .flat_map(|o| o.indicators.iter().map(|i| (&*i.id, o.id.as_str())))
        .collect();
    let owner: HashMap<&str, &str> = expected_indicators.iter().copied().collect();
    let stated: Vec<(&str, &str)> =
        record.indicators.iter().map(|i| (i.id.as_str(), i.learning_outcome.as_str())).collect();
    let mut seen = BTreeSet::new();
    for &(id, outcome) in &stated {
        match owner.get(id) {
            None => problems.push(RecordProblem::UnknownIndicator(id.into())),
            Some(_) if !seen.insert(id) => {
                problems.push(RecordProblem::DuplicateIndicator(id.into()))
            }
            Some(&expected) if expected != outcome => {
                problems.push(RecordProblem::WrongLearningOutcome {
                    indicator: id.into(),
                    stated: outcome.into(),
                    expected: expected.into(),
                })
            }
            Some(_) => {}
        }
    }
    for &(id, _) in &expected_indicators {
        if !seen.contains(id) {
            problems.push(RecordProblem::MissingIndicator(id.into()));
        }
    }
    let same_set = seen.len() == expected_indicators.len() && stated.len() == seen.len();
    if same_set && stated.iter().map(|s| s.0).ne(expected_indicators.iter().map(|e| e.0)) {
        problems.push(RecordProblem::OutOfOrder { list: "indicators" });
    }

    // Learning outcomes: the same, under their core task.
    let expected_outcomes: Vec<(&str, &str)> = fw
        .core_tasks
        .iter()
        .flat_map(|t| t.learning_outcomes.iter().map(move |o| (o.id.as_str(), t.id.as_str())))
        .collect();
    let task_of: HashMap<&str, &str> = expected_outcomes.iter().copied().collect();
    let mut seen = BTreeSet::new();
    for outcome in &record.learning_outcomes {
        let id = outcome.id.as_str();
        match task_of.get(id) {
            None => problems.push(RecordProblem::UnknownLearningOutcome(id.into())),
            Some(_) if !seen.insert(id) => {
                problems.push(RecordProblem::DuplicateLearningOutcome(id.into()))
            }
            Some(&expected) if expected != outcome.core_task => {
                problems.push(RecordProblem::WrongCoreTask {
                    outcome: id.into(),
                    stated: outcome.core_task.clone(),
                    expected: expected.into(),
                })
            }
            Some(_) => {}
        }
    }
    for &(id, _) in &expected_outcomes {
        if !seen.contains(id) {
            problems.push(RecordProblem::MissingLearningOutcome(id.into()));
        }
    }
    let same_set =
        seen.len() == expected_outcomes.len() && record.learning_outcomes.len() == seen.len();
    if same_set
        && record
            .learning_outcomes
            .iter()
            .map(|o| o.id.as_str())
            .ne(expected_outcomes.iter().map(|e| e.0))
    {
        problems.push(RecordProblem::OutOfOrder { list: "learningOutcomes" });
    }

    // Aggregates, recomputed from the scores as stated. Malformed scores were reported above.
    let Ok(assessment) = record.to_assessment() else {
        return;
    };
    let expected = Aggregates::from_summary(&summarize(fw, &assessment));
    let stated = &record.aggregates;
    differing(
        &stated.learning_outcomes,
        &expected.learning_outcomes,
        AggregateScope::LearningOutcome,
        problems,
    );
    differing(&stated.core_tasks, &expected.core_tasks, AggregateScope::CoreTask, problems);
    if stated.overall != expected.overall {
        problems.push(RecordProblem::AggregatesDiffer { scope: AggregateScope::Overall });
    }
}

/// One problem per id whose aggregate is missing, extra or different.
fn differing(
    stated: &BTreeMap<String, Aggregate>,
    expected: &BTreeMap<String, Aggregate>,
    scope: fn(String) -> AggregateScope,
    problems: &mut Vec<RecordProblem>,
) {
    let ids: BTreeSet<&String> = stated.keys().chain(expected.keys()).collect();
    for id in ids {
        if stated.get(id) != expected.get(id) {
            problems.push(RecordProblem::AggregatesDiffer { scope: scope(id.clone()) });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn means_are_exact_decimal_strings() {
        assert_eq!(mean_string(0, 0), None);
        assert_eq!(mean_string(3, 1).as_deref(), Some("3.00"));
        assert_eq!(mean_string(7, 3).as_deref(), Some("2.33"));
        assert_eq!(mean_string(8, 3).as_deref(), Some("2.67"));
        // 2.125 and 2.375: halves round up
        assert_eq!(mean_string(17, 8).as_deref(), Some("2.13"));
        assert_eq!(mean_string(19, 8).as_deref(), Some("2.38"));
        assert_eq!(mean_string(5, 2).as_deref(), Some("2.50"));
        assert_eq!(mean_string(u32::MAX, 1).as_deref(), Some("4294967295.00"));
    }

    #[test]
    fn times_and_dates() {
        for ok in ["2026-05-01T09:30:00Z", "2026-05-01T09:30:00.123Z", "2024-02-29T23:59:59Z"] {
            assert!(is_rfc3339_utc(ok), "{ok}");
        }
        for bad in [
            "2026-05-01T09:30:00+02:00",
            "2026-05-01T24:00:00Z",
            "12026-05-01T09:30:00Z",
            "-2026-05-01T09:30:00Z",
            "2026-05-01t09:30:00z",
            "2026-05-01",
            "",
        ] {
            assert!(!is_rfc3339_utc(bad), "{bad}");
        }
        assert!(is_calendar_date("2026-02-28"));
        for bad in ["2026-02-29", "2026-2-28", "26-02-28", "2026-02-28 ", ""] {
            assert!(!is_calendar_date(bad), "{bad:?}");
        }
    }

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
