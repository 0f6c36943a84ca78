//! A framework from elsewhere than the app itself: downloaded from the address a link names, or
//! opened from a file. Either way it goes through the same checks as the built-in one
//! (`HashedFramework::from_json`), and whatever goes wrong is one [`LoadFailure`] the page can
//! explain, after which the app carries on with the framework it had.

use crate::core::framework::case;
use crate::core::framework::hashed::{FrameworkLoadError, HashedFramework};
use crate::core::framework::{Problem, ProblemKind, MAX_FRAMEWORK_BYTES};

/// Where the framework in use came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FrameworkSource {
    BuiltIn,
    /// The address from the link, as written there.
    Url(String),
    /// The name of the file the user opened.
    File(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadFailure {
    /// No answer: no network, a refused connection, or the browser blocked the request (the
    /// server does not allow it by CORS, or the page's Content-Security-Policy does not).
    Network,
    /// No complete answer within the time the app waits.
    Timeout,
    /// The server answered with an HTTP error status, such as 404.
    Status(u16),
    /// Larger than [`MAX_FRAMEWORK_BYTES`]: refused by its declared length, or reading stopped at
    /// the limit.
    TooLarge,
    /// A file the browser could not read.
    Unreadable,
    NotUtf8,
    /// Not a valid framework; every problem, with its path in the file.
    Invalid(Vec<Problem>),
    /// A built-in framework that this build fetches when it is first chosen (the 2010 profile
    /// on the form's page), not fetched yet.
    NotFetched,
    /// A valid framework, but not the file of the built-in one asked for: its SHA-256 differs
    /// from the one compiled in (another version, or changed on the way).
    NotTheFile,
}

impl LoadFailure {
    /// No answer at all (no network, no server, too slow to answer): a copy kept from an earlier
    /// load may stand in. An answer may not, not even an HTTP error: the server has said what
    /// counts.
    pub fn is_no_answer(&self) -> bool {
        matches!(self, LoadFailure::Network | LoadFailure::Timeout)
    }
}

/// Whether a `Content-Length` already tells that a download is too large, so that it need not be
/// read at all. A missing or unreadable header tells nothing: the reader counts bytes anyway.
pub fn declared_too_large(content_length: Option<&str>) -> bool {
    content_length
        .and_then(|value| value.trim().parse::<u64>().ok())
        .is_some_and(|length| length > MAX_FRAMEWORK_BYTES as u64)
}

/// Checks the bytes of a framework file and returns it with its hash.
pub fn framework_from_bytes(bytes: &[u8]) -> Result<HashedFramework, LoadFailure> {
    if bytes.len() > MAX_FRAMEWORK_BYTES {
        return Err(LoadFailure::TooLarge);
    }
    let text = std::str::from_utf8(bytes).map_err(|_| LoadFailure::NotUtf8)?;
    // A CASE package is a framework file too; told apart by its shape.
    if case::looks_like_package(text) {
        return case::import(text).map_err(LoadFailure::Invalid);
    }
    HashedFramework::from_json(text).map_err(|error| LoadFailure::Invalid(problems_of(error)))
}

/// The problems of a framework that could not be loaded, as one list.
pub fn problems_of(error: FrameworkLoadError) -> Vec<Problem> {
    match error {
        FrameworkLoadError::Invalid(problems) => problems,
        // A framework without a canonical form has no hash, so records could not name it.
        FrameworkLoadError::Canonicalization(e) => vec![Problem {
            path: String::new(),
            kind: ProblemKind::Syntax { message: e.to_string(), line: 0, column: 0 },
        }],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::framework::DEFAULT_FRAMEWORK_JSON;

    #[test]
    fn only_no_answer_lets_a_kept_copy_stand_in() {
        assert!(LoadFailure::Network.is_no_answer());
        assert!(LoadFailure::Timeout.is_no_answer());
        for answered in [
            LoadFailure::Status(404),
            LoadFailure::Status(500),
            LoadFailure::TooLarge,
            LoadFailure::NotUtf8,
            LoadFailure::Invalid(Vec::new()),
            LoadFailure::NotTheFile,
        ] {
            assert!(!answered.is_no_answer(), "{answered:?}");
        }
    }

    #[test]
    fn declared_length_refuses_only_what_is_known_to_be_too_large() {
        assert!(!declared_too_large(None));
        assert!(!declared_too_large(Some("25000")));
        assert!(!declared_too_large(Some(&MAX_FRAMEWORK_BYTES.to_string())));
        assert!(declared_too_large(Some(&(MAX_FRAMEWORK_BYTES + 1).to_string())));
        assert!(declared_too_large(Some(" 52428800 ")));
        assert!(declared_too_large(Some("18446744073709551615")));
        // Nonsense tells nothing; the bytes are counted while reading.
        assert!(!declared_too_large(Some("lots")));
        assert!(!declared_too_large(Some("-1")));
        assert!(!declared_too_large(Some("99999999999999999999999")));
    }

    #[test]
    fn the_built_in_framework_loads_from_its_bytes_with_the_same_hash() {
        let loaded = framework_from_bytes(DEFAULT_FRAMEWORK_JSON.as_bytes()).unwrap();
        let built_in = HashedFramework::default_framework().unwrap();
        assert_eq!(loaded.sha256(), built_in.sha256());
    }

    #[test]
    fn every_kind_of_bad_file_is_one_failure() {
        assert_eq!(framework_from_bytes(b"\xff\xfe{}"), Err(LoadFailure::NotUtf8));
        assert_eq!(
            framework_from_bytes(&vec![b' '; MAX_FRAMEWORK_BYTES + 1]),
            Err(LoadFailure::TooLarge)
        );
        assert!(
            matches!(framework_from_bytes(b"{not json"), Err(LoadFailure::Invalid(p)) if !p.is_empty())
        );
        assert!(matches!(framework_from_bytes(b"<html></html>"), Err(LoadFailure::Invalid(_))));
        assert!(
            matches!(framework_from_bytes(br#"{"type":"LeeruitkomstenAssessmentRecord"}"#), Err(LoadFailure::Invalid(p)) if !p.is_empty())
        );
        // Valid JSON with a member twice has no canonical form, so no hash.
        let twice = DEFAULT_FRAMEWORK_JSON.replacen('{', r#"{"notes":[],"#, 1);
        assert!(
            matches!(framework_from_bytes(twice.as_bytes()), Err(LoadFailure::Invalid(p)) if !p.is_empty())
        );
    }
}
