//! The start screen: every assessment kept on this device, opening, copying and deleting them,
//! and the backup that moves them to another device.

use std::rc::Rc;

use super::frameworks::{FetchFailure, Fetching};
use super::{form, frameworks};
use super::{
    DownloadPurpose, Effect, FileReadError, Model, Msg, Now, StorageFailed, View, WritePurpose,
};
use crate::core::framework::link_frameworks::{LinkFramework, LinkFrameworks};
use crate::core::library::saved::SavedEntry;
use crate::core::library::{
    backup_from_bytes, duplicate, plan_import, BackupError, ImportCounts, ImportDecision, Listed,
};

#[derive(Clone, Debug, PartialEq)]
pub struct LibraryState {
    /// What storage held when last read.
    pub listing: Rc<Result<Vec<Listed>, StorageFailed>>,
    /// The framework a new assessment starts in: the one in use until another is picked.
    pub new_in: String,
    /// The entry whose delete waits for the user's yes.
    pub confirming: Option<String>,
    /// The entry being removed, kept for undo once the removal succeeds.
    removing: Option<SavedEntry>,
    /// The last deleted entry, which *Ongedaan maken* puts back.
    pub deleted: Option<SavedEntry>,
    /// The id of the copy *Kopie maken* just made, which the list points out until the user
    /// goes on elsewhere: the copy looks like its original.
    pub copied: Option<String>,
    pub message: Option<LibraryMessage>,
    /// A built-in framework being fetched, and what opens once it is here.
    pub fetching: Option<Fetching>,
    /// Why the last built-in framework fetched did not open.
    pub fetch_failure: Option<FetchFailure>,
    /// Where links on this device found the frameworks that are not built in.
    pub link_frameworks: Rc<LinkFrameworks>,
}

/// The outcome the start screen reports; worded when shown, in the language then chosen.
#[derive(Clone, Debug, PartialEq)]
pub enum LibraryMessage {
    Imported(ImportCounts),
    ImportPartlyFailed(usize),
    Backup(BackupError),
    StorageUnavailable,
    DownloadFailed,
}

impl LibraryState {
    pub(super) fn new(new_in: String, listing: Result<Vec<Listed>, StorageFailed>) -> LibraryState {
        LibraryState {
            listing: Rc::new(listing),
            new_in,
            confirming: None,
            removing: None,
            deleted: None,
            copied: None,
            message: None,
            fetching: None,
            fetch_failure: None,
            link_frameworks: Rc::default(),
        }
    }

    /// The address a link here gave for `entry`'s framework, where that is not built in: an entry
    /// of another framework than the one in use opens by loading the page with it.
    pub fn link_address(&self, entry: &SavedEntry) -> Option<&str> {
        let assessment = &entry.assessment;
        (assessment.built_in_framework().is_none())
            .then(|| {
                self.link_frameworks
                    .address_of(&assessment.framework_id, &assessment.framework_version)
            })
            .flatten()
    }

    /// Whether an assessment kept here is of the framework a link named.
    pub fn uses(&self, framework: &LinkFramework) -> bool {
        self.entries().any(|e| is_of(e, framework))
    }

    /// The readable entries, newest first.
    pub fn entries(&self) -> impl Iterator<Item = &SavedEntry> {
        self.listing
            .as_ref()
            .as_ref()
            .map(|l| l.iter())
            .into_iter()
            .flatten()
            .filter_map(Listed::entry)
    }

    fn entry(&self, id: &str) -> Option<&SavedEntry> {
        self.entries().find(|e| e.id == id)
    }

    /// Stored texts that could not be read: their storage key and text.
    pub fn unreadable(&self) -> Vec<(&str, &str)> {
        match &*self.listing {
            Ok(listed) => listed
                .iter()
                .filter_map(|l| match l {
                    Listed::Unreadable { key, text, .. } => Some((key.as_str(), text.as_str())),
                    Listed::Entry(_) => None,
                })
                .collect(),
            Err(_) => Vec::new(),
        }
    }
}

