//! Compiles the built-in frameworks in without the indentation of their files: whitespace between
//! JSON tokens carries nothing, and every byte is shipped to every browser. The default framework
//! is also written out as Rust data (`default-framework.rs`, README: Size): the scoring page builds
//! it from that rather than reading the JSON at start, and so carries no framework reader.

use std::{env, fs, path::Path};

use serde_json::Value;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out_dir = env::var("OUT_DIR")?;
    for (source, name) in [
        ("frameworks/leeruitkomsten-opbouwwerk-2026.json", "default-framework.json"),
        ("frameworks/competentieprofiel-opbouwwerker-2010.json", "profile-2010.json"),
    ] {
        println!("cargo:rerun-if-changed={source}");
        let text = fs::read_to_string(source)?;
        let out = Path::new(&out_dir).join(name);
        fs::write(out, strip_whitespace(&text))?;
    }
    let default: Value = serde_json::from_str(&fs::read_to_string(
        "frameworks/leeruitkomsten-opbouwwerk-2026.json",
    )?)?;
    let code = rust::framework(&default).map_err(|at| format!("default framework: {at}"))?;
    fs::write(Path::new(&out_dir).join("default-framework.rs"), code)?;
    Ok(())
}

/// The default framework as one Rust expression of `core::framework`'s types, its index left to
/// `build_index`. Each field is written as the JSON names it (the types' fields carry the same
/// names); a test compares the result with what `Framework::from_json` reads from the file. A
/// member the types do not know, or one of the wrong kind, fails the build.
mod rust {
    use serde_json::{Map, Value};

    type Out = Result<String, String>;

    pub fn framework(v: &Value) -> Out {
        let o = object(v, "framework")?;
        known(
            o,
            &[
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
            ],
            "framework",
        )?;
        Ok(format!(
            "Framework {{ format: {}, id: {}, title: {}, subtitle: {}, version: {}, language: {}, \
             level: {}, source: {}, scale: {}, introduction: {}, task_areas: {}, \
             task_areas_caption: {}, core_tasks: {}, shared_indicator_texts: {}, notes: {}, \
             norms: None, index: Index::default() }}",
            string(o, "format")?,
            string(o, "id")?,
            string(o, "title")?,
            optional(o, "subtitle")?,
            string(o, "version")?,
            string(o, "language")?,
            optional(o, "level")?,
            source(field(o, "source")?)?,
            scale(field(o, "scale")?)?,
            strings(o, "introduction")?,
            list(o, "task_areas", task_area)?,
            optional(o, "task_areas_caption")?,
            list(o, "core_tasks", core_task)?,
            list(o, "shared_indicator_texts", |v| strings_of(v, "shared_indicator_texts"))?,
            strings(o, "notes")?,
        ))
    }

    fn source(v: &Value) -> Out {
        let o = object(v, "source")?;
        known(o, &["title", "publisher", "date", "part"], "source")?;
        Ok(format!(
            "Source {{ title: {}, publisher: {}, date: {}, part: {} }}",
            string(o, "title")?,
            string(o, "publisher")?,
            string(o, "date")?,
            optional(o, "part")?
        ))
    }

    fn scale(v: &Value) -> Out {
        let o = object(v, "scale")?;
        known(o, &["source", "levels"], "scale")?;
        let levels = list(o, "levels", |v| {
            let l = object(v, "scale.levels")?;
            known(l, &["symbol", "value", "label", "description"], "scale.levels")?;
            let value =
                field(l, "value")?.as_u64().filter(|n| *n <= 255).ok_or("scale.levels.value")?;
            Ok(format!(
                "ScaleLevel {{ symbol: {}, value: {value}, label: {}, description: {} }}",
                string(l, "symbol")?,
                string(l, "label")?,
                string(l, "description")?
            ))
        })?;
        Ok(format!("Scale {{ source: {}, levels: {levels} }}", string(o, "source")?))
    }

    fn task_area(v: &Value) -> Out {
        let o = object(v, "task_areas")?;
        known(o, &["id", "title", "capabilities"], "task_areas")?;
        let capabilities = list(o, "capabilities", |v| {
            let c = object(v, "capabilities")?;
            known(c, &["id", "title", "generic", "added"], "capabilities")?;
            let added = match c.get("added") {
                None => false,
                Some(a) => a.as_bool().ok_or("capabilities.added")?,
            };
            Ok(format!(
                "Capability {{ id: {}, title: {}, generic: {}, added: {added} }}",
                string(c, "id")?,
                string(c, "title")?,
                optional(c, "generic")?
            ))
        })?;
        Ok(format!(
            "TaskArea {{ id: {}, title: {}, capabilities: {capabilities} }}",
            string(o, "id")?,
            string(o, "title")?
        ))
    }

