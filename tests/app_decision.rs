//! The examinator's decision, message by message, natively: from a record verified in the verify
//! view to a signed decision file, the work in progress kept in storage across a reload, and the
//! decision beside its record in the cohort. An in-memory browser carries out the effects as
//! `web::runner` does.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::collections::{BTreeMap, VecDeque};
use std::rc::Rc;
use support::app::{dispatch, empty_startup};

use leeruitkomsten::core::app::review::{ReviewMsg, Verified};
use leeruitkomsten::core::app::{
    BadgesMsg, DecideMsg, DecideRefusal, DecideStage, Effect, FileRef, FolderError, FolderOutcome,
    FolderRef, KeyRing, KeyStatus, Model, Msg, Now, Startup, StorageFailed, View,
};
use leeruitkomsten::core::credentials::decision::{read_decision, OutcomeResult, SignRefusal};
use leeruitkomsten::core::credentials::digest_multibase;
use leeruitkomsten::core::crypto::signing_key::SigningKey;
use leeruitkomsten::core::framework::hashed::HashedFramework;
use leeruitkomsten::core::record::export::sign_assessment;
use leeruitkomsten::i18n::Lang;
use serde_json::Value;
use support::*;

#[derive(Default)]
struct Browser {
    /// What `localStorage` holds under the decision's key.
    kept: Option<String>,
    /// Storage refuses every write.
    full: bool,
    key: Option<SigningKey>,
    files: BTreeMap<u32, Vec<u8>>,
    next_file: u32,
    reading: VecDeque<Msg>,
    downloads: Vec<(String, Rc<str>)>,
    copied: Vec<Rc<str>>,
    /// What `localStorage` holds under the badges' issuer key.
    issuer: Option<String>,
    /// The files written into the folder picked, in order.
    folder: Vec<(String, Rc<str>)>,
    /// Writing the folder fails at this file (its index).
    fail_at: Option<usize>,
}

impl Browser {
    fn run(&mut self, effect: Effect) -> Option<Msg> {
        // Ed25519 as the hogeschool's page does it: the Rust implementation, answering at once.
        if let Some(answer) = leeruitkomsten::core::app::ed25519::answer(&effect) {
            return Some(answer);
        }
        match effect {
            Effect::KeepDecision(text) => {
                if self.full {
                    return Some(Msg::Decide(DecideMsg::Kept(false)));
                }
                self.kept = text.map(|t| t.to_string());
                Some(Msg::Decide(DecideMsg::Kept(true)))
            }
            Effect::StoreKey { key, owner, then_sign, .. } => {
                let result = if self.full { Err(StorageFailed) } else { Ok(()) };
                if result.is_ok() {
                    self.key = Some(key.clone());
                }
                Some(Msg::KeyStored { key: Box::new(key), owner, then_sign, result })
            }
            Effect::Download { name, text, purpose, .. } => {
                self.downloads.push((name, text));
                Some(Msg::Downloaded { purpose, ok: true })
            }
            Effect::Copy(text) => {
                self.copied.push(text);
                Some(Msg::Copied(true))
            }
            // A browser without Web Workers: the page checks the files itself.
            Effect::Workers(leeruitkomsten::core::app::WorkerEffect::Start { run, .. }) => {
                Some(Msg::Review(leeruitkomsten::core::app::ReviewMsg::WorkersFailed(run)))
            }
            Effect::Workers(_) => None,
            Effect::ReadFile { file, purpose, .. } => {
                let bytes = self.files.remove(&file.handle).unwrap();
                self.reading.push_back(Msg::FileRead {
                    purpose,
                    name: file.name,
                    result: Ok(bytes),
                });
                None
            }
            Effect::ReadFiles { files, purpose, .. } => {
                self.reading.push_back(support::app::files_read(purpose, files, &mut self.files));
                None
            }
            Effect::DownloadSeries { files, purpose } => {
                for file in files.iter() {
                    self.downloads.push((file.name.clone(), file.text.clone()));
                    self.reading.push_back(Msg::Downloaded { purpose: purpose.clone(), ok: true });
                }
                None
            }
            Effect::StoreIssuer(text) => {
                if !self.full {
                    self.issuer = Some(text.to_string());
                }
                Some(Msg::Badges(BadgesMsg::IssuerStored(!self.full)))
            }
            // The picker answers later, as the browser's does.
            Effect::PickFolder => {
                self.reading.push_back(Msg::Badges(BadgesMsg::FolderPicked(Ok(FolderRef(1)))));
                None
            }
            Effect::WriteFolder { folder, files } => {
                assert_eq!(folder, FolderRef(1));
                let mut outcome = FolderOutcome { written: Vec::new(), failed: None };
                for (i, file) in files.iter().enumerate() {
                    if self.fail_at == Some(i) {
                        outcome.failed = Some((file.name.clone(), FolderError::Failed));
                        break;
                    }
                    self.folder.push((file.name.clone(), file.text.clone()));
                    outcome.written.push(file.name.clone());
                }
                self.reading.push_back(Msg::Badges(BadgesMsg::FolderWritten(outcome)));
                None
            }
            // This browser keeps no cohort: nothing to bring back, every file kept at once.
            Effect::ListKeptCohort => Some(Msg::Review(ReviewMsg::KeptCohort(Ok(Vec::new())))),
            Effect::KeepCohortFiles(files) => Some(support::app::all_kept(&files)),
            other => panic!("the decision flow asked for {other:?}"),
        }
    }

