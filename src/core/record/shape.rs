//! What a record is: its types, as written and read, its constants, and the rules its values
//! follow (times, dates, ids, text lengths), which building and verifying both hold it to.

use std::collections::BTreeMap;
use std::rc::Rc;

use serde::Serialize;

use crate::core::assessment::aggregate::{Summary, Tally};
use crate::core::assessment::{Answer, Assessment, Metadata, Mode, OutcomeEntry, MAX_TEXT_CHARS};
use crate::core::crypto::data_integrity;
use crate::core::framework::score::Score;
use crate::core::record::problem::{RecordProblem, ShapeProblem};

/// The value of `type`, which tells a reader what the JSON document is.
pub const RECORD_TYPE: &str = "LeeruitkomstenAssessmentRecord";
/// Raised whenever a reader of an earlier version could misread a new record; readers refuse
/// versions they do not know. Version 2 added `normLevel`; version 3 put the same content in a W3C
/// Verifiable Credential 2.0 envelope, so that any VC verifier accepts it; version 4 may name the
/// docent's invitation it answers (`credentialSubject.invitation`) and may mark an indicator
/// *niet waargenomen* (`"status": "notObserved"`, counted as `notObserved` in the aggregates).
pub const SCHEMA_VERSION: &str = "4";
/// Every version this verifier reads: records of versions 1 to 3 stay valid.
pub const READABLE_SCHEMA_VERSIONS: [&str; 4] = ["1", "2", "3", "4"];
/// `$id` of the JSON Schema that describes these versions.
pub const SCHEMA_ID: &str = "urn:leeruitkomsten:schema:assessment-record:4";
/// The Verifiable Credentials 2.0 base context, which a credential names first.
pub const VC_CONTEXT: &str = "https://www.w3.org/ns/credentials/v2";
/// The app's own JSON-LD context. An identifier, never fetched: a JSON-LD processor gets the
/// document from [`CONTEXT_JSON`] (or `schemas/leeruitkomsten-v1.jsonld`) and no other place.
pub const CONTEXT_URL: &str = "https://leeruitkomsten.example/ns/v1";
/// The `@context` of a version 3 record and of its proof, exactly.
pub const RECORD_CONTEXT: [&str; 2] = [VC_CONTEXT, CONTEXT_URL];
pub const VC_TYPE: &str = "VerifiableCredential";
/// The `type` of a version 3 record, exactly.
pub const RECORD_TYPES: [&str; 2] = [VC_TYPE, RECORD_TYPE];
/// The app's context document, so that a JSON-LD processor in the app or a verifier built on this
/// crate never has to look it up anywhere.
pub const CONTEXT_JSON: &str = include_str!("../../../schemas/leeruitkomsten-v1.jsonld");
pub const APP_NAME: &str = "leeruitkomsten";
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// A larger file is refused before parsing. The largest record the app can write, with every
/// text at its limit of [`MAX_TEXT_CHARS`] four-byte characters, is about 2 MB.
pub const MAX_RECORD_BYTES: usize = 5 * 1024 * 1024;

/// A record id is a short identifier such as `urn:uuid:…`, not a text.
pub const MAX_RECORD_ID_CHARS: usize = 200;

/// A record as it is read, whatever its version: the content of version 2, which version 3 only
/// wraps in a credential. Written back (`Serialize`) in the layout of its `schema_version`: the
/// flat object of versions 1 and 2, the Verifiable Credential of version 3. No member is ever left
/// out, so that deleting one from a record is a shape error and not a silent default.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AssessmentRecord {
    /// Always [`RECORD_TYPE`] (in version 3, the type beside `VerifiableCredential`).
    pub record_type: String,
    /// [`SCHEMA_VERSION`] for a new record.
    pub schema_version: String,
    /// Chosen by the exporting app, e.g. `urn:uuid:…`.
    pub id: String,
    /// When the record was made: RFC 3339 in UTC, from the browser's clock (`validFrom` in
    /// version 3).
    pub created: String,
    /// Version 3: the did:key of the signer, `issuer.id`; `None` before signing, which fills it
    /// in, and in versions 1 and 2, which name no issuer.
    pub issuer: Option<String>,
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
    /// Version 4: the docent's invitation the assessment was made from, when it was.
    pub invitation: Option<InvitationRef>,
    /// Absent only before signing.
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

/// The student who is assessed (in version 3 the `credentialSubject`). Strings may be empty: the
/// app does not insist on them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Subject {
    pub name: String,
    /// A string, never a number: student numbers can have leading zeros or letters.
    pub student_number: String,
}

