//! Issue 5: what sharing and embedding need from the browser (exports and the
//! share/embed panels are in `static/tools.js`). Every
//! call here may meet a hostile host (a sandboxed iframe with an opaque origin,
//! a strict CSP): each one fails quietly and reports `None`/`false`.

use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;

/// True in a document with an opaque origin (e.g. `<iframe sandbox="allow-scripts">`):
/// no storage, no clipboard, no downloads.
pub fn opaque_origin() -> bool {
    Reflect::get(&gloo_utils::window(), &"origin".into())
        .ok()
        .and_then(|o| o.as_string())
        .is_none_or(|o| o == "null")
}

/// Replaces the address bar's query; ignored where history is not allowed.
pub fn replace_query(query: &str) {
    if opaque_origin() {
        return;
    }
    let window = gloo_utils::window();
    if window.location().search().ok().as_deref() == Some(query) {
        return;
    }
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(query));
    }
}

/// Posts a message to the embedding page (nothing when the lab is the top page).
pub fn post_to_parent(fields: &[(&str, JsValue)]) {
    let window = gloo_utils::window();
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if Object::is(&parent, &window) {
        return;
    }
    let msg = Object::new();
    let _ = Reflect::set(&msg, &"source".into(), &"tcp-lab".into());
    let _ = Reflect::set(&msg, &"version".into(), &1.into());
    for (k, v) in fields {
        let _ = Reflect::set(&msg, &(*k).into(), v);
    }
    let _ = parent.post_message(&msg, "*");
}

/// Reads `detail.id` / `detail.correct` of a `tcplab:lesson-complete` event.
pub fn lesson_detail(e: &web_sys::Event) -> (JsValue, bool) {
    let detail = Reflect::get(e, &"detail".into()).unwrap_or(JsValue::UNDEFINED);
    if !detail.is_object() {
        return (JsValue::NULL, false);
    }
    let id = Reflect::get(&detail, &"id".into()).unwrap_or(JsValue::NULL);
    let id = if id.is_string() || id.as_f64().is_some() {
        id
    } else {
        JsValue::NULL
    };
    let correct = Reflect::get(&detail, &"correct".into())
        .ok()
        .and_then(|c| c.as_bool())
        .unwrap_or(false);
    (id, correct)
}