    fn choose(&mut self, files: Vec<(&str, Vec<u8>)>) -> Vec<FileRef> {
        files
            .into_iter()
            .map(|(name, bytes)| {
                self.next_file += 1;
                self.files.insert(self.next_file, bytes);
                FileRef { handle: self.next_file, name: name.into(), size: 0 }
            })
            .collect()
    }
}

struct App {
    model: Model,
    browser: Browser,
    clock: u64,
}

fn now(tick: u64) -> Now {
    support::app::now(tick, 0)
}

impl App {
    fn start(browser: Browser, key: KeyStatus) -> App {
        let startup = Startup { key, ..empty_startup() };
        let fw = Rc::new(framework());
        App { model: Model::start(fw, startup, &now(0)), browser, clock: 0 }
    }

    fn start_with_ring(browser: Browser, key_ring: KeyRing) -> App {
        let startup = Startup { key_ring, ..empty_startup() };
        let fw = Rc::new(framework());
        App { model: Model::start(fw, startup, &now(0)), browser, clock: 0 }
    }

    fn send(&mut self, msg: Msg) {
        dispatch(&mut self.model, msg, &mut self.clock, now, |e| self.browser.run(e));
    }

    fn decide(&mut self, msg: DecideMsg) {
        self.send(Msg::Decide(msg));
    }

    /// Chooses files in a review view and lets every read answer.
    fn read(&mut self, files: Vec<(&str, Vec<u8>)>, msg: fn(Vec<FileRef>) -> ReviewMsg) {
        let refs = self.browser.choose(files);
        self.send(Msg::Review(msg(refs)));
        while let Some(answer) = self.browser.reading.pop_front() {
            self.send(answer);
        }
    }

    fn verify(&mut self, name: &str, bytes: Vec<u8>) {
        self.send(Msg::Show(View::Verify));
        self.read(vec![(name, bytes)], ReviewMsg::Verify);
    }

    fn stage(&self) -> &DecideStage {
        &self.model.decide.stage
    }
}

/// The sample record as a file holds it, signed by the assessor's key.
fn record_file(fw: &HashedFramework, student: &str, id: &str) -> Vec<u8> {
    let mut assessment = full_assessment(fw);
    assessment.metadata.student_name = student.into();
    let key = SigningKey::from_seed(SEED, CREATED);
    sign_assessment(fw, &assessment, &key, CREATED, id).unwrap().record.as_bytes().to_vec()
}

#[test]
fn a_decision_is_made_on_a_verified_record_signed_with_a_new_key_and_downloaded() {
    let fw = framework();
    let record = record_file(&fw, "Sanne de Vries", RECORD_ID);
    let mut app = App::start(Browser::default(), KeyStatus::None);
    app.verify("sanne.json", record.clone());
    assert!(matches!(&app.model.review.verify.shown, Some(Verified::One(c, _)) if c.is_valid()));
    app.decide(DecideMsg::Open);
    assert_eq!(app.model.view, View::Decide);
    let draft = app.model.decide.draft.clone().unwrap();
    assert!(draft.decision.outcomes.iter().all(|o| o.result == OutcomeResult::NotAssessed));
    assert!(app.browser.kept.is_some(), "the new draft is kept at once");

    // The rules: a name, and a motivation for *niet behaald*.
    app.decide(DecideMsg::TakeAllAdvice);
    app.decide(DecideMsg::SetResult(1, OutcomeResult::NotAchieved));
    app.decide(DecideMsg::StartSigning);
    assert_eq!(app.stage(), &DecideStage::Refused(DecideRefusal::Rules(SignRefusal::NoExaminator)));
    app.decide(DecideMsg::SetExaminator("Examinator Jansen".into()));
    app.decide(DecideMsg::StartSigning);
    assert_eq!(
        app.stage(),
        &DecideStage::Refused(DecideRefusal::Rules(SignRefusal::MissingMotivations(vec![
            "LU2".into()
        ])))
    );
    app.decide(DecideMsg::SetMotivation(1, "Het netwerk is nog niet aangetoond.".into()));
    assert_eq!(app.stage(), &DecideStage::Editing, "the refusal goes once it is met");
    let kept: Value = serde_json::from_str(app.browser.kept.as_deref().unwrap()).unwrap();
    assert_eq!(
        kept["credentialSubject"]["decision"]["learningOutcomes"][1]["motivation"],
        "Het netwerk is nog niet aangetoond."
    );

    app.decide(DecideMsg::StartSigning);
    assert_eq!(app.stage(), &DecideStage::Confirming);
    app.decide(DecideMsg::Sign);
    let DecideStage::Signed(signed) = app.stage().clone() else { panic!("{:?}", app.stage()) };
    let key = app.browser.key.clone().expect("a key was made and kept");
    assert_eq!(signed.signer, key.did());
    assert_eq!(app.model.key.status, KeyStatus::Key(key.clone()));
    let made = &app.model.key.ring.keys()[0];
    assert_eq!(made.owner, "Examinator Jansen", "the key made is named after the examinator");
    assert_eq!(app.browser.kept, None, "a signed decision is no longer work in progress");

    let (name, text) = app.browser.downloads.last().unwrap().clone();
    assert_eq!(name, "besluit-0123456-Sanne-de-Vries-2026-12-06.json");
    let value: Value = serde_json::from_str(&text).unwrap();
    let verified = read_decision(&value, &[&fw]).unwrap();
    assert_eq!(verified.credential.issuer, key.did());
    assert_eq!(verified.credential.issuer_name.as_deref(), Some("Examinator Jansen"));
    let d = &verified.decision;
    let record_value: Value = serde_json::from_slice(&record).unwrap();
    let digest = digest_multibase(&record_value).unwrap();
    assert_eq!(d.check_against(RECORD_ID, &digest, fw.sha256()), Ok(()));
    assert_eq!(d.outcomes[0].result, OutcomeResult::Achieved, "the advice was taken over");
    assert_eq!(d.outcomes[1].result, OutcomeResult::NotAchieved);

    // Signed is final; copying gives the same text, and done goes back to verifying.
    app.decide(DecideMsg::SetResult(1, OutcomeResult::Achieved));
    assert!(matches!(app.stage(), DecideStage::Signed(_)));
    app.decide(DecideMsg::Copy);
    assert_eq!(app.browser.copied, std::slice::from_ref(&text));
    assert!(matches!(app.stage(), DecideStage::Signed(s) if s.copied == Some(true)));
    app.decide(DecideMsg::Finish);
    assert_eq!((app.model.view, app.model.decide.draft.is_none()), (View::Verify, true));
}

