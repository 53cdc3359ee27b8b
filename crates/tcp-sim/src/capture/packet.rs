//! From a frame to a TCP segment: the link layer (Ethernet with VLAN tags, Linux cooked
//! capture SLL and SLL2, raw IP, BSD loopback), then IPv4 or IPv6 and TCP.
//!
//! The IP layers are sliced by `etherparse` (lax mode: a snaplen-cut packet still yields its
//! headers; IPv6 extension headers are walked; fragments are reported, not reassembled). The TCP
//! options are decoded here, because `etherparse`'s option iterator stops at the first kind it
//! does not know (e.g. TCP Fast Open or MPTCP), and the rest would be lost.

use std::fmt;
use std::net::IpAddr;

use etherparse::{LaxNetSlice, LaxSlicedPacket, TransportSlice};

use crate::segment::Flags;

/// `LINKTYPE_NULL`: BSD loopback, a 4-byte address family in the writer's byte order.
pub const LINKTYPE_NULL: u32 = 0;
/// `LINKTYPE_ETHERNET`.
pub const LINKTYPE_ETHERNET: u32 = 1;
/// `LINKTYPE_RAW`: a bare IPv4 or IPv6 packet.
pub const LINKTYPE_RAW: u32 = 101;
/// `LINKTYPE_LOOP`: OpenBSD loopback, the address family in network byte order.
pub const LINKTYPE_LOOP: u32 = 108;
/// `LINKTYPE_LINUX_SLL`: Linux cooked capture v1.
pub const LINKTYPE_LINUX_SLL: u32 = 113;
/// `LINKTYPE_IPV4`.
pub const LINKTYPE_IPV4: u32 = 228;
/// `LINKTYPE_IPV6`.
pub const LINKTYPE_IPV6: u32 = 229;
/// `LINKTYPE_LINUX_SLL2`: Linux cooked capture v2.
pub const LINKTYPE_LINUX_SLL2: u32 = 276;

/// The TCP options of a segment, all decoded.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TcpOptions {
    /// Maximum segment size (kind 2).
    pub mss: Option<u16>,
    /// Window scale shift (kind 3).
    pub window_scale: Option<u8>,
    /// SACK permitted (kind 4).
    pub sack_permitted: bool,
    /// SACK blocks, left and right edges (kind 5).
    pub sack: Vec<(u32, u32)>,
    /// Timestamps: TSval, TSecr (kind 8).
    pub timestamps: Option<(u32, u32)>,
    /// Kinds of the other options present, in order (e.g. 34 TCP Fast Open, 30 MPTCP).
    pub other: Vec<u8>,
    /// An option ran past the header or had an impossible length; the rest was not read.
    pub malformed: bool,
}

impl TcpOptions {
    /// Decodes the option bytes of a TCP header.
    pub fn parse(mut b: &[u8]) -> TcpOptions {
        let mut o = TcpOptions::default();
        while let Some(&kind) = b.first() {
            match kind {
                0 => break,
                1 => {
                    b = &b[1..];
                    continue;
                }
                _ => {}
            }
            let Some(&len) = b.get(1) else {
                o.malformed = true;
                break;
            };
            let len = len as usize;
            let Some(v) = b.get(2..len.max(2)).filter(|_| len >= 2) else {
                o.malformed = true;
                break;
            };
            let u16_at = |i: usize| v.get(i..i + 2).map(|x| u16::from_be_bytes([x[0], x[1]]));
            let u32_at = |i: usize| {
                v.get(i..i + 4)
                    .map(|x| u32::from_be_bytes([x[0], x[1], x[2], x[3]]))
            };
            match (kind, len) {
                (2, 4) => o.mss = u16_at(0),
                (3, 3) => o.window_scale = v.first().copied(),
                (4, 2) => o.sack_permitted = true,
                (5, l) if l >= 10 && (l - 2) % 8 == 0 => {
                    for i in (0..l - 2).step_by(8) {
                        if let (Some(a), Some(z)) = (u32_at(i), u32_at(i + 4)) {
                            o.sack.push((a, z));
                        }
                    }
                }
                (8, 10) => o.timestamps = u32_at(0).zip(u32_at(4)),
                (2 | 3 | 4 | 5 | 8, _) => {
                    o.malformed = true;
                    break;
                }
                (k, _) => o.other.push(k),
            }
            b = &b[len..];
        }
        o
    }
}

