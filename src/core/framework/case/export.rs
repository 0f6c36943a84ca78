//! A framework written as a CASE 1.1 `CFPackage` (the layout is described in `mod.rs`).

use serde_json::{Map, Value};

use super::{
    identifier, uri, BEKWAAMHEID, EXTENSION, GEDRAGSINDICATOR, IS_CHILD_OF, IS_RELATED_TO,
    KERNTAAK, LEERUITKOMST, TAAKGEBIED,
};
use crate::core::framework::norms::Norms;
use crate::core::framework::{Framework, Source};

// Values are built by hand rather than with `json!` or `Serialize`: those would bring the
// serializer code of every framework type into the app for this alone.

/// What a member's value may be built from.
trait ToValue {
    fn member_value(&self) -> Value;
}

impl ToValue for str {
    fn member_value(&self) -> Value {
        Value::String(self.to_string())
    }
}

impl ToValue for String {
    fn member_value(&self) -> Value {
        Value::String(self.clone())
    }
}

impl ToValue for usize {
    fn member_value(&self) -> Value {
        Value::from(*self)
    }
}

impl ToValue for u8 {
    fn member_value(&self) -> Value {
        Value::from(*self)
    }
}

impl ToValue for Value {
    fn member_value(&self) -> Value {
        self.clone()
    }
}

impl ToValue for Vec<Value> {
    fn member_value(&self) -> Value {
        Value::Array(self.clone())
    }
}

/// `obj!({"name": value, ...})`: an object of these members (the values are borrowed).
macro_rules! obj {
    ({ $($key:literal : $value:expr),* $(,)? }) => {
        object(vec![$(($key, (&$value).member_value())),*])
    };
}

fn text(s: &str) -> Value {
    Value::String(s.to_string())
}

fn texts(list: &[String]) -> Value {
    Value::Array(list.iter().map(|s| text(s)).collect())
}

fn object(members: Vec<(&str, Value)>) -> Value {
    Value::Object(members.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
}

/// The source as the framework file writes it.
fn source_value(source: &Source) -> Value {
    let mut members = vec![
        ("title", text(&source.title)),
        ("publisher", text(&source.publisher)),
        ("date", text(&source.date)),
    ];
    members.extend(source.part.as_deref().map(|part| ("part", text(part))));
    object(members)
}

/// A norm table as the framework file writes it.
fn norms_value(norms: &Norms) -> Value {
    let pairs = |list: Vec<(&String, &String)>| {
        Value::Array(
            list.into_iter()
                .map(|(id, title)| object(vec![("id", text(id)), ("title", text(title))]))
                .collect(),
        )
    };
    let rows = norms.rows.iter().map(|row| {
        let expected = row
            .expected
            .iter()
            .map(|(dimension, by_level)| {
                let by_level =
                    by_level.iter().map(|(level, score)| (level.clone(), text(score.symbol())));
                (dimension.clone(), Value::Object(by_level.collect()))
            })
            .collect();
        let mut members = vec![("learning_outcome", text(&row.learning_outcome))];
        members.extend(row.label.as_deref().map(|label| ("label", text(label))));
        members.push(("expected", Value::Object(expected)));
        object(members)
    });
    object(vec![
        ("source", text(&norms.source)),
        ("levels", pairs(norms.levels.iter().map(|l| (&l.id, &l.title)).collect())),
        ("dimensions", pairs(norms.dimensions.iter().map(|d| (&d.id, &d.title)).collect())),
        ("rows", Value::Array(rows.collect())),
    ])
}

/// The title of the rubric of the scale.
pub const RUBRIC_TITLE: &str = "Beoordelingsschaal";

/// The package as JSON text, indented, ending in a newline: what the app downloads.
///
/// The package's own members come in the standard's order, document first, so that a reader
/// sees what it is before its thousands of lines; within them members are sorted by name.
pub fn export_json(framework: &Framework) -> String {
    let package = export(framework);
    let mut text = String::from("{");
    let members = ["CFDocument", "CFItems", "CFAssociations", "CFRubrics"];
    for (n, key) in members.iter().enumerate() {
        let Some(value) = package.get(key) else { continue };
        let pretty = serde_json::to_string_pretty(value).unwrap_or_default();
        text.push_str(if n == 0 { "\n  \"" } else { ",\n  \"" });
        text.push_str(key);
        text.push_str("\": ");
        text.push_str(&pretty.replace('\n', "\n  "));
    }
    text.push_str("\n}\n");
    text
}

/// The package. Everything in it follows from the framework alone, so exporting twice gives the
/// same bytes.
pub fn export(framework: &Framework) -> Value {
    Package::new(framework).build()
}

struct Package<'f> {
    framework: &'f Framework,
    changed: String,
    document: Value,
    items: Vec<Value>,
    associations: Vec<Value>,
}

