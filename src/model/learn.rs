//! Issue 4, the learning modes: guided lessons, predict-the-next-step quiz,
//! plain-language analogies, the glossary and the bilingual view.
//!
//! All of it is state in [`Learn`], changed by [`LearnAction`]s and by the
//! hook [`LabState::learn_after`] that the reducer calls after every action
//! (it is what pauses playback at a lesson stop or before a delivery). The
//! lesson *text* is not in the wasm: see `crate::learn_text`.
//!

use tcp_lab_content::lessons::Lesson;
use tcp_lab_content::lessons::{self, LessonScenario};
use tcp_lab_content::quiz;
use tcp_lab_content::quiz::{QuizPoint, Score};
use tcp_lab_content::Lang;
use tcp_sim::Scenario;

use super::setup::{Setup, CUSTOM};
use super::state::{Action, LabState};
use super::timeline::Playhead;

/// Whether a language's learning text has been loaded.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TextStatus {
    #[default]
    NotRequested,
    Loading,
    Ready,
    Failed,
}

/// Which learning panel is open.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LearnView {
    #[default]
    None,
    Lessons,
    Glossary,
}

impl LearnView {
    /// The value of `?learn=`.
    pub fn key(self) -> Option<&'static str> {
        match self {
            LearnView::None => None,
            LearnView::Lessons => Some("lessons"),
            LearnView::Glossary => Some("glossary"),
        }
    }

    pub fn parse(key: &str) -> Option<LearnView> {
        match key {
            "lessons" => Some(LearnView::Lessons),
            "glossary" => Some(LearnView::Glossary),
            _ => None,
        }
    }
}

/// The learning switches a URL can carry: `?learn=lessons|glossary`,
/// `?quiz=1`, `?plain=1`, `?bi=1` (and `?lesson=ID`, kept apart in `UrlOptions`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LearnSwitches {
    pub view: LearnView,
    pub quiz: bool,
    pub plain: bool,
    pub bilingual: bool,
}

/// Where a lesson is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LessonPhase {
    /// The goal is shown; "Continue" starts playing.
    Goal,
    Playing,
    /// Paused at stop `i`, its narration shown.
    Stop(usize),
    /// The narration is over (the last stop passed): the check question.
    /// A wrong answer leaves the check open for another try.
    Check,
    /// The learner found the right answer, this choice.
    Done(usize),
}

#[derive(Clone, Debug, PartialEq)]
pub struct ActiveLesson {
    pub lesson: &'static Lesson,
    pub phase: LessonPhase,
    /// The first stop not yet shown.
    pub next_stop: usize,
    /// The wrong answers to the check so far, in the order tried.
    pub tried: Vec<usize>,
}

impl ActiveLesson {
    /// Once the check is done: whether the first answer was the right one.
    pub fn correct(&self) -> Option<bool> {
        match self.phase {
            LessonPhase::Done(_) => Some(self.tried.is_empty()),
            _ => None,
        }
    }

    /// The choice whose feedback is shown: the right one once found, else
    /// the last wrong try.
    pub fn last_answer(&self) -> Option<usize> {
        match self.phase {
            LessonPhase::Done(c) => Some(c),
            LessonPhase::Check => self.tried.last().copied(),
            _ => None,
        }
    }
}

