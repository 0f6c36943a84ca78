use std::rc::Rc;

use yew::prelude::*;

use super::radio_choice::RadioChoice;
use crate::core::app::Msg;
use crate::core::assessment::Action;
use crate::core::framework::norms::NormLevel;
use crate::core::framework::Framework;
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct NormLevelPickerProps {
    pub lang: Lang,
    pub locked: bool,
    pub framework: Rc<Framework>,
    /// The level chosen, if any.
    pub level: Option<String>,
    pub dispatch: Callback<Msg>,
}

/// For a framework with norms: which level of practice the results are held against. Nothing for
/// a framework without.
#[function_component]
pub fn NormLevelPicker(props: &NormLevelPickerProps) -> Html {
    let Some(norms) = &props.framework.norms else {
        return Html::default();
    };
    let n = props.lang.norm_texts();
    let content_lang = props.framework.language.clone();
    let option = |level: &NormLevel| {
        let id = level.id.clone();
        html! {
            <RadioChoice
                id={format!("norm-level-{}", level.id)}
                name="norm-level"
                value={level.id.clone()}
                checked={props.level.as_deref() == Some(level.id.as_str())}
                disabled={props.locked}
                on_choose={props.dispatch.reform(move |()| Msg::Edit(Action::SetNormLevel(id.clone())))}
            >
                // One span: the label is a flex box, which would drop the space before the title.
                <span>
                    { format!("{} {} – ", n.level, level.id) }
                    <span lang={content_lang.clone()}>{ &level.title }</span>
                </span>
            </RadioChoice>
        }
    };
    html! {
        <section class="card norm-level" aria-labelledby="norm-level-heading">
            <h2 id="norm-level-heading">{ n.heading }</h2>
            <p class="hint" id="norm-level-hint">{ n.intro }</p>
            <fieldset class="mode" aria-describedby="norm-level-hint">
                <legend>{ n.level }</legend>
                { for norms.levels.iter().map(option) }
            </fieldset>
            <p class="hint" lang={content_lang.clone()}>{ &norms.source }</p>
            // Paper gets the chosen level as text, not the radio buttons.
            if let Some(level) = props.level.as_deref().and_then(|id| norms.level(id)) {
                <p class="print-only print-norm-level">
                    { format!("{} {} – ", n.level, level.id) }
                    <span lang={content_lang.clone()}>{ &level.title }</span>
                </p>
            }
        </section>
    }
}
