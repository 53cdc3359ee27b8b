//! The passive observer: from one connection's segments in capture order, each side's
//! RFC 9293 states with the simulator's [`State`] and [`Cause`] names, as a [`Trace`].
//!
//! A capture shows segments, not states. The observer applies the RFC's rules to what the
//! capture shows, and says how sure it is of each transition ([`Certainty`]):
//!
//! - a side's **own segment** shows its state when it sent it: a SYN puts it in SYN-SENT, a FIN
//!   in FIN-WAIT-1 or LAST-ACK (`Observed`);
//! - a segment **from the peer** changes a side's state only if it arrived. A segment that takes
//!   sequence space (SYN, FIN, data) is known to have arrived when the side later acknowledges
//!   it (`Inferred`); the copy that arrived is the last one sent before that acknowledgment, and
//!   earlier copies of the same bytes are reported probably lost. The side's acknowledgment also
//!   places the arrival in time: after the last segment the side sent without acknowledging it
//!   (so crossing FINs are a simultaneous close). A pure ACK or a RST is never acknowledged:
//!   its effect is `Assumed`, as is anything after the capture ends (a SYN retry limit).
//!
//! The capture point matters: a segment seen leaving a host may never arrive (the reference
//! captures were taken on the client side, where the client's lost segments still appear).
//! Nothing here assumes where the capture was taken.
//!
//! A capture that starts mid-connection starts both sides in ESTABLISHED (`initial` in the
//! [`Observation`]) without a transition; one that starts with the SYN-ACK starts the client in
//! SYN-SENT and the server in SYN-RECEIVED.

use std::fmt::Write as _;

use serde_json::{json, Value};

use crate::capture::{Capture, Connection, TcpPacket};
use crate::cause::{Cause, SendReason, TimerKind};
use crate::profile::Profile;
use crate::segment::{Segment, SynOptions, Timestamps};
use crate::state::{Dir, Side, Socket, State};
use crate::time::Instant;
use crate::trace::{
    ArrivalRecord, Fate, FateSource, SegmentRecord, Trace, TransitionRecord, Trigger,
};

/// How sure the observer is of a transition.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Certainty {
    /// The side's own segment in the capture shows it (it sent the SYN, the FIN, the RST).
    Observed,
    /// The segment that causes it is in the capture, and the side acknowledged it later.
    Inferred,
    /// It follows from the rules, but nothing the side sent later proves it: a pure ACK or a
    /// RST it never answers, or a timer that runs out after the capture ends.
    Assumed,
}

impl Certainty {
    /// `observed`, `inferred` or `assumed`.
    pub fn key(self) -> &'static str {
        match self {
            Certainty::Observed => "observed",
            Certainty::Inferred => "inferred",
            Certainty::Assumed => "assumed",
        }
    }
}

/// What the textbook ladder does not show, flagged on the observed trace.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NoteKind {
    /// The same sequence range was seen before in this direction.
    Retransmission,
    /// A later copy of the same bytes went out before any acknowledgment: this one probably
    /// never arrived (or arrived late).
    ProbablyLost,
    /// A pure ACK repeating the previous acknowledgment while data is outstanding.
    DuplicateAck,
    /// A pure ACK sent well after the data or FIN it acknowledges (RFC 1122 §4.2.3.2): the
    /// receiver waited for something to send it with.
    DelayedAck,
    /// A window of zero: the receiver's buffer is full.
    ZeroWindow,
    /// A reset.
    Rst,
    /// An ACK answering a SYN, SYN-ACK or RST on a synchronized connection (RFC 5961), or a
    /// re-ACK of a repeated segment.
    ChallengeAck,
    /// The close took three segments: the ACK of the first FIN rode on the second FIN.
    ThreeSegmentClose,
    /// The textbook close: FIN, ACK, FIN, ACK.
    FourSegmentClose,
    /// Both sides sent a SYN (simultaneous open) or crossing FINs (simultaneous close).
    Simultaneous,
    /// The capture starts after the handshake: the states before are unknown.
    MidConnection,
    /// A SYN that nobody answered.
    NoAnswer,
    /// The capture ends while a side is not CLOSED.
    StillOpen,
}

impl NoteKind {
    /// A stable key for JSON.
    pub fn key(self) -> &'static str {
        match self {
            NoteKind::Retransmission => "retransmission",
            NoteKind::ProbablyLost => "probably_lost",
            NoteKind::DuplicateAck => "duplicate_ack",
            NoteKind::DelayedAck => "delayed_ack",
            NoteKind::ZeroWindow => "zero_window",
            NoteKind::Rst => "rst",
            NoteKind::ChallengeAck => "challenge_ack",
            NoteKind::ThreeSegmentClose => "three_segment_close",
            NoteKind::FourSegmentClose => "four_segment_close",
            NoteKind::Simultaneous => "simultaneous",
            NoteKind::MidConnection => "mid_connection",
            NoteKind::NoAnswer => "no_answer",
            NoteKind::StillOpen => "still_open",
        }
    }
}

