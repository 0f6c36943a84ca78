//! What the form's page (index.html) shows: the library and the assessment. The hogeschool's
//! views are on a page of their own (`hogeschool_page`), so that their code is not in this bundle.

use yew::prelude::*;

use super::assess_view::assess_view;
use super::library_view::library_page;
use crate::core::app::{Model, Msg, View};

/// The page's main content for the model's view; nothing for a view of the other page, which
/// `App` opens there.
pub fn content(m: &Model, dispatch: &Callback<Msg>) -> Html {
    match m.view {
        View::Library => library_page(m, dispatch),
        View::Assess => assess_view(m, dispatch),
        // The hogeschool's views (core::app::pages).
        _ => Html::default(),
    }
}
