//! The one application state and the actions that change it.
//!
//! Any change to the scenario re-runs the whole simulation (microseconds to a
//! few milliseconds); moving the playhead never does. Runs are deterministic,
//! so a fault added at the playhead leaves everything before it unchanged and
//! the playhead can stay where it is.

use std::rc::Rc;

use tcp_lab_content::Lang;
use tcp_sim::{Fault, FaultAction, FaultMatch, Instant, ProfileName};

use crate::connection::ConnectionLadder;
use crate::faults::{ArmTarget, LearnerFault};
use crate::learn::{Learn, LearnAction};
use crate::log::LogKind;
use crate::notices::Notice;
use crate::numtext::clamp;
use crate::playback::Playback;
use crate::run::{Run, RunRef};
use crate::setup::{
    is_server_name, DraftErrors, DraftField, ServerKnobs, Setup, SetupDraft, CUSTOM,
    DEFAULT_PROFILE, DEFAULT_SCENARIO,
};
use crate::timeline::Playhead;
use crate::url::UrlOptions;
use crate::view::NumberMode;

mod capture;
mod learning;
mod link;

#[derive(Clone, Debug, PartialEq)]
pub struct LabState {
    pub lang: Lang,
    pub setup: Setup,
    pub draft: SetupDraft,
    pub draft_errors: DraftErrors,
    pub learner_faults: Vec<LearnerFault>,
    pub run: RunRef,
    pub playback: Playback,
    pub numbers: NumberMode,
    /// The log entry the learner picked; `None` follows the playhead.
    pub selection: Option<usize>,
    /// The segment whose fate menu is open.
    pub menu: Option<usize>,
    /// The last fate the learner tried to arm for a kind of segment the run will not send
    /// again after the playhead: not armed, and said so next to the form.
    pub arm_refused: Option<ArmTarget>,
    pub notices: Vec<Notice>,
    /// Lessons, quiz, plain language, glossary, bilingual view.
    pub learn: Learn,
    /// A capture file the learner opened (see `crate::capture`).
    pub capture: Option<crate::capture::CaptureView>,
    /// The connection of a capture whose derived steps are the setup (from a link, or from
    /// running them); any new setup forgets it.
    pub derived_from: Option<crate::capture::CaptureOrigin>,
    /// In a server run: the connection whose ladder, log and explanations are shown.
    pub connection: Option<ConnectionLadder>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    SetLang(Lang),
    TogglePlay,
    Pause,
    /// An animation frame, with its timestamp.
    Frame(f64),
    StepForward,
    StepBack,
    Reset,
    End,
    FastForward,
    /// Move to this wall time (ms at 1×).
    Scrub(f64),
    SetSpeed(f64),
    SetNumbers(NumberMode),
    /// The learner clicked a segment: select it and open its fate menu.
    OpenSegment(usize),
    CloseMenu,
    SetSegmentFate(usize, FaultAction),
    ArmFate(ArmTarget, FaultAction),
    RemoveFault(usize),
    ClearFaults,
    ChooseScenario(String),
    ChooseProfile(ProfileName),
    EditDraft(DraftField, String),
    ApplyDraft,
    JumpToLog(usize),
    DismissNotice(usize),
    /// Something the learner should know, e.g. a text pack that failed to load.
    Notify(Notice),
    SetReducedMotion(bool),
    /// The learning modes (see `crate::learn`).
    Learn(LearnAction),
    /// Opening a capture and showing its connections (see `crate::capture`).
    Capture(crate::capture::CaptureAction),
    /// In a server run: show this connection's ladder.
    SelectConnection(usize),
    /// In a server run: run again with these changes to the listener and its clients.
    SetServerKnobs(ServerKnobs),
}

