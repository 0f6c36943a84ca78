//! RFC 8785 JSON Canonicalization Scheme (JCS).
//!
//! The canonical form is what gets hashed and signed, so it must match other
//! implementations byte for byte: object members are sorted by UTF-16 code
//! units, strings are escaped as ECMAScript `JSON.stringify` does, and numbers
//! are IEEE 754 doubles printed as ECMAScript `Number.prototype.toString`.
//!
//! `serde_json` cannot be used to read the text that is to be verified: its
//! `Value` silently keeps the last of two duplicate member names, which would
//! let a signed record show one value to a reader and another to the verifier.
//! The text path therefore uses the strict parser in this module.

use serde_json::{Map, Number, Value};
use std::fmt;

/// Deepest nesting of arrays and objects accepted, on both the text and the
/// `Value` path. The parser and the serializer recurse, and a browser page has
/// a small stack: a limit turns hostile input into an error instead of a crash.
pub const MAX_DEPTH: usize = 128;

/// Why a JSON text or value has no canonical form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum JcsError {
    /// The text is not JSON (RFC 8259). `offset` is a byte offset into the text.
    Syntax { offset: usize, reason: &'static str },
    /// An object has the same member name twice.
    DuplicateKey { offset: usize, key: String },
    /// A `\u` escape names half of a surrogate pair without the other half;
    /// such a string cannot be represented as UTF-8 and has no canonical form.
    LoneSurrogate { offset: usize, code_unit: u16 },
    /// Arrays and objects are nested deeper than `limit`.
    TooDeep { limit: usize },
    /// NaN, an infinity, or a literal too large for an IEEE 754 double.
    NonFiniteNumber { literal: String },
    /// The text starts with a byte order mark, which RFC 8259 forbids in JSON exchanged between
    /// systems. Its own variant, because the cure is simple and worth telling users: save without.
    ByteOrderMark,
}

impl fmt::Display for JcsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            JcsError::Syntax { offset, reason } => {
                write!(f, "invalid JSON at byte {offset}: {reason}")
            }
            JcsError::DuplicateKey { offset, key } => {
                write!(f, "duplicate member name {key:?} at byte {offset}")
            }
            JcsError::LoneSurrogate { offset, code_unit } => write!(
                f,
                "lone surrogate \\u{code_unit:04x} at byte {offset}: not valid Unicode text"
            ),
            JcsError::TooDeep { limit } => {
                write!(f, "arrays and objects are nested deeper than {limit} levels")
            }
            JcsError::NonFiniteNumber { literal } => write!(
                f,
                "number {literal} is not a finite IEEE 754 double and cannot be canonicalized"
            ),
            JcsError::ByteOrderMark => {
                write!(f, "a byte order mark is not allowed before JSON text")
            }
        }
    }
}

impl std::error::Error for JcsError {}

/// Canonicalizes JSON text, rejecting anything that is not strict JSON
/// (duplicate member names, lone surrogates, NaN/Infinity, trailing data).
pub fn canonicalize_str(json_text: &str) -> Result<String, JcsError> {
    let value = parse_strict(json_text)?;
    canonicalize(&value)
}

/// Canonicalizes an in-memory JSON value.
///
/// Integers beyond 2^53 are rounded to the nearest double, exactly as
/// `JSON.parse` followed by JCS in a browser would do, so both paths agree.
pub fn canonicalize(value: &Value) -> Result<String, JcsError> {
    let mut out = String::new();
    write_value(&mut out, value, 0)?;
    Ok(out)
}

/// Canonicalizes an object, as if member `without` (if named) were not in it: a document without
/// its proof, a proof without its value, with no copy made to leave the member out.
pub fn canonicalize_object(
    map: &Map<String, Value>,
    without: Option<&str>,
) -> Result<String, JcsError> {
    let mut out = String::new();
    write_object(&mut out, map, without, enter(0)?)?;
    Ok(out)
}

/// Parses JSON text strictly into a `serde_json::Value`.
///
/// Use this instead of `serde_json::from_str` for text whose signature is to be
/// checked: it rejects duplicate member names and lone surrogates rather than
/// silently resolving them.
pub fn parse_strict(json_text: &str) -> Result<Value, JcsError> {
    parse_in::<true>(json_text)
}

