//! The signed assessment record: what an assessor exports and a hogeschool verifies.
//!
//! A record states every indicator of the framework with its score and comment, the feedback per
//! learning outcome and the aggregates, and carries a Data Integrity proof (`eddsa-jcs-2022`) over
//! all of it. Verifying checks more than the signature: the record must have exactly this shape,
//! name a framework the verifier knows by id, version and hash, list that framework's indicators
//! exactly once, and state the aggregates that [`summarize`] recomputes from its scores. Each
//! failed check is one [`RecordProblem`], so a reader is told every reason at once.
//!
//! [`summarize`]: crate::core::assessment::aggregate::summarize
//!
//! The format is described in `schemas/assessment-record.schema.json` and in the README.
//! Every number in a record is a small non-negative integer, and the mean is a decimal string, so
//! that any language recomputes and compares the aggregates exactly.
//!
//! Since version 3 a record is a W3C Verifiable Credential 2.0: the same content as version 2
//! under `credentialSubject`, the signer's did:key as `issuer`, and `@context` naming the VC 2.0
//! context and the app's own ([`CONTEXT_JSON`]), so that generic VC verifiers accept it too.
//!
//! One file per concern: `shape` (the types and the rules their values follow), `layout` (the flat
//! layout of versions 1 and 2, the credential of version 3), `read` (from JSON), `build` (from an assessment, and signing), `verify` (a record from outside), `problem`
//! (what can be wrong with one) and `export` (the app's signing step). Every item is re-exported
//! here, so `crate::core::record::X` names it wherever it lives.

pub mod build;
pub mod export;
pub mod layout;
pub mod plain;
pub mod problem;
pub mod read;
pub mod shape;
pub mod verify;

pub use build::{build_record, build_record_typed, prepare_record, sign_record, RecordError};
pub use layout::{credential_path, is_credential_version};
pub use plain::{verdict, Verdict};
pub use problem::{AggregateScope, RecordProblem, ShapeProblem};
pub use shape::{
    is_calendar_date, is_rfc3339_utc, mean_string, Aggregate, Aggregates, AppInfo,
    AssessmentRecord, Assessor, FrameworkInfo, IndicatorRecord, IndicatorStatus, OutcomeRecord,
    Proof, ScoreRecord, Subject, APP_NAME, APP_VERSION, CONTEXT_JSON, CONTEXT_URL,
    MAX_RECORD_BYTES, MAX_RECORD_ID_CHARS, READABLE_SCHEMA_VERSIONS, RECORD_CONTEXT, RECORD_TYPE,
    RECORD_TYPES, SCHEMA_ID, SCHEMA_VERSION, VC_CONTEXT, VC_TYPE,
};
pub use verify::{
    unreadable, verify_record, verify_record_bytes, verify_record_value, RecordReport,
};
