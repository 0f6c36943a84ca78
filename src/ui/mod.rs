//! The interface: components that render state and turn events into core actions.
//! One component per file; the reducer in `state` is the only place state changes.

pub mod app;
pub mod compare_view;
pub mod core_task_section;
pub mod distribution_chart;
pub mod file_picker;
pub mod framework_panel;
pub mod indicator_item;
pub mod key_panel;
pub mod library_view;
pub mod link_notices;
pub mod load_failure;
pub mod metadata_form;
pub mod notices;
pub mod outcome_card;
pub mod page_header;
pub mod record_view;
pub mod scale_legend;
pub mod sign_section;
pub mod signature_block;
pub mod state;
pub mod summary_panel;
pub mod verify_view;

pub use app::App;

/// Mounts the app on the page's `#app` element, or on `<body>` where there is none.
pub fn start() {
    let document = gloo::utils::document();
    match document.get_element_by_id("app") {
        Some(root) => {
            yew::Renderer::<App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<App>::new().render();
        }
    }
}

/// A DOM id built from domain ids such as `LU1.3`, which may contain dots.
pub fn dom_id(prefix: &str, id: &str) -> String {
    format!("{prefix}-{id}")
}
