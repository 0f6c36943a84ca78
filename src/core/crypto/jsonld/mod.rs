//! The subset of JSON-LD 1.1 that turns a credential into RDF, for RDF-based Data Integrity
//! proofs (`eddsa-rdfc-2022`): context processing over contexts the app ships, expansion, and
//! deserialization to RDF. Written from the W3C JSON-LD 1.1 Processing Algorithms.

mod context;
mod expand;
mod to_rdf;

pub use context::Contexts;
pub use expand::expand;
pub use to_rdf::to_rdf;

use crate::core::crypto::rdfc::{self, Quad};
use serde_json::Value;
use std::fmt;

/// The app's own contexts, compiled in: VC 2.0 and the leeruitkomsten vocabulary.
pub const CREDENTIALS_V2_URL: &str = "https://www.w3.org/ns/credentials/v2";
const CREDENTIALS_V2_JSON: &str = include_str!("../../../../schemas/credentials-v2.jsonld");

impl Contexts {
    /// The contexts the app ships.
    pub fn shipped() -> Result<Contexts, JsonLdError> {
        let mut contexts = Contexts::new();
        contexts.insert(CREDENTIALS_V2_URL, CREDENTIALS_V2_JSON)?;
        contexts.insert(crate::core::record::CONTEXT_URL, crate::core::record::CONTEXT_JSON)?;
        Ok(contexts)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JsonLdError {
    /// The document names a context that is not among the shipped ones.
    UnknownContext(String),
    InvalidContext(String),
    /// A context redefines a protected term with another meaning.
    ProtectedTermRedefinition(String),
    /// A property or type that no context defines.
    UndefinedTerm(String),
    InvalidValue(String),
    /// Something that expansion would silently leave out, and so leave unsigned.
    Dropped(String),
    Unsupported(&'static str),
    TooDeep,
}

impl fmt::Display for JsonLdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JsonLdError::UnknownContext(url) => {
                write!(f, "the JSON-LD context {url} is not known to this app")
            }
            JsonLdError::InvalidContext(why) => write!(f, "invalid JSON-LD context: {why}"),
            JsonLdError::ProtectedTermRedefinition(term) => {
                write!(f, "a JSON-LD context redefines the protected term {term}")
            }
            JsonLdError::UndefinedTerm(term) => write!(f, "no JSON-LD context defines {term}"),
            JsonLdError::InvalidValue(why) => write!(f, "invalid JSON-LD value: {why}"),
            JsonLdError::Dropped(what) => write!(f, "JSON-LD would leave out {what}"),
            JsonLdError::Unsupported(what) => write!(f, "JSON-LD feature not supported: {what}"),
            JsonLdError::TooDeep => write!(f, "the JSON-LD document is nested too deeply"),
        }
    }
}

impl std::error::Error for JsonLdError {}

/// The RDF dataset of a JSON-LD document.
pub fn document_to_rdf(document: &Value, contexts: &Contexts) -> Result<Vec<Quad>, JsonLdError> {
    to_rdf(&expand(document, contexts)?)
}

/// Why a document has no canonical N-Quads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CanonicalizeError {
    JsonLd(JsonLdError),
    Rdfc(rdfc::CanonError),
}

impl fmt::Display for CanonicalizeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CanonicalizeError::JsonLd(e) => e.fmt(f),
            CanonicalizeError::Rdfc(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for CanonicalizeError {}

/// The RDFC-1.0 canonical N-Quads (SHA-256) of a JSON-LD document.
pub fn canonical_nquads(
    document: &Value,
    contexts: &Contexts,
) -> Result<String, CanonicalizeError> {
    let quads = document_to_rdf(document, contexts).map_err(CanonicalizeError::JsonLd)?;
    let canonical =
        rdfc::canonicalize(&quads, rdfc::Options::default()).map_err(CanonicalizeError::Rdfc)?;
    Ok(canonical.nquads)
}
