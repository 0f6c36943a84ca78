use std::rc::Rc;

use web_sys::File;

use yew::platform::spawn_local;
use yew::prelude::*;

use super::assess_view::assess_view;
use super::cohort_view::CohortView;
use super::compare_view::CompareView;
use super::framework_panel::{framework_panel, ActiveFramework};
use super::library_view::LibraryView;
use super::link_notices::link_notices;
use super::load_failure::load_failure_text;
use super::notices::Notices;
use super::page_header::PageHeader;
use super::verify_view::VerifyView;
use crate::core::app::{Model, Msg, Switch, View};
use crate::core::framework::catalogue;
use crate::core::framework::hashed::HashedFramework;
use crate::core::framework::source::{framework_from_bytes, FrameworkSource, LoadFailure};
use crate::core::framework::{DEFAULT_FRAMEWORK_JSON, MAX_FRAMEWORK_BYTES};
use crate::web::files::{self, ReadError};
use crate::web::link::{self, Link};
use crate::web::runner::dispatcher;
use crate::web::{clock, embed, fetch, startup};

#[function_component]
pub fn App() -> Html {
    let link: Rc<Link> = (*use_memo((), |_| {
        let link = link::get();
        startup::keep_link_lang(&link);
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
                startup::recover_journal().await;
                // The assessment that was open may belong to the other built-in framework.
                if link.config.framework.is_none() {
                    if let Some(framework) = startup::open_built_in() {
                        chosen.set(Some(ActiveFramework {
                            framework: Rc::new(framework),
                            source: FrameworkSource::BuiltIn,
                        }));
                    }
                }
                // A link may name a built-in framework by its id instead of an address.
                let built_in = link.config.framework.as_deref().and_then(catalogue::built_in);
                if let Some(built_in) = built_in {
                    if !startup::is_default(built_in) {
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
        let link = link.clone();
        Callback::from(move |switch: Switch| {
            let Some(hashed) = startup::prepare_switch(&switch, &link) else { return };
            let default = hashed.framework().id == catalogue::BUILT_IN.first().map_or("", |d| d.id);
            file_failure.set(None);
            chosen.set((!default).then(|| ActiveFramework {
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
            let lang = startup::saved_lang(&link);
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
            let lang = startup::saved_lang(&link);
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

#[function_component]
fn Assessor(props: &AssessorProps) -> Html {
    let model = use_mut_ref({
        let framework = props.active.framework.clone();
        let link = props.link.clone();
        move || Model::start(framework, startup::read(&link), &clock::now())
    });
    let redraw = use_force_update();
    let dispatch = (*use_memo((), {
        let model = model.clone();
        let switch = props.on_switch.clone();
        move |_| dispatcher(model, Callback::from(move |()| redraw.force_update()), switch)
    }))
    .clone();
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            let listener = startup::listen(dispatch);
            move || drop(listener)
        });
    }
    {
        let parent_origin = props.link.config.parent_origin.clone();
        use_effect_with((), move |_| embed::start(parent_origin.as_deref()));
    }
    let m = model.borrow();
    let lang = m.lang;
    let t = lang.texts();
    let hashed = &m.framework;
    let framework = hashed.framework();
    let content = match m.view {
        View::Library => html! {
            <main id="main" class="content">
                <LibraryView
                    {lang}
                    framework={framework.clone()}
                    library={m.library.clone()}
                    open_id={m.open.id.clone()}
                    dispatch={dispatch.clone()}
                />
                { framework_panel(lang, &props.active, props.file_failure.as_deref(), &props.on_framework_file, &props.on_built_in) }
            </main>
        },
        View::Verify => html! {
            <main id="main" class="content">
                <VerifyView {lang} state={m.review.verify.clone()} dispatch={dispatch.clone()} />
            </main>
        },
        View::Compare => html! {
            <main id="main" class="content">
                <CompareView {lang} state={m.review.compare.clone()} library={m.library.clone()} dispatch={dispatch.clone()} />
            </main>
        },
        View::Cohort => html! {
            <main id="main" class="content">
                <CohortView {lang} state={m.review.cohort.clone()} dispatch={dispatch.clone()} />
            </main>
        },
        View::Assess => assess_view(&m, &dispatch),
    };
    html! {
        <div class="app" lang={lang.code()}>
            if m.view == View::Assess {
                <a class="skip-link" href="#summary">{ t.skip_to_summary }</a>
            }
            <PageHeader {lang} framework={framework.clone()} on_lang={dispatch.reform(Msg::SetLang)} view={m.view} on_view={dispatch.reform(Msg::Show)} />
            <Notices {lang} storage={m.storage} error={m.error.clone()} dispatch={dispatch.clone()} />
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
