use std::rc::Rc;

use yew::prelude::*;

use crate::core::assessment::ActionError;
use crate::core::framework::Problem;
use crate::i18n::Lang;

/// What the user must know about the browser's storage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StorageNotice {
    Unavailable,
    Unreadable,
    OtherFramework,
}

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub lang: Lang,
    pub storage: Option<StorageNotice>,
    pub error: Option<ActionError>,
    pub on_dismiss_storage: Callback<()>,
    pub on_dismiss_error: Callback<()>,
}

#[function_component]
pub fn Notices(props: &NoticesProps) -> Html {
    let t = props.lang.texts();
    let storage = props.storage.map(|notice| {
        let text = match notice {
            StorageNotice::Unavailable => t.storage_unavailable,
            StorageNotice::Unreadable => t.storage_unreadable,
            StorageNotice::OtherFramework => t.storage_other_framework,
        };
        let onclick = props.on_dismiss_storage.reform(|_: MouseEvent| ());
        html! {
            <div class="notice notice-warning" role="alert">
                <p>{ text }</p>
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