impl LabState {
    pub fn new(options: &UrlOptions, reduced_motion: bool) -> LabState {
        let name = options.scenario.as_deref().unwrap_or(DEFAULT_SCENARIO);
        // A link without a profile gets the textbook's, whatever the scenario's own is; but a
        // server scenario keeps its own, since its file sets the listener for that profile.
        let profile = options
            .profile
            .or((!is_server_name(name)).then_some(DEFAULT_PROFILE));
        let setup = Setup::named(name, profile)
            .or_else(|| Setup::named(DEFAULT_SCENARIO, profile))
            .expect("the default scenario exists");
        let run = RunRef(Rc::new(Run::new(setup.scenario(), &[])));
        LabState {
            lang: options.lang,
            draft: setup.draft(),
            setup,
            draft_errors: DraftErrors::default(),
            learner_faults: Vec::new(),
            run,
            playback: Playback::new(options.speed, options.autoplay, reduced_motion),
            numbers: options.numbers,
            selection: None,
            menu: None,
            arm_refused: None,
            notices: options.notices.clone(),
            learn: Default::default(),
            capture: None,
            derived_from: None,
            connection: None,
        }
        .with_connection()
        .restored(options)
    }

    /// The rest of what the URL asked for (see `link.rs`).
    fn restored(mut self, options: &UrlOptions) -> LabState {
        self.restore(options);
        self
    }

    fn with_connection(mut self) -> LabState {
        self.follow_connection(None);
        self
    }

    /// After a new run: in a server run, the ladder shows connection `wanted` if the run has it,
    /// else the one it showed, else the first client's; otherwise there is none.
    pub(crate) fn follow_connection(&mut self, wanted: Option<usize>) {
        if self.run.server.is_none() {
            self.connection = None;
            return;
        }
        let n = self.run.trace.connections.len();
        let conn = wanted
            .or(self.connection.as_ref().map(|c| c.conn))
            .filter(|&c| c < n)
            .or_else(|| ConnectionLadder::default_conn(&self.run));
        self.connection = conn.and_then(|c| ConnectionLadder::new(&self.run, c));
        // Playback is paced by the ladder's run: the same instant sits elsewhere on its clock.
        let ladder = self.ladder();
        let wall = ladder
            .schedule
            .wall_of(&ladder.events, self.playback.playhead);
        self.playback.wall = wall;
    }

    /// The run the ladder, the event log and the explanations show: in a server run, the selected
    /// connection's; otherwise the run itself. Playback always moves through the whole run.
    pub fn ladder(&self) -> &RunRef {
        self.connection.as_ref().map_or(&self.run, |c| &c.run)
    }

    pub fn at_end(&self) -> bool {
        self.playback.at_end(self.ladder())
    }

    pub fn can_fast_forward(&self) -> bool {
        self.playback.can_fast_forward(self.ladder())
    }

    /// The log entry the explanation panel and the announcer are about: the
    /// learner's pick, else the latest moment's first state change, else its
    /// last entry.
    pub fn focus(&self) -> Option<usize> {
        self.focus_group().first().copied()
    }

    /// Every log entry the explanation panel explains, in order: the learner's pick alone; else
    /// every state change of the latest moment (one segment can move an endpoint twice, as a
    /// FIN+ACK does from FIN-WAIT-1 through FIN-WAIT-2 to TIME-WAIT); else its last entry.
    pub fn focus_group(&self) -> Vec<usize> {
        if let Some(i) = self.selection {
            return vec![i];
        }
        let run = self.ladder();
        let Some(last) = run.log_position(self.playback.playhead) else {
            return Vec::new();
        };
        let t = run.log[last].t;
        let first_of_moment = run.log[..=last].partition_point(|e| e.t < t);
        let changes: Vec<usize> = (first_of_moment..=last)
            .filter(|&i| matches!(run.log[i].kind, LogKind::Transition(_)))
            .collect();
        if changes.is_empty() {
            vec![last]
        } else {
            changes
        }
    }

    pub(crate) fn move_to(&mut self, p: Playhead) {
        let ladder = self.connection.as_ref().map_or(&self.run, |c| &c.run);
        self.playback.move_to(ladder, p);
        self.selection = None;
    }

    pub(crate) fn pause(&mut self) {
        self.playback.pause();
    }

    pub(crate) fn rerun(&mut self) {
        let mut scenario = self
            .learn
            .scenario()
            .unwrap_or_else(|| self.setup.scenario());
        let learner: Vec<Fault> = self.learner_faults.iter().map(|f| f.fault).collect();
        // The learner's faults come first so that they win over the scenario's own.
        scenario.faults.splice(0..0, learner);
        let drawn: Vec<(usize, Instant)> = self
            .learner_faults
            .iter()
            .filter_map(|f| match (f.fault.matches, f.dropped_at) {
                (FaultMatch::Id(id), Some(at)) => Some((id, at)),
                _ => None,
            })
            .collect();
        self.run = RunRef(Rc::new(Run::new(scenario, &drawn)));
        self.follow_connection(None);
        let p = self.playback.playhead.min(self.run.end());
        let selection = self.selection.filter(|&i| i < self.ladder().log.len());
        self.move_to(p);
        self.selection = selection;
    }

