//! Comparing a student's self-assessment with an assessor's assessment of the same student.
//!
//! Pure, like the aggregation: the compare view only shows what [`compare`] returns. Sums and
//! counts stay integers, and a mean becomes hundredths only at the end, rounded in integers as the
//! record's `mean` is, so every implementation arrives at the same figures.

use std::rc::Rc;

use crate::core::assessment::{Answer, Assessment, Mode};
use crate::core::framework::hashed::HashedFramework;
use crate::core::framework::Framework;
use crate::core::record::AssessmentRecord;

/// One indicator as both assessments have it: scored, *niet waargenomen* or open on each side.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndicatorPair {
    pub id: Rc<str>,
    pub student: Answer,
    pub assessor: Answer,
    /// The toelichting on each side; empty when there is none.
    pub student_comment: String,
    pub assessor_comment: String,
}

impl IndicatorPair {
    /// Assessor minus student on the 1–3 scale; `None` unless both scored the indicator (not
    /// observed is no score, so it differs from nothing).
    pub fn difference(&self) -> Option<i32> {
        let (assessor, student) = (self.assessor.score().value()?, self.student.score().value()?);
        Some(i32::from(assessor) - i32::from(student))
    }
}

/// How far the two agree on a set of indicators. Only indicators scored in both count: an open
/// score says nothing about agreement.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Agreement {
    /// Indicators scored in both.
    pub compared: u32,
    /// Of those, the ones scored the same.
    pub equal: u32,
    /// Sum of assessor minus student.
    pub difference_sum: i32,
    /// Sum of the absolute differences.
    pub absolute_sum: u32,
}

impl Agreement {
    fn add(&mut self, difference: i32) {
        self.compared += 1;
        self.equal += u32::from(difference == 0);
        self.difference_sum += difference;
        self.absolute_sum += difference.unsigned_abs();
    }

    fn merge(&mut self, other: &Agreement) {
        self.compared += other.compared;
        self.equal += other.equal;
        self.difference_sum += other.difference_sum;
        self.absolute_sum += other.absolute_sum;
    }

    /// The share scored the same, in whole percent, halves up; `None` when nothing is compared.
    pub fn percent_equal(&self) -> Option<i64> {
        rounded(i64::from(self.equal) * 100, self.compared)
    }

    /// Mean of assessor minus student, in hundredths.
    pub fn mean_difference(&self) -> Option<i64> {
        rounded(i64::from(self.difference_sum) * 100, self.compared)
    }

    /// Mean of the absolute differences, in hundredths.
    pub fn mean_absolute_difference(&self) -> Option<i64> {
        rounded(i64::from(self.absolute_sum) * 100, self.compared)
    }
}

/// `numerator / denominator` to the nearest integer, halves away from zero: swapping the two
/// assessments then flips the sign of a mean and changes nothing else.
fn rounded(numerator: i64, denominator: u32) -> Option<i64> {
    if denominator == 0 {
        return None;
    }
    let d = i64::from(denominator);
    let magnitude = (2 * numerator.abs() + d) / (2 * d);
    Some(if numerator < 0 { -magnitude } else { magnitude })
}

/// Something the reader must know, though the two can still be compared.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Warning {
    /// Both are of this mode, so "student" and "assessor" are only the order they were given in.
    SameMode(Mode),
    /// The student numbers differ (either may be empty): perhaps two students.
    DifferentStudents { student: String, assessor: String },
}

/// Why two records cannot be compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// They name different frameworks (id, version or hash): their indicators do not correspond.
    DifferentFrameworks,
    /// Both name a framework other than this app's, whose indicators it does not have.
    UnknownFramework,
    /// A record's scores cannot be read.
    Unreadable,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comparison {
    /// Every indicator of the framework, in framework order.
    pub indicators: Vec<IndicatorPair>,
    /// Per learning outcome, in framework order, with its id.
    pub outcomes: Vec<(String, Agreement)>,
    pub overall: Agreement,
    /// The first assessment given was the assessor's and the second the student's, so they were
    /// taken the other way round.
    pub swapped: bool,
    pub warnings: Vec<Warning>,
}

