//! The interface's words, composed: the texts themselves (labels, notices,
//! the templates of composed lines) are in `tcp-lab-content` (`Ui`, in the
//! text pack with the explanations); this file only picks the text for a
//! value of the core or the model and fills in its `{names}`. No language is
//! written here.

use tcp_lab_content::{fill_text, ui_text, Lang};
use tcp_sim::{AppFailure, ConnError, Dir, FaultAction, ProfileName, Side};

pub use tcp_lab_content::{language_name, Ui, CRASH_MESSAGE};

use tcp_lab_model::notices::Notice;
use tcp_lab_model::setup::StepError;

/// An interface text in `lang`.
pub fn t(lang: Lang, ui: Ui) -> &'static str {
    ui_text(ui, lang)
}

/// An interface template in `lang` with its `{names}` filled.
pub fn tf(lang: Lang, ui: Ui, values: &[(&str, &str)]) -> String {
    fill_text(t(lang, ui), values)
}

pub fn side_name(lang: Lang, side: Side) -> &'static str {
    match side {
        Side::Client => t(lang, Ui::Client),
        Side::Server => t(lang, Ui::Server),
    }
}

/// What a letter of the symbolic number mode stands for, e.g. "the client's ISN".
pub fn symbol_meaning(lang: Lang, symbol: tcp_sim::Symbol, side: Side) -> &'static str {
    use tcp_sim::Symbol::*;
    t(
        lang,
        match (symbol, side) {
            (X | Y, Side::Client) => Ui::ClientIsn,
            (X | Y, Side::Server) => Ui::ServerIsn,
            (U | W, Side::Client) => Ui::ClientFinSeq,
            (U | W, Side::Server) => Ui::ServerFinSeq,
            (V, Side::Client) => Ui::ClientFinAckSeq,
            (V, Side::Server) => Ui::ServerFinAckSeq,
        },
    )
}

pub fn dir_name(lang: Lang, dir: Dir) -> &'static str {
    match dir {
        Dir::C2S => t(lang, Ui::ClientToServer),
        Dir::S2C => t(lang, Ui::ServerToClient),
    }
}

pub fn profile_name(lang: Lang, profile: ProfileName) -> &'static str {
    match profile {
        ProfileName::Rfc => t(lang, Ui::ProfileRfcName),
        ProfileName::Linux => t(lang, Ui::ProfileLinuxName),
    }
}

/// "Label: value", with the language's colon.
pub fn label_value(lang: Lang, label: &str, value: &str) -> String {
    tf(lang, Ui::LabelValue, &[("label", label), ("value", value)])
}

/// One line next to the profile switch: how this profile closes a connection, and what the
/// other one does differently.
pub fn profile_note(lang: Lang, profile: ProfileName) -> &'static str {
    match profile {
        ProfileName::Rfc => t(lang, Ui::ProfileRfcNote),
        ProfileName::Linux => t(lang, Ui::ProfileLinuxNote),
    }
}

/// The name of a transport control an embed can show (`&controls=`), for the Embed panel.
pub fn control_label(lang: Lang, control: &str) -> Option<String> {
    Some(match control {
        "play" => t(lang, Ui::Play).to_string(),
        "step" => format!("{} / {}", t(lang, Ui::StepBack), t(lang, Ui::StepForward)),
        "scrub" => t(lang, Ui::Scrubber).to_string(),
        "reset" => t(lang, Ui::Reset).to_string(),
        "end" => t(lang, Ui::JumpToEnd).to_string(),
        "speed" => t(lang, Ui::Speed).to_string(),
        _ => return None,
    })
}

/// A name for a kind of segment, as in "the next SYN-ACK".
pub fn flags_name(lang: Lang, flags: &str) -> String {
    match flags {
        "S" => "SYN",
        "SA" => "SYN-ACK",
        "A" => "ACK",
        "PA" => t(lang, Ui::DataSegmentKind),
        "FA" => "FIN-ACK",
        "R" => "RST",
        "RA" => "RST-ACK",
        other => other,
    }
    .to_string()
}

