//! What the tests against the real-Linux references share: where the references are, their
//! names, and their chains of states.
// Each test file uses the part it needs.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use tcp_sim::State;

/// `../shared/refs` beside the repository, or `TCP_LAB_REFS`.
pub fn refs_dir() -> PathBuf {
    if let Ok(p) = std::env::var("TCP_LAB_REFS") {
        return PathBuf::from(p);
    }
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/refs")
}

/// The names of the files `refs/<folder>/*.<ext>`, sorted; at least one.
pub fn ref_names(folder: &str, ext: &str) -> Vec<String> {
    let dir = refs_dir().join(folder);
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("references missing at {}: {e}", dir.display()))
        .filter_map(|e| {
            let p = e.ok()?.path();
            (p.extension()? == ext).then(|| p.file_stem()?.to_str().map(String::from))?
        })
        .collect();
    names.sort();
    assert!(!names.is_empty(), "no references in {}", dir.display());
    names
}

/// A reference chain such as `LISTEN -> SYN_RECV -> ESTABLISHED`.
pub fn parse_chain(text: &str) -> Vec<State> {
    text.split("->")
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| State::from_name(s).unwrap_or_else(|| panic!("unknown state '{s}' in reference")))
        .collect()
}

/// A chain as `A -> B -> C`, for messages.
pub fn fmt_chain(c: &[State]) -> String {
    c.iter()
        .map(|s| s.to_string())
        .collect::<Vec<_>>()
        .join(" -> ")
}

/// A reference's chain for one socket of a side: its `client` or `server` entry for the
/// connection, `server_listener` for the listener.
pub fn reference_chain(
    reference: &serde_json::Value,
    side: tcp_sim::Side,
    socket: tcp_sim::Socket,
) -> Vec<State> {
    let key = match socket {
        tcp_sim::Socket::Connection => side.name().to_string(),
        tcp_sim::Socket::Listener => format!("{}_listener", side.name()),
    };
    parse_chain(reference["state_chain"][key].as_str().unwrap_or(""))
}

/// A connection's chain matches the kernel's: the same, or the kernel's record stops at
/// TIME-WAIT (the capture ended first) and ours goes on to CLOSED.
pub fn connection_chain_matches(ours: &[State], reference: &[State]) -> bool {
    ours == reference
        || (reference.last() == Some(&State::TimeWait)
            && ours.len() == reference.len() + 1
            && ours.starts_with(reference)
            && ours.last() == Some(&State::Closed))
}

/// Runs `check` on every reference `names`, and fails with every problem it finds.
pub fn assert_all_match(what: &str, names: &[String], check: impl Fn(&str) -> Vec<String>) {
    let failures: Vec<String> = names
        .iter()
        .flat_map(|name| check(name).into_iter().map(move |p| format!("{name}: {p}")))
        .collect();
    assert!(
        failures.is_empty(),
        "{} differences across {} {what}:\n{}",
        failures.len(),
        names.len(),
        failures.join("\n")
    );
}
