//! The frameworks that come with the app. The 2026 learning outcomes are the default; the 2010
//! competence profile, with its norms for level C and D, is the other. The default is compiled
//! into every build. The 2010 profile is compiled into every build but the form's page (see
//! [`PROFILE_2010_JSON`]): there it is a file served next to the app, fetched the first time it
//! is chosen, held to the SHA-256 compiled in here, and kept by the service worker for offline
//! use.

use std::cell::RefCell;
use std::rc::Rc;

use crate::core::framework::hashed::HashedFramework;
use crate::core::framework::source::{framework_from_bytes, problems_of, LoadFailure};
use crate::core::framework::DEFAULT_FRAMEWORK_JSON;

/// The Competentieprofiel opbouwwerker (2010), without the indentation of its file (build.rs).
/// Left out of the form's page (a wasm32 build without `hogeschool`), which every link opens on
/// a tablet or a phone while most assessors never use the 2010 profile: its text is about 14 KB
/// of that page's gzip. The hogeschool's page, its verify workers, the command line and the
/// tests verify records of either framework without a network, so they keep it compiled in.
#[cfg(not(all(target_arch = "wasm32", not(feature = "hogeschool"))))]
pub const PROFILE_2010_JSON: Option<&str> =
    Some(include_str!(concat!(env!("OUT_DIR"), "/profile-2010.json")));
#[cfg(all(target_arch = "wasm32", not(feature = "hogeschool")))]
pub const PROFILE_2010_JSON: Option<&str> = None;

/// A framework that comes with the app. `id`, `title`, `version`, `indicators` and `sha256` are
/// the file's own, stated here so the start screen can offer the choice, and records and
/// invitations be matched, without the file at hand (a test holds them to the files).
#[derive(Debug, PartialEq, Eq)]
pub struct BuiltIn {
    pub id: &'static str,
    pub title: &'static str,
    pub version: &'static str,
    /// How many indicators it has, to show progress in the list without loading it.
    pub indicators: usize,
    /// The SHA-256 of its canonical form, as records name it (lowercase hex).
    pub sha256: &'static str,
    /// Where the file is served, relative to the page, for a build that fetches it.
    pub file: &'static str,
    /// The file's text where it is compiled in.
    json: Option<&'static str>,
}

thread_local! {
    /// The built-in frameworks fetched since the page opened, each checked against its
    /// `sha256`: from then on they are at hand as if compiled in. Never changed but by adding,
    /// and only with bytes of the one file each can be.
    static FETCHED: RefCell<Vec<(&'static str, Rc<HashedFramework>)>> = const { RefCell::new(Vec::new()) };
    /// Tests of the fetching paths: the frameworks fetched on demand act as left out.
    #[cfg(test)]
    static LEFT_OUT_FOR_TEST: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// In tests of this thread, the frameworks that the form's page fetches act as left out of the
/// build, as they are there.
#[cfg(test)]
pub fn leave_out_on_demand_for_test() {
    LEFT_OUT_FOR_TEST.with(|left_out| left_out.set(true));
}

impl BuiltIn {
    /// Through the same loader as a framework from a link or a file. A framework left out of this
    /// build and not fetched yet is [`LoadFailure::NotFetched`]: [`BuiltIn::accept`] it first.
    pub fn load(&self) -> Result<HashedFramework, LoadFailure> {
        if let Some(json) = self.compiled_in() {
            return HashedFramework::built_in(json, self.sha256)
                .map_err(|error| LoadFailure::Invalid(problems_of(error)));
        }
        let fetched = FETCHED.with(|fetched| {
            fetched.borrow().iter().find(|(id, _)| *id == self.id).map(|(_, hashed)| hashed.clone())
        });
        fetched.map(|hashed| (*hashed).clone()).ok_or(LoadFailure::NotFetched)
    }

    /// Whether [`BuiltIn::load`] can load it now, without a network.
    pub fn at_hand(&self) -> bool {
        self.compiled_in().is_some()
            || FETCHED.with(|fetched| fetched.borrow().iter().any(|(id, _)| *id == self.id))
    }

    /// The fetched bytes of this framework's file: checked like any framework file, and kept for
    /// the page's life only when they are exactly the file this build names by its SHA-256 (a
    /// server or proxy that answers with something else, or an older version, is refused).
    pub fn accept(&self, bytes: &[u8]) -> Result<HashedFramework, LoadFailure> {
        let hashed = framework_from_bytes(bytes)?;
        if hashed.sha256() != self.sha256 || hashed.framework().id != self.id {
            return Err(LoadFailure::NotTheFile);
        }
        if !self.at_hand() {
            FETCHED.with(|fetched| fetched.borrow_mut().push((self.id, Rc::new(hashed.clone()))));
        }
        Ok(hashed)
    }

    pub fn json(&self) -> Option<&'static str> {
        self.compiled_in()
    }

    fn compiled_in(&self) -> Option<&'static str> {
        #[cfg(test)]
        if self.json != Some(DEFAULT_FRAMEWORK_JSON) && LEFT_OUT_FOR_TEST.with(|l| l.get()) {
            return None;
        }
        self.json
    }
}

