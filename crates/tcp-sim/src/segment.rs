//! TCP segments as the simulator carries them: header fields, options, and a
//! payload length (the bytes themselves are not needed to teach the protocol).

use std::fmt;

/// Control flags. Written in the order F S R P A, as in the reference traces.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Flags(u8);

impl Flags {
    /// FIN: the sender will send no more data; takes one sequence number.
    pub const FIN: Flags = Flags(0x01);
    /// SYN: synchronize sequence numbers at connection start; takes one sequence number.
    pub const SYN: Flags = Flags(0x02);
    /// RST: reset the connection.
    pub const RST: Flags = Flags(0x04);
    /// PSH: push the data to the application; set on the segment carrying the last queued byte.
    pub const PSH: Flags = Flags(0x08);
    /// ACK: the acknowledgment field is significant.
    pub const ACK: Flags = Flags(0x10);
    /// No flags at all.
    pub const NONE: Flags = Flags(0);

    const LETTERS: [(Flags, char); 5] = [
        (Flags::FIN, 'F'),
        (Flags::SYN, 'S'),
        (Flags::RST, 'R'),
        (Flags::PSH, 'P'),
        (Flags::ACK, 'A'),
    ];

    /// The raw bits, as in the TCP header's flag byte.
    pub fn bits(self) -> u8 {
        self.0
    }

    /// All flags in `other` are set.
    pub fn contains(self, other: Flags) -> bool {
        self.0 & other.0 == other.0
    }

    /// FIN is set.
    pub fn fin(self) -> bool {
        self.contains(Flags::FIN)
    }
    /// SYN is set.
    pub fn syn(self) -> bool {
        self.contains(Flags::SYN)
    }
    /// RST is set.
    pub fn rst(self) -> bool {
        self.contains(Flags::RST)
    }
    /// ACK is set.
    pub fn ack(self) -> bool {
        self.contains(Flags::ACK)
    }

    /// These flags with those in `other` cleared.
    pub fn without(self, other: Flags) -> Flags {
        Flags(self.0 & !other.0)
    }

    /// Parses flags written as letters from `FSRPA`, e.g. `SA`, `FA`, `PA`.
    /// The letters must be in that order, each at most once.
    pub fn parse(s: &str) -> Option<Flags> {
        let mut flags = Flags::NONE;
        let mut next = 0;
        for c in s.chars() {
            let pos = Flags::LETTERS[next..].iter().position(|(_, l)| *l == c)?;
            flags = flags | Flags::LETTERS[next + pos].0;
            next += pos + 1;
        }
        Some(flags)
    }
}

impl std::ops::BitOr for Flags {
    type Output = Flags;
    fn bitor(self, rhs: Flags) -> Flags {
        Flags(self.0 | rhs.0)
    }
}

impl fmt::Display for Flags {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (flag, letter) in Flags::LETTERS {
            if self.contains(flag) {
                write!(f, "{letter}")?;
            }
        }
        Ok(())
    }
}

/// Options carried on SYN and SYN-ACK (RFC 9293 §3.2, RFC 7323, RFC 2018).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct SynOptions {
    /// The maximum segment size the sender can receive; without it the peer assumes 536.
    pub mss: Option<u16>,
    /// The window scale shift the sender will apply to its own advertised windows (RFC 7323 §2);
    /// used only if both SYNs carry it.
    pub window_scale: Option<u8>,
    /// The sender can receive SACK blocks (RFC 2018); offered on SYNs, but no SACK blocks are sent.
    pub sack_permitted: bool,
}

/// RFC 7323 timestamps: TSval and TSecr.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Timestamps {
    /// TSval: the sender's clock in milliseconds, plus a random per-endpoint offset.
    pub val: u32,
    /// TSecr: the most recent TSval received from the peer, echoed for RTT measurement and PAWS (0
    /// when ACK is not set).
    pub ecr: u32,
}

/// One segment on the wire.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Segment {
    /// The sequence number of the first octet; on a SYN, the ISN.
    pub seq: u32,
    /// The next sequence number the sender expects; meaningful only with ACK (endpoints send 0
    /// without it).
    pub ack: u32,
    /// Control flags.
    pub flags: Flags,
    /// Payload length in bytes.
    pub len: u32,
    /// The window field as sent (already scaled down on non-SYN segments).
    pub window: u16,
    /// MSS, window scale and SACK-permitted; present only on SYN and SYN-ACK.
    pub syn_options: Option<SynOptions>,
    /// TSval and TSecr (RFC 7323), present when timestamps are in use.
    pub timestamps: Option<Timestamps>,
}

impl Segment {
    /// Sequence space the segment occupies: payload plus one each for SYN and FIN.
    pub fn seg_len(&self) -> u32 {
        self.len + self.flags.syn() as u32 + self.flags.fin() as u32
    }

    /// The sequence number just past this segment: `seq` plus `seg_len`.
    pub fn end_seq(&self) -> u32 {
        self.seq.wrapping_add(self.seg_len())
    }
}

impl fmt::Display for Segment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} seq={}", self.flags, self.seq)?;
        if self.flags.ack() {
            write!(f, " ack={}", self.ack)?;
        }
        write!(f, " len={}", self.len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_flags_round_trip_in_fsrpa_order() {
        for s in ["S", "SA", "A", "PA", "FA", "R", "RA", "FPA"] {
            assert_eq!(Flags::parse(s).unwrap().to_string(), s);
        }
        assert_eq!(Flags::parse("AS"), None, "order matters");
        assert_eq!(Flags::parse("SS"), None);
        assert_eq!(Flags::parse("X"), None);
        assert_eq!(Flags::parse(""), Some(Flags::NONE));
    }
}
