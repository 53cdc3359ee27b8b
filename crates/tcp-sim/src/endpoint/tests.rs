//! Unit tests per transition, named `test_<state>_<event>`. The helpers build a
//! pair of endpoints already in a given state by running the real protocol,
//! with segments handed over directly (no link, no delay unless asked).

use super::*;
use crate::profile::Profile;

fn t(ms: f64) -> Instant {
    Instant::from_ms(ms)
}

fn rfc() -> Profile {
    Profile::rfc()
}

fn linux() -> Profile {
    Profile::linux()
}

fn pair(p: Profile) -> (Endpoint, Endpoint) {
    (
        Endpoint::new(Side::Client, p, 7),
        Endpoint::new(Side::Server, p, 7),
    )
}

fn take(ep: &mut Endpoint) -> Vec<Output> {
    std::iter::from_fn(|| ep.poll_output()).collect()
}

/// Hands every pending output of `from` to `to` at `now`; returns what was sent.
fn pass(from: &mut Endpoint, to: &mut Endpoint, now: Instant) -> Vec<Output> {
    let sent = take(from);
    for o in &sent {
        to.handle_segment(now, o.segment);
    }
    sent
}

fn flags(out: &[Output]) -> Vec<String> {
    out.iter().map(|o| o.segment.flags.to_string()).collect()
}

fn reasons(out: &[Output]) -> Vec<SendReason> {
    out.iter().map(|o| o.reason).collect()
}

fn transitions(ep: &mut Endpoint) -> Vec<(State, State, Cause)> {
    std::iter::from_fn(|| ep.poll_event())
        .filter_map(|e| match e {
            EndpointEvent::Transition {
                from, to, cause, ..
            } => Some((from, to, cause)),
            _ => None,
        })
        .collect()
}

/// A segment from nowhere, for poking an endpoint.
fn seg(seq: u32, ack: u32, f: &str, len: u32) -> Segment {
    Segment {
        seq,
        ack,
        flags: Flags::parse(f).unwrap(),
        len,
        window: 65535,
        syn_options: None,
        timestamps: None,
    }
}

/// Client in SYN-SENT (its SYN not yet delivered), server in LISTEN.
fn syn_sent(p: Profile) -> (Endpoint, Endpoint) {
    let (mut c, mut s) = pair(p);
    s.listen(t(0.0)).unwrap();
    c.connect(t(0.0)).unwrap();
    (c, s)
}

/// Server in SYN-RECEIVED (its SYN-ACK pending in its output queue).
fn syn_received(p: Profile) -> (Endpoint, Endpoint) {
    let (mut c, mut s) = syn_sent(p);
    pass(&mut c, &mut s, t(1.0));
    (c, s)
}

/// Both ESTABLISHED, all queues empty, event queues drained.
fn established(p: Profile) -> (Endpoint, Endpoint) {
    let (mut c, mut s) = syn_received(p);
    pass(&mut s, &mut c, t(2.0));
    pass(&mut c, &mut s, t(3.0));
    assert_eq!(
        (c.state(), s.state()),
        (State::Established, State::Established)
    );
    transitions(&mut c);
    transitions(&mut s);
    (c, s)
}

/// Client in FIN-WAIT-1 with its FIN pending; server ESTABLISHED.
fn fin_wait_1(p: Profile) -> (Endpoint, Endpoint) {
    let (mut c, s) = established(p);
    c.close(t(10.0)).unwrap();
    transitions(&mut c);
    (c, s)
}

/// Client in FIN-WAIT-2, server in CLOSE-WAIT (textbook: ACK of the FIN sent at once).
fn fin_wait_2() -> (Endpoint, Endpoint) {
    let (mut c, mut s) = fin_wait_1(rfc());
    pass(&mut c, &mut s, t(11.0));
    pass(&mut s, &mut c, t(12.0));
    assert_eq!((c.state(), s.state()), (State::FinWait2, State::CloseWait));
    transitions(&mut c);
    transitions(&mut s);
    (c, s)
}

/// Client in TIME-WAIT, server in LAST-ACK with the client's last ACK pending.
fn time_wait() -> (Endpoint, Endpoint) {
    let (mut c, mut s) = fin_wait_2();
    s.close(t(20.0)).unwrap();
    pass(&mut s, &mut c, t(21.0));
    assert_eq!((c.state(), s.state()), (State::TimeWait, State::LastAck));
    transitions(&mut c);
    transitions(&mut s);
    (c, s)
}

// ----- CLOSED ---------------------------------------------------------------

#[test]
fn test_closed_recv_syn_sends_rst_ack() {
    let (_, mut s) = pair(linux());
    s.handle_segment(t(0.0), seg(1000, 0, "S", 0));
    let out = take(&mut s);
    assert_eq!(flags(&out), ["RA"]);
    assert_eq!((out[0].segment.seq, out[0].segment.ack), (0, 1001));
    assert_eq!(out[0].reason, SendReason::RstNoListener);
}

#[test]
fn test_closed_recv_ack_sends_rst_with_its_ack_as_seq() {
    let (_, mut s) = pair(rfc());
    s.handle_segment(t(0.0), seg(5, 777, "A", 0));
    let out = take(&mut s);
    assert_eq!(flags(&out), ["R"]);
    assert_eq!(out[0].segment.seq, 777);
}

#[test]
fn test_closed_recv_rst_is_ignored() {
    let (_, mut s) = pair(rfc());
    s.handle_segment(t(0.0), seg(5, 0, "R", 0));
    assert!(take(&mut s).is_empty());
}

// ----- LISTEN ---------------------------------------------------------------

#[test]
fn test_listen_recv_syn_enters_syn_received_and_sends_syn_ack() {
    let (mut c, mut s) = syn_sent(rfc());
    let syn = pass(&mut c, &mut s, t(1.0));
    assert_eq!(s.state(), State::SynReceived);
    let out = take(&mut s);
    assert_eq!(flags(&out), ["SA"]);
    // The SYN consumed one sequence number: the ACK is ISN+1.
    assert_eq!(out[0].segment.ack, syn[0].segment.seq.wrapping_add(1));
    assert_eq!(s.snd_nxt(), out[0].segment.seq.wrapping_add(1));
}

