//! The assessment form: field and mode labels, progress, the summary's numbers, and why an edit
//! was not made.

use crate::core::assessment::aggregate::Tally;
use crate::core::assessment::{ActionError, MetadataField, Mode};
use crate::core::framework::score::Score;

use super::Lang;

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
        let t = self.texts();
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
