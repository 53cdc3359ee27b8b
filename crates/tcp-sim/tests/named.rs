//! Each named teaching scenario shows what it is named for, under both profiles.

use tcp_sim::named::{self, with_profile};
use tcp_sim::{
    is_rfc_transition, run, AppFailure, Cause, ConnError, Dir, ProfileName, Scenario, SendReason,
    Side, State, TimerKind, Trace, Trigger,
};

fn both(sc: Scenario) -> [(ProfileName, Trace); 2] {
    ProfileName::ALL.map(|p| (p, run(&with_profile(sc.clone(), p))))
}

fn chain(trace: &Trace, side: Side) -> String {
    trace
        .state_chain(side)
        .iter()
        .map(|s| s.to_string())
        .collect::<Vec<_>>()
        .join(" -> ")
}

fn reasons(trace: &Trace, dir: Dir) -> Vec<SendReason> {
    trace
        .segments
        .iter()
        .filter(|s| s.dir == dir)
        .map(|s| s.reason)
        .collect()
}

fn assert_clean_end(p: ProfileName, trace: &Trace) {
    assert!(trace.errors.is_empty(), "{p}: {:?}", trace.errors);
    assert!(!trace.truncated, "{p}");
    for side in Side::BOTH {
        assert_eq!(
            trace.final_state(side),
            State::Closed,
            "{p} {side}: {}",
            chain(trace, side)
        );
    }
    assert_eq!(
        trace.bytes_read[1], trace.bytes_sent[0],
        "{p}: server read all"
    );
    assert_eq!(
        trace.bytes_read[0], trace.bytes_sent[1],
        "{p}: client read all"
    );
}

#[test]
fn test_every_named_scenario_runs_and_only_takes_rfc_edges() {
    assert_eq!(named::all().len(), named::NAMES.len());
    for sc in named::all() {
        for (p, trace) in both(sc.clone()) {
            assert!(!trace.truncated, "{} {p}", sc.name);
            for t in &trace.transitions {
                assert!(
                    is_rfc_transition(t.from, t.to, t.cause),
                    "{} {p}: {} {} -> {} ({:?})",
                    sc.name,
                    t.side,
                    t.from,
                    t.to,
                    t.cause
                );
            }
        }
    }
    assert!(named::by_name("no_such_scenario").is_none());
}

#[test]
fn test_normal_linux_closes_in_three_segments_rfc_in_four() {
    let [(_, rfc), (_, linux)] = both(named::normal());
    assert_eq!(
        linux.summary(),
        "c:S, s:SA, c:A, c:PA100, s:A, s:PA100, c:A, c:FA, s:FA, c:A"
    );
    assert_eq!(
        rfc.summary(),
        "c:S, s:SA, c:A, c:PA100, s:A, s:PA100, c:A, c:FA, s:A, s:FA, c:A"
    );
    for (p, t) in [(ProfileName::Rfc, &rfc), (ProfileName::Linux, &linux)] {
        assert_clean_end(p, t);
        assert_eq!(
            chain(t, Side::Client),
            "CLOSED -> SYN-SENT -> ESTABLISHED -> FIN-WAIT-1 -> FIN-WAIT-2 -> TIME-WAIT -> CLOSED"
        );
        assert_eq!(
            chain(t, Side::Server),
            "CLOSED -> LISTEN -> SYN-RECEIVED -> ESTABLISHED -> CLOSE-WAIT -> LAST-ACK -> CLOSED"
        );
        // SYN and FIN each take one sequence number: the client's FIN sits at 1 + 100.
        let fin = t
            .segments
            .iter()
            .find(|s| s.dir == Dir::C2S && s.segment.flags.fin())
            .unwrap();
        assert_eq!(fin.seq_rel, Some(101));
    }
    // TIME-WAIT: 60 s on Linux, 2 x MSL = 4 min in the textbook.
    let tw = |t: &Trace| {
        let ts: Vec<_> = t.transitions_of(Side::Client).collect();
        let enter = ts.iter().find(|x| x.to == State::TimeWait).unwrap().t;
        let leave = ts.iter().find(|x| x.from == State::TimeWait).unwrap().t;
        (leave - enter).as_ms()
    };
    assert_eq!(tw(&linux), 60_000.0);
    assert_eq!(tw(&rfc), 240_000.0);
}

