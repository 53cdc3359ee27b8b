//! What a scenario says about the server side: the listener's settings, the clients (each with
//! its own address, ports and steps) and a flood source. Read from and written to the scenario
//! file's `listener`, `clients` and `flood` fields.

use serde_json::{json, Map, Value};

use crate::scenario::{Scenario, ScenarioError, Step};
use crate::time::{Duration, Instant};

/// The listener's queue settings. A field left `None` keeps the profile's default (see
/// [`ListenerSettings::resolve`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct ListenerSettings {
    /// The `backlog` argument of `listen()`.
    pub backlog: Option<u32>,
    /// `net.core.somaxconn`: the cap on `backlog`.
    pub somaxconn: Option<u32>,
    /// `net.ipv4.tcp_max_syn_backlog`: without SYN cookies, the SYN queue refuses new requests
    /// once fewer than a quarter of these places are left.
    pub max_syn_backlog: Option<u32>,
    /// `net.ipv4.tcp_syncookies`: 0 off, 1 when the SYN queue overflows, 2 always.
    pub syncookies: Option<u8>,
    /// `net.ipv4.tcp_abort_on_overflow`: answer a third ACK that finds the accept queue full with
    /// RST instead of dropping it.
    pub abort_on_overflow: Option<bool>,
}

/// [`ListenerSettings`] with every default filled in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ListenerLimits {
    /// `listen()`'s backlog as given.
    pub backlog: u32,
    /// `net.core.somaxconn`.
    pub somaxconn: u32,
    /// `min(backlog, somaxconn)`: Linux's `sk_max_ack_backlog`, the limit of both queues.
    pub max_ack_backlog: u32,
    /// `tcp_max_syn_backlog`.
    pub max_syn_backlog: u32,
    /// `tcp_syncookies` (0, 1 or 2).
    pub syncookies: u8,
    /// `tcp_abort_on_overflow`.
    pub abort_on_overflow: bool,
}

impl ListenerSettings {
    /// No field set.
    pub fn is_default(&self) -> bool {
        *self == ListenerSettings::default()
    }

    /// The same settings with `listen()`'s backlog.
    pub fn with_backlog(mut self, backlog: u32) -> ListenerSettings {
        self.backlog = Some(backlog);
        self
    }

    /// The same settings with `tcp_syncookies` (0 off, 1 when the SYN queue overflows, 2 always).
    pub fn with_syncookies(mut self, mode: u8) -> ListenerSettings {
        self.syncookies = Some(mode);
        self
    }

    /// The same settings with `tcp_abort_on_overflow`.
    pub fn with_abort_on_overflow(mut self, on: bool) -> ListenerSettings {
        self.abort_on_overflow = Some(on);
        self
    }

    /// The settings with the defaults filled in: `backlog` 128 (the traditional `SOMAXCONN`),
    /// `somaxconn` 4096 (Linux since 5.4), `tcp_max_syn_backlog` 1024 (Linux sizes it from
    /// memory, at least 128), `tcp_syncookies` 1 and `tcp_abort_on_overflow` 0 in `linux`;
    /// no SYN cookies in `rfc`, where RFC 4987 describes them as an option, not a rule.
    pub fn resolve(&self, profile: crate::ProfileName) -> ListenerLimits {
        let backlog = self.backlog.unwrap_or(128);
        let somaxconn = self.somaxconn.unwrap_or(4096);
        ListenerLimits {
            backlog,
            somaxconn,
            max_ack_backlog: backlog.min(somaxconn),
            max_syn_backlog: self.max_syn_backlog.unwrap_or(1024),
            syncookies: self.syncookies.unwrap_or(match profile {
                crate::ProfileName::Linux => 1,
                crate::ProfileName::Rfc => 0,
            }),
            abort_on_overflow: self.abort_on_overflow.unwrap_or(false),
        }
    }
}

