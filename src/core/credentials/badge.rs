//! Deelcertificaten: for each learning outcome the examinator decided *behaald*, an Open Badges
//! 3.0 `AchievementCredential` (1EdTech OB 3.0, a W3C VC 2.0) to the student, signed by the
//! examinator with `eddsa-rdfc-2022`, the Data Integrity suite OB 3.0 verifiers accept.
//!
//! Each leeruitkomst of a framework is an OB 3.0 `Achievement` whose id is derived from the
//! framework's id and the outcome's, so two badges for the same outcome name the same
//! achievement. The badge names the record and the decision it rests on as `evidence`, each by
//! id and `digestMultibase`, so a reader can check it against exactly those documents.

use serde_json::{json, Map, Value};

use super::baking::{bake, looks_like_svg, unbake, BadgeImage, UnbakeError, SVG_LIMIT};
use super::decision::{OutcomeResult, VerifiedDecision};
use super::{digest_multibase, CredentialProblem, VerifiedCredential};
use crate::core::crypto::data_integrity::SignError;
use crate::core::crypto::did_key;
use crate::core::crypto::did_web::DidWeb;
use crate::core::crypto::eddsa_rdfc::{self, RdfcProofError};
use crate::core::crypto::jsonld::{Contexts, CREDENTIALS_V2_URL};
use crate::core::framework::case::alignment::{level_alignment, outcome_alignments};
use crate::core::framework::score::Score;
use crate::core::framework::{Framework, LearningOutcome};
use crate::core::json;
use crate::core::record::shape::{is_rfc3339_utc, VC_TYPE};

/// The OB 3.0.3 context, shipped in `schemas/` and never fetched.
pub const OB_CONTEXT_URL: &str = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";
pub const OB_CONTEXT_JSON: &str = include_str!("../../../schemas/ob-v3p0-context-3.0.3.json");
pub const BADGE_CONTEXT: [&str; 2] = [CREDENTIALS_V2_URL, OB_CONTEXT_URL];
pub const OPEN_BADGE_TYPE: &str = "OpenBadgeCredential";
/// OB 3.0 names the same class `AchievementCredential` too; a verifier accepts either.
pub const ACHIEVEMENT_CREDENTIAL_TYPE: &str = "AchievementCredential";
/// A deelcertificaat is a micro-credential in OB 3.0's `AchievementType` enumeration.
pub const ACHIEVEMENT_TYPE: &str = "MicroCredential";

/// The stable id of a learning outcome as an achievement: the same framework and outcome give
/// the same URN, whoever issues it.
pub fn achievement_id(framework_id: &str, outcome_id: &str) -> String {
    format!("urn:leeruitkomsten:achievement:{}:{}", urn_part(framework_id), urn_part(outcome_id))
}

