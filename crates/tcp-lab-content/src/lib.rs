//! # tcp-lab-content
//!
//! All of TCP Lab's teaching text, in English and Chinese, keyed by the
//! enums of the `tcp-sim` core.
//!
//! The text itself lives in `src/text/*.rs`: each file is a table, an
//! exhaustive `match` on a core enum and then on [`Lang`]. A new core variant
//! or a missing language is therefore a compile error, and a teacher can fix
//! a sentence without reading any logic. This file only holds the types and
//! the public functions that look the tables up.
//!
//! The tables are compiled in only with the `text` feature (on by default:
//! native builds, the tests, `export-learn-text`). The web app turns it off
//! to keep its first load under its 200 KB budget: the learning text (see
//! [`learn_text`]) and the explanation text (about 10 KB gzipped per
//! language; see [`lab_text`]) are written by `export-learn-text` into one
//! small script per language, and the app loads only the language it shows.
//! Without `text` the functions below read the pack [`lab_text::install`]ed
//! for the language, and return empty text until it is there.
//!
//! ```
//! use tcp_lab_content::{explain_segment, Lang};
//! use tcp_sim::SendReason;
//!
//! let e = explain_segment(SendReason::HandshakeAck, Lang::Zh);
//! assert!(e.what.contains("不带 SYN"));
//! ```

use tcp_sim::{Cause, SendReason, State, TimerKind};

mod analogies;
mod fill;
mod knowledge;
pub mod lab_text;
pub mod learn_text;
pub mod lessons;
mod limits;
pub mod pack;
pub mod quiz;
mod text;
mod ui;

pub use analogies::{analogy, analogy_for_cause, analogy_for_reason, Analogy, AnalogyTopic};
pub use knowledge::{knowledge_labels, knowledge_summary};
pub use limits::{fill_limits, LIMIT_PLACEHOLDERS};
#[cfg(feature = "text")]
pub use text::page::PageText;
pub use ui::{language_name, Ui, CRASH_MESSAGE};

/// The language of a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    /// English.
    En,
    /// Simplified Chinese.
    Zh,
}

impl Lang {
    /// Both languages, English first.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// The language code, as used in `?lang=` and the `lang` attribute: `"en"` or `"zh"`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// The other language (the second column of the bilingual view).
    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Zh,
            Lang::Zh => Lang::En,
        }
    }

    /// Parses a language code. Accepts `en`, `zh` and regional forms such
    /// as `en-US`, `zh-CN` or `zh_Hans` (case-insensitive); anything else is `None`.
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        let primary = s.split(['-', '_']).next().unwrap_or("");
        match primary {
            "en" => Some(Lang::En),
            "zh" => Some(Lang::Zh),
            _ => None,
        }
    }
}

/// One text in both languages. The lesson tables are made of these, so a
/// translator sees the English and the Chinese next to each other.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct BiText {
    pub en: &'static str,
    pub zh: &'static str,
}

impl BiText {
    /// The text in one language.
    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.en,
            Lang::Zh => self.zh,
        }
    }
}

/// Why something happened: the explanation of a state transition or of a segment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Explanation {
    /// A short title, e.g. "Third handshake segment: ACK".
    pub title: &'static str,
    /// What happened, in one or two sentences.
    pub what: &'static str,
    /// Why TCP does it.
    pub why: &'static str,
    /// What would go wrong without it.
    pub without: &'static str,
    /// Where it is specified, e.g. "RFC 9293 §3.5" (Chinese: "RFC 9293 第 3.5 节").
    pub rfc: &'static str,
    /// How the `linux` profile differs from the textbook here, if it does.
    pub linux: Option<&'static str>,
}

/// One glossary entry: the English term beside the Chinese one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GlossaryEntry {
    pub term_en: &'static str,
    pub term_zh: &'static str,
    pub definition_en: &'static str,
    pub definition_zh: &'static str,
}

/// Explains a state transition by its cause.
pub fn explain_transition(cause: Cause, lang: Lang) -> Explanation {
    #[cfg(feature = "text")]
    {
        text::transitions::explain(cause, lang)
    }
    #[cfg(not(feature = "text"))]
    {
        lab_text::lookup::transition(cause, lang)
    }
}

