//! Which framework the form scores against: the built-in one, another built-in one that an
//! assessment belongs to, or one from a file; and what opens when it changes.

use std::rc::Rc;

use super::form;
use super::pages::Page;
use super::{DownloadPurpose, Effect, FileReadError, Model, Now, View};
use crate::core::framework::case;
use crate::core::framework::catalogue::{self, BuiltIn};
use crate::core::framework::hashed::HashedFramework;
use crate::core::framework::source::{framework_from_bytes, FrameworkSource, LoadFailure};
use crate::core::library::saved::SavedEntry;

/// Back to the framework the app opens with.
pub(super) fn use_built_in(model: &mut Model, now: &Now) -> Vec<Effect> {
    match catalogue::BUILT_IN.first().map(BuiltIn::load) {
        Some(Ok(hashed)) => {
            switch(model, hashed, FrameworkSource::BuiltIn);
            reopen(model, now)
        }
        _ => Vec::new(),
    }
}

/// A framework file was read: checked like any other, it replaces the one in use.
pub(super) fn file_read(
    model: &mut Model,
    name: String,
    read: Result<Vec<u8>, FileReadError>,
    now: &Now,
) -> Vec<Effect> {
    let loaded = match read {
        Ok(bytes) => framework_from_bytes(&bytes),
        Err(FileReadError::TooLarge { .. }) => Err(LoadFailure::TooLarge),
        Err(FileReadError::Unreadable) => Err(LoadFailure::Unreadable),
    };
    match loaded {
        Ok(hashed) => {
            switch(model, hashed, FrameworkSource::File(name));
            reopen(model, now)
        }
        Err(failure) => {
            model.framework_failure = Some(Rc::new(failure));
            Vec::new()
        }
    }
}

/// The framework in use as a CASE package, named by its id: the hogeschool publishes it to other
/// systems, and the app loads such a file again as a framework.
pub(super) fn export_case(model: &mut Model) -> Vec<Effect> {
    model.case_download_failed = false;
    let framework = model.framework.framework();
    vec![Effect::Download {
        name: format!("{}-case.json", framework.id),
        mime: "application/json",
        text: case::export_json(framework).into(),
        purpose: DownloadPurpose::Case,
    }]
}

pub(super) fn case_downloaded(model: &mut Model, ok: bool) -> Vec<Effect> {
    model.case_download_failed = !ok;
    Vec::new()
}

/// A built-in framework being fetched (`Effect::FetchBuiltIn`), and what opens when it is here.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fetching {
    pub id: &'static str,
    pub then: AfterFetch,
}

/// What waits for a built-in framework being fetched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AfterFetch {
    /// A new assessment in it.
    New,
    /// The saved assessment of this id, made in it.
    Open(String),
    /// The invitation of a link (its fragment), which names it: read and checked again.
    Invitation(Rc<str>),
}

/// Why a built-in framework fetched on first use did not open; what waited for it did not
/// happen, and nothing was changed or lost.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FetchFailure {
    pub title: &'static str,
    pub failure: LoadFailure,
}

/// `built_in` loaded, or, where this build fetches it and it is not here yet, the fetch that
/// brings it, with `then` to follow on its arrival.
pub(super) fn at_hand_or_fetch(
    model: &mut Model,
    built_in: &'static BuiltIn,
    then: AfterFetch,
) -> Result<HashedFramework, Vec<Effect>> {
    model.library.fetch_failure = None;
    match built_in.load() {
        Ok(hashed) => Ok(hashed),
        Err(LoadFailure::NotFetched) => {
            // A second request while the first is on its way changes only what follows it.
            let underway = model.library.fetching.as_ref().is_some_and(|f| f.id == built_in.id);
            model.library.fetching = Some(Fetching { id: built_in.id, then });
            Err(if underway { Vec::new() } else { vec![Effect::FetchBuiltIn(built_in)] })
        }
        Err(failure) => {
            model.library.fetch_failure = Some(FetchFailure { title: built_in.title, failure });
            Err(Vec::new())
        }
    }
}

