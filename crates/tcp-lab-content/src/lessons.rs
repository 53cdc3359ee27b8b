//! Guided lessons: each plays one scenario under one profile, pauses at key
//! moments with narration, and ends with a check question.
//!
//! The stops are not scripted times: each [`StopAt`] names an event ("the
//! first SYN-ACK arrives", "the client enters TIME-WAIT") that
//! [`stop_time`] finds in the real trace. The narration is a template whose
//! placeholders (`{client_isn}`, `{seq}`, `{ack}`, …) [`Lesson::narration`]
//! fills with the numbers of that trace (and the retry limits of
//! [`crate::fill_limits`], such as `{linux_syn_give_up_s}`).
//!
//! The text of every lesson lives in `src/text/lessons.rs`; this module holds
//! only the types and the logic.
//!
//! ```
//! use tcp_lab_content::{lessons, Lang};
//!
//! let lesson = lessons::lesson("handshake").unwrap();
//! let trace = lesson.trace();
//! for (i, stop) in lesson.stops.iter().enumerate() {
//!     let t = lessons::stop_time(&stop.at, &trace).expect("every stop is in the trace");
//!     let text = lesson.narration(i, Lang::En, &trace);
//!     assert!(!text.contains('{'), "all numbers filled in at {t}: {text}");
//! }
//! ```

use tcp_sim::server::{setup, ListenerEvent, ListenerEventKind, Origin};
use tcp_sim::{
    named, run_one_connection, Cause, Dir, Duration, Fate, Fault, FaultAction, Flags, Instant,
    PcapOptions, ProfileName, Scenario, SegmentRecord, SendReason, Side, State, Step, Trace,
    TransitionRecord, Trigger,
};

use crate::analogies::AnalogyTopic;
use crate::fill::{fill, Value};
use crate::limits::limit_value;
use crate::{BiText, Lang};

/// The URL query parameter that selects a lesson: `?lesson=ID`.
pub const URL_PARAM: &str = "lesson";

/// When a lesson pauses, found in the trace. Counts (`nth`) start at 1.
/// Flags are written as in scenario files: letters from `FSRPA` in that order
/// (`"S"`, `"SA"`, `"A"`, `"PA"`, `"FA"`, `"R"`, `"RA"`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StopAt {
    /// Just after the `nth` arrival of a segment going `dir` with exactly these
    /// flags (arrivals in processing order; a duplicated segment arrives twice,
    /// an old duplicate injected by the scenario counts too).
    Arrival {
        dir: Dir,
        flags: &'static str,
        nth: u32,
    },
    /// Just after the `nth` segment going `dir` with exactly these flags is sent,
    /// whatever its fate (lost segments count). Injected old duplicates do not.
    Sent {
        dir: Dir,
        flags: &'static str,
        nth: u32,
    },
    /// Just after the `nth` segment sent for this reason.
    SentFor { reason: SendReason, nth: u32 },
    /// Just after `side` enters `to` for the `nth` time.
    Transition { side: Side, to: State, nth: u32 },
    /// At the end of the run (after TIME-WAIT, if there is one).
    End,
    /// Server runs: just after the `nth` listener event of this kind (a SYN queued, a
    /// handshake completed, an overflow, a cookie sent, an `accept`, …).
    Listener { kind: ListenerEventKind, nth: u32 },
    /// Server runs: just after an end of a connection opened by client `client` (an index into
    /// the scenario's `clients`) enters `to` for the `nth` time, counted over all of that
    /// client's connections (a reconnection counts on).
    ClientTransition {
        client: usize,
        side: Side,
        to: State,
        nth: u32,
    },
    /// Just after the `nth` transition with this cause, on any side and connection.
    TransitionFor { cause: Cause, nth: u32 },
    /// Server runs: just after the `nth` old segment is taken as data by a newer connection
    /// of the same four-tuple.
    Corruption { nth: u32 },
    /// Server runs: just after the `nth` failed step of client `client`'s application.
    ClientFailure { client: usize, nth: u32 },
}

/// A scenario built in Rust for a lesson, when no named scenario shows the point.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CustomScenario {
    /// `normal`, but the server closes 200 ms after end-of-file, so the four
    /// segments of the close are all separate (also under `linux`, where the
    /// delayed ACK times out before the server's FIN).
    CloseWithPause,
    /// The server's data segment is held up 3 s in the network; the server
    /// retransmits it, the connection closes, and the old copy arrives while
    /// the client is in TIME-WAIT.
    TimeWaitOldDuplicate,
    /// The server closes without reading the 100 bytes the client sent: under
    /// `linux` it resets the connection instead of sending FIN.
    AbortUnreadData,
}

