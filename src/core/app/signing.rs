//! Signing the open assessment, and the assessor's key.
//!
//! A key is made when first needed and used only once it is kept: records signed with a key that
//! could not be kept could never be followed by more from the same signer.

use std::rc::Rc;

use super::form;
use super::key_ring::{same_name, KeyRing, OwnedKey};
use super::{
    CheckPurpose, DownloadPurpose, Ed25519Signature, Effect, FileReadError, KeyPurpose, Model, Msg,
    NoEd25519, Now, StorageFailed,
};
use crate::core::assessment::{Action, Assessment, MetadataField};
use crate::core::crypto::data_integrity::Signature;
use crate::core::crypto::signing_key::{KeyFile, KeyFileError, SigningKey};
use crate::core::json;
use crate::core::record::export::{prepare_assessment, PendingRecord};
use crate::core::record::verify::check_record_value;
use crate::core::record::{RecordError, RecordProblem, RecordReport, MAX_RECORD_BYTES};

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
    /// Whether storage holds keys; `Key` names the first, which the hogeschool's page uses.
    pub status: KeyStatus,
    /// Every key on this device with its owner; the form signs with the one of the person
    /// named in it.
    pub ring: KeyRing,
    pub import: KeyImport,
    /// The last key backup could not be made as a file.
    pub export_failed: bool,
    /// The key whose removal waits for the user's yes.
    pub removing: Option<String>,
    /// Removing a key failed (storage refused): the key is still there.
    pub remove_failed: bool,
    /// On the hogeschool's page, the person (as typed) who chose a new key of their own over the
    /// browser's first key, which is another's ([`KeyState::for_hogeschool`]).
    pub new_key_for: Option<String>,
}

/// Which key the hogeschool's page signs with for the person named, as its views show it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HogeschoolSigner {
    /// The key that signs; none where one is made in the person's name first.
    pub signs: Option<OwnedKey>,
    /// The browser's first key where it is in another person's name and they have none here:
    /// it signs unless they choose a new key of their own (`new_key`).
    pub others: Option<OwnedKey>,
    pub new_key: bool,
}

impl KeyState {
    /// A ring read from storage, or, where only the single key of the version before is given,
    /// that key as the ring's first entry.
    pub(super) fn new(status: KeyStatus, ring: KeyRing) -> KeyState {
        let ring = match (&status, ring.is_empty()) {
            (KeyStatus::Key(key), true) => KeyRing::migrated(key.clone()),
            _ => ring,
        };
        let mut state = KeyState {
            status,
            ring: KeyRing::default(),
            import: KeyImport::Idle,
            export_failed: false,
            removing: None,
            remove_failed: false,
            new_key_for: None,
        };
        state.set_ring(ring);
        state
    }

    /// Keeps `status` in step with the ring: its first key, or none.
    pub(super) fn set_ring(&mut self, ring: KeyRing) {
        if matches!(self.status, KeyStatus::Key(_) | KeyStatus::None) {
            self.status = ring.first().cloned().map_or(KeyStatus::None, KeyStatus::Key);
        }
        self.ring = ring;
    }

    /// Storage kept `key` as `owner`'s: a ring it could not read was replaced by it.
    pub(super) fn kept(&mut self, owner: &str, key: SigningKey) {
        let mut ring = match self.status {
            KeyStatus::Unreadable | KeyStatus::Unavailable => KeyRing::default(),
            KeyStatus::Key(_) | KeyStatus::None => self.ring.clone(),
        };
        ring.add(owner, key);
        self.status = KeyStatus::None;
        self.set_ring(ring);
    }

    /// The key the form signs with for the person named `owner`: one picked explicitly, else
    /// theirs, else the key without a name kept from before (it takes their name on signing:
    /// the one person who used this browser keeps signing with their key); `None` when a new
    /// key is made for them.
    pub fn signing_key_for(&self, owner: &str, sign_as: &SignAs) -> Option<&OwnedKey> {
        match sign_as {
            SignAs::Key(did) => self.ring.by_did(did),
            SignAs::NewKey => None,
            SignAs::Own => self.ring.for_owner(owner).or_else(|| self.ring.for_owner_unnamed()),
        }
    }

