//! Scenarios: the application steps of each side, the link, and the faults.
//! Read from JSON (the format of `shared/refs/scenarios`) or built in Rust.

use serde_json::{json, Map, Value};
use std::fmt;

use crate::profile::ProfileName;
use crate::segment::Flags;
pub use crate::server::setup::{ClientSpec, FloodSpec, ListenerSettings};
use crate::state::Dir;
use crate::time::{ns_to_ms_text, Duration, Instant};

/// One application call. Each side runs its steps in order, each waiting until done.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Step {
    /// Open a passive endpoint.
    Listen,
    /// Open an active endpoint; done when the connection is established.
    Connect,
    /// Take the oldest completed connection from the listener's accept queue, waiting until
    /// there is one; the steps after it use that connection.
    Accept,
    /// Queue N bytes for sending.
    Send(u32),
    /// Wait until N more bytes have arrived.
    Recv(u64),
    /// Wait until the peer's FIN, taking any data before it.
    RecvEof,
    /// Send FIN but keep receiving.
    Shutdown,
    /// Close the endpoint.
    Close,
    /// Abortive close: `close()` with `SO_LINGER` set to 0 s. A RST instead of a FIN, no TIME-WAIT.
    Abort,
    /// The host crashes and reboots at once: it forgets the connection without sending anything,
    /// and answers later segments with RST, as a closed port does.
    Crash,
    /// Wait this long.
    Sleep(Duration),
    /// Wait until this time after the start.
    At(Instant),
}

/// Why a step could not be read. The offending text is kept as data, so a user interface can
/// say it in its own language; `Display` is the English line the CLI prints.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum StepError {
    /// Nothing to read.
    Empty,
    /// More than a verb and one argument, e.g. `send 5 6`.
    TooManyWords {
        /// The whole step as written.
        step: String,
    },
    /// A verb that is not a step, e.g. `jump`.
    UnknownVerb {
        /// The first word.
        verb: String,
    },
    /// A verb that takes no argument was given one, e.g. `close 5`.
    TakesNoArgument {
        /// The verb.
        verb: String,
    },
    /// `send`, `recv`, `sleep` or `at` without its number.
    MissingNumber {
        /// The verb.
        verb: String,
        /// What the number counts.
        unit: NumberUnit,
    },
    /// The argument is not a number, e.g. `lots` in `send lots`.
    NotANumber {
        /// The whole step as written.
        step: String,
        /// The argument.
        value: String,
    },
    /// A negative number.
    Negative {
        /// The whole step as written.
        step: String,
    },
    /// A byte count that is not whole or is above [`Step::MAX_BYTES`].
    BadByteCount {
        /// The whole step as written.
        step: String,
    },
    /// A wait above [`Step::MAX_MS`].
    WaitTooLong {
        /// The whole step as written.
        step: String,
    },
}

/// What a step's number counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NumberUnit {
    /// A byte count (`send`, `recv`).
    Bytes,
    /// Milliseconds (`sleep`, `at`).
    Milliseconds,
}

/// The verbs a step may start with, in the order they are usually listed.
pub const STEP_VERBS: [&str; 12] = [
    "listen", "connect", "send N", "recv N", "recv_eof", "shutdown", "close", "abort", "crash",
    "sleep MS", "at MS", "accept",
];

impl fmt::Display for StepError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StepError::Empty => write!(f, "empty step"),
            StepError::TooManyWords { step } => write!(f, "too many words in step '{step}'"),
            StepError::UnknownVerb { verb } => write!(
                f,
                "unknown step '{verb}' (expected listen, connect, send N, recv N, recv_eof, shutdown, close, abort, crash, sleep MS, at MS or accept)"
            ),
            StepError::TakesNoArgument { verb } => write!(f, "step '{verb}' takes no argument"),
            StepError::MissingNumber { verb, unit } => {
                let what = match unit {
                    NumberUnit::Bytes => "a byte count",
                    NumberUnit::Milliseconds => "milliseconds",
                };
                write!(f, "step '{verb}' needs {what}")
            }
            StepError::NotANumber { step, value } => {
                write!(f, "'{value}' is not a number in step '{step}'")
            }
            StepError::Negative { step } => {
                write!(f, "step '{step}' needs a number that is not negative")
            }
            StepError::BadByteCount { step } => {
                write!(f, "step '{step}' needs a whole byte count up to 10^9")
            }
            StepError::WaitTooLong { step } => write!(f, "step '{step}' waits too long"),
        }
    }
}

impl std::error::Error for StepError {}

impl Step {
    /// The largest byte count of `send` and `recv`.
    pub const MAX_BYTES: f64 = 1e9;
    /// The longest wait of `sleep` and `at`, in milliseconds.
    pub const MAX_MS: f64 = 1e9;