/// [`parse_strict`] for text that this app wrote itself and whose numbers are all whole, such as
/// a stored draft: a number with a fraction or an exponent, or of more than 15 digits, is refused
/// as a syntax error. It never reaches the standard library's decimal-to-double conversion, so a
/// page that reads JSON only through this carries none of that conversion's tables (about 10 KB
/// of gzip on the scoring page; README: Size).
pub fn parse_strict_whole(json_text: &str) -> Result<Value, JcsError> {
    parse_in::<false>(json_text)
}

fn parse_in<const FRACTIONS: bool>(json_text: &str) -> Result<Value, JcsError> {
    let mut parser = Parser::<FRACTIONS> { text: json_text, bytes: json_text.as_bytes(), pos: 0 };
    if parser.bytes.starts_with("\u{feff}".as_bytes()) {
        return Err(JcsError::ByteOrderMark);
    }
    parser.skip_whitespace();
    let value = parser.parse_value(0)?;
    parser.skip_whitespace();
    if parser.pos != parser.bytes.len() {
        return Err(parser.syntax("unexpected data after the JSON value"));
    }
    Ok(value)
}

/// Formats a double as ECMAScript `Number.prototype.toString()` does, which is
/// the number serialization RFC 8785 prescribes. `-0` becomes `0`.
pub fn number_to_string(x: f64) -> Result<String, JcsError> {
    let mut out = String::new();
    write_number(&mut out, x)?;
    Ok(out)
}

// ---------------------------------------------------------------------------
// Serialization

fn write_value(out: &mut String, value: &Value, depth: usize) -> Result<(), JcsError> {
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(true) => out.push_str("true"),
        Value::Bool(false) => out.push_str("false"),
        Value::Number(n) => write_serde_number(out, n)?,
        Value::String(s) => write_string(out, s),
        Value::Array(items) => {
            let depth = enter(depth)?;
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_value(out, item, depth)?;
            }
            out.push(']');
        }
        Value::Object(map) => write_object(out, map, None, enter(depth)?)?,
    }
    Ok(())
}

/// `map`'s members in RFC 8785's order, but for `without`; `depth` is the object's own.
fn write_object(
    out: &mut String,
    map: &Map<String, Value>,
    without: Option<&str>,
    depth: usize,
) -> Result<(), JcsError> {
    out.push('{');
    let mut first = true;
    let mut member = |out: &mut String, key: &String, item: &Value| {
        if without == Some(key.as_str()) {
            return Ok(());
        }
        if !first {
            out.push(',');
        }
        first = false;
        write_string(out, key);
        out.push(':');
        write_value(out, item, depth)
    };
    // The map is most often in that order already (serde_json's default map sorts by bytes,
    // which is UTF-16 order for nearly every key); then no sorted copy is made.
    if in_utf16_order(map) {
        for (key, item) in map {
            member(out, key, item)?;
        }
    } else {
        for (key, item) in sorted_members(map) {
            member(out, key, item)?;
        }
    }
    out.push('}');
    Ok(())
}

fn in_utf16_order(map: &Map<String, Value>) -> bool {
    let mut keys = map.keys();
    let Some(mut previous) = keys.next() else { return true };
    for key in keys {
        if utf16_cmp(previous, key) != std::cmp::Ordering::Less {
            return false;
        }
        previous = key;
    }
    true
}

fn utf16_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    // ASCII sorts the same by bytes as by UTF-16 code units.
    if a.is_ascii() && b.is_ascii() {
        a.cmp(b)
    } else {
        a.encode_utf16().cmp(b.encode_utf16())
    }
}

fn enter(depth: usize) -> Result<usize, JcsError> {
    let deeper = depth + 1;
    if deeper > MAX_DEPTH {
        Err(JcsError::TooDeep { limit: MAX_DEPTH })
    } else {
        Ok(deeper)
    }
}

fn sorted_members(map: &Map<String, Value>) -> Vec<(&String, &Value)> {
    let mut members: Vec<(&String, &Value)> = map.iter().collect();
    // RFC 8785 3.2.3 sorts by UTF-16 code units, which differs from Rust's
    // byte (code point) order for characters above U+FFFF versus U+E000..U+FFFF.
    members.sort_by(|a, b| utf16_cmp(a.0, b.0));
    members
}

