//! The hogeschool's side of the app: verifying records one by one, comparing a self-assessment
//! with an assessor's, and overviewing a cohort.
//!
//! Files are read in order, one at a time for the verify and compare views (`Effect::ReadFile`)
//! and a batch at a time for the cohort (`Effect::ReadFiles`): the next is asked for when the last
//! has answered. So files are taken in in the order chosen (the first of two copies is the one
//! kept), and a folder of hundreds never has all its bytes in memory at once.
//!
//! Every choice of files is numbered, and its reads carry the number: an answer to a choice that
//! was since replaced, or to a view since left, is dropped.

mod bulk;
mod cohort;
mod compare;
mod verify;

use std::collections::VecDeque;
use std::rc::Rc;

pub use bulk::Progress;
pub use cohort::{csv_labels, CohortChoice, CohortState, Restore, PROGRESS_EVERY, TABLE_PAGE};
pub use compare::{Chosen, CompareState, Compared, Side, Source};
pub use verify::{Checked, Shown, Verified, VerifyState};

use super::{
    CohortFile, DownloadPurpose, Effect, FilePurpose, FileReadError, FileRef, Model, Now,
    StorageFailed, View, WorkerEffect,
};
use crate::core::assessment::Mode;
use crate::core::credentials::digest_multibase;
use crate::core::framework::catalogue::with_built_ins;
use crate::core::framework::hashed::HashedFramework;
use crate::core::json::parse_bytes;
use crate::core::record::{
    verify_record_bytes, verify_record_value, RecordProblem, RecordReport, MAX_RECORD_BYTES,
};
use crate::core::review::cohort::Separator;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReviewState {
    pub verify: VerifyState,
    pub compare: CompareState,
    pub cohort: CohortState,
    /// Files still to verify, and those verified so far. Kept apart from what the views show,
    /// which they are given whole on every render: a batch in progress is not copied with it.
    verifying: Option<(Queue, Vec<Checked>)>,
    /// The digest of the first file being verified, for the decision on it when it is the only one.
    verifying_digest: Option<String>,
    /// Files still to take into the cohort, and the cohort they go into, which replaces the one
    /// shown once every file is read.
    taking_in: Option<(Queue, crate::core::review::cohort::Cohort)>,
    /// The frameworks a record may belong to, the one in use first: loaded when first needed,
    /// since parsing the built-in ones for every file would slow a cohort down.
    known: Option<Rc<[HashedFramework]>>,
    /// A choice of several files the verify workers are checking.
    bulk: Option<bulk::Run>,
    /// Counts the choices of files, to tell their answers apart.
    picks: u32,
}

/// What the verify, compare and cohort views send.
#[derive(Clone, Debug, PartialEq)]
pub enum ReviewMsg {
    /// Files to verify; several give one line each.
    Verify(Vec<FileRef>),
    /// A message from a verify worker (`core::review::bulk::Results` as JSON text).
    WorkerResults(String),
    /// The verify workers of this choice of files could not start or stopped working.
    WorkersFailed(u32),
    /// Stop checking the files chosen.
    CancelVerify,
    /// A record file for one side of the comparison; the first is taken.
    CompareFile(Side, Vec<FileRef>),
    /// A signed assessment kept in this browser, by id, for one side of the comparison.
    CompareSaved(Side, String),
    /// Files to take into the cohort, on top of those already there.
    CohortFiles(Vec<FileRef>),
    /// *Cohort leegmaken*: asks first.
    AskClearCohort,
    CancelClearCohort,
    /// The confirmation: empties the cohort here and in the browser's keeping.
    ClearCohort,
    /// A row's record, by its key, opened in the verify view as if its file were opened there.
    OpenCohortRecord(u32),
    /// A row's record beside the same student's record in the other mode, in the compare view.
    CompareCohortRecord(u32),
    /// The answer to `Effect::KeepCohortFiles`: the keys of the files it kept.
    CohortFilesKept {
        keys: Vec<u32>,
        result: Result<(), StorageFailed>,
    },
    /// The answer to `Effect::ListKeptCohort`: the keys of the kept files, in order.
    KeptCohort(Result<Vec<u32>, StorageFailed>),
    /// The answer to `Effect::ClearKeptCohort`.
    CohortCleared(Result<(), StorageFailed>),
    /// The framework's SHA-256; `None` for the one with the most records.
    CohortFramework(Option<String>),
    CohortMode(Option<Mode>),
    CohortOrganisation(Option<String>),
    CohortAssessor(Option<String>),
    CohortSeparator(Separator),
    /// *Toon de volgende 100*: the table draws another page of rows.
    MoreCohortRows,
    DownloadCsv,
}