impl CustomScenario {
    pub const ALL: [CustomScenario; 3] = [
        CustomScenario::CloseWithPause,
        CustomScenario::TimeWaitOldDuplicate,
        CustomScenario::AbortUnreadData,
    ];

    /// The scenario's name (not one of `tcp_sim::named::NAMES`).
    pub fn name(self) -> &'static str {
        match self {
            CustomScenario::CloseWithPause => "lesson_close_with_pause",
            CustomScenario::TimeWaitOldDuplicate => "lesson_time_wait_old_duplicate",
            CustomScenario::AbortUnreadData => "lesson_abort_unread_data",
        }
    }

    /// The scenario under a profile, with the teaching scenarios' 10 ms delay.
    pub fn build(self, profile: ProfileName) -> Scenario {
        use Step::*;
        let base = Scenario::new(profile).delay_ms(named::TEACHING_DELAY_MS);
        match self {
            CustomScenario::CloseWithPause => base
                .named(
                    self.name(),
                    "Handshake, 100 bytes each way; the server closes 200 ms after the client, so the close shows four separate segments",
                )
                .client(&[Connect, Send(100), Recv(100), Close])
                .server(&[
                    Listen,
                    Recv(100),
                    Send(100),
                    RecvEof,
                    Sleep(Duration::from_millis(200)),
                    Close,
                ]),
            CustomScenario::TimeWaitOldDuplicate => base
                .named(
                    self.name(),
                    "The server's answer is held up 3 s; its retransmission gets through, and the old copy arrives during the client's TIME-WAIT",
                )
                .client(&[Connect, Send(100), Recv(100), Close])
                .server(&[Listen, Recv(100), Send(100), RecvEof, Close])
                .fault(Fault::new(
                    Dir::S2C,
                    "PA",
                    Some(1),
                    FaultAction::Delay(Duration::from_secs(3)),
                )),
            CustomScenario::AbortUnreadData => base
                .named(
                    self.name(),
                    "The client sends 100 bytes; the server closes without reading them",
                )
                .client(&[Connect, Send(100), RecvEof, Close])
                .server(&[Listen, Sleep(Duration::from_millis(100)), Close]),
        }
    }
}

/// What a lesson plays.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LessonScenario {
    /// A name from `tcp_sim::named::NAMES`.
    Named(&'static str),
    /// A scenario built in Rust for this lesson.
    Custom(CustomScenario),
    /// A server run (one listener, many connections) from `tcp_sim::named::SERVER_NAMES`.
    Server(&'static str),
}

/// One pause: when, and what to say.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stop {
    pub at: StopAt,
    /// The narration template; see [`Lesson::narration`] for the placeholders.
    pub text: BiText,
}

/// The multiple-choice question at the end of a lesson.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Check {
    pub question: BiText,
    pub choices: &'static [BiText],
    /// Index of the right choice.
    pub correct: usize,
    /// Why each choice is right or wrong, in the order of `choices`: one note
    /// per choice, the right one starting "Right:" ("正确："), the others
    /// "Not this one:" ("不对："). Notes may quote the retry limits of
    /// [`crate::fill_limits`], not a run's numbers. (Were it empty, the app
    /// would say only "not this one" after a wrong try.)
    pub why: &'static [BiText],
    /// Why the right choice is right (and the others are not).
    pub explanation: BiText,
}

impl Check {
    /// True when `choice` is the right answer.
    pub fn is_correct(&self, choice: usize) -> bool {
        choice == self.correct
    }
}

/// A claim learners bring from popular articles, shown in the lesson's
/// "Common mistakes" card: the wrong claim, in the words learners meet it,
/// and what is true instead. The claim is wrong on purpose, like a wrong
/// choice of a check; the correction is held to every rule of the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mistake {
    /// The wrong claim, as the popular articles put it.
    pub claim: BiText,
    /// Why it is wrong and what happens instead.
    pub correction: BiText,
}

/// A guided lesson.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lesson {
    /// URL-safe id (`[a-z0-9-]`), used as `?lesson=ID`.
    pub id: &'static str,
    pub source: LessonScenario,
    pub profile: ProfileName,
    pub title: BiText,
    /// What the learner will understand at the end.
    pub goal: BiText,
    /// The analogy shown in plain-language mode, if one fits.
    pub analogy: Option<AnalogyTopic>,
    /// The pauses, in time order.
    pub stops: &'static [Stop],
    pub check: Check,
    /// The common mistakes this lesson corrects (at least one).
    pub mistakes: &'static [Mistake],
}

