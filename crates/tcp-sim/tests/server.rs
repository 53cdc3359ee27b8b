//! A listener with many connections: the queue rules, SYN cookies, TIME-WAIT and ports, each
//! reached by running the protocol, and the example files in `scenarios/server`.

use tcp_sim::server::ListenerEventKind as K;
use tcp_sim::{run, Cause, ConnError, ProfileName, Scenario, SendReason, Side, State, Step, Trace};

fn file(name: &str) -> Scenario {
    let path = format!(
        "{}/scenarios/server/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    Scenario::from_json(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

/// Every transition is an edge of its cause, and every connection ends closed (or, for the
/// listener's side, never existed). A server application that never calls `close` leaves its
/// ends in CLOSE-WAIT: nothing in TCP ends that state but the application.
fn assert_legal(t: &Trace) {
    assert_legal_leaving(t, &[]);
}

fn assert_legal_leaving(t: &Trace, server_left_in: &[State]) {
    for tr in &t.transitions {
        assert!(
            tr.cause.edges().contains(&(tr.from, tr.to)),
            "{:?}: {} -> {}",
            tr.cause,
            tr.from,
            tr.to
        );
    }
    assert!(!t.truncated);
    for c in &t.connections {
        for (end, s) in c.final_states.into_iter().enumerate() {
            let Some(s) = s else { continue };
            assert!(
                matches!(s, State::Closed | State::SynSent | State::SynReceived)
                    || (end == 1 && server_left_in.contains(&s)),
                "conn {} ends in {s}",
                c.id
            );
        }
    }
}

fn reasons(t: &Trace, r: SendReason) -> usize {
    t.segments.iter().filter(|s| s.reason == r).count()
}

fn causes(t: &Trace, c: Cause) -> usize {
    t.transitions.iter().filter(|s| s.cause == c).count()
}

#[test]
fn test_every_example_file_runs_to_legal_ends() {
    let dir = format!("{}/scenarios/server", env!("CARGO_MANIFEST_DIR"));
    let mut n = 0;
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        let sc = Scenario::from_json(&std::fs::read_to_string(&p).unwrap()).unwrap();
        assert!(sc.is_server_run());
        assert_eq!(Scenario::from_value(&sc.to_json()).unwrap(), sc, "{p:?}");
        let t = run(&sc);
        let never_closes = !sc.server.contains(&Step::Close);
        assert_legal_leaving(
            &t,
            if never_closes {
                &[State::CloseWait]
            } else {
                &[]
            },
        );
        // Each file is offered by name, and the name is the file's.
        let name = p.file_stem().unwrap().to_str().unwrap();
        assert_eq!(sc.name, name);
        assert_eq!(tcp_sim::named::server_by_name(name).as_ref(), Some(&sc));
        // Every segment and connection transition names its connection.
        assert!(t.segments.iter().all(|s| s.conn.is_some()));
        let json = t.to_json();
        assert!(json["segments"][0]["conn"].is_number());
        n += 1;
    }
    assert_eq!(n, tcp_sim::named::SERVER_NAMES.len());
}

#[test]
fn test_syn_received_ack_with_accept_queue_full_is_dropped() {
    let t = run(&file("accept_queue_overflow"));
    let l = t.listener.as_ref().unwrap();
    assert!(l.count(K::AckDroppedAcceptQueueFull) >= 1);
    // The request stays; its SYN-ACK timer draws a new ACK after the application accepts.
    assert!(reasons(&t, SendReason::SynAckRetransmit) >= 1);
    assert_eq!(l.counters.accepted, 3);
    assert!(t.errors.is_empty(), "{:?}", t.errors);
    assert_eq!(
        l.peak_queues().1,
        2,
        "backlog 1 holds two completed connections"
    );
}

#[test]
fn test_syn_received_ack_with_accept_queue_full_is_reset() {
    let t = run(&file("accept_queue_overflow_reset"));
    assert_eq!(reasons(&t, SendReason::RstListenOverflow), 1);
    assert_eq!(causes(&t, Cause::AcceptQueueOverflow), 1);
    assert_eq!(t.errors.len(), 1);
    assert_eq!(t.errors[0].client, Some(2));
    assert_eq!(
        t.errors[0].failure,
        tcp_sim::AppFailure::Conn(ConnError::Reset)
    );
}

#[test]
fn test_listen_syn_with_accept_queue_full_is_dropped() {
    // Backlog 0: one completed connection fills the accept queue; the next SYN is dropped and
    // the client gets in with its retransmitted SYN once the server accepts.
    let c = |i: usize, at: u32| {
        tcp_sim::scenario::ClientSpec::numbered(
            i,
            &[
                Step::At(tcp_sim::Instant::from_ms(at as f64)),
                Step::Connect,
                Step::Close,
            ],
        )
    };
    let sc = Scenario::new(ProfileName::Linux)
        .delay_ms(10.0)
        .server(&[
            Step::Listen,
            Step::Sleep(tcp_sim::Duration::from_millis(500)),
            Step::Accept,
            Step::Close,
            Step::Accept,
            Step::Close,
        ])
        .add_client(c(0, 0))
        .add_client(c(1, 100))
        .with_listener(tcp_sim::scenario::ListenerSettings {
            backlog: Some(0),
            ..Default::default()
        });
    let t = run(&sc);
    let l = t.listener.as_ref().unwrap();
    assert_eq!(l.count(K::SynDroppedAcceptQueueFull), 1);
    assert_eq!(reasons(&t, SendReason::SynRetransmit), 1);
    assert_eq!(l.counters.accepted, 2);
    assert_legal(&t);
}

#[test]
fn test_listen_syn_with_syn_queue_full_gets_a_cookie() {
    let t = run(&file("syn_flood_cookies"));
    let l = t.listener.as_ref().unwrap();
    assert!(l.counters.cookies_sent > 4000);
    assert_eq!(l.counters.accepted, 10);
    assert_eq!(causes(&t, Cause::RecvAckWithCookie), 10);
    // The SYN queue never grows past backlog + 1.
    assert_eq!(l.peak_queues().0, 129);
    // A cookie connection keeps no request socket: no SYN-ACK is ever retransmitted for it.
    for c in t.connections.iter().filter(|c| c.cookie) {
        assert!(!t
            .segments
            .iter()
            .any(|s| s.conn == Some(c.id) && s.reason == SendReason::SynAckRetransmit));
    }
}

#[test]
fn test_listen_syn_with_syn_queue_full_without_cookies_is_dropped() {
    let t = run(&file("syn_flood_no_cookies"));
    let l = t.listener.as_ref().unwrap();
    assert_eq!(l.counters.cookies_sent, 0);
    assert!(l.count(K::SynDroppedSynQueueFull) > 4000);
    // The clients got in only by retransmitting their SYNs.
    assert!(reasons(&t, SendReason::SynRetransmit) >= 10);
    assert_eq!(l.counters.accepted, 10);
}

#[test]
fn test_cookie_without_timestamps_loses_window_scale_and_sack() {
    // The textbook profile has no timestamps; with cookies on, the cookie SYN-ACK offers only
    // an MSS from the cookie table.
    let mut sc = file("syn_flood_cookies");
    sc.profile = ProfileName::Rfc;
    sc.listener.syncookies = Some(1);
    let t = run(&sc);
    let s = t
        .segments
        .iter()
        .find(|s| s.reason == SendReason::SynAckCookie)
        .unwrap();
    let o = s.segment.syn_options.unwrap();
    assert_eq!((o.window_scale, o.sack_permitted), (None, false));
    assert!(tcp_sim::server::cookie::MSS_TABLE.contains(&o.mss.unwrap()));
}

#[test]
fn test_time_wait_newer_syn_opens_a_new_connection() {
    let t = run(&file("time_wait_new_syn"));
    assert_eq!(causes(&t, Cause::TimeWaitNewSyn), 1);
    assert_eq!(t.connections.len(), 2);
    assert_eq!(t.connections[0].client_port, t.connections[1].client_port);
    // Each connection's ladder on its own: a handshake, then its data and close.
    for c in 0..2 {
        let flags: Vec<String> = t.segments_of_conn(c).map(|s| s.flags_str()).collect();
        assert_eq!(flags[..3], ["S", "SA", "A"], "conn {c}: {flags:?}");
        assert!(t
            .transitions_of_conn(c)
            .all(|tr| tr.socket == tcp_sim::Socket::Connection));
    }
    // The new ISN lies above everything the old connection sent.
    let old = t.connections[0].server_isn.unwrap();
    let new = t.connections[1].server_isn.unwrap();
    assert!(new.wrapping_sub(old) > 65536 && new.wrapping_sub(old) < 70000);
    assert!(t.errors.is_empty());
}

#[test]
fn test_time_wait_old_syn_is_acked() {
    let t = run(&file("time_wait_old_syn"));
    assert_eq!(reasons(&t, SendReason::AckOldSynInTimeWait), 1);
    // The client resets that ACK, which ends TIME-WAIT; its next SYN gets in.
    assert_eq!(causes(&t, Cause::RecvRstInTimeWait), 1);
    assert!(t.errors.is_empty(), "{:?}", t.errors);
    assert_eq!(t.listener.as_ref().unwrap().counters.accepted, 2);
}

#[test]
fn test_time_wait_cut_short_lets_an_old_segment_corrupt_the_new_connection() {
    let t = run(&file("time_wait_cut_short_corruption"));
    assert_eq!(t.corruptions.len(), 1);
    let k = t.corruptions[0];
    assert_eq!((k.from_conn, k.into_conn, k.bytes), (0, 1, 1460));
    assert_eq!(t.to_json()["corruptions"][0]["bytes"], 1460);
    // With TIME-WAIT at its full length, the port is still held and connect() fails instead.
    let mut sc = file("time_wait_cut_short_corruption");
    sc.time_wait = None;
    let t = run(&sc);
    assert!(t.corruptions.is_empty());
    assert_eq!(
        t.errors[0].failure,
        tcp_sim::AppFailure::Conn(ConnError::AddrNotAvailable)
    );
}

#[test]
fn test_closed_connect_ports_exhausted() {
    let t = run(&file("port_exhaustion"));
    assert_eq!(t.connections.len(), 4);
    assert_eq!(t.errors.len(), 1);
    assert_eq!(t.errors[0].side, Side::Client);
    assert_eq!(t.to_json()["errors"][0]["error"], "address_not_available");
}

#[test]
fn test_time_wait_connect_reuses_port_with_tw_reuse() {
    let t = run(&file("port_reuse_tw_reuse"));
    assert!(t.errors.is_empty(), "{:?}", t.errors);
    assert_eq!(t.connections.len(), 5);
    assert_eq!(causes(&t, Cause::TimeWaitReused), 1);
    assert_eq!(t.connections[4].client_port, t.connections[0].client_port);
}

#[test]
fn test_rfc_backlog_counts_half_open_and_completed() {
    // RFC 4987 §2: one backlog of SYN-RECEIVED and completed connections; a full one drops SYNs.
    let mut sc = file("syn_flood_no_cookies");
    sc.profile = ProfileName::Rfc;
    sc.listener.backlog = Some(16);
    let t = run(&sc);
    let l = t.listener.as_ref().unwrap();
    assert!(l.events.iter().all(|e| e.syn_queue + e.accept_queue <= 16));
    assert!(l.count(K::SynDroppedSynQueueFull) > 0);
    assert_legal(&t);
}

#[test]
fn test_old_scenarios_get_no_connection_fields() {
    let t = run(&tcp_sim::named::normal());
    assert!(t.connections.is_empty() && t.listener.is_none());
    let j = t.to_json();
    assert!(j.get("connections").is_none());
    assert!(j["segments"][0].get("conn").is_none());
}

#[test]
fn test_established_rst_before_read_server_goes_on_with_next_accept() {
    // The first client resets its connection before the server reads; the failed `recv` costs
    // the server that connection only, and it accepts and serves the second client.
    let sc = Scenario::from_json(
        r#"{"profile": "linux", "one_way_delay_ms": 10,
            "server": ["listen", "sleep 100", "accept", "recv 5", "close", "accept", "recv 5", "close"],
            "clients": [{"steps": ["connect", "abort"]},
                        {"steps": ["at 50", "connect", "send 5", "recv_eof", "close"]}]}"#,
    )
    .unwrap();
    let t = run(&sc);
    assert_eq!(t.errors.len(), 1, "{:?}", t.errors);
    assert_eq!(t.errors[0].side, Side::Server);
    assert_eq!(t.listener.as_ref().unwrap().counters.accepted, 2);
    assert_eq!(t.connections[1].final_states, [Some(State::Closed); 2]);
    // The application records say whose step ran, and on which connection.
    assert!(t
        .app
        .iter()
        .any(|r| r.client == Some(1) && r.conn == Some(1)));
    assert_legal(&t);
}

