//! Why a record is not valid: each reason one value, so that the interface can word it in the
//! reader's language; `Display` is the English of the command line.

use std::fmt;

use crate::core::assessment::MAX_TEXT_CHARS;
use crate::core::crypto::data_integrity::{self, VerifyError};
use crate::core::crypto::did_key::DidKeyError;
use crate::core::crypto::jcs::JcsError;
use crate::core::json::{Expected, JsonError, JsonErrorKind};
use crate::core::record::shape::{MAX_RECORD_ID_CHARS, RECORD_TYPE, SCHEMA_VERSION};

/// Where aggregates differ from a recomputation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AggregateScope {
    LearningOutcome(String),
    CoreTask(String),
    Overall,
}

impl fmt::Display for AggregateScope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AggregateScope::LearningOutcome(id) => write!(f, "learning outcome {id}"),
            AggregateScope::CoreTask(id) => write!(f, "core task {id}"),
            AggregateScope::Overall => write!(f, "overall"),
        }
    }
}

/// What is wrong with the value at a [`RecordProblem::Malformed`] path. Structured, so that the
/// interface can word it in the reader's language; `Display` is the English of the command line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShapeProblem {
    /// A member the format requires is absent.
    Missing,
    /// A member the format does not have.
    UnexpectedMember,
    NotAnObject,
    NotAnArray,
    NotAString,
    NotAStringOrNull,
    /// Not an integer that fits in 32 bits without sign.
    NotACount,
    /// A count too large for any level of the scale.
    NotAScaleValue,
    /// A text outside the values the format allows; `found` is the text.
    NotOneOf {
        found: String,
        expected: &'static [&'static str],
    },
    /// Symbol and value of a score name no single level of the scale.
    NotALevel {
        symbol: String,
        value: u8,
    },
    /// `status` is `scored` but `score` is null.
    ScoredWithoutScore,
    /// `status` is `not-scored` but there is a score.
    ScoreWithoutScored,
    /// `status` is `notObserved` but there is a score: not observed is no score.
    ScoreWithNotObserved,
    /// `notObserved` (an indicator's status, or an aggregate's count) in a record of a version
    /// before 4, which has no such thing.
    NotObservedBeforeVersion4,
    /// Not an RFC 3339 time in UTC; holds the value.
    NotUtcTime(String),
    /// Not a calendar date `YYYY-MM-DD`; holds the value.
    NotADate(String),
    /// Empty, longer than [`MAX_RECORD_ID_CHARS`], or with white space.
    InvalidRecordId,
    /// Not 64 lowercase hexadecimal digits.
    NotSha256,
    /// A text longer than [`MAX_TEXT_CHARS`] characters; holds its length.
    TooLong {
        chars: usize,
    },
    /// A comment of only white space, where no comment is written as null.
    BlankComment,
    /// Feedback of only white space, where no feedback is written as null.
    BlankFeedback,
    /// Not exactly this list of strings, as a credential's `@context` and `type` must be.
    NotExactly {
        expected: &'static [&'static str],
    },
}

impl fmt::Display for ShapeProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShapeProblem::Missing => write!(f, "is missing"),
            ShapeProblem::UnexpectedMember => write!(f, "is not a member of this format"),
            ShapeProblem::NotAnObject => write!(f, "is not an object"),
            ShapeProblem::NotAnArray => write!(f, "is not an array"),
            ShapeProblem::NotAString => write!(f, "is not a string"),
            ShapeProblem::NotAStringOrNull => write!(f, "is neither a string nor null"),
            ShapeProblem::NotACount => write!(f, "is not a whole number from 0 to 4294967295"),
            ShapeProblem::NotAScaleValue => write!(f, "is not a value of the scale"),
            ShapeProblem::NotOneOf { found, expected } => match expected {
                [one, other] => write!(f, "{found:?} is neither {one:?} nor {other:?}"),
                _ => write!(f, "{found:?} is not one of {expected:?}"),
            },
            ShapeProblem::NotALevel { symbol, value } => write!(
                f,
                "symbol {symbol:?} with value {value} is not a level of the scale (□ = 1, + = 2, ++ = 3)"
            ),
            ShapeProblem::ScoredWithoutScore => write!(f, "status is \"scored\" but score is null"),
            ShapeProblem::ScoreWithoutScored => {
                write!(f, "status is \"not-scored\" but a score is given")
            }
            ShapeProblem::ScoreWithNotObserved => {
                write!(f, "status is \"notObserved\" but a score is given")
            }
            ShapeProblem::NotObservedBeforeVersion4 => write!(
                f,
                "\"notObserved\" (not observed) exists only from schema version 4 on"
            ),
            ShapeProblem::NotUtcTime(value) => {
                write!(f, "{value:?} is not an RFC 3339 time in UTC")
            }
            ShapeProblem::NotADate(value) => write!(f, "{value:?} is not a date YYYY-MM-DD"),
            ShapeProblem::InvalidRecordId => {
                write!(f, "must be 1 to {MAX_RECORD_ID_CHARS} characters without spaces")
            }
            ShapeProblem::NotSha256 => write!(f, "is not 64 lowercase hexadecimal digits"),
            ShapeProblem::TooLong { chars } => {
                write!(f, "text of {chars} characters is longer than {MAX_TEXT_CHARS}")
            }
            ShapeProblem::BlankComment => write!(f, "is blank; no comment is written as null"),
            ShapeProblem::BlankFeedback => write!(f, "is blank; no feedback is written as null"),
            ShapeProblem::NotExactly { expected } => write!(f, "must be exactly {expected:?}"),
        }
    }
}

