//! The signing key: what it is, whose it is and its fingerprint, the did:key for whoever asks, a
//! backup to download and, out of the way, a backup to import. Below it every key on this
//! device, each with its owner, to back up or remove: a shared tablet holds one per assessor.

use std::rc::Rc;

use yew::prelude::*;

use super::file_picker::FilePicker;
use super::focus::{use_focus_after_render, Focus};
use crate::core::app::{FilePurpose, KeyImport, KeyState, KeyStatus, Msg, OwnedKey};
use crate::core::zone::Zone;
use crate::i18n::{local_time, Lang};

#[derive(Properties, PartialEq)]
pub struct KeyPanelProps {
    pub lang: Lang,
    pub key_state: KeyState,
    pub dispatch: Callback<Msg>,
    /// Who signs the open assessment, where typed: the key is shown as theirs.
    #[prop_or_default]
    pub owner: Option<AttrValue>,
    /// Shown right after signing: the key that signed is to be backed up now, and importing
    /// another key over it belongs before the next signing, not here.
    #[prop_or_default]
    pub after_signing: bool,
    /// The did of the key this panel is about: the one that signs for the owner (or signed).
    #[prop_or_default]
    pub shown: Option<AttrValue>,
    /// The user's time zone, for when each key was made.
    pub zone: Rc<Zone>,
}

#[function_component]
pub fn KeyPanel(props: &KeyPanelProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let heading_ref = use_node_ref();
    let dialog_ref = use_node_ref();
    let input_ref = use_node_ref();
    let focus_next = use_focus_after_render();
    let remove_dialog_ref = use_node_ref();
    let keys_heading_ref = use_node_ref();
    // Removing a key asks in a dialog: focus goes there.
    {
        let remove_dialog_ref = remove_dialog_ref.clone();
        use_effect_with(props.key_state.removing.is_some(), move |asking| {
            if *asking {
                Focus::Node(remove_dialog_ref).apply();
            }
        });
    }
    // Importing is the rare path (a second device, a new browser): it waits behind a secondary
    // control, so the page's one strong action stays signing. Opening it changes nothing else,
    // which is why it is the panel's own state and not the model's.
    let import_open = use_state(|| false);
    let toggle_import = {
        let import_open = import_open.clone();
        Callback::from(move |_: MouseEvent| import_open.set(!*import_open))
    };
    // A key file that would replace the present key opens a dialog: focus goes there.
    let confirming = matches!(props.key_state.import, KeyImport::Confirm(_));
    {
        let dialog_ref = dialog_ref.clone();
        use_effect_with(confirming, move |confirming| {
            if *confirming {
                Focus::Node(dialog_ref).apply();
            }
        });
    }
    // The dialog goes away either way: after replacing, the panel's heading leads to the new
    // key's facts; after cancelling, focus returns to the file input the import began from.
    let answer = |msg: fn() -> Msg, target: &NodeRef| {
        let dispatch = props.dispatch.clone();
        let focus_next = focus_next.clone();
        let target = target.clone();
        Callback::from(move |_: MouseEvent| {
            *focus_next.borrow_mut() = Some(Focus::Node(target.clone()));
            dispatch.emit(msg());
        })
    };
    let import_status = match &props.key_state.import {
        KeyImport::Idle => Html::default(),
        KeyImport::Done => {
            html! { <p class="key-import-status" role="status">{ t.key_imported }</p> }
        }
        KeyImport::FileUnreadable => import_failed(t.file_unreadable.to_string()),
        KeyImport::Invalid(error) => import_failed(lang.key_file_error(error)),
        KeyImport::NotKept => import_failed(t.key_not_kept.to_string()),
        KeyImport::Confirm(key) => html! {
            <div class="notice notice-warning confirm" role="alertdialog" aria-labelledby="key-replace-text" tabindex="-1" ref={dialog_ref}>
                <p id="key-replace-text">{ t.key_replace_warning }</p>
                <p>{ format!("{}: {}", t.key_fingerprint, key.fingerprint()) }</p>
                <div class="actions">
                    <button type="button" class="danger" onclick={answer(|| Msg::ConfirmKeyReplace, &heading_ref)}>{ t.key_replace_confirm }</button>
                    <button type="button" onclick={answer(|| Msg::CancelKeyReplace, &input_ref)}>{ t.cancel }</button>
                </div>
            </div>
        },
    };
    let on_files = props.dispatch.reform(|files| Msg::FilesChosen(FilePurpose::Key, files));
    // An unreadable key can only be mended by importing, so the picker is not hidden then.
    let unreadable = props.key_state.status == KeyStatus::Unreadable;
    let import_open = *import_open || unreadable;
    let has_key = shown_key(props).is_some();
    html! {
        <section class="key-panel" aria-labelledby="key-heading">
            <h3 id="key-heading" tabindex="-1" ref={heading_ref}>{ t.key_heading }</h3>
            if props.after_signing {
                <p class="hint">{ t.key_backup_now }</p>
            } else if has_key {
                <p class="hint">{ t.key_intro }</p>
            }
            { key_info(props) }
            if !props.after_signing {
                if !unreadable {
                    <button type="button" class="key-import-toggle" aria-expanded={import_open.to_string()} onclick={toggle_import}>{ t.key_have_one }</button>
                }
                if import_open {
                    <div id="key-import-area" class="key-import-area">
                        <FilePicker {lang} id="key-import" label={t.key_import} on_chosen={on_files} input_ref={input_ref} />
                    </div>
                }
            }
            { import_status }
            if !props.after_signing {
                // After the answer the dialog is gone: focus goes to the list's heading.
                { device_keys(props, &remove_dialog_ref, &keys_heading_ref, &|msg| answer(msg, &keys_heading_ref)) }
            }
        </section>
    }
}

