//! Capture file framing: classic pcap (both byte orders, micro- and nanosecond
//! timestamps) and pcapng (SHB, IDB, EPB, SPB and the obsolete PB; several
//! interfaces and sections; every other block skipped by its length).
//!
//! Sans-IO: [`Frames`] walks a byte slice and yields one [`Frame`] at a time,
//! borrowing the packet bytes; [`Frames::offset`] tells how far it got, for a
//! progress bar. Any structural problem is a typed [`CaptureError`]; after one,
//! the iterator ends.
//!
//! Written here rather than taken from `pcap-file`: the app decodes a large file in
//! resumable slices ([`FramesState`]) with progress by byte offset, and each error names
//! the byte where the file went wrong; packets inside the frames are decoded by etherparse.

use std::fmt;

/// A classic pcap record larger than this is taken for garbage, whatever the snaplen says.
pub const MAX_RECORD: u32 = 256 * 1024;
/// A pcapng block larger than this is taken for garbage (Wireshark's own limit is 16 MiB).
pub const MAX_BLOCK: u32 = 16 * 1024 * 1024;

const PCAP_US: u32 = 0xa1b2_c3d4;
const PCAP_NS: u32 = 0xa1b2_3c4d;
const PCAPNG_SHB: u32 = 0x0a0d_0d0a;
const PCAPNG_BOM: u32 = 0x1a2b_3c4d;

/// Why a capture could not be read (further).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CaptureError {
    /// The file does not start with a pcap or pcapng magic number.
    BadMagic(u32),
    /// The file is shorter than its headers say: it ends inside the header or
    /// record at this byte offset.
    Truncated {
        /// Where the cut-off header or record starts.
        offset: usize,
    },
    /// A record or block claims an impossible length.
    BadLength {
        /// Where the record or block starts.
        offset: usize,
        /// The length it claims.
        len: u64,
    },
    /// A pcapng section header with an unknown byte-order magic or major version.
    BadSection {
        /// Where the block starts.
        offset: usize,
    },
    /// A pcapng packet refers to an interface that no IDB described.
    UnknownInterface {
        /// Where the block starts.
        offset: usize,
        /// The interface id it gives.
        interface: u32,
    },
}

impl fmt::Display for CaptureError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CaptureError::BadMagic(m) => {
                write!(f, "not a pcap or pcapng file (magic {m:#010x})")
            }
            CaptureError::Truncated { offset } => {
                write!(f, "the file is cut off inside the record at byte {offset}")
            }
            CaptureError::BadLength { offset, len } => {
                write!(f, "impossible length {len} in the record at byte {offset}")
            }
            CaptureError::BadSection { offset } => {
                write!(f, "unsupported pcapng section header at byte {offset}")
            }
            CaptureError::UnknownInterface { offset, interface } => write!(
                f,
                "the packet at byte {offset} names interface {interface}, which was never described"
            ),
        }
    }
}

impl std::error::Error for CaptureError {}

/// The container format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Classic libpcap.
    Pcap {
        /// Timestamps in nanoseconds (magic `a1b23c4d`) rather than microseconds.
        nanos: bool,
        /// Written big-endian.
        big_endian: bool,
    },
    /// pcapng.
    PcapNg,
}

/// One captured frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Frame<'a> {
    /// 0-based index among the frames of the file (Wireshark's frame number minus one).
    pub index: usize,
    /// Capture time in nanoseconds since the Unix epoch; `None` when the block has none (SPB).
    pub ts_ns: Option<u64>,
    /// The link type of its interface (`LINKTYPE_*`).
    pub link_type: u32,
    /// The interface (always 0 in classic pcap).
    pub interface: u32,
    /// The bytes captured (possibly fewer than were on the wire).
    pub data: &'a [u8],
    /// The length on the wire.
    pub orig_len: u32,
}

#[derive(Clone, Copy, Debug)]
struct Interface {
    link_type: u32,
    snaplen: u32,
    /// Timestamp units: `(true, n)` is 2^-n s, `(false, n)` is 10^-n s.
    resol: (bool, u8),
    offset_s: i64,
}

/// Where a walk over a capture's frames stands, without the bytes ([`Frames::pause`],
/// [`Frames::resume`]): a caller can decode a large file a batch of frames at a time and give
/// the thread back in between.
#[derive(Clone, Debug)]
pub struct FramesState {
    pos: usize,
    format: Format,
    /// pcap: the link type and snaplen; pcapng: the current section's interfaces.
    interfaces: Vec<Interface>,
    big_endian: bool,
    index: usize,
    done: bool,
}