#[test]
fn test_listen_recv_ack_sends_rst() {
    let (_, mut s) = pair(rfc());
    s.listen(t(0.0)).unwrap();
    s.handle_segment(t(1.0), seg(1, 99, "A", 0));
    assert_eq!(flags(&take(&mut s)), ["R"]);
    assert_eq!(s.state(), State::Listen);
}

#[test]
fn test_listen_recv_rst_is_ignored() {
    let (_, mut s) = pair(rfc());
    s.listen(t(0.0)).unwrap();
    s.handle_segment(t(1.0), seg(1, 0, "R", 0));
    assert!(take(&mut s).is_empty());
    assert_eq!(s.state(), State::Listen);
}

#[test]
fn test_listen_close_enters_closed() {
    let (_, mut s) = pair(rfc());
    s.listen(t(0.0)).unwrap();
    s.close(t(1.0)).unwrap();
    assert_eq!(s.state(), State::Closed);
}

// ----- SYN-SENT -------------------------------------------------------------

#[test]
fn test_syn_sent_recv_syn_ack_enters_established_and_sends_bare_ack() {
    let (mut c, mut s) = syn_received(rfc());
    pass(&mut s, &mut c, t(2.0));
    assert_eq!(c.state(), State::Established);
    let out = take(&mut c);
    // The third segment carries ACK only: no SYN.
    assert_eq!(flags(&out), ["A"]);
    assert_eq!(out[0].reason, SendReason::HandshakeAck);
    assert_eq!(out[0].segment.seq, c.iss().unwrap().wrapping_add(1));
}

#[test]
fn test_syn_sent_recv_syn_enters_syn_received() {
    let (mut a, mut b) = pair(rfc());
    a.connect(t(0.0)).unwrap();
    b.connect(t(0.0)).unwrap();
    pass(&mut a, &mut b, t(1.0));
    assert_eq!(b.state(), State::SynReceived);
    let out = take(&mut b);
    assert_eq!(flags(&out), ["S", "SA"]);
    assert_eq!(out[1].reason, SendReason::SynAckSimultaneous);
}

#[test]
fn test_syn_sent_recv_rst_ack_is_refused() {
    let (mut c, _) = syn_sent(linux());
    let syn = take(&mut c);
    let mut closed = Endpoint::new(Side::Server, linux(), 1);
    closed.handle_segment(t(1.0), syn[0].segment);
    let rst = take(&mut closed);
    c.handle_segment(t(2.0), rst[0].segment);
    assert_eq!(c.state(), State::Closed);
    assert_eq!(c.error(), Some(ConnError::Refused));
}

#[test]
fn test_syn_sent_recv_bad_ack_sends_rst() {
    let (mut c, _) = syn_sent(rfc());
    take(&mut c);
    let bogus = c.iss().unwrap().wrapping_sub(5000);
    c.handle_segment(t(1.0), seg(42, bogus, "SA", 0));
    let out = take(&mut c);
    assert_eq!(flags(&out), ["R"]);
    assert_eq!(out[0].segment.seq, bogus);
    assert_eq!(c.state(), State::SynSent);
}

#[test]
fn test_syn_sent_timeout_retransmits_syn_with_same_isn() {
    let (mut c, _) = syn_sent(rfc());
    let first = take(&mut c);
    assert_eq!(c.poll_timeout(), Some(t(1000.0)));
    c.handle_timeout(t(1000.0));
    let again = take(&mut c);
    assert_eq!(again[0].reason, SendReason::SynRetransmit);
    assert_eq!(again[0].segment.seq, first[0].segment.seq);
    // Textbook backoff: the next wait doubles.
    assert_eq!(c.poll_timeout(), Some(t(3000.0)));
}

#[test]
fn test_syn_sent_linux_retries_are_linear_then_double() {
    let (mut c, _) = syn_sent(linux());
    let mut sends = vec![0.0];
    while let Some(d) = c.poll_timeout() {
        c.handle_timeout(d);
        if take(&mut c)
            .iter()
            .any(|o| o.reason == SendReason::SynRetransmit)
        {
            sends.push(d.as_ms());
        }
    }
    // tcp_syn_retries (6) + tcp_syn_linear_timeouts (4) = 10 retransmissions: five 1 s apart,
    // then 2, 4, 8, 16 and 32 s; connect() fails when the next 64 s timer runs out.
    assert_eq!(
        sends,
        [0.0, 1000.0, 2000.0, 3000.0, 4000.0, 5000.0, 7000.0, 11000.0, 19000.0, 35000.0, 67000.0]
    );
    assert_eq!(c.error(), Some(ConnError::TimedOut));
    assert_eq!(c.state(), State::Closed);
    let (schedule, give_up) = linux().syn_schedule();
    let from_rule: Vec<f64> = schedule.iter().map(|d| d.as_ms()).collect();
    assert_eq!(from_rule, sends[1..]);
    assert_eq!(give_up.as_ms(), 131_000.0);
}

#[test]
fn test_syn_sent_retries_exhausted_times_out() {
    let (mut c, _) = syn_sent(rfc());
    while let Some(d) = c.poll_timeout() {
        c.handle_timeout(d);
    }
    assert_eq!(c.state(), State::Closed);
    assert_eq!(c.error(), Some(ConnError::TimedOut));
    let syns = transitions(&mut c);
    assert_eq!(syns.last().unwrap().2, Cause::RetransmitLimit);
}

#[test]
fn test_syn_sent_close_enters_closed() {
    let (mut c, _) = syn_sent(rfc());
    c.close(t(1.0)).unwrap();
    assert_eq!(c.state(), State::Closed);
    assert_eq!(c.poll_timeout(), None, "no timer survives CLOSED");
}

// ----- SYN-RECEIVED ---------------------------------------------------------

#[test]
fn test_syn_received_recv_ack_enters_established() {
    let (mut c, mut s) = syn_received(rfc());
    pass(&mut s, &mut c, t(2.0));
    pass(&mut c, &mut s, t(3.0));
    assert_eq!(s.state(), State::Established);
    assert_eq!(transitions(&mut s).last().unwrap().2, Cause::RecvAckOfSyn);
}

