//! The domain logic: no DOM, no browser APIs, so all of it runs and is tested natively.

pub mod aggregate;
pub mod assessment;
pub mod framework;
pub mod score;
