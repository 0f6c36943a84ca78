//! The filters, the table, the distribution and the export, for one framework's records.

use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::cohort_tables::{heatmap, results_table};
use super::focus::{use_focus_after_render, Focus};
use crate::core::app::review::{CohortChoice, ReviewMsg, TABLE_PAGE};
use crate::core::app::Msg;
use crate::core::assessment::Mode;
use crate::core::framework::hashed::HashedFramework;
use crate::core::review::cohort::{
    distribution, repeated_students, rows, Cohort, Filter, Separator,
};
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct CohortOverviewProps {
    pub lang: Lang,
    pub cohort: Rc<Cohort>,
    /// The framework whose records are shown.
    pub framework: HashedFramework,
    pub choice: CohortChoice,
    pub separator: Separator,
    pub download_failed: bool,
    #[prop_or_default]
    pub trusted: crate::core::app::TrustedState,
    pub dispatch: Callback<Msg>,
}

/// A component of its own, so that the progress of a batch being read redraws the status line
/// and not the table of the records already taken in.
#[function_component]
pub fn CohortOverview(props: &CohortOverviewProps) -> Html {
    let lang = props.lang;
    let c = lang.cohort_texts();
    let framework = &props.framework;
    let fw = framework.framework();
    let choice = &props.choice;
    let filter = Filter {
        framework: framework.sha256().to_string(),
        mode: choice.mode,
        organisation: choice.organisation.clone(),
        assessor: choice.assessor.clone(),
    };
    let shown = rows(&props.cohort, &filter);
    let repeated = repeated_students(&shown);
    let in_table = choice.in_table(&shown);
    let signers: Vec<String> =
        in_table.iter().map(|m| props.trusted.signer_cell(lang, m)).collect();
    let first_new = use_node_ref();
    let focus = use_focus_after_render();
    let on_more = {
        let first_new = first_new.clone();
        props.dispatch.reform(move |_: MouseEvent| {
            *focus.borrow_mut() = Some(Focus::Node(first_new.clone()));
            Msg::Review(ReviewMsg::MoreCohortRows)
        })
    };
    let left = shown.len().saturating_sub(in_table.len());
    html! {
        <>
            <div class="card cohort-filters">
                <h3>{ c.filters }</h3>
                { filters(props) }
                <p class="cohort-shown" role="status">{ lang.cohort_shown(shown.len()) }</p>
                if repeated > 0 {
                    <p class="hint cohort-repeated">{ lang.cohort_repeated(repeated) }</p>
                }
            </div>
            if shown.is_empty() {
                <p class="notice notice-info">{ c.none_shown }</p>
            } else {
                { export(props) }
                <div class="card cohort-results">
                    { results_table(lang, fw, &props.cohort, in_table, &signers, (choice.first_of_last_page(), &first_new), &props.dispatch) }
                    if left > 0 {
                        <div class="cohort-more">
                            <p class="hint" id="cohort-more-hint">{ lang.cohort_in_table(in_table.len(), shown.len()) }</p>
                            <button type="button" class="cohort-more-button" onclick={on_more} aria-describedby="cohort-more-hint">
                                { lang.cohort_more(left.min(TABLE_PAGE)) }
                            </button>
                        </div>
                    }
                </div>
                { heatmap(lang, fw, &distribution(fw, &shown), shown.len()) }
            }
        </>
    }
}

/// The value of a `<select>` that changed, without its prefix; `None` for the first option, "all".
fn selected(e: &Event) -> Option<String> {
    let value = e.target_dyn_into::<HtmlSelectElement>()?.value();
    value.strip_prefix('=').map(str::to_string)
}

/// Values travel through the DOM with a prefix, so that an empty organisation differs from "all".
fn option(value: &str, current: Option<&str>, label: String) -> Html {
    html! {
        <option value={format!("={value}")} selected={current == Some(value)}>{ label }</option>
    }
}

fn filters(props: &CohortOverviewProps) -> Html {
    let lang = props.lang;
    let c = lang.cohort_texts();
    let choice = &props.choice;
    let sha = props.framework.sha256();
    let counts = props.cohort.framework_counts();
    let (organisations, assessors) = props.cohort.choices(sha);
    let on = |msg: fn(Option<String>) -> ReviewMsg| {
        props.dispatch.reform(move |e: Event| Msg::Review(msg(selected(&e))))
    };
    let on_mode = on(|v| ReviewMsg::CohortMode(v.as_deref().and_then(Mode::from_key)));
    let named = |value: &String| {
        if value.trim().is_empty() {
            c.no_value.to_string()
        } else {
            value.clone()
        }
    };
    html! {
        <div class="fields">
            if counts.len() > 1 {
                <div class="field">
                    <label for="cohort-framework">{ c.framework }</label>
                    <select id="cohort-framework" onchange={on(ReviewMsg::CohortFramework)}>
                        { for counts.iter().map(|(f, n)| {
                            option(f.sha256(), Some(sha), format!("{} {} ({n})", f.framework().title, f.framework().version))
                        }) }
                    </select>
                </div>
            }
            <div class="field">
                <label for="cohort-mode">{ c.mode }</label>
                <select id="cohort-mode" onchange={on_mode}>
                    <option value="" selected={choice.mode.is_none()}>{ c.all }</option>
                    { for Mode::ALL.into_iter().map(|m| option(m.key(), choice.mode.map(Mode::key), lang.mode_label(m).to_string())) }
                </select>
            </div>
            <div class="field">
                <label for="cohort-organisation">{ c.organisation }</label>
                <select id="cohort-organisation" onchange={on(ReviewMsg::CohortOrganisation)}>
                    <option value="" selected={choice.organisation.is_none()}>{ c.all }</option>
                    { for organisations.iter().map(|o| option(o, choice.organisation.as_deref(), named(o))) }
                </select>
            </div>
            <div class="field">
                <label for="cohort-assessor">{ c.assessor }</label>
                <select id="cohort-assessor" onchange={on(ReviewMsg::CohortAssessor)}>
                    <option value="" selected={choice.assessor.is_none()}>{ c.all }</option>
                    { for assessors.iter().map(|a| option(a, choice.assessor.as_deref(), named(a))) }
                </select>
            </div>
        </div>
    }
}

/// The separator and the button; the file itself is made when asked for, not on every change of
/// a filter.
fn export(props: &CohortOverviewProps) -> Html {
    let c = props.lang.cohort_texts();
    let separator_option = |value: Separator, id: &'static str, label: &'static str| {
        let onchange =
            props.dispatch.reform(move |_: Event| Msg::Review(ReviewMsg::CohortSeparator(value)));
        html! {
            <div class="mode-option">
                <input type="radio" {id} name="cohort-separator" checked={props.separator == value} {onchange} />
                <label for={id}>{ label }</label>
            </div>
        }
    };
    let on_download = props.dispatch.reform(|_: MouseEvent| Msg::Review(ReviewMsg::DownloadCsv));
    html! {
        <div class="card cohort-export">
            <h3>{ c.csv_heading }</h3>
            <p class="hint">{ c.csv_hint }</p>
            <fieldset class="mode">
                <legend>{ c.separator }</legend>
                { separator_option(Separator::Semicolon, "cohort-semicolon", c.semicolon) }
                { separator_option(Separator::Comma, "cohort-comma", c.comma) }
            </fieldset>
            <div class="actions">
                <button type="button" class="primary cohort-download" onclick={on_download}>{ c.download }</button>
            </div>
            if props.download_failed {
                <p class="notice notice-error" role="alert">{ props.lang.texts().download_failed }</p>
            }
        </div>
    }
}
