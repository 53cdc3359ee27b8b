//! The long learning text (lessons, glossary, analogies) is not in the wasm.
//! `export-learn-text` writes it from the Rust tables into one classic script
//! per language (`learn/learn-en.js`, `learn/learn-zh.js`, in the site
//! scripts/build.mjs writes). This module appends the script for a
//! language when a view needs it and looks texts up by key
//! (`tcp_lab_content::learn_text`).
//!
//! A classic script with a relative URL loads under any sub-path, inside a
//! sandboxed iframe with an opaque origin and under `script-src 'self'`.

use tcp_lab_content::learn_text::{self, file_name, GLOBAL};
use tcp_lab_content::Lang;

/// True when the language's text is there (installing its pack if its script has run).
pub fn is_loaded(lang: Lang) -> bool {
    learn_text::is_ready(lang)
        || crate::text_packs::read_pack(GLOBAL, lang)
            .is_some_and(|(schema, texts)| learn_text::install(lang, schema, texts).is_ok())
}

/// A text by key, or `None` while it is not loaded.
pub fn get(lang: Lang, key: &str) -> Option<String> {
    if !is_loaded(lang) {
        return None;
    }
    learn_text::text(lang, key).map(str::to_string)
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
