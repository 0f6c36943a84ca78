//! The browser's clock and random source: the core's [`Now`], read once per dispatch (random
//! bytes once per message).
//! (`std::time::SystemTime::now()` panics on wasm32, so times come from JS.)

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsValue;

use crate::core::app::{Entropy, Now, Zone};

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
    Now { time: now_rfc3339(), today: today(), zone: zone(), entropy: entropy() }
}

thread_local! {
    static ZONE: RefCell<Option<Rc<Zone>>> = const { RefCell::new(None) };
}

const MINUTE_MS: f64 = 60_000.0;

/// The user's time zone, learnt once: every message only checks that the offset now is still
/// the one it gives (one call, as reading the offset always took), and learns it anew when the
/// device's zone was changed (a trip abroad) with the page open.
fn zone() -> Rc<Zone> {
    let minute = (js_sys::Date::now() / MINUTE_MS).floor() as i64;
    let offset = offset_at(minute);
    ZONE.with(|kept| {
        let mut kept = kept.borrow_mut();
        match kept.as_ref() {
            Some(zone) if zone.offset_at(minute) == offset => zone.clone(),
            _ => {
                let zone = Rc::new(Zone::learn(minute, offset_at));
                *kept = Some(zone.clone());
                zone
            }
        }
    })
}

/// The offset at a UTC minute in minutes east of UTC. JS counts the other way (`-60` in
/// Amsterdam in winter); an offset is never more than a day, so the rounding cannot overflow.
fn offset_at(utc_minute: i64) -> i32 {
    let date = js_sys::Date::new(&JsValue::from_f64(utc_minute as f64 * MINUTE_MS));
    let west = date.get_timezone_offset();
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
