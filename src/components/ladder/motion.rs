//! The playhead line and the segments in flight, moved by the browser
//! between events.
//!
//! At each event the ladder draws everything where it is. While playing, the
//! browser then moves the playhead line and each packet in flight, and grows
//! each arrow in flight (see `ladder::growing_arrow`), by Web Animations of a
//! transform made once per event: keyframes of where each will be over the
//! next few events, timed from the moment of the playback clock ([`Clock`]),
//! so that they move just as the model would have moved them frame by frame.
//! Only transforms change, which the browser animates without the main
//! thread: no script, style, layout or paint run in between.

use std::fmt::Write;

use js_sys::{Array, Object, Reflect};
use tcp_sim::Instant;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

use super::geometry::{arrow_transform, growth, packet_range, Geometry, Path};
use crate::numtext::{clamp, push_fixed};
use crate::playback::Clock;
use tcp_lab_model::{Playhead, RunRef};

/// How many events ahead the keyframes reach: the model wakes at the next
/// one and sets them up anew, so a late wake finds them still running.
const EVENTS_AHEAD: usize = 4;
/// A stretch that eases toward its event is cut into straight pieces until
/// none is further than this (SVG units) from the curve at its middle.
const CURVE_TOLERANCE: f64 = 0.25;
/// At most 2^this pieces per stretch.
const MAX_DEPTH: u32 = 6;

/// A keyframe: `ms` after the clock's moment, the element is moved by
/// (`dx`, `dy`) from where the ladder drew it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Key {
    pub ms: f64,
    pub dx: f64,
    pub dy: f64,
}

/// How one segment in flight moves.
#[derive(Clone, Debug, PartialEq)]
pub struct SegmentMotion {
    pub id: usize,
    /// The arrow's start and the angle of its route (degrees) ...
    pub origin: (f64, f64),
    pub angle: f64,
    /// ... and the share of the route flown: (ms, share).
    pub arrow: Vec<(f64, f64)>,
    /// The box with its flags.
    pub packet: Vec<Key>,
    /// A duplicated segment's "×2", half way along the flown part.
    pub mark: Option<Vec<Key>>,
}

/// Everything that moves until the next event.
#[derive(Clone, Debug, PartialEq)]
pub struct Motion {
    /// The clock's moment, on the document's clock: where every track starts.
    pub start: f64,
    pub playhead: Vec<Key>,
    pub segments: Vec<SegmentMotion>,
    /// The lowest the playhead line gets before the next event (SVG units),
    /// so that the ladder can scroll it into view in time.
    pub lowest_y: f64,
}

/// The playhead's height over the coming events: (wall time, y), from the
/// clock's wall time. Where an event's lanes push the next row down, the
/// line steps: two points at one wall time.
fn playhead_points(run: &RunRef, playhead: Playhead, clock: &Clock) -> Vec<(f64, f64)> {
    let layout = &run.layout;
    let events = &run.events;
    let y_of = |wall: f64| layout.y_of(run.schedule.playhead_of(events, wall));
    let just_after = |t: Instant| layout.y_at(Instant(t.0 + 1));
    let mut out = vec![(clock.wall, layout.y_of(playhead))];
    if let Playhead::At(t) = playhead {
        if events.times().binary_search(&t).is_ok() {
            out.push((clock.wall, just_after(t)));
        }
    }
    let mut p = playhead;
    for _ in 0..EVENTS_AHEAD {
        let Some(t) = events.next_after(p) else {
            break;
        };
        let wall = run.schedule.wall_of(events, Playhead::At(t));
        // Until the first event the playhead rests above the first row.
        let before = match p {
            Playhead::Start => layout.y_of(Playhead::Start),
            Playhead::At(_) => layout.y_at(t),
        };
        let last = *out.last().expect("starts with the clock's point");
        refine(&mut out, last, (wall, before), &y_of, 0);
        out.push((wall, before));
        let after = just_after(t);
        if after != before {
            out.push((wall, after));
        }
        p = Playhead::At(t);
    }
    out
}

/// Adds the points between `a` and `b` (exclusive) needed to follow `y_of`
/// within [`CURVE_TOLERANCE`] with straight pieces.
fn refine(
    out: &mut Vec<(f64, f64)>,
    a: (f64, f64),
    b: (f64, f64),
    y_of: &dyn Fn(f64) -> f64,
    depth: u32,
) {
    if depth >= MAX_DEPTH || b.0 <= a.0 {
        return;
    }
    let mid = (a.0 + b.0) / 2.0;
    let m = (mid, y_of(mid));
    if (m.1 - (a.1 + b.1) / 2.0).abs() <= CURVE_TOLERANCE {
        return;
    }
    refine(out, a, m, y_of, depth + 1);
    out.push(m);
    refine(out, m, b, y_of, depth + 1);
}

