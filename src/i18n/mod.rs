//! Every interface string, in Dutch and English, in one place.
//!
//! Fixed strings are declared once with both translations side by side, so a missing translation is
//! a compile error. Strings with values in them are methods with an exhaustive `match` on the
//! language, which the compiler checks the same way. Framework content is not translated: it shows
//! in the framework's own language.

use crate::core::assessment::aggregate::Tally;
use crate::core::assessment::MAX_TEXT_CHARS;
use crate::core::assessment::{ActionError, MetadataField, Mode};
use crate::core::crypto::data_integrity::{VerifyError, CRYPTOSUITE, PROOF_PURPOSE, PROOF_TYPE};
use crate::core::crypto::did_key::{DidKeyError, KeyKind};
use crate::core::crypto::jcs::JcsError;
use crate::core::crypto::signing_key::KeyFileError;
use crate::core::embed::link_config::{Param, Reason, UrlProblem};
use crate::core::framework::score::Score;
use crate::core::framework::source::LoadFailure;
use crate::core::framework::{Problem, ProblemKind, MAX_FRAMEWORK_BYTES};
use crate::core::library::{BackupError, ImportCounts, MAX_BACKUP_BYTES};
use crate::core::record::{
    AggregateScope, RecordError, RecordProblem, ShapeProblem, MAX_RECORD_ID_CHARS,
};
use crate::core::review::compare::{Agreement, Refusal, Warning};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    Nl,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Nl, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "nl" | "nl-nl" | "nl-be" => Some(Lang::Nl),
            "en" | "en-gb" | "en-us" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::Nl => &NL,
            Lang::En => &EN,
        }
    }
}

/// Declares the table of fixed strings: a struct with a field per string and one static per
/// language.
macro_rules! texts {
    ($table:ident, $nl_static:ident, $en_static:ident { $($name:ident: $nl:expr, $en:expr;)* }) => {
        /// The fixed strings of one language.
        pub struct $table {
            $(pub $name: &'static str,)*
        }

        pub static $nl_static: $table = $table { $($name: $nl,)* };
        pub static $en_static: $table = $table { $($name: $en,)* };

        impl $table {
            /// Every string with its name, for tests that check them all.
            pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($name), self.$name)),*]
            }
        }
    };
}

texts! { Texts, NL, EN {
    app_title: "Leeruitkomsten beoordelen", "Assess learning outcomes";
    switch_language: "English", "Nederlands";
    switch_language_label: "Switch to English", "Schakel naar Nederlands";
    metadata_heading: "Gegevens van de beoordeling", "Assessment details";
    metadata_hint: "Vul in wie er beoordeeld wordt en door wie. Alles wat je invult blijft in deze browser.",
        "Fill in who is assessed and by whom. Everything you enter stays in this browser.";
    student_name: "Naam student", "Student name";
    student_number: "Studentnummer", "Student number";
    assessor_name: "Naam beoordelaar", "Assessor name";
    assessor_role: "Rol beoordelaar", "Assessor role";
    assessor_role_hint: "bijvoorbeeld werkbegeleider of praktijkopleider", "for example work supervisor or practice tutor";
    organisation: "Organisatie", "Organisation";
    date: "Datum", "Date";
    mode_legend: "Soort beoordeling", "Kind of assessment";
    mode_assessor: "Praktijkbeoordelaar", "Practice assessor";
    mode_assessor_hint: "Je beoordeelt een student in de praktijk.", "You assess a student in practice.";
    mode_self: "Zelfbeoordeling", "Self-assessment";
    mode_self_hint: "Je beoordeelt jezelf als student.", "You assess yourself as a student.";
    scale_heading: "Schaal", "Scale";
    scale_intro: "Per gedragsindicator kies je hoe ver de bekwaamheid ontwikkeld is.",
        "For each behaviour indicator, choose how far the capability has developed.";
    core_task: "Kerntaak", "Core task";
    learning_outcome: "Leeruitkomst", "Learning outcome";
    description: "Beschrijving", "Description";
    capabilities: "Bekwaamheden", "Capabilities";
    indicators: "Gedragsindicatoren", "Behaviour indicators";
    clear_score: "Wissen", "Clear";
    comment_label: "Toelichting (optioneel)", "Evidence (optional)";
    comment_hint: "Waaruit blijkt dit? Bijvoorbeeld een situatie, product of gesprek.",
        "What shows this? For example a situation, a product or a conversation.";
    feedback_label: "Feedback op deze leeruitkomst", "Feedback on this learning outcome";
    summary_heading: "Overzicht", "Summary";
    overall: "Totaal", "Overall";
    result: "Resultaat", "Result";
    result_open: "nog niet bepaald", "not yet determined";
    open_count: "open", "open";
    mean: "gemiddelde", "mean";
    chart_label: "Verdeling van de scores", "Distribution of the scores";
    storage_unavailable: "Je voortgang kan niet in deze browser worden bewaard (opslag is uitgeschakeld of vol). Je kunt verder werken; download alles voordat je dit tabblad sluit.",
        "Your progress cannot be kept in this browser (storage is disabled or full). You can go on working; download everything before you close this tab.";
    storage_unreadable: "Een of meer bewaarde beoordelingen konden niet worden gelezen. Ze zijn niet overschreven en staan onderaan bij Beoordelingen, waar je ze kunt downloaden.",
        "One or more saved assessments could not be read. They have not been overwritten and are listed at the bottom of Assessments, where you can download them.";
    storage_migration_failed: "De beoordeling die een eerdere versie van de app bewaarde, kon niet worden overgezet. Ze is niet overschreven.",
        "The assessment an earlier version of the app saved could not be moved over. It has not been overwritten.";
    storage_changed_elsewhere: "Deze beoordeling is in een ander tabblad gewijzigd. Je ziet nu de nieuwste versie.",
        "This assessment was changed in another tab. You now see the newest version.";
    storage_removed_elsewhere: "Deze beoordeling is in een ander tabblad verwijderd. Ze staat nog hier open; bij je volgende wijziging wordt ze weer bewaard.",
        "This assessment was deleted in another tab. It is still open here; your next change saves it again.";
    download_everything: "Alles downloaden", "Download everything";
    download_failed: "Deze browser maakte het bestand niet aan.", "This browser did not make the file.";
    nav_library: "Beoordelingen", "Assessments";
    library_heading: "Bewaarde beoordelingen", "Saved assessments";
    library_intro: "Alle beoordelingen in deze browser. Elke wijziging wordt meteen bewaard.",
        "Every assessment in this browser. Each change is saved at once.";
    library_empty: "Er zijn nog geen bewaarde beoordelingen.", "There are no saved assessments yet.";
    library_new: "Nieuwe beoordeling", "New assessment";
    library_open: "Openen", "Open";
    library_duplicate: "Kopie maken", "Duplicate";
    library_delete: "Verwijderen", "Delete";
    library_delete_confirm: "Definitief verwijderen", "Delete for good";
    library_undo: "Ongedaan maken", "Undo";
    library_deleted: "Beoordeling verwijderd.", "Assessment deleted.";
    library_current: "nu open", "open now";
    library_draft: "concept", "draft";
    library_final: "ondertekend", "signed";
    library_no_name: "(nog geen naam)", "(no name yet)";
    library_other_framework: "ander beoordelingskader: kan hier niet worden geopend", "another framework: cannot be opened here";
    library_unreadable: "Onleesbare opgeslagen gegevens", "Unreadable saved data";
    library_download_raw: "Ruwe gegevens downloaden", "Download the raw data";
    library_backup_heading: "Back-up en verhuizen", "Back up and move";
    library_backup_intro: "Download alle beoordelingen als één bestand, en importeer dat bestand op een ander apparaat. Bij importeren blijft van elke beoordeling de nieuwste versie over; een ondertekende beoordeling wordt nooit door een concept vervangen.",
        "Download every assessment as one file, and import that file on another device. Importing keeps the newest copy of each assessment; a signed assessment is never replaced by a draft.";
    library_backup_download: "Back-up downloaden", "Download a backup";
    library_backup_import: "Back-up importeren", "Import a backup";
    library_storage_unavailable: "De opslag van deze browser is niet beschikbaar; hier staan geen bewaarde beoordelingen.",
        "This browser's storage is not available; no saved assessments are listed.";
    framework_error: "Het beoordelingskader kon niet worden geladen", "The framework could not be loaded";
    action_error: "Deze wijziging is niet verwerkt", "This change was not made";
    dismiss: "Sluiten", "Dismiss";
    source: "Bron", "Source";
    also_under: "Dezelfde tekst staat ook bij", "The same text also appears under";
    skip_to_summary: "Naar het overzicht", "Skip to the summary";
    next_open: "Naar de eerste open indicator", "Go to the first open indicator";
    all_scored: "Alle indicatoren zijn gescoord.", "All indicators are scored.";
    final_notice: "Deze beoordeling is ondertekend en definitief. Het formulier is alleen nog te lezen.",
        "This assessment is signed and final. The form can only be read.";
    print_score: "Score", "Score";
    print_not_scored: "niet gescoord", "not scored";
    print_comment: "Toelichting", "Evidence";
    print_signature_heading: "Ondertekening", "Signature";
    print_draft: "Niet ondertekend: dit is een concept. Alleen een ondertekend record (JSON) is te controleren.",
        "Not signed: this is a draft. Only a signed record (JSON) can be verified.";
    print_key: "Sleutel (did:key)", "Key (did:key)";
    print_check: "Controle van de handtekening", "Signature check";
    cancel: "Annuleren", "Cancel";
    nav_label: "Onderdelen", "Sections";
    nav_assess: "Beoordelen", "Assess";
    nav_verify: "Record controleren", "Verify a record";
    key_heading: "Je ondertekensleutel", "Your signing key";
    key_intro: "Met deze sleutel onderteken je beoordelingen. Aan de did:key in een record ziet de hogeschool dat het van deze sleutel komt. De sleutel blijft in deze browser.",
        "You sign assessments with this key. The did:key in a record shows the school that it comes from this key. The key stays in this browser.";
    key_none: "Er is nog geen sleutel in deze browser. Bij de eerste ondertekening maakt de app er een.",
        "This browser has no key yet. The app makes one when you first sign.";
    key_fingerprint: "Vingerafdruk", "Fingerprint";
    key_export: "Back-up van de sleutel downloaden", "Download a key backup";
    key_export_hint: "Bewaar de back-up veilig en deel hem met niemand: wie het bestand heeft, kan namens jou ondertekenen.",
        "Keep the backup safe and share it with no one: whoever has the file can sign in your name.";
    key_backup_now: "Met deze sleutel is de beoordeling net ondertekend. Download nu een back-up: zonder back-up kun je na het wissen van deze browser niet meer met dezelfde sleutel ondertekenen.",
        "This key has just signed the assessment. Download a backup now: without one, you can no longer sign with the same key once this browser is cleared.";
    key_import: "Sleutel uit back-up importeren", "Import a key from a backup";
    key_replace_warning: "In deze browser staat al een sleutel. Importeren vervangt die. Records die je ermee ondertekende blijven geldig, maar zonder back-up kun je er niet meer mee ondertekenen.",
        "This browser already has a key. Importing replaces it. Records you signed with it stay valid, but without a backup you can no longer sign with it.";
    key_replace_confirm: "Sleutel vervangen", "Replace the key";
    key_imported: "De sleutel is geïmporteerd.", "The key has been imported.";
    key_not_kept: "De sleutel kan niet in deze browser worden bewaard (opslag uitgeschakeld of vol). Zonder bewaarde sleutel kun je niet ondertekenen.",
        "The key cannot be kept in this browser (storage disabled or full). Without a kept key you cannot sign.";
    key_unreadable: "De bewaarde sleutel in deze browser is onleesbaar. Importeer je back-up; de app maakt geen nieuwe sleutel zolang de oude er staat.",
        "The key kept in this browser is unreadable. Import your backup; the app makes no new key while the old one is there.";
    sign_heading: "Ondertekenen en exporteren", "Sign and export";
    sign_intro: "Na ondertekenen is de beoordeling definitief en niet meer te wijzigen. Je downloadt een JSON-bestand dat de hogeschool kan controleren.",
        "Once signed, the assessment is final and can no longer change. You download a JSON file the school can verify.";
    sign_start: "Ondertekenen en exporteren…", "Sign and export…";
    sign_all_scored: "Alle indicatoren zijn gescoord. Onderteken je de beoordeling definitief?",
        "All indicators are scored. Do you sign the assessment as final?";
    sign_unscored_hint: "Deze indicatoren komen als ‘niet gescoord’ in het record:",
        "These indicators go into the record as ‘not scored’:";
    sign_back: "Terug naar het formulier", "Back to the form";
    sign_confirm: "Definitief ondertekenen", "Sign as final";
    sign_failed: "Ondertekenen is niet gelukt", "Signing failed";
    signed_heading: "Ondertekend", "Signed";
    download_again: "Record opnieuw downloaden", "Download the record again";
    copy_json: "JSON kopiëren", "Copy the JSON";
    record_download_failed: "Deze browser maakte het bestand niet aan. De beoordeling is wel ondertekend: kies ‘JSON kopiëren’ en plak de tekst in een bestand dat eindigt op .json.",
        "This browser did not make the file. The assessment is signed all the same: choose ‘Copy the JSON’ and paste the text into a file ending in .json.";
    copied: "Het record staat op het klembord.", "The record is on the clipboard.";
    copy_failed: "Kopiëren lukte niet in deze browser; download het bestand.", "Copying failed in this browser; download the file.";
    new_assessment: "Nieuwe beoordeling starten", "Start a new assessment";
    new_assessment_warning: "De ondertekende beoordeling wordt uit deze browser verwijderd. Download het record eerst als je het nog nodig hebt.",
        "The signed assessment is removed from this browser. Download the record first if you still need it.";
    verify_heading: "Record controleren", "Verify a record";
    verify_intro: "Open of sleep een beoordelingsrecord (JSON). De app controleert de handtekening, het beoordelingskader en de resultaten. Het bestand blijft op dit apparaat.",
        "Open or drop an assessment record (JSON). The app checks the signature, the framework and the results. The file stays on this device.";
    choose_file: "Bestand kiezen", "Choose a file";
    choose_files: "Bestand of bestanden kiezen", "Choose one or more files";
    batch_caption: "Gecontroleerde records", "Records checked";
    batch_file: "Bestand", "File";
    batch_result: "Resultaat", "Result";
    batch_student: "Student", "Student";
    drop_here: "of sleep een bestand hierheen", "or drop a file here";
    drop_here_many: "of sleep de bestanden hierheen", "or drop the files here";
    file_unreadable: "Het bestand kon niet worden gelezen.", "The file could not be read.";
    verify_valid: "Geldig", "Valid";
    verify_invalid: "Niet geldig", "Not valid";
    verify_valid_detail: "De handtekening klopt, het kader is bekend en de resultaten volgen uit de scores.",
        "The signature matches, the framework is known and the results follow from the scores.";
    verify_signature_ok: "De handtekening zelf klopt.", "The signature itself matches.";
    verify_reasons: "Waarom niet", "Why not";
    verify_signer: "Ondertekend met sleutel", "Signed with key";
    verify_created: "Gemaakt op", "Created";
    verify_unknown_framework: "Dit record hoort bij een beoordelingskader dat deze app niet kent. De handtekening is wel gecontroleerd; de inhoud kan niet worden getoond.",
        "This record belongs to a framework this app does not know. The signature has been checked; the contents cannot be shown.";
    record_heading: "Inhoud van het record", "Contents of the record";
    record_untrusted: "Let op: het record is niet geldig. Wat hieronder staat, kan zijn veranderd.",
        "Note: the record is not valid. What follows may have been changed.";
    not_scored: "niet gescoord", "not scored";
}}

