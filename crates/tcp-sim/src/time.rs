//! Virtual time. The simulator never reads a clock: every instant is an input.

use std::fmt;
use std::ops::{Add, Sub};

/// A point in virtual time, in nanoseconds since the start of the run.
///
/// Nanoseconds keep a 25 µs link delay exact while still covering
/// centuries of virtual time in a `u64`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Instant(pub u64);

/// A length of virtual time, in nanoseconds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Duration(pub u64);

impl Instant {
    /// The start of the run.
    pub const ZERO: Instant = Instant(0);

    /// Milliseconds since the start, rounded to the nanosecond; negative, NaN and infinite values
    /// give the start.
    pub fn from_ms(ms: f64) -> Instant {
        Instant(ms_to_ns(ms))
    }

    /// Milliseconds since the start, the unit of traces and scenario files.
    pub fn as_ms(self) -> f64 {
        self.0 as f64 / 1e6
    }

    /// The time elapsed since `earlier`, or zero if `earlier` is later.
    pub fn saturating_sub(self, earlier: Instant) -> Duration {
        Duration(self.0.saturating_sub(earlier.0))
    }
}

impl Duration {
    /// No time at all.
    pub const ZERO: Duration = Duration(0);

    /// A whole number of milliseconds; `const`, so it can build constants.
    pub const fn from_millis(ms: u64) -> Duration {
        Duration(ms * 1_000_000)
    }

    /// A whole number of seconds; `const`, so it can build constants.
    pub const fn from_secs(s: u64) -> Duration {
        Duration(s * 1_000_000_000)
    }

    /// Milliseconds rounded to the nanosecond; negative, NaN and infinite values give zero.
    pub fn from_ms(ms: f64) -> Duration {
        Duration(ms_to_ns(ms))
    }

    /// The length in milliseconds, the unit of traces and scenario files.
    pub fn as_ms(self) -> f64 {
        self.0 as f64 / 1e6
    }

    /// `k` times this duration, saturating instead of overflowing.
    pub fn times(self, k: u64) -> Duration {
        Duration(self.0.saturating_mul(k))
    }
}

fn ms_to_ns(ms: f64) -> u64 {
    if ms.is_finite() && ms > 0.0 {
        (ms * 1e6).round().min(u64::MAX as f64) as u64
    } else {
        0
    }
}

impl Add<Duration> for Instant {
    type Output = Instant;
    fn add(self, d: Duration) -> Instant {
        Instant(self.0.saturating_add(d.0))
    }
}

impl Add for Duration {
    type Output = Duration;
    fn add(self, d: Duration) -> Duration {
        Duration(self.0.saturating_add(d.0))
    }
}

impl Sub for Instant {
    type Output = Duration;
    fn sub(self, earlier: Instant) -> Duration {
        self.saturating_sub(earlier)
    }
}

impl fmt::Display for Instant {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:.3} ms", self.as_ms())
    }
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:.3} ms", self.as_ms())
    }
}
