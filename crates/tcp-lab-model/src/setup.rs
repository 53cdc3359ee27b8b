//! The learner's setup: which scenario, profile, link and application steps,
//! as applied, and as being edited in the form.

use tcp_sim::scenario::FloodSpec;
use tcp_sim::{named, Instant, ProfileName, Scenario, Step};

/// The value of the scenario picker for a run the learner wrote.
pub const CUSTOM: &str = "custom";
/// The scenario shown when nothing else is asked for.
pub const DEFAULT_SCENARIO: &str = "normal";
/// The profile shown when the link names none: the textbook (RFC 9293), so a newcomer's first
/// run closes with four segments; real Linux is one switch away.
pub const DEFAULT_PROFILE: ProfileName = ProfileName::Rfc;
/// The longest one-way delay the form accepts.
pub const MAX_DELAY_MS: f64 = 10_000.0;

/// The applied setup, from which the scenario is built.
#[derive(Clone, Debug, PartialEq)]
pub struct Setup {
    /// A name from `tcp_sim::named::NAMES`, or [`CUSTOM`].
    pub name: String,
    pub profile: ProfileName,
    pub delay_ms: f64,
    pub loss_pct: f64,
    pub seed: u64,
    /// The client's steps; in a server scenario, the first client's.
    pub client: Vec<Step>,
    pub server: Vec<Step>,
    /// In a server scenario: what the learner changed at the listener and its clients.
    pub knobs: ServerKnobs,
}

/// The most SYNs a learner's flood may send.
pub const MAX_FLOOD: u32 = 20_000;
/// The largest backlog the controls offer.
pub const MAX_BACKLOG: u32 = 4096;
/// The longest wait before each `accept()` the controls offer (ms).
pub const MAX_ACCEPT_DELAY_MS: u32 = 10_000;
/// How long a reconnecting client waits after its last step before it connects again (ms).
pub const RECONNECT_AFTER_MS: u64 = 100;
/// SYNs of a flood the learner starts with one button.
pub const DEFAULT_FLOOD: u32 = 5000;
/// SYNs per second of a flood the learner starts in a scenario that has none.
pub const FLOOD_RATE_PER_S: f64 = 1000.0;

/// What the learner changed in a server scenario (a listener with many connections). The default
/// changes nothing; each field set replaces what the scenario file says.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ServerKnobs {
    /// The `backlog` argument of `listen()`.
    pub backlog: Option<u32>,
    /// `tcp_syncookies` = 1 (on) or 0 (off).
    pub syncookies: Option<bool>,
    /// How many SYNs the flood sends: 0 stops it; a scenario without a flood gets one from its
    /// start at [`FLOOD_RATE_PER_S`].
    pub flood: Option<u32>,
    /// The server's application waits this long (ms) before each `accept()`: a slow server.
    pub accept_delay_ms: Option<u32>,
    /// This client (by index) connects again from the same local port [`RECONNECT_AFTER_MS`]
    /// after its steps are done, and the server serves one more connection as it served the last.
    pub reconnect: Option<usize>,
}

impl ServerKnobs {
    /// No change.
    pub fn is_default(&self) -> bool {
        *self == ServerKnobs::default()
    }

    /// Applies the changes to a server scenario.
    pub fn apply(&self, sc: &mut Scenario) {
        if let Some(b) = self.backlog {
            sc.listener.backlog = Some(b);
        }
        if let Some(on) = self.syncookies {
            sc.listener.syncookies = Some(u8::from(on));
        }
        match (self.flood, sc.flood.as_mut()) {
            (Some(0), _) => sc.flood = None,
            (Some(n), Some(f)) => f.count = n,
            (Some(n), None) => {
                sc.flood = Some(FloodSpec {
                    start: Instant::ZERO,
                    rate_per_s: FLOOD_RATE_PER_S,
                    count: n,
                })
            }
            (None, _) => {}
        }
        if let Some(client) = self.reconnect.and_then(|i| sc.clients.get_mut(i)) {
            // `bind()` to one port before every `connect()`: the same four-tuple again.
            client.port = Some(client.port.unwrap_or(client.port_range.0));
            if let Some(first) = client.steps.iter().position(|s| *s == Step::Connect) {
                let again: Vec<Step> = client.steps[first..]
                    .iter()
                    .filter(|s| !matches!(s, Step::At(_)))
                    .copied()
                    .collect();
                // A moment later, as a program that connects again would: its old socket has
                // had the time to close, and the new SYN meets what is left of it (TIME-WAIT).
                client
                    .steps
                    .push(Step::Sleep(tcp_sim::Duration::from_millis(
                        RECONNECT_AFTER_MS,
                    )));
                client.steps.extend(again);
                if let Some(last) = sc.server.iter().rposition(|s| *s == Step::Accept) {
                    let serve = sc.server[last..].to_vec();
                    sc.server.extend(serve);
                }
            }
        }
        // After the reconnection's extra accept, so that it waits too.
        if let Some(ms) = self.accept_delay_ms.filter(|&ms| ms > 0) {
            let wait = Step::Sleep(tcp_sim::Duration::from_millis(ms as u64));
            let mut server = Vec::with_capacity(sc.server.len() * 2);
            for &step in &sc.server {
                if step == Step::Accept {
                    server.push(wait);
                }
                server.push(step);
            }
            sc.server = server;
        }
    }
}

