//! One TCP endpoint: the RFC 9293 state machine, sans-IO.
//!
//! Input comes in through [`Endpoint::handle_segment`], [`Endpoint::handle_timeout`]
//! and the application calls ([`Endpoint::connect`], [`Endpoint::send`], ...).
//! Output leaves through [`Endpoint::poll_output`] (segments to put on the
//! wire) and [`Endpoint::poll_event`] (transitions, timers, errors). The
//! endpoint never reads a clock: `now` is always passed in.
//!
//! Every state change goes through `Endpoint::set_state`, which records the
//! transition with its cause. That is where a newcomer should look first.

use std::collections::VecDeque;

use crate::cause::{Cause, SendReason, TimerKind};
use crate::profile::{AckPolicy, ListenModel, Profile, Retransmitted};
use crate::rng::Rng;
use crate::segment::{Flags, Segment, Timestamps};
use crate::seq;
use crate::state::{Side, Socket, State};
use crate::time::{Duration, Instant};

/// An error the application sees.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ConnError {
    /// RST in answer to our SYN: nobody listens on that port.
    Refused,
    /// The connection was reset by the peer (or by us, on abort).
    Reset,
    /// Retransmissions reached their limit.
    TimedOut,
    /// The operation needs a connection, and there is none.
    NotConnected,
    /// The application already closed its sending side.
    AlreadyClosed,
    /// No local port is free for `connect()`: each four-tuple is still taken, many by
    /// connections in TIME-WAIT (`EADDRNOTAVAIL`).
    AddrNotAvailable,
}

impl ConnError {
    /// A stable key, used for `errors` in JSON traces.
    pub fn key(self) -> &'static str {
        match self {
            ConnError::Refused => "connection_refused",
            ConnError::Reset => "connection_reset",
            ConnError::TimedOut => "connection_timed_out",
            ConnError::NotConnected => "not_connected",
            ConnError::AlreadyClosed => "already_closed",
            ConnError::AddrNotAvailable => "address_not_available",
        }
    }
}

impl std::fmt::Display for ConnError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ConnError::Refused => "connection refused",
            ConnError::Reset => "connection reset",
            ConnError::TimedOut => "connection timed out",
            ConnError::NotConnected => "not connected",
            ConnError::AlreadyClosed => "sending side already closed",
            ConnError::AddrNotAvailable => "no local port available",
        })
    }
}

/// What happened inside the endpoint, for the trace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EndpointEvent {
    /// The state changed, and why; emitted by the one `set_state` every transition passes through.
    Transition {
        /// The state before.
        from: State,
        /// The state after.
        to: State,
        /// Why the endpoint moved.
        cause: Cause,
        /// Which socket moved: the listener or the connection.
        socket: Socket,
    },
    /// A timer was armed (`deadline` is `Some`) or stopped (`None`).
    Timer {
        /// Which timer.
        kind: TimerKind,
        /// When it will fire, or `None` when it was stopped.
        deadline: Option<Instant>,
    },
    /// A timer expired and its action ran.
    TimerFired {
        /// Which timer.
        kind: TimerKind,
    },
    /// The connection ended with an error the application will see.
    Error(ConnError),
    /// Bytes delivered in order to the receive buffer.
    Delivered {
        /// How many bytes became readable.
        bytes: u64,
    },
}

/// A segment the endpoint wants sent, and why.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Output {
    /// The segment to put on the wire.
    pub segment: Segment,
    /// Why the endpoint sends it.
    pub reason: SendReason,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum AckNeed {
    None,
    Delayed,
    Now(SendReason),
}

/// One endpoint of the connection.
#[derive(Clone, Debug)]
pub struct Endpoint {
    side: Side,
    profile: Profile,
    state: State,
    /// This connection came from LISTEN, so a reset of a half-open connection returns there.
    passive: bool,
    /// Some connection has existed here, so a stray segment is for "a connection that no longer exists".
    had_connection: bool,
    isn_rng: Rng,
    /// The ISN the next connection must use, when someone else chose it (a clock-based ISN, a
    /// SYN cookie, the successor of a TIME-WAIT connection).
    next_isn: Option<u32>,

    // Send sequence space (RFC 9293 §3.3.1).
    iss: u32,
    snd_una: u32,
    snd_nxt: u32,
    /// Highest sequence number sent so far (snd_nxt never moves back here).
    snd_max: u32,
    /// Sequence number just past the last byte the application queued.
    queued_end: u32,
    fin_requested: bool,
    /// The sequence number our FIN occupies, once queued behind all data.
    fin_seq: Option<u32>,
    peer_window: u32,
    peer_wscale: u8,
    our_wscale: u8,
    mss: u32,
    dup_acks: u32,
    /// NewReno-style recovery point: retransmit each hole at once until snd_una passes it.
    recover: Option<u32>,

    // Receive sequence space.
    irs: u32,
    rcv_nxt: u32,
    /// Out-of-order data held for later, as `[start, end)` ranges.
    out_of_order: Vec<(u32, u32)>,
    /// A FIN that arrived ahead of a hole, by its sequence number.
    held_fin: Option<u32>,
    fin_received: bool,
    readable: u64,
    delivered_total: u64,

    // Timers.
    rtx: Option<(Instant, TimerKind)>,
    delack: Option<Instant>,
    time_wait: Option<Instant>,
    fin_wait_2: Option<Instant>,
    keepalive: Option<Instant>,
    /// When the last segment arrived on this connection: keepalive measures idleness from here
    /// (Linux `keepalive_time_elapsed`, from `rcv_tstamp`).
    last_rcv: Instant,
    /// Keepalive probes sent since the peer was last heard from (Linux `icsk_probes_out`).
    probes_out: u32,
    rto: Duration,
    retries: u32,
    syn_timeouts: u32,
    /// When each unacknowledged range `[.., end)` of data or FIN was first sent, oldest first:
    /// Linux measures its data retry budget from the head's first transmission (`retrans_stamp`).
    first_sent: VecDeque<(u32, Instant)>,

    // RTT estimation (RFC 6298).
    srtt: Option<Duration>,
    rttvar: Duration,
    /// Karn's rule: one timed segment `(end_seq, sent_at)`, cleared on retransmission.
    rtt_probe: Option<(u32, Instant)>,

    // Timestamps (RFC 7323).
    ts_offset: u32,
    ts_recent: Option<u32>,
    last_ack_sent: u32,
    peer_uses_ts: bool,

    // Delayed ACK (Linux model).
    quick_acks_left: u32,
    pingpong: bool,
    last_data_rcv: Option<Instant>,
    unacked_rcv_bytes: u32,
    ack_need: AckNeed,

    app_closed: bool,
    error: Option<ConnError>,

    out: VecDeque<Output>,
    events: VecDeque<EndpointEvent>,
}

impl Endpoint {
    /// A new endpoint in CLOSED. `isn_seed` seeds its initial sequence numbers.
    pub fn new(side: Side, profile: Profile, isn_seed: u64) -> Endpoint {
        let mut isn_rng = Rng::new(isn_seed ^ (side.index() as u64 + 1).wrapping_mul(0x1F3D_5B79));
        let ts_offset = isn_rng.next_u32();
        Endpoint {
            side,
            profile,
            state: State::Closed,
            passive: false,
            had_connection: false,
            isn_rng,
            next_isn: None,
            iss: 0,
            snd_una: 0,
            snd_nxt: 0,
            snd_max: 0,
            queued_end: 0,
            fin_requested: false,
            fin_seq: None,
            peer_window: 65535,
            peer_wscale: 0,
            our_wscale: 0,
            mss: 536,
            dup_acks: 0,
            recover: None,
            irs: 0,
            rcv_nxt: 0,
            out_of_order: Vec::new(),
            held_fin: None,
            fin_received: false,
            readable: 0,
            delivered_total: 0,
            rtx: None,
            delack: None,
            time_wait: None,
            fin_wait_2: None,
            keepalive: None,
            last_rcv: Instant::ZERO,
            probes_out: 0,
            rto: profile.initial_rto,
            retries: 0,
            syn_timeouts: 0,
            first_sent: VecDeque::new(),
            srtt: None,
            rttvar: Duration::ZERO,
            rtt_probe: None,
            ts_offset,
            ts_recent: None,
            last_ack_sent: 0,
            peer_uses_ts: false,
            quick_acks_left: 0,
            pingpong: false,
            last_data_rcv: None,
            unacked_rcv_bytes: 0,
            ack_need: AckNeed::None,
            app_closed: false,
            error: None,
            out: VecDeque::new(),
            events: VecDeque::new(),
        }
    }

