//! Before a signature on the hogeschool's page: the warning that the key which would sign stands
//! in another person's name than the one typed as signer (a browser profile several people share;
//! `KeyState::hogeschool_signer` then falls back to the browser's first key).

use yew::prelude::*;

use crate::core::app::OwnedKey;
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct KeyOfOtherProps {
    pub lang: Lang,
    /// The key that would sign; none where one is made in the signer's name.
    pub signer: Option<OwnedKey>,
    /// The signer's name as typed; nothing is said until there is one.
    pub name: AttrValue,
}

#[function_component]
pub fn KeyOfOther(props: &KeyOfOtherProps) -> Html {
    match &props.signer {
        Some(owned) if !props.name.trim().is_empty() && owned.belongs_to_other(&props.name) => {
            html! {
                <p class="notice notice-warning key-of-other">{ props.lang.key_of_other(owned.owner.trim()) }</p>
            }
        }
        _ => Html::default(),
    }
}