#[test]
fn test_syn_lost_is_retransmitted_with_the_same_isn() {
    for (p, t) in both(named::syn_lost()) {
        let syns: Vec<_> = t.segments.iter().filter(|s| s.flags_str() == "S").collect();
        assert!(syns[0].lost() && !syns[1].lost(), "{p}");
        assert_eq!(syns[1].seq_rel, Some(0));
        assert_eq!(syns[1].segment.seq, syns[0].segment.seq);
        assert_eq!(syns[1].reason, SendReason::SynRetransmit);
        assert_eq!(syns[1].sent.as_ms(), 1000.0, "{p}: initial RTO is 1 s");
        assert_clean_end(p, &t);
    }
}

#[test]
fn test_synack_lost_both_timers_fire_and_linux_challenges_the_extra_synack() {
    for (p, t) in both(named::synack_lost()) {
        let s2c = reasons(&t, Dir::S2C);
        assert!(s2c.contains(&SendReason::SynAckRetransmit), "{p}: {s2c:?}");
        assert!(
            s2c.contains(&SendReason::SynAckToDuplicateSyn),
            "{p}: {s2c:?}"
        );
        let c2s = reasons(&t, Dir::C2S);
        assert!(c2s.contains(&SendReason::SynRetransmit));
        let answer = if p == ProfileName::Linux {
            SendReason::ChallengeAck
        } else {
            SendReason::AckDuplicate
        };
        assert!(c2s.contains(&answer), "{p}: {c2s:?}");
        assert_clean_end(p, &t);
    }
}

#[test]
fn test_ack_lost_first_data_segment_completes_the_handshake() {
    for (p, t) in both(named::ack_lost()) {
        assert!(t.segments[2].lost() && t.segments[2].reason == SendReason::HandshakeAck);
        let est = t
            .transitions_of(Side::Server)
            .find(|x| x.to == State::Established)
            .unwrap();
        let Trigger::Segment(id) = est.trigger else {
            panic!("{p}: {:?}", est.trigger)
        };
        assert_eq!(t.segments[id].segment.len, 100, "{p}: data carried the ACK");
        assert_clean_end(p, &t);
    }
}

#[test]
fn test_synack_delayed_late_copy_arrives_as_a_duplicate() {
    for (p, t) in both(named::synack_delayed()) {
        let first = &t.segments[1];
        assert_eq!(first.flags_str(), "SA");
        assert!(matches!(first.fate, tcp_sim::Fate::Delayed(_)));
        let late = t.arrivals.iter().find(|a| a.segment == 1).unwrap();
        assert_eq!(late.receiver_state, State::Established, "{p}");
        assert!(reasons(&t, Dir::C2S).contains(&SendReason::SynRetransmit));
        assert_clean_end(p, &t);
    }
}

#[test]
fn test_fin_lost_is_retransmitted() {
    for (p, t) in both(named::fin_lost()) {
        assert!(
            reasons(&t, Dir::C2S).contains(&SendReason::FinRetransmit),
            "{p}"
        );
        assert_clean_end(p, &t);
    }
}

#[test]
fn test_fin_ack_lost_client_still_gets_to_time_wait() {
    for (p, t) in both(named::fin_ack_lost()) {
        let lost: Vec<_> = t.segments.iter().filter(|s| s.lost()).collect();
        assert_eq!(lost.len(), 1);
        let want = if p == ProfileName::Linux {
            SendReason::AckDelayed
        } else {
            SendReason::AckOfFin
        };
        assert_eq!(lost[0].reason, want, "{p}");
        assert!(t.state_chain(Side::Client).contains(&State::TimeWait));
        assert_clean_end(p, &t);
    }
}

