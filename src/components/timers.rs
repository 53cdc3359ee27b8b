//! Countdowns of the timers one endpoint is running.

use tcp_lab_content::{timer_label, Lang};
use yew::prelude::*;

use crate::i18n::{fmt_time, t, Ui};
use crate::numtext::fixed;
use tcp_lab_model::flight::RunningTimer;

/// Rounded to whole milliseconds below a second and tenths of a second above, so the
/// digits do not jump about, then written as every time is (`fmt_time`).
fn remaining_text(lang: Lang, ms: f64) -> String {
    let rounded = if ms >= 1000.0 {
        (ms / 100.0).ceil() * 100.0
    } else {
        ms.ceil()
    };
    fmt_time(lang, rounded)
}

/// A running timer's countdown as text, and the width of its bar (of 100).
/// The playback writer (`crate::playback`) updates both between events.
pub fn countdown(lang: Lang, r: &RunningTimer) -> (String, String) {
    let total = r.total.as_ms().max(1e-9);
    let left = r.remaining.as_ms();
    let share = crate::numtext::clamp(left / total * 100.0, 0.0, 100.0);
    (remaining_text(lang, left), fixed(share, 1))
}

/// The countdowns of one endpoint. A plain function rather than a
/// component: it always changes together with the badge that holds it.
pub fn timer_list(lang: Lang, timers: &[RunningTimer]) -> Html {
    if timers.is_empty() {
        return html! { <p class="timers none">{ t(lang, Ui::NoTimer) }</p> };
    }
    html! {
        <ul class="timers">
            { for timers.iter().map(|r| {
                let (left, bar) = countdown(lang, r);
                html! {
                    <li class="timer" key={r.kind.key()} data-timer={r.kind.key()}>
                        <span class="timer-name">{ timer_label(r.kind, lang) }</span>
                        <span class="timer-left">{ left }</span>
                        // Drawn rather than styled: no inline style, so a strict
                        // Content-Security-Policy has nothing to object to.
                        <svg class="timer-bar" viewBox="0 0 100 1" preserveAspectRatio="none" aria-hidden="true">
                            <rect width={bar} height="1" />
                        </svg>
                    </li>
                }
            }) }
        </ul>
    }
}
