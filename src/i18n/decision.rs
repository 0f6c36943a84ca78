//! The examinator's decision: the view where it is made and signed, and its columns in the cohort.

use super::Lang;
use crate::core::credentials::decision::{DecisionProblem, Mismatch, OutcomeResult};

texts! { DecisionTexts, DECISION_NL, DECISION_EN {
    open: "Besluit vastleggen", "Record a decision";
    open_hint: "Als examinator per leeruitkomst vaststellen of die behaald is, met deze beoordeling als advies.",
        "As the examinator, decide for each learning outcome whether it is achieved, with this assessment as advice.";
    heading: "Besluit van de examinator", "The examinator's decision";
    intro: "De praktijkbeoordelaar adviseert, jij stelt vast. Kies per leeruitkomst behaald, niet behaald of niet beoordeeld. Wat je invult blijft in deze browser bewaard tot je ondertekent.",
        "The practice assessor advises, you decide. Choose achieved, not achieved or not assessed for each learning outcome. What you fill in is kept in this browser until you sign.";
    none: "Er is geen besluit in bewerking. Open een geldige beoordeling bij Controleren en kies ‘Besluit vastleggen’.",
        "No decision is in progress. Open a valid assessment under Verify and choose ‘Record a decision’.";
    back: "Terug naar controleren", "Back to verify";
    advice: "Advies van de praktijkbeoordelaar", "The practice assessor's advice";
    advice_open: "nog niet te bepalen: niet alle gedragsindicatoren zijn gescoord", "not yet determined: not every behaviour indicator is scored";
    below_norm: "onder de norm", "below the norm";
    feedback: "Feedback van de praktijkbeoordelaar", "The practice assessor's feedback";
    result_legend: "Besluit", "Decision";
    achieved: "behaald", "achieved";
    not_achieved: "niet behaald", "not achieved";
    not_assessed: "niet beoordeeld", "not assessed";
    motivation: "Motivering", "Motivation";
    motivation_required: "Motivering (verplicht)", "Motivation (required)";
    motivation_why: "Niet behaald vraagt altijd een motivering; behaald ook als het advies nog niet te bepalen is of onder de norm ligt.",
        "Not achieved always needs a motivation; so does achieved when the advice is not yet determined or below the norm.";
    take_advice: "Advies overnemen", "Take the advice";
    take_all: "Advies overnemen voor alle leeruitkomsten", "Take the advice for every learning outcome";
    take_all_hint: "Zet elke leeruitkomst met een bepaald advies op behaald. Wat onder de norm ligt of nog niet te bepalen is, beslis je zelf.",
        "Sets every learning outcome with a determined advice to achieved. What is below the norm or not yet determined, you decide yourself.";
    examinator: "Jouw naam (examinator)", "Your name (examinator)";
    sign: "Besluit ondertekenen", "Sign the decision";
    confirm_heading: "Controleer voor je ondertekent", "Check before you sign";
    signed_by: "Ondertekend door", "Signed by";
    key: "Met de sleutel", "With the key";
    about: "Over", "About";
    record: "Beoordeling", "Assessment";
    results: "Besluit", "Decision";
    new_key: "Deze browser heeft nog geen sleutel. Bij ondertekenen wordt er een gemaakt en bewaard; maak daarna een back-up.",
        "This browser has no key yet. Signing makes one and keeps it; back it up afterwards.";
    confirm: "Ja, besluit ondertekenen", "Yes, sign the decision";
    back_to_decision: "Terug naar het besluit", "Back to the decision";
    no_examinator: "Vul je naam in: het besluit noemt wie het nam.", "Fill in your name: the decision names who made it.";
    no_random: "Deze browser heeft geen bron van toeval voor een sleutel of een kenmerk; ondertekenen kan hier niet.",
        "This browser has no random source for a key or an identifier; signing is not possible here.";
    signed_heading: "Besluit ondertekend", "Decision signed";
    download_again: "Besluit opnieuw downloaden", "Download the decision again";
    copy: "JSON kopiëren", "Copy JSON";
    copied: "Het besluit staat op het klembord.", "The decision is on the clipboard.";
    download_failed: "Deze browser maakte het bestand niet aan. Het besluit is wel ondertekend: kies ‘JSON kopiëren’ en plak de tekst in een bestand dat eindigt op .json.",
        "This browser did not make the file. The decision is signed all the same: choose ‘Copy JSON’ and paste the text into a file ending in .json.";
    next_step: "Stuur het besluit samen met de beoordeling naar de examencommissie of de administratie. Het besluit hoort bij precies deze beoordeling: wordt die veranderd, dan past het besluit er niet meer bij.",
        "Send the decision together with the assessment to the examination board or the administration. The decision belongs to exactly this assessment: if it is changed, the decision no longer fits it.";
    finish: "Klaar", "Done";
    not_kept: "Dit besluit kan niet in deze browser bewaard worden (opslag uitgeschakeld of vol). Het blijft staan zolang deze pagina open is.",
        "This decision cannot be kept in this browser (storage disabled or full). It stays as long as this page is open.";
    replace_yes: "Vervangen: het onafgemaakte besluit vervalt", "Replace: the unfinished decision is dropped";
    replace_no: "Verder met het onafgemaakte besluit", "Go on with the unfinished decision";
    decided_by: "Besluit door", "Decided by";
    none_short: "geen besluit", "no decision";
}}

