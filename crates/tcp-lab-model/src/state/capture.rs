//! The root state and a capture: opening one, showing a connection on the ladder
//! instead of the simulator's run, and leaving it (see `crate::capture`).

use std::rc::Rc;

use tcp_sim::capture::Connection;
use tcp_sim::time::{parse_decimal, trimmed};
use tcp_sim::ProfileName;

use crate::faults::LearnerFault;
use crate::run::Run;
use crate::setup::{Setup, CUSTOM, MAX_DELAY_MS};

use crate::capture::{
    CaptureAction, CaptureOrigin, CaptureProblem, CaptureStatus, CaptureView, DerivedSetup, Opened,
    MAX_CAPTURE_BYTES, ROWS_PER_PAGE,
};
use crate::run::RunRef;
use crate::timeline::Playhead;

use super::{Action, LabState};

impl LabState {
    /// True while a connection of a capture is on the ladder.
    pub fn viewing_capture(&self) -> bool {
        self.capture.as_ref().is_some_and(|c| c.viewing.is_some())
    }

    /// The capture and the index of its connection on the ladder.
    pub fn viewed_capture(&self) -> Option<(&Opened, usize)> {
        let c = self.capture.as_ref()?;
        let (i, _) = c.viewing.as_ref()?;
        match &c.status {
            CaptureStatus::Open(o) => Some((o, *i)),
            _ => None,
        }
    }

    /// Actions a capture cannot take: its segments already happened, so they have no fate to
    /// change. Returns true when the action is used up here.
    pub(crate) fn capture_before(&mut self, action: &Action) -> bool {
        if !self.viewing_capture() {
            return false;
        }
        match action {
            Action::SetSegmentFate(..)
            | Action::ArmFate(..)
            | Action::RemoveFault(_)
            | Action::ClearFaults => true,
            Action::OpenSegment(id) => {
                // Select it; no fate menu.
                self.pause();
                let id = *id;
                self.selection = self
                    .run
                    .log
                    .iter()
                    .position(|e| e.kind == crate::log::LogKind::Sent(id));
                true
            }
            _ => false,
        }
    }

    /// After any other action: if something replaced the observed run (a scenario, a lesson),
    /// the capture is no longer on the ladder.
    pub(crate) fn capture_after(&mut self) {
        if let Some(c) = &mut self.capture {
            if c.viewing.as_ref().is_some_and(|(_, run)| *run != self.run) {
                c.viewing = None;
                c.derived = None;
            }
        }
    }

    pub(crate) fn capture_apply(&mut self, a: CaptureAction) {
        match a {
            CaptureAction::Started { name, size } => {
                let status = if size > MAX_CAPTURE_BYTES {
                    CaptureStatus::Failed(CaptureProblem::TooLarge { size })
                } else if size == 0 {
                    CaptureStatus::Failed(CaptureProblem::Empty)
                } else {
                    CaptureStatus::Reading {
                        done: 0,
                        total: size,
                    }
                };
                self.leave_capture();
                self.capture = Some(CaptureView {
                    name,
                    status,
                    viewing: None,
                    derived: None,
                    rows: ROWS_PER_PAGE,
                });
            }
            CaptureAction::Progress { done, total } => {
                if let Some(c) = &mut self.capture {
                    if matches!(c.status, CaptureStatus::Reading { .. }) {
                        c.status = CaptureStatus::Reading { done, total };
                    }
                }
            }
            CaptureAction::Decoded { done, total } => {
                if let Some(c) = &mut self.capture {
                    if matches!(
                        c.status,
                        CaptureStatus::Reading { .. } | CaptureStatus::Decoding { .. }
                    ) {
                        c.status = CaptureStatus::Decoding { done, total };
                    }
                }
            }
            CaptureAction::Read(opened) => {
                if let Some(c) = &mut self.capture {
                    c.status = CaptureStatus::Open(opened);
                }
            }
            CaptureAction::Failed(problem) => {
                if let Some(c) = &mut self.capture {
                    c.status = CaptureStatus::Failed(problem);
                }
            }
            CaptureAction::View(index) => self.view_connection(index),
            CaptureAction::MoreRows => {
                if let Some(c) = &mut self.capture {
                    c.rows += ROWS_PER_PAGE;
                }
            }
            CaptureAction::RunDerived(profile) => self.run_derived(profile),
            CaptureAction::Close => {
                self.leave_capture();
                self.capture = None;
            }
        }
    }

