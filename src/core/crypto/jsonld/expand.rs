//! JSON-LD 1.1 expansion of a compacted document into expanded form, in "safe mode": a property
//! that maps to no IRI, or a value that would silently be dropped, is an error. A signature over
//! RDF covers only what turns into RDF, so anything dropped would be unsigned yet shown.

use super::context::{is_absolute_iri, is_keyword, ActiveContext, Contexts};
use super::JsonLdError;
use serde_json::{Map, Value};

/// Nesting of JSON arrays and objects accepted; expansion recurses and a browser stack is small.
const MAX_DEPTH: usize = 64;

/// Expands a document: the result is an array of node objects in expanded form.
pub fn expand(document: &Value, contexts: &Contexts) -> Result<Vec<Value>, JsonLdError> {
    let expander = Expander { contexts };
    let expanded = expander.element(&ActiveContext::default(), None, document, 0, false)?;
    let nodes = match expanded {
        None => Vec::new(),
        Some(Value::Object(mut map)) if map.len() == 1 && map.contains_key("@graph") => {
            as_list(map.remove("@graph").unwrap_or(Value::Null))
        }
        Some(other) => as_list(other),
    };
    Ok(nodes)
}

fn as_list(value: Value) -> Vec<Value> {
    match value {
        Value::Array(list) => list,
        Value::Null => Vec::new(),
        single => vec![single],
    }
}

struct Expander<'a> {
    contexts: &'a Contexts,
}

