//! The learning modes: the lesson player, predict mode's question, the
//! plain-language analogy, the glossary, and what the live region says for them.

use tcp_lab_content::learn_text as keys;
use tcp_lab_content::lessons::Lesson;
use tcp_lab_content::quiz::{self, Question};
use tcp_lab_content::{analogy_for_cause, analogy_for_reason, fill_limits, AnalogyTopic, Lang};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement, KeyboardEvent};
use yew::prelude::*;

use crate::dispatch::{callback, use_dispatch};
use crate::i18n::{t, Ui};
use crate::learn_text;
use tcp_lab_model::learn::{Learn, LearnAction, LessonPhase, TextStatus};
use tcp_lab_model::log::LogKind;
use tcp_lab_model::{Action, RunRef};

/// The languages to show: the current one, then the other in bilingual view.
fn shown(lang: Lang, bilingual: bool) -> Vec<Lang> {
    if bilingual {
        vec![lang, lang.other()]
    } else {
        vec![lang]
    }
}

/// A loaded text, or "" while loading, with the retry limits it quotes
/// (`{linux_syn_give_up_s}`, …) filled in; other placeholders stay.
fn text(lang: Lang, key: &str) -> String {
    learn_text::get(lang, key)
        .map(|s| fill_limits(&s, lang).into_owned())
        .unwrap_or_default()
}

/// "Loading…" or the failure message, when the text a view needs is not there.
fn text_status(lang: Lang, learn: &Learn) -> Html {
    let langs = learn.text_langs(lang);
    if langs
        .iter()
        .any(|&l| learn.text_status(l) == TextStatus::Failed)
    {
        html! { <p class="learn-status error" role="alert" data-testid="learn-text-error">{ t(lang, Ui::TextFailed) }</p> }
    } else if langs
        .iter()
        .any(|&l| learn.text_status(l) != TextStatus::Ready)
    {
        html! { <p class="learn-status" role="status" data-testid="learn-text-loading">{ t(lang, Ui::LoadingText) }</p> }
    } else {
        Html::default()
    }
}

/// The choices of a question are a radio group: the arrow keys move the
/// focus between them (wrapping) instead of stepping the run, Home and End go
/// to the first and the last; Enter or Space picks the focused one.
fn radio_keys(e: KeyboardEvent) {
    let step: i32 = match e.key().as_str() {
        "ArrowRight" | "ArrowDown" => 1,
        "ArrowLeft" | "ArrowUp" => -1,
        "Home" => i32::MIN,
        "End" => i32::MAX,
        _ => return,
    };
    e.prevent_default();
    let Some(here) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return;
    };
    let Some(group) = here.closest("[role=radiogroup]").ok().flatten() else {
        return;
    };
    let Ok(list) = group.query_selector_all("button[data-choice]:not([disabled])") else {
        return;
    };
    let buttons: Vec<HtmlElement> = (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<HtmlElement>().ok())
        .collect();
    if buttons.is_empty() {
        return;
    }
    let n = buttons.len() as i32;
    let at = buttons
        .iter()
        .position(|b| b.is_same_node(Some(here.as_ref())))
        .map_or(-1, |i| i as i32);
    let next = match step {
        i32::MIN => 0,
        i32::MAX => n - 1,
        s if at < 0 => {
            if s > 0 {
                0
            } else {
                n - 1
            }
        }
        s => (at + s).rem_euclid(n),
    };
    let _ = buttons[next as usize].focus();
}

/// One choice of a question, as a radio button of its group.
struct Choice {
    n: usize,
    label: String,
    checked: bool,
    disabled: bool,
    /// The one the Tab key reaches (the group's roving tab stop).
    focusable: bool,
    /// Shown once the learner may know it.
    right: Option<bool>,
}