    /// A new scenario or profile: start over without the learner's faults.
    pub(crate) fn start_over(&mut self, setup: Setup) {
        self.arm_refused = None;
        self.derived_from = None;
        self.setup = setup;
        self.draft = self.setup.draft();
        self.draft_errors = DraftErrors::default();
        self.learner_faults.clear();
        self.menu = None;
        self.pause();
        self.playback.playhead = Playhead::Start;
        self.rerun();
    }

    fn log_index_of_segment(&self, id: usize) -> Option<usize> {
        self.ladder()
            .log
            .iter()
            .position(|e| e.kind == LogKind::Sent(id))
    }

    pub(crate) fn apply(&mut self, action: Action) {
        match action {
            Action::SetLang(lang) => self.lang = lang,
            Action::TogglePlay => {
                if self.playback.playing {
                    self.pause();
                } else {
                    if self.at_end() {
                        self.move_to(Playhead::Start);
                    }
                    self.playback.playing = true;
                    self.menu = None;
                    self.selection = None;
                }
            }
            Action::Pause => self.pause(),
            Action::Frame(ts) => {
                let ladder = self.connection.as_ref().map_or(&self.run, |c| &c.run);
                if self.playback.frame(ladder, ts) {
                    self.selection = None;
                }
            }
            Action::StepForward => {
                self.pause();
                if let Some(t) = self.ladder().events.next_after(self.playback.playhead) {
                    self.move_to(Playhead::At(t));
                }
            }
            Action::StepBack => {
                self.pause();
                let p = self.ladder().events.previous_before(self.playback.playhead);
                self.move_to(p);
            }
            Action::Reset => {
                self.pause();
                self.menu = None;
                self.move_to(Playhead::Start);
            }
            Action::End => {
                self.pause();
                self.menu = None;
                let end = self.run.end();
                self.move_to(end);
            }
            Action::FastForward => {
                let ladder = self.ladder();
                if let Some(p) = ladder
                    .schedule
                    .fast_forward_target(&ladder.events, self.playback.playhead)
                {
                    self.move_to(p);
                }
            }
            Action::Scrub(wall) => {
                let ladder = self.ladder();
                let (p, total) = (
                    ladder.schedule.playhead_of(&ladder.events, wall),
                    ladder.schedule.total(),
                );
                self.move_to(p);
                self.playback.wall = clamp(wall, 0.0, total);
            }
            Action::SetSpeed(speed) => self.playback.speed = speed,
            Action::SetNumbers(mode) => self.numbers = mode,
            Action::OpenSegment(id) => {
                self.pause();
                self.menu = Some(id);
                self.selection = self.log_index_of_segment(id);
            }
            Action::CloseMenu => self.menu = None,
            Action::SetSegmentFate(id, action) => self.set_segment_fate(id, action),
            Action::ArmFate(target, action) if self.connection.is_some() => {
                self.arm_on_connection(target, action)
            }
            Action::ArmFate(target, action) => {
                let nth = 1 + self
                    .run
                    .count_sent(target.dir, target.flags, self.playback.playhead);
                // The run is deterministic: a fate for a segment it does not send would never
                // be used, so it is refused, and the form says so.
                if self
                    .run
                    .count_sent(target.dir, target.flags, self.run.end())
                    < nth
                {
                    self.arm_refused = Some(target);
                    return;
                }
                self.arm_refused = None;
                self.learner_faults.insert(
                    0,
                    LearnerFault {
                        fault: Fault {
                            matches: FaultMatch::Flags {
                                dir: target.dir,
                                flags: target.flags,
                                nth: Some(nth),
                            },
                            action,
                        },
                        dropped_at: None,
                    },
                );
                self.rerun();
            }
            Action::RemoveFault(i) => {
                if i < self.learner_faults.len() {
                    self.learner_faults.remove(i);
                    self.rerun();
                }
            }
            Action::ClearFaults => {
                self.learner_faults.clear();
                self.rerun();
            }
            Action::ChooseScenario(name) => {
                let setup = if name == CUSTOM {
                    Some(Setup {
                        name: CUSTOM.to_string(),
                        knobs: ServerKnobs::default(),
                        ..self.setup.clone()
                    })
                } else if is_server_name(&name) {
                    // A server scenario's file sets its listener for its own profile.
                    Setup::named(&name, None)
                } else {
                    Setup::named(&name, Some(self.setup.profile))
                };
                if let Some(setup) = setup {
                    self.start_over(setup);
                }
            }
            Action::ChooseProfile(profile) => {
                let setup = Setup {
                    profile,
                    ..self.setup.clone()
                };
                self.start_over(setup);
            }
            Action::EditDraft(field, value) => self.draft.set(field, value),
            Action::ApplyDraft => match self.draft.apply(&self.setup) {
                Ok(setup) => self.start_over(setup),
                Err(errors) => self.draft_errors = *errors,
            },
            Action::JumpToLog(i) => {
                if let Some(t) = self.ladder().log.get(i).map(|e| e.t) {
                    self.pause();
                    self.menu = None;
                    self.move_to(Playhead::At(t));
                    self.selection = Some(i);
                }
            }
            Action::Notify(n) => {
                if !self.notices.contains(&n) {
                    self.notices.push(n);
                }
            }
            Action::DismissNotice(i) => {
                if i < self.notices.len() {
                    self.notices.remove(i);
                }
            }
            Action::SetReducedMotion(on) => self.playback.reduced_motion = on,
            Action::Learn(a) => self.learn_apply(a),
            Action::Capture(a) => self.capture_apply(a),
            Action::SelectConnection(conn) => {
                if self.run.server.is_some() && conn < self.run.trace.connections.len() {
                    self.menu = None;
                    self.selection = None;
                    self.follow_connection(Some(conn));
                }
            }
            Action::SetServerKnobs(knobs) => {
                if self.setup.is_server() && knobs != self.setup.knobs {
                    self.setup.knobs = knobs;
                    // The faults named segments of the old run; the playhead stays.
                    self.learner_faults.clear();
                    self.menu = None;
                    self.rerun();
                }
            }
        }
    }