    fn view_connection(&mut self, index: usize) {
        let Some(c) = &self.capture else {
            return;
        };
        let CaptureStatus::Open(opened) = &c.status else {
            return;
        };
        let Some(run) = opened.observed_run(index) else {
            return;
        };
        let derived = opened
            .connections
            .get(index)
            .map(|conn| derived_setup(&run, conn));
        let run = RunRef(Rc::new(run));
        self.pause();
        self.menu = None;
        self.arm_refused = None;
        self.run = run.clone();
        self.follow_connection(None);
        self.move_to(Playhead::Start);
        if let Some(c) = &mut self.capture {
            c.viewing = Some((index, run));
            c.derived = derived;
        }
    }

    /// The connection on the ladder as the simulator's own setup (see [`derived_setup`]),
    /// under `profile` (the capture's own without one).
    pub fn derived_setup(&self, profile: Option<ProfileName>) -> Option<DerivedSetup> {
        let mut derived = self.capture.as_ref()?.derived.clone()?;
        if let Some(profile) = profile {
            derived.setup.profile = profile;
        }
        Some(derived)
    }

    /// Back to the simulator, running the connection on the ladder under `profile`.
    fn run_derived(&mut self, profile: ProfileName) {
        let Some(derived) = self.derived_setup(Some(profile)) else {
            return;
        };
        self.capture = None;
        self.start_over(derived.setup);
        self.learner_faults = derived.faults;
        self.derived_from = Some(derived.origin);
        self.rerun();
    }

    /// Puts the simulator's run back if a capture's is on the ladder.
    fn leave_capture(&mut self) {
        if self.viewing_capture() {
            if let Some(c) = &mut self.capture {
                c.viewing = None;
                c.derived = None;
            }
            self.pause();
            self.playback.playhead = Playhead::Start;
            self.rerun();
        }
    }
}

