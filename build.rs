//! Compiles the built-in frameworks in without the indentation of their files: whitespace between
//! JSON tokens carries nothing, and every byte is shipped to every browser.

use std::{env, fs, path::Path};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    for (source, name) in [
        ("frameworks/leeruitkomsten-opbouwwerk-2026.json", "default-framework.json"),
        ("frameworks/competentieprofiel-opbouwwerker-2010.json", "profile-2010.json"),
    ] {
        println!("cargo:rerun-if-changed={source}");
        let text = fs::read_to_string(source)?;
        let out = Path::new(&env::var("OUT_DIR")?).join(name);
        fs::write(out, strip_whitespace(&text))?;
    }
    Ok(())
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
