use std::rc::Rc;

use yew::prelude::*;

use crate::core::assessment::aggregate::Tally;
use crate::core::framework::score::Score;
use crate::core::framework::Framework;
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct DistributionChartProps {
    pub lang: Lang,
    pub framework: Rc<Framework>,
    /// What the row stands for, such as "Leeruitkomst 2".
    pub label: AttrValue,
    /// The domain id of what the row stands for, for styling and tests.
    pub id: AttrValue,
    pub tally: Tally,
    pub result: Score,
}

/// One row of the summary: a stacked bar of the scores with the numbers written out beside it.
/// The bar repeats what the text says, so it is hidden from screen readers.
#[function_component]
pub fn DistributionChart(props: &DistributionChartProps) -> Html {
    let t = props.lang.form_texts();
    let tally = props.tally;
    // Widths in hundredths of a percent, in integers: float formatting is large in wasm.
    let total = u64::from(tally.total.max(1));
    let mut x = 0u64;
    let parts = [Score::High, Score::Good, Score::Present, Score::NotScored]
        .into_iter()
        .map(|score| (score.key(), tally.count(score)))
        .chain([("not-observed", tally.not_observed)]);
    let segments: Vec<Html> = parts
        .filter_map(|(key, count)| {
            if count == 0 {
                return None;
            }
            let width = u64::from(count) * 10_000 / total;
            let segment = html! {
                <rect
                    class={classes!("segment", format!("segment-{key}"))}
                    x={percent(x)}
                    y="0"
                    width={percent(width)}
                    height="10"
                />
            };
            x += width;
            Some(segment)
        })
        .collect();
    let result = match props.framework.scale_level(props.result) {
        Some(level) => format!("{} {}", level.symbol, level.label),
        None if tally.is_not_observed() => props.lang.not_observed_texts().result.to_string(),
        None => t.result_open.to_string(),
    };
    html! {
        <div class="chart-row" data-id={props.id.clone()}>
            <span class="chart-label">{ props.label.clone() }</span>
            <svg class="chart" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                { for segments }
            </svg>
            <span class="chart-numbers">{ props.lang.tally_text(&tally) }</span>
            <span class="chart-result">
                { format!("{}: ", t.result) }
                <span class="chart-result-value" data-result={props.result.key()}>{ result }</span>
            </span>
        </div>
    }
}

/// Hundredths of a percent as an SVG length on the 0–100 viewBox.
pub fn percent(hundredths: u64) -> String {
    format!("{}.{:02}", hundredths / 100, hundredths % 100)
}
