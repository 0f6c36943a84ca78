//! What the browser holds when the app starts, read once before the first render.

use std::rc::Rc;

use super::library::{self, Migration, Recovered};
use super::link::Link;
use super::{clock, keystore, storage};
use crate::core::app::{new_id, FetchFailure, Model, Msg, Startup, StorageFailed};
use crate::core::framework::catalogue;
use crate::core::framework::hashed::HashedFramework;
use crate::core::framework::link_frameworks::{LinkFrameworks, LINK_FRAMEWORKS_KEY};
use crate::core::framework::source::{framework_from_bytes, FrameworkSource, LoadFailure};
use crate::core::library::saved;
use crate::i18n::Lang;

use super::runner::LANG_KEY;

/// The kept language, else the link's (where storage is off, the link's was not kept).
pub fn saved_lang(link: &Link) -> Lang {
    kept_lang().or_else(|| link.config.lang.and_then(Lang::from_code)).unwrap_or_default()
}

/// The language the user chose last, as kept in this browser.
pub fn kept_lang() -> Option<Lang> {
    storage::read(LANG_KEY).ok().flatten().and_then(|code| Lang::from_code(&code))
}

/// Keeps `lang` as the user's choice; a preference that cannot be kept is not worth a warning.
pub fn keep_lang(lang: Lang) {
    let _ = storage::write(LANG_KEY, lang.code());
}

/// The link's language becomes the kept preference, so that a switch in the page later sticks as
/// it does without a link.
pub fn keep_link_lang(link: &Link) {
    if let Some(lang) = link.config.lang.and_then(Lang::from_code) {
        keep_lang(lang);
    }
}

/// The app as the browser left it: version 1's assessment moved over, the framework chosen (the
/// one the link names, else the one of the assessment that was open), and everything stored
/// read, so that the form does not show one framework and then another.
///
/// The crash journal is not waited for. Opening IndexedDB took tens of milliseconds of every
/// start (some 30 ms of a returning visit's, more on a first visit, which creates the database),
/// and it rarely holds anything `localStorage` lacks: only the last seconds of work before a
/// browser crashed or was killed. It is asked for here (`journal::start`; usually the page's
/// first script has asked already) and read after the first render ([`late_journal`]); what
/// this page writes meanwhile is marked (`library::journal_unread`), so that the journal's
/// newer copy of an entry changed here since comes back beside it rather than over it.
pub async fn boot(link: &Link) -> Result<Booted, LoadFailure> {
    super::marks::mark("boot");
    super::journal::start();
    library::journal_unread();
    let default = Rc::new(catalogue::DEFAULT.load()?);
    super::marks::mark("framework-parsed");
    let model = assemble(link, &default, false).await?;
    Ok(Booted { model, default })
}

/// What [`boot`] gives the page.
pub struct Booted {
    pub model: Model,
    /// The built-in framework, parsed once, for a second start.
    pub default: Rc<HashedFramework>,
}

/// Once the journal is read: where it put back what the start did not see, the app as [`boot`]
/// would make it now, from storage (`ui::app` starts the page again from it). A save waiting for
/// its timer is written first, so that it counts as written since the start; its answer, where
/// it has one and the page does not start again, is for the app to handle. The page does not
/// start again where that save failed: storage then lacks what the page shows.
pub async fn late_journal(
    link: &Link,
    default: &Rc<HashedFramework>,
) -> (Option<Model>, Option<Msg>) {
    let (recovered, answer) = journal_recovered().await;
    if recovered == Recovered::default() || matches!(answer, Some(Err(_))) {
        return (None, answer.map(Msg::Saved));
    }
    (assemble(link, default, recovered.kept_apart > 0).await.ok(), None)
}

/// Reads the crash journal once the page is drawn and puts back what it holds that storage
/// lacks (`library::recover`); a save waiting for its timer is written first, so that it counts
/// as written since the start. What was put back, and that save's answer where it has one: both
/// form pages start again from storage only where it put something back and that save held.
pub async fn journal_recovered() -> (Recovered, Option<super::save_after_render::Saved>) {
    let items = super::journal::open_and_read().await;
    super::marks::mark("journal-read");
    let answer = super::save_after_render::flush();
    (library::recover(items, || new_id(&clock::now())), answer)
}

