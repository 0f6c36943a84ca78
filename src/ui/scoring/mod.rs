//! The scoring page (issue 17): what a plain link to the form opens first. It carries the form's
//! fields and its summary, and keeps the draft where the whole form keeps it; signing, the list
//! of assessments, keys and invitations are on the whole form's page, which opens the same
//! assessment (`web::scoring` hands over).

use std::cell::RefCell;
use std::rc::Rc;

use yew::prelude::*;

use crate::core::app::scoring::{Elsewhere, ScoringForm, ScoringMsg};
use crate::i18n::Lang;
use crate::ui::core_task_section::core_task_sections;
use crate::ui::metadata_form::MetadataForm;
use crate::ui::progress_dock::ProgressDock;
use crate::ui::scale_legend::ScaleLegend;
use crate::ui::summary_panel::SummaryPanel;
use crate::web::scoring as glue;

/// Renders the scoring page into `#app`, or hands over to the whole form where the open
/// assessment is not one this page scores.
pub fn start() {
    match glue::start() {
        Some(form) => {
            let root = gloo::utils::document().get_element_by_id("app");
            let props = ScoringPageProps { form: Rc::new(RefCell::new(form)) };
            match root {
                Some(root) => {
                    yew::Renderer::<ScoringPage>::with_root_and_props(root, props).render()
                }
                None => yew::Renderer::<ScoringPage>::with_props(props).render(),
            };
        }
        None => glue::hand_over(),
    }
}

#[derive(Properties)]
pub struct ScoringPageProps {
    pub form: Rc<RefCell<ScoringForm>>,
}

impl PartialEq for ScoringPageProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.form, &other.form)
    }
}

#[function_component]
pub fn ScoringPage(props: &ScoringPageProps) -> Html {
    let redraw = use_force_update();
    let lang = use_state(glue::saved_lang);
    let dispatch = use_memo((), {
        let form = props.form.clone();
        move |_| glue::dispatcher(form, Callback::from(move |()| redraw.force_update()))
    });
    let dispatch: Callback<ScoringMsg> = (*dispatch).clone();
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            crate::web::offline::register_after_first_paint();
            glue::read_journal(dispatch.clone());
            let listener = glue::listen_to_other_tabs(dispatch);
            move || drop(listener)
        });
    }
    let switch_lang = {
        let lang = lang.clone();
        Callback::from(move |_: MouseEvent| {
            let next = match *lang {
                Lang::Nl => Lang::En,
                Lang::En => Lang::Nl,
            };
            glue::keep_lang(next);
            lang.set(next);
        })
    };
    let lang = *lang;
    let t = lang.form_texts();
    let form = props.form.borrow();
    let framework = form.framework.clone();
    let assessment = &form.entry.assessment;
    let overall = form.summary.overall;
    let first_open = assessment.first_unscored(&framework);
    html! {
        // The page's language for screen readers and hyphenation, as the whole form's.
        <div class="app" lang={lang.code()}>
        <a class="skip-link" href="#summary">{ t.skip_to_summary }</a>
        <header class="page-header">
            <div class="page-title">
                <p class="app-name">{ t.app_title }</p>
                <h1 lang={framework.language.clone()}>{ &framework.title }</h1>
            </div>
            <nav class="views" aria-label={t.nav_label}>
                <a class="view-tab whole-form" href={glue::WHOLE_FORM}>{ lang.scoring_texts().whole_form }</a>
            </nav>
            <button type="button" class="lang-switch" lang={if lang == Lang::Nl { "en" } else { "nl" }} aria-label={t.switch_language_label} onclick={switch_lang}>
                { t.switch_language }
            </button>
        </header>
        <div class="notices" aria-live="polite">
            if form.unsaved {
                <p class="notice notice-error" role="alert">{ t.storage_unavailable }</p>
            }
            if let Some(elsewhere) = form.elsewhere {
                <p class="notice notice-info" role="status">
                    { match elsewhere {
                        Elsewhere::Changed => t.storage_changed_elsewhere,
                        Elsewhere::Removed => t.storage_removed_elsewhere,
                    } }
                </p>
            }
            if let Some(refused) = &form.refused {
                <p class="notice notice-error" role="alert">{ lang.action_error(refused) }</p>
            }
        </div>
        <div class="layout">
            <main id="main" class="content">
                <MetadataForm<ScoringMsg> {lang} metadata={assessment.metadata.clone()} dispatch={dispatch.clone()} />
                <ScaleLegend {lang} framework={framework.clone()} />
                { core_task_sections(lang, false, &framework, assessment, &form.folded, &dispatch) }
                <section class="card sign-on" aria-labelledby="sign-heading" id="sign">
                    <h2 id="sign-heading">{ lang.scoring_texts().sign_heading }</h2>
                    <p>{ lang.scoring_texts().sign_elsewhere }</p>
                    <p><a class="button primary" href={format!("{}#sign", glue::WHOLE_FORM)}>{ lang.scoring_texts().to_sign }</a></p>
                </section>
            </main>
            <SummaryPanel {lang} framework={framework.clone()} summary={form.summary.clone()} {first_open} />
            <ProgressDock<ScoringMsg>
                {lang}
                framework={framework.clone()}
                assessment={assessment.clone()}
                dispatch={dispatch.clone()}
                open={overall.count(crate::core::framework::score::Score::NotScored)}
                not_observed={overall.not_observed}
            />
        </div>
        </div>
    }
}
