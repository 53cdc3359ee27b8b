//! A capture the learner opened: the file being read, what went wrong, the connections in it
//! (like Wireshark's Conversations), and the one on the ladder.
//!
//! The core reads the file and reconstructs the states ([`tcp_sim::capture`],
//! [`tcp_sim::observe`]); this module only keeps the result and swaps the run on screen for the
//! observed one.

use std::fmt;
use std::rc::Rc;

use tcp_sim::capture::{Capture, CaptureError, CaptureReader, Connection, Format};
use tcp_sim::{Certainty, Dir, Duration, ProfileName, Scenario, Side, Trace};

use crate::run::{Run, RunRef};
use crate::timeline::Playhead;

/// Larger files are refused before reading: a capture that size is almost always picked by
/// mistake, and the file and its segments are held in memory while it is open (decoding is
/// fast: a 64 MB file in well under a second, in slices, `e2e/bin/measure-capture.mjs`).
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

/// A file being decoded a batch of frames at a time (the core's [`CaptureReader`]), so that a
/// large one leaves the tab free to paint its progress and to answer a click in between.
#[derive(Debug)]
pub struct Decoding {
    name: String,
    bytes: Vec<u8>,
    reader: CaptureReader,
}

impl Decoding {
    /// Reads the file's header.
    pub fn new(name: &str, bytes: Vec<u8>) -> Result<Decoding, CaptureProblem> {
        if bytes.is_empty() {
            return Err(CaptureProblem::Empty);
        }
        let reader = CaptureReader::new(&bytes).map_err(CaptureProblem::Unreadable)?;
        Ok(Decoding {
            name: name.to_string(),
            bytes,
            reader,
        })
    }

    /// Decodes up to `frames` more frames; true while some may remain.
    pub fn advance(&mut self, frames: usize) -> bool {
        self.reader.advance(&self.bytes, frames)
    }

    /// Bytes decoded so far, and the file's size.
    pub fn progress(&self) -> (u64, u64) {
        (self.reader.offset() as u64, self.bytes.len() as u64)
    }

    /// The file and its connections, once [`Decoding::advance`] has said it is done.
    pub fn finish(self) -> Result<Opened, CaptureProblem> {
        let (capture, connections) = self.reader.finish();
        if capture.packets.is_empty() {
            // Damage before the first segment says more than "no TCP".
            return Err(match capture.error {
                Some(e) => CaptureProblem::Unreadable(e),
                None => CaptureProblem::NoTcp {
                    frames: capture.frames,
                },
            });
        }
        Ok(Opened {
            name: self.name,
            size: self.bytes.len() as u64,
            bytes: self.bytes,
            capture,
            connections,
        })
    }
}