    /// Parses one step as written in scenario files, e.g. `send 5` or `sleep 150`.
    pub fn parse(text: &str) -> Result<Step, StepError> {
        let mut words = text.split_whitespace();
        let verb = words.next().unwrap_or("");
        let arg = words.next();
        let step = || text.trim().to_string();
        if words.next().is_some() {
            return Err(StepError::TooManyWords { step: step() });
        }
        let number = |unit: NumberUnit| -> Result<f64, StepError> {
            let a = arg.ok_or_else(|| StepError::MissingNumber {
                verb: verb.to_string(),
                unit,
            })?;
            let v = crate::time::parse_decimal(a).ok_or_else(|| StepError::NotANumber {
                step: step(),
                value: a.to_string(),
            })?;
            if !v.is_finite() || v < 0.0 {
                return Err(StepError::Negative { step: step() });
            }
            Ok(v)
        };
        let no_arg = |s: Step| -> Result<Step, StepError> {
            match arg {
                None => Ok(s),
                Some(_) => Err(StepError::TakesNoArgument {
                    verb: verb.to_string(),
                }),
            }
        };
        let bytes = || -> Result<f64, StepError> {
            let n = number(NumberUnit::Bytes)?;
            if n.fract() != 0.0 || n > Self::MAX_BYTES {
                return Err(StepError::BadByteCount { step: step() });
            }
            Ok(n)
        };
        let wait = || -> Result<f64, StepError> {
            let ms = number(NumberUnit::Milliseconds)?;
            if ms > Self::MAX_MS {
                return Err(StepError::WaitTooLong { step: step() });
            }
            Ok(ms)
        };
        match verb {
            "listen" => no_arg(Step::Listen),
            "accept" => no_arg(Step::Accept),
            "connect" => no_arg(Step::Connect),
            "recv_eof" => no_arg(Step::RecvEof),
            "shutdown" => no_arg(Step::Shutdown),
            "close" => no_arg(Step::Close),
            "abort" => no_arg(Step::Abort),
            "crash" => no_arg(Step::Crash),
            "send" => Ok(Step::Send(bytes()? as u32)),
            "recv" => Ok(Step::Recv(bytes()? as u64)),
            "sleep" => Ok(Step::Sleep(Duration::from_ms(wait()?))),
            "at" => Ok(Step::At(Instant::from_ms(wait()?))),
            "" => Err(StepError::Empty),
            other => Err(StepError::UnknownVerb {
                verb: other.to_string(),
            }),
        }
    }
}

impl fmt::Display for Step {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Step::Listen => write!(f, "listen"),
            Step::Accept => write!(f, "accept"),
            Step::Connect => write!(f, "connect"),
            Step::Send(n) => write!(f, "send {n}"),
            Step::Recv(n) => write!(f, "recv {n}"),
            Step::RecvEof => write!(f, "recv_eof"),
            Step::Shutdown => write!(f, "shutdown"),
            Step::Close => write!(f, "close"),
            Step::Abort => write!(f, "abort"),
            Step::Crash => write!(f, "crash"),
            Step::Sleep(d) => write!(f, "sleep {}", ns_to_ms_text(d.0)),
            Step::At(t) => write!(f, "at {}", ns_to_ms_text(t.0)),
        }
    }
}

/// What a fault does to the segments it matches.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FaultAction {
    /// Lose the segment.
    Drop,
    /// Deliver this much later than the link delay.
    Delay(Duration),
    /// Deliver twice.
    Duplicate,
}

/// Which segments a fault matches.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FaultMatch {
    /// By direction and exact flags; `nth` (1-based) picks one, `None` matches all.
    Flags {
        /// The direction the segment travels.
        dir: Dir,
        /// The exact flag set, e.g. `SA` for a SYN-ACK.
        flags: Flags,
        /// Which matching segment, counting from 1; `None` matches every one.
        nth: Option<u32>,
    },
    /// One segment by its id in the trace (its index in sending order). Runs
    /// are deterministic, so the id names the same segment on every run.
    Id(usize),
}

/// One rule for the link: which segments it matches and what happens to them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Fault {
    /// Which segments the fault applies to.
    pub matches: FaultMatch,
    /// What happens to them.
    pub action: FaultAction,
}

impl Fault {
    /// A fault on segments going `dir` with exactly `flags` (letters in FSRPA order); `nth` picks
    /// one of them (1-based), `None` all.
    ///
    /// # Panics
    ///
    /// If `flags` is not a valid flag string (see [`Flags::parse`]).
    pub fn new(dir: Dir, flags: &str, nth: Option<u32>, action: FaultAction) -> Fault {
        Fault {
            matches: FaultMatch::Flags {
                dir,
                flags: Flags::parse(flags).expect("flags written in FSRPA order"),
                nth,
            },
            action,
        }
    }

    /// A fault on one segment, by its id in the trace. Runs are deterministic, so a re-run with
    /// this fault is identical up to that segment.
    pub fn on_segment(id: usize, action: FaultAction) -> Fault {
        Fault {
            matches: FaultMatch::Id(id),
            action,
        }
    }
}

