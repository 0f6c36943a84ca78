//! Carries out the core's effects in the browser and answers with messages.
//!
//! Storage, downloads and messages to the host page are synchronous: their answer is returned at
//! once and handled in the same dispatch. The one exception is the open assessment's save, which
//! waits until the page shows the change (`save_after_render` says why, and why nothing is lost);
//! every other effect writes it first. Reading a file and the clipboard are asynchronous and answer
//! later through `dispatch`.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use yew::platform::spawn_local;
use yew::Callback;

use super::{
    clipboard, clock, download, ed25519, embed, files, folder, keystore, library,
    save_after_render, share, storage,
};
use crate::core::app::badges::ISSUER_KEY;
use crate::core::app::decide::DECISION_KEY;
use crate::core::app::{update, BadgesMsg, DecideMsg, Effect, Model, Msg, StorageFailed};
use crate::core::crypto::signing_key::SigningKey;
use crate::core::framework::link_frameworks::LINK_FRAMEWORKS_KEY;
use crate::core::library::saved::SavedEntry;

/// Where the runner sends what comes back.
#[derive(Clone)]
pub struct Runner {
    /// Answers that arrive later (files, clipboard).
    pub dispatch: Callback<Msg>,
}

/// Milliseconds between the downloads of a series.
const DOWNLOAD_PAUSE_MS: i32 = 300;

/// The key the language preference is kept under.
pub const LANG_KEY: &str = "leeruitkomsten:lang";

