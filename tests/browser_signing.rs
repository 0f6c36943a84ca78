//! Signing, keys and verifying records, in a real browser. The tests mount these parts of the
//! interface in a small harness, with the metadata form where a new assessment begins.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;
use std::time::Duration;

use leeruitkomsten::core::app::{KeyStatus, Model, Msg, Startup};
use leeruitkomsten::core::assessment::{Action, Assessment, MetadataField};
use leeruitkomsten::core::crypto::signing_key::SigningKey;
use leeruitkomsten::core::framework::hashed::HashedFramework;
use leeruitkomsten::core::framework::score::Score;
use leeruitkomsten::core::framework::source::FrameworkSource;
use leeruitkomsten::core::library::saved::SavedEntry;
use leeruitkomsten::core::library::Listed;
use leeruitkomsten::core::record::export::sign_assessment;
use leeruitkomsten::core::record::verify_record;
use leeruitkomsten::i18n::Lang;
use leeruitkomsten::ui::metadata_form::MetadataForm;
use leeruitkomsten::ui::sign_section::SignSection;
use leeruitkomsten::ui::verify_view::VerifyView;
use leeruitkomsten::web::clock;
use leeruitkomsten::web::keystore;
use leeruitkomsten::web::runner::dispatcher;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

#[derive(Properties, PartialEq)]
struct HarnessProps {
    framework: Rc<HashedFramework>,
    assessment: Assessment,
}

/// The sign section and the verify view over one assessment, as the app will hold them.
#[function_component]
fn Harness(props: &HarnessProps) -> Html {
    let model = use_mut_ref({
        let framework = props.framework.clone();
        let entry = SavedEntry {
            id: "browser-signing-harness".into(),
            updated: "2026-11-23T10:00:00Z".into(),
            assessment: props.assessment.clone(),
        };
        move || {
            let (key, key_ring) = keystore::load();
            let startup = Startup {
                lang: Lang::Nl,
                listing: Ok(vec![Listed::Entry(entry.clone())]),
                open_id: Some(entry.id),
                migration_failed: false,
                journal_kept_apart: false,
                key,
                key_ring,
                presets: Vec::new(),
                instruction: None,
                can_share: false,
                source: FrameworkSource::BuiltIn,
                link_failure: None,
            };
            Model::start(framework, startup, &clock::now())
        }
    });
    let redraw = use_force_update();
    let dispatch = (*use_memo((), {
        let model = model.clone();
        move |_| dispatcher(model, Callback::from(move |()| redraw.force_update()))
    }))
    .clone();
    let state = model.borrow();
    let signed =
        state.open.assessment.signed.clone().map(|s| s.record.to_string()).unwrap_or_default();
    html! {
        <>
            <MetadataForm<Msg>
                lang={Lang::Nl}
                locked={state.open.assessment.is_final()}
                metadata={state.open.assessment.metadata.clone()}
                dispatch={dispatch.clone()}
            />
            <SignSection
                lang={Lang::Nl}
                framework={props.framework.clone()}
                assessment={state.open.assessment.clone()}
                signing={state.signing.clone()}
                key_state={state.key.clone()}
                instruction={None::<Rc<str>>}
                can_share={false}
                zone={state.zone.clone()}
                dispatch={dispatch.clone()}
            />
            <pre id="harness-record">{ signed }</pre>
            <VerifyView lang={Lang::Nl} state={state.review.verify.clone()} zone={state.zone.clone()} {dispatch} />
        </>
    }
}

struct Mounted {
    root: Element,
    handle: Option<yew::AppHandle<Harness>>,
}

impl Mounted {
    async fn new(assessment: Assessment) -> Mounted {
        let document = gloo::utils::document();
        let root = document.create_element("div").unwrap();
        document.body().unwrap().append_child(&root).unwrap();
        let props = HarnessProps { framework: Rc::new(hashed()), assessment };
        let handle = yew::Renderer::<Harness>::with_root_and_props(root.clone(), props).render();
        settle().await;
        Mounted { root, handle: Some(handle) }
    }