#[test]
fn test_server_fields_errors_name_the_field() {
    let cases = [
        (r#"{"listener": {"backlog": -1}}"#, "listener.backlog"),
        (r#"{"listener": {"syncookies": 3}}"#, "listener.syncookies"),
        (r#"{"listener": {"queue": 3}}"#, "listener.queue"),
        (r#"{"flood": {"count": 5}}"#, "flood.rate_per_s"),
        (
            r#"{"flood": {"rate_per_s": 0, "count": 5}}"#,
            "flood.rate_per_s",
        ),
        (r#"{"clients": [{"addr": "10.0.1"}]}"#, "clients[0].addr"),
        (
            r#"{"clients": [{"port_range": [5, 4]}]}"#,
            "clients[0].port_range",
        ),
        (r#"{"clients": [{"steps": ["jump"]}]}"#, "clients[0]"),
        (
            r#"{"clients": [{"addr": "10.0.1.2"}, {"addr": "10.0.1.2"}]}"#,
            "clients",
        ),
        (r#"{"client": ["connect"], "clients": [{}]}"#, "clients"),
        (
            r#"{"clients": [{}], "inject": [{"dir": "c2s", "flags": "S"}]}"#,
            "inject",
        ),
        (r#"{"time_wait_ms": -5}"#, "time_wait_ms"),
    ];
    for (text, field) in cases {
        let e = Scenario::from_json(text).unwrap_err();
        assert!(e.field.starts_with(field), "{text}: {e}");
    }
}

#[test]
fn test_listen_syn_without_cookies_keeps_last_quarter_of_max_syn_backlog() {
    // tcp_max_syn_backlog 16 and no cookies: once fewer than 16 / 4 places are left, new SYNs
    // are dropped even though the backlog (200) would allow more.
    let sc = Scenario::from_json(
        r#"{"profile": "linux", "one_way_delay_ms": 10,
            "listener": {"backlog": 200, "max_syn_backlog": 16, "syncookies": 0},
            "server": ["listen"],
            "flood": {"rate_per_s": 1000, "count": 50}}"#,
    )
    .unwrap();
    let t = run(&sc);
    let l = t.listener.as_ref().unwrap();
    assert_eq!(l.peak_queues().0, 13);
    assert_eq!(l.count(K::SynDroppedMaxSynBacklog), 37);
    assert_eq!(l.count(K::SynQueued), 13);
    assert_legal(&t);
}

#[cfg(not(target_arch = "wasm32"))]
mod properties {
    use super::*;
    use proptest::prelude::*;
    use tcp_sim::scenario::{ClientSpec, FloodSpec, ListenerSettings};

    fn scenario(
        rfc: bool,
        backlog: u32,
        cookies: u8,
        abort: bool,
        flood: u32,
        clients: Vec<(bool, u8, u16)>,
        (loss, seed): (u8, u64),
    ) -> Scenario {
        let mut server = vec![Step::Listen];
        for _ in 0..clients.iter().map(|c| c.1 as usize).sum::<usize>() {
            server.extend([Step::Accept, Step::Close]);
        }
        let mut sc = Scenario::new(if rfc {
            ProfileName::Rfc
        } else {
            ProfileName::Linux
        })
        .delay_ms(5.0)
        .server(&server)
        .with_listener(ListenerSettings {
            backlog: Some(backlog),
            syncookies: Some(cookies),
            abort_on_overflow: Some(abort),
            ..Default::default()
        })
        .loss(loss as f64, seed);
        if flood > 0 {
            sc = sc.with_flood(FloodSpec {
                start: tcp_sim::Instant::ZERO,
                rate_per_s: 2000.0,
                count: flood,
            });
        }
        for (i, (fixed, reconnects, gap)) in clients.into_iter().enumerate() {
            let mut steps = Vec::new();
            for _ in 0..reconnects {
                steps.extend([
                    Step::Connect,
                    Step::Send(10),
                    Step::Close,
                    Step::Sleep(tcp_sim::Duration::from_millis(gap as u64)),
                ]);
            }
            let mut c = ClientSpec::numbered(i, &steps);
            c.port_range = (40000, 40002);
            c.tw_reuse = i % 2 == 0;
            if fixed {
                c = c.with_port(40000);
            }
            sc = sc.add_client(c);
        }
        sc
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

        #[test]
        fn prop_random_floods_backlogs_and_reconnects_end_legally(
            rfc in any::<bool>(),
            backlog in 0u32..6,
            cookies in 0u8..3,
            abort in any::<bool>(),
            flood in 0u32..400,
            clients in proptest::collection::vec((any::<bool>(), 1u8..4, 0u16..3000), 1..5),
            loss in 0u8..15,
            seed in any::<u64>(),
        ) {
            let sc = scenario(rfc, backlog, cookies, abort, flood, clients, (loss, seed));
            let t = run(&sc);
            prop_assert!(!t.truncated);
            for tr in &t.transitions {
                prop_assert!(tr.cause.edges().contains(&(tr.from, tr.to)),
                    "{:?}: {} -> {}", tr.cause, tr.from, tr.to);
            }
            // Each end's states form one chain.
            for c in &t.connections {
                for side in [Side::Client, Side::Server] {
                    let mut last: Option<State> = None;
                    for tr in t.transitions.iter().filter(|tr| tr.conn == Some(c.id) && tr.side == side) {
                        // A later SYN or cookie ACK of the same client connection may find its
                        // server socket gone and make a new one, which starts in LISTEN.
                        let new_socket = side == Side::Server
                            && tr.from == State::Listen
                            && last.is_some_and(|l| matches!(l, State::Closed | State::Listen));
                        if let Some(l) = last.filter(|_| !new_socket) {
                            prop_assert_eq!(l, tr.from, "conn {} {}", c.id, side);
                        }
                        last = Some(tr.to);
                    }
                    let end = c.final_states[side.index()];
                    prop_assert_eq!(last.map(|s| if s == State::Listen { State::Closed } else { s }), end.filter(|_| last.is_some()));
                }
            }
            let l = t.listener.as_ref().unwrap();
            // Both queues hold max_ack_backlog + 1 ("greater than" tests); a SYN that ends a
            // TIME-WAIT skips the SYN queue's test, as in tcp_conn_request (`!isn`).
            let cap = l.limits.max_ack_backlog + 1;
            let mut recycled = 0;
            for e in &l.events {
                if e.kind == K::TimeWaitRecycled {
                    recycled += 1;
                }
                prop_assert!(e.syn_queue <= cap + recycled && e.accept_queue <= cap);
            }
        }
    }
}

#[test]
fn test_close_wait_server_application_never_closes() {
    // Every client's FIN is acknowledged by the server's kernel, the clients' orphans time out
    // in FIN-WAIT-2, and every server end is still in CLOSE-WAIT when the run ends.
    let t = run(&file("close_wait_leak"));
    assert_eq!(t.connections.len(), 400);
    assert!(t
        .connections
        .iter()
        .all(|c| c.final_states == [Some(State::Closed), Some(State::CloseWait)]));
    assert_eq!(
        reasons(&t, SendReason::Fin),
        400,
        "only the clients send FIN"
    );
    assert_eq!(t.listener.as_ref().unwrap().counters.accepted, 400);
    assert!(t.errors.is_empty());
}

#[test]
fn test_time_wait_connect_fails_without_tw_reuse_and_reuses_with_it() {
    // Two hosts, same four ports, same server: only the host with tcp_tw_reuse gets past the
    // fourth connection.
    let t = run(&file("port_exhaustion_tw_reuse"));
    assert_eq!(t.errors.len(), 1);
    assert_eq!(t.errors[0].client, Some(0));
    assert_eq!(
        t.errors[0].failure,
        tcp_sim::AppFailure::Conn(ConnError::AddrNotAvailable)
    );
    assert_eq!(causes(&t, Cause::TimeWaitReused), 2);
    let reused: Vec<u16> = t
        .connections
        .iter()
        .filter(|c| c.origin == tcp_sim::server::Origin::Client(1))
        .map(|c| c.client_port)
        .collect();
    assert_eq!(reused, [40000, 40001, 40002, 40003, 40000, 40001]);
}

#[test]
fn test_syn_received_lost_synack_keeps_request_in_syn_queue() {
    // Two handshakes complete into the accept queue while the third request waits in the SYN
    // queue for its SYN-ACK to be sent again; the application then accepts all three.
    let t = run(&file("syn_and_accept_queues"));
    let l = t.listener.as_ref().unwrap();
    let completed: Vec<(u32, u32)> = l
        .events
        .iter()
        .filter(|e| e.kind == K::Completed)
        .map(|e| (e.syn_queue, e.accept_queue))
        .collect();
    assert_eq!(completed, [(2, 1), (1, 2), (0, 3)]);
    assert!(reasons(&t, SendReason::SynAckRetransmit) >= 1);
    assert_eq!(l.counters.accepted, 3);
    assert!(t.errors.is_empty());
}

/// Linux `reqsk_timer_handler`: once old requests fill more than half the SYN queue, they lose
/// SYN-ACK retries (down to two) while few young ones are left; the queue frees itself within
/// seconds, not after the full `tcp_synack_retries`. Below half full, the full retries apply.
#[test]
fn test_syn_received_old_requests_lose_retries_when_they_fill_half_the_queue() {
    let t = run(&file("syn_flood_no_cookies"));
    assert_legal(&t);
    let synacks = |conn: usize| {
        t.segments_of_conn(conn)
            .filter(|s| s.flags_str() == "SA")
            .count()
    };
    let requests: Vec<usize> = t
        .connections
        .iter()
        .filter(|c| c.origin == tcp_sim::server::Origin::Flood && synacks(c.id) > 0)
        .map(|c| c.id)
        .collect();
    // The first SYN-ACK and two retries, then dropped.
    let pruned = requests.iter().filter(|&&c| synacks(c) == 3).count();
    assert!(pruned > 0, "some old requests are cut short");
    let dropped_at = |conn: usize| {
        t.transitions_of_conn(conn)
            .find(|tr| tr.cause == Cause::SynAckRetriesExhausted)
            .map(|tr| tr.t)
    };
    for &c in &requests {
        let n = synacks(c);
        assert!(n == 3 || n == 6, "conn {c}: {n} SYN-ACKs");
        assert!(dropped_at(c).is_some(), "conn {c} expires");
    }
    // Those still queued once the first ones went no longer fill half the queue: the full
    // five retries (6 SYN-ACKs), dropped only after them.
    let full = requests.iter().filter(|&&c| synacks(c) == 6).count();
    assert!(
        full > 0 && full * 2 <= 129,
        "{full} requests kept their full retries"
    );
    let last_pruned = requests
        .iter()
        .filter(|&&c| synacks(c) == 3)
        .filter_map(|&c| dropped_at(c))
        .max()
        .unwrap();
    let first_full = requests
        .iter()
        .filter(|&&c| synacks(c) == 6)
        .filter_map(|&c| dropped_at(c))
        .min()
        .unwrap();
    assert!(last_pruned < first_full);
}

/// Under `rfc` (RFC 4987's one backlog) no request loses retries.
#[test]
fn test_syn_received_rfc_requests_keep_their_retries_under_a_flood() {
    let mut sc = file("syn_flood_no_cookies");
    sc.profile = ProfileName::Rfc;
    let t = run(&sc);
    let pruned = t.connections.iter().any(|c| {
        t.segments_of_conn(c.id)
            .filter(|s| s.flags_str() == "SA")
            .count()
            == 3
    });
    assert!(!pruned);
}
