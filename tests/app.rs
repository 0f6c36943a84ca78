//! The app's flows, message by message, natively: `core::app::update` with an in-memory browser
//! that carries out the effects as `web::runner` does and answers with the same messages.

mod support;

use std::collections::BTreeMap;
use std::rc::Rc;
use support::app::{dispatch, empty_startup};

use leeruitkomsten::core::app::Zone;

use leeruitkomsten::core::app::{
    update, DownloadPurpose, Effect, Entropy, FilePurpose, FileRef, Folding, KeyImport, KeyRing,
    KeyStatus, LibraryMessage, Model, Msg, NoEd25519, Now, SignAs, SignFailure, SigningStage,
    Startup, StorageFailed, StorageNotice, View, WritePurpose,
};
use leeruitkomsten::core::assessment::{Action, MetadataField};
use leeruitkomsten::core::crypto::signing_key::SigningKey;
use leeruitkomsten::core::framework::hashed::HashedFramework;
use leeruitkomsten::core::framework::link_frameworks::LinkFrameworks;
use leeruitkomsten::core::framework::score::Score;
use leeruitkomsten::core::framework::source::FrameworkSource;
use leeruitkomsten::core::library::saved::SavedEntry;
use leeruitkomsten::core::library::{backup_to_json, read_all, Listed};
use leeruitkomsten::core::record::verify_record;
use leeruitkomsten::i18n::Lang;

/// What the browser holds and what it was asked to do.
#[derive(Default)]
struct Browser {
    entries: BTreeMap<String, SavedEntry>,
    open: Option<String>,
    /// The single key the version before kept.
    key: Option<SigningKey>,
    /// The keys kept with their owners, once written.
    ring: Option<KeyRing>,
    lang: Option<Lang>,
    /// The frameworks links named, as stored (`LinkFrameworks::to_text`).
    link_frameworks: Option<Rc<str>>,
    /// Every write fails, as with full or disabled storage.
    full: bool,
    downloads: Vec<(String, Rc<str>)>,
    posted: Vec<Rc<str>>,
    /// The names of files handed to the share sheet.
    shared: Vec<String>,
    files: BTreeMap<u32, Vec<u8>>,
    /// Every effect, in order.
    effects: Vec<Effect>,
    /// WebCrypto without Ed25519, as in Chromium before 137: every Ed25519 effect fails.
    no_ed25519: bool,
    /// Ed25519 answers held back, as the browser's arrive later.
    held: Vec<Effect>,
    hold_ed25519: bool,
}

impl Browser {
    /// The keys as stored: the ring once written, else the single key of the version before.
    fn kept(&self) -> KeyRing {
        match (&self.ring, &self.key) {
            (Some(ring), _) => ring.clone(),
            (None, Some(key)) => KeyRing::migrated(key.clone()),
            (None, None) => KeyRing::default(),
        }
    }

    fn listing(&self) -> Result<Vec<Listed>, StorageFailed> {
        let texts = self
            .entries
            .values()
            .map(|e| {
                (
                    leeruitkomsten::core::library::entry_key(&e.id),
                    leeruitkomsten::core::library::saved::to_json(e).unwrap(),
                )
            })
            .collect();
        Ok(read_all(texts))
    }

    fn write(&mut self, entry: &SavedEntry) -> Result<(), StorageFailed> {
        if self.full {
            return Err(StorageFailed);
        }
        self.entries.insert(entry.id.clone(), entry.clone());
        Ok(())
    }

    fn run(&mut self, effect: Effect) -> Option<Msg> {
        self.effects.push(effect.clone());
        if self.hold_ed25519 && leeruitkomsten::core::app::ed25519::answer(&effect).is_some() {
            self.held.push(effect);
            return None;
        }
        match &effect {
            Effect::DeriveKey { purpose, .. } if self.no_ed25519 => {
                return Some(Msg::KeyDerived { purpose: purpose.clone(), result: Err(NoEd25519) })
            }
            Effect::SignMessage { message, .. } if self.no_ed25519 => {
                return Some(Msg::Signed { message: *message, result: Err(NoEd25519) })
            }
            _ => {}
        }
        // Ed25519 as the hogeschool's page does it: the Rust implementation, answering at once.
        if let Some(answer) = leeruitkomsten::core::app::ed25519::answer(&effect) {
            return Some(answer);
        }
        match effect {
            Effect::Save(entry) => {
                let result = self.write(&entry);
                if result.is_ok() {
                    self.open = Some(entry.id.clone());
                }
                Some(Msg::Saved(result))
            }
            Effect::SetOpen(id) => {
                if self.full {
                    return Some(Msg::Saved(Err(StorageFailed)));
                }
                self.open = Some(id);
                None
            }
            // The page is loaded again: what it would start with is what storage holds.
            Effect::ReopenWithFramework(_) => None,
            Effect::Write { entries, purpose } => {
                let failed = entries
                    .iter()
                    .filter(|e| self.write(e).is_err())
                    .map(|e| e.id.clone())
                    .collect();
                Some(Msg::Written { purpose, failed })
            }
            Effect::Remove(id) => {
                let result = if self.full { Err(StorageFailed) } else { Ok(()) };
                if result.is_ok() {
                    self.entries.remove(&id);
                }
                Some(Msg::Removed { id, result })
            }
            Effect::List => Some(Msg::Listed(self.listing())),
            Effect::StoreKey { key, owner, then_sign, over_unreadable: _ } => {
                let result = if self.full { Err(StorageFailed) } else { Ok(()) };
                if result.is_ok() {
                    let mut ring = self.kept();
                    ring.add(&owner, key.clone());
                    self.ring = Some(ring);
                }
                Some(Msg::KeyStored { key: Box::new(key), owner, then_sign, result })
            }
            Effect::RemoveKey(did) => {
                let result = if self.full { Err(StorageFailed) } else { Ok(()) };
                if result.is_ok() {
                    let mut ring = self.kept();
                    ring.remove(&did);
                    self.ring = Some(ring);
                }
                Some(Msg::KeyRemoved { did, result })
            }
            Effect::StoreLang(lang) => {
                self.lang = Some(lang);
                None
            }
            Effect::StoreLinkFrameworks(text) => {
                self.link_frameworks = Some(text);
                None
            }
            // The trusted assessors are tested in tests/app_trusted.rs, the deelcertificaten's
            // issuer and folder in tests/app_decision.rs.
            Effect::StoreTrusted(_)
            | Effect::StoreIssuer(_)
            | Effect::PickFolder
            | Effect::WriteFolder { .. }
            | Effect::DownloadSeries { .. }
            | Effect::Embed(_) => None,
            Effect::Download { name, text, purpose, .. } => {
                self.downloads.push((name, text));
                Some(Msg::Downloaded { purpose, ok: true })
            }
            Effect::DownloadBackup { purpose, .. } => Some(Msg::Downloaded { purpose, ok: true }),
            Effect::PostRecord(record) => {
                self.posted.push(record);
                None
            }
            Effect::Copy(_) => Some(Msg::Copied(true)),
            Effect::Share { name, .. } => {
                self.shared.push(name);
                Some(Msg::Shared(Some(true)))
            }
            Effect::StoreSentInvitations(_) => {
                Some(Msg::Invite(leeruitkomsten::core::app::InviteMsg::Stored(Ok(()))))
            }
            // The decision view's storage; its flows are in tests/app_decision.rs.
            Effect::KeepDecision(_) => None,
            // A browser without Web Workers: the page checks the files itself.
            Effect::Workers(leeruitkomsten::core::app::WorkerEffect::Start { run, .. }) => {
                Some(Msg::Review(leeruitkomsten::core::app::ReviewMsg::WorkersFailed(run)))
            }
            Effect::Workers(_) => None,
            Effect::ReadFile { file, purpose, .. } => {
                let bytes = self.files.remove(&file.handle).unwrap();
                Some(Msg::FileRead { purpose, name: file.name, result: Ok(bytes) })
            }
            Effect::ReadFiles { files, purpose, .. } => {
                Some(support::app::files_read(purpose, files, &mut self.files))
            }
            // Native builds have every built-in framework compiled in, so this is not asked for
            // here (src/core/app/frameworks.rs tests the form's page's fetching); served as the
            // page's server would serve it.
            Effect::FetchBuiltIn(built_in) => {
                let path = format!("{}/{}", env!("CARGO_MANIFEST_DIR"), built_in.file);
                Some(Msg::BuiltInFetched {
                    id: built_in.id,
                    result: Ok(std::fs::read(path).unwrap()),
                })
            }
            // The cohort's keeping; its flows are in tests/app_review.rs.
            Effect::KeepCohortFiles(_)
            | Effect::ListKeptCohort
            | Effect::ReadKeptCohortFile { .. }
            | Effect::ReadKeptCohortFiles { .. }
            | Effect::ClearKeptCohort => None,
            Effect::DeriveKey { .. }
            | Effect::SignMessage { .. }
            | Effect::CheckSignature { .. } => {
                unreachable!("answered above")
            }
        }
    }
}

