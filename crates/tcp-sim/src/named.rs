//! The named teaching scenarios the app offers. Each is a plain Rust value,
//! and each has a test in `tests/named.rs` that checks it shows what it is for.
//!
//! The one-connection scenarios use the `linux` profile and a 10 ms one-way
//! delay, so the ladder is easy to read; [`with_profile`] switches any of them
//! to the textbook. The server runs ([`server`]) each set their own.

use crate::profile::ProfileName;
use crate::scenario::{Fault, FaultAction, Injection, KeepaliveSettings, Scenario, Step};
use crate::segment::Flags;
use crate::state::Dir;
use crate::time::Instant;
use Step::*;

pub mod server;

/// One-way delay used by the teaching scenarios.
pub const TEACHING_DELAY_MS: f64 = 10.0;

/// The names, in the order the app lists them.
pub const NAMES: [&str; 21] = [
    "normal",
    "syn_lost",
    "synack_lost",
    "ack_lost",
    "synack_delayed",
    "fin_lost",
    "fin_ack_lost",
    "server_fin_lost",
    "last_ack_lost",
    "half_close",
    "server_closes_first",
    "simultaneous_open",
    "simultaneous_close",
    "connection_refused",
    "old_duplicate_syn",
    "old_syn_established",
    "syn_retries_exhausted",
    "keepalive_peer_crashed",
    "abortive_close",
    "close_wait_forever",
    "orphaned_fin_wait_2",
];

/// A scenario by name, or `None` if the name is unknown.
pub fn by_name(name: &str) -> Option<Scenario> {
    Some(match name {
        "normal" => normal(),
        "syn_lost" => syn_lost(),
        "synack_lost" => synack_lost(),
        "ack_lost" => ack_lost(),
        "synack_delayed" => synack_delayed(),
        "fin_lost" => fin_lost(),
        "fin_ack_lost" => fin_ack_lost(),
        "server_fin_lost" => server_fin_lost(),
        "last_ack_lost" | "time_wait_absorbs_fin" => last_ack_lost(),
        "half_close" => half_close(),
        "server_closes_first" => server_closes_first(),
        "simultaneous_open" => simultaneous_open(),
        "simultaneous_close" => simultaneous_close(),
        "connection_refused" => connection_refused(),
        "old_duplicate_syn" => old_duplicate_syn(),
        "old_syn_established" => old_syn_established(),
        "syn_retries_exhausted" => syn_retries_exhausted(),
        "keepalive_peer_crashed" => keepalive_peer_crashed(),
        "abortive_close" => abortive_close(),
        "close_wait_forever" => close_wait_forever(),
        "orphaned_fin_wait_2" => orphaned_fin_wait_2(),
        _ => return None,
    })
}

/// The named server runs (one listener, many connections), in the order the app lists them.
/// They are Rust values in [`server`]; `scenarios/server/` has each as a file of the same name.
pub const SERVER_NAMES: [&str; 12] = [
    "syn_and_accept_queues",
    "accept_queue_overflow",
    "accept_queue_overflow_reset",
    "syn_flood_no_cookies",
    "syn_flood_cookies",
    "time_wait_new_syn",
    "time_wait_old_syn",
    "time_wait_cut_short_corruption",
    "port_exhaustion",
    "port_reuse_tw_reuse",
    "port_exhaustion_tw_reuse",
    "close_wait_leak",
];

/// A server scenario (one of [`SERVER_NAMES`]) by name, or `None` if the name is unknown.
pub fn server_by_name(name: &str) -> Option<Scenario> {
    Some(match name {
        "syn_and_accept_queues" => server::syn_and_accept_queues(),
        "accept_queue_overflow" => server::accept_queue_overflow(),
        "accept_queue_overflow_reset" => server::accept_queue_overflow_reset(),
        "syn_flood_no_cookies" => server::syn_flood_no_cookies(),
        "syn_flood_cookies" => server::syn_flood_cookies(),
        "time_wait_new_syn" => server::time_wait_new_syn(),
        "time_wait_old_syn" => server::time_wait_old_syn(),
        "time_wait_cut_short_corruption" => server::time_wait_cut_short_corruption(),
        "port_exhaustion" => server::port_exhaustion(),
        "port_reuse_tw_reuse" => server::port_reuse_tw_reuse(),
        "port_exhaustion_tw_reuse" => server::port_exhaustion_tw_reuse(),
        "close_wait_leak" => server::close_wait_leak(),
        _ => return None,
    })
}

