//! The page's URL: the whole lab state as a versioned, readable query, and
//! back. It knows no state: reading gives [`UrlOptions`], writing takes a
//! [`Link`]; the root state makes one from the other.
//!
//! ```text
//! ?v=1&scenario=synack_lost&profile=linux&delay_ms=10&loss=5&seed=42
//!    &drop=s2c:SA:1&delay=c2s:S:1:40&dup=s2c:A:2&drop=seg:7
//!    &step=7&lang=zh&speed=2&nums=abs
//! ?v=1&c=connect,send 100,close&s=listen,recv_eof,close      (custom steps instead of a name)
//! ?v=1&scenario=syn_flood_cookies&backlog=16&cookies=0&flood=10000&accept_delay=50
//!    &reconnect=0&conn=5000                                  (a server run: its knobs, the
//!                                                            connection on the ladder)
//! &embed=1&compact=1&controls=play,step,scrub&autoplay=1     (embedding)
//! ```
//!
//! Every value [`parse_query`] cannot use becomes a notice and the default;
//! nothing here can fail. Writing is [`Link::pairs`], one list of key/value
//! pairs that new view options extend with one line each.

use tcp_lab_content::Lang;
use tcp_sim::time::{ns_to_ms_text, parse_decimal, trimmed};
use tcp_sim::{
    named, Dir, Duration, Fault, FaultAction, FaultMatch, Flags, Instant, ProfileName, Step,
};

use crate::capture::CaptureOrigin;
use crate::faults::LearnerFault;
use crate::notices::{bound_notices, clip, Notice};
use crate::setup::{
    is_server_name, ServerKnobs, Setup, CUSTOM, MAX_ACCEPT_DELAY_MS, MAX_BACKLOG, MAX_DELAY_MS,
    MAX_FLOOD,
};
use crate::view::{
    EmbedOptions, LearnSwitches, LearnView, NumberMode, CONTROLS, SPEEDS, SPEED_TEXT,
};

/// The format version written in `?v=`.
pub const URL_VERSION: u32 = 1;
/// Parameters beyond this many are ignored (one notice says how many).
pub const MAX_PARAMS: usize = 64;
/// The query is read up to this many bytes.
pub const MAX_QUERY_BYTES: usize = 8192;
/// At most this many faults and steps per side are read.
pub const MAX_FAULTS: usize = 32;
pub const MAX_STEPS: usize = 64;

/// What the URL asked for.
#[derive(Clone, Debug, PartialEq)]
pub struct UrlOptions {
    pub lang: Lang,
    pub scenario: Option<String>,
    pub profile: Option<ProfileName>,
    pub speed: f64,
    pub autoplay: bool,
    pub notices: Vec<Notice>,
    pub custom: Option<(Vec<Step>, Vec<Step>)>,
    pub delay_ms: Option<f64>,
    pub loss_pct: Option<f64>,
    pub seed: Option<u64>,
    pub faults: Vec<LearnerFault>,
    pub step: Option<usize>,
    pub numbers: NumberMode,
    pub embed: EmbedOptions,
    /// `?lesson=ID` opens that lesson (an unknown id says so).
    pub lesson: Option<String>,
    /// `?learn=`, `?quiz=`, `?plain=`, `?bi=`.
    pub learn: LearnSwitches,
    /// `?capture=INDEX,CLIENT,SERVER`: the steps come from this connection of a capture.
    pub capture: Option<CaptureOrigin>,
    /// A server run's knobs: `?backlog=`, `?cookies=`, `?flood=`, `?accept_delay=`,
    /// `?reconnect=`.
    pub knobs: ServerKnobs,
    /// `?conn=ID`: the server run's connection on the ladder.
    pub conn: Option<usize>,
}

impl Default for UrlOptions {
    fn default() -> Self {
        UrlOptions {
            lang: Lang::En,
            scenario: None,
            profile: None,
            speed: 1.0,
            autoplay: false,
            notices: Vec::new(),
            custom: None,
            delay_ms: None,
            loss_pct: None,
            seed: None,
            faults: Vec::new(),
            step: None,
            lesson: None,
            learn: LearnSwitches::default(),
            capture: None,
            numbers: NumberMode::Relative,
            embed: EmbedOptions::default(),
            knobs: ServerKnobs::default(),
            conn: None,
        }
    }
}

