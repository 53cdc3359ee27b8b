//! Profiles: named parameter sets. `rfc` is the textbook; `linux` is what
//! Linux 6.x does, checked against the captures in `shared/refs`.

use crate::segment::SynOptions;
use crate::time::Duration;
use std::fmt;

/// Which parameter set a run uses; chosen by the scenario's `profile` field.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ProfileName {
    /// The textbook: RFC 9293 and RFC 6298 as written, every segment ACKed at once.
    Rfc,
    /// Linux 6.x, checked against the reference captures.
    Linux,
}

impl ProfileName {
    /// Both profiles, textbook first.
    pub const ALL: [ProfileName; 2] = [ProfileName::Rfc, ProfileName::Linux];

    /// The name used in scenario files and output: `rfc` or `linux`.
    pub fn key(self) -> &'static str {
        match self {
            ProfileName::Rfc => "rfc",
            ProfileName::Linux => "linux",
        }
    }

    /// Parses a scenario file's `rfc` or `linux`.
    pub fn parse(s: &str) -> Option<ProfileName> {
        match s {
            "rfc" => Some(ProfileName::Rfc),
            "linux" => Some(ProfileName::Linux),
            _ => None,
        }
    }

    /// The parameters this name stands for.
    pub fn profile(self) -> Profile {
        match self {
            ProfileName::Rfc => Profile::rfc(),
            ProfileName::Linux => Profile::linux(),
        }
    }
}

impl fmt::Display for ProfileName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.key())
    }
}

/// How an endpoint acknowledges received data.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AckPolicy {
    /// Every segment is acknowledged at once (the textbook picture).
    Immediate,
    /// Linux: quick-ACK at the start of a connection, then delayed ACKs once
    /// the exchange looks interactive ("ping-pong") or after a FIN.
    Delayed {
        /// How long an ACK may wait to ride on a reply (Linux: 40 ms).
        delay: Duration,
        /// How many segments are acknowledged at once at connection start.
        quick_acks: u32,
    },
}

/// How a passive open is held until the handshake completes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ListenModel {
    /// RFC 9293: the listening TCB itself moves LISTEN → SYN-RECEIVED → ESTABLISHED, and a
    /// failed handshake returns it to LISTEN.
    OneTcb,
    /// Linux: the listener never leaves LISTEN. A SYN creates a request socket in SYN-RECEIVED
    /// (in the listener's SYN queue) with its own SYN-ACK timer; the third ACK turns it into the
    /// connection socket, and a failed handshake drops it (`inet_csk_reqsk_queue_drop`).
    RequestSocket,
}

/// Which rule turns the retry settings into the moment a timer gives up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RetryRule {
    /// RFC 9293 §3.8.3 read as counts: give up after that many retransmissions.
    Count,
    /// Linux `tcp_write_timeout` and `reqsk_timer_handler`: SYN and SYN-ACK by count (the SYN
    /// also gets its linear timeouts), data and FIN by a time budget (`retransmits_timed_out`).
    Linux,
}

/// The retry settings. In `linux` each field is the sysctl of the same name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Retries {
    /// How the numbers below are turned into a limit.
    pub rule: RetryRule,
    /// SYN retransmissions (`tcp_syn_retries`).
    pub syn: u32,
    /// SYN timeouts that keep the initial RTO before it doubles (`tcp_syn_linear_timeouts`,
    /// Linux ≥ 6.5); Linux also adds them to the SYN's retry count.
    pub syn_linear: u32,
    /// SYN-ACK retransmissions of a half-open connection (`tcp_synack_retries`).
    pub synack: u32,
    /// Data and FIN: a count in `rfc`, the `boundary` of a time budget in `linux` (`tcp_retries2`).
    pub data: u32,
    /// The same for a socket the application has closed (`tcp_orphan_retries`; Linux reads 0
    /// as 8 while the RTO is below its maximum).
    pub orphan: u32,
}

/// When a retransmission timer gives up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RetryLimit {
    /// After this many retransmissions.
    Count(u32),
    /// When the time since the segment was first sent reaches this budget, checked when the
    /// timer fires (Linux `retransmits_timed_out`).
    Budget(Duration),
}

