//! The Share, Embed and Export buttons. Their panels live in
//! `static/tools.js`, which the loader fetches on the first click (so the first
//! load stays small); it reads the state through the exports below. pcap and
//! JSON exports are in their own wasm (`crates/tcp-lab-export`), loaded on demand.

use std::cell::RefCell;

use tcp_lab_content::Lang;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

use tcp_lab_model::view::EmbedOptions;
use tcp_lab_model::LabState;

use crate::i18n::{t, Ui};
use crate::lab::Lab;

thread_local! {
    /// The state on screen and the embedding options, for the export functions.
    static CURRENT: RefCell<Option<(UseReducerHandle<Lab>, EmbedOptions)>> = const { RefCell::new(None) };
}

/// Published by the app from an effect after each render: a handle on the
/// state of that render (an `Rc`), so nothing is computed until a tool asks.
pub fn set_current(state: UseReducerHandle<Lab>, embed: EmbedOptions) {
    CURRENT.with(|c| *c.borrow_mut() = Some((state, embed)));
}

fn with_current<T>(f: impl FnOnce(&LabState, &EmbedOptions) -> T) -> Option<T> {
    CURRENT.with(|c| c.borrow().as_ref().map(|(s, e)| f(s, e)))
}

/// The share query (`?v=1&…`) of the state on screen, computed when asked.
#[wasm_bindgen]
pub fn tcp_lab_query() -> String {
    with_current(|s, embed| s.link(embed).query()).unwrap_or_default()
}

/// The scenario's name, for file names.
#[wasm_bindgen]
pub fn tcp_lab_scenario() -> String {
    with_current(|s, _| s.run.scenario.name.clone()).unwrap_or_default()
}

/// While a capture's connection is on the ladder: what a shared link holds instead of the
/// capture, in `lang` (`en`/`zh`); empty otherwise.
#[wasm_bindgen]
pub fn tcp_lab_capture_note(lang: &str) -> String {
    let lang = Lang::parse(lang).unwrap_or(Lang::En);
    with_current(|s, embed| {
        let derived = s.derived_setup(None)?;
        let note = crate::components::capture::link_note(lang, &derived.origin);
        if s.link_is_whole(embed) {
            return Some(note);
        }
        Some(crate::i18n::tf(
            lang,
            Ui::TwoSentences,
            &[
                ("first", &note),
                ("second", t(lang, Ui::CaptureLinkNotWhole)),
            ],
        ))
    })
    .flatten()
    .unwrap_or_default()
}

/// While a capture's connection is on the ladder: the capture file, for the pcap and JSON
/// exports (`crates/tcp-lab-export`'s `capture_*`); empty otherwise.
#[wasm_bindgen]
pub fn tcp_lab_capture_bytes() -> Vec<u8> {
    with_current(|s, _| s.viewed_capture().map(|(o, _)| o.bytes.clone()))
        .flatten()
        .unwrap_or_default()
}

/// The connection of the capture on the ladder, or -1.
#[wasm_bindgen]
pub fn tcp_lab_capture_connection() -> i32 {
    with_current(|s, _| s.viewed_capture().map(|(_, i)| i as i32))
        .flatten()
        .unwrap_or(-1)
}

/// The label of an embeddable control (`play`, `step`, …) in `lang` (`en`/`zh`), for the
/// Embed panel's checkboxes; empty for an unknown control or language.
#[wasm_bindgen]
pub fn tcp_lab_control_label(control: &str, lang: &str) -> String {
    Lang::parse(lang)
        .and_then(|lang| crate::i18n::control_label(lang, control))
        .unwrap_or_default()
}

#[derive(Properties, PartialEq)]
pub struct ShareBarProps {
    pub lang: Lang,
}

#[function_component(ShareBar)]
pub fn share_bar(p: &ShareBarProps) -> Html {
    let lang = p.lang;
    html! {
        <div class="share-buttons" role="group" aria-label={t(lang, Ui::ShareAndExport)}>
            <button type="button" data-tool="share" data-action="share">{ t(lang, Ui::ShareButton) }</button>
            <button type="button" data-tool="embed" data-action="embed">{ t(lang, Ui::EmbedButton) }</button>
            <button type="button" data-tool="export" data-action="export">{ t(lang, Ui::ExportButton) }</button>
        </div>
    }
}