struct App {
    model: Model,
    browser: Browser,
    clock: u64,
}

fn now(tick: u64) -> Now {
    let mut bytes = [0u8; 64];
    for (i, b) in bytes.iter_mut().enumerate() {
        *b = (tick as u8).wrapping_mul(31).wrapping_add(i as u8).wrapping_add(1);
    }
    Now {
        time: format!("2026-12-06T10:{:02}:{:02}.000Z", (tick / 60) % 60, tick % 60),
        today: "2026-12-06".into(),
        zone: Rc::new(Zone::fixed(60)),
        entropy: Some(Entropy(bytes)),
    }
}

fn framework() -> Rc<HashedFramework> {
    Rc::new(HashedFramework::default_framework().unwrap())
}

impl App {
    fn start(browser: Browser) -> App {
        let startup = Startup {
            listing: browser.listing(),
            open_id: browser.open.clone(),
            key: browser.key.clone().map_or(KeyStatus::None, KeyStatus::Key),
            key_ring: browser.ring.clone().unwrap_or_default(),
            ..empty_startup()
        };
        App { model: Model::start(framework(), startup, &now(0)), browser, clock: 0 }
    }

    /// Sends `msg` and handles every answer, as the runner does; returns the effects it caused.
    fn send(&mut self, msg: Msg) -> Vec<Effect> {
        let before = self.browser.effects.len();
        dispatch(&mut self.model, msg, &mut self.clock, now, |e| self.browser.run(e));
        self.browser.effects[before..].to_vec()
    }

    fn score(&mut self, indicator: &str, score: Score) -> Vec<Effect> {
        self.send(Msg::Edit(Action::SetScore { indicator: indicator.into(), score }))
    }

    fn fill(&mut self, field: MetadataField, text: &str) -> Vec<Effect> {
        self.send(Msg::Edit(Action::SetMetadata(field, text.into())))
    }

    /// What a record must name before it is signed: the student number and the assessor.
    fn fill_required(&mut self) {
        self.fill(MetadataField::StudentNumber, "4812345");
        self.fill(MetadataField::AssessorName, "Karim Haddou");
    }

    fn stored(&self) -> &SavedEntry {
        &self.browser.entries[&*self.model.open.id]
    }
}

fn saves(effects: &[Effect]) -> usize {
    effects.iter().filter(|e| matches!(e, Effect::Save(_))).count()
}

#[test]
fn a_first_visit_opens_a_new_assessment_dated_today_and_stores_nothing_until_it_changes() {
    let app = App::start(Browser::default());
    assert_eq!(app.model.view, View::Assess);
    assert_eq!(app.model.open.assessment.metadata.date, "2026-12-06");
    assert!(app.browser.entries.is_empty());
    assert_eq!(app.model.storage, None);
}

#[test]
fn an_edit_is_saved_in_the_same_dispatch_and_the_summary_follows() {
    let mut app = App::start(Browser::default());
    let effects = app.score("LU1.1", Score::High);
    assert_eq!(saves(&effects), 1);
    assert_eq!(app.stored().assessment, app.model.open.assessment);
    assert_eq!(app.browser.open.as_deref(), Some(&*app.model.open.id));
    assert_eq!(app.model.open.summary.overall.high, 1);
    assert_eq!(app.model.open.updated, now(1).time);
}

#[test]
fn a_comment_is_saved_with_every_keystroke() {
    let mut app = App::start(Browser::default());
    for text in ["G", "Go", "Goed"] {
        let effects = app
            .send(Msg::Edit(Action::SetComment { indicator: "LU1.2".into(), text: text.into() }));
        assert_eq!(saves(&effects), 1);
    }
    let outcome = &app.stored().assessment.outcomes["LU1"];
    assert_eq!(outcome.comments["LU1.2"], "Goed");
}

#[test]
fn a_refused_edit_is_shown_and_changes_nothing() {
    let mut app = App::start(Browser::default());
    let before = app.model.open.clone();
    let effects = app.score("LU9.9", Score::Good);
    assert!(effects.is_empty());
    assert!(app.model.error.is_some());
    assert_eq!(app.model.open, before);
    app.send(Msg::DismissError);
    assert_eq!(app.model.error, None);
}

#[test]
fn a_reload_reopens_the_open_assessment() {
    let mut app = App::start(Browser::default());
    app.score("LU2.1", Score::Good);
    let id = app.model.open.id.clone();
    let again = App::start(app.browser);
    assert_eq!(again.model.open.id, id);
    assert_eq!(again.model.view, View::Assess);
    assert_eq!(again.model.open.assessment.outcomes["LU2"].scores["LU2.1"], Score::Good);
}

#[test]
fn with_several_saved_and_none_open_the_app_opens_on_the_library() {
    let mut app = App::start(Browser::default());
    app.score("LU2.1", Score::Good);
    let mut browser = app.browser;
    browser.open = None;
    let again = App::start(browser);
    assert_eq!(again.model.view, View::Library);
}

#[test]
fn new_and_open_from_the_library() {
    let mut app = App::start(Browser::default());
    app.score("LU1.1", Score::High);
    let first = app.model.open.id.to_string();
    app.send(Msg::Show(View::Library));
    let effects = app.send(Msg::NewAssessment);
    assert_eq!(saves(&effects), 1, "a new assessment is stored at once");
    assert_ne!(&*app.model.open.id, first);
    assert_eq!(app.model.view, View::Assess);
    assert_eq!(app.browser.entries.len(), 2);

    app.send(Msg::Show(View::Library));
    assert_eq!(app.model.library.entries().count(), 2, "showing the library reads it again");
    let effects = app.send(Msg::OpenEntry(first.clone()));
    assert_eq!(effects, vec![Effect::SetOpen(first.clone())]);
    assert_eq!(&*app.model.open.id, first);
    assert_eq!(app.model.open.assessment.outcomes["LU1"].scores["LU1.1"], Score::High);
}

#[test]
fn a_new_assessment_in_another_built_in_framework_switches_the_form_to_it() {
    let mut app = App::start(Browser::default());
    app.send(Msg::ChooseNewIn("competentieprofiel-opbouwwerker-2010".into()));
    let effects = app.send(Msg::NewAssessment);
    assert_eq!(app.model.framework.framework().id, "competentieprofiel-opbouwwerker-2010");
    assert_eq!(app.model.view, View::Assess);
    assert_eq!(saves(&effects), 1, "the new assessment is stored at once");
    assert_eq!(app.model.open.assessment.framework_id, "competentieprofiel-opbouwwerker-2010");
    assert_eq!(app.model.library.new_in, "competentieprofiel-opbouwwerker-2010");

    let effects = app.score("VCa.1", Score::Good);
    assert_eq!(saves(&effects), 1);
    assert_eq!(app.model.error, None);

    // Opening an assessment of the 2026 outcomes from the library switches back.
    let mut old = app.stored().clone();
    old.id = "of-2026".into();
    old.assessment = leeruitkomsten::core::assessment::Assessment::new(framework().framework());
    app.browser.entries.insert(old.id.clone(), old.clone());
    app.send(Msg::Show(View::Library));
    let effects = app.send(Msg::OpenEntry("of-2026".into()));
    assert_eq!(effects, vec![Effect::SetOpen("of-2026".into())]);
    assert_eq!(app.model.framework.framework().id, "leeruitkomsten-opbouwwerk-2026");
    assert_eq!(&*app.model.open.id, "of-2026");
}

