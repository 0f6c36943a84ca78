//! Aggregation over the default framework, and its properties under proptest.

use leeruitkomsten::core::assessment::aggregate::{summarize, Summary, Tally};
use leeruitkomsten::core::assessment::{Action, Assessment};
use leeruitkomsten::core::framework::score::Score;
use leeruitkomsten::core::framework::Framework;
use proptest::prelude::*;

fn framework() -> Framework {
    Framework::default_framework().expect("default framework loads")
}

fn ids(fw: &Framework) -> Vec<String> {
    fw.indicators().map(|i| i.id.to_string()).collect()
}

fn assess(fw: &Framework, scores: &[Score]) -> Assessment {
    let mut a = Assessment::new(fw);
    for (id, &score) in ids(fw).iter().zip(scores) {
        a.apply(fw, Action::SetScore { indicator: id.as_str().into(), score }).unwrap();
    }
    a
}

fn score() -> impl Strategy<Value = Score> {
    prop_oneof![Just(Score::NotScored), Just(Score::Present), Just(Score::Good), Just(Score::High)]
}

fn scores() -> impl Strategy<Value = Vec<Score>> {
    proptest::collection::vec(score(), 42)
}

/// Every tally in a summary, with a name, in a fixed order.
fn tallies(s: &Summary) -> Vec<(String, Tally, Score)> {
    let mut all = vec![("overall".to_string(), s.overall, s.result)];
    for t in &s.core_tasks {
        all.push((t.id.clone(), t.tally, t.result));
        for o in &t.outcomes {
            all.push((o.id.clone(), o.tally, o.result));
        }
    }
    all
}

/// Indicators at or above a level: raising a score can only add to these.
fn at_or_above(t: &Tally, level: Score) -> u32 {
    Score::LEVELS.iter().filter(|&&l| l >= level).map(|&l| t.count(l)).sum()
}

#[test]
fn empty_assessment() {
    let fw = framework();
    let s = summarize(&fw, &Assessment::new(&fw));
    assert_eq!(s.overall, Tally { present: 0, good: 0, high: 0, not_observed: 0, total: 42 });
    assert_eq!(s.result, Score::NotScored);
    assert_eq!(s.core_tasks[0].tally.total, 9 + 4 + 7);
    assert_eq!(s.core_tasks[1].tally.total, 8 + 5 + 9);
}

#[test]
fn worked_example() {
    let fw = framework();
    // LU2 (4 indicators): ++ ++ + □ -> mean 2.25 -> +
    let mut scores = vec![Score::NotScored; 42];
    scores[9..13].copy_from_slice(&[Score::High, Score::High, Score::Good, Score::Present]);
    let s = summarize(&fw, &assess(&fw, &scores));
    let lu2 = s.outcome("LU2").unwrap();
    assert_eq!(lu2.tally, Tally { present: 1, good: 1, high: 2, not_observed: 0, total: 4 });
    assert_eq!(lu2.tally.mean(), Some(2.25));
    assert_eq!(lu2.result, Score::Good);
    assert_eq!(s.outcome("LU1").unwrap().result, Score::NotScored);
    assert_eq!(s.core_tasks[0].result, Score::NotScored);
    assert_eq!(s.overall.scored(), 4);

    // Everything ++ except one □ in LU5: LU5 mean (4*3+1)/5 = 2.6 -> ++, all ++.
    let mut scores = vec![Score::High; 42];
    scores[9 + 4 + 7 + 8] = Score::Present;
    let s = summarize(&fw, &assess(&fw, &scores));
    assert_eq!(s.outcome("LU5").unwrap().result, Score::High);
    assert_eq!(s.result, Score::High);
    // Two □ in LU5: mean 2.2 -> +, which caps kerntaak 2 and the overall result.
    scores[9 + 4 + 7 + 8 + 1] = Score::Present;
    let s = summarize(&fw, &assess(&fw, &scores));
    assert_eq!(s.outcome("LU5").unwrap().result, Score::Good);
    assert_eq!(s.core_tasks[0].result, Score::High);
    assert_eq!(s.core_tasks[1].result, Score::Good);
    assert_eq!(s.result, Score::Good);
}

