//! The one strict JSON reader: frameworks, records, saved assessments and backups are all read
//! through it, so they refuse the same things in the same way and say where, with a path such as
//! `core_tasks[1].learning_outcomes[0].indicators[2].id`.
//!
//! Parsing is [`jcs::parse_strict`]: `serde_json` would silently keep the last of two duplicate
//! member names, accept lone surrogates and recurse as deep as a hostile file asks. A size limit
//! comes first, because a page that tries to parse a huge download freezes.
//!
//! Reading walks the parsed value with [`Node`] and [`Object`], which know their path, so that a
//! format's reader states what it expects and gets every error already placed. Whether to stop at
//! the first error or collect them all is the format's choice: frameworks and records list every
//! problem for whoever fixes the file; a saved assessment is either readable or kept aside.

use std::fmt;

use serde_json::{Map, Value};

use crate::core::crypto::jcs::{self, JcsError};

/// Something wrong with a JSON text or value, at `path` (empty for the whole text).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonError {
    pub path: String,
    pub kind: JsonErrorKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JsonErrorKind {
    /// Refused before parsing.
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    /// The bytes are not UTF-8; `offset` is where the first bad byte is.
    NotUtf8 {
        offset: usize,
    },
    /// Not strict JSON: syntax, a member name twice, a lone surrogate, nesting too deep.
    Invalid(JcsError),
    /// A member the format requires is absent; holds its name.
    Missing(&'static str),
    /// A member the format does not have; holds its name. Refused, so that nothing in a file is
    /// silently ignored.
    Unknown(String),
    WrongType(Expected),
}

/// What a value should have been.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    Object,
    Array,
    String,
    /// Where null stands for "none".
    StringOrNull,
    /// A whole number from 0 up to what the type asked for holds.
    Count,
}

impl fmt::Display for Expected {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Expected::Object => "an object",
            Expected::Array => "an array",
            Expected::String => "a string",
            Expected::StringOrNull => "a string or null",
            Expected::Count => "a whole number in range",
        })
    }
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = if self.path.is_empty() { "(root)" } else { &self.path };
        match &self.kind {
            JsonErrorKind::TooLarge { bytes, limit } => {
                write!(f, "{bytes} bytes, more than the limit of {limit}")
            }
            JsonErrorKind::NotUtf8 { offset } => {
                write!(f, "not UTF-8 text (bad byte at offset {offset})")
            }
            JsonErrorKind::Invalid(e) => write!(f, "not valid JSON: {e}"),
            JsonErrorKind::Missing(_) => write!(f, "{at}: is missing"),
            JsonErrorKind::Unknown(_) => write!(f, "{at}: is not a member of this format"),
            JsonErrorKind::WrongType(expected) => write!(f, "{at}: expected {expected}"),
        }
    }
}

impl std::error::Error for JsonError {}

fn whole_text(kind: JsonErrorKind) -> JsonError {
    JsonError { path: String::new(), kind }
}

/// Parses `text` strictly, refusing it unread when it is longer than `limit` bytes.
pub fn parse(text: &str, limit: usize) -> Result<Value, JsonError> {
    parse_with(jcs::parse_strict, text, limit)
}

/// [`parse`] for text this app wrote, whose numbers are all whole ([`jcs::parse_strict_whole`]).
pub fn parse_whole(text: &str, limit: usize) -> Result<Value, JsonError> {
    parse_with(jcs::parse_strict_whole, text, limit)
}

fn parse_with(
    reader: fn(&str) -> Result<Value, JcsError>,
    text: &str,
    limit: usize,
) -> Result<Value, JsonError> {
    if text.len() > limit {
        return Err(whole_text(JsonErrorKind::TooLarge { bytes: text.len(), limit }));
    }
    reader(text).map_err(|e| whole_text(JsonErrorKind::Invalid(e)))
}

/// [`parse`] for raw bytes, such as a file's: the size is judged before the encoding, so a huge
/// file is not read through.
pub fn parse_bytes(bytes: &[u8], limit: usize) -> Result<Value, JsonError> {
    if bytes.len() > limit {
        return Err(whole_text(JsonErrorKind::TooLarge { bytes: bytes.len(), limit }));
    }
    let text = std::str::from_utf8(bytes)
        .map_err(|e| whole_text(JsonErrorKind::NotUtf8 { offset: e.valid_up_to() }))?;
    parse(text, limit)
}

