//! Aggregation of indicator scores per learning outcome, per core task and overall.
//!
//! [`summarize`] is a pure function of the framework and the assessment: the interface recomputes it
//! after every change, and a verifier can recompute it from a record to check the aggregates stated
//! there.
//!
//! The result rule (also in the README and the record schema):
//! - an indicator is open, scored, or *niet waargenomen* (not observed); not observed answers it
//!   (it is no longer open) but is no score: it counts in no mean;
//! - a learning outcome has a result once none of its indicators is open: the level nearest to the
//!   mean of its scored indicators, halves rounded up (mean ≥ 2.5 gives ++, mean ≥ 1.5 gives +,
//!   else □); when every one of its indicators is not observed, the outcome is not observed and has
//!   no result;
//! - a core task's result is the lowest result of its learning outcomes, leaving out those not
//!   observed, and the overall result the lowest of the core tasks, alike: each learning outcome
//!   must be shown on its own, a strong one does not make up for a weak one; a core task (or the
//!   whole) of which nothing was observed is not observed itself;
//! - until then the result is "not yet determined" (`Score::NotScored`).

use serde::Serialize;

use crate::core::assessment::{Answer, Assessment};
use crate::core::framework::score::Score;
use crate::core::framework::Framework;

/// Counts of the scores of a set of indicators.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    pub present: u32,
    pub good: u32,
    pub high: u32,
    /// Indicators marked *niet waargenomen*.
    pub not_observed: u32,
    /// Number of indicators, scored or not.
    pub total: u32,
}

impl Tally {
    pub fn add(&mut self, score: Score) {
        self.add_answer(Answer::Scored(score));
    }

    pub fn add_answer(&mut self, answer: Answer) {
        self.total += 1;
        match answer {
            Answer::Open | Answer::Scored(Score::NotScored) => {}
            Answer::NotObserved => self.not_observed += 1,
            Answer::Scored(Score::Present) => self.present += 1,
            Answer::Scored(Score::Good) => self.good += 1,
            Answer::Scored(Score::High) => self.high += 1,
        }
    }

    pub fn merge(&mut self, other: &Tally) {
        self.present += other.present;
        self.good += other.good;
        self.high += other.high;
        self.not_observed += other.not_observed;
        self.total += other.total;
    }

    /// How many indicators have this score; for `NotScored`, how many are still open (neither
    /// scored nor not observed).
    pub fn count(&self, score: Score) -> u32 {
        match score {
            Score::NotScored => self.total.saturating_sub(self.answered()),
            Score::Present => self.present,
            Score::Good => self.good,
            Score::High => self.high,
        }
    }

    pub fn scored(&self) -> u32 {
        self.present + self.good + self.high
    }

    /// Scored or not observed.
    pub fn answered(&self) -> u32 {
        self.scored() + self.not_observed
    }

    /// Nothing open: every indicator is scored or not observed.
    pub fn is_complete(&self) -> bool {
        self.answered() >= self.total
    }

    /// Every indicator not observed (and there is at least one): nothing to give a result on.
    pub fn is_not_observed(&self) -> bool {
        self.total > 0 && self.not_observed == self.total
    }

    /// Sum of the scored values on the 1–3 scale.
    pub fn sum(&self) -> u32 {
        self.present + 2 * self.good + 3 * self.high
    }

    /// Mean of the scored values on the 1–3 scale; `None` while nothing is scored.
    pub fn mean(&self) -> Option<f64> {
        let scored = self.scored();
        (scored > 0).then(|| f64::from(self.sum()) / f64::from(scored))
    }