/// The transitions of one socket, with the socket they were recorded for.
fn socket_transitions(ep: &mut Endpoint) -> Vec<(Socket, State, State, Cause)> {
    std::iter::from_fn(|| ep.poll_event())
        .filter_map(|e| match e {
            EndpointEvent::Transition {
                from,
                to,
                cause,
                socket,
            } => Some((socket, from, to, cause)),
            _ => None,
        })
        .collect()
}

#[test]
fn test_syn_received_recv_rst_returns_to_listen() {
    let (_, mut s) = syn_received(rfc());
    let sa = take(&mut s);
    s.handle_segment(t(2.0), seg(sa[0].segment.ack, 0, "R", 0));
    assert_eq!(s.state(), State::Listen);
    assert_eq!(
        socket_transitions(&mut s).last(),
        Some(&(
            Socket::Connection,
            State::SynReceived,
            State::Listen,
            Cause::RecvRstBackToListen
        ))
    );
}

#[test]
fn test_syn_received_recv_rst_drops_the_request_socket_on_linux() {
    let (_, mut s) = syn_received(linux());
    let sa = take(&mut s);
    // The RST must sit exactly at RCV.NXT to pass RFC 5961's check.
    s.handle_segment(t(2.0), seg(sa[0].segment.ack, 0, "R", 0));
    // The request socket is gone; the listener, which never left LISTEN, takes the next SYN.
    assert_eq!(
        socket_transitions(&mut s),
        [
            (
                Socket::Listener,
                State::Closed,
                State::Listen,
                Cause::AppListen
            ),
            (
                Socket::Connection,
                State::Listen,
                State::SynReceived,
                Cause::RecvSyn
            ),
            (
                Socket::Connection,
                State::SynReceived,
                State::Closed,
                Cause::RecvRstBackToListen
            ),
        ]
    );
    assert_eq!(s.state(), State::Listen);
    let (mut c2, _) = pair(linux());
    c2.connect(t(5.0)).unwrap();
    pass(&mut c2, &mut s, t(6.0));
    assert_eq!(s.state(), State::SynReceived);
    assert_eq!(reasons(&take(&mut s)), [SendReason::SynAck]);
}

#[test]
fn test_syn_received_recv_duplicate_syn_resends_syn_ack() {
    let (mut c, mut s) = syn_sent(linux());
    let syn = take(&mut c);
    s.handle_segment(t(1.0), syn[0].segment);
    take(&mut s);
    s.handle_segment(t(1000.0), syn[0].segment);
    let out = take(&mut s);
    assert_eq!(reasons(&out), [SendReason::SynAckToDuplicateSyn]);
}

#[test]
fn test_syn_received_timeout_resends_syn_ack_with_backoff() {
    let (_, mut s) = syn_received(linux());
    take(&mut s);
    assert_eq!(s.poll_timeout(), Some(t(1001.0)));
    s.handle_timeout(t(1001.0));
    assert_eq!(reasons(&take(&mut s)), [SendReason::SynAckRetransmit]);
    // Linux's SYN-ACK timer doubles from 1 s.
    assert_eq!(s.poll_timeout(), Some(t(3001.0)));
}

#[test]
fn test_syn_received_retries_exhausted_returns_to_listen() {
    let (_, mut s) = syn_received(rfc());
    while let Some(d) = s.poll_timeout() {
        s.handle_timeout(d);
    }
    assert_eq!(s.state(), State::Listen);
    assert_eq!(
        transitions(&mut s).last().unwrap(),
        &(
            State::SynReceived,
            State::Listen,
            Cause::SynAckRetriesExhausted
        )
    );
}

#[test]
fn test_syn_received_linux_request_expires_after_tcp_synack_retries() {
    let (_, mut s) = syn_received(linux());
    take(&mut s);
    let mut resent = Vec::new();
    let mut dropped_at = None;
    while let Some(d) = s.poll_timeout() {
        s.handle_timeout(d);
        if !take(&mut s).is_empty() {
            resent.push(d.as_ms() - 1.0);
        } else if s.state() == State::Listen {
            dropped_at = Some(d.as_ms() - 1.0);
        }
    }
    // reqsk_timer_handler: tcp_synack_retries (5) resends, the timeout doubling from 1 s,
    // and the request is dropped when the timer after the fifth runs out.
    assert_eq!(resent, [1000.0, 3000.0, 7000.0, 15000.0, 31000.0]);
    assert_eq!(dropped_at, Some(63000.0));
    let (schedule, give_up) = linux().synack_schedule();
    let from_rule: Vec<f64> = schedule.iter().map(|d| d.as_ms()).collect();
    assert_eq!(from_rule, resent);
    assert_eq!(give_up.as_ms(), 63000.0);
    let last = *socket_transitions(&mut s).last().unwrap();
    assert_eq!(
        last,
        (
            Socket::Connection,
            State::SynReceived,
            State::Closed,
            Cause::SynAckRetriesExhausted
        )
    );
    assert_eq!(
        s.error(),
        None,
        "nobody called accept(), so nobody hears of it"
    );
}

/// Drops every segment `ep` sends until it gives up; returns when each retransmission left
/// and when it gave up.
fn retransmit_until_given_up(ep: &mut Endpoint) -> (Vec<Instant>, Instant) {
    take(ep);
    let mut sent = Vec::new();
    while let Some(d) = ep.poll_timeout() {
        ep.handle_timeout(d);
        if ep.state() == State::Closed {
            return (sent, d);
        }
        if take(ep).iter().any(|o| o.segment.seg_len() > 0) {
            sent.push(d);
        }
    }
    panic!("never gave up");
}

#[test]
fn test_established_linux_data_gives_up_after_the_tcp_retries2_budget() {
    let (mut c, _) = established(linux());
    c.send(t(10.0), 100).unwrap();
    let (sent, gave_up) = retransmit_until_given_up(&mut c);
    // tcp_retries2 = 15 is a time budget, not a count: tcp_model_timeout(15, 200 ms, 120 s).
    let budget = crate::profile::linux_model_timeout(
        15,
        Duration::from_millis(200),
        Duration::from_secs(120),
    );
    assert_eq!(budget.as_ms(), 924_600.0);
    let elapsed = gave_up - t(10.0);
    let last = *sent.last().unwrap() - t(10.0);
    assert!(elapsed >= budget && last < budget, "{elapsed} {last}");
    assert_eq!(c.error(), Some(ConnError::TimedOut));
}