    /// `id` is a segment of the ladder; in a server run, of the selected connection's.
    /// In a server run, "the next SYN-ACK" is the next one of the connection on the ladder, not
    /// of the whole run (in a flood that would be a flood's): the fate is set on that segment of
    /// the whole run. The run is deterministic, so the re-run sends it again with that id.
    fn arm_on_connection(&mut self, target: ArmTarget, action: FaultAction) {
        let Some(c) = &self.connection else {
            return;
        };
        let p = self.playback.playhead;
        let next =
            c.run.trace.segments.iter().find(|s| {
                s.dir == target.dir && s.segment.flags == target.flags && !p.reached(s.sent)
            });
        let Some(id) = next.map(|s| c.segment_ids[s.id]) else {
            self.arm_refused = Some(target);
            return;
        };
        self.arm_refused = None;
        self.learner_faults.insert(
            0,
            LearnerFault {
                fault: Fault::on_segment(id, action),
                dropped_at: None,
            },
        );
        self.rerun();
    }

    fn set_segment_fate(&mut self, id: usize, action: FaultAction) {
        let Some(flight) = self.ladder().flights.get(id) else {
            return;
        };
        if !flight.in_flight(self.playback.playhead) {
            return;
        }
        let shown = id;
        let id = match &self.connection {
            Some(c) => c.segment_ids[id],
            None => id,
        };
        let Playhead::At(now) = self.playback.playhead else {
            return;
        };
        // Faults on segments sent after the playhead belong to a future this
        // change rewrites; the segment itself gets only its newest fate.
        let sent: Vec<Instant> = self.run.trace.segments.iter().map(|s| s.sent).collect();
        self.learner_faults.retain(|f| match f.fault.matches {
            FaultMatch::Id(other) => other != id && sent.get(other).is_some_and(|&t| t <= now),
            FaultMatch::Flags { .. } => true,
        });
        self.learner_faults.insert(
            0,
            LearnerFault {
                fault: Fault::on_segment(id, action),
                dropped_at: (action == FaultAction::Drop).then_some(now),
            },
        );
        self.menu = None;
        self.rerun();
        self.selection = self.log_index_of_segment(shown);
    }
}

