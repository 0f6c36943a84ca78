//! The docent's trusted assessors, message by message, natively: `core::app::update` with an
//! in-memory browser that keeps the list, the key and downloads as `web::runner` does.

mod support;

use std::collections::BTreeMap;
use std::rc::Rc;
use support::app::{dispatch, empty_startup};

use leeruitkomsten::core::app::review::{ReviewMsg, Verified};
use leeruitkomsten::core::app::{
    Effect, FilePurpose, FileReadError, FileRef, Kept, KeyRing, KeyStatus, Model, Msg, Now,
    Startup, StorageFailed, TrustedMsg, TrustedNotice, TrustedState, View,
};
use leeruitkomsten::core::assessment::{Action, Assessment, MetadataField, Mode};
use leeruitkomsten::core::credentials::trusted::read_signed_list;
use leeruitkomsten::core::crypto::did_key::did_key_from_seed;
use leeruitkomsten::core::crypto::signing_key::SigningKey;
use leeruitkomsten::core::framework::hashed::HashedFramework;
use leeruitkomsten::core::framework::score::Score;
use leeruitkomsten::core::record::export::sign_assessment;
use leeruitkomsten::i18n::Lang;

const ASSESSOR_SEED: [u8; 32] = [7; 32];

/// What one browser profile keeps.
#[derive(Default)]
struct Browser {
    /// The kept list's text, as `web::trusted_store` keeps it.
    trusted: Option<String>,
    refuse_storage: bool,
    refuse_keys: bool,
    key: Option<SigningKey>,
    files: BTreeMap<u32, Vec<u8>>,
    next_file: u32,
    downloads: Vec<(String, Rc<str>)>,
    effects: Vec<Effect>,
}

impl Browser {
    fn run(&mut self, effect: Effect) -> Option<Msg> {
        self.effects.push(effect.clone());
        // Ed25519 as the hogeschool's page does it: the Rust implementation, answering at once.
        if let Some(answer) = leeruitkomsten::core::app::ed25519::answer(&effect) {
            return Some(answer);
        }
        match effect {
            Effect::StoreTrusted(text) => {
                if self.refuse_storage {
                    return Some(Msg::Trusted(TrustedMsg::Stored(Err(StorageFailed))));
                }
                self.trusted = Some(text.to_string());
                Some(Msg::Trusted(TrustedMsg::Stored(Ok(()))))
            }
            Effect::StoreKey { key, owner, then_sign, .. } => {
                if self.refuse_keys {
                    let result = Err(StorageFailed);
                    return Some(Msg::KeyStored { key: Box::new(key), owner, then_sign, result });
                }
                self.key = Some(key.clone());
                Some(Msg::KeyStored { key: Box::new(key), owner, then_sign, result: Ok(()) })
            }
            Effect::Download { name, text, purpose, .. } => {
                self.downloads.push((name, text));
                Some(Msg::Downloaded { purpose, ok: true })
            }
            // A browser without Web Workers: the page checks the files itself.
            Effect::Workers(leeruitkomsten::core::app::WorkerEffect::Start { run, .. }) => {
                Some(Msg::Review(leeruitkomsten::core::app::ReviewMsg::WorkersFailed(run)))
            }
            Effect::Workers(_) => None,
            Effect::ReadFile { file, max_bytes, purpose } => {
                let bytes = self.files.remove(&file.handle).unwrap();
                let result = if bytes.len() > max_bytes {
                    Err(FileReadError::TooLarge { bytes: bytes.len() as u64 })
                } else {
                    Ok(bytes)
                };
                Some(Msg::FileRead { purpose, name: file.name, result })
            }
            Effect::ReadFiles { files, purpose, .. } => {
                Some(support::app::files_read(purpose, files, &mut self.files))
            }
            // This browser keeps no cohort: nothing to bring back, every file kept at once.
            Effect::ListKeptCohort => Some(Msg::Review(ReviewMsg::KeptCohort(Ok(Vec::new())))),
            Effect::KeepCohortFiles(files) => Some(support::app::all_kept(&files)),
            other => panic!("the trusted assessors asked for {other:?}"),
        }
    }

