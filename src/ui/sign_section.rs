use std::rc::Rc;

use yew::platform::spawn_local;
use yew::prelude::*;

use super::dom_id;
use super::key_panel::{use_focus_after_render, Focus, KeyPanel};
use super::state::{AppState, Msg};
use crate::core::assessment::{Action, Assessment, Mode};
use crate::core::crypto::signing_key::{fingerprint, SigningKey};
use crate::core::framework::hashed::HashedFramework;
use crate::core::record::export::sign_assessment;
use crate::i18n::Lang;
use crate::web::keystore::{self, Stored};
use crate::web::{clipboard, clock, download, embed, random};

#[derive(Properties, PartialEq)]
pub struct SignSectionProps {
    pub lang: Lang,
    pub framework: Rc<HashedFramework>,
    pub assessment: Assessment,
    pub key_state: Stored,
    pub on_key: Callback<Stored>,
    pub dispatcher: UseReducerDispatcher<AppState>,
}

/// The metadata form's first field, where a new assessment begins.
const FIRST_FIELD_ID: &str = "meta-student-name";

#[derive(Clone, PartialEq)]
enum Stage {
    Idle,
    /// The list of open indicators is shown; signing waits for the user's yes.
    Confirming,
    Failed(String),
}

#[derive(Clone, PartialEq)]
enum Copy {
    Idle,
    Done,
    Failed,
}

/// The key to sign with: the kept one, or a new one made and kept now. Never a key that could not
/// be kept, since records signed with a lost key could never be followed by more from the same
/// signer.
fn key_for_signing(
    lang: Lang,
    state: &Stored,
    on_key: &Callback<Stored>,
) -> Result<SigningKey, String> {
    let t = lang.texts();
    match state {
        Stored::Key(key) => Ok(key.clone()),
        Stored::Unreadable => Err(t.key_unreadable.to_string()),
        Stored::Unavailable => Err(t.key_not_kept.to_string()),
        Stored::None => {
            let seed = random::seed().ok_or_else(|| t.sign_failed.to_string())?;
            let key = SigningKey::from_seed(seed, &clock::now_rfc3339());
            keystore::save(&key).map_err(|_| t.key_not_kept.to_string())?;
            on_key.emit(Stored::Key(key.clone()));
            Ok(key)
        }
    }
}

