//! Signing an assessment: from the form's state to the final record the assessor downloads.

use crate::core::assessment::{Assessment, Signed};
use crate::core::crypto::signing_key::SigningKey;
use crate::core::framework::hashed::HashedFramework;
use crate::core::record::{build_record, sign_record, RecordError};

/// The signed record of `assessment`, ready to be kept with it (`Action::Seal`) and downloaded.
/// `created` is the browser's clock as RFC 3339 UTC and `record_id` a fresh `urn:uuid:…`: both come
/// from the browser, so this stays a pure function.
pub fn sign_assessment(
    framework: &HashedFramework,
    assessment: &Assessment,
    key: &SigningKey,
    created: &str,
    record_id: &str,
) -> Result<Signed, RecordError> {
    let unsigned = build_record(framework, assessment, created, record_id)?;
    let signed = sign_record(&unsigned, key.seed(), created)?;
    // Indented, so that whoever opens the file can read it; the signature covers the canonical
    // form, which indentation does not change.
    let record = serde_json::to_string_pretty(&signed)
        .map_err(|e| RecordError::NotAnUnsignedRecord(e.to_string()))?;
    Ok(Signed {
        record: record.into(),
        created: created.to_string(),
        signer: key.did().to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::assessment::{Action, MetadataField};
    use crate::core::framework::score::Score;
    use crate::core::record::verify_record;

    #[test]
    fn a_signed_assessment_verifies_and_names_its_signer() {
        let hashed = HashedFramework::default_framework().unwrap();
        let fw = hashed.framework().clone();
        let mut a = Assessment::new(&fw);
        a.apply(&fw, Action::SetScore { indicator: "LU5.5".into(), score: Score::High }).unwrap();
        a.apply(&fw, Action::SetMetadata(MetadataField::StudentNumber, "4812345".into())).unwrap();
        let key = SigningKey::from_seed([3; 32], "2026-11-23T10:00:00Z");
        let created = "2026-11-23T10:15:00.250Z";
        let signed = sign_assessment(
            &hashed,
            &a,
            &key,
            created,
            "urn:uuid:0b7e4c2a-1d3f-4a5b-8c6d-7e8f9a0b1c2d",
        )
        .unwrap();
        assert_eq!(signed.signer, key.did());
        assert_eq!(signed.created, created);
        assert!(signed.record.contains('\n'), "indented for reading");
        let report = verify_record(&signed.record, &[&hashed]);
        assert!(report.is_valid(), "{:?}", report.problems);
        assert_eq!(report.proof.as_ref().unwrap().did, key.did());
        assert_eq!(report.assessment().unwrap().score(&fw, "LU5.5"), Score::High);
    }

    #[test]
    fn a_bad_date_is_refused_before_signing() {
        let hashed = HashedFramework::default_framework().unwrap();
        let fw = hashed.framework().clone();
        let mut a = Assessment::new(&fw);
        a.apply(&fw, Action::SetMetadata(MetadataField::Date, "23-11-2026".into())).unwrap();
        let key = SigningKey::from_seed([3; 32], "2026-11-23T10:00:00Z");
        let result = sign_assessment(&hashed, &a, &key, "2026-11-23T10:15:00Z", "urn:uuid:x");
        assert_eq!(result, Err(RecordError::InvalidAssessmentDate("23-11-2026".into())));
    }
}
