//! The app rendered in a real browser (headless Chromium through wasm-bindgen-test).
//! Run with `cargo test --target wasm32-unknown-unknown --test browser`; `scripts/test` does.
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use leeruitkomsten::core::framework::Framework;
use leeruitkomsten::ui::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};
use yew::AppHandle;

wasm_bindgen_test_configure!(run_in_browser);

/// One mounted app, unmounted again at the end of each test. Tests share the page's storage, so
/// each one starts by clearing it.
struct Mounted {
    root: Element,
    handle: Option<AppHandle<App>>,
}

impl Mounted {
    async fn new() -> Mounted {
        let document = gloo::utils::document();
        let root = document.create_element("div").unwrap();
        document.body().unwrap().append_child(&root).unwrap();
        let handle = yew::Renderer::<App>::with_root(root.clone()).render();
        // The app opens once it has read what storage holds (the crash journal is read after).
        for _ in 0..100 {
            settle().await;
            if root.query_selector(".page-header").ok().flatten().is_some() {
                break;
            }
        }
        Mounted { root, handle: Some(handle) }
    }

    fn all(&self, selector: &str) -> Vec<Element> {
        let list = self.root.query_selector_all(selector).unwrap();
        (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<Element>().ok()).collect()
    }

    fn one(&self, selector: &str) -> Element {
        self.root
            .query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("no element matches {selector}"))
    }

    fn text(&self, selector: &str) -> String {
        normalise(&self.one(selector).text_content().unwrap_or_default())
    }

    async fn click(&self, selector: &str) {
        self.one(selector).dyn_into::<HtmlElement>().unwrap().click();
        settle().await;
    }

    fn radio(&self, indicator: &str, level: &str) -> HtmlInputElement {
        let selector = format!(r#"input[type=radio][name="score-{indicator}"][value="{level}"]"#);
        self.one(&selector).dyn_into().unwrap()
    }

    async fn choose(&self, indicator: &str, level: &str) {
        self.radio(indicator, level).click();
        settle().await;
    }

    async fn clear(&self, indicator: &str) {
        self.click(&format!(r#"li[id="indicator-{indicator}"] .clear-score"#)).await;
    }

    /// The numbers written beside the chart row of an outcome, core task or `overall`.
    fn numbers(&self, id: &str) -> String {
        self.text(&format!(r#".chart-row[data-id="{id}"] .chart-numbers"#))
    }

    fn result(&self, id: &str) -> String {
        self.text(&format!(r#".chart-row[data-id="{id}"] .chart-result-value"#))
    }

    fn progress(&self) -> String {
        self.text(".summary .progress")
    }

    async fn unmount(mut self) {
        if let Some(handle) = self.handle.take() {
            handle.destroy();
        }
        self.root.remove();
        settle().await;
    }
}

fn normalise(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Lets Yew's scheduler render what the last event caused.
async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(30)).await;
}

#[wasm_bindgen::prelude::wasm_bindgen(inline_js = r#"
export function clear_journal() {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open("leeruitkomsten", 1);
    open.onupgradeneeded = () => open.result.createObjectStore("kv");
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction("kv", "readwrite");
      tx.objectStore("kv").clear();
      tx.oncomplete = () => { open.result.close(); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
  });
}
"#)]
extern "C" {
    fn clear_journal() -> js_sys::Promise;
}

/// Empties both places the app keeps assessments: `localStorage` and its IndexedDB journal.
async fn clear_storage() {
    storage().clear().unwrap();
    wasm_bindgen_futures::JsFuture::from(clear_journal()).await.unwrap();
}

fn storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn framework() -> Framework {
    Framework::default_framework().unwrap()
}

#[wasm_bindgen_test]
async fn shows_every_kerntaak_leeruitkomst_and_indicator_as_a_radio_group() {
    clear_storage().await;
    let app = Mounted::new().await;
    let fw = framework();

    assert_eq!(app.all("section.core-task").len(), 2);
    for task in &fw.core_tasks {
        let section = app.one(&format!(r#"section[aria-labelledby="core-task-{}"]"#, task.id));
        assert!(normalise(&section.text_content().unwrap()).contains(&task.title));
        assert!(normalise(&section.text_content().unwrap()).contains(&task.description));
    }
    assert_eq!(app.all("article.outcome").len(), 6);
    for outcome in fw.learning_outcomes() {
        let card = format!(r#"article[id="outcome-{}"]"#, outcome.id);
        assert_eq!(app.text(&format!("{card} .outcome-description p")), outcome.description);
        // The header is the fold button: the title, then how many indicators are open.
        assert!(app.text(&format!("{card} h3 .fold-title")).ends_with(&outcome.title));
        assert!(app
            .text(&format!("{card} h3"))
            .ends_with(&format!("{} open", outcome.indicators.len())));
        assert_eq!(
            app.all(&format!("{card} ul.capabilities li")).len(),
            outcome.capabilities.len()
        );
    }

    let groups = app.all(r#"[role="radiogroup"]"#);
    assert_eq!(groups.len(), 42);
    let indicators: Vec<_> = fw.indicators().collect();
    for (group, indicator) in groups.iter().zip(&indicators) {
        // Named by the indicator text.
        let label_id = group.get_attribute("aria-labelledby").unwrap();
        let label = gloo::utils::document().get_element_by_id(&label_id).unwrap();
        assert_eq!(normalise(&label.text_content().unwrap()), normalise(&indicator.text));
        // Three options whose names start with the symbol and go on with the label.
        let names: Vec<String> = app
            .all(&format!(r#"input[name="score-{}"]"#, indicator.id))
            .iter()
            .map(|input| {
                let label = input.closest("label").unwrap().unwrap();
                normalise(&label.text_content().unwrap())
            })
            .collect();
        assert_eq!(
            names,
            vec!["□ aanwezig", "+ goed ontwikkeld", "++ in hoge mate ontwikkeld"],
            "{}",
            indicator.id
        );
        assert!(group.query_selector("input[type=radio]:checked").unwrap().is_none());
    }
    assert_eq!(app.progress(), "0 van 42 indicatoren gescoord");
    app.unmount().await;
}

#[wasm_bindgen_test]
async fn choosing_a_level_updates_the_summary_and_clearing_restores_it() {
    clear_storage().await;
    let app = Mounted::new().await;
    let lu2_before = app.numbers("LU2");
    let overall_before = app.numbers("overall");
    assert_eq!(lu2_before, "++ 0 · + 0 · □ 0 · open 4 · gemiddelde –");

    app.choose("LU2.1", "high").await;
    assert!(app.radio("LU2.1", "high").checked());
    assert_eq!(app.progress(), "1 van 42 indicatoren gescoord");
    assert_eq!(app.numbers("LU2"), "++ 1 · + 0 · □ 0 · open 3 · gemiddelde 3,00");
    assert_eq!(app.numbers("KT1"), "++ 1 · + 0 · □ 0 · open 19 · gemiddelde 3,00");
    assert_eq!(app.numbers("LU1"), "++ 0 · + 0 · □ 0 · open 9 · gemiddelde –");

    // Another level replaces the first in the same group.
    app.choose("LU2.1", "present").await;
    assert!(!app.radio("LU2.1", "high").checked());
    assert_eq!(app.numbers("LU2"), "++ 0 · + 0 · □ 1 · open 3 · gemiddelde 1,00");

    app.clear("LU2.1").await;
    assert!(!app.radio("LU2.1", "present").checked());
    assert_eq!(app.numbers("LU2"), lu2_before);
    assert_eq!(app.numbers("overall"), overall_before);
    assert_eq!(app.progress(), "0 van 42 indicatoren gescoord");

    // A complete learning outcome gets a result: ++ ++ + □ has mean 2.25, which is +.
    assert_eq!(app.result("LU2"), "nog niet bepaald");
    for (indicator, level) in
        [("LU2.1", "high"), ("LU2.2", "high"), ("LU2.3", "good"), ("LU2.4", "present")]
    {
        app.choose(indicator, level).await;
    }
    assert_eq!(app.numbers("LU2"), "++ 2 · + 1 · □ 1 · open 0 · gemiddelde 2,25");
    assert_eq!(app.result("LU2"), "+ goed ontwikkeld");
    assert_eq!(app.result("KT1"), "nog niet bepaald");
    assert_eq!(app.progress(), "4 van 42 indicatoren gescoord");
    app.unmount().await;
}

#[wasm_bindgen_test]
async fn comments_and_scores_survive_a_remount() {
    clear_storage().await;
    let app = Mounted::new().await;
    app.choose("LU6.9", "good").await;
    // The evidence field is made when its box is opened, as a user opens it.
    assert!(app.all(r#"textarea[id="comment-LU6.9"]"#).is_empty());
    app.click(r#"li[id="indicator-LU6.9"] details.comment > summary"#).await;
    let area: web_sys::HtmlTextAreaElement =
        app.one(r#"textarea[id="comment-LU6.9"]"#).dyn_into().unwrap();
    area.set_value("Bewonersavond voorbereid");
    area.dispatch_event(&web_sys::InputEvent::new("input").unwrap()).unwrap();
    settle().await;
    app.unmount().await;

    let again = Mounted::new().await;
    assert!(again.radio("LU6.9", "good").checked());
    let area: web_sys::HtmlTextAreaElement =
        again.one(r#"textarea[id="comment-LU6.9"]"#).dyn_into().unwrap();
    assert_eq!(area.value(), "Bewonersavond voorbereid");
    assert_eq!(again.progress(), "1 van 42 indicatoren gescoord");
    again.unmount().await;
}

#[wasm_bindgen_test]
async fn an_unreadable_saved_assessment_is_reported_and_kept() {
    clear_storage().await;
    let bad = "leeruitkomsten:v2:assessment:kapot";
    storage().set_item(bad, "{ not json").unwrap();
    let app = Mounted::new().await;
    let alert = app.text(r#".notice[role="alert"]"#);
    assert!(alert.contains("konden niet worden gelezen"), "{alert}");
    // The list of assessments shows it, and the app goes on with a new assessment.
    assert!(app.text(".library-unreadable").contains(bad));
    app.click(".library-new").await;
    app.choose("LU1.1", "good").await;
    assert_eq!(app.progress(), "1 van 42 indicatoren gescoord");
    assert_eq!(storage().get_item(bad).unwrap().as_deref(), Some("{ not json"));
    app.unmount().await;
}

#[wasm_bindgen_test]
async fn what_version_1_saved_is_moved_over() {
    clear_storage().await;
    storage()
        .set_item("leeruitkomsten:v1:assessment", include_str!("fixtures/saved-v1.json"))
        .unwrap();
    let app = Mounted::new().await;
    assert!(app.radio("LU1.1", "high").checked());
    assert!(app.radio("LU4.2", "present").checked());
    assert_eq!(app.progress(), "3 van 42 indicatoren gescoord");
    let name: HtmlInputElement = app.one("#meta-student-name").dyn_into().unwrap();
    assert_eq!(name.value(), "Sanne de Vries");
    assert_eq!(storage().get_item("leeruitkomsten:v1:assessment").unwrap(), None);
    let open = storage().get_item("leeruitkomsten:v2:open").unwrap().unwrap();
    let entry = storage().get_item(&format!("leeruitkomsten:v2:assessment:{open}")).unwrap();
    assert!(entry.unwrap().contains("Sanne de Vries"));
    app.unmount().await;
}

#[wasm_bindgen_test]
async fn assessments_are_listed_opened_duplicated_deleted_and_restored() {
    clear_storage().await;
    let app = Mounted::new().await;
    app.choose("LU1.1", "good").await;
    app.choose("LU1.2", "good").await;
    app.click(".view-tab:nth-child(1)").await;
    assert_eq!(app.all(".library-item").len(), 1);
    assert!(app.text(".library-item .library-progress").starts_with("2/42"));

    app.click(".library-new").await;
    app.choose("LU3.1", "high").await;
    app.click(".view-tab:nth-child(1)").await;
    let items = app.all(".library-item");
    assert_eq!(items.len(), 2);
    // Newest first, and the open one marked.
    assert!(app.text(".library-item:nth-child(1) .library-progress").starts_with("1/42"));
    assert!(app.one(".library-item:nth-child(1)").class_name().contains("is-open"));

    app.click(".library-item:nth-child(2) .library-open").await;
    assert!(app.radio("LU1.2", "good").checked());
    assert_eq!(app.progress(), "2 van 42 indicatoren gescoord");

    app.click(".view-tab:nth-child(1)").await;
    app.click(".library-item:nth-child(2) .library-duplicate").await;
    assert_eq!(app.all(".library-item").len(), 3);

    // Delete asks first, then can be undone.
    app.click(".library-item:nth-child(1) .library-delete").await;
    assert_eq!(app.all(".library-item").len(), 3);
    app.click(".library-delete-confirm").await;
    assert_eq!(app.all(".library-item").len(), 2);
    app.click(".library-undo").await;
    assert_eq!(app.all(".library-item").len(), 3);
    app.unmount().await;
}

#[wasm_bindgen_test]
async fn the_interface_switches_to_english() {
    clear_storage().await;
    storage().remove_item("leeruitkomsten:lang").unwrap();
    let app = Mounted::new().await;
    assert_eq!(app.text("#summary-heading"), "Overzicht");
    app.click(".lang-switch").await;
    assert_eq!(app.text("#summary-heading"), "Summary");
    assert_eq!(app.progress(), "0 of 42 indicators scored");
    // Framework content keeps its own language.
    assert_eq!(app.one(".indicator-text").get_attribute("lang").as_deref(), Some("nl"));
    app.click(".lang-switch").await;
    assert_eq!(app.progress(), "0 van 42 indicatoren gescoord");
    app.unmount().await;
}