impl Expander<'_> {
    fn element(
        &self,
        context: &ActiveContext,
        property: Option<&str>,
        element: &Value,
        depth: usize,
        inside_list: bool,
    ) -> Result<Option<Value>, JsonLdError> {
        if depth > MAX_DEPTH {
            return Err(JsonLdError::TooDeep);
        }
        match element {
            Value::Null => Ok(None),
            Value::Array(items) => {
                // Inside a list, an array is a list of its own (JSON-LD 1.1 lists of lists).
                let in_list = inside_list
                    || property
                        .and_then(|p| context.term(p))
                        .is_some_and(|d| d.has_container("@list"));
                let mut list = Vec::new();
                for item in items {
                    if in_list && item.is_array() {
                        let inner = self.element(context, property, item, depth + 1, true)?;
                        let inner = Value::Array(inner.map(as_list).unwrap_or_default());
                        list.push(Value::Object(Map::from_iter([("@list".to_string(), inner)])));
                        continue;
                    }
                    match self.element(context, property, item, depth + 1, false)? {
                        Some(Value::Array(inner)) => list.extend(inner),
                        Some(value) => list.push(value),
                        None => {}
                    }
                }
                Ok(Some(Value::Array(list)))
            }
            Value::Object(map) => self.object(context, property, map, depth),
            scalar => {
                let Some(property) = property.filter(|p| *p != "@graph") else {
                    return Err(JsonLdError::Dropped("a value outside any property".to_string()));
                };
                let context = self.property_scoped(context, context, property, depth)?;
                value_expansion(&context, property, scalar).map(Some)
            }
        }
    }

    /// Applies the property-scoped context of `property` as defined in `lookup` (the context the
    /// property appeared in) to `context` (which may have dropped a type-scoped context since).
    fn property_scoped(
        &self,
        lookup: &ActiveContext,
        context: &ActiveContext,
        property: &str,
        depth: usize,
    ) -> Result<ActiveContext, JsonLdError> {
        match lookup.term(property).and_then(|d| d.context.as_ref()) {
            Some(scoped) => context.process(scoped, self.contexts, true, true, depth),
            None => Ok(context.clone()),
        }
    }

    fn object(
        &self,
        outer: &ActiveContext,
        property: Option<&str>,
        map: &Map<String, Value>,
        depth: usize,
    ) -> Result<Option<Value>, JsonLdError> {
        let mut context = outer.clone();
        // A type-scoped context stops at the node it was applied to, except for value objects
        // and bare node references.
        if let Some(previous) = &context.previous {
            let expands_to = |key: &String| outer.expand(key, true);
            let is_value = map.keys().any(|k| expands_to(k).as_deref() == Some("@value"));
            let is_reference =
                map.len() == 1 && map.keys().all(|k| expands_to(k).as_deref() == Some("@id"));
            if !is_value && !is_reference {
                context = (**previous).clone();
            }
        }
        if let Some(property) = property {
            context = self.property_scoped(outer, &context, property, depth)?;
        }
        if let Some(local) = map.get("@context") {
            context = context.process(local, self.contexts, false, true, depth)?;
        }
        let type_scoped = context.clone();
        let mut keys: Vec<&String> = map.keys().collect();
        keys.sort();
        for key in &keys {
            if type_scoped.expand(key, true).as_deref() != Some("@type") {
                continue;
            }
            let mut types: Vec<&str> = match map.get(key.as_str()) {
                Some(Value::String(t)) => vec![t.as_str()],
                Some(Value::Array(list)) => list.iter().filter_map(Value::as_str).collect(),
                _ => Vec::new(),
            };
            types.sort_unstable();
            for t in types {
                if let Some(scoped) = type_scoped.term(t).and_then(|d| d.context.as_ref()) {
                    context = context.process(scoped, self.contexts, false, false, depth)?;
                }
            }
        }

        let mut result = Map::new();
        for key in keys {
            if key == "@context" {
                continue;
            }
            let Some(value) = map.get(key.as_str()) else { continue };
            let expanded_property = match context.expand(key, true) {
                Some(iri) if is_keyword(&iri) || is_absolute_iri(&iri) || iri.starts_with("_:") => {
                    iri
                }
                _ => return Err(JsonLdError::UndefinedTerm(key.clone())),
            };
            if is_keyword(&expanded_property) {
                let expanded = self.keyword(
                    &context,
                    &type_scoped,
                    property,
                    &expanded_property,
                    value,
                    depth,
                )?;
                if let Some(expanded) = expanded {
                    result.insert(expanded_property, expanded);
                }
                continue;
            }
            let definition = context.term(key);
            let container = |keyword: &str| definition.is_some_and(|d| d.has_container(keyword));
            let mut expanded =
                if definition.and_then(|d| d.type_mapping.as_deref()) == Some("@json") {
                    Value::Object(Map::from_iter([
                        ("@value".to_string(), value.clone()),
                        ("@type".to_string(), Value::String("@json".to_string())),
                    ]))
                } else if container("@language") && value.is_object() {
                    language_map(value)?
                } else if container("@index") && value.is_object() {
                    self.index_map(&context, key, value, depth)?
                } else {
                    match self.element(&context, Some(key), value, depth + 1, false)? {
                        Some(expanded) => expanded,
                        None => continue,
                    }
                };
            if container("@list") && expanded.get("@list").is_none() {
                expanded = Value::Object(Map::from_iter([(
                    "@list".to_string(),
                    Value::Array(as_list(expanded)),
                )]));
            }
            if container("@graph") {
                let wrapped = as_list(expanded)
                    .into_iter()
                    .map(|item| {
                        Value::Object(Map::from_iter([(
                            "@graph".to_string(),
                            Value::Array(vec![item]),
                        )]))
                    })
                    .collect();
                expanded = Value::Array(wrapped);
            }
            let entry = result.entry(expanded_property).or_insert_with(|| Value::Array(Vec::new()));
            if let Value::Array(list) = entry {
                list.extend(as_list(expanded));
            }
        }
        finish(result, property)
    }

    fn keyword(
        &self,
        context: &ActiveContext,
        type_scoped: &ActiveContext,
        property: Option<&str>,
        keyword: &str,
        value: &Value,
        depth: usize,
    ) -> Result<Option<Value>, JsonLdError> {
        let string = |v: &Value| {
            v.as_str().map(str::to_string).ok_or(JsonLdError::InvalidValue(keyword.to_string()))
        };
        match keyword {
            "@id" => Ok(context.expand(&string(value)?, false).map(Value::String)),
            "@type" => {
                let list = match value {
                    Value::Array(list) => list.clone(),
                    single => vec![single.clone()],
                };
                let mut types = Vec::new();
                for t in &list {
                    let t = string(t)?;
                    let iri = type_scoped
                        .expand(&t, true)
                        .ok_or(JsonLdError::UndefinedTerm(t.clone()))?;
                    types.push(Value::String(iri));
                }
                Ok(Some(Value::Array(types)))
            }
            "@value" => Ok(Some(value.clone())),
            "@language" | "@index" => Ok(Some(Value::String(string(value)?))),
            "@graph" => Ok(self
                .element(context, Some("@graph"), value, depth + 1, false)?
                .map(|v| Value::Array(as_list(v)))),
            "@list" | "@set" => {
                let expanded =
                    self.element(context, property, value, depth + 1, keyword == "@list")?;
                Ok(Some(Value::Array(expanded.map(as_list).unwrap_or_default())))
            }
            _ => Err(JsonLdError::Unsupported("this keyword in a document")),
        }
    }

    fn index_map(
        &self,
        context: &ActiveContext,
        property: &str,
        value: &Value,
        depth: usize,
    ) -> Result<Value, JsonLdError> {
        let mut list = Vec::new();
        let Value::Object(map) = value else { return Ok(Value::Array(list)) };
        let mut keys: Vec<&String> = map.keys().collect();
        keys.sort();
        for index in keys {
            let Some(items) = map.get(index.as_str()) else { continue };
            let expanded = self.element(context, Some(property), items, depth + 1, false)?;
            for mut item in expanded.map(as_list).unwrap_or_default() {
                if let Value::Object(item_map) = &mut item {
                    if index != "@none" && !item_map.contains_key("@index") {
                        item_map.insert("@index".to_string(), Value::String(index.clone()));
                    }
                }
                list.push(item);
            }
        }
        Ok(Value::Array(list))
    }
}