#[test]
fn test_fin_wait_1_linux_orphan_gives_up_after_tcp_orphan_retries() {
    let (mut c, _) = fin_wait_1(linux());
    let (sent, gave_up) = retransmit_until_given_up(&mut c);
    // close() made the socket an orphan: tcp_orphan_retries = 0 reads as 8 while "alive",
    // so the budget is tcp_model_timeout(8, 200 ms, 120 s) = 102.2 s.
    let budget = Duration::from_millis(102_200);
    assert!(gave_up - t(10.0) >= budget, "{}", gave_up - t(10.0));
    assert!(*sent.last().unwrap() - t(10.0) < budget);
    assert_eq!(sent.len(), 8);
}

#[test]
fn test_established_rfc_data_gives_up_after_a_count() {
    let (mut c, _) = established(rfc());
    c.send(t(10.0), 100).unwrap();
    let (sent, _) = retransmit_until_given_up(&mut c);
    assert_eq!(sent.len() as u32, rfc().retries.data);
}

#[test]
fn test_syn_received_recv_data_with_ack_establishes() {
    // The third ACK was lost; the first data segment carries the same ACK.
    let (mut c, mut s) = syn_received(linux());
    pass(&mut s, &mut c, t(2.0));
    take(&mut c); // the lost ACK
    c.send(t(3.0), 10).unwrap();
    pass(&mut c, &mut s, t(4.0));
    assert_eq!(s.state(), State::Established);
    assert_eq!(s.readable(), 10);
}

// ----- ESTABLISHED ----------------------------------------------------------

#[test]
fn test_established_recv_fin_enters_close_wait_and_acks_at_once_in_rfc() {
    let (mut c, mut s) = fin_wait_1(rfc());
    pass(&mut c, &mut s, t(11.0));
    assert_eq!(s.state(), State::CloseWait);
    assert_eq!(reasons(&take(&mut s)), [SendReason::AckOfFin]);
    assert!(s.eof());
}

#[test]
fn test_established_recv_fin_delays_the_ack_on_linux() {
    let (mut c, mut s) = fin_wait_1(linux());
    pass(&mut c, &mut s, t(11.0));
    assert_eq!(s.state(), State::CloseWait);
    assert!(
        take(&mut s).is_empty(),
        "the ACK waits for the delayed-ACK timer"
    );
    assert_eq!(s.poll_timeout(), Some(t(51.0)));
    // If the application closes in time, the ACK rides on its FIN.
    s.close(t(12.0)).unwrap();
    let out = take(&mut s);
    assert_eq!(flags(&out), ["FA"]);
    assert_eq!(out[0].segment.ack, c.snd_nxt());
}

#[test]
fn test_established_close_sends_fin_enters_fin_wait_1() {
    let (mut c, _) = established(rfc());
    c.close(t(10.0)).unwrap();
    assert_eq!(c.state(), State::FinWait1);
    let out = take(&mut c);
    assert_eq!(flags(&out), ["FA"]);
    // The FIN consumes one sequence number.
    assert_eq!(c.snd_nxt(), out[0].segment.seq.wrapping_add(1));
}

#[test]
fn test_established_recv_syn_sends_challenge_ack() {
    let (mut c, mut s) = established(linux());
    s.handle_segment(t(5.0), seg(s.rcv_nxt(), 0, "S", 0));
    assert_eq!(reasons(&take(&mut s)), [SendReason::ChallengeAck]);
    assert_eq!(s.state(), State::Established);
    let _ = take(&mut c);
}

#[test]
fn test_established_recv_syn_in_window_resets_in_rfc_793() {
    let (_, mut s) = established(rfc());
    s.handle_segment(t(5.0), seg(s.rcv_nxt().wrapping_add(10), 0, "S", 0));
    assert_eq!(reasons(&take(&mut s)), [SendReason::RstSynInWindow]);
    assert_eq!(s.state(), State::Closed);
}

#[test]
fn test_established_recv_old_syn_out_of_window_acks() {
    let (_, mut s) = established(rfc());
    s.handle_segment(t(5.0), seg(s.rcv_nxt().wrapping_sub(100_000), 0, "S", 0));
    assert_eq!(reasons(&take(&mut s)), [SendReason::AckDuplicate]);
    assert_eq!(s.state(), State::Established);
}

#[test]
fn test_established_recv_rst_closes_with_reset() {
    let (_, mut s) = established(linux());
    s.handle_segment(t(5.0), seg(s.rcv_nxt(), 0, "R", 0));
    assert_eq!(s.state(), State::Closed);
    assert_eq!(s.error(), Some(ConnError::Reset));
}

#[test]
fn test_established_recv_inexact_rst_sends_challenge_ack() {
    let (_, mut s) = established(linux());
    s.handle_segment(t(5.0), seg(s.rcv_nxt().wrapping_add(3), 0, "R", 0));
    assert_eq!(reasons(&take(&mut s)), [SendReason::ChallengeAck]);
    assert_eq!(s.state(), State::Established);
}

#[test]
fn test_established_recv_data_quick_acks_at_start_on_linux() {
    let (mut c, mut s) = established(linux());
    c.send(t(5.0), 100).unwrap();
    pass(&mut c, &mut s, t(6.0));
    assert_eq!(reasons(&take(&mut s)), [SendReason::AckNow]);
    assert_eq!(s.readable(), 100);
}

#[test]
fn test_established_reply_within_ato_delays_later_acks() {
    let (mut c, mut s) = established(linux());
    c.send(t(5.0), 100).unwrap();
    pass(&mut c, &mut s, t(6.0));
    take(&mut s);
    s.send(t(7.0), 100).unwrap(); // a quick reply: the exchange is ping-pong now
    pass(&mut s, &mut c, t(8.0));
    take(&mut c);
    c.send(t(9.0), 100).unwrap();
    pass(&mut c, &mut s, t(10.0));
    assert!(take(&mut s).is_empty(), "ACK delayed in ping-pong mode");
    s.handle_timeout(t(50.0));
    assert_eq!(reasons(&take(&mut s)), [SendReason::AckDelayed]);
}

