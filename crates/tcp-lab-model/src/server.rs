//! A server run (a listener with many connections) as the server view reads it: the queues and
//! counters at any playhead, each connection's state, and the flood as aggregates (the
//! connection on the ladder is in `connection.rs`). Everything here is looked up in the core's trace, built
//! once per run; moving the playhead is a binary search.

use tcp_sim::server::{ListenerCounters, ListenerRecord, Origin};
use tcp_sim::{Instant, Side, State, Trace};

use crate::timeline::Playhead;

/// Columns of the queue chart: each holds the longest queues seen in its slice of the run.
pub const CHART_COLUMNS: usize = 240;

/// A state's place in [`State::ALL`]: where [`ServerIndex::flood_states_at`] counts it.
pub fn slot(state: State) -> usize {
    State::ALL.iter().position(|&s| s == state).unwrap_or(0)
}

/// The index of a server run, made once when the run is made.
#[derive(Debug)]
pub struct ServerIndex {
    /// Per connection (by id) and side (client, server): its transitions' indexes in
    /// `trace.transitions`, in order.
    transitions: Vec<[Vec<u32>; 2]>,
    /// The connections of the scenario's clients, by id, in opening order.
    pub clients: Vec<usize>,
    /// How many connections the flood opened.
    pub flood_connections: usize,
    /// The flood's connections by id, in opening order.
    pub flood: Vec<usize>,
    /// How many of the first `i` flood connections were answered with a SYN cookie, for each `i`.
    flood_cookies: Vec<u32>,
    /// How many flood connections' server ends are in each state (by [`slot`]), after each
    /// change, with its time: a step function over the run.
    flood_states: Vec<(Instant, [u32; State::ALL.len()])>,
    /// The longest SYN queue and accept queue in each of [`CHART_COLUMNS`] slices of the run.
    pub chart: Vec<[u32; 2]>,
    /// The longest queues of the whole run.
    pub peak: [u32; 2],
}

impl ServerIndex {
    /// The index of a server run's trace; `None` for a one-connection trace. The chart's axis
    /// is the run's own time: playback is paced by whichever connection the ladder shows, so
    /// no one pace would read right for every connection.
    pub fn new(trace: &Trace) -> Option<ServerIndex> {
        let listener = trace.listener.as_ref()?;
        let end = trace.end;
        let along = |t: Instant| t.0 as f64 / end.0.max(1) as f64;
        let n = trace.connections.len();
        let mut transitions: Vec<[Vec<u32>; 2]> = vec![[Vec::new(), Vec::new()]; n];
        let mut flood_states: Vec<(Instant, [u32; State::ALL.len()])> = Vec::new();
        let mut counts = [0u32; State::ALL.len()];
        for (i, t) in trace.transitions.iter().enumerate() {
            let Some(c) = t.conn else { continue };
            transitions[c][t.side.index()].push(i as u32);
            if trace.connections[c].origin == Origin::Flood && t.side == Side::Server {
                // A request socket appears when its first transition leaves the listener.
                if transitions[c][1].len() > 1 || t.from != State::Listen {
                    counts[slot(t.from)] = counts[slot(t.from)].saturating_sub(1);
                }
                counts[slot(t.to)] += 1;
                match flood_states.last_mut() {
                    Some(last) if last.0 == t.t => last.1 = counts,
                    _ => flood_states.push((t.t, counts)),
                }
            }
        }
        let clients = trace
            .connections
            .iter()
            .filter(|c| matches!(c.origin, Origin::Client(_)))
            .map(|c| c.id)
            .collect();
        let flood: Vec<usize> = trace
            .connections
            .iter()
            .filter(|c| c.origin == Origin::Flood)
            .map(|c| c.id)
            .collect();
        let mut flood_cookies = Vec::with_capacity(flood.len() + 1);
        flood_cookies.push(0);
        for &id in &flood {
            let last = *flood_cookies.last().unwrap_or(&0);
            flood_cookies.push(last + u32::from(trace.connections[id].cookie));
        }
        let (chart, peak) = chart(listener, along);
        Some(ServerIndex {
            transitions,
            clients,
            flood_connections: flood.len(),
            flood,
            flood_cookies,
            flood_states,
            chart,
            peak,
        })
    }

