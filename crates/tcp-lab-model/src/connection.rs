//! In a server run, the one connection whose ladder, log and explanations are shown: its view of
//! the core's trace ([`tcp_sim::Trace::connection_view`]) made into a run of its own.

use std::rc::Rc;

use tcp_sim::server::Origin;
use tcp_sim::Scenario;

use crate::run::{Run, RunRef};

/// The connection the ladder shows in a server run, with its own one-connection run.
#[derive(Clone, Debug)]
pub struct ConnectionLadder {
    /// The connection's id in the server run.
    pub conn: usize,
    /// Its view ([`Trace::connection_view`]) as a run: the ladder, log and explanations use it.
    pub run: RunRef,
    /// The view's segment `i` is segment `segment_ids[i]` of the server run.
    pub segment_ids: Rc<Vec<usize>>,
}

/// The same connection of the same run (the ids follow from the run): cheap enough for the
/// reducer's state comparisons, which run every frame.
impl PartialEq for ConnectionLadder {
    fn eq(&self, other: &Self) -> bool {
        self.conn == other.conn && self.run == other.run
    }
}

impl ConnectionLadder {
    /// Connection `conn` of a server run; `None` when the run has no such connection.
    pub fn new(server_run: &Run, conn: usize) -> Option<ConnectionLadder> {
        let trace = &server_run.trace;
        let view = trace.connection_view(conn)?;
        let record = &trace.connections[conn];
        let sc = &server_run.scenario;
        let mut scenario = Scenario::new(sc.profile).named(&sc.name, &sc.description);
        scenario.one_way_delay = sc.one_way_delay;
        scenario.server = sc.server.clone();
        if let Origin::Client(i) = record.origin {
            scenario.client = sc.clients[i].steps.clone();
        }
        scenario.time_wait = sc.time_wait;
        scenario.keepalive = sc.keepalive;
        let mut run = Run::from_trace(scenario, view, &[]);
        // Playback is paced by the connection on the ladder: its own crossings at the link's
        // pace, and everything the other connections do in between time-lapsed, so that ten
        // thousand flood SYNs do not turn one handshake into an hour's wait.
        run.pace_until(server_run.end_instant());
        Some(ConnectionLadder {
            conn,
            run: RunRef(Rc::new(run)),
            segment_ids: Rc::new(trace.connection_segments(conn)),
        })
    }

    /// The connection shown first: the first one a client of the scenario opened, else the first.
    pub fn default_conn(server_run: &Run) -> Option<usize> {
        let server = server_run.server.as_ref()?;
        server
            .clients
            .first()
            .copied()
            .or((!server_run.trace.connections.is_empty()).then_some(0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tcp_sim::named;

    #[test]
    fn test_the_ladder_shows_the_first_client_connection() {
        let r = Run::new(named::server_by_name("syn_flood_cookies").unwrap(), &[]);
        let conn = ConnectionLadder::default_conn(&r).unwrap();
        assert_eq!(r.trace.connections[conn].origin, Origin::Client(0));
        let ladder = ConnectionLadder::new(&r, conn).unwrap();
        let flags: Vec<String> = ladder
            .run
            .trace
            .segments
            .iter()
            .map(|s| s.flags_str())
            .collect();
        assert_eq!(flags[..3], ["S", "SA", "A"]);
        assert_eq!(ladder.segment_ids.len(), flags.len());
        // The ladder's times are the run's: one playhead for both.
        let first = ladder.segment_ids[0];
        assert_eq!(
            ladder.run.trace.segments[0].sent,
            r.trace.segments[first].sent
        );
        assert!(ladder.run.scenario.clients.is_empty());
        assert_eq!(ladder.run.scenario.client, r.scenario.clients[0].steps);
        assert_eq!(ConnectionLadder::new(&r, r.trace.connections.len()), None);
        assert_eq!(ladder.run.end(), r.end());
        // Paced by its own segments, not by the flood's: a minute at most at 1×, where the
        // whole run would take hours.
        assert!(
            ladder.run.schedule.total() < 60_000.0,
            "{}",
            ladder.run.schedule.total()
        );
        assert!(r.schedule.total() > 600_000.0, "{}", r.schedule.total());
    }
}
