//! Who issues deelcertificaten: the hogeschool's name and, where it publishes one, its did:web,
//! with the did.json to publish for it. Both are kept in this browser across reloads.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::core::app::badges::BadgesState;
use crate::core::app::{BadgesMsg, Msg};
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct IssuerFieldsProps {
    pub lang: Lang,
    pub state: BadgesState,
    pub dispatch: Callback<Msg>,
}

#[function_component]
pub fn IssuerFields(props: &IssuerFieldsProps) -> Html {
    let lang = props.lang;
    let b = lang.badges_texts();
    let t = lang.cohort_badges_texts();
    let state = &props.state;
    let input = |make: fn(String) -> BadgesMsg| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                dispatch.emit(Msg::Badges(make(input.value())));
            }
        })
    };
    let send = |msg: BadgesMsg| {
        let dispatch = props.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Msg::Badges(msg.clone())))
    };
    let did_problem = state.did_web().err();
    let did_described = if did_problem.is_some() {
        "badges-did-web-hint badges-did-web-problem"
    } else {
        "badges-did-web-hint"
    };
    let did_json = match (&state.published, state.did_web()) {
        (Some(published), _) => html! {
            <details class="did-json" open=true>
                <summary>{ t.did_json_heading }</summary>
                <p class="did-json-where">{ lang.did_json_publish_at(&published.url) }</p>
                <label for="did-json-text">{ t.did_json_label }</label>
                <textarea id="did-json-text" class="did-json-text" readonly=true rows="14"
                    value={published.text.clone()} />
                <div class="actions">
                    <button type="button" class="did-json-copy" onclick={send(BadgesMsg::CopyDidJson)}>{ t.copy }</button>
                    <button type="button" class="did-json-download" onclick={send(BadgesMsg::DownloadDidJson)}>{ t.download }</button>
                </div>
                <p role="status">{ match state.did_json_copied {
                    Some(true) => t.copied,
                    Some(false) => t.copy_failed,
                    None => "",
                } }</p>
                if state.did_json_download_failed {
                    <p class="notice notice-error" role="alert">{ t.download_failed }</p>
                }
            </details>
        },
        (None, Ok(Some(_))) => html! { <p class="hint did-json-no-key">{ t.no_key }</p> },
        (None, _) => Html::default(),
    };
    html! {
        <div class="issuer-fields">
            <div class="field">
                <label for="badges-hogeschool">{ b.hogeschool }</label>
                <input id="badges-hogeschool" type="text" autocomplete="organization" maxlength="200"
                    aria-describedby="badges-hogeschool-hint"
                    value={state.hogeschool.clone()} oninput={input(BadgesMsg::SetHogeschool)} />
                <p id="badges-hogeschool-hint" class="hint">{ b.hogeschool_hint }</p>
            </div>
            <div class="field">
                <label for="badges-did-web">{ t.did_web }</label>
                <input id="badges-did-web" type="text" autocomplete="off" spellcheck="false"
                    maxlength="400" aria-describedby={did_described}
                    aria-invalid={did_problem.is_some().then_some("true")}
                    value={state.did_web.clone()} oninput={input(BadgesMsg::SetDidWeb)} />
                <p id="badges-did-web-hint" class="hint">{ t.did_web_hint }</p>
                if let Some(problem) = &did_problem {
                    <p id="badges-did-web-problem" class="field-error">{ lang.did_web_problem(problem) }</p>
                }
            </div>
            if state.not_kept {
                <p class="notice notice-error" role="alert">{ t.not_kept }</p>
            }
            { did_json }
        </div>
    }
}
