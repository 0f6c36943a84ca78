//! Moving focus on purpose after a render: where an action removes or replaces the control that
//! had focus, the browser would otherwise drop it to the page's body.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

/// Where focus goes after the next render. Needed where an action removes or replaces the
/// control that had focus, which would otherwise drop focus to the page's body.
#[derive(Clone)]
pub enum Focus {
    Node(NodeRef),
    /// The first of these that is on the page after the render.
    FirstOf(Vec<NodeRef>),
    /// An element another component renders, by id; `fallback` where the page has none.
    ById {
        id: &'static str,
        fallback: NodeRef,
    },
}

impl Focus {
    pub fn apply(&self) {
        let element = match self {
            Focus::Node(node) => node.cast::<HtmlElement>(),
            Focus::FirstOf(nodes) => nodes.iter().find_map(|n| n.cast::<HtmlElement>()),
            Focus::ById { id, fallback } => gloo::utils::document()
                .get_element_by_id(id)
                .and_then(|e| e.dyn_into::<HtmlElement>().ok())
                .or_else(|| fallback.cast::<HtmlElement>()),
        };
        if let Some(element) = element {
            let _ = element.focus();
        }
    }
}

/// Applies, after the next render, the [`Focus`] an action asked for. A ref and not state, so
/// that asking renders nothing by itself.
#[hook]
pub fn use_focus_after_render() -> Rc<RefCell<Option<Focus>>> {
    use_focus_after_outcome(false)
}

/// As [`use_focus_after_render`], but while `waiting` (for an answer that comes later, such as
/// the browser's signature) the focus waits for the render that shows the outcome.
#[hook]
pub fn use_focus_after_outcome(waiting: bool) -> Rc<RefCell<Option<Focus>>> {
    let pending = use_mut_ref(|| None::<Focus>);
    {
        let pending = pending.clone();
        use_effect(move || {
            if waiting {
                return;
            }
            let target = pending.borrow_mut().take();
            if let Some(target) = target {
                target.apply();
            }
        });
    }
    pending
}
