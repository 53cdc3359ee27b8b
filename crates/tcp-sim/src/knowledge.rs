//! What each side has confirmed, derived from what arrived — not scripted.
//!
//! This is the clearest argument for three segments: after the SYN, the server
//! knows only that the client can send and it can receive; after the SYN-ACK the
//! client knows everything; only the third segment tells the server that its own
//! SYN got through.

use crate::cause::Cause;
use crate::seq;
use crate::state::Side;
use crate::time::Instant;
use crate::trace::Trace;

/// What one endpoint knows at some moment.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Knowledge {
    /// My SYN was acknowledged: what I send reaches the peer.
    pub i_can_send: bool,
    /// The peer's SYN reached me: I can hear the peer.
    pub i_can_receive: bool,
    /// Same evidence as `i_can_receive`, seen from the peer's side.
    pub peer_can_send: bool,
    /// Same evidence as `i_can_send`: the peer heard me.
    pub peer_can_receive: bool,
    /// I sent my FIN.
    pub i_will_send_no_more: bool,
    /// The peer's FIN reached me.
    pub peer_will_send_no_more: bool,
}

/// The causes that end a half-open connection a listener made: back to LISTEN in RFC 9293,
/// the request socket dropped on Linux.
fn drops_half_open(cause: Cause) -> bool {
    matches!(
        cause,
        Cause::RecvRstBackToListen | Cause::SynAckRetriesExhausted
    )
}

impl Trace {
    /// What `side` has confirmed after everything that happened at or before `t`.
    pub fn knowledge_at(&self, side: Side, t: Instant) -> Knowledge {
        let mut k = Knowledge::default();
        let mut my_isn: Option<u32> = None;
        let mut next_transition = self.transitions_of(side).peekable();
        let mut sent = self
            .segments
            .iter()
            .filter(|s| s.dir == side.dir() && !s.injected)
            .peekable();
        for arrival in self.arrivals.iter().take_while(|a| a.t <= t) {
            // Apply our own sends and state changes that happened up to this arrival.
            while let Some(s) = sent.next_if(|s| s.sent <= arrival.t) {
                if s.segment.flags.syn() {
                    my_isn = Some(s.segment.seq);
                }
                if s.segment.flags.fin() {
                    k.i_will_send_no_more = true;
                }
            }
            while let Some(tr) = next_transition.next_if(|tr| tr.t < arrival.t) {
                if drops_half_open(tr.cause) {
                    // A half-open connection was dropped: what it knew is gone.
                    k = Knowledge::default();
                }
            }
            let seg = &self.segments[arrival.segment];
            if seg.dir.receiver() != side || seg.segment.flags.rst() {
                continue;
            }
            let f = seg.segment.flags;
            if f.syn() {
                k.i_can_receive = true;
                k.peer_can_send = true;
            }
            if f.ack() && my_isn.is_some_and(|isn| seq::gt(seg.segment.ack, isn)) {
                k.i_can_send = true;
                k.peer_can_receive = true;
            }
            if f.fin() {
                k.peer_will_send_no_more = true;
            }
        }
        for s in sent.take_while(|s| s.sent <= t) {
            if s.segment.flags.fin() {
                k.i_will_send_no_more = true;
            }
        }
        for tr in next_transition.take_while(|tr| tr.t <= t) {
            if drops_half_open(tr.cause) {
                k = Knowledge::default();
            }
        }
        k
    }
}

#[cfg(test)]
mod tests {
    use crate::named;
    use crate::sim::run;
    use crate::state::Side;

    #[test]
    fn test_knowledge_after_each_handshake_segment() {
        let t = run(&named::normal()); // 10 ms each way: SYN lands at 10, SYN-ACK at 20, ACK at 30
        let at = |side, ms| t.knowledge_at(side, crate::time::Instant::from_ms(ms));

        let s = at(Side::Server, 10.0);
        assert!(s.peer_can_send && s.i_can_receive, "the SYN arrived");
        assert!(
            !s.i_can_send && !s.peer_can_receive,
            "nothing yet says the server is heard"
        );

        let c = at(Side::Client, 20.0);
        assert!(c.i_can_send && c.i_can_receive && c.peer_can_send && c.peer_can_receive);

        let s = at(Side::Server, 29.0);
        assert!(
            !s.i_can_send,
            "before the third segment the server still does not know"
        );
        let s = at(Side::Server, 30.0);
        assert!(
            s.i_can_send && s.peer_can_receive,
            "the third segment tells it"
        );
    }

    #[test]
    fn test_knowledge_during_the_close() {
        let t = run(&named::normal());
        let fin = t
            .segments
            .iter()
            .find(|s| s.dir == crate::Dir::C2S && s.segment.flags.fin())
            .unwrap();
        let c = t.knowledge_at(Side::Client, fin.sent);
        assert!(c.i_will_send_no_more && !c.peer_will_send_no_more);
        let s = t.knowledge_at(Side::Server, fin.arrive.unwrap());
        assert!(s.peer_will_send_no_more && !s.i_will_send_no_more);
    }

    #[test]
    fn test_knowledge_is_forgotten_when_a_stale_half_open_connection_is_reset() {
        let t = run(&named::old_duplicate_syn());
        // The old SYN arrives at 10 ms; the client's RST sends the server back to LISTEN at 30 ms.
        let before = t.knowledge_at(Side::Server, crate::time::Instant::from_ms(20.0));
        assert!(before.peer_can_send);
        let after = t.knowledge_at(Side::Server, crate::time::Instant::from_ms(35.0));
        assert_eq!(after, super::Knowledge::default());
    }
}
