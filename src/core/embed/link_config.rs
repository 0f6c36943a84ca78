//! The settings a link to the app can carry in its query string, for staff who put the app in a
//! learning environment: `mode`, `lang`, `framework`, `student`, `parentOrigin` and `instruction`
//! (README: Embedding).
//!
//! A link is typed or pasted by people and sometimes made by a template, so every value is checked
//! here and never trusted: a value that breaks a rule is not used, and the problem is reported
//! with its parameter's name so that the page can say which part of the link to fix. Parameters
//! the app does not know are ignored, since learning environments add their own.

use crate::core::assessment::{Action, MetadataField, Mode};

/// A student number: short, and letters, digits and hyphens only, so that it can go into a file
/// name and a record as it is.
pub const MAX_STUDENT_CHARS: usize = 32;

/// A framework address. Browsers take much longer URLs; a framework's address is never that long,
/// and a value this size is a sign of a broken template.
pub const MAX_FRAMEWORK_URL_CHARS: usize = 2048;

/// `https://` with a host name of at most 253 characters and a port fits well within this.
pub const MAX_ORIGIN_CHARS: usize = 300;

/// The school's instruction after signing ("Lever het bestand in bij opdracht Stage 2 in
/// Brightspace"): a sentence or two, shown as it is, never a document.
pub const MAX_INSTRUCTION_CHARS: usize = 300;

/// `self`, `assessor`, `nl`, `en`: anything longer is wrong anyway.
const MAX_WORD_CHARS: usize = 16;

/// The parameters the app reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Param {
    Mode,
    Lang,
    Framework,
    Student,
    ParentOrigin,
    Instruction,
}

impl Param {
    pub const ALL: [Param; 6] = [
        Param::Mode,
        Param::Lang,
        Param::Framework,
        Param::Student,
        Param::ParentOrigin,
        Param::Instruction,
    ];

    /// The name in the query string (case-sensitive, like `URLSearchParams`).
    pub fn name(self) -> &'static str {
        match self {
            Param::Mode => "mode",
            Param::Lang => "lang",
            Param::Framework => "framework",
            Param::Student => "student",
            Param::ParentOrigin => "parentOrigin",
            Param::Instruction => "instruction",
        }
    }

    fn from_name(name: &str) -> Option<Param> {
        Param::ALL.into_iter().find(|p| p.name() == name)
    }

    /// Longest accepted value, in characters after percent-decoding.
    pub fn limit(self) -> usize {
        match self {
            Param::Mode | Param::Lang => MAX_WORD_CHARS,
            Param::Framework => MAX_FRAMEWORK_URL_CHARS,
            Param::Student => MAX_STUDENT_CHARS,
            Param::ParentOrigin => MAX_ORIGIN_CHARS,
            Param::Instruction => MAX_INSTRUCTION_CHARS,
        }
    }
}

/// Why a value was not used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reason {
    /// The parameter appears more than once; which one was meant cannot be known, so neither is
    /// used.
    Duplicate,
    /// A `%` not followed by two hexadecimal digits.
    BadPercentEncoding,
    /// The decoded bytes are not UTF-8.
    NotUtf8,
    TooLong {
        limit: usize,
    },
    /// Not one of the words the parameter takes (`mode`, `lang`).
    UnknownValue,
    /// A character the parameter does not allow: markup, spaces, control characters, and for
    /// `student` anything but letters, digits and hyphens; for `instruction`, `<`, `>` and
    /// control characters (line breaks too).
    BadCharacter,
    /// `*` or `null` as `parentOrigin`: messages must go to one known page, never to any.
    Wildcard,
    /// Not `https://` (or `http://`), e.g. `javascript:`, `data:` or a scheme-relative `//host`.
    Scheme,
    /// `http://` to a host other than this computer: anyone on the network could read or change it.
    Insecure,
    /// A user name or password in the address.
    Credentials,
    /// `parentOrigin` with a path, query or fragment: an origin is scheme, host and port only.
    NotBareOrigin,
    BadHost,
    BadPort,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UrlProblem {
    pub param: Param,
    pub reason: Reason,
}

