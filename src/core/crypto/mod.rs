//! Canonical JSON (RFC 8785), did:key, the assessor's signing key and Data Integrity proofs.

pub mod base64url;
pub mod data_integrity;
pub mod did_key;
pub mod did_web;
pub mod eddsa_rdfc;
pub mod jcs;
pub mod jsonld;
pub mod rdfc;
pub mod signing_key;
pub mod small_order;
