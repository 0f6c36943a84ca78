//! A framework of learning outcomes: the content an assessment is scored against.
//!
//! The JSON file is the product's data. Loading it checks more than its shape: ids are unique, every
//! reference resolves and no text is empty, and every problem is reported with its path in the file so
//! that whoever edits a framework can find the line to fix.
//!
//! A framework may also carry `norms`: the level expected per learning outcome at each level of
//! professional practice, such as the C and D tables of the Competentieprofiel opbouwwerker (2010),
//! Bijlage 3. They are read and checked here; [`crate::core::assessment::norm_check`] compares results with them.

pub mod case;
pub mod catalogue;
mod compiled;
pub mod hashed;
pub mod link_frameworks;
pub mod norms;
pub mod score;
pub mod source;

use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

use serde::Serialize;
use serde_json::Value;

use crate::core::crypto::jcs::JcsError;
use crate::core::framework::norms::{NormDimension, NormLevel, NormRow, Norms};
use crate::core::framework::score::Score;
use crate::core::json::{self, Expected, JsonError, JsonErrorKind, Node, Object};

/// The one framework format this version reads.
pub const FORMAT: &str = "leeruitkomsten-framework/1";

/// A larger file is refused before parsing: the default framework is about 25 KB, and a page that
/// tries to parse a huge download would freeze.
pub const MAX_FRAMEWORK_BYTES: usize = 2 * 1024 * 1024;

/// The default framework, compiled in so the app works without any download.
/// The file's text without its indentation (see build.rs); the same JSON value.
pub const DEFAULT_FRAMEWORK_JSON: &str =
    include_str!(concat!(env!("OUT_DIR"), "/default-framework.json"));

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Framework {
    pub format: String,
    pub id: String,
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    pub version: String,
    /// BCP 47 tag of the content's language; the interface may speak another.
    pub language: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<String>,
    pub source: Source,
    pub scale: Scale,
    pub introduction: Vec<String>,
    pub task_areas: Vec<TaskArea>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub task_areas_caption: Option<String>,
    pub core_tasks: Vec<CoreTask>,
    /// Groups of indicator ids whose appearances share one text. Each appearance is scored on its
    /// own; the groups let the interface say where else a text stands.
    pub shared_indicator_texts: Vec<Vec<String>>,
    pub notes: Vec<String>,
    /// The expected level per learning outcome, where the source gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub norms: Option<Norms>,
    #[serde(skip)]
    index: Index,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Source {
    pub title: String,
    pub publisher: String,
    pub date: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Scale {
    pub source: String,
    pub levels: Vec<ScaleLevel>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ScaleLevel {
    pub symbol: String,
    pub value: u8,
    pub label: String,
    pub description: String,
}

/// A taakgebied of the professional profile, grouping its specific capabilities.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TaskArea {
    pub id: String,
    pub title: String,
    pub capabilities: Vec<Capability>,
}

/// A bekwaamheid: a specific capability with the generic one of the broad profile behind it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Capability {
    pub id: String,
    pub title: String,
    pub generic: Option<String>,
    /// Set where the source marks the capability as added rather than naming a generic one.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub added: bool,
}

/// A kerntaak.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CoreTask {
    pub id: String,
    /// How the source refers to it, e.g. "VC" for the 2010 profile's vakspecifieke competenties;
    /// where absent the interface numbers the core tasks ("Kerntaak 1").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    pub title: String,
    pub description: String,
    pub learning_outcomes: Vec<Rc<LearningOutcome>>,
}

/// A leeruitkomst. Shared behind `Rc` so the interface can hand one to a component without copying.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct LearningOutcome {
    pub id: String,
    /// How the source refers to it, e.g. "VC a"; where absent the interface numbers the outcomes
    /// ("Leeruitkomst 1").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    pub title: String,
    pub description: String,
    /// Ids of the capabilities in `task_areas`.
    pub capabilities: Vec<String>,
    pub indicators: Vec<Indicator>,
    /// The intended results (*beoogde resultaten*) where the source states them apart from the
    /// indicators; not scored.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub results: Vec<String>,
}