#[test]
fn a_framework_file_replaces_the_one_in_use_and_a_bad_one_is_refused_with_its_problems() {
    let mut app = App::start(Browser::default());
    app.send(Msg::Show(View::Library));
    app.browser.files.insert(1, b"{\"format\": \"nope\"}".to_vec());
    app.send(Msg::FilesChosen(
        FilePurpose::Framework,
        vec![FileRef { handle: 1, name: "x.json".into(), size: 0 }],
    ));
    assert!(app.model.framework_failure.is_some());
    assert_eq!(app.model.framework.framework().id, "leeruitkomsten-opbouwwerk-2026");

    let profile = leeruitkomsten::core::framework::catalogue::built_in(
        "competentieprofiel-opbouwwerker-2010",
    )
    .unwrap();
    app.browser.files.insert(2, profile.json().unwrap().as_bytes().to_vec());
    app.send(Msg::FilesChosen(
        FilePurpose::Framework,
        vec![FileRef { handle: 2, name: "profiel.json".into(), size: 0 }],
    ));
    assert_eq!(app.model.framework_failure, None);
    assert_eq!(app.model.framework.framework().id, "competentieprofiel-opbouwwerker-2010");
    assert_eq!(app.model.source, FrameworkSource::File("profiel.json".into()));
    // These tests are the hogeschool's page (the default build): it stays where it is, since the
    // form's page would start with its own framework.
    assert_eq!(app.model.view, View::Library);
    assert_eq!(app.model.open.assessment.framework_id, "competentieprofiel-opbouwwerker-2010");

    app.send(Msg::UseBuiltIn);
    assert_eq!(app.model.framework.framework().id, "leeruitkomsten-opbouwwerk-2026");
    assert_eq!(app.model.source, FrameworkSource::BuiltIn);
}

#[test]
fn the_framework_in_use_exports_as_case_and_the_package_loads_as_the_same_framework() {
    let mut app = App::start(Browser::default());
    let before = app.model.framework.sha256().to_string();
    app.send(Msg::ExportCase);
    let (name, text) = app.browser.downloads.last().cloned().unwrap();
    assert_eq!(name, "leeruitkomsten-opbouwwerk-2026-case.json");
    assert!(!app.model.case_download_failed);

    app.send(Msg::UseBuiltIn);
    app.browser.files.insert(7, text.as_bytes().to_vec());
    app.send(Msg::FilesChosen(
        FilePurpose::Framework,
        vec![FileRef { handle: 7, name: name.clone(), size: 0 }],
    ));
    assert_eq!(app.model.framework_failure, None);
    assert_eq!(app.model.source, FrameworkSource::File(name));
    assert_eq!(app.model.framework.sha256(), before);

    // A failed download is said, and the next try clears it.
    update(&mut app.model, Msg::Downloaded { purpose: DownloadPurpose::Case, ok: false }, &now(99));
    assert!(app.model.case_download_failed);
    app.send(Msg::ExportCase);
    assert!(!app.model.case_download_failed);
}

#[test]
fn duplicate_makes_a_draft_copy_with_a_new_id() {
    let mut app = App::start(Browser::default());
    app.score("LU1.1", Score::High);
    let id = app.model.open.id.to_string();
    app.send(Msg::Show(View::Library));
    let effects = app.send(Msg::Duplicate(id.clone()));
    assert!(
        matches!(&effects[0], Effect::Write { purpose: WritePurpose::Duplicate, entries } if entries.len() == 1 && entries[0].id != id)
    );
    assert_eq!(app.model.library.entries().count(), 2);
    assert_eq!(app.model.library.message, None);
    // The list points out which of the two is the copy, until the user goes on.
    let Effect::Write { entries, .. } = &effects[0] else { unreachable!() };
    let copy = entries[0].id.clone();
    assert_eq!(app.model.library.copied.as_deref(), Some(copy.as_str()));
    app.send(Msg::OpenEntry(copy.clone()));
    assert_eq!(app.model.library.copied, None, "opening it");
    app.send(Msg::Show(View::Library));
    app.send(Msg::Duplicate(copy.clone()));
    assert!(app.model.library.copied.is_some());
    app.send(Msg::Show(View::Assess));
    assert_eq!(app.model.library.copied, None, "leaving the list");
}

#[test]
fn a_copy_that_cannot_be_stored_is_not_pointed_out() {
    let mut app = App::start(Browser::default());
    app.score("LU1.1", Score::High);
    let id = app.model.open.id.to_string();
    app.send(Msg::Show(View::Library));
    app.browser.full = true;
    app.send(Msg::Duplicate(id));
    assert_eq!(app.model.library.copied, None);
    assert_eq!(app.model.library.message, Some(LibraryMessage::StorageUnavailable));
}

#[test]
fn delete_asks_first_and_undo_puts_it_back() {
    let mut app = App::start(Browser::default());
    app.score("LU1.1", Score::High);
    let id = app.model.open.id.to_string();
    app.send(Msg::Show(View::Library));
    app.send(Msg::AskDelete(id.clone()));
    assert_eq!(app.model.library.confirming.as_deref(), Some(id.as_str()));
    app.send(Msg::CancelDelete);
    assert!(app.browser.entries.contains_key(&id));

    app.send(Msg::AskDelete(id.clone()));
    app.send(Msg::ConfirmDelete);
    assert!(!app.browser.entries.contains_key(&id));
    assert_eq!(app.model.library.entries().count(), 0);
    // The deleted assessment was open: the form moves off it, so it cannot come back.
    assert_ne!(&*app.model.open.id, id);
    assert_eq!(app.model.library.deleted.as_ref().map(|e| e.id.as_str()), Some(id.as_str()));

    app.send(Msg::UndoDelete);
    assert!(app.browser.entries.contains_key(&id));
    assert_eq!(app.browser.entries[&id].assessment.outcomes["LU1"].scores["LU1.1"], Score::High);
    assert_eq!(app.model.library.deleted, None);
    assert_eq!(app.model.library.entries().count(), 1);
}

#[test]
fn backup_import_adds_what_is_new_and_replaces_only_with_a_newer_copy() {
    let mut app = App::start(Browser::default());
    app.score("LU1.1", Score::High);
    let open = app.stored().clone();
    // Elsewhere: a newer copy of the open assessment, and one this device does not have.
    let mut newer = open.clone();
    newer.updated = "2026-12-07T09:00:00.000Z".into();
    newer
        .assessment
        .apply(
            &framework().framework().clone(),
            Action::SetScore { indicator: "LU1.2".into(), score: Score::Good },
        )
        .unwrap();
    let mut other = open.clone();
    other.id = "another-device-1".into();
    let none = LinkFrameworks::default();
    let backup =
        backup_to_json(&[newer.clone(), other.clone()], &[], &none, "2026-12-07T09:00:00.000Z")
            .unwrap();
    app.browser.files.insert(7, backup.into_bytes());

    app.send(Msg::Show(View::Library));
    let effects = app.send(Msg::FilesChosen(
        FilePurpose::Backup,
        vec![FileRef { handle: 7, name: "b.json".into(), size: 0 }],
    ));
    assert!(effects
        .iter()
        .any(|e| matches!(e, Effect::Write { entries, .. } if entries.len() == 2)));
    assert!(
        matches!(&app.model.library.message, Some(LibraryMessage::Imported(c)) if c.added == 1 && c.replaced == 1)
    );
    assert_eq!(app.browser.entries.len(), 2);
    // The open assessment shows the newer copy, in the library view still.
    assert_eq!(app.model.open.assessment, newer.assessment);
    assert_eq!(app.model.view, View::Library);

    // The same backup again changes nothing.
    app.browser.files.insert(
        8,
        backup_to_json(&[newer, other], &[], &none, "2026-12-07T09:00:00.000Z")
            .unwrap()
            .into_bytes(),
    );
    app.send(Msg::FilesChosen(
        FilePurpose::Backup,
        vec![FileRef { handle: 8, name: "b.json".into(), size: 0 }],
    ));
    assert!(
        matches!(&app.model.library.message, Some(LibraryMessage::Imported(c)) if c.added == 0 && c.replaced == 0)
    );
}

