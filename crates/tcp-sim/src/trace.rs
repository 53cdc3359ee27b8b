//! The record of a run: every segment with its fate, every transition with
//! its cause, every timer, and the application's steps. The app draws only
//! from this.

use serde_json::{json, Value};
use std::fmt::Write as _;

use crate::cause::{Cause, SendReason, TimerKind};
use crate::endpoint::ConnError;
use crate::observe::{Certainty, Observation};
use crate::profile::ProfileName;
use crate::segment::Segment;
use crate::state::{Dir, Side, Socket, State};
use crate::time::{Duration, Instant};

/// What the link did with a segment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Fate {
    /// Arrived after the link's one-way delay.
    Delivered,
    /// Never arrived.
    Lost,
    /// Delivered this much later than the link delay.
    Delayed(Duration),
    /// Delivered twice.
    Duplicated,
}

impl Fate {
    /// A stable key, used as `fate` in JSON traces.
    pub fn key(self) -> &'static str {
        match self {
            Fate::Delivered => "delivered",
            Fate::Lost => "lost",
            Fate::Delayed(_) => "delayed",
            Fate::Duplicated => "duplicate",
        }
    }
}

/// Who chose a segment's fate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FateSource {
    /// Nothing: the link delivered it normally.
    Link,
    /// A scenario fault (by its index in `faults`).
    Fault(usize),
    /// Random loss (`loss_pct`).
    RandomLoss,
    /// Set while the segment was in flight, through [`crate::Simulation::set_fate`].
    Live,
}

/// One segment put on the wire.
#[derive(Clone, Debug, PartialEq)]
pub struct SegmentRecord {
    /// Index in sending order.
    pub id: usize,
    /// The direction it travelled.
    pub dir: Dir,
    /// When TCP sent it (for an injected segment: when the scenario put it on the link).
    pub sent: Instant,
    /// The segment as sent, with absolute sequence numbers.
    pub segment: Segment,
    /// Relative to the sender's ISN; `None` when the sender has no ISN.
    pub seq_rel: Option<i64>,
    /// Relative to the receiver's ISN; `None` without the ACK flag.
    pub ack_rel: Option<i64>,
    /// Why it was sent.
    pub reason: SendReason,
    /// What the link did with it.
    pub fate: Fate,
    /// Who decided that.
    pub fate_source: FateSource,
    /// When it reaches the other side; `None` if lost.
    pub arrive: Option<Instant>,
    /// When the duplicate copy arrives, for duplicated segments.
    pub duplicate_arrive: Option<Instant>,
    /// The same sequence range was sent before in this direction.
    pub retransmission: bool,
    /// An old duplicate put on the link by the scenario, not sent by an endpoint.
    pub injected: bool,
    /// The event that made the endpoint send it: an arrival, a timer or an
    /// application step (`None` for injected old duplicates).
    pub trigger: Option<Trigger>,
    /// For a segment sent in answer to an arrival — by TCP, or by an
    /// application that the arrival unblocked at that same instant — that
    /// arrival's index in [`Trace::arrivals`] (the copies of a duplicate are told apart).
    pub in_reply_to: Option<usize>,
    /// In a run with many connections: the connection that sent it (an index into
    /// [`Trace::connections`]); `None` in a one-connection run.
    pub conn: Option<usize>,
}

impl SegmentRecord {
    /// Its flags as letters in FSRPA order, e.g. `SA`.
    pub fn flags_str(&self) -> String {
        self.segment.flags.to_string()
    }

    /// Direction, flags and payload length, as in a trace's summary: `c:PA5`, `s:A`.
    pub fn token(&self) -> String {
        let side = if self.dir == Dir::C2S { "c" } else { "s" };
        let len = if self.segment.len > 0 {
            self.segment.len.to_string()
        } else {
            String::new()
        };
        format!("{side}:{}{len}", self.flags_str())
    }

    /// The link lost it.
    pub fn lost(&self) -> bool {
        self.fate == Fate::Lost
    }
}

