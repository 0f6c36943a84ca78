//! Deelcertificaten in the app: after the examinator signs a decision, an Open Badges 3.0
//! credential per learning outcome *behaald*, each offered as `.json` and as a baked `.svg`; and
//! in the verify view, a badge file (`.json` or `.svg`) checked and explained.

use std::rc::Rc;

use super::effect::{FolderError, FolderOutcome, FolderRef};
use super::{DecideStage, DownloadPurpose, Effect, FileReadError, KeyStatus, Model, Now, View};
use crate::core::credentials::badge::{
    badge_file_name, issue_badges, read_badge_with, BadgeIssue, BadgeIssueError, BadgeReadError,
    IssuedBadge, VerifiedBadge,
};
use crate::core::credentials::decision::{read_decision, DecisionProblem};
use crate::core::crypto::did_web::{DidWeb, DidWebProblem};
use crate::core::crypto::jsonld::Contexts;
use crate::core::framework::hashed::HashedFramework;
use crate::core::json;
use serde_json::Value;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct BadgesState {
    /// The hogeschool's name for the issuer profile, as the examinator typed it.
    pub hogeschool: String,
    /// The hogeschool's did:web as typed; empty: the badges are issued as the key's did:key.
    pub did_web: String,
    /// Keeping the name and did:web in this browser failed: they are gone after a reload.
    pub not_kept: bool,
    /// How copying the did.json went, while it is shown.
    pub did_json_copied: Option<bool>,
    pub did_json_download_failed: bool,
    /// The clipboard's next answer is about the did.json.
    pub(super) awaiting_copy: bool,
    /// DID documents (`did.json`) chosen in the verify view to check did:web badges against.
    pub did_documents: Vec<DidDocumentFile>,
    /// Why the last `did.json` chosen could not be used.
    pub did_document_problem: Option<DidDocumentFileProblem>,
    /// The last badge file checked, to check again when a did.json comes in.
    pub(super) last_badge: Option<(String, Rc<[u8]>)>,
    /// The browser can write a folder of files (`showDirectoryPicker`); else one download each.
    pub can_pick_folder: bool,
    /// The cohort's deelcertificaten: issuing and writing them as a folder.
    pub cohort: super::cohort_badges::CohortIssue,
    /// The did.json to publish, derived from the did:web and the key ([`did_json`]); filled in
    /// where the state is handed to the interface ([`shown`]), never kept.
    pub published: Option<PublishedDidJson>,
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

/// A DID document chosen beside a did:web badge.
#[derive(Clone, Debug, PartialEq)]
pub struct DidDocumentFile {
    pub file_name: String,
    /// Its `id`, the did:web it is of.
    pub did: String,
    pub document: Rc<Value>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum DidDocumentFileProblem {
    TooLarge {
        bytes: u64,
    },
    Unreadable,
    NotJson(String),
    /// Its `id` is not a did:web.
    NotDidWeb,
}

/// The key the hogeschool's name and did:web are kept under in `localStorage`.
pub const ISSUER_KEY: &str = "leeruitkomsten:v1:badge-issuer";

#[derive(Clone, Debug, PartialEq)]
pub enum BadgesProblem {
    NoHogeschool,
    /// The did:web typed is not one (why).
    DidWeb(DidWebProblem),
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
    SetDidWeb(String),
    /// How keeping the name and did:web went (`Effect::StoreIssuer`).
    IssuerStored(bool),
    CopyDidJson,
    DownloadDidJson,
    Issue,
    /// Download one badge's file: `svg` the baked image, else the JSON.
    Download {
        index: usize,
        svg: bool,
    },
    /// Every badge, as JSON and as SVG, each a file of its own.
    DownloadAll,
    /// Issue the deelcertificaten of every decision in the cohort this browser's key signed.
    IssueCohort,
    /// The folder to write them to, as the browser's picker answered (`Effect::PickFolder`).
    FolderPicked(Result<FolderRef, FolderError>),
    /// What writing the folder came to (`Effect::WriteFolder`).
    FolderWritten(FolderOutcome),
}

pub(super) fn update(model: &mut Model, msg: BadgesMsg, now: &Now) -> Vec<Effect> {
    match msg {
        BadgesMsg::SetHogeschool(name) => {
            model.badges.hogeschool = name;
            if model.badges.problem == Some(BadgesProblem::NoHogeschool) {
                model.badges.problem = None;
            }
            vec![store_issuer(&model.badges)]
        }
        BadgesMsg::SetDidWeb(did) => {
            model.badges.did_web = did;
            model.badges.did_json_copied = None;
            if matches!(model.badges.problem, Some(BadgesProblem::DidWeb(_))) {
                model.badges.problem = None;
            }
            vec![store_issuer(&model.badges)]
        }
        BadgesMsg::IssuerStored(ok) => {
            model.badges.not_kept = !ok;
            Vec::new()
        }
        BadgesMsg::CopyDidJson => match did_json(model) {
            Some(published) => {
                model.badges.did_json_copied = None;
                model.badges.awaiting_copy = true;
                vec![Effect::Copy(published.text.into())]
            }
            None => Vec::new(),
        },
        BadgesMsg::DownloadDidJson => match did_json(model) {
            Some(published) => vec![Effect::Download {
                name: "did.json".into(),
                mime: "application/did+json",
                text: published.text.into(),
                purpose: DownloadPurpose::DidJson,
            }],
            None => Vec::new(),
        },
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
        BadgesMsg::IssueCohort => super::cohort_badges::issue(model, now),
        BadgesMsg::FolderPicked(result) => super::cohort_badges::folder_picked(model, result, now),
        BadgesMsg::FolderWritten(outcome) => super::cohort_badges::folder_written(model, outcome),
    }
}

/// The name and did:web as kept in `localStorage`.
fn store_issuer(state: &BadgesState) -> Effect {
    let kept = serde_json::json!({"hogeschool": state.hogeschool, "didWeb": state.did_web});
    Effect::StoreIssuer(kept.to_string().into())
}

impl BadgesState {
    /// The name and did:web kept in this browser (`ISSUER_KEY`), or nothing where none are or
    /// what is kept does not read.
    pub fn restore(kept: Option<&str>) -> BadgesState {
        let value = kept.and_then(|text| json::parse(text, 4096).ok());
        let field = |name: &str| {
            value
                .as_ref()
                .and_then(|v| v.get(name))
                .and_then(Value::as_str)
                .map(|s| s.chars().take(400).collect())
                .unwrap_or_default()
        };
        BadgesState {
            hogeschool: field("hogeschool"),
            did_web: field("didWeb"),
            ..Default::default()
        }
    }

    /// The did:web typed, checked: `Ok(None)` when none is.
    pub fn did_web(&self) -> Result<Option<DidWeb>, DidWebProblem> {
        if self.did_web.trim().is_empty() {
            Ok(None)
        } else {
            DidWeb::parse(&self.did_web).map(Some)
        }
    }
}

/// The DID document this browser's key would publish under the did:web typed, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublishedDidJson {
    pub did: String,
    pub url: String,
    pub text: String,
}

/// The did.json to publish: only with a valid did:web and a key in this browser.
pub fn did_json(model: &Model) -> Option<PublishedDidJson> {
    let did = model.badges.did_web().ok()??;
    let KeyStatus::Key(key) = &model.key.status else { return None };
    let public_key = crate::core::crypto::did_key::public_key_from_seed(key.seed());
    Some(PublishedDidJson {
        did: did.did().to_string(),
        url: did.document_url(),
        text: format!("{:#}\n", did.document(&public_key)),
    })
}

/// The badges' state as the interface shows it: with the did.json to publish.
pub fn shown(model: &Model) -> BadgesState {
    BadgesState { published: did_json(model), ..model.badges.clone() }
}

/// The DID documents a did:web badge is checked against: the one this browser would publish,
/// then those chosen as files.
pub fn did_documents(model: &Model) -> Vec<Value> {
    let own = did_json(model).and_then(|p| json::parse(&p.text, 65536).ok());
    own.into_iter()
        .chain(model.badges.did_documents.iter().map(|d| (*d.document).clone()))
        .collect()
}

/// Badge ids for one message: each a v4 UUID from SHA-256 of the message's id entropy and a
/// counter, so that a cohort of any size gets ids that are random and all different.
pub(super) fn uuids(entropy: &super::Entropy) -> impl FnMut() -> String + '_ {
    use sha2::{Digest, Sha256};
    let mut n = 0u64;
    move || {
        n += 1;
        let mut hasher = Sha256::new();
        // Bytes 32..64 only: the key seed's bytes never go into an id.
        hasher.update(entropy.0.get(32..).unwrap_or_default());
        hasher.update(n.to_be_bytes());
        let digest = hasher.finalize();
        let mut bytes = [0u8; 64];
        if let (Some(to), Some(from)) = (bytes.get_mut(32..48), digest.get(..16)) {
            to.copy_from_slice(from);
        }
        super::Entropy(bytes).uuid()
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
    let did_web = model.badges.did_web().map_err(BadgesProblem::DidWeb)?;
    let KeyStatus::Key(key) = &model.key.status else { return Err(BadgesProblem::NotTheSigner) };
    let Some(entropy) = &now.entropy else { return Err(BadgesProblem::NoRandomSource) };
    let value = json::parse(text, crate::core::record::MAX_RECORD_BYTES)
        .map_err(|e| BadgesProblem::Issue(e.to_string()))?;
    let decision = read_decision(&value, &[framework]).map_err(BadgesProblem::Decision)?;
    let contexts = Contexts::shipped().map_err(|e| BadgesProblem::Issue(e.to_string()))?;
    let badges = issue_badges(
        &decision,
        &value,
        framework.framework(),
        key.seed(),
        &BadgeIssue { hogeschool, time: &now.time, did_web: did_web.as_ref() },
        uuids(entropy),
        &contexts,
    )
    .map_err(|e| match e {
        BadgeIssueError::NoHogeschool => BadgesProblem::NoHogeschool,
        BadgeIssueError::NotTheDecisionsSigner => BadgesProblem::NotTheSigner,
        BadgeIssueError::NothingAchieved => BadgesProblem::NothingAchieved,
        other => BadgesProblem::Issue(other.to_string()),
    })?;
    let files = badge_files(&badges, &decision.decision.student_number);
    Ok(Issued { decision: text.clone(), badges: files.into() })
}

/// Each badge as its `.json` and baked `.svg` file.
pub(super) fn badge_files(badges: &[IssuedBadge], student_number: &str) -> Vec<BadgeFiles> {
    badges
        .iter()
        .map(|b| BadgeFiles {
            outcome_code: b.outcome_code.clone(),
            outcome_title: b.outcome_title.clone(),
            json_name: badge_file_name(&b.outcome_code, student_number, "json"),
            json: b.json_text().into(),
            svg_name: badge_file_name(&b.outcome_code, student_number, "svg"),
            svg: b.svg_text().into(),
        })
        .collect()
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
        Ok(bytes) => {
            model.badges.last_badge = Some((name.clone(), bytes.into()));
            return check_last_badge(model);
        }
    };
    model.badges.last_badge = None;
    model.badges.checked = Some(Rc::new(CheckedBadge { file_name: name, result }));
    Vec::new()
}

