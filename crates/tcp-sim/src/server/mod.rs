//! A server with one listener and many connections: the SYN queue and the accept queue, SYN
//! floods and SYN cookies, many clients that connect (and reconnect), and new connections over
//! TIME-WAIT.
//!
//! Each connection is an [`Endpoint`] pair, the same state machine as the one-connection run;
//! this module adds what lies between them and the host: which socket a segment reaches (the
//! four-tuple table, the listener), the listener's queue rules (`listener_input`, Linux
//! `tcp_conn_request` and `tcp_check_req`; RFC 9293 §3.10.7.2 with RFC 4987's backlog in
//! `rfc`), local ports, and a flood source. Events are kept in one heap, so a run costs
//! O(log n) per segment whatever the number of connections.

pub mod cookie;
pub mod listener;
pub mod setup;

use std::cmp::Reverse;
use std::collections::{BTreeMap, BinaryHeap, VecDeque};

use serde_json::{json, Value};

use crate::cause::{Cause, SendReason};
use crate::endpoint::{ConnError, Endpoint, EndpointEvent};
use crate::link::LinkFates;
use crate::profile::{ListenModel, Profile, ProfileName};
use crate::rng::Rng;
use crate::scenario::{Scenario, Step};
use crate::segment::{Flags, Segment, SynOptions, Timestamps};
use crate::seq;
use crate::state::{Dir, Side, Socket, State};
use crate::time::{Duration, Instant};
use crate::trace::{
    relative_numbers, AppFailure, AppOutcome, AppRecord, ArrivalRecord, ErrorRecord, Fate,
    FateSource, HighestSent, SegmentRecord, TimerRecord, Trace, TransitionRecord, Trigger,
};
use cookie::Tuple;
pub use listener::{ListenerCounters, ListenerEvent, ListenerEventKind, ListenerRecord};
use setup::{addr_text, ListenerLimits, SERVER_ADDR, SERVER_PORT};

const MAX_VIRTUAL_TIME: Duration = Duration::from_secs(24 * 3600);
const MAX_EVENTS: u64 = 20_000_000;

/// Who opened a connection.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Origin {
    /// A client of the scenario, by index.
    Client(usize),
    /// The flood source, with a spoofed address.
    Flood,
}

/// One connection (one incarnation of a four-tuple), by id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ConnectionRecord {
    /// Its id: the index in [`Trace::connections`].
    pub id: usize,
    /// Who opened it.
    pub origin: Origin,
    /// The client's address.
    pub client_addr: [u8; 4],
    /// The client's port.
    pub client_port: u16,
    /// When its first SYN left.
    pub opened: Instant,
    /// The client's ISN.
    pub client_isn: Option<u32>,
    /// The server's ISN (a cookie when the server answered with one).
    pub server_isn: Option<u32>,
    /// The server answered its SYN with a SYN cookie.
    pub cookie: bool,
    /// What became of its two ends: client, server (`None`: that end never existed).
    pub final_states: [Option<State>; 2],
}