#[function_component]
pub fn SignSection(props: &SignSectionProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let stage = use_state(|| Stage::Idle);
    let copy = use_state(|| Copy::Idle);
    // The browser refused to make the file of the record signed at this time; the assessment
    // stays signed, and copying is the way out. Keyed by the time, so that another assessment
    // opened here does not inherit the message.
    let download_failed = use_state(|| None::<String>);
    let fw = props.framework.framework();
    // Each of these actions removes or replaces the button that was pressed, so focus is moved on
    // purpose: to the dialog that opened, back to the button that opened it, or to what replaced
    // the section.
    let focus_next = use_focus_after_render();
    let heading_ref = use_node_ref();
    let dialog_ref = use_node_ref();
    let start_ref = use_node_ref();
    let new_ref = use_node_ref();
    let ask_focus = {
        let focus_next = focus_next.clone();
        move |node: &NodeRef| *focus_next.borrow_mut() = Some(Focus::Node(node.clone()))
    };

    let on_start = {
        let stage = stage.clone();
        let ask_focus = ask_focus.clone();
        let dialog_ref = dialog_ref.clone();
        Callback::from(move |_: MouseEvent| {
            ask_focus(&dialog_ref);
            stage.set(Stage::Confirming)
        })
    };
    let on_back = {
        let stage = stage.clone();
        let ask_focus = ask_focus.clone();
        let start_ref = start_ref.clone();
        Callback::from(move |_: MouseEvent| {
            ask_focus(&start_ref);
            stage.set(Stage::Idle)
        })
    };
    let on_sign = {
        let stage = stage.clone();
        let download_failed = download_failed.clone();
        let ask_focus = ask_focus.clone();
        let heading_ref = heading_ref.clone();
        let start_ref = start_ref.clone();
        let framework = props.framework.clone();
        let assessment = props.assessment.clone();
        let key_state = props.key_state.clone();
        let on_key = props.on_key.clone();
        let dispatcher = props.dispatcher.clone();
        Callback::from(move |_: MouseEvent| {
            let signed = key_for_signing(lang, &key_state, &on_key).and_then(|key| {
                let record_id =
                    random::record_id().ok_or_else(|| lang.texts().sign_failed.to_string())?;
                sign_assessment(&framework, &assessment, &key, &clock::now_rfc3339(), &record_id)
                    .map_err(|e| lang.record_error(&e))
            });
            match signed {
                Ok(signed) => {
                    let name = assessment.export_file_name(&signed.created);
                    let made = download::text_file(&name, "application/json", &signed.record);
                    download_failed.set(made.is_err().then(|| signed.created.clone()));
                    embed::post_record(&signed.record);
                    dispatcher.dispatch(Msg::Edit(Action::Seal(signed)));
                    ask_focus(&heading_ref);
                    stage.set(Stage::Idle);
                }
                Err(why) => {
                    // The alert is read out; focus waits on the button to try again.
                    ask_focus(&start_ref);
                    stage.set(Stage::Failed(why))
                }
            }
        })
    };

    if let Some(signed) = &props.assessment.signed {
        let name = props.assessment.export_file_name(&signed.created);
        let record = signed.record.clone();
        let on_download = {
            let record = record.clone();
            let created = signed.created.clone();
            let download_failed = download_failed.clone();
            Callback::from(move |_: MouseEvent| {
                let made = download::text_file(&name, "application/json", &record);
                download_failed.set(made.is_err().then(|| created.clone()));
            })
        };
        let on_copy = {
            let copy = copy.clone();
            Callback::from(move |_: MouseEvent| {
                let copy = copy.clone();
                let record = record.clone();
                spawn_local(async move {
                    copy.set(if clipboard::copy(&record).await {
                        Copy::Done
                    } else {
                        Copy::Failed
                    });
                });
            })
        };
        let on_new = {
            let dispatcher = props.dispatcher.clone();
            let framework = fw.clone();
            let stage = stage.clone();
            let copy = copy.clone();
            let ask_focus = ask_focus.clone();
            let focus_next = focus_next.clone();
            let dialog_ref = dialog_ref.clone();
            let heading_ref = heading_ref.clone();
            Callback::from(move |_: MouseEvent| {
                if *stage == Stage::Confirming {
                    let entry = super::app::fresh_entry(&framework);
                    dispatcher.dispatch(Msg::Open { entry, is_new: true });
                    // The new assessment starts at its first field; where the section stands
                    // without the form, at the section's own heading.
                    *focus_next.borrow_mut() =
                        Some(Focus::ById { id: FIRST_FIELD_ID, fallback: heading_ref.clone() });
                    copy.set(Copy::Idle);
                    stage.set(Stage::Idle);
                } else {
                    ask_focus(&dialog_ref);
                    stage.set(Stage::Confirming);
                }
            })
        };
        let on_keep = {
            let stage = stage.clone();
            let ask_focus = ask_focus.clone();
            let new_ref = new_ref.clone();
            Callback::from(move |_: MouseEvent| {
                ask_focus(&new_ref);
                stage.set(Stage::Idle)
            })
        };
        // Only the key that signed is worth backing up here; a key imported since is not it.
        let signer_kept =
            matches!(&props.key_state, Stored::Key(key) if key.did() == signed.signer);
        return html! {
            <section id="sign" class="card sign signed" aria-labelledby="sign-heading">
                <h2 id="sign-heading" tabindex="-1" ref={heading_ref}>{ t.signed_heading }</h2>
                <p class="signed-at">{ lang.signed_at(&signed.created, &fingerprint(&signed.signer)) }</p>
                if download_failed.as_deref() == Some(signed.created.as_str()) {
                    <p class="notice notice-error download-failed" role="alert">{ t.record_download_failed }</p>
                }
                <div class="actions">
                    <button type="button" class="primary download-record" onclick={on_download}>{ t.download_again }</button>
                    <button type="button" class="copy-record" onclick={on_copy}>{ t.copy_json }</button>
                    <button type="button" class="new-assessment" onclick={on_new.clone()} ref={new_ref}>{ t.new_assessment }</button>
                </div>
                <div aria-live="polite">
                    if *copy == Copy::Done { <p>{ t.copied }</p> }
                    if *copy == Copy::Failed { <p class="notice notice-warning">{ t.copy_failed }</p> }
                </div>
                if *stage == Stage::Confirming {
                    <div class="notice notice-warning confirm" role="alertdialog" aria-labelledby="new-warning" tabindex="-1" ref={dialog_ref}>
                        <p id="new-warning">{ t.new_assessment_warning }</p>
                        <div class="actions">
                            <button type="button" class="danger confirm-new" onclick={on_new}>{ t.new_assessment }</button>
                            <button type="button" onclick={on_keep}>{ t.cancel }</button>
                        </div>
                    </div>
                }
                if signer_kept {
                    <KeyPanel {lang} key_state={props.key_state.clone()} on_key={props.on_key.clone()} after_signing={true} />
                }
            </section>
        };
    }

    let unscored = props.assessment.unscored(fw);
    let confirm = match &*stage {
        Stage::Idle => Html::default(),
        Stage::Failed(why) => html! {
            <p class="notice notice-error" role="alert">{ format!("{}: {why}", t.sign_failed) }</p>
        },
        Stage::Confirming => html! {
            <div class="confirm sign-confirm" role="alertdialog" aria-labelledby="sign-confirm-heading" tabindex="-1" ref={dialog_ref}>
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
                    <button type="button" onclick={on_back}>{ t.sign_back }</button>
                    <button type="button" class="primary sign-confirm-button" onclick={on_sign}>
                        { if unscored.is_empty() { t.sign_confirm.to_string() } else { lang.sign_with_unscored(unscored.len()) } }
                    </button>
                </div>
            </div>
        },
    };
    html! {
        <section id="sign" class="card sign" aria-labelledby="sign-heading">
            <h2 id="sign-heading" tabindex="-1" ref={heading_ref}>{ t.sign_heading }</h2>
            <p>
                { if props.assessment.metadata.mode == Mode::SelfAssessment { lang.self_texts().sign_intro } else { t.sign_intro } }
            </p>
            <KeyPanel {lang} key_state={props.key_state.clone()} on_key={props.on_key.clone()} />
            if *stage != Stage::Confirming {
                <button type="button" class="primary sign-start" onclick={on_start} ref={start_ref}>{ t.sign_start }</button>
            }
            { confirm }
        </section>
    }
}
