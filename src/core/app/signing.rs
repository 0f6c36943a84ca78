//! Signing the open assessment, and the assessor's key.
//!
//! A key is made when first needed and used only once it is kept: records signed with a key that
//! could not be kept could never be followed by more from the same signer.

use std::rc::Rc;

use super::form;
use super::{DownloadPurpose, Effect, FileReadError, Model, Msg, Now, StorageFailed};
use crate::core::assessment::{Action, MetadataField};
use crate::core::crypto::signing_key::{KeyFileError, SigningKey};
use crate::core::record::export::sign_assessment;
use crate::core::record::RecordError;

/// What the browser keeps as the signing key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeyStatus {
    None,
    Key(SigningKey),
    /// Something is stored but is not a readable key; it is never overwritten silently.
    Unreadable,
    /// Storage itself is unavailable.
    Unavailable,
}

#[derive(Clone, Debug, PartialEq)]
pub struct KeyState {
    pub status: KeyStatus,
    pub import: KeyImport,
    /// The last key backup could not be made as a file.
    pub export_failed: bool,
}

impl KeyState {
    pub(super) fn new(status: KeyStatus) -> KeyState {
        KeyState { status, import: KeyImport::Idle, export_failed: false }
    }
}

/// What a key import is waiting for.
#[derive(Clone, Debug, PartialEq)]
pub enum KeyImport {
    Idle,
    /// A valid key file was read; replacing the present key waits for the user's yes.
    Confirm(SigningKey),
    Done,
    FileUnreadable,
    Invalid(KeyFileError),
    NotKept,
}

/// Where signing stands.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SigningState {
    pub stage: SigningStage,
    /// The browser refused to make the file of the record signed at this time; the assessment
    /// stays signed, and copying is the way out. Keyed by the time, so that another assessment
    /// does not inherit the message.
    pub download_failed: Option<String>,
    /// Whether the last copy to the clipboard worked.
    pub copied: Option<bool>,
    /// How the last share ended; `None` also when the user closed the share sheet.
    pub shared: Option<bool>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub enum SigningStage {
    #[default]
    Idle,
    /// Signing was refused: these fields, which every record must name, are empty. Kept up to
    /// date as the form is filled in, and gone once nothing is missing.
    Incomplete(Vec<MetadataField>),
    /// What is still open is shown; signing waits for the user's yes.
    Confirming,
    Failed(SignFailure),
    /// Signed, and a new assessment waits for the user's yes.
    ConfirmingNew,
}

#[derive(Clone, Debug, PartialEq)]
pub enum SignFailure {
    KeyUnreadable,
    KeyNotKept,
    /// The browser has no cryptographic random source for a key or a record id.
    NoRandomSource,
    Record(RecordError),
}

pub(super) fn update(model: &mut Model, msg: Msg, now: &Now) -> Vec<Effect> {
    let signing = &mut model.signing;
    match msg {
        Msg::StartSigning => {
            let missing = model.open.assessment.metadata.missing_for_signing();
            signing.stage = if missing.is_empty() {
                SigningStage::Confirming
            } else {
                SigningStage::Incomplete(missing)
            };
        }
        Msg::BackFromSigning | Msg::KeepSigned => signing.stage = SigningStage::Idle,
        Msg::Sign => return sign(model, now),
        Msg::KeyStored { key, then_sign, result } => {
            return key_stored(model, *key, then_sign, result, now)
        }
        Msg::DownloadRecord => {
            if let Some(signed) = &model.open.assessment.signed {
                return vec![record_download(model, signed.record.clone(), &signed.created)];
            }
        }
        Msg::CopyRecord => {
            if let Some(signed) = &model.open.assessment.signed {
                return vec![Effect::Copy(signed.record.clone())];
            }
        }
        Msg::Copied(ok) => signing.copied = Some(ok),
        Msg::ShareRecord => {
            if let Some(signed) = &model.open.assessment.signed {
                signing.shared = None;
                return vec![Effect::Share {
                    name: model.open.assessment.export_file_name(&signed.created),
                    text: signed.record.clone(),
                }];
            }
        }
        Msg::Shared(outcome) => signing.shared = outcome,
        Msg::NewAfterSigning => {
            if signing.stage == SigningStage::ConfirmingNew {
                let previous = &model.open.assessment.metadata;
                let entry =
                    form::fresh_entry_after(&model.framework, &model.presets, now, previous);
                return form::open(model, entry, true);
            }
            signing.stage = SigningStage::ConfirmingNew;
        }
        Msg::ExportKey => {
            if let KeyStatus::Key(key) = &model.key.status {
                return vec![Effect::Download {
                    name: format!("leeruitkomsten-sleutel-{}.json", key.fingerprint()),
                    mime: "application/json",
                    text: key.to_file_json().into(),
                    purpose: DownloadPurpose::KeyBackup,
                }];
            }
        }
        Msg::ConfirmKeyReplace => {
            if let KeyImport::Confirm(key) = &model.key.import {
                return vec![Effect::StoreKey { key: key.clone(), then_sign: false }];
            }
        }
        Msg::CancelKeyReplace => model.key.import = KeyImport::Idle,
        _ => {}
    }
    Vec::new()
}

