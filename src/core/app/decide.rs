//! The examinator's decision on a record shown in the verify view: made per learning outcome,
//! kept in storage as it is typed (a reload does not lose it), signed with the browser's key and
//! offered as a file.

use std::rc::Rc;

use super::review::Verified;
use super::signing::{hogeschool_key, HogeschoolKey};
use super::{DownloadPurpose, Effect, Model, Now, StorageFailed, View};
use crate::core::credentials::decision::{Draft, OutcomeResult, SignRefusal};
use crate::core::crypto::signing_key::SigningKey;
use crate::core::framework::hashed::HashedFramework;

/// Where the work in progress is kept.
pub const DECISION_KEY: &str = "leeruitkomsten:v2:decision";

#[derive(Clone, Debug, Default, PartialEq)]
pub struct DecideState {
    /// The decision being made, with the framework its outcomes belong to.
    pub draft: Option<Rc<Draft>>,
    pub framework: Option<HashedFramework>,
    pub stage: DecideStage,
    /// A decision on another record waits while the unfinished one is kept or given up.
    pub replacing: Option<Rc<Draft>>,
    /// The draft could not be kept in storage: it lives only as long as the page.
    pub not_kept: bool,
    /// A key was asked for, to sign the decision once it is kept.
    awaiting_key: bool,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub enum DecideStage {
    #[default]
    Editing,
    /// Who signs what for whom is shown; signing waits for the examinator's yes.
    Confirming,
    Refused(DecideRefusal),
    Signed(SignedDecision),
}

#[derive(Clone, Debug, PartialEq)]
pub enum DecideRefusal {
    Rules(SignRefusal),
    KeyUnreadable,
    KeyNotKept,
    NoRandomSource,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SignedDecision {
    pub text: Rc<str>,
    pub file_name: String,
    pub signer: String,
    pub download_failed: bool,
    pub copied: Option<bool>,
    pub shared: Option<bool>,
}

/// What the decision view sends.
#[derive(Clone, Debug, PartialEq)]
pub enum DecideMsg {
    /// Start (or go on with) a decision on the record the verify view shows.
    Open,
    /// Replace the unfinished decision by the one waiting.
    ConfirmReplace,
    /// Go on with the unfinished decision.
    KeepUnfinished,
    SetResult(usize, OutcomeResult),
    SetMotivation(usize, String),
    TakeAdvice(usize),
    TakeAllAdvice,
    SetExaminator(String),
    StartSigning,
    BackFromSigning,
    Sign,
    Download,
    Copy,
    Share,
    /// Done with a signed decision: the next one starts from the verify view.
    Finish,
    /// What storage held at start.
    Restore(String),
    /// How keeping the draft went.
    Kept(bool),
}

impl DecideState {
    /// The examinator named in the decision being made; empty before one is.
    pub fn examinator(&self) -> &str {
        self.draft.as_ref().map_or("", |draft| draft.examinator.as_str())
    }

