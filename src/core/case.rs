//! Lower case for the Latin script, without the standard library's Unicode case tables: the
//! form's page would carry them (7.4 KB gzip, measured) for two small uses, matching people's
//! names (`app::key_ring`) and a framework's dimension title inside a sentence (the summary).
//! Letters of other scripts keep their case.

/// `c` in lower case when it is a capital of ASCII, Latin-1 Supplement or Latin Extended-A (the
/// letters of Dutch, of the other European languages written in Latin, and of Turkish); any other
/// character as it is. As Unicode's simple lower-case mapping, so `İ` becomes `i` (where
/// `str::to_lowercase` adds a combining dot).
pub fn lowercase_char(c: char) -> char {
    let u = u32::from(c);
    let lower = match u {
        0x41..=0x5A => u + 0x20,
        // À to Þ, but not ×.
        0xC0..=0xDE if u != 0xD7 => u + 0x20,
        // Latin Extended-A: pairs, capital first, in three runs where the capital is even ...
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 if u % 2 == 0 => u + 1,
        // ... and two where it is odd.
        0x139..=0x148 | 0x179..=0x17E if u % 2 == 1 => u + 1,
        0x130 => 0x69,
        0x178 => 0xFF,
        _ => u,
    };
    char::from_u32(lower).unwrap_or(c)
}

/// `s` with each letter as [`lowercase_char`] gives it.
pub fn lowercase(s: &str) -> String {
    s.chars().map(lowercase_char).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_letters_as_the_standard_library_lowers_them() {
        let mut lowered = 0;
        for c in '\0'..='\u{17F}' {
            let expected = if c == 'İ' { "i".to_string() } else { c.to_lowercase().to_string() };
            assert_eq!(lowercase_char(c).to_string(), expected, "U+{:04X}", u32::from(c));
            lowered += usize::from(lowercase_char(c) != c);
        }
        // 26 + 30 + 63 in Latin Extended-A (İ included): every capital there is, no more.
        assert_eq!(lowered, 26 + 30 + 63);
    }

    #[test]
    fn other_scripts_keep_their_case() {
        for c in ['Ω', 'Д', 'Ա', 'ẞ', 'Ǆ', 'Ɓ'] {
            assert_eq!(lowercase_char(c), c);
        }
        assert_eq!(
            lowercase("Ĳsbrand Çelik ŞAHİN Øyvind Ÿvonne Łucja ΩΜΕΓΑ"),
            "ĳsbrand çelik şahin øyvind ÿvonne łucja ΩΜΕΓΑ"
        );
    }
}
