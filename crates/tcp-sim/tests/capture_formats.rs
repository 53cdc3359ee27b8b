//! The capture reader on every container and link layer it claims: the reference captures
//! rewritten as big-endian and microsecond pcap, as pcapng (two interfaces, Ethernet and
//! Linux SLL2, nanosecond and power-of-two timestamp units, a Simple Packet Block, comments,
//! an unknown block, a second section), and as pcapng written by tshark. Every version must
//! give the same segments. Then tshark's own decoding of the reference captures, field by field.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::Command;

use tcp_sim::capture::{Capture, CaptureError, CaptureReader, Format, Frames, TcpPacket};

fn refs_dir() -> PathBuf {
    if let Ok(p) = std::env::var("TCP_LAB_REFS") {
        return PathBuf::from(p);
    }
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/refs")
}

fn ref_pcaps() -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<(String, Vec<u8>)> = std::fs::read_dir(refs_dir().join("pcap"))
        .unwrap()
        .filter_map(|e| {
            let p = e.ok()?.path();
            (p.extension()? == "pcap").then(|| {
                (
                    p.file_stem().unwrap().to_string_lossy().into_owned(),
                    std::fs::read(&p).unwrap(),
                )
            })
        })
        .collect();
    v.sort();
    v
}

/// (time ns, link type, frame bytes) of every frame.
fn frames(bytes: &[u8]) -> Vec<(u64, u32, Vec<u8>)> {
    Frames::new(bytes)
        .unwrap()
        .map(|f| {
            let f = f.unwrap();
            (f.ts_ns.unwrap_or(0), f.link_type, f.data.to_vec())
        })
        .collect()
}

fn pcap(frames: &[(u64, u32, Vec<u8>)], be: bool, nanos: bool) -> Vec<u8> {
    let w32 = |v: u32| if be { v.to_be_bytes() } else { v.to_le_bytes() };
    let w16 = |v: u16| if be { v.to_be_bytes() } else { v.to_le_bytes() };
    let mut o = Vec::new();
    o.extend_from_slice(&w32(if nanos { 0xa1b2_3c4d } else { 0xa1b2_c3d4 }));
    o.extend_from_slice(&w16(2));
    o.extend_from_slice(&w16(4));
    o.extend_from_slice(&[0; 8]);
    o.extend_from_slice(&w32(262_144));
    o.extend_from_slice(&w32(frames[0].1));
    for (ts, _, d) in frames {
        let frac = if nanos {
            ts % 1_000_000_000
        } else {
            (ts % 1_000_000_000) / 1000
        };
        o.extend_from_slice(&w32((ts / 1_000_000_000) as u32));
        o.extend_from_slice(&w32(frac as u32));
        o.extend_from_slice(&w32(d.len() as u32));
        o.extend_from_slice(&w32(d.len() as u32));
        o.extend_from_slice(d);
    }
    o
}

fn block(be: bool, ty: u32, body: &[u8]) -> Vec<u8> {
    let w32 = |v: u32| if be { v.to_be_bytes() } else { v.to_le_bytes() };
    let mut body = body.to_vec();
    while body.len() & 3 != 0 {
        body.push(0);
    }
    let total = body.len() as u32 + 12;
    let mut o = Vec::new();
    o.extend_from_slice(&w32(ty));
    o.extend_from_slice(&w32(total));
    o.extend_from_slice(&body);
    o.extend_from_slice(&w32(total));
    o
}

fn opt(be: bool, code: u16, v: &[u8]) -> Vec<u8> {
    let w16 = |v: u16| if be { v.to_be_bytes() } else { v.to_le_bytes() };
    let mut o = Vec::new();
    o.extend_from_slice(&w16(code));
    o.extend_from_slice(&w16(v.len() as u16));
    o.extend_from_slice(v);
    while o.len() & 3 != 0 {
        o.push(0);
    }
    o
}