/// A built-in framework's file arrived (or did not): accepted only as exactly the file this build
/// names, after which what waited for it happens. On failure the start screen says why, and the
/// assessment that waited stays as it was, stored.
pub(super) fn built_in_fetched(
    model: &mut Model,
    id: &'static str,
    result: Result<Vec<u8>, LoadFailure>,
    now: &Now,
) -> Vec<Effect> {
    let Some(fetching) = model.library.fetching.take_if(|f| f.id == id) else { return Vec::new() };
    let Some(built_in) = catalogue::built_in(id) else { return Vec::new() };
    if let Err(failure) = result.and_then(|bytes| built_in.accept(&bytes)) {
        model.library.fetch_failure = Some(FetchFailure { title: built_in.title, failure });
        model.view = View::Library;
        return Vec::new();
    }
    match fetching.then {
        AfterFetch::New => new_in(model, id, now),
        AfterFetch::Open(entry_id) => {
            let entry = model.library.entries().find(|e| e.id == entry_id).cloned();
            match entry {
                Some(entry) => open_in_own(model, entry),
                None => vec![Effect::List],
            }
        }
        AfterFetch::Invitation(fragment) => super::invite::reopen(model, &fragment, now),
    }
}

/// Opens `entry` in the framework it was made in: a built-in one, or one a link here named.
pub(super) fn open_in_own(model: &mut Model, entry: SavedEntry) -> Vec<Effect> {
    let Some(built_in) = entry.assessment.built_in_framework() else {
        // Of a framework a link named here: the page starts again with that link's framework.
        return match model.library.link_address(&entry) {
            Some(address) => {
                vec![Effect::SetOpen(entry.id.clone()), Effect::ReopenWithFramework(address.into())]
            }
            None => Vec::new(),
        };
    };
    let hashed = match at_hand_or_fetch(model, built_in, AfterFetch::Open(entry.id.clone())) {
        Ok(hashed) => hashed,
        Err(effects) => return effects,
    };
    switch(model, hashed, FrameworkSource::BuiltIn);
    model.view = View::Assess;
    form::open(model, entry, false)
}

/// Starts a new assessment in the built-in framework of this id.
pub(super) fn new_in(model: &mut Model, id: &str, now: &Now) -> Vec<Effect> {
    let Some(built_in) = catalogue::built_in(id) else { return Vec::new() };
    let hashed = match at_hand_or_fetch(model, built_in, AfterFetch::New) {
        Ok(hashed) => hashed,
        Err(effects) => return effects,
    };
    switch(model, hashed, FrameworkSource::BuiltIn);
    model.view = View::Assess;
    let previous = &model.open.assessment.metadata;
    let entry = form::fresh_entry_after(&model.framework, &model.presets, now, previous);
    form::open(model, entry, true)
}

/// Uses the built-in framework an invitation names.
pub(super) fn use_framework(model: &mut Model, hashed: HashedFramework) {
    switch(model, hashed, FrameworkSource::BuiltIn);
}

fn switch(model: &mut Model, hashed: HashedFramework, source: FrameworkSource) {
    model.library.new_in = hashed.framework().id.clone();
    model.framework = Rc::new(hashed);
    model.source = source;
    model.framework_failure = None;
}

