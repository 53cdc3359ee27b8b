//! Opening a capture: the **Open capture** button, dropping a file on the page, the reading
//! progress, what went wrong, the list of connections (like Wireshark's Conversations), and,
//! for the connection on the ladder, how sure the reconstruction is and what the capture shows
//! that the textbook does not. Every text in both languages.

use tcp_lab_content::Lang;
use tcp_sim::capture::{CaptureError, Connection, Ending, Format};
use tcp_sim::{Certainty, Note, NoteKind, Side};
use wasm_bindgen::JsCast;
use web_sys::{DragEvent, HtmlInputElement};
use yew::prelude::*;

use crate::i18n::{fmt_time, side_name};
use tcp_lab_model::capture::{
    certainty_at, CaptureAction, CaptureProblem, CaptureStatus, CaptureView, Opened,
    MAX_CAPTURE_BYTES,
};
use tcp_lab_model::log::LogKind;
use tcp_lab_model::{Playhead, RunRef};

/// The fixed texts of the capture views.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Text {
    Open,
    OpenHint,
    DropHere,
    Heading,
    StaysLocal,
    Close,
    Client,
    Server,
    Packets,
    Bytes,
    Duration,
    Ended,
    Show,
    MoreRows,
    RolesGuessed,
    Reconstructed,
    NotesHeading,
    Findings,
    Connections,
    NoNotes,
    NotInLink,
}

fn tx(lang: Lang, text: Text) -> &'static str {
    use Lang::{En, Zh};
    match (text, lang) {
        (Text::Open, En) => "Open capture",
        (Text::Open, Zh) => "打开抓包文件",
        (Text::OpenHint, En) => "Open a .pcap or .pcapng file from Wireshark or tcpdump, or drop one on the page. It is read in this browser and never uploaded.",
        (Text::OpenHint, Zh) => "打开 Wireshark 或 tcpdump 保存的 .pcap / .pcapng 文件，也可以直接拖到页面上。文件只在本浏览器中读取，不会上传。",
        (Text::DropHere, En) => "Drop the capture file to open it",
        (Text::DropHere, Zh) => "松开鼠标即可打开抓包文件",
        (Text::Heading, En) => "Capture",
        (Text::Heading, Zh) => "抓包文件",
        (Text::StaysLocal, En) => "Read in this browser: nothing is uploaded.",
        (Text::StaysLocal, Zh) => "只在本浏览器中读取，不会上传任何内容。",
        (Text::Close, En) => "Back to the simulator",
        (Text::Close, Zh) => "返回模拟器",
        (Text::Client, En) => "Client",
        (Text::Client, Zh) => "客户端",
        (Text::Server, En) => "Server",
        (Text::Server, Zh) => "服务器",
        (Text::Packets, En) => "Segments (c→s / s→c)",
        (Text::Packets, Zh) => "报文段（客→服 / 服→客）",
        (Text::Bytes, En) => "Payload bytes (c→s / s→c)",
        (Text::Bytes, Zh) => "载荷字节（客→服 / 服→客）",
        (Text::Duration, En) => "Duration",
        (Text::Duration, Zh) => "时长",
        (Text::Ended, En) => "Ended by",
        (Text::Ended, Zh) => "结束方式",
        (Text::Show, En) => "Show",
        (Text::Show, Zh) => "查看",
        (Text::MoreRows, En) => "Show more connections",
        (Text::MoreRows, Zh) => "显示更多连接",
        (Text::RolesGuessed, En) => "no SYN seen: client and server guessed from the ports",
        (Text::RolesGuessed, Zh) => "未看到 SYN：客户端与服务器是按端口猜测的",
        (Text::Reconstructed, En) => "The states on the ladder are reconstructed from the segments, not observed. Each change is marked observed (the side's own segment shows it), inferred (the side later acknowledged what caused it) or assumed (it follows from the rules, nothing proves it). A capture is taken at one point of the path: a segment seen leaving one host may never have reached the other. If the capture starts mid-connection, states are shown from where the segments make them certain.",
        (Text::Reconstructed, Zh) => "梯形图上的状态是根据报文段重建的，并非直接观察到。每次状态变化都标明：已观察（该端自己发出的报文段表明了它）、推断（该端随后确认了引起变化的报文段）或假定（按规则应当如此，但没有报文段证明）。抓包只在路径上的一个位置进行：看到从一台主机发出的报文段，未必到达了另一台。如果抓包从连接中途开始，状态只从报文段能确定的地方开始显示。",
        (Text::NotesHeading, En) => "What this capture shows that the textbook does not",
        (Text::NotesHeading, Zh) => "这次抓包里有、教科书图上没有的内容",
        (Text::Connections, En) => "Connections in the capture",
        (Text::Connections, Zh) => "抓包中的连接",
        (Text::Findings, En) => "Reconstructed from the capture",
        (Text::Findings, Zh) => "根据抓包重建",
        (Text::NoNotes, En) => "Nothing unusual: this connection looks like the textbook's.",
        (Text::NoNotes, Zh) => "没有特别之处：这个连接和教科书上的一样。",
        (Text::NotInLink, En) => "You are viewing a capture. A shared link never holds its packets: the file stays on your computer, and the link opens the lab's own simulated scenario.",
        (Text::NotInLink, Zh) => "你正在查看抓包文件。分享链接绝不包含其中的报文：文件留在你的电脑上，链接打开的是实验室自己模拟的场景。",
    }
}

