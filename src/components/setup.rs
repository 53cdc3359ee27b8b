//! Choosing a run: the scenario and profile pickers, and the form for the
//! link and the application steps of each side.

use tcp_lab_content::{scenario_title, Lang};
use tcp_sim::{named, ProfileName};
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::dispatch::{callback, use_dispatch};
use crate::i18n::{profile_name, step_error_text, t, Ui};
use tcp_lab_model::setup::{DraftErrors, DraftField, SetupDraft, StepError, CUSTOM};
use tcp_lab_model::Action;

#[derive(Properties, PartialEq)]
pub struct ScenarioPickerProps {
    pub lang: Lang,
    /// A name from `tcp_sim::named::NAMES` or `SERVER_NAMES`, or `custom`.
    pub name: String,
    /// A capture is on the ladder, not the simulator's run: the picker says so.
    #[prop_or_default]
    pub capture: bool,
}

/// The first option of a picker while a capture is on the ladder: picking anything else goes
/// back to the simulator.
fn capture_option(lang: Lang, capture: bool) -> Html {
    if !capture {
        return Html::default();
    }
    html! {
        <option value="" selected=true disabled=true data-capture-option="">{ t(lang, Ui::CaptureHeading) }</option>
    }
}

#[function_component(ScenarioPicker)]
pub fn scenario_picker(p: &ScenarioPickerProps) -> Html {
    let lang = p.lang;
    let on_choose = callback(&use_dispatch(), Action::ChooseScenario);
    let onchange = {
        let cb = on_choose;
        move |e: Event| cb.emit(e.target_unchecked_into::<HtmlSelectElement>().value())
    };
    html! {
        <label class="picker">
            <span>{ t(lang, Ui::Scenario) }</span>
            <select data-action="scenario" onchange={onchange}>
                { capture_option(lang, p.capture) }
                <optgroup label={t(lang, Ui::OneConnectionScenarios)}>
                    { for named::NAMES.iter().map(|&name| html! {
                        <option value={name} selected={!p.capture && p.name == name}>{ scenario_title(name, lang).unwrap_or(name) }</option>
                    }) }
                </optgroup>
                <optgroup label={t(lang, Ui::ServerScenarios)}>
                    { for named::SERVER_NAMES.iter().map(|&name| html! {
                        <option value={name} selected={!p.capture && p.name == name}>{ scenario_title(name, lang).unwrap_or(name) }</option>
                    }) }
                </optgroup>
                <option value={CUSTOM} selected={!p.capture && p.name == CUSTOM}>{ t(lang, Ui::CustomScenario) }</option>
            </select>
        </label>
    }
}

#[derive(Properties, PartialEq)]
pub struct ProfilePickerProps {
    pub lang: Lang,
    pub profile: ProfileName,
    /// A capture is on the ladder, not the simulator's run: the picker says so.
    #[prop_or_default]
    pub capture: bool,
}

