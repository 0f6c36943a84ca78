//! Checking records: the line above a table of checked records. Why a record is not valid is
//! worded in `problems.rs`, since the cohort overview gives the same reasons.

use super::Lang;

impl Lang {
    /// The line above a table of checked records.
    pub fn batch_summary(self, total: usize, valid: usize) -> String {
        let invalid = total.saturating_sub(valid);
        match self {
            Lang::Nl => {
                format!("{total} bestanden gecontroleerd: {valid} geldig, {invalid} niet geldig.")
            }
            Lang::En => format!("{total} files checked: {valid} valid, {invalid} not valid."),
        }
    }
}