/// An iterator over the frames of a capture held in memory.
#[derive(Clone, Debug)]
pub struct Frames<'a> {
    data: &'a [u8],
    state: FramesState,
}

fn rd32(b: &[u8], at: usize, be: bool) -> Option<u32> {
    let x: [u8; 4] = b.get(at..at.checked_add(4)?)?.try_into().ok()?;
    Some(if be {
        u32::from_be_bytes(x)
    } else {
        u32::from_le_bytes(x)
    })
}

fn rd16(b: &[u8], at: usize, be: bool) -> Option<u16> {
    let x: [u8; 2] = b.get(at..at.checked_add(2)?)?.try_into().ok()?;
    Some(if be {
        u16::from_be_bytes(x)
    } else {
        u16::from_le_bytes(x)
    })
}

/// A timestamp in units of `resol` as nanoseconds, saturating.
fn to_ns(ts: u64, resol: (bool, u8), offset_s: i64) -> u64 {
    let ns: u128 = match resol {
        (false, n) if n <= 9 => u128::from(ts) * 10u128.pow(u32::from(9 - n)),
        (false, n) => u128::from(ts) / 10u128.pow(u32::from(n.min(38) - 9)),
        (true, n) => (u128::from(ts) * 1_000_000_000) >> n.min(127),
    };
    let ns = ns as i128 + i128::from(offset_s) * 1_000_000_000;
    ns.clamp(0, i128::from(u64::MAX)) as u64
}

impl<'a> Frames<'a> {
    /// Reads the file header. Fails on an unknown magic number or a file too short for it.
    pub fn new(data: &'a [u8]) -> Result<Frames<'a>, CaptureError> {
        let magic_le = rd32(data, 0, false).ok_or(CaptureError::Truncated { offset: 0 })?;
        let mut f = Frames {
            data,
            state: FramesState {
                pos: 0,
                format: Format::PcapNg,
                interfaces: Vec::new(),
                big_endian: false,
                index: 0,
                done: false,
            },
        };
        let (nanos, be) = match magic_le {
            PCAP_US => (false, false),
            PCAP_NS => (true, false),
            m if m == PCAP_US.swap_bytes() => (false, true),
            m if m == PCAP_NS.swap_bytes() => (true, true),
            PCAPNG_SHB => return Ok(f),
            m => return Err(CaptureError::BadMagic(m)),
        };
        let header = data
            .get(..24)
            .ok_or(CaptureError::Truncated { offset: 0 })?;
        let snaplen = rd32(header, 16, be).unwrap_or(0);
        // The upper bits of the link type carry FCS information (pcap spec, LinkType field).
        let link_type = rd32(header, 20, be).unwrap_or(0) & 0x0fff_ffff;
        f.state.format = Format::Pcap {
            nanos,
            big_endian: be,
        };
        f.state.big_endian = be;
        f.state.pos = 24;
        f.state.interfaces.push(Interface {
            link_type,
            snaplen,
            resol: (false, if nanos { 9 } else { 6 }),
            offset_s: 0,
        });
        Ok(f)
    }

    /// Stops the walk, keeping where it is (see [`FramesState`]).
    pub fn pause(self) -> FramesState {
        self.state
    }

    /// Goes on from `state` over `data`, the bytes the paused walk read (or more of them:
    /// the same file, read further).
    pub fn resume(data: &'a [u8], state: FramesState) -> Frames<'a> {
        Frames { data, state }
    }

    /// The container format.
    pub fn format(&self) -> Format {
        self.state.format
    }

    /// Bytes consumed so far, out of [`Frames::len`].
    pub fn offset(&self) -> usize {
        self.state.pos
    }

    /// The size of the whole capture in bytes.
    pub fn len(&self) -> usize {
        self.data.len()
    }

    /// The capture has no bytes at all.
    pub fn is_empty(&self) -> bool {
        self.data.is_empty()
    }

    fn fail(&mut self, e: CaptureError) -> Option<Result<Frame<'a>, CaptureError>> {
        self.state.done = true;
        Some(Err(e))
    }

    fn next_pcap(&mut self) -> Option<Result<Frame<'a>, CaptureError>> {
        let at = self.state.pos;
        if at >= self.data.len() {
            return None;
        }
        let be = self.state.big_endian;
        let Some(hdr) = self.data.get(at..at + 16) else {
            return self.fail(CaptureError::Truncated { offset: at });
        };
        let (secs, frac) = (rd32(hdr, 0, be)?, rd32(hdr, 4, be)?);
        let (incl, orig) = (rd32(hdr, 8, be)?, rd32(hdr, 12, be)?);
        let iface = self.state.interfaces[0];
        if incl > MAX_RECORD.max(iface.snaplen.min(MAX_BLOCK)) {
            return self.fail(CaptureError::BadLength {
                offset: at,
                len: u64::from(incl),
            });
        }
        let start = at + 16;
        let Some(data) = self.data.get(start..start + incl as usize) else {
            return self.fail(CaptureError::Truncated { offset: at });
        };
        self.state.pos = start + incl as usize;
        let nanos = matches!(self.state.format, Format::Pcap { nanos: true, .. });
        let frac_ns = if nanos {
            u64::from(frac)
        } else {
            u64::from(frac) * 1000
        };
        let ts = u64::from(secs) * 1_000_000_000 + frac_ns;
        let index = self.state.index;
        self.state.index += 1;
        Some(Ok(Frame {
            index,
            ts_ns: Some(ts),
            link_type: iface.link_type,
            interface: 0,
            data,
            orig_len: orig.max(incl),
        }))
    }