fn sign(model: &mut Model, now: &Now) -> Vec<Effect> {
    // The button is only there once nothing is missing; a record without whom it is about or
    // who signed it is refused here all the same.
    let missing = model.open.assessment.metadata.missing_for_signing();
    if !missing.is_empty() {
        model.signing.stage = SigningStage::Incomplete(missing);
        return Vec::new();
    }
    match &model.key.status {
        KeyStatus::Key(key) => {
            let key = key.clone();
            sign_with(model, &key, now)
        }
        KeyStatus::Unreadable => fail(model, SignFailure::KeyUnreadable),
        KeyStatus::Unavailable => fail(model, SignFailure::KeyNotKept),
        KeyStatus::None => match &now.entropy {
            Some(entropy) => {
                let key = SigningKey::from_seed(entropy.key_seed(), &now.time);
                vec![Effect::StoreKey { key, then_sign: true }]
            }
            None => fail(model, SignFailure::NoRandomSource),
        },
    }
}

/// After an edit: the refusal names only what is still missing, and goes once nothing is.
pub(super) fn refresh_missing(model: &mut Model) {
    if let SigningStage::Incomplete(_) = model.signing.stage {
        let missing = model.open.assessment.metadata.missing_for_signing();
        model.signing.stage =
            if missing.is_empty() { SigningStage::Idle } else { SigningStage::Incomplete(missing) };
    }
}

fn fail(model: &mut Model, failure: SignFailure) -> Vec<Effect> {
    model.signing.stage = SigningStage::Failed(failure);
    Vec::new()
}

fn key_stored(
    model: &mut Model,
    key: SigningKey,
    then_sign: bool,
    result: Result<(), StorageFailed>,
    now: &Now,
) -> Vec<Effect> {
    match result {
        Ok(()) => {
            model.key.status = KeyStatus::Key(key.clone());
            if then_sign {
                return sign_with(model, &key, now);
            }
            model.key.import = KeyImport::Done;
            Vec::new()
        }
        Err(StorageFailed) if then_sign => fail(model, SignFailure::KeyNotKept),
        Err(StorageFailed) => {
            model.key.import = KeyImport::NotKept;
            Vec::new()
        }
    }
}

/// Signs, offers the record as a file, sends it to the host page and seals the assessment.
fn sign_with(model: &mut Model, key: &SigningKey, now: &Now) -> Vec<Effect> {
    let Some(entropy) = &now.entropy else { return fail(model, SignFailure::NoRandomSource) };
    let record_id = format!("urn:uuid:{}", entropy.uuid());
    let signed =
        match sign_assessment(&model.framework, &model.open.assessment, key, &now.time, &record_id)
        {
            Ok(signed) => signed,
            Err(error) => return fail(model, SignFailure::Record(error)),
        };
    let mut effects = vec![
        record_download(model, signed.record.clone(), &signed.created),
        Effect::PostRecord(signed.record.clone()),
    ];
    model.signing.stage = SigningStage::Idle;
    effects.extend(form::update(model, Msg::Edit(Action::Seal(signed)), now));
    effects
}

fn record_download(model: &Model, record: Rc<str>, created: &str) -> Effect {
    Effect::Download {
        name: model.open.assessment.export_file_name(created),
        mime: "application/json",
        text: record,
        purpose: DownloadPurpose::Record { created: created.to_string() },
    }
}

pub(super) fn downloaded(model: &mut Model, purpose: DownloadPurpose, ok: bool) -> Vec<Effect> {
    match purpose {
        DownloadPurpose::Record { created } => {
            model.signing.download_failed = (!ok).then_some(created);
        }
        DownloadPurpose::KeyBackup => model.key.export_failed = !ok,
        DownloadPurpose::Backup
        | DownloadPurpose::Raw
        | DownloadPurpose::CohortCsv
        | DownloadPurpose::TrustedList
        | DownloadPurpose::Decision
        | DownloadPurpose::Case
        | DownloadPurpose::Badge
        | DownloadPurpose::DidJson
        | DownloadPurpose::CohortBadges => {}
    }
    Vec::new()
}

/// A key file was read: the same key, or a first one, is kept at once; replacing another asks.
pub(super) fn key_file_read(
    model: &mut Model,
    read: Result<Vec<u8>, FileReadError>,
) -> Vec<Effect> {
    let Some(text) = read.ok().and_then(|bytes| String::from_utf8(bytes).ok()) else {
        model.key.import = KeyImport::FileUnreadable;
        return Vec::new();
    };
    match SigningKey::from_file_json(&text) {
        Err(error) => model.key.import = KeyImport::Invalid(error),
        Ok(key) => match &model.key.status {
            KeyStatus::Key(current) if current.did() == key.did() => {
                return vec![Effect::StoreKey { key, then_sign: false }]
            }
            KeyStatus::None | KeyStatus::Unavailable => {
                return vec![Effect::StoreKey { key, then_sign: false }]
            }
            KeyStatus::Key(_) | KeyStatus::Unreadable => model.key.import = KeyImport::Confirm(key),
        },
    }
    Vec::new()
}
