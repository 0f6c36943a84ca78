//! `examples/case-<framework-id>.json` is each built-in framework exactly as the app exports it as
//! a 1EdTech CASE 1.1 package. This test makes them afresh and fails when a file is not byte for
//! byte what the Rust code makes today, and checks that each imports back to the same framework.
//! `LEERUITKOMSTEN_BLESS=1 cargo test --test example_case` writes them anew.

#![cfg(not(target_arch = "wasm32"))]

use leeruitkomsten::core::framework::case;
use leeruitkomsten::core::framework::catalogue::BUILT_IN;
use leeruitkomsten::core::framework::source::framework_from_bytes;

#[test]
fn the_example_case_packages_are_what_the_app_makes() {
    for built_in in &BUILT_IN {
        let hashed = built_in.load().expect("built-in loads");
        let made = case::export_json(hashed.framework());
        let file = format!("{}/examples/case-{}.json", env!("CARGO_MANIFEST_DIR"), built_in.id);
        if std::env::var_os("LEERUITKOMSTEN_BLESS").is_some() {
            std::fs::write(&file, &made).expect("example written");
        }
        let committed = std::fs::read_to_string(&file).unwrap_or_default();
        assert!(
            committed == made,
            "{file} is not the package the app makes now; \
             run LEERUITKOMSTEN_BLESS=1 cargo test --test example_case and commit it"
        );
        let loaded = framework_from_bytes(committed.as_bytes()).expect("the example loads");
        assert_eq!(loaded.sha256(), hashed.sha256(), "{}", built_in.id);
    }
}
