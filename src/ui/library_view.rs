//! The start screen: every assessment kept in this browser, with what can be done to each, and
//! the backup that moves them to another device.

use std::rc::Rc;

use yew::prelude::*;

use super::file_picker::FilePicker;
use super::framework_panel::framework_panel;
use super::radio_choice::RadioChoice;
use crate::core::app::{FetchFailure, FilePurpose, LibraryMessage, LibraryState, Model, Msg};
use crate::core::framework::catalogue::BUILT_IN;
use crate::core::framework::Framework;
use crate::core::library::saved::SavedEntry;
use crate::core::library::EntrySummary;
use crate::core::zone::Zone;
use crate::i18n::{local_time, Lang};

/// The start screen as both pages show it: the list, and below it the framework panel. (A plain
/// function, as `framework_panel` is: it holds no state.)
pub fn library_page(m: &Model, dispatch: &Callback<Msg>) -> Html {
    html! {
        <main id="main" class="content">
            <LibraryView
                lang={m.lang}
                framework={m.framework.framework().clone()}
                library={m.library.clone()}
                open_id={m.open.id.clone()}
                zone={m.zone.clone()}
                dispatch={dispatch.clone()}
            />
            { framework_panel(m, dispatch) }
        </main>
    }
}

#[derive(Properties, PartialEq)]
pub struct LibraryViewProps {
    pub lang: Lang,
    pub framework: Rc<Framework>,
    pub library: LibraryState,
    pub open_id: Rc<str>,
    /// The user's time zone (compared by pointer: it is made once).
    pub zone: Rc<Zone>,
    pub dispatch: Callback<Msg>,
}

#[function_component]
pub fn LibraryView(props: &LibraryViewProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let library = &props.library;
    let entries: Vec<&SavedEntry> = library.entries().collect();
    // The copy just made, by the name it has in the list.
    let copied = library.copied.as_deref().and_then(|id| entries.iter().find(|e| e.id == id)).map(|copy| {
        let name = listed_name(lang, &copy.assessment.metadata.student_name);
        html! { <p class="notice notice-info library-copied" role="status">{ lang.copy_made(name) }</p> }
    });
    let undo = library.deleted.as_ref().map(|_| {
        html! {
            <div class="notice notice-info undo" role="status">
                <p>{ t.library_deleted }</p>
                <button type="button" class="library-undo" onclick={props.dispatch.reform(|_: MouseEvent| Msg::UndoDelete)}>{ t.library_undo }</button>
            </div>
        }
    });
    html! {
        <section class="library" aria-labelledby="library-heading">
            { new_assessment(props) }
            <div aria-live="polite">{ for undo }{ for copied }</div>
            if library.listing.is_err() {
                <p class="notice notice-warning" role="alert">{ t.library_storage_unavailable }</p>
            } else if entries.is_empty() {
                <p class="library-empty">{ t.library_empty }</p>
            } else {
                <ul class="library-list">{ for entries.into_iter().map(|entry| item(props, entry)) }</ul>
            }
            { unreadable(props) }
            { backup(props) }
        </section>
    }
}

/// The student's name as the list gives it, or that there is none yet.
fn listed_name(lang: Lang, student_name: &str) -> &str {
    if student_name.trim().is_empty() {
        lang.texts().library_no_name
    } else {
        student_name
    }
}

/// *Nieuwe beoordeling*, in the framework chosen: the built-in ones, and the one in use where
/// it came from a link or a file.
fn new_assessment(props: &LibraryViewProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let n = lang.norm_texts();
    let fw = &props.framework;
    let mut choices: Vec<(String, String)> = BUILT_IN
        .iter()
        .map(|b| (b.id.to_string(), format!("{} ({})", b.title, b.version)))
        .collect();
    if !choices.iter().any(|(id, _)| *id == fw.id) {
        choices.insert(0, (fw.id.clone(), format!("{} ({})", fw.title, fw.version)));
    }
    let choice = |(id, label): (String, String)| {
        let checked = props.library.new_in == id;
        html! {
            <RadioChoice
                id={format!("new-in-{id}")}
                name="new-in"
                value={id.clone()}
                {checked}
                label_lang={AttrValue::Static("nl")}
                on_choose={props.dispatch.reform(move |()| Msg::ChooseNewIn(id.clone()))}
            >
                { label }
            </RadioChoice>
        }
    };
    html! {
        <div class="card">
            <h2 id="library-heading">{ t.library_heading }</h2>
            <p>{ t.library_intro }</p>
            <fieldset class="mode library-new-in" aria-describedby="new-in-hint">
                <legend>{ n.choose_framework }</legend>
                { for choices.into_iter().map(choice) }
            </fieldset>
            <p class="hint" id="new-in-hint">{ n.choose_framework_hint }</p>
            <button type="button" class="primary library-new" onclick={props.dispatch.reform(|_: MouseEvent| Msg::NewAssessment)}>{ t.library_new }</button>
            { fetch_state(props) }
        </div>
    }
}

