//! One simulated run and everything the views derive from it, computed once
//! per run so that moving the playhead never re-runs the simulation.

use std::ops::Deref;
use std::rc::Rc;

use tcp_sim::{Dir, Fate, Instant, Scenario, Side, State, TimerKind, Trace, TransitionRecord};

use crate::faults::ArmTarget;
use crate::flight::{Flight, RunningTimer, TimerSpan};
use crate::layout::LadderLayout;
use crate::log::{build_log, LogEntry};
use crate::timeline::{EventIndex, Playhead, Schedule};

/// A run: the scenario, its trace, and the indexes the views use.
#[derive(Debug)]
pub struct Run {
    pub scenario: Scenario,
    pub trace: Trace,
    pub flights: Vec<Flight>,
    pub events: EventIndex,
    pub schedule: Schedule,
    pub layout: LadderLayout,
    pub timers: Vec<TimerSpan>,
    pub log: Vec<LogEntry>,
    /// The longest time any segment spent on the link.
    pub max_flight: tcp_sim::Duration,
    /// When each flight ends, sorted, so the views can tell in one binary
    /// search how many segments have landed.
    pub landed_times: Vec<Instant>,
    /// The textbook's names for the run's numbers (x, y, u, v, w), for `nums=sym`.
    pub symbols: tcp_sim::Symbols,
    /// For a server run (a listener with many connections): the server view's index.
    pub server: Option<crate::server::ServerIndex>,
}

impl Run {
    /// Runs the scenario. `drawn_losses` gives, for segments the learner dropped
    /// while they were in flight, the instant they were dropped: they are drawn
    /// vanishing there instead of halfway (but never before it is well on
    /// its way, so the loss is seen on the wire, not at the sender).
    pub fn new(scenario: Scenario, drawn_losses: &[(usize, Instant)]) -> Run {
        // A server run keeps its whole trace here (absolute times: playback and lesson stops
        // work on it); the ladder shows one of its connections (`crate::server`).
        let trace = tcp_sim::run(&scenario);
        Run::from_trace(scenario, trace, drawn_losses)
    }

    /// A trace made elsewhere (a capture's, see [`super::capture`]); the scenario's link delays
    /// set the ladder's pace.
    pub fn from_trace(scenario: Scenario, trace: Trace, drawn_losses: &[(usize, Instant)]) -> Run {
        let flights: Vec<Flight> = trace
            .segments
            .iter()
            .map(|s| {
                let nominal = s.sent + scenario.one_way_delay[s.dir.index()];
                match (s.fate, s.arrive) {
                    (Fate::Lost, _) | (_, None) => {
                        let part =
                            |share: u64| Instant(s.sent.0 + (nominal.0 - s.sent.0) * share / 10);
                        let at = drawn_losses
                            .iter()
                            .find(|(id, _)| *id == s.id)
                            .map_or(part(5), |&(_, t)| t.clamp(part(4), nominal));
                        Flight {
                            dir: s.dir,
                            sent: s.sent,
                            end: at,
                            lost_at: Some(at),
                        }
                    }
                    (_, Some(arrive)) => Flight {
                        dir: s.dir,
                        sent: s.sent,
                        end: s.duplicate_arrive.map_or(arrive, |d| d.max(arrive)),
                        lost_at: None,
                    },
                }
            })
            .collect();

        let mut times: Vec<Instant> = Vec::new();
        times.extend(flights.iter().flat_map(|f| [f.sent, f.end]));
        times.extend(trace.arrivals.iter().map(|a| a.t));
        times.extend(trace.transitions.iter().map(|t| t.t));
        times.extend(trace.timers.iter().filter(|t| t.fired).map(|t| t.t));
        times.extend(trace.errors.iter().map(|e| e.t));
        times.push(trace.end);
        let events = EventIndex::new(times);

        let schedule = Schedule::new(
            &events,
            &crossing_delays(&scenario, &flights, &events),
            unit_ms(&scenario),
        );
        let layout = LadderLayout::new(&events, &flights, unit_ms(&scenario));
        let timers = timer_spans(&trace);
        let log = build_log(&trace, &flights);
        let max_flight = flights
            .iter()
            .map(|f| f.end - f.sent)
            .max()
            .unwrap_or_default();
        let mut landed_times: Vec<Instant> = flights.iter().map(|f| f.end).collect();
        landed_times.sort_unstable();
        let symbols = trace.symbols();
        let server = crate::server::ServerIndex::new(&trace);
        Run {
            server,
            scenario,
            symbols,
            trace,
            flights,
            events,
            schedule,
            layout,
            timers,
            log,
            max_flight,
            landed_times,
        }
    }

