//! The long learning text (lessons, glossary, analogies) is not in the wasm.
//! `export-learn-text` writes it from the Rust tables into one classic script
//! per language (`learn/learn-en.js`, `learn/learn-zh.js`, in the site
//! scripts/build.mjs writes). This module appends the script for a
//! language when a view needs it and looks texts up by key
//! (`tcp_lab_content::learn_text`).
//!
//! A classic script with a relative URL loads under any sub-path, inside a
//! sandboxed iframe with an opaque origin and under `script-src 'self'`.

use tcp_lab_content::learn_text::{file_name, GLOBAL};
use tcp_lab_content::Lang;
use wasm_bindgen::JsValue;

use crate::platform::js_get;

/// The loaded table of one language, if its script has run.
fn table(lang: Lang) -> Option<JsValue> {
    js_get(&js_get(&js_sys::global(), GLOBAL)?, lang.code())
}

/// True when the language's text is there.
pub fn is_loaded(lang: Lang) -> bool {
    table(lang).is_some()
}

/// A text by key, or `None` while it is not loaded.
pub fn get(lang: Lang, key: &str) -> Option<String> {
    js_get(&table(lang)?, key)?.as_string()
}

/// Loads a language's script (once); `done(ok)` runs when it has loaded or failed.
pub fn load(lang: Lang, done: impl FnOnce(bool) + 'static) {
    if is_loaded(lang) {
        done(true);
        return;
    }
    let src = format!("learn/{}", file_name(lang));
    crate::platform::load_script(&src, ("data-learn-text", lang.code()), move |ok| {
        done(ok && is_loaded(lang))
    });
}
