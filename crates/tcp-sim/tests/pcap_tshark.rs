//! The pcap export, read back by tshark: for every named scenario under both
//! profiles, tshark's view of every frame equals the simulator's trace, and
//! tshark finds no malformed packet and no bad checksum.
//!
//! Needs `tshark` (Debian package `tshark`, installed by `scripts/ensure-tools`;
//! set `TSHARK` to use another binary). Without it the tests fail, they do not skip.
//!
//! Relative sequence numbers: tshark numbers each direction relative to the
//! SYN it saw in that direction, or, without one, relative to the first
//! segment's number minus one; a SYN with a new sequence number starts "a new
//! tcp session" with new bases. The trace numbers relative to the sender's
//! (for acks, the receiver's) current ISN. Where the two bases surely agree
//! (the direction's last SYN carried the trace's ISN, and no SYN with a new
//! number came from the other side since), the relative numbers must be
//! equal. They differ only where
//! - the sender never sent a SYN, e.g. the RST of `connection_refused` (the trace
//!   has no relative number there), or
//! - an injected old duplicate SYN made tshark re-base its numbering on the old
//!   connection's sequence number (`old_duplicate_syn`, `old_syn_established`).
//!
//! There only the absolute numbers (`tcp.seq_raw`, `tcp.ack_raw`) are compared;
//! they are compared on every frame. A scenario without injected segments must
//! have no such exception where the trace has a relative number.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::Command;

use tcp_sim::named::{self, with_profile};
use tcp_sim::{
    run, to_pcap, Dir, Fate, LostSegments, PcapOptions, ProfileName, SegmentRecord, Trace,
};

/// The fields asked of tshark, in column order. The expert messages come last:
/// they may contain the separator.
const FIELDS: [&str; 20] = [
    "tcp.flags.str",
    "tcp.seq",
    "tcp.ack",
    "tcp.len",
    "tcp.seq_raw",
    "tcp.ack_raw",
    "frame.time_epoch",
    "ip.src",
    "ip.ttl",
    "ip.id",
    "ip.checksum.status",
    "tcp.checksum.status",
    "tcp.window_size_value",
    "tcp.options.mss_val",
    "tcp.options.wscale.shift",
    "tcp.options.sack_perm",
    "tcp.options.timestamp.tsval",
    "tcp.options.timestamp.tsecr",
    "_ws.malformed",
    "_ws.expert.message",
];

fn tshark_bin() -> String {
    std::env::var("TSHARK").unwrap_or_else(|_| "tshark".into())
}

