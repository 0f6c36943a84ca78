//! The messages the app sends to the page that embeds it, as JSON text (README: Embedding documents
//! each one). They go only to the origin the link names in `parentOrigin`; the app listens to no
//! message, so nothing another page sends can change it.

/// Raised when a message changes in a way an embedding page would notice.
pub const PROTOCOL: u32 = 1;

pub const READY: &str = "leeruitkomsten:ready";
pub const RESIZE: &str = "leeruitkomsten:resize";
pub const RECORD: &str = "leeruitkomsten:record";

/// Sent once, after the app's first render.
pub fn ready_message() -> String {
    // Written by hand: `serde_json::Value` would bring its float formatting into the app, which is
    // large in wasm and needed nowhere else.
    format!(r#"{{"type":"{READY}","protocol":{PROTOCOL}}}"#)
}

/// Sent whenever the height of the app's content changes, in CSS pixels.
pub fn resize_message(height: u32) -> String {
    format!(r#"{{"type":"{RESIZE}","height":{height}}}"#)
}

/// Sent after signing. The record goes as the text of the file the user downloads, byte for byte,
/// rather than as an object: a parsed object would lose what a strict verifier checks in the text
/// (a member name given twice), and the embedding page can keep exactly what was signed.
pub fn record_message(record_json: &str) -> String {
    // A string always serializes; the fallback only keeps this free of a panic.
    let text = serde_json::to_string(record_json).unwrap_or_else(|_| "\"\"".into());
    format!(r#"{{"type":"{RECORD}","recordJson":{text}}}"#)
}

/// A measured height in whole CSS pixels, rounded up so that the last line is never cut off.
/// Whatever the browser measures, the number sent is a sane one.
pub fn whole_pixels(height: f64) -> u32 {
    if height.is_nan() || height <= 0.0 {
        0
    } else if height >= 1_000_000.0 {
        1_000_000
    } else {
        // In range, so the conversion cannot saturate.
        height.ceil() as u32
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    fn parsed(text: &str) -> Value {
        serde_json::from_str(text).unwrap()
    }

    #[test]
    fn messages_are_the_documented_json() {
        assert_eq!(
            parsed(&ready_message()),
            json!({ "type": "leeruitkomsten:ready", "protocol": 1 })
        );
        assert_eq!(
            parsed(&resize_message(1234)),
            json!({ "type": "leeruitkomsten:resize", "height": 1234 })
        );
    }

    #[test]
    fn the_record_travels_as_its_exact_text() {
        let record = "{\"type\":\"LeeruitkomstenAssessmentRecord\",\n \"a\":\"</script>\u{2028}\"}";
        let message = parsed(&record_message(record));
        assert_eq!(message["type"], "leeruitkomsten:record");
        assert_eq!(message["recordJson"].as_str(), Some(record));
        assert_eq!(message.as_object().map(|m| m.len()), Some(2));
    }

    #[test]
    fn heights_are_whole_sane_pixels() {
        assert_eq!(whole_pixels(812.2), 813);
        assert_eq!(whole_pixels(812.0), 812);
        assert_eq!(whole_pixels(0.0), 0);
        assert_eq!(whole_pixels(-5.0), 0);
        assert_eq!(whole_pixels(f64::NAN), 0);
        assert_eq!(whole_pixels(f64::INFINITY), 1_000_000);
        assert_eq!(whole_pixels(1e12), 1_000_000);
    }
}