#[function_component(ProfilePicker)]
pub fn profile_picker(p: &ProfilePickerProps) -> Html {
    let lang = p.lang;
    let on_choose = callback(&use_dispatch(), Action::ChooseProfile);
    let onchange = {
        let cb = on_choose;
        move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Some(profile) = ProfileName::parse(&v) {
                cb.emit(profile);
            }
        }
    };
    html! {
        <>
            <label class="picker">
                <span>{ t(lang, Ui::Profile) }</span>
                <select data-action="profile" onchange={onchange}>
                    { capture_option(lang, p.capture) }
                    { for ProfileName::ALL.iter().map(|&profile| html! {
                        <option value={profile.key()} selected={!p.capture && p.profile == profile}>{ profile_name(lang, profile) }</option>
                    }) }
                </select>
            </label>
            if p.capture {
                <p class="profile-note" data-testid="pickers-capture-note">{ t(lang, Ui::CaptureOnLadderPickers) }</p>
            } else {
                <p class="profile-note" data-testid="profile-note" data-profile={p.profile.key()}>
                    { crate::i18n::profile_note(lang, p.profile) }
                </p>
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct SetupPanelProps {
    pub lang: Lang,
    pub draft: SetupDraft,
    pub errors: DraftErrors,
}

/// One field of the form: its label, the control, and its error line.
struct Field<'a> {
    label: &'a str,
    /// The `data-action` hook.
    action: &'static str,
    value: &'a str,
    /// Empty when the value is fine.
    error: String,
    error_id: &'static str,
    field: DraftField,
    /// Application steps get a textarea, numbers a one-line input.
    multiline: bool,
}

fn field(f: Field, on_edit: &Callback<(DraftField, String)>) -> Html {
    let oninput = {
        let cb = on_edit.clone();
        let field = f.field;
        // Input and textarea both expose `value`; read it without caring which.
        move |e: InputEvent| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            cb.emit((field, value))
        }
    };
    let invalid = !f.error.is_empty();
    let described = match (invalid, f.multiline) {
        (true, true) => Some(format!("{} steps-help", f.error_id)),
        (true, false) => Some(f.error_id.to_string()),
        (false, true) => Some("steps-help".to_string()),
        (false, false) => None,
    };
    // The error line is always there (empty when all is well): Yew matches
    // unkeyed children by position, and a line appearing must not replace
    // the field the learner is typing in.
    html! {
        <label>
            <span>{ f.label }</span>
            if f.multiline {
                <textarea data-action={f.action} rows="6" spellcheck="false" value={f.value.to_string()}
                          aria-invalid={invalid.to_string()} aria-describedby={described} {oninput} />
            } else {
                <input type="text" inputmode="decimal" data-action={f.action} value={f.value.to_string()}
                       aria-invalid={invalid.to_string()} aria-describedby={described} {oninput} />
            }
            <span class="field-error" id={f.error_id} role="alert">{ f.error }</span>
        </label>
    }
}

#[function_component(SetupPanel)]
pub fn setup_panel(p: &SetupPanelProps) -> Html {
    let lang = p.lang;
    let dispatch = use_dispatch();
    let on_edit = callback(&dispatch, |(field, value)| Action::EditDraft(field, value));
    let onsubmit = move |e: SubmitEvent| {
        e.prevent_default();
        dispatch.dispatch(Action::ApplyDraft);
    };
    let e = &p.errors;
    let d = &p.draft;
    let number = |label: Ui, action, value: &str, bad: bool, message: Ui, error_id, field_kind| {
        field(
            Field {
                label: t(lang, label),
                action,
                value,
                error: if bad {
                    t(lang, message).to_string()
                } else {
                    String::new()
                },
                error_id,
                field: field_kind,
                multiline: false,
            },
            &on_edit,
        )
    };
    let steps =
        |label: Ui, action, value: &str, error: &Option<StepError>, error_id, field_kind| {
            field(
                Field {
                    label: t(lang, label),
                    action,
                    value,
                    error: error
                        .as_ref()
                        .map(|e| step_error_text(lang, e))
                        .unwrap_or_default(),
                    error_id,
                    field: field_kind,
                    multiline: true,
                },
                &on_edit,
            )
        };
    html! {
        <section class="panel setup" aria-label={t(lang, Ui::Setup)}>
            <h2>{ t(lang, Ui::Setup) }</h2>
            <form onsubmit={onsubmit} novalidate=true>
                <div class="numbers">
                    { number(Ui::DelayMs, "delay-ms", &d.delay_ms, e.delay_ms, Ui::BadDelay, "err-delay", DraftField::DelayMs) }
                    { number(Ui::LossPct, "loss-pct", &d.loss_pct, e.loss_pct, Ui::BadLoss, "err-loss", DraftField::LossPct) }
                    { number(Ui::Seed, "seed", &d.seed, e.seed, Ui::BadSeed, "err-seed", DraftField::Seed) }
                </div>
                <div class="steps">
                    { steps(Ui::ClientSteps, "client-steps", &d.client_steps, &e.client_steps, "err-client", DraftField::ClientSteps) }
                    { steps(Ui::ServerSteps, "server-steps", &d.server_steps, &e.server_steps, "err-server", DraftField::ServerSteps) }
                </div>
                <p class="hint" id="steps-help">{ t(lang, Ui::StepsHelp) }</p>
                <button type="submit" class="primary" data-action="apply">{ t(lang, Ui::Apply) }</button>
            </form>
        </section>
    }
}
