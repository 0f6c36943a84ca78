//! JSON-LD 1.1 context processing: term definitions, protected terms, scoped contexts, and IRI
//! expansion — the part of the JSON-LD 1.1 Processing Algorithms that credentials need.
//!
//! Contexts are never fetched: a URL resolves only to a context in [`Contexts`], the ones the
//! app ships, so what a signature covers cannot change with what some server answers.
//! Features no shipped context uses (`@import`, `@base`, `@reverse`, `@nest`, `@direction`,
//! property-valued indexes) are refused rather than half-done.

use super::JsonLdError;
use serde_json::{Map, Value};
use std::collections::HashMap;

/// Nesting of contexts (remote contexts naming others, scoped contexts) that is accepted.
const MAX_CONTEXT_DEPTH: usize = 32;

/// The contexts a document may name, by URL.
#[derive(Debug, Clone, Default)]
pub struct Contexts {
    by_url: HashMap<String, Value>,
}

impl Contexts {
    pub fn new() -> Self {
        Contexts::default()
    }

    /// Adds a context document (the JSON text of a file with an `@context` member).
    pub fn insert(&mut self, url: &str, text: &str) -> Result<(), JsonLdError> {
        let document: Value = serde_json::from_str(text)
            .map_err(|_| JsonLdError::InvalidContext(format!("the context {url} is not JSON")))?;
        let context = document.get("@context").cloned().ok_or_else(|| {
            JsonLdError::InvalidContext(format!("the context {url} has no @context"))
        })?;
        self.by_url.insert(url.to_string(), context);
        Ok(())
    }

    fn get(&self, url: &str) -> Result<&Value, JsonLdError> {
        self.by_url.get(url).ok_or_else(|| JsonLdError::UnknownContext(url.to_string()))
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct TermDefinition {
    /// `None` for a term explicitly mapped to null (it then expands to nothing).
    pub iri: Option<String>,
    pub type_mapping: Option<String>,
    pub container: Vec<String>,
    pub context: Option<Value>,
    /// `Some(None)` when the term sets the language to null.
    pub language: Option<Option<String>>,
    pub prefix: bool,
    pub protected: bool,
}

impl TermDefinition {
    pub fn has_container(&self, keyword: &str) -> bool {
        self.container.iter().any(|c| c == keyword)
    }

    /// Equal apart from being protected: redefining a protected term this way is allowed.
    fn same_meaning(&self, other: &TermDefinition) -> bool {
        TermDefinition { protected: other.protected, ..self.clone() } == *other
    }
}

#[derive(Debug, Clone, Default)]
pub struct ActiveContext {
    terms: HashMap<String, TermDefinition>,
    pub vocab: Option<String>,
    pub language: Option<String>,
    /// The context to return to in nested nodes, after a type-scoped context (which does not
    /// propagate) was applied.
    pub previous: Option<Box<ActiveContext>>,
}

pub const KEYWORDS: &[&str] = &[
    "@base",
    "@container",
    "@context",
    "@default",
    "@direction",
    "@embed",
    "@explicit",
    "@graph",
    "@id",
    "@import",
    "@included",
    "@index",
    "@json",
    "@language",
    "@list",
    "@nest",
    "@none",
    "@omitDefault",
    "@prefix",
    "@preserve",
    "@propagate",
    "@protected",
    "@requireAll",
    "@reverse",
    "@set",
    "@type",
    "@value",
    "@version",
    "@vocab",
];

pub fn is_keyword(s: &str) -> bool {
    KEYWORDS.contains(&s)
}

/// `@` followed by letters only: reserved for future keywords, ignored by processors.
fn looks_like_keyword(s: &str) -> bool {
    s.strip_prefix('@')
        .is_some_and(|rest| !rest.is_empty() && rest.chars().all(|c| c.is_ascii_alphabetic()))
}

pub fn is_absolute_iri(s: &str) -> bool {
    match s.split_once(':') {
        Some((scheme, _)) => {
            let mut chars = scheme.chars();
            chars.next().is_some_and(|c| c.is_ascii_alphabetic())
                && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
        }
        None => false,
    }
}

/// A local context being processed, so that terms may refer to terms defined after them.
struct Local<'a> {
    map: &'a Map<String, Value>,
    defined: HashMap<String, bool>,
    protected: bool,
    override_protected: bool,
}

impl ActiveContext {
    pub fn term(&self, term: &str) -> Option<&TermDefinition> {
        self.terms.get(term)
    }

