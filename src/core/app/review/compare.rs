//! A student's self-assessment beside an assessor's assessment: each side verified, then compared
//! once both are there.

use std::rc::Rc;

use super::{known, Effect, FilePurpose, FileRef, Model, ReviewRead, Target};
use crate::core::assessment::Mode;
use crate::core::framework::hashed::HashedFramework;
use crate::core::library::saved::SavedEntry;
use crate::core::record::{verify_record_bytes, RecordReport, MAX_RECORD_BYTES};
use crate::core::review::compare::{compare_records, Comparison, Refusal};

/// The two slots, in the order the view shows them; the first is taken as the student's unless
/// the modes say otherwise.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    SelfAssessment,
    Assessor,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct CompareState {
    pub self_assessment: Option<Chosen>,
    pub assessor: Option<Chosen>,
    /// What the two come to, once both are chosen.
    pub compared: Option<Rc<Compared>>,
    /// The choice each side waits for, so that an older file read does not replace a newer choice.
    waiting: [u32; 2],
}

/// One side as chosen: where it came from and what verifying it found; no report when the file
/// could not be read at all.
#[derive(Clone, Debug, PartialEq)]
pub struct Chosen {
    pub source: Source,
    pub report: Option<Rc<RecordReport>>,
}

/// Where a side came from; worded when shown.
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    File(String),
    /// A signed assessment kept in this browser.
    Saved {
        name: String,
        number: String,
        mode: Mode,
        date: String,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Compared {
    /// The framework the first record was verified against, which may be either built-in one;
    /// the one in use where it names none the app knows.
    pub framework: HashedFramework,
    /// Both records are valid.
    pub trusted: bool,
    pub outcome: Result<Comparison, Refusal>,
}

impl CompareState {
    pub fn side(&self, side: Side) -> Option<&Chosen> {
        match side {
            Side::SelfAssessment => self.self_assessment.as_ref(),
            Side::Assessor => self.assessor.as_ref(),
        }
    }

    fn waiting(&mut self, side: Side) -> &mut u32 {
        let [first, second] = &mut self.waiting;
        match side {
            Side::SelfAssessment => first,
            Side::Assessor => second,
        }
    }

    /// Waits for the read `pick` on `side`, asked for elsewhere (a cohort row's pair).
    pub(super) fn expect(&mut self, side: Side, pick: u32) {
        *self.waiting(side) = pick;
    }

    fn set(&mut self, side: Side, chosen: Chosen, active: &HashedFramework) {
        match side {
            Side::SelfAssessment => self.self_assessment = Some(chosen),
            Side::Assessor => self.assessor = Some(chosen),
        }
        self.compared = compare(self, active).map(Rc::new);
    }

    pub(super) fn read(
        &mut self,
        read: ReviewRead,
        side: Side,
        name: String,
        report: Option<RecordReport>,
        active: &HashedFramework,
    ) -> Vec<Effect> {
        if *self.waiting(side) == read.pick {
            self.set(
                side,
                Chosen { source: Source::File(name), report: report.map(Rc::new) },
                active,
            );
        }
        Vec::new()
    }
}

pub(super) fn choose(
    state: &mut CompareState,
    side: Side,
    pick: u32,
    files: Vec<FileRef>,
) -> Vec<Effect> {
    let Some(file) = files.into_iter().next() else { return Vec::new() };
    *state.waiting(side) = pick;
    let purpose = FilePurpose::Review(ReviewRead { target: Target::Compare(side), pick });
    vec![Effect::ReadFile { file, max_bytes: MAX_RECORD_BYTES, purpose }]
}

/// A signed assessment kept in this browser: its record is compared like a file.
pub(super) fn saved(model: &mut Model, side: Side, pick: u32, id: &str) -> Vec<Effect> {
    let Some(entry) = model.library.entries().find(|e| e.id == id).cloned() else {
        return Vec::new();
    };
    let Some(signed) = &entry.assessment.signed else { return Vec::new() };
    let known = known(model);
    let report = verify_record_bytes(signed.record.as_bytes(), &known.iter().collect::<Vec<_>>());
    let framework = model.framework.clone();
    let compare = &mut model.review.compare;
    *compare.waiting(side) = pick;
    compare.set(side, Chosen { source: source(&entry), report: Some(Rc::new(report)) }, &framework);
    Vec::new()
}

fn source(entry: &SavedEntry) -> Source {
    let m = &entry.assessment.metadata;
    Source::Saved {
        name: m.student_name.clone(),
        number: m.student_number.clone(),
        mode: m.mode,
        date: m.date.clone(),
    }
}

fn compare(state: &CompareState, active: &HashedFramework) -> Option<Compared> {
    let (first, second) = (state.self_assessment.as_ref()?, state.assessor.as_ref()?);
    let (first, second) = (first.report.as_deref(), second.report.as_deref());
    let trusted = [first, second].iter().all(|r| r.is_some_and(RecordReport::is_valid));
    let framework = first.and_then(|r| r.framework.as_ref()).unwrap_or(active).clone();
    let outcome =
        match (first.and_then(|r| r.record.as_ref()), second.and_then(|r| r.record.as_ref())) {
            (Some(a), Some(b)) => compare_records(&framework, a, b),
            _ => Err(Refusal::Unreadable),
        };
    Some(Compared { framework, trusted, outcome })
}
