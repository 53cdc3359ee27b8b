//! The numbers the texts quote about retry limits, computed from the core's rules.
//!
//! A text never types "10 retries" or "131 s": it writes `{linux_syn_retries}` or
//! `{linux_syn_give_up_s}`, and [`fill_limits`] puts in what [`tcp_sim::Profile`] computes,
//! so the text cannot drift from what the simulator does.

use std::borrow::Cow;

use tcp_sim::server::cookie::MSS_TABLE;
use tcp_sim::server::setup::{ListenerSettings, DEFAULT_PORT_RANGE};
use tcp_sim::{Duration, Profile, ProfileName, Retransmitted, RetryLimit};

/// How many ports Linux's default `ip_local_port_range` holds.
fn port_count() -> u32 {
    let (lo, hi) = DEFAULT_PORT_RANGE;
    u32::from(hi - lo) + 1
}

use crate::fill::{fill, Value};
use crate::Lang;

/// Replaces the retry-limit placeholders in `text`; other placeholders stay as written.
///
/// ```
/// use tcp_lab_content::{fill_limits, Lang};
/// assert_eq!(fill_limits("{linux_syn_retries} SYNs", Lang::En), "10 SYNs");
/// ```
pub fn fill_limits(text: &str, lang: Lang) -> Cow<'_, str> {
    if !text.contains('{') {
        return Cow::Borrowed(text);
    }
    Cow::Owned(fill(text, |name| limit_value(name, lang)))
}

/// Every placeholder [`fill_limits`] knows, for the completeness tests.
pub const LIMIT_PLACEHOLDERS: [&str; 23] = [
    "linux_syn_retries",
    "linux_tcp_syn_retries",
    "linux_tcp_syn_linear_timeouts",
    "linux_syn_intervals",
    "linux_syn_give_up_s",
    "rfc_syn_retries",
    "rfc_syn_intervals",
    "rfc_syn_give_up_s",
    "linux_synack_retries",
    "linux_synack_give_up_s",
    "linux_tcp_retries2",
    "linux_data_budget_s",
    "linux_orphan_budget_s",
    "linux_fin_timeout_s",
    "linux_keepalive_time_s",
    "linux_keepalive_intvl_s",
    "linux_keepalive_probes",
    "linux_time_wait_s",
    "linux_port_range",
    "linux_port_count",
    "linux_ports_per_s",
    "linux_somaxconn",
    "cookie_mss_table",
];

fn secs(d: Duration) -> Value {
    Value::Ms(d.as_ms() / 1000.0)
}

/// The gaps between successive sends, in seconds, as a list in the language's style.
fn intervals(schedule: &[Duration], lang: Lang) -> Value {
    let mut prev = Duration::ZERO;
    let gaps: Vec<String> = schedule
        .iter()
        .map(|&t| {
            let gap = Duration(t.0 - prev.0);
            prev = t;
            crate::fill::fmt_ms(gap.as_ms() / 1000.0)
        })
        .collect();
    Value::Text(gaps.join(match lang {
        Lang::En => ", ",
        Lang::Zh => "、",
    }))
}

fn budget(profile: &Profile, what: Retransmitted) -> Option<Value> {
    match profile.retry_limit(what) {
        RetryLimit::Budget(d) => Some(secs(d)),
        RetryLimit::Count(_) => None,
    }
}