impl Opened {
    /// Decodes a whole file (the core's reader) and lists its connections, in one go.
    pub fn read(name: &str, bytes: Vec<u8>) -> Result<Opened, CaptureProblem> {
        let mut decoding = Decoding::new(name, bytes)?;
        while decoding.advance(usize::MAX) {}
        decoding.finish()
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
    Reading {
        done: u64,
        total: u64,
    },
    /// Read; its frames are being decoded (bytes of them done).
    Decoding {
        done: u64,
        total: u64,
    },
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
    /// The connection on the ladder as the simulator's setup: what "Run it" runs and what a
    /// share link holds.
    pub derived: Option<DerivedSetup>,
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
    /// Read; decoding has got this far (bytes).
    Decoded {
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

/// Which connection of a capture a run was derived from, as a share link names it: its index
/// in the capture and its two endpoints, as text. A link never holds the capture itself.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaptureOrigin {
    pub index: usize,
    /// `10.0.0.1:40000` or `[2001:db8::1]:40000`.
    pub client: String,
    pub server: String,
}

/// A capture's connection as the simulator's setup (see `LabState::derived_setup`).
#[derive(Clone, Debug, PartialEq)]
pub struct DerivedSetup {
    pub setup: crate::setup::Setup,
    /// Newest first, as in the state.
    pub faults: Vec<crate::faults::LearnerFault>,
    pub origin: CaptureOrigin,
}

/// An endpoint as text is at most this long (`[` + 39 + `]:` + 5).
const ENDPOINT_CHARS: usize = 47;

impl CaptureOrigin {
    pub fn of(c: &Connection) -> CaptureOrigin {
        CaptureOrigin {
            index: c.index,
            client: c.client.to_string(),
            server: c.server.to_string(),
        }
    }

    /// The value of `?capture=`: `INDEX,CLIENT,SERVER`.
    pub fn param(&self) -> String {
        format!("{},{},{}", self.index, self.client, self.server)
    }

    /// Reads [`CaptureOrigin::param`]. The endpoints are only shown, never used: they are kept
    /// when they look like an address and port (hex digits, dots, colons, brackets).
    pub fn parse(value: &str) -> Option<CaptureOrigin> {
        let mut parts = value.split(',');
        let index = parts.next()?.trim();
        let (client, server) = (parts.next()?.trim(), parts.next()?.trim());
        if parts.next().is_some() || index.len() > 9 {
            return None;
        }
        let endpoint = |s: &str| {
            (!s.is_empty()
                && s.len() <= ENDPOINT_CHARS
                && s.contains(':')
                && s.chars()
                    .all(|c| c.is_ascii_hexdigit() || matches!(c, '.' | ':' | '[' | ']')))
            .then(|| s.to_string())
        };
        Some(CaptureOrigin {
            index: index.parse().ok()?,
            client: endpoint(client)?,
            server: endpoint(server)?,
        })
    }
}

/// The side's certainty at the playhead: that of its last transition, if any.
pub fn certainty_at(run: &Run, side: Side, p: Playhead) -> Option<tcp_sim::Certainty> {
    run.trace.observation.as_ref()?;
    run.last_transition(side, p)
        .and_then(|(_, tr)| tr.certainty)
}

/// How sure a reconstructed state is, as the ladder and the badges mark it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StateCertainty {
    /// The certainty of the transition that led to it.
    Known(Certainty),
    /// No transition of the side has led to it yet: the state before the capture shows the
    /// side change state is only the observer's starting guess (CLOSED and LISTEN before a
    /// handshake, ESTABLISHED when the capture starts mid-connection).
    Unknown,
}

impl StateCertainty {
    /// A side's state at the playhead; `None` for a simulated run.
    pub fn at(run: &Run, side: Side, p: Playhead) -> Option<StateCertainty> {
        run.trace.observation.as_ref()?;
        Some(Self::of(run.last_transition(side, p).map(|(_, tr)| tr)))
    }

    /// The state a transition leads to (`None`: the starting state).
    pub fn of(transition: Option<&tcp_sim::TransitionRecord>) -> StateCertainty {
        match transition.and_then(|tr| tr.certainty) {
            Some(c) => StateCertainty::Known(c),
            None => StateCertainty::Unknown,
        }
    }

    /// `observed`, `inferred`, `assumed` or `unknown` (`data-certainty`).
    pub fn key(self) -> &'static str {
        match self {
            StateCertainty::Known(c) => c.key(),
            StateCertainty::Unknown => "unknown",
        }
    }

    /// The mark written before the state's name: none for an observed state.
    pub fn mark(self) -> &'static str {
        match self {
            StateCertainty::Known(Certainty::Observed) => "",
            StateCertainty::Known(Certainty::Inferred) => "≈",
            StateCertainty::Known(Certainty::Assumed) => "≈?",
            StateCertainty::Unknown => "?",
        }
    }

    /// Every kind, for the legend.
    pub const ALL: [StateCertainty; 4] = [
        StateCertainty::Known(Certainty::Observed),
        StateCertainty::Known(Certainty::Inferred),
        StateCertainty::Known(Certainty::Assumed),
        StateCertainty::Unknown,
    ];
}
