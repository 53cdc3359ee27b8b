//! UI labels (buttons, headings, notices) in English and Chinese. The teaching
//! text itself comes from `tcp-lab-content`; this file holds only the chrome.
//! Each label is an exhaustive `match` on [`Ui`] and then on [`Lang`], so a
//! missing translation is a compile error.

use tcp_lab_content::Lang;
use tcp_sim::{AppFailure, ConnError, Dir, FaultAction, ProfileName, Side};

use crate::model::setup::StepError;
use crate::model::url::Notice;

macro_rules! ui_labels {
    ($($name:ident),* $(,)?) => {
        /// A fixed UI label.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Ui { $($name),* }

        impl Ui {
            /// Every label, for the completeness test.
            pub const ALL: &'static [Ui] = &[$(Ui::$name),*];
        }
    };
}

ui_labels!(
    AppTitle,
    Tagline,
    Scenario,
    CustomScenario,
    Profile,
    LanguageSwitch,
    Controls,
    Play,
    Pause,
    StepBack,
    StepForward,
    Reset,
    JumpToEnd,
    FastForward,
    Scrubber,
    Speed,
    BeforeStart,
    Numbers,
    Relative,
    Absolute,
    BreakIt,
    TheNext,
    Arm,
    Drop,
    DelayBy,
    Duplicate,
    Milliseconds,
    YourFaults,
    NoFaults,
    ClearFaults,
    RemoveFault,
    FateMenuHint,
    FateNotInFlight,
    CloseMenu,
    Endpoints,
    Client,
    Server,
    NoTimer,
    StateDiagram,
    DiagramLegend,
    Ladder,
    Explanation,
    Why,
    Without,
    Specified,
    OnLinux,
    NothingYet,
    TimerExpired,
    EventLog,
    Setup,
    DelayMs,
    LossPct,
    Seed,
    ClientSteps,
    ServerSteps,
    StepsHelp,
    Apply,
    BadDelay,
    BadLoss,
    BadSeed,
    Dismiss,
    InFlight,
    Delivered,
    Lost,
    Delayed,
    Duplicated,
    Retransmission,
    OldDuplicate,
    Seconds,
    Truncated,
    // ---- Issue 4: learning modes ----
    Learn,
    Lessons,
    ChooseLesson,
    PickALesson,
    LessonGoal,
    CommonMistakes,
    MistakeClaim,
    MistakeCorrection,
    Continue,
    StartLesson,
    CloseLesson,
    StopOf,
    Check,
    Right,
    Wrong,
    LessonComplete,
    QuizMode,
    QuizHint,
    Score,
    PlainLanguage,
    Analogy,
    WhereItStops,
    Bilingual,
    Glossary,
    Knowledge,
    Fact,
    Confirmed,
    NotYet,
    LoadingText,
    TextFailed,
    UnknownLesson,
    LearnModes,
    Answer,
);