impl Runner {
    /// Carries out `effect`; returns the answer where there is one to handle now.
    pub fn run(&self, effect: Effect) -> Option<Msg> {
        match effect {
            Effect::Save(entry) => {
                save_after_render::save(entry, &self.dispatch.reform(Msg::Saved)).map(Msg::Saved)
            }
            Effect::SetOpen(id) => {
                let failed = library::set_open(&id).is_err();
                if failed {
                    save_after_render::failed_elsewhere();
                }
                failed.then_some(Msg::Saved(Err(StorageFailed)))
            }
            Effect::ReopenWithFramework(address) => {
                super::pages::reopen_with_framework(&address);
                None
            }
            Effect::Write { entries, purpose } => {
                let failed = write_all(&entries);
                Some(Msg::Written { purpose, failed })
            }
            Effect::Remove(id) => {
                let result = library::remove(&id).map_err(|_| StorageFailed);
                Some(Msg::Removed { id, result })
            }
            Effect::List => Some(Msg::Listed(library::list().map_err(|_| StorageFailed))),
            Effect::StoreKey { key, owner, then_sign, over_unreadable } => {
                let result =
                    keystore::add(&owner, &key, over_unreadable).map_err(|_| StorageFailed);
                Some(Msg::KeyStored { key: Box::new(key), owner, then_sign, result })
            }
            Effect::RemoveKey(did) => {
                let result = keystore::remove(&did).map_err(|_| StorageFailed);
                Some(Msg::KeyRemoved { did, result })
            }
            Effect::StoreTrusted(text) => {
                let result = super::trusted_store::save(&text);
                Some(Msg::Trusted(crate::core::app::TrustedMsg::Stored(result)))
            }
            Effect::StoreLinkFrameworks(text) => {
                let _ = storage::write(LINK_FRAMEWORKS_KEY, &text);
                None
            }
            Effect::StoreLang(lang) => {
                super::startup::keep_lang(lang);
                None
            }
            Effect::Download { name, mime, text, purpose } => {
                let ok = download::text_file(&name, mime, &text).is_ok();
                Some(Msg::Downloaded { purpose, ok })
            }
            Effect::DownloadBackup { open, links, purpose } => {
                let listed = library::list().unwrap_or_default();
                let ok = library::download_backup(&listed, open.as_ref(), &links).is_ok();
                Some(Msg::Downloaded { purpose, ok })
            }
            Effect::PostRecord(record) => {
                embed::post_record(&record);
                None
            }
            Effect::Embed(origin) => {
                embed::start(Some(&origin));
                None
            }
            Effect::Copy(text) => {
                self.later(async move { Msg::Copied(clipboard::copy(&text).await) });
                None
            }
            Effect::Share { name, text } => {
                self.later(async move { Msg::Shared(share::share_file(&name, &text).await) });
                None
            }
            Effect::StoreSentInvitations(text) => {
                let result = super::invitation::store_sent(&text).map_err(|_| StorageFailed);
                Some(Msg::Invite(crate::core::app::InviteMsg::Stored(result)))
            }
            Effect::KeepDecision(text) => {
                let kept = match text {
                    Some(text) => storage::write(DECISION_KEY, &text),
                    None => storage::remove(DECISION_KEY),
                };
                Some(Msg::Decide(DecideMsg::Kept(kept.is_ok())))
            }
            // The hogeschool's effects: never asked on the form's page, whose build leaves their
            // browser glue out this way.
            Effect::StoreIssuer(_)
            | Effect::PickFolder
            | Effect::WriteFolder { .. }
            | Effect::DownloadSeries { .. }
                if !cfg!(feature = "hogeschool") =>
            {
                None
            }
            Effect::DownloadSeries { files, purpose } => {
                let dispatch = self.dispatch.clone();
                spawn_local(async move {
                    for file in files.iter() {
                        let mime = crate::core::app::cohort_badges::mime(&file.name);
                        let ok = download::text_file(&file.name, mime, &file.text).is_ok();
                        dispatch.emit(Msg::Downloaded { purpose: purpose.clone(), ok });
                        // Chromium drops downloads that start in one burst; a pause between
                        // them lets every file through.
                        folder::pause(DOWNLOAD_PAUSE_MS).await;
                    }
                });
                None
            }
            Effect::StoreIssuer(text) => {
                let kept = storage::write(ISSUER_KEY, &text).is_ok();
                Some(Msg::Badges(BadgesMsg::IssuerStored(kept)))
            }
            Effect::PickFolder => {
                // Opened now, inside the click: the browser refuses a picker opened later.
                let started = folder::pick();
                self.later(async move {
                    Msg::Badges(BadgesMsg::FolderPicked(folder::picked(started).await))
                });
                None
            }
            Effect::WriteFolder { folder: chosen, files } => {
                self.later(async move {
                    Msg::Badges(BadgesMsg::FolderWritten(folder::write(chosen, files).await))
                });
                None
            }
            Effect::DeriveKey { .. }
            | Effect::SignMessage { .. }
            | Effect::CheckSignature { .. }
                if cfg!(feature = "hogeschool") =>
            {
                // The hogeschool's page carries the Rust Ed25519 for its verifier anyway.
                crate::core::app::ed25519::answer(&effect)
            }
            Effect::DeriveKey { seed, created, purpose } => {
                self.later(async move {
                    let result = ed25519::public_key(&seed)
                        .await
                        .map(|public_key| Box::new(SigningKey::new(seed, public_key, &created)));
                    Msg::KeyDerived { purpose, result }
                });
                None
            }
            Effect::SignMessage { key, message } => {
                self.later(async move {
                    Msg::Signed { message, result: ed25519::sign(key.seed(), &message).await }
                });
                None
            }
            Effect::CheckSignature { check, purpose } => {
                self.later(async move {
                    Msg::SignatureChecked { purpose, result: ed25519::verify(&check).await }
                });
                None
            }
            // The hogeschool's page has every built-in framework compiled in and never asks.
            Effect::FetchBuiltIn(_) if cfg!(feature = "hogeschool") => None,
            Effect::FetchBuiltIn(built_in) => {
                self.later(async move {
                    let result = super::built_in::bytes(built_in).await;
                    Msg::BuiltInFetched { id: built_in.id, result }
                });
                None
            }
            Effect::Workers(effect) => {
                self.workers(effect);
                None
            }
            Effect::ReadFile { file, max_bytes, purpose } => {
                let name = file.name.clone();
                let chosen = files::take(&file);
                self.later(async move {
                    let result = match chosen {
                        Some(file) => files::read_bytes(&file, max_bytes).await.map_err(Into::into),
                        None => Err(files::ReadError::Unreadable.into()),
                    };
                    Msg::FileRead { purpose, name, result }
                });
                None
            }
            effect @ (Effect::ReadFiles { .. }
            | Effect::KeepCohortFiles(_)
            | Effect::ListKeptCohort
            | Effect::ReadKeptCohortFile { .. }
            | Effect::ReadKeptCohortFiles { .. }
            | Effect::ClearKeptCohort) => {
                self.cohort(effect);
                None
            }
        }
    }

