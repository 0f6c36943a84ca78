//! Records arrive from anyone: verifying any bytes must give a report, and a report without
//! problems must really hold a signature and a record.
#![no_main]

use std::sync::OnceLock;

use leeruitkomsten::core::record::{verify_record_bytes, HashedFramework};
use libfuzzer_sys::fuzz_target;

fn framework() -> &'static Option<HashedFramework> {
    static FRAMEWORK: OnceLock<Option<HashedFramework>> = OnceLock::new();
    FRAMEWORK.get_or_init(|| HashedFramework::default_framework().ok())
}

fuzz_target!(|data: &[u8]| {
    let frameworks: Vec<&HashedFramework> = framework().iter().collect();
    let report = verify_record_bytes(data, &frameworks);
    if report.problems.is_empty() {
        assert!(report.is_valid() == (report.proof.is_some() && report.record.is_some()));
    }
    let _ = report.assessment();
});