    /// How many listener events happened at the playhead.
    fn events_reached(listener: &ListenerRecord, p: Playhead) -> usize {
        listener.events.partition_point(|e| p.reached(e.t))
    }

    /// The SYN queue's and the accept queue's lengths at the playhead.
    pub fn queues_at(trace: &Trace, p: Playhead) -> [u32; 2] {
        let Some(l) = trace.listener.as_ref() else {
            return [0, 0];
        };
        match Self::events_reached(l, p).checked_sub(1) {
            Some(i) => [l.events[i].syn_queue, l.events[i].accept_queue],
            None => [0, 0],
        }
    }

    /// The listener's counters at the playhead.
    pub fn counters_at(trace: &Trace, p: Playhead) -> ListenerCounters {
        let Some(l) = trace.listener.as_ref() else {
            return ListenerCounters::default();
        };
        match Self::events_reached(l, p).checked_sub(1) {
            Some(i) => l.events[i].counters,
            None => ListenerCounters::default(),
        }
    }

    /// The state of one end of a connection at the playhead; `None` before that end exists (or
    /// when it never does, as for a flood SYN answered with a cookie).
    pub fn state_at(&self, trace: &Trace, conn: usize, side: Side, p: Playhead) -> Option<State> {
        let list = &self.transitions.get(conn)?[side.index()];
        let n = list.partition_point(|&i| p.reached(trace.transitions[i as usize].t));
        let last = list.get(n.checked_sub(1)?)?;
        Some(trace.transitions[*last as usize].to)
    }

    /// How many of the flood's request sockets are in each state (by [`slot`]) at the
    /// playhead.
    pub fn flood_states_at(&self, p: Playhead) -> [u32; State::ALL.len()] {
        let n = self.flood_states.partition_point(|(t, _)| p.reached(*t));
        n.checked_sub(1)
            .map_or([0; State::ALL.len()], |i| self.flood_states[i].1)
    }

    /// How many connections the flood has opened at the playhead, and how many of them were
    /// answered with a SYN cookie (connections are numbered as they open).
    pub fn flood_opened(&self, trace: &Trace, p: Playhead) -> (usize, u32) {
        let n = self
            .flood
            .partition_point(|&id| p.reached(trace.connections[id].opened));
        (n, self.flood_cookies[n])
    }

    /// The chart's x (in columns) of a point `along` the run (0 to 1).
    pub fn column_at(along: f64) -> f64 {
        crate::numtext::clamp(along, 0.0, 1.0) * CHART_COLUMNS as f64
    }

    /// The chart's x (in columns) of the playhead in a run that ends at `end`.
    pub fn column_of(p: Playhead, end: Instant) -> f64 {
        let t = match p {
            Playhead::Start => 0.0,
            Playhead::At(t) => t.0 as f64,
        };
        Self::column_at(t / end.0.max(1) as f64)
    }
}

/// The longest queues in each slice of the run, and over the whole run.
fn chart(listener: &ListenerRecord, along: impl Fn(Instant) -> f64) -> (Vec<[u32; 2]>, [u32; 2]) {
    let column = |t: Instant| (ServerIndex::column_at(along(t)) as usize).min(CHART_COLUMNS - 1);
    // The longest queues the events in each column left, and what the last of them left.
    let mut most = vec![[0u32; 2]; CHART_COLUMNS];
    let mut last: Vec<Option<[u32; 2]>> = vec![None; CHART_COLUMNS];
    for e in &listener.events {
        let c = column(e.t);
        let q = [e.syn_queue, e.accept_queue];
        most[c] = [most[c][0].max(q[0]), most[c][1].max(q[1])];
        last[c] = Some(q);
    }
    // A column also holds the queues as the columns before it left them.
    let mut carry = [0u32; 2];
    let mut peak = [0u32; 2];
    for c in 0..CHART_COLUMNS {
        most[c] = [most[c][0].max(carry[0]), most[c][1].max(carry[1])];
        carry = last[c].unwrap_or(carry);
        peak = [peak[0].max(most[c][0]), peak[1].max(most[c][1])];
    }
    (most, peak)
}

#[cfg(test)]
mod tests {
    use super::*;
    use tcp_sim::named;

