//! The examinator's decision on one record: per learning outcome *behaald*, *niet behaald* or
//! *niet beoordeeld*, with a motivation, beside the praktijkbeoordelaar's advice. It names the
//! record by id and `digestMultibase`, so it holds for that record exactly as it was received:
//! a record changed after the decision no longer matches it.
//!
//! The praktijkbeoordelaar advises and the examinator decides (*vaststellen*): the advice is
//! copied into the decision so a reader sees where the examinator departed from it, and a
//! departure that the record does not back needs a motivation.

use serde_json::{json, Map, Value};

use super::{digest_multibase, issue, verify_credential, CredentialProblem, IssueError};
use super::{VerifiedCredential, DECISION_TYPE};
use crate::core::assessment::aggregate::summarize;
use crate::core::assessment::file_name_part;
use crate::core::assessment::norm_check::{check, NormStatus};
use crate::core::framework::hashed::HashedFramework;
use crate::core::framework::score::Score;
use crate::core::record::shape::{is_calendar_date, RECORD_CONTEXT, VC_TYPE};
use crate::core::record::RecordReport;

/// What the examinator decided for one learning outcome.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum OutcomeResult {
    Achieved,
    NotAchieved,
    /// Not (yet) decided: where every outcome starts, so nothing is decided by default.
    #[default]
    NotAssessed,
}

impl OutcomeResult {
    pub const ALL: [OutcomeResult; 3] =
        [OutcomeResult::Achieved, OutcomeResult::NotAchieved, OutcomeResult::NotAssessed];

    pub fn as_str(self) -> &'static str {
        match self {
            OutcomeResult::Achieved => "achieved",
            OutcomeResult::NotAchieved => "notAchieved",
            OutcomeResult::NotAssessed => "notAssessed",
        }
    }

    pub fn from_name(text: &str) -> Option<OutcomeResult> {
        OutcomeResult::ALL.into_iter().find(|r| r.as_str() == text)
    }
}

/// One learning outcome: the advice (the record's computed result, `None` while not determined)
/// and the examinator's result with its motivation (empty when none is given).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutcomeDecision {
    pub learning_outcome: String,
    pub advice: Option<Score>,
    pub result: OutcomeResult,
    pub motivation: String,
}

impl OutcomeDecision {
    /// *Niet behaald* always needs a reason; *behaald* needs one where the advice does not carry
    /// it (not determined, or below the norm the assessment was held against).
    pub fn needs_motivation(&self, below_norm: bool) -> bool {
        match self.result {
            OutcomeResult::NotAchieved => true,
            OutcomeResult::Achieved => self.advice.is_none() || below_norm,
            OutcomeResult::NotAssessed => false,
        }
    }

    fn lacks_motivation(&self, below_norm: bool) -> bool {
        self.needs_motivation(below_norm) && self.motivation.trim().is_empty()
    }
}

/// The decision's subject: whose record, which one, and what was decided per outcome.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decision {
    pub record_id: String,
    pub record_digest: String,
    pub student_name: String,
    pub student_number: String,
    pub framework_id: String,
    pub framework_sha256: String,
    /// `YYYY-MM-DD`.
    pub decision_date: String,
    /// Every learning outcome of the framework once, in its order.
    pub outcomes: Vec<OutcomeDecision>,
}

/// What the decision view shows beside each outcome and the rules need, but the decision does not
/// carry: the assessor's feedback and whether the result falls below the record's norm.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OutcomeAdvice {
    pub feedback: Option<String>,
    pub below_norm: bool,
    /// Every indicator of the outcome was marked *niet waargenomen*: there is no advice, and the
    /// view says why rather than "not yet determined".
    pub not_observed: bool,
}

/// A decision being made: kept in storage as it is typed, signed when the examinator is done.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    pub decision: Decision,
    /// The examinator's name, as the signed decision's `issuer.name`.
    pub examinator: String,
    /// One per outcome, in the order of `decision.outcomes`.
    pub advice: Vec<OutcomeAdvice>,
}

/// Why no decision can be started on a record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DraftRefusal {
    /// Only a record that verifies as valid, against a framework the app knows, can be decided on.
    RecordNotValid,
}