fn write_serde_number(out: &mut String, n: &Number) -> Result<(), JcsError> {
    // A whole number that a double holds exactly is written as its digits, which is what
    // ECMAScript writes for it; the general path below costs a `format!` per number.
    if let Some(whole) = n.as_i64().filter(|i| i.unsigned_abs() < 1 << 53) {
        write_integer(out, whole);
        return Ok(());
    }
    // With serde_json's `arbitrary_precision` feature (which another crate in
    // the build may switch on) a Number can hold text that is no double at all.
    match n.as_f64() {
        Some(x) if x.is_finite() => write_number(out, x),
        _ => Err(JcsError::NonFiniteNumber { literal: n.to_string() }),
    }
}

/// The decimal digits of `whole`, with a minus sign if negative.
fn write_integer(out: &mut String, whole: i64) {
    if whole < 0 {
        out.push('-');
    }
    out.push_str(decimal(whole.unsigned_abs(), &mut [0; 20]));
}

/// `n` in decimal digits, written into `digits` (20 hold any `u64`), without `format!`'s
/// machinery: the readers and the canonical writer run it for every number and array element.
pub(crate) fn decimal(n: u64, digits: &mut [u8; 20]) -> &str {
    let mut at = digits.len();
    let mut rest = n;
    loop {
        at -= 1;
        if let Some(digit) = digits.get_mut(at) {
            // The remainder is below 10.
            *digit = b'0' + (rest % 10) as u8;
        }
        rest /= 10;
        if rest == 0 || at == 0 {
            break;
        }
    }
    digits.get(at..).and_then(|d| std::str::from_utf8(d).ok()).unwrap_or("0")
}

fn write_number(out: &mut String, x: f64) -> Result<(), JcsError> {
    if !x.is_finite() {
        return Err(JcsError::NonFiniteNumber { literal: x.to_string() });
    }
    if x == 0.0 {
        out.push('0');
        return Ok(());
    }
    if x < 0.0 {
        out.push('-');
    }
    // Rust's `{:e}` yields the shortest digit string that round-trips and the closest such string;
    // ECMAScript specifies the same, except where two are equally close, when it takes the even
    // one (see `even_on_tie`). Only the layout rules below differ besides.
    let scientific = format!("{:e}", x.abs());
    let (mantissa, exponent) = scientific
        .split_once('e')
        .ok_or_else(|| JcsError::NonFiniteNumber { literal: scientific.clone() })?;
    let exponent: i64 =
        exponent.parse().map_err(|_| JcsError::NonFiniteNumber { literal: scientific.clone() })?;
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    let digits = even_on_tie(x.abs(), digits, exponent);
    let k = digits.len() as i64;
    // ECMAScript's n: the value is 0.d1d2...dk × 10^n.
    let n = exponent + 1;

    if k <= n && n <= 21 {
        out.push_str(&digits);
        push_zeros(out, n - k);
    } else if 0 < n && n <= 21 {
        let (int_part, frac_part) = split_digits(&digits, n, &scientific)?;
        out.push_str(int_part);
        out.push('.');
        out.push_str(frac_part);
    } else if -6 < n && n <= 0 {
        out.push_str("0.");
        push_zeros(out, -n);
        out.push_str(&digits);
    } else {
        let (first, rest) = split_digits(&digits, 1, &scientific)?;
        out.push_str(first);
        if !rest.is_empty() {
            out.push('.');
            out.push_str(rest);
        }
        out.push('e');
        let e = n - 1;
        out.push(if e < 0 { '-' } else { '+' });
        out.push_str(&e.unsigned_abs().to_string());
    }
    Ok(())
}

