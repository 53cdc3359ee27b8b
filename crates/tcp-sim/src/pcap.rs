//! Export of a run as a classic libpcap file that Wireshark and tshark open.
//!
//! The capture point is the **sender's network interface**: every segment
//! appears once, at its send time ([`SegmentRecord::sent`]), in sending order,
//! as an Ethernet II / IPv4 / TCP frame with correct IPv4 and TCP checksums.
//! What the link did afterwards shows only where a sender-side capture would
//! show it:
//!
//! - a **duplicated** segment ([`Fate::Duplicated`]) appears once: the link
//!   copied it after the capture point, so a capture at the sender sees one copy;
//! - a **delayed** segment appears at its send time, like any other;
//! - a **lost** segment is lost on the link, after the capture point, so with
//!   [`LostSegments::Include`] it appears like the others, with IPv4 TTL 1
//!   instead of 64 (lost on the link; TTL 1 marks them for filters like
//!   `ip.ttl==1`, and Wireshark notes "Time To Live only 1"). With
//!   [`LostSegments::Omit`] it is left out;
//! - an **injected old duplicate** (`injected: true`) appears like a segment
//!   of its sender.
//!
//! The file uses the nanosecond pcap format (magic `0xa1b23c4d`), because
//! simulated time is in nanoseconds; the run starts at the Unix epoch. The
//! MAC addresses are made up (locally administered `02:00:00:00:00:01` for the
//! client, `…:02` for the server). The IPv4 identification counts up by one
//! for every segment a side sends, from 1, so omitted lost segments leave a
//! gap. Options are laid out as Linux lays them out: on a SYN or SYN-ACK the
//! segment's [`SynOptions`](crate::SynOptions) (MSS, SACK-permitted, window
//! scale) together with the timestamps, and on other segments `NOP, NOP, TS`
//! when the segment carries timestamps. The payload is `len` bytes of
//! repeating ASCII text, chosen by stream offset, so a retransmission carries
//! the same bytes as the original.
//!
//! ```
//! use tcp_sim::{named, run, pcap::{to_pcap, LostSegments, PcapOptions}};
//!
//! let trace = run(&named::syn_lost());
//! let all = to_pcap(&trace, &PcapOptions::default());
//! assert_eq!(&all[..4], &0xa1b2_3c4d_u32.to_le_bytes());
//! let opts = PcapOptions { lost: LostSegments::Omit, ..PcapOptions::default() };
//! let seen = to_pcap(&trace, &opts);
//! assert!(seen.len() < all.len()); // the lost SYN is left out
//! ```

use crate::segment::Segment;
use crate::state::Dir;
use crate::trace::{Fate, SegmentRecord, Trace};

/// What to do with segments the link lost.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum LostSegments {
    /// Write them like the others (a capture at the sender sees them leave).
    /// They are lost on the link; TTL 1 marks them for filters like `ip.ttl==1`.
    #[default]
    Include,
    /// Leave them out.
    Omit,
}

/// How to write the capture.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PcapOptions {
    /// Whether lost segments appear in the file.
    pub lost: LostSegments,
    /// The client's IPv4 address and port.
    pub client: ([u8; 4], u16),
    /// The server's IPv4 address and port.
    pub server: ([u8; 4], u16),
}

impl Default for PcapOptions {
    /// Lost segments included; the client at 192.0.2.1:40001 and the server at
    /// 198.51.100.2:5000 (RFC 5737 documentation addresses).
    fn default() -> PcapOptions {
        PcapOptions {
            lost: LostSegments::Include,
            client: ([192, 0, 2, 1], 40001),
            server: ([198, 51, 100, 2], 5000),
        }
    }
}

/// Magic number of the nanosecond-resolution pcap format.
pub const PCAP_MAGIC_NS: u32 = 0xa1b2_3c4d;
/// Link type 1: Ethernet.
pub const LINKTYPE_ETHERNET: u32 = 1;
/// The snapshot length in the global header: the most bytes of a frame the file keeps.
pub const SNAPLEN: u32 = 65535;
/// The IPv4 TTL of every segment the link did not lose.
pub const TTL: u8 = 64;
/// The IPv4 TTL that marks segments the link lost, for filters like `ip.ttl==1`.
pub const TTL_LOST: u8 = 1;

const GLOBAL_HEADER_LEN: usize = 24;
const RECORD_HEADER_LEN: usize = 16;
const ETHERNET_LEN: usize = 14;
const IPV4_LEN: usize = 20;
const TCP_BASE_LEN: usize = 20;

