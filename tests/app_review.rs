//! The verify, compare and cohort views, message by message, natively: `core::app::update` with
//! an in-memory browser that carries out the effects as `web::runner` does. Storage and downloads
//! answer at once; a file read answers later, as the browser's does, when the test lets it.

mod support;

use std::collections::{BTreeMap, VecDeque};
use std::rc::Rc;
use support::app::{dispatch, empty_startup};

use leeruitkomsten::core::app::review::{
    CohortChoice, Progress, ReviewMsg, Side, Source, Verified, PROGRESS_EVERY, TABLE_PAGE,
};
use leeruitkomsten::core::app::{
    CohortFile, DownloadPurpose, Effect, FileReadError, FileRef, Model, Msg, Now, Startup,
    StorageFailed, View, WorkerEffect,
};
use leeruitkomsten::core::assessment::{Action, Answer, Assessment, MetadataField, Mode};
use leeruitkomsten::core::crypto::signing_key::SigningKey;
use leeruitkomsten::core::framework::catalogue::load_all;
use leeruitkomsten::core::framework::hashed::HashedFramework;
use leeruitkomsten::core::framework::score::Score;
use leeruitkomsten::core::library::saved::{to_json, SavedEntry};
use leeruitkomsten::core::library::{entry_key, read_all, Listed};
use leeruitkomsten::core::record::export::sign_assessment;
use leeruitkomsten::core::record::{RecordProblem, MAX_RECORD_BYTES};
use leeruitkomsten::core::review::bulk::{deal, verdict, Results, Verdict, RESULTS_PER_MESSAGE};
use leeruitkomsten::core::review::cohort::{Reason, Separator};
use leeruitkomsten::core::review::compare::Warning;
use leeruitkomsten::i18n::Lang;

/// A file as the browser would give it: its bytes, or why it gives none.
type FileContent = Result<Vec<u8>, FileReadError>;

#[derive(Default)]
struct Browser {
    entries: BTreeMap<String, SavedEntry>,
    files: BTreeMap<u32, FileContent>,
    next_file: u32,
    /// File reads asked for and not yet answered, in order.
    reading: VecDeque<Msg>,
    downloads: Vec<(String, &'static str, Rc<str>)>,
    /// Whether downloads work.
    refuse_downloads: bool,
    effects: Vec<Effect>,
    /// The cohort's files as the browser keeps them (IndexedDB), by key.
    kept: BTreeMap<u32, (String, Vec<u8>)>,
    /// The browser keeps nothing (storage full or turned off).
    refuse_keeping: bool,
    /// Whether the browser has Web Workers: then two verify workers answer a run, the second's
    /// verdicts first, as `core::review::bulk` would.
    workers: bool,
}

impl Browser {
    fn listing(&self) -> Result<Vec<Listed>, StorageFailed> {
        let texts =
            self.entries.values().map(|e| (entry_key(&e.id), to_json(e).unwrap())).collect();
        Ok(read_all(texts))
    }

    fn run(&mut self, effect: Effect) -> Option<Msg> {
        self.effects.push(effect.clone());
        // Ed25519 as the hogeschool's page does it: the Rust implementation, answering at once.
        if let Some(answer) = leeruitkomsten::core::app::ed25519::answer(&effect) {
            return Some(answer);
        }
        match effect {
            Effect::List => Some(Msg::Listed(self.listing())),
            Effect::Download { name, mime, text, purpose } => {
                self.downloads.push((name, mime, text));
                Some(Msg::Downloaded { purpose, ok: !self.refuse_downloads })
            }
            Effect::Workers(WorkerEffect::Start { run, files }) if self.workers => {
                let known = load_all();
                let known: Vec<&HashedFramework> = known.iter().collect();
                for hand in deal(files.len(), 2).into_iter().rev() {
                    for block in hand.chunks(RESULTS_PER_MESSAGE) {
                        let verdicts = block
                            .iter()
                            .map(|&i| {
                                let found = match &self.files[&files[i as usize].handle] {
                                    Ok(bytes) => verdict(bytes, &known),
                                    Err(_) => Verdict::Unreadable,
                                };
                                (i, found)
                            })
                            .collect();
                        let text = Results { run, verdicts }.encode();
                        self.reading.push_back(Msg::Review(ReviewMsg::WorkerResults(text)));
                    }
                }
                None
            }
            Effect::Workers(WorkerEffect::Start { run, .. }) => {
                Some(Msg::Review(ReviewMsg::WorkersFailed(run)))
            }
            // Nothing to start ahead: the workers here answer at once.
            Effect::Workers(WorkerEffect::Warm) => None,
            Effect::Workers(WorkerEffect::Stop) => {
                self.reading.retain(|m| !matches!(m, Msg::Review(ReviewMsg::WorkerResults(_))));
                None
            }
            Effect::Workers(WorkerEffect::Forget(files)) => {
                for file in files {
                    self.files.remove(&file.handle);
                }
                None
            }
            Effect::ReadFile { file, max_bytes, purpose } => {
                let result = self.read(file.handle, max_bytes);
                self.reading.push_back(Msg::FileRead { purpose, name: file.name, result });
                None
            }
            Effect::ReadFiles { files, max_bytes, purpose } => {
                let files = files
                    .into_iter()
                    .map(|file| (file.name, self.read(file.handle, max_bytes)))
                    .collect();
                self.reading.push_back(Msg::FilesRead { purpose, files });
                None
            }
            Effect::KeepCohortFiles(files) => {
                let keys = files.iter().map(|f| f.key).collect();
                let result = if self.refuse_keeping {
                    Err(StorageFailed)
                } else {
                    for CohortFile { key, name, bytes } in files {
                        self.kept.insert(key, (name, bytes.to_vec()));
                    }
                    Ok(())
                };
                Some(Msg::Review(ReviewMsg::CohortFilesKept { keys, result }))
            }
            Effect::ListKeptCohort => {
                Some(Msg::Review(ReviewMsg::KeptCohort(if self.refuse_keeping {
                    Err(StorageFailed)
                } else {
                    Ok(self.kept.keys().copied().collect())
                })))
            }
            Effect::ReadKeptCohortFile { key, purpose } => {
                let (name, bytes) = self.kept.get(&key).cloned().unwrap();
                self.reading.push_back(Msg::FileRead { purpose, name, result: Ok(bytes) });
                None
            }
            Effect::ReadKeptCohortFiles { keys, purpose } => {
                let files = keys
                    .iter()
                    .map(|key| self.kept.get(key).cloned().unwrap())
                    .map(|(name, bytes)| (name, Ok(bytes)))
                    .collect();
                self.reading.push_back(Msg::FilesRead { purpose, files });
                None
            }
            Effect::ClearKeptCohort => {
                self.kept.clear();
                Some(Msg::Review(ReviewMsg::CohortCleared(Ok(()))))
            }
            other => panic!("the review views asked for {other:?}"),
        }
    }

