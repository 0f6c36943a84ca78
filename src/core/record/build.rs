//! Building a record from an assessment, and signing it.

use std::fmt;

use serde_json::Value;

use crate::core::assessment::aggregate::summarize;
use crate::core::assessment::{Answer, Assessment, MAX_TEXT_CHARS};
use crate::core::crypto::data_integrity::{self, SignError};
use crate::core::crypto::did_key;
use crate::core::framework::hashed::HashedFramework;
use crate::core::framework::Framework;
use crate::core::record::layout::is_credential_version;
use crate::core::record::shape::{
    char_count_over_limit, is_calendar_date, is_record_id, is_rfc3339_utc, texts, Aggregates,
    AppInfo, AssessmentRecord, Assessor, FrameworkInfo, IndicatorRecord, IndicatorStatus,
    InvitationRef, OutcomeRecord, ScoreRecord, Subject, APP_NAME, APP_VERSION, MAX_RECORD_ID_CHARS,
    RECORD_TYPE, SCHEMA_VERSION,
};

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
                let answer = entry.map(|e| e.answer(&indicator.id)).unwrap_or_default();
                let comment = entry
                    .map(|e| e.comment(&indicator.id))
                    .filter(|c| !c.trim().is_empty())
                    .map(str::to_string);
                indicators.push(IndicatorRecord {
                    id: indicator.id.to_string(),
                    learning_outcome: outcome.id.clone(),
                    status: match answer {
                        Answer::Scored(_) => IndicatorStatus::Scored,
                        Answer::NotObserved => IndicatorStatus::NotObserved,
                        Answer::Open => IndicatorStatus::NotScored,
                    },
                    score: ScoreRecord::from_score(answer.score()),
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
        issuer: None,
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
        invitation: assessment.invitation.as_ref().map(|invited| InvitationRef {
            id: invited.id.clone(),
            digest_multibase: invited.digest_multibase.clone(),
        }),
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
    record.to_json().map_err(|e| RecordError::NotAnUnsignedRecord(e.to_string()))
}

/// Signs an unsigned record with the Ed25519 key of `seed`. `created` is the proof's time, RFC
/// 3339 UTC; usually the record's own `created`. A credential (version 3) without `issuer.id` gets
/// the signer's did:key there first, since a VC verifier requires the issuer to be the key's
/// controller; one that names another issuer is refused.
pub fn sign_record(unsigned: &Value, seed: &[u8; 32], created: &str) -> Result<Value, RecordError> {
    let to_sign = prepare_record(unsigned, &did_key::public_key_from_seed(seed), created)?;
    let signature = data_integrity::ed25519_sign(seed, &to_sign.message);
    Ok(to_sign.finish(&signature))
}

/// [`sign_record`] up to the signature, for the key `public_key`: what the browser's Ed25519
/// signs on the form's page.
pub fn prepare_record(
    unsigned: &Value,
    public_key: &[u8; 32],
    created: &str,
) -> Result<data_integrity::ToSign, RecordError> {
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
    let mut unsigned = unsigned.clone();
    if is_credential_version(&record.schema_version) {
        let signer = did_key::did_key_from_public_key(public_key);
        if let Some(issuer) = record.issuer.filter(|issuer| *issuer != signer) {
            return Err(RecordError::NotAnUnsignedRecord(format!(
                "issuer.id {issuer} is not the signing key {signer}"
            )));
        }
        let issuer = unsigned.get_mut("issuer").and_then(Value::as_object_mut);
        let Some(issuer) = issuer else {
            return Err(RecordError::NotAnUnsignedRecord("issuer is not an object".into()));
        };
        issuer.insert("id".into(), Value::String(signer));
    }
    data_integrity::prepare(&unsigned, public_key, created).map_err(RecordError::Sign)
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
            .chain(entry.not_observed.iter())
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
