//! What each side has confirmed, derived from what arrived — not scripted.
//!
//! This is the clearest argument for three segments: after the SYN, the server
//! knows only that the client can send and it can receive; after the SYN-ACK the
//! client knows everything; only the third segment tells the server that its own
//! SYN got through.

use crate::cause::Cause;
use crate::seq;
use crate::state::{Side, State};
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
    /// The peer's SYN reached me, so I know its ISN (the `y` of the figures,
    /// seen from the client). Same evidence as `i_can_receive`.
    pub peer_isn_known: bool,
    /// An ACK of my SYN reached me: the peer has my ISN (ack = my ISN + 1).
    /// Same evidence as `i_can_send`.
    pub my_isn_acked: bool,
    /// An ACK covering my FIN reached me (ack = my FIN's sequence number + 1):
    /// the peer knows I will send no more.
    pub my_fin_acked: bool,
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
        // Just past my first FIN: an ACK at or beyond this covers it.
        let mut my_fin_end: Option<u32> = None;
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
                    my_fin_end.get_or_insert(s.segment.end_seq());
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
            if arrival.receiver_state == State::Closed {
                // No listener and no connection: the segment is answered with a
                // RST and nothing about it is kept (connection_refused).
                continue;
            }
            let f = seg.segment.flags;
            if f.syn() {
                k.i_can_receive = true;
                k.peer_can_send = true;
                k.peer_isn_known = true;
            }
            if f.ack() && my_isn.is_some_and(|isn| seq::gt(seg.segment.ack, isn)) {
                k.i_can_send = true;
                k.peer_can_receive = true;
                k.my_isn_acked = true;
            }
            if f.ack() && my_fin_end.is_some_and(|end| seq::ge(seg.segment.ack, end)) {
                k.my_fin_acked = true;
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

    #[test]
    fn test_the_isns_are_known_and_acknowledged_when_the_segments_arrive() {
        let t = run(&named::normal()); // SYN lands at 10 ms, SYN-ACK at 20, ACK at 30
        let at = |side, ms| t.knowledge_at(side, crate::time::Instant::from_ms(ms));
        let c = at(Side::Client, 9.0);
        assert!(!c.peer_isn_known && !c.my_isn_acked);
        let s = at(Side::Server, 10.0);
        assert!(s.peer_isn_known, "the SYN carries the client's ISN");
        assert!(
            !s.my_isn_acked,
            "the server has not even sent its SYN-ACK's answer yet"
        );
        let c = at(Side::Client, 19.0);
        assert!(
            !c.peer_isn_known && !c.my_isn_acked,
            "the SYN-ACK is still on its way"
        );
        let c = at(Side::Client, 20.0);
        assert!(
            c.peer_isn_known && c.my_isn_acked,
            "the SYN-ACK: y, and ack = x+1"
        );
        assert!(!at(Side::Server, 29.0).my_isn_acked);
        assert!(
            at(Side::Server, 30.0).my_isn_acked,
            "the third segment acknowledges y"
        );
    }

    #[test]
    fn test_a_lost_syn_ack_leaves_the_client_without_the_servers_isn() {
        let t = run(&named::synack_lost());
        let first_syn_ack = t
            .segments
            .iter()
            .find(|s| s.dir == crate::Dir::S2C && s.segment.flags.syn())
            .unwrap();
        assert!(first_syn_ack.lost());
        let at_retry = t
            .segments
            .iter()
            .filter(|s| s.dir == crate::Dir::S2C && s.segment.flags.syn())
            .nth(1)
            .unwrap();
        let c = t.knowledge_at(Side::Client, at_retry.sent);
        assert!(!c.peer_isn_known && !c.my_isn_acked);
        let s = t.knowledge_at(Side::Server, at_retry.sent);
        assert!(s.peer_isn_known && !s.my_isn_acked);
        let c = t.knowledge_at(Side::Client, at_retry.arrive.unwrap());
        assert!(c.peer_isn_known && c.my_isn_acked);
    }

    #[test]
    fn test_my_fin_is_acknowledged_when_an_ack_covering_it_arrives() {
        for sc in [
            named::normal(),
            named::with_profile(named::normal(), crate::ProfileName::Rfc),
        ] {
            let t = run(&sc);
            let fin = |dir| {
                t.segments
                    .iter()
                    .find(|s| s.dir == dir && s.segment.flags.fin())
                    .unwrap()
            };
            let (cfin, sfin) = (fin(crate::Dir::C2S), fin(crate::Dir::S2C));
            // The server's first segment acknowledging the client's FIN.
            let ack = t
                .segments
                .iter()
                .find(|s| {
                    s.dir == crate::Dir::S2C
                        && s.segment.flags.ack()
                        && s.segment.ack == cfin.segment.end_seq()
                })
                .unwrap();
            let landed = ack.arrive.unwrap();
            let before = t.knowledge_at(Side::Client, crate::time::Instant(landed.0 - 1));
            assert!(before.i_will_send_no_more && !before.my_fin_acked);
            assert!(t.knowledge_at(Side::Client, landed).my_fin_acked);
            // The server's FIN is acknowledged only by the client's last ACK.
            let s = t.knowledge_at(Side::Server, sfin.sent);
            assert!(s.i_will_send_no_more && !s.my_fin_acked);
            let last = t.segments.last().unwrap();
            assert!(
                t.knowledge_at(Side::Server, last.arrive.unwrap())
                    .my_fin_acked
            );
        }
    }

    #[test]
    fn test_a_lost_fin_is_not_acknowledged_until_its_retransmission_is() {
        let t = run(&named::fin_lost());
        let retx = t
            .segments
            .iter()
            .find(|s| s.dir == crate::Dir::C2S && s.segment.flags.fin() && s.retransmission)
            .unwrap();
        let c = t.knowledge_at(Side::Client, retx.sent);
        assert!(c.i_will_send_no_more && !c.my_fin_acked);
        assert!(t.knowledge_at(Side::Client, t.end).my_fin_acked);
    }

    #[test]
    fn test_a_server_without_listener_learns_nothing_from_the_syn() {
        let t = run(&named::connection_refused());
        let s = t.knowledge_at(Side::Server, t.end);
        assert_eq!(
            s,
            super::Knowledge::default(),
            "it can neither receive nor know an ISN"
        );
        let c = t.knowledge_at(Side::Client, t.end);
        assert_eq!(c, super::Knowledge::default(), "a RST confirms nothing");
    }
}
