//! Open Badges 3.0 baking (OB 3.0 §5.3): the signed credential carried inside the badge's SVG
//! image as `<openbadges:credential><![CDATA[ … ]]></openbadges:credential>`, so that the image
//! alone is the badge. Unbaking reads an SVG from anywhere, so it refuses what it cannot read with
//! a reason instead of guessing.

use serde_json::Value;

use crate::core::json;

/// The namespace OB 3.0 binds to the `openbadges` prefix in a baked SVG.
pub const OB_SVG_NAMESPACE: &str = "https://purl.imsglobal.org/ob/v3p0";
/// What an SVG badge may weigh before it is read: a credential is a few KB, the drawing less.
pub const SVG_LIMIT: usize = 1 << 20;

const OPEN: &str = "<openbadges:credential";
const CLOSE: &str = "</openbadges:credential>";

/// Escapes text for XML character data and attribute values.
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // XML 1.0 allows no other control characters, not even escaped.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// What the badge image shows: the outcome's code and short title, and the hogeschool.
pub struct BadgeImage<'a> {
    pub outcome_code: &'a str,
    pub outcome_title: &'a str,
    pub hogeschool: &'a str,
}

/// Splits `text` into at most `lines` lines of about `width` characters at spaces; what does not
/// fit ends in an ellipsis.
fn wrap(text: &str, width: usize, lines: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        if !current.is_empty() && current.chars().count() + 1 + word.chars().count() > width {
            out.push(std::mem::take(&mut current));
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(word);
    }
    if !current.is_empty() {
        out.push(current);
    }
    if out.len() > lines {
        out.truncate(lines);
        if let Some(last) = out.last_mut() {
            let kept: String = last.chars().take(width.saturating_sub(1)).collect();
            *last = format!("{}…", kept.trim_end());
        }
    }
    out
}

/// The credential as a CDATA section; a `]]>` inside it (possible in any text field) is split
/// over two sections so that it cannot end the section early.
fn cdata(text: &str) -> String {
    format!("<![CDATA[{}]]>", text.replace("]]>", "]]]]><![CDATA[>"))
}

/// Draws the badge and bakes `credential` into it.
pub fn bake(credential: &Value, image: &BadgeImage) -> String {
    let mut title = String::new();
    // Widths keep each line inside the ring at its height.
    for (i, line) in wrap(image.outcome_title, 22, 3).iter().enumerate() {
        title.push_str(&format!(
            "<text x=\"120\" y=\"{}\" font-size=\"14\">{}</text>\n",
            122 + i * 18,
            xml_escape(line)
        ));
    }
    let mut school = String::new();
    for (i, line) in wrap(image.hogeschool, 22, 2).iter().enumerate() {
        school.push_str(&format!(
            "<text x=\"120\" y=\"{}\" font-size=\"11\">{}</text>\n",
            182 + i * 14,
            xml_escape(line)
        ));
    }
    let label = format!("Deelcertificaat {}: {}", image.outcome_code, image.outcome_title);
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:openbadges=\"{OB_SVG_NAMESPACE}\" \
         width=\"240\" height=\"240\" viewBox=\"0 0 240 240\" role=\"img\" aria-label=\"{label}\">\n\
         <openbadges:credential>{credential}</openbadges:credential>\n\
         <title>{title_text}</title>\n\
         <circle cx=\"120\" cy=\"120\" r=\"116\" fill=\"#1d4f91\"/>\n\
         <circle cx=\"120\" cy=\"120\" r=\"104\" fill=\"#ffffff\"/>\n\
         <g fill=\"#1d4f91\" font-family=\"sans-serif\" text-anchor=\"middle\">\n\
         <text x=\"120\" y=\"62\" font-size=\"12\">DEELCERTIFICAAT</text>\n\
         <text x=\"120\" y=\"96\" font-size=\"26\" font-weight=\"bold\">{code}</text>\n\
         {title}{school}</g>\n</svg>\n",
        label = xml_escape(&label),
        credential = cdata(&credential.to_string()),
        title_text = xml_escape(&label),
        code = xml_escape(image.outcome_code),
    )
}

/// Why no credential could be read out of an SVG.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UnbakeError {
    TooLarge,
    NotUtf8,
    NotSvg,
    /// The SVG does not bind `openbadges` to the OB 3.0 namespace.
    NoNamespace,
    NoCredential,
    MoreThanOneCredential,
    /// A JWT credential (`verify` attribute): not a form this app issues or reads.
    Jwt,
    /// The element is not closed, or holds markup other than text and CDATA.
    Malformed,
    /// What it holds is not JSON.
    NotJson(String),
}

