//! Verifying record files: one shown in full, several as one line each.

use std::rc::Rc;

use super::bulk::{self, Progress};
use super::{Effect, FileRef, Queue, ReviewRead, ReviewState, Target};
use crate::core::assessment::aggregate::{summarize, Summary};
use crate::core::assessment::Assessment;
use crate::core::record::{RecordProblem, RecordReport};
use crate::core::review::bulk::ValidRecord;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct VerifyState {
    /// What the last choice of files came to, once every file of it is verified.
    pub shown: Option<Verified>,
    /// Counts the results shown, to key the announcement: a new node is read out even when the
    /// same file gives the same verdict again.
    pub results: u32,
    /// The `digestMultibase` of the one record shown, by which a decision names it.
    pub digest: Option<String>,
    /// How far the verify workers are with a choice of several files, while they work.
    pub progress: Option<Progress>,
    /// How far they had come when the user stopped them.
    pub stopped: Option<Progress>,
}

/// One file and what verifying it found.
#[derive(Clone, Debug, PartialEq)]
pub struct Checked {
    pub file_name: String,
    /// `None` for a file the browser could not read, or one a verify worker found valid.
    pub report: Option<Rc<RecordReport>>,
    /// Of a file a verify worker found valid: what the batch table shows of it.
    pub valid: Option<Rc<ValidRecord>>,
}

impl Checked {
    pub fn is_valid(&self) -> bool {
        self.valid.is_some() || self.report.as_deref().is_some_and(RecordReport::is_valid)
    }

    /// Whether the file could be read at all.
    pub fn was_read(&self) -> bool {
        self.valid.is_some() || self.report.is_some()
    }

    /// The student's name and number, where the record could be read.
    pub fn student(&self) -> Option<(&str, &str)> {
        if let Some(valid) = &self.valid {
            return Some((&valid.student_name, &valid.student_number));
        }
        let subject = &self.report.as_deref()?.record.as_ref()?.subject;
        Some((&subject.name, &subject.student_number))
    }

    /// The did:key whose signature checks out.
    pub fn signer(&self) -> Option<&str> {
        if let Some(valid) = &self.valid {
            return Some(&valid.signer);
        }
        Some(&self.report.as_deref()?.proof.as_ref()?.did)
    }

    /// The name the record gives its signer, for a record whose signature holds.
    pub fn signer_name(&self) -> Option<&str> {
        if let Some(valid) = &self.valid {
            return Some(&valid.signer_name);
        }
        let report = self.report.as_deref().filter(|r| r.proof.is_some())?;
        Some(report.record.as_ref()?.signer_name())
    }

    /// The invitation the record names (id, `digestMultibase`).
    pub fn invitation(&self) -> Option<(&str, &str)> {
        if let Some(valid) = &self.valid {
            return valid.invitation.as_ref().map(|(id, digest)| (id.as_str(), digest.as_str()));
        }
        self.report.as_deref()?.invitation()
    }

    /// Every reason the file is not valid; empty for a valid one or one not read.
    pub fn problems(&self) -> &[RecordProblem] {
        self.report.as_deref().map_or(&[], |report| report.problems.as_slice())
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Verified {
    /// One file, with its assessment where it can be shown.
    One(Checked, Option<Shown>),
    /// Several files at once: one line each, as a hogeschool checks a folder of records.
    Many(Rc<[Checked]>),
}

/// A record's assessment, read-only, with its summary: made once, when the file is verified.
#[derive(Clone, Debug, PartialEq)]
pub struct Shown {
    pub assessment: Rc<Assessment>,
    pub summary: Rc<Summary>,
}

/// Starts checking a choice of files: several in the verify workers where they judge as the page
/// would (`workers_fit`), otherwise, and one always, here one at a time.
pub(super) fn choose(
    review: &mut ReviewState,
    files: Vec<FileRef>,
    workers_fit: bool,
) -> Vec<Effect> {
    if files.is_empty() {
        return Vec::new();
    }
    let mut effects = bulk::drop_run(review);
    review.verify.stopped = None;
    let read = ReviewRead { target: Target::Verify, pick: review.next_pick() };
    if files.len() > 1 && workers_fit {
        review.verifying = None;
        effects.extend(bulk::start(review, read, files));
        return effects;
    }
    let mut queue = Queue::new(read, files);
    let first = queue.next();
    review.verifying = Some((queue, Vec::new()));
    effects.extend(first);
    effects
}

/// Notes what one file came to; once every file of the choice is read, shows them all at once.
pub(super) fn read(
    review: &mut ReviewState,
    read: ReviewRead,
    file_name: String,
    report: Option<RecordReport>,
    digest: Option<String>,
) -> Vec<Effect> {
    let Some((queue, checked)) = review.verifying.as_mut().filter(|(q, _)| q.read == read) else {
        return Vec::new();
    };
    if checked.is_empty() {
        review.verifying_digest = digest;
    }
    checked.push(Checked { file_name, report: report.map(Rc::new), valid: None });
    if let Some(next) = queue.next() {
        return vec![next];
    }
    let checked = review.verifying.take().map(|(_, checked)| checked).unwrap_or_default();
    let digest = review.verifying_digest.take();
    finish(review, checked, digest);
    Vec::new()
}

/// Shows what a choice of files came to: one in full, several as a table.
pub(super) fn finish(review: &mut ReviewState, checked: Vec<Checked>, digest: Option<String>) {
    let state = &mut review.verify;
    state.digest = None;
    state.shown = Some(match <[Checked; 1]>::try_from(checked) {
        Ok([one]) => {
            let shown = one.report.as_deref().and_then(shown);
            state.digest = digest;
            Verified::One(one, shown)
        }
        Err(many) => Verified::Many(many.into()),
    });
    state.results = state.results.wrapping_add(1);
}

/// The assessment of a record whose framework is known and whose scores can be read.
fn shown(report: &RecordReport) -> Option<Shown> {
    let framework = report.framework.as_ref()?;
    let assessment = report.assessment()?;
    let summary = summarize(framework.framework(), &assessment);
    Some(Shown { assessment: Rc::new(assessment), summary: Rc::new(summary) })
}
