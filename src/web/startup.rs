//! What the browser holds when the app starts, read once before the first render, and the
//! framework switch the page around the form carries out.

use super::library::{self, Migration};
use super::link::Link;
use super::{clock, keystore, storage};
use crate::core::app::{fresh_entry, Startup, StorageFailed, Switch};
use crate::core::framework::catalogue;
use crate::core::framework::hashed::HashedFramework;
use crate::core::library::saved;
use crate::i18n::Lang;

use super::runner::LANG_KEY;

/// The kept language, else the link's (where storage is off, the link's was not kept).
pub fn saved_lang(link: &Link) -> Lang {
    storage::read(LANG_KEY)
        .ok()
        .flatten()
        .and_then(|code| Lang::from_code(&code))
        .or_else(|| link.config.lang.and_then(Lang::from_code))
        .unwrap_or_default()
}

/// The link's language becomes the kept preference, so that a switch in the page later sticks as
/// it does without a link.
pub fn keep_link_lang(link: &Link) {
    if let Some(lang) = link.config.lang.and_then(Lang::from_code) {
        let _ = storage::write(LANG_KEY, lang.code());
    }
}

/// Moves version 1's single assessment over first, then reads every stored assessment, the open
/// one's id and the key.
pub fn read(link: &Link) -> Startup {
    let now = clock::now();
    let id = crate::core::app::new_id(&now);
    let migration = library::migrate_v1(&id, &now.time);
    Startup {
        lang: saved_lang(link),
        listing: library::list().map_err(|_| StorageFailed),
        open_id: library::open_id(),
        migration_failed: matches!(migration, Migration::Failed(_)),
        key: keystore::load(),
        presets: link.config.presets(),
    }
}

/// The framework the app opens with when nothing says otherwise.
pub fn is_default(built_in: &catalogue::BuiltIn) -> bool {
    catalogue::BUILT_IN.first().is_some_and(|d| d.id == built_in.id)
}

/// The built-in framework of the assessment that was open, when that is not the default one.
pub fn open_built_in() -> Option<HashedFramework> {
    let text = library::raw(&library::open_id()?).ok()??;
    let entry = saved::from_json(&text).ok()?;
    let built_in = entry.assessment.built_in_framework()?;
    if is_default(built_in) {
        None
    } else {
        built_in.load().ok()
    }
}

/// Stores what the new form must open (the chosen entry, or a new one) and returns its framework.
/// Where storage fails the new form says so, and opens a fresh assessment.
pub fn prepare_switch(switch: &Switch, link: &Link) -> Option<HashedFramework> {
    let built_in = match switch {
        Switch::Open(entry) => entry.assessment.built_in_framework(),
        Switch::New(framework_id) => catalogue::built_in(framework_id),
    }?;
    let hashed = built_in.load().ok()?;
    let _ = match switch {
        Switch::Open(entry) => library::set_open(&entry.id),
        Switch::New(_) => {
            library::save(&fresh_entry(&hashed, &link.config.presets(), &clock::now()))
        }
    };
    Some(hashed)
}

/// Puts back what the crash journal holds newer than `localStorage`; the form opens after this,
/// since opening first would let the next change overwrite what the journal kept.
pub async fn recover_journal() {
    library::recover(super::journal::open_and_read().await);
}

/// Changes other tabs make to the stored assessments, as messages; they stop when the returned
/// listener is dropped.
pub fn listen(
    dispatch: yew::Callback<crate::core::app::Msg>,
) -> Option<gloo::events::EventListener> {
    library::on_change(dispatch)
}
