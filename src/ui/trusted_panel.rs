//! The docent's trusted assessors in the verify view: the list with each key's fingerprint, its
//! names changed in place, import and signed export; the confirmation before a record's signer
//! joins it; and the line beside a verified record's verdict that says whether its signer is known.

use web_sys::{HtmlInputElement, KeyboardEvent};
use yew::prelude::*;

use super::dom_id;
use super::file_picker::FilePicker;
use super::key_of_other::KeyOfOther;
use crate::core::app::{
    FilePurpose, HogeschoolSigner, Kept, Msg, TrustedMsg, TrustedNotice, TrustedState,
};
use crate::core::assessment::Mode;
use crate::core::credentials::trusted::TrustedAssessor;
use crate::core::crypto::signing_key::fingerprint;
use crate::core::record::RecordReport;
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct TrustedPanelProps {
    pub lang: Lang,
    pub state: TrustedState,
    /// The key that would sign the list for the docent named; none yet.
    pub signer: HogeschoolSigner,
    pub dispatch: Callback<Msg>,
}

fn send(dispatch: &Callback<Msg>, msg: TrustedMsg) -> Callback<MouseEvent> {
    let dispatch = dispatch.clone();
    Callback::from(move |_: MouseEvent| dispatch.emit(Msg::Trusted(msg.clone())))
}

fn on_text(dispatch: &Callback<Msg>, msg: fn(String) -> TrustedMsg) -> Callback<InputEvent> {
    dispatch.reform(move |e: InputEvent| {
        let input: HtmlInputElement = e.target_unchecked_into();
        Msg::Trusted(msg(input.value()))
    })
}

/// *Vertrouwde beoordelaars*: who is on the list, and moving the list in and out as a signed file.
#[function_component]
pub fn TrustedPanel(props: &TrustedPanelProps) -> Html {
    let lang = props.lang;
    let t = lang.trusted_texts();
    let state = &props.state;
    let dispatch = &props.dispatch;
    let on_import = dispatch.reform(|files| Msg::FilesChosen(FilePurpose::TrustedList, files));
    {
        // Opened, the row's name field takes the focus (the button that opened it is gone);
        // saved or cancelled, the row's Wijzigen button takes it back.
        let editing = state.editing.as_ref().map(|e| e.did.clone());
        let was = use_mut_ref(|| None::<String>);
        use_effect_with(editing, move |editing| {
            let before = std::mem::replace(&mut *was.borrow_mut(), editing.clone());
            let target = match (before, editing) {
                (_, Some(_)) => Some(EDIT_NAME_ID.to_string()),
                (Some(did), None) => Some(dom_id("trusted-edit", &did)),
                (None, None) => None,
            };
            let element = target.and_then(|id| gloo::utils::document().get_element_by_id(&id));
            if let Some(element) =
                element.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
            {
                let _ = element.focus();
            }
        });
    }
    let row = |a: &TrustedAssessor| {
        if let Some(editing) = state.editing.as_ref().filter(|e| e.did == a.did) {
            return edit_row(lang, editing, dispatch);
        }
        html! {
            <tr key={a.did.clone()}>
                <th scope="row">{ a.name.clone() }</th>
                <td>{ a.organisation.clone().unwrap_or_default() }</td>
                <td class="key-fingerprint nowrap">{ fingerprint(&a.did) }</td>
                <td>
                    <div class="button-row">
                        <button type="button" class="button-secondary" id={dom_id("trusted-edit", &a.did)} aria-label={lang.change_assessor_label(&a.name)} onclick={send(dispatch, TrustedMsg::Edit(a.did.clone()))}>
                            { t.change }
                        </button>
                        <button type="button" class="button-secondary" aria-label={lang.remove_assessor_label(&a.name)} onclick={send(dispatch, TrustedMsg::Remove(a.did.clone()))}>
                            { t.remove }
                        </button>
                    </div>
                </td>
            </tr>
        }
    };
    html! {
        <section class="card trusted-panel" aria-labelledby="trusted-heading">
            <h2 id="trusted-heading">{ t.heading }</h2>
            <p>{ t.intro }</p>
            { kept_notice(lang, state, dispatch) }
            <div role="status" class="trusted-status">
                if let Some(notice) = &state.notice {
                    <p class={classes!("notice", notice_class(notice))}>
                        { lang.trusted_notice(notice) }
                        if matches!(notice, TrustedNotice::Removed(_)) && state.removed.is_some() {
                            { " " }
                            <button type="button" class="button-secondary" onclick={send(dispatch, TrustedMsg::UndoRemove)}>{ t.undo }</button>
                        }
                    </p>
                }
            </div>
            if state.list.assessors.is_empty() {
                <p class="trusted-empty">{ t.empty }</p>
            } else {
                <div class="table-scroll" tabindex="0" role="region" aria-label={t.caption}>
                    <table class="trusted-table">
                        <caption class="visually-hidden">{ t.caption }</caption>
                        <thead>
                            <tr>
                                <th scope="col">{ t.name }</th>
                                <th scope="col">{ t.organisation }</th>
                                <th scope="col">{ t.fingerprint }</th>
                                <th scope="col">{ t.actions }</th>
                            </tr>
                        </thead>
                        <tbody>{ for state.list.assessors.iter().map(row) }</tbody>
                    </table>
                </div>
            }
            <div class="trusted-export">
                <label for="trusted-docent">{ t.docent_name }</label>
                <input id="trusted-docent" type="text" autocomplete="name" value={state.docent.to_string()} oninput={on_text(dispatch, TrustedMsg::DocentName)} />
                <p class="hint">{ t.export_hint }</p>
                <KeyOfOther {lang} signer={props.signer.clone()} name={state.docent.to_string()} id="trusted" dispatch={dispatch.clone()} />
                <button type="button" onclick={send(dispatch, TrustedMsg::Export)}>{ t.export }</button>
            </div>
            <div class="trusted-import">
                <p class="hint">{ t.import_hint }</p>
                <FilePicker {lang} id="trusted-file" label={t.import} on_chosen={on_import} />
            </div>
        </section>
    }
}