/// `lastChangeDateTime` of every object: the start of the source's date (it states a month, such
/// as 2026-03, or a day), so that it is the framework's own and a re-export does not change it.
/// A date of another form gives 1970-01-01, fixed for the same reason.
pub fn last_change(source_date: &str) -> String {
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    let parts: Vec<&str> = source_date.split('-').collect();
    let date = match parts.as_slice() {
        [y] if y.len() == 4 && digits(y) => format!("{y}-01-01"),
        [y, m] if y.len() == 4 && m.len() == 2 && digits(y) && digits(m) => format!("{y}-{m}-01"),
        [y, m, d]
            if y.len() == 4
                && m.len() == 2
                && d.len() == 2
                && [y, m, d].iter().all(|p| digits(p)) =>
        {
            format!("{y}-{m}-{d}")
        }
        _ => "1970-01-01".to_string(),
    };
    format!("{date}T00:00:00Z")
}

impl<'f> Package<'f> {
    fn new(framework: &'f Framework) -> Package<'f> {
        let document_id = identifier(&framework.id, "");
        Package {
            framework,
            changed: last_change(&framework.source.date),
            document: obj!({
                "title": framework.title,
                "identifier": document_id,
                "uri": uri(&document_id),
            }),
            items: Vec::new(),
            associations: Vec::new(),
        }
    }

    fn id(&self, path: &str) -> String {
        identifier(&self.framework.id, path)
    }

    /// A `LinkGenURI` to an item of this framework.
    fn link(&self, id: &str) -> Value {
        let identifier = self.id(id);
        obj!({ "title": id, "identifier": identifier, "uri": uri(&identifier) })
    }

    fn item(&mut self, kind: &str, id: &str, statement: &str, extra: Map<String, Value>) {
        let identifier = self.id(id);
        let mut item = obj!({
            "identifier": identifier,
            "uri": uri(&identifier),
            "CFDocumentURI": self.document,
            "CFItemType": kind,
            "humanCodingScheme": id,
            "fullStatement": statement,
            "language": self.framework.language,
            "lastChangeDateTime": self.changed,
        });
        if let Some(map) = item.as_object_mut() {
            map.extend(extra);
        }
        self.items.push(item);
    }

    /// An association from item `from` to item `to` (the document where `to` is empty).
    fn associate(&mut self, kind: &str, from: &str, to: &str, sequence: usize) {
        let identifier = self.id(&format!("{kind}/{from}/{to}"));
        let destination = if to.is_empty() { self.document.clone() } else { self.link(to) };
        self.associations.push(obj!({
            "identifier": identifier,
            "uri": uri(&identifier),
            "associationType": kind,
            "CFDocumentURI": self.document,
            "originNodeURI": self.link(from),
            "destinationNodeURI": destination,
            "sequenceNumber": sequence,
            "lastChangeDateTime": self.changed,
        }));
    }

    fn build(mut self) -> Value {
        let fw = self.framework;
        for (a, area) in fw.task_areas.iter().enumerate() {
            self.item(TAAKGEBIED, &area.id, &area.title, Map::new());
            self.associate(IS_CHILD_OF, &area.id, "", a + 1);
            for (c, capability) in area.capabilities.iter().enumerate() {
                let mut ours = Map::new();
                ours.insert(
                    "generic".into(),
                    capability.generic.as_deref().map_or(Value::Null, text),
                );
                if capability.added {
                    ours.insert("added".into(), Value::Bool(true));
                }
                self.item(BEKWAAMHEID, &capability.id, &capability.title, extensions(ours));
                self.associate(IS_CHILD_OF, &capability.id, &area.id, c + 1);
            }
        }
        for (k, task) in fw.core_tasks.iter().enumerate() {
            self.item(KERNTAAK, &task.id, &task.title, described(&task.description, &task.code));
            self.associate(IS_CHILD_OF, &task.id, "", k + 1);
            for (o, outcome) in task.learning_outcomes.iter().enumerate() {
                let mut extra = described(&outcome.description, &outcome.code);
                if !outcome.results.is_empty() {
                    let mut ours = Map::new();
                    ours.insert("results".into(), texts(&outcome.results));
                    extra.extend(extensions(ours));
                }
                self.item(LEERUITKOMST, &outcome.id, &outcome.title, extra);
                self.associate(IS_CHILD_OF, &outcome.id, &task.id, o + 1);
                for (c, capability) in outcome.capabilities.iter().enumerate() {
                    self.associate(IS_RELATED_TO, &outcome.id, capability, c + 1);
                }
                for (i, indicator) in outcome.indicators.iter().enumerate() {
                    self.item(GEDRAGSINDICATOR, &indicator.id, &indicator.text, Map::new());
                    self.associate(IS_CHILD_OF, &indicator.id, &outcome.id, i + 1);
                }
            }
        }
        let rubric = self.rubric();
        let document = self.document_object();
        obj!({
            "CFDocument": document,
            "CFItems": self.items,
            "CFAssociations": self.associations,
            "CFRubrics": vec![rubric],
        })
    }

    fn document_object(&self) -> Value {
        let fw = self.framework;
        let document_id = self.id("");
        let mut ours = Map::new();
        ours.insert("format".into(), text(&fw.format));
        ours.insert("id".into(), text(&fw.id));
        if let Some(subtitle) = &fw.subtitle {
            ours.insert("subtitle".into(), text(subtitle));
        }
        if let Some(level) = &fw.level {
            ours.insert("level".into(), text(level));
        }
        ours.insert("source".into(), source_value(&fw.source));
        ours.insert("introduction".into(), texts(&fw.introduction));
        if let Some(caption) = &fw.task_areas_caption {
            ours.insert("task_areas_caption".into(), text(caption));
        }
        ours.insert(
            "shared_indicator_texts".into(),
            Value::Array(fw.shared_indicator_texts.iter().map(|g| texts(g)).collect()),
        );
        ours.insert("notes".into(), texts(&fw.notes));
        if let Some(norms) = &fw.norms {
            ours.insert("norms".into(), norms_value(norms));
        }
        let mut document = obj!({
            "identifier": document_id,
            "uri": uri(&document_id),
            "title": fw.title,
            "creator": fw.source.publisher,
            "publisher": fw.source.publisher,
            "version": fw.version,
            "language": fw.language,
            "lastChangeDateTime": self.changed,
            "CFPackageURI": self.document,
        });
        if let Some(map) = document.as_object_mut() {
            map.extend(extensions(ours));
        }
        document
    }

    /// One criterion per leeruitkomst, each with the scale's levels: a CASE consumer scores
    /// criteria, and here the advice is given per leeruitkomst.
    fn rubric(&self) -> Value {
        let fw = self.framework;
        let rubric_id = self.id("rubric");
        let mut criteria = Vec::new();
        let outcomes = fw.core_tasks.iter().flat_map(|t| t.learning_outcomes.iter());
        for (position, outcome) in outcomes.enumerate() {
            let criterion_id = self.id(&format!("rubric/{}", outcome.id));
            let levels: Vec<Value> = fw
                .scale
                .levels
                .iter()
                .enumerate()
                .map(|(l, level)| {
                    let level_id = self.id(&format!("rubric/{}/{}", outcome.id, level.value));
                    let mut ours = Map::new();
                    ours.insert("symbol".into(), text(&level.symbol));
                    let mut object = obj!({
                        "identifier": level_id,
                        "uri": uri(&level_id),
                        "quality": level.label,
                        "description": level.description,
                        "score": level.value,
                        "position": l + 1,
                        "rubricCriterionId": criterion_id,
                        "lastChangeDateTime": self.changed,
                    });
                    if let Some(map) = object.as_object_mut() {
                        map.extend(extensions(ours));
                    }
                    object
                })
                .collect();
            criteria.push(obj!({
                "identifier": criterion_id,
                "uri": uri(&criterion_id),
                "category": LEERUITKOMST,
                "description": outcome.title,
                "CFItemURI": self.link(&outcome.id),
                "position": position + 1,
                "rubricId": rubric_id,
                "lastChangeDateTime": self.changed,
                "CFRubricCriterionLevels": levels,
            }));
        }
        obj!({
            "identifier": rubric_id,
            "uri": uri(&rubric_id),
            "title": RUBRIC_TITLE,
            "description": fw.scale.source,
            "lastChangeDateTime": self.changed,
            "CFRubricCriteria": criteria,
        })
    }
}

/// `notes` and `alternativeLabel` of a kerntaak or leeruitkomst.
fn described(description: &str, code: &Option<String>) -> Map<String, Value> {
    let mut extra = Map::new();
    extra.insert("notes".into(), text(description));
    if let Some(code) = code {
        extra.insert("alternativeLabel".into(), text(code));
    }
    extra
}

/// `{"extensions": {"leeruitkomsten": ours}}`, or nothing when there is nothing of ours.
fn extensions(ours: Map<String, Value>) -> Map<String, Value> {
    let mut extra = Map::new();
    if !ours.is_empty() {
        let mut by_name = Map::new();
        by_name.insert(EXTENSION.into(), Value::Object(ours));
        extra.insert("extensions".into(), Value::Object(by_name));
    }
    extra
}
