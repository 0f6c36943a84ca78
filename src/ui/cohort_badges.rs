//! Deelcertificaten for the whole cohort: what will be issued and what is skipped and why, then
//! one folder of files (or one download per file), and what was written.

use yew::prelude::*;

use super::issuer_fields::IssuerFields;
use crate::core::app::badges::BadgesState;
use crate::core::app::cohort_badges::{written_all, CohortPlan, CohortStage};
use crate::core::app::{BadgesMsg, Msg};
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct CohortBadgesProps {
    pub lang: Lang,
    pub badges: BadgesState,
    pub plan: CohortPlan,
    pub dispatch: Callback<Msg>,
}

#[function_component]
pub fn CohortBadges(props: &CohortBadgesProps) -> Html {
    let lang = props.lang;
    let t = lang.cohort_badges_texts();
    let plan = &props.plan;
    let issue = &props.badges.cohort;
    let busy = matches!(issue.stage, CohortStage::Picking | CohortStage::Writing { .. });
    let on_issue = props.dispatch.reform(|_: MouseEvent| Msg::Badges(BadgesMsg::IssueCohort));
    let status = match &issue.stage {
        CohortStage::Idle => String::new(),
        CohortStage::Picking => t.picking.to_string(),
        CohortStage::Writing { total } => lang.cohort_badges_writing(*total),
        CohortStage::Written { outcome, total } if written_all(outcome, *total) => {
            lang.cohort_badges_written(*total)
        }
        CohortStage::Written { .. } => String::new(),
        CohortStage::Downloaded { names, failed } => {
            lang.cohort_badges_downloaded(names.len(), *failed)
        }
    };
    let failure = match &issue.stage {
        CohortStage::Written { outcome, total } => outcome.failed.as_ref().map(|(name, error)| {
            html! {
                <div class="notice notice-error cohort-badges-failed" role="alert">
                    <p>{ lang.cohort_badges_write_failed(name, *error, outcome.written.len(), *total) }</p>
                    if !outcome.written.is_empty() {
                        <details>
                            <summary>{ format!("{} ({})", t.written_list, outcome.written.len()) }</summary>
                            <ul>{ for outcome.written.iter().map(|n| html! { <li>{ n }</li> }) }</ul>
                        </details>
                    }
                </div>
            }
        }),
        _ => None,
    };
    let written = match &issue.stage {
        CohortStage::Written { outcome, total } if written_all(outcome, *total) => {
            Some(&outcome.written)
        }
        CohortStage::Downloaded { names, .. } => Some(names),
        _ => None,
    };
    html! {
        <section class="card cohort-badges" aria-labelledby="cohort-badges-heading">
            <h3 id="cohort-badges-heading">{ t.heading }</h3>
            <p>{ t.intro }</p>
            <IssuerFields {lang} state={props.badges.clone()} dispatch={props.dispatch.clone()} />
            <p class="cohort-badges-plan">{ lang.cohort_badges_plan(plan.students.len(), plan.badge_count()) }</p>
            if !plan.students.is_empty() {
                <ul class="cohort-badges-students">
                    { for plan.students.iter().map(|s| html! {
                        <li>{ format!("{} ({}): {}", s.student_name, s.student_number, s.outcomes.join(", ")) }</li>
                    }) }
                </ul>
            }
            if !plan.skipped.is_empty() {
                <details class="cohort-badges-skipped" open=true>
                    <summary>{ format!("{} ({})", t.skipped_heading, plan.skipped.len()) }</summary>
                    <ul>
                        { for plan.skipped.iter().map(|s| html! {
                            <li>
                                <span class="cohort-file">{ &s.file_name }</span>
                                { format!(" · {}: {}", s.student, lang.skip_reason(&s.reason)) }
                            </li>
                        }) }
                    </ul>
                </details>
            }
            if !props.badges.can_pick_folder {
                <p class="notice notice-info cohort-badges-no-folder">{ t.no_folder }</p>
            }
            if let Some(problem) = &issue.problem {
                <p class="notice notice-error cohort-badges-problem" role="alert">{ lang.cohort_badges_problem(problem) }</p>
            }
            <div class="actions">
                <button type="button" class="primary cohort-badges-issue" onclick={on_issue}
                    disabled={busy || plan.students.is_empty()}>{ t.issue }</button>
            </div>
            <p class="cohort-badges-status" role="status" aria-live="polite">{ status }</p>
            { failure.unwrap_or_default() }
            if let Some(names) = written {
                <details class="cohort-badges-written">
                    <summary>{ format!("{} ({})", t.written_list, names.len()) }</summary>
                    <ul>{ for names.iter().map(|n| html! { <li>{ n }</li> }) }</ul>
                </details>
            }
        </section>
    }
}
