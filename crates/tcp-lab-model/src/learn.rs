//! The learning modes' state: guided lessons, predict-the-next-step quiz,
//! plain-language analogies, the glossary and the bilingual view.
//!
//! All of it is in [`Learn`], changed by [`LearnAction`]s: [`Learn::apply`]
//! takes those that change nothing else; the root state takes the rest, and
//! after every action pauses playback at a lesson stop or before a delivery
//! (`crate::state`'s `learning.rs`). The lesson *text* is not in the app's
//! wasm: the app loads it.

use tcp_lab_content::lessons::{Lesson, LessonScenario};
use tcp_lab_content::quiz::{QuizPoint, Score};
use tcp_lab_content::Lang;
use tcp_sim::Scenario;

use crate::view::{LearnSwitches, LearnView};

/// Whether a language's learning text has been loaded.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TextStatus {
    #[default]
    NotRequested,
    Loading,
    Ready,
    Failed,
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

pub(crate) fn lang_index(lang: Lang) -> usize {
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
    /// scenario of its own (faults included) is open. A server lesson's scenario
    /// is a named setup like any other, so the server view's knobs still apply.
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

    /// Applies a learning action that changes nothing but the learning
    /// modes; gives back the others, for the root state.
    pub fn apply(&mut self, a: LearnAction) -> Option<LearnAction> {
        match a {
            LearnAction::ToggleLessons => self.view = self.view.toggled(LearnView::Lessons),
            LearnAction::ToggleGlossary => self.view = self.view.toggled(LearnView::Glossary),
            LearnAction::SetPlain(on) => self.plain = on,
            LearnAction::SetBilingual(on) => self.bilingual = on,
            LearnAction::TextLoading(lang) => {
                self.text[lang_index(lang)] = TextStatus::Loading;
            }
            LearnAction::TextLoaded(lang, ok) => {
                self.text[lang_index(lang)] = if ok {
                    TextStatus::Ready
                } else {
                    TextStatus::Failed
                };
            }
            LearnAction::SetQuiz(on) => {
                self.quiz = on;
                if !on {
                    self.asking = None;
                }
            }
            LearnAction::AnswerCheck(c) => {
                if let Some(l) = self.lesson.as_mut() {
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
            a => return Some(a),
        }
        None
    }
}
