//! The browser's clock. `std::time::SystemTime::now()` panics on wasm32, so dates come from JS.

/// Today's date in the user's time zone as `YYYY-MM-DD`, the format of `<input type="date">`.
pub fn today() -> String {
    let now = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", now.get_full_year(), now.get_month() + 1, now.get_date())
}