    /// Whether the key answer belongs to a decision being signed.
    pub(super) fn awaits_key(&self) -> bool {
        self.awaiting_key
    }
}

pub(super) fn update(model: &mut Model, msg: DecideMsg, now: &Now) -> Vec<Effect> {
    let state = &mut model.decide;
    match msg {
        DecideMsg::Open => return open(model, now),
        DecideMsg::ConfirmReplace => {
            if let Some(next) = state.replacing.take() {
                let sha = next.decision.framework_sha256.clone();
                let known = super::review::known(model);
                let state = &mut model.decide;
                state.framework = known.iter().find(|f| f.sha256() == sha).cloned();
                state.draft = Some(next);
                state.stage = DecideStage::Editing;
                return keep(state);
            }
        }
        DecideMsg::KeepUnfinished => state.replacing = None,
        DecideMsg::Restore(text) => return restore(model, &text),
        DecideMsg::Kept(ok) => state.not_kept = !ok,
        DecideMsg::Download => return download(state).into_iter().collect(),
        DecideMsg::Copy => {
            if let DecideStage::Signed(signed) = &mut state.stage {
                signed.copied = None;
                return vec![Effect::Copy(signed.text.clone())];
            }
        }
        DecideMsg::Share => {
            if let DecideStage::Signed(signed) = &mut state.stage {
                signed.shared = None;
                return vec![Effect::Share {
                    name: signed.file_name.clone(),
                    text: signed.text.clone(),
                }];
            }
        }
        DecideMsg::Finish => {
            if matches!(state.stage, DecideStage::Signed(_)) {
                *state = DecideState { not_kept: state.not_kept, ..DecideState::default() };
                model.view = View::Verify;
            }
        }
        DecideMsg::StartSigning => {
            let Some(draft) = &state.draft else { return Vec::new() };
            state.stage = match check(draft) {
                Ok(()) => DecideStage::Confirming,
                Err(refusal) => DecideStage::Refused(DecideRefusal::Rules(refusal)),
            };
        }
        DecideMsg::BackFromSigning => state.stage = DecideStage::Editing,
        DecideMsg::Sign => return sign(model, now),
        edit => return edit_draft(state, edit),
    }
    Vec::new()
}

/// The rules a draft must meet before the examinator is asked to sign it.
fn check(draft: &Draft) -> Result<(), SignRefusal> {
    if draft.examinator.trim().is_empty() {
        return Err(SignRefusal::NoExaminator);
    }
    let missing = draft.missing_motivations();
    if missing.is_empty() {
        Ok(())
    } else {
        Err(SignRefusal::MissingMotivations(missing))
    }
}

fn edit_draft(state: &mut DecideState, msg: DecideMsg) -> Vec<Effect> {
    let Some(draft) = state.draft.as_mut() else { return Vec::new() };
    // A signed decision is final; a new one starts from the verify view.
    if matches!(state.stage, DecideStage::Signed(_)) {
        return Vec::new();
    }
    let draft = Rc::make_mut(draft);
    match msg {
        DecideMsg::SetResult(i, result) => {
            if let Some(o) = draft.decision.outcomes.get_mut(i) {
                o.result = result;
            }
        }
        DecideMsg::SetMotivation(i, text) => {
            if let Some(o) = draft.decision.outcomes.get_mut(i) {
                o.motivation = text;
            }
        }
        DecideMsg::TakeAdvice(i) => {
            draft.take_advice(i);
        }
        DecideMsg::TakeAllAdvice => {
            for i in 0..draft.decision.outcomes.len() {
                draft.take_advice(i);
            }
        }
        DecideMsg::SetExaminator(name) => draft.examinator = name,
        _ => return Vec::new(),
    }
    // What the refusal named may be fixed now; the examinator asks again to sign.
    if let DecideStage::Refused(DecideRefusal::Rules(_)) = state.stage {
        if check(draft).is_ok() {
            state.stage = DecideStage::Editing;
        }
    }
    if state.stage == DecideStage::Confirming {
        state.stage = DecideStage::Editing;
    }
    keep(state)
}

/// Writes the draft (or removes it once none is left) through the runner.
fn keep(state: &DecideState) -> Vec<Effect> {
    let text = match (&state.draft, &state.stage) {
        (Some(draft), stage) if !matches!(stage, DecideStage::Signed(_)) => {
            Some(Rc::from(draft.to_stored().to_string()))
        }
        _ => None,
    };
    vec![Effect::KeepDecision(text)]
}

/// A draft from the record the verify view shows. The same record reopens its unfinished draft;
/// another waits until the examinator says what becomes of the unfinished one.
fn open(model: &mut Model, now: &Now) -> Vec<Effect> {
    let verify = &model.review.verify;
    let (Some(Verified::One(checked, _)), Some(digest)) = (&verify.shown, &verify.digest) else {
        return Vec::new();
    };
    let Some(report) = checked.report.as_deref() else { return Vec::new() };
    let Ok(fresh) = Draft::from_record(report, digest, &now.today) else { return Vec::new() };
    let framework = report.framework.clone();
    let state = &mut model.decide;
    model.view = View::Decide;
    let same = |d: &Draft| {
        d.decision.record_id == fresh.decision.record_id
            && d.decision.record_digest == fresh.decision.record_digest
    };
    match &state.draft {
        Some(current) if same(current) && !matches!(state.stage, DecideStage::Signed(_)) => {
            return Vec::new()
        }
        Some(current) if !matches!(state.stage, DecideStage::Signed(_)) && started(current) => {
            // The unfinished draft keeps its framework until the examinator gives it up.
            let examinator = current.examinator.clone();
            state.replacing = Some(Rc::new(Draft { examinator, ..fresh }));
            return Vec::new();
        }
        _ => {}
    }
    let examinator = state.draft.as_ref().map(|d| d.examinator.clone()).unwrap_or_default();
    *state = DecideState {
        draft: Some(Rc::new(Draft { examinator, ..fresh })),
        framework,
        not_kept: state.not_kept,
        ..DecideState::default()
    };
    keep(state)
}

/// Whether the examinator has decided or written anything in it yet.
fn started(draft: &Draft) -> bool {
    draft
        .decision
        .outcomes
        .iter()
        .any(|o| o.result != OutcomeResult::NotAssessed || !o.motivation.trim().is_empty())
}

fn restore(model: &mut Model, text: &str) -> Vec<Effect> {
    // The app's one strict JSON reader: serde_json's own would add its parser to the page.
    let parsed = crate::core::json::parse(text, crate::core::record::MAX_RECORD_BYTES).ok();
    let Some(draft) = parsed.and_then(|v| Draft::from_stored(&v)) else {
        return Vec::new();
    };
    let known = super::review::known(model);
    let sha = &draft.decision.framework_sha256;
    let Some(framework) = known.iter().find(|f| f.sha256() == sha).cloned() else {
        return Vec::new();
    };
    model.decide = DecideState {
        draft: Some(Rc::new(draft)),
        framework: Some(framework),
        ..Default::default()
    };
    model.view = View::Decide;
    Vec::new()
}

fn sign(model: &mut Model, now: &Now) -> Vec<Effect> {
    let refuse = |model: &mut Model, refusal| {
        model.decide.stage = DecideStage::Refused(refusal);
        Vec::new()
    };
    match hogeschool_key(model, now, true, model.decide.examinator()) {
        HogeschoolKey::Sign(key) => sign_with(model, &key, now),
        HogeschoolKey::Make(store) => {
            model.decide.awaiting_key = true;
            vec![*store]
        }
        HogeschoolKey::Unreadable => refuse(model, DecideRefusal::KeyUnreadable),
        HogeschoolKey::NotKept => refuse(model, DecideRefusal::KeyNotKept),
        HogeschoolKey::NoRandomSource => refuse(model, DecideRefusal::NoRandomSource),
    }
}

/// The key made for the decision was kept (or not): sign with it, as the record's signing does.
pub(super) fn key_stored(
    model: &mut Model,
    key: SigningKey,
    owner: &str,
    result: Result<(), StorageFailed>,
    now: &Now,
) -> Vec<Effect> {
    model.decide.awaiting_key = false;
    match result {
        Ok(()) => {
            model.key.kept(owner, key.clone());
            sign_with(model, &key, now)
        }
        Err(StorageFailed) => {
            model.decide.stage = DecideStage::Refused(DecideRefusal::KeyNotKept);
            Vec::new()
        }
    }
}

fn sign_with(model: &mut Model, key: &SigningKey, now: &Now) -> Vec<Effect> {
    let state = &mut model.decide;
    let Some(draft) = &state.draft else { return Vec::new() };
    let Some(entropy) = &now.entropy else {
        state.stage = DecideStage::Refused(DecideRefusal::NoRandomSource);
        return Vec::new();
    };
    match draft.sign(key.seed(), &entropy.uuid(), &now.time, &now.today) {
        Err(refusal) => {
            state.stage = DecideStage::Refused(DecideRefusal::Rules(refusal));
            Vec::new()
        }
        Ok(signed) => {
            // Indented like the record, for whoever opens the file.
            let text = serde_json::to_string_pretty(&signed).unwrap_or_default();
            state.stage = DecideStage::Signed(SignedDecision {
                text: text.into(),
                file_name: draft.file_name(&now.today),
                signer: key.did().to_string(),
                download_failed: false,
                copied: None,
                shared: None,
            });
            let mut effects = keep(state);
            effects.extend(download(state));
            effects
        }
    }
}

fn download(state: &DecideState) -> Option<Effect> {
    let DecideStage::Signed(signed) = &state.stage else { return None };
    Some(Effect::Download {
        name: signed.file_name.clone(),
        mime: "application/json",
        text: signed.text.clone(),
        purpose: DownloadPurpose::Decision,
    })
}

/// Answers to the signed decision's download, copy and share.
pub(super) fn answered(model: &mut Model, answer: Answer) {
    if let DecideStage::Signed(signed) = &mut model.decide.stage {
        match answer {
            Answer::Downloaded(ok) => signed.download_failed = !ok,
            Answer::Copied(ok) => signed.copied = Some(ok),
            Answer::Shared(outcome) => signed.shared = outcome,
        }
    }
}

pub(super) enum Answer {
    Downloaded(bool),
    Copied(bool),
    Shared(Option<bool>),
}