impl Choice {
    fn view(self, node_ref: NodeRef, onclick: Callback<MouseEvent>) -> Html {
        html! {
            <button type="button" role="radio" data-choice={self.n.to_string()} disabled={self.disabled}
                    aria-checked={self.checked.to_string()} tabindex={if self.focusable { "0" } else { "-1" }}
                    ref={node_ref} data-right={self.right.map(|r| r.to_string())} onclick={onclick}>
                { self.label }
            </button>
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct LessonPanelProps {
    pub lang: Lang,
    pub learn: Learn,
    pub run: RunRef,
}

/// The lesson picker and the open lesson: goal, narration at each stop,
/// Continue, the check question and the completion message.
#[function_component(LessonPanel)]
pub fn lesson_panel(p: &LessonPanelProps) -> Html {
    let lang = p.lang;
    let on = callback(&use_dispatch(), Action::Learn);
    let learn = &p.learn;
    let langs = shown(lang, learn.bilingual);
    let continue_ref = use_node_ref();
    let phase = learn.lesson.as_ref().map(|l| (l.lesson.id, l.phase));
    let tries = learn.lesson.as_ref().map_or(0, |l| l.tried.len());

    // Focus "Continue" when it appears, so Enter (or Space) goes on.
    {
        let continue_ref = continue_ref.clone();
        use_effect_with((phase, tries), move |_| {
            if let Some(el) = continue_ref.cast::<HtmlElement>() {
                let _ = el.focus();
            }
        });
    }
    // Tell the host page (issue 5 forwards it with postMessage).
    // `correct`: whether the first answer was the right one.
    let first_try = learn.lesson.as_ref().and_then(|l| l.correct());
    use_effect_with(phase, move |phase| {
        if let (Some((id, LessonPhase::Done(_))), Some(correct)) = (*phase, first_try) {
            dispatch_lesson_complete(id, correct);
        }
    });

    let on_pick = {
        let on = on.clone();
        Callback::from(move |e: Event| {
            let v = e
                .target_dyn_into::<web_sys::HtmlSelectElement>()
                .map(|s| s.value())
                .unwrap_or_default();
            if !v.is_empty() {
                on.emit(LearnAction::OpenLesson(v));
            }
        })
    };
    let current = learn.lesson.as_ref().map(|l| l.lesson.id).unwrap_or("");
    let picker = html! {
        <label class="lesson-picker">
            <span>{ t(lang, Ui::ChooseLesson) }</span>
            <select data-action="lesson" aria-label={t(lang, Ui::ChooseLesson)} onchange={on_pick}>
                <option value="" selected={current.is_empty()}>{ t(lang, Ui::PickALesson) }</option>
                { for tcp_lab_content::lessons::lessons().iter().enumerate().map(|(i, l)| {
                    let title = learn_text::get(lang, &keys::lesson_title(l.id)).unwrap_or_else(|| l.id.to_string());
                    html! { <option value={l.id} selected={l.id == current}>{ format!("{}. {title}", i + 1) }</option> }
                }) }
            </select>
        </label>
    };

    let body = learn.lesson.as_ref().map(|a| {
        let lesson: &Lesson = a.lesson;
        let id = lesson.id;
        let on = on.clone();
        let cont = {
            let on = on.clone();
            Callback::from(move |_| on.emit(LearnAction::Continue))
        };
        let close = {
            let on = on.clone();
            Callback::from(move |_| on.emit(LearnAction::CloseLesson))
        };
        let bi = |key: &str, class: &'static str| {
            html! {
                <div class={classes!("bi", class, learn.bilingual.then_some("both"))}>
                    { for langs.iter().map(|&l| html! { <p lang={l.code()}>{ text(l, key) }</p> }) }
                </div>
            }
        };
        let goal = html! {
            <div class="lesson-goal" data-testid="lesson-goal">
                <h4>{ t(lang, Ui::LessonGoal) }</h4>
                { bi(&keys::lesson_goal(id), "goal") }
            </div>
        };
        let stage = match a.phase {
            LessonPhase::Goal => html! {
                <button type="button" class="primary" data-action="lesson-continue" ref={continue_ref.clone()}
                        onclick={cont.clone()}>{ t(lang, Ui::StartLesson) }</button>
            },
            LessonPhase::Playing => Html::default(),
            LessonPhase::Stop(i) => {
                let run = &p.run;
                html! {
                    <>
                        <div class="lesson-narration" data-testid="lesson-narration" data-stop={i.to_string()}>
                            <h4>{ format!("{} {} / {}", t(lang, Ui::StopOf), i + 1, lesson.stops.len()) }</h4>
                            <div class={classes!("bi", learn.bilingual.then_some("both"))}>
                                { for langs.iter().map(|&l| {
                                    let tpl = text(l, &keys::lesson_stop(id, i));
                                    html! { <p lang={l.code()}>{ lesson.narration_from(i, &tpl, l, &run.trace) }</p> }
                                }) }
                            </div>
                        </div>
                        <button type="button" class="primary" data-action="lesson-continue" ref={continue_ref.clone()}
                                onclick={cont.clone()}>{ t(lang, Ui::Continue) }</button>
                    </>
                }
            }
            LessonPhase::Check | LessonPhase::Done(_) => {
                let done = matches!(a.phase, LessonPhase::Done(_));
                let last = a.last_answer();
                let check = &lesson.check;
                // The tab stop: the first choice still open.
                let first_open = (0..check.choices.len()).find(|n| !a.tried.contains(n));
                let has_why = !check.why.is_empty();
                html! {
                    <div class="lesson-check" data-testid="lesson-check">
                        <h4>{ t(lang, Ui::Check) }</h4>
                        { bi(&keys::lesson_question(id), "question") }
                        <div class="choices" role="radiogroup" aria-label={t(lang, Ui::Answer)}
                             onkeydown={Callback::from(radio_keys)}>
                            { for (0..check.choices.len()).map(|n| {
                                let on = on.clone();
                                let label: Vec<String> = langs.iter().map(|&l| text(l, &keys::lesson_choice(id, n))).collect();
                                let tried = a.tried.contains(&n);
                                // Right or wrong is shown for the choices tried, and for all once done.
                                let right = (done || tried).then(|| check.is_correct(n));
                                let focus = first_open == Some(n) && !done;
                                Choice { n, label: label.join(" / "), checked: last == Some(n), disabled: done || tried,
                                         focusable: first_open == Some(n), right }
                                    .view(if focus { continue_ref.clone() } else { NodeRef::default() },
                                          Callback::from(move |_| on.emit(LearnAction::AnswerCheck(n))))
                            }) }
                        </div>
                        if let Some(c) = last {
                            <div class="feedback" data-testid="lesson-feedback" data-choice={c.to_string()}
                                 data-correct={done.to_string()} role="status">
                                <p><strong>{ t(lang, if done { Ui::Right } else { Ui::Wrong }) }</strong>
                                   if !done { { " " }{ t(lang, Ui::TryAgain) } }</p>
                                if has_why {
                                    { bi(&keys::lesson_choice_why(id, c), "why") }
                                }
                                if done {
                                    { bi(&keys::lesson_explanation(id), "explanation") }
                                }
                            </div>
                        }
                        if let Some(first_try) = a.correct() {
                            <p class="lesson-complete" data-testid="lesson-complete" data-correct={first_try.to_string()}>
                                { t(lang, Ui::LessonComplete) }
                            </p>
                        }
                    </div>
                }
            }
        };
        let mistakes = mistakes_card(lang, &langs, lesson);
        html! {
            <div class="lesson" data-lesson={id} data-phase={phase_key(a.phase)}>
                <h3>{ for langs.iter().map(|&l| html! { <span lang={l.code()}>{ text(l, &keys::lesson_title(id)) }</span> }) }</h3>
                { goal }
                { stage }
                { mistakes }
                <button type="button" class="link" data-action="lesson-close" onclick={close}>{ t(lang, Ui::CloseLesson) }</button>
            </div>
        }
    });

    html! {
        <section class="panel learn-panel" data-testid="lessons" aria-label={t(lang, Ui::Lessons)}>
            <h2>{ t(lang, Ui::Lessons) }</h2>
            { picker }
            if learn.unknown_lesson.is_some() {
                <p class="learn-status error" role="status">{ t(lang, Ui::UnknownLesson) }</p>
            }
            { text_status(lang, learn) }
            { for body }
        </section>
    }
}

/// The lesson's "Common mistakes" card: each claim learners bring from
/// popular articles, marked wrong, and what is true instead.
fn mistakes_card(lang: Lang, langs: &[Lang], lesson: &Lesson) -> Html {
    if lesson.mistakes.is_empty() {
        return Html::default();
    }
    let id = lesson.id;
    let heading_id = format!("lesson-mistakes-{id}");
    html! {
        <section class="lesson-mistakes" data-testid="lesson-mistakes" aria-labelledby={heading_id.clone()}>
            <h4 id={heading_id}>{ t(lang, Ui::CommonMistakes) }</h4>
            <ul>
                { for (0..lesson.mistakes.len()).map(|i| html! {
                    <li data-mistake={i.to_string()}>
                        { for langs.iter().map(|&l| html! {
                            <div class="mistake" lang={l.code()}>
                                <p class="claim">
                                    <span class="tag">{ t(l, Ui::MistakeClaim) }</span>
                                    <span class="claim-text">{ text(l, &keys::lesson_mistake_claim(id, i)) }</span>
                                </p>
                                <p class="correction">
                                    <span class="tag">{ t(l, Ui::MistakeCorrection) }</span>
                                    { text(l, &keys::lesson_mistake_correction(id, i)) }
                                </p>
                            </div>
                        }) }
                    </li>
                }) }
            </ul>
        </section>
    }
}

fn phase_key(p: LessonPhase) -> &'static str {
    match p {
        LessonPhase::Goal => "goal",
        LessonPhase::Playing => "playing",
        LessonPhase::Stop(_) => "stop",
        LessonPhase::Check => "check",
        LessonPhase::Done(_) => "done",
    }
}

/// `window.dispatchEvent(new CustomEvent("tcplab:lesson-complete", {detail: {id, correct}}))`.
fn dispatch_lesson_complete(id: &str, correct: bool) {
    let detail = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&detail, &"id".into(), &JsValue::from_str(id));
    let _ = js_sys::Reflect::set(&detail, &"correct".into(), &JsValue::from_bool(correct));
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&detail);
    if let Ok(ev) = web_sys::CustomEvent::new_with_event_init_dict("tcplab:lesson-complete", &init)
    {
        let _ = gloo_utils::window().dispatch_event(&ev);
    }
}

