//! The explanation tables (transitions, segments, timer labels, state
//! glosses, scenario titles and blurbs) as a run-time "text pack".
//!
//! Why: these tables are the biggest text the lab shows outside the lessons,
//! about 10 KB gzipped per language, and the web app's first load has a
//! budget of 200 KB. Linking both languages into the wasm costs every
//! visitor both, although a page shows one. So, like the learning text (see
//! [`crate::learn_text`]), the web app is built without the `text` feature
//! and loads only the pack of the language it shows, one small classic
//! script per language that `export-learn-text` writes from the tables in
//! `src/text/` (see `to_js`). Those tables stay the one source of the text.
//!
//! A pack is a plain array of strings, without keys: the order below is the
//! contract, and [`schema`] (a hash of the key names) rejects a pack written
//! for another build. The order is fixed by the core's enums, not by the
//! text, so a build without `text` knows it too:
//!
//! 1. for each [`Cause`] in [`Cause::ALL`]: the six [`EXPLANATION_FIELDS`] of
//!    its transition explanation (`tr.<cause key>.<field>`);
//! 2. the same for each [`SendReason`] in [`SendReason::ALL`] (`seg.<key>.<field>`);
//! 3. the label of each [`TimerKind`] in [`TimerKind::ALL`] (`timer.<key>`);
//! 4. the gloss of each [`State`] in [`State::ALL`] (`state.<RFC name>`,
//!    e.g. `state.SYN-SENT`);
//! 5. for each name in [`named::NAMES`], then [`named::SERVER_NAMES`]: its title, then its
//!    blurb (`scenario.<name>.title`, `scenario.<name>.blurb`);
//! 6. each interface text in [`Ui::ALL`] (`ui.<name>`);
//! 7. for each [`ListenerEventKind`] in its `ALL`, then each [`ListenerCounter`]: its label,
//!    then its explanation (`listener.<key>.label`, `listener.<key>.text`,
//!    `counter.<key>.label`, `counter.<key>.text`).
//!
//! `linux` is the only optional field: the pack stores `""` for `None`, and
//! an empty `linux` reads back as `None`.
//!
//! Without `text` the crate's functions ([`crate::explain_transition`] and
//! the others) read the pack [`install`]ed for the language; until then they
//! return empty texts (and `Some("")` for a known scenario, `None` for an
//! unknown one), never panic. With `text` they read the compiled tables.

use std::sync::OnceLock;

use crate::pack::{fnv1a_lines, Pack};

use tcp_sim::server::listener::{ListenerCounter, ListenerEventKind};
use tcp_sim::{named, Cause, SendReason, State, TimerKind};

use crate::{Explanation, Lang, Ui};

/// The global object the generated scripts fill (see [`crate::pack`]).
pub const GLOBAL: &str = "__tcpLabText";

/// The file name of a language's pack, e.g. `lab-zh.js`.
pub fn file_name(lang: Lang) -> String {
    Pack::Lab.file_name(lang)
}

/// The fields of an [`Explanation`], in pack order (`explanation_fields`
/// and `explanation_from` below follow it).
pub const EXPLANATION_FIELDS: [&str; 6] = ["title", "what", "why", "without", "rfc", "linux"];
const FIELDS: usize = EXPLANATION_FIELDS.len();

// Where each group starts, so a lookup is an index and never builds a key.
const TRANSITIONS: usize = 0;
const SEGMENTS: usize = TRANSITIONS + Cause::ALL.len() * FIELDS;
const TIMERS: usize = SEGMENTS + SendReason::ALL.len() * FIELDS;
const STATES: usize = TIMERS + TimerKind::ALL.len();
const SCENARIOS: usize = STATES + State::ALL.len();
const INTERFACE: usize = SCENARIOS + (named::NAMES.len() + named::SERVER_NAMES.len()) * 2;
const LISTENER: usize = INTERFACE + Ui::ALL.len();
const COUNTERS: usize = LISTENER + ListenerEventKind::ALL.len() * 2;
const COUNT: usize = COUNTERS + ListenerCounter::ALL.len() * 2;

/// Every scenario name with a title and blurb, in pack order.
fn scenario_names() -> impl Iterator<Item = &'static str> {
    named::NAMES.iter().chain(&named::SERVER_NAMES).copied()
}

#[cfg(feature = "text")]
fn explanation_fields(e: &Explanation) -> [&'static str; FIELDS] {
    [
        e.title,
        e.what,
        e.why,
        e.without,
        e.rfc,
        e.linux.unwrap_or(""),
    ]
}

