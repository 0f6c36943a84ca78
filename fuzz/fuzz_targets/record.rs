//! Records arrive from anyone: verifying any bytes must give a report, and a report without
//! problems must really hold a signature and a record.
#![no_main]

use leeruitkomsten::core::record::verify_record_bytes;
use leeruitkomsten::core::framework::hashed::HashedFramework;
use libfuzzer_sys::fuzz_target;

thread_local! {
    // Loaded once: hashing the framework on every input would slow the fuzzer down tenfold.
    static FRAMEWORK: Option<HashedFramework> = HashedFramework::default_framework().ok();
}

fuzz_target!(|data: &[u8]| {
    let report = FRAMEWORK.with(|framework| {
        let frameworks: Vec<&HashedFramework> = framework.iter().collect();
        verify_record_bytes(data, &frameworks)
    });
    if report.problems.is_empty() {
        assert!(report.is_valid() == (report.proof.is_some() && report.record.is_some()));
    }
    let _ = report.assessment();
});
