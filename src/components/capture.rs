//! Opening a capture: the **Open capture** button, dropping a file on the page, the reading
//! progress, what went wrong, the list of connections (like Wireshark's Conversations), and,
//! for the connection on the ladder, how sure the reconstruction is and what the capture shows
//! that the textbook does not. Every text in both languages.

use tcp_lab_content::Lang;
use tcp_sim::capture::{CaptureError, Connection, Ending, Format};
use tcp_sim::{Certainty, Note, NoteKind, Side};
use wasm_bindgen::JsCast;
use web_sys::{DragEvent, HtmlInputElement};
use yew::prelude::*;

use crate::i18n::{fmt_time, profile_name, side_name, t, tf, Ui};
use tcp_lab_model::capture::{
    certainty_at, CaptureAction, CaptureOrigin, CaptureProblem, CaptureStatus, CaptureView, Opened,
    StateCertainty, MAX_CAPTURE_BYTES,
};
use tcp_lab_model::log::LogKind;
use tcp_lab_model::Action;
use tcp_lab_model::{Playhead, RunRef};
use tcp_sim::compare::{Comparison, Difference};

fn origin_text(lang: Lang, text: Ui, origin: &CaptureOrigin) -> String {
    tf(
        lang,
        text,
        &[
            ("conn", &format!("#{}", origin.index)),
            ("client", &origin.client),
            ("server", &origin.server),
        ],
    )
}

/// The share panel's note while a capture is on the ladder (read by `static/tools.js`): what
/// the link holds instead of the capture.
pub fn link_note(lang: Lang, origin: &CaptureOrigin) -> String {
    origin_text(lang, Ui::CaptureLinkNote, origin)
}

/// Over a run whose steps were derived from a capture: which connection they came from.
pub fn derived_from_notice(lang: Lang, origin: Option<&CaptureOrigin>) -> Html {
    let Some(origin) = origin else {
        return Html::default();
    };
    html! {
        <div class="notice" role="status" data-testid="derived-from" data-capture-conn={origin.index.to_string()}>
            <span>{ origin_text(lang, Ui::DerivedFromCapture, origin) }</span>
        </div>
    }
}

fn ending_text(lang: Lang, end: Ending) -> &'static str {
    t(
        lang,
        match end {
            Ending::Fin => Ui::CaptureEndFin,
            Ending::HalfClosed => Ui::CaptureEndHalfClosed,
            Ending::Rst => Ui::CaptureEndRst,
            Ending::Open => Ui::CaptureEndOpen,
        },
    )
}

fn certainty_text(lang: Lang, c: Certainty) -> &'static str {
    t(
        lang,
        match c {
            Certainty::Observed => Ui::CertaintyObserved,
            Certainty::Inferred => Ui::CertaintyInferred,
            Certainty::Assumed => Ui::CertaintyAssumed,
        },
    )
}

/// For the endpoint badges: how sure each side's state (client, server) is at the playhead;
/// nothing for a simulated run.
pub fn badge_certainty(run: &RunRef, p: Playhead) -> [Option<StateCertainty>; 2] {
    Side::BOTH.map(|s| StateCertainty::at(run, s, p))
}

/// How sure a reconstructed state is, in a word.
pub fn certainty_word(lang: Lang, c: StateCertainty) -> &'static str {
    match c {
        StateCertainty::Known(c) => certainty_text(lang, c),
        StateCertainty::Unknown => t(lang, Ui::CertaintyUnknown),
    }
}

/// A state's name after its mark, if it has one.
pub fn marked(c: StateCertainty, state: &str) -> String {
    match c.mark() {
        "" => state.to_string(),
        mark => format!("{mark} {state}"),
    }
}

/// A state's name and how sure it is, for a screen reader.
pub fn certainty_label(lang: Lang, state: &str, c: StateCertainty) -> String {
    tf(
        lang,
        Ui::CertaintyStateLabel,
        &[("state", state), ("certainty", certainty_word(lang, c))],
    )
}