/// Why a draft is not signed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SignRefusal {
    NoExaminator,
    /// These learning outcomes need a motivation first.
    MissingMotivations(Vec<String>),
    Issue(IssueError),
}

/// Why a file is not a decision the app accepts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecisionProblem {
    Credential(CredentialProblem),
    /// This member is missing, of the wrong kind, or one the decision does not have.
    Malformed(String),
    /// The framework named is none the app knows.
    UnknownFramework {
        id: String,
    },
    /// The outcomes are not every learning outcome of the framework once each.
    Outcomes,
    /// This outcome's result needs a motivation it lacks.
    MotivationMissing(String),
}

/// Why a decision does not hold for a record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mismatch {
    /// It names another record.
    OtherRecord,
    /// Same id, other digest: the record was changed after the decision.
    RecordChanged,
    OtherFramework,
    /// It names another student than the record does.
    OtherStudent,
}

/// A decision that verified, with who signed it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifiedDecision {
    pub decision: Decision,
    pub credential: VerifiedCredential,
}

impl std::fmt::Display for DecisionProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecisionProblem::Credential(problem) => write!(f, "{problem}"),
            DecisionProblem::Malformed(path) => write!(f, "{path} is missing or malformed"),
            DecisionProblem::UnknownFramework { id } => write!(f, "unknown framework {id}"),
            DecisionProblem::Outcomes => {
                write!(f, "the learning outcomes are not those of the framework, once each")
            }
            DecisionProblem::MotivationMissing(id) => write!(f, "{id} lacks a motivation"),
        }
    }
}

impl Draft {
    /// A new decision on a record that verified as valid, every outcome *niet beoordeeld*.
    /// `digest` is [`digest_multibase`] of the record as received.
    pub fn from_record(
        report: &RecordReport,
        digest: &str,
        today: &str,
    ) -> Result<Draft, DraftRefusal> {
        let (Some(record), Some(framework), true) =
            (&report.record, &report.framework, report.is_valid())
        else {
            return Err(DraftRefusal::RecordNotValid);
        };
        let fw = framework.framework();
        let norms = report.assessment().and_then(|assessment| {
            let level = assessment.norm_level.clone()?;
            check(fw, &level, &summarize(fw, &assessment)).ok()
        });
        let mut outcomes = Vec::new();
        let mut advice = Vec::new();
        for outcome in fw.learning_outcomes() {
            let result = record.aggregates.learning_outcomes.get(&outcome.id);
            outcomes.push(OutcomeDecision {
                learning_outcome: outcome.id.clone(),
                advice: result.and_then(|a| a.result.as_ref()).and_then(|r| r.score()),
                result: OutcomeResult::NotAssessed,
                motivation: String::new(),
            });
            let below = norms
                .as_ref()
                .and_then(|n| n.outcome(&outcome.id))
                .is_some_and(|o| o.status == NormStatus::Below);
            let feedback = record
                .learning_outcomes
                .iter()
                .find(|o| o.id == outcome.id)
                .and_then(|o| o.feedback.clone());
            let not_observed =
                result.is_some_and(|a| a.total > 0 && a.not_observed == Some(a.total));
            advice.push(OutcomeAdvice { feedback, below_norm: below, not_observed });
        }
        Ok(Draft {
            decision: Decision {
                record_id: record.id.clone(),
                record_digest: digest.to_string(),
                student_name: record.subject.name.clone(),
                student_number: record.subject.student_number.clone(),
                framework_id: fw.id.clone(),
                framework_sha256: framework.sha256().to_string(),
                decision_date: today.to_string(),
                outcomes,
            },
            examinator: String::new(),
            advice,
        })
    }

    fn below_norm(&self, index: usize) -> bool {
        self.advice.get(index).is_some_and(|a| a.below_norm)
    }

    /// The learning outcomes whose result needs a motivation they lack.
    pub fn missing_motivations(&self) -> Vec<String> {
        let outcomes = self.decision.outcomes.iter().enumerate();
        outcomes
            .filter(|(i, o)| o.lacks_motivation(self.below_norm(*i)))
            .map(|(_, o)| o.learning_outcome.clone())
            .collect()
    }

