use std::rc::Rc;

use yew::platform::spawn_local;
use yew::prelude::*;

use super::dom_id;
use super::key_panel::KeyPanel;
use super::state::{AppState, Msg};
use crate::core::assessment::{Action, Assessment};
use crate::core::export::sign_assessment;
use crate::core::record::HashedFramework;
use crate::core::signing_key::{fingerprint, SigningKey};
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
    let fw = props.framework.framework();

    let on_start = {
        let stage = stage.clone();
        Callback::from(move |_: MouseEvent| stage.set(Stage::Confirming))
    };
    let on_back = {
        let stage = stage.clone();
        Callback::from(move |_: MouseEvent| stage.set(Stage::Idle))
    };
    let on_sign = {
        let stage = stage.clone();
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
                    let _ = download::text_file(&name, "application/json", &signed.record);
                    embed::post_record(&signed.record);
                    dispatcher.dispatch(Msg::Edit(Action::Seal(signed)));
                    stage.set(Stage::Idle);
                }
                Err(why) => stage.set(Stage::Failed(why)),
            }
        })
    };

    if let Some(signed) = &props.assessment.signed {
        let name = props.assessment.export_file_name(&signed.created);
        let record = signed.record.clone();
        let on_download = {
            let record = record.clone();
            Callback::from(move |_: MouseEvent| {
                let _ = download::text_file(&name, "application/json", &record);
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
            Callback::from(move |_: MouseEvent| {
                if *stage == Stage::Confirming {
                    let entry = super::app::fresh_entry(&framework);
                    dispatcher.dispatch(Msg::Open { entry, is_new: true });
                    stage.set(Stage::Idle);
                } else {
                    stage.set(Stage::Confirming);
                }
            })
        };
        let on_keep = on_back.clone();
        return html! {
            <section id="sign" class="card sign signed" aria-labelledby="sign-heading">
                <h2 id="sign-heading">{ t.signed_heading }</h2>
                <p class="signed-at">{ lang.signed_at(&signed.created, &fingerprint(&signed.signer)) }</p>
                <div class="actions">
                    <button type="button" class="primary download-record" onclick={on_download}>{ t.download_again }</button>
                    <button type="button" class="copy-record" onclick={on_copy}>{ t.copy_json }</button>
                    <button type="button" class="new-assessment" onclick={on_new.clone()}>{ t.new_assessment }</button>
                </div>
                <div aria-live="polite">
                    if *copy == Copy::Done { <p>{ t.copied }</p> }
                    if *copy == Copy::Failed { <p class="notice notice-warning">{ t.copy_failed }</p> }
                </div>
                if *stage == Stage::Confirming {
                    <div class="notice notice-warning confirm" role="alertdialog" aria-labelledby="new-warning">
                        <p id="new-warning">{ t.new_assessment_warning }</p>
                        <div class="actions">
                            <button type="button" class="danger confirm-new" onclick={on_new}>{ t.new_assessment }</button>
                            <button type="button" onclick={on_keep}>{ t.cancel }</button>
                        </div>
                    </div>
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
            <div class="confirm sign-confirm" role="alertdialog" aria-labelledby="sign-confirm-heading">
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
            <h2 id="sign-heading">{ t.sign_heading }</h2>
            <p>{ t.sign_intro }</p>
            <KeyPanel {lang} key_state={props.key_state.clone()} on_key={props.on_key.clone()} />
            if *stage != Stage::Confirming {
                <button type="button" class="primary sign-start" onclick={on_start}>{ t.sign_start }</button>
            }
            { confirm }
        </section>
    }
}