impl Comparison {
    /// The talking points: indicators scored differently, largest gap first, ties in framework
    /// order. Counting down from the largest gap keeps that order without a sort.
    pub fn talking_points(&self) -> Vec<&IndicatorPair> {
        let gap = |p: &IndicatorPair| p.difference().map_or(0, i32::unsigned_abs);
        let mut points = Vec::new();
        for g in (1..=self.indicators.iter().map(gap).max().unwrap_or(0)).rev() {
            points.extend(self.indicators.iter().filter(|p| gap(p) == g));
        }
        points
    }
}

/// Compares two assessments of `framework`. The self-assessment is the student's side whichever
/// order they come in; when both or neither are, `first` is taken as the student's.
pub fn compare(framework: &Framework, first: &Assessment, second: &Assessment) -> Comparison {
    let swapped =
        first.metadata.mode == Mode::Assessor && second.metadata.mode == Mode::SelfAssessment;
    let (student, assessor) = if swapped { (second, first) } else { (first, second) };
    let mut warnings = Vec::new();
    if student.metadata.mode == assessor.metadata.mode {
        warnings.push(Warning::SameMode(student.metadata.mode));
    }
    let (s, a) = (student.metadata.student_number.trim(), assessor.metadata.student_number.trim());
    if !s.eq_ignore_ascii_case(a) {
        warnings.push(Warning::DifferentStudents { student: s.into(), assessor: a.into() });
    }

    let mut indicators = Vec::with_capacity(framework.indicator_count());
    let mut outcomes = Vec::new();
    let mut overall = Agreement::default();
    for outcome in framework.learning_outcomes() {
        let (se, ae) = (student.entry(&outcome.id), assessor.entry(&outcome.id));
        let mut agreement = Agreement::default();
        for indicator in &outcome.indicators {
            let id = &*indicator.id;
            let pair = IndicatorPair {
                id: indicator.id.clone(),
                student: se.map(|e| e.answer(id)).unwrap_or_default(),
                assessor: ae.map(|e| e.answer(id)).unwrap_or_default(),
                student_comment: se.map(|e| e.comment(id)).unwrap_or("").into(),
                assessor_comment: ae.map(|e| e.comment(id)).unwrap_or("").into(),
            };
            if let Some(difference) = pair.difference() {
                agreement.add(difference);
            }
            indicators.push(pair);
        }
        overall.merge(&agreement);
        outcomes.push((outcome.id.clone(), agreement));
    }
    Comparison { indicators, outcomes, overall, swapped, warnings }
}