/// Opens a decision on the record, takes the advice and names the examinator, up to the yes.
fn up_to_confirming(app: &mut App, record: Vec<u8>, examinator: &str) {
    app.verify("sanne.json", record);
    app.decide(DecideMsg::Open);
    app.decide(DecideMsg::TakeAllAdvice);
    app.decide(DecideMsg::SetExaminator(examinator.into()));
    app.decide(DecideMsg::StartSigning);
    assert_eq!(app.stage(), &DecideStage::Confirming);
}

#[test]
fn on_a_shared_profile_the_examinator_signs_with_their_own_key() {
    let fw = framework();
    let record = record_file(&fw, "Sanne de Vries", RECORD_ID);
    let docent = SigningKey::from_seed([7; 32], CREATED);
    let examinator = SigningKey::from_seed([8; 32], CREATED);
    let mut ring = KeyRing::default();
    ring.add("Docent de Boer", docent.clone());
    ring.add("Examinator Jansen", examinator.clone());
    let mut app = App::start_with_ring(Browser::default(), ring.clone());
    up_to_confirming(&mut app, record.clone(), " examinator jansen");
    app.decide(DecideMsg::Sign);
    let DecideStage::Signed(signed) = app.stage().clone() else { panic!("{:?}", app.stage()) };
    assert_eq!(signed.signer, examinator.did(), "not the first key, the docent's");
    assert!(app.browser.key.is_none(), "no key was made");

    // A name with no key here: the first key signs, as before keys had owners; the view warns.
    let mut app = App::start_with_ring(Browser::default(), ring);
    up_to_confirming(&mut app, record, "Ayla Demir");
    let signer = app.model.key.hogeschool_signer("Ayla Demir").unwrap();
    assert!(signer.belongs_to_other("Ayla Demir"));
    app.decide(DecideMsg::Sign);
    let DecideStage::Signed(signed) = app.stage().clone() else { panic!("{:?}", app.stage()) };
    assert_eq!(signed.signer, docent.did());
}

#[test]
fn on_a_shared_profile_an_examinator_without_a_key_here_can_sign_with_a_new_one_of_their_own() {
    let fw = framework();
    let record = record_file(&fw, "Sanne de Vries", RECORD_ID);
    let docent = SigningKey::from_seed([7; 32], CREATED);
    let mut ring = KeyRing::default();
    ring.add("Docent de Boer", docent.clone());
    let mut app = App::start_with_ring(Browser::default(), ring);
    up_to_confirming(&mut app, record, "Ayla Demir");
    app.send(Msg::ChooseNewKey { name: "Ayla Demir".into(), chosen: true });
    assert_eq!(app.model.key.for_hogeschool("Ayla Demir").signs, None);
    app.decide(DecideMsg::Sign);
    let DecideStage::Signed(signed) = app.stage().clone() else { panic!("{:?}", app.stage()) };
    let made = app.browser.key.clone().expect("a key was made and kept");
    assert_eq!(signed.signer, made.did(), "signed with the new key");
    assert_ne!(signed.signer, docent.did(), "not with the docent's");
    let hers = app.model.key.ring.for_owner("Ayla Demir").expect("kept in her name");
    assert_eq!(hers.key.did(), made.did());
    assert_eq!(app.model.key.ring.keys().len(), 2, "the docent's key stays");
}

