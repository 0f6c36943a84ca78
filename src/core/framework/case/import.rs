//! A CASE 1.1 package read back into a framework. The package must carry what a framework needs
//! and CASE has no place for in `extensions.leeruitkomsten` (see `mod.rs`), as the app's exports
//! do; every problem is reported with its path in the package, such as `CFItems[3].fullStatement`,
//! and the framework it makes then goes through the same checks as any framework file.

use std::collections::HashMap;

use serde_json::Value;

use super::{
    BEKWAAMHEID, EXTENSION, GEDRAGSINDICATOR, IS_CHILD_OF, IS_RELATED_TO, KERNTAAK, LEERUITKOMST,
    TAAKGEBIED,
};
use crate::core::framework::hashed::HashedFramework;
use crate::core::framework::source::problems_of;
use crate::core::framework::{Problem, ProblemKind, Reader, ScaleLevel, MAX_FRAMEWORK_BYTES};
use crate::core::json::{self, Node, Object};

const PACKAGE_FIELDS: &[&str] =
    &["CFDocument", "CFItems", "CFAssociations", "CFDefinitions", "CFRubrics", "extensions"];
const DOCUMENT_FIELDS: &[&str] = &[
    "identifier",
    "uri",
    "frameworkType",
    "caseVersion",
    "creator",
    "title",
    "lastChangeDateTime",
    "officialSourceURL",
    "publisher",
    "description",
    "subject",
    "subjectURI",
    "language",
    "version",
    "adoptionStatus",
    "statusStartDate",
    "statusEndDate",
    "licenseURI",
    "notes",
    "CFPackageURI",
    "extensions",
];
const ITEM_FIELDS: &[&str] = &[
    "identifier",
    "uri",
    "fullStatement",
    "alternativeLabel",
    "CFItemType",
    "humanCodingScheme",
    "listEnumeration",
    "abbreviatedStatement",
    "conceptKeywords",
    "conceptKeywordsURI",
    "notes",
    "subject",
    "subjectURI",
    "language",
    "educationLevel",
    "CFItemTypeURI",
    "licenseURI",
    "statusStartDate",
    "statusEndDate",
    "lastChangeDateTime",
    "CFDocumentURI",
    "extensions",
];
const ASSOCIATION_FIELDS: &[&str] = &[
    "identifier",
    "associationType",
    "sequenceNumber",
    "uri",
    "originNodeURI",
    "destinationNodeURI",
    "CFAssociationGroupingURI",
    "lastChangeDateTime",
    "notes",
    "CFDocumentURI",
    "extensions",
];
const RUBRIC_FIELDS: &[&str] = &[
    "identifier",
    "uri",
    "title",
    "description",
    "lastChangeDateTime",
    "CFRubricCriteria",
    "extensions",
];
const CRITERION_FIELDS: &[&str] = &[
    "identifier",
    "uri",
    "category",
    "description",
    "CFItemURI",
    "weight",
    "position",
    "rubricId",
    "lastChangeDateTime",
    "CFRubricCriterionLevels",
    "extensions",
];
const LEVEL_FIELDS: &[&str] = &[
    "identifier",
    "uri",
    "description",
    "quality",
    "score",
    "feedback",
    "position",
    "blockId",
    "rubricCriterionId",
    "lastChangeDateTime",
    "extensions",
];
const LINK_FIELDS: &[&str] = &["title", "identifier", "uri"];
const FRAMEWORK_EXTENSION_FIELDS: &[&str] = &[
    "format",
    "id",
    "subtitle",
    "level",
    "source",
    "introduction",
    "task_areas_caption",
    "shared_indicator_texts",
    "notes",
    "norms",
];

/// Whether `text` is a CASE package rather than a framework file: a JSON object with a
/// `CFDocument`. Anything else goes to the framework reader, which words what is wrong.
pub fn looks_like_package(text: &str) -> bool {
    json::parse(text, MAX_FRAMEWORK_BYTES)
        .is_ok_and(|value| value.as_object().is_some_and(|map| map.contains_key("CFDocument")))
}

