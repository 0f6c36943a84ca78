use std::rc::Rc;

use web_sys::File;

use yew::platform::spawn_local;
use yew::prelude::*;

use super::cohort_view::CohortView;
use super::compare_view::CompareView;
use super::core_task_section::CoreTaskSection;
use super::framework_panel::{framework_panel, ActiveFramework};
use super::library_view::LibraryView;
use super::link_notices::link_notices;
use super::load_failure::load_failure_text;
use super::metadata_form::MetadataForm;
use super::norm_level_picker::NormLevelPicker;
use super::notices::{Notices, StorageNotice};
use super::page_header::{PageHeader, View};
use super::scale_legend::ScaleLegend;
use super::sign_section::SignSection;
use super::signature_block::SignatureBlock;
use super::state::{AppState, Msg};
use super::summary_panel::SummaryPanel;
use super::verify_view::VerifyView;
use crate::core::assessment::{Action, Assessment, MetadataField};
use crate::core::framework::catalogue;
use crate::core::framework::hashed::HashedFramework;
use crate::core::framework::source::{framework_from_bytes, FrameworkSource, LoadFailure};
use crate::core::framework::{Framework, DEFAULT_FRAMEWORK_JSON, MAX_FRAMEWORK_BYTES};
use crate::core::library::saved::{self, SavedEntry};
use crate::core::library::Listed;
use crate::core::review::cohort::Cohort;
use crate::i18n::Lang;
use crate::web::files::{self, ReadError};
use crate::web::library::{self, Migration};
use crate::web::link::{self, Link};
use crate::web::{clock, embed, fetch, journal, keystore, random, storage};

const LANG_KEY: &str = "leeruitkomsten:lang";

