//! What a change asks the browser to do. `web::runner` carries each out and answers with a
//! [`super::Msg`] where the outcome matters.

use std::rc::Rc;

use crate::core::crypto::data_integrity::{SignatureCheck, SIGNATURE_LENGTH};
use crate::core::crypto::did_key::KEY_LENGTH;
use crate::core::crypto::signing_key::{SigningKey, MAX_KEY_FILE_BYTES};
use crate::core::framework::catalogue::BuiltIn;
use crate::core::framework::link_frameworks::LinkFrameworks;
use crate::core::framework::MAX_FRAMEWORK_BYTES;
use crate::core::library::saved::SavedEntry;
use crate::core::library::MAX_BACKUP_BYTES;
use crate::i18n::Lang;

#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// Write the open assessment and remember it as open; answered with `Msg::Saved`.
    Save(SavedEntry),
    /// Remember this id as the open assessment; a failure is answered with `Msg::Saved`.
    SetOpen(String),
    /// Load the form's page again, its link (with every other setting it has) naming this
    /// framework address: the open assessment, of that framework, opens in it.
    ReopenWithFramework(String),
    /// Write assessments without opening them; answered with `Msg::Written`, which names
    /// the ids that could not be written.
    Write { entries: Vec<SavedEntry>, purpose: WritePurpose },
    /// Remove a stored assessment; answered with `Msg::Removed`.
    Remove(String),
    /// Read every stored assessment; answered with `Msg::Listed`.
    List,
    /// Add a signing key to the keys on this device as `owner`'s (a key already there is not
    /// added twice), read back to be sure; answered with `Msg::KeyStored`. `over_unreadable`:
    /// stored keys that cannot be read are replaced (the user said yes).
    StoreKey { key: SigningKey, owner: String, then_sign: bool, over_unreadable: bool },
    /// Take the key with this did off this device; answered with `Msg::KeyRemoved`.
    RemoveKey(String),
    /// Keep the language preference (not worth a warning when it cannot be kept).
    StoreLang(Lang),
    /// Offer a text as a file; answered with `Msg::Downloaded`.
    Download { name: String, mime: &'static str, text: Rc<str>, purpose: DownloadPurpose },
    /// Download a backup of every stored assessment, with `open` in place of its stored copy and
    /// the addresses `links` holds for their frameworks.
    DownloadBackup { open: Option<SavedEntry>, links: Rc<LinkFrameworks>, purpose: DownloadPurpose },
    /// Keep the frameworks links named (`LinkFrameworks::to_text`); not worth a warning when it
    /// cannot be kept: an assessment in one still opens through its link.
    StoreLinkFrameworks(Rc<str>),
    /// Send the signed record to the page that embeds the app.
    PostRecord(Rc<str>),
    /// Talk to the page around the app at this origin as to one a link's `parentOrigin` names:
    /// an opened invitation's `hostOrigin`. Nothing where the app is not in a frame, or already
    /// talks to its host.
    Embed(String),
    /// Answered with `Msg::Copied`.
    Copy(Rc<str>),
    /// Offer the signed record as the file `name` to the device's share sheet (Web Share);
    /// answered with `Msg::Shared`.
    Share { name: String, text: Rc<str> },
    /// Keep the docent's list of sent invitations (JSON text, `invite::SENT_KEY`); answered
    /// with `Msg::Invite(InviteMsg::Stored)`.
    StoreSentInvitations(Rc<str>),
    /// Keep the docent's trusted assessors (`trusted::kept_json`); answered with
    /// `Msg::Trusted(TrustedMsg::Stored)`.
    StoreTrusted(Rc<str>),
    /// Keep the examinator's decision in progress (`None`: none is left to keep); answered with
    /// `Msg::Decide(DecideMsg::Kept)`.
    KeepDecision(Option<Rc<str>>),
    /// Read a file the user chose, refusing one over `max_bytes`; answered with `Msg::FileRead`.
    ReadFile { file: FileRef, max_bytes: usize, purpose: FilePurpose },
    /// Read several files the user chose, refusing each one over `max_bytes`; answered with one
    /// `Msg::FilesRead`, a result for each file in the order asked.
    ReadFiles { files: Vec<FileRef>, max_bytes: usize, purpose: FilePurpose },
    /// Keep files taken into the cohort, each its name and bytes as read under its key, apart
    /// from the assessments (IndexedDB), in one write; answered with
    /// `Msg::Review(ReviewMsg::CohortFilesKept { keys, result })`.
    KeepCohortFiles(Vec<CohortFile>),
    /// List the keys of the kept cohort files, in order; answered with
    /// `Msg::Review(ReviewMsg::KeptCohort)`.
    ListKeptCohort,
    /// Read a kept cohort file; answered with `Msg::FileRead`, as a chosen file is.
    ReadKeptCohortFile { key: u32, purpose: FilePurpose },
    /// Read several kept cohort files; answered with one `Msg::FilesRead`, as chosen files are.
    ReadKeptCohortFiles { keys: Vec<u32>, purpose: FilePurpose },
    /// Remove every kept cohort file; answered with `Msg::Review(ReviewMsg::CohortCleared)`.
    ClearKeptCohort,
    /// Keep the hogeschool's name and did:web for badges (`badges::ISSUER_KEY`); answered with
    /// `Msg::Badges(BadgesMsg::IssuerStored)`.
    StoreIssuer(Rc<str>),
    /// Fetch the file of a built-in framework that this build leaves out (the 2010 profile on
    /// the form's page); answered with `Msg::BuiltInFetched`.
    FetchBuiltIn(&'static BuiltIn),
    /// Ask the user for a folder to write files into (`showDirectoryPicker`), while the click
    /// that asks still counts as the user's; answered with `BadgesMsg::FolderPicked`.
    PickFolder,
    /// Write each file into the folder picked, one after another; answered with
    /// `BadgesMsg::FolderWritten`.
    WriteFolder { folder: FolderRef, files: Rc<[FolderFile]> },
    /// Offer each file as a download of its own, a moment apart (a browser drops downloads
    /// started all at once); each answered with `Msg::Downloaded`.
    DownloadSeries { files: Rc<[FolderFile]>, purpose: DownloadPurpose },
    /// The verify workers of the hogeschool's page (`core::review::bulk`).
    Workers(WorkerEffect),
    /// Derive the Ed25519 public key of `seed` and make the key; answered with
    /// `Msg::KeyDerived`. Ed25519 is the browser's own on the form's page (WebCrypto, which
    /// answers later), the Rust implementation on the hogeschool's page and in native builds.
    DeriveKey { seed: [u8; KEY_LENGTH], created: String, purpose: KeyPurpose },
    /// Sign `message` (a record's eddsa-jcs-2022 hashData) with `key`; answered with
    /// `Msg::Signed`, which carries the message back and the public key that signed.
    SignMessage { key: SigningKey, message: [u8; 64] },
    /// Check an Ed25519 signature; answered with `Msg::SignatureChecked`.
    CheckSignature { check: SignatureCheck, purpose: CheckPurpose },
}

/// What the verify workers are asked to do.
#[derive(Clone, Debug, PartialEq)]
pub enum WorkerEffect {
    /// Check these files, dealt round as many workers as the device has cores
    /// (`core::review::bulk::deal`); answered with `ReviewMsg::WorkerResults`, or
    /// `ReviewMsg::WorkersFailed(run)` when the workers cannot do it. The files stay chosen: the
    /// page may still read one.
    Start { run: u32, files: Vec<FileRef> },
    /// Start the workers, if they are not running, so that they are ready when files are
    /// chosen: the verify view is open. Answered with nothing.
    Warm,
    /// Stop at once, dropping what the workers still had to do.
    Stop,
    /// Let go of chosen files the page will not read.
    Forget(Vec<FileRef>),
}

/// A folder the user picked, as the browser glue keeps it (like [`FileRef`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FolderRef(pub u32);

/// One file to write into a folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FolderFile {
    pub name: String,
    pub text: Rc<str>,
}