/// The text of a label.
pub fn t(lang: Lang, ui: Ui) -> &'static str {
    use Lang::{En, Zh};
    match ui {
        Ui::AppTitle => match lang {
            En => "TCP Lab",
            Zh => "TCP 实验室",
        },
        Ui::Tagline => match lang {
            En => "Watch a TCP connection open and close, then break it",
            Zh => "观察 TCP 连接的建立与关闭，再亲手制造故障",
        },
        Ui::Scenario => match lang {
            En => "Scenario",
            Zh => "场景",
        },
        Ui::CustomScenario => match lang {
            En => "Custom run",
            Zh => "自定义运行",
        },
        Ui::Profile => match lang {
            En => "Profile",
            Zh => "配置",
        },
        Ui::LanguageSwitch => match lang {
            En => "Language",
            Zh => "界面语言",
        },
        Ui::Controls => match lang {
            En => "Playback",
            Zh => "播放控制",
        },
        Ui::Play => match lang {
            En => "Play",
            Zh => "播放",
        },
        Ui::Pause => match lang {
            En => "Pause",
            Zh => "暂停",
        },
        Ui::StepBack => match lang {
            En => "Step back",
            Zh => "后退一步",
        },
        Ui::StepForward => match lang {
            En => "Step forward",
            Zh => "前进一步",
        },
        Ui::Reset => match lang {
            En => "Back to the start",
            Zh => "回到开头",
        },
        Ui::JumpToEnd => match lang {
            En => "Jump to the end",
            Zh => "跳到结尾",
        },
        Ui::FastForward => match lang {
            En => "Skip the long wait",
            Zh => "跳过漫长等待",
        },
        Ui::Scrubber => match lang {
            En => "Position in the run",
            Zh => "运行进度",
        },
        Ui::Speed => match lang {
            En => "Speed",
            Zh => "速度",
        },
        Ui::BeforeStart => match lang {
            En => "start",
            Zh => "开始前",
        },
        Ui::Numbers => match lang {
            En => "seq/ack",
            Zh => "序列号/确认号",
        },
        Ui::Relative => match lang {
            En => "relative",
            Zh => "相对",
        },
        Ui::Absolute => match lang {
            En => "absolute",
            Zh => "绝对",
        },
        Ui::BreakIt => match lang {
            En => "Break it",
            Zh => "制造故障",
        },
        Ui::TheNext => match lang {
            En => "the next",
            Zh => "下一个",
        },
        Ui::Arm => match lang {
            En => "Arm",
            Zh => "设定",
        },
        Ui::Drop => match lang {
            En => "Drop",
            Zh => "丢弃",
        },
        Ui::DelayBy => match lang {
            En => "Delay by",
            Zh => "延迟",
        },
        Ui::Duplicate => match lang {
            En => "Duplicate",
            Zh => "复制",
        },
        Ui::Milliseconds => match lang {
            En => "ms",
            Zh => "毫秒",
        },
        Ui::YourFaults => match lang {
            En => "Your changes",
            Zh => "你制造的故障",
        },
        Ui::NoFaults => match lang {
            En => "None yet: click a segment in flight, or arm a fate above.",
            Zh => "还没有：点击一个传输中的报文段，或在上方预设它的命运。",
        },
        Ui::ClearFaults => match lang {
            En => "Remove all",
            Zh => "全部移除",
        },
        Ui::RemoveFault => match lang {
            En => "Remove",
            Zh => "移除",
        },
        Ui::FateMenuHint => match lang {
            En => "Change what the network does to this segment:",
            Zh => "改变网络对这个报文段的处理：",
        },
        Ui::FateNotInFlight => match lang {
            En => "This segment is not in flight now. Step back until it is on the wire to change its fate.",
            Zh => "这个报文段现在不在传输途中。后退到它还在链路上时，才能改变它的命运。",
        },
        Ui::CloseMenu => match lang {
            En => "Close",
            Zh => "关闭",
        },
        Ui::Endpoints => match lang {
            En => "Endpoints",
            Zh => "两端状态",
        },
        Ui::Client => match lang {
            En => "Client",
            Zh => "客户端",
        },
        Ui::Server => match lang {
            En => "Server",
            Zh => "服务器",
        },
        Ui::NoTimer => match lang {
            En => "no timer running",
            Zh => "没有运行中的计时器",
        },
        Ui::StateDiagram => match lang {
            En => "RFC 9293 state diagram",
            Zh => "RFC 9293 状态图",
        },
        Ui::DiagramLegend => match lang {
            En => "C = client (solid outline), S = server (dashed outline); the lit arrows are each side's last transition.",
            Zh => "C = 客户端（实线框），S = 服务器（虚线框）；高亮箭头是各端最近一次状态转换。",
        },
        Ui::Ladder => match lang {
            En => "Segments between client and server over time",
            Zh => "客户端与服务器之间随时间传递的报文段",
        },
        Ui::Explanation => match lang {
            En => "What just happened",
            Zh => "刚刚发生了什么",
        },
        Ui::Why => match lang {
            En => "Why",
            Zh => "为什么",
        },
        Ui::Without => match lang {
            En => "Without it",
            Zh => "如果没有它",
        },
        Ui::Specified => match lang {
            En => "Specified in",
            Zh => "规范出处",
        },
        Ui::OnLinux => match lang {
            En => "On Linux",
            Zh => "在 Linux 上",
        },
        Ui::NothingYet => match lang {
            En => "Both endpoints are CLOSED. Press Play (or Space), or step forward with →.",
            Zh => "两端都处于 CLOSED。按“播放”（或空格键），或用 → 键逐步前进。",
        },
        Ui::TimerExpired => match lang {
            En => "expired",
            Zh => "到期",
        },
        Ui::EventLog => match lang {
            En => "Event log",
            Zh => "事件日志",
        },
        Ui::Setup => match lang {
            En => "Set up a run",
            Zh => "设置一次运行",
        },
        Ui::DelayMs => match lang {
            En => "One-way delay (ms)",
            Zh => "单向时延（毫秒）",
        },
        Ui::LossPct => match lang {
            En => "Random loss (%)",
            Zh => "随机丢包率（%）",
        },
        Ui::Seed => match lang {
            En => "Random seed",
            Zh => "随机种子",
        },
        Ui::ClientSteps => match lang {
            En => "Client application steps",
            Zh => "客户端应用步骤",
        },
        Ui::ServerSteps => match lang {
            En => "Server application steps",
            Zh => "服务器应用步骤",
        },
        Ui::StepsHelp => match lang {
            En => "One step per line: listen, connect, send N, recv N, recv_eof, shutdown, close, sleep MS, at MS.",
            Zh => "每行一个步骤：listen、connect、send N、recv N、recv_eof、shutdown、close、sleep 毫秒、at 毫秒。",
        },
        Ui::Apply => match lang {
            En => "Apply and restart",
            Zh => "应用并重新开始",
        },
        Ui::BadDelay => match lang {
            En => "Enter a delay from 0 to 10000 ms.",
            Zh => "请输入 0 到 10000 毫秒之间的时延。",
        },
        Ui::BadLoss => match lang {
            En => "Enter a loss rate from 0 to 100 %.",
            Zh => "请输入 0 到 100 之间的丢包率。",
        },
        Ui::BadSeed => match lang {
            En => "Enter a whole number of 0 or more.",
            Zh => "请输入不小于 0 的整数。",
        },
        Ui::Dismiss => match lang {
            En => "Dismiss",
            Zh => "关闭提示",
        },
        Ui::InFlight => match lang {
            En => "in flight",
            Zh => "传输中",
        },
        Ui::Delivered => match lang {
            En => "delivered",
            Zh => "已送达",
        },
        Ui::Lost => match lang {
            En => "lost",
            Zh => "已丢失",
        },
        Ui::Delayed => match lang {
            En => "delayed",
            Zh => "被延迟",
        },
        Ui::Duplicated => match lang {
            En => "duplicated",
            Zh => "被复制",
        },
        Ui::Retransmission => match lang {
            En => "retransmission",
            Zh => "重传",
        },
        Ui::OldDuplicate => match lang {
            En => "old duplicate",
            Zh => "旧的重复报文段",
        },
        Ui::Seconds => match lang {
            En => "s",
            Zh => "秒",
        },
        Ui::Truncated => match lang {
            En => "The run was cut short: it hit the simulator's safety limit.",
            Zh => "这次运行被截断：触及了模拟器的安全上限。",
        },
        // ---- Issue 4: learning modes ----
        Ui::Learn => match lang {
            En => "Learn",
            Zh => "学习",
        },
        Ui::Lessons => match lang {
            En => "Lessons",
            Zh => "课程",
        },
        Ui::ChooseLesson => match lang {
            En => "Lesson",
            Zh => "选择课程",
        },
        Ui::PickALesson => match lang {
            En => "Pick a lesson…",
            Zh => "请选择一节课…",
        },
        Ui::LessonGoal => match lang {
            En => "Goal",
            Zh => "学习目标",
        },
        Ui::CommonMistakes => match lang {
            En => "Common mistakes",
            Zh => "易错点",
        },
        Ui::MistakeClaim => match lang {
            En => "Wrong",
            Zh => "错误说法",
        },
        Ui::MistakeCorrection => match lang {
            En => "In fact",
            Zh => "实际上",
        },
        Ui::Continue => match lang {
            En => "Continue",
            Zh => "继续",
        },
        Ui::StartLesson => match lang {
            En => "Start the lesson",
            Zh => "开始本课",
        },
        Ui::CloseLesson => match lang {
            En => "Close the lesson",
            Zh => "退出本课",
        },
        Ui::StopOf => match lang {
            En => "Stop",
            Zh => "暂停点",
        },
        Ui::Check => match lang {
            En => "Check your understanding",
            Zh => "检验一下",
        },
        Ui::Right => match lang {
            En => "Right.",
            Zh => "答对了。",
        },
        Ui::Wrong => match lang {
            En => "Not quite.",
            Zh => "不太对。",
        },
        Ui::LessonComplete => match lang {
            En => "Lesson complete.",
            Zh => "本课完成。",
        },
        Ui::QuizMode => match lang {
            En => "Predict",
            Zh => "预测模式",
        },
        Ui::QuizHint => match lang {
            En => "Predict mode: the lab pauses before each delivery and asks what happens next.",
            Zh => "预测模式：每个报文段送达之前实验会暂停，请你预测接下来会发生什么。",
        },
        Ui::Score => match lang {
            En => "Score",
            Zh => "得分",
        },
        Ui::PlainLanguage => match lang {
            En => "Plain language",
            Zh => "通俗解读",
        },
        Ui::Analogy => match lang {
            En => "In everyday terms",
            Zh => "打个比方",
        },
        Ui::WhereItStops => match lang {
            En => "Where the analogy stops being accurate",
            Zh => "这个比方哪里不准确",
        },
        Ui::Bilingual => match lang {
            En => "Both languages",
            Zh => "双语对照",
        },
        Ui::Glossary => match lang {
            En => "Glossary",
            Zh => "术语表",
        },
        Ui::Knowledge => match lang {
            En => "What each side knows",
            Zh => "双方各自知道什么",
        },
        Ui::Fact => match lang {
            En => "Fact",
            Zh => "事实",
        },
        Ui::Confirmed => match lang {
            En => "✓ confirmed",
            Zh => "✓ 已确认",
        },
        Ui::NotYet => match lang {
            En => "— not yet",
            Zh => "— 尚未确认",
        },
        Ui::LoadingText => match lang {
            En => "Loading the lesson text…",
            Zh => "正在加载课程文本…",
        },
        Ui::TextFailed => match lang {
            En => "The lesson text could not be loaded. Check the connection and reload the page.",
            Zh => "课程文本加载失败。请检查网络连接后刷新页面。",
        },
        Ui::UnknownLesson => match lang {
            En => "There is no lesson with this name; pick one from the list.",
            Zh => "没有这个名称的课程，请从列表中选择。",
        },
        Ui::LearnModes => match lang {
            En => "Learning modes",
            Zh => "学习模式",
        },
        Ui::Answer => match lang {
            En => "Your answer",
            Zh => "你的答案",
        },
    }
}