    // ----- observers -------------------------------------------------------

    /// Which end of the connection this is.
    pub fn side(&self) -> Side {
        self.side
    }
    /// The current RFC 9293 state.
    pub fn state(&self) -> State {
        self.state
    }
    /// The parameters this endpoint follows.
    pub fn profile(&self) -> &Profile {
        &self.profile
    }
    /// The ISN of the current (or last) connection, if one was chosen.
    pub fn iss(&self) -> Option<u32> {
        self.had_connection.then_some(self.iss)
    }
    /// SND.UNA: the oldest sequence number not yet acknowledged (RFC 9293 §3.3.1).
    pub fn snd_una(&self) -> u32 {
        self.snd_una
    }
    /// SND.NXT: the sequence number the next new segment will use (RFC 9293 §3.3.1).
    pub fn snd_nxt(&self) -> u32 {
        self.snd_nxt
    }
    /// RCV.NXT: the next sequence number expected from the peer, i.e. what we acknowledge
    /// (RFC 9293 §3.3.1).
    pub fn rcv_nxt(&self) -> u32 {
        self.rcv_nxt
    }
    /// Bytes delivered in order and not yet read by the application.
    pub fn readable(&self) -> u64 {
        self.readable
    }
    /// All bytes ever delivered in order to the application.
    pub fn delivered_total(&self) -> u64 {
        self.delivered_total
    }
    /// The peer's FIN has arrived in order: after the readable bytes comes end-of-file.
    pub fn eof(&self) -> bool {
        self.fin_received
    }
    /// The error that ended the last connection, if any; cleared by `listen` and `connect`.
    pub fn error(&self) -> Option<ConnError> {
        self.error
    }
    /// How an opening connection stands, as a blocked `connect()` or `accept()` sees it:
    /// established, failed (with its error), or `None` while the handshake goes on.
    pub fn handshake_outcome(&self) -> Option<Result<(), ConnError>> {
        if self.state().is_synchronized() {
            Some(Ok(()))
        } else if self.state() == State::Closed {
            Some(Err(self.error.unwrap_or(ConnError::NotConnected)))
        } else {
            None
        }
    }
    /// The current retransmission timeout.
    pub fn rto(&self) -> Duration {
        self.rto
    }
    /// The smoothed round-trip time (RFC 6298), `None` until the first RTT sample.
    pub fn srtt(&self) -> Option<Duration> {
        self.srtt
    }
    /// Bytes queued by the application but not yet acknowledged.
    pub fn unacked_bytes(&self) -> u32 {
        self.queued_end.wrapping_sub(self.snd_una)
    }

    /// The earliest pending timer deadline.
    pub fn poll_timeout(&self) -> Option<Instant> {
        [
            self.rtx.map(|(t, _)| t),
            self.delack,
            self.time_wait,
            self.fin_wait_2,
            self.keepalive,
        ]
        .into_iter()
        .flatten()
        .min()
    }

    /// All running timers, for display.
    pub fn timers(&self) -> Vec<(TimerKind, Instant)> {
        let mut v = Vec::new();
        if let Some((t, k)) = self.rtx {
            v.push((k, t));
        }
        if let Some(t) = self.delack {
            v.push((TimerKind::DelayedAck, t));
        }
        if let Some(t) = self.time_wait {
            v.push((TimerKind::TimeWait, t));
        }
        if let Some(t) = self.fin_wait_2 {
            v.push((TimerKind::FinWait2, t));
        }
        if let Some(t) = self.keepalive {
            v.push((TimerKind::Keepalive, t));
        }
        v
    }

    /// Takes the next segment to put on the wire, in sending order.
    pub fn poll_output(&mut self) -> Option<Output> {
        self.out.pop_front()
    }

    /// Takes the next event for the trace, in the order it happened.
    pub fn poll_event(&mut self) -> Option<EndpointEvent> {
        self.events.pop_front()
    }

    // ----- the one place where the state changes ----------------------------

    /// Every transition passes through here, so the trace sees all of them.
    fn set_state(&mut self, to: State, cause: Cause) {
        let from = self.state;
        if from == to {
            return;
        }
        debug_assert!(
            cause.edges().contains(&(from, to)),
            "{from} -> {to} is not an edge for {cause:?}"
        );
        // With a separate listener, only its own opening and closing are the listener's.
        let socket = match self.profile.listen_model {
            ListenModel::RequestSocket
                if matches!(from, State::Closed | State::Listen)
                    && matches!(to, State::Closed | State::Listen) =>
            {
                Socket::Listener
            }
            _ => Socket::Connection,
        };
        self.state = to;
        self.events.push_back(EndpointEvent::Transition {
            from,
            to,
            cause,
            socket,
        });
        match to {
            State::Closed | State::Listen => {
                self.set_rtx(None);
                self.set_delack(None);
                self.set_time_wait(None);
                self.set_fin_wait_2(None);
                self.set_keepalive(None);
                self.ack_need = AckNeed::None;
            }
            State::TimeWait => {
                self.set_rtx(None);
                self.set_delack(None);
                self.set_fin_wait_2(None);
                self.set_keepalive(None);
            }
            _ => {}
        }
    }

    fn fail(&mut self, err: ConnError) {
        self.error = Some(err);
        self.events.push_back(EndpointEvent::Error(err));
    }

    // ----- timers ------------------------------------------------------------

    fn set_rtx(&mut self, v: Option<(Instant, TimerKind)>) {
        if self.rtx != v {
            if let Some((_, old)) = self.rtx {
                if v.is_none() {
                    self.events.push_back(EndpointEvent::Timer {
                        kind: old,
                        deadline: None,
                    });
                }
            }
            if let Some((t, kind)) = v {
                self.events.push_back(EndpointEvent::Timer {
                    kind,
                    deadline: Some(t),
                });
            }
            self.rtx = v;
        }
    }

    fn set_simple_timer(&mut self, kind: TimerKind, v: Option<Instant>) {
        let slot = match kind {
            TimerKind::DelayedAck => &mut self.delack,
            TimerKind::TimeWait => &mut self.time_wait,
            TimerKind::FinWait2 => &mut self.fin_wait_2,
            TimerKind::Keepalive => &mut self.keepalive,
            _ => unreachable!("retransmission timers use set_rtx"),
        };
        if *slot != v {
            *slot = v;
            self.events
                .push_back(EndpointEvent::Timer { kind, deadline: v });
        }
    }

    fn set_delack(&mut self, v: Option<Instant>) {
        self.set_simple_timer(TimerKind::DelayedAck, v)
    }
    fn set_time_wait(&mut self, v: Option<Instant>) {
        self.set_simple_timer(TimerKind::TimeWait, v)
    }
    fn set_fin_wait_2(&mut self, v: Option<Instant>) {
        self.set_simple_timer(TimerKind::FinWait2, v)
    }
    fn set_keepalive(&mut self, v: Option<Instant>) {
        self.set_simple_timer(TimerKind::Keepalive, v)
    }