/// An old segment from an earlier incarnation of the connection, put on the link by the scenario.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Injection {
    /// When it starts its trip across the link.
    pub at: Instant,
    /// The direction it travels.
    pub dir: Dir,
    /// Its flags, e.g. `S` for an old duplicate SYN.
    pub flags: Flags,
    /// Its sequence number, relative to the ISN the sender will choose for its first connection.
    pub seq_offset: i64,
    /// Its acknowledgment number, relative to the receiver's first ISN.
    pub ack_offset: i64,
}

/// Keepalive settings of a scenario, for both endpoints; a field left `None` keeps the profile's
/// default (see [`crate::profile::Keepalive`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct KeepaliveSettings {
    /// `SO_KEEPALIVE` on or off.
    pub enabled: Option<bool>,
    /// Idle time before the first probe (`time_s`).
    pub time: Option<Duration>,
    /// Time between unanswered probes (`intvl_s`).
    pub interval: Option<Duration>,
    /// Unanswered probes before the connection is dropped (`probes`).
    pub probes: Option<u32>,
}

impl KeepaliveSettings {
    /// No field set: the profile's defaults.
    pub fn is_default(&self) -> bool {
        *self == KeepaliveSettings::default()
    }

    /// Keepalive on, with these times (in seconds) and probe count.
    pub fn on(time_s: u64, intvl_s: u64, probes: u32) -> KeepaliveSettings {
        KeepaliveSettings {
            enabled: Some(true),
            time: Some(Duration::from_secs(time_s)),
            interval: Some(Duration::from_secs(intvl_s)),
            probes: Some(probes),
        }
    }
}

/// A complete scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct Scenario {
    /// A short identifier, e.g. `synack_lost`; empty for a scenario built ad hoc.
    pub name: String,
    /// What the scenario shows, in a sentence.
    pub description: String,
    /// The parameter set both endpoints follow.
    pub profile: ProfileName,
    /// One-way delay per direction: `[c2s, s2c]`.
    pub one_way_delay: [Duration; 2],
    /// The client's application steps, run in order.
    pub client: Vec<Step>,
    /// The server's application steps, run in order.
    pub server: Vec<Step>,
    /// Faults in the order given; the first that matches a segment decides its fate.
    pub faults: Vec<Fault>,
    /// Old segments from an earlier incarnation to put on the link, e.g. a duplicate SYN.
    pub inject: Vec<Injection>,
    /// Random loss in percent, applied to every segment the rules leave alone.
    pub loss_pct: f64,
    /// Seeds ISNs and random loss.
    pub seed: u64,
    /// Keepalive overrides for both endpoints; the profile gives what is not set.
    pub keepalive: KeepaliveSettings,
    /// TIME-WAIT cut short (or lengthened) for every endpoint; `None` keeps the profile's.
    pub time_wait: Option<Duration>,
    /// Many clients, each with its own address, ports and steps. When set, `client` is empty
    /// and the run is a server with one listener and many connections.
    pub clients: Vec<ClientSpec>,
    /// The listener's queue settings.
    pub listener: ListenerSettings,
    /// Spoofed SYNs that never complete.
    pub flood: Option<FloodSpec>,
}

/// A scenario that could not be read. The message names the field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScenarioError {
    /// The JSON path of the offending field, e.g. `faults[0].flags`; empty when the whole input is
    /// at fault.
    pub field: String,
    /// What is wrong with it.
    pub message: String,
    /// For a step that could not be read: why, as data (the message is its English text).
    pub step: Option<StepError>,
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}: {}", self.field, self.message)
        }
    }
}

impl std::error::Error for ScenarioError {}

fn err(field: impl Into<String>, message: impl Into<String>) -> ScenarioError {
    ScenarioError {
        field: field.into(),
        message: message.into(),
        step: None,
    }
}

impl Scenario {
    /// An empty scenario: no steps, 0.025 ms each way (the reference veth link).
    pub fn new(profile: ProfileName) -> Scenario {
        Scenario {
            name: String::new(),
            description: String::new(),
            profile,
            one_way_delay: [Duration::from_ms(0.025); 2],
            client: Vec::new(),
            server: Vec::new(),
            faults: Vec::new(),
            inject: Vec::new(),
            loss_pct: 0.0,
            seed: 1,
            keepalive: KeepaliveSettings::default(),
            time_wait: None,
            clients: Vec::new(),
            listener: ListenerSettings::default(),
            flood: None,
        }
    }

    /// A run of one listener and many connections: the scenario has `clients`, a `flood` or
    /// `listener` settings. Otherwise it is the one-client, one-server run of every earlier file.
    pub fn is_server_run(&self) -> bool {
        !self.clients.is_empty() || self.flood.is_some() || !self.listener.is_default()
    }

    /// Adds a client host (for a run with many connections).
    pub fn add_client(mut self, client: ClientSpec) -> Scenario {
        self.clients.push(client);
        self
    }

    /// Adds client hosts (for a run with many connections).
    pub fn add_clients(mut self, clients: impl IntoIterator<Item = ClientSpec>) -> Scenario {
        self.clients.extend(clients);
        self
    }

    /// Sets the listener's queue settings.
    pub fn with_listener(mut self, listener: ListenerSettings) -> Scenario {
        self.listener = listener;
        self
    }

