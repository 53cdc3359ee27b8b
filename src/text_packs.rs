//! The lab's explanation text, one pack per language (see
//! `tcp_lab_content::lab_text`): the web app is built without the content
//! crate's `text` feature, so the explanations of transitions and segments,
//! the timer labels, state glosses and scenario titles come from
//! `learn/lab-<lang>.js`. The page's loader starts the download of the pack
//! for the language the URL or browser asks for, beside the wasm; the app is
//! mounted once that pack is in (see `crate::start`), and switches language
//! (or turns on the bilingual view) only once the other pack is in.
//!
//! Where the crate is built with `text` (native tests, the wasm-bindgen
//! tests), every pack is always ready.

use tcp_lab_content::lab_text::{self, file_name, GLOBAL};
use tcp_lab_content::Lang;

use crate::platform::js_get;

/// The `schema` and `texts` of a pack whose script has run (see
/// `tcp_lab_content::pack`); `None` while it has not.
pub fn read_pack(global: &str, lang: Lang) -> Option<(u32, Vec<String>)> {
    let pack = js_get(&js_get(&js_sys::global(), global)?, lang.code())?;
    let schema = js_get(&pack, "schema")
        .and_then(|v| v.as_f64())
        .unwrap_or(-1.0);
    let texts = js_get(&pack, "texts")
        .map(|v| js_sys::Array::from(&v))
        .unwrap_or_default();
    let texts: Vec<String> = texts
        .iter()
        .map(|t| t.as_string().unwrap_or_default())
        .collect();
    // A schema outside u32 is a pack from something else: its `install` rejects it.
    let schema = if (0.0..=u32::MAX as f64).contains(&schema) {
        schema as u32
    } else {
        u32::MAX
    };
    Some((schema, texts))
}

/// Installs the explanation pack if its script has run. `None` while it has not.
fn install_from_page(lang: Lang) -> Option<Result<(), String>> {
    let (schema, texts) = read_pack(GLOBAL, lang)?;
    Some(lab_text::install(lang, schema, texts))
}

/// True when `lang`'s explanations can be shown.
pub fn is_ready(lang: Lang) -> bool {
    lab_text::is_ready(lang) || matches!(install_from_page(lang), Some(Ok(())))
}

/// Makes `lang`'s pack ready (loading its script if the page has not), then
/// calls `done` with the outcome; at once when it is already there.
pub fn ensure(lang: Lang, done: impl FnOnce(Result<(), String>) + 'static) {
    if is_ready(lang) {
        done(Ok(()));
        return;
    }
    let finish = move |loaded: bool| {
        done(match install_from_page(lang) {
            Some(result) => result,
            None if loaded => Err(format!(
                "learn/{} did not define its texts",
                file_name(lang)
            )),
            None => Err(format!("learn/{} could not be loaded", file_name(lang))),
        })
    };
    // The loader may have started this download already (it marks the script
    // `data-done` when it has finished, loaded or not): wait for it then.
    let pending = gloo_utils::document()
        .query_selector(&format!(
            "script[{MARK}=\"{}\"]:not([data-done])",
            lang.code()
        ))
        .ok()
        .flatten();
    match pending {
        Some(script) => crate::platform::when_script_done(&script, finish),
        None => {
            let src = pack_url(lang);
            crate::platform::load_script(&src, (MARK, lang.code()), finish);
        }
    }
}

/// Where the pack is: the built page's loader names it (with a content hash)
/// in `window.tcpLabPacks`; elsewhere it has its plain name.
fn pack_url(lang: Lang) -> String {
    js_get(&js_sys::global(), "tcpLabPacks")
        .and_then(|packs| js_get(&packs, lang.code()))
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| format!("learn/{}", file_name(lang)))
}

/// The attribute on a pack's `<script>`, in the loader's and in ours.
const MARK: &str = "data-lab-text";