#[test]
fn an_import_forgets_no_address_an_assessment_kept_here_still_opens_from() {
    let mut app = App::start(Browser::default());
    app.score("LU1.1", Score::High);
    let version = app.stored().assessment.framework_version.clone();
    let mut here = app.stored().clone();
    here.id = "hier-1".into();
    here.assessment.framework_id = "kader-oud".into();
    app.browser.entries.insert(here.id.clone(), here);
    // Twenty newer frameworks than kader-oud and kader-ongebruikt, which no assessment uses.
    let remembered = (0..20).fold(
        LinkFrameworks::default().with("kader-ongebruikt", &version, "ongebruikt.json").with(
            "kader-oud",
            &version,
            "oud.json",
        ),
        |list, n| list.with(&format!("kader-{n}"), &version, &format!("{n}.json")),
    );
    app.model.library.link_frameworks = Rc::new(remembered);
    let mut elsewhere = app.stored().clone();
    elsewhere.id = "another-device-1".into();
    elsewhere.assessment.framework_id = "kader-elders".into();
    let there = LinkFrameworks::default().with("kader-elders", &version, "elders.json");
    let backup = backup_to_json(&[elsewhere], &[], &there, "2026-12-07T09:00:00.000Z").unwrap();
    app.browser.files.insert(7, backup.into_bytes());

    app.send(Msg::Show(View::Library));
    app.send(Msg::FilesChosen(
        FilePurpose::Backup,
        vec![FileRef { handle: 7, name: "b.json".into(), size: 0 }],
    ));
    let kept = LinkFrameworks::from_text(app.browser.link_frameworks.as_deref().unwrap());
    assert_eq!(kept.address_of("kader-elders", &version), Some("elders.json"));
    assert_eq!(kept.address_of("kader-oud", &version), Some("oud.json"));
    assert_eq!(kept.address_of("kader-ongebruikt", &version), None);
    let here = app.model.library.entries().find(|e| e.id == "hier-1").cloned().unwrap();
    assert_eq!(app.model.library.link_address(&here), Some("oud.json"));
}

#[test]
fn a_backup_brings_the_address_of_a_link_framework_so_its_assessment_opens_from_the_list() {
    let mut app = App::start(Browser::default());
    app.score("LU1.1", Score::High);
    // Elsewhere: an assessment begun through a link to a framework that is not built in.
    let mut elsewhere = app.stored().clone();
    elsewhere.id = "another-device-1".into();
    elsewhere.assessment.framework_id = "kader-elders".into();
    let version = elsewhere.assessment.framework_version.clone();
    let address = "https://kaders.example/elders.json";
    let there = LinkFrameworks::default().with("kader-elders", &version, address);
    let backup = backup_to_json(&[elsewhere], &[], &there, "2026-12-07T09:00:00.000Z").unwrap();
    app.browser.files.insert(7, backup.into_bytes());
    let listed = |app: &App| {
        let entry = app.model.library.entries().find(|e| e.id == "another-device-1").cloned();
        entry.map(|e| app.model.library.link_address(&e).map(str::to_string))
    };

    app.send(Msg::Show(View::Library));
    app.send(Msg::FilesChosen(
        FilePurpose::Backup,
        vec![FileRef { handle: 7, name: "b.json".into(), size: 0 }],
    ));
    // Listed with the address it opens from, and that address kept for the next start.
    assert_eq!(listed(&app), Some(Some(address.to_string())));
    let kept = LinkFrameworks::from_text(app.browser.link_frameworks.as_deref().unwrap());
    assert_eq!(kept.address_of("kader-elders", &version), Some(address));
    // Opening it loads the page with that framework.
    let effects = app.send(Msg::OpenEntry("another-device-1".into()));
    assert!(
        effects
            .iter()
            .any(|e| matches!(e, Effect::ReopenWithFramework(a) if a.contains("elders.json"))),
        "{effects:?}"
    );

    // A backup made here now carries the address on.
    let effects = app.send(Msg::DownloadBackup);
    assert!(matches!(&effects[0], Effect::DownloadBackup { links, .. } if **links == kept));
}

#[test]
fn a_file_that_is_not_a_backup_is_refused_whole() {
    let mut app = App::start(Browser::default());
    app.score("LU1.1", Score::High);
    app.browser.files.insert(1, b"{\"type\":\"something else\"}".to_vec());
    let effects = app.send(Msg::FilesChosen(
        FilePurpose::Backup,
        vec![FileRef { handle: 1, name: "x.json".into(), size: 0 }],
    ));
    assert!(!effects.iter().any(|e| matches!(e, Effect::Write { .. })));
    assert!(matches!(app.model.library.message, Some(LibraryMessage::Backup(_))));
    assert_eq!(app.browser.entries.len(), 1);
}

#[test]
fn signing_makes_the_key_once_builds_the_record_once_and_seals() {
    let mut app = App::start(Browser::default());
    app.fill_required();
    app.score("LU1.1", Score::High);
    app.send(Msg::StartSigning);
    assert_eq!(app.model.signing.stage, SigningStage::Confirming);
    let effects = app.send(Msg::Sign);

    let keys: Vec<_> = effects.iter().filter(|e| matches!(e, Effect::StoreKey { .. })).collect();
    assert_eq!(keys.len(), 1, "the key is made once");
    let downloads: Vec<_> = effects
        .iter()
        .filter_map(|e| match e {
            Effect::Download { name, text, .. } => Some((name, text)),
            _ => None,
        })
        .collect();
    assert_eq!(downloads.len(), 1, "the record is built and offered once");
    assert!(downloads[0].0.starts_with("beoordeling-4812345-"));
    let record = downloads[0].1.clone();
    assert_eq!(app.browser.posted, vec![record.clone()], "the host page gets the same record");
    let signed = app.model.open.assessment.signed.as_ref().unwrap();
    assert!(Rc::ptr_eq(&signed.record, &record), "one record, shared, not copied");
    assert_eq!(
        app.stored().assessment.signed.as_ref().map(|s| &*s.record),
        Some(&*record),
        "sealed and saved"
    );
    assert_eq!(app.model.signing.stage, SigningStage::Idle);
    let key = app.browser.kept().first().cloned().unwrap();
    assert_eq!(app.model.key.status, KeyStatus::Key(key.clone()));
    assert_eq!(signed.signer, key.did());
    let hashed = framework();
    assert!(verify_record(&record, &[&hashed]).is_valid());

    // A second assessment signs with the same key: none is made.
    app.send(Msg::NewAfterSigning);
    assert_eq!(app.model.signing.stage, SigningStage::ConfirmingNew);
    app.send(Msg::NewAfterSigning);
    assert!(app.model.open.assessment.signed.is_none());
    app.fill(MetadataField::StudentNumber, "4812346");
    app.score("LU2.1", Score::Good);
    let effects = app.send(Msg::Sign);
    assert!(!effects.iter().any(|e| matches!(e, Effect::StoreKey { .. })));
    assert_eq!(app.model.open.assessment.signed.as_ref().unwrap().signer, key.did());
}

#[test]
fn a_key_that_cannot_be_kept_signs_nothing() {
    let mut app = App::start(Browser { full: true, ..Default::default() });
    app.fill_required();
    let effects = app.send(Msg::Sign);
    assert!(!effects.iter().any(|e| matches!(e, Effect::Download { .. })));
    assert_eq!(app.model.signing.stage, SigningStage::Failed(SignFailure::KeyNotKept));
    assert!(app.model.open.assessment.signed.is_none());
}

