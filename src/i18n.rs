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
    Symbolic,
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
    TryAgain,
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
        Ui::Symbolic => match lang {
            En => "x, y, u, v, w",
            Zh => "x、y、u、v、w",
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
        Ui::TryAgain => match lang {
            En => "Try another answer.",
            Zh => "再选一个答案试试。",
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

/// What a letter of the symbolic number mode stands for, e.g. "the client's ISN".
pub fn symbol_meaning(lang: Lang, symbol: tcp_sim::Symbol, side: Side) -> String {
    use tcp_sim::Symbol::*;
    let who = match (lang, side) {
        (Lang::En, Side::Client) => "client",
        (Lang::En, Side::Server) => "server",
        (Lang::Zh, _) => side_name(lang, side),
    };
    match (lang, symbol) {
        (Lang::En, X | Y) => format!("the {who}'s ISN"),
        (Lang::En, U) => format!("seq of the {who}'s FIN"),
        (Lang::En, V) => format!("seq of the {who}'s ACK of that FIN"),
        (Lang::En, W) => format!("seq of the {who}'s FIN"),
        (Lang::Zh, X | Y) => format!("{who}的初始序列号"),
        (Lang::Zh, U) => format!("{who} FIN 的序列号"),
        (Lang::Zh, V) => format!("{who}确认该 FIN 的 ACK 的序列号"),
        (Lang::Zh, W) => format!("{who} FIN 的序列号"),
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
        (ProfileName::Rfc, Lang::En) => "rfc: textbook",
        (ProfileName::Rfc, Lang::Zh) => "rfc：教科书",
        (ProfileName::Linux, Lang::En) => "linux: real Linux",
        (ProfileName::Linux, Lang::Zh) => "linux：真实 Linux",
    }
}

/// A label's colon: ": " in English, the full-width "：" in Chinese.
pub fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::En => ": ",
        Lang::Zh => "：",
    }
}

/// One line next to the profile switch: how this profile closes a connection, and what the
/// other one does differently.
pub fn profile_note(lang: Lang, profile: ProfileName) -> &'static str {
    match (profile, lang) {
        (ProfileName::Rfc, Lang::En) => {
            "The textbook closes with four segments: FIN, ACK, FIN, ACK. Switch to linux to see real Linux use three."
        }
        (ProfileName::Rfc, Lang::Zh) => {
            "教科书式的关闭要四个报文段：FIN、ACK、FIN、ACK。切换到 linux，可以看到真实的 Linux 只用三个。"
        }
        (ProfileName::Linux, Lang::En) => {
            "Linux often closes with three segments: its ACK of the peer's FIN waits a moment (delayed ACK) and rides on its own FIN. The textbook (rfc) sends four."
        }
        (ProfileName::Linux, Lang::Zh) => {
            "Linux 关闭时常常只用三个报文段：对对方 FIN 的确认稍等片刻（延迟确认），搭在自己的 FIN 上一起发出。教科书（rfc）要发四个。"
        }
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
    let base = match flags {
        "S" => "SYN",
        "SA" => "SYN-ACK",
        "A" => "ACK",
        "PA" => match lang {
            Lang::En => "data (PSH-ACK)",
            Lang::Zh => "数据（PSH-ACK）",
        },
        "FA" => "FIN-ACK",
        "R" => "RST",
        "RA" => "RST-ACK",
        other => other,
    };
    base.to_string()
}

