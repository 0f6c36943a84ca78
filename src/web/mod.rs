//! Browser glue: each module wraps one browser facility, so that the core never touches the DOM and
//! the components never touch raw browser APIs.

pub mod clock;
pub mod storage;
