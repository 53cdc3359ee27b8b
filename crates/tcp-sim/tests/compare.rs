//! A capture meets the simulator: the scenario derived from a trace, run
//! again, sends what the trace shows.

mod common;

use tcp_sim::capture::Capture;
use tcp_sim::compare::{compare, derive_scenario, Difference};
use tcp_sim::{named, observe, run, ProfileName};

fn reference_trace(name: &str) -> tcp_sim::Trace {
    let path = common::refs_dir().join("pcap").join(format!("{name}.pcap"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let cap = Capture::read(&bytes).unwrap();
    let conns = cap.connections();
    observe(&cap, &conns[0])
}

/// Every real-Linux capture: the derived scenario, run under `linux`, passes
/// through the same states and sends the same segments. Where the capture
/// shows no retransmission they come in the same order too; where two
/// retransmission timers race, Linux's timer wheel (which the simulator does
/// not model) may order them otherwise.
#[test]
fn test_derived_scenarios_reproduce_the_reference_captures_under_linux() {
    let mut failures = Vec::new();
    for name in common::ref_names("pcap", "pcap") {
        let trace = reference_trace(&name);
        let c = compare(&trace, ProfileName::Linux);
        let retransmits = trace.segments.iter().any(|s| s.retransmission);
        let problem = if !retransmits {
            !c.differences.is_empty()
        } else {
            let mut ours = tokens(&c.run);
            let mut theirs = tokens(&trace);
            ours.sort();
            theirs.sort();
            ours != theirs
                || c.differences
                    .iter()
                    .any(|d| matches!(d, Difference::States { .. }))
        };
        if problem {
            failures.push(format!("{name}:\n{}", c.to_text()));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

fn tokens(trace: &tcp_sim::Trace) -> Vec<String> {
    trace
        .summary()
        .replace("[LOST]", "")
        .split(", ")
        .map(String::from)
        .collect()
}

/// The textbook differs from Linux where the lessons say it does: the close
/// of the normal capture has four segments under `rfc`, three in the capture.
#[test]
fn test_rfc_run_of_the_normal_capture_shows_the_four_segment_close() {
    let c = compare(&reference_trace("normal"), ProfileName::Rfc);
    assert!(
        c.differences
            .iter()
            .any(|d| matches!(d, Difference::OnlyInRun { segment, .. } if segment == "s:A")),
        "{}",
        c.to_text()
    );
}

/// Derived from a simulated run instead of a capture: every named scenario
/// whose events are all application steps and link faults comes back segment
/// for segment.
#[test]
fn test_derived_scenarios_reproduce_the_named_runs() {
    let mut failures = Vec::new();
    for name in named::NAMES {
        for profile in [ProfileName::Linux, ProfileName::Rfc] {
            let scenario = named::with_profile(named::by_name(name).unwrap(), profile);
            // Old duplicates, keepalive and crashes leave no application step to read.
            let crashes = scenario
                .client
                .iter()
                .chain(&scenario.server)
                .any(|s| *s == tcp_sim::Step::Crash);
            if !scenario.inject.is_empty() || crashes {
                continue;
            }
            let original = run(&scenario);
            let again = run(&derive_scenario(&original));
            if again.summary() != original.summary() {
                failures.push(format!(
                    "{name} ({profile:?}):\n  original {}\n  derived  {}\n  steps {:?} / {:?}",
                    original.summary(),
                    again.summary(),
                    derive_scenario(&original).client,
                    derive_scenario(&original).server
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