fn explanation_from(t: &[&'static str]) -> Explanation {
    Explanation {
        title: t[0],
        what: t[1],
        why: t[2],
        without: t[3],
        rfc: t[4],
        linux: Some(t[5]).filter(|s| !s.is_empty()),
    }
}

fn transition_at(cause: Cause) -> Option<usize> {
    let i = Cause::ALL.iter().position(|&c| c == cause)?;
    Some(TRANSITIONS + i * FIELDS)
}
fn segment_at(reason: SendReason) -> Option<usize> {
    let i = SendReason::ALL.iter().position(|&r| r == reason)?;
    Some(SEGMENTS + i * FIELDS)
}
fn timer_at(kind: TimerKind) -> Option<usize> {
    let i = TimerKind::ALL.iter().position(|&k| k == kind)?;
    Some(TIMERS + i)
}
fn state_at(state: State) -> Option<usize> {
    let i = State::ALL.iter().position(|&s| s == state)?;
    Some(STATES + i)
}
/// The index of the scenario's title; its blurb follows.
fn scenario_at(name: &str) -> Option<usize> {
    let i = scenario_names().position(|n| n == name)?;
    Some(SCENARIOS + i * 2)
}

/// The index of a listener event's label; its explanation follows.
fn listener_at(kind: ListenerEventKind) -> Option<usize> {
    let i = ListenerEventKind::ALL.iter().position(|&k| k == kind)?;
    Some(LISTENER + i * 2)
}

/// The index of a counter's label; its explanation follows.
fn counter_at(counter: ListenerCounter) -> Option<usize> {
    let i = ListenerCounter::ALL.iter().position(|&c| c == counter)?;
    Some(COUNTERS + i * 2)
}

fn ui_at(ui: Ui) -> Option<usize> {
    let i = Ui::ALL.iter().position(|&u| u == ui)?;
    Some(INTERFACE + i)
}

/// Every key name, in pack order (see the module docs).
pub fn key_names() -> Vec<String> {
    let mut v = Vec::with_capacity(COUNT);
    for c in Cause::ALL {
        v.extend(EXPLANATION_FIELDS.map(|f| format!("tr.{}.{f}", c.key())));
    }
    for r in SendReason::ALL {
        v.extend(EXPLANATION_FIELDS.map(|f| format!("seg.{}.{f}", r.key())));
    }
    v.extend(TimerKind::ALL.map(|k| format!("timer.{}", k.key())));
    v.extend(State::ALL.map(|s| format!("state.{}", s.rfc_name())));
    for n in scenario_names() {
        v.push(format!("scenario.{n}.title"));
        v.push(format!("scenario.{n}.blurb"));
    }
    v.extend(Ui::ALL.iter().map(|u| format!("ui.{}", u.key())));
    for k in ListenerEventKind::ALL {
        v.push(format!("listener.{}.label", k.key()));
        v.push(format!("listener.{}.text", k.key()));
    }
    for c in ListenerCounter::ALL {
        v.push(format!("counter.{}.label", c.key()));
        v.push(format!("counter.{}.text", c.key()));
    }
    v
}

/// How many texts a pack holds.
pub fn key_count() -> usize {
    COUNT
}

/// The 32-bit FNV-1a hash of the key names joined with `'\n'`. A pack
/// carries the schema of the build that wrote it, so a stale or foreign pack
/// is refused instead of showing texts under the wrong keys.
pub fn schema() -> u32 {
    static SCHEMA: OnceLock<u32> = OnceLock::new();
    *SCHEMA.get_or_init(|| fnv1a_lines(&key_names()))
}

/// Every text in one language, in pack order, from the Rust tables.
#[cfg(feature = "text")]
pub fn entries(lang: Lang) -> Vec<&'static str> {
    use crate::text;
    let mut v = Vec::with_capacity(COUNT);
    for c in Cause::ALL {
        v.extend(explanation_fields(&text::transitions::explain(c, lang)));
    }
    for r in SendReason::ALL {
        v.extend(explanation_fields(&text::segments::explain(r, lang)));
    }
    v.extend(TimerKind::ALL.map(|k| text::timers::label(k, lang)));
    v.extend(State::ALL.map(|s| text::states::gloss(s, lang)));
    for n in scenario_names() {
        // A name without text is caught by the tests (every text non-empty).
        v.push(text::scenarios::title(n, lang).unwrap_or(""));
        v.push(text::scenarios::blurb(n, lang).unwrap_or(""));
    }
    v.extend(Ui::ALL.iter().map(|&u| text::ui::text(u, lang)));
    for k in ListenerEventKind::ALL {
        let t = text::listener::event(k, lang);
        v.extend([t.label, t.text]);
    }
    for c in ListenerCounter::ALL {
        let t = text::listener::counter(c, lang);
        v.extend([t.label, t.text]);
    }
    v
}