impl LabState {
    /// Whether two states are equal. One function, never inlined: the reducer
    /// and the app's view both compare states, and an inlined copy in each
    /// cost about 1 KB of the gzipped wasm (measured).
    #[inline(never)]
    pub fn same(&self, other: &LabState) -> bool {
        self == other
    }

    /// The reducer: the state after `action`. The state itself when nothing
    /// changed, so that a view can tell without comparing.
    pub fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        if matches!(action, Action::Frame(_)) && !self.playback.playing {
            return self;
        }
        let mut next = (*self).clone();
        if next.capture_before(&action) {
            return Rc::new(next);
        }
        if next.learn_before(&action) {
            // Taken over by the learning modes: nothing else to do.
            if next.same(&self) {
                return self;
            }
            return Rc::new(next);
        }
        next.apply(action.clone());
        next.learn_after(&action, self.playback.wall);
        next.capture_after();
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::url::parse_query;
    use tcp_sim::{Dir, Fate, Side, State};

    fn lab(query: &str) -> LabState {
        LabState::new(&parse_query(query, Some("en")), false)
    }

    fn act(s: &mut LabState, a: Action) {
        s.apply(a);
    }

    /// The state of `side` at the playhead.
    fn at(s: &LabState, side: Side) -> State {
        s.run.state_at(side, s.playback.playhead)
    }

    #[test]
    fn test_steps_walk_the_normal_run_and_back() {
        let mut s = lab("?scenario=normal");
        assert_eq!(at(&s, Side::Client), State::Closed);
        act(&mut s, Action::StepForward);
        assert_eq!(s.playback.playhead, Playhead::At(Instant::ZERO));
        assert_eq!(at(&s, Side::Client), State::SynSent);
        act(&mut s, Action::StepForward);
        assert_eq!(at(&s, Side::Server), State::SynReceived);
        act(&mut s, Action::StepBack);
        assert_eq!(at(&s, Side::Server), State::Listen);
        act(&mut s, Action::End);
        assert!(s.at_end());
        assert_eq!(at(&s, Side::Client), State::Closed);
        act(&mut s, Action::StepBack);
        assert_eq!(at(&s, Side::Client), State::TimeWait);
    }

    #[test]
    fn test_playing_advances_and_stops_at_the_end() {
        let mut s = lab("?scenario=normal&autoplay=1");
        assert!(s.playback.playing);
        let mut ts = 0.0;
        let mut frames = 0;
        while s.playback.playing && frames < 100_000 {
            ts += 16.0;
            act(&mut s, Action::Frame(ts));
            frames += 1;
        }
        assert!(s.at_end(), "stopped at the end after {frames} frames");
        // About the schedule's length: no frame is lost, none counted twice.
        let expected = s.run.schedule.total() / 16.0;
        assert!(
            (frames as f64 - expected).abs() < 3.0,
            "{frames} vs {expected}"
        );
        act(&mut s, Action::TogglePlay);
        assert!(
            s.playback.playing && s.playback.playhead == Playhead::Start,
            "play at the end starts over"
        );
    }

    #[test]
    fn test_reduced_motion_jumps_from_event_to_event() {
        let mut s = LabState::new(&parse_query("?autoplay=1", None), true);
        act(&mut s, Action::Frame(0.0));
        for i in 1..=75 {
            act(&mut s, Action::Frame(i as f64 * 16.0));
        }
        assert_eq!(
            s.playback.playhead,
            Playhead::At(Instant::ZERO),
            "one jump after 1.2 s"
        );
    }

