//! Playback between events.
//!
//! The model moves the playhead only when something happens: a segment is
//! sent or lands, a state changes, a timer starts, stops or fires, the run
//! ends. In between, nothing the app draws changes but where the playhead
//! and the segments in flight are, and the numbers counting time; so Yew
//! renders once per event, and in between
//!
//! - the browser moves the segments in flight and the playhead line (Web
//!   Animations set up once per event, from the [`Clock`]: see
//!   `components::motion`);
//! - a small writer sets a few texts and values (the clock, the scrubber,
//!   the timers' countdowns) a few times a second, without a Yew render;
//! - one timer wakes the model at the next event ([`next_wake`]).
//!
//! Anything the learner does while playing first tells the model the time
//! ([`sync`]), so that a pause, a speed change or a click on a moving
//! segment acts where the learner saw the playhead.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_render::{request_animation_frame, AnimationFrame};
use gloo_timers::callback::{Interval, Timeout};
use tcp_lab_content::Lang;
use tcp_sim::{Instant, Side};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement};
use yew::prelude::*;

use crate::components::{num, playhead_text, timers::countdown};
use tcp_lab_model::playback::REDUCED_MOTION_STEP_MS;
use tcp_lab_model::run::Run;
use tcp_lab_model::{Action, LabState, Playhead, RunRef};

use crate::lab::Lab;

/// How often the writer updates the clock, the scrubber and the countdowns
/// while playing (ms).
const WRITE_EVERY_MS: u32 = 200;
/// A wake comes this much after the moment it is for, so that rounding
/// never leaves the playhead just short of the event it is due at.
const WAKE_MARGIN_MS: f64 = 0.01;

/// Now, on the document's clock (the one animation frames and Web
/// Animations use).
pub fn now() -> f64 {
    gloo_utils::window().performance().map_or(0.0, |p| p.now())
}

/// Tells the model the time, before an action taken while playing (a
/// no-op when paused).
pub fn sync(dispatcher: &UseReducerDispatcher<Lab>) {
    dispatcher.dispatch(Action::Frame(now()));
}

/// Where the playhead was, and when, while playing smoothly: where it is at
/// any later moment until the next event follows from it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Clock {
    /// The playhead as wall time at 1× (see `model::timeline::Schedule`) at `at`.
    pub wall: f64,
    /// The moment the playhead was at `wall`, on the document's clock (ms).
    pub at: f64,
    pub speed: f64,
}

impl Clock {
    /// The clock of a state that is playing and sliding (not jumping from
    /// event to event for reduced motion), once its first frame anchored it.
    pub fn of(s: &LabState) -> Option<Clock> {
        if !s.playback.playing || s.playback.reduced_motion {
            return None;
        }
        Some(Clock {
            wall: s.playback.wall,
            at: s.playback.last_frame?,
            speed: s.playback.speed.max(f64::MIN_POSITIVE),
        })
    }

    /// The playhead's wall time at the moment `t`.
    pub fn wall_at(&self, t: f64) -> f64 {
        self.wall + (t - self.at).max(0.0) * self.speed
    }

    /// The moment the playhead reaches the wall time `wall`.
    pub fn moment_of(&self, wall: f64) -> f64 {
        self.at + (wall - self.wall).max(0.0) / self.speed
    }
}

/// When the model must next be told the time while playing.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Wake {
    /// Playback has just started: its first frame anchors the clock.
    NextFrame,
    /// At the first animation frame from this moment (document clock, ms).
    At(f64),
}

/// The next moment, after the playhead, at which something the views show
/// changes: the next event, or a timer of the ladder's run starting or stopping
/// (its countdown comes or goes).
pub fn next_change(ladder: &Run, p: Playhead) -> Instant {
    let next_event = ladder.events.next_after(p).unwrap_or(ladder.end_instant());
    let after = |t: Instant| !p.reached(t);
    ladder
        .timers
        .iter()
        .flat_map(|s| [s.start, s.end])
        .filter(|&t| after(t))
        .fold(next_event, Instant::min)
}

