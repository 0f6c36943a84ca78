//! The app as data: everything the interface shows, every message that changes it, and the
//! effects a change asks the browser to carry out.
//!
//! `update(&mut Model, Msg, Now) -> Vec<Effect>` is the one place the app's state changes. It reads
//! no clock, no random source and no storage: time and randomness come in as [`Now`], what storage
//! holds comes in as messages, and what must be written, downloaded or sent goes out as
//! [`Effect`]s, which `web::runner` carries out and answers with further messages. So every flow
//! (open, edit, sign, delete and undo, import, another tab) is tested natively, message by message.

pub mod badges;
pub mod cohort_badges;
pub mod decide;
pub mod ed25519;
pub mod effect;
pub mod folds;
mod form;
mod frameworks;
pub mod invite;
pub mod key_ring;
mod library;
pub mod pages;
pub mod review;
pub mod scoring;
mod signing;
pub mod trusted;

use std::rc::Rc;

/// Part of [`Now`]: re-exported so that whoever builds a `Now` names it from here.
pub use crate::core::zone::Zone;
pub use badges::{BadgesMsg, BadgesState};
pub use decide::{DecideMsg, DecideRefusal, DecideStage, DecideState, SignedDecision};
pub use effect::{
    CheckPurpose, CohortFile, DownloadPurpose, Ed25519Signature, Effect, FilePurpose,
    FileReadError, FileRef, FolderError, FolderFile, FolderOutcome, FolderRef, KeyPurpose,
    NoEd25519, WorkerEffect, WritePurpose,
};
pub use form::{fresh_entry, fresh_entry_after, new_id};
pub use frameworks::{AfterFetch, FetchFailure, Fetching};
pub use invite::{InvitationNotice, InviteFailure, InviteMsg, InviteState, SentInvitations};
pub use key_ring::{KeyRing, KeyRingError, OwnedKey};
pub use library::{LibraryMessage, LibraryState};
pub use review::{ReviewMsg, ReviewRead, ReviewState};
pub use signing::{
    HogeschoolSigner, KeyImport, KeyState, KeyStatus, PendingSignature, PrintCheck, PrintFindings,
    PrintOutcome, SignAs, SignFailure, SigningStage, SigningState,
};
pub use trusted::{Kept, TrustedMsg, TrustedNotice, TrustedState};

use crate::core::app::folds::Folds;
use crate::core::assessment::aggregate::{summarize, Summary};
use crate::core::assessment::{Action, ActionError, Assessment};
use crate::core::framework::hashed::HashedFramework;
use crate::core::framework::source::{FrameworkSource, LoadFailure};
use crate::core::library::saved::SavedEntry;
use crate::core::library::Listed;
use crate::i18n::Lang;
pub use folds::Folding;

/// The moment a message is handled, as the browser tells it: time and randomness are data here,
/// so that `update` stays a pure function and tests choose both.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Now {
    /// RFC 3339 in UTC with milliseconds, `2026-11-23T19:37:27.123Z`.
    pub time: String,
    /// Today in the user's time zone, `YYYY-MM-DD`.
    pub today: String,
    /// The user's time zone with its offsets over time: times are kept in UTC and shown with the
    /// offset of their own instant. Shared, made once at start-up, so a message does not copy it.
    pub zone: Rc<Zone>,
    /// Fresh bytes from the browser's cryptographic source; `None` where it has none, and then
    /// nothing that needs them (a key, a record id) is made.
    pub entropy: Option<Entropy>,
}

/// 64 random bytes, split so that no two uses share a byte: a signing key's seed must never
/// show up in an id written into a record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entropy(pub [u8; 64]);

impl Entropy {
    pub fn key_seed(&self) -> [u8; 32] {
        let mut seed = [0u8; 32];
        seed.copy_from_slice(self.0.get(..32).unwrap_or(&[0u8; 32]));
        seed
    }

