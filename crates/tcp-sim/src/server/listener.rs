//! The listener's two queues and its counters, as the trace records them: every change of a
//! queue length is an event carrying both lengths and every counter, so a view can draw gauges
//! over time without re-deriving anything.

use serde_json::{json, Value};

use super::setup::ListenerLimits;
use crate::time::Instant;

/// What happened at the listener.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ListenerEventKind {
    /// A SYN made a request socket in the SYN queue.
    SynQueued,
    /// A SYN was dropped: the accept queue was full (Linux `LISTENOVERFLOWS`).
    SynDroppedAcceptQueueFull,
    /// A SYN was dropped: the SYN queue was full and SYN cookies are off.
    SynDroppedSynQueueFull,
    /// A SYN was dropped: SYN cookies are off and fewer than a quarter of
    /// `tcp_max_syn_backlog` places are left.
    SynDroppedMaxSynBacklog,
    /// A SYN was answered with a SYN cookie; nothing was queued.
    CookieSent,
    /// An ACK carried a valid cookie: the connection went straight to the accept queue.
    CookieAccepted,
    /// An ACK carried a valid cookie but the accept queue was full: dropped.
    CookieDroppedAcceptQueueFull,
    /// An ACK arrived for no request and carried no valid cookie: answered with RST.
    CookieInvalid,
    /// The third ACK completed a request: SYN queue → accept queue.
    Completed,
    /// A request socket ended without completing (SYN-ACK retries ran out, or a RST).
    RequestDropped,
    /// The third ACK found the accept queue full and was dropped; the request stays and its
    /// SYN-ACK timer goes on (`tcp_abort_on_overflow` = 0).
    AckDroppedAcceptQueueFull,
    /// The third ACK found the accept queue full and was answered with RST; the request is
    /// dropped (`tcp_abort_on_overflow` = 1).
    ResetAcceptQueueFull,
    /// The application took a connection with `accept`.
    Accepted,
    /// A newer SYN ended a TIME-WAIT connection of the same four-tuple and was passed to the
    /// listener.
    TimeWaitRecycled,
}

impl ListenerEventKind {
    /// Every kind, in the order the app explains them.
    pub const ALL: [ListenerEventKind; 14] = [
        ListenerEventKind::SynQueued,
        ListenerEventKind::SynDroppedAcceptQueueFull,
        ListenerEventKind::SynDroppedSynQueueFull,
        ListenerEventKind::SynDroppedMaxSynBacklog,
        ListenerEventKind::CookieSent,
        ListenerEventKind::CookieAccepted,
        ListenerEventKind::CookieDroppedAcceptQueueFull,
        ListenerEventKind::CookieInvalid,
        ListenerEventKind::Completed,
        ListenerEventKind::RequestDropped,
        ListenerEventKind::AckDroppedAcceptQueueFull,
        ListenerEventKind::ResetAcceptQueueFull,
        ListenerEventKind::Accepted,
        ListenerEventKind::TimeWaitRecycled,
    ];

    /// A stable key, used in JSON traces.
    pub fn key(self) -> &'static str {
        match self {
            ListenerEventKind::SynQueued => "syn_queued",
            ListenerEventKind::SynDroppedAcceptQueueFull => "syn_dropped_accept_queue_full",
            ListenerEventKind::SynDroppedSynQueueFull => "syn_dropped_syn_queue_full",
            ListenerEventKind::SynDroppedMaxSynBacklog => "syn_dropped_max_syn_backlog",
            ListenerEventKind::CookieSent => "cookie_sent",
            ListenerEventKind::CookieAccepted => "cookie_accepted",
            ListenerEventKind::CookieDroppedAcceptQueueFull => "cookie_dropped_accept_queue_full",
            ListenerEventKind::CookieInvalid => "cookie_invalid",
            ListenerEventKind::Completed => "completed",
            ListenerEventKind::RequestDropped => "request_dropped",
            ListenerEventKind::AckDroppedAcceptQueueFull => "ack_dropped_accept_queue_full",
            ListenerEventKind::ResetAcceptQueueFull => "reset_accept_queue_full",
            ListenerEventKind::Accepted => "accepted",
            ListenerEventKind::TimeWaitRecycled => "time_wait_recycled",
        }
    }
}

/// Running totals at the listener (Linux's names where it has one).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct ListenerCounters {
    /// SYNs that reached the listener.
    pub syns: u32,
    /// SYNs dropped for any reason (`LISTENDROPS`).
    pub syns_dropped: u32,
    /// Drops because the accept queue was full, of SYNs and third ACKs (`LISTENOVERFLOWS`).
    pub listen_overflows: u32,
    /// SYN-ACKs sent with a cookie (`SYNCOOKIESSENT`).
    pub cookies_sent: u32,
    /// ACKs with a valid cookie (`SYNCOOKIESRECV`).
    pub cookies_received: u32,
    /// ACKs that were not a valid cookie (`SYNCOOKIESFAILED`).
    pub cookies_failed: u32,
    /// Request sockets that ended without completing.
    pub requests_dropped: u32,
    /// Connections the application accepted.
    pub accepted: u32,
}