/// A quiz question being asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuizAsk {
    pub point: QuizPoint,
    /// Shuffles the choices; the same for both languages.
    pub seed: u64,
    pub chosen: Option<usize>,
    pub correct: Option<bool>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Learn {
    pub view: LearnView,
    pub lesson: Option<ActiveLesson>,
    pub quiz: bool,
    pub asking: Option<QuizAsk>,
    pub score: Score,
    pub plain: bool,
    pub bilingual: bool,
    /// Loading state of the text, English then Chinese.
    pub text: [TextStatus; 2],
    /// An unknown `?lesson=` value.
    pub unknown_lesson: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum LearnAction {
    ToggleLessons,
    ToggleGlossary,
    /// Open a lesson by id (the picker, or `?lesson=ID`).
    OpenLesson(String),
    CloseLesson,
    /// "Continue" at the goal or a stop.
    Continue,
    /// The answer to the lesson's check.
    AnswerCheck(usize),
    SetQuiz(bool),
    AnswerQuiz(usize),
    SetPlain(bool),
    SetBilingual(bool),
    TextLoading(Lang),
    TextLoaded(Lang, bool),
}

/// The wall ms (at 1×) before an arrival at which predict mode pauses, so the
/// segment is seen about to land.
const QUIZ_LEAD_WALL_MS: f64 = 1.0;

fn lang_index(lang: Lang) -> usize {
    match lang {
        Lang::En => 0,
        Lang::Zh => 1,
    }
}

impl Learn {
    /// True while a predict-mode question waits for its answer: nothing may
    /// move the playhead past it.
    pub fn question_open(&self) -> bool {
        self.asking.is_some_and(|a| a.chosen.is_none())
    }

    /// True when the views must not show anything after the playhead (the
    /// event log's future entries): predict mode is on, or a question is open.
    pub fn hide_future(&self) -> bool {
        self.quiz || self.question_open()
    }

    pub fn text_status(&self, lang: Lang) -> TextStatus {
        self.text[lang_index(lang)]
    }

    /// True when a view that needs the loaded text is on.
    pub fn needs_text(&self) -> bool {
        self.view != LearnView::None || self.lesson.is_some() || self.plain
    }

    /// The languages whose text the current views need.
    pub fn text_langs(&self, lang: Lang) -> Vec<Lang> {
        if !self.needs_text() {
            Vec::new()
        } else if self.bilingual {
            Lang::ALL.to_vec()
        } else {
            vec![lang]
        }
    }

    /// The scenario to run instead of the setup's, while a lesson with a
    /// scenario of its own (faults included) is open.
    pub fn scenario(&self) -> Option<Scenario> {
        let l = self.lesson.as_ref()?;
        matches!(l.lesson.source, LessonScenario::Custom(_)).then(|| l.lesson.scenario())
    }

    /// The switches, as the URL writes them.
    pub fn switches(&self) -> LearnSwitches {
        LearnSwitches {
            view: self.view,
            quiz: self.quiz,
            plain: self.plain,
            bilingual: self.bilingual,
        }
    }

    /// Sets the switches a URL asked for.
    pub fn set_switches(&mut self, s: LearnSwitches) {
        self.view = s.view;
        self.quiz = s.quiz;
        self.plain = s.plain;
        self.bilingual = s.bilingual;
    }
}

impl LearnView {
    /// `view` if it is not open yet, else no panel: what its switch does.
    fn toggled(self, view: LearnView) -> LearnView {
        if self == view {
            LearnView::None
        } else {
            view
        }
    }
}

impl LabState {
    /// Applies a learning action.
    pub(super) fn learn_apply(&mut self, a: LearnAction) {
        let l = &mut self.learn;
        match a {
            LearnAction::ToggleLessons => l.view = l.view.toggled(LearnView::Lessons),
            LearnAction::ToggleGlossary => l.view = l.view.toggled(LearnView::Glossary),
            LearnAction::SetPlain(on) => l.plain = on,
            LearnAction::SetBilingual(on) => l.bilingual = on,
            LearnAction::TextLoading(lang) => {
                l.text[lang_index(lang)] = TextStatus::Loading;
            }
            LearnAction::TextLoaded(lang, ok) => {
                l.text[lang_index(lang)] = if ok {
                    TextStatus::Ready
                } else {
                    TextStatus::Failed
                };
            }
            a => self.apply_mode(a),
        }
    }
}

impl LabState {
    fn apply_mode(&mut self, a: LearnAction) {
        match a {
            LearnAction::OpenLesson(id) => match lessons::lesson(&id) {
                Some(lesson) => self.open_lesson(lesson),
                None => self.learn.unknown_lesson = Some(id),
            },
            LearnAction::CloseLesson => {
                self.learn.lesson = None;
                self.pause();
            }
            LearnAction::Continue => self.lesson_continue(),
            LearnAction::AnswerCheck(c) => {
                if let Some(l) = self.learn.lesson.as_mut() {
                    if l.phase == LessonPhase::Check
                        && c < l.lesson.check.choices.len()
                        && !l.tried.contains(&c)
                    {
                        if l.lesson.check.is_correct(c) {
                            l.phase = LessonPhase::Done(c);
                        } else {
                            // Wrong: explained, and the check stays open for another try.
                            l.tried.push(c);
                        }
                    }
                }
            }
            LearnAction::SetQuiz(on) => {
                self.learn.quiz = on;
                if !on {
                    self.learn.asking = None;
                }
            }
            LearnAction::AnswerQuiz(c) => self.answer_quiz(c),
            // `learn_apply`'s own.
            LearnAction::ToggleLessons
            | LearnAction::ToggleGlossary
            | LearnAction::SetPlain(_)
            | LearnAction::SetBilingual(_)
            | LearnAction::TextLoading(_)
            | LearnAction::TextLoaded(..) => {}
        }
    }

    fn open_lesson(&mut self, lesson: &'static Lesson) {
        let sc = lesson.scenario();
        let setup = match lesson.source {
            LessonScenario::Named(name) => Setup::named(name, Some(lesson.profile)),
            LessonScenario::Custom(_) => None,
        }
        .unwrap_or_else(|| Setup {
            name: CUSTOM.to_string(),
            profile: lesson.profile,
            delay_ms: sc.one_way_delay[0].as_ms(),
            loss_pct: sc.loss_pct,
            seed: sc.seed,
            client: sc.client.clone(),
            server: sc.server.clone(),
        });
        self.learn.lesson = Some(ActiveLesson {
            lesson,
            phase: LessonPhase::Goal,
            next_stop: 0,
            tried: Vec::new(),
        });
        self.learn.asking = None;
        self.learn.unknown_lesson = None;
        self.start_over(setup);
    }

    fn lesson_continue(&mut self) {
        let at_end = self.at_end();
        let Some(l) = self.learn.lesson.as_mut() else {
            return;
        };
        match l.phase {
            LessonPhase::Goal => {
                l.phase = LessonPhase::Playing;
                if at_end {
                    self.move_to(Playhead::Start);
                }
                self.playing = true;
                self.menu = None;
            }
            LessonPhase::Stop(i) => {
                l.next_stop = i + 1;
                l.phase = LessonPhase::Playing;
                if !at_end {
                    self.playing = true;
                }
                // A later stop at the same instant (or at the end) shows at
                // once; after the last stop, the check.
                self.check_lesson_stop();
            }
            _ => {}
        }
    }

    fn answer_quiz(&mut self, c: usize) {
        let Some(ask) = self.learn.asking else {
            return;
        };
        if ask.chosen.is_some() {
            return;
        }
        let Some(q) = quiz::question_at(&self.run.trace, ask.point, self.lang, ask.seed) else {
            return;
        };
        if c >= q.choices.len() {
            return;
        }
        let right = self.learn.score.answer(&q, c);
        self.learn.asking = Some(QuizAsk {
            chosen: Some(c),
            correct: Some(right),
            ..ask
        });
    }

    /// True when `action` would move the playhead forward from where it is.
    fn moves_forward(&self, action: &Action) -> bool {
        match action {
            Action::StepForward | Action::End | Action::FastForward => true,
            Action::Scrub(w) => *w > self.wall,
            Action::JumpToLog(i) => self
                .run
                .log
                .get(*i)
                .is_some_and(|e| !self.playhead.reached(e.t)),
            _ => false,
        }
    }

    /// Called by the reducer before an action: true when the learning modes
    /// take it over (Space at a lesson stop continues the lesson; play, steps,
    /// scrubbing and jumps forward wait for an unanswered quiz question).
    pub(super) fn learn_before(&mut self, action: &Action) -> bool {
        if self.learn.question_open() && self.moves_forward(action) {
            return true;
        }
        if *action != Action::TogglePlay {
            return false;
        }
        if let Some(l) = &self.learn.lesson {
            if matches!(l.phase, LessonPhase::Goal | LessonPhase::Stop(_)) {
                self.lesson_continue();
                return true;
            }
        }
        if let Some(ask) = self.learn.asking {
            if ask.chosen.is_none() {
                return true;
            }
            self.learn.asking = None;
            self.playing = true;
            return true;
        }
        false
    }

    /// Called by the reducer after every action, with the wall time before it.
    pub(super) fn learn_after(&mut self, action: &Action, prev_wall: f64) {
        match action {
            Action::ChooseScenario(_) | Action::ChooseProfile(_) | Action::ApplyDraft => {
                if self.learn.lesson.is_some() {
                    self.learn.lesson = None;
                }
                self.learn.asking = None;
            }
            Action::Frame(_) => {
                if self.check_lesson_stop() {
                    return;
                }
                self.check_quiz_point(prev_wall);
            }
            Action::Reset
            | Action::StepBack
            | Action::Scrub(_)
            | Action::JumpToLog(_)
            | Action::StepForward
            | Action::End
            | Action::FastForward => {
                self.learn.asking = None;
                self.resync_lesson();
                // A move forward that crosses a question point stops there
                // and asks, as playing does.
                self.check_quiz_point(prev_wall);
            }
            _ => {}
        }
    }

    /// The wall time of stop `i` of the open lesson in the current run.
    fn stop_wall(&self, lesson: &Lesson, i: usize) -> Option<f64> {
        let stop = lesson.stops.get(i)?;
        let t = lessons::stop_time(&stop.at, &self.run.trace)?;
        Some(self.run.schedule.wall_of(&self.run.events, Playhead::At(t)))
    }

    /// After moving the playhead by hand: the next stop is the first one ahead.
    fn resync_lesson(&mut self) {
        let Some(l) = self.learn.lesson.clone() else {
            return;
        };
        if !matches!(l.phase, LessonPhase::Playing | LessonPhase::Stop(_)) {
            return;
        }
        let wall = self.wall;
        let next = (0..l.lesson.stops.len())
            .find(|&i| self.stop_wall(l.lesson, i).is_some_and(|w| w > wall))
            .unwrap_or(l.lesson.stops.len());
        if let Some(a) = self.learn.lesson.as_mut() {
            a.next_stop = next;
            a.phase = LessonPhase::Playing;
        }
    }

    /// Pauses at the lesson's next stop once playback reaches it, and asks the
    /// check at the end. True when it paused.
    fn check_lesson_stop(&mut self) -> bool {
        let Some(l) = self.learn.lesson.clone() else {
            return false;
        };
        if l.phase != LessonPhase::Playing {
            return false;
        }
        let mut next = l.next_stop;
        // Stops the run lacks (the learner's faults can change it) are skipped.
        while next < l.lesson.stops.len() && self.stop_wall(l.lesson, next).is_none() {
            next += 1;
        }
        let total = self.run.schedule.total();
        if let Some(w) = self.stop_wall(l.lesson, next) {
            if self.wall >= w || self.at_end() {
                let t = lessons::stop_time(&l.lesson.stops[next].at, &self.run.trace);
                if let Some(t) = t {
                    self.pause();
                    self.playhead = Playhead::At(t).min(self.run.end());
                    self.wall = w.min(total);
                    self.dwell = 0.0;
                    self.selection = None;
                }
                if let Some(a) = self.learn.lesson.as_mut() {
                    a.next_stop = next;
                    a.phase = LessonPhase::Stop(next);
                }
                return true;
            }
            return false;
        }
        // The check comes when the narration ends: after the last stop (or,
        // for a lesson without stops, at the end of the run).
        if self.at_end() || !l.lesson.stops.is_empty() {
            self.pause();
            if let Some(a) = self.learn.lesson.as_mut() {
                a.next_stop = next;
                a.phase = LessonPhase::Check;
            }
            return true;
        }
        false
    }

    /// Predict mode: pauses just before each delivery (and when a segment is
    /// lost) that playback crossed since `prev_wall`.
    fn check_quiz_point(&mut self, prev_wall: f64) {
        if !self.learn.quiz || self.learn.asking.is_some() {
            return;
        }
        if matches!(
            self.learn.lesson.as_ref().map(|l| l.phase),
            Some(LessonPhase::Goal | LessonPhase::Stop(_) | LessonPhase::Check)
        ) {
            return;
        }
        let now = self.wall;
        let run = self.run.clone();
        let seed = u64::from(self.learn.score.asked) + 1;
        for (t, point) in quiz::quiz_points(&run.trace) {
            let at = run.schedule.wall_of(&run.events, Playhead::At(t));
            let w = match point {
                QuizPoint::Arrival(_) => (at - QUIZ_LEAD_WALL_MS).max(0.0),
                QuizPoint::Loss(_) => at,
            };
            if w <= prev_wall {
                continue;
            }
            if w > now {
                break;
            }
            if quiz::question_at(&run.trace, point, self.lang, seed).is_none() {
                continue;
            }
            self.pause();
            self.wall = w;
            self.playhead = run.schedule.playhead_of(&run.events, w);
            self.dwell = 0.0;
            self.selection = None;
            self.learn.asking = Some(QuizAsk {
                point,
                seed,
                chosen: None,
                correct: None,
            });
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::url::parse_query;
    use std::rc::Rc;
    use yew::Reducible;

    fn lab() -> Rc<LabState> {
        Rc::new(LabState::new(
            &parse_query("?scenario=normal", Some("en")),
            false,
        ))
    }

    fn act(s: Rc<LabState>, a: Action) -> Rc<LabState> {
        s.reduce(a)
    }

    /// Plays with frames of 16 ms until paused; returns the state.
    fn play(mut s: Rc<LabState>, ts: &mut f64) -> Rc<LabState> {
        for _ in 0..100_000 {
            if !s.playing {
                break;
            }
            *ts += 16.0;
            s = act(s, Action::Frame(*ts));
        }
        s
    }

    #[test]
    fn test_a_lesson_pauses_at_every_stop_then_asks_the_check() {
        for lesson in lessons::lessons() {
            let mut s = act(
                lab(),
                Action::Learn(LearnAction::OpenLesson(lesson.id.into())),
            );
            let l = s.learn.lesson.clone().unwrap();
            assert_eq!(l.phase, LessonPhase::Goal);
            assert!(!s.playing);
            let mut ts = 0.0;
            let mut seen = Vec::new();
            s = act(s, Action::TogglePlay); // Space continues
            for _ in 0..50 {
                s = play(s, &mut ts);
                match s.learn.lesson.as_ref().unwrap().phase {
                    LessonPhase::Stop(i) => {
                        let t = lessons::stop_time(&lesson.stops[i].at, &s.run.trace).unwrap();
                        assert_eq!(s.playhead, Playhead::At(t), "{} stop {i}", lesson.id);
                        seen.push(i);
                        s = act(s, Action::Learn(LearnAction::Continue));
                    }
                    LessonPhase::Check => break,
                    p => panic!("{}: stuck in {p:?}", lesson.id),
                }
            }
            assert_eq!(
                seen,
                (0..lesson.stops.len()).collect::<Vec<_>>(),
                "{}",
                lesson.id
            );
            let right = lesson.check.correct;
            s = act(s, Action::Learn(LearnAction::AnswerCheck(right)));
            assert_eq!(s.learn.lesson.as_ref().unwrap().correct(), Some(true));
        }
    }

    #[test]
    fn test_quiz_pauses_before_each_delivery_and_scores() {
        let mut s = act(lab(), Action::Learn(LearnAction::SetQuiz(true)));
        s = act(s, Action::TogglePlay);
        let mut ts = 0.0;
        let points = quiz::quiz_points(&s.run.trace).len();
        let mut asked = 0;
        for _ in 0..100 {
            s = play(s, &mut ts);
            let Some(ask) = s.learn.asking else { break };
            let q = quiz::question_at(&s.run.trace, ask.point, Lang::En, ask.seed).unwrap();
            if let QuizPoint::Arrival(i) = ask.point {
                assert!(
                    !s.playhead.reached(s.run.trace.arrivals[i].t),
                    "paused before the arrival"
                );
            }
            // Play waits for an answer.
            s = act(s, Action::TogglePlay);
            assert!(!s.playing);
            let choice = if asked % 2 == 0 {
                q.correct
            } else {
                (q.correct + 1) % q.choices.len()
            };
            s = act(s, Action::Learn(LearnAction::AnswerQuiz(choice)));
            assert_eq!(s.learn.asking.unwrap().correct, Some(asked % 2 == 0));
            asked += 1;
            s = act(s, Action::TogglePlay);
            assert!(s.playing);
        }
        assert!(asked >= 3 && asked <= points, "{asked} of {points}");
        assert_eq!(s.learn.score.asked as usize, asked);
        assert_eq!(s.learn.score.correct as usize, asked.div_ceil(2));
    }

    #[test]
    fn test_stepping_asks_like_playing_and_cannot_pass_an_open_question() {
        let mut s = act(lab(), Action::Learn(LearnAction::SetQuiz(true)));
        let points = quiz::quiz_points(&s.run.trace);
        let mut asked = 0;
        for _ in 0..200 {
            if s.at_end() {
                break;
            }
            s = act(s, Action::StepForward);
            let Some(ask) = s.learn.asking else { continue };
            asked += 1;
            assert!(s.learn.question_open());
            if let QuizPoint::Arrival(i) = ask.point {
                let t = s.run.trace.arrivals[i].t;
                assert!(!s.playhead.reached(t), "stopped before the arrival");
                // Nothing moves the playhead past the open question.
                let before = s.clone();
                let later = s.run.log.iter().position(|e| e.t >= t).unwrap();
                for a in [
                    Action::StepForward,
                    Action::End,
                    Action::FastForward,
                    Action::Scrub(s.wall + 500.0),
                    Action::JumpToLog(later),
                ] {
                    let after = act(s.clone(), a.clone());
                    assert_eq!(after.playhead, before.playhead, "{a:?}");
                    assert!(after.learn.question_open(), "{a:?}");
                }
            }
            let q = quiz::question_at(&s.run.trace, ask.point, Lang::En, ask.seed).unwrap();
            s = act(s, Action::Learn(LearnAction::AnswerQuiz(q.correct)));
        }
        assert!(s.at_end());
        // One question per instant: arrivals at the same moment (the textbook profile sends an
        // ACK and data together) are asked about once, as playing does.
        let mut instants: Vec<_> = points.iter().map(|(t, _)| *t).collect();
        instants.dedup();
        assert_eq!(asked, instants.len(), "every point asked once");
        assert_eq!(s.learn.score.asked as usize, asked);
        // Predict mode off: steps never ask.
        let mut s = act(s, Action::Learn(LearnAction::SetQuiz(false)));
        s = act(s, Action::Reset);
        while !s.at_end() {
            s = act(s, Action::StepForward);
            assert!(s.learn.asking.is_none());
        }
    }

    #[test]
    fn test_a_lesson_check_comes_after_the_last_stop_and_allows_another_try() {
        let lesson = lessons::lesson("handshake").unwrap();
        let mut s = act(
            lab(),
            Action::Learn(LearnAction::OpenLesson("handshake".into())),
        );
        s = act(s, Action::Learn(LearnAction::Continue));
        let mut ts = 0.0;
        loop {
            s = play(s, &mut ts);
            match s.learn.lesson.as_ref().unwrap().phase {
                LessonPhase::Stop(_) => s = act(s, Action::Learn(LearnAction::Continue)),
                LessonPhase::Check => break,
                p => panic!("stuck in {p:?}"),
            }
        }
        let last = lesson.stops.len() - 1;
        let t = lessons::stop_time(&lesson.stops[last].at, &s.run.trace).unwrap();
        assert!(
            !s.at_end(),
            "the check does not wait for the end of the run"
        );
        assert_eq!(s.playhead, Playhead::At(t));
        let wrong = (lesson.check.correct + 1) % lesson.check.choices.len();
        s = act(s, Action::Learn(LearnAction::AnswerCheck(wrong)));
        let l = s.learn.lesson.clone().unwrap();
        assert_eq!(l.phase, LessonPhase::Check, "another try");
        assert_eq!(l.last_answer(), Some(wrong));
        s = act(
            s,
            Action::Learn(LearnAction::AnswerCheck(lesson.check.correct)),
        );
        let l = s.learn.lesson.clone().unwrap();
        assert_eq!(l.phase, LessonPhase::Done(lesson.check.correct));
        assert_eq!(l.correct(), Some(false), "not right the first time");
    }

    #[test]
    fn test_text_is_needed_only_by_the_text_views() {
        let s = lab();
        assert!(s.learn.text_langs(Lang::En).is_empty());
        let s = act(s, Action::Learn(LearnAction::SetQuiz(true)));
        assert!(
            s.learn.text_langs(Lang::En).is_empty(),
            "the quiz text is in the wasm"
        );
        let s = act(s, Action::Learn(LearnAction::ToggleGlossary));
        assert_eq!(s.learn.text_langs(Lang::Zh), vec![Lang::Zh]);
        let s = act(s, Action::Learn(LearnAction::SetBilingual(true)));
        assert_eq!(s.learn.text_langs(Lang::Zh), vec![Lang::En, Lang::Zh]);
    }
}