#[test]
fn test_established_data_loss_is_retransmitted_after_rto() {
    let (mut c, mut s) = established(rfc());
    c.send(t(10.0), 100).unwrap();
    take(&mut c); // lost
    let deadline = c.poll_timeout().unwrap();
    c.handle_timeout(deadline);
    let out = take(&mut c);
    assert_eq!(reasons(&out), [SendReason::DataRetransmit]);
    s.handle_segment(deadline, out[0].segment);
    assert_eq!(s.readable(), 100);
}

#[test]
fn test_established_rtt_sample_follows_rfc_6298() {
    let (mut c, mut s) = established(rfc());
    c.send(t(100.0), 10).unwrap();
    pass(&mut c, &mut s, t(150.0));
    pass(&mut s, &mut c, t(200.0));
    // The handshake gave R = 2 ms; this sample R' = 100 ms.
    let srtt = c.srtt().unwrap().as_ms();
    assert!(
        (srtt - (7.0 * 2.0 + 100.0) / 8.0).abs() < 1e-6,
        "srtt {srtt}"
    );
    // The textbook clamps RTO to at least 1 s.
    assert_eq!(c.rto(), Duration::from_secs(1));
}

#[test]
fn test_established_three_duplicate_acks_fast_retransmit() {
    let (mut c, mut s) = established(rfc());
    for i in 0..5 {
        c.send(t(10.0 + i as f64), 1460).unwrap();
    }
    let segs = take(&mut c);
    assert_eq!(segs.len(), 5);
    for o in &segs[1..] {
        s.handle_segment(t(20.0), o.segment);
    }
    let dups = take(&mut s);
    assert_eq!(reasons(&dups), [SendReason::AckDuplicate; 4]);
    for d in &dups {
        c.handle_segment(t(30.0), d.segment);
    }
    assert_eq!(reasons(&take(&mut c)), [SendReason::DataFastRetransmit]);
}

#[test]
fn test_established_close_with_unread_data_resets_on_linux() {
    let (mut c, mut s) = established(linux());
    c.send(t(5.0), 10).unwrap();
    pass(&mut c, &mut s, t(6.0));
    take(&mut s);
    s.close(t(7.0)).unwrap();
    assert_eq!(reasons(&take(&mut s)), [SendReason::RstAbort]);
    assert_eq!(s.state(), State::Closed);
}

#[test]
fn test_established_out_of_order_data_is_held_until_the_hole_fills() {
    let (mut c, mut s) = established(rfc());
    c.send(t(5.0), 1460).unwrap();
    c.send(t(5.0), 1460).unwrap();
    let segs = take(&mut c);
    s.handle_segment(t(6.0), segs[1].segment);
    assert_eq!(s.readable(), 0);
    s.handle_segment(t(7.0), segs[0].segment);
    assert_eq!(s.readable(), 2920);
    assert_eq!(s.delivered_total(), 2920);
}

// ----- FIN-WAIT-1 / FIN-WAIT-2 / CLOSING -------------------------------------

#[test]
fn test_fin_wait_1_recv_ack_enters_fin_wait_2() {
    let (mut c, _) = fin_wait_2();
    assert_eq!(c.state(), State::FinWait2);
    assert!(take(&mut c).is_empty());
}

#[test]
fn test_fin_wait_1_recv_fin_enters_closing() {
    let (mut c, mut s) = established(rfc());
    c.close(t(10.0)).unwrap();
    s.close(t(10.0)).unwrap();
    let c_fin = take(&mut c);
    pass(&mut s, &mut c, t(11.0));
    assert_eq!(c.state(), State::Closing);
    s.handle_segment(t(11.0), c_fin[0].segment);
    assert_eq!(s.state(), State::Closing);
    pass(&mut c, &mut s, t(12.0));
    pass(&mut s, &mut c, t(12.0));
    assert_eq!((c.state(), s.state()), (State::TimeWait, State::TimeWait));
}

#[test]
fn test_fin_wait_1_recv_fin_ack_enters_time_wait_through_fin_wait_2() {
    let (mut c, mut s) = fin_wait_1(linux());
    pass(&mut c, &mut s, t(11.0));
    s.close(t(11.5)).unwrap(); // ACK rides on the FIN: three-segment close
    pass(&mut s, &mut c, t(12.0));
    let tr: Vec<State> = transitions(&mut c).iter().map(|x| x.1).collect();
    assert_eq!(tr, [State::FinWait2, State::TimeWait]);
}

#[test]
fn test_fin_wait_2_recv_data_is_delivered() {
    let (mut c, mut s) = fin_wait_2();
    s.send(t(13.0), 300).unwrap();
    pass(&mut s, &mut c, t(14.0));
    assert_eq!(c.readable(), 300);
    assert_eq!(c.state(), State::FinWait2);
    assert_eq!(reasons(&take(&mut c)), [SendReason::AckNow]);
}

#[test]
fn test_fin_wait_2_recv_fin_enters_time_wait() {
    let (mut c, _) = time_wait();
    assert_eq!(c.state(), State::TimeWait);
    assert_eq!(reasons(&take(&mut c)), [SendReason::AckOfFin]);
}

#[test]
fn test_fin_wait_2_orphan_times_out_on_linux() {
    let (mut c, mut s) = fin_wait_1(linux());
    pass(&mut c, &mut s, t(11.0));
    s.handle_timeout(t(51.0)); // delayed ACK of the FIN
    pass(&mut s, &mut c, t(52.0));
    assert_eq!(c.state(), State::FinWait2);
    let deadline = c.poll_timeout().unwrap();
    assert_eq!(deadline, t(52.0) + Duration::from_secs(60));
    c.handle_timeout(deadline);
    assert_eq!(c.state(), State::Closed);
}

#[test]
fn test_closing_recv_ack_enters_time_wait() {
    let (mut c, mut s) = established(rfc());
    c.close(t(10.0)).unwrap();
    s.close(t(10.0)).unwrap();
    let c_fin = take(&mut c);
    pass(&mut s, &mut c, t(11.0));
    s.handle_segment(t(11.0), c_fin[0].segment);
    transitions(&mut c);
    pass(&mut s, &mut c, t(12.0));
    assert_eq!(
        transitions(&mut c),
        [(State::Closing, State::TimeWait, Cause::RecvFinalAck)]
    );
}

