//! From a trace back to the application steps behind it, and a side-by-side
//! run of those steps under a profile.
//!
//! This is how a capture meets the simulator: [`derive_scenario`] reads what
//! each application must have done from the segments (who connected, who
//! sent how much and when, who closed or aborted, which segments the network
//! lost), and [`compare`] runs that scenario under `linux` or `rfc` and lists
//! where the run and the capture differ. A difference is a lesson: the
//! textbook's four-segment close against Linux's three, a retransmission the
//! capture shows at another time, a reset only one stack sends.
//!
//! The derivation follows the segments, not any particular capture: a data
//! segment with new bytes is a `send`, its sender first reads what had
//! arrived (`recv`, or `recv_eof` once the peer's FIN is in), a FIN is a
//! `close` (a `shutdown` when the peer's data keeps coming after it), a RST
//! on an open connection is an `abort`, and a pause of the application of
//! more than [`PAUSE_MS`] becomes a `sleep`.

use crate::scenario::{Fault, FaultAction, Scenario, Step};
use crate::segment::Flags;
use crate::state::{Dir, Side, Socket, State};
use crate::time::{Duration, Instant};
use crate::trace::{Fate, SegmentRecord, Trace};
use crate::{run_one_connection, ProfileName};

/// An application that waits longer than this before its next step is given
/// a `sleep`. Kept small: on a fast link a few tens of microseconds decide
/// whether a FIN leaves before or after the peer's ACK.
pub const PAUSE_MS: f64 = 0.01;

/// What one side's application did, step by step, while the trace is read.
struct App {
    steps: Vec<Step>,
    /// Bytes that arrived and no step has read yet.
    unread: u64,
    /// The peer's FIN has arrived.
    eof_arrived: bool,
    /// A `recv_eof` has read it.
    eof_read: bool,
    /// Sent its FIN with `shutdown`; it reads and closes at the end.
    shut_down: bool,
    /// Closed or aborted: no more steps.
    done: bool,
    /// When it could have taken its next step: its last step, or the last arrival it read.
    ready: Instant,
    /// `ready` is an arrival: a blocked call returns [`crate::Profile::app_wakeup`] later.
    woken: bool,
}

impl App {
    fn new() -> App {
        App {
            steps: Vec::new(),
            unread: 0,
            eof_arrived: false,
            eof_read: false,
            shut_down: false,
            done: false,
            ready: Instant::ZERO,
            woken: false,
        }
    }

    /// Reads what has arrived: all of it and the end of the stream once the FIN is in.
    fn read_arrived(&mut self) {
        if self.eof_arrived && !self.eof_read {
            self.steps.push(Step::RecvEof);
            self.eof_read = true;
            self.unread = 0;
        } else if self.unread > 0 {
            self.steps.push(Step::Recv(self.unread));
            self.unread = 0;
        }
    }

    /// The arrival of what the application waited for.
    fn arrived(&mut self, t: Instant) {
        if t >= self.ready {
            self.ready = t;
            self.woken = true;
        }
    }

    /// A step at `t`, after a `sleep` if the application waited longer than
    /// a blocked call takes to return (`wakeup`).
    fn act(&mut self, t: Instant, step: Step, wakeup: Duration) {
        let ready = if self.woken {
            self.ready + wakeup
        } else {
            self.ready
        };
        let waited = t - ready;
        if waited.as_ms() > PAUSE_MS {
            self.steps.push(Step::Sleep(waited));
        }
        self.steps.push(step);
        self.ready = t;
        self.woken = false;
    }
}