/// Where one segment's packet is at each point, as (wall time, tip), with
/// the points added where its box starts or stops being held between the
/// timelines ([`packet_range`]), so the box follows that bend exactly.
fn tip_points(
    points: &[(f64, f64)],
    path: &Path,
    lane: f64,
    range: (f64, f64),
) -> Vec<(f64, (f64, f64))> {
    let tip = |y: f64| Path::point_at(path.start, path.route_end, y + lane);
    let mut out: Vec<(f64, (f64, f64))> = Vec::with_capacity(points.len() + 2);
    for &(wall, y) in points {
        let b = (wall, tip(y));
        if let Some(&a) = out.last() {
            let (xa, xb) = (a.1 .0, b.1 .0);
            // Where the tip crosses each end of the range, in the order it gets there.
            let mut at: Vec<(f64, f64)> = [range.0, range.1]
                .into_iter()
                .filter(|&bound| (xa - bound) * (xb - bound) < 0.0)
                .map(|bound| ((bound - xa) / (xb - xa), bound))
                .collect();
            if at.len() == 2 && at[0].0 > at[1].0 {
                at.swap(0, 1);
            }
            for (f, bound) in at {
                let lerp = |u: f64, v: f64| u + (v - u) * f;
                out.push((lerp(a.0, b.0), (bound, lerp(a.1 .1, b.1 .1))));
            }
        }
        out.push(b);
    }
    out
}

/// What moves until the next event while playing, or `None` when nothing
/// should (paused, reduced motion).
pub fn plan(
    run: &RunRef,
    geo: &Geometry,
    playhead: Playhead,
    clock: Option<Clock>,
) -> Option<Motion> {
    let clock = clock?;
    let points = playhead_points(run, playhead, &clock);
    let ms = |wall: f64| (wall - clock.wall) / clock.speed;
    let y0 = run.layout.y_of(playhead);
    let playhead_keys = points
        .iter()
        .map(|&(wall, y)| Key {
            ms: ms(wall),
            dx: 0.0,
            dy: y - y0,
        })
        .collect();
    let next_event = run.schedule.next_event_wall(&run.events, playhead);
    let lowest_y = points
        .iter()
        .filter(|&&(wall, _)| wall <= next_event)
        .fold(y0, |low, &(_, y)| low.max(y));
    let range = packet_range(geo);
    let mut segments = Vec::new();
    let Playhead::At(now) = playhead else {
        return Some(Motion {
            start: clock.at,
            playhead: playhead_keys,
            segments,
            lowest_y,
        });
    };
    for id in run.segments_between(now, now) {
        let flight = &run.flights[id];
        if !flight.in_flight(playhead) {
            continue;
        }
        let seg = &run.trace.segments[id];
        let nominal = run.scenario.one_way_delay[seg.dir.index()];
        let path = Path::new(geo, &run.layout, seg, flight, nominal);
        let lands = run.schedule.wall_of(&run.events, Playhead::At(flight.end));
        // Up to its landing (where the model draws it anew), without the step after it.
        let mut own: Vec<(f64, f64)> = Vec::with_capacity(points.len());
        for &(wall, y) in &points {
            if wall > lands || (wall == lands && own.last().is_some_and(|l| l.0 == lands)) {
                break;
            }
            own.push((wall, y));
        }
        let tips = tip_points(&own, &path, run.layout.start_lane[id], range);
        let Some(&(_, tip0)) = tips.first() else {
            continue;
        };
        let bx0 = clamp(tip0.0, range.0, range.1);
        let key = |wall: f64, dx: f64, dy: f64| Key {
            ms: ms(wall),
            dx,
            dy,
        };
        let (origin, angle, _) = growth(&path, tip0);
        let arrow = tips
            .iter()
            .map(|&(w, tip)| (ms(w), growth(&path, tip).2))
            .collect();
        let packet = tips
            .iter()
            .map(|&(w, tip)| key(w, clamp(tip.0, range.0, range.1) - bx0, tip.1 - tip0.1))
            .collect();
        let mark = (seg.fate == tcp_sim::Fate::Duplicated).then(|| {
            tips.iter()
                .map(|&(w, tip)| key(w, (tip.0 - tip0.0) / 2.0, (tip.1 - tip0.1) / 2.0))
                .collect()
        });
        segments.push(SegmentMotion {
            id,
            origin,
            angle,
            arrow,
            packet,
            mark,
        });
    }
    Some(Motion {
        start: clock.at,
        playhead: playhead_keys,
        segments,
        lowest_y,
    })
}

