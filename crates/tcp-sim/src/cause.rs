//! Why things happen: the cause of every state transition, the reason for
//! every segment sent, and the timers. The app's explanations are keyed by
//! these enums, and a test checks that every variant has text.

use crate::state::State;

/// Why a state transition happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Cause {
    /// The application opened a passive endpoint (`listen`).
    AppListen,
    /// The application opened an active endpoint (`connect`); a SYN goes out.
    AppConnect,
    /// The application closed a connection that had no peer yet.
    AppCloseUnconnected,
    /// The application closed (or shut down) its sending side; a FIN goes out.
    AppCloseSendFin,
    /// The application closed while unread data was waiting: the connection is reset.
    AppAbort,
    /// A listener received a SYN.
    RecvSyn,
    /// A SYN-SENT endpoint received a SYN without ACK: simultaneous open.
    RecvSynSimultaneous,
    /// A SYN-SENT endpoint received the SYN-ACK it was waiting for.
    RecvSynAck,
    /// A SYN-RECEIVED endpoint received the ACK of its SYN.
    RecvAckOfSyn,
    /// A FIN arrived on an open connection: the peer will send no more.
    RecvFin,
    /// The peer acknowledged our FIN while we wait for its FIN.
    RecvAckOfFin,
    /// Our FIN's ACK arrived while both FINs are out (CLOSING), or after our
    /// FIN ended the connection (LAST-ACK).
    RecvFinalAck,
    /// A FIN arrived before the ACK of our own FIN: simultaneous close.
    RecvFinSimultaneous,
    /// A FIN arrived in FIN-WAIT-2: both directions are closed.
    RecvFinAfterOurs,
    /// A RST arrived in answer to our SYN: nobody listens (connection refused).
    RecvRstRefused,
    /// A RST arrived on a half-open passive connection; back to listening.
    RecvRstBackToListen,
    /// A RST arrived and aborted the connection.
    RecvRst,
    /// A RST arrived during TIME-WAIT and ended it early (RFC 1337 hazard).
    RecvRstInTimeWait,
    /// A SYN inside the window of a synchronized connection (RFC 793 rule): reset.
    RecvSynInWindow,
    /// TIME-WAIT lasted its full 2×MSL (or Linux's fixed 60 s).
    TimeWaitExpired,
    /// Retransmissions reached their limit: the connection is given up.
    RetransmitLimit,
    /// The half-open passive connection gave up resending SYN-ACK; back to listening.
    SynAckRetriesExhausted,
    /// An orphaned FIN-WAIT-2 connection timed out (Linux `tcp_fin_timeout`).
    FinWait2Timeout,
    /// Keepalive probes went unanswered: the peer is taken for dead and the connection is
    /// aborted with "connection timed out" (RFC 1122 §4.2.3.6; Linux `tcp_keepalive_timer`).
    KeepaliveTimeout,
    /// The host crashed (or lost power) and rebooted: it forgot every connection without
    /// sending anything (RFC 9293 §3.5.1, half-open connections).
    HostCrash,
    /// The ACK of a SYN-ACK carried a valid SYN cookie: the listener kept no request for it, so
    /// it rebuilds one from the cookie (Linux `cookie_v4_check`; RFC 4987 §3.6).
    RecvAckWithCookie,
    /// The third ACK arrived while the accept queue was full and `tcp_abort_on_overflow` is 1:
    /// the request is dropped and the client gets a RST (Linux `tcp_check_req`).
    AcceptQueueOverflow,
    /// A new SYN for the four-tuple of a connection in TIME-WAIT, newer than the old connection
    /// (higher sequence number or timestamp), ends TIME-WAIT and opens a new connection
    /// (RFC 6191; Linux `tcp_timewait_state_process`).
    TimeWaitNewSyn,
    /// `connect()` took over the port of a connection in TIME-WAIT (Linux `tcp_tw_reuse`, which
    /// needs timestamps).
    TimeWaitReused,
}

impl Cause {
    /// Every cause, in declaration order; `tcp-lab-content`'s tests check that each has text.
    pub const ALL: [Cause; 29] = [
        Cause::AppListen,
        Cause::AppConnect,
        Cause::AppCloseUnconnected,
        Cause::AppCloseSendFin,
        Cause::AppAbort,
        Cause::RecvSyn,
        Cause::RecvSynSimultaneous,
        Cause::RecvSynAck,
        Cause::RecvAckOfSyn,
        Cause::RecvFin,
        Cause::RecvAckOfFin,
        Cause::RecvFinalAck,
        Cause::RecvFinSimultaneous,
        Cause::RecvFinAfterOurs,
        Cause::RecvRstRefused,
        Cause::RecvRstBackToListen,
        Cause::RecvRst,
        Cause::RecvRstInTimeWait,
        Cause::RecvSynInWindow,
        Cause::TimeWaitExpired,
        Cause::RetransmitLimit,
        Cause::SynAckRetriesExhausted,
        Cause::FinWait2Timeout,
        Cause::KeepaliveTimeout,
        Cause::HostCrash,
        Cause::RecvAckWithCookie,
        Cause::AcceptQueueOverflow,
        Cause::TimeWaitNewSyn,
        Cause::TimeWaitReused,
    ];