/// Compares with the English wording, as reasons were compared when they were plain text.
impl PartialEq<str> for ShapeProblem {
    fn eq(&self, other: &str) -> bool {
        let english = self.to_string();
        english == other
    }
}

/// One reason a record is not valid. The interface translates by variant; `Display` is English.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecordProblem {
    /// A signing-key backup, which holds its owner's secret key: told apart so that the reader
    /// hears that, not the dozen ways a key file is not a record.
    SecretKeyFile,
    /// Refused before parsing.
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    /// Not JSON from its first character: another kind of file (a letter, a PDF, a photo) chosen
    /// or sent by mistake, not a record that was damaged.
    NotJson,
    /// The bytes are not UTF-8; `offset` is where the first bad byte is.
    NotUtf8 {
        offset: usize,
    },
    /// Not strict JSON: syntax, a member name twice, a lone surrogate, nesting too deep.
    InvalidJson(JcsError),
    /// The JSON is not an object.
    NotAnObject,
    MissingProof,
    /// `proof` is an array: proof sets and chains are not supported.
    SeveralProofs,
    /// The signature does not match the record, the proof options and the key.
    SignatureMismatch,
    /// The proof's cryptosuite is not `eddsa-jcs-2022`; holds the value.
    UnknownCryptosuite(String),
    /// The verification method is not a well-formed Ed25519 did:key.
    MalformedDidKey(DidKeyError),
    /// Any other reason the proof cannot be checked (type, purpose, created, proofValue, a
    /// missing or non-string member).
    InvalidProof(VerifyError),
    /// The record does not have the shape of this format. `path` is like
    /// `indicators[3].score.value`, empty for the whole record.
    Malformed {
        path: String,
        reason: ShapeProblem,
    },
    /// `type` is not [`RECORD_TYPE`]; holds the value.
    UnsupportedType(String),
    /// `schemaVersion` is not one this verifier reads; holds the value.
    UnsupportedSchemaVersion(String),
    /// The verifier does not have this framework, so the aggregates cannot be recomputed and the
    /// record cannot be shown; the signature is still checked.
    UnknownFramework {
        id: String,
        version: String,
    },
    /// The record names a known framework id and version but another content.
    FrameworkHashDiffers {
        stated: String,
        expected: String,
    },
    /// An indicator the framework lacks, or under another learning outcome than the framework's.
    UnknownIndicator(String),
    DuplicateIndicator(String),
    MissingIndicator(String),
    WrongLearningOutcome {
        indicator: String,
        stated: String,
        expected: String,
    },
    UnknownLearningOutcome(String),
    DuplicateLearningOutcome(String),
    MissingLearningOutcome(String),
    WrongCoreTask {
        outcome: String,
        stated: String,
        expected: String,
    },
    /// The entries are the framework's but not in its order; `list` is `indicators` or
    /// `learningOutcomes`.
    OutOfOrder {
        list: &'static str,
    },
    /// `normLevel` names a level the framework has no norms for; holds the value.
    UnknownNormLevel(String),
    /// The stated aggregates differ from those recomputed from the scores.
    AggregatesDiffer {
        scope: AggregateScope,
    },
    /// A credential's `issuer.id` is not the did:key whose key made the (valid) signature, so the
    /// record claims an issuer that did not sign it.
    IssuerNotSigner {
        issuer: String,
        signer: String,
    },
}

