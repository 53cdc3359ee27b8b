//! Breaking packets: the menu of a clicked segment (drop, delay, duplicate),
//! the form that arms a fate for the next segment of a kind, and the list of
//! the learner's changes.

use tcp_lab_content::Lang;
use tcp_sim::{Duration, FaultAction};
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, HtmlInputElement, HtmlSelectElement, KeyboardEvent, SvgElement};
use yew::prelude::*;

use crate::dispatch::{callback, use_dispatch};
use crate::i18n::{arm_label, dir_name, fault_text, flags_name, t, Ui};
use tcp_lab_model::faults::{ArmTarget, LearnerFault};
use tcp_lab_model::Action;

const DEFAULT_DELAY_MS: f64 = 500.0;
/// The same default, as first shown in the delay fields.
const DEFAULT_DELAY_TEXT: &str = "500";

#[derive(Properties, PartialEq)]
pub struct FateMenuProps {
    pub lang: Lang,
    pub segment: usize,
    /// "SA seq=0 ack=1", for the heading.
    pub summary: String,
    pub in_flight: bool,
}

/// Gives the keyboard focus back to the segment whose menu this is (when
/// the menu closes, so that a keyboard user goes on from where they were).
fn focus_segment(id: usize) {
    let seg = gloo_utils::document()
        .query_selector(&format!("svg.ladder [data-segment=\"{id}\"]"))
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<SvgElement>().ok());
    if let Some(el) = seg {
        let _ = el.focus();
    }
}

/// Reads a delay typed by the learner; nonsense falls back to the default.
fn delay_of(text: &str) -> Duration {
    let ms = crate::numtext::parse_decimal(text.trim())
        .filter(|v| v.is_finite() && *v >= 0.0 && *v <= 600_000.0);
    Duration::from_ms(ms.unwrap_or(DEFAULT_DELAY_MS))
}