    /// Context Processing: `local` is the value of an `@context` member.
    pub fn process(
        &self,
        local: &Value,
        contexts: &Contexts,
        override_protected: bool,
        propagate: bool,
        depth: usize,
    ) -> Result<ActiveContext, JsonLdError> {
        if depth > MAX_CONTEXT_DEPTH {
            return Err(JsonLdError::InvalidContext("contexts are nested too deeply".to_string()));
        }
        let mut result = self.clone();
        let propagate = match local.get("@propagate") {
            Some(Value::Bool(flag)) => *flag,
            Some(_) => {
                return Err(JsonLdError::InvalidContext(
                    "@propagate must be true or false".to_string(),
                ))
            }
            None => propagate,
        };
        if !propagate && result.previous.is_none() {
            result.previous = Some(Box::new(self.clone()));
        }
        let list = match local {
            Value::Array(list) => list.as_slice(),
            single => std::slice::from_ref(single),
        };
        for context in list {
            match context {
                Value::Null => {
                    if !override_protected && result.terms.values().any(|d| d.protected) {
                        return Err(JsonLdError::InvalidContext(
                            "a context cannot clear protected terms".to_string(),
                        ));
                    }
                    let previous = (!propagate).then(|| Box::new(result.clone()));
                    result = ActiveContext { previous, ..ActiveContext::default() };
                }
                Value::String(url) => {
                    let loaded = contexts.get(url)?;
                    result = result.process(loaded, contexts, false, true, depth + 1)?;
                }
                Value::Object(map) => result.define_all(map, override_protected)?,
                _ => {
                    return Err(JsonLdError::InvalidContext(
                        "a context must be an object, a URL or null".to_string(),
                    ))
                }
            }
        }
        Ok(result)
    }

    fn define_all(
        &mut self,
        map: &Map<String, Value>,
        override_protected: bool,
    ) -> Result<(), JsonLdError> {
        for unsupported in ["@import", "@base", "@direction"] {
            if map.contains_key(unsupported) {
                return Err(JsonLdError::Unsupported(unsupported));
            }
        }
        match map.get("@version") {
            None => {}
            Some(Value::Number(n)) if n.as_f64() == Some(1.1) => {}
            Some(_) => return Err(JsonLdError::InvalidContext("@version must be 1.1".to_string())),
        }
        let protected = match map.get("@protected") {
            None => false,
            Some(Value::Bool(flag)) => *flag,
            Some(_) => {
                return Err(JsonLdError::InvalidContext(
                    "@protected must be true or false".to_string(),
                ))
            }
        };
        match map.get("@vocab") {
            None => {}
            Some(Value::Null) => self.vocab = None,
            Some(Value::String(vocab)) => {
                let iri = self.expand_iri(vocab, true, None)?;
                match iri {
                    Some(iri) if is_absolute_iri(&iri) || iri.starts_with("_:") => {
                        self.vocab = Some(iri)
                    }
                    _ => {
                        return Err(JsonLdError::InvalidContext(format!(
                            "@vocab {vocab} is not an IRI"
                        )))
                    }
                }
            }
            Some(_) => {
                return Err(JsonLdError::InvalidContext("@vocab must be a string".to_string()))
            }
        }
        match map.get("@language") {
            None => {}
            Some(Value::Null) => self.language = None,
            Some(Value::String(language)) => self.language = Some(language.clone()),
            Some(_) => {
                return Err(JsonLdError::InvalidContext("@language must be a string".to_string()))
            }
        }
        let mut local = Local { map, defined: HashMap::new(), protected, override_protected };
        for term in map.keys() {
            if !matches!(
                term.as_str(),
                "@version" | "@protected" | "@vocab" | "@language" | "@propagate"
            ) {
                self.define(&mut local, term)?;
            }
        }
        Ok(())
    }

