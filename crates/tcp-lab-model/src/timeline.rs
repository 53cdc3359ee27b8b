//! The playhead and the two maps the app draws time with: the sorted index of
//! event instants (for stepping and scrubbing) and the wall-clock schedule
//! that decides how fast virtual time runs while playing.
//!
//! Virtual time in a run spans ten microseconds to four minutes, so neither a
//! linear clock nor a linear axis can show it. Playback therefore runs at a
//! rate chosen per stretch between two events: a stretch with a segment
//! crossing the link takes [`CROSSING_WALL_MS`] per one-way delay, so every
//! crossing looks the same whatever the link delay; a stretch where nothing
//! moves is compressed logarithmically and eases out toward its end, so a
//! 60 s TIME-WAIT passes in a few seconds while its last second still ticks
//! visibly.

use tcp_sim::Instant;

/// Wall time (at 1×) for a segment to cross the link.
pub const CROSSING_WALL_MS: f64 = 1200.0;
/// Wall time (at 1×) spent on "before the start" before the first event.
pub const START_PAUSE_WALL_MS: f64 = 600.0;
/// The longest wall time (at 1×) any quiet stretch may take.
pub const MAX_IDLE_WALL_MS: f64 = 5000.0;
/// Fast-forward is offered when the next event is further than this (wall ms at 1×).
pub const FAST_FORWARD_MIN_WALL_MS: f64 = 1500.0;
/// Fast-forward stops this much virtual time before the next event, at most.
pub const FAST_FORWARD_LEFT_MS: f64 = 2000.0;

/// Where the playhead is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Playhead {
    /// Before anything happened: both endpoints are CLOSED.
    Start,
    /// Every event at or before this instant has happened.
    At(Instant),
}

impl Playhead {
    /// True when an event at `t` has happened at this playhead.
    pub fn reached(self, t: Instant) -> bool {
        match self {
            Playhead::Start => false,
            Playhead::At(p) => t <= p,
        }
    }

    /// The playhead in milliseconds; "before the start" is −1 so that it
    /// still sorts first in `data-time-ms`.
    pub fn as_ms(self) -> f64 {
        match self {
            Playhead::Start => -1.0,
            Playhead::At(t) => t.as_ms(),
        }
    }

    pub fn instant(self) -> Option<Instant> {
        match self {
            Playhead::Start => None,
            Playhead::At(t) => Some(t),
        }
    }
}

/// The sorted, de-duplicated instants at which something happens.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct EventIndex {
    times: Vec<Instant>,
}

impl EventIndex {
    /// Builds the index; the start of the run (instant zero) is always an event.
    pub fn new(mut times: Vec<Instant>) -> EventIndex {
        times.push(Instant::ZERO);
        times.sort_unstable();
        times.dedup();
        EventIndex { times }
    }

    pub fn times(&self) -> &[Instant] {
        &self.times
    }

    pub fn last(&self) -> Instant {
        *self.times.last().expect("zero is always an event")
    }

    /// The first event strictly after the playhead.
    pub fn next_after(&self, p: Playhead) -> Option<Instant> {
        match p {
            Playhead::Start => self.times.first().copied(),
            Playhead::At(t) => {
                let i = self.times.partition_point(|&e| e <= t);
                self.times.get(i).copied()
            }
        }
    }

    /// The last event strictly before the playhead (or the start).
    pub fn previous_before(&self, p: Playhead) -> Playhead {
        match p {
            Playhead::Start => Playhead::Start,
            Playhead::At(t) => {
                let i = self.times.partition_point(|&e| e < t);
                if i == 0 {
                    Playhead::Start
                } else {
                    Playhead::At(self.times[i - 1])
                }
            }
        }
    }

    /// Index of the interval `[times[i], times[i+1])` holding `t`.
    fn interval_of(&self, t: Instant) -> usize {
        self.times
            .partition_point(|&e| e <= t)
            .saturating_sub(1)
            .min(self.times.len() - 1)
    }
}

/// How one stretch between two consecutive events is played.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Stretch {
    /// A segment crosses the link: linear, one crossing per [`CROSSING_WALL_MS`].
    Crossing,
    /// Nothing crosses: compressed, easing out toward the next event.
    /// `ease` is the time constant of the logarithmic ease, in virtual ms.
    Quiet { ease: f64 },
}

/// Maps virtual time to wall time at 1× and back.
#[derive(Clone, Debug, PartialEq)]
pub struct Schedule {
    /// Wall ms (at 1×) at each event of the index.
    walls: Vec<f64>,
    /// How the stretch after each event is played (the last one is unused).
    stretches: Vec<Stretch>,
}

