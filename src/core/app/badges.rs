//! Deelcertificaten in the app: after the examinator signs a decision, an Open Badges 3.0
//! credential per learning outcome *behaald*, each offered as `.json` and as a baked `.svg`; and
//! in the verify view, a badge file (`.json` or `.svg`) checked and explained.

use std::rc::Rc;

use super::{DecideStage, DownloadPurpose, Effect, FileReadError, KeyStatus, Model, Now, View};
use crate::core::credentials::badge::{
    badge_file_name, issue_badges, read_badge, BadgeIssue, BadgeIssueError, BadgeReadError,
    VerifiedBadge,
};
use crate::core::credentials::decision::{read_decision, DecisionProblem};
use crate::core::crypto::jsonld::Contexts;
use crate::core::framework::hashed::HashedFramework;
use crate::core::json;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct BadgesState {
    /// The hogeschool's name for the issuer profile, as the examinator typed it.
    pub hogeschool: String,
    /// The badges of the signed decision shown, and which decision they are of.
    pub issued: Option<Issued>,
    pub problem: Option<BadgesProblem>,
    pub download_failed: bool,
    /// What the last badge file opened in the verify view came to.
    pub checked: Option<Rc<CheckedBadge>>,
    /// A signed decision opened from a file in the verify view, to issue its badges later than
    /// right after signing (after a reload, on another day).
    pub opened: Option<OpenedDecision>,
    /// Why the decision file chosen could not be used.
    pub open_problem: Option<BadgeCheckProblem>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct OpenedDecision {
    pub file_name: String,
    pub text: Rc<str>,
    pub framework: HashedFramework,
    pub student: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Issued {
    /// The signed decision's text: badges belong to exactly that decision.
    pub decision: Rc<str>,
    pub badges: Rc<[BadgeFiles]>,
}

/// One issued badge as the two files it is offered as.
#[derive(Clone, Debug, PartialEq)]
pub struct BadgeFiles {
    pub outcome_code: String,
    pub outcome_title: String,
    pub json_name: String,
    pub json: Rc<str>,
    pub svg_name: String,
    pub svg: Rc<str>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum BadgesProblem {
    NoHogeschool,
    /// The browser's key is not the one that signed the decision, or there is none.
    NotTheSigner,
    NothingAchieved,
    NoRandomSource,
    /// The signed decision does not read back (should not happen; said, not hidden).
    Decision(DecisionProblem),
    Issue(String),
}

/// One badge file checked in the verify view.
#[derive(Clone, Debug, PartialEq)]
pub struct CheckedBadge {
    pub file_name: String,
    pub result: Result<VerifiedBadge, BadgeCheckProblem>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum BadgeCheckProblem {
    TooLarge {
        bytes: u64,
    },
    Unreadable,
    Read(BadgeReadError),
    /// A decision file chosen to issue badges from that does not verify.
    Decision(DecisionProblem),
}

#[derive(Clone, Debug, PartialEq)]
pub enum BadgesMsg {
    SetHogeschool(String),
    Issue,
    /// Download one badge's file: `svg` the baked image, else the JSON.
    Download {
        index: usize,
        svg: bool,
    },
    /// Every badge, as JSON and as SVG, each a file of its own.
    DownloadAll,
}

pub(super) fn update(model: &mut Model, msg: BadgesMsg, now: &Now) -> Vec<Effect> {
    match msg {
        BadgesMsg::SetHogeschool(name) => {
            model.badges.hogeschool = name;
            if model.badges.problem == Some(BadgesProblem::NoHogeschool) {
                model.badges.problem = None;
            }
            Vec::new()
        }
        BadgesMsg::Issue => issue(model, now),
        BadgesMsg::Download { index, svg } => {
            let Some(files) = current(model).and_then(|i| i.badges.get(index).cloned()) else {
                return Vec::new();
            };
            vec![download(&files, svg)]
        }
        BadgesMsg::DownloadAll => {
            let Some(issued) = current(model) else { return Vec::new() };
            issued.badges.iter().flat_map(|f| [download(f, false), download(f, true)]).collect()
        }
    }
}

/// The signed decision badges are issued from: in the verify view one opened from a file,
/// elsewhere the one just signed in the decision view.
fn source(model: &Model) -> Option<(&Rc<str>, &HashedFramework)> {
    if model.view == View::Verify {
        let opened = model.badges.opened.as_ref()?;
        return Some((&opened.text, &opened.framework));
    }
    match (&model.decide.stage, &model.decide.framework) {
        (DecideStage::Signed(signed), Some(framework)) => Some((&signed.text, framework)),
        _ => None,
    }
}

/// The issued badges, when they are of the decision at hand.
pub fn current(model: &Model) -> Option<&Issued> {
    let (text, _) = source(model)?;
    model.badges.issued.as_ref().filter(|i| i.decision == *text)
}

fn download(files: &BadgeFiles, svg: bool) -> Effect {
    let (name, mime, text) = if svg {
        (&files.svg_name, "image/svg+xml", &files.svg)
    } else {
        (&files.json_name, "application/json", &files.json)
    };
    Effect::Download {
        name: name.clone(),
        mime,
        text: text.clone(),
        purpose: DownloadPurpose::Badge,
    }
}

fn issue(model: &mut Model, now: &Now) -> Vec<Effect> {
    let result = issued(model, now);
    let state = &mut model.badges;
    match result {
        Ok(issued) => {
            state.issued = Some(issued);
            state.problem = None;
            state.download_failed = false;
        }
        Err(problem) => state.problem = Some(problem),
    }
    Vec::new()
}

fn issued(model: &Model, now: &Now) -> Result<Issued, BadgesProblem> {
    let Some((text, framework)) = source(model) else {
        return Err(BadgesProblem::NothingAchieved);
    };
    let hogeschool = model.badges.hogeschool.trim();
    if hogeschool.is_empty() {
        return Err(BadgesProblem::NoHogeschool);
    }
    let KeyStatus::Key(key) = &model.key.status else { return Err(BadgesProblem::NotTheSigner) };
    let Some(entropy) = &now.entropy else { return Err(BadgesProblem::NoRandomSource) };
    let value = json::parse(text, crate::core::record::MAX_RECORD_BYTES)
        .map_err(|e| BadgesProblem::Issue(e.to_string()))?;
    let decision = read_decision(&value, &[framework]).map_err(BadgesProblem::Decision)?;
    let contexts = Contexts::shipped().map_err(|e| BadgesProblem::Issue(e.to_string()))?;
    // Each badge needs its own id from the one message's entropy: counting in the first byte of
    // those `Entropy::uuid` takes (32..48) keeps them random and tells them apart.
    let mut n = 0u8;
    let uuid = || {
        let mut bytes = entropy.0;
        n = n.wrapping_add(1);
        if let Some(first) = bytes.get_mut(32) {
            *first ^= n;
        }
        super::Entropy(bytes).uuid()
    };
    let badges = issue_badges(
        &decision,
        &value,
        framework.framework(),
        key.seed(),
        &BadgeIssue { hogeschool, time: &now.time },
        uuid,
        &contexts,
    )
    .map_err(|e| match e {
        BadgeIssueError::NoHogeschool => BadgesProblem::NoHogeschool,
        BadgeIssueError::NotTheDecisionsSigner => BadgesProblem::NotTheSigner,
        BadgeIssueError::NothingAchieved => BadgesProblem::NothingAchieved,
        other => BadgesProblem::Issue(other.to_string()),
    })?;
    let number = &decision.decision.student_number;
    let files = badges
        .iter()
        .map(|b| BadgeFiles {
            outcome_code: b.outcome_code.clone(),
            outcome_title: b.outcome_title.clone(),
            json_name: badge_file_name(&b.outcome_code, number, "json"),
            json: b.json_text().into(),
            svg_name: badge_file_name(&b.outcome_code, number, "svg"),
            svg: b.svg_text().into(),
        })
        .collect();
    Ok(Issued { decision: text.clone(), badges: files })
}

pub(super) fn downloaded(model: &mut Model, ok: bool) -> Vec<Effect> {
    model.badges.download_failed = !ok;
    Vec::new()
}

/// A badge file chosen in the verify view, read.
pub(super) fn file_read(
    model: &mut Model,
    name: String,
    result: Result<Vec<u8>, FileReadError>,
) -> Vec<Effect> {
    let result = match result {
        Err(FileReadError::TooLarge { bytes }) => Err(BadgeCheckProblem::TooLarge { bytes }),
        Err(FileReadError::Unreadable) => Err(BadgeCheckProblem::Unreadable),
        Ok(bytes) => read_badge(&bytes).map(|(_, badge)| badge).map_err(BadgeCheckProblem::Read),
    };
    model.badges.checked = Some(Rc::new(CheckedBadge { file_name: name, result }));
    Vec::new()
}

/// A signed decision chosen in the verify view, read: kept to issue its badges from when it
/// verifies against a framework the app knows.
pub(super) fn decision_read(
    model: &mut Model,
    name: String,
    result: Result<Vec<u8>, FileReadError>,
) -> Vec<Effect> {
    let known = super::review::known(model);
    let state = &mut model.badges;
    let bytes = match result {
        Err(FileReadError::TooLarge { bytes }) => {
            state.open_problem = Some(BadgeCheckProblem::TooLarge { bytes });
            return Vec::new();
        }
        Err(FileReadError::Unreadable) => {
            state.open_problem = Some(BadgeCheckProblem::Unreadable);
            return Vec::new();
        }
        Ok(bytes) => bytes,
    };
    let opened = std::str::from_utf8(&bytes)
        .map_err(|_| BadgeCheckProblem::Read(BadgeReadError::NotJson("not UTF-8".into())))
        .and_then(|text| {
            let value = json::parse(text, crate::core::record::MAX_RECORD_BYTES)
                .map_err(|e| BadgeCheckProblem::Read(BadgeReadError::NotJson(e.to_string())))?;
            let frameworks: Vec<&HashedFramework> = known.iter().collect();
            let decision =
                read_decision(&value, &frameworks).map_err(BadgeCheckProblem::Decision)?;
            let framework = known
                .iter()
                .find(|f| f.sha256() == decision.decision.framework_sha256)
                .cloned()
                .ok_or(BadgeCheckProblem::Unreadable)?;
            Ok(OpenedDecision {
                file_name: name,
                text: Rc::from(text),
                framework,
                student: decision.decision.student_name,
            })
        });
    match opened {
        Ok(opened) => {
            state.opened = Some(opened);
            state.open_problem = None;
            state.problem = None;
        }
        Err(problem) => state.open_problem = Some(problem),
    }
    Vec::new()
}
