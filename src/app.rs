//! The root component: holds the one state, runs playback (see
//! [`crate::playback`]) and the keyboard shortcuts, and lays out the views.

use gloo_events::{EventListener, EventListenerOptions};
use tcp_lab_content::{explain_transition, Lang};
use tcp_sim::Side;
use wasm_bindgen::JsCast;
use web_sys::{Element, KeyboardEvent};
use yew::prelude::*;

use crate::components::badges::Badges;
use crate::components::capture::{CaptureCompare, CaptureFindings, CaptureOpener, CapturePanel};
use crate::components::controls::Controls;
use crate::components::event_log::EventLog;
use crate::components::explanation::ExplanationPanel;
use crate::components::fate_menu::{BreakIt, FateMenu};
use crate::components::ladder::Ladder;
use crate::components::learn::{knowledge_panel, learn_bar, KnowledgeProps, LearnBarProps};
use crate::components::notices::Notices;
use crate::components::segment_numbers;
use crate::components::server::ServerPanel;
use crate::components::setup::{ProfilePicker, ScenarioPicker, SetupPanel};
use crate::components::share::ShareBar;
use crate::components::state_diagram::StateDiagram;
use crate::dispatch::{callback, Dispatch};
use crate::i18n::{language_name, t, transition_line, Ui};
use crate::lab::Lab;
use crate::platform;
use crate::playback::{self, Clock};
use crate::share_platform;
use tcp_lab_model::learn::{LearnAction, TextStatus};
use tcp_lab_model::log::LogKind;
use tcp_lab_model::notices::Notice;
use tcp_lab_model::url::UrlOptions;
use tcp_lab_model::view::CONTROLS;
use tcp_lab_model::{Action, LabState, Playhead};

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub options: UrlOptions,
    pub reduced_motion: bool,
}

/// A callback that first makes sure the language's explanations are loaded
/// (see [`crate::text_packs`]), then dispatches; a failure becomes a notice.
fn with_text_pack(dispatcher: &Dispatch, make: fn(Lang) -> Action) -> Callback<Lang> {
    let dispatcher = dispatcher.clone();
    Callback::from(move |lang: Lang| {
        let dispatcher = dispatcher.clone();
        crate::text_packs::ensure(lang, move |result| match result {
            Ok(()) => dispatcher.dispatch(make(lang)),
            Err(e) => {
                web_sys::console::error_1(&e.into());
                dispatcher.dispatch(Action::Notify(Notice::TextFailed(lang)));
            }
        })
    })
}

