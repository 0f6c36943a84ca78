//! Deelcertificaten for a whole cohort at once: for every decision in the cohort view that this
//! browser's key signed, a badge per learning outcome *behaald*, as `.json` and baked `.svg`, and
//! an `overzicht.csv` of what was issued, written as one folder of files (no zip). Where the
//! browser cannot write a folder, each file is one download.
//!
//! The folder is asked for first and the badges signed after: the browser shows its picker only
//! while the click that asks is fresh, and signing a cohort takes longer than that lasts.

use super::badges::{badge_files, uuids, BadgesProblem};
use super::effect::{FolderError, FolderFile, FolderOutcome, FolderRef};
use super::{DownloadPurpose, Effect, KeyStatus, Model, Now};
use crate::core::credentials::badge::{issue_badges, outcome_code, BadgeIssue, BadgeIssueError};
use crate::core::credentials::decision::{read_decision, OutcomeResult};
use crate::core::crypto::jsonld::Contexts;
use crate::core::review::cohort::{push_line, Cohort, Separator};
use crate::i18n::Lang;
use std::collections::BTreeSet;

/// The overview of what was issued, beside the badges in the folder.
pub const OVERVIEW_FILE: &str = "overzicht.csv";

#[derive(Clone, Debug, Default, PartialEq)]
pub struct CohortIssue {
    pub stage: CohortStage,
    pub problem: Option<CohortProblem>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub enum CohortStage {
    #[default]
    Idle,
    /// The browser's folder picker is open.
    Picking,
    /// The files are being written, `total` in all.
    Writing { total: usize },
    /// Written into the folder, or stopped at the first file that failed.
    Written { outcome: FolderOutcome, total: usize },
    /// Offered as one download per file; `failed` of them the browser did not make.
    Downloaded { names: Vec<String>, failed: usize },
}

#[derive(Clone, Debug, PartialEq)]
pub enum CohortProblem {
    /// No decision in the cohort gives a badge to issue here.
    NothingToIssue,
    Badges(BadgesProblem),
    /// The folder could not be used (refused; a cancelled picker is no problem).
    Folder(FolderError),
}

/// What issuing for the cohort would do, shown before it is done.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CohortPlan {
    pub students: Vec<PlannedStudent>,
    pub skipped: Vec<Skipped>,
}

impl CohortPlan {
    pub fn badge_count(&self) -> usize {
        self.students.iter().map(|s| s.outcomes.len()).sum()
    }
}

/// One decision whose badges will be issued.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlannedStudent {
    pub file_name: String,
    pub student_name: String,
    pub student_number: String,
    /// The codes of the outcomes *behaald*, in framework order.
    pub outcomes: Vec<String>,
}

/// A decision left out, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    pub file_name: String,
    pub student: String,
    pub reason: SkipReason,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SkipReason {
    /// Signed with another key than this browser's (or this browser has none): only the
    /// examinator who decided awards.
    NotThisKey,
    /// Its record is not in the cohort, or not the one it was made on.
    NoRecord,
    /// No outcome was decided *behaald*.
    NothingAchieved,
}

/// Which decisions in the cohort give badges when `signer` (this browser's did:key) issues them.
pub fn plan(cohort: &Cohort, signer: Option<&str>) -> CohortPlan {
    let mut plan = CohortPlan::default();
    for d in cohort.decisions() {
        let decision = d.decision;
        let student = format!("{} ({})", decision.student_name, decision.student_number);
        let skip = |reason| Skipped { file_name: d.file_name.to_string(), student, reason };
        if signer != Some(d.signer) {
            plan.skipped.push(skip(SkipReason::NotThisKey));
            continue;
        }
        let framework = cohort.framework(&decision.framework_sha256);
        let (true, Some(framework)) = (d.matched, framework) else {
            plan.skipped.push(skip(SkipReason::NoRecord));
            continue;
        };
        let outcomes: Vec<String> = framework
            .framework()
            .learning_outcomes()
            .filter(|o| decision.result(&o.id) == Some(OutcomeResult::Achieved))
            .map(|o| outcome_code(o).to_string())
            .collect();
        if outcomes.is_empty() {
            plan.skipped.push(skip(SkipReason::NothingAchieved));
            continue;
        }
        plan.students.push(PlannedStudent {
            file_name: d.file_name.to_string(),
            student_name: decision.student_name.clone(),
            student_number: decision.student_number.clone(),
            outcomes,
        });
    }
    plan
}