/// A server scenario's name (one of `tcp_sim::named::SERVER_NAMES`).
pub fn is_server_name(name: &str) -> bool {
    named::SERVER_NAMES.contains(&name)
}

impl Setup {
    /// The named scenario as the core defines it (one connection, or a server with many), or
    /// `None` for an unknown name.
    pub fn named(name: &str, profile: Option<ProfileName>) -> Option<Setup> {
        let sc = named::any_by_name(name)?;
        let client = match sc.clients.first() {
            Some(c) => c.steps.clone(),
            None => sc.client,
        };
        Some(Setup {
            name: name.to_string(),
            profile: profile.unwrap_or(sc.profile),
            delay_ms: sc.one_way_delay[0].as_ms(),
            loss_pct: sc.loss_pct,
            seed: sc.seed,
            client,
            server: sc.server,
            knobs: ServerKnobs::default(),
        })
    }

    /// A server scenario: a listener with many connections.
    pub fn is_server(&self) -> bool {
        is_server_name(&self.name)
    }

    /// The scenario to run. A named scenario keeps its own faults and old
    /// duplicates; a custom one has only what the learner adds. A server scenario keeps its
    /// clients and flood; the steps set the server's and the first client's, and the knobs apply.
    pub fn scenario(&self) -> Scenario {
        if let Some(mut sc) = named::server_by_name(&self.name) {
            sc.profile = self.profile;
            sc.one_way_delay = [tcp_sim::Duration::from_ms(self.delay_ms); 2];
            sc.loss_pct = self.loss_pct;
            sc.seed = self.seed;
            sc.server = self.server.clone();
            if let Some(c) = sc.clients.first_mut() {
                c.steps = self.client.clone();
            }
            self.knobs.apply(&mut sc);
            return sc;
        }
        let base = named::by_name(&self.name)
            .filter(|sc| sc.client == self.client && sc.server == self.server);
        let mut sc = match base {
            Some(sc) => named::with_profile(sc, self.profile),
            None => Scenario::new(self.profile).named(CUSTOM, ""),
        };
        sc.one_way_delay = [tcp_sim::Duration::from_ms(self.delay_ms); 2];
        sc.client = self.client.clone();
        sc.server = self.server.clone();
        sc.loss_pct = self.loss_pct;
        sc.seed = self.seed;
        sc
    }

    pub fn draft(&self) -> SetupDraft {
        SetupDraft {
            delay_ms: fmt_number(self.delay_ms),
            loss_pct: fmt_number(self.loss_pct),
            seed: self.seed.to_string(),
            client_steps: steps_to_text(&self.client),
            server_steps: steps_to_text(&self.server),
        }
    }
}

/// The setup form's text, as typed.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct SetupDraft {
    pub delay_ms: String,
    pub loss_pct: String,
    pub seed: String,
    pub client_steps: String,
    pub server_steps: String,
}

/// Which field of the form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DraftField {
    DelayMs,
    LossPct,
    Seed,
    ClientSteps,
    ServerSteps,
}

impl SetupDraft {
    pub fn set(&mut self, field: DraftField, value: String) {
        match field {
            DraftField::DelayMs => self.delay_ms = value,
            DraftField::LossPct => self.loss_pct = value,
            DraftField::Seed => self.seed = value,
            DraftField::ClientSteps => self.client_steps = value,
            DraftField::ServerSteps => self.server_steps = value,
        }
    }