#[test]
fn a_reload_takes_the_unsigned_decision_up_again() {
    let fw = framework();
    let mut app = App::start(Browser::default(), KeyStatus::None);
    app.verify("sanne.json", record_file(&fw, "Sanne", RECORD_ID));
    app.decide(DecideMsg::Open);
    app.decide(DecideMsg::SetResult(2, OutcomeResult::NotAchieved));
    app.decide(DecideMsg::SetMotivation(2, "Nog niet".into()));
    let draft = app.model.decide.draft.clone().unwrap();
    let kept = app.browser.kept.clone().unwrap();

    let mut reloaded = App::start(Browser::default(), KeyStatus::None);
    reloaded.decide(DecideMsg::Restore(kept));
    assert_eq!(reloaded.model.view, View::Decide);
    assert_eq!(reloaded.model.decide.draft, Some(draft));
    assert_eq!(reloaded.model.decide.framework.as_ref().map(|f| f.sha256()), Some(fw.sha256()));

    let mut garbage = App::start(Browser::default(), KeyStatus::None);
    garbage.decide(DecideMsg::Restore("{\"version\":1}".into()));
    assert_eq!((garbage.model.view, garbage.model.decide.draft.is_none()), (View::Assess, true));
}

#[test]
fn another_record_waits_while_an_unfinished_decision_is_kept_or_given_up() {
    let fw = framework();
    let other_id = "urn:uuid:0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    let mut app = App::start(Browser::default(), KeyStatus::None);
    app.verify("sanne.json", record_file(&fw, "Sanne", RECORD_ID));
    app.decide(DecideMsg::Open);
    app.decide(DecideMsg::SetResult(0, OutcomeResult::Achieved));
    // The same record reopens the same draft.
    app.verify("sanne.json", record_file(&fw, "Sanne", RECORD_ID));
    app.decide(DecideMsg::Open);
    assert_eq!(
        app.model.decide.draft.as_ref().unwrap().decision.outcomes[0].result,
        OutcomeResult::Achieved
    );
    assert!(app.model.decide.replacing.is_none());

    app.verify("bram.json", record_file(&fw, "Bram", other_id));
    app.decide(DecideMsg::Open);
    assert_eq!(app.model.decide.replacing.as_ref().unwrap().decision.record_id, other_id);
    assert_eq!(app.model.decide.draft.as_ref().unwrap().decision.record_id, RECORD_ID);
    app.decide(DecideMsg::KeepUnfinished);
    assert_eq!(app.model.decide.draft.as_ref().unwrap().decision.record_id, RECORD_ID);
    app.decide(DecideMsg::Open);
    app.decide(DecideMsg::ConfirmReplace);
    assert_eq!(app.model.decide.draft.as_ref().unwrap().decision.record_id, other_id);
    assert_eq!(app.model.decide.framework.as_ref().map(|f| f.sha256()), Some(fw.sha256()));
    let kept: Value = serde_json::from_str(app.browser.kept.as_deref().unwrap()).unwrap();
    assert_eq!(kept["credentialSubject"]["decision"]["record"]["id"], other_id);
}

#[test]
fn no_decision_on_an_invalid_record_and_full_storage_is_said() {
    let fw = framework();
    let mut changed = String::from_utf8(record_file(&fw, "Sanne", RECORD_ID)).unwrap();
    changed = changed.replace("\"Sanne\"", "\"Sanna\"");
    let mut app = App::start(Browser { full: true, ..Browser::default() }, KeyStatus::None);
    app.verify("sanne.json", changed.into_bytes());
    app.decide(DecideMsg::Open);
    assert_eq!((app.model.view, app.model.decide.draft.is_none()), (View::Verify, true));

    app.verify("sanne.json", record_file(&fw, "Sanne", RECORD_ID));
    app.decide(DecideMsg::Open);
    assert!(app.model.decide.not_kept, "the view says the draft lives only in the page");
    app.decide(DecideMsg::SetExaminator("E. Jansen".into()));
    app.decide(DecideMsg::StartSigning);
    app.decide(DecideMsg::Sign);
    assert_eq!(app.stage(), &DecideStage::Refused(DecideRefusal::KeyNotKept));
    assert!(app.browser.downloads.is_empty());
}

#[test]
fn the_cohort_shows_the_decision_beside_its_record() {
    let fw = framework();
    let record = record_file(&fw, "Sanne", RECORD_ID);
    let key = SigningKey::from_seed([6; 32], CREATED);
    let mut app = App::start(Browser::default(), KeyStatus::Key(key));
    app.verify("sanne.json", record.clone());
    app.decide(DecideMsg::Open);
    app.decide(DecideMsg::SetExaminator("Examinator Jansen".into()));
    app.decide(DecideMsg::TakeAllAdvice);
    app.decide(DecideMsg::Sign);
    let decision = app.browser.downloads.last().unwrap().1.as_bytes().to_vec();
    app.send(Msg::Show(View::Cohort));
    app.read(vec![("besluit.json", decision), ("sanne.json", record)], ReviewMsg::CohortFiles);
    let cohort = &app.model.review.cohort.cohort;
    assert_eq!(cohort.members.len(), 1);
    let d = cohort.members[0].decision.as_ref().expect("the decision is beside its record");
    assert_eq!(d.examinator, "Examinator Jansen");
    assert!(d.results.iter().all(|r| *r == OutcomeResult::Achieved));
    assert!(cohort.all_rejected().is_empty());
}