/// One of the listener's running totals, by name (see [`ListenerCounters`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ListenerCounter {
    /// SYNs that reached the listener.
    Syns,
    /// SYNs dropped for any reason.
    SynsDropped,
    /// Drops because the accept queue was full.
    ListenOverflows,
    /// SYN-ACKs sent with a cookie.
    CookiesSent,
    /// ACKs with a valid cookie.
    CookiesReceived,
    /// ACKs that were not a valid cookie.
    CookiesFailed,
    /// Request sockets that ended without completing.
    RequestsDropped,
    /// Connections the application accepted.
    Accepted,
}

impl ListenerCounter {
    /// Every counter, in the order the app lists them.
    pub const ALL: [ListenerCounter; 8] = [
        ListenerCounter::Syns,
        ListenerCounter::SynsDropped,
        ListenerCounter::ListenOverflows,
        ListenerCounter::CookiesSent,
        ListenerCounter::CookiesReceived,
        ListenerCounter::CookiesFailed,
        ListenerCounter::RequestsDropped,
        ListenerCounter::Accepted,
    ];

    /// The key of the counter in JSON traces (`listener.counters`).
    pub fn key(self) -> &'static str {
        match self {
            ListenerCounter::Syns => "syns",
            ListenerCounter::SynsDropped => "syns_dropped",
            ListenerCounter::ListenOverflows => "listen_overflows",
            ListenerCounter::CookiesSent => "cookies_sent",
            ListenerCounter::CookiesReceived => "cookies_received",
            ListenerCounter::CookiesFailed => "cookies_failed",
            ListenerCounter::RequestsDropped => "requests_dropped",
            ListenerCounter::Accepted => "accepted",
        }
    }
}

impl ListenerCounters {
    /// One counter's value.
    pub fn get(&self, counter: ListenerCounter) -> u32 {
        match counter {
            ListenerCounter::Syns => self.syns,
            ListenerCounter::SynsDropped => self.syns_dropped,
            ListenerCounter::ListenOverflows => self.listen_overflows,
            ListenerCounter::CookiesSent => self.cookies_sent,
            ListenerCounter::CookiesReceived => self.cookies_received,
            ListenerCounter::CookiesFailed => self.cookies_failed,
            ListenerCounter::RequestsDropped => self.requests_dropped,
            ListenerCounter::Accepted => self.accepted,
        }
    }
}

/// One change at the listener, with the queue lengths and counters after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ListenerEvent {
    /// When.
    pub t: Instant,
    /// What.
    pub kind: ListenerEventKind,
    /// The connection it concerns.
    pub conn: Option<usize>,
    /// Request sockets in the SYN queue after the event.
    pub syn_queue: u32,
    /// Completed connections waiting for `accept` after the event.
    pub accept_queue: u32,
    /// The totals after the event.
    pub counters: ListenerCounters,
}

/// The listener's side of a run with many connections.
#[derive(Clone, Debug, PartialEq)]
pub struct ListenerRecord {
    /// The queue settings in force.
    pub limits: ListenerLimits,
    /// Every change, in order.
    pub events: Vec<ListenerEvent>,
    /// The totals at the end.
    pub counters: ListenerCounters,
}

impl ListenerRecord {
    pub(crate) fn new(limits: ListenerLimits) -> ListenerRecord {
        ListenerRecord {
            limits,
            events: Vec::new(),
            counters: ListenerCounters::default(),
        }
    }

    /// The largest SYN queue and accept queue lengths seen.
    pub fn peak_queues(&self) -> (u32, u32) {
        self.events.iter().fold((0, 0), |(s, a), e| {
            (s.max(e.syn_queue), a.max(e.accept_queue))
        })
    }

    /// How many events of this kind.
    pub fn count(&self, kind: ListenerEventKind) -> usize {
        self.events.iter().filter(|e| e.kind == kind).count()
    }

    pub(crate) fn to_json(&self) -> Value {
        let l = self.limits;
        let c = self.counters;
        let events: Vec<Value> = self
            .events
            .iter()
            .map(|e| {
                json!({"t_ms": e.t.as_ms(), "event": e.kind.key(), "conn": e.conn,
                       "syn_queue": e.syn_queue, "accept_queue": e.accept_queue})
            })
            .collect();
        json!({
            "settings": {"backlog": l.backlog, "somaxconn": l.somaxconn,
                          "max_ack_backlog": l.max_ack_backlog,
                          "max_syn_backlog": l.max_syn_backlog, "syncookies": l.syncookies,
                          "abort_on_overflow": l.abort_on_overflow},
            "events": events,
            "counters": counters_json(&c),
        })
    }
}

fn counters_json(c: &ListenerCounters) -> Value {
    let mut o = serde_json::Map::new();
    for k in ListenerCounter::ALL {
        o.insert(k.key().into(), json!(c.get(k)));
    }
    Value::Object(o)
}