/// Keeps ids that are already plain (letters, digits, `-._`) as they are and percent-encodes
/// anything else, so that no id can break out of its part of the URN.
fn urn_part(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The outcome's short code as the interface shows it ("LU1", "VC a"), or its id.
pub fn outcome_code(outcome: &LearningOutcome) -> &str {
    outcome.code.as_deref().unwrap_or(&outcome.id)
}

/// The criteria: the outcome's gedragsindicatoren, each exactly as the framework words it, one
/// Markdown list item each (OB 3.0 narratives are Markdown).
pub fn criteria_narrative(outcome: &LearningOutcome) -> String {
    let mut narrative = String::from(
        "Behaald wanneer de examinator, op advies van de praktijkbeoordelaar, vaststelt dat de \
         student deze gedragsindicatoren in de praktijk laat zien:\n",
    );
    for indicator in &outcome.indicators {
        narrative.push_str("\n- ");
        narrative.push_str(&indicator.text);
    }
    narrative
}

fn result_description_id(achievement: &str) -> String {
    format!("{achievement}:resultDescription")
}

fn level_id(achievement: &str, value: u8) -> String {
    format!("{achievement}:level:{value}")
}

/// The NLQF level where the framework's `level` states one ("NLQF 6, hbo bachelor: …").
pub fn nlqf_level(framework: &Framework) -> Option<&str> {
    let rest = framework.level.as_deref()?.strip_prefix("NLQF ")?;
    let digits = rest.find(|c: char| !c.is_ascii_digit()).map_or(rest, |end| &rest[..end]);
    (!digits.is_empty()).then_some(digits)
}

/// One learning outcome as an OB 3.0 `Achievement`.
pub fn achievement(framework: &Framework, outcome: &LearningOutcome) -> Value {
    let id = achievement_id(&framework.id, &outcome.id);
    let levels: Vec<Value> = framework
        .scale
        .levels
        .iter()
        .map(|level| {
            let mut criterion_level = json!({
                "id": level_id(&id, level.value),
                "type": ["RubricCriterionLevel"],
                "name": level.label,
                "description": level.description,
                "level": level.symbol,
                "points": level.value.to_string(),
            });
            // The same level as the CASE package's CFRubricCriterionLevel, so a reader of the
            // badge finds the rubric cell the published framework describes.
            let aligned = level_alignment(framework, &outcome.id, level.value)
                .and_then(|a| serde_json::to_value(a).ok());
            if let (Some(aligned), Some(object)) = (aligned, criterion_level.as_object_mut()) {
                object.insert("alignment".into(), Value::Array(vec![aligned]));
            }
            criterion_level
        })
        .collect();
    let mut achievement = json!({
        "id": id,
        "type": ["Achievement"],
        "achievementType": ACHIEVEMENT_TYPE,
        "name": outcome.title,
        "description": outcome.description,
        "humanCode": outcome_code(outcome),
        "criteria": {"narrative": criteria_narrative(outcome)},
        "resultDescription": [{
            "id": result_description_id(&id),
            "type": ["ResultDescription"],
            "name": format!("Beoordelingsschaal ({})", framework.scale.source),
            "resultType": "RubricCriterionLevel",
            "rubricCriterionLevel": levels,
        }],
        "fieldOfStudy": framework.title,
        "version": framework.version,
        "inLanguage": framework.language,
    });
    // The leeruitkomst's CFItem and CFRubricCriterion in the framework's CASE package, by the
    // identifiers the CASE export writes.
    let mut alignments: Vec<Value> = outcome_alignments(framework, &outcome.id)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|a| serde_json::to_value(a).ok())
        .collect();
    if let Some(level) = nlqf_level(framework) {
        // OB 3.0 has no level field; the EQF/NLQF level is an alignment (as edubadges does).
        alignments.push(json!({
            "type": ["Alignment"],
            "targetName": framework.level,
            "targetFramework": "NLQF",
            "targetCode": level,
            "targetUrl": "https://www.nlqf.nl/",
        }));
    }
    if let (false, Some(object)) = (alignments.is_empty(), achievement.as_object_mut()) {
        object.insert("alignment".into(), Value::Array(alignments));
    }
    achievement
}

/// What issuing needs besides the decision.
pub struct BadgeIssue<'a> {
    /// The hogeschool's name as the examinator typed it: the issuer profile's name.
    pub hogeschool: &'a str,
    /// RFC 3339 UTC: `validFrom` and the proof's `created`.
    pub time: &'a str,
    /// The hogeschool's did:web, when it publishes one: then it is the issuer, and the proof
    /// names this key as a method under it. Without one the issuer is the key's did:key.
    pub did_web: Option<&'a DidWeb>,
}

/// Why no badges could be issued.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BadgeIssueError {
    /// The issuer profile needs the hogeschool's name.
    NoHogeschool,
    /// The decision was signed by another key than the one that would sign the badges.
    NotTheDecisionsSigner,
    /// The decision is for another framework than the one given.
    OtherFramework,
    /// Nothing was decided *behaald*.
    NothingAchieved,
    Sign(RdfcProofError),
}

