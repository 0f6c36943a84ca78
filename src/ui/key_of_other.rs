//! Before a signature on the hogeschool's page: the warning that the key which would sign stands
//! in another person's name than the one typed as signer (a browser profile several people share;
//! `KeyState::hogeschool_signer` then falls back to the browser's first key), and the choice of a
//! new key in one's own name instead.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::core::app::{HogeschoolSigner, Msg};
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct KeyOfOtherProps {
    pub lang: Lang,
    pub signer: HogeschoolSigner,
    /// The signer's name as typed; nothing is said until there is one.
    pub name: AttrValue,
    /// Sets the choice's box apart from the same box in the page's other views.
    pub id: &'static str,
    pub dispatch: Callback<Msg>,
}

#[function_component]
pub fn KeyOfOther(props: &KeyOfOtherProps) -> Html {
    let Some(other) = &props.signer.others else { return Html::default() };
    let lang = props.lang;
    let name = props.name.trim().to_string();
    let owner = other.owner.trim();
    let onchange = {
        let dispatch = props.dispatch.clone();
        let name = name.clone();
        Callback::from(move |e: Event| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                dispatch.emit(Msg::ChooseNewKey { name: name.clone(), chosen: input.checked() });
            }
        })
    };
    let box_id = format!("{}-new-key", props.id);
    html! {
        <div class="notice notice-warning key-of-other">
            <p class="key-of-other-text">
                if props.signer.new_key {
                    { lang.new_key_of_own_chosen(&name, owner) }
                } else {
                    { lang.key_of_other(owner) }
                }
            </p>
            <p class="key-of-other-choice">
                <input type="checkbox" id={box_id.clone()} checked={props.signer.new_key} {onchange} />
                <label for={box_id}>{ lang.new_key_of_own(&name) }</label>
            </p>
        </div>
    }
}