    fn find(&self, selector: &str) -> Option<Element> {
        self.root.query_selector(selector).unwrap()
    }

    fn one(&self, selector: &str) -> Element {
        self.find(selector).unwrap_or_else(|| panic!("no element matches {selector}"))
    }

    fn text(&self, selector: &str) -> String {
        let text = self.one(selector).text_content().unwrap_or_default();
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// Whether the element that has focus is the one `selector` finds in the harness.
    fn has_focus(&self, selector: &str) -> bool {
        let active = gloo::utils::document().active_element();
        active.is_some() && active == self.find(selector)
    }

    /// What has focus, for a failing assertion's message.
    fn focused() -> String {
        gloo::utils::document()
            .active_element()
            .map(|e| format!("<{} id={:?} class={:?}>", e.tag_name(), e.id(), e.class_name()))
            .unwrap_or_else(|| "nothing".into())
    }

    async fn click(&self, selector: &str) {
        self.one(selector).dyn_into::<HtmlElement>().unwrap().click();
        settle().await;
    }

    /// Puts a file into a file input as a user choosing it would, and waits for it to be read.
    async fn choose_file(&self, input: &str, name: &str, contents: &str) {
        let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(contents));
        let file = web_sys::File::new_with_str_sequence(&parts, name).unwrap();
        let transfer = web_sys::DataTransfer::new().unwrap();
        transfer.items().add_with_file(&file).unwrap();
        let input: HtmlInputElement = self.one(input).dyn_into().unwrap();
        input.set_files(transfer.files().as_ref());
        input.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
        settle().await;
        settle().await;
    }

    async fn unmount(mut self) {
        if let Some(handle) = self.handle.take() {
            handle.destroy();
        }
        self.root.remove();
        settle().await;
    }
}

async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(40)).await;
}

fn hashed() -> HashedFramework {
    HashedFramework::default_framework().unwrap()
}

fn forget_key() {
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.remove_item("leeruitkomsten:v1:signing-key").unwrap();
    storage.remove_item("leeruitkomsten:v1:signing-keys").unwrap();
}

fn partly_scored() -> Assessment {
    let hashed = hashed();
    let fw = hashed.framework();
    let mut a = Assessment::new(fw);
    for (id, score) in [("LU1.1", Score::High), ("LU1.2", Score::Good), ("LU6.9", Score::Present)] {
        a.apply(fw, Action::SetScore { indicator: id.into(), score }).unwrap();
    }
    a.apply(fw, Action::SetComment { indicator: "LU1.1".into(), text: "Buurtavond".into() })
        .unwrap();
    a.apply(fw, Action::SetMetadata(MetadataField::StudentNumber, "4812345".into())).unwrap();
    // Signing is refused until the record names who signs it.
    a.apply(fw, Action::SetMetadata(MetadataField::AssessorName, "Karim Haddou".into())).unwrap();
    a.apply(fw, Action::SetMetadata(MetadataField::Date, "2026-11-23".into())).unwrap();
    a
}