/// The id of the name field of the row being changed (one at a time).
const EDIT_NAME_ID: &str = "trusted-edit-name";

/// A row while the docent changes its name or organisation: the key stays, so the fingerprint
/// shows as it was. Enter saves and Escape cancels, as in the fields of a form.
fn edit_row(lang: Lang, editing: &TrustedAssessor, dispatch: &Callback<Msg>) -> Html {
    let t = lang.trusted_texts();
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
        <tr key={editing.did.clone()} class="trusted-editing">
            <th scope="row">
                <input type="text" id={EDIT_NAME_ID} required=true aria-label={t.name}
                    value={editing.name.clone()} aria-invalid={name_empty.then_some("true")}
                    aria-describedby={name_empty.then(|| needed_id.clone())}
                    oninput={on_text(dispatch, TrustedMsg::EditName)} onkeydown={on_key.clone()} />
                if name_empty {
                    <p id={needed_id} class="hint">{ t.name_needed }</p>
                }
            </th>
            <td>
                <input type="text" aria-label={t.organisation_optional}
                    value={editing.organisation.clone().unwrap_or_default()}
                    oninput={on_text(dispatch, TrustedMsg::EditOrganisation)} onkeydown={on_key} />
            </td>
            <td class="key-fingerprint nowrap">{ fingerprint(&editing.did) }</td>
            <td>
                <div class="button-row">
                    <button type="button" disabled={name_empty} onclick={send(dispatch, TrustedMsg::SaveEdit)}>{ t.save }</button>
                    <button type="button" class="button-secondary" onclick={send(dispatch, TrustedMsg::CancelEdit)}>{ t.cancel }</button>
                </div>
            </td>
        </tr>
    }
}

fn notice_class(notice: &TrustedNotice) -> &'static str {
    match notice {
        TrustedNotice::Added(_)
        | TrustedNotice::Removed(_)
        | TrustedNotice::Changed(_)
        | TrustedNotice::Imported { .. }
        | TrustedNotice::Exported(_)
        | TrustedNotice::AlreadyListed(_) => "notice-info",
        _ => "notice-error",
    }
}

fn kept_notice(lang: Lang, state: &TrustedState, dispatch: &Callback<Msg>) -> Html {
    let t = lang.trusted_texts();
    match &state.kept {
        Kept::Saved => Html::default(),
        Kept::Failed => html! { <p class="notice notice-warning">{ t.kept_failed }</p> },
        Kept::Unreadable(_) => html! {
            <div class="notice notice-warning">
                <p>{ t.kept_unreadable }</p>
                <button type="button" class="button-secondary" onclick={send(dispatch, TrustedMsg::DownloadUnreadable)}>{ t.download_unreadable }</button>
                { " " }
                <button type="button" class="button-secondary" onclick={send(dispatch, TrustedMsg::ReplaceUnreadable)}>{ t.replace_unreadable }</button>
            </div>
        },
    }
}

#[derive(Properties, PartialEq)]
pub struct PendingAddProps {
    pub lang: Lang,
    pub state: TrustedState,
    pub dispatch: Callback<Msg>,
}

