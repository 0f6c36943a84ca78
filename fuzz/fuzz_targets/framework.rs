//! Framework files come from URLs and local files: loading any bytes must end in a framework or a
//! list of problems, never a panic.
#![no_main]

use leeruitkomsten::core::framework::hashed::HashedFramework;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(framework) = HashedFramework::from_json(text) {
            // A framework that loads has a hash and indicators that can be listed.
            assert_eq!(framework.sha256().len(), 64);
            let _ = framework.framework().indicators().count();
        }
    }
});
