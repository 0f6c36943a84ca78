use std::rc::Rc;

use yew::prelude::*;

use crate::core::app::scoring::ScoringMsg;
use crate::core::assessment::open_work::open_in;
use crate::core::assessment::{Mode, OutcomeEntry};
use crate::core::framework::{Framework, LearningOutcome};
use crate::i18n::Lang;
use crate::ui::indicator_item::IndicatorItem;
use crate::ui::{dom_id, outcome_label};

#[derive(Properties, PartialEq)]
pub struct ScoredOutcomeProps {
    pub lang: Lang,
    pub mode: Mode,
    pub framework: Rc<Framework>,
    pub outcome: Rc<LearningOutcome>,
    pub number: usize,
    pub entry: Option<Rc<OutcomeEntry>>,
    pub dispatch: Callback<ScoringMsg>,
}

/// One leeruitkomst with its indicators. Each outcome's entry sits behind its own `Rc`, so a
/// score redraws only the outcome it belongs to.
#[function_component]
pub fn ScoredOutcome(props: &ScoredOutcomeProps) -> Html {
    let t = props.lang.texts();
    let outcome = &props.outcome;
    let content_lang = props.framework.language.clone();
    let title_id = dom_id("outcome-title", &outcome.id);
    let entry = props.entry.as_deref();
    let open = open_in(outcome, entry);
    html! {
        <article class="card outcome" id={dom_id("outcome", &outcome.id)} aria-labelledby={title_id.clone()}>
            <h3 class="outcome-heading">
                <span class="fold-title" id={title_id}>
                    <span class="outcome-number">{ outcome_label(props.lang, outcome, props.number) }</span>
                    <span class="sep">{ ": " }</span>
                    <span lang={content_lang.clone()}>{ &outcome.title }</span>
                </span>
                <span class={classes!("outcome-open", (open == 0).then_some("is-done"))}>
                    { props.lang.open_in_outcome(open) }
                </span>
            </h3>
            <details class="outcome-description" open=true>
                <summary>{ t.description }</summary>
                <p lang={content_lang}>{ &outcome.description }</p>
            </details>
            <h4>{ t.indicators }</h4>
            <ol class="indicators">
                { for outcome.indicators.iter().map(|indicator| html! {
                    <IndicatorItem<ScoringMsg>
                        key={&*indicator.id}
                        lang={props.lang}
                        framework={props.framework.clone()}
                        indicator={indicator.clone()}
                        answer={entry.map(|e| e.answer(&indicator.id)).unwrap_or_default()}
                        mode={props.mode}
                        comment={AttrValue::from(entry.map(|e| e.comment(&indicator.id)).unwrap_or("").to_string())}
                        dispatch={props.dispatch.clone()}
                    />
                }) }
            </ol>
        </article>
    }
}