    /// A version 4 UUID (RFC 9562) from bytes 32..48.
    pub fn uuid(&self) -> String {
        let mut b = [0u8; 16];
        b.copy_from_slice(self.0.get(32..48).unwrap_or(&[0u8; 16]));
        b[6] = (b[6] & 0x0f) | 0x40;
        b[8] = (b[8] & 0x3f) | 0x80;
        let hex: String = b.iter().map(|x| format!("{x:02x}")).collect();
        let part = |r: std::ops::Range<usize>| hex.get(r).unwrap_or("").to_string();
        format!("{}-{}-{}-{}-{}", part(0..8), part(8..12), part(12..16), part(16..20), part(20..32))
    }
}

/// The page the app shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Library,
    Assess,
    Verify,
    Compare,
    Cohort,
    /// The docent makes an invitation to assess a student.
    Invite,
    /// The examinator's decision on the record the verify view showed.
    Decide,
}

/// What the user must know about the browser's storage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageNotice {
    /// Storage is disabled or full: work goes on in memory, and everything can be downloaded.
    Unavailable,
    /// Some stored entries could not be read; they are kept as they are.
    Unreadable,
    /// What version 1 of the app stored could not be moved over; it is kept as it is.
    MigrationFailed,
    ChangedElsewhere,
    RemovedElsewhere,
    /// See [`Startup::journal_kept_apart`]: the user learns where that copy went.
    KeptApart,
}

/// The storage failure the browser reported; the interface only needs to know that it failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StorageFailed;

/// The open assessment and its summary.
#[derive(Clone, Debug, PartialEq)]
pub struct OpenAssessment {
    /// Its id in storage.
    pub id: Rc<str>,
    /// When it last changed, RFC 3339 UTC.
    pub updated: String,
    pub assessment: Assessment,
    pub summary: Rc<Summary>,
}

impl OpenAssessment {
    fn new(framework: &HashedFramework, entry: SavedEntry) -> OpenAssessment {
        let summary = Rc::new(summarize(framework.framework(), &entry.assessment));
        OpenAssessment {
            id: entry.id.into(),
            updated: entry.updated,
            assessment: entry.assessment,
            summary,
        }
    }

    pub fn entry(&self) -> SavedEntry {
        SavedEntry {
            id: self.id.to_string(),
            updated: self.updated.clone(),
            assessment: self.assessment.clone(),
        }
    }
}

/// Everything the app shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Model {
    pub lang: Lang,
    pub view: View,
    pub framework: Rc<HashedFramework>,
    /// Where the framework in use came from.
    pub source: FrameworkSource,
    /// Why the last framework file was not loaded.
    pub framework_failure: Option<Rc<LoadFailure>>,
    /// The last download of the framework as a CASE package failed.
    pub case_download_failed: bool,
    /// The framework address in the link and why it was not loaded.
    pub link_failure: Option<Rc<(String, LoadFailure)>>,
    /// The link's framework gave no answer: the copy this browser kept when it last loaded is
    /// in use.
    pub link_kept_copy: bool,
    /// The notice about the link was dismissed.
    pub link_dismissed: bool,
    pub open: OpenAssessment,
    /// The last action the core refused, shown until dismissed.
    pub error: Option<ActionError>,
    pub storage: Option<StorageNotice>,
    pub library: LibraryState,
    pub key: KeyState,
    pub signing: SigningState,
    /// What a link asks of every new assessment (a mode, a student number).
    pub presets: Vec<Action>,
    /// The school's own words from the link on what to do with a signed record (plain text).
    pub instruction: Option<Rc<str>>,
    /// The device can hand a file to another app (Web Share with files).
    pub can_share: bool,
    /// The user's time zone, as the last message's [`Now`] gave it.
    pub zone: Rc<Zone>,
    /// The verify, compare and cohort views.
    pub review: ReviewState,
    /// The docent's trusted assessors; `TrustedState::restore` fills it from storage.
    pub trusted: TrustedState,
    /// The examinator's decision being made or just signed.
    pub decide: DecideState,
    /// The deelcertificaten of the signed decision, and a badge checked in the verify view.
    pub badges: BadgesState,
    /// The learning outcomes folded in the form. Only how the page looks now: never saved.
    pub folded: Folds,
    /// The docent's invitation form.
    pub invite: InviteState,
    /// The invitations this browser signed, newest first.
    pub sent_invitations: Rc<SentInvitations>,
    /// What became of the invitation in the link the app was opened with.
    pub invitation_notice: Option<InvitationNotice>,
}