// ----- CLOSE-WAIT / LAST-ACK ---------------------------------------------------

#[test]
fn test_close_wait_send_data_flows() {
    let (mut c, mut s) = fin_wait_2();
    s.send(t(13.0), 50).unwrap();
    s.send(t(14.0), 50).unwrap();
    pass(&mut s, &mut c, t(15.0));
    assert_eq!(s.state(), State::CloseWait);
    assert_eq!(c.delivered_total(), 100);
}

#[test]
fn test_close_wait_close_sends_fin_enters_last_ack() {
    let (_, mut s) = fin_wait_2();
    s.close(t(20.0)).unwrap();
    assert_eq!(s.state(), State::LastAck);
    assert_eq!(reasons(&take(&mut s)), [SendReason::Fin]);
}

#[test]
fn test_last_ack_recv_ack_closes() {
    let (mut c, mut s) = time_wait();
    pass(&mut c, &mut s, t(22.0));
    assert_eq!(s.state(), State::Closed);
    assert_eq!(
        transitions(&mut s),
        [(State::LastAck, State::Closed, Cause::RecvFinalAck)]
    );
    assert_eq!(s.poll_timeout(), None);
}

#[test]
fn test_last_ack_timeout_retransmits_fin() {
    let (mut c, mut s) = time_wait();
    take(&mut c); // the last ACK is lost
    let d = s.poll_timeout().unwrap();
    s.handle_timeout(d);
    assert_eq!(reasons(&take(&mut s)), [SendReason::FinRetransmit]);
}

// ----- TIME-WAIT ------------------------------------------------------------

#[test]
fn test_time_wait_expires_after_2msl_in_rfc() {
    let (mut c, _) = time_wait();
    assert_eq!(c.poll_timeout(), Some(t(21.0) + Duration::from_secs(240)));
    c.handle_timeout(t(21.0) + Duration::from_secs(240));
    assert_eq!(c.state(), State::Closed);
    assert_eq!(
        transitions(&mut c).last().unwrap().2,
        Cause::TimeWaitExpired
    );
}

#[test]
fn test_time_wait_recv_fin_reacks_and_restarts_timer() {
    let (mut c, mut s) = time_wait();
    take(&mut c); // the last ACK is lost
    let d = s.poll_timeout().unwrap();
    s.handle_timeout(d);
    let fin = take(&mut s);
    c.handle_segment(t(2000.0), fin[0].segment);
    assert_eq!(reasons(&take(&mut c)), [SendReason::TimeWaitAck]);
    assert_eq!(c.state(), State::TimeWait);
    assert_eq!(c.poll_timeout(), Some(t(2000.0) + Duration::from_secs(240)));
}

#[test]
fn test_time_wait_recv_rst_closes() {
    let (mut c, _) = time_wait();
    take(&mut c);
    c.handle_segment(t(30.0), seg(c.rcv_nxt(), 0, "R", 0));
    assert_eq!(c.state(), State::Closed);
    assert_eq!(
        transitions(&mut c).last().unwrap().2,
        Cause::RecvRstInTimeWait
    );
}

#[test]
fn test_time_wait_recv_old_timestamp_is_rejected_by_paws() {
    let (mut c, mut s) = fin_wait_1(linux());
    pass(&mut c, &mut s, t(11.0));
    s.close(t(11.5)).unwrap();
    let fin = take(&mut s);
    c.handle_segment(t(5000.0), fin[0].segment);
    assert_eq!(c.state(), State::TimeWait);
    take(&mut c);
    // A segment carrying a timestamp older than the last one seen is an old duplicate.
    let mut old = fin[0].segment;
    old.flags = Flags::ACK;
    old.seq = c.rcv_nxt();
    old.timestamps = Some(Timestamps {
        val: fin[0].segment.timestamps.unwrap().val.wrapping_sub(1000),
        ecr: 0,
    });
    c.handle_segment(t(5001.0), old);
    assert_eq!(reasons(&take(&mut c)), [SendReason::PawsAck]);
}

// ----- cross-cutting --------------------------------------------------------

#[test]
fn test_every_transition_is_an_edge_of_its_cause() {
    for p in [rfc(), linux()] {
        let (mut c, mut s) = established(p);
        c.close(t(10.0)).unwrap();
        pass(&mut c, &mut s, t(11.0));
        s.close(t(12.0)).unwrap();
        pass(&mut s, &mut c, t(13.0));
        pass(&mut c, &mut s, t(14.0));
        for ep in [&mut c, &mut s] {
            for (from, to, cause) in transitions(ep) {
                assert!(
                    crate::cause::is_rfc_transition(from, to, cause),
                    "{from} -> {to} by {cause:?}"
                );
            }
        }
    }
}

// ----- keepalive (RFC 1122 §4.2.3.6) -------------------------------------------

fn with_keepalive(mut p: Profile, time_s: u64, intvl_s: u64, probes: u32) -> Profile {
    p.keepalive = crate::profile::Keepalive {
        enabled: true,
        time: Duration::from_secs(time_s),
        interval: Duration::from_secs(intvl_s),
        probes,
    };
    p
}

fn timer_deadline(ep: &Endpoint, kind: TimerKind) -> Option<Instant> {
    ep.timers()
        .into_iter()
        .find(|&(k, _)| k == kind)
        .map(|(_, t)| t)
}

#[test]
fn test_established_keepalive_is_off_by_default() {
    for p in [rfc(), linux()] {
        assert!(!p.keepalive.enabled);
        assert_eq!(p.keepalive.time, Duration::from_secs(7200));
        let (c, s) = established(p);
        assert_eq!(timer_deadline(&c, TimerKind::Keepalive), None);
        assert_eq!(timer_deadline(&s, TimerKind::Keepalive), None);
    }
    let l = linux();
    assert_eq!(
        (l.keepalive.interval, l.keepalive.probes),
        (Duration::from_secs(75), 9)
    );
}

