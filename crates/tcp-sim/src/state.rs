//! The eleven connection states of RFC 9293 §3.3.2 and the edges of its diagram.

use std::fmt;

/// Which of one side's sockets a transition belongs to, as Linux's `inet_sock_set_state`
/// tracepoint tells them apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Socket {
    /// The listening socket: CLOSED → LISTEN and back. Under RFC 9293's one-TCB model the
    /// listener is the connection itself, and every transition is [`Socket::Connection`].
    Listener,
    /// The connection: the request socket that a SYN creates, and the socket it becomes.
    Connection,
}

impl Socket {
    /// `listener` or `connection`, as in the reference traces' `sock` field.
    pub fn name(self) -> &'static str {
        match self {
            Socket::Listener => "listener",
            Socket::Connection => "connection",
        }
    }
}

/// A connection state. `Display` prints the RFC's name, e.g. `SYN-SENT`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum State {
    /// No connection: the endpoint's initial state and where every connection ends
    /// (RFC 9293 §3.3.2).
    Closed,
    /// A passive OPEN waits for a SYN from any peer (RFC 9293 §3.3.2).
    Listen,
    /// An active OPEN sent its SYN and waits for the SYN-ACK (RFC 9293 §3.3.2).
    SynSent,
    /// A SYN was both received and sent; waits for the ACK of its own SYN (RFC 9293 §3.3.2).
    SynReceived,
    /// The handshake is complete and data flows both ways (RFC 9293 §3.3.2).
    Established,
    /// The application closed and our FIN is on its way; waits for its ACK or for the peer's FIN
    /// (RFC 9293 §3.3.2).
    FinWait1,
    /// Our FIN is acknowledged; waits for the peer's FIN, while still receiving data
    /// (RFC 9293 §3.3.2).
    FinWait2,
    /// The peer's FIN arrived; waits for the local application to close, and may still send
    /// (RFC 9293 §3.3.2).
    CloseWait,
    /// Our FIN and the peer's crossed (simultaneous close); waits for the ACK of ours
    /// (RFC 9293 §3.3.2, §3.6).
    Closing,
    /// The peer closed first and our FIN is sent; waits for its ACK (RFC 9293 §3.3.2).
    LastAck,
    /// Both FINs are acknowledged; waits out the profile's period so a lost final ACK can be resent
    /// and old duplicates die out (RFC 9293 §3.3.2).
    TimeWait,
}

impl State {
    /// All eleven states, in the order of RFC 9293 §3.3.2.
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
    /// The side that performs the active OPEN (`connect`).
    Client,
    /// The side that performs the passive OPEN (`listen`).
    Server,
}

impl Side {
    /// Both sides, client first.
    pub const BOTH: [Side; 2] = [Side::Client, Side::Server];

    /// The other side.
    pub fn peer(self) -> Side {
        match self {
            Side::Client => Side::Server,
            Side::Server => Side::Client,
        }
    }

    /// `0` for the client, `1` for the server: an index into per-side arrays.
    pub fn index(self) -> usize {
        self as usize
    }

    /// The lowercase name used in scenario files and output: `client` or `server`.
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
    /// From the client to the server.
    C2S,
    /// From the server to the client.
    S2C,
}

impl Dir {
    /// The name used in scenario files and output: `c2s` or `s2c`.
    pub fn name(self) -> &'static str {
        match self {
            Dir::C2S => "c2s",
            Dir::S2C => "s2c",
        }
    }

    /// Parses a scenario file's `c2s` or `s2c`.
    pub fn parse(s: &str) -> Option<Dir> {
        match s {
            "c2s" => Some(Dir::C2S),
            "s2c" => Some(Dir::S2C),
            _ => None,
        }
    }

    /// The side that sends segments in this direction.
    pub fn sender(self) -> Side {
        match self {
            Dir::C2S => Side::Client,
            Dir::S2C => Side::Server,
        }
    }

    /// The side that receives segments in this direction.
    pub fn receiver(self) -> Side {
        self.sender().peer()
    }

    /// `0` for client-to-server, `1` for server-to-client: an index into per-direction arrays.
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