    /// Whether this outcome's motivation is required with the result chosen now.
    pub fn needs_motivation(&self, index: usize) -> bool {
        self.decision
            .outcomes
            .get(index)
            .is_some_and(|o| o.needs_motivation(self.below_norm(index)))
    }

    /// Takes the advice over: *behaald* where the result is determined and not below the norm,
    /// *niet beoordeeld* where it is not determined; below the norm stays for the examinator.
    /// Returns whether anything changed.
    pub fn take_advice(&mut self, index: usize) -> bool {
        let below = self.below_norm(index);
        let Some(outcome) = self.decision.outcomes.get_mut(index) else { return false };
        let result = match (outcome.advice, below) {
            (Some(_), false) => OutcomeResult::Achieved,
            (None, _) => OutcomeResult::NotAssessed,
            (Some(_), true) => return false,
        };
        let changed = outcome.result != result;
        outcome.result = result;
        changed
    }

    /// The unsigned decision VC, issued by the examinator at `time` with id `urn:uuid:<uuid>`.
    pub fn unsigned(&self, uuid: &str, time: &str) -> Value {
        json!({
            "@context": RECORD_CONTEXT,
            "id": format!("urn:uuid:{uuid}"),
            "type": [VC_TYPE, DECISION_TYPE],
            "issuer": {"name": self.examinator.trim()},
            "validFrom": time,
            "credentialSubject": self.decision.subject(),
        })
    }

    /// Signs the decision with the examinator's key, once every rule is met.
    pub fn sign(
        &self,
        seed: &[u8; 32],
        uuid: &str,
        time: &str,
        today: &str,
    ) -> Result<Value, SignRefusal> {
        if self.examinator.trim().is_empty() {
            return Err(SignRefusal::NoExaminator);
        }
        let missing = self.missing_motivations();
        if !missing.is_empty() {
            return Err(SignRefusal::MissingMotivations(missing));
        }
        let mut dated = self.clone();
        dated.decision.decision_date = today.to_string();
        issue(&dated.unsigned(uuid, time), seed, time).map_err(SignRefusal::Issue)
    }

    /// The draft as kept in storage: the subject as the decision will carry it, plus what only
    /// the view needs.
    pub fn to_stored(&self) -> Value {
        let advice: Vec<Value> = self
            .advice
            .iter()
            .map(|a| {
                let mut kept = json!({"feedback": a.feedback, "belowNorm": a.below_norm});
                // Written only when set, so drafts read the same by an app from before it.
                if let (true, Some(map)) = (a.not_observed, kept.as_object_mut()) {
                    map.insert("notObserved".into(), Value::Bool(true));
                }
                kept
            })
            .collect();
        json!({
            "version": 1,
            "examinator": self.examinator,
            "credentialSubject": self.decision.subject(),
            "advice": advice,
        })
    }

    /// A kept draft; `None` for anything else, which is then left where it is.
    pub fn from_stored(value: &Value) -> Option<Draft> {
        let object = value.as_object()?;
        if object.get("version")? != 1 {
            return None;
        }
        let decision = Decision::from_subject(object.get("credentialSubject")?).ok()?;
        let advice: Vec<OutcomeAdvice> = object
            .get("advice")?
            .as_array()?
            .iter()
            .map(|a| {
                Some(OutcomeAdvice {
                    feedback: match a.get("feedback")? {
                        Value::Null => None,
                        other => Some(other.as_str()?.to_string()),
                    },
                    below_norm: a.get("belowNorm")?.as_bool()?,
                    not_observed: match a.get("notObserved") {
                        None => false,
                        Some(flag) => flag.as_bool()?,
                    },
                })
            })
            .collect::<Option<_>>()?;
        (advice.len() == decision.outcomes.len()).then_some(Draft {
            decision,
            examinator: object.get("examinator")?.as_str()?.to_string(),
            advice,
        })
    }

    /// `besluit-<studentnummer>-<naam>-<datum>.json`, safe as a file name like the record's.
    pub fn file_name(&self, date: &str) -> String {
        let d = &self.decision;
        let number = file_name_part(&d.student_number, 32);
        let number = if number.is_empty() { "zonder-nummer".to_string() } else { number };
        let parts = [
            "besluit".to_string(),
            number,
            file_name_part(&d.student_name, 40),
            file_name_part(date, 10),
        ];
        let parts: Vec<&str> = parts.iter().map(String::as_str).filter(|p| !p.is_empty()).collect();
        format!("{}.json", parts.join("-"))
    }
}