    fn choose(&mut self, name: &str, bytes: Vec<u8>) -> Vec<FileRef> {
        self.next_file += 1;
        self.files.insert(self.next_file, bytes);
        vec![FileRef { handle: self.next_file, name: name.into(), size: 0 }]
    }
}

struct App {
    model: Model,
    browser: Browser,
    clock: u64,
}

fn now(tick: u64) -> Now {
    support::app::now(tick, 100)
}

fn framework() -> Rc<HashedFramework> {
    Rc::new(HashedFramework::default_framework().unwrap())
}

impl App {
    /// Starts as `web::startup` does: the model, then the kept list put back.
    fn start(browser: Browser) -> App {
        let startup = Startup {
            key: browser.key.clone().map_or(KeyStatus::None, KeyStatus::Key),
            ..empty_startup()
        };
        let mut model = Model::start(framework(), startup, &now(0));
        model.trusted = TrustedState::restore(Ok(browser.trusted.clone()));
        App { model, browser, clock: 0 }
    }

    /// A start on a profile whose keys are `key_ring`, each with its owner.
    fn start_with_ring(browser: Browser, key_ring: KeyRing) -> App {
        let startup = Startup { key_ring, ..empty_startup() };
        let mut model = Model::start(framework(), startup, &now(0));
        model.trusted = TrustedState::restore(Ok(browser.trusted.clone()));
        App { model, browser, clock: 0 }
    }

    /// The same browser profile after a reload.
    fn reload(self) -> App {
        App::start(self.browser)
    }

    fn send(&mut self, msg: Msg) -> Vec<Effect> {
        let before = self.browser.effects.len();
        dispatch(&mut self.model, msg, &mut self.clock, now, |e| self.browser.run(e));
        self.browser.effects[before..].to_vec()
    }

    fn trusted(&mut self, msg: TrustedMsg) -> Vec<Effect> {
        self.send(Msg::Trusted(msg))
    }

    /// Verifies one file in the verify view and returns its signer's standing, in words.
    fn verify(&mut self, text: &str) -> String {
        self.send(Msg::Show(View::Verify));
        let files = self.browser.choose("record.json", text.as_bytes().to_vec());
        self.send(Msg::Review(ReviewMsg::Verify(files)));
        let Some(Verified::One(checked, _)) = &self.model.review.verify.shown else {
            panic!("one record shown")
        };
        let report = checked.report.as_ref().unwrap();
        assert!(report.is_valid(), "{:?}", report.problems);
        let did = &report.proof.as_ref().unwrap().did;
        let standing = self.model.trusted.standing(did, None);
        Lang::Nl.standing_label(&standing)
    }

    fn import(&mut self, bytes: Vec<u8>) -> Vec<Effect> {
        let files = self.browser.choose("lijst.json", bytes);
        self.send(Msg::FilesChosen(FilePurpose::TrustedList, files))
    }
}

/// A signed record by the assessor's key, as the app makes one.
fn record(student_number: &str) -> String {
    let hashed = framework();
    let fw = hashed.framework();
    let mut assessment = Assessment::new(fw);
    for action in [
        Action::SetMode(Mode::Assessor),
        Action::SetMetadata(MetadataField::StudentName, "Sanne de Vries".into()),
        Action::SetMetadata(MetadataField::StudentNumber, student_number.into()),
        Action::SetMetadata(MetadataField::AssessorName, "Karim Haddou".into()),
        Action::SetMetadata(MetadataField::Organisation, "Buurtwerk Noord".into()),
        Action::SetScore { indicator: "LU1.1".into(), score: Score::High },
    ] {
        assessment.apply(fw, action).unwrap();
    }
    let key = SigningKey::from_seed(ASSESSOR_SEED, "2026-12-01T10:00:00Z");
    let id = format!("urn:uuid:00000000-0000-4000-8000-{student_number:0>12}");
    sign_assessment(&hashed, &assessment, &key, "2026-12-01T10:00:00Z", &id)
        .unwrap()
        .record
        .to_string()
}