/// Reads a query (with or without its `?`). `browser_lang` is
/// `navigator.language`, followed when the URL names no language.
pub fn parse_query(query: &str, browser_lang: Option<&str>) -> UrlOptions {
    let mut o = UrlOptions {
        lang: browser_lang.and_then(Lang::parse).unwrap_or(Lang::En),
        ..UrlOptions::default()
    };
    let mut query = query;
    if query.len() > MAX_QUERY_BYTES {
        let mut cut = MAX_QUERY_BYTES;
        while !query.is_char_boundary(cut) {
            cut -= 1;
        }
        query = &query[..cut];
        o.notices.push(Notice::TooLong);
    }
    for (n, (key, value)) in pairs(query).enumerate() {
        if n >= MAX_PARAMS {
            o.notices.push(Notice::TooLong);
            break;
        }
        read_param(&mut o, &key, value);
    }
    o.notices.dedup();
    bound_notices(&mut o.notices);
    o
}

/// Reads one parameter into `o`; a value it cannot use becomes a notice.
fn read_param(o: &mut UrlOptions, key: &str, value: String) {
    let bad = |o: &mut UrlOptions, value: &str| {
        o.notices
            .push(Notice::Ignored(key.to_string(), clip(value)));
    };
    match key {
        "v" => {
            if value != URL_VERSION.to_string() {
                o.notices.push(Notice::UnknownVersion(clip(&value)));
            }
        }
        "drop" | "delay" | "dup" => match parse_fault(key, &value) {
            Some(f) if o.faults.len() < MAX_FAULTS => o.faults.push(f),
            _ => bad(o, &value),
        },
        "c" | "s" => match parse_steps_param(&value) {
            Some(steps) => {
                let (c, s) = o.custom.get_or_insert_with(Default::default);
                if key == "c" {
                    *c = steps;
                } else {
                    *s = steps;
                }
            }
            None => bad(o, &value),
        },
        "capture" => match CaptureOrigin::parse(&value) {
            Some(origin) => o.capture = Some(origin),
            None => bad(o, &value),
        },
        "delay_ms" => match ms(&value, MAX_DELAY_MS) {
            Some(v) => o.delay_ms = Some(v),
            None => bad(o, &value),
        },
        "loss" => match ms(&value, 100.0) {
            Some(v) => o.loss_pct = Some(v),
            None => bad(o, &value),
        },
        "seed" => match small(&value, u64::MAX) {
            Some(v) => o.seed = Some(v),
            None => bad(o, &value),
        },
        "backlog" => match small(&value, MAX_BACKLOG as u64) {
            Some(v) => o.knobs.backlog = Some(v as u32),
            None => bad(o, &value),
        },
        "cookies" => match parse_switch(&value) {
            Some(on) => o.knobs.syncookies = Some(on),
            None => bad(o, &value),
        },
        "flood" => match small(&value, MAX_FLOOD as u64) {
            Some(v) => o.knobs.flood = Some(v as u32),
            None => bad(o, &value),
        },
        "accept_delay" => match small(&value, MAX_ACCEPT_DELAY_MS as u64) {
            Some(v) => o.knobs.accept_delay_ms = Some(v as u32),
            None => bad(o, &value),
        },
        "reconnect" => match small(&value, 10_000) {
            Some(v) => o.knobs.reconnect = Some(v as usize),
            None => bad(o, &value),
        },
        "conn" => match small(&value, 10_000_000) {
            Some(v) => o.conn = Some(v as usize),
            None => bad(o, &value),
        },
        "step" => match small(&value, 1_000_000) {
            Some(v) => o.step = Some(v as usize),
            None => bad(o, &value),
        },
        "nums" => match NumberMode::parse(&value) {
            Some(m) => o.numbers = m,
            None => bad(o, &value),
        },
        "embed" | "compact" => match parse_switch(&value) {
            Some(true) => {
                if key == "embed" {
                    o.embed.embed = true
                } else {
                    o.embed.compact = true
                }
            }
            Some(false) => {}
            None => bad(o, &value),
        },
        "controls" => {
            // Names are case-insensitive; one unknown name makes the whole list fall back to
            // the default (every control), as the notice says, rather than hide the rest.
            let mut list = Vec::new();
            let mut valid = true;
            for c in value.split(',').map(str::trim).filter(|c| !c.is_empty()) {
                match CONTROLS.iter().find(|k| k.eq_ignore_ascii_case(c)) {
                    Some(k) if !list.contains(k) => list.push(*k),
                    Some(_) => {}
                    None => {
                        valid = false;
                        bad(o, c);
                    }
                }
            }
            o.embed.controls = (valid && !list.is_empty()).then_some(list);
        }
        // The view's parameters: their values are read shortened, as notices show them.
        _ => {
            let value = clip(&value);
            match key {
                "lang" => match value.as_str() {
                    "en" => o.lang = Lang::En,
                    "zh" => o.lang = Lang::Zh,
                    _ => o.notices.push(Notice::UnknownLang(value)),
                },
                "scenario" => {
                    let one = named::NAMES.contains(&value.as_str());
                    if one || is_server_name(&value) {
                        o.scenario = Some(value);
                    } else {
                        o.notices.push(Notice::UnknownScenario(value));
                    }
                }
                "profile" => match ProfileName::parse(&value) {
                    Some(p) => o.profile = Some(p),
                    None => o.notices.push(Notice::UnknownProfile(value)),
                },
                "speed" => match parse_decimal(value.trim_end_matches(['x', '×'])) {
                    Some(s) if SPEEDS.contains(&s) => o.speed = s,
                    _ => o.notices.push(Notice::UnknownSpeed(value)),
                },
                "autoplay" => match parse_switch(&value) {
                    Some(on) => o.autoplay = on,
                    None => o.notices.push(Notice::UnknownAutoplay(value)),
                },
                "lesson" if !value.is_empty() => o.lesson = Some(value),
                "learn" => match LearnView::parse(&value) {
                    Some(v) => o.learn.view = v,
                    None => o.notices.push(Notice::Ignored(key.to_string(), value)),
                },
                "quiz" | "plain" | "bi" => match (key, parse_switch(&value)) {
                    ("quiz", Some(on)) => o.learn.quiz = on,
                    ("plain", Some(on)) => o.learn.plain = on,
                    (_, Some(on)) => o.learn.bilingual = on,
                    (_, None) => o.notices.push(Notice::Ignored(key.to_string(), value)),
                },
                // Other parameters belong to other features (or to nobody): ignored.
                _ => {}
            }
        }
    }
}