/// The question being asked in predict mode, in one language.
pub fn current_question(learn: &Learn, run: &RunRef, lang: Lang) -> Option<Question> {
    let ask = learn.asking?;
    quiz::question_at(&run.trace, ask.point, lang, ask.seed)
}

#[derive(Properties, PartialEq)]
pub struct QuizPanelProps {
    pub lang: Lang,
    pub learn: Learn,
    pub run: RunRef,
}

/// Predict mode: the score, the question, the choices and the feedback.
#[function_component(QuizPanel)]
pub fn quiz_panel(p: &QuizPanelProps) -> Html {
    let lang = p.lang;
    let dispatch = use_dispatch();
    let on = callback(&dispatch, Action::Learn);
    // Continue playing after the answer.
    let on_continue = callback(&dispatch, |_: MouseEvent| Action::TogglePlay);
    let learn = &p.learn;
    let first_ref = use_node_ref();
    let asking = learn.asking;
    {
        let first_ref = first_ref.clone();
        use_effect_with(asking, move |_| {
            if let Some(el) = first_ref.cast::<HtmlElement>() {
                let _ = el.focus();
            }
        });
    }
    let score = learn.score;
    let question = current_question(learn, &p.run, lang);
    let card = asking.zip(question).map(|(ask, q)| {
        let chosen = ask.chosen;
        html! {
            <div class="quiz" data-testid="quiz" data-kind={match q.kind { quiz::QuestionKind::NextState => "state", quiz::QuestionKind::NextSegment => "segment", quiz::QuestionKind::Retransmission => "retransmission" }}>
                <p class="prompt">{ &q.prompt }</p>
                <div class="choices" role="radiogroup" aria-label={t(lang, Ui::Answer)}
                     onkeydown={Callback::from(radio_keys)}>
                    { for q.choices.iter().enumerate().map(|(n, c)| {
                        let on = on.clone();
                        let node_ref = if n == 0 && chosen.is_none() { first_ref.clone() } else { NodeRef::default() };
                        Choice { n, label: c.clone(), checked: chosen == Some(n), disabled: chosen.is_some(),
                                 focusable: n == 0, right: chosen.map(|_| n == q.correct) }
                            .view(node_ref, Callback::from(move |_| on.emit(LearnAction::AnswerQuiz(n))))
                    }) }
                </div>
                if let Some(right) = ask.correct {
                    <div class="feedback" data-testid="quiz-feedback" data-correct={right.to_string()}>
                        <p><strong>{ t(lang, if right { Ui::Right } else { Ui::Wrong }) }</strong>{ " " }{ &q.choices[q.correct] }</p>
                        <p>{ &q.explanation }</p>
                        <button type="button" class="primary" data-action="quiz-continue" ref={first_ref.clone()}
                                onclick={on_continue}>{ t(lang, Ui::Continue) }</button>
                    </div>
                }
            </div>
        }
    });
    html! {
        <section class="panel quiz-panel" aria-label={t(lang, Ui::QuizMode)}>
            <h2>{ t(lang, Ui::QuizMode) }</h2>
            <p class="hint">{ t(lang, Ui::QuizHint) }</p>
            <p class="score" data-testid="quiz-score" data-asked={score.asked.to_string()}
               data-correct={score.correct.to_string()}>
                { crate::i18n::label_value(lang, t(lang, Ui::Score), &format!("{} / {}", score.correct, score.asked)) }
            </p>
            { for card }
        </section>
    }
}

