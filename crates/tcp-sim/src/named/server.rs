//! The named server runs: one listener, many connections. Each is a plain Rust value, like the
//! one-connection scenarios, so the app links no scenario-file reader for them: reading their
//! JSON at run time kept serde_json's parser, `Scenario::from_value` and the files' text in the
//! app's wasm, 23 KB of it gzipped (358,824 bytes gzip -9 before, 335,531 after).
//!
//! The same runs are the files in `scenarios/server/`, which the CLI (`tcp-sim run FILE`) and the
//! tests read; `tests/named.rs` checks that each file reads as the value of the same name.

use crate::profile::ProfileName;
use crate::scenario::{ClientSpec, FloodSpec, ListenerSettings, Scenario, Step};
use crate::state::Dir;
use crate::time::{Duration, Instant};
use Step::*;

/// A server run's name, description, profile and one-way delay; the clients and the server's
/// steps follow.
fn server_run(name: &str, description: &str, profile: ProfileName, delay_ms: f64) -> Scenario {
    Scenario::new(profile)
        .named(name, description)
        .delay_ms(delay_ms)
}

/// The server's application: `listen`, then `before_accepting`, then for each of `connections`
/// an `accept` followed by `each`.
fn server_app(before_accepting: &[Step], connections: usize, each: &[Step]) -> Vec<Step> {
    let accept_each = [&[Accept][..], each].concat();
    [
        &[Listen][..],
        before_accepting,
        &accept_each.repeat(connections),
    ]
    .concat()
}

fn sleep_ms(ms: u64) -> Step {
    Sleep(Duration::from_millis(ms))
}

/// A client's request: connect, send 5 bytes, wait for the server to close, close.
const REQUEST: [Step; 4] = [Connect, Send(5), RecvEof, Close];

/// What the server does with a [`REQUEST`] once accepted: read it and close.
const ANSWER: [Step; 2] = [Recv(5), Close];

/// A client that opens and closes connections quickly: one cycle, 500 ms apart.
const CONNECT_CLOSE_SLEEP: [Step; 3] = [Connect, Close, Sleep(Duration::from_millis(500))];

/// The server of the port runs: accepts `connections`, each closed after the client's FIN.
fn port_server(connections: usize) -> Vec<Step> {
    server_app(&[], connections, &[RecvEof, Close])
}

/// A client host with four ephemeral ports that connects and closes `times` times.
fn four_port_client(index: usize, times: usize) -> ClientSpec {
    ClientSpec::numbered(index, &CONNECT_CLOSE_SLEEP.repeat(times)).with_port_range(40000, 40003)
}

/// Two handshakes complete into the accept queue while the application sleeps; the third
/// waits in the SYN queue for its lost SYN-ACK to be sent again.
pub fn syn_and_accept_queues() -> Scenario {
    server_run(
        "syn_and_accept_queues",
        "Backlog 8. Three clients connect while the server's application sleeps: two handshakes complete and wait in the accept queue; the third client's SYN-ACK is lost, so its request socket stays in the SYN queue until the SYN-ACK is sent again. Then the application accepts all three.",
        ProfileName::Linux,
        10.0,
    )
    .with_listener(ListenerSettings::default().with_backlog(8))
    .server(&server_app(&[sleep_ms(1500)], 3, &ANSWER))
    .add_client(ClientSpec::numbered(0, &REQUEST))
    .add_client(ClientSpec::numbered(1, &REQUEST).starting_at_ms(5.0))
    .add_client(ClientSpec::numbered(2, &REQUEST).starting_at_ms(10.0))
    .drop_nth(Dir::S2C, "SA", 3)
}

/// Backlog 1 (the accept queue holds two) and three clients while the application sleeps: the
/// third handshake ACK finds the queue full; `listener` says what happens to it.
fn accept_queue_overflow_run(
    name: &str,
    description: &str,
    listener: ListenerSettings,
) -> Scenario {
    server_run(name, description, ProfileName::Linux, 10.0)
        .with_listener(listener)
        .server(&server_app(&[sleep_ms(1000)], 3, &ANSWER))
        .add_client(ClientSpec::new([10, 0, 1, 1], &REQUEST))
        .add_client(ClientSpec::new([10, 0, 1, 2], &REQUEST).starting_at_ms(40.0))
        .add_client(ClientSpec::new([10, 0, 1, 3], &REQUEST).starting_at_ms(45.0))
}

