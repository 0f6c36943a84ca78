//! The open assessment: editing it, opening another, and what storage and other tabs say of it.
//!
//! Every change is saved at once: the save is an effect of the same message, which the runner
//! carries out before the event that sent it has finished, so a crash right after a click loses
//! nothing.

use std::rc::Rc;

use super::{DownloadPurpose, Effect, Model, Msg, Now, OpenAssessment, StorageNotice, View};
use crate::core::assessment::aggregate::summarize;
use crate::core::assessment::{Action, Assessment, Metadata, MetadataField};
use crate::core::framework::hashed::HashedFramework;
use crate::core::library::saved::{self, SavedEntry};

pub(super) fn update(model: &mut Model, msg: Msg, now: &Now) -> Vec<Effect> {
    match msg {
        Msg::Edit(action) => edit(model, action, now),
        Msg::SetLang(lang) => {
            model.lang = lang;
            vec![Effect::StoreLang(lang)]
        }
        Msg::Show(view) => {
            model.view = view;
            model.library.copied = None;
            if view == View::Library {
                vec![Effect::List]
            } else {
                Vec::new()
            }
        }
        Msg::DismissError => {
            model.error = None;
            Vec::new()
        }
        Msg::DismissStorage => {
            model.storage = None;
            Vec::new()
        }
        Msg::DownloadEverything => vec![Effect::DownloadBackup {
            open: Some(model.open.entry()),
            links: model.library.link_frameworks.clone(),
            purpose: DownloadPurpose::Backup,
        }],
        Msg::Saved(Err(_)) => {
            model.storage = Some(StorageNotice::Unavailable);
            Vec::new()
        }
        Msg::Saved(Ok(())) => {
            if model.storage == Some(StorageNotice::Unavailable) {
                model.storage = None;
            }
            Vec::new()
        }
        Msg::Folding(folding) => {
            let (open, framework) = (&model.open.assessment, model.framework.framework());
            model.folded.follow(framework, folding, || open.first_unscored(framework));
            Vec::new()
        }
        Msg::ChangedElsewhere(entry) => {
            if *entry.id == *model.open.id && entry.assessment != model.open.assessment {
                show(model, entry);
                model.storage = Some(StorageNotice::ChangedElsewhere);
            }
            refresh_library(model)
        }
        Msg::RemovedElsewhere(id) => {
            if *id == *model.open.id {
                model.storage = Some(StorageNotice::RemovedElsewhere);
            }
            refresh_library(model)
        }
        _ => Vec::new(),
    }
}

fn edit(model: &mut Model, action: Action, now: &Now) -> Vec<Effect> {
    let framework = model.framework.framework().clone();
    match model.open.assessment.apply(&framework, action) {
        Ok(()) => {
            model.error = None;
            model.open.updated = now.time.clone();
            let summary = summarize(&framework, &model.open.assessment);
            // Keeping the old Rc when nothing changed lets the summary skip a render.
            if summary != *model.open.summary {
                model.open.summary = Rc::new(summary);
            }
            super::signing::refresh_missing(model);
            vec![Effect::Save(model.open.entry())]
        }
        Err(error) => {
            model.error = Some(error);
            Vec::new()
        }
    }
}

/// The library lists what another tab changed, when it is on screen.
fn refresh_library(model: &Model) -> Vec<Effect> {
    if model.view == View::Library {
        vec![Effect::List]
    } else {
        Vec::new()
    }
}

fn show(model: &mut Model, entry: SavedEntry) {
    model.open = OpenAssessment::new(&model.framework, entry);
    model.error = None;
}

/// Opens `entry`: a new one is stored at once, a stored one is remembered as open.
pub(super) fn open(model: &mut Model, entry: SavedEntry, is_new: bool) -> Vec<Effect> {
    show(model, entry);
    model.signing = super::SigningState::default();
    if is_new {
        vec![Effect::Save(model.open.entry())]
    } else {
        vec![Effect::SetOpen(model.open.id.to_string())]
    }
}

/// Shows `entry` without storing it or naming it open: a fresh assessment that is stored with its
/// first change.
pub(super) fn show_unsaved(model: &mut Model, entry: SavedEntry) {
    show(model, entry);
    model.signing = super::SigningState::default();
}

/// Whether `entry` can be opened in the form of `framework`.
pub(super) fn belongs(entry: &SavedEntry, framework: &HashedFramework) -> bool {
    saved::check_framework(&entry.assessment, framework.framework()).is_ok()
}

/// A new, empty assessment, dated today, with what the link asks of every new one, not yet stored.
pub fn fresh_entry(framework: &HashedFramework, presets: &[Action], now: &Now) -> SavedEntry {
    fresh_entry_after(framework, presets, now, &Metadata::default())
}

/// A new assessment that follows `previous`: the assessor's details carry over
/// ([`Metadata::carried_over`]); the link's presets still have the last word.
pub fn fresh_entry_after(
    framework: &HashedFramework,
    presets: &[Action],
    now: &Now,
    previous: &Metadata,
) -> SavedEntry {
    let framework = framework.framework();
    let mut assessment = Assessment::new(framework);
    assessment.metadata = previous.carried_over();
    // The core refuses nothing about a date the browser's clock formats.
    let _ =
        assessment.apply(framework, Action::SetMetadata(MetadataField::Date, now.today.clone()));
    // A link made for one student, or for self-assessment, starts every new assessment that way;
    // an assessment that exists keeps what its user entered.
    for action in presets {
        let _ = assessment.apply(framework, action.clone());
    }
    SavedEntry { id: new_id(now), updated: now.time.clone(), assessment }
}

/// A random UUID where the browser has a crypto source, else one from the clock: unique enough
/// in one browser, and still a valid key.
pub fn new_id(now: &Now) -> String {
    match &now.entropy {
        Some(entropy) => entropy.uuid(),
        None => {
            let digits: String = now.time.chars().filter(char::is_ascii_digit).collect();
            format!("t{digits}")
        }
    }
}
