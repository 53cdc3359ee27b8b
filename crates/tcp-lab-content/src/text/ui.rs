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
        Ui::CaptureOpen => match lang {
            En => "Open capture",
            Zh => "打开抓包文件",
        },
        Ui::CaptureOpenHint => match lang {
            En => "Open a .pcap or .pcapng file from Wireshark or tcpdump, or drop one on the page. It is read in this browser and never uploaded.",
            Zh => "打开 Wireshark 或 tcpdump 保存的 .pcap / .pcapng 文件，也可以直接拖到页面上。文件只在本浏览器中读取，不会上传。",
        },
        Ui::CaptureDropHere => match lang {
            En => "Drop the capture file to open it",
            Zh => "松开鼠标即可打开抓包文件",
        },
        Ui::CaptureHeading => match lang {
            En => "Capture",
            Zh => "抓包文件",
        },
        Ui::CaptureStaysLocal => match lang {
            En => "Read in this browser: nothing is uploaded.",
            Zh => "只在本浏览器中读取，不会上传任何内容。",
        },
        Ui::CaptureClose => match lang {
            En => "Back to the simulator",
            Zh => "返回模拟器",
        },
        Ui::CaptureClient => match lang {
            En => "Client",
            Zh => "客户端",
        },
        Ui::CaptureServer => match lang {
            En => "Server",
            Zh => "服务器",
        },
        Ui::CapturePackets => match lang {
            En => "Segments (c→s / s→c)",
            Zh => "报文段（客→服 / 服→客）",
        },
        Ui::CaptureBytes => match lang {
            En => "Payload bytes (c→s / s→c)",
            Zh => "载荷字节（客→服 / 服→客）",
        },
        Ui::CaptureDuration => match lang {
            En => "Duration",
            Zh => "时长",
        },
        Ui::CaptureEnded => match lang {
            En => "Ended by",
            Zh => "结束方式",
        },
        Ui::CaptureShow => match lang {
            En => "Show",
            Zh => "查看",
        },
        Ui::CaptureMoreRows => match lang {
            En => "Show more connections",
            Zh => "显示更多连接",
        },
        Ui::CaptureRolesGuessed => match lang {
            En => "no SYN seen: client and server guessed from the ports",
            Zh => "未看到 SYN：客户端与服务器是按端口猜测的",
        },
        Ui::CaptureReconstructed => match lang {
            En => "The states on the ladder are reconstructed from the segments, not observed. Each change is marked observed (the side's own segment shows it), inferred (the side later acknowledged what caused it) or assumed (it follows from the rules, nothing proves it). A capture is taken at one point of the path: a segment seen leaving one host may never have reached the other. Before the capture shows a side change state, its state is only the reconstruction's starting guess, marked unknown (for a capture that starts mid-connection, ESTABLISHED).",
            Zh => "梯形图上的状态是根据报文段重建的，并非直接观察到。每次状态变化都标明：已观察（该端自己发出的报文段表明了它）、推断（该端随后确认了引起变化的报文段）或假定（按规则应当如此，但没有报文段证明）。抓包只在路径上的一个位置进行：看到从一台主机发出的报文段，未必到达了另一台。在抓包显示某一端的状态变化之前，它的状态只是重建时的起始猜测，标为未知（抓包从连接中途开始时为 ESTABLISHED）。",
        },
        Ui::CaptureNotesHeading => match lang {
            En => "What this capture shows that the textbook does not",
            Zh => "这次抓包里有、教科书图上没有的内容",
        },
        Ui::CaptureConnections => match lang {
            En => "Connections in the capture",
            Zh => "抓包中的连接",
        },
        Ui::CaptureFindings => match lang {
            En => "Reconstructed from the capture",
            Zh => "根据抓包重建",
        },
        Ui::CaptureNoNotes => match lang {
            En => "Nothing unusual: this connection looks like the textbook's.",
            Zh => "没有特别之处：这个连接和教科书上的一样。",
        },
        Ui::CaptureLinkNote => match lang {
            En => "You are viewing connection {conn} of a capture ({client} → {server}). The capture file stays on your computer; this link replays the steps derived from it in the simulator, and never holds its packets.",
            Zh => "你正在查看抓包文件中的连接 {conn}（{client} → {server}）。抓包文件留在你的电脑上；这个链接在模拟器中重放从中推导出的步骤，绝不包含其中的报文。",
        },
        Ui::CaptureLinkNotWhole => match lang {
            En => "This connection has more steps or losses than a link holds: the page the link opens leaves part of them out, and says which.",
            Zh => "这个连接的步骤或丢包超出了链接能容纳的数量：链接打开的页面会省略其中一部分，并说明省略了哪些。",
        },
        Ui::TwoSentences => match lang {
            En => "{first} {second}",
            Zh => "{first}{second}",
        },
        Ui::DerivedFromCapture => match lang {
            En => "This run replays the steps derived from connection {conn} of a capture ({client} → {server}), simulated. The capture itself is not in the link.",
            Zh => "这次运行在模拟器中重放从抓包文件的连接 {conn}（{client} → {server}）推导出的步骤。链接中不包含抓包文件本身。",
        },
        Ui::CaptureHeadingNamed => match lang {
            En => "Capture: {name}",
            Zh => "抓包文件：{name}",
        },
        Ui::CaptureNamedProblem => match lang {
            En => "{name}: {problem}",
            Zh => "{name}：{problem}",
        },
        Ui::CaptureDecoding => match lang {
            En => "Decoding {name}: {percent}%",
            Zh => "正在解析 {name}：{percent}%",
        },
        Ui::CertaintySideState => match lang {
            En => "{side}: {state} ({certainty})",
            Zh => "{side}：{state}（{certainty}）",
        },
        Ui::CaptureOnLadderPickers => match lang {
            En => "A capture is on the ladder. Choosing a scenario or profile goes back to the simulator.",
            Zh => "梯形图上显示的是抓包。选择场景或配置会回到模拟器。",
        },
        Ui::CaptureEndFin => match lang {
            En => "FIN from both sides",
            Zh => "双方都发了 FIN",
        },
        Ui::CaptureEndHalfClosed => match lang {
            En => "one FIN only (half-closed)",
            Zh => "只有一方发了 FIN（半关闭）",
        },
        Ui::CaptureEndRst => match lang {
            En => "RST (reset)",
            Zh => "RST（重置）",
        },
        Ui::CaptureEndOpen => match lang {
            En => "still open, or timed out silently",
            Zh => "仍未关闭，或已悄然超时",
        },
        Ui::CertaintyObserved => match lang {
            En => "observed",
            Zh => "已观察",
        },
        Ui::CertaintyInferred => match lang {
            En => "inferred",
            Zh => "推断",
        },
        Ui::CertaintyAssumed => match lang {
            En => "assumed",
            Zh => "假定",
        },
        Ui::CertaintyUnknown => match lang {
            En => "unknown",
            Zh => "未知",
        },
        Ui::CertaintyLegend => match lang {
            En => "Marks on the states",
            Zh => "状态上的标记",
        },
        Ui::CertaintyLegendItem => match lang {
            En => "{word}: {meaning}",
            Zh => "{word}：{meaning}",
        },
        Ui::CertaintyObservedMeaning => match lang {
            En => "no mark, solid outline; the side's own segment shows it",
            Zh => "无标记，实线框；该端自己发出的报文段表明了它",
        },
        Ui::CertaintyInferredMeaning => match lang {
            En => "dashed outline; the side later acknowledged the segment that caused it",
            Zh => "虚线框；该端随后确认了引起变化的报文段",
        },
        Ui::CertaintyAssumedMeaning => match lang {
            En => "dotted outline; it follows from the rules, but no segment proves it",
            Zh => "点线框；按规则应当如此，但没有报文段证明",
        },
        Ui::CertaintyUnknownMeaning => match lang {
            En => "greyed; before the capture shows this side change state, the state is the observer's starting guess",
            Zh => "灰色；在抓包显示该端的第一次状态变化之前，状态只是重建时的起始猜测",
        },
        Ui::CertaintyStateLabel => match lang {
            En => "{state}, {certainty}",
            Zh => "{state}，{certainty}",
        },
        Ui::NoteRetransmission => match lang {
            En => "Retransmission: the {side} sends bytes it already sent, because no acknowledgment came in time (its retransmission timer ran out) or duplicate ACKs reported a gap.",
            Zh => "重传：{side}再次发送已经发过的数据，因为没有及时收到确认（重传计时器超时），或重复 ACK 报告了缺口。",
        },
        Ui::NoteProbablyLost => match lang {
            En => "Probably lost: the same bytes were sent again before anything acknowledged them, so this copy most likely never arrived (or arrived late).",
            Zh => "可能丢失：在收到任何确认之前，同样的数据又被发送了一次，所以这一份很可能没有到达（或迟到了）。",
        },
        Ui::NoteDelayedAck => match lang {
            En => "Delayed ACK: the {side} waited before acknowledging, in case it had data or a FIN to carry the ACK (RFC 1122 §4.2.3.2 allows up to 500 ms; Linux waits at least 40 ms). Nothing came, so the ACK went out alone when its timer ran out.",
            Zh => "延迟确认：{side}没有立即确认，而是等一会儿，看有没有数据或 FIN 可以捎带这个 ACK（RFC 1122 §4.2.3.2 允许最多 500 毫秒；Linux 至少等 40 毫秒）。结果没有可捎带的，计时器到期后 ACK 单独发出。",
        },
        Ui::NoteDuplicateAck => match lang {
            En => "Duplicate ACK: the {side} repeats its last acknowledgment while data is outstanding. It tells the sender a segment is missing; three in a row trigger a fast retransmit.",
            Zh => "重复 ACK：{side}在还有数据未确认时重复上一个确认号，告诉发送方有报文段缺失；连续三个会触发快速重传。",
        },
        Ui::NoteZeroWindow => match lang {
            En => "Zero window: the {side}'s receive buffer is full. The peer must stop sending data until the window opens again (it probes with window probes meanwhile).",
            Zh => "零窗口：{side}的接收缓冲区满了。对方必须停止发送数据，直到窗口重新打开（期间用窗口探测报文询问）。",
        },
        Ui::NoteRst => match lang {
            En => "Reset: the {side} sends RST. The connection ends at once, without the FIN exchange; data not yet delivered is thrown away.",
            Zh => "重置：{side}发送 RST。连接立即结束，不经过 FIN 交换；尚未交付的数据被丢弃。",
        },
        Ui::NoteChallengeAck => match lang {
            En => "Challenge ACK: the {side} answers a SYN or RST that does not fit with a plain ACK instead of acting on it (RFC 5961), so a forged segment cannot tear the connection down.",
            Zh => "挑战 ACK：{side}收到不合时宜的 SYN 或 RST 时，只回一个 ACK 而不照办（RFC 5961），这样伪造的报文段无法拆掉连接。",
        },
        Ui::NoteThreeSegmentClose => match lang {
            En => "Three-segment close: the ACK of the first FIN rides on the second FIN. The peer had nothing left to send and delayed its ACK briefly, so both went out in one segment; the textbook draws four.",
            Zh => "三次挥手式关闭：对第一个 FIN 的确认搭载在第二个 FIN 上。对方已无数据要发，又把 ACK 稍作延迟，于是两者合成一个报文段；教科书画的是四个。",
        },
        Ui::NoteFourSegmentClose => match lang {
            En => "Four-segment close, as in the textbook: the first FIN is acknowledged on its own, and the second FIN follows later.",
            Zh => "四次挥手，和教科书一样：第一个 FIN 单独得到确认，第二个 FIN 随后才发。",
        },
        Ui::NoteSimultaneous => match lang {
            En => "Simultaneous open or close: both sides sent a SYN, or FINs that crossed on the way.",
            Zh => "同时打开或同时关闭：双方都发了 SYN，或者双方的 FIN 在途中交错。",
        },
        Ui::NoteMidConnection => match lang {
            En => "The capture starts after the SYN: what came before is not in the file. The states are shown from the first state the segments make certain.",
            Zh => "抓包从 SYN 之后才开始：之前发生的事不在文件里。状态从报文段能够确定的第一个状态开始显示。",
        },
        Ui::NoteNoAnswer => match lang {
            En => "No answer: nothing came back to the {side}'s SYN.",
            Zh => "无应答：{side}的 SYN 没有得到任何回应。",
        },
        Ui::NoteStillOpen => match lang {
            En => "When the capture ends, the {side} is not yet CLOSED; what happens next is not in the file (a TIME-WAIT is taken to end after Linux's 60 s).",
            Zh => "抓包结束时，{side}还没有进入 CLOSED；之后的事不在文件里（TIME-WAIT 按 Linux 的 60 秒结束来假定）。",
        },
        Ui::CaptureByteCount => match lang {
            En => "{n} bytes",
            Zh => "{n} 字节",
        },
        Ui::CaptureTooLarge => match lang {
            En => "This file is {size}: too large for the lab, which reads captures up to {limit}. Was it picked by mistake? To look at part of it, cut it first, e.g. editcap -c 100000 big.pcapng part.pcapng.",
            Zh => "这个文件有 {size}，太大了：实验室最多读取 {limit} 的抓包文件。是不是选错了文件？如果只想看其中一部分，请先截取，例如 editcap -c 100000 big.pcapng part.pcapng。",
        },
        Ui::CaptureEmpty => match lang {
            En => "This file is empty.",
            Zh => "这个文件是空的。",
        },
        Ui::CaptureReadFailed => match lang {
            En => "The browser could not read this file. Was it moved or deleted meanwhile? Try opening it again.",
            Zh => "浏览器无法读取这个文件。它是否在此期间被移动或删除了？请重新打开。",
        },
        Ui::CaptureNoTcp => match lang {
            En => "No TCP segment in this file ({frames} frames read): the lab shows TCP connections only.",
            Zh => "这个文件里没有 TCP 报文段（读取了 {frames} 帧）：实验室只显示 TCP 连接。",
        },
        Ui::CaptureBadMagic => match lang {
            En => "This is not a pcap or pcapng capture: it does not begin like one. In Wireshark, save the capture as .pcap or .pcapng.",
            Zh => "这不是 pcap 或 pcapng 抓包文件：文件开头不对。请在 Wireshark 中把抓包另存为 .pcap 或 .pcapng。",
        },
        Ui::CaptureTruncated => match lang {
            En => "The file is cut off: it ends inside the record that starts at byte {offset} (an interrupted download or copy?).",
            Zh => "文件被截断了：它在从第 {offset} 字节开始的记录中间结束（下载或复制被中断了吗？）。",
        },
        Ui::CaptureBadLength => match lang {
            En => "The file is damaged: the record at byte {offset} claims an impossible length ({len} bytes).",
            Zh => "文件已损坏：第 {offset} 字节处的记录声称的长度（{len} 字节）不可能成立。",
        },
        Ui::CaptureBadSection => match lang {
            En => "The pcapng section at byte {offset} has a version or byte order this lab cannot read.",
            Zh => "第 {offset} 字节处的 pcapng 节使用了本实验室无法读取的版本或字节序。",
        },
        Ui::CaptureUnknownInterface => match lang {
            En => "The file is damaged: the packet at byte {offset} names interface {interface}, which the file never describes.",
            Zh => "文件已损坏：第 {offset} 字节处的数据包引用了接口 {interface}，而文件从未描述过这个接口。",
        },
        Ui::CaptureOneFrame => match lang {
            En => "1 frame",
            Zh => "1 帧",
        },
        Ui::CaptureFrames => match lang {
            En => "{n} frames",
            Zh => "{n} 帧",
        },
        Ui::CaptureOneSegment => match lang {
            En => "1 TCP segment",
            Zh => "1 个 TCP 报文段",
        },
        Ui::CaptureSegments => match lang {
            En => "{n} TCP segments",
            Zh => "{n} 个 TCP 报文段",
        },
        Ui::CaptureOneConnection => match lang {
            En => "1 connection",
            Zh => "1 个连接",
        },
        Ui::CaptureConnectionCount => match lang {
            En => "{n} connections",
            Zh => "{n} 个连接",
        },
        Ui::CaptureSummary => match lang {
            En => "{format}, {size}: {frames}, {segments}, {connections}.",
            Zh => "{format}，{size}：{frames}，{segments}，{connections}。",
        },
        Ui::CaptureSkipped => match lang {
            En => "{frames} not TCP (ARP, UDP, IP fragments, …) or could not be decoded, and left out.",
            Zh => "有 {frames}不是 TCP（ARP、UDP、IP 分片等）或无法解码，已略过。",
        },
        Ui::CaptureSnaplenCut => match lang {
            En => "{frames} cut short when captured (the snapshot length): payload is counted from the TCP header, and frames cut inside the headers are left out.",
            Zh => "有 {frames}在抓包时被截短（快照长度限制）：其载荷长度按 TCP 首部计算，首部就被截断的帧已略过。",
        },
        Ui::CaptureStoppedEarly => match lang {
            En => "Reading stopped early. {error} The {n} frames before it are shown.",
            Zh => "读取提前停止。{error}之前的 {n} 帧照常显示。",
        },
        Ui::CaptureReading => match lang {
            En => "Reading {name}: {percent}%",
            Zh => "正在读取 {name}：{percent}%",
        },
        Ui::CaptureShowConnection => match lang {
            En => "Show connection {i} on the ladder",
            Zh => "在梯形图上查看连接 {i}",
        },
        Ui::CompareHeading => match lang {
            En => "Compare with the simulator",
            Zh => "与模拟器对比",
        },
        Ui::CompareHint => match lang {
            En => "The lab reads each application's steps from the capture (who connected, who sent how much, who closed and when) and the segments the network lost, then runs them under both profiles. Where a run differs from the capture, the profile explains why: the textbook acknowledges a FIN on its own, Linux's timers are not the textbook's.",
            Zh => "实验室从抓包中读出双方应用程序的步骤（谁发起连接、谁发送了多少数据、谁在何时关闭）以及网络丢失的报文段，再用两种配置分别运行。模拟运行与抓包不同的地方，由配置来解释：教科书单独确认 FIN，Linux 的计时器也与教科书不同。",
        },
        Ui::CompareShow => match lang {
            En => "Compare with the simulator",
            Zh => "与模拟器对比",
        },
        Ui::CompareSteps => match lang {
            En => "Steps read from the capture: client {client}; server {server}",
            Zh => "从抓包中读出的步骤：客户端 {client}；服务器 {server}",
        },
        Ui::CompareNoSteps => match lang {
            En => "none",
            Zh => "无",
        },
        Ui::CompareSame => match lang {
            En => "The run sends the same segments and passes through the same states as the capture.",
            Zh => "模拟运行发送的报文段、经过的状态都与抓包一致。",
        },
        Ui::CompareOnlyInCapture => match lang {
            En => "Only in the capture: segment #{index} ({segment})",
            Zh => "仅抓包中有：第 {index} 号报文段（{segment}）",
        },
        Ui::CompareOnlyInRun => match lang {
            En => "Only in the simulator's run: segment #{index} ({segment})",
            Zh => "仅模拟运行中有：第 {index} 号报文段（{segment}）",
        },
        Ui::CompareStates => match lang {
            En => "{side}, {socket}: capture {capture}; simulator {run}",
            Zh => "{side}的{socket}：抓包中为 {capture}；模拟中为 {run}",
        },
        Ui::CompareConnectionSocket => match lang {
            En => "connection",
            Zh => "连接套接字",
        },
        Ui::CompareListenerSocket => match lang {
            En => "listener",
            Zh => "监听套接字",
        },
        Ui::CompareRunIt => match lang {
            En => "Run these steps in the simulator ({profile})",
            Zh => "在模拟器中运行这些步骤（{profile}）",
        },
        Ui::ServerHeading => match lang {
            En => "Server: one listener, many connections",
            Zh => "服务器：一个监听套接字，多个连接",
        },
        Ui::SynQueue => match lang {
            En => "SYN queue (half-open connections)",
            Zh => "半连接队列（SYN 队列）",
        },
        Ui::AcceptQueue => match lang {
            En => "Accept queue (completed, waiting for accept())",
            Zh => "全连接队列（accept 队列）",
        },
        Ui::QueueLength => match lang {
            En => "{n}: full when more than {limit}",
            Zh => "{n}：超过 {limit} 即为满",
        },
        Ui::QueueChart => match lang {
            En => "Both queues over the whole run, up to {peak} at the top; the line marks the playhead.",
            Zh => "整个运行过程中两个队列的长度，顶端为 {peak}；竖线标出当前时刻。",
        },
        Ui::Counters => match lang {
            En => "Counters at the listener",
            Zh => "监听套接字的计数器",
        },
        Ui::CountersHelp => match lang {
            En => "What the counters count",
            Zh => "各计数器的含义",
        },
        Ui::LatestListenerEvent => match lang {
            En => "Latest at the listener",
            Zh => "监听套接字最近发生的事",
        },
        Ui::NoListenerEvent => match lang {
            En => "Nothing has reached the listener yet.",
            Zh => "还没有任何报文到达监听套接字。",
        },
        Ui::Connections => match lang {
            En => "Connections",
            Zh => "连接",
        },
        Ui::ConnAddress => match lang {
            En => "Client address:port",
            Zh => "客户端的地址和端口",
        },
        Ui::ConnOrigin => match lang {
            En => "Opened by",
            Zh => "发起方",
        },
        Ui::ConnClientEnd => match lang {
            En => "Client end",
            Zh => "客户端一侧",
        },
        Ui::ConnServerEnd => match lang {
            En => "Server end",
            Zh => "服务器一侧",
        },
        Ui::ConnCookie => match lang {
            En => "SYN cookie",
            Zh => "是否用 SYN cookie",
        },
        Ui::Yes => match lang {
            En => "yes",
            Zh => "是",
        },
        Ui::No => match lang {
            En => "no",
            Zh => "否",
        },
        Ui::OriginClient => match lang {
            En => "client {n}",
            Zh => "客户端 {n}",
        },
        Ui::OriginFlood => match lang {
            En => "flood (spoofed address)",
            Zh => "洪泛（伪造地址）",
        },
        Ui::FloodAggregate => match lang {
            En => "{n} flood connections so far: {synrecv} request sockets in SYN-RECEIVED, {gone} request sockets gone, {cookies} SYNs answered with a cookie instead.",
            Zh => "目前共 {n} 个洪泛连接：{synrecv} 个请求套接字处于 SYN-RECEIVED，{gone} 个请求套接字已被移除，另有 {cookies} 个 SYN 以 cookie 回复。",
        },
        Ui::MoreRows => match lang {
            En => "{n} more connections are not listed; the counts above include them.",
            Zh => "另有 {n} 个连接未列出；上面的统计包含它们。",
        },
        Ui::ShowConnection => match lang {
            En => "Show connection {addr} on the ladder",
            Zh => "在时序图中显示连接 {addr}",
        },
        Ui::ShownOnLadder => match lang {
            En => "The ladder shows connection {addr} ({origin}). Pick another row to follow it.",
            Zh => "时序图显示的是连接 {addr}（{origin}）。选择另一行即可切换。",
        },
        Ui::ServerControls => match lang {
            En => "Change the server and run again",
            Zh => "修改服务器设置并重新运行",
        },
        Ui::Backlog => match lang {
            En => "listen() backlog",
            Zh => "listen() 的 backlog",
        },
        Ui::SynCookies => match lang {
            En => "SYN cookies (tcp_syncookies)",
            Zh => "启用 SYN cookie（tcp_syncookies）",
        },
        Ui::FloodSyns => match lang {
            En => "Flood SYNs (0: no flood)",
            Zh => "洪泛 SYN 数（0 表示没有洪泛）",
        },
        Ui::StopFlood => match lang {
            En => "Stop the flood",
            Zh => "停止洪泛",
        },
        Ui::StartFlood => match lang {
            En => "Start a flood",
            Zh => "发起洪泛",
        },
        Ui::AcceptDelay => match lang {
            En => "Wait before each accept() (ms)",
            Zh => "每次 accept() 前等待（毫秒）",
        },
        Ui::Reconnect => match lang {
            En => "This connection's client connects again from the same port",
            Zh => "该连接的客户端用同一端口再连接一次",
        },
        Ui::ResetKnobs => match lang {
            En => "Back to the scenario's own settings",
            Zh => "恢复场景自己的设置",
        },
        Ui::BadWholeNumber => match lang {
            En => "Enter a whole number from {min} to {max}.",
            Zh => "请输入 {min} 到 {max} 之间的整数。",
        },
        Ui::HintWholeNumber => match lang {
            En => "a whole number from 0 to {max}",
            Zh => "0 到 {max} 之间的整数",
        },
        Ui::OneConnectionScenarios => match lang {
            En => "One connection",
            Zh => "单个连接",
        },
        Ui::ServerScenarios => match lang {
            En => "A server with many connections",
            Zh => "多个连接的服务器",
        },
        Ui::ListenerSettings => match lang {
            En => "Listener settings: backlog {backlog} (somaxconn {somaxconn}), tcp_max_syn_backlog {max_syn}, tcp_syncookies {cookies}, tcp_abort_on_overflow {abort}.",
            Zh => "监听套接字的设置：backlog {backlog}（somaxconn {somaxconn}），tcp_max_syn_backlog {max_syn}，tcp_syncookies {cookies}，tcp_abort_on_overflow {abort}。",
        },
    }
}