    /// Reads the form on top of `current`. A name stays only while the steps
    /// are that scenario's own; edited steps make a custom run.
    pub fn apply(&self, current: &Setup) -> Result<Setup, Box<DraftErrors>> {
        let mut errors = DraftErrors::default();
        let delay = parse_number(&self.delay_ms, 0.0, MAX_DELAY_MS);
        let loss = parse_number(&self.loss_pct, 0.0, 100.0);
        let seed = self.seed.trim().parse::<u64>().ok();
        let client = parse_steps(&self.client_steps);
        let server = parse_steps(&self.server_steps);
        errors.delay_ms = delay.is_none();
        errors.loss_pct = loss.is_none();
        errors.seed = seed.is_none();
        errors.client_steps = client.as_ref().err().cloned();
        errors.server_steps = server.as_ref().err().cloned();
        match (delay, loss, seed, client, server) {
            (Some(delay_ms), Some(loss_pct), Some(seed), Ok(client), Ok(server)) => {
                // A server scenario stays one with the edited steps; a one-connection scenario
                // stays named only with its own.
                let name = match named::by_name(&current.name) {
                    _ if current.is_server() => current.name.clone(),
                    Some(sc) if sc.client == client && sc.server == server => current.name.clone(),
                    _ => CUSTOM.to_string(),
                };
                Ok(Setup {
                    name,
                    profile: current.profile,
                    delay_ms,
                    loss_pct,
                    seed,
                    client,
                    server,
                    knobs: current.knobs,
                })
            }
            _ => Err(Box::new(errors)),
        }
    }
}

/// What is wrong in the form, field by field.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct DraftErrors {
    pub delay_ms: bool,
    pub loss_pct: bool,
    pub seed: bool,
    pub client_steps: Option<StepError>,
    pub server_steps: Option<StepError>,
}

/// A line of application steps that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StepError {
    /// 1-based line number.
    pub line: usize,
    pub text: String,
    /// Why, as the core found it (shown through `crate::i18n::step_error_reason`).
    pub error: tcp_sim::StepError,
}

/// Reads steps written one per line; blank lines and `#` comments are skipped.
pub fn parse_steps(text: &str) -> Result<Vec<Step>, StepError> {
    let mut steps = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let step = Step::parse(&line.to_ascii_lowercase()).map_err(|error| StepError {
            line: i + 1,
            text: line.to_string(),
            error,
        })?;
        steps.push(step);
    }
    Ok(steps)
}