/// Ethernet frames rewritten: odd frames go out on interface 1 as Linux SLL2.
fn pcapng(frames: &[(u64, u32, Vec<u8>)], be: bool) -> Vec<u8> {
    let w32 = |v: u32| if be { v.to_be_bytes() } else { v.to_le_bytes() };
    let w16 = |v: u16| if be { v.to_be_bytes() } else { v.to_le_bytes() };
    let mut shb = Vec::new();
    shb.extend_from_slice(&w32(0x1a2b_3c4d));
    shb.extend_from_slice(&w16(1));
    shb.extend_from_slice(&w16(0));
    shb.extend_from_slice(&u64::MAX.to_le_bytes()); // section length unknown
    shb.extend(opt(be, 1, b"written by the TCP Lab tests"));
    shb.extend(opt(be, 0, &[]));
    let mut o = block(be, 0x0a0d_0d0a, &shb);
    // Interface 0: Ethernet, nanoseconds. Interface 1: SLL2, 2^-20 s.
    for (lt, resol) in [(1u16, 9u8), (276, 0x80 | 20)] {
        let mut idb = Vec::new();
        idb.extend_from_slice(&w16(lt));
        idb.extend_from_slice(&w16(0));
        idb.extend_from_slice(&w32(0));
        idb.extend(opt(be, 9, &[resol]));
        idb.extend(opt(be, 2, b"veth0"));
        idb.extend(opt(be, 0, &[]));
        o.extend(block(be, 1, &idb));
    }
    // An unknown block (and a custom one) to skip.
    o.extend(block(be, 0x0bad, b"ignore me"));
    o.extend(block(be, 0x0000_0bad, &[1, 2, 3, 4, 5]));
    for (k, (ts, _, d)) in frames.iter().enumerate() {
        let (iface, data, units) = if k % 2 == 1 {
            let mut sll2 = vec![d[12], d[13], 0, 0, 0, 0, 0, 1, 0, 1, 0, 6];
            sll2.extend_from_slice(&d[6..12]);
            sll2.extend_from_slice(&[0, 0]);
            sll2.extend_from_slice(&d[14..]);
            // 2^-20 s units: exact only for whole units, so the test compares to the microsecond.
            (1u32, sll2, ((u128::from(*ts) << 20) / 1_000_000_000) as u64)
        } else {
            (0, d.clone(), *ts)
        };
        let mut epb = Vec::new();
        epb.extend_from_slice(&w32(iface));
        epb.extend_from_slice(&w32((units >> 32) as u32));
        epb.extend_from_slice(&w32(units as u32));
        epb.extend_from_slice(&w32(data.len() as u32));
        epb.extend_from_slice(&w32(data.len() as u32));
        epb.extend_from_slice(&data);
        while epb.len() & 3 != 0 {
            epb.push(0);
        }
        epb.extend(opt(be, 1, b"a packet comment"));
        epb.extend(opt(be, 0, &[]));
        o.extend(block(be, 6, &epb));
    }
    o
}

fn key(p: &TcpPacket) -> (String, u16, u32, u32, u8, u16, u32) {
    (
        p.src.to_string(),
        p.src_port,
        p.seq,
        p.ack,
        p.flags,
        p.window,
        p.len,
    )
}

#[test]
fn test_every_container_gives_the_same_segments() {
    for (name, bytes) in ref_pcaps() {
        let want = Capture::read(&bytes).unwrap();
        let fr = frames(&bytes);
        let variants = [
            ("pcap big-endian ns", pcap(&fr, true, true)),
            ("pcap little-endian us", pcap(&fr, false, false)),
            ("pcap big-endian us", pcap(&fr, true, false)),
            ("pcapng little-endian", pcapng(&fr, false)),
            ("pcapng big-endian", pcapng(&fr, true)),
        ];
        for (what, b) in variants {
            let got = Capture::read(&b).unwrap_or_else(|e| panic!("{name} {what}: {e}"));
            assert!(
                got.error.is_none() && got.skipped.is_empty(),
                "{name} {what}: {:?}",
                got.error
            );
            assert_eq!(got.packets.len(), want.packets.len(), "{name} {what}");
            for (g, w) in got.packets.iter().zip(&want.packets) {
                assert_eq!(key(g), key(w), "{name} {what}");
                assert_eq!(g.options, w.options, "{name} {what}");
                // Microsecond pcap and 2^-20 s units keep the time to within a microsecond.
                assert!(g.ts_ns.abs_diff(w.ts_ns) < 1000, "{name} {what}: time");
            }
            assert_eq!(
                got.connections().len(),
                want.connections().len(),
                "{name} {what}"
            );
        }
        // Two sections in one file: the second redefines its interfaces.
        let mut two = pcapng(&fr, false);
        two.extend(pcapng(&fr, true));
        let got = Capture::read(&two).unwrap();
        assert_eq!(
            got.packets.len(),
            2 * want.packets.len(),
            "{name}: two sections"
        );
        assert!(matches!(got.format, Some(Format::PcapNg)));
    }
}

