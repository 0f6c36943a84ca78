use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::{File, HtmlElement};
use yew::platform::spawn_local;
use yew::prelude::*;

use super::file_picker::FilePicker;
use crate::core::crypto::signing_key::{SigningKey, MAX_KEY_FILE_BYTES};
use crate::i18n::Lang;
use crate::web::keystore::{self, Stored};
use crate::web::{download, files};

#[derive(Properties, PartialEq)]
pub struct KeyPanelProps {
    pub lang: Lang,
    pub key_state: Stored,
    pub on_key: Callback<Stored>,
    /// Shown right after signing: the key that signed is to be backed up now, and importing
    /// another key over it belongs before the next signing, not here.
    #[prop_or_default]
    pub after_signing: bool,
}

/// Where focus goes after the next render. Needed where an action removes or replaces the
/// control that had focus, which would otherwise drop focus to the page's body.
#[derive(Clone)]
pub enum Focus {
    Node(NodeRef),
    /// An element another component renders, by id; `fallback` where the page has none.
    ById {
        id: &'static str,
        fallback: NodeRef,
    },
}

impl Focus {
    fn apply(&self) {
        let element = match self {
            Focus::Node(node) => node.cast::<HtmlElement>(),
            Focus::ById { id, fallback } => gloo::utils::document()
                .get_element_by_id(id)
                .and_then(|e| e.dyn_into::<HtmlElement>().ok())
                .or_else(|| fallback.cast::<HtmlElement>()),
        };
        if let Some(element) = element {
            let _ = element.focus();
        }
    }
}

/// Applies, after the next render, the [`Focus`] an action asked for. A ref and not state, so
/// that asking renders nothing by itself.
#[hook]
pub fn use_focus_after_render() -> Rc<RefCell<Option<Focus>>> {
    let pending = use_mut_ref(|| None::<Focus>);
    {
        let pending = pending.clone();
        use_effect(move || {
            let target = pending.borrow_mut().take();
            if let Some(target) = target {
                target.apply();
            }
        });
    }
    pending
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
    let export_failed = use_state(|| false);
    let heading_ref = use_node_ref();
    let dialog_ref = use_node_ref();
    let input_ref = use_node_ref();
    let focus_next = use_focus_after_render();

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
        let focus_next = focus_next.clone();
        let dialog_ref = dialog_ref.clone();
        Callback::from(move |file: File| {
            let import = import.clone();
            let present = present.clone();
            let keep = keep.clone();
            let focus_next = focus_next.clone();
            let dialog_ref = dialog_ref.clone();
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
                        Stored::Key(_) | Stored::Unreadable => {
                            *focus_next.borrow_mut() = Some(Focus::Node(dialog_ref));
                            import.set(Import::Confirm(key));
                        }
                    },
                }
            });
        })
    };
    // The dialog goes away either way: after replacing, the panel's heading leads to the new
    // key's facts; after cancelling, focus returns to the file input the import began from.
    let on_confirm = {
        let import = import.clone();
        let keep = keep.clone();
        let focus_next = focus_next.clone();
        let heading_ref = heading_ref.clone();
        Callback::from(move |_: MouseEvent| {
            if let Import::Confirm(key) = &*import {
                *focus_next.borrow_mut() = Some(Focus::Node(heading_ref.clone()));
                keep(key.clone());
            }
        })
    };
    let on_cancel = {
        let import = import.clone();
        let focus_next = focus_next.clone();
        let input_ref = input_ref.clone();
        Callback::from(move |_: MouseEvent| {
            *focus_next.borrow_mut() = Some(Focus::Node(input_ref.clone()));
            import.set(Import::Idle)
        })
    };

    let key_info = match &props.key_state {
        Stored::Key(key) => {
            let key_for_download = key.clone();
            let failed = export_failed.clone();
            let on_export = Callback::from(move |_: MouseEvent| {
                let name =
                    format!("leeruitkomsten-sleutel-{}.json", key_for_download.fingerprint());
                let made = download::text_file(
                    &name,
                    "application/json",
                    &key_for_download.to_file_json(),
                );
                failed.set(made.is_err());
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
                    if *export_failed {
                        <p class="notice notice-error key-export-failed" role="alert">{ t.download_failed }</p>
                    }
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
            <div class="notice notice-warning confirm" role="alertdialog" aria-labelledby="key-replace-text" tabindex="-1" ref={dialog_ref}>
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
            <h3 id="key-heading" tabindex="-1" ref={heading_ref}>{ t.key_heading }</h3>
            if props.after_signing {
                <p class="hint">{ t.key_backup_now }</p>
            } else {
                <p class="hint">{ t.key_intro }</p>
            }
            { key_info }
            if !props.after_signing {
                <FilePicker {lang} id="key-import" label={t.key_import} on_file={on_file} input_ref={input_ref} />
            }
            { import_status }
        </section>
    }
}