/// The analogy that fits the explained event, else the open lesson's.
pub fn analogy_topic(run: &RunRef, focus: Option<usize>, learn: &Learn) -> Option<AnalogyTopic> {
    let from_focus = focus.and_then(|i| match run.log.get(i)?.kind {
        LogKind::Transition(n) => analogy_for_cause(run.trace.transitions.get(n)?.cause),
        LogKind::Sent(id) | LogKind::Lost(id) => {
            analogy_for_reason(run.trace.segments.get(id)?.reason)
        }
        _ => None,
    });
    from_focus.or_else(|| learn.lesson.as_ref().and_then(|l| l.lesson.analogy))
}

pub struct AnalogyProps {
    pub lang: Lang,
    pub learn: Learn,
    pub topic: Option<AnalogyTopic>,
}

/// Plain-language mode: the everyday analogy and where it stops being accurate.
/// A plain function, not a component: it is cheap, and each component costs code size.
pub fn analogy_panel(p: &AnalogyProps) -> Html {
    let lang = p.lang;
    let langs = shown(lang, p.learn.bilingual);
    html! {
        <section class="panel analogy" data-testid="analogy" aria-label={t(lang, Ui::Analogy)}>
            <h2>{ t(lang, Ui::Analogy) }</h2>
            { text_status(lang, &p.learn) }
            if let Some(topic) = p.topic {
                <div class={classes!("bi", p.learn.bilingual.then_some("both"))} data-topic={topic.key()}>
                    { for langs.iter().map(|&l| html! {
                        <div lang={l.code()}>
                            <h3>{ text(l, &keys::analogy_title(topic)) }</h3>
                            <p>{ text(l, &keys::analogy_text(topic)) }</p>
                            <p class="limits"><strong>{ t(l, Ui::WhereItStops) }{ ": " }</strong>{ text(l, &keys::analogy_limits(topic)) }</p>
                        </div>
                    }) }
                </div>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct GlossaryProps {
    pub lang: Lang,
    pub learn: Learn,
}

/// Every term, the English term beside the Chinese one.
#[function_component(GlossaryPanel)]
pub fn glossary_panel(p: &GlossaryProps) -> Html {
    let lang = p.lang;
    let langs = shown(lang, p.learn.bilingual);
    html! {
        <section class="panel glossary" data-testid="glossary" aria-label={t(lang, Ui::Glossary)}>
            <h2>{ t(lang, Ui::Glossary) }</h2>
            { text_status(lang, &p.learn) }
            <dl>
                { for (0..keys::GLOSSARY_LEN).map(|i| html! {
                    <div class="term" data-term={i.to_string()}>
                        <dt>
                            <span lang="en">{ text(lang, &keys::glossary_term_en(i)) }</span>
                            <span class="sep" aria-hidden="true">{ " · " }</span>
                            <span lang="zh">{ text(lang, &keys::glossary_term_zh(i)) }</span>
                        </dt>
                        { for langs.iter().map(|&l| html! { <dd lang={l.code()}>{ text(l, &keys::glossary_definition(i)) }</dd> }) }
                    </div>
                }) }
            </dl>
        </section>
    }
}

/// What the live region says for the learning modes, if anything.
pub fn learn_announcement(lang: Lang, learn: &Learn, run: &RunRef) -> Option<String> {
    if let Some(a) = &learn.lesson {
        match a.phase {
            LessonPhase::Stop(i) => {
                let tpl = learn_text::get(lang, &keys::lesson_stop(a.lesson.id, i))?;
                return Some(a.lesson.narration_from(i, &tpl, lang, &run.trace));
            }
            LessonPhase::Done(_) => {
                return Some(format!(
                    "{} {}",
                    t(lang, Ui::Right),
                    t(lang, Ui::LessonComplete)
                ));
            }
            LessonPhase::Check if !a.tried.is_empty() => {
                let c = *a.tried.last()?;
                let why = learn_text::get(lang, &keys::lesson_choice_why(a.lesson.id, c))
                    .map(|w| fill_limits(&w, lang).into_owned())
                    .unwrap_or_default();
                return Some(format!(
                    "{} {} {why}",
                    t(lang, Ui::Wrong),
                    t(lang, Ui::TryAgain)
                ));
            }
            _ => {}
        }
    }
    let ask = learn.asking?;
    let q = current_question(learn, run, lang)?;
    Some(match ask.correct {
        None => q.prompt,
        Some(right) => format!(
            "{} {} {}",
            t(lang, if right { Ui::Right } else { Ui::Wrong }),
            q.choices[q.correct],
            q.explanation
        ),
    })
}