    /// Create Term Definition.
    fn define(&mut self, local: &mut Local<'_>, term: &str) -> Result<(), JsonLdError> {
        match local.defined.get(term) {
            Some(true) => return Ok(()),
            Some(false) => {
                return Err(JsonLdError::InvalidContext(format!(
                    "the term {term} is defined in a cycle"
                )))
            }
            None => {}
        }
        if term.is_empty() {
            return Err(JsonLdError::InvalidContext("a term cannot be empty".to_string()));
        }
        local.defined.insert(term.to_string(), false);
        let Some(value) = local.map.get(term) else {
            local.defined.insert(term.to_string(), true);
            return Ok(());
        };
        if is_keyword(term) {
            return Err(JsonLdError::InvalidContext(format!(
                "the keyword {term} cannot be redefined"
            )));
        }
        if looks_like_keyword(term) {
            local.defined.insert(term.to_string(), true);
            return Ok(());
        }
        let previous = self.terms.remove(term);
        let mut definition = TermDefinition {
            iri: None,
            type_mapping: None,
            container: Vec::new(),
            context: None,
            language: None,
            prefix: false,
            protected: local.protected,
        };
        let simple = value.is_string();
        let entries: Map<String, Value> = match value {
            Value::Null => Map::from_iter([("@id".to_string(), Value::Null)]),
            Value::String(id) => Map::from_iter([("@id".to_string(), Value::String(id.clone()))]),
            Value::Object(map) => map.clone(),
            _ => {
                return Err(JsonLdError::InvalidContext(format!(
                    "the definition of {term} is not valid"
                )))
            }
        };
        for key in entries.keys() {
            if !matches!(
                key.as_str(),
                "@id"
                    | "@type"
                    | "@container"
                    | "@context"
                    | "@language"
                    | "@prefix"
                    | "@protected"
            ) {
                return Err(
                    if matches!(key.as_str(), "@reverse" | "@nest" | "@index" | "@direction") {
                        JsonLdError::Unsupported(
                            "a term definition with @reverse, @nest, @index or @direction",
                        )
                    } else {
                        JsonLdError::InvalidContext(format!(
                            "the definition of {term} has the unknown key {key}"
                        ))
                    },
                );
            }
        }
        match entries.get("@protected") {
            None => {}
            Some(Value::Bool(flag)) => definition.protected = *flag,
            Some(_) => {
                return Err(JsonLdError::InvalidContext(
                    "@protected must be true or false".to_string(),
                ))
            }
        }
        if let Some(type_mapping) = entries.get("@type") {
            let Value::String(type_mapping) = type_mapping else {
                return Err(JsonLdError::InvalidContext(format!(
                    "the @type of {term} is not a string"
                )));
            };
            let iri = self.expand_iri(type_mapping, true, Some(local))?.unwrap_or_default();
            if !(matches!(iri.as_str(), "@id" | "@vocab" | "@json" | "@none")
                || is_absolute_iri(&iri))
            {
                return Err(JsonLdError::InvalidContext(format!(
                    "the @type of {term} is not an IRI"
                )));
            }
            definition.type_mapping = Some(iri);
        }
        match entries.get("@id") {
            Some(Value::Null) => {}
            Some(Value::String(id)) if id != term => {
                if looks_like_keyword(id) && !is_keyword(id) {
                    local.defined.insert(term.to_string(), true);
                    return Ok(());
                }
                let iri = self.expand_iri(id, true, Some(local))?;
                match iri {
                    Some(iri)
                        if is_keyword(&iri) || is_absolute_iri(&iri) || iri.starts_with("_:") =>
                    {
                        // A simple term whose IRI ends in a gen-delim may serve as a prefix.
                        definition.prefix = simple
                            && !term.contains([':', '/'])
                            && iri.ends_with([':', '/', '?', '#', '[', ']', '@']);
                        definition.iri = Some(iri);
                    }
                    _ => return Err(JsonLdError::InvalidContext(format!("{term} maps to no IRI"))),
                }
            }
            Some(Value::String(_)) | None => {
                definition.iri = Some(self.iri_of_term_itself(term, local)?)
            }
            Some(_) => {
                return Err(JsonLdError::InvalidContext(format!(
                    "the @id of {term} is not a string"
                )))
            }
        }
        if let Some(container) = entries.get("@container") {
            let list = match container {
                Value::Array(list) => list.clone(),
                single => vec![single.clone()],
            };
            for keyword in list {
                match keyword.as_str() {
                    Some(k @ ("@list" | "@set" | "@index" | "@graph" | "@language")) => {
                        definition.container.push(k.to_string())
                    }
                    Some("@id" | "@type") => {
                        return Err(JsonLdError::Unsupported("@id and @type maps"))
                    }
                    _ => {
                        return Err(JsonLdError::InvalidContext(format!(
                            "the @container of {term} is not valid"
                        )))
                    }
                }
            }
        }
        if let Some(context) = entries.get("@context") {
            definition.context = Some(context.clone());
        }
        match entries.get("@language") {
            None => {}
            Some(Value::Null) => definition.language = Some(None),
            Some(Value::String(language)) => definition.language = Some(Some(language.clone())),
            Some(_) => {
                return Err(JsonLdError::InvalidContext(format!(
                    "the @language of {term} is not valid"
                )))
            }
        }
        match entries.get("@prefix") {
            None => {}
            Some(Value::Bool(flag)) => definition.prefix = *flag,
            Some(_) => {
                return Err(JsonLdError::InvalidContext(format!(
                    "the @prefix of {term} is not valid"
                )))
            }
        }
        if let Some(previous) = previous {
            if previous.protected && !local.override_protected {
                if !definition.same_meaning(&previous) {
                    return Err(JsonLdError::ProtectedTermRedefinition(term.to_string()));
                }
                definition = previous;
            }
        }
        self.terms.insert(term.to_string(), definition);
        local.defined.insert(term.to_string(), true);
        Ok(())
    }