/// A scenario of either kind by name: one connection ([`NAMES`]) or a server ([`SERVER_NAMES`]).
pub fn any_by_name(name: &str) -> Option<Scenario> {
    by_name(name).or_else(|| server_by_name(name))
}

/// Every named scenario.
pub fn all() -> Vec<Scenario> {
    NAMES.iter().filter_map(|n| by_name(n)).collect()
}

/// The same scenario under another profile.
pub fn with_profile(mut sc: Scenario, profile: ProfileName) -> Scenario {
    sc.profile = profile;
    sc
}

fn base(name: &str, description: &str) -> Scenario {
    Scenario::new(ProfileName::Linux)
        .named(name, description)
        .delay_ms(TEACHING_DELAY_MS)
}

/// The request/reply exchange of the reference captures: handshake, 100 bytes
/// each way, the client closes first.
fn request_reply(name: &str, description: &str) -> Scenario {
    base(name, description)
        .client(&[Connect, Send(100), Recv(100), Close])
        .server(&[Listen, Recv(100), Send(100), RecvEof, Close])
}

/// No data: handshake, then the client closes and the server closes 200 ms
/// after end-of-file, so every segment of the four-way close is separate.
fn open_close(name: &str, description: &str) -> Scenario {
    base(name, description).client(&[Connect, Close]).server(&[
        Listen,
        RecvEof,
        Sleep(crate::time::Duration::from_millis(200)),
        Close,
    ])
}

/// The exchange of the reference captures: handshake, 100 bytes each way, the client closes first.
pub fn normal() -> Scenario {
    request_reply(
        "normal",
        "Handshake, 100 bytes each way, the client closes first and the server right after",
    )
}

/// The client's first SYN is lost and sent again when the retransmission timer fires.
pub fn syn_lost() -> Scenario {
    request_reply("syn_lost", "The client's first SYN is lost").drop_nth(Dir::C2S, "S", 1)
}

/// The server's first SYN-ACK is lost, so the handshake waits for a retransmission.
pub fn synack_lost() -> Scenario {
    request_reply("synack_lost", "The server's first SYN-ACK is lost").drop_nth(Dir::S2C, "SA", 1)
}

/// The handshake's final ACK is lost; the client's first data segment carries the same ACK and
/// completes the server's handshake.
pub fn ack_lost() -> Scenario {
    request_reply(
        "ack_lost",
        "The third handshake segment (the client's ACK) is lost; the first data segment carries the same ACK",
    )
    .drop_nth(Dir::C2S, "A", 1)
}

/// The SYN-ACK is held up 1.2 s, past the client's RTO: the client resends its SYN and the late
/// SYN-ACK arrives as a duplicate.
pub fn synack_delayed() -> Scenario {
    base(
        "synack_delayed",
        "The SYN-ACK is held up 1.2 s, longer than the client's retransmission timeout; it arrives late, as a duplicate",
    )
    .client(&[Connect, Send(100), Recv(100), Sleep(crate::time::Duration::from_millis(500)), Close])
    .server(&[Listen, Recv(100), Send(100), RecvEof, Close])
    .delay_nth(Dir::S2C, "SA", 1, 1200.0)
}

/// No data; the client's FIN is lost and sent again.
pub fn fin_lost() -> Scenario {
    open_close("fin_lost", "The client's FIN is lost and sent again").drop_nth(Dir::C2S, "FA", 1)
}

/// No data; the server's ACK of the client's FIN is lost.
pub fn fin_ack_lost() -> Scenario {
    open_close(
        "fin_ack_lost",
        "The server's ACK of the client's FIN is lost",
    )
    .drop_nth(Dir::S2C, "A", 1)
}

