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