/// The share panel's note while a capture is on the ladder (read by `static/tools.js`).
pub fn not_in_link(lang: Lang) -> &'static str {
    tx(lang, Text::NotInLink)
}

fn ending_text(lang: Lang, end: Ending) -> &'static str {
    match (end, lang) {
        (Ending::Fin, Lang::En) => "FIN from both sides",
        (Ending::Fin, Lang::Zh) => "双方都发了 FIN",
        (Ending::HalfClosed, Lang::En) => "one FIN only (half-closed)",
        (Ending::HalfClosed, Lang::Zh) => "只有一方发了 FIN（半关闭）",
        (Ending::Rst, Lang::En) => "RST (reset)",
        (Ending::Rst, Lang::Zh) => "RST（重置）",
        (Ending::Open, Lang::En) => "still open, or timed out silently",
        (Ending::Open, Lang::Zh) => "仍未关闭，或已悄然超时",
    }
}

fn certainty_text(lang: Lang, c: Certainty) -> &'static str {
    match (c, lang) {
        (Certainty::Observed, Lang::En) => "observed",
        (Certainty::Observed, Lang::Zh) => "已观察",
        (Certainty::Inferred, Lang::En) => "inferred",
        (Certainty::Inferred, Lang::Zh) => "推断",
        (Certainty::Assumed, Lang::En) => "assumed",
        (Certainty::Assumed, Lang::Zh) => "假定",
    }
}

/// For the endpoint badges: how sure each side's state (client, server) is at the playhead, in
/// words; nothing for a simulated run. A state no change has led to yet is the observer's
/// starting assumption.
pub fn badge_certainty(lang: Lang, run: &RunRef, p: Playhead) -> [Option<&'static str>; 2] {
    if run.trace.observation.is_none() {
        return [None, None];
    }
    Side::BOTH.map(|s| {
        let c = certainty_at(run, s, p).unwrap_or(Certainty::Assumed);
        Some(certainty_text(lang, c))
    })
}

