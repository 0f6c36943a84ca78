//! The browser's clock. `std::time::SystemTime::now()` panics on wasm32, so times come from JS.

/// Today's date in the user's time zone as `YYYY-MM-DD`, the format of `<input type="date">`.
pub fn today() -> String {
    let now = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", now.get_full_year(), now.get_month() + 1, now.get_date())
}

/// Now as RFC 3339 in UTC with milliseconds, `2026-11-23T19:37:27.123Z`.
pub fn now_rfc3339() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}
