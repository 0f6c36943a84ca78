//! Norms: the level a learning outcome is expected to reach at a level of professional practice.
//!
//! The Competentieprofiel opbouwwerker (2010), Bijlage 3, gives for every competence and for each
//! of four dimensions (verantwoordelijkheid, zelfstandigheid, complexiteit, transfer kennis) the
//! expected score at level C and at level D. A framework file carries such a table as `norms`;
//! [`crate::core::framework`] reads and validates it into [`Norms`].
//!
//! [`crate::core::assessment::norm_check`] compares an assessment's results with them.

use std::collections::BTreeMap;

use serde::{Serialize, Serializer};

use crate::core::framework::score::Score;

/// A norm table as the framework file states it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Norms {
    /// Where the table comes from, e.g. "Competentieprofiel opbouwwerker (2010), Bijlage 3".
    pub source: String,
    /// The levels of practice the table has a column for, e.g. C and D.
    pub levels: Vec<NormLevel>,
    pub dimensions: Vec<NormDimension>,
    /// One row per learning outcome, in the source's order.
    pub rows: Vec<NormRow>,
}

/// A level of professional practice, such as C, *ontwerpen en uitvoeren*.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NormLevel {
    pub id: String,
    pub title: String,
}

/// A dimension along which the table states a norm, such as *zelfstandigheid*.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NormDimension {
    pub id: String,
    pub title: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct NormRow {
    /// The id of a learning outcome of the framework.
    pub learning_outcome: String,
    /// The competence as the table words it, which may differ from the outcome's title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Dimension id -> level id -> the expected score (never `NotScored`). Written in the file as
    /// the scale's symbols.
    #[serde(serialize_with = "as_symbols")]
    pub expected: BTreeMap<String, BTreeMap<String, Score>>,
}

fn as_symbols<S: Serializer>(
    expected: &BTreeMap<String, BTreeMap<String, Score>>,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    let symbols: BTreeMap<&str, BTreeMap<&str, &str>> = expected
        .iter()
        .map(|(dimension, by_level)| {
            let by_level = by_level.iter().map(|(l, s)| (l.as_str(), s.symbol())).collect();
            (dimension.as_str(), by_level)
        })
        .collect();
    symbols.serialize(serializer)
}

impl Norms {
    pub fn level(&self, id: &str) -> Option<&NormLevel> {
        self.levels.iter().find(|l| l.id == id)
    }

    pub fn dimension(&self, id: &str) -> Option<&NormDimension> {
        self.dimensions.iter().find(|d| d.id == id)
    }

    /// The norm row of a learning outcome.
    pub fn row(&self, learning_outcome: &str) -> Option<&NormRow> {
        self.rows.iter().find(|r| r.learning_outcome == learning_outcome)
    }

    /// The score expected of a learning outcome at a level, on one dimension.
    pub fn expected(&self, learning_outcome: &str, level: &str, dimension: &str) -> Option<Score> {
        self.row(learning_outcome)?.expected.get(dimension)?.get(level).copied()
    }
}
