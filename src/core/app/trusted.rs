//! The docent's trusted assessors: the list kept in this browser, added to from a verified
//! record once the fingerprint is confirmed, merged with lists imported from files, and signed
//! with the docent's key when exported. What it says about a record's signer is
//! [`crate::core::credentials::standing`].
//!
//! The browser keeps the list unsigned (its own storage needs no signature); every file that
//! leaves or enters is a signed list, checked as strictly as the command line checks it.

use std::rc::Rc;

use serde_json::{json, Value};

use super::signing::{hogeschool_key, HogeschoolKey};
use super::{DownloadPurpose, Effect, FileReadError, Model, Now, StorageFailed};
use crate::core::app::KeyImport;
use crate::core::credentials::standing::{standing, HeldList, Standing};
use crate::core::credentials::trusted::{
    export_file_name, read_signed_list, TrustedAssessor, TrustedAssessors, TrustedListProblem,
    MAX_NAME_CHARS,
};
use crate::core::crypto::signing_key::SigningKey;
use crate::core::json;
use crate::core::review::cohort::Member;

/// The kept list is small; anything much larger was not written by the app.
const MAX_KEPT_BYTES: usize = 2 * 1024 * 1024;
const KEPT_VERSION: &str = "1";

#[derive(Clone, Debug, Default, PartialEq)]
pub struct TrustedState {
    /// The docent's list, as kept in this browser.
    pub list: Rc<TrustedAssessors>,
    /// The docent's name, which a signed list carries as its issuer's.
    pub docent: Rc<str>,
    /// An assessor from a verified record, waiting for the docent to confirm the fingerprint.
    pub pending: Option<TrustedAssessor>,
    /// An assessor on the list whose name or organisation the docent is changing, as typed so
    /// far; the key (`did`) stays what it was.
    pub editing: Option<TrustedAssessor>,
    pub notice: Option<TrustedNotice>,
    /// The last removed assessor and where it stood, which *Ongedaan maken* puts back.
    pub removed: Option<(usize, TrustedAssessor)>,
    pub kept: Kept,
    /// The invitations this docent sent, as (id, digestMultibase): kept by the invitations area;
    /// a record answering one is *uitgenodigd*.
    pub sent: Rc<[(String, String)]>,
    /// A key is being made for the export, which follows once it is kept.
    export_after_key: bool,
}

/// How the browser's copy of the list stands.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Kept {
    #[default]
    Saved,
    /// The last change could not be written; it holds in this page only.
    Failed,
    /// What storage holds is not a list the app can read. It is never overwritten unasked:
    /// changes wait until the docent has downloaded it or chosen to replace it.
    Unreadable(Rc<str>),
}

/// The outcome the panel reports; worded when shown.
#[derive(Clone, Debug, PartialEq)]
pub enum TrustedNotice {
    Added(String),
    AlreadyListed(String),
    Removed(String),
    /// The name (as it now reads) of the assessor whose details were changed.
    Changed(String),
    Imported {
        added: usize,
        already: usize,
        by: String,
    },
    ImportRefused(Rc<TrustedListProblem>),
    FileUnreadable,
    FileTooLarge,
    Exported(String),
    ExportFailed,
    /// Export asks for the docent's name first: a list vouches in someone's name.
    NeedsDocentName,
    KeyUnreadable,
    KeyNotKept,
    NoRandomSource,
}

#[derive(Clone, Debug, PartialEq)]
pub enum TrustedMsg {
    /// *Toevoegen aan vertrouwde beoordelaars* on a verified record: the signer's key and the
    /// name the record gives, to confirm.
    Propose {
        did: String,
        name: String,
        organisation: Option<String>,
    },
    PendingName(String),
    PendingOrganisation(String),
    ConfirmAdd,
    CancelAdd,
    Remove(String),
    UndoRemove,
    /// *Wijzigen* on the list's row of this key: its name and organisation become editable.
    Edit(String),
    EditName(String),
    EditOrganisation(String),
    SaveEdit,
    CancelEdit,
    DocentName(String),
    Export,
    /// Download what storage holds but cannot be read, before replacing it.
    DownloadUnreadable,
    /// Start afresh over an unreadable kept list.
    ReplaceUnreadable,
    /// The answer to `Effect::StoreTrusted`.
    Stored(Result<(), StorageFailed>),
}

