//! Comparing a self-assessment with an assessor's: agreement, differences, and why two records
//! are not compared.

use crate::core::assessment::Mode;
use crate::core::review::compare::{Agreement, Refusal, Warning};

use super::Lang;

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

impl Lang {
    pub fn compare_texts(self) -> &'static CompareTexts {
        match self {
            Lang::Nl => &COMPARE_NL,
            Lang::En => &COMPARE_EN,
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