/// An old segment whose bytes a newer connection of the same four-tuple took as its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CorruptionRecord {
    /// When it arrived.
    pub t: Instant,
    /// The segment (its id).
    pub segment: usize,
    /// The connection that sent it.
    pub from_conn: usize,
    /// The connection that took it.
    pub into_conn: usize,
    /// How many of its bytes were taken.
    pub bytes: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Ev {
    Arrive(usize, bool),
    Timer(usize, u8),
    App(usize),
    Flood(u32),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Queued {
    None,
    Syn,
    Accept,
}

struct Conn {
    origin: Origin,
    tuple: Tuple,
    /// Boxed: most flood connections never get an endpoint, and a `Conn` stays small.
    ends: [Option<Box<Endpoint>>; 2],
    scheduled: [Option<Instant>; 2],
    highest_sent: [HighestSent; 2],
    queued: Queued,
    /// A request in the SYN queue whose SYN-ACK timer has not fired yet (Linux's "young").
    young: bool,
    /// When the client end entered TIME-WAIT, for `tcp_tw_reuse`.
    client_tw_since: Option<Instant>,
}

struct App {
    steps: Vec<Step>,
    pc: usize,
    started: bool,
    wait_until: Option<Instant>,
    ready_at: Option<Instant>,
    recv_left: u64,
    stopped: bool,
    current: Option<usize>,
}

impl App {
    fn new(steps: &[Step]) -> App {
        App {
            steps: steps.to_vec(),
            pc: 0,
            started: false,
            wait_until: None,
            ready_at: None,
            recv_left: 0,
            stopped: false,
            current: None,
        }
    }
}

struct ClientHost {
    addr: u32,
    ports: BTreeMap<u16, usize>,
    next_port: u16,
    ts_offset: u32,
}

/// The run. `apps[0]` is the server's application, `apps[i + 1]` client `i`'s.
struct Server {
    now: Instant,
    sc: Scenario,
    profile: Profile,
    limits: ListenerLimits,
    secret: u64,
    conns: Vec<Conn>,
    clients: Vec<ClientHost>,
    client_by_addr: BTreeMap<u32, usize>,
    apps: Vec<App>,
    dirty: Vec<bool>,
    dirty_list: Vec<usize>,
    listening: bool,
    table: BTreeMap<Tuple, usize>,
    syn_queue: u32,
    /// Requests in the SYN queue whose SYN-ACK timer has not fired yet.
    young: u32,
    accept_queue: VecDeque<usize>,
    last_overflow: Option<Instant>,
    heap: BinaryHeap<Reverse<(Instant, u64, Ev)>>,
    order: u64,
    events: u64,
    wire: Vec<(Segment, usize)>,
    link: LinkFates,
    flood_rng: Rng,
    current_arrival: Option<usize>,
    trace: Trace,
    record: ListenerRecord,
}

fn addr_u32(a: [u8; 4]) -> u32 {
    u32::from_be_bytes(a)
}

fn hash2(a: u64, b: u64) -> u64 {
    let mut r = Rng::new(a ^ b.rotate_left(23));
    r.next_u64()
}

/// Runs a scenario with a listener and many connections to the end.
pub fn run(sc: &Scenario) -> Trace {
    let mut s = Server::new(sc);
    s.run();
    s.finish()
}

impl Server {
    fn new(sc: &Scenario) -> Server {
        let mut profile = sc.effective_profile();
        // Many connections need a listener apart from its connections, whatever the profile:
        // a failed handshake ends its own socket and the listener goes on.
        profile.listen_model = ListenModel::RequestSocket;
        let limits = sc.listener.resolve(sc.profile);
        let clients: Vec<ClientHost> = sc
            .clients
            .iter()
            .map(|c| {
                let addr = addr_u32(c.addr);
                ClientHost {
                    addr,
                    ports: BTreeMap::new(),
                    next_port: c.port_range.0,
                    ts_offset: hash2(sc.seed, addr as u64) as u32,
                }
            })
            .collect();
        let client_by_addr = clients
            .iter()
            .enumerate()
            .map(|(i, c)| (c.addr, i))
            .collect();
        let mut apps = vec![App::new(&sc.server)];
        apps.extend(sc.clients.iter().map(|c| App::new(&c.steps)));
        let n = apps.len();
        let mut s = Server {
            now: Instant::ZERO,
            sc: sc.clone(),
            profile,
            limits,
            secret: hash2(sc.seed, 0x005E_C2E7),
            conns: Vec::new(),
            clients,
            client_by_addr,
            apps,
            dirty: vec![false; n],
            dirty_list: Vec::new(),
            listening: false,
            table: BTreeMap::new(),
            syn_queue: 0,
            young: 0,
            accept_queue: VecDeque::new(),
            last_overflow: None,
            heap: BinaryHeap::new(),
            order: 0,
            events: 0,
            wire: Vec::new(),
            link: LinkFates::new(sc),
            flood_rng: Rng::new(sc.seed ^ 0xF100D),
            current_arrival: None,
            trace: Trace {
                profile: Some(sc.profile),
                ..Trace::default()
            },
            record: ListenerRecord::new(limits),
        };
        if let Some(f) = sc.flood {
            s.push(f.send_time(0), Ev::Flood(0));
        }
        for i in 0..n {
            s.mark(i);
        }
        s.run_apps();
        s
    }

    fn push(&mut self, t: Instant, ev: Ev) {
        self.order += 1;
        self.heap.push(Reverse((t, self.order, ev)));
    }

    fn mark(&mut self, app: usize) {
        if !self.dirty[app] {
            self.dirty[app] = true;
            self.dirty_list.push(app);
        }
    }

    fn run(&mut self) {
        while let Some(Reverse((t, _, ev))) = self.heap.pop() {
            self.events += 1;
            if t > Instant::ZERO + MAX_VIRTUAL_TIME || self.events > MAX_EVENTS {
                self.trace.truncated = true;
                break;
            }
            self.now = self.now.max(t);
            match ev {
                Ev::Arrive(id, _) => self.deliver(id),
                Ev::Timer(c, side) => {
                    let due = self.conns[c].ends[side as usize]
                        .as_deref()
                        .and_then(Endpoint::poll_timeout);
                    self.conns[c].scheduled[side as usize] = None;
                    if due.is_some_and(|d| d <= self.now) {
                        let request = side == 1 && self.conns[c].queued == Queued::Syn;
                        if request {
                            self.judge_old_request(c);
                        }
                        if let Some(ep) = self.conns[c].ends[side as usize].as_deref_mut() {
                            ep.handle_timeout(self.now);
                        }
                        if request && self.conns[c].young {
                            // Its first SYN-ACK timeout: no longer young (`num_timeout++ == 0`).
                            self.conns[c].young = false;
                            self.young -= 1;
                        }
                        self.drain(c, side as usize, None);
                        self.mark_owner(c, side as usize);
                    } else {
                        self.schedule(c, side as usize);
                    }
                }
                Ev::App(a) => self.mark(a),
                Ev::Flood(n) => self.flood_syn(n),
            }
            self.run_apps();
        }
        self.trace.end = self.now;
    }

    fn finish(mut self) -> Trace {
        for (id, c) in self.conns.iter().enumerate() {
            let rec = &mut self.trace.connections[id];
            // A dropped request socket goes back to its listener's LISTEN inside the endpoint;
            // as a connection it is gone.
            let end = |e: &Option<Box<Endpoint>>| {
                e.as_ref().map(|e| match e.state() {
                    State::Listen => State::Closed,
                    s => s,
                })
            };
            rec.final_states = [end(&c.ends[0]), end(&c.ends[1])];
        }
        self.trace.listener = Some(self.record);
        self.trace
    }

    fn mark_owner(&mut self, c: usize, side: usize) {
        match (side, self.conns[c].origin) {
            (1, _) => self.mark(0),
            (_, Origin::Client(i)) => self.mark(i + 1),
            _ => {}
        }
    }

    fn schedule(&mut self, c: usize, side: usize) {
        let due = self.conns[c].ends[side]
            .as_deref()
            .and_then(Endpoint::poll_timeout);
        if let Some(d) = due {
            if self.conns[c].scheduled[side] != Some(d) {
                self.conns[c].scheduled[side] = Some(d);
                self.push(d, Ev::Timer(c, side as u8));
            }
        }
    }

    fn listener_event(&mut self, kind: ListenerEventKind, conn: Option<usize>) {
        let c = &mut self.record.counters;
        match kind {
            ListenerEventKind::SynDroppedAcceptQueueFull => {
                c.syns_dropped += 1;
                c.listen_overflows += 1;
            }
            ListenerEventKind::SynDroppedSynQueueFull
            | ListenerEventKind::SynDroppedMaxSynBacklog => c.syns_dropped += 1,
            ListenerEventKind::CookieSent => c.cookies_sent += 1,
            ListenerEventKind::CookieAccepted => c.cookies_received += 1,
            ListenerEventKind::CookieDroppedAcceptQueueFull => {
                c.cookies_received += 1;
                c.listen_overflows += 1;
            }
            ListenerEventKind::CookieInvalid => c.cookies_failed += 1,
            ListenerEventKind::RequestDropped => c.requests_dropped += 1,
            ListenerEventKind::AckDroppedAcceptQueueFull => c.listen_overflows += 1,
            ListenerEventKind::ResetAcceptQueueFull => {
                c.listen_overflows += 1;
                c.requests_dropped += 1;
            }
            ListenerEventKind::Accepted => c.accepted += 1,
            ListenerEventKind::SynQueued
            | ListenerEventKind::Completed
            | ListenerEventKind::TimeWaitRecycled => {}
        }
        self.record.events.push(ListenerEvent {
            t: self.now,
            kind,
            conn,
            syn_queue: self.syn_queue,
            accept_queue: self.accept_queue.len() as u32,
            counters: self.record.counters,
        });
    }

    // ----- connections ---------------------------------------------------------------------

    fn new_conn(&mut self, origin: Origin, tuple: Tuple) -> usize {
        let id = self.conns.len();
        self.conns.push(Conn {
            origin,
            tuple,
            ends: [None, None],
            scheduled: [None; 2],
            highest_sent: [HighestSent::default(); 2],
            queued: Queued::None,
            young: false,
            client_tw_since: None,
        });
        self.trace.connections.push(ConnectionRecord {
            id,
            origin,
            client_addr: tuple.addr.to_be_bytes(),
            client_port: tuple.port,
            opened: self.now,
            client_isn: None,
            server_isn: None,
            cookie: false,
            final_states: [None; 2],
        });
        id
    }

    /// A clock-driven ISN (RFC 6528, as RFC 9293 §3.4.1 recommends): a keyed hash of the
    /// four-tuple plus a clock, so a reconnection of the same four-tuple starts higher than the
    /// last one did. The clock ticks every 4 µs in `rfc` (RFC 793) and every 64 ns in `linux`
    /// (`secure_tcp_seq` → `seq_scale`).
    fn clock_isn(&self, tuple: Tuple, side: u64) -> u32 {
        let ticks = match self.sc.profile {
            ProfileName::Rfc => self.now.0 / 4_000,
            ProfileName::Linux => self.now.0 >> 6,
        };
        let h = hash2(
            self.secret ^ side,
            (tuple.addr as u64) << 16 | tuple.port as u64,
        );
        (h as u32).wrapping_add(ticks as u32)
    }

    fn server_ts_offset(&self, tuple: Tuple) -> u32 {
        hash2(self.secret, tuple.addr as u64 ^ 0x7575) as u32
    }

    /// Moves an endpoint's segments onto the link and its events into the trace.
    fn drain(&mut self, c: usize, side: usize, trigger: Option<Trigger>) {
        let mut trigger = trigger;
        let now = self.now;
        let sd = if side == 0 {
            Side::Client
        } else {
            Side::Server
        };
        let default_trigger = Trigger::App(self.app_pc(c, side));
        while let Some(ev) = self.conns[c].ends[side]
            .as_deref_mut()
            .and_then(|e| e.poll_event())
        {
            match ev {
                EndpointEvent::Transition {
                    from,
                    to,
                    cause,
                    socket,
                } => {
                    self.trace.transitions.push(TransitionRecord {
                        t: now,
                        side: sd,
                        socket,
                        from,
                        to,
                        cause,
                        trigger: trigger.unwrap_or(default_trigger),
                        certainty: None,
                        conn: Some(c),
                    });
                    self.on_transition(c, side, to);
                }
                EndpointEvent::Timer { kind, deadline } => self.trace.timers.push(TimerRecord {
                    t: now,
                    side: sd,
                    kind,
                    deadline,
                    fired: false,
                    conn: Some(c),
                }),
                EndpointEvent::TimerFired { kind } => {
                    trigger = Some(Trigger::Timer(kind));
                    self.trace.timers.push(TimerRecord {
                        t: now,
                        side: sd,
                        kind,
                        deadline: None,
                        fired: true,
                        conn: Some(c),
                    });
                }
                EndpointEvent::Error(_) | EndpointEvent::Delivered { .. } => {}
            }
        }
        while let Some(out) = self.conns[c].ends[side]
            .as_deref_mut()
            .and_then(|e| e.poll_output())
        {
            let dir = if side == 0 { Dir::C2S } else { Dir::S2C };
            self.record_segment(
                c,
                dir,
                out.segment,
                out.reason,
                Some(trigger.unwrap_or(default_trigger)),
            );
        }
        let iss = self.conns[c].ends[side].as_deref().and_then(Endpoint::iss);
        let rec = &mut self.trace.connections[c];
        let slot = if side == 0 {
            &mut rec.client_isn
        } else {
            &mut rec.server_isn
        };
        if slot.is_none() {
            *slot = iss;
        }
        self.schedule(c, side);
    }

    fn app_pc(&self, c: usize, side: usize) -> usize {
        match (side, self.conns[c].origin) {
            (1, _) => self.apps[0].pc,
            (_, Origin::Client(i)) => self.apps[i + 1].pc,
            _ => 0,
        }
    }

    /// Keeps the tables in step with the sockets: the four-tuple table, the queues, ports.
    fn on_transition(&mut self, c: usize, side: usize, to: State) {
        let tuple = self.conns[c].tuple;
        match (side, to) {
            (1, State::Established) => {
                let kind = match self.conns[c].queued {
                    Queued::Syn => {
                        self.leave_syn_queue(c);
                        Some(ListenerEventKind::Completed)
                    }
                    Queued::None => Some(ListenerEventKind::CookieAccepted),
                    Queued::Accept => None,
                };
                if let Some(kind) = kind {
                    self.conns[c].queued = Queued::Accept;
                    self.accept_queue.push_back(c);
                    self.listener_event(kind, Some(c));
                    self.mark(0);
                }
            }
            (1, State::Closed) => {
                if self.table.get(&tuple) == Some(&c) {
                    self.table.remove(&tuple);
                }
                if self.conns[c].queued == Queued::Syn {
                    self.conns[c].queued = Queued::None;
                    self.leave_syn_queue(c);
                    let overflow = self
                        .trace
                        .transitions
                        .last()
                        .is_some_and(|t| t.cause == Cause::AcceptQueueOverflow);
                    self.listener_event(
                        if overflow {
                            ListenerEventKind::ResetAcceptQueueFull
                        } else {
                            ListenerEventKind::RequestDropped
                        },
                        Some(c),
                    );
                }
            }
            (0, State::TimeWait) => self.conns[c].client_tw_since = Some(self.now),
            (0, State::Closed) => {
                if let Origin::Client(i) = self.conns[c].origin {
                    let host = &mut self.clients[i];
                    if host.ports.get(&tuple.port) == Some(&c) {
                        host.ports.remove(&tuple.port);
                    }
                }
            }
            _ => {}
        }
    }

    // ----- the link --------------------------------------------------------------------------

    fn record_segment(
        &mut self,
        c: usize,
        dir: Dir,
        segment: Segment,
        reason: SendReason,
        trigger: Option<Trigger>,
    ) {
        let id = self.trace.segments.len();
        let (fate, source) = self.choose_fate(id, dir, segment.flags);
        let delay = self.sc.one_way_delay[dir.index()];
        let normal = self.now + delay;
        let (arrive, duplicate_arrive) = match fate {
            Fate::Delivered => (Some(normal), None),
            Fate::Lost => (None, None),
            Fate::Delayed(d) => (Some(normal + d), None),
            Fate::Duplicated => (Some(normal), Some(normal)),
        };
        let rec = &self.trace.connections[c];
        let (sender_isn, receiver_isn) = if dir == Dir::C2S {
            (rec.client_isn, rec.server_isn)
        } else {
            (rec.server_isn, rec.client_isn)
        };
        let (seq_rel, ack_rel) = relative_numbers(&segment, sender_isn, receiver_isn);
        let retransmission = self.conns[c].highest_sent[dir.index()].note(&segment);
        self.trace.segments.push(SegmentRecord {
            id,
            dir,
            sent: self.now,
            segment,
            seq_rel,
            ack_rel,
            reason,
            fate,
            fate_source: source,
            arrive,
            duplicate_arrive,
            retransmission,
            injected: false,
            trigger,
            in_reply_to: match trigger {
                Some(Trigger::Segment(_) | Trigger::App(_)) => self.current_arrival,
                _ => None,
            },
            conn: Some(c),
        });
        self.wire.push((segment, c));
        if let Some(a) = arrive {
            self.push(a, Ev::Arrive(id, false));
        }
        if let Some(a) = duplicate_arrive {
            self.push(a, Ev::Arrive(id, true));
        }
    }

    /// Answers segment `id` of connection `c` with the RST RFC 9293 §3.10.7.1 builds from it.
    fn answer_with_rst(
        &mut self,
        id: usize,
        c: usize,
        dir: Dir,
        seg: &Segment,
        reason: SendReason,
    ) {
        let rst = Endpoint::rst_for(seg);
        self.record_segment(c, dir, rst, reason, Some(Trigger::Segment(id)));
    }

    fn choose_fate(&mut self, id: usize, dir: Dir, flags: Flags) -> (Fate, FateSource) {
        self.link.choose(id, dir, flags)
    }

    fn deliver(&mut self, id: usize) {
        let (seg, c) = self.wire[id];
        let dir = self.trace.segments[id].dir;
        let tuple = self.conns[c].tuple;
        self.current_arrival = Some(self.trace.arrivals.len());
        let receiver_state = if dir == Dir::C2S {
            self.table
                .get(&tuple)
                .and_then(|&k| self.conns[k].ends[1].as_deref())
                .map_or(
                    if self.listening {
                        State::Listen
                    } else {
                        State::Closed
                    },
                    Endpoint::state,
                )
        } else {
            self.client_conn(tuple)
                .and_then(|k| self.conns[k].ends[0].as_deref())
                .map_or(State::Closed, Endpoint::state)
        };
        self.trace.arrivals.push(ArrivalRecord {
            t: self.now,
            segment: id,
            receiver_state,
        });
        if dir == Dir::C2S {
            self.server_input(id, c, tuple, seg);
        } else {
            self.client_input(id, c, tuple, seg);
        }
        self.run_apps();
        self.current_arrival = None;
    }

    fn client_conn(&self, tuple: Tuple) -> Option<usize> {
        let &i = self.client_by_addr.get(&tuple.addr)?;
        self.clients[i].ports.get(&tuple.port).copied()
    }

    /// Hands `seg` to connection `k`'s end `side`, noting bytes an older incarnation's segment
    /// (sent by connection `c`) slipped into it.
    fn hand_to_endpoint(&mut self, id: usize, c: usize, k: usize, side: usize, seg: Segment) {
        let now = self.now;
        let Some(ep) = self.conns[k].ends[side].as_deref_mut() else {
            return;
        };
        let before = ep.rcv_nxt().wrapping_add(ep.held_bytes());
        ep.handle_segment(now, seg);
        let taken = ep
            .rcv_nxt()
            .wrapping_add(ep.held_bytes())
            .wrapping_sub(before);
        if k != c && seg.len > 0 && taken > 0 && taken <= seg.len + 1 {
            self.trace.corruptions.push(CorruptionRecord {
                t: now,
                segment: id,
                from_conn: c,
                into_conn: k,
                bytes: taken.min(seg.len),
            });
        }
        self.drain(k, side, Some(Trigger::Segment(id)));
        self.mark_owner(k, side);
    }

    fn client_input(&mut self, id: usize, c: usize, tuple: Tuple, seg: Segment) {
        if !self.client_by_addr.contains_key(&tuple.addr) {
            // A spoofed address: nobody is there to answer.
            return;
        }
        match self.client_conn(tuple) {
            Some(k) => self.hand_to_endpoint(id, c, k, 0, seg),
            None if !seg.flags.rst() => {
                // A closed port (RFC 9293 §3.10.7.1).
                self.answer_with_rst(id, c, Dir::C2S, &seg, SendReason::RstNoConnection);
            }
            None => {}
        }
    }

    fn server_input(&mut self, id: usize, c: usize, tuple: Tuple, seg: Segment) {
        let f = seg.flags;
        if let Some(k) = self.table.get(&tuple).copied() {
            let (state, completes) = {
                let ep = self.conns[k].ends[1]
                    .as_deref()
                    .expect("mapped sockets exist");
                (ep.state(), ep.completes_handshake(&seg))
            };
            if completes && self.accept_queue_full() {
                // tcp_check_req → syn_recv_sock fails (sk_acceptq_is_full) → listen_overflow.
                if self.limits.abort_on_overflow {
                    if let Some(ep) = self.conns[k].ends[1].as_deref_mut() {
                        ep.reject_on_overflow(&seg);
                    }
                    self.drain(k, 1, Some(Trigger::Segment(id)));
                } else {
                    self.listener_event(ListenerEventKind::AckDroppedAcceptQueueFull, Some(k));
                }
                return;
            }
            if state == State::TimeWait && f.syn() && !f.ack() && !f.rst() {
                self.syn_in_time_wait(id, c, k, seg);
                return;
            }
            self.hand_to_endpoint(id, c, k, 1, seg);
            return;
        }
        if !self.listening {
            if !f.rst() {
                self.answer_with_rst(id, c, Dir::S2C, &seg, SendReason::RstNoListener);
            }
            return;
        }
        self.listener_input(id, c, tuple, seg, None);
    }

    /// RFC 6191 (Linux `tcp_timewait_state_process`): a SYN for a four-tuple in TIME-WAIT opens
    /// a new connection if it is newer than the old one — a higher timestamp when both used
    /// timestamps, else a sequence number above RCV.NXT — and is answered with an ACK if not.
    fn syn_in_time_wait(&mut self, id: usize, c: usize, k: usize, seg: Segment) {
        let ep = self.conns[k].ends[1]
            .as_deref()
            .expect("mapped sockets exist");
        let both_ts = ep.ts_recent().zip(seg.timestamps.map(|t| t.val));
        // PAWS (tcp_paws_reject): a timestamp older than the last one marks an old segment.
        let paws_reject = both_ts.is_some_and(|(recent, val)| recent.wrapping_sub(val) as i32 > 1);
        let newer = !paws_reject
            && (seq::gt(seg.seq, ep.rcv_nxt())
                || both_ts.is_some_and(|(recent, val)| seq::lt(recent, val)));
        if !newer {
            if let Some(ep) = self.conns[k].ends[1].as_deref_mut() {
                // An old timestamp restarts TIME-WAIT; a SYN merely below RCV.NXT may be a
                // new one with an unlucky ISN, so it does not.
                ep.ack_old_syn(self.now, paws_reject);
            }
            self.drain(k, 1, Some(Trigger::Segment(id)));
            return;
        }
        // The new ISN starts well above everything the old connection sent (Linux: tw_snd_nxt
        // + 65535 + 2), so the old connection's segments can never look new.
        let isn = ep.snd_nxt().wrapping_add(65537);
        if let Some(ep) = self.conns[k].ends[1].as_deref_mut() {
            ep.end_time_wait(Cause::TimeWaitNewSyn);
        }
        self.drain(k, 1, Some(Trigger::Segment(id)));
        self.listener_event(ListenerEventKind::TimeWaitRecycled, Some(c));
        let tuple = self.conns[c].tuple;
        self.listener_input(id, c, tuple, seg, Some(isn));
    }

    /// A request leaves the SYN queue (completed or dropped).
    fn leave_syn_queue(&mut self, c: usize) {
        self.syn_queue -= 1;
        if std::mem::take(&mut self.conns[c].young) {
            self.young -= 1;
        }
    }

    /// Linux `reqsk_timer_handler`: when requests fill more than half the SYN queue, half of it
    /// is kept for young requests, and old ones lose SYN-ACK retries (down to 2) the fewer young
    /// ones there are, so that a flood's never-answered requests do not hold the queue for the
    /// full `tcp_synack_retries`. The limit is judged afresh at each of the request's timeouts.
    fn judge_old_request(&mut self, c: usize) {
        if self.sc.profile != ProfileName::Linux {
            return;
        }
        let mut limit = self.profile.retries.synack;
        let qlen = self.syn_queue;
        if qlen << 1 > self.limits.max_ack_backlog.max(8) {
            let mut young = self.young << 1;
            while limit > 2 {
                if qlen < young {
                    break;
                }
                limit -= 1;
                young <<= 1;
            }
        }
        if let Some(ep) = self.conns[c].ends[1].as_deref_mut() {
            ep.limit_synack_retries(limit);
        }
    }

    fn accept_queue_full(&self) -> bool {
        // sk_acceptq_is_full: "greater than", so the queue holds max_ack_backlog + 1.
        self.accept_queue.len() as u32 > self.limits.max_ack_backlog
    }

    /// RFC 9293 §3.10.7.2 at a listener, with the queue rules of the profile: Linux
    /// `tcp_conn_request` (SYN) and `cookie_v4_check` (ACK), or RFC 4987 §2's one backlog of
    /// half-open and completed connections in `rfc`.
    fn listener_input(
        &mut self,
        id: usize,
        c: usize,
        tuple: Tuple,
        seg: Segment,
        isn: Option<u32>,
    ) {
        let f = seg.flags;
        if f.rst() {
            return; // An incoming RST is ignored in LISTEN.
        }
        if f.ack() {
            if !f.syn() && self.cookie_ack(id, c, tuple, seg) {
                return;
            }
            // An ACK in LISTEN acknowledges nothing we sent.
            self.answer_with_rst(id, c, Dir::S2C, &seg, SendReason::RstBadAck);
            return;
        }
        if !f.syn() {
            return;
        }
        self.record.counters.syns += 1;
        let l = self.limits;
        let mut want_cookie = false;
        match self.sc.profile {
            ProfileName::Linux => {
                // inet_csk_reqsk_queue_is_full: "greater than" as well.
                let syn_full = self.syn_queue > l.max_ack_backlog;
                if (l.syncookies == 2 || syn_full) && isn.is_none() {
                    if l.syncookies > 0 {
                        want_cookie = true;
                        self.last_overflow = Some(self.now);
                    } else {
                        self.listener_event(ListenerEventKind::SynDroppedSynQueueFull, Some(c));
                        return;
                    }
                }
                if self.accept_queue_full() {
                    self.listener_event(ListenerEventKind::SynDroppedAcceptQueueFull, Some(c));
                    return;
                }
                if !want_cookie
                    && isn.is_none()
                    && l.syncookies == 0
                    && l.max_syn_backlog.saturating_sub(self.syn_queue) < (l.max_syn_backlog >> 2)
                {
                    self.listener_event(ListenerEventKind::SynDroppedMaxSynBacklog, Some(c));
                    return;
                }
            }
            ProfileName::Rfc => {
                // A backlog of 0 still lets one connection in, as every stack does.
                let held = self.syn_queue + self.accept_queue.len() as u32;
                if held >= l.max_ack_backlog.max(1) {
                    if l.syncookies > 0 {
                        want_cookie = true;
                        self.last_overflow = Some(self.now);
                    } else {
                        // RFC 4987 §2: with the backlog full, new SYNs are dropped.
                        self.listener_event(ListenerEventKind::SynDroppedSynQueueFull, Some(c));
                        return;
                    }
                }
            }
        }
        if want_cookie {
            self.send_cookie(id, c, tuple, seg);
            return;
        }
        let isn = isn.unwrap_or_else(|| self.clock_isn(tuple, 1));
        let mut ep =
            Endpoint::passive_child(self.profile, self.sc.seed, self.server_ts_offset(tuple));
        ep.take_syn(self.now, seg, isn);
        self.conns[c].ends[1] = Some(Box::new(ep));
        self.conns[c].queued = Queued::Syn;
        self.conns[c].young = true;
        self.table.insert(tuple, c);
        self.syn_queue += 1;
        self.young += 1;
        self.listener_event(ListenerEventKind::SynQueued, Some(c));
        self.drain(c, 1, Some(Trigger::Segment(id)));
    }

    fn cookie_minute(&self) -> u32 {
        (self.now.0 / 60_000_000_000) as u32
    }

    /// A SYN-ACK whose ISN is a cookie, and nothing kept (Linux `tcp_conn_request` with
    /// `want_cookie`: `cookie_v4_init_sequence`, then the request is freed).
    fn send_cookie(&mut self, id: usize, c: usize, tuple: Tuple, syn: Segment) {
        let theirs = syn.syn_options.unwrap_or_default();
        let mss = theirs.mss.unwrap_or(536).min(self.profile.mss);
        let cookie = cookie::make(self.secret, tuple, syn.seq, self.cookie_minute(), mss);
        let mss_kept = cookie::MSS_TABLE[cookie::mss_index(mss)];
        let ts = self.profile.timestamps && syn.timestamps.is_some();
        // Window scale and SACK ride in the timestamp's low bits (cookie_init_timestamp); with
        // no timestamp there is nowhere to keep them.
        let ours = self.profile.syn_options;
        let options = SynOptions {
            mss: Some(mss_kept),
            window_scale: if ts && theirs.window_scale.is_some() {
                ours.window_scale
            } else {
                None
            },
            sack_permitted: ts && theirs.sack_permitted && ours.sack_permitted,
        };
        let offset = self.server_ts_offset(tuple);
        let segment = Segment {
            seq: cookie,
            ack: syn.seq.wrapping_add(1),
            flags: Flags::SYN | Flags::ACK,
            len: 0,
            window: self.profile.synack_window,
            syn_options: Some(options),
            timestamps: syn.timestamps.filter(|_| ts).map(|t| Timestamps {
                val: ((self.now.0 / 1_000_000) as u32).wrapping_add(offset),
                ecr: t.val,
            }),
        };
        let rec = &mut self.trace.connections[c];
        rec.server_isn = Some(cookie);
        rec.cookie = true;
        self.listener_event(ListenerEventKind::CookieSent, Some(c));
        self.record_segment(
            c,
            Dir::S2C,
            segment,
            SendReason::SynAckCookie,
            Some(Trigger::Segment(id)),
        );
    }

    /// An ACK for no request: if it carries a valid cookie, rebuild the request from it and let
    /// the ACK complete it (Linux `cookie_v4_check`, tried only within two minutes of a SYN
    /// queue overflow, `tcp_synq_no_recent_overflow`). Returns true if the ACK was taken.
    fn cookie_ack(&mut self, id: usize, c: usize, tuple: Tuple, ack: Segment) -> bool {
        if self.limits.syncookies == 0
            || self
                .last_overflow
                .is_none_or(|t| self.now - t > Duration::from_secs(120))
        {
            return false;
        }
        let client_isn = ack.seq.wrapping_sub(1);
        let cookie = ack.ack.wrapping_sub(1);
        let Some(mss) = cookie::check(self.secret, tuple, client_isn, self.cookie_minute(), cookie)
        else {
            self.listener_event(ListenerEventKind::CookieInvalid, Some(c));
            return false;
        };
        if self.accept_queue_full() {
            self.listener_event(ListenerEventKind::CookieDroppedAcceptQueueFull, Some(c));
            return true;
        }
        let ts = self.profile.timestamps && ack.timestamps.is_some();
        let ours = self.profile.syn_options;
        let syn = Segment {
            seq: client_isn,
            ack: 0,
            flags: Flags::SYN,
            len: 0,
            window: ack.window,
            syn_options: Some(SynOptions {
                mss: Some(mss),
                window_scale: ours.window_scale.filter(|_| ts),
                sack_permitted: ts && ours.sack_permitted,
            }),
            timestamps: ack
                .timestamps
                .filter(|_| ts)
                .map(|t| Timestamps { val: t.val, ecr: 0 }),
        };
        let mut ep =
            Endpoint::passive_child(self.profile, self.sc.seed, self.server_ts_offset(tuple));
        ep.rebuild_from_cookie(syn, cookie);
        self.conns[c].ends[1] = Some(Box::new(ep));
        self.table.insert(tuple, c);
        self.trace.connections[c].server_isn = Some(cookie);
        self.drain(c, 1, Some(Trigger::Segment(id)));
        self.hand_to_endpoint(id, c, c, 1, ack);
        true
    }

    // ----- the flood -------------------------------------------------------------------------

    fn flood_syn(&mut self, n: u32) {
        let Some(f) = self.sc.flood else { return };
        // Spoofed sources from 198.18.0.0/15, the benchmarking range (RFC 2544): no host there
        // answers the SYN-ACK.
        let r = self.flood_rng.next_u64();
        let tuple = Tuple {
            addr: 0xC612_0000 | (r as u32 & 0x1_FFFF),
            port: 1024 + ((r >> 32) % 64_512) as u16,
        };
        let c = self.new_conn(Origin::Flood, tuple);
        let p = self.profile;
        let isn = (r >> 17) as u32;
        let seg = Segment {
            seq: isn,
            ack: 0,
            flags: Flags::SYN,
            len: 0,
            window: p.syn_window,
            syn_options: Some(p.syn_options),
            timestamps: p.timestamps.then_some(Timestamps {
                val: (r >> 40) as u32,
                ecr: 0,
            }),
        };
        self.trace.connections[c].client_isn = Some(isn);
        self.record_segment(c, Dir::C2S, seg, SendReason::FloodSyn, None);
        if n + 1 < f.count {
            self.push(f.send_time(n + 1), Ev::Flood(n + 1));
        }
    }

    // ----- applications ----------------------------------------------------------------------

    fn run_apps(&mut self) {
        // In index order, so the server and the clients take turns the same way every run.
        while !self.dirty_list.is_empty() {
            let mut round = std::mem::take(&mut self.dirty_list);
            round.sort_unstable();
            for a in round {
                self.dirty[a] = false;
                self.run_app(a);
            }
        }
    }

    /// A port for client `i`'s next connection, and the TIME-WAIT connection it takes over.
    fn pick_port(&self, i: usize) -> Result<(u16, Option<usize>), ConnError> {
        let spec = &self.sc.clients[i];
        let host = &self.clients[i];
        let (lo, hi) = spec.port_range;
        let span = (hi - lo) as u32 + 1;
        let candidates: Vec<u16> = match spec.port {
            Some(p) => vec![p],
            None => (0..span)
                .map(|k| lo + ((host.next_port - lo) as u32 + k).rem_euclid(span) as u16)
                .collect(),
        };
        for p in candidates {
            match host.ports.get(&p) {
                None => return Ok((p, None)),
                Some(&k) => {
                    let ep = self.conns[k].ends[0]
                        .as_deref()
                        .expect("held ports have sockets");
                    // tcp_twsk_unique: with tcp_tw_reuse, a TIME-WAIT socket that used
                    // timestamps and is more than a second old (tcp_tw_reuse_delay) may give
                    // up its four-tuple.
                    let reusable = spec.tw_reuse
                        && ep.state() == State::TimeWait
                        && ep.uses_timestamps()
                        && self.conns[k]
                            .client_tw_since
                            .is_some_and(|t| self.now - t > Duration::from_secs(1));
                    if reusable {
                        return Ok((p, Some(k)));
                    }
                }
            }
        }
        Err(ConnError::AddrNotAvailable)
    }

    fn client_connect(&mut self, i: usize) -> Result<usize, ConnError> {
        let (port, reuse) = self.pick_port(i)?;
        let host = &mut self.clients[i];
        let (lo, hi) = self.sc.clients[i].port_range;
        host.next_port = if port >= hi { lo } else { port + 1 };
        let tuple = Tuple {
            addr: host.addr,
            port,
        };
        let ts_offset = host.ts_offset;
        let mut isn = self.clock_isn(tuple, 0);
        if let Some(k) = reuse {
            // The new connection starts above everything the old one sent (Linux: write_seq =
            // tw_snd_nxt + 65535 + 2).
            let old = self.conns[k].ends[0]
                .as_deref_mut()
                .expect("held ports have sockets");
            isn = old.snd_nxt().wrapping_add(65537);
            old.end_time_wait(Cause::TimeWaitReused);
            self.drain(k, 0, None);
        }
        let c = self.new_conn(Origin::Client(i), tuple);
        let mut ep = Endpoint::new(Side::Client, self.profile, self.sc.seed ^ c as u64);
        ep.connect_with(self.now, isn, ts_offset)?;
        self.conns[c].ends[0] = Some(Box::new(ep));
        self.clients[i].ports.insert(port, c);
        self.drain(c, 0, None);
        Ok(c)
    }

    /// Runs application `a` until a step has to wait.
    fn run_app(&mut self, a: usize) {
        let now = self.now;
        let side = if a == 0 { Side::Server } else { Side::Client };
        loop {
            let app = &self.apps[a];
            if app.stopped || app.pc >= app.steps.len() {
                return;
            }
            let step = app.steps[app.pc];
            let first = !app.started;
            self.apps[a].started = true;
            if first {
                self.app_record(a, AppOutcome::Started);
            }
            let end = if a == 0 { 1 } else { 0 };
            let result: Option<Result<(), AppFailure>> = match step {
                Step::Listen if a == 0 => {
                    if !self.listening {
                        self.listening = true;
                        self.trace.transitions.push(TransitionRecord {
                            t: now,
                            side: Side::Server,
                            socket: Socket::Listener,
                            from: State::Closed,
                            to: State::Listen,
                            cause: Cause::AppListen,
                            trigger: Trigger::App(self.apps[0].pc),
                            certainty: None,
                            conn: None,
                        });
                    }
                    Some(Ok(()))
                }
                Step::Accept if a == 0 => {
                    if !self.listening {
                        Some(Err(AppFailure::Conn(ConnError::NotConnected)))
                    } else if let Some(&c) = self.accept_queue.front() {
                        let wake = if first {
                            now
                        } else {
                            *self.apps[a]
                                .ready_at
                                .get_or_insert(now + self.profile.app_wakeup)
                        };
                        if wake > now {
                            self.push(wake, Ev::App(a));
                            return;
                        }
                        self.accept_queue.pop_front();
                        self.conns[c].queued = Queued::None;
                        self.apps[a].current = Some(c);
                        self.listener_event(ListenerEventKind::Accepted, Some(c));
                        Some(Ok(()))
                    } else {
                        None
                    }
                }
                Step::Connect if a > 0 => {
                    if first {
                        match self.client_connect(a - 1) {
                            Ok(c) => {
                                self.apps[a].current = Some(c);
                                None
                            }
                            Err(e) => Some(Err(AppFailure::Conn(e))),
                        }
                    } else {
                        self.connect_done(a)
                    }
                }
                Step::Sleep(d) => {
                    if first {
                        self.apps[a].wait_until = Some(now + d);
                    }
                    self.wake_if_due(a)
                }
                Step::At(t) => {
                    if first {
                        self.apps[a].wait_until = Some(t);
                    }
                    self.wake_if_due(a)
                }
                _ => match self.apps[a].current {
                    None => Some(Err(AppFailure::Conn(ConnError::NotConnected))),
                    Some(c) => {
                        let r = self.conn_step(a, c, end, step, first);
                        self.drain(c, end, Some(Trigger::App(self.apps[a].pc)));
                        r
                    }
                },
            };
            let blocking = matches!(step, Step::Connect | Step::Recv(_) | Step::RecvEof);
            let result = if blocking && !first && result.is_some() {
                let wake = *self.apps[a]
                    .ready_at
                    .get_or_insert(now + self.profile.app_wakeup);
                if wake > now {
                    self.push(wake, Ev::App(a));
                    return;
                }
                result
            } else {
                result
            };
            let Some(r) = result else { return };
            self.app_record(
                a,
                match r {
                    Ok(()) => AppOutcome::Done,
                    Err(f) => AppOutcome::Failed(f),
                },
            );
            let app = &mut self.apps[a];
            let pc = app.pc;
            app.pc += 1;
            app.started = false;
            app.wait_until = None;
            app.ready_at = None;
            if let Err(f) = r {
                // A server goes on with its next `accept`, a client with its next `connect`:
                // one failed connection does not end the others.
                let next = if a == 0 { Step::Accept } else { Step::Connect };
                match app.steps[pc + 1..].iter().position(|s| *s == next) {
                    Some(k) => {
                        app.pc = pc + 1 + k;
                        app.current = None;
                    }
                    None => app.stopped = true,
                }
                self.trace.errors.push(ErrorRecord {
                    t: now,
                    side,
                    step: self.apps[a].steps[pc].to_string(),
                    failure: f,
                    client: (a > 0).then(|| a - 1),
                });
            }
        }
    }

    fn app_record(&mut self, a: usize, outcome: AppOutcome) {
        let app = &self.apps[a];
        self.trace.app.push(AppRecord {
            t: self.now,
            side: if a == 0 { Side::Server } else { Side::Client },
            step_index: app.pc,
            outcome,
            client: (a > 0).then(|| a - 1),
            conn: app.current,
        });
    }

    fn connect_done(&self, a: usize) -> Option<Result<(), AppFailure>> {
        let ep = self.apps[a]
            .current
            .and_then(|c| self.conns[c].ends[0].as_deref())?;
        ep.handshake_outcome().map(|r| r.map_err(AppFailure::Conn))
    }

    fn wake_if_due(&mut self, a: usize) -> Option<Result<(), AppFailure>> {
        match self.apps[a].wait_until {
            Some(t) if t > self.now => {
                self.push(t, Ev::App(a));
                None
            }
            _ => Some(Ok(())),
        }
    }

    /// A step on the application's current connection, as the one-connection run does it.
    fn conn_step(
        &mut self,
        a: usize,
        c: usize,
        end: usize,
        step: Step,
        first: bool,
    ) -> Option<Result<(), AppFailure>> {
        let now = self.now;
        let side = if end == 0 { Side::Client } else { Side::Server };
        let ep = self.conns[c].ends[end].as_deref_mut()?;
        let conn = |r: Result<(), ConnError>| Some(r.map_err(AppFailure::Conn));
        match step {
            Step::Send(n) => {
                let r = ep.send(now, n);
                if r.is_ok() {
                    self.trace.bytes_sent[side.index()] += n as u64;
                }
                conn(r)
            }
            Step::Recv(n) => {
                if first {
                    self.apps[a].recv_left = n;
                }
                let got = ep.read(self.apps[a].recv_left);
                self.trace.bytes_read[side.index()] += got;
                self.apps[a].recv_left -= got;
                if self.apps[a].recv_left == 0 {
                    Some(Ok(()))
                } else if let Some(e) = ep.error() {
                    Some(Err(AppFailure::Conn(e)))
                } else if ep.eof() {
                    Some(Err(AppFailure::EofBeforeData))
                } else {
                    None
                }
            }
            Step::RecvEof => {
                let got = ep.read(u64::MAX);
                self.trace.bytes_read[side.index()] += got;
                if ep.eof() {
                    Some(Ok(()))
                } else {
                    ep.error().map(|e| Err(AppFailure::Conn(e)))
                }
            }
            Step::Shutdown => conn(ep.shutdown(now)),
            Step::Close => conn(ep.close(now)),
            Step::Abort => conn(ep.abort(now)),
            Step::Crash => {
                ep.crash(now);
                Some(Ok(()))
            }
            // A second `listen` or an `accept` on a client, a `connect` on the server.
            Step::Listen | Step::Accept | Step::Connect => {
                Some(Err(AppFailure::Conn(ConnError::NotConnected)))
            }
            Step::Sleep(_) | Step::At(_) => Some(Ok(())),
        }
    }
}

/// Adds a run's connections, listener record and corruptions to its JSON trace.
pub(crate) fn write_trace_json(trace: &Trace, l: &ListenerRecord, v: &mut Value) {
    let conns: Vec<Value> = trace
        .connections
        .iter()
        .map(|c| {
            let mut o = json!({
                "id": c.id,
                "client_addr": addr_text(c.client_addr),
                "client_port": c.client_port,
                "server": format!("{}:{SERVER_PORT}", addr_text(SERVER_ADDR)),
                "opened_ms": c.opened.as_ms(),
                "client_isn": c.client_isn,
                "server_isn": c.server_isn,
                "final": {
                    "client": c.final_states[0].map(State::rfc_name),
                    "server": c.final_states[1].map(State::rfc_name),
                },
            });
            match c.origin {
                Origin::Client(i) => o["client"] = json!(i),
                Origin::Flood => o["flood"] = json!(true),
            }
            if c.cookie {
                o["cookie"] = json!(true);
            }
            o
        })
        .collect();
    v["connections"] = Value::from(conns);
    v["listener"] = l.to_json();
    v["corruptions"] = Value::from(
        trace
            .corruptions
            .iter()
            .map(|k| {
                json!({"t_ms": k.t.as_ms(), "segment": k.segment, "from_conn": k.from_conn,
                       "into_conn": k.into_conn, "bytes": k.bytes})
            })
            .collect::<Vec<_>>(),
    );
}
