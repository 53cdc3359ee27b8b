//! A capture the learner opened: the file being read, what went wrong, the connections in it
//! (like Wireshark's Conversations), and the one on the ladder.
//!
//! The core reads the file and reconstructs the states ([`tcp_sim::capture`],
//! [`tcp_sim::observe`]); this module only keeps the result and swaps the run on screen for the
//! observed one.

use std::fmt;
use std::rc::Rc;

use tcp_sim::capture::{Capture, CaptureError, Connection, Format};
use tcp_sim::{Dir, Duration, ProfileName, Scenario, Side, Trace};

use crate::run::{Run, RunRef};
use crate::state::{Action, LabState};
use crate::timeline::Playhead;

/// Larger files are refused before reading: a capture that size is almost always picked by
/// mistake, and decoding it would hold the tab for many seconds (the decoder reads about
/// 10 MB in well under a second: `e2e/bin/measure-capture.mjs`).
pub const MAX_CAPTURE_BYTES: u64 = 64 * 1024 * 1024;

/// Files are read in slices of this size, so the page shows progress and stays responsive.
pub const READ_CHUNK_BYTES: u64 = 4 * 1024 * 1024;

/// Why a file gives no connection to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CaptureProblem {
    /// Larger than [`MAX_CAPTURE_BYTES`]: not read at all.
    TooLarge { size: u64 },
    /// Zero bytes.
    Empty,
    /// The browser could not read the file (it was moved, or permission was withdrawn).
    ReadFailed,
    /// Not pcap or pcapng, or damaged before its first TCP segment.
    Unreadable(CaptureError),
    /// Frames, but not one TCP segment in them.
    NoTcp { frames: usize },
}

/// A file that was read, with its connections.
#[derive(Debug)]
pub struct Opened {
    pub name: String,
    pub size: u64,
    /// The file itself, for the pcap and JSON exports (`crates/tcp-lab-export`).
    pub bytes: Vec<u8>,
    pub capture: Capture,
    pub connections: Vec<Connection>,
}

impl Opened {
    /// Decodes a whole file (the core's reader) and lists its connections.
    pub fn read(name: &str, bytes: Vec<u8>) -> Result<Opened, CaptureProblem> {
        if bytes.is_empty() {
            return Err(CaptureProblem::Empty);
        }
        let capture = Capture::read(&bytes).map_err(CaptureProblem::Unreadable)?;
        if capture.packets.is_empty() {
            // Damage before the first segment says more than "no TCP".
            return Err(match capture.error {
                Some(e) => CaptureProblem::Unreadable(e),
                None => CaptureProblem::NoTcp {
                    frames: capture.frames,
                },
            });
        }
        let connections = capture.connections();
        Ok(Opened {
            name: name.to_string(),
            size: bytes.len() as u64,
            bytes,
            capture,
            connections,
        })
    }

    pub fn format(&self) -> Option<Format> {
        self.capture.format
    }

    /// The connection's reconstructed run, for the ladder.
    pub fn observed_run(&self, index: usize) -> Option<Run> {
        let conn = self.connections.get(index)?;
        let trace = tcp_sim::observe(&self.capture, conn);
        let mut scenario = pace_of(&trace);
        // File names of exports (`tcp_lab_scenario`).
        scenario.name = format!("capture-conn{index}");
        Some(Run::from_trace(scenario, trace, &[]))
    }
}

/// The scenario an observed run is drawn with: the `linux` profile (the reference captures are
/// of Linux) and, as link delays, the median time the observer puts between a segment leaving
/// and arriving in each direction. They set only the ladder's pace and where a lost segment
/// vanishes; every time on the ladder is the capture's.
fn pace_of(trace: &Trace) -> Scenario {
    let median = |dir: Option<Dir>| {
        let mut v: Vec<u64> = trace
            .segments
            .iter()
            .filter(|s| dir.is_none_or(|d| s.dir == d))
            .filter_map(|s| s.arrive.map(|a| a.0.saturating_sub(s.sent.0)))
            .filter(|&d| d > 0)
            .collect();
        v.sort_unstable();
        v.get(v.len() / 2).copied()
    };
    let any = median(None).unwrap_or(1_000_000);
    let mut scenario = Scenario::new(ProfileName::Linux);
    scenario.one_way_delay = [Dir::C2S, Dir::S2C].map(|d| Duration(median(Some(d)).unwrap_or(any)));
    scenario
}