    /// The key the hogeschool's page signs with for `signer`, the docent or examinator named in
    /// its view: the key in their name where this device has one, else the device's first key
    /// (on a docent's own laptop, the one key there is); `None` where there is no key to sign
    /// with. One rule for invitations, trusted lists and decisions, so that on a shared profile
    /// each person signs with their own key once it is here. Where the person chose a new key of
    /// their own over the first key (`new_key_for`), none signs until that key is made.
    pub fn hogeschool_signer(&self, signer: &str) -> Option<&OwnedKey> {
        match self.status {
            KeyStatus::Key(_) => match self.ring.for_owner(signer) {
                Some(own) => Some(own),
                None if self.new_key_chosen(signer) => None,
                None => self.ring.keys().first(),
            },
            _ => None,
        }
    }

    /// What the hogeschool's page shows of the key that signs for `signer`.
    pub fn for_hogeschool(&self, signer: &str) -> HogeschoolSigner {
        HogeschoolSigner {
            signs: self.hogeschool_signer(signer).cloned(),
            others: self.others_first(signer).cloned(),
            new_key: self.new_key_chosen(signer),
        }
    }

    /// The browser's first key, where `signer` (typed) has none here and it is in another's name.
    fn others_first(&self, signer: &str) -> Option<&OwnedKey> {
        if !matches!(self.status, KeyStatus::Key(_))
            || signer.trim().is_empty()
            || self.ring.for_owner(signer).is_some()
        {
            return None;
        }
        self.ring.keys().first().filter(|first| first.belongs_to_other(signer))
    }

    fn new_key_chosen(&self, signer: &str) -> bool {
        self.new_key_for.as_deref().is_some_and(|name| same_name(name, signer))
    }

    /// `name` (as typed) chooses a new key of their own over another's, or goes back to it.
    pub(super) fn choose_new_key(&mut self, name: &str, chosen: bool) {
        self.new_key_for = chosen.then(|| name.trim().to_string());
    }
}

/// What the hogeschool's page can sign with for `signer` ([`KeyState::hogeschool_signer`]); it
/// makes a key in their name when the browser has none, as the form does on first signing. Each
/// caller words the failures its own way.
pub(super) enum HogeschoolKey {
    Sign(SigningKey),
    /// No key yet: this effect makes one and keeps it, answered with `Msg::KeyStored`.
    Make(Box<Effect>),
    Unreadable,
    NotKept,
    NoRandomSource,
}

pub(super) fn hogeschool_key(
    model: &Model,
    now: &Now,
    then_sign: bool,
    signer: &str,
) -> HogeschoolKey {
    if let Some(owned) = model.key.hogeschool_signer(signer) {
        return HogeschoolKey::Sign(owned.key.clone());
    }
    match &model.key.status {
        KeyStatus::Unreadable => HogeschoolKey::Unreadable,
        KeyStatus::Unavailable => HogeschoolKey::NotKept,
        KeyStatus::Key(_) | KeyStatus::None => match &now.entropy {
            Some(entropy) => HogeschoolKey::Make(Box::new(Effect::StoreKey {
                key: SigningKey::from_seed(entropy.key_seed(), &now.time),
                owner: signer.trim().to_string(),
                then_sign,
                over_unreadable: false,
            })),
            None => HogeschoolKey::NoRandomSource,
        },
    }
}

/// Whose key signs, as the signing confirmation lets the user choose.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum SignAs {
    /// The key of the person named in the form, made when they have none.
    #[default]
    Own,
    /// A new key for the person named in the form, though a key without a name is here.
    NewKey,
    /// This key (a did), picked explicitly ("Ondertekenen als …").
    Key(String),
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
    /// The record made and waiting for the browser's signature.
    pub pending: Option<PendingSignature>,
    /// A new key's public half is being derived, to sign with it then.
    pub making_key: bool,
    /// Whose key signs, where the person named has none on this device ("Ondertekenen als …").
    pub sign_as: SignAs,
    /// The printed report's check of the open assessment's record.
    pub print_check: Option<PrintCheck>,
}

/// A record waiting for the browser's signature: with the key that signs it and the assessment
/// it was made of, so that a signature arriving after that assessment changed seals nothing.
#[derive(Clone, Debug, PartialEq)]
pub struct PendingSignature {
    pub record: PendingRecord,
    pub key: SigningKey,
    pub id: Rc<str>,
    pub assessment: Assessment,
}

impl SigningState {
    /// Waiting for the browser's Ed25519 (a key or a signature) before signing ends.
    pub fn busy(&self) -> bool {
        self.pending.is_some() || self.making_key
    }
}