fn dir(s: &str) -> Option<Dir> {
    match s {
        "c2s" => Some(Dir::C2S),
        "s2c" => Some(Dir::S2C),
        _ => None,
    }
}

fn ms(s: &str, max: f64) -> Option<f64> {
    if s.len() > 24 {
        return None;
    }
    let v = parse_decimal(s)?;
    (v.is_finite() && (0.0..=max).contains(&v)).then_some(v)
}

fn small(s: &str, max: u64) -> Option<u64> {
    if s.len() > 20 {
        return None;
    }
    s.parse::<u64>().ok().filter(|&v| v <= max)
}

/// `drop`/`delay`/`dup` values: `DIR:FLAGS:NTH[:MS]` or `seg:ID[:MS]` (`NTH` may be `*`).
pub fn parse_fault(kind: &str, value: &str) -> Option<LearnerFault> {
    let parts: Vec<&str> = value.splitn(5, ':').collect();
    let (matches, rest) = if parts.first() == Some(&"seg") {
        let id = small(parts.get(1)?, 100_000)? as usize;
        (FaultMatch::Id(id), &parts[2..])
    } else {
        let d = dir(parts.first()?)?;
        let f = parts.get(1)?;
        if f.is_empty() || f.len() > 6 {
            return None;
        }
        let flags = Flags::parse(f)?;
        let nth = match *parts.get(2)? {
            "*" => None,
            n => Some(small(n, 10_000).filter(|&n| n >= 1)? as u32),
        };
        (FaultMatch::Flags { dir: d, flags, nth }, &parts[3..])
    };
    let mut dropped_at = None;
    let action = match (kind, rest) {
        ("drop", []) => FaultAction::Drop,
        ("drop", [at]) if matches!(matches, FaultMatch::Id(_)) => {
            dropped_at = Some(Instant::from_ms(ms(at, 1e9)?));
            FaultAction::Drop
        }
        ("dup", []) => FaultAction::Duplicate,
        ("delay", [d]) => FaultAction::Delay(Duration::from_ms(ms(d, 60_000.0)?)),
        _ => return None,
    };
    Some(LearnerFault {
        fault: Fault { matches, action },
        dropped_at,
    })
}