/// A TCP segment as read from a capture.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TcpPacket {
    /// The frame's index in the file.
    pub frame: usize,
    /// Capture time, nanoseconds since the Unix epoch (a block without a time gets the
    /// previous packet's).
    pub ts_ns: u64,
    /// Source address.
    pub src: IpAddr,
    /// Destination address.
    pub dst: IpAddr,
    /// Source port.
    pub src_port: u16,
    /// Destination port.
    pub dst_port: u16,
    /// Sequence number.
    pub seq: u32,
    /// Acknowledgment number (meaningful with ACK).
    pub ack: u32,
    /// The flag byte: FIN 0x01, SYN 0x02, RST 0x04, PSH 0x08, ACK 0x10, URG 0x20, ECE 0x40,
    /// CWR 0x80.
    pub flags: u8,
    /// The raw window field.
    pub window: u16,
    /// Payload length as the IP header gives it (not what the snaplen kept).
    pub len: u32,
    /// Payload bytes actually in the capture.
    pub captured_len: u32,
    /// The options.
    pub options: TcpOptions,
    /// IPv4 TTL or IPv6 hop limit.
    pub ttl: u8,
}

impl TcpPacket {
    /// FIN, SYN, RST, PSH and ACK as the simulator's [`Flags`] (URG, ECE and CWR are in
    /// [`TcpPacket::flags`]).
    pub fn sim_flags(&self) -> Flags {
        [Flags::FIN, Flags::SYN, Flags::RST, Flags::PSH, Flags::ACK]
            .into_iter()
            .filter(|f| self.flags & f.bits() != 0)
            .fold(Flags::NONE, |a, f| a | f)
    }

    /// SYN is set.
    pub fn syn(&self) -> bool {
        self.flags & 0x02 != 0
    }
    /// FIN is set.
    pub fn fin(&self) -> bool {
        self.flags & 0x01 != 0
    }
    /// RST is set.
    pub fn rst(&self) -> bool {
        self.flags & 0x04 != 0
    }
    /// ACK is set.
    pub fn ack_flag(&self) -> bool {
        self.flags & 0x10 != 0
    }

    /// Sequence space taken: payload plus one each for SYN and FIN.
    pub fn seg_len(&self) -> u32 {
        self.len + u32::from(self.syn()) + u32::from(self.fin())
    }

    /// The sequence number after this segment.
    pub fn end_seq(&self) -> u32 {
        self.seq.wrapping_add(self.seg_len())
    }
}

/// Why a frame gave no TCP segment. Frames are skipped with a note, never with a panic.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Skip {
    /// A link type this reader does not decode.
    UnsupportedLinkType(u32),
    /// Not IPv4 or IPv6 (ARP, LLDP, 802.3 frames, ...): the EtherType or address family.
    NotIp(u32),
    /// IP, but not TCP: the protocol number.
    NotTcp(u8),
    /// A fragment of a fragmented IP packet (fragments are not reassembled).
    Fragment,
    /// The headers are cut off (snaplen or a damaged file) before the TCP header ends.
    Truncated,
    /// The IP or TCP header is invalid (wrong version, impossible lengths).
    Malformed(String),
}

impl fmt::Display for Skip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Skip::UnsupportedLinkType(l) => write!(f, "link type {l} is not supported"),
            Skip::NotIp(t) => write!(f, "not IP (type {t:#06x})"),
            Skip::NotTcp(p) => write!(f, "IP protocol {p}, not TCP"),
            Skip::Fragment => f.write_str("an IP fragment (not reassembled)"),
            Skip::Truncated => f.write_str("cut off before the end of the TCP header"),
            Skip::Malformed(m) => write!(f, "malformed: {m}"),
        }
    }
}

/// The EtherType (or `None` when the payload is IP of either version) and the payload.
fn link_payload(link_type: u32, d: &[u8]) -> Result<(Option<u16>, &[u8]), Skip> {
    let be16 = |b: &[u8], i: usize| {
        b.get(i..i + 2)
            .map(|x| u16::from_be_bytes([x[0], x[1]]))
            .ok_or(Skip::Truncated)
    };
    match link_type {
        LINKTYPE_ETHERNET => {
            let mut ty = be16(d, 12)?;
            let mut at = 14;
            // 802.1Q, 802.1ad and the old QinQ tag: 2 bytes TCI, then the next type.
            while matches!(ty, 0x8100 | 0x88a8 | 0x9100) {
                ty = be16(d, at + 2)?;
                at += 4;
            }
            Ok((Some(ty), &d[at..]))
        }
        LINKTYPE_LINUX_SLL => Ok((Some(be16(d, 14)?), d.get(16..).ok_or(Skip::Truncated)?)),
        LINKTYPE_LINUX_SLL2 => Ok((Some(be16(d, 0)?), d.get(20..).ok_or(Skip::Truncated)?)),
        LINKTYPE_RAW | LINKTYPE_IPV4 | LINKTYPE_IPV6 | 12 | 14 => Ok((None, d)),
        LINKTYPE_NULL | LINKTYPE_LOOP => {
            let b: [u8; 4] = d
                .get(..4)
                .and_then(|x| x.try_into().ok())
                .ok_or(Skip::Truncated)?;
            // The family is in the capturing host's byte order for NULL: a small number
            // either way round.
            let fam = if link_type == LINKTYPE_LOOP {
                u32::from_be_bytes(b)
            } else {
                let le = u32::from_le_bytes(b);
                if le < 256 {
                    le
                } else {
                    u32::from_be_bytes(b)
                }
            };
            match fam {
                // AF_INET, and AF_INET6 on the BSDs, Darwin and Linux.
                2 | 24 | 28 | 30 | 10 => Ok((None, &d[4..])),
                f => Err(Skip::NotIp(f)),
            }
        }
        l => Err(Skip::UnsupportedLinkType(l)),
    }
}