    /// A stable key, used in JSON traces and as the content key.
    pub fn key(self) -> &'static str {
        match self {
            Cause::AppListen => "app_listen",
            Cause::AppConnect => "app_connect",
            Cause::AppCloseUnconnected => "app_close_unconnected",
            Cause::AppCloseSendFin => "app_close_send_fin",
            Cause::AppAbort => "app_abort",
            Cause::RecvSyn => "recv_syn",
            Cause::RecvSynSimultaneous => "recv_syn_simultaneous",
            Cause::RecvSynAck => "recv_syn_ack",
            Cause::RecvAckOfSyn => "recv_ack_of_syn",
            Cause::RecvFin => "recv_fin",
            Cause::RecvAckOfFin => "recv_ack_of_fin",
            Cause::RecvFinalAck => "recv_final_ack",
            Cause::RecvFinSimultaneous => "recv_fin_simultaneous",
            Cause::RecvFinAfterOurs => "recv_fin_after_ours",
            Cause::RecvRstRefused => "recv_rst_refused",
            Cause::RecvRstBackToListen => "recv_rst_back_to_listen",
            Cause::RecvRst => "recv_rst",
            Cause::RecvRstInTimeWait => "recv_rst_in_time_wait",
            Cause::RecvSynInWindow => "recv_syn_in_window",
            Cause::TimeWaitExpired => "time_wait_expired",
            Cause::RetransmitLimit => "retransmit_limit",
            Cause::SynAckRetriesExhausted => "synack_retries_exhausted",
            Cause::FinWait2Timeout => "fin_wait_2_timeout",
            Cause::KeepaliveTimeout => "keepalive_timeout",
            Cause::HostCrash => "host_crash",
            Cause::RecvAckWithCookie => "recv_ack_with_cookie",
            Cause::AcceptQueueOverflow => "accept_queue_overflow",
            Cause::TimeWaitNewSyn => "time_wait_new_syn",
            Cause::TimeWaitReused => "time_wait_reused",
        }
    }

    /// The transitions this cause can produce. Used by the tests and by the
    /// content completeness check: every pair here needs an explanation.
    pub fn edges(self) -> &'static [(State, State)] {
        use State::*;
        match self {
            Cause::AppListen => &[(Closed, Listen)],
            Cause::AppConnect => &[(Closed, SynSent)],
            Cause::AppCloseUnconnected => &[(Listen, Closed), (SynSent, Closed)],
            Cause::AppCloseSendFin => &[
                (SynReceived, FinWait1),
                (Established, FinWait1),
                (CloseWait, LastAck),
            ],
            Cause::AppAbort => &[
                (SynReceived, Closed),
                (Established, Closed),
                (FinWait1, Closed),
                (FinWait2, Closed),
                (CloseWait, Closed),
                // An abort after the FIN left only deletes the TCB (RFC 9293 §3.10.5).
                (Closing, Closed),
                (LastAck, Closed),
            ],
            Cause::RecvSyn => &[(Listen, SynReceived)],
            Cause::RecvSynSimultaneous => &[(SynSent, SynReceived)],
            Cause::RecvSynAck => &[(SynSent, Established)],
            Cause::RecvAckOfSyn => &[(SynReceived, Established)],
            Cause::RecvFin => &[(Established, CloseWait), (SynReceived, CloseWait)],
            Cause::RecvAckOfFin => &[(FinWait1, FinWait2)],
            Cause::RecvFinalAck => &[(Closing, TimeWait), (LastAck, Closed)],
            Cause::RecvFinSimultaneous => &[(FinWait1, Closing)],
            Cause::RecvFinAfterOurs => &[(FinWait2, TimeWait)],
            Cause::RecvRstRefused => &[(SynSent, Closed), (SynReceived, Closed)],
            // Linux (request socket): the request is dropped and the listener stays in LISTEN.
            Cause::RecvRstBackToListen => &[(SynReceived, Listen), (SynReceived, Closed)],
            Cause::RecvRst => &[
                (SynReceived, Closed),
                (Established, Closed),
                (FinWait1, Closed),
                (FinWait2, Closed),
                (CloseWait, Closed),
                (Closing, Closed),
                (LastAck, Closed),
            ],
            Cause::RecvRstInTimeWait => &[(TimeWait, Closed)],
            Cause::RecvSynInWindow => &[
                (SynReceived, Closed),
                (Established, Closed),
                (FinWait1, Closed),
                (FinWait2, Closed),
                (CloseWait, Closed),
                (Closing, Closed),
                (LastAck, Closed),
            ],
            Cause::TimeWaitExpired => &[(TimeWait, Closed)],
            Cause::RetransmitLimit => &[
                (SynSent, Closed),
                (SynReceived, Closed),
                (Established, Closed),
                (FinWait1, Closed),
                (CloseWait, Closed),
                (Closing, Closed),
                (LastAck, Closed),
            ],
            Cause::SynAckRetriesExhausted => &[(SynReceived, Listen), (SynReceived, Closed)],
            Cause::FinWait2Timeout => &[(FinWait2, Closed)],
            // Probes go out only when nothing is in flight, so never while a FIN waits for its ACK.
            Cause::KeepaliveTimeout => &[
                (Established, Closed),
                (CloseWait, Closed),
                (FinWait2, Closed),
            ],
            Cause::HostCrash => &[
                (Listen, Closed),
                (SynSent, Closed),
                (SynReceived, Closed),
                (Established, Closed),
                (FinWait1, Closed),
                (FinWait2, Closed),
                (CloseWait, Closed),
                (Closing, Closed),
                (LastAck, Closed),
                (TimeWait, Closed),
            ],
            Cause::RecvAckWithCookie => &[(Listen, SynReceived)],
            Cause::AcceptQueueOverflow => &[(SynReceived, Closed)],
            Cause::TimeWaitNewSyn => &[(TimeWait, Closed)],
            Cause::TimeWaitReused => &[(TimeWait, Closed)],
        }
    }

    /// True when this cause ends the connection abnormally (the app sees an error).
    pub fn is_abort(self) -> bool {
        matches!(
            self,
            Cause::AppAbort
                | Cause::RecvRstRefused
                | Cause::RecvRst
                | Cause::RecvSynInWindow
                | Cause::RetransmitLimit
                | Cause::KeepaliveTimeout
        )
    }
}