    /// Adds a SYN flood.
    pub fn with_flood(mut self, flood: FloodSpec) -> Scenario {
        self.flood = Some(flood);
        self
    }

    /// Sets the name and description.
    pub fn named(mut self, name: &str, description: &str) -> Scenario {
        self.name = name.to_string();
        self.description = description.to_string();
        self
    }

    /// Sets the same one-way delay, in milliseconds, for both directions.
    pub fn delay_ms(mut self, ms: f64) -> Scenario {
        self.one_way_delay = [Duration::from_ms(ms); 2];
        self
    }

    /// Sets the client's steps.
    pub fn client(mut self, steps: &[Step]) -> Scenario {
        self.client = steps.to_vec();
        self
    }

    /// Sets the server's steps.
    pub fn server(mut self, steps: &[Step]) -> Scenario {
        self.server = steps.to_vec();
        self
    }

    /// Adds a fault after those already given.
    pub fn fault(mut self, fault: Fault) -> Scenario {
        self.faults.push(fault);
        self
    }

    /// Drops the `nth` segment (1-based) going `dir` with exactly `flags`.
    pub fn drop_nth(self, dir: Dir, flags: &str, nth: u32) -> Scenario {
        self.fault(Fault::new(dir, flags, Some(nth), FaultAction::Drop))
    }

    /// Delays the `nth` segment (1-based) going `dir` with exactly `flags` by `ms` beyond the link
    /// delay.
    pub fn delay_nth(self, dir: Dir, flags: &str, nth: u32, ms: f64) -> Scenario {
        self.fault(Fault::new(
            dir,
            flags,
            Some(nth),
            FaultAction::Delay(Duration::from_ms(ms)),
        ))
    }

    /// Sets random loss, in percent, and the seed that draws it (which also seeds the ISNs).
    pub fn loss(mut self, pct: f64, seed: u64) -> Scenario {
        self.loss_pct = pct;
        self.seed = seed;
        self
    }

    /// Sets the seed for ISNs and random loss.
    pub fn seed(mut self, seed: u64) -> Scenario {
        self.seed = seed;
        self
    }

    /// Sets the length of TIME-WAIT, in milliseconds, for every endpoint.
    pub fn time_wait_ms(mut self, ms: f64) -> Scenario {
        self.time_wait = Some(Duration::from_ms(ms));
        self
    }

    /// Sets keepalive for both endpoints.
    pub fn keepalive(mut self, settings: KeepaliveSettings) -> Scenario {
        self.keepalive = settings;
        self
    }

    /// The parameters both endpoints follow: the profile's, with this scenario's keepalive
    /// settings applied.
    pub fn effective_profile(&self) -> crate::profile::Profile {
        let mut p = self.profile.profile();
        let k = self.keepalive;
        if let Some(e) = k.enabled {
            p.keepalive.enabled = e;
        }
        if let Some(t) = k.time {
            p.keepalive.time = t;
        }
        if let Some(t) = k.interval {
            p.keepalive.interval = t;
        }
        if let Some(n) = k.probes {
            p.keepalive.probes = n;
        }
        if let Some(t) = self.time_wait {
            p.time_wait = t;
        }
        p
    }

    /// Adds an old segment to put on the link.
    pub fn inject(mut self, injection: Injection) -> Scenario {
        self.inject.push(injection);
        self
    }

    /// The application steps of one side.
    pub fn steps(&self, side: crate::state::Side) -> &[Step] {
        match side {
            crate::state::Side::Client => &self.client,
            crate::state::Side::Server => &self.server,
        }
    }

    /// Reads a scenario from JSON text.
    pub fn from_json(text: &str) -> Result<Scenario, ScenarioError> {
        let v: Value =
            serde_json::from_str(text).map_err(|e| err("", format!("invalid JSON: {e}")))?;
        Scenario::from_value(&v)
    }

