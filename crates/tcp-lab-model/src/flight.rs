//! Where segments and timers are in virtual time: what the run's indexes, its
//! ladder layout and its log are built from.

use tcp_sim::{Dir, Duration, Instant, Side, TimerKind};

use crate::timeline::Playhead;

/// Where a segment travels, in virtual time.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Flight {
    pub dir: Dir,
    pub sent: Instant,
    /// When the last copy arrives, or where a lost segment vanishes.
    pub end: Instant,
    /// For a lost segment: the instant it is drawn vanishing.
    pub lost_at: Option<Instant>,
}

impl Flight {
    pub fn in_flight(&self, p: Playhead) -> bool {
        p.reached(self.sent) && !p.reached(self.end)
    }
}

/// One run of a timer, from arming to firing, stopping or re-arming.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TimerSpan {
    pub side: Side,
    pub kind: TimerKind,
    pub start: Instant,
    pub deadline: Instant,
    /// When it stopped running (fired, stopped or re-armed).
    pub end: Instant,
}

/// A timer running at the playhead, for the countdowns.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RunningTimer {
    pub kind: TimerKind,
    pub remaining: Duration,
    pub total: Duration,
}
