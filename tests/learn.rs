//! Issue 4 component tests in a real browser: the knowledge panel and
//! answering a predict-mode question.
#![cfg(target_arch = "wasm32")]

use gloo_timers::future::TimeoutFuture;
use tcp_lab::app::{App, AppProps};
use tcp_lab::model::url::parse_query;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};
use yew::AppHandle;

wasm_bindgen_test_configure!(run_in_browser);

struct Mounted {
    root: Element,
    handle: Option<AppHandle<App>>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(h) = self.handle.take() {
            h.destroy();
        }
        self.root.remove();
    }
}

impl Mounted {
    async fn new(query: &str) -> Mounted {
        let document = gloo_utils::document();
        let root = document.create_element("div").unwrap();
        document.body().unwrap().append_child(&root).unwrap();
        let props = AppProps {
            options: parse_query(query, Some("en-US")),
            reduced_motion: false,
        };
        let handle = yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
        settle().await;
        Mounted {
            root,
            handle: Some(handle),
        }
    }

    fn get(&self, selector: &str) -> Option<Element> {
        self.root.query_selector(selector).unwrap()
    }

    fn attr(&self, selector: &str, name: &str) -> String {
        self.get(selector)
            .unwrap_or_else(|| panic!("nothing matches {selector}"))
            .get_attribute(name)
            .unwrap_or_default()
    }

    async fn click(&self, selector: &str) {
        self.get(selector)
            .unwrap_or_else(|| panic!("nothing matches {selector}"))
            .dyn_into::<HtmlElement>()
            .unwrap()
            .click();
        settle().await;
    }

    /// `data-known` of the knowledge cell for fact `row` and side `col` (0 client, 1 server).
    fn known(&self, row: usize, col: usize) -> bool {
        let cells = self
            .root
            .query_selector_all(&format!(
                "[data-testid=\"knowledge\"] tr[data-fact=\"{row}\"] td"
            ))
            .unwrap();
        let cell: Element = cells.item(col as u32).unwrap().dyn_into().unwrap();
        cell.get_attribute("data-known").as_deref() == Some("true")
    }
}

async fn settle() {
    TimeoutFuture::new(0).await;
    TimeoutFuture::new(0).await;
}

#[wasm_bindgen_test]
async fn knowledge_panel_shows_why_the_server_needs_the_third_segment() {
    let app = Mounted::new("?lang=en&scenario=normal&profile=rfc").await;
    for row in 0..6 {
        assert!(
            !app.known(row, 0) && !app.known(row, 1),
            "nothing known at the start"
        );
    }
    for _ in 0..10 {
        if app.attr("[data-endpoint=\"server\"]", "data-state") == "SYN-RECEIVED" {
            break;
        }
        app.click("[data-action=\"step-forward\"]").await;
    }
    // The SYN arrived: the server can receive, but does not know its own SYN gets through.
    assert!(app.known(1, 1), "server: I can receive");
    assert!(!app.known(0, 1), "server: I can send, not yet");
    for _ in 0..10 {
        if app.attr("[data-endpoint=\"server\"]", "data-state") == "ESTABLISHED" {
            break;
        }
        app.click("[data-action=\"step-forward\"]").await;
    }
    assert!(
        app.known(0, 1),
        "the third segment confirms the server can send"
    );
    let text = app
        .get("[data-testid=\"knowledge\"]")
        .unwrap()
        .text_content()
        .unwrap();
    assert!(
        text.contains('✓') && text.contains('—'),
        "not only colour: {text}"
    );
}

#[wasm_bindgen_test]
async fn predict_mode_asks_before_a_delivery_and_scores_the_answer() {
    let app = Mounted::new("?lang=en&scenario=normal&profile=rfc&speed=8").await;
    app.click("[data-action=\"quiz-mode\"]").await;
    assert_eq!(
        app.attr("[data-action=\"quiz-mode\"]", "aria-pressed"),
        "true"
    );
    assert_eq!(app.attr("[data-testid=\"quiz-score\"]", "data-asked"), "0");
    app.click("[data-action=\"play\"]").await;
    for _ in 0..300 {
        if app.get("[data-testid=\"quiz\"]").is_some() {
            break;
        }
        TimeoutFuture::new(20).await;
    }
    assert!(
        app.get("[data-testid=\"quiz\"]").is_some(),
        "a question came"
    );
    assert_eq!(app.attr("main#lab", "data-playing"), "false");
    assert!(
        app.get("[data-testid=\"quiz\"] [data-right]").is_none(),
        "no answer before picking"
    );
    app.click("[data-testid=\"quiz\"] button[data-choice=\"0\"]")
        .await;
    let correct = app.attr("[data-testid=\"quiz-feedback\"]", "data-correct");
    assert!(correct == "true" || correct == "false");
    assert_eq!(app.attr("[data-testid=\"quiz-score\"]", "data-asked"), "1");
    let expected = if correct == "true" { "1" } else { "0" };
    assert_eq!(
        app.attr("[data-testid=\"quiz-score\"]", "data-correct"),
        expected
    );
    app.click("[data-action=\"quiz-continue\"]").await;
    assert_eq!(app.attr("main#lab", "data-playing"), "true");
}
