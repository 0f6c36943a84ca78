//! Every interface string, in Dutch and English, in one place.
//!
//! Fixed strings are declared once with both translations side by side, so a missing translation is
//! a compile error. Strings with values in them are methods with an exhaustive `match` on the
//! language, which the compiler checks the same way. Framework content is not translated: it shows
//! in the framework's own language.

use crate::core::aggregate::Tally;
use crate::core::assessment::{ActionError, MetadataField, Mode};
use crate::core::framework::{Problem, ProblemKind};
use crate::core::score::Score;

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

macro_rules! texts {
    ($($name:ident: $nl:expr, $en:expr;)*) => {
        /// The fixed strings of one language.
        pub struct Texts {
            $(pub $name: &'static str,)*
        }

        pub static NL: Texts = Texts { $($name: $nl,)* };
        pub static EN: Texts = Texts { $($name: $en,)* };

        impl Texts {
            /// Every string with its name, for tests that check them all.
            pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($name), self.$name)),*]
            }
        }
    };
}

texts! {
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
    storage_unavailable: "Je voortgang kan niet in deze browser worden bewaard (opslag is uitgeschakeld of vol). Je kunt verder werken, maar sluit dit tabblad niet.",
        "Your progress cannot be kept in this browser (storage is disabled or full). You can go on working, but do not close this tab.";
    storage_unreadable: "De bewaarde beoordeling in deze browser kon niet worden gelezen. Ze is niet overschreven; je begint met een lege beoordeling.",
        "The assessment saved in this browser could not be read. It has not been overwritten; you start with an empty assessment.";
    storage_other_framework: "De bewaarde beoordeling hoort bij een ander beoordelingskader en is niet geopend. Ze is niet overschreven.",
        "The saved assessment belongs to another framework and was not opened. It has not been overwritten.";
    framework_error: "Het beoordelingskader kon niet worden geladen", "The framework could not be loaded";
    action_error: "Deze wijziging is niet verwerkt", "This change was not made";
    dismiss: "Sluiten", "Dismiss";
    source: "Bron", "Source";
    also_under: "Dezelfde tekst staat ook bij", "The same text also appears under";
    skip_to_summary: "Naar het overzicht", "Skip to the summary";
    next_open: "Naar de eerste open indicator", "Go to the first open indicator";
    all_scored: "Alle indicatoren zijn gescoord.", "All indicators are scored.";
}

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

    pub fn action_error(self, error: &ActionError) -> String {
        match (error, self) {
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
        };
        if at.is_empty() {
            what
        } else {
            format!("{at}: {what}")
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_string_is_translated_and_filled() {
        let nl = NL.entries();
        let en = EN.entries();
        assert_eq!(nl.len(), en.len());
        for ((name, nl_text), (_, en_text)) in nl.iter().zip(&en) {
            assert!(!nl_text.trim().is_empty(), "{name} is empty in Dutch");
            assert!(!en_text.trim().is_empty(), "{name} is empty in English");
        }
        // Words that read the same in both languages are listed here; any other equal pair is a
        // string that was not translated.
        let same_in_both = ["open_count"];
        for ((name, nl_text), (_, en_text)) in nl.iter().zip(&en) {
            if !same_in_both.contains(name) {
                assert_ne!(nl_text, en_text, "{name} is not translated");
            }
        }
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
}
