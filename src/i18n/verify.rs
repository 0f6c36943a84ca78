//! Checking records: the line above a table of checked records. Why a record is not valid is
//! worded in `problems.rs`, since the cohort overview gives the same reasons.

use super::Lang;
use crate::core::record::Verdict;

impl Lang {
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

    /// The progress of checking many files: "312 van 1000 gecontroleerd".
    pub fn batch_progress(self, done: usize, total: usize) -> String {
        match self {
            Lang::Nl => format!("{done} van {total} gecontroleerd"),
            Lang::En => format!("{done} of {total} checked"),
        }
    }

    /// The progress bar's name.
    pub fn batch_progress_label(self) -> &'static str {
        match self {
            Lang::Nl => "Bestanden controleren",
            Lang::En => "Checking files",
        }
    }

    /// The button that stops checking many files.
    pub fn batch_cancel(self) -> &'static str {
        match self {
            Lang::Nl => "Stoppen",
            Lang::En => "Stop",
        }
    }

    /// Said once the user stopped checking many files.
    pub fn batch_stopped(self, done: usize, total: usize) -> String {
        match self {
            Lang::Nl => format!(
                "Controle gestopt: {done} van {total} bestanden waren gecontroleerd. Kies de bestanden opnieuw om ze allemaal te controleren."
            ),
            Lang::En => format!(
                "Check stopped: {done} of {total} files had been checked. Choose the files again to check them all."
            ),
        }
    }

    /// What is wrong, in one sentence a docent can act on: the first line about a record that is
    /// not valid, in every view that refuses one.
    pub fn verdict_sentence(self, verdict: Verdict) -> &'static str {
        use Verdict as V;
        match (verdict, self) {
            (V::SecretKey, Lang::Nl) => "Dit bestand is de geheime ondertekensleutel van een beoordelaar, geen beoordeling.",
            (V::SecretKey, Lang::En) => "This file is an assessor's secret signing key, not an assessment.",
            (V::Damaged, Lang::Nl) => "Dit bestand is beschadigd of onvolledig.",
            (V::Damaged, Lang::En) => "This file is damaged or incomplete.",
            (V::NotARecord, Lang::Nl) => "Dit is geen beoordelingsbestand.",
            (V::NotARecord, Lang::En) => "This is not an assessment file.",
            (V::NewerVersion, Lang::Nl) => "Dit bestand is gemaakt met een nieuwere versie van de app.",
            (V::NewerVersion, Lang::En) => "This file was made with a newer version of the app.",
            (V::Changed, Lang::Nl) => "Dit bestand is na het ondertekenen veranderd.",
            (V::Changed, Lang::En) => "This file was changed after it was signed.",
            (V::NotSigned, Lang::Nl) => "Dit bestand is niet ondertekend.",
            (V::NotSigned, Lang::En) => "This file is not signed.",
            (V::UncheckableSignature, Lang::Nl) => "De handtekening van dit bestand kan niet worden gecontroleerd.",
            (V::UncheckableSignature, Lang::En) => "The signature of this file cannot be checked.",
            (V::UnknownFramework, Lang::Nl) => "Deze beoordeling gebruikt een beoordelingskader dat deze app niet kent.",
            (V::UnknownFramework, Lang::En) => "This assessment uses a framework this app does not know.",
            (V::Faulty, Lang::Nl) => "Deze beoordeling is ondertekend, maar klopt niet met de regels voor een beoordeling.",
            (V::Faulty, Lang::En) => "This assessment is signed, but does not follow the rules for an assessment.",
        }
    }

    /// What the docent should do next about a file with this verdict.
    pub fn verdict_next_step(self, verdict: Verdict) -> &'static str {
        use Verdict as V;
        match (verdict, self) {
            (V::SecretKey, Lang::Nl) => "Geef dit bestand niet door: wie het heeft, kan in naam van de eigenaar ondertekenen. Geef het terug aan de eigenaar, of verwijder het als het per vergissing is gestuurd.",
            (V::SecretKey, Lang::En) => "Do not pass this file on: whoever has it can sign in its owner's name. Give it back to its owner, or delete it if it was sent by mistake.",
            (V::Damaged | V::Changed | V::Faulty, Lang::Nl) => "Vraag de beoordelaar het bestand opnieuw te sturen.",
            (V::Damaged | V::Changed | V::Faulty, Lang::En) => "Ask the assessor to send the file again.",
            (V::NotARecord, Lang::Nl) => "Kies het ondertekende beoordelingsbestand, of vraag de beoordelaar erom.",
            (V::NotARecord, Lang::En) => "Choose the signed assessment file, or ask the assessor for it.",
            (V::NewerVersion, Lang::Nl) => "Laad deze pagina opnieuw voor de nieuwste versie; helpt dat niet, vraag de beoordelaar met welke app het bestand is gemaakt.",
            (V::NewerVersion, Lang::En) => "Reload this page for the newest version; if that does not help, ask the assessor which app made the file.",
            (V::NotSigned, Lang::Nl) => "Vraag de beoordelaar de beoordeling te ondertekenen en het ondertekende bestand te sturen.",
            (V::NotSigned, Lang::En) => "Ask the assessor to sign the assessment and send the signed file.",
            (V::UncheckableSignature, Lang::Nl) => "Vraag de beoordelaar het bestand opnieuw te ondertekenen met deze app.",
            (V::UncheckableSignature, Lang::En) => "Ask the assessor to sign the file again with this app.",
            (V::UnknownFramework, Lang::Nl) => "Vraag de beoordelaar welk beoordelingskader is gebruikt, en of het in deze app hoort.",
            (V::UnknownFramework, Lang::En) => "Ask the assessor which framework was used, and whether it belongs in this app.",
        }
    }

    /// The label of the technical list of problems, folded away under the plain sentence.
    pub fn technical_details(self) -> &'static str {
        match self {
            Lang::Nl => "Technische details",
            Lang::En => "Technical details",
        }
    }

    /// The plain sentence and the next step as one line, for text that has no room for more: the
    /// record's problems follow it wherever the detail is kept.
    pub fn plain_record_verdict(
        self,
        problems: &[crate::core::record::RecordProblem],
    ) -> Option<String> {
        let verdict = crate::core::record::verdict(problems)?;
        Some(format!("{} {}", self.verdict_sentence(verdict), self.verdict_next_step(verdict)))
    }
}