    /// The connection is established: with keepalive on, its timer starts counting idle time
    /// (Linux `tcp_finish_connect` / `tcp_rcv_state_process` → `inet_csk_reset_keepalive_timer`).
    fn start_keepalive(&mut self, now: Instant) {
        self.last_rcv = now;
        self.probes_out = 0;
        let ka = self.profile.keepalive;
        if ka.enabled {
            self.set_keepalive(Some(now + ka.time));
        }
    }

    /// The keepalive timer fired: the rule of RFC 1122 §4.2.3.6 as Linux's
    /// `tcp_keepalive_timer` applies it.
    fn on_keepalive_timeout(&mut self, now: Instant) {
        let ka = self.profile.keepalive;
        if !ka.enabled
            || !matches!(
                self.state,
                State::Established
                    | State::CloseWait
                    | State::FinWait1
                    | State::FinWait2
                    | State::Closing
                    | State::LastAck
            )
        {
            return;
        }
        // An orphaned FIN-WAIT-2 is ended by its own timer instead (Linux checks it first).
        if self.fin_wait_2.is_some() {
            return;
        }
        // Something is in flight or queued: the retransmission timer watches the peer.
        let queued =
            self.queued_end != self.snd_nxt || (self.fin_requested && self.fin_seq.is_none());
        if self.snd_una != self.snd_max || queued {
            self.set_keepalive(Some(now + ka.time));
            return;
        }
        let idle = now - self.last_rcv;
        if idle < ka.time {
            // Something arrived since the timer was set: wait out the rest of the idle time.
            self.set_keepalive(Some(self.last_rcv + ka.time));
            return;
        }
        if self.probes_out >= ka.probes {
            // The peer is taken for dead (Linux: tcp_send_active_reset, then tcp_write_err).
            if self.profile.rst_on_keepalive_timeout {
                let seg = self.make(now, self.snd_nxt, Flags::RST | Flags::ACK, 0);
                self.emit(seg, SendReason::RstKeepaliveTimeout);
            }
            self.fail(ConnError::TimedOut);
            self.set_state(State::Closed, Cause::KeepaliveTimeout);
            return;
        }
        // A probe: no data, one below SND.UNA, so the peer sees an old sequence number and must
        // answer with an ACK (RFC 1122 §4.2.3.6; Linux tcp_xmit_probe_skb).
        let seg = self.make(now, self.snd_una.wrapping_sub(1), Flags::ACK, 0);
        self.emit(seg, SendReason::KeepaliveProbe);
        self.probes_out += 1;
        self.set_keepalive(Some(now + ka.interval));
    }

    fn rtx_kind(&self) -> TimerKind {
        match self.state {
            State::SynSent => TimerKind::RetransmitSyn,
            State::SynReceived => TimerKind::RetransmitSynAck,
            _ => {
                if self.fin_seq.is_some_and(|f| self.snd_una == f) {
                    TimerKind::RetransmitFin
                } else {
                    TimerKind::RetransmitData
                }
            }
        }
    }

    fn arm_rtx(&mut self, now: Instant) {
        let kind = self.rtx_kind();
        self.set_rtx(Some((now + self.rto, kind)));
    }

    fn arm_rtx_if_idle(&mut self, now: Instant) {
        if self.rtx.is_none() {
            self.arm_rtx(now);
        }
    }

    // ----- RTT (RFC 6298) ------------------------------------------------------

    fn rtt_sample(&mut self, r: Duration) {
        match self.srtt {
            None => {
                self.srtt = Some(r);
                self.rttvar = Duration(r.0 / 2);
            }
            Some(srtt) => {
                // RTTVAR <- 3/4 RTTVAR + 1/4 |SRTT - R'|; SRTT <- 7/8 SRTT + 1/8 R' (§2.3)
                let delta = srtt.0.abs_diff(r.0);
                self.rttvar = Duration((3 * self.rttvar.0 + delta) / 4);
                self.srtt = Some(Duration((7 * srtt.0 + r.0) / 8));
            }
        }
        let srtt = self.srtt.unwrap_or_default();
        let var = self.rttvar.times(4);
        let p = &self.profile;
        let rto = if p.min_rto_on_variance {
            srtt + var.max(p.min_rto)
        } else {
            // RTO <- SRTT + max(G, K*RTTVAR), then at least the minimum (§2.3, §2.4)
            (srtt + var.max(Duration::from_millis(1))).max(p.min_rto)
        };
        self.rto = rto.min(p.max_rto);
    }

    fn ts_now(&self, now: Instant) -> u32 {
        ((now.0 / 1_000_000) as u32).wrapping_add(self.ts_offset)
    }

    /// Takes an RTT sample from an ACK that covers new data, if the rules allow one.
    fn sample_rtt_on_ack(&mut self, now: Instant, seg: &Segment) {
        if let Some(ts) = seg.timestamps.filter(|_| self.peer_uses_ts) {
            // With timestamps the echo says which transmission is acknowledged,
            // so Karn's ambiguity does not arise (RFC 7323 §4.1).
            let sent_ms = ts.ecr.wrapping_sub(self.ts_offset) as u64;
            let sent = Instant(sent_ms * 1_000_000);
            if sent <= now {
                self.rtt_sample(now - sent);
            }
            self.rtt_probe = None;
        } else if let Some((end, sent)) = self.rtt_probe {
            if seq::ge(seg.ack, end) {
                self.rtt_sample(now - sent);
                self.rtt_probe = None;
            }
        }
    }

    // ----- building segments ---------------------------------------------------

    fn window_field(&self, syn: bool) -> u16 {
        if syn {
            return if self.state == State::SynSent {
                self.profile.syn_window
            } else {
                self.profile.synack_window
            };
        }
        (self.profile.receive_window >> self.our_wscale).min(65535) as u16
    }

    fn make(&self, now: Instant, seq: u32, flags: Flags, len: u32) -> Segment {
        let syn = flags.syn();
        let syn_options = syn.then_some(self.profile.syn_options);
        let timestamps =
            (self.profile.timestamps && (syn || self.peer_uses_ts)).then(|| Timestamps {
                val: self.ts_now(now),
                ecr: if flags.ack() {
                    self.ts_recent.unwrap_or(0)
                } else {
                    0
                },
            });
        Segment {
            seq,
            ack: if flags.ack() { self.rcv_nxt } else { 0 },
            flags,
            len,
            window: if flags.rst() {
                0
            } else {
                self.window_field(syn)
            },
            syn_options,
            timestamps,
        }
    }

    fn emit(&mut self, seg: Segment, reason: SendReason) {
        if seg.flags.ack() {
            self.last_ack_sent = seg.ack;
            // Any ACK we send carries everything we owe: a delayed ACK rides on it.
            self.ack_need = AckNeed::None;
            self.unacked_rcv_bytes = 0;
            self.set_delack(None);
        }
        self.out.push_back(Output {
            segment: seg,
            reason,
        });
    }

    fn send_ack(&mut self, now: Instant, reason: SendReason) {
        let seg = self.make(now, self.snd_nxt, Flags::ACK, 0);
        self.emit(seg, reason);
    }

    fn send_syn(&mut self, now: Instant, reason: SendReason) {
        let seg = self.make(now, self.iss, Flags::SYN, 0);
        self.emit(seg, reason);
    }

    fn send_syn_ack(&mut self, now: Instant, reason: SendReason) {
        let seg = self.make(now, self.iss, Flags::SYN | Flags::ACK, 0);
        self.emit(seg, reason);
    }

    /// A reset answering `seg` from an endpoint with no matching connection (RFC 9293 §3.10.7.1).
    pub(crate) fn rst_for(seg: &Segment) -> Segment {
        let (seq, ack, flags) = if seg.flags.ack() {
            (seg.ack, 0, Flags::RST)
        } else {
            (0, seg.end_seq(), Flags::RST | Flags::ACK)
        };
        Segment {
            seq,
            ack,
            flags,
            len: 0,
            window: 0,
            syn_options: None,
            timestamps: None,
        }
    }