/// Steps for `c=`/`s=`: comma-separated, as in the setup form.
pub fn parse_steps_param(value: &str) -> Option<Vec<Step>> {
    let mut steps = Vec::new();
    for raw in value.split(',') {
        let text = raw.trim();
        if text.is_empty() {
            continue;
        }
        if steps.len() >= MAX_STEPS || text.len() > 64 {
            return None;
        }
        steps.push(Step::parse(&text.to_ascii_lowercase()).ok()?);
    }
    Some(steps)
}

/// An on/off parameter, one rule for all of them: `1`, `true`, `yes` or
/// nothing is on; `0`, `false` or `no` is off.
pub fn parse_switch(value: &str) -> Option<bool> {
    match value {
        "1" | "true" | "yes" | "" => Some(true),
        "0" | "false" | "no" => Some(false),
        _ => None,
    }
}

/// A fault as the URL writes it: its parameter and value.
pub fn fault_value(f: &LearnerFault) -> (&'static str, String) {
    let target = match f.fault.matches {
        FaultMatch::Id(id) => format!("seg:{id}"),
        FaultMatch::Flags { dir, flags, nth } => format!(
            "{}:{}:{}",
            dir.name(),
            flags,
            nth.map_or("*".to_string(), |n| n.to_string())
        ),
    };
    match f.fault.action {
        FaultAction::Drop => match (f.fault.matches, f.dropped_at) {
            (FaultMatch::Id(_), Some(at)) => ("drop", format!("{target}:{}", ns_to_ms_text(at.0))),
            _ => ("drop", target),
        },
        FaultAction::Duplicate => ("dup", target),
        FaultAction::Delay(d) => ("delay", format!("{target}:{}", ns_to_ms_text(d.0))),
    }
}

/// What a link carries: the state, as the URL writes it.
#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    pub setup: Setup,
    /// Newest first, as in the state.
    pub faults: Vec<LearnerFault>,
    /// How many events of the run the playhead has reached.
    pub step: usize,
    pub lang: Lang,
    pub speed: f64,
    pub numbers: NumberMode,
    /// The open lesson's id.
    pub lesson: Option<&'static str>,
    pub learn: LearnSwitches,
    pub embed: EmbedOptions,
    /// The connection of a capture the steps were derived from (never its packets).
    pub capture: Option<CaptureOrigin>,
    /// In a server run: the connection on the ladder, when it is not the first client's.
    pub conn: Option<usize>,
}

