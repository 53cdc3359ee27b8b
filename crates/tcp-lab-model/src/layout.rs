//! The vertical axis of the ladder diagram.
//!
//! Each event instant gets a row; the gap between two rows grows with the
//! logarithm of the time between them, so a 25 µs exchange and a 60 s
//! TIME-WAIT both fit on one screen. Segments sent (or arriving) at the same
//! instant in the same direction get lanes a few pixels apart, so they never
//! draw on top of each other.

use tcp_sim::{Dir, Instant};

use crate::flight::Flight;
use crate::timeline::{EventIndex, Playhead};

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

/// A box on the ladder, in SVG units: `x`, `y` its top left corner.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabelBox {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl LabelBox {
    /// A box of size `w` × `h` centred on `(cx, cy)`.
    pub fn centred(cx: f64, cy: f64, w: f64, h: f64) -> LabelBox {
        LabelBox {
            x: cx - w / 2.0,
            y: cy - h / 2.0,
            w,
            h,
        }
    }

    pub fn overlaps(&self, o: &LabelBox) -> bool {
        self.x < o.x + o.w && o.x < self.x + self.w && self.y < o.y + o.h && o.y < self.y + self.h
    }

    pub fn centre_x(&self) -> f64 {
        self.x + self.w / 2.0
    }
}

/// The width of `text` in ems, for the lab's monospaced label font: Latin
/// characters take about 0.6 em, Chinese ones a whole em. A little more than
/// the fonts measure, so a box is never smaller than its text.
pub fn text_width_em(text: &str) -> f64 {
    text.chars()
        .map(|c| if (c as u32) < 0x2e80 { 0.62 } else { 1.02 })
        .sum()
}

/// Breaks a label into lines no wider than `max_em` where it can: its words
/// (separated by spaces) are kept whole, and a word wider than the line gets
/// a line of its own.
pub fn wrap_words(words: &[String], max_em: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for w in words.iter().filter(|w| !w.is_empty()) {
        match lines.last_mut() {
            Some(line) if text_width_em(line) + 0.62 + text_width_em(w) <= max_em => {
                line.push(' ');
                line.push_str(w);
            }
            _ => lines.push(w.clone()),
        }
    }
    lines
}

/// What a segment label has to fit: the line it names (from where it starts
/// to where it is headed) and the size of its text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabelRequest {
    pub from: (f64, f64),
    pub to: (f64, f64),
    pub w: f64,
    pub h: f64,
}