    /// The ISN the next connection will use (the generator is seeded, so this is known ahead).
    pub fn peek_next_isn(&self) -> u32 {
        self.isn_rng.clone().next_u32()
    }

    fn new_isn(&mut self) -> u32 {
        self.had_connection = true;
        self.next_isn
            .take()
            .unwrap_or_else(|| self.isn_rng.next_u32())
    }

    fn reset_connection_fields(&mut self) {
        self.snd_una = self.iss;
        self.snd_nxt = self.iss;
        self.snd_max = self.iss;
        self.queued_end = self.iss.wrapping_add(1);
        self.fin_requested = false;
        self.fin_seq = None;
        self.out_of_order.clear();
        self.held_fin = None;
        self.fin_received = false;
        self.dup_acks = 0;
        self.recover = None;
        self.retries = 0;
        self.syn_timeouts = 0;
        self.first_sent.clear();
        self.rto = self.profile.initial_rto;
        self.srtt = None;
        self.rttvar = Duration::ZERO;
        self.rtt_probe = None;
        self.ts_recent = None;
        self.peer_uses_ts = false;
        self.quick_acks_left = match self.profile.ack_policy {
            AckPolicy::Delayed { quick_acks, .. } => quick_acks,
            AckPolicy::Immediate => 0,
        };
        self.pingpong = false;
        self.last_data_rcv = None;
        self.unacked_rcv_bytes = 0;
        self.ack_need = AckNeed::None;
        self.our_wscale = 0;
        self.peer_wscale = 0;
        self.probes_out = 0;
    }

    /// Reads the peer's SYN options: MSS, window scale, timestamps.
    fn take_syn_options(&mut self, seg: &Segment) {
        let ours = self.profile.syn_options;
        let theirs = seg.syn_options.unwrap_or_default();
        self.mss = (self.profile.mss as u32).min(theirs.mss.map_or(536, u32::from));
        if let (Some(a), Some(b)) = (ours.window_scale, theirs.window_scale) {
            self.our_wscale = a;
            self.peer_wscale = b;
        }
        self.peer_uses_ts = self.profile.timestamps && seg.timestamps.is_some();
        if self.peer_uses_ts {
            self.ts_recent = seg.timestamps.map(|t| t.val);
        }
        self.peer_window = seg.window as u32;
    }

    // ----- application calls (RFC 9293 §3.10.1 – §3.10.5) ---------------------

    /// Passive OPEN.
    pub fn listen(&mut self, _now: Instant) -> Result<(), ConnError> {
        match self.state {
            State::Closed => {
                self.passive = true;
                self.error = None;
                self.app_closed = false;
                self.set_state(State::Listen, Cause::AppListen);
                Ok(())
            }
            State::Listen => Ok(()),
            _ => Err(ConnError::AlreadyClosed),
        }
    }

    /// Active OPEN: choose an ISN and send SYN.
    pub fn connect(&mut self, now: Instant) -> Result<(), ConnError> {
        if self.state != State::Closed {
            return Err(ConnError::AlreadyClosed);
        }
        self.passive = false;
        self.error = None;
        self.app_closed = false;
        self.iss = self.new_isn();
        self.reset_connection_fields();
        self.irs = 0;
        self.rcv_nxt = 0;
        self.snd_nxt = self.iss.wrapping_add(1);
        self.snd_max = self.snd_nxt;
        self.set_state(State::SynSent, Cause::AppConnect);
        self.rtt_probe = Some((self.snd_nxt, now));
        self.send_syn(now, SendReason::Syn);
        self.arm_rtx(now);
        Ok(())
    }

    /// SEND: queue `bytes` for transmission.
    pub fn send(&mut self, now: Instant, bytes: u32) -> Result<(), ConnError> {
        if let Some(e) = self.error {
            return Err(e);
        }
        if self.fin_requested {
            return Err(ConnError::AlreadyClosed);
        }
        match self.state {
            State::SynSent | State::SynReceived | State::Established | State::CloseWait => {
                self.queued_end = self.queued_end.wrapping_add(bytes);
                self.try_send(now);
                Ok(())
            }
            _ => Err(ConnError::NotConnected),
        }
    }

    /// RECEIVE: take up to `max` readable bytes. Returns how many were taken.
    pub fn read(&mut self, max: u64) -> u64 {
        let n = self.readable.min(max);
        self.readable -= n;
        n
    }

    /// Half-close: send FIN after the queued data, but keep receiving.
    pub fn shutdown(&mut self, now: Instant) -> Result<(), ConnError> {
        self.close_sending_side(now)
    }

    /// CLOSE: no more sends or reads from the application (RFC 9293 §3.10.4).
    pub fn close(&mut self, now: Instant) -> Result<(), ConnError> {
        self.app_closed = true;
        let unread = self.readable > 0 || !self.out_of_order.is_empty();
        if self.profile.rst_on_close_with_unread
            && unread
            && matches!(
                self.state,
                State::SynReceived
                    | State::Established
                    | State::FinWait1
                    | State::FinWait2
                    | State::CloseWait
            )
        {
            // RFC 2525 §2.17: data the application will never read is lost, so say so with RST.
            let seg = self.make(now, self.snd_nxt, Flags::RST | Flags::ACK, 0);
            self.emit(seg, SendReason::RstAbort);
            self.set_state(State::Closed, Cause::AppAbort);
            return Ok(());
        }
        let r = self.close_sending_side(now);
        if self.state == State::FinWait2 {
            self.arm_fin_wait_2(now);
        }
        r.or(Ok(()))
    }

    /// ABORT (RFC 9293 §3.10.5), what `close()` does with `SO_LINGER` set to 0 seconds: anything
    /// queued is thrown away and, in a synchronized state, a RST tells the peer. No FIN, no
    /// TIME-WAIT (Linux `tcp_disconnect`).
    pub fn abort(&mut self, now: Instant) -> Result<(), ConnError> {
        self.app_closed = true;
        match self.state {
            State::SynReceived
            | State::Established
            | State::FinWait1
            | State::FinWait2
            | State::CloseWait => {
                let seg = self.make(now, self.snd_nxt, Flags::RST | Flags::ACK, 0);
                self.emit(seg, SendReason::RstAbort);
                self.set_state(State::Closed, Cause::AppAbort);
            }
            // Our FIN is out and nothing else is queued: §3.10.5 just deletes the TCB (Linux
            // sends a RST here only if data is still unsent, which cannot be after a FIN).
            State::Closing | State::LastAck => self.set_state(State::Closed, Cause::AppAbort),
            State::Listen | State::SynSent => {
                self.set_state(State::Closed, Cause::AppCloseUnconnected)
            }
            // TIME-WAIT no longer belongs to the application (Linux: a timewait socket).
            State::Closed | State::TimeWait => {}
        }
        Ok(())
    }

    /// The host crashes and comes back at once: every connection and listener is forgotten
    /// without a segment sent. Later segments find no connection and draw a RST
    /// (RFC 9293 §3.5.1, half-open connections).
    pub fn crash(&mut self, _now: Instant) {
        self.app_closed = true;
        if self.state != State::Closed {
            self.set_state(State::Closed, Cause::HostCrash);
        }
        self.out.clear();
        self.reset_connection_fields();
        self.readable = 0;
        self.error = None;
        self.passive = false;
    }