impl Schedule {
    /// `crossing_delay_ms[i]` is the smallest one-way delay of the segments
    /// crossing during interval `i`, or `None` when nothing crosses then.
    /// `unit_ms` is the link's one-way delay, the yardstick for quiet stretches.
    pub fn new(events: &EventIndex, crossing_delay_ms: &[Option<f64>], unit_ms: f64) -> Schedule {
        let unit = unit_ms.max(0.001);
        let n = events.times.len();
        let mut walls = Vec::with_capacity(n);
        let mut stretches = Vec::with_capacity(n);
        let mut wall = START_PAUSE_WALL_MS;
        for i in 0..n {
            walls.push(wall);
            if i + 1 == n {
                stretches.push(Stretch::Crossing);
                break;
            }
            let len = (events.times[i + 1] - events.times[i]).as_ms();
            let (stretch, w) = match crossing_delay_ms.get(i).copied().flatten() {
                Some(d) => (Stretch::Crossing, len / d.max(0.001) * CROSSING_WALL_MS),
                None => {
                    let linear = len / unit * CROSSING_WALL_MS;
                    let compressed = 500.0 + 600.0 * (1.0 + len / (4.0 * unit)).ln();
                    let w = linear.min(compressed).min(MAX_IDLE_WALL_MS);
                    let ease = (len / 100.0).max(unit * 4.0);
                    (Stretch::Quiet { ease }, w)
                }
            };
            stretches.push(stretch);
            wall += w;
        }
        Schedule { walls, stretches }
    }

    /// The whole run, in wall ms at 1×.
    pub fn total(&self) -> f64 {
        *self.walls.last().unwrap_or(&0.0)
    }

    pub fn wall_of(&self, events: &EventIndex, p: Playhead) -> f64 {
        let Playhead::At(t) = p else {
            return 0.0;
        };
        let i = events.interval_of(t);
        if i + 1 >= events.times.len() || t <= events.times[i] {
            return if t >= events.times[i] {
                self.walls[i]
            } else {
                0.0
            };
        }
        let (a, b) = (events.times[i], events.times[i + 1]);
        let len = (b - a).as_ms();
        let u = (t - a).as_ms();
        let w = self.walls[i + 1] - self.walls[i];
        self.walls[i] + w * fraction_of(self.stretches[i], u, len)
    }

    pub fn playhead_of(&self, events: &EventIndex, wall: f64) -> Playhead {
        if wall < START_PAUSE_WALL_MS {
            return Playhead::Start;
        }
        let i = self.walls.partition_point(|&w| w <= wall).saturating_sub(1);
        if i + 1 >= self.walls.len() {
            return Playhead::At(events.last());
        }
        let (a, b) = (events.times[i], events.times[i + 1]);
        let len = (b - a).as_ms();
        let w = self.walls[i + 1] - self.walls[i];
        let f = if w > 0.0 {
            crate::numtext::clamp((wall - self.walls[i]) / w, 0.0, 1.0)
        } else {
            0.0
        };
        let u = virtual_of(self.stretches[i], f, len);
        // Never round onto the next event: it has not happened yet.
        let t = (a + tcp_sim::Duration::from_ms(u)).min(Instant(b.0.saturating_sub(1)));
        Playhead::At(t.max(a))
    }

    /// The wall time of the first event after the playhead (the end of the run if none).
    pub fn next_event_wall(&self, events: &EventIndex, p: Playhead) -> f64 {
        events
            .next_after(p)
            .map_or(self.total(), |t| self.wall_of(events, Playhead::At(t)))
    }

    /// Where fast-forward would move the playhead, if the next event is far enough away.
    pub fn fast_forward_target(&self, events: &EventIndex, p: Playhead) -> Option<Playhead> {
        let next = events.next_after(p)?;
        let here = self.wall_of(events, p);
        let there = self.wall_of(events, Playhead::At(next));
        if there - here < FAST_FORWARD_MIN_WALL_MS {
            return None;
        }
        let from = p.instant().unwrap_or(Instant::ZERO);
        let left = ((next - from).as_ms() / 2.0).min(FAST_FORWARD_LEFT_MS);
        let target = Instant::from_ms(next.as_ms() - left).max(from);
        Some(Playhead::At(target))
    }
}

/// The share of a stretch's wall time spent when `u` of its `len` virtual ms have passed.
fn fraction_of(stretch: Stretch, u: f64, len: f64) -> f64 {
    if len <= 0.0 {
        return 1.0;
    }
    match stretch {
        Stretch::Crossing => u / len,
        Stretch::Quiet { ease } => {
            let total = (1.0 + len / ease).ln();
            1.0 - (1.0 + (len - u).max(0.0) / ease).ln() / total
        }
    }
}

