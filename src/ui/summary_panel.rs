use std::rc::Rc;

use yew::prelude::*;

use super::distribution_chart::{percent, DistributionChart};
use super::dom_id;
use super::norm_lines::NormLines;
use crate::core::assessment::aggregate::Summary;
use crate::core::framework::Framework;
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct SummaryPanelProps {
    pub lang: Lang,
    pub framework: Rc<Framework>,
    pub summary: Rc<Summary>,
    /// The first indicator not yet scored, to jump to.
    pub first_open: Option<Rc<str>>,
    /// For a framework with norms, what the results are against those of the level of practice
    /// chosen (`norm_lines::norm_lines`).
    #[prop_or_default]
    pub norms: Option<NormLines>,
}

#[function_component]
pub fn SummaryPanel(props: &SummaryPanelProps) -> Html {
    let lang = props.lang;
    let t = lang.form_texts();
    let summary = &props.summary;
    let overall = summary.overall;
    let norm_of =
        |id: &str| props.norms.as_ref().and_then(|norms| norms.of(id)).cloned().unwrap_or_default();
    let chart = |label: String, id: &str, tally, result| {
        html! {
            <DistributionChart
                {lang}
                framework={props.framework.clone()}
                label={AttrValue::from(label)}
                id={AttrValue::from(id.to_string())}
                {tally}
                {result}
            />
        }
    };
    let mut outcome_number = 0;
    html! {
        <>
        <aside id="summary" class="summary" aria-labelledby="summary-heading" tabindex="0">
            <h2 id="summary-heading">{ t.summary_heading }</h2>
            <p class="progress" role="status">{ lang.progress(overall.scored(), overall.total) }</p>
            if overall.not_observed > 0 {
                <p class="progress-not-observed">{ lang.not_observed_count(overall.not_observed) }</p>
            }
            <div class="progress-bar" aria-hidden="true">
                // A width in an SVG attribute rather than a style attribute, which a
                // Content-Security-Policy without 'unsafe-inline' refuses.
                <svg class="progress-fill" viewBox="0 0 100 1" preserveAspectRatio="none" focusable="false">
                    <rect width={percent(u64::from(overall.answered()) * 10_000 / u64::from(overall.total.max(1)))} height="1" />
                </svg>
            </div>
            { chart(t.overall.to_string(), "overall", overall, summary.result) }
            if let Some(norms) = &props.norms {
                <p class="norm-overview">{ norms.overview.clone() }</p>
            }
            { for summary.core_tasks.iter().enumerate().map(|(k, task)| {
                let task_label = match props.framework.core_tasks.get(k) {
                    Some(core_task) => super::core_task_label(lang, core_task, k),
                    None => format!("{} {}", t.core_task, k + 1),
                };
                html! {
                    <section class="summary-core-task" aria-label={task_label.clone()}>
                        { chart(task_label, &task.id, task.tally, task.result) }
                        <ul class="summary-outcomes">
                            { for task.outcomes.iter().map(|o| {
                                outcome_number += 1;
                                let label = match props.framework.learning_outcome(&o.id) {
                                    Some(outcome) => super::outcome_label(lang, outcome, outcome_number),
                                    None => format!("{} {}", t.learning_outcome, outcome_number),
                                };
                                html! { <li>{ chart(label, &o.id, o.tally, o.result) }{ norm_of(&o.id) }</li> }
                            }) }
                        </ul>
                    </section>
                }
            }) }
            <p class="next-open">
                if let Some(indicator) = &props.first_open {
                    <a href={format!("#{}", dom_id("indicator", indicator))}>{ t.next_open }</a>
                } else {
                    { lang.none_open(props.summary.overall.not_observed) }
                }
            </p>
        </aside>
        </>
    }
}