    /// A chosen file's bytes, as the browser reads them: once, and not over `max_bytes`.
    fn read(&mut self, handle: u32, max_bytes: usize) -> FileContent {
        match self.files.remove(&handle).unwrap() {
            Ok(bytes) if bytes.len() > max_bytes => {
                Err(FileReadError::TooLarge { bytes: bytes.len() as u64 })
            }
            other => other,
        }
    }

    /// Holds files as a file input would, and hands out their handles.
    fn choose(&mut self, files: Vec<(&str, FileContent)>) -> Vec<FileRef> {
        files
            .into_iter()
            .map(|(name, content)| {
                self.next_file += 1;
                let size = content.as_ref().map_or(0, |bytes| bytes.len() as u64);
                self.files.insert(self.next_file, content);
                FileRef { handle: self.next_file, name: name.into(), size }
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

fn framework() -> Rc<HashedFramework> {
    Rc::new(HashedFramework::default_framework().unwrap())
}

impl App {
    fn start(browser: Browser) -> App {
        let startup = Startup { listing: browser.listing(), ..empty_startup() };
        App { model: Model::start(framework(), startup, &now(0)), browser, clock: 0 }
    }

    /// Sends `msg` and handles every answer that comes at once; returns the effects it caused.
    fn send(&mut self, msg: Msg) -> Vec<Effect> {
        let before = self.browser.effects.len();
        dispatch(&mut self.model, msg, &mut self.clock, now, |e| self.browser.run(e));
        self.browser.effects[before..].to_vec()
    }

    fn review(&mut self, msg: ReviewMsg) -> Vec<Effect> {
        self.send(Msg::Review(msg))
    }

    /// Lets the browser answer the oldest file read; false when none waits.
    fn answer_one(&mut self) -> bool {
        match self.browser.reading.pop_front() {
            Some(msg) => {
                self.send(msg);
                true
            }
            None => false,
        }
    }

    /// Lets every file read be answered, and those the answers ask for.
    fn settle(&mut self) {
        while self.answer_one() {}
    }

    fn choose(&mut self, files: Vec<(&str, FileContent)>) -> Vec<FileRef> {
        self.browser.choose(files)
    }

    /// Chooses `records` (name and text) as files, readable as they are.
    fn choose_records(&mut self, records: &[(String, String)]) -> Vec<FileRef> {
        self.choose(records.iter().map(|(name, text)| (name.as_str(), bytes(text))).collect())
    }
}

/// A signed record of the built-in framework, made as the app makes one.
fn record(student: &str, number: &str, mode: Mode, id: u32, scores: &[(&str, Score)]) -> String {
    let hashed = framework();
    let fw = hashed.framework();
    let mut assessment = Assessment::new(fw);
    let mut actions = vec![
        Action::SetMode(mode),
        Action::SetMetadata(MetadataField::StudentName, student.into()),
        Action::SetMetadata(MetadataField::StudentNumber, number.into()),
        Action::SetMetadata(MetadataField::Date, "2026-11-30".into()),
        Action::SetMetadata(MetadataField::Organisation, "Buurtwerk West".into()),
    ];
    if mode == Mode::Assessor {
        actions.push(Action::SetMetadata(MetadataField::AssessorName, "Petra de Wit".into()));
    }
    actions.extend(
        scores.iter().map(|(i, score)| Action::SetScore { indicator: (*i).into(), score: *score }),
    );
    for action in actions {
        assessment.apply(fw, action).unwrap();
    }
    let key = SigningKey::from_seed([7; 32], "2026-12-01T10:00:00Z");
    let record_id = format!("urn:uuid:00000000-0000-4000-8000-{id:012}");
    let signed =
        sign_assessment(&hashed, &assessment, &key, "2026-12-01T10:00:00Z", &record_id).unwrap();
    signed.record.to_string()
}

fn bytes(text: &str) -> FileContent {
    Ok(text.as_bytes().to_vec())
}

/// Files asked for, one by one or in a batch.
fn file_reads(effects: &[Effect]) -> usize {
    effects
        .iter()
        .map(|e| match e {
            Effect::ReadFile { .. } => 1,
            Effect::ReadFiles { files, .. } => files.len(),
            _ => 0,
        })
        .sum()
}

#[test]
fn several_files_are_read_one_at_a_time_and_verified_each_with_its_reasons() {
    let mut app = App::start(Browser::default());
    app.send(Msg::Show(View::Verify));
    let valid = record("Sanne de Vries", "4812345", Mode::Assessor, 1, &[("LU1.1", Score::High)]);
    let tampered = valid.replace("Sanne de Vries", "Iemand Anders");
    let files = app.choose(vec![
        ("1-echt.json", bytes(&valid)),
        ("2-veranderd.json", bytes(&tampered)),
        ("3-brief.json", bytes("Beste docent,")),
        ("4-te-groot.json", Ok(vec![b' '; MAX_RECORD_BYTES + 1])),
        ("5-weg.json", Err(FileReadError::Unreadable)),
    ]);

    // Only the first file is asked for; each answer asks for the next.
    assert_eq!(file_reads(&app.review(ReviewMsg::Verify(files))), 1);
    for _ in 0..4 {
        assert!(
            app.model.review.verify.shown.is_none(),
            "nothing is shown before every file is read"
        );
        let before = app.browser.effects.len();
        assert!(app.answer_one());
        assert_eq!(file_reads(&app.browser.effects[before..]), 1);
    }
    assert!(app.answer_one());
    assert!(!app.answer_one());

    let state = &app.model.review.verify;
    assert_eq!(state.results, 1);
    let Some(Verified::Many(all)) = &state.shown else { panic!("{:?}", state.shown) };
    let names: Vec<&str> = all.iter().map(|c| c.file_name.as_str()).collect();
    assert_eq!(
        names,
        ["1-echt.json", "2-veranderd.json", "3-brief.json", "4-te-groot.json", "5-weg.json"]
    );
    let valid_ones: Vec<bool> = all.iter().map(|c| c.is_valid()).collect();
    assert_eq!(valid_ones, [true, false, false, false, false]);
    let problems = |n: usize| all[n].problems().to_vec();
    assert!(problems(1).contains(&RecordProblem::SignatureMismatch), "{:?}", problems(1));
    assert!(matches!(problems(2)[..], [RecordProblem::NotJson]), "{:?}", problems(2));
    assert_eq!(
        problems(3),
        [RecordProblem::TooLarge { bytes: MAX_RECORD_BYTES + 1, limit: MAX_RECORD_BYTES }]
    );
    assert!(!all[4].was_read(), "a file the browser could not read has no report");
    // Who signed, and whose record it is, for the valid one.
    let report = all[0].report.as_ref().unwrap();
    assert_eq!(report.record.as_ref().unwrap().subject.name, "Sanne de Vries");
    assert!(report.proof.is_some());
}

#[test]
fn one_file_is_shown_in_full_and_a_newer_choice_or_leaving_the_view_drops_an_older_one() {
    let mut app = App::start(Browser::default());
    app.send(Msg::Show(View::Verify));
    let valid =
        record("Sanne de Vries", "4812345", Mode::SelfAssessment, 1, &[("LU1.2", Score::Good)]);

    let first = app.choose(vec![("oud.json", bytes("{"))]);
    app.review(ReviewMsg::Verify(first));
    // Another file is chosen before the first has been read: only the second counts.
    let second = app.choose(vec![("echt.json", bytes(&valid))]);
    app.review(ReviewMsg::Verify(second));
    app.settle();
    let state = &app.model.review.verify;
    assert_eq!(state.results, 1);
    let Some(Verified::One(checked, Some(shown))) = &state.shown else {
        panic!("{:?}", state.shown)
    };
    assert_eq!(checked.file_name, "echt.json");
    assert!(checked.is_valid());
    assert_eq!(shown.assessment.metadata.student_name, "Sanne de Vries");
    assert_eq!(shown.assessment.metadata.mode, Mode::SelfAssessment);
    assert_eq!(shown.summary.overall.count(Score::Good), 1);

    // The same file again is a new result, announced again.
    let again = app.choose(vec![("echt.json", bytes(&valid))]);
    app.review(ReviewMsg::Verify(again));
    app.settle();
    assert_eq!(app.model.review.verify.results, 2);

    // Leaving the view starts it afresh on return, and a read still under way is dropped.
    let late = app.choose(vec![("laat.json", bytes(&valid))]);
    app.review(ReviewMsg::Verify(late));
    app.send(Msg::Show(View::Library));
    app.send(Msg::Show(View::Verify));
    app.settle();
    assert_eq!(app.model.review.verify.shown, None);
}

#[test]
fn a_self_assessment_and_an_assessors_record_are_compared_per_indicator() {
    let mut app = App::start(Browser::default());
    app.send(Msg::Show(View::Compare));
    let student = record(
        "Sanne de Vries",
        "4812345",
        Mode::SelfAssessment,
        1,
        &[("LU1.1", Score::High), ("LU1.2", Score::Good)],
    );
    let assessor = record(
        "Sanne de Vries",
        "4812345",
        Mode::Assessor,
        2,
        &[("LU1.1", Score::Present), ("LU1.2", Score::Good)],
    );

    // The assessor's record in the first slot: taken the other way round.
    let files = app.choose(vec![("beoordelaar.json", bytes(&assessor))]);
    app.review(ReviewMsg::CompareFile(Side::SelfAssessment, files));
    app.settle();
    assert!(app.model.review.compare.compared.is_none(), "one side is not a comparison");
    let files = app.choose(vec![("zelf.json", bytes(&student))]);
    app.review(ReviewMsg::CompareFile(Side::Assessor, files));
    app.settle();

    let compare = &app.model.review.compare;
    assert_eq!(
        compare.side(Side::SelfAssessment).unwrap().source,
        Source::File("beoordelaar.json".into())
    );
    let compared = compare.compared.as_ref().unwrap();
    assert!(compared.trusted);
    assert_eq!(compared.framework.sha256(), framework().sha256());
    let comparison = compared.outcome.as_ref().unwrap();
    assert!(comparison.swapped);
    assert!(comparison.warnings.is_empty(), "{:?}", comparison.warnings);
    let pair = |id: &str| comparison.indicators.iter().find(|p| &*p.id == id).unwrap();
    assert_eq!(
        (pair("LU1.1").student, pair("LU1.1").assessor),
        (Answer::Scored(Score::High), Answer::Scored(Score::Present))
    );
    assert_eq!(pair("LU1.1").difference(), Some(-2));
    assert_eq!(pair("LU1.2").difference(), Some(0));
    assert_eq!(&*comparison.talking_points()[0].id, "LU1.1");

    // A changed file replaces its side; the comparison then says it cannot be trusted.
    let changed = student.replace("Sanne de Vries", "Iemand Anders");
    let files = app.choose(vec![("zelf-veranderd.json", bytes(&changed))]);
    app.review(ReviewMsg::CompareFile(Side::Assessor, files));
    app.settle();
    let compared = app.model.review.compare.compared.clone().unwrap();
    assert!(!compared.trusted);
    assert!(compared.outcome.is_ok(), "an untrusted record is still compared");

    // Two self-assessments: compared, with a warning.
    let files = app.choose(vec![("zelf.json", bytes(&student))]);
    app.review(ReviewMsg::CompareFile(Side::SelfAssessment, files));
    app.settle();
    let comparison = app.model.review.compare.compared.clone().unwrap().outcome.clone().unwrap();
    assert!(comparison.warnings.contains(&Warning::SameMode(Mode::SelfAssessment)));
}

#[test]
fn a_signed_assessment_kept_in_this_browser_is_compared_like_a_file() {
    let hashed = framework();
    let text = record("Daan Jansen", "4000001", Mode::Assessor, 3, &[("LU1.1", Score::Good)]);
    let mut assessment = Assessment::new(hashed.framework());
    for action in [
        Action::SetMetadata(MetadataField::StudentName, "Daan Jansen".into()),
        Action::SetMetadata(MetadataField::StudentNumber, "4000001".into()),
        Action::SetScore { indicator: "LU1.1".into(), score: Score::Good },
    ] {
        assessment.apply(hashed.framework(), action).unwrap();
    }
    let key = SigningKey::from_seed([4; 32], "2026-12-01T10:00:00Z");
    let signed =
        sign_assessment(&hashed, &assessment, &key, "2026-12-01T11:00:00Z", "urn:uuid:s").unwrap();
    assessment.apply(hashed.framework(), Action::Seal(signed)).unwrap();
    let mut app = App::start(Browser::default());
    // Signed after the app started: the view asks storage again when shown.
    app.browser.entries.insert(
        "kept".into(),
        SavedEntry { id: "kept".into(), updated: "2026-12-01T11:00:00Z".into(), assessment },
    );
    let effects = app.send(Msg::Show(View::Compare));
    assert!(effects.contains(&Effect::List));
    assert_eq!(app.model.library.entries().filter(|e| e.assessment.is_final()).count(), 1);

    app.review(ReviewMsg::CompareSaved(Side::Assessor, "kept".into()));
    let files = app.choose(vec![("zelf.json", bytes(&text))]);
    app.review(ReviewMsg::CompareFile(Side::SelfAssessment, files));
    app.settle();
    let compare = &app.model.review.compare;
    let chosen = compare.side(Side::Assessor).unwrap();
    assert!(
        matches!(&chosen.source, Source::Saved { name, number, .. } if name == "Daan Jansen" && number == "4000001")
    );
    assert!(chosen.report.as_ref().unwrap().is_valid());
    assert!(compare.compared.as_ref().unwrap().outcome.is_ok());

    // An id storage no longer holds changes nothing.
    app.review(ReviewMsg::CompareSaved(Side::Assessor, "gone".into()));
    assert!(app.model.review.compare.side(Side::Assessor).is_some());
}

/// Records of several students, modes and organisations, each with an id of its own.
fn cohort_records(count: u32) -> Vec<(String, String)> {
    (0..count)
        .map(|n| {
            let mode = if n % 3 == 2 { Mode::SelfAssessment } else { Mode::Assessor };
            let score = [Score::Present, Score::Good, Score::High][(n % 3) as usize];
            let text = record(
                &format!("Student {n:03}"),
                &format!("{}", 4000000 + n),
                mode,
                100 + n,
                &[("LU1.1", score), ("LU1.2", Score::Good)],
            );
            (format!("record-{n:03}.json"), text)
        })
        .collect()
}

#[test]
fn a_cohort_takes_valid_records_in_and_keeps_copies_and_bad_files_apart_with_reasons() {
    let mut app = App::start(Browser::default());
    app.send(Msg::Show(View::Cohort));
    let records = cohort_records(6);
    let tampered = records[1].1.replace("Student 001", "Iemand Anders");
    let mut files: Vec<(&str, FileContent)> =
        records.iter().map(|(name, text)| (name.as_str(), bytes(text))).collect();
    files.extend([
        ("kopie-van-record-000.json", bytes(&records[0].1)),
        ("veranderd.json", bytes(&tampered)),
        ("brief.json", bytes("Beste docent, hierbij de beoordelingen.")),
        ("te-groot.json", Ok(vec![b' '; MAX_RECORD_BYTES + 1])),
        ("weg.json", Err(FileReadError::Unreadable)),
    ]);
    let files = app.choose(files);
    app.review(ReviewMsg::CohortFiles(files));
    assert_eq!(app.model.review.cohort.progress, Some((0, 11)));
    app.settle();

    let state = &app.model.review.cohort;
    assert_eq!(state.progress, None);
    let cohort = &state.cohort;
    assert_eq!(cohort.members.len(), 6);
    let rejected: Vec<(&str, &Reason)> =
        cohort.rejected.iter().map(|r| (r.file_name.as_str(), &r.reason)).collect();
    assert_eq!(rejected.len(), 5);
    assert_eq!(
        rejected[0],
        ("kopie-van-record-000.json", &Reason::Copy { of: "record-000.json".into() })
    );
    assert!(
        matches!(rejected[1], ("veranderd.json", Reason::Invalid(p)) if p.contains(&RecordProblem::SignatureMismatch))
    );
    assert!(
        matches!(rejected[2], ("brief.json", Reason::Invalid(p)) if matches!(p[..], [RecordProblem::NotJson]))
    );
    assert_eq!(
        rejected[3],
        (
            "te-groot.json",
            &Reason::Invalid(vec![RecordProblem::TooLarge {
                bytes: MAX_RECORD_BYTES + 1,
                limit: MAX_RECORD_BYTES
            }])
        )
    );
    assert_eq!(rejected[4], ("weg.json", &Reason::Unreadable));
    // The reasons are worded when shown, in the language then chosen.
    assert!(Lang::Nl.cohort_reason(rejected[0].1).contains("record-000.json"));

    // More files come on top; a copy of one taken in earlier is still a copy.
    let more = cohort_records(8);
    let files = app.choose(vec![
        ("record-006.json", bytes(&more[6].1)),
        ("nog-een-kopie.json", bytes(&more[2].1)),
    ]);
    app.review(ReviewMsg::CohortFiles(files));
    app.settle();
    let cohort = &app.model.review.cohort.cohort;
    assert_eq!((cohort.members.len(), cohort.rejected.len()), (7, 6));
    assert_eq!(cohort.rejected[5].reason, Reason::Copy { of: "record-002.json".into() });
}

#[test]
fn a_large_batch_reports_its_progress_and_shows_the_cohort_once_every_file_is_read() {
    let mut app = App::start(Browser::default());
    app.send(Msg::Show(View::Cohort));
    let records = cohort_records(60);
    let files = app.choose_records(&records);
    app.review(ReviewMsg::CohortFiles(files));
    let shown_before = app.model.review.cohort.cohort.clone();
    let mut progress = vec![app.model.review.cohort.progress];
    // Files given while a batch is read wait for it (the view offers no input then, but nothing
    // given is dropped), and are taken in as the next batch.
    let extra = app.choose(vec![("extra.json", bytes(&records[0].1))]);
    assert_eq!(file_reads(&app.review(ReviewMsg::CohortFiles(extra))), 0);
    while app.answer_one() {
        let state = &app.model.review.cohort;
        if progress.last() != Some(&state.progress) {
            progress.push(state.progress);
        }
        if state.progress.is_some_and(|(_, total)| total == 60) {
            // The cohort shown is not touched while the batch is read, so that the view never
            // copies or redraws it per file.
            assert!(Rc::ptr_eq(&state.cohort, &shown_before));
        }
    }
    assert_eq!(PROGRESS_EVERY, 25);
    assert_eq!(progress, [Some((0, 60)), Some((25, 60)), Some((50, 60)), Some((0, 1)), None]);
    let cohort = &app.model.review.cohort.cohort;
    assert_eq!(cohort.rejected.len(), 1);
    assert_eq!(cohort.rejected[0].file_name, "extra.json");
    assert_eq!(cohort.rejected[0].reason, Reason::Copy { of: records[0].0.clone() });
    assert_eq!(app.model.review.cohort.cohort.members.len(), 60);
}

#[test]
fn filters_narrow_the_rows_and_the_csv_download_has_the_framework_and_todays_date_in_its_name() {
    let mut app = App::start(Browser::default());
    app.send(Msg::Show(View::Cohort));
    let records = cohort_records(9);
    let files = app.choose_records(&records);
    app.review(ReviewMsg::CohortFiles(files));
    app.settle();

    let state = &app.model.review.cohort;
    let framework = state.framework().unwrap().clone();
    assert_eq!(framework.sha256(), self::framework().sha256());
    assert_eq!(state.separator(Lang::Nl), Separator::Semicolon);
    assert_eq!(state.separator(Lang::En), Separator::Comma);

    app.review(ReviewMsg::CohortMode(Some(Mode::SelfAssessment)));
    let state = &app.model.review.cohort;
    let filter = state.filter(&framework);
    let shown = leeruitkomsten::core::review::cohort::rows(&state.cohort, &filter);
    assert_eq!(shown.len(), 3);
    assert!(shown.iter().all(|m| m.mode == Mode::SelfAssessment));

    let effects = app.review(ReviewMsg::DownloadCsv);
    let [Effect::Download { name, mime, text, purpose }] = &effects[..] else {
        panic!("{effects:?}")
    };
    assert_eq!(name, "cohort-leeruitkomsten-opbouwwerk-2026-2026-12-06.csv");
    assert_eq!(*mime, "text/csv;charset=utf-8");
    assert_eq!(*purpose, DownloadPurpose::CohortCsv);
    assert!(text.starts_with(
        "\u{feff}Studentnummer;Naam student;Organisatie;Beoordelaar;Ondertekenaar;Vingerafdruk;\
         Modus;Datum;Indicatoren gescoord;Indicatoren totaal;"
    ));
    let lines: Vec<&str> = text.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 1 + 3, "a header and the three self-assessments");
    assert_eq!(lines[1], lines[1].replace(',', ";"), "semicolons, as Dutch Excel reads");
    // The student signed their own record, with a key no trusted list names.
    // Two of the 42 indicators scored; the key's fingerprint as every view shows it.
    let key = SigningKey::from_seed([7; 32], "2026-12-01T10:00:00Z").fingerprint();
    assert!(lines[1].starts_with(&format!(
        "4000002;Student 002;Buurtwerk West;;Student 002 (onbekende ondertekenaar);{key};\
         Zelfbeoordeling;2026-11-30;2;42;"
    )));
    assert!(!app.model.review.cohort.download_failed);

    // Commas, every mode, and the file the browser would not make is reported.
    app.review(ReviewMsg::CohortMode(None));
    app.review(ReviewMsg::CohortSeparator(Separator::Comma));
    app.browser.refuse_downloads = true;
    app.review(ReviewMsg::DownloadCsv);
    let (_, _, text) = app.browser.downloads.last().unwrap();
    assert!(text.starts_with("\u{feff}Studentnummer,Naam student,"));
    assert_eq!(text.split("\r\n").filter(|l| !l.is_empty()).count(), 1 + 9);
    assert!(app.model.review.cohort.download_failed);

    // An organisation filter that matches nobody leaves no rows.
    app.review(ReviewMsg::CohortOrganisation(Some("Wijkteam Oost".into())));
    let state = &app.model.review.cohort;
    let rows = leeruitkomsten::core::review::cohort::rows(&state.cohort, &state.filter(&framework));
    assert!(rows.is_empty());
}

#[test]
fn the_cohort_stays_while_the_user_looks_at_another_view_and_its_filters_start_afresh() {
    let mut app = App::start(Browser::default());
    app.send(Msg::Show(View::Cohort));
    let records = cohort_records(30);
    let files = app.choose_records(&records);
    app.review(ReviewMsg::CohortFiles(files));
    // Half read, the user looks at the library; the batch goes on there.
    for _ in 0..15 {
        app.answer_one();
    }
    app.send(Msg::Show(View::Library));
    app.settle();
    app.send(Msg::Show(View::Verify));
    app.review(ReviewMsg::CohortMode(Some(Mode::Assessor)));
    app.review(ReviewMsg::CohortSeparator(Separator::Comma));
    app.review(ReviewMsg::MoreCohortRows);
    let kept = app.model.review.cohort.cohort.clone();

    app.send(Msg::Show(View::Cohort));
    let state = &app.model.review.cohort;
    assert!(Rc::ptr_eq(&state.cohort, &kept), "the same records, not a copy");
    assert_eq!(state.cohort.members.len(), 30);
    assert_eq!(state.choice, CohortChoice::default());
    assert_eq!(state.separator, None);

    // Clearing asks first, then empties it.
    app.review(ReviewMsg::ClearCohort);
    assert_eq!(app.model.review.cohort.cohort.members.len(), 30, "not without confirmation");
    app.review(ReviewMsg::AskClearCohort);
    app.review(ReviewMsg::ClearCohort);
    assert!(app.model.review.cohort.cohort.members.is_empty());
}

#[test]
fn the_table_draws_a_page_of_rows_and_another_on_each_ask_until_another_framework_is_chosen() {
    let mut app = App::start(Browser::default());
    app.send(Msg::Show(View::Cohort));
    let rows: Vec<u32> = (0..250).collect();
    let choice = |app: &App| app.model.review.cohort.choice.clone();
    assert_eq!(choice(&app).in_table(&rows), &rows[..TABLE_PAGE]);
    assert_eq!(choice(&app).first_of_last_page(), 0);

    app.review(ReviewMsg::MoreCohortRows);
    assert_eq!(choice(&app).in_table(&rows), &rows[..2 * TABLE_PAGE]);
    assert_eq!(choice(&app).first_of_last_page(), TABLE_PAGE);
    app.review(ReviewMsg::MoreCohortRows);
    assert_eq!(choice(&app).in_table(&rows), &rows[..], "the last page holds the rest");
    assert_eq!(choice(&app).first_of_last_page(), 2 * TABLE_PAGE);

    // A filter narrows the rows and keeps the pages drawn; another framework's table starts
    // again at its first page.
    app.review(ReviewMsg::CohortMode(Some(Mode::Assessor)));
    assert_eq!(choice(&app).table_rows(), 3 * TABLE_PAGE);
    app.review(ReviewMsg::CohortFramework(None));
    assert_eq!(choice(&app).table_rows(), TABLE_PAGE);
    assert_eq!(choice(&app).in_table(&rows[..7]), &rows[..7]);
}

/// The browser of the same profile after a reload: what it kept, and nothing of the page.
fn reloaded(app: &mut App) -> App {
    App::start(Browser { kept: std::mem::take(&mut app.browser.kept), ..Browser::default() })
}

fn member_key(app: &App, file: &str) -> u32 {
    app.model.review.cohort.cohort.members.iter().find(|m| m.file_name == file).unwrap().key
}

/// Each batch's effects of one kind, in order: the files read and the keys kept.
fn batches(effects: &[Effect]) -> (Vec<usize>, Vec<Vec<u32>>) {
    let mut read = Vec::new();
    let mut kept = Vec::new();
    for effect in effects {
        match effect {
            Effect::ReadFiles { files, .. } => read.push(files.len()),
            Effect::ReadKeptCohortFiles { keys, .. } => read.push(keys.len()),
            Effect::KeepCohortFiles(files) => kept.push(files.iter().map(|f| f.key).collect()),
            _ => {}
        }
    }
    (read, kept)
}

#[test]
fn cohort_files_are_read_and_kept_a_step_of_progress_at_a_time_and_read_back_so_after_a_reload() {
    let mut app = App::start(Browser::default());
    app.send(Msg::Show(View::Cohort));
    let records = cohort_records(60);
    let files = app.choose_records(&records);
    let before = app.browser.effects.len();
    app.review(ReviewMsg::CohortFiles(files));
    app.settle();
    let (read, kept) = batches(&app.browser.effects[before..]);
    assert_eq!(read, [PROGRESS_EVERY, PROGRESS_EVERY, 10]);
    let keys: Vec<Vec<u32>> = [0..25, 25..50, 50..60].map(|r| r.collect()).into();
    assert_eq!(kept, keys);
    assert_eq!(app.model.review.cohort.cohort.members.len(), 60);

    let mut app = reloaded(&mut app);
    let before = app.browser.effects.len();
    app.send(Msg::Show(View::Cohort));
    app.settle();
    let (read, kept) = batches(&app.browser.effects[before..]);
    assert_eq!(read, [PROGRESS_EVERY, PROGRESS_EVERY, 10]);
    assert!(kept.is_empty(), "kept files are not written again: {kept:?}");
    assert_eq!(app.model.review.cohort.cohort.members.len(), 60);
}

#[test]
fn a_batch_of_large_files_holds_at_most_eight_megabytes_unless_one_file_is_larger() {
    let mut app = App::start(Browser::default());
    app.send(Msg::Show(View::Cohort));
    let big = || Ok(vec![b' '; 3 * 1024 * 1024]);
    let records = cohort_records(1);
    let files = app.choose(vec![
        ("groot-1.json", big()),
        ("groot-2.json", big()),
        ("groot-3.json", big()),
        // Over the record limit: not read, so it weighs nothing in a batch.
        ("te-groot.json", Ok(vec![b' '; MAX_RECORD_BYTES + 1])),
        ("record-000.json", bytes(&records[0].1)),
    ]);
    let before = app.browser.effects.len();
    app.review(ReviewMsg::CohortFiles(files));
    app.settle();
    let (read, _) = batches(&app.browser.effects[before..]);
    assert_eq!(read, [2, 3]);
    let cohort = &app.model.review.cohort.cohort;
    assert_eq!((cohort.members.len(), cohort.rejected.len()), (1, 4));
}

#[test]
fn a_batch_answered_short_counts_the_files_it_left_out_as_unreadable() {
    let mut app = App::start(Browser::default());
    app.send(Msg::Show(View::Cohort));
    let records = cohort_records(3);
    let files = app.choose_records(&records);
    let effects = app.review(ReviewMsg::CohortFiles(files));
    let [Effect::ReadFiles { purpose, .. }] = &effects[..] else { panic!("{effects:?}") };
    app.browser.reading.clear();
    let first = (records[0].0.clone(), bytes(&records[0].1));
    app.send(Msg::FilesRead { purpose: *purpose, files: vec![first] });
    let cohort = &app.model.review.cohort.cohort;
    assert_eq!(cohort.members.len(), 1);
    let left_out: Vec<(&str, &Reason)> =
        cohort.rejected.iter().map(|r| (r.file_name.as_str(), &r.reason)).collect();
    assert_eq!(
        left_out,
        [("record-001.json", &Reason::Unreadable), ("record-002.json", &Reason::Unreadable)]
    );
    assert!(!app.model.review.cohort.is_busy());
}

#[test]
fn the_cohort_is_kept_file_by_file_comes_back_verified_after_a_reload_and_is_cleared_for_good() {
    let mut app = App::start(Browser::default());
    let effects = app.send(Msg::Show(View::Cohort));
    assert!(effects.contains(&Effect::ListKeptCohort), "the kept cohort is asked for: {effects:?}");
    let records = cohort_records(4);
    let mut files: Vec<(&str, FileContent)> =
        records.iter().map(|(name, text)| (name.as_str(), bytes(text))).collect();
    files.extend([
        ("brief.json", bytes("Beste docent,")),
        ("kopie.json", bytes(&records[0].1)),
        ("te-groot.json", Ok(vec![b' '; MAX_RECORD_BYTES + 1])),
    ]);
    let files = app.choose(files);
    app.review(ReviewMsg::CohortFiles(files));
    app.settle();
    // Every file read is kept as it was read, under its key; the one too large to read is not.
    let kept: Vec<&str> = app.browser.kept.values().map(|(name, _)| name.as_str()).collect();
    assert_eq!(
        kept,
        [
            "record-000.json",
            "record-001.json",
            "record-002.json",
            "record-003.json",
            "brief.json",
            "kopie.json"
        ]
    );
    assert_eq!(app.browser.kept[&1].1, records[1].1.as_bytes());
    let before = app.model.review.cohort.cohort.clone();
    assert!(!app.model.review.cohort.not_kept);

    // Reloaded: the cohort is back once the view is entered, each file verified again.
    let mut app = reloaded(&mut app);
    assert!(app.model.review.cohort.cohort.members.is_empty());
    app.send(Msg::Show(View::Cohort));
    assert!(app.model.review.cohort.is_busy());
    app.settle();
    let after = &app.model.review.cohort.cohort;
    assert_eq!(after.members, before.members);
    let reasons = |c: &leeruitkomsten::core::review::cohort::Cohort| -> Vec<String> {
        c.rejected.iter().map(|r| r.file_name.clone()).collect()
    };
    assert_eq!(reasons(after), ["brief.json", "kopie.json"]);
    assert_eq!(reasons(&before), ["brief.json", "kopie.json", "te-groot.json"]);
    // Kept files are not written again; a file added now gets the next key and is kept.
    let more = cohort_records(6);
    let files = app.choose(vec![("record-005.json", bytes(&more[5].1))]);
    let effects = app.review(ReviewMsg::CohortFiles(files));
    assert_eq!(file_reads(&effects), 1);
    app.settle();
    assert_eq!(app.browser.kept.keys().copied().collect::<Vec<_>>(), [0, 1, 2, 3, 4, 5, 6]);
    assert_eq!(app.browser.kept[&6].0, "record-005.json");
    // Another view and back: not asked for again.
    app.send(Msg::Show(View::Verify));
    let effects = app.send(Msg::Show(View::Cohort));
    assert!(!effects.contains(&Effect::ListKeptCohort));

    // Cleared, with the confirmation: gone from the page and from the browser, also after a reload.
    app.review(ReviewMsg::AskClearCohort);
    assert!(app.model.review.cohort.confirm_clear);
    app.review(ReviewMsg::CancelClearCohort);
    app.review(ReviewMsg::ClearCohort);
    assert_eq!(app.browser.kept.len(), 7, "cancelled: nothing removed");
    app.review(ReviewMsg::AskClearCohort);
    let effects = app.review(ReviewMsg::ClearCohort);
    assert!(effects.contains(&Effect::ClearKeptCohort));
    assert!(app.browser.kept.is_empty());
    assert!(!app.model.review.cohort.clear_failed);
    let mut app = reloaded(&mut app);
    app.send(Msg::Show(View::Cohort));
    app.settle();
    assert!(app.model.review.cohort.cohort.members.is_empty());
    assert!(app.model.review.cohort.cohort.rejected.is_empty());
}

#[test]
fn without_storage_the_cohort_works_in_memory_says_so_and_its_rows_still_open() {
    let mut app = App::start(Browser { refuse_keeping: true, ..Browser::default() });
    app.send(Msg::Show(View::Cohort));
    assert!(app.model.review.cohort.not_kept, "said at once: the kept cohort cannot be read");
    assert!(!app.model.review.cohort.is_busy());
    let records = cohort_records(3);
    let files = app.choose_records(&records);
    app.review(ReviewMsg::CohortFiles(files));
    app.settle();
    assert_eq!(app.model.review.cohort.cohort.members.len(), 3);
    assert!(app.model.review.cohort.not_kept);
    // The row opens from memory: nothing is asked of the browser's keeping.
    let key = member_key(&app, "record-001.json");
    let effects = app.review(ReviewMsg::OpenCohortRecord(key));
    assert!(!effects.iter().any(|e| matches!(e, Effect::ReadKeptCohortFile { .. })), "{effects:?}");
    assert_eq!(app.model.view, View::Verify);
    let Some(Verified::One(checked, Some(shown))) = &app.model.review.verify.shown else {
        panic!("{:?}", app.model.review.verify.shown)
    };
    assert_eq!(checked.file_name, "record-001.json");
    assert!(checked.is_valid());
    assert_eq!(shown.assessment.metadata.student_name, "Student 001");
}

#[test]
fn a_row_opens_its_record_in_the_verify_view_and_vergelijken_sets_the_pair_side_by_side() {
    let mut app = App::start(Browser::default());
    app.send(Msg::Show(View::Cohort));
    let assessor =
        record("Sanne de Vries", "4812345", Mode::Assessor, 1, &[("LU1.1", Score::High)]);
    let own =
        record("Sanne de Vries", "4812345", Mode::SelfAssessment, 2, &[("LU1.1", Score::Good)]);
    let other = record("Daan Jansen", "4000001", Mode::Assessor, 3, &[]);
    let files = app.choose(vec![
        ("sanne-beoordeling.json", bytes(&assessor)),
        ("sanne-zelf.json", bytes(&own)),
        ("daan.json", bytes(&other)),
    ]);
    app.review(ReviewMsg::CohortFiles(files));
    app.settle();
    // After a reload the bytes are only in the browser's keeping.
    let mut app = reloaded(&mut app);
    app.send(Msg::Show(View::Cohort));
    app.settle();

    let effects =
        app.review(ReviewMsg::OpenCohortRecord(member_key(&app, "sanne-beoordeling.json")));
    assert_eq!(app.model.view, View::Verify);
    assert!(effects.iter().any(|e| matches!(e, Effect::ReadKeptCohortFile { .. })));
    app.settle();
    let verify = &app.model.review.verify;
    let Some(Verified::One(checked, Some(shown))) = &verify.shown else {
        panic!("{:?}", verify.shown)
    };
    assert_eq!(checked.file_name, "sanne-beoordeling.json");
    assert!(checked.is_valid());
    assert_eq!(shown.assessment.metadata.mode, Mode::Assessor);
    // As if the file were opened there: the digest a decision names the record by is there too.
    let value: serde_json::Value = serde_json::from_str(&assessor).unwrap();
    assert_eq!(
        verify.digest.as_deref(),
        Some(leeruitkomsten::core::credentials::digest_multibase(&value).unwrap().as_str())
    );

    // Back to the cohort: Daan has no pair, Sanne's assessor row opens both in compare.
    app.send(Msg::Show(View::Cohort));
    let effects = app.review(ReviewMsg::CompareCohortRecord(member_key(&app, "daan.json")));
    assert!(effects.is_empty());
    assert_eq!(app.model.view, View::Cohort);
    app.review(ReviewMsg::CompareCohortRecord(member_key(&app, "sanne-beoordeling.json")));
    assert_eq!(app.model.view, View::Compare);
    app.settle();
    let compare = &app.model.review.compare;
    let side = |side: Side| compare.side(side).unwrap();
    assert_eq!(side(Side::SelfAssessment).source, Source::File("sanne-zelf.json".into()));
    assert_eq!(side(Side::Assessor).source, Source::File("sanne-beoordeling.json".into()));
    let compared = compare.compared.as_ref().unwrap();
    assert!(compared.trusted);
    assert!(compared.outcome.is_ok(), "{:?}", compared.outcome);
}

#[test]
fn the_workers_check_many_files_in_order_with_progress_and_the_page_gives_the_reasons() {
    let mut app = App::start(Browser { workers: true, ..Browser::default() });
    app.send(Msg::Show(View::Verify));
    let valid = record("Sanne de Vries", "4812345", Mode::Assessor, 1, &[("LU1.1", Score::High)]);
    let tampered = valid.replace("Sanne de Vries", "Iemand Anders");
    let mut chosen: Vec<(String, FileContent)> =
        (0..40).map(|i| (format!("{i:02}-echt.json"), bytes(&valid))).collect();
    chosen[5] = ("05-veranderd.json".into(), bytes(&tampered));
    chosen[30] = ("30-weg.json".into(), Err(FileReadError::Unreadable));
    chosen[33] = ("33-te-groot.json".into(), Ok(vec![b' '; MAX_RECORD_BYTES + 1]));
    let files = app.choose(chosen.iter().map(|(n, c)| (n.as_str(), c.clone())).collect());

    let started = app.review(ReviewMsg::Verify(files));
    assert!(matches!(started[..], [Effect::Workers(WorkerEffect::Start { .. })]), "{started:?}");
    assert_eq!(file_reads(&started), 0, "the page reads nothing itself");
    let state = &app.model.review.verify;
    assert_eq!(state.progress, Some(Progress { done: 0, total: 40 }));

    // The second worker answers first: progress counts, nothing is shown yet.
    assert!(app.answer_one());
    let progress = app.model.review.verify.progress.unwrap();
    assert_eq!(progress, Progress { done: 16, total: 40 });
    assert!(app.model.review.verify.shown.is_none());
    app.settle();

    let state = &app.model.review.verify;
    assert_eq!(state.progress, None);
    let Some(Verified::Many(all)) = &state.shown else { panic!("{:?}", state.shown) };
    let names: Vec<&str> = all.iter().map(|c| c.file_name.as_str()).collect();
    let expected: Vec<&str> = chosen.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, expected, "in the order chosen");
    let invalid: Vec<usize> = (0..40).filter(|&i| !all[i].is_valid()).collect();
    assert_eq!(invalid, [5, 30, 33]);
    // The reasons of the tampered file come from checking it again here.
    assert!(all[5].problems().contains(&RecordProblem::SignatureMismatch), "{:?}", all[5]);
    assert!(!all[30].was_read());
    assert_eq!(
        all[33].problems(),
        [RecordProblem::TooLarge { bytes: MAX_RECORD_BYTES + 1, limit: MAX_RECORD_BYTES }]
    );
    assert_eq!(all[0].student(), Some(("Sanne de Vries", "4812345")));
    assert!(all[0].signer().unwrap().starts_with("did:key:z6Mk"));
}

#[test]
fn stopping_the_workers_drops_their_run_and_says_how_far_it_got() {
    let mut app = App::start(Browser { workers: true, ..Browser::default() });
    app.send(Msg::Show(View::Verify));
    let valid = record("Sanne de Vries", "4812345", Mode::Assessor, 1, &[("LU1.1", Score::High)]);
    let files = app.choose((0..40).map(|_| ("echt.json", bytes(&valid))).collect());
    app.review(ReviewMsg::Verify(files));
    assert!(app.answer_one());
    let stopped = app.review(ReviewMsg::CancelVerify);
    assert!(stopped.contains(&Effect::Workers(WorkerEffect::Stop)), "{stopped:?}");
    app.settle();
    let state = &app.model.review.verify;
    assert_eq!(state.progress, None);
    assert_eq!(state.stopped, Some(Progress { done: 16, total: 40 }));
    assert!(state.shown.is_none(), "no table of part of the files");
    assert!(app.browser.files.is_empty(), "the files are let go of");
}

#[test]
fn the_workers_are_started_with_the_verify_view_and_ended_when_it_is_left() {
    let mut app = App::start(Browser { workers: true, ..Browser::default() });
    let shown = app.send(Msg::Show(View::Verify));
    assert!(shown.contains(&Effect::Workers(WorkerEffect::Warm)), "{shown:?}");
    // Stopping a check ends the workers mid-file; new ones wait for the next choice.
    let valid = record("Sanne de Vries", "4812345", Mode::Assessor, 1, &[("LU1.1", Score::High)]);
    let files = app.choose((0..40).map(|_| ("echt.json", bytes(&valid))).collect());
    app.review(ReviewMsg::Verify(files));
    let stopped = app.review(ReviewMsg::CancelVerify);
    let stop = stopped.iter().position(|e| *e == Effect::Workers(WorkerEffect::Stop));
    let warm = stopped.iter().position(|e| *e == Effect::Workers(WorkerEffect::Warm));
    assert!(matches!((stop, warm), (Some(s), Some(w)) if s < w), "{stopped:?}");
    app.settle();
    let left = app.send(Msg::Show(View::Compare));
    assert!(left.contains(&Effect::Workers(WorkerEffect::Stop)), "{left:?}");
    assert!(!left.contains(&Effect::Workers(WorkerEffect::Warm)), "{left:?}");
}

#[test]
fn a_message_that_is_not_the_workers_makes_the_page_check_every_file_itself() {
    let mut app = App::start(Browser { workers: true, ..Browser::default() });
    app.send(Msg::Show(View::Verify));
    let valid = record("Sanne de Vries", "4812345", Mode::Assessor, 1, &[("LU1.1", Score::High)]);
    let files = app.choose((0..3).map(|_| ("echt.json", bytes(&valid))).collect());
    app.review(ReviewMsg::Verify(files));
    let effects = app.review(ReviewMsg::WorkerResults("refused: no header".into()));
    assert!(effects.contains(&Effect::Workers(WorkerEffect::Stop)), "{effects:?}");
    assert_eq!(file_reads(&effects), 1);
    app.settle();
    let Some(Verified::Many(all)) = &app.model.review.verify.shown else { panic!() };
    assert_eq!(all.iter().filter(|c| c.is_valid()).count(), 3);
}