impl Link {
    /// The link as URL parameters, in a readable order. Extend here for new view options.
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        let setup = &self.setup;
        let mut p: Vec<(&'static str, String)> = vec![("v", URL_VERSION.to_string())];
        let file = Setup::named(&setup.name, None).filter(|_| setup.name != CUSTOM);
        let steps = |v: &[Step]| {
            v.iter()
                .map(|x| x.to_string())
                .collect::<Vec<_>>()
                .join(",")
        };
        match &file {
            Some(f) => {
                p.push(("scenario", setup.name.clone()));
                // A server scenario with edited steps keeps its name and carries the steps.
                if f.client != setup.client || f.server != setup.server {
                    p.push(("c", steps(&setup.client)));
                    p.push(("s", steps(&setup.server)));
                }
            }
            None => {
                p.push(("c", steps(&setup.client)));
                p.push(("s", steps(&setup.server)));
            }
        }
        p.push(("profile", setup.profile.key().to_string()));
        if let Some(origin) = &self.capture {
            p.push(("capture", origin.param()));
        }
        let base = file.filter(|f| setup.is_server() || f.client == setup.client);
        let default_delay = base.as_ref().map(|f| f.delay_ms);
        if default_delay != Some(setup.delay_ms) {
            p.push(("delay_ms", trimmed(setup.delay_ms, 3)));
        }
        if setup.loss_pct != 0.0 || base.as_ref().is_some_and(|f| f.loss_pct != 0.0) {
            p.push(("loss", trimmed(setup.loss_pct, 3)));
        }
        if base.as_ref().map(|f| f.seed) != Some(setup.seed) || setup.loss_pct != 0.0 {
            p.push(("seed", setup.seed.to_string()));
        }
        let k = setup.knobs;
        if let Some(b) = k.backlog {
            p.push(("backlog", b.to_string()));
        }
        if let Some(on) = k.syncookies {
            p.push(("cookies", if on { "1" } else { "0" }.to_string()));
        }
        if let Some(n) = k.flood {
            p.push(("flood", n.to_string()));
        }
        if let Some(ms) = k.accept_delay_ms {
            p.push(("accept_delay", ms.to_string()));
        }
        if let Some(i) = k.reconnect {
            p.push(("reconnect", i.to_string()));
        }
        if let Some(c) = self.conn {
            p.push(("conn", c.to_string()));
        }
        // Oldest first, so that reading them back in order rebuilds the same list.
        for f in self.faults.iter().rev() {
            let (k, v) = fault_value(f);
            p.push((k, v));
        }
        p.push(("step", self.step.to_string()));
        p.push(("lang", self.lang.code().to_string()));
        if self.speed != 1.0 {
            let i = SPEEDS.iter().position(|&x| x == self.speed);
            p.push(("speed", i.map_or("1", |i| SPEED_TEXT[i]).to_string()));
        }
        if self.numbers != NumberMode::Relative {
            p.push(("nums", self.numbers.code().to_string()));
        }
        // A course page can link to one lesson (`?lesson=ID`) or mode.
        if let Some(id) = self.lesson {
            p.push(("lesson", id.to_string()));
        }
        let l = self.learn;
        if let Some(view) = l.view.key() {
            p.push(("learn", view.to_string()));
        }
        for (key, on) in [("quiz", l.quiz), ("plain", l.plain), ("bi", l.bilingual)] {
            if on {
                p.push((key, "1".to_string()));
            }
        }
        let embed = &self.embed;
        if embed.embed {
            p.push(("embed", "1".to_string()));
        }
        if embed.compact {
            p.push(("compact", "1".to_string()));
        }
        if let Some(c) = &embed.controls {
            p.push(("controls", c.join(",")));
        }
        p
    }

    /// The query string (with its `?`).
    pub fn query(&self) -> String {
        let parts: Vec<String> = self
            .pairs()
            .into_iter()
            .map(|(k, v)| format!("{k}={}", encode_value(&v)))
            .collect();
        format!("?{}", parts.join("&"))
    }
}

/// Percent-encodes a value, keeping it readable (`:`, `,` and `*` stay as they are).
pub fn encode_value(v: &str) -> String {
    let mut out = String::with_capacity(v.len());
    for b in v.bytes() {
        match b {
            b'A'..=b'Z'
            | b'a'..=b'z'
            | b'0'..=b'9'
            | b'-'
            | b'_'
            | b'.'
            | b'~'
            | b':'
            | b','
            | b'*' => out.push(b as char),
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// Splits a query string into decoded key/value pairs.
fn pairs(query: &str) -> impl Iterator<Item = (String, String)> + '_ {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode(k), decode(v))
        })
}

