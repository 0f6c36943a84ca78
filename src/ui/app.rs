use std::rc::Rc;

use yew::prelude::*;

use super::core_task_section::CoreTaskSection;
use super::metadata_form::MetadataForm;
use super::notices::{FrameworkProblems, Notices, StorageNotice};
use super::page_header::{PageHeader, View};
use super::scale_legend::ScaleLegend;
use super::sign_section::SignSection;
use super::state::{AppState, Msg};
use super::summary_panel::SummaryPanel;
use super::verify_view::VerifyView;
use crate::core::assessment::{Action, Assessment, MetadataField};
use crate::core::framework::{Framework, Problem, ProblemKind};
use crate::core::record::{FrameworkLoadError, HashedFramework};
use crate::core::saved::{self, SavedError};
use crate::i18n::Lang;
use crate::web::{clock, keystore, storage};

const LANG_KEY: &str = "leeruitkomsten:lang";

#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    /// Where the assessment in progress is kept; tests give each app a key of its own.
    #[prop_or(AttrValue::Static(STORAGE_KEY))]
    pub storage_key: AttrValue,
}

const STORAGE_KEY: &str = "leeruitkomsten:v1:assessment";

impl Default for AppProps {
    fn default() -> Self {
        AppProps { storage_key: AttrValue::Static(STORAGE_KEY) }
    }
}

#[function_component]
pub fn App(props: &AppProps) -> Html {
    let framework = use_memo((), |_| HashedFramework::default_framework().map(Rc::new));
    match &*framework {
        Ok(framework) => html! {
            <Assessor framework={framework.clone()} storage_key={props.storage_key.clone()} />
        },
        Err(error) => {
            let lang = saved_lang();
            let problems = match error {
                FrameworkLoadError::Invalid(problems) => problems.clone(),
                // A framework without a canonical form has no hash, so records could not name it.
                FrameworkLoadError::Canonicalization(e) => vec![Problem {
                    path: String::new(),
                    kind: ProblemKind::Syntax { message: e.to_string(), line: 0, column: 0 },
                }],
            };
            html! {
                <div class="app" lang={lang.code()}>
                    <FrameworkProblems {lang} problems={Rc::new(problems)} />
                </div>
            }
        }
    }
}

#[derive(Properties, PartialEq)]
struct AssessorProps {
    framework: Rc<HashedFramework>,
    storage_key: AttrValue,
}

/// What the browser had saved, and what the user must be told about it.
struct Restored {
    assessment: Assessment,
    notice: Option<StorageNotice>,
    /// Set when an entry could not be read nor copied aside: saving would destroy it.
    saving_blocked: bool,
}

/// A new, empty assessment, dated today.
pub fn fresh_assessment(framework: &Framework) -> Assessment {
    let mut assessment = Assessment::new(framework);
    // The core refuses nothing about a date the browser's clock formats.
    let _ = assessment.apply(framework, Action::SetMetadata(MetadataField::Date, clock::today()));
    assessment
}

fn restore(framework: &Framework, key: &str) -> Restored {
    let fresh = || fresh_assessment(framework);
    let text = match storage::read(key) {
        Ok(Some(text)) => text,
        Ok(None) => return Restored { assessment: fresh(), notice: None, saving_blocked: false },
        Err(_) => {
            return Restored {
                assessment: fresh(),
                notice: Some(StorageNotice::Unavailable),
                saving_blocked: false,
            }
        }
    };
    match saved::from_json(&text, framework) {
        Ok(assessment) => Restored { assessment, notice: None, saving_blocked: false },
        Err(error) => {
            // Keep what could not be read under a key of its own before anything is saved.
            let aside = format!("{key}:unreadable:{}", js_sys::Date::now() as u64);
            let kept = storage::write(&aside, &text).is_ok();
            let notice = match error {
                SavedError::OtherFramework(_) => StorageNotice::OtherFramework,
                SavedError::Unreadable(_) | SavedError::UnknownVersion(_) => {
                    StorageNotice::Unreadable
                }
            };
            Restored { assessment: fresh(), notice: Some(notice), saving_blocked: !kept }
        }
    }
}

fn saved_lang() -> Lang {
    storage::read(LANG_KEY)
        .ok()
        .flatten()
        .and_then(|code| Lang::from_code(&code))
        .unwrap_or_default()
}

#[function_component]
fn Assessor(props: &AssessorProps) -> Html {
    let hashed = &props.framework;
    let restored = use_memo((), {
        let framework = hashed.framework().clone();
        let key = props.storage_key.clone();
        move |_| restore(&framework, &key)
    });
    let state = use_reducer({
        let framework = hashed.framework().clone();
        let assessment = restored.assessment.clone();
        move || AppState::new(framework, assessment, saved_lang())
    });
    let storage_notice = use_state(|| restored.notice);
    let view = use_state(|| View::Assess);
    let key_state = use_state(keystore::load);

    {
        let key = props.storage_key.clone();
        let blocked = restored.saving_blocked;
        let storage_notice = storage_notice.clone();
        use_effect_with(state.assessment.clone(), move |assessment| {
            if !blocked {
                let written = saved::to_json(assessment)
                    .map_err(|_| storage::StorageError::WriteRefused)
                    .and_then(|json| storage::write(&key, &json));
                match written {
                    Err(_) => storage_notice.set(Some(StorageNotice::Unavailable)),
                    Ok(()) if *storage_notice == Some(StorageNotice::Unavailable) => {
                        storage_notice.set(None)
                    }
                    Ok(()) => {}
                }
            }
        });
    }
    use_effect_with(state.lang, |lang| {
        // A language preference that cannot be kept is not worth a warning.
        let _ = storage::write(LANG_KEY, lang.code());
    });

    let dispatcher = state.dispatcher();
    let on_lang = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |lang: Lang| dispatcher.dispatch(Msg::SetLang(lang)))
    };
    let on_dismiss_error = {
        let dispatcher = dispatcher.clone();
        Callback::from(move |()| dispatcher.dispatch(Msg::DismissError))
    };
    let on_view = {
        let view = view.clone();
        Callback::from(move |next: View| view.set(next))
    };
    let on_key = {
        let key_state = key_state.clone();
        Callback::from(move |next: keystore::Stored| key_state.set(next))
    };
    let on_dismiss_storage = {
        let storage_notice = storage_notice.clone();
        Callback::from(move |()| storage_notice.set(None))
    };

    let lang = state.lang;
    let t = lang.texts();
    let framework = &state.framework;
    let locked = state.assessment.is_final();
    html! {
        <div class="app" lang={lang.code()}>
            <a class="skip-link" href="#summary">{ t.skip_to_summary }</a>
            <PageHeader {lang} framework={framework.clone()} {on_lang} view={*view} {on_view} />
            <Notices
                {lang}
                storage={*storage_notice}
                error={state.error.clone()}
                on_dismiss_storage={on_dismiss_storage}
                on_dismiss_error={on_dismiss_error}
            />
            if *view == View::Verify {
                <main id="main" class="content">
                    <VerifyView {lang} framework={hashed.clone()} />
                </main>
            } else {
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
                    />
                </div>
            }
            <footer class="page-footer">
                <p lang={framework.language.clone()}>
                    { format!("{}: {}, {} ({}).", t.source, framework.source.title, framework.source.publisher, framework.source.date) }
                </p>
                <p lang={framework.language.clone()}>{ format!("{}: {}.", t.scale_heading, framework.scale.source) }</p>
            </footer>
        </div>
    }
}
