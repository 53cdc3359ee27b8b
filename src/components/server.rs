//! The server view of a run with many connections: the SYN queue and the accept queue (a chart of
//! the whole run and their lengths at the playhead), the listener's counters and latest event,
//! the connections as rows (a capped list, with the flood as counts), and the controls that run
//! the scenario again with another backlog, SYN cookies on or off, a flood started or stopped, a
//! slower `accept()` or a client that reconnects from its port. It only reads the core's trace
//! through the model's index.

use tcp_lab_content::{listener_counter_text, listener_event_text, Lang};
use tcp_sim::server::listener::ListenerCounter;
use tcp_sim::server::{ConnectionRecord, Origin};
use tcp_sim::{Side, State};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::{coords, num};
use crate::dispatch::{callback, use_dispatch};
use crate::i18n::{label_value, t, tf, Ui};
use tcp_lab_model::server::{slot, ServerIndex, CHART_COLUMNS};
use tcp_lab_model::setup::{
    ServerKnobs, DEFAULT_FLOOD, MAX_ACCEPT_DELAY_MS, MAX_BACKLOG, MAX_FLOOD,
};
use tcp_lab_model::{Action, Playhead, RunRef};

/// At most this many rows of clients' connections, and of the flood's: the rest are counted.
const CLIENT_ROWS: usize = 100;
const FLOOD_ROWS: usize = 12;
/// The chart's height in SVG units (its width is one unit per column).
const CHART_HEIGHT: f64 = 60.0;

#[derive(Properties, PartialEq)]
pub struct ServerPanelProps {
    pub lang: Lang,
    /// The whole server run.
    pub run: RunRef,
    pub playhead: Playhead,
    pub knobs: ServerKnobs,
    /// The connection on the ladder.
    pub shown: Option<usize>,
}

/// `a.b.c.d:port`.
fn address(c: &ConnectionRecord) -> String {
    let a = c.client_addr;
    format!("{}.{}.{}.{}:{}", a[0], a[1], a[2], a[3], c.client_port)
}

fn origin_text(lang: Lang, origin: Origin) -> String {
    match origin {
        Origin::Client(i) => tf(lang, Ui::OriginClient, &[("n", &i.to_string())]),
        Origin::Flood => t(lang, Ui::OriginFlood).to_string(),
    }
}

fn origin_key(origin: Origin) -> String {
    match origin {
        Origin::Client(i) => format!("client:{i}"),
        Origin::Flood => "flood".to_string(),
    }
}

