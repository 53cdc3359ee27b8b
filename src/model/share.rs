//! Issue 5: the whole lab state as a versioned, readable URL, and back.
//!
//! ```text
//! ?v=1&scenario=synack_lost&profile=linux&delay_ms=10&loss=5&seed=42
//!    &drop=s2c:SA:1&delay=c2s:S:1:40&dup=s2c:A:2&drop=seg:7
//!    &step=7&lang=zh&speed=2&nums=abs
//! ?v=1&c=connect,send 100,close&s=listen,recv_eof,close      (custom steps instead of a name)
//! &embed=1&compact=1&controls=play,step,scrub&autoplay=1     (embedding)
//! ```
//!
//! Reading is in [`super::url::parse_query`] (every value it cannot use becomes a
//! notice); writing is [`share_pairs`], one list of key/value pairs that new view
//! options extend with one line each.

use tcp_sim::time::{ns_to_ms_text, parse_decimal};
use tcp_sim::{Dir, Duration, Fault, FaultAction, FaultMatch, Flags, Instant, Step};

use super::setup::CUSTOM;
use super::state::{LabState, LearnerFault};
use super::timeline::Playhead;
use super::url::{Notice, NumberMode, UrlOptions, SPEEDS, SPEED_TEXT};

/// The format version written in `?v=`.
pub const URL_VERSION: u32 = 1;
/// Parameters beyond this many are ignored (one notice says how many).
pub const MAX_PARAMS: usize = 64;
/// The query is read up to this many bytes.
pub const MAX_QUERY_BYTES: usize = 8192;
/// At most this many faults and steps per side are read.
pub const MAX_FAULTS: usize = 32;
pub const MAX_STEPS: usize = 64;
/// Notices show at most this many characters of an ignored value.
pub const NOTICE_VALUE_CHARS: usize = 40;
/// At most this many notices are shown (then one "and N more").
pub const MAX_NOTICES: usize = 12;
/// Transport controls an embed can show (`&controls=`).
pub const CONTROLS: [&str; 6] = ["play", "step", "scrub", "reset", "end", "speed"];

/// Embedding options read from the URL.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct EmbedOptions {
    pub embed: bool,
    pub compact: bool,
    /// `None`: all controls.
    pub controls: Option<Vec<&'static str>>,
}

