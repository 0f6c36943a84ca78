//! Finding what is still open: the next indicator to score, how many are open per learning
//! outcome, and the score an indicator could take over from an earlier appearance of its text.

use std::rc::Rc;

use super::{Assessment, OutcomeEntry};
use crate::core::framework::score::Score;
use crate::core::framework::{Framework, LearningOutcome};

/// The first open indicator after `after` in framework order, wrapping round to the start; `after`
/// itself comes last, so a lone open indicator is found again. `None` (or an id the framework
/// lacks) starts at the beginning.
pub fn next_open(
    framework: &Framework,
    assessment: &Assessment,
    after: Option<&str>,
) -> Option<Rc<str>> {
    let ids: Vec<&Rc<str>> = framework.indicators().map(|i| &i.id).collect();
    let start = after
        .and_then(|after| ids.iter().position(|id| &***id == after))
        .map_or(0, |position| position + 1);
    let (before, from) = ids.split_at(start.min(ids.len()));
    from.iter()
        .chain(before)
        .find(|id| !assessment.answer(framework, id).is_answered())
        .map(|id| Rc::clone(id))
}

/// How many indicators of one learning outcome are still open (neither scored nor not observed).
pub fn open_in(outcome: &LearningOutcome, entry: Option<&OutcomeEntry>) -> usize {
    outcome
        .indicators
        .iter()
        .filter(|i| !entry.map(|e| e.answer(&i.id)).unwrap_or_default().is_answered())
        .count()
}

/// Where the text of an indicator first stands in the framework, when that is somewhere else.
pub fn first_appearance<'f>(framework: &'f Framework, indicator_id: &str) -> Option<&'f Rc<str>> {
    let shared = framework.shared_with(indicator_id);
    if shared.is_empty() {
        return None;
    }
    framework
        .indicators()
        .map(|i| &i.id)
        .find(|id| &***id == indicator_id || shared.iter().any(|s| s == &***id))
        .filter(|id| &***id != indicator_id)
}

/// A score this indicator could take over from the first appearance of its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScoreOffer {
    pub indicator: Rc<str>,
    pub from: Rc<str>,
    pub score: Score,
}