#[wasm_bindgen_test]
async fn signing_lists_open_indicators_makes_a_key_and_seals_a_record_that_verifies() {
    forget_key();
    let app = Mounted::new(partly_scored()).await;
    assert!(app.text(".key-panel").contains("nog geen sleutel"));

    app.click(".sign-start").await;
    // 39 of 42 indicators are open; each is listed before anything is signed.
    assert_eq!(app.text("#sign-confirm-heading"), "Nog 39 indicatoren niet gescoord");
    assert_eq!(app.root.query_selector_all(".unscored-list li").unwrap().length(), 39);
    assert_eq!(app.text(".sign-confirm-button"), "Ondertekenen met 39 open");
    // Going back signs nothing.
    app.click(".sign-confirm .actions button:first-child").await;
    assert!(app.find(".sign-confirm").is_none());
    assert_eq!(app.text("#harness-record"), "");

    app.click(".sign-start").await;
    app.click(".sign-confirm-button").await;
    let record = app.one("#harness-record").text_content().unwrap();
    let report = verify_record(&record, &[&hashed()]);
    assert!(report.is_valid(), "{:?}", report.problems);
    // The key was made, kept, and is the one that signed.
    let (KeyStatus::Key(key), _) = keystore::load() else { panic!("no key was kept") };
    assert_eq!(report.proof.as_ref().unwrap().did, key.did());
    assert!(app.text(".signed-at").contains(&key.fingerprint()));
    assert!(app.find(".download-record").is_some());
    app.unmount().await;

    // A second assessment is signed with the same key.
    let again = Mounted::new(partly_scored()).await;
    assert_eq!(again.text(".key-fingerprint"), key.fingerprint());
    again.click(".sign-start").await;
    again.click(".sign-confirm-button").await;
    let record = again.one("#harness-record").text_content().unwrap();
    assert_eq!(verify_record(&record, &[&hashed()]).proof.unwrap().did, key.did());
    again.unmount().await;
}

/// The dids of the keys kept, in order.
fn kept_dids() -> Vec<String> {
    keystore::load().1.keys().iter().map(|owned| owned.key.did().to_string()).collect()
}

#[wasm_bindgen_test]
async fn a_key_backup_joins_the_keys_on_this_device_once() {
    forget_key();
    let first = SigningKey::from_seed([21; 32], "2026-11-23T10:00:00Z");
    keystore::add("", &first, false).unwrap();
    let app = Mounted::new(partly_scored()).await;
    assert!(app.text(".device-key-list").contains(&first.fingerprint()));

    let second = SigningKey::from_seed([22; 32], "2026-11-23T11:00:00Z");
    // The import waits behind "Ik heb al een sleutel", and adds: the first key stays.
    app.click(".key-import-toggle").await;
    app.choose_file("#key-import", "sleutel.json", &second.to_file_json()).await;
    assert!(app.find(".key-panel .confirm").is_none(), "nothing is replaced, so nothing asks");
    assert_eq!(kept_dids(), vec![first.did().to_string(), second.did().to_string()]);
    // The second key is the key of the assessor named in the form, and shown as theirs.
    assert_eq!(app.text(".key-fingerprint"), second.fingerprint());
    // The same backup again adds nothing.
    app.choose_file("#key-import", "sleutel.json", &second.to_file_json()).await;
    assert_eq!(kept_dids().len(), 2);

    // An altered backup is refused with its reason, and nothing changes.
    let altered = second.to_file_json().replace(second.did(), first.did());
    app.choose_file("#key-import", "sleutel.json", &altered).await;
    assert!(app.text(".key-import-status").contains("het bestand is veranderd"));
    assert_eq!(kept_dids().len(), 2);
    app.unmount().await;
    forget_key();
}

