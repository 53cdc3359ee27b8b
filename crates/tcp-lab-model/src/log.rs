//! The event log: one readable entry per thing that happened, in time order.

use tcp_sim::{Instant, Side, TimerKind, Trace};

use crate::flight::Flight;

/// What one log entry is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LogKind {
    /// A timer expired (by side and kind).
    TimerFired(Side, TimerKind),
    /// A state transition (index in `trace.transitions`).
    Transition(usize),
    /// A segment was sent (by id).
    Sent(usize),
    /// A segment was lost on the link (by id).
    Lost(usize),
    /// An application step failed (index in `trace.errors`).
    Failure(usize),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LogEntry {
    pub t: Instant,
    pub kind: LogKind,
}

impl LogKind {
    /// At one instant, a timer firing comes first, then the state change it
    /// causes, then the segments sent because of it.
    fn rank(self) -> u8 {
        match self {
            LogKind::TimerFired(..) => 0,
            LogKind::Transition(_) => 1,
            LogKind::Sent(_) => 2,
            LogKind::Lost(_) => 3,
            LogKind::Failure(_) => 4,
        }
    }
}

pub fn build_log(trace: &Trace, flights: &[Flight]) -> Vec<LogEntry> {
    let mut log: Vec<(LogEntry, usize)> = Vec::new();
    let mut push = |t: Instant, kind: LogKind| {
        let n = log.len();
        log.push((LogEntry { t, kind }, n));
    };
    for r in trace.timers.iter().filter(|r| r.fired) {
        push(r.t, LogKind::TimerFired(r.side, r.kind));
    }
    for (i, t) in trace.transitions.iter().enumerate() {
        push(t.t, LogKind::Transition(i));
    }
    for s in &trace.segments {
        push(s.sent, LogKind::Sent(s.id));
    }
    for (id, f) in flights.iter().enumerate() {
        if let Some(at) = f.lost_at {
            push(at, LogKind::Lost(id));
        }
    }
    for (i, e) in trace.errors.iter().enumerate() {
        push(e.t, LogKind::Failure(i));
    }
    log.sort_unstable_by_key(|(e, order)| (e.t, e.kind.rank(), *order));
    log.into_iter().map(|(e, _)| e).collect()
}