impl TrustedState {
    /// What the browser kept: `Ok(None)` when nothing is kept yet.
    pub fn restore(kept: Result<Option<String>, StorageFailed>) -> TrustedState {
        let mut state = TrustedState::default();
        match kept {
            Ok(None) => {}
            Err(StorageFailed) => state.kept = Kept::Failed,
            Ok(Some(text)) => match read_kept(&text) {
                Some((docent, list)) => {
                    state.docent = docent.into();
                    state.list = Rc::new(list);
                }
                None => state.kept = Kept::Unreadable(text.into()),
            },
        }
        state
    }

    /// The standing of a verified record's signer, from this docent's list and invitations.
    pub fn standing(&self, signer: &str, invitation: Option<(&str, &str)>) -> Standing {
        let by = if self.docent.trim().is_empty() { "" } else { &self.docent };
        standing(signer, invitation, &self.sent, &[HeldList { by, list: &self.list }])
    }
}

impl TrustedState {
    /// A cohort member's signer, as its column and the CSV show it.
    pub fn signer_cell(&self, lang: crate::i18n::Lang, member: &Member) -> String {
        let invitation = member.invitation.as_ref().map(|(id, d)| (id.as_str(), d.as_str()));
        let standing = self.standing(&member.signer, invitation);
        let name = if member.assessor_name.trim().is_empty() {
            &member.student_name
        } else {
            &member.assessor_name
        };
        lang.signer_cell(name, &standing)
    }
}

/// The kept form: `{"version": "1", "docent": …, "trustedAssessors": […]}`.
pub fn kept_json(docent: &str, list: &TrustedAssessors) -> String {
    let mut kept = list.subject_json();
    if let Some(object) = kept.as_object_mut() {
        object.insert("version".into(), KEPT_VERSION.into());
        object.insert("docent".into(), docent.into());
    }
    kept.to_string()
}

fn read_kept(text: &str) -> Option<(String, TrustedAssessors)> {
    let mut value = json::parse(text, MAX_KEPT_BYTES).ok()?;
    let object = value.as_object_mut()?;
    if object.remove("version")? != json!(KEPT_VERSION) {
        return None;
    }
    let docent = match object.remove("docent")? {
        Value::String(docent) => docent,
        _ => return None,
    };
    let list = TrustedAssessors::from_subject_json(&value).ok()?;
    Some((docent, list))
}

fn clip(text: &str) -> String {
    text.chars().take(MAX_NAME_CHARS).collect()
}