/// True when `from → to` for `cause` is allowed by RFC 9293: an edge of the
/// diagram, or one of the error paths its text describes (reset, abort,
/// retransmission limit), which all lead to CLOSED.
pub fn is_rfc_transition(from: State, to: State, cause: Cause) -> bool {
    let on_diagram = State::DIAGRAM_EDGES.contains(&(from, to));
    let error_path = to == State::Closed
        && matches!(
            cause,
            Cause::AppAbort
                | Cause::RecvRst
                | Cause::RecvRstRefused
                | Cause::RecvRstInTimeWait
                | Cause::RecvSynInWindow
                | Cause::RetransmitLimit
                | Cause::FinWait2Timeout
                | Cause::KeepaliveTimeout
                // Not a TCP transition: the host lost the TCB (RFC 9293 §3.5.1).
                | Cause::HostCrash
                // A listener's failed handshake deletes the TCB instead of returning it to
                // LISTEN where the listener is a socket of its own (Linux's request socket).
                | Cause::SynAckRetriesExhausted
                | Cause::RecvRstBackToListen
                // The request socket is dropped with a RST (RFC 9293 §3.10.7.4 lets a listener
                // refuse; Linux's accept queue is full).
                | Cause::AcceptQueueOverflow
        );
    // FIN-WAIT-1 → FIN-WAIT-2 → TIME-WAIT happens in one segment (FIN+ACK),
    // but each half is an edge, so nothing extra is needed for it.
    (on_diagram || error_path || (from, to) == (State::SynReceived, State::CloseWait))
        && cause.edges().contains(&(from, to))
}

