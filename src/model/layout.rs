//! The vertical axis of the ladder diagram.
//!
//! Each event instant gets a row; the gap between two rows grows with the
//! logarithm of the time between them, so a 25 µs exchange and a 60 s
//! TIME-WAIT both fit on one screen. Segments sent (or arriving) at the same
//! instant in the same direction get lanes a few pixels apart, so they never
//! draw on top of each other.

use tcp_sim::{Dir, Instant};

use super::run::Flight;
use super::timeline::{EventIndex, Playhead};

/// Where the "before the start" row sits.
pub const START_Y: f64 = 48.0;
/// Where the first event's row sits.
const FIRST_ROW_Y: f64 = 78.0;
const MIN_GAP: f64 = 26.0;
const GAP_PER_DOUBLING: f64 = 24.0;
const MAX_GAP: f64 = 130.0;
/// Vertical distance between segments that share an instant and a direction.
pub const LANE: f64 = 16.0;
const BOTTOM_MARGIN: f64 = 40.0;

#[derive(Clone, Debug, PartialEq)]
pub struct LadderLayout {
    times: Vec<Instant>,
    ys: Vec<f64>,
    extra: Vec<f64>,
    /// Lane offset of each segment where it starts and where it ends.
    pub start_lane: Vec<f64>,
    pub end_lane: Vec<f64>,
    pub height: f64,
}

impl LadderLayout {
    pub fn new(events: &EventIndex, flights: &[Flight], unit_ms: f64) -> LadderLayout {
        let times = events.times().to_vec();
        let row = |t: Instant| times.partition_point(|&e| e < t);
        // Count segments per (row, direction) at their start and at their end.
        let mut starts = vec![[0u32; 2]; times.len()];
        let mut ends = vec![[0u32; 2]; times.len()];
        let mut start_lane = Vec::with_capacity(flights.len());
        let mut end_lane = Vec::with_capacity(flights.len());
        for f in flights {
            let d = dir_index(f.dir);
            let (a, b) = (row(f.sent), row(f.end));
            start_lane.push(starts[a][d] as f64 * LANE);
            end_lane.push(ends[b][d] as f64 * LANE);
            starts[a][d] += 1;
            ends[b][d] += 1;
        }
        let extra: Vec<f64> = starts
            .iter()
            .zip(&ends)
            .map(|(s, e)| {
                let lanes = s.iter().chain(e.iter()).copied().max().unwrap_or(0);
                lanes.saturating_sub(1) as f64 * LANE
            })
            .collect();
        let unit = unit_ms.max(0.001);
        let mut ys = Vec::with_capacity(times.len());
        let mut y = FIRST_ROW_Y;
        for i in 0..times.len() {
            if i > 0 {
                let dt = (times[i] - times[i - 1]).as_ms();
                y += extra[i - 1] + gap(dt, unit);
            }
            ys.push(y);
        }
        let height = y + extra.last().copied().unwrap_or(0.0) + BOTTOM_MARGIN;
        LadderLayout {
            times,
            ys,
            extra,
            start_lane,
            end_lane,
            height,
        }
    }

    /// The y of the playhead.
    pub fn y_of(&self, p: Playhead) -> f64 {
        match p {
            Playhead::Start => START_Y,
            Playhead::At(t) => self.y_at(t),
        }
    }

    /// The y of an instant: its row if it is an event, else between rows.
    pub fn y_at(&self, t: Instant) -> f64 {
        let i = self.times.partition_point(|&e| e <= t);
        if i == 0 {
            return FIRST_ROW_Y;
        }
        let i = i - 1;
        if self.times[i] == t || i + 1 == self.times.len() {
            return self.ys[i];
        }
        let from = self.ys[i] + self.extra[i];
        let to = self.ys[i + 1];
        let f = (t - self.times[i]).as_ms() / (self.times[i + 1] - self.times[i]).as_ms();
        from + (to - from) * f
    }
}

impl LadderLayout {
    /// The instant drawn at height `y` (the inverse of [`LadderLayout::y_at`]).
    pub fn time_at(&self, y: f64) -> Instant {
        let i = self.ys.partition_point(|&row| row <= y);
        if i == 0 {
            return self.times[0];
        }
        let i = i - 1;
        if i + 1 == self.times.len() {
            return self.times[i];
        }
        let from = self.ys[i] + self.extra[i];
        let to = self.ys[i + 1];
        if y <= from || to <= from {
            return self.times[i];
        }
        let f = (y - from) / (to - from);
        let span = (self.times[i + 1] - self.times[i]).as_ms();
        self.times[i] + tcp_sim::Duration::from_ms(span * f)
    }
}

fn dir_index(d: Dir) -> usize {
    d.index()
}

fn gap(dt_ms: f64, unit_ms: f64) -> f64 {
    if dt_ms <= 0.0 {
        return 0.0;
    }
    (MIN_GAP + GAP_PER_DOUBLING * (1.0 + dt_ms / unit_ms).log2()).min(MAX_GAP)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::run::Run;
    use tcp_sim::named;

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
    fn test_long_waits_are_capped() {
        assert_eq!(gap(60_000.0, 10.0), MAX_GAP);
        assert!(gap(10.0, 10.0) > MIN_GAP);
        assert_eq!(gap(0.0, 10.0), 0.0);
    }
}
