//! Signing an assessment: from the form's state to the final record the assessor downloads.

use crate::core::assessment::{Assessment, Signed};
use crate::core::crypto::data_integrity::{ed25519_sign, ToSign, SIGNATURE_LENGTH};
use crate::core::crypto::signing_key::SigningKey;
use crate::core::framework::hashed::HashedFramework;
use crate::core::record::{build_record, prepare_record, RecordError};

/// The signed record of `assessment`, ready to be kept with it (`Action::Seal`) and downloaded.
/// `created` is the browser's clock as RFC 3339 UTC and `record_id` a fresh `urn:uuid:…`: both come
/// from the browser, so this stays a pure function. Signs with the Rust Ed25519.
pub fn sign_assessment(
    framework: &HashedFramework,
    assessment: &Assessment,
    key: &SigningKey,
    created: &str,
    record_id: &str,
) -> Result<Signed, RecordError> {
    let pending = prepare_assessment(framework, assessment, key, created, record_id)?;
    let signature = ed25519_sign(key.seed(), &pending.to_sign.message);
    pending.finish(&signature)
}

/// An assessment's record made and waiting for its signature: the form's page has the browser's
/// Ed25519 sign `to_sign.message`, which answers later.
#[derive(Clone, Debug, PartialEq)]
pub struct PendingRecord {
    pub to_sign: ToSign,
    pub created: String,
    pub signer: String,
}

/// [`sign_assessment`] up to the signature.
pub fn prepare_assessment(
    framework: &HashedFramework,
    assessment: &Assessment,
    key: &SigningKey,
    created: &str,
    record_id: &str,
) -> Result<PendingRecord, RecordError> {
    let unsigned = build_record(framework, assessment, created, record_id)?;
    let to_sign = prepare_record(&unsigned, key.public_key(), created)?;
    Ok(PendingRecord { to_sign, created: created.to_string(), signer: key.did().to_string() })
}

impl PendingRecord {
    /// The record with `signature` in its proof.
    pub fn finish(self, signature: &[u8; SIGNATURE_LENGTH]) -> Result<Signed, RecordError> {
        let signed = self.to_sign.finish(signature);
        // Indented, so that whoever opens the file can read it; the signature covers the
        // canonical form, which indentation does not change.
        let record = serde_json::to_string_pretty(&signed)
            .map_err(|e| RecordError::NotAnUnsignedRecord(e.to_string()))?;
        Ok(Signed { record: record.into(), created: self.created, signer: self.signer })
    }
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
