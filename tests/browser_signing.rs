//! Signing, keys and verifying records, in a real browser. These parts of the interface are not
//! yet reachable from the app's page (see README), so the tests mount them in a small harness.
#![cfg(target_arch = "wasm32")]

use std::rc::Rc;
use std::time::Duration;

use leeruitkomsten::core::assessment::{Action, Assessment, MetadataField};
use leeruitkomsten::core::record::{verify_record, HashedFramework};
use leeruitkomsten::core::saved::SavedEntry;
use leeruitkomsten::core::score::Score;
use leeruitkomsten::core::signing_key::SigningKey;
use leeruitkomsten::i18n::Lang;
use leeruitkomsten::ui::sign_section::SignSection;
use leeruitkomsten::ui::state::AppState;
use leeruitkomsten::ui::verify_view::VerifyView;
use leeruitkomsten::web::keystore::{self, Stored};
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
    let state = use_reducer({
        let framework = props.framework.framework().clone();
        let entry = SavedEntry {
            id: "browser-signing-harness".into(),
            updated: "2026-11-23T10:00:00Z".into(),
            assessment: props.assessment.clone(),
        };
        move || AppState::new(framework, entry, Lang::Nl, None)
    });
    let key_state = use_state(keystore::load);
    let on_key = {
        let key_state = key_state.clone();
        Callback::from(move |next: Stored| key_state.set(next))
    };
    let signed = state.assessment.signed.clone().map(|s| s.record).unwrap_or_default();
    html! {
        <>
            <SignSection
                lang={Lang::Nl}
                framework={props.framework.clone()}
                assessment={state.assessment.clone()}
                key_state={(*key_state).clone()}
                {on_key}
                dispatcher={state.dispatcher()}
            />
            <pre id="harness-record">{ signed }</pre>
            <VerifyView lang={Lang::Nl} framework={props.framework.clone()} />
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
    let Stored::Key(key) = keystore::load() else { panic!("no key was kept") };
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

#[wasm_bindgen_test]
async fn a_key_backup_replaces_the_key_only_after_a_warning() {
    forget_key();
    let first = SigningKey::from_seed([21; 32], "2026-11-23T10:00:00Z");
    keystore::save(&first).unwrap();
    let app = Mounted::new(partly_scored()).await;
    assert_eq!(app.text(".key-fingerprint"), first.fingerprint());

    let second = SigningKey::from_seed([22; 32], "2026-11-23T11:00:00Z");
    app.choose_file("#key-import", "sleutel.json", &second.to_file_json()).await;
    assert!(app.text(".key-panel .confirm").contains("Importeren vervangt die"));
    // Cancel keeps the first key.
    app.click(".key-panel .confirm .actions button:last-child").await;
    assert_eq!(keystore::load(), Stored::Key(first.clone()));

    app.choose_file("#key-import", "sleutel.json", &second.to_file_json()).await;
    app.click(".key-panel .confirm .danger").await;
    assert_eq!(keystore::load(), Stored::Key(second.clone()));
    assert_eq!(app.text(".key-fingerprint"), second.fingerprint());

    // An altered backup is refused with its reason, and nothing changes.
    let altered = second.to_file_json().replace(second.did(), first.did());
    app.choose_file("#key-import", "sleutel.json", &altered).await;
    assert!(app.text(".key-import-status").contains("het bestand is veranderd"));
    assert_eq!(keystore::load(), Stored::Key(second));
    app.unmount().await;
    forget_key();
}

#[wasm_bindgen_test]
async fn the_verify_view_says_valid_or_why_not() {
    forget_key();
    let key = SigningKey::from_seed([5; 32], "2026-11-23T10:00:00Z");
    keystore::save(&key).unwrap();
    let app = Mounted::new(partly_scored()).await;
    app.click(".sign-start").await;
    app.click(".sign-confirm-button").await;
    let record = app.one("#harness-record").text_content().unwrap();

    app.choose_file("#record-file", "beoordeling.json", &record).await;
    assert_eq!(app.text(".verdict-result"), "Geldig");
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

    let other_framework = record.replacen("leeruitkomsten-opbouwwerk-2026", "ander-kader", 1);
    app.choose_file("#record-file", "ander.json", &other_framework).await;
    assert_eq!(app.text(".verdict-result"), "Niet geldig");
    assert!(app.text(".verify-view").contains("niet kent"));

    app.choose_file("#record-file", "kapot.json", "{ \"type\": ").await;
    assert!(app.text(".verdict-reasons").contains("geen geldig JSON-record"));
    app.unmount().await;
    forget_key();
}
