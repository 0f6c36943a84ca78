//! The frameworks that come with the app. The 2026 learning outcomes are the default; the 2010
//! competence profile, with its norms for level C and D, is the other. Both are compiled in, so
//! that an assessment against either opens offline and records of either verify anywhere.

use crate::core::framework::hashed::HashedFramework;
use crate::core::framework::source::{framework_from_bytes, LoadFailure};
use crate::core::framework::DEFAULT_FRAMEWORK_JSON;

/// The Competentieprofiel opbouwwerker (2010), without the indentation of its file (build.rs).
pub const PROFILE_2010_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/profile-2010.json"));

/// A framework that comes with the app. `id` and `title` are the file's own, stated here so the
/// start screen can offer the choice without parsing every file first.
#[derive(Debug, PartialEq, Eq)]
pub struct BuiltIn {
    pub id: &'static str,
    pub title: &'static str,
    pub version: &'static str,
    /// How many indicators it has, to show progress in the list without loading it.
    pub indicators: usize,
    json: &'static str,
}

impl BuiltIn {
    /// Through the same loader as a framework from a link or a file.
    pub fn load(&self) -> Result<HashedFramework, LoadFailure> {
        framework_from_bytes(self.json.as_bytes())
    }

    pub fn json(&self) -> &'static str {
        self.json
    }
}

/// The default first.
pub const BUILT_IN: [BuiltIn; 2] = [
    BuiltIn {
        id: "leeruitkomsten-opbouwwerk-2026",
        title: "Leeruitkomsten opbouwwerk",
        version: "2026-03",
        indicators: 42,
        json: DEFAULT_FRAMEWORK_JSON,
    },
    BuiltIn {
        id: "competentieprofiel-opbouwwerker-2010",
        title: "Competentieprofiel opbouwwerker",
        version: "2010",
        indicators: 150,
        json: PROFILE_2010_JSON,
    },
];

pub fn built_in(id: &str) -> Option<&'static BuiltIn> {
    BUILT_IN.iter().find(|b| b.id == id)
}

/// The built-in framework of this id and version.
pub fn built_in_version(id: &str, version: &str) -> Option<&'static BuiltIn> {
    built_in(id).filter(|b| b.version == version)
}

/// Every built-in framework that loads (all do; the tests see to that).
pub fn load_all() -> Vec<HashedFramework> {
    BUILT_IN.iter().filter_map(|b| b.load().ok()).collect()
}

/// The framework in use and every built-in one besides: what a record from elsewhere may belong
/// to. The one in use comes first, so that it is the one a record of its id and version is held to.
pub fn with_built_ins(active: &HashedFramework) -> Vec<HashedFramework> {
    let mut all = vec![active.clone()];
    all.extend(load_all().into_iter().filter(|b| b.sha256() != active.sha256()));
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_built_in_loads_and_states_its_own_id_title_and_version() {
        for built_in in &BUILT_IN {
            let hashed = built_in.load().unwrap();
            let framework = hashed.framework();
            assert_eq!(framework.id, built_in.id);
            assert_eq!(framework.title, built_in.title);
            assert_eq!(framework.version, built_in.version);
            assert_eq!(framework.indicator_count(), built_in.indicators);
        }
        assert_eq!(load_all().len(), BUILT_IN.len());
    }

    #[test]
    fn the_built_ins_are_the_files_in_frameworks() {
        for (built_in, file) in BUILT_IN.iter().zip([
            include_str!("../../../frameworks/leeruitkomsten-opbouwwerk-2026.json"),
            include_str!("../../../frameworks/competentieprofiel-opbouwwerker-2010.json"),
        ]) {
            let compiled: serde_json::Value = serde_json::from_str(built_in.json()).unwrap();
            let source: serde_json::Value = serde_json::from_str(file).unwrap();
            assert_eq!(compiled, source, "{}", built_in.id);
            assert_eq!(
                built_in.load().unwrap().sha256(),
                HashedFramework::from_json(file).unwrap().sha256()
            );
        }
    }

    #[test]
    fn a_record_may_belong_to_the_framework_in_use_or_any_built_in_one() {
        let default = BUILT_IN[0].load().unwrap();
        let ids = |all: Vec<HashedFramework>| -> Vec<String> {
            all.iter().map(|f| f.framework().id.clone()).collect()
        };
        assert_eq!(ids(with_built_ins(&default)), [BUILT_IN[0].id, BUILT_IN[1].id]);
        let profile = BUILT_IN[1].load().unwrap();
        assert_eq!(ids(with_built_ins(&profile)), [BUILT_IN[1].id, BUILT_IN[0].id]);
    }

    #[test]
    fn only_the_2010_profile_has_norms() {
        assert!(built_in(BUILT_IN[0].id).unwrap().load().unwrap().framework().norms.is_none());
        let profile = built_in("competentieprofiel-opbouwwerker-2010").unwrap().load().unwrap();
        let levels: Vec<&str> = profile
            .framework()
            .norms
            .as_ref()
            .unwrap()
            .levels
            .iter()
            .map(|l| l.id.as_str())
            .collect();
        assert_eq!(levels, ["C", "D"]);
        assert_eq!(built_in("ander-kader"), None);
    }
}