#[test]
fn test_established_keepalive_idle_sends_probe_below_snd_una_and_peer_acks() {
    for p in [rfc(), linux()] {
        let (mut c, mut s) = established(with_keepalive(p, 30, 5, 3));
        // The client's last segment arrived at 2 ms (the SYN-ACK): the first probe follows 30 s later.
        let due = timer_deadline(&c, TimerKind::Keepalive).unwrap();
        assert_eq!(due, t(2.0) + Duration::from_secs(30));
        c.handle_timeout(due);
        let out = take(&mut c);
        assert_eq!(reasons(&out), [SendReason::KeepaliveProbe]);
        let probe = out[0].segment;
        assert_eq!(flags(&out), ["A"]);
        assert_eq!(probe.len, 0);
        assert_eq!(probe.seq, c.snd_una().wrapping_sub(1));
        assert_eq!(probe.ack, c.rcv_nxt());
        // The peer sees an old sequence number and answers with an ACK of what it expects.
        s.handle_segment(due, probe);
        let answer = take(&mut s);
        assert_eq!(flags(&answer), ["A"]);
        assert_eq!(reasons(&answer), [SendReason::AckDuplicate]);
        assert_eq!(answer[0].segment.ack, c.snd_una());
        // The answer resets the count; the next probe waits for a full idle period again.
        c.handle_segment(due, answer[0].segment);
        assert_eq!(
            timer_deadline(&c, TimerKind::Keepalive),
            Some(due + Duration::from_secs(5))
        );
        c.handle_timeout(due + Duration::from_secs(5));
        assert!(
            take(&mut c).is_empty(),
            "{p:?}: the peer answered, no probe"
        );
        assert_eq!(
            timer_deadline(&c, TimerKind::Keepalive),
            Some(due + Duration::from_secs(30))
        );
        assert_eq!(c.state(), State::Established);
    }
}

#[test]
fn test_established_keepalive_probes_unanswered_time_out() {
    for (p, rst) in [(rfc(), false), (linux(), true)] {
        let (mut c, _) = established(with_keepalive(p, 30, 5, 3));
        let mut probes = Vec::new();
        let mut last = Vec::new();
        while let Some(due) = timer_deadline(&c, TimerKind::Keepalive) {
            c.handle_timeout(due);
            for o in take(&mut c) {
                if o.reason == SendReason::KeepaliveProbe {
                    probes.push(due.as_ms());
                } else {
                    last.push((due.as_ms(), o));
                }
            }
        }
        // Three probes 5 s apart, and when the interval after the third runs out, the end.
        assert_eq!(probes, [30002.0, 35002.0, 40002.0]);
        assert_eq!(c.state(), State::Closed);
        assert_eq!(c.error(), Some(ConnError::TimedOut));
        let tr = transitions(&mut c);
        assert_eq!(
            *tr.last().unwrap(),
            (State::Established, State::Closed, Cause::KeepaliveTimeout)
        );
        // Linux resets the connection (tcp_send_active_reset); RFC 1122 only drops it.
        if rst {
            assert_eq!(last.len(), 1);
            assert_eq!(last[0].0, 45002.0);
            assert_eq!(last[0].1.reason, SendReason::RstKeepaliveTimeout);
            assert_eq!(last[0].1.segment.flags.to_string(), "RA");
        } else {
            assert!(last.is_empty());
        }
    }
}

#[test]
fn test_established_keepalive_waits_while_data_is_in_flight() {
    let (mut c, _) = established(with_keepalive(rfc(), 30, 5, 3));
    c.send(t(10.0), 100).unwrap();
    take(&mut c);
    let due = timer_deadline(&c, TimerKind::Keepalive).unwrap();
    // The retransmission timer, not keepalive, watches unacknowledged data.
    let mut c2 = c.clone();
    c2.keepalive = Some(due);
    c2.rtx = None;
    c2.handle_timeout(due);
    assert!(take(&mut c2)
        .iter()
        .all(|o| o.reason != SendReason::KeepaliveProbe));
    assert_eq!(
        timer_deadline(&c2, TimerKind::Keepalive),
        Some(due + Duration::from_secs(30))
    );
}

#[test]
fn test_close_wait_keepalive_probe_finds_a_crashed_peer() {
    // The server in CLOSE-WAIT with keepalive on; the client's host crashes.
    let p = with_keepalive(rfc(), 30, 5, 3);
    let (mut c, mut s) = fin_wait_1(p);
    pass(&mut c, &mut s, t(11.0));
    pass(&mut s, &mut c, t(12.0));
    assert_eq!((c.state(), s.state()), (State::FinWait2, State::CloseWait));
    transitions(&mut s);
    transitions(&mut c);
    c.crash(t(20.0));
    assert_eq!(c.state(), State::Closed);
    assert_eq!(
        transitions(&mut c),
        [(State::FinWait2, State::Closed, Cause::HostCrash)]
    );
    // The timer first fires 30 s after the handshake, finds the FIN at 11 ms newer, and waits
    // out the rest: the probe leaves 30 s after the last segment arrived.
    let first = timer_deadline(&s, TimerKind::Keepalive).unwrap();
    assert_eq!(first, t(3.0) + Duration::from_secs(30));
    s.handle_timeout(first);
    assert!(take(&mut s).is_empty());
    let due = timer_deadline(&s, TimerKind::Keepalive).unwrap();
    assert_eq!(due, t(11.0) + Duration::from_secs(30));
    s.handle_timeout(due);
    let probe = pass(&mut s, &mut c, due);
    assert_eq!(reasons(&probe), [SendReason::KeepaliveProbe]);
    // The rebooted host has no connection: it answers with RST, which ends CLOSE-WAIT.
    let rst = pass(&mut c, &mut s, due);
    assert_eq!(reasons(&rst), [SendReason::RstNoConnection]);
    assert_eq!(s.state(), State::Closed);
    assert_eq!(s.error(), Some(ConnError::Reset));
    assert_eq!(
        transitions(&mut s),
        [(State::CloseWait, State::Closed, Cause::RecvRst)]
    );
}

// ----- crash -------------------------------------------------------------------