impl Decision {
    fn subject(&self) -> Value {
        let outcomes: Vec<Value> = self
            .outcomes
            .iter()
            .map(|o| {
                let advice =
                    o.advice.and_then(|s| Some(json!({"symbol": s.symbol(), "value": s.value()?})));
                json!({
                    "learningOutcome": o.learning_outcome,
                    "advice": advice,
                    "result": o.result.as_str(),
                    "motivation": o.motivation.trim(),
                })
            })
            .collect();
        json!({
            "name": self.student_name,
            "studentNumber": self.student_number,
            "decision": {
                "record": {"id": self.record_id, "digestMultibase": self.record_digest},
                "framework": {"id": self.framework_id, "sha256": self.framework_sha256},
                "decisionDate": self.decision_date,
                "learningOutcomes": outcomes,
            }
        })
    }

    /// Reads a subject strictly: exactly the members the app writes, each of its kind.
    fn from_subject(subject: &Value) -> Result<Decision, DecisionProblem> {
        let s =
            members(Some(subject), "credentialSubject", &["name", "studentNumber", "decision"])?;
        let d = members(
            s.get("decision"),
            "credentialSubject.decision",
            &["record", "framework", "decisionDate", "learningOutcomes"],
        )?;
        let path = "credentialSubject.decision.record";
        let record = members(d.get("record"), path, &["id", "digestMultibase"])?;
        let path = "credentialSubject.decision.framework";
        let framework = members(d.get("framework"), path, &["id", "sha256"])?;
        let date = text(d, "credentialSubject.decision", "decisionDate")?;
        if !is_calendar_date(&date) {
            return Err(DecisionProblem::Malformed(
                "credentialSubject.decision.decisionDate".into(),
            ));
        }
        let path = "credentialSubject.decision.learningOutcomes";
        let list = d.get("learningOutcomes").and_then(Value::as_array);
        let outcomes = list
            .ok_or_else(|| DecisionProblem::Malformed(path.into()))?
            .iter()
            .enumerate()
            .map(|(i, o)| outcome(o, &format!("{path}[{i}]")))
            .collect::<Result<Vec<_>, _>>()?;
        let path = "credentialSubject.decision.record";
        let digest = text(record, path, "digestMultibase")?;
        if !digest.starts_with('u') {
            return Err(malformed(path, "digestMultibase"));
        }
        Ok(Decision {
            record_id: text(record, path, "id")?,
            record_digest: digest,
            student_name: text(s, "credentialSubject", "name")?,
            student_number: text(s, "credentialSubject", "studentNumber")?,
            framework_id: text(framework, "credentialSubject.decision.framework", "id")?,
            framework_sha256: text(framework, "credentialSubject.decision.framework", "sha256")?,
            decision_date: date,
            outcomes,
        })
    }

    /// Whether this decision holds for a record: the same id, the record unchanged since (the
    /// same digest), and the same framework.
    pub fn check_against(
        &self,
        record_id: &str,
        record_digest: &str,
        framework_sha256: &str,
    ) -> Result<(), Mismatch> {
        if self.record_id != record_id {
            Err(Mismatch::OtherRecord)
        } else if self.record_digest != record_digest {
            Err(Mismatch::RecordChanged)
        } else if self.framework_sha256 != framework_sha256 {
            Err(Mismatch::OtherFramework)
        } else {
            Ok(())
        }
    }

    /// Whether it names the student the record names: the digest pins the record, and a decision
    /// that says another name beside it contradicts itself.
    pub fn check_student(&self, name: &str, student_number: &str) -> Result<(), Mismatch> {
        if self.student_name == name && self.student_number == student_number {
            Ok(())
        } else {
            Err(Mismatch::OtherStudent)
        }
    }

    pub fn result(&self, learning_outcome: &str) -> Option<OutcomeResult> {
        self.outcomes.iter().find(|o| o.learning_outcome == learning_outcome).map(|o| o.result)
    }
}