pub fn action_name(lang: Lang, action: FaultAction) -> String {
    match action {
        FaultAction::Drop => t(lang, Ui::Drop).to_string(),
        FaultAction::Duplicate => t(lang, Ui::Duplicate).to_string(),
        FaultAction::Delay(d) => tf(
            lang,
            Ui::DelayByTime,
            &[("time", &fmt_time(lang, d.as_ms()))],
        ),
    }
}

/// "Drop segment #3" or "Drop the 2nd SYN-ACK (server → client)".
pub fn fault_text(lang: Lang, fault: &tcp_sim::Fault) -> String {
    let action = action_name(lang, fault.action);
    match fault.matches {
        tcp_sim::FaultMatch::Id(id) => tf(
            lang,
            Ui::FaultOnSegment,
            &[("action", &action), ("id", &id.to_string())],
        ),
        tcp_sim::FaultMatch::Flags { dir, flags, nth } => {
            let what = flags_name(lang, &flags.to_string());
            let dir = dir_name(lang, dir);
            match nth {
                Some(n) => tf(
                    lang,
                    Ui::FaultOnNth,
                    &[
                        ("action", &action),
                        ("nth", &ordinal_en(n)),
                        ("n", &n.to_string()),
                        ("what", &what),
                        ("dir", dir),
                    ],
                ),
                None => tf(
                    lang,
                    Ui::FaultOnEvery,
                    &[("action", &action), ("what", &what), ("dir", dir)],
                ),
            }
        }
    }
}

/// "the 2nd": the English template's `{nth}` (the Chinese one counts with `{n}`).
fn ordinal_en(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("the {n}{suffix}")
}

pub fn failure_text(lang: Lang, failure: AppFailure) -> &'static str {
    t(
        lang,
        match failure {
            AppFailure::Conn(ConnError::Refused) => Ui::ConnRefused,
            AppFailure::Conn(ConnError::Reset) => Ui::ConnReset,
            AppFailure::Conn(ConnError::TimedOut) => Ui::ConnTimedOut,
            AppFailure::Conn(ConnError::NotConnected) => Ui::ConnNotConnected,
            AppFailure::Conn(ConnError::AlreadyClosed) => Ui::ConnAlreadyClosed,
            AppFailure::Conn(ConnError::AddrNotAvailable) => Ui::ConnAddrNotAvailable,
            AppFailure::EofBeforeData => Ui::EofBeforeData,
        },
    )
}

/// The application step that failed, and how.
pub fn failure_line(lang: Lang, side: Side, step: &str, failure: AppFailure) -> String {
    let why = failure_text(lang, failure);
    tf(
        lang,
        Ui::StepFailedLine,
        &[("who", side_name(lang, side)), ("step", step), ("why", why)],
    )
}

pub fn timer_fired_line(lang: Lang, side: Side, label: &str) -> String {
    tf(
        lang,
        Ui::TimerExpiredLine,
        &[("who", side_name(lang, side)), ("timer", label)],
    )
}

pub fn lost_line(lang: Lang, id: usize, flags: &str) -> String {
    tf(
        lang,
        Ui::LostOnLinkLine,
        &[("id", &id.to_string()), ("flags", flags)],
    )
}

