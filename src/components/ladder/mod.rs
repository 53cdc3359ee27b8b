//! The ladder diagram: client and server timelines top to bottom, each
//! segment an arrow between them.
//!
//! The segments are written as SVG markup and handed to the browser in one
//! piece per layer (`innerHTML`), rather than as a virtual DOM of a few
//! thousand nodes: a far jump in a long run replaces a screenful of
//! segments, and building those node by node through the JavaScript bridge
//! took longer than a frame. Clicks and keys reach the segments through one
//! listener on the `<svg>` (event delegation).
//!
//! Segments whose flight is over do not change while the playhead moves, so
//! they are drawn by [`LandedLayer`], which re-renders only when another
//! segment lands (or, in a long run, when another part comes on screen); the
//! few in flight are drawn at each event, and moved by the browser in
//! between (see [`super::motion`]).

use std::fmt::Write;
use std::rc::Rc;

use tcp_lab_content::Lang;
use tcp_sim::{Fate, Instant, SegmentRecord, Side, State, Symbols};
use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent, SvgElement};
use yew::prelude::*;

mod geometry;
mod motion;

use super::{coords, fate_key, fate_words, num, segment_numbers};
use crate::components::capture::{certainty_label, marked};
use crate::i18n::{fmt_time, segment_label, side_name, t, Ui};
use geometry::{arrow_transform, growth, packet_range, Path, PACKET_HALF_W};
pub use geometry::{Geometry, NARROW, WIDE};
use tcp_lab_model::capture::StateCertainty;
use tcp_lab_model::layout::{
    place_labels, text_width_em, wrap_words, LabelBox, LabelRequest, START_Y,
};
use tcp_lab_model::numtext::{clamp, push_fixed};
use tcp_lab_model::view::NumberMode;
use tcp_lab_model::{Playhead, RunRef};

use crate::playback::Clock;

/// Runs with more segments than this draw only the part of the ladder on
/// screen (and a margin), so jumps and playback stay within a frame.
const WINDOW_ABOVE: usize = 250;
/// The ladder is cut into blocks of this height (SVG units) for windowing:
/// scrolling re-renders only when another block comes into view.
const BLOCK: f64 = 400.0;
/// How far below where a lost segment vanished its "lost" is written.
const LOST_WORD_DY: f64 = 22.0;
/// Offset of the duplicate copy's arrow.
const DUPLICATE_OFFSET: f64 = 7.0;
/// Gap between a timeline and the state names written beside it.
const STATE_GAP: f64 = 10.0;
/// Line height of a segment label, in ems.
const LABEL_LINE: f64 = 1.3;
/// Room kept between a segment label and the timelines.
const LABEL_MARGIN: f64 = 6.0;

#[derive(Properties, PartialEq)]
pub struct LadderProps {
    pub lang: Lang,
    pub run: RunRef,
    pub playhead: Playhead,
    pub numbers: NumberMode,
    /// The segment the learner picked, drawn highlighted.
    pub selected_segment: Option<usize>,
    pub on_open_segment: Callback<usize>,
    /// Use the narrow layout (phones).
    pub narrow: bool,
    /// While playing: the clock the browser moves the playhead and the
    /// segments in flight by until the next event.
    #[prop_or_default]
    pub clock: Option<Clock>,
}

/// The segment an event happened on: the `[data-segment]` around its
/// target (or, for a click whose press and release landed on two frames'
/// copies of a moving packet, around the point clicked).
fn segment_of(e: &Event, point: impl FnOnce() -> Option<(i32, i32)>) -> Option<usize> {
    let target: Element = e.target()?.dyn_into().ok()?;
    // A segment, or the marks drawn beside it (see `segment_markup`).
    let id_of = |el: &Element| {
        let hit = el
            .closest("[data-segment], [data-marks-of]")
            .ok()
            .flatten()?;
        hit.get_attribute("data-segment")
            .or_else(|| hit.get_attribute("data-marks-of"))?
            .parse()
            .ok()
    };
    id_of(&target).or_else(|| {
        let (x, y) = point()?;
        id_of(&gloo_utils::document().element_from_point(x as f32, y as f32)?)
    })
}

