//! Playback: where the playhead is, whether it moves and how fast. It plays a
//! run it only reads; an animation frame changes nothing but this.

use crate::numtext::clamp;
use crate::run::Run;
use crate::timeline::Playhead;

/// With reduced motion, playback jumps from event to event after this long (wall ms at 1×).
pub const REDUCED_MOTION_STEP_MS: f64 = 1200.0;
/// A frame that comes more than this late for the next event (a background tab, a breakpoint)
/// does not play the rest of its gap as time.
const MAX_FRAME_MS: f64 = 100.0;

#[derive(Clone, Debug, PartialEq)]
pub struct Playback {
    pub playhead: Playhead,
    /// The playhead as wall time at 1× (see [`crate::timeline::Schedule`]).
    pub wall: f64,
    pub playing: bool,
    pub speed: f64,
    /// While playing, the moment (ms on the document's clock: `performance.now()`, animation
    /// frames, Web Animations) at which the playhead was at `wall`. Frames come only at events
    /// (the app's playback driver): in between, the browser runs the animation from this moment.
    pub last_frame: Option<f64>,
    /// Counts frames, so the view knows to ask for the next one.
    pub frame: u64,
    /// Reduced motion: wall time spent on the current event.
    pub dwell: f64,
    pub reduced_motion: bool,
}

impl Playback {
    /// At the start, playing or not.
    pub fn new(speed: f64, playing: bool, reduced_motion: bool) -> Playback {
        Playback {
            playhead: Playhead::Start,
            wall: 0.0,
            playing,
            speed,
            last_frame: None,
            frame: 0,
            dwell: 0.0,
            reduced_motion,
        }
    }

    pub fn at_end(&self, run: &Run) -> bool {
        self.playhead >= run.end()
    }

    pub fn can_fast_forward(&self, run: &Run) -> bool {
        run.schedule
            .fast_forward_target(&run.events, self.playhead)
            .is_some()
    }

    pub fn move_to(&mut self, run: &Run, p: Playhead) {
        self.playhead = p;
        self.wall = run.schedule.wall_of(&run.events, p);
        self.dwell = 0.0;
    }

    pub fn pause(&mut self) {
        self.playing = false;
        self.last_frame = None;
    }

    /// An animation frame at `ts`. True when it jumped to the next event
    /// (reduced motion), as a step does.
    pub fn frame(&mut self, run: &Run, ts: f64) -> bool {
        if !self.playing {
            return false;
        }
        let speed = self.speed.max(f64::MIN_POSITIVE);
        // How long until the next event (or the next reduced-motion jump) at this speed: a
        // frame may cover that whole gap, since frames come only at events.
        let due = if self.reduced_motion {
            REDUCED_MOTION_STEP_MS - self.dwell
        } else {
            run.schedule.next_event_wall(&run.events, self.playhead) - self.wall
        }
        .max(0.0)
            / speed;
        let dt = self
            .last_frame
            .map_or(0.0, |last| clamp(ts - last, 0.0, due + MAX_FRAME_MS));
        self.last_frame = Some(ts);
        self.frame = self.frame.wrapping_add(1);
        let advance = dt * self.speed;
        let mut jumped = false;
        if self.reduced_motion {
            // No sliding: hold each event, then jump to the next.
            self.dwell += advance;
            if self.dwell >= REDUCED_MOTION_STEP_MS {
                if let Some(t) = run.events.next_after(self.playhead) {
                    self.move_to(run, Playhead::At(t));
                    jumped = true;
                }
            }
        } else {
            let total = run.schedule.total();
            self.wall = (self.wall + advance).min(total);
            self.playhead = run.schedule.playhead_of(&run.events, self.wall);
        }
        if self.at_end(run) {
            self.playhead = run.end();
            self.pause();
        }
        jumped
    }
}
