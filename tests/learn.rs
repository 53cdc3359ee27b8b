//! Issue 4 component tests in a real browser: the knowledge panel and
//! answering a predict-mode question.
#![cfg(target_arch = "wasm32")]

use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::Element;

mod common;

use common::Mounted;

wasm_bindgen_test_configure!(run_in_browser);

/// `data-known` of the knowledge cell for fact `row` and side `col` (0 client, 1 server).
fn known(app: &Mounted, row: usize, col: usize) -> bool {
    let cells = app
        .root
        .query_selector_all(&format!(
            "[data-testid=\"knowledge\"] tr[data-fact=\"{row}\"] td"
        ))
        .unwrap();
    let cell: Element = cells.item(col as u32).unwrap().dyn_into().unwrap();
    cell.get_attribute("data-known").as_deref() == Some("true")
}

#[wasm_bindgen_test]
async fn knowledge_panel_shows_why_the_server_needs_the_third_segment() {
    let app = Mounted::new("?lang=en&scenario=normal&profile=rfc").await;
    for row in 0..6 {
        assert!(
            !known(&app, row, 0) && !known(&app, row, 1),
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
    assert!(known(&app, 1, 1), "server: I can receive");
    assert!(!known(&app, 0, 1), "server: I can send, not yet");
    for _ in 0..10 {
        if app.attr("[data-endpoint=\"server\"]", "data-state") == "ESTABLISHED" {
            break;
        }
        app.click("[data-action=\"step-forward\"]").await;
    }
    assert!(
        known(&app, 0, 1),
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