/// Sequence and acknowledgment numbers relative to the ISNs the two sides chose: the sender's
/// ISN for the sequence number, the receiver's for the acknowledgment (absolute while the
/// receiver has none yet, as Wireshark shows them).
pub(crate) fn relative_numbers(
    segment: &Segment,
    sender_isn: Option<u32>,
    receiver_isn: Option<u32>,
) -> (Option<i64>, Option<i64>) {
    let seq_rel = sender_isn.map(|isn| crate::seq::diff(segment.seq, isn));
    let ack_rel = segment.flags.ack().then(|| {
        receiver_isn.map_or(i64::from(segment.ack), |isn| {
            crate::seq::diff(segment.ack, isn)
        })
    });
    (seq_rel, ack_rel)
}

/// The highest sequence number sent in one direction. Sequence space only grows, so a segment
/// that starts below it repeats what was sent before.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct HighestSent(Option<u32>);

impl HighestSent {
    /// Notes a segment sent; true when it is a retransmission.
    pub(crate) fn note(&mut self, segment: &Segment) -> bool {
        let repeat =
            segment.seg_len() > 0 && self.0.is_some_and(|h| crate::seq::lt(segment.seq, h));
        if segment.seg_len() > 0 && !segment.flags.rst() {
            let end = segment.end_seq();
            if self
                .0
                .is_none_or(|h| crate::seq::gt(end, h) || segment.flags.syn())
            {
                self.0 = Some(end);
            }
        }
        repeat
    }
}

/// What set off a transition.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Trigger {
    /// A segment arrived (by id).
    Segment(usize),
    /// A timer expired.
    Timer(TimerKind),
    /// An application step (by index in that side's step list).
    App(usize),
}

/// One state change of one endpoint.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TransitionRecord {
    /// When it happened.
    pub t: Instant,
    /// Which endpoint changed state.
    pub side: Side,
    /// Which of its sockets: the listener or the connection.
    pub socket: Socket,
    /// The state before.
    pub from: State,
    /// The state after.
    pub to: State,
    /// Why, as the endpoint recorded it.
    pub cause: Cause,
    /// The event being processed when it happened.
    pub trigger: Trigger,
    /// How sure a trace read from a capture is of it; `None` in a simulated run.
    pub certainty: Option<Certainty>,
    /// In a run with many connections: whose transition (an index into [`Trace::connections`]);
    /// `None` for the listener and in a one-connection run.
    pub conn: Option<usize>,
}

/// A timer armed (`deadline: Some`), stopped (`None` and not fired), or fired.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TimerRecord {
    /// When the timer was armed, stopped or fired.
    pub t: Instant,
    /// Whose timer.
    pub side: Side,
    /// Which timer.
    pub kind: TimerKind,
    /// When an armed timer will fire; `None` when stopped or fired.
    pub deadline: Option<Instant>,
    /// The timer expired (rather than being armed or stopped).
    pub fired: bool,
    /// In a run with many connections: whose timer; `None` in a one-connection run.
    pub conn: Option<usize>,
}

/// How an application step went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AppOutcome {
    /// The step began (recorded when it is first run).
    Started,
    /// The step finished.
    Done,
    /// The step failed; the side's remaining steps are skipped.
    Failed(AppFailure),
}

/// Why an application step failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AppFailure {
    /// The connection reported an error, e.g. connection refused.
    Conn(ConnError),
    /// End-of-file came before the bytes a `recv N` waited for.
    EofBeforeData,
}

impl AppFailure {
    /// A stable key, used as `error` in JSON traces.
    pub fn key(self) -> &'static str {
        match self {
            AppFailure::Conn(e) => e.key(),
            AppFailure::EofBeforeData => "eof_before_data",
        }
    }
}

impl std::fmt::Display for AppFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AppFailure::Conn(e) => write!(f, "{e}"),
            AppFailure::EofBeforeData => f.write_str("end of file before the expected bytes"),
        }
    }
}