#[test]
fn test_server_fin_lost_is_retransmitted_and_client_waits_in_fin_wait_2() {
    for (p, t) in both(named::server_fin_lost()) {
        assert!(
            reasons(&t, Dir::S2C).contains(&SendReason::FinRetransmit),
            "{p}"
        );
        assert_clean_end(p, &t);
    }
}

#[test]
fn test_last_ack_lost_time_wait_absorbs_the_repeated_fin() {
    for (p, t) in both(named::last_ack_lost()) {
        let re_ack = t
            .segments
            .iter()
            .find(|s| s.reason == SendReason::TimeWaitAck)
            .unwrap_or_else(|| panic!("{p}: {}", t.summary()));
        assert_eq!(t.state_at(Side::Client, re_ack.sent), State::TimeWait);
        // TIME-WAIT restarted: it now ends a full period after the re-ACK.
        let end = t
            .transitions_of(Side::Client)
            .find(|x| x.cause == Cause::TimeWaitExpired)
            .unwrap();
        let period = p.profile().time_wait;
        assert_eq!(end.t, re_ack.sent + period, "{p}");
        assert_clean_end(p, &t);
    }
}

#[test]
fn test_half_close_server_sends_in_close_wait_client_receives_in_fin_wait_2() {
    for (p, t) in both(named::half_close()) {
        let data_in_close_wait = t
            .segments
            .iter()
            .filter(|s| s.dir == Dir::S2C && s.segment.len > 0)
            .filter(|s| t.state_at(Side::Server, s.sent) == State::CloseWait)
            .count();
        assert_eq!(data_in_close_wait, 3, "{p}");
        let received_in_fw2 = t
            .arrivals
            .iter()
            .filter(|a| {
                t.segments[a.segment].segment.len > 0 && a.receiver_state == State::FinWait2
            })
            .count();
        assert!(received_in_fw2 >= 2, "{p}: {received_in_fw2}");
        assert_clean_end(p, &t);
    }
}

#[test]
fn test_server_closes_first_server_ends_in_time_wait() {
    for (p, t) in both(named::server_closes_first()) {
        assert!(
            t.state_chain(Side::Server).contains(&State::TimeWait),
            "{p}"
        );
        assert!(chain(&t, Side::Client).contains("CLOSE-WAIT -> LAST-ACK -> CLOSED"));
        assert_clean_end(p, &t);
    }
}

#[test]
fn test_simultaneous_open_goes_through_syn_received_on_both_sides() {
    for (p, t) in both(named::simultaneous_open()) {
        for side in Side::BOTH {
            assert!(
                chain(&t, side).starts_with("CLOSED -> SYN-SENT -> SYN-RECEIVED -> ESTABLISHED"),
                "{p} {side}: {}",
                chain(&t, side)
            );
        }
        assert_clean_end(p, &t);
    }
}

#[test]
fn test_simultaneous_close_goes_through_closing_on_both_sides() {
    for (p, t) in both(named::simultaneous_close()) {
        for side in Side::BOTH {
            assert!(
                chain(&t, side).ends_with("FIN-WAIT-1 -> CLOSING -> TIME-WAIT -> CLOSED"),
                "{p} {side}: {}",
                chain(&t, side)
            );
        }
        assert_clean_end(p, &t);
    }
}

#[test]
fn test_connection_refused_rst_ack_with_no_isn() {
    for (p, t) in both(named::connection_refused()) {
        assert_eq!(t.summary(), "c:S, s:RA", "{p}");
        let rst = &t.segments[1];
        assert_eq!(rst.seq_rel, None);
        assert_eq!(rst.ack_rel, Some(1));
        assert_eq!(rst.reason, SendReason::RstNoListener);
        assert_eq!(t.errors.len(), 1);
        assert_eq!(t.errors[0].failure, AppFailure::Conn(ConnError::Refused));
        assert_eq!(t.errors[0].step, "connect");
        assert_eq!(chain(&t, Side::Client), "CLOSED -> SYN-SENT -> CLOSED");
    }
}

