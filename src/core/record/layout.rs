//! The two layouts of one content: the flat object of versions 1 and 2, and the W3C Verifiable
//! Credential 2.0 of version 3, which wraps the same members so that the aggregation checks, the
//! cohort and the comparison read every version alike.

use serde::{Serialize, Serializer};

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

impl Serialize for AssessmentRecord {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if is_credential_version(&self.schema_version) {
            Credential::of(self).serialize(serializer)
        } else {
            Flat::of(self).serialize(serializer)
        }
    }
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

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Credential<'a> {
    #[serde(rename = "@context")]
    context: [&'static str; 2],
    id: &'a str,
    #[serde(rename = "type")]
    types: [&'a str; 2],
    schema_version: &'a str,
    issuer: Issuer<'a>,
    valid_from: &'a str,
    credential_subject: CredentialSubject<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    proof: Option<&'a Proof>,
}

/// The assessor as the credential's issuer: the key that signs, and the name the form gave.
#[derive(Serialize)]
struct Issuer<'a> {
    /// Absent only before signing, which sets it to the signer's did:key.
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a str>,
    name: &'a str,
}

/// The student, with the assessment of them. No `id`: students have no identifier of their own
/// that the record could name.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct CredentialSubject<'a> {
    name: &'a str,
    student_number: &'a str,
    assessment: Assessment<'a>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Assessment<'a> {
    app: &'a AppInfo,
    framework: &'a FrameworkInfo,
    assessor: AssessorRole<'a>,
    mode: Mode,
    assessment_date: &'a Option<String>,
    norm_level: &'a Option<String>,
    indicators: &'a [IndicatorRecord],
    learning_outcomes: &'a [OutcomeRecord],
    aggregates: &'a Aggregates,
}

#[derive(Serialize)]
struct AssessorRole<'a> {
    role: &'a str,
    organisation: &'a str,
}

impl<'a> Credential<'a> {
    fn of(r: &'a AssessmentRecord) -> Credential<'a> {
        Credential {
            context: RECORD_CONTEXT,
            id: &r.id,
            types: [VC_TYPE, &r.record_type],
            schema_version: &r.schema_version,
            issuer: Issuer { id: r.issuer.as_deref(), name: &r.assessor.name },
            valid_from: &r.created,
            credential_subject: CredentialSubject {
                name: &r.subject.name,
                student_number: &r.subject.student_number,
                assessment: Assessment {
                    app: &r.app,
                    framework: &r.framework,
                    assessor: AssessorRole {
                        role: &r.assessor.role,
                        organisation: &r.assessor.organisation,
                    },
                    mode: r.mode,
                    assessment_date: &r.assessment_date,
                    norm_level: &r.norm_level,
                    indicators: &r.indicators,
                    learning_outcomes: &r.learning_outcomes,
                    aggregates: &r.aggregates,
                },
            },
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