/// The English name of the language switch's other button is always in that
/// language, so each button names its own language.
pub fn language_name(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "English",
        Lang::Zh => "中文",
    }
}

pub fn side_name(lang: Lang, side: Side) -> &'static str {
    match side {
        Side::Client => t(lang, Ui::Client),
        Side::Server => t(lang, Ui::Server),
    }
}

pub fn dir_name(lang: Lang, dir: Dir) -> &'static str {
    match (dir, lang) {
        (Dir::C2S, Lang::En) => "client → server",
        (Dir::C2S, Lang::Zh) => "客户端 → 服务器",
        (Dir::S2C, Lang::En) => "server → client",
        (Dir::S2C, Lang::Zh) => "服务器 → 客户端",
    }
}

pub fn profile_name(lang: Lang, profile: ProfileName) -> &'static str {
    match (profile, lang) {
        (ProfileName::Rfc, Lang::En) => "rfc: the textbook (RFC 9293)",
        (ProfileName::Rfc, Lang::Zh) => "rfc：教科书（RFC 9293）",
        (ProfileName::Linux, Lang::En) => "linux: what Linux 6.x does",
        (ProfileName::Linux, Lang::Zh) => "linux：Linux 6.x 的实际行为",
    }
}

/// A name for a kind of segment, as in "the next SYN-ACK".
pub fn flags_name(lang: Lang, flags: &str) -> String {
    let base = match flags {
        "S" => "SYN",
        "SA" => "SYN-ACK",
        "A" => "ACK",
        "PA" => match lang {
            Lang::En => "data (PSH-ACK)",
            Lang::Zh => "数据（PSH-ACK）",
        },
        "FA" => "FIN-ACK",
        "R" | "RA" => "RST",
        other => other,
    };
    base.to_string()
}

