//! Which framework the form scores against: the built-in one, another built-in one that an
//! assessment belongs to, or one from a file; and what opens when it changes.

use std::rc::Rc;

use super::form;
use super::{DownloadPurpose, Effect, FileReadError, Model, Now, View};
use crate::core::framework::case;
use crate::core::framework::catalogue::{self, BuiltIn};
use crate::core::framework::hashed::HashedFramework;
use crate::core::framework::source::{framework_from_bytes, FrameworkSource, LoadFailure};
use crate::core::library::saved::SavedEntry;

/// Back to the framework the app opens with.
pub(super) fn use_built_in(model: &mut Model, now: &Now) -> Vec<Effect> {
    match catalogue::BUILT_IN.first().map(BuiltIn::load) {
        Some(Ok(hashed)) => {
            switch(model, hashed, FrameworkSource::BuiltIn);
            reopen(model, now)
        }
        _ => Vec::new(),
    }
}

/// A framework file was read: checked like any other, it replaces the one in use.
pub(super) fn file_read(
    model: &mut Model,
    name: String,
    read: Result<Vec<u8>, FileReadError>,
    now: &Now,
) -> Vec<Effect> {
    let loaded = match read {
        Ok(bytes) => framework_from_bytes(&bytes),
        Err(FileReadError::TooLarge { .. }) => Err(LoadFailure::TooLarge),
        Err(FileReadError::Unreadable) => Err(LoadFailure::Unreadable),
    };
    match loaded {
        Ok(hashed) => {
            switch(model, hashed, FrameworkSource::File(name));
            reopen(model, now)
        }
        Err(failure) => {
            model.framework_failure = Some(Rc::new(failure));
            Vec::new()
        }
    }
}

/// The framework in use as a CASE package, named by its id: the hogeschool publishes it to other
/// systems, and the app loads such a file again as a framework.
pub(super) fn export_case(model: &mut Model) -> Vec<Effect> {
    model.case_download_failed = false;
    let framework = model.framework.framework();
    vec![Effect::Download {
        name: format!("{}-case.json", framework.id),
        mime: "application/json",
        text: case::export_json(framework).into(),
        purpose: DownloadPurpose::Case,
    }]
}

pub(super) fn case_downloaded(model: &mut Model, ok: bool) -> Vec<Effect> {
    model.case_download_failed = !ok;
    Vec::new()
}

/// Opens `entry` in the built-in framework it was made in.
pub(super) fn open_in_own(model: &mut Model, entry: SavedEntry) -> Vec<Effect> {
    let Some(Ok(hashed)) = entry.assessment.built_in_framework().map(BuiltIn::load) else {
        return Vec::new();
    };
    switch(model, hashed, FrameworkSource::BuiltIn);
    model.view = View::Assess;
    form::open(model, entry, false)
}

/// Starts a new assessment in the built-in framework of this id.
pub(super) fn new_in(model: &mut Model, id: &str, now: &Now) -> Vec<Effect> {
    let Some(Ok(hashed)) = catalogue::built_in(id).map(BuiltIn::load) else { return Vec::new() };
    switch(model, hashed, FrameworkSource::BuiltIn);
    model.view = View::Assess;
    let previous = &model.open.assessment.metadata;
    let entry = form::fresh_entry_after(&model.framework, &model.presets, now, previous);
    form::open(model, entry, true)
}

/// Uses the built-in framework an invitation names.
pub(super) fn use_framework(model: &mut Model, hashed: HashedFramework) {
    switch(model, hashed, FrameworkSource::BuiltIn);
}

fn switch(model: &mut Model, hashed: HashedFramework, source: FrameworkSource) {
    model.library.new_in = hashed.framework().id.clone();
    model.framework = Rc::new(hashed);
    model.source = source;
    model.framework_failure = None;
}

/// After a switch: a new assessment in the new framework, stored with its first change; the
/// start screen where there are assessments of it to choose from.
fn reopen(model: &mut Model, now: &Now) -> Vec<Effect> {
    let has_own = model.library.entries().any(|e| form::belongs(e, &model.framework));
    model.view = if has_own { View::Library } else { View::Assess };
    let entry = form::fresh_entry(&model.framework, &model.presets, now);
    form::show_unsaved(model, entry);
    Vec::new()
}