/// The framework a CASE package describes, with the hash of its framework file; or every
/// problem found.
pub fn import(text: &str) -> Result<HashedFramework, Vec<Problem>> {
    let value = json::parse(text, MAX_FRAMEWORK_BYTES).map_err(|e| vec![Problem::from(e)])?;
    let mut reader = CaseReader { r: Reader::default(), item_paths: HashMap::new() };
    let framework = reader.package(&value);
    match framework {
        Some(framework) if reader.r.problems.is_empty() => {
            let text = framework.to_string();
            HashedFramework::from_json(&text).map_err(|error| {
                let in_package = |path: &str| in_package(&reader.item_paths, path);
                problems_of(error)
                    .into_iter()
                    .map(|mut problem| {
                        problem.path = in_package(&problem.path);
                        if let ProblemKind::DuplicateId { first, .. } = &mut problem.kind {
                            *first = in_package(first);
                        }
                        problem
                    })
                    .collect()
            })
        }
        _ if !reader.r.problems.is_empty() => Err(reader.r.problems),
        _ => Err(vec![Problem { path: String::new(), kind: ProblemKind::WrongType("object") }]),
    }
}

fn text(s: &str) -> Value {
    Value::String(s.to_string())
}

fn object(members: Vec<(&str, Value)>) -> Value {
    Value::Object(members.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
}

/// A member of our extension of an item, as it stands.
fn member(ours: &Option<Object>, key: &str) -> Option<Value> {
    ours.as_ref()?.get(key).map(|node| node.value().clone())
}

/// The members a kerntaak and a leeruitkomst have in common, in the framework file's names.
fn described(item: &Item) -> Vec<(&'static str, Value)> {
    let mut members = vec![("id", text(&item.id))];
    members.extend(item.code.as_deref().map(|code| ("code", text(code))));
    members.push(("title", text(&item.statement)));
    members.push(("description", text(item.notes.as_deref().unwrap_or_default())));
    members
}

/// Sorts by `sequenceNumber`, keeping the file's order among equal numbers. An insertion sort:
/// the lists are short, and the standard library's sorts are several KB of code in the app each.
fn in_sequence(links: &mut [Link]) {
    for end in 1..links.len() {
        let mut at = end;
        while at > 0 && links.get(at - 1).map(|l| l.sequence) > links.get(at).map(|l| l.sequence) {
            links.swap(at - 1, at);
            at -= 1;
        }
    }
}

/// An item as read, before it is placed in the tree.
struct Item<'v> {
    path: String,
    identifier: String,
    kind: &'static str,
    /// `humanCodingScheme`: the framework's id.
    id: String,
    statement: String,
    notes: Option<String>,
    code: Option<String>,
    ours: Option<Object<'v>>,
}

/// An `isChildOf` or `isRelatedTo` association that placed an item.
struct Link {
    sequence: u64,
    child: usize,
}

struct CaseReader {
    r: Reader,
    /// The path in the package of the item behind each element of the framework it makes, by the
    /// element's path in a framework file (`core_tasks[0].learning_outcomes[2]` -> `CFItems[9]`).
    item_paths: HashMap<String, String>,
}

/// Where in the package a problem found in the framework it makes lies: the framework checks its
/// own file's paths (`core_tasks[0].learning_outcomes[2].id`), the user has the package.
fn in_package(items: &HashMap<String, String>, path: &str) -> String {
    // The deepest element of the path that is an item: its path, then what is left of the path.
    let mut cut = path.len();
    loop {
        let element = path.get(..cut).unwrap_or_default();
        if let Some(item) = items.get(element) {
            let rest = path.get(cut..).unwrap_or_default().trim_start_matches('.');
            let member = match rest.split('.').next().unwrap_or_default() {
                "" => String::new(),
                "id" => ".humanCodingScheme".into(),
                "title" | "text" => ".fullStatement".into(),
                "description" => ".notes".into(),
                "code" => ".alternativeLabel".into(),
                m if m.starts_with("results") || m == "generic" || m == "added" => {
                    format!(".extensions.{EXTENSION}.{rest}")
                }
                // A leeruitkomst's bekwaamheden are associations; the item is the place to look.
                _ => String::new(),
            };
            return format!("{item}{member}");
        }
        match element.rfind('.') {
            Some(dot) => cut = dot,
            None => break,
        }
    }
    match path.split(['.', '[']).next().unwrap_or_default() {
        "" => String::new(),
        "title" | "version" | "language" => format!("CFDocument.{path}"),
        "scale" => "CFRubrics[0]".to_string(),
        "core_tasks" | "task_areas" => "CFItems".to_string(),
        _ => format!("CFDocument.extensions.{EXTENSION}.{path}"),
    }
}