pub fn action_name(lang: Lang, action: FaultAction) -> String {
    match action {
        FaultAction::Drop => t(lang, Ui::Drop).to_string(),
        FaultAction::Duplicate => t(lang, Ui::Duplicate).to_string(),
        FaultAction::Delay(d) => match lang {
            Lang::En => format!("Delay by {} ms", fmt_ms(d.as_ms())),
            Lang::Zh => format!("延迟 {} 毫秒", fmt_ms(d.as_ms())),
        },
    }
}

/// "Drop segment #3" or "Drop the 2nd SYN-ACK (server → client)".
pub fn fault_text(lang: Lang, fault: &tcp_sim::Fault) -> String {
    let action = action_name(lang, fault.action);
    match fault.matches {
        tcp_sim::FaultMatch::Id(id) => match lang {
            Lang::En => format!("{action}: segment #{id}"),
            Lang::Zh => format!("{action}：第 {id} 号报文段"),
        },
        tcp_sim::FaultMatch::Flags { dir, flags, nth } => {
            let what = flags_name(lang, &flags.to_string());
            let dir = dir_name(lang, dir);
            match (lang, nth) {
                (Lang::En, Some(n)) => format!("{action}: {} {what} ({dir})", ordinal_en(n)),
                (Lang::En, None) => format!("{action}: every {what} ({dir})"),
                (Lang::Zh, Some(n)) => format!("{action}：第 {n} 个 {what}（{dir}）"),
                (Lang::Zh, None) => format!("{action}：所有 {what}（{dir}）"),
            }
        }
    }
}

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
    match (failure, lang) {
        (AppFailure::Conn(ConnError::Refused), Lang::En) => "connection refused",
        (AppFailure::Conn(ConnError::Refused), Lang::Zh) => "连接被拒绝",
        (AppFailure::Conn(ConnError::Reset), Lang::En) => "connection reset",
        (AppFailure::Conn(ConnError::Reset), Lang::Zh) => "连接被重置",
        (AppFailure::Conn(ConnError::TimedOut), Lang::En) => "connection timed out",
        (AppFailure::Conn(ConnError::TimedOut), Lang::Zh) => "连接超时",
        (AppFailure::Conn(ConnError::NotConnected), Lang::En) => "not connected",
        (AppFailure::Conn(ConnError::NotConnected), Lang::Zh) => "尚未连接",
        (AppFailure::Conn(ConnError::AlreadyClosed), Lang::En) => "sending side already closed",
        (AppFailure::Conn(ConnError::AlreadyClosed), Lang::Zh) => "发送方向已经关闭",
        (AppFailure::EofBeforeData, Lang::En) => "end of file before the expected bytes",
        (AppFailure::EofBeforeData, Lang::Zh) => "预期的数据还没到，对端就结束了发送",
    }
}

