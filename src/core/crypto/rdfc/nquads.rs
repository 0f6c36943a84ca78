//! RDF terms and quads, read from RDF 1.1 N-Quads and written in the canonical N-Quads form.
//!
//! The canonical form is what RDFC-1.0 hashes and what a signature covers, so every code point
//! has exactly one spelling: IRIs are written as they are (no escapes), and in literals only
//! `"`, `\`, and the control characters are escaped — `\b \t \n \f \r \" \\` with ECHAR, the other
//! C0 controls and U+007F with UCHAR in upper-case hex. Escapes in the input are decoded, so
//! `"\u0041"` and `"A"` are the same literal, as RDF says they are.

use std::fmt;

pub const XSD_STRING: &str = "http://www.w3.org/2001/XMLSchema#string";
pub const RDF_LANG_STRING: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";

/// An RDF term. Blank nodes carry their label without the `_:` prefix.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Term {
    Iri(String),
    Blank(String),
    /// `datatype` is `rdf:langString` exactly when `language` is present, and `xsd:string` for a
    /// plain literal, so two spellings of one literal compare equal.
    Literal {
        value: String,
        datatype: String,
        language: Option<String>,
    },
}

impl Term {
    pub fn string(value: impl Into<String>) -> Term {
        Term::Literal { value: value.into(), datatype: XSD_STRING.to_string(), language: None }
    }

    pub fn blank_label(&self) -> Option<&str> {
        match self {
            Term::Blank(label) => Some(label),
            _ => None,
        }
    }
}

/// One statement; `graph` is `None` in the default graph.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Quad {
    pub subject: Term,
    pub predicate: Term,
    pub object: Term,
    pub graph: Option<Term>,
}

/// Why a text is not N-Quads. `line` counts from 1.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NQuadsError {
    pub line: usize,
    pub reason: &'static str,
}

impl fmt::Display for NQuadsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "N-Quads line {}: {}", self.line, self.reason)
    }
}

impl std::error::Error for NQuadsError {}

/// Reads an N-Quads document. Literals as subjects or predicates, and blank-node predicates, are
/// refused: they are not RDF.
pub fn parse(text: &str) -> Result<Vec<Quad>, NQuadsError> {
    let mut quads = Vec::new();
    for (index, line) in text.split(['\n', '\r']).enumerate() {
        let line_number = index + 1;
        let mut cursor = Cursor { chars: line.chars().collect(), at: 0 };
        cursor.skip_space();
        if cursor.done() {
            continue;
        }
        let fail = |reason| NQuadsError { line: line_number, reason };
        let subject = cursor.term().map_err(fail)?;
        if matches!(subject, Term::Literal { .. }) {
            return Err(fail("a literal cannot be a subject"));
        }
        let predicate = cursor.term().map_err(fail)?;
        if !matches!(predicate, Term::Iri(_)) {
            return Err(fail("a predicate must be an IRI"));
        }
        let object = cursor.term().map_err(fail)?;
        cursor.skip_space();
        let graph = if cursor.peek() == Some('.') {
            None
        } else {
            let graph = cursor.term().map_err(fail)?;
            if matches!(graph, Term::Literal { .. }) {
                return Err(fail("a literal cannot name a graph"));
            }
            Some(graph)
        };
        cursor.skip_space();
        if cursor.next() != Some('.') {
            return Err(fail("a statement must end with '.'"));
        }
        cursor.skip_space();
        if !cursor.done() {
            return Err(fail("unexpected text after '.'"));
        }
        quads.push(Quad { subject, predicate, object, graph });
    }
    Ok(quads)
}

struct Cursor {
    chars: Vec<char>,
    at: usize,
}

impl Cursor {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn next(&mut self) -> Option<char> {
        let c = self.peek();
        if c.is_some() {
            self.at += 1;
        }
        c
    }

