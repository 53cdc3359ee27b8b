//! The root state and a capture: opening one, showing a connection on the ladder
//! instead of the simulator's run, and leaving it (see `crate::capture`).

use std::rc::Rc;

use tcp_sim::ProfileName;

use crate::capture::{
    CaptureAction, CaptureProblem, CaptureStatus, CaptureView, Opened, MAX_CAPTURE_BYTES,
    ROWS_PER_PAGE,
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
        let run = RunRef(Rc::new(run));
        self.pause();
        self.menu = None;
        self.arm_refused = None;
        self.run = run.clone();
        self.follow_connection(None);
        self.move_to(Playhead::Start);
        if let Some(c) = &mut self.capture {
            c.viewing = Some((index, run));
        }
    }

    /// The connection on the ladder, as the simulator's own setup: its applications' steps, its
    /// one-way delay and, as the learner's faults, the segments it lost.
    fn run_derived(&mut self, profile: ProfileName) {
        let Some((_, run)) = self.capture.as_ref().and_then(|c| c.viewing.as_ref()) else {
            return;
        };
        let derived = tcp_sim::compare::derive_scenario(&run.trace);
        self.capture = None;
        self.start_over(crate::setup::Setup {
            name: crate::setup::CUSTOM.to_string(),
            profile,
            delay_ms: derived.one_way_delay[0].as_ms(),
            loss_pct: 0.0,
            seed: derived.seed,
            client: derived.client,
            server: derived.server,
            knobs: Default::default(),
        });
        self.learner_faults = derived
            .faults
            .into_iter()
            .rev()
            .map(|fault| crate::faults::LearnerFault {
                fault,
                dropped_at: None,
            })
            .collect();
        self.rerun();
    }

    /// Puts the simulator's run back if a capture's is on the ladder.
    fn leave_capture(&mut self) {
        if self.viewing_capture() {
            if let Some(c) = &mut self.capture {
                c.viewing = None;
            }
            self.pause();
            self.playback.playhead = Playhead::Start;
            self.rerun();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::capture::*;
    use crate::url::parse_query;
    use tcp_sim::Side;
    use tcp_sim::{named, to_pcap, PcapOptions, State};

    fn lab() -> LabState {
        LabState::new(&parse_query("?scenario=normal", Some("en")), false)
    }

    fn refs(name: &str) -> Vec<u8> {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/refs/pcap/");
        std::fs::read(format!("{dir}{name}"))
            .unwrap_or_else(|_| to_pcap(&tcp_sim::run(&named::normal()), &PcapOptions::default()))
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
        open(&mut s, &refs("fin_lost.pcap"));
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
        let good = refs("normal.pcap");
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