/// An application step starting, finishing or failing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AppRecord {
    /// When.
    pub t: Instant,
    /// Whose application.
    pub side: Side,
    /// The step's index in that side's step list.
    pub step_index: usize,
    /// What happened to it.
    pub outcome: AppOutcome,
    /// In a run with many connections: which client's application (an index into the
    /// scenario's `clients`); `None` for the server and in a one-connection run.
    pub client: Option<usize>,
    /// In a run with many connections: the connection the step used, if any.
    pub conn: Option<usize>,
}

/// A failed step: recorded, and the side's remaining steps are skipped (in a run with many
/// connections: those before its next `connect` or `accept`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ErrorRecord {
    /// When the step failed.
    pub t: Instant,
    /// Whose step.
    pub side: Side,
    /// The step as written in a scenario file, e.g. `connect`.
    pub step: String,
    /// Why it failed.
    pub failure: AppFailure,
    /// In a run with many connections: which client's application (an index into the
    /// scenario's `clients`); `None` for the server and in a one-connection run.
    pub client: Option<usize>,
}

/// The arrival of one copy of a segment at its receiver, in processing order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ArrivalRecord {
    /// When this copy arrived.
    pub t: Instant,
    /// The segment's id (index into [`Trace::segments`]).
    pub segment: usize,
    /// State of the receiver just before it processed the segment.
    pub receiver_state: State,
}

/// The full record of a run.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Trace {
    /// The profile the run used; `None` only for an empty trace.
    pub profile: Option<ProfileName>,
    /// The first ISN each side chose, for absolute/relative display.
    pub isn: [Option<u32>; 2],
    /// Every segment, in sending order (the index is the id).
    pub segments: Vec<SegmentRecord>,
    /// Every arrival, in processing order.
    pub arrivals: Vec<ArrivalRecord>,
    /// Every state change of both endpoints, in order.
    pub transitions: Vec<TransitionRecord>,
    /// Every timer armed, stopped or fired, in order.
    pub timers: Vec<TimerRecord>,
    /// Every application step started, finished or failed, in order.
    pub app: Vec<AppRecord>,
    /// The failed application steps, in order.
    pub errors: Vec<ErrorRecord>,
    /// Bytes each side's application read, in total.
    pub bytes_read: [u64; 2],
    /// Bytes each side's application asked to send, in total.
    pub bytes_sent: [u64; 2],
    /// When the last event happened.
    pub end: Instant,
    /// The run hit the safety limit on events or virtual time.
    pub truncated: bool,
    /// Set when the trace was reconstructed from a capture ([`crate::observe`]) rather than
    /// simulated: the capture's endpoints and the flagged facts.
    pub observation: Option<Observation>,
    /// In a run with many connections: every connection, by id. Empty in a one-connection run.
    pub connections: Vec<crate::server::ConnectionRecord>,
    /// In a run with many connections: the listener's queues and counters over time.
    pub listener: Option<crate::server::ListenerRecord>,
    /// Old segments whose bytes were taken as data by a newer connection of the same
    /// four-tuple: the corruption TIME-WAIT exists to prevent.
    pub corruptions: Vec<crate::server::CorruptionRecord>,
}

impl Trace {
    /// One side's transitions, in order.
    pub fn transitions_of(&self, side: Side) -> impl Iterator<Item = &TransitionRecord> {
        self.transitions.iter().filter(move |t| t.side == side)
    }

    /// In a run with many connections: one connection's segments, in sending order (its ladder).
    pub fn segments_of_conn(&self, conn: usize) -> impl Iterator<Item = &SegmentRecord> {
        self.segments.iter().filter(move |s| s.conn == Some(conn))
    }

    /// In a run with many connections: one connection's transitions, both ends, in order.
    pub fn transitions_of_conn(&self, conn: usize) -> impl Iterator<Item = &TransitionRecord> {
        self.transitions
            .iter()
            .filter(move |t| t.conn == Some(conn))
    }