/// The offers for the indicators of one learning outcome: where an earlier appearance of the same
/// text is scored and this one is not scored the same. Taking one over is an ordinary score; the
/// appearances stay scored each on their own.
pub fn score_offers(
    framework: &Framework,
    assessment: &Assessment,
    outcome: &LearningOutcome,
) -> Vec<ScoreOffer> {
    outcome
        .indicators
        .iter()
        .filter_map(|indicator| {
            let from = first_appearance(framework, &indicator.id)?;
            let score = assessment.score(framework, from);
            (score.is_scored() && score != assessment.score(framework, &indicator.id))
                .then(|| ScoreOffer { indicator: indicator.id.clone(), from: from.clone(), score })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::assessment::Action;

    fn framework() -> Framework {
        Framework::default_framework().unwrap()
    }

    fn score(framework: &Framework, assessment: &mut Assessment, id: &str, score: Score) {
        assessment.apply(framework, Action::SetScore { indicator: id.into(), score }).unwrap();
    }

    fn ids(framework: &Framework) -> Vec<String> {
        framework.indicators().map(|i| i.id.to_string()).collect()
    }

    #[test]
    fn next_open_goes_forward_and_wraps() {
        let fw = framework();
        let mut a = Assessment::new(&fw);
        let all = ids(&fw);
        assert_eq!(next_open(&fw, &a, None).as_deref(), Some(all[0].as_str()));
        assert_eq!(next_open(&fw, &a, Some(&all[0])).as_deref(), Some(all[1].as_str()));
        let last = all.last().unwrap();
        assert_eq!(next_open(&fw, &a, Some(last)).as_deref(), Some(all[0].as_str()));
        assert_eq!(next_open(&fw, &a, Some("no-such-id")).as_deref(), Some(all[0].as_str()));
        // Scored ones are skipped, also across the wrap.
        score(&fw, &mut a, &all[0], Score::Good);
        score(&fw, &mut a, &all[2], Score::High);
        assert_eq!(next_open(&fw, &a, Some(&all[1])).as_deref(), Some(all[3].as_str()));
        assert_eq!(next_open(&fw, &a, Some(last)).as_deref(), Some(all[1].as_str()));
    }

    #[test]
    fn repeated_steps_visit_every_open_indicator_once_then_wrap() {
        let fw = framework();
        let mut a = Assessment::new(&fw);
        let all = ids(&fw);
        for id in all.iter().step_by(3) {
            score(&fw, &mut a, id, Score::Present);
        }
        let open: Vec<String> = fw
            .indicators()
            .filter(|i| !a.score(&fw, &i.id).is_scored())
            .map(|i| i.id.to_string())
            .collect();
        let mut at: Option<Rc<str>> = None;
        let mut seen = Vec::new();
        for _ in 0..open.len() {
            at = next_open(&fw, &a, at.as_deref());
            seen.push(at.as_deref().unwrap().to_string());
        }
        assert_eq!(seen, open);
        assert_eq!(next_open(&fw, &a, at.as_deref()).as_deref(), Some(open[0].as_str()));
    }

    #[test]
    fn a_lone_open_indicator_is_found_again_and_none_when_all_are_scored() {
        let fw = framework();
        let mut a = Assessment::new(&fw);
        let all = ids(&fw);
        for id in &all[1..] {
            score(&fw, &mut a, id, Score::Good);
        }
        assert_eq!(next_open(&fw, &a, Some(&all[0])).as_deref(), Some(all[0].as_str()));
        score(&fw, &mut a, &all[0], Score::Good);
        assert_eq!(next_open(&fw, &a, Some(&all[0])), None);
        assert_eq!(next_open(&fw, &a, None), None);
    }

    #[test]
    fn next_open_and_open_in_pass_over_indicators_not_observed() {
        let fw = framework();
        let mut a = Assessment::new(&fw);
        let all = ids(&fw);
        let mark = Action::SetNotObserved { indicator: all[1].as_str().into(), not_observed: true };
        a.apply(&fw, mark).unwrap();
        assert_eq!(next_open(&fw, &a, Some(&all[0])).as_deref(), Some(all[2].as_str()));
        let lu1 = fw.learning_outcome("LU1").unwrap().clone();
        assert_eq!(open_in(&lu1, a.entry("LU1").map(|e| &**e)), lu1.indicators.len() - 1);
    }

    #[test]
    fn open_in_counts_the_unscored_of_one_outcome() {
        let fw = framework();
        let mut a = Assessment::new(&fw);
        let lu1 = fw.learning_outcome("LU1").unwrap().clone();
        assert_eq!(open_in(&lu1, a.entry("LU1").map(|e| &**e)), lu1.indicators.len());
        score(&fw, &mut a, &lu1.indicators[0].id, Score::High);
        assert_eq!(open_in(&lu1, a.entry("LU1").map(|e| &**e)), lu1.indicators.len() - 1);
    }

    #[test]
    fn the_first_appearance_is_the_earliest_in_framework_order() {
        let fw = framework();
        let order = ids(&fw);
        let position = |id: &str| order.iter().position(|o| o == id).unwrap();
        for group in &fw.shared_indicator_texts {
            let first = group.iter().min_by_key(|id| position(id)).unwrap();
            assert_eq!(first_appearance(&fw, first), None, "{first}");
            for id in group.iter().filter(|id| *id != first) {
                assert_eq!(first_appearance(&fw, id).map(|f| f.to_string()), Some(first.clone()));
            }
        }
        assert_eq!(first_appearance(&fw, "LU1.1"), None);
    }

    #[test]
    fn an_offer_takes_over_the_first_score_and_links_nothing() {
        let fw = framework();
        let mut a = Assessment::new(&fw);
        // LU1.3, LU2.1 and LU4.2 share a text.
        let lu2 = fw.learning_outcome("LU2").unwrap().clone();
        assert!(score_offers(&fw, &a, &lu2).is_empty(), "nothing scored, nothing offered");
        score(&fw, &mut a, "LU1.3", Score::High);
        let offers = score_offers(&fw, &a, &lu2);
        assert_eq!(
            offers,
            vec![ScoreOffer {
                indicator: "LU2.1".into(),
                from: "LU1.3".into(),
                score: Score::High
            }]
        );
        // Taking it over is an ordinary score; then there is nothing left to offer.
        score(&fw, &mut a, "LU2.1", offers[0].score);
        assert!(score_offers(&fw, &a, &lu2).is_empty());
        // Each appearance keeps its own score: changing the first changes nothing else.
        score(&fw, &mut a, "LU1.3", Score::Good);
        assert_eq!(a.score(&fw, "LU2.1"), Score::High);
        assert_eq!(score_offers(&fw, &a, &lu2)[0].score, Score::Good);
        // The first appearance itself is never offered anything.
        let lu1 = fw.learning_outcome("LU1").unwrap().clone();
        assert!(score_offers(&fw, &a, &lu1).iter().all(|o| &*o.indicator != "LU1.3"));
    }
}
