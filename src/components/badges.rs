//! The two endpoints: their state (with its one-line meaning) and their timers.

use tcp_lab_content::{state_gloss, Lang};
use tcp_sim::{Side, State};
use yew::prelude::*;

use super::capture::certainty_word;
use super::timers::timer_list;
use crate::i18n::{side_name, t, Ui};
use tcp_lab_model::capture::StateCertainty;
use tcp_lab_model::flight::RunningTimer;

#[derive(Properties, PartialEq)]
pub struct BadgesProps {
    pub lang: Lang,
    pub client: State,
    pub server: State,
    pub client_timers: Vec<RunningTimer>,
    pub server_timers: Vec<RunningTimer>,
    /// For a run reconstructed from a capture: how sure each state (client, server) is.
    #[prop_or_default]
    pub certainty: [Option<StateCertainty>; 2],
}

#[function_component(Badges)]
pub fn badges(p: &BadgesProps) -> Html {
    let card = |side: Side, state: State, timers: &Vec<RunningTimer>| {
        let certainty = p.certainty[side.index()];
        html! {
            <div class={classes!("endpoint", side.name(), certainty.map(|c| format!("certainty-{}", c.key())))}
                 data-endpoint={side.name()} data-state={state.rfc_name()} data-certainty={certainty.map(|c| c.key())}>
                <div class="endpoint-head">
                    <span class="marker" aria-hidden="true">{ if side == Side::Client { "C" } else { "S" } }</span>
                    <span class="who">{ side_name(p.lang, side) }</span>
                </div>
                <div class="state-name">
                    if let Some(c) = certainty.filter(|c| !c.mark().is_empty()) {
                        <span class="certainty-mark" aria-hidden="true">{ c.mark() }</span>
                    }
                    { state.rfc_name() }
                    if let Some(c) = certainty {
                        <span class="certainty">{ certainty_word(p.lang, c) }</span>
                    }
                </div>
                <p class="gloss">{ state_gloss(state, p.lang) }</p>
                { timer_list(p.lang, timers) }
            </div>
        }
    };
    html! {
        <section class="panel endpoints" aria-label={t(p.lang, Ui::Endpoints)}>
            { card(Side::Client, p.client, &p.client_timers) }
            { card(Side::Server, p.server, &p.server_timers) }
        </section>
    }
}