/// Why no folder, or not every file, was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FolderError {
    /// The user closed the picker without choosing.
    Cancelled,
    /// The browser or the user refused to let the page write there.
    Refused,
    /// Writing failed (disk full, the folder removed meanwhile, …).
    Failed,
}

/// What writing a folder came to: the files written, in order, and the first that failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FolderOutcome {
    pub written: Vec<String>,
    pub failed: Option<(String, FolderError)>,
}

/// Why a key is derived.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeyPurpose {
    /// A new key from fresh random bytes, to be kept and then sign the open assessment.
    New,
    /// A key file's secret, whose public key must be the file's did:key.
    Import { did: String },
}

/// Why a signature is checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CheckPurpose {
    /// The invitation of a link (the fragment), checked before it opens.
    Invitation(Rc<str>),
    /// The open assessment's signed record, for the printed report.
    Record(Rc<str>),
}

/// A signature made with the browser's Ed25519, and the public key that made it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ed25519Signature {
    pub public_key: [u8; KEY_LENGTH],
    pub signature: [u8; SIGNATURE_LENGTH],
}

/// The browser has no Ed25519 in WebCrypto (Chromium before 137, Firefox before 129, Safari
/// before 17), or it failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NoEd25519;

/// Why assessments are written without being opened.
#[derive(Clone, Debug, PartialEq)]
pub enum WritePurpose {
    Duplicate,
    /// Undoing a delete.
    Restore,
    /// A backup import, with what its plan came to and the newer copy of the open assessment
    /// it brings, if any.
    Import {
        counts: crate::core::library::ImportCounts,
        open: Option<Box<SavedEntry>>,
    },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DownloadPurpose {
    /// The signed record made at this time.
    Record {
        created: String,
    },
    Backup,
    /// The raw text of an unreadable stored entry.
    Raw,
    KeyBackup,
    CohortCsv,
    /// The signed list of trusted assessors, or the unreadable kept one.
    TrustedList,
    /// The examinator's signed decision.
    Decision,
    /// The framework in use as a CASE package.
    Case,
    /// A deelcertificaat, as JSON or baked SVG.
    Badge,
    /// The did.json to publish under the hogeschool's did:web.
    DidJson,
    /// A cohort's deelcertificaten, one download per file where no folder can be written.
    CohortBadges,
}

/// What a chosen file is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FilePurpose {
    Backup,
    Key,
    Framework,
    /// A record for the verify, compare or cohort view.
    Review(super::ReviewRead),
    /// A signed list of trusted assessors to import.
    TrustedList,
    /// A deelcertificaat (`.json` or baked `.svg`) to verify.
    Badge,
    /// A signed decision to issue deelcertificaten from.
    BadgeDecision,
    /// A `did.json` to check a did:web badge against.
    DidDocument,
}