pub(super) fn update(model: &mut Model, msg: Msg, now: &Now) -> Vec<Effect> {
    let library = &mut model.library;
    match msg {
        Msg::OpenEntry(id) => {
            library.copied = None;
            let Some(entry) = library.entry(&id).cloned() else { return vec![Effect::List] };
            if !form::belongs(&entry, &model.framework) {
                return frameworks::open_in_own(model, entry);
            }
            model.view = View::Assess;
            form::open(model, entry, false)
        }
        Msg::ChooseNewIn(id) => {
            library.new_in = id;
            Vec::new()
        }
        Msg::NewAssessment => {
            library.copied = None;
            if library.new_in != model.framework.framework().id {
                let id = library.new_in.clone();
                return frameworks::new_in(model, &id, now);
            }
            model.view = View::Assess;
            let previous = &model.open.assessment.metadata;
            let entry = form::fresh_entry_after(&model.framework, &model.presets, now, previous);
            form::open(model, entry, true)
        }
        Msg::Duplicate(id) => {
            let copy = match (&now.entropy, library.entry(&id)) {
                (Some(entropy), Some(entry)) => duplicate(entry, &entropy.uuid(), &now.time),
                _ => {
                    library.copied = None;
                    library.message = Some(LibraryMessage::StorageUnavailable);
                    return vec![Effect::List];
                }
            };
            library.copied = Some(copy.id.clone());
            vec![
                Effect::Write { entries: vec![copy], purpose: WritePurpose::Duplicate },
                Effect::List,
            ]
        }
        Msg::AskDelete(id) => {
            library.copied = None;
            library.confirming = Some(id);
            Vec::new()
        }
        Msg::CancelDelete => {
            library.confirming = None;
            Vec::new()
        }
        Msg::ConfirmDelete => {
            let Some(id) = library.confirming.take() else { return Vec::new() };
            // The entry is kept for undo before anything is removed.
            match library.entry(&id).cloned() {
                Some(entry) => {
                    library.removing = Some(entry);
                    vec![Effect::Remove(id), Effect::List]
                }
                None => {
                    library.message = Some(LibraryMessage::StorageUnavailable);
                    vec![Effect::List]
                }
            }
        }
        Msg::Removed { id, result: Ok(()) } => {
            library.deleted = library.removing.take().filter(|e| e.id == id);
            library.message = None;
            // The deleted assessment must not come back with the next change to the form.
            if *id == *model.open.id {
                let fresh = form::fresh_entry(&model.framework, &model.presets, now);
                return form::open(model, fresh, false);
            }
            Vec::new()
        }
        Msg::Removed { result: Err(_), .. } => {
            library.removing = None;
            library.message = Some(LibraryMessage::StorageUnavailable);
            Vec::new()
        }
        Msg::UndoDelete => match library.deleted.clone() {
            Some(entry) => {
                vec![
                    Effect::Write { entries: vec![entry], purpose: WritePurpose::Restore },
                    Effect::List,
                ]
            }
            None => Vec::new(),
        },
        Msg::Written { purpose, failed } => written(model, purpose, failed),
        Msg::DownloadBackup => {
            // The open assessment goes in as it is in memory only where it is stored at all.
            let stored = library.entry(&model.open.id).is_some();
            vec![Effect::DownloadBackup {
                open: stored.then(|| model.open.entry()),
                links: library.link_frameworks.clone(),
                purpose: DownloadPurpose::Backup,
            }]
        }
        Msg::DownloadUnreadable(n) => match library.unreadable().get(n) {
            Some((_, text)) => vec![Effect::Download {
                name: format!("leeruitkomsten-onleesbaar-{}.txt", n + 1),
                mime: "text/plain",
                text: Rc::from(*text),
                purpose: DownloadPurpose::Raw,
            }],
            None => Vec::new(),
        },
        Msg::Listed(listing) => {
            library.listing = Rc::new(listing);
            Vec::new()
        }
        _ => Vec::new(),
    }
}

fn written(model: &mut Model, purpose: WritePurpose, failed: Vec<String>) -> Vec<Effect> {
    let library = &mut model.library;
    match purpose {
        WritePurpose::Duplicate if !failed.is_empty() => {
            library.copied = None;
            library.message = Some(LibraryMessage::StorageUnavailable);
        }
        WritePurpose::Duplicate => {}
        WritePurpose::Restore if failed.is_empty() => library.deleted = None,
        WritePurpose::Restore => library.message = Some(LibraryMessage::StorageUnavailable),
        WritePurpose::Import { counts, open } => {
            library.message = Some(if failed.is_empty() {
                LibraryMessage::Imported(counts)
            } else {
                LibraryMessage::ImportPartlyFailed(failed.len())
            });
            // An import brought a newer copy of the open assessment: show it, in this view.
            if let Some(entry) = open.filter(|e| !failed.contains(&e.id)) {
                return form::open(model, *entry, false);
            }
        }
    }
    Vec::new()
}

pub(super) fn downloaded(model: &mut Model, purpose: DownloadPurpose, ok: bool) -> Vec<Effect> {
    if purpose == DownloadPurpose::Backup && !ok {
        model.library.message = Some(LibraryMessage::DownloadFailed);
    }
    Vec::new()
}

/// A backup file was read: add what is new and replace a copy only with a newer one.
pub(super) fn backup_read(model: &mut Model, read: Result<Vec<u8>, FileReadError>) -> Vec<Effect> {
    let library = &mut model.library;
    let incoming = match read {
        Ok(bytes) => backup_from_bytes(&bytes),
        Err(FileReadError::TooLarge { bytes }) => {
            Err(BackupError::TooLarge { bytes: usize::try_from(bytes).unwrap_or(usize::MAX) })
        }
        Err(FileReadError::Unreadable) => Err(BackupError::NotJson),
    };
    let backup = match incoming {
        Ok(backup) => backup,
        Err(error) => {
            library.message = Some(LibraryMessage::Backup(error));
            return Vec::new();
        }
    };
    let mut effects = Vec::new();
    let incoming = backup.entries;
    let local: Vec<SavedEntry> = library.entries().cloned().collect();
    // What the import brings counts as kept here: its frameworks' addresses stay.
    let in_use = |f: &LinkFramework| local.iter().chain(&incoming).any(|e| is_of(e, f));
    let links = library.link_frameworks.with_brought(&backup.link_frameworks).trimmed(in_use);
    if links != *library.link_frameworks {
        effects.push(Effect::StoreLinkFrameworks(links.to_text().into()));
        library.link_frameworks = Rc::new(links);
    }
    let plan = plan_import(&local, &incoming);
    let counts = ImportCounts::of(&plan);
    let entries: Vec<SavedEntry> = incoming
        .into_iter()
        .zip(&plan)
        .filter(|(_, decision)| matches!(decision, ImportDecision::Add | ImportDecision::Replace))
        .map(|(entry, _)| entry)
        .collect();
    let open = entries.iter().find(|e| *e.id == *model.open.id).cloned().map(Box::new);
    effects.extend([
        Effect::Write { entries, purpose: WritePurpose::Import { counts, open } },
        Effect::List,
    ]);
    effects
}

fn is_of(entry: &SavedEntry, framework: &LinkFramework) -> bool {
    let assessment = &entry.assessment;
    assessment.framework_id == framework.id && assessment.framework_version == framework.version
}