/// Shortens a value for a notice (it is shown as text, never as markup).
pub fn clip(s: &str) -> String {
    let mut out: String = s.chars().take(NOTICE_VALUE_CHARS).collect();
    if s.chars().nth(NOTICE_VALUE_CHARS).is_some() {
        out.push('…');
    }
    out
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

/// An on/off parameter: `1`, `true` or nothing is on; `0` or `false` is off.
pub fn parse_switch(value: &str) -> Option<bool> {
    match value {
        "1" | "true" | "" => Some(true),
        "0" | "false" => Some(false),
        _ => None,
    }
}

/// Reads the issue-5 parameters; `true` when the key was one of them.
pub fn parse_share_param(o: &mut UrlOptions, key: &str, value: String) -> bool {
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
        "delay_ms" => match ms(&value, 10_000.0) {
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
        _ => return false,
    }
    true
}

/// Bounds the notices: at most [`MAX_NOTICES`], then one that counts the rest.
pub fn bound_notices(notices: &mut Vec<Notice>) {
    if notices.len() > MAX_NOTICES {
        let more = notices.len() - (MAX_NOTICES - 1);
        notices.truncate(MAX_NOTICES - 1);
        notices.push(Notice::TooMany(more));
    }
}

fn fault_value(f: &LearnerFault) -> (&'static str, String) {
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

/// The playhead as a step: how many events of the run it has reached.
pub fn step_of(s: &LabState) -> usize {
    s.run
        .events
        .times()
        .partition_point(|&t| s.playhead.reached(t))
}

/// The state as URL parameters, in a readable order. Extend here for new view options.
pub fn share_pairs(s: &LabState, embed: &EmbedOptions) -> Vec<(&'static str, String)> {
    let mut p: Vec<(&'static str, String)> = vec![("v", URL_VERSION.to_string())];
    let named = tcp_sim::named::by_name(&s.setup.name);
    if s.setup.name != CUSTOM && named.is_some() {
        p.push(("scenario", s.setup.name.clone()));
    } else {
        let steps = |v: &[Step]| {
            v.iter()
                .map(|x| x.to_string())
                .collect::<Vec<_>>()
                .join(",")
        };
        p.push(("c", steps(&s.setup.client)));
        p.push(("s", steps(&s.setup.server)));
    }
    p.push(("profile", s.setup.profile.key().to_string()));
    let base = named.filter(|sc| s.setup.name != CUSTOM && sc.client == s.setup.client);
    let default_delay = base.as_ref().map(|sc| sc.one_way_delay[0].as_ms());
    if default_delay != Some(s.setup.delay_ms) {
        p.push(("delay_ms", crate::numtext::trimmed(s.setup.delay_ms, 3)));
    }
    if s.setup.loss_pct != 0.0 || base.as_ref().is_some_and(|sc| sc.loss_pct != 0.0) {
        p.push(("loss", crate::numtext::trimmed(s.setup.loss_pct, 3)));
    }
    if base.as_ref().map(|sc| sc.seed) != Some(s.setup.seed) || s.setup.loss_pct != 0.0 {
        p.push(("seed", s.setup.seed.to_string()));
    }
    // Oldest first, so that reading them back in order rebuilds the same list.
    for f in s.learner_faults.iter().rev() {
        let (k, v) = fault_value(f);
        p.push((k, v));
    }
    p.push(("step", step_of(s).to_string()));
    p.push(("lang", s.lang.code().to_string()));
    if s.speed != 1.0 {
        let i = SPEEDS.iter().position(|&x| x == s.speed);
        p.push(("speed", i.map_or("1", |i| SPEED_TEXT[i]).to_string()));
    }
    if s.numbers != NumberMode::Relative {
        p.push(("nums", s.numbers.code().to_string()));
    }
    // Issue 4: a course page can link to one lesson (`?lesson=ID`) or mode.
    let lesson = s.learn.lesson.as_ref().map(|a| a.lesson.id);
    if let Some(id) = lesson {
        p.push(("lesson", id.to_string()));
    }
    let l = s.learn.switches();
    if let Some(view) = l.view.key() {
        p.push(("learn", view.to_string()));
    }
    for (key, on) in [("quiz", l.quiz), ("plain", l.plain), ("bi", l.bilingual)] {
        if on {
            p.push((key, "1".to_string()));
        }
    }
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

/// The query string (with its `?`) for the state.
pub fn share_query(s: &LabState, embed: &EmbedOptions) -> String {
    let parts: Vec<String> = share_pairs(s, embed)
        .into_iter()
        .map(|(k, v)| format!("{k}={}", encode_value(&v)))
        .collect();
    format!("?{}", parts.join("&"))
}

impl LabState {
    /// Applies what the URL asked for beyond the scenario: custom steps, link,
    /// faults, numbers and the step to land on.
    pub(super) fn restore(&mut self, o: &UrlOptions) {
        let mut changed = false;
        if let Some((c, s)) = &o.custom {
            if o.scenario.is_none() || !c.is_empty() || !s.is_empty() {
                self.setup.name = CUSTOM.to_string();
                self.setup.client = c.clone();
                self.setup.server = s.clone();
                changed = true;
            }
        }
        if let Some(d) = o.delay_ms {
            self.setup.delay_ms = d;
            changed = true;
        }
        if let Some(l) = o.loss_pct {
            self.setup.loss_pct = l;
            changed = true;
        }
        if let Some(seed) = o.seed {
            self.setup.seed = seed;
            changed = true;
        }
        if !o.faults.is_empty() {
            self.learner_faults = o.faults.iter().rev().copied().collect();
            changed = true;
        }
        if changed {
            self.draft = self.setup.draft();
            self.rerun();
        }
        // A fault from the link that the run never applies (the core's trace says which fault
        // decided each segment's fate) is said, not silently kept.
        let unused: Vec<Notice> = self
            .learner_faults
            .iter()
            .enumerate()
            .filter(|&(i, _)| {
                !self
                    .run
                    .trace
                    .segments
                    .iter()
                    .any(|s| s.fate_source == tcp_sim::FateSource::Fault(i))
            })
            .map(|(_, f)| {
                let (param, value) = fault_value(f);
                let kinds: Vec<String> = self.run.sent_kinds().iter().map(|k| k.key()).collect();
                Notice::UnusedFault(param.to_string(), clip(&value), kinds.join(", "))
            })
            .collect();
        for n in unused.into_iter().rev() {
            if !self.notices.contains(&n) {
                self.notices.push(n);
            }
        }
        self.numbers = o.numbers;
        self.learn.set_switches(o.learn);
        if let Some(step) = o.step {
            let times = self.run.events.times();
            let p = match step {
                0 => Playhead::Start,
                k => Playhead::At(times[(k - 1).min(times.len() - 1)]),
            };
            self.move_to(p);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::url::parse_query;
    use crate::model::Action;

    fn lab(q: &str) -> LabState {
        LabState::new(&parse_query(q, Some("en")), false)
    }

    #[test]
    fn test_a_link_fault_the_run_never_applies_is_said() {
        let s = lab("?v=1&scenario=connection_refused&drop=s2c:SA:1&drop=c2s:S:1");
        assert_eq!(
            s.notices,
            vec![Notice::UnusedFault(
                "drop".into(),
                "s2c:SA:1".into(),
                "c2s:S, s2c:RA".into()
            )]
        );
        assert!(lab("?v=1&scenario=synack_lost&drop=s2c:SA:1")
            .notices
            .is_empty());
    }

    #[test]
    fn test_the_example_link_round_trips() {
        let q = "?v=1&scenario=synack_lost&drop=s2c:SA:1&delay=c2s:S:1:40&dup=s2c:A:2&drop=seg:7&profile=linux&delay_ms=10&loss=5&seed=42&step=7&lang=zh&speed=2&nums=abs";
        let o = parse_query(q, None);
        assert!(o.notices.is_empty(), "{:?}", o.notices);
        let s = LabState::new(&o, false);
        assert_eq!(step_of(&s), 7);
        assert_eq!(s.learner_faults.len(), 4);
        let again = LabState::new(
            &parse_query(&share_query(&s, &EmbedOptions::default()), None),
            false,
        );
        assert_eq!(again.run.trace.segments, s.run.trace.segments);
        assert_eq!(again.playhead, s.playhead);
        assert_eq!(again.learner_faults, s.learner_faults);
        assert_eq!(
            share_query(&again, &EmbedOptions::default()),
            share_query(&s, &EmbedOptions::default())
        );
    }

    #[test]
    fn test_custom_steps_round_trip() {
        let s = lab("?c=connect,send 100,close&s=listen,recv_eof,close&step=3");
        assert_eq!(s.setup.name, CUSTOM);
        let q = share_query(&s, &EmbedOptions::default());
        assert!(q.contains("c=connect,send+100,close"), "{q}");
        let again = lab(&q);
        assert_eq!(again.run.trace.segments, s.run.trace.segments);
        assert_eq!(step_of(&again), 3);
    }

    #[test]
    fn test_hostile_values_become_notices() {
        let long = "x".repeat(10_000);
        let q = format!("?v=9&scenario=<script>alert(1)</script>&drop=javascript:alert(1)&step=99999999999999999999&seed=-1&delay=\"'&c={long}&controls=play,evil");
        let o = parse_query(&q, None);
        assert!(o.notices.len() >= 6, "{:?}", o.notices);
        assert!(o.notices.len() <= MAX_NOTICES);
        let s = LabState::new(&o, false);
        assert_eq!(s.setup.name, "normal");
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
    fn test_number_modes_round_trip() {
        for (q, mode, written) in [
            ("?scenario=normal&step=5", NumberMode::Relative, None),
            (
                "?scenario=normal&step=5&nums=rel",
                NumberMode::Relative,
                None,
            ),
            (
                "?scenario=normal&step=5&nums=abs",
                NumberMode::Absolute,
                Some("nums=abs"),
            ),
            (
                "?scenario=normal&step=5&nums=sym",
                NumberMode::Symbolic,
                Some("nums=sym"),
            ),
        ] {
            let s = lab(q);
            assert_eq!(s.numbers, mode, "{q}");
            let link = share_query(&s, &EmbedOptions::default());
            match written {
                Some(w) => assert!(link.contains(w), "{q} -> {link}"),
                None => assert!(!link.contains("nums="), "{q} -> {link}"),
            }
            let again = lab(&link);
            assert_eq!(again.numbers, mode);
            assert_eq!(share_query(&again, &EmbedOptions::default()), link);
        }
        let mut s = lab("?scenario=normal");
        s.apply(Action::SetNumbers(NumberMode::Symbolic));
        assert!(share_query(&s, &EmbedOptions::default()).contains("nums=sym"));
    }

    #[test]
    fn test_huge_step_lands_at_the_end() {
        let s = lab("?scenario=normal&step=1000000");
        assert!(s.at_end());
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod props {
        use super::*;
        use proptest::prelude::*;

        fn bounded(o: &UrlOptions) {
            assert!(o.notices.len() <= MAX_NOTICES);
            assert!(o.faults.len() <= MAX_FAULTS);
            for n in &o.notices {
                if let Notice::Ignored(_, v) | Notice::UnknownVersion(v) = n {
                    assert!(v.chars().count() <= NOTICE_VALUE_CHARS + 1);
                }
            }
            if let Some((c, s)) = &o.custom {
                assert!(c.len() <= MAX_STEPS && s.len() <= MAX_STEPS);
            }
        }

        const KEYS: [&str; 20] = [
            "v", "scenario", "drop", "delay", "dup", "c", "s", "profile", "delay_ms", "loss",
            "seed", "step", "lang", "speed", "nums", "embed", "compact", "controls", "autoplay",
            "x",
        ];

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(400))]
            #[test]
            fn any_string_parses_without_panic(q in ".{0,600}") {
                let o = parse_query(&q, None);
                bounded(&o);
                let s = LabState::new(&o, false);
                prop_assert!(step_of(&s) <= s.run.events.times().len());
            }

            #[test]
            fn known_keys_with_junk_values(pairs in proptest::collection::vec((0usize..20, "[ -~]{0,40}"), 0..40)) {
                let q: String = pairs.iter().map(|(k, v)| format!("{}={}&", KEYS[*k], v)).collect();
                let o = parse_query(&q, None);
                bounded(&o);
                let s = LabState::new(&o, false);
                // What was accepted writes back to a link that reads the same run.
                let again = LabState::new(&parse_query(&share_query(&s, &EmbedOptions::default()), None), false);
                prop_assert_eq!(&again.run.trace.segments, &s.run.trace.segments);
                prop_assert_eq!(again.playhead, s.playhead);
            }
        }

        #[test]
        fn ten_kilobyte_values_are_bounded() {
            for key in KEYS {
                let o = parse_query(&format!("?{key}={}", "%3Cscript%3E".repeat(900)), None);
                bounded(&o);
            }
        }
    }
}