const CLIENT_MAC: [u8; 6] = [0x02, 0, 0, 0, 0, 0x01];
const SERVER_MAC: [u8; 6] = [0x02, 0, 0, 0, 0, 0x02];
const FILLER: &[u8] = b"TCP Lab simulated payload. ";

const OPT_NOP: u8 = 1;
const OPT_MSS: u8 = 2;
const OPT_WSCALE: u8 = 3;
const OPT_SACK_PERM: u8 = 4;
const OPT_TIMESTAMP: u8 = 8;

/// The run as a pcap file: one frame per segment, seen at the sender's
/// interface, at its send time and in sending order. A duplicated segment
/// appears once, since the link copies it after the capture point; see the
/// [module documentation](self) for lost, delayed and injected segments.
pub fn to_pcap(trace: &Trace, opts: &PcapOptions) -> Vec<u8> {
    let mut out =
        Vec::with_capacity(GLOBAL_HEADER_LEN + trace.segments.len() * (RECORD_HEADER_LEN + 128));
    out.extend_from_slice(&PCAP_MAGIC_NS.to_le_bytes());
    out.extend_from_slice(&2u16.to_le_bytes()); // version 2.4
    out.extend_from_slice(&4u16.to_le_bytes());
    out.extend_from_slice(&0i32.to_le_bytes()); // thiszone
    out.extend_from_slice(&0u32.to_le_bytes()); // sigfigs
    out.extend_from_slice(&SNAPLEN.to_le_bytes());
    out.extend_from_slice(&LINKTYPE_ETHERNET.to_le_bytes());

    let mut order: Vec<&SegmentRecord> = trace.segments.iter().collect();
    // Unstable is enough: segment ids are unique.
    order.sort_unstable_by_key(|s| (s.sent, s.id));
    let mut ip_id = [0u16; 2];
    for rec in order {
        let d = rec.dir.index();
        ip_id[d] = ip_id[d].wrapping_add(1);
        let lost = rec.fate == Fate::Lost;
        if lost && opts.lost == LostSegments::Omit {
            continue;
        }
        let frame = frame(rec, opts, ip_id[d], if lost { TTL_LOST } else { TTL });
        let ns = rec.sent.0;
        let secs = u32::try_from(ns / 1_000_000_000).unwrap_or(u32::MAX);
        let len = frame.len() as u32;
        out.extend_from_slice(&secs.to_le_bytes());
        out.extend_from_slice(&((ns % 1_000_000_000) as u32).to_le_bytes());
        out.extend_from_slice(&len.to_le_bytes()); // captured length
        out.extend_from_slice(&len.to_le_bytes()); // original length
        out.extend_from_slice(&frame);
    }
    out
}

/// One Ethernet frame carrying the segment.
fn frame(rec: &SegmentRecord, opts: &PcapOptions, ip_id: u16, ttl: u8) -> Vec<u8> {
    let ((src_ip, src_port), (dst_ip, dst_port), src_mac, dst_mac) = match rec.dir {
        Dir::C2S => (opts.client, opts.server, CLIENT_MAC, SERVER_MAC),
        Dir::S2C => (opts.server, opts.client, SERVER_MAC, CLIENT_MAC),
    };
    let seg = &rec.segment;
    // The byte stream starts one after the sender's ISN (the SYN takes one number).
    let stream_offset = rec
        .seq_rel
        .map_or(0, |r| (r - 1).rem_euclid(FILLER.len() as i64) as usize);
    let tcp = tcp_segment(seg, (src_ip, src_port), (dst_ip, dst_port), stream_offset);

    let mut f = Vec::with_capacity(ETHERNET_LEN + IPV4_LEN + tcp.len());
    f.extend_from_slice(&dst_mac);
    f.extend_from_slice(&src_mac);
    f.extend_from_slice(&0x0800u16.to_be_bytes()); // IPv4
    f.extend_from_slice(&ipv4_header(src_ip, dst_ip, ip_id, ttl, tcp.len()));
    f.extend_from_slice(&tcp);
    f
}