#[wasm_bindgen]
extern "C" {
    /// A Web Animation (web-sys offers `Element.animate` only among its
    /// unstable APIs).
    #[wasm_bindgen(js_name = Animation)]
    pub type WebAnimation;

    /// An element, seen as something to animate.
    #[wasm_bindgen(js_name = Element)]
    type Animatable;

    #[wasm_bindgen(method, js_name = animate)]
    fn animate(this: &Animatable, keyframes: &Array, options: &Object) -> WebAnimation;

    #[wasm_bindgen(method, setter = startTime)]
    fn set_start_time(this: &WebAnimation, t: f64);

    #[wasm_bindgen(method)]
    fn cancel(this: &WebAnimation);
}

/// The running animations of a [`Motion`]; dropping them stops them, and
/// the elements show again where the ladder drew them.
pub struct Running(Vec<WebAnimation>);

impl Drop for Running {
    fn drop(&mut self) {
        for a in &self.0 {
            a.cancel();
        }
    }
}

fn translate(dx: f64, dy: f64) -> String {
    let mut s = String::from("translate(");
    push_fixed(&mut s, dx, 2);
    s.push_str("px,");
    push_fixed(&mut s, dy, 2);
    s.push_str("px)");
    s
}

fn set(target: &Object, key: &str, value: &JsValue) {
    let _ = Reflect::set(target, &JsValue::from_str(key), value);
}

/// Starts moving `el` through the transforms `keys` (ms, value) from the
/// moment `start`.
fn animate(el: &Element, keys: &[(f64, String)], start: f64) -> Option<WebAnimation> {
    let duration = keys.last()?.0;
    // Nothing to do for a track that stays put (or has no length, or is NaN).
    if duration.is_nan() || duration <= 0.0 || keys.iter().all(|k| k.1 == keys[0].1) {
        return None;
    }
    let frames = Array::new();
    for (ms, transform) in keys {
        let frame = Object::new();
        set(&frame, "offset", &clamp(ms / duration, 0.0, 1.0).into());
        set(&frame, "transform", &JsValue::from_str(transform));
        frames.push(&frame);
    }
    let options = Object::new();
    set(&options, "duration", &duration.into());
    // Held at the last keyframe until the next event draws it anew.
    set(&options, "fill", &"forwards".into());
    let animation = el.unchecked_ref::<Animatable>().animate(&frames, &options);
    animation.set_start_time(start);
    Some(animation)
}

/// Starts `motion` on the playhead line `playhead` and the segments drawn in
/// `layer`.
pub fn start(motion: &Motion, playhead: Option<&Element>, layer: &Element) -> Running {
    let mut running = Vec::new();
    let moves = |keys: &[Key]| -> Vec<(f64, String)> {
        keys.iter().map(|k| (k.ms, translate(k.dx, k.dy))).collect()
    };
    let mut track = |el: Option<Element>, keys: &[(f64, String)]| {
        if let Some(a) = el.and_then(|el| animate(&el, keys, motion.start)) {
            running.push(a);
        }
    };
    track(playhead.cloned(), &moves(&motion.playhead));
    let find = |sel: &str| layer.query_selector(sel).ok().flatten();
    let mut sel = String::new();
    for s in &motion.segments {
        let grows: Vec<(f64, String)> = s
            .arrow
            .iter()
            .map(|&(ms, share)| (ms, arrow_transform(true, s.origin, s.angle, share)))
            .collect();
        sel.clear();
        // The arrow, and a duplicate's copy of it.
        let _ = write!(sel, "[data-segment=\"{}\"] .arrow", s.id);
        if let Ok(arrows) = layer.query_selector_all(&sel) {
            for i in 0..arrows.length() {
                let el = arrows.item(i).and_then(|n| n.dyn_into::<Element>().ok());
                track(el, &grows);
            }
        }
        sel.clear();
        let _ = write!(sel, "[data-segment=\"{}\"] .packet", s.id);
        track(find(&sel), &moves(&s.packet));
        if let Some(mark) = &s.mark {
            sel.clear();
            let _ = write!(sel, "[data-marks-of=\"{}\"] .dup-mark", s.id);
            track(find(&sel), &moves(mark));
        }
    }
    Running(running)
}

#[cfg(test)]
mod tests {
    use super::super::geometry::WIDE;
    use super::*;
    use std::rc::Rc;
    use tcp_lab_model::run::Run;
    use tcp_sim::named;

