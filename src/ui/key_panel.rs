use web_sys::File;
use yew::platform::spawn_local;
use yew::prelude::*;

use super::file_picker::FilePicker;
use crate::core::signing_key::{SigningKey, MAX_KEY_FILE_BYTES};
use crate::i18n::Lang;
use crate::web::keystore::{self, Stored};
use crate::web::{download, files};

#[derive(Properties, PartialEq)]
pub struct KeyPanelProps {
    pub lang: Lang,
    pub key_state: Stored,
    pub on_key: Callback<Stored>,
}

/// What an import is waiting for.
#[derive(Clone, PartialEq)]
enum Import {
    Idle,
    /// A valid key file was read; replacing the present key waits for the user's yes.
    Confirm(SigningKey),
    Done,
    Failed(String),
}

/// The signing key: its did:key and fingerprint, a backup to download and a backup to import.
#[function_component]
pub fn KeyPanel(props: &KeyPanelProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let import = use_state(|| Import::Idle);

    let keep = {
        let on_key = props.on_key.clone();
        let import = import.clone();
        move |key: SigningKey| match keystore::save(&key) {
            Ok(()) => {
                on_key.emit(Stored::Key(key));
                import.set(Import::Done);
            }
            Err(_) => import.set(Import::Failed(lang.texts().key_not_kept.to_string())),
        }
    };
    let on_file = {
        let import = import.clone();
        let present = props.key_state.clone();
        let keep = keep.clone();
        Callback::from(move |file: File| {
            let import = import.clone();
            let present = present.clone();
            let keep = keep.clone();
            spawn_local(async move {
                let text = files::read_bytes(&file, MAX_KEY_FILE_BYTES)
                    .await
                    .ok()
                    .and_then(|bytes| String::from_utf8(bytes).ok());
                let Some(text) = text else {
                    import.set(Import::Failed(lang.texts().file_unreadable.to_string()));
                    return;
                };
                match SigningKey::from_file_json(&text) {
                    Err(error) => import.set(Import::Failed(lang.key_file_error(&error))),
                    Ok(key) => match present {
                        // The same key again replaces nothing.
                        Stored::Key(ref current) if current.did() == key.did() => keep(key),
                        Stored::None | Stored::Unavailable => keep(key),
                        Stored::Key(_) | Stored::Unreadable => import.set(Import::Confirm(key)),
                    },
                }
            });
        })
    };
    let on_confirm = {
        let import = import.clone();
        let keep = keep.clone();
        Callback::from(move |_: MouseEvent| {
            if let Import::Confirm(key) = &*import {
                keep(key.clone());
            }
        })
    };
    let on_cancel = {
        let import = import.clone();
        Callback::from(move |_: MouseEvent| import.set(Import::Idle))
    };

    let key_info = match &props.key_state {
        Stored::Key(key) => {
            let key_for_download = key.clone();
            let on_export = Callback::from(move |_: MouseEvent| {
                let name =
                    format!("leeruitkomsten-sleutel-{}.json", key_for_download.fingerprint());
                let _ = download::text_file(
                    &name,
                    "application/json",
                    &key_for_download.to_file_json(),
                );
            });
            html! {
                <>
                    <dl class="key-facts">
                        <div>
                            <dt>{ t.key_fingerprint }</dt>
                            <dd class="key-fingerprint">{ key.fingerprint() }</dd>
                        </div>
                        <div>
                            <dt>{ "did:key" }</dt>
                            <dd class="key-did"><code>{ key.did() }</code></dd>
                        </div>
                    </dl>
                    <button type="button" class="key-export" onclick={on_export}>{ t.key_export }</button>
                    <p class="hint">{ t.key_export_hint }</p>
                </>
            }
        }
        Stored::None => html! { <p class="key-none">{ t.key_none }</p> },
        Stored::Unreadable => {
            html! { <p class="notice notice-warning" role="alert">{ t.key_unreadable }</p> }
        }
        Stored::Unavailable => {
            html! { <p class="notice notice-warning" role="alert">{ t.key_not_kept }</p> }
        }
    };
    let import_status = match &*import {
        Import::Idle => Html::default(),
        Import::Done => {
            html! { <p class="key-import-status" role="status">{ t.key_imported }</p> }
        }
        Import::Failed(why) => {
            html! { <p class="notice notice-error key-import-status" role="alert">{ why.clone() }</p> }
        }
        Import::Confirm(key) => html! {
            <div class="notice notice-warning confirm" role="alertdialog" aria-labelledby="key-replace-text">
                <p id="key-replace-text">{ t.key_replace_warning }</p>
                <p>{ format!("{}: {}", t.key_fingerprint, key.fingerprint()) }</p>
                <div class="actions">
                    <button type="button" class="danger" onclick={on_confirm}>{ t.key_replace_confirm }</button>
                    <button type="button" onclick={on_cancel}>{ t.cancel }</button>
                </div>
            </div>
        },
    };
    html! {
        <section class="key-panel" aria-labelledby="key-heading">
            <h3 id="key-heading">{ t.key_heading }</h3>
            <p class="hint">{ t.key_intro }</p>
            { key_info }
            <FilePicker {lang} id="key-import" label={t.key_import} on_file={on_file} />
            { import_status }
        </section>
    }
}