/// A built-in framework that this build fetches on first use: on its way, or why it did not
/// come. Both are announced; the failure names what to do.
fn fetch_state(props: &LibraryViewProps) -> Html {
    let lang = props.lang;
    let library = &props.library;
    html! {
        <div aria-live="polite">
            if library.fetching.is_some() {
                <p class="notice notice-info library-fetching" role="status">{ lang.fetch_texts().fetching }</p>
            }
            if let Some(FetchFailure { title, failure }) = &library.fetch_failure {
                <p class="notice notice-error library-fetch-failed" role="alert">
                    { lang.fetch_failed(title, &lang.load_failure(failure)) }
                </p>
            }
        </div>
    }
}

fn item(props: &LibraryViewProps, entry: &SavedEntry) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let summary = EntrySummary::of(entry, &props.framework);
    // Of a framework a link named here: it opens by loading the page with that link's framework.
    let link_address = props.library.link_address(entry).filter(|_| !summary.openable);
    let id = summary.id.clone();
    let is_open = *id == *props.open_id;
    let name = listed_name(lang, &summary.student_name).to_string();
    // Each press makes its message, so that the form's page needs no copy of `Msg`.
    let on = |msg: fn() -> Msg| props.dispatch.reform(move |_: MouseEvent| msg());
    let on_entry = |msg: fn(String) -> Msg| {
        let id = id.clone();
        props.dispatch.reform(move |_: MouseEvent| msg(id.clone()))
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
                    } else if let Some(address) = link_address {
                        <span class="library-link-framework">{ t.library_link_framework }{ " " }<code>{ address }</code></span>
                    } else {
                        <span>{ t.library_other_framework }</span>
                    }
                    <span class={classes!("badge", if summary.is_final { "badge-final" } else { "badge-draft" })}>{ status }</span>
                    if is_open { <span class="badge badge-open">{ t.library_current }</span> }
                    if props.library.copied.as_deref() == Some(id.as_str()) {
                        <span class="badge badge-copied">{ t.library_copy_badge }</span>
                    }
                </p>
                <p class="hint">{ local_time(&summary.updated, &props.zone) }</p>
            </div>
            <div class="actions">
                if summary.openable || link_address.is_some() {
                    <button type="button" class="primary library-open" onclick={on_entry(Msg::OpenEntry)}>{ t.library_open }</button>
                }
                <button type="button" class="library-duplicate" onclick={on_entry(Msg::Duplicate)}>{ t.library_duplicate }</button>
                <button type="button" class="library-delete" onclick={on_entry(Msg::AskDelete)}>{ t.library_delete }</button>
            </div>
            if props.library.confirming.as_deref() == Some(id.as_str()) {
                <div class="notice notice-warning confirm" role="alertdialog" aria-labelledby={format!("delete-{id}")}>
                    <p id={format!("delete-{id}")}>{ lang.delete_warning(&name) }</p>
                    <div class="actions">
                        <button type="button" class="danger library-delete-confirm" onclick={on(|| Msg::ConfirmDelete)}>{ t.library_delete_confirm }</button>
                        <button type="button" onclick={on(|| Msg::CancelDelete)}>{ t.cancel }</button>
                    </div>
                </div>
            }
        </li>
    }
}

/// Stored texts the app cannot read: never overwritten, each offered as a download.
fn unreadable(props: &LibraryViewProps) -> Html {
    let t = props.lang.texts();
    let unreadable = props.library.unreadable();
    if unreadable.is_empty() {
        return Html::default();
    }
    html! {
        <div class="card library-unreadable">
            <h3>{ t.library_unreadable }</h3>
            <p>{ t.storage_unreadable }</p>
            <ul>
                { for unreadable.into_iter().enumerate().map(|(n, (key, _))| html! {
                    <li>
                        <code>{ key }</code>
                        { " " }
                        <button type="button" class="library-download-raw" onclick={props.dispatch.reform(move |_: MouseEvent| Msg::DownloadUnreadable(n))}>{ t.library_download_raw }</button>
                    </li>
                }) }
            </ul>
        </div>
    }
}

fn backup(props: &LibraryViewProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let message = match &props.library.message {
        None => Html::default(),
        Some(LibraryMessage::Imported(counts)) => {
            html! { <p class="notice notice-info library-message">{ lang.import_done(counts) }</p> }
        }
        Some(failure) => {
            let text = match failure {
                LibraryMessage::ImportPartlyFailed(n) => lang.import_partly_failed(*n),
                LibraryMessage::Backup(error) => lang.backup_error(error),
                LibraryMessage::DownloadFailed => t.download_failed.to_string(),
                LibraryMessage::StorageUnavailable | LibraryMessage::Imported(_) => {
                    lang.form_texts().storage_unavailable.to_string()
                }
            };
            html! { <p class="notice notice-error library-message" role="alert">{ text }</p> }
        }
    };
    let on_import = props.dispatch.reform(|files| Msg::FilesChosen(FilePurpose::Backup, files));
    html! {
        <div class="card library-backup">
            <h2>{ t.library_backup_heading }</h2>
            <p>{ t.library_backup_intro }</p>
            <div class="actions">
                <button type="button" class="library-backup-download" onclick={props.dispatch.reform(|_: MouseEvent| Msg::DownloadBackup)}>{ t.library_backup_download }</button>
            </div>
            <FilePicker {lang} id="backup-import" label={t.library_backup_import} on_chosen={on_import} />
            <div aria-live="polite">{ message }</div>
        </div>
    }
}