#[test]
fn test_old_duplicate_syn_is_reset_by_the_client() {
    for (p, t) in both(named::old_duplicate_syn()) {
        assert!(t
            .segments
            .iter()
            .any(|s| s.injected && s.seq_rel == Some(-100_000)));
        let rst = t
            .segments
            .iter()
            .find(|s| s.reason == SendReason::RstBadAck)
            .expect("client resets the stale half-open connection");
        assert_eq!(rst.dir, Dir::C2S);
        let want = if p == ProfileName::Linux {
            // The stale request socket is dropped; the listener, still in LISTEN, makes a new one.
            "CLOSED -> LISTEN -> SYN-RECEIVED -> CLOSED -> LISTEN -> SYN-RECEIVED -> ESTABLISHED -> CLOSE-WAIT -> LAST-ACK -> CLOSED"
        } else {
            "CLOSED -> LISTEN -> SYN-RECEIVED -> LISTEN -> SYN-RECEIVED -> ESTABLISHED -> CLOSE-WAIT -> LAST-ACK -> CLOSED"
        };
        assert_eq!(chain(&t, Side::Server), want, "{p}");
        assert_clean_end(p, &t);
    }
}

#[test]
fn test_old_syn_established_is_answered_with_an_ack_not_a_reset() {
    for (p, t) in both(named::old_syn_established()) {
        let answer = if p == ProfileName::Linux {
            SendReason::ChallengeAck
        } else {
            SendReason::AckDuplicate
        };
        assert!(reasons(&t, Dir::S2C).contains(&answer), "{p}");
        assert!(!t.segments.iter().any(|s| s.segment.flags.rst()), "{p}");
        assert_clean_end(p, &t);
    }
}

#[test]
fn test_syn_retries_exhausted_connect_times_out() {
    for (p, t) in both(named::syn_retries_exhausted()) {
        let syns: Vec<f64> = t
            .segments
            .iter()
            .filter(|s| s.dir == Dir::C2S)
            .map(|s| s.sent.as_ms() / 1000.0)
            .collect();
        let want: &[f64] = if p == ProfileName::Linux {
            &[0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 7.0, 11.0, 19.0, 35.0, 67.0]
        } else {
            &[0.0, 1.0, 3.0, 7.0, 15.0, 31.0, 63.0, 123.0]
        };
        assert_eq!(syns, want, "{p}");
        if p == ProfileName::Rfc {
            // RFC 9293 §3.8.3: keep trying a SYN for at least 3 minutes.
            assert!(
                t.errors[0].t.as_ms() >= 180_000.0,
                "{p}: gave up at {}",
                t.errors[0].t
            );
        }
        assert_eq!(t.errors[0].failure, AppFailure::Conn(ConnError::TimedOut));
        assert_eq!(t.final_state(Side::Client), State::Closed);
        let give_up = t.transitions_of(Side::Client).last().unwrap();
        assert_eq!(give_up.cause, Cause::RetransmitLimit);
    }
}

#[test]
fn test_every_segment_records_what_made_it_leave() {
    for sc in named::all() {
        for (p, t) in both(sc.clone()) {
            for s in &t.segments {
                match s.trigger {
                    None => assert!(s.injected, "{} {p}: #{}", sc.name, s.id),
                    Some(Trigger::Segment(id)) => {
                        let cause = &t.segments[id];
                        assert_eq!(cause.dir.receiver(), s.dir.sender(), "{} {p}", sc.name);
                        assert!(
                            cause.arrive.is_some_and(|a| a == s.sent)
                                || cause.duplicate_arrive == Some(s.sent),
                            "{} {p}: #{}",
                            sc.name,
                            s.id
                        );
                    }
                    Some(Trigger::Timer(k)) => assert!(
                        s.reason.is_retransmission()
                            || s.reason == SendReason::AckDelayed
                            || (k == TimerKind::Keepalive
                                && matches!(
                                    s.reason,
                                    SendReason::KeepaliveProbe | SendReason::RstKeepaliveTimeout
                                )),
                        "{} {p}: #{} {:?} by {k:?}",
                        sc.name,
                        s.id,
                        s.reason
                    ),
                    Some(Trigger::App(_)) => {}
                }
            }
        }
    }
}

