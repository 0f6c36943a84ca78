//! Assess learning outcomes (leeruitkomsten) in the browser.
//!
//! `core` and `i18n` are plain Rust and are tested natively; `ui` and `web` exist only on wasm32,
//! where they render the core's state and connect it to the browser.

pub mod core;
pub mod i18n;

#[cfg(target_arch = "wasm32")]
pub mod ui;
#[cfg(target_arch = "wasm32")]
pub mod web;