pub fn steps_to_text(steps: &[Step]) -> String {
    steps
        .iter()
        .map(|s| s.to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

fn parse_number(text: &str, min: f64, max: f64) -> Option<f64> {
    let v = crate::numtext::parse_decimal(text.trim())?;
    (v.is_finite() && (min..=max).contains(&v)).then_some(v)
}

fn fmt_number(v: f64) -> String {
    crate::numtext::trimmed(v, 3)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_parse_steps_skips_blanks_and_comments() {
        let steps = parse_steps("connect\n\n  send 100  # a request\nCLOSE\n").unwrap();
        assert_eq!(steps, vec![Step::Connect, Step::Send(100), Step::Close]);
    }

    #[test]
    fn test_parse_steps_names_the_bad_line() {
        let e = parse_steps("connect\nsend 5\njump 3\nclose").unwrap_err();
        assert_eq!(e.line, 3);
        assert_eq!(e.text, "jump 3");
        assert_eq!(
            e.error,
            tcp_sim::StepError::UnknownVerb {
                verb: "jump".into()
            }
        );
        let e = parse_steps("send -5").unwrap_err();
        assert_eq!(e.line, 1);
    }

    #[test]
    fn test_named_setup_round_trips_through_the_form() {
        for name in named::NAMES {
            let setup = Setup::named(name, None).unwrap();
            assert_eq!(setup.scenario(), named::by_name(name).unwrap(), "{name}");
            let again = setup.draft().apply(&setup).unwrap();
            assert_eq!(again, setup, "{name}");
        }
    }

    #[test]
    fn test_server_setups_are_their_files_until_a_knob_changes() {
        for name in named::SERVER_NAMES {
            let setup = Setup::named(name, None).unwrap();
            assert!(setup.is_server());
            assert_eq!(
                setup.scenario(),
                named::server_by_name(name).unwrap(),
                "{name}"
            );
            let again = setup.draft().apply(&setup).unwrap();
            assert_eq!(again, setup, "{name}");
        }
        let mut setup = Setup::named("syn_flood_cookies", None).unwrap();
        setup.knobs = ServerKnobs {
            backlog: Some(8),
            syncookies: Some(false),
            flood: Some(100),
            accept_delay_ms: Some(50),
            reconnect: Some(1),
        };
        let sc = setup.scenario();
        assert_eq!(sc.listener.backlog, Some(8));
        assert_eq!(sc.listener.syncookies, Some(0));
        assert_eq!(sc.flood.unwrap().count, 100);
        let file = named::server_by_name("syn_flood_cookies").unwrap();
        let accepts = file.server.iter().filter(|s| **s == Step::Accept).count();
        // One more accept for the reconnection, each after a 50 ms wait.
        assert_eq!(
            sc.server.iter().filter(|s| **s == Step::Accept).count(),
            accepts + 1
        );
        let wait = Step::Sleep(tcp_sim::Duration::from_millis(50));
        for (i, s) in sc.server.iter().enumerate() {
            if *s == Step::Accept {
                assert_eq!(sc.server[i - 1], wait);
            }
        }
        let c = &sc.clients[1];
        assert_eq!(c.port, Some(c.port_range.0));
        assert_eq!(c.steps.iter().filter(|s| **s == Step::Connect).count(), 2);
        let second = c.steps.iter().rposition(|s| *s == Step::Connect).unwrap();
        let wait = tcp_sim::Duration::from_millis(RECONNECT_AFTER_MS);
        assert_eq!(c.steps[second - 1], Step::Sleep(wait));
        // Edited steps keep a server scenario a server scenario.
        let mut draft = setup.draft();
        draft.set(DraftField::ServerSteps, "listen\naccept\nclose".into());
        let edited = draft.apply(&setup).unwrap();
        assert_eq!(edited.name, "syn_flood_cookies");
        assert!(edited.scenario().is_server_run());
        // No flood at all, and a flood where the file had none.
        setup.knobs = ServerKnobs {
            flood: Some(0),
            ..ServerKnobs::default()
        };
        assert_eq!(setup.scenario().flood, None);
        let mut setup = Setup::named("accept_queue_overflow", None).unwrap();
        setup.knobs.flood = Some(10);
        let f = setup.scenario().flood.unwrap();
        assert_eq!((f.count, f.rate_per_s), (10, FLOOD_RATE_PER_S));
    }

    #[test]
    fn test_edited_steps_make_a_custom_run() {
        let setup = Setup::named("normal", None).unwrap();
        let mut draft = setup.draft();
        draft.set(
            DraftField::ServerSteps,
            "listen\nrecv 100\nsend 100\nclose".into(),
        );
        draft.set(
            DraftField::ClientSteps,
            "connect\nsend 100\nrecv_eof\nclose".into(),
        );
        let custom = draft.apply(&setup).unwrap();
        assert_eq!(custom.name, CUSTOM);
        let sc = custom.scenario();
        assert!(sc.faults.is_empty());
        assert_eq!(sc.one_way_delay[0].as_ms(), 10.0);
    }

    #[test]
    fn test_bad_numbers_are_reported_per_field() {
        let setup = Setup::named("normal", None).unwrap();
        let mut draft = setup.draft();
        draft.set(DraftField::DelayMs, "fast".into());
        draft.set(DraftField::LossPct, "150".into());
        draft.set(DraftField::ClientSteps, "connect\nfly".into());
        let e = draft.apply(&setup).unwrap_err();
        assert!(e.delay_ms && e.loss_pct && !e.seed);
        assert_eq!(e.client_steps.unwrap().line, 2);
        assert!(e.server_steps.is_none());
    }

    #[test]
    fn test_profile_switch_keeps_the_scenario() {
        let setup = Setup::named("synack_lost", Some(ProfileName::Rfc)).unwrap();
        let sc = setup.scenario();
        assert_eq!(sc.profile, ProfileName::Rfc);
        assert_eq!(sc.faults.len(), 1);
    }
}
