//! The assessment form: its fixed strings (`FormTexts`, everything the scoring page shows), field
//! and mode labels, progress, the summary's numbers, and why an edit was not made.

use crate::core::assessment::aggregate::Tally;
use crate::core::assessment::{ActionError, MetadataField, Mode};
use crate::core::framework::score::Score;

use super::Lang;

texts! { FormTexts, FORM_NL, FORM_EN {
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
    scale_intro: "Per gedragsindicator kies je in welke mate de competentie ontwikkeld is:",
        "For each behaviour indicator, choose to what degree the competence has developed:";
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
    storage_unavailable: "Je voortgang kan niet in deze browser worden bewaard (opslag is uitgeschakeld of vol). Je kunt verder werken; download alles voordat je dit tabblad sluit.",
        "Your progress cannot be kept in this browser (storage is disabled or full). You can go on working; download everything before you close this tab.";
    storage_changed_elsewhere: "Deze beoordeling is in een ander tabblad gewijzigd. Je ziet nu de nieuwste versie.",
        "This assessment was changed in another tab. You now see the newest version.";
    storage_removed_elsewhere: "Deze beoordeling is in een ander tabblad verwijderd. Ze staat nog hier open; bij je volgende wijziging wordt ze weer bewaard.",
        "This assessment was deleted in another tab. It is still open here; your next change saves it again.";
    also_under: "Dezelfde tekst staat ook bij", "The same text also appears under";
    skip_to_summary: "Naar het overzicht", "Skip to the summary";
    next_open: "Naar de eerste open indicator", "Go to the first open indicator";
    all_scored: "Alle indicatoren zijn gescoord.", "All indicators are scored.";
    all_scored_short: "Alles gescoord", "All scored";
    dock_to_record: "Naar het ondertekende record", "To the signed record";
    open_mark: "Nog open", "Not yet scored";
    print_score: "Score", "Score";
    print_not_scored: "niet gescoord", "not scored";
    print_comment: "Toelichting", "Evidence";
    nav_label: "Onderdelen", "Sections";
    sign_heading: "Ondertekenen en exporteren", "Sign and export";
}}

impl Lang {
    pub fn metadata_label(self, field: MetadataField) -> &'static str {
        let t = self.form_texts();
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
            Mode::Assessor => self.form_texts().mode_assessor,
            Mode::SelfAssessment => self.form_texts().mode_self,
        }
    }

    pub fn mode_hint(self, mode: Mode) -> &'static str {
        match mode {
            Mode::Assessor => self.form_texts().mode_assessor_hint,
            Mode::SelfAssessment => self.form_texts().mode_self_hint,
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

    /// The progress dock's button: "Volgende open (5)".
    pub fn next_open_button(self, open: usize) -> String {
        match self {
            Lang::Nl => format!("Volgende open ({open})"),
            Lang::En => format!("Next open ({open})"),
        }
    }

    /// In a learning outcome's header: "3 open", or that none is.
    pub fn open_in_outcome(self, open: usize) -> String {
        match (self, open) {
            (Lang::Nl, 0) => "alles gescoord".into(),
            (Lang::En, 0) => "all scored".into(),
            (Lang::Nl | Lang::En, n) => format!("{n} open"),
        }
    }

    /// "Score overnemen van LU1.3 (++)"
    pub fn take_over_score(self, from: &str, symbol: &str) -> String {
        match self {
            Lang::Nl => format!("Score overnemen van {from} ({symbol})"),
            Lang::En => format!("Take over the score of {from} ({symbol})"),
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
        let t = self.form_texts();
        let mut parts: Vec<String> = Score::LEVELS
            .iter()
            .rev()
            .map(|&level| format!("{} {}", level.symbol(), tally.count(level)))
            .collect();
        parts.push(format!("{} {}", t.open_count, tally.count(Score::NotScored)));
        if tally.not_observed > 0 {
            parts.push(self.not_observed_count(tally.not_observed));
        }
        let mean = self.fraction(u64::from(tally.sum()), u64::from(tally.scored()));
        format!("{} · {} {}", parts.join(" · "), t.mean, mean)
    }

    pub fn action_error(self, error: &ActionError) -> String {
        match (error, self) {
            (ActionError::Final, Lang::Nl) => "de beoordeling is ondertekend en definitief".into(),
            (ActionError::Final, Lang::En) => "the assessment is signed and final".into(),
            (ActionError::SetByInvitation, Lang::Nl) => {
                "dit veld is vastgelegd in de uitnodiging van de docent".into()
            }
            (ActionError::SetByInvitation, Lang::En) => {
                "this field is set by the docent's invitation".into()
            }
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_progress_follow_the_language() {
        assert_eq!(Lang::Nl.fraction(5, 3), "1,67");
        assert_eq!(Lang::En.fraction(5, 2), "2.50");
        assert_eq!(Lang::En.fraction(1, 8), "0.13");
        assert_eq!(Lang::En.fraction(2, 3), "0.67");
        assert_eq!(Lang::Nl.fraction(1, 0), "–");
        assert_eq!(Lang::Nl.progress(31, 42), "31 van 42 indicatoren gescoord");
        assert_eq!(Lang::En.progress(0, 42), "0 of 42 indicators scored");
        let tally = Tally { present: 1, good: 0, high: 2, not_observed: 0, total: 4 };
        assert_eq!(Lang::Nl.tally_text(&tally), "++ 2 · + 0 · □ 1 · open 1 · gemiddelde 2,33");
        // Not observed is counted apart, and is neither open nor in the mean.
        let tally = Tally { present: 1, good: 0, high: 2, not_observed: 2, total: 6 };
        assert_eq!(
            Lang::En.tally_text(&tally),
            "++ 2 · + 0 · □ 1 · open 1 · 2 not observed · mean 2.33"
        );
    }
}
