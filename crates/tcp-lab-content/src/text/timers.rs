//! TIMERS: the short label shown for each timer on the ladder and in the log.
//!
//! How to edit: find the timer (e.g. `TimerKind::TimeWait`), then the
//! language, and change the text between the quotes. Keep labels short (a
//! few words); the explanations of what a timer does live in
//! `transitions.rs` and `segments.rs`.
//!
//! A new timer in the core makes this file fail to compile until it has a
//! label in both languages.

use crate::Lang::{self, En, Zh};
use tcp_sim::TimerKind;

pub(crate) fn label(kind: TimerKind, lang: Lang) -> &'static str {
    match kind {
        TimerKind::RetransmitSyn => match lang {
            En => "SYN retransmission timer",
            Zh => "SYN 重传计时器",
        },
        TimerKind::RetransmitSynAck => match lang {
            En => "SYN-ACK retransmission timer",
            Zh => "SYN-ACK 重传计时器",
        },
        TimerKind::RetransmitData => match lang {
            En => "Data retransmission timer (RTO)",
            Zh => "数据重传计时器（RTO）",
        },
        TimerKind::RetransmitFin => match lang {
            En => "FIN retransmission timer",
            Zh => "FIN 重传计时器",
        },
        TimerKind::DelayedAck => match lang {
            En => "Delayed-ACK timer",
            Zh => "延迟确认计时器",
        },
        TimerKind::TimeWait => match lang {
            En => "TIME-WAIT timer",
            Zh => "TIME-WAIT 计时器",
        },
        TimerKind::FinWait2 => match lang {
            En => "FIN-WAIT-2 timeout",
            Zh => "FIN-WAIT-2 超时计时器",
        },
        TimerKind::Keepalive => match lang {
            En => "Keepalive timer",
            Zh => "保活计时器",
        },
    }
}