fn language_map(value: &Value) -> Result<Value, JsonLdError> {
    let mut list = Vec::new();
    if let Value::Object(map) = value {
        let mut keys: Vec<&String> = map.keys().collect();
        keys.sort();
        for language in keys {
            for item in map.get(language.as_str()).cloned().map(as_list).unwrap_or_default() {
                let Value::String(text) = item else {
                    return Err(JsonLdError::InvalidValue(
                        "a language map holds strings only".to_string(),
                    ));
                };
                let mut object = Map::from_iter([("@value".to_string(), Value::String(text))]);
                if language != "@none" {
                    object.insert("@language".to_string(), Value::String(language.clone()));
                }
                list.push(Value::Object(object));
            }
        }
    }
    Ok(Value::Array(list))
}

/// Value Expansion: a scalar becomes a value object, or a node reference for `@id`/`@vocab` terms.
fn value_expansion(
    context: &ActiveContext,
    property: &str,
    value: &Value,
) -> Result<Value, JsonLdError> {
    let definition = context.term(property);
    let type_mapping = definition.and_then(|d| d.type_mapping.as_deref());
    if let (Some(mapping @ ("@id" | "@vocab")), Value::String(text)) = (type_mapping, value) {
        let iri = context
            .expand(text, mapping == "@vocab")
            .ok_or(JsonLdError::InvalidValue(text.clone()))?;
        return Ok(Value::Object(Map::from_iter([("@id".to_string(), Value::String(iri))])));
    }
    let mut result = Map::from_iter([("@value".to_string(), value.clone())]);
    match type_mapping {
        Some(mapping) if !matches!(mapping, "@id" | "@vocab" | "@none") => {
            result.insert("@type".to_string(), Value::String(mapping.to_string()));
        }
        _ if value.is_string() => {
            let language = match definition.and_then(|d| d.language.clone()) {
                Some(language) => language,
                None => context.language.clone(),
            };
            if let Some(language) = language {
                result.insert("@language".to_string(), Value::String(language));
            }
        }
        _ => {}
    }
    Ok(Value::Object(result))
}

/// The last steps of expanding an object: validate value objects, unwrap `@set`, and refuse
/// what the algorithm would drop without a word.
fn finish(
    mut result: Map<String, Value>,
    property: Option<&str>,
) -> Result<Option<Value>, JsonLdError> {
    if result.contains_key("@value") {
        if let Some(extra) = result
            .keys()
            .find(|k| !matches!(k.as_str(), "@value" | "@type" | "@language" | "@index"))
        {
            return Err(JsonLdError::InvalidValue(format!("a value object cannot have {extra}")));
        }
        if result.get("@value") == Some(&Value::Null) {
            return Ok(None);
        }
        if let Some(t) = result.get("@type") {
            let t = match t {
                Value::Array(list) if list.len() == 1 => {
                    list.first().cloned().unwrap_or(Value::Null)
                }
                other => other.clone(),
            };
            match &t {
                Value::String(iri) if iri == "@json" || is_absolute_iri(iri) => {}
                _ => {
                    return Err(JsonLdError::InvalidValue(
                        "the @type of a value is not an IRI".to_string(),
                    ))
                }
            }
            result.insert("@type".to_string(), t);
        }
        return Ok(Some(Value::Object(result)));
    }
    if let Some(set) = result.remove("@set") {
        if !result.is_empty() {
            return Err(JsonLdError::InvalidValue("@set cannot have other members".to_string()));
        }
        return Ok(Some(set));
    }
    if result.contains_key("@list")
        && result.keys().any(|k| !matches!(k.as_str(), "@list" | "@index"))
    {
        return Err(JsonLdError::InvalidValue("@list cannot have other members".to_string()));
    }
    if result.len() == 1 && result.contains_key("@language") {
        return Ok(None);
    }
    let top = property.is_none_or(|p| p == "@graph");
    if top && (result.is_empty() || result.contains_key("@list")) {
        return Err(JsonLdError::Dropped(
            "an empty node or a list outside any property".to_string(),
        ));
    }
    Ok(Some(Value::Object(result)))
}