/// The classic script for one language's pack (see [`crate::pack`]). Its
/// extra member `page` holds the texts of the page's own scripts by name:
/// they read `__tcpLabText.<lang>.page.<key>`.
#[cfg(feature = "text")]
pub fn to_js(lang: Lang) -> String {
    let page = crate::PageText::ALL
        .iter()
        .map(|&t| {
            format!(
                "\n{}:{}",
                crate::pack::json_string(t.key()),
                crate::pack::json_string(crate::page_text(t, lang))
            )
        })
        .collect::<Vec<_>>()
        .join(",");
    crate::pack::to_js(
        Pack::Lab,
        lang,
        schema(),
        &[format!("\"page\":{{{page}}}")],
        &entries(lang),
    )
}

/// Installs a language's pack, as loaded from its script: `schema` and
/// `texts` are the script's fields. Refuses a pack from another build.
/// With the `text` feature the crate keeps reading its compiled tables; the
/// pack is only checked and kept.
pub fn install(lang: Lang, schema: u32, texts: Vec<String>) -> Result<(), String> {
    Pack::Lab.install(lang, (COUNT, self::schema()), schema, texts)
}

/// True when the crate's functions return real text in `lang`: always with
/// the `text` feature, otherwise once its pack is [`install`]ed.
pub fn is_ready(lang: Lang) -> bool {
    cfg!(feature = "text") || installed(lang).is_some()
}

fn installed(lang: Lang) -> Option<&'static [&'static str]> {
    Pack::Lab.installed(lang)
}

// The lookups in an installed pack: what the crate's functions use without
// `text`. With `text` only the tests call them, to check a pack reads back
// as the tables.
#[cfg_attr(all(feature = "text", not(test)), allow(dead_code))]
pub(crate) mod lookup {
    use super::*;

    const EMPTY: Explanation = Explanation {
        title: "",
        what: "",
        why: "",
        without: "",
        rfc: "",
        linux: None,
    };

