//! The faults a learner adds to a run: a fate armed for the next segment of a
//! kind, or one chosen for a segment on the ladder.

use tcp_sim::{Dir, Fault, Flags, Instant};

/// "The next segment going `dir` with exactly `flags`". The kinds offered are those the current
/// run sends ([`crate::run::Run::sent_kinds`]), read from the core's trace.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ArmTarget {
    pub dir: Dir,
    pub flags: Flags,
}

impl ArmTarget {
    pub fn new(dir: Dir, flags: &str) -> ArmTarget {
        ArmTarget {
            dir,
            flags: Flags::parse(flags).unwrap_or_default(),
        }
    }

    /// `c2s:S`, `s2c:SA`: the value of its option in the menu.
    pub fn key(&self) -> String {
        format!("{}:{}", self.dir.name(), self.flags)
    }
}

/// A fault the learner added, newest first in the state.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LearnerFault {
    pub fault: Fault,
    /// For a segment dropped while in flight: where it was dropped.
    pub dropped_at: Option<Instant>,
}