/// The model from what storage holds now; `kept_apart`: the journal's copy of an assessment
/// changed here was stored beside it, which the page says.
async fn assemble(
    link: &Link,
    default: &Rc<HashedFramework>,
    kept_apart: bool,
) -> Result<Model, LoadFailure> {
    let default = (**default).clone();
    let mut link_failure = None;
    // The link's framework gave no answer and opened from the copy kept when it last loaded.
    let mut link_kept_copy = false;
    // The open assessment's built-in framework, where it had to be fetched and could not be.
    let mut fetch_failure = None;
    let framework = match link.config.framework.as_deref() {
        None => match open_built_in(&default).await {
            Some(Ok(framework)) => framework,
            Some(Err(failure)) => {
                fetch_failure = Some(failure);
                default
            }
            None => default,
        },
        // A link may name a built-in framework by its id instead of an address.
        Some(id) if catalogue::built_in(id).is_some() => {
            let other = catalogue::built_in(id).filter(|b| b.sha256 != default.sha256());
            match other.map(super::built_in::load) {
                Some(loading) => loading.await.unwrap_or_else(|failure| {
                    link_failure = Some((id.to_string(), failure));
                    default
                }),
                None => default,
            }
        }
        Some(address) => match framework_from_link(address).await {
            Ok((framework, kept)) => {
                link_kept_copy = kept;
                framework
            }
            Err(failure) => {
                link_failure = Some((address.to_string(), failure));
                default
            }
        },
    };
    let source = match (&link.config.framework, &link_failure) {
        (Some(address), None) if catalogue::built_in(address).is_none() => {
            FrameworkSource::Url(address.clone())
        }
        _ => FrameworkSource::BuiltIn,
    };
    let now = clock::now();
    let migration = library::migrate_v1(&new_id(&now), &now.time);
    let (key, key_ring) = keystore::load();
    let startup = Startup {
        lang: saved_lang(link),
        listing: library::list().map_err(|_| StorageFailed),
        open_id: library::open_id(),
        migration_failed: matches!(migration, Migration::Failed(_)),
        journal_kept_apart: kept_apart,
        key,
        key_ring,
        presets: link.config.presets(),
        instruction: link.config.instruction.clone(),
        can_share: super::share::can_share_files(),
        source,
        link_failure,
    };
    let mut model = Model::start(Rc::new(framework), startup, &now);
    model.link_kept_copy = link_kept_copy;
    model.library.link_frameworks = Rc::new(remembered_link_frameworks(&model));
    super::marks::mark("model");
    if let Some(failure) = fetch_failure {
        // The assessment stays stored and listed; the start screen says why it did not open.
        model.library.fetch_failure = Some(failure);
        model.view = crate::core::app::View::Library;
    }
    model.trusted = crate::core::app::TrustedState::restore(super::trusted_store::load());
    if cfg!(feature = "hogeschool") {
        let kept = storage::read(crate::core::app::badges::ISSUER_KEY).ok().flatten();
        model.badges = crate::core::app::BadgesState::restore(kept.as_deref());
        model.badges.can_pick_folder = super::folder::supported();
    }
    Ok(model)
}

/// The frameworks links named here, with the one this page's link named first: kept, so that an
/// assessment of one opens again without its link (`LibraryState::link_address`).
fn remembered_link_frameworks(model: &Model) -> LinkFrameworks {
    let read = storage::read(LINK_FRAMEWORKS_KEY);
    let readable = read.is_ok();
    let stored = read.ok().flatten().unwrap_or_default();
    let list = LinkFrameworks::from_text(&stored);
    let FrameworkSource::Url(address) = &model.source else { return list };
    let framework = model.framework.framework();
    let list = list.with(&framework.id, &framework.version, address);
    let list = list.trimmed(|f| model.library.uses(f));
    let text = list.to_text();
    // Not kept (storage full or off): the assessment still opens through its link.
    if text != stored && storage::write(LINK_FRAMEWORKS_KEY, &text).is_ok() && readable {
        // The copies of frameworks the list no longer names go; only where the list is stored,
        // since a copy also opens through its own link when its address gives no answer.
        let urls = list.addresses().filter_map(super::link::resolve).collect();
        super::link_framework::keep_only(urls);
    }
    list
}

/// Downloads the framework a link names and checks it like any other, keeping a copy of it (with
/// `true`: the address gave no answer, and the copy kept before opened instead).
async fn framework_from_link(address: &str) -> Result<(HashedFramework, bool), LoadFailure> {
    let url = super::link::resolve(address).ok_or(LoadFailure::Network)?;
    match super::fetch::framework_bytes(&url).await {
        Ok(bytes) => {
            let framework = framework_from_bytes(&bytes)?;
            super::link_framework::keep(&url, &bytes);
            Ok((framework, false))
        }
        Err(failure) if failure.is_no_answer() => match super::link_framework::kept(&url).await {
            Some(bytes) => {
                framework_from_bytes(&bytes).map(|framework| (framework, true)).map_err(|_| failure)
            }
            None => Err(failure),
        },
        Err(failure) => Err(failure),
    }
}

/// The built-in framework of the assessment that was open, when that is not `default` (parsed
/// already: the start does not parse it twice); fetched first where this build leaves it out.
async fn open_built_in(default: &HashedFramework) -> Option<Result<HashedFramework, FetchFailure>> {
    let text = library::raw(&library::open_id()?).ok()??;
    let entry = saved::from_json(&text).ok()?;
    let built_in = entry.assessment.built_in_framework()?;
    if built_in.sha256 == default.sha256() {
        return None;
    }
    let loaded = super::built_in::load(built_in).await;
    Some(loaded.map_err(|failure| FetchFailure { title: built_in.title, failure }))
}

/// Connects the running app to the world around it: changes other tabs make to the stored
/// assessments come in as messages (until the returned listener is dropped), and the page that
/// embeds the app is told it is ready and how tall it is.
pub fn connect(
    dispatch: yew::Callback<crate::core::app::Msg>,
    parent_origin: Option<&str>,
) -> Option<gloo::events::EventListener> {
    super::embed::start(parent_origin);
    // An examinator's decision left unsigned by a reload or a closed tab is taken up again.
    if let Ok(Some(draft)) = storage::read(crate::core::app::decide::DECISION_KEY) {
        dispatch.emit(crate::core::app::Msg::Decide(crate::core::app::DecideMsg::Restore(draft)));
    }
    library::on_change(dispatch, Msg::ChangedElsewhere, Msg::RemovedElsewhere)
}