/// What a link asks for; every value here has passed its checks.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UrlConfig {
    /// The kind of assessment a new assessment starts as.
    pub mode: Option<Mode>,
    /// The interface language's code, `"nl"` or `"en"`.
    pub lang: Option<&'static str>,
    /// Where to load the framework from: an absolute `https://` address (`http://` on this
    /// computer only) or an address relative to the page, as written in the link.
    pub framework: Option<String>,
    /// The student number a new assessment starts with.
    pub student: Option<String>,
    /// The page allowed to receive the app's messages, as a browser writes an origin: lowercase,
    /// without a default port or a trailing slash, so that it compares equal to `event.origin`.
    pub parent_origin: Option<String>,
    /// What the school asks the user to do with a signed record, shown after signing as plain
    /// text.
    pub instruction: Option<String>,
}

impl UrlConfig {
    /// What a new assessment takes from the link. An assessment that already exists is never
    /// changed by a link: its data are the user's.
    pub fn presets(&self) -> Vec<Action> {
        let mut actions = Vec::new();
        if let Some(mode) = self.mode {
            actions.push(Action::SetMode(mode));
        }
        if let Some(student) = &self.student {
            actions.push(Action::SetMetadata(MetadataField::StudentNumber, student.clone()));
        }
        actions
    }
}

/// Reads a query string such as `location.search` (with or without its `?`). Returns what could be
/// used and, in the order of the parameters, every problem. An empty value counts as not given:
/// templates leave a parameter empty where they have nothing to fill in.
pub fn parse(query: &str) -> (UrlConfig, Vec<UrlProblem>) {
    let query = query.strip_prefix('?').unwrap_or(query);
    let query = query.split('#').next().unwrap_or_default();
    let mut raw: [Vec<&str>; 6] = Default::default();
    for pair in query.split('&').filter(|pair| !pair.is_empty()) {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        // A name that does not decode is no name the app knows.
        let Some(param) = decode(name).ok().and_then(|name| Param::from_name(&name)) else {
            continue;
        };
        if let Some(slot) = raw.get_mut(param as usize) {
            slot.push(value);
        }
    }

    let mut config = UrlConfig::default();
    let mut problems = Vec::new();
    for (param, values) in Param::ALL.into_iter().zip(&raw) {
        let value = match values.as_slice() {
            [] => continue,
            [value] => *value,
            _ => {
                problems.push(UrlProblem { param, reason: Reason::Duplicate });
                continue;
            }
        };
        match decoded_value(param, value).and_then(|value| apply(&mut config, param, value)) {
            Ok(()) => {}
            Err(reason) => problems.push(UrlProblem { param, reason }),
        }
    }
    (config, problems)
}

/// `query` (with or without its `?`) with `param` set to `value`: every other parameter stays as
/// it stands, in its place, and `param` comes last. With its `?`.
pub fn with_param(query: &str, param: Param, value: &str) -> String {
    let query = query.strip_prefix('?').unwrap_or(query);
    let query = query.split('#').next().unwrap_or_default();
    let is_param = |pair: &&str| {
        let name = pair.split_once('=').map_or(*pair, |(name, _)| name);
        decode(name).ok().as_deref() == Some(param.name())
    };
    let kept = query.split('&').filter(|pair| !pair.is_empty() && !is_param(pair));
    let set = format!("{}={}", param.name(), percent_encode(value));
    let pairs: Vec<&str> = kept.chain(std::iter::once(set.as_str())).collect();
    format!("?{}", pairs.join("&"))
}

/// RFC 3986 percent-encoding of everything but the unreserved characters.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// The value percent-decoded and within its parameter's length.
fn decoded_value(param: Param, raw: &str) -> Result<String, Reason> {
    let limit = param.limit();
    // Each character takes at most twelve bytes percent-encoded (four UTF-8 bytes as `%XX`), so a
    // longer raw value is too long without decoding it.
    if raw.len() > limit.saturating_mul(12) {
        return Err(Reason::TooLong { limit });
    }
    let value = decode(raw)?;
    if value.chars().count() > limit {
        return Err(Reason::TooLong { limit });
    }
    Ok(value)
}

fn apply(config: &mut UrlConfig, param: Param, value: String) -> Result<(), Reason> {
    if value.is_empty() {
        return Ok(());
    }
    match param {
        Param::Mode => {
            config.mode = Some(match value.to_ascii_lowercase().as_str() {
                "self" => Mode::SelfAssessment,
                "assessor" => Mode::Assessor,
                _ => return Err(Reason::UnknownValue),
            })
        }
        Param::Lang => {
            config.lang = Some(match value.to_ascii_lowercase().as_str() {
                "nl" => "nl",
                "en" => "en",
                _ => return Err(Reason::UnknownValue),
            })
        }
        Param::Student => {
            if !value.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
                return Err(Reason::BadCharacter);
            }
            config.student = Some(value);
        }
        Param::ParentOrigin => config.parent_origin = Some(origin(&value)?),
        Param::Instruction => config.instruction = instruction(&value)?,
        Param::Framework => config.framework = Some(framework_url(value)?),
    }
    Ok(())
}