/// Where `x` lies exactly halfway between two shortest digit strings that both read back as `x`,
/// ECMAScript (Number::toString, step 5) takes the one whose last digit is even; Rust takes the
/// upper one. Distinct decimals of 15 or fewer digits never read back as one double, so a tie
/// needs 16 or more digits, and shorter strings are returned as they are.
fn even_on_tie(x: f64, digits: String, exponent: i64) -> String {
    let k = digits.len();
    if k < 16 {
        return digits;
    }
    // The exact decimal value of the double: 1100 places hold every f64's full expansion.
    let exact = format!("{x:.1100e}");
    let exact_digits: String =
        exact.split('e').next().unwrap_or("").chars().filter(char::is_ascii_digit).collect();
    let exact_digits = exact_digits.trim_end_matches('0');
    if exact_digits.len() != k + 1 || !exact_digits.ends_with('5') {
        return digits;
    }
    let Some(lower) = exact_digits.get(..k) else { return digits };
    let Ok(lower_value) = lower.parse::<u64>() else { return digits };
    let upper = (lower_value + 1).to_string();
    if upper.len() != k {
        return digits;
    }
    let even = if lower_value % 2 == 0 { lower.to_string() } else { upper };
    // Take the even string only where it reads back as the same double.
    let Some((first, rest)) = even.split_at_checked(1) else { return digits };
    let reads_back = format!("{first}.{rest}e{exponent}").parse::<f64>().is_ok_and(|y| y == x);
    if reads_back {
        even
    } else {
        digits
    }
}

fn split_digits<'a>(
    digits: &'a str,
    at: i64,
    context: &str,
) -> Result<(&'a str, &'a str), JcsError> {
    usize::try_from(at)
        .ok()
        .and_then(|at| digits.split_at_checked(at))
        .ok_or_else(|| JcsError::NonFiniteNumber { literal: context.to_string() })
}

fn push_zeros(out: &mut String, count: i64) {
    for _ in 0..count {
        out.push('0');
    }
}