/// The inverse of [`fraction_of`]: virtual ms into the stretch at wall share `f`.
fn virtual_of(stretch: Stretch, f: f64, len: f64) -> f64 {
    let v = match stretch {
        Stretch::Crossing => f * len,
        Stretch::Quiet { ease } => {
            let total = (1.0 + len / ease).ln();
            len - ease * (((1.0 - f) * total).exp() - 1.0)
        }
    };
    crate::numtext::clamp(v, 0.0, len)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ms(v: f64) -> Instant {
        Instant::from_ms(v)
    }

    fn index() -> EventIndex {
        EventIndex::new(vec![ms(10.0), ms(20.0), ms(20.0), ms(60_020.0)])
    }

    #[test]
    fn test_stepping_visits_each_event_once_and_back() {
        let ev = index();
        assert_eq!(ev.times().len(), 4, "zero is added, duplicates removed");
        let mut p = Playhead::Start;
        let mut seen = vec![];
        while let Some(t) = ev.next_after(p) {
            seen.push(t);
            p = Playhead::At(t);
        }
        assert_eq!(seen, vec![ms(0.0), ms(10.0), ms(20.0), ms(60_020.0)]);
        assert_eq!(ev.previous_before(p), Playhead::At(ms(20.0)));
        assert_eq!(
            ev.previous_before(Playhead::At(ms(15.0))),
            Playhead::At(ms(10.0))
        );
        assert_eq!(ev.previous_before(Playhead::At(ms(0.0))), Playhead::Start);
        assert_eq!(ev.previous_before(Playhead::Start), Playhead::Start);
    }

    #[test]
    fn test_playhead_reached_and_order() {
        assert!(Playhead::Start < Playhead::At(Instant::ZERO));
        assert!(!Playhead::Start.reached(Instant::ZERO));
        assert!(Playhead::At(ms(5.0)).reached(ms(5.0)));
        assert!(!Playhead::At(ms(5.0)).reached(ms(5.1)));
    }

    #[test]
    fn test_crossing_takes_the_same_wall_time_whatever_the_delay() {
        for delay in [0.025, 10.0, 300.0] {
            let ev = EventIndex::new(vec![ms(delay)]);
            let s = Schedule::new(&ev, &[Some(delay)], delay);
            let w = s.wall_of(&ev, Playhead::At(ms(delay))) - s.wall_of(&ev, Playhead::At(ms(0.0)));
            assert!((w - CROSSING_WALL_MS).abs() < 1e-6, "delay {delay}: {w}");
        }
    }

    #[test]
    fn test_long_quiet_stretch_is_compressed_and_eases_out() {
        let ev = index();
        let s = Schedule::new(&ev, &[Some(10.0), Some(10.0), None], 10.0);
        let a = s.wall_of(&ev, Playhead::At(ms(20.0)));
        let b = s.wall_of(&ev, Playhead::At(ms(60_020.0)));
        assert!(
            b - a <= MAX_IDLE_WALL_MS + 1e-9 && b - a > 2000.0,
            "{}",
            b - a
        );
        // The last second of the minute takes a visible share of the wall time.
        let last_second = b - s.wall_of(&ev, Playhead::At(ms(59_020.0)));
        assert!(last_second > 600.0, "{last_second}");
    }

    #[test]
    fn test_wall_and_playhead_round_trip() {
        let ev = index();
        let s = Schedule::new(&ev, &[Some(10.0), Some(10.0), None], 10.0);
        for t in [0.0, 3.0, 10.0, 17.5, 20.0, 1000.0, 59_999.0] {
            let p = Playhead::At(ms(t));
            let back = s.playhead_of(&ev, s.wall_of(&ev, p));
            let got = back.as_ms();
            assert!((got - t).abs() < 0.01, "{t} -> {got}");
        }
        assert_eq!(s.playhead_of(&ev, 0.0), Playhead::Start);
        assert_eq!(
            s.playhead_of(&ev, s.total() + 5.0),
            Playhead::At(ms(60_020.0))
        );
    }

    #[test]
    fn test_scrubbing_never_lands_on_an_event_early() {
        let ev = index();
        let s = Schedule::new(&ev, &[Some(10.0), Some(10.0), None], 10.0);
        let just_before = s.wall_of(&ev, Playhead::At(ms(10.0))) - 1e-9;
        assert!(s.playhead_of(&ev, just_before) < Playhead::At(ms(10.0)));
    }

    #[test]
    fn test_fast_forward_stops_just_before_the_long_wait_ends() {
        let ev = index();
        let s = Schedule::new(&ev, &[Some(10.0), Some(10.0), None], 10.0);
        assert_eq!(
            s.fast_forward_target(&ev, Playhead::At(ms(5.0))),
            None,
            "a crossing is short"
        );
        let target = s.fast_forward_target(&ev, Playhead::At(ms(20.0))).unwrap();
        assert_eq!(target, Playhead::At(ms(58_020.0)));
        let left = s.wall_of(&ev, Playhead::At(ms(60_020.0))) - s.wall_of(&ev, target);
        assert!(left > 800.0, "the countdown stays visible: {left}");
    }

    #[test]
    fn test_jumping_in_a_long_run_is_fast() {
        let times: Vec<Instant> = (0..4000).map(|i| ms(i as f64 * 7.0)).collect();
        let ev = EventIndex::new(times);
        let crossing = vec![Some(10.0); ev.times().len()];
        let s = Schedule::new(&ev, &crossing, 10.0);
        let start = std::time::Instant::now();
        for k in 0..10_000 {
            let w = s.total() * (k as f64 / 10_000.0);
            let p = s.playhead_of(&ev, w);
            let _ = ev.next_after(p);
        }
        assert!(start.elapsed().as_millis() < 100, "{:?}", start.elapsed());
    }
}