#[test]
fn without_ed25519_in_the_browser_nothing_is_signed_no_key_is_kept_and_the_assessment_stays() {
    let mut app = App::start(Browser { no_ed25519: true, ..Default::default() });
    app.fill_required();
    app.score("LU1.1", Score::High);
    let effects = app.send(Msg::Sign);
    assert!(effects.iter().any(|e| matches!(e, Effect::DeriveKey { .. })));
    assert!(!effects
        .iter()
        .any(|e| matches!(e, Effect::StoreKey { .. } | Effect::Download { .. })));
    assert_eq!(app.model.signing.stage, SigningStage::Failed(SignFailure::NoEd25519));
    assert_eq!(app.model.key.status, KeyStatus::None);
    assert!(app.model.open.assessment.signed.is_none());
    assert!(app.stored().assessment.signed.is_none(), "stored, unsigned");

    // With a key already kept, signing itself fails the same way.
    let key = SigningKey::from_seed([4; 32], "2026-11-23T10:00:00Z");
    let mut app = App::start(Browser { no_ed25519: true, key: Some(key), ..Default::default() });
    app.fill_required();
    let effects = app.send(Msg::Sign);
    assert!(effects.iter().any(|e| matches!(e, Effect::SignMessage { .. })));
    assert_eq!(app.model.signing.stage, SigningStage::Failed(SignFailure::NoEd25519));
    assert!(app.model.signing.pending.is_none());
    assert!(app.model.open.assessment.signed.is_none());
}

#[test]
fn the_browsers_signature_is_taken_only_for_the_record_asked_and_from_the_keys_own_public_key() {
    let key = SigningKey::from_seed([4; 32], "2026-11-23T10:00:00Z");
    let browser = Browser { key: Some(key.clone()), hold_ed25519: true, ..Default::default() };
    let mut app = App::start(browser);
    app.fill_required();
    app.send(Msg::Sign);
    // The browser answers later; a second press meanwhile asks nothing more.
    assert!(app.send(Msg::Sign).iter().all(|e| !matches!(e, Effect::SignMessage { .. })));
    let held = std::mem::take(&mut app.browser.held);
    let [Effect::SignMessage { message, .. }] = &held[..] else { panic!("{held:?}") };
    let answer = leeruitkomsten::core::app::ed25519::answer(&held[0]).unwrap();

    // An answer for another message (overtaken) is dropped; the record still waits.
    let mut other = *message;
    other[0] ^= 1;
    app.send(Msg::Signed { message: other, result: Err(NoEd25519) });
    assert!(app.model.signing.pending.is_some());
    assert!(app.model.open.assessment.signed.is_none());

    // A signature by a public key that is not the key's did:key signs nothing.
    let Msg::Signed { result: Ok(mut signature), .. } = answer.clone() else { panic!() };
    signature.public_key = *SigningKey::from_seed([5; 32], "x").public_key();
    app.send(Msg::Signed { message: *message, result: Ok(signature) });
    assert_eq!(app.model.signing.stage, SigningStage::Failed(SignFailure::KeyMismatch));
    assert!(app.model.open.assessment.signed.is_none());

    // An answer for an assessment that changed meanwhile seals nothing and asks again.
    app.send(Msg::Sign);
    let held = std::mem::take(&mut app.browser.held);
    let answer = leeruitkomsten::core::app::ed25519::answer(&held[0]).unwrap();
    app.score("LU3.1", Score::Good);
    app.send(answer);
    assert!(app.model.open.assessment.signed.is_none());
    assert!(app.model.signing.pending.is_none());
    assert_eq!(app.model.signing.stage, SigningStage::Confirming);

    // Asked again, the right answer seals the record.
    app.send(Msg::Sign);
    let held = std::mem::take(&mut app.browser.held);
    let answer = leeruitkomsten::core::app::ed25519::answer(&held[0]).unwrap();
    app.browser.hold_ed25519 = false;
    app.send(answer);
    let signed = app.model.open.assessment.signed.as_ref().expect("signed");
    assert_eq!(signed.signer, key.did());
    assert!(verify_record(&signed.record, &[&framework()]).is_valid());
}

/// The printed report's line on the signature (`ui::signature_block`): checked again from the
/// stored record, with the browser's Ed25519 answering later, or not at all.
#[test]
fn the_printed_report_checks_the_signed_record_again_and_says_why_it_fails() {
    use leeruitkomsten::core::app::{CheckPurpose, PrintOutcome};
    use leeruitkomsten::core::record::RecordProblem;
    let key = SigningKey::from_seed([4; 32], "2026-11-23T10:00:00Z");
    let browser = Browser { key: Some(key), hold_ed25519: true, ..Default::default() };
    let mut app = App::start(browser);
    app.fill_required();
    assert_eq!(app.model.signing.print_check, None, "a draft has nothing to check");
    app.send(Msg::Sign);
    let held = std::mem::take(&mut app.browser.held);
    app.send(leeruitkomsten::core::app::ed25519::answer(&held[0]).unwrap());
    let record = app.model.open.assessment.signed.as_ref().expect("signed").record.clone();

    // Signed: all but the signature is checked, and the browser is asked about that.
    let check = app.model.signing.print_check.clone().expect("a check");
    assert_eq!(check.record, record);
    assert!(matches!(&check.outcome, PrintOutcome::Checking(f) if f.problems.is_empty()));
    let held = std::mem::take(&mut app.browser.held);
    let [Effect::CheckSignature { purpose: CheckPurpose::Record(asked), .. }] = &held[..] else {
        panic!("{held:?}")
    };
    assert_eq!(asked, &record);
    let answer =
        |result| Msg::SignatureChecked { purpose: CheckPurpose::Record(record.clone()), result };

    // The signature holds: the record is valid.
    let mut holds = app.model.clone();
    update(&mut holds, answer(Ok(true)), &now(90));
    let outcome = holds.signing.print_check.map(|c| c.outcome);
    assert!(matches!(&outcome, Some(PrintOutcome::Checked(f)) if f.is_valid()), "{outcome:?}");

    // It does not: not valid, and the signature is named first among the reasons.
    let mut fails = app.model.clone();
    update(&mut fails, answer(Ok(false)), &now(90));
    let outcome = fails.signing.print_check.map(|c| c.outcome);
    let Some(PrintOutcome::Checked(findings)) = &outcome else { panic!("{outcome:?}") };
    assert!(!findings.is_valid());
    assert_eq!(findings.problems, vec![RecordProblem::SignatureMismatch]);

    // A browser without Ed25519 cannot tell.
    let mut unable = app.model.clone();
    update(&mut unable, answer(Err(NoEd25519)), &now(90));
    assert_eq!(unable.signing.print_check.map(|c| c.outcome), Some(PrintOutcome::NoEd25519));

    // An answer about another record changes nothing.
    let mut other = app.model.clone();
    let stray =
        Msg::SignatureChecked { purpose: CheckPurpose::Record("{}".into()), result: Ok(true) };
    update(&mut other, stray, &now(90));
    assert_eq!(other.signing.print_check, app.model.signing.print_check);
}

#[test]
fn without_a_random_source_no_key_is_made() {
    let mut app = App::start(Browser::default());
    app.fill_required();
    let effects = update(&mut app.model, Msg::Sign, &Now { entropy: None, ..now(1) });
    assert!(effects.is_empty());
    assert_eq!(app.model.signing.stage, SigningStage::Failed(SignFailure::NoRandomSource));
}

#[test]
fn downloading_and_copying_the_signed_record_again() {
    let mut app = App::start(Browser::default());
    app.fill_required();
    app.send(Msg::Sign);
    let record = app.model.open.assessment.signed.as_ref().unwrap().record.clone();
    let effects = app.send(Msg::DownloadRecord);
    assert!(
        matches!(&effects[..], [Effect::Download { text, purpose: DownloadPurpose::Record { .. }, .. }] if *text == record)
    );
    app.send(Msg::CopyRecord);
    assert_eq!(app.model.signing.copied, Some(true));
}

