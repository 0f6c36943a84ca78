//! Deserialization of expanded JSON-LD to RDF quads (JSON-LD 1.1 "toRdf"), without the node
//! map: every node object yields its own quads directly, and a node described twice yields the
//! union, which is the same dataset once duplicates are removed (RDFC-1.0 does that).

use super::context::is_absolute_iri;
use super::JsonLdError;
use crate::core::crypto::jcs;
use crate::core::crypto::rdfc::nquads::{RDF_LANG_STRING, XSD_STRING};
use crate::core::crypto::rdfc::{Quad, Term};
use serde_json::{Map, Value};
use std::collections::HashMap;

const RDF: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const XSD: &str = "http://www.w3.org/2001/XMLSchema#";
const MAX_DEPTH: usize = 64;

/// The quads of an expanded document.
pub fn to_rdf(expanded: &[Value]) -> Result<Vec<Quad>, JsonLdError> {
    let mut writer = Writer { quads: Vec::new(), blank: HashMap::new(), next_blank: 0 };
    for node in expanded {
        writer.node(node, None, 0)?;
    }
    Ok(writer.quads)
}

struct Writer {
    quads: Vec<Quad>,
    /// Blank node labels of the document, relabelled so they cannot meet generated ones.
    blank: HashMap<String, String>,
    next_blank: usize,
}

fn rdf(name: &str) -> Term {
    Term::Iri(format!("{RDF}{name}"))
}

impl Writer {
    fn fresh(&mut self) -> Term {
        self.next_blank += 1;
        Term::Blank(format!("b{}", self.next_blank))
    }

    fn identifier(&mut self, id: &str) -> Result<Term, JsonLdError> {
        if let Some(label) = id.strip_prefix("_:") {
            let next = self.blank.len() + 1;
            let relabelled =
                self.blank.entry(label.to_string()).or_insert_with(|| format!("d{next}"));
            return Ok(Term::Blank(relabelled.clone()));
        }
        if is_absolute_iri(id) {
            Ok(Term::Iri(id.to_string()))
        } else {
            Err(JsonLdError::Dropped(format!("the identifier {id} is not an absolute IRI")))
        }
    }

    /// A node object (or graph object): writes its quads into `graph` and returns its subject.
    fn node(
        &mut self,
        node: &Value,
        graph: Option<&Term>,
        depth: usize,
    ) -> Result<Term, JsonLdError> {
        if depth > MAX_DEPTH {
            return Err(JsonLdError::TooDeep);
        }
        let Value::Object(map) = node else {
            return Err(JsonLdError::InvalidValue("expected a node object".to_string()));
        };
        let subject = match map.get("@id") {
            Some(Value::String(id)) => self.identifier(id)?,
            _ => self.fresh(),
        };
        for (key, values) in map {
            let values = values.as_array().map(Vec::as_slice).unwrap_or_default();
            match key.as_str() {
                "@id" | "@index" => {}
                "@type" => {
                    for t in values {
                        let t = t.as_str().ok_or(JsonLdError::InvalidValue("@type".to_string()))?;
                        let object = self.identifier(t)?;
                        self.push(subject.clone(), rdf("type"), object, graph);
                    }
                }
                "@graph" => {
                    for inner in values {
                        self.node(inner, Some(&subject), depth + 1)?;
                    }
                }
                property if property.starts_with('@') => {
                    return Err(JsonLdError::Unsupported("this keyword in a node"));
                }
                property => {
                    let predicate = match self.identifier(property)? {
                        Term::Iri(iri) => Term::Iri(iri),
                        _ => {
                            return Err(JsonLdError::Dropped(format!(
                                "the property {property} is a blank node"
                            )))
                        }
                    };
                    for value in values {
                        let object = self.object(value, graph, depth + 1)?;
                        self.push(subject.clone(), predicate.clone(), object, graph);
                    }
                }
            }
        }
        Ok(subject)
    }

    fn push(&mut self, subject: Term, predicate: Term, object: Term, graph: Option<&Term>) {
        self.quads.push(Quad { subject, predicate, object, graph: graph.cloned() });
    }