/// What the marks on the ladder's and badges' states mean.
fn certainty_legend(lang: Lang) -> Html {
    let item = |c: StateCertainty| {
        let meaning = match c {
            StateCertainty::Known(Certainty::Observed) => Ui::CertaintyObservedMeaning,
            StateCertainty::Known(Certainty::Inferred) => Ui::CertaintyInferredMeaning,
            StateCertainty::Known(Certainty::Assumed) => Ui::CertaintyAssumedMeaning,
            StateCertainty::Unknown => Ui::CertaintyUnknownMeaning,
        };
        let text = tf(
            lang,
            Ui::CertaintyLegendItem,
            &[
                ("word", certainty_word(lang, c)),
                ("meaning", t(lang, meaning)),
            ],
        );
        html! {
            <li data-certainty-legend={c.key()}>
                <span class={classes!("certainty-sample", format!("certainty-{}", c.key()))} aria-hidden="true">
                    { if c.mark().is_empty() { "\u{00a0}" } else { c.mark() } }
                </span>
                { text }
            </li>
        }
    };
    html! {
        <>
            <h3>{ t(lang, Ui::CertaintyLegend) }</h3>
            <ul class="certainty-legend" data-testid="certainty-legend">
                { for StateCertainty::ALL.into_iter().map(item) }
            </ul>
        </>
    }
}

/// A flagged fact, explained. `side` is the side it is about, named in the language.
fn note_text(lang: Lang, kind: NoteKind, side: &str) -> String {
    let text = match kind {
        NoteKind::Retransmission => Ui::NoteRetransmission,
        NoteKind::ProbablyLost => Ui::NoteProbablyLost,
        NoteKind::DuplicateAck => Ui::NoteDuplicateAck,
        NoteKind::DelayedAck => Ui::NoteDelayedAck,
        NoteKind::ZeroWindow => Ui::NoteZeroWindow,
        NoteKind::Rst => Ui::NoteRst,
        NoteKind::ChallengeAck => Ui::NoteChallengeAck,
        NoteKind::ThreeSegmentClose => Ui::NoteThreeSegmentClose,
        NoteKind::FourSegmentClose => Ui::NoteFourSegmentClose,
        NoteKind::Simultaneous => Ui::NoteSimultaneous,
        NoteKind::MidConnection => Ui::NoteMidConnection,
        NoteKind::NoAnswer => Ui::NoteNoAnswer,
        NoteKind::StillOpen => Ui::NoteStillOpen,
    };
    tf(lang, text, &[("side", side)])
}

fn bytes_text(lang: Lang, n: u64) -> String {
    let (v, unit) = if n >= 1 << 30 {
        (n as f64 / (1u64 << 30) as f64, "GB")
    } else if n >= 1 << 20 {
        (n as f64 / (1u64 << 20) as f64, "MB")
    } else if n >= 1 << 10 {
        (n as f64 / 1024.0, "KB")
    } else {
        return tf(lang, Ui::CaptureByteCount, &[("n", &n.to_string())]);
    };
    format!("{} {unit}", crate::numtext::trimmed(v, 1))
}

fn problem_text(lang: Lang, p: &CaptureProblem) -> String {
    match p {
        CaptureProblem::TooLarge { size } => tf(
            lang,
            Ui::CaptureTooLarge,
            &[
                ("size", &bytes_text(lang, *size)),
                ("limit", &bytes_text(lang, MAX_CAPTURE_BYTES)),
            ],
        ),
        CaptureProblem::Empty => t(lang, Ui::CaptureEmpty).to_string(),
        CaptureProblem::ReadFailed => t(lang, Ui::CaptureReadFailed).to_string(),
        CaptureProblem::Unreadable(e) => error_text(lang, e),
        CaptureProblem::NoTcp { frames } => {
            tf(lang, Ui::CaptureNoTcp, &[("frames", &frames.to_string())])
        }
    }
}

