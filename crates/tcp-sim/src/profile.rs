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
    /// SYN retransmissions that keep the initial RTO before backoff starts (Linux `tcp_syn_linear_timeouts`).
    pub syn_linear_retries: u32,
    /// SYN retransmissions before `connect` fails with "connection timed out".
    pub syn_retries: u32,
    /// SYN-ACK retransmissions before SYN-RECEIVED gives up: back to LISTEN if the connection
    /// came from a listener, else "connection timed out".
    pub synack_retries: u32,
    /// Retransmissions of data or FIN before the connection is given up.
    pub data_retries: u32,
    /// Maximum segment lifetime, quoted in the lesson text; TIME-WAIT itself lasts `time_wait`.
    pub msl: Duration,
    /// TIME-WAIT length: 2×MSL in the textbook, a fixed 60 s on Linux.
    pub time_wait: Duration,
    /// Linux kills an orphaned FIN-WAIT-2 after this (`tcp_fin_timeout`).
    pub fin_wait_2_timeout: Option<Duration>,
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
    /// The textbook profile: RFC 9293 and RFC 6298 parameters.
    pub fn rfc() -> Profile {
        Profile {
            name: ProfileName::Rfc,
            initial_rto: Duration::from_secs(1),
            min_rto: Duration::from_secs(1),
            max_rto: Duration::from_secs(60),
            min_rto_on_variance: false,
            syn_linear_retries: 0,
            // RFC 9293 §3.8.3: R2 for a SYN must cover at least 3 minutes
            // (1+2+4+8+16+32+60+60 s with RTO capped at 60 s).
            syn_retries: 7,
            synack_retries: 5,
            data_retries: 8,
            msl: Duration::from_secs(120),
            time_wait: Duration::from_secs(240),
            fin_wait_2_timeout: None,
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
            syn_linear_retries: 4,
            syn_retries: 6,
            synack_retries: 5,
            data_retries: 15,
            msl: Duration::from_secs(30),
            time_wait: Duration::from_secs(60),
            fin_wait_2_timeout: Some(Duration::from_secs(60)),
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