#[test]
fn an_imported_key_joins_the_keys_once_and_becomes_the_key_of_the_assessor_named() {
    let first = SigningKey::from_seed([1; 32], "2026-12-01T10:00:00Z");
    let second = SigningKey::from_seed([2; 32], "2026-12-01T10:00:00Z");
    let mut browser = Browser { key: Some(first.clone()), ..Default::default() };
    browser.files.insert(1, second.to_file_json().into_bytes());
    browser.files.insert(2, second.to_file_json().into_bytes());
    browser.files.insert(3, b"not a key".to_vec());
    let mut app = App::start(browser);
    app.fill(MetadataField::AssessorName, "Sanne de Vries");
    let file = |handle| vec![FileRef { handle, name: "k.json".into(), size: 0 }];

    // Nothing is replaced, so nothing asks: the key is added, as Sanne's.
    app.send(Msg::FilesChosen(FilePurpose::Key, file(1)));
    assert_eq!(app.model.key.import, KeyImport::Done);
    let kept = app.browser.kept();
    let owners: Vec<_> = kept.keys().iter().map(|o| (o.owner.as_str(), o.key.clone())).collect();
    assert_eq!(owners, vec![("", first.clone()), ("Sanne de Vries", second.clone())]);
    assert_eq!(app.model.key.ring, kept);
    assert_eq!(app.model.key.status, KeyStatus::Key(first.clone()), "the first key stays first");
    let own = app.model.key.signing_key_for("Sanne de Vries", &SignAs::Own);
    assert_eq!(own.map(|o| &o.key), Some(&second));

    // The same backup again adds nothing.
    app.send(Msg::FilesChosen(FilePurpose::Key, file(2)));
    assert_eq!(app.browser.kept().keys().len(), 2);

    app.send(Msg::FilesChosen(FilePurpose::Key, file(3)));
    assert!(matches!(app.model.key.import, KeyImport::Invalid(_)));
    assert_eq!(app.browser.kept(), kept);
}

#[test]
fn stored_keys_that_cannot_be_read_are_replaced_by_an_import_only_after_a_yes() {
    let key = SigningKey::from_seed([2; 32], "2026-12-01T10:00:00Z");
    let mut browser = Browser::default();
    browser.files.insert(1, key.to_file_json().into_bytes());
    browser.files.insert(2, key.to_file_json().into_bytes());
    let startup_unreadable = |app: &mut App| {
        app.model.key = {
            let mut state = app.model.key.clone();
            state.status = KeyStatus::Unreadable;
            state
        };
    };
    let mut app = App::start(browser);
    startup_unreadable(&mut app);
    let file = |handle| vec![FileRef { handle, name: "k.json".into(), size: 0 }];
    app.send(Msg::FilesChosen(FilePurpose::Key, file(1)));
    assert_eq!(app.model.key.import, KeyImport::Confirm(key.clone()));
    app.send(Msg::CancelKeyReplace);
    assert_eq!(app.browser.ring, None, "nothing written");
    app.send(Msg::FilesChosen(FilePurpose::Key, file(2)));
    let effects = app.send(Msg::ConfirmKeyReplace);
    assert!(matches!(&effects[..], [Effect::StoreKey { over_unreadable: true, .. }, ..]));
    assert_eq!(app.model.key.status, KeyStatus::Key(key.clone()));
    assert_eq!(app.model.key.ring.keys().len(), 1);
}

#[test]
fn the_key_backup_is_named_after_its_fingerprint() {
    let key = SigningKey::from_seed([3; 32], "2026-12-01T10:00:00Z");
    let other = SigningKey::from_seed([4; 32], "2026-12-01T10:00:00Z");
    let mut app = App::start(Browser { key: Some(key.clone()), ..Default::default() });
    let effects = app.send(Msg::ExportKey(key.did().to_string()));
    let expected = format!("leeruitkomsten-sleutel-{}.json", key.fingerprint());
    assert!(matches!(&effects[..], [Effect::Download { name, text, .. }]
        if *name == expected && SigningKey::from_file_json(text) == Ok(key.clone())));
    // A key not on this device has no backup to give.
    assert!(app.send(Msg::ExportKey(other.did().to_string())).is_empty());
}

/// Signs the open assessment for `assessor` (student `number`), returning the signer's did.
fn sign_for(app: &mut App, assessor: &str, number: &str) -> String {
    if app.model.open.assessment.signed.is_some() {
        app.send(Msg::NewAfterSigning);
        app.send(Msg::NewAfterSigning);
    }
    app.fill(MetadataField::StudentNumber, number);
    app.fill(MetadataField::AssessorName, assessor);
    app.score("LU1.1", Score::Good);
    app.send(Msg::StartSigning);
    app.send(Msg::Sign);
    let signed = app.model.open.assessment.signed.as_ref().expect("signed");
    let report = verify_record(&signed.record, &[&framework()]);
    assert!(report.is_valid(), "{:?}", report.problems);
    assert_eq!(report.proof.as_ref().map(|p| p.did.clone()), Some(signed.signer.clone()));
    signed.signer.clone()
}

#[test]
fn two_assessors_on_one_device_each_sign_with_their_own_key() {
    let mut app = App::start(Browser::default());
    let karim = sign_for(&mut app, "Karim Haddou", "4812345");
    let sanne = sign_for(&mut app, "Sanne de Vries", "4812346");
    assert_ne!(karim, sanne, "Sanne gets a key of her own");
    let kept = app.browser.kept();
    let owners: Vec<_> =
        kept.keys().iter().map(|o| (o.owner.clone(), o.key.did().to_string())).collect();
    assert_eq!(
        owners,
        vec![
            ("Karim Haddou".to_string(), karim.clone()),
            ("Sanne de Vries".to_string(), sanne.clone())
        ]
    );
    // Each signs again with their own key, typed as people type; no key is made.
    let before = app.browser.effects.len();
    assert_eq!(sign_for(&mut app, "karim  haddou", "4812347"), karim);
    assert_eq!(sign_for(&mut app, "Sanne de Vries", "4812348"), sanne);
    let made =
        app.browser.effects[before..].iter().filter(|e| matches!(e, Effect::DeriveKey { .. }));
    assert_eq!(made.count(), 0);

    // After a reload both keys are there, and each still signs for its owner.
    let browser = std::mem::take(&mut app.browser);
    let mut app = App::start(browser);
    assert_eq!(app.model.key.ring, kept);
    assert_eq!(sign_for(&mut app, "Sanne de Vries", "4812349"), sanne);
}

#[test]
fn someone_without_a_key_may_sign_with_another_key_picked_explicitly() {
    let mut app = App::start(Browser::default());
    let karim = sign_for(&mut app, "Karim Haddou", "4812345");
    app.send(Msg::NewAfterSigning);
    app.send(Msg::NewAfterSigning);
    app.fill(MetadataField::StudentNumber, "4812346");
    app.fill(MetadataField::AssessorName, "Ayla Demir");
    app.send(Msg::StartSigning);
    assert_eq!(app.model.key.signing_key_for("Ayla Demir", &app.model.signing.sign_as), None);
    app.send(Msg::ChooseSigningKey(SignAs::Key(karim.clone())));
    app.send(Msg::Sign);
    assert_eq!(app.model.open.assessment.signed.as_ref().map(|s| s.signer.clone()), Some(karim));
    assert_eq!(app.browser.kept().keys().len(), 1, "no key is made for Ayla");
}

#[test]
fn the_single_key_of_the_version_before_keeps_signing_and_takes_the_first_signers_name() {
    let old = SigningKey::from_seed([7; 32], "2026-11-01T10:00:00Z");
    let mut app = App::start(Browser { key: Some(old.clone()), ..Default::default() });
    assert_eq!(app.model.key.ring, KeyRing::migrated(old.clone()));
    assert_eq!(sign_for(&mut app, "Karim Haddou", "4812345"), old.did());
    // Written as the ring's first entry, named now; the old storage is not needed any more.
    let kept = app.browser.kept();
    assert_eq!(kept.keys()[0].owner, "Karim Haddou");
    assert_eq!(kept.keys()[0].key, old);
    // The next assessor gets a key of their own.
    assert_ne!(sign_for(&mut app, "Sanne de Vries", "4812346"), old.did());
}