    /// Reads a scenario from a parsed JSON value.
    pub fn from_value(v: &Value) -> Result<Scenario, ScenarioError> {
        let obj = v
            .as_object()
            .ok_or_else(|| err("", "a scenario must be a JSON object"))?;
        const KNOWN: [&str; 16] = [
            "keepalive",
            "time_wait_ms",
            "clients",
            "listener",
            "flood",
            "name",
            "description",
            "profile",
            "one_way_delay_ms",
            "client",
            "server",
            "faults",
            "inject",
            "loss_pct",
            "seed",
            "version",
        ];
        if let Some(k) = obj.keys().find(|k| !KNOWN.contains(&k.as_str())) {
            return Err(err(k.as_str(), "unknown field"));
        }
        let profile = match obj.get("profile") {
            None => ProfileName::Linux,
            Some(p) => {
                let s = p
                    .as_str()
                    .ok_or_else(|| err("profile", "must be \"rfc\" or \"linux\""))?;
                ProfileName::parse(s).ok_or_else(|| {
                    err(
                        "profile",
                        format!("unknown profile '{s}' (expected rfc or linux)"),
                    )
                })?
            }
        };
        let mut sc = Scenario::new(profile);
        sc.name = opt_str(obj, "name")?.unwrap_or_default();
        sc.description = opt_str(obj, "description")?.unwrap_or_default();
        if let Some(d) = obj.get("one_way_delay_ms") {
            sc.one_way_delay = match d {
                Value::Object(m) => {
                    let mut both = [Duration::ZERO; 2];
                    for (k, _) in m.iter() {
                        if Dir::parse(k).is_none() {
                            return Err(err(
                                format!("one_way_delay_ms.{k}"),
                                "expected the keys c2s and s2c",
                            ));
                        }
                    }
                    for dir in [Dir::C2S, Dir::S2C] {
                        let field = format!("one_way_delay_ms.{}", dir.name());
                        let ms = m.get(dir.name()).ok_or_else(|| err(&field, "missing"))?;
                        both[dir.index()] = Duration::from_ms(non_negative_ms(ms, &field)?);
                    }
                    both
                }
                other => [Duration::from_ms(non_negative_ms(other, "one_way_delay_ms")?); 2],
            };
        }
        sc.client = steps(obj, "client")?;
        sc.server = steps(obj, "server")?;
        if let Some(f) = obj.get("faults") {
            let arr = f
                .as_array()
                .ok_or_else(|| err("faults", "must be a list"))?;
            for (i, f) in arr.iter().enumerate() {
                sc.faults.push(fault(f, &format!("faults[{i}]"))?);
            }
        }
        if let Some(f) = obj.get("inject") {
            let arr = f
                .as_array()
                .ok_or_else(|| err("inject", "must be a list"))?;
            for (i, f) in arr.iter().enumerate() {
                sc.inject.push(injection(f, &format!("inject[{i}]"))?);
            }
        }
        if let Some(l) = obj.get("loss_pct") {
            let pct = l
                .as_f64()
                .ok_or_else(|| err("loss_pct", "must be a number"))?;
            if !(0.0..=100.0).contains(&pct) {
                return Err(err("loss_pct", "must be between 0 and 100"));
            }
            sc.loss_pct = pct;
        }
        if let Some(s) = obj.get("seed") {
            sc.seed = s
                .as_u64()
                .ok_or_else(|| err("seed", "must be a whole number that is not negative"))?;
        }
        if let Some(k) = obj.get("keepalive") {
            sc.keepalive = keepalive(k)?;
        }
        if let Some(t) = obj.get("time_wait_ms") {
            let ms = non_negative_ms(t, "time_wait_ms")?;
            sc.time_wait = Some(Duration::from_ms(ms));
        }
        if let Some(c) = obj.get("clients") {
            if obj
                .get("client")
                .and_then(Value::as_array)
                .is_some_and(|a| !a.is_empty())
            {
                return Err(err(
                    "clients",
                    "give either \"client\" (one client) or \"clients\" (many), not both",
                ));
            }
            sc.clients = crate::server::setup::clients_from_json(c)?;
        }
        if let Some(l) = obj.get("listener") {
            sc.listener = crate::server::setup::listener_from_json(l)?;
        }
        if let Some(f) = obj.get("flood") {
            sc.flood = Some(crate::server::setup::flood_from_json(f)?);
        }
        if sc.is_server_run() && !sc.inject.is_empty() {
            return Err(err(
                "inject",
                "old segments can be injected only into a run with one client",
            ));
        }
        Ok(sc)
    }

    /// Writes the scenario in the JSON file format.
    pub fn to_json(&self) -> Value {
        let mut m = Map::new();
        if !self.name.is_empty() {
            m.insert("name".into(), json!(self.name));
        }
        if !self.description.is_empty() {
            m.insert("description".into(), json!(self.description));
        }
        m.insert("profile".into(), json!(self.profile.key()));
        let [c2s, s2c] = self.one_way_delay;
        m.insert(
            "one_way_delay_ms".into(),
            if c2s == s2c {
                json!(c2s.as_ms())
            } else {
                json!({"c2s": c2s.as_ms(), "s2c": s2c.as_ms()})
            },
        );
        let steps = |s: &[Step]| Value::from(s.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        m.insert("client".into(), steps(&self.client));
        m.insert("server".into(), steps(&self.server));
        if !self.faults.is_empty() {
            let faults: Vec<Value> = self
                .faults
                .iter()
                .map(|f| {
                    let mut o = Map::new();
                    match f.matches {
                        FaultMatch::Flags { dir, flags, nth } => {
                            o.insert("dir".into(), json!(dir.name()));
                            o.insert("flags".into(), json!(flags.to_string()));
                            if let Some(n) = nth {
                                o.insert("nth".into(), json!(n));
                            }
                        }
                        FaultMatch::Id(id) => {
                            o.insert("segment".into(), json!(id));
                        }
                    }
                    match f.action {
                        FaultAction::Drop => o.insert("drop".into(), json!(true)),
                        FaultAction::Delay(d) => o.insert("delay_ms".into(), json!(d.as_ms())),
                        FaultAction::Duplicate => o.insert("duplicate".into(), json!(true)),
                    };
                    Value::Object(o)
                })
                .collect();
            m.insert("faults".into(), Value::from(faults));
        }
        if !self.inject.is_empty() {
            let inj: Vec<Value> = self
                .inject
                .iter()
                .map(|i| {
                    json!({"at_ms": i.at.as_ms(), "dir": i.dir.name(), "flags": i.flags.to_string(),
                           "seq_offset": i.seq_offset, "ack_offset": i.ack_offset})
                })
                .collect();
            m.insert("inject".into(), Value::from(inj));
        }
        if self.loss_pct > 0.0 {
            m.insert("loss_pct".into(), json!(self.loss_pct));
        }
        m.insert("seed".into(), json!(self.seed));
        if !self.keepalive.is_default() {
            let k = self.keepalive;
            let mut o = Map::new();
            if let Some(e) = k.enabled {
                o.insert("enabled".into(), json!(e));
            }
            if let Some(t) = k.time {
                o.insert("time_s".into(), json!(t.as_ms() / 1000.0));
            }
            if let Some(t) = k.interval {
                o.insert("intvl_s".into(), json!(t.as_ms() / 1000.0));
            }
            if let Some(n) = k.probes {
                o.insert("probes".into(), json!(n));
            }
            m.insert("keepalive".into(), Value::Object(o));
        }
        if let Some(t) = self.time_wait {
            m.insert("time_wait_ms".into(), json!(t.as_ms()));
        }
        crate::server::setup::write_json(self, &mut m);
        Value::Object(m)
    }
}

fn opt_str(obj: &Map<String, Value>, key: &str) -> Result<Option<String>, ScenarioError> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(err(key, "must be a string")),
    }
}

