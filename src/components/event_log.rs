//! The event log: every event of the run, the ones not yet reached dimmed
//! (hidden in predict mode, where they would give the answers away).
//! Clicking an entry moves the playhead there.

use tcp_lab_content::{explain_segment, explain_transition, timer_label, Lang};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::prelude::*;

use super::segment_numbers;
use crate::dispatch::{callback, use_dispatch};
use crate::i18n::{
    dir_name, failure_line, fmt_time, lost_line, t, timer_fired_line, transition_line, Ui,
};
use tcp_lab_model::log::{LogEntry, LogKind};
use tcp_lab_model::view::NumberMode;
use tcp_lab_model::{Action, RunRef};

/// One line of the log, in the chosen language.
pub fn entry_text(lang: Lang, run: &RunRef, entry: &LogEntry, numbers: NumberMode) -> String {
    match entry.kind {
        LogKind::Transition(i) => {
            let tr = &run.trace.transitions[i];
            format!(
                "{} · {}",
                transition_line(lang, tr.side, tr.from.rfc_name(), tr.to.rfc_name()),
                explain_transition(tr.cause, lang).title
            )
        }
        LogKind::Sent(id) => {
            let seg = &run.trace.segments[id];
            format!(
                "#{id} {} {} {} · {}",
                dir_name(lang, seg.dir),
                seg.flags_str(),
                segment_numbers(seg, numbers, &run.symbols),
                explain_segment(seg.reason, lang).title
            )
        }
        LogKind::Lost(id) => lost_line(lang, id, &run.trace.segments[id].flags_str()),
        LogKind::TimerFired(side, kind) => timer_fired_line(lang, side, timer_label(kind, lang)),
        LogKind::Failure(i) => {
            let e = &run.trace.errors[i];
            failure_line(lang, e.side, &e.step, e.failure)
        }
    }
}

fn entry_class(run: &RunRef, kind: LogKind) -> Classes {
    match kind {
        LogKind::Transition(i) => classes!("transition", run.trace.transitions[i].side.name()),
        LogKind::Sent(id) => classes!("sent", run.trace.segments[id].dir.name()),
        LogKind::Lost(_) => classes!("lost"),
        LogKind::TimerFired(side, _) => classes!("timer-fired", side.name()),
        LogKind::Failure(_) => classes!("failure"),
    }
}

/// Logs longer than this show only the entries around the playhead, so that
/// moving it never re-renders thousands of lines.
const WINDOW: usize = 40;

#[derive(Properties, PartialEq)]
pub struct EventLogProps {
    pub lang: Lang,
    pub run: RunRef,
    /// The last entry at or before the playhead.
    pub current: Option<usize>,
    pub selected: Option<usize>,
    /// The last entry reached by the playhead.
    pub reached: Option<usize>,
    /// Predict mode: show nothing after the playhead.
    pub hide_future: bool,
    pub numbers: NumberMode,
}

#[function_component(EventLog)]
pub fn event_log(p: &EventLogProps) -> Html {
    let list_ref = use_node_ref();
    let on_jump = callback(&use_dispatch(), Action::JumpToLog);
    // Keep the current entry in view, scrolling only the log itself.
    {
        let list_ref = list_ref.clone();
        use_effect_with((p.current, p.run.clone()), move |(current, _)| {
            let Some(list) = list_ref.cast::<Element>() else {
                return;
            };
            let index = current.unwrap_or(0);
            let Some(button) = list
                .query_selector(&format!("[data-log-index=\"{index}\"]"))
                .ok()
                .flatten()
            else {
                return;
            };
            let Some(item) = button
                .parent_element()
                .and_then(|li| li.dyn_into::<HtmlElement>().ok())
            else {
                return;
            };
            let Some(scroller) = list.parent_element() else {
                return;
            };
            let top = f64::from(item.offset_top());
            let view = f64::from(scroller.client_height());
            let scroll = f64::from(scroller.scroll_top());
            if top < scroll || top > scroll + view - 40.0 {
                scroller.set_scroll_top((top - view / 3.0).max(0.0) as i32);
            }
        });
    }
    let lang = p.lang;
    let run = &p.run;
    let len = if p.hide_future {
        p.reached.map_or(0, |r| r + 1).min(run.log.len())
    } else {
        run.log.len()
    };
    let shown = if len > WINDOW {
        let around = p.current.unwrap_or(0).saturating_sub(WINDOW / 2);
        let start = around.min(len - WINDOW);
        start..start + WINDOW
    } else {
        0..len
    };
    let items = run.log[shown.clone()].iter().zip(shown).map(|(entry, i)| {
        let reached = p.current.is_some_and(|c| i <= c);
        let class = classes!(
            entry_class(run, entry.kind),
            (!reached).then_some("future"),
            (p.current == Some(i)).then_some("current"),
            (p.selected == Some(i)).then_some("selected"),
        );
        let on_jump = on_jump.clone();
        html! {
            <li class={class} key={i}>
                <button type="button" data-log-index={i.to_string()}
                        aria-current={(p.current == Some(i)).then_some("step")}
                        onclick={move |_| on_jump.emit(i)}>
                    <span class="log-time">{ fmt_time(lang, entry.t.as_ms()) }</span>
                    <span class="log-text">{ entry_text(lang, run, entry, p.numbers) }</span>
                </button>
            </li>
        }
    });
    html! {
        <section class="panel log" aria-label={t(lang, Ui::EventLog)}>
            <h2>{ t(lang, Ui::EventLog) }</h2>
            <div class="log-scroll">
                <ol data-testid="event-log" ref={list_ref}>{ for items }</ol>
            </div>
        </section>
    }
}