/// After signing: the deelcertificaten of the outcomes *behaald*, each as JSON and as baked SVG,
/// that verify; and in the verify view a badge file, good or changed, is explained.
#[test]
fn a_signed_decision_issues_badges_that_download_and_verify_in_the_verify_view() {
    use leeruitkomsten::core::app::badges::{BadgeCheckProblem, BadgesProblem};
    use leeruitkomsten::core::app::{BadgesMsg, FilePurpose};
    use leeruitkomsten::core::credentials::badge::read_badge;

    let fw = framework();
    let record = record_file(&fw, "Sanne de Vries", RECORD_ID);
    let mut app = App::start(Browser::default(), KeyStatus::None);
    app.verify("sanne.json", record);
    app.decide(DecideMsg::Open);
    app.decide(DecideMsg::TakeAllAdvice);
    app.decide(DecideMsg::SetResult(1, OutcomeResult::NotAchieved));
    app.decide(DecideMsg::SetMotivation(1, "Nog niet aangetoond.".into()));
    app.decide(DecideMsg::SetExaminator("Examinator Jansen".into()));
    app.decide(DecideMsg::StartSigning);
    app.decide(DecideMsg::Sign);
    assert!(matches!(app.stage(), DecideStage::Signed(_)));
    let achieved: Vec<String> = {
        let DecideStage::Signed(signed) = app.stage() else { unreachable!() };
        let value: Value = serde_json::from_str(&signed.text).unwrap();
        let d = read_decision(&value, &[&fw]).unwrap().decision;
        d.outcomes
            .iter()
            .filter(|o| o.result == OutcomeResult::Achieved)
            .map(|o| o.learning_outcome.clone())
            .collect()
    };
    assert!(!achieved.is_empty());

    // The hogeschool's name comes first.
    app.send(Msg::Badges(BadgesMsg::Issue));
    assert_eq!(app.model.badges.problem, Some(BadgesProblem::NoHogeschool));
    app.send(Msg::Badges(BadgesMsg::SetHogeschool("Hogeschool Noord".into())));
    assert_eq!(app.model.badges.problem, None);
    app.send(Msg::Badges(BadgesMsg::Issue));
    let issued = leeruitkomsten::core::app::badges::current(&app.model).cloned().expect("issued");
    assert_eq!(issued.badges.len(), achieved.len());
    let mut ids: Vec<Value> = issued
        .badges
        .iter()
        .map(|b| serde_json::from_str::<Value>(&b.json).unwrap()["id"].clone())
        .collect();
    ids.dedup();
    assert_eq!(ids.len(), achieved.len(), "every badge has an id of its own");

    let before = app.browser.downloads.len();
    app.send(Msg::Badges(BadgesMsg::DownloadAll));
    let files = app.browser.downloads[before..].to_vec();
    assert_eq!(files.len(), 2 * achieved.len());
    assert_eq!(files[0].0, "deelcertificaat-0123456-lu1.json");
    assert_eq!(files[1].0, "deelcertificaat-0123456-lu1.svg");
    let (json, verified) = read_badge(files[0].1.as_bytes()).unwrap();
    let (from_svg, _) = read_badge(files[1].1.as_bytes()).unwrap();
    assert_eq!(json, from_svg, "the SVG holds the same credential");
    assert_eq!(verified.student_number.as_deref(), Some("0123456"));
    assert_eq!(verified.credential.issuer_name.as_deref(), Some("Hogeschool Noord"));
    assert_eq!(
        Some(verified.credential.issuer.as_str()),
        app.browser.key.as_ref().map(|k| k.did())
    );

    // The verify view checks a badge file, and names a changed one as changed.
    app.decide(DecideMsg::Finish);
    assert!(leeruitkomsten::core::app::badges::current(&app.model).is_none());
    let check = |app: &mut App, name: &str, bytes: Vec<u8>| {
        let refs = app.browser.choose(vec![(name, bytes)]);
        app.send(Msg::FilesChosen(FilePurpose::Badge, refs));
        while let Some(answer) = app.browser.reading.pop_front() {
            app.send(answer);
        }
        app.model.badges.checked.clone().unwrap()
    };
    let good = check(&mut app, "lu1.svg", files[1].1.as_bytes().to_vec());
    assert_eq!(good.file_name, "lu1.svg");
    assert_eq!(good.result.as_ref().unwrap().outcome_code.as_deref(), Some("LU1"));
    let changed = files[0].1.replacen("0123456", "0123457", 1);
    let bad = check(&mut app, "lu1.json", changed.into_bytes());
    assert!(matches!(&bad.result, Err(BadgeCheckProblem::Read(_))), "{:?}", bad.result);
    let message = Lang::Nl.badge_check_problem(bad.result.as_ref().unwrap_err());
    assert!(message.starts_with("De handtekening klopt niet"), "{message}");

    // Later (after a reload, another day): the signed decision opened from its file issues the
    // same badges; a changed decision is refused with its reason.
    let decision_text =
        app.browser.downloads.iter().find(|(n, _)| n.starts_with("besluit-")).unwrap().1.clone();
    let open = |app: &mut App, bytes: Vec<u8>| {
        let refs = app.browser.choose(vec![("besluit.json", bytes)]);
        app.send(Msg::FilesChosen(FilePurpose::BadgeDecision, refs));
        while let Some(answer) = app.browser.reading.pop_front() {
            app.send(answer);
        }
    };
    open(&mut app, decision_text.replacen("Examinator Jansen", "Iemand", 1).into_bytes());
    assert!(app.model.badges.opened.is_none());
    assert!(matches!(app.model.badges.open_problem, Some(BadgeCheckProblem::Decision(_))));
    open(&mut app, decision_text.as_bytes().to_vec());
    assert_eq!(app.model.badges.open_problem, None);
    app.send(Msg::Badges(BadgesMsg::Issue));
    let again = leeruitkomsten::core::app::badges::current(&app.model).cloned().expect("issued");
    assert_eq!(again.badges.len(), achieved.len());
    let (value, _) = read_badge(again.badges[0].json.as_bytes()).unwrap();
    assert_eq!(value["credentialSubject"], json["credentialSubject"]);
    assert_ne!(value["id"], json["id"], "issued anew, with an id of its own");
}