/// The scenario whose run would send what `trace` shows: both applications'
/// steps, the one-way delay of the handshake, and a fault for each segment
/// the trace marks lost. It keeps the trace's profile (`linux` without one).
pub fn derive_scenario(trace: &Trace) -> Scenario {
    let profile = trace.profile.unwrap_or(ProfileName::Linux);
    let mut scenario = Scenario::new(profile);
    let wakeup = profile.profile().app_wakeup;
    scenario.name = "derived".into();
    scenario.description = "the application steps read from a trace".into();
    if let Some(delay) = handshake_one_way_delay(trace) {
        scenario.one_way_delay = [delay, delay];
    }
    // First, in sending order, what each segment brings that its sender had not sent before
    // (the application's doing), and what it brings that had not arrived before (what the
    // receiver's application can read).
    let segments: Vec<_> = trace.segments.iter().filter(|s| !s.injected).collect();
    let mut sent_end = [1i64; 2];
    let mut arrived_end = [1i64; 2];
    let mut news = Vec::with_capacity(segments.len());
    let mut arrivals = Vec::with_capacity(segments.len());
    for s in &segments {
        let dir = s.dir as usize;
        let fin = s.segment.flags.contains(Flags::FIN);
        // Relative sequence numbers: data starts at 1, after the SYN.
        let start = s.seq_rel.unwrap_or(0);
        let end = start + i64::from(s.segment.len);
        let fresh = |upto: &mut i64| {
            let bytes = (end - *upto).max(0) as u64;
            let fin_fresh = fin && end + 1 > *upto;
            *upto = (*upto).max(end + i64::from(fin));
            (bytes, fin_fresh)
        };
        news.push(fresh(&mut sent_end[dir]));
        arrivals.push(if s.lost() {
            (0, false)
        } else {
            fresh(&mut arrived_end[dir])
        });
    }
    // What reaches each application, in the order it arrives: bytes, the FIN, or the
    // SYN-ACK that completes `connect` (the first that arrives).
    let mut deliveries: Vec<(Instant, usize, usize)> = segments
        .iter()
        .enumerate()
        .filter(|(i, s)| {
            let (bytes, fin) = arrivals[*i];
            let synack = s.segment.flags.contains(Flags::SYN | Flags::ACK);
            !s.lost() && (bytes > 0 || fin || synack)
        })
        .map(|(i, s)| {
            (
                s.arrive.unwrap_or(s.sent),
                i,
                1 - side_index(s.dir.sender()),
            )
        })
        .collect();
    deliveries.sort_unstable_by_key(|&(t, i, _)| (t, i));
    let mut next_delivery = 0;
    let mut connected = false;
    let mut apps = [App::new(), App::new()];
    let mut listens = false;
    for (i, s) in segments.iter().enumerate() {
        // Everything that arrived by the time this segment left.
        while let Some(&(t, j, to)) = deliveries.get(next_delivery) {
            if t > s.sent {
                break;
            }
            next_delivery += 1;
            let (bytes, fin) = arrivals[j];
            let app = &mut apps[to];
            if segments[j].segment.flags.contains(Flags::SYN) {
                if to == 0 && !connected {
                    connected = true;
                    app.arrived(t);
                }
                continue;
            }
            app.unread += bytes;
            app.eof_arrived |= fin;
            app.arrived(t);
        }
        let (new_bytes, new_fin) = news[i];
        let from = side_index(s.dir.sender());
        let flags = s.segment.flags;
        let app = &mut apps[from];
        if app.done {
            continue;
        }
        if flags.contains(Flags::SYN) && !flags.contains(Flags::ACK) {
            // An active open; from the server too in a simultaneous open.
            if !app.steps.contains(&Step::Connect) {
                app.act(s.sent, Step::Connect, wakeup);
            }
        } else if flags.contains(Flags::SYN) {
            listens |= from == 1 && !app.steps.contains(&Step::Connect);
        } else if flags.contains(Flags::RST) {
            // A RST from a side that had a connection ends it; a RST to a SYN on a port
            // nobody listens on is the stack's own answer.
            if !app.steps.is_empty() || (from == 1 && listens) {
                app.read_arrived();
                app.act(s.sent, Step::Abort, wakeup);
                app.done = true;
            }
        } else {
            if new_bytes > 0 {
                let before = app.steps.len();
                app.read_arrived();
                // Bytes sent back to back, with nothing read between, are one `send`.
                let back_to_back =
                    app.steps.len() == before && (s.sent - app.ready).as_ms() <= PAUSE_MS;
                match app.steps.last_mut() {
                    Some(Step::Send(n)) if back_to_back => {
                        *n = n.saturating_add(new_bytes as u32);
                        app.ready = s.sent;
                    }
                    _ => app.act(s.sent, Step::Send(new_bytes as u32), wakeup),
                }
            }
            if new_fin {
                app.read_arrived();
                let peer_sends_more = segments[i + 1..]
                    .iter()
                    .any(|later| later.dir != s.dir && later.segment.len > 0);
                if peer_sends_more && !app.eof_arrived {
                    app.act(s.sent, Step::Shutdown, wakeup);
                    app.shut_down = true;
                } else {
                    app.act(s.sent, Step::Close, wakeup);
                    app.done = true;
                }
            }
        }
    }
    // A side that only shut down reads the rest and closes once the peer's FIN is in.
    for app in &mut apps {
        if app.shut_down && !app.done && app.eof_arrived {
            app.read_arrived();
            app.steps.push(Step::Close);
        }
    }
    let [client, server] = apps;
    scenario.client = client.steps;
    scenario.server = if listens {
        std::iter::once(Step::Listen).chain(server.steps).collect()
    } else {
        server.steps
    };
    scenario.faults = link_faults(trace);
    scenario
}

