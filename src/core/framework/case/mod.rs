//! A framework as a 1EdTech CASE 1.1 package (`CFPackage`), and back.
//!
//! The hogeschool publishes its frameworks to other systems in CASE, the standard for competency
//! frameworks; a CASE package made here is also a framework file the app can load again.
//!
//! How a framework is written (see `export.rs`, read back by `import.rs`):
//! - `CFDocument`: title, version, language; `creator` and `publisher` are the source's publisher.
//! - `CFItems`, each with `CFItemType` in the hogeschool's words: *Kerntaak*, *Leeruitkomst*,
//!   *Gedragsindicator*, *Taakgebied* and *Bekwaamheid*. `humanCodingScheme` is the framework's
//!   id (LU1, LU1.1, ...); `fullStatement` is the title, or an indicator's text, exactly;
//!   `notes` is the description of a kerntaak or leeruitkomst; `alternativeLabel` its code where the
//!   source has one ("VC a").
//! - `CFAssociations`: `isChildOf` from indicator to leeruitkomst, leeruitkomst to kerntaak,
//!   kerntaak to the document, bekwaamheid to taakgebied, taakgebied to the document; `isRelatedTo`
//!   from a leeruitkomst to each of its bekwaamheden. `sequenceNumber` keeps the framework's order.
//! - `CFRubrics`: one rubric for the scale, with a criterion per leeruitkomst whose levels are
//!   □ / + / ++: `quality` the label, `description` the framework's description, `score` the value.
//! - What CASE has no place for travels in `extensions.leeruitkomsten` (named by [`EXTENSION`]),
//!   in the framework file's own member names: on the document the format, id, subtitle, level,
//!   source, introduction, caption, shared indicator texts, notes and the 2010 norms; on a
//!   bekwaamheid its generic capability; on a leeruitkomst its intended results; on a rubric level
//!   its symbol. So an export imports to the very same framework, with the same SHA-256.
//!
//! `alignment.rs` gives the alignment targets of an Open Badges 3.0 `Achievement` by the same
//! identifiers.
//!
//! Identifiers are name-based UUIDs (version 5, RFC 9562) of the framework id and item id, so a
//! re-export gives the same ones and another system can match items across versions of a package.

pub mod alignment;
pub mod export;
pub mod import;
mod sha1;

pub use export::{export, export_json};
pub use import::{import, looks_like_package};

/// The member of `extensions` that holds what CASE has no place for.
pub const EXTENSION: &str = "leeruitkomsten";

/// `CFItemType` of each kind of item.
pub const KERNTAAK: &str = "Kerntaak";
pub const LEERUITKOMST: &str = "Leeruitkomst";
pub const GEDRAGSINDICATOR: &str = "Gedragsindicator";
pub const TAAKGEBIED: &str = "Taakgebied";
pub const BEKWAAMHEID: &str = "Bekwaamheid";

pub const IS_CHILD_OF: &str = "isChildOf";
pub const IS_RELATED_TO: &str = "isRelatedTo";

/// The namespace of every identifier: the version 5 UUID of this URL in the URL namespace.
const NAMESPACE_NAME: &str = "https://leeruitkomsten.example/ns/case";

/// RFC 9562's namespace for URLs, 6ba7b811-9dad-11d1-80b4-00c04fd430c8.
const URL_NAMESPACE: [u8; 16] = [
    0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8,
];

/// The name-based UUID (version 5, SHA-1) of `name` in `namespace`, RFC 9562 section 5.5.
pub fn uuid_v5(namespace: &[u8; 16], name: &str) -> [u8; 16] {
    let mut input = namespace.to_vec();
    input.extend_from_slice(name.as_bytes());
    let digest = sha1::sha1(&input);
    let mut uuid = [0u8; 16];
    for (out, byte) in uuid.iter_mut().zip(digest) {
        *out = byte;
    }
    if let Some(version) = uuid.get_mut(6) {
        *version = (*version & 0x0f) | 0x50;
    }
    if let Some(variant) = uuid.get_mut(8) {
        *variant = (*variant & 0x3f) | 0x80;
    }
    uuid
}

/// The hyphenated lowercase form.
pub fn uuid_string(uuid: &[u8; 16]) -> String {
    let mut out = String::with_capacity(36);
    for (i, byte) in uuid.iter().enumerate() {
        if matches!(i, 4 | 6 | 8 | 10) {
            out.push('-');
        }
        out.push_str(&format!("{byte:02x}"));
    }
    out
}

/// The identifier of a part of framework `framework_id`, named by `path` (an item id, or a path
/// such as `rubric/LU1` for what has no id of its own); the document's own path is empty.
pub fn identifier(framework_id: &str, path: &str) -> String {
    let namespace = uuid_v5(&URL_NAMESPACE, NAMESPACE_NAME);
    let name =
        if path.is_empty() { framework_id.to_string() } else { format!("{framework_id}/{path}") };
    uuid_string(&uuid_v5(&namespace, &name))
}

/// A CASE object's `uri`. Nothing is hosted, so it is the URN of the identifier.
pub fn uri(identifier: &str) -> String {
    format!("urn:uuid:{identifier}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn version_5_uuids_match_rfc_9562() {
        // RFC 9562, appendix A.4: the DNS namespace and "www.example.com".
        let dns = [
            0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4,
            0x30, 0xc8,
        ];
        assert_eq!(
            uuid_string(&uuid_v5(&dns, "www.example.com")),
            "2ed6657d-e927-568b-95e1-2665a8aea6a2"
        );
        // The same as Python's uuid.uuid5(uuid.NAMESPACE_URL, ...).
        assert_eq!(
            uuid_string(&uuid_v5(&URL_NAMESPACE, "https://leeruitkomsten.example/case/x")),
            "cc95736c-4024-5d7f-b66b-4c7acdd52ef9"
        );
    }

    #[test]
    fn identifiers_are_stable_and_distinct() {
        let a = identifier("leeruitkomsten-opbouwwerk-2026", "LU1");
        assert_eq!(a, identifier("leeruitkomsten-opbouwwerk-2026", "LU1"));
        assert_ne!(a, identifier("leeruitkomsten-opbouwwerk-2026", "LU2"));
        assert_ne!(a, identifier("competentieprofiel-opbouwwerker-2010", "LU1"));
        assert_ne!(a, identifier("leeruitkomsten-opbouwwerk-2026", ""));
        assert_eq!(a.len(), 36);
        assert_eq!(a.chars().nth(14), Some('5'));
    }
}

#[cfg(test)]
mod tests_package;
