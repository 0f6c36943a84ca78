//! Times as the interface shows them.

/// `2026-11-23T19:37:27.123Z` as `2026-11-23 19:37`.
pub fn readable_time(rfc3339: &str) -> String {
    match (rfc3339.get(..10), rfc3339.get(11..16)) {
        (Some(date), Some(time)) => format!("{date} {time}"),
        _ => rfc3339.to_string(),
    }
}