/// Why a segment was sent. Every segment in a trace carries one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SendReason {
    /// First SYN of an active open.
    Syn,
    /// The SYN again, after the retransmission timer fired.
    SynRetransmit,
    /// A listener's answer to a SYN: its own SYN plus the ACK of the peer's.
    SynAck,
    /// The SYN-ACK again, after the server's own timer fired.
    SynAckRetransmit,
    /// The SYN-ACK again, because the peer's SYN arrived a second time.
    SynAckToDuplicateSyn,
    /// Simultaneous open: a SYN-SENT endpoint answers a SYN with SYN-ACK.
    SynAckSimultaneous,
    /// The third segment of the handshake: a bare ACK (no SYN).
    HandshakeAck,
    /// Application data.
    Data,
    /// Data again, after the retransmission timer fired.
    DataRetransmit,
    /// Data again, after three duplicate ACKs (fast retransmit).
    DataFastRetransmit,
    /// An ACK sent at once for data (quick-ACK, or a textbook receiver).
    AckNow,
    /// An ACK sent when the delayed-ACK timer fired.
    AckDelayed,
    /// An ACK for a segment that was out of order, duplicate, or outside the window.
    AckDuplicate,
    /// The ACK of the peer's FIN, sent at once.
    AckOfFin,
    /// An RFC 5961 challenge ACK, answering a SYN (or RST) on a synchronized connection.
    ChallengeAck,
    /// In TIME-WAIT, the ACK of a retransmitted FIN (and TIME-WAIT restarts).
    TimeWaitAck,
    /// An ACK answering a segment rejected by PAWS (an old timestamp).
    PawsAck,
    /// The application closed or shut down: FIN (with the ACK riding on it).
    Fin,
    /// The FIN again, after the retransmission timer fired.
    FinRetransmit,
    /// RST: a segment arrived where no socket exists (no listener).
    RstNoListener,
    /// RST: a segment arrived for a connection that no longer exists.
    RstNoConnection,
    /// RST: a SYN-SENT or SYN-RECEIVED endpoint got an ACK for something it never sent.
    RstBadAck,
    /// RST: the application closed with unread data, or aborted.
    RstAbort,
    /// RST: a SYN inside the window of a synchronized connection (RFC 793 rule).
    RstSynInWindow,
    /// A keepalive probe: no data, sequence number SND.UNA − 1, so the peer must answer with an
    /// ACK (RFC 1122 §4.2.3.6; Linux `tcp_write_wakeup`).
    KeepaliveProbe,
    /// RST: keepalive probes went unanswered and the connection is given up (Linux
    /// `tcp_keepalive_timer` → `tcp_send_active_reset`).
    RstKeepaliveTimeout,
    /// Not sent by either endpoint now: an old duplicate from an earlier
    /// incarnation of the connection, injected by the scenario.
    OldDuplicate,
    /// A SYN from a flood source with a spoofed address: nobody there will ever answer the
    /// SYN-ACK (RFC 4987 §2).
    FloodSyn,
    /// A SYN-ACK whose sequence number is a SYN cookie: the SYN queue was full, so the listener
    /// keeps nothing and encodes the request in the ISN (RFC 4987 §3.6; Linux
    /// `cookie_v4_init_sequence`).
    SynAckCookie,
    /// RST: the third ACK found the accept queue full and `tcp_abort_on_overflow` is 1.
    RstListenOverflow,
    /// In TIME-WAIT, the ACK answering a SYN that is not newer than the old connection
    /// (RFC 6191; Linux `tcp_timewait_state_process` → `TCP_TW_ACK`).
    AckOldSynInTimeWait,
}

impl SendReason {
    /// Every send reason, in declaration order; `tcp-lab-content`'s tests check that each has text.
    pub const ALL: [SendReason; 31] = [
        SendReason::Syn,
        SendReason::SynRetransmit,
        SendReason::SynAck,
        SendReason::SynAckRetransmit,
        SendReason::SynAckToDuplicateSyn,
        SendReason::SynAckSimultaneous,
        SendReason::HandshakeAck,
        SendReason::Data,
        SendReason::DataRetransmit,
        SendReason::DataFastRetransmit,
        SendReason::AckNow,
        SendReason::AckDelayed,
        SendReason::AckDuplicate,
        SendReason::AckOfFin,
        SendReason::ChallengeAck,
        SendReason::TimeWaitAck,
        SendReason::PawsAck,
        SendReason::Fin,
        SendReason::FinRetransmit,
        SendReason::RstNoListener,
        SendReason::RstNoConnection,
        SendReason::RstBadAck,
        SendReason::RstAbort,
        SendReason::RstSynInWindow,
        SendReason::KeepaliveProbe,
        SendReason::RstKeepaliveTimeout,
        SendReason::OldDuplicate,
        SendReason::FloodSyn,
        SendReason::SynAckCookie,
        SendReason::RstListenOverflow,
        SendReason::AckOldSynInTimeWait,
    ];