pub fn action_name(lang: Lang, action: FaultAction) -> String {
    match action {
        FaultAction::Drop => t(lang, Ui::Drop).to_string(),
        FaultAction::Duplicate => t(lang, Ui::Duplicate).to_string(),
        FaultAction::Delay(d) => match lang {
            Lang::En => format!("Delay by {}", fmt_time(lang, d.as_ms())),
            Lang::Zh => format!("延迟 {}", fmt_time(lang, d.as_ms())),
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
        (AppFailure::Conn(ConnError::AddrNotAvailable), Lang::En) => "no local port available",
        (AppFailure::Conn(ConnError::AddrNotAvailable), Lang::Zh) => "没有可用的本地端口",
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
    use crate::model::setup::{DEFAULT_PROFILE, DEFAULT_SCENARIO};
    let zh = lang == Lang::Zh;
    let default = if zh { "默认设置" } else { "the default" };
    let (param, value, valid, used): (&str, &String, String, String) = match notice {
        Notice::UnknownLang(v) => (
            "lang",
            v,
            "en, zh".into(),
            if zh {
                "浏览器的语言"
            } else {
                "the browser's language"
            }
            .into(),
        ),
        Notice::UnknownScenario(v) => (
            "scenario",
            v,
            tcp_sim::named::NAMES.join(", "),
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
            crate::model::url::SPEED_TEXT.join(", "),
            "1".into(),
        ),
        Notice::UnknownAutoplay(v) => (
            "autoplay",
            v,
            "1, 0".into(),
            if zh { "不自动播放" } else { "no autoplay" }.into(),
        ),
        Notice::Ignored(k, v) => {
            let (valid, left_out) = param_hint(lang, k);
            let used = if left_out {
                if zh {
                    "不使用此项"
                } else {
                    "nothing in its place"
                }
            } else {
                default
            };
            (k.as_str(), v, valid, used.into())
        }
        Notice::UnusedFault(k, v, kinds) => {
            return match lang {
                Lang::En => format!(
                    "?{k}={v} changes nothing: this run sends no such segment. It sends: {kinds}."
                ),
                Lang::Zh => {
                    format!("?{k}={v} 不起作用：这次运行不发送这样的报文段。它发送的是：{kinds}。")
                }
            }
        }
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
        Lang::En => format!("Ignored ?{param}={value}: valid values are {valid}. Used {used}."),
        Lang::Zh => format!("已忽略 ?{param}={value}：可用的值为 {valid}。已改用{used}。"),
    }
}

/// What a link parameter accepts, in the learner's language, and whether a bad value is
/// simply left out (a fault, a list of steps) rather than replaced by a default.
pub fn param_hint(lang: Lang, key: &str) -> (String, bool) {
    let zh = lang == Lang::Zh;
    let pick = |en: &str, zh_text: &str| {
        if zh {
            zh_text.to_string()
        } else {
            en.to_string()
        }
    };
    match key {
        "drop" | "dup" => (
            pick(
                "DIR:FLAGS:N or seg:ID, e.g. s2c:SA:1 (DIR c2s or s2c, N a count from 1 or *)",
                "方向:标志:N 或 seg:编号，例如 s2c:SA:1（方向为 c2s 或 s2c，N 表示第几个、从 1 数起，也可以用 * 表示全部）",
            ),
            true,
        ),
        "delay" => (
            pick(
                "DIR:FLAGS:N:MS or seg:ID:MS, e.g. c2s:S:1:40 (at most 60000 ms)",
                "方向:标志:N:毫秒 或 seg:编号:毫秒，例如 c2s:S:1:40（最多 60000 毫秒）",
            ),
            true,
        ),
        "c" | "s" => {
            let verbs = tcp_sim::STEP_VERBS.join(", ");
            (
                if zh {
                    format!("以逗号分隔的步骤（最多 64 个）：{verbs}")
                } else {
                    format!("steps separated by commas (at most 64): {verbs}")
                },
                true,
            )
        }
        "delay_ms" => (
            pick("milliseconds from 0 to 10000", "0 到 10000 之间的毫秒数"),
            false,
        ),
        "loss" => (
            pick("a percentage from 0 to 100", "0 到 100 之间的百分比"),
            false,
        ),
        "seed" => (pick("a whole number", "一个非负整数"), false),
        "step" => (
            pick("a whole number from 0 (0 = before the start)", "从 0 起的整数（0 表示开始之前）"),
            false,
        ),
        "nums" => ("abs, rel".to_string(), false),
        "controls" => (crate::model::share::CONTROLS.join(", "), false),
        "learn" => ("lessons, glossary".to_string(), false),
        // On/off switches: embed, compact, quiz, plain, bi.
        _ => ("1, 0".to_string(), false),
    }
}

pub fn step_error_text(lang: Lang, e: &StepError) -> String {
    let why = step_error_reason(lang, &e.error);
    match lang {
        Lang::En => format!("Line {}: “{}”: {why}", e.line, e.text),
        Lang::Zh => format!("第 {} 行“{}”有误：{why}", e.line, e.text),
    }
}

/// Why a step could not be read, in the learner's language (the core's `Display` is English).
pub fn step_error_reason(lang: Lang, e: &tcp_sim::StepError) -> String {
    use tcp_sim::{NumberUnit, StepError as E};
    let verbs = tcp_sim::STEP_VERBS.join(", ");
    let unit = |u: &NumberUnit| match (u, lang) {
        (NumberUnit::Bytes, Lang::En) => "a byte count",
        (NumberUnit::Bytes, Lang::Zh) => "一个字节数",
        (NumberUnit::Milliseconds, Lang::En) => "a number of milliseconds",
        (NumberUnit::Milliseconds, Lang::Zh) => "一个毫秒数",
    };
    match (e, lang) {
        (E::Empty, Lang::En) => "the step is empty".to_string(),
        (E::Empty, Lang::Zh) => "步骤为空".to_string(),
        (E::TooManyWords { step }, Lang::En) => {
            format!("“{step}” has too many words: a step is a verb and at most one number")
        }
        (E::TooManyWords { step }, Lang::Zh) => {
            format!("“{step}”的词太多：一个步骤只有一个动词，最多再加一个数字")
        }
        (E::UnknownVerb { verb }, Lang::En) => {
            format!("“{verb}” is not a step; use one of: {verbs}")
        }
        (E::UnknownVerb { verb }, Lang::Zh) => format!("没有“{verb}”这个步骤；可用：{verbs}"),
        (E::TakesNoArgument { verb }, Lang::En) => format!("“{verb}” takes no number"),
        (E::TakesNoArgument { verb }, Lang::Zh) => format!("“{verb}”后面不带数字"),
        (E::MissingNumber { verb, unit: u }, Lang::En) => {
            format!("“{verb}” needs {}, e.g. “{verb} 100”", unit(u))
        }
        (E::MissingNumber { verb, unit: u }, Lang::Zh) => {
            format!("“{verb}”后面需要{}，例如“{verb} 100”", unit(u))
        }
        (E::NotANumber { value, .. }, Lang::En) => format!("“{value}” is not a number"),
        (E::NotANumber { value, .. }, Lang::Zh) => format!("“{value}”不是数字"),
        (E::Negative { .. }, Lang::En) => "the number must not be negative".to_string(),
        (E::Negative { .. }, Lang::Zh) => "数字不能为负".to_string(),
        (E::BadByteCount { .. }, Lang::En) => {
            "the byte count must be a whole number up to 1,000,000,000".to_string()
        }
        (E::BadByteCount { .. }, Lang::Zh) => "字节数必须是不超过 1,000,000,000 的整数".to_string(),
        (E::WaitTooLong { .. }, Lang::En) => {
            format!(
                "the wait is too long (at most {})",
                fmt_time(lang, tcp_sim::Step::MAX_MS)
            )
        }
        (E::WaitTooLong { .. }, Lang::Zh) => {
            format!(
                "等待时间过长（最多 {}）",
                fmt_time(lang, tcp_sim::Step::MAX_MS)
            )
        }
    }
}

/// Said when the learner arms a fate for a kind of segment the run sends no more of.
pub fn arm_refused_text(lang: Lang, what: &str) -> String {
    match lang {
        Lang::En => format!(
            "Not armed: this run sends no further {what} after this point, so the fate would never be used."
        ),
        Lang::Zh => format!("未设置：此刻之后这次运行不会再发送{what}，这个命运永远用不上。"),
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
    match (u, lang) {
        (TimeUnit::Us, Lang::En) => "µs",
        (TimeUnit::Us, Lang::Zh) => "微秒",
        (TimeUnit::Ms, _) => t(lang, Ui::Milliseconds),
        (TimeUnit::S, _) => t(lang, Ui::Seconds),
        (TimeUnit::Min, Lang::En) => "min",
        (TimeUnit::Min, Lang::Zh) => "分钟",
        (TimeUnit::H, Lang::En) => "h",
        (TimeUnit::H, Lang::Zh) => "小时",
    }
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