/// Decodes frame number `frame`, captured at `ts_ns`, down to its TCP segment.
pub fn decode(link_type: u32, data: &[u8], frame: usize, ts_ns: u64) -> Result<TcpPacket, Skip> {
    let (ether_type, ip) = link_payload(link_type, data)?;
    if let Some(t) = ether_type {
        if t != 0x0800 && t != 0x86dd {
            return Err(Skip::NotIp(u32::from(t)));
        }
    }
    let sliced = LaxSlicedPacket::from_ip(ip).map_err(|e| match e {
        etherparse::err::ip::LaxHeaderSliceError::Len(_) => Skip::Truncated,
        etherparse::err::ip::LaxHeaderSliceError::Content(c) => Skip::Malformed(c.to_string()),
    })?;
    let Some(net) = sliced.net.as_ref() else {
        return Err(Skip::Truncated);
    };
    let (src, dst, ttl, stated_payload, payload) = match net {
        LaxNetSlice::Ipv4(v4) => {
            let h = v4.header();
            let header_len =
                usize::from(h.ihl()) * 4 + v4.extensions().auth.map_or(0, |a| a.slice().len());
            // A total length of 0 is what TSO-offloaded packets show: use what was captured.
            let stated = usize::from(h.total_len()).checked_sub(header_len);
            (
                IpAddr::from(h.source()),
                IpAddr::from(h.destination()),
                h.ttl(),
                stated.filter(|_| h.total_len() != 0),
                v4.payload(),
            )
        }
        LaxNetSlice::Ipv6(v6) => {
            let h = v6.header();
            let stated = usize::from(h.payload_length()).checked_sub(v6.extensions().slice().len());
            (
                IpAddr::from(h.source()),
                IpAddr::from(h.destination()),
                h.hop_limit(),
                stated.filter(|_| h.payload_length() != 0),
                v6.payload(),
            )
        }
        LaxNetSlice::Arp(_) => return Err(Skip::NotIp(0x0806)),
    };
    if payload.fragmented {
        return Err(Skip::Fragment);
    }
    if payload.ip_number != etherparse::IpNumber::TCP {
        return Err(Skip::NotTcp(payload.ip_number.0));
    }
    let Some(TransportSlice::Tcp(tcp)) = sliced.transport.as_ref() else {
        return Err(match &sliced.stop_err {
            Some((etherparse::err::packet::SliceError::Len(_), _)) | None => Skip::Truncated,
            Some((e, _)) => Skip::Malformed(e.to_string()),
        });
    };
    let header_len = usize::from(tcp.data_offset()) * 4;
    let captured = tcp.payload().len();
    let len = match stated_payload {
        Some(s) if payload.incomplete => s.saturating_sub(header_len),
        _ => captured,
    };
    let flags = tcp.header_slice().get(13).copied().unwrap_or(0);
    Ok(TcpPacket {
        frame,
        ts_ns,
        src,
        dst,
        ttl,
        src_port: tcp.source_port(),
        dst_port: tcp.destination_port(),
        seq: tcp.sequence_number(),
        ack: tcp.acknowledgment_number(),
        flags,
        window: tcp.window_size(),
        len: u32::try_from(len).unwrap_or(u32::MAX),
        captured_len: u32::try_from(captured).unwrap_or(u32::MAX),
        options: TcpOptions::parse(tcp.options()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_options_linux_syn() {
        let o = TcpOptions::parse(&[
            2, 4, 5, 180, 4, 2, 8, 10, 0, 0, 0, 7, 0, 0, 0, 9, 1, 3, 3, 10,
        ]);
        assert_eq!(o.mss, Some(1460));
        assert!(o.sack_permitted);
        assert_eq!(o.timestamps, Some((7, 9)));
        assert_eq!(o.window_scale, Some(10));
        assert!(!o.malformed && o.other.is_empty());
    }

    #[test]
    fn test_options_sack_blocks_unknown_kinds_and_garbage() {
        let o = TcpOptions::parse(&[
            1, 1, 5, 18, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 4, 34, 2, 30, 4, 0, 0,
        ]);
        assert_eq!(o.sack, vec![(1, 2), (3, 4)]);
        assert_eq!(o.other, vec![34, 30]);
        assert!(!o.malformed);
        assert!(TcpOptions::parse(&[2, 40, 1]).malformed);
        assert!(TcpOptions::parse(&[2]).malformed);
        assert!(TcpOptions::parse(&[8, 0]).malformed, "length below 2");
        assert!(
            TcpOptions::parse(&[2, 3, 0]).malformed,
            "MSS of the wrong size"
        );
    }

    fn ipv4_tcp(flags: u8, total_len: u16) -> Vec<u8> {
        let mut p = vec![
            0x45, 0, 0, 0, 0, 1, 0x40, 0, 64, 6, 0, 0, 10, 0, 0, 1, 10, 0, 0, 2,
        ];
        p[2..4].copy_from_slice(&total_len.to_be_bytes());
        p.extend_from_slice(&[0x9c, 0x41, 0x13, 0x88]); // ports 40001 -> 5000
        p.extend_from_slice(&100u32.to_be_bytes());
        p.extend_from_slice(&200u32.to_be_bytes());
        p.extend_from_slice(&[0x50, flags, 0x01, 0x00, 0, 0, 0, 0]);
        p
    }

    #[test]
    fn test_link_types_reach_the_same_segment() {
        let ip = ipv4_tcp(0x12, 40);
        let mut eth = vec![0; 12];
        eth.extend_from_slice(&[0x81, 0x00, 0, 5, 0x88, 0xa8, 0, 6, 0x08, 0x00]);
        eth.extend_from_slice(&ip);
        let mut sll = vec![0; 14];
        sll.extend_from_slice(&[0x08, 0x00]);
        sll.extend_from_slice(&ip);
        let mut sll2 = vec![0x08, 0x00];
        sll2.extend_from_slice(&[0; 18]);
        sll2.extend_from_slice(&ip);
        let mut null = 2u32.to_le_bytes().to_vec();
        null.extend_from_slice(&ip);
        let mut null_be = 2u32.to_be_bytes().to_vec();
        null_be.extend_from_slice(&ip);
        for (lt, d) in [
            (LINKTYPE_ETHERNET, &eth),
            (LINKTYPE_LINUX_SLL, &sll),
            (LINKTYPE_LINUX_SLL2, &sll2),
            (LINKTYPE_RAW, &ip),
            (LINKTYPE_NULL, &null),
            (LINKTYPE_NULL, &null_be),
            (LINKTYPE_LOOP, &null_be),
        ] {
            let p = decode(lt, d, 0, 0).unwrap_or_else(|e| panic!("link type {lt}: {e}"));
            assert_eq!(
                (p.src_port, p.dst_port, p.seq, p.ack),
                (40001, 5000, 100, 200)
            );
            assert_eq!(p.flags, 0x12);
        }
        assert_eq!(decode(147, &ip, 0, 0), Err(Skip::UnsupportedLinkType(147)));
    }

    #[test]
    fn test_snaplen_cut_keeps_the_stated_length() {
        let mut ip = ipv4_tcp(0x18, 40 + 100);
        ip.extend_from_slice(&[0; 10]); // only 10 of 100 payload bytes kept
        let p = decode(LINKTYPE_RAW, &ip, 0, 0).unwrap();
        assert_eq!((p.len, p.captured_len), (100, 10));
        assert_eq!(decode(LINKTYPE_RAW, &ip[..30], 0, 0), Err(Skip::Truncated));
    }

    #[test]
    fn test_fragments_and_other_protocols_are_skipped() {
        let mut frag = ipv4_tcp(0x10, 40);
        frag[6] = 0x20; // more fragments
        assert_eq!(decode(LINKTYPE_RAW, &frag, 0, 0), Err(Skip::Fragment));
        let mut udp = ipv4_tcp(0x10, 40);
        udp[9] = 17;
        assert_eq!(decode(LINKTYPE_RAW, &udp, 0, 0), Err(Skip::NotTcp(17)));
        let mut arp = vec![0; 12];
        arp.extend_from_slice(&[0x08, 0x06]);
        arp.extend_from_slice(&[0; 28]);
        assert_eq!(
            decode(LINKTYPE_ETHERNET, &arp, 0, 0),
            Err(Skip::NotIp(0x0806))
        );
    }
}