#[function_component(FateMenu)]
pub fn fate_menu(p: &FateMenuProps) -> Html {
    let lang = p.lang;
    let delay = use_state(|| DEFAULT_DELAY_TEXT.to_string());
    let first_ref = use_node_ref();
    // Move the focus into the menu when it opens, for keyboard users, when
    // there is something to do in it; over a segment no longer in flight
    // (every action disabled) the focus stays where it was.
    {
        let first_ref = first_ref.clone();
        use_effect_with((p.segment, p.in_flight), move |&(_, in_flight)| {
            if in_flight {
                if let Some(el) = first_ref.cast::<HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    }
    let segment = p.segment;
    let dispatch = use_dispatch();
    let on_apply = callback(&dispatch, move |fate| Action::SetSegmentFate(segment, fate));
    let on_close_menu = callback(&dispatch, |()| Action::CloseMenu);
    let apply = |action: FaultAction| {
        let cb = on_apply.clone();
        move |_: MouseEvent| {
            focus_segment(segment);
            cb.emit(action)
        }
    };
    let on_delay = {
        let cb = on_apply.clone();
        let delay = delay.clone();
        move |_: MouseEvent| {
            focus_segment(segment);
            cb.emit(FaultAction::Delay(delay_of(&delay)))
        }
    };
    let on_input = {
        let delay = delay.clone();
        move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            delay.set(input.value());
        }
    };
    let on_close = {
        let cb = on_close_menu.clone();
        move |_: MouseEvent| {
            focus_segment(segment);
            cb.emit(())
        }
    };
    let on_keydown = {
        let cb = on_close_menu;
        move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.stop_propagation();
                focus_segment(segment);
                cb.emit(());
            }
        }
    };
    let disabled = !p.in_flight;
    html! {
        <div class="fate-menu" role="dialog" aria-label={format!("#{} {}", p.segment, p.summary)}
             onkeydown={on_keydown}>
            <p class="fate-title"><strong>{ format!("#{} {}", p.segment, p.summary) }</strong></p>
            if p.in_flight {
                <p class="fate-hint">{ t(lang, Ui::FateMenuHint) }</p>
            } else {
                <p class="fate-hint warn">{ t(lang, Ui::FateNotInFlight) }</p>
            }
            <div class="fate-actions">
                <button type="button" data-fate-action="drop" ref={first_ref.clone()} disabled={disabled}
                        onclick={apply(FaultAction::Drop)}>{ t(lang, Ui::Drop) }</button>
                <span class="delay-group">
                    <button type="button" data-fate-action="delay" disabled={disabled} onclick={on_delay}>
                        { t(lang, Ui::DelayBy) }
                    </button>
                    <input type="number" min="0" step="50" data-fate-delay-ms="" value={(*delay).clone()}
                           aria-label={format!("{} ({})", t(lang, Ui::DelayBy), t(lang, Ui::Milliseconds))}
                           disabled={disabled} oninput={on_input} />
                    <span>{ t(lang, Ui::Milliseconds) }</span>
                </span>
                <button type="button" data-fate-action="duplicate" disabled={disabled}
                        onclick={apply(FaultAction::Duplicate)}>{ t(lang, Ui::Duplicate) }</button>
                <button type="button" class="close" data-action="close-menu" onclick={on_close}>
                    { t(lang, Ui::CloseMenu) }
                </button>
            </div>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct BreakItProps {
    pub lang: Lang,
    pub faults: Vec<LearnerFault>,
    /// The kinds of segment the current run sends, in order (from the core's trace).
    pub targets: Vec<ArmTarget>,
    /// A fate just refused because the run sends no more of that kind.
    pub refused: Option<ArmTarget>,
}

fn target_label(lang: Lang, target: &ArmTarget) -> String {
    format!(
        "{} ({})",
        flags_name(lang, &target.flags.to_string()),
        dir_name(lang, target.dir)
    )
}

#[function_component(BreakIt)]
pub fn break_it(p: &BreakItProps) -> Html {
    let lang = p.lang;
    let action = use_state(|| "drop".to_string());
    // The chosen kind by its key (`s2c:SA`), so that it survives a new list of kinds.
    let target = use_state(String::new);
    let delay = use_state(|| DEFAULT_DELAY_TEXT.to_string());
    let dispatch = use_dispatch();
    let on_action = {
        let action = action.clone();
        move |e: Event| action.set(e.target_unchecked_into::<HtmlSelectElement>().value())
    };
    let on_target = {
        let target = target.clone();
        move |e: Event| {
            target.set(e.target_unchecked_into::<HtmlSelectElement>().value());
        }
    };
    let on_delay = {
        let delay = delay.clone();
        move |e: InputEvent| delay.set(e.target_unchecked_into::<HtmlInputElement>().value())
    };
    // The chosen kind if this run still sends it, else the first one it sends (the SYN-ACK
    // when there is one: the classic first experiment).
    let chosen: Option<ArmTarget> = p
        .targets
        .iter()
        .find(|k| k.key() == *target)
        .or_else(|| p.targets.iter().find(|k| k.key() == "s2c:SA"))
        .or(p.targets.first())
        .copied();
    let on_arm = {
        let cb = callback(&dispatch, |(target, fate)| Action::ArmFate(target, fate));
        let (action, delay) = (action.clone(), delay.clone());
        move |e: SubmitEvent| {
            e.prevent_default();
            let fate = match action.as_str() {
                "delay" => FaultAction::Delay(delay_of(&delay)),
                "duplicate" => FaultAction::Duplicate,
                _ => FaultAction::Drop,
            };
            if let Some(t) = chosen {
                cb.emit((t, fate));
            }
        }
    };
    let on_clear = {
        let dispatch = dispatch.clone();
        move |_: MouseEvent| dispatch.dispatch(Action::ClearFaults)
    };
    let on_remove = callback(&dispatch, Action::RemoveFault);
    html! {
        <section class="panel break-it" aria-label={t(lang, Ui::BreakIt)}>
            <form class="arm" onsubmit={on_arm} aria-label={arm_label(lang)}>
                <strong class="arm-title">{ t(lang, Ui::BreakIt) }</strong>
                <select data-action="arm-fate" aria-label={arm_label(lang)} onchange={on_action}>
                    <option value="drop" selected={*action == "drop"}>{ t(lang, Ui::Drop) }</option>
                    <option value="delay" selected={*action == "delay"}>{ t(lang, Ui::DelayBy) }</option>
                    <option value="duplicate" selected={*action == "duplicate"}>{ t(lang, Ui::Duplicate) }</option>
                </select>
                // Hidden rather than removed, so choosing "delay" keeps the focus where it is.
                <input type="number" class="ms" min="0" step="50" value={(*delay).clone()} oninput={on_delay}
                       data-action="arm-delay-ms" hidden={*action != "delay"}
                       aria-label={format!("{} ({})", t(lang, Ui::DelayBy), t(lang, Ui::Milliseconds))} />
                <span>{ t(lang, Ui::TheNext) }</span>
                <select data-action="arm-target" aria-label={t(lang, Ui::TheNext)} onchange={on_target}>
                    { for p.targets.iter().map(|k| html! {
                        <option value={k.key()} selected={chosen == Some(*k)}>{ target_label(lang, k) }</option>
                    }) }
                </select>
                <button type="submit" data-action="arm" disabled={chosen.is_none()}>{ t(lang, Ui::Arm) }</button>
            </form>
            if let Some(r) = p.refused {
                <p class="hint warn" data-testid="arm-refused" role="status">
                    { crate::i18n::arm_refused_text(lang, &target_label(lang, &r)) }
                </p>
            }
            if !p.faults.is_empty() {
                <div class="faults">
                    <span class="faults-title">{ t(lang, Ui::YourFaults) }</span>
                    <ul>
                        { for p.faults.iter().enumerate().map(|(i, f)| {
                            let on_remove = on_remove.clone();
                            let text = fault_text(lang, &f.fault);
                            html! {
                                <li key={text.clone()}>
                                    <span>{ text.clone() }</span>
                                    <button type="button" class="remove" aria-label={format!("{}: {text}", t(lang, Ui::RemoveFault))}
                                            onclick={move |_| on_remove.emit(i)}>{ "✕" }</button>
                                </li>
                            }
                        }) }
                    </ul>
                    <button type="button" class="link" data-action="clear-faults" onclick={on_clear}>{ t(lang, Ui::ClearFaults) }</button>
                </div>
            } else {
                <p class="hint">{ t(lang, Ui::NoFaults) }</p>
            }
        </section>
    }
}