    fn close_sending_side(&mut self, now: Instant) -> Result<(), ConnError> {
        match self.state {
            State::Closed => Err(self.error.unwrap_or(ConnError::NotConnected)),
            // Nobody to say goodbye to (§3.10.4: LISTEN and SYN-SENT just delete the TCB).
            State::Listen | State::SynSent => {
                self.set_state(State::Closed, Cause::AppCloseUnconnected);
                Ok(())
            }
            State::SynReceived | State::Established => {
                self.fin_requested = true;
                self.set_state(State::FinWait1, Cause::AppCloseSendFin);
                self.try_send(now);
                Ok(())
            }
            State::CloseWait => {
                self.fin_requested = true;
                self.set_state(State::LastAck, Cause::AppCloseSendFin);
                self.try_send(now);
                Ok(())
            }
            // Already closing: CLOSE is idempotent for the application.
            _ => Ok(()),
        }
    }

    fn arm_fin_wait_2(&mut self, now: Instant) {
        if let Some(t) = self.profile.fin_wait_2_timeout {
            if self.app_closed && self.fin_wait_2.is_none() {
                // tcp_fin_time: never shorter than 3.5 RTO.
                let t = t.max(Duration(self.rto.0 * 7 / 2));
                self.set_fin_wait_2(Some(now + t));
            }
        }
    }

    /// Sends whatever queued data and FIN the peer's window allows.
    fn try_send(&mut self, now: Instant) {
        if !matches!(
            self.state,
            State::Established
                | State::CloseWait
                | State::FinWait1
                | State::LastAck
                | State::Closing
        ) {
            return;
        }
        loop {
            let in_flight = self.snd_nxt.wrapping_sub(self.snd_una);
            let room = self.peer_window.saturating_sub(in_flight);
            let pending = self.queued_end.wrapping_sub(self.snd_nxt) as i32;
            if pending > 0 {
                let len = (pending as u32).min(self.mss).min(room);
                if len == 0 {
                    break;
                }
                let last = len == pending as u32;
                let fin = last && self.fin_requested && self.fin_seq.is_none();
                let mut flags = Flags::ACK;
                if last {
                    flags = flags | Flags::PSH;
                }
                if fin {
                    flags = flags | Flags::FIN;
                    self.fin_seq = Some(self.snd_nxt.wrapping_add(len));
                }
                let seg = self.make(now, self.snd_nxt, flags, len);
                self.note_data_sent(now);
                if self.rtt_probe.is_none() {
                    self.rtt_probe = Some((seg.end_seq(), now));
                }
                self.emit(
                    seg,
                    if fin {
                        SendReason::Fin
                    } else {
                        SendReason::Data
                    },
                );
                self.snd_nxt = seg.end_seq();
                self.snd_max = self.snd_nxt;
                self.first_sent.push_back((self.snd_max, now));
                self.arm_rtx_if_idle(now);
                continue;
            }
            if self.fin_requested && self.fin_seq.is_none() {
                let seg = self.make(now, self.snd_nxt, Flags::FIN | Flags::ACK, 0);
                self.fin_seq = Some(self.snd_nxt);
                if self.rtt_probe.is_none() {
                    self.rtt_probe = Some((seg.end_seq(), now));
                }
                self.emit(seg, SendReason::Fin);
                self.snd_nxt = seg.end_seq();
                self.snd_max = self.snd_nxt;
                self.first_sent.push_back((self.snd_max, now));
                self.arm_rtx_if_idle(now);
            }
            break;
        }
    }

    /// Linux: replying soon after receiving data marks the exchange as
    /// interactive ("ping-pong"), and ACKs are then delayed to ride on replies.
    fn note_data_sent(&mut self, now: Instant) {
        if let (AckPolicy::Delayed { delay, .. }, Some(t)) =
            (self.profile.ack_policy, self.last_data_rcv)
        {
            if now - t < delay {
                self.pingpong = true;
            }
        }
    }

    // ----- timers --------------------------------------------------------------

    /// Runs every timer whose deadline is at or before `now`.
    pub fn handle_timeout(&mut self, now: Instant) {
        if self.delack.is_some_and(|t| t <= now) {
            self.set_delack(None);
            self.events.push_back(EndpointEvent::TimerFired {
                kind: TimerKind::DelayedAck,
            });
            if self.state != State::Closed && self.ack_need != AckNeed::None {
                self.send_ack(now, SendReason::AckDelayed);
            }
        }
        if self.time_wait.is_some_and(|t| t <= now) {
            self.set_time_wait(None);
            self.events.push_back(EndpointEvent::TimerFired {
                kind: TimerKind::TimeWait,
            });
            // 2MSL passed: any old duplicate of this connection has died out (RFC 9293 §3.10.8).
            self.set_state(State::Closed, Cause::TimeWaitExpired);
        }
        if self.fin_wait_2.is_some_and(|t| t <= now) {
            self.set_fin_wait_2(None);
            self.events.push_back(EndpointEvent::TimerFired {
                kind: TimerKind::FinWait2,
            });
            if self.state == State::FinWait2 {
                self.set_state(State::Closed, Cause::FinWait2Timeout);
            }
        }
        if self.keepalive.is_some_and(|t| t <= now) {
            self.set_keepalive(None);
            self.events.push_back(EndpointEvent::TimerFired {
                kind: TimerKind::Keepalive,
            });
            self.on_keepalive_timeout(now);
        }
        if let Some((t, kind)) = self.rtx {
            if t <= now {
                self.rtx = None;
                self.events.push_back(EndpointEvent::TimerFired { kind });
                self.on_retransmit_timeout(now);
            }
        }
    }

    fn on_retransmit_timeout(&mut self, now: Instant) {
        let what = match self.state {
            State::SynSent => Retransmitted::Syn,
            State::SynReceived => Retransmitted::SynAck,
            _ if self.app_closed => Retransmitted::OrphanData {
                alive: self.rto < self.profile.max_rto,
            },
            _ => Retransmitted::Data,
        };
        let since_first_sent = self
            .first_sent
            .front()
            .map_or(Duration::ZERO, |&(_, t)| now - t);
        if self
            .profile
            .retry_limit(what)
            .expired(self.retries, since_first_sent)
        {
            if self.state == State::SynReceived && self.passive {
                self.drop_half_open(Cause::SynAckRetriesExhausted);
            } else {
                self.fail(ConnError::TimedOut);
                self.set_state(State::Closed, Cause::RetransmitLimit);
            }
            return;
        }
        self.retries += 1;
        // Karn: a retransmitted segment gives no RTT sample (RFC 6298 §3).
        self.rtt_probe = None;
        let linear = self.state == State::SynSent && {
            self.syn_timeouts += 1;
            self.profile.syn_timeout_is_linear(self.syn_timeouts)
        };
        if !linear {
            // Back off the timer (RFC 6298 §5.5).
            self.rto = self.rto.times(2).min(self.profile.max_rto);
        }
        match self.state {
            State::SynSent => self.send_syn(now, SendReason::SynRetransmit),
            State::SynReceived => self.send_syn_ack(now, SendReason::SynAckRetransmit),
            State::Closed | State::Listen | State::TimeWait => return,
            _ => {
                self.recover = Some(self.snd_max);
                self.retransmit_head(now, false);
            }
        }
        self.arm_rtx(now);
    }

    /// Retransmits the first unacknowledged segment (data, FIN, or both).
    fn retransmit_head(&mut self, now: Instant, fast: bool) {
        let data_end = self.fin_seq.unwrap_or(self.queued_end);
        let data_left = data_end.wrapping_sub(self.snd_una);
        let len = data_left.min(self.mss);
        let with_fin = self.fin_seq.is_some() && len == data_left;
        if len == 0 && !with_fin {
            return;
        }
        let mut flags = Flags::ACK;
        if len > 0 && len == data_left {
            flags = flags | Flags::PSH;
        }
        if with_fin {
            flags = flags | Flags::FIN;
        }
        let seg = self.make(now, self.snd_una, flags, len);
        let reason = if fast {
            SendReason::DataFastRetransmit
        } else if len == 0 {
            SendReason::FinRetransmit
        } else {
            SendReason::DataRetransmit
        };
        self.emit(seg, reason);
    }

