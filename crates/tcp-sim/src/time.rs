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
        write_ms3(f, self.0)
    }
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_ms3(f, self.0)
    }
}

/// `ns` as milliseconds with three decimals ("12.345 ms"), rounded to the
/// nearest microsecond. Integer arithmetic only: float formatting would pull
/// several kilobytes of code into every WebAssembly build.
fn write_ms3(f: &mut fmt::Formatter<'_>, ns: u64) -> fmt::Result {
    let us = ns / 1000 + u64::from(ns % 1000 >= 500);
    write!(f, "{}.{:03} ms", us / 1000, us % 1000)
}

/// Nanoseconds as milliseconds, exactly and without trailing zeros: `1500000`
/// is "1.5", `25000` is "0.025", `10000000` is "10".
pub fn ns_to_ms_text(ns: u64) -> String {
    let (whole, frac) = (ns / 1_000_000, ns % 1_000_000);
    if frac == 0 {
        return whole.to_string();
    }
    let digits = format!("{frac:06}");
    format!("{whole}.{}", digits.trim_end_matches('0'))
}

/// Reads a plain decimal number such as `150`, `0.5`, `-2` or `.25` (no
/// exponent, no `inf`/`nan`). Up to 15 significant digits the result is
/// the correctly rounded `f64`; longer inputs are rounded. This small reader
/// replaces `str::parse::<f64>`, whose tables and code add about 15 KB to
/// every WebAssembly build.
pub fn parse_decimal(text: &str) -> Option<f64> {
    let (negative, digits) = match text.as_bytes().first()? {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    if int.is_empty() && frac.is_empty() {
        return None;
    }
    let mut mantissa: u64 = 0;
    let mut scale: i32 = 0;
    let mut significant = 0;
    for (k, part) in [int, frac].into_iter().enumerate() {
        for b in part.bytes() {
            let d = match b {
                b'0'..=b'9' => u64::from(b - b'0'),
                _ => return None,
            };
            if significant < 18 {
                mantissa = mantissa * 10 + d;
                if mantissa > 0 {
                    significant += 1;
                }
                scale -= k as i32;
            } else {
                // Digits beyond what a u64 holds only shift the magnitude.
                scale += 1 - k as i32;
            }
        }
    }
    let mut v = mantissa as f64;
    if scale < 0 {
        v /= pow10((-scale) as u32);
    } else if scale > 0 {
        v *= pow10(scale as u32);
    }
    Some(if negative { -v } else { v })
}

/// `v` with exactly `decimals` decimals (at most 6), like `format!("{v:.N}")`
/// (halves round away from zero, and a negative zero is written "0"). Integer
/// formatting only, for the same reason as [`parse_decimal`].
pub fn fixed(v: f64, decimals: u32) -> String {
    let mut out = String::new();
    push_fixed(&mut out, v, decimals);
    out
}

/// Appends [`fixed`]`(v, decimals)` to `out`.
pub fn push_fixed(out: &mut String, v: f64, decimals: u32) {
    use std::fmt::Write;
    let decimals = decimals.min(6);
    let scale = 10u64.pow(decimals);
    let scaled = (v * scale as f64).round();
    // Saturating conversion: NaN is 0, huge values clamp.
    let n = scaled as i64;
    if n < 0 {
        out.push('-');
    }
    let a = n.unsigned_abs();
    let _ = write!(out, "{}", a / scale);
    if decimals > 0 {
        let _ = write!(out, ".{:0width$}", a % scale, width = decimals as usize);
    }
}

/// `v` rounded to `decimals` decimals, without trailing zeros: "1.5", "10", "0.025".
pub fn trimmed(v: f64, decimals: u32) -> String {
    let s = fixed(v, decimals);
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

fn pow10(n: u32) -> f64 {
    let mut p = 1.0;
    for _ in 0..n.min(400) {
        p *= 10.0;
    }
    p
}

#[cfg(test)]
mod text_tests {
    use super::*;

    #[test]
    fn test_fixed_matches_std_formatting() {
        for v in [0.0, 1.0, 12.34, 99.95, -3.25, 720.0, 1234.5678, 0.04, 1e-9] {
            for d in 0..4 {
                let ours = fixed(v, d);
                let std = format!("{v:.*}", d as usize);
                // Only exact halves may round differently (away from zero vs. the binary value).
                let same = ours == std
                    || (ours.parse::<f64>().unwrap() - std.parse::<f64>().unwrap()).abs()
                        <= 1.01 / 10f64.powi(d as i32);
                assert!(same, "{v} .{d}: {ours} vs {std}");
            }
        }
        assert_eq!(fixed(-0.01, 1), "0.0");
        assert_eq!(fixed(-1.0, 3), "-1.000");
        assert_eq!(fixed(f64::NAN, 1), "0.0");
    }

    #[test]
    fn test_trimmed_drops_trailing_zeros() {
        assert_eq!(trimmed(1.5, 3), "1.5");
        assert_eq!(trimmed(10.0, 3), "10");
        assert_eq!(trimmed(0.025, 3), "0.025");
        assert_eq!(trimmed(-0.0001, 3), "0");
        assert_eq!(trimmed(60.0, 0), "60");
    }

    #[test]
    fn test_parse_decimal_reads_what_parse_f64_reads() {
        for s in [
            "0",
            "150",
            "0.5",
            ".25",
            "5.",
            "-2",
            "+3.75",
            "0.025",
            "1000000000",
            "12.345678",
            "007",
            "0.1",
            "99.99",
        ] {
            assert_eq!(parse_decimal(s), s.parse::<f64>().ok(), "{s}");
        }
        for s in [
            "", "-", ".", "1e3", "1.2.3", "abc", " 1", "inf", "NaN", "1_000",
        ] {
            assert_eq!(parse_decimal(s), None, "{s}");
        }
    }

    #[test]
    fn test_times_print_without_float_formatting() {
        assert_eq!(Instant(12_345_678).to_string(), "12.346 ms");
        assert_eq!(Duration(0).to_string(), "0.000 ms");
        assert_eq!(ns_to_ms_text(1_500_000), "1.5");
        assert_eq!(ns_to_ms_text(25_000), "0.025");
        assert_eq!(ns_to_ms_text(10_000_000), "10");
        assert_eq!(ns_to_ms_text(1), "0.000001");
    }
}