/// A flagged fact, explained. `side` is the side it is about, named in the language.
fn note_text(lang: Lang, kind: NoteKind, side: &str) -> String {
    match (kind, lang) {
        (NoteKind::Retransmission, Lang::En) => format!("Retransmission: the {side} sends bytes it already sent, because no acknowledgment came in time (its retransmission timer ran out) or duplicate ACKs reported a gap."),
        (NoteKind::Retransmission, Lang::Zh) => format!("重传：{side}再次发送已经发过的数据，因为没有及时收到确认（重传计时器超时），或重复 ACK 报告了缺口。"),
        (NoteKind::ProbablyLost, Lang::En) => "Probably lost: the same bytes were sent again before anything acknowledged them, so this copy most likely never arrived (or arrived late).".to_string(),
        (NoteKind::ProbablyLost, Lang::Zh) => "可能丢失：在收到任何确认之前，同样的数据又被发送了一次，所以这一份很可能没有到达（或迟到了）。".to_string(),
        (NoteKind::DuplicateAck, Lang::En) => format!("Duplicate ACK: the {side} repeats its last acknowledgment while data is outstanding. It tells the sender a segment is missing; three in a row trigger a fast retransmit."),
        (NoteKind::DuplicateAck, Lang::Zh) => format!("重复 ACK：{side}在还有数据未确认时重复上一个确认号，告诉发送方有报文段缺失；连续三个会触发快速重传。"),
        (NoteKind::ZeroWindow, Lang::En) => format!("Zero window: the {side}'s receive buffer is full. The peer must stop sending data until the window opens again (it probes with window probes meanwhile)."),
        (NoteKind::ZeroWindow, Lang::Zh) => format!("零窗口：{side}的接收缓冲区满了。对方必须停止发送数据，直到窗口重新打开（期间用窗口探测报文询问）。"),
        (NoteKind::Rst, Lang::En) => format!("Reset: the {side} sends RST. The connection ends at once, without the FIN exchange; data not yet delivered is thrown away."),
        (NoteKind::Rst, Lang::Zh) => format!("重置：{side}发送 RST。连接立即结束，不经过 FIN 交换；尚未交付的数据被丢弃。"),
        (NoteKind::ChallengeAck, Lang::En) => format!("Challenge ACK: the {side} answers a SYN or RST that does not fit with a plain ACK instead of acting on it (RFC 5961), so a forged segment cannot tear the connection down."),
        (NoteKind::ChallengeAck, Lang::Zh) => format!("挑战 ACK：{side}收到不合时宜的 SYN 或 RST 时，只回一个 ACK 而不照办（RFC 5961），这样伪造的报文段无法拆掉连接。"),
        (NoteKind::ThreeSegmentClose, Lang::En) => "Three-segment close: the ACK of the first FIN rides on the second FIN. The peer had nothing left to send and delayed its ACK briefly, so both went out in one segment; the textbook draws four.".to_string(),
        (NoteKind::ThreeSegmentClose, Lang::Zh) => "三次挥手式关闭：对第一个 FIN 的确认搭载在第二个 FIN 上。对方已无数据要发，又把 ACK 稍作延迟，于是两者合成一个报文段；教科书画的是四个。".to_string(),
        (NoteKind::FourSegmentClose, Lang::En) => "Four-segment close, as in the textbook: the first FIN is acknowledged on its own, and the second FIN follows later.".to_string(),
        (NoteKind::FourSegmentClose, Lang::Zh) => "四次挥手，和教科书一样：第一个 FIN 单独得到确认，第二个 FIN 随后才发。".to_string(),
        (NoteKind::Simultaneous, Lang::En) => "Simultaneous open or close: both sides sent a SYN, or FINs that crossed on the way.".to_string(),
        (NoteKind::Simultaneous, Lang::Zh) => "同时打开或同时关闭：双方都发了 SYN，或者双方的 FIN 在途中交错。".to_string(),
        (NoteKind::MidConnection, Lang::En) => "The capture starts after the SYN: what came before is not in the file. The states are shown from the first state the segments make certain.".to_string(),
        (NoteKind::MidConnection, Lang::Zh) => "抓包从 SYN 之后才开始：之前发生的事不在文件里。状态从报文段能够确定的第一个状态开始显示。".to_string(),
        (NoteKind::NoAnswer, Lang::En) => format!("No answer: nothing came back to the {side}'s SYN."),
        (NoteKind::NoAnswer, Lang::Zh) => format!("无应答：{side}的 SYN 没有得到任何回应。"),
        (NoteKind::StillOpen, Lang::En) => format!("When the capture ends, the {side} is not yet CLOSED; what happens next is not in the file (a TIME-WAIT is taken to end after Linux's 60 s)."),
        (NoteKind::StillOpen, Lang::Zh) => format!("抓包结束时，{side}还没有进入 CLOSED；之后的事不在文件里（TIME-WAIT 按 Linux 的 60 秒结束来假定）。"),
    }
}