/// A value in a parsed document, with its path.
#[derive(Clone, Debug)]
pub struct Node<'v> {
    value: &'v Value,
    path: String,
}

/// An object in a parsed document, with its path.
#[derive(Clone, Debug)]
pub struct Object<'v> {
    map: &'v Map<String, Value>,
    /// Members read as though they were `map`'s, those of these names that `map` does not have
    /// (see [`Object::over`]).
    under: Option<(&'v Map<String, Value>, &'static [&'static str])>,
    path: String,
}

impl<'v> Node<'v> {
    /// The whole document.
    pub fn root(value: &'v Value) -> Node<'v> {
        Node { value, path: String::new() }
    }

    /// A value whose path the caller already knows.
    pub fn at(value: &'v Value, path: &str) -> Node<'v> {
        Node { value, path: path.to_string() }
    }

    pub fn value(&self) -> &'v Value {
        self.value
    }

    pub fn path(&self) -> &str {
        &self.path
    }

    pub fn is_null(&self) -> bool {
        self.value.is_null()
    }

    /// An error about this value.
    pub fn error(&self, kind: JsonErrorKind) -> JsonError {
        JsonError { path: self.path.clone(), kind }
    }

    fn wrong_type(&self, expected: Expected) -> JsonError {
        self.error(JsonErrorKind::WrongType(expected))
    }

    pub fn object(&self) -> Result<Object<'v>, JsonError> {
        self.clone().into_object()
    }

    /// [`Node::object`], handing this node's path on rather than copying it.
    pub fn into_object(self) -> Result<Object<'v>, JsonError> {
        match self.value {
            Value::Object(map) => Ok(Object { map, under: None, path: self.path }),
            _ => Err(self.wrong_type(Expected::Object)),
        }
    }

    /// The elements, each with its path.
    pub fn array(&self) -> Result<Vec<Node<'v>>, JsonError> {
        let Value::Array(items) = self.value else {
            return Err(self.wrong_type(Expected::Array));
        };
        let element = |(i, value)| Node { value, path: element_path(&self.path, i) };
        Ok(items.iter().enumerate().map(element).collect())
    }

    pub fn string(&self) -> Result<&'v str, JsonError> {
        as_string(self.value).ok_or_else(|| self.wrong_type(Expected::String))
    }

    /// A string, or `None` for null.
    pub fn nullable_string(&self) -> Result<Option<&'v str>, JsonError> {
        as_nullable_string(self.value).ok_or_else(|| self.wrong_type(Expected::StringOrNull))
    }

    /// A whole number that fits in `T`.
    pub fn count<T: TryFrom<u64>>(&self) -> Result<T, JsonError> {
        as_count(self.value).ok_or_else(|| self.wrong_type(Expected::Count))
    }
}

// What a value is read as. Written once for a `Node` and for a member read straight out of an
// `Object`, which builds the member's path only for an error: reading a record built one for
// each of its hundreds of members.

fn as_string(value: &Value) -> Option<&str> {
    value.as_str()
}

fn as_nullable_string(value: &Value) -> Option<Option<&str>> {
    match value {
        Value::Null => Some(None),
        Value::String(s) => Some(Some(s)),
        _ => None,
    }
}

fn as_count<T: TryFrom<u64>>(value: &Value) -> Option<T> {
    value.as_u64().and_then(|n| T::try_from(n).ok())
}

/// `path[index]`, without `format!`'s machinery: it runs for every element read.
fn element_path(path: &str, index: usize) -> String {
    let mut buffer = [0; 20];
    let digits = jcs::decimal(index as u64, &mut buffer);
    let mut element = String::with_capacity(path.len() + digits.len() + 2);
    element.push_str(path);
    element.push('[');
    element.push_str(digits);
    element.push(']');
    element
}

