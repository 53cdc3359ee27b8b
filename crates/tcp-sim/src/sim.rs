//! The simulation: two endpoints, their applications, and a seeded link.
//! It is the only place that moves time forward.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use crate::endpoint::{Endpoint, EndpointEvent};
use crate::link::LinkFates;
use crate::scenario::{Scenario, Step};
use crate::segment::{Flags, Segment};
use crate::state::{Dir, Side};
use crate::time::{Duration, Instant};
use crate::trace::{
    relative_numbers, AppFailure, AppOutcome, AppRecord, ArrivalRecord, ErrorRecord, Fate,
    FateSource, HighestSent, SegmentRecord, TimerRecord, Trace, TransitionRecord, Trigger,
};

/// Safety limits so that no scenario, however odd, runs forever.
const MAX_VIRTUAL_TIME: Duration = Duration::from_secs(24 * 3600);
const MAX_EVENTS: u64 = 5_000_000;

/// Why [`Simulation::set_fate`] refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FateError {
    /// No segment with that id has been sent.
    NoSuchSegment,
    /// It already arrived or was already lost.
    NotInFlight,
}

impl std::fmt::Display for FateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            FateError::NoSuchSegment => "no segment with that id",
            FateError::NotInFlight => "that segment is no longer in flight",
        })
    }
}

impl std::error::Error for FateError {}

#[derive(Clone, Debug)]
struct AppRunner {
    steps: Vec<Step>,
    pc: usize,
    started: bool,
    wait_until: Option<Instant>,
    recv_left: u64,
    /// A blocked call saw its condition met and returns at this time.
    ready_at: Option<Instant>,
    stopped: bool,
}

impl AppRunner {
    fn new(steps: &[Step]) -> AppRunner {
        AppRunner {
            steps: steps.to_vec(),
            pc: 0,
            started: false,
            wait_until: None,
            recv_left: 0,
            ready_at: None,
            stopped: false,
        }
    }
}

/// A copy of a segment on its way: `(arrival, order, segment id, is the duplicate copy)`.
type InFlight = Reverse<(Instant, u64, usize, bool)>;

/// A deterministic run of one scenario, advanced event by event.
///
/// ```
/// use tcp_sim::{named, Simulation, Side, State};
///
/// let mut sim = Simulation::new(&named::normal());
/// sim.run_to_end();
/// let trace = sim.trace();
/// assert_eq!(trace.segments[0].flags_str(), "S");
/// assert_eq!(trace.final_state(Side::Server), State::Closed);
/// assert!(trace.summary().starts_with("c:S, s:SA, c:A"));
/// ```
#[derive(Clone, Debug)]
pub struct Simulation {
    now: Instant,
    scenario: Scenario,
    endpoints: [Endpoint; 2],
    apps: [AppRunner; 2],
    in_flight: BinaryHeap<InFlight>,
    wire: Vec<Segment>,
    link: LinkFates,
    first_isn: [u32; 2],
    injections_left: Vec<usize>,
    order: u64,
    events: u64,
    /// Per direction, the end of the highest sequence range sent so far.
    highest_sent: [HighestSent; 2],
    /// While an arrival is being processed: its index in `trace.arrivals`.
    current_arrival: Option<usize>,
    trace: Trace,
}

impl Simulation {
    /// Sets up a run of `scenario` at time zero and starts both sides' first steps.
    pub fn new(scenario: &Scenario) -> Simulation {
        let profile = scenario.effective_profile();
        let endpoints = [
            Endpoint::new(Side::Client, profile, scenario.seed),
            Endpoint::new(Side::Server, profile, scenario.seed),
        ];
        let first_isn = [endpoints[0].peek_next_isn(), endpoints[1].peek_next_isn()];
        let mut injections_left: Vec<usize> = (0..scenario.inject.len()).collect();
        // Unstable is enough: the key ends with the index, so it is unique.
        injections_left.sort_unstable_by_key(|&i| Reverse((scenario.inject[i].at, i)));
        let mut sim = Simulation {
            now: Instant::ZERO,
            scenario: scenario.clone(),
            endpoints,
            apps: [
                AppRunner::new(&scenario.client),
                AppRunner::new(&scenario.server),
            ],
            in_flight: BinaryHeap::new(),
            wire: Vec::new(),
            link: LinkFates::new(scenario),
            first_isn,
            injections_left,
            order: 0,
            events: 0,
            highest_sent: [HighestSent::default(); 2],
            current_arrival: None,
            trace: Trace {
                profile: Some(scenario.profile),
                ..Trace::default()
            },
        };
        sim.run_apps();
        sim
    }