/// Replaces the content of a layer with `markup`, keeping the keyboard focus
/// on the same segment if it was on one of the layer's.
fn set_markup(layer: &Element, markup: &str) {
    let focused = gloo_utils::document()
        .active_element()
        .filter(|a| layer.contains(Some(a)))
        .and_then(|a| a.get_attribute("data-segment"));
    layer.set_inner_html(markup);
    if let Some(id) = focused {
        let again = layer
            .query_selector(&format!("[data-segment=\"{id}\"]"))
            .ok()
            .flatten()
            .and_then(|el| el.dyn_into::<SvgElement>().ok());
        if let Some(el) = again {
            let _ = el.focus();
        }
    }
}

/// A `<g>` whose content is `markup`, set after each render that changes it.
#[derive(Properties, PartialEq)]
struct MarkupLayerProps {
    class: &'static str,
    markup: AttrValue,
}

#[function_component(MarkupLayer)]
fn markup_layer(p: &MarkupLayerProps) -> Html {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with(p.markup.clone(), move |markup| {
            if let Some(el) = node.cast::<Element>() {
                set_markup(&el, markup);
            }
        });
    }
    html! { <g class={p.class} ref={node} /> }
}

#[function_component(Ladder)]
pub fn ladder(p: &LadderProps) -> Html {
    let run = &p.run;
    let layout = &run.layout;
    let geo = if p.narrow { NARROW } else { WIDE };
    let scroll_ref = use_node_ref();
    let playhead_ref = use_node_ref();
    let moving_ref = use_node_ref();
    let playhead_y = layout.y_of(p.playhead);
    let motion = motion::plan(run, &geo, p.playhead, p.clock);
    // Where the playhead gets before the next event: the view follows it there.
    let follow_y = motion.as_ref().map_or(playhead_y, |m| m.lowest_y);
    // What the scroll box shows, from the last scroll; `None` before the first.
    let on_screen = use_state_eq(|| None::<Viewport>);
    let onscroll = {
        let on_screen = on_screen.clone();
        let width = geo.width;
        move |e: Event| {
            let el: Element = e.target_unchecked_into();
            on_screen.set(Viewport::of(&el, width));
        }
    };

    // Keep the playhead in view as it moves, scrolling only the ladder.
    {
        let scroll_ref = scroll_ref.clone();
        let key = (playhead_y as i64, follow_y as i64, geo.width as i64);
        use_effect_with(key, move |&(y, lowest, width)| {
            let Some(el) = scroll_ref.cast::<Element>() else {
                return;
            };
            if let Some(svg) = el.query_selector("svg").ok().flatten() {
                let scale = f64::from(svg.client_width()).max(1.0) / width as f64;
                let y = y as f64 * scale;
                let lowest = lowest as f64 * scale;
                let top = f64::from(el.scroll_top());
                let h = f64::from(el.client_height());
                if y < top + 30.0 || lowest > top + h - 60.0 {
                    el.set_scroll_top((y - h / 3.0).max(0.0) as i32);
                }
            }
        });
    }

    // One listener for every segment, landed or moving.
    let onclick = {
        let cb = p.on_open_segment.clone();
        move |e: MouseEvent| {
            let point = || {
                let m = e.dyn_ref::<MouseEvent>()?;
                Some((m.client_x(), m.client_y()))
            };
            if let Some(id) = segment_of(&e, point) {
                cb.emit(id);
            }
        }
    };
    let onkeydown = {
        let cb = p.on_open_segment.clone();
        move |e: KeyboardEvent| {
            if e.key() != "Enter" && e.key() != " " {
                return;
            }
            if let Some(id) = segment_of(&e, || None) {
                e.prevent_default();
                e.stop_propagation();
                cb.emit(id);
            }
        }
    };

    let labels = {
        let run = run.clone();
        let key = (run.clone(), geo, p.lang, p.numbers);
        use_memo(key, move |(run, geo, lang, numbers)| {
            Labels(Rc::new(segment_labels(run, geo, *lang, *numbers)))
        })
    };
    let labels: Labels = (*labels).clone();
    let landed = run.segments_landed(p.playhead);
    let transitions = run.transitions_reached(p.playhead);
    let moving = match p.playhead {
        Playhead::Start => 0..0,
        Playhead::At(t) => run.segments_between(t, t),
    };
    let mut moving_markup = String::new();
    for id in moving.filter(|&i| run.flights[i].in_flight(p.playhead)) {
        segment_markup(
            &mut moving_markup,
            &SegmentView {
                lang: p.lang,
                geo,
                run,
                id,
                playhead: p.playhead,
                numbers: p.numbers,
                selected: p.selected_segment == Some(id),
                label: &labels.0[id],
                moving: p.clock.is_some(),
            },
        );
    }
    // The segments in flight, drawn where they are, then moved by the
    // browser until the next event (one effect, so that the animations
    // start on the elements just written).
    {
        let moving_ref = moving_ref.clone();
        let playhead_ref = playhead_ref.clone();
        let written = use_mut_ref(String::new);
        let deps = (AttrValue::from(moving_markup), motion);
        use_effect_with(deps, move |(markup, motion)| {
            let layer = moving_ref.cast::<Element>();
            if let Some(layer) = &layer {
                if *written.borrow() != markup.as_str() {
                    set_markup(layer, markup);
                    *written.borrow_mut() = markup.to_string();
                }
            }
            let running = match (motion, layer) {
                (Some(m), Some(layer)) => Some(motion::start(
                    m,
                    playhead_ref.cast::<Element>().as_ref(),
                    &layer,
                )),
                _ => None,
            };
            move || drop(running)
        });
    }
    let window = (run.flights.len() > WINDOW_ABOVE).then(|| {
        // What is on screen, unless the playhead jumped elsewhere: the view
        // is about to follow it there (see the effect above), so draw what
        // will be on screen then, and the scroll that follows changes nothing.
        let here = (playhead_y / BLOCK) as i32;
        match *on_screen {
            Some(v) if (v.top..=v.bottom).contains(&here) => (v.top, v.bottom),
            Some(v) => {
                let top = (playhead_y - f64::from(v.height) / 3.0).max(0.0);
                (
                    (top / BLOCK) as i32,
                    ((top + f64::from(v.height)) / BLOCK) as i32,
                )
            }
            None => (here - 1, here + 1),
        }
    });
    let height = layout.height.max(playhead_y + 60.0);
    let view_box = coords(&[("0 0 ", geo.width), (" ", height)]);
    let lang = p.lang;

    html! {
        <div class={classes!("ladder-scroll", p.narrow.then_some("narrow"))} ref={scroll_ref} tabindex="-1"
             {onscroll}>
            <div class="ladder-heads" aria-hidden="true">
                <span class="head client">{ side_name(lang, Side::Client) }</span>
                <span class="head server">{ side_name(lang, Side::Server) }</span>
            </div>
            <svg class="ladder" viewBox={view_box} role="group" aria-label={t(lang, Ui::Ladder)}
                 {onclick} {onkeydown}>
                <line class="timeline client" x1={num(geo.client_x)} y1={num(START_Y)}
                      x2={num(geo.client_x)} y2={num(height)} />
                <line class="timeline server" x1={num(geo.server_x)} y1={num(START_Y)}
                      x2={num(geo.server_x)} y2={num(height)} />
                <g class="playhead" aria-hidden="true" ref={playhead_ref}>
                    <line x1="0" x2={num(geo.width)} y1={num(playhead_y)} y2={num(playhead_y)} />
                    <path d={format!("M0 {} l8 -5 v10 z", num(playhead_y))} />
                </g>
                <LandedLayer lang={lang} geo={geo} run={run.clone()} landed={landed} transitions={transitions} window={window}
                             labels={labels} numbers={p.numbers} selected_segment={p.selected_segment} />
                <g class="moving" ref={moving_ref} />
            </svg>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct LandedLayerProps {
    lang: Lang,
    geo: Geometry,
    run: RunRef,
    /// How many segments have landed (see `run.landed_times`).
    landed: usize,
    /// How many transitions have happened.
    transitions: usize,
    /// For long runs, the blocks to draw (see [`BLOCK`]); `None` draws all.
    window: Option<(i32, i32)>,
    labels: Labels,
    numbers: NumberMode,
    selected_segment: Option<usize>,
}

#[function_component(LandedLayer)]
fn landed_layer(p: &LandedLayerProps) -> Html {
    let run = &p.run;
    // Any playhead past every landing shows them as landed.
    let playhead = run.end();
    let layout = &run.layout;
    // The part of the run to draw: all of it, or the instants on screen.
    let (from, to) = match p.window {
        Some((top, bottom)) => (
            layout.time_at(f64::from(top) * BLOCK),
            layout.time_at(f64::from(bottom + 1) * BLOCK),
        ),
        None => (Instant::ZERO, run.end_instant()),
    };
    // Every flight that ended by the last landing counted, in sending order.
    let ids: Vec<usize> = match p.landed.checked_sub(1) {
        Some(last) => {
            let until = run.landed_times[last];
            run.segments_between(from, to)
                .filter(|&i| run.flights[i].end <= until && run.flights[i].end >= from)
                .collect()
        }
        None => Vec::new(),
    };
    let reached = &run.trace.transitions[..p.transitions];
    let first = reached.partition_point(|tr| tr.t < from);
    let last = reached.partition_point(|tr| tr.t <= to);
    let geo = p.geo;
    let mut out = String::with_capacity(600 * ids.len() + 200);
    if geo.time_labels {
        time_labels(&mut out, p.lang, run, &ids);
    }
    out.push_str("<g class=\"state-changes\">");
    let observed = run.trace.observation.is_some();
    if observed && first == 0 {
        start_states(&mut out, p.lang, run, geo);
    }
    for (k, tr) in reached[first..last].iter().enumerate() {
        let i = first + k;
        // Several changes of one side at one instant are stacked.
        let same_moment = reached[..i]
            .iter()
            .rev()
            .take_while(|o| o.t == tr.t)
            .filter(|o| o.side == tr.side)
            .count();
        let y = layout.y_at(tr.t) + 4.0 + same_moment as f64 * 14.0;
        let (x, anchor) = match tr.side {
            Side::Client => (geo.client_x - STATE_GAP, "end"),
            Side::Server => (geo.server_x + STATE_GAP, "start"),
        };
        let certainty = observed.then(|| StateCertainty::of(Some(tr)));
        state_change(
            &mut out,
            p.lang,
            StateMark {
                side: tr.side,
                state: tr.to,
                certainty,
                circle: (geo.x_of(tr.side), y - 4.0),
                text: (x, y),
                anchor,
                class: "",
            },
        );
    }
    out.push_str("</g><g class=\"segments\">");
    for &id in &ids {
        segment_markup(
            &mut out,
            &SegmentView {
                lang: p.lang,
                geo,
                run,
                id,
                playhead,
                numbers: p.numbers,
                selected: p.selected_segment == Some(id),
                label: &p.labels.0[id],
                moving: false,
            },
        );
    }
    out.push_str("</g>");
    html! { <MarkupLayer class="landed" markup={AttrValue::from(out)} /> }
}

/// A state's name beside its timeline, with the dot where it changed.
struct StateMark {
    side: Side,
    state: State,
    /// For a run reconstructed from a capture: how sure the state is (its mark, and the
    /// dot's outline).
    certainty: Option<StateCertainty>,
    circle: (f64, f64),
    text: (f64, f64),
    anchor: &'static str,
    /// More classes (with a leading space).
    class: &'static str,
}

fn state_change(out: &mut String, lang: Lang, m: StateMark) {
    let name = m.state.rfc_name();
    let (circle, text) = (m.circle, m.text);
    let _ = write!(out, "<g class=\"state-change {}{}", m.side.name(), m.class);
    match m.certainty {
        Some(c) => {
            let shown = marked(c, name);
            let _ = write!(
                out,
                " certainty-{key}\" data-side=\"{side}\" data-certainty=\"{key}\"><title>{label}</title>",
                key = c.key(),
                side = m.side.name(),
                label = certainty_label(lang, name, c),
            );
            let _ = write!(
                out,
                "<circle cx=\"{}\" cy=\"{}\" r=\"3.5\"/><text x=\"{}\" y=\"{}\" text-anchor=\"{}\">{shown}</text></g>",
                num(circle.0),
                num(circle.1),
                num(text.0),
                num(text.1),
                m.anchor,
            );
        }
        None => {
            let _ = write!(
                out,
                "\"><circle cx=\"{}\" cy=\"{}\" r=\"3.5\"/><text x=\"{}\" y=\"{}\" text-anchor=\"{}\">{name}</text></g>",
                num(circle.0),
                num(circle.1),
                num(text.0),
                num(text.1),
                m.anchor,
            );
        }
    }
}

/// For a run reconstructed from a capture: each side's state before the capture shows it
/// change, at the top of its timeline, marked unknown.
fn start_states(out: &mut String, lang: Lang, run: &RunRef, geo: Geometry) {
    for side in Side::BOTH {
        let (x, anchor) = match side {
            Side::Client => (geo.client_x - STATE_GAP, "end"),
            Side::Server => (geo.server_x + STATE_GAP, "start"),
        };
        state_change(
            out,
            lang,
            StateMark {
                side,
                state: run.state_at(side, Playhead::Start),
                certainty: Some(StateCertainty::Unknown),
                circle: (geo.x_of(side), START_Y),
                text: (x, START_Y - 8.0),
                anchor,
                class: " start",
            },
        );
    }
}

/// The part of the ladder its scroll box shows: the first and last block
/// (see [`BLOCK`]) and the height, in SVG units.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Viewport {
    top: i32,
    bottom: i32,
    height: i32,
}

impl Viewport {
    fn of(scroller: &Element, width: f64) -> Option<Viewport> {
        let svg = scroller.query_selector("svg").ok().flatten()?;
        let scale = f64::from(svg.client_width()).max(1.0) / width;
        let top = f64::from(scroller.scroll_top()) / scale;
        let height = f64::from(scroller.client_height()) / scale;
        Some(Viewport {
            top: (top / BLOCK) as i32,
            bottom: ((top + height) / BLOCK) as i32,
            height: height as i32,
        })
    }
}

/// Small times at the left edge, one per instant at which a segment left.
fn time_labels(out: &mut String, lang: Lang, run: &RunRef, ids: &[usize]) {
    out.push_str("<g class=\"time-labels\" aria-hidden=\"true\">");
    let mut last = None;
    for &id in ids {
        let sent = run.flights[id].sent;
        if last == Some(sent) {
            continue;
        }
        last = Some(sent);
        let y = run.layout.y_at(sent) + 4.0;
        let _ = write!(
            out,
            "<text class=\"time-label\" x=\"4\" y=\"{}\">{}</text>",
            num(y),
            crate::i18n::fmt_time(lang, sent.as_ms())
        );
    }
    out.push_str("</g>");
}

struct SegmentView<'a> {
    lang: Lang,
    geo: Geometry,
    run: &'a RunRef,
    id: usize,
    playhead: Playhead,
    numbers: NumberMode,
    selected: bool,
    label: &'a SegmentLabel,
    /// In flight while playing: drawn so that the browser can move it (see
    /// [`growing_arrow`]).
    moving: bool,
}

