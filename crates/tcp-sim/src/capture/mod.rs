//! Reading real captures: pcap and pcapng files, their TCP segments, and the
//! connections in them (like Wireshark's Conversations). Sans-IO: everything reads
//! from a byte slice. [`crate::observe`] turns one connection into a [`crate::Trace`].
//!
//! ```
//! use tcp_sim::{capture::Capture, named, run, to_pcap, PcapOptions};
//!
//! let bytes = to_pcap(&run(&named::normal()), &PcapOptions::default());
//! let cap = Capture::read(&bytes).unwrap();
//! assert_eq!(cap.packets.len(), 10);
//! let conns = cap.connections();
//! assert_eq!(conns.len(), 1);
//! assert_eq!(conns[0].end, tcp_sim::capture::Ending::Fin);
//! ```

mod file;
mod packet;

use std::fmt;
use std::net::IpAddr;

pub use file::{CaptureError, Format, Frame, Frames, FramesState, MAX_BLOCK, MAX_RECORD};
pub use packet::{
    decode, Skip, TcpOptions, TcpPacket, LINKTYPE_ETHERNET, LINKTYPE_IPV4, LINKTYPE_IPV6,
    LINKTYPE_LINUX_SLL, LINKTYPE_LINUX_SLL2, LINKTYPE_LOOP, LINKTYPE_NULL, LINKTYPE_RAW,
};

/// A frame that gave no TCP segment, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SkipNote {
    /// The frame's index in the file.
    pub frame: usize,
    /// Why it was skipped.
    pub why: Skip,
}

/// The TCP segments of a capture, with what was skipped.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Capture {
    /// Every TCP segment, in file order.
    pub packets: Vec<TcpPacket>,
    /// Every frame that gave no TCP segment.
    pub skipped: Vec<SkipNote>,
    /// Frames read in all.
    pub frames: usize,
    /// Frames whose capture kept fewer bytes than were on the wire.
    pub snaplen_cut: usize,
    /// Reading stopped early because of this (the packets before it are kept).
    pub error: Option<CaptureError>,
    /// The container format, once the header was read.
    pub format: Option<Format>,
}

impl Capture {
    /// Reads a whole capture. Fails only when the file header is unusable; a problem
    /// later on ends the reading and is kept in [`Capture::error`].
    pub fn read(bytes: &[u8]) -> Result<Capture, CaptureError> {
        Capture::read_with_progress(bytes, |_, _| {})
    }

    /// Like [`Capture::read`], calling `progress(bytes_done, bytes_total)` after each frame.
    pub fn read_with_progress(
        bytes: &[u8],
        mut progress: impl FnMut(usize, usize),
    ) -> Result<Capture, CaptureError> {
        let mut reader = CaptureReader::new(bytes)?;
        while reader.advance(bytes, 1) {
            progress(reader.offset(), bytes.len());
        }
        Ok(reader.finish().0)
    }

    /// The TCP connections, in order of their first segment: grouped by 4-tuple, and a SYN
    /// with a new sequence number on a 4-tuple already seen starts a new connection (port
    /// reuse).
    pub fn connections(&self) -> Vec<Connection> {
        let mut listing = Listing::default();
        for (i, p) in self.packets.iter().enumerate() {
            listing.add(i, p);
        }
        listing.conns
    }
}

/// Reads a capture a batch of frames at a time, listing its connections as it goes: the same
/// result as [`Capture::read`] and [`Capture::connections`], for a caller that must give the
/// thread back between batches (a browser tab decoding a large file).
///
/// ```
/// use tcp_sim::{capture::{Capture, CaptureReader}, named, run, to_pcap, PcapOptions};
///
/// let bytes = to_pcap(&run(&named::normal()), &PcapOptions::default());
/// let mut reader = CaptureReader::new(&bytes).unwrap();
/// while reader.advance(&bytes, 3) {}
/// let (cap, conns) = reader.finish();
/// assert_eq!(cap, Capture::read(&bytes).unwrap());
/// assert_eq!(conns, cap.connections());
/// ```
#[derive(Clone, Debug)]
pub struct CaptureReader {
    frames: Option<FramesState>,
    offset: usize,
    capture: Capture,
    listing: Listing,
    last_ts: u64,
}