#[wasm_bindgen_test]
async fn the_verify_view_says_valid_or_why_not() {
    forget_key();
    let key = SigningKey::from_seed([5; 32], "2026-11-23T10:00:00Z");
    keystore::add("", &key, false).unwrap();
    let app = Mounted::new(partly_scored()).await;
    app.click(".sign-start").await;
    app.click(".sign-confirm-button").await;
    let record = app.one("#harness-record").text_content().unwrap();

    app.choose_file("#record-file", "beoordeling.json", &record).await;
    assert_eq!(app.text(".verdict-result"), "Geldig");
    assert_eq!(app.text(".verdict-announcement"), "Geldig: beoordeling.json");
    assert!(app.text(".verdict").contains(&key.fingerprint()));
    // The record is shown read-only, with its scores and summary.
    assert_eq!(
        app.text(r#".record-indicators li[data-indicator="LU1.1"] .record-score"#),
        "++ in hoge mate ontwikkeld"
    );
    assert_eq!(
        app.text(r#".record-indicators li[data-indicator="LU1.3"] .record-score"#),
        "niet gescoord"
    );
    assert!(app.text(".record-view").contains("Buurtavond"));
    assert_eq!(app.text(".verify-layout .summary .progress"), "3 van 42 indicatoren gescoord");

    let tampered = record.replacen("Buurtavond", "Buurtavond!", 1);
    app.choose_file("#record-file", "beoordeling.json", &tampered).await;
    assert_eq!(app.text(".verdict-result"), "Niet geldig");
    assert!(app.text(".verdict-reasons").contains("de handtekening klopt niet"));

    // Only the short verdict is a live region; the reasons are ordinary content below it.
    assert_eq!(app.text(".verdict-announcement[role=status]"), "Niet geldig: beoordeling.json");
    assert!(app.find(".verify-view [role=status] .verdict-reasons").is_none());
    assert!(app.find(".verify-view [aria-live] .verdict-reasons").is_none());
    assert!(app.find(".verdict[role]").is_none());

    let other_framework = record.replacen("leeruitkomsten-opbouwwerk-2026", "ander-kader", 1);
    app.choose_file("#record-file", "ander.json", &other_framework).await;
    assert_eq!(app.text(".verdict-result"), "Niet geldig");
    assert!(app.text(".verify-view").contains("niet kent"));

    app.choose_file("#record-file", "kapot.json", "{ \"type\": ").await;
    assert!(app.text(".verdict-reasons").contains("geen geldig JSON-record"));
    app.unmount().await;
    forget_key();
}

/// Every step of signing removes or replaces the button that was pressed; focus must land
/// somewhere on purpose, never on `<body>`.
#[wasm_bindgen_test]
async fn focus_follows_each_step_of_signing_and_starting_over() {
    forget_key();
    let app = Mounted::new(partly_scored()).await;

    app.click(".sign-start").await;
    assert!(app.has_focus(".sign-confirm[role=alertdialog]"), "{}", Mounted::focused());
    // Back to the form: focus returns to the button that opened the dialog.
    app.click(".sign-confirm .actions button:first-child").await;
    assert!(app.has_focus(".sign-start"), "{}", Mounted::focused());

    app.click(".sign-start").await;
    app.click(".sign-confirm-button").await;
    assert!(app.has_focus(".signed #sign-heading"), "{}", Mounted::focused());

    app.click(".new-assessment").await;
    assert!(app.has_focus(".signed .confirm[role=alertdialog]"), "{}", Mounted::focused());
    // Cancel keeps the signed assessment and returns to the button.
    app.click(".signed .confirm .actions button:last-child").await;
    assert!(app.has_focus(".new-assessment"), "{}", Mounted::focused());

    app.click(".new-assessment").await;
    app.click(".confirm-new").await;
    assert!(app.find(".sign-start").is_some(), "a new, unsigned assessment");
    assert!(app.has_focus("#meta-student-name"), "{}", Mounted::focused());
    let field: HtmlInputElement = app.one("#meta-student-name").dyn_into().unwrap();
    assert!(!field.disabled(), "the new assessment's first field can be typed in");
    app.unmount().await;
    forget_key();
}

#[wasm_bindgen_test]
async fn the_key_that_just_signed_can_be_backed_up_from_the_signed_view() {
    forget_key();
    let app = Mounted::new(partly_scored()).await;
    app.click(".sign-start").await;
    app.click(".sign-confirm-button").await;
    let (KeyStatus::Key(key), _) = keystore::load() else { panic!("no key was kept") };

    let panel = ".signed .key-panel";
    assert_eq!(app.text(&format!("{panel} .key-did")), key.did());
    assert_eq!(app.text(&format!("{panel} .key-fingerprint")), key.fingerprint());
    assert!(app.find(&format!("{panel} .key-export")).is_some(), "the backup is offered");
    assert!(app.text(panel).contains("Download nu een back-up"));
    assert!(app.text(panel).contains("Bewaar de back-up veilig"), "the hint to keep it safe");
    // Importing another key over the one that just signed belongs before the next signing.
    assert!(app.find("#key-import").is_none());
    app.unmount().await;

    // A signed assessment whose key has since been removed offers no backup: another key would
    // not be the key that signed.
    keystore::remove(key.did()).unwrap();
    keystore::add("Karim Haddou", &SigningKey::from_seed([9; 32], "2026-11-23T12:00:00Z"), false)
        .unwrap();
    let app = Mounted::new(sealed_by(&key)).await;
    assert!(app.find(".signed").is_some());
    assert!(app.find(".signed .key-panel").is_none(), "another key is not offered as this one");
    app.unmount().await;
    forget_key();
}

/// `partly_scored`, signed by `key` and final.
fn sealed_by(key: &SigningKey) -> Assessment {
    let hashed = hashed();
    let mut assessment = partly_scored();
    let signed =
        sign_assessment(&hashed, &assessment, key, "2026-11-23T12:00:00Z", "urn:uuid:test-1")
            .unwrap();
    assessment.apply(hashed.framework(), Action::Seal(signed)).unwrap();
    assessment
}

#[wasm_bindgen_test]
async fn replacing_unreadable_keys_moves_focus_to_the_question_and_back() {
    forget_key();
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.set_item("leeruitkomsten:v1:signing-keys", "{").unwrap();
    let app = Mounted::new(partly_scored()).await;
    let second = SigningKey::from_seed([32; 32], "2026-11-23T11:00:00Z");

    // Unreadable keys can only be mended by importing: the picker is open already.
    app.choose_file("#key-import", "sleutel.json", &second.to_file_json()).await;
    assert!(app.has_focus(".key-panel .confirm[role=alertdialog]"), "{}", Mounted::focused());
    app.click(".key-panel .confirm .actions button:last-child").await;
    assert!(app.has_focus("#key-import"), "{}", Mounted::focused());
    assert_eq!(storage.get_item("leeruitkomsten:v1:signing-keys").unwrap().as_deref(), Some("{"));

    app.choose_file("#key-import", "sleutel.json", &second.to_file_json()).await;
    assert!(app.has_focus(".key-panel .confirm[role=alertdialog]"), "{}", Mounted::focused());
    app.click(".key-panel .confirm .danger").await;
    assert_eq!(app.text(".key-fingerprint"), second.fingerprint());
    assert!(app.has_focus("#key-heading"), "{}", Mounted::focused());
    assert_eq!(kept_dids(), vec![second.did().to_string()]);
    app.unmount().await;
    forget_key();
}

#[wasm_bindgen_test]
async fn removing_a_key_asks_first_and_moves_focus_to_the_question_and_back() {
    forget_key();
    let first = SigningKey::from_seed([33; 32], "2026-11-23T10:00:00Z");
    let second = SigningKey::from_seed([34; 32], "2026-11-23T11:00:00Z");
    keystore::add("Karim Haddou", &first, false).unwrap();
    keystore::add("Sanne de Vries", &second, false).unwrap();
    let app = Mounted::new(partly_scored()).await;
    assert_eq!(app.text(".key-fingerprint"), first.fingerprint(), "the form's assessor's key");

    app.click(".device-key:last-child .device-key-remove").await;
    assert!(app.has_focus(".device-keys .confirm[role=alertdialog]"), "{}", Mounted::focused());
    assert!(app.text(".device-keys .confirm").contains("blijven geldig"));
    app.click(".device-keys .confirm .actions button:last-child").await;
    assert!(app.has_focus("#device-keys-heading"), "{}", Mounted::focused());
    assert_eq!(kept_dids().len(), 2, "cancel removes nothing");

    app.click(".device-key:last-child .device-key-remove").await;
    app.click(".device-keys .confirm .danger").await;
    assert!(app.has_focus("#device-keys-heading"), "{}", Mounted::focused());
    assert_eq!(kept_dids(), vec![first.did().to_string()]);
    assert!(!app.text(".device-key-list").contains(&second.fingerprint()));
    app.unmount().await;
    forget_key();
}

/// Replaces `URL.createObjectURL` so that the browser refuses to make any file, until restored.
struct RefuseDownloads {
    url: js_sys::Object,
    original: wasm_bindgen::JsValue,
}

impl RefuseDownloads {
    fn start() -> RefuseDownloads {
        let window = web_sys::window().unwrap();
        let url: js_sys::Object = js_sys::Reflect::get(&window, &"URL".into()).unwrap().into();
        let original = js_sys::Reflect::get(&url, &"createObjectURL".into()).unwrap();
        let refuse = js_sys::Function::new_no_args("throw new Error('no files here')");
        js_sys::Reflect::set(&url, &"createObjectURL".into(), &refuse).unwrap();
        RefuseDownloads { url, original }
    }
}

impl Drop for RefuseDownloads {
    fn drop(&mut self) {
        js_sys::Reflect::set(&self.url, &"createObjectURL".into(), &self.original).unwrap();
    }
}

#[wasm_bindgen_test]
async fn a_refused_download_is_reported_and_the_assessment_stays_signed() {
    forget_key();
    let app = Mounted::new(partly_scored()).await;
    app.click(".sign-start").await;
    {
        let _refused = RefuseDownloads::start();
        app.click(".sign-confirm-button").await;
    }
    let alert = app.one(".signed .download-failed");
    assert_eq!(alert.get_attribute("role").as_deref(), Some("alert"));
    assert!(
        app.text(".download-failed").contains("JSON kopiëren"),
        "{}",
        app.text(".download-failed")
    );
    // Sealed all the same, and the way out is there.
    let record = app.one("#harness-record").text_content().unwrap();
    assert!(verify_record(&record, &[&hashed()]).is_valid());
    assert!(app.find(".copy-record").is_some());

    {
        let _refused = RefuseDownloads::start();
        app.click(".download-record").await;
    }
    assert!(app.find(".download-failed").is_some(), "a second refusal is reported too");
    app.click(".download-record").await;
    assert!(app.find(".download-failed").is_none(), "a download that works clears the message");

    {
        let _refused = RefuseDownloads::start();
        app.click(".signed .key-export").await;
    }
    assert_eq!(
        app.one(".key-export-failed").get_attribute("role").as_deref(),
        Some("alert"),
        "a refused key backup is reported too"
    );
    app.unmount().await;
    forget_key();
}

#[wasm_bindgen_test]
async fn reasons_in_the_verify_view_are_dutch_throughout() {
    forget_key();
    keystore::add("", &SigningKey::from_seed([6; 32], "2026-11-23T10:00:00Z"), false).unwrap();
    let app = Mounted::new(partly_scored()).await;
    app.click(".sign-start").await;
    app.click(".sign-confirm-button").await;
    let record = app.one("#harness-record").text_content().unwrap();

    let mut value: serde_json::Value = serde_json::from_str(&record).unwrap();
    value["credentialSubject"]["assessment"]["indicators"][0]["status"] = "scorea".into();
    value["proof"]["proofPurpose"] = "authentication".into();
    value["note"] = "x".into();
    value["credentialSubject"]["assessment"].as_object_mut().unwrap().remove("mode");
    app.choose_file("#record-file", "vorm.json", &value.to_string()).await;
    let reasons = app.text(".verdict-reasons");
    for expected in [
        "bij credentialSubject.assessment.indicators[0].status (\"scorea\" is geen toegestane waarde",
        "bij note (hoort niet bij dit formaat)",
        "bij credentialSubject.assessment.mode (ontbreekt)",
        "(proof.proofPurpose) is \"authentication\" in plaats van \"assertionMethod\"",
    ] {
        assert!(reasons.contains(expected), "{expected:?} not in {reasons:?}");
    }
    for english in ["is missing", "is not", "does not", "neither", "member of"] {
        assert!(!reasons.contains(english), "{english:?} in {reasons:?}");
    }
    app.unmount().await;
    forget_key();
}
