//! Conformance with real Linux: every scenario in `shared/refs/scenarios` runs
//! under the `linux` profile and must match the captured trace
//! - per direction, segment by segment: flags, seq_rel, ack_rel, len, lost;
//! - in time, within max(10 ms, 10 %);
//! - in each side's chain of states, socket by socket (SYN-RECEIVED = SYN_RECV; the
//!   reference may omit the CLOSED after TIME-WAIT): the connection's chain equals the
//!   reference's, and the listener's is where the reference's starts (the reference's server
//!   program closes its listener after `accept()`, which the scenario's steps do not say).
//!
//! The references live beside the repository (`../shared/refs`); set
//! `TCP_LAB_REFS` to use another folder with the same layout.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::path::Path;

use common::{
    assert_all_match, connection_chain_matches, fmt_chain, ref_names, reference_chain, refs_dir,
};

use serde_json::Value;
use tcp_sim::{run, Dir, ProfileName, Scenario, Side, Socket, Trace};

fn scenario_names() -> Vec<String> {
    ref_names("scenarios", "json")
}

fn load(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A segment reduced to what the comparison looks at.
#[derive(Debug, PartialEq)]
struct Wire {
    flags: String,
    seq_rel: Option<i64>,
    ack_rel: Option<i64>,
    len: u64,
    lost: bool,
}

/// Our segments in one direction, in the order a capture would see them.
/// The reference's delayer held segments before the capture point, so a
/// held segment shows up on the wire (and in `t_ms`) after its hold.
fn ours_by_dir(trace: &Trace, dir: Dir) -> Vec<(f64, Wire)> {
    let mut v: Vec<(f64, Wire)> = trace
        .segments
        .iter()
        .filter(|s| s.dir == dir)
        .map(|s| {
            let held = match s.fate {
                tcp_sim::Fate::Delayed(d) => d.as_ms(),
                _ => 0.0,
            };
            (
                s.sent.as_ms() + held,
                Wire {
                    flags: s.flags_str(),
                    seq_rel: s.seq_rel,
                    ack_rel: s.ack_rel,
                    len: s.segment.len as u64,
                    lost: s.lost(),
                },
            )
        })
        .collect();
    v.sort_by(|a, b| a.0.total_cmp(&b.0));
    v
}

fn theirs_by_dir(reference: &Value, dir: Dir) -> Vec<(f64, Wire)> {
    reference["segments"]
        .as_array()
        .expect("segments")
        .iter()
        .filter(|s| s["dir"] == dir.name())
        .map(|s| {
            (
                s["t_ms"].as_f64().expect("t_ms"),
                Wire {
                    flags: s["flags"].as_str().expect("flags").to_string(),
                    seq_rel: s["seq_rel"].as_i64(),
                    ack_rel: s["ack_rel"].as_i64(),
                    len: s["len"].as_u64().expect("len"),
                    lost: s["lost"].as_bool().unwrap_or(false),
                },
            )
        })
        .collect()
}

fn check(name: &str) -> Vec<String> {
    let refs = refs_dir();
    let mut scenario = Scenario::from_json(
        &std::fs::read_to_string(refs.join("scenarios").join(format!("{name}.json"))).unwrap(),
    )
    .unwrap_or_else(|e| panic!("{name}: {e}"));
    scenario.profile = ProfileName::Linux;
    let trace = run(&scenario);
    let reference = load(&refs.join("traces").join(format!("{name}.json")));
    let mut problems = Vec::new();

    for dir in [Dir::C2S, Dir::S2C] {
        let ours = ours_by_dir(&trace, dir);
        let theirs = theirs_by_dir(&reference, dir);
        if ours.len() != theirs.len() {
            problems.push(format!(
                "{dir}: {} segments, reference has {}",
                ours.len(),
                theirs.len()
            ));
        }
        for (i, ((t_ours, w_ours), (t_ref, w_ref))) in ours.iter().zip(&theirs).enumerate() {
            if w_ours != w_ref {
                problems.push(format!("{dir} #{i}: ours {w_ours:?}, reference {w_ref:?}"));
            }
            let tolerance = (t_ref.abs() * 0.10).max(10.0);
            if (t_ours - t_ref).abs() > tolerance {
                problems.push(format!(
                    "{dir} #{i} ({}): sent at {t_ours:.3} ms, reference {t_ref:.3} ms (tolerance {tolerance:.1} ms)",
                    w_ref.flags
                ));
            }
        }
    }

    for side in Side::BOTH {
        let ours = trace.socket_chain(side, Socket::Connection);
        let want = reference_chain(&reference, side, Socket::Connection);
        if !connection_chain_matches(&ours, &want) {
            problems.push(format!(
                "{side} connection states: ours {}, reference {}",
                fmt_chain(&ours),
                fmt_chain(&want)
            ));
        }
        let ours = trace.socket_chain(side, Socket::Listener);
        let want = reference_chain(&reference, side, Socket::Listener);
        if !want.starts_with(&ours) || (ours.is_empty() != want.is_empty()) {
            problems.push(format!(
                "{side} listener states: ours {}, reference {}",
                fmt_chain(&ours),
                fmt_chain(&want)
            ));
        }
    }
    if let Some(call) = reference["app_calls"].as_array().and_then(|calls| {
        calls
            .iter()
            .find(|c| c["call"] == "connect_failed" && c["errno"] == 110)
    }) {
        // connect() failed with ETIMEDOUT: ours must time out too, at about the same moment.
        let t_ref = call["t_ms"].as_f64().expect("t_ms");
        match trace.errors.iter().find(|e| e.side == Side::Client) {
            Some(e) if e.failure.key() == "connection_timed_out" => {
                let tolerance = (t_ref.abs() * 0.10).max(10.0);
                if (e.t.as_ms() - t_ref).abs() > tolerance {
                    problems.push(format!(
                        "connect() timed out at {:.1} ms, reference {t_ref:.1} ms",
                        e.t.as_ms()
                    ));
                }
            }
            other => problems.push(format!(
                "connect() should time out, ours: {:?}",
                other.map(|e| e.failure.key())
            )),
        }
    }
    problems
}

#[test]
fn test_linux_profile_matches_every_reference_trace() {
    assert_all_match("reference scenarios", &scenario_names(), check);
}

/// The comparison itself must be able to fail: a wrong profile breaks it.
#[test]
fn test_rfc_profile_does_not_match_linux_normal_close() {
    let refs = refs_dir();
    let mut scenario =
        Scenario::from_json(&std::fs::read_to_string(refs.join("scenarios/normal.json")).unwrap())
            .unwrap();
    scenario.profile = ProfileName::Rfc;
    let trace = run(&scenario);
    let reference = load(&refs.join("traces/normal.json"));
    let ours: Vec<Wire> = ours_by_dir(&trace, Dir::S2C)
        .into_iter()
        .map(|x| x.1)
        .collect();
    let theirs: Vec<Wire> = theirs_by_dir(&reference, Dir::S2C)
        .into_iter()
        .map(|x| x.1)
        .collect();
    assert_ne!(
        ours, theirs,
        "the textbook close has four segments, Linux's three"
    );
}