fn final_states(t: &Trace) -> (State, State) {
    (t.final_state(Side::Client), t.final_state(Side::Server))
}

#[test]
fn test_keepalive_peer_crashed_probe_draws_a_rst_from_the_rebooted_host() {
    for (p, t) in both(named::keepalive_peer_crashed()) {
        assert!(!t.truncated, "{p}");
        let crash = t
            .transitions_of(Side::Server)
            .find(|x| x.cause == Cause::HostCrash)
            .expect("the server crashes");
        assert_eq!(crash.from, State::Established);
        // Nothing goes on the wire when the host crashes; the client's first sign of it is the
        // answer to its keepalive probe, after 30 s of silence.
        let probes: Vec<_> = t
            .segments
            .iter()
            .filter(|s| s.reason == SendReason::KeepaliveProbe)
            .collect();
        assert_eq!(probes.len(), 1, "{p}");
        let probe = probes[0];
        assert_eq!(probe.dir, Dir::C2S);
        assert_eq!(probe.flags_str(), "A");
        assert_eq!(probe.segment.len, 0);
        assert_eq!(probe.seq_rel, Some(100), "{p}: SND.UNA − 1");
        let last_heard = t
            .arrivals
            .iter()
            .filter(|a| t.segments[a.segment].dir == Dir::S2C && a.t < probe.sent)
            .map(|a| a.t)
            .max()
            .unwrap();
        assert_eq!((probe.sent - last_heard).as_ms(), 30_000.0, "{p}");
        assert!(probe.sent > crash.t);
        let rst = &t.segments[probe.id + 1];
        assert_eq!(rst.reason, SendReason::RstNoConnection);
        assert_eq!(final_states(&t), (State::Closed, State::Closed));
        let end = t.transitions_of(Side::Client).last().unwrap();
        assert_eq!((end.from, end.cause), (State::Established, Cause::RecvRst));
        assert_eq!(t.errors.len(), 1, "{p}");
        assert_eq!(t.errors[0].failure, AppFailure::Conn(ConnError::Reset));
        assert_eq!(t.errors[0].step, "recv_eof");
    }
    // Without keepalive the client would wait forever for a server that is gone.
    let mut sc = named::keepalive_peer_crashed();
    sc.keepalive = Default::default();
    for p in ProfileName::ALL {
        let t = run(&with_profile(sc.clone(), p));
        assert!(!t.truncated);
        assert_eq!(t.final_state(Side::Client), State::Established, "{p}");
        assert!(t.errors.is_empty());
    }
}

#[test]
fn test_abortive_close_sends_one_rst_and_skips_time_wait() {
    for (p, t) in both(named::abortive_close()) {
        let c: Vec<_> = t.transitions_of(Side::Client).collect();
        let last = c.last().unwrap();
        assert_eq!(
            (last.from, last.to, last.cause),
            (State::Established, State::Closed, Cause::AppAbort),
            "{p}"
        );
        assert!(c.iter().all(|x| x.to != State::TimeWait), "{p}");
        let from_client = reasons(&t, Dir::C2S);
        assert_eq!(from_client.last(), Some(&SendReason::RstAbort), "{p}");
        assert!(
            !t.segments.iter().any(|s| s.segment.flags.fin()),
            "{p}: no FIN at all"
        );
        assert_eq!(
            chain(&t, Side::Server).rsplit(" -> ").nth(1),
            Some("ESTABLISHED")
        );
        assert_eq!(final_states(&t), (State::Closed, State::Closed));
        assert_eq!(t.errors.len(), 1, "{p}");
        assert_eq!(t.errors[0].side, Side::Server);
        assert_eq!(t.errors[0].failure, AppFailure::Conn(ConnError::Reset));
        // The run ends at once: no TIME-WAIT to wait out.
        assert!(t.end.as_ms() < 1000.0, "{p}: {}", t.end.as_ms());
    }
}

