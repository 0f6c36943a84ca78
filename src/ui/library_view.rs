use std::rc::Rc;

use web_sys::File;
use yew::platform::spawn_local;
use yew::prelude::*;

use super::file_picker::FilePicker;
use crate::core::framework::catalogue::BUILT_IN;
use crate::core::framework::Framework;
use crate::core::library::saved::SavedEntry;
use crate::core::library::{
    backup_from_bytes, duplicate, plan_import, BackupError, EntrySummary, ImportCounts,
    ImportDecision, Listed, MAX_BACKUP_BYTES,
};
use crate::i18n::{readable_time, Lang};
use crate::web::files::{self, ReadError};
use crate::web::storage::StorageError;
use crate::web::{clock, download, library, random};

#[derive(Properties, PartialEq)]
pub struct LibraryViewProps {
    pub lang: Lang,
    pub framework: Rc<Framework>,
    pub listing: Rc<Result<Vec<Listed>, StorageError>>,
    /// The open assessment, as it is in memory.
    pub open: Rc<SavedEntry>,
    pub on_open: Callback<SavedEntry>,
    /// An import replaced the open assessment: show the new copy without leaving this view.
    pub on_open_replaced: Callback<SavedEntry>,
    /// Start a new assessment in the framework of this id.
    pub on_new: Callback<String>,
    /// An entry was deleted; the app moves off it when it is the open one.
    pub on_deleted: Callback<String>,
    /// Storage changed here: read the listing again.
    pub on_refresh: Callback<()>,
}

/// A delete that can still be undone: the entry's stored text, put back as it was.
#[derive(Clone, PartialEq)]
struct Deleted {
    id: String,
    text: String,
}

#[derive(Clone, PartialEq)]
enum Message {
    None,
    Done(String),
    Failed(String),
}