impl Lesson {
    /// The scenario this lesson plays, under the lesson's profile.
    pub fn scenario(&self) -> Scenario {
        match self.source {
            LessonScenario::Named(name) => named::with_profile(
                named::by_name(name).unwrap_or_else(|| panic!("unknown scenario {name}")),
                self.profile,
            ),
            LessonScenario::Custom(c) => c.build(self.profile),
            LessonScenario::Server(name) => named::with_profile(
                named::server_by_name(name)
                    .unwrap_or_else(|| panic!("unknown server scenario {name}")),
                self.profile,
            ),
        }
    }

    /// The scenario's name.
    pub fn scenario_name(&self) -> &'static str {
        match self.source {
            LessonScenario::Named(name) | LessonScenario::Server(name) => name,
            LessonScenario::Custom(c) => c.name(),
        }
    }

    /// True for a lesson that plays a server run (one listener, many connections).
    pub fn is_server_run(&self) -> bool {
        matches!(self.source, LessonScenario::Server(_))
    }

    /// Runs the lesson's scenario. Only a server lesson calls the server simulation, so a
    /// program that never plays one does not link it.
    pub fn trace(&self) -> Trace {
        match self.source {
            LessonScenario::Server(_) => tcp_sim::server::run(&self.scenario()),
            _ => run_one_connection(&self.scenario()),
        }
    }

    pub fn title(&self, lang: Lang) -> &'static str {
        self.title.get(lang)
    }

    pub fn goal(&self, lang: Lang) -> &'static str {
        self.goal.get(lang)
    }

    /// The URL query that opens this lesson, e.g. `lesson=handshake`.
    pub fn url_query(&self) -> String {
        format!("{URL_PARAM}={}", self.id)
    }

    /// When each stop happens in `trace` (`None` for a stop the trace lacks).
    pub fn stop_times(&self, trace: &Trace) -> Vec<Option<Instant>> {
        self.stops.iter().map(|s| stop_time(&s.at, trace)).collect()
    }

    /// The narration of one stop, with its placeholders filled from `trace`.
    /// An index past the last stop gives an empty string.
    ///
    /// Placeholders (each may take `+N` or `-N`, e.g. `{client_isn+1}`):
    /// - `{client_isn}`, `{server_isn}`: the initial sequence numbers (absolute);
    /// - `{seq}`, `{ack}`, `{next_seq}`: the stop's segment, absolute
    ///   (`next_seq` = `seq` + its length, SYN and FIN counting one);
    /// - `{seq_rel}`, `{ack_rel}`, `{next_seq_rel}`: the same, relative to the ISNs;
    /// - `{len}`: its payload in bytes; `{mss}`, `{wscale}`: its SYN options;
    /// - `{delay_ms}`: how much longer than usual it spent on the link;
    /// - `{retx_gap_ms}`: for a retransmission, the time since the previous copy;
    /// - `{t_ms}`: the stop's time;
    /// - `{time_wait_s}`, `{msl_s}`: the profile's TIME-WAIT and MSL;
    /// - `{client_addr}`, `{server_addr}`, `{client_port}`, `{server_port}`;
    /// - `{client_read}`, `{server_read}`: bytes each application read by the end;
    /// - the retry limits of [`crate::fill_limits`], e.g. `{linux_syn_retries}`,
    ///   `{linux_syn_give_up_s}` (computed from the core's profiles, not the run).
    ///
    /// In a server run (a lesson whose source is [`LessonScenario::Server`]) these
    /// come from the stop's connection (`{client_isn}`, `{client_addr}`, …), and
    /// more are known:
    /// - the listener's limits: `{backlog}`, `{somaxconn}`, `{max_ack_backlog}`,
    ///   `{queue_holds}` (what each queue holds: one more than the limit),
    ///   `{max_syn_backlog}`;
    /// - at the stop (its own listener event, or the last one before it):
    ///   `{syn_queue}`, `{accept_queue}`, `{syns}`, `{syns_dropped}`,
    ///   `{listen_overflows}`, `{cookies_sent}`, `{cookies_received}`,
    ///   `{requests_dropped}`, `{accepted}`;
    /// - for the whole run: `{peak_syn_queue}`, `{peak_accept_queue}`,
    ///   `{total_cookies_sent}`, `{total_syns_dropped}`, `{total_accepted}`,
    ///   `{flood_syns}`, `{flood_rate}`, `{client_count}`, `{connection_count}`;
    /// - the stop's client: `{client_ip}`, `{port_range}`, `{port_count}`,
    ///   `{client_connections}`, `{prev_client_isn}` (its connection before this one);
    /// - a corruption: `{corrupt_bytes}`, `{corrupt_from_conn}`, `{corrupt_into_conn}`;
    /// - ends in a state just after the stop: `{server_in_close_wait}`,
    ///   `{server_in_syn_received}`, `{client_in_time_wait}`,
    ///   `{client_in_fin_wait_2}`, `{client_established}`.
    ///
    /// The stop's segment is the one that arrived or was sent; for a
    /// transition, the segment that caused it (if one did).
    pub fn narration(&self, stop: usize, lang: Lang, trace: &Trace) -> String {
        self.narration_from(
            stop,
            self.stops.get(stop).map_or("", |s| s.text.get(lang)),
            lang,
            trace,
        )
    }

    /// [`Lesson::narration`] with the template given (the web app loads the
    /// templates at run time, see [`crate::learn_text`]). `lang` is the
    /// template's language (lists of numbers are written in its style).
    pub fn narration_from(&self, stop: usize, template: &str, lang: Lang, trace: &Trace) -> String {
        let Some(s) = self.stops.get(stop) else {
            return String::new();
        };
        let seg = stop_segment(&s.at, trace);
        let t = stop_time(&s.at, trace);
        let scenario = self.scenario();
        let profile = scenario.effective_profile();
        let server = trace.listener.is_some().then(|| ServerStop {
            conn: stop_connection(&s.at, trace),
            client: stop_client(&s.at, trace),
            listener: stop_listener_event(&s.at, trace),
            corruption: match s.at {
                StopAt::Corruption { nth } => index(nth).and_then(|i| trace.corruptions.get(i)),
                _ => None,
            },
        });
        fill(template, |name| {
            server
                .as_ref()
                .and_then(|at| server_placeholder(name, trace, &scenario, at, t))
                .or_else(|| placeholder(name, trace, seg, t))
                // Before the scenario's: a list of numbers is written in the template's style.
                .or_else(|| limit_value(name, lang))
                .or_else(|| scenario_placeholder(name, &profile))
        })
    }
}

