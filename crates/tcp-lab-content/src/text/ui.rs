//! INTERFACE: the lab's buttons, headings, notices and the templates of the
//! lines the app composes (event log lines, fault descriptions, error
//! messages).
//!
//! How to edit: find the text (e.g. `Ui::Play`), then the language. In a
//! template keep every `{name}` (see the doc of the `Ui` variant in
//! `src/ui.rs` for what each stands for); their order may change.

use crate::Lang::{self, En, Zh};
use crate::Ui;

pub(crate) fn text(ui: Ui, lang: Lang) -> &'static str {
    match ui {
        Ui::ShareAndExport => match lang {
            En => "Share and export",
            Zh => "分享与导出",
        },
        Ui::ShareButton => match lang {
            En => "Share",
            Zh => "分享",
        },
        Ui::EmbedButton => match lang {
            En => "Embed",
            Zh => "嵌入",
        },
        Ui::ExportButton => match lang {
            En => "Export",
            Zh => "导出",
        },
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
            Zh => "符号 x、y、u、v、w",
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
            Zh => "这次运行被截断：达到了模拟器允许的最长运行限度。",
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
        Ui::ClientToServer => match lang {
            En => "client → server",
            Zh => "客户端 → 服务器",
        },
        Ui::ServerToClient => match lang {
            En => "server → client",
            Zh => "服务器 → 客户端",
        },
        Ui::ProfileRfcName => match lang {
            En => "rfc: textbook",
            Zh => "rfc：教科书",
        },
        Ui::ProfileLinuxName => match lang {
            En => "linux: real Linux",
            Zh => "linux：真实 Linux",
        },
        Ui::ProfileRfcNote => match lang {
            En => "The textbook closes with four segments: FIN, ACK, FIN, ACK. Switch to linux to see real Linux use three.",
            Zh => "教科书式的关闭要四个报文段：FIN、ACK、FIN、ACK。切换到 linux，可以看到真实的 Linux 只用三个。",
        },
        Ui::ProfileLinuxNote => match lang {
            En => "Linux often closes with three segments: its ACK of the peer's FIN waits a moment (delayed ACK) and rides on its own FIN. The textbook (rfc) sends four.",
            Zh => "Linux 关闭时常常只用三个报文段：对对方 FIN 的确认稍等片刻（延迟确认），搭在自己的 FIN 上一起发出。教科书（rfc）要发四个。",
        },
        Ui::LabelValue => match lang {
            En => "{label}: {value}",
            Zh => "{label}：{value}",
        },
        Ui::DataSegmentKind => match lang {
            En => "data (PSH-ACK)",
            Zh => "数据（PSH-ACK）",
        },
        Ui::DelayByTime => match lang {
            En => "Delay by {time}",
            Zh => "延迟 {time}",
        },
        Ui::FaultOnSegment => match lang {
            En => "{action}: segment #{id}",
            Zh => "{action}：第 {id} 号报文段",
        },
        Ui::FaultOnNth => match lang {
            En => "{action}: {nth} {what} ({dir})",
            Zh => "{action}：第 {n} 个 {what}（{dir}）",
        },
        Ui::FaultOnEvery => match lang {
            En => "{action}: every {what} ({dir})",
            Zh => "{action}：所有 {what}（{dir}）",
        },
        Ui::ConnRefused => match lang {
            En => "connection refused",
            Zh => "连接被拒绝",
        },
        Ui::ConnReset => match lang {
            En => "connection reset",
            Zh => "连接被重置",
        },
        Ui::ConnTimedOut => match lang {
            En => "connection timed out",
            Zh => "连接超时",
        },
        Ui::ConnNotConnected => match lang {
            En => "not connected",
            Zh => "尚未连接",
        },
        Ui::ConnAlreadyClosed => match lang {
            En => "sending side already closed",
            Zh => "发送方向已经关闭",
        },
        Ui::ConnAddrNotAvailable => match lang {
            En => "no local port available",
            Zh => "没有可用的本地端口",
        },
        Ui::EofBeforeData => match lang {
            En => "end of file before the expected bytes",
            Zh => "预期的数据还没到，对端就结束了发送",
        },
        Ui::StepFailedLine => match lang {
            En => "{who}: '{step}' failed: {why}",
            Zh => "{who}：步骤“{step}”失败：{why}",
        },
        Ui::TimerExpiredLine => match lang {
            En => "{who}: {timer} expired",
            Zh => "{who}：{timer}到期",
        },
        Ui::LostOnLinkLine => match lang {
            En => "segment #{id} ({flags}) lost on the link",
            Zh => "第 {id} 号报文段（{flags}）在链路上丢失",
        },
        Ui::TransitionLine => match lang {
            En => "{who}: {from} → {to}",
            Zh => "{who}：{from} → {to}",
        },
        Ui::NoticeIgnored => match lang {
            En => "Ignored ?{param}={value}: valid values are {valid}. Used {used}.",
            Zh => "已忽略 ?{param}={value}：可用的值为 {valid}。已改用{used}。",
        },
        Ui::UsedTheDefault => match lang {
            En => "the default",
            Zh => "默认设置",
        },
        Ui::UsedBrowserLanguage => match lang {
            En => "the browser's language",
            Zh => "浏览器的语言",
        },
        Ui::UsedNoAutoplay => match lang {
            En => "no autoplay",
            Zh => "不自动播放",
        },
        Ui::UsedNothing => match lang {
            En => "nothing in its place",
            Zh => "不使用此项",
        },
        Ui::NoticeUnusedFault => match lang {
            En => "?{param}={value} changes nothing: this run sends no such segment. It sends: {kinds}.",
            Zh => "?{param}={value} 不起作用：这次运行不发送这样的报文段。它发送的是：{kinds}。",
        },
        Ui::NoticeUnknownVersion => match lang {
            En => "This link has format version ?v={version}; it was read as well as possible.",
            Zh => "此链接的格式版本为 ?v={version}，已尽量读取。",
        },
        Ui::NoticeTooMany => match lang {
            En => "…and {count} more ignored link values.",
            Zh => "……另有 {count} 个链接参数被忽略。",
        },
        Ui::NoticeTextFailed => match lang {
            En => "The {language} explanations could not be loaded; check the connection and reload the page.",
            Zh => "{language}说明文字加载失败，请检查网络连接后刷新页面。",
        },
        Ui::NoticeTooLong => match lang {
            En => "The link is too long: its end was ignored.",
            Zh => "链接过长：其末尾部分已被忽略。",
        },
        Ui::HintFault => match lang {
            En => "DIR:FLAGS:N or seg:ID, e.g. s2c:SA:1 (DIR c2s or s2c, N a count from 1 or *)",
            Zh => "DIR:FLAGS:N 或 seg:ID，例如 s2c:SA:1（DIR 是方向，c2s 或 s2c；FLAGS 是标志；N 表示第几个，从 1 数起，也可以用 * 表示全部）",
        },
        Ui::HintDelay => match lang {
            En => "DIR:FLAGS:N:MS or seg:ID:MS, e.g. c2s:S:1:40 (at most 60000 ms)",
            Zh => "DIR:FLAGS:N:MS 或 seg:ID:MS，例如 c2s:S:1:40（MS 是毫秒数，最多 60000）",
        },
        Ui::HintSteps => match lang {
            En => "steps separated by commas (at most 64): {verbs}",
            Zh => "以逗号分隔的步骤（最多 64 个）：{verbs}",
        },
        Ui::HintDelayMs => match lang {
            En => "milliseconds from 0 to 10000",
            Zh => "0 到 10000 之间的毫秒数",
        },
        Ui::HintLoss => match lang {
            En => "a percentage from 0 to 100",
            Zh => "0 到 100 之间的百分比",
        },
        Ui::HintSeed => match lang {
            En => "a whole number",
            Zh => "一个非负整数",
        },
        Ui::HintStep => match lang {
            En => "a whole number from 0 (0 = before the start)",
            Zh => "从 0 起的整数（0 表示开始之前）",
        },
        Ui::StepErrorLine => match lang {
            En => "Line {line}: “{text}”: {why}",
            Zh => "第 {line} 行“{text}”有误：{why}",
        },
        Ui::AByteCount => match lang {
            En => "a byte count",
            Zh => "一个字节数",
        },
        Ui::ANumberOfMilliseconds => match lang {
            En => "a number of milliseconds",
            Zh => "一个毫秒数",
        },
        Ui::StepIsEmpty => match lang {
            En => "the step is empty",
            Zh => "步骤为空",
        },
        Ui::StepTooManyWords => match lang {
            En => "“{step}” has too many words: a step is a verb and at most one number",
            Zh => "“{step}”的词太多：一个步骤只有一个动词，最多再加一个数字",
        },
        Ui::StepUnknownVerb => match lang {
            En => "“{verb}” is not a step; use one of: {verbs}",
            Zh => "没有“{verb}”这个步骤；可用：{verbs}",
        },
        Ui::StepTakesNoNumber => match lang {
            En => "“{verb}” takes no number",
            Zh => "“{verb}”后面不带数字",
        },
        Ui::StepNeedsNumber => match lang {
            En => "“{verb}” needs {unit}, e.g. “{verb} 100”",
            Zh => "“{verb}”后面需要{unit}，例如“{verb} 100”",
        },
        Ui::StepNotANumber => match lang {
            En => "“{value}” is not a number",
            Zh => "“{value}”不是数字",
        },
        Ui::StepNegative => match lang {
            En => "the number must not be negative",
            Zh => "数字不能为负",
        },
        Ui::StepBadByteCount => match lang {
            En => "the byte count must be a whole number up to 1,000,000,000",
            Zh => "字节数必须是不超过 1,000,000,000 的整数",
        },
        Ui::StepWaitTooLong => match lang {
            En => "the wait is too long (at most {max})",
            Zh => "等待时间过长（最多 {max}）",
        },
        Ui::ArmRefused => match lang {
            En => "Not armed: this run sends no further {what} after this point, so the fate would never be used.",
            Zh => "未设置：此刻之后这次运行不会再发送{what}，这个命运永远用不上。",
        },
        Ui::ArmFormLabel => match lang {
            En => "Arm a fate for the next segment of a kind",
            Zh => "为下一个某类报文段预设命运",
        },
        Ui::SegmentName => match lang {
            En => "{chip}: segment #{id}, {dir}, {fate}",
            Zh => "{chip}：第 {id} 号报文段，{dir}，{fate}",
        },
        Ui::ClientIsn => match lang {
            En => "the client's ISN",
            Zh => "客户端的初始序列号",
        },
        Ui::ServerIsn => match lang {
            En => "the server's ISN",
            Zh => "服务器的初始序列号",
        },
        Ui::ClientFinSeq => match lang {
            En => "seq of the client's FIN",
            Zh => "客户端 FIN 的序列号",
        },
        Ui::ServerFinSeq => match lang {
            En => "seq of the server's FIN",
            Zh => "服务器 FIN 的序列号",
        },
        Ui::ClientFinAckSeq => match lang {
            En => "seq of the client's ACK of that FIN",
            Zh => "客户端确认该 FIN 的 ACK 的序列号",
        },
        Ui::ServerFinAckSeq => match lang {
            En => "seq of the server's ACK of that FIN",
            Zh => "服务器确认该 FIN 的 ACK 的序列号",
        },
        Ui::Microseconds => match lang {
            En => "µs",
            Zh => "微秒",
        },
        Ui::Minutes => match lang {
            En => "min",
            Zh => "分钟",
        },
        Ui::Hours => match lang {
            En => "h",
            Zh => "小时",
        },
    }
}