fn bytes_text(lang: Lang, n: u64) -> String {
    let (v, unit) = if n >= 1 << 30 {
        (n as f64 / (1u64 << 30) as f64, "GB")
    } else if n >= 1 << 20 {
        (n as f64 / (1u64 << 20) as f64, "MB")
    } else if n >= 1 << 10 {
        (n as f64 / 1024.0, "KB")
    } else {
        return match lang {
            Lang::En => format!("{n} bytes"),
            Lang::Zh => format!("{n} 字节"),
        };
    };
    format!("{} {unit}", crate::numtext::trimmed(v, 1))
}

fn problem_text(lang: Lang, p: &CaptureProblem) -> String {
    let limit = bytes_text(lang, MAX_CAPTURE_BYTES);
    match (p, lang) {
        (CaptureProblem::TooLarge { size }, Lang::En) => format!("This file is {}: too large for the lab, which reads captures up to {limit}. Was it picked by mistake? To look at part of it, cut it first, e.g. editcap -c 100000 big.pcapng part.pcapng.", bytes_text(lang, *size)),
        (CaptureProblem::TooLarge { size }, Lang::Zh) => format!("这个文件有 {}，太大了：实验室最多读取 {limit} 的抓包文件。是不是选错了文件？如果只想看其中一部分，请先截取，例如 editcap -c 100000 big.pcapng part.pcapng。", bytes_text(lang, *size)),
        (CaptureProblem::Empty, Lang::En) => "This file is empty.".to_string(),
        (CaptureProblem::Empty, Lang::Zh) => "这个文件是空的。".to_string(),
        (CaptureProblem::ReadFailed, Lang::En) => "The browser could not read this file. Was it moved or deleted meanwhile? Try opening it again.".to_string(),
        (CaptureProblem::ReadFailed, Lang::Zh) => "浏览器无法读取这个文件。它是否在此期间被移动或删除了？请重新打开。".to_string(),
        (CaptureProblem::Unreadable(e), _) => error_text(lang, e),
        (CaptureProblem::NoTcp { frames }, Lang::En) => format!("No TCP segment in this file ({frames} frames read): the lab shows TCP connections only."),
        (CaptureProblem::NoTcp { frames }, Lang::Zh) => format!("这个文件里没有 TCP 报文段（读取了 {frames} 帧）：实验室只显示 TCP 连接。"),
    }
}

