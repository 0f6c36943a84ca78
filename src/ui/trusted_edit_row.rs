//! A row of the trusted assessors' table while the docent changes its name or organisation: the
//! key stays, so the fingerprint shows as it was. Enter saves and Escape cancels, as in the
//! fields of a form.

use web_sys::{HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

use super::dom_id;
use crate::core::app::{Msg, TrustedMsg};
use crate::core::credentials::trusted::TrustedAssessor;
use crate::core::crypto::signing_key::fingerprint;
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct TrustedEditRowProps {
    pub lang: Lang,
    /// As typed so far.
    pub editing: TrustedAssessor,
    pub dispatch: Callback<Msg>,
}

#[function_component]
pub fn TrustedEditRow(props: &TrustedEditRowProps) -> Html {
    let name_field = use_node_ref();
    {
        // The button that opened the row is gone: the name takes the focus.
        let name_field = name_field.clone();
        use_effect_with((), move |_| {
            if let Some(input) = name_field.cast::<HtmlInputElement>() {
                let _ = input.focus();
            }
        });
    }
    let lang = props.lang;
    let t = lang.trusted_texts();
    let editing = &props.editing;
    let dispatch = &props.dispatch;
    let send = |msg: TrustedMsg| {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(Msg::Trusted(msg.clone())))
    };
    let on_text = |msg: fn(String) -> TrustedMsg| {
        dispatch.reform(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            Msg::Trusted(msg(input.value()))
        })
    };
    let on_key = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "Enter" => {
                e.prevent_default();
                dispatch.emit(Msg::Trusted(TrustedMsg::SaveEdit));
            }
            "Escape" => dispatch.emit(Msg::Trusted(TrustedMsg::CancelEdit)),
            _ => {}
        })
    };
    let name_empty = editing.name.trim().is_empty();
    let needed_id = dom_id("trusted-name-needed", &editing.did);
    html! {
        <tr class="trusted-editing">
            <th scope="row">
                <input type="text" class="trusted-edit-name" ref={name_field} required=true aria-label={t.name}
                    value={editing.name.clone()} aria-invalid={name_empty.then_some("true")}
                    aria-describedby={name_empty.then(|| needed_id.clone())}
                    oninput={on_text(TrustedMsg::EditName)} onkeydown={on_key.clone()} />
                if name_empty {
                    <p id={needed_id} class="hint">{ t.name_needed }</p>
                }
            </th>
            <td>
                <input type="text" class="trusted-edit-organisation" aria-label={t.organisation_optional}
                    value={editing.organisation.clone().unwrap_or_default()}
                    oninput={on_text(TrustedMsg::EditOrganisation)} onkeydown={on_key} />
            </td>
            <td class="key-fingerprint nowrap">{ fingerprint(&editing.did) }</td>
            <td>
                <div class="button-row">
                    <button type="button" disabled={name_empty} onclick={send(TrustedMsg::SaveEdit)}>{ t.save }</button>
                    <button type="button" class="button-secondary" onclick={send(TrustedMsg::CancelEdit)}>{ t.cancel }</button>
                </div>
            </td>
        </tr>
    }
}
