//! RFC 8785: canonicalising must never panic, and canonicalising the parse of a canonical text
//! must give that text again.
#![no_main]

use leeruitkomsten::core::crypto::jcs;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(canonical) = jcs::canonicalize_str(text) else { return };
    let again = jcs::canonicalize_str(&canonical).expect("a canonical text parses");
    assert_eq!(again, canonical);
});