/// An instruction is shown as text, never read as markup; refusing `<` and `>` tells whoever
/// wrote the link that tags would not work, instead of showing them as typed. Spaces at either
/// end are dropped, and a value of spaces only counts as not given.
fn instruction(value: &str) -> Result<Option<String>, Reason> {
    if value.chars().any(|c| c == '<' || c == '>' || c.is_control()) {
        return Err(Reason::BadCharacter);
    }
    let value = value.trim();
    Ok((!value.is_empty()).then(|| value.to_string()))
}

/// `application/x-www-form-urlencoded` decoding, as `URLSearchParams` does it, except that a
/// malformed `%` or bytes that are not UTF-8 are refused rather than passed on or replaced.
fn decode(raw: &str) -> Result<String, Reason> {
    let mut bytes = Vec::with_capacity(raw.len());
    let mut rest = raw.as_bytes();
    while let Some((&byte, tail)) = rest.split_first() {
        rest = tail;
        match byte {
            b'+' => bytes.push(b' '),
            b'%' => {
                let (high, low) = match tail {
                    [high, low, ..] => (hex_digit(*high), hex_digit(*low)),
                    _ => (None, None),
                };
                let (Some(high), Some(low)) = (high, low) else {
                    return Err(Reason::BadPercentEncoding);
                };
                bytes.push((high << 4) | low);
                rest = tail.get(2..).unwrap_or_default();
            }
            other => bytes.push(other),
        }
    }
    String::from_utf8(bytes).map_err(|_| Reason::NotUtf8)
}

fn hex_digit(byte: u8) -> Option<u8> {
    char::from(byte).to_digit(16).and_then(|d| u8::try_from(d).ok())
}

/// An origin as browsers write `event.origin` (scheme and host in lowercase, no default port, no
/// trailing slash), if `value` is one under the rules of a `parentOrigin`: `https://`, or `http://`
/// on this computer. An invitation's `hostOrigin` follows the same rules.
pub fn canonical_origin(value: &str) -> Option<String> {
    origin(value).ok()
}

/// Checks a `parentOrigin` and writes it the way `event.origin` is written.
fn origin(value: &str) -> Result<String, Reason> {
    if value == "*" || value.eq_ignore_ascii_case("null") {
        return Err(Reason::Wildcard);
    }
    let (scheme, rest) = split_scheme(value)?;
    // Copied from an address bar, an origin often ends in a slash; that slash is the empty path.
    let authority = rest.strip_suffix('/').unwrap_or(rest);
    if authority.bytes().any(|b| matches!(b, b'/' | b'?' | b'#' | b'\\')) {
        return Err(Reason::NotBareOrigin);
    }
    let (host, port) = host_and_port(scheme, authority)?;
    Ok(match port {
        Some(port) => format!("{scheme}://{host}:{port}"),
        None => format!("{scheme}://{host}"),
    })
}

/// Checks a framework address: `https://…` (`http://` on this computer), or relative to the page.
/// It is returned as written; the browser resolves and fetches it.
fn framework_url(value: String) -> Result<String, Reason> {
    let refused = |c: char| {
        c.is_whitespace()
            || c.is_control()
            || matches!(c, '<' | '>' | '"' | '\'' | '`' | '{' | '}' | '|' | '\\' | '^')
    };
    if value.chars().any(refused) {
        return Err(Reason::BadCharacter);
    }
    if value.starts_with("//") {
        return Err(Reason::Scheme);
    }
    if has_scheme(&value) {
        let (scheme, rest) = split_scheme(&value)?;
        let end = path_start(rest);
        host_and_port(scheme, rest.get(..end).unwrap_or(rest))?;
    }
    Ok(value)
}