    fn core_task(v: &Value) -> Out {
        let o = object(v, "core_tasks")?;
        known(o, &["id", "code", "title", "description", "learning_outcomes"], "core_tasks")?;
        Ok(format!(
            "CoreTask {{ id: {}, code: {}, title: {}, description: {}, learning_outcomes: {} }}",
            string(o, "id")?,
            optional(o, "code")?,
            string(o, "title")?,
            string(o, "description")?,
            list(o, "learning_outcomes", learning_outcome)?
        ))
    }

    fn learning_outcome(v: &Value) -> Out {
        let o = object(v, "learning_outcomes")?;
        known(
            o,
            &["id", "code", "title", "description", "capabilities", "indicators", "results"],
            "learning_outcomes",
        )?;
        let indicators = list(o, "indicators", |v| {
            let i = object(v, "indicators")?;
            known(i, &["id", "text"], "indicators")?;
            Ok(format!(
                "Indicator {{ id: Rc::from({:?}), text: Rc::from({:?}) }}",
                text(i, "id")?,
                text(i, "text")?
            ))
        })?;
        let results = match o.get("results") {
            None => "Vec::new()".to_string(),
            Some(_) => strings(o, "results")?,
        };
        Ok(format!(
            "Rc::new(LearningOutcome {{ id: {}, code: {}, title: {}, description: {}, \
             capabilities: {}, indicators: {indicators}, results: {results} }})",
            string(o, "id")?,
            optional(o, "code")?,
            string(o, "title")?,
            string(o, "description")?,
            strings(o, "capabilities")?
        ))
    }

    fn object<'a>(v: &'a Value, at: &str) -> Result<&'a Map<String, Value>, String> {
        v.as_object().ok_or_else(|| format!("{at} is not an object"))
    }

    fn known(o: &Map<String, Value>, names: &[&str], at: &str) -> Result<(), String> {
        match o.keys().find(|k| !names.contains(&k.as_str())) {
            Some(k) => Err(format!("{at}.{k} is not compiled in: add it to build.rs")),
            None => Ok(()),
        }
    }

    fn field<'a>(o: &'a Map<String, Value>, name: &str) -> Result<&'a Value, String> {
        o.get(name).ok_or_else(|| format!("{name} is missing"))
    }

    fn text<'a>(o: &'a Map<String, Value>, name: &str) -> Result<&'a str, String> {
        field(o, name)?.as_str().ok_or_else(|| format!("{name} is not a string"))
    }

    fn string(o: &Map<String, Value>, name: &str) -> Out {
        Ok(format!("String::from({:?})", text(o, name)?))
    }

    fn optional(o: &Map<String, Value>, name: &str) -> Out {
        match o.get(name) {
            None | Some(Value::Null) => Ok("None".to_string()),
            Some(_) => Ok(format!("Some({})", string(o, name)?)),
        }
    }

    fn strings(o: &Map<String, Value>, name: &str) -> Out {
        strings_of(field(o, name)?, name)
    }

    fn strings_of(v: &Value, at: &str) -> Out {
        let items = v.as_array().ok_or_else(|| format!("{at} is not a list"))?;
        let mut out = Vec::new();
        for item in items {
            out.push(format!(
                "String::from({:?})",
                item.as_str().ok_or_else(|| format!("{at}: not a string"))?
            ));
        }
        Ok(format!("vec![{}]", out.join(", ")))
    }

    fn list(o: &Map<String, Value>, name: &str, each: impl Fn(&Value) -> Out) -> Out {
        let items = field(o, name)?.as_array().ok_or_else(|| format!("{name} is not a list"))?;
        let out: Result<Vec<String>, String> = items.iter().map(each).collect();
        Ok(format!("vec![{}]", out?.join(", ")))
    }
}

/// Drops whitespace outside strings. Inside a string a backslash escapes the next character, so a
/// quote after a backslash does not end it.
fn strip_whitespace(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in json.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_whitespace() {
            out.push(c);
        }
    }
    out
}