/// Every lesson, in the order a course would take them.
pub fn lessons() -> &'static [Lesson] {
    crate::text::lessons::LESSONS
}

/// A lesson by id, or `None`.
pub fn lesson(id: &str) -> Option<&'static Lesson> {
    lessons().iter().find(|l| l.id == id)
}

/// The time at which a stop pauses the lab, located in a real trace, or
/// `None` if the trace has no such event.
pub fn stop_time(stop: &StopAt, trace: &Trace) -> Option<Instant> {
    match *stop {
        StopAt::Arrival { dir, flags, nth } => arrival_of(trace, dir, flags, nth).map(|a| a.0),
        StopAt::Sent { .. } | StopAt::SentFor { .. } => stop_segment(stop, trace).map(|s| s.sent),
        StopAt::Transition { side, to, nth } => trace
            .transitions_of(side)
            .filter(|tr| tr.to == to)
            .nth(index(nth)?)
            .map(|tr| tr.t),
        StopAt::End => Some(trace.end),
        StopAt::Listener { kind, nth } => listener_event(trace, kind, nth).map(|e| e.t),
        StopAt::ClientTransition { .. } | StopAt::TransitionFor { .. } => {
            stop_transition(stop, trace).map(|tr| tr.t)
        }
        StopAt::Corruption { nth } => trace.corruptions.get(index(nth)?).map(|k| k.t),
        StopAt::ClientFailure { client, nth } => trace
            .errors
            .iter()
            .filter(|e| e.client == Some(client))
            .nth(index(nth)?)
            .map(|e| e.t),
    }
}

/// The `nth` listener event of a kind.
fn listener_event(trace: &Trace, kind: ListenerEventKind, nth: u32) -> Option<&ListenerEvent> {
    trace
        .listener
        .as_ref()?
        .events
        .iter()
        .filter(|e| e.kind == kind)
        .nth(index(nth)?)
}

/// The transition a stop names, for the stops that name one.
fn stop_transition<'a>(stop: &StopAt, trace: &'a Trace) -> Option<&'a TransitionRecord> {
    match *stop {
        StopAt::Transition { side, to, nth } => trace
            .transitions_of(side)
            .filter(|tr| tr.to == to)
            .nth(index(nth)?),
        StopAt::ClientTransition {
            client,
            side,
            to,
            nth,
        } => trace
            .transitions
            .iter()
            .filter(|tr| {
                tr.side == side
                    && tr.to == to
                    && tr
                        .conn
                        .and_then(|c| trace.connections.get(c))
                        .map(|c| c.origin)
                        == Some(Origin::Client(client))
            })
            .nth(index(nth)?),
        StopAt::TransitionFor { cause, nth } => trace
            .transitions
            .iter()
            .filter(|tr| tr.cause == cause)
            .nth(index(nth)?),
        _ => None,
    }
}

