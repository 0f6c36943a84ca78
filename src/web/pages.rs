//! Moving between the app's two pages (`core::app::pages`): the form's and the hogeschool's.

use crate::core::app::pages::{self, Page};
use crate::core::app::View;
use crate::core::embed::link_config::{self, Param};

fn location() -> Option<web_sys::Location> {
    web_sys::window().map(|w| w.location())
}

/// The page's own query, `?…` or empty: the link's settings travel to the other page.
pub fn search() -> String {
    location().and_then(|l| l.search().ok()).unwrap_or_default()
}

/// The address's fragment without its `#`, or empty.
pub fn fragment() -> String {
    let hash = location().and_then(|l| l.hash().ok()).unwrap_or_default();
    hash.strip_prefix('#').map(str::to_string).unwrap_or(hash)
}

/// The view this page's address names and shows, or `Err` with the other page's address when it
/// names a view of that page.
pub fn first_view() -> Result<Option<View>, String> {
    pages::first_view(Page::HERE, &fragment(), &search())
}

/// Opens `view` on the page that shows it; `false` when that is this page, where the app shows it.
pub fn open_elsewhere(view: View) -> bool {
    match view.address_from(Page::HERE, &search()) {
        Some(address) => {
            go(&address, false);
            true
        }
        None => false,
    }
}

/// Loads the form's page with this page's link settings and its framework at `address`.
pub fn reopen_with_framework(address: &str) {
    let search = link_config::with_param(&search(), Param::Framework, address);
    go(&format!("{}{search}", Page::Form.file()), false);
}

/// Loads `address`; `replace` keeps the page it leaves out of the history (a bookmark of a view
/// that moved, where Back would only return to the redirect).
pub fn go(address: &str, replace: bool) {
    if let Some(location) = location() {
        // Where the browser refuses, the page stays as it is and the view's button can be pressed
        // again; there is nothing better to offer.
        let _ = if replace { location.replace(address) } else { location.assign(address) };
    }
}
