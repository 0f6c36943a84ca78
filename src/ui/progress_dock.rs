//! The bar at the bottom of the form: progress, and a button that goes to the next open
//! indicator. It also keeps links to indicators working when their learning outcome is folded.

use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use gloo::timers::callback::Timeout;
use gloo::utils::{document, window};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlAnchorElement, HtmlElement};
use yew::prelude::*;

use super::dom_id;
use crate::core::app::Folding;
use crate::core::assessment::open_work::next_open;
use crate::core::assessment::Assessment;
use crate::core::framework::Framework;
use crate::i18n::Lang;

/// Below this width (40rem at the default font size) the form opens folded.
const NARROW_PX: f64 = 640.0;

#[derive(Properties, PartialEq)]
pub struct ProgressDockProps<M: PartialEq> {
    pub lang: Lang,
    pub framework: Rc<Framework>,
    pub assessment: Assessment,
    /// How many indicators are still open (neither scored nor not observed).
    pub open: u32,
    /// How many are marked *niet waargenomen*: answered, but not scored.
    #[prop_or_default]
    pub not_observed: u32,
    /// Takes the page's message: the whole form's, or the scoring page's (`ui::scoring`).
    pub dispatch: Callback<M>,
}

/// The indicator an element stands in, by its list item's id.
fn indicator_of(element: &Element) -> Option<String> {
    let item = element.closest("li.indicator").ok()??;
    item.id().strip_prefix("indicator-").map(str::to_string)
}

/// A link to an indicator (`#indicator-…`, the summary's *first open*) whose learning outcome is
/// folded: the outcome is unfolded (`reveal`) and the indicator focused, as the browser cannot
/// scroll to what is hidden. The listener stops when the returned value is dropped.
fn reveal_folded_anchors(reveal: impl Fn(&str) + 'static) -> EventListener {
    let options = EventListenerOptions::enable_prevent_default();
    EventListener::new_with_options(&document(), "click", options, move |event| {
        // Such links hold only text, so the link is the target: a cheap test on every click.
        let Some(link) = event.target().and_then(|t| t.dyn_into::<HtmlAnchorElement>().ok()) else {
            return;
        };
        let Some(id) = link
            .get_attribute("href")
            .and_then(|h| h.strip_prefix("#indicator-").map(str::to_string))
        else {
            return;
        };
        let folded = document()
            .get_element_by_id(&dom_id("indicator", &id))
            .and_then(|item| item.closest(".outcome.is-folded").ok().flatten())
            .is_some();
        if folded {
            event.prevent_default();
            reveal(&id);
            focus_indicator(&id, false);
        }
    })
}

/// Focuses an indicator once the render that unfolds its outcome is done: the render is
/// scheduled before a timeout's turn comes. `on_choice` focuses its first level, where Space
/// scores; otherwise the item itself, so that Tab goes on from it as after following a link.
fn focus_indicator(id: &str, on_choice: bool) {
    let id = dom_id("indicator", id);
    Timeout::new(0, move || {
        let Some(item) = document().get_element_by_id(&id) else {
            return;
        };
        let target = if on_choice {
            item.query_selector("input[type=radio]").ok().flatten()
        } else {
            let _ = item.set_attribute("tabindex", "-1");
            Some(item.clone())
        };
        if let Some(target) = target.and_then(|t| t.dyn_into::<HtmlElement>().ok()) {
            let _ = target.focus();
        }
        // At the top of the screen, clear of this bar.
        item.scroll_into_view_with_bool(true);
    })
    .forget();
}

#[function_component]
pub fn ProgressDock<M: From<Folding> + PartialEq + 'static>(props: &ProgressDockProps<M>) -> Html {
    let lang = props.lang;
    let t = lang.form_texts();
    // The indicator last worked on: the button itself takes focus when pressed, so the place to
    // go on from is remembered as focus moves through the form.
    let position = use_mut_ref(|| None::<String>);
    {
        let position = position.clone();
        let dispatch = props.dispatch.clone();
        use_effect_with((), move |_| {
            let narrow =
                window().inner_width().ok().and_then(|w| w.as_f64()).is_some_and(|w| w < NARROW_PX);
            if narrow {
                dispatch.emit(Folding::ForNarrowScreen.into());
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
            // A link to an indicator in a folded outcome would lead nowhere: unfold it first.
            let on_click = {
                let dispatch = dispatch.clone();
                reveal_folded_anchors(move |id| dispatch.emit(Folding::Reveal(id.into()).into()))
            };
            move || drop((on_focus, on_click))
        });
    }
    let next = {
        let position = position.clone();
        let dispatch = props.dispatch.clone();
        let framework = props.framework.clone();
        let assessment = props.assessment.clone();
        Callback::from(move |_: MouseEvent| {
            let after = position.borrow().clone();
            if let Some(id) = next_open(&framework, &assessment, after.as_deref()) {
                *position.borrow_mut() = Some(id.to_string());
                dispatch.emit(Folding::Reveal(id.clone()).into());
                focus_indicator(&id, true);
            }
        })
    };
    let progress = lang.scored_of(props.scored() as usize, props.total() as usize);
    html! {
        <div class="progress-dock">
            // The summary's own status line is the one announced; this copy only stays in view.
            <span class="dock-progress" aria-hidden="true">{ progress }</span>
            <a class="dock-summary" href="#summary" tabindex="-1" aria-hidden="true">{ t.summary_heading }</a>
            // A signed assessment is final: what is still open can no longer be scored, and
            // what there is to do is with its record.
            if props.assessment.is_final() {
                <a class="dock-record" href="#sign">{ t.dock_to_record }</a>
            } else if props.open > 0 {
                <button type="button" class="next-open-button" onclick={next}>
                    { lang.next_open_button(props.open as usize) }
                </button>
            } else {
                <span class="dock-done">{ lang.none_open_short(props.not_observed) }</span>
            }
        </div>
    }
}

impl<M: PartialEq> ProgressDockProps<M> {
    fn total(&self) -> u32 {
        u32::try_from(self.framework.indicator_count()).unwrap_or(u32::MAX)
    }

    fn scored(&self) -> u32 {
        self.total().saturating_sub(self.open).saturating_sub(self.not_observed)
    }
}
