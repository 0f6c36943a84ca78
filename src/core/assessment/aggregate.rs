//! Aggregation of indicator scores per learning outcome, per core task and overall.
//!
//! [`summarize`] is a pure function of the framework and the assessment: the interface recomputes it
//! after every change, and a verifier can recompute it from a record to check the aggregates stated
//! there.
//!
//! The result rule (also in the README):
//! - a learning outcome has a result once every one of its indicators is scored: the level nearest
//!   to the mean of its scores, halves rounded up (mean ≥ 2.5 gives ++, mean ≥ 1.5 gives +, else □);
//! - a core task's result is the lowest result of its learning outcomes, and the overall result the
//!   lowest of the core tasks: each learning outcome must be shown on its own, a strong one does not
//!   make up for a weak one;
//! - until then the result is "not yet determined" (`Score::NotScored`).

use serde::Serialize;

use crate::core::assessment::Assessment;
use crate::core::framework::score::Score;
use crate::core::framework::Framework;

/// Counts of the scores of a set of indicators.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    pub present: u32,
    pub good: u32,
    pub high: u32,
    /// Number of indicators, scored or not.
    pub total: u32,
}

impl Tally {
    pub fn add(&mut self, score: Score) {
        self.total += 1;
        match score {
            Score::NotScored => {}
            Score::Present => self.present += 1,
            Score::Good => self.good += 1,
            Score::High => self.high += 1,
        }
    }

    pub fn merge(&mut self, other: &Tally) {
        self.present += other.present;
        self.good += other.good;
        self.high += other.high;
        self.total += other.total;
    }

    /// How many indicators have this score; for `NotScored`, how many are still open.
    pub fn count(&self, score: Score) -> u32 {
        match score {
            Score::NotScored => self.total - self.scored(),
            Score::Present => self.present,
            Score::Good => self.good,
            Score::High => self.high,
        }
    }

    pub fn scored(&self) -> u32 {
        self.present + self.good + self.high
    }

    pub fn is_complete(&self) -> bool {
        self.scored() == self.total
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

    /// Share of indicators scored, from 0 to 1; 1 for an empty set, which has nothing left to do.
    pub fn coverage(&self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            f64::from(self.scored()) / f64::from(self.total)
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
    /// `NotScored` until every indicator is scored.
    pub result: Score,
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
                        tally.add(entry.map(|e| e.score(&indicator.id)).unwrap_or_default());
                    }
                    task_tally.merge(&tally);
                    let result =
                        if tally.is_complete() { tally.level_of_mean() } else { Score::NotScored };
                    OutcomeSummary { id: outcome.id.clone(), tally, result }
                })
                .collect();
            overall.merge(&task_tally);
            CoreTaskSummary {
                id: task.id.clone(),
                tally: task_tally,
                result: lowest(outcomes.iter().map(|o| o.result)),
                outcomes,
            }
        })
        .collect();
    Summary { overall, result: lowest(core_tasks.iter().map(|t| t.result)), core_tasks }
}

fn lowest(results: impl Iterator<Item = Score>) -> Score {
    results.min().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tally(present: u32, good: u32, high: u32, total: u32) -> Tally {
        Tally { present, good, high, total }
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