impl std::fmt::Display for BadgeIssueError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BadgeIssueError::NoHogeschool => write!(f, "the hogeschool's name is missing"),
            BadgeIssueError::NotTheDecisionsSigner => {
                write!(f, "the decision was signed with another key")
            }
            BadgeIssueError::OtherFramework => write!(f, "the decision is for another framework"),
            BadgeIssueError::NothingAchieved => write!(f, "no learning outcome is achieved"),
            BadgeIssueError::Sign(e) => write!(f, "{e}"),
        }
    }
}

/// One issued badge, with what the interface shows beside it.
#[derive(Clone, Debug, PartialEq)]
pub struct IssuedBadge {
    pub outcome_id: String,
    pub outcome_code: String,
    pub outcome_title: String,
    pub credential: Value,
}

impl IssuedBadge {
    /// The credential as the downloaded `.json` file holds it.
    pub fn json_text(&self) -> String {
        format!("{:#}\n", self.credential)
    }

    /// The badge image with the credential baked in, as the downloaded `.svg` file holds it.
    pub fn svg_text(&self) -> String {
        let hogeschool =
            self.credential.pointer("/issuer/name").and_then(Value::as_str).unwrap_or_default();
        bake(
            &self.credential,
            &BadgeImage {
                outcome_code: &self.outcome_code,
                outcome_title: &self.outcome_title,
                hogeschool,
            },
        )
    }
}

/// The unsigned `AchievementCredential` for one outcome of a verified decision.
pub fn unsigned_badge(
    decision: &VerifiedDecision,
    decision_digest: &str,
    framework: &Framework,
    outcome: &LearningOutcome,
    issuer: &str,
    issue: &BadgeIssue,
    uuid: &str,
) -> Value {
    let (hogeschool, time) = (issue.hogeschool, issue.time);
    let d = &decision.decision;
    let achievement = achievement(framework, outcome);
    let achievement_urn = achievement_id(&framework.id, &outcome.id);
    let advice = d
        .outcomes
        .iter()
        .find(|o| o.learning_outcome == outcome.id)
        .and_then(|o| o.advice)
        .and_then(Score::value);
    let mut result = json!({
        "type": ["Result"],
        "resultDescription": result_description_id(&achievement_urn),
        "status": "Completed",
    });
    if let (Some(value), Some(object)) = (advice, result.as_object_mut()) {
        // The level the praktijkbeoordelaar advised; the examinator's *behaald* is the status.
        object.insert("achievedLevel".into(), level_id(&achievement_urn, value).into());
    }
    let mut evidence = vec![json!({
        "id": d.record_id,
        "type": ["Evidence"],
        "name": "Beoordeling door de praktijkbeoordelaar",
        "digestMultibase": d.record_digest,
    })];
    if let Some(decision_id) = &decision.credential.id {
        evidence.push(json!({
            "id": decision_id,
            "type": ["Evidence"],
            "name": "Besluit van de examinator",
            "digestMultibase": decision_digest,
        }));
    }
    json!({
        "@context": BADGE_CONTEXT,
        "id": format!("urn:uuid:{uuid}"),
        "type": [VC_TYPE, OPEN_BADGE_TYPE],
        "issuer": {"id": issuer, "type": ["Profile"], "name": hogeschool.trim()},
        "validFrom": time,
        "name": format!("{} {}", outcome_code(outcome), outcome.title),
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [
                {"type": "IdentityObject", "hashed": false, "identityHash": d.student_number,
                 "identityType": "studentId"},
                {"type": "IdentityObject", "hashed": false, "identityHash": d.student_name,
                 "identityType": "name"},
            ],
            "achievement": achievement,
            "result": [result],
        },
        "evidence": evidence,
    })
}

