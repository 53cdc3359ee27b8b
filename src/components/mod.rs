//! The views. Each is a small function component with typed props; none of
//! them decides anything about the protocol: they only draw the run.

pub mod badges;
pub mod capture;
pub mod controls;
pub mod event_log;
pub mod explanation;
pub mod fate_menu;
pub mod icons;
pub mod ladder;
pub mod learn;
pub mod learning_modes;
pub mod notices;
pub mod server;
pub mod setup;
pub mod share;
pub mod state_diagram;
pub mod timers;

use tcp_lab_content::Lang;
use tcp_sim::{Fate, SegmentRecord, Symbols};

use crate::i18n::{t, Ui};
use tcp_lab_model::flight::Flight;
use tcp_lab_model::view::NumberMode;
use tcp_lab_model::Playhead;

/// An SVG coordinate. One decimal is plenty on screen; integer formatting
/// keeps core's float formatting out of the bundle (see [`crate::numtext`]).
pub fn num(v: f64) -> String {
    crate::numtext::fixed(v, 1)
}

/// SVG points or path data: the numbers, one decimal each, separated by
/// `sep` (e.g. `" "`), with an optional prefix per number (`"M"`, `"L"`, `""`).
pub fn coords(parts: &[(&str, f64)]) -> String {
    let mut out = String::new();
    for (prefix, v) in parts {
        out.push_str(prefix);
        crate::numtext::push_fixed(&mut out, *v, 1);
    }
    out
}

/// "seq=1 ack=1 len=100", relative to each side's ISN, absolute, or with the
/// textbook's letters ("seq=u ack=w+1", derived from the run: `symbols`).
///
/// An injected old segment belongs to an earlier connection: the core
/// gives its number relative to the sender's ISN in this one (far below
/// it, e.g. -99999), which is written "seq=ISN-99999" rather than as if it
/// were a position in this connection's stream; so are the numbers of the
/// answers to it that fall below an ISN.
pub fn segment_numbers(seg: &SegmentRecord, mode: NumberMode, symbols: &Symbols) -> String {
    let s = &seg.segment;
    if mode == NumberMode::Symbolic {
        let mut out = format!("seq={}", symbols.seq(seg));
        if let Some(ack) = symbols.ack(seg) {
            out.push_str(&format!(" ack={ack}"));
        }
        if s.len > 0 {
            out.push_str(&format!(" len={}", s.len));
        }
        return out;
    }
    let absolute = mode == NumberMode::Absolute;
    let mut out = if absolute {
        format!("seq={}", s.seq)
    } else {
        match seg.seq_rel {
            Some(v) => relative("seq", v, seg.injected),
            None => format!("seq={}", s.seq),
        }
    };
    if s.flags.ack() {
        let ack = if absolute {
            format!("ack={}", s.ack)
        } else {
            match seg.ack_rel {
                Some(v) => relative("ack", v, false),
                None => format!("ack={}", s.ack),
            }
        };
        out.push(' ');
        out.push_str(&ack);
    }
    if s.len > 0 {
        out.push_str(&format!(" len={}", s.len));
    }
    out
}

/// `seq=5`, or, for a number below the ISN it is counted from (an answer to
/// an old segment) or one of an old segment, `seq=ISN-99999`.
fn relative(name: &str, v: i64, old: bool) -> String {
    if v < 0 {
        format!("{name}=ISN{v}")
    } else if old {
        format!("{name}=ISN+{v}")
    } else {
        format!("{name}={v}")
    }
}

/// The value of `data-fate` at the playhead.
pub fn fate_key(seg: &SegmentRecord, flight: &Flight, p: Playhead) -> &'static str {
    if flight.in_flight(p) {
        "in-flight"
    } else {
        seg.fate.key()
    }
}

/// The fate in words, as the learner sees it at the playhead.
pub fn fate_words(lang: Lang, seg: &SegmentRecord, flight: &Flight, p: Playhead) -> &'static str {
    if flight.in_flight(p) {
        return t(lang, Ui::InFlight);
    }
    match seg.fate {
        Fate::Delivered => t(lang, Ui::Delivered),
        Fate::Lost => t(lang, Ui::Lost),
        Fate::Delayed(_) => t(lang, Ui::Delayed),
        Fate::Duplicated => t(lang, Ui::Duplicated),
    }
}

/// A playhead time for people: "start", "20.05 ms" or "4 min".
pub fn playhead_text(lang: Lang, p: Playhead) -> String {
    match p {
        Playhead::Start => t(lang, Ui::BeforeStart).to_string(),
        Playhead::At(at) => crate::i18n::fmt_time(lang, at.as_ms()),
    }
}