/// One flagged fact.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    /// The segment it is about (an index into [`Trace::segments`]), if any.
    pub segment: Option<usize>,
    /// The side it is about, if any.
    pub side: Option<Side>,
    /// What it is.
    pub kind: NoteKind,
    /// A short English sentence.
    pub text: String,
}

/// What a trace read from a capture adds to a simulated one.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Observation {
    /// The connection's index in the capture.
    pub connection: usize,
    /// The client's address and port.
    pub client: String,
    /// The server's address and port.
    pub server: String,
    /// Capture time of the first segment (the trace's zero), ns since the Unix epoch.
    pub start_epoch_ns: u64,
    /// The state each side (client, server) is taken to be in before the first segment, when
    /// the capture starts after the SYN; `None` when the capture shows the start.
    pub initial: [Option<State>; 2],
    /// Everything flagged, in segment order.
    pub notes: Vec<Note>,
}

impl Observation {
    /// As JSON.
    pub fn to_json(&self) -> Value {
        json!({
            "connection": self.connection,
            "client": self.client,
            "server": self.server,
            "start_epoch_ns": self.start_epoch_ns,
            "initial": {
                "client": self.initial[0].map(State::rfc_name),
                "server": self.initial[1].map(State::rfc_name),
            },
            "notes": self.notes.iter().map(|n| json!({
                "segment": n.segment,
                "side": n.side.map(Side::name),
                "kind": n.kind.key(),
                "text": n.text,
            })).collect::<Vec<_>>(),
        })
    }
}

/// `a >= b` in sequence space (RFC 9293 §3.4).
fn seq_ge(a: u32, b: u32) -> bool {
    (a.wrapping_sub(b) as i32) >= 0
}

/// A pure ACK held back less than this beyond a round trip is not called delayed: Linux's
/// shortest delayed-ACK timeout is 40 ms (TCP_DELACK_MIN), and scheduling adds a little.
const DELAYED_ACK_MIN_MS: f64 = 30.0;

/// The client's SYN to its ACK of the SYN-ACK, in ms (0 without a handshake): one round trip,
/// wherever on the path the capture was taken.
fn handshake_round_trip(b: &Builder) -> f64 {
    let n = b.pkts.len();
    let Some(syn) = (0..n).find(|&i| b.pkts[i].syn() && !b.pkts[i].ack_flag()) else {
        return 0.0;
    };
    let client = b.dirs[syn].sender();
    let Some(synack) = (syn..n).find(|&i| b.dirs[i].sender() != client && b.pkts[i].syn()) else {
        return 0.0;
    };
    (synack..n)
        .find(|&i| b.dirs[i].sender() == client && b.pkts[i].ack_flag())
        .map_or(0.0, |ack| (b.t(ack) - b.t(syn)).as_ms())
}

/// `a < b` in sequence space.
fn seq_lt(a: u32, b: u32) -> bool {
    !seq_ge(a, b)
}

#[derive(Clone, Copy, Debug, Default)]
struct Track {
    state: Option<State>,
    isn: Option<u32>,
    /// The sequence number after our FIN.
    fin_end: Option<u32>,
    /// When the connection entered its current state.
    since: Instant,
}

struct Builder<'a> {
    pkts: Vec<&'a TcpPacket>,
    dirs: Vec<Dir>,
    t0: u64,
    tracks: [Track; 2],
    trace: Trace,
    notes: Vec<Note>,
    /// For each segment, the next one each side (client, server) sent after it.
    next: Vec<[Option<usize>; 2]>,
}

