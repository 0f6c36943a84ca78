use yew::prelude::*;

use super::cohort_badges::CohortBadges;
use super::cohort_overview::CohortOverview;
use super::file_picker::FilePicker;
use super::focus::{use_focus_after_render, Focus};
use super::plain_verdict::plain_verdict;
use crate::core::app::review::{CohortState, Restore, ReviewMsg};
use crate::core::app::Msg;
use crate::core::review::cohort::Reason;
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct CohortViewProps {
    pub lang: Lang,
    /// Held by the model, so that the records stay when the user looks at another view, and a
    /// batch still being read finishes there.
    pub state: CohortState,
    /// The docent's trusted assessors, for the signer column.
    #[prop_or_default]
    pub trusted: crate::core::app::TrustedState,
    /// Issuing the deelcertificaten of the decisions in the cohort.
    #[prop_or_default]
    pub badges: crate::core::app::BadgesState,
    #[prop_or_default]
    pub plan: crate::core::app::cohort_badges::CohortPlan,
    pub dispatch: Callback<Msg>,
}

/// Many signed records at once: each verified, the valid ones in a table of students and
/// learning outcomes and a distribution per indicator, filtered by mode, organisation and
/// assessor, and exported as CSV for a gradebook.
#[function_component]
pub fn CohortView(props: &CohortViewProps) -> Html {
    let lang = props.lang;
    let c = lang.cohort_texts();
    let state = &props.state;
    let cohort = &state.cohort;
    let busy = state.is_busy();
    let on_chosen = props.dispatch.reform(|files| Msg::Review(ReviewMsg::CohortFiles(files)));
    // The question replaces nothing, but answering it removes the button that had focus: focus
    // goes to the answer, back to the button, or to the file picker once the cohort is gone.
    let focus = use_focus_after_render();
    let clear_ref = use_node_ref();
    let confirm_ref = use_node_ref();
    let on = |msg: ReviewMsg, target: Focus| {
        let dispatch = props.dispatch.clone();
        let focus = focus.clone();
        Callback::from(move |_: MouseEvent| {
            *focus.borrow_mut() = Some(target.clone());
            dispatch.emit(Msg::Review(msg.clone()));
        })
    };
    let on_clear = on(ReviewMsg::AskClearCohort, Focus::Node(confirm_ref.clone()));
    let on_cancel = on(ReviewMsg::CancelClearCohort, Focus::Node(clear_ref.clone()));
    let on_confirm =
        on(ReviewMsg::ClearCohort, Focus::ById { id: "cohort-files", fallback: clear_ref.clone() });
    let rejected = cohort.all_rejected();
    let status = match state.progress {
        Some((done, total)) => lang.cohort_progress(done, total),
        None if state.restore == Restore::Listing => c.restoring.to_string(),
        None if cohort.members.is_empty() && rejected.is_empty() => c.none_yet.to_string(),
        None => lang.cohort_counts(cohort.members.len(), rejected.len()),
    };
    html! {
        <section class="cohort" aria-labelledby="cohort-heading">
            <div class="card">
                <h2 id="cohort-heading">{ c.heading }</h2>
                <p>{ c.intro }</p>
                <FilePicker
                    {lang}
                    id="cohort-files"
                    label={c.choose}
                    {on_chosen}
                    multiple=true
                    disabled={busy}
                />
                <p class="cohort-status" role="status" aria-live="polite">{ status }</p>
                if state.not_kept {
                    <p class="notice notice-warning cohort-not-kept" role="alert">{ c.not_kept }</p>
                }
                if state.clear_failed {
                    <p class="notice notice-error cohort-clear-failed" role="alert">{ c.clear_failed }</p>
                }
                if !cohort.members.is_empty() || !rejected.is_empty() {
                    <div class="actions">
                        <button type="button" class="cohort-clear" ref={clear_ref} onclick={on_clear} disabled={busy} aria-expanded={state.confirm_clear.to_string()}>{ c.clear }</button>
                    </div>
                    if state.confirm_clear {
                        <div class="notice notice-warning confirm" role="alertdialog" aria-labelledby="cohort-clear-question">
                            <p id="cohort-clear-question">{ c.clear_question }</p>
                            <div class="actions">
                                <button type="button" class="danger cohort-clear-confirm" ref={confirm_ref} onclick={on_confirm}>{ c.clear_confirm }</button>
                                <button type="button" onclick={on_cancel}>{ c.cancel }</button>
                            </div>
                        </div>
                    }
                }
            </div>
            if !rejected.is_empty() {
                <details class="card cohort-rejected" open=true>
                    <summary>{ format!("{} ({})", c.rejected_heading, rejected.len()) }</summary>
                    <ul>
                        { for rejected.iter().map(|r| html! {
                            <li>
                                <span class="cohort-file">{ &r.file_name }</span>
                                { ": " }
                                if let Reason::Invalid(problems) = &r.reason {
                                    <div class="cohort-reason">{ plain_verdict(lang, problems) }</div>
                                } else {
                                    <span class="cohort-reason">{ lang.cohort_reason(&r.reason) }</span>
                                }
                            </li>
                        }) }
                    </ul>
                </details>
            }
            if let Some(framework) = state.framework() {
                <CohortOverview
                    {lang}
                    cohort={cohort.clone()}
                    framework={framework.clone()}
                    choice={state.choice.clone()}
                    separator={state.separator(lang)}
                    download_failed={state.download_failed}
                    trusted={props.trusted.clone()}
                    dispatch={props.dispatch.clone()}
                />
            }
            if cohort.decisions().next().is_some() && !busy {
                <CohortBadges {lang} badges={props.badges.clone()} plan={props.plan.clone()}
                    dispatch={props.dispatch.clone()} />
            }
        </section>
    }
}
