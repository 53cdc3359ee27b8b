//! Numbers as text without Rust's float formatting and parsing machinery.
//!
//! `format!("{:.1}", x)` and `str::parse::<f64>` each pull several kilobytes
//! of code and tables into the WebAssembly bundle; everything the app shows
//! needs at most a few decimals, which integer formatting does exactly.

pub use tcp_sim::time::parse_decimal;

/// `v` limited to `[lo, hi]` (NaN gives `lo`). Unlike `f64::clamp`, it
/// cannot panic, so it brings no float `Debug` formatting into the bundle.
pub fn clamp(v: f64, lo: f64, hi: f64) -> f64 {
    v.max(lo).min(hi)
}

/// `v` with exactly `decimals` decimals (at most 6), like `format!("{v:.N}")`
/// (halves round away from zero, and a negative zero is written "0").
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

#[cfg(test)]
mod tests {
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
}
