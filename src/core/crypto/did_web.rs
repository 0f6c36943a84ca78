//! `did:web` (W3C CCG did:web method): a DID that names a web address where its DID document is
//! published, so that a hogeschool can sign as itself rather than as a bare key.
//!
//! `did:web:hogeschool.example:opbouwwerk` is resolved from
//! `https://hogeschool.example/opbouwwerk/did.json`, `did:web:hogeschool.example` from
//! `https://hogeschool.example/.well-known/did.json`; a port is written `%3A` after the host.
//! The app never fetches a DID document: it shows the one to publish, and checks a signature
//! against a document it was given (the one this browser would publish, or a file).
//!
//! Each key is a verification method `<did>#<publicKeyMultibase>`: several examinators of one
//! hogeschool each sign with the key in their own browser, and a fragment that is the key itself
//! lets their methods be listed side by side in one document with nothing to number or agree
//! on; a key that is replaced keeps its own method, so badges signed with it still verify while
//! the hogeschool keeps it listed.

use serde_json::{json, Value};
use std::fmt;

use super::did_key::{decode_public_key_multibase, encode_public_key_multibase, KEY_LENGTH};

const PREFIX: &str = "did:web:";
/// DNS limits a name to 253 characters; a path of a few segments fits well within this.
const MAX_DID_CHARS: usize = 400;
pub const DID_CONTEXT_V1: &str = "https://www.w3.org/ns/did/v1";
pub const MULTIKEY_CONTEXT_V1: &str = "https://w3id.org/security/multikey/v1";

/// A did:web as the spec allows it: a host name, an optional port, optional path segments.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DidWeb {
    /// The DID as written in credentials, host in lower case.
    did: String,
    host: String,
    port: Option<u16>,
    path: Vec<String>,
}

/// Why a text is not a did:web the app can use; each names what to change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DidWebProblem {
    /// It does not start with `did:web:`.
    NotDidWeb,
    TooLong,
    /// No host after `did:web:`.
    NoHost,
    /// The host is not a domain name (the label that is wrong, or the whole host).
    BadHost(String),
    /// An IP address, which did:web does not allow.
    IpAddress,
    /// What follows `%3A` is not a port number from 1 to 65535.
    BadPort(String),
    /// A path segment that is empty, `.`/`..`, or holds a character a URL path would change.
    BadSegment(String),
}

impl fmt::Display for DidWebProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DidWebProblem::NotDidWeb => write!(f, "a did:web starts with did:web:"),
            DidWebProblem::TooLong => write!(f, "longer than {MAX_DID_CHARS} characters"),
            DidWebProblem::NoHost => write!(f, "no domain name after did:web:"),
            DidWebProblem::BadHost(part) => write!(f, "{part:?} is not a domain name"),
            DidWebProblem::IpAddress => write!(f, "an IP address is not allowed in a did:web"),
            DidWebProblem::BadPort(port) => write!(f, "{port:?} is not a port number"),
            DidWebProblem::BadSegment(segment) => write!(f, "{segment:?} is not a path segment"),
        }
    }
}

impl DidWeb {
    /// Parses a did:web, allowing spaces around it and an upper-case host (host names are not
    /// case-sensitive; the DID keeps the host in lower case).
    pub fn parse(text: &str) -> Result<DidWeb, DidWebProblem> {
        let text = text.trim();
        if text.chars().count() > MAX_DID_CHARS {
            return Err(DidWebProblem::TooLong);
        }
        let rest = text
            .get(..PREFIX.len())
            .filter(|p| p.eq_ignore_ascii_case(PREFIX))
            .and_then(|_| text.get(PREFIX.len()..))
            .ok_or(DidWebProblem::NotDidWeb)?;
        let mut parts = rest.split(':');
        let authority = parts.next().unwrap_or_default();
        if authority.is_empty() {
            return Err(DidWebProblem::NoHost);
        }
        let (host, port) = match find_port_separator(authority) {
            Some(at) => {
                let host = authority.get(..at).unwrap_or_default();
                let port_text = authority.get(at + 3..).unwrap_or_default();
                (host, Some(port(port_text)?))
            }
            None => (authority, None),
        };
        let host = host.to_ascii_lowercase();
        check_host(&host)?;
        let path: Vec<String> = parts.map(str::to_string).collect();
        for segment in &path {
            check_segment(segment)?;
        }
        let mut did = format!("{PREFIX}{host}");
        if let Some(port) = port {
            did.push_str(&format!("%3A{port}"));
        }
        for segment in &path {
            did.push(':');
            did.push_str(segment);
        }
        Ok(DidWeb { did, host, port, path })
    }

