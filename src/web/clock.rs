//! The browser's clock and random source: the core's [`Now`], read once per dispatch (random
//! bytes once per message).
//! (`std::time::SystemTime::now()` panics on wasm32, so times come from JS.)

use crate::core::app::{Entropy, Now};

/// Today's date in the user's time zone as `YYYY-MM-DD`, the format of `<input type="date">`.
pub fn today() -> String {
    let now = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", now.get_full_year(), now.get_month() + 1, now.get_date())
}

/// Now as RFC 3339 in UTC with milliseconds, `2026-11-23T19:37:27.123Z`.
pub fn now_rfc3339() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// The moment a message is handled, with fresh random bytes where the browser has a source.
pub fn now() -> Now {
    Now { time: now_rfc3339(), today: today(), utc_offset: utc_offset(), entropy: entropy() }
}

/// The time zone now in minutes east of UTC. JS counts the other way (`-60` in Amsterdam in
/// winter); an offset is never more than a day, so the rounding cannot overflow.
fn utc_offset() -> i32 {
    let west = js_sys::Date::new_0().get_timezone_offset();
    if west.is_finite() && west.abs() < 1440.0 {
        -(west.round() as i32)
    } else {
        0
    }
}

pub fn entropy() -> Option<Entropy> {
    let crypto = web_sys::window()?.crypto().ok()?;
    let mut bytes = [0u8; 64];
    crypto.get_random_values_with_u8_array(&mut bytes).ok()?;
    // All zeros means the call did nothing; no real source returns that.
    (bytes != [0u8; 64]).then_some(Entropy(bytes))
}