#[function_component]
pub fn App() -> Html {
    let link: Rc<Link> = (*use_memo((), |_| {
        let link = link::get();
        // The link's language becomes the kept preference, so that a switch in the page later
        // sticks as it does without a link.
        if let Some(lang) = link.config.lang.and_then(Lang::from_code) {
            let _ = storage::write(LANG_KEY, lang.code());
        }
        link
    }))
    .clone();
    // Through the same function as a framework from a link or a file: one call site keeps one copy
    // of the framework loader in the wasm.
    let built_in =
        use_memo((), |_| framework_from_bytes(DEFAULT_FRAMEWORK_JSON.as_bytes()).map(Rc::new));
    // Another framework than the built-in one, from the link or a file, for this session.
    let chosen = use_state(|| None::<ActiveFramework>);
    let link_failure = use_state(|| None::<Rc<(String, LoadFailure)>>);
    // Why the last framework file was not loaded; kept here, since a loaded one replaces the form.
    let file_failure = use_state(|| None::<Rc<LoadFailure>>);
    let link_dismissed = use_state(|| false);
    // The form opens once the crash journal has put back anything newer than `localStorage` holds
    // (opening first would let the next change overwrite what the journal kept), and once the
    // framework a link names has arrived or failed.
    let started = use_state(|| false);
    {
        let link = link.clone();
        let chosen = chosen.clone();
        let link_failure = link_failure.clone();
        let started = started.clone();
        use_effect_with((), move |_| {
            spawn_local(async move {
                library::recover(journal::open_and_read().await);
                // The assessment that was open may belong to the other built-in framework.
                if link.config.framework.is_none() {
                    if let Some(framework) = open_built_in() {
                        chosen.set(Some(ActiveFramework {
                            framework: Rc::new(framework),
                            source: FrameworkSource::BuiltIn,
                        }));
                    }
                }
                // A link may name a built-in framework by its id instead of an address.
                let built_in = link.config.framework.as_deref().and_then(catalogue::built_in);
                if let Some(built_in) = built_in {
                    if !is_default(built_in) {
                        if let Ok(framework) = built_in.load() {
                            chosen.set(Some(ActiveFramework {
                                framework: Rc::new(framework),
                                source: FrameworkSource::BuiltIn,
                            }));
                        }
                    }
                } else if let Some(address) = &link.config.framework {
                    match framework_from_link(address).await {
                        Ok(framework) => chosen.set(Some(ActiveFramework {
                            framework: Rc::new(framework),
                            source: FrameworkSource::Url(address.clone()),
                        })),
                        Err(failure) => link_failure.set(Some(Rc::new((address.clone(), failure)))),
                    }
                }
                started.set(true);
            });
        });
    }
    let on_framework_file = {
        let chosen = chosen.clone();
        let file_failure = file_failure.clone();
        Callback::from(move |file: File| {
            let chosen = chosen.clone();
            let file_failure = file_failure.clone();
            spawn_local(async move {
                let loaded = match files::read_bytes(&file, MAX_FRAMEWORK_BYTES).await {
                    Ok(bytes) => framework_from_bytes(&bytes),
                    Err(ReadError::TooLarge { .. }) => Err(LoadFailure::TooLarge),
                    Err(ReadError::Unreadable) => Err(LoadFailure::Unreadable),
                };
                match loaded {
                    Ok(framework) => {
                        file_failure.set(None);
                        chosen.set(Some(ActiveFramework {
                            framework: Rc::new(framework),
                            source: FrameworkSource::File(file.name()),
                        }));
                    }
                    Err(failure) => file_failure.set(Some(Rc::new(failure))),
                }
            });
        })
    };
    let on_built_in = {
        let chosen = chosen.clone();
        let file_failure = file_failure.clone();
        Callback::from(move |()| {
            file_failure.set(None);
            chosen.set(None);
        })
    };
    // Opening an assessment of the other built-in framework, or starting one, switches the form to
    // that framework: the open id is stored first, and the new form reopens it from storage.
    let on_switch = {
        let chosen = chosen.clone();
        let file_failure = file_failure.clone();
        Callback::from(move |switch: Switch| {
            let built_in = match &switch {
                Switch::Open(entry) => entry.assessment.built_in_framework(),
                Switch::New(framework_id) => catalogue::built_in(framework_id),
            };
            let Some(built_in) = built_in else { return };
            let Ok(hashed) = built_in.load() else { return };
            // Where storage fails the new form says so, and opens a fresh assessment.
            let _ = match &switch {
                Switch::Open(entry) => library::set_open(&entry.id),
                Switch::New(_) => library::save(&fresh_entry(hashed.framework())),
            };
            file_failure.set(None);
            chosen.set((!is_default(built_in)).then(|| ActiveFramework {
                framework: Rc::new(hashed),
                source: FrameworkSource::BuiltIn,
            }));
        })
    };
    let on_dismiss_link = {
        let link_dismissed = link_dismissed.clone();
        Callback::from(move |()| link_dismissed.set(true))
    };
    let active = match (&*chosen, &*built_in) {
        (Some(chosen), _) => Ok(chosen.clone()),
        (None, Ok(framework)) => {
            Ok(ActiveFramework { framework: framework.clone(), source: FrameworkSource::BuiltIn })
        }
        (None, Err(error)) => Err(error),
    };
    match active {
        _ if !*started => {
            let lang = saved_lang();
            html! {
                <div class="app" aria-busy="true" lang={lang.code()}>
                    if link.config.framework.is_some() {
                        <p class="loading" role="status">{ lang.embed_texts().framework_loading }</p>
                    }
                </div>
            }
        }
        // A new framework is a new session of the form: the assessor starts again from storage,
        // where every assessment already is.
        Ok(active) => {
            let key = active.framework.sha256().to_string();
            html! {
                <Assessor
                    {key}
                    {active}
                    link={link.clone()}
                    link_failure={(*link_failure).clone()}
                    link_dismissed={*link_dismissed}
                    {on_dismiss_link}
                    file_failure={(*file_failure).clone()}
                    {on_framework_file}
                    {on_built_in}
                    {on_switch}
                />
            }
        }
        Err(error) => {
            let lang = saved_lang();
            html! {
                <div class="app" lang={lang.code()}>
                    <div class="notice notice-error" role="alert">
                        <h1>{ lang.texts().framework_error }</h1>
                        { load_failure_text(lang, error) }
                    </div>
                </div>
            }
        }
    }
}

/// The framework the app opens with when nothing says otherwise.
fn is_default(built_in: &catalogue::BuiltIn) -> bool {
    catalogue::BUILT_IN.first().is_some_and(|d| d.id == built_in.id)
}

/// The built-in framework of the assessment that was open, when that is not the default one.
fn open_built_in() -> Option<HashedFramework> {
    let text = library::raw(&library::open_id()?).ok()??;
    let entry = saved::from_json(&text).ok()?;
    let built_in = entry.assessment.built_in_framework()?;
    if is_default(built_in) {
        None
    } else {
        built_in.load().ok()
    }
}

