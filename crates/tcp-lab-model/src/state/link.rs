//! The root state and the URL: a state from what a link asked for, and the
//! link of a state.

use crate::notices::{clip, Notice};
use crate::setup::CUSTOM;
use crate::timeline::Playhead;
use crate::url::{fault_value, Link, UrlOptions};
use crate::view::EmbedOptions;

use super::LabState;

impl LabState {
    /// The playhead as a step: how many events of the run it has reached.
    pub fn step(&self) -> usize {
        self.run
            .events
            .times()
            .partition_point(|&t| self.playback.playhead.reached(t))
    }

    /// What the share link of this state carries. While a capture's connection is on the
    /// ladder: the steps derived from it, from the start, and which connection it is; never
    /// its packets (the file stays on the learner's computer).
    pub fn link(&self, embed: &EmbedOptions) -> Link {
        let (setup, faults, step, capture) = match self.derived_setup(None) {
            Some(d) => (d.setup, d.faults, 0, Some(d.origin)),
            None => (
                self.setup.clone(),
                self.learner_faults.clone(),
                self.step(),
                self.derived_from.clone(),
            ),
        };
        Link {
            setup,
            faults,
            step,
            capture,
            lang: self.lang,
            speed: self.playback.speed,
            numbers: self.numbers,
            lesson: self.learn.lesson.as_ref().map(|a| a.lesson.id),
            learn: self.learn.switches(),
            embed: embed.clone(),
            conn: self.connection.as_ref().map(|c| c.conn).filter(|&c| {
                crate::connection::ConnectionLadder::default_conn(&self.run) != Some(c)
            }),
        }
    }
}

impl LabState {
    /// Whether the share link reads back whole: false when it holds more than a link is read
    /// up to (the steps or losses derived from a long capture), so the page it opens would
    /// leave part of it out, and say so.
    pub fn link_is_whole(&self, embed: &EmbedOptions) -> bool {
        crate::url::parse_query(&self.link(embed).query(), None)
            .notices
            .is_empty()
    }

    /// Applies what the URL asked for beyond the scenario: custom steps, link,
    /// faults, numbers and the step to land on.
    pub(super) fn restore(&mut self, o: &UrlOptions) {
        let mut changed = false;
        if let Some((c, s)) = &o.custom {
            if o.scenario.is_none() || !c.is_empty() || !s.is_empty() {
                // A server scenario keeps its clients and flood with the link's steps.
                if !self.setup.is_server() || o.scenario.is_none() {
                    self.setup.name = CUSTOM.to_string();
                }
                self.setup.client = c.clone();
                self.setup.server = s.clone();
                changed = true;
            }
        }
        if self.setup.is_server() && !o.knobs.is_default() {
            self.setup.knobs = o.knobs;
            changed = true;
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
        if o.conn.is_some() {
            self.follow_connection(o.conn);
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
        self.derived_from = o.capture.clone();
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
    use crate::notices::{Notice, MAX_NOTICES};
    use crate::setup::CUSTOM;
    use crate::state::{Action, LabState};
    use crate::url::parse_query;
    use crate::view::{EmbedOptions, NumberMode};

    fn share_query(s: &LabState, embed: &EmbedOptions) -> String {
        s.link(embed).query()
    }

    fn step_of(s: &LabState) -> usize {
        s.step()
    }

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
        assert_eq!(again.playback.playhead, s.playback.playhead);
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
        use crate::notices::NOTICE_VALUE_CHARS;
        use crate::url::{UrlOptions, MAX_FAULTS, MAX_STEPS};
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
                prop_assert_eq!(again.playback.playhead, s.playback.playhead);
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

    #[test]
    fn test_a_server_link_carries_its_knobs_and_connection() {
        let q = "?v=1&scenario=syn_flood_cookies&profile=linux&backlog=16&cookies=0&flood=300&accept_delay=20&reconnect=1&conn=7&step=0&lang=en";
        let o = crate::url::parse_query(q, None);
        assert!(o.notices.is_empty(), "{:?}", o.notices);
        let s = lab(q);
        let k = s.setup.knobs;
        assert_eq!(
            (
                k.backlog,
                k.syncookies,
                k.flood,
                k.accept_delay_ms,
                k.reconnect
            ),
            (Some(16), Some(false), Some(300), Some(20), Some(1))
        );
        assert_eq!(s.run.scenario.listener.backlog, Some(16));
        assert_eq!(s.connection.as_ref().unwrap().conn, 7);
        assert_eq!(share_query(&s, &EmbedOptions::default()), q);
        // Bad values are said, and ignored.
        let s = lab("?scenario=syn_flood_cookies&backlog=lots&flood=999999");
        assert_eq!(s.setup.knobs, Default::default());
        assert_eq!(s.notices.len(), 2, "{:?}", s.notices);
        // Edited steps in a server scenario's link keep it a server run.
        let s = lab("?scenario=accept_queue_overflow&c=connect,close&s=listen,accept,close");
        assert_eq!(s.setup.name, "accept_queue_overflow");
        assert!(s.run.server.is_some());
        let back = share_query(&s, &EmbedOptions::default());
        assert!(
            back.contains("scenario=accept_queue_overflow&c=connect,close&s=listen,accept,close"),
            "{back}"
        );
    }
}
