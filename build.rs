//! Compiles the built-in frameworks in without the indentation of their files: whitespace between
//! JSON tokens carries nothing, and every byte is shipped to every browser. The default framework
//! is also written out as compact Rust data (`default-framework.rs`, README: Size): the scoring
//! page builds it from that rather than reading the JSON at start, and so carries no framework
//! reader.

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

/// The default framework as compact data for `core::framework::compiled`: its texts as one
/// string, and a list of numbers that says, in the order of the types' fields, where each text
/// stands in it (start and end), whether an optional one is there, how long each list is, and the
/// few numbers and flags. Each field is read as the JSON names it (the types' fields carry the same
/// names); a test compares the result with what `Framework::from_json` reads from the file. A
/// member the types do not know, or one of the wrong kind, fails the build.
///
/// Data read by one small function rather than one Rust expression building every struct: the
/// expression, inlined into the scoring page's start, was about 10 KB of its code.
mod rust {
    use serde_json::{Map, Value};

    type Done = Result<(), String>;

    #[derive(Default)]
    struct Encoder {
        text: String,
        shape: Vec<u16>,
    }

    /// The Rust expression `(text, shape)` of the framework `v`.
    pub fn framework(v: &Value) -> Result<String, String> {
        let mut e = Encoder::default();
        e.framework(v)?;
        Ok(format!("({:?}, &{:?})", e.text, e.shape))
    }

    impl Encoder {
        fn number(&mut self, n: u64, at: &str) -> Done {
            self.shape.push(u16::try_from(n).map_err(|_| format!("{at}: {n} is too large"))?);
            Ok(())
        }

        /// A text already in `text` (the same words in two places) is named again, not added.
        fn text(&mut self, t: &str) -> Done {
            let start = self.text.find(t).unwrap_or_else(|| {
                self.text.push_str(t);
                self.text.len() - t.len()
            });
            self.number(start as u64, "texts")?;
            self.number((start + t.len()) as u64, "texts")
        }

        fn string(&mut self, o: &Map<String, Value>, name: &str) -> Done {
            self.text(text(o, name)?)
        }

        fn optional(&mut self, o: &Map<String, Value>, name: &str) -> Done {
            match o.get(name) {
                None | Some(Value::Null) => self.number(0, name),
                Some(_) => {
                    self.number(1, name)?;
                    self.string(o, name)
                }
            }
        }

        fn strings(&mut self, o: &Map<String, Value>, name: &str) -> Done {
            self.strings_of(field(o, name)?, name)
        }

        fn strings_of(&mut self, v: &Value, at: &str) -> Done {
            let items = v.as_array().ok_or_else(|| format!("{at} is not a list"))?;
            self.number(items.len() as u64, at)?;
            for item in items {
                self.text(item.as_str().ok_or_else(|| format!("{at}: not a string"))?)?;
            }
            Ok(())
        }

        fn list(
            &mut self,
            o: &Map<String, Value>,
            name: &str,
            each: fn(&mut Self, &Value) -> Done,
        ) -> Done {
            let items =
                field(o, name)?.as_array().ok_or_else(|| format!("{name} is not a list"))?;
            self.number(items.len() as u64, name)?;
            items.iter().try_for_each(|item| each(self, item))
        }

        fn framework(&mut self, v: &Value) -> Done {
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
            self.string(o, "format")?;
            self.string(o, "id")?;
            self.string(o, "title")?;
            self.optional(o, "subtitle")?;
            self.string(o, "version")?;
            self.string(o, "language")?;
            self.optional(o, "level")?;
            self.source(field(o, "source")?)?;
            self.scale(field(o, "scale")?)?;
            self.strings(o, "introduction")?;
            self.list(o, "task_areas", Self::task_area)?;
            self.optional(o, "task_areas_caption")?;
            self.list(o, "core_tasks", Self::core_task)?;
            self.list(o, "shared_indicator_texts", |e, v| {
                e.strings_of(v, "shared_indicator_texts")
            })?;
            self.strings(o, "notes")
        }

        fn source(&mut self, v: &Value) -> Done {
            let o = object(v, "source")?;
            known(o, &["title", "publisher", "date", "part"], "source")?;
            self.string(o, "title")?;
            self.string(o, "publisher")?;
            self.string(o, "date")?;
            self.optional(o, "part")
        }

        fn scale(&mut self, v: &Value) -> Done {
            let o = object(v, "scale")?;
            known(o, &["source", "levels"], "scale")?;
            self.string(o, "source")?;
            self.list(o, "levels", |e, v| {
                let l = object(v, "scale.levels")?;
                known(l, &["symbol", "value", "label", "description"], "scale.levels")?;
                let value = field(l, "value")?
                    .as_u64()
                    .filter(|n| *n <= 255)
                    .ok_or("scale.levels.value")?;
                e.string(l, "symbol")?;
                e.number(value, "scale.levels.value")?;
                e.string(l, "label")?;
                e.string(l, "description")
            })
        }

        fn task_area(&mut self, v: &Value) -> Done {
            let o = object(v, "task_areas")?;
            known(o, &["id", "title", "capabilities"], "task_areas")?;
            self.string(o, "id")?;
            self.string(o, "title")?;
            self.list(o, "capabilities", |e, v| {
                let c = object(v, "capabilities")?;
                known(c, &["id", "title", "generic", "added"], "capabilities")?;
                let added = match c.get("added") {
                    None => false,
                    Some(a) => a.as_bool().ok_or("capabilities.added")?,
                };
                e.string(c, "id")?;
                e.string(c, "title")?;
                e.optional(c, "generic")?;
                e.number(u64::from(added), "capabilities.added")
            })
        }

        fn core_task(&mut self, v: &Value) -> Done {
            let o = object(v, "core_tasks")?;
            known(o, &["id", "code", "title", "description", "learning_outcomes"], "core_tasks")?;
            self.string(o, "id")?;
            self.optional(o, "code")?;
            self.string(o, "title")?;
            self.string(o, "description")?;
            self.list(o, "learning_outcomes", Self::learning_outcome)
        }

        fn learning_outcome(&mut self, v: &Value) -> Done {
            let o = object(v, "learning_outcomes")?;
            known(
                o,
                &["id", "code", "title", "description", "capabilities", "indicators", "results"],
                "learning_outcomes",
            )?;
            self.string(o, "id")?;
            self.optional(o, "code")?;
            self.string(o, "title")?;
            self.string(o, "description")?;
            self.strings(o, "capabilities")?;
            self.list(o, "indicators", |e, v| {
                let i = object(v, "indicators")?;
                known(i, &["id", "text"], "indicators")?;
                e.string(i, "id")?;
                e.string(i, "text")
            })?;
            match o.get("results") {
                None => self.number(0, "results"),
                Some(_) => self.strings(o, "results"),
            }
        }
    }

    fn object<'a>(v: &'a Value, at: &str) -> Result<&'a Map<String, Value>, String> {
        v.as_object().ok_or_else(|| format!("{at} is not an object"))
    }

    fn known(o: &Map<String, Value>, names: &[&str], at: &str) -> Done {
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