    pub fn did(&self) -> &str {
        &self.did
    }

    /// Where the DID document must be published: `https://host/path/did.json`, or
    /// `https://host/.well-known/did.json` for a DID without a path.
    pub fn document_url(&self) -> String {
        let mut url = format!("https://{}", self.host);
        if let Some(port) = self.port {
            url.push_str(&format!(":{port}"));
        }
        if self.path.is_empty() {
            url.push_str("/.well-known");
        }
        for segment in &self.path {
            url.push('/');
            url.push_str(segment);
        }
        url.push_str("/did.json");
        url
    }

    /// The verification method of a key under this DID: `<did>#<publicKeyMultibase>`.
    pub fn verification_method(&self, public_key: &[u8; KEY_LENGTH]) -> String {
        format!("{}#{}", self.did, encode_public_key_multibase(public_key))
    }

    /// The DID document to publish: the DID v1 and Multikey contexts, the key as a `Multikey`
    /// verification method controlled by the DID, and that method as an `assertionMethod`, the
    /// purpose a credential's proof names.
    pub fn document(&self, public_key: &[u8; KEY_LENGTH]) -> Value {
        let method = self.verification_method(public_key);
        json!({
            "@context": [DID_CONTEXT_V1, MULTIKEY_CONTEXT_V1],
            "id": self.did,
            "verificationMethod": [{
                "id": method,
                "type": "Multikey",
                "controller": self.did,
                "publicKeyMultibase": encode_public_key_multibase(public_key),
            }],
            "assertionMethod": [method],
        })
    }
}

/// Where `%3A` (either case) starts in the authority.
fn find_port_separator(authority: &str) -> Option<usize> {
    authority.to_ascii_lowercase().find("%3a")
}

fn port(text: &str) -> Result<u16, DidWebProblem> {
    let bad = || DidWebProblem::BadPort(text.to_string());
    if text.is_empty() || text.len() > 5 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    match text.parse::<u16>() {
        Ok(0) | Err(_) => Err(bad()),
        Ok(port) => Ok(port),
    }
}

/// A DNS host name: dot-separated labels of letters, digits and hyphens, 1 to 63 characters,
/// not starting or ending with a hyphen; 253 characters in all. All-digit labels throughout are
/// an IPv4 address; IPv6 needs brackets and colons, which no label takes.
fn check_host(host: &str) -> Result<(), DidWebProblem> {
    if host.is_empty() {
        return Err(DidWebProblem::NoHost);
    }
    if host.len() > 253 {
        return Err(DidWebProblem::BadHost(host.to_string()));
    }
    let labels: Vec<&str> = host.split('.').collect();
    for label in &labels {
        let ok = !label.is_empty()
            && label.len() <= 63
            && label.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !label.starts_with('-')
            && !label.ends_with('-');
        if !ok {
            return Err(DidWebProblem::BadHost(label.to_string()));
        }
    }
    if labels.iter().all(|l| l.bytes().all(|b| b.is_ascii_digit())) {
        return Err(DidWebProblem::IpAddress);
    }
    Ok(())
}

/// A path segment that becomes one URL path segment unchanged: unreserved characters only, so
/// that no `%2F`, `/`, `?` or `#` can move the document elsewhere on the host.
fn check_segment(segment: &str) -> Result<(), DidWebProblem> {
    let ok = !segment.is_empty()
        && segment != "."
        && segment != ".."
        && segment
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~'));
    if ok {
        Ok(())
    } else {
        Err(DidWebProblem::BadSegment(segment.to_string()))
    }
}

/// Why a DID document does not give the key a proof names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DidDocumentProblem {
    /// The document is for another DID (its `id`).
    OtherDid(String),
    /// The method is not among the document's `verificationMethod`s.
    NoSuchMethod(String),
    /// The method is listed, but not as an `assertionMethod`: the key may not sign credentials.
    NotForAssertion(String),
    /// The method is not an Ed25519 `Multikey` controlled by the DID (what is wrong).
    BadMethod(String),
}

