//! Signing the open assessment: what is still open, the yes that signs, and after signing the
//! record to download or copy again and the way to a new assessment.

use std::rc::Rc;

use yew::prelude::*;

use super::dom_id;
use super::focus::{use_focus_after_render, Focus};
use super::key_panel::KeyPanel;
use crate::core::app::{KeyState, KeyStatus, Msg, SignFailure, SigningStage, SigningState};
use crate::core::assessment::{Assessment, Mode, Signed};
use crate::core::crypto::signing_key::fingerprint;
use crate::core::framework::hashed::HashedFramework;
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct SignSectionProps {
    pub lang: Lang,
    pub framework: Rc<HashedFramework>,
    pub assessment: Assessment,
    pub signing: SigningState,
    pub key_state: KeyState,
    pub dispatch: Callback<Msg>,
}

/// The metadata form's first field, where a new assessment begins.
const FIRST_FIELD_ID: &str = "meta-student-name";

/// The section's focus targets. Each action removes or replaces the button that was pressed, so
/// focus is moved on purpose: to the dialog that opened, back to the button that opened it, or
/// to what replaced the section.
#[derive(Clone, Default)]
struct Refs {
    heading: NodeRef,
    dialog: NodeRef,
    start: NodeRef,
    new: NodeRef,
}

#[function_component]
pub fn SignSection(props: &SignSectionProps) -> Html {
    let focus_next = use_focus_after_render();
    let refs = use_memo((), |_| Refs::default());
    // Sends `msg`, then moves focus to `target` once the page shows its outcome.
    let send = {
        let dispatch = props.dispatch.clone();
        move |msg: Msg, target: Focus| {
            let focus_next = focus_next.clone();
            let dispatch = dispatch.clone();
            Callback::from(move |_: MouseEvent| {
                *focus_next.borrow_mut() = Some(target.clone());
                dispatch.emit(msg.clone());
            })
        }
    };
    let section = Section { props, refs: &refs, send };
    match &props.assessment.signed {
        Some(signed) => section.signed(signed),
        None => section.unsigned(),
    }
}

/// What the section's parts render from.
struct Section<'a, F> {
    props: &'a SignSectionProps,
    refs: &'a Refs,
    send: F,
}

fn failure_text(lang: Lang, failure: &SignFailure) -> String {
    let t = lang.texts();
    let why = match failure {
        SignFailure::KeyUnreadable => t.key_unreadable.to_string(),
        SignFailure::KeyNotKept => t.key_not_kept.to_string(),
        SignFailure::NoRandomSource => t.sign_failed.to_string(),
        SignFailure::Record(error) => lang.record_error(error),
    };
    format!("{}: {why}", t.sign_failed)
}