/// Where a segment's label goes, and its lines of text.
#[derive(Clone, Debug, PartialEq)]
pub struct SegmentLabel {
    pub lines: Vec<String>,
    pub at: LabelBox,
}

/// Every segment's label, laid out once per run, layout, language and
/// numbering; compared by identity, so the landed layer re-renders only
/// when they change.
#[derive(Clone)]
struct Labels(Rc<Vec<SegmentLabel>>);

impl PartialEq for Labels {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The words of a segment's label: flags, numbers, then the notes
/// (retransmission, old duplicate, extra delay), each kept whole.
fn label_words(
    lang: Lang,
    seg: &SegmentRecord,
    numbers: NumberMode,
    symbols: &Symbols,
) -> Vec<String> {
    let mut words = vec![seg.flags_str()];
    words.extend(
        segment_numbers(seg, numbers, symbols)
            .split(' ')
            .map(String::from),
    );
    if seg.retransmission {
        words.push(format!("· {}", t(lang, Ui::Retransmission)));
    }
    if seg.injected {
        words.push(format!("· {}", t(lang, Ui::OldDuplicate)));
    }
    if let Fate::Delayed(d) = seg.fate {
        words.push(format!("· +{}", fmt_time(lang, d.as_ms())));
    }
    words
}

/// The box of a word of `em` ems written centred at `x` on the baseline `y`.
fn word_box(x: f64, baseline: f64, em: f64, font: f64) -> LabelBox {
    LabelBox {
        x: x - em * font / 2.0 - 1.0,
        y: baseline - font,
        w: em * font + 2.0,
        h: LABEL_LINE * font,
    }
}

/// Lays out every segment's label (see [`place_labels`]): between the
/// timelines, clear of each other and of the lost and duplicate marks.
pub fn segment_labels(
    run: &RunRef,
    geo: &Geometry,
    lang: Lang,
    numbers: NumberMode,
) -> Vec<SegmentLabel> {
    let font = geo.font;
    let (lo, hi) = (
        geo.client_x.min(geo.server_x) + LABEL_MARGIN,
        geo.client_x.max(geo.server_x) - LABEL_MARGIN,
    );
    let max_em = (hi - lo - 4.0) / font;
    let mut obstacles = Vec::new();
    let mut texts = Vec::with_capacity(run.trace.segments.len());
    let mut requests = Vec::with_capacity(run.trace.segments.len());
    for seg in &run.trace.segments {
        let flight = &run.flights[seg.id];
        let nominal = run.scenario.one_way_delay[seg.dir.index()];
        let path = Path::new(geo, &run.layout, seg, flight, nominal);
        if flight.lost_at.is_some() {
            let (x, y) = path.end;
            obstacles.push(LabelBox::centred(x, y, 20.0, 20.0));
            let word = text_width_em(t(lang, Ui::Lost));
            obstacles.push(word_box(x, y + LOST_WORD_DY, word, font));
        }
        if seg.fate == Fate::Duplicated {
            let (a, b) = (path.start, path.end);
            let (x, y) = (
                (a.0 + b.0) / 2.0,
                (a.1 + b.1) / 2.0 + DUPLICATE_OFFSET + 14.0,
            );
            obstacles.push(word_box(x, y, text_width_em("×2"), font));
        }
        let lines = wrap_words(&label_words(lang, seg, numbers, &run.symbols), max_em);
        let em = lines.iter().map(|l| text_width_em(l)).fold(0.0, f64::max);
        requests.push(LabelRequest {
            from: path.start,
            to: path.route_end,
            w: em * font + 4.0,
            h: lines.len() as f64 * LABEL_LINE * font,
        });
        texts.push(lines);
    }
    let boxes = place_labels(&requests, (lo, hi), &obstacles);
    texts
        .into_iter()
        .zip(boxes)
        .map(|(lines, at)| SegmentLabel { lines, at })
        .collect()
}

/// Text for markup: `&`, `<`, `>` and `"` escaped.
fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

/// ` x1="…" y1="…" x2="…" y2="…"`
fn push_line(out: &mut String, class: &str, a: (f64, f64), b: (f64, f64)) {
    let _ = write!(out, "<line class=\"{class}\"");
    for (name, v) in [("x1", a.0), ("y1", a.1), ("x2", b.0), ("y2", b.1)] {
        let _ = write!(out, " {name}=\"");
        push_fixed(out, v, 1);
        out.push('"');
    }
    out.push_str("/>");
}

/// Writes one segment's `<g data-segment …>` (see docs/CONTRACT.md).
fn segment_markup(out: &mut String, v: &SegmentView) {
    let run = v.run;
    let seg = &run.trace.segments[v.id];
    let flight = &run.flights[v.id];
    let nominal = run.scenario.one_way_delay[seg.dir.index()];
    let path = Path::new(&v.geo, &run.layout, seg, flight, nominal);
    let (x0, y0) = path.start;
    let (x1, y1) = path.end;
    let in_flight = flight.in_flight(v.playhead);
    // Segments sent together (lanes apart) keep their lane while they fly,
    // so their boxes travel one above the other, not on top of each other.
    let tip = if in_flight {
        let y = run.layout.y_of(v.playhead) + run.layout.start_lane[v.id];
        Path::point_at(path.start, path.route_end, y)
    } else {
        path.end
    };
    let lost = flight.lost_at.is_some();
    let flags = seg.flags_str();
    let numbers = segment_numbers(seg, v.numbers, &run.symbols);
    let fate = fate_key(seg, flight, v.playhead);
    // The text written along the arrow, which the accessible name starts
    // with (a voice-control user says what they see).
    let mut chip = format!("{flags} {numbers}");
    if seg.retransmission {
        chip.push_str(" · ");
        chip.push_str(t(v.lang, Ui::Retransmission));
    }
    if seg.injected {
        chip.push_str(" · ");
        chip.push_str(t(v.lang, Ui::OldDuplicate));
    }
    if let Fate::Delayed(d) = seg.fate {
        let _ = write!(chip, " · +{}", fmt_time(v.lang, d.as_ms()));
    }
    let label = segment_label(
        v.lang,
        v.id,
        seg.dir,
        &chip,
        fate_words(v.lang, seg, flight, v.playhead),
    );
    let dir = seg.dir.name();
    let _ = write!(out, "<g class=\"seg {dir} {fate}");
    for (on, class) in [
        (v.selected, " selected"),
        (seg.retransmission, " retx"),
        (seg.injected, " injected"),
    ] {
        if on {
            out.push_str(class);
        }
    }
    let _ = write!(
        out,
        "\" data-segment=\"{}\" data-dir=\"{dir}\" data-flags=\"{flags}\" data-fate=\"{fate}\" tabindex=\"0\" role=\"button\" aria-label=\"",
        v.id
    );
    push_escaped(out, &label);
    out.push_str("\">");
    // A wide invisible line makes a thin arrow easy to click: along the
    // arrow once landed, along the whole route while in flight.
    if in_flight {
        push_line(out, "hit", path.start, path.route_end);
        push_line(out, "route", path.start, path.route_end);
        if v.moving {
            growing_arrow(out, &path, tip);
        } else {
            push_line(out, "arrow", path.start, tip);
        }
    } else {
        push_line(out, "hit", path.start, tip);
        push_line(out, "arrow", path.start, tip);
    }
    let arrow_end = !in_flight && !lost;
    if arrow_end {
        arrow_head(out, x0, y0, x1, y1);
    }
    // Words drawn on the segment besides its label ("×2", "lost") go in a
    // sibling group after it: the accessible name says all that, and the name
    // must contain every text inside the button (WCAG 2.5.3, label in name).
    // The packet's box stays inside, since it moves with the segment; its
    // flags begin the name.
    let mut marks = String::new();
    if seg.fate == Fate::Duplicated {
        let growing = in_flight && v.moving;
        duplicate_copy(out, &mut marks, (&path, tip, growing), arrow_end);
    }
    if lost && !in_flight {
        lost_mark(&mut marks, x1, y1, t(v.lang, Ui::Lost));
    }
    if in_flight {
        // The box stays between the timelines, clear of the state names
        // written beside them.
        let (lo, hi) = packet_range(&v.geo);
        let bx = clamp(tip.0, lo, hi);
        let _ = write!(
            out,
            "<g class=\"packet\"><rect x=\"{}\" y=\"{}\" width=\"36\" height=\"15\" rx=\"4\"/><text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{flags}</text></g>",
            num(bx - PACKET_HALF_W),
            num(tip.1 - 7.5),
            num(bx),
            num(tip.1 + 4.0)
        );
    }
    // The label, where the layout put it (see [`segment_labels`]): level,
    // on or beside the line it names, clear of every other label. A
    // segment in flight is named by its box (and the explanation) until it
    // lands: a box moving through a label would hide it.
    if in_flight {
        out.push_str("</g>");
        push_marks(out, &marks, dir, fate, v.id);
        return;
    }
    let at = v.label.at;
    let cx = at.centre_x();
    let font = v.geo.font;
    let _ = write!(
        out,
        "<text class=\"seg-label\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">",
        num(cx),
        num(at.y + font * (LABEL_LINE - 0.3))
    );
    for (i, line) in v.label.lines.iter().enumerate() {
        if i == 0 {
            push_escaped(out, line);
        } else {
            let _ = write!(out, "<tspan x=\"{}\" dy=\"{LABEL_LINE}em\">", num(cx));
            push_escaped(out, line);
            out.push_str("</tspan>");
        }
    }
    out.push_str("</text></g>");
    push_marks(out, &marks, dir, fate, v.id);
}

/// The marks drawn on a segment besides its label, as a sibling group after it.
fn push_marks(out: &mut String, marks: &str, dir: &str, fate: &str, id: usize) {
    if !marks.is_empty() {
        let _ = write!(
            out,
            "<g class=\"seg-marks {dir} {fate}\" data-marks-of=\"{id}\" aria-hidden=\"true\">{marks}</g>"
        );
    }
}

fn arrow_head(out: &mut String, x0: f64, y0: f64, x1: f64, y1: f64) {
    let (dx, dy) = (x1 - x0, y1 - y0);
    let len = (dx * dx + dy * dy).sqrt().max(1e-9);
    let (ux, uy) = (dx / len, dy / len);
    let (bx, by) = (x1 - ux * 10.0, y1 - uy * 10.0);
    let (px, py) = (-uy * 4.5, ux * 4.5);
    let points = coords(&[
        ("", x1),
        (",", y1),
        (" ", bx + px),
        (",", by + py),
        (" ", bx - px),
        (",", by - py),
    ]);
    let _ = write!(out, "<polygon class=\"head\" points=\"{points}\"/>");
}

/// The second copy's arrow into `out`, its "×2" into `marks`. A growing
/// arrow (see [`growing_arrow`]) is copied as it is, moved down.
fn duplicate_copy(
    out: &mut String,
    marks: &mut String,
    (path, tip, growing): (&Path, (f64, f64), bool),
    with_head: bool,
) {
    let (a, b) = (path.start, tip);
    let o = DUPLICATE_OFFSET;
    if growing {
        let _ = write!(
            out,
            "<g class=\"duplicate-copy\" transform=\"translate(0 {})\">",
            num(o)
        );
        growing_arrow(out, path, tip);
    } else {
        out.push_str("<g class=\"duplicate-copy\">");
        push_line(out, "arrow", (a.0, a.1 + o), (b.0, b.1 + o));
        if with_head {
            arrow_head(out, a.0, a.1 + o, b.0, b.1 + o);
        }
    }
    out.push_str("</g>");
    let _ = write!(
        marks,
        "<text class=\"dup-mark\" x=\"{}\" y=\"{}\" text-anchor=\"middle\">×2</text>",
        num((a.0 + b.0) / 2.0),
        num((a.1 + b.1) / 2.0 + o + 14.0)
    );
}

/// The arrow of a segment in flight while playing: its whole route, shrunk
/// along its length (and only along it, so the stroke keeps its width) to
/// the part flown so far. The browser grows it by animating that transform
/// alone (see `super::motion`), which it can do without the main thread.
fn growing_arrow(out: &mut String, path: &Path, tip: (f64, f64)) {
    let mut line = String::new();
    push_line(&mut line, "arrow", path.start, path.route_end);
    let (origin, angle, share) = growth(path, tip);
    let transform = arrow_transform(false, origin, angle, share);
    out.push_str(&line.replace("/>", &format!(" transform=\"{transform}\"/>")));
}

fn lost_mark(out: &mut String, x: f64, y: f64, word: &str) {
    let s = 8.0;
    let d = coords(&[
        ("M", x - s),
        (" ", y - s),
        (" L", x + s),
        (" ", y + s),
        (" M", x - s),
        (" ", y + s),
        (" L", x + s),
        (" ", y - s),
    ]);
    let _ = write!(
        out,
        "<g class=\"lost-mark\"><path d=\"{d}\"/><text x=\"{}\" y=\"{}\" text-anchor=\"middle\">",
        num(x),
        num(y + LOST_WORD_DY)
    );
    push_escaped(out, word);
    out.push_str("</text></g>");
}

#[cfg(test)]
mod tests {
    use super::*;
    use tcp_lab_model::Run;
    use tcp_sim::named;