/// How one credential names another: its id and the `digestMultibase` of the whole signed
/// document ([`crate::core::credentials::digest_multibase`]), so that a changed copy does not match.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InvitationRef {
    pub id: String,
    pub digest_multibase: String,
}

/// Who scored. In version 3 the name is `issuer.name` and the rest is part of the assessment.
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
    /// *Niet waargenomen*, without a score; since version 4.
    #[serde(rename = "notObserved")]
    NotObserved,
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
    /// Indicators still open: neither scored nor not observed.
    pub not_scored: u32,
    pub scored: u32,
    /// Indicators marked *niet waargenomen*; since version 4, and written only when there is at
    /// least one, so that a record without any reads as before (an explicit 0 does not match the
    /// recomputation).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub not_observed: Option<u32>,
    /// Indicators in the set, scored or not.
    pub total: u32,
    /// Sum of the scored values (□ = 1, + = 2, ++ = 3); with `scored`, the exact mean.
    pub sum: u32,
    /// `sum / scored` with two decimals, halves rounded up, e.g. `"2.33"`; null when nothing is
    /// scored.
    pub mean: Option<String>,
    /// Null while an indicator of the set is open, and when none of it was observed.
    pub result: Option<ScoreRecord>,
}

/// The Data Integrity proof, exactly as [`data_integrity::sign`] writes it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Proof {
    /// Version 3 only: the record's `@context`, as the cryptosuite's proof configuration copies it.
    #[serde(rename = "@context", skip_serializing_if = "Option::is_none")]
    pub context: Option<Vec<String>>,
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
            not_observed: Some(tally.not_observed).filter(|&n| n > 0),
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
    /// The name the record gives its signer: the assessor's, or the student's own on a
    /// self-assessment (which names no assessor).
    pub fn signer_name(&self) -> &str {
        let assessor = self.assessor.name.trim();
        if assessor.is_empty() {
            self.subject.name.trim()
        } else {
            assessor
        }
    }

    /// The assessment the record was made from, to show it read-only with the framework's texts.
    /// The scores are placed under the learning outcome the record names; [`verify_record`](super::verify_record) checks
    /// that this is the framework's.
    pub fn to_assessment(&self) -> Result<Assessment, RecordProblem> {
        let mut outcomes: BTreeMap<String, OutcomeEntry> = BTreeMap::new();
        for (i, indicator) in self.indicators.iter().enumerate() {
            let answer = indicator_answer(i, indicator)?;
            let entry = outcomes.entry(indicator.learning_outcome.clone()).or_default();
            match answer {
                Answer::Scored(score) if score.is_scored() => {
                    entry.scores.insert(indicator.id.clone(), score);
                }
                Answer::NotObserved => {
                    entry.not_observed.insert(indicator.id.clone());
                }
                Answer::Open | Answer::Scored(_) => {}
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
            invitation: None,
        })
    }
}

/// What an indicator entry states, once status, symbol and value agree.
pub(super) fn indicator_answer(
    index: usize,
    indicator: &IndicatorRecord,
) -> Result<Answer, RecordProblem> {
    // Made only for a problem: this runs for every indicator of every record checked.
    let path = || format!("indicators[{index}].score");
    match (indicator.status, &indicator.score) {
        (IndicatorStatus::NotScored, None) => Ok(Answer::Open),
        (IndicatorStatus::NotObserved, None) => Ok(Answer::NotObserved),
        (IndicatorStatus::NotObserved, Some(_)) => Err(RecordProblem::Malformed {
            path: path(),
            reason: ShapeProblem::ScoreWithNotObserved,
        }),
        (IndicatorStatus::Scored, Some(record)) => {
            record.score().map(Answer::Scored).ok_or_else(|| RecordProblem::Malformed {
                path: path(),
                reason: ShapeProblem::NotALevel {
                    symbol: record.symbol.clone(),
                    value: record.value,
                },
            })
        }
        (IndicatorStatus::Scored, None) => {
            Err(RecordProblem::Malformed { path: path(), reason: ShapeProblem::ScoredWithoutScore })
        }
        (IndicatorStatus::NotScored, Some(_)) => {
            Err(RecordProblem::Malformed { path: path(), reason: ShapeProblem::ScoreWithoutScored })
        }
    }
}

/// Every free text of a record with its path, to hold each to [`MAX_TEXT_CHARS`].
pub(super) fn texts(record: &AssessmentRecord) -> impl Iterator<Item = (String, &str)> {
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
pub(super) fn char_count_over_limit(text: &str) -> Option<usize> {
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

pub(super) fn is_record_id(s: &str) -> bool {
    !s.is_empty()
        && s.chars().count() <= MAX_RECORD_ID_CHARS
        && !s.chars().any(|c| c.is_whitespace() || c.is_control())
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
}