impl<F: Fn(Msg, Focus) -> Callback<MouseEvent>> Section<'_, F> {
    fn unsigned(&self) -> Html {
        let (props, refs, send) = (self.props, self.refs, &self.send);
        let lang = props.lang;
        let t = lang.texts();
        let stage = &props.signing.stage;
        let confirm = match stage {
            SigningStage::Failed(failure) => html! {
                <p class="notice notice-error" role="alert">{ failure_text(lang, failure) }</p>
            },
            SigningStage::Confirming => self.confirm(),
            SigningStage::Idle | SigningStage::ConfirmingNew => Html::default(),
        };
        let intro = if props.assessment.metadata.mode == Mode::SelfAssessment {
            lang.self_texts().sign_intro
        } else {
            t.sign_intro
        };
        html! {
            <section id="sign" class="card sign" aria-labelledby="sign-heading">
                <h2 id="sign-heading" tabindex="-1" ref={refs.heading.clone()}>{ t.sign_heading }</h2>
                <p>{ intro }</p>
                <KeyPanel {lang} key_state={props.key_state.clone()} dispatch={props.dispatch.clone()} />
                if *stage != SigningStage::Confirming {
                    <button type="button" class="primary sign-start" onclick={send(Msg::StartSigning, Focus::Node(refs.dialog.clone()))} ref={refs.start.clone()}>{ t.sign_start }</button>
                }
                { confirm }
            </section>
        }
    }

    /// The list of open indicators, and the yes that signs. After signing, focus goes to the signed
    /// section's heading; after a failure the alert is read out and focus waits on the start button.
    fn confirm(&self) -> Html {
        let (props, refs, send) = (self.props, self.refs, &self.send);
        let lang = props.lang;
        let t = lang.texts();
        let fw = props.framework.framework();
        let unscored = props.assessment.unscored(fw);
        let after_sign = Focus::FirstOf(vec![refs.start.clone(), refs.heading.clone()]);
        html! {
            <div class="confirm sign-confirm" role="alertdialog" aria-labelledby="sign-confirm-heading" tabindex="-1" ref={refs.dialog.clone()}>
                if unscored.is_empty() {
                    <p id="sign-confirm-heading">{ t.sign_all_scored }</p>
                } else {
                    <h3 id="sign-confirm-heading">{ lang.unscored_count(unscored.len()) }</h3>
                    <p>{ t.sign_unscored_hint }</p>
                    <ul class="unscored-list">
                        { for unscored.iter().map(|indicator| html! {
                            <li>
                                <a href={format!("#{}", dom_id("indicator", &indicator.id))}>{ &*indicator.id }</a>
                                { " " }
                                <span lang={fw.language.clone()}>{ &*indicator.text }</span>
                            </li>
                        }) }
                    </ul>
                }
                <div class="actions">
                    <button type="button" onclick={send(Msg::BackFromSigning, Focus::Node(refs.start.clone()))}>{ t.sign_back }</button>
                    <button type="button" class="primary sign-confirm-button" onclick={send(Msg::Sign, after_sign)}>
                        { if unscored.is_empty() { t.sign_confirm.to_string() } else { lang.sign_with_unscored(unscored.len()) } }
                    </button>
                </div>
            </div>
        }
    }

    fn signed(&self, signed: &Signed) -> Html {
        let (props, refs, send) = (self.props, self.refs, &self.send);
        let lang = props.lang;
        let t = lang.texts();
        let signing = &props.signing;
        let confirming = signing.stage == SigningStage::ConfirmingNew;
        // The new assessment starts at its first field; where the section stands without the form,
        // at the section's own heading.
        let on_new = if confirming {
            send(
                Msg::NewAfterSigning,
                Focus::ById { id: FIRST_FIELD_ID, fallback: refs.heading.clone() },
            )
        } else {
            send(Msg::NewAfterSigning, Focus::Node(refs.dialog.clone()))
        };
        // Only the key that signed is worth backing up here; a key imported since is not it.
        let signer_kept =
            matches!(&props.key_state.status, KeyStatus::Key(key) if key.did() == signed.signer);
        let on_download = props.dispatch.reform(|_: MouseEvent| Msg::DownloadRecord);
        let on_copy = props.dispatch.reform(|_: MouseEvent| Msg::CopyRecord);
        html! {
            <section id="sign" class="card sign signed" aria-labelledby="sign-heading">
                <h2 id="sign-heading" tabindex="-1" ref={refs.heading.clone()}>{ t.signed_heading }</h2>
                <p class="signed-at">{ lang.signed_at(&signed.created, &fingerprint(&signed.signer)) }</p>
                if signing.download_failed.as_deref() == Some(signed.created.as_str()) {
                    <p class="notice notice-error download-failed" role="alert">{ t.record_download_failed }</p>
                }
                <div class="actions">
                    <button type="button" class="primary download-record" onclick={on_download}>{ t.download_again }</button>
                    <button type="button" class="copy-record" onclick={on_copy}>{ t.copy_json }</button>
                    <button type="button" class="new-assessment" onclick={on_new.clone()} ref={refs.new.clone()}>{ t.new_assessment }</button>
                </div>
                <div aria-live="polite">
                    if signing.copied == Some(true) { <p>{ t.copied }</p> }
                    if signing.copied == Some(false) { <p class="notice notice-warning">{ t.copy_failed }</p> }
                </div>
                if confirming {
                    <div class="notice notice-warning confirm" role="alertdialog" aria-labelledby="new-warning" tabindex="-1" ref={refs.dialog.clone()}>
                        <p id="new-warning">{ t.new_assessment_warning }</p>
                        <div class="actions">
                            <button type="button" class="danger confirm-new" onclick={on_new}>{ t.new_assessment }</button>
                            <button type="button" onclick={send(Msg::KeepSigned, Focus::Node(refs.new.clone()))}>{ t.cancel }</button>
                        </div>
                    </div>
                }
                if signer_kept {
                    <KeyPanel {lang} key_state={props.key_state.clone()} dispatch={props.dispatch.clone()} after_signing={true} />
                }
            </section>
        }
    }
}