fn error_text(lang: Lang, e: &CaptureError) -> String {
    match (e, lang) {
        (CaptureError::BadMagic(_), Lang::En) => "This is not a pcap or pcapng capture: it does not begin like one. In Wireshark, save the capture as .pcap or .pcapng.".to_string(),
        (CaptureError::BadMagic(_), Lang::Zh) => "这不是 pcap 或 pcapng 抓包文件：文件开头不对。请在 Wireshark 中把抓包另存为 .pcap 或 .pcapng。".to_string(),
        (CaptureError::Truncated { offset }, Lang::En) => format!("The file is cut off: it ends inside the record that starts at byte {offset} (an interrupted download or copy?)."),
        (CaptureError::Truncated { offset }, Lang::Zh) => format!("文件被截断了：它在从第 {offset} 字节开始的记录中间结束（下载或复制被中断了吗？）。"),
        (CaptureError::BadLength { offset, len }, Lang::En) => format!("The file is damaged: the record at byte {offset} claims an impossible length ({len} bytes)."),
        (CaptureError::BadLength { offset, len }, Lang::Zh) => format!("文件已损坏：第 {offset} 字节处的记录声称的长度（{len} 字节）不可能成立。"),
        (CaptureError::BadSection { offset }, Lang::En) => format!("The pcapng section at byte {offset} has a version or byte order this lab cannot read."),
        (CaptureError::BadSection { offset }, Lang::Zh) => format!("第 {offset} 字节处的 pcapng 节使用了本实验室无法读取的版本或字节序。"),
        (CaptureError::UnknownInterface { offset, interface }, Lang::En) => format!("The file is damaged: the packet at byte {offset} names interface {interface}, which the file never describes."),
        (CaptureError::UnknownInterface { offset, interface }, Lang::Zh) => format!("文件已损坏：第 {offset} 字节处的数据包引用了接口 {interface}，而文件从未描述过这个接口。"),
    }
}

fn format_name(f: Option<Format>) -> &'static str {
    match f {
        Some(Format::Pcap { .. }) => "pcap",
        Some(Format::PcapNg) => "pcapng",
        None => "",
    }
}