/// A record of one student, signed by the assessor's key.
fn student_record(fw: &HashedFramework, name: &str, number: &str, id: &str) -> Vec<u8> {
    let mut assessment = full_assessment(fw);
    assessment.metadata.student_name = name.into();
    assessment.metadata.student_number = number.into();
    let key = SigningKey::from_seed(SEED, CREATED);
    sign_assessment(fw, &assessment, &key, CREATED, id).unwrap().record.as_bytes().to_vec()
}

/// Signs a decision on `record` in `app`: every advice taken (`achieve`), or nothing decided.
fn signed_decision(app: &mut App, record: Vec<u8>, achieve: bool) -> Vec<u8> {
    app.verify("record.json", record);
    app.decide(DecideMsg::Open);
    app.decide(DecideMsg::SetExaminator("Examinator Jansen".into()));
    if achieve {
        app.decide(DecideMsg::TakeAllAdvice);
    }
    app.decide(DecideMsg::StartSigning);
    app.decide(DecideMsg::Sign);
    assert!(matches!(app.stage(), DecideStage::Signed(_)), "{:?}", app.stage());
    let text = app.browser.downloads.last().unwrap().1.as_bytes().to_vec();
    app.decide(DecideMsg::Finish);
    text
}

/// The cohort's deelcertificaten: what will be issued and what is skipped and why, shown first;
/// then one folder of files (each badge as .json and .svg, and overzicht.csv), a write that stops
/// halfway said with the files written, and one download per file where no folder can be picked.
#[test]
fn the_cohort_issues_the_badges_of_this_keys_decisions_as_one_folder() {
    use leeruitkomsten::core::app::badges::BadgesProblem;
    use leeruitkomsten::core::app::cohort_badges::{
        model_plan, CohortProblem, CohortStage, SkipReason,
    };
    use leeruitkomsten::core::credentials::badge::read_badge;
    use std::collections::BTreeSet;

    let fw = framework();
    let sanne = student_record(&fw, "Sanne de Vries", "4812345", RECORD_ID);
    let piet = student_record(
        &fw,
        "Piet Bakker",
        "4812346",
        "urn:uuid:1c7d2e3f-4a5b-4c6d-8e7f-901234567891",
    );
    let kees = student_record(
        &fw,
        "Kees Smit",
        "4812347",
        "urn:uuid:1c7d2e3f-4a5b-4c6d-8e7f-901234567892",
    );
    let jan =
        student_record(&fw, "Jan Dijk", "4812348", "urn:uuid:1c7d2e3f-4a5b-4c6d-8e7f-901234567893");
    let mine = SigningKey::from_seed([6; 32], CREATED);
    let mut app = App::start(Browser::default(), KeyStatus::Key(mine));
    let on_sanne = signed_decision(&mut app, sanne.clone(), true);
    let on_piet = signed_decision(&mut app, piet.clone(), false);
    let on_jan = signed_decision(&mut app, jan, true);
    let mut colleague =
        App::start(Browser::default(), KeyStatus::Key(SigningKey::from_seed([8; 32], CREATED)));
    let on_kees = signed_decision(&mut colleague, kees.clone(), true);

    app.send(Msg::Show(View::Cohort));
    app.read(
        vec![
            ("sanne.json", sanne),
            ("piet.json", piet),
            ("kees.json", kees),
            ("besluit-sanne.json", on_sanne),
            ("besluit-piet.json", on_piet),
            ("besluit-kees.json", on_kees),
            ("besluit-jan.json", on_jan),
        ],
        ReviewMsg::CohortFiles,
    );
    let plan = model_plan(&app.model);
    assert_eq!(plan.students.len(), 1);
    assert_eq!(plan.students[0].student_number, "4812345");
    let outcomes = fw.framework().learning_outcomes().count();
    assert_eq!(plan.badge_count(), outcomes, "every advice taken: every outcome behaald");
    let skipped: Vec<(&str, &SkipReason)> =
        plan.skipped.iter().map(|s| (s.file_name.as_str(), &s.reason)).collect();
    assert_eq!(
        skipped,
        vec![
            ("besluit-piet.json", &SkipReason::NothingAchieved),
            ("besluit-kees.json", &SkipReason::NotThisKey),
            ("besluit-jan.json", &SkipReason::NoRecord),
        ]
    );

    // The hogeschool's name first; a did:web typed must be one.
    app.send(Msg::Badges(BadgesMsg::IssueCohort));
    assert_eq!(
        app.model.badges.cohort.problem,
        Some(CohortProblem::Badges(BadgesProblem::NoHogeschool))
    );
    app.send(Msg::Badges(BadgesMsg::SetHogeschool("Hogeschool Noord".into())));
    app.send(Msg::Badges(BadgesMsg::SetDidWeb("did:web:127.0.0.1".into())));
    app.send(Msg::Badges(BadgesMsg::IssueCohort));
    assert!(matches!(
        app.model.badges.cohort.problem,
        Some(CohortProblem::Badges(BadgesProblem::DidWeb(_)))
    ));
    app.send(Msg::Badges(BadgesMsg::SetDidWeb(String::new())));
    let kept: Value = serde_json::from_str(app.browser.issuer.as_deref().unwrap()).unwrap();
    assert_eq!(kept, serde_json::json!({"hogeschool": "Hogeschool Noord", "didWeb": ""}));

    // A folder: picked first, then signed and written.
    app.model.badges.can_pick_folder = true;
    app.send(Msg::Badges(BadgesMsg::IssueCohort));
    assert_eq!(app.model.badges.cohort.stage, CohortStage::Picking);
    while let Some(answer) = app.browser.reading.pop_front() {
        app.send(answer);
    }
    let total = 2 * outcomes + 1;
    assert!(matches!(
        &app.model.badges.cohort.stage,
        CohortStage::Written { outcome, total: t } if outcome.failed.is_none() && outcome.written.len() == total && *t == total
    ));
    let names: Vec<&str> = app.browser.folder.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names[0], "deelcertificaat-4812345-lu1.json");
    assert_eq!(names[1], "deelcertificaat-4812345-lu1.svg");
    assert_eq!(names.last(), Some(&"overzicht.csv"));
    let mut ids = BTreeSet::new();
    for (name, text) in app.browser.folder.iter().filter(|(n, _)| !n.ends_with(".csv")) {
        let (value, badge) = read_badge(text.as_bytes()).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(badge.student_number.as_deref(), Some("4812345"));
        assert_eq!(badge.credential.issuer_name.as_deref(), Some("Hogeschool Noord"));
        if name.ends_with(".json") {
            assert!(ids.insert(value["id"].to_string()), "{name} has an id of its own");
        }
    }
    let overview = &app.browser.folder.last().unwrap().1;
    let lines: Vec<&str> =
        overview.trim_start_matches('\u{feff}').split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 1 + outcomes);
    assert!(lines[0].starts_with("Studentnummer;Naam student;Leeruitkomst;"), "{}", lines[0]);
    assert!(lines[1].starts_with("4812345;Sanne de Vries;LU1;"), "{}", lines[1]);
    assert!(lines[1]
        .contains(";deelcertificaat-4812345-lu1.json;deelcertificaat-4812345-lu1.svg;urn:uuid:"));
    assert!(lines[1].ends_with(";besluit-sanne.json"), "{}", lines[1]);

    // A write that fails halfway says which files are there.
    app.browser.folder.clear();
    app.browser.fail_at = Some(3);
    app.send(Msg::Badges(BadgesMsg::IssueCohort));
    while let Some(answer) = app.browser.reading.pop_front() {
        app.send(answer);
    }
    let CohortStage::Written { outcome, .. } = &app.model.badges.cohort.stage else {
        panic!("{:?}", app.model.badges.cohort.stage)
    };
    assert_eq!(outcome.written.len(), 3);
    assert_eq!(
        outcome.failed,
        Some(("deelcertificaat-4812345-lu2.svg".into(), FolderError::Failed))
    );
    let said = Lang::Nl.cohort_badges_write_failed(
        "deelcertificaat-4812345-lu2.svg",
        FolderError::Failed,
        3,
        total,
    );
    assert!(said.contains("3 van de"), "{said}");

    // A picker closed without a folder: nothing issued, nothing to warn about.
    app.send(Msg::Badges(BadgesMsg::IssueCohort));
    app.browser.reading.clear();
    app.send(Msg::Badges(BadgesMsg::FolderPicked(Err(FolderError::Cancelled))));
    assert_eq!(
        (&app.model.badges.cohort.stage, &app.model.badges.cohort.problem),
        (&CohortStage::Idle, &None)
    );

    // Without a folder picker: every file one download, said as such.
    app.model.badges.can_pick_folder = false;
    let before = app.browser.downloads.len();
    app.send(Msg::Badges(BadgesMsg::IssueCohort));
    while let Some(answer) = app.browser.reading.pop_front() {
        app.send(answer);
    }
    let downloaded: Vec<&str> =
        app.browser.downloads[before..].iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(downloaded.len(), total);
    assert_eq!(downloaded.last(), Some(&"overzicht.csv"));
    assert!(
        matches!(&app.model.badges.cohort.stage, CohortStage::Downloaded { names, failed: 0 } if names.len() == total)
    );
}