/// After a switch: a new assessment in the new framework, stored with its first change; on the
/// form's page, the start screen where there are assessments of it to choose from, else the form.
fn reopen(model: &mut Model, now: &Now) -> Vec<Effect> {
    // The hogeschool's page switches frameworks for its own views (verify, compare, invite) and
    // stays where it is: the form's page, being another page, would start with its own.
    if Page::HERE == Page::Form {
        let has_own = model.library.entries().any(|e| form::belongs(e, &model.framework));
        model.view = if has_own { View::Library } else { View::Assess };
    }
    let entry = form::fresh_entry(&model.framework, &model.presets, now);
    form::show_unsaved(model, entry);
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::app::{update, KeyStatus, Msg, Startup};
    use crate::core::assessment::Assessment;
    use crate::core::framework::catalogue::{leave_out_on_demand_for_test, BUILT_IN};
    use crate::core::library::Listed;
    use crate::i18n::Lang;

    const PROFILE: &str = "competentieprofiel-opbouwwerker-2010";
    const PROFILE_FILE: &str =
        include_str!("../../../frameworks/competentieprofiel-opbouwwerker-2010.json");

    fn now() -> Now {
        Now {
            time: "2026-12-06T11:00:00.000Z".into(),
            today: "2026-12-06".into(),
            zone: Rc::new(crate::core::zone::Zone::fixed(60)),
            entropy: None,
        }
    }

    /// The form's page as it starts: the 2010 profile left out, `listed` stored.
    fn start(listed: Vec<Listed>) -> Model {
        leave_out_on_demand_for_test();
        let startup = Startup {
            lang: Lang::Nl,
            listing: Ok(listed),
            open_id: None,
            migration_failed: false,
            journal_kept_apart: false,
            key: KeyStatus::None,
            key_ring: Default::default(),
            presets: Vec::new(),
            instruction: None,
            can_share: false,
            source: FrameworkSource::BuiltIn,
            link_failure: None,
        };
        let default = BUILT_IN[0].load().unwrap();
        Model::start(Rc::new(default), startup, &now())
    }

    fn fetched(result: Result<Vec<u8>, LoadFailure>) -> Msg {
        Msg::BuiltInFetched { id: PROFILE, result }
    }

    #[test]
    fn a_new_assessment_in_a_framework_left_out_waits_for_its_file_and_opens_only_that_file() {
        let mut model = start(Vec::new());
        update(&mut model, Msg::ChooseNewIn(PROFILE.into()), &now());
        let effects = update(&mut model, Msg::NewAssessment, &now());
        assert_eq!(effects, vec![Effect::FetchBuiltIn(&BUILT_IN[1])]);
        assert_eq!(model.library.fetching, Some(Fetching { id: PROFILE, then: AfterFetch::New }));
        // A second press while it is on its way fetches nothing more.
        assert_eq!(update(&mut model, Msg::NewAssessment, &now()), vec![]);

        // Unreachable: said so on the start screen; the form keeps its framework.
        update(&mut model, fetched(Err(LoadFailure::Network)), &now());
        assert_eq!(model.library.fetching, None);
        let failure = FetchFailure { title: BUILT_IN[1].title, failure: LoadFailure::Network };
        assert_eq!(model.library.fetch_failure, Some(failure));
        assert_eq!(model.view, View::Library);
        assert_eq!(model.framework.framework().id, BUILT_IN[0].id);

        // Another file than the one this build names is refused.
        assert_eq!(update(&mut model, Msg::NewAssessment, &now()).len(), 1);
        assert_eq!(model.library.fetch_failure, None, "a new try clears the last failure");
        let other = BUILT_IN[0].json().unwrap().as_bytes().to_vec();
        update(&mut model, fetched(Ok(other)), &now());
        assert!(matches!(
            model.library.fetch_failure,
            Some(FetchFailure { failure: LoadFailure::NotTheFile, .. })
        ));
        assert_eq!(model.framework.framework().id, BUILT_IN[0].id);

        // The file itself: the new assessment opens in it.
        update(&mut model, Msg::NewAssessment, &now());
        update(&mut model, fetched(Ok(PROFILE_FILE.as_bytes().to_vec())), &now());
        assert_eq!(model.library.fetch_failure, None);
        assert_eq!(model.framework.framework().id, PROFILE);
        assert_eq!(model.open.assessment.framework_id, PROFILE);
        assert_eq!(model.view, View::Assess);
        // From now on it is at hand: back and forth needs no fetch.
        update(&mut model, Msg::ChooseNewIn(BUILT_IN[0].id.into()), &now());
        update(&mut model, Msg::NewAssessment, &now());
        update(&mut model, Msg::ChooseNewIn(PROFILE.into()), &now());
        assert!(!update(&mut model, Msg::NewAssessment, &now())
            .iter()
            .any(|e| matches!(e, Effect::FetchBuiltIn(_))));
        assert_eq!(model.framework.framework().id, PROFILE);
    }

    #[test]
    fn a_draft_of_a_framework_left_out_opens_after_its_file_came_and_stays_when_it_did_not() {
        let profile = HashedFramework::from_json(PROFILE_FILE).unwrap();
        let draft = SavedEntry {
            id: "draft-2010".into(),
            updated: "2026-12-05T10:00:00.000Z".into(),
            assessment: Assessment::new(profile.framework()),
        };
        let mut model = start(vec![Listed::Entry(draft.clone())]);
        update(&mut model, Msg::Show(View::Library), &now());
        let effects = update(&mut model, Msg::OpenEntry(draft.id.clone()), &now());
        assert_eq!(effects, vec![Effect::FetchBuiltIn(&BUILT_IN[1])]);
        update(&mut model, fetched(Err(LoadFailure::Timeout)), &now());
        assert!(model.library.fetch_failure.is_some());
        assert_eq!(model.view, View::Library);
        assert_eq!(model.library.entries().collect::<Vec<_>>(), vec![&draft], "kept as it was");

        update(&mut model, Msg::OpenEntry(draft.id.clone()), &now());
        update(&mut model, fetched(Ok(PROFILE_FILE.as_bytes().to_vec())), &now());
        assert_eq!(model.view, View::Assess);
        assert_eq!(&*model.open.id, "draft-2010");
        assert_eq!(model.framework.sha256(), profile.sha256());
    }

    #[test]
    fn an_answer_nobody_waits_for_changes_nothing() {
        let mut model = start(Vec::new());
        let before = model.clone();
        update(&mut model, fetched(Ok(PROFILE_FILE.as_bytes().to_vec())), &now());
        assert_eq!(model, before);
    }

    #[test]
    fn an_invitation_naming_a_framework_left_out_opens_once_its_file_came() {
        use crate::core::app::{CheckPurpose, InviteMsg};
        use crate::core::assessment::Mode;
        use crate::core::credentials::invitation::Invitation;
        use crate::core::crypto::signing_key::SigningKey;
        use crate::core::record::shape::FrameworkInfo;

        let profile = HashedFramework::from_json(PROFILE_FILE).unwrap();
        let invitation = Invitation {
            student_name: "Daan Smit".into(),
            student_number: "500812345".into(),
            framework: FrameworkInfo {
                id: PROFILE.into(),
                version: "2010".into(),
                sha256: profile.sha256().into(),
            },
            mode: Mode::Assessor,
            assessor_name: "Maria de Oliveira".into(),
            assessor_email: "maria@buurtwerk.example".into(),
            due_date: "2026-12-29".into(),
            host_origin: None,
        };
        let time = "2026-12-01T09:00:00.000Z";
        let key = SigningKey::from_seed([7; 32], time);
        let signed = invitation.sign(
            "Docent",
            &key,
            "3f2b8c1e-5d4a-4b6f-9e8d-7c6b5a4f3e2d",
            time,
            &crate::core::zone::Zone::fixed(60),
        );
        let fragment = signed.unwrap().fragment();
        let checked = Msg::SignatureChecked {
            purpose: CheckPurpose::Invitation(fragment.as_str().into()),
            result: Ok(true),
        };

        let mut model = start(Vec::new());
        let effects = update(&mut model, Msg::Invite(InviteMsg::Open(fragment.clone())), &now());
        assert!(matches!(effects.as_slice(), [Effect::CheckSignature { .. }]));
        // The signature holds; the framework it names is fetched before anything opens.
        let effects = update(&mut model, checked.clone(), &now());
        assert_eq!(effects, vec![Effect::FetchBuiltIn(&BUILT_IN[1])]);
        assert_eq!(model.invitation_notice, None);
        assert_eq!(model.framework.framework().id, BUILT_IN[0].id);
        // Once it came, the invitation is read and checked again, and opens in it.
        let effects = update(&mut model, fetched(Ok(PROFILE_FILE.as_bytes().to_vec())), &now());
        assert!(matches!(effects.as_slice(), [Effect::CheckSignature { .. }]));
        update(&mut model, checked, &now());
        assert_eq!(model.framework.framework().id, PROFILE);
        assert_eq!(model.open.assessment.metadata.student_name, "Daan Smit");
        assert!(model.open.assessment.invitation.is_some());
        assert_eq!(model.view, View::Assess);
    }
}
