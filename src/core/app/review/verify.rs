//! Verifying record files: one shown in full, several as one line each.

use std::rc::Rc;

use super::{Effect, FileRef, Queue, ReviewRead, ReviewState, Target};
use crate::core::assessment::aggregate::{summarize, Summary};
use crate::core::assessment::Assessment;
use crate::core::record::RecordReport;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct VerifyState {
    /// What the last choice of files came to, once every file of it is verified.
    pub shown: Option<Verified>,
    /// Counts the results shown, to key the announcement: a new node is read out even when the
    /// same file gives the same verdict again.
    pub results: u32,
    /// The `digestMultibase` of the one record shown, by which a decision names it.
    pub digest: Option<String>,
}

/// One file and what verifying it found.
#[derive(Clone, Debug, PartialEq)]
pub struct Checked {
    pub file_name: String,
    /// `None` for a file the browser could not read.
    pub report: Option<Rc<RecordReport>>,
}

impl Checked {
    pub fn is_valid(&self) -> bool {
        self.report.as_deref().is_some_and(RecordReport::is_valid)
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

pub(super) fn choose(review: &mut ReviewState, files: Vec<FileRef>) -> Vec<Effect> {
    if files.is_empty() {
        return Vec::new();
    }
    let read = ReviewRead { target: Target::Verify, pick: review.next_pick() };
    let mut queue = Queue::new(read, files);
    let first = queue.next();
    review.verifying = Some((queue, Vec::new()));
    first.into_iter().collect()
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
    checked.push(Checked { file_name, report: report.map(Rc::new) });
    if let Some(next) = queue.next() {
        return vec![next];
    }
    let checked = review.verifying.take().map(|(_, checked)| checked).unwrap_or_default();
    let digest = review.verifying_digest.take();
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
    Vec::new()
}

/// The assessment of a record whose framework is known and whose scores can be read.
fn shown(report: &RecordReport) -> Option<Shown> {
    let framework = report.framework.as_ref()?;
    let assessment = report.assessment()?;
    let summary = summarize(framework.framework(), &assessment);
    Some(Shown { assessment: Rc::new(assessment), summary: Rc::new(summary) })
}
