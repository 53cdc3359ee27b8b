//! # tcp-sim
//!
//! A deterministic, sans-IO simulator of one TCP connection: two endpoints
//! that follow RFC 9293 and a seeded link between them. Time is an input, so
//! every run can be replayed, stepped and tested natively or in the browser.
//!
//! - [`Endpoint`] is one side's state machine. Its transitions all pass through
//!   one `set_state`, which records the [`Cause`].
//! - [`Simulation`] drives two endpoints, their application steps and the link.
//! - [`Scenario`] describes a run; [`named`] has the teaching scenarios.
//! - [`Trace`] is what a run produced: segments with fates, transitions, timers.
//!
//! ```
//! use tcp_sim::{run, Dir, ProfileName, Scenario, Side, State, Step};
//!
//! // The textbook handshake and close, with the client's first SYN lost.
//! let scenario = Scenario::new(ProfileName::Rfc)
//!     .delay_ms(10.0)
//!     .client(&[Step::Connect, Step::Close])
//!     .server(&[Step::Listen, Step::RecvEof, Step::Close])
//!     .drop_nth(Dir::C2S, "S", 1);
//! let trace = run(&scenario);
//! assert_eq!(trace.summary(), "c:S[LOST], c:S, s:SA, c:A, c:FA, s:A, s:FA, c:A");
//! // The retransmitted SYN left one initial RTO (1 s) after the first.
//! assert_eq!(trace.segments[1].sent.as_ms(), 1000.0);
//! assert_eq!(trace.final_state(Side::Client), State::Closed); // after TIME-WAIT
//! ```

#![warn(missing_docs)]

pub mod capture;
pub mod cause;
pub mod compare;
pub mod endpoint;
pub mod knowledge;
mod link;
pub mod named;
pub mod observe;
pub mod pcap;
pub mod profile;
mod rng;
pub mod scenario;
pub mod segment;
pub mod seq;
pub mod server;
pub mod sim;
pub mod state;
pub mod symbols;
pub mod time;
pub mod trace;

pub use cause::{is_rfc_transition, Cause, SendReason, TimerKind};
pub use endpoint::{ConnError, Endpoint, EndpointEvent, Output};
pub use knowledge::Knowledge;
pub use observe::{observe, Certainty, Note, NoteKind, Observation};
pub use pcap::{to_pcap, LostSegments, PcapOptions};
pub use profile::{
    AckPolicy, Keepalive, ListenModel, Profile, ProfileName, Retransmitted, Retries, RetryLimit,
    RetryRule,
};
pub use scenario::{
    Fault, FaultAction, FaultMatch, Injection, KeepaliveSettings, NumberUnit, Scenario,
    ScenarioError, Step, StepError, STEP_VERBS,
};
pub use segment::{Flags, Segment, SynOptions, Timestamps};
pub use sim::{run, run_one_connection, FateError, Simulation};
pub use state::{Dir, Side, Socket, State};
pub use symbols::{Symbol, SymbolicNumber, Symbols};
pub use time::{Duration, Instant};
pub use trace::{
    AppFailure, AppOutcome, AppRecord, ArrivalRecord, ErrorRecord, Fate, FateSource, SegmentRecord,
    TimerRecord, Trace, TransitionRecord, Trigger,
};
