//! Signing the open assessment: what is still open, the yes that signs, and after signing the
//! record to download or copy again and the way to a new assessment.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

use super::dom_id;
use super::focus::{use_focus_after_outcome, Focus};
use super::key_panel::KeyPanel;
use crate::core::app::{KeyState, Msg, OwnedKey, SignAs, SignFailure, SigningStage, SigningState};
use crate::core::assessment::{Assessment, MetadataField, Mode, Signed};
use crate::core::crypto::signing_key::fingerprint;
use crate::core::framework::hashed::HashedFramework;
use crate::core::zone::Zone;
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct SignSectionProps {
    pub lang: Lang,
    pub framework: Rc<HashedFramework>,
    pub assessment: Assessment,
    pub signing: SigningState,
    pub key_state: KeyState,
    /// The school's instruction from the link, shown after signing.
    pub instruction: Option<Rc<str>>,
    /// The device can hand the file to another app.
    pub can_share: bool,
    /// How many indicators are marked *niet waargenomen*: answered, but not scored.
    #[prop_or_default]
    pub not_observed: u32,
    /// The user's time zone (compared by pointer: it is made once).
    pub zone: Rc<Zone>,
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
    refusal: NodeRef,
    start: NodeRef,
    new: NodeRef,
}

#[function_component]
pub fn SignSection(props: &SignSectionProps) -> Html {
    let focus_next = use_focus_after_outcome(props.signing.busy());
    let refs = use_memo((), |_| Refs::default());
    // Sends `msg()`, then moves focus to `target` once the page shows its outcome. A maker
    // rather than a message to clone, so that the form's page needs no copy of `Msg`.
    let send = {
        let dispatch = props.dispatch.clone();
        move |msg: fn() -> Msg, target: Focus| {
            let focus_next = focus_next.clone();
            let dispatch = dispatch.clone();
            Callback::from(move |_: MouseEvent| {
                *focus_next.borrow_mut() = Some(target.clone());
                dispatch.emit(msg());
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

/// After signing: what to do with the file, in the school's words where the link gives them.
impl<F> Section<'_, F> {
    fn key_owner(&self) -> Option<AttrValue> {
        let name = self.props.assessment.metadata.signer_name()?;
        Some(AttrValue::from(name.to_string()))
    }

    /// The key signing would use: the one picked, else the signer's own; none when one is made.
    fn signing_key(&self) -> Option<&OwnedKey> {
        let owner = self.props.assessment.metadata.signer_name().unwrap_or_default();
        self.props.key_state.signing_key_for(owner, &self.props.signing.sign_as)
    }

    /// Which key signs: named in the confirmation, and where the person named has no key on this
    /// device, the choice of a new one for them or of a key already here.
    fn key_choice(&self) -> Html {
        let props = self.props;
        let lang = props.lang;
        let k = lang.keys_texts();
        let owner = props.assessment.metadata.signer_name().unwrap_or_default();
        let own = props.key_state.ring.for_owner(owner);
        let signing_key = self.signing_key();
        let used = match signing_key {
            Some(owned) => lang.signing_key_used(&owned.owner, &owned.key.fingerprint()),
            None => lang.signing_key_new(owner),
        };
        let ring = &props.key_state.ring;
        // "" is a new key for the person named; any other value is the did of a key here.
        let choose = props.dispatch.reform(|e: Event| {
            let value = e.target_dyn_into::<web_sys::HtmlSelectElement>().map(|s| s.value());
            match value.filter(|did| !did.is_empty()) {
                Some(did) => Msg::ChooseSigningKey(SignAs::Key(did)),
                None => Msg::ChooseSigningKey(SignAs::NewKey),
            }
        });
        let chosen = signing_key.map(|owned| owned.key.did().to_string()).unwrap_or_default();
        html! {
            <>
                <p class="sign-key-used"><strong>{ format!("{}: ", k.key_row) }</strong>{ used }</p>
                if own.is_none() && !ring.is_empty() {
                    <div class="field sign-as">
                        <label for="sign-as">{ k.sign_as }</label>
                        <select id="sign-as" onchange={choose}>
                            <option value="" selected={chosen.is_empty()}>{ lang.sign_as_new(owner) }</option>
                            { for ring.keys().iter().map(|owned| {
                                let did = owned.key.did().to_string();
                                html! {
                                    <option value={did.clone()} selected={did == chosen}>
                                        { format!("{} ({})", lang.key_owner_name(&owned.owner), owned.key.fingerprint()) }
                                    </option>
                                }
                            }) }
                        </select>
                    </div>
                }
            </>
        }
    }

    fn next_step(&self, signed: &Signed) -> Html {
        let props = self.props;
        let lang = props.lang;
        let s = lang.signing_texts();
        let file = props.assessment.export_file_name(&signed.created);
        html! {
            <section class="next-step" aria-labelledby="next-step-heading">
                <h3 id="next-step-heading">{ s.next_step }</h3>
                <p>{ lang.next_step(props.assessment.metadata.mode, &file) }</p>
                if let Some(instruction) = &props.instruction {
                    <p class="school-instruction"><strong>{ s.school_says }</strong>{ " " }{ instruction.to_string() }</p>
                }
                if props.signing.download_failed.as_deref() != Some(signed.created.as_str()) {
                    <p class="hint">{ s.saved_where }</p>
                }
            </section>
        }
    }
}

fn failure_text(lang: Lang, failure: &SignFailure) -> String {
    let t = lang.texts();
    let why = match failure {
        SignFailure::KeyUnreadable => t.key_unreadable.to_string(),
        SignFailure::KeyNotKept => t.key_not_kept.to_string(),
        SignFailure::NoRandomSource => t.sign_failed.to_string(),
        SignFailure::NoEd25519 => t.no_ed25519.to_string(),
        SignFailure::KeyMismatch => t.key_mismatch.to_string(),
        SignFailure::Record(error) => lang.record_error(error),
    };
    format!("{}: {why}", t.sign_failed)
}

impl<F: Fn(fn() -> Msg, Focus) -> Callback<MouseEvent>> Section<'_, F> {
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
            SigningStage::Incomplete(missing) => self.refusal(missing),
            SigningStage::Idle | SigningStage::ConfirmingNew => Html::default(),
        };
        let intro = if props.assessment.metadata.mode == Mode::SelfAssessment {
            lang.self_texts().sign_intro
        } else {
            t.sign_intro
        };
        html! {
            <section id="sign" class="card sign" aria-labelledby="sign-heading">
                <h2 id="sign-heading" tabindex="-1" ref={refs.heading.clone()}>{ lang.form_texts().sign_heading }</h2>
                if let Some(invited) = &props.assessment.invitation {
                    <p class="invited-by">
                        { lang.invited_by(&invited.issuer_name) }
                        { format!(" ({})", fingerprint(&invited.issuer)) }
                    </p>
                }
                <p>{ intro }</p>
                <KeyPanel {lang} key_state={props.key_state.clone()} owner={self.key_owner()} shown={self.signing_key().map(|owned| AttrValue::from(owned.key.did().to_string()))} zone={props.zone.clone()} dispatch={props.dispatch.clone()} />
                if *stage != SigningStage::Confirming {
                    <button type="button" class="primary sign-start" onclick={send(|| Msg::StartSigning, Focus::FirstOf(vec![refs.dialog.clone(), refs.refusal.clone()]))} ref={refs.start.clone()}>{ t.sign_start }</button>
                }
                { confirm }
            </section>
        }
    }

    /// Why signing waits: the empty fields every record must name, each a link to its field.
    fn refusal(&self, missing: &[MetadataField]) -> Html {
        let props = self.props;
        let lang = props.lang;
        let mode = props.assessment.metadata.mode;
        let link = |field: &MetadataField| {
            let id = format!("meta-{}", field.key());
            // A link to a field scrolls but leaves focus where it was; typing should go there.
            let onclick = {
                let id = id.clone();
                Callback::from(move |e: MouseEvent| {
                    let field = gloo::utils::document().get_element_by_id(&id);
                    if let Some(field) = field.and_then(|f| f.dyn_into::<HtmlElement>().ok()) {
                        e.prevent_default();
                        let _ = field.focus();
                    }
                })
            };
            html! { <li><a href={format!("#{id}")} {onclick}>{ lang.form_label(*field, mode) }</a></li> }
        };
        html! {
            <div class="notice notice-error sign-incomplete" role="alert" tabindex="-1" ref={self.refs.refusal.clone()}>
                <p>{ lang.signing_texts().incomplete }</p>
                <ul>{ for missing.iter().map(link) }</ul>
            </div>
        }
    }

    /// Who signs what for whom, as the record will name them.
    fn summary(&self, open: usize) -> Html {
        let props = self.props;
        let lang = props.lang;
        let (t, s) = (lang.form_texts(), lang.signing_texts());
        let m = &props.assessment.metadata;
        let fw = props.framework.framework();
        let row = |term: &str, value: Html| html! { <div><dt>{ term.to_string() }</dt><dd>{ value }</dd></div> };
        html! {
            <>
                <h3>{ s.confirm_heading }</h3>
                <dl class="sign-summary">
                    { row(s.signed_by, html! { lang.signer(m) }) }
                    { row(s.assessed, html! { lang.assessed_student(m) }) }
                    { row(s.framework, html! { <span lang={fw.language.clone()}>{ &fw.title }</span> }) }
                    { row(t.date, html! { m.date.clone() }) }
                    { row(s.still_open, html! { open.to_string() }) }
                </dl>
            </>
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
                { self.summary(unscored.len()) }
                { self.key_choice() }
                if unscored.is_empty() {
                    <p id="sign-confirm-heading">{ format!("{} {}", lang.none_open(props.not_observed), t.sign_question) }</p>
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
                    <button type="button" onclick={send(|| Msg::BackFromSigning, Focus::Node(refs.start.clone()))}>{ t.sign_back }</button>
                    <button type="button" class="primary sign-confirm-button" onclick={send(|| Msg::Sign, after_sign)}>
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
                || Msg::NewAfterSigning,
                Focus::ById { id: FIRST_FIELD_ID, fallback: refs.heading.clone() },
            )
        } else {
            send(|| Msg::NewAfterSigning, Focus::Node(refs.dialog.clone()))
        };
        // Only the key that signed is worth backing up here; a key imported since is not it.
        let signer_kept = props.key_state.ring.by_did(&signed.signer).is_some();
        let on_download = props.dispatch.reform(|_: MouseEvent| Msg::DownloadRecord);
        let on_copy = props.dispatch.reform(|_: MouseEvent| Msg::CopyRecord);
        let on_share = props.dispatch.reform(|_: MouseEvent| Msg::ShareRecord);
        html! {
            <section id="sign" class="card sign signed" aria-labelledby="sign-heading">
                <h2 id="sign-heading" tabindex="-1" ref={refs.heading.clone()}>{ t.signed_heading }</h2>
                <p class="signed-at">{ lang.signed_at(&signed.created, &props.zone, &fingerprint(&signed.signer)) }</p>
                if signing.download_failed.as_deref() == Some(signed.created.as_str()) {
                    <p class="notice notice-error download-failed" role="alert">{ t.record_download_failed }</p>
                }
                <div class="actions">
                    <button type="button" class="primary download-record" onclick={on_download}>{ t.download_again }</button>
                    <button type="button" class="copy-record" onclick={on_copy}>{ t.copy_json }</button>
                    if props.can_share {
                        <button type="button" class="share-record" onclick={on_share}>{ lang.signing_texts().share }</button>
                    }
                    <button type="button" class="new-assessment" onclick={on_new.clone()} ref={refs.new.clone()}>{ t.new_assessment }</button>
                </div>
                <div aria-live="polite">
                    if signing.copied == Some(true) { <p>{ t.copied }</p> }
                    if signing.copied == Some(false) { <p class="notice notice-warning">{ t.copy_failed }</p> }
                    if signing.shared == Some(true) { <p>{ lang.signing_texts().shared }</p> }
                    if signing.shared == Some(false) { <p class="notice notice-warning">{ lang.signing_texts().share_failed }</p> }
                </div>
                { self.next_step(signed) }
                if confirming {
                    <div class="notice notice-warning confirm" role="alertdialog" aria-labelledby="new-warning" tabindex="-1" ref={refs.dialog.clone()}>
                        <p id="new-warning">{ t.new_assessment_warning }</p>
                        <div class="actions">
                            <button type="button" class="danger confirm-new" onclick={on_new}>{ t.new_assessment }</button>
                            <button type="button" onclick={send(|| Msg::KeepSigned, Focus::Node(refs.new.clone()))}>{ t.cancel }</button>
                        </div>
                    </div>
                }
                if signer_kept {
                    <KeyPanel {lang} key_state={props.key_state.clone()} owner={self.key_owner()} shown={AttrValue::from(signed.signer.clone())} zone={props.zone.clone()} dispatch={props.dispatch.clone()} after_signing={true} />
                }
            </section>
        }
    }
}