    pub fn state_at(&self, side: Side, p: Playhead) -> State {
        match p {
            Playhead::Start => self.trace.initial_state(side),
            Playhead::At(t) => self.trace.state_at(side, t),
        }
    }

    /// The last transition of a side at or before the playhead.
    pub fn last_transition(&self, side: Side, p: Playhead) -> Option<(usize, &TransitionRecord)> {
        let n = self.transitions_reached(p);
        self.trace.transitions[..n]
            .iter()
            .enumerate()
            .rev()
            .find(|(_, t)| t.side == side)
    }

    /// How many transitions have happened at the playhead (they are in time order).
    pub fn transitions_reached(&self, p: Playhead) -> usize {
        self.trace.transitions.partition_point(|t| p.reached(t.t))
    }

    /// How many segments have been sent at the playhead (they are in time order).
    pub fn segments_sent(&self, p: Playhead) -> usize {
        self.trace.segments.partition_point(|s| p.reached(s.sent))
    }

    /// Ids of the segments whose flight overlaps `[from, to]`, in sending order.
    pub fn segments_between(&self, from: Instant, to: Instant) -> std::ops::Range<usize> {
        let earliest = Instant(from.0.saturating_sub(self.max_flight.0));
        let lo = self.trace.segments.partition_point(|s| s.sent < earliest);
        let hi = self.trace.segments.partition_point(|s| s.sent <= to);
        lo..hi.max(lo)
    }

    /// How many segments have finished their flight at the playhead.
    pub fn segments_landed(&self, p: Playhead) -> usize {
        self.landed_times.partition_point(|&t| p.reached(t))
    }

    /// Index of the last log entry at or before the playhead.
    pub fn log_position(&self, p: Playhead) -> Option<usize> {
        self.log.partition_point(|e| p.reached(e.t)).checked_sub(1)
    }

    /// Timers of one side running at the playhead, in the order they were armed.
    pub fn running_timers(&self, side: Side, p: Playhead) -> Vec<RunningTimer> {
        let Playhead::At(t) = p else {
            return Vec::new();
        };
        self.timers
            .iter()
            .filter(|s| s.side == side && s.start <= t && t < s.end)
            .map(|s| RunningTimer {
                kind: s.kind,
                remaining: s.deadline - t,
                total: s.deadline - s.start,
            })
            .collect()
    }

    /// How many segments going `dir` with exactly `flags` were sent at the playhead.
    pub fn count_sent(&self, dir: Dir, flags: tcp_sim::Flags, p: Playhead) -> u32 {
        self.trace.segments[..self.segments_sent(p)]
            .iter()
            .filter(|s| s.dir == dir && s.segment.flags == flags)
            .count() as u32
    }

    /// The kinds of segment (direction and exact flags) this run puts on the link, in the order
    /// they first appear: what a fate can be armed for.
    pub fn sent_kinds(&self) -> Vec<ArmTarget> {
        let mut kinds: Vec<ArmTarget> = Vec::new();
        for s in &self.trace.segments {
            let k = ArmTarget {
                dir: s.dir,
                flags: s.segment.flags,
            };
            if !kinds.contains(&k) {
                kinds.push(k);
            }
        }
        kinds
    }

