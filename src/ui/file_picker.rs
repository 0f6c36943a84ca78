use web_sys::{DragEvent, File, HtmlInputElement};
use yew::prelude::*;

use crate::core::app::FileRef;
use crate::i18n::Lang;
use crate::web::files;

#[derive(Properties, PartialEq)]
pub struct FilePickerProps {
    pub lang: Lang,
    /// Id of the input, for its label and for tests.
    pub id: AttrValue,
    pub label: AttrValue,
    #[prop_or(AttrValue::Static(".json,application/json"))]
    pub accept: AttrValue,
    /// The chosen files go to the app's model as handles: the browser glue keeps the files until
    /// the core asks for their bytes.
    pub on_chosen: Callback<Vec<FileRef>>,
    /// Takes several files at once: every file chosen or dropped goes to `on_chosen`, in order;
    /// otherwise only the first.
    #[prop_or_default]
    pub multiple: bool,
    #[prop_or_default]
    pub disabled: bool,
    /// For a caller that returns focus to the input, e.g. after a dialog the file led to.
    #[prop_or_default]
    pub input_ref: NodeRef,
}

/// A file input with a drop zone around it. The input is a real, labelled `<input type="file">`,
/// so keyboards and screen readers use it as they use any other.
#[function_component]
pub fn FilePicker(props: &FilePickerProps) -> Html {
    let t = props.lang.texts();
    let dragging = use_state(|| false);
    let deliver = {
        let on_chosen = props.on_chosen.clone();
        let multiple = props.multiple;
        move |list: Option<web_sys::FileList>| {
            let chosen: Vec<File> = if multiple {
                files::all_of(list)
            } else {
                files::first_of(list).into_iter().collect()
            };
            if !chosen.is_empty() {
                on_chosen.emit(files::register(chosen));
            }
        }
    };
    let onchange = {
        let deliver = deliver.clone();
        Callback::from(move |e: Event| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                deliver(input.files());
                // Choosing the same file again must still fire a change.
                input.set_value("");
            }
        })
    };
    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(true);
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let ondrop = {
        let dragging = dragging.clone();
        let disabled = props.disabled;
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            if !disabled {
                deliver(e.data_transfer().and_then(|d| d.files()));
            }
        })
    };
    html! {
        <div
            class={classes!("file-picker", dragging.then_some("is-dragging"))}
            {ondragover}
            {ondragleave}
            {ondrop}
        >
            <label class="button" for={props.id.clone()}>{ props.label.clone() }</label>
            <input
                id={props.id.clone()}
                class="visually-hidden"
                type="file"
                accept={props.accept.clone()}
                disabled={props.disabled}
                multiple={props.multiple}
                ref={props.input_ref.clone()}
                {onchange}
            />
            <span class="hint">{ if props.multiple { t.drop_here_many } else { t.drop_here } }</span>
        </div>
    }
}