    fn object(
        &mut self,
        value: &Value,
        graph: Option<&Term>,
        depth: usize,
    ) -> Result<Term, JsonLdError> {
        let Value::Object(map) = value else {
            return Err(JsonLdError::InvalidValue("expected an expanded value".to_string()));
        };
        if map.contains_key("@value") {
            return literal(map);
        }
        if let Some(items) = map.get("@list") {
            return self.list(
                items.as_array().map(Vec::as_slice).unwrap_or_default(),
                graph,
                depth,
            );
        }
        self.node(value, graph, depth)
    }

    /// An RDF collection: a chain of `rdf:first`/`rdf:rest` ending in `rdf:nil`.
    fn list(
        &mut self,
        items: &[Value],
        graph: Option<&Term>,
        depth: usize,
    ) -> Result<Term, JsonLdError> {
        let heads: Vec<Term> = items.iter().map(|_| self.fresh()).collect();
        for (index, (item, head)) in items.iter().zip(&heads).enumerate() {
            let first = self.object(item, graph, depth + 1)?;
            self.push(head.clone(), rdf("first"), first, graph);
            let rest = heads.get(index + 1).cloned().unwrap_or_else(|| rdf("nil"));
            self.push(head.clone(), rdf("rest"), rest, graph);
        }
        Ok(heads.first().cloned().unwrap_or_else(|| rdf("nil")))
    }
}

/// Object-to-RDF conversion of a value object.
fn literal(map: &Map<String, Value>) -> Result<Term, JsonLdError> {
    let value = map.get("@value").unwrap_or(&Value::Null);
    let datatype = map.get("@type").and_then(Value::as_str);
    if datatype == Some("@json") {
        let text =
            jcs::canonicalize(value).map_err(|e| JsonLdError::InvalidValue(e.to_string()))?;
        return Ok(Term::Literal { value: text, datatype: format!("{RDF}JSON"), language: None });
    }
    if let Some(datatype) = datatype {
        if !is_absolute_iri(datatype) {
            return Err(JsonLdError::InvalidValue(format!(
                "the datatype {datatype} is not an IRI"
            )));
        }
    }
    let typed = |lexical: String, default: &str| Term::Literal {
        value: lexical,
        datatype: datatype.unwrap_or(default).to_string(),
        language: None,
    };
    match value {
        Value::String(text) => match map.get("@language").and_then(Value::as_str) {
            Some(language) => Ok(Term::Literal {
                value: text.clone(),
                datatype: RDF_LANG_STRING.to_string(),
                language: Some(language.to_ascii_lowercase()),
            }),
            None => Ok(typed(text.clone(), XSD_STRING)),
        },
        Value::Bool(flag) => Ok(typed(flag.to_string(), &format!("{XSD}boolean"))),
        Value::Number(number) => {
            let double = format!("{XSD}double");
            let integer = number
                .as_i64()
                .map(|n| n.to_string())
                .or_else(|| number.as_u64().map(|n| n.to_string()));
            match integer {
                Some(lexical) if datatype != Some(double.as_str()) => {
                    Ok(typed(lexical, &format!("{XSD}integer")))
                }
                _ => {
                    let x =
                        number.as_f64().ok_or(JsonLdError::InvalidValue("a number".to_string()))?;
                    // A double without a fraction below 10^21 is written as an integer.
                    if x.fract() == 0.0 && x.abs() < 1e21 && datatype != Some(double.as_str()) {
                        Ok(typed(format!("{x:.0}"), &format!("{XSD}integer")))
                    } else {
                        Ok(typed(canonical_double(x), &double))
                    }
                }
            }
        }
        _ => Err(JsonLdError::InvalidValue(
            "a value must be a string, number or boolean".to_string(),
        )),
    }
}

/// The canonical xsd:double form JSON-LD uses: one digit before the point, at most 15 after,
/// trailing zeros dropped but one kept, and the exponent without '+' or leading zeros.
fn canonical_double(x: f64) -> String {
    let text = format!("{x:.15E}");
    let (mantissa, exponent) = text.split_once('E').unwrap_or((&text, "0"));
    let mantissa = mantissa.trim_end_matches('0');
    let mantissa =
        if mantissa.ends_with('.') { format!("{mantissa}0") } else { mantissa.to_string() };
    format!("{mantissa}E{exponent}")
}