/// Checks the last badge file (again), against the DID documents known now.
fn check_last_badge(model: &mut Model) -> Vec<Effect> {
    let Some((name, bytes)) = model.badges.last_badge.clone() else { return Vec::new() };
    let documents = did_documents(model);
    let result = read_badge_with(&bytes, &documents)
        .map(|(_, badge)| badge)
        .map_err(BadgeCheckProblem::Read);
    model.badges.checked = Some(Rc::new(CheckedBadge { file_name: name, result }));
    Vec::new()
}

/// A `did.json` chosen in the verify view: kept (one per DID, the last chosen) and the last
/// badge checked again against it.
pub(super) fn did_document_read(
    model: &mut Model,
    name: String,
    result: Result<Vec<u8>, FileReadError>,
) -> Vec<Effect> {
    let state = &mut model.badges;
    let read = match result {
        Err(FileReadError::TooLarge { bytes }) => Err(DidDocumentFileProblem::TooLarge { bytes }),
        Err(FileReadError::Unreadable) => Err(DidDocumentFileProblem::Unreadable),
        Ok(bytes) => json::parse_bytes(&bytes, MAX_DID_DOCUMENT_BYTES)
            .map_err(|e| DidDocumentFileProblem::NotJson(e.to_string()))
            .and_then(|value| {
                let did = value
                    .get("id")
                    .and_then(Value::as_str)
                    .filter(|id| crate::core::crypto::did_web::is_did_web(id))
                    .ok_or(DidDocumentFileProblem::NotDidWeb)?
                    .to_string();
                Ok(DidDocumentFile { file_name: name, did, document: Rc::new(value) })
            }),
    };
    match read {
        Ok(file) => {
            state.did_documents.retain(|d| d.did != file.did);
            state.did_documents.push(file);
            state.did_document_problem = None;
            check_last_badge(model)
        }
        Err(problem) => {
            state.did_document_problem = Some(problem);
            Vec::new()
        }
    }
}

/// A DID document with a few keys is a few kilobytes; more is not one.
pub const MAX_DID_DOCUMENT_BYTES: usize = 256 * 1024;

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