impl RetryLimit {
    /// Has a timer that fired after `retransmissions` retransmissions, `elapsed` after the
    /// segment was first sent, run out?
    pub fn expired(self, retransmissions: u32, elapsed: Duration) -> bool {
        match self {
            RetryLimit::Count(n) => retransmissions >= n,
            RetryLimit::Budget(budget) => retransmissions > 0 && elapsed >= budget,
        }
    }
}

/// Linux `tcp_model_timeout`: how long `boundary` retransmissions take when the RTO starts at
/// `rto_base` and doubles up to `rto_max`. `tcp_retries2` = 15 with 200 ms and 120 s gives 924.6 s.
pub fn linux_model_timeout(boundary: u32, rto_base: Duration, rto_max: Duration) -> Duration {
    let ratio = (rto_max.0 / rto_base.0.max(1)).max(1);
    let linear_backoff_thresh = ratio.ilog2();
    if boundary <= linear_backoff_thresh {
        rto_base.times((2u64 << boundary) - 1)
    } else {
        rto_base.times((2u64 << linear_backoff_thresh) - 1)
            + rto_max.times((boundary - linear_backoff_thresh) as u64)
    }
}

/// What a retransmitted segment is, for choosing its limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Retransmitted {
    /// The SYN of an active open.
    Syn,
    /// The SYN-ACK of a half-open connection.
    SynAck,
    /// Data or FIN while the application still holds the socket.
    Data,
    /// Data or FIN after the application closed the socket (an orphan, in Linux's words).
    /// `alive`: the RTO has not yet reached its maximum.
    OrphanData {
        /// The RTO is still below its maximum.
        alive: bool,
    },
}

/// Keepalive settings (RFC 1122 §4.2.3.6). In `linux` each field is the sysctl
/// (`tcp_keepalive_time`, `tcp_keepalive_intvl`, `tcp_keepalive_probes`) and `enabled` is
/// `SO_KEEPALIVE`, off unless the application asks. A scenario may override each field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Keepalive {
    /// `SO_KEEPALIVE`: off by default in both profiles (RFC 1122: "MUST default to off").
    pub enabled: bool,
    /// How long the connection must be idle (nothing received) before the first probe.
    pub time: Duration,
    /// The time between unanswered probes.
    pub interval: Duration,
    /// How many unanswered probes make the peer dead.
    pub probes: u32,
}

/// A named set of protocol parameters.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Profile {
    /// Which parameter set this is.
    pub name: ProfileName,
    /// RTO before any RTT sample (RFC 6298 §2.1: 1 s).
    pub initial_rto: Duration,
    /// The lower bound on a computed RTO; see `min_rto_on_variance` for where Linux applies it.
    pub min_rto: Duration,
    /// The upper bound on the RTO, also during backoff (RFC 6298 allows a cap of at least 60 s).
    pub max_rto: Duration,
    /// Linux applies the minimum RTO to the variance term (`srtt + max(4·rttvar, rto_min)`),
    /// RFC 6298 to the whole RTO.
    pub min_rto_on_variance: bool,
    /// When each retransmission timer gives up: derived from Linux's sysctls in `linux`, from
    /// RFC 9293 §3.8.3 counts in `rfc`.
    pub retries: Retries,
    /// How a listener handles a handshake: one TCB that leaves LISTEN (RFC 9293), or a request
    /// socket beside a listener that stays in LISTEN (Linux).
    pub listen_model: ListenModel,
    /// Maximum segment lifetime, quoted in the lesson text; TIME-WAIT itself lasts `time_wait`.
    pub msl: Duration,
    /// TIME-WAIT length: 2×MSL in the textbook, a fixed 60 s on Linux.
    pub time_wait: Duration,
    /// Linux kills an orphaned FIN-WAIT-2 after this (`tcp_fin_timeout`).
    pub fin_wait_2_timeout: Option<Duration>,
    /// Keepalive defaults; a scenario's `keepalive` object overrides them.
    pub keepalive: Keepalive,
    /// Send RST when keepalive gives up on the peer (Linux `tcp_keepalive_timer` calls
    /// `tcp_send_active_reset`); RFC 1122 only says the connection is closed.
    pub rst_on_keepalive_timeout: bool,
    /// When received data is acknowledged.
    pub ack_policy: AckPolicy,
    /// RFC 5961: answer a SYN (or an inexact RST) on a synchronized connection with a challenge ACK.
    pub challenge_ack: bool,
    /// RFC 7323 timestamps, which also give PAWS and RTT samples across retransmissions.
    pub timestamps: bool,
    /// Send RST instead of FIN when closing with unread data (RFC 2525 §2.17, Linux).
    pub rst_on_close_with_unread: bool,
    /// The options put on our SYN or SYN-ACK.
    pub syn_options: SynOptions,
    /// The window advertised on our SYN (unscaled bytes: a SYN's window is never scaled).
    pub syn_window: u16,
    /// The window advertised on our SYN-ACK (unscaled bytes).
    pub synack_window: u16,
    /// The receive window we advertise after the handshake and accept segments against, in bytes
    /// (scaled down by our window scale on the wire).
    pub receive_window: u32,
    /// Our maximum segment size; the effective MSS is the smaller of this and the peer's (536 if it
    /// sends none).
    pub mss: u16,
    /// How long a blocked application call (connect, recv) takes to return
    /// after the kernel has what it waited for. The reference captures show
    /// about 0.25 ms; it decides, e.g., whether a late duplicate SYN-ACK is
    /// answered before the application's first data.
    pub app_wakeup: Duration,
}