    /// The IRI of a term defined without `@id`: a compact IRI, an IRI, or the vocabulary plus the term.
    fn iri_of_term_itself(
        &mut self,
        term: &str,
        local: &mut Local<'_>,
    ) -> Result<String, JsonLdError> {
        if let Some((prefix, suffix)) = term.split_once(':') {
            if local.map.contains_key(prefix) {
                self.define(local, prefix)?;
            }
            if let Some(iri) = self.terms.get(prefix).and_then(|d| d.iri.as_ref()) {
                return Ok(format!("{iri}{suffix}"));
            }
            if is_absolute_iri(term) || prefix == "_" {
                return Ok(term.to_string());
            }
        }
        if term == "@type" {
            return Ok(term.to_string());
        }
        match &self.vocab {
            Some(vocab) if !term.contains('/') => Ok(format!("{vocab}{term}")),
            _ => Err(JsonLdError::InvalidContext(format!("the term {term} maps to no IRI"))),
        }
    }

    /// IRI Expansion while a local context is processed: terms of the local context that the
    /// value names are defined first.
    fn expand_iri(
        &mut self,
        value: &str,
        vocab: bool,
        local: Option<&mut Local<'_>>,
    ) -> Result<Option<String>, JsonLdError> {
        if let Some(local) = local {
            if !looks_like_keyword(value) {
                let prefix = value.split_once(':').map(|(prefix, _)| prefix);
                for name in std::iter::once(value).chain(prefix) {
                    if local.map.contains_key(name) && local.defined.get(name) != Some(&true) {
                        self.define(local, name)?;
                    }
                }
            }
        }
        Ok(self.expand(value, vocab))
    }

    /// IRI Expansion. `vocab` says whether terms and `@vocab` apply (property names, types);
    /// otherwise the value is document-relative and, with no base, stays as written. `None`
    /// when the value expands to nothing (a term mapped to null, an unknown keyword).
    pub fn expand(&self, value: &str, vocab: bool) -> Option<String> {
        if is_keyword(value) {
            return Some(value.to_string());
        }
        if looks_like_keyword(value) {
            return None;
        }
        if vocab {
            if let Some(definition) = self.terms.get(value) {
                return definition.iri.clone();
            }
        }
        if let Some((prefix, suffix)) = value.split_once(':') {
            if prefix == "_" || suffix.starts_with("//") {
                return Some(value.to_string());
            }
            if let Some(iri) =
                self.terms.get(prefix).filter(|d| d.prefix).and_then(|d| d.iri.as_ref())
            {
                return Some(format!("{iri}{suffix}"));
            }
            if is_absolute_iri(value) {
                return Some(value.to_string());
            }
        }
        match &self.vocab {
            Some(vocab_iri) if vocab => Some(format!("{vocab_iri}{value}")),
            _ => Some(value.to_string()),
        }
    }
}