fn side_index(side: Side) -> usize {
    match side {
        Side::Client => 0,
        Side::Server => 1,
    }
}

/// Half the time from the client's SYN to its ACK of the SYN-ACK that
/// answered it: the round trip as the client saw it (and as a capture
/// anywhere on the path sees it, near enough).
fn handshake_one_way_delay(trace: &Trace) -> Option<Duration> {
    let segs = &trace.segments;
    let answered = segs.iter().position(|s| {
        s.dir == Dir::S2C
            && s.segment.flags.contains(Flags::SYN | Flags::ACK)
            && s.fate == Fate::Delivered
    })?;
    // The SYN it answers: the last one sent before it; and the client's ACK after it.
    let syn = segs[..answered]
        .iter()
        .rev()
        .find(|s| s.dir == Dir::C2S && s.segment.flags == Flags::SYN)?;
    let ack = segs[answered..]
        .iter()
        .find(|s| s.dir == Dir::C2S && s.segment.flags.contains(Flags::ACK))?;
    let half = (ack.sent - syn.sent).as_ms() / 2.0;
    Some(Duration::from_ms(half.max(0.001)))
}

/// What the network did to the trace's segments, as a scenario's faults: a
/// `drop` for each segment marked lost, a `delay` or `dup` where a run
/// recorded one, each named by direction, flags and rank among the segments
/// with those flags, as a scenario file names it. A server that never
/// answers anything (no listener would answer with RST) means the client's
/// segments never reached it: all of them are dropped.
fn link_faults(trace: &Trace) -> Vec<Fault> {
    let segments: Vec<_> = trace.segments.iter().filter(|s| !s.injected).collect();
    if !segments.is_empty() && segments.iter().all(|s| s.dir == Dir::C2S) {
        return vec![Fault::new(Dir::C2S, "S", None, FaultAction::Drop)];
    }
    let mut faults = Vec::new();
    for (i, s) in segments.iter().enumerate() {
        let action = match s.fate {
            Fate::Delivered => continue,
            Fate::Lost => FaultAction::Drop,
            Fate::Delayed(d) => FaultAction::Delay(d),
            Fate::Duplicated => FaultAction::Duplicate,
        };
        let same = |o: &&&SegmentRecord| o.dir == s.dir && o.segment.flags == s.segment.flags;
        let nth = segments[..=i].iter().filter(same).count() as u32;
        faults.push(Fault::new(s.dir, &s.flags_str(), Some(nth), action));
    }
    faults
}

/// One place where a run and a trace differ.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Difference {
    /// A segment the trace has and the run does not.
    OnlyInTrace {
        /// Its index among the trace's segments.
        index: usize,
        /// Direction, flags and length, e.g. `s:A`, `c:PA5`.
        segment: String,
    },
    /// A segment the run sends and the trace does not have.
    OnlyInRun {
        /// Its index among the run's segments.
        index: usize,
        /// Direction, flags and length.
        segment: String,
    },
    /// A socket passed through other states.
    States {
        /// Whose socket.
        side: Side,
        /// Which of its sockets.
        socket: Socket,
        /// Its states in the trace.
        trace: Vec<State>,
        /// Its states in the run.
        run: Vec<State>,
    },
}

/// A trace beside the run of its derived scenario under one profile.
pub struct Comparison {
    /// The profile of the run.
    pub profile: ProfileName,
    /// The derived scenario, under that profile.
    pub scenario: Scenario,
    /// Its run.
    pub run: Trace,
    /// Where the run differs from the trace; empty when it sends the same segments and
    /// passes through the same states.
    pub differences: Vec<Difference>,
}