fn ipv4_header(src: [u8; 4], dst: [u8; 4], id: u16, ttl: u8, payload_len: usize) -> [u8; IPV4_LEN] {
    let total = (IPV4_LEN + payload_len) as u16;
    let mut h = [0u8; IPV4_LEN];
    h[0] = 0x45; // version 4, IHL 5
    h[1] = 0; // DSCP/ECN
    h[2..4].copy_from_slice(&total.to_be_bytes());
    h[4..6].copy_from_slice(&id.to_be_bytes());
    h[6..8].copy_from_slice(&0x4000u16.to_be_bytes()); // DF, offset 0
    h[8] = ttl;
    h[9] = 6; // TCP
    h[12..16].copy_from_slice(&src);
    h[16..20].copy_from_slice(&dst);
    let sum = internet_checksum(&h);
    h[10..12].copy_from_slice(&sum.to_be_bytes());
    h
}

/// The TCP options as Linux writes them (`tcp_options_write`): MSS; then
/// SACK-permitted and timestamps together, or `NOP, NOP, TS`; then
/// `NOP, WS`; then `NOP, NOP, SACK_PERM` if SACK-permitted had no timestamps
/// to share a word with. Always a multiple of four bytes.
fn tcp_options(seg: &Segment) -> Vec<u8> {
    let mut o = Vec::with_capacity(20);
    let syn = seg.flags.syn().then_some(seg.syn_options).flatten();
    let sack = syn.is_some_and(|s| s.sack_permitted);
    if let Some(mss) = syn.and_then(|s| s.mss) {
        o.extend_from_slice(&[OPT_MSS, 4]);
        o.extend_from_slice(&mss.to_be_bytes());
    }
    if let Some(ts) = seg.timestamps {
        if sack {
            o.extend_from_slice(&[OPT_SACK_PERM, 2]);
        } else {
            o.extend_from_slice(&[OPT_NOP, OPT_NOP]);
        }
        o.extend_from_slice(&[OPT_TIMESTAMP, 10]);
        o.extend_from_slice(&ts.val.to_be_bytes());
        o.extend_from_slice(&ts.ecr.to_be_bytes());
    }
    if let Some(ws) = syn.and_then(|s| s.window_scale) {
        o.extend_from_slice(&[OPT_NOP, OPT_WSCALE, 3, ws]);
    }
    if sack && seg.timestamps.is_none() {
        o.extend_from_slice(&[OPT_NOP, OPT_NOP, OPT_SACK_PERM, 2]);
    }
    debug_assert!(o.len() % 4 == 0 && o.len() <= 40);
    o
}

/// The TCP header, options and filler payload, with the checksum filled in.
fn tcp_segment(
    seg: &Segment,
    (src_ip, src_port): ([u8; 4], u16),
    (dst_ip, dst_port): ([u8; 4], u16),
    stream_offset: usize,
) -> Vec<u8> {
    let options = tcp_options(seg);
    let header_len = TCP_BASE_LEN + options.len();
    let mut t = Vec::with_capacity(header_len + seg.len as usize);
    t.extend_from_slice(&src_port.to_be_bytes());
    t.extend_from_slice(&dst_port.to_be_bytes());
    t.extend_from_slice(&seg.seq.to_be_bytes());
    let ack = if seg.flags.ack() { seg.ack } else { 0 };
    t.extend_from_slice(&ack.to_be_bytes());
    t.push(((header_len / 4) as u8) << 4); // data offset; reserved bits zero
    t.push(seg.flags.bits()); // FIN 0x01 … ACK 0x10, as on the wire
    t.extend_from_slice(&seg.window.to_be_bytes());
    t.extend_from_slice(&[0, 0]); // checksum, filled in below
    t.extend_from_slice(&[0, 0]); // urgent pointer
    t.extend_from_slice(&options);
    t.extend((0..seg.len as usize).map(|i| FILLER[(stream_offset + i) % FILLER.len()]));

    let mut pseudo = [0u8; 12];
    pseudo[0..4].copy_from_slice(&src_ip);
    pseudo[4..8].copy_from_slice(&dst_ip);
    pseudo[9] = 6;
    pseudo[10..12].copy_from_slice(&(t.len() as u16).to_be_bytes());
    let sum = fold(ones_sum(&t, ones_sum(&pseudo, 0)));
    t[16..18].copy_from_slice(&(!sum).to_be_bytes());
    t
}

/// The sum of big-endian 16-bit words (a last odd byte padded with zero),
/// added to `acc`, not yet folded.
fn ones_sum(data: &[u8], acc: u64) -> u64 {
    let mut chunks = data.chunks_exact(2);
    let mut sum = acc;
    for w in &mut chunks {
        sum += u64::from(u16::from_be_bytes([w[0], w[1]]));
    }
    if let [last] = chunks.remainder() {
        sum += u64::from(*last) << 8;
    }
    sum
}

