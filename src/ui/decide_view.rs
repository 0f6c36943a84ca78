//! The examinator's decision: per learning outcome the praktijkbeoordelaar's advice, a choice of
//! *behaald* / *niet behaald* / *niet beoordeeld* and a motivation; then signing (`decide_sign`).

use std::rc::Rc;

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::badges_panel::BadgesPanel;
use super::decide_sign::DecideSign;
use super::radio_choice::RadioChoice;
use crate::core::app::badges::Issued;
use crate::core::app::{
    BadgesState, DecideMsg, DecideStage, DecideState, HogeschoolSigner, Msg, View,
};
use crate::core::credentials::decision::{Draft, OutcomeResult};
use crate::core::framework::hashed::HashedFramework;
use crate::core::framework::LearningOutcome;
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct DecideViewProps {
    pub lang: Lang,
    pub state: DecideState,
    /// The key that would sign the decision for the examinator named; none yet.
    pub signer: HogeschoolSigner,
    pub can_share: bool,
    /// The deelcertificaten, offered once the decision is signed.
    pub badges: BadgesState,
    pub issued_badges: Option<Issued>,
    pub dispatch: Callback<Msg>,
}

#[function_component]
pub fn DecideView(props: &DecideViewProps) -> Html {
    let lang = props.lang;
    let d = lang.decision_texts();
    let state = &props.state;
    let send = |msg: DecideMsg| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Msg::Decide(msg.clone())))
    };
    let on_back = props.dispatch.reform(|_: MouseEvent| Msg::Show(View::Verify));
    let (Some(draft), Some(framework)) = (&state.draft, &state.framework) else {
        return html! {
            <section class="decide-view card" aria-labelledby="decide-heading">
                <h2 id="decide-heading">{ d.heading }</h2>
                <p>{ d.none }</p>
                <div class="actions"><button type="button" onclick={on_back}>{ d.back }</button></div>
            </section>
        };
    };
    let signed = matches!(state.stage, DecideStage::Signed(_));
    let about = |draft: &Draft| {
        format!("{} ({})", draft.decision.student_name, draft.decision.student_number)
    };
    html! {
        <section class="decide-view" aria-labelledby="decide-heading">
            <div class="card">
                <h2 id="decide-heading">{ d.heading }</h2>
                <p>{ d.intro }</p>
                <dl class="verdict-facts">
                    <div><dt>{ d.about }</dt><dd class="decide-student">{ about(draft) }</dd></div>
                    <div><dt>{ d.record }</dt><dd><code>{ &draft.decision.record_id }</code></dd></div>
                    <div>
                        <dt>{ lang.signing_texts().framework }</dt>
                        <dd lang={framework.framework().language.clone()}>{ &framework.framework().title }</dd>
                    </div>
                </dl>
                if state.not_kept && !signed {
                    <p class="notice notice-warning" role="alert">{ d.not_kept }</p>
                }
                <div class="actions"><button type="button" class="decide-back" onclick={on_back}>{ d.back }</button></div>
            </div>
            if let Some(next) = &state.replacing {
                <div class="notice notice-warning confirm" role="alertdialog" aria-labelledby="decide-replace">
                    <p id="decide-replace">{ lang.replace_decision(&about(draft), &about(next)) }</p>
                    <div class="actions">
                        <button type="button" onclick={send(DecideMsg::KeepUnfinished)}>{ d.replace_no }</button>
                        <button type="button" class="danger" onclick={send(DecideMsg::ConfirmReplace)}>{ d.replace_yes }</button>
                    </div>
                </div>
            }
            if !signed {
                <div class="card decide-take-all">
                    <button type="button" class="take-all-advice" aria-describedby="take-all-hint" onclick={send(DecideMsg::TakeAllAdvice)}>{ d.take_all }</button>
                    <p class="hint" id="take-all-hint">{ d.take_all_hint }</p>
                </div>
                { for framework.framework().learning_outcomes().enumerate().map(|(i, outcome)| {
                    outcome_card(lang, framework, draft, i, outcome, &props.dispatch)
                }) }
            }
            <DecideSign
                {lang}
                draft={draft.clone()}
                stage={state.stage.clone()}
                signer={props.signer.clone()}
                can_share={props.can_share}
                dispatch={props.dispatch.clone()}
            />
            if signed {
                <BadgesPanel {lang} state={props.badges.clone()} issued={props.issued_badges.clone()}
                    student={draft.decision.student_name.clone()} dispatch={props.dispatch.clone()} />
            }
        </section>
    }
}