#[test]
fn test_simple_packet_block_and_damaged_blocks() {
    let (_, bytes) = ref_pcaps().remove(0);
    let fr = frames(&bytes);
    let mut ng = pcapng(&fr[..1], false);
    // The same frame again as a Simple Packet Block (interface 0, no time).
    let mut spb = (fr[0].2.len() as u32).to_le_bytes().to_vec();
    spb.extend_from_slice(&fr[0].2);
    ng.extend(block(false, 3, &spb));
    let cap = Capture::read(&ng).unwrap();
    assert_eq!(cap.packets.len(), 2);
    assert_eq!(key(&cap.packets[0]), key(&cap.packets[1]));
    assert_eq!(
        cap.packets[1].ts_ns, cap.packets[0].ts_ns,
        "an SPB keeps the last time"
    );

    // A packet block naming an interface nobody described.
    let mut bad = pcapng(&fr[..1], false);
    let mut epb = 7u32.to_le_bytes().to_vec();
    epb.extend_from_slice(&[0; 16]);
    bad.extend(block(false, 6, &epb));
    let cap = Capture::read(&bad).unwrap();
    assert!(matches!(
        cap.error,
        Some(CaptureError::UnknownInterface { interface: 7, .. })
    ));
    assert_eq!(cap.packets.len(), 1, "what came before is kept");

    // An absurd block length.
    let mut huge = pcapng(&fr[..1], false);
    huge.extend_from_slice(&6u32.to_le_bytes());
    huge.extend_from_slice(&0xffff_fff0u32.to_le_bytes());
    let cap = Capture::read(&huge).unwrap();
    assert!(matches!(cap.error, Some(CaptureError::BadLength { .. })));

    // A pcap record longer than the file.
    let mut cut = bytes.clone();
    cut.truncate(bytes.len() - 3);
    let cap = Capture::read(&cut).unwrap();
    assert!(matches!(cap.error, Some(CaptureError::Truncated { .. })));
    assert_eq!(cap.packets.len(), fr.len() - 1);
}

/// Every container, damaged or whole, read a batch at a time: the same capture and the same
/// connections as in one go, whatever the batch size.
#[test]
fn test_reading_in_batches_gives_what_reading_at_once_gives() {
    for (name, bytes) in ref_pcaps() {
        let fr = frames(&bytes);
        let mut two_sections = pcapng(&fr, false);
        two_sections.extend(pcapng(&fr, true));
        let mut cut = bytes.clone();
        cut.truncate(bytes.len() - 3);
        for (what, b) in [
            ("pcap", bytes.clone()),
            ("pcapng, two sections", two_sections),
            ("cut", cut),
        ] {
            let want = Capture::read(&b).unwrap();
            for batch in [1, 2, 7, 1000] {
                let mut reader = CaptureReader::new(&b).unwrap();
                let mut calls = 0;
                while reader.advance(&b, batch) {
                    calls += 1;
                    assert!(calls <= fr.len() * 2 + 2, "{name} {what}: ends");
                }
                assert!(!reader.advance(&b, batch), "{name} {what}: stays ended");
                assert!(reader.offset() <= b.len());
                let (got, conns) = reader.finish();
                assert_eq!(got, want, "{name} {what}, batches of {batch}");
                assert_eq!(
                    conns,
                    want.connections(),
                    "{name} {what}, batches of {batch}"
                );
            }
        }
    }
}

