//! The root state and the learning modes: what a lesson or the quiz does to
//! playback and the run (opening a lesson starts its run, a lesson stop or a
//! quiz question pauses playback, nothing passes an open question).

use tcp_lab_content::lessons::{self, Lesson, LessonScenario};
use tcp_lab_content::quiz::{self, QuizPoint};

use crate::learn::{ActiveLesson, LearnAction, LessonPhase, QuizAsk};
use crate::setup::{Setup, CUSTOM};
use crate::timeline::Playhead;

use super::{Action, LabState};

/// The wall ms (at 1×) before an arrival at which predict mode pauses, so the
/// segment is seen about to land.
const QUIZ_LEAD_WALL_MS: f64 = 1.0;

impl LabState {
    /// Applies a learning action: the learning modes' own, or one that also
    /// moves playback or reads the run.
    pub(super) fn learn_apply(&mut self, a: LearnAction) {
        let Some(a) = self.learn.apply(a) else {
            return;
        };
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
            LearnAction::AnswerQuiz(c) => self.answer_quiz(c),
            // `Learn::apply`'s own.
            LearnAction::ToggleLessons
            | LearnAction::ToggleGlossary
            | LearnAction::SetPlain(_)
            | LearnAction::SetBilingual(_)
            | LearnAction::TextLoading(_)
            | LearnAction::TextLoaded(..)
            | LearnAction::SetQuiz(_)
            | LearnAction::AnswerCheck(_) => {}
        }
    }

    fn open_lesson(&mut self, lesson: &'static Lesson) {
        let sc = lesson.scenario();
        let setup = match lesson.source {
            LessonScenario::Named(name) | LessonScenario::Server(name) => {
                Setup::named(name, Some(lesson.profile))
            }
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
            knobs: Default::default(),
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
                self.playback.playing = true;
                self.menu = None;
            }
            LessonPhase::Stop(i) => {
                l.next_stop = i + 1;
                l.phase = LessonPhase::Playing;
                if !at_end {
                    self.playback.playing = true;
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
            Action::Scrub(w) => *w > self.playback.wall,
            Action::JumpToLog(i) => self
                .run
                .log
                .get(*i)
                .is_some_and(|e| !self.playback.playhead.reached(e.t)),
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
            self.playback.playing = true;
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
        let ladder = self.ladder();
        Some(ladder.schedule.wall_of(&ladder.events, Playhead::At(t)))
    }

    /// After moving the playhead by hand: the next stop is the first one ahead.
    fn resync_lesson(&mut self) {
        let Some(l) = self.learn.lesson.clone() else {
            return;
        };
        if !matches!(l.phase, LessonPhase::Playing | LessonPhase::Stop(_)) {
            return;
        }
        let wall = self.playback.wall;
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
        let total = self.ladder().schedule.total();
        if let Some(w) = self.stop_wall(l.lesson, next) {
            if self.playback.wall >= w || self.at_end() {
                let t = lessons::stop_time(&l.lesson.stops[next].at, &self.run.trace);
                if let Some(t) = t {
                    self.pause();
                    self.playback.playhead = Playhead::At(t).min(self.run.end());
                    self.playback.wall = w.min(total);
                    self.playback.dwell = 0.0;
                    self.selection = None;
                    // In a server run the ladder shows the connection the narration is about.
                    let stop = &l.lesson.stops[next].at;
                    if let Some(conn) = lessons::stop_connection(stop, &self.run.trace) {
                        self.follow_connection(Some(conn));
                    }
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
        let now = self.playback.wall;
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
            self.playback.wall = w;
            self.playback.playhead = run.schedule.playhead_of(&run.events, w);
            self.playback.dwell = 0.0;
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
    use crate::url::parse_query;
    use std::rc::Rc;
    use tcp_lab_content::Lang;

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
            if !s.playback.playing {
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
            assert!(!s.playback.playing);
            let mut ts = 0.0;
            let mut seen = Vec::new();
            s = act(s, Action::TogglePlay); // Space continues
            for _ in 0..50 {
                s = play(s, &mut ts);
                match s.learn.lesson.as_ref().unwrap().phase {
                    LessonPhase::Stop(i) => {
                        let t = lessons::stop_time(&lesson.stops[i].at, &s.run.trace).unwrap();
                        assert_eq!(
                            s.playback.playhead,
                            Playhead::At(t),
                            "{} stop {i}",
                            lesson.id
                        );
                        if let Some(conn) =
                            lessons::stop_connection(&lesson.stops[i].at, &s.run.trace)
                        {
                            let shown = s.connection.as_ref().map(|c| c.conn);
                            assert_eq!(shown, Some(conn), "{} stop {i}: the ladder", lesson.id);
                        }
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
                    !s.playback.playhead.reached(s.run.trace.arrivals[i].t),
                    "paused before the arrival"
                );
            }
            // Play waits for an answer.
            s = act(s, Action::TogglePlay);
            assert!(!s.playback.playing);
            let choice = if asked % 2 == 0 {
                q.correct
            } else {
                (q.correct + 1) % q.choices.len()
            };
            s = act(s, Action::Learn(LearnAction::AnswerQuiz(choice)));
            assert_eq!(s.learn.asking.unwrap().correct, Some(asked % 2 == 0));
            asked += 1;
            s = act(s, Action::TogglePlay);
            assert!(s.playback.playing);
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
                assert!(
                    !s.playback.playhead.reached(t),
                    "stopped before the arrival"
                );
                // Nothing moves the playhead past the open question.
                let before = s.clone();
                let later = s.run.log.iter().position(|e| e.t >= t).unwrap();
                for a in [
                    Action::StepForward,
                    Action::End,
                    Action::FastForward,
                    Action::Scrub(s.playback.wall + 500.0),
                    Action::JumpToLog(later),
                ] {
                    let after = act(s.clone(), a.clone());
                    assert_eq!(after.playback.playhead, before.playback.playhead, "{a:?}");
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
        assert_eq!(s.playback.playhead, Playhead::At(t));
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