/// The docent adds the signer of a verified record, confirming the fingerprint.
fn add_from_record(app: &mut App) {
    assert_eq!(app.verify(&record("4812345")), "onbekende ondertekenaar");
    app.trusted(TrustedMsg::Propose {
        did: did_key_from_seed(&ASSESSOR_SEED),
        name: "Karim Haddou".into(),
        organisation: Some("Buurtwerk Noord".into()),
    });
    assert!(app.model.trusted.pending.is_some(), "the fingerprint waits to be confirmed");
    assert!(app.model.trusted.list.assessors.is_empty(), "nothing added before the yes");
    app.trusted(TrustedMsg::ConfirmAdd);
}

#[test]
fn an_unknown_signer_is_added_after_confirming_and_stays_trusted_after_a_reload() {
    let mut app = App::start(Browser::default());
    add_from_record(&mut app);
    assert_eq!(app.model.trusted.notice, Some(TrustedNotice::Added("Karim Haddou".into())));
    assert_eq!(app.verify(&record("4812345")), "vertrouwd: Karim Haddou (Buurtwerk Noord)");
    assert!(app.browser.trusted.is_some(), "the list was kept");

    let mut app = app.reload();
    assert_eq!(app.model.trusted.list.assessors.len(), 1);
    assert_eq!(app.verify(&record("4812346")), "vertrouwd: Karim Haddou (Buurtwerk Noord)");

    // The same key again is not a second entry.
    app.trusted(TrustedMsg::Propose {
        did: did_key_from_seed(&ASSESSOR_SEED),
        name: "K. Haddou".into(),
        organisation: None,
    });
    assert_eq!(app.model.trusted.pending, None);
    assert_eq!(app.model.trusted.notice, Some(TrustedNotice::AlreadyListed("K. Haddou".into())));
}

#[test]
fn a_name_is_needed_to_add_and_cancel_adds_nothing() {
    let mut app = App::start(Browser::default());
    app.trusted(TrustedMsg::Propose {
        did: did_key_from_seed(&ASSESSOR_SEED),
        name: "".into(),
        organisation: None,
    });
    assert!(app.trusted(TrustedMsg::ConfirmAdd).is_empty());
    assert!(app.model.trusted.list.assessors.is_empty());
    app.trusted(TrustedMsg::PendingName("  Karim  ".into()));
    app.trusted(TrustedMsg::PendingOrganisation("Buurtwerk".into()));
    app.trusted(TrustedMsg::CancelAdd);
    assert!(app.model.trusted.list.assessors.is_empty());
    assert_eq!(app.model.trusted.pending, None);

    // A confirmation belongs to the record shown: another record, or another view, drops it.
    for leave in [Msg::Review(ReviewMsg::Verify(Vec::new())), Msg::Show(View::Cohort)] {
        app.trusted(TrustedMsg::Propose {
            did: did_key_from_seed(&ASSESSOR_SEED),
            name: "Karim".into(),
            organisation: None,
        });
        assert!(app.model.trusted.pending.is_some());
        app.send(leave);
        assert_eq!(app.model.trusted.pending, None);
    }
    assert!(app.model.trusted.list.assessors.is_empty());
}