impl fmt::Display for DidDocumentProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DidDocumentProblem::OtherDid(id) => write!(f, "the DID document is for {id}"),
            DidDocumentProblem::NoSuchMethod(m) => {
                write!(f, "the DID document does not list the key {m}")
            }
            DidDocumentProblem::NotForAssertion(m) => {
                write!(f, "the DID document does not list {m} as an assertionMethod")
            }
            DidDocumentProblem::BadMethod(why) => write!(f, "the key in the DID document: {why}"),
        }
    }
}

/// The DID a verification method URL belongs to: what comes before `#`.
pub fn did_of(verification_method: &str) -> &str {
    verification_method.split('#').next().unwrap_or(verification_method)
}

/// Whether a DID or verification method is a did:web.
pub fn is_did_web(text: &str) -> bool {
    text.starts_with(PREFIX)
}

/// The `id` of a DID document, if it has a string one.
pub fn document_id(document: &Value) -> Option<&str> {
    document.get("id").and_then(Value::as_str)
}

/// The Ed25519 public key of `verification_method` in a DID document: the document must be the
/// method's DID's, list the method (by its full id) as a `Multikey` controlled by that DID, and
/// list it as an `assertionMethod`. The key is never taken from the fragment: only the published
/// document says which keys speak for the hogeschool.
pub fn assertion_key(
    document: &Value,
    verification_method: &str,
) -> Result<[u8; KEY_LENGTH], DidDocumentProblem> {
    let did = did_of(verification_method);
    let id = document_id(document).unwrap_or_default();
    if id != did {
        return Err(DidDocumentProblem::OtherDid(id.to_string()));
    }
    let method = document
        .get("verificationMethod")
        .and_then(Value::as_array)
        .and_then(|methods| {
            methods
                .iter()
                .find(|m| m.get("id").and_then(Value::as_str) == Some(verification_method))
        })
        .ok_or_else(|| DidDocumentProblem::NoSuchMethod(verification_method.to_string()))?;
    let for_assertion =
        document.get("assertionMethod").and_then(Value::as_array).is_some_and(|a| {
            a.iter().any(|m| {
                m.as_str() == Some(verification_method)
                    || m.get("id").and_then(Value::as_str) == Some(verification_method)
            })
        });
    if !for_assertion {
        return Err(DidDocumentProblem::NotForAssertion(verification_method.to_string()));
    }
    if method.get("type").and_then(Value::as_str) != Some("Multikey") {
        return Err(DidDocumentProblem::BadMethod("its type is not Multikey".into()));
    }
    if method.get("controller").and_then(Value::as_str) != Some(did) {
        return Err(DidDocumentProblem::BadMethod(format!("its controller is not {did}")));
    }
    let multibase = method
        .get("publicKeyMultibase")
        .and_then(Value::as_str)
        .ok_or_else(|| DidDocumentProblem::BadMethod("no publicKeyMultibase".into()))?;
    decode_public_key_multibase(multibase).map_err(|e| DidDocumentProblem::BadMethod(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::crypto::did_key::public_key_from_seed;

    #[test]
    fn a_did_with_a_path_is_published_under_that_path() {
        let did = DidWeb::parse("did:web:hogeschool.example:opbouwwerk").unwrap();
        assert_eq!(did.did(), "did:web:hogeschool.example:opbouwwerk");
        assert_eq!(did.document_url(), "https://hogeschool.example/opbouwwerk/did.json");
    }

    #[test]
    fn a_did_without_a_path_is_published_in_well_known() {
        let did = DidWeb::parse("  did:web:Hogeschool.Example ").unwrap();
        assert_eq!(did.did(), "did:web:hogeschool.example");
        assert_eq!(did.document_url(), "https://hogeschool.example/.well-known/did.json");
    }

    #[test]
    fn a_port_is_written_percent_encoded_and_published_after_the_host() {
        let did = DidWeb::parse("did:web:localhost%3a8443:a:b_c").unwrap();
        assert_eq!(did.did(), "did:web:localhost%3A8443:a:b_c");
        assert_eq!(did.document_url(), "https://localhost:8443/a/b_c/did.json");
    }

    #[test]
    fn hostile_and_malformed_input_is_refused_with_what_is_wrong() {
        use DidWebProblem as P;
        let cases: &[(&str, DidWebProblem)] = &[
            ("did:key:z6Mk", P::NotDidWeb),
            ("hogeschool.example", P::NotDidWeb),
            ("did:web:", P::NoHost),
            ("did:web::pad", P::NoHost),
            ("did:web:%3A443", P::NoHost),
            ("did:web:127.0.0.1", P::IpAddress),
            ("did:web:hs..example", P::BadHost(String::new())),
            ("did:web:-hs.example", P::BadHost("-hs".into())),
            ("did:web:hs.example/x", P::BadHost("example/x".into())),
            ("did:web:user@hs.example", P::BadHost("user@hs".into())),
            ("did:web:hs.example%3A", P::BadPort(String::new())),
            ("did:web:hs.example%3A0", P::BadPort("0".into())),
            ("did:web:hs.example%3A65536", P::BadPort("65536".into())),
            ("did:web:hs.example%3A8443%2Fx", P::BadPort("8443%2Fx".into())),
            ("did:web:hs.example:..", P::BadSegment("..".into())),
            ("did:web:hs.example:a::b", P::BadSegment(String::new())),
            ("did:web:hs.example:a%2Fb", P::BadSegment("a%2Fb".into())),
            ("did:web:hs.example:a?b", P::BadSegment("a?b".into())),
            ("did:web:hs.example:a#b", P::BadSegment("a#b".into())),
            ("did:web:hs.example:ö", P::BadSegment("ö".into())),
            ("did:web:hs.example:a b", P::BadSegment("a b".into())),
        ];
        for (text, problem) in cases {
            assert_eq!(DidWeb::parse(text).as_ref().err(), Some(problem), "{text}");
        }
        assert_eq!(
            DidWeb::parse(&format!("did:web:{}", "a".repeat(64))).err(),
            Some(P::BadHost("a".repeat(64)))
        );
        assert_eq!(
            DidWeb::parse(&format!("did:web:hs.example:{}", "a".repeat(400))).err(),
            Some(P::TooLong)
        );
        // A multi-byte character at the prefix boundary must not split a char.
        assert_eq!(DidWeb::parse("did:weé:x").err(), Some(P::NotDidWeb));
    }

    #[test]
    fn the_document_lists_the_key_as_a_multikey_for_assertion() {
        let did = DidWeb::parse("did:web:hogeschool.example:opbouwwerk").unwrap();
        let key = public_key_from_seed(&[7; 32]);
        let mb = encode_public_key_multibase(&key);
        let method = format!("did:web:hogeschool.example:opbouwwerk#{mb}");
        assert_eq!(did.verification_method(&key), method);
        assert_eq!(
            did.document(&key),
            json!({
                "@context": ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"],
                "id": "did:web:hogeschool.example:opbouwwerk",
                "verificationMethod": [{"id": method, "type": "Multikey",
                    "controller": "did:web:hogeschool.example:opbouwwerk", "publicKeyMultibase": mb}],
                "assertionMethod": [method],
            })
        );
        assert_eq!(assertion_key(&did.document(&key), &method), Ok(key));
    }

    #[test]
    fn a_key_is_taken_only_from_a_document_that_lists_it_for_assertion() {
        let did = DidWeb::parse("did:web:hogeschool.example").unwrap();
        let key = public_key_from_seed(&[7; 32]);
        let other = public_key_from_seed(&[8; 32]);
        let method = did.verification_method(&key);
        let document = did.document(&key);
        let elsewhere = DidWeb::parse("did:web:elders.example").unwrap().document(&key);
        assert_eq!(
            assertion_key(&elsewhere, &method),
            Err(DidDocumentProblem::OtherDid("did:web:elders.example".into()))
        );
        // The fragment names another key than the document lists.
        let claimed = did.verification_method(&other);
        assert_eq!(
            assertion_key(&document, &claimed),
            Err(DidDocumentProblem::NoSuchMethod(claimed))
        );
        let mut no_assertion = document.clone();
        no_assertion["assertionMethod"] = json!([]);
        assert_eq!(
            assertion_key(&no_assertion, &method),
            Err(DidDocumentProblem::NotForAssertion(method.clone()))
        );
        let mut controlled_elsewhere = document.clone();
        controlled_elsewhere["verificationMethod"][0]["controller"] =
            json!("did:web:elders.example");
        assert!(matches!(
            assertion_key(&controlled_elsewhere, &method),
            Err(DidDocumentProblem::BadMethod(_))
        ));
        let mut swapped = document.clone();
        swapped["verificationMethod"][0]["publicKeyMultibase"] =
            json!(encode_public_key_multibase(&other));
        assert_eq!(assertion_key(&swapped, &method), Ok(other));
        assert!(matches!(
            assertion_key(&json!("did.json"), &method),
            Err(DidDocumentProblem::OtherDid(_))
        ));
    }
}