/// Issues a badge for every outcome of `decision` that is *behaald*, in the framework's order.
/// `uuid` gives each credential its id. The signer must be the decision's: the examinator who
/// decided is the one who awards.
pub fn issue_badges(
    decision: &VerifiedDecision,
    signed_decision: &Value,
    framework: &Framework,
    seed: &[u8; 32],
    issue: &BadgeIssue,
    mut uuid: impl FnMut() -> String,
    contexts: &Contexts,
) -> Result<Vec<IssuedBadge>, BadgeIssueError> {
    if issue.hogeschool.trim().is_empty() {
        return Err(BadgeIssueError::NoHogeschool);
    }
    // The decision is always signed with the examinator's did:key; the badges with the same key,
    // as itself or under the hogeschool's did:web.
    let signer = did_key::did_key_from_seed(seed);
    if signer != decision.credential.issuer {
        return Err(BadgeIssueError::NotTheDecisionsSigner);
    }
    let public_key = did_key::public_key_from_seed(seed);
    let (issuer, method) = match issue.did_web {
        Some(did) => (did.did().to_string(), did.verification_method(&public_key)),
        None => (signer, did_key::verification_method_from_public_key(&public_key)),
    };
    if framework.id != decision.decision.framework_id {
        return Err(BadgeIssueError::OtherFramework);
    }
    let decision_digest = digest_multibase(signed_decision)
        .map_err(|_| BadgeIssueError::Sign(RdfcProofError::Sign(SignError::DocumentNotAnObject)))?;
    let mut badges = Vec::new();
    for outcome in framework.learning_outcomes() {
        if decision.decision.result(&outcome.id) != Some(OutcomeResult::Achieved) {
            continue;
        }
        let unsigned =
            unsigned_badge(decision, &decision_digest, framework, outcome, &issuer, issue, &uuid());
        let credential = eddsa_rdfc::sign_as(&unsigned, seed, &method, issue.time, contexts)
            .map_err(BadgeIssueError::Sign)?;
        badges.push(IssuedBadge {
            outcome_id: outcome.id.clone(),
            outcome_code: outcome_code(outcome).to_string(),
            outcome_title: outcome.title.clone(),
            credential,
        });
    }
    if badges.is_empty() {
        return Err(BadgeIssueError::NothingAchieved);
    }
    Ok(badges)
}

/// The file name of a badge: `deelcertificaat-<student number>-<code>.<ext>`, so that a folder
/// of a cohort's badges lists each student's together.
pub fn badge_file_name(outcome_code: &str, student_number: &str, extension: &str) -> String {
    let part = |text: &str| -> String {
        let cleaned: String = text
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_lowercase() } else { '-' })
            .collect();
        cleaned.split('-').filter(|p| !p.is_empty()).collect::<Vec<_>>().join("-")
    };
    format!("deelcertificaat-{}-{}.{extension}", part(student_number), part(outcome_code))
}

/// What a verified badge says, for the verify view and `verify-record`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerifiedBadge {
    pub credential: VerifiedCredential,
    pub name: String,
    pub achievement_id: String,
    pub achievement_name: String,
    /// `humanCode`, where the achievement has one.
    pub outcome_code: Option<String>,
    pub student_name: Option<String>,
    pub student_number: Option<String>,
    /// Record and decision ids the badge rests on.
    pub evidence: Vec<String>,
}

impl VerifiedBadge {
    /// The outcome as a line names it: its code and name.
    pub fn outcome_label(&self) -> String {
        match &self.outcome_code {
            Some(code) => format!("{code} {}", self.achievement_name),
            None => self.achievement_name.clone(),
        }
    }

    /// The student as a line names it: the name and the student number, as far as given.
    pub fn student_label(&self) -> String {
        match (&self.student_name, &self.student_number) {
            (Some(name), Some(number)) => format!("{name} ({number})"),
            (Some(one), None) | (None, Some(one)) => one.clone(),
            (None, None) => "?".into(),
        }
    }
}

/// Why a badge does not verify.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BadgeProblem {
    Credential(CredentialProblem),
    /// The signature could not be checked or is wrong.
    Proof(RdfcProofError),
    /// A field OB 3.0 requires is missing or of the wrong kind (its path).
    Malformed(String),
}