/// Percent-decoding (and `+` as space), keeping malformed escapes as they are.
fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(hi), Some(lo)) => {
                    out.push(hi * 16 + lo);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

#[cfg(test)]
mod tests {
    #[test]
    fn test_learning_switches() {
        let o = super::parse_query("?learn=glossary&quiz=1&plain=true&bi=1", None);
        assert_eq!(
            o.learn,
            LearnSwitches {
                view: LearnView::Glossary,
                quiz: true,
                plain: true,
                bilingual: true
            }
        );
        assert!(o.notices.is_empty());
        let o = super::parse_query("?learn=everything&quiz=maybe", None);
        assert_eq!(o.learn, LearnSwitches::default());
        assert_eq!(o.notices.len(), 2);
    }

    #[test]
    fn test_lesson_param() {
        let lesson = |q: &str| super::parse_query(q, None).lesson;
        assert_eq!(
            lesson("?lang=zh&lesson=handshake"),
            Some("handshake".into())
        );
        assert_eq!(lesson("?lesson="), None);
        assert_eq!(lesson(""), None);
    }

    use super::*;

    #[test]
    fn test_all_parameters_are_read() {
        let o = parse_query(
            "?lang=zh&scenario=synack_lost&profile=rfc&speed=2&autoplay=1",
            Some("en-US"),
        );
        assert_eq!(o.lang, Lang::Zh);
        assert_eq!(o.scenario.as_deref(), Some("synack_lost"));
        assert_eq!(o.profile, Some(ProfileName::Rfc));
        assert_eq!(o.speed, 2.0);
        assert!(o.autoplay);
        assert!(o.notices.is_empty());
    }

    #[test]
    fn test_browser_language_is_the_fallback() {
        assert_eq!(parse_query("", Some("zh-CN")).lang, Lang::Zh);
        assert_eq!(parse_query("", Some("fr-FR")).lang, Lang::En);
        assert_eq!(parse_query("", None).lang, Lang::En);
        assert_eq!(parse_query("?lang=en", Some("zh-CN")).lang, Lang::En);
    }

    #[test]
    fn test_unknown_values_give_notices_and_defaults() {
        let o = parse_query(
            "?lang=fr&scenario=nope&profile=bsd&speed=3&autoplay=maybe",
            Some("en"),
        );
        assert_eq!(o.lang, Lang::En);
        assert_eq!(o.scenario, None);
        assert_eq!(o.profile, None);
        assert_eq!(o.speed, 1.0);
        assert!(!o.autoplay);
        assert_eq!(
            o.notices,
            vec![
                Notice::UnknownLang("fr".into()),
                Notice::UnknownScenario("nope".into()),
                Notice::UnknownProfile("bsd".into()),
                Notice::UnknownSpeed("3".into()),
                Notice::UnknownAutoplay("maybe".into()),
            ]
        );
    }

    #[test]
    fn test_values_are_percent_decoded_and_odd_input_is_safe() {
        assert_eq!(decode("a%20b+c"), "a b c");
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%zz"), "%zz");
        assert_eq!(decode("%e4%b8%ad"), "中");
        let o = parse_query("?speed=0.5&&=&lang", None);
        assert_eq!(o.speed, 0.5);
        assert_eq!(o.notices, vec![Notice::UnknownLang(String::new())]);
    }

    #[test]
    fn test_number_modes_are_read() {
        let nums = |q: &str| parse_query(q, None).numbers;
        assert_eq!(nums(""), NumberMode::Relative);
        assert_eq!(nums("?nums=rel"), NumberMode::Relative);
        assert_eq!(nums("?nums=abs"), NumberMode::Absolute);
        assert_eq!(nums("?nums=sym"), NumberMode::Symbolic);
        let o = parse_query("?nums=xyz", None);
        assert_eq!(o.numbers, NumberMode::Relative);
        assert_eq!(o.notices.len(), 1, "an unknown mode is a notice");
        for m in [
            NumberMode::Relative,
            NumberMode::Absolute,
            NumberMode::Symbolic,
        ] {
            assert_eq!(NumberMode::parse(m.code()), Some(m));
        }
    }

    #[test]
    fn test_controls_are_case_insensitive_and_a_typo_falls_back_to_all() {
        let controls = |q: &str| parse_query(q, None).embed.controls;
        assert_eq!(controls("?controls=Play,STEP"), Some(vec!["play", "step"]));
        let typo = parse_query("?controls=play,stepp", None);
        assert_eq!(
            typo.embed.controls, None,
            "an unknown name means the default"
        );
        assert_eq!(typo.notices.len(), 1);
        assert_eq!(controls("?controls="), None);
    }

    #[test]
    fn test_every_switch_reads_the_same_words() {
        for (word, on) in [
            ("1", true),
            ("yes", true),
            ("", true),
            ("0", false),
            ("no", false),
        ] {
            let o = parse_query(&format!("?autoplay={word}&quiz={word}&embed={word}"), None);
            assert_eq!(
                (o.autoplay, o.learn.quiz, o.embed.embed),
                (on, on, on),
                "{word}"
            );
            assert!(o.notices.is_empty(), "{word}: {:?}", o.notices);
        }
    }
}
