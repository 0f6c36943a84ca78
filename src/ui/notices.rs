use std::rc::Rc;

use yew::prelude::*;

use crate::core::assessment::ActionError;
use crate::core::framework::Problem;
use crate::i18n::Lang;

/// What the user must know about the browser's storage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageNotice {
    /// Storage is disabled or full: work goes on in memory, and everything can be downloaded.
    Unavailable,
    /// Some stored entries could not be read; they are kept as they are.
    Unreadable,
    /// What version 1 of the app stored could not be moved over; it is kept as it is.
    MigrationFailed,
    ChangedElsewhere,
    RemovedElsewhere,
}

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub lang: Lang,
    pub storage: Option<StorageNotice>,
    pub error: Option<ActionError>,
    pub on_dismiss_storage: Callback<()>,
    pub on_dismiss_error: Callback<()>,
    /// Downloads every assessment, including the open one as it is in memory.
    pub on_backup: Callback<()>,
}

#[function_component]
pub fn Notices(props: &NoticesProps) -> Html {
    let t = props.lang.texts();
    let storage = props.storage.map(|notice| {
        let (text, class) = match notice {
            StorageNotice::Unavailable => (t.storage_unavailable, "notice-warning"),
            StorageNotice::Unreadable => (t.storage_unreadable, "notice-warning"),
            StorageNotice::MigrationFailed => (t.storage_migration_failed, "notice-warning"),
            StorageNotice::ChangedElsewhere => (t.storage_changed_elsewhere, "notice-info"),
            StorageNotice::RemovedElsewhere => (t.storage_removed_elsewhere, "notice-warning"),
        };
        let onclick = props.on_dismiss_storage.reform(|_: MouseEvent| ());
        let on_backup = props.on_backup.reform(|_: MouseEvent| ());
        let role = if class == "notice-info" { "status" } else { "alert" };
        html! {
            <div class={classes!("notice", class, "storage-notice")} {role}>
                <p>{ text }</p>
                if notice == StorageNotice::Unavailable {
                    <button type="button" class="primary download-everything" onclick={on_backup}>{ t.download_everything }</button>
                }
                <button type="button" class="notice-dismiss" {onclick}>{ t.dismiss }</button>
            </div>
        }
    });
    let error = props.error.as_ref().map(|error| {
        let onclick = props.on_dismiss_error.reform(|_: MouseEvent| ());
        html! {
            <div class="notice notice-error" role="alert">
                <p>{ format!("{}: {}", t.action_error, props.lang.action_error(error)) }</p>
                <button type="button" class="notice-dismiss" {onclick}>{ t.dismiss }</button>
            </div>
        }
    });
    html! {
        <div class="notices">
            { for storage }
            { for error }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct FrameworkProblemsProps {
    pub lang: Lang,
    pub problems: Rc<Vec<Problem>>,
}

/// Shown instead of the form when the framework cannot be loaded: every problem, with its path.
#[function_component]
pub fn FrameworkProblems(props: &FrameworkProblemsProps) -> Html {
    let t = props.lang.texts();
    html! {
        <div class="notice notice-error" role="alert">
            <h1>{ t.framework_error }</h1>
            <ul>
                { for props.problems.iter().map(|p| html! { <li><code>{ props.lang.problem(p) }</code></li> }) }
            </ul>
        </div>
    }
}