/// A connection's observed run as the simulator's own setup (see `tcp_sim::compare`): its
/// applications' steps, its one-way delay and, as the learner's faults (newest first), the
/// segments it lost. Written as precisely as a link writes them (steps as text, the delay in
/// microseconds), so that the run a link opens is this one.
fn derived_setup(run: &Run, conn: &Connection) -> DerivedSetup {
    let derived = tcp_sim::compare::derive_scenario(&run.trace);
    let as_linked = |steps: Vec<tcp_sim::Step>| {
        let text: Vec<String> = steps.iter().map(|s| s.to_string()).collect();
        crate::url::parse_steps_param(&text.join(",")).unwrap_or(steps)
    };
    let delay_ms = derived.one_way_delay[0].as_ms().min(MAX_DELAY_MS);
    let delay_ms = parse_decimal(&trimmed(delay_ms, 3)).unwrap_or(delay_ms);
    let setup = Setup {
        name: CUSTOM.to_string(),
        profile: derived.profile,
        delay_ms,
        loss_pct: 0.0,
        seed: derived.seed,
        client: as_linked(derived.client),
        server: as_linked(derived.server),
        knobs: Default::default(),
    };
    let faults = derived
        .faults
        .into_iter()
        .rev()
        .map(|fault| LearnerFault {
            fault,
            dropped_at: None,
        })
        .collect();
    DerivedSetup {
        setup,
        faults,
        origin: CaptureOrigin::of(conn),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::capture::*;
    use crate::url::parse_query;
    use crate::view::EmbedOptions;
    use tcp_sim::Side;
    use tcp_sim::{named, to_pcap, PcapOptions, State};

    fn lab() -> LabState {
        LabState::new(&parse_query("?scenario=normal", Some("en")), false)
    }

    /// A capture of a named scenario's run, as the lab exports it (lost segments included, as
    /// a capture at the sender sees them): the tests need nothing outside the repository.
    fn capture_of(scenario: tcp_sim::Scenario) -> Vec<u8> {
        to_pcap(&tcp_sim::run(&scenario), &PcapOptions::default())
    }

    fn open(s: &mut LabState, bytes: &[u8]) {
        s.apply(Action::Capture(CaptureAction::Started {
            name: "x.pcap".into(),
            size: bytes.len() as u64,
        }));
        match Opened::read("x.pcap", bytes.to_vec()) {
            Ok(o) => s.apply(Action::Capture(CaptureAction::Read(OpenedRef(Rc::new(o))))),
            Err(p) => s.apply(Action::Capture(CaptureAction::Failed(p))),
        }
    }

    #[test]
    fn test_capture_view_shows_the_observed_run_and_close_restores_the_simulator() {
        let mut s = lab();
        let simulated = s.run.clone();
        let bytes = to_pcap(&tcp_sim::run(&named::normal()), &PcapOptions::default());
        open(&mut s, &bytes);
        let Some(CaptureStatus::Open(o)) = s.capture.as_ref().map(|c| c.status.clone()) else {
            panic!("read");
        };
        assert_eq!(o.connections.len(), 1);
        s.apply(Action::Capture(CaptureAction::View(0)));
        assert!(s.viewing_capture());
        assert!(s.run.trace.observation.is_some());
        assert_eq!(s.run.state_at(Side::Client, s.run.end()), State::Closed);
        // A capture's segments have no fate to change.
        let before = s.run.clone();
        s.apply(Action::SetSegmentFate(0, tcp_sim::FaultAction::Drop));
        assert_eq!(s.run, before);
        s.apply(Action::Capture(CaptureAction::Close));
        assert!(s.capture.is_none());
        assert!(s.run.trace.observation.is_none());
        assert_eq!(s.run.trace.summary(), simulated.trace.summary());
    }

    #[test]
    fn test_run_derived_puts_the_capture_s_steps_and_losses_in_the_simulator() {
        let mut s = lab();
        open(&mut s, &capture_of(named::fin_lost()));
        s.apply(Action::Capture(CaptureAction::View(0)));
        let observed = s.run.trace.summary();
        s.apply(Action::Capture(CaptureAction::RunDerived(
            ProfileName::Linux,
        )));
        assert!(s.capture.is_none());
        assert_eq!(s.setup.name, crate::setup::CUSTOM);
        assert_eq!(s.setup.profile, ProfileName::Linux);
        assert!(!s.learner_faults.is_empty(), "the lost FIN is a fault");
        // Linux's run of the steps read from a Linux capture sends what the capture shows.
        assert_eq!(s.run.trace.summary(), observed);
        assert!(s.run.trace.observation.is_none());
    }

    #[test]
    fn test_a_link_to_a_capture_holds_its_derived_steps_and_replays_them() {
        let mut s = lab();
        open(&mut s, &capture_of(named::fin_lost()));
        s.apply(Action::Capture(CaptureAction::View(0)));
        s.apply(Action::End);
        let query = s.link(&EmbedOptions::default()).query();
        let conn = s
            .viewed_capture()
            .map(|(o, i)| o.connections[i].clone())
            .unwrap();
        assert!(
            query.contains(&format!("capture=0,{},{}", conn.client, conn.server)),
            "{query}"
        );
        assert!(query.contains("&c=connect"), "the derived steps: {query}");
        assert!(query.contains("step=0"), "from the start: {query}");
        // What running the steps in the simulator puts on the ladder...
        let mut ran = s.clone();
        ran.apply(Action::Capture(CaptureAction::RunDerived(
            ProfileName::Linux,
        )));
        // ...is what the link opens, and it names the connection.
        let opened = LabState::new(&parse_query(&query, None), false);
        assert!(opened.notices.is_empty(), "{:?}", opened.notices);
        assert!(opened.capture.is_none(), "the link holds no capture");
        assert_eq!(opened.run.trace.segments, ran.run.trace.segments);
        assert_eq!(opened.learner_faults, ran.learner_faults);
        let origin = Some(CaptureOrigin::of(&conn));
        assert_eq!(opened.derived_from, origin);
        assert_eq!(ran.derived_from, origin);
        // Shared again, the link is the same; a new setup forgets where the steps came from.
        assert_eq!(opened.link(&EmbedOptions::default()).query(), query);
        let mut other = opened.clone();
        other.apply(Action::ChooseScenario("normal".into()));
        assert_eq!(other.derived_from, None);
        assert!(!other
            .link(&EmbedOptions::default())
            .query()
            .contains("capture="));
    }

    #[test]
    fn test_a_capture_with_more_steps_than_a_link_holds_is_said() {
        let mut s = lab();
        open(&mut s, &capture_of(named::fin_lost()));
        s.apply(Action::Capture(CaptureAction::View(0)));
        assert!(s.link_is_whole(&EmbedOptions::default()));
        // A client that sends 70 times, pausing between: 140 steps derived, more than a link
        // reads for one side.
        let mut long = tcp_sim::Scenario::new(ProfileName::Linux);
        long.client = std::iter::once(tcp_sim::Step::Connect)
            .chain((0..70).flat_map(|_| {
                [
                    tcp_sim::Step::Send(10),
                    tcp_sim::Step::Sleep(tcp_sim::Duration::from_ms(50.0)),
                ]
            }))
            .chain([tcp_sim::Step::Close])
            .collect();
        long.server = vec![
            tcp_sim::Step::Listen,
            tcp_sim::Step::RecvEof,
            tcp_sim::Step::Close,
        ];
        let mut s = lab();
        open(
            &mut s,
            &to_pcap(&tcp_sim::run(&long), &PcapOptions::default()),
        );
        s.apply(Action::Capture(CaptureAction::View(0)));
        let derived = s.derived_setup(None).unwrap();
        assert!(derived.setup.client.len() > crate::url::MAX_STEPS);
        assert!(!s.link_is_whole(&EmbedOptions::default()));
    }

    #[test]
    fn test_capture_origin_reads_only_addresses() {
        let read = |v: &str| CaptureOrigin::parse(v);
        let v6 = read("3,[2001:db8::1]:443,[2001:db8::2]:80").unwrap();
        assert_eq!((v6.index, v6.server.as_str()), (3, "[2001:db8::2]:80"));
        assert_eq!(read(&v6.param()), Some(v6));
        for junk in [
            "",
            "1",
            "x,1.2.3.4:1,1.2.3.4:2",
            "1,<b>:1,1.2.3.4:2",
            "1,1.2.3.4:1,1.2.3.4:2,4",
        ] {
            assert_eq!(read(junk), None, "{junk}");
        }
        let o = parse_query("?capture=1,<script>,x", None);
        assert_eq!((o.capture, o.notices.len()), (None, 1));
    }

    /// A pcap without its first `n` records: a capture that starts later.
    fn without_first_frames(pcap: &[u8], n: usize) -> Vec<u8> {
        let mut out = pcap[..24].to_vec();
        let (mut at, mut k) = (24, 0);
        while at + 16 <= pcap.len() {
            let incl = u32::from_le_bytes(pcap[at + 8..at + 12].try_into().unwrap()) as usize;
            let end = at + 16 + incl;
            if k >= n {
                out.extend_from_slice(&pcap[at..end]);
            }
            (at, k) = (end, k + 1);
        }
        out
    }

    #[test]
    fn test_states_before_the_capture_shows_a_change_are_unknown() {
        assert_eq!(
            StateCertainty::at(&lab().run, Side::Client, Playhead::Start),
            None,
            "a simulated run has no marks"
        );
        let full = to_pcap(&tcp_sim::run(&named::normal()), &PcapOptions::default());
        let mut s = lab();
        open(&mut s, &without_first_frames(&full, 3));
        s.apply(Action::Capture(CaptureAction::View(0)));
        for side in Side::BOTH {
            assert_eq!(s.run.state_at(side, Playhead::Start), State::Established);
            assert_eq!(
                StateCertainty::at(&s.run, side, Playhead::Start),
                Some(StateCertainty::Unknown),
                "{side:?}: mid-connection, the starting state is a guess"
            );
        }
        s.apply(Action::End);
        for side in Side::BOTH {
            let (_, last) = s.run.last_transition(side, s.playback.playhead).unwrap();
            assert_eq!(
                StateCertainty::at(&s.run, side, s.playback.playhead),
                Some(StateCertainty::Known(last.certainty.unwrap()))
            );
        }
    }

    #[test]
    fn test_capture_problems_are_named() {
        let mut s = lab();
        s.apply(Action::Capture(CaptureAction::Started {
            name: "big.pcap".into(),
            size: 2 << 30,
        }));
        assert_eq!(
            s.capture.as_ref().unwrap().status,
            CaptureStatus::Failed(CaptureProblem::TooLarge { size: 2 << 30 })
        );
        let err = |b: &[u8]| Opened::read("f", b.to_vec()).unwrap_err().key();
        assert_eq!(err(b""), "empty");
        assert_eq!(err(b"GIF89a, not a capture at all"), "bad_magic");
        let good = capture_of(named::normal());
        assert_eq!(err(&good[..10]), "truncated");
        // A pcap header and no frames.
        assert_eq!(err(&good[..24]), "no_tcp");
    }

    #[test]
    fn test_choosing_a_scenario_leaves_the_capture_list_open() {
        let mut s = lab();
        let bytes = to_pcap(&tcp_sim::run(&named::normal()), &PcapOptions::default());
        open(&mut s, &bytes);
        s.apply(Action::Capture(CaptureAction::View(0)));
        s.apply(Action::ChooseScenario("synack_lost".into()));
        s.capture_after();
        assert!(!s.viewing_capture());
        assert!(s.capture.is_some());
    }
}