    /// The playhead at the end of the run.
    pub fn end(&self) -> Playhead {
        Playhead::At(self.end_instant())
    }

    pub fn end_instant(&self) -> Instant {
        self.events.last()
    }

    /// Keeps the events and the schedule going until `end` (a later instant of a bigger run this
    /// one is part of), so that playback paced by this run can reach it. The ladder's rows stay
    /// this run's own.
    pub fn pace_until(&mut self, end: Instant) {
        if end <= self.end_instant() {
            return;
        }
        let mut times = self.events.times().to_vec();
        times.push(end);
        self.events = EventIndex::new(times);
        self.schedule = Schedule::new(
            &self.events,
            &crossing_delays(&self.scenario, &self.flights, &self.events),
            unit_ms(&self.scenario),
        );
    }
}

/// The link delay the schedule measures quiet stretches by.
fn unit_ms(scenario: &Scenario) -> f64 {
    let [a, b] = scenario.one_way_delay;
    a.min(b).as_ms()
}

/// For each interval between events, the smallest one-way delay of the
/// segments making an ordinary crossing then. A segment held up far beyond the
/// link delay does not count, so it moves visibly slower than the others.
fn crossing_delays(
    scenario: &Scenario,
    flights: &[Flight],
    events: &EventIndex,
) -> Vec<Option<f64>> {
    let times = events.times();
    let mut out: Vec<Option<f64>> = vec![None; times.len()];
    for f in flights {
        let nominal = scenario.one_way_delay[f.dir.index()].as_ms().max(0.001);
        if f.end <= f.sent || (f.end - f.sent).as_ms() > nominal * 1.5 + 1e-9 {
            continue;
        }
        let first = times.partition_point(|&t| t < f.sent);
        let last = times.partition_point(|&t| t < f.end);
        for slot in &mut out[first..last] {
            *slot = Some(slot.map_or(nominal, |d: f64| d.min(nominal)));
        }
    }
    out
}

/// Turns the timer records (armed, stopped, fired) into spans.
fn timer_spans(trace: &Trace) -> Vec<TimerSpan> {
    // The spans still running, by side and kind (a handful at most).
    let mut open: Vec<(Side, TimerKind, usize)> = Vec::new();
    let mut spans: Vec<TimerSpan> = Vec::new();
    for r in &trace.timers {
        if let Some(k) = open
            .iter()
            .position(|&(side, kind, _)| side == r.side && kind == r.kind)
        {
            let (_, _, i) = open.swap_remove(k);
            spans[i].end = r.t.min(spans[i].end);
        }
        if let (Some(deadline), false) = (r.deadline, r.fired) {
            open.push((r.side, r.kind, spans.len()));
            spans.push(TimerSpan {
                side: r.side,
                kind: r.kind,
                start: r.t,
                deadline,
                end: deadline,
            });
        }
    }
    spans
}

/// A shared run, compared by identity so that views re-render only when the run changes.
#[derive(Clone, Debug)]
pub struct RunRef(pub Rc<Run>);