/// The plan for the model's cohort and key.
pub fn model_plan(model: &Model) -> CohortPlan {
    let signer = match &model.key.status {
        KeyStatus::Key(key) => Some(key.did()),
        _ => None,
    };
    plan(&model.review.cohort.cohort, signer)
}

pub(super) fn issue(model: &mut Model, now: &Now) -> Vec<Effect> {
    if matches!(model.badges.cohort.stage, CohortStage::Picking | CohortStage::Writing { .. }) {
        return Vec::new();
    }
    if let Err(problem) = ready(model, now) {
        model.badges.cohort.problem = Some(problem);
        return Vec::new();
    }
    model.badges.cohort.problem = None;
    if model.badges.can_pick_folder {
        model.badges.cohort.stage = CohortStage::Picking;
        return vec![Effect::PickFolder];
    }
    match files(model, now) {
        Ok(files) => {
            let names = files.iter().map(|f| f.name.clone()).collect();
            model.badges.cohort.stage = CohortStage::Downloaded { names, failed: 0 };
            vec![Effect::DownloadSeries {
                files: files.into(),
                purpose: DownloadPurpose::CohortBadges,
            }]
        }
        Err(problem) => {
            model.badges.cohort.stage = CohortStage::Idle;
            model.badges.cohort.problem = Some(problem);
            Vec::new()
        }
    }
}

/// Everything issuing needs, checked before the folder is asked for.
fn ready(model: &Model, now: &Now) -> Result<(), CohortProblem> {
    if model_plan(model).students.is_empty() {
        return Err(CohortProblem::NothingToIssue);
    }
    let badges = &model.badges;
    if badges.hogeschool.trim().is_empty() {
        return Err(CohortProblem::Badges(BadgesProblem::NoHogeschool));
    }
    badges.did_web().map_err(|e| CohortProblem::Badges(BadgesProblem::DidWeb(e)))?;
    if now.entropy.is_none() {
        return Err(CohortProblem::Badges(BadgesProblem::NoRandomSource));
    }
    Ok(())
}

pub(super) fn folder_picked(
    model: &mut Model,
    result: Result<FolderRef, FolderError>,
    now: &Now,
) -> Vec<Effect> {
    let state = &mut model.badges.cohort;
    if state.stage != CohortStage::Picking {
        return Vec::new();
    }
    let folder = match result {
        Ok(folder) => folder,
        Err(FolderError::Cancelled) => {
            state.stage = CohortStage::Idle;
            return Vec::new();
        }
        Err(error) => {
            state.stage = CohortStage::Idle;
            state.problem = Some(CohortProblem::Folder(error));
            return Vec::new();
        }
    };
    match files(model, now) {
        Ok(files) => {
            model.badges.cohort.stage = CohortStage::Writing { total: files.len() };
            vec![Effect::WriteFolder { folder, files: files.into() }]
        }
        Err(problem) => {
            model.badges.cohort.stage = CohortStage::Idle;
            model.badges.cohort.problem = Some(problem);
            Vec::new()
        }
    }
}

pub(super) fn folder_written(model: &mut Model, outcome: FolderOutcome) -> Vec<Effect> {
    let state = &mut model.badges.cohort;
    if let CohortStage::Writing { total } = state.stage {
        state.stage = CohortStage::Written { outcome, total };
    }
    Vec::new()
}

/// One of the cohort's downloads answered.
pub(super) fn downloaded(model: &mut Model, ok: bool) -> Vec<Effect> {
    if let (CohortStage::Downloaded { failed, .. }, false) = (&mut model.badges.cohort.stage, ok) {
        *failed += 1;
    }
    Vec::new()
}

/// The type a file of the cohort's folder is offered as.
pub fn mime(name: &str) -> &'static str {
    if name.ends_with(".svg") {
        "image/svg+xml"
    } else if name.ends_with(".csv") {
        "text/csv;charset=utf-8"
    } else {
        "application/json"
    }
}

