//! Replaying real captures: every pcap in `shared/refs/pcap` is read, its one connection
//! observed, and compared with the kernel's own record in `traces/<name>.json`:
//! - every segment, in capture order: direction, flags, seq_rel, ack_rel, len, and time;
//! - each side's chain of states, like `tests/conformance.rs` (SYN_RECV = SYN-RECEIVED; the
//!   reference may omit the final CLOSED after TIME-WAIT; the server's connection chain starts
//!   at LISTEN). The listener cannot be seen on the wire: ours is CLOSED -> LISTEN, inferred
//!   from the SYN-ACK, and must start the reference's; when the server never answers, nothing
//!   shows a listener and ours is empty.
//!
//! Also: the simulator's own pcap export reads back to the same segments, and mutated
//! captures never panic.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{
    assert_all_match, connection_chain_matches, fmt_chain, ref_names, reference_chain, refs_dir,
};

use serde_json::Value;
use tcp_sim::capture::{Capture, Ending};
use tcp_sim::named::{self, with_profile};
use tcp_sim::{observe, run, to_pcap, Certainty, PcapOptions, ProfileName, Side, Socket, State};

fn pcap_names() -> Vec<String> {
    ref_names("pcap", "pcap")
}

fn check(name: &str) -> Vec<String> {
    let refs = refs_dir();
    let bytes = std::fs::read(refs.join("pcap").join(format!("{name}.pcap"))).unwrap();
    let text = std::fs::read_to_string(refs.join("traces").join(format!("{name}.json"))).unwrap();
    let reference: Value = serde_json::from_str(&text).unwrap();
    let cap = Capture::read(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
    let mut problems = Vec::new();
    if cap.error.is_some() || !cap.skipped.is_empty() {
        problems.push(format!("read problems: {:?} {:?}", cap.error, cap.skipped));
    }
    let conns = cap.connections();
    if conns.len() != 1 {
        problems.push(format!("{} connections, expected 1", conns.len()));
        return problems;
    }
    let trace = observe(&cap, &conns[0]);
    assert_eq!(trace.to_json()["observed"], true);

    let theirs = reference["segments"].as_array().expect("segments");
    if theirs.len() != trace.segments.len() {
        problems.push(format!(
            "{} segments, reference {}",
            trace.segments.len(),
            theirs.len()
        ));
    }
    for (i, (ours, r)) in trace.segments.iter().zip(theirs).enumerate() {
        let want = (
            r["dir"].as_str().unwrap().to_string(),
            r["flags"].as_str().unwrap().to_string(),
            r["seq_rel"].as_i64(),
            r["ack_rel"].as_i64(),
            r["len"].as_u64().unwrap(),
        );
        let got = (
            ours.dir.name().to_string(),
            ours.flags_str(),
            ours.seq_rel,
            ours.ack_rel,
            u64::from(ours.segment.len),
        );
        if got != want {
            problems.push(format!("#{i}: ours {got:?}, reference {want:?}"));
        }
        let t_ref = r["t_ms"].as_f64().unwrap();
        if (ours.sent.as_ms() - t_ref).abs() > 0.002 {
            problems.push(format!(
                "#{i}: at {} ms, reference {t_ref} ms",
                ours.sent.as_ms()
            ));
        }
        if let Some(seq_abs) = r["seq_abs"].as_u64() {
            if u64::from(ours.segment.seq) != seq_abs {
                problems.push(format!(
                    "#{i}: seq {} , reference {seq_abs}",
                    ours.segment.seq
                ));
            }
        }
        if ours.retransmission != r["retx"].as_bool().unwrap_or(false) {
            problems.push(format!("#{i}: retx {}, reference not", ours.retransmission));
        }
    }

    for side in Side::BOTH {
        let ours = trace.socket_chain(side, Socket::Connection);
        let want = reference_chain(&reference, side, Socket::Connection);
        if !connection_chain_matches(&ours, &want) {
            problems.push(format!(
                "{side} states: ours {}, reference {}",
                fmt_chain(&ours),
                fmt_chain(&want)
            ));
        }
    }
    let ours = trace.socket_chain(Side::Server, Socket::Listener);
    let want = reference_chain(&reference, Side::Server, Socket::Listener);
    let server_seen = !trace
        .socket_chain(Side::Server, Socket::Connection)
        .is_empty();
    if !want.starts_with(&ours) || (ours.is_empty() && server_seen) {
        problems.push(format!(
            "server listener: ours {}, reference {}",
            fmt_chain(&ours),
            fmt_chain(&want)
        ));
    }
    // Every transition says how sure it is.
    if trace.transitions.iter().any(|t| t.certainty.is_none()) {
        problems.push("a transition without certainty".into());
    }
    problems
}

#[test]
fn test_reference_captures_give_the_kernel_states() {
    assert_all_match("reference captures", &pcap_names(), check);
}

/// The copies the observer takes for lost agree with the reference's `lost` where a later
/// copy proves it; a last copy nobody answered (syn_lost_all) cannot be told from the wire.
#[test]
fn test_reference_losses_are_flagged_where_a_copy_followed() {
    let refs = refs_dir();
    for name in pcap_names() {
        let bytes = std::fs::read(refs.join("pcap").join(format!("{name}.pcap"))).unwrap();
        let reference: Value = serde_json::from_str(
            &std::fs::read_to_string(refs.join("traces").join(format!("{name}.json"))).unwrap(),
        )
        .unwrap();
        let cap = Capture::read(&bytes).unwrap();
        let trace = observe(&cap, &cap.connections()[0]);
        let theirs = reference["segments"].as_array().unwrap();
        for (i, (s, r)) in trace.segments.iter().zip(theirs).enumerate() {
            let lost_ref = r["lost"].as_bool().unwrap_or(false);
            let followed = trace.segments[i + 1..]
                .iter()
                .any(|l| l.dir == s.dir && l.segment.seq == s.segment.seq && l.retransmission);
            if s.lost() {
                assert!(lost_ref, "{name} #{i}: flagged lost, reference delivered");
            } else if lost_ref && followed {
                panic!("{name} #{i}: reference lost, a copy followed, not flagged");
            }
        }
    }
}

#[test]
fn test_reference_connection_list() {
    let refs = refs_dir();
    let bytes = std::fs::read(refs.join("pcap/normal.pcap")).unwrap();
    let cap = Capture::read(&bytes).unwrap();
    let c = &cap.connections()[0];
    assert_eq!(c.client.to_string(), "10.77.0.1:40001");
    assert_eq!(c.server.to_string(), "10.77.0.2:5000");
    assert_eq!(c.segments, [6, 4]);
    assert_eq!(c.bytes, [5, 5]);
    assert_eq!(c.end, Ending::Fin);
    let bytes = std::fs::read(refs.join("pcap/connect_refused.pcap")).unwrap();
    let cap = Capture::read(&bytes).unwrap();
    assert_eq!(cap.connections()[0].end, Ending::Rst);
    let bytes = std::fs::read(refs.join("pcap/syn_lost_all.pcap")).unwrap();
    let cap = Capture::read(&bytes).unwrap();
    assert_eq!(cap.connections()[0].end, Ending::Open);
}

/// The simulator's export reads back to the same segments: flags, numbers, lengths, times,
/// for every named scenario under both profiles.
#[test]
fn test_pcap_export_round_trips() {
    for name in named::NAMES {
        for profile in [ProfileName::Rfc, ProfileName::Linux] {
            let trace = run(&with_profile(named::by_name(name).unwrap(), profile));
            let bytes = to_pcap(&trace, &PcapOptions::default());
            let cap = Capture::read(&bytes).unwrap();
            assert!(cap.error.is_none() && cap.skipped.is_empty(), "{name}");
            let mut want: Vec<_> = trace.segments.iter().collect();
            want.sort_by_key(|s| (s.sent, s.id));
            assert_eq!(cap.packets.len(), want.len(), "{name} {profile:?}");
            for (p, s) in cap.packets.iter().zip(want) {
                let seg = &s.segment;
                let ack = if seg.flags.ack() { seg.ack } else { 0 };
                assert_eq!(
                    (p.sim_flags(), p.seq, p.ack, p.len, p.window, p.ts_ns),
                    (seg.flags, seg.seq, ack, seg.len, seg.window, s.sent.0),
                    "{name} {profile:?} segment {}",
                    s.id
                );
                assert_eq!(p.options.timestamps, seg.timestamps.map(|t| (t.val, t.ecr)));
                if seg.flags.syn() {
                    let o = seg.syn_options.unwrap_or_default();
                    assert_eq!(
                        (
                            p.options.mss,
                            p.options.window_scale,
                            p.options.sack_permitted
                        ),
                        (o.mss, o.window_scale, o.sack_permitted)
                    );
                }
            }
        }
    }
}

/// Observing the export of a simulated run gives the simulated chains back (connection
/// sockets under `linux`; under `rfc`, whose one TCB is also the listener, the side's whole
/// chain), except where a state change leaves nothing on the wire.
#[test]
fn test_observing_an_exported_run_gives_its_states() {
    // (scenario, profile, side): what the wire cannot show.
    let unseen = [
        // The orphaned FIN-WAIT-2 timer ends the client without a segment.
        ("close_wait_forever", ProfileName::Linux, Side::Client),
        // The server listened but never got a SYN: nothing shows a listener.
        ("syn_retries_exhausted", ProfileName::Rfc, Side::Server),
        ("syn_retries_exhausted", ProfileName::Linux, Side::Server),
    ];
    let mut checked = 0;
    let mut differ = Vec::new();
    for name in named::NAMES {
        for profile in [ProfileName::Rfc, ProfileName::Linux] {
            let trace = run(&with_profile(named::by_name(name).unwrap(), profile));
            let bytes = to_pcap(&trace, &PcapOptions::default());
            let cap = Capture::read(&bytes).unwrap();
            let conns = cap.connections();
            if conns.len() != 1 {
                // Old duplicate SYNs carry another ISN: a connection of their own.
                assert!(name.contains("old"), "{name}: {} connections", conns.len());
                continue;
            }
            let seen = observe(&cap, &conns[0]);
            for side in Side::BOTH {
                if unseen.contains(&(name, profile, side)) {
                    continue;
                }
                let chain = |t: &tcp_sim::Trace| {
                    let mut c = if profile == ProfileName::Rfc {
                        t.state_chain(side)
                    } else {
                        t.socket_chain(side, Socket::Connection)
                    };
                    // The observer assumes TIME-WAIT ends; a run may stop before.
                    if c.last() == Some(&State::Closed)
                        && c.len() > 1
                        && c[c.len() - 2] == State::TimeWait
                    {
                        c.pop();
                    }
                    c
                };
                checked += 1;
                let (ours, sim) = (chain(&seen), chain(&trace));
                if ours != sim {
                    differ.push(format!(
                        "{name} {profile:?} {side}: observed {}, simulated {}",
                        fmt_chain(&ours),
                        fmt_chain(&sim)
                    ));
                }
            }
        }
    }
    eprintln!("{checked} exported chains observed");
    assert!(differ.is_empty(), "{}", differ.join("\n"));
}

/// Truncated and bit-flipped reference captures: never a panic. Reports the count.
#[test]
fn test_mutated_captures_never_panic() {
    let refs = refs_dir();
    let mut count = 0usize;
    let mut rng = 0x2545_f491_4f6c_dd1du64;
    let mut next = || {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        rng
    };
    let exercise = |b: &[u8]| {
        if let Ok(cap) = Capture::read(b) {
            for c in cap.connections() {
                let t = observe(&cap, &c);
                let _ = t.to_text(false);
                let _ = t.to_json();
            }
        }
    };
    for name in pcap_names() {
        let bytes = std::fs::read(refs.join("pcap").join(format!("{name}.pcap"))).unwrap();
        for cut in 0..bytes.len() {
            exercise(&bytes[..cut]);
            count += 1;
        }
        for _ in 0..2000 {
            let mut b = bytes.clone();
            for _ in 0..1 + next() % 8 {
                let at = (next() as usize) % b.len();
                b[at] ^= 1 << (next() % 8);
            }
            exercise(&b);
            count += 1;
        }
    }
    eprintln!("{count} mutated captures read without a panic");
    assert!(count > 10_000);
}

#[test]
fn test_certainty_kinds_in_normal() {
    let bytes = std::fs::read(refs_dir().join("pcap/normal.pcap")).unwrap();
    let cap = Capture::read(&bytes).unwrap();
    let t = observe(&cap, &cap.connections()[0]);
    let of = |side: Side, to: State| {
        t.transitions
            .iter()
            .find(|tr| tr.side == side && tr.to == to)
            .and_then(|tr| tr.certainty)
    };
    assert_eq!(of(Side::Client, State::SynSent), Some(Certainty::Observed));
    assert_eq!(
        of(Side::Server, State::SynReceived),
        Some(Certainty::Inferred)
    );
    assert_eq!(
        of(Side::Server, State::CloseWait),
        Some(Certainty::Inferred)
    );
    assert_eq!(of(Side::Server, State::Closed), Some(Certainty::Assumed));
}
