//! Verifying a choice of several files in the verify workers (`core::review::bulk`), so that the
//! page keeps answering while a folder of a thousand records is checked, with a progress bar and
//! a way to stop.
//!
//! The workers' verdicts are put in the order the files were chosen. A file a worker did not find
//! valid is read and checked again here, one at a time, for its reasons; the table is shown once
//! every file has its line, as before. Whenever the workers cannot do the job (the browser has no
//! workers, one fails to load, or a message is not what it should be), the files are checked here
//! one by one, as they were before there were workers: slower, with the same result.

use std::collections::VecDeque;
use std::rc::Rc;

use super::verify::{finish, Checked};
use super::{Effect, FileRef, Queue, ReviewRead, ReviewState};
use crate::core::app::WorkerEffect;
use crate::core::framework::catalogue::BUILT_IN;
use crate::core::framework::hashed::HashedFramework;
use crate::core::record::RecordReport;
use crate::core::review::bulk::{Results, ValidRecord, Verdict};

/// How far a run of the workers is, for the progress bar.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Progress {
    /// Files with a verdict.
    pub done: usize,
    pub total: usize,
}

/// A choice of files with the workers.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Run {
    read: ReviewRead,
    files: Vec<FileRef>,
    /// Each file's line once it has one, by its place in the choice.
    slots: Vec<Option<Checked>>,
    done: usize,
    /// Files the workers did not find valid, to check here; the first is being read.
    recheck: VecDeque<usize>,
}

/// Whether the workers judge a record as the page would: they know the built-in frameworks only.
/// `known` is `catalogue::with_built_ins` of the framework in use, which lists a built-in one
/// once; a framework of the user's own makes it one longer.
pub(super) fn workers_fit(known: &[HashedFramework]) -> bool {
    known.len() <= BUILT_IN.len()
}

/// Starts the workers on `files` (two or more).
pub(super) fn start(
    review: &mut ReviewState,
    read: ReviewRead,
    files: Vec<FileRef>,
) -> Vec<Effect> {
    let total = files.len();
    // A table of an earlier choice under the progress bar of this one would read as its result.
    review.verify.shown = None;
    review.verify.digest = None;
    review.verify.progress = Some(Progress { done: 0, total });
    review.verify.stopped = None;
    review.bulk = Some(Run {
        read,
        files: files.clone(),
        slots: vec![None; total],
        done: 0,
        recheck: VecDeque::new(),
    });
    vec![Effect::Workers(WorkerEffect::Start { run: read.pick, files })]
}

/// A message from a worker: its verdicts go in their places. One that is not a message of the
/// workers means they cannot be relied on: the page checks the files itself.
pub(super) fn results(review: &mut ReviewState, text: &str) -> Vec<Effect> {
    let Some(run) = review.bulk.as_mut() else { return Vec::new() };
    let results = match Results::decode(text) {
        Ok(results) => results,
        Err(_) => return fall_back(review),
    };
    if results.run != run.read.pick {
        return Vec::new();
    }
    let was_idle = run.recheck.is_empty();
    for (index, verdict) in results.verdicts {
        let index = index as usize;
        let (Some(slot), Some(file)) = (run.slots.get_mut(index), run.files.get(index)) else {
            return fall_back(review);
        };
        if slot.is_some() || run.recheck.contains(&index) {
            continue;
        }
        run.done += 1;
        let file_name = file.name.clone();
        *slot = match verdict {
            Verdict::Valid(valid) => Some(Checked::from_worker(file_name, valid)),
            Verdict::Unreadable => Some(Checked { file_name, report: None, valid: None }),
            Verdict::TooLarge { bytes } => Some(Checked {
                file_name,
                report: Some(Rc::new(super::too_large(bytes))),
                valid: None,
            }),
            Verdict::Invalid => {
                run.recheck.push_back(index);
                None
            }
        };
    }
    review.verify.progress = Some(Progress { done: run.done, total: run.slots.len() });
    let mut effects = Vec::new();
    if was_idle {
        effects.extend(read_next(run));
    }
    effects.extend(finish_if_done(review));
    effects
}