#[test]
fn the_old_key_still_signs_when_its_name_cannot_be_written() {
    let old = SigningKey::from_seed([7; 32], "2026-11-01T10:00:00Z");
    let mut app = App::start(Browser { key: Some(old.clone()), ..Default::default() });
    app.browser.full = true;
    app.fill_required();
    app.send(Msg::StartSigning);
    app.send(Msg::Sign);
    assert_eq!(
        app.model.open.assessment.signed.as_ref().map(|s| s.signer.as_str()),
        Some(old.did())
    );
    assert_eq!(app.browser.ring, None, "nothing written, nothing lost");
}

#[test]
fn a_key_is_removed_only_after_a_yes_and_not_when_storage_refuses() {
    let mut app = App::start(Browser::default());
    let karim = sign_for(&mut app, "Karim Haddou", "4812345");
    let sanne = sign_for(&mut app, "Sanne de Vries", "4812346");
    app.send(Msg::AskRemoveKey(karim.clone()));
    assert_eq!(app.model.key.removing.as_deref(), Some(karim.as_str()));
    app.send(Msg::CancelRemoveKey);
    assert_eq!(app.browser.kept().keys().len(), 2);

    app.browser.full = true;
    app.send(Msg::AskRemoveKey(karim.clone()));
    app.send(Msg::ConfirmRemoveKey);
    assert!(app.model.key.remove_failed);
    assert_eq!(app.model.key.ring.keys().len(), 2, "the key is still there");

    app.browser.full = false;
    app.send(Msg::AskRemoveKey(karim.clone()));
    assert!(!app.model.key.remove_failed);
    app.send(Msg::ConfirmRemoveKey);
    let dids: Vec<_> = app.browser.kept().keys().iter().map(|o| o.key.did().to_string()).collect();
    assert_eq!(dids, vec![sanne.clone()]);
    assert_eq!(app.model.key.ring, app.browser.kept());
    // The signed records stay as they were; Karim's next signature needs a new key.
    assert_ne!(sign_for(&mut app, "Karim Haddou", "4812347"), karim);
    // Asking to remove a key that is not here asks nothing.
    app.send(Msg::AskRemoveKey(karim));
    assert_eq!(app.model.key.removing, None);
}

#[test]
fn the_language_switch_is_shown_and_kept() {
    let mut app = App::start(Browser::default());
    let effects = app.send(Msg::SetLang(Lang::En));
    assert_eq!(app.model.lang, Lang::En);
    assert_eq!(effects, vec![Effect::StoreLang(Lang::En)]);
}

#[test]
fn a_change_from_another_tab_shows_and_a_delete_there_is_reported() {
    let mut app = App::start(Browser::default());
    app.score("LU1.1", Score::High);
    let mut elsewhere = app.stored().clone();
    elsewhere
        .assessment
        .apply(
            &framework().framework().clone(),
            Action::SetScore { indicator: "LU1.3".into(), score: Score::Present },
        )
        .unwrap();
    let effects = app.send(Msg::ChangedElsewhere(elsewhere.clone()));
    assert!(effects.is_empty(), "nothing is written back");
    assert_eq!(app.model.open.assessment, elsewhere.assessment);
    assert_eq!(app.model.storage, Some(StorageNotice::ChangedElsewhere));

    // Another assessment changed elsewhere leaves the form alone.
    let mut other = elsewhere.clone();
    other.id = "other".into();
    other.assessment.metadata.student_name = "X".into();
    app.send(Msg::DismissStorage);
    app.send(Msg::ChangedElsewhere(other));
    assert_eq!(app.model.storage, None);

    let id = app.model.open.id.to_string();
    app.send(Msg::RemovedElsewhere(id));
    assert_eq!(app.model.storage, Some(StorageNotice::RemovedElsewhere));
    // The assessment stays open, and its next change stores it again.
    let effects = app.score("LU1.4", Score::Good);
    assert_eq!(saves(&effects), 1);
}

#[test]
fn storage_failure_is_shown_and_the_next_save_that_works_clears_it() {
    let mut app = App::start(Browser::default());
    app.browser.full = true;
    app.score("LU1.1", Score::High);
    assert_eq!(app.model.storage, Some(StorageNotice::Unavailable));
    assert_eq!(
        app.model.open.assessment.outcomes["LU1"].scores["LU1.1"],
        Score::High,
        "work goes on in memory"
    );
    let effects = app.send(Msg::DownloadEverything);
    assert!(
        matches!(&effects[0], Effect::DownloadBackup { open: Some(e), .. } if e.assessment == app.model.open.assessment)
    );

    app.browser.full = false;
    app.score("LU1.2", Score::Good);
    assert_eq!(app.model.storage, None);
    assert_eq!(app.stored().assessment, app.model.open.assessment);
}

#[test]
fn storage_that_cannot_be_read_at_start_is_said_and_the_form_still_opens() {
    let startup =
        Startup { listing: Err(StorageFailed), key: KeyStatus::Unavailable, ..empty_startup() };
    let model = Model::start(framework(), startup, &now(0));
    assert_eq!(model.storage, Some(StorageNotice::Unavailable));
    assert_eq!(model.view, View::Assess);
}

#[test]
fn a_journal_copy_kept_apart_is_said_on_the_form_unless_storage_itself_fails() {
    let startup = Startup { journal_kept_apart: true, ..empty_startup() };
    let model = Model::start(framework(), startup, &now(0));
    assert_eq!(model.storage, Some(StorageNotice::KeptApart));
    assert_eq!(model.view, View::Assess, "the form stays open on the change that was kept");
    let startup = Startup { journal_kept_apart: false, ..empty_startup() };
    assert_eq!(Model::start(framework(), startup, &now(0)).storage, None);
    let startup =
        Startup { listing: Err(StorageFailed), journal_kept_apart: true, ..empty_startup() };
    assert_eq!(
        Model::start(framework(), startup, &now(0)).storage,
        Some(StorageNotice::Unavailable)
    );
}

#[test]
fn signing_is_refused_until_the_record_names_the_student_and_who_signs() {
    let mut app = App::start(Browser::default());
    app.score("LU1.1", Score::High);
    app.send(Msg::StartSigning);
    assert_eq!(
        app.model.signing.stage,
        SigningStage::Incomplete(vec![MetadataField::StudentNumber, MetadataField::AssessorName])
    );
    // Signing directly is refused the same way: no key, no record, nothing sealed.
    let effects = app.send(Msg::Sign);
    assert!(effects.is_empty());
    assert!(app.model.open.assessment.signed.is_none());

    // The refusal follows the form: it names what is still missing, and goes once nothing is.
    app.fill(MetadataField::StudentNumber, "4812345");
    assert_eq!(
        app.model.signing.stage,
        SigningStage::Incomplete(vec![MetadataField::AssessorName])
    );
    app.fill(MetadataField::AssessorName, "   ");
    assert_eq!(
        app.model.signing.stage,
        SigningStage::Incomplete(vec![MetadataField::AssessorName])
    );
    app.fill(MetadataField::AssessorName, "Karim Haddou");
    assert_eq!(app.model.signing.stage, SigningStage::Idle);
    app.send(Msg::StartSigning);
    assert_eq!(app.model.signing.stage, SigningStage::Confirming);

    // A student signs their own self-assessment, so their name is the signer's.
    app.send(Msg::BackFromSigning);
    app.send(Msg::Edit(Action::SetMode(leeruitkomsten::core::assessment::Mode::SelfAssessment)));
    app.send(Msg::StartSigning);
    assert_eq!(app.model.signing.stage, SigningStage::Incomplete(vec![MetadataField::StudentName]));
    app.fill(MetadataField::StudentName, "Sanne de Vries");
    app.send(Msg::StartSigning);
    app.send(Msg::Sign);
    let (name, _) = app.browser.downloads.last().unwrap();
    assert_eq!(name, "zelfbeoordeling-4812345-Sanne-de-Vries-2026-12-06.json");
}

