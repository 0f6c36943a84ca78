//! Which learning outcomes a form page shows folded: how the page looks now, never saved. Both
//! form pages (the whole form's `Model`, the scoring page's `ScoringForm`) hold one, so that
//! folding follows one rule on both.

use std::collections::BTreeSet;
use std::rc::Rc;

use crate::core::framework::{CoreTask, Framework};

/// What a form page asks of its folding, whichever page it is on: the outcome cards' own buttons
/// and the bar at the bottom send it as the page's message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Folding {
    /// Folds or unfolds a learning outcome.
    Set { outcome: String, folded: bool },
    /// Unfolds the learning outcome that holds this indicator, to show or focus it.
    Reveal(Rc<str>),
    /// On a phone the form opens folded but for the outcome with the first open indicator.
    ForNarrowScreen,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Folds {
    folded: BTreeSet<String>,
    /// Folded once for a narrow screen: the page opened folded on a phone, and what the user
    /// unfolds afterwards stays unfolded.
    for_narrow_done: bool,
}

impl Folds {
    /// Does what `folding` asks; `first_open`, the first indicator still open, is asked for only
    /// by the fold for a narrow screen.
    pub fn follow(
        &mut self,
        framework: &Framework,
        folding: Folding,
        first_open: impl FnOnce() -> Option<Rc<str>>,
    ) {
        match folding {
            Folding::Set { outcome, folded } => self.set(outcome, folded),
            Folding::Reveal(indicator) => self.reveal(framework, &indicator),
            Folding::ForNarrowScreen => self.for_narrow_screen(framework, first_open()),
        }
    }

    fn set(&mut self, outcome: String, folded: bool) {
        if folded {
            self.folded.insert(outcome);
        } else {
            self.folded.remove(&outcome);
        }
    }

    /// Unfolds the learning outcome that holds `indicator`, which is about to be shown.
    fn reveal(&mut self, framework: &Framework, indicator: &str) {
        if let Some(outcome) = framework.outcome_of(indicator) {
            self.folded.remove(&outcome.id);
        }
    }

    /// On a phone the form opens folded but for the learning outcome that holds `first_open`, the
    /// first indicator still open (every outcome folded when none is); only the first time.
    fn for_narrow_screen(&mut self, framework: &Framework, first_open: Option<Rc<str>>) {
        if !std::mem::replace(&mut self.for_narrow_done, true) {
            self.folded = folded_for_narrow_screen(framework, first_open);
        }
    }

    pub fn contains(&self, outcome: &str) -> bool {
        self.folded.contains(outcome)
    }

    pub fn is_empty(&self) -> bool {
        self.folded.is_empty()
    }

    pub fn len(&self) -> usize {
        self.folded.len()
    }

    /// The folded learning outcomes of `task`, in its order: what its section is drawn with.
    pub fn in_task(&self, task: &CoreTask) -> Vec<String> {
        task.learning_outcomes
            .iter()
            .filter(|o| self.folded.contains(&o.id))
            .map(|o| o.id.clone())
            .collect()
    }
}

/// Every learning outcome of `framework` but the one that holds `first_open`.
fn folded_for_narrow_screen(
    framework: &Framework,
    first_open: Option<Rc<str>>,
) -> BTreeSet<String> {
    let keep = first_open.and_then(|id| framework.outcome_of(&id).cloned());
    framework
        .learning_outcomes()
        .filter(|o| keep.as_ref().is_none_or(|keep| keep.id != o.id))
        .map(|o| o.id.clone())
        .collect()
}
