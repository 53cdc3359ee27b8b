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
//! 5. for each name in [`named::NAMES`]: its title, then its blurb
//!    (`scenario.<name>.title`, `scenario.<name>.blurb`).
//!
//! `linux` is the only optional field: the pack stores `""` for `None`, and
//! an empty `linux` reads back as `None`.
//!
//! Without `text` the crate's functions ([`crate::explain_transition`] and
//! the others) read the pack [`install`]ed for the language; until then they
//! return empty texts (and `Some("")` for a known scenario, `None` for an
//! unknown one), never panic. With `text` they read the compiled tables.

use std::sync::OnceLock;

use tcp_sim::{named, Cause, SendReason, State, TimerKind};

use crate::{Explanation, Lang};

/// The global object the generated scripts fill:
/// `globalThis.__tcpLabText.en = {"schema": …, "texts": […]}`.
pub const GLOBAL: &str = "__tcpLabText";

/// The file name of a language's pack, e.g. `lab-zh.js`.
pub fn file_name(lang: Lang) -> String {
    format!("lab-{}.js", lang.code())
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
const COUNT: usize = SCENARIOS + named::NAMES.len() * 2;

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
    let i = named::NAMES.iter().position(|&n| n == name)?;
    Some(SCENARIOS + i * 2)
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
    for n in named::NAMES {
        v.push(format!("scenario.{n}.title"));
        v.push(format!("scenario.{n}.blurb"));
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

/// FNV-1a (32 bits) of the lines joined with `'\n'`, without joining them.
fn fnv1a_lines<S: AsRef<str>>(lines: &[S]) -> u32 {
    const PRIME: u32 = 0x0100_0193;
    let mut h: u32 = 0x811c_9dc5;
    for (i, line) in lines.iter().enumerate() {
        let sep: &[u8] = if i > 0 { b"\n" } else { b"" };
        for &b in sep.iter().chain(line.as_ref().as_bytes()) {
            h ^= u32::from(b);
            h = h.wrapping_mul(PRIME);
        }
    }
    h
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
    for n in named::NAMES {
        // A name without text is caught by the tests (every text non-empty).
        v.push(text::scenarios::title(n, lang).unwrap_or(""));
        v.push(text::scenarios::blurb(n, lang).unwrap_or(""));
    }
    v
}

/// The classic script for one language's pack: it adds
/// `{"schema": …, "page": {…}, "texts": […]}` to `globalThis.__tcpLabText` (a classic
/// script, for the same reasons as [`crate::learn_text::to_js`]). One text a
/// line, so a diff of two builds reads like a diff of the tables.
#[cfg(feature = "text")]
pub fn to_js(lang: Lang) -> String {
    let mut out = format!(
        "// Generated by `cargo run -p tcp-lab-content --bin export-learn-text` from crates/tcp-lab-content/src/text/. Do not edit.\n\
         globalThis.{GLOBAL}=globalThis.{GLOBAL}||{{}};\n{GLOBAL}.{}={{\"schema\":{},\"page\":{{",
        lang.code(),
        schema()
    );
    // The page's own scripts (loader, Share/Embed/Export panels) look their texts up by name.
    for (i, &t) in crate::PageText::ALL.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push('\n');
        out.push_str(&crate::learn_text::json_string(t.key()));
        out.push(':');
        out.push_str(&crate::learn_text::json_string(crate::page_text(t, lang)));
    }
    out.push_str("},\"texts\":[");
    for (i, t) in entries(lang).iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push('\n');
        out.push_str(&crate::learn_text::json_string(t));
    }
    out.push_str("\n]};\n");
    out
}

/// The installed packs, by [`slot`]. Each is leaked once and then lives as
/// long as the program, so lookups hand out `&'static str` like the tables.
static INSTALLED: [OnceLock<&'static [&'static str]>; 2] = [OnceLock::new(), OnceLock::new()];

fn slot(lang: Lang) -> usize {
    match lang {
        Lang::En => 0,
        Lang::Zh => 1,
    }
}