#[test]
fn on_a_shared_profile_the_list_is_signed_with_the_docents_own_key() {
    let other = SigningKey::from_seed([7; 32], "2026-12-06T09:00:00Z");
    let docent = SigningKey::from_seed([8; 32], "2026-12-06T09:00:00Z");
    let mut ring = KeyRing::default();
    ring.add("Examinator Jansen", other.clone());
    ring.add("Petra de Wit", docent.clone());
    let mut app = App::start_with_ring(Browser::default(), ring);
    add_from_record(&mut app);
    app.trusted(TrustedMsg::DocentName("petra  de wit".into()));
    let effects = app.trusted(TrustedMsg::Export);
    assert!(!effects.iter().any(|e| matches!(e, Effect::StoreKey { .. })), "no key is made");
    let (_, text) = app.browser.downloads.last().cloned().expect("a file was offered");
    let signed = read_signed_list(text.as_bytes()).expect("the export verifies");
    assert_eq!(signed.credential.issuer, docent.did(), "the docent's key, not the first");
}

#[test]
fn the_exported_list_is_signed_by_the_docent_and_imported_in_another_browser() {
    let mut docent = App::start(Browser::default());
    add_from_record(&mut docent);
    // A list vouches in someone's name: export waits for it.
    assert!(docent.trusted(TrustedMsg::Export).is_empty());
    assert_eq!(docent.model.trusted.notice, Some(TrustedNotice::NeedsDocentName));
    docent.trusted(TrustedMsg::DocentName("Petra de Wit".into()));
    // No key yet: one is made and kept first, then the list is signed with it.
    let effects = docent.trusted(TrustedMsg::Export);
    assert!(matches!(effects.first(), Some(Effect::StoreKey { then_sign: false, .. })));
    let key = docent.browser.key.clone().expect("a key was kept");
    assert!(matches!(&docent.model.key.status, KeyStatus::Key(k) if *k == key));
    assert_eq!(docent.model.key.ring.keys()[0].owner, "Petra de Wit", "named after the docent");
    let (name, text) = docent.browser.downloads.last().cloned().expect("a file was offered");
    assert_eq!(name, "vertrouwde-beoordelaars-2026-12-06.json");
    let signed = read_signed_list(text.as_bytes()).expect("the export verifies");
    assert_eq!(signed.credential.issuer, key.did());
    assert_eq!(signed.signer_label(), "Petra de Wit");
    assert_eq!(signed.list, *docent.model.trusted.list);
    assert_eq!(docent.model.trusted.notice, Some(TrustedNotice::Exported(name)));

    // A colleague's browser: the signer is unknown until the list is imported.
    let mut colleague = App::start(Browser::default());
    assert_eq!(colleague.verify(&record("4812345")), "onbekende ondertekenaar");

    // A tampered copy is refused and changes nothing.
    let tampered = text.replace("Karim Haddou", "Iemand Anders");
    let effects = colleague.import(tampered.into_bytes());
    assert!(!effects.iter().any(|e| matches!(e, Effect::StoreTrusted(_))));
    assert!(matches!(colleague.model.trusted.notice, Some(TrustedNotice::ImportRefused(_))));
    assert!(colleague.model.trusted.list.assessors.is_empty());
    assert_eq!(colleague.browser.trusted, None);
    // So is a file that is not a list at all.
    colleague.import(record("1").into_bytes());
    assert!(matches!(colleague.model.trusted.notice, Some(TrustedNotice::ImportRefused(_))));

    colleague.import(text.as_bytes().to_vec());
    assert_eq!(
        colleague.model.trusted.notice,
        Some(TrustedNotice::Imported { added: 1, already: 0, by: "Petra de Wit".into() })
    );
    assert_eq!(colleague.verify(&record("4812345")), "vertrouwd: Karim Haddou (Buurtwerk Noord)");
    let mut colleague = colleague.reload();
    assert_eq!(colleague.verify(&record("4812345")), "vertrouwd: Karim Haddou (Buurtwerk Noord)");
    // The same list again adds nothing.
    colleague.import(text.as_bytes().to_vec());
    assert_eq!(
        colleague.model.trusted.notice,
        Some(TrustedNotice::Imported { added: 0, already: 1, by: "Petra de Wit".into() })
    );
}

