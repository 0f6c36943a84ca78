//! The cohort overview: many records taken in, filtered and exported as CSV. The records stay
//! while the user looks at another view; a batch still being read finishes there.
//!
//! Every file read for the cohort is kept in the browser (its name and bytes, under a key of its
//! own), until *Cohort leegmaken*: the cohort comes back after a reload, each file verified again,
//! against the frameworks of today and shown with the trusted list of today. Where the browser
//! cannot keep a file, the cohort goes on in this page's memory and the view says so.

use std::collections::BTreeMap;
use std::rc::Rc;

use super::{
    too_large, CohortFile, DownloadPurpose, Effect, FileReadError, FileRef, Model, Now, Queue,
    ReviewMsg, ReviewRead, ReviewState, StorageFailed, Target,
};
use crate::core::app::TrustedState;
use crate::core::assessment::Mode;
use crate::core::framework::hashed::HashedFramework;
use crate::core::review::cohort::{rows, to_csv, Cohort, CsvLabels, Filter, Reason, Separator};
use crate::i18n::Lang;

/// How many files are read and verified before the page says how far it is: a status announced
/// for every file would drown a screen reader's user, and redraw the line hundreds of times.
/// It is also how many are read, verified and kept in one go (fewer where they are large,
/// `MAX_BATCH_BYTES`): one reading of the browser's files, one write to its keeping and one
/// redraw for each step.
pub const PROGRESS_EVERY: usize = 25;

/// How many rows the table draws at first, and how many more each *Toon de volgende 100* adds.
/// The distribution and the CSV count every record shown; the table draws a page at a time,
/// since laying out a table of a thousand rows held the page for half a second
/// (bench/RESULTS.md), and no one reads that many rows without a filter.
pub const TABLE_PAGE: usize = 100;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct CohortState {
    /// The records taken in so far: shared with the view, replaced whole once a batch is read.
    pub cohort: Rc<Cohort>,
    pub choice: CohortChoice,
    /// The separator the user picked; until then, the one the interface's language expects.
    pub separator: Option<Separator>,
    pub download_failed: bool,
    /// Files verified so far and in all while a batch is read, in steps of [`PROGRESS_EVERY`]
    /// (smaller ones where the files are large).
    pub progress: Option<(usize, usize)>,
    pub restore: Restore,
    /// The browser could not keep (or list) the cohort's files: it holds in this page only.
    pub not_kept: bool,
    /// The cohort was emptied here, but the browser's copy could not be removed.
    pub clear_failed: bool,
    /// *Cohort leegmaken* was pressed and waits for its confirmation.
    pub confirm_clear: bool,
    /// The bytes of files the browser has not confirmed keeping, by key: a row opens from here
    /// while a write is under way, and for good where it failed.
    unkept: BTreeMap<u32, (String, Rc<[u8]>)>,
    /// Files given while the kept cohort is listed or a batch is read: taken in as the next batch.
    /// The view offers no input then, but a drop or a script may still give some, and a file
    /// given is never silently dropped.
    waiting: Vec<FileRef>,
}

/// Whether the kept cohort was asked for: once per page, on first entering the view.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Restore {
    #[default]
    NotAsked,
    /// The keys of the kept files are being listed.
    Listing,
    Done,
}

/// What the filters are set to, and how much of the table is drawn. Values, not indexes: the
/// choices change as records come in.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CohortChoice {
    /// The framework's SHA-256; none chosen means the one with the most records.
    pub framework: Option<String>,
    pub mode: Option<Mode>,
    pub organisation: Option<String>,
    pub assessor: Option<String>,
    /// Pages of [`TABLE_PAGE`] rows the table draws beyond the first.
    pub more_pages: usize,
}

impl CohortChoice {
    /// How many rows the table draws at most.
    pub fn table_rows(&self) -> usize {
        self.more_pages.saturating_add(1).saturating_mul(TABLE_PAGE)
    }

