use std::rc::Rc;

use yew::prelude::*;

use super::distribution_chart::{percent, DistributionChart};
use super::dom_id;
use crate::core::aggregate::Summary;
use crate::core::framework::Framework;
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct SummaryPanelProps {
    pub lang: Lang,
    pub framework: Rc<Framework>,
    pub summary: Rc<Summary>,
    /// The first indicator not yet scored, to jump to.
    pub first_open: Option<Rc<str>>,
    /// The progress bar kept in view on narrow screens, for the form that comes before it.
    #[prop_or(true)]
    pub dock: bool,
}

#[function_component]
pub fn SummaryPanel(props: &SummaryPanelProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let summary = &props.summary;
    let overall = summary.overall;
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
            <div class="progress-bar" aria-hidden="true">
                // A width in an SVG attribute rather than a style attribute, which a
                // Content-Security-Policy without 'unsafe-inline' refuses.
                <svg class="progress-fill" viewBox="0 0 100 1" preserveAspectRatio="none" focusable="false">
                    <rect width={percent(u64::from(overall.scored()) * 10_000 / u64::from(overall.total.max(1)))} height="1" />
                </svg>
            </div>
            { chart(t.overall.to_string(), "overall", overall, summary.result) }
            { for summary.core_tasks.iter().enumerate().map(|(k, task)| html! {
                <section class="summary-core-task" aria-label={format!("{} {}", t.core_task, k + 1)}>
                    { chart(format!("{} {}", t.core_task, k + 1), &task.id, task.tally, task.result) }
                    <ul class="summary-outcomes">
                        { for task.outcomes.iter().map(|o| {
                            outcome_number += 1;
                            html! { <li>{ chart(format!("{} {}", t.learning_outcome, outcome_number), &o.id, o.tally, o.result) }</li> }
                        }) }
                    </ul>
                </section>
            }) }
            <p class="next-open">
                if let Some(indicator) = &props.first_open {
                    <a href={format!("#{}", dom_id("indicator", indicator))}>{ t.next_open }</a>
                } else {
                    { t.all_scored }
                }
            </p>
        </aside>
        // The summary's own status line is the one announced; this copy only stays in view.
        if props.dock {
            <div class="progress-dock" aria-hidden="true">
                <span>{ lang.progress(overall.scored(), overall.total) }</span>
                <a href="#summary" tabindex="-1">{ t.summary_heading }</a>
            </div>
        }
        </>
    }
}