/// The printed report's check of a signed record: made again from the stored record rather
/// than taken on trust, its signature by Ed25519 (the browser's own on the form's page, which
/// answers later).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PrintCheck {
    pub record: Rc<str>,
    pub outcome: PrintOutcome,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PrintOutcome {
    /// All but the signature is checked; the signature's answer is awaited.
    Checking(PrintFindings),
    Checked(PrintFindings),
    /// The browser has no Ed25519 to check the signature with.
    NoEd25519,
}

/// What the printed report says of a record's check: its problems, and whether the check got
/// as far as a record and a proof. Kept instead of the whole [`RecordReport`], which the page
/// would copy and compare on every redraw.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PrintFindings {
    pub problems: Vec<RecordProblem>,
    /// The record could be read and its proof taken in (pending its signature).
    complete: bool,
}

impl PrintFindings {
    fn of(report: RecordReport) -> PrintFindings {
        let complete = report.proof.is_some() && report.record.is_some();
        PrintFindings { problems: report.problems, complete }
    }

    /// As [`RecordReport::is_valid`].
    pub fn is_valid(&self) -> bool {
        self.complete && self.problems.is_empty()
    }

    /// As [`RecordReport::signature_failed`].
    fn signature_failed(&mut self) {
        self.complete = false;
        self.problems.insert(0, RecordProblem::SignatureMismatch);
    }
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
    /// The browser has no Ed25519 to make a key or sign with.
    NoEd25519,
    /// The kept key's secret does not give its did:key: nothing is signed with it.
    KeyMismatch,
    Record(RecordError),
}

