//! Deelcertificaten for a whole cohort, and the hogeschool's did:web with its did.json.

use super::Lang;
use crate::core::app::badges::DidDocumentFileProblem;
use crate::core::app::cohort_badges::{CohortProblem, SkipReason};
use crate::core::app::FolderError;
use crate::core::crypto::did_web::DidWebProblem;

texts! { CohortBadgesTexts, COHORT_BADGES_NL, COHORT_BADGES_EN {
    heading: "Deelcertificaten uitgeven voor het cohort", "Issue micro-credentials for the cohort";
    intro: "Voor elk besluit in dit overzicht dat met de sleutel van deze browser is ondertekend, krijgt de student per behaalde leeruitkomst een deelcertificaat, als .json en als afbeelding (.svg). Je kiest een map: daar komen alle bestanden in, met overzicht.csv van wat is uitgegeven.",
        "For every decision in this overview signed with this browser's key, the student gets a micro-credential per learning outcome achieved, as .json and as an image (.svg). You choose a folder: every file goes there, with overzicht.csv listing what was issued.";
    skipped_heading: "Overgeslagen besluiten", "Decisions skipped";
    not_this_key: "niet ondertekend met de sleutel van deze browser; alleen wie het besluit nam, geeft de deelcertificaten uit", "not signed with this browser's key; only who made the decision issues the micro-credentials";
    no_record: "het record waarover het besluit gaat, staat niet (of veranderd) in dit overzicht", "the record the decision is about is not in this overview (or was changed)";
    nothing_achieved: "geen leeruitkomst behaald verklaard", "no learning outcome declared achieved";
    no_folder: "Deze browser kan niet in een map schrijven: elk bestand wordt apart gedownload, in je map Downloads. De browser kan vragen of deze pagina meerdere bestanden mag downloaden; sta dat toe. Chrome en Edge schrijven alles in één gekozen map.",
        "This browser cannot write into a folder: each file is downloaded on its own, into your Downloads folder. The browser may ask whether this page may download several files; allow it. Chrome and Edge write everything into one folder you choose.";
    issue: "Deelcertificaten uitgeven voor het cohort", "Issue micro-credentials for the cohort";
    picking: "Kies de map voor de deelcertificaten.", "Choose the folder for the micro-credentials.";
    nothing_to_issue: "Er is niets uit te geven: geen besluit in dit overzicht geeft met de sleutel van deze browser een deelcertificaat.", "There is nothing to issue: no decision in this overview gives a micro-credential with this browser's key.";
    folder_refused: "De browser gaf geen toestemming om in die map te schrijven. Kies een andere map (geen systeemmap) en sta schrijven toe als de browser dat vraagt.", "The browser did not allow writing into that folder. Choose another folder (not a system folder) and allow writing when the browser asks.";
    written_list: "Geschreven bestanden", "Files written";
    csv_student_number: "Studentnummer", "Student number";
    csv_student_name: "Naam student", "Student name";
    csv_outcome: "Leeruitkomst", "Learning outcome";
    csv_outcome_title: "Titel", "Title";
    csv_json: "Deelcertificaat (.json)", "Micro-credential (.json)";
    csv_svg: "Afbeelding (.svg)", "Image (.svg)";
    csv_id: "Kenmerk", "Identifier";
    csv_issued_at: "Uitgegeven op", "Issued on";
    csv_decision: "Besluit (bestand)", "Decision (file)";
    did_web: "did:web van de hogeschool (niet verplicht)", "The university's did:web (optional)";
    did_web_hint: "Bijvoorbeeld did:web:hogeschool.example:opbouwwerk. Leeg: de deelcertificaten staan op naam van de sleutel van deze browser (did:key). Met een did:web is de hogeschool de uitgever; publiceer dan de did.json hieronder op de website van de hogeschool.",
        "For example did:web:hogeschool.example:opbouwwerk. Empty: the micro-credentials are in the name of this browser's key (did:key). With a did:web the university is the issuer; then publish the did.json below on the university's website.";
    did_json_heading: "did.json om te publiceren", "did.json to publish";
    did_json_label: "Inhoud van did.json", "Contents of did.json";
    copy: "did.json kopiëren", "Copy did.json";
    download: "did.json downloaden", "Download did.json";
    copied: "did.json gekopieerd.", "did.json copied.";
    copy_failed: "Kopiëren lukte niet; download het bestand.", "Copying failed; download the file instead.";
    download_failed: "Deze browser maakte het bestand niet aan. Probeer het opnieuw, of kopieer de inhoud.", "This browser did not make the file. Try again, or copy the contents.";
    no_key: "In de did.json staat de sleutel van deze browser. Die sleutel wordt gemaakt wanneer je je eerste besluit ondertekent; daarna staat de did.json hier.", "The did.json holds this browser's key. That key is made when you sign your first decision; after that the did.json shows here.";
    not_kept: "De naam en did:web konden niet in deze browser bewaard worden (opslag vol of uitgeschakeld); na herladen vul je ze opnieuw in.", "The name and did:web could not be kept in this browser (storage full or disabled); after a reload, fill them in again.";
    choose_did: "did.json kiezen", "Choose did.json";
    did_not_did_web: "Dit bestand is geen did.json van een did:web (het veld id begint niet met did:web:).", "This file is not the did.json of a did:web (its id does not start with did:web:).";
}}