/// No data; the server's FIN is lost and sent again.
pub fn server_fin_lost() -> Scenario {
    open_close("server_fin_lost", "The server's FIN is lost and sent again").drop_nth(
        Dir::S2C,
        "FA",
        1,
    )
}

/// The client's final ACK is lost: the server resends its FIN and the client, still in TIME-WAIT,
/// answers it. [`by_name`] also knows it as `time_wait_absorbs_fin`.
pub fn last_ack_lost() -> Scenario {
    open_close(
        "last_ack_lost",
        "The last ACK is lost: the server repeats its FIN, and the client, still in TIME-WAIT, answers it",
    )
    .drop_nth(Dir::C2S, "A", 2)
}

/// Half-close: the client sends 100 bytes and shuts down its sending side; the server keeps sending
/// from CLOSE-WAIT.
pub fn half_close() -> Scenario {
    base(
        "half_close",
        "The client sends 100 bytes and shuts down its sending side; the server keeps sending for a while in CLOSE-WAIT",
    )
    .client(&[Connect, Send(100), Shutdown, RecvEof, Close])
    .server(&[
        Listen,
        RecvEof,
        Send(100),
        Sleep(crate::time::Duration::from_millis(150)),
        Send(100),
        Sleep(crate::time::Duration::from_millis(150)),
        Send(100),
        Sleep(crate::time::Duration::from_millis(150)),
        Close,
    ])
}

/// The server closes first, so the server, not the client, ends in TIME-WAIT.
pub fn server_closes_first() -> Scenario {
    base(
        "server_closes_first",
        "The server answers and closes first, so the server ends in TIME-WAIT",
    )
    .client(&[Connect, Send(100), RecvEof, Close])
    .server(&[Listen, Recv(100), Send(100), Close])
}

/// Both sides connect to each other: SYN-SENT → SYN-RECEIVED on both sides (RFC 9293 §3.5).
pub fn simultaneous_open() -> Scenario {
    base(
        "simultaneous_open",
        "Both sides connect to each other at the same moment: SYN-SENT → SYN-RECEIVED on both sides",
    )
    .client(&[Connect, Close, RecvEof])
    .server(&[Connect, RecvEof, Close])
}

/// Both sides close at 200 ms: the FINs cross, and both pass through CLOSING into TIME-WAIT
/// (RFC 9293 §3.6).
pub fn simultaneous_close() -> Scenario {
    base(
        "simultaneous_close",
        "Both sides close at the same moment: their FINs cross, both pass through CLOSING into TIME-WAIT",
    )
    .client(&[Connect, At(Instant::from_ms(200.0)), Close, RecvEof])
    .server(&[Listen, At(Instant::from_ms(200.0)), Close, RecvEof])
}

/// The server runs no steps, so nothing listens: the SYN draws a RST and `connect` fails with
/// "connection refused".
pub fn connection_refused() -> Scenario {
    base(
        "connection_refused",
        "Nothing listens on the server's port: the SYN is answered with RST",
    )
    .client(&[Connect, Send(100), Close])
    .server(&[])
}

/// An old SYN reaches the listener before the client's own; the client resets the resulting SYN-ACK
/// and the server returns to LISTEN (RFC 9293 §3.5).
pub fn old_duplicate_syn() -> Scenario {
    base(
        "old_duplicate_syn",
        "A SYN from an old connection arrives first; the client's reset stops the server from opening a connection nobody wants",
    )
    .client(&[Connect, Close])
    .server(&[Listen, RecvEof, Close])
    .inject(Injection {
        at: Instant::ZERO,
        dir: Dir::C2S,
        flags: Flags::SYN,
        seq_offset: -100_000,
        ack_offset: 0,
    })
    .fault(Fault::new(
        Dir::C2S,
        "S",
        Some(1),
        FaultAction::Delay(crate::time::Duration::from_millis(40)),
    ))
}