pub fn notice_text(lang: Lang, notice: &Notice) -> String {
    use tcp_lab_model::setup::{DEFAULT_PROFILE, DEFAULT_SCENARIO};
    let default = t(lang, Ui::UsedTheDefault);
    let (param, value, valid, used): (&str, &String, String, String) = match notice {
        Notice::UnknownLang(v) => (
            "lang",
            v,
            "en, zh".into(),
            t(lang, Ui::UsedBrowserLanguage).into(),
        ),
        Notice::UnknownScenario(v) => (
            "scenario",
            v,
            tcp_sim::named::NAMES
                .iter()
                .chain(&tcp_sim::named::SERVER_NAMES)
                .copied()
                .collect::<Vec<_>>()
                .join(", "),
            DEFAULT_SCENARIO.into(),
        ),
        Notice::UnknownProfile(v) => (
            "profile",
            v,
            "rfc, linux".into(),
            DEFAULT_PROFILE.key().into(),
        ),
        Notice::UnknownSpeed(v) => (
            "speed",
            v,
            tcp_lab_model::view::SPEED_TEXT.join(", "),
            "1".into(),
        ),
        Notice::UnknownAutoplay(v) => (
            "autoplay",
            v,
            "1, 0".into(),
            t(lang, Ui::UsedNoAutoplay).into(),
        ),
        Notice::Ignored(k, v) => {
            let (valid, left_out) = param_hint(lang, k);
            let used = if left_out {
                t(lang, Ui::UsedNothing)
            } else {
                default
            };
            (k.as_str(), v, valid, used.into())
        }
        Notice::UnusedFault(k, v, kinds) => {
            return tf(
                lang,
                Ui::NoticeUnusedFault,
                &[("param", k), ("value", v), ("kinds", kinds)],
            )
        }
        Notice::UnknownVersion(v) => return tf(lang, Ui::NoticeUnknownVersion, &[("version", v)]),
        Notice::TooMany(n) => return tf(lang, Ui::NoticeTooMany, &[("count", &n.to_string())]),
        Notice::TextFailed(l) => {
            return tf(
                lang,
                Ui::NoticeTextFailed,
                &[("language", language_name(*l))],
            )
        }
        Notice::TooLong => return t(lang, Ui::NoticeTooLong).to_string(),
    };
    tf(
        lang,
        Ui::NoticeIgnored,
        &[
            ("param", param),
            ("value", value),
            ("valid", &valid),
            ("used", &used),
        ],
    )
}

/// What a link parameter accepts, in the learner's language, and whether a bad value is
/// simply left out (a fault, a list of steps) rather than replaced by a default.
pub fn param_hint(lang: Lang, key: &str) -> (String, bool) {
    let said = |ui: Ui| t(lang, ui).to_string();
    match key {
        "drop" | "dup" => (said(Ui::HintFault), true),
        "delay" => (said(Ui::HintDelay), true),
        "c" | "s" => (
            tf(
                lang,
                Ui::HintSteps,
                &[("verbs", &tcp_sim::STEP_VERBS.join(", "))],
            ),
            true,
        ),
        "delay_ms" => (said(Ui::HintDelayMs), false),
        "loss" => (said(Ui::HintLoss), false),
        "seed" => (said(Ui::HintSeed), false),
        "step" => (said(Ui::HintStep), false),
        "nums" => ("abs, rel".to_string(), false),
        "backlog" | "flood" | "accept_delay" | "reconnect" | "conn" => {
            use tcp_lab_model::setup::{MAX_ACCEPT_DELAY_MS, MAX_BACKLOG, MAX_FLOOD};
            let max = match key {
                "backlog" => MAX_BACKLOG as u64,
                "flood" => MAX_FLOOD as u64,
                "accept_delay" => MAX_ACCEPT_DELAY_MS as u64,
                "reconnect" => 10_000,
                _ => 10_000_000,
            };
            (
                tf(lang, Ui::HintWholeNumber, &[("max", &max.to_string())]),
                false,
            )
        }
        "controls" => (tcp_lab_model::view::CONTROLS.join(", "), false),
        "learn" => ("lessons, glossary".to_string(), false),
        // On/off switches: embed, compact, quiz, plain, bi.
        _ => ("1, 0".to_string(), false),
    }
}

pub fn step_error_text(lang: Lang, e: &StepError) -> String {
    let why = step_error_reason(lang, &e.error);
    tf(
        lang,
        Ui::StepErrorLine,
        &[
            ("line", &e.line.to_string()),
            ("text", &e.text),
            ("why", &why),
        ],
    )
}