/// The listener's state at a stop: the stop's own listener event, or the last one at or
/// before the stop's time.
fn stop_listener_event<'a>(stop: &StopAt, trace: &'a Trace) -> Option<&'a ListenerEvent> {
    if let StopAt::Listener { kind, nth } = *stop {
        return listener_event(trace, kind, nth);
    }
    let t = stop_time(stop, trace)?;
    let events = &trace.listener.as_ref()?.events;
    let after = events.partition_point(|e| e.t <= t);
    after.checked_sub(1).map(|i| &events[i])
}

/// The connection a stop is about, in a server run.
/// In a server run: the connection a stop is about (its listener event's, its transition's, the
/// connection an old segment corrupted, …), so a view can show that connection's ladder there.
pub fn stop_connection(stop: &StopAt, trace: &Trace) -> Option<usize> {
    match *stop {
        StopAt::Listener { kind, nth } => listener_event(trace, kind, nth)?.conn,
        StopAt::Corruption { nth } => Some(trace.corruptions.get(index(nth)?)?.into_conn),
        StopAt::Transition { .. }
        | StopAt::ClientTransition { .. }
        | StopAt::TransitionFor { .. } => stop_transition(stop, trace)?.conn,
        StopAt::ClientFailure { client, .. } => {
            // The client's last connection before the failure.
            let t = stop_time(stop, trace)?;
            trace
                .connections
                .iter()
                .rev()
                .find(|c| c.origin == Origin::Client(client) && c.opened <= t)
                .map(|c| c.id)
        }
        _ => stop_segment(stop, trace)?.conn,
    }
}

/// The client (an index into the scenario's `clients`) a stop is about, in a server run.
fn stop_client(stop: &StopAt, trace: &Trace) -> Option<usize> {
    match *stop {
        StopAt::ClientFailure { client, .. } | StopAt::ClientTransition { client, .. } => {
            Some(client)
        }
        _ => match trace.connections.get(stop_connection(stop, trace)?)?.origin {
            Origin::Client(i) => Some(i),
            Origin::Flood => None,
        },
    }
}

/// The segment a stop is about: the one that arrived or was sent, or the one
/// that caused the transition. `None` for [`StopAt::End`], for a transition
/// caused by a timer or the application, or when the trace lacks the event.
pub fn stop_segment<'a>(stop: &StopAt, trace: &'a Trace) -> Option<&'a SegmentRecord> {
    match *stop {
        StopAt::Arrival { dir, flags, nth } => {
            arrival_of(trace, dir, flags, nth).map(|(_, id)| &trace.segments[id])
        }
        StopAt::Sent { dir, flags, nth } => {
            let f = Flags::parse(flags)?;
            trace
                .segments
                .iter()
                .filter(|s| !s.injected && s.dir == dir && s.segment.flags == f)
                .nth(index(nth)?)
        }
        StopAt::SentFor { reason, nth } => trace
            .segments
            .iter()
            .filter(|s| s.reason == reason)
            .nth(index(nth)?),
        StopAt::Transition { .. }
        | StopAt::ClientTransition { .. }
        | StopAt::TransitionFor { .. } => match stop_transition(stop, trace)?.trigger {
            Trigger::Segment(id) => trace.segments.get(id),
            _ => None,
        },
        StopAt::Listener { kind, nth } => {
            // The segment whose arrival made the event (none for an `accept`).
            let e = listener_event(trace, kind, nth)?;
            trace
                .arrivals
                .iter()
                .filter(|a| a.t == e.t)
                .map(|a| &trace.segments[a.segment])
                .rfind(|s| s.conn == e.conn && s.dir == Dir::C2S)
        }
        StopAt::Corruption { nth } => trace
            .segments
            .get(trace.corruptions.get(index(nth)?)?.segment),
        StopAt::End | StopAt::ClientFailure { .. } => None,
    }
}

fn index(nth: u32) -> Option<usize> {
    (nth as usize).checked_sub(1)
}

/// The `nth` matching arrival: its time and the segment id.
fn arrival_of(trace: &Trace, dir: Dir, flags: &str, nth: u32) -> Option<(Instant, usize)> {
    trace
        .arrivals_matching(dir, Flags::parse(flags)?)
        .nth(index(nth)?)
        .map(|a| (a.t, a.segment))
}

fn fmt_addr((ip, port): ([u8; 4], u16)) -> String {
    format!("{}.{}.{}.{}:{port}", ip[0], ip[1], ip[2], ip[3])
}