fn error_text(lang: Lang, e: &CaptureError) -> String {
    match e {
        CaptureError::BadMagic(_) => t(lang, Ui::CaptureBadMagic).to_string(),
        CaptureError::Truncated { offset } => tf(
            lang,
            Ui::CaptureTruncated,
            &[("offset", &offset.to_string())],
        ),
        CaptureError::BadLength { offset, len } => tf(
            lang,
            Ui::CaptureBadLength,
            &[("offset", &offset.to_string()), ("len", &len.to_string())],
        ),
        CaptureError::BadSection { offset } => tf(
            lang,
            Ui::CaptureBadSection,
            &[("offset", &offset.to_string())],
        ),
        CaptureError::UnknownInterface { offset, interface } => tf(
            lang,
            Ui::CaptureUnknownInterface,
            &[
                ("offset", &offset.to_string()),
                ("interface", &interface.to_string()),
            ],
        ),
    }
}

fn format_name(f: Option<Format>) -> &'static str {
    match f {
        Some(Format::Pcap { .. }) => "pcap",
        Some(Format::PcapNg) => "pcapng",
        None => "",
    }
}

/// A count, in the words for one or for several.
fn count(lang: Lang, n: usize, one: Ui, many: Ui) -> String {
    if n == 1 {
        t(lang, one).to_string()
    } else {
        tf(lang, many, &[("n", &n.to_string())])
    }
}

/// Frames, segments and connections, and what was left out.
fn summary_lines(lang: Lang, o: &Opened) -> Vec<(String, bool)> {
    let c = &o.capture;
    let frames = |n| count(lang, n, Ui::CaptureOneFrame, Ui::CaptureFrames);
    let mut lines = vec![(
        tf(
            lang,
            Ui::CaptureSummary,
            &[
                ("format", format_name(o.format())),
                ("size", &bytes_text(lang, o.size)),
                ("frames", &frames(c.frames)),
                (
                    "segments",
                    &count(
                        lang,
                        c.packets.len(),
                        Ui::CaptureOneSegment,
                        Ui::CaptureSegments,
                    ),
                ),
                (
                    "connections",
                    &count(
                        lang,
                        o.connections.len(),
                        Ui::CaptureOneConnection,
                        Ui::CaptureConnectionCount,
                    ),
                ),
            ],
        ),
        false,
    )];
    if !c.skipped.is_empty() {
        let n = frames(c.skipped.len());
        lines.push((tf(lang, Ui::CaptureSkipped, &[("frames", &n)]), false));
    }
    if c.snaplen_cut > 0 {
        let n = frames(c.snaplen_cut);
        lines.push((tf(lang, Ui::CaptureSnaplenCut, &[("frames", &n)]), true));
    }
    if let Some(e) = &c.error {
        lines.push((
            tf(
                lang,
                Ui::CaptureStoppedEarly,
                &[
                    ("error", &error_text(lang, e)),
                    ("n", &c.frames.to_string()),
                ],
            ),
            true,
        ));
    }
    lines
}

#[derive(Properties, PartialEq)]
pub struct CaptureOpenerProps {
    pub lang: Lang,
    pub on: Callback<CaptureAction>,
}