    /// The rows the table draws of those `shown`.
    pub fn in_table<'a, T>(&self, shown: &'a [T]) -> &'a [T] {
        shown.get(..self.table_rows()).unwrap_or(shown)
    }

    /// Where the page drawn last begins: focus goes there once it is drawn, so that a keyboard
    /// goes on from the first new row.
    pub fn first_of_last_page(&self) -> usize {
        self.more_pages.saturating_mul(TABLE_PAGE)
    }
}

impl CohortState {
    pub fn is_busy(&self) -> bool {
        self.progress.is_some() || self.restore == Restore::Listing
    }

    pub(super) fn unkept_bytes(&self, key: u32) -> Option<Rc<[u8]>> {
        self.unkept.get(&key).map(|(_, bytes)| bytes.clone())
    }

    /// Dutch Excel reads `;`, since the comma is its decimal sign; most other software reads `,`.
    pub fn separator(&self, lang: Lang) -> Separator {
        self.separator.unwrap_or(match lang {
            Lang::Nl => Separator::Semicolon,
            Lang::En => Separator::Comma,
        })
    }

    /// The framework the overview shows: the chosen one while it still has records, else the one
    /// with the most.
    pub fn framework(&self) -> Option<&HashedFramework> {
        let chosen = self.choice.framework.as_deref().and_then(|sha| self.cohort.framework(sha));
        chosen.or_else(|| self.cohort.framework_counts().first().map(|(f, _)| *f))
    }

    pub fn filter(&self, framework: &HashedFramework) -> Filter {
        Filter {
            framework: framework.sha256().to_string(),
            mode: self.choice.mode,
            organisation: self.choice.organisation.clone(),
            assessor: self.choice.assessor.clone(),
        }
    }

    /// Entering the view starts the filters and the export afresh; the records stay. The first
    /// time, the cohort the browser kept is asked for.
    pub(super) fn enter(&mut self) -> Vec<Effect> {
        self.choice = CohortChoice::default();
        self.separator = None;
        self.download_failed = false;
        self.confirm_clear = false;
        if self.restore == Restore::NotAsked {
            self.restore = Restore::Listing;
            return vec![Effect::ListKeptCohort];
        }
        Vec::new()
    }
}

/// The kept files are read and verified one by one, as a batch of chosen files is.
fn restore(review: &mut ReviewState, kept: Result<Vec<u32>, StorageFailed>) -> Vec<Effect> {
    if review.cohort.restore != Restore::Listing {
        return Vec::new();
    }
    review.cohort.restore = Restore::Done;
    let mut keys = match kept {
        Ok(keys) => keys,
        Err(StorageFailed) => {
            review.cohort.not_kept = true;
            return take_waiting(review);
        }
    };
    if keys.is_empty() {
        return take_waiting(review);
    }
    keys.sort_unstable();
    keys.dedup();
    let read = ReviewRead { target: Target::Cohort, pick: review.next_pick() };
    let mut queue = Queue::kept(read, keys);
    let first = queue.next_batch(PROGRESS_EVERY);
    review.cohort.progress = Some((0, queue.total));
    review.taking_in = Some((queue, (*review.cohort.cohort).clone()));
    first.into_iter().collect()
}

/// Files come on top of those already taken in. One batch at a time: files given while one is
/// read (or the kept cohort is listed) wait for it.
pub(super) fn choose(review: &mut ReviewState, files: Vec<FileRef>) -> Vec<Effect> {
    if files.is_empty() {
        return Vec::new();
    }
    if review.taking_in.is_some() || review.cohort.is_busy() {
        review.cohort.waiting.extend(files);
        return Vec::new();
    }
    let read = ReviewRead { target: Target::Cohort, pick: review.next_pick() };
    let mut queue = Queue::new(read, files);
    let first = queue.next_batch(PROGRESS_EVERY);
    review.cohort.progress = Some((0, queue.total));
    review.taking_in = Some((queue, (*review.cohort.cohort).clone()));
    first.into_iter().collect()
}

