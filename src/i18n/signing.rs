//! Signing an assessment and the signing key: the sign button, the signed notice, why signing
//! failed and why a key backup cannot be imported.

use crate::core::assessment::{Metadata, Mode};
use crate::core::crypto::signing_key::KeyFileError;
use crate::core::record::RecordError;

use super::{local_time, Lang};
use crate::core::zone::Zone;

texts! { SigningTexts, SIGNING_NL, SIGNING_EN {
    incomplete: "Ondertekenen kan nog niet. Vul eerst in wat elk record moet noemen:",
        "You cannot sign yet. First fill in what every record must name:";
    confirm_heading: "Wat je ondertekent", "What you sign";
    signed_by: "Ondertekend door", "Signed by";
    student_self: "de student zelf", "the student themselves";
    assessed: "Beoordeelde student", "Student assessed";
    framework: "Beoordelingskader", "Framework";
    still_open: "Nog niet gescoord", "Not yet scored";
    next_step: "Volgende stap", "Next step";
    saved_where: "Je browser heeft het bewaard bij je downloads (meestal de map Downloads). Vind je het niet, kies dan ‘Record opnieuw downloaden’.",
        "Your browser saved it with your downloads (usually the Downloads folder). If you cannot find it, choose ‘Download the record again’.";
    school_says: "Je hogeschool vraagt:", "Your school asks:";
    share: "Delen…", "Share…";
    share_failed: "Delen lukte niet. Stuur het gedownloade bestand zelf, bijvoorbeeld als bijlage.",
        "Sharing did not work. Send the downloaded file yourself, for example as an attachment.";
    shared: "Het bestand is gedeeld.", "The file has been shared.";
}}

impl Lang {
    pub fn signing_texts(self) -> &'static SigningTexts {
        match self {
            Lang::Nl => &SIGNING_NL,
            Lang::En => &SIGNING_EN,
        }
    }

    /// Who signs, as the confirmation names them: "Karim Haddou, werkbegeleider, Buurtwerk Zuid".
    pub fn signer(self, m: &Metadata) -> String {
        match m.mode {
            Mode::SelfAssessment => self.signing_texts().student_self.to_string(),
            Mode::Assessor => join_filled(&[&m.assessor_name, &m.assessor_role, &m.organisation]),
        }
    }

    /// Whose key the panel shows: "Sleutel van Karim Haddou".
    pub fn key_owner(self, name: &str) -> String {
        match self {
            Lang::Nl => format!("Sleutel van {name}"),
            Lang::En => format!("Key of {name}"),
        }
    }

    /// Whom the record is about: "Sanne de Vries (4812345)".
    pub fn assessed_student(self, m: &Metadata) -> String {
        let (name, number) = (m.student_name.trim(), m.student_number.trim());
        match (name.is_empty(), self) {
            (false, _) => format!("{name} ({number})"),
            (true, Lang::Nl) => format!("studentnummer {number}"),
            (true, Lang::En) => format!("student number {number}"),
        }
    }

    /// What to do with the signed file, named as it was saved.
    pub fn next_step(self, mode: Mode, file: &str) -> String {
        match (mode, self) {
            (Mode::Assessor, Lang::Nl) => format!(
                "Stuur het bestand {file} naar de docent of de hogeschool van de student, zoals de school dat vraagt. Het bestand is het bewijs van je beoordeling; de school controleert de handtekening."
            ),
            (Mode::Assessor, Lang::En) => format!(
                "Send the file {file} to the student's lecturer or school, as the school asks. The file is the evidence of your assessment; the school checks its signature."
            ),
            (Mode::SelfAssessment, Lang::Nl) => format!(
                "Lever het bestand {file} in bij je docent of hogeschool, zoals je opleiding dat vraagt, en geef het aan je praktijkbeoordelaar als die erom vraagt."
            ),
            (Mode::SelfAssessment, Lang::En) => format!(
                "Hand in the file {file} to your lecturer or school, as your programme asks, and give it to your practice assessor if they ask for it."
            ),
        }
    }

    pub fn sign_with_unscored(self, n: usize) -> String {
        match self {
            Lang::Nl => format!("Ondertekenen met {n} open"),
            Lang::En => format!("Sign with {n} open"),
        }
    }

    /// `created` in UTC, shown in the user's `zone`.
    pub fn signed_at(self, created: &str, zone: &Zone, fingerprint: &str) -> String {
        let when = local_time(created, zone);
        match self {
            Lang::Nl => format!("Ondertekend op {when} met sleutel {fingerprint}."),
            Lang::En => format!("Signed on {when} with key {fingerprint}."),
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
            (KeyFileError::NoEd25519, _) => self.texts().no_ed25519.into(),
        }
    }
}

/// The filled parts, joined with commas.
fn join_filled(parts: &[&str]) -> String {
    parts.iter().map(|p| p.trim()).filter(|p| !p.is_empty()).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_confirmation_says_who_signs_for_whom() {
        let mut m = Metadata {
            student_name: "Sanne de Vries".into(),
            student_number: "4812345".into(),
            assessor_name: "Karim Haddou".into(),
            organisation: "Buurtwerk Zuid".into(),
            ..Metadata::default()
        };
        assert_eq!(Lang::Nl.signer(&m), "Karim Haddou, Buurtwerk Zuid");
        assert_eq!(Lang::Nl.assessed_student(&m), "Sanne de Vries (4812345)");
        m.mode = Mode::SelfAssessment;
        assert_eq!(Lang::Nl.signer(&m), "de student zelf");
        assert_eq!(Lang::En.signer(&m), "the student themselves");
        m.student_name = " ".into();
        assert_eq!(Lang::Nl.assessed_student(&m), "studentnummer 4812345");
    }

    #[test]
    fn the_signing_time_is_local() {
        assert_eq!(
            Lang::Nl.signed_at("2026-05-01T09:30:00Z", &Zone::fixed(120), "abcd-efgh"),
            "Ondertekend op 2026-05-01 11:30 met sleutel abcd-efgh."
        );
    }
}