/// Which read a file answers: for which view, and for which choice of files.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReviewRead {
    pub target: Target,
    pub pick: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Verify,
    Compare(Side),
    Cohort,
}

impl ReviewState {
    fn next_pick(&mut self) -> u32 {
        self.picks = self.picks.wrapping_add(1);
        self.picks
    }
}

/// The frameworks records are verified against: the one in use and every built-in one.
pub(super) fn known(model: &mut Model) -> Rc<[HashedFramework]> {
    let framework = &model.framework;
    model.review.known.get_or_insert_with(|| with_built_ins(framework).into()).clone()
}

/// Verifies a file's bytes, or says why there are none to verify; `None` for a file the browser
/// could not read at all.
fn verify(
    known: &[HashedFramework],
    result: Result<Vec<u8>, FileReadError>,
) -> Option<RecordReport> {
    match result {
        Ok(bytes) => Some(verify_record_bytes(&bytes, &known.iter().collect::<Vec<_>>())),
        // The same message as the core and the CLI give for an oversized file.
        Err(FileReadError::TooLarge { bytes }) => Some(too_large(bytes)),
        Err(FileReadError::Unreadable) => None,
    }
}

fn too_large(bytes: u64) -> RecordReport {
    RecordReport {
        problems: vec![RecordProblem::TooLarge {
            bytes: usize::try_from(bytes).unwrap_or(usize::MAX),
            limit: MAX_RECORD_BYTES,
        }],
        ..RecordReport::default()
    }
}

/// The most bytes of chosen files one batch of the cohort reads: more than any record may have
/// (`MAX_RECORD_BYTES`), so that every file readable at all fits in a batch.
pub const MAX_BATCH_BYTES: usize = 8 * 1024 * 1024;
const _: () = assert!(MAX_BATCH_BYTES >= MAX_RECORD_BYTES);

/// A file to read: one the user chose, or one of the cohort kept in the browser, by its key.
#[derive(Clone, Debug, PartialEq)]
enum Pending {
    Chosen(FileRef),
    Kept(u32),
}

impl Pending {
    fn key(&self) -> Option<u32> {
        match self {
            Pending::Kept(key) => Some(*key),
            Pending::Chosen(_) => None,
        }
    }

    fn file(&self) -> Option<&FileRef> {
        match self {
            Pending::Chosen(file) => Some(file),
            Pending::Kept(_) => None,
        }
    }
}

/// Files still to be read for one choice, one or a batch at a time.
#[derive(Clone, Debug, PartialEq)]
struct Queue {
    read: ReviewRead,
    files: VecDeque<Pending>,
    total: usize,
    /// The files of the batch being read (`next_batch`), in the order asked.
    batch: Vec<Pending>,
}

impl Queue {
    fn new(read: ReviewRead, files: Vec<FileRef>) -> Queue {
        let files: VecDeque<Pending> = files.into_iter().map(Pending::Chosen).collect();
        Queue { read, total: files.len(), files, batch: Vec::new() }
    }

    fn kept(read: ReviewRead, keys: Vec<u32>) -> Queue {
        let files: VecDeque<Pending> = keys.into_iter().map(Pending::Kept).collect();
        Queue { read, total: files.len(), files, batch: Vec::new() }
    }

    /// One file whose read is asked for elsewhere (a cohort row's record).
    fn single(read: ReviewRead) -> Queue {
        Queue { read, total: 1, files: VecDeque::new(), batch: Vec::new() }
    }