/// Runs the scenario derived from `trace` under `profile` and lists the
/// differences: segments by direction and flags (aligned as a longest common
/// subsequence), then each socket's chain of states.
pub fn compare(trace: &Trace, profile: ProfileName) -> Comparison {
    let mut scenario = derive_scenario(trace);
    scenario.profile = profile;
    // A derived scenario is one client and one server; this keeps the server simulation out
    // of the web app, which compares captures too.
    let run = run_one_connection(&scenario);
    let mut differences = segment_differences(&tokens(trace), &tokens(&run));
    for side in [Side::Client, Side::Server] {
        for socket in [Socket::Connection, Socket::Listener] {
            let (a, b) = (
                trace.socket_chain(side, socket),
                run.socket_chain(side, socket),
            );
            // Linux keeps the listener apart from the connection it spawns; RFC 9293's one TCB
            // is both. Told apart, the connection starts in LISTEN either way.
            let one_tcb = |c: &[State]| match c {
                [State::Closed, State::Listen, ..] => c[1..].to_vec(),
                _ => c.to_vec(),
            };
            let differ = match socket {
                Socket::Connection => one_tcb(&a) != one_tcb(&b),
                Socket::Listener => !a.is_empty() && !b.is_empty() && a != b,
            };
            if differ {
                differences.push(Difference::States {
                    side,
                    socket,
                    trace: a,
                    run: b,
                });
            }
        }
    }
    Comparison {
        profile,
        scenario,
        run,
        differences,
    }
}

fn tokens(trace: &Trace) -> Vec<String> {
    trace.segments.iter().map(SegmentRecord::token).collect()
}

/// Longest traces compared segment by segment; beyond this only the lengths are.
const MAX_ALIGNED: usize = 4000;

fn segment_differences(a: &[String], b: &[String]) -> Vec<Difference> {
    let (a, b) = (
        &a[..a.len().min(MAX_ALIGNED)],
        &b[..b.len().min(MAX_ALIGNED)],
    );
    // lcs[i][j]: the longest common subsequence of a[i..] and b[j..].
    let mut lcs = vec![vec![0u32; b.len() + 1]; a.len() + 1];
    for i in (0..a.len()).rev() {
        for j in (0..b.len()).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() || j < b.len() {
        if i < a.len() && j < b.len() && a[i] == b[j] {
            i += 1;
            j += 1;
        } else if j == b.len() || (i < a.len() && lcs[i + 1][j] >= lcs[i][j + 1]) {
            out.push(Difference::OnlyInTrace {
                index: i,
                segment: a[i].clone(),
            });
            i += 1;
        } else {
            out.push(Difference::OnlyInRun {
                index: j,
                segment: b[j].clone(),
            });
            j += 1;
        }
    }
    out
}

impl Comparison {
    /// The comparison as text: the derived steps, then one line per difference.
    pub fn to_text(&self) -> String {
        let mut out = format!("# compared with the {} profile\n", self.profile.key());
        let steps = |steps: &[Step]| {
            steps
                .iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        };
        out.push_str(&format!("client steps: {}\n", steps(&self.scenario.client)));
        out.push_str(&format!("server steps: {}\n", steps(&self.scenario.server)));
        out.push_str(&format!("run: {}\n", self.run.summary()));
        if self.differences.is_empty() {
            out.push_str("same segments and states\n");
        }
        for d in &self.differences {
            out.push_str(&match d {
                Difference::OnlyInTrace { index, segment } => {
                    format!("only in the capture: #{index} {segment}\n")
                }
                Difference::OnlyInRun { index, segment } => {
                    format!("only in the run: #{index} {segment}\n")
                }
                Difference::States {
                    side,
                    socket,
                    trace,
                    run,
                } => format!(
                    "{side} {}: capture {} / run {}\n",
                    socket.name(),
                    chain(trace),
                    chain(run)
                ),
            });
        }
        out
    }

    /// The comparison in the command line's JSON format.
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::json;
        let differences: Vec<_> = self
            .differences
            .iter()
            .map(|d| match d {
                Difference::OnlyInTrace { index, segment } => {
                    json!({"only_in": "capture", "index": index, "segment": segment})
                }
                Difference::OnlyInRun { index, segment } => {
                    json!({"only_in": "run", "index": index, "segment": segment})
                }
                Difference::States {
                    side,
                    socket,
                    trace,
                    run,
                } => json!({
                    "side": side.to_string(),
                    "socket": socket.name(),
                    "capture": trace.iter().map(|s| s.rfc_name()).collect::<Vec<_>>(),
                    "run": run.iter().map(|s| s.rfc_name()).collect::<Vec<_>>(),
                }),
            })
            .collect();
        json!({
            "profile": self.profile.key(),
            "scenario": self.scenario.to_json(),
            "run": self.run.summary(),
            "differences": differences,
        })
    }
}

fn chain(states: &[State]) -> String {
    states
        .iter()
        .map(|s| s.rfc_name())
        .collect::<Vec<_>>()
        .join(" > ")
}