impl std::fmt::Display for BadgeProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BadgeProblem::Credential(e) => write!(f, "{e}"),
            BadgeProblem::Proof(e) => write!(f, "{e}"),
            BadgeProblem::Malformed(path) => write!(f, "{path} is missing or malformed"),
        }
    }
}

/// Whether a JSON document claims to be an Open Badge: what chooses the badge reader.
pub fn is_badge(value: &Value) -> bool {
    value.get("type").and_then(Value::as_array).is_some_and(|types| {
        types.iter().any(|t| {
            t.as_str().is_some_and(|t| t == OPEN_BADGE_TYPE || t == ACHIEVEMENT_CREDENTIAL_TYPE)
        })
    })
}

/// Verifies an Open Badges 3.0 credential: the VC 2.0 + OB 3.0.3 context, the type, the
/// issuer being the signer of a valid `eddsa-rdfc-2022` proof over the shipped contexts, and the
/// fields OB 3.0 requires of the credential, its subject and its achievement.
pub fn verify_badge(value: &Value, contexts: &Contexts) -> Result<VerifiedBadge, BadgeProblem> {
    verify_badge_with(value, contexts, &[])
}

/// As [`verify_badge`], with the DID documents a did:web issuer's key is looked up in.
pub fn verify_badge_with(
    value: &Value,
    contexts: &Contexts,
    did_documents: &[Value],
) -> Result<VerifiedBadge, BadgeProblem> {
    let object =
        value.as_object().ok_or(BadgeProblem::Credential(CredentialProblem::NotAnObject))?;
    let context_ok = object.get("@context").and_then(Value::as_array).is_some_and(|context| {
        context.len() == BADGE_CONTEXT.len()
            && context.iter().zip(BADGE_CONTEXT).all(|(a, b)| a.as_str() == Some(b))
    });
    if !context_ok {
        return Err(BadgeProblem::Credential(CredentialProblem::WrongContext));
    }
    if !is_badge(value)
        || !object
            .get("type")
            .and_then(Value::as_array)
            .is_some_and(|t| t.iter().any(|t| t.as_str() == Some(VC_TYPE)))
    {
        return Err(BadgeProblem::Credential(CredentialProblem::WrongType {
            expected: OPEN_BADGE_TYPE,
        }));
    }
    let issuer = object.get("issuer").and_then(Value::as_object);
    let issuer_id = issuer
        .and_then(|i| i.get("id"))
        .and_then(Value::as_str)
        .or_else(|| object.get("issuer").and_then(Value::as_str))
        .ok_or(BadgeProblem::Credential(CredentialProblem::MissingIssuer))?;
    let issuer_name = issuer.and_then(|i| i.get("name")).and_then(Value::as_str);
    let time = |field: &'static str| match object.get(field) {
        None => Ok(None),
        Some(Value::String(t)) if is_rfc3339_utc(t) => Ok(Some(t.clone())),
        Some(_) => Err(BadgeProblem::Credential(CredentialProblem::BadValidity(field))),
    };
    let valid_from = time("validFrom")?
        .ok_or(BadgeProblem::Credential(CredentialProblem::BadValidity("validFrom")))?;
    let valid_until = time("validUntil")?;
    let name = string(object, "", "name")?;
    let subject = object
        .get("credentialSubject")
        .and_then(Value::as_object)
        .ok_or_else(|| BadgeProblem::Malformed("credentialSubject".into()))?;
    let achievement = subject
        .get("achievement")
        .and_then(Value::as_object)
        .ok_or_else(|| BadgeProblem::Malformed("credentialSubject.achievement".into()))?;
    let at = "credentialSubject.achievement";
    let achievement_id = string(achievement, at, "id")?;
    let achievement_name = string(achievement, at, "name")?;
    string(achievement, at, "description")?;
    if !achievement.get("criteria").is_some_and(Value::is_object) {
        return Err(BadgeProblem::Malformed(format!("{at}.criteria")));
    }
    let identity = |kind: &str| {
        subject.get("identifier").and_then(Value::as_array).and_then(|ids| {
            ids.iter().find_map(|id| {
                (id.get("identityType").and_then(Value::as_str) == Some(kind)
                    && id.get("hashed") == Some(&Value::Bool(false)))
                .then(|| id.get("identityHash").and_then(Value::as_str).map(str::to_string))
                .flatten()
            })
        })
    };
    let evidence = match object.get("evidence") {
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|e| e.get("id").and_then(Value::as_str))
            .map(String::from)
            .collect(),
        _ => Vec::new(),
    };
    let proof =
        eddsa_rdfc::verify_with(value, contexts, did_documents).map_err(BadgeProblem::Proof)?;
    if proof.did != issuer_id {
        return Err(BadgeProblem::Credential(CredentialProblem::IssuerNotSigner {
            issuer: issuer_id.to_string(),
            signer: proof.did,
        }));
    }
    Ok(VerifiedBadge {
        credential: VerifiedCredential {
            id: object.get("id").and_then(Value::as_str).map(str::to_string),
            issuer: issuer_id.to_string(),
            issuer_name: issuer_name.map(str::to_string),
            valid_from,
            valid_until,
            proof,
        },
        name,
        achievement_id,
        achievement_name,
        outcome_code: achievement.get("humanCode").and_then(Value::as_str).map(str::to_string),
        student_name: identity("name"),
        student_number: identity("studentId"),
        evidence,
    })
}