pub(super) fn update(model: &mut Model, msg: Msg, now: &Now) -> Vec<Effect> {
    let signing = &mut model.signing;
    match msg {
        Msg::StartSigning => {
            signing.sign_as = SignAs::Own;
            let missing = model.open.assessment.metadata.missing_for_signing();
            signing.stage = if missing.is_empty() {
                SigningStage::Confirming
            } else {
                SigningStage::Incomplete(missing)
            };
        }
        Msg::BackFromSigning | Msg::KeepSigned => signing.stage = SigningStage::Idle,
        // One signature at a time: the browser's answers later.
        Msg::Sign if signing.busy() => {}
        Msg::Sign => return sign(model, now),
        Msg::KeyDerived { purpose, result } => return key_derived(model, purpose, result),
        Msg::Signed { message, result } => return signed(model, message, result, now),
        Msg::ChooseSigningKey(sign_as) => signing.sign_as = sign_as,
        Msg::KeyStored { key, owner, then_sign, result } => {
            return key_stored(model, *key, &owner, then_sign, result, now)
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
        Msg::ExportKey(did) => {
            if let Some(OwnedKey { key, .. }) = model.key.ring.by_did(&did) {
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
                return vec![Effect::StoreKey {
                    key: key.clone(),
                    owner: import_owner(model),
                    then_sign: false,
                    over_unreadable: true,
                }];
            }
        }
        Msg::CancelKeyReplace => model.key.import = KeyImport::Idle,
        Msg::AskRemoveKey(did) => {
            model.key.remove_failed = false;
            model.key.removing = model.key.ring.by_did(&did).map(|_| did);
        }
        Msg::CancelRemoveKey => model.key.removing = None,
        Msg::ConfirmRemoveKey => {
            if let Some(did) = model.key.removing.take() {
                return vec![Effect::RemoveKey(did)];
            }
        }
        Msg::KeyRemoved { did, result } => match result {
            Ok(()) => {
                let mut ring = model.key.ring.clone();
                ring.remove(&did);
                model.key.set_ring(ring);
                if signing.sign_as == SignAs::Key(did) {
                    signing.sign_as = SignAs::Own;
                }
            }
            Err(StorageFailed) => model.key.remove_failed = true,
        },
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
    let owner = model.open.assessment.metadata.signer_name().unwrap_or_default().to_string();
    let sign_as = model.signing.sign_as.clone();
    match &model.key.status {
        KeyStatus::Unreadable => fail(model, SignFailure::KeyUnreadable),
        KeyStatus::Unavailable => fail(model, SignFailure::KeyNotKept),
        KeyStatus::Key(_) | KeyStatus::None => match model.key.signing_key_for(&owner, &sign_as) {
            // The key without a name takes the name of the first person who signs with it.
            Some(OwnedKey { owner: unnamed, key }) if unnamed.is_empty() && !owner.is_empty() => {
                vec![Effect::StoreKey {
                    key: key.clone(),
                    owner,
                    then_sign: true,
                    over_unreadable: false,
                }]
            }
            Some(owned) => {
                let key = owned.key.clone();
                sign_with(model, &key, now)
            }
            // A key picked explicitly and removed meanwhile signs nothing: the choice is asked again.
            None if matches!(sign_as, SignAs::Key(_)) => {
                model.signing.sign_as = SignAs::Own;
                model.signing.stage = SigningStage::Confirming;
                Vec::new()
            }
            None => make_key(model, now),
        },
    }
}

/// A key for the person named in the form, made when they first sign on this device.
fn make_key(model: &mut Model, now: &Now) -> Vec<Effect> {
    match &now.entropy {
        Some(entropy) => {
            model.signing.making_key = true;
            vec![Effect::DeriveKey {
                seed: entropy.key_seed(),
                created: now.time.clone(),
                purpose: KeyPurpose::New,
            }]
        }
        None => fail(model, SignFailure::NoRandomSource),
    }
}

/// Whose an imported key is: the person named in the form, who says "I already have a key".
fn import_owner(model: &Model) -> String {
    model.open.assessment.metadata.signer_name().unwrap_or_default().to_string()
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
    owner: &str,
    then_sign: bool,
    result: Result<(), StorageFailed>,
    now: &Now,
) -> Vec<Effect> {
    match result {
        Ok(()) => {
            model.key.kept(owner, key.clone());
            if then_sign {
                return sign_with(model, &key, now);
            }
            model.key.import = KeyImport::Done;
            Vec::new()
        }
        // A key already kept, whose name could not be written, signs all the same.
        Err(StorageFailed) if then_sign && model.key.ring.by_did(key.did()).is_some() => {
            sign_with(model, &key, now)
        }
        Err(StorageFailed) if then_sign => fail(model, SignFailure::KeyNotKept),
        Err(StorageFailed) => {
            model.key.import = KeyImport::NotKept;
            Vec::new()
        }
    }
}

/// Makes the record and asks for its signature; [`signed`] goes on when it comes.
fn sign_with(model: &mut Model, key: &SigningKey, now: &Now) -> Vec<Effect> {
    let Some(entropy) = &now.entropy else { return fail(model, SignFailure::NoRandomSource) };
    let record_id = format!("urn:uuid:{}", entropy.uuid());
    let assessment = &model.open.assessment;
    match prepare_assessment(&model.framework, assessment, key, &now.time, &record_id) {
        Ok(record) => {
            let message = record.to_sign.message;
            model.signing.pending = Some(PendingSignature {
                record,
                key: key.clone(),
                id: model.open.id.clone(),
                assessment: model.open.assessment.clone(),
            });
            vec![Effect::SignMessage { key: key.clone(), message }]
        }
        Err(error) => fail(model, SignFailure::Record(error)),
    }
}

/// The signature came: offers the record as a file, sends it to the host page and seals the
/// assessment. A signature of another message (an answer overtaken) is dropped; one by a public
/// key that is not the key's did:key signs nothing; one for an assessment that changed meanwhile
/// (another tab, another one opened) seals nothing and signing is asked again.
fn signed(
    model: &mut Model,
    message: [u8; 64],
    result: Result<Ed25519Signature, NoEd25519>,
    now: &Now,
) -> Vec<Effect> {
    let Some(pending) = model.signing.pending.take() else { return Vec::new() };
    if pending.record.to_sign.message != message {
        model.signing.pending = Some(pending);
        return Vec::new();
    }
    let PendingSignature { record: pending, key, id, assessment } = pending;
    if id != model.open.id || assessment != model.open.assessment {
        model.signing.stage = SigningStage::Confirming;
        return Vec::new();
    }
    let signature = match result {
        Ok(signature) => signature,
        Err(NoEd25519) => return fail(model, SignFailure::NoEd25519),
    };
    if signature.public_key != *key.public_key() {
        return fail(model, SignFailure::KeyMismatch);
    }
    let signed = match pending.finish(&signature.signature) {
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

/// A key's public half came from Ed25519: a new key is kept (and then signs), an imported one
/// is checked against its file's did:key first.
fn key_derived(
    model: &mut Model,
    purpose: KeyPurpose,
    result: Result<Box<SigningKey>, NoEd25519>,
) -> Vec<Effect> {
    if purpose == KeyPurpose::New {
        model.signing.making_key = false;
    }
    match (purpose, result) {
        (KeyPurpose::New, Ok(key)) => vec![Effect::StoreKey {
            key: *key,
            owner: import_owner(model),
            then_sign: true,
            over_unreadable: false,
        }],
        (KeyPurpose::New, Err(NoEd25519)) => fail(model, SignFailure::NoEd25519),
        (KeyPurpose::Import { .. }, Err(NoEd25519)) => {
            model.key.import = KeyImport::Invalid(KeyFileError::NoEd25519);
            Vec::new()
        }
        (KeyPurpose::Import { did }, Ok(key)) if key.did() != did => {
            model.key.import = KeyImport::Invalid(KeyFileError::DidMismatch);
            Vec::new()
        }
        (KeyPurpose::Import { .. }, Ok(key)) => imported(model, *key),
    }
}

/// A checked key from a file joins the keys on this device (once: the same key is not added
/// again); only storage that cannot be read is replaced, and that asks first.
fn imported(model: &mut Model, key: SigningKey) -> Vec<Effect> {
    match &model.key.status {
        KeyStatus::Key(_) | KeyStatus::None | KeyStatus::Unavailable => vec![Effect::StoreKey {
            key,
            owner: import_owner(model),
            then_sign: false,
            over_unreadable: false,
        }],
        KeyStatus::Unreadable => {
            model.key.import = KeyImport::Confirm(key);
            Vec::new()
        }
    }
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

/// A key file was read: it is checked, then joins the keys on this device.
pub(super) fn key_file_read(
    model: &mut Model,
    read: Result<Vec<u8>, FileReadError>,
) -> Vec<Effect> {
    let Some(text) = read.ok().and_then(|bytes| String::from_utf8(bytes).ok()) else {
        model.key.import = KeyImport::FileUnreadable;
        return Vec::new();
    };
    match KeyFile::read(&text) {
        Err(error) => {
            model.key.import = KeyImport::Invalid(error);
            Vec::new()
        }
        Ok(file) => vec![Effect::DeriveKey {
            seed: *file.seed(),
            created: file.created().to_string(),
            purpose: KeyPurpose::Import { did: file.did().to_string() },
        }],
    }
}

/// After every change: a signed open assessment whose record is not checked yet is checked for
/// the printed report (`ui::signature_block`).
pub(super) fn check_open_record(model: &mut Model) -> Vec<Effect> {
    let Some(signed) = &model.open.assessment.signed else {
        model.signing.print_check = None;
        return Vec::new();
    };
    let record = signed.record.clone();
    let same = |check: &PrintCheck| Rc::ptr_eq(&check.record, &record) || check.record == record;
    if model.signing.print_check.as_ref().is_some_and(same) {
        return Vec::new();
    }
    let (report, check) = match json::parse(&record, MAX_RECORD_BYTES) {
        Ok(value) => check_record_value(&value, &[&model.framework], Signature::Return),
        Err(error) => (RecordReport::with(error.into()), None),
    };
    let findings = PrintFindings::of(report);
    let (outcome, effects) = match check {
        Some(check) => (
            PrintOutcome::Checking(findings),
            vec![Effect::CheckSignature { check, purpose: CheckPurpose::Record(record.clone()) }],
        ),
        None => (PrintOutcome::Checked(findings), Vec::new()),
    };
    model.signing.print_check = Some(PrintCheck { record, outcome });
    effects
}

/// The answer to the check of a signed record's signature, if it is still the one shown.
pub(super) fn record_checked(model: &mut Model, record: &Rc<str>, result: Result<bool, NoEd25519>) {
    let Some(check) = &mut model.signing.print_check else { return };
    if !Rc::ptr_eq(&check.record, record) && check.record != *record {
        return;
    }
    let PrintOutcome::Checking(findings) = &mut check.outcome else { return };
    let mut findings = std::mem::take(findings);
    check.outcome = match result {
        Ok(true) => PrintOutcome::Checked(findings),
        Ok(false) => {
            findings.signature_failed();
            PrintOutcome::Checked(findings)
        }
        Err(NoEd25519) => PrintOutcome::NoEd25519,
    };
}
