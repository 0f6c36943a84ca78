//! The app's JSON-LD to RDF and RDFC-1.0 against Digital Bazaar's `jsonld` (safe mode) with
//! `rdf-canonize`: for every `tests/fixtures/rdfc/NAME.json` whose contexts are at hand, the
//! canonical N-Quads must equal `NAME.nq`, which `tests/fixtures/rdfc/generate.mjs` wrote with
//! those libraries. The fixtures cover an Open Badges 3.0 credential with its proof, and a
//! document using lists, `@json`, language and index maps, typed values, numbers and escapes.

use leeruitkomsten::core::crypto::jsonld::{self, Contexts};
use serde_json::Value;
use std::fs;
use std::io::Write;
use std::path::Path;

/// Contexts the fixtures name that the app does not compile in, from the shared vectors.
const SHARED_CONTEXTS: [(&str, &str); 3] = [
    ("https://w3id.org/security/data-integrity/v2", "data-integrity-v2.jsonld"),
    ("https://w3id.org/security/multikey/v1", "multikey-v1.jsonld"),
    ("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json", "ob-v3p0-context-3.0.3.json"),
];

fn note(line: String) {
    let _ = std::io::stderr().write_all(format!("\n{line}\n").as_bytes());
}

#[test]
fn canonical_n_quads_equal_those_of_digital_bazaar_jsonld() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut contexts = Contexts::shipped().unwrap();
    let shared = root.join("../shared/vectors/contexts");
    for (url, file) in SHARED_CONTEXTS {
        match fs::read_to_string(shared.join(file)) {
            Ok(text) => contexts.insert(url, &text).unwrap(),
            Err(_) => note(format!(
                "context {url} absent at {}: fixtures naming it are skipped",
                shared.display()
            )),
        }
    }
    let dir = root.join("tests/fixtures/rdfc");
    let mut compared = 0;
    let mut names: Vec<_> = fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    names.sort();
    for path in names.iter().filter(|p| p.extension().is_some_and(|e| e == "json")) {
        let document: Value = serde_json::from_str(&fs::read_to_string(path).unwrap()).unwrap();
        let expected_path = path.with_extension("nq");
        let Ok(expected) = fs::read_to_string(&expected_path) else { continue };
        match jsonld::canonical_nquads(&document, &contexts) {
            Ok(nquads) => {
                assert_eq!(
                    nquads,
                    expected,
                    "{} differs from {}",
                    path.display(),
                    expected_path.display()
                );
                compared += 1;
            }
            Err(jsonld::CanonicalizeError::JsonLd(jsonld::JsonLdError::UnknownContext(url))) => {
                note(format!("{}: context {url} absent, skipped", path.display()));
            }
            Err(e) => panic!("{}: {e}", path.display()),
        }
    }
    assert!(compared >= 1, "no fixture was compared");
    note(format!(
        "JSON-LD cross-check: {compared} fixtures equal Digital Bazaar's canonical N-Quads"
    ));
}