#[test]
fn test_progress_is_reported_to_the_end() {
    let (_, bytes) = ref_pcaps().remove(0);
    let mut seen = Vec::new();
    Capture::read_with_progress(&bytes, |done, total| seen.push((done, total))).unwrap();
    assert!(seen.windows(2).all(|w| w[0].0 <= w[1].0));
    assert_eq!(seen.last(), Some(&(bytes.len(), bytes.len())));
}

fn tshark(args: &[&str]) -> String {
    let bin = std::env::var("TSHARK").unwrap_or_else(|_| "tshark".into());
    let out = Command::new(&bin)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run `{bin}` ({e}): install tshark or set TSHARK"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Our decoding of every reference capture equals tshark's, field by field; and tshark's own
/// pcapng rewrite of each reads to the same segments.
#[test]
fn test_fields_match_tshark() {
    let fields = [
        "frame.time_epoch",
        "ip.src",
        "tcp.srcport",
        "tcp.dstport",
        "tcp.seq_raw",
        "tcp.ack_raw",
        "tcp.flags",
        "tcp.window_size_value",
        "tcp.len",
        "tcp.options.mss_val",
        "tcp.options.wscale.shift",
        "tcp.options.timestamp.tsval",
        "tcp.options.timestamp.tsecr",
    ];
    let dir = std::env::temp_dir().join(format!("tcp-lab-capture-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut compared = 0;
    for (name, bytes) in ref_pcaps() {
        let path = refs_dir().join("pcap").join(format!("{name}.pcap"));
        let path = path.to_str().unwrap();
        let mut args = vec![
            "-r",
            path,
            "-o",
            "tcp.relative_sequence_numbers:FALSE",
            "-T",
            "fields",
            "-E",
            "separator=|",
        ];
        for f in &fields {
            args.push("-e");
            args.push(f);
        }
        let out = tshark(&args);
        let cap = Capture::read(&bytes).unwrap();
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), cap.packets.len(), "{name}");
        for (line, p) in lines.iter().zip(&cap.packets) {
            let c: Vec<&str> = line.split('|').collect();
            let t: f64 = c[0].parse().unwrap();
            assert!((t - p.ts_ns as f64 / 1e9).abs() < 2e-6, "{name}: time {t}");
            let num = |s: &str| -> Option<u64> {
                if s.is_empty() {
                    None
                } else if let Some(h) = s.strip_prefix("0x") {
                    u64::from_str_radix(h, 16).ok()
                } else {
                    s.parse().ok()
                }
            };
            let ours = [
                Some(u64::from(p.src_port)),
                Some(u64::from(p.dst_port)),
                Some(u64::from(p.seq)),
                Some(u64::from(p.ack)),
                Some(u64::from(p.flags)),
                Some(u64::from(p.window)),
                Some(u64::from(p.len)),
                p.options.mss.map(u64::from),
                p.options.window_scale.map(u64::from),
                p.options.timestamps.map(|t| u64::from(t.0)),
                p.options.timestamps.map(|t| u64::from(t.1)),
            ];
            let theirs: Vec<Option<u64>> = c[2..].iter().map(|s| num(s)).collect();
            assert_eq!(c[1], p.src.to_string(), "{name}");
            // tshark prints the raw ack even without the ACK flag; ours keeps it too.
            assert_eq!(&ours[..], &theirs[..], "{name}: {line}");
            compared += 1;
        }
        let ng = dir.join(format!("{name}.pcapng"));
        tshark(&["-r", path, "-F", "pcapng", "-w", ng.to_str().unwrap()]);
        let from_ng = Capture::read(&std::fs::read(&ng).unwrap()).unwrap();
        assert!(from_ng.error.is_none(), "{name}: {:?}", from_ng.error);
        assert_eq!(from_ng.packets, cap.packets, "{name}: tshark's pcapng");
    }
    let _ = std::fs::remove_dir_all(&dir);
    eprintln!("{compared} segments compared with tshark");
    assert!(compared > 50);
}
