use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use gloo::utils::document;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use crate::core::assessment::open_work::next_open;
use crate::core::assessment::Assessment;
use crate::core::framework::Framework;
use crate::i18n::Lang;
use crate::ui::dom_id;

#[derive(Properties, PartialEq)]
pub struct ScoringDockProps {
    pub lang: Lang,
    pub framework: Rc<Framework>,
    pub assessment: Assessment,
    pub open: u32,
    pub not_observed: u32,
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
        use_effect_with((), move |_| {
            let on_focus = EventListener::new(&document(), "focusin", move |event| {
                let item = event
                    .target()
                    .and_then(|t| t.dyn_into::<Element>().ok())
                    .and_then(|e| e.closest("li.indicator").ok().flatten());
                if let Some(id) =
                    item.and_then(|i| i.id().strip_prefix("indicator-").map(str::to_string))
                {
                    *position.borrow_mut() = Some(id);
                }
            });
            move || drop(on_focus)
        });
    }
    let next = {
        let framework = props.framework.clone();
        let assessment = props.assessment.clone();
        Callback::from(move |_: MouseEvent| {
            let after = position.borrow().clone();
            let Some(id) = next_open(&framework, &assessment, after.as_deref()) else {
                return;
            };
            *position.borrow_mut() = Some(id.to_string());
            let item_id = dom_id("indicator", &id);
            // After this click's own focus change, so that the choice keeps the focus.
            Timeout::new(0, move || {
                let Some(item) = document().get_element_by_id(&item_id) else {
                    return;
                };
                if let Some(radio) = item
                    .query_selector("input[type=radio]")
                    .ok()
                    .flatten()
                    .and_then(|r| r.dyn_into::<HtmlElement>().ok())
                {
                    let _ = radio.focus();
                }
                item.scroll_into_view_with_bool(true);
            })
            .forget();
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
