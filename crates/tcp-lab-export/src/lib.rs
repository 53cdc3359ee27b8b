//! The lab's exports that need big code (serde_json for the trace,
//! the pcap writer), kept out of the app's first load. `scripts/post-build.mjs`
//! builds this crate into `export.js` (wasm-bindgen `no-modules`, wasm
//! embedded), which `static/tools.js` loads when the Export panel opens.
//!
//! Both functions take the app's share query (`?v=1&…`): the link reproduces
//! the run segment for segment, so the export is of exactly the run on screen.

use tcp_lab_model::url::parse_query;
use tcp_lab_model::LabState;
use tcp_sim::capture::Capture;
use tcp_sim::{to_pcap, LostSegments, PcapOptions};
use wasm_bindgen::prelude::*;

fn lab(query: &str) -> LabState {
    LabState::new(&parse_query(query, None), false)
}

/// The run's trace in the core CLI's `--json` format.
#[wasm_bindgen]
pub fn trace_json(query: &str) -> String {
    serde_json::to_string_pretty(&lab(query).run.trace.to_json()).unwrap_or_default() + "\n"
}

/// Lost segments left out, or marked with IP TTL 1.
fn pcap_options(omit_lost: bool) -> PcapOptions {
    PcapOptions {
        lost: if omit_lost {
            LostSegments::Omit
        } else {
            LostSegments::Include
        },
        ..PcapOptions::default()
    }
}

/// The run as a libpcap file; lost segments left out, or marked with IP TTL 1.
#[wasm_bindgen]
pub fn pcap(query: &str, omit_lost: bool) -> Vec<u8> {
    to_pcap(&lab(query).run.trace, &pcap_options(omit_lost))
}

/// Connection `conn` of a capture file, reconstructed as the ladder shows it, in the format of
/// `tcp-sim replay FILE --conn N --json`; empty if the file or connection cannot be read.
#[wasm_bindgen]
pub fn capture_trace_json(bytes: &[u8], conn: usize) -> String {
    observed(bytes, conn)
        .map(|t| serde_json::to_string_pretty(&t.to_json()).unwrap_or_default() + "\n")
        .unwrap_or_default()
}

/// Connection `conn` of a capture file as the lab's own libpcap export of that trace.
#[wasm_bindgen]
pub fn capture_pcap(bytes: &[u8], conn: usize, omit_lost: bool) -> Vec<u8> {
    observed(bytes, conn)
        .map(|t| to_pcap(&t, &pcap_options(omit_lost)))
        .unwrap_or_default()
}

fn observed(bytes: &[u8], conn: usize) -> Option<tcp_sim::Trace> {
    let cap = Capture::read(bytes).ok()?;
    let c = cap.connections().into_iter().nth(conn)?;
    Some(tcp_sim::observe(&cap, &c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_json_is_the_cli_format_of_the_named_run() {
        let sc = tcp_sim::named::with_profile(
            tcp_sim::named::by_name("synack_lost").unwrap(),
            tcp_sim::ProfileName::Linux,
        );
        let want = serde_json::to_string_pretty(&tcp_sim::run(&sc).to_json()).unwrap() + "\n";
        assert_eq!(trace_json("?v=1&scenario=synack_lost&profile=linux"), want);
        let p = pcap("?v=1&scenario=synack_lost&profile=linux", false);
        assert_eq!(&p[..4], &0xa1b2_3c4du32.to_le_bytes());
    }

    #[test]
    fn test_capture_exports_are_the_replay_of_the_connection() {
        let file = pcap("?v=1&scenario=normal&profile=linux", false);
        let cap = Capture::read(&file).unwrap();
        let c = &cap.connections()[0];
        let want =
            serde_json::to_string_pretty(&tcp_sim::observe(&cap, c).to_json()).unwrap() + "\n";
        assert_eq!(capture_trace_json(&file, 0), want);
        assert_eq!(capture_trace_json(&file, 1), "");
        assert_eq!(capture_trace_json(b"not a capture", 0), "");
        assert_eq!(
            &capture_pcap(&file, 0, false)[..4],
            &0xa1b2_3c4du32.to_le_bytes()
        );
    }
}
