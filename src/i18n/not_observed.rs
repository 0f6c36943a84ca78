//! *Niet waargenomen*: an indicator answered without a score, and the outcomes nothing was
//! observed of.

use crate::core::assessment::Mode;

use super::Lang;

texts! { NotObservedTexts, NOT_OBSERVED_NL, NOT_OBSERVED_EN {
    mark: "Niet waargenomen", "Not observed";
    mark_self: "Heb ik (nog) niet laten zien", "I have not shown this (yet)";
    hint: "Geen score: telt niet mee in het resultaat, en staat niet meer open.",
        "No score: it does not count in the result, and is no longer open.";
    result: "niet waargenomen", "not observed";
    short: "n.w.", "n.o.";
    nothing_open: "Er staat geen indicator meer open", "No indicator is still open";
    nothing_open_short: "Niets meer open", "Nothing open";
}}

impl Lang {
    pub fn not_observed_texts(self) -> &'static NotObservedTexts {
        match self {
            Lang::Nl => &NOT_OBSERVED_NL,
            Lang::En => &NOT_OBSERVED_EN,
        }
    }

    /// The box beside the scores: an assessor did not observe the behaviour; a student scoring
    /// themselves has not shown it (yet).
    pub fn not_observed_label(self, mode: Mode) -> &'static str {
        let t = self.not_observed_texts();
        match mode {
            Mode::Assessor => t.mark,
            Mode::SelfAssessment => t.mark_self,
        }
    }

    /// "2 niet waargenomen", after the progress and in a tally.
    pub fn not_observed_count(self, n: u32) -> String {
        format!("{n} {}", self.not_observed_texts().result)
    }

    /// Where nothing is open but `n` indicators are not observed: "all scored" would not be true.
    pub fn nothing_open(self, n: u32) -> String {
        format!("{}; {}.", self.not_observed_texts().nothing_open, self.not_observed_count(n))
    }

    /// What the form says once nothing is open, `not_observed` of the indicators answered
    /// without a score: that all are scored only where none is.
    pub fn none_open(self, not_observed: u32) -> String {
        match not_observed {
            0 => self.form_texts().all_scored.to_string(),
            n => self.nothing_open(n),
        }
    }

    /// [`Lang::none_open`] in a word or two, for the bar at the bottom.
    pub fn none_open_short(self, not_observed: u32) -> &'static str {
        match not_observed {
            0 => self.form_texts().all_scored_short,
            _ => self.not_observed_texts().nothing_open_short,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_student_is_asked_in_their_own_words() {
        assert_eq!(Lang::Nl.not_observed_label(Mode::Assessor), "Niet waargenomen");
        assert_eq!(
            Lang::Nl.not_observed_label(Mode::SelfAssessment),
            "Heb ik (nog) niet laten zien"
        );
        assert_eq!(Lang::En.not_observed_label(Mode::Assessor), "Not observed");
        assert_eq!(Lang::En.not_observed_count(2), "2 not observed");
    }

    #[test]
    fn nothing_open_says_how_many_are_not_observed() {
        assert_eq!(
            Lang::Nl.nothing_open(3),
            "Er staat geen indicator meer open; 3 niet waargenomen."
        );
        assert_eq!(Lang::En.nothing_open(1), "No indicator is still open; 1 not observed.");
        assert_eq!(Lang::Nl.none_open(0), "Alle indicatoren zijn gescoord.");
        assert_eq!(Lang::Nl.none_open(3), Lang::Nl.nothing_open(3));
        assert_eq!(Lang::Nl.none_open_short(0), "Alles gescoord");
        assert_eq!(Lang::Nl.none_open_short(2), "Niets meer open");
    }
}