/// The start screen: every assessment kept in this browser, with what can be done to each, and
/// the backup that moves them to another device.
#[function_component]
pub fn LibraryView(props: &LibraryViewProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let confirming = use_state(|| None::<String>);
    let deleted = use_state(|| None::<Deleted>);
    let message = use_state(|| Message::None);
    // The framework a new assessment starts in: the one in use until another is picked.
    let new_in = use_state({
        let id = props.framework.id.clone();
        move || id
    });

    let entries: Vec<&SavedEntry> = match &*props.listing {
        Ok(listed) => listed.iter().filter_map(Listed::entry).collect(),
        Err(_) => Vec::new(),
    };

    let on_backup = {
        let listing = props.listing.clone();
        let open = props.open.clone();
        let message = message.clone();
        Callback::from(move |_: MouseEvent| {
            let listed = listing.as_ref().as_ref().map(Vec::as_slice).unwrap_or(&[]);
            let open_is_stored = listed.iter().filter_map(Listed::entry).any(|e| e.id == open.id);
            if library::download_backup(listed, open_is_stored.then_some(&*open)).is_err() {
                message.set(Message::Failed(lang.texts().download_failed.to_string()));
            }
        })
    };

    let on_import = {
        let listing = props.listing.clone();
        let open_id = props.open.id.clone();
        let on_open = props.on_open_replaced.clone();
        let on_refresh = props.on_refresh.clone();
        let message = message.clone();
        Callback::from(move |file: File| {
            let listing = listing.clone();
            let open_id = open_id.clone();
            let on_open = on_open.clone();
            let on_refresh = on_refresh.clone();
            let message = message.clone();
            spawn_local(async move {
                let incoming = match files::read_bytes(&file, MAX_BACKUP_BYTES).await {
                    Ok(bytes) => backup_from_bytes(&bytes),
                    Err(ReadError::TooLarge { bytes }) => Err(BackupError::TooLarge {
                        bytes: usize::try_from(bytes).unwrap_or(usize::MAX),
                    }),
                    Err(ReadError::Unreadable) => Err(BackupError::NotJson),
                };
                let incoming = match incoming {
                    Ok(incoming) => incoming,
                    Err(error) => {
                        message.set(Message::Failed(lang.backup_error(&error)));
                        return;
                    }
                };
                let local: Vec<SavedEntry> = match &*listing {
                    Ok(listed) => listed.iter().filter_map(Listed::entry).cloned().collect(),
                    Err(_) => Vec::new(),
                };
                let plan = plan_import(&local, &incoming);
                let mut failed = 0;
                for (entry, decision) in incoming.iter().zip(&plan) {
                    if matches!(decision, ImportDecision::Add | ImportDecision::Replace) {
                        if library::write(entry).is_err() {
                            failed += 1;
                        } else if entry.id == open_id.as_str() {
                            on_open.emit(entry.clone());
                        }
                    }
                }
                message.set(if failed > 0 {
                    Message::Failed(lang.import_partly_failed(failed))
                } else {
                    Message::Done(lang.import_done(&ImportCounts::of(&plan)))
                });
                on_refresh.emit(());
            });
        })
    };

    let items = entries.iter().map(|entry| {
        let summary = EntrySummary::of(entry, &props.framework);
        let id = summary.id.clone();
        let is_open = id == props.open.id;
        let name = if summary.student_name.trim().is_empty() {
            t.library_no_name.to_string()
        } else {
            summary.student_name.clone()
        };
        let on_open = {
            let on_open = props.on_open.clone();
            let entry = (*entry).clone();
            Callback::from(move |_: MouseEvent| on_open.emit(entry.clone()))
        };
        let on_duplicate = {
            let entry = (*entry).clone();
            let on_refresh = props.on_refresh.clone();
            let message = message.clone();
            Callback::from(move |_: MouseEvent| {
                let copied = random::entry_id()
                    .map(|id| duplicate(&entry, &id, &clock::now_rfc3339()))
                    .map(|copy| library::write(&copy));
                if !matches!(copied, Some(Ok(()))) {
                    message.set(Message::Failed(lang.texts().storage_unavailable.to_string()));
                }
                on_refresh.emit(());
            })
        };
        let on_delete = {
            let confirming = confirming.clone();
            let id = id.clone();
            Callback::from(move |_: MouseEvent| confirming.set(Some(id.clone())))
        };
        let on_confirm = {
            let confirming = confirming.clone();
            let deleted = deleted.clone();
            let on_deleted = props.on_deleted.clone();
            let on_refresh = props.on_refresh.clone();
            let message = message.clone();
            let id = id.clone();
            Callback::from(move |_: MouseEvent| {
                confirming.set(None);
                // The stored text is kept for undo before anything is removed.
                match library::raw(&id) {
                    Ok(Some(text)) if library::remove(&id).is_ok() => {
                        deleted.set(Some(Deleted { id: id.clone(), text }));
                        message.set(Message::None);
                        on_deleted.emit(id.clone());
                    }
                    _ => message.set(Message::Failed(lang.texts().storage_unavailable.to_string())),
                }
                on_refresh.emit(());
            })
        };
        let on_cancel = {
            let confirming = confirming.clone();
            Callback::from(move |_: MouseEvent| confirming.set(None))
        };
        let status = if summary.is_final { t.library_final } else { t.library_draft };
        let heading_id = format!("entry-{id}");
        html! {
            <li key={id.clone()} class={classes!("library-item", is_open.then_some("is-open"))} data-id={id.clone()} aria-labelledby={heading_id.clone()}>
                <div class="library-item-main">
                    <h3 id={heading_id}>
                        { name.clone() }
                        if !summary.student_number.is_empty() {
                            <span class="student-number">{ format!(" ({})", summary.student_number) }</span>
                        }
                    </h3>
                    <p class="library-facts">
                        <span>{ lang.mode_label(summary.mode) }</span>
                        if !summary.date.is_empty() { <span>{ summary.date.clone() }</span> }
                        if let Some(title) = summary.other_framework {
                            <span class="library-framework" lang="nl">{ title }</span>
                        }
                        if summary.openable {
                            <span class="library-progress">{ lang.scored_of(summary.scored, summary.total) }</span>
                        } else {
                            <span>{ t.library_other_framework }</span>
                        }
                        <span class={classes!("badge", if summary.is_final { "badge-final" } else { "badge-draft" })}>{ status }</span>
                        if is_open { <span class="badge badge-open">{ t.library_current }</span> }
                    </p>
                    <p class="hint">{ format!("{} (UTC)", readable_time(&summary.updated)) }</p>
                </div>
                <div class="actions">
                    if summary.openable {
                        <button type="button" class="primary library-open" onclick={on_open}>{ t.library_open }</button>
                    }
                    <button type="button" class="library-duplicate" onclick={on_duplicate}>{ t.library_duplicate }</button>
                    <button type="button" class="library-delete" onclick={on_delete}>{ t.library_delete }</button>
                </div>
                if confirming.as_deref() == Some(id.as_str()) {
                    <div class="notice notice-warning confirm" role="alertdialog" aria-labelledby={format!("delete-{id}")}>
                        <p id={format!("delete-{id}")}>{ lang.delete_warning(&name) }</p>
                        <div class="actions">
                            <button type="button" class="danger library-delete-confirm" onclick={on_confirm}>{ t.library_delete_confirm }</button>
                            <button type="button" onclick={on_cancel}>{ t.cancel }</button>
                        </div>
                    </div>
                }
            </li>
        }
    });

    let unreadable: Vec<(String, String)> = match &*props.listing {
        Ok(listed) => listed
            .iter()
            .filter_map(|l| match l {
                Listed::Unreadable { key, text, .. } => Some((key.clone(), text.clone())),
                Listed::Entry(_) => None,
            })
            .collect(),
        Err(_) => Vec::new(),
    };

    let undo = deleted.as_ref().map(|d| {
        let on_undo = {
            let deleted = deleted.clone();
            let on_refresh = props.on_refresh.clone();
            let message = message.clone();
            let d = d.clone();
            Callback::from(move |_: MouseEvent| {
                if library::restore_raw(&d.id, &d.text).is_ok() {
                    deleted.set(None);
                } else {
                    message.set(Message::Failed(lang.texts().storage_unavailable.to_string()));
                }
                on_refresh.emit(());
            })
        };
        html! {
            <div class="notice notice-info undo" role="status">
                <p>{ t.library_deleted }</p>
                <button type="button" class="library-undo" onclick={on_undo}>{ t.library_undo }</button>
            </div>
        }
    });
    let on_new = {
        let new_in = new_in.clone();
        props.on_new.reform(move |_: MouseEvent| (*new_in).clone())
    };
    let n = lang.norm_texts();
    // The built-in frameworks, and the one in use where it came from a link or a file.
    let mut choices: Vec<(String, String)> = BUILT_IN
        .iter()
        .map(|b| (b.id.to_string(), format!("{} ({})", b.title, b.version)))
        .collect();
    if !choices.iter().any(|(id, _)| *id == props.framework.id) {
        let fw = &props.framework;
        choices.insert(0, (fw.id.clone(), format!("{} ({})", fw.title, fw.version)));
    }
    let choice = |(id, label): (String, String)| {
        let dom = format!("new-in-{id}");
        let onchange = {
            let new_in = new_in.clone();
            let id = id.clone();
            Callback::from(move |_: Event| new_in.set(id.clone()))
        };
        html! {
            <div class="mode-option">
                <input type="radio" id={dom.clone()} name="new-in" value={id.clone()} checked={*new_in == id} {onchange} />
                <label for={dom} lang="nl">{ label }</label>
            </div>
        }
    };

    html! {
        <section class="library" aria-labelledby="library-heading">
            <div class="card">
                <h2 id="library-heading">{ t.library_heading }</h2>
                <p>{ t.library_intro }</p>
                <fieldset class="mode library-new-in" aria-describedby="new-in-hint">
                    <legend>{ n.choose_framework }</legend>
                    { for choices.into_iter().map(choice) }
                </fieldset>
                <p class="hint" id="new-in-hint">{ n.choose_framework_hint }</p>
                <button type="button" class="primary library-new" onclick={on_new}>{ t.library_new }</button>
            </div>
            <div aria-live="polite">{ for undo }</div>
            if props.listing.is_err() {
                <p class="notice notice-warning" role="alert">{ t.library_storage_unavailable }</p>
            } else if entries.is_empty() {
                <p class="library-empty">{ t.library_empty }</p>
            } else {
                <ul class="library-list">{ for items }</ul>
            }
            if !unreadable.is_empty() {
                <div class="card library-unreadable">
                    <h3>{ t.library_unreadable }</h3>
                    <p>{ t.storage_unreadable }</p>
                    <ul>
                        { for unreadable.into_iter().enumerate().map(|(n, (key, text))| {
                            let onclick = Callback::from(move |_: MouseEvent| {
                                let _ = download::text_file(&format!("leeruitkomsten-onleesbaar-{}.txt", n + 1), "text/plain", &text);
                            });
                            html! {
                                <li>
                                    <code>{ key }</code>
                                    { " " }
                                    <button type="button" class="library-download-raw" {onclick}>{ t.library_download_raw }</button>
                                </li>
                            }
                        }) }
                    </ul>
                </div>
            }
            <div class="card library-backup">
                <h2>{ t.library_backup_heading }</h2>
                <p>{ t.library_backup_intro }</p>
                <div class="actions">
                    <button type="button" class="library-backup-download" onclick={on_backup}>{ t.library_backup_download }</button>
                </div>
                <FilePicker {lang} id="backup-import" label={t.library_backup_import} on_file={on_import} />
                <div aria-live="polite">
                    {
                        match &*message {
                            Message::None => Html::default(),
                            Message::Done(text) => html! { <p class="notice notice-info library-message">{ text.clone() }</p> },
                            Message::Failed(text) => html! { <p class="notice notice-error library-message" role="alert">{ text.clone() }</p> },
                        }
                    }
                </div>
            </div>
        </section>
    }
}