    /// A stable key, used in JSON traces and as the content key.
    pub fn key(self) -> &'static str {
        match self {
            SendReason::Syn => "syn",
            SendReason::SynRetransmit => "syn_retransmit",
            SendReason::SynAck => "syn_ack",
            SendReason::SynAckRetransmit => "syn_ack_retransmit",
            SendReason::SynAckToDuplicateSyn => "syn_ack_to_duplicate_syn",
            SendReason::SynAckSimultaneous => "syn_ack_simultaneous",
            SendReason::HandshakeAck => "handshake_ack",
            SendReason::Data => "data",
            SendReason::DataRetransmit => "data_retransmit",
            SendReason::DataFastRetransmit => "data_fast_retransmit",
            SendReason::AckNow => "ack_now",
            SendReason::AckDelayed => "ack_delayed",
            SendReason::AckDuplicate => "ack_duplicate",
            SendReason::AckOfFin => "ack_of_fin",
            SendReason::ChallengeAck => "challenge_ack",
            SendReason::TimeWaitAck => "time_wait_ack",
            SendReason::PawsAck => "paws_ack",
            SendReason::Fin => "fin",
            SendReason::FinRetransmit => "fin_retransmit",
            SendReason::RstNoListener => "rst_no_listener",
            SendReason::RstNoConnection => "rst_no_connection",
            SendReason::RstBadAck => "rst_bad_ack",
            SendReason::RstAbort => "rst_abort",
            SendReason::RstSynInWindow => "rst_syn_in_window",
            SendReason::KeepaliveProbe => "keepalive_probe",
            SendReason::RstKeepaliveTimeout => "rst_keepalive_timeout",
            SendReason::OldDuplicate => "old_duplicate",
            SendReason::FloodSyn => "flood_syn",
            SendReason::SynAckCookie => "syn_ack_cookie",
            SendReason::RstListenOverflow => "rst_listen_overflow",
            SendReason::AckOldSynInTimeWait => "ack_old_syn_in_time_wait",
        }
    }

    /// The segment repeats one sent before: a SYN, SYN-ACK (also one answering a duplicate SYN),
    /// data or FIN resent.
    pub fn is_retransmission(self) -> bool {
        matches!(
            self,
            SendReason::SynRetransmit
                | SendReason::SynAckRetransmit
                | SendReason::SynAckToDuplicateSyn
                | SendReason::DataRetransmit
                | SendReason::DataFastRetransmit
                | SendReason::FinRetransmit
        )
    }
}

/// The timers an endpoint runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TimerKind {
    /// Retransmission of an unacknowledged SYN.
    RetransmitSyn,
    /// Retransmission of an unacknowledged SYN-ACK.
    RetransmitSynAck,
    /// Retransmission of unacknowledged data.
    RetransmitData,
    /// Retransmission of an unacknowledged FIN.
    RetransmitFin,
    /// The delayed-ACK timer (Linux: at least 40 ms).
    DelayedAck,
    /// TIME-WAIT: 2×MSL in the textbook, 60 s on Linux.
    TimeWait,
    /// Linux's limit on an orphaned FIN-WAIT-2 (`tcp_fin_timeout`).
    FinWait2,
    /// The keepalive timer: idle time before the first probe, then the interval between probes
    /// (RFC 1122 §4.2.3.6; Linux `tcp_keepalive_time`, `tcp_keepalive_intvl`).
    Keepalive,
}

impl TimerKind {
    /// Every timer, in declaration order; `tcp-lab-content`'s tests check that each has text.
    pub const ALL: [TimerKind; 8] = [
        TimerKind::RetransmitSyn,
        TimerKind::RetransmitSynAck,
        TimerKind::RetransmitData,
        TimerKind::RetransmitFin,
        TimerKind::DelayedAck,
        TimerKind::TimeWait,
        TimerKind::FinWait2,
        TimerKind::Keepalive,
    ];

    /// A stable key, used in JSON traces and as the content key.
    pub fn key(self) -> &'static str {
        match self {
            TimerKind::RetransmitSyn => "retransmit_syn",
            TimerKind::RetransmitSynAck => "retransmit_syn_ack",
            TimerKind::RetransmitData => "retransmit_data",
            TimerKind::RetransmitFin => "retransmit_fin",
            TimerKind::DelayedAck => "delayed_ack",
            TimerKind::TimeWait => "time_wait",
            TimerKind::FinWait2 => "fin_wait_2",
            TimerKind::Keepalive => "keepalive",
        }
    }

    /// The retransmission timers share one slot per endpoint.
    pub fn is_retransmit(self) -> bool {
        matches!(
            self,
            TimerKind::RetransmitSyn
                | TimerKind::RetransmitSynAck
                | TimerKind::RetransmitData
                | TimerKind::RetransmitFin
        )
    }
}