    #[test]
    fn test_dropping_the_first_synack_in_flight_makes_the_syn_return() {
        let mut s = lab("?scenario=normal");
        act(&mut s, Action::StepForward); // SYN sent
        act(&mut s, Action::StepForward); // SYN-ACK sent
        let sa = s
            .run
            .trace
            .segments
            .iter()
            .find(|x| x.flags_str() == "SA")
            .unwrap()
            .id;
        let wall = s.playback.wall + 700.0; // more than halfway across
        act(&mut s, Action::Scrub(wall));
        assert!(s.run.flights[sa].in_flight(s.playback.playhead));
        let before = s.playback.playhead;
        act(&mut s, Action::OpenSegment(sa));
        assert_eq!(s.menu, Some(sa));
        act(&mut s, Action::SetSegmentFate(sa, FaultAction::Drop));
        assert_eq!(s.playback.playhead, before, "the playhead stays");
        assert_eq!(s.menu, None);
        let seg = &s.run.trace.segments[sa];
        assert_eq!(seg.fate, Fate::Lost);
        // Drawn vanishing where it was dropped: already gone.
        assert!(!s.run.flights[sa].in_flight(s.playback.playhead));
        act(&mut s, Action::StepBack);
        act(&mut s, Action::StepForward);
        assert_eq!(
            s.playback.playhead, before,
            "the loss is an event to step to"
        );
        let syns = s
            .run
            .trace
            .segments
            .iter()
            .filter(|x| x.flags_str() == "S")
            .count();
        assert!(syns >= 2, "{}", s.run.trace.summary());
        act(&mut s, Action::End);
        assert_eq!(at(&s, Side::Client), State::Closed);
        assert!(s
            .run
            .trace
            .transitions
            .iter()
            .any(|t| t.side == Side::Client && t.to == State::Established));
    }

    #[test]
    fn test_fate_of_a_landed_segment_cannot_change() {
        let mut s = lab("?scenario=normal");
        act(&mut s, Action::End);
        let before = s.run.clone();
        act(&mut s, Action::SetSegmentFate(0, FaultAction::Drop));
        assert_eq!(s.run, before, "no re-run");
        assert!(s.learner_faults.is_empty());
    }

    fn synack() -> ArmTarget {
        ArmTarget::new(Dir::S2C, "SA")
    }

    #[test]
    fn test_a_fate_the_run_never_uses_is_refused() {
        let mut s = lab("?scenario=connection_refused");
        let kinds: Vec<String> = s.run.sent_kinds().iter().map(|k| k.key()).collect();
        assert_eq!(kinds, ["c2s:S", "s2c:RA"]);
        act(&mut s, Action::ArmFate(synack(), FaultAction::Drop));
        assert!(s.learner_faults.is_empty());
        assert_eq!(s.arm_refused, Some(synack()));
        // Once the only SYN has been sent, another SYN fate is refused too.
        let syn = ArmTarget::new(Dir::C2S, "S");
        act(&mut s, Action::ArmFate(syn, FaultAction::Drop));
        assert_eq!(s.learner_faults.len(), 1, "the first SYN can be dropped");
        assert_eq!(s.arm_refused, None);
        let mut s = lab("?scenario=connection_refused");
        act(&mut s, Action::End);
        act(&mut s, Action::ArmFate(syn, FaultAction::Drop));
        assert!(s.learner_faults.is_empty());
        assert_eq!(s.arm_refused, Some(syn));
    }

    #[test]
    fn test_server_run_armed_fate_hits_the_next_segment_of_the_connection_on_the_ladder() {
        let mut s = lab("?scenario=syn_flood_cookies");
        let conn = s.connection.as_ref().unwrap().conn;
        let synack = ArmTarget::new(Dir::S2C, "SA");
        act(&mut s, Action::ArmFate(synack, FaultAction::Drop));
        assert_eq!(s.arm_refused, None);
        let Some(FaultMatch::Id(id)) = s.learner_faults.first().map(|f| f.fault.matches) else {
            panic!("a fate on one segment: {:?}", s.learner_faults);
        };
        let seg = &s.run.trace.segments[id];
        assert_eq!((seg.conn, seg.flags_str().as_str()), (Some(conn), "SA"));
        assert!(seg.lost());
        // The client's SYN is sent again, and answered.
        let view = &s.connection.as_ref().unwrap().run.trace;
        assert!(
            view.segments
                .iter()
                .filter(|x| x.flags_str() == "SA")
                .count()
                >= 2
        );
    }

    #[test]
    fn test_armed_fate_hits_the_next_matching_segment() {
        let mut s = lab("?scenario=normal");
        act(&mut s, Action::ArmFate(synack(), FaultAction::Drop));
        let sa: Vec<_> = s
            .run
            .trace
            .segments
            .iter()
            .filter(|x| x.flags_str() == "SA")
            .collect();
        assert_eq!(sa[0].fate, Fate::Lost);
        assert_eq!(sa[1].fate, Fate::Delivered);
        // Arming again once the first (lost) SYN-ACK is out targets the second one, which
        // this run sends because the first was lost.
        let flags = synack().flags;
        while s.run.count_sent(Dir::S2C, flags, s.playback.playhead) == 0 {
            act(&mut s, Action::StepForward);
        }
        act(&mut s, Action::ArmFate(synack(), FaultAction::Duplicate));
        assert_eq!(s.arm_refused, None);
        let f = s.learner_faults[0].fault;
        assert_eq!(
            f,
            Fault::new(Dir::S2C, "SA", Some(2), FaultAction::Duplicate)
        );
    }

