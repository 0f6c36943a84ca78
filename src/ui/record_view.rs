use std::rc::Rc;

use yew::prelude::*;

use crate::core::assessment::{Answer, Assessment};
use crate::core::framework::Framework;
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct RecordViewProps {
    pub lang: Lang,
    pub framework: Rc<Framework>,
    pub assessment: Rc<Assessment>,
}

/// An assessment shown read-only: its details, every indicator with its score and toelichting,
/// and the feedback per leeruitkomt.
#[function_component]
pub fn RecordView(props: &RecordViewProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let fw = &props.framework;
    let a = &props.assessment;
    let content_lang = fw.language.clone();
    let mut number = 0;
    html! {
        <section class="record-view" aria-labelledby="record-heading">
            <h2 id="record-heading">{ t.record_heading }</h2>
            <dl class="record-meta">
                { for a.metadata.form_fields().map(|field| html! {
                    <div>
                        <dt>{ lang.metadata_label(field) }</dt>
                        <dd>{ a.metadata.get(field) }</dd>
                    </div>
                }) }
                <div>
                    <dt>{ lang.form_texts().mode_legend }</dt>
                    <dd>{ lang.mode_label(a.metadata.mode) }</dd>
                </div>
            </dl>
            { for fw.learning_outcomes().map(|outcome| {
                number += 1;
                let entry = a.entry(&outcome.id);
                html! {
                    <section class="record-outcome" aria-labelledby={format!("record-{}", outcome.id)}>
                        <h3 id={format!("record-{}", outcome.id)}>
                            { format!("{}: ", super::outcome_label(lang, outcome, number)) }
                            <span lang={content_lang.clone()}>{ &outcome.title }</span>
                        </h3>
                        <ol class="record-indicators">
                            { for outcome.indicators.iter().map(|indicator| {
                                let answer = entry.map(|e| e.answer(&indicator.id)).unwrap_or_default();
                                let score = answer.score();
                                let comment = entry.map(|e| e.comment(&indicator.id)).unwrap_or("");
                                let shown = match fw.scale_level(score) {
                                    Some(level) => format!("{} {}", level.symbol, level.label),
                                    None if answer == Answer::NotObserved => lang.not_observed_texts().result.to_string(),
                                    None => t.not_scored.to_string(),
                                };
                                html! {
                                    <li data-indicator={indicator.id.to_string()} data-score={score.key()}>
                                        <span class="indicator-id">{ &*indicator.id }</span>
                                        <span class="indicator-text" lang={content_lang.clone()}>{ &*indicator.text }</span>
                                        <span class={classes!("record-score", (answer == Answer::Open).then_some("is-open"), (answer == Answer::NotObserved).then_some("is-not-observed"))}>{ shown }</span>
                                        if !comment.is_empty() {
                                            <p class="record-comment"><span class="visually-hidden">{ format!("{}: ", lang.form_texts().comment_label) }</span>{ comment }</p>
                                        }
                                    </li>
                                }
                            }) }
                        </ol>
                        if let Some(feedback) = entry.map(|e| e.feedback.as_str()).filter(|f| !f.is_empty()) {
                            <p class="record-feedback"><strong>{ format!("{}: ", lang.feedback_heading(a.metadata.mode)) }</strong>{ feedback }</p>
                        }
                    </section>
                }
            }) }
        </section>
    }
}