impl CaptureReader {
    /// Reads the file header. Fails on an unknown magic number or a file too short for it.
    pub fn new(bytes: &[u8]) -> Result<CaptureReader, CaptureError> {
        let frames = Frames::new(bytes)?;
        Ok(CaptureReader {
            capture: Capture {
                format: Some(frames.format()),
                ..Capture::default()
            },
            offset: frames.offset(),
            frames: Some(frames.pause()),
            listing: Listing::default(),
            last_ts: 0,
        })
    }

    /// Reads up to `max_frames` more frames of `bytes` (the bytes given to [`CaptureReader::new`]).
    /// True while frames may remain.
    pub fn advance(&mut self, bytes: &[u8], max_frames: usize) -> bool {
        let Some(state) = self.frames.take() else {
            return false;
        };
        let mut frames = Frames::resume(bytes, state);
        for _ in 0..max_frames {
            let Some(item) = frames.next() else {
                self.offset = frames.offset();
                return false;
            };
            match item {
                Ok(f) => self.frame(f),
                Err(e) => self.capture.error = Some(e),
            }
        }
        self.offset = frames.offset();
        self.frames = Some(frames.pause());
        true
    }

    fn frame(&mut self, f: Frame<'_>) {
        let cap = &mut self.capture;
        cap.frames += 1;
        if (f.data.len() as u64) < u64::from(f.orig_len) {
            cap.snaplen_cut += 1;
        }
        let ts = f.ts_ns.unwrap_or(self.last_ts);
        self.last_ts = ts;
        match decode(f.link_type, f.data, f.index, ts) {
            Ok(p) => {
                self.listing.add(cap.packets.len(), &p);
                cap.packets.push(p);
            }
            Err(why) => cap.skipped.push(SkipNote {
                frame: f.index,
                why,
            }),
        }
    }

    /// Bytes of the file read so far.
    pub fn offset(&self) -> usize {
        self.offset
    }

    /// What was read, and its connections (see [`Capture::connections`]).
    pub fn finish(self) -> (Capture, Vec<Connection>) {
        (self.capture, self.listing.conns)
    }
}

/// The connections of the segments added so far (see [`Capture::connections`]).
#[derive(Clone, Debug, Default)]
struct Listing {
    conns: Vec<Connection>,
    /// The latest connection of each 4-tuple.
    latest: std::collections::HashMap<(Endpoint, Endpoint), usize>,
}

impl Listing {
    /// Adds segment `i` of the capture.
    fn add(&mut self, i: usize, p: &TcpPacket) {
        let conns = &mut self.conns;
        let latest = &mut self.latest;
        let a = Endpoint {
            addr: p.src,
            port: p.src_port,
        };
        let b = Endpoint {
            addr: p.dst,
            port: p.dst_port,
        };
        let key = if a <= b { (a, b) } else { (b, a) };
        let pure_syn = p.syn() && !p.ack_flag();
        let reuse = latest.get(&key).is_some_and(|&c| {
            let c = &conns[c];
            // A new ISN from the client, or any SYN after the connection ended; a SYN from
            // the server's side is a simultaneous open.
            pure_syn && a == c.client && c.client_isn.is_some_and(|isn| isn != p.seq)
                || pure_syn && matches!(c.end, Ending::Fin | Ending::Rst)
        });
        let idx = match latest.get(&key) {
            Some(&c) if !reuse => c,
            _ => {
                // Who is the client: the sender of a SYN, else the receiver of a SYN-ACK,
                // else the side with the higher port (servers usually have the lower one).
                let (client, server, guessed) = if p.syn() {
                    if p.ack_flag() {
                        (b, a, false)
                    } else {
                        (a, b, false)
                    }
                } else if a.port >= b.port {
                    (a, b, true)
                } else {
                    (b, a, true)
                };
                conns.push(Connection {
                    index: conns.len(),
                    client,
                    server,
                    roles_guessed: guessed,
                    packets: Vec::new(),
                    segments: [0; 2],
                    bytes: [0; 2],
                    first_ns: p.ts_ns,
                    last_ns: p.ts_ns,
                    end: Ending::Open,
                    client_isn: None,
                    fins: [false; 2],
                });
                latest.insert(key, conns.len() - 1);
                conns.len() - 1
            }
        };
        let c = &mut conns[idx];
        let from_client = a == c.client;
        let d = usize::from(!from_client);
        c.packets.push(i);
        c.segments[d] += 1;
        c.bytes[d] += u64::from(p.len);
        c.first_ns = c.first_ns.min(p.ts_ns);
        c.last_ns = c.last_ns.max(p.ts_ns);
        if pure_syn && from_client {
            c.client_isn = Some(p.seq);
        }
        if p.fin() {
            c.fins[d] = true;
        }
        c.end = if p.rst() || c.end == Ending::Rst {
            Ending::Rst
        } else if c.fins[0] && c.fins[1] {
            Ending::Fin
        } else if c.fins[0] || c.fins[1] {
            Ending::HalfClosed
        } else {
            Ending::Open
        };
    }
}