impl Profile {
    /// When retransmitting `what` gives up.
    pub fn retry_limit(&self, what: Retransmitted) -> RetryLimit {
        let r = self.retries;
        match (r.rule, what) {
            (RetryRule::Count, Retransmitted::Syn) => RetryLimit::Count(r.syn),
            (RetryRule::Count, Retransmitted::SynAck) => RetryLimit::Count(r.synack),
            (RetryRule::Count, Retransmitted::Data) => RetryLimit::Count(r.data),
            (RetryRule::Count, Retransmitted::OrphanData { .. }) => RetryLimit::Count(r.orphan),
            // tcp_write_timeout: max_retransmits = tcp_syn_retries + tcp_syn_linear_timeouts.
            (RetryRule::Linux, Retransmitted::Syn) => RetryLimit::Count(r.syn + r.syn_linear),
            // reqsk_timer_handler: expire once num_timeout reaches tcp_synack_retries.
            (RetryRule::Linux, Retransmitted::SynAck) => RetryLimit::Count(r.synack),
            // retransmits_timed_out(sk, tcp_retries2, 0) with TCP_RTO_MIN as the base.
            (RetryRule::Linux, Retransmitted::Data) => {
                RetryLimit::Budget(linux_model_timeout(r.data, self.min_rto, self.max_rto))
            }
            // tcp_orphan_retries: 0 means 8 while the socket is "alive".
            (RetryRule::Linux, Retransmitted::OrphanData { alive }) => {
                let n = if r.orphan == 0 && alive { 8 } else { r.orphan };
                RetryLimit::Budget(linux_model_timeout(n, self.min_rto, self.max_rto))
            }
        }
    }

    /// A SYN timeout number `timeouts` (1 for the first) keeps the RTO instead of doubling it.
    pub fn syn_timeout_is_linear(&self, timeouts: u32) -> bool {
        timeouts <= self.retries.syn_linear
    }

    /// The SYN schedule when every SYN is lost: when each retransmission leaves, and when
    /// `connect()` fails, counted from the first SYN. The same rules as the endpoint's timer.
    pub fn syn_schedule(&self) -> (Vec<Duration>, Duration) {
        let limit = self.retry_limit(Retransmitted::Syn);
        let mut rto = self.initial_rto;
        let mut t = Duration::ZERO;
        let mut sent = Vec::new();
        for timeouts in 1.. {
            t = t + rto;
            if limit.expired(sent.len() as u32, t) || timeouts > 1000 {
                break;
            }
            sent.push(t);
            if !self.syn_timeout_is_linear(timeouts) {
                rto = rto.times(2).min(self.max_rto);
            }
        }
        (sent, t)
    }

