use std::rc::Rc;

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::dom_id;
use super::indicator_item::IndicatorItem;
use crate::core::app::Folding;
use crate::core::assessment::open_work::{open_in, ScoreOffer};
use crate::core::assessment::{Action, Mode, OutcomeEntry, MAX_TEXT_CHARS};
use crate::core::framework::{Framework, LearningOutcome};
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct OutcomeCardProps<M: PartialEq> {
    pub lang: Lang,
    /// A signed assessment is final: every field is read-only.
    #[prop_or_default]
    pub locked: bool,
    /// Who scores: a student is asked for their own view, not for feedback.
    pub mode: Mode,
    pub framework: Rc<Framework>,
    pub outcome: Rc<LearningOutcome>,
    /// The number the source gives the learning outcome.
    pub number: usize,
    /// What has been recorded so far; `None` until anything is.
    pub entry: Option<Rc<OutcomeEntry>>,
    /// Only the header shows; the page keeps this, storage does not.
    #[prop_or_default]
    pub folded: bool,
    /// Scores its indicators could take over from where their texts first stand.
    #[prop_or_default]
    pub offers: Vec<ScoreOffer>,
    /// Takes the page's message: the whole form's, or the scoring page's (`ui::scoring`).
    pub dispatch: Callback<M>,
}

#[function_component]
pub fn OutcomeCard<M>(props: &OutcomeCardProps<M>) -> Html
where
    M: From<Action> + From<Folding> + PartialEq + 'static,
{
    let t = props.lang.form_texts();
    let outcome = &props.outcome;
    let content_lang = super::content_lang(props.lang, &props.framework);
    let title_id = dom_id("outcome-title", &outcome.id);
    let feedback_id = dom_id("feedback", &outcome.id);
    let entry = props.entry.as_deref();
    let body_id = dom_id("outcome-body", &outcome.id);
    let open = open_in(outcome, entry);
    let on_fold = {
        let dispatch = props.dispatch.clone();
        let outcome = outcome.id.clone();
        let folded = !props.folded;
        Callback::from(move |_: MouseEvent| {
            dispatch.emit(Folding::Set { outcome: outcome.clone(), folded }.into());
        })
    };

    let on_feedback = {
        let dispatch = props.dispatch.clone();
        let outcome_id = outcome.id.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(area) = e.target_dyn_into::<HtmlTextAreaElement>() {
                dispatch.emit(
                    Action::SetFeedback { outcome: outcome_id.clone(), text: area.value() }.into(),
                );
            }
        })
    };

    html! {
        <article
            class={classes!("card", "outcome", props.folded.then_some("is-folded"))}
            id={dom_id("outcome", &outcome.id)}
            aria-labelledby={title_id.clone()}
        >
            <h3>
                <button
                    type="button"
                    class="fold-toggle"
                    aria-expanded={if props.folded { "false" } else { "true" }}
                    aria-controls={body_id.clone()}
                    onclick={on_fold}
                >
                    <span class="fold-icon" aria-hidden="true"></span>
                    <span class="fold-title" id={title_id}>
                        <span class="outcome-number">{ super::outcome_label(props.lang, outcome, props.number) }</span>
                        <span class="sep">{ ": " }</span>
                        <span lang={content_lang.clone()}>{ &outcome.title }</span>
                    </span>
                    <span class={classes!("outcome-open", (open == 0).then_some("is-done"))}>
                        { props.lang.open_in_outcome(open) }
                    </span>
                </button>
            </h3>
            <div class="outcome-body" id={body_id}>
            <details class="outcome-description" open=true>
                <summary>{ t.description }</summary>
                <p lang={content_lang.clone()}>{ &outcome.description }</p>
            </details>
            // A 2010 competence names no capabilities: no heading over an empty list.
            if !outcome.capabilities.is_empty() {
            <h4>{ t.capabilities }</h4>
            <ul class="capabilities" lang={content_lang.clone()}>
                { for outcome.capabilities.iter().filter_map(|id| props.framework.capability(id)).map(|cap| html! {
                    <li>
                        { &cap.title }
                        if let Some(generic) = &cap.generic {
                            { " " }<span class="generic">{ format!("({generic})") }</span>
                        }
                    </li>
                }) }
            </ul>
            }
            <h4>{ t.indicators }</h4>
            <ol class="indicators">
                { for outcome.indicators.iter().map(|indicator| html! {
                    <IndicatorItem<M>
                        key={indicator.id.to_string()}
                        lang={props.lang}
                        locked={props.locked}
                        framework={props.framework.clone()}
                        indicator={indicator.clone()}
                        answer={entry.map(|e| e.answer(&indicator.id)).unwrap_or_default()}
                        mode={props.mode}
                        comment={AttrValue::from(entry.map(|e| e.comment(&indicator.id)).unwrap_or("").to_string())}
                        offer={props.offers.iter().find(|o| o.indicator == indicator.id).cloned()}
                        dispatch={props.dispatch.clone()}
                    />
                }) }
            </ol>
            if let Some(feedback) = entry.map(|e| e.feedback.as_str()).filter(|f| !f.is_empty()) {
                <p class="print-only print-feedback">{ format!("{}: {feedback}", props.lang.feedback_label(props.mode)) }</p>
            }
            <div class="field feedback">
                <label for={feedback_id.clone()}>{ props.lang.feedback_label(props.mode) }</label>
                <textarea
                    id={feedback_id}
                    rows="3"
                    maxlength={MAX_TEXT_CHARS.to_string()}
                    value={entry.map(|e| e.feedback.clone()).unwrap_or_default()}
                    disabled={props.locked}
                    oninput={on_feedback}
                />
            </div>
            </div>
        </article>
    }
}
