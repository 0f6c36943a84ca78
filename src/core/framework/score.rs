//! The scale ++ / + / □ from the Competentieprofiel opbouwwerker (2010), Bijlage 3.

use serde::Serialize;

/// The score of one indicator. The order is the scale's: not yet scored is below every level, so
/// "raising" a score means moving it right in this list.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Score {
    #[default]
    #[serde(rename = "not-scored")]
    NotScored,
    /// □, aanwezig: the capability is present.
    #[serde(rename = "present")]
    Present,
    /// +, goed ontwikkeld.
    #[serde(rename = "good")]
    Good,
    /// ++, in hoge mate ontwikkeld.
    #[serde(rename = "high")]
    High,
}

impl Score {
    /// The three levels from low to high, as the interface offers them.
    pub const LEVELS: [Score; 3] = [Score::Present, Score::Good, Score::High];

    /// The value on the 1–3 scale, or `None` when not yet scored.
    pub fn value(self) -> Option<u8> {
        match self {
            Score::NotScored => None,
            Score::Present => Some(1),
            Score::Good => Some(2),
            Score::High => Some(3),
        }
    }

    pub fn from_value(value: u8) -> Option<Score> {
        Score::LEVELS.into_iter().find(|s| s.value() == Some(value))
    }

    pub fn symbol(self) -> &'static str {
        match self {
            Score::NotScored => "",
            Score::Present => "□",
            Score::Good => "+",
            Score::High => "++",
        }
    }

    pub fn from_symbol(symbol: &str) -> Option<Score> {
        Score::LEVELS.into_iter().find(|s| s.symbol() == symbol)
    }

    pub fn is_scored(self) -> bool {
        self != Score::NotScored
    }

    pub fn from_key(key: &str) -> Option<Score> {
        [Score::NotScored, Score::Present, Score::Good, Score::High]
            .into_iter()
            .find(|s| s.key() == key)
    }

    /// A stable short name for ids and storage keys, the same serde gives the variant.
    pub fn key(self) -> &'static str {
        match self {
            Score::NotScored => "not-scored",
            Score::Present => "present",
            Score::Good => "good",
            Score::High => "high",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_map_to_values_and_symbols_both_ways() {
        for level in Score::LEVELS {
            let value = level.value().unwrap();
            assert_eq!(Score::from_value(value), Some(level));
            assert_eq!(Score::from_symbol(level.symbol()), Some(level));
        }
        assert_eq!(Score::from_value(0), None);
        assert_eq!(Score::from_value(4), None);
        assert_eq!(Score::from_symbol(""), None);
        assert_eq!(Score::NotScored.value(), None);
    }

    #[test]
    fn order_follows_the_scale() {
        assert!(Score::NotScored < Score::Present);
        assert!(Score::Present < Score::Good);
        assert!(Score::Good < Score::High);
        assert_eq!(Score::High.symbol(), "++");
        assert_eq!(Score::Present.symbol(), "□");
    }
}