/// A read file, shared and compared by identity (a capture can hold 100,000 segments).
#[derive(Clone, Debug)]
pub struct OpenedRef(pub Rc<Opened>);

impl PartialEq for OpenedRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for OpenedRef {
    type Target = Opened;
    fn deref(&self) -> &Opened {
        &self.0
    }
}

/// Where the file is.
#[derive(Clone, Debug, PartialEq)]
pub enum CaptureStatus {
    Reading { done: u64, total: u64 },
    Failed(CaptureProblem),
    Open(OpenedRef),
}

/// The capture part of the state: one file at a time.
#[derive(Clone, Debug, PartialEq)]
pub struct CaptureView {
    pub name: String,
    pub status: CaptureStatus,
    /// The connection on the ladder, and its run (the state's run while it is shown).
    pub viewing: Option<(usize, RunRef)>,
    /// How many rows of the connection list are shown (a capture can hold thousands).
    pub rows: usize,
}

/// Rows of the connection list shown at first, and added by "Show more".
pub const ROWS_PER_PAGE: usize = 50;

#[derive(Clone, Debug, PartialEq)]
pub enum CaptureAction {
    /// The learner picked or dropped a file: reading starts (or it is refused).
    Started {
        name: String,
        size: u64,
    },
    Progress {
        done: u64,
        total: u64,
    },
    Read(OpenedRef),
    Failed(CaptureProblem),
    /// Show this connection on the ladder.
    View(usize),
    MoreRows,
    /// Back to the simulator.
    Close,
    /// Back to the simulator, running the steps read from the connection on the ladder
    /// (see `tcp_sim::compare`) under this profile, with its losses as the learner's faults.
    RunDerived(ProfileName),
}

impl CaptureProblem {
    /// A stable key for `data-capture-error`.
    pub fn key(&self) -> &'static str {
        match self {
            CaptureProblem::TooLarge { .. } => "too_large",
            CaptureProblem::Empty => "empty",
            CaptureProblem::ReadFailed => "read_failed",
            CaptureProblem::Unreadable(CaptureError::BadMagic(_)) => "bad_magic",
            CaptureProblem::Unreadable(CaptureError::Truncated { .. }) => "truncated",
            CaptureProblem::Unreadable(CaptureError::BadLength { .. }) => "bad_length",
            CaptureProblem::Unreadable(CaptureError::BadSection { .. }) => "bad_section",
            CaptureProblem::Unreadable(CaptureError::UnknownInterface { .. }) => {
                "unknown_interface"
            }
            CaptureProblem::NoTcp { .. } => "no_tcp",
        }
    }
}

impl fmt::Display for CaptureProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

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
    pub(super) fn capture_before(&mut self, action: &Action) -> bool {
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
    pub(super) fn capture_after(&mut self) {
        if let Some(c) = &mut self.capture {
            if c.viewing.as_ref().is_some_and(|(_, run)| *run != self.run) {
                c.viewing = None;
            }
        }
    }

    pub(super) fn capture_apply(&mut self, a: CaptureAction) {
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

/// The side's certainty at the playhead: that of its last transition, if any.
pub fn certainty_at(run: &Run, side: Side, p: Playhead) -> Option<tcp_sim::Certainty> {
    run.trace.observation.as_ref()?;
    run.last_transition(side, p)
        .and_then(|(_, tr)| tr.certainty)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::url::parse_query;
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