    /// The ids of the segments [`Trace::connection_view`] shows for connection `conn`, in
    /// sending order: the view's segment `i` is segment `ids[i]` of the whole run.
    pub fn connection_segments(&self, conn: usize) -> Vec<usize> {
        let mut wanted = vec![false; self.segments.len()];
        for s in self.segments_of_conn(conn) {
            wanted[s.id] = true;
            if let Some(Trigger::Segment(id)) = s.trigger {
                wanted[id] = true;
            }
        }
        for t in self.transitions_of_conn(conn) {
            if let Trigger::Segment(id) = t.trigger {
                wanted[id] = true;
            }
        }
        for k in self.corruptions.iter().filter(|k| k.into_conn == conn) {
            wanted[k.segment] = true;
        }
        (0..wanted.len()).filter(|&id| wanted[id]).collect()
    }

    /// In a run with many connections: connection `conn`'s trace in the format of a
    /// one-connection run, so that everything made for one connection (the ladder, the
    /// explanations, the knowledge panel) shows it unchanged. Times stay absolute, so one
    /// playhead serves the whole run and the view.
    ///
    /// It holds the connection's segments renumbered from 0 in sending order, with any segment of
    /// another connection of the same four-tuple that moved it (a newer SYN that ended its
    /// TIME-WAIT, an old one it answered, an old segment it took as data: the corruption TIME-WAIT
    /// prevents), their arrivals,
    /// its transitions with the listener's own (so the server end starts in LISTEN), its timers,
    /// its application steps, its client's failed steps while it lived, and its ISNs. The byte
    /// totals are the run's, not kept per connection, and left at 0. `None` when there is no such
    /// connection.
    pub fn connection_view(&self, conn: usize) -> Option<Trace> {
        let record = self.connections.get(conn)?;
        let mine = |c: Option<usize>| c == Some(conn);
        let ids = self.connection_segments(conn);
        let mut seg_map: Vec<Option<usize>> = vec![None; self.segments.len()];
        for (view_id, &id) in ids.iter().enumerate() {
            seg_map[id] = Some(view_id);
        }
        let mut arrival_map: Vec<Option<usize>> = vec![None; self.arrivals.len()];
        let mut arrivals = Vec::new();
        for (i, a) in self.arrivals.iter().enumerate() {
            if let Some(id) = seg_map[a.segment] {
                arrival_map[i] = Some(arrivals.len());
                arrivals.push(ArrivalRecord { segment: id, ..*a });
            }
        }
        let trigger = |t: Trigger| match t {
            Trigger::Segment(id) => seg_map[id].map_or(t, Trigger::Segment),
            other => other,
        };
        let segments: Vec<SegmentRecord> = self
            .segments
            .iter()
            .filter_map(|s| {
                let id = seg_map[s.id]?;
                // Relative to this connection's ISNs (which the server run learns only once the
                // first segment of each end is out), also for another connection's segment: a
                // newer SYN then reads as how far above this connection's numbers it starts.
                let (mine, theirs) = match s.dir {
                    Dir::C2S => (record.client_isn, record.server_isn),
                    Dir::S2C => (record.server_isn, record.client_isn),
                };
                let seq_rel = mine.map(|isn| crate::seq::diff(s.segment.seq, isn));
                let ack_rel = s.segment.flags.ack().then(|| {
                    theirs.map_or(s.segment.ack as i64, |isn| {
                        crate::seq::diff(s.segment.ack, isn)
                    })
                });
                Some(SegmentRecord {
                    id,
                    seq_rel,
                    ack_rel,
                    // A segment of another connection keeps no trigger outside the view.
                    trigger: s.trigger.and_then(|t| match t {
                        Trigger::Segment(id) => seg_map[id].map(Trigger::Segment),
                        other => Some(other),
                    }),
                    in_reply_to: s.in_reply_to.and_then(|a| arrival_map[a]),
                    conn: None,
                    ..s.clone()
                })
            })
            .collect();
        let transitions: Vec<TransitionRecord> = self
            .transitions
            .iter()
            .filter(|t| mine(t.conn) || (t.conn.is_none() && t.socket == Socket::Listener))
            .map(|t| TransitionRecord {
                trigger: trigger(t.trigger),
                conn: None,
                ..*t
            })
            .collect();
        let timers: Vec<TimerRecord> = self
            .timers
            .iter()
            .filter(|t| mine(t.conn))
            .map(|t| TimerRecord { conn: None, ..*t })
            .collect();
        let app: Vec<AppRecord> = self
            .app
            .iter()
            .filter(|a| mine(a.conn))
            .map(|a| AppRecord {
                client: None,
                conn: None,
                ..*a
            })
            .collect();
        let end = segments
            .iter()
            .flat_map(|s| [Some(s.sent), s.arrive, s.duplicate_arrive])
            .flatten()
            .chain(transitions.iter().map(|t| t.t))
            .chain(timers.iter().map(|t| t.t))
            .chain(app.iter().map(|a| a.t))
            .max()
            .unwrap_or(record.opened);
        let client = match record.origin {
            crate::server::Origin::Client(i) => Some(i),
            crate::server::Origin::Flood => None,
        };
        let errors: Vec<ErrorRecord> = self
            .errors
            .iter()
            .filter(|e| {
                client.is_some() && e.client == client && e.t >= record.opened && e.t <= end
            })
            .map(|e| ErrorRecord {
                client: None,
                ..e.clone()
            })
            .collect();
        let corruptions = self
            .corruptions
            .iter()
            .filter(|k| k.into_conn == conn)
            .filter_map(|k| {
                Some(crate::server::CorruptionRecord {
                    segment: seg_map[k.segment]?,
                    ..*k
                })
            })
            .collect();
        Some(Trace {
            profile: self.profile,
            isn: [record.client_isn, record.server_isn],
            segments,
            arrivals,
            transitions,
            timers,
            app,
            errors,
            bytes_read: [0; 2],
            bytes_sent: [0; 2],
            end,
            truncated: self.truncated,
            observation: None,
            connections: Vec::new(),
            listener: None,
            corruptions,
        })
    }