    fn next_pcapng(&mut self) -> Option<Result<Frame<'a>, CaptureError>> {
        loop {
            let at = self.state.pos;
            if at >= self.data.len() {
                return None;
            }
            let Some(block_type_le) = rd32(self.data, at, false) else {
                return self.fail(CaptureError::Truncated { offset: at });
            };
            if block_type_le == PCAPNG_SHB {
                // The byte order of the section is in its header.
                let be = match rd32(self.data, at + 8, false) {
                    Some(PCAPNG_BOM) => false,
                    Some(m) if m == PCAPNG_BOM.swap_bytes() => true,
                    Some(_) => return self.fail(CaptureError::BadSection { offset: at }),
                    None => return self.fail(CaptureError::Truncated { offset: at }),
                };
                if rd16(self.data, at + 12, be) != Some(1) {
                    return self.fail(CaptureError::BadSection { offset: at });
                }
                self.state.big_endian = be;
                self.state.interfaces.clear();
            }
            let be = self.state.big_endian;
            let block_type = rd32(self.data, at, be)?;
            let Some(total) = rd32(self.data, at + 4, be) else {
                return self.fail(CaptureError::Truncated { offset: at });
            };
            if total < 12 || total % 4 != 0 || total > MAX_BLOCK {
                return self.fail(CaptureError::BadLength {
                    offset: at,
                    len: u64::from(total),
                });
            }
            let Some(block) = self.data.get(at..at + total as usize) else {
                return self.fail(CaptureError::Truncated { offset: at });
            };
            if rd32(block, total as usize - 4, be) != Some(total) {
                return self.fail(CaptureError::BadLength {
                    offset: at,
                    len: u64::from(total),
                });
            }
            self.state.pos = at + total as usize;
            let body = &block[8..total as usize - 4];
            match block_type {
                // Interface Description Block.
                1 => {
                    let Some(link_type) = rd16(body, 0, be) else {
                        return self.fail(CaptureError::BadLength {
                            offset: at,
                            len: u64::from(total),
                        });
                    };
                    let snaplen = rd32(body, 4, be).unwrap_or(0);
                    let mut iface = Interface {
                        link_type: u32::from(link_type),
                        snaplen,
                        resol: (false, 6),
                        offset_s: 0,
                    };
                    for (code, value) in options(body.get(8..).unwrap_or(&[]), be) {
                        match (code, value) {
                            (9, [r, ..]) => iface.resol = (r & 0x80 != 0, r & 0x7f),
                            (14, v) if v.len() >= 8 => {
                                // if_tsoffset: seconds to add, a signed 64-bit integer.
                                let bytes: [u8; 8] = v[..8].try_into().unwrap_or([0; 8]);
                                iface.offset_s = if be {
                                    i64::from_be_bytes(bytes)
                                } else {
                                    i64::from_le_bytes(bytes)
                                };
                            }
                            _ => {}
                        }
                    }
                    self.state.interfaces.push(iface);
                }
                // Enhanced Packet Block, and the obsolete Packet Block.
                6 | 2 => {
                    let (iface_id, ts_at) = if block_type == 6 {
                        (rd32(body, 0, be), 4)
                    } else {
                        (rd16(body, 0, be).map(u32::from), 4)
                    };
                    let (Some(iface_id), Some(hi), Some(lo), Some(cap), Some(orig)) = (
                        iface_id,
                        rd32(body, ts_at, be),
                        rd32(body, ts_at + 4, be),
                        rd32(body, ts_at + 8, be),
                        rd32(body, ts_at + 12, be),
                    ) else {
                        return self.fail(CaptureError::BadLength {
                            offset: at,
                            len: u64::from(total),
                        });
                    };
                    let Some(iface) = self.state.interfaces.get(iface_id as usize).copied() else {
                        return self.fail(CaptureError::UnknownInterface {
                            offset: at,
                            interface: iface_id,
                        });
                    };
                    let start = ts_at + 16;
                    let Some(data) = body.get(start..start + cap as usize) else {
                        return self.fail(CaptureError::BadLength {
                            offset: at,
                            len: u64::from(cap),
                        });
                    };
                    let ts = (u64::from(hi) << 32) | u64::from(lo);
                    let index = self.state.index;
                    self.state.index += 1;
                    return Some(Ok(Frame {
                        index,
                        ts_ns: Some(to_ns(ts, iface.resol, iface.offset_s)),
                        link_type: iface.link_type,
                        interface: iface_id,
                        data,
                        orig_len: orig.max(cap),
                    }));
                }
                // Simple Packet Block: interface 0, no timestamp.
                3 => {
                    let Some(iface) = self.state.interfaces.first().copied() else {
                        return self.fail(CaptureError::UnknownInterface {
                            offset: at,
                            interface: 0,
                        });
                    };
                    let Some(orig) = rd32(body, 0, be) else {
                        return self.fail(CaptureError::BadLength {
                            offset: at,
                            len: u64::from(total),
                        });
                    };
                    let room = body.len() - 4;
                    let mut cap = (orig as usize).min(room);
                    if iface.snaplen > 0 {
                        cap = cap.min(iface.snaplen as usize);
                    }
                    let index = self.state.index;
                    self.state.index += 1;
                    return Some(Ok(Frame {
                        index,
                        ts_ns: None,
                        link_type: iface.link_type,
                        interface: 0,
                        data: &body[4..4 + cap],
                        orig_len: orig.max(cap as u32),
                    }));
                }
                // Section headers were handled above; everything else (name resolution,
                // statistics, custom blocks, decryption secrets, ...) is skipped.
                _ => {}
            }
        }
    }
}