#[test]
fn the_next_assessment_takes_over_the_assessor_s_details_and_not_the_student_s() {
    let mut app = App::start(Browser::default());
    for (field, text) in [
        (MetadataField::StudentName, "Sanne de Vries"),
        (MetadataField::StudentNumber, "4812345"),
        (MetadataField::AssessorName, "Karim Haddou"),
        (MetadataField::AssessorRole, "werkbegeleider"),
        (MetadataField::Organisation, "Buurtwerk Zuid"),
    ] {
        app.fill(field, text);
    }
    app.send(Msg::Sign);
    let (name, _) = app.browser.downloads.last().unwrap();
    assert_eq!(name, "beoordeling-4812345-Sanne-de-Vries-2026-12-06.json");
    let signed_id = app.model.open.id.clone();
    app.send(Msg::NewAfterSigning);
    app.send(Msg::NewAfterSigning);
    let m = &app.model.open.assessment.metadata;
    assert_eq!(
        (m.assessor_name.as_str(), m.assessor_role.as_str(), m.organisation.as_str()),
        ("Karim Haddou", "werkbegeleider", "Buurtwerk Zuid")
    );
    assert_eq!((m.student_name.as_str(), m.student_number.as_str()), ("", ""));
    assert_eq!(m.date, "2026-12-06");
    assert_eq!(app.stored().assessment.metadata, *m, "stored at once, details and all");
    // The signed one stays where it was, as the warning now says.
    assert!(app.browser.entries[&*signed_id].assessment.signed.is_some());

    // The same from the start screen.
    app.send(Msg::Show(View::Library));
    app.send(Msg::NewAssessment);
    assert_eq!(app.model.open.assessment.metadata.assessor_name, "Karim Haddou");
    assert_eq!(app.model.open.assessment.metadata.student_name, "");
}

#[test]
fn a_signed_record_is_shared_as_its_file_and_a_closed_share_sheet_says_nothing() {
    let mut app = App::start(Browser::default());
    app.fill_required();
    app.send(Msg::ShareRecord);
    assert!(app.browser.shared.is_empty(), "nothing to share before signing");
    app.send(Msg::Sign);
    app.send(Msg::ShareRecord);
    assert_eq!(app.browser.shared, ["beoordeling-4812345-2026-12-06.json"]);
    assert_eq!(app.model.signing.shared, Some(true));
    app.send(Msg::Shared(None));
    assert_eq!(app.model.signing.shared, None);
    app.send(Msg::Shared(Some(false)));
    assert_eq!(app.model.signing.shared, Some(false));
}

#[test]
fn the_link_s_instruction_and_the_time_zone_reach_the_model() {
    let startup = Startup {
        instruction: Some("Lever in bij Stage 2".into()),
        can_share: true,
        ..empty_startup()
    };
    let summer = Rc::new(Zone::fixed(120));
    let mut model = Model::start(framework(), startup, &Now { zone: summer.clone(), ..now(0) });
    assert_eq!(model.instruction.as_deref(), Some("Lever in bij Stage 2"));
    assert!(model.can_share);
    assert!(Rc::ptr_eq(&model.zone, &summer));
    let elsewhere = Rc::new(Zone::fixed(-300));
    update(&mut model, Msg::DismissError, &Now { zone: elsewhere.clone(), ..now(1) });
    assert!(
        Rc::ptr_eq(&model.zone, &elsewhere),
        "a change of time zone shows with the next message"
    );
}

#[test]
fn folding_is_state_of_the_page_only_and_revealing_an_indicator_unfolds_its_outcome() {
    let mut app = App::start(Browser::default());
    assert!(app.model.folded.is_empty(), "the form opens unfolded");
    assert!(
        app.send(Msg::Folding(Folding::Set { outcome: "LU2".into(), folded: true })).is_empty(),
        "nothing saved"
    );
    assert!(app.model.folded.contains("LU2"));
    app.send(Msg::Folding(Folding::Reveal("LU2.3".into())));
    assert!(app.model.folded.is_empty());
    // An indicator the framework lacks unfolds nothing and changes nothing else.
    app.send(Msg::Folding(Folding::Set { outcome: "LU3".into(), folded: true }));
    assert!(app.send(Msg::Folding(Folding::Reveal("LU99.1".into()))).is_empty());
    assert!(app.model.folded.contains("LU3"));
    app.send(Msg::Folding(Folding::Set { outcome: "LU3".into(), folded: false }));
    assert!(app.model.folded.is_empty());
}

#[test]
fn a_narrow_screen_folds_all_but_the_outcome_with_the_first_open_indicator_once() {
    let mut app = App::start(Browser::default());
    let lu1: Vec<String> = app
        .model
        .framework
        .framework()
        .learning_outcome("LU1")
        .unwrap()
        .indicators
        .iter()
        .map(|i| i.id.to_string())
        .collect();
    for id in &lu1 {
        app.score(id, Score::Good);
    }
    let first_open = app.model.first_open().unwrap();
    let keep = app.model.framework.framework().outcome_of(&first_open).unwrap().id.clone();
    assert_ne!(keep, "LU1", "the plan must score all of LU1 for this test");
    app.send(Msg::Folding(Folding::ForNarrowScreen));
    let outcomes: Vec<String> =
        app.model.framework.framework().learning_outcomes().map(|o| o.id.clone()).collect();
    for id in &outcomes {
        assert_eq!(app.model.folded.contains(id), *id != keep, "{id}");
    }
    // Once: what the user unfolds later stays unfolded when the form is shown again.
    app.send(Msg::Folding(Folding::Set { outcome: "LU1".into(), folded: false }));
    app.send(Msg::Folding(Folding::ForNarrowScreen));
    assert!(!app.model.folded.contains("LU1"));
}

#[test]
fn an_indicator_not_observed_is_no_longer_open_is_kept_and_signed_as_such() {
    let mut app = App::start(Browser::default());
    app.fill_required();
    let fw = framework();
    let open = |app: &App| app.model.open.assessment.unscored(fw.framework()).len();
    assert_eq!(open(&app), 42);
    app.score("LU1.1", Score::Good);
    let effects = app
        .send(Msg::Edit(Action::SetNotObserved { indicator: "LU1.1".into(), not_observed: true }));
    assert_eq!(saves(&effects), 1, "saved at once, as every edit");
    assert_eq!(open(&app), 41, "answered, so not open");
    assert_eq!(app.model.open.summary.overall.scored(), 0, "and no score");
    assert_eq!(app.model.open.summary.overall.not_observed, 1);
    assert!(app.stored().assessment.outcomes["LU1"].is_not_observed("LU1.1"));

    // A reload keeps it.
    let again = App::start(std::mem::take(&mut app.browser));
    assert_eq!(again.model.open.assessment, app.model.open.assessment);
    app.browser = again.browser;

    app.send(Msg::StartSigning);
    let effects = app.send(Msg::Sign);
    let record = effects
        .iter()
        .find_map(|e| match e {
            Effect::Download { text, .. } => Some(text.clone()),
            _ => None,
        })
        .expect("the record is offered");
    let report = verify_record(&record, &[&fw]);
    assert!(report.is_valid(), "{:?}", report.problems);
    let value: serde_json::Value = serde_json::from_str(&record).unwrap();
    let first = &value["credentialSubject"]["assessment"]["indicators"][0];
    assert_eq!((&first["id"], &first["status"]), (&"LU1.1".into(), &"notObserved".into()));
    assert_eq!(first["score"], serde_json::Value::Null);
    // Signed, it can no longer be taken back.
    let before = app.model.open.clone();
    app.send(Msg::Edit(Action::SetNotObserved { indicator: "LU1.1".into(), not_observed: false }));
    assert_eq!(app.model.open, before);
}
