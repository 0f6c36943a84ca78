//! The browser's clock and random source: the core's [`Now`], read once per dispatch (random
//! bytes once per message).
//! (`std::time::SystemTime::now()` panics on wasm32, so times come from JS.)
//!
//! Every message reads them, a click on a score too, so each is one call into the browser where
//! it can be: the time is `Date.now()`, written out and turned into today's date by the core
//! (`core::zone`); the random bytes come from a pool filled a kilobyte at a time. Through date
//! objects, an ISO string and a fresh `getRandomValues` per message, reading them took about
//! 40 µs of a click's 0.8 ms; now about 12 µs (timed in the page with `performance.now()`).

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsValue;

use crate::core::app::{Entropy, Now, Zone};
use crate::core::zone::{rfc3339_utc, utc_minute, MINUTE_MS};

/// Milliseconds since 1970-01-01 UTC by the browser's clock.
fn clock_ms() -> i64 {
    // A clock that gives no number (it always does) reads as 1970 rather than stopping the page.
    let ms = js_sys::Date::now();
    if ms.is_finite() {
        ms as i64
    } else {
        0
    }
}

/// Now as RFC 3339 in UTC with milliseconds, `2026-11-23T19:37:27.123Z`.
pub fn now_rfc3339() -> String {
    rfc3339_utc(clock_ms())
}

/// The moment a message is handled, with fresh random bytes where the browser has a source.
pub fn now() -> Now {
    let ms = clock_ms();
    let zone = zone(utc_minute(ms));
    Now { time: rfc3339_utc(ms), today: zone.local_date(ms), zone, entropy: entropy() }
}

thread_local! {
    /// The zone, and the UTC minute its offset was last checked against the browser's.
    static ZONE: RefCell<Option<(i64, Rc<Zone>)>> = const { RefCell::new(None) };
    /// Random bytes fetched ahead; each is handed out once, and wiped as it is.
    static POOL: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// The user's time zone, learnt once: once a minute a message checks that the offset then is
/// still the one it gives (one call), and learns it anew when the device's zone was changed (a
/// trip abroad) with the page open.
fn zone(minute: i64) -> Rc<Zone> {
    ZONE.with(|kept| {
        let mut kept = kept.borrow_mut();
        match kept.as_ref() {
            Some((checked, zone)) if *checked == minute => zone.clone(),
            Some((_, zone)) if zone.offset_at(minute) == offset_at(minute) => {
                let zone = zone.clone();
                *kept = Some((minute, zone.clone()));
                zone
            }
            _ => {
                let zone = Rc::new(Zone::learn(minute, offset_at));
                *kept = Some((minute, zone.clone()));
                zone
            }
        }
    })
}

/// The offset at a UTC minute in minutes east of UTC. JS counts the other way (`-60` in
/// Amsterdam in winter); an offset is never more than a day, so the rounding cannot overflow.
fn offset_at(minute: i64) -> i32 {
    let date = js_sys::Date::new(&JsValue::from_f64(minute.saturating_mul(MINUTE_MS) as f64));
    let west = date.get_timezone_offset();
    if west.is_finite() && west.abs() < 1440.0 {
        -(west.round() as i32)
    } else {
        0
    }
}

/// Bytes fetched per call to `getRandomValues`: sixteen messages' worth.
const POOL_BYTES: usize = 1024;

pub fn entropy() -> Option<Entropy> {
    POOL.with(|pool| {
        let mut pool = pool.borrow_mut();
        if pool.len() < 64 {
            *pool = random_bytes()?;
        }
        let start = pool.len().checked_sub(64)?;
        let taken = pool.get_mut(start..)?;
        let mut bytes = [0u8; 64];
        bytes.copy_from_slice(taken);
        taken.fill(0);
        pool.truncate(start);
        // All zeros means the call did nothing; no real source returns that.
        (bytes != [0u8; 64]).then_some(Entropy(bytes))
    })
}

fn random_bytes() -> Option<Vec<u8>> {
    let crypto = web_sys::window()?.crypto().ok()?;
    let mut bytes = vec![0u8; POOL_BYTES];
    crypto.get_random_values_with_u8_array(&mut bytes).ok()?;
    Some(bytes)
}