/// Downloads the framework a link names and checks it like any other.
async fn framework_from_link(address: &str) -> Result<HashedFramework, LoadFailure> {
    let url = link::resolve(address).ok_or(LoadFailure::Network)?;
    framework_from_bytes(&fetch::framework_bytes(&url).await?)
}

#[derive(Properties)]
struct AssessorProps {
    active: ActiveFramework,
    link: Rc<Link>,
    /// The framework address in the link and why it was not loaded.
    link_failure: Option<Rc<(String, LoadFailure)>>,
    link_dismissed: bool,
    on_dismiss_link: Callback<()>,
    /// Why the last framework file was not loaded.
    file_failure: Option<Rc<LoadFailure>>,
    on_framework_file: Callback<File>,
    on_built_in: Callback<()>,
    on_switch: Callback<Switch>,
}

/// Leaving the framework in use for another built-in one.
#[derive(Clone, Debug, PartialEq)]
pub enum Switch {
    /// Open this stored assessment, of another built-in framework.
    Open(SavedEntry),
    /// Start a new assessment in the built-in framework of this id.
    New(String),
}

/// The link and the failures never change in place, only get replaced, so their identity says
/// whether they changed: comparing contents would only add code to the wasm.
impl PartialEq for AssessorProps {
    fn eq(&self, other: &Self) -> bool {
        fn same<T>(a: &Option<Rc<T>>, b: &Option<Rc<T>>) -> bool {
            match (a, b) {
                (Some(a), Some(b)) => Rc::ptr_eq(a, b),
                (a, b) => a.is_none() && b.is_none(),
            }
        }
        self.active == other.active
            && Rc::ptr_eq(&self.link, &other.link)
            && same(&self.link_failure, &other.link_failure)
            && self.link_dismissed == other.link_dismissed
            && self.on_dismiss_link == other.on_dismiss_link
            && same(&self.file_failure, &other.file_failure)
            && self.on_framework_file == other.on_framework_file
            && self.on_built_in == other.on_built_in
            && self.on_switch == other.on_switch
    }
}

/// What the browser had kept, and where the app opens.
struct Restored {
    entry: SavedEntry,
    notice: Option<StorageNotice>,
    view: View,
}

/// An id for a new assessment: random where the browser has a crypto source, else from the clock
/// (unique enough in one browser, and still a valid key).
fn new_id() -> String {
    random::entry_id().unwrap_or_else(|| format!("t{}", js_sys::Date::now() as u64))
}

/// A new, empty assessment, dated today and not yet stored.
pub fn fresh_entry(framework: &Framework) -> SavedEntry {
    let mut assessment = Assessment::new(framework);
    // The core refuses nothing about a date the browser's clock formats.
    let _ = assessment.apply(framework, Action::SetMetadata(MetadataField::Date, clock::today()));
    // A link made for one student, or for self-assessment, starts every new assessment that way;
    // an assessment that exists keeps what its user entered.
    for action in link::get().config.presets() {
        let _ = assessment.apply(framework, action);
    }
    SavedEntry { id: new_id(), updated: clock::now_rfc3339(), assessment }
}

/// Reopens the assessment that was open, moving version 1's single assessment over first. With
/// several saved and none open, the app opens on the list of them.
fn restore(framework: &Framework) -> Restored {
    let migration = library::migrate_v1(&new_id(), &clock::now_rfc3339());
    let mut notice =
        matches!(migration, Migration::Failed(_)).then_some(StorageNotice::MigrationFailed);
    let listed = match library::list() {
        Ok(listed) => listed,
        Err(_) => {
            return Restored {
                entry: fresh_entry(framework),
                notice: Some(StorageNotice::Unavailable),
                view: View::Assess,
            }
        }
    };
    if listed.iter().any(|l| matches!(l, Listed::Unreadable { .. })) {
        notice = notice.or(Some(StorageNotice::Unreadable));
    }
    let openable: Vec<&SavedEntry> = listed
        .iter()
        .filter_map(|l| match l {
            Listed::Entry(e) if saved::check_framework(&e.assessment, framework).is_ok() => Some(e),
            _ => None,
        })
        .collect();
    let open = library::open_id().and_then(|id| openable.iter().find(|e| e.id == id).copied());
    match open {
        Some(entry) => Restored { entry: entry.clone(), notice, view: View::Assess },
        None if openable.is_empty() && notice.is_none() => {
            Restored { entry: fresh_entry(framework), notice, view: View::Assess }
        }
        None => Restored { entry: fresh_entry(framework), notice, view: View::Library },
    }
}