/// The **Open capture** button (a file input), and dropping a file anywhere on the page.
#[function_component(CaptureOpener)]
pub fn capture_opener(p: &CaptureOpenerProps) -> Html {
    let lang = p.lang;
    let input = use_node_ref();
    let dragging = use_state(|| false);
    {
        let on = p.on.clone();
        let dragging = dragging.clone();
        use_effect_with((), move |_| {
            let window = gloo_utils::window();
            let options = gloo_events::EventListenerOptions::enable_prevent_default();
            let carries_files = |e: &DragEvent| {
                e.data_transfer()
                    .is_some_and(|d| d.types().includes(&"Files".into(), 0))
            };
            let over = {
                let dragging = dragging.clone();
                gloo_events::EventListener::new_with_options(
                    &window,
                    "dragover",
                    options,
                    move |e| {
                        let Some(e) = e.dyn_ref::<DragEvent>() else {
                            return;
                        };
                        if carries_files(e) {
                            e.prevent_default();
                            if let Some(d) = e.data_transfer() {
                                d.set_drop_effect("copy");
                            }
                            dragging.set(true);
                        }
                    },
                )
            };
            let leave = {
                let dragging = dragging.clone();
                gloo_events::EventListener::new(&window, "dragleave", move |e| {
                    // Leaving the window: no related target.
                    if e.dyn_ref::<DragEvent>()
                        .is_some_and(|e| e.related_target().is_none())
                    {
                        dragging.set(false);
                    }
                })
            };
            let on_drop =
                gloo_events::EventListener::new_with_options(&window, "drop", options, move |e| {
                    let Some(e) = e.dyn_ref::<DragEvent>() else {
                        return;
                    };
                    if !carries_files(e) {
                        return;
                    }
                    e.prevent_default();
                    dragging.set(false);
                    if let Some(file) = e
                        .data_transfer()
                        .and_then(|d| d.files())
                        .and_then(|f| f.get(0))
                    {
                        crate::capture_platform::open(file, on.clone());
                    }
                });
            move || drop((over, leave, on_drop))
        });
    }
    let onchange = {
        let on = p.on.clone();
        Callback::from(move |e: Event| {
            let Some(el) = e.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            if let Some(file) = el.files().and_then(|f| f.get(0)) {
                crate::capture_platform::open(file, on.clone());
            }
            // The same file can be opened again.
            el.set_value("");
        })
    };
    let onclick = {
        let input = input.clone();
        Callback::from(move |_| {
            if let Some(el) = input.cast::<HtmlInputElement>() {
                el.click();
            }
        })
    };
    html! {
        <div class="capture-open">
            <button type="button" data-action="open-capture" title={t(lang, Ui::CaptureOpenHint)} onclick={onclick}>
                { t(lang, Ui::CaptureOpen) }
            </button>
            <input ref={input} type="file" hidden=true data-capture-input="" tabindex="-1"
                   aria-label={t(lang, Ui::CaptureOpen)} accept=".pcap,.pcapng,.cap,.dmp,application/vnd.tcpdump.pcap"
                   onchange={onchange} />
            // On the body: an embed hides the header this button is in, not the drop target.
            if *dragging {
                { create_portal(html! {
                    <div class="drop-overlay" data-testid="drop-overlay" aria-hidden="true">
                        <p>{ t(lang, Ui::CaptureDropHere) }</p>
                    </div>
                }, gloo_utils::body().into()) }
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct CapturePanelProps {
    pub lang: Lang,
    pub view: CaptureView,
    pub on: Callback<CaptureAction>,
}

/// The capture's status, its connections, and the reconstruction of the one on the ladder.
#[function_component(CapturePanel)]
pub fn capture_panel(p: &CapturePanelProps) -> Html {
    let lang = p.lang;
    let v = &p.view;
    let close = {
        let on = p.on.clone();
        Callback::from(move |_| {
            // Reading or decoding stops too.
            crate::capture_platform::cancel();
            on.emit(CaptureAction::Close)
        })
    };
    let progress = |text: Ui, done: u64, total: u64| {
        let pct = (done * 100).checked_div(total).unwrap_or(0);
        let label = tf(
            lang,
            text,
            &[("name", &v.name), ("percent", &pct.to_string())],
        );
        html! {
            <p role="status" class="capture-progress">
                <label>{ label.clone() }
                    <progress max={total.to_string()} value={done.to_string()} aria-label={label} />
                </label>
            </p>
        }
    };
    let (status, body) = match &v.status {
        CaptureStatus::Reading { done, total } => {
            ("reading", progress(Ui::CaptureReading, *done, *total))
        }
        CaptureStatus::Decoding { done, total } => {
            ("decoding", progress(Ui::CaptureDecoding, *done, *total))
        }
        CaptureStatus::Failed(problem) => (
            "failed",
            html! {
                <p class="notice warn" role="alert" data-capture-error={problem.key()}>
                    { tf(lang, Ui::CaptureNamedProblem, &[("name", &v.name), ("problem", &problem_text(lang, problem))]) }
                </p>
            },
        ),
        CaptureStatus::Open(o) => (
            "open",
            html! {
                <>
                    { for summary_lines(lang, o).into_iter().map(|(line, warn)| html! {
                        <p class={classes!("capture-summary", warn.then_some("warn"))}
                           role={warn.then_some("status")}>{ line }</p>
                    }) }
                    { connection_table(lang, o, v, &p.on) }
                </>
            },
        ),
    };
    let viewing = v.viewing.as_ref().map(|(i, _)| *i);
    html! {
        <section class="panel capture" data-testid="capture" aria-label={t(lang, Ui::CaptureHeading)}
                 data-capture-status={status} data-capture-viewing={viewing.map(|i| i.to_string())}>
            <div class="capture-head">
                <h2>{ tf(lang, Ui::CaptureHeadingNamed, &[("name", &v.name)]) }</h2>
                <button type="button" data-action="close-capture" onclick={close}>{ t(lang, Ui::CaptureClose) }</button>
            </div>
            <p class="hint">{ t(lang, Ui::CaptureStaysLocal) }</p>
            { body }
        </section>
    }
}

fn connection_table(lang: Lang, o: &Opened, v: &CaptureView, on: &Callback<CaptureAction>) -> Html {
    let viewing = v.viewing.as_ref().map(|(i, _)| *i);
    let row = |c: &Connection| {
        let i = c.index;
        let on = on.clone();
        let show = Callback::from(move |_| on.emit(CaptureAction::View(i)));
        let current = viewing == Some(i);
        let label = tf(lang, Ui::CaptureShowConnection, &[("i", &i.to_string())]);
        html! {
            <tr key={i} data-conn={i.to_string()} data-client={c.client.to_string()} data-server={c.server.to_string()}
                data-segments={(c.segments[0] + c.segments[1]).to_string()}
                data-bytes-c2s={c.bytes[0].to_string()} data-bytes-s2c={c.bytes[1].to_string()}
                data-end={c.end.key()} aria-current={current.then_some("true")}>
                <td>{ i }</td>
                <td class="addr">{ c.client.to_string() }
                    if c.roles_guessed { <br /><span class="hint">{ t(lang, Ui::CaptureRolesGuessed) }</span> }
                </td>
                <td class="addr">{ c.server.to_string() }</td>
                <td>{ format!("{} / {}", c.segments[0], c.segments[1]) }</td>
                <td>{ format!("{} / {}", c.bytes[0], c.bytes[1]) }</td>
                <td>{ fmt_time(lang, c.duration_ms()) }</td>
                <td>{ ending_text(lang, c.end) }</td>
                <td><button type="button" data-action="view-connection" data-conn={i.to_string()}
                            aria-label={label} aria-pressed={current.to_string()} onclick={show}>{ t(lang, Ui::CaptureShow) }</button></td>
            </tr>
        }
    };
    let more = (o.connections.len() > v.rows).then(|| {
        let on = on.clone();
        let left = o.connections.len() - v.rows;
        html! {
            <button type="button" data-action="more-connections" onclick={move |_| on.emit(CaptureAction::MoreRows)}>
                { t(lang, Ui::CaptureMoreRows) }{ format!(" (+{left})") }
            </button>
        }
    });
    html! {
        <>
            <div class="capture-table-wrap" tabindex="0" role="region" aria-label={t(lang, Ui::CaptureConnections)}>
                <table class="capture-connections" data-testid="capture-connections"
                       data-connections={o.connections.len().to_string()}>
                    <thead><tr>
                        <th scope="col">{ "#" }</th>
                        <th scope="col">{ t(lang, Ui::CaptureClient) }</th>
                        <th scope="col">{ t(lang, Ui::CaptureServer) }</th>
                        <th scope="col">{ t(lang, Ui::CapturePackets) }</th>
                        <th scope="col">{ t(lang, Ui::CaptureBytes) }</th>
                        <th scope="col">{ t(lang, Ui::CaptureDuration) }</th>
                        <th scope="col">{ t(lang, Ui::CaptureEnded) }</th>
                        <th scope="col"><span class="sr-only">{ t(lang, Ui::CaptureShow) }</span></th>
                    </tr></thead>
                    <tbody>{ for o.connections.iter().take(v.rows).map(row) }</tbody>
                </table>
            </div>
            { more.unwrap_or_default() }
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct CaptureFindingsProps {
    pub lang: Lang,
    pub run: RunRef,
    pub playhead: Playhead,
    pub on_jump: Callback<usize>,
}

/// For a run observed in a capture: how sure each side's state is at the playhead, and what the
/// capture shows that the textbook does not. Nothing for a simulated run.
#[function_component(CaptureFindings)]
pub fn capture_findings(p: &CaptureFindingsProps) -> Html {
    let (lang, run, p, on_jump) = (p.lang, &p.run, p.playhead, &p.on_jump);
    let Some(obs) = run.trace.observation.as_ref() else {
        return Html::default();
    };
    let side = |s: Side| {
        let state = run.state_at(s, p);
        let certainty = certainty_at(run, s, p);
        let shown = StateCertainty::at(run, s, p).unwrap_or(StateCertainty::Unknown);
        let line = tf(
            lang,
            Ui::CertaintySideState,
            &[
                ("side", side_name(lang, s)),
                ("state", &marked(shown, state.rfc_name())),
                ("certainty", certainty_word(lang, shown)),
            ],
        );
        html! {
            <li data-certainty-side={s.name()} data-state={state.rfc_name()}
                data-certainty={certainty.map(|c| c.key())}>
                { line }
            </li>
        }
    };
    let note = |n: &Note| {
        let who = n.side.map(|s| side_name(lang, s)).unwrap_or_default();
        let text = note_text(lang, n.kind, who);
        let entry = n
            .segment
            .and_then(|id| run.log.iter().position(|e| e.kind == LogKind::Sent(id)));
        let label = n.segment.map(|id| format!("#{id}"));
        html! {
            <li data-note={n.kind.key()} data-note-segment={n.segment.map(|i| i.to_string())}>
                if let (Some(entry), Some(label)) = (entry, label) {
                    <button type="button" class="linkish" data-action="jump-note"
                            onclick={on_jump.reform(move |_| entry)}>{ label }</button>{ " " }
                }
                { text }
            </li>
        }
    };
    html! {
        <section class="panel capture-reconstruction" data-testid="capture-findings"
                 aria-label={t(lang, Ui::CaptureFindings)}>
            <h2>{ t(lang, Ui::CaptureFindings) }</h2>
            <p class="capture-endpoints">{ format!("{} → {}", obs.client, obs.server) }</p>
            <ul class="capture-certainty">{ side(Side::Client) }{ side(Side::Server) }</ul>
            <p class="hint">{ t(lang, Ui::CaptureReconstructed) }</p>
            { certainty_legend(lang) }
            <h3>{ t(lang, Ui::CaptureNotesHeading) }</h3>
            if obs.notes.is_empty() {
                <p>{ t(lang, Ui::CaptureNoNotes) }</p>
            } else {
                <ul class="capture-notes">{ for obs.notes.iter().map(note) }</ul>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub struct CaptureCompareProps {
    pub lang: Lang,
    /// The connection on the ladder, as the core reconstructed it.
    pub run: RunRef,
}

/// **Compare with the simulator**: the steps the core reads from the capture, run under each
/// profile (`tcp_sim::compare`), the differences, and a button that runs them in the simulator.
#[function_component(CaptureCompare)]
pub fn capture_compare(p: &CaptureCompareProps) -> Html {
    let lang = p.lang;
    let shown = use_state(|| false);
    let dispatch = crate::dispatch::use_dispatch();
    let comparisons = use_memo((p.run.clone(), *shown), |(run, shown)| {
        shown.then(|| PROFILES.map(|profile| tcp_sim::compare::compare(&run.trace, profile)))
    });
    let Some(comparisons) = comparisons.as_ref() else {
        let show = shown.clone();
        return html! {
            <section class="panel capture-compare" data-testid="capture-compare">
                <button type="button" data-action="compare-capture" onclick={move |_| show.set(true)}>
                    { t(lang, Ui::CompareShow) }
                </button>
            </section>
        };
    };
    let steps = |steps: &[tcp_sim::Step]| {
        if steps.is_empty() {
            t(lang, Ui::CompareNoSteps).to_string()
        } else {
            steps
                .iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    let chain = |states: &[tcp_sim::State]| {
        states
            .iter()
            .map(|s| s.rfc_name())
            .collect::<Vec<_>>()
            .join(" → ")
    };
    let difference = |d: &Difference| {
        let text = match d {
            Difference::OnlyInTrace { index, segment } => tf(
                lang,
                Ui::CompareOnlyInCapture,
                &[("index", &index.to_string()), ("segment", segment)],
            ),
            Difference::OnlyInRun { index, segment } => tf(
                lang,
                Ui::CompareOnlyInRun,
                &[("index", &index.to_string()), ("segment", segment)],
            ),
            Difference::States {
                side,
                socket,
                trace,
                run,
            } => tf(
                lang,
                Ui::CompareStates,
                &[
                    ("side", side_name(lang, *side)),
                    (
                        "socket",
                        t(
                            lang,
                            match socket {
                                tcp_sim::Socket::Connection => Ui::CompareConnectionSocket,
                                tcp_sim::Socket::Listener => Ui::CompareListenerSocket,
                            },
                        ),
                    ),
                    ("capture", &chain(trace)),
                    ("run", &chain(run)),
                ],
            ),
        };
        html! { <li>{ text }</li> }
    };
    let profile = |c: &Comparison| {
        let run_it = {
            let dispatch = dispatch.clone();
            let profile = c.profile;
            move |_| dispatch.dispatch(Action::Capture(CaptureAction::RunDerived(profile)))
        };
        html! {
            <section data-compare-profile={c.profile.key()} data-differences={c.differences.len().to_string()}>
                <h4>{ profile_name(lang, c.profile) }</h4>
                if c.differences.is_empty() {
                    <p>{ t(lang, Ui::CompareSame) }</p>
                } else {
                    <ul class="capture-differences">{ for c.differences.iter().map(difference) }</ul>
                }
                <button type="button" data-action="run-derived" data-profile={c.profile.key()} onclick={run_it}>
                    { tf(lang, Ui::CompareRunIt, &[("profile", profile_name(lang, c.profile))]) }
                </button>
            </section>
        }
    };
    html! {
        <section class="panel capture-compare" data-testid="capture-compare" aria-label={t(lang, Ui::CompareHeading)}>
            <h3>{ t(lang, Ui::CompareHeading) }</h3>
            <p class="hint">{ t(lang, Ui::CompareHint) }</p>
            <p data-testid="derived-steps">{ tf(
                lang,
                Ui::CompareSteps,
                &[
                    ("client", &steps(&comparisons[0].scenario.client)),
                    ("server", &steps(&comparisons[0].scenario.server)),
                ],
            ) }</p>
            { for comparisons.iter().map(profile) }
        </section>
    }
}

/// The profiles a capture is compared with, Linux first: the captures are of real stacks.
const PROFILES: [tcp_sim::ProfileName; 2] =
    [tcp_sim::ProfileName::Linux, tcp_sim::ProfileName::Rfc];