#[test]
fn test_close_wait_forever_server_never_leaves_close_wait() {
    let [(_, rfc), (_, linux)] = both(named::close_wait_forever());
    for (p, t) in [(ProfileName::Rfc, &rfc), (ProfileName::Linux, &linux)] {
        assert!(!t.truncated, "{p}: the run ends");
        assert_eq!(t.final_state(Side::Server), State::CloseWait, "{p}");
        assert!(t.errors.is_empty());
        assert!(!t
            .segments
            .iter()
            .any(|s| s.dir == Dir::S2C && s.segment.flags.fin()));
    }
    // The textbook client waits in FIN-WAIT-2 for good; Linux ends the orphan after tcp_fin_timeout.
    assert_eq!(rfc.final_state(Side::Client), State::FinWait2);
    assert_eq!(linux.final_state(Side::Client), State::Closed);
    let c: Vec<_> = linux.transitions_of(Side::Client).collect();
    let enter = c.iter().find(|x| x.to == State::FinWait2).unwrap().t;
    let leave = c.last().unwrap();
    assert_eq!(leave.cause, Cause::FinWait2Timeout);
    assert_eq!((leave.t - enter).as_ms(), 60_000.0);
}

#[test]
fn test_orphaned_fin_wait_2_late_fin_meets_a_rst_on_linux_only() {
    let [(_, rfc), (_, linux)] = both(named::orphaned_fin_wait_2());
    // Textbook: the client waits the 90 s and the close completes normally.
    assert_clean_end(ProfileName::Rfc, &rfc);
    assert!(chain(&rfc, Side::Client).contains("FIN-WAIT-2 -> TIME-WAIT"));
    // Linux: the orphan is gone after 60 s, so the server's late FIN finds no connection.
    let c: Vec<_> = linux.transitions_of(Side::Client).collect();
    assert_eq!(c.last().unwrap().cause, Cause::FinWait2Timeout);
    let rst = linux
        .segments
        .iter()
        .find(|s| s.reason == SendReason::RstNoConnection)
        .expect("the late FIN is answered with RST");
    assert_eq!(rst.dir, Dir::C2S);
    let server_end = linux.transitions_of(Side::Server).last().unwrap();
    assert_eq!(
        (server_end.from, server_end.cause),
        (State::LastAck, Cause::RecvRst)
    );
    assert_eq!(final_states(&linux), (State::Closed, State::Closed));
}

/// The server runs are written twice: as Rust values (what the app links, with no JSON reader)
/// and as the files in `scenarios/server/` (what the CLI and the other tests read). They must
/// never drift apart.
#[test]
fn test_server_scenario_files_read_as_the_rust_values_of_their_names() {
    let dir = format!("{}/scenarios/server", env!("CARGO_MANIFEST_DIR"));
    let mut names = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_str().unwrap().to_string();
        let file = Scenario::from_json(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let value = named::server_by_name(&name)
            .unwrap_or_else(|| panic!("{name}.json has no Rust value of its name"));
        // The JSON first, so a difference is named by its line rather than shown as two long
        // values.
        let pretty = |sc: &Scenario| serde_json::to_string_pretty(&sc.to_json()).unwrap();
        let (ours, theirs): (Vec<String>, Vec<String>) = (
            pretty(&value).lines().map(str::to_string).collect(),
            pretty(&file).lines().map(str::to_string).collect(),
        );
        let line = |v: &[String], i: usize| v.get(i).map_or("(the end)", |l| l.trim()).to_string();
        if let Some(i) = (0..ours.len().max(theirs.len())).find(|&i| ours.get(i) != theirs.get(i)) {
            panic!(
                "{name}: line {} of the JSON: the Rust value has {}, the file {}",
                i + 1,
                line(&ours, i),
                line(&theirs, i)
            );
        }
        assert_eq!(value, file, "{name}");
        names.push(name);
    }
    names.sort();
    let mut want = named::SERVER_NAMES.to_vec();
    want.sort();
    assert_eq!(names, want, "one file per server name");
}