    // ----- segment arrival (RFC 9293 §3.10.7) ----------------------------------

    /// Processes one arriving segment.
    pub fn handle_segment(&mut self, now: Instant, seg: Segment) {
        match self.state {
            State::Closed => self.closed_input(seg),
            State::Listen => self.listen_input(now, seg),
            State::SynSent => self.syn_sent_input(now, seg),
            _ => self.synchronized_input(now, seg),
        }
        self.flush_ack(now);
    }

    fn flush_ack(&mut self, now: Instant) {
        match self.ack_need {
            AckNeed::Now(reason) => self.send_ack(now, reason),
            AckNeed::Delayed => {
                if let AckPolicy::Delayed { delay, .. } = self.profile.ack_policy {
                    if self.delack.is_none() {
                        self.set_delack(Some(now + delay));
                    }
                }
            }
            AckNeed::None => {}
        }
    }

    fn need_ack(&mut self, reason: SendReason) {
        self.ack_need = AckNeed::Now(reason);
    }

    /// §3.10.7.1: no connection here. Answer anything but a RST with a RST.
    fn closed_input(&mut self, seg: Segment) {
        if seg.flags.rst() {
            return;
        }
        let reason = if self.had_connection {
            SendReason::RstNoConnection
        } else {
            SendReason::RstNoListener
        };
        self.out.push_back(Output {
            segment: Self::rst_for(&seg),
            reason,
        });
    }

    /// §3.10.7.2: LISTEN.
    fn listen_input(&mut self, now: Instant, seg: Segment) {
        if seg.flags.rst() {
            return; // An incoming RST is ignored in LISTEN.
        }
        if seg.flags.ack() {
            // An ACK in LISTEN acknowledges nothing we sent.
            self.out.push_back(Output {
                segment: Self::rst_for(&seg),
                reason: SendReason::RstBadAck,
            });
            return;
        }
        if !seg.flags.syn() {
            return;
        }
        self.open_passive(&seg, Cause::RecvSyn);
        self.rtt_probe = Some((self.snd_nxt, now));
        self.send_syn_ack(now, SendReason::SynAck);
        self.arm_rtx(now);
    }

    /// LISTEN → SYN-RECEIVED for the peer's SYN `seg`: choose our ISN, take its options.
    fn open_passive(&mut self, seg: &Segment, cause: Cause) {
        self.iss = self.new_isn();
        self.reset_connection_fields();
        self.irs = seg.seq;
        self.rcv_nxt = seg.seq.wrapping_add(1);
        self.take_syn_options(seg);
        self.snd_nxt = self.iss.wrapping_add(1);
        self.snd_max = self.snd_nxt;
        self.set_state(State::SynReceived, cause);
    }

    // ----- one of many connections (crate::server) ------------------------------

    /// An endpoint that starts as a listener would, in LISTEN without a transition of its own:
    /// the connection half of a server's socket, which a SYN or a cookie turns into a request.
    pub(crate) fn passive_child(profile: Profile, seed: u64, ts_offset: u32) -> Endpoint {
        let mut ep = Endpoint::new(Side::Server, profile, seed);
        ep.state = State::Listen;
        ep.passive = true;
        ep.ts_offset = ts_offset;
        ep
    }

    /// A request socket for `syn` with our ISN `iss`: SYN-RECEIVED, a SYN-ACK out and its own
    /// retransmission timer (Linux `inet_reqsk_alloc`, `reqsk_timer_handler`).
    pub(crate) fn take_syn(&mut self, now: Instant, syn: Segment, iss: u32) {
        self.next_isn = Some(iss);
        self.handle_segment(now, syn);
    }

    /// The request rebuilt from a SYN cookie: SYN-RECEIVED with `iss` (the cookie) and the
    /// options the cookie kept, and nothing sent: the SYN-ACK left long ago, statelessly. The
    /// ACK that carried the cookie is processed next.
    pub(crate) fn rebuild_from_cookie(&mut self, syn: Segment, iss: u32) {
        self.next_isn = Some(iss);
        self.open_passive(&syn, Cause::RecvAckWithCookie);
    }

    /// Active OPEN with an ISN chosen by the host (clock-based, or after a TIME-WAIT
    /// connection), and the host's timestamp offset for this peer.
    pub(crate) fn connect_with(
        &mut self,
        now: Instant,
        iss: u32,
        ts_offset: u32,
    ) -> Result<(), ConnError> {
        self.next_isn = Some(iss);
        self.ts_offset = ts_offset;
        self.connect(now)
    }

    /// TIME-WAIT ends before its time: a newer SYN took the four-tuple, or `connect()` reused
    /// the port.
    pub(crate) fn end_time_wait(&mut self, cause: Cause) {
        if self.state == State::TimeWait {
            self.set_state(State::Closed, cause);
        }
    }

    /// The third ACK `ack` found the accept queue full with `tcp_abort_on_overflow` = 1: the
    /// request is dropped and the client told with a RST (Linux `tcp_check_req`,
    /// `embryonic_reset`).
    pub(crate) fn reject_on_overflow(&mut self, ack: &Segment) {
        if self.state == State::SynReceived {
            self.out.push_back(Output {
                segment: Self::rst_for(ack),
                reason: SendReason::RstListenOverflow,
            });
            self.set_state(State::Closed, Cause::AcceptQueueOverflow);
        }
    }

    /// A listener under load judges an old request's next SYN-ACK timeout by a lower limit
    /// than `tcp_synack_retries` (Linux `reqsk_timer_handler`): this request's limit from now on.
    pub(crate) fn limit_synack_retries(&mut self, limit: u32) {
        self.profile.retries.synack = limit;
    }

    /// In TIME-WAIT, answer a SYN that is not newer than this connection with an ACK
    /// (RFC 6191; Linux `TCP_TW_ACK`); `restart`: it failed PAWS, so TIME-WAIT starts over.
    pub(crate) fn ack_old_syn(&mut self, now: Instant, restart: bool) {
        if restart && self.state == State::TimeWait {
            self.set_time_wait(Some(now + self.profile.time_wait));
        }
        self.send_ack(now, SendReason::AckOldSynInTimeWait);
    }

    /// TS.Recent: the peer's last timestamp, when timestamps are in use.
    pub(crate) fn ts_recent(&self) -> Option<u32> {
        self.ts_recent.filter(|_| self.peer_uses_ts)
    }

    /// Bytes held out of order, waiting for a hole to fill.
    pub(crate) fn held_bytes(&self) -> u32 {
        self.out_of_order
            .iter()
            .fold(0u32, |n, &(s, e)| n.wrapping_add(e.wrapping_sub(s)))
    }

    /// The peer and this endpoint agreed on timestamps.
    pub(crate) fn uses_timestamps(&self) -> bool {
        self.peer_uses_ts
    }

    /// Would this ACK complete the handshake of a SYN-RECEIVED endpoint?
    pub(crate) fn completes_handshake(&self, seg: &Segment) -> bool {
        self.state == State::SynReceived
            && seg.flags.ack()
            && !seg.flags.rst()
            && !seg.flags.syn()
            && seq::lt(self.snd_una, seg.ack)
            && seq::le(seg.ack, self.snd_nxt)
    }

