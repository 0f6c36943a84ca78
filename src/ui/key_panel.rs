//! The signing key: what it is, whose it is and its fingerprint, the did:key for whoever asks, a
//! backup to download and, out of the way, a backup to import.

use yew::prelude::*;

use super::file_picker::FilePicker;
use super::focus::{use_focus_after_render, Focus};
use crate::core::app::{FilePurpose, KeyImport, KeyState, KeyStatus, Msg};
use crate::i18n::Lang;

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
}

#[function_component]
pub fn KeyPanel(props: &KeyPanelProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let heading_ref = use_node_ref();
    let dialog_ref = use_node_ref();
    let input_ref = use_node_ref();
    let focus_next = use_focus_after_render();
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
    let answer = |msg: Msg, target: &NodeRef| {
        let dispatch = props.dispatch.clone();
        let focus_next = focus_next.clone();
        let target = target.clone();
        Callback::from(move |_: MouseEvent| {
            *focus_next.borrow_mut() = Some(Focus::Node(target.clone()));
            dispatch.emit(msg.clone());
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
                    <button type="button" class="danger" onclick={answer(Msg::ConfirmKeyReplace, &heading_ref)}>{ t.key_replace_confirm }</button>
                    <button type="button" onclick={answer(Msg::CancelKeyReplace, &input_ref)}>{ t.cancel }</button>
                </div>
            </div>
        },
    };
    let on_files = props.dispatch.reform(|files| Msg::FilesChosen(FilePurpose::Key, files));
    // An unreadable key can only be mended by importing, so the picker is not hidden then.
    let unreadable = props.key_state.status == KeyStatus::Unreadable;
    let import_open = *import_open || unreadable;
    let has_key = matches!(props.key_state.status, KeyStatus::Key(_));
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
        </section>
    }
}

fn import_failed(why: String) -> Html {
    html! { <p class="notice notice-error key-import-status" role="alert">{ why }</p> }
}

fn key_info(props: &KeyPanelProps) -> Html {
    let t = props.lang.texts();
    match &props.key_state.status {
        KeyStatus::Key(key) => html! {
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
                <button type="button" class="key-export" onclick={props.dispatch.reform(|_: MouseEvent| Msg::ExportKey)}>{ t.key_export }</button>
                if props.key_state.export_failed {
                    <p class="notice notice-error key-export-failed" role="alert">{ t.download_failed }</p>
                }
                <p class="hint">{ t.key_export_hint }</p>
            </>
        },
        KeyStatus::None => html! {
            <div class="key-none">
                <p>{ t.key_none }</p>
                <p>{ t.key_none_backup }</p>
            </div>
        },
        KeyStatus::Unreadable => {
            html! { <p class="notice notice-warning" role="alert">{ t.key_unreadable }</p> }
        }
        KeyStatus::Unavailable => {
            html! { <p class="notice notice-warning" role="alert">{ t.key_not_kept }</p> }
        }
    }
}