pub(super) fn update(model: &mut Model, msg: TrustedMsg, now: &Now) -> Vec<Effect> {
    let state = &mut model.trusted;
    match msg {
        TrustedMsg::Propose { did, name, organisation } => {
            state.notice = None;
            if state.list.find(&did).is_some() {
                state.notice = Some(TrustedNotice::AlreadyListed(name));
                return Vec::new();
            }
            let organisation = organisation.filter(|o| !o.trim().is_empty());
            state.pending = Some(TrustedAssessor { did, name: clip(&name), organisation });
        }
        TrustedMsg::PendingName(name) => {
            if let Some(pending) = &mut state.pending {
                pending.name = clip(&name);
            }
        }
        TrustedMsg::PendingOrganisation(organisation) => {
            if let Some(pending) = &mut state.pending {
                pending.organisation = Some(clip(&organisation)).filter(|o| !o.trim().is_empty());
            }
        }
        TrustedMsg::CancelAdd => state.pending = None,
        TrustedMsg::ConfirmAdd => {
            let Some(mut pending) = state.pending.clone() else { return Vec::new() };
            // A name is what the list is for; the button waits for one, and so does the core.
            pending.name = pending.name.trim().to_string();
            if pending.name.is_empty() {
                return Vec::new();
            }
            let mut list = (*state.list).clone();
            match list.add(pending.clone()) {
                Ok(()) => {
                    state.pending = None;
                    state.notice = Some(TrustedNotice::Added(pending.name));
                    return changed(model, list);
                }
                Err(_) => {
                    state.pending = None;
                    state.notice = Some(TrustedNotice::AlreadyListed(pending.name));
                }
            }
        }
        TrustedMsg::Edit(did) => {
            state.editing = state.list.find(&did).cloned();
            state.notice = None;
        }
        TrustedMsg::EditName(name) => {
            if let Some(editing) = &mut state.editing {
                editing.name = clip(&name);
            }
        }
        TrustedMsg::EditOrganisation(organisation) => {
            if let Some(editing) = &mut state.editing {
                editing.organisation = Some(clip(&organisation));
            }
        }
        TrustedMsg::CancelEdit => state.editing = None,
        TrustedMsg::SaveEdit => {
            let Some(editing) = &state.editing else { return Vec::new() };
            // As when adding: a name is what the list is for.
            let name = editing.name.trim().to_string();
            if name.is_empty() {
                return Vec::new();
            }
            let organisation =
                editing.organisation.as_deref().map(str::trim).filter(|o| !o.is_empty());
            let mut list = (*state.list).clone();
            let Some(listed) = list.assessors.iter_mut().find(|a| a.did == editing.did) else {
                // Taken off the list meanwhile (an import cannot do that; kept for safety).
                state.editing = None;
                return Vec::new();
            };
            listed.name = name.clone();
            listed.organisation = organisation.map(str::to_string);
            state.editing = None;
            state.notice = Some(TrustedNotice::Changed(name));
            return changed(model, list);
        }
        TrustedMsg::Remove(did) => {
            let Some(index) = state.list.assessors.iter().position(|a| a.did == did) else {
                return Vec::new();
            };
            if state.editing.as_ref().is_some_and(|e| e.did == did) {
                state.editing = None;
            }
            let mut list = (*state.list).clone();
            let removed = list.assessors.remove(index);
            state.notice = Some(TrustedNotice::Removed(removed.name.clone()));
            state.removed = Some((index, removed));
            return changed(model, list);
        }
        TrustedMsg::UndoRemove => {
            let Some((index, assessor)) = state.removed.take() else { return Vec::new() };
            let mut list = (*state.list).clone();
            if list.find(&assessor.did).is_none() {
                list.assessors.insert(index.min(list.assessors.len()), assessor);
            }
            state.notice = None;
            return changed(model, list);
        }
        TrustedMsg::DocentName(name) => {
            state.docent = clip(&name).into();
            if state.notice == Some(TrustedNotice::NeedsDocentName) && !name.trim().is_empty() {
                state.notice = None;
            }
            let list = (*state.list).clone();
            return changed(model, list);
        }
        TrustedMsg::Export => return export(model, now),
        TrustedMsg::DownloadUnreadable => {
            if let Kept::Unreadable(text) = &state.kept {
                return vec![Effect::Download {
                    name: format!("vertrouwde-beoordelaars-onleesbaar-{}.json", now.today),
                    mime: "application/json",
                    text: text.clone(),
                    purpose: DownloadPurpose::TrustedList,
                }];
            }
        }
        TrustedMsg::ReplaceUnreadable => {
            if matches!(state.kept, Kept::Unreadable(_)) {
                state.kept = Kept::Saved;
                let list = (*state.list).clone();
                return changed(model, list);
            }
        }
        TrustedMsg::Stored(result) => {
            // An unreadable kept list stays the panel's message until it is dealt with.
            if !matches!(state.kept, Kept::Unreadable(_)) {
                state.kept = if result.is_ok() { Kept::Saved } else { Kept::Failed };
            }
        }
    }
    Vec::new()
}

/// The list changed: it shows at once, and is kept unless storage holds a list it cannot read.
fn changed(model: &mut Model, list: TrustedAssessors) -> Vec<Effect> {
    let state = &mut model.trusted;
    state.list = Rc::new(list);
    if matches!(state.kept, Kept::Unreadable(_)) {
        return Vec::new();
    }
    vec![Effect::StoreTrusted(kept_json(&state.docent, &state.list).into())]
}