/// Why a file could not be read as a badge.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BadgeReadError {
    /// An SVG without a readable baked credential.
    Unbake(UnbakeError),
    /// A `.json` file that is not JSON.
    NotJson(String),
    /// The shipped contexts did not load (a build fault, said rather than hidden).
    Contexts(String),
    Badge(BadgeProblem),
}

impl std::fmt::Display for BadgeReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            BadgeReadError::Unbake(e) => write!(f, "{e}"),
            BadgeReadError::NotJson(e) => write!(f, "not JSON: {e}"),
            BadgeReadError::Contexts(e) => write!(f, "the app's JSON-LD contexts: {e}"),
            BadgeReadError::Badge(e) => write!(f, "{e}"),
        }
    }
}

/// Whether a file's bytes are a badge rather than a record: a baked SVG, or JSON whose `type`
/// names an Open Badge.
pub fn looks_like_badge(bytes: &[u8]) -> bool {
    looks_like_svg(bytes) || json::parse_bytes(bytes, SVG_LIMIT).is_ok_and(|value| is_badge(&value))
}

/// Reads and verifies a badge file, `.json` or baked `.svg`; returns the credential with what it
/// says.
pub fn read_badge(bytes: &[u8]) -> Result<(Value, VerifiedBadge), BadgeReadError> {
    read_badge_with(bytes, &[])
}

/// As [`read_badge`], with the DID documents a did:web issuer's key is looked up in.
pub fn read_badge_with(
    bytes: &[u8],
    did_documents: &[Value],
) -> Result<(Value, VerifiedBadge), BadgeReadError> {
    let value = if looks_like_svg(bytes) {
        unbake(bytes).map_err(BadgeReadError::Unbake)?
    } else {
        json::parse_bytes(bytes, SVG_LIMIT).map_err(|e| BadgeReadError::NotJson(e.to_string()))?
    };
    let contexts = Contexts::shipped().map_err(|e| BadgeReadError::Contexts(e.to_string()))?;
    let verified =
        verify_badge_with(&value, &contexts, did_documents).map_err(BadgeReadError::Badge)?;
    Ok((value, verified))
}

fn string(object: &Map<String, Value>, path: &str, name: &str) -> Result<String, BadgeProblem> {
    object.get(name).and_then(Value::as_str).map(str::to_string).ok_or_else(|| {
        BadgeProblem::Malformed(if path.is_empty() {
            name.to_string()
        } else {
            format!("{path}.{name}")
        })
    })
}

#[cfg(test)]
#[path = "badge_tests.rs"]
mod tests;