#[function_component(ServerPanel)]
pub fn server_panel(p: &ServerPanelProps) -> Html {
    let lang = p.lang;
    let run = &p.run;
    let Some(index) = run.server.as_ref() else {
        return Html::default();
    };
    let trace = &run.trace;
    let Some(listener) = trace.listener.as_ref() else {
        return Html::default();
    };
    let limits = listener.limits;
    let queues = ServerIndex::queues_at(trace, p.playhead);
    let counters = ServerIndex::counters_at(trace, p.playhead);
    let reached = listener.events.partition_point(|e| p.playhead.reached(e.t));
    let latest = reached.checked_sub(1).map(|i| listener.events[i]);

    let gauge = |key: &'static str, label: Ui, length: u32| {
        let limit = limits.max_ack_backlog;
        let id = format!("queue-{key}");
        html! {
            <div class={classes!("gauge", key)} data-queue={key} data-length={length.to_string()}
                 data-limit={limit.to_string()}>
                <label for={id.clone()}>{ t(lang, label) }</label>
                <meter id={id} min="0" max={limit.max(1).to_string()} value={length.to_string()}></meter>
                <span class="gauge-value">
                    { tf(lang, Ui::QueueLength, &[("n", &length.to_string()), ("limit", &limit.to_string())]) }
                </span>
            </div>
        }
    };

    // The chart: the longest queues of each slice of the run, the playhead as a line, on the
    // scale of the queues' limit (or of the longest queue, when longer), so that its height reads
    // as how full they were.
    let top = index.peak[0]
        .max(index.peak[1])
        .max(limits.max_ack_backlog)
        .max(1) as f64;
    let y = |v: u32| CHART_HEIGHT - v as f64 / top * (CHART_HEIGHT - 2.0);
    let path = |k: usize| {
        let mut parts: Vec<(&str, f64)> = vec![("M", 0.0), (" ", CHART_HEIGHT)];
        for (i, col) in index.chart.iter().enumerate() {
            parts.extend([
                ("L", i as f64),
                (" ", y(col[k])),
                ("L", i as f64 + 1.0),
                (" ", y(col[k])),
            ]);
        }
        parts.extend([("L", CHART_COLUMNS as f64), (" ", CHART_HEIGHT)]);
        coords(&parts) + "Z"
    };
    let x = ServerIndex::column_of(p.playhead, run.end_instant());
    let chart_label = tf(lang, Ui::QueueChart, &[("peak", &(top as u32).to_string())]);

    let counter_rows = ListenerCounter::ALL.iter().map(|&c| {
        let (label, _) = listener_counter_text(c, lang);
        let v = counters.get(c);
        html! {
            <div class="counter" data-counter={c.key()} data-value={v.to_string()}>
                <dt>{ label }</dt>
                <dd>{ v.to_string() }</dd>
            </div>
        }
    });
    let counter_help = ListenerCounter::ALL.iter().map(|&c| {
        let (label, text) = listener_counter_text(c, lang);
        html! { <><dt>{ label }</dt><dd>{ text }</dd></> }
    });

    let latest_html = match latest {
        Some(e) => {
            let (label, text) = listener_event_text(e.kind, lang);
            html! {
                <div class="listener-event" data-listener-event={e.kind.key()}>
                    <h3>{ label_value(lang, t(lang, Ui::LatestListenerEvent), label) }</h3>
                    <p>{ text }</p>
                </div>
            }
        }
        None => html! {
            <div class="listener-event" data-listener-event="">
                <h3>{ t(lang, Ui::LatestListenerEvent) }</h3>
                <p>{ t(lang, Ui::NoListenerEvent) }</p>
            </div>
        },
    };

    // The rows: every client's connection (up to a cap), then the first of the flood's.
    let dispatch = use_dispatch();
    let select = callback(&dispatch, Action::SelectConnection);
    let state_text = |s: Option<State>| s.map_or("—", |s| s.rfc_name());
    let row = |c: &ConnectionRecord| {
        let selected = p.shown == Some(c.id);
        let client = index.state_at(trace, c.id, Side::Client, p.playhead);
        let server = index.state_at(trace, c.id, Side::Server, p.playhead);
        let addr = address(c);
        let select = select.clone();
        let id = c.id;
        html! {
            <tr key={c.id} data-conn={c.id.to_string()} data-origin={origin_key(c.origin)}
                data-client-state={state_text(client)} data-server-state={state_text(server)}
                data-cookie={c.cookie.to_string()} data-selected={selected.to_string()}
                class={classes!(selected.then_some("selected"))}>
                <th scope="row">
                    <button type="button" data-action="select-conn" aria-pressed={selected.to_string()}
                            aria-label={tf(lang, Ui::ShowConnection, &[("addr", &addr)])}
                            onclick={move |_| { select.emit(id); reveal_ladder_on_a_phone(); }}>{ addr }</button>
                </th>
                <td>{ origin_text(lang, c.origin) }</td>
                <td class="state">{ state_text(client) }</td>
                <td class="state">{ state_text(server) }</td>
                <td>{ t(lang, if c.cookie { Ui::Yes } else { Ui::No }) }</td>
            </tr>
        }
    };
    let client_rows: Vec<Html> = index
        .clients
        .iter()
        .take(CLIENT_ROWS)
        .map(|&id| row(&trace.connections[id]))
        .collect();
    // Connections are numbered as they open: those opened by the playhead come first.
    let opened = trace
        .connections
        .partition_point(|c| p.playhead.reached(c.opened));
    let (flood_opened, flood_cookies) = index.flood_opened(trace, p.playhead);
    let flood_rows: Vec<Html> = index.flood[..flood_opened]
        .iter()
        .take(FLOOD_ROWS)
        .map(|&id| row(&trace.connections[id]))
        .collect();
    // Connections opened by the playhead that have no row (a client's row is listed before it opens).
    let clients_opened = index.clients.partition_point(|&id| id < opened);
    let listed = clients_opened.min(CLIENT_ROWS) + flood_rows.len();
    let unlisted = (clients_opened + flood_opened).saturating_sub(listed);
    let flood_html = (index.flood_connections > 0).then(|| {
        let counts = index.flood_states_at(p.playhead);
        let synrecv = counts[slot(State::SynReceived)];
        let gone = counts[slot(State::Closed)] + counts[slot(State::Listen)];
        html! {
            <p class="flood-aggregate" data-flood-aggregate="" data-flood-opened={flood_opened.to_string()}
               data-flood-syn-received={synrecv.to_string()}>
                { tf(lang, Ui::FloodAggregate, &[
                    ("n", &flood_opened.to_string()),
                    ("synrecv", &synrecv.to_string()),
                    ("gone", &gone.to_string()),
                    ("cookies", &flood_cookies.to_string()),
                ]) }
            </p>
        }
    });
    let shown_html = p.shown.and_then(|id| trace.connections.get(id)).map(|c| {
        html! {
            <p class="shown-conn" data-shown-conn={c.id.to_string()}>
                { tf(lang, Ui::ShownOnLadder, &[("addr", &address(c)), ("origin", &origin_text(lang, c.origin))]) }
            </p>
        }
    });
    let shown_client = p
        .shown
        .and_then(|id| trace.connections.get(id))
        .and_then(|c| match c.origin {
            Origin::Client(i) => Some(i),
            Origin::Flood => None,
        });

    html! {
        <section class="panel server" data-testid="server" aria-labelledby="server-heading">
            <h2 id="server-heading">{ t(lang, Ui::ServerHeading) }</h2>
            <div class="queues">
                { gauge("syn", Ui::SynQueue, queues[0]) }
                { gauge("accept", Ui::AcceptQueue, queues[1]) }
            </div>
            <p class="listener-settings" data-testid="listener-settings">
                { tf(lang, Ui::ListenerSettings, &[
                    ("backlog", &limits.backlog.to_string()),
                    ("somaxconn", &limits.somaxconn.to_string()),
                    ("max_syn", &limits.max_syn_backlog.to_string()),
                    ("cookies", &limits.syncookies.to_string()),
                    ("abort", &u8::from(limits.abort_on_overflow).to_string()),
                ]) }
            </p>
            <svg class="queue-chart" data-testid="queue-chart" role="img" aria-label={chart_label.clone()}
                 viewBox={format!("0 0 {CHART_COLUMNS} {}", num(CHART_HEIGHT))} preserveAspectRatio="none">
                <title>{ chart_label }</title>
                <path class="syn" d={path(0)} />
                <path class="accept" d={path(1)} />
                <line class="playhead" data-column={num(x)} x1={num(x)} x2={num(x)} y1="0" y2={num(CHART_HEIGHT)} />
            </svg>
            <div class="chart-legend" aria-hidden="true">
                <span><span class="swatch syn"></span>{ t(lang, Ui::SynQueue) }</span>
                <span><span class="swatch accept"></span>{ t(lang, Ui::AcceptQueue) }</span>
            </div>
            { latest_html }
            <h3>{ t(lang, Ui::Counters) }</h3>
            <dl class="counters">{ for counter_rows }</dl>
            <details class="counter-help">
                <summary>{ t(lang, Ui::CountersHelp) }</summary>
                <dl>{ for counter_help }</dl>
            </details>
            <ServerControls lang={lang} knobs={p.knobs} cookies={limits.syncookies != 0}
                            backlog={limits.backlog} flood={run.scenario.flood.map_or(0, |f| f.count)}
                            shown_client={shown_client} />
            <h3>{ t(lang, Ui::Connections) }</h3>
            { shown_html }
            { flood_html.unwrap_or_default() }
            <div class="conn-table" tabindex="0" role="region" aria-label={t(lang, Ui::Connections)}>
                <table data-testid="connections">
                    <thead>
                        <tr>
                            <th scope="col">{ t(lang, Ui::ConnAddress) }</th>
                            <th scope="col">{ t(lang, Ui::ConnOrigin) }</th>
                            <th scope="col">{ t(lang, Ui::ConnClientEnd) }</th>
                            <th scope="col">{ t(lang, Ui::ConnServerEnd) }</th>
                            <th scope="col">{ t(lang, Ui::ConnCookie) }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for client_rows }
                        { for flood_rows }
                    </tbody>
                </table>
            </div>
            if unlisted > 0 {
                <p class="more-rows" data-unlisted={unlisted.to_string()}>
                    { tf(lang, Ui::MoreRows, &[("n", &unlisted.to_string())]) }
                </p>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ServerControlsProps {
    lang: Lang,
    knobs: ServerKnobs,
    /// The settings in force in the run: SYN cookies on, the backlog, the flood's SYNs.
    cookies: bool,
    backlog: u32,
    flood: u32,
    /// The client (by index) of the connection on the ladder, if a client opened it.
    shown_client: Option<usize>,
}

/// A whole number from 0 to `max`, as typed.
fn whole(text: &str, max: u32) -> Option<u32> {
    text.trim().parse::<u32>().ok().filter(|&v| v <= max)
}

#[function_component(ServerControls)]
fn server_controls(p: &ServerControlsProps) -> Html {
    let lang = p.lang;
    let knobs = p.knobs;
    let set = callback(&use_dispatch(), Action::SetServerKnobs);
    // The field whose value could not be used, and its limit.
    let bad = use_state(|| None::<(&'static str, u32)>);
    let number = |key: &'static str,
                  label: Ui,
                  value: u32,
                  max: u32,
                  apply: fn(ServerKnobs, u32) -> ServerKnobs| {
        let set = set.clone();
        let bad = bad.clone();
        let id = format!("knob-{key}");
        let err_id = format!("knob-{key}-error");
        let wrong = bad.map(|(k, _)| k) == Some(key);
        let onchange = move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            match whole(&input.value(), max) {
                Some(v) => {
                    bad.set(None);
                    set.emit(apply(knobs, v));
                }
                None => bad.set(Some((key, max))),
            }
        };
        html! {
            <div class="knob">
                <label for={id.clone()}>{ t(lang, label) }</label>
                <input id={id} type="number" inputmode="numeric" min="0" max={max.to_string()} step="1"
                       data-knob={key} value={value.to_string()}
                       aria-invalid={wrong.then_some("true")} aria-describedby={wrong.then_some(err_id.clone())}
                       onchange={onchange} />
                if wrong {
                    <p class="field-error" id={err_id} role="alert">
                        { tf(lang, Ui::BadWholeNumber, &[("min", "0"), ("max", &max.to_string())]) }
                    </p>
                }
            </div>
        }
    };
    let on_cookies = {
        let set = set.clone();
        move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            set.emit(ServerKnobs {
                syncookies: Some(on),
                ..knobs
            });
        }
    };
    let flooding = p.flood > 0;
    let on_flood = {
        let set = set.clone();
        move |_| {
            let flood = if flooding { 0 } else { DEFAULT_FLOOD };
            set.emit(ServerKnobs {
                flood: Some(flood),
                ..knobs
            });
        }
    };
    let reconnect = p.shown_client.map(|i| {
        let set = set.clone();
        let checked = knobs.reconnect == Some(i);
        let onchange = move |e: Event| {
            let on = e.target_unchecked_into::<HtmlInputElement>().checked();
            set.emit(ServerKnobs { reconnect: on.then_some(i), ..knobs });
        };
        html! {
            <div class="knob check">
                <input id="knob-reconnect" type="checkbox" data-knob="reconnect" checked={checked} onchange={onchange} />
                <label for="knob-reconnect">{ t(lang, Ui::Reconnect) }</label>
            </div>
        }
    });
    let on_reset = {
        let set = set.clone();
        move |_| set.emit(ServerKnobs::default())
    };
    html! {
        <fieldset class="server-controls" data-testid="server-controls">
            <legend>{ t(lang, Ui::ServerControls) }</legend>
            { number("backlog", Ui::Backlog, p.backlog, MAX_BACKLOG, |k, v| ServerKnobs { backlog: Some(v), ..k }) }
            <div class="knob check">
                <input id="knob-cookies" type="checkbox" data-knob="cookies"
                       checked={p.cookies} onchange={on_cookies} />
                <label for="knob-cookies">{ t(lang, Ui::SynCookies) }</label>
            </div>
            { number("flood", Ui::FloodSyns, p.flood, MAX_FLOOD, |k, v| ServerKnobs { flood: Some(v), ..k }) }
            <button type="button" data-action="toggle-flood" aria-pressed={flooding.to_string()} onclick={on_flood}>
                { t(lang, if flooding { Ui::StopFlood } else { Ui::StartFlood }) }
            </button>
            { number("accept_delay", Ui::AcceptDelay, knobs.accept_delay_ms.unwrap_or(0), MAX_ACCEPT_DELAY_MS,
                     |k, v| ServerKnobs { accept_delay_ms: Some(v), ..k }) }
            { reconnect.unwrap_or_default() }
            if !knobs.is_default() {
                <button type="button" data-action="reset-knobs" onclick={on_reset}>{ t(lang, Ui::ResetKnobs) }</button>
            }
        </fieldset>
    }
}

/// On a phone the ladder sits far above the connections' rows: after a pick, bring the ladder
/// that now shows the picked connection into view.
fn reveal_ladder_on_a_phone() {
    if !crate::platform::narrow_query().is_some_and(|q| q.matches()) {
        return;
    }
    if let Some(ladder) = gloo_utils::document()
        .query_selector("main#lab .ladder-wrap")
        .ok()
        .flatten()
    {
        ladder.scroll_into_view();
    }
}
