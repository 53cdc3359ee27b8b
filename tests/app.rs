//! Component tests in a real browser (headless Chromium through
//! wasm-bindgen-test-runner): mount the app, click like a learner, read the
//! DOM hooks of docs/CONTRACT.md.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlSelectElement, HtmlTextAreaElement};

mod common;

use common::{settle, type_into, Mounted};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn badges_show_closed_at_the_start_and_the_end_of_the_normal_run() {
    let app = Mounted::new("?lang=en&scenario=normal").await;
    assert_eq!(app.attr("main#lab", "data-ready"), "true");
    assert_eq!(app.states(), ("CLOSED".into(), "CLOSED".into()));
    app.click("[data-action=\"step-forward\"]").await;
    assert_eq!(app.states(), ("SYN-SENT".into(), "LISTEN".into()));
    app.click("[data-action=\"end\"]").await;
    assert_eq!(app.states(), ("CLOSED".into(), "CLOSED".into()));
    assert!(app.count("[data-segment]") >= 7);
    assert_eq!(
        app.count("[data-segment]:not([data-fate=\"delivered\"])"),
        0
    );
    // One step back from the end: the client is still in TIME-WAIT.
    app.click("[data-action=\"step-back\"]").await;
    assert_eq!(app.states().0, "TIME-WAIT");
}

#[wasm_bindgen_test]
async fn step_forward_moves_the_playhead_and_step_back_returns() {
    let app = Mounted::new("?lang=en").await;
    let t0 = app.time();
    app.click("[data-action=\"step-forward\"]").await;
    let t1 = app.time();
    app.click("[data-action=\"step-forward\"]").await;
    let t2 = app.time();
    assert!(t0 < t1 && t1 < t2, "{t0} {t1} {t2}");
    assert_eq!(
        app.count("[data-segment]"),
        2,
        "SYN and SYN-ACK are on the wire"
    );
    app.click("[data-action=\"step-back\"]").await;
    assert_eq!(app.time(), t1);
    assert_eq!(app.count("[data-segment]"), 1);
}

#[wasm_bindgen_test]
async fn language_switch_changes_the_explanation() {
    let app = Mounted::new("?lang=en").await;
    app.click("[data-action=\"step-forward\"]").await;
    app.click("[data-action=\"step-forward\"]").await;
    let en = app
        .find("[data-testid=\"explanation\"]")
        .text_content()
        .unwrap();
    assert_eq!(app.attr("[data-testid=\"explanation\"]", "lang"), "en");
    let time = app.time();
    app.click("[data-lang-switch=\"zh\"]").await;
    let zh = app
        .find("[data-testid=\"explanation\"]")
        .text_content()
        .unwrap();
    assert_eq!(app.attr("[data-testid=\"explanation\"]", "lang"), "zh");
    assert_eq!(app.attr("main#lab", "data-lang"), "zh");
    assert_ne!(en, zh);
    assert!(
        zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
        "{zh}"
    );
    assert_eq!(
        app.attr("[data-lang-switch=\"zh\"]", "aria-pressed"),
        "true"
    );
    assert_eq!(app.time(), time, "the run did not move");
}

#[wasm_bindgen_test]
async fn clicking_a_segment_in_flight_and_dropping_it_brings_a_retransmission() {
    let app = Mounted::new("?lang=en&scenario=normal").await;
    app.click("[data-action=\"step-forward\"]").await;
    app.click("[data-action=\"step-forward\"]").await;
    let sa = "[data-segment][data-flags=\"SA\"][data-fate=\"in-flight\"]";
    assert_eq!(app.count(sa), 1);
    app.click(sa).await;
    assert_eq!(app.count(".fate-menu"), 1);
    app.click("[data-fate-action=\"drop\"]").await;
    assert_eq!(app.count(".fate-menu"), 0);
    // Dropped as it left, it is lost a little way along the link: one step on.
    app.click("[data-action=\"step-forward\"]").await;
    assert_eq!(
        app.count("[data-segment][data-flags=\"SA\"][data-fate=\"lost\"]"),
        1
    );
    app.click("[data-action=\"end\"]").await;
    assert_eq!(
        app.count("[data-segment][data-dir=\"c2s\"][data-flags=\"S\"]"),
        2,
        "the SYN was sent again"
    );
    assert_eq!(app.states(), ("CLOSED".into(), "CLOSED".into()));
    assert!(app
        .find("[data-testid=\"event-log\"]")
        .text_content()
        .unwrap()
        .contains("ESTABLISHED"));
}

#[wasm_bindgen_test]
async fn the_event_log_jumps_the_playhead() {
    let app = Mounted::new("?lang=en").await;
    assert!(app.count("[data-log-index]") > 10);
    app.click("[data-log-index=\"5\"]").await;
    let t = app.time();
    assert!(t > 0.0);
    assert_eq!(app.attr("[data-log-index=\"5\"]", "aria-current"), "step");
}

#[wasm_bindgen_test]
async fn unknown_url_values_show_a_notice_that_can_be_dismissed() {
    let app = Mounted::new("?lang=en&scenario=warp&speed=3").await;
    assert_eq!(app.count("[data-testid=\"notice\"]"), 2);
    assert_eq!(app.states(), ("CLOSED".into(), "CLOSED".into()));
    app.click("[data-testid=\"notice\"] button").await;
    assert_eq!(app.count("[data-testid=\"notice\"]"), 1);
}

#[wasm_bindgen_test]
async fn a_bad_step_line_is_named_inline_and_a_custom_run_applies() {
    let app = Mounted::new("?lang=en").await;
    let area: HtmlTextAreaElement = app
        .find("[data-action=\"client-steps\"]")
        .dyn_into()
        .unwrap();
    area.set_value("connect\nteleport 3");
    type_into(&area).await;
    app.click("[data-action=\"apply\"]").await;
    let error = app.find("#err-client").text_content().unwrap();
    assert!(
        error.contains("Line 2") && error.contains("teleport"),
        "{error}"
    );
    let again: HtmlTextAreaElement = app
        .find("[data-action=\"client-steps\"]")
        .dyn_into()
        .unwrap();
    assert!(
        again.is_same_node(Some(&area)),
        "the error line must not replace the field being edited"
    );
    area.set_value("connect\nsend 100\nsend 100\nsend 100\nshutdown\nrecv_eof\nclose");
    type_into(&area).await;
    app.click("[data-action=\"apply\"]").await;
    assert_eq!(app.count(".field-error:not(:empty)"), 0);
    let picker: HtmlSelectElement = app.find("[data-action=\"scenario\"]").dyn_into().unwrap();
    assert_eq!(picker.value(), "custom");
    app.click("[data-action=\"end\"]").await;
    assert!(app.count("[data-segment][data-flags=\"PA\"]") >= 3);
}

#[wasm_bindgen_test]
async fn the_profile_and_scenario_pickers_rerun() {
    let app = Mounted::new("?lang=en&scenario=server_closes_first&profile=rfc").await;
    let profile: HtmlSelectElement = app.find("[data-action=\"profile\"]").dyn_into().unwrap();
    assert_eq!(profile.value(), "rfc");
    app.click("[data-action=\"end\"]").await;
    assert_eq!(app.states(), ("CLOSED".into(), "CLOSED".into()));
    let scenario: HtmlSelectElement = app.find("[data-action=\"scenario\"]").dyn_into().unwrap();
    scenario.set_value("connection_refused");
    scenario
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    settle().await;
    app.click("[data-action=\"end\"]").await;
    assert!(
        app.count("[data-segment][data-flags=\"RA\"]")
            + app.count("[data-segment][data-flags=\"R\"]")
            >= 1
    );
}