/// "1 frame", "2 frames".
fn count_en(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

/// Frames, segments and connections, and what was left out.
fn summary_lines(lang: Lang, o: &Opened) -> Vec<(String, bool)> {
    let c = &o.capture;
    let mut lines = vec![(
        match lang {
            Lang::En => format!(
                "{}, {}: {}, {}, {}.",
                format_name(o.format()),
                bytes_text(lang, o.size),
                count_en(c.frames, "frame"),
                count_en(c.packets.len(), "TCP segment"),
                count_en(o.connections.len(), "connection")
            ),
            Lang::Zh => format!(
                "{}，{}：{} 帧，{} 个 TCP 报文段，{} 个连接。",
                format_name(o.format()),
                bytes_text(lang, o.size),
                c.frames,
                c.packets.len(),
                o.connections.len()
            ),
        },
        false,
    )];
    if !c.skipped.is_empty() {
        lines.push((
            match lang {
                Lang::En => format!(
                    "{} not TCP (ARP, UDP, IP fragments, …) or could not be decoded, and left out.",
                    count_en(c.skipped.len(), "frame")
                ),
                Lang::Zh => format!(
                    "有 {} 帧不是 TCP（ARP、UDP、IP 分片等）或无法解码，已略过。",
                    c.skipped.len()
                ),
            },
            false,
        ));
    }
    if c.snaplen_cut > 0 {
        lines.push((
            match lang {
                Lang::En => format!("{} cut short when captured (the snapshot length): payload is counted from the TCP header, and frames cut inside the headers are left out.", count_en(c.snaplen_cut, "frame")),
                Lang::Zh => format!("有 {} 帧在抓包时被截短（快照长度限制）：其载荷长度按 TCP 首部计算，首部就被截断的帧已略过。", c.snaplen_cut),
            },
            true,
        ));
    }
    if let Some(e) = &c.error {
        lines.push((
            match lang {
                Lang::En => format!(
                    "Reading stopped early. {} The {} frames before it are shown.",
                    error_text(lang, e),
                    c.frames
                ),
                Lang::Zh => format!(
                    "读取提前停止。{}之前的 {} 帧照常显示。",
                    error_text(lang, e),
                    c.frames
                ),
            },
            true,
        ));
    }
    lines
}

#[derive(Properties, PartialEq)]
pub struct CaptureOpenerProps {
    pub lang: Lang,
    pub on: Callback<CaptureAction>,
}

/// The **Open capture** button (a file input), and dropping a file anywhere on the page.
#[function_component(CaptureOpener)]
pub fn capture_opener(p: &CaptureOpenerProps) -> Html {
    let lang = p.lang;
    let input = use_node_ref();
    let dragging = use_state(|| false);
    {
        let on = p.on.clone();
        let dragging = dragging.clone();
        use_effect_with((), move |_| {
            let window = gloo_utils::window();
            let options = gloo_events::EventListenerOptions::enable_prevent_default();
            let carries_files = |e: &DragEvent| {
                e.data_transfer()
                    .is_some_and(|d| d.types().includes(&"Files".into(), 0))
            };
            let over = {
                let dragging = dragging.clone();
                gloo_events::EventListener::new_with_options(
                    &window,
                    "dragover",
                    options,
                    move |e| {
                        let Some(e) = e.dyn_ref::<DragEvent>() else {
                            return;
                        };
                        if carries_files(e) {
                            e.prevent_default();
                            if let Some(d) = e.data_transfer() {
                                d.set_drop_effect("copy");
                            }
                            dragging.set(true);
                        }
                    },
                )
            };
            let leave = {
                let dragging = dragging.clone();
                gloo_events::EventListener::new(&window, "dragleave", move |e| {
                    // Leaving the window: no related target.
                    if e.dyn_ref::<DragEvent>()
                        .is_some_and(|e| e.related_target().is_none())
                    {
                        dragging.set(false);
                    }
                })
            };
            let on_drop =
                gloo_events::EventListener::new_with_options(&window, "drop", options, move |e| {
                    let Some(e) = e.dyn_ref::<DragEvent>() else {
                        return;
                    };
                    if !carries_files(e) {
                        return;
                    }
                    e.prevent_default();
                    dragging.set(false);
                    if let Some(file) = e
                        .data_transfer()
                        .and_then(|d| d.files())
                        .and_then(|f| f.get(0))
                    {
                        crate::capture_platform::open(file, on.clone());
                    }
                });
            move || drop((over, leave, on_drop))
        });
    }
    let onchange = {
        let on = p.on.clone();
        Callback::from(move |e: Event| {
            let Some(el) = e.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            if let Some(file) = el.files().and_then(|f| f.get(0)) {
                crate::capture_platform::open(file, on.clone());
            }
            // The same file can be opened again.
            el.set_value("");
        })
    };
    let onclick = {
        let input = input.clone();
        Callback::from(move |_| {
            if let Some(el) = input.cast::<HtmlInputElement>() {
                el.click();
            }
        })
    };
    html! {
        <div class="capture-open">
            <button type="button" data-action="open-capture" title={tx(lang, Text::OpenHint)} onclick={onclick}>
                { tx(lang, Text::Open) }
            </button>
            <input ref={input} type="file" hidden=true data-capture-input="" tabindex="-1"
                   aria-label={tx(lang, Text::Open)} accept=".pcap,.pcapng,.cap,.dmp,application/vnd.tcpdump.pcap"
                   onchange={onchange} />
            // On the body: an embed hides the header this button is in, not the drop target.
            if *dragging {
                { create_portal(html! {
                    <div class="drop-overlay" data-testid="drop-overlay" aria-hidden="true">
                        <p>{ tx(lang, Text::DropHere) }</p>
                    </div>
                }, gloo_utils::body().into()) }
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct CapturePanelProps {
    pub lang: Lang,
    pub view: CaptureView,
    pub on: Callback<CaptureAction>,
}

/// The capture's status, its connections, and the reconstruction of the one on the ladder.
#[function_component(CapturePanel)]
pub fn capture_panel(p: &CapturePanelProps) -> Html {
    let lang = p.lang;
    let v = &p.view;
    let close = {
        let on = p.on.clone();
        Callback::from(move |_| on.emit(CaptureAction::Close))
    };
    let (status, body) = match &v.status {
        CaptureStatus::Reading { done, total } => {
            let pct = if *total == 0 { 0 } else { done * 100 / total };
            let label = match lang {
                Lang::En => format!("Reading {}: {pct}%", v.name),
                Lang::Zh => format!("正在读取 {}：{pct}%", v.name),
            };
            (
                "reading",
                html! {
                    <p role="status" class="capture-progress">
                        <label>{ label.clone() }
                            <progress max={total.to_string()} value={done.to_string()} aria-label={label} />
                        </label>
                    </p>
                },
            )
        }
        CaptureStatus::Failed(problem) => (
            "failed",
            html! {
                <p class="notice warn" role="alert" data-capture-error={problem.key()}>
                    <strong>{ v.name.clone() }{ ": " }</strong>{ problem_text(lang, problem) }
                </p>
            },
        ),
        CaptureStatus::Open(o) => (
            "open",
            html! {
                <>
                    { for summary_lines(lang, o).into_iter().map(|(line, warn)| html! {
                        <p class={classes!("capture-summary", warn.then_some("warn"))}
                           role={warn.then_some("status")}>{ line }</p>
                    }) }
                    { connection_table(lang, o, v, &p.on) }
                </>
            },
        ),
    };
    let viewing = v.viewing.as_ref().map(|(i, _)| *i);
    html! {
        <section class="panel capture" data-testid="capture" aria-label={tx(lang, Text::Heading)}
                 data-capture-status={status} data-capture-viewing={viewing.map(|i| i.to_string())}>
            <div class="capture-head">
                <h2>{ tx(lang, Text::Heading) }{ ": " }<span class="capture-name">{ v.name.clone() }</span></h2>
                <button type="button" data-action="close-capture" onclick={close}>{ tx(lang, Text::Close) }</button>
            </div>
            <p class="hint">{ tx(lang, Text::StaysLocal) }</p>
            { body }
        </section>
    }
}

fn connection_table(lang: Lang, o: &Opened, v: &CaptureView, on: &Callback<CaptureAction>) -> Html {
    let viewing = v.viewing.as_ref().map(|(i, _)| *i);
    let row = |c: &Connection| {
        let i = c.index;
        let on = on.clone();
        let show = Callback::from(move |_| on.emit(CaptureAction::View(i)));
        let current = viewing == Some(i);
        let label = match lang {
            Lang::En => format!("Show connection {i} on the ladder"),
            Lang::Zh => format!("在梯形图上查看连接 {i}"),
        };
        html! {
            <tr key={i} data-conn={i.to_string()} data-client={c.client.to_string()} data-server={c.server.to_string()}
                data-segments={(c.segments[0] + c.segments[1]).to_string()}
                data-bytes-c2s={c.bytes[0].to_string()} data-bytes-s2c={c.bytes[1].to_string()}
                data-end={c.end.key()} aria-current={current.then_some("true")}>
                <td>{ i }</td>
                <td class="addr">{ c.client.to_string() }
                    if c.roles_guessed { <span class="hint">{ " (" }{ tx(lang, Text::RolesGuessed) }{ ")" }</span> }
                </td>
                <td class="addr">{ c.server.to_string() }</td>
                <td>{ format!("{} / {}", c.segments[0], c.segments[1]) }</td>
                <td>{ format!("{} / {}", c.bytes[0], c.bytes[1]) }</td>
                <td>{ fmt_time(lang, c.duration_ms()) }</td>
                <td>{ ending_text(lang, c.end) }</td>
                <td><button type="button" data-action="view-connection" data-conn={i.to_string()}
                            aria-label={label} aria-pressed={current.to_string()} onclick={show}>{ tx(lang, Text::Show) }</button></td>
            </tr>
        }
    };
    let more = (o.connections.len() > v.rows).then(|| {
        let on = on.clone();
        let left = o.connections.len() - v.rows;
        html! {
            <button type="button" data-action="more-connections" onclick={move |_| on.emit(CaptureAction::MoreRows)}>
                { tx(lang, Text::MoreRows) }{ format!(" (+{left})") }
            </button>
        }
    });
    html! {
        <>
            <div class="capture-table-wrap" tabindex="0" role="region" aria-label={tx(lang, Text::Connections)}>
                <table class="capture-connections" data-testid="capture-connections"
                       data-connections={o.connections.len().to_string()}>
                    <thead><tr>
                        <th scope="col">{ "#" }</th>
                        <th scope="col">{ tx(lang, Text::Client) }</th>
                        <th scope="col">{ tx(lang, Text::Server) }</th>
                        <th scope="col">{ tx(lang, Text::Packets) }</th>
                        <th scope="col">{ tx(lang, Text::Bytes) }</th>
                        <th scope="col">{ tx(lang, Text::Duration) }</th>
                        <th scope="col">{ tx(lang, Text::Ended) }</th>
                        <th scope="col"><span class="sr-only">{ tx(lang, Text::Show) }</span></th>
                    </tr></thead>
                    <tbody>{ for o.connections.iter().take(v.rows).map(row) }</tbody>
                </table>
            </div>
            { more.unwrap_or_default() }
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct CaptureFindingsProps {
    pub lang: Lang,
    pub run: RunRef,
    pub playhead: Playhead,
    pub on_jump: Callback<usize>,
}

/// For a run observed in a capture: how sure each side's state is at the playhead, and what the
/// capture shows that the textbook does not. Nothing for a simulated run.
#[function_component(CaptureFindings)]
pub fn capture_findings(p: &CaptureFindingsProps) -> Html {
    let (lang, run, p, on_jump) = (p.lang, &p.run, p.playhead, &p.on_jump);
    let Some(obs) = run.trace.observation.as_ref() else {
        return Html::default();
    };
    let side = |s: Side| {
        let state = run.state_at(s, p);
        let certainty = certainty_at(run, s, p);
        let words = certainty.map(|c| certainty_text(lang, c));
        html! {
            <li data-certainty-side={s.name()} data-state={state.rfc_name()}
                data-certainty={certainty.map(|c| c.key())}>
                <strong>{ side_name(lang, s) }</strong>{ ": " }{ state.rfc_name() }
                if let Some(w) = words { <span class="certainty">{ format!(" ({w})") }</span> }
            </li>
        }
    };
    let note = |n: &Note| {
        let who = n.side.map(|s| side_name(lang, s)).unwrap_or_default();
        let text = note_text(lang, n.kind, who);
        let entry = n
            .segment
            .and_then(|id| run.log.iter().position(|e| e.kind == LogKind::Sent(id)));
        let label = n.segment.map(|id| format!("#{id}"));
        html! {
            <li data-note={n.kind.key()} data-note-segment={n.segment.map(|i| i.to_string())}>
                if let (Some(entry), Some(label)) = (entry, label) {
                    <button type="button" class="linkish" data-action="jump-note"
                            onclick={on_jump.reform(move |_| entry)}>{ label }</button>{ " " }
                }
                { text }
            </li>
        }
    };
    html! {
        <section class="panel capture-reconstruction" data-testid="capture-findings"
                 aria-label={tx(lang, Text::Findings)}>
            <h2>{ tx(lang, Text::Findings) }</h2>
            <p class="capture-endpoints">{ format!("{} → {}", obs.client, obs.server) }</p>
            <ul class="capture-certainty">{ side(Side::Client) }{ side(Side::Server) }</ul>
            <p class="hint">{ tx(lang, Text::Reconstructed) }</p>
            <h3>{ tx(lang, Text::NotesHeading) }</h3>
            if obs.notes.is_empty() {
                <p>{ tx(lang, Text::NoNotes) }</p>
            } else {
                <ul class="capture-notes">{ for obs.notes.iter().map(note) }</ul>
            }
        </section>
    }
}
