//! The event log: one readable entry per thing that happened, in time order.

use tcp_sim::{Instant, Side, TimerKind, Trace};

use super::run::Flight;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::run::Run;
    use tcp_sim::named;

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