/// When the model must next see the time, or `None` when paused.
pub fn next_wake(s: &LabState) -> Option<Wake> {
    if !s.playback.playing {
        return None;
    }
    let Some(at) = s.playback.last_frame else {
        return Some(Wake::NextFrame);
    };
    let speed = s.playback.speed.max(f64::MIN_POSITIVE);
    let wall_left = if s.playback.reduced_motion {
        REDUCED_MOTION_STEP_MS - s.playback.dwell
    } else {
        let ladder = s.ladder();
        let next = ladder.schedule.wall_of(
            &ladder.events,
            Playhead::At(next_change(ladder, s.playback.playhead)),
        );
        next - s.playback.wall
    };
    Some(Wake::At(at + wall_left.max(0.0) / speed + WAKE_MARGIN_MS))
}

/// A pending wake: a timer, then the animation frame it asks for. Dropping
/// it cancels both.
struct Pending {
    _timeout: Option<Timeout>,
    _frame: Rc<RefCell<Option<AnimationFrame>>>,
}

impl Pending {
    fn start(wake: Wake, dispatcher: UseReducerDispatcher<Lab>) -> Pending {
        let frame = Rc::new(RefCell::new(None));
        let timeout = match wake {
            Wake::NextFrame => {
                let handle =
                    request_animation_frame(move |ts| dispatcher.dispatch(Action::Frame(ts)));
                *frame.borrow_mut() = Some(handle);
                None
            }
            Wake::At(at) => {
                let delay = (at - now()).max(0.0).ceil();
                let slot = frame.clone();
                // Rendering at the start of a frame, as the browser prefers.
                Some(Timeout::new(delay as u32, move || {
                    let handle = request_animation_frame(move |ts| {
                        dispatcher.dispatch(Action::Frame(ts.max(at)))
                    });
                    *slot.borrow_mut() = Some(handle);
                }))
            }
        };
        Pending {
            _timeout: timeout,
            _frame: frame,
        }
    }
}

/// Wakes the model at each event while playing (see [`next_wake`]).
#[hook]
pub fn use_playback(state: &UseReducerHandle<Lab>) {
    let wake = next_wake(state);
    let dispatcher = state.dispatcher();
    use_effect_with((wake, state.playback.frame), move |(wake, _)| {
        let pending = wake.map(|w| Pending::start(w, dispatcher));
        move || drop(pending)
    });
}

/// The texts and values that count time, written straight into the page:
/// the clock and the scrubber of the controls, and each running timer's
/// countdown (see `components::timers`).
struct LiveText {
    /// Whose countdowns the badges show and whose schedule paces playback (a server run's
    /// selected connection).
    ladder: RunRef,
    lang: Lang,
}

impl LiveText {
    fn write(&self, p: Playhead, wall: f64) {
        let document = gloo_utils::document();
        let find = |sel: &str| document.query_selector(sel).ok().flatten();
        let time = playhead_text(self.lang, p);
        if let Some(clock) = find("main#lab .controls .clock") {
            set_text(&clock, &time);
        }
        if let Some(scrub) = find("main#lab input[data-action=\"scrub\"]")
            .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
        {
            let value = num(wall);
            if scrub.value() != value {
                scrub.set_value(&value);
            }
            set_attr(&scrub, "aria-valuetext", &time);
        }
        for side in [Side::Client, Side::Server] {
            for r in self.ladder.running_timers(side, p) {
                let sel = format!(
                    "main#lab [data-endpoint=\"{}\"] [data-timer=\"{}\"]",
                    side.name(),
                    r.kind.key()
                );
                let Some(item) = find(&sel) else {
                    continue;
                };
                let (left, bar) = countdown(self.lang, &r);
                if let Some(el) = item.query_selector(".timer-left").ok().flatten() {
                    set_text(&el, &left);
                }
                if let Some(el) = item.query_selector(".timer-bar rect").ok().flatten() {
                    set_attr(&el, "width", &bar);
                }
            }
        }
    }
}

/// Sets the text of the element's first text node (the one Yew keeps), if
/// it changed: replacing the node would leave Yew writing to a detached one.
fn set_text(el: &Element, text: &str) {
    if let Some(node) = el.first_child() {
        if node.node_value().as_deref() != Some(text) {
            node.set_node_value(Some(text));
        }
    }
}