impl Lang {
    pub fn decision_texts(self) -> &'static DecisionTexts {
        match self {
            Lang::Nl => &DECISION_NL,
            Lang::En => &DECISION_EN,
        }
    }

    pub fn outcome_result(self, result: OutcomeResult) -> &'static str {
        let t = self.decision_texts();
        match result {
            OutcomeResult::Achieved => t.achieved,
            OutcomeResult::NotAchieved => t.not_achieved,
            OutcomeResult::NotAssessed => t.not_assessed,
        }
    }

    /// "Een motivering ontbreekt bij LU1, LU3."
    pub fn motivations_missing(self, outcomes: &[String]) -> String {
        let list = outcomes.join(", ");
        match self {
            Lang::Nl => format!("Een motivering ontbreekt bij {list}."),
            Lang::En => format!("A motivation is missing for {list}."),
        }
    }

    /// "3 behaald, 1 niet behaald, 2 niet beoordeeld"
    pub fn decision_counts(self, achieved: usize, not_achieved: usize, open: usize) -> String {
        match self {
            Lang::Nl => {
                format!("{achieved} behaald, {not_achieved} niet behaald, {open} niet beoordeeld")
            }
            Lang::En => {
                format!("{achieved} achieved, {not_achieved} not achieved, {open} not assessed")
            }
        }
    }

    pub fn replace_decision(self, unfinished: &str, next: &str) -> String {
        match self {
            Lang::Nl => format!("Je bent nog bezig met een besluit over {unfinished}. Dat vervangen door een nieuw besluit over {next}?"),
            Lang::En => format!("You are still working on a decision about {unfinished}. Replace it by a new decision about {next}?"),
        }
    }

    /// The column header of one learning outcome's decision in the cohort: "Besluit LU1".
    pub fn decision_column(self, code: &str) -> String {
        match self {
            Lang::Nl => format!("Besluit {code}"),
            Lang::En => format!("Decision {code}"),
        }
    }

    /// Why a decision file is not taken into the cohort, in plain words.
    pub fn decision_rejected(self, problem: &DecisionRejection) -> String {
        match (self, problem) {
            (Lang::Nl, DecisionRejection::Invalid(DecisionProblem::Credential(_))) => {
                "Besluit: de handtekening of de vorm klopt niet; het is na ondertekenen veranderd of niet door deze app gemaakt.".into()
            }
            (Lang::En, DecisionRejection::Invalid(DecisionProblem::Credential(_))) => {
                "Decision: the signature or the form is not right; it was changed after signing or not made by this app.".into()
            }
            (lang, DecisionRejection::Invalid(p)) => lang.decision_problem(p),
            (Lang::Nl, DecisionRejection::NoRecord) => {
                "Besluit: de beoordeling waar het over gaat zit niet in dit overzicht. Voeg het recordbestand toe.".into()
            }
            (Lang::En, DecisionRejection::NoRecord) => {
                "Decision: the assessment it is about is not in this overview. Add its record file.".into()
            }
            (Lang::Nl, DecisionRejection::Mismatch(Mismatch::RecordChanged)) => {
                "Besluit: de beoordeling is veranderd na het besluit; het besluit past er niet meer bij.".into()
            }
            (Lang::En, DecisionRejection::Mismatch(Mismatch::RecordChanged)) => {
                "Decision: the assessment was changed after the decision; the decision no longer fits it.".into()
            }
            (Lang::Nl, DecisionRejection::Mismatch(Mismatch::OtherStudent)) => {
                "Besluit: het noemt een andere student dan de beoordeling waar het bij hoort.".into()
            }
            (Lang::En, DecisionRejection::Mismatch(Mismatch::OtherStudent)) => {
                "Decision: it names another student than the assessment it belongs to.".into()
            }
            (Lang::Nl, DecisionRejection::Mismatch(_)) => {
                "Besluit: het past niet bij de beoordeling met dit kenmerk (ander kader).".into()
            }
            (Lang::En, DecisionRejection::Mismatch(_)) => {
                "Decision: it does not fit the assessment with this identifier (another framework).".into()
            }
            (Lang::Nl, DecisionRejection::Copy { of }) => {
                format!("Besluit: er is al een besluit over deze beoordeling, uit {of}.")
            }
            (Lang::En, DecisionRejection::Copy { of }) => {
                format!("Decision: there already is a decision on this assessment, from {of}.")
            }
        }
    }
}

