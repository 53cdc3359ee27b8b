//! Property tests over random scenarios and random fault schedules:
//! - no panic (the endpoint also asserts every transition against its cause);
//! - the run ends, within bounded virtual time, with both endpoints CLOSED
//!   (a server may be back in LISTEN) or the connection aborted;
//! - whenever the connection closed normally, each application received
//!   exactly the bytes the other sent, once and in order;
//! - every transition is an edge of the RFC 9293 diagram (or an error path to CLOSED).
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use tcp_sim::{
    is_rfc_transition, run, Dir, Duration, Fault, FaultAction, FaultMatch, Flags, Instant,
    KeepaliveSettings, ProfileName, Scenario, Side, Simulation, State, Step, Trace,
};

/// Keepalive keeps an idle connection alive for as long as the peer answers, so a run whose
/// application gave up on an open connection would probe until the safety limit. Such runs are
/// looked at over their first two hours.
fn run_bounded(sc: &Scenario) -> Trace {
    if sc.keepalive.enabled == Some(true) {
        let mut sim = Simulation::new(sc);
        sim.run_until(Instant::from_ms(2.0 * 3600.0 * 1000.0));
        sim.into_trace()
    } else {
        run(sc)
    }
}

const FLAG_SETS: [&str; 7] = ["S", "SA", "A", "PA", "FA", "FPA", "RA"];

fn fault() -> impl Strategy<Value = Fault> {
    (
        prop::bool::ANY,
        0..FLAG_SETS.len(),
        prop::option::of(1u32..6),
        0u8..3,
        1u64..3000,
    )
        .prop_map(|(c2s, f, nth, action, ms)| Fault {
            matches: FaultMatch::Flags {
                dir: if c2s { Dir::C2S } else { Dir::S2C },
                flags: Flags::parse(FLAG_SETS[f]).unwrap(),
                // One segment each: a rule matching every segment would starve the connection.
                nth: nth.or(Some(1)),
            },
            action: match action {
                0 => FaultAction::Drop,
                1 => FaultAction::Delay(Duration::from_millis(ms)),
                _ => FaultAction::Duplicate,
            },
        })
}

/// How the client ends: `close`, or an abortive close (`abort`, SO_LINGER 0).
/// Keepalive is on or off, with short settings so that probes happen during the run.
fn scenario() -> impl Strategy<Value = Scenario> {
    (
        basic_scenario(),
        prop::bool::ANY,
        prop::option::of((1u64..40, 1u64..10, 1u32..4)),
    )
        .prop_map(|(mut sc, abort, keepalive)| {
            if abort {
                if let Some(last) = sc.client.last_mut() {
                    *last = Step::Abort;
                }
            }
            if let Some((time_s, intvl_s, probes)) = keepalive {
                sc.keepalive = KeepaliveSettings::on(time_s, intvl_s, probes);
            }
            sc
        })
}

/// A client that opens, sends some chunks, and closes (or half-closes and
/// reads to the end); a server that reads to end-of-file, answers, and closes.
fn basic_scenario() -> impl Strategy<Value = Scenario> {
    (
        prop::bool::ANY,
        0.01f64..80.0,
        prop::collection::vec(1u32..4000, 0..4),
        prop::collection::vec(1u32..4000, 0..3),
        prop::bool::ANY,
        0u64..400,
        prop::collection::vec(fault(), 0..4),
        prop_oneof![Just(0.0), 0.0f64..25.0],
        any::<u64>(),
    )
        .prop_map(
            |(
                linux,
                delay,
                client_sends,
                server_sends,
                half_close,
                server_pause,
                faults,
                loss,
                seed,
            )| {
                let mut client = vec![Step::Connect];
                client.extend(client_sends.iter().map(|&n| Step::Send(n)));
                if half_close {
                    client.extend([Step::Shutdown, Step::RecvEof, Step::Close]);
                } else {
                    let answer: u64 = server_sends.iter().map(|&n| n as u64).sum();
                    client.extend([Step::Recv(answer), Step::Close]);
                }
                let mut server = vec![Step::Listen];
                if half_close {
                    server.push(Step::RecvEof);
                } else {
                    let request: u64 = client_sends.iter().map(|&n| n as u64).sum();
                    server.push(Step::Recv(request));
                }
                server.extend(server_sends.iter().map(|&n| Step::Send(n)));
                if !half_close {
                    server.push(Step::RecvEof);
                }
                server.push(Step::Sleep(Duration::from_millis(server_pause)));
                server.push(Step::Close);
                let mut sc = Scenario::new(if linux {
                    ProfileName::Linux
                } else {
                    ProfileName::Rfc
                })
                .delay_ms(delay)
                .client(&client)
                .server(&server)
                .loss(loss, seed);
                sc.faults = faults;
                sc
            },
        )
}

proptest! {
    // 400 cases by default; PROPTEST_CASES=20000 for a longer hunt.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(400),
        ..ProptestConfig::default()
    })]

    #[test]
    fn test_random_runs_end_cleanly_and_deliver_exactly_once(sc in scenario()) {
        let trace = run_bounded(&sc);
        prop_assert!(!trace.truncated, "hit the safety limit: {}", trace.summary());
        // Bounded virtual time: long retry chains and TIME-WAIT included, well under two hours.
        prop_assert!(trace.end.as_ms() < 2.0 * 3600.0 * 1000.0, "ran until {} ms", trace.end.as_ms());

        for t in &trace.transitions {
            prop_assert!(is_rfc_transition(t.from, t.to, t.cause),
                "{} {} -> {} ({:?})", t.side, t.from, t.to, t.cause);
        }

        let aborted = trace.transitions.iter().any(|t| t.cause.is_abort()) || !trace.errors.is_empty();
        for side in Side::BOTH {
            let end = trace.final_state(side);
            prop_assert!(
                aborted || end == State::Closed || (side == Side::Server && end == State::Listen),
                "{side} ended in {end} without an abort: {}", trace.summary()
            );
        }

        let closed_normally = !aborted
            && trace.final_state(Side::Client) == State::Closed
            && trace.final_state(Side::Server) == State::Closed;
        if closed_normally {
            prop_assert_eq!(trace.bytes_read[1], trace.bytes_sent[0], "server got the client's bytes once");
            prop_assert_eq!(trace.bytes_read[0], trace.bytes_sent[1], "client got the server's bytes once");
        }
    }

    #[test]
    fn test_same_scenario_gives_the_same_trace(sc in scenario()) {
        prop_assert_eq!(run_bounded(&sc), run_bounded(&sc));
    }
}