    /// Every named scenario, in both layouts and languages, with relative
    /// and absolute numbers: no label box overlaps another, and each stays
    /// between the timelines when it fits there.
    #[test]
    fn test_no_two_segment_labels_overlap() {
        for name in named::NAMES {
            let run = RunRef(Rc::new(Run::new(named::by_name(name).unwrap(), &[])));
            for geo in [WIDE, NARROW] {
                for lang in [Lang::En, Lang::Zh] {
                    for numbers in [
                        NumberMode::Relative,
                        NumberMode::Absolute,
                        NumberMode::Symbolic,
                    ] {
                        let labels = segment_labels(&run, &geo, lang, numbers);
                        assert_eq!(labels.len(), run.trace.segments.len());
                        for (i, a) in labels.iter().enumerate() {
                            assert!(
                                a.at.x >= 0.0 && a.at.x + a.at.w <= geo.width,
                                "{name}: {a:?}"
                            );
                            for b in &labels[i + 1..] {
                                assert!(!a.at.overlaps(&b.at), "{name} {lang:?}: {a:?} / {b:?}");
                            }
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn test_an_old_duplicate_is_numbered_from_the_isn() {
        let run = Run::new(named::old_duplicate_syn(), &[]);
        let old = run.trace.segments.iter().find(|s| s.injected).unwrap();
        let words = label_words(Lang::En, old, NumberMode::Relative, &run.symbols);
        assert!(words.iter().any(|w| w.starts_with("seq=ISN-")), "{words:?}");
        assert!(words.iter().all(|w| !w.starts_with("seq=-")), "{words:?}");
    }
}
