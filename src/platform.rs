//! The little the app needs from the browser: the URL, the language, the
//! reduced-motion setting, the document's language and title, and a panic
//! hook that shows a readable message instead of a blank page.

use web_sys::MediaQueryList;

use crate::i18n::CRASH_MESSAGE;
use tcp_lab_model::url::{parse_query, UrlOptions};

/// The options the page's URL asks for (with the browser's language as the
/// fallback).
pub fn url_options() -> UrlOptions {
    let window = gloo_utils::window();
    let query = window.location().search().unwrap_or_default();
    let browser_lang = window.navigator().language();
    parse_query(&query, browser_lang.as_deref())
}

pub fn reduced_motion_query() -> Option<MediaQueryList> {
    gloo_utils::window()
        .match_media("(prefers-reduced-motion: reduce)")
        .ok()
        .flatten()
}

/// Phones: the width below which the layout goes to one column.
pub fn narrow_query() -> Option<MediaQueryList> {
    gloo_utils::window()
        .match_media("(max-width: 760px)")
        .ok()
        .flatten()
}

/// Scrolls the element `panel` matches to the top of the screen and focuses
/// the element the first of the `|`-separated selectors in `focus` matches
/// (made focusable if it is not).
pub fn bring_into_view(panel: &str, focus: &str) {
    use wasm_bindgen::JsCast;
    let document = gloo_utils::document();
    let Some(el) = document.query_selector(panel).ok().flatten() else {
        return;
    };
    el.scroll_into_view_with_bool(true);
    let target = focus
        .split('|')
        .find_map(|sel| document.query_selector(sel).ok().flatten())
        .and_then(|f| f.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(f) = target {
        if f.tab_index() < 0 && !f.has_attribute("tabindex") {
            let _ = f.set_attribute("tabindex", "-1");
        }
        let _ = f.focus();
    }
}

pub fn prefers_reduced_motion() -> bool {
    reduced_motion_query().is_some_and(|q| q.matches())
}

pub fn set_document_language(code: &str, title: &str) {
    let _ = gloo_utils::document_element().set_attribute("lang", code);
    gloo_utils::document().set_title(title);
}

/// Removes the "loading" line index.html shows until the app starts.
pub fn remove_boot_message() {
    if let Some(el) = gloo_utils::document().get_element_by_id("boot") {
        el.remove();
    }
}

/// Shows a panic as a message on the page (and in the console).
pub fn install_panic_hook() {
    yew::set_custom_panic_hook(Box::new(|info| {
        let detail = info.to_string();
        web_sys::console::error_1(&detail.clone().into());
        let document = gloo_utils::document();
        if let (Ok(div), Some(body)) = (document.create_element("div"), document.body()) {
            div.set_class_name("crash");
            let _ = div.set_attribute("role", "alert");
            div.set_text_content(Some(&format!("{CRASH_MESSAGE}\n\n{detail}")));
            let _ = body.prepend_with_node_1(&div);
        }
    }));
}

/// `target[key]`, or `None` when it is missing, `undefined` or `null`: how the
/// app reads what scripts outside it (the loader, the text packs) put on the page.
pub fn js_get(target: &wasm_bindgen::JsValue, key: &str) -> Option<wasm_bindgen::JsValue> {
    js_sys::Reflect::get(target, &wasm_bindgen::JsValue::from_str(key))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// Appends a classic `<script src>` (relative to the page: it works under any
/// sub-path, under `script-src 'self'` and in a sandboxed iframe); `done(ok)`
/// runs once it has run or failed. `mark` is an attribute that tells tests
/// and readers of the DOM what the script is.
pub fn load_script(src: &str, mark: (&str, &str), done: impl FnOnce(bool) + 'static) {
    let document = gloo_utils::document();
    let (Ok(script), Some(head)) = (document.create_element("script"), document.head()) else {
        done(false);
        return;
    };
    let _ = script.set_attribute("src", src);
    let _ = script.set_attribute(mark.0, mark.1);
    when_script_done(&script, done);
    let _ = head.append_child(&script);
}

/// Calls `done(ok)` once `script` has run (`true`) or failed to load (`false`).
pub fn when_script_done(script: &web_sys::Element, done: impl FnOnce(bool) + 'static) {
    let done = std::rc::Rc::new(std::cell::Cell::new(Some(done)));
    let finish = move |ok: bool| {
        if let Some(done) = done.take() {
            done(ok)
        }
    };
    let on_error = finish.clone();
    // One of the two fires, once; they live as long as the page (a few scripts per page).
    gloo_events::EventListener::once(script, "load", move |_| finish(true)).forget();
    gloo_events::EventListener::once(script, "error", move |_| on_error(false)).forget();
}