fn non_negative_ms(v: &Value, field: &str) -> Result<f64, ScenarioError> {
    let ms = v
        .as_f64()
        .ok_or_else(|| err(field, "must be a number of milliseconds"))?;
    if ms < 0.0 {
        return Err(err(field, format!("must not be negative (got {ms})")));
    }
    if ms > 1e7 {
        return Err(err(field, "is too large (at most 10,000,000 ms)"));
    }
    Ok(ms)
}

fn steps(obj: &Map<String, Value>, key: &str) -> Result<Vec<Step>, ScenarioError> {
    steps_field(obj, key)
}

/// Reads the list of steps at `key`, naming `key[i]` in errors.
pub(crate) fn steps_field(obj: &Map<String, Value>, key: &str) -> Result<Vec<Step>, ScenarioError> {
    let Some(v) = obj.get(key) else {
        return Ok(Vec::new());
    };
    let arr = v
        .as_array()
        .ok_or_else(|| err(key, "must be a list of steps"))?;
    arr.iter()
        .enumerate()
        .map(|(i, s)| {
            let field = format!("{key}[{i}]");
            let text = s
                .as_str()
                .ok_or_else(|| err(&field, "a step must be a string such as \"send 5\""))?;
            Step::parse(text).map_err(|e| ScenarioError {
                field,
                message: e.to_string(),
                step: Some(e),
            })
        })
        .collect()
}

fn fault(v: &Value, field: &str) -> Result<Fault, ScenarioError> {
    let o = v
        .as_object()
        .ok_or_else(|| err(field, "a fault must be an object"))?;
    const KNOWN: [&str; 7] = [
        "dir",
        "flags",
        "nth",
        "segment",
        "drop",
        "delay_ms",
        "duplicate",
    ];
    if let Some(k) = o.keys().find(|k| !KNOWN.contains(&k.as_str())) {
        return Err(err(format!("{field}.{k}"), "unknown field"));
    }
    let matches = if let Some(id) = o.get("segment") {
        let id = id
            .as_u64()
            .ok_or_else(|| err(format!("{field}.segment"), "must be a segment id"))?;
        FaultMatch::Id(id as usize)
    } else {
        let dir_s = o
            .get("dir")
            .and_then(Value::as_str)
            .ok_or_else(|| err(format!("{field}.dir"), "missing: expected c2s or s2c"))?;
        let dir = Dir::parse(dir_s).ok_or_else(|| {
            err(
                format!("{field}.dir"),
                format!("unknown direction '{dir_s}' (expected c2s or s2c)"),
            )
        })?;
        let flags_s = o
            .get("flags")
            .and_then(Value::as_str)
            .ok_or_else(|| err(format!("{field}.flags"), "missing: e.g. \"SA\""))?;
        let flags = parse_flags(flags_s, &format!("{field}.flags"))?;
        let nth = match o.get("nth") {
            None | Some(Value::Null) => None,
            Some(n) => {
                let n = n
                    .as_u64()
                    .filter(|n| *n >= 1 && *n <= u32::MAX as u64)
                    .ok_or_else(|| err(format!("{field}.nth"), "must be a whole number from 1"))?;
                Some(n as u32)
            }
        };
        FaultMatch::Flags { dir, flags, nth }
    };
    let drop = o
        .get("drop")
        .map(|d| {
            d.as_bool()
                .ok_or_else(|| err(format!("{field}.drop"), "must be true or false"))
        })
        .transpose()?
        .unwrap_or(false);
    let dup = o
        .get("duplicate")
        .map(|d| {
            d.as_bool()
                .ok_or_else(|| err(format!("{field}.duplicate"), "must be true or false"))
        })
        .transpose()?
        .unwrap_or(false);
    let delay = o
        .get("delay_ms")
        .map(|d| non_negative_ms(d, &format!("{field}.delay_ms")))
        .transpose()?;
    let action = match (drop, delay, dup) {
        (true, None, false) => FaultAction::Drop,
        (false, Some(ms), false) => FaultAction::Delay(Duration::from_ms(ms)),
        (false, None, true) => FaultAction::Duplicate,
        (false, None, false) => {
            return Err(err(
                field,
                "needs one action: \"drop\": true, \"delay_ms\": D or \"duplicate\": true",
            ))
        }
        _ => {
            return Err(err(
                field,
                "takes only one action: drop, delay_ms or duplicate",
            ))
        }
    };
    Ok(Fault { matches, action })
}

