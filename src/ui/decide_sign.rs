//! Signing the examinator's decision: the name, who signs what for whom before the yes, and the
//! signed file to download, copy or share.

use std::rc::Rc;

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::focus::{use_focus_after_render, Focus};
use super::key_of_other::KeyOfOther;
use crate::core::app::{
    DecideMsg, DecideRefusal, DecideStage, HogeschoolSigner, Msg, SignedDecision,
};
use crate::core::credentials::decision::{Draft, OutcomeResult, SignRefusal};
use crate::core::crypto::signing_key::fingerprint;
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct DecideSignProps {
    pub lang: Lang,
    pub draft: Rc<Draft>,
    pub stage: DecideStage,
    /// The key that signs for the examinator named (`KeyState::for_hogeschool`).
    pub signer: HogeschoolSigner,
    pub can_share: bool,
    pub dispatch: Callback<Msg>,
}

#[function_component]
pub fn DecideSign(props: &DecideSignProps) -> Html {
    let lang = props.lang;
    let d = lang.decision_texts();
    let focus = use_focus_after_render();
    let dialog = use_node_ref();
    let heading = use_node_ref();
    let start = use_node_ref();
    let send = |msg: DecideMsg, after: Option<NodeRef>| {
        let dispatch = props.dispatch.clone();
        let focus = focus.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(node) = &after {
                *focus.borrow_mut() = Some(Focus::Node(node.clone()));
            }
            dispatch.emit(Msg::Decide(msg.clone()));
        })
    };
    if let DecideStage::Signed(signed) = &props.stage {
        return signed_section(props, signed, &heading, &send);
    }
    let on_name = {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                dispatch.emit(Msg::Decide(DecideMsg::SetExaminator(input.value())));
            }
        })
    };
    let refusal = match &props.stage {
        DecideStage::Refused(refusal) => Some(refusal_text(lang, refusal)),
        _ => None,
    };
    html! {
        <section class="card decide-sign" aria-labelledby="decide-sign-heading">
            <h3 id="decide-sign-heading">{ d.sign }</h3>
            <div class="field">
                <label for="decide-examinator">{ d.examinator }</label>
                <input id="decide-examinator" type="text" autocomplete="name" maxlength="200"
                    value={props.draft.examinator.clone()} oninput={on_name} />
            </div>
            if let Some(text) = refusal {
                <p class="notice notice-error decide-refusal" role="alert">{ text }</p>
            }
            if props.stage == DecideStage::Confirming {
                { confirm(props, &dialog, &start, &heading, &send) }
            } else {
                <div class="actions">
                    <button type="button" class="primary decide-start-sign" ref={start.clone()}
                        onclick={send(DecideMsg::StartSigning, Some(dialog.clone()))}>{ d.sign }</button>
                </div>
            }
        </section>
    }
}

type Send<'a> = dyn Fn(DecideMsg, Option<NodeRef>) -> Callback<MouseEvent> + 'a;

/// Who signs what for whom, and the yes that signs.
fn confirm(
    props: &DecideSignProps,
    dialog: &NodeRef,
    start: &NodeRef,
    heading: &NodeRef,
    send: &Send,
) -> Html {
    let lang = props.lang;
    let d = lang.decision_texts();
    let decision = &props.draft.decision;
    let count = |r: OutcomeResult| decision.outcomes.iter().filter(|o| o.result == r).count();
    let examinator = props.draft.examinator.trim();
    // In the form's words for the key that signs a record (`Lang::signing_key_used`).
    let key = match &props.signer.signs {
        Some(owned) => lang.signing_key_used(owned.owner.trim(), &owned.key.fingerprint()),
        None if props.signer.new_key => lang.signing_key_new(examinator),
        None => d.new_key.to_string(),
    };
    let row = |term: &str, value: Html| html! { <div><dt>{ term.to_string() }</dt><dd>{ value }</dd></div> };
    html! {
        <div class="confirm decide-confirm" role="alertdialog" aria-labelledby="decide-confirm-heading" tabindex="-1" ref={dialog.clone()}>
            <h4 id="decide-confirm-heading">{ d.confirm_heading }</h4>
            <dl class="sign-summary">
                { row(d.signed_by, html! { props.draft.examinator.trim().to_string() }) }
                { row(d.key, html! { key }) }
                { row(d.about, html! { format!("{} ({})", decision.student_name, decision.student_number) }) }
                { row(d.record, html! { <code>{ &decision.record_id }</code> }) }
                { row(d.results, html! { lang.decision_counts(count(OutcomeResult::Achieved), count(OutcomeResult::NotAchieved), count(OutcomeResult::NotAssessed)) }) }
            </dl>
            <KeyOfOther {lang} signer={props.signer.clone()} name={examinator.to_string()} id="decide" dispatch={props.dispatch.clone()} />
            <div class="actions">
                <button type="button" onclick={send(DecideMsg::BackFromSigning, Some(start.clone()))}>{ d.back_to_decision }</button>
                <button type="button" class="primary decide-confirm-sign" onclick={send(DecideMsg::Sign, Some(heading.clone()))}>{ d.confirm }</button>
            </div>
        </div>
    }
}

fn refusal_text(lang: Lang, refusal: &DecideRefusal) -> String {
    let (d, t) = (lang.decision_texts(), lang.texts());
    match refusal {
        DecideRefusal::Rules(SignRefusal::NoExaminator) => d.no_examinator.to_string(),
        DecideRefusal::Rules(SignRefusal::MissingMotivations(outcomes)) => {
            format!("{} {}", lang.motivations_missing(outcomes), d.motivation_why)
        }
        DecideRefusal::Rules(SignRefusal::Issue(error)) => error.to_string(),
        DecideRefusal::KeyUnreadable => t.key_unreadable.to_string(),
        DecideRefusal::KeyNotKept => t.key_not_kept.to_string(),
        DecideRefusal::NoRandomSource => d.no_random.to_string(),
    }
}

fn signed_section(
    props: &DecideSignProps,
    signed: &SignedDecision,
    heading: &NodeRef,
    send: &Send,
) -> Html {
    let lang = props.lang;
    let d = lang.decision_texts();
    let s = lang.signing_texts();
    html! {
        <section class="card decide-signed" aria-labelledby="decide-signed-heading">
            <h3 id="decide-signed-heading" tabindex="-1" ref={heading.clone()}>{ d.signed_heading }</h3>
            <p class="decide-signed-file">
                { signed.file_name.clone() }{ " · " }
                <span class="key-fingerprint">{ fingerprint(&signed.signer) }</span>
            </p>
            if signed.download_failed {
                <p class="notice notice-error" role="alert">{ d.download_failed }</p>
            }
            <div class="actions">
                <button type="button" class="primary decide-download" onclick={send(DecideMsg::Download, None)}>{ d.download_again }</button>
                <button type="button" class="decide-copy" onclick={send(DecideMsg::Copy, None)}>{ d.copy }</button>
                if props.can_share {
                    <button type="button" class="decide-share" onclick={send(DecideMsg::Share, None)}>{ s.share }</button>
                }
                <button type="button" class="decide-finish" onclick={send(DecideMsg::Finish, None)}>{ d.finish }</button>
            </div>
            <div aria-live="polite">
                if signed.copied == Some(true) { <p>{ d.copied }</p> }
                if signed.copied == Some(false) { <p class="notice notice-warning">{ lang.texts().copy_failed }</p> }
                if signed.shared == Some(true) { <p>{ s.shared }</p> }
                if signed.shared == Some(false) { <p class="notice notice-warning">{ s.share_failed }</p> }
            </div>
            <p>{ d.next_step }</p>
        </section>
    }
}