/// The file to check here next, if any.
fn read_next(run: &Run) -> Option<Effect> {
    let file = run.files.get(*run.recheck.front()?)?.clone();
    Some(Effect::ReadFile {
        file,
        max_bytes: crate::core::record::MAX_RECORD_BYTES,
        purpose: super::FilePurpose::Review(run.read),
    })
}

/// Whether a file read for the verify view belongs to the workers' run.
pub(super) fn owns(review: &ReviewState, read: ReviewRead) -> bool {
    review.bulk.as_ref().is_some_and(|run| run.read == read)
}

/// A file the workers did not find valid, checked here.
pub(super) fn rechecked(
    review: &mut ReviewState,
    file_name: String,
    report: Option<RecordReport>,
) -> Vec<Effect> {
    let Some(run) = review.bulk.as_mut() else { return Vec::new() };
    let Some(index) = run.recheck.pop_front() else { return Vec::new() };
    if let Some(slot) = run.slots.get_mut(index) {
        // Valid here after all (a framework the workers lack): the full report says so too.
        *slot = Some(Checked { file_name, report: report.map(Rc::new), valid: None });
    }
    let mut effects: Vec<Effect> = read_next(run).into_iter().collect();
    effects.extend(finish_if_done(review));
    effects
}

fn finish_if_done(review: &mut ReviewState) -> Vec<Effect> {
    let Some(run) = review.bulk.as_ref() else { return Vec::new() };
    if run.done < run.slots.len() || !run.recheck.is_empty() {
        return Vec::new();
    }
    let Some(run) = review.bulk.take() else { return Vec::new() };
    review.verify.progress = None;
    let checked: Vec<Checked> = run.slots.into_iter().flatten().collect();
    finish(review, checked, None);
    // The files checked here were handed over as they were read; the rest are let go of.
    vec![Effect::Workers(WorkerEffect::Forget(run.files))]
}

/// The workers failed: every file of the run is checked here, one at a time, from the start.
pub(super) fn fall_back(review: &mut ReviewState) -> Vec<Effect> {
    let Some(run) = review.bulk.take() else { return Vec::new() };
    review.verify.progress = None;
    let mut queue = Queue::new(run.read, run.files);
    let first = queue.next();
    review.verifying = Some((queue, Vec::new()));
    let mut effects = vec![Effect::Workers(WorkerEffect::Stop)];
    effects.extend(first);
    effects
}

/// The workers could not start or stopped working, for the run `pick`.
pub(super) fn failed(review: &mut ReviewState, pick: u32) -> Vec<Effect> {
    match review.bulk.as_ref() {
        Some(run) if run.read.pick == pick => fall_back(review),
        _ => Vec::new(),
    }
}

/// The user stops the check: nothing is shown but how far it got.
pub(super) fn cancel(review: &mut ReviewState) -> Vec<Effect> {
    let Some(run) = review.bulk.take() else { return Vec::new() };
    review.verify.progress = None;
    review.verify.stopped = Some(Progress { done: run.done, total: run.slots.len() });
    review.verify.results = review.verify.results.wrapping_add(1);
    // Stopping ends the workers mid-file; new ones are started for the next choice.
    vec![
        Effect::Workers(WorkerEffect::Stop),
        Effect::Workers(WorkerEffect::Forget(run.files)),
        Effect::Workers(WorkerEffect::Warm),
    ]
}

/// Leaving the view or choosing again drops a run in progress.
pub(super) fn drop_run(review: &mut ReviewState) -> Vec<Effect> {
    let Some(run) = review.bulk.take() else { return Vec::new() };
    review.verify.progress = None;
    vec![Effect::Workers(WorkerEffect::Stop), Effect::Workers(WorkerEffect::Forget(run.files))]
}

impl Checked {
    fn from_worker(file_name: String, valid: ValidRecord) -> Checked {
        Checked { file_name, report: None, valid: Some(Rc::new(valid)) }
    }
}
