//! The eleven connection states of RFC 9293 §3.3.2 and the edges of its diagram.

use std::fmt;

/// A connection state. `Display` prints the RFC's name, e.g. `SYN-SENT`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum State {
    Closed,
    Listen,
    SynSent,
    SynReceived,
    Established,
    FinWait1,
    FinWait2,
    CloseWait,
    Closing,
    LastAck,
    TimeWait,
}

impl State {
    pub const ALL: [State; 11] = [
        State::Closed,
        State::Listen,
        State::SynSent,
        State::SynReceived,
        State::Established,
        State::FinWait1,
        State::FinWait2,
        State::CloseWait,
        State::Closing,
        State::LastAck,
        State::TimeWait,
    ];

    /// The RFC 9293 name, as printed in the state diagram.
    pub fn rfc_name(self) -> &'static str {
        match self {
            State::Closed => "CLOSED",
            State::Listen => "LISTEN",
            State::SynSent => "SYN-SENT",
            State::SynReceived => "SYN-RECEIVED",
            State::Established => "ESTABLISHED",
            State::FinWait1 => "FIN-WAIT-1",
            State::FinWait2 => "FIN-WAIT-2",
            State::CloseWait => "CLOSE-WAIT",
            State::Closing => "CLOSING",
            State::LastAck => "LAST-ACK",
            State::TimeWait => "TIME-WAIT",
        }
    }

    /// Parses an RFC name, also accepting Linux's spelling (`SYN_RECV`, `FIN_WAIT1`).
    pub fn from_name(name: &str) -> Option<State> {
        let norm: String = name
            .trim()
            .to_ascii_uppercase()
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect();
        Some(match norm.as_str() {
            "CLOSED" | "CLOSE" => State::Closed,
            "LISTEN" => State::Listen,
            "SYNSENT" => State::SynSent,
            "SYNRECEIVED" | "SYNRECV" | "SYNRCVD" => State::SynReceived,
            "ESTABLISHED" => State::Established,
            "FINWAIT1" => State::FinWait1,
            "FINWAIT2" => State::FinWait2,
            "CLOSEWAIT" => State::CloseWait,
            "CLOSING" => State::Closing,
            "LASTACK" => State::LastAck,
            "TIMEWAIT" => State::TimeWait,
            _ => return None,
        })
    }

    /// Both directions are open: SYNs exchanged and acknowledged (RFC 9293 §3.3.2).
    pub fn is_synchronized(self) -> bool {
        !matches!(
            self,
            State::Closed | State::Listen | State::SynSent | State::SynReceived
        )
    }

    /// The edges drawn in the RFC 9293 state diagram (Figure 5), as `(from, to)`.
    ///
    /// The diagram leaves out error paths ("it is not a complete
    /// specification"); those are allowed by [`crate::is_rfc_transition`] through
    /// their cause instead.
    pub const DIAGRAM_EDGES: [(State, State); 20] = [
        (State::Closed, State::Listen),           // passive OPEN
        (State::Closed, State::SynSent),          // active OPEN, snd SYN
        (State::Listen, State::SynReceived),      // rcv SYN, snd SYN,ACK
        (State::Listen, State::SynSent),          // SEND, snd SYN
        (State::Listen, State::Closed),           // CLOSE
        (State::SynSent, State::SynReceived),     // rcv SYN, snd ACK (simultaneous open)
        (State::SynSent, State::Established),     // rcv SYN,ACK, snd ACK
        (State::SynSent, State::Closed),          // CLOSE
        (State::SynReceived, State::Listen),      // rcv RST (passive open)
        (State::SynReceived, State::Established), // rcv ACK of SYN
        (State::SynReceived, State::FinWait1),    // CLOSE, snd FIN
        (State::Established, State::FinWait1),    // CLOSE, snd FIN
        (State::Established, State::CloseWait),   // rcv FIN, snd ACK
        (State::FinWait1, State::FinWait2),       // rcv ACK of FIN
        (State::FinWait1, State::Closing),        // rcv FIN, snd ACK
        (State::FinWait2, State::TimeWait),       // rcv FIN, snd ACK
        (State::Closing, State::TimeWait),        // rcv ACK of FIN
        (State::CloseWait, State::LastAck),       // CLOSE, snd FIN
        (State::LastAck, State::Closed),          // rcv ACK of FIN
        (State::TimeWait, State::Closed),         // timeout = 2MSL
    ];
}

impl fmt::Display for State {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.rfc_name())
    }
}

/// One of the two endpoints.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Side {
    Client,
    Server,
}

impl Side {
    pub const BOTH: [Side; 2] = [Side::Client, Side::Server];

    pub fn peer(self) -> Side {
        match self {
            Side::Client => Side::Server,
            Side::Server => Side::Client,
        }
    }

    pub fn index(self) -> usize {
        self as usize
    }

    pub fn name(self) -> &'static str {
        match self {
            Side::Client => "client",
            Side::Server => "server",
        }
    }

    /// The direction of the segments this side sends.
    pub fn dir(self) -> Dir {
        match self {
            Side::Client => Dir::C2S,
            Side::Server => Dir::S2C,
        }
    }
}

impl fmt::Display for Side {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The direction a segment travels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Dir {
    C2S,
    S2C,
}

impl Dir {
    pub fn name(self) -> &'static str {
        match self {
            Dir::C2S => "c2s",
            Dir::S2C => "s2c",
        }
    }

    pub fn parse(s: &str) -> Option<Dir> {
        match s {
            "c2s" => Some(Dir::C2S),
            "s2c" => Some(Dir::S2C),
            _ => None,
        }
    }

    pub fn sender(self) -> Side {
        match self {
            Dir::C2S => Side::Client,
            Dir::S2C => Side::Server,
        }
    }

    pub fn receiver(self) -> Side {
        self.sender().peer()
    }

    pub fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for Dir {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_display_prints_rfc_names() {
        assert_eq!(State::SynSent.to_string(), "SYN-SENT");
        assert_eq!(State::FinWait1.to_string(), "FIN-WAIT-1");
        assert_eq!(State::TimeWait.to_string(), "TIME-WAIT");
        for s in State::ALL {
            assert_eq!(State::from_name(s.rfc_name()), Some(s));
        }
    }

    #[test]
    fn test_from_name_accepts_linux_spelling() {
        assert_eq!(State::from_name("SYN_RECV"), Some(State::SynReceived));
        assert_eq!(State::from_name("FIN_WAIT1"), Some(State::FinWait1));
        assert_eq!(State::from_name("TIME_WAIT"), Some(State::TimeWait));
        assert_eq!(State::from_name("nonsense"), None);
    }
}