/// Installs a language's pack, as loaded from its script: `schema` and
/// `texts` are the script's fields. Refuses a pack from another build.
///
/// The texts are leaked, at most once per language: installing a language
/// again is a no-op. With the `text` feature the crate keeps reading its
/// compiled tables; the pack is only checked and kept.
pub fn install(lang: Lang, schema: u32, texts: Vec<String>) -> Result<(), String> {
    let expected = self::schema();
    if schema != expected {
        return Err(format!(
            "{} was written for another build of the app (schema {schema}, expected {expected})",
            file_name(lang)
        ));
    }
    if texts.len() != COUNT {
        return Err(format!(
            "{} holds {} texts, expected {COUNT}",
            file_name(lang),
            texts.len()
        ));
    }
    INSTALLED[slot(lang)].get_or_init(|| leak(texts));
    Ok(())
}

/// One leaked string for the whole pack, sliced: two allocations per
/// language instead of one per text.
fn leak(texts: Vec<String>) -> &'static [&'static str] {
    let all: &'static str = Box::leak(texts.concat().into_boxed_str());
    let mut rest = all;
    let slices: Vec<&'static str> = texts
        .iter()
        .map(|t| {
            let (head, tail) = rest.split_at(t.len());
            rest = tail;
            head
        })
        .collect();
    Box::leak(slices.into_boxed_slice())
}

/// True when the crate's functions return real text in `lang`: always with
/// the `text` feature, otherwise once its pack is [`install`]ed.
pub fn is_ready(lang: Lang) -> bool {
    cfg!(feature = "text") || installed(lang).is_some()
}

fn installed(lang: Lang) -> Option<&'static [&'static str]> {
    INSTALLED[slot(lang)].get().copied()
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
    pub(crate) fn timer(kind: TimerKind, lang: Lang) -> &'static str {
        timer_in(installed(lang), kind)
    }
    pub(crate) fn state(state: State, lang: Lang) -> &'static str {
        state_in(installed(lang), state)
    }
    pub(crate) fn scenario_title(name: &str, lang: Lang) -> Option<&'static str> {
        scenario_title_in(installed(lang), name)
    }
    pub(crate) fn scenario_blurb(name: &str, lang: Lang) -> Option<&'static str> {
        scenario_blurb_in(installed(lang), name)
    }
}

#[cfg(all(test, feature = "text"))]
mod tests {
    use super::lookup::*;
    use super::*;
    use crate::text;
    use std::collections::HashSet;

    /// Reads the texts back out of a generated script: one JSON string a line.
    fn parse_js(js: &str) -> (u32, Vec<String>) {
        let head = js.split("{\"schema\":").nth(1).expect("schema");
        let schema = head[..head.find(',').unwrap()].parse().unwrap();
        let body = &js[js.find("\"texts\":[").expect("texts") + 9..js.rfind("\n]};").unwrap()];
        let texts = body
            .lines()
            .filter(|l| !l.is_empty())
            .map(|l| unquote(l.strip_suffix(',').unwrap_or(l)))
            .collect();
        (schema, texts)
    }

    /// The inverse of `learn_text::json_string`.
    fn unquote(lit: &str) -> String {
        let inner = lit
            .strip_prefix('"')
            .and_then(|s| s.strip_suffix('"'))
            .unwrap_or_else(|| panic!("not a string literal: {lit}"));
        let mut out = String::new();
        let mut chars = inner.chars();
        while let Some(c) = chars.next() {
            if c != '\\' {
                out.push(c);
                continue;
            }
            match chars.next().unwrap() {
                'n' => out.push('\n'),
                'r' => out.push('\r'),
                't' => out.push('\t'),
                'u' => {
                    let hex: String = chars.by_ref().take(4).collect();
                    let code = u32::from_str_radix(&hex, 16).unwrap();
                    out.push(char::from_u32(code).unwrap());
                }
                c => out.push(c),
            }
        }
        out
    }

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
        for n in named::NAMES {
            assert_eq!(scenario_at(n), Some(at(format!("scenario.{n}.title"))));
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
            for k in TimerKind::ALL {
                assert_eq!(timer(k, lang), text::timers::label(k, lang));
            }
            for s in State::ALL {
                assert_eq!(state(s, lang), text::states::gloss(s, lang));
            }
            for n in named::NAMES {
                assert_eq!(scenario_title(n, lang), text::scenarios::title(n, lang));
                assert_eq!(scenario_blurb(n, lang), text::scenarios::blurb(n, lang));
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
                    crate::learn_text::json_string(t.key()),
                    crate::learn_text::json_string(crate::page_text(t, lang))
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