fn keepalive(v: &Value) -> Result<KeepaliveSettings, ScenarioError> {
    let o = v.as_object().ok_or_else(|| {
        err(
            "keepalive",
            "must be an object such as {\"enabled\": true, \"time_s\": 30}",
        )
    })?;
    const KNOWN: [&str; 4] = ["enabled", "time_s", "intvl_s", "probes"];
    if let Some(k) = o.keys().find(|k| !KNOWN.contains(&k.as_str())) {
        return Err(err(format!("keepalive.{k}"), "unknown field"));
    }
    let enabled = o
        .get("enabled")
        .map(|e| {
            e.as_bool()
                .ok_or_else(|| err("keepalive.enabled", "must be true or false"))
        })
        .transpose()?;
    let secs = |k: &str| -> Result<Option<Duration>, ScenarioError> {
        o.get(k)
            .map(|v| {
                let field = format!("keepalive.{k}");
                let s = v
                    .as_f64()
                    .ok_or_else(|| err(&field, "must be a number of seconds"))?;
                // At most a day: the simulation stops at 24 h of virtual time.
                if !(s > 0.0 && s <= 86_400.0) {
                    return Err(err(&field, "must be more than 0 and at most 86400 seconds"));
                }
                Ok(Duration::from_ms(s * 1000.0))
            })
            .transpose()
    };
    let probes = o
        .get("probes")
        .map(|n| {
            n.as_u64()
                .filter(|n| (1..=1000).contains(n))
                .map(|n| n as u32)
                .ok_or_else(|| err("keepalive.probes", "must be a whole number from 1 to 1000"))
        })
        .transpose()?;
    Ok(KeepaliveSettings {
        enabled,
        time: secs("time_s")?,
        interval: secs("intvl_s")?,
        probes,
    })
}

fn parse_flags(s: &str, field: &str) -> Result<Flags, ScenarioError> {
    Flags::parse(s).ok_or_else(|| {
        err(
            field,
            format!("unknown flags '{s}' (letters from F S R P A, in that order, e.g. SA or FA)"),
        )
    })
}

fn injection(v: &Value, field: &str) -> Result<Injection, ScenarioError> {
    let o = v
        .as_object()
        .ok_or_else(|| err(field, "an injection must be an object"))?;
    let at = non_negative_ms(
        o.get("at_ms").unwrap_or(&json!(0.0)),
        &format!("{field}.at_ms"),
    )?;
    let dir_s = o
        .get("dir")
        .and_then(Value::as_str)
        .ok_or_else(|| err(format!("{field}.dir"), "missing: expected c2s or s2c"))?;
    let dir = Dir::parse(dir_s).ok_or_else(|| {
        err(
            format!("{field}.dir"),
            format!("unknown direction '{dir_s}'"),
        )
    })?;
    let flags_s = o
        .get("flags")
        .and_then(Value::as_str)
        .ok_or_else(|| err(format!("{field}.flags"), "missing"))?;
    let flags = parse_flags(flags_s, &format!("{field}.flags"))?;
    let int = |k: &str| -> Result<i64, ScenarioError> {
        match o.get(k) {
            None => Ok(0),
            Some(v) => v
                .as_i64()
                .filter(|n| n.unsigned_abs() < 1 << 31)
                .ok_or_else(|| {
                    err(
                        format!("{field}.{k}"),
                        "must be a whole number within ±2^31",
                    )
                }),
        }
    };
    Ok(Injection {
        at: Instant::from_ms(at),
        dir,
        flags,
        seq_offset: int("seq_offset")?,
        ack_offset: int("ack_offset")?,
    })
}

#[cfg(test)]
mod step_error_tests {
    use super::*;