    #[test]
    fn test_scenario_and_profile_changes_start_over() {
        let mut s = lab("?scenario=normal");
        assert_eq!(s.run.scenario.profile, ProfileName::Rfc, "the default");
        act(
            &mut s,
            Action::ArmFate(ArmTarget::new(Dir::C2S, "S"), FaultAction::Drop),
        );
        act(&mut s, Action::StepForward);
        act(&mut s, Action::ChooseProfile(ProfileName::Linux));
        assert_eq!(s.run.scenario.profile, ProfileName::Linux);
        assert!(s.learner_faults.is_empty());
        assert_eq!(s.playback.playhead, Playhead::Start);
        act(&mut s, Action::ChooseScenario("server_closes_first".into()));
        assert_eq!(s.setup.name, "server_closes_first");
        assert_eq!(
            s.run.scenario.profile,
            ProfileName::Linux,
            "the profile is kept"
        );
        act(&mut s, Action::ChooseScenario("no_such".into()));
        assert_eq!(s.setup.name, "server_closes_first");
    }

    #[test]
    fn test_apply_reports_errors_and_keeps_the_run() {
        let mut s = lab("");
        let before = s.run.clone();
        act(
            &mut s,
            Action::EditDraft(DraftField::ClientSteps, "connect\nwarp 9".into()),
        );
        act(&mut s, Action::ApplyDraft);
        assert_eq!(s.run, before);
        assert_eq!(s.draft_errors.client_steps.as_ref().unwrap().line, 2);
        act(
            &mut s,
            Action::EditDraft(
                DraftField::ClientSteps,
                "connect\nsend 100\nsend 100\nsend 100\nshutdown\nrecv_eof\nclose".into(),
            ),
        );
        act(&mut s, Action::ApplyDraft);
        assert_eq!(s.setup.name, CUSTOM);
        assert_eq!(s.draft_errors, DraftErrors::default());
        act(&mut s, Action::End);
        assert_eq!(s.run.trace.bytes_sent[0], 300);
    }

    #[test]
    fn test_focus_prefers_the_state_change_of_the_moment() {
        let mut s = lab("");
        assert_eq!(s.focus(), None);
        act(&mut s, Action::StepForward);
        act(&mut s, Action::StepForward);
        let i = s.focus().unwrap();
        assert!(matches!(s.run.log[i].kind, LogKind::Transition(_)));
        act(&mut s, Action::JumpToLog(0));
        assert_eq!(s.focus(), Some(0));
    }

    // Server runs: a listener with many connections.

    #[test]
    fn test_a_server_scenario_opens_by_name_with_its_own_profile() {
        let s = lab("?scenario=syn_flood_cookies");
        assert_eq!(s.setup.name, "syn_flood_cookies");
        assert_eq!(s.run.scenario.profile, ProfileName::Linux, "the file's own");
        assert!(s.run.server.is_some());
        assert!(s.notices.is_empty(), "{:?}", s.notices);
        // The whole trace is the run's; the ladder is the first client's connection.
        assert!(s.run.trace.connections.len() > 5000);
        let c = s.connection.as_ref().unwrap();
        assert_eq!(
            s.run.trace.connections[c.conn].origin,
            tcp_sim::server::Origin::Client(0)
        );
        assert_eq!(s.ladder().trace.segments.len(), c.segment_ids.len());
        assert!(s.ladder().trace.connections.is_empty());
        let lab_rfc = lab("?scenario=time_wait_old_syn");
        assert_eq!(lab_rfc.run.scenario.profile, ProfileName::Rfc);
        // A one-connection scenario has no connection to pick.
        assert!(lab("?scenario=normal").connection.is_none());
    }