/// The fingerprint to confirm by phone before a record's signer joins the list, with the name the
/// record gives, which the docent may correct. Takes focus when it opens, since the button that
/// opened it is gone, and gives it back to the signer's line when it closes.
#[function_component]
pub fn PendingAdd(props: &PendingAddProps) -> Html {
    let heading = use_node_ref();
    let was_open = use_mut_ref(|| false);
    let did = props.state.pending.as_ref().map(|p| p.did.clone());
    {
        let heading = heading.clone();
        use_effect_with(did, move |did| {
            if did.is_some() {
                *was_open.borrow_mut() = true;
                if let Some(element) = heading.cast::<web_sys::HtmlElement>() {
                    let _ = element.focus();
                }
            } else if std::mem::take(&mut *was_open.borrow_mut()) {
                // Added or cancelled: the form is gone, so focus returns to the signer's line,
                // which now says what became of them.
                let line = gloo::utils::document().get_element_by_id("signer-standing");
                if let Some(line) = line
                    .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
                {
                    let _ = line.focus();
                }
            }
        });
    }
    let Some(pending) = &props.state.pending else { return Html::default() };
    let lang = props.lang;
    let t = lang.trusted_texts();
    let dispatch = &props.dispatch;
    let name_empty = pending.name.trim().is_empty();
    let onsubmit = dispatch.reform(|e: SubmitEvent| {
        e.prevent_default();
        Msg::Trusted(TrustedMsg::ConfirmAdd)
    });
    html! {
        <form class="card trusted-confirm" aria-labelledby="trusted-confirm-heading" {onsubmit}>
            <h3 id="trusted-confirm-heading" tabindex="-1" ref={heading}>{ t.confirm_heading }</h3>
            <p>{ t.confirm_text }</p>
            <p class="key-fingerprint trusted-confirm-fingerprint">{ fingerprint(&pending.did) }</p>
            <label for="trusted-pending-name">{ t.name }</label>
            <input id="trusted-pending-name" type="text" required=true value={pending.name.clone()}
                aria-describedby={name_empty.then_some("trusted-pending-name-needed")}
                oninput={on_text(dispatch, TrustedMsg::PendingName)} />
            if name_empty {
                <p id="trusted-pending-name-needed" class="hint">{ t.name_needed }</p>
            }
            <label for="trusted-pending-organisation">{ t.organisation_optional }</label>
            <input id="trusted-pending-organisation" type="text" value={pending.organisation.clone().unwrap_or_default()}
                oninput={on_text(dispatch, TrustedMsg::PendingOrganisation)} />
            <div class="button-row">
                <button type="submit">{ t.confirm_add }</button>
                <button type="button" class="button-secondary" onclick={send(dispatch, TrustedMsg::CancelAdd)}>{ t.cancel }</button>
            </div>
        </form>
    }
}

/// Beside a record's verdict: whether its signer is known, and for a valid record from a key not
/// on the list, the way to add it. `invitation` is the record's own reference.
pub fn standing_line(
    lang: Lang,
    state: &TrustedState,
    report: &RecordReport,
    dispatch: &Callback<Msg>,
) -> Html {
    let t = lang.trusted_texts();
    let Some(proof) = report.proof.as_ref().filter(|_| report.is_valid()) else {
        return Html::default();
    };
    let standing = state.standing(&proof.did, report.invitation());
    let class = if standing.trusted.is_some() {
        "is-trusted"
    } else if standing.invited {
        "is-invited"
    } else {
        "is-unknown"
    };
    let propose = report.record.as_ref().filter(|_| standing.trusted.is_none()).map(|record| {
        let name = if record.mode == Mode::SelfAssessment && record.assessor.name.trim().is_empty()
        {
            record.subject.name.clone()
        } else {
            record.assessor.name.clone()
        };
        let organisation = Some(record.assessor.organisation.clone());
        TrustedMsg::Propose { did: proof.did.clone(), name, organisation }
    });
    html! {
        <div id="signer-standing" tabindex="-1" class={classes!("signer-standing", class)}>
            <p>
                <strong>{ format!("{}: ", t.standing) }</strong>
                <span class="signer-standing-label">{ lang.standing_label(&standing) }</span>
                { " · " }{ lang.trusted_texts().fingerprint }{ " " }
                <span class="key-fingerprint">{ fingerprint(&proof.did) }</span>
            </p>
            if standing.is_unknown() {
                <p class="hint">{ t.unknown_detail }</p>
            } else if standing.invited && standing.trusted.is_none() {
                <p class="hint">{ t.invited_detail }</p>
            }
            if let Some(propose) = propose {
                if state.pending.as_ref().map(|p| &p.did) != Some(&proof.did) {
                    <button type="button" class="button-secondary" onclick={send(dispatch, propose)}>{ t.add }</button>
                }
            }
        </div>
    }
}
