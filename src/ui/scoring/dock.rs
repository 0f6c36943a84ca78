use std::rc::Rc;

use gloo::events::EventListener;
use gloo::utils::document;
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

use crate::core::app::scoring::ScoringMsg;
use crate::core::assessment::open_work::next_open;
use crate::core::assessment::Assessment;
use crate::core::framework::Framework;
use crate::i18n::Lang;
use crate::ui::progress_dock::{focus_indicator, indicator_of, reveal_folded_anchors, NARROW_PX};

#[derive(Properties, PartialEq)]
pub struct ScoringDockProps {
    pub lang: Lang,
    pub framework: Rc<Framework>,
    pub assessment: Assessment,
    pub open: u32,
    pub not_observed: u32,
    pub dispatch: Callback<ScoringMsg>,
}

/// The bar at the bottom of the scoring page: how far the form is, and the way to the next
/// indicator still open after the one last worked on.
#[function_component]
pub fn ScoringDock(props: &ScoringDockProps) -> Html {
    let lang = props.lang;
    let t = lang.texts();
    let position = use_mut_ref(|| None::<String>);
    {
        let position = position.clone();
        let dispatch = props.dispatch.clone();
        use_effect_with((), move |_| {
            let narrow = gloo::utils::window()
                .inner_width()
                .ok()
                .and_then(|w| w.as_f64())
                .is_some_and(|w| w < NARROW_PX);
            if narrow {
                dispatch.emit(ScoringMsg::FoldForNarrowScreen);
            }
            let on_focus = EventListener::new(&document(), "focusin", move |event| {
                if let Some(id) = event
                    .target()
                    .and_then(|t| t.dyn_into::<Element>().ok())
                    .as_ref()
                    .and_then(indicator_of)
                {
                    *position.borrow_mut() = Some(id);
                }
            });
            let on_click = {
                let dispatch = dispatch.clone();
                reveal_folded_anchors(move |id| dispatch.emit(ScoringMsg::Reveal(id.into())))
            };
            move || drop((on_focus, on_click))
        });
    }
    let next = {
        let dispatch = props.dispatch.clone();
        let framework = props.framework.clone();
        let assessment = props.assessment.clone();
        Callback::from(move |_: MouseEvent| {
            let after = position.borrow().clone();
            let Some(id) = next_open(&framework, &assessment, after.as_deref()) else {
                return;
            };
            *position.borrow_mut() = Some(id.to_string());
            dispatch.emit(ScoringMsg::Reveal(id.clone()));
            focus_indicator(&id, true);
        })
    };
    let total = u32::try_from(props.framework.indicator_count()).unwrap_or(u32::MAX);
    let scored = total.saturating_sub(props.open).saturating_sub(props.not_observed);
    html! {
        <div class="progress-dock">
            <span class="dock-progress" aria-hidden="true">{ lang.scored_of(scored as usize, total as usize) }</span>
            <a class="dock-summary" href="#summary" tabindex="-1" aria-hidden="true">{ t.summary_heading }</a>
            if props.open > 0 {
                <button type="button" class="next-open-button" onclick={next}>
                    { lang.next_open_button(props.open as usize) }
                </button>
            } else {
                <span class="dock-done">{ lang.none_open_short(props.not_observed) }</span>
            }
        </div>
    }
}
