//! The two layouts of one content: the flat object of versions 1 and 2, and the W3C Verifiable
//! Credential 2.0 of versions 3 and 4 (4 may name an invitation in `credentialSubject`), which wraps the same members so that the aggregation checks, the
//! cohort and the comparison read every version alike.

use serde::ser::Error as _;
use serde::{Serialize, Serializer};
use serde_json::{Map, Value};

use crate::core::assessment::Mode;
use crate::core::record::shape::{
    Aggregates, AppInfo, AssessmentRecord, Assessor, FrameworkInfo, IndicatorRecord, OutcomeRecord,
    Proof, Subject, RECORD_CONTEXT, VC_TYPE,
};

/// Whether a record of this version is written as a credential. Versions 1 and 2 are not; any
/// other, known or not, is read as one, so it is written as one.
pub fn is_credential_version(schema_version: &str) -> bool {
    !matches!(schema_version, "1" | "2")
}

/// Where a member of the flat layout (`subject.name`, `indicators[3].score`) is in a version 3
/// record, so that a problem found in the content is reported at the path the file has.
pub fn credential_path(flat: &str) -> String {
    let (head, rest) = match flat.find(['.', '[']) {
        Some(at) => flat.split_at(at),
        None => (flat, ""),
    };
    match head {
        "type" | "schemaVersion" | "id" | "proof" | "" => flat.to_string(),
        "created" => format!("validFrom{rest}"),
        "subject" => format!("credentialSubject{rest}"),
        "assessor" if rest == ".name" => "issuer.name".to_string(),
        _ => format!("credentialSubject.assessment.{flat}"),
    }
}

impl AssessmentRecord {
    /// The path of a member of the flat layout in this record's own layout.
    pub fn path_of(&self, flat: &str) -> String {
        if is_credential_version(&self.schema_version) {
            credential_path(flat)
        } else {
            flat.to_string()
        }
    }
}

impl AssessmentRecord {
    /// The record as JSON in the layout of its version. One serializer for the content, whose
    /// members a credential then moves into its places: smaller in the app than a second set of
    /// derived serializers.
    pub fn to_json(&self) -> Result<Value, serde_json::Error> {
        let flat = serde_json::to_value(Flat::of(self))?;
        if is_credential_version(&self.schema_version) {
            let mut credential = credential(flat, self.issuer.as_deref());
            if let (Some(invitation), Some(subject)) = (
                &self.invitation,
                credential.get_mut("credentialSubject").and_then(Value::as_object_mut),
            ) {
                subject.insert("invitation".into(), serde_json::to_value(invitation)?);
            }
            Ok(credential)
        } else {
            Ok(flat)
        }
    }
}

impl Serialize for AssessmentRecord {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.to_json().map_err(S::Error::custom)?.serialize(serializer)
    }
}

/// The flat layout's members in the credential's places; `issuer` is the signer, when known.
fn credential(flat: Value, issuer: Option<&str>) -> Value {
    let Value::Object(mut flat) = flat else {
        return flat;
    };
    let mut take = |key: &str| flat.remove(key).unwrap_or(Value::Null);
    let mut assessor = take("assessor");
    let name = assessor.as_object_mut().and_then(|a| a.remove("name")).unwrap_or(Value::Null);
    let mut by = Map::new();
    if let Some(id) = issuer {
        by.insert("id".into(), id.into());
    }
    by.insert("name".into(), name);
    let mut assessment = Map::new();
    for key in ["app", "framework", "mode", "assessmentDate", "normLevel"] {
        assessment.insert(key.into(), take(key));
    }
    for key in ["indicators", "learningOutcomes", "aggregates"] {
        assessment.insert(key.into(), take(key));
    }
    assessment.insert("assessor".into(), assessor);
    let mut subject = match take("subject") {
        Value::Object(subject) => subject,
        _ => Map::new(),
    };
    subject.insert("assessment".into(), Value::Object(assessment));
    let mut out = Map::new();
    out.insert("@context".into(), RECORD_CONTEXT.iter().map(|c| Value::from(*c)).collect());
    out.insert("id".into(), take("id"));
    out.insert("type".into(), Value::Array(vec![VC_TYPE.into(), take("type")]));
    out.insert("schemaVersion".into(), take("schemaVersion"));
    out.insert("issuer".into(), Value::Object(by));
    out.insert("validFrom".into(), take("created"));
    out.insert("credentialSubject".into(), Value::Object(subject));
    if let Some(proof) = flat.remove("proof") {
        out.insert("proof".into(), proof);
    }
    Value::Object(out)
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Flat<'a> {
    #[serde(rename = "type")]
    record_type: &'a str,
    schema_version: &'a str,
    id: &'a str,
    created: &'a str,
    app: &'a AppInfo,
    framework: &'a FrameworkInfo,
    subject: &'a Subject,
    assessor: &'a Assessor,
    mode: Mode,
    assessment_date: &'a Option<String>,
    /// Version 1 has no such member.
    #[serde(skip_serializing_if = "Option::is_none")]
    norm_level: Option<&'a Option<String>>,
    indicators: &'a [IndicatorRecord],
    learning_outcomes: &'a [OutcomeRecord],
    aggregates: &'a Aggregates,
    #[serde(skip_serializing_if = "Option::is_none")]
    proof: Option<&'a Proof>,
}

impl<'a> Flat<'a> {
    fn of(r: &'a AssessmentRecord) -> Flat<'a> {
        Flat {
            record_type: &r.record_type,
            schema_version: &r.schema_version,
            id: &r.id,
            created: &r.created,
            app: &r.app,
            framework: &r.framework,
            subject: &r.subject,
            assessor: &r.assessor,
            mode: r.mode,
            assessment_date: &r.assessment_date,
            norm_level: (r.schema_version != "1").then_some(&r.norm_level),
            indicators: &r.indicators,
            learning_outcomes: &r.learning_outcomes,
            aggregates: &r.aggregates,
            proof: r.proof.as_ref(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flat_paths_map_to_the_credential() {
        for (flat, credential) in [
            ("", ""),
            ("type", "type"),
            ("id", "id"),
            ("proof.created", "proof.created"),
            ("created", "validFrom"),
            ("subject.name", "credentialSubject.name"),
            ("subject.studentNumber", "credentialSubject.studentNumber"),
            ("assessor.name", "issuer.name"),
            ("assessor.role", "credentialSubject.assessment.assessor.role"),
            ("indicators[3].score", "credentialSubject.assessment.indicators[3].score"),
            ("assessmentDate", "credentialSubject.assessment.assessmentDate"),
            ("framework.sha256", "credentialSubject.assessment.framework.sha256"),
        ] {
            assert_eq!(credential_path(flat), credential, "{flat}");
        }
    }
}