/// The options of a pcapng block: `(code, value)` until `opt_endofopt` or the end; a
/// malformed option ends the list.
fn options(mut b: &[u8], be: bool) -> Vec<(u16, &[u8])> {
    let mut out = Vec::new();
    while let (Some(code), Some(len)) = (rd16(b, 0, be), rd16(b, 2, be)) {
        if code == 0 {
            break;
        }
        let len = len as usize;
        let Some(value) = b.get(4..4 + len) else {
            break;
        };
        out.push((code, value));
        let padded = 4 + len.div_ceil(4) * 4;
        b = b.get(padded..).unwrap_or(&[]);
    }
    out
}

impl<'a> Iterator for Frames<'a> {
    type Item = Result<Frame<'a>, CaptureError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.state.done {
            return None;
        }
        let r = match self.state.format {
            Format::Pcap { .. } => self.next_pcap(),
            Format::PcapNg => self.next_pcapng(),
        };
        if r.is_none() {
            self.state.done = true;
        }
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_to_ns_resolutions() {
        assert_eq!(to_ns(5, (false, 6), 0), 5_000);
        assert_eq!(to_ns(5, (false, 9), 0), 5);
        assert_eq!(to_ns(5_000, (false, 12), 0), 5);
        assert_eq!(to_ns(1 << 20, (true, 20), 0), 1_000_000_000);
        assert_eq!(to_ns(1, (false, 0), 2), 3_000_000_000);
        assert_eq!(to_ns(u64::MAX, (false, 0), 0), u64::MAX, "saturates");
    }

    #[test]
    fn test_bad_magic_and_short_files() {
        assert_eq!(
            Frames::new(b"GIF89a..").unwrap_err(),
            CaptureError::BadMagic(u32::from_le_bytes(*b"GIF8"))
        );
        assert_eq!(
            Frames::new(&[0xd4, 0xc3]).unwrap_err(),
            CaptureError::Truncated { offset: 0 }
        );
        assert_eq!(
            Frames::new(&PCAP_US.to_le_bytes()).unwrap_err(),
            CaptureError::Truncated { offset: 0 }
        );
    }

    #[test]
    fn test_options_stop_at_end_and_on_garbage() {
        let b = [9, 0, 1, 0, 9, 0, 0, 0, 0, 0, 0, 0];
        assert_eq!(options(&b, false), vec![(9, &[9u8][..])]);
        let bad = [9, 0, 200, 0, 1];
        assert!(options(&bad, false).is_empty());
    }
}
