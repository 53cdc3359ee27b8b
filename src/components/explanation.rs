//! The explanation of the selected or latest event: what happened, why, what
//! would go wrong without it, and where the RFC says so.

use tcp_lab_content::{
    explain_segment, explain_transition, fill_limits, scenario_blurb, scenario_title, timer_label,
    Explanation, Lang,
};
use yew::prelude::*;

use super::{fate_words, segment_numbers};
use crate::i18n::{
    dir_name, failure_line, fmt_time, lost_line, side_name, t, timer_fired_line, transition_line,
    Ui,
};
use tcp_lab_model::log::LogKind;
use tcp_lab_model::setup::CUSTOM;
use tcp_lab_model::view::NumberMode;
use tcp_lab_model::{Playhead, RunRef};

#[derive(Properties, PartialEq)]
pub struct ExplanationProps {
    pub lang: Lang,
    pub run: RunRef,
    /// The log entries to explain, in order; empty before anything happened.
    pub focus: Vec<usize>,
    pub playhead: Playhead,
    pub numbers: NumberMode,
}

fn body(lang: Lang, e: &Explanation) -> Html {
    // The texts quote retry limits as placeholders that the core's rules fill.
    let text = |s: &'static str| fill_limits(s, lang).into_owned();
    html! {
        <>
            <h3>{ e.title }</h3>
            <p class="what">{ text(e.what) }</p>
            <dl>
                <dt>{ t(lang, Ui::Why) }</dt>
                <dd>{ text(e.why) }</dd>
                <dt>{ t(lang, Ui::Without) }</dt>
                <dd>{ text(e.without) }</dd>
                <dt>{ t(lang, Ui::Specified) }</dt>
                <dd class="rfc">{ e.rfc }</dd>
                if let Some(linux) = e.linux {
                    <dt>{ t(lang, Ui::OnLinux) }</dt>
                    <dd>{ text(linux) }</dd>
                }
            </dl>
        </>
    }
}

#[function_component(ExplanationPanel)]
pub fn explanation_panel(p: &ExplanationProps) -> Html {
    let lang = p.lang;
    let run = &p.run;
    let entries: Vec<usize> = p
        .focus
        .iter()
        .copied()
        .filter(|&i| i < run.log.len())
        .collect();
    let content = match entries.as_slice() {
        [] => {
            let name = run.scenario.name.as_str();
            let title =
                scenario_title(name, lang).unwrap_or(if name == CUSTOM || name.is_empty() {
                    t(lang, Ui::CustomScenario)
                } else {
                    name
                });
            html! {
                <>
                    <h3>{ title }</h3>
                    if let Some(blurb) = scenario_blurb(name, lang) {
                        <p class="what">{ fill_limits(blurb, lang).into_owned() }</p>
                    }
                    <p class="hint">{ t(lang, Ui::NothingYet) }</p>
                </>
            }
        }
        entries => entries
            .iter()
            .map(|&i| html! { <div class="explained" data-log-entry={i.to_string()}>{ explain_entry(p, i) }</div> })
            .collect::<Html>(),
    };
    // Symbolic numbers: what each letter sent so far stands for, and its value.
    let legend = (p.numbers == NumberMode::Symbolic).then(|| {
        let sent = run.segments_sent(p.playhead);
        let items: Vec<String> = run
            .symbols
            .anchors
            .iter()
            .filter(|a| a.segment < sent)
            .map(|a| {
                format!(
                    "{} = {} ({})",
                    a.symbol.letter(),
                    a.value,
                    crate::i18n::symbol_meaning(lang, a.symbol, a.side)
                )
            })
            .collect();
        items.join(" · ")
    });
    html! {
        <section class="panel explanation" data-testid="explanation" lang={lang.code()} aria-live="off">
            <h2>{ t(lang, Ui::Explanation) }</h2>
            if let Some(legend) = legend.filter(|l| !l.is_empty()) {
                <p class="symbols" data-testid="symbols">{ legend }</p>
            }
            { content }
        </section>
    }
}

/// One log entry: what happened, and why.
fn explain_entry(p: &ExplanationProps, i: usize) -> Html {
    let lang = p.lang;
    let run = &p.run;
    let entry = &run.log[i];
    let when = fmt_time(lang, entry.t.as_ms());
    match entry.kind {
        LogKind::Transition(k) => {
            let tr = &run.trace.transitions[k];
            let ctx = transition_line(lang, tr.side, tr.from.rfc_name(), tr.to.rfc_name());
            html! {
                <>
                    <p class={classes!("context", tr.side.name())}>{ format!("{when} · {ctx}") }</p>
                    { body(lang, &explain_transition(tr.cause, lang)) }
                </>
            }
        }
        LogKind::Sent(id) | LogKind::Lost(id) => {
            let seg = &run.trace.segments[id];
            let flight = &run.flights[id];
            let fate = if matches!(entry.kind, LogKind::Lost(_)) {
                lost_line(lang, id, &seg.flags_str())
            } else {
                fate_words(lang, seg, flight, p.playhead).to_string()
            };
            let ctx = format!(
                "{when} · #{id} {} · {} {} · {fate}",
                dir_name(lang, seg.dir),
                seg.flags_str(),
                segment_numbers(seg, p.numbers, &run.symbols)
            );
            html! {
                <>
                    <p class={classes!("context", seg.dir.name())}>{ ctx }</p>
                    { body(lang, &explain_segment(seg.reason, lang)) }
                </>
            }
        }
        LogKind::TimerFired(side, kind) => {
            // A timer explains itself through what it made the endpoint send.
            let next_sent =
                run.log[i..]
                    .iter()
                    .take_while(|e| e.t == entry.t)
                    .find_map(|e| match e.kind {
                        LogKind::Sent(id) if run.trace.segments[id].dir.sender() == side => {
                            Some(id)
                        }
                        _ => None,
                    });
            html! {
                <>
                    <p class={classes!("context", side.name())}>
                        { format!("{when} · {}", timer_fired_line(lang, side, timer_label(kind, lang))) }
                    </p>
                    if let Some(id) = next_sent {
                        { body(lang, &explain_segment(run.trace.segments[id].reason, lang)) }
                    } else {
                        <h3>{ format!("{}: {} {}", side_name(lang, side), timer_label(kind, lang), t(lang, Ui::TimerExpired)) }</h3>
                    }
                </>
            }
        }
        LogKind::Failure(k) => {
            let e = &run.trace.errors[k];
            html! {
                <>
                    <p class={classes!("context", e.side.name())}>{ when }</p>
                    <h3>{ failure_line(lang, e.side, &e.step, e.failure) }</h3>
                </>
            }
        }
    }
}