fn set_attr(el: &Element, name: &str, value: &str) {
    if el.get_attribute(name).as_deref() != Some(value) {
        let _ = el.set_attribute(name, value);
    }
}

/// Keeps the texts that count time (see [`LiveText`]) moving while playing.
///
/// Yew draws them at each event; in between the writer updates them. At
/// each change of the state it first writes the state's own values: where
/// Yew's new value equals its previous one, Yew leaves the page alone, which
/// may still show the writer's last value.
#[hook]
pub fn use_live_text(state: &LabState) {
    let deps = (
        state.ladder().clone(),
        state.lang,
        state.playback.playhead,
        state.playback.wall,
        Clock::of(state),
    );
    use_effect_with(deps, |(ladder, lang, playhead, wall, clock)| {
        let live = LiveText {
            ladder: ladder.clone(),
            lang: *lang,
        };
        live.write(*playhead, *wall);
        let interval = clock.map(|clock| {
            Interval::new(WRITE_EVERY_MS, move || {
                let paced = &live.ladder;
                let wall = clock.wall_at(now()).min(paced.schedule.total());
                live.write(paced.schedule.playhead_of(&paced.events, wall), wall);
            })
        });
        move || drop(interval)
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use tcp_lab_model::url::parse_query;

    fn act(s: Rc<LabState>, a: Action) -> Rc<LabState> {
        s.reduce(a)
    }

    /// A state playing `query`, its clock anchored at the moment 1000.
    fn playing(query: &str) -> Rc<LabState> {
        let s = Rc::new(LabState::new(&parse_query(query, Some("en")), false));
        act(s, Action::Frame(1000.0))
    }

    #[test]
    fn test_playback_wakes_at_each_event_and_reaches_it() {
        let mut s = playing("?scenario=normal&autoplay=1");
        let mut wakes = 0;
        let mut seen = vec![s.playback.playhead];
        while s.playback.playing {
            let Some(Wake::At(t)) = next_wake(&s) else {
                panic!("a playing, anchored state wakes at a moment");
            };
            s = act(s, Action::Frame(t));
            seen.push(s.playback.playhead);
            wakes += 1;
            assert!(wakes < 1000, "the run ends");
        }
        assert!(s.at_end());
        // Every event was reached on its own wake, a hair after it at most.
        let times = s.run.events.times();
        for (i, &t) in times.iter().enumerate() {
            let next = times
                .get(i + 1)
                .map_or(Playhead::At(t), |&n| Playhead::At(n));
            assert!(
                seen.iter()
                    .any(|&p| p >= Playhead::At(t) && (p < next || p == Playhead::At(t))),
                "{t:?} reached"
            );
        }
        // No more wakes than events and timer changes.
        assert!(wakes <= s.run.events.times().len() + 2 * s.run.timers.len());
    }

    #[test]
    fn test_a_late_wake_does_not_play_a_long_gap_as_time() {
        let s = playing("?scenario=normal&autoplay=1");
        let Some(Wake::At(t)) = next_wake(&s) else {
            panic!("anchored");
        };
        // A background tab: the wake comes a minute late.
        let s = act(s, Action::Frame(t + 60_000.0));
        let events = s.run.events.times();
        assert!(s.playback.playing, "not played to the end");
        assert!(
            s.playback.playhead <= Playhead::At(events[1]),
            "{:?}",
            s.playback.playhead
        );
    }

    #[test]
    fn test_clock_says_where_the_playhead_is_between_events() {
        let s = playing("?scenario=normal&autoplay=1&speed=2");
        let c = Clock::of(&s).expect("playing");
        assert_eq!(c.wall_at(1000.0), s.playback.wall);
        assert_eq!(c.wall_at(1100.0), s.playback.wall + 200.0);
        assert_eq!(c.moment_of(s.playback.wall + 200.0), 1100.0);
        let paused = LabState::new(&parse_query("?scenario=normal", Some("en")), false);
        assert_eq!(Clock::of(&paused), None);
        assert_eq!(next_wake(&paused), None);
        let reduced = LabState::new(&parse_query("?autoplay=1", Some("en")), true);
        assert_eq!(Clock::of(&reduced), None, "reduced motion jumps instead");
        assert_eq!(next_wake(&reduced), Some(Wake::NextFrame));
    }
}