/// Compares two records of `framework`, which both must name exactly (id, version and hash).
/// Whether each record is valid is for the caller to show: an untrusted record may be compared.
pub fn compare_records(
    framework: &HashedFramework,
    first: &AssessmentRecord,
    second: &AssessmentRecord,
) -> Result<Comparison, Refusal> {
    if first.framework != second.framework {
        return Err(Refusal::DifferentFrameworks);
    }
    let (fw, named) = (framework.framework(), &first.framework);
    if named.id != fw.id || named.version != fw.version || named.sha256 != framework.sha256() {
        return Err(Refusal::UnknownFramework);
    }
    match (first.to_assessment(), second.to_assessment()) {
        (Ok(first), Ok(second)) => Ok(compare(fw, &first, &second)),
        _ => Err(Refusal::Unreadable),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::assessment::{Action, MetadataField};
    use crate::core::framework::score::Score;
    use crate::core::record::{build_record_typed, IndicatorStatus};

    fn hashed() -> HashedFramework {
        HashedFramework::default_framework().expect("the default framework loads")
    }

    /// An assessment of `mode` for student `number` with `scores` as (indicator, value 1–3).
    fn assessment(fw: &Framework, mode: Mode, number: &str, scores: &[(&str, u8)]) -> Assessment {
        let mut a = Assessment::new(fw);
        a.apply(fw, Action::SetMode(mode)).unwrap();
        a.apply(fw, Action::SetMetadata(MetadataField::StudentNumber, number.into())).unwrap();
        for &(id, value) in scores {
            let score = Score::from_value(value).unwrap();
            a.apply(fw, Action::SetScore { indicator: id.into(), score }).unwrap();
        }
        a
    }

    fn agreement(c: &Comparison, outcome: &str) -> Agreement {
        c.outcomes.iter().find(|(id, _)| id == outcome).unwrap().1
    }

    fn ids(points: Vec<&IndicatorPair>) -> Vec<&str> {
        points.into_iter().map(|p| &*p.id).collect()
    }

    #[test]
    fn rounding_is_exact_and_symmetric() {
        assert_eq!(rounded(5 * 100, 9), Some(56)); // 55.56
        assert_eq!(rounded(100, 8), Some(13)); // 12.5 rounds away from zero
        assert_eq!(rounded(-100, 8), Some(-13));
        assert_eq!(rounded(200, 3), Some(67));
        assert_eq!(rounded(-200, 3), Some(-67));
        assert_eq!(rounded(-100, 3), Some(-33));
        assert_eq!(rounded(0, 5), Some(0));
        assert_eq!(rounded(7, 0), None);
    }

    #[test]
    fn agreement_per_learning_outcome_and_overall() {
        let fw = hashed().framework().clone();
        // LU1: 1.1 equal, 1.2 +1, 1.3 -2, 1.4 equal, 1.5 scored by the student only, 1.6 +2,
        // 1.7 -1, 1.8 equal, 1.9 by the assessor only.
        let student = assessment(
            &fw,
            Mode::SelfAssessment,
            "4812345",
            &[
                ("LU1.1", 2),
                ("LU1.2", 1),
                ("LU1.3", 3),
                ("LU1.4", 3),
                ("LU1.5", 2),
                ("LU1.6", 1),
                ("LU1.7", 2),
                ("LU1.8", 1),
                ("LU2.1", 3),
            ],
        );
        let assessor = assessment(
            &fw,
            Mode::Assessor,
            "4812345",
            &[
                ("LU1.1", 2),
                ("LU1.2", 2),
                ("LU1.3", 1),
                ("LU1.4", 3),
                ("LU1.6", 3),
                ("LU1.7", 1),
                ("LU1.8", 1),
                ("LU1.9", 3),
                ("LU2.1", 2),
            ],
        );
        let c = compare(&fw, &student, &assessor);
        assert!(!c.swapped);
        assert!(c.warnings.is_empty(), "{:?}", c.warnings);
        assert_eq!(c.indicators.len(), 42);
        assert_eq!(&*c.indicators[0].id, "LU1.1");

        let lu1 = agreement(&c, "LU1");
        assert_eq!(
            lu1,
            Agreement { compared: 7, equal: 3, difference_sum: 0, absolute_sum: 6 },
            "differences 0, +1, -2, 0, +2, -1, 0"
        );
        assert_eq!(lu1.percent_equal(), Some(43)); // 3/7 = 42.86 %
        assert_eq!(lu1.mean_difference(), Some(0));
        assert_eq!(lu1.mean_absolute_difference(), Some(86)); // 6/7 = 0.857

        let lu2 = agreement(&c, "LU2");
        assert_eq!(lu2, Agreement { compared: 1, equal: 0, difference_sum: -1, absolute_sum: 1 });
        assert_eq!(lu2.mean_difference(), Some(-100));
        assert_eq!(agreement(&c, "LU3"), Agreement::default());
        assert_eq!(agreement(&c, "LU3").percent_equal(), None);

        assert_eq!(
            c.overall,
            Agreement { compared: 8, equal: 3, difference_sum: -1, absolute_sum: 7 }
        );
        assert_eq!(c.overall.percent_equal(), Some(38)); // 37.5 rounds up
        assert_eq!(c.overall.mean_difference(), Some(-13)); // -0.125 rounds away from zero
        assert_eq!(c.overall.mean_absolute_difference(), Some(88)); // 0.875

        // Largest gaps first, ties in framework order; equal and one-sided ones are left out.
        assert_eq!(ids(c.talking_points()), ["LU1.3", "LU1.6", "LU1.2", "LU1.7", "LU2.1"]);
        let one_sided = c.indicators.iter().find(|p| &*p.id == "LU1.5").unwrap();
        assert_eq!(one_sided.difference(), None);
    }

    #[test]
    fn the_self_assessment_is_the_students_side_in_either_order() {
        let fw = hashed().framework().clone();
        let student = assessment(&fw, Mode::SelfAssessment, "S-42", &[("LU3.1", 1), ("LU3.2", 3)]);
        let assessor = assessment(&fw, Mode::Assessor, " s-42 ", &[("LU3.1", 3), ("LU3.2", 2)]);
        let forward = compare(&fw, &student, &assessor);
        let swapped = compare(&fw, &assessor, &student);
        assert!(swapped.swapped);
        assert_eq!(swapped.indicators, forward.indicators);
        assert_eq!(swapped.overall, forward.overall);
        assert_eq!(forward.overall.mean_difference(), Some(50)); // (+2 - 1) / 2
        assert!(forward.warnings.is_empty(), "numbers match up to case and spaces");
        assert_eq!(ids(forward.talking_points()), ["LU3.1", "LU3.2"]);
    }

    #[test]
    fn same_mode_and_different_students_are_warned_about() {
        let fw = hashed().framework().clone();
        let one = assessment(&fw, Mode::SelfAssessment, "4812345", &[("LU1.1", 2)]);
        let other = assessment(&fw, Mode::SelfAssessment, "", &[("LU1.1", 3)]);
        let c = compare(&fw, &one, &other);
        assert!(!c.swapped);
        assert_eq!(
            c.warnings,
            [
                Warning::SameMode(Mode::SelfAssessment),
                Warning::DifferentStudents { student: "4812345".into(), assessor: String::new() },
            ]
        );
        // Still compared, in the order given.
        assert_eq!(c.overall.mean_difference(), Some(100));
        let both_assessors = compare(
            &fw,
            &assessment(&fw, Mode::Assessor, "1", &[]),
            &assessment(&fw, Mode::Assessor, "1", &[]),
        );
        assert_eq!(both_assessors.warnings, [Warning::SameMode(Mode::Assessor)]);
        assert_eq!(both_assessors.overall.percent_equal(), None);
        assert!(both_assessors.talking_points().is_empty());
    }

    #[test]
    fn comments_of_both_sides_are_kept() {
        let fw = hashed().framework().clone();
        let mut student = assessment(&fw, Mode::SelfAssessment, "1", &[]);
        let text = "Buurtavond georganiseerd";
        student
            .apply(&fw, Action::SetComment { indicator: "LU4.2".into(), text: text.into() })
            .unwrap();
        let assessor = assessment(&fw, Mode::Assessor, "1", &[]);
        let c = compare(&fw, &student, &assessor);
        let pair = c.indicators.iter().find(|p| &*p.id == "LU4.2").unwrap();
        assert_eq!((pair.student_comment.as_str(), pair.assessor_comment.as_str()), (text, ""));
    }

    #[test]
    fn records_of_other_frameworks_are_refused() {
        let hashed = hashed();
        let fw = hashed.framework().clone();
        let record = |mode, scores: &[(&str, u8)]| {
            let a = assessment(&fw, mode, "4812345", scores);
            build_record_typed(&hashed, &a, "2026-05-01T09:30:00Z", "urn:uuid:x").unwrap()
        };
        let student = record(Mode::SelfAssessment, &[("LU6.9", 1)]);
        let assessor = record(Mode::Assessor, &[("LU6.9", 3)]);
        let c = compare_records(&hashed, &assessor, &student).unwrap();
        assert!(c.swapped);
        assert_eq!(c.overall.mean_difference(), Some(200));

        let mut other_version = assessor.clone();
        other_version.framework.version = "2027-01".into();
        assert_eq!(
            compare_records(&hashed, &student, &other_version),
            Err(Refusal::DifferentFrameworks)
        );
        let mut other_texts = student.clone();
        other_texts.framework.sha256 = "0".repeat(64);
        assert_eq!(
            compare_records(&hashed, &other_texts, &assessor),
            Err(Refusal::DifferentFrameworks)
        );
        let mut both_other = other_texts.clone();
        both_other.mode = Mode::Assessor;
        assert_eq!(
            compare_records(&hashed, &other_texts, &both_other),
            Err(Refusal::UnknownFramework)
        );

        let mut unreadable = assessor.clone();
        if let Some(first) = unreadable.indicators.first_mut() {
            first.status = IndicatorStatus::Scored;
            first.score = None;
        }
        assert_eq!(compare_records(&hashed, &student, &unreadable), Err(Refusal::Unreadable));
    }
}