#[test]
fn test_established_crash_forgets_silently_and_answers_with_rst() {
    for p in [rfc(), linux()] {
        let (mut c, mut s) = established(p);
        s.crash(t(100.0));
        assert!(take(&mut s).is_empty(), "a crash sends nothing");
        assert_eq!(
            transitions(&mut s),
            [(State::Established, State::Closed, Cause::HostCrash)]
        );
        assert!(s.timers().is_empty());
        // The client still believes in the connection: it is half-open (RFC 9293 §3.5.1).
        assert_eq!(c.state(), State::Established);
        c.send(t(200.0), 10).unwrap();
        pass(&mut c, &mut s, t(201.0));
        let rst = pass(&mut s, &mut c, t(202.0));
        assert_eq!(reasons(&rst), [SendReason::RstNoConnection]);
        assert_eq!(c.state(), State::Closed);
        assert_eq!(c.error(), Some(ConnError::Reset));
    }
}

// ----- abort (SO_LINGER 0) ----------------------------------------------------

#[test]
fn test_established_abort_sends_rst_and_skips_time_wait() {
    for p in [rfc(), linux()] {
        let (mut c, _) = established(p);
        c.send(t(10.0), 100).unwrap();
        take(&mut c);
        c.abort(t(11.0)).unwrap();
        let out = take(&mut c);
        assert_eq!(reasons(&out), [SendReason::RstAbort]);
        assert_eq!(out[0].segment.flags.to_string(), "RA");
        // The unacknowledged data is thrown away: the RST sits at SND.NXT.
        assert_eq!(out[0].segment.seq, c.snd_nxt());
        assert_eq!(
            transitions(&mut c),
            [(State::Established, State::Closed, Cause::AppAbort)]
        );
        assert!(c.timers().is_empty(), "no TIME-WAIT, no retransmission");
        assert_eq!(c.error(), None, "the application asked for it");
    }
}

#[test]
fn test_close_wait_abort_sends_rst() {
    let (mut c, mut s) = fin_wait_2();
    s.abort(t(20.0)).unwrap();
    let rst = pass(&mut s, &mut c, t(21.0));
    assert_eq!(reasons(&rst), [SendReason::RstAbort]);
    assert_eq!(
        transitions(&mut s),
        [(State::CloseWait, State::Closed, Cause::AppAbort)]
    );
    assert_eq!(c.state(), State::Closed);
    assert_eq!(
        transitions(&mut c),
        [(State::FinWait2, State::Closed, Cause::RecvRst)]
    );
}

#[test]
fn test_last_ack_abort_deletes_the_tcb_without_rst() {
    let (_, mut s) = time_wait();
    take(&mut s);
    s.abort(t(30.0)).unwrap();
    assert!(take(&mut s).is_empty());
    assert_eq!(
        transitions(&mut s),
        [(State::LastAck, State::Closed, Cause::AppAbort)]
    );
}

#[test]
fn test_time_wait_abort_changes_nothing() {
    let (mut c, _) = time_wait();
    c.abort(t(30.0)).unwrap();
    assert!(take(&mut c).iter().all(|o| !o.segment.flags.rst()));
    assert_eq!(c.state(), State::TimeWait);
}

#[test]
fn test_syn_sent_abort_enters_closed_without_rst() {
    let (mut c, _) = syn_sent(linux());
    take(&mut c);
    transitions(&mut c);
    c.abort(t(1.0)).unwrap();
    assert!(take(&mut c).is_empty());
    assert_eq!(
        transitions(&mut c),
        [(State::SynSent, State::Closed, Cause::AppCloseUnconnected)]
    );
}

// ----- stuck states --------------------------------------------------------------

#[test]
fn test_close_wait_without_close_stays_forever() {
    for p in [rfc(), linux()] {
        let (mut c, mut s) = established(p);
        c.close(t(10.0)).unwrap();
        pass(&mut c, &mut s, t(11.0));
        assert_eq!(s.state(), State::CloseWait);
        // Only the delayed ACK may still be pending; after it, nothing is left to happen.
        while let Some(due) = s.poll_timeout() {
            s.handle_timeout(due);
            pass(&mut s, &mut c, due);
        }
        assert_eq!(s.state(), State::CloseWait, "{p:?}");
        assert!(s.timers().is_empty());
    }
}

#[test]
fn test_fin_wait_2_orphan_times_out_on_linux_only() {
    for (p, ends) in [(rfc(), false), (linux(), true)] {
        let (mut c, mut s) = established(p);
        c.close(t(10.0)).unwrap();
        pass(&mut c, &mut s, t(11.0));
        pass(&mut s, &mut c, t(12.0));
        while c.state() == State::FinWait1 {
            let due = s.poll_timeout().unwrap();
            s.handle_timeout(due);
            pass(&mut s, &mut c, due);
        }
        assert_eq!(c.state(), State::FinWait2);
        transitions(&mut c);
        match c.poll_timeout() {
            Some(due) => {
                assert!(ends);
                assert_eq!(timer_deadline(&c, TimerKind::FinWait2), Some(due));
                c.handle_timeout(due);
                assert_eq!(
                    transitions(&mut c),
                    [(State::FinWait2, State::Closed, Cause::FinWait2Timeout)]
                );
                // The late FIN now finds no connection.
                s.close(due + Duration::from_secs(1)).unwrap();
                pass(&mut s, &mut c, due + Duration::from_secs(1));
                let rst = take(&mut c);
                assert_eq!(reasons(&rst), [SendReason::RstNoConnection]);
            }
            None => assert!(!ends, "the textbook has no FIN-WAIT-2 timer"),
        }
    }
}

#[test]
fn test_fin_wait_2_after_shutdown_has_no_timeout() {
    // Not an orphan: the application still holds the socket, so Linux waits too.
    let (mut c, mut s) = established(linux());
    c.shutdown(t(10.0)).unwrap();
    pass(&mut c, &mut s, t(11.0));
    pass(&mut s, &mut c, t(12.0));
    while c.state() == State::FinWait1 {
        let due = s.poll_timeout().unwrap();
        s.handle_timeout(due);
        pass(&mut s, &mut c, due);
    }
    assert_eq!(c.state(), State::FinWait2);
    assert_eq!(timer_deadline(&c, TimerKind::FinWait2), None);
}
