//! What the browser keeps and what users import: stored entries, backups and key files.
#![no_main]

use leeruitkomsten::core::library::backup_from_bytes;
use leeruitkomsten::core::library::saved;
use leeruitkomsten::core::crypto::signing_key::SigningKey;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = backup_from_bytes(data);
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(entry) = saved::from_json(text) {
            // What reads must write back to the same entry.
            let written = saved::to_json(&entry).expect("a read entry can be written");
            assert_eq!(saved::from_json(&written), Ok(entry));
        }
        let _ = saved::migrate_v1(text, "x", "2026-01-01T00:00:00Z");
        let _ = SigningKey::from_file_json(text);
    }
});