/// The third handshake ACK finds the accept queue full and is dropped; the SYN-ACK timer
/// completes the handshake later.
pub fn accept_queue_overflow() -> Scenario {
    accept_queue_overflow_run(
        "accept_queue_overflow",
        "Backlog 1: the accept queue holds two connections. The server sleeps; the third client's handshake ACK finds the queue full and is dropped (tcp_abort_on_overflow=0). The client believes it is connected; the server's SYN-ACK timer fires after its first accept and the client's answer completes the handshake.",
        ListenerSettings::default().with_backlog(1).with_syncookies(0),
    )
}

/// The third handshake ACK finds the accept queue full and is answered with RST.
pub fn accept_queue_overflow_reset() -> Scenario {
    accept_queue_overflow_run(
        "accept_queue_overflow_reset",
        "Backlog 1: the accept queue holds two connections. The server sleeps; the third client's handshake ACK finds the queue full and, with tcp_abort_on_overflow=1, answered with RST: the third client sees connection reset.",
        ListenerSettings::default()
            .with_backlog(1)
            .with_syncookies(0)
            .with_abort_on_overflow(true),
    )
}

/// 1,000 spoofed SYNs per second for 5 s against `listener`; ten clients at 10.0.1.1 to
/// 10.0.1.10 connect 10 ms apart from 1 s on.
fn syn_flood_run(name: &str, description: &str, listener: ListenerSettings) -> Scenario {
    server_run(name, description, ProfileName::Linux, 10.0)
        .with_listener(listener)
        .server(&server_app(&[], 10, &ANSWER))
        .add_clients((1..=10u8).map(|n| {
            ClientSpec::new([10, 0, 1, n], &REQUEST)
                .starting_at_ms(1000.0 + 10.0 * f64::from(n - 1))
        }))
        .with_flood(FloodSpec {
            start: Instant::ZERO,
            rate_per_s: 1000.0,
            count: 5000,
        })
}

/// The flood without SYN cookies: the clients get in only after the flood.
pub fn syn_flood_no_cookies() -> Scenario {
    syn_flood_run(
        "syn_flood_no_cookies",
        "The same flood with tcp_syncookies=0: the SYN queue stays full of requests that never complete, the clients' SYNs are dropped and they get in only after their SYN retries outlast the flood.",
        ListenerSettings::default().with_backlog(128).with_syncookies(0),
    )
}

/// The flood with SYN cookies: every client gets in during the flood.
pub fn syn_flood_cookies() -> Scenario {
    syn_flood_run(
        "syn_flood_cookies",
        "1,000 spoofed SYNs per second for 5 s against backlog 128; ten clients connect during the flood. With tcp_syncookies=1 the SYN queue overflows into SYN cookies and every client gets in.",
        ListenerSettings::default().with_backlog(128),
    )
}

/// The client reconnects from the same port to a server in TIME-WAIT; its newer SYN opens a
/// new connection.
pub fn time_wait_new_syn() -> Scenario {
    server_run(
        "time_wait_new_syn",
        "The server closes first and holds TIME-WAIT; the client reconnects from the same port 100 ms later. Its SYN is newer (a higher timestamp), so TIME-WAIT ends and a new connection opens (RFC 6191, tcp_timewait_state_process).",
        ProfileName::Linux,
        10.0,
    )
    .server(&server_app(&[], 2, &ANSWER))
    .add_client(
        ClientSpec::numbered(0, &[&REQUEST[..], &[sleep_ms(100)], &REQUEST].concat())
            .with_port(40000),
    )
}

/// The same reconnection in the textbook profile after 2 MB: the SYN is not newer, so
/// TIME-WAIT answers it with an ACK.
pub fn time_wait_old_syn() -> Scenario {
    server_run(
        "time_wait_old_syn",
        "Textbook profile, no timestamps: the client sent 2 MB, the server closed first and holds TIME-WAIT. The client reconnects from the same port 100 ms later; its clock-driven ISN has moved on less than the 2 MB it sent, so the SYN is not newer than RCV.NXT and TIME-WAIT answers it with an ACK (RFC 6191). The client resets that ACK, the RST ends TIME-WAIT, and the client's retransmitted SYN opens the new connection.",
        ProfileName::Rfc,
        10.0,
    )
    .server(&[Listen, Accept, Recv(2_000_000), Close, Accept, Recv(5), Close])
    .add_client(
        ClientSpec::numbered(
            0,
            &[
                Connect,
                Send(2_000_000),
                RecvEof,
                Close,
                sleep_ms(100),
                Connect,
                Send(5),
                Close,
            ],
        )
        .with_port(40000),
    )
}