/// Explains a segment by the reason it was sent.
pub fn explain_segment(reason: SendReason, lang: Lang) -> Explanation {
    #[cfg(feature = "text")]
    {
        text::segments::explain(reason, lang)
    }
    #[cfg(not(feature = "text"))]
    {
        lab_text::lookup::segment(reason, lang)
    }
}

/// A short label for a timer, e.g. "SYN retransmission timer".
pub fn timer_label(kind: TimerKind, lang: Lang) -> &'static str {
    #[cfg(feature = "text")]
    {
        text::timers::label(kind, lang)
    }
    #[cfg(not(feature = "text"))]
    {
        lab_text::lookup::timer(kind, lang)
    }
}

/// One line saying what an endpoint in this state is doing or waiting for.
pub fn state_gloss(state: State, lang: Lang) -> &'static str {
    #[cfg(feature = "text")]
    {
        text::states::gloss(state, lang)
    }
    #[cfg(not(feature = "text"))]
    {
        lab_text::lookup::state(state, lang)
    }
}

/// What a kind of listener event is: its short label and its explanation, e.g. for
/// `CookieSent`, "SYN cookie sent" and why the server sent one.
pub fn listener_event_text(
    kind: tcp_sim::server::listener::ListenerEventKind,
    lang: Lang,
) -> (&'static str, &'static str) {
    #[cfg(feature = "text")]
    {
        let t = text::listener::event(kind, lang);
        (t.label, t.text)
    }
    #[cfg(not(feature = "text"))]
    {
        (
            lab_text::lookup::listener(kind, lang, 0),
            lab_text::lookup::listener(kind, lang, 1),
        )
    }
}

/// What a listener counter counts: its short label and its explanation.
pub fn listener_counter_text(
    counter: tcp_sim::server::listener::ListenerCounter,
    lang: Lang,
) -> (&'static str, &'static str) {
    #[cfg(feature = "text")]
    {
        let t = text::listener::counter(counter, lang);
        (t.label, t.text)
    }
    #[cfg(not(feature = "text"))]
    {
        (
            lab_text::lookup::counter(counter, lang, 0),
            lab_text::lookup::counter(counter, lang, 1),
        )
    }
}

/// The title of a named scenario (`tcp_sim::named::NAMES` or `SERVER_NAMES`), or `None` for an
/// unknown name.
pub fn scenario_title(name: &str, lang: Lang) -> Option<&'static str> {
    #[cfg(feature = "text")]
    {
        text::scenarios::title(name, lang)
    }
    #[cfg(not(feature = "text"))]
    {
        lab_text::lookup::scenario_title(name, lang)
    }
}

/// A one- or two-sentence description of a named scenario, or `None` for an unknown name.
pub fn scenario_blurb(name: &str, lang: Lang) -> Option<&'static str> {
    #[cfg(feature = "text")]
    {
        text::scenarios::blurb(name, lang)
    }
    #[cfg(not(feature = "text"))]
    {
        lab_text::lookup::scenario_blurb(name, lang)
    }
}

/// An interface text (label, notice, template) in `lang`.
pub fn ui_text(ui: Ui, lang: Lang) -> &'static str {
    #[cfg(feature = "text")]
    {
        text::ui::text(ui, lang)
    }
    #[cfg(not(feature = "text"))]
    {
        lab_text::lookup::ui(ui, lang)
    }
}

/// Fills an interface template's `{name}`s with `values`; a name without a
/// value stays as written.
pub fn fill_text(template: &str, values: &[(&str, &str)]) -> String {
    fill::fill(template, |name| {
        values
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| fill::Value::Text(v.to_string()))
    })
}

/// A text of the page's own scripts (loader, Share/Embed/Export panels),
/// which they read from the text pack by [`PageText::key`].
#[cfg(feature = "text")]
pub fn page_text(t: PageText, lang: Lang) -> &'static str {
    text::page::text(t, lang)
}

/// Every term the lab uses, with the English and Chinese names side by side.
pub fn glossary() -> &'static [GlossaryEntry] {
    text::glossary::ENTRIES
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_lang_code_round_trips() {
        for lang in Lang::ALL {
            assert_eq!(Lang::parse(lang.code()), Some(lang));
        }
        assert_eq!(Lang::parse("zh-CN"), Some(Lang::Zh));
        assert_eq!(Lang::parse("EN_us"), Some(Lang::En));
        assert_eq!(Lang::parse("fr"), None);
        assert_eq!(Lang::parse(""), None);
    }
}