/// True when a key press belongs to the focused control rather than to the
/// page-wide shortcuts.
fn keys_belong_to_target(e: &KeyboardEvent, key: &str) -> bool {
    let Some(el) = e.target().and_then(|t| t.dyn_into::<Element>().ok()) else {
        return false;
    };
    let tag = el.tag_name().to_ascii_lowercase();
    let text_entry = matches!(tag.as_str(), "input" | "textarea" | "select");
    let activates = matches!(tag.as_str(), "button" | "a" | "summary")
        || el.get_attribute("role").as_deref() == Some("button");
    // Arrow keys move between the choices of a question (a radio group)
    // instead of stepping the run.
    let arrow = key.starts_with("Arrow");
    let in_radio_group = el.closest("[role=radiogroup]").ok().flatten().is_some();
    text_entry
        || (key == " " && activates)
        || (arrow && in_radio_group)
        || el.closest(".fate-menu").ok().flatten().is_some()
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let state = use_reducer_eq(|| {
        Lab(std::rc::Rc::new(LabState::new(
            &props.options,
            props.reduced_motion,
        )))
    });
    let dispatcher = Dispatch(state.dispatcher());

    // While playing, the model hears the time at each event; in between the
    // browser animates, and the clock and countdowns are written directly.
    playback::use_playback(&state);
    playback::use_live_text(&state);

    // Keyboard: Space plays or pauses, arrows step, Escape closes the menu.
    {
        let dispatcher = dispatcher.clone();
        use_effect_with((), move |_| {
            let doc = gloo_utils::document();
            // Not passive: Space must not scroll the page.
            let options = EventListenerOptions::enable_prevent_default();
            let listener = EventListener::new_with_options(&doc, "keydown", options, move |e| {
                let Some(e) = e.dyn_ref::<KeyboardEvent>() else {
                    return;
                };
                if e.alt_key() || e.ctrl_key() || e.meta_key() {
                    return;
                }
                let key = e.key();
                if keys_belong_to_target(e, &key) {
                    return;
                }
                let action = match key.as_str() {
                    " " | "Spacebar" => Action::TogglePlay,
                    "ArrowRight" => Action::StepForward,
                    "ArrowLeft" => Action::StepBack,
                    "Escape" => Action::CloseMenu,
                    _ => return,
                };
                e.prevent_default();
                dispatcher.dispatch(action);
            });
            move || drop(listener)
        });
    }

    // Follow the system's reduced-motion setting as it changes.
    {
        let dispatcher = dispatcher.clone();
        use_effect_with((), move |_| {
            let listener = platform::reduced_motion_query().map(|query| {
                let q = query.clone();
                EventListener::new(&query, "change", move |_| {
                    dispatcher.dispatch(Action::SetReducedMotion(q.matches()))
                })
            });
            move || drop(listener)
        });
    }

    // The ladder switches to its narrow layout on phones.
    let narrow = use_state(|| platform::narrow_query().is_some_and(|q| q.matches()));
    {
        let narrow = narrow.clone();
        use_effect_with((), move |_| {
            let listener = platform::narrow_query().map(|query| {
                let q = query.clone();
                EventListener::new(&query, "change", move |_| narrow.set(q.matches()))
            });
            move || drop(listener)
        });
    }

    // On a phone, what the learner opens (the custom-run form, the lesson
    // list or a lesson, the glossary, a predict-mode question) is far down
    // the one column: bring it into view and give it the focus.
    {
        let opened = opened_panels(&state);
        let seen = use_mut_ref(|| None::<Vec<(String, &'static str, &'static str)>>);
        let narrow = *narrow;
        use_effect_with(opened, move |opened| {
            let before = seen.borrow_mut().replace(opened.clone());
            // The first render is the page as the link asked for it.
            let Some(before) = before else {
                return;
            };
            let new = opened.iter().rev().find(|o| !before.contains(o));
            if let (true, Some((_, panel, focus))) = (narrow, new) {
                platform::bring_into_view(panel, focus);
            }
        });
    }

    use_effect_with(state.lang, |&lang| {
        platform::set_document_language(lang.code(), t(lang, Ui::AppTitle))
    });

    // `?lesson=ID` opens that lesson.
    {
        let dispatcher = dispatcher.clone();
        let lesson = props.options.lesson.clone();
        use_effect_with((), move |_| {
            if let Some(id) = lesson {
                dispatcher.dispatch(Action::Learn(LearnAction::OpenLesson(id)));
            }
        });
    }
    // The URL follows the state; the embedding page hears about each state
    // change at the playhead and about completed lessons. The tools read the
    // state through an effect; the share link is built only when asked, or
    // when playback rests: an animation frame builds no link.
    {
        let state = state.clone();
        let embed = props.options.embed.clone();
        use_effect(move || crate::components::share::set_current(state, embed));
    }
    // The address bar follows the state only when playback rests: Chromium asks
    // for the favicon again at every URL change, about six times a second while
    // playing at 8x (each one kept in the page's resource timing buffer). The
    // link is written once per resting state, in a memo, and published from an
    // effect.
    let resting_query = {
        let embed = props.options.embed.clone();
        use_memo((*state).clone(), move |lab| {
            (!lab.playback.playing).then(|| lab.link(&embed).query())
        })
    };
    use_effect_with(resting_query, |q| {
        if let Some(q) = q.as_ref() {
            share_platform::replace_query(q)
        }
    });
    {
        let c = state
            .ladder()
            .state_at(Side::Client, state.playback.playhead);
        let sv = state
            .ladder()
            .state_at(Side::Server, state.playback.playhead);
        let fields = (
            state.playback.playhead.as_ms().max(0.0),
            state.setup.name.clone(),
            state.step(),
        );
        use_effect_with((c, sv), move |(c, sv)| {
            share_platform::post_to_parent(&[
                ("type", "state".into()),
                ("client", c.rfc_name().into()),
                ("server", sv.rfc_name().into()),
                ("t_ms", fields.0.into()),
                ("scenario", fields.1.into()),
                ("step", (fields.2 as f64).into()),
            ]);
        });
    }
    use_effect_with((), |_| {
        let listener = EventListener::new(&gloo_utils::window(), "tcplab:lesson-complete", |e| {
            let (id, correct) = share_platform::lesson_detail(e);
            share_platform::post_to_parent(&[
                ("type", "lesson-complete".into()),
                ("id", id),
                ("correct", correct.into()),
            ]);
        });
        move || drop(listener)
    });
    let embed = &props.options.embed;
    let embedded = embed.embed;
    let mut lab_class = classes!("lab");
    if embed.embed {
        lab_class.push("embed");
    }
    if embed.compact {
        lab_class.push("compact");
    }
    if state.viewing_capture() {
        lab_class.push("capture-view");
    }
    if let Some(shown) = &embed.controls {
        for c in CONTROLS.iter().filter(|c| !shown.contains(c)) {
            lab_class.push(format!("hide-{c}"));
        }
    }

    // The views dispatch through the context; only what loads text first, and
    // the ladder's segments, get a callback.
    let on_lang = {
        let dispatcher = dispatcher.clone();
        (*use_memo((), move |_| with_text_pack(&dispatcher, Action::SetLang))).clone()
    };
    let on_open_segment = {
        let dispatcher = dispatcher.clone();
        (*use_memo((), move |_| callback(&dispatcher, Action::OpenSegment))).clone()
    };

    // Issue 4: the learning modes. The bilingual view first loads the other
    // language's explanations.
    let on_learn = {
        let dispatcher = dispatcher.clone();
        let lang = state.lang;
        (*use_memo(lang, move |&lang| {
            let learn = callback(&dispatcher, Action::Learn);
            let bilingual = with_text_pack(&dispatcher, |_| {
                Action::Learn(LearnAction::SetBilingual(true))
            });
            Callback::from(move |a: LearnAction| match a {
                LearnAction::SetBilingual(true) => bilingual.emit(lang.other()),
                // `learn` tells the model the time first.
                a => learn.emit(a),
            })
        }))
        .clone()
    };
    // Load the learning text of the languages the open views need.
    {
        let dispatcher = dispatcher.clone();
        let wanted: Vec<(Lang, TextStatus)> = state
            .learn
            .text_langs(state.lang)
            .into_iter()
            .map(|l| (l, state.learn.text_status(l)))
            .collect();
        use_effect_with(wanted, move |wanted| {
            for &(l, status) in wanted {
                if status == TextStatus::NotRequested {
                    dispatcher.dispatch(Action::Learn(LearnAction::TextLoading(l)));
                    let d = dispatcher.clone();
                    crate::learn_text::load(l, move |ok| {
                        d.dispatch(Action::Learn(LearnAction::TextLoaded(l, ok)))
                    });
                }
            }
        });
    }
    let on_capture = {
        let dispatcher = dispatcher.clone();
        (*use_memo((), move |_| {
            crate::dispatch::callback(&dispatcher, Action::Capture)
        }))
        .clone()
    };

    let s: &LabState = &state;
    let lang = s.lang;
    // Playback moves through the whole run, at the pace of the ladder; the ladder and the panels about it show the
    // selected connection in a server run.
    let whole = &s.run;
    let run = s.ladder();
    let p = s.playback.playhead;
    let client = run.state_at(Side::Client, p);
    let server = run.state_at(Side::Server, p);
    let edge = |side| run.last_transition(side, p).map(|(_, tr)| (tr.from, tr.to));
    // What the explanation explains; the first of them is what the announcer and the analogy follow.
    let explained = s.focus_group();
    let focus = explained.first().copied();
    let selected_segment = s.selection.and_then(|i| match run.log.get(i)?.kind {
        LogKind::Sent(id) | LogKind::Lost(id) => Some(id),
        _ => None,
    });
    let fate_menu = s.menu.and_then(|id| {
        let seg = run.trace.segments.get(id)?;
        Some(html! {
            <FateMenu lang={lang} segment={id}
                      summary={format!("{} {}", seg.flags_str(), segment_numbers(seg, s.numbers, &run.symbols))}
                      in_flight={run.flights[id].in_flight(p)} />
        })
    });
    let announcement = run
        .transitions_reached(p)
        .checked_sub(1)
        .map(|i| {
            let tr = &run.trace.transitions[i];
            format!(
                "{}. {}",
                transition_line(lang, tr.side, tr.from.rfc_name(), tr.to.rfc_name()),
                explain_transition(tr.cause, lang).title
            )
        })
        .unwrap_or_default();
    let announcement = crate::components::learning_modes::learn_announcement(lang, &s.learn, whole)
        .unwrap_or(announcement);
    let learn = &s.learn;
    let learning_panels = learning_panels(lang, s, focus);
    let lang_button = |l: Lang| {
        let on_lang = on_lang.clone();
        html! {
            <button type="button" data-lang-switch={l.code()} lang={l.code()} aria-pressed={(l == lang).to_string()}
                    onclick={move |_| on_lang.emit(l)}>{ language_name(l) }</button>
        }
    };

    html! {
        <ContextProvider<Dispatch> context={dispatcher.clone()}>
        <main id="lab" class={lab_class} data-ready="true" data-time-ms={crate::numtext::fixed(p.as_ms(), 3)}
              data-lang={lang.code()} data-playing={s.playback.playing.to_string()}>
            // The embed hides the page header; the page still needs its title
            // as a heading, for screen readers.
            if embedded {
                <h1 class="sr-only">{ t(lang, Ui::AppTitle) }</h1>
            }
            <header class="top">
                <div class="brand">
                    <h1>{ t(lang, Ui::AppTitle) }</h1>
                    <p class="tagline">{ t(lang, Ui::Tagline) }</p>
                </div>
                <div class="pickers">
                    <ScenarioPicker lang={lang} name={s.setup.name.clone()} capture={s.viewing_capture()} />
                    <ProfilePicker lang={lang} profile={s.setup.profile} capture={s.viewing_capture()} />
                </div>
                <div class="lang-switch" role="group" aria-label={t(lang, Ui::LanguageSwitch)}>
                    { lang_button(Lang::En) }
                    { lang_button(Lang::Zh) }
                </div>
                { learn_bar(&LearnBarProps { lang, learn: learn.clone(), on: on_learn.clone() }) }
                <ShareBar lang={lang} />
                <CaptureOpener lang={lang} on={on_capture.clone()} />
            </header>
            <div class="notices">
                <Notices lang={lang} notices={s.notices.clone()} />
                { crate::components::capture::derived_from_notice(lang, s.derived_from.as_ref()) }
                if whole.trace.truncated {
                    <div class="notice warn" role="status">{ t(lang, Ui::Truncated) }</div>
                }
            </div>
            if let Some(view) = &s.capture {
                <CapturePanel lang={lang} view={view.clone()} on={on_capture} />
            }
            <div class="workspace">
                <section class="stage" aria-label={t(lang, Ui::Ladder)}>
                    <Controls lang={lang} playing={s.playback.playing} playhead={p} wall={s.playback.wall}
                              wall_total={run.schedule.total()} speed={s.playback.speed}
                              can_step_back={p != Playhead::Start}
                              can_step_forward={!s.at_end() && !s.learn.question_open()}
                              can_fast_forward={s.can_fast_forward() && !s.learn.question_open()} numbers={s.numbers} />
                    <BreakIt lang={lang} faults={s.learner_faults.clone()}
                             targets={whole.sent_kinds()} refused={s.arm_refused} />
                    <div class="ladder-wrap">
                        <Ladder lang={lang} run={run.clone()} playhead={p} numbers={s.numbers}
                                selected_segment={selected_segment} on_open_segment={on_open_segment}
                                narrow={*narrow} clock={Clock::of(s)} />
                        // Always one node here, menu or not: an optional child
                        // that comes and goes after the ladder would remount the
                        // ladder (Yew matches unkeyed children from the end),
                        // losing its focus and scroll position.
                        { fate_menu.unwrap_or_default() }
                    </div>
                </section>
                // In the small embed this column scrolls on its own: a keyboard user must be
                // able to reach it to scroll it.
                <div class="info" tabindex={embed.embed.then_some("0")} role={embed.embed.then_some("region")}
                     aria-label={embed.embed.then(|| t(lang, Ui::Explanation))}>
                    { learning_panels.0 }
                    if whole.server.is_some() {
                        <ServerPanel lang={lang} run={whole.clone()} playhead={p} knobs={s.setup.knobs}
                                     shown={s.connection.as_ref().map(|c| c.conn)} />
                    }
                    <CaptureFindings lang={lang} run={run.clone()} playhead={p}
                                     on_jump={crate::dispatch::callback(&dispatcher, Action::JumpToLog)} />
                    if s.viewing_capture() {
                        <CaptureCompare lang={lang} run={run.clone()} />
                    }
                    <Badges lang={lang} client={client} server={server}
                            client_timers={run.running_timers(Side::Client, p)}
                            server_timers={run.running_timers(Side::Server, p)}
                            certainty={crate::components::capture::badge_certainty(run, p)} />
                    <div class={classes!("explain-row", learn.bilingual.then_some("bilingual"))}>
                        <ExplanationPanel lang={lang} run={run.clone()} focus={explained.clone()} playhead={p}
                                          numbers={s.numbers} />
                        if learn.bilingual {
                            <ExplanationPanel lang={lang.other()} run={run.clone()}
                                              focus={explained.clone()} playhead={p} numbers={s.numbers} />
                        }
                    </div>
                    { learning_panels.1 }
                    { knowledge_panel(&KnowledgeProps { lang, run: run.clone(), playhead: p }) }
                    <section class="panel diagram" aria-label={t(lang, Ui::StateDiagram)}>
                        <h2>{ t(lang, Ui::StateDiagram) }</h2>
                        <StateDiagram lang={lang} client={client} server={server}
                                      client_edge={edge(Side::Client)} server_edge={edge(Side::Server)} />
                    </section>
                    <EventLog lang={lang} run={run.clone()} current={s.selection.or(run.log_position(p))} selected={s.selection}
                              reached={run.log_position(p)} hide_future={learn.hide_future()}
                              numbers={s.numbers} />
                    <SetupPanel lang={lang} draft={s.draft.clone()} errors={s.draft_errors.clone()} />
                </div>
            </div>
            <div class="sr-only" data-testid="announcer" aria-live="polite" aria-atomic="true">{ announcement }</div>
        </main>
        </ContextProvider<Dispatch>>
    }
}