/// What the browser held when the app started, read before the first render.
#[derive(Clone, Debug, PartialEq)]
pub struct Startup {
    pub lang: Lang,
    pub listing: Result<Vec<Listed>, StorageFailed>,
    /// The id storage names as open, if any.
    pub open_id: Option<String>,
    /// Version 1's assessment was there and could not be moved over.
    pub migration_failed: bool,
    /// The crash journal, read once the page was open, held a newer copy of an assessment changed
    /// here meanwhile: it is stored as an assessment of its own (`core::library::journal_copy`).
    pub journal_kept_apart: bool,
    pub key: KeyStatus,
    /// The keys on this device with their owners; empty where `key` is the single key of the
    /// version before, which becomes the first.
    pub key_ring: KeyRing,
    pub presets: Vec<Action>,
    pub instruction: Option<String>,
    pub can_share: bool,
    /// Where the framework came from, and why the one a link named was not loaded.
    pub source: FrameworkSource,
    pub link_failure: Option<(String, LoadFailure)>,
}

/// Every message the app handles. Components send the first kind; `web::runner` answers effects
/// with the second.
// A message is moved once through `update` and dropped, never kept in bulk, so its size costs
// nothing worth boxing for.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq)]
pub enum Msg {
    // The open assessment
    Edit(Action),
    SetLang(Lang),
    Show(View),
    DismissError,
    DismissStorage,
    /// Download every assessment, the open one as it is in memory: the way out when storage fails.
    DownloadEverything,
    DismissLink,
    /// Back to the framework the app opens with.
    UseBuiltIn,
    /// Download the framework in use as a 1EdTech CASE package.
    ExportCase,
    /// Folding the form's learning outcomes (`Folds`).
    Folding(Folding),

    // The library (start screen)
    OpenEntry(String),
    ChooseNewIn(String),
    NewAssessment,
    Duplicate(String),
    AskDelete(String),
    CancelDelete,
    ConfirmDelete,
    UndoDelete,
    DownloadBackup,
    DownloadUnreadable(usize),

    // Signing and the key
    StartSigning,
    BackFromSigning,
    Sign,
    DownloadRecord,
    CopyRecord,
    /// Hand the signed record to another app (mail, a learning environment's app).
    ShareRecord,
    /// How sharing ended: `Some(true)` shared, `Some(false)` failed, `None` cancelled.
    Shared(Option<bool>),
    /// After signing: asks first, and on the second press starts a new assessment.
    NewAfterSigning,
    KeepSigned,
    /// Download a backup of the key with this did.
    ExportKey(String),
    ConfirmKeyReplace,
    CancelKeyReplace,
    /// Take a key off this device: asks first.
    AskRemoveKey(String),
    ConfirmRemoveKey,
    CancelRemoveKey,
    /// Whose key signs where the person named in the form has none ("Ondertekenen als …").
    ChooseSigningKey(SignAs),
    /// On the hogeschool's page: the person typed as signer chooses a new key of their own over
    /// the browser's first key, which is another's, or goes back to that key.
    ChooseNewKey {
        name: String,
        chosen: bool,
    },

    // The verify, compare and cohort views
    Review(ReviewMsg),
    /// The docent's trusted assessors.
    Trusted(TrustedMsg),
    /// The examinator's decision.
    Decide(DecideMsg),
    /// The deelcertificaten (Open Badges 3.0).
    Badges(BadgesMsg),

    // Invitations: the docent's form, and a link's invitation opened
    Invite(InviteMsg),

    // Files the user chose, by purpose
    FilesChosen(FilePurpose, Vec<FileRef>),