    /// Asks for the next file's bytes, if any is left.
    fn next(&mut self) -> Option<Effect> {
        let purpose = FilePurpose::Review(self.read);
        match self.files.pop_front()? {
            Pending::Chosen(file) => {
                Some(Effect::ReadFile { file, max_bytes: MAX_RECORD_BYTES, purpose })
            }
            Pending::Kept(key) => Some(Effect::ReadKeptCohortFile { key, purpose }),
        }
    }

    /// Asks for the next files' bytes, up to `count` of them, in one go, and of chosen files only
    /// as many as [`MAX_BATCH_BYTES`] hold: a batch of large files holds not much more in memory
    /// than one file at a time did. Files the user chose and files kept in the browser are never
    /// asked for together.
    fn next_batch(&mut self, count: usize) -> Option<Effect> {
        let purpose = FilePurpose::Review(self.read);
        let kept = self.files.front()?.key().is_some();
        // A file over the record limit is not read. A kept file's size is not known before it is
        // read (the listing gives keys only): kept files go by their count alone.
        let cost = |pending: &Pending| match pending.file() {
            Some(file) if file.size <= MAX_RECORD_BYTES as u64 => file.size,
            _ => 0,
        };
        self.batch.clear();
        let mut bytes = 0;
        while let Some(next) = self.files.front().filter(|p| p.key().is_some() == kept) {
            let full = self.batch.len() == count || bytes + cost(next) > MAX_BATCH_BYTES as u64;
            if full && !self.batch.is_empty() {
                break;
            }
            bytes += cost(next);
            self.batch.extend(self.files.pop_front());
        }
        let effect = if kept {
            let keys = self.batch.iter().filter_map(Pending::key).collect();
            Effect::ReadKeptCohortFiles { keys, purpose }
        } else {
            let files = self.batch.iter().filter_map(Pending::file).cloned().collect();
            Effect::ReadFiles { files, max_bytes: MAX_RECORD_BYTES, purpose }
        };
        Some(effect)
    }

    /// How many files were asked for so far, the one awaited included.
    fn asked(&self) -> usize {
        self.total - self.files.len()
    }
}

pub(super) fn update(model: &mut Model, msg: ReviewMsg, now: &Now) -> Vec<Effect> {
    match msg {
        ReviewMsg::Verify(files) => {
            let fit = bulk::workers_fit(&known(model));
            verify::choose(&mut model.review, files, fit)
        }
        ReviewMsg::WorkerResults(text) => bulk::results(&mut model.review, &text),
        ReviewMsg::WorkersFailed(pick) => bulk::failed(&mut model.review, pick),
        ReviewMsg::CancelVerify => bulk::cancel(&mut model.review),
        ReviewMsg::CompareFile(side, files) => {
            let pick = model.review.next_pick();
            compare::choose(&mut model.review.compare, side, pick, files)
        }
        ReviewMsg::CompareSaved(side, id) => {
            let pick = model.review.next_pick();
            compare::saved(model, side, pick, &id)
        }
        ReviewMsg::CohortFiles(files) => cohort::choose(&mut model.review, files),
        ReviewMsg::OpenCohortRecord(key) => open_cohort_record(model, key, now),
        ReviewMsg::CompareCohortRecord(key) => compare_cohort_record(model, key, now),
        msg => cohort::update(model, msg, now),
    }
}

/// Entering a view starts it afresh, as it always has; only the cohort stays, filters aside.
pub(super) fn show(model: &mut Model, view: View) -> Vec<Effect> {
    if model.view == view {
        return Vec::new();
    }
    // Checking files goes on only while the verify view is shown.
    let mut effects = bulk::drop_run(&mut model.review);
    let stop = Effect::Workers(WorkerEffect::Stop);
    if model.view == View::Verify && !effects.contains(&stop) {
        // Idle workers hold memory that the other views have no use for.
        effects.push(stop);
    }
    effects.extend(enter(model, view));
    effects
}