/// TIME-WAIT cut to 10 ms: a delayed segment of the old connection is taken as data of the new
/// one.
pub fn time_wait_cut_short_corruption() -> Scenario {
    server_run(
        "time_wait_cut_short_corruption",
        "TIME-WAIT cut to 10 ms (textbook profile, no timestamps, clock-driven ISNs). A data segment near the end of the first connection is delayed 400 ms; the client reconnects from the same port, and the old segment falls inside the new connection's window: its bytes are taken as data of the new connection.",
        ProfileName::Rfc,
        10.0,
    )
    .time_wait_ms(10.0)
    .server(&[Listen, Accept, RecvEof, Close, Accept, Recv(20_000), Close])
    .add_client(
        ClientSpec::numbered(
            0,
            &[
                Connect,
                Send(100_000),
                Shutdown,
                RecvEof,
                Close,
                sleep_ms(50),
                Connect,
                sleep_ms(300),
                Send(20_000),
                Close,
            ],
        )
        .with_port(40000),
    )
    .delay_nth(Dir::C2S, "A", 60, 400.0)
}

/// Four ephemeral ports, all held in TIME-WAIT: the fifth `connect()` fails.
pub fn port_exhaustion() -> Scenario {
    server_run(
        "port_exhaustion",
        "A client with four ephemeral ports opens and closes connections quickly; each closed connection keeps its port in TIME-WAIT for 60 s, so the fifth connect() fails with EADDRNOTAVAIL.",
        ProfileName::Linux,
        1.0,
    )
    .server(&port_server(5))
    .add_client(four_port_client(0, 5))
}

/// The same client with `tcp_tw_reuse`: every `connect()` succeeds.
pub fn port_reuse_tw_reuse() -> Scenario {
    server_run(
        "port_reuse_tw_reuse",
        "The same client with tcp_tw_reuse=1: after a second in TIME-WAIT a port may be taken over (timestamps protect the new connection), so every connect() succeeds.",
        ProfileName::Linux,
        1.0,
    )
    .server(&port_server(5))
    .add_client(four_port_client(0, 5).with_tw_reuse())
}

/// Both clients side by side: without `tcp_tw_reuse` and with it.
pub fn port_exhaustion_tw_reuse() -> Scenario {
    server_run(
        "port_exhaustion_tw_reuse",
        "Two client hosts with four ephemeral ports each open and close connections to the same server quickly. Each closed connection keeps its port in TIME-WAIT for 60 s: the first host (tcp_tw_reuse=0) fails its fifth connect() with EADDRNOTAVAIL; the second (tcp_tw_reuse=1, timestamps on) takes over a port whose TIME-WAIT is more than a second old.",
        ProfileName::Linux,
        1.0,
    )
    .server(&port_server(12))
    .add_client(four_port_client(0, 5))
    .add_client(four_port_client(1, 6).with_tw_reuse().starting_at_ms(5.0))
}

/// 400 connections whose server application never calls `close()`: they pile up in CLOSE-WAIT.
pub fn close_wait_leak() -> Scenario {
    server_run(
        "close_wait_leak",
        "A server application that reads each request to end-of-file and never calls close(): 400 connections from four clients. Every client's FIN is acknowledged by the kernel, but no FIN comes back, so each server socket stays in CLOSE-WAIT for as long as the application runs; the clients' orphaned FIN-WAIT-2 sockets time out after tcp_fin_timeout.",
        ProfileName::Linux,
        1.0,
    )
    .server(&server_app(&[], 400, &[RecvEof]))
    .add_clients((0..4).map(|i| {
        ClientSpec::numbered(i, &[Connect, Send(100), Close, sleep_ms(20)].repeat(100))
    }))
}