/// Whether an address starts with a scheme (`name:` before any `/`, `?` or `#`), so that it is not
/// relative. `javascript:alert(1)` has one; `kaders/opbouwwerk.json` and `./a:b.json` have none.
fn has_scheme(value: &str) -> bool {
    let end = path_start(value);
    let Some((scheme, _)) = value.get(..end).unwrap_or_default().split_once(':') else {
        return false;
    };
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// Where the path, query or fragment of an address begins (its length if none does). Byte by byte
/// rather than with `str::find`, whose generic searcher is large in wasm.
fn path_start(value: &str) -> usize {
    value.bytes().position(|b| matches!(b, b'/' | b'?' | b'#')).unwrap_or(value.len())
}

/// `https` or `http` and what follows `://`.
fn split_scheme(value: &str) -> Result<(&'static str, &str), Reason> {
    // By the colon, then the slashes: searching for "://" as a string would bring a substring
    // search into the app that nothing else needs.
    let (scheme, rest) = value.split_once(':').ok_or(Reason::Scheme)?;
    let rest = rest.strip_prefix("//").ok_or(Reason::Scheme)?;
    if scheme.eq_ignore_ascii_case("https") {
        Ok(("https", rest))
    } else if scheme.eq_ignore_ascii_case("http") {
        Ok(("http", rest))
    } else {
        Err(Reason::Scheme)
    }
}

/// The host in lowercase and the port (without leading zeros) unless it is the scheme's default.
/// `http` is accepted for this computer only, where nothing travels over a network.
fn host_and_port<'a>(
    scheme: &str,
    authority: &'a str,
) -> Result<(String, Option<&'a str>), Reason> {
    if authority.bytes().any(|b| b == b'@') {
        return Err(Reason::Credentials);
    }
    let (host, port) = match authority.strip_prefix('[') {
        // An IPv6 address: `[::1]` or `[::1]:8080`.
        Some(inner) => {
            let (address, after) = inner.split_once(']').ok_or(Reason::BadHost)?;
            if address.is_empty()
                || !address.bytes().all(|b| b.is_ascii_hexdigit() || matches!(b, b':' | b'.'))
            {
                return Err(Reason::BadHost);
            }
            let port = match after {
                "" => None,
                _ => Some(after.strip_prefix(':').ok_or(Reason::BadPort)?),
            };
            (format!("[{}]", address.to_ascii_lowercase()), port)
        }
        None => {
            let (host, port) = match authority.split_once(':') {
                Some((host, port)) => (host, Some(port)),
                None => (authority, None),
            };
            if !is_host_name(host) {
                return Err(Reason::BadHost);
            }
            (host.to_ascii_lowercase(), port)
        }
    };
    let port = match port {
        None => None,
        Some(digits) => {
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return Err(Reason::BadPort);
            }
            // Counted by hand rather than parsed, which keeps number parsing and printing for
            // ports out of the app.
            let digits = digits.trim_start_matches('0');
            let value = digits
                .bytes()
                .try_fold(0u32, |n, b| Some(n * 10 + u32::from(b - b'0')).filter(|&n| n <= 65_535));
            match (value, scheme) {
                (None | Some(0), _) => return Err(Reason::BadPort),
                (Some(443), "https") | (Some(80), "http") => None,
                _ => Some(digits),
            }
        }
    };
    if scheme == "http" && !is_this_computer(&host) {
        return Err(Reason::Insecure);
    }
    Ok((host, port))
}

/// The host names of this computer, where plain `http://` is accepted since nothing travels over
/// a network (a link's `parentOrigin` and `framework`, an invitation's `hostOrigin`).
fn is_this_computer(host: &str) -> bool {
    matches!(host, "localhost" | "127.0.0.1" | "[::1]")
}