    // Answers to effects
    Saved(Result<(), StorageFailed>),
    Listed(Result<Vec<Listed>, StorageFailed>),
    Written {
        purpose: WritePurpose,
        failed: Vec<String>,
    },
    Removed {
        id: String,
        result: Result<(), StorageFailed>,
    },
    KeyStored {
        key: Box<crate::core::crypto::signing_key::SigningKey>,
        owner: String,
        then_sign: bool,
        result: Result<(), StorageFailed>,
    },
    KeyRemoved {
        did: String,
        result: Result<(), StorageFailed>,
    },
    Downloaded {
        purpose: DownloadPurpose,
        ok: bool,
    },
    KeyDerived {
        purpose: KeyPurpose,
        result: Result<Box<crate::core::crypto::signing_key::SigningKey>, NoEd25519>,
    },
    Signed {
        message: [u8; 64],
        result: Result<Ed25519Signature, NoEd25519>,
    },
    SignatureChecked {
        purpose: CheckPurpose,
        /// Whether the signature holds.
        result: Result<bool, NoEd25519>,
    },
    Copied(bool),
    /// The bytes of a built-in framework's file, fetched for `Effect::FetchBuiltIn`.
    BuiltInFetched {
        id: &'static str,
        result: Result<Vec<u8>, LoadFailure>,
    },
    FileRead {
        purpose: FilePurpose,
        name: String,
        result: Result<Vec<u8>, FileReadError>,
    },
    /// The answer to `Effect::ReadFiles` and `Effect::ReadKeptCohortFiles`: each file's name and
    /// bytes, in the order asked.
    FilesRead {
        purpose: FilePurpose,
        files: Vec<(String, Result<Vec<u8>, FileReadError>)>,
    },

    // Another tab
    ChangedElsewhere(SavedEntry),
    RemovedElsewhere(String),
}

impl From<Folding> for Msg {
    fn from(folding: Folding) -> Msg {
        Msg::Folding(folding)
    }
}

/// A form component's edit, whichever page it is on (`ScoringMsg` is the scoring page's).
impl From<Action> for Msg {
    fn from(action: Action) -> Msg {
        Msg::Edit(action)
    }
}

impl Model {
    /// The app as it opens: the assessment that was open, or a new one; with several saved and
    /// none open, on the list of them.
    pub fn start(framework: Rc<HashedFramework>, startup: Startup, now: &Now) -> Model {
        let mut notice = startup.migration_failed.then_some(StorageNotice::MigrationFailed);
        let (open, view, listing) = match startup.listing {
            Err(StorageFailed) => {
                notice = Some(StorageNotice::Unavailable);
                (None, View::Assess, Err(StorageFailed))
            }
            Ok(listed) => {
                if listed.iter().any(|l| matches!(l, Listed::Unreadable { .. })) {
                    notice = notice.or(Some(StorageNotice::Unreadable));
                }
                let openable: Vec<&SavedEntry> = listed
                    .iter()
                    .filter_map(Listed::entry)
                    .filter(|e| form::belongs(e, &framework))
                    .collect();
                let open = startup
                    .open_id
                    .as_deref()
                    .and_then(|id| openable.iter().find(|e| e.id == id))
                    .map(|e| (*e).clone());
                let view = if open.is_none() && (!openable.is_empty() || notice.is_some()) {
                    View::Library
                } else {
                    View::Assess
                };
                (open, view, Ok(listed))
            }
        };
        let entry = open.unwrap_or_else(|| form::fresh_entry(&framework, &startup.presets, now));
        Model {
            lang: startup.lang,
            view,
            open: OpenAssessment::new(&framework, entry),
            library: LibraryState::new(framework.framework().id.clone(), listing),
            framework,
            source: startup.source,
            framework_failure: None,
            case_download_failed: false,
            link_failure: startup.link_failure.map(Rc::new),
            link_kept_copy: false,
            link_dismissed: false,
            error: None,
            storage: notice.or(startup.journal_kept_apart.then_some(StorageNotice::KeptApart)),
            key: KeyState::new(startup.key, startup.key_ring),
            signing: SigningState::default(),
            presets: startup.presets,
            instruction: startup.instruction.map(Rc::from),
            can_share: startup.can_share,
            zone: now.zone.clone(),
            review: ReviewState::default(),
            trusted: TrustedState::default(),
            decide: DecideState::default(),
            badges: BadgesState::default(),
            folded: Folds::default(),
            invite: InviteState::default(),
            sent_invitations: Rc::new(SentInvitations::default()),
            invitation_notice: None,
        }
    }