impl Lang {
    pub fn metadata_label(self, field: MetadataField) -> &'static str {
        let t = self.texts();
        match field {
            MetadataField::StudentName => t.student_name,
            MetadataField::StudentNumber => t.student_number,
            MetadataField::AssessorName => t.assessor_name,
            MetadataField::AssessorRole => t.assessor_role,
            MetadataField::Organisation => t.organisation,
            MetadataField::Date => t.date,
        }
    }

    pub fn mode_label(self, mode: Mode) -> &'static str {
        match mode {
            Mode::Assessor => self.texts().mode_assessor,
            Mode::SelfAssessment => self.texts().mode_self,
        }
    }

    pub fn mode_hint(self, mode: Mode) -> &'static str {
        match mode {
            Mode::Assessor => self.texts().mode_assessor_hint,
            Mode::SelfAssessment => self.texts().mode_self_hint,
        }
    }

    /// "31 van 42 indicatoren gescoord"
    pub fn progress(self, scored: u32, total: u32) -> String {
        match self {
            Lang::Nl => format!("{scored} van {total} indicatoren gescoord"),
            Lang::En => format!("{scored} of {total} indicators scored"),
        }
    }

    /// "Nog 3 indicatoren niet gescoord"
    pub fn unscored_count(self, n: usize) -> String {
        match (self, n) {
            (Lang::Nl, 1) => "Nog 1 indicator niet gescoord".into(),
            (Lang::Nl, n) => format!("Nog {n} indicatoren niet gescoord"),
            (Lang::En, 1) => "1 indicator not yet scored".into(),
            (Lang::En, n) => format!("{n} indicators not yet scored"),
        }
    }

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

    pub fn clear_score_label(self, indicator_id: &str) -> String {
        match self {
            Lang::Nl => format!("Score wissen van indicator {indicator_id}"),
            Lang::En => format!("Clear the score of indicator {indicator_id}"),
        }
    }

    /// `numerator / denominator` with two decimals, halves rounded up, in the language's notation.
    /// Integer arithmetic: the app has no other use for float formatting, which is large in wasm.
    pub fn fraction(self, numerator: u64, denominator: u64) -> String {
        if denominator == 0 {
            return "–".to_string();
        }
        let hundredths = (200 * numerator + denominator) / (2 * denominator);
        let separator = match self {
            Lang::Nl => ',',
            Lang::En => '.',
        };
        format!("{}{separator}{:02}", hundredths / 100, hundredths % 100)
    }

    /// The distribution of a tally written out, for beside the chart and for screen readers.
    pub fn tally_text(self, tally: &Tally) -> String {
        let t = self.texts();
        let mut parts: Vec<String> = Score::LEVELS
            .iter()
            .rev()
            .map(|&level| format!("{} {}", level.symbol(), tally.count(level)))
            .collect();
        parts.push(format!("{} {}", t.open_count, tally.count(Score::NotScored)));
        let mean = self.fraction(u64::from(tally.sum()), u64::from(tally.scored()));
        format!("{} · {} {}", parts.join(" · "), t.mean, mean)
    }

    /// The line above a table of checked records.
    pub fn batch_summary(self, total: usize, valid: usize) -> String {
        let invalid = total.saturating_sub(valid);
        match self {
            Lang::Nl => {
                format!("{total} bestanden gecontroleerd: {valid} geldig, {invalid} niet geldig.")
            }
            Lang::En => format!("{total} files checked: {valid} valid, {invalid} not valid."),
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

    pub fn action_error(self, error: &ActionError) -> String {
        match (error, self) {
            (ActionError::Final, Lang::Nl) => "de beoordeling is ondertekend en definitief".into(),
            (ActionError::Final, Lang::En) => "the assessment is signed and final".into(),
            (ActionError::TextTooLong { chars, limit }, Lang::Nl) => {
                format!("de tekst is {chars} tekens lang; er passen er {limit}")
            }
            (ActionError::TextTooLong { chars, limit }, Lang::En) => {
                format!("the text is {chars} characters long; {limit} fit")
            }
            (ActionError::UnknownIndicator(id), Lang::Nl) => format!("onbekende indicator {id}"),
            (ActionError::UnknownIndicator(id), Lang::En) => format!("unknown indicator {id}"),
            (ActionError::UnknownOutcome(id), Lang::Nl) => format!("onbekende leeruitkomst {id}"),
            (ActionError::UnknownOutcome(id), Lang::En) => format!("unknown learning outcome {id}"),
            (ActionError::UnknownNormLevel(level), Lang::Nl) => {
                format!("dit kader heeft geen normen voor niveau {level}")
            }
            (ActionError::UnknownNormLevel(level), Lang::En) => {
                format!("this framework has no norms for level {level}")
            }
        }
    }

    pub fn problem(self, problem: &Problem) -> String {
        let at = if problem.path.is_empty() { "" } else { problem.path.as_str() };
        let what = match (&problem.kind, self) {
            (ProblemKind::TooLarge { bytes, limit }, Lang::Nl) => {
                format!("het bestand is {bytes} bytes; de grens is {limit}")
            }
            (ProblemKind::TooLarge { bytes, limit }, Lang::En) => {
                format!("the file is {bytes} bytes; the limit is {limit}")
            }
            (ProblemKind::Syntax { message, line, column }, Lang::Nl) => {
                format!("geen geldig kader: {message} (regel {line}, kolom {column})")
            }
            (ProblemKind::Syntax { message, line, column }, Lang::En) => {
                format!("not a valid framework: {message} (line {line}, column {column})")
            }
            (ProblemKind::UnsupportedFormat(found), Lang::Nl) => {
                format!("onbekend formaat \"{found}\"")
            }
            (ProblemKind::UnsupportedFormat(found), Lang::En) => {
                format!("unknown format \"{found}\"")
            }
            (ProblemKind::MissingField(name), Lang::Nl) => format!("het veld \"{name}\" ontbreekt"),
            (ProblemKind::MissingField(name), Lang::En) => {
                format!("the field \"{name}\" is missing")
            }
            (ProblemKind::WrongType(expected), Lang::Nl) => {
                format!("verwacht: {}", dutch_type(expected))
            }
            (ProblemKind::WrongType(expected), Lang::En) => format!("expected: {expected}"),
            (ProblemKind::UnknownField(name), Lang::Nl) => format!("onbekend veld \"{name}\""),
            (ProblemKind::UnknownField(name), Lang::En) => format!("unknown field \"{name}\""),
            (ProblemKind::EmptyText, Lang::Nl) => "de tekst is leeg".to_string(),
            (ProblemKind::EmptyText, Lang::En) => "the text is empty".to_string(),
            (ProblemKind::DuplicateId { id, first }, Lang::Nl) => {
                format!("id \"{id}\" komt al voor bij {first}")
            }
            (ProblemKind::DuplicateId { id, first }, Lang::En) => {
                format!("id \"{id}\" is already used at {first}")
            }
            (ProblemKind::UnknownCapability(id), Lang::Nl) => {
                format!("er is geen bekwaamheid met id \"{id}\"")
            }
            (ProblemKind::UnknownCapability(id), Lang::En) => {
                format!("no capability has id \"{id}\"")
            }
            (ProblemKind::UnknownIndicator(id), Lang::Nl) => {
                format!("er is geen indicator met id \"{id}\"")
            }
            (ProblemKind::UnknownIndicator(id), Lang::En) => {
                format!("no indicator has id \"{id}\"")
            }
            (ProblemKind::ScaleMismatch, Lang::Nl) => {
                "de schaal moet precies □ = 1, + = 2 en ++ = 3 zijn".to_string()
            }
            (ProblemKind::ScaleMismatch, Lang::En) => {
                "the scale must be exactly □ = 1, + = 2 and ++ = 3".to_string()
            }
            (ProblemKind::Empty, Lang::Nl) => "de lijst is leeg".to_string(),
            (ProblemKind::Empty, Lang::En) => "the list is empty".to_string(),
            (ProblemKind::SharedTextDiffers { with }, Lang::Nl) => {
                format!("de tekst verschilt van die van {with} in dezelfde groep")
            }
            (ProblemKind::SharedTextDiffers { with }, Lang::En) => {
                format!("the text differs from that of {with} in the same group")
            }
            (ProblemKind::InSeveralGroups(id), Lang::Nl) => {
                format!("indicator \"{id}\" staat in meer dan één groep")
            }
            (ProblemKind::InSeveralGroups(id), Lang::En) => {
                format!("indicator \"{id}\" is in more than one group")
            }
            (ProblemKind::GroupTooSmall, Lang::Nl) => {
                "een groep heeft minstens twee indicatoren nodig".to_string()
            }
            (ProblemKind::GroupTooSmall, Lang::En) => {
                "a group needs at least two indicators".to_string()
            }
            (ProblemKind::UnknownLearningOutcome(id), Lang::Nl) => {
                format!("er is geen leeruitkomst met id \"{id}\"")
            }
            (ProblemKind::UnknownLearningOutcome(id), Lang::En) => {
                format!("no learning outcome has id \"{id}\"")
            }
            (ProblemKind::DuplicateNorm { id, first }, Lang::Nl) => {
                format!("voor \"{id}\" staat al een norm bij {first}")
            }
            (ProblemKind::DuplicateNorm { id, first }, Lang::En) => {
                format!("\"{id}\" already has a norm at {first}")
            }
            (ProblemKind::UnknownDimension(id), Lang::Nl) => format!("onbekende dimensie \"{id}\""),
            (ProblemKind::UnknownDimension(id), Lang::En) => format!("unknown dimension \"{id}\""),
            (ProblemKind::UnknownNormLevel(id), Lang::Nl) => format!("onbekend niveau \"{id}\""),
            (ProblemKind::UnknownNormLevel(id), Lang::En) => format!("unknown level \"{id}\""),
            (ProblemKind::MissingNorm(id), Lang::Nl) => format!("de norm voor \"{id}\" ontbreekt"),
            (ProblemKind::MissingNorm(id), Lang::En) => format!("the norm for \"{id}\" is missing"),
            (ProblemKind::NotAScaleValue(found), Lang::Nl) => {
                format!("\"{found}\" is geen waarde van de schaal (□, + of ++)")
            }
            (ProblemKind::NotAScaleValue(found), Lang::En) => {
                format!("\"{found}\" is not a value of the scale (□, + or ++)")
            }
        };
        if at.is_empty() {
            what
        } else {
            format!("{at}: {what}")
        }
    }
}

impl Lang {
    /// Why a record is not valid, in the user's words; the technical detail follows in
    /// parentheses, for whoever supports the user. JSON paths and member names stay as they are
    /// in the file, in either language.
    pub fn record_problem(self, problem: &RecordProblem) -> String {
        use RecordProblem as P;
        let nl = self == Lang::Nl;
        let pick = |nl_text: String, en_text: String| if nl { nl_text } else { en_text };
        let not_json = |nl_why: String| match self {
            Lang::Nl => format!("het bestand is geen geldig JSON-record ({nl_why})"),
            Lang::En => format!("the file is not a valid JSON record ({problem})"),
        };
        match problem {
            P::TooLarge { bytes, limit } => pick(
                format!("het bestand is te groot voor een record ({bytes} bytes; de grens is {limit})"),
                format!("the file is too large for a record ({bytes} bytes; the limit is {limit})"),
            ),
            P::NotUtf8 { offset } => not_json(format!(
                "het is geen UTF-8-tekst; de eerste foute byte staat op positie {offset}"
            )),
            P::InvalidJson(e) => not_json(dutch_json_error(e)),
            P::NotAnObject => not_json("het is geen JSON-object".into()),
            P::MissingProof => pick(
                "het record is niet ondertekend".into(),
                "the record is not signed".into(),
            ),
            P::SeveralProofs => pick(
                "het record heeft meer dan één handtekening; dat wordt niet ondersteund".into(),
                "the record has more than one proof, which is not supported".into(),
            ),
            P::SignatureMismatch => pick(
                "de handtekening klopt niet: het record is na ondertekenen veranderd, of niet met deze sleutel ondertekend".into(),
                "the signature does not match: the record was changed after signing, or not signed with this key".into(),
            ),
            P::UnknownCryptosuite(suite) => pick(
                format!("onbekende ondertekenmethode \"{suite}\" (verwacht: eddsa-jcs-2022)"),
                format!("unknown cryptosuite \"{suite}\" (expected: eddsa-jcs-2022)"),
            ),
            // The core's own wording of the detail is English; Dutch words every case itself.
            P::MalformedDidKey(e) => match self {
                Lang::Nl => format!(
                    "de sleutel (did:key) in het record is ongeldig ({})",
                    dutch_did_key_error(e)
                ),
                Lang::En => format!("the key (did:key) in the record is malformed ({e})"),
            },
            P::InvalidProof(e) => match self {
                Lang::Nl => format!(
                    "de handtekening is onvolledig of ongeldig ({})",
                    dutch_verify_error(e)
                ),
                Lang::En => format!("the proof is incomplete or invalid ({e})"),
            },
            P::Malformed { path, reason } => {
                let reason = match self {
                    Lang::Nl => dutch_shape_problem(reason),
                    Lang::En => reason.to_string(),
                };
                match (self, path.is_empty()) {
                    (Lang::Nl, true) => format!("het record heeft niet de juiste vorm ({reason})"),
                    (Lang::Nl, false) => {
                        format!("het record heeft niet de juiste vorm bij {path} ({reason})")
                    }
                    (Lang::En, true) => {
                        format!("the record does not have the right shape ({reason})")
                    }
                    (Lang::En, false) => {
                        format!("the record does not have the right shape at {path} ({reason})")
                    }
                }
            }
            P::UnsupportedType(t) => pick(
                format!("dit is geen beoordelingsrecord (type \"{t}\")"),
                format!("this is not an assessment record (type \"{t}\")"),
            ),
            P::UnsupportedSchemaVersion(v) => pick(
                format!("onbekende versie van het recordformaat (\"{v}\"); mogelijk is een nieuwere app nodig"),
                format!("unknown version of the record format (\"{v}\"); a newer app may be needed"),
            ),
            P::UnknownFramework { id, version } => pick(
                format!("het beoordelingskader \"{id}\" versie \"{version}\" is onbekend, dus de resultaten kunnen niet worden nagerekend"),
                format!("the framework \"{id}\" version \"{version}\" is unknown, so the results cannot be checked"),
            ),
            P::FrameworkHashDiffers { .. } => pick(
                "het record noemt een bekend kader, maar met andere teksten dan dit kader".into(),
                "the record names a known framework, but with other texts than this one".into(),
            ),
            P::UnknownIndicator(id) => pick(
                format!("indicator {id} hoort niet bij het kader"),
                format!("indicator {id} is not part of the framework"),
            ),
            P::DuplicateIndicator(id) => pick(
                format!("indicator {id} staat er meer dan eens in"),
                format!("indicator {id} appears more than once"),
            ),
            P::MissingIndicator(id) => pick(
                format!("indicator {id} ontbreekt"),
                format!("indicator {id} is missing"),
            ),
            P::WrongLearningOutcome { indicator, stated, expected } => pick(
                format!("indicator {indicator} staat bij {stated} maar hoort bij {expected}"),
                format!("indicator {indicator} is listed under {stated} but belongs to {expected}"),
            ),
            P::UnknownLearningOutcome(id) => pick(
                format!("leeruitkomst {id} hoort niet bij het kader"),
                format!("learning outcome {id} is not part of the framework"),
            ),
            P::DuplicateLearningOutcome(id) => pick(
                format!("leeruitkomst {id} staat er meer dan eens in"),
                format!("learning outcome {id} appears more than once"),
            ),
            P::MissingLearningOutcome(id) => pick(
                format!("leeruitkomst {id} ontbreekt"),
                format!("learning outcome {id} is missing"),
            ),
            P::WrongCoreTask { outcome, stated, expected } => pick(
                format!("leeruitkomst {outcome} staat bij {stated} maar hoort bij {expected}"),
                format!("learning outcome {outcome} is listed under {stated} but belongs to {expected}"),
            ),
            P::OutOfOrder { list } => pick(
                format!("de lijst {list} staat niet in de volgorde van het kader"),
                format!("the list {list} is not in the framework's order"),
            ),
            P::UnknownNormLevel(level) => pick(
                format!("het kader heeft geen normen voor niveau \"{level}\""),
                format!("the framework has no norms for level \"{level}\""),
            ),
            P::AggregatesDiffer { scope } => {
                let place = match (scope, nl) {
                    (AggregateScope::LearningOutcome(id), true) => format!("leeruitkomst {id}"),
                    (AggregateScope::LearningOutcome(id), false) => format!("learning outcome {id}"),
                    (AggregateScope::CoreTask(id), true) => format!("kerntaak {id}"),
                    (AggregateScope::CoreTask(id), false) => format!("core task {id}"),
                    (AggregateScope::Overall, true) => "het totaal".into(),
                    (AggregateScope::Overall, false) => "the overall result".into(),
                };
                pick(
                    format!("de resultaten voor {place} volgen niet uit de scores"),
                    format!("the results for {place} do not follow from the scores"),
                )
            }
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

/// `2026-11-23T19:37:27.123Z` as `2026-11-23 19:37`.
pub fn readable_time(rfc3339: &str) -> String {
    match (rfc3339.get(..10), rfc3339.get(11..16)) {
        (Some(date), Some(time)) => format!("{date} {time}"),
        _ => rfc3339.to_string(),
    }
}

/// What is wrong at a path of a record, in Dutch.
fn dutch_shape_problem(problem: &ShapeProblem) -> String {
    match problem {
        ShapeProblem::Missing => "ontbreekt".into(),
        ShapeProblem::UnexpectedMember => "hoort niet bij dit formaat".into(),
        ShapeProblem::NotAnObject => "verwacht: een object".into(),
        ShapeProblem::NotAnArray => "verwacht: een lijst".into(),
        ShapeProblem::NotAString => "verwacht: tekst".into(),
        ShapeProblem::NotAStringOrNull => "verwacht: tekst of null".into(),
        ShapeProblem::NotACount => "verwacht: een geheel getal van 0 tot en met 4294967295".into(),
        ShapeProblem::NotAScaleValue => "geen waarde van de schaal".into(),
        ShapeProblem::NotOneOf { found, expected } => {
            let quoted: Vec<String> = expected.iter().map(|e| format!("\"{e}\"")).collect();
            let allowed = match quoted.split_last() {
                Some((last, [])) => last.clone(),
                Some((last, rest)) => format!("{} of {last}", rest.join(", ")),
                None => String::new(),
            };
            format!("\"{found}\" is geen toegestane waarde; toegestaan: {allowed}")
        }
        ShapeProblem::NotALevel { symbol, value } => format!(
            "symbool \"{symbol}\" met waarde {value} is geen niveau van de schaal (□ = 1, + = 2, ++ = 3)"
        ),
        ShapeProblem::ScoredWithoutScore => {
            "de status is \"scored\", maar de score is null".into()
        }
        ShapeProblem::ScoreWithoutScored => {
            "de status is \"not-scored\", maar er staat wel een score".into()
        }
        ShapeProblem::NotUtcTime(value) => format!("\"{value}\" is geen RFC 3339-tijd in UTC"),
        ShapeProblem::NotADate(value) => {
            format!("\"{value}\" is geen datum in de vorm JJJJ-MM-DD")
        }
        ShapeProblem::InvalidRecordId => {
            format!("moet 1 tot en met {MAX_RECORD_ID_CHARS} tekens zijn, zonder spaties")
        }
        ShapeProblem::NotSha256 => "verwacht: 64 hexadecimale tekens in kleine letters".into(),
        ShapeProblem::TooLong { chars } => {
            format!("de tekst heeft {chars} tekens, meer dan de grens van {MAX_TEXT_CHARS}")
        }
        ShapeProblem::BlankComment => {
            "de toelichting is leeg; zonder toelichting staat er null".into()
        }
        ShapeProblem::BlankFeedback => "de feedback is leeg; zonder feedback staat er null".into(),
    }
}

/// Why a proof cannot be checked, in Dutch.
fn dutch_verify_error(error: &VerifyError) -> String {
    match error {
        VerifyError::DocumentNotAnObject => "het record is geen JSON-object".into(),
        VerifyError::MissingProof => "er is geen proof".into(),
        VerifyError::ProofIsArray => "er is meer dan één proof".into(),
        VerifyError::ProofNotAnObject => "proof is geen object".into(),
        VerifyError::MissingProofField(name) => format!("proof.{name} ontbreekt"),
        VerifyError::ProofFieldNotAString(name) => format!("proof.{name} is geen tekst"),
        VerifyError::WrongProofType(found) => {
            format!("proof.type is \"{found}\" in plaats van \"{PROOF_TYPE}\"")
        }
        VerifyError::UnknownCryptosuite(found) => {
            format!("onbekende ondertekenmethode \"{found}\" (verwacht: {CRYPTOSUITE})")
        }
        VerifyError::WrongProofPurpose(found) => format!(
            "het doel van de handtekening (proof.proofPurpose) is \"{found}\" in plaats van \"{PROOF_PURPOSE}\""
        ),
        VerifyError::InvalidCreated(found) => {
            format!("proof.created \"{found}\" is geen datum en tijd met tijdzone")
        }
        VerifyError::MalformedDidKey(e) => {
            format!("proof.verificationMethod is ongeldig: {}", dutch_did_key_error(e))
        }
        VerifyError::ContextMismatch => {
            "de @context van de proof verschilt van die van het record".into()
        }
        // The decoder's reason is English and only of use to a developer; the CLI still gives it.
        VerifyError::MalformedProofValue(_) => {
            "proof.proofValue is geen Ed25519-handtekening van 64 bytes in base58btc".into()
        }
        VerifyError::Canonicalization(e) => {
            format!("het record heeft geen canonieke vorm: {}", dutch_json_error(e))
        }
        VerifyError::SignatureMismatch => "de handtekening klopt niet".into(),
    }
}

/// Why a did:key or verification method is not a usable Ed25519 key, in Dutch.
fn dutch_did_key_error(error: &DidKeyError) -> String {
    match error {
        DidKeyError::NotDidKey => "het is geen did:key".into(),
        DidKeyError::WrongMultibasePrefix(Some(c)) => {
            format!("de sleutelwaarde begint met '{c}' in plaats van 'z' (base58btc)")
        }
        DidKeyError::WrongMultibasePrefix(None) => "de sleutelwaarde is leeg".into(),
        DidKeyError::BadBase58(_) => "de sleutelwaarde is geen leesbare base58btc-sleutel".into(),
        DidKeyError::WrongMulticodec { expected, .. } => {
            let codec = match expected {
                KeyKind::Public => "ed25519-pub",
                KeyKind::Secret => "ed25519-priv",
            };
            format!("de multicodec-kop klopt niet (verwacht: {codec})")
        }
        DidKeyError::WrongKeyLength { expected, found } => {
            format!("de sleutel is {found} bytes lang in plaats van {expected}")
        }
        DidKeyError::InvalidPublicKey => "het is geen geldige Ed25519-sleutel".into(),
        DidKeyError::MissingFragment => {
            "na de # in de verificationMethod hoort de sleutel te staan, maar die ontbreekt".into()
        }
        DidKeyError::FragmentMismatch => {
            "de sleutel na de # in de verificationMethod hoort niet bij de did:key".into()
        }
    }
}

/// Why a text is not strict JSON, in Dutch. The parser's reason for a syntax error is English;
/// the byte offset says where to look.
fn dutch_json_error(error: &JcsError) -> String {
    match error {
        JcsError::ByteOrderMark => {
            "het bestand begint met een byte-order-markering (BOM); sla het op als UTF-8 zonder BOM"
                .into()
        }
        JcsError::Syntax { offset, .. } => format!("ongeldige JSON bij byte {offset}"),
        JcsError::DuplicateKey { offset, key } => {
            format!("de naam \"{key}\" staat twee keer in hetzelfde object, bij byte {offset}")
        }
        JcsError::LoneSurrogate { offset, code_unit } => format!(
            "een losse surrogaat \\u{code_unit:04x} bij byte {offset}; dat is geen geldige Unicode-tekst"
        ),
        JcsError::TooDeep { limit } => {
            format!("lijsten en objecten zijn dieper genest dan {limit} niveaus")
        }
        JcsError::NonFiniteNumber { literal } => {
            format!("het getal {literal} is geen eindig getal of te groot voor JSON")
        }
    }
}

/// The core names JSON types in English; Dutch users read them in Dutch.
fn dutch_type(name: &str) -> &str {
    match name {
        "object" => "een object",
        "array" => "een lijst",
        "string" => "tekst",
        "boolean" => "waar of onwaar",
        "number from 1 to 3" => "een getal van 1 tot en met 3",
        other => other,
    }
}

// ---------------------------------------------------------------------------------------------
// The self-assessment and comparing it with an assessor's

texts! { SelfTexts, SELF_NL, SELF_EN {
    metadata_heading: "Je zelfbeoordeling", "Your self-assessment";
    metadata_hint: "Je beoordeelt jezelf. Met je studentnummer kan je beoordelaar dit naast de eigen beoordeling leggen. Alles blijft in deze browser.",
        "You assess yourself. With your student number your assessor can compare this with their assessment. Everything stays in this browser.";
    student_name: "Je naam", "Your name";
    student_number: "Je studentnummer", "Your student number";
    organisation: "Organisatie van je stage", "Your placement organisation";
    sign_intro: "Na ondertekenen is je zelfbeoordeling definitief. Je ondertekent met de sleutel van deze browser: je eigen sleutel, niet die van je beoordelaar. Het JSON-bestand geef je aan je beoordelaar.",
        "Once signed, your self-assessment is final. You sign with this browser's key: your own, not your assessor's. You give the JSON file to your assessor.";
    signed_by_student: "ingevuld en ondertekend door de student zelf", "filled in and signed by the student";
}}

texts! { CompareTexts, COMPARE_NL, COMPARE_EN {
    nav: "Vergelijken", "Compare";
    heading: "Zelfbeoordeling en beoordeling vergelijken", "Compare a self-assessment with an assessment";
    intro: "Open twee records of kies ondertekende beoordelingen uit deze browser. Beide worden eerst gecontroleerd.",
        "Open two records or choose signed assessments from this browser. Both are verified first.";
    self_slot: "Zelfbeoordeling (student)", "Self-assessment (student)";
    assessor_slot: "Beoordeling (praktijkbeoordelaar)", "Assessment (practice assessor)";
    choose_saved: "Of kies een ondertekende beoordeling uit deze browser", "Or choose a signed assessment from this browser";
    choose: "kies…", "choose…";
    untrusted: "Niet te vertrouwen: de inhoud kan zijn veranderd.", "Not to be trusted: its contents may have been changed.";
    need_both: "Kies beide records om ze te vergelijken.", "Choose both records to compare them.";
    unreadable: "Een record is onleesbaar en kan niet worden vergeleken.", "A record is unreadable and cannot be compared.";
    different_frameworks: "Deze records horen bij verschillende beoordelingskaders en worden niet vergeleken.", "These records belong to different frameworks and are not compared.";
    unknown_framework: "Deze records horen bij een beoordelingskader dat deze app niet kent en worden niet vergeleken.", "These records belong to a framework this app does not know and are not compared.";
    swapped: "De zelfbeoordeling stond bij de beoordelaar; de records zijn omgewisseld.", "The self-assessment was under the assessor; the records have been swapped.";
    agreement_heading: "Overeenstemming", "Agreement";
    agreement_hint: "Alleen indicatoren die in beide gescoord zijn tellen mee. Verschil: beoordelaar min student.", "Only indicators scored in both count. Difference: assessor minus student.";
    equal_column: "Gelijk gescoord", "Scored the same";
    mean_column: "Gemiddeld verschil", "Mean difference";
    absolute_column: "Gemiddeld absoluut verschil", "Mean absolute difference";
    talking_heading: "Gesprekspunten", "Talking points";
    talking_hint: "De grootste verschillen eerst.", "The largest differences first.";
    talking_none: "Geen verschillen.", "No differences.";
    indicator: "Gedragsindicator", "Behaviour indicator";
    student: "Student", "Student";
    assessor: "Beoordelaar", "Assessor";
    difference: "Verschil", "Difference";
    equal: "gelijk", "equal";
    not_compared: "niet in beide gescoord", "not scored in both";
    comment: "Toelichting", "Evidence";
}}

// ---------------------------------------------------------------------------------------------
// Norms: a framework that states the level expected at a level of practice (the 2010 profile)

texts! { NormTexts, NORM_NL, NORM_EN {
    heading: "Niveau van beroepsuitoefening", "Level of professional practice";
    intro: "Het profiel geeft per competentie het verwachte niveau (□, + of ++) op vier dimensies: verantwoordelijkheid, zelfstandigheid, complexiteit en transfer kennis. Kies het niveau waartegen je beoordeelt; de samenvatting laat per competentie zien of het resultaat de norm haalt.",
        "For each competence the profile gives the expected level (□, + or ++) on four dimensions: responsibility, autonomy, complexity and transfer of knowledge. Choose the level you assess against; the summary shows for each competence whether the result meets the norm.";
    level: "Niveau", "Level";
    meets: "haalt de norm", "meets the norm";
    below: "onder de norm", "below the norm";
    open: "nog niet te bepalen", "not yet determined";
    expected: "verwacht", "expected";
    choose_framework: "Kies het beoordelingskader", "Choose the framework";
    choose_framework_hint: "Een nieuwe beoordeling gebruikt het kader dat je hier kiest. Bestaande beoordelingen houden hun eigen kader.",
        "A new assessment uses the framework you choose here. Existing assessments keep their own.";
}}

impl Lang {
    pub fn norm_texts(self) -> &'static NormTexts {
        match self {
            Lang::Nl => &NORM_NL,
            Lang::En => &NORM_EN,
        }
    }

    /// "Norm niveau C: 3 gehaald, 2 onder de norm, 15 nog open"
    pub fn norm_overview(self, level: &str, meets: usize, below: usize, open: usize) -> String {
        match self {
            Lang::Nl => format!(
                "Norm niveau {level}: {meets} gehaald, {below} onder de norm, {open} nog open"
            ),
            Lang::En => format!(
                "Norm at level {level}: {meets} met, {below} below the norm, {open} still open"
            ),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The cohort overview

texts! { CohortTexts, COHORT_NL, COHORT_EN {
    nav: "Cohortoverzicht", "Cohort overview";
    heading: "Cohortoverzicht", "Cohort overview";
    intro: "Open de ondertekende records van een groep studenten: zoveel als je wilt, gekozen of hierheen gesleept. Elk record wordt eerst gecontroleerd; alleen geldige records tellen mee. Alles blijft in deze browser.",
        "Open the signed records of a group of students: as many as you like, chosen or dropped here. Each record is verified first; only valid records count. Everything stays in this browser.";
    choose: "Records openen", "Open records";
    clear: "Overzicht leegmaken", "Clear the overview";
    none_yet: "Nog geen records geopend.", "No records opened yet.";
    rejected_heading: "Niet meegenomen", "Left out";
    unreadable: "het bestand kon niet worden gelezen", "the file could not be read";
    framework: "Beoordelingskader", "Framework";
    filters: "Filteren", "Filter";
    mode: "Modus", "Mode";
    organisation: "Organisatie", "Organisation";
    assessor: "Beoordelaar", "Assessor";
    all: "Alle", "All";
    no_value: "(niet ingevuld)", "(not filled in)";
    none_shown: "Geen records bij deze filters.", "No records match these filters.";
    table_caption: "Resultaat per student en leeruitkomst", "Result per student and learning outcome";
    table_hint: "Het resultaat volgens de resultaatregel; – betekent nog niet bepaald (niet alle indicatoren gescoord).",
        "The result under the result rule; – means not yet determined (not every indicator scored).";
    student_name: "Naam student", "Student name";
    student_number: "Studentnummer", "Student number";
    date: "Datum", "Date";
    heatmap_caption: "Verdeling van de scores per gedragsindicator", "Distribution of the scores per behaviour indicator";
    heatmap_hint: "Per indicator hoeveel records elke score geven, met het aandeel: hoe donkerder de cel, hoe groter het aandeel.",
        "For each indicator how many records give each score, with the share: the darker the cell, the larger the share.";
    indicator: "Gedragsindicator", "Behaviour indicator";
    csv_heading: "Exporteren voor het cijferregistratiesysteem", "Export for the gradebook";
    csv_hint: "Een CSV-bestand met één rij per getoond record. De kolommen per leeruitkomst en het totaal bevatten de waarde van het resultaat: □ = 1, + = 2, ++ = 3, leeg als het nog niet bepaald is. UTF-8 met BOM.",
        "A CSV file with one row per record shown. The columns per learning outcome and the overall one hold the value of the result: □ = 1, + = 2, ++ = 3, empty while not determined. UTF-8 with BOM.";
    separator: "Scheidingsteken", "Separator";
    semicolon: "Puntkomma (;), voor Nederlandse Excel", "Semicolon (;), for Dutch Excel";
    comma: "Komma (,), voor Engelstalige software", "Comma (,), for English-language software";
    download: "CSV downloaden", "Download CSV";
}}

impl Lang {
    pub fn cohort_texts(self) -> &'static CohortTexts {
        match self {
            Lang::Nl => &COHORT_NL,
            Lang::En => &COHORT_EN,
        }
    }

    /// "120 van 500 bestanden gecontroleerd"
    pub fn cohort_progress(self, done: usize, total: usize) -> String {
        match self {
            Lang::Nl => format!("{done} van {total} bestanden gecontroleerd"),
            Lang::En => format!("{done} of {total} files verified"),
        }
    }

    /// "480 records meegenomen; 20 bestanden niet"
    pub fn cohort_counts(self, taken: usize, left_out: usize) -> String {
        let (record, file) = match (self, taken == 1, left_out == 1) {
            (Lang::Nl, one_record, one_file) => (
                if one_record { "record" } else { "records" },
                if one_file { "bestand" } else { "bestanden" },
            ),
            (Lang::En, one_record, one_file) => (
                if one_record { "record" } else { "records" },
                if one_file { "file" } else { "files" },
            ),
        };
        match self {
            Lang::Nl => format!("{taken} {record} meegenomen; {left_out} {file} niet"),
            Lang::En => format!("{taken} {record} taken in; {left_out} {file} left out"),
        }
    }

    /// "25 records getoond"
    pub fn cohort_shown(self, n: usize) -> String {
        match (self, n) {
            (Lang::Nl, 1) => "1 record getoond".into(),
            (Lang::Nl, n) => format!("{n} records getoond"),
            (Lang::En, 1) => "1 record shown".into(),
            (Lang::En, n) => format!("{n} records shown"),
        }
    }

    /// Students with more than one record among those shown.
    pub fn cohort_repeated(self, n: usize) -> String {
        match self {
            Lang::Nl => format!("{n} keer staat een studentnummer er al eerder bij, bijvoorbeeld een zelfbeoordeling naast een beoordeling; elk record is een eigen rij."),
            Lang::En => format!("{n} times a student number appears again, for instance a self-assessment beside an assessment; each record is a row of its own."),
        }
    }

    /// Why a file is not in the cohort.
    pub fn cohort_reason(self, reason: &crate::core::review::cohort::Reason) -> String {
        use crate::core::review::cohort::Reason;
        match reason {
            Reason::Unreadable => self.cohort_texts().unreadable.to_string(),
            Reason::Invalid(problems) => {
                problems.iter().map(|p| self.record_problem(p)).collect::<Vec<_>>().join("; ")
            }
            Reason::Copy { of } => match self {
                Lang::Nl => format!("hetzelfde record als {of}, dat al is meegenomen"),
                Lang::En => format!("the same record as {of}, which is already taken in"),
            },
        }
    }
}

impl Lang {
    pub fn self_texts(self) -> &'static SelfTexts {
        match self {
            Lang::Nl => &SELF_NL,
            Lang::En => &SELF_EN,
        }
    }

    pub fn compare_texts(self) -> &'static CompareTexts {
        match self {
            Lang::Nl => &COMPARE_NL,
            Lang::En => &COMPARE_EN,
        }
    }

    /// The form's label of a field: in a self-assessment it speaks to the student.
    pub fn form_label(self, field: MetadataField, mode: Mode) -> &'static str {
        let s = self.self_texts();
        match (mode, field) {
            (Mode::SelfAssessment, MetadataField::StudentName) => s.student_name,
            (Mode::SelfAssessment, MetadataField::StudentNumber) => s.student_number,
            (Mode::SelfAssessment, MetadataField::Organisation) => s.organisation,
            _ => self.metadata_label(field),
        }
    }

    /// "5 van 9 gelijk, 56%"
    pub fn agreement(self, a: &Agreement) -> String {
        match (self, a.percent_equal()) {
            (Lang::Nl, Some(p)) => format!("{} van {} gelijk, {p}%", a.equal, a.compared),
            (Lang::En, Some(p)) => format!("{} of {} equal, {p}%", a.equal, a.compared),
            (Lang::Nl, None) => "niets in beide gescoord".into(),
            (Lang::En, None) => "nothing scored in both".into(),
        }
    }

    /// Hundredths as a decimal, "+0,44" or "0,67"; "–" when there is no value.
    pub fn hundredths(self, value: Option<i64>, signed: bool) -> String {
        let Some(h) = value else { return "–".into() };
        let sign = if h < 0 {
            "-"
        } else if signed && h > 0 {
            "+"
        } else {
            ""
        };
        let separator = if self == Lang::Nl { ',' } else { '.' };
        let h = h.unsigned_abs();
        format!("{sign}{}{separator}{:02}", h / 100, h % 100)
    }

    /// The marker of one indicator: "gelijk", "verschil 2", or that it cannot be compared.
    pub fn difference(self, difference: Option<i32>) -> String {
        let c = self.compare_texts();
        match (difference, self) {
            (None, _) => c.not_compared.into(),
            (Some(0), _) => c.equal.into(),
            (Some(d), Lang::Nl) => format!("verschil {}", d.unsigned_abs()),
            (Some(d), Lang::En) => format!("difference {}", d.unsigned_abs()),
        }
    }

    pub fn refusal(self, refusal: Refusal) -> &'static str {
        let c = self.compare_texts();
        match refusal {
            Refusal::DifferentFrameworks => c.different_frameworks,
            Refusal::UnknownFramework => c.unknown_framework,
            Refusal::Unreadable => c.unreadable,
        }
    }

    pub fn compare_warning(self, warning: &Warning) -> String {
        let none = |n: &str| if n.is_empty() { "–".to_string() } else { n.to_string() };
        match (warning, self) {
            (Warning::SameMode(Mode::SelfAssessment), Lang::Nl) => "Beide records zijn zelfbeoordelingen. Het verschil is dan dat van het tweede record min het eerste.".into(),
            (Warning::SameMode(Mode::SelfAssessment), Lang::En) => "Both records are self-assessments. The difference is then the second record's minus the first's.".into(),
            (Warning::SameMode(Mode::Assessor), Lang::Nl) => "Beide records zijn van een praktijkbeoordelaar. Het verschil is dan dat van het tweede record min het eerste.".into(),
            (Warning::SameMode(Mode::Assessor), Lang::En) => "Both records are a practice assessor's. The difference is then the second record's minus the first's.".into(),
            (Warning::DifferentStudents { student, assessor }, Lang::Nl) => format!(
                "De studentnummers verschillen ({} en {}): deze records gaan misschien over verschillende studenten.",
                none(student), none(assessor)
            ),
            (Warning::DifferentStudents { student, assessor }, Lang::En) => format!(
                "The student numbers differ ({} and {}): these records may be about different students.",
                none(student), none(assessor)
            ),
        }
    }
}

texts! { EmbedTexts, EMBED_NL, EMBED_EN {
    link_heading: "Niet alle instellingen uit de link zijn gebruikt", "Not every setting in the link was used";
    link_intro: "Dit is genegeerd; de app werkt zonder.", "This was ignored; the app works without it.";
    reason_duplicate: "staat meer dan eens in de link", "appears more than once in the link";
    reason_encoding: "heeft een ongeldige %-codering", "has invalid %-encoding";
    reason_not_utf8: "is geen geldige UTF-8-tekst", "is not valid UTF-8 text";
    expect_mode: "moet self of assessor zijn", "must be self or assessor";
    expect_lang: "moet nl of en zijn", "must be nl or en";
    expect_student: "mag alleen letters, cijfers en koppeltekens bevatten", "may only contain letters, digits and hyphens";
    expect_origin: "moet een herkomst zijn als https://lms.hogeschool.nl (zonder pad, niet *; http alleen voor localhost)",
        "must be an origin such as https://lms.school.nl (no path, not *; http only for localhost)";
    expect_framework: "moet een https-adres zijn, of een pad op deze server", "must be an https address, or a path on this server";
    framework_loading: "Beoordelingskader laden…", "Loading the framework…";
    framework_url_failed: "Het beoordelingskader uit de link kon niet worden geladen. De app gebruikt het ingebouwde kader.",
        "The framework in the link could not be loaded. The app uses the built-in framework.";
    framework_heading: "Beoordelingskader", "Framework";
    framework_intro: "Een ander kader geldt voor deze sessie. Beoordelingen van een ander kader blijven bewaard.",
        "Another framework applies to this session. Assessments of another framework stay saved.";
    framework_built_in: "ingebouwd", "built in";
    framework_from_link: "uit de link", "from the link";
    framework_from_file: "uit een bestand", "from a file";
    framework_choose: "Kader uit bestand laden", "Load a framework from a file";
    framework_use_built_in: "Ingebouwd kader gebruiken", "Use the built-in framework";
    framework_file_failed: "Dit bestand is niet geladen; het kader blijft zoals het was.", "This file was not loaded; the framework stays as it was.";
    fetch_network: "geen antwoord, of ophalen is niet toegestaan (CORS of Content-Security-Policy)",
        "no answer, or fetching is not allowed (CORS or Content-Security-Policy)";
    fetch_timeout: "de server antwoordde niet op tijd", "the server did not answer in time";
    not_utf8: "het bestand is geen UTF-8-tekst", "the file is not UTF-8 text";
    not_a_framework: "het bestand is geen geldig beoordelingskader", "the file is not a valid framework";
}}

impl Lang {
    pub fn embed_texts(self) -> &'static EmbedTexts {
        match self {
            Lang::Nl => &EMBED_NL,
            Lang::En => &EMBED_EN,
        }
    }

    /// Why a value in the link was not used; the page shows the parameter's name before it.
    pub fn url_problem(self, problem: &UrlProblem) -> String {
        let t = self.embed_texts();
        match (problem.reason, self) {
            (Reason::Duplicate, _) => t.reason_duplicate.into(),
            (Reason::BadPercentEncoding, _) => t.reason_encoding.into(),
            (Reason::NotUtf8, _) => t.reason_not_utf8.into(),
            (Reason::TooLong { limit }, Lang::Nl) => format!("is langer dan {limit} tekens"),
            (Reason::TooLong { limit }, Lang::En) => format!("is longer than {limit} characters"),
            _ => match problem.param {
                Param::Mode => t.expect_mode.into(),
                Param::Lang => t.expect_lang.into(),
                Param::Student => t.expect_student.into(),
                Param::ParentOrigin => t.expect_origin.into(),
                Param::Framework => t.expect_framework.into(),
            },
        }
    }

    /// Why a framework was not loaded. The problems of an invalid one are listed apart.
    pub fn load_failure(self, failure: &LoadFailure) -> String {
        let t = self.embed_texts();
        let mb = MAX_FRAMEWORK_BYTES / (1024 * 1024);
        match (failure, self) {
            (LoadFailure::Network, _) => t.fetch_network.into(),
            (LoadFailure::Timeout, _) => t.fetch_timeout.into(),
            (LoadFailure::Status(status), Lang::Nl) => {
                format!("de server antwoordde met HTTP {status}")
            }
            (LoadFailure::Status(status), Lang::En) => {
                format!("the server answered with HTTP {status}")
            }
            (LoadFailure::TooLarge, Lang::Nl) => format!("het bestand is groter dan {mb} MB"),
            (LoadFailure::TooLarge, Lang::En) => format!("the file is larger than {mb} MB"),
            (LoadFailure::Unreadable, _) => self.texts().file_unreadable.into(),
            (LoadFailure::NotUtf8, _) => t.not_utf8.into(),
            (LoadFailure::Invalid(_), _) => t.not_a_framework.into(),
        }
    }

    /// "… and 12 more", after the first problems of a long list.
    pub fn more_problems(self, n: usize) -> String {
        match self {
            Lang::Nl => format!("… en nog {n}"),
            Lang::En => format!("… and {n} more"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_string_is_translated_and_filled() {
        for (nl, en) in [
            (NL.entries(), EN.entries()),
            (SELF_NL.entries(), SELF_EN.entries()),
            (COMPARE_NL.entries(), COMPARE_EN.entries()),
            (EMBED_NL.entries(), EMBED_EN.entries()),
            (NORM_NL.entries(), NORM_EN.entries()),
            (COHORT_NL.entries(), COHORT_EN.entries()),
        ] {
            assert_eq!(nl.len(), en.len());
            for ((name, nl_text), (_, en_text)) in nl.iter().zip(&en) {
                assert!(!nl_text.trim().is_empty(), "{name} is empty in Dutch");
                assert!(!en_text.trim().is_empty(), "{name} is empty in English");
            }
            // Words that read the same in both languages are listed here; any other equal pair
            // is a string that was not translated.
            let same_in_both = ["open_count", "student", "print_score", "batch_student"];
            for ((name, nl_text), (_, en_text)) in nl.iter().zip(&en) {
                if !same_in_both.contains(name) {
                    assert_ne!(nl_text, en_text, "{name} is not translated");
                }
            }
        }
    }

    #[test]
    fn cohort_counts_say_one_and_many() {
        assert_eq!(Lang::Nl.cohort_counts(3, 1), "3 records meegenomen; 1 bestand niet");
        assert_eq!(Lang::Nl.cohort_counts(1, 0), "1 record meegenomen; 0 bestanden niet");
        assert_eq!(Lang::En.cohort_counts(1, 2), "1 record taken in; 2 files left out");
    }

    #[test]
    fn comparisons_read_in_both_languages() {
        let a = Agreement { compared: 9, equal: 5, difference_sum: 4, absolute_sum: 6 };
        assert_eq!(Lang::Nl.agreement(&a), "5 van 9 gelijk, 56%");
        assert_eq!(Lang::En.agreement(&a), "5 of 9 equal, 56%");
        assert_eq!(Lang::Nl.agreement(&Agreement::default()), "niets in beide gescoord");
        assert_eq!(Lang::Nl.hundredths(a.mean_difference(), true), "+0,44");
        assert_eq!(Lang::En.hundredths(a.mean_absolute_difference(), false), "0.67");
        assert_eq!(Lang::En.hundredths(Some(-13), true), "-0.13");
        assert_eq!(Lang::Nl.hundredths(Some(-200), true), "-2,00");
        assert_eq!(Lang::Nl.hundredths(Some(0), true), "0,00");
        assert_eq!(Lang::Nl.hundredths(None, true), "–");
        assert_eq!(Lang::Nl.difference(Some(-2)), "verschil 2");
        assert_eq!(Lang::En.difference(Some(1)), "difference 1");
        assert_eq!(Lang::Nl.difference(Some(0)), "gelijk");
        assert_eq!(Lang::Nl.difference(None), "niet in beide gescoord");
    }

    #[test]
    fn a_self_assessment_speaks_to_the_student() {
        let label = |lang: Lang, field, mode| lang.form_label(field, mode);
        assert_eq!(label(Lang::Nl, MetadataField::StudentName, Mode::SelfAssessment), "Je naam");
        assert_eq!(label(Lang::Nl, MetadataField::StudentName, Mode::Assessor), "Naam student");
        assert_eq!(label(Lang::En, MetadataField::Date, Mode::SelfAssessment), "Date");
    }

    #[test]
    fn language_codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("EN"), Some(Lang::En));
        assert_eq!(Lang::from_code("<script>"), None);
    }

    #[test]
    fn numbers_and_progress_follow_the_language() {
        assert_eq!(Lang::Nl.fraction(5, 3), "1,67");
        assert_eq!(Lang::En.fraction(5, 2), "2.50");
        assert_eq!(Lang::En.fraction(1, 8), "0.13");
        assert_eq!(Lang::En.fraction(2, 3), "0.67");
        assert_eq!(Lang::Nl.fraction(1, 0), "–");
        assert_eq!(Lang::Nl.progress(31, 42), "31 van 42 indicatoren gescoord");
        assert_eq!(Lang::En.progress(0, 42), "0 of 42 indicators scored");
        let tally = Tally { present: 1, good: 0, high: 2, total: 4 };
        assert_eq!(Lang::Nl.tally_text(&tally), "++ 2 · + 0 · □ 1 · open 1 · gemiddelde 2,33");
    }

    /// One of each kind of JSON error. The match makes a new kind a compile error here until it
    /// has a sample.
    fn json_errors() -> Vec<JcsError> {
        let all = vec![
            JcsError::Syntax { offset: 9, reason: "expected a JSON value" },
            JcsError::DuplicateKey { offset: 12, key: "id".into() },
            JcsError::LoneSurrogate { offset: 3, code_unit: 0xd800 },
            JcsError::TooDeep { limit: 128 },
            JcsError::NonFiniteNumber { literal: "1e999".into() },
            JcsError::ByteOrderMark,
        ];
        for e in &all {
            match e {
                JcsError::Syntax { .. }
                | JcsError::DuplicateKey { .. }
                | JcsError::LoneSurrogate { .. }
                | JcsError::TooDeep { .. }
                | JcsError::NonFiniteNumber { .. }
                | JcsError::ByteOrderMark => {}
            }
        }
        all
    }

    fn did_key_errors() -> Vec<DidKeyError> {
        let all = vec![
            DidKeyError::NotDidKey,
            DidKeyError::WrongMultibasePrefix(Some('f')),
            DidKeyError::WrongMultibasePrefix(None),
            DidKeyError::BadBase58(
                "provided string contained invalid character '0' at byte 4".into(),
            ),
            DidKeyError::WrongMulticodec { expected: KeyKind::Public, found: vec![0xec, 0x01] },
            DidKeyError::WrongMulticodec { expected: KeyKind::Secret, found: vec![] },
            DidKeyError::WrongKeyLength { expected: 32, found: 31 },
            DidKeyError::InvalidPublicKey,
            DidKeyError::MissingFragment,
            DidKeyError::FragmentMismatch,
        ];
        for e in &all {
            match e {
                DidKeyError::NotDidKey
                | DidKeyError::WrongMultibasePrefix(_)
                | DidKeyError::BadBase58(_)
                | DidKeyError::WrongMulticodec { .. }
                | DidKeyError::WrongKeyLength { .. }
                | DidKeyError::InvalidPublicKey
                | DidKeyError::MissingFragment
                | DidKeyError::FragmentMismatch => {}
            }
        }
        all
    }

    fn verify_errors() -> Vec<VerifyError> {
        let mut all = vec![
            VerifyError::DocumentNotAnObject,
            VerifyError::MissingProof,
            VerifyError::ProofIsArray,
            VerifyError::ProofNotAnObject,
            VerifyError::MissingProofField("proofValue"),
            VerifyError::ProofFieldNotAString("created"),
            VerifyError::WrongProofType("Ed25519Signature2020".into()),
            VerifyError::UnknownCryptosuite("eddsa-rdfc-2022".into()),
            VerifyError::WrongProofPurpose("authentication".into()),
            VerifyError::InvalidCreated("yesterday".into()),
            VerifyError::ContextMismatch,
            VerifyError::MalformedProofValue("signature is 61 bytes long, expected 64".into()),
            VerifyError::SignatureMismatch,
        ];
        all.extend(did_key_errors().into_iter().map(VerifyError::MalformedDidKey));
        all.extend(json_errors().into_iter().map(VerifyError::Canonicalization));
        for e in &all {
            match e {
                VerifyError::DocumentNotAnObject
                | VerifyError::MissingProof
                | VerifyError::ProofIsArray
                | VerifyError::ProofNotAnObject
                | VerifyError::MissingProofField(_)
                | VerifyError::ProofFieldNotAString(_)
                | VerifyError::WrongProofType(_)
                | VerifyError::UnknownCryptosuite(_)
                | VerifyError::WrongProofPurpose(_)
                | VerifyError::InvalidCreated(_)
                | VerifyError::MalformedDidKey(_)
                | VerifyError::ContextMismatch
                | VerifyError::MalformedProofValue(_)
                | VerifyError::Canonicalization(_)
                | VerifyError::SignatureMismatch => {}
            }
        }
        all
    }

    fn shape_problems() -> Vec<ShapeProblem> {
        let all = vec![
            ShapeProblem::Missing,
            ShapeProblem::UnexpectedMember,
            ShapeProblem::NotAnObject,
            ShapeProblem::NotAnArray,
            ShapeProblem::NotAString,
            ShapeProblem::NotAStringOrNull,
            ShapeProblem::NotACount,
            ShapeProblem::NotAScaleValue,
            ShapeProblem::NotOneOf { found: "scorea".into(), expected: &["scored", "not-scored"] },
            ShapeProblem::NotOneOf { found: "x".into(), expected: &["a", "b", "c"] },
            ShapeProblem::NotALevel { symbol: "++".into(), value: 2 },
            ShapeProblem::ScoredWithoutScore,
            ShapeProblem::ScoreWithoutScored,
            ShapeProblem::NotUtcTime("2026-05-01T09:30:00+02:00".into()),
            ShapeProblem::NotADate("2026-02-30".into()),
            ShapeProblem::InvalidRecordId,
            ShapeProblem::NotSha256,
            ShapeProblem::TooLong { chars: 10_001 },
            ShapeProblem::BlankComment,
            ShapeProblem::BlankFeedback,
        ];
        for p in &all {
            match p {
                ShapeProblem::Missing
                | ShapeProblem::UnexpectedMember
                | ShapeProblem::NotAnObject
                | ShapeProblem::NotAnArray
                | ShapeProblem::NotAString
                | ShapeProblem::NotAStringOrNull
                | ShapeProblem::NotACount
                | ShapeProblem::NotAScaleValue
                | ShapeProblem::NotOneOf { .. }
                | ShapeProblem::NotALevel { .. }
                | ShapeProblem::ScoredWithoutScore
                | ShapeProblem::ScoreWithoutScored
                | ShapeProblem::NotUtcTime(_)
                | ShapeProblem::NotADate(_)
                | ShapeProblem::InvalidRecordId
                | ShapeProblem::NotSha256
                | ShapeProblem::TooLong { .. }
                | ShapeProblem::BlankComment
                | ShapeProblem::BlankFeedback => {}
            }
        }
        all
    }

    /// Every kind of record problem, with every kind of detail each can carry.
    fn record_problems() -> Vec<RecordProblem> {
        use RecordProblem as P;
        let id = || "LU1.1".to_string();
        let mut all = vec![
            P::TooLarge { bytes: 6_000_000, limit: 5_242_880 },
            P::NotUtf8 { offset: 6 },
            P::NotAnObject,
            P::MissingProof,
            P::SeveralProofs,
            P::SignatureMismatch,
            P::UnknownCryptosuite("eddsa-rdfc-2022".into()),
            P::UnsupportedType("SomethingElse".into()),
            P::UnsupportedSchemaVersion("3".into()),
            P::UnknownFramework { id: "ander-kader".into(), version: "1".into() },
            P::FrameworkHashDiffers { stated: "0".repeat(64), expected: "1".repeat(64) },
            P::UnknownIndicator(id()),
            P::DuplicateIndicator(id()),
            P::MissingIndicator(id()),
            P::WrongLearningOutcome {
                indicator: id(),
                stated: "LU2".into(),
                expected: "LU1".into(),
            },
            P::UnknownLearningOutcome("LU9".into()),
            P::DuplicateLearningOutcome("LU1".into()),
            P::MissingLearningOutcome("LU1".into()),
            P::WrongCoreTask {
                outcome: "LU1".into(),
                stated: "KT2".into(),
                expected: "KT1".into(),
            },
            P::OutOfOrder { list: "indicators" },
            P::UnknownNormLevel("E".into()),
            P::AggregatesDiffer { scope: AggregateScope::LearningOutcome("LU1".into()) },
            P::AggregatesDiffer { scope: AggregateScope::CoreTask("KT1".into()) },
            P::AggregatesDiffer { scope: AggregateScope::Overall },
        ];
        all.extend(json_errors().into_iter().map(P::InvalidJson));
        all.extend(did_key_errors().into_iter().map(P::MalformedDidKey));
        all.extend(verify_errors().into_iter().map(P::InvalidProof));
        for (i, reason) in shape_problems().into_iter().enumerate() {
            // The whole record as well as a member deep inside it.
            let path = if i == 0 { String::new() } else { "indicators[3].status".into() };
            all.push(P::Malformed { path, reason });
        }
        for p in &all {
            match p {
                P::TooLarge { .. }
                | P::NotUtf8 { .. }
                | P::InvalidJson(_)
                | P::NotAnObject
                | P::MissingProof
                | P::SeveralProofs
                | P::SignatureMismatch
                | P::UnknownCryptosuite(_)
                | P::MalformedDidKey(_)
                | P::InvalidProof(_)
                | P::Malformed { .. }
                | P::UnsupportedType(_)
                | P::UnsupportedSchemaVersion(_)
                | P::UnknownFramework { .. }
                | P::FrameworkHashDiffers { .. }
                | P::UnknownIndicator(_)
                | P::DuplicateIndicator(_)
                | P::MissingIndicator(_)
                | P::WrongLearningOutcome { .. }
                | P::UnknownLearningOutcome(_)
                | P::DuplicateLearningOutcome(_)
                | P::MissingLearningOutcome(_)
                | P::WrongCoreTask { .. }
                | P::OutOfOrder { .. }
                | P::UnknownNormLevel(_)
                | P::AggregatesDiffer { .. } => {}
            }
        }
        all
    }

    #[test]
    fn every_record_problem_reads_in_dutch_without_english() {
        // Pieces of the core's English wording, none of which is Dutch.
        let english = [
            "is missing",
            "is not",
            "does not",
            "neither",
            "member of",
            "expected",
            "invalid",
            "malformed",
            " the ",
            "bytes long",
            "characters",
            "not a ",
            "proof purpose",
            "fragment",
            "at byte",
        ];
        let problems = record_problems();
        assert!(problems.len() >= 80, "only {} samples", problems.len());
        for problem in &problems {
            let dutch = Lang::Nl.record_problem(problem);
            let lower = dutch.to_lowercase();
            for fragment in english {
                assert!(!lower.contains(fragment), "{fragment:?} in {dutch:?} ({problem:?})");
            }
            assert_ne!(dutch, Lang::En.record_problem(problem), "{problem:?}");
        }
    }

    #[test]
    fn every_record_problem_reads_in_english_without_dutch() {
        let dutch = [" het ", " niet ", " de ", "ontbreekt", " geen ", "verwacht", "handtekening"];
        for problem in &record_problems() {
            let english = Lang::En.record_problem(problem);
            for fragment in dutch {
                assert!(!english.contains(fragment), "{fragment:?} in {english:?} ({problem:?})");
            }
        }
    }

    #[test]
    fn record_problems_keep_the_json_path_and_values() {
        let problem = RecordProblem::Malformed {
            path: "indicators[3].status".into(),
            reason: ShapeProblem::NotOneOf {
                found: "scorea".into(),
                expected: &["scored", "not-scored"],
            },
        };
        assert_eq!(
            Lang::Nl.record_problem(&problem),
            "het record heeft niet de juiste vorm bij indicators[3].status (\"scorea\" is geen \
             toegestane waarde; toegestaan: \"scored\" of \"not-scored\")"
        );
        assert_eq!(
            Lang::En.record_problem(&problem),
            "the record does not have the right shape at indicators[3].status (\"scorea\" is \
             neither \"scored\" nor \"not-scored\")"
        );
        let purpose = RecordProblem::InvalidProof(VerifyError::WrongProofPurpose("auth".into()));
        assert_eq!(
            Lang::Nl.record_problem(&purpose),
            "de handtekening is onvolledig of ongeldig (het doel van de handtekening \
             (proof.proofPurpose) is \"auth\" in plaats van \"assertionMethod\")"
        );
        let missing =
            RecordProblem::Malformed { path: "subject.name".into(), reason: ShapeProblem::Missing };
        assert_eq!(
            Lang::Nl.record_problem(&missing),
            "het record heeft niet de juiste vorm bij subject.name (ontbreekt)"
        );
    }

    #[test]
    fn every_link_problem_and_load_failure_is_explained_in_both_languages() {
        use crate::core::embed::link_config::parse;
        let (_, problems) =
            parse("mode=boss&lang=xx&framework=javascript:x&student=%3Cb%3E&parentOrigin=*");
        let (_, more) = parse("mode=%&lang=%FF&student=1&student=2&parentOrigin=https://a.nl:0");
        let too_long = parse(&format!("student={}", "1".repeat(40))).1;
        for problem in problems.iter().chain(&more).chain(&too_long) {
            let (nl, en) = (Lang::Nl.url_problem(problem), Lang::En.url_problem(problem));
            assert!(!nl.is_empty() && !en.is_empty() && nl != en, "{problem:?}");
        }
        assert_eq!(problems.len() + more.len() + too_long.len(), 10);
        assert_eq!(Lang::En.url_problem(&too_long[0]), "is longer than 32 characters");
        let failures = [
            LoadFailure::Network,
            LoadFailure::Timeout,
            LoadFailure::Status(404),
            LoadFailure::TooLarge,
            LoadFailure::Unreadable,
            LoadFailure::NotUtf8,
            LoadFailure::Invalid(Vec::new()),
        ];
        for failure in &failures {
            assert_ne!(Lang::Nl.load_failure(failure), Lang::En.load_failure(failure));
        }
        assert_eq!(
            Lang::Nl.load_failure(&LoadFailure::Status(404)),
            "de server antwoordde met HTTP 404"
        );
        assert_eq!(Lang::En.load_failure(&LoadFailure::TooLarge), "the file is larger than 2 MB");
    }
}