/// The panels open now that a phone brings into view when they open: a key
/// that changes when it opens again (another lesson, the next question), the
/// panel's selector and the selectors of what takes the focus in it (the
/// first of those separated by `|` that is on the page).
fn opened_panels(s: &LabState) -> Vec<(String, &'static str, &'static str)> {
    use tcp_lab_model::setup::CUSTOM;
    use tcp_lab_model::view::LearnView;
    let learn = &s.learn;
    let mut out = Vec::new();
    if s.setup.name == CUSTOM {
        out.push((CUSTOM.to_string(), ".panel.setup", ".panel.setup"));
    }
    if let Some(lesson) = &learn.lesson {
        let id = format!("lesson:{}", lesson.lesson.id);
        // Its continue button takes the focus when shown (see LessonPanel).
        let focus = "[data-action=\"lesson-continue\"]|[data-testid=\"lessons\"]";
        out.push((id, "[data-testid=\"lessons\"]", focus));
    } else if learn.view == LearnView::Lessons {
        let focus = "select[data-action=\"lesson\"]";
        out.push(("lessons".into(), "[data-testid=\"lessons\"]", focus));
    }
    if learn.view == LearnView::Glossary {
        out.push((
            "glossary".into(),
            "[data-testid=\"glossary\"]",
            "[data-testid=\"glossary\"]",
        ));
    }
    if learn.quiz && learn.asking.is_some() {
        let key = format!("quiz:{}", learn.score.asked);
        out.push((
            key,
            "[data-testid=\"quiz\"]",
            "[data-testid=\"quiz\"] button[data-choice]",
        ));
    }
    out
}

/// The learning panels above the badges, and the analogy below the
/// explanation.
fn learning_panels(lang: Lang, s: &LabState, focus: Option<usize>) -> (Html, Html) {
    use crate::components::learning_modes::{
        analogy_panel, analogy_topic, AnalogyProps, GlossaryPanel, LessonPanel, QuizPanel,
    };
    use tcp_lab_model::view::LearnView;
    let learn = &s.learn;
    // Lessons and questions read the whole run.
    let run = &s.run;
    let top = html! {
        <>
            if learn.view == LearnView::Lessons || learn.lesson.is_some() || learn.unknown_lesson.is_some() {
                <LessonPanel lang={lang} learn={learn.clone()} run={run.clone()} />
            }
            if learn.quiz {
                <QuizPanel lang={lang} learn={learn.clone()} run={run.clone()} />
            }
            if learn.view == LearnView::Glossary {
                <GlossaryPanel lang={lang} learn={learn.clone()} />
            }
        </>
    };
    let analogy = if learn.plain {
        analogy_panel(&AnalogyProps {
            lang,
            learn: learn.clone(),
            topic: analogy_topic(s.ladder(), focus, learn),
        })
    } else {
        Html::default()
    };
    (top, analogy)
}