    /// The same for a SYN-ACK whose handshake never completes: when each retransmission leaves,
    /// and when the half-open connection is dropped, counted from the first SYN-ACK.
    pub fn synack_schedule(&self) -> (Vec<Duration>, Duration) {
        let limit = self.retry_limit(Retransmitted::SynAck);
        let mut rto = self.initial_rto;
        let mut t = Duration::ZERO;
        let mut sent = Vec::new();
        loop {
            t = t + rto;
            if limit.expired(sent.len() as u32, t) || sent.len() > 1000 {
                break;
            }
            sent.push(t);
            rto = rto.times(2).min(self.max_rto);
        }
        (sent, t)
    }

    /// The textbook profile: RFC 9293 and RFC 6298 parameters.
    pub fn rfc() -> Profile {
        Profile {
            name: ProfileName::Rfc,
            initial_rto: Duration::from_secs(1),
            min_rto: Duration::from_secs(1),
            max_rto: Duration::from_secs(60),
            min_rto_on_variance: false,
            retries: Retries {
                rule: RetryRule::Count,
                // RFC 9293 §3.8.3: R2 for a SYN must cover at least 3 minutes
                // (1+2+4+8+16+32+60+60 s with the RTO capped at 60 s).
                syn: 7,
                syn_linear: 0,
                synack: 5,
                // R2 for data: at least 100 s (1+2+4+…+128 s).
                data: 8,
                orphan: 8,
            },
            listen_model: ListenModel::OneTcb,
            msl: Duration::from_secs(120),
            time_wait: Duration::from_secs(240),
            fin_wait_2_timeout: None,
            // RFC 1122 §4.2.3.6: off by default, an idle interval of no less than two hours.
            // It names no probe interval or count; these are BSD's and Linux's.
            keepalive: Keepalive {
                enabled: false,
                time: Duration::from_secs(7200),
                interval: Duration::from_secs(75),
                probes: 9,
            },
            rst_on_keepalive_timeout: false,
            ack_policy: AckPolicy::Immediate,
            challenge_ack: false,
            timestamps: false,
            rst_on_close_with_unread: false,
            syn_options: SynOptions {
                mss: Some(1460),
                window_scale: None,
                sack_permitted: false,
            },
            syn_window: 65535,
            synack_window: 65535,
            receive_window: 65535,
            mss: 1460,
            app_wakeup: Duration::ZERO,
        }
    }

    /// The Linux 6.x profile, matched against the captures in `shared/refs`.
    pub fn linux() -> Profile {
        Profile {
            name: ProfileName::Linux,
            initial_rto: Duration::from_secs(1),
            min_rto: Duration::from_millis(200),
            max_rto: Duration::from_secs(120),
            min_rto_on_variance: true,
            retries: Retries {
                rule: RetryRule::Linux,
                syn: 6,
                syn_linear: 4,
                synack: 5,
                data: 15,
                orphan: 0,
            },
            listen_model: ListenModel::RequestSocket,
            msl: Duration::from_secs(30),
            time_wait: Duration::from_secs(60),
            fin_wait_2_timeout: Some(Duration::from_secs(60)),
            // tcp_keepalive_time 7200 s, tcp_keepalive_intvl 75 s, tcp_keepalive_probes 9;
            // SO_KEEPALIVE is off unless the application sets it.
            keepalive: Keepalive {
                enabled: false,
                time: Duration::from_secs(7200),
                interval: Duration::from_secs(75),
                probes: 9,
            },
            rst_on_keepalive_timeout: true,
            ack_policy: AckPolicy::Delayed {
                delay: Duration::from_millis(40),
                quick_acks: 16,
            },
            challenge_ack: true,
            timestamps: true,
            rst_on_close_with_unread: true,
            syn_options: SynOptions {
                mss: Some(1460),
                window_scale: Some(10),
                sack_permitted: true,
            },
            syn_window: 64240,
            synack_window: 65160,
            receive_window: 64 * 1024,
            mss: 1460,
            app_wakeup: Duration(250_000),
        }
    }
}
