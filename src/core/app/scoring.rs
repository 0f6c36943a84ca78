//! The scoring page: what a plain link to the form opens first (issue 17). It scores the built-in
//! framework and keeps the draft where the whole form keeps it, so that the whole form (signing,
//! the list, keys, invitations) opens the same assessment when asked for.

use std::rc::Rc;

use super::folds::Folds;
use super::{Folding, Now};
use crate::core::assessment::aggregate::{summarize, Summary};
use crate::core::assessment::{Action, ActionError};
use crate::core::framework::hashed::HashedFramework;
use crate::core::framework::Framework;
use crate::core::library::saved::SavedEntry;

/// What the scoring page holds.
#[derive(Clone, Debug, PartialEq)]
pub struct ScoringForm {
    pub framework: Rc<Framework>,
    pub entry: SavedEntry,
    pub summary: Rc<Summary>,
    /// The last edit refused, and why; cleared by the next edit that holds.
    pub refused: Option<ActionError>,
    /// Storage refused the last save: the page says so, and the edits stay on screen.
    pub unsaved: bool,
    /// What another tab did to this assessment, said until the next edit.
    pub elsewhere: Option<Elsewhere>,
    /// The learning outcomes folded: how the page looks now, never saved (as the whole form's).
    pub folded: Folds,
}

/// What another tab did to the open assessment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Elsewhere {
    /// Changed it: the page shows the newest version.
    Changed,
    /// Deleted it: it stays open here, and the next change stores it again.
    Removed,
}

/// Why the scoring page gives way to the whole form at start.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HandOff {
    /// The open assessment is of a framework this page does not carry.
    OtherFramework,
    /// The open assessment is signed: the whole form shows its record.
    Signed,
    /// The open assessment came from an invitation, which the whole form checks and shows.
    Invited,
}

/// One change to the page.
// Each is moved once through `update` and dropped, never kept in bulk: its size costs nothing
// worth boxing for (as the whole form's `Msg`).
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScoringMsg {
    Edit(Action),
    /// The answer of the save an edit asked for.
    Saved(bool),
    /// Another tab stored this entry (any entry: the page picks out its own).
    ChangedElsewhere(SavedEntry),
    /// Another tab deleted the entry with this id.
    RemovedElsewhere(String),
    /// Folding the form's learning outcomes, as on the whole form (`Folds`).
    Folding(Folding),
}

impl From<Folding> for ScoringMsg {
    fn from(folding: Folding) -> ScoringMsg {
        ScoringMsg::Folding(folding)
    }
}

impl From<Action> for ScoringMsg {
    fn from(action: Action) -> ScoringMsg {
        ScoringMsg::Edit(action)
    }
}

/// What the page asks of the browser.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScoringEffect {
    Save(SavedEntry),
    /// The whole form takes over: another tab made the open assessment one this page does not
    /// score (signed it, for one).
    HandOver,
}

impl ScoringForm {
    /// The open assessment where this page can score it, else a new one dated today; or why the
    /// whole form should open instead.
    pub fn start(
        hashed: &HashedFramework,
        open: Option<SavedEntry>,
        now: &Now,
    ) -> Result<ScoringForm, HandOff> {
        let framework = hashed.framework().clone();
        let entry = match open {
            Some(entry) => {
                scorable(&framework, &entry)?;
                entry
            }
            None => super::fresh_entry(hashed, &[], now),
        };
        let summary = Rc::new(summarize(&framework, &entry.assessment));
        Ok(ScoringForm {
            framework,
            entry,
            summary,
            refused: None,
            unsaved: false,
            elsewhere: None,
            folded: Folds::default(),
        })
    }

    pub fn update(&mut self, msg: ScoringMsg, now: &Now) -> Vec<ScoringEffect> {
        match msg {
            ScoringMsg::Edit(action) => {
                let scores =
                    matches!(action, Action::SetScore { .. } | Action::SetNotObserved { .. });
                match self.entry.assessment.apply(&self.framework, action) {
                    Ok(()) => {
                        self.refused = None;
                        self.elsewhere = None;
                        self.entry.updated = now.time.clone();
                        if scores {
                            self.summary =
                                Rc::new(summarize(&self.framework, &self.entry.assessment));
                        }
                        vec![ScoringEffect::Save(self.entry.clone())]
                    }
                    Err(error) => {
                        self.refused = Some(error);
                        Vec::new()
                    }
                }
            }
            ScoringMsg::Saved(ok) => {
                self.unsaved = !ok;
                Vec::new()
            }
            ScoringMsg::ChangedElsewhere(entry) if entry.id == self.entry.id => {
                if entry == self.entry {
                    return Vec::new();
                }
                if scorable(&self.framework, &entry).is_err() {
                    return vec![ScoringEffect::HandOver];
                }
                self.summary = Rc::new(summarize(&self.framework, &entry.assessment));
                self.entry = entry;
                self.elsewhere = Some(Elsewhere::Changed);
                Vec::new()
            }
            ScoringMsg::RemovedElsewhere(id) if id == self.entry.id => {
                self.elsewhere = Some(Elsewhere::Removed);
                Vec::new()
            }
            ScoringMsg::ChangedElsewhere(_) | ScoringMsg::RemovedElsewhere(_) => Vec::new(),
            ScoringMsg::Folding(folding) => {
                let first_open = || self.entry.assessment.first_unscored(&self.framework);
                self.folded.follow(&self.framework, folding, first_open);
                Vec::new()
            }
        }
    }
}

/// Whether this page scores `entry`: one of its framework, not signed, not from an invitation.
fn scorable(framework: &Framework, entry: &SavedEntry) -> Result<(), HandOff> {
    let assessment = &entry.assessment;
    if assessment.framework_id != framework.id || assessment.framework_version != framework.version
    {
        return Err(HandOff::OtherFramework);
    }
    if assessment.is_final() {
        return Err(HandOff::Signed);
    }
    if assessment.invitation.is_some() {
        return Err(HandOff::Invited);
    }
    Ok(())
}
