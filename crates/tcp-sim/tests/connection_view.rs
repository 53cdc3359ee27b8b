//! The server scenarios by name, and one connection of a server run seen as a one-connection
//! trace ([`Trace::connection_view`]).

use tcp_sim::server::Origin;
use tcp_sim::{named, run, Scenario, Side, Socket, State, Trace, Trigger};

fn file(name: &str) -> Scenario {
    let path = format!(
        "{}/scenarios/server/{name}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    Scenario::from_json(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

#[test]
fn test_every_server_file_is_a_named_server_scenario() {
    let dir = format!("{}/scenarios/server", env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let p = e.unwrap().path();
            p.file_stem().unwrap().to_string_lossy().into_owned()
        })
        .collect();
    files.sort();
    let mut names: Vec<String> = named::SERVER_NAMES.iter().map(|n| n.to_string()).collect();
    names.sort();
    assert_eq!(files, names, "one name per file in scenarios/server");
    for name in named::SERVER_NAMES {
        let sc = named::server_by_name(name).unwrap();
        assert_eq!(sc, file(name), "{name}");
        assert_eq!(sc.name, name, "the file's own name");
        assert!(sc.is_server_run(), "{name}");
        assert_eq!(named::any_by_name(name), Some(sc));
    }
    assert_eq!(named::server_by_name("normal"), None);
    assert_eq!(named::any_by_name("normal"), named::by_name("normal"));
    assert_eq!(named::any_by_name("nope"), None);
}

/// The view of each connection holds exactly its segments (plus any older segment that landed in
/// it), renumbered from 0, with every cross-reference pointing inside the view.
fn assert_view_is_consistent(t: &Trace, conn: usize) -> Trace {
    let v = t.connection_view(conn).unwrap();
    let own: Vec<_> = t.segments_of_conn(conn).collect();
    let ids = t.connection_segments(conn);
    assert_eq!(ids.len(), v.segments.len());
    for (i, &id) in ids.iter().enumerate() {
        assert_eq!(v.segments[i].segment, t.segments[id].segment);
        assert_eq!(v.segments[i].sent, t.segments[id].sent);
    }
    assert!(v.segments.len() >= own.len());
    for (i, s) in v.segments.iter().enumerate() {
        assert_eq!(s.id, i);
        assert_eq!(s.conn, None);
        if let Some(Trigger::Segment(id)) = s.trigger {
            assert!(id < v.segments.len());
        }
        if let Some(a) = s.in_reply_to {
            assert!(a < v.arrivals.len());
        }
    }
    // Besides its own, only segments of another connection that moved this one: a newer SYN
    // that ended its TIME-WAIT, an old one it answered, or an old segment that corrupted it.
    let own_sent: Vec<_> = own.iter().map(|s| (s.sent, s.segment)).collect();
    for (i, s) in v.segments.iter().enumerate() {
        if !own_sent.contains(&(s.sent, s.segment)) {
            let moved = v
                .transitions
                .iter()
                .any(|tr| tr.trigger == Trigger::Segment(i))
                || v.segments
                    .iter()
                    .any(|o| o.trigger == Some(Trigger::Segment(i)))
                || v.corruptions.iter().any(|k| k.segment == i);
            assert!(moved, "conn {conn}: segment {i} {s:?}");
        }
    }
    assert_eq!(
        v.segments
            .iter()
            .filter(|s| own_sent.contains(&(s.sent, s.segment)))
            .count(),
        own.len()
    );
    for a in &v.arrivals {
        assert!(a.segment < v.segments.len());
    }
    for tr in &v.transitions {
        assert_eq!(tr.conn, None);
        if let Trigger::Segment(id) = tr.trigger {
            assert!(id < v.segments.len(), "conn {conn}: {tr:?}");
        }
    }
    assert!(v.transitions.windows(2).all(|w| w[0].t <= w[1].t));
    let c = &t.connections[conn];
    assert_eq!(v.isn, [c.client_isn, c.server_isn]);
    assert!(v.connections.is_empty() && v.listener.is_none());
    // The same final states as the server run recorded for the connection.
    for (k, side) in [Side::Client, Side::Server].into_iter().enumerate() {
        if let Some(end) = c.final_states[k] {
            assert_eq!(v.final_state(side), end, "conn {conn} {side}");
        }
    }
    v
}

#[test]
fn test_connection_view_of_every_connection_is_a_one_connection_trace() {
    for name in named::SERVER_NAMES {
        let t = run(&named::server_by_name(name).unwrap());
        // The flood's connections are many and alike: the first hundred of them suffice.
        for conn in 0..t.connections.len().min(300) {
            assert_view_is_consistent(&t, conn);
        }
        assert_eq!(t.connection_view(t.connections.len()), None);
    }
}

#[test]
fn test_connection_view_of_a_client_reads_like_a_handshake_from_listen() {
    let t = run(&named::server_by_name("accept_queue_overflow").unwrap());
    let first = t
        .connections
        .iter()
        .find(|c| c.origin == Origin::Client(0))
        .unwrap();
    let v = t.connection_view(first.id).unwrap();
    assert_eq!(&v.summary()[..15], "c:S, s:SA, c:A,");
    // The server end starts at the listener's LISTEN, as in a one-connection run.
    assert_eq!(
        v.socket_chain(Side::Server, Socket::Listener),
        [State::Closed, State::Listen]
    );
    assert_eq!(
        v.socket_chain(Side::Client, Socket::Connection)[..3],
        [State::Closed, State::SynSent, State::Established]
    );
    assert_eq!(v.segments[0].seq_rel, Some(0));
    assert_eq!(v.segments[1].ack_rel, Some(1));
    // The application records of its client, with their step indexes in that client's list.
    assert!(!v.app.is_empty());
    assert!(v.app.iter().all(|a| a.client.is_none()));
}

#[test]
fn test_connection_view_of_the_new_connection_shows_the_old_segment_it_took() {
    let t = run(&named::server_by_name("time_wait_cut_short_corruption").unwrap());
    let k = t.corruptions[0];
    let v = t.connection_view(k.into_conn).unwrap();
    // The old segment is in the new connection's ladder, at its place in sending order.
    assert_eq!(v.corruptions.len(), 1);
    let old = &v.segments[v.corruptions[0].segment];
    assert_eq!(old.segment, t.segments[k.segment].segment);
    assert!(old.sent < v.segments[1].sent, "sent by the old connection");
    let old_conn = t.connection_view(k.from_conn).unwrap();
    assert!(old_conn.corruptions.is_empty());
    // Numbered in the new connection's terms: it lies inside the new connection's window.
    let rel = old.seq_rel.unwrap();
    assert!(rel > 0 && rel < 65536 * 4, "{rel}");
}

#[test]
fn test_connection_view_of_time_wait_shows_the_newer_syn_above_its_numbers() {
    let t = run(&named::server_by_name("time_wait_new_syn").unwrap());
    let v = t.connection_view(0).unwrap();
    // The SYN of the next connection, which ended this one's TIME-WAIT, is in its ladder.
    let syn = v.segments.iter().rfind(|s| s.flags_str() == "S").unwrap();
    assert!(syn.id > 2, "after this connection's own handshake");
    assert!(
        syn.seq_rel.unwrap() > 0,
        "newer: above this connection's sequence numbers"
    );
    assert_eq!(v.final_state(Side::Server), State::Closed);
}