/// One client host: its address, how it picks ports, and its application's steps. Each
/// `connect` in the steps opens a new connection; the steps after it use that connection.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ClientSpec {
    /// IPv4 address.
    pub addr: [u8; 4],
    /// A fixed local port (`bind()` before `connect()`): every connection uses it, so a
    /// reconnection has the same four-tuple. `None`: an ephemeral port from `port_range`.
    pub port: Option<u16>,
    /// `net.ipv4.ip_local_port_range`, both ends included.
    pub port_range: (u16, u16),
    /// `net.ipv4.tcp_tw_reuse` = 1: `connect()` may take over a port whose connection is in
    /// TIME-WAIT, when timestamps are on and the TIME-WAIT socket is more than 1 s old.
    pub tw_reuse: bool,
    /// The application's steps.
    pub steps: Vec<Step>,
}

/// Linux's default `ip_local_port_range`.
pub const DEFAULT_PORT_RANGE: (u16, u16) = (32768, 60999);

impl ClientSpec {
    /// Client number `index` (from 0) at an address of its own: 10.0.1.2, 10.0.1.3, … and on
    /// into 10.0.2.x and beyond; ephemeral ports.
    pub fn numbered(index: usize, steps: &[Step]) -> ClientSpec {
        let n = index + 1;
        ClientSpec::new([10, 0, 1 + (n / 250) as u8, (n % 250) as u8 + 1], steps)
    }

    /// A client at `addr` with ephemeral ports from the default range and no `tcp_tw_reuse`.
    pub fn new(addr: [u8; 4], steps: &[Step]) -> ClientSpec {
        ClientSpec {
            addr,
            port: None,
            port_range: DEFAULT_PORT_RANGE,
            tw_reuse: false,
            steps: steps.to_vec(),
        }
    }

    /// The same client bound to one local port.
    pub fn with_port(mut self, port: u16) -> ClientSpec {
        self.port = Some(port);
        self
    }

    /// The same client with `ip_local_port_range` set to `first..=last`.
    pub fn with_port_range(mut self, first: u16, last: u16) -> ClientSpec {
        self.port_range = (first, last);
        self
    }

    /// The same client with `tcp_tw_reuse` = 1.
    pub fn with_tw_reuse(mut self) -> ClientSpec {
        self.tw_reuse = true;
        self
    }

    /// The same client, its application starting `ms` milliseconds after the run starts (an
    /// `at` step in front of its steps).
    pub fn starting_at_ms(mut self, ms: f64) -> ClientSpec {
        self.steps.insert(0, Step::At(Instant::from_ms(ms)));
        self
    }
}

/// A SYN flood: SYNs from spoofed addresses that never answer (RFC 4987 §2).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FloodSpec {
    /// When the first SYN leaves.
    pub start: Instant,
    /// SYNs per second.
    pub rate_per_s: f64,
    /// How many SYNs in all.
    pub count: u32,
}

impl FloodSpec {
    /// When SYN number `n` (from 0) leaves.
    pub fn send_time(&self, n: u32) -> Instant {
        self.start + Duration::from_ms(n as f64 * 1000.0 / self.rate_per_s)
    }
}

/// The server's address and port in every many-connection run.
pub const SERVER_ADDR: [u8; 4] = [10, 0, 0, 1];
/// The port the server listens on.
pub const SERVER_PORT: u16 = 80;

/// `a.b.c.d`.
pub fn addr_text(a: [u8; 4]) -> String {
    format!("{}.{}.{}.{}", a[0], a[1], a[2], a[3])
}

fn err(field: impl Into<String>, message: impl Into<String>) -> ScenarioError {
    ScenarioError {
        field: field.into(),
        message: message.into(),
        step: None,
    }
}

fn parse_addr(s: &str) -> Option<[u8; 4]> {
    let mut out = [0u8; 4];
    let mut parts = s.split('.');
    for o in &mut out {
        *o = parts.next()?.parse().ok()?;
    }
    parts.next().is_none().then_some(out)
}

fn whole(v: &Value, field: &str, min: u64, max: u64) -> Result<u64, ScenarioError> {
    v.as_u64()
        .filter(|n| (min..=max).contains(n))
        .ok_or_else(|| err(field, format!("must be a whole number from {min} to {max}")))
}