impl Builder<'_> {
    fn t(&self, i: usize) -> Instant {
        Instant(self.pkts[i].ts_ns.saturating_sub(self.t0))
    }

    #[allow(clippy::too_many_arguments)]
    fn set(
        &mut self,
        side: Side,
        socket: Socket,
        to: State,
        cause: Cause,
        certainty: Certainty,
        t: Instant,
        trigger: Trigger,
    ) {
        let tr = &mut self.tracks[side.index()];
        let from = tr.state.unwrap_or(State::Closed);
        if socket == Socket::Connection {
            tr.state = Some(to);
            tr.since = t;
        }
        self.trace.transitions.push(TransitionRecord {
            t,
            side,
            socket,
            from,
            to,
            cause,
            trigger,
            certainty: Some(certainty),
            conn: None,
        });
    }

    fn note(&mut self, segment: Option<usize>, side: Option<Side>, kind: NoteKind, text: String) {
        if kind == NoteKind::ChallengeAck {
            if let (Some(i), Some(side)) = (segment, side) {
                if let Some(k) = self.next_from(side, i) {
                    if let Some(rec) = self.trace.segments.get_mut(k) {
                        rec.reason = SendReason::ChallengeAck;
                    }
                }
            }
        }
        self.notes.push(Note {
            segment,
            side,
            kind,
            text,
        });
    }

    /// The first segment after `i` that `side` sent.
    fn next_from(&self, side: Side, i: usize) -> Option<usize> {
        self.next.get(i).and_then(|n| n[side.index()])
    }

    fn own_send(&mut self, side: Side, i: usize) {
        let p = self.pkts[i];
        let t = self.t(i);
        let trig = Trigger::App(0);
        let st = self.tracks[side.index()].state;
        if p.syn() && !p.ack_flag() {
            if matches!(st, None | Some(State::Closed)) {
                self.tracks[side.index()].isn = Some(p.seq);
                self.set(
                    side,
                    Socket::Connection,
                    State::SynSent,
                    Cause::AppConnect,
                    Certainty::Observed,
                    t,
                    trig,
                );
            }
        } else if p.rst() {
            match st {
                Some(State::SynSent) => self.set(
                    side,
                    Socket::Connection,
                    State::Closed,
                    Cause::AppCloseUnconnected,
                    Certainty::Observed,
                    t,
                    trig,
                ),
                Some(s)
                    if s == State::SynReceived || (s.is_synchronized() && s != State::TimeWait) =>
                {
                    self.set(
                        side,
                        Socket::Connection,
                        State::Closed,
                        Cause::AppAbort,
                        Certainty::Observed,
                        t,
                        trig,
                    )
                }
                _ => {}
            }
        } else if p.fin() {
            let to = match st {
                Some(State::Established | State::SynReceived) => Some(State::FinWait1),
                Some(State::CloseWait) => Some(State::LastAck),
                _ => None,
            };
            let end = p.end_seq();
            let tr = &mut self.tracks[side.index()];
            if tr.fin_end.is_none_or(|e| seq_lt(e, end)) {
                tr.fin_end = Some(end);
            }
            if let Some(to) = to {
                self.set(
                    side,
                    Socket::Connection,
                    to,
                    Cause::AppCloseSendFin,
                    Certainty::Observed,
                    t,
                    trig,
                );
            }
        }
    }

    fn deliver(&mut self, side: Side, i: usize, t: Instant, c: Certainty, evidence: Option<usize>) {
        let p = self.pkts[i];
        let before = self.tracks[side.index()].state.unwrap_or(State::Closed);
        self.trace.arrivals.push(ArrivalRecord {
            t,
            segment: i,
            receiver_state: before,
        });
        let trig = Trigger::Segment(i);
        let isn = self.tracks[side.index()].isn;
        let acks_syn = p.ack_flag() && isn.is_some_and(|s| seq_ge(p.ack, s.wrapping_add(1)));
        let answer = self.next_from(side, i).map(|k| self.pkts[k]);
        let answered_by_ack =
            answer.is_some_and(|a| a.ack_flag() && !a.syn() && !a.rst() && a.len == 0);
        // The side answers with a RST carrying the segment's ACK number as its sequence number:
        // it has no connection any more (RFC 9293 §3.10.7.1), so it must have ended out of sight.
        let answer_k = self.next_from(side, i);
        let answers_this =
            answer_k.is_some_and(|k| self.next_from(side.peer(), i).is_none_or(|m| m > k));
        let gone = !p.rst()
            && p.ack_flag()
            && answers_this
            && answer.is_some_and(|a| a.rst() && !a.ack_flag() && a.seq == p.ack);
        if gone {
            if let Some(s) = self.tracks[side.index()]
                .state
                .filter(|s| s.is_synchronized() && *s != State::TimeWait)
            {
                let (cause, at) = if s == State::FinWait2 {
                    let since = self.tracks[side.index()].since;
                    let limit = Profile::linux().fin_wait_2_timeout.unwrap_or_default();
                    (Cause::FinWait2Timeout, (since + limit).min(t))
                } else {
                    (Cause::HostCrash, t)
                };
                self.note(Some(i), Some(side), NoteKind::Rst, format!("the {side} answers with a RST: its connection ended unseen, {s} -> CLOSED assumed"));
                self.set(
                    side,
                    Socket::Connection,
                    State::Closed,
                    cause,
                    Certainty::Assumed,
                    at,
                    trig,
                );
                return;
            }
        }
        if p.rst() {
            match before {
                State::SynSent
                    if p.ack_flag() && isn.is_some_and(|s| p.ack == s.wrapping_add(1)) =>
                {
                    self.set(
                        side,
                        Socket::Connection,
                        State::Closed,
                        Cause::RecvRstRefused,
                        c,
                        t,
                        trig,
                    )
                }
                State::SynReceived => self.set(
                    side,
                    Socket::Connection,
                    State::Closed,
                    Cause::RecvRstBackToListen,
                    c,
                    t,
                    trig,
                ),
                State::TimeWait => self.set(
                    side,
                    Socket::Connection,
                    State::Closed,
                    Cause::RecvRstInTimeWait,
                    c,
                    t,
                    trig,
                ),
                s if s.is_synchronized() => {
                    // RFC 5961: a RST not exactly at RCV.NXT draws a challenge ACK instead. We see
                    // which by what the side does next.
                    if answer.is_some_and(|a| !a.rst()) {
                        self.note(Some(i), Some(side), NoteKind::ChallengeAck, format!("the {side} kept the connection after this RST (challenge ACK or out of window)"));
                    } else {
                        self.set(
                            side,
                            Socket::Connection,
                            State::Closed,
                            Cause::RecvRst,
                            c,
                            t,
                            trig,
                        )
                    }
                }
                _ => {}
            }
            return;
        }
        if p.syn() {
            if !p.ack_flag() {
                match self.tracks[side.index()].state {
                    None | Some(State::Closed) => {
                        let ev = evidence.map(|k| self.pkts[k]);
                        if ev.is_some_and(|e| e.syn() && e.ack_flag() && !e.rst()) {
                            self.set(
                                side,
                                Socket::Listener,
                                State::Listen,
                                Cause::AppListen,
                                Certainty::Inferred,
                                t,
                                trig,
                            );
                            self.tracks[side.index()].state = Some(State::Listen);
                            self.set(
                                side,
                                Socket::Connection,
                                State::SynReceived,
                                Cause::RecvSyn,
                                c,
                                t,
                                trig,
                            );
                        } else if ev.is_some_and(|e| e.rst()) {
                            self.note(
                                Some(i),
                                Some(side),
                                NoteKind::Rst,
                                format!(
                                    "nobody listens at the {side}: the SYN is refused with a RST"
                                ),
                            );
                        } else {
                            self.note(
                                Some(i),
                                Some(side),
                                NoteKind::NoAnswer,
                                format!("the {side} never answers this SYN in the capture"),
                            );
                        }
                    }
                    Some(State::SynSent) => {
                        self.note(
                            Some(i),
                            None,
                            NoteKind::Simultaneous,
                            "both sides sent a SYN: simultaneous open".into(),
                        );
                        self.set(
                            side,
                            Socket::Connection,
                            State::SynReceived,
                            Cause::RecvSynSimultaneous,
                            c,
                            t,
                            trig,
                        )
                    }
                    Some(s) if s.is_synchronized() && answered_by_ack => {
                        self.note(Some(i), Some(side), NoteKind::ChallengeAck, format!("a SYN in {s}: the {side} answers with an ACK (RFC 5961 challenge ACK)"));
                    }
                    _ => {}
                }
            } else {
                match before {
                    State::SynSent if acks_syn => self.set(
                        side,
                        Socket::Connection,
                        State::Established,
                        Cause::RecvSynAck,
                        c,
                        t,
                        trig,
                    ),
                    State::SynReceived if acks_syn => self.set(
                        side,
                        Socket::Connection,
                        State::Established,
                        Cause::RecvAckOfSyn,
                        c,
                        t,
                        trig,
                    ),
                    s if s.is_synchronized() && answered_by_ack => {
                        self.note(
                            Some(i),
                            Some(side),
                            NoteKind::ChallengeAck,
                            format!("a SYN-ACK in {s}: the {side} answers with an ACK"),
                        );
                    }
                    _ => {}
                }
            }
            return;
        }
        if p.ack_flag() {
            let fin_end = self.tracks[side.index()].fin_end;
            let acks_fin = fin_end.is_some_and(|e| seq_ge(p.ack, e));
            match self.tracks[side.index()].state {
                Some(State::SynReceived) if acks_syn => {
                    self.set(
                        side,
                        Socket::Connection,
                        State::Established,
                        Cause::RecvAckOfSyn,
                        c,
                        t,
                        trig,
                    );
                    if acks_fin {
                        self.set(
                            side,
                            Socket::Connection,
                            State::FinWait2,
                            Cause::RecvAckOfFin,
                            c,
                            t,
                            trig,
                        );
                    }
                }
                Some(State::FinWait1) if acks_fin => self.set(
                    side,
                    Socket::Connection,
                    State::FinWait2,
                    Cause::RecvAckOfFin,
                    c,
                    t,
                    trig,
                ),
                Some(State::Closing) if acks_fin => self.set(
                    side,
                    Socket::Connection,
                    State::TimeWait,
                    Cause::RecvFinalAck,
                    c,
                    t,
                    trig,
                ),
                Some(State::LastAck) if acks_fin => self.set(
                    side,
                    Socket::Connection,
                    State::Closed,
                    Cause::RecvFinalAck,
                    c,
                    t,
                    trig,
                ),
                _ => {}
            }
        }
        if p.fin() {
            match self.tracks[side.index()].state {
                Some(State::Established | State::SynReceived) => self.set(
                    side,
                    Socket::Connection,
                    State::CloseWait,
                    Cause::RecvFin,
                    c,
                    t,
                    trig,
                ),
                Some(State::FinWait1) => {
                    self.note(
                        Some(i),
                        None,
                        NoteKind::Simultaneous,
                        "the FINs crossed: simultaneous close".into(),
                    );
                    self.set(
                        side,
                        Socket::Connection,
                        State::Closing,
                        Cause::RecvFinSimultaneous,
                        c,
                        t,
                        trig,
                    )
                }
                Some(State::FinWait2) => self.set(
                    side,
                    Socket::Connection,
                    State::TimeWait,
                    Cause::RecvFinAfterOurs,
                    c,
                    t,
                    trig,
                ),
                Some(State::TimeWait) if answered_by_ack => {
                    self.note(
                        Some(i),
                        Some(side),
                        NoteKind::ChallengeAck,
                        format!("a repeated FIN in TIME-WAIT: the {side} ACKs it again"),
                    );
                }
                _ => {}
            }
        }
    }
}

