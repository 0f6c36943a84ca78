//! Verifying a record from outside: its proof, its shape, and its agreement with a framework the
//! verifier knows.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde_json::Value;

use crate::core::assessment::aggregate::summarize;
use crate::core::assessment::Assessment;
use crate::core::crypto::data_integrity::{self, Signature, SignatureCheck, VerifiedProof};
use crate::core::crypto::signing_key::KEY_FILE_TYPE;
use crate::core::framework::hashed::HashedFramework;
use crate::core::framework::Framework;
use crate::core::json;
use crate::core::record::layout::is_credential_version;
use crate::core::record::problem::{AggregateScope, RecordProblem, ShapeProblem};
use crate::core::record::read::Reader;
use crate::core::record::shape::{
    char_count_over_limit, indicator_answer, is_calendar_date, is_record_id, is_rfc3339_utc, texts,
    Aggregate, Aggregates, AssessmentRecord, MAX_RECORD_BYTES, READABLE_SCHEMA_VERSIONS,
    RECORD_TYPE,
};

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
    /// The signature [`check_record_value`] returned does not hold.
    pub fn signature_failed(&mut self) {
        self.proof = None;
        self.problems.insert(0, RecordProblem::SignatureMismatch);
    }

    pub fn is_valid(&self) -> bool {
        self.problems.is_empty() && self.proof.is_some() && self.record.is_some()
    }

    pub fn signature_valid(&self) -> bool {
        self.proof.is_some()
    }

    /// The invitation the record names (id, `digestMultibase`), which its signer's standing is
    /// judged on.
    pub fn invitation(&self) -> Option<(&str, &str)> {
        let reference = self.record.as_ref()?.invitation.as_ref()?;
        Some((reference.id.as_str(), reference.digest_multibase.as_str()))
    }

    /// The assessment to show read-only, with [`RecordReport::framework`]; `None` when the record
    /// could not be read or its scores are malformed.
    pub fn assessment(&self) -> Option<Assessment> {
        self.record.as_ref()?.to_assessment().ok()
    }

    pub fn with(problem: RecordProblem) -> RecordReport {
        RecordReport { problems: vec![problem], ..RecordReport::default() }
    }
}

/// A signing-key backup by its type, or anything carrying a secret key under the key file's
/// member name, so that an edited or older key file is recognised too.
fn is_key_file(object: &serde_json::Map<String, Value>) -> bool {
    object.get("type").and_then(Value::as_str) == Some(KEY_FILE_TYPE)
        || object.contains_key("secretKeyMultibase")
}

/// Verifies raw bytes, e.g. a file's: size, then UTF-8, then [`verify_record_value`].
pub fn verify_record_bytes(bytes: &[u8], frameworks: &[&HashedFramework]) -> RecordReport {
    match json::parse_bytes(bytes, MAX_RECORD_BYTES) {
        Ok(value) => verify_record_value(&value, frameworks),
        Err(e) => RecordReport::with(unreadable(bytes, e)),
    }
}

/// Verifies a record's text against the frameworks the verifier knows.
pub fn verify_record(text: &str, frameworks: &[&HashedFramework]) -> RecordReport {
    match json::parse(text, MAX_RECORD_BYTES) {
        Ok(value) => verify_record_value(&value, frameworks),
        Err(e) => RecordReport::with(unreadable(text.as_bytes(), e)),
    }
}

/// Why a record's bytes could not be read as JSON. What does not even begin as a JSON object or
/// array was chosen by mistake, and the reader should hear that rather than "damaged"; what
/// begins as one and breaks off, or holds a byte that is no text, is a record that was damaged.
/// So are an empty file (a download that failed leaves one) and a record saved as UTF-16 (an
/// editor on Windows may do that), which its byte order mark tells.
pub fn unreadable(bytes: &[u8], error: json::JsonError) -> RecordProblem {
    use crate::core::crypto::jcs::{is_whitespace, JcsError};
    use json::JsonErrorKind as K;
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return error.into();
    }
    let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let first = text.iter().find(|b| !is_whitespace(**b));
    let unreadable_text = matches!(
        error.kind,
        K::NotUtf8 { .. } | K::Invalid(JcsError::Syntax { .. } | JcsError::ByteOrderMark)
    );
    match first {
        Some(b) if unreadable_text && *b != b'{' && *b != b'[' => RecordProblem::NotJson,
        _ => error.into(),
    }
}

/// Verifies a record already parsed, by [`json::parse`]: `serde_json` would have resolved
/// duplicate member names silently.
pub fn verify_record_value(value: &Value, frameworks: &[&HashedFramework]) -> RecordReport {
    check_record_value(value, frameworks, Signature::Check).0
}

