//! The ladder's geometry: where the timelines are in each layout, the route of
//! each segment's arrow, and how an arrow in flight is drawn shortened. The
//! ladder draws with it, and its motion animates with it.

use tcp_lab_model::flight::Flight;
use tcp_lab_model::layout::LadderLayout;
use tcp_lab_model::numtext::{clamp, push_fixed};
use tcp_sim::{SegmentRecord, Side};

/// The horizontal layout: a wide one with a time column, and a narrow one
/// for phones that fits the screen without sideways scrolling.
///
/// Each timeline has room beside it, away from the other, for the state
/// names written on it ("SYN-RECEIVED" is the longest), and the wide one has
/// a column for the times at the left edge beyond that.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Geometry {
    pub width: f64,
    pub client_x: f64,
    pub server_x: f64,
    pub time_labels: bool,
    /// The largest font size (SVG units) the style sheet gives the ladder's
    /// text in this layout: label boxes are made for it.
    pub font: f64,
}

pub const WIDE: Geometry = Geometry {
    width: 780.0,
    client_x: 200.0,
    server_x: 620.0,
    time_labels: true,
    font: 12.5,
};

pub const NARROW: Geometry = Geometry {
    width: 430.0,
    client_x: 115.0,
    server_x: 305.0,
    time_labels: false,
    font: 12.0,
};

/// Half the width of the box of a segment in flight.
pub(super) const PACKET_HALF_W: f64 = 18.0;

impl Geometry {
    pub(super) fn x_of(&self, side: Side) -> f64 {
        match side {
            Side::Client => self.client_x,
            Side::Server => self.server_x,
        }
    }
}

/// The geometry of one segment's arrow.
pub(super) struct Path {
    pub(super) start: (f64, f64),
    /// Where it is headed: the receiver, even for a segment that will be
    /// lost (the learner should not see the loss coming).
    pub(super) route_end: (f64, f64),
    /// Where it ends: the receiver, or where a lost segment vanished.
    pub(super) end: (f64, f64),
}

impl Path {
    pub(super) fn new(
        geo: &Geometry,
        layout: &LadderLayout,
        seg: &SegmentRecord,
        flight: &Flight,
        nominal: tcp_sim::Duration,
    ) -> Path {
        let from = geo.x_of(seg.dir.sender());
        let to = geo.x_of(seg.dir.receiver());
        let y0 = layout.y_at(flight.sent) + layout.start_lane[seg.id];
        let start = (from, y0);
        let (route_end, end) = match flight.lost_at {
            // A lost segment vanishes part of the way across: its route is
            // drawn as long as a whole crossing at the pace it went so far.
            Some(at) => {
                let share = (at - flight.sent).as_ms() / nominal.as_ms();
                let share = if share.is_finite() && share > 0.05 {
                    share.min(1.0)
                } else {
                    0.5
                };
                let y_lost = layout.y_at(at).max(y0 + 4.0);
                let route_end = (to, y0 + (y_lost - y0) / share);
                (route_end, (from + (to - from) * share, y_lost))
            }
            None => {
                let end = (
                    to,
                    (layout.y_at(flight.end) + layout.end_lane[seg.id]).max(y0),
                );
                (end, end)
            }
        };
        Path {
            start,
            route_end,
            end,
        }
    }

    /// The point of the line from `a` to `b` at height `y` (clamped to the line).
    pub(super) fn point_at(a: (f64, f64), b: (f64, f64), y: f64) -> (f64, f64) {
        let f = if b.1 > a.1 {
            clamp((y - a.1) / (b.1 - a.1), 0.0, 1.0)
        } else {
            0.5
        };
        (a.0 + (b.0 - a.0) * f, a.1 + (b.1 - a.1) * f)
    }
}

/// The box of a segment in flight stays between the timelines, clear of
/// the state names written beside them: the range of its centre.
pub(super) fn packet_range(geo: &Geometry) -> (f64, f64) {
    (
        geo.client_x.min(geo.server_x) + PACKET_HALF_W + 2.0,
        geo.client_x.max(geo.server_x) - PACKET_HALF_W - 2.0,
    )
}

/// How a growing arrow is shortened: its start, the angle of its route (in
/// degrees) and the share of the route flown at `tip`.
pub(super) fn growth(path: &Path, tip: (f64, f64)) -> ((f64, f64), f64, f64) {
    let (a, b) = (path.start, path.route_end);
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len = (dx * dx + dy * dy).sqrt();
    let share = if len > 0.0 {
        ((tip.0 - a.0) * dx + (tip.1 - a.1) * dy) / (len * len)
    } else {
        1.0
    };
    (a, dy.atan2(dx).to_degrees(), clamp(share, 0.0, 1.0))
}

/// The transform of a growing arrow (see `super::growing_arrow`), as an SVG
/// attribute or, with `css`, as a CSS value.
pub(super) fn arrow_transform(css: bool, (x, y): (f64, f64), angle: f64, share: f64) -> String {
    let (px, deg, sep) = if css {
        ("px", "deg", ", ")
    } else {
        ("", "", " ")
    };
    let mut t = String::with_capacity(96);
    let number = |t: &mut String, v: f64, unit: &str, decimals: u32| {
        push_fixed(t, v, decimals);
        t.push_str(unit);
    };
    t.push_str("translate(");
    number(&mut t, x, px, 2);
    t.push_str(sep);
    number(&mut t, y, px, 2);
    t.push_str(") rotate(");
    number(&mut t, angle, deg, 3);
    t.push_str(") scale(");
    // Not zero: the arrow must keep a direction to be drawn along.
    number(&mut t, share.max(1e-4), "", 4);
    t.push_str(sep);
    t.push_str("1) rotate(");
    number(&mut t, -angle, deg, 3);
    t.push_str(") translate(");
    number(&mut t, -x, px, 2);
    t.push_str(sep);
    number(&mut t, -y, px, 2);
    t.push(')');
    t
}