/// One end of a connection.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Endpoint {
    /// IP address.
    pub addr: IpAddr,
    /// TCP port.
    pub port: u16,
}

impl fmt::Display for Endpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.addr {
            IpAddr::V4(a) => write!(f, "{a}:{}", self.port),
            IpAddr::V6(a) => write!(f, "[{a}]:{}", self.port),
        }
    }
}

/// How a connection ended, as far as the capture shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Ending {
    /// Both sides sent a FIN.
    Fin,
    /// One side sent a FIN; the other had not when the capture ended.
    HalfClosed,
    /// A RST was seen.
    Rst,
    /// No FIN or RST: still open when the capture ended, or timed out silently.
    Open,
}

impl Ending {
    /// `fin`, `half_closed`, `rst` or `open`.
    pub fn key(self) -> &'static str {
        match self {
            Ending::Fin => "fin",
            Ending::HalfClosed => "half_closed",
            Ending::Rst => "rst",
            Ending::Open => "open",
        }
    }
}

/// One TCP connection in a capture, like a row of Wireshark's Conversations.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Connection {
    /// 0-based, in order of first segment (like Wireshark's `tcp.stream`).
    pub index: usize,
    /// The active opener.
    pub client: Endpoint,
    /// The passive opener.
    pub server: Endpoint,
    /// No SYN was seen: client and server were guessed from the ports.
    pub roles_guessed: bool,
    /// Indexes into [`Capture::packets`], in capture order.
    pub packets: Vec<usize>,
    /// Segments client → server and server → client.
    pub segments: [usize; 2],
    /// Payload bytes client → server and server → client.
    pub bytes: [u64; 2],
    /// Time of the first segment, ns since the epoch.
    pub first_ns: u64,
    /// Time of the last segment, ns since the epoch.
    pub last_ns: u64,
    /// How it ended.
    pub end: Ending,
    /// The client's ISN, from its SYN.
    pub client_isn: Option<u32>,
    /// A FIN was seen from the client, from the server.
    pub fins: [bool; 2],
}

impl Connection {
    /// From first to last segment, in milliseconds.
    pub fn duration_ms(&self) -> f64 {
        (self.last_ns - self.first_ns) as f64 / 1e6
    }

    /// One line for a listing: index, endpoints, segments, bytes, duration, ending.
    pub fn summary(&self) -> String {
        format!(
            "{:>3}  {} -> {}  {} segments ({} / {}), {} bytes ({} / {}), {:.3} ms, {}{}",
            self.index,
            self.client,
            self.server,
            self.segments[0] + self.segments[1],
            self.segments[0],
            self.segments[1],
            self.bytes[0] + self.bytes[1],
            self.bytes[0],
            self.bytes[1],
            self.duration_ms(),
            self.end.key(),
            if self.roles_guessed {
                " (no SYN seen: roles guessed from the ports)"
            } else {
                ""
            }
        )
    }

    /// As JSON, for `tcp-sim replay FILE --json`.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "index": self.index,
            "client": self.client.to_string(),
            "server": self.server.to_string(),
            "roles_guessed": self.roles_guessed,
            "segments": self.segments[0] + self.segments[1],
            "segments_c2s": self.segments[0],
            "segments_s2c": self.segments[1],
            "bytes_c2s": self.bytes[0],
            "bytes_s2c": self.bytes[1],
            "duration_ms": self.duration_ms(),
            "end": self.end.key(),
        })
    }
}