pub(crate) fn limit_value(name: &str, lang: Lang) -> Option<Value> {
    let linux = Profile::linux();
    let rfc = Profile::rfc();
    let count = |p: &Profile, what| match p.retry_limit(what) {
        RetryLimit::Count(n) => Some(Value::Int(n.into())),
        RetryLimit::Budget(_) => None,
    };
    match name {
        "linux_syn_retries" => count(&linux, Retransmitted::Syn),
        "linux_tcp_syn_retries" => Some(Value::Int(linux.retries.syn.into())),
        "linux_tcp_syn_linear_timeouts" => Some(Value::Int(linux.retries.syn_linear.into())),
        "linux_syn_intervals" => Some(intervals(&linux.syn_schedule().0, lang)),
        "linux_syn_give_up_s" => Some(secs(linux.syn_schedule().1)),
        "rfc_syn_retries" => count(&rfc, Retransmitted::Syn),
        "rfc_syn_intervals" => Some(intervals(&rfc.syn_schedule().0, lang)),
        "rfc_syn_give_up_s" => Some(secs(rfc.syn_schedule().1)),
        "linux_synack_retries" => count(&linux, Retransmitted::SynAck),
        "linux_synack_give_up_s" => Some(secs(linux.synack_schedule().1)),
        "linux_tcp_retries2" => Some(Value::Int(linux.retries.data.into())),
        "linux_data_budget_s" => budget(&linux, Retransmitted::Data),
        "linux_orphan_budget_s" => budget(&linux, Retransmitted::OrphanData { alive: true }),
        "linux_fin_timeout_s" => linux.fin_wait_2_timeout.map(secs),
        "linux_keepalive_time_s" => Some(secs(linux.keepalive.time)),
        "linux_keepalive_intvl_s" => Some(secs(linux.keepalive.interval)),
        "linux_keepalive_probes" => Some(Value::Int(linux.keepalive.probes.into())),
        "linux_time_wait_s" => Some(secs(linux.time_wait)),
        "linux_port_range" => {
            let (lo, hi) = DEFAULT_PORT_RANGE;
            Some(Value::Text(format!("{lo}–{hi}")))
        }
        "linux_port_count" => Some(Value::Int(port_count().into())),
        // Connections per second to one server address and port that TIME-WAIT allows
        // without tcp_tw_reuse: every port is held for the whole TIME-WAIT.
        "linux_ports_per_s" => Some(Value::Int(
            (f64::from(port_count()) / (linux.time_wait.as_ms() / 1000.0)) as i64,
        )),
        "linux_somaxconn" => Some(Value::Int(
            ListenerSettings::default()
                .resolve(ProfileName::Linux)
                .somaxconn
                .into(),
        )),
        "cookie_mss_table" => {
            let list: Vec<String> = MSS_TABLE.iter().map(u16::to_string).collect();
            Some(Value::Text(list.join(match lang {
                Lang::En => ", ",
                Lang::Zh => "、",
            })))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_every_placeholder_has_a_value_in_both_languages() {
        for name in LIMIT_PLACEHOLDERS {
            for lang in [Lang::En, Lang::Zh] {
                assert!(limit_value(name, lang).is_some(), "{name}");
            }
        }
    }

    #[test]
    fn test_linux_numbers_follow_the_rules() {
        let f = |t| fill_limits(t, Lang::En).into_owned();
        assert_eq!(f("{linux_syn_retries}"), "10");
        assert_eq!(f("{linux_syn_intervals}"), "1, 1, 1, 1, 1, 2, 4, 8, 16, 32");
        assert_eq!(f("{linux_syn_give_up_s}"), "131");
        assert_eq!(f("{rfc_syn_give_up_s}"), "183");
        assert_eq!(f("{linux_synack_give_up_s}"), "63");
        assert_eq!(f("{linux_data_budget_s}"), "924.6");
        assert_eq!(f("{linux_orphan_budget_s}"), "102.2");
        assert_eq!(
            f("{linux_time_wait_s} {linux_port_range} {linux_port_count} {linux_ports_per_s}"),
            "60 32768–60999 28232 470"
        );
        assert_eq!(
            f("{linux_somaxconn} {cookie_mss_table}"),
            "4096 536, 1300, 1440, 1460"
        );
        assert_eq!(
            f("{linux_keepalive_time_s} {linux_keepalive_intvl_s} {linux_keepalive_probes}"),
            "7200 75 9"
        );
        assert_eq!(
            fill_limits("{linux_syn_intervals}", Lang::Zh),
            "1、1、1、1、1、2、4、8、16、32"
        );
    }
}