/// The framework a new assessment starts with.
pub const DEFAULT: BuiltIn = BuiltIn {
    id: "leeruitkomsten-opbouwwerk-2026",
    title: "Leeruitkomsten opbouwwerk",
    version: "2026-03",
    indicators: 42,
    sha256: "b09abe988f8fac1fced9c7352c3207d8de07549fd9cfa835890606c2a4c2e177",
    file: "frameworks/leeruitkomsten-opbouwwerk-2026.json",
    json: Some(DEFAULT_FRAMEWORK_JSON),
};

/// The default first.
pub const BUILT_IN: [BuiltIn; 2] = [
    DEFAULT,
    BuiltIn {
        id: "competentieprofiel-opbouwwerker-2010",
        title: "Competentieprofiel opbouwwerker",
        version: "2010",
        indicators: 150,
        sha256: "ef678d9279f0d9cfd5187c0b9fcea97940566443c468a3f02272a46a14ddb37f",
        file: "frameworks/competentieprofiel-opbouwwerker-2010.json",
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

/// Every built-in framework at hand (all of them, but where one is fetched on demand and was
/// not fetched yet).
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
            let compiled: serde_json::Value =
                serde_json::from_str(built_in.json().unwrap()).unwrap();
            let source: serde_json::Value = serde_json::from_str(file).unwrap();
            assert_eq!(compiled, source, "{}", built_in.id);
            let of_file = HashedFramework::from_json(file).unwrap();
            assert_eq!(built_in.load().unwrap().sha256(), of_file.sha256());
            // What a build that fetches the file holds it to.
            assert_eq!(built_in.sha256, of_file.sha256(), "{}", built_in.id);
            assert_eq!(format!("frameworks/{}.json", built_in.id), built_in.file);
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

    #[test]
    fn a_framework_left_out_loads_only_once_its_own_file_was_accepted() {
        leave_out_on_demand_for_test();
        let (default, profile) = (&BUILT_IN[0], &BUILT_IN[1]);
        assert!(default.at_hand());
        assert!(!profile.at_hand());
        assert_eq!(profile.load(), Err(LoadFailure::NotFetched));
        assert_eq!(load_all().len(), 1);
        let file = include_str!("../../../frameworks/competentieprofiel-opbouwwerker-2010.json");
        // Another framework, or the same one changed by a single value, is not this file.
        let default_file = include_str!("../../../frameworks/leeruitkomsten-opbouwwerk-2026.json");
        assert_eq!(profile.accept(default_file.as_bytes()), Err(LoadFailure::NotTheFile));
        let changed = file.replacen("\"2010\"", "\"2011\"", 1);
        assert_ne!(changed, file);
        assert!(profile.accept(changed.as_bytes()).is_err());
        assert!(matches!(profile.accept(b"<html>offline</html>"), Err(LoadFailure::Invalid(_))));
        assert!(!profile.at_hand());
        // Indentation is not content: the file as served is the file.
        let accepted = profile.accept(file.as_bytes()).unwrap();
        assert_eq!(accepted.sha256(), profile.sha256);
        assert!(profile.at_hand());
        assert_eq!(profile.load().unwrap(), accepted);
        assert_eq!(load_all().len(), 2);
    }
}