#[test]
fn an_export_uses_the_key_the_browser_has() {
    let key = SigningKey::from_seed([3; 32], "2026-11-01T10:00:00Z");
    let mut app = App::start(Browser { key: Some(key.clone()), ..Browser::default() });
    add_from_record(&mut app);
    app.trusted(TrustedMsg::DocentName("Petra de Wit".into()));
    let effects = app.trusted(TrustedMsg::Export);
    assert!(!effects.iter().any(|e| matches!(e, Effect::StoreKey { .. })));
    let (_, text) = app.browser.downloads.last().cloned().unwrap();
    assert_eq!(read_signed_list(text.as_bytes()).unwrap().credential.issuer, key.did());
}

#[test]
fn a_removed_assessor_is_unknown_again_and_undo_puts_them_back() {
    let mut app = App::start(Browser::default());
    add_from_record(&mut app);
    let did = did_key_from_seed(&ASSESSOR_SEED);
    app.trusted(TrustedMsg::Remove(did.clone()));
    assert_eq!(app.verify(&record("4812345")), "onbekende ondertekenaar");
    assert_eq!(app.clone_kept_len(), 0, "the removal was kept");
    app.trusted(TrustedMsg::UndoRemove);
    assert_eq!(app.verify(&record("4812345")), "vertrouwd: Karim Haddou (Buurtwerk Noord)");
    assert_eq!(app.clone_kept_len(), 1);
}

#[test]
fn a_listed_assessor_is_renamed_under_the_same_key_and_an_empty_name_is_not_saved() {
    let mut app = App::start(Browser::default());
    add_from_record(&mut app);
    let did = did_key_from_seed(&ASSESSOR_SEED);
    app.trusted(TrustedMsg::Edit(did.clone()));
    let editing = app.model.trusted.editing.clone().expect("the row is open");
    assert_eq!((editing.did.as_str(), editing.name.as_str()), (did.as_str(), "Karim Haddou"));
    // Without a name nothing is saved and the row stays open.
    app.trusted(TrustedMsg::EditName("  ".into()));
    assert!(app.trusted(TrustedMsg::SaveEdit).is_empty());
    assert!(app.model.trusted.editing.is_some());
    // Cancelled, nothing changed.
    app.trusted(TrustedMsg::CancelEdit);
    assert_eq!(app.model.trusted.editing, None);
    assert_eq!(app.verify(&record("4812345")), "vertrouwd: Karim Haddou (Buurtwerk Noord)");
    // Saved: trimmed, an emptied organisation is none, kept for the next start.
    app.trusted(TrustedMsg::Edit(did.clone()));
    app.trusted(TrustedMsg::EditName(" Karim Haddou-El Amrani ".into()));
    app.trusted(TrustedMsg::EditOrganisation(" ".into()));
    let effects = app.trusted(TrustedMsg::SaveEdit);
    assert!(effects.iter().any(|e| matches!(e, Effect::StoreTrusted(_))));
    assert_eq!(
        app.model.trusted.notice,
        Some(TrustedNotice::Changed("Karim Haddou-El Amrani".into()))
    );
    assert_eq!(app.verify(&record("4812345")), "vertrouwd: Karim Haddou-El Amrani");
    let mut app = app.reload();
    assert_eq!(app.verify(&record("4812345")), "vertrouwd: Karim Haddou-El Amrani");
    assert_eq!(app.model.trusted.list.assessors.len(), 1, "the same key, not a second entry");
    // Removing the assessor whose row is open closes it.
    app.trusted(TrustedMsg::Edit(did.clone()));
    app.trusted(TrustedMsg::Remove(did));
    assert_eq!(app.model.trusted.editing, None);
}

impl App {
    /// How many assessors the browser keeps, read back as the app reads them on start.
    fn clone_kept_len(&self) -> usize {
        TrustedState::restore(Ok(self.browser.trusted.clone())).list.assessors.len()
    }
}