impl CaseReader {
    fn push(&mut self, path: String, kind: ProblemKind) {
        self.r.problems.push(Problem { path, kind });
    }

    /// A required text of CASE; empty is a problem too.
    fn text(&mut self, map: &Object, key: &'static str) -> String {
        let text = self.r.ok(map.string(key)).unwrap_or_default().to_string();
        if map.get(key).is_some_and(|n| n.value().is_string()) && text.trim().is_empty() {
            self.push(map.path_to(key), ProblemKind::EmptyText);
        }
        text
    }

    /// Our part of an object's `extensions`, if any.
    fn ours<'v>(&mut self, map: &Object<'v>, fields: &[&str]) -> Option<Object<'v>> {
        let extensions = self.r.ok(map.get("extensions")?.object())?;
        let node = extensions.get(EXTENSION)?;
        self.r.object(&node, fields)
    }

    /// The identifier a link (`originNodeURI`, `CFItemURI`, ...) points at.
    fn link(&mut self, map: &Object, key: &'static str) -> Option<(String, String)> {
        let link = self.r.ok(map.member(key))?;
        let link = self.r.object(&link, LINK_FIELDS)?;
        self.r.ok(link.string("title"))?;
        self.r.ok(link.string("uri"))?;
        let identifier = self.r.ok(link.string("identifier"))?;
        Some((identifier.to_string(), link.path_to("identifier")))
    }

    /// The framework file the package describes, as JSON: built as a value, not through the
    /// framework's `Serialize`, which would add the serializer code of every framework type to
    /// the app for this alone. Members absent or null where the file would leave them out.
    fn package(&mut self, value: &Value) -> Option<Value> {
        let root = self.r.object(&Node::root(value), PACKAGE_FIELDS)?;
        let document = self.r.ok(root.member("CFDocument"))?;
        let document = self.r.object(&document, DOCUMENT_FIELDS)?;
        let document_id = self.text(&document, "identifier");
        for key in ["uri", "creator", "lastChangeDateTime"] {
            self.text(&document, key);
        }
        self.link(&document, "CFPackageURI");
        let title = self.text(&document, "title");
        let version = Value::String(self.r.string(&document, "version"));
        let language = Value::String(self.r.string(&document, "language"));
        let Some(ours) = self.ours(&document, FRAMEWORK_EXTENSION_FIELDS) else {
            // Without it the package has no framework id, format or source to become.
            self.push(
                format!("{}.{EXTENSION}", document.path_to("extensions")),
                ProblemKind::MissingField("extensions.leeruitkomsten"),
            );
            return None;
        };

        let items: Vec<Option<Item>> =
            self.r.array(&root, "CFItems", true).iter().map(|node| self.item(node)).collect();
        let by_identifier: HashMap<String, usize> = items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| item.as_ref().map(|item| (item.identifier.clone(), i)))
            .collect();

        // Children by parent identifier (the document's too), and related bekwaamheden by
        // leeruitkomst.
        let mut children: HashMap<String, Vec<Link>> = HashMap::new();
        let mut related: Vec<Vec<Link>> = items.iter().map(|_| Vec::new()).collect();
        let mut placed = vec![false; items.len()];
        for node in self.r.array(&root, "CFAssociations", false) {
            let Some(map) = self.r.object(&node, ASSOCIATION_FIELDS) else { continue };
            for key in ["identifier", "uri", "lastChangeDateTime"] {
                self.text(&map, key);
            }
            let kind = self.text(&map, "associationType");
            let sequence = match map.get("sequenceNumber") {
                None => u64::MAX,
                Some(n) => self.r.ok(n.count::<u64>()).unwrap_or(u64::MAX),
            };
            let origin = self.link(&map, "originNodeURI");
            let destination = self.link(&map, "destinationNodeURI");
            let (Some((origin, origin_path)), Some((destination, destination_path))) =
                (origin, destination)
            else {
                continue;
            };
            if kind != IS_CHILD_OF && kind != IS_RELATED_TO {
                continue; // other relations carry nothing of a framework
            }
            let Some(&child) = by_identifier.get(&origin) else {
                self.push(origin_path, ProblemKind::UnknownCaseNode(origin));
                continue;
            };
            let child_kind = items.get(child).and_then(Option::as_ref).map(|i| i.kind);
            let parent_kind = if destination == document_id {
                Some("CFDocument")
            } else {
                by_identifier
                    .get(&destination)
                    .and_then(|&p| items.get(p).and_then(Option::as_ref))
                    .map(|i| i.kind)
            };
            let Some(parent_kind) = parent_kind else {
                self.push(destination_path, ProblemKind::UnknownCaseNode(destination));
                continue;
            };
            let fits = match (kind.as_str(), child_kind, parent_kind) {
                (IS_CHILD_OF, Some(KERNTAAK | TAAKGEBIED), "CFDocument")
                | (IS_CHILD_OF, Some(LEERUITKOMST), KERNTAAK)
                | (IS_CHILD_OF, Some(GEDRAGSINDICATOR), LEERUITKOMST)
                | (IS_CHILD_OF, Some(BEKWAAMHEID), TAAKGEBIED)
                | (IS_RELATED_TO, Some(LEERUITKOMST), BEKWAAMHEID) => true,
                (IS_RELATED_TO, _, _) => continue, // relations of other kinds carry nothing
                _ => false,
            };
            if !fits {
                self.push(destination_path, ProblemKind::NotPlaced(destination));
                continue;
            }
            if kind == IS_CHILD_OF {
                if let Some(flag) = placed.get_mut(child) {
                    *flag = true;
                }
                children.entry(destination).or_default().push(Link { sequence, child });
            } else if let Some(&capability) = by_identifier.get(&destination) {
                if let Some(links) = related.get_mut(child) {
                    links.push(Link { sequence, child: capability });
                }
            }
        }
        for (item, placed) in items.iter().zip(&placed) {
            if let Some(item) = item.as_ref().filter(|_| !placed) {
                self.push(item.path.clone(), ProblemKind::NotPlaced(item.id.clone()));
            }
        }
        for links in children.values_mut().chain(related.iter_mut()) {
            in_sequence(links);
        }

        let get = |i: usize| items.get(i).and_then(Option::as_ref);
        let of_kind = |parent: &str, kind: &str| -> Vec<usize> {
            children
                .get(parent)
                .map(|links| {
                    links
                        .iter()
                        .map(|l| l.child)
                        .filter(|&c| get(c).is_some_and(|i| i.kind == kind))
                        .collect()
                })
                .unwrap_or_default()
        };
        let identifier_of =
            |i: usize| get(i).map(|item| item.identifier.clone()).unwrap_or_default();

        let mut task_areas = Vec::new();
        for area in of_kind(&document_id, TAAKGEBIED) {
            let Some(item) = get(area) else { continue };
            let area_path = format!("task_areas[{}]", task_areas.len());
            self.item_paths.insert(area_path.clone(), item.path.clone());
            let mut capabilities = Vec::new();
            for capability in of_kind(&identifier_of(area), BEKWAAMHEID) {
                let Some(cap) = get(capability) else { continue };
                let at = format!("{area_path}.capabilities[{}]", capabilities.len());
                self.item_paths.insert(at, cap.path.clone());
                // `generic` is always there, null where the source names none.
                let mut capability = vec![("id", text(&cap.id)), ("title", text(&cap.statement))];
                capability.push(("generic", member(&cap.ours, "generic").unwrap_or(Value::Null)));
                if let Some(added) = member(&cap.ours, "added") {
                    capability.push(("added", added));
                }
                capabilities.push(object(capability));
            }
            task_areas.push(object(vec![
                ("id", text(&item.id)),
                ("title", text(&item.statement)),
                ("capabilities", Value::Array(capabilities)),
            ]));
        }

        let mut core_tasks = Vec::new();
        for task in of_kind(&document_id, KERNTAAK) {
            let Some(item) = get(task) else { continue };
            let task_path = format!("core_tasks[{}]", core_tasks.len());
            self.item_paths.insert(task_path.clone(), item.path.clone());
            let mut learning_outcomes = Vec::new();
            for outcome in of_kind(&identifier_of(task), LEERUITKOMST) {
                let Some(lu) = get(outcome) else { continue };
                let outcome_path =
                    format!("{task_path}.learning_outcomes[{}]", learning_outcomes.len());
                self.item_paths.insert(outcome_path.clone(), lu.path.clone());
                let indicators = of_kind(&identifier_of(outcome), GEDRAGSINDICATOR)
                    .into_iter()
                    .filter_map(get)
                    .enumerate()
                    .map(|(n, i)| {
                        let at = format!("{outcome_path}.indicators[{n}]");
                        self.item_paths.insert(at, i.path.clone());
                        i
                    })
                    .map(|i| object(vec![("id", text(&i.id)), ("text", text(&i.statement))]))
                    .collect();
                let capabilities = related
                    .get(outcome)
                    .map(|links| {
                        links.iter().filter_map(|l| get(l.child)).map(|c| text(&c.id)).collect()
                    })
                    .unwrap_or_default();
                let mut outcome = described(lu);
                outcome.push(("capabilities", Value::Array(capabilities)));
                outcome.push(("indicators", Value::Array(indicators)));
                if let Some(results) = member(&lu.ours, "results") {
                    outcome.push(("results", results));
                }
                learning_outcomes.push(object(outcome));
            }
            let mut core_task = described(item);
            core_task.push(("learning_outcomes", Value::Array(learning_outcomes)));
            core_tasks.push(object(core_task));
        }

        let scale = self.scale(&root);
        let ours = |key: &str| ours.get(key).map(|node| node.value().clone());
        let mut framework = vec![
            ("format", ours("format").unwrap_or(Value::Null)),
            ("id", ours("id").unwrap_or(Value::Null)),
            ("title", Value::String(title)),
        ];
        framework.extend(ours("subtitle").map(|v| ("subtitle", v)));
        framework.extend([("version", version), ("language", language)]);
        framework.extend(ours("level").map(|v| ("level", v)));
        framework.extend([
            ("source", ours("source").unwrap_or(Value::Null)),
            ("scale", scale?),
            ("introduction", ours("introduction").unwrap_or(Value::Array(Vec::new()))),
            ("task_areas", Value::Array(task_areas)),
        ]);
        framework.extend(ours("task_areas_caption").map(|v| ("task_areas_caption", v)));
        framework.extend([
            ("core_tasks", Value::Array(core_tasks)),
            (
                "shared_indicator_texts",
                ours("shared_indicator_texts").unwrap_or(Value::Array(Vec::new())),
            ),
            ("notes", ours("notes").unwrap_or(Value::Array(Vec::new()))),
        ]);
        framework.extend(ours("norms").map(|v| ("norms", v)));
        Some(object(framework))
    }

    fn item<'v>(&mut self, node: &Node<'v>) -> Option<Item<'v>> {
        let map = self.r.object(node, ITEM_FIELDS)?;
        let identifier = self.text(&map, "identifier");
        for key in ["uri", "lastChangeDateTime"] {
            self.text(&map, key);
        }
        self.link(&map, "CFDocumentURI");
        let statement = self.text(&map, "fullStatement");
        let id = self.text(&map, "humanCodingScheme");
        let kind_text = self.text(&map, "CFItemType");
        let kind = [KERNTAAK, LEERUITKOMST, GEDRAGSINDICATOR, TAAKGEBIED, BEKWAAMHEID]
            .into_iter()
            .find(|k| *k == kind_text);
        let Some(kind) = kind else {
            if map.get("CFItemType").is_some() {
                self.push(map.path_to("CFItemType"), ProblemKind::NotACaseItemType(kind_text));
            }
            return None;
        };
        let described = kind == KERNTAAK || kind == LEERUITKOMST;
        let notes = if described { Some(self.text(&map, "notes")) } else { None };
        let code = if described { self.r.opt_string(&map, "alternativeLabel") } else { None };
        let fields: &[&str] = match kind {
            BEKWAAMHEID => &["generic", "added"],
            LEERUITKOMST => &["results"],
            _ => &[],
        };
        let ours = self.ours(&map, fields);
        Some(Item {
            path: node.path().to_string(),
            identifier,
            kind,
            id,
            statement,
            notes,
            code,
            ours,
        })
    }

    /// The scale from the rubric: the levels of its first criterion, which every other criterion
    /// must repeat.
    fn scale(&mut self, root: &Object) -> Option<Value> {
        let rubrics = self.r.array(root, "CFRubrics", true);
        let Some(rubric) = rubrics.first() else {
            self.push(root.path_to("CFRubrics"), ProblemKind::Empty);
            return None;
        };
        let rubric = self.r.object(rubric, RUBRIC_FIELDS)?;
        for key in ["identifier", "uri", "lastChangeDateTime"] {
            self.text(&rubric, key);
        }
        let source = self.r.string(&rubric, "description");
        let mut first: Option<Vec<ScaleLevel>> = None;
        let criteria = self.r.array(&rubric, "CFRubricCriteria", true);
        if criteria.is_empty() {
            self.push(rubric.path_to("CFRubricCriteria"), ProblemKind::Empty);
        }
        for criterion in criteria {
            let Some(criterion) = self.r.object(&criterion, CRITERION_FIELDS) else { continue };
            for key in ["identifier", "uri", "lastChangeDateTime"] {
                self.text(&criterion, key);
            }
            let levels: Vec<ScaleLevel> = self
                .r
                .array(&criterion, "CFRubricCriterionLevels", true)
                .iter()
                .filter_map(|node| self.level(node))
                .collect();
            match &first {
                None => first = Some(levels),
                Some(first) if *first != levels => self
                    .push(criterion.path_to("CFRubricCriterionLevels"), ProblemKind::ScaleMismatch),
                Some(_) => {}
            }
        }
        let levels = first.unwrap_or_default().into_iter().map(|level| {
            object(vec![
                ("symbol", Value::String(level.symbol)),
                ("value", Value::from(level.value)),
                ("label", Value::String(level.label)),
                ("description", Value::String(level.description)),
            ])
        });
        Some(object(vec![
            ("source", Value::String(source)),
            ("levels", Value::Array(levels.collect())),
        ]))
    }

    fn level(&mut self, node: &Node) -> Option<ScaleLevel> {
        let map = self.r.object(node, LEVEL_FIELDS)?;
        for key in ["identifier", "uri", "lastChangeDateTime"] {
            self.text(&map, key);
        }
        // A score of 2.0 is the number 2 as much as 2 is.
        let value = match map.get("score").and_then(|n| n.value().as_f64()) {
            Some(v) if v.fract() == 0.0 && (1.0..=3.0).contains(&v) => v as u8,
            _ => {
                self.push(map.path_to("score"), ProblemKind::WrongType("number from 1 to 3"));
                0
            }
        };
        let symbol = match self.ours(&map, &["symbol"]) {
            Some(ours) => self.r.string(&ours, "symbol"),
            None => {
                self.push(
                    map.path_to("extensions"),
                    ProblemKind::MissingField("extensions.leeruitkomsten.symbol"),
                );
                String::new()
            }
        };
        Some(ScaleLevel {
            symbol,
            value,
            label: self.text(&map, "quality"),
            description: self.r.string(&map, "description"),
        })
    }
}