/// [`verify_record_value`], or with [`Signature::Return`] everything but the Ed25519 signature,
/// which is returned to be checked (by the browser, on the form's page); the report then
/// counts the proof as good, and [`RecordReport::signature_failed`] says otherwise.
pub fn check_record_value(
    value: &Value,
    frameworks: &[&HashedFramework],
    signature: Signature,
) -> (RecordReport, Option<SignatureCheck>) {
    let Some(object) = value.as_object() else {
        return (RecordReport::with(RecordProblem::NotAnObject), None);
    };
    if is_key_file(object) {
        return (RecordReport::with(RecordProblem::SecretKeyFile), None);
    }
    let mut report = RecordReport::default();
    let mut check = None;
    let proof = data_integrity::check(value).and_then(|(proof, signature_check)| {
        match signature {
            Signature::Check => signature_check.run()?,
            Signature::Return => check = Some(signature_check),
        }
        Ok(proof)
    });
    match proof {
        Ok(proof) => report.proof = Some(proof),
        Err(e) => report.problems.push(e.into()),
    }
    (check_record_rest(value, object, frameworks, report), check)
}

fn check_record_rest(
    value: &Value,
    object: &serde_json::Map<String, Value>,
    frameworks: &[&HashedFramework],
    mut report: RecordReport,
) -> RecordReport {
    // The proof was judged above, with the errors of the signature code; reading the rest
    // without it keeps a bad proof from being reported twice.
    let proof_value = object.get("proof");
    let mut record = match AssessmentRecord::from_value_without_proof(value) {
        Ok(record) => record,
        Err(problems) => {
            report.problems.extend(problems);
            return report;
        }
    };
    let credential = is_credential_version(&record.schema_version);
    if let Some(proof_value) = proof_value {
        let mut reader = Reader::default();
        match reader.proof(proof_value, "proof", credential) {
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

    if credential {
        match (&record.issuer, &report.proof) {
            (None, _) => report.problems.push(RecordProblem::Malformed {
                path: "issuer.id".into(),
                reason: ShapeProblem::Missing,
            }),
            (Some(issuer), Some(proof)) if *issuer != proof.did => {
                report.problems.push(RecordProblem::IssuerNotSigner {
                    issuer: issuer.clone(),
                    signer: proof.did.clone(),
                })
            }
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

/// The checks that need no framework, each problem at its path in the record's own layout.
fn check_record(record: &AssessmentRecord, problems: &mut Vec<RecordProblem>) {
    let mut found = Vec::new();
    check_content(record, &mut found);
    problems.extend(found.into_iter().map(|problem| match problem {
        RecordProblem::Malformed { path, reason } => {
            RecordProblem::Malformed { path: record.path_of(&path), reason }
        }
        other => other,
    }));
}

/// [`check_record`] with the paths of the flat layout.
fn check_content(record: &AssessmentRecord, problems: &mut Vec<RecordProblem>) {
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
        if let Err(problem) = indicator_answer(i, indicator) {
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
    let stated: Vec<(&str, &str)> =
        record.indicators.iter().map(|i| (i.id.as_str(), i.learning_outcome.as_str())).collect();
    // As a record is written: nothing to look up. A framework's ids are unique (it does not load
    // otherwise), so the checks below would find nothing either.
    if stated != expected_indicators {
        check_indicators(&stated, &expected_indicators, problems);
    }
    check_outcomes(record, fw, problems);
    check_aggregates(record, fw, problems);
}

/// Each of the framework's indicators (id and learning outcome, in order) exactly once in
/// `stated` (the same), under its own learning outcome, in order.
fn check_indicators(
    stated: &[(&str, &str)],
    expected_indicators: &[(&str, &str)],
    problems: &mut Vec<RecordProblem>,
) {
    let owner: HashMap<&str, &str> = expected_indicators.iter().copied().collect();
    let mut seen = BTreeSet::new();
    for &(id, outcome) in stated {
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
    for &(id, _) in expected_indicators {
        if !seen.contains(id) {
            problems.push(RecordProblem::MissingIndicator(id.into()));
        }
    }
    let same_set = seen.len() == expected_indicators.len() && stated.len() == seen.len();
    if same_set && stated.iter().map(|s| s.0).ne(expected_indicators.iter().map(|e| e.0)) {
        problems.push(RecordProblem::OutOfOrder { list: "indicators" });
    }
}

/// The learning outcomes as the indicators, under their core task.
fn check_outcomes(record: &AssessmentRecord, fw: &Framework, problems: &mut Vec<RecordProblem>) {
    let expected_outcomes: Vec<(&str, &str)> = fw
        .core_tasks
        .iter()
        .flat_map(|t| t.learning_outcomes.iter().map(move |o| (o.id.as_str(), t.id.as_str())))
        .collect();
    let in_order = record.learning_outcomes.len() == expected_outcomes.len()
        && record
            .learning_outcomes
            .iter()
            .zip(&expected_outcomes)
            .all(|(o, &(id, task))| o.id == id && o.core_task == task);
    if in_order {
        return;
    }
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
}

/// The aggregates, recomputed from the scores as stated. Malformed scores were reported before.
fn check_aggregates(record: &AssessmentRecord, fw: &Framework, problems: &mut Vec<RecordProblem>) {
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
