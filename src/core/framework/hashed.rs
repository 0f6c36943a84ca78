//! A framework with the SHA-256 of its file, as records name it.

use std::fmt;
use std::rc::Rc;

use sha2::{Digest, Sha256};

use crate::core::crypto::jcs::{self, JcsError};
use crate::core::framework::{Framework, Problem};

/// A framework together with the SHA-256 that records of it state. The hash is of the file, so a
/// framework can only be made from its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HashedFramework {
    framework: Rc<Framework>,
    sha256: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FrameworkLoadError {
    /// The file is not a valid framework; every problem found.
    Invalid(Vec<Problem>),
    /// The file has no canonical form (e.g. a member name twice), so it has no hash.
    Canonicalization(JcsError),
}

impl fmt::Display for FrameworkLoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            // The interface words framework problems itself (i18n); this is for the command line.
            FrameworkLoadError::Invalid(problems) => match problems.first() {
                Some(first) => write!(
                    f,
                    "the framework is not valid: {} problem(s), the first at {:?}: {:?}",
                    problems.len(),
                    first.path,
                    first.kind
                ),
                None => write!(f, "the framework is not valid"),
            },
            FrameworkLoadError::Canonicalization(e) => {
                write!(f, "the framework file cannot be hashed: {e}")
            }
        }
    }
}

impl std::error::Error for FrameworkLoadError {}

impl HashedFramework {
    pub fn from_json(text: &str) -> Result<HashedFramework, FrameworkLoadError> {
        let framework = Framework::from_json(text).map_err(FrameworkLoadError::Invalid)?;
        let sha256 = framework_sha256(text).map_err(FrameworkLoadError::Canonicalization)?;
        Ok(HashedFramework { framework: Rc::new(framework), sha256 })
    }

    /// A framework compiled into the app, whose hash is known when the app is built (a test of
    /// `catalogue` holds each to its file): canonicalising and hashing the text took as long as
    /// parsing it, at every start (issue 17).
    pub(crate) fn built_in(
        text: &str,
        sha256: &str,
    ) -> Result<HashedFramework, FrameworkLoadError> {
        let framework = Framework::from_json(text).map_err(FrameworkLoadError::Invalid)?;
        Ok(HashedFramework { framework: Rc::new(framework), sha256: sha256.to_string() })
    }

    /// The default framework built from its compiled-in Rust data, with its compiled-in hash:
    /// nothing to read, nothing that can fail (the scoring page's start).
    pub fn compiled_default() -> HashedFramework {
        HashedFramework {
            framework: Rc::new(Framework::compiled_default()),
            sha256: crate::core::framework::catalogue::DEFAULT.sha256.to_string(),
        }
    }

    /// The compiled-in default framework.
    pub fn default_framework() -> Result<HashedFramework, FrameworkLoadError> {
        let default = &crate::core::framework::catalogue::DEFAULT;
        HashedFramework::built_in(crate::core::framework::DEFAULT_FRAMEWORK_JSON, default.sha256)
    }

    pub fn framework(&self) -> &Rc<Framework> {
        &self.framework
    }

    /// Lowercase hex, as records state it.
    pub fn sha256(&self) -> &str {
        &self.sha256
    }
}

/// Lowercase hex SHA-256 of the JCS form of a framework file: whitespace and member order in the
/// file do not change it, any change to its content does.
pub fn framework_sha256(framework_json_text: &str) -> Result<String, JcsError> {
    let canonical = jcs::canonicalize_str(framework_json_text)?;
    Ok(hex(&Sha256::digest(canonical.as_bytes())))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