/// The placeholders that come from the lesson's scenario settings, not from the trace:
/// `{keepalive_time_s}`, `{keepalive_intvl_s}`, `{keepalive_probes}`, `{fin_timeout_s}`,
/// and the Linux defaults of [`crate::limits`] (e.g. `{linux_keepalive_time_s}`).
fn scenario_placeholder(name: &str, profile: &tcp_sim::Profile) -> Option<Value> {
    let secs = |d: Duration| Value::Ms(d.as_ms() / 1000.0);
    Some(match name {
        "keepalive_time_s" => secs(profile.keepalive.time),
        "keepalive_intvl_s" => secs(profile.keepalive.interval),
        "keepalive_probes" => Value::Int(i64::from(profile.keepalive.probes)),
        "fin_timeout_s" => secs(profile.fin_wait_2_timeout?),
        // The scenario's own TIME-WAIT, which a scenario may cut short.
        "time_wait_ms" => Value::Ms(profile.time_wait.as_ms()),
        // Numbers only, so the language does not matter here.
        _ => return crate::limits::limit_value(name, Lang::En),
    })
}

/// What a stop in a server run is about.
struct ServerStop<'a> {
    conn: Option<usize>,
    client: Option<usize>,
    listener: Option<&'a ListenerEvent>,
    corruption: Option<&'a tcp_sim::server::CorruptionRecord>,
}

/// How many ends of `side` are in `state` just after `t`, over every connection of a server run.
fn ends_in(trace: &Trace, side: Side, state: State, t: Instant) -> i64 {
    let mut now: std::collections::BTreeMap<usize, State> = std::collections::BTreeMap::new();
    for tr in trace.transitions.iter().take_while(|tr| tr.t <= t) {
        if let (true, Some(c)) = (tr.side == side, tr.conn) {
            now.insert(c, tr.to);
        }
    }
    now.values().filter(|s| **s == state).count() as i64
}

/// The placeholders of a server run (see [`Lesson::narration`]): the listener's limits,
/// queues and counters at the stop, the stop's connection, and the scenario's clients.
fn server_placeholder(
    name: &str,
    trace: &Trace,
    sc: &Scenario,
    at: &ServerStop,
    t: Option<Instant>,
) -> Option<Value> {
    let record = trace.listener.as_ref()?;
    let limits = record.limits;
    let int = |n: u32| Some(Value::Int(i64::from(n)));
    let counters = at.listener.map(|e| e.counters).unwrap_or_default();
    let conn = at.conn.and_then(|c| trace.connections.get(c));
    let client = at.client.and_then(|i| sc.clients.get(i));
    match name {
        "backlog" => int(limits.backlog),
        "somaxconn" => int(limits.somaxconn),
        "max_ack_backlog" => int(limits.max_ack_backlog),
        // sk_acceptq_is_full and inet_csk_reqsk_queue_is_full test "greater than".
        "queue_holds" => int(limits.max_ack_backlog + 1),
        "max_syn_backlog" => int(limits.max_syn_backlog),
        "syn_queue" => int(at.listener.map_or(0, |e| e.syn_queue)),
        "accept_queue" => int(at.listener.map_or(0, |e| e.accept_queue)),
        "syns" => int(counters.syns),
        "syns_dropped" => int(counters.syns_dropped),
        "listen_overflows" => int(counters.listen_overflows),
        "cookies_sent" => int(counters.cookies_sent),
        "cookies_received" => int(counters.cookies_received),
        "requests_dropped" => int(counters.requests_dropped),
        "accepted" => int(counters.accepted),
        "peak_syn_queue" => int(record.peak_queues().0),
        "peak_accept_queue" => int(record.peak_queues().1),
        "total_cookies_sent" => int(record.counters.cookies_sent),
        "total_syns_dropped" => int(record.counters.syns_dropped),
        "total_accepted" => int(record.counters.accepted),
        "flood_syns" => int(sc.flood?.count),
        "flood_rate" => Some(Value::Ms(sc.flood?.rate_per_s)),
        "client_count" => Some(Value::Int(sc.clients.len() as i64)),
        "connection_count" => Some(Value::Int(trace.connections.len() as i64)),
        "conn" => Some(Value::Int(at.conn? as i64)),
        "client_isn" => Some(Value::Seq(conn?.client_isn?)),
        "server_isn" => Some(Value::Seq(conn?.server_isn?)),
        "client_ip" => Some(Value::Text(setup::addr_text(
            client.map_or(conn?.client_addr, |c| c.addr),
        ))),
        "client_addr" => Some(Value::Text(format!(
            "{}:{}",
            setup::addr_text(conn?.client_addr),
            conn?.client_port
        ))),
        "client_port" => Some(Value::Int(i64::from(conn?.client_port))),
        // The client ISN of the same client's connection before this one.
        "prev_client_isn" => {
            let c = conn?;
            let prev = trace.connections[..c.id]
                .iter()
                .rev()
                .find(|p| p.origin == c.origin)?;
            Some(Value::Seq(prev.client_isn?))
        }
        "server_addr" => Some(Value::Text(format!(
            "{}:{}",
            setup::addr_text(setup::SERVER_ADDR),
            setup::SERVER_PORT
        ))),
        "server_port" => Some(Value::Int(i64::from(setup::SERVER_PORT))),
        "port_range" => {
            let (lo, hi) = client?.port_range;
            Some(Value::Text(format!("{lo}–{hi}")))
        }
        "port_count" => {
            let (lo, hi) = client?.port_range;
            Some(Value::Int(i64::from(hi - lo) + 1))
        }
        "client_connections" => {
            let i = at.client?;
            let t = t?;
            let n = trace
                .connections
                .iter()
                .filter(|c| c.origin == Origin::Client(i) && c.opened <= t)
                .count();
            Some(Value::Int(n as i64))
        }
        "corrupt_bytes" => int(at.corruption?.bytes),
        "corrupt_from_conn" => Some(Value::Int(at.corruption?.from_conn as i64)),
        "corrupt_into_conn" => Some(Value::Int(at.corruption?.into_conn as i64)),
        "server_in_close_wait" => Some(Value::Int(ends_in(
            trace,
            Side::Server,
            State::CloseWait,
            t?,
        ))),
        "server_in_syn_received" => Some(Value::Int(ends_in(
            trace,
            Side::Server,
            State::SynReceived,
            t?,
        ))),
        "client_in_time_wait" => Some(Value::Int(ends_in(
            trace,
            Side::Client,
            State::TimeWait,
            t?,
        ))),
        "client_in_fin_wait_2" => Some(Value::Int(ends_in(
            trace,
            Side::Client,
            State::FinWait2,
            t?,
        ))),
        "client_established" => Some(Value::Int(ends_in(
            trace,
            Side::Client,
            State::Established,
            t?,
        ))),
        _ => None,
    }
}