/// Why a step could not be read, in the learner's language (the core's `Display` is English).
pub fn step_error_reason(lang: Lang, e: &tcp_sim::StepError) -> String {
    use tcp_sim::{NumberUnit, StepError as E};
    let said = |ui: Ui| t(lang, ui).to_string();
    match e {
        E::Empty => said(Ui::StepIsEmpty),
        E::TooManyWords { step } => tf(lang, Ui::StepTooManyWords, &[("step", step)]),
        E::UnknownVerb { verb } => tf(
            lang,
            Ui::StepUnknownVerb,
            &[("verb", verb), ("verbs", &tcp_sim::STEP_VERBS.join(", "))],
        ),
        E::TakesNoArgument { verb } => tf(lang, Ui::StepTakesNoNumber, &[("verb", verb)]),
        E::MissingNumber { verb, unit } => {
            let unit = t(
                lang,
                match unit {
                    NumberUnit::Bytes => Ui::AByteCount,
                    NumberUnit::Milliseconds => Ui::ANumberOfMilliseconds,
                },
            );
            tf(lang, Ui::StepNeedsNumber, &[("verb", verb), ("unit", unit)])
        }
        E::NotANumber { value, .. } => tf(lang, Ui::StepNotANumber, &[("value", value)]),
        E::Negative { .. } => said(Ui::StepNegative),
        E::BadByteCount { .. } => said(Ui::StepBadByteCount),
        E::WaitTooLong { .. } => tf(
            lang,
            Ui::StepWaitTooLong,
            &[("max", &fmt_time(lang, tcp_sim::Step::MAX_MS))],
        ),
    }
}

/// Said when the learner arms a fate for a kind of segment the run sends no more of.
pub fn arm_refused_text(lang: Lang, what: &str) -> String {
    tf(lang, Ui::ArmRefused, &[("what", what)])
}

/// "Drop, delay or duplicate the next …" form's accessible name.
pub fn arm_label(lang: Lang) -> &'static str {
    t(lang, Ui::ArmFormLabel)
}

/// The accessible name of a ladder segment. It starts with `chip`, the text
/// written along the arrow, so the name contains what is seen.
pub fn segment_label(lang: Lang, id: usize, dir: Dir, chip: &str, fate: &str) -> String {
    tf(
        lang,
        Ui::SegmentName,
        &[
            ("chip", chip),
            ("id", &id.to_string()),
            ("dir", dir_name(lang, dir)),
            ("fate", fate),
        ],
    )
}

pub fn transition_line(lang: Lang, side: Side, from: &str, to: &str) -> String {
    tf(
        lang,
        Ui::TransitionLine,
        &[("who", side_name(lang, side)), ("from", from), ("to", to)],
    )
}

/// A time or duration given in milliseconds, for people, in one format everywhere the app shows
/// a time: "25 µs" below a millisecond, "20.05 ms" below a second, "47.025 s" below three
/// minutes, then "4 min" or "4 min 0.06 s" (and hours from three hours on). At most three
/// decimals, no trailing zeros. Exact values stay in `data-time-ms` attributes.
pub fn fmt_time(lang: Lang, ms: f64) -> String {
    let ms = if ms.is_finite() { ms.max(0.0) } else { 0.0 };
    let unit = |u: TimeUnit| time_unit(lang, u);
    let num = |v: f64, d: u32| crate::numtext::trimmed(v, d);
    if ms == 0.0 {
        return format!("0 {}", unit(TimeUnit::Ms));
    }
    if ms < 1.0 {
        let us = num(ms * 1000.0, 1);
        // 0.99996 ms rounds to "1000 µs": say "1 ms" instead.
        if us != "1000" {
            return format!("{us} {}", unit(TimeUnit::Us));
        }
    }
    if ms < 1000.0 {
        let text = num(ms, 3);
        if text != "1000" {
            return format!("{text} {}", unit(TimeUnit::Ms));
        }
    }
    const MIN: f64 = 60_000.0;
    const HOUR: f64 = 60.0 * MIN;
    if ms < 3.0 * MIN {
        return format!("{} {}", num(ms / 1000.0, 3), unit(TimeUnit::S));
    }
    // Round to whole milliseconds first, so the parts add up.
    let total = ms.round();
    let (hours, rest) = if total >= 3.0 * HOUR {
        ((total / HOUR).floor(), total % HOUR)
    } else {
        (0.0, total)
    };
    let (mins, secs) = ((rest / MIN).floor(), (rest % MIN) / 1000.0);
    let mut parts = Vec::new();
    if hours > 0.0 {
        parts.push(format!("{} {}", num(hours, 0), unit(TimeUnit::H)));
    }
    if mins > 0.0 || hours == 0.0 {
        parts.push(format!("{} {}", num(mins, 0), unit(TimeUnit::Min)));
    }
    if secs > 0.0 {
        parts.push(format!("{} {}", num(secs, 3), unit(TimeUnit::S)));
    }
    parts.join(" ")
}