/// Verifies a decision: the credential (context, type, proof, issuer), then its subject strictly,
/// with every learning outcome of a framework the app knows exactly once, and every result that
/// needs a motivation having one.
pub fn read_decision(
    value: &Value,
    known: &[&HashedFramework],
) -> Result<VerifiedDecision, DecisionProblem> {
    let credential =
        verify_credential(value, DECISION_TYPE).map_err(DecisionProblem::Credential)?;
    let object = value.as_object().ok_or(DecisionProblem::Malformed("".into()))?;
    let allowed = ["@context", "id", "type", "issuer", "validFrom", "credentialSubject", "proof"];
    if let Some(extra) = object.keys().find(|k| !allowed.contains(&k.as_str())) {
        return Err(DecisionProblem::Malformed(extra.clone()));
    }
    let decision = Decision::from_subject(object.get("credentialSubject").unwrap_or(&Value::Null))?;
    let framework = known
        .iter()
        .find(|f| {
            f.framework().id == decision.framework_id && f.sha256() == decision.framework_sha256
        })
        .ok_or_else(|| DecisionProblem::UnknownFramework { id: decision.framework_id.clone() })?;
    let expected: Vec<&str> =
        framework.framework().learning_outcomes().map(|o| o.id.as_str()).collect();
    let got: Vec<&str> = decision.outcomes.iter().map(|o| o.learning_outcome.as_str()).collect();
    if expected != got {
        return Err(DecisionProblem::Outcomes);
    }
    // Whether a result was below the norm is the record's to say; what the decision itself shows
    // (a result without advice, *niet behaald*) must carry its motivation.
    if let Some(o) = decision.outcomes.iter().find(|o| o.lacks_motivation(false)) {
        return Err(DecisionProblem::MotivationMissing(o.learning_outcome.clone()));
    }
    Ok(VerifiedDecision { decision, credential })
}

/// The digest by which a decision names `record`, as received.
pub fn record_digest(record: &Value) -> Option<String> {
    digest_multibase(record).ok()
}

fn members<'v>(
    value: Option<&'v Value>,
    path: &str,
    names: &[&str],
) -> Result<&'v Map<String, Value>, DecisionProblem> {
    let object = value.and_then(Value::as_object).ok_or_else(|| malformed(path, ""))?;
    if let Some(name) = names.iter().find(|n| !object.contains_key(**n)) {
        return Err(malformed(path, name));
    }
    if let Some(extra) = object.keys().find(|k| !names.contains(&k.as_str())) {
        return Err(malformed(path, extra));
    }
    Ok(object)
}

fn text(object: &Map<String, Value>, path: &str, name: &str) -> Result<String, DecisionProblem> {
    object
        .get(name)
        .and_then(Value::as_str)
        .map(str::to_string)
        .ok_or_else(|| malformed(path, name))
}

fn malformed(path: &str, name: &str) -> DecisionProblem {
    DecisionProblem::Malformed(if name.is_empty() {
        path.to_string()
    } else {
        format!("{path}.{name}")
    })
}

fn outcome(value: &Value, path: &str) -> Result<OutcomeDecision, DecisionProblem> {
    let o = members(Some(value), path, &["learningOutcome", "advice", "result", "motivation"])?;
    let advice = match o.get("advice") {
        Some(Value::Null) => None,
        advice => {
            let a = members(advice, &format!("{path}.advice"), &["symbol", "value"])?;
            let symbol = a.get("symbol").and_then(Value::as_str).and_then(Score::from_symbol);
            let value = a.get("value").and_then(Value::as_u64);
            let score = symbol.filter(|s| s.value().map(u64::from) == value && value.is_some());
            Some(score.ok_or_else(|| malformed(path, "advice"))?)
        }
    };
    let result = o.get("result").and_then(Value::as_str).and_then(OutcomeResult::from_name);
    Ok(OutcomeDecision {
        learning_outcome: text(o, path, "learningOutcome")?,
        advice,
        result: result.ok_or_else(|| malformed(path, "result"))?,
        motivation: text(o, path, "motivation")?,
    })
}

#[cfg(test)]
#[path = "decision_tests.rs"]
mod tests;