    /// §3.10.7.3: SYN-SENT.
    fn syn_sent_input(&mut self, now: Instant, seg: Segment) {
        let f = seg.flags;
        if f.ack() && (seq::le(seg.ack, self.iss) || seq::gt(seg.ack, self.snd_nxt)) {
            // The ACK is for some other (old) connection: tell its sender.
            if !f.rst() {
                self.out.push_back(Output {
                    segment: Self::rst_for(&seg),
                    reason: SendReason::RstBadAck,
                });
            }
            return;
        }
        if f.rst() {
            if f.ack() {
                self.fail(ConnError::Refused);
                self.set_state(State::Closed, Cause::RecvRstRefused);
            }
            return;
        }
        if !f.syn() {
            return;
        }
        self.irs = seg.seq;
        self.rcv_nxt = seg.seq.wrapping_add(1);
        self.take_syn_options(&seg);
        if f.ack() {
            self.snd_una = seg.ack;
            self.sample_rtt_on_ack(now, &seg);
            self.set_rtx(None);
            self.retries = 0;
            self.set_state(State::Established, Cause::RecvSynAck);
            self.start_keepalive(now);
            self.send_ack(now, SendReason::HandshakeAck);
            self.try_send(now);
        } else {
            // Simultaneous open: both sides sent SYN (§3.5, Figure 7).
            self.set_state(State::SynReceived, Cause::RecvSynSimultaneous);
            self.send_syn_ack(now, SendReason::SynAckSimultaneous);
            self.arm_rtx(now);
        }
    }

    /// Is any part of `[seq, end)` inside the receive window? (§3.10.7.4, first check,
    /// in Linux's form: a segment that ends exactly at RCV.NXT is acceptable and trimmed.)
    fn acceptable(&self, seg: &Segment) -> bool {
        let wnd = self.profile.receive_window;
        let right = self.rcv_nxt.wrapping_add(wnd);
        !seq::lt(seg.end_seq(), self.rcv_nxt) && !seq::gt(seg.seq, right)
    }

    /// §3.10.7.4: SYN-RECEIVED and every synchronized state.
    fn synchronized_input(&mut self, now: Instant, mut seg: Segment) {
        let orig = seg;
        let f = seg.flags;
        // The peer is alive: keepalive counts idle time from here and forgets its probes.
        self.last_rcv = now;
        self.probes_out = 0;

        // RFC 7323 §5 PAWS: an older timestamp marks an old duplicate.
        if self.peer_uses_ts && !f.rst() {
            if let (Some(ts), Some(recent)) = (seg.timestamps, self.ts_recent) {
                if seq::lt(ts.val, recent) && !(f.syn() && self.state == State::SynReceived) {
                    self.need_ack(SendReason::PawsAck);
                    return;
                }
            }
        }

        // The peer's SYN again while we are half-open: our SYN-ACK must have been lost.
        if self.state == State::SynReceived && f.syn() && seg.seq == self.irs && !f.ack() {
            self.send_syn_ack(now, SendReason::SynAckToDuplicateSyn);
            return;
        }

        // A retransmitted FIN in TIME-WAIT: our last ACK was lost. ACK again and restart 2MSL (§3.10.7.4).
        if self.state == State::TimeWait && f.fin() && seg.end_seq() == self.rcv_nxt && !f.rst() {
            self.set_time_wait(Some(now + self.profile.time_wait));
            self.need_ack(SendReason::TimeWaitAck);
            return;
        }

        if !self.acceptable(&seg) {
            if f.syn() && !f.rst() && self.profile.challenge_ack {
                // RFC 5961 §4.2: a SYN is challenged whatever its sequence number.
                self.need_ack(SendReason::ChallengeAck);
            } else if !f.rst() {
                self.need_ack(SendReason::AckDuplicate);
            }
            return;
        }

        // Update TS.Recent for segments that cover Last.ACK.sent (RFC 7323 §4.3).
        if let Some(ts) = seg.timestamps.filter(|_| self.peer_uses_ts) {
            if seq::le(seg.seq, self.last_ack_sent) {
                self.ts_recent = Some(ts.val);
            }
        }

        // Trim what lies before RCV.NXT: the idealized segment starts there.
        let mut had_new = seg.seg_len() > 0;
        if seq::lt(seg.seq, self.rcv_nxt) {
            let mut cut = self.rcv_nxt.wrapping_sub(seg.seq);
            if seg.flags.syn() {
                seg.flags = seg.flags.without(Flags::SYN);
                seg.seq = seg.seq.wrapping_add(1);
                cut -= 1;
            }
            let data_cut = cut.min(seg.len);
            seg.len -= data_cut;
            seg.seq = seg.seq.wrapping_add(data_cut);
            if seg.flags.fin() && seq::lt(seg.seq, self.rcv_nxt) {
                seg.flags = seg.flags.without(Flags::FIN);
            }
            had_new = seg.seg_len() > 0;
        }

        // Second: the RST bit.
        if f.rst() {
            if self.profile.challenge_ack && seg.seq != self.rcv_nxt {
                // RFC 5961 §3.2: in the window but not exact, so it may be forged.
                self.need_ack(SendReason::ChallengeAck);
                return;
            }
            self.on_rst();
            return;
        }

        // Fourth: the SYN bit.
        let mut simultaneous_synack = false;
        if f.syn() {
            simultaneous_synack = self.state == State::SynReceived
                && f.ack()
                && orig.seq == self.irs
                && seg.ack == self.snd_nxt;
            if !simultaneous_synack {
                if self.profile.challenge_ack {
                    // RFC 5961 §4.2 / RFC 9293: answer any SYN with a challenge ACK.
                    self.need_ack(SendReason::ChallengeAck);
                    return;
                }
                if seg.flags.syn() {
                    // RFC 793 rule: a SYN inside the window is an error.
                    if self.state == State::SynReceived && self.passive {
                        self.drop_half_open(Cause::RecvRstBackToListen);
                        return;
                    }
                    let rst = Segment {
                        seq: self.snd_nxt,
                        ack: 0,
                        flags: Flags::RST,
                        len: 0,
                        window: 0,
                        syn_options: None,
                        timestamps: None,
                    };
                    self.emit(rst, SendReason::RstSynInWindow);
                    self.fail(ConnError::Reset);
                    self.set_state(State::Closed, Cause::RecvSynInWindow);
                    return;
                }
                if !had_new {
                    // An old duplicate SYN, already trimmed: re-ACK and drop.
                    self.need_ack(SendReason::AckDuplicate);
                    return;
                }
            }
        }

        // Fifth: the ACK field.
        if !f.ack() {
            return;
        }
        if self.state == State::SynReceived {
            if seq::lt(self.snd_una, seg.ack) && seq::le(seg.ack, self.snd_nxt) {
                self.snd_una = seg.ack;
                self.sample_rtt_on_ack(now, &seg);
                self.set_rtx(None);
                self.retries = 0;
                self.peer_window = (seg.window as u32) << self.peer_wscale;
                self.set_state(State::Established, Cause::RecvAckOfSyn);
                self.start_keepalive(now);
            } else {
                self.out.push_back(Output {
                    segment: Self::rst_for(&seg),
                    reason: SendReason::RstBadAck,
                });
                return;
            }
        } else if !self.process_ack(now, &seg) {
            return;
        }

        // Our FIN acknowledged?
        let fin_acked = self.fin_seq.is_some_and(|fs| seq::gt(self.snd_una, fs));
        if fin_acked {
            match self.state {
                State::FinWait1 => {
                    self.set_state(State::FinWait2, Cause::RecvAckOfFin);
                    self.arm_fin_wait_2(now);
                }
                State::Closing => {
                    self.set_state(State::TimeWait, Cause::RecvFinalAck);
                    self.set_time_wait(Some(now + self.profile.time_wait));
                }
                State::LastAck => {
                    self.set_state(State::Closed, Cause::RecvFinalAck);
                    return;
                }
                _ => {}
            }
        }

        // Seventh: segment text.
        if seg.len > 0 {
            match self.state {
                State::Established | State::FinWait1 | State::FinWait2 => {
                    self.receive_data(now, seg.seq, seg.len, seg.flags.fin());
                }
                // Data after the peer's FIN cannot happen; ignore it (§3.10.7.4).
                _ => {}
            }
        } else if seg.flags.fin() && seg.seq != self.rcv_nxt {
            // A FIN ahead of a hole: hold it.
            self.held_fin = Some(seg.seq);
            self.need_ack(SendReason::AckDuplicate);
        }

        // Eighth: the FIN bit, once everything before it has arrived.
        let fin_in_order = (seg.flags.fin() && seg.end_seq() == self.rcv_nxt.wrapping_add(1))
            || self.held_fin == Some(self.rcv_nxt);
        if fin_in_order && !self.fin_received {
            self.held_fin = None;
            self.on_fin_in_order(now);
        } else if orig.seg_len() > 0 && !had_new && !simultaneous_synack {
            // A repeat of something we already have (a FIN, data): our ACK was lost.
            self.need_ack(SendReason::AckDuplicate);
        }

        self.try_send(now);
    }

