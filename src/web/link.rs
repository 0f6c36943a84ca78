//! The settings in the page's own address (`core::url_config` checks them), read once per page
//! load: the address does not change while the app runs.

use std::rc::Rc;

use crate::core::embed::link_config::{self, UrlConfig, UrlProblem};

/// What the link asks for, and what in it could not be used.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Link {
    pub config: UrlConfig,
    pub problems: Vec<UrlProblem>,
}

thread_local! {
    static LINK: Rc<Link> = Rc::new(read());
}

pub fn get() -> Rc<Link> {
    LINK.with(Rc::clone)
}

fn read() -> Link {
    let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    let (config, problems) = link_config::parse(&search);
    Link { config, problems }
}

/// A framework address from the link as an absolute URL: relative ones are taken from the page's
/// own address, as a link in the page would be.
pub fn resolve(address: &str) -> Option<String> {
    let base = web_sys::window()?.location().href().ok()?;
    web_sys::Url::new_with_base(address, &base).ok().map(|url| url.href())
}