/// A file taken into the cohort, to be kept under its key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CohortFile {
    pub key: u32,
    pub name: String,
    pub bytes: Rc<[u8]>,
}

/// A file the user chose, as the browser glue registered it: the core never holds the file
/// itself, only this handle to ask for its bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileRef {
    pub handle: u32,
    pub name: String,
    /// Its size in bytes, as the browser gave it when it was chosen.
    pub size: u64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileReadError {
    TooLarge { bytes: u64 },
    Unreadable,
}

/// One file is read for a backup or a key; the first is taken where several were chosen.
pub(super) fn read_chosen(purpose: FilePurpose, files: Vec<FileRef>) -> Vec<Effect> {
    let max_bytes = match purpose {
        FilePurpose::Backup => MAX_BACKUP_BYTES,
        FilePurpose::Key => MAX_KEY_FILE_BYTES,
        FilePurpose::Framework => MAX_FRAMEWORK_BYTES,
        FilePurpose::Review(_) => crate::core::record::MAX_RECORD_BYTES,
        FilePurpose::TrustedList => crate::core::credentials::trusted::MAX_TRUSTED_LIST_BYTES,
        FilePurpose::Badge => crate::core::credentials::baking::SVG_LIMIT,
        FilePurpose::BadgeDecision => crate::core::record::MAX_RECORD_BYTES,
        FilePurpose::DidDocument => super::badges::MAX_DID_DOCUMENT_BYTES,
    };
    files.into_iter().take(1).map(|file| Effect::ReadFile { file, max_bytes, purpose }).collect()
}
