//! The whole form and the hogeschool's page, two of the app's three pages from one core (README:
//! Three pages; the third, the scoring page a plain link opens, is `scoring`): the form's
//! (`formulier.html`: the library, the assessment, signing and the key), and the hogeschool's
//! (`hogeschool.html`: verify, compare, cohort and what the hogeschool does with records), which
//! loads only when asked for. Both keep their data in the
//! same origin's storage, so moving between them loses nothing.
//!
//! The library (*Beoordelingen*) is on both: the form opens assessments from it, and the hogeschool
//! looks through it without leaving its page and what it has loaded (a cohort of many records).
//!
//! A view is reached on the other page by its address: the page's file, the link's own settings
//! (`?lang=…`, `?framework=…`) and the view's name as the fragment, `hogeschool.html#compare`.

use super::View;
use crate::core::credentials::invitation::link_payload;

/// One of the app's two pages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    Form,
    Hogeschool,
}

impl Page {
    /// The page this build is: the `hogeschool` feature builds the hogeschool's.
    pub const HERE: Page = if cfg!(feature = "hogeschool") { Page::Hogeschool } else { Page::Form };

    /// The page's address relative to the other page (both are published side by side).
    pub const fn file(self) -> &'static str {
        match self {
            Page::Form => "formulier.html",
            Page::Hogeschool => "hogeschool.html",
        }
    }

    /// The view the page opens on when its address names none (or one it does not show).
    pub fn default_view(self) -> Option<View> {
        match self {
            // The form's page opens where `Model::start` decides: the open assessment or the list.
            Page::Form => None,
            Page::Hogeschool => Some(View::Verify),
        }
    }
}

impl View {
    /// Which page shows the view (`None`: both), and its name in the address. Every view must
    /// be placed here: a view of the hogeschool's stays out of the form's bundle.
    pub fn place(self) -> (Option<Page>, &'static str) {
        match self {
            View::Library => (None, "library"),
            View::Assess => (Some(Page::Form), "assess"),
            View::Verify => (Some(Page::Hogeschool), "verify"),
            View::Compare => (Some(Page::Hogeschool), "compare"),
            View::Cohort => (Some(Page::Hogeschool), "cohort"),
            View::Decide => (Some(Page::Hogeschool), "decide"),
            View::Invite => (Some(Page::Hogeschool), "invite"),
        }
    }

    /// The page `page` shows this view.
    pub fn is_on(self, page: Page) -> bool {
        self.place().0.is_none_or(|on| on == page)
    }

    /// The view an address's fragment names (without the `#`), if any; anything else, such as
    /// an in-page anchor (`#summary`) or a hostile string, names none.
    pub fn from_fragment(fragment: &str) -> Option<View> {
        [
            View::Library,
            View::Assess,
            View::Verify,
            View::Compare,
            View::Cohort,
            View::Decide,
            View::Invite,
        ]
        .into_iter()
        .find(|view| view.place().1 == fragment)
    }

    /// Where the view is, seen from the page `from`: `None` on that very page, else the relative
    /// address to open, carrying the link's settings (`search`, empty or starting with `?`).
    pub fn address_from(self, from: Page, search: &str) -> Option<String> {
        match self.place() {
            (Some(page), name) if page != from => Some(format!("{}{search}#{name}", page.file())),
            _ => None,
        }
    }
}

/// The view to show first on the page `here`, given its address's fragment: the one the fragment
/// names when this page shows it, else the page's default; `Err` with the other page's address
/// when the fragment names a view that lives there (a bookmark of the other page's view).
/// `#assess` asks for what the form's page opens on anyway, the open assessment, which
/// `Model::start` shows where it can and otherwise lists with the reason (a framework that could
/// not be fetched offline): so it names no view of its own. The address names the view shown
/// (`web::history`), so this is what every reload of the form asks.
pub fn first_view(here: Page, fragment: &str, search: &str) -> Result<Option<View>, String> {
    match View::from_fragment(fragment) {
        Some(View::Assess) if here == Page::Form => Ok(here.default_view()),
        Some(view) => match view.address_from(here, search) {
            None => Ok(Some(view)),
            Some(address) => Err(address),
        },
        None => Ok(here.default_view()),
    }
}

/// Whether an address's fragment (without the `#`) is something the whole form acts on: a view
/// (`library`) or an invitation. Anything else, such as `summary` or `sign`, is an in-page
/// anchor: the scoring page keeps it as its own, and the whole form goes to it once drawn.
pub fn fragment_acts(fragment: &str) -> bool {
    View::from_fragment(fragment).is_some() || link_payload(fragment).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_view_or_an_invitation_in_the_fragment_acts_and_an_in_page_anchor_does_not() {
        assert!(fragment_acts("library"));
        assert!(fragment_acts("compare"));
        assert!(fragment_acts("uitnodiging=eyJhIjoxfQ"));
        for anchor in ["", "summary", "sign", "main", "indicator-LU1.1"] {
            assert!(!fragment_acts(anchor), "{anchor}");
        }
    }

    #[test]
    fn every_view_round_trips_through_its_fragment() {
        for view in [
            View::Library,
            View::Assess,
            View::Verify,
            View::Compare,
            View::Cohort,
            View::Decide,
            View::Invite,
        ] {
            assert_eq!(View::from_fragment(view.place().1), Some(view));
        }
        assert_eq!(View::from_fragment("summary"), None);
        assert_eq!(View::from_fragment(""), None);
        assert_eq!(View::from_fragment("verify\"><script>"), None);
    }

    #[test]
    fn the_form_keeps_only_the_library_and_the_assessment() {
        assert!(View::Library.is_on(Page::Form) && View::Library.is_on(Page::Hogeschool));
        assert!(View::Assess.is_on(Page::Form) && !View::Assess.is_on(Page::Hogeschool));
        for view in [View::Verify, View::Compare, View::Cohort] {
            assert!(view.is_on(Page::Hogeschool) && !view.is_on(Page::Form), "{view:?}");
        }
        assert_eq!(View::Library.address_from(Page::Hogeschool, "?lang=en"), None);
        assert_eq!(View::Library.address_from(Page::Form, ""), None);
    }

    #[test]
    fn an_address_on_the_other_page_carries_the_link_settings() {
        assert_eq!(View::Verify.address_from(Page::Hogeschool, "?lang=en"), None);
        assert_eq!(
            View::Compare.address_from(Page::Form, "?lang=en&framework=x"),
            Some("hogeschool.html?lang=en&framework=x#compare".to_string())
        );
        assert_eq!(
            View::Assess.address_from(Page::Hogeschool, ""),
            Some("formulier.html#assess".to_string())
        );
    }

    #[test]
    fn the_first_view_follows_the_fragment_or_moves_to_the_other_page() {
        assert_eq!(first_view(Page::Hogeschool, "", ""), Ok(Some(View::Verify)));
        assert_eq!(first_view(Page::Hogeschool, "cohort", ""), Ok(Some(View::Cohort)));
        assert_eq!(first_view(Page::Form, "", ""), Ok(None));
        assert_eq!(first_view(Page::Form, "summary", ""), Ok(None));
        assert_eq!(first_view(Page::Form, "library", ""), Ok(Some(View::Library)));
        // The open assessment where it can be opened: the page's own choice.
        assert_eq!(first_view(Page::Form, "assess", ""), Ok(None));
        assert_eq!(
            first_view(Page::Form, "verify", "?lang=nl"),
            Err("hogeschool.html?lang=nl#verify".to_string())
        );
        assert_eq!(
            first_view(Page::Hogeschool, "assess", ""),
            Err("formulier.html#assess".to_string())
        );
    }
}