/// The application step that failed, and how.
pub fn failure_line(lang: Lang, side: Side, step: &str, failure: AppFailure) -> String {
    let who = side_name(lang, side);
    let why = failure_text(lang, failure);
    match lang {
        Lang::En => format!("{who}: '{step}' failed: {why}"),
        Lang::Zh => format!("{who}：步骤“{step}”失败：{why}"),
    }
}

pub fn timer_fired_line(lang: Lang, side: Side, label: &str) -> String {
    let who = side_name(lang, side);
    match lang {
        Lang::En => format!("{who}: {label} expired"),
        Lang::Zh => format!("{who}：{label}到期"),
    }
}

pub fn lost_line(lang: Lang, id: usize, flags: &str) -> String {
    match lang {
        Lang::En => format!("segment #{id} ({flags}) lost on the link"),
        Lang::Zh => format!("第 {id} 号报文段（{flags}）在链路上丢失"),
    }
}

pub fn notice_text(lang: Lang, notice: &Notice) -> String {
    let (param, value, fallback) = match notice {
        Notice::UnknownLang(v) => ("lang", v, "en / zh"),
        Notice::UnknownScenario(v) => ("scenario", v, "normal"),
        Notice::UnknownProfile(v) => ("profile", v, "rfc / linux"),
        Notice::UnknownSpeed(v) => ("speed", v, "0.25 0.5 1 2 4 8"),
        Notice::UnknownAutoplay(v) => ("autoplay", v, "0 / 1"),
        Notice::Ignored(k, v) => (k.as_str(), v, "README: Embedding in a course page"),
        Notice::UnknownVersion(v) => {
            return match lang {
                Lang::En => {
                    format!("This link has format version ?v={v}; it was read as well as possible.")
                }
                Lang::Zh => format!("此链接的格式版本为 ?v={v}，已尽量读取。"),
            }
        }
        Notice::TooMany(n) => {
            return match lang {
                Lang::En => format!("…and {n} more ignored link values."),
                Lang::Zh => format!("……另有 {n} 个链接参数被忽略。"),
            }
        }
        Notice::TextFailed(l) => {
            let name = language_name(*l);
            return match lang {
                Lang::En => format!(
                    "The {name} explanations could not be loaded; check the connection and reload the page."
                ),
                Lang::Zh => format!("{name}说明文字加载失败，请检查网络连接后刷新页面。"),
            };
        }
        Notice::TooLong => {
            return match lang {
                Lang::En => "The link is too long: its end was ignored.".to_string(),
                Lang::Zh => "链接过长：其末尾部分已被忽略。".to_string(),
            }
        }
    };
    match lang {
        Lang::En => format!(
            "Ignored ?{param}={value}: unknown value (expected {fallback}); using the default."
        ),
        Lang::Zh => {
            format!("已忽略 ?{param}={value}：无法识别的值（可用：{fallback}），已使用默认设置。")
        }
    }
}