#[test]
fn an_unreadable_kept_list_is_never_overwritten_unasked() {
    let browser = Browser { trusted: Some("{ kapot".into()), ..Browser::default() };
    let mut app = App::start(browser);
    assert!(matches!(app.model.trusted.kept, Kept::Unreadable(_)));
    add_from_record(&mut app);
    assert_eq!(app.browser.trusted.as_deref(), Some("{ kapot"), "not overwritten");
    // The docent can take it along before replacing it.
    app.trusted(TrustedMsg::DownloadUnreadable);
    assert_eq!(app.browser.downloads.last().map(|(_, t)| t.to_string()), Some("{ kapot".into()));
    app.trusted(TrustedMsg::ReplaceUnreadable);
    assert_eq!(app.model.trusted.kept, Kept::Saved);
    assert_eq!(app.clone_kept_len(), 1);
}

#[test]
fn storage_that_fails_says_so_and_the_list_holds_in_the_page() {
    let mut app = App::start(Browser { refuse_storage: true, ..Browser::default() });
    add_from_record(&mut app);
    assert_eq!(app.model.trusted.kept, Kept::Failed);
    assert_eq!(app.model.trusted.list.assessors.len(), 1);
    assert_eq!(TrustedState::restore(Err(StorageFailed)).kept, Kept::Failed);
}

#[test]
fn an_export_that_cannot_keep_a_new_key_says_so_and_signs_nothing() {
    let mut app = App::start(Browser { refuse_storage: true, ..Browser::default() });
    app.browser.refuse_keys = true;
    add_from_record(&mut app);
    app.trusted(TrustedMsg::DocentName("Petra de Wit".into()));
    app.trusted(TrustedMsg::Export);
    assert_eq!(app.model.trusted.notice, Some(TrustedNotice::KeyNotKept));
    assert!(app.browser.downloads.is_empty(), "no list signed with a key that is not kept");
    assert_eq!(app.model.key.import, leeruitkomsten::core::app::KeyImport::Idle);
}

#[test]
fn the_cohort_csv_names_each_signer_with_their_standing() {
    let mut app = App::start(Browser::default());
    add_from_record(&mut app);
    // A second assessor nobody vouched for.
    let stranger = {
        let hashed = framework();
        let mut assessment = Assessment::new(hashed.framework());
        for action in [
            Action::SetMetadata(MetadataField::StudentNumber, "2".into()),
            Action::SetMetadata(MetadataField::AssessorName, "Onbekend".into()),
        ] {
            assessment.apply(hashed.framework(), action).unwrap();
        }
        let key = SigningKey::from_seed([9; 32], "2026-12-01T10:00:00Z");
        let id = "urn:uuid:00000000-0000-4000-8000-000000000099";
        sign_assessment(&hashed, &assessment, &key, "2026-12-01T10:00:00Z", id)
            .unwrap()
            .record
            .to_string()
    };
    app.send(Msg::Show(View::Cohort));
    let mut files = app.browser.choose("a.json", record("1").into_bytes());
    files.extend(app.browser.choose("b.json", stranger.into_bytes()));
    app.send(Msg::Review(ReviewMsg::CohortFiles(files)));
    assert_eq!(app.model.review.cohort.cohort.members.len(), 2);
    app.send(Msg::Review(ReviewMsg::DownloadCsv));
    let (_, csv) = app.browser.downloads.last().cloned().unwrap();
    let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
    assert!(
        lines[0].starts_with("Studentnummer;Naam student;Organisatie;Beoordelaar;Ondertekenaar;"),
        "{}",
        lines[0]
    );
    let row = |number: &str| lines.iter().find(|l| l.starts_with(number)).copied().unwrap();
    assert!(
        row("1;")
            .starts_with("1;Sanne de Vries;Buurtwerk Noord;Karim Haddou;Karim Haddou (vertrouwd);"),
        "{lines:?}"
    );
    assert!(row("2;").starts_with("2;;;Onbekend;Onbekend (onbekende ondertekenaar);"), "{lines:?}");
}