    /// The arrivals of segments going `dir` with exactly these `flags`, in order.
    pub fn arrivals_matching(
        &self,
        dir: Dir,
        flags: crate::segment::Flags,
    ) -> impl Iterator<Item = &ArrivalRecord> {
        self.arrivals.iter().filter(move |a| {
            let s = &self.segments[a.segment];
            s.dir == dir && s.segment.flags == flags
        })
    }

    /// The chain of states a side went through, all its sockets together, starting from CLOSED.
    /// In a run with many connections this strings every connection together: read one
    /// connection through [`Trace::transitions_of_conn`] instead.
    pub fn state_chain(&self, side: Side) -> Vec<State> {
        Self::chain(self.transitions_of(side))
    }

    /// The chain of states of one of a side's sockets; empty if that socket never moved.
    pub fn socket_chain(&self, side: Side, socket: Socket) -> Vec<State> {
        Self::chain(self.transitions_of(side).filter(|t| t.socket == socket))
    }

    fn chain<'a>(transitions: impl Iterator<Item = &'a TransitionRecord>) -> Vec<State> {
        let mut chain = Vec::new();
        for t in transitions {
            // A new request socket starts from the listener's LISTEN, not from where the last
            // one ended.
            if chain.last() != Some(&t.from) {
                chain.push(t.from);
            }
            chain.push(t.to);
        }
        chain
    }

    /// A side's state before its first transition: CLOSED, or, for a capture that starts after
    /// the SYN, the state the observer takes it to be in ([`Observation::initial`]).
    pub fn initial_state(&self, side: Side) -> State {
        self.observation
            .as_ref()
            .and_then(|o| o.initial[side.index()])
            .unwrap_or(State::Closed)
    }

    /// A side's state at time `t` (after every transition at or before `t`).
    pub fn state_at(&self, side: Side, t: Instant) -> State {
        self.transitions_of(side)
            .take_while(|tr| tr.t <= t)
            .last()
            .map_or(self.initial_state(side), |tr| tr.to)
    }

    /// The final state of each side.
    pub fn final_state(&self, side: Side) -> State {
        self.transitions_of(side)
            .last()
            .map_or(self.initial_state(side), |t| t.to)
    }

    /// A compact summary like the reference README's: `c:S, s:SA, c:A, c:PA5`.
    pub fn summary(&self) -> String {
        self.segments
            .iter()
            .map(|s| {
                let lost = if s.lost() { "[LOST]" } else { "" };
                format!("{}{lost}", s.token())
            })
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// The trace in the command line's JSON format.
    pub fn to_json(&self) -> Value {
        let segments: Vec<Value> = self
            .segments
            .iter()
            .map(|s| {
                let delayed = match s.fate {
                    Fate::Delayed(d) => d.as_ms(),
                    _ => 0.0,
                };
                let mut v = json!({
                    "id": s.id,
                    "t_ms": s.sent.as_ms(),
                    "dir": s.dir.name(),
                    "flags": s.flags_str(),
                    "seq_rel": s.seq_rel,
                    "ack_rel": s.ack_rel,
                    "len": s.segment.len,
                    "lost": s.lost(),
                    "delayed_ms": delayed,
                    "arrive_ms": s.arrive.map(Instant::as_ms),
                    "seq_abs": s.segment.seq,
                    "ack_abs": s.segment.flags.ack().then_some(s.segment.ack),
                    "win": s.segment.window,
                    "fate": s.fate.key(),
                    "reason": s.reason.key(),
                    "retx": s.retransmission,
                });
                if let Some(d) = s.duplicate_arrive {
                    v["duplicate_arrive_ms"] = json!(d.as_ms());
                }
                if s.injected {
                    v["injected"] = json!(true);
                }
                if let Some(c) = s.conn {
                    v["conn"] = json!(c);
                }
                if let Some(o) = s.segment.syn_options {
                    v["opts"] = json!({
                        "mss": o.mss, "wscale": o.window_scale, "sack_perm": o.sack_permitted,
                        "ts": s.segment.timestamps.is_some(),
                    });
                }
                v
            })
            .collect();
        let states = |side: Side| -> Value {
            Value::from(
                self.transitions_of(side)
                    .map(|t| {
                        let mut v = json!({"t_ms": t.t.as_ms(), "socket": t.socket.name(),
                               "from": t.from.rfc_name(), "to": t.to.rfc_name(),
                               "cause": t.cause.key()});
                        if let Some(c) = t.certainty {
                            v["certainty"] = json!(c.key());
                        }
                        if let Some(c) = t.conn {
                            v["conn"] = json!(c);
                        }
                        v
                    })
                    .collect::<Vec<_>>(),
            )
        };
        let errors: Vec<Value> = self
            .errors
            .iter()
            .map(|e| {
                let mut v = json!({"t_ms": e.t.as_ms(), "side": e.side.name(), "step": e.step,
                       "error": e.failure.key(), "message": e.failure.to_string()});
                if let Some(c) = e.client {
                    v["client"] = json!(c);
                }
                v
            })
            .collect();
        let mut v = json!({
            "profile": self.profile.map(|p| p.key()),
            "segments": segments,
            "states": {"client": states(Side::Client), "server": states(Side::Server)},
            "errors": errors,
            "end_ms": self.end.as_ms(),
            "truncated": self.truncated,
        });
        if let Some(o) = &self.observation {
            v["observed"] = json!(true);
            v["observation"] = o.to_json();
        }
        if let Some(l) = &self.listener {
            crate::server::write_trace_json(self, l, &mut v);
        }
        v
    }

    /// A readable ladder, one line per event, like the reference timelines.
    pub fn to_text(&self, absolute: bool) -> String {
        enum Line<'a> {
            Seg(&'a SegmentRecord),
            State(&'a TransitionRecord),
            Err(&'a ErrorRecord),
            Queue(&'a crate::server::ListenerEvent),
        }
        // At one instant, a state change comes before the segment it makes the endpoint send.
        let mut lines: Vec<(Instant, u8, usize, Line)> = Vec::new();
        for t in &self.transitions {
            lines.push((t.t, 0, lines.len(), Line::State(t)));
        }
        for s in &self.segments {
            lines.push((s.sent, 1, lines.len(), Line::Seg(s)));
        }
        for e in &self.errors {
            lines.push((e.t, 2, lines.len(), Line::Err(e)));
        }
        for e in self.listener.iter().flat_map(|l| &l.events) {
            lines.push((e.t, 0, lines.len(), Line::Queue(e)));
        }
        // The key is unique (it ends with the index): an unstable sort gives the same order
        // and keeps a second sort implementation out of the web app's wasm.
        lines.sort_unstable_by_key(|(t, rank, i, _)| (*t, *rank, *i));
        let mut out = String::new();
        let _ = writeln!(out, "# summary: {}", self.summary());
        if let Some(o) = &self.observation {
            let _ = writeln!(
                out,
                "# observed in a capture: client {}, server {} (connection {}); states are \
                 reconstructed, each marked observed, inferred or assumed",
                o.client, o.server, o.connection
            );
        }
        for (t, _, _, line) in lines {
            let _ = match line {
                Line::Seg(s) => {
                    let arrow = if s.dir == Dir::C2S {
                        "C --> S"
                    } else {
                        "C <-- S"
                    };
                    let (seq, ack) = if absolute {
                        (
                            s.segment.seq.to_string(),
                            if s.segment.flags.ack() {
                                s.segment.ack.to_string()
                            } else {
                                "-".into()
                            },
                        )
                    } else {
                        (
                            s.seq_rel
                                .map_or(format!("abs {}", s.segment.seq), |v| v.to_string()),
                            s.ack_rel.map_or("-".into(), |v| v.to_string()),
                        )
                    };
                    let mut tags = Vec::new();
                    match s.fate {
                        Fate::Lost => tags.push("LOST".to_string()),
                        Fate::Delayed(d) => tags.push(format!("delayed +{d}")),
                        Fate::Duplicated => tags.push("duplicated".to_string()),
                        Fate::Delivered => {}
                    }
                    if s.retransmission {
                        tags.push("retx".into());
                    }
                    if s.injected {
                        tags.push("old duplicate".into());
                    }
                    let tags = if tags.is_empty() {
                        String::new()
                    } else {
                        format!("  [{}]", tags.join(", "))
                    };
                    let conn = s.conn.map_or(String::new(), |c| format!("#{c} "));
                    writeln!(
                        out,
                        "{:>12.3} ms  wire   {conn}{arrow} {:<4} seq={seq} ack={ack} len={}{tags}  ({})",
                        t.as_ms(),
                        s.flags_str(),
                        s.segment.len,
                        s.reason.key()
                    )
                }
                Line::State(tr) => writeln!(
                    out,
                    "{:>12.3} ms  state  {}{} {}: {} -> {}  ({}{})",
                    t.as_ms(),
                    tr.conn.map_or(String::new(), |c| format!("#{c} ")),
                    tr.side,
                    tr.socket.name(),
                    tr.from,
                    tr.to,
                    tr.cause.key(),
                    tr.certainty
                        .map_or(String::new(), |c| format!(", {}", c.key()))
                ),
                Line::Queue(e) => writeln!(
                    out,
                    "{:>12.3} ms  queue  {}{}  (SYN queue {}, accept queue {})",
                    t.as_ms(),
                    e.conn.map_or(String::new(), |c| format!("#{c} ")),
                    e.kind.key(),
                    e.syn_queue,
                    e.accept_queue
                ),
                Line::Err(e) => writeln!(
                    out,
                    "{:>12.3} ms  error  {}{} '{}': {}",
                    t.as_ms(),
                    e.client.map_or(String::new(), |c| format!("client {c} ")),
                    e.side,
                    e.step,
                    e.failure
                ),
            };
        }
        if let Some(o) = &self.observation {
            for n in &o.notes {
                let at = n.segment.map_or(String::new(), |i| format!(" #{i}"));
                let _ = writeln!(out, "# note{at} [{}]: {}", n.kind.key(), n.text);
            }
        }
        out
    }
}