    /// The open assessment's first indicator not yet scored.
    pub fn first_open(&self) -> Option<Rc<str>> {
        self.open.assessment.first_unscored(self.framework.framework())
    }
}

/// The app's one reducer.
pub fn update(model: &mut Model, msg: Msg, now: &Now) -> Vec<Effect> {
    let mut effects = update_area(model, msg, now);
    effects.extend(signing::check_open_record(model));
    effects
}

/// Hands a message to the area it belongs to.
fn update_area(model: &mut Model, msg: Msg, now: &Now) -> Vec<Effect> {
    model.zone = now.zone.clone();
    match msg {
        Msg::Show(view) => {
            // A fingerprint waiting to be confirmed belongs to the record shown; so does leaving it.
            model.trusted.pending = None;
            if view == View::Invite && cfg!(feature = "hogeschool") {
                invite::shown(model, now);
            }
            let mut effects = hogeschool(|| review::show(model, view));
            effects.extend(form::update(model, msg, now));
            effects
        }
        Msg::Edit(_)
        | Msg::SetLang(_)
        | Msg::DismissError
        | Msg::DismissStorage
        | Msg::DownloadEverything
        | Msg::Saved(_)
        | Msg::Folding(_)
        | Msg::ChangedElsewhere(_)
        | Msg::RemovedElsewhere(_) => form::update(model, msg, now),
        Msg::OpenEntry(_)
        | Msg::ChooseNewIn(_)
        | Msg::NewAssessment
        | Msg::Duplicate(_)
        | Msg::AskDelete(_)
        | Msg::CancelDelete
        | Msg::ConfirmDelete
        | Msg::UndoDelete
        | Msg::DownloadBackup
        | Msg::DownloadUnreadable(_)
        | Msg::Listed(_)
        | Msg::Written { .. }
        | Msg::Removed { .. } => library::update(model, msg, now),
        // The clipboard's answer belongs to the view that asked for it.
        Msg::Copied(ok) if model.view == View::Invite => {
            model.invite.copied = Some(ok);
            Vec::new()
        }
        // The did.json copied from a badges panel, in whichever view that is.
        Msg::Copied(ok) if model.badges.awaiting_copy => hogeschool(|| {
            model.badges.awaiting_copy = false;
            model.badges.did_json_copied = Some(ok);
            Vec::new()
        }),
        Msg::Decide(msg) => hogeschool(|| decide::update(model, msg, now)),
        Msg::ChooseNewKey { name, chosen } => hogeschool(|| {
            model.key.choose_new_key(&name, chosen);
            Vec::new()
        }),
        Msg::Badges(msg) => hogeschool(|| badges::update(model, msg, now)),
        Msg::KeyStored { key, owner, then_sign: true, result } if model.decide.awaits_key() => {
            hogeschool(|| decide::key_stored(model, *key, &owner, result, now))
        }
        Msg::Copied(ok) if model.view == View::Decide => {
            decide::answered(model, decide::Answer::Copied(ok));
            Vec::new()
        }
        Msg::Shared(outcome) if model.view == View::Decide => {
            decide::answered(model, decide::Answer::Shared(outcome));
            Vec::new()
        }
        Msg::StartSigning
        | Msg::BackFromSigning
        | Msg::Sign
        | Msg::DownloadRecord
        | Msg::CopyRecord
        | Msg::ShareRecord
        | Msg::Shared(_)
        | Msg::NewAfterSigning
        | Msg::KeepSigned
        | Msg::ExportKey(_)
        | Msg::ConfirmKeyReplace
        | Msg::CancelKeyReplace
        | Msg::AskRemoveKey(_)
        | Msg::ConfirmRemoveKey
        | Msg::CancelRemoveKey
        | Msg::KeyRemoved { .. }
        | Msg::ChooseSigningKey(_)
        | Msg::KeyDerived { .. }
        | Msg::Signed { .. }
        | Msg::Copied(_) => signing::update(model, msg, now),
        Msg::SignatureChecked { purpose: CheckPurpose::Invitation(fragment), result } => {
            invite::signature_checked(model, &fragment, result, now)
        }
        Msg::SignatureChecked { purpose: CheckPurpose::Record(record), result } => {
            signing::record_checked(model, &record, result);
            Vec::new()
        }
        Msg::KeyStored { key, owner, then_sign, result } => {
            let kept = result.is_ok();
            let import_before = model.key.import.clone();
            let mut effects =
                signing::update(model, Msg::KeyStored { key, owner, then_sign, result }, now);
            effects.extend(hogeschool(|| trusted::key_stored(model, kept, now)));
            effects.extend(hogeschool(|| invite::key_stored(model, import_before, now)));
            effects
        }
        Msg::Downloaded { purpose, ok } => match purpose {
            DownloadPurpose::Backup | DownloadPurpose::Raw => {
                library::downloaded(model, purpose, ok)
            }
            DownloadPurpose::Record { .. } | DownloadPurpose::KeyBackup => {
                signing::downloaded(model, purpose, ok)
            }
            DownloadPurpose::CohortCsv => hogeschool(|| review::downloaded(model, ok)),
            DownloadPurpose::TrustedList => hogeschool(|| trusted::downloaded(model, ok)),
            DownloadPurpose::Decision => hogeschool(|| {
                decide::answered(model, decide::Answer::Downloaded(ok));
                Vec::new()
            }),
            DownloadPurpose::Case => hogeschool(|| frameworks::case_downloaded(model, ok)),
            DownloadPurpose::Badge => hogeschool(|| badges::downloaded(model, ok)),
            DownloadPurpose::DidJson => hogeschool(|| {
                model.badges.did_json_download_failed = !ok;
                Vec::new()
            }),
            DownloadPurpose::CohortBadges => hogeschool(|| cohort_badges::downloaded(model, ok)),
        },
        Msg::DismissLink => {
            model.link_dismissed = true;
            Vec::new()
        }
        Msg::UseBuiltIn => frameworks::use_built_in(model, now),
        Msg::BuiltInFetched { id, result } => frameworks::built_in_fetched(model, id, result, now),
        Msg::Review(msg) => {
            if matches!(msg, ReviewMsg::Verify(_)) {
                model.trusted.pending = None;
            }
            hogeschool(|| review::update(model, msg, now))
        }
        Msg::Trusted(msg) => hogeschool(|| trusted::update(model, msg, now)),
        Msg::ExportCase => hogeschool(|| frameworks::export_case(model)),
        // Opening a link's invitation is the form's; making one is the docent's, on the
        // hogeschool's page.
        Msg::Invite(
            msg @ (InviteMsg::Started { .. } | InviteMsg::Open(_) | InviteMsg::DismissNotice),
        ) => invite::update(model, msg, now),
        Msg::Invite(msg) => hogeschool(|| invite::update(model, msg, now)),
        Msg::FilesChosen(purpose, files) => effect::read_chosen(purpose, files),
        Msg::FileRead { purpose, name, result } => match purpose {
            FilePurpose::Backup => library::backup_read(model, result),
            FilePurpose::Key => signing::key_file_read(model, result),
            FilePurpose::Framework => frameworks::file_read(model, name, result, now),
            FilePurpose::Review(read) => {
                hogeschool(|| review::file_read(model, read, name, result))
            }
            FilePurpose::TrustedList => hogeschool(|| trusted::file_read(model, result)),
            FilePurpose::Badge => hogeschool(|| badges::file_read(model, name, result)),
            FilePurpose::BadgeDecision => hogeschool(|| badges::decision_read(model, name, result)),
            FilePurpose::DidDocument => {
                hogeschool(|| badges::did_document_read(model, name, result))
            }
        },
        // Only the cohort asks for files in batches.
        Msg::FilesRead { purpose: FilePurpose::Review(read), files } => {
            hogeschool(|| review::files_read(model, read, files))
        }
        Msg::FilesRead { .. } => Vec::new(),
    }
}

/// The hogeschool's part of `update`, which its page alone needs (`pages`): the form's page is
/// built without the `hogeschool` feature, the condition is then constant, and the compiler
/// leaves the code behind it out of the form's bundle.
fn hogeschool(update: impl FnOnce() -> Vec<Effect>) -> Vec<Effect> {
    if cfg!(feature = "hogeschool") {
        update()
    } else {
        Vec::new()
    }
}