    #[test]
    fn test_selecting_a_connection_changes_the_ladder_not_the_playhead() {
        let mut s = lab("?scenario=accept_queue_overflow");
        act(&mut s, Action::StepForward);
        act(&mut s, Action::StepForward);
        let p = s.playback.playhead;
        let first = s.connection.as_ref().unwrap().conn;
        let third = s
            .run
            .trace
            .connections
            .iter()
            .find(|c| c.origin == tcp_sim::server::Origin::Client(2))
            .unwrap()
            .id;
        act(&mut s, Action::SelectConnection(third));
        assert_eq!(s.connection.as_ref().unwrap().conn, third);
        assert_ne!(third, first);
        assert_eq!(s.playback.playhead, p);
        let ids = &s.connection.as_ref().unwrap().segment_ids;
        assert!(ids
            .iter()
            .all(|&id| s.run.trace.segments[id].conn == Some(third)));
        // An unknown connection changes nothing.
        act(&mut s, Action::SelectConnection(99));
        assert_eq!(s.connection.as_ref().unwrap().conn, third);
        // Stepping moves through the whole run; the focus is on the shown connection's log.
        act(&mut s, Action::End);
        let focus = s.focus_group();
        assert!(focus.iter().all(|&i| i < s.ladder().log.len()));
    }

    #[test]
    fn test_turning_syn_cookies_off_drops_syns_and_keeps_the_connection() {
        let mut s = lab("?scenario=syn_flood_cookies");
        let counters = |s: &LabState| s.run.trace.listener.as_ref().unwrap().counters;
        assert_eq!(counters(&s).syns_dropped, 0);
        let shown = s.connection.as_ref().unwrap().conn;
        let knobs = ServerKnobs {
            syncookies: Some(false),
            ..s.setup.knobs
        };
        act(&mut s, Action::SetServerKnobs(knobs));
        assert!(counters(&s).syns_dropped > 0);
        assert_eq!(counters(&s).cookies_sent, 0);
        assert_eq!(s.connection.as_ref().unwrap().conn, shown);
        // Stopping the flood: only the clients' connections are left.
        act(
            &mut s,
            Action::SetServerKnobs(ServerKnobs {
                flood: Some(0),
                ..knobs
            }),
        );
        assert_eq!(s.run.trace.connections.len(), 10);
        assert_eq!(counters(&s).syns_dropped, 0);
        // A one-connection run has no knobs.
        let mut n = lab("?scenario=normal");
        let before = n.run.clone();
        act(&mut n, Action::SetServerKnobs(knobs));
        assert_eq!(n.run, before);
    }

    #[test]
    fn test_choosing_a_server_scenario_and_back() {
        let mut s = lab("?scenario=normal");
        act(&mut s, Action::ChooseScenario("port_exhaustion".into()));
        assert!(s.run.server.is_some() && s.connection.is_some());
        act(&mut s, Action::ChooseScenario("normal".into()));
        assert!(s.run.server.is_none() && s.connection.is_none());
        assert_eq!(s.setup.knobs, ServerKnobs::default());
    }

    #[test]
    fn test_dropping_a_segment_of_the_shown_connection_drops_it_in_the_server_run() {
        let mut s = lab("?scenario=accept_queue_overflow");
        // Step until the shown connection's SYN-ACK is in flight.
        let synack = |s: &LabState| {
            s.ladder()
                .trace
                .segments
                .iter()
                .find(|x| x.flags_str() == "SA")
                .map(|x| x.id)
        };
        let id = synack(&s).unwrap();
        while !s.ladder().flights[id].in_flight(s.playback.playhead) {
            act(&mut s, Action::StepForward);
        }
        let global = s.connection.as_ref().unwrap().segment_ids[id];
        act(&mut s, Action::SetSegmentFate(id, FaultAction::Drop));
        assert_eq!(s.run.trace.segments[global].fate, Fate::Lost);
        assert_eq!(s.ladder().trace.segments[id].fate, Fate::Lost);
        assert_eq!(
            s.learner_faults[0].fault.matches,
            FaultMatch::Id(global),
            "the fault names the run's segment"
        );
        // The server sends its SYN-ACK again, on the same connection's ladder.
        act(&mut s, Action::End);
        let synacks = s
            .ladder()
            .trace
            .segments
            .iter()
            .filter(|x| x.flags_str() == "SA")
            .count();
        assert!(synacks >= 2);
    }
}