    fn explanation(pack: Option<&[&'static str]>, at: Option<usize>) -> Explanation {
        match (pack, at) {
            (Some(p), Some(i)) => explanation_from(&p[i..i + FIELDS]),
            _ => EMPTY,
        }
    }

    fn text(pack: Option<&[&'static str]>, at: Option<usize>) -> &'static str {
        match (pack, at) {
            (Some(p), Some(i)) => p[i],
            _ => "",
        }
    }

    pub(crate) fn transition_in(pack: Option<&[&'static str]>, cause: Cause) -> Explanation {
        explanation(pack, transition_at(cause))
    }
    pub(crate) fn segment_in(pack: Option<&[&'static str]>, reason: SendReason) -> Explanation {
        explanation(pack, segment_at(reason))
    }
    pub(crate) fn timer_in(pack: Option<&[&'static str]>, kind: TimerKind) -> &'static str {
        text(pack, timer_at(kind))
    }
    pub(crate) fn state_in(pack: Option<&[&'static str]>, state: State) -> &'static str {
        text(pack, state_at(state))
    }
    /// `None` only for an unknown name, loaded or not: callers take `None`
    /// to mean "not a named scenario".
    pub(crate) fn scenario_title_in(
        pack: Option<&[&'static str]>,
        name: &str,
    ) -> Option<&'static str> {
        scenario_at(name).map(|i| text(pack, Some(i)))
    }
    pub(crate) fn scenario_blurb_in(
        pack: Option<&[&'static str]>,
        name: &str,
    ) -> Option<&'static str> {
        scenario_at(name).map(|i| text(pack, Some(i + 1)))
    }

    pub(crate) fn transition(cause: Cause, lang: Lang) -> Explanation {
        transition_in(installed(lang), cause)
    }
    pub(crate) fn segment(reason: SendReason, lang: Lang) -> Explanation {
        segment_in(installed(lang), reason)
    }
    pub(crate) fn ui_in(pack: Option<&[&'static str]>, ui: Ui) -> &'static str {
        text(pack, ui_at(ui))
    }
    pub(crate) fn ui(ui: Ui, lang: Lang) -> &'static str {
        ui_in(installed(lang), ui)
    }
    pub(crate) fn timer(kind: TimerKind, lang: Lang) -> &'static str {
        timer_in(installed(lang), kind)
    }
    pub(crate) fn state(state: State, lang: Lang) -> &'static str {
        state_in(installed(lang), state)
    }
    pub(crate) fn scenario_title(name: &str, lang: Lang) -> Option<&'static str> {
        scenario_title_in(installed(lang), name)
    }
    /// A listener event's label (`field` 0) or explanation (1).
    pub(crate) fn listener_in(
        pack: Option<&[&'static str]>,
        kind: ListenerEventKind,
        field: usize,
    ) -> &'static str {
        text(pack, listener_at(kind).map(|i| i + field))
    }
    /// A counter's label (`field` 0) or explanation (1).
    pub(crate) fn counter_in(
        pack: Option<&[&'static str]>,
        counter: ListenerCounter,
        field: usize,
    ) -> &'static str {
        text(pack, counter_at(counter).map(|i| i + field))
    }
    pub(crate) fn listener(kind: ListenerEventKind, lang: Lang, field: usize) -> &'static str {
        listener_in(installed(lang), kind, field)
    }
    pub(crate) fn counter(counter: ListenerCounter, lang: Lang, field: usize) -> &'static str {
        counter_in(installed(lang), counter, field)
    }
    pub(crate) fn scenario_blurb(name: &str, lang: Lang) -> Option<&'static str> {
        scenario_blurb_in(installed(lang), name)
    }
}

#[cfg(all(test, feature = "text"))]
mod tests {
    use super::lookup::*;
    use super::*;
    use crate::pack::read_js as parse_js;
    use crate::text;
    use std::collections::HashSet;

    #[test]
    fn test_keys_are_unique_and_texts_filled() {
        let keys = key_names();
        assert_eq!(keys.len(), key_count());
        let unique: HashSet<&str> = keys.iter().map(String::as_str).collect();
        assert_eq!(unique.len(), keys.len(), "duplicate key");
        for lang in Lang::ALL {
            let e = entries(lang);
            assert_eq!(e.len(), key_count(), "{lang:?}");
            for (k, v) in keys.iter().zip(&e) {
                if !k.ends_with(".linux") {
                    assert!(!v.trim().is_empty(), "{k} empty in {lang:?}");
                }
            }
        }
    }

    #[test]
    fn test_offsets_follow_key_names() {
        let keys = key_names();
        let at = |k: String| keys.iter().position(|x| *x == k).unwrap();
        for c in Cause::ALL {
            assert_eq!(transition_at(c), Some(at(format!("tr.{}.title", c.key()))));
        }
        for r in SendReason::ALL {
            assert_eq!(segment_at(r), Some(at(format!("seg.{}.title", r.key()))));
        }
        for k in TimerKind::ALL {
            assert_eq!(timer_at(k), Some(at(format!("timer.{}", k.key()))));
        }
        for s in State::ALL {
            assert_eq!(state_at(s), Some(at(format!("state.{}", s.rfc_name()))));
        }
        for &u in Ui::ALL {
            assert_eq!(ui_at(u), Some(at(format!("ui.{}", u.key()))));
        }
        for n in scenario_names() {
            assert_eq!(scenario_at(n), Some(at(format!("scenario.{n}.title"))));
        }
        for k in ListenerEventKind::ALL {
            assert_eq!(
                listener_at(k),
                Some(at(format!("listener.{}.label", k.key())))
            );
        }
        for c in ListenerCounter::ALL {
            assert_eq!(
                counter_at(c),
                Some(at(format!("counter.{}.label", c.key())))
            );
        }
        assert_eq!(
            keys[transition_at(Cause::RecvSynAck).unwrap() + 2],
            "tr.recv_syn_ack.why"
        );
        assert_eq!(keys[state_at(State::SynSent).unwrap()], "state.SYN-SENT");
        assert_eq!(scenario_at("custom"), None);
    }

    #[test]
    fn test_installed_pack_reads_back_as_the_tables() {
        for lang in Lang::ALL {
            let (schema, texts) = parse_js(&to_js(lang));
            install(lang, schema, texts).unwrap();
            assert!(installed(lang).is_some());
            for c in Cause::ALL {
                assert_eq!(transition(c, lang), text::transitions::explain(c, lang));
            }
            for r in SendReason::ALL {
                assert_eq!(segment(r, lang), text::segments::explain(r, lang));
            }
            for &u in Ui::ALL {
                assert_eq!(ui(u, lang), text::ui::text(u, lang));
            }
            for k in TimerKind::ALL {
                assert_eq!(timer(k, lang), text::timers::label(k, lang));
            }
            for s in State::ALL {
                assert_eq!(state(s, lang), text::states::gloss(s, lang));
            }
            for n in scenario_names() {
                assert_eq!(scenario_title(n, lang), text::scenarios::title(n, lang));
                assert_eq!(scenario_blurb(n, lang), text::scenarios::blurb(n, lang));
            }
            for k in ListenerEventKind::ALL {
                let t = text::listener::event(k, lang);
                assert_eq!(
                    (listener(k, lang, 0), listener(k, lang, 1)),
                    (t.label, t.text)
                );
            }
            for c in ListenerCounter::ALL {
                let t = text::listener::counter(c, lang);
                assert_eq!(
                    (counter(c, lang, 0), counter(c, lang, 1)),
                    (t.label, t.text)
                );
            }
            assert_eq!(scenario_title("no_such_scenario", lang), None);
            // Installing again keeps the first pack and says so quietly.
            let before = installed(lang).unwrap().as_ptr();
            install(
                lang,
                schema,
                entries(lang).iter().map(|s| s.to_string()).collect(),
            )
            .unwrap();
            assert_eq!(installed(lang).unwrap().as_ptr(), before);
        }
    }

    #[test]
    fn test_lookups_without_a_pack_are_empty() {
        let empty = transition_in(None, Cause::RecvSynAck);
        assert_eq!(explanation_fields(&empty), [""; FIELDS]);
        assert_eq!(empty.linux, None);
        assert_eq!(segment_in(None, SendReason::Syn).title, "");
        assert_eq!(timer_in(None, TimerKind::TimeWait), "");
        assert_eq!(state_in(None, State::Listen), "");
        assert_eq!(scenario_title_in(None, "normal"), Some(""));
        assert_eq!(scenario_blurb_in(None, "normal"), Some(""));
        assert_eq!(scenario_title_in(None, "custom"), None);
        assert_eq!(scenario_blurb_in(None, "custom"), None);
    }

    #[test]
    fn test_install_rejects_another_build() {
        let texts = || -> Vec<String> { entries(Lang::En).iter().map(|s| s.to_string()).collect() };
        let err = install(Lang::En, schema().wrapping_add(1), texts()).unwrap_err();
        assert!(err.contains("lab-en.js") && err.contains("schema"), "{err}");
        let mut short = texts();
        short.pop();
        let err = install(Lang::En, schema(), short).unwrap_err();
        assert!(
            err.contains(&format!(
                "{} texts, expected {}",
                key_count() - 1,
                key_count()
            )),
            "{err}"
        );
    }

    #[test]
    fn test_schema_follows_the_key_list() {
        let mut keys = key_names();
        assert_eq!(schema(), fnv1a_lines(&keys));
        // Byte for byte the FNV-1a of the joined list.
        let joined = keys.join("\n");
        assert_eq!(schema(), fnv1a_lines(&[joined.as_str()]));
        // Known FNV-1a 32 values.
        assert_eq!(fnv1a_lines::<&str>(&[]), 0x811c_9dc5);
        assert_eq!(fnv1a_lines(&["a"]), 0xe40c_292c);
        assert_eq!(fnv1a_lines(&["foobar"]), 0xbf9c_f968);
        keys.swap(0, 1);
        assert_ne!(schema(), fnv1a_lines(&keys));
        keys.swap(0, 1);
        keys.pop();
        assert_ne!(schema(), fnv1a_lines(&keys));
    }

    #[test]
    fn test_script_shape() {
        for lang in Lang::ALL {
            let js = to_js(lang);
            let head = format!(
                "globalThis.__tcpLabText=globalThis.__tcpLabText||{{}};\n__tcpLabText.{}={{\"schema\":{},\"page\":{{\n",
                lang.code(),
                schema()
            );
            assert!(js.contains(&head), "{lang:?}");
            assert!(js.contains("},\"texts\":[\n"), "{lang:?}");
            for &t in crate::PageText::ALL {
                let entry = format!(
                    "{}:{}",
                    crate::pack::json_string(t.key()),
                    crate::pack::json_string(crate::page_text(t, lang))
                );
                assert!(js.contains(&entry), "{lang:?} {t:?}");
            }
            assert!(js.ends_with("\n]};\n"));
            assert_eq!(parse_js(&js).1, entries(lang));
        }
        assert_eq!(file_name(Lang::En), "lab-en.js");
        assert_eq!(file_name(Lang::Zh), "lab-zh.js");
    }
}