/// A gedragsindicator: one observable behaviour, the unit that is scored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Indicator {
    pub id: Rc<str>,
    pub text: Rc<str>,
}

/// Where each indicator and outcome sits, built once at load time.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Index {
    /// indicator id -> (core task, outcome, indicator) positions
    indicators: HashMap<String, (usize, usize, usize)>,
    /// outcome id -> (core task, outcome) positions
    outcomes: HashMap<String, (usize, usize)>,
    capabilities: HashMap<String, (usize, usize)>,
    /// indicator id -> the other indicators with the same text
    shared_with: HashMap<String, Vec<String>>,
}

/// One thing wrong with a framework file, at a path such as `core_tasks[0].learning_outcomes[2].id`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub kind: ProblemKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProblemKind {
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    /// Not JSON; `message` is the parser's.
    Syntax {
        message: String,
        line: usize,
        column: usize,
    },
    UnsupportedFormat(String),
    MissingField(&'static str),
    /// A value of another type than the one named.
    WrongType(&'static str),
    /// A member the format does not have: refused, so that nothing in a file is silently ignored.
    UnknownField(String),
    EmptyText,
    DuplicateId {
        id: String,
        first: String,
    },
    UnknownCapability(String),
    UnknownIndicator(String),
    /// Scoring assumes the three levels □ = 1, + = 2, ++ = 3.
    ScaleMismatch,
    Empty,
    SharedTextDiffers {
        with: String,
    },
    InSeveralGroups(String),
    GroupTooSmall,
    /// A norm names a learning outcome the framework does not have.
    UnknownLearningOutcome(String),
    /// A second norm row for the same learning outcome; `first` is the path of the first.
    DuplicateNorm {
        id: String,
        first: String,
    },
    /// A norm for a dimension that `norms.dimensions` does not declare.
    UnknownDimension(String),
    /// A norm for a level that `norms.levels` does not declare.
    UnknownNormLevel(String),
    /// A declared dimension or level (named) has no expected score here.
    MissingNorm(String),
    /// An expected score that is not a symbol of the scale.
    NotAScaleValue(String),
    /// A CASE item whose `CFItemType` is none of the framework's kinds (named).
    NotACaseItemType(String),
    /// A CASE association names an item (by identifier) that the package does not have.
    UnknownCaseNode(String),
    /// A CASE item (by id or identifier) that no fitting `isChildOf` places in the framework, or
    /// an association that would place an item under one of the wrong kind.
    NotPlaced(String),
}

impl Framework {
    /// Parses and validates a framework file. Either the framework is whole and consistent, or every
    /// problem found is returned.
    pub fn from_json(text: &str) -> Result<Framework, Vec<Problem>> {
        let problem = |path: &str, kind| vec![Problem { path: path.to_string(), kind }];
        let value = json::parse(text, MAX_FRAMEWORK_BYTES).map_err(|error| {
            // Placed by line and column, so that whoever edits the file finds the spot.
            let at = match &error.kind {
                JsonErrorKind::Invalid(e) => position(text, error_offset(e)),
                _ => (0, 0),
            };
            let mut problem = Problem::from(error);
            if let ProblemKind::Syntax { line, column, .. } = &mut problem.kind {
                (*line, *column) = at;
            }
            vec![problem]
        })?;
        let mut reader = Reader::default();
        let framework = reader.framework(&value);
        if !reader.problems.is_empty() {
            return Err(reader.problems);
        }
        let mut framework =
            framework.ok_or_else(|| problem("", ProblemKind::WrongType("object")))?;
        let problems = framework.validate();
        if !problems.is_empty() {
            return Err(problems);
        }
        framework.index = framework.build_index();
        Ok(framework)
    }

    /// The compiled-in default framework.
    pub fn default_framework() -> Result<Framework, Vec<Problem>> {
        Framework::from_json(DEFAULT_FRAMEWORK_JSON)
    }

    /// The default framework from the data build.rs writes of its file ([`compiled`]): the same
    /// framework as [`Framework::default_framework`] reads (a test holds them equal), for the
    /// scoring page, which then carries no framework reader and parses nothing at start
    /// (README: Size).
    pub fn compiled_default() -> Framework {
        let (text, shape) = include!(concat!(env!("OUT_DIR"), "/default-framework.rs"));
        let mut framework = compiled::framework(text, shape);
        framework.index = framework.build_index();
        framework
    }

    fn validate(&self) -> Vec<Problem> {
        let mut v = Validator::default();
        if self.format != FORMAT {
            v.push("format", ProblemKind::UnsupportedFormat(self.format.clone()));
        }
        v.text("id", &self.id);
        v.text("title", &self.title);
        v.text("version", &self.version);
        v.text("language", &self.language);
        v.text("source.title", &self.source.title);
        v.text("source.publisher", &self.source.publisher);
        v.text("source.date", &self.source.date);
        for (i, p) in self.introduction.iter().enumerate() {
            v.text(&format!("introduction[{i}]"), p);
        }

        let expected = [("□", 1), ("+", 2), ("++", 3)];
        let scale_ok = self.scale.levels.len() == expected.len()
            && self
                .scale
                .levels
                .iter()
                .zip(expected)
                .all(|(l, (s, n))| l.symbol == s && l.value == n);
        if !scale_ok {
            v.push("scale.levels", ProblemKind::ScaleMismatch);
        }
        for (i, level) in self.scale.levels.iter().enumerate() {
            v.text(&format!("scale.levels[{i}].label"), &level.label);
        }

        for (a, area) in self.task_areas.iter().enumerate() {
            let path = format!("task_areas[{a}]");
            v.id(&format!("{path}.id"), &area.id);
            v.text(&format!("{path}.title"), &area.title);
            for (c, cap) in area.capabilities.iter().enumerate() {
                let path = format!("{path}.capabilities[{c}]");
                v.id(&format!("{path}.id"), &cap.id);
                v.text(&format!("{path}.title"), &cap.title);
                if let Some(generic) = &cap.generic {
                    v.text(&format!("{path}.generic"), generic);
                }
            }
        }

        if self.core_tasks.is_empty() {
            v.push("core_tasks", ProblemKind::Empty);
        }
        for (k, task) in self.core_tasks.iter().enumerate() {
            let path = format!("core_tasks[{k}]");
            v.id(&format!("{path}.id"), &task.id);
            if let Some(code) = &task.code {
                v.text(&format!("{path}.code"), code);
            }
            v.text(&format!("{path}.title"), &task.title);
            v.text(&format!("{path}.description"), &task.description);
            if task.learning_outcomes.is_empty() {
                v.push(&format!("{path}.learning_outcomes"), ProblemKind::Empty);
            }
            for (o, outcome) in task.learning_outcomes.iter().enumerate() {
                let path = format!("{path}.learning_outcomes[{o}]");
                v.id(&format!("{path}.id"), &outcome.id);
                if let Some(code) = &outcome.code {
                    v.text(&format!("{path}.code"), code);
                }
                v.text(&format!("{path}.title"), &outcome.title);
                v.text(&format!("{path}.description"), &outcome.description);
                if outcome.indicators.is_empty() {
                    v.push(&format!("{path}.indicators"), ProblemKind::Empty);
                }
                for (i, indicator) in outcome.indicators.iter().enumerate() {
                    let path = format!("{path}.indicators[{i}]");
                    v.id(&format!("{path}.id"), &indicator.id);
                    v.text(&format!("{path}.text"), &indicator.text);
                }
                for (r, result) in outcome.results.iter().enumerate() {
                    v.text(&format!("{path}.results[{r}]"), result);
                }
            }
        }

        // References are checked once all ids are known, so their order in the file does not matter.
        let capability_ids: HashMap<&str, ()> = self
            .task_areas
            .iter()
            .flat_map(|a| a.capabilities.iter().map(|c| (c.id.as_str(), ())))
            .collect();
        let indicator_texts: HashMap<&str, &str> = self
            .core_tasks
            .iter()
            .flat_map(|t| t.learning_outcomes.iter())
            .flat_map(|o| o.indicators.iter().map(|i| (&*i.id, &*i.text)))
            .collect();
        for (k, task) in self.core_tasks.iter().enumerate() {
            for (o, outcome) in task.learning_outcomes.iter().enumerate() {
                for (c, cap) in outcome.capabilities.iter().enumerate() {
                    if !capability_ids.contains_key(cap.as_str()) {
                        v.push(
                            &format!("core_tasks[{k}].learning_outcomes[{o}].capabilities[{c}]"),
                            ProblemKind::UnknownCapability(cap.clone()),
                        );
                    }
                }
            }
        }
        let mut grouped: HashMap<&str, ()> = HashMap::new();
        for (g, group) in self.shared_indicator_texts.iter().enumerate() {
            if group.len() < 2 {
                v.push(&format!("shared_indicator_texts[{g}]"), ProblemKind::GroupTooSmall);
            }
            let mut first_text: Option<(&str, &str)> = None;
            for (m, id) in group.iter().enumerate() {
                let path = format!("shared_indicator_texts[{g}][{m}]");
                let Some(text) = indicator_texts.get(id.as_str()) else {
                    v.push(&path, ProblemKind::UnknownIndicator(id.clone()));
                    continue;
                };
                if grouped.insert(id.as_str(), ()).is_some() {
                    v.push(&path, ProblemKind::InSeveralGroups(id.clone()));
                }
                match first_text {
                    None => first_text = Some((id, text)),
                    Some((first_id, first)) if !same_text(first, text) => {
                        v.push(&path, ProblemKind::SharedTextDiffers { with: first_id.to_string() })
                    }
                    Some(_) => {}
                }
            }
        }
        if let Some(norms) = &self.norms {
            self.validate_norms(norms, &mut v);
        }
        v.problems
    }

    /// Norms must name known learning outcomes, once each, and give a score for exactly the declared
    /// dimensions and levels. Level and dimension ids are unique among themselves; they do not share
    /// the namespace of the framework's other ids.
    fn validate_norms(&self, norms: &Norms, v: &mut Validator) {
        v.text("norms.source", &norms.source);
        let levels = norms.levels.iter().map(|l| (l.id.as_str(), l.title.as_str()));
        declared_ids(v, "norms.levels", levels);
        let dimensions = norms.dimensions.iter().map(|d| (d.id.as_str(), d.title.as_str()));
        declared_ids(v, "norms.dimensions", dimensions);
        if norms.rows.is_empty() {
            v.push("norms.rows", ProblemKind::Empty);
        }
        let mut seen: HashMap<&str, String> = HashMap::new();
        for (r, row) in norms.rows.iter().enumerate() {
            let path = format!("norms.rows[{r}]");
            let outcome_path = format!("{path}.learning_outcome");
            let id = row.learning_outcome.as_str();
            if self.learning_outcomes().all(|o| o.id != id) {
                v.push(&outcome_path, ProblemKind::UnknownLearningOutcome(id.to_string()));
            } else if let Some(first) = seen.get(id) {
                let kind = ProblemKind::DuplicateNorm { id: id.to_string(), first: first.clone() };
                v.push(&outcome_path, kind);
            } else {
                seen.insert(id, outcome_path);
            }
            if let Some(label) = &row.label {
                v.text(&format!("{path}.label"), label);
            }
            let expected = format!("{path}.expected");
            for (dimension, by_level) in &row.expected {
                let at = format!("{expected}.{dimension}");
                if norms.dimension(dimension).is_none() {
                    v.push(&at, ProblemKind::UnknownDimension(dimension.clone()));
                    continue;
                }
                for level in by_level.keys() {
                    if norms.level(level).is_none() {
                        v.push(
                            &format!("{at}.{level}"),
                            ProblemKind::UnknownNormLevel(level.clone()),
                        );
                    }
                }
                for level in &norms.levels {
                    if !by_level.contains_key(&level.id) {
                        v.push(&at, ProblemKind::MissingNorm(level.id.clone()));
                    }
                }
            }
            for dimension in &norms.dimensions {
                if !row.expected.contains_key(&dimension.id) {
                    v.push(&expected, ProblemKind::MissingNorm(dimension.id.clone()));
                }
            }
        }
    }

    fn build_index(&self) -> Index {
        let mut index = Index::default();
        for (a, area) in self.task_areas.iter().enumerate() {
            for (c, cap) in area.capabilities.iter().enumerate() {
                index.capabilities.insert(cap.id.clone(), (a, c));
            }
        }
        for (k, task) in self.core_tasks.iter().enumerate() {
            for (o, outcome) in task.learning_outcomes.iter().enumerate() {
                index.outcomes.insert(outcome.id.clone(), (k, o));
                for (i, indicator) in outcome.indicators.iter().enumerate() {
                    index.indicators.insert(indicator.id.to_string(), (k, o, i));
                }
            }
        }
        for group in &self.shared_indicator_texts {
            for id in group {
                let others = group.iter().filter(|other| *other != id).cloned().collect();
                index.shared_with.insert(id.clone(), others);
            }
        }
        index
    }

    pub fn learning_outcomes(&self) -> impl Iterator<Item = &Rc<LearningOutcome>> {
        self.core_tasks.iter().flat_map(|t| t.learning_outcomes.iter())
    }

    pub fn indicators(&self) -> impl Iterator<Item = &Indicator> {
        self.learning_outcomes().flat_map(|o| o.indicators.iter())
    }

    pub fn indicator_count(&self) -> usize {
        self.learning_outcomes().map(|o| o.indicators.len()).sum()
    }

    pub fn learning_outcome(&self, id: &str) -> Option<&Rc<LearningOutcome>> {
        let &(k, o) = self.index.outcomes.get(id)?;
        self.core_tasks.get(k)?.learning_outcomes.get(o)
    }

    /// The learning outcome an indicator belongs to.
    pub fn outcome_of(&self, indicator_id: &str) -> Option<&Rc<LearningOutcome>> {
        let &(k, o, _) = self.index.indicators.get(indicator_id)?;
        self.core_tasks.get(k)?.learning_outcomes.get(o)
    }

    pub fn capability(&self, id: &str) -> Option<&Capability> {
        let &(a, c) = self.index.capabilities.get(id)?;
        self.task_areas.get(a)?.capabilities.get(c)
    }

    /// The other appearances of the same indicator text, in file order.
    pub fn shared_with(&self, indicator_id: &str) -> &[String] {
        self.index.shared_with.get(indicator_id).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The scale level for a score, with the label this framework gives it.
    pub fn scale_level(&self, score: Score) -> Option<&ScaleLevel> {
        let value = score.value()?;
        self.scale.levels.iter().find(|l| l.value == value)
    }
}

/// A list of (id, title) that declares ids of its own: not empty, every id and title filled, no id
/// twice.
fn declared_ids<'a>(
    v: &mut Validator,
    path: &str,
    items: impl Iterator<Item = (&'a str, &'a str)>,
) {
    let mut first: HashMap<&str, String> = HashMap::new();
    let mut count = 0;
    for (n, (id, title)) in items.enumerate() {
        count += 1;
        let at = format!("{path}[{n}]");
        v.text(&format!("{at}.title"), title);
        if id.trim().is_empty() {
            v.push(&format!("{at}.id"), ProblemKind::EmptyText);
        } else if let Some(first) = first.get(id) {
            let kind = ProblemKind::DuplicateId { id: id.to_string(), first: first.clone() };
            v.push(&format!("{at}.id"), kind);
        } else {
            first.insert(id, format!("{at}.id"));
        }
    }
    if count == 0 {
        v.push(path, ProblemKind::Empty);
    }
}

/// Members of a shared group may differ only in trailing full stops and semicolons: the 2026 source
/// prints one text once with a doubled stop, the 2010 one ends a list item with a semicolon and the
/// last with a stop, and the file keeps the source's characters.
fn same_text(a: &str, b: &str) -> bool {
    let end = |c: char| c == '.' || c == ';';
    a.trim_end_matches(end) == b.trim_end_matches(end)
}

#[derive(Default)]
struct Validator {
    problems: Vec<Problem>,
    /// every id in the file -> where it first appears; ids are unique across all kinds
    ids: BTreeMap<String, String>,
}

impl Validator {
    fn push(&mut self, path: &str, kind: ProblemKind) {
        self.problems.push(Problem { path: path.to_string(), kind });
    }

    fn text(&mut self, path: &str, text: &str) {
        if text.trim().is_empty() {
            self.push(path, ProblemKind::EmptyText);
        }
    }

    fn id(&mut self, path: &str, id: &str) {
        if id.trim().is_empty() {
            self.push(path, ProblemKind::EmptyText);
            return;
        }
        match self.ids.get(id) {
            Some(first) => {
                let first = first.clone();
                self.push(path, ProblemKind::DuplicateId { id: id.to_string(), first });
            }
            None => {
                self.ids.insert(id.to_string(), path.to_string());
            }
        }
    }
}

fn error_offset(error: &JcsError) -> Option<usize> {
    match error {
        JcsError::Syntax { offset, .. }
        | JcsError::DuplicateKey { offset, .. }
        | JcsError::LoneSurrogate { offset, .. } => Some(*offset),
        JcsError::ByteOrderMark => Some(0),
        JcsError::TooDeep { .. } | JcsError::NonFiniteNumber { .. } => None,
    }
}

/// Line and column (from 1, in characters) of a byte offset; (0, 0) where there is none.
fn position(text: &str, offset: Option<usize>) -> (usize, usize) {
    let Some(offset) = offset else { return (0, 0) };
    let before = text.get(..offset.min(text.len())).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// The reader's errors in this format's terms.
impl From<JsonError> for Problem {
    fn from(error: JsonError) -> Problem {
        let kind = match error.kind {
            JsonErrorKind::TooLarge { bytes, limit } => ProblemKind::TooLarge { bytes, limit },
            // Without the text there is no line and column; `from_json` adds them.
            JsonErrorKind::Invalid(e) => {
                ProblemKind::Syntax { message: e.to_string(), line: 0, column: 0 }
            }
            JsonErrorKind::NotUtf8 { .. } => {
                ProblemKind::Syntax { message: error.to_string(), line: 0, column: 0 }
            }
            JsonErrorKind::Missing(name) => ProblemKind::MissingField(name),
            JsonErrorKind::Unknown(name) => ProblemKind::UnknownField(name),
            JsonErrorKind::WrongType(expected) => ProblemKind::WrongType(match expected {
                Expected::Object => "object",
                Expected::Array => "array",
                // Null reads as absent wherever a framework may leave a text out.
                Expected::String | Expected::StringOrNull => "string",
                Expected::Count => "whole number",
            }),
        };
        Problem { path: error.path, kind }
    }
}

/// Reads a framework through [`crate::core::json`], noting every problem with its path instead
/// of stopping at the first.
#[derive(Default)]
struct Reader {
    problems: Vec<Problem>,
}

impl Reader {
    fn push(&mut self, path: &str, kind: ProblemKind) {
        self.problems.push(Problem { path: path.to_string(), kind });
    }

    /// The value read, or `None` with its error noted.
    fn ok<T>(&mut self, read: Result<T, JsonError>) -> Option<T> {
        read.map_err(|error| self.problems.push(error.into())).ok()
    }

    /// The object `node` is; members outside `fields` are problems, so nothing is silently
    /// ignored.
    fn object<'v>(&mut self, node: &Node<'v>, fields: &[&str]) -> Option<Object<'v>> {
        let object = self.ok(node.object())?;
        let unknown: Vec<JsonError> = object.unknown(fields).collect();
        for error in unknown {
            self.problems.push(error.into());
        }
        Some(object)
    }

    /// An optional text: absent and null both read as none.
    fn opt_string(&mut self, map: &Object, key: &'static str) -> Option<String> {
        self.ok(map.optional_string(key)).flatten().map(str::to_string)
    }

    /// A required text; null reads as empty, which validation then reports where a text must
    /// not be.
    fn string(&mut self, map: &Object, key: &'static str) -> String {
        self.ok(map.nullable_string(key)).flatten().unwrap_or_default().to_string()
    }

    /// The elements of an array member; a missing member reads as empty when `required` is false.
    fn array<'v>(&mut self, map: &Object<'v>, key: &'static str, required: bool) -> Vec<Node<'v>> {
        let items = match map.get(key) {
            None if !required => return vec![],
            None => map.member(key).and_then(|node| node.array()),
            Some(node) => node.array(),
        };
        self.ok(items).unwrap_or_default()
    }

    fn strings(&mut self, map: &Object, key: &'static str, required: bool) -> Vec<String> {
        let items = self.array(map, key, required);
        items.iter().filter_map(|item| self.ok(item.string()).map(str::to_string)).collect()
    }

    fn framework(&mut self, value: &Value) -> Option<Framework> {
        const FIELDS: &[&str] = &[
            "format",
            "id",
            "title",
            "subtitle",
            "version",
            "language",
            "level",
            "source",
            "scale",
            "introduction",
            "task_areas",
            "task_areas_caption",
            "core_tasks",
            "shared_indicator_texts",
            "notes",
            "norms",
        ];
        let map = self.object(&Node::root(value), FIELDS)?;
        let source = self.ok(map.member("source")).and_then(|node| self.source(&node));
        let scale = self.ok(map.member("scale")).and_then(|node| self.scale(&node));
        let task_areas = self
            .array(&map, "task_areas", true)
            .iter()
            .filter_map(|node| self.task_area(node))
            .collect();
        let core_tasks = self
            .array(&map, "core_tasks", true)
            .iter()
            .filter_map(|node| self.core_task(node))
            .collect();
        let shared_indicator_texts = self
            .array(&map, "shared_indicator_texts", false)
            .iter()
            .map(|group| {
                let ids = self.ok(group.array()).unwrap_or_default();
                ids.iter().filter_map(|id| self.ok(id.string()).map(str::to_string)).collect()
            })
            .collect();
        let norms = match map.get("norms") {
            Some(node) if !node.is_null() => self.norms(&node),
            _ => None,
        };
        let framework = Framework {
            format: self.string(&map, "format"),
            id: self.string(&map, "id"),
            title: self.string(&map, "title"),
            subtitle: self.opt_string(&map, "subtitle"),
            version: self.string(&map, "version"),
            language: self.string(&map, "language"),
            level: self.opt_string(&map, "level"),
            source: Source::default(),
            scale: Scale::default(),
            introduction: self.strings(&map, "introduction", false),
            task_areas,
            task_areas_caption: self.opt_string(&map, "task_areas_caption"),
            core_tasks,
            shared_indicator_texts,
            notes: self.strings(&map, "notes", false),
            norms,
            index: Index::default(),
        };
        Some(Framework { source: source?, scale: scale?, ..framework })
    }

    fn source(&mut self, node: &Node) -> Option<Source> {
        let map = self.object(node, &["title", "publisher", "date", "part"])?;
        Some(Source {
            title: self.string(&map, "title"),
            publisher: self.string(&map, "publisher"),
            date: self.string(&map, "date"),
            part: self.opt_string(&map, "part"),
        })
    }

    fn scale(&mut self, node: &Node) -> Option<Scale> {
        let map = self.object(node, &["source", "levels"])?;
        let levels = self
            .array(&map, "levels", true)
            .iter()
            .filter_map(|node| {
                let level = self.object(node, &["symbol", "value", "label", "description"])?;
                let value = match level.get("value").and_then(|n| n.count::<u8>().ok()) {
                    Some(n) => n,
                    None => {
                        let at = level.path_to("value");
                        self.push(&at, ProblemKind::WrongType("number from 1 to 3"));
                        0
                    }
                };
                Some(ScaleLevel {
                    symbol: self.string(&level, "symbol"),
                    value,
                    label: self.string(&level, "label"),
                    description: self.string(&level, "description"),
                })
            })
            .collect();
        Some(Scale { source: self.string(&map, "source"), levels })
    }

    fn task_area(&mut self, node: &Node) -> Option<TaskArea> {
        let map = self.object(node, &["id", "title", "capabilities"])?;
        let capabilities = self
            .array(&map, "capabilities", true)
            .iter()
            .filter_map(|node| {
                let cap = self.object(node, &["id", "title", "generic", "added"])?;
                // Absent means not added; null is no boolean.
                let added = match cap.get("added") {
                    None => false,
                    Some(node) => node.value().as_bool().unwrap_or_else(|| {
                        self.push(node.path(), ProblemKind::WrongType("boolean"));
                        false
                    }),
                };
                Some(Capability {
                    id: self.string(&cap, "id"),
                    title: self.string(&cap, "title"),
                    generic: self.opt_string(&cap, "generic"),
                    added,
                })
            })
            .collect();
        Some(TaskArea {
            id: self.string(&map, "id"),
            title: self.string(&map, "title"),
            capabilities,
        })
    }

    fn core_task(&mut self, node: &Node) -> Option<CoreTask> {
        let map =
            self.object(node, &["id", "code", "title", "description", "learning_outcomes"])?;
        let learning_outcomes = self
            .array(&map, "learning_outcomes", true)
            .iter()
            .filter_map(|node| self.learning_outcome(node).map(Rc::new))
            .collect();
        Some(CoreTask {
            id: self.string(&map, "id"),
            code: self.opt_string(&map, "code"),
            title: self.string(&map, "title"),
            description: self.string(&map, "description"),
            learning_outcomes,
        })
    }

    fn learning_outcome(&mut self, node: &Node) -> Option<LearningOutcome> {
        let map = self.object(
            node,
            &["id", "code", "title", "description", "capabilities", "indicators", "results"],
        )?;
        let indicators = self
            .array(&map, "indicators", true)
            .iter()
            .filter_map(|node| {
                let indicator = self.object(node, &["id", "text"])?;
                Some(Indicator {
                    id: self.string(&indicator, "id").into(),
                    text: self.string(&indicator, "text").into(),
                })
            })
            .collect();
        Some(LearningOutcome {
            id: self.string(&map, "id"),
            code: self.opt_string(&map, "code"),
            title: self.string(&map, "title"),
            description: self.string(&map, "description"),
            capabilities: self.strings(&map, "capabilities", true),
            indicators,
            results: self.strings(&map, "results", false),
        })
    }

    fn norms(&mut self, node: &Node) -> Option<Norms> {
        let map = self.object(node, &["source", "levels", "dimensions", "rows"])?;
        let levels = self
            .array(&map, "levels", true)
            .iter()
            .filter_map(|node| {
                let level = self.object(node, &["id", "title"])?;
                Some(NormLevel {
                    id: self.string(&level, "id"),
                    title: self.string(&level, "title"),
                })
            })
            .collect();
        let dimensions = self
            .array(&map, "dimensions", true)
            .iter()
            .filter_map(|node| {
                let dimension = self.object(node, &["id", "title"])?;
                Some(NormDimension {
                    id: self.string(&dimension, "id"),
                    title: self.string(&dimension, "title"),
                })
            })
            .collect();
        let rows =
            self.array(&map, "rows", true).iter().filter_map(|node| self.norm_row(node)).collect();
        Some(Norms { source: self.string(&map, "source"), levels, dimensions, rows })
    }

    /// `expected` maps dimension ids to objects that map level ids to a scale symbol; which ids
    /// are allowed is checked once the whole file is read.
    fn norm_row(&mut self, node: &Node) -> Option<NormRow> {
        let map = self.object(node, &["learning_outcome", "label", "expected"])?;
        let mut expected = BTreeMap::new();
        if let Some(dimensions) = self.ok(map.object("expected")) {
            for (dimension, by_level) in dimensions.members() {
                let Some(by_level) = self.ok(by_level.object()) else { continue };
                let mut scores = BTreeMap::new();
                for (level, symbol) in by_level.members() {
                    let Some(s) = self.ok(symbol.string()) else { continue };
                    match Score::from_symbol(s) {
                        Some(score) => {
                            scores.insert(level.clone(), score);
                        }
                        None => {
                            self.push(symbol.path(), ProblemKind::NotAScaleValue(s.to_string()))
                        }
                    }
                }
                expected.insert(dimension.clone(), scores);
            }
        }
        Some(NormRow {
            learning_outcome: self.string(&map, "learning_outcome"),
            label: self.opt_string(&map, "label"),
            expected,
        })
    }
}