/// An old SYN, far below the window, reaches an established connection: it is answered with an ACK
/// and the connection survives.
pub fn old_syn_established() -> Scenario {
    base(
        "old_syn_established",
        "An old SYN reaches an established connection: it is answered with an ACK, and the connection survives",
    )
    .client(&[Connect, Send(100), Recv(100), At(Instant::from_ms(300.0)), Close])
    .server(&[Listen, Recv(100), Send(100), RecvEof, Close])
    .inject(Injection {
        at: Instant::from_ms(150.0),
        dir: Dir::C2S,
        flags: Flags::SYN,
        seq_offset: -100_000,
        ack_offset: 0,
    })
}

/// Every SYN of the client is lost; after its last retry `connect` fails with "connection timed
/// out".
pub fn syn_retries_exhausted() -> Scenario {
    base(
        "syn_retries_exhausted",
        "Every SYN is lost; after its last retry the client gives up with 'connection timed out'",
    )
    .client(&[Connect, Send(100), Close])
    .server(&[Listen, RecvEof, Close])
    .fault(Fault::new(Dir::C2S, "S", None, FaultAction::Drop))
}

/// Keepalive settings short enough to watch: 30 s idle, then a probe every 5 s, 3 probes.
pub const TEACHING_KEEPALIVE: (u64, u64, u32) = (30, 5, 3);

/// A half-open connection (RFC 9293 §3.5.1): after the exchange the client waits for more, the
/// server's host crashes 10 s later and reboots without the connection. Only the client's
/// keepalive probe, sent after 30 s of silence, finds out: the rebooted host answers it with RST.
pub fn keepalive_peer_crashed() -> Scenario {
    let (time_s, intvl_s, probes) = TEACHING_KEEPALIVE;
    base(
        "keepalive_peer_crashed",
        "Keepalive is on (30 s idle, 5 s between probes, 3 probes); the server's host crashes while the client waits, and the client's keepalive probe draws a RST from the rebooted host",
    )
    .keepalive(KeepaliveSettings::on(time_s, intvl_s, probes))
    .client(&[Connect, Send(100), Recv(100), RecvEof])
    .server(&[
        Listen,
        Recv(100),
        Send(100),
        Sleep(crate::time::Duration::from_secs(10)),
        Crash,
    ])
}

/// The client closes with `SO_LINGER` 0 (an abortive close): one RST instead of the FIN
/// exchange, no TIME-WAIT, and the server's read fails with "connection reset".
pub fn abortive_close() -> Scenario {
    base(
        "abortive_close",
        "After the exchange the client aborts (SO_LINGER 0): a RST instead of a FIN, no TIME-WAIT, and the server sees 'connection reset'",
    )
    .client(&[Connect, Send(100), Recv(100), Abort])
    .server(&[Listen, Recv(100), Send(100), RecvEof, Close])
}

/// The server reads end-of-file but never calls close(): it stays in CLOSE-WAIT for good. The
/// client waits in FIN-WAIT-2; Linux ends that orphan after `tcp_fin_timeout`, the textbook never.
pub fn close_wait_forever() -> Scenario {
    base(
        "close_wait_forever",
        "The server reads end-of-file but its application never calls close(): the server stays in CLOSE-WAIT, the client waits in FIN-WAIT-2",
    )
    .client(&[Connect, Send(100), Recv(100), Close])
    .server(&[Listen, Recv(100), Send(100), RecvEof])
}

/// The client closes first and the server's application takes 90 s to close. Linux gives up on
/// the client's orphaned FIN-WAIT-2 after `tcp_fin_timeout` (60 s), so the late FIN meets a RST;
/// the textbook waits and closes normally.
pub fn orphaned_fin_wait_2() -> Scenario {
    base(
        "orphaned_fin_wait_2",
        "The client closes; the server's application closes only 90 s later. Linux drops the client's orphaned FIN-WAIT-2 after tcp_fin_timeout, so the late FIN is answered with RST",
    )
    .client(&[Connect, Send(100), Recv(100), Close])
    .server(&[
        Listen,
        Recv(100),
        Send(100),
        RecvEof,
        Sleep(crate::time::Duration::from_secs(90)),
        Close,
    ])
}