/// With the hogeschool's did:web, a badge names it as issuer and verifies against the did.json
/// the app shows to publish; and the verify view asks for that did.json rather than calling the
/// badge changed.
#[test]
fn a_did_web_badge_is_checked_against_the_did_json_shown_or_chosen() {
    use leeruitkomsten::core::app::badges::{did_json, BadgeCheckProblem};
    use leeruitkomsten::core::app::FilePurpose;

    let fw = framework();
    let record = student_record(&fw, "Sanne de Vries", "4812345", RECORD_ID);
    let mut app =
        App::start(Browser::default(), KeyStatus::Key(SigningKey::from_seed([6; 32], CREATED)));
    let decision = signed_decision(&mut app, record.clone(), true);
    app.send(Msg::Badges(BadgesMsg::SetHogeschool("Hogeschool Noord".into())));
    assert_eq!(did_json(&app.model), None, "no did:web, no did.json");
    app.send(Msg::Badges(BadgesMsg::SetDidWeb(" did:web:Hogeschool.example:opbouwwerk ".into())));
    let published = did_json(&app.model).expect("a did.json to publish");
    assert_eq!(published.did, "did:web:hogeschool.example:opbouwwerk");
    assert_eq!(published.url, "https://hogeschool.example/opbouwwerk/did.json");
    app.send(Msg::Badges(BadgesMsg::DownloadDidJson));
    assert_eq!(app.browser.downloads.last().unwrap().0, "did.json");
    app.send(Msg::Badges(BadgesMsg::CopyDidJson));
    assert_eq!(app.model.badges.did_json_copied, Some(true));
    assert_eq!(app.browser.copied.last().map(|c| c.to_string()), Some(published.text.clone()));

    app.send(Msg::Show(View::Cohort));
    app.read(vec![("sanne.json", record), ("besluit.json", decision)], ReviewMsg::CohortFiles);
    app.send(Msg::Badges(BadgesMsg::IssueCohort));
    while let Some(answer) = app.browser.reading.pop_front() {
        app.send(answer);
    }
    let json = app
        .browser
        .downloads
        .iter()
        .rev()
        .find(|(n, _)| n.ends_with("-lu1.json"))
        .unwrap()
        .1
        .clone();
    let badge: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(badge["issuer"]["id"], "did:web:hogeschool.example:opbouwwerk");

    // In the verify view of this browser, the did.json it shows is the one checked against.
    let check = |app: &mut App, purpose: FilePurpose, name: &str, bytes: Vec<u8>| {
        let refs = app.browser.choose(vec![(name, bytes)]);
        app.send(Msg::FilesChosen(purpose, refs));
        while let Some(answer) = app.browser.reading.pop_front() {
            app.send(answer);
        }
    };
    app.send(Msg::Show(View::Verify));
    check(&mut app, FilePurpose::Badge, "lu1.json", json.as_bytes().to_vec());
    let checked = app.model.badges.checked.clone().unwrap();
    assert_eq!(
        checked.result.as_ref().map(|b| b.credential.issuer.clone()).ok().as_deref(),
        Some("did:web:hogeschool.example:opbouwwerk")
    );

    // Elsewhere (no did:web set here): it asks for the did.json, then checks against it.
    app.send(Msg::Badges(BadgesMsg::SetDidWeb(String::new())));
    check(&mut app, FilePurpose::Badge, "lu1.json", json.as_bytes().to_vec());
    let checked = app.model.badges.checked.clone().unwrap();
    let problem = checked.result.as_ref().unwrap_err();
    assert!(Lang::Nl.badge_check_problem(problem).contains("did.json"), "{problem:?}");
    check(&mut app, FilePurpose::DidDocument, "did.json", b"{\"id\": \"did:key:z6Mk\"}".to_vec());
    assert!(app.model.badges.did_document_problem.is_some());
    check(&mut app, FilePurpose::DidDocument, "did.json", published.text.as_bytes().to_vec());
    let checked = app.model.badges.checked.clone().unwrap();
    assert!(checked.result.is_ok(), "{:?}", checked.result);
    // The same badge, changed, is refused against the same did.json.
    let changed = json.replacen("Hogeschool Noord", "Hogeschool Zuid", 1);
    check(&mut app, FilePurpose::Badge, "lu1.json", changed.into_bytes());
    let checked = app.model.badges.checked.clone().unwrap();
    assert!(matches!(&checked.result, Err(BadgeCheckProblem::Read(_))));
    assert!(Lang::Nl
        .badge_check_problem(checked.result.as_ref().unwrap_err())
        .starts_with("De handtekening klopt niet"));
}

#[test]
fn the_hogeschool_and_its_did_web_are_restored_from_what_was_kept() {
    use leeruitkomsten::core::app::BadgesState;
    let kept = r#"{"hogeschool":"Hogeschool Noord","didWeb":"did:web:hogeschool.example"}"#;
    let state = BadgesState::restore(Some(kept));
    assert_eq!(
        (state.hogeschool.as_str(), state.did_web.as_str()),
        ("Hogeschool Noord", "did:web:hogeschool.example")
    );
    assert_eq!(BadgesState::restore(Some("{nee")), BadgesState::default());
    assert_eq!(BadgesState::restore(Some(r#"{"hogeschool": 3}"#)), BadgesState::default());
    assert_eq!(BadgesState::restore(None), BadgesState::default());
}