/// How many segments ahead the observer looks for the acknowledgment or a later copy of a
/// segment; beyond that, an unacknowledged segment's arrival is assumed.
pub const LOOKAHEAD: usize = 4096;

/// An arrival: its time, how sure, and the receiver's segment that acknowledged it.
type Arrival = (Instant, Certainty, Option<usize>);

/// Reconstructs both sides' states for one connection of a capture.
// Several per-segment tables are indexed together.
#[allow(clippy::needless_range_loop)]
pub fn observe(cap: &Capture, conn: &Connection) -> Trace {
    let pkts: Vec<&TcpPacket> = conn
        .packets
        .iter()
        .filter_map(|&i| cap.packets.get(i))
        .collect();
    let n = pkts.len();
    let dirs: Vec<Dir> = pkts
        .iter()
        .map(|p| {
            if p.src == conn.client.addr && p.src_port == conn.client.port {
                Dir::C2S
            } else {
                Dir::S2C
            }
        })
        .collect();
    let t0 = pkts.iter().map(|p| p.ts_ns).min().unwrap_or(0);
    let mut next = vec![[None; 2]; n];
    let mut after: [Option<usize>; 2] = [None; 2];
    for k in (0..n).rev() {
        next[k] = after;
        after[dirs[k].sender().index()] = Some(k);
    }
    let mut b = Builder {
        next,
        pkts,
        dirs,
        t0,
        tracks: [Track::default(); 2],
        trace: Trace::default(),
        notes: Vec::new(),
    };

    // Each side's base for relative numbers: its ISN, else (a capture that starts later) one
    // before its first sequence number, like Wireshark; none for a side that only sent RSTs.
    let mut base: [Option<u32>; 2] = [None; 2];
    for side in Side::BOTH {
        let mine = || {
            (0..n)
                .filter(|&i| b.dirs[i].sender() == side)
                .map(|i| b.pkts[i])
        };
        base[side.index()] = mine()
            .find(|p| p.syn())
            .map(|p| p.seq)
            .or_else(|| mine().find(|p| !p.rst()).map(|p| p.seq.wrapping_sub(1)));
        b.tracks[side.index()].isn = mine().find(|p| p.syn()).map(|p| p.seq);
    }
    let mut initial = [None; 2];
    match b.pkts.first() {
        Some(p) if p.syn() && p.ack_flag() => {
            initial = [Some(State::SynSent), Some(State::SynReceived)];
        }
        Some(p) if !p.syn() => initial = [Some(State::Established); 2],
        _ => {}
    }
    if initial[0].is_some() {
        b.note(
            Some(0),
            None,
            NoteKind::MidConnection,
            "the capture starts after the SYN: earlier states are not shown".into(),
        );
    }
    for side in Side::BOTH {
        b.tracks[side.index()].state = initial[side.index()];
    }

    // Which copy of each segment arrived, when, and how sure we are.
    let covers = |b: &Builder, k: usize, dir: Dir, end: u32| {
        let q = b.pkts[k];
        b.dirs[k] == dir && q.seg_len() > 0 && seq_lt(q.seq, end) && seq_ge(q.end_seq(), end)
    };
    // A SYN-ACK does not replace an earlier bare SYN: in a simultaneous open both arrive.
    let supersedes = |b: &Builder, k: usize, i: usize, end: u32| {
        let (p, q) = (b.pkts[i], b.pkts[k]);
        covers(b, k, b.dirs[i], end) && (!p.syn() || p.ack_flag() == q.ack_flag())
    };
    // (position, sub-order, time, segment, certainty, evidence)
    let mut deliveries: Vec<(usize, Instant, usize, Certainty, Option<usize>)> = Vec::new();
    let mut fate = vec![Fate::Delivered; n];
    for i in 0..n {
        let p = b.pkts[i];
        let dir = b.dirs[i];
        let receiver = dir.receiver();
        if p.seg_len() == 0 {
            deliveries.push((i, b.t(i), i, Certainty::Assumed, None));
            continue;
        }
        let end = p.end_seq();
        // Looking ahead at most LOOKAHEAD segments keeps a long one-way capture linear.
        let horizon = n.min(i + 1 + LOOKAHEAD);
        // Walk one side's segments only, through the `next` table.
        let bref = &b;
        let walk = |side: Side| {
            std::iter::successors(bref.next_from(side, i), move |&k| bref.next_from(side, k))
                .take_while(move |&k| k < horizon)
        };
        let j = walk(receiver).find(|&k| {
            let q = b.pkts[k];
            q.ack_flag() && seq_ge(q.ack, end)
        });
        let stop = j.unwrap_or(horizon);
        if walk(dir.sender())
            .take_while(|&k| k < stop)
            .any(|k| supersedes(&b, k, i, end))
        {
            fate[i] = Fate::Lost;
            continue;
        }
        match j {
            Some(j) => {
                // After the last segment the receiver sent without acknowledging it.
                let q = (i + 1..j).rev().find(|&k| b.dirs[k].sender() == receiver);
                let pos = q.map_or(i, |q| q.max(i));
                deliveries.push((pos, b.t(pos), i, Certainty::Inferred, Some(j)));
            }
            None => deliveries.push((i, b.t(i), i, Certainty::Assumed, None)),
        }
    }
    deliveries.sort_by_key(|d| (d.0, d.2));

    // Segment records.
    let mut highest: [Option<u32>; 2] = [None; 2];
    let mut arrive: Vec<Option<Instant>> = vec![None; n];
    for d in &deliveries {
        arrive[d.2] = Some(d.1);
    }
    for i in 0..n {
        let p = b.pkts[i];
        let dir = b.dirs[i];
        let end = p.end_seq();
        let retx = p.seg_len() > 0 && highest[dir.index()].is_some_and(|h| seq_ge(h, end));
        if highest[dir.index()].is_none_or(|h| seq_lt(h, end)) {
            highest[dir.index()] = Some(end);
        }
        let flags = p.sim_flags();
        let segment = Segment {
            seq: p.seq,
            ack: p.ack,
            flags,
            len: p.len,
            window: p.window,
            syn_options: p.syn().then_some(SynOptions {
                mss: p.options.mss,
                window_scale: p.options.window_scale,
                sack_permitted: p.options.sack_permitted,
            }),
            timestamps: p
                .options
                .timestamps
                .map(|(val, ecr)| Timestamps { val, ecr }),
        };
        let reason = if p.rst() {
            if base[dir.sender().index()].is_none() {
                SendReason::RstNoListener
            } else {
                SendReason::RstAbort
            }
        } else if p.syn() && p.ack_flag() {
            if retx {
                SendReason::SynAckRetransmit
            } else {
                SendReason::SynAck
            }
        } else if p.syn() {
            if retx {
                SendReason::SynRetransmit
            } else {
                SendReason::Syn
            }
        } else if p.fin() {
            if retx {
                SendReason::FinRetransmit
            } else {
                SendReason::Fin
            }
        } else if p.len > 0 {
            if retx {
                SendReason::DataRetransmit
            } else {
                SendReason::Data
            }
        } else {
            SendReason::AckNow
        };
        if retx {
            b.note(
                Some(i),
                Some(dir.sender()),
                NoteKind::Retransmission,
                format!("{} {flags}: a retransmission", dir.sender()),
            );
        }
        if fate[i] == Fate::Lost {
            b.note(
                Some(i),
                Some(dir.sender()),
                NoteKind::ProbablyLost,
                "sent again before any acknowledgment: probably lost".into(),
            );
        }
        if p.window == 0 && !p.rst() {
            b.note(
                Some(i),
                Some(dir.sender()),
                NoteKind::ZeroWindow,
                format!("the {} advertises a zero window", dir.sender()),
            );
        }
        if p.rst() {
            b.note(
                Some(i),
                Some(dir.sender()),
                NoteKind::Rst,
                format!("the {} resets the connection", dir.sender()),
            );
        }
        let rel = |v: u32, s: Side| base[s.index()].map(|bs| i64::from(v.wrapping_sub(bs)));
        b.trace.segments.push(SegmentRecord {
            id: i,
            dir,
            sent: b.t(i),
            segment,
            seq_rel: rel(p.seq, dir.sender()),
            ack_rel: if p.ack_flag() {
                rel(p.ack, dir.receiver())
            } else {
                None
            },
            reason,
            fate: fate[i],
            fate_source: FateSource::Link,
            arrive: arrive[i],
            duplicate_arrive: None,
            retransmission: retx,
            injected: false,
            trigger: None,
            in_reply_to: None,
            conn: None,
        });
    }
    // Duplicate ACKs: a pure ACK repeating the sender's previous one while the peer has
    // sent beyond it.
    for side in Side::BOTH {
        let mut last: Option<(u32, u16)> = None;
        for i in 0..n {
            let p = b.pkts[i];
            if b.dirs[i].sender() != side || !p.ack_flag() {
                continue;
            }
            let pure = p.len == 0 && !p.syn() && !p.fin() && !p.rst();
            let outstanding = highest[side.peer().dir().index()].is_some_and(|h| seq_lt(p.ack, h));
            let challenge = b.trace.segments[i].reason == SendReason::ChallengeAck;
            if pure && outstanding && !challenge && last == Some((p.ack, p.window)) {
                b.note(
                    Some(i),
                    Some(side),
                    NoteKind::DuplicateAck,
                    format!("the {side} repeats its ACK: a duplicate ACK"),
                );
                b.trace.segments[i].reason = SendReason::AckDuplicate;
            }
            last = Some((p.ack, p.window));
        }
    }

    // Delayed ACKs: a pure ACK of the peer's data or FIN that the side held back, sending
    // nothing in between, longer than a round trip plus DELAYED_ACK_MIN_MS (so a capture
    // taken at the data's sender, which sees every ACK a round trip late, does not flag
    // prompt ones).
    let round_trip = handshake_round_trip(&b);
    for i in 0..n {
        let p = b.pkts[i];
        let pure = p.ack_flag() && p.len == 0 && !p.syn() && !p.fin() && !p.rst();
        let reason = b.trace.segments[i].reason;
        if !pure || reason == SendReason::AckDuplicate || reason == SendReason::ChallengeAck {
            continue;
        }
        let side = b.dirs[i].sender();
        let Some(j) = (0..i)
            .rev()
            .find(|&j| b.dirs[j].sender() == side || b.pkts[j].seg_len() > 0)
        else {
            continue;
        };
        let covered = b.dirs[j].sender() == side.peer() && seq_ge(p.ack, b.pkts[j].end_seq());
        let held = (b.t(i) - b.t(j)).as_ms() - round_trip;
        if covered && held >= DELAYED_ACK_MIN_MS {
            b.note(
                Some(i),
                Some(side),
                NoteKind::DelayedAck,
                format!(
                    "the {side} acknowledges after {} ms: a delayed ACK",
                    crate::time::trimmed(held, 0)
                ),
            );
            b.trace.segments[i].reason = SendReason::AckDelayed;
        }
    }

    // Run both sides: own segments at their time, arrivals where the acknowledgments put them.
    let mut events: Vec<(usize, u8, usize, Option<Arrival>)> = Vec::new();
    for i in 0..n {
        events.push((i, 0, i, None));
    }
    for d in &deliveries {
        events.push((d.0, 1, d.2, Some((d.1, d.3, d.4))));
    }
    events.sort_by_key(|e| (e.0, e.1, e.2));
    for (_, _, i, d) in events {
        let sender = b.dirs[i].sender();
        match d {
            None => b.own_send(sender, i),
            Some((t, c, ev)) => b.deliver(sender.peer(), i, t, c, ev),
        }
    }

    // A pure ACK's effect is confirmed when the side then acts in its new state.
    for k in 0..b.trace.transitions.len() {
        let tr = b.trace.transitions[k];
        if tr.certainty == Some(Certainty::Assumed) && tr.to == State::Established {
            if let Trigger::Segment(i) = tr.trigger {
                if (i + 1..n).any(|j| b.dirs[j].sender() == tr.side && !b.pkts[j].syn()) {
                    b.trace.transitions[k].certainty = Some(Certainty::Inferred);
                }
            }
        }
    }

    // The close: three segments or four.
    let fins: Vec<usize> = (0..n)
        .filter(|&i| b.pkts[i].fin() && !b.trace.segments[i].retransmission)
        .collect();
    if let [first, second, ..] = fins[..] {
        if b.dirs[first] != b.dirs[second] {
            let fin_end = b.pkts[first].end_seq();
            let separate = (first + 1..second).any(|k| {
                b.dirs[k] == b.dirs[second]
                    && b.pkts[k].ack_flag()
                    && seq_ge(b.pkts[k].ack, fin_end)
            });
            if separate {
                b.note(
                    Some(second),
                    None,
                    NoteKind::FourSegmentClose,
                    "four-segment close: the first FIN was acknowledged on its own".into(),
                );
            } else if b.pkts[second].ack_flag() && seq_ge(b.pkts[second].ack, fin_end) {
                b.note(
                    Some(second),
                    None,
                    NoteKind::ThreeSegmentClose,
                    "three-segment close: the ACK of the first FIN rides on the second FIN".into(),
                );
            }
        }
    }

    // After the capture: a SYN nobody answered was given up when the retry limit ran out.
    let end = b
        .pkts
        .last()
        .map_or(Instant::ZERO, |p| Instant(p.ts_ns.saturating_sub(t0)));
    let mut trace_end = end;
    for side in Side::BOTH {
        let st = b.tracks[side.index()].state;
        if st == Some(State::SynSent) {
            let syns: Vec<usize> = (0..n)
                .filter(|&i| b.dirs[i].sender() == side && b.pkts[i].syn())
                .collect();
            let retx = syns.len().saturating_sub(1);
            let gave_up = [Profile::linux(), Profile::rfc()]
                .into_iter()
                .find_map(|pr| {
                    let (sched, give_up) = pr.syn_schedule();
                    (retx >= sched.len() && !sched.is_empty()).then_some(give_up)
                });
            if let (Some(g), Some(&first)) = (gave_up, syns.first()) {
                let t = b.t(first) + g;
                trace_end = trace_end.max(t);
                b.set(
                    side,
                    Socket::Connection,
                    State::Closed,
                    Cause::RetransmitLimit,
                    Certainty::Assumed,
                    t,
                    Trigger::Timer(TimerKind::RetransmitSyn),
                );
                continue;
            }
        }
        if st == Some(State::TimeWait) {
            // TIME-WAIT always ends; how long it lasts depends on the host (Linux: a fixed 60 s,
            // RFC 9293: 2 MSL). Linux's, assumed.
            let t = b.tracks[side.index()].since + Profile::linux().time_wait;
            trace_end = trace_end.max(t);
            b.note(None, Some(side), NoteKind::StillOpen, format!("the {side} is in TIME-WAIT when the capture ends; its end is assumed after Linux's 60 s"));
            b.set(
                side,
                Socket::Connection,
                State::Closed,
                Cause::TimeWaitExpired,
                Certainty::Assumed,
                t,
                Trigger::Timer(TimerKind::TimeWait),
            );
            continue;
        }
        if let Some(s) = b.tracks[side.index()].state.filter(|s| *s != State::Closed) {
            b.note(
                None,
                Some(side),
                NoteKind::StillOpen,
                format!("the {side} is still in {s} when the capture ends"),
            );
        }
    }

    b.notes.sort_by_key(|n| n.segment.unwrap_or(usize::MAX));
    let mut trace = b.trace;
    trace.isn = [b.tracks[0].isn, b.tracks[1].isn];
    trace.end = trace_end;
    trace.observation = Some(Observation {
        connection: conn.index,
        client: conn.client.to_string(),
        server: conn.server.to_string(),
        start_epoch_ns: t0,
        initial,
        notes: b.notes,
    });
    trace
}

/// The capture's connections as a text table, for `tcp-sim replay FILE`.
pub fn connections_text(cap: &Capture, conns: &[Connection]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# {} frames, {} TCP segments, {} skipped, {} connections{}",
        cap.frames,
        cap.packets.len(),
        cap.skipped.len(),
        conns.len(),
        cap.error
            .as_ref()
            .map_or(String::new(), |e| format!("; stopped early: {e}"))
    );
    for c in conns {
        let _ = writeln!(out, "{}", c.summary());
    }
    out
}

#[cfg(test)]
mod tests;