impl Lang {
    /// What is wrong with a decision whose signature holds but whose content the app refuses.
    pub fn decision_problem(self, problem: &DecisionProblem) -> String {
        match (self, problem) {
            (Lang::Nl, DecisionProblem::Credential(p)) => {
                format!("Besluit: de handtekening of de vorm klopt niet ({p}).")
            }
            (Lang::En, DecisionProblem::Credential(p)) => {
                format!("Decision: the signature or the form is not right ({p}).")
            }
            (Lang::Nl, DecisionProblem::Malformed(path)) => {
                format!("Besluit: het veld {path} ontbreekt of klopt niet.")
            }
            (Lang::En, DecisionProblem::Malformed(path)) => {
                format!("Decision: the member {path} is missing or malformed.")
            }
            (Lang::Nl, DecisionProblem::UnknownFramework { id }) => {
                format!("Besluit: het beoordelingskader {id} kent deze app niet.")
            }
            (Lang::En, DecisionProblem::UnknownFramework { id }) => {
                format!("Decision: this app does not know the framework {id}.")
            }
            (Lang::Nl, DecisionProblem::Outcomes) => {
                "Besluit: de leeruitkomsten zijn niet precies die van het beoordelingskader.".into()
            }
            (Lang::En, DecisionProblem::Outcomes) => {
                "Decision: the learning outcomes are not exactly those of the framework.".into()
            }
            (Lang::Nl, DecisionProblem::MotivationMissing(id)) => {
                format!("Besluit: bij {id} ontbreekt de motivering.")
            }
            (Lang::En, DecisionProblem::MotivationMissing(id)) => {
                format!("Decision: the motivation for {id} is missing.")
            }
        }
    }
}

/// Why a decision file is left out of the cohort (mirrors `core::review::cohort`).
pub use crate::core::review::cohort::DecisionRejection;
