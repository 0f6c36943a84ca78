//! The saved assessments: their list, deleting one, and backing them up and importing a backup.

use crate::core::library::{BackupError, ImportCounts, MAX_BACKUP_BYTES};

use super::Lang;

texts! { FetchTexts, FETCH_NL, FETCH_EN {
    fetching: "Het kader wordt opgehaald…", "Fetching the framework…";
}}

impl Lang {
    pub fn fetch_texts(self) -> &'static FetchTexts {
        match self {
            Lang::Nl => &FETCH_NL,
            Lang::En => &FETCH_EN,
        }
    }

    /// Why a framework that comes with the app but is fetched on first use did not open.
    pub fn fetch_failed(self, title: &str, reason: &str) -> String {
        match self {
            Lang::Nl => format!("{title} kon niet worden geopend: {reason}. Er is niets verloren; probeer het opnieuw als er verbinding is."),
            Lang::En => format!("{title} could not be opened: {reason}. Nothing was lost; try again when there is a connection."),
        }
    }

    /// "31/42", the start screen's progress of one assessment.
    pub fn scored_of(self, scored: usize, total: usize) -> String {
        match self {
            Lang::Nl => format!("{scored}/{total} gescoord"),
            Lang::En => format!("{scored}/{total} scored"),
        }
    }

    pub fn delete_warning(self, name: &str) -> String {
        match self {
            Lang::Nl => format!("De beoordeling van {name} verwijderen uit deze browser?"),
            Lang::En => format!("Delete the assessment of {name} from this browser?"),
        }
    }

    /// After *Kopie maken*: the copy looks like its original, so the list says which it is.
    pub fn copy_made(self, name: &str) -> String {
        match self {
            Lang::Nl => format!(
                "Kopie gemaakt van de beoordeling van {name}: een concept, bovenaan de lijst."
            ),
            Lang::En => {
                format!("Copy made of the assessment of {name}: a draft, at the top of the list.")
            }
        }
    }

    pub fn import_done(self, c: &ImportCounts) -> String {
        match self {
            Lang::Nl => format!(
                "Back-up geïmporteerd: {} nieuw, {} bijgewerkt, {} al gelijk, {} overgeslagen omdat de versie hier nieuwer of ondertekend is.",
                c.added, c.replaced, c.unchanged, c.kept_newer
            ),
            Lang::En => format!(
                "Backup imported: {} new, {} updated, {} already the same, {} skipped because the copy here is newer or signed.",
                c.added, c.replaced, c.unchanged, c.kept_newer
            ),
        }
    }

    pub fn import_partly_failed(self, failed: usize) -> String {
        match self {
            Lang::Nl => format!("{failed} beoordeling(en) konden niet worden bewaard: de opslag is vol of uitgeschakeld. Er is niets overschreven."),
            Lang::En => format!("{failed} assessment(s) could not be saved: storage is full or disabled. Nothing was overwritten."),
        }
    }

    pub fn backup_error(self, error: &BackupError) -> String {
        match (self, error) {
            (Lang::Nl, BackupError::TooLarge { bytes }) => {
                format!("Het bestand is te groot ({bytes} bytes; hooguit {MAX_BACKUP_BYTES}).")
            }
            (Lang::En, BackupError::TooLarge { bytes }) => {
                format!("The file is too large ({bytes} bytes; at most {MAX_BACKUP_BYTES}).")
            }
            (Lang::Nl, BackupError::NotJson) => "Het bestand is geen leesbare JSON.".into(),
            (Lang::En, BackupError::NotJson) => "The file is not readable JSON.".into(),
            (Lang::Nl, BackupError::NotABackup) => {
                "Dit is geen back-up van deze app (misschien een record of sleutelbestand?).".into()
            }
            (Lang::En, BackupError::NotABackup) => {
                "This is not a backup of this app (a record or key file, perhaps?).".into()
            }
            (Lang::Nl, BackupError::SecretKeyFile) => "Dit is geen back-up maar een geheime ondertekensleutel. Is het uw eigen sleutel, importeer die dan bij het ondertekenen; zo niet, geef het bestand niet door en geef het terug aan de eigenaar of verwijder het.".into(),
            (Lang::En, BackupError::SecretKeyFile) => "This is not a backup but a secret signing key. If it is your own key, import it where you sign; if not, do not pass the file on, and give it back to its owner or delete it.".into(),
            (Lang::Nl, BackupError::UnknownVersion(v)) => {
                format!("De back-up heeft versie {v}, die deze versie van de app niet kent.")
            }
            (Lang::En, BackupError::UnknownVersion(v)) => {
                format!("The backup has version {v}, which this version of the app does not know.")
            }
            (Lang::Nl, BackupError::Entry { index, .. }) => format!(
                "Beoordeling {} in de back-up is onleesbaar; er is niets geïmporteerd.",
                index + 1
            ),
            (Lang::En, BackupError::Entry { index, .. }) => format!(
                "Assessment {} in the backup is unreadable; nothing was imported.",
                index + 1
            ),
        }
    }
}
