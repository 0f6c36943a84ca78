//! The way from a valid record in the verify view to the examinator's decision on it.

use yew::prelude::*;

use crate::core::app::review::{Verified, VerifyState};
use crate::core::app::{DecideMsg, Msg};
use crate::i18n::Lang;

/// *Besluit vastleggen*, under the verdict of one record that verified as valid; nothing otherwise.
pub fn decide_button(lang: Lang, state: &VerifyState, dispatch: &Callback<Msg>) -> Html {
    let valid = matches!(&state.shown, Some(Verified::One(checked, _)) if checked.is_valid());
    if !valid || state.digest.is_none() {
        return Html::default();
    }
    let d = lang.decision_texts();
    let onclick = dispatch.reform(|_: MouseEvent| Msg::Decide(DecideMsg::Open));
    html! {
        <div class="card decide-open">
            <button type="button" class="primary decide-open-button" aria-describedby="decide-open-hint" {onclick}>{ d.open }</button>
            <p class="hint" id="decide-open-hint">{ d.open_hint }</p>
        </div>
    }
}