/// A list file was read: a valid one adds the assessors not listed yet; anything else changes
/// nothing and says why.
pub(super) fn file_read(model: &mut Model, result: Result<Vec<u8>, FileReadError>) -> Vec<Effect> {
    let state = &mut model.trusted;
    state.pending = None;
    let bytes = match result {
        Ok(bytes) => bytes,
        Err(FileReadError::TooLarge { .. }) => {
            state.notice = Some(TrustedNotice::FileTooLarge);
            return Vec::new();
        }
        Err(FileReadError::Unreadable) => {
            state.notice = Some(TrustedNotice::FileUnreadable);
            return Vec::new();
        }
    };
    match read_signed_list(&bytes) {
        Err(problem) => {
            state.notice = Some(TrustedNotice::ImportRefused(Rc::new(problem)));
            Vec::new()
        }
        Ok(signed) => {
            let mut list = (*state.list).clone();
            let (added, already) = list.merge(&signed.list);
            let by = signed.signer_label().to_string();
            state.notice = Some(TrustedNotice::Imported { added, already, by });
            if added == 0 {
                return Vec::new();
            }
            changed(model, list)
        }
    }
}

/// Signs the list with the docent's key and offers it as a file; a docent without a key gets
/// one first, as an assessor does on first signing.
fn export(model: &mut Model, now: &Now) -> Vec<Effect> {
    let state = &mut model.trusted;
    if state.docent.trim().is_empty() {
        state.notice = Some(TrustedNotice::NeedsDocentName);
        return Vec::new();
    }
    match hogeschool_key(model, now, false, &model.trusted.docent) {
        HogeschoolKey::Sign(key) => signed_download(model, &key, now),
        HogeschoolKey::Make(store) => {
            model.trusted.export_after_key = true;
            vec![*store]
        }
        HogeschoolKey::Unreadable => fail(model, TrustedNotice::KeyUnreadable),
        HogeschoolKey::NotKept => fail(model, TrustedNotice::KeyNotKept),
        HogeschoolKey::NoRandomSource => fail(model, TrustedNotice::NoRandomSource),
    }
}

fn fail(model: &mut Model, notice: TrustedNotice) -> Vec<Effect> {
    model.trusted.notice = Some(notice);
    Vec::new()
}

fn signed_download(model: &mut Model, key: &SigningKey, now: &Now) -> Vec<Effect> {
    let Some(entropy) = &now.entropy else { return fail(model, TrustedNotice::NoRandomSource) };
    let state = &mut model.trusted;
    let id = format!("urn:uuid:{}", entropy.uuid());
    let docent = state.docent.trim().to_string();
    let signed = match state.list.sign(&id, &docent, key.seed(), &now.time) {
        Ok(signed) => signed,
        Err(_) => return fail(model, TrustedNotice::ExportFailed),
    };
    let text = serde_json::to_string_pretty(&signed).unwrap_or_default();
    let name = export_file_name(&now.today);
    state.notice = Some(TrustedNotice::Exported(name.clone()));
    vec![Effect::Download {
        name,
        mime: "application/json",
        text: format!("{text}\n").into(),
        purpose: DownloadPurpose::TrustedList,
    }]
}

/// After a key was kept (or not): the export that asked for it goes on, or says why not. The key
/// panel's message about an import is not this key's story, so it is cleared.
pub(super) fn key_stored(model: &mut Model, kept: bool, now: &Now) -> Vec<Effect> {
    if !std::mem::take(&mut model.trusted.export_after_key) {
        return Vec::new();
    }
    if matches!(model.key.import, KeyImport::Done | KeyImport::NotKept) {
        model.key.import = KeyImport::Idle;
    }
    match model.key.hogeschool_signer(&model.trusted.docent).filter(|_| kept) {
        Some(owned) => {
            let key = owned.key.clone();
            signed_download(model, &key, now)
        }
        None => fail(model, TrustedNotice::KeyNotKept),
    }
}

pub(super) fn downloaded(model: &mut Model, ok: bool) -> Vec<Effect> {
    if !ok {
        model.trusted.notice = Some(TrustedNotice::ExportFailed);
    }
    Vec::new()
}