    /// Share of indicators answered (scored or not observed), from 0 to 1; 1 for an empty set,
    /// which has nothing left to do.
    pub fn coverage(&self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            f64::from(self.answered()) / f64::from(self.total)
        }
    }

    /// The level nearest the mean, halves up. Integer arithmetic, so that a mean of exactly 2.5
    /// cannot fall below the boundary through rounding.
    pub fn level_of_mean(&self) -> Score {
        let (sum, n) = (u64::from(self.sum()), u64::from(self.scored()));
        if n == 0 {
            Score::NotScored
        } else if 2 * sum >= 5 * n {
            Score::High
        } else if 2 * sum >= 3 * n {
            Score::Good
        } else {
            Score::Present
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OutcomeSummary {
    pub id: String,
    pub tally: Tally,
    /// `NotScored` while an indicator is open, and when none was observed.
    pub result: Score,
}

impl OutcomeSummary {
    /// *Niet waargenomen*: every indicator was marked not observed, so there is no result.
    pub fn is_not_observed(&self) -> bool {
        self.tally.is_not_observed()
    }
}

impl CoreTaskSummary {
    /// Every indicator of every learning outcome not observed.
    pub fn is_not_observed(&self) -> bool {
        self.tally.is_not_observed()
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CoreTaskSummary {
    pub id: String,
    pub tally: Tally,
    pub result: Score,
    pub outcomes: Vec<OutcomeSummary>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub overall: Tally,
    pub result: Score,
    pub core_tasks: Vec<CoreTaskSummary>,
}

impl Summary {
    pub fn outcome(&self, id: &str) -> Option<&OutcomeSummary> {
        self.core_tasks.iter().flat_map(|t| t.outcomes.iter()).find(|o| o.id == id)
    }
}

/// Scores the assessment holds for ids the framework lacks are ignored: only the framework's own
/// indicators count.
pub fn summarize(framework: &Framework, assessment: &Assessment) -> Summary {
    let mut overall = Tally::default();
    let core_tasks: Vec<CoreTaskSummary> = framework
        .core_tasks
        .iter()
        .map(|task| {
            let mut task_tally = Tally::default();
            let outcomes: Vec<OutcomeSummary> = task
                .learning_outcomes
                .iter()
                .map(|outcome| {
                    let entry = assessment.entry(&outcome.id);
                    let mut tally = Tally::default();
                    for indicator in &outcome.indicators {
                        tally
                            .add_answer(entry.map(|e| e.answer(&indicator.id)).unwrap_or_default());
                    }
                    task_tally.merge(&tally);
                    // level_of_mean is NotScored when nothing was scored, i.e. all not observed.
                    let result =
                        if tally.is_complete() { tally.level_of_mean() } else { Score::NotScored };
                    OutcomeSummary { id: outcome.id.clone(), tally, result }
                })
                .collect();
            overall.merge(&task_tally);
            let result = lowest(outcomes.iter().map(|o| (o.result, o.is_not_observed())));
            CoreTaskSummary { id: task.id.clone(), tally: task_tally, result, outcomes }
        })
        .collect();
    let result = lowest(core_tasks.iter().map(|t| (t.result, t.is_not_observed())));
    Summary { overall, result, core_tasks }
}

/// The lowest of the results, leaving out parts not observed; `NotScored` while a part is not yet
/// determined, and when every part was not observed.
fn lowest(results: impl Iterator<Item = (Score, bool)>) -> Score {
    results
        .filter(|&(_, not_observed)| !not_observed)
        .map(|(result, _)| result)
        .min()
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::assessment::Action;

    fn tally(present: u32, good: u32, high: u32, total: u32) -> Tally {
        Tally { present, good, high, not_observed: 0, total }
    }

    #[test]
    fn mean_and_level_boundaries() {
        assert_eq!(tally(0, 0, 0, 3).mean(), None);
        assert_eq!(tally(0, 0, 0, 3).level_of_mean(), Score::NotScored);
        // mean 2.5 exactly rounds up to ++
        assert_eq!(tally(0, 1, 1, 2).mean(), Some(2.5));
        assert_eq!(tally(0, 1, 1, 2).level_of_mean(), Score::High);
        // mean 2.333 is +
        assert_eq!(tally(0, 2, 1, 3).level_of_mean(), Score::Good);
        // mean 1.5 exactly rounds up to +
        assert_eq!(tally(1, 1, 0, 2).level_of_mean(), Score::Good);
        // mean 1.333 is □
        assert_eq!(tally(2, 1, 0, 3).level_of_mean(), Score::Present);
        assert_eq!(tally(1, 0, 0, 1).level_of_mean(), Score::Present);
    }

    fn not_observed(framework: &Framework, assessment: &mut Assessment, id: &str) {
        let action = Action::SetNotObserved { indicator: id.into(), not_observed: true };
        assessment.apply(framework, action).unwrap();
    }

    fn scored(framework: &Framework, assessment: &mut Assessment, id: &str, score: Score) {
        assessment.apply(framework, Action::SetScore { indicator: id.into(), score }).unwrap();
    }

    #[test]
    fn an_outcome_s_result_comes_from_its_observed_indicators_only() {
        let fw = Framework::default_framework().unwrap();
        let mut a = Assessment::new(&fw);
        // LU2 has four indicators: ++, ++, not observed, not observed gives ++, not "not yet".
        scored(&fw, &mut a, "LU2.1", Score::High);
        scored(&fw, &mut a, "LU2.2", Score::High);
        not_observed(&fw, &mut a, "LU2.3");
        let lu2 = summarize(&fw, &a).outcome("LU2").unwrap().clone();
        assert_eq!((lu2.result, lu2.tally.count(Score::NotScored)), (Score::NotScored, 1));
        not_observed(&fw, &mut a, "LU2.4");
        let lu2 = summarize(&fw, &a).outcome("LU2").unwrap().clone();
        assert_eq!(lu2.result, Score::High);
        assert_eq!((lu2.tally.not_observed, lu2.tally.scored(), lu2.tally.total), (2, 2, 4));
        assert_eq!(lu2.tally.count(Score::NotScored), 0);
        assert_eq!(lu2.tally.mean(), Some(3.0), "not observed is no score in the mean");
        assert!(lu2.tally.is_complete() && !lu2.is_not_observed());
        assert!((lu2.tally.coverage() - 1.0).abs() < 1e-12);
    }

    #[test]
    fn an_outcome_of_which_nothing_was_observed_has_no_result_and_is_left_out_above() {
        let fw = Framework::default_framework().unwrap();
        let mut a = Assessment::new(&fw);
        let ids: Vec<(String, String)> = fw
            .learning_outcomes()
            .flat_map(|o| o.indicators.iter().map(move |i| (o.id.clone(), i.id.to_string())))
            .collect();
        for (outcome, id) in &ids {
            if outcome == "LU2" {
                not_observed(&fw, &mut a, id);
            } else {
                scored(
                    &fw,
                    &mut a,
                    id,
                    if outcome == "LU1" { Score::Present } else { Score::High },
                );
            }
        }
        let s = summarize(&fw, &a);
        let lu2 = s.outcome("LU2").unwrap();
        assert!(lu2.is_not_observed());
        assert_eq!(lu2.result, Score::NotScored);
        // LU2's core task is judged on its other outcomes: the lowest of them, □ from LU1.
        let task = s.core_tasks.iter().find(|t| t.outcomes.iter().any(|o| o.id == "LU2")).unwrap();
        assert_eq!(task.result, Score::Present);
        assert_eq!(s.result, Score::Present);
        // Every indicator not observed: nothing at any level has a result.
        for (_, id) in &ids {
            not_observed(&fw, &mut a, id);
        }
        let s = summarize(&fw, &a);
        assert!(s.core_tasks.iter().all(|t| t.is_not_observed() && t.result == Score::NotScored));
        assert_eq!(s.result, Score::NotScored);
        assert_eq!(s.overall.count(Score::NotScored), 0);
        assert!(s.overall.is_not_observed());
    }

    #[test]
    fn counts_and_coverage() {
        let t = tally(1, 2, 3, 9);
        assert_eq!(t.scored(), 6);
        assert_eq!(t.count(Score::NotScored), 3);
        assert_eq!(t.sum(), 1 + 4 + 9);
        assert!((t.coverage() - 6.0 / 9.0).abs() < 1e-12);
        assert!(!t.is_complete());
        assert_eq!(Tally::default().coverage(), 1.0);
    }
}