    /// A server run's trace and index (the index's tests need no `Run`).
    struct Indexed {
        trace: Trace,
        server: Option<ServerIndex>,
    }

    impl Indexed {
        fn end(&self) -> Playhead {
            Playhead::At(self.trace.end)
        }
    }

    fn run(name: &str) -> Indexed {
        let trace = tcp_sim::run(&named::server_by_name(name).unwrap());
        let server = ServerIndex::new(&trace);
        Indexed { trace, server }
    }

    #[test]
    fn test_queues_and_counters_follow_the_playhead() {
        let r = run("accept_queue_overflow");
        let l = r.trace.listener.as_ref().unwrap();
        assert_eq!(ServerIndex::queues_at(&r.trace, Playhead::Start), [0, 0]);
        assert_eq!(
            ServerIndex::counters_at(&r.trace, Playhead::Start),
            ListenerCounters::default()
        );
        // At each event, the lengths and counters it recorded.
        for e in &l.events {
            let p = Playhead::At(e.t);
            let last = l.events.iter().rfind(|x| x.t <= e.t).unwrap();
            assert_eq!(
                ServerIndex::queues_at(&r.trace, p),
                [last.syn_queue, last.accept_queue]
            );
            assert_eq!(ServerIndex::counters_at(&r.trace, p), last.counters);
        }
        assert_eq!(ServerIndex::counters_at(&r.trace, r.end()), l.counters);
        let s = r.server.as_ref().unwrap();
        assert_eq!(s.peak, [l.peak_queues().0, l.peak_queues().1]);
        assert_eq!(s.peak[1], 2, "backlog 1 holds two completed connections");
        assert_eq!(s.chart.len(), CHART_COLUMNS);
        assert!(s.chart.iter().any(|c| c[1] == 2));
        assert!(s
            .chart
            .iter()
            .all(|c| c[0] <= s.peak[0] && c[1] <= s.peak[1]));
    }

    #[test]
    fn test_each_connection_ends_in_its_recorded_final_states() {
        for name in named::SERVER_NAMES {
            let r = run(name);
            let s = r.server.as_ref().unwrap();
            for c in &r.trace.connections {
                for side in [Side::Client, Side::Server] {
                    let end = s.state_at(&r.trace, c.id, side, r.end());
                    // A request socket dropped back to the listener is gone: the record says CLOSED.
                    let end = end.map(|st| {
                        if st == State::Listen {
                            State::Closed
                        } else {
                            st
                        }
                    });
                    assert_eq!(
                        end,
                        c.final_states[side.index()],
                        "{name} conn {} {side}",
                        c.id
                    );
                }
                assert_eq!(
                    s.state_at(&r.trace, c.id, Side::Client, Playhead::Start),
                    None
                );
            }
        }
    }

    #[test]
    fn test_flood_aggregates_count_request_sockets() {
        let r = run("syn_flood_no_cookies");
        let s = r.server.as_ref().unwrap();
        assert!(s.flood_connections > 4000);
        assert_eq!(s.clients.len(), 10);
        // While the flood lasts the SYN queue is full of flood requests in SYN-RECEIVED.
        let mid = Playhead::At(Instant::from_ms(2500.0));
        let counts = s.flood_states_at(mid);
        let syn_q = ServerIndex::queues_at(&r.trace, mid)[0];
        assert!(counts[slot(State::SynReceived)] > 0);
        assert!(counts[slot(State::SynReceived)] <= syn_q);
        let end = s.flood_states_at(r.end());
        assert_eq!(end[slot(State::SynReceived)], 0, "every request ended");
        assert_eq!(s.flood_opened(&r.trace, r.end()), (s.flood_connections, 0));
        assert_eq!(s.flood_opened(&r.trace, Playhead::Start), (0, 0));
        let r = run("syn_flood_cookies");
        let s = r.server.as_ref().unwrap();
        let cookies = r.trace.connections.iter().filter(|c| c.cookie).count() as u32;
        let (n, c) = s.flood_opened(&r.trace, r.end());
        assert_eq!(n, s.flood_connections);
        // The clients' own cookie connections are not the flood's.
        assert_eq!(c, cookies - 10);
    }
}