impl fmt::Display for RecordProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RecordProblem::SecretKeyFile => {
                write!(f, "this is a secret signing key, not a record; do not pass it on")
            }
            RecordProblem::TooLarge { bytes, limit } => {
                write!(f, "file is {bytes} bytes, more than the limit of {limit}")
            }
            RecordProblem::NotJson => write!(f, "not JSON: the file does not begin with {{ or ["),
            RecordProblem::NotUtf8 { offset } => {
                write!(f, "not UTF-8 text (bad byte at offset {offset})")
            }
            RecordProblem::InvalidJson(e) => write!(f, "not valid JSON: {e}"),
            RecordProblem::NotAnObject => write!(f, "the record is not a JSON object"),
            RecordProblem::MissingProof => write!(f, "the record is not signed (no proof)"),
            RecordProblem::SeveralProofs => {
                write!(f, "the record has several proofs; only one is supported")
            }
            RecordProblem::SignatureMismatch => {
                write!(f, "the signature does not match the record")
            }
            RecordProblem::UnknownCryptosuite(suite) => write!(
                f,
                "unknown cryptosuite {suite:?} (expected {})",
                data_integrity::CRYPTOSUITE
            ),
            RecordProblem::MalformedDidKey(e) => write!(f, "malformed did:key: {e}"),
            RecordProblem::InvalidProof(e) => write!(f, "invalid proof: {e}"),
            RecordProblem::Malformed { path, reason } => {
                let at = if path.is_empty() { "(root)" } else { path };
                write!(f, "{at}: {reason}")
            }
            RecordProblem::UnsupportedType(t) => {
                write!(f, "type {t:?} is not {RECORD_TYPE}")
            }
            RecordProblem::UnsupportedSchemaVersion(v) => {
                write!(f, "schema version {v:?} is not supported (expected {SCHEMA_VERSION:?})")
            }
            RecordProblem::UnknownFramework { id, version } => write!(
                f,
                "unknown framework {id:?} version {version:?}: its aggregates cannot be checked"
            ),
            RecordProblem::FrameworkHashDiffers { stated, expected } => write!(
                f,
                "framework hash {stated} differs from that of the known framework ({expected})"
            ),
            RecordProblem::UnknownIndicator(id) => {
                write!(f, "indicator {id:?} is not in the framework")
            }
            RecordProblem::DuplicateIndicator(id) => {
                write!(f, "indicator {id:?} appears more than once")
            }
            RecordProblem::MissingIndicator(id) => write!(f, "indicator {id:?} is missing"),
            RecordProblem::WrongLearningOutcome {
                indicator,
                stated,
                expected,
            } => write!(
                f,
                "indicator {indicator:?} is listed under {stated:?} but belongs to {expected:?}"
            ),
            RecordProblem::UnknownLearningOutcome(id) => {
                write!(f, "learning outcome {id:?} is not in the framework")
            }
            RecordProblem::DuplicateLearningOutcome(id) => {
                write!(f, "learning outcome {id:?} appears more than once")
            }
            RecordProblem::MissingLearningOutcome(id) => {
                write!(f, "learning outcome {id:?} is missing")
            }
            RecordProblem::WrongCoreTask {
                outcome,
                stated,
                expected,
            } => write!(
                f,
                "learning outcome {outcome:?} is listed under {stated:?} but belongs to {expected:?}"
            ),
            RecordProblem::OutOfOrder { list } => {
                write!(f, "{list} are not in the framework's order")
            }
            RecordProblem::UnknownNormLevel(level) => {
                write!(f, "normLevel {level:?} is not a level the framework has norms for")
            }
            RecordProblem::AggregatesDiffer { scope } => write!(
                f,
                "aggregates for {scope} differ from a recomputation from the scores"
            ),
            RecordProblem::IssuerNotSigner { issuer, signer } => {
                write!(f, "issuer.id {issuer} is not the signer {signer}")
            }
        }
    }
}

/// The reader's errors in this format's terms: the text's own as such, the rest as the shape
/// problem at the path.
impl From<JsonError> for RecordProblem {
    fn from(error: JsonError) -> RecordProblem {
        let reason = match error.kind {
            JsonErrorKind::TooLarge { bytes, limit } => {
                return RecordProblem::TooLarge { bytes, limit }
            }
            JsonErrorKind::NotUtf8 { offset } => return RecordProblem::NotUtf8 { offset },
            JsonErrorKind::Invalid(e) => return RecordProblem::InvalidJson(e),
            JsonErrorKind::Missing(_) => ShapeProblem::Missing,
            JsonErrorKind::Unknown(_) => ShapeProblem::UnexpectedMember,
            JsonErrorKind::WrongType(expected) => match expected {
                Expected::Object => ShapeProblem::NotAnObject,
                Expected::Array => ShapeProblem::NotAnArray,
                Expected::String => ShapeProblem::NotAString,
                Expected::StringOrNull => ShapeProblem::NotAStringOrNull,
                Expected::Count => ShapeProblem::NotACount,
            },
        };
        RecordProblem::Malformed { path: error.path, reason }
    }
}

impl From<VerifyError> for RecordProblem {
    fn from(e: VerifyError) -> RecordProblem {
        match e {
            VerifyError::DocumentNotAnObject => RecordProblem::NotAnObject,
            VerifyError::MissingProof => RecordProblem::MissingProof,
            VerifyError::ProofIsArray => RecordProblem::SeveralProofs,
            VerifyError::SignatureMismatch => RecordProblem::SignatureMismatch,
            VerifyError::UnknownCryptosuite(suite) => RecordProblem::UnknownCryptosuite(suite),
            VerifyError::MalformedDidKey(e) => RecordProblem::MalformedDidKey(e),
            other => RecordProblem::InvalidProof(other),
        }
    }
}