fn fold(mut sum: u64) -> u16 {
    while sum > 0xffff {
        sum = (sum & 0xffff) + (sum >> 16);
    }
    sum as u16
}

/// The Internet checksum (RFC 1071): the ones' complement of the ones'
/// complement sum of the 16-bit words.
fn internet_checksum(data: &[u8]) -> u16 {
    !fold(ones_sum(data, 0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::named;
    use crate::profile::ProfileName;
    use crate::scenario::{Scenario, Step};
    use crate::segment::{Flags, SynOptions, Timestamps};
    use crate::sim::run;

    fn seg(flags: Flags, len: u32) -> Segment {
        Segment {
            seq: 1000,
            ack: 2000,
            flags,
            len,
            window: 502,
            syn_options: None,
            timestamps: None,
        }
    }

    const LINUX_SYN: SynOptions = SynOptions {
        mss: Some(1460),
        window_scale: Some(10),
        sack_permitted: true,
    };
    const TS: Timestamps = Timestamps { val: 7, ecr: 9 };

    #[test]
    fn test_checksum_rfc1071_example() {
        // RFC 1071 §3: the words 0001 f203 f4f5 f6f7 sum to ddf2.
        let data = [0x00, 0x01, 0xf2, 0x03, 0xf4, 0xf5, 0xf6, 0xf7];
        assert_eq!(fold(ones_sum(&data, 0)), 0xddf2);
        assert_eq!(internet_checksum(&data), !0xddf2);
        // An odd length is padded with a zero byte.
        assert_eq!(internet_checksum(&[0xab]), !0xab00);
    }

    #[test]
    fn test_checksum_known_ipv4_header() {
        // The usual worked example: 192.168.0.1 -> 192.168.0.199, UDP, checksum b861.
        let mut h = [
            0x45, 0x00, 0x00, 0x73, 0x00, 0x00, 0x40, 0x00, 0x40, 0x11, 0x00, 0x00, 0xc0, 0xa8,
            0x00, 0x01, 0xc0, 0xa8, 0x00, 0xc7,
        ];
        assert_eq!(internet_checksum(&h), 0xb861);
        h[10..12].copy_from_slice(&0xb861u16.to_be_bytes());
        assert_eq!(internet_checksum(&h), 0, "a correct header sums to zero");
    }

    #[test]
    fn test_our_headers_verify() {
        let h = ipv4_header([10, 0, 0, 1], [10, 0, 0, 2], 5, 64, 32);
        assert_eq!(internet_checksum(&h), 0);
        assert_eq!(&h[2..4], &52u16.to_be_bytes());
        let (a, b) = (([10, 0, 0, 1], 1234), ([10, 0, 0, 2], 80));
        for len in [0, 1, 5, 100] {
            let t = tcp_segment(&seg(Flags::PSH | Flags::ACK, len), a, b, 0);
            let mut pseudo = vec![10, 0, 0, 1, 10, 0, 0, 2, 0, 6];
            pseudo.extend_from_slice(&(t.len() as u16).to_be_bytes());
            assert_eq!(
                fold(ones_sum(&t, ones_sum(&pseudo, 0))),
                0xffff,
                "len {len}"
            );
        }
    }

    #[test]
    fn test_option_layouts_match_linux() {
        let mut s = seg(Flags::SYN, 0);
        s.syn_options = Some(LINUX_SYN);
        s.timestamps = Some(TS);
        // As in the Linux captures in shared/refs: MSS, SACK_PERM, TS, NOP, WS.
        assert_eq!(
            tcp_options(&s),
            [2, 4, 5, 180, 4, 2, 8, 10, 0, 0, 0, 7, 0, 0, 0, 9, 1, 3, 3, 10]
        );
        s.timestamps = None;
        assert_eq!(tcp_options(&s), [2, 4, 5, 180, 1, 3, 3, 10, 1, 1, 4, 2]);
        s.syn_options = Some(SynOptions {
            mss: Some(1460),
            window_scale: None,
            sack_permitted: false,
        });
        assert_eq!(tcp_options(&s), [2, 4, 5, 180]);
        s.timestamps = Some(TS);
        assert_eq!(
            tcp_options(&s),
            [2, 4, 5, 180, 1, 1, 8, 10, 0, 0, 0, 7, 0, 0, 0, 9]
        );
        // Not on a SYN: only the timestamps, and SYN options are ignored.
        let mut a = seg(Flags::ACK, 0);
        a.syn_options = Some(LINUX_SYN);
        a.timestamps = Some(TS);
        assert_eq!(tcp_options(&a), [1, 1, 8, 10, 0, 0, 0, 7, 0, 0, 0, 9]);
        a.timestamps = None;
        assert!(tcp_options(&a).is_empty());
    }

    #[test]
    fn test_header_lengths() {
        let t = run(&named::normal());
        let opts = PcapOptions::default();
        let frames: Vec<Vec<u8>> = t.segments.iter().map(|s| frame(s, &opts, 1, TTL)).collect();
        // Linux: SYN 74 bytes as in real captures, pure ACK 66, data 66 + len.
        assert_eq!(frames[0].len(), 74, "SYN");
        assert_eq!(frames[1].len(), 74, "SYN-ACK");
        assert_eq!(frames[2].len(), 66, "ACK");
        for (s, f) in t.segments.iter().zip(&frames) {
            let tcp_header = if s.segment.flags.syn() { 40 } else { 32 };
            assert_eq!(f.len(), 14 + 20 + tcp_header + s.segment.len as usize);
            assert_eq!(f[14 + 20 + 12] >> 4, tcp_header as u8 / 4, "data offset");
            let ip_total = u16::from_be_bytes([f[16], f[17]]) as usize;
            assert_eq!(ip_total, f.len() - 14);
        }
        let rfc = run(&named::with_profile(named::normal(), ProfileName::Rfc));
        let syn = frame(&rfc.segments[0], &opts, 1, TTL);
        assert_eq!(syn.len(), 14 + 20 + 24, "textbook SYN: MSS only");
        let ack = frame(&rfc.segments[2], &opts, 1, TTL);
        assert_eq!(ack.len(), 54, "textbook ACK: no options");
    }

    #[test]
    fn test_file_layout_and_lost_segments() {
        let t = run(&named::syn_lost());
        let bytes = to_pcap(&t, &PcapOptions::default());
        assert_eq!(&bytes[0..4], &[0x4d, 0x3c, 0xb2, 0xa1]);
        assert_eq!(&bytes[4..8], &[2, 0, 4, 0]);
        assert_eq!(&bytes[16..20], &65535u32.to_le_bytes());
        assert_eq!(&bytes[20..24], &1u32.to_le_bytes());
        // Walk the records: one per segment, TTL 1 exactly on the lost ones.
        let mut at = GLOBAL_HEADER_LEN;
        let mut ttls = Vec::new();
        while at < bytes.len() {
            let r = &bytes[at..];
            let incl = u32::from_le_bytes(r[8..12].try_into().unwrap()) as usize;
            assert_eq!(r[8..12], r[12..16]);
            ttls.push(r[RECORD_HEADER_LEN + ETHERNET_LEN + 8]);
            at += RECORD_HEADER_LEN + incl;
        }
        assert_eq!(at, bytes.len());
        let want: Vec<u8> = t
            .segments
            .iter()
            .map(|s| if s.lost() { TTL_LOST } else { TTL })
            .collect();
        assert_eq!(ttls, want);
        // The second SYN left at 1 s.
        let second = GLOBAL_HEADER_LEN + RECORD_HEADER_LEN + 74;
        assert_eq!(&bytes[second..second + 4], &1u32.to_le_bytes());
        assert_eq!(&bytes[second + 4..second + 8], &0u32.to_le_bytes());
        let omit = PcapOptions {
            lost: LostSegments::Omit,
            ..PcapOptions::default()
        };
        assert_eq!(
            to_pcap(&t, &omit).len(),
            bytes.len() - RECORD_HEADER_LEN - 74
        );
    }

    #[test]
    fn test_retransmission_carries_the_same_payload() {
        let sc = Scenario::new(ProfileName::Linux)
            .delay_ms(10.0)
            .client(&[Step::Connect, Step::Send(40), Step::Close])
            .server(&[Step::Listen, Step::RecvEof, Step::Close])
            .drop_nth(Dir::C2S, "PA", 1);
        let t = run(&sc);
        let opts = PcapOptions::default();
        let data: Vec<Vec<u8>> = t
            .segments
            .iter()
            .filter(|s| s.segment.len == 40)
            .map(|s| {
                let f = frame(s, &opts, 1, TTL);
                f[f.len() - 40..].to_vec()
            })
            .collect();
        assert!(data.len() >= 2, "{}", t.summary());
        assert!(data.iter().all(|d| d == &data[0]));
        assert_eq!(&data[0][..8], b"TCP Lab ");
    }
}