fn write_string(out: &mut String, s: &str) {
    out.push('"');
    // Most strings need no escape at all: copied whole. Bytes of multi-byte characters are all
    // 0x80 or above, so a byte test finds exactly the characters to escape.
    if !s.bytes().any(|b| b < 0x20 || b == b'"' || b == b'\\') {
        out.push_str(s);
        out.push('"');
        return;
    }
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                out.push_str("\\u00");
                out.push(hex_digit((c as u32) >> 4));
                out.push(hex_digit(c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn hex_digit(nibble: u32) -> char {
    // JSON.stringify writes lowercase hex in \u escapes.
    char::from_digit(nibble & 0xf, 16).unwrap_or('0')
}

// ---------------------------------------------------------------------------
// Strict parsing

/// `FRACTIONS`: whether numbers other than whole ones of up to 15 digits are read (see
/// [`parse_strict_whole`]).
struct Parser<'a, const FRACTIONS: bool> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
}

/// Largest magnitude up to which every integer is exactly a double; parsed
/// integers in this range are stored as integers so that callers reading the
/// `Value` see `3`, not `3.0`.
const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

impl<'a, const FRACTIONS: bool> Parser<'a, FRACTIONS> {
    fn syntax(&self, reason: &'static str) -> JcsError {
        JcsError::Syntax { offset: self.pos, reason }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_whitespace(&mut self) {
        // Indented JSON is a third whitespace: counted in one pass over the rest.
        let rest = self.bytes.get(self.pos..).unwrap_or_default();
        self.pos += rest.iter().take_while(|b| is_whitespace(**b)).count();
    }

    fn parse_value(&mut self, depth: usize) -> Result<Value, JcsError> {
        match self.peek() {
            None => Err(self.syntax("expected a JSON value, found the end of the text")),
            Some(b'{') => self.parse_object(depth),
            Some(b'[') => self.parse_array(depth),
            Some(b'"') => Ok(Value::String(self.parse_string()?)),
            Some(b't') => self.parse_literal("true", Value::Bool(true)),
            Some(b'f') => self.parse_literal("false", Value::Bool(false)),
            Some(b'n') => self.parse_literal("null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.parse_number(),
            Some(_) => {
                let rest = self.text.get(self.pos..).unwrap_or("");
                for word in ["NaN", "Infinity", "+Infinity"] {
                    if rest.starts_with(word) {
                        return Err(JcsError::NonFiniteNumber { literal: word.to_string() });
                    }
                }
                Err(self.syntax("expected a JSON value"))
            }
        }
    }

    fn parse_literal(&mut self, word: &'static str, value: Value) -> Result<Value, JcsError> {
        let matches =
            self.bytes.get(self.pos..).is_some_and(|rest| rest.starts_with(word.as_bytes()));
        if matches {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.syntax("invalid literal (expected true, false or null)"))
        }
    }

    fn parse_array(&mut self, depth: usize) -> Result<Value, JcsError> {
        let depth = enter(depth)?;
        self.pos += 1; // '['
        let mut items = Vec::new();
        self.skip_whitespace();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Value::Array(items));
        }
        loop {
            self.skip_whitespace();
            items.push(self.parse_value(depth)?);
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Value::Array(items));
                }
                None => return Err(self.syntax("unterminated array")),
                Some(_) => return Err(self.syntax("expected ',' or ']' in array")),
            }
        }
    }

    fn parse_object(&mut self, depth: usize) -> Result<Value, JcsError> {
        let depth = enter(depth)?;
        self.pos += 1; // '{'
        let mut map = Map::new();
        self.skip_whitespace();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Value::Object(map));
        }
        loop {
            self.skip_whitespace();
            let key_offset = self.pos;
            if self.peek() != Some(b'"') {
                return Err(self.syntax("expected a member name in double quotes"));
            }
            let key = self.parse_string()?;
            if map.contains_key(&key) {
                return Err(JcsError::DuplicateKey { offset: key_offset, key });
            }
            self.skip_whitespace();
            if self.peek() != Some(b':') {
                return Err(self.syntax("expected ':' after a member name"));
            }
            self.pos += 1;
            self.skip_whitespace();
            let value = self.parse_value(depth)?;
            map.insert(key, value);
            self.skip_whitespace();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Value::Object(map));
                }
                None => return Err(self.syntax("unterminated object")),
                Some(_) => return Err(self.syntax("expected ',' or '}' in object")),
            }
        }
    }

    fn parse_string(&mut self) -> Result<String, JcsError> {
        self.pos += 1; // opening quote
        let mut out = String::new();
        let mut run_start = self.pos;
        loop {
            match self.peek() {
                None => return Err(self.syntax("unterminated string")),
                Some(b'"') => {
                    self.push_run(&mut out, run_start)?;
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.push_run(&mut out, run_start)?;
                    self.parse_escape(&mut out)?;
                    run_start = self.pos;
                }
                Some(b) if b < 0x20 => {
                    return Err(self.syntax("control character in string must be escaped"));
                }
                // Multi-byte UTF-8 sequences never contain bytes below 0x80,
                // so stepping bytewise keeps runs on character boundaries. The run
                // up to the next byte that matters is skipped in one go.
                Some(_) => {
                    let rest = self.bytes.get(self.pos..).unwrap_or_default();
                    let plain = |b: &u8| *b != b'"' && *b != b'\\' && *b >= 0x20;
                    self.pos += rest.iter().take_while(|b| plain(b)).count();
                }
            }
        }
    }

    fn push_run(&self, out: &mut String, start: usize) -> Result<(), JcsError> {
        let run = self
            .text
            .get(start..self.pos)
            .ok_or_else(|| self.syntax("string is not valid UTF-8"))?;
        out.push_str(run);
        Ok(())
    }

    fn parse_escape(&mut self, out: &mut String) -> Result<(), JcsError> {
        let escape_offset = self.pos;
        self.pos += 1; // backslash
        let Some(kind) = self.peek() else {
            return Err(self.syntax("unterminated escape sequence"));
        };
        self.pos += 1;
        let c = match kind {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => return self.parse_unicode_escape(out, escape_offset),
            _ => {
                self.pos = escape_offset;
                return Err(self.syntax("invalid escape sequence"));
            }
        };
        out.push(c);
        Ok(())
    }

    /// Called after `\u`; `escape_offset` points at the backslash.
    fn parse_unicode_escape(
        &mut self,
        out: &mut String,
        escape_offset: usize,
    ) -> Result<(), JcsError> {
        let unit = self.parse_hex4()?;
        let lone = |code_unit: u16| JcsError::LoneSurrogate { offset: escape_offset, code_unit };
        let code_point = match unit {
            0xD800..=0xDBFF => {
                let follows_low =
                    self.bytes.get(self.pos..).is_some_and(|rest| rest.starts_with(b"\\u"));
                if !follows_low {
                    return Err(lone(unit));
                }
                self.pos += 2;
                let low = self.parse_hex4()?;
                if !(0xDC00..=0xDFFF).contains(&low) {
                    return Err(lone(unit));
                }
                0x10000 + ((u32::from(unit) - 0xD800) << 10) + (u32::from(low) - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err(lone(unit)),
            _ => u32::from(unit),
        };
        let c = char::from_u32(code_point).ok_or(lone(unit))?;
        out.push(c);
        Ok(())
    }

    fn parse_hex4(&mut self) -> Result<u16, JcsError> {
        let mut unit: u16 = 0;
        for _ in 0..4 {
            let digit = self
                .peek()
                .and_then(|b| char::from(b).to_digit(16))
                .ok_or_else(|| self.syntax("\\u must be followed by four hex digits"))?;
            // Four hex digits fit exactly in 16 bits.
            unit = (unit << 4) | digit as u16;
            self.pos += 1;
        }
        Ok(unit)
    }

    fn parse_number(&mut self) -> Result<Value, JcsError> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => {
                self.pos += 1;
                if matches!(self.peek(), Some(b'0'..=b'9')) {
                    return Err(self.syntax("leading zeros are not allowed in numbers"));
                }
            }
            Some(b'1'..=b'9') => self.skip_digits(),
            Some(b'I') => {
                return Err(JcsError::NonFiniteNumber { literal: "-Infinity".to_string() })
            }
            _ => return Err(self.syntax("expected a digit")),
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.syntax("expected a digit after the decimal point"));
            }
            self.skip_digits();
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if !matches!(self.peek(), Some(b'0'..=b'9')) {
                return Err(self.syntax("expected a digit in the exponent"));
            }
            self.skip_digits();
        }
        let literal =
            self.text.get(start..self.pos).ok_or_else(|| self.syntax("invalid number"))?;
        // Up to 15 digits without fraction or exponent are a whole number that a double holds
        // exactly (below 2^53): read as an integer, with no detour through floating point.
        let digits = literal.strip_prefix('-').unwrap_or(literal);
        if digits.len() <= 15 && digits.bytes().all(|b| b.is_ascii_digit()) {
            let magnitude = digits.bytes().fold(0_i64, |n, b| n * 10 + i64::from(b - b'0'));
            let whole = if digits.len() < literal.len() { -magnitude } else { magnitude };
            return Ok(Value::Number(Number::from(whole)));
        }
        if !FRACTIONS {
            return Err(JcsError::Syntax { offset: start, reason: "expected a whole number" });
        }
        // Rust's parse is correctly rounded, as JSON.parse is; overflow gives
        // an infinity, which JCS cannot represent.
        let x: f64 = literal
            .parse()
            .map_err(|_| JcsError::Syntax { offset: start, reason: "invalid number" })?;
        if !x.is_finite() {
            return Err(JcsError::NonFiniteNumber { literal: literal.to_string() });
        }
        Ok(Value::Number(
            number_from_f64(x).ok_or(JcsError::NonFiniteNumber { literal: literal.to_string() })?,
        ))
    }

    fn skip_digits(&mut self) {
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
    }
}

