//! RDF Dataset Canonicalization (W3C RDFC-1.0) over N-Quads.
//!
//! Open Badges 3.0 verifiers accept only the `eddsa-rdfc-2022` Data Integrity suite, which signs
//! the canonical N-Quads of a credential rather than its JSON. This module is that canonical
//! form, written from the W3C Recommendation and checked against the W3C test suite
//! (`tests/rdfc_conformance.rs`).

mod canon;
mod issuer;
pub mod nquads;

pub use canon::{
    canonicalize, CanonError, Canonical, HashAlgorithm, Options, DEFAULT_WORK_LIMIT, MAX_DEPTH,
};
pub use nquads::{parse, NQuadsError, Quad, Term};
