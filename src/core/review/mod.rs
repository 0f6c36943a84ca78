//! What the hogeschool does with the records it receives: compare two, or overview a cohort.

pub mod bulk;
pub mod cohort;
pub mod compare;