    /// True at the end of the line or at a comment.
    fn done(&self) -> bool {
        matches!(self.peek(), None | Some('#'))
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(' ' | '\t')) {
            self.at += 1;
        }
    }

    fn term(&mut self) -> Result<Term, &'static str> {
        self.skip_space();
        match self.peek() {
            Some('<') => self.iri().map(Term::Iri),
            Some('_') => self.blank(),
            Some('"') => self.literal(),
            _ => Err("expected an IRI, a blank node or a literal"),
        }
    }

    fn iri(&mut self) -> Result<String, &'static str> {
        self.next();
        let mut iri = String::new();
        loop {
            match self.next() {
                None => return Err("an IRI is not closed with '>'"),
                Some('>') => break,
                Some('\\') => iri.push(self.uchar()?),
                Some(c) if c <= ' ' || "<\"{}|^`".contains(c) => {
                    return Err("an IRI contains a character that N-Quads forbids there")
                }
                Some(c) => iri.push(c),
            }
        }
        // N-Quads IRIs are absolute; a scheme is the least that says so.
        match iri.split_once(':') {
            Some((scheme, _)) if is_scheme(scheme) => Ok(iri),
            _ => Err("an IRI must be absolute"),
        }
    }

    fn blank(&mut self) -> Result<Term, &'static str> {
        self.next();
        if self.next() != Some(':') {
            return Err("a blank node label starts with '_:'");
        }
        let mut label = String::new();
        while let Some(c) = self.peek() {
            let allowed =
                c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '\u{B7}') || !c.is_ascii();
            if !allowed || c.is_whitespace() {
                break;
            }
            label.push(c);
            self.at += 1;
        }
        // A label cannot end in '.', which then is the end of the statement.
        while label.ends_with('.') {
            label.pop();
            self.at -= 1;
        }
        if label.is_empty() || label.starts_with(['-', '.']) {
            return Err("a blank node label is empty or starts with '-' or '.'");
        }
        Ok(Term::Blank(label))
    }

    fn literal(&mut self) -> Result<Term, &'static str> {
        self.next();
        let mut value = String::new();
        loop {
            match self.next() {
                None => return Err("a literal is not closed with '\"'"),
                Some('"') => break,
                Some('\\') => value.push(self.escape()?),
                Some(c) => value.push(c),
            }
        }
        match self.peek() {
            Some('@') => {
                self.next();
                let mut language = String::new();
                while let Some(c) = self.peek().filter(|c| c.is_ascii_alphanumeric() || *c == '-') {
                    language.push(c);
                    self.at += 1;
                }
                let valid = language.split('-').enumerate().all(|(i, part)| {
                    !part.is_empty() && (i > 0 || part.chars().all(|c| c.is_ascii_alphabetic()))
                });
                if !valid {
                    return Err("a language tag is malformed");
                }
                Ok(Term::Literal {
                    value,
                    datatype: RDF_LANG_STRING.to_string(),
                    language: Some(language),
                })
            }
            Some('^') => {
                self.next();
                if self.next() != Some('^') || self.peek() != Some('<') {
                    return Err("a datatype is written ^^<IRI>");
                }
                let datatype = self.iri()?;
                Ok(Term::Literal { value, datatype, language: None })
            }
            _ => Ok(Term::string(value)),
        }
    }

    fn escape(&mut self) -> Result<char, &'static str> {
        match self.peek() {
            Some('u' | 'U') => self.uchar(),
            Some(c) => {
                self.next();
                match c {
                    't' => Ok('\t'),
                    'b' => Ok('\u{8}'),
                    'n' => Ok('\n'),
                    'r' => Ok('\r'),
                    'f' => Ok('\u{C}'),
                    '"' | '\'' | '\\' => Ok(c),
                    _ => Err("an unknown escape sequence"),
                }
            }
            None => Err("a literal ends in '\\'"),
        }
    }

    /// Reads `uXXXX` or `UXXXXXXXX` after a backslash.
    fn uchar(&mut self) -> Result<char, &'static str> {
        let digits = match self.next() {
            Some('u') => 4,
            Some('U') => 8,
            _ => return Err("an unknown escape sequence"),
        };
        let mut code = 0u32;
        for _ in 0..digits {
            let digit =
                self.next().and_then(|c| c.to_digit(16)).ok_or("a \\u escape needs hex digits")?;
            code = code * 16 + digit;
        }
        char::from_u32(code).ok_or("a \\u escape names no Unicode scalar value")
    }
}

fn is_scheme(scheme: &str) -> bool {
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// Writes a term in canonical N-Quads form.
pub fn write_term(out: &mut String, term: &Term) {
    match term {
        Term::Iri(iri) => {
            out.push('<');
            out.push_str(iri);
            out.push('>');
        }
        Term::Blank(label) => {
            out.push_str("_:");
            out.push_str(label);
        }
        Term::Literal { value, datatype, language } => {
            out.push('"');
            for c in value.chars() {
                match c {
                    '\u{8}' => out.push_str("\\b"),
                    '\t' => out.push_str("\\t"),
                    '\n' => out.push_str("\\n"),
                    '\u{C}' => out.push_str("\\f"),
                    '\r' => out.push_str("\\r"),
                    '"' => out.push_str("\\\""),
                    '\\' => out.push_str("\\\\"),
                    '\u{0}'..='\u{1F}' | '\u{7F}' => {
                        out.push_str(&format!("\\u{:04X}", u32::from(c)))
                    }
                    c => out.push(c),
                }
            }
            out.push('"');
            if let Some(language) = language {
                out.push('@');
                out.push_str(language);
            } else if datatype != XSD_STRING {
                out.push_str("^^<");
                out.push_str(datatype);
                out.push('>');
            }
        }
    }
}

/// One quad as a canonical N-Quads line, newline included.
pub fn write_quad(quad: &Quad) -> String {
    let mut out = String::new();
    write_term(&mut out, &quad.subject);
    out.push(' ');
    write_term(&mut out, &quad.predicate);
    out.push(' ');
    write_term(&mut out, &quad.object);
    if let Some(graph) = &quad.graph {
        out.push(' ');
        write_term(&mut out, graph);
    }
    out.push_str(" .\n");
    out
}