fn enter(model: &mut Model, view: View) -> Vec<Effect> {
    match view {
        View::Verify => {
            model.review.verify = VerifyState::default();
            model.review.verifying = None;
            // A choice of several files then starts at once, not after compiling the workers.
            return vec![Effect::Workers(WorkerEffect::Warm)];
        }
        View::Compare => {
            model.review.compare = CompareState::default();
            // The signed assessments to choose from are those stored now.
            return vec![Effect::List];
        }
        View::Cohort => return model.review.cohort.enter(),
        View::Library | View::Assess | View::Invite | View::Decide => {}
    }
    Vec::new()
}

pub(super) fn file_read(
    model: &mut Model,
    read: ReviewRead,
    name: String,
    result: Result<Vec<u8>, FileReadError>,
) -> Vec<Effect> {
    let known = known(model);
    let review = &mut model.review;
    match read.target {
        Target::Verify => {
            // One reading serves the check and the digest a decision names the record by, which
            // is over the record as received.
            let value = result.as_deref().ok().and_then(|b| parse_bytes(b, MAX_RECORD_BYTES).ok());
            let digest = value.as_ref().and_then(|value| digest_multibase(value).ok());
            let report = match &value {
                Some(value) => Some(verify_record_value(value, &known.iter().collect::<Vec<_>>())),
                None => verify(&known, result),
            };
            if bulk::owns(review, read) {
                return bulk::rechecked(review, name, report);
            }
            verify::read(review, read, name, report, digest)
        }
        Target::Compare(side) => {
            let framework = model.framework.clone();
            review.compare.read(read, side, name, verify(&known, result), &framework)
        }
        // The cohort reads its files in batches (`files_read`).
        Target::Cohort => Vec::new(),
    }
}

/// The files of one of the cohort's batches, in the order asked.
pub(super) fn files_read(
    model: &mut Model,
    read: ReviewRead,
    files: Vec<(String, Result<Vec<u8>, FileReadError>)>,
) -> Vec<Effect> {
    let known = known(model);
    cohort::read(&mut model.review, read, files, &known)
}

/// A cohort row's record in the verify view, read again from where the cohort keeps it, so that
/// the view shows it exactly as it shows a file opened there.
fn open_cohort_record(model: &mut Model, key: u32, now: &Now) -> Vec<Effect> {
    let Some(name) = model.review.cohort.cohort.member(key).map(|m| m.file_name.clone()) else {
        return Vec::new();
    };
    let mut effects = super::update(model, super::Msg::Show(View::Verify), now);
    let read = ReviewRead { target: Target::Verify, pick: model.review.next_pick() };
    model.review.verifying = Some((Queue::single(read), Vec::new()));
    effects.extend(fetch_kept(model, key, name, read));
    effects
}

/// A cohort row's record and the same student's record in the other mode, side by side.
fn compare_cohort_record(model: &mut Model, key: u32, now: &Now) -> Vec<Effect> {
    let cohort = model.review.cohort.cohort.clone();
    let Some(member) = cohort.member(key) else { return Vec::new() };
    let Some(other) = cohort.counterpart(member) else { return Vec::new() };
    let mut effects = super::update(model, super::Msg::Show(View::Compare), now);
    for m in [member, other] {
        let side = match m.mode {
            Mode::SelfAssessment => Side::SelfAssessment,
            Mode::Assessor => Side::Assessor,
        };
        let read = ReviewRead { target: Target::Compare(side), pick: model.review.next_pick() };
        model.review.compare.expect(side, read.pick);
        effects.extend(fetch_kept(model, m.key, m.file_name.clone(), read));
    }
    effects
}

/// The bytes of a cohort file for `read`: from memory where the browser has not (or could not)
/// keep them, else asked of the browser's keeping.
fn fetch_kept(model: &mut Model, key: u32, name: String, read: ReviewRead) -> Vec<Effect> {
    match model.review.cohort.unkept_bytes(key) {
        Some(bytes) => file_read(model, read, name, Ok(bytes.to_vec())),
        None => vec![Effect::ReadKeptCohortFile { key, purpose: FilePurpose::Review(read) }],
    }
}

pub(super) fn downloaded(model: &mut Model, ok: bool) -> Vec<Effect> {
    model.review.cohort.download_failed = !ok;
    Vec::new()
}
