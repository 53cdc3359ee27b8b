//! Numbers as text without Rust's float formatting and parsing machinery.
//!
//! `format!("{:.1}", x)` and `str::parse::<f64>` each pull several kilobytes
//! of code and tables into the WebAssembly bundle; everything the app shows
//! needs at most a few decimals, which integer formatting does exactly.

pub use tcp_sim::time::{fixed, parse_decimal, push_fixed, trimmed};

/// `v` limited to `[lo, hi]` (NaN gives `lo`). Unlike `f64::clamp`, it
/// cannot panic, so it brings no float `Debug` formatting into the bundle.
pub fn clamp(v: f64, lo: f64, hi: f64) -> f64 {
    v.max(lo).min(hi)
}