/// Reads `listener`.
pub fn listener_from_json(v: &Value) -> Result<ListenerSettings, ScenarioError> {
    let o = v
        .as_object()
        .ok_or_else(|| err("listener", "must be an object such as {\"backlog\": 8}"))?;
    const KNOWN: [&str; 5] = [
        "backlog",
        "somaxconn",
        "max_syn_backlog",
        "syncookies",
        "abort_on_overflow",
    ];
    if let Some(k) = o.keys().find(|k| !KNOWN.contains(&k.as_str())) {
        return Err(err(format!("listener.{k}"), "unknown field"));
    }
    let num = |k: &str, min: u64, max: u64| -> Result<Option<u64>, ScenarioError> {
        o.get(k)
            .map(|v| whole(v, &format!("listener.{k}"), min, max))
            .transpose()
    };
    Ok(ListenerSettings {
        backlog: num("backlog", 0, 65535)?.map(|n| n as u32),
        somaxconn: num("somaxconn", 0, 65535)?.map(|n| n as u32),
        max_syn_backlog: num("max_syn_backlog", 1, 65535)?.map(|n| n as u32),
        syncookies: num("syncookies", 0, 2)?.map(|n| n as u8),
        abort_on_overflow: o
            .get("abort_on_overflow")
            .map(|v| {
                v.as_bool()
                    .or(v.as_u64().filter(|n| *n <= 1).map(|n| n == 1))
                    .ok_or_else(|| err("listener.abort_on_overflow", "must be true, false, 0 or 1"))
            })
            .transpose()?,
    })
}

/// Reads `clients`.
pub fn clients_from_json(v: &Value) -> Result<Vec<ClientSpec>, ScenarioError> {
    let arr = v
        .as_array()
        .ok_or_else(|| err("clients", "must be a list of clients"))?;
    if arr.len() > 10_000 {
        return Err(err("clients", "at most 10000 clients"));
    }
    let mut out = Vec::with_capacity(arr.len());
    for (i, c) in arr.iter().enumerate() {
        let field = format!("clients[{i}]");
        let o = c.as_object().ok_or_else(|| {
            err(
                &field,
                "a client must be an object such as {\"steps\": [\"connect\"]}",
            )
        })?;
        const KNOWN: [&str; 5] = ["addr", "port", "port_range", "tw_reuse", "steps"];
        if let Some(k) = o.keys().find(|k| !KNOWN.contains(&k.as_str())) {
            return Err(err(format!("{field}.{k}"), "unknown field"));
        }
        let mut spec = ClientSpec::numbered(i, &[]);
        if let Some(a) = o.get("addr") {
            spec.addr = a
                .as_str()
                .and_then(parse_addr)
                .filter(|a| *a != SERVER_ADDR)
                .ok_or_else(|| {
                    err(
                        format!("{field}.addr"),
                        "must be an IPv4 address such as \"10.0.1.2\", not the server's 10.0.0.1",
                    )
                })?;
        }
        if let Some(p) = o.get("port") {
            spec.port = Some(whole(p, &format!("{field}.port"), 1, 65535)? as u16);
        }
        if let Some(r) = o.get("port_range") {
            let f = format!("{field}.port_range");
            let pair = r
                .as_array()
                .filter(|a| a.len() == 2)
                .ok_or_else(|| err(&f, "must be [first, last]"))?;
            let lo = whole(&pair[0], &f, 1, 65535)? as u16;
            let hi = whole(&pair[1], &f, 1, 65535)? as u16;
            if lo > hi {
                return Err(err(&f, "the first port must not be above the last"));
            }
            spec.port_range = (lo, hi);
        }
        if let Some(t) = o.get("tw_reuse") {
            spec.tw_reuse = t
                .as_bool()
                .or(t.as_u64().filter(|n| *n <= 2).map(|n| n == 1))
                .ok_or_else(|| err(format!("{field}.tw_reuse"), "must be 0, 1, 2 or a boolean"))?;
        }
        let mut m = Map::new();
        if let Some(s) = o.get("steps") {
            m.insert(field.clone(), s.clone());
        }
        spec.steps = crate::scenario::steps_field(&m, &field)?;
        out.push(spec);
    }
    let mut addrs: Vec<[u8; 4]> = out.iter().map(|c| c.addr).collect();
    addrs.sort_unstable();
    if addrs.windows(2).any(|w| w[0] == w[1]) {
        return Err(err(
            "clients",
            "two clients have the same address; give each its own \"addr\"",
        ));
    }
    Ok(out)
}