    fn normal() -> RunRef {
        RunRef(Rc::new(Run::new(named::normal(), &[])))
    }

    fn clock_at(run: &RunRef, p: Playhead, speed: f64) -> Clock {
        Clock {
            wall: run.schedule.wall_of(&run.events, p),
            at: 5000.0,
            speed,
        }
    }

    /// The keyframes put the playhead and the packet where the ladder would
    /// draw them at every moment in between (up to the tolerance).
    #[test]
    fn test_keyframes_follow_the_model_between_events() {
        let run = normal();
        let events = run.events.times().to_vec();
        for speed in [1.0, 4.0] {
            for i in 0..events.len() - 1 {
                let from = Playhead::At(events[i]);
                let clock = clock_at(&run, from, speed);
                let m = plan(&run, &WIDE, from, Some(clock)).unwrap();
                let y0 = run.layout.y_of(from);
                let next = run
                    .schedule
                    .wall_of(&run.events, Playhead::At(events[i + 1]));
                for k in 1..10 {
                    let wall = clock.wall + (next - clock.wall) * k as f64 / 10.0;
                    let ms = (wall - clock.wall) / speed;
                    let p = run.schedule.playhead_of(&run.events, wall);
                    let want = run.layout.y_of(p) - y0;
                    let got = value_at(&m.playhead, ms).1;
                    assert!(
                        (got - want).abs() < 0.5,
                        "event {i} +{k}/10: {got} vs {want}"
                    );
                    for s in &m.segments {
                        let flight = &run.flights[s.id];
                        if !flight.in_flight(p) {
                            continue;
                        }
                        let seg = &run.trace.segments[s.id];
                        let nominal = run.scenario.one_way_delay[seg.dir.index()];
                        let path = Path::new(&WIDE, &run.layout, seg, flight, nominal);
                        let lane = run.layout.start_lane[s.id];
                        let tip = |p: Playhead| {
                            Path::point_at(path.start, path.route_end, run.layout.y_of(p) + lane)
                        };
                        let (lo, hi) = packet_range(&WIDE);
                        let (t0, t) = (tip(from), tip(p));
                        let want = (clamp(t.0, lo, hi) - clamp(t0.0, lo, hi), t.1 - t0.1);
                        let share = |p: Playhead| growth(&path, tip(p)).2;
                        let grown = value_at(
                            &s.arrow
                                .iter()
                                .map(|&(ms, v)| Key { ms, dx: v, dy: 0.0 })
                                .collect::<Vec<_>>(),
                            ms,
                        )
                        .0;
                        assert!(
                            (grown - share(p)).abs() < 0.005,
                            "arrow of {}: {grown} vs {}",
                            s.id,
                            share(p)
                        );
                        let got = value_at(&s.packet, ms);
                        assert!(
                            (got.0 - want.0).abs() < 0.5 && (got.1 - want.1).abs() < 0.5,
                            "segment {} at event {i} +{k}/10: {got:?} vs {want:?}",
                            s.id
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn test_nothing_moves_when_paused() {
        let run = normal();
        assert_eq!(plan(&run, &WIDE, Playhead::Start, None), None);
    }

    #[test]
    fn test_a_segment_sent_now_moves_from_its_sender() {
        let run = normal();
        let sent = Playhead::At(run.flights[0].sent);
        let m = plan(&run, &WIDE, sent, Some(clock_at(&run, sent, 1.0))).unwrap();
        let s = m
            .segments
            .iter()
            .find(|s| s.id == 0)
            .expect("the SYN flies");
        assert_eq!(s.arrow[0], (0.0, 0.0), "nothing flown yet");
        assert_eq!(s.packet[0].ms, 0.0);
        assert_eq!((s.packet[0].dx, s.packet[0].dy), (0.0, 0.0));
        let last = s.arrow.last().unwrap();
        assert!(
            last.0 > 0.0 && last.1 > 0.99,
            "{last:?}: grows to the whole route"
        );
    }

    /// The value of a track `ms` after its start, as the browser interpolates it.
    fn value_at(keys: &[Key], ms: f64) -> (f64, f64) {
        let i = keys.partition_point(|k| k.ms <= ms);
        if i == 0 {
            return (keys[0].dx, keys[0].dy);
        }
        if i == keys.len() {
            let k = keys[i - 1];
            return (k.dx, k.dy);
        }
        let (a, b) = (keys[i - 1], keys[i]);
        let f = if b.ms > a.ms {
            (ms - a.ms) / (b.ms - a.ms)
        } else {
            1.0
        };
        (a.dx + (b.dx - a.dx) * f, a.dy + (b.dy - a.dy) * f)
    }
}
