//! Browser glue: each module wraps one browser facility, so that the core never touches the DOM and
//! the components never touch raw browser APIs.

pub mod built_in;
pub mod clipboard;
pub mod clock;
#[cfg(feature = "hogeschool")]
pub mod cohort_store;
pub mod download;
pub mod ed25519;
pub mod embed;
pub mod fetch;
pub mod files;
pub mod folder;
pub mod history;
pub mod idb;
pub mod invitation;
pub mod journal;
pub mod keystore;
pub mod library;
pub mod link;
pub mod link_framework;
pub mod marks;
pub mod offline;
pub mod pages;
pub mod runner;
pub mod save_after_render;
pub mod scoring;
pub mod share;
pub mod startup;
pub mod storage;
pub mod trusted_store;
#[cfg(feature = "hogeschool")]
pub mod workers;