/// The kept language, else the link's (where storage is off, the link's was not kept).
fn saved_lang() -> Lang {
    storage::read(LANG_KEY)
        .ok()
        .flatten()
        .and_then(|code| Lang::from_code(&code))
        .or_else(|| link::get().config.lang.and_then(Lang::from_code))
        .unwrap_or_default()
}

#[function_component]
fn Assessor(props: &AssessorProps) -> Html {
    let hashed = &props.active.framework;
    let restored = use_memo((), {
        let framework = hashed.framework().clone();
        move |_| restore(&framework)
    });
    let state = use_reducer({
        let framework = hashed.framework().clone();
        let restored = restored.clone();
        move || AppState::new(framework, restored.entry.clone(), saved_lang(), restored.notice)
    });
    let view = use_state(|| restored.view);
    let key_state = use_state(keystore::load);
    let listing = use_state(|| Rc::new(library::list()));
    // The cohort overview's records outlive a visit to another view.
    let cohort = use_state(|| Rc::new(Cohort::default()));
    let cohort_progress = use_state(|| None::<(usize, usize)>);
    // The listener outlives renders, so it reads the current view through a shared cell.
    let current_view = use_mut_ref(|| restored.view);
    *current_view.borrow_mut() = *view;

    let dispatcher = state.dispatcher();
    let refresh = {
        let listing = listing.clone();
        Callback::from(move |()| listing.set(Rc::new(library::list())))
    };
    {
        let dispatcher = dispatcher.clone();
        let refresh = refresh.clone();
        let current_view = current_view.clone();
        use_effect_with((), move |_| {
            let listener = library::on_change(move |id, text| {
                match text.map(|text| saved::from_json(&text)) {
                    Some(Ok(entry)) => dispatcher.dispatch(Msg::ChangedElsewhere(entry)),
                    // Unreadable text from another tab is left alone; the list shows it.
                    Some(Err(_)) => {}
                    None => dispatcher.dispatch(Msg::RemovedElsewhere(id)),
                }
                if *current_view.borrow() == View::Library {
                    refresh.emit(());
                }
            });
            move || drop(listener)
        });
    }
    {
        let parent_origin = props.link.config.parent_origin.clone();
        use_effect_with((), move |_| embed::start(parent_origin.as_deref()));
    }
    use_effect_with(state.lang, |lang| {
        // A language preference that cannot be kept is not worth a warning.
        let _ = storage::write(LANG_KEY, lang.code());
    });

    let on_lang = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |lang: Lang| dispatcher.dispatch(Msg::SetLang(lang)))
    };
    let on_dismiss_error = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |()| dispatcher.dispatch(Msg::DismissError))
    };
    let on_dismiss_storage = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |()| dispatcher.dispatch(Msg::DismissStorage))
    };
    let on_view = {
        let view = view.clone();
        let refresh = refresh.clone();
        Callback::from(move |next: View| {
            if next == View::Library {
                refresh.emit(());
            }
            view.set(next)
        })
    };
    let on_key = {
        let key_state = key_state.clone();
        Callback::from(move |next: keystore::Stored| key_state.set(next))
    };
    let on_open = {
        let dispatcher = dispatcher.clone();
        let view = view.clone();
        let framework = hashed.framework().clone();
        let on_switch = props.on_switch.clone();
        Callback::from(move |entry: SavedEntry| {
            if saved::check_framework(&entry.assessment, &framework).is_err() {
                on_switch.emit(Switch::Open(entry));
                return;
            }
            dispatcher.dispatch(Msg::Open { entry, is_new: false });
            view.set(View::Assess);
        })
    };
    let on_open_replaced = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |entry: SavedEntry| {
            dispatcher.dispatch(Msg::Open { entry, is_new: false })
        })
    };
    let on_new = {
        let dispatcher = dispatcher.clone();
        let view = view.clone();
        let framework = hashed.framework().clone();
        let on_switch = props.on_switch.clone();
        Callback::from(move |framework_id: String| {
            if framework_id != framework.id {
                on_switch.emit(Switch::New(framework_id));
                return;
            }
            dispatcher.dispatch(Msg::Open { entry: fresh_entry(&framework), is_new: true });
            view.set(View::Assess);
        })
    };
    let on_deleted = {
        let dispatcher = dispatcher.clone();
        let open_id = state.id.clone();
        let framework = hashed.framework().clone();
        Callback::from(move |id: String| {
            // The deleted assessment must not come back with the next change to the form.
            if id == *open_id {
                dispatcher.dispatch(Msg::Open { entry: fresh_entry(&framework), is_new: false });
            }
        })
    };
    let on_backup = {
        let state = state.clone();
        Callback::from(move |()| backup_everything(&state.entry()))
    };

    let lang = state.lang;
    let t = lang.texts();
    let framework = &state.framework;
    let locked = state.assessment.is_final();
    let content = match *view {
        View::Library => html! {
            <main id="main" class="content">
                <LibraryView
                    {lang}
                    framework={framework.clone()}
                    listing={(*listing).clone()}
                    open={Rc::new(state.entry())}
                    {on_open}
                    {on_open_replaced}
                    {on_new}
                    {on_deleted}
                    on_refresh={refresh.clone()}
                />
                { framework_panel(lang, &props.active, props.file_failure.as_deref(), &props.on_framework_file, &props.on_built_in) }
            </main>
        },
        View::Verify => html! {
            <main id="main" class="content">
                <VerifyView {lang} framework={hashed.clone()} />
            </main>
        },
        View::Compare => html! {
            <main id="main" class="content">
                <CompareView {lang} framework={hashed.clone()} />
            </main>
        },
        View::Cohort => html! {
            <main id="main" class="content">
                <CohortView {lang} framework={hashed.clone()} cohort={cohort.clone()} progress={cohort_progress.clone()} />
            </main>
        },
        View::Assess => html! {
            <div class="layout">
                <main id="main" class="content">
                    if locked {
                        <p class="notice notice-info final-notice" role="status">{ t.final_notice }</p>
                    }
                    <MetadataForm
                        {lang}
                        {locked}
                        metadata={state.assessment.metadata.clone()}
                        dispatcher={dispatcher.clone()}
                    />
                    <NormLevelPicker
                        {lang}
                        {locked}
                        framework={framework.clone()}
                        level={state.assessment.norm_level.clone()}
                        dispatcher={dispatcher.clone()}
                    />
                    <ScaleLegend {lang} framework={framework.clone()} />
                    { for framework.core_tasks.iter().enumerate().map(|(index, task)| html! {
                        <CoreTaskSection
                            key={task.id.clone()}
                            {lang}
                            {locked}
                            framework={framework.clone()}
                            {index}
                            outcomes={state.assessment.outcomes.clone()}
                            dispatcher={dispatcher.clone()}
                        />
                    }) }
                    <SignSection
                        {lang}
                        framework={hashed.clone()}
                        assessment={state.assessment.clone()}
                        key_state={(*key_state).clone()}
                        {on_key}
                        dispatcher={dispatcher.clone()}
                    />
                </main>
                <SummaryPanel
                    {lang}
                    framework={framework.clone()}
                    summary={state.summary.clone()}
                    first_open={state.assessment.first_unscored(framework)}
                    norm_level={state.assessment.norm_level.clone()}
                />
                <SignatureBlock {lang} framework={hashed.clone()} assessment={state.assessment.clone()} />
            </div>
        },
    };
    html! {
        <div class="app" lang={lang.code()}>
            if *view == View::Assess {
                <a class="skip-link" href="#summary">{ t.skip_to_summary }</a>
            }
            <PageHeader {lang} framework={framework.clone()} {on_lang} view={*view} {on_view} />
            <Notices
                {lang}
                storage={state.storage}
                error={state.error.clone()}
                {on_dismiss_storage}
                {on_dismiss_error}
                {on_backup}
            />
            if !props.link_dismissed {
                { link_notices(lang, &props.link, props.link_failure.as_deref(), &props.on_dismiss_link) }
            }
            { content }
            <footer class="page-footer">
                <p lang={framework.language.clone()}>
                    { format!("{}: {}, {} ({}).", t.source, framework.source.title, framework.source.publisher, framework.source.date) }
                </p>
                <p lang={framework.language.clone()}>{ format!("{}: {}.", t.scale_heading, framework.scale.source) }</p>
            </footer>
        </div>
    }
}

/// Downloads every assessment this browser holds, with the open one as it is in memory: the way
/// out when storage fails.
fn backup_everything(open: &SavedEntry) {
    let _ = library::download_backup(&library::list().unwrap_or_default(), Some(open));
}