impl Lang {
    pub fn cohort_badges_texts(self) -> &'static CohortBadgesTexts {
        match self {
            Lang::Nl => &COHORT_BADGES_NL,
            Lang::En => &COHORT_BADGES_EN,
        }
    }

    /// "Wordt uitgegeven: 8 deelcertificaten voor 3 studenten."
    pub fn cohort_badges_plan(self, students: usize, badges: usize) -> String {
        let s =
            |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        match self {
            Lang::Nl => format!(
                "Wordt uitgegeven: {} voor {}, elk als .json en .svg, en overzicht.csv.",
                s(badges, "deelcertificaat", "deelcertificaten"),
                s(students, "student", "studenten")
            ),
            Lang::En => format!(
                "To be issued: {} for {}, each as .json and .svg, and overzicht.csv.",
                s(badges, "micro-credential", "micro-credentials"),
                s(students, "student", "students")
            ),
        }
    }

    pub fn skip_reason(self, reason: &SkipReason) -> &'static str {
        let t = self.cohort_badges_texts();
        match reason {
            SkipReason::NotThisKey => t.not_this_key,
            SkipReason::NoRecord => t.no_record,
            SkipReason::NothingAchieved => t.nothing_achieved,
        }
    }

    pub fn cohort_badges_writing(self, total: usize) -> String {
        match self {
            Lang::Nl => format!("Bezig: {total} bestanden worden geschreven…"),
            Lang::En => format!("Writing {total} files…"),
        }
    }

    pub fn cohort_badges_written(self, count: usize) -> String {
        match self {
            Lang::Nl => {
                format!("Klaar: {count} bestanden in de gekozen map geschreven, met overzicht.csv.")
            }
            Lang::En => format!(
                "Done: {count} files written into the folder you chose, with overzicht.csv."
            ),
        }
    }

    /// Writing stopped at `name`: what was written is listed beside this.
    pub fn cohort_badges_write_failed(
        self,
        name: &str,
        error: FolderError,
        written: usize,
        total: usize,
    ) -> String {
        let why = match (self, error) {
            (Lang::Nl, FolderError::Refused) => "de browser gaf geen toestemming",
            (Lang::Nl, _) => {
                "de browser kon het niet schrijven (schijf vol, of de map verplaatst?)"
            }
            (Lang::En, FolderError::Refused) => "the browser did not allow it",
            (Lang::En, _) => "the browser could not write it (disk full, or the folder moved?)",
        };
        match self {
            Lang::Nl => format!(
                "Schrijven stopte bij {name}: {why}. {written} van de {total} bestanden zijn geschreven (hieronder); geef opnieuw uit om alles te krijgen."
            ),
            Lang::En => format!(
                "Writing stopped at {name}: {why}. {written} of the {total} files were written (below); issue again to get them all."
            ),
        }
    }

    pub fn cohort_badges_downloaded(self, count: usize, failed: usize) -> String {
        match (self, failed) {
            (Lang::Nl, 0) => format!("Klaar: {count} bestanden gedownload, met overzicht.csv."),
            (Lang::Nl, f) => format!("{f} van de {count} bestanden maakte de browser niet aan. Sta meerdere downloads toe en geef opnieuw uit."),
            (Lang::En, 0) => format!("Done: {count} files downloaded, with overzicht.csv."),
            (Lang::En, f) => format!("The browser did not make {f} of the {count} files. Allow several downloads and issue again."),
        }
    }

    pub fn cohort_badges_problem(self, problem: &CohortProblem) -> String {
        let t = self.cohort_badges_texts();
        match problem {
            CohortProblem::NothingToIssue => t.nothing_to_issue.into(),
            CohortProblem::Badges(problem) => self.badges_problem(problem),
            CohortProblem::Folder(_) => t.folder_refused.into(),
        }
    }

    pub fn did_web_problem(self, problem: &DidWebProblem) -> String {
        let detail = match (self, problem) {
            (Lang::Nl, DidWebProblem::NotDidWeb) => "die begint met did:web:".to_string(),
            (Lang::Nl, DidWebProblem::TooLong) => "die is te lang".into(),
            (Lang::Nl, DidWebProblem::NoHost) => "na did:web: hoort de domeinnaam van de hogeschool".into(),
            (Lang::Nl, DidWebProblem::BadHost(part)) => format!("‘{part}’ is geen deel van een domeinnaam (letters, cijfers en streepjes, gescheiden door punten)"),
            (Lang::Nl, DidWebProblem::IpAddress) => "een IP-adres mag niet, alleen een domeinnaam".into(),
            (Lang::Nl, DidWebProblem::BadPort(port)) => format!("‘{port}’ na %3A is geen poortnummer"),
            (Lang::Nl, DidWebProblem::BadSegment(segment)) => format!("‘{segment}’ kan geen deel van het pad zijn (alleen letters, cijfers en - . _ ~, gescheiden door :)"),
            (Lang::En, DidWebProblem::NotDidWeb) => "it starts with did:web:".to_string(),
            (Lang::En, DidWebProblem::TooLong) => "it is too long".into(),
            (Lang::En, DidWebProblem::NoHost) => "did:web: is followed by the university's domain name".into(),
            (Lang::En, DidWebProblem::BadHost(part)) => format!("‘{part}’ is not part of a domain name (letters, digits and hyphens, separated by dots)"),
            (Lang::En, DidWebProblem::IpAddress) => "an IP address is not allowed, only a domain name".into(),
            (Lang::En, DidWebProblem::BadPort(port)) => format!("‘{port}’ after %3A is not a port number"),
            (Lang::En, DidWebProblem::BadSegment(segment)) => format!("‘{segment}’ cannot be part of the path (only letters, digits and - . _ ~, separated by :)"),
        };
        match self {
            Lang::Nl => format!("Dit is geen geldige did:web: {detail}."),
            Lang::En => format!("This is not a valid did:web: {detail}."),
        }
    }

    pub fn did_json_publish_at(self, url: &str) -> String {
        match self {
            Lang::Nl => format!("Zet dit bestand op {url}. Wie een deelcertificaat controleert, haalt daar de sleutel van de hogeschool."),
            Lang::En => format!("Put this file at {url}. Whoever verifies a micro-credential gets the university's key there."),
        }
    }

    /// A did:web badge checked without its did.json.
    pub fn did_document_needed(self, did: &str) -> String {
        match self {
            Lang::Nl => format!("Dit deelcertificaat is uitgegeven door {did}. Om de handtekening te controleren is de did.json van die uitgever nodig; de app haalt niets van internet. Kies de did.json (van de website van de hogeschool) hieronder."),
            Lang::En => format!("This micro-credential was issued by {did}. Checking its signature needs that issuer's did.json; the app fetches nothing from the internet. Choose the did.json (from the university's website) below."),
        }
    }

    /// The did.json given does not hold the badge's key for issuing.
    pub fn did_document_mismatch(self, detail: &str) -> String {
        match self {
            Lang::Nl => format!("De did.json bevat de sleutel van dit deelcertificaat niet als sleutel van de uitgever ({detail}). Het deelcertificaat is niet te controleren met deze did.json."),
            Lang::En => format!("The did.json does not hold this micro-credential's key as the issuer's key ({detail}). The micro-credential cannot be verified with this did.json."),
        }
    }

    pub fn did_document_file_problem(self, problem: &DidDocumentFileProblem) -> String {
        let t = self.cohort_badges_texts();
        match (self, problem) {
            (Lang::Nl, DidDocumentFileProblem::TooLarge { bytes }) => {
                format!("Het bestand is {bytes} bytes: te groot voor een did.json.")
            }
            (Lang::En, DidDocumentFileProblem::TooLarge { bytes }) => {
                format!("The file is {bytes} bytes: too large for a did.json.")
            }
            (_, DidDocumentFileProblem::Unreadable) => self.badges_texts().unreadable.into(),
            (Lang::Nl, DidDocumentFileProblem::NotJson(e)) => {
                format!("Dit bestand is geen JSON: {e}.")
            }
            (Lang::En, DidDocumentFileProblem::NotJson(e)) => {
                format!("This file is not JSON: {e}.")
            }
            (_, DidDocumentFileProblem::NotDidWeb) => t.did_not_did_web.into(),
        }
    }
}