fn number_from_f64(x: f64) -> Option<Number> {
    if x.fract() == 0.0 && x.abs() <= MAX_SAFE_INTEGER {
        // Exact by the range check above; -0 collapses to 0, as JCS prints it.
        Some(Number::from(x as i64))
    } else {
        Number::from_f64(x)
    }
}

/// Whether `byte` is one of the four that RFC 8259 lets stand between JSON's tokens.
pub fn is_whitespace(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\r')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(x: f64) -> String {
        number_to_string(x).unwrap_or_else(|e| e.to_string())
    }

    #[test]
    fn whole_numbers_read_and_write_as_through_a_double() {
        // Written as their digits where a double holds them exactly; beyond 2^53 as the
        // double they round to.
        for text in [
            "0",
            "-0",
            "7",
            "-7",
            "10",
            "999999999999999",
            "-999999999999999",
            "1000000000000000",
            "9007199254740991",
            "-9007199254740991",
            "9007199254740993",
            "-9223372036854775808",
            "18446744073709551615",
            "12345678901234567890123",
        ] {
            let through_double = number_to_string(text.parse::<f64>().unwrap()).unwrap();
            assert_eq!(canonicalize_str(text).unwrap(), through_double, "{text}");
            let value = Value::Number(Number::from(text.parse::<i64>().unwrap_or(0)));
            if text.parse::<i64>().is_ok_and(|i| i.unsigned_abs() <= 1 << 53) {
                assert_eq!(canonicalize(&value).unwrap(), through_double, "{text}");
            }
        }
        assert_eq!(
            canonicalize(&Value::Number(Number::from(u64::MAX))).unwrap(),
            "18446744073709552000"
        );
        assert_eq!(
            canonicalize(&Value::Number(Number::from(i64::MIN))).unwrap(),
            "-9223372036854776000"
        );
        // Read as integers, so a reader sees 3, not 3.0.
        assert_eq!(parse_strict("[3, -0, 15]").unwrap(), serde_json::json!([3, 0, 15]));
    }

    #[test]
    fn numbers_follow_ecmascript_layout() {
        // Examples from RFC 8785 appendix B and ECMAScript Number::toString.
        assert_eq!(num(0.0), "0");
        assert_eq!(num(-0.0), "0");
        assert_eq!(num(1.0), "1");
        assert_eq!(num(-1.5), "-1.5");
        assert_eq!(num(1e21), "1e+21");
        assert_eq!(num(1e20), "100000000000000000000");
        assert_eq!(num(123456789012345680000.0), "123456789012345680000");
        assert_eq!(num(1e-6), "0.000001");
        assert_eq!(num(1e-7), "1e-7");
        assert_eq!(num(1.5e-7), "1.5e-7");
        assert_eq!(num(5e-324), "5e-324");
        assert_eq!(num(f64::MAX), "1.7976931348623157e+308");
        assert_eq!(num(-f64::MAX), "-1.7976931348623157e+308");
        assert_eq!(num(9007199254740992.0), "9007199254740992");
        assert_eq!(num(295147905179352830000.0), "295147905179352830000");
        assert_eq!(num(4.5), "4.5");
        assert_eq!(num(0.002), "0.002");
        assert_eq!(num(333333333.3333333), "333333333.3333333");
        assert!(matches!(number_to_string(f64::NAN), Err(JcsError::NonFiniteNumber { .. })));
        assert!(matches!(
            number_to_string(f64::NEG_INFINITY),
            Err(JcsError::NonFiniteNumber { .. })
        ));
    }

    #[test]
    fn strings_escape_like_json_stringify() {
        let mut out = String::new();
        write_string(&mut out, "\u{0}\u{1f}\u{7f}\"\\/\u{2028}é😂\u{8}\u{c}\n\r\t");
        assert_eq!(out, "\"\\u0000\\u001f\u{7f}\\\"\\\\/\u{2028}é😂\\b\\f\\n\\r\\t\"");
    }

    #[test]
    fn members_sort_by_utf16_code_units() {
        // By code point U+FB33 comes first; in UTF-16 the emoji's lead
        // surrogate 0xD83D is smaller than 0xFB33, so the emoji comes first.
        let text = "{\"\u{fb33}\":1,\"\u{1f602}\":2}";
        assert_eq!(canonicalize_str(text).as_deref(), Ok("{\"\u{1f602}\":2,\"\u{fb33}\":1}"));
    }

    #[test]
    fn strings_without_escapes_are_copied_whole_and_others_escaped() {
        let mut out = String::new();
        write_string(&mut out, "plain é😂 text");
        assert_eq!(out, "\"plain é😂 text\"");
        out.clear();
        write_string(&mut out, "é\"x");
        assert_eq!(out, "\"é\\\"x\"");
    }

    #[test]
    fn an_object_leaves_out_the_member_named_and_sorts_the_rest() {
        let value =
            parse_strict("{\"b\":1,\"proof\":{\"x\":1},\"a\":[2],\"\u{fb33}\":3,\"\u{1f602}\":4}");
        let map = value.as_ref().ok().and_then(Value::as_object).cloned().unwrap_or_default();
        assert_eq!(
            canonicalize_object(&map, Some("proof")).as_deref(),
            Ok("{\"a\":[2],\"b\":1,\"\u{1f602}\":4,\"\u{fb33}\":3}")
        );
        assert_eq!(canonicalize_object(&map, None), canonicalize(&Value::Object(map.clone())));
        assert_eq!(canonicalize_object(&map, Some("absent")), canonicalize(&Value::Object(map)));
        assert_eq!(canonicalize_object(&Map::new(), Some("proof")).as_deref(), Ok("{}"));
    }

    #[test]
    fn parser_rejects_malformed_text() {
        for bad in [
            "",
            " ",
            "{",
            "[1,]",
            "{\"a\":1,}",
            "01",
            "1.",
            ".5",
            "1e",
            "+1",
            "tru",
            "\"a",
            "\"\t\"",
            "\"\\x\"",
            "\"\\u12\"",
            "[1] 2",
            "{1:2}",
            "{\"a\" 1}",
        ] {
            assert!(
                matches!(parse_strict(bad), Err(JcsError::Syntax { .. })),
                "accepted {bad:?}: {:?}",
                parse_strict(bad)
            );
        }
    }

    #[test]
    fn a_byte_order_mark_is_its_own_error() {
        assert_eq!(parse_strict("\u{feff}{}"), Err(JcsError::ByteOrderMark));
        // Only at the start: inside a string it is a character like any other.
        assert!(parse_strict("{\"a\":\"\u{feff}\"}").is_ok());
    }

    #[test]
    fn parser_reports_specific_errors() {
        assert_eq!(
            parse_strict("{\"a\":1,\"a\":2}"),
            Err(JcsError::DuplicateKey { offset: 7, key: "a".to_string() })
        );
        assert_eq!(
            parse_strict("\"\\ud800\""),
            Err(JcsError::LoneSurrogate { offset: 1, code_unit: 0xd800 })
        );
        assert_eq!(
            parse_strict("\"\\udc00\\ud800\""),
            Err(JcsError::LoneSurrogate { offset: 1, code_unit: 0xdc00 })
        );
        assert_eq!(
            parse_strict("\"\\ud800\\u0041\""),
            Err(JcsError::LoneSurrogate { offset: 1, code_unit: 0xd800 })
        );
        for literal in ["NaN", "Infinity", "-Infinity", "1e400", "-1e309"] {
            assert!(
                matches!(parse_strict(literal), Err(JcsError::NonFiniteNumber { .. })),
                "accepted {literal}"
            );
        }
    }

    #[test]
    fn surrogate_pairs_and_escapes_decode() {
        assert_eq!(
            parse_strict("\"\\ud83d\\ude02\\u00e9\\/\""),
            Ok(Value::String("😂é/".to_string()))
        );
    }

    #[test]
    fn nesting_limit_is_exact() {
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(canonicalize_str(&ok).is_ok());
        let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        assert_eq!(canonicalize_str(&deep), Err(JcsError::TooDeep { limit: MAX_DEPTH }));
        let mut value = Value::Null;
        for _ in 0..=MAX_DEPTH {
            value = Value::Array(vec![value]);
        }
        assert_eq!(canonicalize(&value), Err(JcsError::TooDeep { limit: MAX_DEPTH }));
    }

    #[test]
    fn integers_are_kept_as_integers() {
        assert_eq!(parse_strict("[3, -0, 2.0, 0.5]"), Ok(serde_json::json!([3, 0, 2, 0.5])));
    }

    #[test]
    fn the_whole_number_reader_reads_what_the_full_one_does_but_fractions_and_exponents() {
        let text = r#"{"a": [0, -7, 123456789012345], "b": "1.5", "c": null}"#;
        assert_eq!(parse_strict_whole(text), parse_strict(text));
        for (text, offset) in
            [("[2.0]", 1), ("[0.5]", 1), ("[1e3]", 1), ("[-4E-1]", 1), ("[1234567890123456]", 1)]
        {
            assert!(parse_strict(text).is_ok(), "{text}");
            assert_eq!(
                parse_strict_whole(text),
                Err(JcsError::Syntax { offset, reason: "expected a whole number" }),
                "{text}"
            );
        }
        // Its grammar is the full reader's: a malformed number is refused as before.
        assert_eq!(parse_strict_whole("[01]"), parse_strict("[01]"));
    }
}
