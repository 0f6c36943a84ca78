use std::rc::Rc;

use yew::prelude::*;

use crate::core::app::{Msg, StorageNotice};
use crate::core::assessment::ActionError;
use crate::core::framework::Problem;
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub lang: Lang,
    pub storage: Option<StorageNotice>,
    pub error: Option<ActionError>,
    pub dispatch: Callback<Msg>,
}

#[function_component]
pub fn Notices(props: &NoticesProps) -> Html {
    let t = props.lang.texts();
    let storage = props.storage.map(|notice| {
        let (text, class) = match notice {
            StorageNotice::Unavailable => (props.lang.form_texts().storage_unavailable, "notice-warning"),
            StorageNotice::Unreadable => (t.storage_unreadable, "notice-warning"),
            StorageNotice::MigrationFailed => (t.storage_migration_failed, "notice-warning"),
            StorageNotice::ChangedElsewhere => (props.lang.form_texts().storage_changed_elsewhere, "notice-info"),
            StorageNotice::RemovedElsewhere => (props.lang.form_texts().storage_removed_elsewhere, "notice-warning"),
            StorageNotice::KeptApart => (t.storage_kept_apart, "notice-info"),
        };
        let onclick = props.dispatch.reform(|_: MouseEvent| Msg::DismissStorage);
        let on_backup = props.dispatch.reform(|_: MouseEvent| Msg::DownloadEverything);
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
        let onclick = props.dispatch.reform(|_: MouseEvent| Msg::DismissError);
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