impl PartialEq for RunRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Deref for RunRef {
    type Target = Run;
    fn deref(&self) -> &Run {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::log::LogKind;
    use tcp_sim::{named, Duration};

    fn normal() -> Run {
        Run::new(named::normal(), &[])
    }

    #[test]
    fn test_normal_run_starts_closed_and_ends_closed() {
        let run = normal();
        assert_eq!(run.state_at(Side::Client, Playhead::Start), State::Closed);
        assert_eq!(
            run.state_at(Side::Client, Playhead::At(Instant::ZERO)),
            State::SynSent
        );
        assert_eq!(
            run.state_at(Side::Server, Playhead::At(Instant::ZERO)),
            State::Listen
        );
        assert_eq!(run.state_at(Side::Client, run.end()), State::Closed);
        assert_eq!(run.state_at(Side::Server, run.end()), State::Closed);
    }

    #[test]
    fn test_flights_and_counts_follow_the_playhead() {
        let run = normal();
        let p = Playhead::At(Instant::from_ms(5.0));
        assert_eq!(run.segments_sent(p), 1);
        assert!(run.flights[0].in_flight(p));
        assert_eq!(run.segments_landed(p), 0);
        assert_eq!(
            run.count_sent(Dir::C2S, tcp_sim::Flags::parse("S").unwrap(), p),
            1
        );
        assert_eq!(
            run.count_sent(Dir::S2C, tcp_sim::Flags::parse("SA").unwrap(), p),
            0
        );
        let end = run.end();
        assert_eq!(run.segments_landed(end), run.trace.segments.len());
    }

    #[test]
    fn test_time_wait_timer_counts_down_on_the_client() {
        let run = normal();
        let tw = run
            .timers
            .iter()
            .find(|s| s.kind == TimerKind::TimeWait)
            .expect("the client enters TIME-WAIT");
        assert_eq!(tw.side, Side::Client);
        let mid = Playhead::At(Instant(tw.start.0 + (tw.deadline.0 - tw.start.0) / 2));
        let running = run.running_timers(Side::Client, mid);
        assert!(running.iter().any(|r| r.kind == TimerKind::TimeWait));
        assert!(run.running_timers(Side::Client, run.end()).is_empty());
    }

    #[test]
    fn test_lost_segment_vanishes_halfway_or_where_the_learner_dropped_it() {
        let sc = named::synack_lost();
        let run = Run::new(sc.clone(), &[]);
        let sa = run.trace.segments.iter().find(|s| s.lost()).unwrap();
        let f = run.flights[sa.id];
        assert_eq!((f.end - f.sent).as_ms(), 5.0);
        let run = Run::new(sc.clone(), &[(sa.id, sa.sent + Duration::from_ms(7.0))]);
        assert_eq!((run.flights[sa.id].end - sa.sent).as_ms(), 7.0);
        // Dropped as it left: it still gets 40% of the way.
        let run = Run::new(sc, &[(sa.id, sa.sent)]);
        assert_eq!((run.flights[sa.id].end - sa.sent).as_ms(), 4.0);
    }

    // The run's ladder layout and log.

    #[test]
    fn test_rows_go_down_and_the_playhead_follows() {
        let run = Run::new(named::normal(), &[]);
        let l = &run.layout;
        let ys: Vec<f64> = run.events.times().iter().map(|&t| l.y_at(t)).collect();
        assert!(ys.windows(2).all(|w| w[0] < w[1]), "{ys:?}");
        assert!(l.y_of(Playhead::Start) < ys[0]);
        let mid = Playhead::At(Instant::from_ms(5.0));
        assert!(l.y_of(mid) > ys[0] && l.y_of(mid) < ys[1]);
        assert!(l.height > *ys.last().unwrap());
    }

    #[test]
    fn test_time_at_inverts_y_at() {
        let run = Run::new(named::normal(), &[]);
        let l = &run.layout;
        for &t in run.events.times() {
            assert_eq!(l.time_at(l.y_at(t)), t);
        }
        let mid = Instant::from_ms(5.0);
        let back = l.time_at(l.y_at(mid)).as_ms();
        assert!((back - 5.0).abs() < 1e-6, "{back}");
        assert_eq!(l.time_at(-100.0), Instant::ZERO);
    }

    #[test]
    fn test_log_is_in_time_order_with_causes_first() {
        let run = Run::new(named::syn_lost(), &[]);
        assert!(run.log.windows(2).all(|w| w[0].t <= w[1].t));
        // The retransmission timer fires before the SYN it makes the client resend.
        let fired = run
            .log
            .iter()
            .position(|e| {
                matches!(
                    e.kind,
                    LogKind::TimerFired(Side::Client, TimerKind::RetransmitSyn)
                )
            })
            .unwrap();
        assert!(matches!(run.log[fired + 1].kind, LogKind::Sent(1)));
        assert!(run.log.iter().any(|e| e.kind == LogKind::Lost(0)));
    }
}
