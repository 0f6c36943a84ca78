//! One option of a radio group: the input, its label, and a hint the input is described by.

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct RadioChoiceProps {
    pub id: AttrValue,
    /// The group's name.
    pub name: AttrValue,
    pub value: AttrValue,
    pub checked: bool,
    #[prop_or_default]
    pub disabled: bool,
    /// A line under the label, read out with the option.
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// The label's language, where it is the content's rather than the interface's.
    #[prop_or_default]
    pub label_lang: Option<AttrValue>,
    pub on_choose: Callback<()>,
    pub children: Html,
}

#[function_component]
pub fn RadioChoice(props: &RadioChoiceProps) -> Html {
    let hint_id = props.hint.as_ref().map(|_| format!("{}-hint", props.id));
    let onchange = props.on_choose.reform(|_: Event| ());
    html! {
        <div class="mode-option">
            <input
                type="radio"
                id={props.id.clone()}
                name={props.name.clone()}
                value={props.value.clone()}
                checked={props.checked}
                disabled={props.disabled}
                aria-describedby={hint_id.clone()}
                {onchange}
            />
            <label for={props.id.clone()} lang={props.label_lang.clone()}>{ props.children.clone() }</label>
            if let (Some(hint), Some(hint_id)) = (&props.hint, hint_id) {
                <p class="hint" id={hint_id}>{ hint.clone() }</p>
            }
        </div>
    }
}
