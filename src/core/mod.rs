//! The domain logic: no DOM, no browser APIs, so all of it runs and is tested natively.
//!
//! Grouped by domain: `framework` (what is assessed, its scale and norms), `assessment` (scoring
//! one student and aggregating), `record` (the signed export), `crypto` (canonical JSON, keys,
//! Data Integrity proofs), `library` (assessments kept on the device), `review` (what the
//! hogeschool does with records: compare, cohort) and `embed` (configuration by link, messages to
//! the host page), `credentials` (the trust chain around a record: invitation, trusted assessors,
//! decision). `zone` is the user's time zone over time; `case` lower-cases the Latin script. `json` is the one strict reader every format there is read through.

pub mod app;
pub mod assessment;
pub mod case;
pub mod credentials;
pub mod crypto;
pub mod embed;
pub mod framework;
pub mod json;
pub mod library;
pub mod record;
pub mod review;
pub mod zone;