#[derive(Clone, Copy)]
enum TimeUnit {
    Us,
    Ms,
    S,
    Min,
    H,
}

fn time_unit(lang: Lang, u: TimeUnit) -> &'static str {
    t(
        lang,
        match u {
            TimeUnit::Us => Ui::Microseconds,
            TimeUnit::Ms => Ui::Milliseconds,
            TimeUnit::S => Ui::Seconds,
            TimeUnit::Min => Ui::Minutes,
            TimeUnit::H => Ui::Hours,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_formatted_labels_differ_by_language() {
        let f = tcp_sim::Fault::new(Dir::S2C, "SA", Some(2), FaultAction::Drop);
        assert_eq!(
            fault_text(Lang::En, &f),
            "Drop: the 2nd SYN-ACK (server → client)"
        );
        assert_ne!(fault_text(Lang::Zh, &f), fault_text(Lang::En, &f));
        assert_eq!(ordinal_en(11), "the 11th");
        assert_eq!(ordinal_en(23), "the 23rd");
        let n = Notice::UnknownSpeed("3".into());
        assert_ne!(notice_text(Lang::Zh, &n), notice_text(Lang::En, &n));
    }

    #[test]
    fn test_times_read_well_in_one_format() {
        let en = |ms| fmt_time(Lang::En, ms);
        assert_eq!(en(0.0), "0 ms");
        assert_eq!(en(-0.0001), "0 ms");
        assert_eq!(en(0.025), "25 µs");
        assert_eq!(en(0.99999), "1 ms");
        assert_eq!(en(20.05), "20.05 ms");
        assert_eq!(en(999.9999), "1 s");
        assert_eq!(en(1500.0), "1.5 s");
        assert_eq!(en(13_000.0), "13 s");
        assert_eq!(en(47_025.245), "47.025 s");
        assert_eq!(en(179_999.0), "179.999 s");
        assert_eq!(en(240_000.0), "4 min");
        assert_eq!(en(240_060.0), "4 min 0.06 s");
        assert_eq!(en(1e9), "277 h 46 min 40 s");
        assert_eq!(fmt_time(Lang::Zh, 60_000.0), "60 秒");
        assert_eq!(fmt_time(Lang::Zh, 240_060.0), "4 分钟 0.06 秒");
        assert_eq!(fmt_time(Lang::Zh, 0.025), "25 微秒");
    }

    #[test]
    fn test_step_errors_are_said_in_both_languages() {
        let e = tcp_sim::Step::parse("send lots").unwrap_err();
        assert_eq!(step_error_reason(Lang::En, &e), "“lots” is not a number");
        assert_eq!(step_error_reason(Lang::Zh, &e), "“lots”不是数字");
        for text in [
            "",
            "a b c",
            "jump",
            "close 1",
            "send",
            "send x",
            "send -1",
            "recv 0.5",
            "at 9999999999",
        ] {
            let e = tcp_sim::Step::parse(text).unwrap_err();
            let zh = step_error_reason(Lang::Zh, &e);
            assert_ne!(zh, step_error_reason(Lang::En, &e), "{text}");
            assert!(
                !zh.contains("step") && !zh.contains("expected"),
                "{text}: {zh}"
            );
        }
    }
}