/// A DNS name or IPv4 address in ASCII: dot-separated labels of letters, digits and inner hyphens.
/// Internationalised names must be written in their `xn--` form, as browsers write origins.
fn is_host_name(host: &str) -> bool {
    !host.is_empty()
        && host.len() <= 253
        && host.split('.').all(|label| {
            !label.is_empty()
                && label.len() <= 63
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(query: &str) -> UrlConfig {
        let (config, problems) = parse(query);
        assert_eq!(problems, [], "{query}");
        config
    }

    /// The one problem a query has.
    fn problem(query: &str) -> UrlProblem {
        let (config, problems) = parse(query);
        assert_eq!(config, UrlConfig::default(), "{query}: nothing is used");
        match problems.as_slice() {
            [one] => *one,
            other => panic!("{query}: expected one problem, got {other:?}"),
        }
    }

    fn reason(query: &str) -> Reason {
        problem(query).reason
    }

    fn origin_of(value: &str) -> Result<String, Reason> {
        let (config, problems) = parse(&format!("parentOrigin={value}"));
        match problems.as_slice() {
            [] => Ok(config.parent_origin.unwrap_or_default()),
            [one] => Err(one.reason),
            other => panic!("{other:?}"),
        }
    }

    fn framework_of(value: &str) -> Result<String, Reason> {
        let (config, problems) = parse(&format!("framework={value}"));
        match problems.as_slice() {
            [] => Ok(config.framework.unwrap_or_default()),
            [one] => Err(one.reason),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn no_query_and_empty_pieces_give_nothing() {
        for query in ["", "?", "&&", "?&", "#mode=self"] {
            assert_eq!(config(query), UrlConfig::default(), "{query}");
        }
    }

    #[test]
    fn every_parameter_together() {
        let c = config(
            "?mode=self&lang=en&framework=https%3A%2F%2Fkaders.example.nl%2Fopbouwwerk.json\
             &student=S-42&parentOrigin=https%3A%2F%2Fbrightspace.example.nl\
             &instruction=Inleveren+bij+Stage+2",
        );
        assert_eq!(
            c,
            UrlConfig {
                mode: Some(Mode::SelfAssessment),
                lang: Some("en"),
                framework: Some("https://kaders.example.nl/opbouwwerk.json".into()),
                student: Some("S-42".into()),
                parent_origin: Some("https://brightspace.example.nl".into()),
                instruction: Some("Inleveren bij Stage 2".into()),
            }
        );
    }

    #[test]
    fn unknown_parameters_are_ignored_even_twice_or_undecodable() {
        let c = config("ou=6606&ou=7&%FF=1&x=%zz&Mode=boss&student=123&=&embed");
        assert_eq!(c, UrlConfig { student: Some("123".into()), ..UrlConfig::default() });
    }

    #[test]
    fn names_are_percent_decoded_and_case_sensitive() {
        assert_eq!(config("m%6Fde=self").mode, Some(Mode::SelfAssessment));
        assert_eq!(config("MODE=self").mode, None);
        assert_eq!(config("parentorigin=https://a.nl").parent_origin, None);
    }

    #[test]
    fn a_duplicate_parameter_is_a_problem_and_neither_value_is_used() {
        assert_eq!(
            problem("mode=self&mode=assessor"),
            UrlProblem { param: Param::Mode, reason: Reason::Duplicate }
        );
        assert_eq!(reason("student=1&student=1"), Reason::Duplicate);
        assert_eq!(reason("lang=&lang=nl"), Reason::Duplicate);
        // Also when spelled differently but decoding to the same name.
        assert_eq!(reason("lang=nl&l%61ng=nl"), Reason::Duplicate);
        // The other parameters are still used.
        let (c, problems) = parse("mode=self&lang=en&mode=self");
        assert_eq!(c.lang, Some("en"));
        assert_eq!(c.mode, None);
        assert_eq!(problems.len(), 1);
    }

    #[test]
    fn an_empty_value_counts_as_not_given() {
        assert_eq!(config("mode=&lang&student=&framework=&parentOrigin="), UrlConfig::default());
    }

    #[test]
    fn every_problem_names_its_parameter_in_parameter_order() {
        let (c, problems) =
            parse("parentOrigin=*&student=%3Cb%3E&framework=javascript:x&lang=xx&mode=boss");
        assert_eq!(c, UrlConfig::default());
        let params: Vec<&str> = problems.iter().map(|p| p.param.name()).collect();
        assert_eq!(params, ["mode", "lang", "framework", "student", "parentOrigin"]);
    }

    #[test]
    fn a_parameter_is_set_and_every_other_one_stays_as_it_stands() {
        assert_eq!(with_param("", Param::Framework, "a b.json"), "?framework=a%20b.json");
        assert_eq!(
            with_param("?lang=en&framework=old.json&parentOrigin=https%3A%2F%2Felo.example", Param::Framework, "https://k.example/x.json"),
            "?lang=en&parentOrigin=https%3A%2F%2Felo.example&framework=https%3A%2F%2Fk.example%2Fx.json"
        );
        // However it was spelled, and however often: set once.
        assert_eq!(
            with_param("fr%61mework=a&mode=self&framework=b", Param::Framework, "c"),
            "?mode=self&framework=c"
        );
        let (config, problems) = parse(&with_param("?mode=self", Param::Framework, "k/ä.json"));
        assert_eq!((config.framework.as_deref(), problems.len()), (Some("k/ä.json"), 0));
    }

    #[test]
    fn percent_encoding_keeps_only_unreserved_characters() {
        assert_eq!(percent_encode("a b&c=d/é#"), "a%20b%26c%3Dd%2F%C3%A9%23");
        assert_eq!(percent_encode("Az09-._~"), "Az09-._~");
    }

    #[test]
    fn percent_decoding_follows_form_encoding() {
        assert_eq!(config("student=S%2D42").student.as_deref(), Some("S-42"));
        assert_eq!(config("student=s%2d42").student.as_deref(), Some("s-42"));
        // `+` is a space, and a space is no part of a student number.
        assert_eq!(reason("student=S+42"), Reason::BadCharacter);
        assert_eq!(reason("student=S%2042"), Reason::BadCharacter);
        // `%2B` is the plus sign itself.
        assert_eq!(reason("student=S%2B42"), Reason::BadCharacter);
    }

    #[test]
    fn malformed_percent_encoding_is_a_problem() {
        for query in ["student=%", "student=%4", "student=%zz", "student=12%G0", "student=%%41"] {
            assert_eq!(
                problem(query),
                UrlProblem { param: Param::Student, reason: Reason::BadPercentEncoding },
                "{query}"
            );
        }
    }

    #[test]
    fn bytes_that_are_not_utf8_are_a_problem() {
        for query in ["mode=%FF", "lang=%C3", "student=%C3%28", "framework=https://a.nl/%ED%A0%80"]
        {
            assert_eq!(reason(query), Reason::NotUtf8, "{query}");
        }
        // Well-formed UTF-8 decodes, and is then judged by the parameter's own rule.
        assert_eq!(reason("student=%C3%A9"), Reason::BadCharacter);
    }

    #[test]
    fn mode_is_self_or_assessor() {
        assert_eq!(config("mode=self").mode, Some(Mode::SelfAssessment));
        assert_eq!(config("mode=assessor").mode, Some(Mode::Assessor));
        assert_eq!(config("mode=Self").mode, Some(Mode::SelfAssessment));
        for value in ["boss", "self ", "zelf", "assessor%00", "%3Cscript%3E"] {
            assert_eq!(
                problem(&format!("mode={value}")),
                UrlProblem { param: Param::Mode, reason: Reason::UnknownValue },
                "{value}"
            );
        }
        assert_eq!(reason(&format!("mode={}", "s".repeat(17))), Reason::TooLong { limit: 16 });
    }

    #[test]
    fn lang_is_nl_or_en() {
        assert_eq!(config("lang=nl").lang, Some("nl"));
        assert_eq!(config("lang=EN").lang, Some("en"));
        for value in ["xx", "nl-NL", "de", "en%20"] {
            assert_eq!(
                problem(&format!("lang={value}")),
                UrlProblem { param: Param::Lang, reason: Reason::UnknownValue },
                "{value}"
            );
        }
    }

    #[test]
    fn student_is_letters_digits_and_hyphens_up_to_the_limit() {
        assert_eq!(config("student=4812345").student.as_deref(), Some("4812345"));
        assert_eq!(config("student=ab-CD-09").student.as_deref(), Some("ab-CD-09"));
        let longest = "9".repeat(MAX_STUDENT_CHARS);
        assert_eq!(config(&format!("student={longest}")).student, Some(longest.clone()));
        assert_eq!(
            problem(&format!("student={longest}9")),
            UrlProblem { param: Param::Student, reason: Reason::TooLong { limit: 32 } }
        );
        for value in [
            "%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
            "<b>",
            "a_b",
            "a.b",
            "a/b",
            "1%0A2",
            "%C3%A9",
            "%D9%A3",
            "123%00",
        ] {
            assert_eq!(
                problem(&format!("student={value}")),
                UrlProblem { param: Param::Student, reason: Reason::BadCharacter },
                "{value}"
            );
        }
    }

    #[test]
    fn a_value_far_too_long_is_refused_before_decoding() {
        let huge = "%41".repeat(100_000);
        assert_eq!(reason(&format!("student={huge}")), Reason::TooLong { limit: 32 });
        assert_eq!(reason(&format!("mode={huge}")), Reason::TooLong { limit: 16 });
    }

    #[test]
    fn parent_origin_is_written_as_browsers_write_origins() {
        let cases = [
            ("https://lms.example.nl", "https://lms.example.nl"),
            ("https%3A%2F%2Flms.example.nl", "https://lms.example.nl"),
            ("https://LMS.Example.NL", "https://lms.example.nl"),
            ("HTTPS://lms.example.nl", "https://lms.example.nl"),
            ("https://lms.example.nl/", "https://lms.example.nl"),
            ("https://lms.example.nl:8443", "https://lms.example.nl:8443"),
            ("https://lms.example.nl:443", "https://lms.example.nl"),
            ("https://lms.example.nl:0443", "https://lms.example.nl"),
            ("https://lms.example.nl:008443", "https://lms.example.nl:8443"),
            ("https://lms.example.nl:65535", "https://lms.example.nl:65535"),
            ("https://xn--bcher-kva.example", "https://xn--bcher-kva.example"),
            ("https://10.0.0.1:8080", "https://10.0.0.1:8080"),
            ("https://[2001:DB8::1]", "https://[2001:db8::1]"),
            ("http://localhost:8080", "http://localhost:8080"),
            ("http://127.0.0.1:5173", "http://127.0.0.1:5173"),
            ("http://[::1]:3000", "http://[::1]:3000"),
            ("http://localhost:80", "http://localhost"),
        ];
        for (value, expected) in cases {
            assert_eq!(origin_of(value), Ok(expected.to_string()), "{value}");
        }
    }

    #[test]
    fn parent_origin_is_never_a_wildcard() {
        for value in ["*", "null", "NULL", "%2A"] {
            assert_eq!(
                problem(&format!("parentOrigin={value}")),
                UrlProblem { param: Param::ParentOrigin, reason: Reason::Wildcard },
                "{value}"
            );
        }
    }

    #[test]
    fn parent_origin_must_be_https_or_http_on_this_computer() {
        for value in [
            "javascript:alert(1)",
            "javascript://lms.nl",
            "data:text/html,x",
            "file:///etc",
            "ftp://lms.nl",
            "lms.example.nl",
            "//lms.example.nl",
            "https:lms.nl",
        ] {
            assert_eq!(origin_of(value), Err(Reason::Scheme), "{value}");
        }
        for value in [
            "http://lms.example.nl",
            "http://10.0.0.1",
            "http://localhost.example.nl",
            "http://127.0.0.2",
        ] {
            assert_eq!(origin_of(value), Err(Reason::Insecure), "{value}");
        }
    }

    #[test]
    fn parent_origin_has_no_path_query_fragment_or_credentials() {
        for value in [
            "https://lms.nl/course",
            "https://lms.nl//",
            "https://lms.nl?x=1",
            "https://lms.nl%3Fx",
            "https://lms.nl%23top",
            "https://lms.nl\\x",
        ] {
            assert_eq!(origin_of(value), Err(Reason::NotBareOrigin), "{value}");
        }
        for value in ["https://user@lms.nl", "https://user:pass@lms.nl", "https://@lms.nl"] {
            assert_eq!(origin_of(value), Err(Reason::Credentials), "{value}");
        }
    }

    #[test]
    fn parent_origin_needs_a_plain_host_and_a_real_port() {
        for value in [
            "https://",
            "https://lms..nl",
            "https://.lms.nl",
            "https://lms.nl.",
            "https://-lms.nl",
            "https://lms-.nl",
            "https://lms_1.nl",
            "https://bücher.example",
            "https://%3Cb%3E",
            "https://[]",
            "https://[::1",
            "https://[fe80::1%25eth0]",
            "https://lms.nl:8080:1",
        ] {
            let got = origin_of(value);
            assert!(matches!(got, Err(Reason::BadHost | Reason::BadPort)), "{value}: {got:?}");
        }
        assert_eq!(origin_of(&format!("https://{}.nl", "a".repeat(64))), Err(Reason::BadHost));
        for value in [
            "https://lms.nl:",
            "https://lms.nl:0",
            "https://lms.nl:65536",
            "https://lms.nl:123456",
            "https://lms.nl:000",
            "https://lms.nl:+80",
            "https://lms.nl:8o",
            "https://[::1]x",
            "https://[::1]:",
        ] {
            assert_eq!(origin_of(value), Err(Reason::BadPort), "{value}");
        }
        let long = format!("https://{}.nl", vec!["a".repeat(60); 5].join("."));
        assert_eq!(origin_of(&long), Err(Reason::TooLong { limit: MAX_ORIGIN_CHARS }));
    }

    #[test]
    fn framework_is_an_https_address_or_relative_to_the_page() {
        let fine = [
            "https://kaders.example.nl/opbouwwerk-2026.json",
            "https://kaders.example.nl:8443/k.json%3Fversie%3D2%23x",
            "HTTPS://Kaders.example.nl/K.json",
            "http://127.0.0.1:8081/kader.json",
            "http://localhost/kader.json",
            "kaders/opbouwwerk.json",
            "/kaders/opbouwwerk.json",
            "../kader.json",
            "./a:b.json",
            "kader%C3%A9.json",
        ];
        for value in fine {
            let decoded = decode(value).unwrap_or_default();
            assert_eq!(framework_of(value), Ok(decoded), "{value}");
        }
    }

    #[test]
    fn framework_refuses_other_schemes_insecure_hosts_credentials_and_markup() {
        for value in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "data:application/json,1",
            "file:///etc/passwd",
            "blob:https://a.nl/x",
            "//evil.example/k.json",
            "https:evil.example/k.json",
            "about:blank",
        ] {
            assert_eq!(framework_of(value), Err(Reason::Scheme), "{value}");
        }
        assert_eq!(framework_of("http://kaders.example.nl/k.json"), Err(Reason::Insecure));
        assert_eq!(
            framework_of("https://me:secret@kaders.example.nl/k.json"),
            Err(Reason::Credentials)
        );
        assert_eq!(framework_of("https://kaders_x.nl/k.json"), Err(Reason::BadHost));
        assert_eq!(framework_of("https://kaders.nl:99999/k.json"), Err(Reason::BadPort));
        for value in [
            "k.json%3Cscript%3E",
            "%22%3E%3Cimg%3E",
            "k%20.json",
            "k.json%0A",
            "a\\b",
            "k.json%60",
            "https://a.nl/%7B%7D",
        ] {
            assert_eq!(framework_of(value), Err(Reason::BadCharacter), "{value}");
        }
        let long = format!("https://a.nl/{}", "k".repeat(MAX_FRAMEWORK_URL_CHARS));
        assert_eq!(framework_of(&long), Err(Reason::TooLong { limit: MAX_FRAMEWORK_URL_CHARS }));
    }

    #[test]
    fn presets_set_mode_and_student_number_of_a_new_assessment() {
        use crate::core::assessment::Assessment;
        use crate::core::framework::{Framework, DEFAULT_FRAMEWORK_JSON};
        let framework = Framework::from_json(DEFAULT_FRAMEWORK_JSON).unwrap();
        let mut assessment = Assessment::new(&framework);
        for action in config("mode=self&student=S-42&lang=en").presets() {
            assessment.apply(&framework, action).unwrap();
        }
        assert_eq!(assessment.metadata.mode, Mode::SelfAssessment);
        assert_eq!(assessment.metadata.student_number, "S-42");
        assert_eq!(config("lang=en").presets(), []);
    }
    #[test]
    fn instruction_is_plain_text_of_a_few_sentences() {
        let c = config(
            "instruction=Lever+het+bestand+in+bij+%E2%80%98Stage+2%E2%80%99+%26+mail+je+docent.",
        );
        assert_eq!(
            c.instruction.as_deref(),
            Some("Lever het bestand in bij ‘Stage 2’ & mail je docent.")
        );
        assert_eq!(config("instruction=++Opdracht+3++").instruction.as_deref(), Some("Opdracht 3"));
        assert_eq!(config("instruction=+++").instruction, None);
        for markup in ["%3Cb%3Evet%3C%2Fb%3E", "a%3Eb", "regel%0Aregel", "tab%09", "%7F"] {
            assert_eq!(
                problem(&format!("instruction={markup}")),
                UrlProblem { param: Param::Instruction, reason: Reason::BadCharacter },
                "{markup}"
            );
        }
        let longest = "é".repeat(MAX_INSTRUCTION_CHARS);
        let encoded = "%C3%A9".repeat(MAX_INSTRUCTION_CHARS);
        assert_eq!(config(&format!("instruction={encoded}")).instruction, Some(longest));
        assert_eq!(reason(&format!("instruction={encoded}e")), Reason::TooLong { limit: 300 });
        assert_eq!(reason("instruction=a&instruction=b"), Reason::Duplicate);
    }
}
