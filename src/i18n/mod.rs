//! Every interface string, in Dutch and English, in one place.
//!
//! Fixed strings are declared once with both translations side by side, so a missing translation is
//! a compile error. Strings with values in them are methods with an exhaustive `match` on the
//! language, which the compiler checks the same way. Framework content is not translated: it shows
//! in the framework's own language.
//!
//! Each area of the interface words its strings in a file named after it, and keeps its own table
//! of fixed strings there; `texts.rs` holds the table the main screens share. The tables and
//! `readable_time` are re-exported here, so that users name them as `crate::i18n::…` wherever they
//! live.

/// Declares the table of fixed strings: a struct with a field per string and one static per
/// language.
macro_rules! texts {
    ($table:ident, $nl_static:ident, $en_static:ident { $($name:ident: $nl:expr, $en:expr;)* }) => {
        /// The fixed strings of one language.
        pub struct $table {
            $(pub $name: &'static str,)*
        }

        pub static $nl_static: $table = $table { $($name: $nl,)* };
        pub static $en_static: $table = $table { $($name: $en,)* };

        impl $table {
            /// Every string with its name, for tests that check them all.
            pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($name), self.$name)),*]
            }
        }
    };
}
// The macro is defined above the modules because a `macro_rules!` macro is only in scope after
// its definition.

pub mod badges;
pub mod cohort;
pub mod cohort_badges;
pub mod compare;
pub mod decision;
pub mod embed;
pub mod form;
pub mod invitation;
pub mod keys;
pub mod library;
pub mod norms;
pub mod not_observed;
pub mod problems;
pub mod scoring;
pub mod self_assessment;
pub mod signing;
pub mod texts;
pub mod time;
pub mod trusted;
pub mod verify;

pub use badges::{BadgesTexts, BADGES_EN, BADGES_NL};
pub use cohort::{CohortTexts, COHORT_EN, COHORT_NL};
pub use cohort_badges::{CohortBadgesTexts, COHORT_BADGES_EN, COHORT_BADGES_NL};
pub use compare::{CompareTexts, COMPARE_EN, COMPARE_NL};
pub use decision::{DecisionTexts, DECISION_EN, DECISION_NL};
pub use embed::{EmbedTexts, EMBED_EN, EMBED_NL};
pub use form::{FormTexts, FORM_EN, FORM_NL};
pub use invitation::{InviteTexts, INVITE_EN, INVITE_NL};
pub use norms::{NormTexts, NORM_EN, NORM_NL};
pub use not_observed::{NotObservedTexts, NOT_OBSERVED_EN, NOT_OBSERVED_NL};
pub use self_assessment::{SelfTexts, SELF_EN, SELF_NL};
pub use signing::{SigningTexts, SIGNING_EN, SIGNING_NL};
pub use texts::{Texts, EN, NL};
pub use time::{local_time, readable_time};
pub use trusted::{TrustedTexts, TRUSTED_EN, TRUSTED_NL};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    Nl,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Nl, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "nl" | "nl-nl" | "nl-be" => Some(Lang::Nl),
            "en" | "en-gb" | "en-us" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::Nl => &NL,
            Lang::En => &EN,
        }
    }

    /// The form's own strings: all the scoring page shows, so that it carries no other table
    /// (README: Size).
    pub fn form_texts(self) -> &'static FormTexts {
        match self {
            Lang::Nl => &FORM_NL,
            Lang::En => &FORM_EN,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_string_is_translated_and_filled() {
        for (nl, en) in [
            (NL.entries(), EN.entries()),
            (FORM_NL.entries(), FORM_EN.entries()),
            (SELF_NL.entries(), SELF_EN.entries()),
            (COMPARE_NL.entries(), COMPARE_EN.entries()),
            (EMBED_NL.entries(), EMBED_EN.entries()),
            (NORM_NL.entries(), NORM_EN.entries()),
            (COHORT_NL.entries(), COHORT_EN.entries()),
            (SIGNING_NL.entries(), SIGNING_EN.entries()),
            (keys::KEYS_NL.entries(), keys::KEYS_EN.entries()),
            (INVITE_NL.entries(), INVITE_EN.entries()),
            (TRUSTED_NL.entries(), TRUSTED_EN.entries()),
            (DECISION_NL.entries(), DECISION_EN.entries()),
            (NOT_OBSERVED_NL.entries(), NOT_OBSERVED_EN.entries()),
        ] {
            assert_eq!(nl.len(), en.len());
            for ((name, nl_text), (_, en_text)) in nl.iter().zip(&en) {
                assert!(!nl_text.trim().is_empty(), "{name} is empty in Dutch");
                assert!(!en_text.trim().is_empty(), "{name} is empty in English");
            }
            // Words that read the same in both languages are listed here; any other equal pair
            // is a string that was not translated.
            let same_in_both =
                ["open_count", "student", "print_score", "batch_student", "menu", "sent_student"];
            for ((name, nl_text), (_, en_text)) in nl.iter().zip(&en) {
                if !same_in_both.contains(name) {
                    assert_ne!(nl_text, en_text, "{name} is not translated");
                }
            }
        }
    }

    #[test]
    fn language_codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("EN"), Some(Lang::En));
        assert_eq!(Lang::from_code("<script>"), None);
    }
}