impl<'v> Object<'v> {
    /// One object of `map`'s members and of this object's members named in `names` that `map`
    /// does not have, at `map`'s `path`: a layout that moves some members of a document into
    /// another object is read without copying the members it leaves in place. This object's
    /// own members underneath, if any, are not included.
    pub fn over(
        &self,
        map: &'v Map<String, Value>,
        names: &'static [&'static str],
        path: &str,
    ) -> Object<'v> {
        Object { map, under: Some((self.map, names)), path: path.to_string() }
    }

    pub fn path(&self) -> &str {
        &self.path
    }

    /// The members of the object underneath that it lends and `map` does not have.
    fn underneath(&self) -> impl Iterator<Item = (&'v String, &'v Value)> + '_ {
        let (map, names) = (self.map, self.under.map_or(&[][..], |(_, names)| names));
        let lent = move |key: &String| names.contains(&key.as_str()) && !map.contains_key(key);
        self.under.into_iter().flat_map(|(under, _)| under).filter(move |(key, _)| lent(key))
    }

    /// Member `key` of the object underneath, if it lends it.
    fn get_underneath(&self, key: &str) -> Option<&'v Value> {
        let (under, names) = self.under?;
        names.contains(&key).then(|| under.get(key)).flatten()
    }

    /// The path of member `key`, whether or not it is there.
    pub fn path_to(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_string()
        } else {
            // Every member read gets its path, so this runs for each; without `format!`'s
            // machinery it costs one allocation of the right size.
            let mut path = String::with_capacity(self.path.len() + 1 + key.len());
            path.push_str(&self.path);
            path.push('.');
            path.push_str(key);
            path
        }
    }

    /// One error for each member not in `fields`.
    pub fn unknown<'a>(&'a self, fields: &'a [&str]) -> impl Iterator<Item = JsonError> + 'a {
        let keys = self.map.keys().chain(self.underneath().map(|(key, _)| key));
        keys.filter(|key| !fields.contains(&key.as_str())).map(|key| JsonError {
            path: self.path_to(key),
            kind: JsonErrorKind::Unknown(key.clone()),
        })
    }

    /// Member `key`; `None` when absent (null is a value like any other here).
    pub fn get(&self, key: &str) -> Option<Node<'v>> {
        let value = self.map.get(key).or_else(|| self.get_underneath(key))?;
        Some(Node { value, path: self.path_to(key) })
    }

    /// Member `key`, which the format requires.
    pub fn member(&self, key: &'static str) -> Result<Node<'v>, JsonError> {
        self.get(key)
            .ok_or_else(|| JsonError { path: self.path_to(key), kind: JsonErrorKind::Missing(key) })
    }

    /// Every member, in the map's order (those underneath after), each with its path.
    pub fn members(&self) -> impl Iterator<Item = (&'v String, Node<'v>)> + '_ {
        let members = self.map.iter().chain(self.underneath());
        members.map(|(key, value)| (key, Node { value, path: self.path_to(key) }))
    }

    pub fn object(&self, key: &'static str) -> Result<Object<'v>, JsonError> {
        self.member(key)?.into_object()
    }

    pub fn array(&self, key: &'static str) -> Result<Vec<Node<'v>>, JsonError> {
        self.member(key)?.array()
    }

    /// The value of member `key`, or `Missing` at its path.
    fn value_of(&self, key: &'static str) -> Result<&'v Value, JsonError> {
        match self.map.get(key).or_else(|| self.get_underneath(key)) {
            Some(value) => Ok(value),
            None => Err(JsonError { path: self.path_to(key), kind: JsonErrorKind::Missing(key) }),
        }
    }

    /// Member `key` is not what was `expected`.
    #[cold]
    fn wrong_type(&self, key: &str, expected: Expected) -> JsonError {
        JsonError { path: self.path_to(key), kind: JsonErrorKind::WrongType(expected) }
    }

    pub fn string(&self, key: &'static str) -> Result<&'v str, JsonError> {
        as_string(self.value_of(key)?).ok_or_else(|| self.wrong_type(key, Expected::String))
    }

    /// A member that must be present but may be null.
    pub fn nullable_string(&self, key: &'static str) -> Result<Option<&'v str>, JsonError> {
        let value = self.value_of(key)?;
        as_nullable_string(value).ok_or_else(|| self.wrong_type(key, Expected::StringOrNull))
    }

    /// A member that may be absent or null, both meaning none.
    pub fn optional_string(&self, key: &str) -> Result<Option<&'v str>, JsonError> {
        match self.get(key) {
            None => Ok(None),
            Some(node) => node.nullable_string(),
        }
    }

    pub fn count<T: TryFrom<u64>>(&self, key: &'static str) -> Result<T, JsonError> {
        as_count(self.value_of(key)?).ok_or_else(|| self.wrong_type(key, Expected::Count))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::crypto::jcs::MAX_DEPTH;

    fn error(path: &str, kind: JsonErrorKind) -> JsonError {
        JsonError { path: path.to_string(), kind }
    }

    fn invalid(e: JcsError) -> JsonError {
        error("", JsonErrorKind::Invalid(e))
    }

    #[test]
    fn refuses_duplicate_member_names() {
        assert_eq!(
            parse("{\"a\":{\"b\":1,\"b\":2}}", 100),
            Err(invalid(JcsError::DuplicateKey { offset: 12, key: "b".into() }))
        );
    }

    #[test]
    fn refuses_nesting_deeper_than_the_limit() {
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&ok, 1000).is_ok());
        let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        assert_eq!(parse(&deep, 1000), Err(invalid(JcsError::TooDeep { limit: MAX_DEPTH })));
    }

    #[test]
    fn refuses_a_lone_surrogate() {
        assert_eq!(
            parse("{\"a\":\"x\\udc00\"}", 100),
            Err(invalid(JcsError::LoneSurrogate { offset: 7, code_unit: 0xdc00 }))
        );
    }

    #[test]
    fn refuses_more_than_the_limit_unread() {
        let text = "[1, 2]";
        assert!(parse(text, text.len()).is_ok());
        let too_large = JsonErrorKind::TooLarge { bytes: 6, limit: 5 };
        assert_eq!(parse(text, 5), Err(error("", too_large.clone())));
        // Too large is told before not UTF-8 or not JSON, as the text is never looked at.
        assert_eq!(parse_bytes(b"\xff\xff\xff\xff\xff\xff", 5), Err(error("", too_large)));
        assert_eq!(
            parse_bytes(b"[\"\xff\"]", 5),
            Err(error("", JsonErrorKind::NotUtf8 { offset: 2 }))
        );
        assert_eq!(parse_bytes(b"[1]", 5), Ok(serde_json::json!([1])));
    }

    fn framework_like() -> Value {
        serde_json::json!({
            "core_tasks": [
                {"id": "KT1", "learning_outcomes": []},
                {"id": "KT2", "learning_outcomes": [
                    {"id": "LU1", "indicators": [{"id": "LU1.1"}, {"id": "LU1.2"}, {"id": 3}]}
                ]}
            ]
        })
    }

    /// `core_tasks[1].learning_outcomes[0].indicators[i]` of [`framework_like`].
    fn indicators(root: &Value) -> Result<Vec<Node<'_>>, JsonError> {
        let tasks = Node::root(root).object()?.array("core_tasks")?;
        let task = tasks.get(1).map(Node::object).transpose()?;
        let outcomes = task.map(|t| t.array("learning_outcomes")).transpose()?;
        let outcome = outcomes.as_ref().and_then(|o| o.first()).map(Node::object).transpose()?;
        Ok(outcome.map(|o| o.array("indicators")).transpose()?.unwrap_or_default())
    }

    #[test]
    fn a_wrong_type_is_placed_at_its_nested_path() {
        let root = framework_like();
        let indicators = indicators(&root).unwrap();
        let ids: Vec<Result<&str, JsonError>> =
            indicators.iter().map(|i| i.object().and_then(|i| i.string("id"))).collect();
        assert_eq!(ids[0], Ok("LU1.1"));
        assert_eq!(ids[1], Ok("LU1.2"));
        assert_eq!(
            ids[2],
            Err(error(
                "core_tasks[1].learning_outcomes[0].indicators[2].id",
                JsonErrorKind::WrongType(Expected::String)
            ))
        );
        assert_eq!(
            Node::root(&root).object().and_then(|o| o.object("core_tasks")).err(),
            Some(error("core_tasks", JsonErrorKind::WrongType(Expected::Object)))
        );
    }

    #[test]
    fn an_unknown_member_is_refused_with_its_path() {
        let root = serde_json::json!({"source": {"title": "T", "titel": "T", "date": "2026"}});
        let source = Node::root(&root).object().and_then(|o| o.object("source")).unwrap();
        let unknown: Vec<JsonError> = source.unknown(&["title", "date"]).collect();
        assert_eq!(unknown, vec![error("source.titel", JsonErrorKind::Unknown("titel".into()))]);
        assert_eq!(source.unknown(&["title", "titel", "date"]).count(), 0);
    }

    #[test]
    fn a_missing_member_is_named_at_its_path() {
        let root = framework_like();
        let indicators = indicators(&root).unwrap();
        let first = indicators[0].object().unwrap();
        assert_eq!(
            first.string("text"),
            Err(error(
                "core_tasks[1].learning_outcomes[0].indicators[0].text",
                JsonErrorKind::Missing("text")
            ))
        );
        assert_eq!(first.get("text").map(|n| n.path().to_string()), None);
        assert_eq!(first.path_to("text"), "core_tasks[1].learning_outcomes[0].indicators[0].text");
    }

    #[test]
    fn an_object_over_another_reads_as_one_with_its_own_members_first() {
        let root = serde_json::json!({"a": 1, "b": 2, "x": 9, "hidden": 4});
        let top = serde_json::json!({"b": "top", "c": 3});
        let under = Node::root(&root).object().unwrap();
        let Value::Object(map) = &top else { unreachable!() };
        let both = under.over(map, &["a", "b", "x", "c"], "p");
        assert_eq!(both.count::<u32>("a"), Ok(1));
        assert_eq!(both.string("b"), Ok("top"));
        assert_eq!(both.count::<u32>("c"), Ok(3));
        assert_eq!(both.get("z").map(|n| n.path().to_string()), None);
        // Not lent: as though it were not there.
        assert_eq!(both.get("hidden").map(|n| n.path().to_string()), None);
        let members: Vec<(String, String)> =
            both.members().map(|(k, n)| (k.clone(), n.path().to_string())).collect();
        let expected = [("b", "p.b"), ("c", "p.c"), ("a", "p.a"), ("x", "p.x")]
            .map(|(k, p)| (k.to_string(), p.to_string()));
        assert_eq!(members, expected);
        // An unknown member is told once, wherever it is.
        let unknown: Vec<JsonError> = both.unknown(&["a", "b"]).collect();
        assert_eq!(
            unknown,
            vec![
                error("p.c", JsonErrorKind::Unknown("c".into())),
                error("p.x", JsonErrorKind::Unknown("x".into()))
            ]
        );
    }

    #[test]
    fn elements_are_placed_by_their_index() {
        let root = serde_json::json!({"list": (0..12).collect::<Vec<u32>>()});
        let list = Node::root(&root).object().unwrap().array("list").unwrap();
        assert_eq!(list[0].path(), "list[0]");
        assert_eq!(list[11].path(), "list[11]");
        assert_eq!(element_path("a.b", 1_234_567_890), "a.b[1234567890]");
        assert_eq!(element_path("", usize::MAX), format!("[{}]", usize::MAX));
    }

    #[test]
    fn null_absent_and_counts() {
        let root = serde_json::json!({"a": null, "b": "x", "c": 1, "big": 4294967296_u64});
        let o = Node::root(&root).object().unwrap();
        assert_eq!(o.nullable_string("a"), Ok(None));
        assert_eq!(o.nullable_string("b"), Ok(Some("x")));
        assert_eq!(o.nullable_string("z"), Err(error("z", JsonErrorKind::Missing("z"))));
        assert_eq!(
            o.nullable_string("c"),
            Err(error("c", JsonErrorKind::WrongType(Expected::StringOrNull)))
        );
        assert_eq!(o.optional_string("z"), Ok(None));
        assert_eq!(o.optional_string("a"), Ok(None));
        assert_eq!(o.string("a"), Err(error("a", JsonErrorKind::WrongType(Expected::String))));
        assert_eq!(o.count::<u32>("c"), Ok(1));
        assert_eq!(o.count::<u64>("big"), Ok(4_294_967_296));
        assert_eq!(
            o.count::<u32>("big"),
            Err(error("big", JsonErrorKind::WrongType(Expected::Count)))
        );
        assert_eq!(o.count::<u32>("b"), Err(error("b", JsonErrorKind::WrongType(Expected::Count))));
        let members: Vec<(String, String)> =
            o.members().map(|(k, n)| (k.clone(), n.path().to_string())).collect();
        assert_eq!(members[0], ("a".to_string(), "a".to_string()));
    }
}