    /// The cohort's reading and keeping, which only the hogeschool's page has; every answer comes
    /// later.
    #[cfg(feature = "hogeschool")]
    fn cohort(&self, effect: Effect) {
        use super::cohort_store;
        use crate::core::app::{FileReadError, ReviewMsg, StorageFailed};
        // A kept file as a chosen file's read answers it.
        fn as_read(
            kept: Result<(String, Vec<u8>), StorageFailed>,
        ) -> (String, Result<Vec<u8>, FileReadError>) {
            match kept {
                Ok((name, bytes)) => (name, Ok(bytes)),
                Err(StorageFailed) => (String::new(), Err(FileReadError::Unreadable)),
            }
        }
        match effect {
            Effect::ReadFiles { files, max_bytes, purpose } => {
                let names: Vec<String> = files.iter().map(|f| f.name.clone()).collect();
                let chosen: Vec<_> = files.iter().map(super::files::take).collect();
                self.later(async move {
                    let reading = super::files::Reading::start(chosen, max_bytes);
                    let results = reading.finish(|read| read.map_err(Into::into)).await;
                    Msg::FilesRead { purpose, files: names.into_iter().zip(results).collect() }
                });
            }
            Effect::KeepCohortFiles(files) => self.later(async move {
                let result = cohort_store::keep(&files).await;
                let keys = files.iter().map(|f| f.key).collect();
                Msg::Review(ReviewMsg::CohortFilesKept { keys, result })
            }),
            Effect::ListKeptCohort => {
                self.later(
                    async move { Msg::Review(ReviewMsg::KeptCohort(cohort_store::keys().await)) },
                )
            }
            Effect::ReadKeptCohortFile { key, purpose } => self.later(async move {
                let (name, result) = as_read(cohort_store::read(key).await);
                Msg::FileRead { purpose, name, result }
            }),
            Effect::ReadKeptCohortFiles { keys, purpose } => self.later(async move {
                let kept = cohort_store::read_all(&keys).await;
                Msg::FilesRead { purpose, files: kept.into_iter().map(as_read).collect() }
            }),
            Effect::ClearKeptCohort => self.later(async move {
                Msg::Review(ReviewMsg::CohortCleared(cohort_store::clear().await))
            }),
            _ => {}
        }
    }

    #[cfg(not(feature = "hogeschool"))]
    fn cohort(&self, _: Effect) {}

    #[cfg(feature = "hogeschool")]
    fn workers(&self, effect: crate::core::app::WorkerEffect) {
        use crate::core::app::WorkerEffect;
        match effect {
            WorkerEffect::Start { run, files } => {
                super::workers::start(run, &files, &self.dispatch)
            }
            WorkerEffect::Warm => super::workers::warm(&self.dispatch),
            WorkerEffect::Stop => super::workers::stop(),
            WorkerEffect::Forget(chosen) => files::forget(&chosen),
        }
    }

    /// The form's page has no verify view, so nothing asks it for workers.
    #[cfg(not(feature = "hogeschool"))]
    fn workers(&self, _effect: crate::core::app::WorkerEffect) {}

    fn later(&self, answer: impl std::future::Future<Output = Msg> + 'static) {
        let dispatch = self.dispatch.clone();
        spawn_local(async move { dispatch.emit(answer.await) });
    }
}

/// Writes each entry; returns the ids that could not be written.
fn write_all(entries: &[SavedEntry]) -> Vec<String> {
    entries.iter().filter(|e| library::write(e).is_err()).map(|e| e.id.clone()).collect()
}

/// The app's one way to send a message: `core::app::update` handles it, the runner carries out
/// its effects and feeds their answers back, all before this returns; then `redraw` renders.
/// The answers handled now belong to the same moment as the message, so they share its time;
/// each message still gets random bytes of its own (ids and keys come from them).
pub fn dispatcher(model: Rc<RefCell<Model>>, redraw: Callback<()>) -> Callback<Msg> {
    Callback::from(move |msg: Msg| {
        let runner = Runner { dispatch: dispatcher(model.clone(), redraw.clone()) };
        let mut now = clock::now();
        let mut first = true;
        let mut queue = VecDeque::from([msg]);
        while let Some(msg) = queue.pop_front() {
            if !std::mem::take(&mut first) {
                now.entropy = clock::entropy();
            }
            let effects = update(&mut model.borrow_mut(), msg, &now);
            for effect in effects {
                if !matches!(effect, Effect::Save(_)) {
                    queue.extend(save_after_render::flush().map(Msg::Saved));
                }
                queue.extend(runner.run(effect));
            }
        }
        super::history::follow(model.borrow().view);
        redraw.emit(());
    })
}