/// Runs tshark; panics with a clear message if it is missing or fails.
fn tshark(args: &[&str]) -> String {
    let bin = tshark_bin();
    let out = Command::new(&bin).args(args).output().unwrap_or_else(|e| {
        panic!(
            "cannot run `{bin}` ({e}): these tests need tshark. Install the Debian package \
             `tshark` (scripts/ensure-tools does), or set TSHARK to its path."
        )
    });
    assert!(
        out.status.success(),
        "`{bin} {}` failed: {}",
        args.join(" "),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("tshark prints UTF-8")
}

struct TempDir(PathBuf);

impl TempDir {
    fn new(tag: &str) -> TempDir {
        let p = std::env::temp_dir().join(format!("tcp-sim-pcap-{tag}-{}", std::process::id()));
        std::fs::create_dir_all(&p).unwrap();
        TempDir(p)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        // Keep the files of a failed run for a look in Wireshark.
        if !std::thread::panicking() {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

/// One frame as tshark shows it.
#[derive(Debug)]
struct Frame {
    cols: Vec<String>,
}

impl Frame {
    fn get(&self, field: &str) -> &str {
        let i = FIELDS.iter().position(|f| *f == field).unwrap();
        &self.cols[i]
    }

    fn num(&self, field: &str) -> u64 {
        let v = self.get(field);
        v.parse()
            .unwrap_or_else(|_| panic!("{field} is not a number: {v:?}"))
    }

    fn opt_num(&self, field: &str) -> Option<u64> {
        let v = self.get(field);
        (!v.is_empty()).then(|| self.num(field))
    }
}

fn read_frames(file: &Path) -> Vec<Frame> {
    let file = file.to_str().unwrap();
    let mut args = vec![
        "-r",
        file,
        "-n",
        "-o",
        "tcp.relative_sequence_numbers:TRUE",
        "-o",
        "tcp.check_checksum:TRUE",
        "-o",
        "ip.check_checksum:TRUE",
        "-T",
        "fields",
        "-E",
        "separator=,",
        "-E",
        "aggregator=;",
    ];
    for f in FIELDS {
        args.extend(["-e", f]);
    }
    tshark(&args)
        .lines()
        .map(|line| Frame {
            cols: line.splitn(FIELDS.len(), ',').map(str::to_string).collect(),
        })
        .inspect(|f| assert_eq!(f.cols.len(), FIELDS.len(), "{f:?}"))
        .collect()
}

/// Frames tshark marks malformed or with an error-level expert item (bad
/// checksums are errors once checksum validation is on).
fn problem_frames(file: &Path) -> String {
    tshark(&[
        "-r",
        file.to_str().unwrap(),
        "-n",
        "-o",
        "tcp.check_checksum:TRUE",
        "-o",
        "ip.check_checksum:TRUE",
        "-Y",
        "_ws.malformed || _ws.expert.severity >= error",
    ])
}

/// tshark's flag string, e.g. `·······A··S·`, as FSRPA letters. Any other flag
/// (URG, ECE, CWR, AE, reserved) is an error.
fn flags_fsrpa(s: &str) -> String {
    let c: Vec<char> = s.chars().collect();
    assert_eq!(c.len(), 12, "tcp.flags.str {s:?}");
    assert!(
        c[..7].iter().all(|&x| x == '·'),
        "unexpected flags in {s:?}"
    );
    let mut out = String::new();
    for (pos, letter) in [(11, 'F'), (10, 'S'), (9, 'R'), (8, 'P'), (7, 'A')] {
        if c[pos] != '·' {
            assert_eq!(c[pos], letter, "tcp.flags.str {s:?}");
            out.push(letter);
        }
    }
    out
}

fn ip(a: [u8; 4]) -> String {
    a.map(|b| b.to_string()).join(".")
}

#[derive(Default)]
struct Counts {
    frames: usize,
    rel_compared: usize,
    abs_only: usize,
    /// Runs with numbers compared only as absolute, and how many.
    exceptions: std::collections::BTreeMap<String, usize>,
}

/// Checks tshark's frames against the segments the file should hold.
fn compare(
    what: &str,
    trace: &Trace,
    kept: &[&SegmentRecord],
    frames: &[Frame],
    opts: &PcapOptions,
    counts: &mut Counts,
) {
    assert_eq!(
        frames.len(),
        kept.len(),
        "{what}: frame count\n{}",
        trace.summary()
    );
    let injected = trace.segments.iter().any(|s| s.injected);
    // IPv4 ids count every segment a side sent, kept or not.
    let mut ip_ids = [0u64; 2];
    let mut expected_id = std::collections::HashMap::new();
    for s in &trace.segments {
        ip_ids[s.dir.index()] += 1;
        expected_id.insert(s.id, ip_ids[s.dir.index()]);
    }
    // tshark's base for relative numbers in each direction, where known: the
    // last SYN's sequence number. A SYN with a new number starts a new session,
    // in which the other direction's base is no longer the trace's.
    let mut last_syn: [Option<u32>; 2] = [None; 2];
    for (n, (s, f)) in kept.iter().zip(frames).enumerate() {
        let seg = &s.segment;
        let at = format!(
            "{what}: frame {} (segment {} {} {})",
            n + 1,
            s.id,
            s.dir.name(),
            s.flags_str()
        );
        counts.frames += 1;
        assert_eq!(flags_fsrpa(f.get("tcp.flags.str")), s.flags_str(), "{at}");
        assert_eq!(f.num("tcp.len"), u64::from(seg.len), "{at}: tcp.len");
        assert_eq!(f.num("tcp.seq_raw"), u64::from(seg.seq), "{at}: seq_raw");
        let ack_raw = if seg.flags.ack() { seg.ack } else { 0 };
        assert_eq!(f.num("tcp.ack_raw"), u64::from(ack_raw), "{at}: ack_raw");

        // Relative numbers, where tshark's base is the trace's base.
        let d = s.dir.index();
        if seg.flags.syn() {
            if last_syn[d].is_some_and(|b| b != seg.seq) {
                last_syn[1 - d] = None;
            }
            last_syn[d] = Some(seg.seq);
        }
        let seq_base = s.seq_rel.map(|r| seg.seq.wrapping_sub(r as u32));
        if seq_base.is_some() && seq_base == last_syn[d] {
            assert_eq!(
                f.num("tcp.seq") as i64,
                s.seq_rel.unwrap(),
                "{at}: relative seq"
            );
            counts.rel_compared += 1;
        } else {
            assert!(
                injected || s.seq_rel.is_none(),
                "{at}: tshark's relative seq is based on {:?}, the trace's on {seq_base:?}",
                last_syn[d]
            );
            counts.abs_only += 1;
            *counts.exceptions.entry(what.to_string()).or_default() += 1;
        }
        match s.ack_rel {
            None => assert_eq!(f.num("tcp.ack"), 0, "{at}: no ACK flag, ack 0"),
            Some(rel) => {
                let ack_base = seg.ack.wrapping_sub(rel as u32);
                let peer_syn = last_syn[1 - d];
                if peer_syn == Some(ack_base) {
                    assert_eq!(f.num("tcp.ack") as i64, rel, "{at}: relative ack");
                    counts.rel_compared += 1;
                } else {
                    assert!(
                        injected,
                        "{at}: tshark's relative ack is based on {peer_syn:?}, the trace's on {ack_base}"
                    );
                    counts.abs_only += 1;
                    *counts.exceptions.entry(what.to_string()).or_default() += 1;
                }
            }
        }

        // Time, addresses, IPv4 fields, window and options.
        let ns = s.sent.0;
        let epoch = format!("{}.{:09}", ns / 1_000_000_000, ns % 1_000_000_000);
        assert_eq!(f.get("frame.time_epoch"), epoch, "{at}: timestamp");
        let src = match s.dir {
            Dir::C2S => opts.client.0,
            Dir::S2C => opts.server.0,
        };
        assert_eq!(f.get("ip.src"), ip(src), "{at}: ip.src");
        let ttl = if s.fate == Fate::Lost { 1 } else { 64 };
        assert_eq!(f.num("ip.ttl"), ttl, "{at}: ip.ttl");
        let id = u64::from_str_radix(f.get("ip.id").trim_start_matches("0x"), 16).unwrap();
        assert_eq!(id, expected_id[&s.id], "{at}: ip.id");
        assert_eq!(f.get("ip.checksum.status"), "1", "{at}: IPv4 checksum");
        assert_eq!(f.get("tcp.checksum.status"), "1", "{at}: TCP checksum");
        assert_eq!(
            f.num("tcp.window_size_value"),
            u64::from(seg.window),
            "{at}"
        );
        let syn = seg.syn_options.filter(|_| seg.flags.syn());
        assert_eq!(
            f.opt_num("tcp.options.mss_val"),
            syn.and_then(|o| o.mss).map(u64::from),
            "{at}: MSS"
        );
        assert_eq!(
            f.opt_num("tcp.options.wscale.shift"),
            syn.and_then(|o| o.window_scale).map(u64::from),
            "{at}: window scale"
        );
        assert_eq!(
            !f.get("tcp.options.sack_perm").is_empty(),
            syn.is_some_and(|o| o.sack_permitted),
            "{at}: SACK permitted"
        );
        assert_eq!(
            f.opt_num("tcp.options.timestamp.tsval"),
            seg.timestamps.map(|t| u64::from(t.val)),
            "{at}: TSval"
        );
        assert_eq!(
            f.opt_num("tcp.options.timestamp.tsecr"),
            seg.timestamps.map(|t| u64::from(t.ecr)),
            "{at}: TSecr"
        );
        assert_eq!(f.get("_ws.malformed"), "", "{at}: malformed");
        let expert = f.get("_ws.expert.message");
        assert!(!expert.contains("Malformed"), "{at}: {expert}");
    }
}

/// Every named scenario under both profiles.
fn runs() -> Vec<(String, Trace)> {
    let mut out = Vec::new();
    for sc in named::all() {
        for p in ProfileName::ALL {
            out.push((
                format!("{}_{p}", sc.name),
                run(&with_profile(sc.clone(), p)),
            ));
        }
    }
    assert_eq!(out.len(), 2 * named::NAMES.len());
    out
}

#[test]
fn test_every_named_scenario_reads_back_in_tshark_as_traced() {
    let dir = TempDir::new("all");
    let opts = PcapOptions::default();
    let mut counts = Counts::default();
    let mut lost = 0;
    for (name, trace) in runs() {
        let file = dir.0.join(format!("{name}.pcap"));
        std::fs::write(&file, to_pcap(&trace, &opts)).unwrap();
        let kept: Vec<&SegmentRecord> = trace.segments.iter().collect();
        lost += kept.iter().filter(|s| s.lost()).count();
        compare(
            &name,
            &trace,
            &kept,
            &read_frames(&file),
            &opts,
            &mut counts,
        );
        let problems = problem_frames(&file);
        assert!(
            problems.trim().is_empty(),
            "{name}: tshark reports malformed packets or errors:\n{problems}"
        );
    }
    assert!(lost > 0, "some scenario loses a segment, shown with TTL 1");
    assert!(counts.abs_only > 0 && counts.rel_compared > 10 * counts.abs_only);
    eprintln!(
        "{} frames; {} relative numbers compared, {} absolute only: {:?}",
        counts.frames, counts.rel_compared, counts.abs_only, counts.exceptions
    );
}

#[test]
fn test_omitting_lost_segments_leaves_exactly_them_out() {
    let dir = TempDir::new("omit");
    let opts = PcapOptions {
        lost: LostSegments::Omit,
        client: ([10, 1, 2, 3], 51000),
        server: ([10, 9, 8, 7], 80),
    };
    let mut counts = Counts::default();
    let mut left_out = 0;
    for (name, trace) in runs() {
        let file = dir.0.join(format!("{name}.pcap"));
        std::fs::write(&file, to_pcap(&trace, &opts)).unwrap();
        let kept: Vec<&SegmentRecord> = trace.segments.iter().filter(|s| !s.lost()).collect();
        left_out += trace.segments.len() - kept.len();
        compare(
            &name,
            &trace,
            &kept,
            &read_frames(&file),
            &opts,
            &mut counts,
        );
    }
    assert!(left_out > 0, "some scenario loses a segment");
}
