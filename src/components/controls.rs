//! The transport: play/pause, steps, reset, end, fast-forward, the scrubber,
//! the speed and the sequence-number display.

use tcp_lab_content::Lang;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::icons::{icon, Icon};
use super::{num, playhead_text};
use crate::dispatch::{use_dispatch, Dispatch};
use crate::i18n::{t, Ui};
use tcp_lab_model::view::{NumberMode, SPEEDS, SPEED_TEXT};
use tcp_lab_model::{Action, Playhead};

#[derive(Properties, PartialEq)]
pub struct ControlsProps {
    pub lang: Lang,
    pub playing: bool,
    pub playhead: Playhead,
    /// The playhead as wall time at 1×, and the whole run's length in it.
    pub wall: f64,
    pub wall_total: f64,
    pub speed: f64,
    pub can_step_back: bool,
    pub can_step_forward: bool,
    pub can_fast_forward: bool,
    pub numbers: NumberMode,
}

/// A transport button. It is never `disabled`: at the ends of the run it
/// only looks idle and does nothing, so clicking it again is harmless and
/// keyboard focus is not lost.
fn button(
    action: &'static str,
    label: &str,
    which: Icon,
    useful: bool,
    dispatch: &Dispatch,
    does: Action,
) -> Html {
    let dispatch = dispatch.clone();
    html! {
        <button type="button" class={classes!("tool", (!useful).then_some("idle"))} data-action={action}
                aria-label={label.to_string()} title={label.to_string()}
                onclick={move |_| dispatch.dispatch(does.clone())}>
            { icon(which) }
        </button>
    }
}

#[function_component(Controls)]
pub fn controls(p: &ControlsProps) -> Html {
    let lang = p.lang;
    let play_label = t(lang, if p.playing { Ui::Pause } else { Ui::Play });
    let dispatch = use_dispatch();
    let on_toggle = {
        let d = dispatch.clone();
        move |_| d.dispatch(Action::TogglePlay)
    };
    let on_scrub = {
        let d = dispatch.clone();
        move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let v = input.value_as_number();
            if v.is_finite() {
                d.dispatch(Action::Scrub(v));
            }
        }
    };
    let on_speed = {
        let d = dispatch.clone();
        move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            let value = select.value();
            if let Some(i) = SPEED_TEXT.iter().position(|&s| s == value) {
                d.dispatch(Action::SetSpeed(SPEEDS[i]));
            }
        }
    };
    let on_numbers = {
        let d = dispatch.clone();
        move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            d.dispatch(Action::SetNumbers(match select.value().as_str() {
                "absolute" => NumberMode::Absolute,
                "symbolic" => NumberMode::Symbolic,
                _ => NumberMode::Relative,
            }));
        }
    };
    let time = playhead_text(lang, p.playhead);
    html! {
        <div class="controls" role="toolbar" aria-label={t(lang, Ui::Controls)}>
            <div class="buttons">
                { button("reset", t(lang, Ui::Reset), Icon::Reset, p.can_step_back, &dispatch, Action::Reset) }
                { button("step-back", t(lang, Ui::StepBack), Icon::StepBack, p.can_step_back, &dispatch, Action::StepBack) }
                <button type="button" class="tool play" data-action="play" aria-label={play_label}
                        title={play_label} aria-pressed={p.playing.to_string()}
                        onclick={on_toggle}>
                    { icon(if p.playing { Icon::Pause } else { Icon::Play }) }
                </button>
                { button("step-forward", t(lang, Ui::StepForward), Icon::StepForward, p.can_step_forward, &dispatch, Action::StepForward) }
                { button("fast-forward", t(lang, Ui::FastForward), Icon::FastForward, p.can_fast_forward, &dispatch, Action::FastForward) }
                { button("end", t(lang, Ui::JumpToEnd), Icon::End, p.can_step_forward, &dispatch, Action::End) }
            </div>
            <input type="range" class="scrubber" data-action="scrub" min="0" max={num(p.wall_total)}
                   step="any" value={num(p.wall)} aria-label={t(lang, Ui::Scrubber)}
                   aria-valuetext={time.clone()} oninput={on_scrub} />
            <output class="clock" aria-live="off">{ time }</output>
            <label class="inline">
                // The values ("2×") say what it is; the name is for screen readers.
                <span class="sr-only">{ t(lang, Ui::Speed) }</span>
                <select data-action="speed" title={t(lang, Ui::Speed)} onchange={on_speed}>
                    { for SPEEDS.iter().zip(SPEED_TEXT).map(|(&s, text)| html! {
                        <option value={text} selected={s == p.speed}>{ format!("{text}×") }</option>
                    }) }
                </select>
            </label>
            <label class="inline">
                <span>{ t(lang, Ui::Numbers) }</span>
                <select data-action="numbers" onchange={on_numbers}>
                    <option value="relative" selected={p.numbers == NumberMode::Relative}>{ t(lang, Ui::Relative) }</option>
                    <option value="absolute" selected={p.numbers == NumberMode::Absolute}>{ t(lang, Ui::Absolute) }</option>
                    <option value="symbolic" selected={p.numbers == NumberMode::Symbolic}>{ t(lang, Ui::Symbolic) }</option>
                </select>
            </label>
        </div>
    }
}