    /// ACK processing in synchronized states. Returns false if the segment must be dropped.
    fn process_ack(&mut self, now: Instant, seg: &Segment) -> bool {
        if seq::gt(seg.ack, self.snd_max) {
            // It acknowledges something not yet sent (§3.10.7.4, fifth check).
            self.need_ack(SendReason::AckDuplicate);
            return false;
        }
        let new_window = (seg.window as u32) << self.peer_wscale;
        if seq::gt(seg.ack, self.snd_una) {
            self.snd_una = seg.ack;
            if seq::lt(self.snd_nxt, self.snd_una) {
                self.snd_nxt = self.snd_una;
            }
            self.peer_window = new_window;
            self.sample_rtt_on_ack(now, seg);
            self.dup_acks = 0;
            self.retries = 0;
            while self
                .first_sent
                .front()
                .is_some_and(|&(end, _)| seq::le(end, self.snd_una))
            {
                self.first_sent.pop_front();
            }
            if self.snd_una == self.snd_max {
                self.set_rtx(None);
                self.recover = None;
            } else {
                if let Some(rec) = self.recover {
                    if seq::lt(self.snd_una, rec) {
                        // A partial ACK: the next hole is lost too (RFC 6582).
                        self.retransmit_head(now, true);
                    } else {
                        self.recover = None;
                    }
                }
                self.arm_rtx(now);
            }
        } else if seg.ack == self.snd_una
            && seg.len == 0
            && !seg.flags.fin()
            && self.snd_una != self.snd_max
            && new_window == self.peer_window
        {
            // A duplicate ACK: three of them signal a lost segment (RFC 5681 §3.2).
            self.dup_acks += 1;
            if self.dup_acks == 3 && self.recover.is_none() {
                self.recover = Some(self.snd_max);
                self.rtt_probe = None;
                self.retransmit_head(now, true);
            }
        } else {
            self.peer_window = new_window;
        }
        true
    }

    fn receive_data(&mut self, now: Instant, start: u32, len: u32, fin: bool) {
        if start != self.rcv_nxt {
            // Out of order: keep it, and ACK at once so the sender sees the hole.
            self.out_of_order.push((start, start.wrapping_add(len)));
            if fin {
                self.held_fin = Some(start.wrapping_add(len));
            }
            self.need_ack(SendReason::AckDuplicate);
            return;
        }
        let mut end = start.wrapping_add(len);
        let mut filled_hole = false;
        loop {
            let before = self.out_of_order.len();
            self.out_of_order.retain(|&(s, e)| {
                if seq::le(s, end) {
                    if seq::gt(e, end) {
                        end = e;
                    }
                    false
                } else {
                    true
                }
            });
            if self.out_of_order.len() == before {
                break;
            }
            filled_hole = true;
        }
        let bytes = end.wrapping_sub(self.rcv_nxt);
        self.rcv_nxt = end;
        self.readable += bytes as u64;
        self.delivered_total += bytes as u64;
        self.events.push_back(EndpointEvent::Delivered {
            bytes: bytes as u64,
        });
        self.decide_data_ack(now, bytes, filled_hole);
    }

    fn decide_data_ack(&mut self, now: Instant, bytes: u32, filled_hole: bool) {
        match self.profile.ack_policy {
            AckPolicy::Immediate => self.need_ack(SendReason::AckNow),
            AckPolicy::Delayed { .. } => {
                self.last_data_rcv = Some(now);
                self.unacked_rcv_bytes = self.unacked_rcv_bytes.saturating_add(bytes);
                if filled_hole || !self.out_of_order.is_empty() {
                    self.need_ack(SendReason::AckNow);
                } else if self.quick_acks_left > 0 && !self.pingpong {
                    self.quick_acks_left -= 1;
                    self.need_ack(SendReason::AckNow);
                } else if self.unacked_rcv_bytes >= 2 * self.mss {
                    // At least every second full-sized segment (RFC 1122 §4.2.3.2).
                    self.need_ack(SendReason::AckNow);
                } else if self.ack_need == AckNeed::None {
                    self.ack_need = AckNeed::Delayed;
                }
            }
        }
    }

    /// The peer's FIN arrived with everything before it.
    fn on_fin_in_order(&mut self, now: Instant) {
        self.rcv_nxt = self.rcv_nxt.wrapping_add(1);
        self.fin_received = true;
        match self.state {
            State::SynReceived | State::Established => {
                self.set_state(State::CloseWait, Cause::RecvFin);
                match self.profile.ack_policy {
                    AckPolicy::Immediate => self.need_ack(SendReason::AckOfFin),
                    AckPolicy::Delayed { .. } => {
                        // Linux enters ping-pong mode on FIN: the ACK waits, hoping to
                        // ride on the application's own FIN or data (tcp_fin()).
                        self.pingpong = true;
                        if self.ack_need == AckNeed::None {
                            self.ack_need = AckNeed::Delayed;
                        }
                    }
                }
            }
            State::FinWait1 => {
                self.set_state(State::Closing, Cause::RecvFinSimultaneous);
                self.need_ack(SendReason::AckOfFin);
            }
            State::FinWait2 => {
                self.set_state(State::TimeWait, Cause::RecvFinAfterOurs);
                self.set_time_wait(Some(now + self.profile.time_wait));
                self.need_ack(SendReason::AckOfFin);
            }
            _ => self.need_ack(SendReason::AckDuplicate),
        }
    }

    fn on_rst(&mut self) {
        match self.state {
            State::SynReceived if self.passive => {
                self.drop_half_open(Cause::RecvRstBackToListen);
            }
            State::SynReceived => {
                self.fail(ConnError::Refused);
                self.set_state(State::Closed, Cause::RecvRstRefused);
            }
            State::Established | State::FinWait1 | State::FinWait2 | State::CloseWait => {
                self.fail(ConnError::Reset);
                self.set_state(State::Closed, Cause::RecvRst);
            }
            State::Closing | State::LastAck => self.set_state(State::Closed, Cause::RecvRst),
            // Linux tcp_rfc1337=0 and RFC 9293 alike: a RST ends TIME-WAIT.
            State::TimeWait => self.set_state(State::Closed, Cause::RecvRstInTimeWait),
            State::Closed | State::Listen | State::SynSent => {}
        }
    }

    /// A handshake that came from a listener failed.
    fn drop_half_open(&mut self, cause: Cause) {
        match self.profile.listen_model {
            // RFC 9293 §3.10.7.4: the TCB returns to LISTEN.
            ListenModel::OneTcb => self.set_state(State::Listen, cause),
            ListenModel::RequestSocket => {
                // Linux drops the request socket (inet_csk_reqsk_queue_drop): the connection
                // ends in CLOSED, and the listener, which never left LISTEN, takes the next SYN.
                self.set_state(State::Closed, cause);
                self.state = State::Listen;
            }
        }
        self.reset_connection_fields();
    }
}

#[cfg(test)]
mod tests;