pub(super) fn read(
    review: &mut ReviewState,
    read: ReviewRead,
    files: Vec<(String, Result<Vec<u8>, FileReadError>)>,
    known: &[HashedFramework],
) -> Vec<Effect> {
    let Some((queue, working)) = review.taking_in.as_mut().filter(|(q, _)| q.read == read) else {
        return Vec::new();
    };
    let known: Vec<&HashedFramework> = known.iter().collect();
    let mut keep = Vec::new();
    let mut files = files.into_iter();
    for pending in std::mem::take(&mut queue.batch) {
        // An answer short of its batch leaves no file out unsaid: the rest are unreadable.
        let (name, result) = files.next().unwrap_or_else(|| {
            let name = pending.file().map(|f| f.name.clone()).unwrap_or_default();
            (name, Err(FileReadError::Unreadable))
        });
        // A kept file comes back under its key; a chosen one gets the next and is kept.
        let key = pending.key().unwrap_or_else(|| working.next_key());
        match result {
            Ok(bytes) => {
                working.add_keyed(key, &name, Some(&bytes), &known);
                if pending.key().is_none() {
                    let bytes: Rc<[u8]> = bytes.into();
                    review.cohort.unkept.insert(key, (name.clone(), bytes.clone()));
                    keep.push(CohortFile { key, name, bytes });
                }
            }
            // Said as the verify view says it, not as an unreadable file.
            Err(FileReadError::TooLarge { bytes }) => {
                working.reject(&name, Reason::Invalid(too_large(bytes).problems))
            }
            Err(FileReadError::Unreadable) => working.add_keyed(key, &name, None, &[]),
        }
    }
    let mut effects = Vec::new();
    if !keep.is_empty() {
        effects.push(Effect::KeepCohortFiles(keep));
    }
    review.cohort.progress = Some((queue.asked(), queue.total));
    if let Some(next) = queue.next_batch(PROGRESS_EVERY) {
        effects.push(next);
        return effects;
    }
    if let Some((_, working)) = review.taking_in.take() {
        review.cohort.cohort = Rc::new(working);
    }
    review.cohort.progress = None;
    effects.extend(take_waiting(review));
    effects
}

/// The files that waited for a batch or the listing, as the next batch.
fn take_waiting(review: &mut ReviewState) -> Vec<Effect> {
    let waiting = std::mem::take(&mut review.cohort.waiting);
    choose(review, waiting)
}

pub(super) fn update(model: &mut Model, msg: ReviewMsg, now: &Now) -> Vec<Effect> {
    let state = &mut model.review.cohort;
    let choice = &mut state.choice;
    match msg {
        ReviewMsg::AskClearCohort => state.confirm_clear = !state.is_busy(),
        ReviewMsg::CancelClearCohort => state.confirm_clear = false,
        ReviewMsg::ClearCohort => {
            if state.confirm_clear && !state.is_busy() {
                // Keys go on from where they were: should the browser fail to remove its copy,
                // files taken in next do not overwrite it under the same keys.
                state.cohort = Rc::new(Cohort::starting_at(state.cohort.next_key()));
                state.choice = CohortChoice::default();
                state.confirm_clear = false;
                state.unkept.clear();
                state.not_kept = false;
                return vec![Effect::ClearKeptCohort];
            }
        }
        ReviewMsg::CohortFilesKept { keys, result } => match result {
            Ok(()) => {
                for key in keys {
                    state.unkept.remove(&key);
                }
            }
            Err(StorageFailed) => state.not_kept = true,
        },
        ReviewMsg::CohortCleared(result) => state.clear_failed = result.is_err(),
        ReviewMsg::KeptCohort(kept) => return restore(&mut model.review, kept),
        // Another framework's records have other organisations and assessors.
        ReviewMsg::CohortFramework(framework) => {
            *choice = CohortChoice { framework, ..CohortChoice::default() }
        }
        ReviewMsg::CohortMode(mode) => choice.mode = mode,
        ReviewMsg::CohortOrganisation(organisation) => choice.organisation = organisation,
        ReviewMsg::CohortAssessor(assessor) => choice.assessor = assessor,
        ReviewMsg::CohortSeparator(separator) => state.separator = Some(separator),
        ReviewMsg::MoreCohortRows => choice.more_pages = choice.more_pages.saturating_add(1),
        ReviewMsg::DownloadCsv => return csv(state, &model.trusted, model.lang, now),
        ReviewMsg::Verify(_)
        | ReviewMsg::WorkerResults(_)
        | ReviewMsg::WorkersFailed(_)
        | ReviewMsg::CancelVerify
        | ReviewMsg::CompareFile(..)
        | ReviewMsg::CompareSaved(..)
        | ReviewMsg::CohortFiles(_)
        | ReviewMsg::OpenCohortRecord(_)
        | ReviewMsg::CompareCohortRecord(_) => {}
    }
    Vec::new()
}