pub fn step_error_text(lang: Lang, e: &StepError) -> String {
    match lang {
        Lang::En => format!("Line {}: “{}”: {}", e.line, e.text, e.message),
        Lang::Zh => format!("第 {} 行“{}”有误：{}", e.line, e.text, e.message),
    }
}

/// "Drop, delay or duplicate the next …" form's accessible name.
pub fn arm_label(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "Arm a fate for the next segment of a kind",
        Lang::Zh => "为下一个某类报文段预设命运",
    }
}

/// The accessible name of a ladder segment. It starts with `chip`, the text
/// written along the arrow, so the name contains what is seen.
pub fn segment_label(lang: Lang, id: usize, dir: Dir, chip: &str, fate: &str) -> String {
    let dir = dir_name(lang, dir);
    match lang {
        Lang::En => format!("{chip}: segment #{id}, {dir}, {fate}"),
        Lang::Zh => format!("{chip}：第 {id} 号报文段，{dir}，{fate}"),
    }
}

pub fn transition_line(lang: Lang, side: Side, from: &str, to: &str) -> String {
    let who = side_name(lang, side);
    match lang {
        Lang::En => format!("{who}: {from} → {to}"),
        Lang::Zh => format!("{who}：{from} → {to}"),
    }
}

/// Milliseconds for people: "10 ms", "1.5 s", "0.025 ms".
pub fn fmt_duration(lang: Lang, ms: f64) -> String {
    if ms >= 1000.0 {
        format!("{} {}", fmt_ms(ms / 1000.0), t(lang, Ui::Seconds))
    } else {
        format!("{} {}", fmt_ms(ms), t(lang, Ui::Milliseconds))
    }
}

/// A number with at most three decimals and no trailing zeros.
pub fn fmt_ms(v: f64) -> String {
    crate::numtext::trimmed(v, 3)
}

/// The panic message, in both languages because the language may be unknown.
pub const CRASH_MESSAGE: &str =
    "TCP Lab stopped because of an internal error. Reloading the page usually helps. \
     / TCP 实验室因内部错误停止运行，刷新页面通常可以恢复。";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_every_label_is_translated() {
        for &ui in Ui::ALL {
            let en = t(Lang::En, ui);
            let zh = t(Lang::Zh, ui);
            assert!(!en.trim().is_empty() && !zh.trim().is_empty(), "{ui:?}");
            assert_ne!(en, zh, "{ui:?} has no Chinese text");
        }
    }

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
    fn test_durations_read_well() {
        assert_eq!(fmt_duration(Lang::En, 1500.0), "1.5 s");
        assert_eq!(fmt_duration(Lang::En, 0.025), "0.025 ms");
        assert_eq!(fmt_duration(Lang::Zh, 60_000.0), "60 秒");
        assert_eq!(fmt_ms(-0.0001), "0");
    }
}