/// Where each label goes: on its line, at the middle if that spot is free,
/// else at another point along the line, else the nearest free spot above
/// or below the middle. `bounds` is the horizontal room (between the
/// timelines); `obstacles` are boxes already drawn (lost marks, …). Labels
/// are placed in order, so an earlier segment keeps the best spot and a
/// later one (a retransmission, a crossing segment) moves aside: no two
/// boxes returned overlap each other or an obstacle.
pub fn place_labels(
    requests: &[LabelRequest],
    bounds: (f64, f64),
    obstacles: &[LabelBox],
) -> Vec<LabelBox> {
    const ALONG: [f64; 7] = [0.5, 0.38, 0.62, 0.26, 0.74, 0.14, 0.86];
    const BUCKET: f64 = 64.0;
    let bucket = |y: f64| (y / BUCKET).floor() as i64;
    // Boxes by the buckets of height they cover, so each test looks only
    // at the boxes nearby (long runs have thousands).
    let mut grid: std::collections::HashMap<i64, Vec<LabelBox>> = Default::default();
    let add = |grid: &mut std::collections::HashMap<i64, Vec<LabelBox>>, b: LabelBox| {
        for k in bucket(b.y)..=bucket(b.y + b.h) {
            grid.entry(k).or_default().push(b);
        }
    };
    let free = |grid: &std::collections::HashMap<i64, Vec<LabelBox>>, b: &LabelBox| {
        (bucket(b.y)..=bucket(b.y + b.h)).all(|k| {
            grid.get(&k)
                .is_none_or(|v| v.iter().all(|o| !o.overlaps(b)))
        })
    };
    for &o in obstacles {
        add(&mut grid, o);
    }
    let (lo, hi) = bounds;
    let boxed = |x: f64, y: f64, r: &LabelRequest| {
        // Kept between the bounds when it fits, else centred on them.
        let x = if r.w >= hi - lo {
            (lo + hi) / 2.0
        } else {
            x.clamp(lo + r.w / 2.0, hi - r.w / 2.0)
        };
        LabelBox::centred(x, y, r.w, r.h)
    };
    let mut out = Vec::with_capacity(requests.len());
    for r in requests {
        let at = |f: f64| {
            (
                r.from.0 + (r.to.0 - r.from.0) * f,
                r.from.1 + (r.to.1 - r.from.1) * f,
            )
        };
        let mut chosen = ALONG.iter().map(|&f| {
            let (x, y) = at(f);
            boxed(x, y, r)
        });
        let placed = chosen
            .find(|b| b.y >= 0.0 && free(&grid, b))
            .unwrap_or_else(|| {
                // Step away from the middle, below first, half a line at a time.
                let (x, y) = at(0.5);
                let step = r.h / 2.0;
                (1..)
                    .flat_map(|k| [k as f64 * step, -(k as f64) * step])
                    .map(|dy| boxed(x, y + dy, r))
                    .find(|b| b.y >= 0.0 && free(&grid, b))
                    .expect("there is always room further down")
            });
        add(&mut grid, placed);
        out.push(placed);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_long_waits_are_capped() {
        assert_eq!(gap(60_000.0, 10.0), MAX_GAP);
        assert!(gap(10.0, 10.0) > MIN_GAP);
        assert_eq!(gap(0.0, 10.0), 0.0);
    }

    fn req(from: (f64, f64), to: (f64, f64), w: f64) -> LabelRequest {
        LabelRequest {
            from,
            to,
            w,
            h: 15.0,
        }
    }

    fn assert_apart(boxes: &[LabelBox]) {
        for (i, a) in boxes.iter().enumerate() {
            for b in &boxes[i + 1..] {
                assert!(!a.overlaps(b), "{a:?} overlaps {b:?}");
            }
        }
    }

    #[test]
    fn test_a_lone_label_sits_on_the_middle_of_its_line() {
        let b = place_labels(
            &[req((100.0, 100.0), (300.0, 140.0), 80.0)],
            (100.0, 300.0),
            &[],
        );
        assert_eq!(b[0], LabelBox::centred(200.0, 120.0, 80.0, 15.0));
    }

    #[test]
    fn test_segments_close_in_time_keep_their_labels_apart() {
        // Two segments a few units apart (lanes of one instant).
        let r = [
            req((100.0, 100.0), (300.0, 140.0), 120.0),
            req((100.0, 104.0), (300.0, 144.0), 120.0),
            req((100.0, 108.0), (300.0, 148.0), 120.0),
        ];
        let b = place_labels(&r, (100.0, 300.0), &[]);
        assert_apart(&b);
        assert!(
            b.iter().all(|b| b.x >= 100.0 && b.x + b.w <= 300.0),
            "{b:?}"
        );
    }

    #[test]
    fn test_crossing_and_repeated_segments_keep_their_labels_apart() {
        // A simultaneous close: two lines crossing at the middle; then the
        // same segment sent three times along the same line (retransmissions).
        let mut r = vec![
            req((100.0, 100.0), (300.0, 160.0), 110.0),
            req((300.0, 100.0), (100.0, 160.0), 110.0),
        ];
        r.extend([req((100.0, 300.0), (300.0, 320.0), 150.0); 3]);
        let obstacles = [LabelBox::centred(200.0, 130.0, 30.0, 30.0)];
        let b = place_labels(&r, (100.0, 300.0), &obstacles);
        assert_apart(&b);
        assert!(b.iter().all(|b| !b.overlaps(&obstacles[0])), "{b:?}");
    }

    #[test]
    fn test_a_label_wider_than_the_room_is_centred() {
        let b = place_labels(
            &[req((100.0, 0.0), (300.0, 0.0), 260.0)],
            (100.0, 300.0),
            &[],
        );
        assert_eq!(b[0].centre_x(), 200.0);
        assert!(b[0].y >= 0.0);
    }

    #[test]
    fn test_words_wrap_into_lines_that_fit() {
        let words: Vec<String> = ["SA", "seq=0", "ack=1", "· retransmission"]
            .map(String::from)
            .to_vec();
        assert_eq!(
            wrap_words(&words, 40.0),
            vec!["SA seq=0 ack=1 · retransmission"]
        );
        let lines = wrap_words(&words, 12.0);
        assert_eq!(lines, vec!["SA seq=0 ack=1", "· retransmission"]);
        assert_eq!(wrap_words(&words, 4.0).len(), 4);
        assert!(text_width_em("重传") > text_width_em("ab"));
    }
}
