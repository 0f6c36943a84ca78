//! A framework of learning outcomes: the content an assessment is scored against.
//!
//! The JSON file is the product's data. Loading it checks more than its shape: ids are unique, every
//! reference resolves and no text is empty, and every problem is reported with its path in the file so
//! that whoever edits a framework can find the line to fix.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::rc::Rc;

use serde::{Deserialize, Serialize};

use super::score::Score;

/// The one framework format this version reads.
pub const FORMAT: &str = "leeruitkomsten-framework/1";

/// A larger file is refused before parsing: the default framework is about 25 KB, and a page that
/// tries to parse a huge download would freeze.
pub const MAX_FRAMEWORK_BYTES: usize = 2 * 1024 * 1024;

/// The default framework, compiled in so the app works without any download.
pub const DEFAULT_FRAMEWORK_JSON: &str =
    include_str!("../../frameworks/leeruitkomsten-opbouwwerk-2026.json");

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Framework {
    pub format: String,
    pub id: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<String>,
    pub version: String,
    /// BCP 47 tag of the content's language; the interface may speak another.
    pub language: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<String>,
    pub source: Source,
    pub scale: Scale,
    #[serde(default)]
    pub introduction: Vec<String>,
    pub task_areas: Vec<TaskArea>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task_areas_caption: Option<String>,
    pub core_tasks: Vec<CoreTask>,
    /// Groups of indicator ids whose appearances share one text. Each appearance is scored on its
    /// own; the groups let the interface say where else a text stands.
    #[serde(default)]
    pub shared_indicator_texts: Vec<Vec<String>>,
    #[serde(default)]
    pub notes: Vec<String>,
    #[serde(skip)]
    index: Index,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub title: String,
    pub publisher: String,
    pub date: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub part: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    pub source: String,
    pub levels: Vec<ScaleLevel>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScaleLevel {
    pub symbol: String,
    pub value: u8,
    pub label: String,
    pub description: String,
}

/// A taakgebied of the professional profile, grouping its specific capabilities.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TaskArea {
    pub id: String,
    pub title: String,
    pub capabilities: Vec<Capability>,
}

/// A bekwaamheid: a specific capability with the generic one of the broad profile behind it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Capability {
    pub id: String,
    pub title: String,
    pub generic: Option<String>,
    /// Set where the source marks the capability as added rather than naming a generic one.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub added: bool,
}

/// A kerntaak.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CoreTask {
    pub id: String,
    pub title: String,
    pub description: String,
    pub learning_outcomes: Vec<Rc<LearningOutcome>>,
}

/// A leeruitkomst. Shared behind `Rc` so the interface can hand one to a component without copying.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LearningOutcome {
    pub id: String,
    pub title: String,
    pub description: String,
    /// Ids of the capabilities in `task_areas`.
    pub capabilities: Vec<String>,
    pub indicators: Vec<Indicator>,
}

/// A gedragsindicator: one observable behaviour, the unit that is scored.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
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
    /// Not JSON, or not the shape of a framework; `message` is the parser's.
    Syntax {
        message: String,
        line: usize,
        column: usize,
    },
    UnsupportedFormat(String),
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
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = if self.path.is_empty() {
            "(root)"
        } else {
            &self.path
        };
        match &self.kind {
            ProblemKind::TooLarge { bytes, limit } => {
                write!(f, "file is {bytes} bytes, more than the limit of {limit}")
            }
            ProblemKind::Syntax {
                message,
                line,
                column,
            } => {
                write!(f, "{at}: {message} (line {line}, column {column})")
            }
            ProblemKind::UnsupportedFormat(found) => {
                write!(f, "{at}: format {found:?} is not {FORMAT:?}")
            }
            ProblemKind::EmptyText => write!(f, "{at}: text is empty"),
            ProblemKind::DuplicateId { id, first } => {
                write!(f, "{at}: id {id:?} is already used at {first}")
            }
            ProblemKind::UnknownCapability(id) => write!(f, "{at}: no capability has id {id:?}"),
            ProblemKind::UnknownIndicator(id) => write!(f, "{at}: no indicator has id {id:?}"),
            ProblemKind::ScaleMismatch => {
                write!(
                    f,
                    "{at}: the scale must have exactly the levels □ = 1, + = 2, ++ = 3"
                )
            }
            ProblemKind::Empty => write!(f, "{at}: list is empty"),
            ProblemKind::SharedTextDiffers { with } => {
                write!(
                    f,
                    "{at}: text differs from that of {with} in the same group"
                )
            }
            ProblemKind::InSeveralGroups(id) => {
                write!(f, "{at}: indicator {id:?} is in more than one group")
            }
            ProblemKind::GroupTooSmall => write!(f, "{at}: a group needs at least two indicators"),
        }
    }
}