/// Signs every badge of the plan and lays them out as files: per decision each outcome's `.json`
/// and `.svg`, then `overzicht.csv`. Badge ids come from one generator, so they all differ.
fn files(model: &Model, now: &Now) -> Result<Vec<FolderFile>, CohortProblem> {
    let problem = |p| CohortProblem::Badges(p);
    let KeyStatus::Key(key) = &model.key.status else {
        return Err(problem(BadgesProblem::NotTheSigner));
    };
    let Some(entropy) = &now.entropy else { return Err(problem(BadgesProblem::NoRandomSource)) };
    let did_web = model.badges.did_web().map_err(|e| problem(BadgesProblem::DidWeb(e)))?;
    let contexts = Contexts::shipped().map_err(|e| problem(BadgesProblem::Issue(e.to_string())))?;
    let cohort = &model.review.cohort.cohort;
    let planned: BTreeSet<String> =
        model_plan(model).students.into_iter().map(|s| s.file_name).collect();
    let issue = BadgeIssue {
        hogeschool: model.badges.hogeschool.trim(),
        time: &now.time,
        did_web: did_web.as_ref(),
    };
    let mut uuid = uuids(entropy);
    let mut names = FileNames::default();
    let mut files = Vec::new();
    let mut lines = Vec::new();
    for d in cohort.decisions().filter(|d| planned.contains(d.file_name)) {
        let Some(framework) = cohort.framework(&d.decision.framework_sha256) else { continue };
        let verified = read_decision(d.signed, &[framework])
            .map_err(|e| problem(BadgesProblem::Decision(e)))?;
        let badges = issue_badges(
            &verified,
            d.signed,
            framework.framework(),
            key.seed(),
            &issue,
            &mut uuid,
            &contexts,
        )
        .map_err(|e| {
            problem(match e {
                BadgeIssueError::NoHogeschool => BadgesProblem::NoHogeschool,
                BadgeIssueError::NotTheDecisionsSigner => BadgesProblem::NotTheSigner,
                BadgeIssueError::NothingAchieved => BadgesProblem::NothingAchieved,
                other => BadgesProblem::Issue(other.to_string()),
            })
        })?;
        let number = &verified.decision.student_number;
        for (badge, pair) in badges.iter().zip(badge_files(&badges, number)) {
            let json_name = names.unique(&pair.json_name);
            let svg_name = names.unique(&pair.svg_name);
            let id = badge.credential.get("id").and_then(serde_json::Value::as_str);
            lines.push(vec![
                number.clone(),
                verified.decision.student_name.clone(),
                badge.outcome_code.clone(),
                badge.outcome_title.clone(),
                json_name.clone(),
                svg_name.clone(),
                id.unwrap_or_default().to_string(),
                now.time.clone(),
                d.file_name.to_string(),
            ]);
            files.push(FolderFile { name: json_name, text: pair.json });
            files.push(FolderFile { name: svg_name, text: pair.svg });
        }
    }
    let separator = model.review.cohort.separator(model.lang);
    files.push(FolderFile {
        name: names.unique(OVERVIEW_FILE),
        text: overview(&lines, model.lang, separator).into(),
    });
    Ok(files)
}

/// File names handed out so far, so that two decisions of one student number (two records of
/// one student) never overwrite each other's files.
#[derive(Default)]
struct FileNames {
    used: BTreeSet<String>,
}

impl FileNames {
    fn unique(&mut self, name: &str) -> String {
        let (stem, extension) = name.rsplit_once('.').unwrap_or((name, ""));
        let mut candidate = name.to_string();
        let mut n = 1;
        while self.used.contains(&candidate) {
            n += 1;
            candidate = format!("{stem}-{n}.{extension}");
        }
        self.used.insert(candidate.clone());
        candidate
    }
}

/// `overzicht.csv`: one line per badge, as the cohort's CSV is written (byte order mark, CRLF,
/// fields guarded against formulas), in the interface's language.
fn overview(lines: &[Vec<String>], lang: Lang, separator: Separator) -> String {
    let t = lang.cohort_badges_texts();
    let header = [
        t.csv_student_number,
        t.csv_student_name,
        t.csv_outcome,
        t.csv_outcome_title,
        t.csv_json,
        t.csv_svg,
        t.csv_id,
        t.csv_issued_at,
        t.csv_decision,
    ];
    let mut out = String::from("\u{feff}");
    push_line(&mut out, header.into_iter(), separator);
    for line in lines {
        push_line(&mut out, line.iter().map(String::as_str), separator);
    }
    out
}

/// The folder picked is used once: what is written says so, file by file.
pub fn written_all(outcome: &FolderOutcome, total: usize) -> bool {
    outcome.failed.is_none() && outcome.written.len() == total
}