/// Reads `flood`.
pub fn flood_from_json(v: &Value) -> Result<FloodSpec, ScenarioError> {
    let o = v.as_object().ok_or_else(|| {
        err(
            "flood",
            "must be an object such as {\"rate_per_s\": 1000, \"count\": 10000}",
        )
    })?;
    const KNOWN: [&str; 3] = ["start_ms", "rate_per_s", "count"];
    if let Some(k) = o.keys().find(|k| !KNOWN.contains(&k.as_str())) {
        return Err(err(format!("flood.{k}"), "unknown field"));
    }
    let start = match o.get("start_ms") {
        None => 0.0,
        Some(s) => s
            .as_f64()
            .filter(|s| (0.0..=1e7).contains(s))
            .ok_or_else(|| err("flood.start_ms", "must be from 0 to 10,000,000 ms"))?,
    };
    let rate = o
        .get("rate_per_s")
        .ok_or_else(|| err("flood.rate_per_s", "missing: SYNs per second"))?
        .as_f64()
        .filter(|r| *r > 0.0 && *r <= 10_000_000.0)
        .ok_or_else(|| {
            err(
                "flood.rate_per_s",
                "must be more than 0 and at most 10,000,000",
            )
        })?;
    let count = whole(
        o.get("count")
            .ok_or_else(|| err("flood.count", "missing: how many SYNs"))?,
        "flood.count",
        1,
        1_000_000,
    )? as u32;
    Ok(FloodSpec {
        start: Instant::from_ms(start),
        rate_per_s: rate,
        count,
    })
}

/// Writes the server-side fields of `sc` into a scenario file's object.
pub fn write_json(sc: &Scenario, m: &mut Map<String, Value>) {
    if !sc.listener.is_default() {
        let l = sc.listener;
        let mut o = Map::new();
        let mut put = |k: &str, v: Option<Value>| {
            if let Some(v) = v {
                o.insert(k.into(), v);
            }
        };
        put("backlog", l.backlog.map(|n| json!(n)));
        put("somaxconn", l.somaxconn.map(|n| json!(n)));
        put("max_syn_backlog", l.max_syn_backlog.map(|n| json!(n)));
        put("syncookies", l.syncookies.map(|n| json!(n)));
        put("abort_on_overflow", l.abort_on_overflow.map(|n| json!(n)));
        m.insert("listener".into(), Value::Object(o));
    }
    if !sc.clients.is_empty() {
        let list: Vec<Value> = sc
            .clients
            .iter()
            .map(|c| {
                let mut o = Map::new();
                o.insert("addr".into(), json!(addr_text(c.addr)));
                if let Some(p) = c.port {
                    o.insert("port".into(), json!(p));
                }
                if c.port_range != DEFAULT_PORT_RANGE {
                    o.insert("port_range".into(), json!([c.port_range.0, c.port_range.1]));
                }
                if c.tw_reuse {
                    o.insert("tw_reuse".into(), json!(1));
                }
                let steps: Vec<String> = c.steps.iter().map(|s| s.to_string()).collect();
                o.insert("steps".into(), json!(steps));
                Value::Object(o)
            })
            .collect();
        m.insert("clients".into(), Value::from(list));
    }
    if let Some(f) = sc.flood {
        m.insert(
            "flood".into(),
            json!({"start_ms": f.start.as_ms(), "rate_per_s": f.rate_per_s, "count": f.count}),
        );
    }
}