impl Framework {
    /// Parses and validates a framework file. Either the framework is whole and consistent, or every
    /// problem found is returned.
    pub fn from_json(text: &str) -> Result<Framework, Vec<Problem>> {
        if text.len() > MAX_FRAMEWORK_BYTES {
            return Err(vec![Problem {
                path: String::new(),
                kind: ProblemKind::TooLarge {
                    bytes: text.len(),
                    limit: MAX_FRAMEWORK_BYTES,
                },
            }]);
        }
        let deserializer = &mut serde_json::Deserializer::from_str(text);
        let mut framework: Framework =
            serde_path_to_error::deserialize(deserializer).map_err(|err| {
                let path = err.path().to_string();
                let inner = err.into_inner();
                vec![Problem {
                    path: if path == "." { String::new() } else { path },
                    kind: ProblemKind::Syntax {
                        message: strip_position(&inner.to_string()),
                        line: inner.line(),
                        column: inner.column(),
                    },
                }]
            })?;
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

    fn validate(&self) -> Vec<Problem> {
        let mut v = Validator::default();
        if self.format != FORMAT {
            v.push(
                "format",
                ProblemKind::UnsupportedFormat(self.format.clone()),
            );
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
            v.text(&format!("{path}.title"), &task.title);
            v.text(&format!("{path}.description"), &task.description);
            if task.learning_outcomes.is_empty() {
                v.push(&format!("{path}.learning_outcomes"), ProblemKind::Empty);
            }
            for (o, outcome) in task.learning_outcomes.iter().enumerate() {
                let path = format!("{path}.learning_outcomes[{o}]");
                v.id(&format!("{path}.id"), &outcome.id);
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
                v.push(
                    &format!("shared_indicator_texts[{g}]"),
                    ProblemKind::GroupTooSmall,
                );
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
                    Some((first_id, first)) if !same_text(first, text) => v.push(
                        &path,
                        ProblemKind::SharedTextDiffers {
                            with: first_id.to_string(),
                        },
                    ),
                    Some(_) => {}
                }
            }
        }
        v.problems
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
        self.core_tasks
            .iter()
            .flat_map(|t| t.learning_outcomes.iter())
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
        self.index
            .shared_with
            .get(indicator_id)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// The scale level for a score, with the label this framework gives it.
    pub fn scale_level(&self, score: Score) -> Option<&ScaleLevel> {
        let value = score.value()?;
        self.scale.levels.iter().find(|l| l.value == value)
    }
}

/// Members of a shared group may differ only in trailing full stops: the source prints one text
/// once with a doubled stop, and the file keeps the source's characters.
fn same_text(a: &str, b: &str) -> bool {
    a.trim_end_matches('.') == b.trim_end_matches('.')
}

/// serde_json appends " at line L column C"; the position is reported in fields of its own.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(at) => message.get(..at).unwrap_or(message).to_string(),
        None => message.to_string(),
    }
}

#[derive(Default)]
struct Validator {
    problems: Vec<Problem>,
    /// every id in the file -> where it first appears; ids are unique across all kinds
    ids: BTreeMap<String, String>,
}

impl Validator {
    fn push(&mut self, path: &str, kind: ProblemKind) {
        self.problems.push(Problem {
            path: path.to_string(),
            kind,
        });
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
                self.push(
                    path,
                    ProblemKind::DuplicateId {
                        id: id.to_string(),
                        first,
                    },
                );
            }
            None => {
                self.ids.insert(id.to_string(), path.to_string());
            }
        }
    }
}