/// The rows shown, as a CSV file for a gradebook, named with the framework and today's date.
fn csv(state: &CohortState, trusted: &TrustedState, lang: Lang, now: &Now) -> Vec<Effect> {
    let Some(framework) = state.framework() else { return Vec::new() };
    let fw = framework.framework();
    let shown = rows(&state.cohort, &state.filter(framework));
    let signers: Vec<String> = shown.iter().map(|m| trusted.signer_cell(lang, m)).collect();
    let text = to_csv(fw, &shown, state.separator(lang), &csv_labels(lang), &signers);
    vec![Effect::Download {
        name: format!("cohort-{}-{}.csv", fw.id, now.today),
        mime: "text/csv;charset=utf-8",
        text: text.into(),
        purpose: DownloadPurpose::CohortCsv,
    }]
}

/// The CSV's headers and mode names in the interface's language.
pub fn csv_labels(lang: Lang) -> CsvLabels<'static> {
    let c = lang.cohort_texts();
    CsvLabels {
        student_number: c.student_number,
        student_name: c.student_name,
        organisation: c.organisation,
        assessor: c.assessor,
        signer: lang.trusted_texts().signer_column,
        fingerprint: lang.trusted_texts().fingerprint,
        mode: c.mode,
        date: c.date,
        scored: c.scored,
        indicator_total: c.indicator_total,
        overall: lang.form_texts().overall,
        mode_assessor: lang.mode_label(Mode::Assessor),
        mode_self: lang.mode_label(Mode::SelfAssessment),
        decision: lang.decision_texts().results,
        decided_by: lang.decision_texts().decided_by,
        achieved: lang.decision_texts().achieved,
        not_achieved: lang.decision_texts().not_achieved,
        not_assessed: lang.decision_texts().not_assessed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(handle: u32) -> FileRef {
        FileRef { handle, name: format!("record-{handle}.json"), size: 0 }
    }

    fn reads(effects: &[Effect]) -> usize {
        effects.iter().filter(|e| matches!(e, Effect::ReadFiles { .. })).count()
    }

    #[test]
    fn files_given_while_the_kept_cohort_is_listed_are_read_once_the_listing_is_done() {
        for kept in [Ok(Vec::new()), Err(StorageFailed)] {
            let mut review = ReviewState::default();
            assert_eq!(review.cohort.enter(), [Effect::ListKeptCohort]);
            assert!(choose(&mut review, vec![file(1), file(2)]).is_empty());
            assert!(review.cohort.is_busy());
            let effects = restore(&mut review, kept);
            assert_eq!(reads(&effects), 1, "{effects:?}");
            assert_eq!(review.cohort.progress, Some((0, 2)));
        }
    }

    #[test]
    fn files_given_while_kept_files_are_read_follow_as_the_next_batch() {
        let mut review = ReviewState::default();
        review.cohort.enter();
        let effects = restore(&mut review, Ok(vec![0]));
        assert_eq!(effects.len(), 1, "{effects:?}");
        assert!(choose(&mut review, vec![file(7)]).is_empty());
        let (queue, _) = review.taking_in.as_ref().unwrap();
        let read_id = queue.read;
        let answer = vec![("kept.json".to_string(), Err(FileReadError::Unreadable))];
        let effects = read(&mut review, read_id, answer, &[]);
        assert_eq!(reads(&effects), 1, "{effects:?}");
        assert_eq!(review.cohort.progress, Some((0, 1)));
        assert_eq!(review.cohort.cohort.rejected.len(), 1);
    }
}
