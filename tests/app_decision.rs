//! The examinator's decision, message by message, natively: from a record verified in the verify
//! view to a signed decision file, the work in progress kept in storage across a reload, and the
//! decision beside its record in the cohort. An in-memory browser carries out the effects as
//! `web::runner` does.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::collections::{BTreeMap, VecDeque};
use std::rc::Rc;

use leeruitkomsten::core::app::review::{ReviewMsg, Verified};
use leeruitkomsten::core::app::{
    update, DecideMsg, DecideRefusal, DecideStage, Effect, Entropy, FileRef, KeyStatus, Model, Msg,
    Now, Startup, StorageFailed, View,
};
use leeruitkomsten::core::credentials::decision::{read_decision, OutcomeResult, SignRefusal};
use leeruitkomsten::core::credentials::digest_multibase;
use leeruitkomsten::core::crypto::signing_key::SigningKey;
use leeruitkomsten::core::framework::hashed::HashedFramework;
use leeruitkomsten::core::framework::source::FrameworkSource;
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
            Effect::StoreKey { key, then_sign } => {
                let result = if self.full { Err(StorageFailed) } else { Ok(()) };
                if result.is_ok() {
                    self.key = Some(key.clone());
                }
                Some(Msg::KeyStored { key: Box::new(key), then_sign, result })
            }
            Effect::Download { name, text, purpose, .. } => {
                self.downloads.push((name, text));
                Some(Msg::Downloaded { purpose, ok: true })
            }
            Effect::Copy(text) => {
                self.copied.push(text);
                Some(Msg::Copied(true))
            }
            Effect::ReadFile { file, purpose, .. } => {
                let bytes = self.files.remove(&file.handle).unwrap();
                self.reading.push_back(Msg::FileRead {
                    purpose,
                    name: file.name,
                    result: Ok(bytes),
                });
                None
            }
            other => panic!("the decision flow asked for {other:?}"),
        }
    }

    fn choose(&mut self, files: Vec<(&str, Vec<u8>)>) -> Vec<FileRef> {
        files
            .into_iter()
            .map(|(name, bytes)| {
                self.next_file += 1;
                self.files.insert(self.next_file, bytes);
                FileRef { handle: self.next_file, name: name.into() }
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
    Now {
        time: format!("2026-12-06T10:{:02}:{:02}.000Z", (tick / 60) % 60, tick % 60),
        today: "2026-12-06".into(),
        utc_offset: 60,
        entropy: Some(Entropy([tick as u8; 64])),
    }
}

impl App {
    fn start(browser: Browser, key: KeyStatus) -> App {
        let startup = Startup {
            lang: Lang::Nl,
            listing: Ok(Vec::new()),
            open_id: None,
            migration_failed: false,
            key,
            presets: Vec::new(),
            instruction: None,
            can_share: false,
            source: FrameworkSource::BuiltIn,
            link_failure: None,
        };
        let fw = Rc::new(framework());
        App { model: Model::start(fw, startup, &now(0)), browser, clock: 0 }
    }

    fn send(&mut self, msg: Msg) {
        let mut queue = VecDeque::from([msg]);
        while let Some(msg) = queue.pop_front() {
            self.clock += 1;
            let effects = update(&mut self.model, msg, &now(self.clock));
            queue.extend(effects.into_iter().filter_map(|e| self.browser.run(e)));
        }
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
    assert_eq!(files[0].0, "deelcertificaat-lu1-0123456.json");
    assert_eq!(files[1].0, "deelcertificaat-lu1-0123456.svg");
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