    #[test]
    fn test_step_errors_carry_the_offending_value() {
        let cases = [
            ("", StepError::Empty),
            (
                "send 5 6",
                StepError::TooManyWords {
                    step: "send 5 6".into(),
                },
            ),
            (
                "jump 3",
                StepError::UnknownVerb {
                    verb: "jump".into(),
                },
            ),
            (
                "close 5",
                StepError::TakesNoArgument {
                    verb: "close".into(),
                },
            ),
            (
                "send",
                StepError::MissingNumber {
                    verb: "send".into(),
                    unit: NumberUnit::Bytes,
                },
            ),
            (
                "sleep",
                StepError::MissingNumber {
                    verb: "sleep".into(),
                    unit: NumberUnit::Milliseconds,
                },
            ),
            (
                "send lots",
                StepError::NotANumber {
                    step: "send lots".into(),
                    value: "lots".into(),
                },
            ),
            (
                "send -5",
                StepError::Negative {
                    step: "send -5".into(),
                },
            ),
            (
                "recv 1.5",
                StepError::BadByteCount {
                    step: "recv 1.5".into(),
                },
            ),
            (
                "at 2000000000",
                StepError::WaitTooLong {
                    step: "at 2000000000".into(),
                },
            ),
        ];
        for (text, want) in cases {
            assert_eq!(Step::parse(text), Err(want), "{text}");
        }
        // The CLI's English line is unchanged.
        assert_eq!(
            Step::parse("send lots").unwrap_err().to_string(),
            "'lots' is not a number in step 'send lots'"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_parse_reference_format() {
        let sc = Scenario::from_json(
            r#"{"profile": "linux", "one_way_delay_ms": 0.025,
                "client": ["connect", "send 5", "recv 5", "close"],
                "server": ["listen", "recv 5", "send 5", "recv_eof", "close"],
                "faults": [{"dir": "s2c", "flags": "SA", "nth": 1, "drop": true}]}"#,
        )
        .unwrap();
        assert_eq!(sc.client[1], Step::Send(5));
        assert_eq!(sc.server[3], Step::RecvEof);
        assert_eq!(sc.faults.len(), 1);
        let again = Scenario::from_value(&sc.to_json()).unwrap();
        assert_eq!(again, sc);
    }

    #[test]
    fn test_parse_keepalive_abort_and_crash() {
        let sc = Scenario::from_json(
            r#"{"profile": "rfc",
                "client": ["connect", "send 5", "abort"],
                "server": ["listen", "recv 5", "crash"],
                "keepalive": {"enabled": true, "time_s": 30, "intvl_s": 5, "probes": 3}}"#,
        )
        .unwrap();
        assert_eq!(sc.client[2], Step::Abort);
        assert_eq!(sc.server[2], Step::Crash);
        assert_eq!(sc.keepalive, KeepaliveSettings::on(30, 5, 3));
        let p = sc.effective_profile();
        assert!(p.keepalive.enabled);
        assert_eq!(p.keepalive.interval, Duration::from_secs(5));
        assert_eq!(Scenario::from_value(&sc.to_json()).unwrap(), sc);
        // Only what is given changes; the rest comes from the profile.
        let sc = Scenario::from_json(r#"{"keepalive": {"enabled": true}}"#).unwrap();
        let p = sc.effective_profile();
        assert_eq!(p.keepalive.time, Duration::from_secs(7200));
        assert_eq!(p.keepalive.probes, 9);
        // Files without the field keep keepalive off.
        let sc = Scenario::from_json(r#"{"client": ["connect"]}"#).unwrap();
        assert!(!sc.effective_profile().keepalive.enabled);
        assert!(!sc.to_json().as_object().unwrap().contains_key("keepalive"));
    }

    #[test]
    fn test_errors_name_the_field() {
        let cases = [
            (r#"{"client": ["connect", "jump 3"]}"#, "client[1]"),
            (
                r#"{"faults": [{"dir": "c2s", "flags": "XS", "drop": true}]}"#,
                "faults[0].flags",
            ),
            (r#"{"one_way_delay_ms": -1}"#, "one_way_delay_ms"),
            (r#"{"profile": "bsd"}"#, "profile"),
            (
                r#"{"faults": [{"dir": "up", "flags": "S", "drop": true}]}"#,
                "faults[0].dir",
            ),
            (r#"{"client": ["send -5"]}"#, "client[0]"),
            (r#"{"bogus": 1}"#, "bogus"),
            (r#"{"keepalive": {"time_s": -1}}"#, "keepalive.time_s"),
            (r#"{"keepalive": {"probes": 0}}"#, "keepalive.probes"),
            (r#"{"keepalive": {"enabled": 1}}"#, "keepalive.enabled"),
            (r#"{"keepalive": {"idle": 5}}"#, "keepalive.idle"),
            (r#"{"keepalive": true}"#, "keepalive"),
        ];
        for (text, field) in cases {
            let e = Scenario::from_json(text).unwrap_err();
            assert_eq!(e.field, field, "{text}: {e}");
        }
        let e = Scenario::from_json(r#"{"client": ["send lots"]}"#).unwrap_err();
        assert_eq!(
            e.step,
            Some(StepError::NotANumber {
                step: "send lots".into(),
                value: "lots".into()
            })
        );
        assert!(Scenario::from_json("{not json")
            .unwrap_err()
            .to_string()
            .contains("invalid JSON"));
    }
}