/// One learning outcome: the advice and feedback, the choice, and the motivation.
fn outcome_card(
    lang: Lang,
    framework: &HashedFramework,
    draft: &Rc<Draft>,
    i: usize,
    outcome: &LearningOutcome,
    dispatch: &Callback<Msg>,
) -> Html {
    let d = lang.decision_texts();
    let fw = framework.framework();
    let Some(decided) = draft.decision.outcomes.get(i) else { return Html::default() };
    let advice = draft.advice.get(i).cloned().unwrap_or_default();
    let code = outcome.code.clone().unwrap_or_else(|| outcome.id.clone());
    let id = format!("decide-{}", outcome.id);
    let advice_text = match decided.advice {
        Some(score) => {
            let label = fw.scale_level(score).map(|l| l.label.clone()).unwrap_or_default();
            let below =
                if advice.below_norm { format!(", {}", d.below_norm) } else { String::new() };
            format!("{} {label}{below}", score.symbol())
        }
        None if advice.not_observed => lang.not_observed_texts().result.to_string(),
        None => d.advice_open.to_string(),
    };
    let can_take = decided.advice.is_some() && !advice.below_norm;
    let required = draft.needs_motivation(i);
    let choose = |result: OutcomeResult| {
        let dispatch = dispatch.clone();
        Callback::from(move |()| dispatch.emit(Msg::Decide(DecideMsg::SetResult(i, result))))
    };
    let on_take = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Msg::Decide(DecideMsg::TakeAdvice(i))))
    };
    let on_motivation = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(area) = e.target_dyn_into::<HtmlTextAreaElement>() {
                dispatch.emit(Msg::Decide(DecideMsg::SetMotivation(i, area.value())));
            }
        })
    };
    let missing = required && decided.motivation.trim().is_empty();
    html! {
        <section class="card decide-outcome" data-outcome={outcome.id.clone()} aria-labelledby={format!("{id}-heading")}>
            <h3 id={format!("{id}-heading")}>
                <span class="outcome-code">{ code.clone() }</span>{ " " }
                <span lang={fw.language.clone()}>{ &outcome.title }</span>
            </h3>
            <dl class="decide-advice">
                <div><dt>{ d.advice }</dt><dd class="decide-advice-result">{ advice_text }</dd></div>
                if let Some(feedback) = &advice.feedback {
                    <div><dt>{ d.feedback }</dt><dd class="decide-feedback">{ feedback.clone() }</dd></div>
                }
            </dl>
            if can_take {
                <button type="button" class="take-advice" onclick={on_take} aria-label={format!("{} {code}", d.take_advice)}>{ d.take_advice }</button>
            }
            <fieldset class="mode decide-result">
                <legend>{ format!("{} {code}", d.result_legend) }</legend>
                { for OutcomeResult::ALL.into_iter().map(|result| html! {
                    <RadioChoice
                        id={format!("{id}-{}", result.as_str())}
                        name={format!("{id}-result")}
                        value={result.as_str()}
                        checked={decided.result == result}
                        on_choose={choose(result)}
                    >
                        { lang.outcome_result(result) }
                    </RadioChoice>
                }) }
            </fieldset>
            <div class="field">
                <label for={format!("{id}-motivation")}>
                    { if required { d.motivation_required } else { d.motivation } }
                </label>
                <textarea
                    id={format!("{id}-motivation")}
                    class="decide-motivation"
                    rows="3"
                    maxlength="4000"
                    required={required}
                    aria-invalid={if missing { "true" } else { "false" }}
                    aria-describedby={format!("{id}-why")}
                    value={decided.motivation.clone()}
                    oninput={on_motivation}
                />
                <p class="hint" id={format!("{id}-why")}>{ d.motivation_why }</p>
            </div>
        </section>
    }
}