    /// The current virtual time: that of the last event run.
    pub fn now(&self) -> Instant {
        self.now
    }

    /// The scenario being run.
    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    /// What the run has produced so far.
    pub fn trace(&self) -> &Trace {
        &self.trace
    }

    /// Ends the simulation, keeping what it produced.
    pub fn into_trace(self) -> Trace {
        self.trace
    }

    /// One side's endpoint, to inspect its state, sequence numbers and timers.
    pub fn endpoint(&self, side: Side) -> &Endpoint {
        &self.endpoints[side.index()]
    }

    /// Ids of the segments on the link now.
    pub fn in_flight(&self) -> Vec<usize> {
        let mut ids: Vec<usize> = self.in_flight.iter().map(|Reverse(e)| e.2).collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// How many events (arrivals, timer expiries, application wake-ups) ran.
    pub fn event_count(&self) -> u64 {
        self.events
    }

    /// Changes the fate of a segment that is still in flight.
    pub fn set_fate(&mut self, id: usize, fate: Fate) -> Result<(), FateError> {
        let rec = self
            .trace
            .segments
            .get(id)
            .ok_or(FateError::NoSuchSegment)?;
        let in_flight = self.in_flight.iter().any(|Reverse(e)| e.2 == id && !e.3);
        if !in_flight {
            return Err(FateError::NotInFlight);
        }
        let arrive = rec.arrive.expect("in flight, so it has an arrival time");
        self.in_flight.retain(|Reverse(e)| e.2 != id);
        let rec = &mut self.trace.segments[id];
        rec.fate = fate;
        rec.fate_source = FateSource::Live;
        rec.duplicate_arrive = None;
        match fate {
            Fate::Lost => rec.arrive = None,
            Fate::Delivered => {}
            Fate::Delayed(d) => rec.arrive = Some(arrive + d),
            Fate::Duplicated => rec.duplicate_arrive = Some(arrive),
        }
        let (a, dup) = (rec.arrive, rec.duplicate_arrive);
        if let Some(a) = a {
            self.push_in_flight(a, id, false);
        }
        if let Some(d) = dup {
            self.push_in_flight(d, id, true);
        }
        Ok(())
    }

    /// When the next event is due, or `None` when nothing is left to happen.
    pub fn next_event_time(&self) -> Option<Instant> {
        let mut t: Option<Instant> = None;
        let mut consider = |x: Option<Instant>| {
            if let Some(x) = x {
                t = Some(t.map_or(x, |t| t.min(x)));
            }
        };
        consider(self.in_flight.peek().map(|Reverse(e)| e.0));
        for ep in &self.endpoints {
            consider(ep.poll_timeout());
        }
        for app in &self.apps {
            if !app.stopped {
                consider(app.wait_until);
                consider(app.ready_at);
            }
        }
        consider(
            self.injections_left
                .last()
                .map(|&i| self.scenario.inject[i].at),
        );
        t
    }

    /// Runs the next event. Returns false when nothing is left or a safety limit is hit.
    pub fn step(&mut self) -> bool {
        let Some(t) = self.next_event_time() else {
            return false;
        };
        if t > Instant::ZERO + MAX_VIRTUAL_TIME || self.events >= MAX_EVENTS {
            self.trace.truncated = true;
            return false;
        }
        self.now = self.now.max(t);
        self.events += 1;
        self.trace.end = self.now;

        if let Some(&i) = self.injections_left.last() {
            if self.scenario.inject[i].at <= self.now {
                self.injections_left.pop();
                self.inject(i);
                return true;
            }
        }
        if let Some(&Reverse((arrive, _, id, _))) = self.in_flight.peek() {
            if arrive <= self.now {
                self.in_flight.pop();
                self.deliver(id);
                return true;
            }
        }
        for side in Side::BOTH {
            if self.endpoints[side.index()]
                .poll_timeout()
                .is_some_and(|d| d <= self.now)
            {
                self.endpoints[side.index()].handle_timeout(self.now);
                self.drain(side, None);
                self.run_apps();
                return true;
            }
        }
        self.run_apps();
        true
    }

    /// Runs until nothing is left to happen (TIME-WAIT expiry included).
    pub fn run_to_end(&mut self) {
        while self.step() {}
    }

    /// Runs every event due at or before `t`.
    pub fn run_until(&mut self, t: Instant) {
        while self.next_event_time().is_some_and(|n| n <= t) {
            if !self.step() {
                break;
            }
        }
        self.now = self.now.max(t);
    }

    fn push_in_flight(&mut self, arrive: Instant, id: usize, dup: bool) {
        self.order += 1;
        self.in_flight.push(Reverse((arrive, self.order, id, dup)));
    }

    fn deliver(&mut self, id: usize) {
        let seg = self.wire[id];
        let receiver = self.trace.segments[id].dir.receiver();
        self.current_arrival = Some(self.trace.arrivals.len());
        self.trace.arrivals.push(ArrivalRecord {
            t: self.now,
            segment: id,
            receiver_state: self.endpoints[receiver.index()].state(),
        });
        self.endpoints[receiver.index()].handle_segment(self.now, seg);
        self.drain(receiver, Some(Trigger::Segment(id)));
        // What the applications do at once in reaction is part of the answer too.
        self.run_apps();
        self.current_arrival = None;
    }

    fn inject(&mut self, i: usize) {
        let inj = self.scenario.inject[i];
        let sender = inj.dir.sender();
        let seq = self.first_isn[sender.index()].wrapping_add(inj.seq_offset as u32);
        let ack = self.first_isn[sender.peer().index()].wrapping_add(inj.ack_offset as u32);
        let profile = self.scenario.profile.profile();
        let segment = Segment {
            seq,
            ack: if inj.flags.ack() { ack } else { 0 },
            flags: inj.flags,
            len: 0,
            window: profile.syn_window,
            syn_options: inj.flags.syn().then_some(profile.syn_options),
            // An old segment carries an old timestamp (or none), so PAWS can spot it.
            timestamps: None,
        };
        self.record_segment(
            sender,
            segment,
            crate::cause::SendReason::OldDuplicate,
            None,
        );
    }

    /// Moves an endpoint's outputs onto the link and its events into the trace.
    fn drain(&mut self, side: Side, trigger: Option<Trigger>) {
        let mut trigger = trigger;
        let now = self.now;
        let i = side.index();
        while let Some(ev) = self.endpoints[i].poll_event() {
            match ev {
                EndpointEvent::Transition {
                    from,
                    to,
                    cause,
                    socket,
                } => {
                    self.trace.transitions.push(TransitionRecord {
                        t: now,
                        side,
                        socket,
                        from,
                        to,
                        cause,
                        trigger: trigger.unwrap_or(Trigger::App(self.apps[i].pc)),
                        certainty: None,
                        conn: None,
                    });
                }
                EndpointEvent::Timer { kind, deadline } => self.trace.timers.push(TimerRecord {
                    t: now,
                    side,
                    kind,
                    deadline,
                    fired: false,
                    conn: None,
                }),
                EndpointEvent::TimerFired { kind } => {
                    trigger = Some(Trigger::Timer(kind));
                    self.trace.timers.push(TimerRecord {
                        t: now,
                        side,
                        kind,
                        deadline: None,
                        fired: true,
                        conn: None,
                    });
                }
                EndpointEvent::Error(_) | EndpointEvent::Delivered { .. } => {}
            }
        }
        while let Some(out) = self.endpoints[i].poll_output() {
            let cause = trigger.unwrap_or(Trigger::App(self.apps[i].pc));
            self.record_segment(side, out.segment, out.reason, Some(cause));
        }
        if self.trace.isn[i].is_none() {
            self.trace.isn[i] = self.endpoints[i].iss();
        }
    }

    fn record_segment(
        &mut self,
        sender: Side,
        segment: Segment,
        reason: crate::cause::SendReason,
        trigger: Option<Trigger>,
    ) {
        let injected = trigger.is_none();
        let id = self.trace.segments.len();
        let dir = sender.dir();
        let (fate, source) = self.choose_fate(id, dir, segment.flags);
        let delay = self.scenario.one_way_delay[dir.index()];
        let normal_arrival = self.now + delay;
        let (arrive, duplicate_arrive) = match fate {
            Fate::Delivered => (Some(normal_arrival), None),
            Fate::Lost => (None, None),
            Fate::Delayed(d) => (Some(normal_arrival + d), None),
            Fate::Duplicated => (Some(normal_arrival), Some(normal_arrival)),
        };
        let sender_isn = if injected {
            Some(self.first_isn[sender.index()])
        } else {
            self.endpoints[sender.index()].iss()
        };
        let receiver_isn = self.endpoints[sender.peer().index()]
            .iss()
            .or(injected.then_some(self.first_isn[sender.peer().index()]));
        let (seq_rel, ack_rel) = relative_numbers(&segment, sender_isn, receiver_isn);
        // An injected old duplicate is not this connection's sending.
        let retransmission = !injected && self.highest_sent[dir.index()].note(&segment);
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
            injected,
            trigger,
            in_reply_to: match trigger {
                Some(Trigger::Segment(_) | Trigger::App(_)) => self.current_arrival,
                _ => None,
            },
            conn: None,
        });
        self.wire.push(segment);
        if let Some(a) = arrive {
            self.push_in_flight(a, id, false);
        }
        if let Some(a) = duplicate_arrive {
            self.push_in_flight(a, id, true);
        }
    }

    fn choose_fate(&mut self, id: usize, dir: Dir, flags: Flags) -> (Fate, FateSource) {
        self.link.choose(id, dir, flags)
    }

    // ----- applications ----------------------------------------------------

    fn run_apps(&mut self) {
        loop {
            let mut progressed = false;
            for side in Side::BOTH {
                progressed |= self.run_app(side);
            }
            if !progressed {
                break;
            }
        }
    }

    /// Runs one side's steps until one has to wait. Returns true if any step finished.
    fn run_app(&mut self, side: Side) -> bool {
        let i = side.index();
        let now = self.now;
        let mut progressed = false;
        loop {
            let app = &self.apps[i];
            if app.stopped || app.pc >= app.steps.len() {
                return progressed;
            }
            let step = app.steps[app.pc];
            let pc = app.pc;
            let first = !app.started;
            if first {
                self.apps[i].started = true;
                self.trace.app.push(AppRecord {
                    t: now,
                    side,
                    step_index: pc,
                    outcome: AppOutcome::Started,
                    client: None,
                    conn: None,
                });
            }
            let ep = &mut self.endpoints[i];
            let result: Option<Result<(), AppFailure>> = match step {
                Step::Listen => Some(ep.listen(now).map_err(AppFailure::Conn)),
                Step::Connect => {
                    if first {
                        if let Err(e) = ep.connect(now) {
                            Some(Err(AppFailure::Conn(e)))
                        } else {
                            None
                        }
                    } else {
                        ep.handshake_outcome().map(|r| r.map_err(AppFailure::Conn))
                    }
                }
                // One connection: accept returns once the handshake is complete.
                Step::Accept => ep.handshake_outcome().map(|r| r.map_err(AppFailure::Conn)),
                Step::Send(n) => {
                    let r = ep.send(now, n).map_err(AppFailure::Conn);
                    if r.is_ok() {
                        self.trace.bytes_sent[i] += n as u64;
                    }
                    Some(r)
                }
                Step::Recv(n) => {
                    if first {
                        self.apps[i].recv_left = n;
                    }
                    let ep = &mut self.endpoints[i];
                    let got = ep.read(self.apps[i].recv_left);
                    self.trace.bytes_read[i] += got;
                    self.apps[i].recv_left -= got;
                    if self.apps[i].recv_left == 0 {
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
                    self.trace.bytes_read[i] += got;
                    let ep = &self.endpoints[i];
                    if ep.eof() {
                        Some(Ok(()))
                    } else {
                        ep.error().map(|e| Err(AppFailure::Conn(e)))
                    }
                }
                Step::Shutdown => Some(ep.shutdown(now).map_err(AppFailure::Conn)),
                Step::Close => Some(ep.close(now).map_err(AppFailure::Conn)),
                Step::Abort => Some(ep.abort(now).map_err(AppFailure::Conn)),
                Step::Crash => {
                    ep.crash(now);
                    Some(Ok(()))
                }
                Step::Sleep(d) => {
                    if first {
                        self.apps[i].wait_until = Some(now + d);
                    }
                    self.wake_if_due(i)
                }
                Step::At(t) => {
                    if first {
                        self.apps[i].wait_until = Some(t);
                    }
                    self.wake_if_due(i)
                }
            };
            self.drain(side, Some(Trigger::App(pc)));
            let blocking = matches!(
                step,
                Step::Connect | Step::Accept | Step::Recv(_) | Step::RecvEof
            );
            let result = if blocking && !first && result.is_some() {
                // The call was blocked; the application needs a moment to run again.
                let wake = *self.apps[i]
                    .ready_at
                    .get_or_insert(now + self.scenario.profile.profile().app_wakeup);
                if wake > now {
                    return progressed;
                }
                result
            } else {
                result
            };
            match result {
                None => return progressed,
                Some(r) => {
                    progressed = true;
                    let app = &mut self.apps[i];
                    app.pc += 1;
                    app.started = false;
                    app.wait_until = None;
                    app.ready_at = None;
                    let outcome = match r {
                        Ok(()) => AppOutcome::Done,
                        Err(f) => {
                            app.stopped = true;
                            self.trace.errors.push(ErrorRecord {
                                t: now,
                                side,
                                step: step.to_string(),
                                failure: f,
                                client: None,
                            });
                            AppOutcome::Failed(f)
                        }
                    };
                    self.trace.app.push(AppRecord {
                        t: now,
                        side,
                        step_index: pc,
                        outcome,
                        client: None,
                        conn: None,
                    });
                }
            }
        }
    }

    fn wake_if_due(&mut self, i: usize) -> Option<Result<(), AppFailure>> {
        match self.apps[i].wait_until {
            Some(t) if t > self.now => None,
            _ => Some(Ok(())),
        }
    }
}

/// Runs a scenario to the end and returns its trace. A scenario with many clients, a flood or
/// listener settings runs as a server with many connections ([`crate::server`]).
pub fn run(scenario: &Scenario) -> Trace {
    if scenario.is_server_run() {
        return crate::server::run(scenario);
    }
    run_one_connection(scenario)
}

/// Runs a scenario of one client and one server (not a server run: its
/// `clients`, `listener` and `flood` are ignored). A program that only ever
/// runs such scenarios calls this rather than [`run`], so that the server
/// simulation is not linked into it: the web app's wasm is about 19 KB
/// gzipped smaller.
pub fn run_one_connection(scenario: &Scenario) -> Trace {
    let mut sim = Simulation::new(scenario);
    sim.run_to_end();
    sim.into_trace()
}