impl std::fmt::Display for UnbakeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            UnbakeError::TooLarge => write!(f, "the image is larger than a badge can be"),
            UnbakeError::NotUtf8 => write!(f, "the image is not UTF-8 text"),
            UnbakeError::NotSvg => write!(f, "the file is not an SVG image"),
            UnbakeError::NoNamespace => {
                write!(f, "the SVG does not declare the Open Badges namespace")
            }
            UnbakeError::NoCredential => write!(f, "the SVG holds no baked credential"),
            UnbakeError::MoreThanOneCredential => {
                write!(f, "the SVG holds more than one credential")
            }
            UnbakeError::Jwt => write!(f, "the SVG holds a JWT credential, which is not supported"),
            UnbakeError::Malformed => write!(f, "the baked credential is malformed"),
            UnbakeError::NotJson(why) => write!(f, "the baked credential is not JSON: {why}"),
        }
    }
}

/// Whether bytes look like an SVG rather than JSON: what chooses the reader for a dropped file.
pub fn looks_like_svg(bytes: &[u8]) -> bool {
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(bytes.len());
    bytes.get(start) == Some(&b'<')
}

/// Reads the credential baked into an SVG.
pub fn unbake(bytes: &[u8]) -> Result<Value, UnbakeError> {
    if bytes.len() > SVG_LIMIT {
        return Err(UnbakeError::TooLarge);
    }
    let svg = std::str::from_utf8(bytes).map_err(|_| UnbakeError::NotUtf8)?;
    if !svg.contains("<svg") {
        return Err(UnbakeError::NotSvg);
    }
    if !svg.contains(&format!("xmlns:openbadges=\"{OB_SVG_NAMESPACE}\""))
        && !svg.contains(&format!("xmlns:openbadges='{OB_SVG_NAMESPACE}'"))
    {
        return Err(UnbakeError::NoNamespace);
    }
    let start = svg.find(OPEN).ok_or(UnbakeError::NoCredential)?;
    let after_open = &svg[start + OPEN.len()..];
    if after_open[..].find(OPEN).is_some() {
        return Err(UnbakeError::MoreThanOneCredential);
    }
    let tag_end = after_open.find('>').ok_or(UnbakeError::Malformed)?;
    let attributes = &after_open[..tag_end];
    if attributes.contains("verify") {
        return Err(UnbakeError::Jwt);
    }
    if !attributes.trim().is_empty() || attributes.ends_with('/') {
        return Err(UnbakeError::Malformed);
    }
    let body_and_rest = &after_open[tag_end + 1..];
    let end = body_and_rest.find(CLOSE).ok_or(UnbakeError::Malformed)?;
    let text = character_data(&body_and_rest[..end])?;
    json::parse(&text, SVG_LIMIT).map_err(|e| UnbakeError::NotJson(e.to_string()))
}

/// The text of an element's content made of text and CDATA sections only, entities resolved.
fn character_data(mut body: &str) -> Result<String, UnbakeError> {
    let mut out = String::with_capacity(body.len());
    while !body.is_empty() {
        if let Some(rest) = body.strip_prefix("<![CDATA[") {
            let end = rest.find("]]>").ok_or(UnbakeError::Malformed)?;
            out.push_str(&rest[..end]);
            body = &rest[end + 3..];
        } else if body.starts_with('<') {
            return Err(UnbakeError::Malformed);
        } else {
            let end = body.find('<').unwrap_or(body.len());
            out.push_str(&resolve_entities(&body[..end])?);
            body = &body[end..];
        }
    }
    Ok(out)
}