/// The value of one narration placeholder.
fn placeholder(
    name: &str,
    trace: &Trace,
    seg: Option<&SegmentRecord>,
    t: Option<Instant>,
) -> Option<Value> {
    let addrs = PcapOptions::default();
    let profile = trace.profile.map(|p| p.profile());
    Some(match name {
        "client_isn" => Value::Seq(trace.isn[Side::Client.index()]?),
        "server_isn" => Value::Seq(trace.isn[Side::Server.index()]?),
        "seq" => Value::Seq(seg?.segment.seq),
        "ack" => {
            let s = seg?;
            s.segment.flags.ack().then_some(Value::Seq(s.segment.ack))?
        }
        "next_seq" => Value::Seq(seg?.segment.end_seq()),
        "seq_rel" => Value::Int(seg?.seq_rel?),
        "ack_rel" => Value::Int(seg?.ack_rel?),
        "next_seq_rel" => {
            let s = seg?;
            Value::Int(s.seq_rel? + i64::from(s.segment.seg_len()))
        }
        "len" => Value::Int(i64::from(seg?.segment.len)),
        "mss" => Value::Int(i64::from(seg?.segment.syn_options?.mss?)),
        "wscale" => Value::Int(i64::from(seg?.segment.syn_options?.window_scale?)),
        "delay_ms" => match seg?.fate {
            Fate::Delayed(d) => Value::Ms(d.as_ms()),
            _ => return None,
        },
        "retx_gap_ms" => {
            let s = seg?;
            let prev = trace.segments[..s.id].iter().rev().find(|p| {
                p.dir == s.dir
                    && !p.injected
                    && p.seq_rel == s.seq_rel
                    && p.segment.seg_len() > 0
                    && p.segment.flags.syn() == s.segment.flags.syn()
                    && p.segment.flags.fin() == s.segment.flags.fin()
            })?;
            Value::Ms((s.sent - prev.sent).as_ms())
        }
        "t_ms" => Value::Ms(t?.as_ms()),
        "time_wait_s" => Value::Ms(profile?.time_wait.as_ms() / 1000.0),
        "msl_s" => Value::Ms(profile?.msl.as_ms() / 1000.0),
        "client_addr" => Value::Text(fmt_addr(addrs.client)),
        "server_addr" => Value::Text(fmt_addr(addrs.server)),
        "client_port" => Value::Int(i64::from(addrs.client.1)),
        "server_port" => Value::Int(i64::from(addrs.server.1)),
        "client_read" => Value::Int(trace.bytes_read[Side::Client.index()] as i64),
        "server_read" => Value::Int(trace.bytes_read[Side::Server.index()] as i64),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use tcp_sim::run;

    #[test]
    fn test_stop_time_finds_events_in_the_normal_trace() {
        let trace = run(&named::with_profile(named::normal(), ProfileName::Rfc));
        let ms = |s: StopAt| stop_time(&s, &trace).map(Instant::as_ms);
        assert_eq!(
            ms(StopAt::Sent {
                dir: Dir::C2S,
                flags: "S",
                nth: 1
            }),
            Some(0.0)
        );
        assert_eq!(
            ms(StopAt::Arrival {
                dir: Dir::S2C,
                flags: "SA",
                nth: 1
            }),
            Some(20.0)
        );
        assert_eq!(
            ms(StopAt::Transition {
                side: Side::Server,
                to: State::Established,
                nth: 1
            }),
            Some(30.0)
        );
        assert_eq!(
            ms(StopAt::SentFor {
                reason: SendReason::HandshakeAck,
                nth: 1
            }),
            Some(20.0)
        );
        assert_eq!(
            ms(StopAt::Arrival {
                dir: Dir::S2C,
                flags: "SA",
                nth: 2
            }),
            None
        );
        assert_eq!(
            ms(StopAt::Sent {
                dir: Dir::C2S,
                flags: "S",
                nth: 0
            }),
            None
        );
        assert_eq!(ms(StopAt::End), Some(trace.end.as_ms()));
    }

    #[test]
    fn test_stop_time_finds_server_events() {
        let trace = run(&named::server_by_name("accept_queue_overflow").unwrap());
        let ms = |s: StopAt| stop_time(&s, &trace).map(Instant::as_ms);
        let listener = |kind, nth| StopAt::Listener { kind, nth };
        assert_eq!(ms(listener(ListenerEventKind::SynQueued, 3)), Some(55.0));
        assert_eq!(
            ms(listener(ListenerEventKind::AckDroppedAcceptQueueFull, 1)),
            Some(75.0)
        );
        assert_eq!(ms(listener(ListenerEventKind::CookieSent, 1)), None);
        let enters = |client, nth| StopAt::ClientTransition {
            client,
            side: Side::Client,
            to: State::Established,
            nth,
        };
        assert_eq!(ms(enters(2, 1)), Some(65.0));
        assert_eq!(ms(enters(2, 2)), None);
        let server_established = StopAt::ClientTransition {
            client: 2,
            side: Side::Server,
            to: State::Established,
            nth: 1,
        };
        assert_eq!(ms(server_established), Some(1075.0));
        assert_eq!(
            ms(StopAt::TransitionFor {
                cause: Cause::AppListen,
                nth: 1
            }),
            Some(0.0)
        );
        assert_eq!(ms(StopAt::Corruption { nth: 1 }), None);
        assert_eq!(ms(StopAt::ClientFailure { client: 0, nth: 1 }), None);
        // The stop's segment is the one whose arrival made the listener event.
        let seg = stop_segment(&listener(ListenerEventKind::SynQueued, 3), &trace).unwrap();
        assert_eq!((seg.conn, seg.segment.flags), (Some(2), Flags::SYN));

        let trace = run(&named::server_by_name("port_exhaustion").unwrap());
        let failed = stop_time(&StopAt::ClientFailure { client: 0, nth: 1 }, &trace);
        assert_eq!(failed, trace.errors.first().map(|e| e.t));
        assert!(failed.is_some());
    }

    #[test]
    fn test_placeholders_use_the_trace_numbers() {
        let trace = run(&named::with_profile(named::normal(), ProfileName::Rfc));
        let c = trace.isn[0].unwrap();
        let s = trace.isn[1].unwrap();
        let sa = StopAt::Arrival {
            dir: Dir::S2C,
            flags: "SA",
            nth: 1,
        };
        let seg = stop_segment(&sa, &trace);
        let f = |tpl: &str| fill(tpl, |n| placeholder(n, &trace, seg, stop_time(&sa, &trace)));
        assert_eq!(
            f("{seq} {ack} {client_isn+1}"),
            format!("{s} {} {}", c.wrapping_add(1), c.wrapping_add(1))
        );
        assert_eq!(f("{seq_rel} {ack_rel} {next_seq_rel}"), "0 1 1");
        assert_eq!(f("{t_ms} {time_wait_s} {msl_s}"), "20 240 120");
        assert_eq!(f("{server_addr}"), "198.51.100.2:5000");
        assert_eq!(
            f("{delay_ms}"),
            "{delay_ms}",
            "not delayed: left for the test to see"
        );
    }
}
