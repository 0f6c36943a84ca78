//! Deelcertificaten (Open Badges 3.0): issuing them after a signed decision, and checking one.

use super::Lang;
use crate::core::app::badges::{BadgeCheckProblem, BadgesProblem};
use crate::core::credentials::badge::{BadgeProblem, BadgeReadError};
use crate::core::credentials::baking::UnbakeError;
use crate::core::crypto::eddsa_rdfc::RdfcProofError;

texts! { BadgesTexts, BADGES_NL, BADGES_EN {
    heading: "Deelcertificaten uitgeven", "Issue micro-credentials";
    intro: "Voor elke leeruitkomst die je behaald hebt verklaard, krijgt de student een deelcertificaat: een Open Badge 3.0, ondertekend met jouw sleutel. Je downloadt elk als .json en als afbeelding (.svg) waarin het certificaat zit.",
        "For every learning outcome you declared achieved, the student gets a micro-credential: an Open Badge 3.0, signed with your key. You download each as .json and as an image (.svg) that holds the credential.";
    hogeschool: "Naam van de hogeschool (uitgever)", "Name of the university (issuer)";
    hogeschool_hint: "Staat als uitgever op elk deelcertificaat en op de afbeelding.", "Shown as the issuer on every micro-credential and on the image.";
    issue: "Deelcertificaten uitgeven", "Issue micro-credentials";
    issued: "Uitgegeven deelcertificaten", "Issued micro-credentials";
    json: "JSON downloaden", "Download JSON";
    svg: "Afbeelding (.svg) downloaden", "Download image (.svg)";
    all: "Alle bestanden downloaden", "Download all files";
    no_hogeschool: "Vul de naam van de hogeschool in: die staat als uitgever op elk deelcertificaat.", "Fill in the university's name: it is the issuer on every micro-credential.";
    not_signer: "De sleutel van deze browser is niet de sleutel waarmee het besluit is ondertekend. Alleen wie het besluit nam, geeft de deelcertificaten uit.", "This browser's key is not the key that signed the decision. Only who made the decision issues the micro-credentials.";
    nothing: "Geen enkele leeruitkomst is behaald verklaard: er is geen deelcertificaat uit te geven.", "No learning outcome was declared achieved: there is no micro-credential to issue.";
    no_random: "Deze browser heeft geen bron van toeval voor een kenmerk; uitgeven kan hier niet.", "This browser has no random source for an identifier; issuing is not possible here.";
    download_failed: "Deze browser maakte het bestand niet aan. Probeer het opnieuw, of een andere browser.", "This browser did not make the file. Try again, or another browser.";
    check_heading: "Deelcertificaat controleren", "Verify a micro-credential";
    check_intro: "Open een deelcertificaat (Open Badge 3.0) als .json of als afbeelding (.svg).", "Open a micro-credential (Open Badge 3.0) as .json or as an image (.svg).";
    choose: "Deelcertificaat kiezen", "Choose a micro-credential";
    valid: "Geldig deelcertificaat", "Valid micro-credential";
    invalid: "Geen geldig deelcertificaat", "Not a valid micro-credential";
    issuer: "Uitgegeven door", "Issued by";
    student: "Student", "Student";
    outcome: "Leeruitkomst", "Learning outcome";
    issued_at: "Uitgegeven op", "Issued on";
    evidence: "Gebaseerd op", "Based on";
    unreadable: "Deze browser kon het bestand niet lezen.", "This browser could not read the file.";
    changed: "De handtekening klopt niet: het deelcertificaat is na ondertekenen veranderd, of niet door deze uitgever ondertekend.", "The signature does not match: the micro-credential was changed after signing, or not signed by this issuer.";
    from_decision_heading: "Deelcertificaten uit een besluit", "Micro-credentials from a decision";
    from_decision_intro: "Open een besluit dat je eerder ondertekende om de deelcertificaten ervan uit te geven. Dat kan alleen in de browser met de sleutel waarmee je het besluit ondertekende.",
        "Open a decision you signed earlier to issue its micro-credentials. That is only possible in the browser with the key you signed the decision with.";
    choose_decision: "Besluit kiezen", "Choose a decision";
    no_svg_credential: "Deze afbeelding bevat geen deelcertificaat.", "This image holds no micro-credential.";
}}

impl Lang {
    pub fn badges_texts(self) -> &'static BadgesTexts {
        match self {
            Lang::Nl => &BADGES_NL,
            Lang::En => &BADGES_EN,
        }
    }

    /// "2 deelcertificaten klaar voor Sanne de Vries"
    pub fn badges_ready(self, count: usize, student: &str) -> String {
        match (self, count) {
            (Lang::Nl, 1) => format!("1 deelcertificaat klaar voor {student}."),
            (Lang::Nl, n) => format!("{n} deelcertificaten klaar voor {student}."),
            (Lang::En, 1) => format!("1 micro-credential ready for {student}."),
            (Lang::En, n) => format!("{n} micro-credentials ready for {student}."),
        }
    }

    pub fn badges_problem(self, problem: &BadgesProblem) -> String {
        let b = self.badges_texts();
        match problem {
            BadgesProblem::NoHogeschool => b.no_hogeschool.into(),
            BadgesProblem::DidWeb(problem) => self.did_web_problem(problem),
            BadgesProblem::NotTheSigner => b.not_signer.into(),
            BadgesProblem::NothingAchieved => b.nothing.into(),
            BadgesProblem::NoRandomSource => b.no_random.into(),
            BadgesProblem::Decision(problem) => self.decision_problem(problem),
            BadgesProblem::Issue(why) => match self {
                Lang::Nl => format!("Uitgeven lukte niet: {why}"),
                Lang::En => format!("Issuing failed: {why}"),
            },
        }
    }

    pub fn badge_check_problem(self, problem: &BadgeCheckProblem) -> String {
        let b = self.badges_texts();
        match problem {
            BadgeCheckProblem::TooLarge { bytes } => match self {
                Lang::Nl => {
                    format!("Het bestand is {bytes} bytes: te groot voor een deelcertificaat.")
                }
                Lang::En => format!("The file is {bytes} bytes: too large for a micro-credential."),
            },
            BadgeCheckProblem::Unreadable => b.unreadable.into(),
            BadgeCheckProblem::Decision(problem) => self.decision_problem(problem),
            BadgeCheckProblem::Read(BadgeReadError::Badge(BadgeProblem::Proof(
                RdfcProofError::NoDidDocument(did),
            ))) => self.did_document_needed(did),
            BadgeCheckProblem::Read(BadgeReadError::Badge(BadgeProblem::Proof(
                RdfcProofError::DidDocument(problem),
            ))) => self.did_document_mismatch(&problem.to_string()),
            BadgeCheckProblem::Read(BadgeReadError::Badge(BadgeProblem::Proof(_))) => {
                b.changed.into()
            }
            BadgeCheckProblem::Read(BadgeReadError::Unbake(
                UnbakeError::NoCredential | UnbakeError::NoNamespace,
            )) => b.no_svg_credential.into(),
            // The technical reason, in English as the standards word it, after a plain lead.
            BadgeCheckProblem::Read(other) => match self {
                Lang::Nl => {
                    format!("Dit is geen deelcertificaat dat de app kan controleren: {other}.")
                }
                Lang::En => format!("This is not a micro-credential the app can verify: {other}."),
            },
        }
    }
}