fn resolve_entities(text: &str) -> Result<String, UnbakeError> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let semi = after.find(';').ok_or(UnbakeError::Malformed)?;
        let name = &after[..semi];
        let c = match name {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            _ => {
                let code = if let Some(hex) = name.strip_prefix("#x") {
                    u32::from_str_radix(hex, 16).ok()
                } else if let Some(dec) = name.strip_prefix('#') {
                    dec.parse().ok()
                } else {
                    None
                };
                code.and_then(char::from_u32).ok_or(UnbakeError::Malformed)?
            }
        };
        out.push(c);
        rest = &after[semi + 1..];
    }
    out.push_str(rest);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn image() -> BadgeImage<'static> {
        BadgeImage {
            outcome_code: "LU1",
            outcome_title: "Netwerken <& \"verbinden\">",
            hogeschool: "Hogeschool 'Noord' & Zuid",
        }
    }

    #[test]
    fn a_baked_credential_unbakes_to_the_same_value_even_with_cdata_ends_inside() {
        let credential = json!({"name": "a ]]> b", "x": [1, "<svg>"]});
        let svg = bake(&credential, &image());
        assert!(svg.contains("xmlns:openbadges=\"https://purl.imsglobal.org/ob/v3p0\""));
        assert_eq!(unbake(svg.as_bytes()), Ok(credential));
    }

    #[test]
    fn text_in_the_image_is_escaped() {
        let svg = bake(&json!({}), &image());
        assert!(svg.contains("Netwerken &lt;&amp; &quot;verbinden&quot;&gt;"));
        assert!(svg.contains(">Hogeschool &apos;Noord&apos; &amp;</text>"));
        assert!(svg.contains(">&quot;verbinden&quot;&gt;</text>"));
        assert!(!svg.contains("<& "));
    }

    #[test]
    fn long_titles_wrap_and_end_in_an_ellipsis() {
        let lines = wrap(&"woord ".repeat(40), 24, 3);
        assert_eq!(lines.len(), 3);
        assert!(lines.iter().all(|l| l.chars().count() <= 24));
        assert!(lines[2].ends_with('…'));
    }

    #[test]
    fn entity_encoded_content_is_read_too() {
        let svg = format!(
            "<svg xmlns:openbadges=\"{OB_SVG_NAMESPACE}\"><openbadges:credential>\
             {{&quot;a&quot;:&#x31;}}</openbadges:credential></svg>"
        );
        assert_eq!(unbake(svg.as_bytes()), Ok(json!({"a": 1})));
    }

    #[test]
    fn hostile_or_odd_svgs_get_a_reason() {
        let ns = format!("<svg xmlns:openbadges=\"{OB_SVG_NAMESPACE}\">");
        let cases: Vec<(Vec<u8>, UnbakeError)> = vec![
            (b"{\"a\":1}".to_vec(), UnbakeError::NotSvg),
            (vec![0xff, 0xfe, b'<'], UnbakeError::NotUtf8),
            (b"<svg></svg>".to_vec(), UnbakeError::NoNamespace),
            (format!("{ns}</svg>").into_bytes(), UnbakeError::NoCredential),
            (format!("{ns}<openbadges:credential>{{}}").into_bytes(), UnbakeError::Malformed),
            (
                format!("{ns}<openbadges:credential><![CDATA[{{}}</openbadges:credential>")
                    .into_bytes(),
                UnbakeError::Malformed,
            ),
            (
                format!("{ns}<openbadges:credential>&bogus;</openbadges:credential>").into_bytes(),
                UnbakeError::Malformed,
            ),
            (
                format!("{ns}<openbadges:credential>&#xD800;</openbadges:credential>").into_bytes(),
                UnbakeError::Malformed,
            ),
            (
                format!("{ns}<openbadges:credential><x/></openbadges:credential>").into_bytes(),
                UnbakeError::Malformed,
            ),
            (
                format!("{ns}<openbadges:credential verify=\"https://x\"/>").into_bytes(),
                UnbakeError::Jwt,
            ),
            (
                format!(
                    "{ns}<openbadges:credential>{{}}</openbadges:credential>\
                     <openbadges:credential>{{}}</openbadges:credential>"
                )
                .into_bytes(),
                UnbakeError::MoreThanOneCredential,
            ),
            (vec![b' '; SVG_LIMIT + 1], UnbakeError::TooLarge),
        ];
        for (bytes, expected) in cases {
            assert_eq!(unbake(&bytes), Err(expected), "{}", String::from_utf8_lossy(&bytes));
        }
        let not_json = format!("{ns}<openbadges:credential>nee</openbadges:credential>");
        assert!(matches!(unbake(not_json.as_bytes()), Err(UnbakeError::NotJson(_))));
    }

    #[test]
    fn svg_and_json_are_told_apart_by_their_first_character() {
        assert!(looks_like_svg(b"  \n<svg/>"));
        assert!(looks_like_svg(b"<?xml version=\"1.0\"?><svg/>"));
        assert!(!looks_like_svg(b" {\"a\": 1}"));
    }
}
