use std::rc::Rc;

use yew::prelude::*;

use crate::core::framework::Framework;
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct ScaleLegendProps {
    pub lang: Lang,
    pub framework: Rc<Framework>,
}

#[function_component]
pub fn ScaleLegend(props: &ScaleLegendProps) -> Html {
    let t = props.lang.form_texts();
    let scale = &props.framework.scale;
    html! {
        <section class="card scale-legend" aria-labelledby="scale-heading">
            <h2 id="scale-heading">{ t.scale_heading }</h2>
            <p>{ t.scale_intro }</p>
            <dl lang={props.framework.language.clone()}>
                { for scale.levels.iter().rev().map(|level| html! {
                    <div class="scale-row">
                        <dt class={classes!("level-symbol", format!("value-{}", level.value))}>{ &level.symbol }</dt>
                        <dd>{ &level.description }</dd>
                    </div>
                }) }
            </dl>
            <p class="source" lang={props.framework.language.clone()}>{ &scale.source }</p>
        </section>
    }
}