/// Every key on this device, each with its owner, fingerprint and day made, a backup and a
/// removal that asks first.
fn device_keys(
    props: &KeyPanelProps,
    dialog_ref: &NodeRef,
    heading_ref: &NodeRef,
    answer: &dyn Fn(fn() -> Msg) -> Callback<MouseEvent>,
) -> Html {
    let lang = props.lang;
    let k = lang.keys_texts();
    let removing = props.key_state.removing.clone();
    let ring = &props.key_state.ring;
    if ring.is_empty() && !props.key_state.remove_failed {
        return Html::default();
    }
    let item = |owned: &OwnedKey| {
        let did = owned.key.did().to_string();
        let fingerprint = owned.key.fingerprint();
        let backup = {
            let did = did.clone();
            props.dispatch.reform(move |_: MouseEvent| Msg::ExportKey(did.clone()))
        };
        let remove = {
            let did = did.clone();
            props.dispatch.reform(move |_: MouseEvent| Msg::AskRemoveKey(did.clone()))
        };
        let asking = removing.as_deref() == Some(did.as_str());
        html! {
            <li class="device-key">
                <p>
                    <span class="device-key-owner">{ lang.key_owner_name(&owned.owner) }</span>
                    { format!(" · {} ", lang.texts().key_fingerprint_inline) }
                    <span class="device-key-fingerprint">{ fingerprint.clone() }</span>
                    { format!(" · {} {}", k.created, local_time(&owned.key.created, &props.zone)) }
                </p>
                <div class="actions">
                    <button type="button" class="device-key-backup" aria-label={lang.key_action(k.backup, &owned.owner, &fingerprint)} onclick={backup}>{ k.backup }</button>
                    <button type="button" class="device-key-remove" aria-label={lang.key_action(k.remove, &owned.owner, &fingerprint)} onclick={remove}>{ k.remove }</button>
                </div>
                if asking {
                    <div class="notice notice-warning confirm" role="alertdialog" aria-labelledby="key-remove-text" tabindex="-1" ref={dialog_ref.clone()}>
                        <p id="key-remove-text">{ lang.key_remove_warning(&owned.owner, &fingerprint) }</p>
                        <div class="actions">
                            <button type="button" class="danger" onclick={answer(|| Msg::ConfirmRemoveKey)}>{ k.remove_confirm }</button>
                            <button type="button" onclick={answer(|| Msg::CancelRemoveKey)}>{ lang.texts().cancel }</button>
                        </div>
                    </div>
                }
            </li>
        }
    };
    html! {
        <section class="device-keys" aria-labelledby="device-keys-heading">
            <h4 id="device-keys-heading" tabindex="-1" ref={heading_ref.clone()}>{ k.heading }</h4>
            <p class="hint">{ k.intro }</p>
            <ul class="device-key-list">{ for ring.keys().iter().map(item) }</ul>
            if props.key_state.remove_failed {
                <p class="notice notice-error" role="alert">{ k.remove_failed }</p>
            }
        </section>
    }
}

fn import_failed(why: String) -> Html {
    html! { <p class="notice notice-error key-import-status" role="alert">{ why }</p> }
}

fn shown_key(props: &KeyPanelProps) -> Option<&OwnedKey> {
    props.key_state.ring.by_did(props.shown.as_deref()?)
}

fn key_info(props: &KeyPanelProps) -> Html {
    let t = props.lang.texts();
    let export = |did: &str| {
        let did = did.to_string();
        props.dispatch.reform(move |_: MouseEvent| Msg::ExportKey(did.clone()))
    };
    match (&props.key_state.status, shown_key(props)) {
        (KeyStatus::Key(_), Some(OwnedKey { key, .. })) => html! {
            <>
                <p class="key-owner">
                    if let Some(owner) = &props.owner {
                        { props.lang.key_owner(owner) }{ " · " }{ t.key_fingerprint_inline }
                    } else {
                        { t.key_fingerprint }
                    }
                    { " " }<span class="key-fingerprint">{ key.fingerprint() }</span>
                </p>
                <details class="key-technical">
                    <summary>{ t.key_technical }</summary>
                    <p class="hint">{ t.key_did_explained }</p>
                    <p>{ "did:key " }<code class="key-did">{ key.did() }</code></p>
                </details>
                <button type="button" class="key-export" onclick={export(key.did())}>{ t.key_export }</button>
                if props.key_state.export_failed {
                    <p class="notice notice-error key-export-failed" role="alert">{ t.download_failed }</p>
                }
                <p class="hint">{ t.key_export_hint }</p>
            </>
        },
        // No key of the person named in the form: what a key is, before one is made for them.
        (KeyStatus::None | KeyStatus::Key(_), _) => html! {
            <div class="key-none">
                <p>{ match &props.owner {
                    Some(owner) if !props.key_state.ring.is_empty() => props.lang.key_new_for(owner),
                    _ => t.key_none.to_string(),
                } }</p>
                <p>{ t.key_none_backup }</p>
            </div>
        },
        (KeyStatus::Unreadable, _) => {
            html! { <p class="notice notice-warning" role="alert">{ t.key_unreadable }</p> }
        }
        (KeyStatus::Unavailable, _) => {
            html! { <p class="notice notice-warning" role="alert">{ t.key_not_kept }</p> }
        }
    }
}
