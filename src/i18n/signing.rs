//! Signing an assessment and the signing key: the sign button, the signed notice, why signing
//! failed and why a key backup cannot be imported.

use crate::core::crypto::signing_key::KeyFileError;
use crate::core::record::RecordError;

use super::{readable_time, Lang};

impl Lang {
    pub fn sign_with_unscored(self, n: usize) -> String {
        match self {
            Lang::Nl => format!("Ondertekenen met {n} open"),
            Lang::En => format!("Sign with {n} open"),
        }
    }

    pub fn signed_at(self, created: &str, fingerprint: &str) -> String {
        let when = readable_time(created);
        match self {
            Lang::Nl => format!("Ondertekend op {when} (UTC) met sleutel {fingerprint}."),
            Lang::En => format!("Signed on {when} (UTC) with key {fingerprint}."),
        }
    }

    /// Why signing failed; `error` comes from the core.
    pub fn record_error(self, error: &RecordError) -> String {
        match (error, self) {
            (RecordError::InvalidAssessmentDate(date), Lang::Nl) => {
                format!("de datum \"{date}\" is geen geldige datum; vul hem opnieuw in")
            }
            (RecordError::InvalidAssessmentDate(date), Lang::En) => {
                format!("the date \"{date}\" is not a valid date; enter it again")
            }
            (RecordError::TextTooLong { field, limit, .. }, Lang::Nl) => {
                format!("een tekst is langer dan {limit} tekens ({field})")
            }
            (RecordError::TextTooLong { field, limit, .. }, Lang::En) => {
                format!("a text is longer than {limit} characters ({field})")
            }
            (other, Lang::Nl) => format!("interne fout ({other})"),
            (other, Lang::En) => format!("internal error ({other})"),
        }
    }

    pub fn key_file_error(self, error: &KeyFileError) -> String {
        match (error, self) {
            (KeyFileError::DidMismatch, Lang::Nl) => {
                "het bestand is veranderd: de geheime sleutel hoort niet bij de did:key erin".into()
            }
            (KeyFileError::DidMismatch, Lang::En) => {
                "the file has been altered: the secret key does not belong to its did:key".into()
            }
            (KeyFileError::UnknownVersion(v), Lang::Nl) => {
                format!("onbekende versie \"{v}\" van het sleutelbestand")
            }
            (KeyFileError::UnknownVersion(v), Lang::En) => {
                format!("unknown version \"{v}\" of the key file")
            }
            (KeyFileError::TooLarge, Lang::Nl) => {
                "het bestand is te groot voor een sleutelback-up".into()
            }
            (KeyFileError::TooLarge, Lang::En) => "the file is too large for a key backup".into(),
            (KeyFileError::NotJson, Lang::Nl) => {
                "dit is geen sleutelback-up van deze app (het bestand is geen JSON)".into()
            }
            (KeyFileError::NotJson, Lang::En) => {
                "this is not a key backup of this app (the file is not JSON)".into()
            }
            (KeyFileError::NotAKeyFile(member), Lang::Nl) => format!(
                "dit is geen sleutelback-up van deze app (het veld \"{member}\" ontbreekt of klopt niet)"
            ),
            (KeyFileError::NotAKeyFile(member), Lang::En) => format!(
                "this is not a key backup of this app (the member \"{member}\" is missing or wrong)"
            ),
            (KeyFileError::MalformedSecret(_), Lang::Nl) => {
                "de geheime sleutel in het bestand is onleesbaar".into()
            }
            (KeyFileError::MalformedSecret(e), Lang::En) => {
                format!("the secret key in the file is unreadable ({e})")
            }
        }
    }
}