#[test]
fn scores_for_unknown_indicators_do_not_count() {
    let fw = framework();
    let mut a = assess(&fw, &[Score::Good; 42]);
    let entry = std::rc::Rc::make_mut(a.outcomes.get_mut("LU1").unwrap());
    entry.scores.insert("LU1.99".into(), Score::Present);
    let s = summarize(&fw, &a);
    assert_eq!(
        s.outcome("LU1").unwrap().tally,
        Tally { present: 0, good: 9, high: 0, not_observed: 0, total: 9 }
    );
}

proptest! {
    #[test]
    fn coverage_is_exact(scores in scores()) {
        let fw = framework();
        let s = summarize(&fw, &assess(&fw, &scores));
        let scored = scores.iter().filter(|s| s.is_scored()).count() as u32;
        prop_assert_eq!(s.overall.scored(), scored);
        prop_assert_eq!(s.overall.total, 42);
        // per outcome: the slice of the score list that belongs to it
        let mut start = 0;
        for outcome in fw.learning_outcomes() {
            let n = outcome.indicators.len();
            let slice = &scores[start..start + n];
            let o = s.outcome(&outcome.id).unwrap();
            prop_assert_eq!(o.tally.total as usize, n);
            prop_assert_eq!(o.tally.scored() as usize, slice.iter().filter(|s| s.is_scored()).count());
            for level in Score::LEVELS {
                prop_assert_eq!(o.tally.count(level) as usize, slice.iter().filter(|&&s| s == level).count());
            }
            prop_assert_eq!(o.tally.is_complete(), slice.iter().all(|s| s.is_scored()));
            prop_assert_eq!(o.result.is_scored(), o.tally.is_complete());
            start += n;
        }
        let per_task: u32 = s.core_tasks.iter().map(|t| t.tally.scored()).sum();
        prop_assert_eq!(per_task, scored);
    }

    #[test]
    fn raising_one_score_never_lowers_an_aggregate(scores in scores(), at in 0usize..42, by in 1u8..=3) {
        let fw = framework();
        let before_score = scores[at];
        let raised_value = before_score.value().unwrap_or(0) + by;
        prop_assume!(raised_value <= 3);
        let raised = Score::from_value(raised_value).unwrap();
        let mut after_scores = scores.clone();
        after_scores[at] = raised;

        let before = summarize(&fw, &assess(&fw, &scores));
        let after = summarize(&fw, &assess(&fw, &after_scores));
        for ((name, b, b_result), (_, a, a_result)) in tallies(&before).into_iter().zip(tallies(&after)) {
            prop_assert!(a_result >= b_result, "{} result fell from {:?} to {:?}", name, b_result, a_result);
            prop_assert!(a.scored() >= b.scored(), "{} coverage fell", name);
            prop_assert!(a.level_of_mean() >= b.level_of_mean() || !before_score.is_scored(), "{} level of mean fell", name);
            for level in Score::LEVELS {
                prop_assert!(at_or_above(&a, level) >= at_or_above(&b, level), "{} count at or above {:?} fell", name, level);
            }
            if before_score.is_scored() {
                // Raising an already scored indicator: the mean can only go up.
                prop_assert!(a.mean() >= b.mean(), "{} mean fell", name);
                prop_assert_eq!(a.scored(), b.scored());
            }
        }
    }

    #[test]
    fn order_of_scoring_does_not_matter(
        actions in proptest::collection::vec((0usize..42, score()), 0..80),
        seed in any::<u64>(),
    ) {
        let fw = framework();
        let ids = ids(&fw);
        // Keep only the last action per indicator: that is what both orders must agree on.
        let mut last = std::collections::BTreeMap::new();
        for (i, s) in &actions {
            last.insert(*i, *s);
        }
        let mut ordered: Vec<(usize, Score)> = last.into_iter().collect();
        let apply = |list: &[(usize, Score)]| {
            let mut a = Assessment::new(&fw);
            for (i, s) in list {
                a.apply(&fw, Action::SetScore { indicator: ids[*i].as_str().into(), score: *s }).unwrap();
            }
            a
        };
        let forward = apply(&ordered);
        // A deterministic shuffle from the seed.
        let mut state = seed | 1;
        for k in (1..ordered.len()).rev() {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17;
            ordered.swap(k, (state % (k as u64 + 1)) as usize);
        }
        let shuffled = apply(&ordered);
        prop_assert_eq!(summarize(&fw, &forward), summarize(&fw, &shuffled));
        for id in &ids {
            prop_assert_eq!(forward.score(&fw, id), shuffled.score(&fw, id));
        }
    }
}
