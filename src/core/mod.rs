//! The domain logic: no DOM, no browser APIs, so all of it runs and is tested natively.

pub mod aggregate;
pub mod assessment;
pub mod catalogue;
pub mod cohort;
pub mod compare;
pub mod data_integrity;
pub mod did_key;
pub mod embed;
pub mod export;
pub mod framework;
pub mod framework_source;
pub mod jcs;
pub mod library;
pub mod norms;
pub mod record;
pub mod saved;
pub mod score;
pub mod signing_key;
pub mod url_config;
