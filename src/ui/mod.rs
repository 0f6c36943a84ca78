//! The interface: components that render state and turn events into core actions.
//! One component per file; the reducer in `state` is the only place state changes.

pub mod app;
pub mod assess_view;
pub mod badge_check;
pub mod badges_panel;
pub mod cohort_badges;
pub mod cohort_overview;
pub mod cohort_tables;
pub mod cohort_view;
pub mod compare_view;
pub mod core_task_section;
pub mod decide_button;
pub mod decide_sign;
pub mod decide_view;
pub mod distribution_chart;
pub mod file_picker;
pub mod focus;
pub mod form_page;
pub mod framework_panel;
pub mod hogeschool_page;
pub mod indicator_item;
pub mod invitation_banner;
pub mod invite_view;
pub mod issuer_fields;
pub mod key_of_other;
pub mod key_panel;
pub mod library_view;
pub mod link_notices;
pub mod load_failure;
pub mod metadata_form;
pub mod norm_level_picker;
pub mod norm_lines;
pub mod notices;
pub mod outcome_card;
pub mod page_header;
pub mod plain_verdict;
pub mod progress_dock;
pub mod radio_choice;
pub mod record_view;
pub mod scale_legend;
pub mod scoring;
pub mod sign_section;
pub mod signature_block;
pub mod summary_panel;
pub mod trusted_panel;
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

/// The `lang` of the framework's words, where it differs from the interface's: where they are the
/// same, the page's own `lang` already says it, and the form's 42 indicators draw some 170
/// attributes fewer at start (README: Start-up).
pub fn content_lang(
    ui: crate::i18n::Lang,
    framework: &crate::core::framework::Framework,
) -> Option<yew::AttrValue> {
    (!framework.language.eq_ignore_ascii_case(ui.code()))
        .then(|| yew::AttrValue::from(framework.language.clone()))
}

/// A DOM id built from domain ids such as `LU1.3`, which may contain dots.
pub fn dom_id(prefix: &str, id: &str) -> String {
    format!("{prefix}-{id}")
}

/// How the interface names a learning outcome: by the code its source uses ("VC a"), or else by
/// its number through the whole framework ("Leeruitkomst 3").
pub fn outcome_label(
    lang: crate::i18n::Lang,
    outcome: &crate::core::framework::LearningOutcome,
    number: usize,
) -> String {
    match &outcome.code {
        Some(code) => code.clone(),
        None => format!("{} {number}", lang.form_texts().learning_outcome),
    }
}

/// A core task's code ("VC"), or else its number ("Kerntaak 1"); `index` counts from 0.
pub fn core_task_label(
    lang: crate::i18n::Lang,
    task: &crate::core::framework::CoreTask,
    index: usize,
) -> String {
    match &task.code {
        Some(code) => code.clone(),
        None => format!("{} {}", lang.form_texts().core_task, index + 1),
    }
}
