//! LESSONS: the guided tours. Each lesson plays one scenario under one
//! profile, pauses at its stops, and ends with a check question.
//!
//! How to edit: find the lesson by its `id` (e.g. `"half-close"`), then
//! change the text between the quotes in `en:` or `zh:`. Do not change the
//! `id` (it is the URL, `?lesson=ID`) unless every link to it changes too.
//!
//! Each stop says WHEN the lab pauses (`at:`, found in the real trace, not a
//! fixed time) and what to say there (`text:`), two to four sentences.
//! Numbers come from the run through placeholders in braces, which may add or
//! subtract a whole number, e.g. `{client_isn+1}`:
//! `{client_isn}` `{server_isn}` (absolute ISNs); `{seq}` `{ack}` `{next_seq}`
//! (the stop's segment, absolute; `next_seq` = seq + length, SYN and FIN count
//! one); `{seq_rel}` `{ack_rel}` `{next_seq_rel}` (the same, relative to the
//! ISNs); `{len}`; `{mss}` `{wscale}`; `{delay_ms}`; `{retx_gap_ms}` (time since
//! the previous copy); `{t_ms}`; `{time_wait_s}` `{msl_s}`; `{client_addr}`
//! `{server_addr}` `{client_port}` `{server_port}`; `{client_read}`
//! `{server_read}`. The stop's segment is the one that arrived or was sent, or
//! the one that caused the transition. The retry limits of `fill_limits`
//! (`{linux_syn_retries}`, `{linux_syn_give_up_s}`, … see `src/limits.rs`)
//! work in narration and in the mistakes' corrections: never type such
//! numbers. A test checks that every placeholder is filled in every lesson.
//!
//! The lessons on the server side play a run with one listener and many
//! connections (`LessonScenario::Server`, a file in `tcp-sim/scenarios/server`).
//! Their stops may also name a listener event (`listener(kind, nth)`), a
//! transition of a client's connections (`client_enters(client, side, to, nth)`),
//! a transition's cause, a corruption or a client's failed step, and their
//! narration may quote the queues and counters (`{syn_queue}`,
//! `{accept_queue}`, `{listen_overflows}`, `{cookies_sent}`, …; the full list
//! is on `Lesson::narration`).
//!
//! `mistakes` is the lesson's "Common mistakes" card: each entry quotes a
//! claim learners bring from popular articles (`claim`, wrong on purpose,
//! in the words they met it) and says what is true instead (`correction`).
//! Every lesson has at least one.
//!
//! `check.correct` is the index (from 0) of the right choice. Keep exactly
//! one choice right, and let the explanation say why the others are wrong.
//!
//! Be precise: the third handshake segment has no SYN flag; the ACK flag is a
//! bit while the acknowledgment number (确认号) is a number; TIME-WAIT
//! re-acknowledges a repeated FIN and lets old duplicates expire; TCP differs
//! from UDP in reliability. Tests check all of this.

use crate::analogies::AnalogyTopic;
use crate::lessons::{Check, CustomScenario, Lesson, LessonScenario, Mistake, Stop, StopAt};
use crate::BiText;
use tcp_sim::server::ListenerEventKind;
use tcp_sim::{Cause, Dir, ProfileName, SendReason, Side, State};

/// Without the `text` feature (the web app) the lesson text is left out of
/// the binary: the app loads it at run time from the files `export-learn-text`
/// generates from this table (see `crate::learn_text`).
#[cfg(feature = "text")]
const fn t(en: &'static str, zh: &'static str) -> BiText {
    BiText { en, zh }
}

#[cfg(not(feature = "text"))]
const fn t(_en: &'static str, _zh: &'static str) -> BiText {
    BiText { en: "", zh: "" }
}

const fn arrival(dir: Dir, flags: &'static str, nth: u32) -> StopAt {
    StopAt::Arrival { dir, flags, nth }
}

const fn sent(dir: Dir, flags: &'static str, nth: u32) -> StopAt {
    StopAt::Sent { dir, flags, nth }
}

const fn enters(side: Side, to: State, nth: u32) -> StopAt {
    StopAt::Transition { side, to, nth }
}

const fn listener(kind: ListenerEventKind, nth: u32) -> StopAt {
    StopAt::Listener { kind, nth }
}

const fn client_enters(client: usize, side: Side, to: State, nth: u32) -> StopAt {
    StopAt::ClientTransition {
        client,
        side,
        to,
        nth,
    }
}

use Dir::{C2S, S2C};

pub(crate) static LESSONS: &[Lesson] = &[
    // ------------------------------------------------------------------ what TCP adds
    Lesson {
        id: "what-tcp-adds",
        source: LessonScenario::Named("syn_retries_exhausted"),
        profile: ProfileName::Linux,
        title: t("What TCP adds, and what it does not", "TCP 带来了什么，没有带来什么"),
        goal: t(
            "Before the handshake: what TCP promises (every byte, once and in order, or an error the application sees), what it leaves to TLS (encryption, authentication), and what happens when the network never answers.",
            "学握手之前先弄清：TCP 承诺什么（每个字节恰好一次、按顺序送达，否则应用程序会看到一个错误），把什么留给 TLS（加密、身份认证），以及网络始终没有回应时会怎样。",
        ),
        analogy: Some(AnalogyTopic::Retransmission),
        stops: &[
            Stop {
                at: sent(C2S, "S", 1),
                text: t(
                    "TCP's promise is reliable delivery: every byte arrives once, in order, or the application gets an error. Reliable is not secure: TCP has no encryption and no authentication, so anyone on the path can read or change these segments; that is the job of TLS, which runs on top of TCP. Here the client's first SYN, ISN {client_isn}, is lost on the way.",
                    "TCP 承诺的是可靠交付：每个字节恰好到达一次、按顺序到达，否则应用程序会收到一个错误。可靠不等于安全：TCP 既不加密，也不认证对方身份，路径上的任何人都能读取或篡改这些报文段；这是运行在 TCP 之上的 TLS 的工作。这里，客户端的第一个 SYN（ISN {client_isn}）在途中丢失了。",
                ),
            },
            Stop {
                at: sent(C2S, "S", 2),
                text: t(
                    "After {retx_gap_ms} ms without an answer, the client's timer expires and it sends the same SYN again. This is where reliability comes from: sequence numbers name every byte (and the SYN), acknowledgments say what arrived, and a timer retransmits what was not acknowledged. The handshake only starts this machinery by synchronizing the two ISNs; it does not make the network reliable.",
                    "等了 {retx_gap_ms} 毫秒没有回应，客户端的计时器到期，它把同一个 SYN 再发一次。可靠性正是从这里来的：序列号给每个字节（以及 SYN）编号，确认号告诉对方收到了什么，计时器把没有被确认的内容重传。握手只是通过同步双方的 ISN 让这套机制运转起来，它本身并不能让网络变得可靠。",
                ),
            },
            Stop {
                at: sent(C2S, "S", 11),
                text: t(
                    "This is the last try: the Linux profile retransmits a SYN {linux_syn_retries} times, with gaps of {linux_syn_intervals} seconds, and here every copy is lost. The network promises nothing, and TCP cannot force a segment through.",
                    "这是最后一次尝试：Linux 配置下，一个 SYN 最多重传 {linux_syn_retries} 次，间隔依次为 {linux_syn_intervals} 秒，而这里每一份都丢了。网络什么也不保证，TCP 也没法强行把报文段送过去。",
                ),
            },
            Stop {
                at: enters(Side::Client, State::Closed, 1),
                text: t(
                    "{linux_syn_give_up_s} s after the first SYN, the client gives up: it goes back to CLOSED, and connect() fails with \"connection timed out\" (ETIMEDOUT). TCP does not deliver at any cost; it makes sure the application learns that delivery failed.",
                    "第一个 SYN 发出 {linux_syn_give_up_s} 秒后，客户端放弃：它回到 CLOSED，connect() 以“连接超时”（ETIMEDOUT）失败。TCP 并不是不惜代价地送达，它保证的是：送达失败时，应用程序会知道。",
                ),
            },
        ],
        check: Check {
            question: t(
                "What makes TCP reliable?",
                "TCP 的可靠性从哪里来？",
            ),
            choices: &[
                t("The three-way handshake", "三次握手"),
                t(
                    "Sequence numbers, acknowledgments and retransmission",
                    "序列号、确认和重传",
                ),
                t("Encrypting every segment", "给每个报文段加密"),
                t(
                    "A network that loses nothing once the connection is up",
                    "连接建立后，网络就不再丢包",
                ),
            ],
            correct: 1,
            why: &[
                t(
                    "Not this one: the handshake only synchronizes the two ISNs that the numbering needs. After it, segments can still be lost, and TCP recovers them by retransmitting, not by shaking hands again.",
                    "不对：握手只是同步了编号所需的两个 ISN。握手之后报文段照样可能丢失，TCP 靠重传把它们补回来，而不是再握一次手。",
                ),
                t(
                    "Right: sequence numbers name every byte, acknowledgments say what arrived, and the retransmission timer sends again what was not acknowledged, for the whole life of the connection.",
                    "正确：序列号给每个字节编号，确认号说明收到了什么，重传计时器把没有被确认的内容再发一次，在连接的整个生命周期里都是如此。",
                ),
                t(
                    "Not this one: TCP encrypts nothing, and encryption would not make delivery reliable anyway. Encryption is the job of TLS, which runs on top of TCP.",
                    "不对：TCP 不加密任何东西，况且加密也不能让交付变得可靠。加密是运行在 TCP 之上的 TLS 的工作。",
                ),
                t(
                    "Not this one: the network may lose any segment at any time, before or after the handshake. In this lesson it lost every SYN, and under Linux connect() finally failed with a time-out.",
                    "不对：网络随时可能丢掉任何报文段，握手前后都一样。本课中它丢掉了每一个 SYN，在 Linux 下 connect() 最终以超时失败。",
                ),
            ],
            explanation: t(
                "Sequence numbers name the bytes, acknowledgments report what arrived, and the retransmission timer sends again what was not acknowledged. The handshake only synchronizes the ISNs this needs, TCP encrypts nothing (TLS does), and the network may lose any segment at any time: here it lost every SYN, and connect() timed out.",
                "序列号给字节编号，确认号报告收到了什么，重传计时器把没有被确认的内容再发一次。握手只是同步这套机制所需的 ISN；TCP 不加密任何东西（那是 TLS 的事）；网络随时可能丢掉任何报文段：这里它丢掉了每一个 SYN，connect() 最终超时。",
            ),
        },
        mistakes: &[
            Mistake {
                claim: t(
                    "\"TCP is secure, UDP is not.\"",
                    "“TCP 安全，UDP 不安全。”",
                ),
                correction: t(
                    "Reliable is not secure: TCP has no encryption and no authentication, and anyone on the path can read or change its segments. Encryption and proof of who is talking come from TLS, which runs on top of TCP (HTTPS is HTTP over TLS over TCP). What TCP adds over UDP is reliability and order.",
                    "可靠不等于安全：TCP 既不加密，也不认证对方身份，路径上的任何人都能读取或篡改它的报文段。加密和身份认证由运行在 TCP 之上的 TLS 提供（HTTPS 就是 HTTP 跑在 TLS 上，TLS 再跑在 TCP 上）。TCP 比 UDP 多出来的是可靠和有序。",
                ),
            },
            Mistake {
                claim: t(
                    "\"The three-way handshake and the four-way close are there to make TCP secure and reliable.\"",
                    "“三次握手四次挥手就是为了保证 TCP 安全的。”",
                ),
                correction: t(
                    "Reliability comes from sequence numbers, acknowledgments and retransmission, on every segment for the whole life of the connection. The handshake only synchronizes the two ISNs that this numbering needs: after it, segments can still be lost, and TCP recovers them by retransmitting, not by shaking hands again.",
                    "可靠性来自序列号、确认和重传，它们作用于连接整个生命周期里的每一个报文段。握手只是同步了这套编号所需的两个 ISN：握手之后报文段照样可能丢失，TCP 靠重传把它们补回来，而不是再握一次手。",
                ),
            },
            Mistake {
                claim: t(
                    "\"TCP guarantees 100% that the receiver gets the signal.\"",
                    "“TCP 保证接收方百分之百能收到。”",
                ),
                correction: t(
                    "TCP retries, then gives up: under the Linux profile a SYN is sent again {linux_syn_retries} times, and connect() fails with a time-out {linux_syn_give_up_s} s after the first one, as in this lesson. What TCP guarantees is that the application learns of the failure, not that the data gets through.",
                    "TCP 会重试，然后放弃：在 Linux 配置下，一个 SYN 最多重传 {linux_syn_retries} 次，第一个 SYN 发出 {linux_syn_give_up_s} 秒后 connect() 以超时失败，正如本课所示。TCP 保证的是应用程序会得知失败，而不是数据一定能送达。",
                ),
            },
        ],
    },
    // ------------------------------------------------------------------ handshake
    Lesson {
        id: "handshake",
        source: LessonScenario::Named("normal"),
        profile: ProfileName::Rfc,
        title: t("The three-way handshake, step by step", "三次握手，一步一步看"),
        goal: t(
            "Follow the three handshake segments and compute every sequence and acknowledgment number yourself.",
            "跟着三次握手的三个报文段走一遍，亲手算出每一个序列号和确认号。",
        ),
        analogy: Some(AnalogyTopic::Handshake),
        stops: &[
            Stop {
                at: sent(C2S, "S", 1),
                text: t(
                    "The client picks an initial sequence number, ISN {client_isn}, and sends a SYN that carries it in the sequence number field. The ACK flag is off, so the acknowledgment number field means nothing yet. The client is now in SYN-SENT; Wireshark would show this sequence number as relative 0.",
                    "客户端选定初始序列号 ISN {client_isn}，发出一个 SYN，把它填在序列号字段里。此时确认标志 ACK 没有置 1，所以确认号字段还没有意义。客户端进入 SYN-SENT；在 Wireshark 里，这个序列号显示为相对值 0。",
                ),
            },
            Stop {
                at: arrival(C2S, "S", 1),
                text: t(
                    "The SYN reaches the server, which records the client's ISN and enters SYN-RECEIVED. Its answer does two jobs in one segment: the SYN flag carries its own ISN, {server_isn}, and the ACK flag with acknowledgment number {client_isn} + 1 = {client_isn+1} confirms the client's SYN. The +1 is there because a SYN occupies one sequence number; the acknowledgment number always names the next number expected.",
                    "SYN 到达服务器，服务器记下客户端的 ISN，进入 SYN-RECEIVED。它用一个报文段回复，同时做两件事：SYN 标志带出自己的 ISN {server_isn}；ACK 标志置 1、确认号为 {client_isn} + 1 = {client_isn+1}，确认客户端的 SYN。之所以加 1，是因为 SYN 本身占用一个序列号；确认号总是指下一个期望收到的编号。",
                ),
            },
            Stop {
                at: arrival(S2C, "SA", 1),
                text: t(
                    "The SYN-ACK's acknowledgment number, {ack}, is exactly the client's ISN + 1, so the client knows its SYN arrived and has the server's ISN: it enters ESTABLISHED. It answers with a bare ACK, and the SYN flag stays off this time: sequence number {client_isn} + 1 = {client_isn+1}, acknowledgment number {server_isn} + 1 = {server_isn+1}. Look at the \"what each side knows\" panel: the client now knows everything, the server not yet.",
                    "SYN-ACK 的确认号 {ack} 正好等于客户端的 ISN + 1，客户端由此知道自己的 SYN 已经送达，也拿到了服务器的 ISN，于是进入 ESTABLISHED。它回复一个纯 ACK，这一次不带 SYN 标志：序列号为 {client_isn} + 1 = {client_isn+1}，确认号为 {server_isn} + 1 = {server_isn+1}。看看“双方各自知道什么”面板：客户端此时已经全部确认，服务器还没有。",
                ),
            },
            Stop {
                at: arrival(C2S, "A", 1),
                text: t(
                    "The third segment tells the server that its own SYN arrived, so the server enters ESTABLISHED: only now does it know that the client can hear it. This bare ACK carries no data and occupies no sequence number, which is why the client's first data segment also starts at sequence number {seq}.",
                    "第三个报文段告诉服务器：它自己的 SYN 也送到了。服务器进入 ESTABLISHED，直到这时它才知道客户端听得见自己。这个纯 ACK 不带数据，也不占用序列号，所以客户端的第一个数据报文段同样从序列号 {seq} 开始。",
                ),
            },
            Stop {
                at: arrival(C2S, "PA", 1),
                text: t(
                    "The first data segment carries bytes {seq_rel} to {seq_rel+99} in relative numbers. The server acknowledges them with acknowledgment number {next_seq} (relative {next_seq_rel}): the number of the next byte it expects, not the number of the last byte it got.",
                    "第一个数据报文段携带的是相对编号 {seq_rel} 到 {seq_rel+99} 的字节。服务器用确认号 {next_seq}（相对值 {next_seq_rel}）确认它们：确认号是下一个期望收到的字节编号，而不是最后收到的那个字节的编号。",
                ),
            },
        ],
        check: Check {
            question: t(
                "The client's ISN is 5000 and the server's is 9000. What does the third handshake segment carry?",
                "客户端的 ISN 是 5000，服务器的 ISN 是 9000。第三次握手的报文段里是什么？",
            ),
            choices: &[
                t(
                    "The ACK and SYN flags, sequence number 5001, acknowledgment number 9001",
                    "ACK 和 SYN 标志，序列号 5001，确认号 9001",
                ),
                t(
                    "Only the ACK flag, sequence number 5001, acknowledgment number 9001",
                    "只有 ACK 标志，序列号 5001，确认号 9001",
                ),
                t(
                    "Only the ACK flag, sequence number 5000, acknowledgment number 9000",
                    "只有 ACK 标志，序列号 5000，确认号 9000",
                ),
                t(
                    "Only the ACK flag, sequence number 9001, acknowledgment number 5001",
                    "只有 ACK 标志，序列号 9001，确认号 5001",
                ),
            ],
            correct: 1,
            why: &[
                t(
                    "Not this one: the SYN flag is off in the third segment. The client's SYN was sent in the first segment and the server has acknowledged it; setting SYN again would start a new synchronization.",
                    "不对：第三个报文段不带 SYN 标志。客户端的 SYN 在第一个报文段里已经发出，服务器也已确认；再置 SYN 就等于重新开始同步。",
                ),
                t(
                    "Right: a bare ACK. Sequence number 5001 because the client's SYN used up 5000, acknowledgment number 9001 because the server's SYN used up 9000.",
                    "正确：一个纯 ACK。序列号是 5001，因为客户端的 SYN 用掉了 5000；确认号是 9001，因为服务器的 SYN 用掉了 9000。",
                ),
                t(
                    "Not this one: a SYN takes one sequence number. The client's SYN used up 5000 and the server's used up 9000, so the next numbers are 5001 and 9001.",
                    "不对：SYN 占用一个序列号。客户端的 SYN 用掉了 5000，服务器的 SYN 用掉了 9000，所以接下来分别是 5001 和 9001。",
                ),
                t(
                    "Not this one: the numbers are swapped. The sequence number counts the sender's own bytes (the client's, from 5000), and the acknowledgment number names the peer's next byte (the server's, 9001).",
                    "不对：两个数字颠倒了。序列号数的是发送方自己的字节（客户端的，从 5000 起），确认号指的是对方的下一个字节（服务器的，9001）。",
                ),
            ],
            explanation: t(
                "The third segment is a bare ACK: its SYN flag is off, because the client's SYN was already sent and acknowledged. Its sequence number is the client's ISN + 1 (the SYN used up 5000), and its acknowledgment number is the server's ISN + 1 (the server's SYN used up 9000). Each side's sequence numbers belong to the sender, so 9001 can never be the client's sequence number.",
                "第三个报文段是一个纯 ACK，不带 SYN 标志，因为客户端的 SYN 早已发出并得到确认。它的序列号是客户端的 ISN + 1（SYN 用掉了 5000），确认号是服务器的 ISN + 1（服务器的 SYN 用掉了 9000）。序列号总是属于发送方自己，所以 9001 不可能是客户端的序列号。",
            ),
        },
        mistakes: &[
            Mistake {
                claim: t(
                    "\"Third handshake: ACK = 1, SYN = 1, seq = x + 1, ack = y + 1.\"",
                    "“第三次握手：ACK = 1，SYN = 1，seq = x + 1，ack = y + 1。”",
                ),
                correction: t(
                    "The third segment is a bare ACK: its SYN flag is off. Only the first two segments carry SYN, one from each side, because each side synchronizes its ISN once. Its sequence number is x + 1 because the client's SYN used up number x.",
                    "第三个报文段是纯 ACK，不带 SYN 标志。只有前两个报文段带 SYN，双方各一个，因为每一方只需同步一次自己的 ISN。它的序列号是 x + 1，是因为客户端的 SYN 已经占用了编号 x。",
                ),
            },
            Mistake {
                claim: t(
                    "\"The server answers with ACK=x+1.\"",
                    "“服务器回复 ACK=x+1。”",
                ),
                correction: t(
                    "ACK is a flag, a single bit, and it is set to 1; x + 1 is the acknowledgment number, a separate 32-bit field. The SYN-ACK has the ACK flag set and acknowledgment number x + 1: the next sequence number the server expects from the client.",
                    "ACK 是一个标志位，只有一位，这里置 1；x + 1 是确认号，是另一个 32 位的字段。SYN-ACK 的确认标志 ACK 置 1，确认号为 x + 1，即服务器期望从客户端收到的下一个序列号。",
                ),
            },
        ],
    },
    // ------------------------------------------------------------------ why three
    Lesson {
        id: "why-three",
        source: LessonScenario::Named("old_duplicate_syn"),
        profile: ProfileName::Rfc,
        title: t(
            "Why three segments, not two and not four",
            "为什么是三次握手，而不是两次或四次",
        ),
        goal: t(
            "See how the third segment stops an old duplicate SYN from opening a connection nobody wants, and why the SYN and the ACK can share the second segment.",
            "亲眼看到第三次握手如何阻止旧的重复 SYN 建立一个没人要的连接，并理解为什么 SYN 和 ACK 可以合并在第二个报文段里。",
        ),
        analogy: Some(AnalogyTopic::WhyNotTwo),
        stops: &[
            Stop {
                at: arrival(C2S, "S", 1),
                text: t(
                    "A SYN from an earlier connection between the same addresses and ports arrives first; the client's real SYN is still held up in the network. The server cannot tell old from new, so it enters SYN-RECEIVED and answers with a SYN-ACK whose acknowledgment number is the old SYN's sequence number plus one, {seq+1}.",
                    "一个来自同一对地址和端口之间旧连接的 SYN 先到了，客户端真正的 SYN 还堵在网络里。服务器分不清新旧，于是进入 SYN-RECEIVED，回一个 SYN-ACK，确认号是这个旧 SYN 的序列号加 1，即 {seq+1}。",
                ),
            },
            Stop {
                at: arrival(S2C, "SA", 1),
                text: t(
                    "The client is in SYN-SENT for its own SYN, ISN {client_isn}, so it expects acknowledgment number {client_isn+1}; this SYN-ACK says {ack}. The client recognises an answer to a SYN it never sent and replies with RST. It can only do this because the connection is not open yet: the client still has its say, and that say is the third segment.",
                    "客户端正为自己的 SYN（ISN {client_isn}）等在 SYN-SENT，它期望的确认号是 {client_isn+1}，而这个 SYN-ACK 给出的是 {ack}。客户端认出这是对一个自己从没发过的 SYN 的回应，于是回 RST。它之所以能这样做，是因为连接还没有建立，客户端还有表态的机会，而这次表态正是第三次握手。",
                ),
            },
            Stop {
                at: arrival(C2S, "R", 1),
                text: t(
                    "The RST sends the server back to LISTEN and it forgets the half-open connection. With a two-way handshake the server would already be ESTABLISHED for a stale request, holding memory and waiting for data that never comes.",
                    "RST 让服务器回到 LISTEN，这个半连接被丢弃。如果是两次握手，服务器此刻已经为一个过期的请求进入 ESTABLISHED，白白占着内存，等待永远不会来的数据。",
                ),
            },
            Stop {
                at: arrival(C2S, "S", 2),
                text: t(
                    "Now the real SYN arrives, and the server answers it with a SYN-ACK that acknowledges {next_seq}, the client's ISN + 1. One segment carries both the server's own SYN and the ACK of the client's SYN. Sending them separately would work too, but would cost a fourth segment for nothing: that is why the handshake has three segments, not four.",
                    "真正的 SYN 到了，服务器回一个 SYN-ACK，确认号为 {next_seq}，即客户端的 ISN + 1。这一个报文段同时带着服务器自己的 SYN 和对客户端 SYN 的确认。分开发也行得通，只是白白多出第四个报文段：所以握手是三次，而不是四次。",
                ),
            },
            Stop {
                at: arrival(C2S, "A", 1),
                text: t(
                    "The client's bare ACK, acknowledgment number {ack}, confirms the server's ISN. Only now are both ISNs synchronized, each acknowledged by the other side; with two segments the server would never learn whether its own SYN got through.",
                    "客户端那个纯 ACK（确认号 {ack}）确认了服务器的 ISN。直到这时，双方的 ISN 才都同步好了，而且各自得到了对方的确认；如果只有两次握手，服务器永远不知道自己的 SYN 有没有送到。",
                ),
            },
        ],
        check: Check {
            question: t(
                "Why is a two-way handshake not enough?",
                "为什么两次握手不够？",
            ),
            choices: &[
                t(
                    "Because the data needs a third segment to carry it",
                    "因为数据需要第三个报文段来携带",
                ),
                t(
                    "Because every segment must be acknowledged, so the third segment acknowledges the ACK in the SYN-ACK",
                    "因为每个报文段都必须被确认，所以第三个报文段用来确认 SYN-ACK 里的 ACK",
                ),
                t(
                    "Because the server could not tell an old duplicate SYN from a new one and would open connections nobody wants, and it would never learn whether its own ISN arrived",
                    "因为服务器分不清旧的重复 SYN 和新的 SYN，会建立没人要的连接，而且永远不知道自己的 ISN 是否送达",
                ),
                t(
                    "Because the server must ask permission before sending its own SYN",
                    "因为服务器必须先征得同意，才能发送自己的 SYN",
                ),
            ],
            correct: 2,
            why: &[
                t(
                    "Not this one: the third segment may carry data, but it need not, and that is not why it exists. A bare ACK completes the handshake just as well.",
                    "不对：第三个报文段可以捎带数据，但不是非带不可，这也不是它存在的原因。一个纯 ACK 同样能完成握手。",
                ),
                t(
                    "Not this one: the third segment acknowledges the server's SYN, not an ACK. A bare ACK takes no sequence number and is never acknowledged; otherwise the acknowledgments would never end.",
                    "不对：第三个报文段确认的是服务器的 SYN，而不是某个 ACK。纯 ACK 不占序列号，从来不会被确认，否则确认就会没完没了。",
                ),
                t(
                    "Right: the third segment lets the client reject an old duplicate SYN with RST before the server commits to it, and it is the only proof the server gets that its own ISN arrived.",
                    "正确：第三个报文段让客户端能在服务器投入资源之前用 RST 拒绝旧的重复 SYN，它也是服务器唯一能拿到的、证明自己 ISN 已送达的凭据。",
                ),
                t(
                    "Not this one: the server asks nobody's permission. It puts its own SYN in the same segment as the acknowledgment of the client's SYN, which is why the handshake has three segments and not four.",
                    "不对：服务器不需要征得谁的同意。它把自己的 SYN 和对客户端 SYN 的确认放在同一个报文段里发出，所以握手是三次而不是四次。",
                ),
            ],
            explanation: t(
                "The third segment gives the client a chance to reject a stale SYN (with RST) before the server commits resources, and it is the only proof the server gets that its own ISN arrived. It acknowledges the server's SYN, not an ACK: a bare ACK takes no sequence number and is never acknowledged. Data may ride on the third segment, but that is not why it exists.",
                "第三个报文段让客户端有机会在服务器投入资源之前用 RST 拒绝过期的 SYN，它也是服务器唯一能拿到的、证明自己 ISN 已送达的凭据。它确认的是服务器的 SYN，而不是某个 ACK：纯 ACK 不占序列号，从来不会被确认。第三个报文段可以捎带数据，但这并不是它存在的原因。",
            ),
        },
        mistakes: &[
            Mistake {
                claim: t(
                    "\"Three handshakes are the cheapest way to make the connection reliable.\"",
                    "“三次握手是能基本保证可靠性的前提下最廉价的方案。”",
                ),
                correction: t(
                    "Three is what the job needs, not a price paid for reliability: each side must send its ISN and have it acknowledged, and the ACK of the first SYN rides on the second SYN. The third segment also lets the server tell an old duplicate SYN from a live attempt. More segments would add nothing.",
                    "三次是这件事本身需要的次数，而不是为可靠性付出的价钱：双方都要发出自己的 ISN 并得到确认，而对第一个 SYN 的确认可以和第二个 SYN 放在同一个报文段里。第三个报文段还让服务器能把旧的重复 SYN 和真正的连接请求区分开。再多几次也不会增加什么。",
                ),
            },
        ],
    },
    // ------------------------------------------------------------------ options
    Lesson {
        id: "handshake-options",
        source: LessonScenario::Named("normal"),
        profile: ProfileName::Linux,
        title: t(
            "What the handshake negotiates, and why ISNs are random",
            "握手协商了什么，ISN 为什么是随机的",
        ),
        goal: t(
            "Read the options on a real Linux SYN and SYN-ACK (MSS, window scale, SACK permitted, timestamps) and understand why each connection starts from an unpredictable ISN.",
            "读懂真实 Linux 的 SYN 和 SYN-ACK 上的选项（MSS、窗口扩大、允许 SACK、时间戳），并理解为什么每个连接都从一个难以预测的 ISN 开始。",
        ),
        analogy: None,
        stops: &[
            Stop {
                at: sent(C2S, "S", 1),
                text: t(
                    "Besides its ISN, {client_isn}, the Linux client's SYN carries options: maximum segment size {mss} bytes, window scale {wscale} (the window field in the client's later segments counts in units of 2^{wscale} bytes), SACK permitted, and timestamps. Options like these can only be offered on a SYN, so the handshake is the one chance to agree on them.",
                    "除了 ISN {client_isn}，Linux 客户端的 SYN 还带着选项：最大报文段长度 MSS 为 {mss} 字节，窗口扩大因子为 {wscale}（客户端之后报文段里的窗口字段以 2^{wscale} 字节为单位），允许 SACK，以及时间戳。这类选项只能在 SYN 上提出，所以握手是双方商定它们的唯一机会。",
                ),
            },
            Stop {
                at: sent(S2C, "SA", 1),
                text: t(
                    "The server's SYN-ACK answers with its own options: MSS {mss}, window scale {wscale}, SACK permitted, timestamps. Window scaling, SACK and timestamps are used only if both SYNs carry them; the MSS is one-sided: each side promises what it can receive, and the other sends no larger segments.",
                    "服务器的 SYN-ACK 给出自己的选项：MSS {mss}、窗口扩大因子 {wscale}、允许 SACK、时间戳。窗口扩大、SACK 和时间戳只有在双方的 SYN 都带上时才会启用；MSS 则是各说各的：每一方声明自己能接收多大的报文段，对方发送时不超过它。",
                ),
            },
            Stop {
                at: arrival(S2C, "SA", 1),
                text: t(
                    "The client now has everything it needs: the server's ISN {server_isn}, its MSS and its window scale. The textbook profile offers only the MSS; switch profiles to compare. MSS, window scale and SACK-permitted appear on SYNs only: the third segment and everything after it rely on what the two SYNs agreed. Timestamps are different: once agreed, they are carried on every segment except RSTs (RFC 7323 §3.2). And when segments are lost, later ACKs carry SACK blocks naming what did arrive (RFC 2018).",
                    "客户端现在拿到了所需的一切：服务器的 ISN {server_isn}、它的 MSS 和窗口扩大因子。教科书配置只提出 MSS，可以切换配置对比一下。MSS、窗口扩大因子和允许 SACK 这三个选项只出现在 SYN 上，第三个报文段和之后的所有报文段都按两个 SYN 商定的结果来。时间戳则不同：一经协商，之后除 RST 以外的每个报文段都要带上它（RFC 7323 第 3.2 节）。出现丢包时，之后的 ACK 还会带上 SACK 块，指明哪些数据已经收到（RFC 2018）。",
                ),
            },
            Stop {
                at: arrival(C2S, "A", 1),
                text: t(
                    "Why not start every connection at 0? A segment from an earlier connection between the same addresses and ports could still be in the network, and with the same numbers it would be taken for new data. An off-path attacker could also guess the numbers and inject segments. So the ISN is hard to predict: RFC 9293 and RFC 6528 derive it from a clock plus a secret hash of the 4-tuple; this lab draws it from a seeded generator.",
                    "为什么不让每个连接都从 0 开始？同一对地址和端口之间旧连接的报文段可能还在网络里，编号相同，就会被当成新数据；不在通信路径上的攻击者也能猜出编号、伪造报文段。所以 ISN 必须难以预测：RFC 9293 和 RFC 6528 用时钟加上对四元组的秘密哈希来生成它；本实验则用一个带种子的随机数生成器。",
                ),
            },
        ],
        check: Check {
            question: t(
                "Why does each connection start from an unpredictable ISN instead of 0?",
                "为什么每个连接都从一个难以预测的 ISN 开始，而不是从 0 开始？",
            ),
            choices: &[
                t(
                    "So that segments left over from an earlier connection on the same 4-tuple do not fit the new connection's numbers, and so that an attacker who cannot see the traffic cannot guess valid numbers",
                    "为了让同一四元组上旧连接遗留的报文段对不上新连接的编号，也让看不到流量的攻击者猜不出有效的编号",
                ),
                t("To encrypt the data of the connection", "为了给连接的数据加密"),
                t(
                    "Because sequence number 0 is reserved for the SYN",
                    "因为序列号 0 是留给 SYN 专用的",
                ),
                t(
                    "So that the server can tell its clients apart",
                    "为了让服务器区分不同的客户端",
                ),
            ],
            correct: 0,
            why: &[
                t(
                    "Right: an unpredictable ISN keeps strays from an earlier connection on the same 4-tuple from fitting the new connection's numbers, and keeps an attacker who cannot see the traffic from guessing numbers the connection would accept (RFC 6528).",
                    "正确：难以预测的 ISN 让同一四元组上旧连接遗留的报文段对不上新连接的编号，也让看不到流量的攻击者猜不出连接会接受的编号（RFC 6528）。",
                ),
                t(
                    "Not this one: TCP encrypts nothing, whatever the ISN is. The ISN protects the sequence space, not the content; encryption comes from TLS.",
                    "不对：不管 ISN 是多少，TCP 都不做任何加密。ISN 保护的是序列号空间，而不是数据内容；加密由 TLS 提供。",
                ),
                t(
                    "Not this one: no sequence number is reserved. The SYN takes whatever number the ISN is, and 0 is as valid as any other.",
                    "不对：没有哪个序列号是保留的。SYN 占用的就是 ISN 本身，0 和其他编号一样有效。",
                ),
                t(
                    "Not this one: connections are told apart by the 4-tuple, the pair of sockets (addresses and ports), not by their ISNs; two clients may even happen to pick the same ISN.",
                    "不对：区分连接靠的是四元组（套接字对），即双方的地址和端口，而不是 ISN；两个客户端甚至可能碰巧选中同一个 ISN。",
                ),
            ],
            explanation: t(
                "The ISN protects the sequence space, not the content: TCP encrypts nothing. Number 0 is not reserved; the SYN simply takes whatever the ISN is. Clients are told apart by the 4-tuple (addresses and ports), not by their ISNs.",
                "ISN 保护的是序列号空间，而不是数据内容：TCP 不做任何加密。0 也不是保留编号，SYN 占用的就是 ISN 本身。区分不同客户端靠的是四元组（套接字对），而不是 ISN。",
            ),
        },
        mistakes: &[
            Mistake {
                claim: t(
                    "\"y is any number: it can be 1, 2, 3 or 4.\"",
                    "“这里的 y 是任意数字，可以是 1、2、3、4。”",
                ),
                correction: t(
                    "The ISN is chosen to be hard to guess and unlikely to meet the numbers of an old connection: RFC 6528 adds a keyed hash of the 4-tuple to a clock. A small or predictable ISN would let someone who cannot see the traffic forge segments that the connection accepts.",
                    "ISN 的取法要让它难以猜测，也不容易和旧连接的编号撞上：RFC 6528 用一个时钟加上四元组的带密钥哈希值。ISN 若很小或可以预测，看不到流量的人也能伪造出会被连接接受的报文段。",
                ),
            },
            Mistake {
                claim: t(
                    "\"The handshake synchronizes information such as the maximum sliding window.\"",
                    "“握手的作用就是同步一些信息，比如最大滑动窗口。”",
                ),
                correction: t(
                    "The handshake synchronizes the two ISNs and carries the options that only a SYN may carry: MSS, window scale, SACK permitted, timestamps. The window itself is not fixed there: every segment advertises the current receive window, and it changes all the time.",
                    "握手同步的是双方的 ISN，并携带只能出现在 SYN 里的选项：MSS、窗口扩大因子、允许 SACK、时间戳。窗口本身并不在握手时定下来：每个报文段都会通告当前的接收窗口，它一直在变。",
                ),
            },
        ],
    },
    // ------------------------------------------------------------------ four-way close
    Lesson {
        id: "four-way-close",
        source: LessonScenario::Custom(CustomScenario::CloseWithPause),
        profile: ProfileName::Rfc,
        title: t(
            "The four-way close, and why it takes four",
            "四次挥手，以及为什么需要四次",
        ),
        goal: t(
            "See that each direction of a full-duplex connection is closed on its own, by a FIN and its ACK, and follow the states on both sides.",
            "看清全双工连接的两个方向是各自关闭的，每个方向一个 FIN 加一个 ACK，并跟踪双方的状态变化。",
        ),
        analogy: Some(AnalogyTopic::Close),
        stops: &[
            Stop {
                at: sent(C2S, "FA", 1),
                text: t(
                    "The client's application has nothing more to send and calls close(). The client sends a FIN with sequence number {seq} (relative {seq_rel}: 1 for the SYN plus the 100 data bytes) and enters FIN-WAIT-1. This FIN closes only the client-to-server direction: it says \"I will send no more\", not \"I will receive no more\".",
                    "客户端的应用没有数据要发了，调用 close()。客户端发出 FIN，序列号为 {seq}（相对值 {seq_rel}：SYN 占 1，再加 100 字节数据），进入 FIN-WAIT-1。这个 FIN 只关闭客户端到服务器这一个方向：它的意思是“我不再发送了”，而不是“我不再接收了”。",
                ),
            },
            Stop {
                at: arrival(C2S, "FA", 1),
                text: t(
                    "The server acknowledges the FIN at once with acknowledgment number {next_seq}: one more than the FIN's sequence number, because a FIN occupies one sequence number, just like a byte of data. The server enters CLOSE-WAIT. Its own direction is still open, and only its application can decide when to close it.",
                    "服务器立即确认这个 FIN，确认号为 {next_seq}：比 FIN 的序列号大 1，因为 FIN 和一个数据字节一样占用一个序列号。服务器进入 CLOSE-WAIT。它自己这个方向仍然开着，什么时候关闭，只能由它的应用决定。",
                ),
            },
            Stop {
                at: enters(Side::Client, State::FinWait2, 1),
                text: t(
                    "The ACK reaches the client, which enters FIN-WAIT-2. Half of the connection is closed; the client can still receive whatever the server has left to send.",
                    "ACK 到达客户端，客户端进入 FIN-WAIT-2。连接关闭了一半，服务器如果还有数据要发，客户端照样能收。",
                ),
            },
            Stop {
                at: sent(S2C, "FA", 1),
                text: t(
                    "200 ms later the server's application closes too. The server sends its own FIN, sequence number {seq}, and enters LAST-ACK. This second FIN closes the server-to-client direction. Two directions, two FINs, and each FIN needs its own ACK: four segments.",
                    "200 毫秒后，服务器的应用也关闭了。服务器发出自己的 FIN，序列号为 {seq}，进入 LAST-ACK。这第二个 FIN 关闭的是服务器到客户端的方向。两个方向、两个 FIN，每个 FIN 都要各自的 ACK：一共四个报文段。",
                ),
            },
            Stop {
                at: arrival(S2C, "FA", 1),
                text: t(
                    "The client acknowledges the server's FIN with acknowledgment number {next_seq} and enters TIME-WAIT. The server will be CLOSED as soon as this last ACK arrives; the client first waits 2MSL, {time_wait_s} s in this profile.",
                    "客户端用确认号 {next_seq} 确认服务器的 FIN，进入 TIME-WAIT。这最后一个 ACK 一到，服务器就进入 CLOSED；客户端则要先等 2MSL，在这个配置下是 {time_wait_s} 秒。",
                ),
            },
            Stop {
                at: StopAt::End,
                text: t(
                    "TIME-WAIT is over and both sides are CLOSED. Why the client had to wait so long is the subject of the two TIME-WAIT lessons.",
                    "TIME-WAIT 结束，双方都进入 CLOSED。客户端为什么要等这么久，是接下来两节 TIME-WAIT 课的内容。",
                ),
            },
        ],
        check: Check {
            question: t(
                "Why does closing take four segments when opening takes three?",
                "为什么建立连接三次握手就够，断开连接却要四次挥手？",
            ),
            choices: &[
                t(
                    "Because FIN segments are more likely to be lost than SYN segments",
                    "因为 FIN 比 SYN 更容易丢失",
                ),
                t(
                    "Because the last ACK is always sent twice",
                    "因为最后一个 ACK 总要发两次",
                ),
                t(
                    "Because the server must ask the client for permission to close",
                    "因为服务器关闭前必须征得客户端同意",
                ),
                t(
                    "Because each direction is closed on its own, with a FIN and an ACK each, and the server's ACK cannot wait for its FIN while its application still has data to send",
                    "因为两个方向各自关闭，各需一个 FIN 和一个 ACK；而服务器的应用可能还有数据要发，它的 ACK 不能一直等着和 FIN 一起走",
                ),
            ],
            correct: 3,
            why: &[
                t(
                    "Not this one: a FIN is no more likely to be lost than a SYN, and loss does not change the count. The four segments come from closing two directions, each with its own FIN and ACK.",
                    "不对：FIN 并不比 SYN 更容易丢失，丢包也不会改变报文段的个数。四个报文段来自两个方向各自关闭，每个方向一个 FIN 和一个 ACK。",
                ),
                t(
                    "Not this one: the last ACK is sent once. It is sent again only if the peer's FIN arrives again, and then it is TIME-WAIT answering a repeated FIN.",
                    "不对：最后一个 ACK 只发一次。只有对方的 FIN 再次到达时它才会再发，那是 TIME-WAIT 在回应重发的 FIN。",
                ),
                t(
                    "Not this one: nobody asks permission to close. Each side closes its own direction with its own FIN, whenever its application is done.",
                    "不对：关闭不需要征得谁的同意。每一方在自己的应用说完时，用自己的 FIN 关闭自己这个方向。",
                ),
                t(
                    "Right: TCP is full duplex and each direction closes on its own. When the first FIN arrives the server may still have data to send, so it acknowledges at once and sends its own FIN later.",
                    "正确：TCP 是全双工的，两个方向各自关闭。第一个 FIN 到达时，服务器可能还有数据要发，所以它先立即确认，过后再发自己的 FIN。",
                ),
            ],
            explanation: t(
                "TCP is full duplex: a FIN ends one direction only. When the first FIN arrives, the other side may still be sending, so it acknowledges at once and sends its own FIN later; in the handshake, by contrast, nothing stops the server from putting its SYN and its ACK in one segment. Loss rates and permissions have nothing to do with it.",
                "TCP 是全双工的：一个 FIN 只结束一个方向。第一个 FIN 到达时，另一方可能还在发送数据，所以它先立即确认，过后再发自己的 FIN；而在握手时，没有什么阻止服务器把自己的 SYN 和 ACK 放进同一个报文段。这和丢包率、征得同意都没有关系。",
            ),
        },
        mistakes: &[
            Mistake {
                claim: t(
                    "\"Second wave: the server sends an ACK and gives seq a random value v; third wave: it gives seq a random value w.\"",
                    "“第二次挥手：服务器发送 ACK，随机产生一个值 v 给 seq；第三次挥手：随机产生一个值 w 给 seq。”",
                ),
                correction: t(
                    "In the textbook figure u, v and w are not random: they follow from what was sent. v is simply the server's next sequence number, and w is the sequence number of its FIN, v plus any bytes sent in between. Only the ISNs are chosen; every later number follows from them.",
                    "教科书图中的 u、v、w 都不是随机数，而是由已经发送的内容决定的。v 就是服务器的下一个序列号，w 是它的 FIN 的序列号，等于 v 加上其间发送的字节数。只有 ISN 是选出来的，之后的每个编号都由它推出来。",
                ),
            },
            Mistake {
                claim: t(
                    "\"The server tells the client: I got your request to close, you may stop sending data.\"",
                    "“服务器告诉客户端，我收到你的关闭请求，你可以停止发送数据。”",
                ),
                correction: t(
                    "Whoever sends a FIN stops sending: the client stopped when it sent its own FIN, and nobody has to tell it. The ACK only confirms that the FIN arrived. Receiving a FIN stops nothing: the side that receives it may still send, until it sends its own FIN.",
                    "谁发送 FIN，谁就停止发送：客户端发出自己的 FIN 时就已经不再发送了，用不着别人通知。ACK 只是确认那个 FIN 已经送达。收到 FIN 不会让谁停下：收到 FIN 的一方仍然可以继续发送，直到它发出自己的 FIN。",
                ),
            },
        ],
    },
    // ------------------------------------------------------------------ half-close
    Lesson {
        id: "half-close",
        source: LessonScenario::Named("half_close"),
        profile: ProfileName::Rfc,
        title: t(
            "Half-close: data keeps flowing in CLOSE-WAIT",
            "半关闭：CLOSE-WAIT 中数据照常流动",
        ),
        goal: t(
            "Watch the server keep sending for half a second after the client's FIN, and see why CLOSE-WAIT and FIN-WAIT-2 are separate states.",
            "看服务器在收到客户端的 FIN 之后又继续发送了半秒钟的数据，并理解 CLOSE-WAIT 和 FIN-WAIT-2 为什么是两个独立的状态。",
        ),
        analogy: Some(AnalogyTopic::HalfClose),
        stops: &[
            Stop {
                at: sent(C2S, "FA", 1),
                text: t(
                    "The client sends its 100 bytes and then calls shutdown() for writing only: a FIN with sequence number {seq} (relative {seq_rel}) follows the data. Unlike close(), shutdown() leaves the receiving side open.",
                    "客户端发出 100 字节后，调用 shutdown() 只关闭写方向：数据后面紧跟一个 FIN，序列号为 {seq}（相对值 {seq_rel}）。与 close() 不同，shutdown() 让接收方向继续开着。",
                ),
            },
            Stop {
                at: arrival(C2S, "FA", 1),
                text: t(
                    "The server acknowledges the FIN (acknowledgment number {next_seq}) and enters CLOSE-WAIT. Its application reads the 100 bytes, sees end-of-file, and still has an answer to send. CLOSE-WAIT means \"the peer has finished; I have not\".",
                    "服务器确认这个 FIN（确认号 {next_seq}），进入 CLOSE-WAIT。它的应用读完 100 字节，读到文件结束，但还有回复要发。CLOSE-WAIT 的意思是：“对方说完了，我还没有。”",
                ),
            },
            Stop {
                at: arrival(S2C, "PA", 2),
                text: t(
                    "The client, in FIN-WAIT-2, keeps receiving: this segment brings bytes {seq_rel} to {seq_rel+99} (relative), and the client acknowledges them. Data flowing from CLOSE-WAIT to FIN-WAIT-2 is the half-close: one direction closed, the other still working.",
                    "处于 FIN-WAIT-2 的客户端照常接收：这个报文段带来相对编号 {seq_rel} 到 {seq_rel+99} 的字节，客户端对它们作出确认。数据从 CLOSE-WAIT 的一方流向 FIN-WAIT-2 的一方，这就是半关闭：一个方向已关闭，另一个方向仍在工作。",
                ),
            },
            Stop {
                at: sent(S2C, "FA", 1),
                text: t(
                    "Only when its application is done does the server send its FIN, with relative sequence number {seq_rel}: 1 for its SYN plus the 300 bytes it sent. It enters LAST-ACK.",
                    "直到应用把话说完，服务器才发出自己的 FIN，相对序列号为 {seq_rel}：SYN 占 1，再加上它发出的 300 字节。服务器进入 LAST-ACK。",
                ),
            },
            Stop {
                at: arrival(S2C, "FA", 1),
                text: t(
                    "The client acknowledges the FIN and enters TIME-WAIT; the server closes when that ACK arrives. Each direction was closed by its own FIN, each at its own time, almost half a second apart.",
                    "客户端确认这个 FIN，进入 TIME-WAIT；服务器收到这个 ACK 后关闭。两个方向各由自己的 FIN 关闭，时间也各不相同，前后相差将近半秒。",
                ),
            },
        ],
        check: Check {
            question: t(
                "While the server is in CLOSE-WAIT, what can it still do?",
                "服务器处于 CLOSE-WAIT 时，还能做什么？",
            ),
            choices: &[
                t(
                    "Nothing: the client's FIN closed the whole connection",
                    "什么都不能做：客户端的 FIN 已经关闭了整个连接",
                ),
                t(
                    "Send data to the client, which keeps receiving and acknowledging it",
                    "向客户端发送数据，客户端照常接收并确认",
                ),
                t(
                    "Receive more data from the client",
                    "继续接收客户端发来的数据",
                ),
                t(
                    "Only send the ACK of the client's FIN again",
                    "只能再发一次对客户端 FIN 的确认",
                ),
            ],
            correct: 1,
            why: &[
                t(
                    "Not this one: a FIN closes only its sender's direction. The client has stopped sending, but the server's direction is still open.",
                    "不对：FIN 只关闭发送它的那一方的方向。客户端不再发送了，但服务器这个方向仍然开着。",
                ),
                t(
                    "Right: this is the half-close. The server may keep sending as long as its application wants, and the client in FIN-WAIT-2 keeps receiving and acknowledging, until the server sends its own FIN.",
                    "正确：这就是半关闭。服务器的应用想发多久就能发多久，处于 FIN-WAIT-2 的客户端继续接收并确认，直到服务器发出自己的 FIN。",
                ),
                t(
                    "Not this one: the client's FIN says it will send no more data, so no new data can come from the client. In CLOSE-WAIT only the server can still send.",
                    "不对：客户端的 FIN 表示它不再发送数据，所以客户端那边不会再有新的数据过来。在 CLOSE-WAIT 中，只有服务器还能发送。",
                ),
                t(
                    "Not this one: the server acknowledged the FIN when it arrived and need not do it again. It is free to send data, and later its own FIN.",
                    "不对：服务器在 FIN 到达时就已经确认了它，用不着再确认一次。它仍可以自由发送数据，之后再发出自己的 FIN。",
                ),
            ],
            explanation: t(
                "The client's FIN closed only the client-to-server direction: no more data will come from the client, but the server may send as long as it likes, and the client, in FIN-WAIT-2, keeps receiving. The server's own FIN, later, closes the other direction.",
                "客户端的 FIN 只关闭了客户端到服务器的方向：客户端不会再发数据过来，但服务器想发多久就发多久，处于 FIN-WAIT-2 的客户端会一直接收。之后服务器自己的 FIN 才关闭另一个方向。",
            ),
        },
        mistakes: &[
            Mistake {
                claim: t(
                    "\"A socket in FIN_WAIT_2 is a half-open connection.\"",
                    "“FIN_WAIT_2 状态下的 SOCKET，表示半连接。”",
                ),
                correction: t(
                    "FIN-WAIT-2 is a half-closed connection: one direction has been closed by a FIN, the other still carries data, as you see here. A half-open connection is something else: one side has lost its state (a crash, a reboot) while the other still believes the connection is up.",
                    "FIN-WAIT-2 是半关闭的连接：一个方向已经由 FIN 关闭，另一个方向仍在传数据，正如这里所见。半开连接是另一回事：一方丢失了连接状态（崩溃、重启），另一方却仍以为连接还在。",
                ),
            },
            Mistake {
                claim: t(
                    "\"Once the server has received the FIN, it can no longer send.\"",
                    "“收到 FIN 后，服务器就不能再发送数据了。”",
                ),
                correction: t(
                    "A FIN closes only its sender's direction. The server, in CLOSE-WAIT, keeps sending for as long as its application wants, and the client in FIN-WAIT-2 keeps receiving and acknowledging. The server's direction closes only with the server's own FIN.",
                    "FIN 只关闭发送它的那一方的方向。处于 CLOSE-WAIT 的服务器想发多久就能发多久，处于 FIN-WAIT-2 的客户端继续接收并确认。服务器这个方向，只有在服务器发出自己的 FIN 时才关闭。",
                ),
            },
        ],
    },
    // ------------------------------------------------------------------ three-segment close
    Lesson {
        id: "three-segment-close",
        source: LessonScenario::Named("normal"),
        profile: ProfileName::Linux,
        title: t(
            "Why a real close often shows three segments",
            "为什么真实抓包里挥手常常只有三个报文段",
        ),
        goal: t(
            "See how Linux's delayed ACK lets the acknowledgment of the first FIN ride on the second FIN, so a capture shows FIN, FIN, ACK.",
            "看 Linux 的延迟确认如何让对第一个 FIN 的确认捎带在第二个 FIN 上，于是抓包里只看到 FIN、FIN、ACK。",
        ),
        analogy: Some(AnalogyTopic::Close),
        stops: &[
            Stop {
                at: sent(C2S, "FA", 1),
                text: t(
                    "The client closes and sends its FIN, sequence number {seq}. As in the textbook, the server must acknowledge it; watch when it does.",
                    "客户端关闭，发出 FIN，序列号为 {seq}。和教科书一样，服务器必须确认它；注意看确认是什么时候发出的。",
                ),
            },
            Stop {
                at: arrival(C2S, "FA", 1),
                text: t(
                    "The server enters CLOSE-WAIT but sends nothing yet. After a FIN, Linux delays its ACK (here by up to 40 ms), hoping to send it together with something else.",
                    "服务器进入 CLOSE-WAIT，但暂时没有发送任何报文段。Linux 收到 FIN 后会推迟发送 ACK（这里最多推迟 40 毫秒），希望能把这个确认捎带在别的报文段上一起发出。",
                ),
            },
            Stop {
                at: sent(S2C, "FA", 1),
                text: t(
                    "A quarter of a millisecond later the server's application calls close() too. The server's FIN takes the pending acknowledgment along: acknowledgment number {ack} (relative {ack_rel}), the client's FIN sequence number plus one. This one segment does the work of the textbook's second and third segments.",
                    "四分之一毫秒后，服务器的应用也调用了 close()。服务器的 FIN 把尚未发出的确认一并带上：确认号为 {ack}（相对值 {ack_rel}），即客户端 FIN 的序列号加 1。这一个报文段完成了教科书中第二、第三个报文段的工作。",
                ),
            },
            Stop {
                at: arrival(S2C, "FA", 1),
                text: t(
                    "The segment both acknowledges the client's FIN and brings the server's FIN, so the client passes through FIN-WAIT-2 straight into TIME-WAIT and sends the last ACK. Three segments on the wire, but still the same four steps: two FINs and two acknowledgments.",
                    "这个报文段既确认了客户端的 FIN，又带来了服务器的 FIN，所以客户端经过 FIN-WAIT-2 直接进入 TIME-WAIT，并发出最后一个 ACK。线路上只有三个报文段，但步骤仍然是四步：两个 FIN，两次确认。",
                ),
            },
            Stop {
                at: StopAt::End,
                text: t(
                    "TIME-WAIT lasted {time_wait_s} s: Linux uses a fixed 60 s instead of 2MSL. Switch to the textbook profile to see the ACK sent at once and four separate segments; on Linux, too, the ACK goes out alone if the application takes longer than the delayed-ACK timeout to close.",
                    "TIME-WAIT 持续了 {time_wait_s} 秒：Linux 用固定的 60 秒，而不是 2MSL。切换到教科书配置，可以看到 ACK 立即发出、四个报文段各自独立；在 Linux 上，如果应用过了延迟确认的时限才关闭，ACK 同样会单独发出。",
                ),
            },
        ],
        check: Check {
            question: t(
                "A capture of a close shows only FIN, FIN, ACK. What happened?",
                "抓包看到的挥手只有 FIN、FIN、ACK 三个报文段。这是怎么回事？",
            ),
            choices: &[
                t(
                    "One of the ACKs was lost",
                    "有一个 ACK 丢了",
                ),
                t(
                    "Linux does not acknowledge FINs",
                    "Linux 不确认 FIN",
                ),
                t(
                    "The receiver of the first FIN delayed its ACK, its application closed within that delay, and the ACK rode on its FIN",
                    "收到第一个 FIN 的一方推迟了 ACK，它的应用在这段时间内关闭了，于是 ACK 捎带在它的 FIN 上一起发出",
                ),
                t(
                    "The connection was only half-closed",
                    "连接只是半关闭",
                ),
            ],
            correct: 2,
            why: &[
                t(
                    "Not this one: nothing is missing. The second segment carries the acknowledgment of the first FIN, and even a lost separate ACK would have been covered by the same acknowledgment number on the server's FIN.",
                    "不对：什么都没少。第二个报文段带着对第一个 FIN 的确认；即使有一个单独的 ACK 丢了，服务器 FIN 上同样的确认号也会把它补上。",
                ),
                t(
                    "Not this one: Linux acknowledges every FIN, as RFC 9293 requires, because a FIN occupies a sequence number. Here the acknowledgment number on the server's FIN is the client's FIN sequence number plus one.",
                    "不对：Linux 会确认每一个 FIN，这也是 RFC 9293 的要求，因为 FIN 占用一个序列号。这里服务器 FIN 上的确认号正是客户端 FIN 的序列号加 1。",
                ),
                t(
                    "Right: Linux delays the ACK of a FIN briefly; when the application closes within that delay, the ACK rides on the server's own FIN. Three segments on the wire, still two FINs and two acknowledgments.",
                    "正确：Linux 收到 FIN 后会短暂推迟 ACK；应用在这段时间内关闭，这个确认就捎带在服务器自己的 FIN 上。线路上只有三个报文段，但仍然是两个 FIN、两次确认。",
                ),
                t(
                    "Not this one: in a half-close the side that received the first FIN keeps sending, so a capture would show data between the two FINs. Here the second FIN follows at once.",
                    "不对：如果是半关闭，收到第一个 FIN 的一方会继续发送数据，抓包会在两个 FIN 之间看到数据报文段。这里第二个 FIN 紧跟着就来了。",
                ),
            ],
            explanation: t(
                "The second segment carries both the FIN flag and an acknowledgment number one past the first FIN, so nothing is missing: the first FIN is acknowledged, just not by a segment of its own. A lost ACK does not explain it: had the server sent a separate ACK and lost it, the acknowledgment number on its FIN would have covered the client's FIN all the same, and nothing would be resent (see the lesson on losing the ACK of the first FIN); a capture at the server would still show that ACK leaving. A half-closed connection would show data after the first FIN.",
                "第二个报文段既有 FIN 标志，又带着比第一个 FIN 的序列号大 1 的确认号，所以什么都没少：第一个 FIN 得到了确认，只是没有单独用一个报文段。ACK 丢失解释不了这个现象：即使服务器单独发过一个 ACK 而它丢了，服务器 FIN 上的确认号照样确认了客户端的 FIN，谁也不用重传（参见“对第一个 FIN 的 ACK 丢失”一课）；而在服务器一侧抓包，仍然能看到那个 ACK 发出。如果是半关闭，第一个 FIN 之后还会有数据。",
            ),
        },
        mistakes: &[
            Mistake {
                claim: t(
                    "\"Closing takes the client and the server four packets in all: that is why it is the four-way wave.\"",
                    "“断开一个 TCP 连接，需要客户端和服务端总共发送 4 个包，所以叫四次挥手。”",
                ),
                correction: t(
                    "Closing takes a FIN and an ACK in each direction, but one segment can carry two of them. When the server has nothing left to send, Linux's delayed ACK lets the acknowledgment of the client's FIN ride on the server's own FIN, and a capture shows three segments.",
                    "关闭需要每个方向各一个 FIN 和一个 ACK，但一个报文段可以同时捎带其中两样。服务器没有数据要发时，Linux 的延迟确认让对客户端 FIN 的确认捎带在服务器自己的 FIN 上，抓包看到的就是三个报文段。",
                ),
            },
        ],
    },
    // ------------------------------------------------------------------ TIME-WAIT: last ACK
    Lesson {
        id: "time-wait-last-ack",
        source: LessonScenario::Named("last_ack_lost"),
        profile: ProfileName::Rfc,
        title: t(
            "TIME-WAIT, reason 1: the last ACK may be lost",
            "TIME-WAIT 的理由之一：最后的 ACK 可能丢失",
        ),
        goal: t(
            "See why the side that closes first waits 2MSL: if its last ACK is lost, the peer repeats its FIN, and only a side still in TIME-WAIT can acknowledge it again.",
            "理解先关闭的一方为什么要等 2MSL：如果它最后的 ACK 丢了，对方会重发 FIN，只有仍处于 TIME-WAIT 的一方才能再次确认它。",
        ),
        analogy: Some(AnalogyTopic::TimeWait),
        stops: &[
            Stop {
                at: arrival(S2C, "FA", 1),
                text: t(
                    "The server's FIN reaches the client in FIN-WAIT-2. The client acknowledges it (acknowledgment number {next_seq}) and enters TIME-WAIT, where it stays for 2MSL = {time_wait_s} s. MSL, the maximum segment lifetime, is {msl_s} s in the textbook.",
                    "服务器的 FIN 到达处于 FIN-WAIT-2 的客户端。客户端确认它（确认号 {next_seq}），进入 TIME-WAIT，并在这里停留 2MSL = {time_wait_s} 秒。MSL 即报文段最大生存时间，教科书中取 {msl_s} 秒。",
                ),
            },
            Stop {
                at: sent(C2S, "A", 2),
                text: t(
                    "This last ACK is lost. The client cannot know: nobody acknowledges an ACK. The server, in LAST-ACK, is still waiting for it, with its FIN retransmission timer running.",
                    "这最后一个 ACK 丢了。客户端无从得知，因为没有人会确认一个 ACK。服务器还在 LAST-ACK 中等它，FIN 的重传计时器仍在走。",
                ),
            },
            Stop {
                at: sent(S2C, "FA", 2),
                text: t(
                    "The server's timer expires {retx_gap_ms} ms after its first FIN, and it sends the same FIN again, same sequence number {seq}.",
                    "服务器的计时器在第一次发出 FIN 之后 {retx_gap_ms} 毫秒到期，它再发一次同样的 FIN，序列号仍是 {seq}。",
                ),
            },
            Stop {
                at: arrival(S2C, "FA", 2),
                text: t(
                    "The client is still in TIME-WAIT, so it still remembers this connection: it recognises the repeated FIN, acknowledges it again, and starts its 2MSL wait over. Had it already been CLOSED, it would have answered with RST, and the server's application would see an error instead of a clean close.",
                    "客户端仍在 TIME-WAIT 中，所以还记得这个连接：它认出这是重发的 FIN，再次确认，并重新开始 2MSL 的等待。要是它早已进入 CLOSED，就只能回一个 RST，服务器的应用看到的将是一个错误，而不是正常关闭。",
                ),
            },
            Stop {
                at: enters(Side::Server, State::Closed, 1),
                text: t(
                    "The server gets its ACK at last and closes normally.",
                    "服务器终于收到了 ACK，正常关闭。",
                ),
            },
            Stop {
                at: StopAt::End,
                text: t(
                    "{time_wait_s} s after the repeated FIN, TIME-WAIT ends. That was the first reason for TIME-WAIT: to re-acknowledge a repeated FIN. The second, letting old duplicates expire, is the next lesson.",
                    "重发的 FIN 到达 {time_wait_s} 秒之后，TIME-WAIT 结束。这就是 TIME-WAIT 的第一个理由：再次确认重发的 FIN。第二个理由是让旧的重复报文段消亡，见下一节课。",
                ),
            },
        ],
        check: Check {
            question: t(
                "What does a side in TIME-WAIT do when the peer's FIN arrives again?",
                "处于 TIME-WAIT 的一方再次收到对方的 FIN 时，会怎么做？",
            ),
            choices: &[
                t(
                    "It acknowledges the FIN again and restarts its 2MSL timer",
                    "再次确认这个 FIN，并重新开始 2MSL 计时",
                ),
                t(
                    "It sends all the connection's data once more",
                    "把连接的全部数据再发一遍",
                ),
                t(
                    "It ignores the FIN, because the connection is already closed",
                    "忽略这个 FIN，因为连接已经关闭",
                ),
                t(
                    "It answers with RST to end the connection",
                    "回一个 RST 来结束连接",
                ),
            ],
            correct: 0,
            why: &[
                t(
                    "Right: a repeated FIN means the last ACK was lost, so TIME-WAIT acknowledges the FIN again and waits 2MSL once more, in case this ACK is lost too.",
                    "正确：收到重发的 FIN，说明最后的 ACK 丢了，所以 TIME-WAIT 再次确认这个 FIN，并重新等待 2MSL，以防这个 ACK 也丢失。",
                ),
                t(
                    "Not this one: TIME-WAIT sends no data. Everything sent before the FIN was already acknowledged; the only thing it answers is the repeated FIN, and it answers with an ACK.",
                    "不对：TIME-WAIT 不发送任何数据。FIN 之前发出的数据早已得到确认；它唯一要回应的是重发的 FIN，回应的方式是一个 ACK。",
                ),
                t(
                    "Not this one: the peer is still in LAST-ACK, so for the peer the connection is not closed. Ignoring the FIN would leave it repeating the FIN until it gives up; answering it is why TIME-WAIT keeps the connection's state.",
                    "不对：对方还停在 LAST-ACK，连接对它来说并没有关闭。忽略这个 FIN，对方就会一直重发直到放弃；TIME-WAIT 保留连接状态，正是为了回应它。",
                ),
                t(
                    "Not this one: a RST is what a side that has already forgotten the connection sends, and the peer's application would then see an error instead of a clean close. TIME-WAIT remembers the connection to avoid exactly that.",
                    "不对：回 RST 是已经忘掉这个连接的一方才会做的事，那样对方的应用看到的将是错误，而不是正常关闭。TIME-WAIT 记住这个连接，正是为了避免这种情况。",
                ),
            ],
            explanation: t(
                "A repeated FIN means the last ACK was lost, so TIME-WAIT answers it with a new ACK and waits 2MSL again in case that one is lost too. It sends no data: everything sent before the FIN was already acknowledged. Ignoring the FIN would leave the peer resending it until it gives up, and a RST is what a side that has forgotten the connection would send.",
                "收到重发的 FIN，说明最后的 ACK 丢了，所以 TIME-WAIT 回一个新的 ACK，并再等 2MSL，以防这个 ACK 也丢。它不发送任何数据：FIN 之前发出的数据早已得到确认。如果忽略这个 FIN，对方会一直重发直到放弃；而回 RST 则是已经忘掉这个连接的一方才会做的事。",
            ),
        },
        mistakes: &[
            Mistake {
                claim: t(
                    "\"The job of TIME_WAIT is to resend segments that may have been lost.\"",
                    "“TIME_WAIT 状态的作用就是用来重发可能丢失的报文。”",
                ),
                correction: t(
                    "TIME-WAIT sends nothing on its own, and never data. If the last ACK is lost, the peer repeats its FIN, and the side in TIME-WAIT answers that repeated FIN with a new ACK. Its other job is to let old duplicates of this connection expire.",
                    "TIME-WAIT 不会主动发送任何东西，更不会发送数据。如果最后的 ACK 丢了，对方会重复发送它的 FIN，处于 TIME-WAIT 的一方再用一个新的 ACK 回应这个重复的 FIN。它的另一个作用是让这个连接的旧的重复报文段过期消失。",
                ),
            },
        ],
    },
    // ------------------------------------------------------------------ TIME-WAIT: old duplicates
    Lesson {
        id: "time-wait-old-duplicate",
        source: LessonScenario::Custom(CustomScenario::TimeWaitOldDuplicate),
        profile: ProfileName::Rfc,
        title: t(
            "TIME-WAIT, reason 2: old duplicates must expire",
            "TIME-WAIT 的理由之二：让旧的重复报文段消亡",
        ),
        goal: t(
            "Watch a data segment that was held up in the network arrive after the close, and see TIME-WAIT recognise it as old. What TIME-WAIT guards against is a new connection with the same 4-tuple taking such a stray for its own data; the lab shows one connection at a time, so that new connection is explained here but not shown. A later view with many connections will show it.",
            "看一个在网络中被耽搁的数据报文段在连接关闭后才到达，而 TIME-WAIT 把它认作旧报文段。TIME-WAIT 防范的是：使用同一四元组的新连接把这种迷途的报文段当成自己的数据。本实验目前只展示一个连接，所以这个新连接在这里只能讲解，无法演示；以后的多连接视图会把它展示出来。",
        ),
        analogy: Some(AnalogyTopic::TimeWait),
        stops: &[
            Stop {
                at: sent(S2C, "PA", 1),
                text: t(
                    "The server sends its 100-byte answer, but this copy gets stuck in the network: it will spend {delay_ms} ms longer than usual on the way. Routers can hold up or reroute packets like this; the only promise is that a segment lives no longer than MSL ({msl_s} s in the textbook).",
                    "服务器发出 100 字节的回复，但这一份卡在了网络里：它在路上要比平常多花 {delay_ms} 毫秒。路由器确实可能这样耽搁或绕路转发报文；唯一的保证是，报文段的寿命不超过 MSL（教科书中为 {msl_s} 秒）。",
                ),
            },
            Stop {
                at: sent(S2C, "PA", 2),
                text: t(
                    "No ACK comes back, so after {retx_gap_ms} ms the server's retransmission timer sends the same bytes again (relative sequence number {seq_rel}). This copy gets through, and the client's application reads the 100 bytes.",
                    "迟迟等不到 ACK，{retx_gap_ms} 毫秒后服务器的重传计时器到期，把同样的字节再发一次（相对序列号 {seq_rel}）。这一份顺利送达，客户端的应用读到了这 100 字节。",
                ),
            },
            Stop {
                at: enters(Side::Client, State::TimeWait, 1),
                text: t(
                    "Both FINs are exchanged: the client enters TIME-WAIT and the server closes. But the first copy of the data is still travelling.",
                    "双方的 FIN 都已交换完毕：客户端进入 TIME-WAIT，服务器关闭。可是那份数据的第一个副本还在路上。",
                ),
            },
            Stop {
                at: arrival(S2C, "PA", 2),
                text: t(
                    "The old copy arrives at last. The client is still in TIME-WAIT, so it still knows this connection's numbers: bytes {seq_rel} to {seq_rel+99} were received long ago. It drops the segment and repeats its current acknowledgment; its application has still read exactly {client_read} bytes. Had the client forgotten the connection, and had a new connection on the same addresses and ports reused nearby sequence numbers, this stray could have been taken for new data.",
                    "那份旧副本终于到了。客户端仍在 TIME-WAIT 中，还记得这个连接的编号：相对编号 {seq_rel} 到 {seq_rel+99} 的字节早就收到了。它丢弃这个报文段，只重复一遍当前的确认；它的应用读到的仍然恰好是 {client_read} 字节。要是客户端已经忘掉了这个连接，而同一对地址和端口上的新连接又恰好用了相近的序列号，这个迷途的报文段就可能被当成新数据。",
                ),
            },
            Stop {
                at: arrival(S2C, "R", 1),
                text: t(
                    "The server has already forgotten the connection, so it answers the client's ACK with RST, and in this profile a RST ends TIME-WAIT early. RFC 1337 calls this TIME-WAIT assassination (Linux allows it too, with tcp_rfc1337 = 0). This stray was already caught; the full 2MSL wait is what guarantees that every old copy has expired before the 4-tuple is used again. The lab shows only this one connection, so it cannot show such a new connection yet; a later view with many connections will.",
                    "服务器早已忘掉这个连接，于是对客户端的 ACK 回了一个 RST；在这个配置下，RST 会提前结束 TIME-WAIT。RFC 1337 把这称为 TIME-WAIT 暗杀（Linux 默认 tcp_rfc1337 = 0，也允许这样做）。这一次的迷途报文段已经被拦下；而完整的 2MSL 等待，才能保证同一个四元组再次使用之前，所有旧副本都已过期。本实验目前只展示这一个连接，还无法演示那样的新连接；以后的多连接视图会把它展示出来。",
                ),
            },
        ],
        check: Check {
            question: t(
                "Why does TIME-WAIT last two maximum segment lifetimes (2MSL)?",
                "TIME-WAIT 为什么要持续两倍的报文段最大生存时间（2MSL）？",
            ),
            choices: &[
                t(
                    "To resend lost segments of the connection",
                    "为了重发连接中丢失的报文段",
                ),
                t(
                    "To give the application time to read its last data",
                    "为了给应用留出时间读完最后的数据",
                ),
                t(
                    "Because the server needs 2MSL to close",
                    "因为服务器需要 2MSL 才能关闭",
                ),
                t(
                    "So that a repeated FIN can still be acknowledged, and every old segment of this connection has expired before the same addresses and ports are used again",
                    "为了还能确认重发的 FIN，并让这个连接的所有旧报文段在同一对地址和端口被再次使用之前过期",
                ),
            ],
            correct: 3,
            why: &[
                t(
                    "Not this one: TIME-WAIT sends nothing but ACKs, never data, and everything sent before the FIN was already acknowledged. Its jobs are to re-acknowledge a repeated FIN and to let old duplicates expire.",
                    "不对：TIME-WAIT 除了 ACK 什么都不发，更不会发数据，FIN 之前发出的内容也早已得到确认。它的作用是再次确认重发的 FIN，并让旧的重复报文段过期消亡。",
                ),
                t(
                    "Not this one: TIME-WAIT has nothing to do with reading. The data arrived and was acknowledged before the FIN, and the wait would be just as long if the application had read everything long ago.",
                    "不对：TIME-WAIT 和应用读数据无关。数据在 FIN 之前就已到达并得到确认；即使应用早就读完了全部数据，也照样要等这么久。",
                ),
                t(
                    "Not this one: the server closes as soon as the last ACK arrives, long before TIME-WAIT ends. TIME-WAIT is the wait of the client, the side that closed first.",
                    "不对：最后的 ACK 一到，服务器就关闭了，远在 TIME-WAIT 结束之前。TIME-WAIT 是先关闭的一方，也就是客户端在等。",
                ),
                t(
                    "Right: TIME-WAIT must be able to re-acknowledge a repeated FIN (one MSL for the last ACK to reach the peer, one more for a repeated FIN to come back), and it keeps the 4-tuple busy until every old copy, like the one in this lesson, has expired.",
                    "正确：TIME-WAIT 要能再次确认重发的 FIN（最后的 ACK 发到对方最多要一个 MSL，重发的 FIN 传回来最多又要一个 MSL），还要占住这个四元组，直到像本课这样的旧副本全部过期。",
                ),
            ],
            explanation: t(
                "TIME-WAIT sends nothing but ACKs: it re-acknowledges a repeated FIN (one MSL for the last ACK to reach the peer, one more for a repeated FIN to come back) and it keeps the 4-tuple busy until any stray copy, like the one in this lesson, has died out. The application already got its data before the FIN, and the server is CLOSED long before TIME-WAIT ends.",
                "TIME-WAIT 除了 ACK 什么都不发：它再次确认重发的 FIN（最后的 ACK 发到对方最多要一个 MSL，对方重发的 FIN 传回来最多又要一个 MSL），并且占住这个四元组，直到像本课这样的迷途副本全部消亡。应用在 FIN 之前就已经拿到了数据，而服务器早在 TIME-WAIT 结束之前就已经 CLOSED。",
            ),
        },
        mistakes: &[
            Mistake {
                claim: t(
                    "\"TIME_WAIT only makes sure the peer gets the last ACK.\"",
                    "“TIME_WAIT 只是为了确保对方收到最后的 ACK。”",
                ),
                correction: t(
                    "TIME-WAIT has a second job, shown here: during 2MSL, old duplicates of this connection's segments die out in the network, so that a new connection with the same 4-tuple cannot take one of them for its own data. That is why the wait is twice the maximum segment lifetime.",
                    "TIME-WAIT 还有第二个作用，就是这里演示的：在 2MSL 之内，这个连接的旧的重复报文段会在网络中消亡，使用同一个四元组的新连接就不会把它们误当成自己的数据。所以要等待两倍的报文段最大生存时间。",
                ),
            },
        ],
    },
    // ------------------------------------------------------------------ loss: SYN
    Lesson {
        id: "syn-lost",
        source: LessonScenario::Named("syn_lost"),
        profile: ProfileName::Rfc,
        title: t("Loss in the handshake: the SYN", "握手中的丢包：SYN 丢失"),
        goal: t(
            "See that when the SYN is lost only the client can notice, and how its retransmission timer recovers.",
            "理解 SYN 丢失时只有客户端能察觉，以及它的重传计时器如何完成恢复。",
        ),
        analogy: Some(AnalogyTopic::Retransmission),
        stops: &[
            Stop {
                at: sent(C2S, "S", 1),
                text: t(
                    "The client's SYN, ISN {client_isn}, is lost. The server never saw it, so it knows nothing and can do nothing: only the client can recover, and its SYN retransmission timer is already running.",
                    "客户端的 SYN（ISN {client_isn}）丢了。服务器根本没见过它，既不知情，也无能为力：只有客户端能恢复，而它的 SYN 重传计时器已经在走了。",
                ),
            },
            Stop {
                at: sent(C2S, "S", 2),
                text: t(
                    "The timer expires after {retx_gap_ms} ms, the initial retransmission timeout (RTO) of one second, and the client sends the same SYN again, with the same ISN. If this one were lost too, the next wait would be twice as long (exponential backoff).",
                    "{retx_gap_ms} 毫秒后计时器到期，这是一秒的初始超时重传时间（RTO）。客户端再发一次同样的 SYN，ISN 不变。如果这一个也丢了，下一次要等两倍的时间（指数退避）。",
                ),
            },
            Stop {
                at: arrival(S2C, "SA", 1),
                text: t(
                    "This time the handshake proceeds normally: the SYN-ACK acknowledges {ack}, the client's ISN + 1, and the client enters ESTABLISHED. The loss cost exactly one timeout.",
                    "这一次握手顺利进行：SYN-ACK 确认了 {ack}，即客户端的 ISN + 1，客户端进入 ESTABLISHED。这次丢包的代价正好是一次超时。",
                ),
            },
        ],
        check: Check {
            question: t(
                "A SYN is lost. Who notices, and what happens?",
                "SYN 丢了。谁会察觉，接下来会怎样？",
            ),
            choices: &[
                t(
                    "The server notices and asks the client to send it again",
                    "服务器察觉后，请客户端再发一次",
                ),
                t(
                    "Only the client: its timer expires and it sends the same SYN again",
                    "只有客户端：它的计时器到期后，再发一次同样的 SYN",
                ),
                t(
                    "The client picks a new ISN and starts over at once",
                    "客户端立即换一个新的 ISN 重新开始",
                ),
                t(
                    "connect() fails at once with an error",
                    "connect() 立即报错失败",
                ),
            ],
            correct: 1,
            why: &[
                t(
                    "Not this one: the server never saw the SYN, so it knows nothing about this connection and has nothing to ask for.",
                    "不对：服务器根本没见过这个 SYN，对这个连接一无所知，也就无从索要。",
                ),
                t(
                    "Right: only the client knows it is waiting. Its SYN retransmission timer expires after the initial RTO and it sends the same SYN again, with the same ISN; if that copy is lost too, it waits twice as long.",
                    "正确：只有客户端知道自己在等。它的 SYN 重传计时器在初始 RTO 后到期，于是再发一次同样的 SYN，ISN 不变；如果这一份也丢了，下次就等两倍的时间。",
                ),
                t(
                    "Not this one: a retransmitted SYN is the same connection attempt, so it keeps the same ISN and the same ports, and it leaves when the timer expires, not at once.",
                    "不对：重传的 SYN 属于同一次连接尝试，ISN 和端口都不变；而且它要等计时器到期才发，不是立即重来。",
                ),
                t(
                    "Not this one: the client cannot tell a lost SYN from a slow answer, so it retries. connect() fails only after the last retry, with a time-out.",
                    "不对：客户端分不清是 SYN 丢了还是回应慢了，所以它会重试。只有最后一次重试也失败后，connect() 才以超时报错。",
                ),
            ],
            explanation: t(
                "The server cannot ask for a segment it never saw. The client keeps its ISN, because the SYN it sends again is the same connection attempt, and connect() only fails after the last retry (about 3 minutes in the textbook profile).",
                "服务器没法索要一个它从没见过的报文段。客户端再发的 SYN 属于同一次连接尝试，所以 ISN 不变；connect() 只有在最后一次重试也失败后才报错（教科书配置下约 3 分钟）。",
            ),
        },
        mistakes: &[
            Mistake {
                claim: t(
                    "\"The client thinks its request was lost and sends a new connection request, with a new ISN.\"",
                    "“客户端以为连接请求丢失了，就重新发送一个新的连接请求，换一个新的 ISN。”",
                ),
                correction: t(
                    "A retransmitted SYN is the same connection attempt: same ISN, same ports. Only the number of tries is limited: the textbook profile retransmits a SYN {rfc_syn_retries} times, Linux {linux_syn_retries} times, and then connect() fails.",
                    "重传的 SYN 属于同一次连接尝试：ISN 不变，端口也不变。只是尝试的次数有上限：教科书配置下 SYN 最多重传 {rfc_syn_retries} 次，Linux 下 {linux_syn_retries} 次，之后 connect() 失败。",
                ),
            },
        ],
    },
    // ------------------------------------------------------------------ loss: SYN-ACK
    Lesson {
        id: "synack-lost",
        source: LessonScenario::Named("synack_lost"),
        profile: ProfileName::Rfc,
        title: t("Loss in the handshake: the SYN-ACK", "握手中的丢包：SYN-ACK 丢失"),
        goal: t(
            "See that when the SYN-ACK is lost both sides have a timer running, and what happens to the extra copy.",
            "理解 SYN-ACK 丢失时双方的计时器都在走，以及多出来的那一份会怎样。",
        ),
        analogy: Some(AnalogyTopic::Retransmission),
        stops: &[
            Stop {
                at: sent(S2C, "SA", 1),
                text: t(
                    "The server has answered the SYN and waits in SYN-RECEIVED, but its SYN-ACK is lost. Now two timers run: the client's, waiting for an answer to its SYN, and the server's, waiting for the ACK of its own SYN.",
                    "服务器已经回应了 SYN，正在 SYN-RECEIVED 中等待，可它的 SYN-ACK 丢了。现在有两个计时器在走：客户端的，在等 SYN 的回应；服务器的，在等对自己 SYN 的确认。",
                ),
            },
            Stop {
                at: sent(C2S, "S", 2),
                text: t(
                    "The client's timer expires {retx_gap_ms} ms after its first SYN, and it sends the SYN again.",
                    "客户端的计时器在第一次发出 SYN 之后 {retx_gap_ms} 毫秒到期，它再发一次 SYN。",
                ),
            },
            Stop {
                at: sent(S2C, "SA", 2),
                text: t(
                    "At {t_ms} ms two SYN-ACKs leave the server: one answers the repeated SYN, the other comes from the server's own timer. Both carry the same ISN, {seq}: it is still the same connection attempt.",
                    "在 {t_ms} 毫秒，服务器发出了两个 SYN-ACK：一个回应重复到达的 SYN，另一个来自服务器自己的计时器。两者的 ISN 相同，都是 {seq}：这仍是同一次连接尝试。",
                ),
            },
            Stop {
                at: arrival(S2C, "SA", 1),
                text: t(
                    "The first SYN-ACK completes the handshake for the client: it enters ESTABLISHED and sends the third segment, a bare ACK, then its data.",
                    "第一个 SYN-ACK 让客户端完成了握手：它进入 ESTABLISHED，发出第三次握手的纯 ACK，然后发送数据。",
                ),
            },
            Stop {
                at: arrival(S2C, "SA", 2),
                text: t(
                    "The second copy is a duplicate. The client, already ESTABLISHED, answers it with an ACK that repeats its current acknowledgment number, and nothing else happens.",
                    "第二份是重复的。已处于 ESTABLISHED 的客户端只回一个 ACK，重复当前的确认号，别的什么也不会发生。",
                ),
            },
        ],
        check: Check {
            question: t(
                "When the SYN-ACK is lost, which side sends something again?",
                "SYN-ACK 丢失时，哪一方会再发一次？",
            ),
            choices: &[
                t("Only the server", "只有服务器"),
                t("Only the client", "只有客户端"),
                t(
                    "Both: the client repeats its SYN and the server repeats its SYN-ACK, each on its own timer",
                    "双方都会：客户端重发 SYN，服务器重发 SYN-ACK，各自靠自己的计时器",
                ),
                t(
                    "Neither: the connection fails",
                    "都不会：连接失败",
                ),
            ],
            correct: 2,
            why: &[
                t(
                    "Not this one: the client is waiting too, for an answer to its SYN, and its own timer sends the SYN again.",
                    "不对：客户端也在等，等它的 SYN 得到回应，它自己的计时器会把 SYN 再发一次。",
                ),
                t(
                    "Not this one: the server's SYN needs an acknowledgment too, so the server in SYN-RECEIVED has its own timer and sends its SYN-ACK again.",
                    "不对：服务器的 SYN 同样需要确认，所以处于 SYN-RECEIVED 的服务器也有自己的计时器，会把 SYN-ACK 再发一次。",
                ),
                t(
                    "Right: both sides wait for the acknowledgment of their own SYN, each with its own retransmission timer. Whichever SYN-ACK arrives first completes the handshake; the extra copy only draws a duplicate ACK.",
                    "正确：双方都在等对自己 SYN 的确认，各有各的重传计时器。先到的 SYN-ACK 完成握手，多出来的那一份只换来一个重复的 ACK。",
                ),
                t(
                    "Not this one: one lost segment does not end a handshake, because both timers recover it. The attempt fails only if every retry is lost as well.",
                    "不对：丢一个报文段并不会让握手失败，双方的计时器会把它补回来。只有每一次重试也都丢了，这次连接尝试才会失败。",
                ),
            ],
            explanation: t(
                "Both sides are waiting for an acknowledgment: the client for its SYN, the server for its SYN. Each has a retransmission timer, so each sends its segment again; the server also answers the repeated SYN with a SYN-ACK. Whichever SYN-ACK arrives first completes the handshake, and the extra one is acknowledged and ignored.",
                "双方都在等确认：客户端等对自己 SYN 的确认，服务器也等对自己 SYN 的确认。两边各有重传计时器，所以各自都会再发；服务器收到重复的 SYN 时也会回一个 SYN-ACK。先到的 SYN-ACK 完成握手，多出来的那个只被确认一下，随即被忽略。",
            ),
        },
        mistakes: &[
            Mistake {
                claim: t(
                    "\"The server is connected as soon as it has sent its SYN-ACK.\"",
                    "“服务器发出 SYN-ACK 后，就直接进入连接状态。”",
                ),
                correction: t(
                    "The server stays in SYN-RECEIVED until the client's ACK arrives, and its SYN-ACK is watched by its own retransmission timer. Under Linux it tries {linux_synack_retries} more times and gives up after {linux_synack_give_up_s} s, dropping the half-finished request.",
                    "服务器一直停在 SYN-RECEIVED，直到客户端的 ACK 到达；它的 SYN-ACK 由它自己的重传计时器看着。在 Linux 下，它最多再试 {linux_synack_retries} 次，{linux_synack_give_up_s} 秒后放弃，丢掉这个没完成的连接请求。",
                ),
            },
        ],
    },
    // ------------------------------------------------------------------ loss: third ACK
    Lesson {
        id: "ack-lost",
        source: LessonScenario::Named("ack_lost"),
        profile: ProfileName::Rfc,
        title: t(
            "Loss in the handshake: the third segment",
            "握手中的丢包：第三次握手丢失",
        ),
        goal: t(
            "See why a lost bare ACK is never sent again, and how the next segment's acknowledgment number completes the handshake anyway.",
            "理解丢失的纯 ACK 为什么从不重发，以及下一个报文段的确认号如何照样完成握手。",
        ),
        analogy: Some(AnalogyTopic::Handshake),
        stops: &[
            Stop {
                at: sent(C2S, "A", 1),
                text: t(
                    "The client got the SYN-ACK, is ESTABLISHED, and sends the third segment: a bare ACK with acknowledgment number {ack}. It is lost. The client does not notice: nothing acknowledges an ACK, so no timer runs for it.",
                    "客户端收到了 SYN-ACK，已进入 ESTABLISHED，发出第三次握手的报文段：一个纯 ACK，确认号为 {ack}。它丢了。客户端不会察觉：没有谁会确认 ACK，所以也没有为它设的计时器。",
                ),
            },
            Stop {
                at: sent(C2S, "PA", 1),
                text: t(
                    "The client starts sending data at once. Every segment after the SYN has the ACK flag set, so this data segment carries the same acknowledgment number, {ack}.",
                    "客户端马上开始发数据。SYN 之后的每个报文段都置了确认标志 ACK，所以这个数据报文段带着同样的确认号 {ack}。",
                ),
            },
            Stop {
                at: arrival(C2S, "PA", 1),
                text: t(
                    "For the server, still in SYN-RECEIVED, this acknowledgment confirms its SYN exactly as the lost ACK would have: it enters ESTABLISHED and takes the data. Acknowledgments are cumulative, so a later one stands in for a lost one. Had the client nothing to send, the server's SYN-ACK timer would fire and the client would answer the repeated SYN-ACK.",
                    "对仍在 SYN-RECEIVED 的服务器来说，这个确认号和丢失的那个 ACK 一样确认了它的 SYN：服务器进入 ESTABLISHED，并收下数据。确认是累积的，后来的确认可以顶替丢失的确认。如果客户端没有数据要发，服务器的 SYN-ACK 计时器会到期，客户端再对重发的 SYN-ACK 作出回应。",
                ),
            },
        ],
        check: Check {
            question: t(
                "The third handshake segment is lost. What does the client do about it?",
                "第三次握手的报文段丢了，客户端会怎么处理？",
            ),
            choices: &[
                t(
                    "It sends the ACK again when its retransmission timer expires",
                    "等重传计时器到期后，再发一次这个 ACK",
                ),
                t(
                    "Nothing special: its next segment carries the same acknowledgment number, which completes the handshake for the server",
                    "不做特别处理：它的下一个报文段带着同样的确认号，替服务器完成了握手",
                ),
                t("It starts over with a new SYN", "发一个新的 SYN 从头开始"),
                t(
                    "It waits until the server asks for the ACK",
                    "等服务器来索要这个 ACK",
                ),
            ],
            correct: 1,
            why: &[
                t(
                    "Not this one: a bare ACK occupies no sequence number, so nothing acknowledges it and no timer watches it; the client does not even know it was lost.",
                    "不对：纯 ACK 不占序列号，没有谁会确认它，也没有计时器盯着它；客户端甚至不知道它丢了。",
                ),
                t(
                    "Right: every later segment carries the same acknowledgment number, so the client's first data segment confirms the server's SYN just as the lost ACK would have, and the server enters ESTABLISHED.",
                    "正确：之后的每个报文段都带着同样的确认号，所以客户端的第一个数据报文段会像丢失的 ACK 一样确认服务器的 SYN，服务器随即进入 ESTABLISHED。",
                ),
                t(
                    "Not this one: the client is already ESTABLISHED and sees no problem. Starting over would throw away a connection that works.",
                    "不对：客户端已经进入 ESTABLISHED，根本察觉不到问题。从头再来只会丢掉一个好好的连接。",
                ),
                t(
                    "Not this one: TCP has no way to ask for an ACK. If the client sends nothing, the server's own timer sends the SYN-ACK again, and the client answers it with a new ACK.",
                    "不对：TCP 没有索要 ACK 的办法。如果客户端什么也不发，服务器自己的计时器会再发 SYN-ACK，客户端再用一个新的 ACK 回应。",
                ),
            ],
            explanation: t(
                "A bare ACK occupies no sequence number, so no timer waits for its acknowledgment and it is never sent again by itself. The acknowledgment number is repeated in every later segment, so the first one that arrives does the job. If nothing follows, the server's own timer sends the SYN-ACK again and draws a new ACK.",
                "纯 ACK 不占序列号，没有计时器在等它的确认，它也就从不会被单独再发。确认号会出现在之后的每个报文段里，先到的那个就完成了任务。如果客户端什么都不发，服务器自己的计时器会再发 SYN-ACK，换来一个新的 ACK。",
            ),
        },
        mistakes: &[
            Mistake {
                claim: t(
                    "\"If the ACK of the third handshake is lost, the client must send it again, or the connection fails.\"",
                    "“第三次握手的 ACK 丢了，客户端必须重发，否则连接建立失败。”",
                ),
                correction: t(
                    "A bare ACK is never retransmitted: nothing acknowledges it, so no timer watches it. The client's next segment carries the same acknowledgment number and completes the server's handshake; if the client has nothing to send, the server's retransmitted SYN-ACK draws a new ACK.",
                    "纯 ACK 从不重传：没有谁确认它，所以也没有计时器盯着它。客户端的下一个报文段带着同样的确认号，照样完成服务器这边的握手；如果客户端没有数据要发，服务器重传的 SYN-ACK 会换来一个新的 ACK。",
                ),
            },
        ],
    },
    // ------------------------------------------------------------------ loss: client FIN
    Lesson {
        id: "fin-lost",
        source: LessonScenario::Named("fin_lost"),
        profile: ProfileName::Rfc,
        title: t("Loss in the close: the first FIN", "挥手中的丢包：第一个 FIN 丢失"),
        goal: t(
            "See that a FIN is protected by the retransmission timer like data, because it occupies a sequence number.",
            "理解 FIN 为什么像数据一样受重传计时器保护：因为它占用一个序列号。",
        ),
        analogy: Some(AnalogyTopic::Retransmission),
        stops: &[
            Stop {
                at: sent(C2S, "FA", 1),
                text: t(
                    "The client closes: FIN with sequence number {seq}, FIN-WAIT-1. The FIN is lost. Because a FIN occupies a sequence number, it must be acknowledged, and the retransmission timer covers it just like data.",
                    "客户端关闭：发出序列号为 {seq} 的 FIN，进入 FIN-WAIT-1。这个 FIN 丢了。因为 FIN 占用一个序列号，它必须得到确认，重传计时器也像保护数据一样保护它。",
                ),
            },
            Stop {
                at: sent(C2S, "FA", 2),
                text: t(
                    "No ACK came within the timeout, so {retx_gap_ms} ms after the first copy the client sends the same FIN again, with the same sequence number {seq}.",
                    "超时前没有等到 ACK，于是在第一次发出 {retx_gap_ms} 毫秒后，客户端再发一次同样的 FIN，序列号仍是 {seq}。",
                ),
            },
            Stop {
                at: arrival(C2S, "FA", 1),
                text: t(
                    "This copy reaches the server, which enters CLOSE-WAIT and acknowledges it with acknowledgment number {next_seq}.",
                    "这一份到达了服务器，服务器进入 CLOSE-WAIT，用确认号 {next_seq} 确认它。",
                ),
            },
            Stop {
                at: enters(Side::Client, State::FinWait2, 1),
                text: t(
                    "The ACK moves the client to FIN-WAIT-2, and the close continues as usual. The server never knew a FIN had been lost.",
                    "这个 ACK 让客户端进入 FIN-WAIT-2，挥手照常继续。服务器自始至终不知道曾经丢过一个 FIN。",
                ),
            },
        ],
        check: Check {
            question: t(
                "The client's FIN is lost. Who sends it again, and when?",
                "客户端的 FIN 丢了。谁会再发一次，什么时候？",
            ),
            choices: &[
                t(
                    "The server, when it notices the FIN is missing",
                    "服务器发现少了 FIN 时，由服务器补发",
                ),
                t(
                    "Nobody: the connection stays half-open",
                    "没有人：连接就一直半开着",
                ),
                t(
                    "The client, when its retransmission timer expires",
                    "客户端，在它的重传计时器到期时",
                ),
                t(
                    "The client, but only after the server sends a RST",
                    "客户端，但要等服务器先发一个 RST",
                ),
            ],
            correct: 2,
            why: &[
                t(
                    "Not this one: the server never saw the FIN, so it does not know anything is missing, and it cannot send a FIN on the client's behalf.",
                    "不对：服务器根本没见过这个 FIN，不知道少了什么，也不可能替客户端发 FIN。",
                ),
                t(
                    "Not this one: a FIN occupies a sequence number, so the client's retransmission timer watches it like data and sends it again. A half-open connection is something else: one side has lost its state.",
                    "不对：FIN 占用一个序列号，所以客户端的重传计时器像保护数据一样保护它，到期就会重发。半开连接是另一回事：指的是有一方丢失了连接状态。",
                ),
                t(
                    "Right: the client is waiting for the acknowledgment of its FIN; when its retransmission timer expires, it sends the same FIN again, with the same sequence number.",
                    "正确：客户端在等对自己 FIN 的确认；重传计时器到期时，它再发一次同样的 FIN，序列号不变。",
                ),
                t(
                    "Not this one: the server has no reason to reset a connection that has only gone quiet, and a RST would end the connection rather than bring a retransmission.",
                    "不对：对一个只是暂时安静下来的连接，服务器没有理由去复位；而且 RST 会直接结束连接，并不会换来什么重传。",
                ),
            ],
            explanation: t(
                "Only the sender knows it is waiting for an acknowledgment. The server cannot send the client's FIN, and it has no reason to reset a connection that simply went quiet.",
                "只有发送方知道自己在等确认。服务器不可能替客户端发 FIN，对一个只是暂时安静下来的连接，它也没有理由去复位。",
            ),
        },
        mistakes: &[
            Mistake {
                claim: t(
                    "\"A FIN carries no data, so it needs no acknowledgment and is never sent again.\"",
                    "“FIN 不带数据，所以不需要确认，也不会重传。”",
                ),
                correction: t(
                    "A FIN occupies one sequence number, so it is acknowledged like a byte of data (the acknowledgment number is its sequence number + 1) and retransmitted by the same timer until that acknowledgment arrives.",
                    "FIN 占用一个序列号，所以它像一个字节的数据一样被确认（确认号等于它的序列号加 1），并由同一个重传计时器重传，直到收到这个确认。",
                ),
            },
        ],
    },
    // ------------------------------------------------------------------ loss: ACK of FIN
    Lesson {
        id: "fin-ack-lost",
        source: LessonScenario::Named("fin_ack_lost"),
        profile: ProfileName::Rfc,
        title: t(
            "Loss in the close: the ACK of the first FIN",
            "挥手中的丢包：对第一个 FIN 的 ACK 丢失",
        ),
        goal: t(
            "See how a cumulative acknowledgment on the server's FIN makes up for the lost ACK.",
            "看服务器 FIN 上的累积确认如何弥补丢失的 ACK。",
        ),
        analogy: Some(AnalogyTopic::Close),
        stops: &[
            Stop {
                at: sent(S2C, "A", 1),
                text: t(
                    "The server acknowledges the client's FIN (acknowledgment number {ack}) and enters CLOSE-WAIT, but the ACK is lost. The client stays in FIN-WAIT-1, with its FIN retransmission timer running.",
                    "服务器确认客户端的 FIN（确认号 {ack}），进入 CLOSE-WAIT，可这个 ACK 丢了。客户端停在 FIN-WAIT-1，它的 FIN 重传计时器还在走。",
                ),
            },
            Stop {
                at: sent(S2C, "FA", 1),
                text: t(
                    "Before that timer expires, the server's application closes. The server's FIN carries the ACK flag and the same acknowledgment number, {ack}: every acknowledgment states everything received so far, so this FIN acknowledges the client's FIN again.",
                    "在那个计时器到期之前，服务器的应用关闭了。服务器的 FIN 置了确认标志 ACK，确认号同样是 {ack}：每一个确认号都表示“到此为止全部收到”，所以这个 FIN 再次确认了客户端的 FIN。",
                ),
            },
            Stop {
                at: arrival(S2C, "FA", 1),
                text: t(
                    "This one segment tells the client two things: its FIN arrived (FIN-WAIT-2) and the server has finished (TIME-WAIT). The client sends the last ACK. The lost ACK cost nothing, and nothing had to be sent again.",
                    "这一个报文段告诉客户端两件事：它的 FIN 已经送达（进入 FIN-WAIT-2），服务器也说完了（进入 TIME-WAIT）。客户端发出最后一个 ACK。丢失的 ACK 没有造成任何损失，也没有任何报文段需要再发。",
                ),
            },
        ],
        check: Check {
            question: t(
                "The ACK of the client's FIN is lost, but the server's FIN arrives 200 ms later. What happens?",
                "对客户端 FIN 的 ACK 丢了，但服务器的 FIN 在 200 毫秒后到达。接下来会怎样？",
            ),
            choices: &[
                t(
                    "The acknowledgment number on the server's FIN also acknowledges the client's FIN, so the client moves on without any retransmission",
                    "服务器 FIN 上的确认号同样确认了客户端的 FIN，所以客户端无需任何重传就能继续往下走",
                ),
                t(
                    "The server must first send the lost ACK again",
                    "服务器必须先把丢失的 ACK 再发一次",
                ),
                t(
                    "The client ignores the FIN until its own FIN is acknowledged by a separate ACK",
                    "客户端会忽略这个 FIN，直到自己的 FIN 被一个单独的 ACK 确认",
                ),
                t("The client answers with RST", "客户端回一个 RST"),
            ],
            correct: 0,
            why: &[
                t(
                    "Right: acknowledgments are cumulative, and the server's FIN carries the same acknowledgment number as the lost ACK, so the client passes through FIN-WAIT-2 straight into TIME-WAIT.",
                    "正确：确认是累积的，服务器的 FIN 带着与丢失的 ACK 相同的确认号，所以客户端经过 FIN-WAIT-2 直接进入 TIME-WAIT。",
                ),
                t(
                    "Not this one: a bare ACK is never retransmitted, and it need not be: the acknowledgment number on the server's FIN does the same job.",
                    "不对：纯 ACK 从不重传，也不需要重传：服务器 FIN 上的确认号起的是同样的作用。",
                ),
                t(
                    "Not this one: no separate ACK is needed. The acknowledgment number on this FIN covers the client's FIN, so the client accepts both in one go.",
                    "不对：用不着一个单独的 ACK。这个 FIN 上的确认号已经涵盖了客户端的 FIN，客户端一次就把两者都收下。",
                ),
                t(
                    "Not this one: the FIN belongs to a connection the client still knows and is perfectly acceptable, so nothing calls for a reset; the client answers it with an ACK.",
                    "不对：这个 FIN 属于客户端仍然记得的连接，而且完全可以接受，没有理由复位；客户端用一个 ACK 回应它。",
                ),
            ],
            explanation: t(
                "Acknowledgment numbers are cumulative and appear on every segment with the ACK flag, so any later segment can stand in for a lost ACK. The client accepts the FIN and the acknowledgment in one go and passes through FIN-WAIT-2 straight into TIME-WAIT.",
                "确认号是累积的，而且出现在每一个置了 ACK 标志的报文段上，所以后面任何一个报文段都能顶替丢失的 ACK。客户端一次就收下了 FIN 和确认，经过 FIN-WAIT-2 直接进入 TIME-WAIT。",
            ),
        },
        mistakes: &[
            Mistake {
                claim: t(
                    "\"If the ACK of the first FIN is lost, the client waits until the server sends that ACK again.\"",
                    "“第二次挥手的 ACK 丢了，客户端要等服务器把这个 ACK 重新发一次。”",
                ),
                correction: t(
                    "A bare ACK is not retransmitted, and it need not be: acknowledgments are cumulative. The server's FIN carries the same acknowledgment number, so it acknowledges the client's FIN too, and the client goes straight on to TIME-WAIT.",
                    "纯 ACK 不会重传，也不需要重传：确认是累积的。服务器的 FIN 带着同样的确认号，所以它也确认了客户端的 FIN，客户端直接进入 TIME-WAIT。",
                ),
            },
        ],
    },
    // ------------------------------------------------------------------ loss: server FIN
    Lesson {
        id: "server-fin-lost",
        source: LessonScenario::Named("server_fin_lost"),
        profile: ProfileName::Rfc,
        title: t(
            "Loss in the close: the second FIN",
            "挥手中的丢包：第二个 FIN 丢失",
        ),
        goal: t(
            "See that the side in FIN-WAIT-2 can only wait, and that the server's timer recovers the lost FIN.",
            "理解处于 FIN-WAIT-2 的一方只能等待，而丢失的 FIN 靠服务器的计时器来恢复。",
        ),
        analogy: Some(AnalogyTopic::Retransmission),
        stops: &[
            Stop {
                at: sent(S2C, "FA", 1),
                text: t(
                    "The server closes: FIN, LAST-ACK. The FIN is lost. The client, in FIN-WAIT-2, keeps waiting: it cannot tell a lost FIN from a server that still has things to send.",
                    "服务器关闭：发出 FIN，进入 LAST-ACK。这个 FIN 丢了。处于 FIN-WAIT-2 的客户端只能继续等：它分不清是 FIN 丢了，还是服务器还有话没说完。",
                ),
            },
            Stop {
                at: sent(S2C, "FA", 2),
                text: t(
                    "The server's timer expires {retx_gap_ms} ms after its first FIN, and it sends the FIN again, same sequence number {seq}.",
                    "服务器的计时器在第一次发出 FIN 之后 {retx_gap_ms} 毫秒到期，它再发一次 FIN，序列号仍是 {seq}。",
                ),
            },
            Stop {
                at: arrival(S2C, "FA", 1),
                text: t(
                    "The client acknowledges it (acknowledgment number {next_seq}) and enters TIME-WAIT; the server closes when the ACK arrives.",
                    "客户端确认它（确认号 {next_seq}），进入 TIME-WAIT；服务器收到这个 ACK 后关闭。",
                ),
            },
        ],
        check: Check {
            question: t(
                "While the server's FIN is lost, what does the client in FIN-WAIT-2 do?",
                "服务器的 FIN 丢失期间，处于 FIN-WAIT-2 的客户端在做什么？",
            ),
            choices: &[
                t("It sends its own FIN again", "再发一次自己的 FIN"),
                t("It asks the server for the FIN", "向服务器索要 FIN"),
                t("It closes after 2MSL", "等 2MSL 后关闭"),
                t(
                    "It waits; only the server can send its FIN again",
                    "等待；只有服务器能再发它的 FIN",
                ),
            ],
            correct: 3,
            why: &[
                t(
                    "Not this one: the client's own FIN has already been acknowledged, so it has nothing to send again.",
                    "不对：客户端自己的 FIN 已经被确认了，没有什么需要再发。",
                ),
                t(
                    "Not this one: TCP has no way to ask for a FIN; the client cannot even tell a lost FIN from a server that still has data to send.",
                    "不对：TCP 没有索要 FIN 的办法；客户端甚至分不清是 FIN 丢了，还是服务器还有数据要发。",
                ),
                t(
                    "Not this one: 2MSL is the length of TIME-WAIT, which starts only when the server's FIN arrives. The textbook puts no limit on FIN-WAIT-2 (Linux ends an orphaned one after tcp_fin_timeout).",
                    "不对：2MSL 是 TIME-WAIT 的时长，要等服务器的 FIN 到达才开始。教科书中 FIN-WAIT-2 没有时间上限（Linux 会在 tcp_fin_timeout 后结束孤儿 FIN-WAIT-2）。",
                ),
                t(
                    "Right: the FIN is the server's, so only the server's retransmission timer can recover it; the client in FIN-WAIT-2 waits and acknowledges the FIN when it comes.",
                    "正确：FIN 是服务器的，只有服务器的重传计时器能把它补回来；处于 FIN-WAIT-2 的客户端只能等着，等它到了再确认。",
                ),
            ],
            explanation: t(
                "The client's own FIN was acknowledged, so it has nothing to send again, and TCP has no way to ask for a FIN. 2MSL is the TIME-WAIT period, which starts only after the server's FIN arrives. (On Linux an orphaned FIN-WAIT-2 gives up after 60 s; the textbook waits forever.)",
                "客户端自己的 FIN 已经被确认，没什么可再发的；TCP 也没有索要 FIN 的办法。2MSL 是 TIME-WAIT 的时长，要等服务器的 FIN 到达之后才开始。（在 Linux 上，孤儿 FIN-WAIT-2 等 60 秒后放弃；教科书中则一直等下去。）",
            ),
        },
        mistakes: &[
            Mistake {
                claim: t(
                    "\"When the other side's FIN does not come, the keepalive timer closes the connection.\"",
                    "“对方的 FIN 迟迟不来时，由保活计时器来关闭连接。”",
                ),
                correction: t(
                    "Keepalive is not part of the close: it is an option an application turns on to probe a peer that has been silent for a long time. A lost FIN is recovered by its sender's retransmission timer, as here; the side in FIN-WAIT-2 can only wait. Under Linux an orphaned socket stops waiting after {linux_fin_timeout_s} s (tcp_fin_timeout), which is not keepalive either.",
                    "保活（keepalive）不是关闭过程的一部分：它是应用程序打开的一个选项，用来探测长时间没有动静的对方。丢失的 FIN 由发送它的一方的重传计时器恢复，正如这里所示；处于 FIN-WAIT-2 的一方只能等待。在 Linux 下，孤儿套接字等待 {linux_fin_timeout_s} 秒（tcp_fin_timeout）后不再等待，这也不是保活。",
                ),
            },
        ],
    },
    // ------------------------------------------------------------------ RST: refused
    Lesson {
        id: "rst-refused",
        source: LessonScenario::Named("connection_refused"),
        profile: ProfileName::Linux,
        title: t(
            "RST, part 1: connection refused",
            "RST 之一：连接被拒绝",
        ),
        goal: t(
            "See what a host answers to a SYN for a port where nothing listens, and why the client gives up at once instead of retrying.",
            "看主机如何回应发往无人监听端口的 SYN，以及客户端为什么立即放弃而不是重试。",
        ),
        analogy: Some(AnalogyTopic::Rst),
        stops: &[
            Stop {
                at: sent(C2S, "S", 1),
                text: t(
                    "The client sends a SYN to port {server_port} on the server, but no application is listening there.",
                    "客户端向服务器的 {server_port} 端口发出 SYN，但那里没有任何应用在监听。",
                ),
            },
            Stop {
                at: arrival(C2S, "S", 1),
                text: t(
                    "With no socket for this 4-tuple, the server's TCP answers with a reset: RST with the ACK flag and acknowledgment number {client_isn+1}, the client's ISN + 1, so that the client can match it to its SYN. The server keeps no state at all.",
                    "这个四元组没有对应的套接字，服务器的 TCP 回一个复位报文段：RST，并置确认标志 ACK，确认号为 {client_isn+1}，即客户端的 ISN + 1，好让客户端把它和自己的 SYN 对上。服务器不保留任何状态。",
                ),
            },
            Stop {
                at: arrival(S2C, "RA", 1),
                text: t(
                    "The client accepts the RST because it acknowledges exactly its SYN. It goes from SYN-SENT straight to CLOSED, and connect() fails with \"connection refused\" (ECONNREFUSED). There are no retries: a RST is a definite answer, unlike silence.",
                    "这个 RST 确认的正好是客户端的 SYN，所以客户端接受它，从 SYN-SENT 直接进入 CLOSED，connect() 以“连接被拒绝”（ECONNREFUSED）失败。不会再重试：RST 是明确的答复，和毫无回音不同。",
                ),
            },
        ],
        check: Check {
            question: t(
                "connect() fails at once with \"connection refused\". What happened?",
                "connect() 立即以“连接被拒绝”失败。发生了什么？",
            ),
            choices: &[
                t(
                    "Nothing listens on that port, and the host answered the SYN with RST",
                    "那个端口上没有程序监听，主机用 RST 回应了 SYN",
                ),
                t("The SYN was lost", "SYN 丢了"),
                t(
                    "The handshake completed, but the server closed at once",
                    "握手完成了，但服务器随即关闭",
                ),
                t(
                    "The server's application read the request and rejected it",
                    "服务器的应用读了请求后拒绝了它",
                ),
            ],
            correct: 0,
            why: &[
                t(
                    "Right: with nothing listening on the port, the host's TCP answers the SYN with a RST that acknowledges it, and connect() fails at once with ECONNREFUSED, without retries.",
                    "正确：那个端口上没有程序监听，主机的 TCP 用一个确认了这个 SYN 的 RST 来回应，connect() 立即以 ECONNREFUSED 失败，不再重试。",
                ),
                t(
                    "Not this one: a lost SYN brings silence, retries and finally \"connection timed out\", not an immediate refusal.",
                    "不对：SYN 丢失换来的是一片沉默和几次重试，最后是“连接超时”，而不是立即被拒绝。",
                ),
                t(
                    "Not this one: a completed handshake makes connect() succeed; a close afterwards would show up in later reads or writes, not as a refusal.",
                    "不对：握手一旦完成，connect() 就会成功；之后的关闭要在后续的读写中才会显现，不会表现为连接被拒绝。",
                ),
                t(
                    "Not this one: the refusal comes from TCP before any application is involved; with nothing listening, there is no application to read a request.",
                    "不对：拒绝是 TCP 在任何应用介入之前作出的；没有程序监听，也就没有应用来读请求。",
                ),
            ],
            explanation: t(
                "A lost SYN produces silence, retries and finally \"connection timed out\", not an immediate refusal. A completed handshake would make connect() succeed; what happens afterwards shows up in later calls. Refusal happens before any application is involved.",
                "SYN 丢失只会换来一片沉默、几次重试，最后是“连接超时”，而不是立即被拒绝。握手一旦完成，connect() 就会成功，之后发生的事要在后续调用中才看得到。连接被拒绝发生在任何应用介入之前。",
            ),
        },
        mistakes: &[
            Mistake {
                claim: t(
                    "\"A SYN sent to a port where nothing listens is simply lost, so connect() waits and retries.\"",
                    "“SYN 发到没有程序监听的端口就石沉大海，connect() 只能等待、重试。”",
                ),
                correction: t(
                    "The host answers at once with RST, acknowledging the SYN, and connect() fails right away with \"connection refused\". Only silence (a lost SYN, a firewall that drops it) makes the client retry until its limit, {linux_syn_give_up_s} s under Linux.",
                    "对方主机立即回一个 RST，并确认这个 SYN，connect() 马上以“连接被拒绝”失败。只有毫无回音（SYN 丢失，或被防火墙丢弃）时，客户端才会一直重试到上限，在 Linux 下是 {linux_syn_give_up_s} 秒。",
                ),
            },
        ],
    },
    // ------------------------------------------------------------------ RST: abort
    Lesson {
        id: "rst-abort",
        source: LessonScenario::Custom(CustomScenario::AbortUnreadData),
        profile: ProfileName::Linux,
        title: t(
            "RST, part 2: aborting a connection",
            "RST 之二：中止连接",
        ),
        goal: t(
            "See Linux answer close() with RST when received data is still unread, and what the peer experiences.",
            "看 Linux 在还有未读数据时如何用 RST 代替 FIN 来响应 close()，以及对方会遇到什么。",
        ),
        analogy: Some(AnalogyTopic::Rst),
        stops: &[
            Stop {
                at: arrival(C2S, "PA", 1),
                text: t(
                    "The client's 100 bytes reach the server and are acknowledged (acknowledgment number {next_seq}), but the server's application never reads them.",
                    "客户端的 100 字节到达服务器并得到确认（确认号 {next_seq}），但服务器的应用始终没有读取它们。",
                ),
            },
            Stop {
                at: sent(S2C, "RA", 1),
                text: t(
                    "The server's application calls close() with those 100 bytes still unread. Linux does not send a FIN here but a RST (sequence number {seq}), because an orderly close would pretend the data had been delivered. The server drops the connection at once: no FIN-WAIT, no TIME-WAIT.",
                    "服务器的应用在那 100 字节仍未读取时调用了 close()。这时 Linux 不发 FIN，而是发 RST（序列号 {seq}），因为正常关闭会让对方误以为数据已经交给了应用。服务器立即丢弃这个连接：没有 FIN-WAIT，也没有 TIME-WAIT。",
                ),
            },
            Stop {
                at: arrival(S2C, "RA", 1),
                text: t(
                    "The RST's sequence number is exactly the one the client expects next, so it is accepted. The client goes straight from ESTABLISHED to CLOSED, and its application gets \"connection reset by peer\" (ECONNRESET). A RST aborts both directions at once and is never acknowledged.",
                    "这个 RST 的序列号恰好等于客户端期望收到的下一个序列号，因此被接受。客户端从 ESTABLISHED 直接进入 CLOSED，应用得到“连接被对方重置”（ECONNRESET）错误。RST 同时中止两个方向的通信，而且对 RST 不发送确认。",
                ),
            },
        ],
        check: Check {
            question: t(
                "When does Linux answer close() with RST instead of FIN?",
                "Linux 在什么情况下用 RST 而不是 FIN 来响应 close()？",
            ),
            choices: &[
                t(
                    "Whenever the server closes first",
                    "只要是服务器先关闭",
                ),
                t(
                    "When the FIN has been lost twice",
                    "当 FIN 已经丢了两次",
                ),
                t(
                    "When received data is still unread, so that the peer learns its data was thrown away",
                    "当收到的数据还没被读取时，好让对方知道它的数据被丢弃了",
                ),
                t(
                    "Always; FIN is used only by clients",
                    "总是如此；只有客户端才用 FIN",
                ),
            ],
            correct: 2,
            why: &[
                t(
                    "Not this one: a server that closes first normally sends a FIN, like any side; which side closes first does not decide between FIN and RST.",
                    "不对：服务器先关闭时，和任何一方一样，通常发的是 FIN；谁先关闭并不决定用 FIN 还是 RST。",
                ),
                t(
                    "Not this one: a lost FIN is sent again by the retransmission timer; Linux does not turn it into a RST, and gives up on the connection only when the retries run out.",
                    "不对：丢失的 FIN 由重传计时器重发，Linux 不会把它变成 RST；重试用完了，才会放弃这个连接。",
                ),
                t(
                    "Right: a FIN would let the peer believe its data was delivered, so Linux aborts with a RST, as RFC 2525 recommends, and the peer gets \"connection reset by peer\".",
                    "正确：发 FIN 会让对方误以为数据已经交给了应用，所以 Linux 按 RFC 2525 的建议用 RST 中止连接，对方得到“连接被对方重置”。",
                ),
                t(
                    "Not this one: both sides close with FIN, because clients and servers follow the same rules; RST is for aborting, not for ordinary closes.",
                    "不对：双方都用 FIN 关闭，客户端和服务器遵守同样的规则；RST 用于中止连接，而不是普通的关闭。",
                ),
            ],
            explanation: t(
                "RFC 2525 recommends a reset when an application closes with data it has not read: a FIN would tell the peer that everything went fine. A server that closes first normally sends a FIN (see the scenario where the server closes first), lost FINs are sent again rather than turned into resets, and both sides use FIN.",
                "RFC 2525 建议：应用在还有未读数据时关闭，应当发送复位，因为 FIN 会让对方以为一切正常。服务器先关闭时通常发的是 FIN（可以看“服务器先关闭”场景），丢失的 FIN 会被重发而不是变成复位，而且双方都使用 FIN。",
            ),
        },
        mistakes: &[
            Mistake {
                claim: t(
                    "\"close() always ends a connection with a FIN and the four-way wave.\"",
                    "“close() 一定以 FIN 和四次挥手结束连接。”",
                ),
                correction: t(
                    "If received data is still unread when the application closes, Linux sends RST instead of FIN: the connection is aborted at once, without TIME-WAIT, and the peer sees \"connection reset\". An RST is neither acknowledged nor retransmitted.",
                    "如果应用程序关闭时还有收到的数据没读，Linux 会发送 RST 而不是 FIN：连接立即中止，没有 TIME-WAIT，对方看到的是“连接被重置”。RST 既不被确认，也不会重传。",
                ),
            },
        ],
    },
    // ------------------------------------------------------------------ simultaneous open
    Lesson {
        id: "simultaneous-open",
        source: LessonScenario::Named("simultaneous_open"),
        profile: ProfileName::Rfc,
        title: t("Simultaneous open", "同时打开"),
        goal: t(
            "See two SYNs cross, both sides pass through SYN-RECEIVED, and four segments make a single connection.",
            "看两个 SYN 交错而过，双方都经过 SYN-RECEIVED，四个报文段建立起同一个连接。",
        ),
        analogy: Some(AnalogyTopic::SimultaneousOpen),
        stops: &[
            Stop {
                at: sent(C2S, "S", 1),
                text: t(
                    "Both applications call connect() at the same moment, each to the other's address and port; neither listens. Both send a SYN, each with its own ISN ({client_isn} and {server_isn}), and both enter SYN-SENT.",
                    "双方的应用在同一时刻调用 connect()，各自连接对方的地址和端口，谁也没有监听。双方都发出 SYN，各带自己的 ISN（{client_isn} 和 {server_isn}），都进入 SYN-SENT。",
                ),
            },
            Stop {
                at: enters(Side::Client, State::SynReceived, 1),
                text: t(
                    "Each SYN arrives while its receiver is in SYN-SENT. Instead of a SYN-ACK for its own SYN, each side got the other's SYN, so each enters SYN-RECEIVED and sends a SYN-ACK: its own SYN again, plus the acknowledgment of the peer's ISN.",
                    "每个 SYN 到达时，接收方都处于 SYN-SENT。双方等来的不是对自己 SYN 的 SYN-ACK，而是对方的 SYN，于是都进入 SYN-RECEIVED，并回一个 SYN-ACK：再带一次自己的 SYN，同时确认对方的 ISN。",
                ),
            },
            Stop {
                at: arrival(S2C, "SA", 1),
                text: t(
                    "Each SYN-ACK acknowledges its receiver's own ISN (here acknowledgment number {ack}, the client's ISN + 1), so both sides reach ESTABLISHED. Four segments made one connection, with nobody in LISTEN: this is Figure 7 of RFC 9293.",
                    "每个 SYN-ACK 都确认了接收方自己的 ISN（这里的确认号是 {ack}，即客户端的 ISN + 1），于是双方都进入 ESTABLISHED。四个报文段建立了一个连接，整个过程没有任何一方处于 LISTEN：这就是 RFC 9293 的图 7。",
                ),
            },
        ],
        check: Check {
            question: t(
                "Two hosts send each other a SYN at the same moment. What is the result?",
                "两台主机在同一时刻互相发出 SYN，结果会怎样？",
            ),
            choices: &[
                t("Two separate connections", "两个独立的连接"),
                t(
                    "One connection: both send a SYN and a SYN-ACK, four segments in all",
                    "一个连接：双方各发一个 SYN 和一个 SYN-ACK，一共四个报文段",
                ),
                t(
                    "One SYN is rejected with RST and the other wins",
                    "其中一个 SYN 被 RST 拒绝，另一个胜出",
                ),
                t("Both fall back to LISTEN", "双方都退回 LISTEN"),
            ],
            correct: 1,
            why: &[
                t(
                    "Not this one: both SYNs carry the same 4-tuple, the same pair of sockets, so there is only one connection they can open.",
                    "不对：两个 SYN 属于同一个四元组（套接字对），所以它们能建立的只有一个连接。",
                ),
                t(
                    "Right: each side, in SYN-SENT, receives the other's SYN, enters SYN-RECEIVED and answers with a SYN-ACK; each SYN-ACK acknowledges the other's ISN, and both reach ESTABLISHED (RFC 9293, Figure 7).",
                    "正确：处于 SYN-SENT 的双方都收到了对方的 SYN，进入 SYN-RECEIVED，并各回一个 SYN-ACK；每个 SYN-ACK 都确认了对方的 ISN，双方都进入 ESTABLISHED（RFC 9293 图 7）。",
                ),
                t(
                    "Not this one: a SYN that arrives in SYN-SENT is valid and is answered with a SYN-ACK, not with a reset; nobody wins and nobody loses.",
                    "不对：在 SYN-SENT 中收到的 SYN 是有效的，要用 SYN-ACK 回应，而不是复位；没有谁胜出，也没有谁落败。",
                ),
                t(
                    "Not this one: neither side was listening, and nothing sends them to LISTEN; both go from SYN-SENT through SYN-RECEIVED to ESTABLISHED.",
                    "不对：双方都没有监听，也没有什么会让它们进入 LISTEN；它们都从 SYN-SENT 经过 SYN-RECEIVED 进入 ESTABLISHED。",
                ),
            ],
            explanation: t(
                "Both SYNs belong to the same 4-tuple, so there is only one connection to open. Each side acknowledges the other's ISN in a SYN-ACK; nobody resets anything and nobody needs to listen.",
                "两个 SYN 属于同一个四元组，所以要建立的只有一个连接。双方各用一个 SYN-ACK 确认对方的 ISN；没有谁发复位，也没有谁需要监听。",
            ),
        },
        mistakes: &[
            Mistake {
                claim: t(
                    "\"One side must be the client and the other the server: two SYNs that cross cannot make a connection.\"",
                    "“一方必须是客户端、一方必须是服务器：两个交叉的 SYN 建立不了连接。”",
                ),
                correction: t(
                    "When both sides send a SYN at once, each answers the other's SYN with a SYN-ACK, both pass through SYN-RECEIVED, and four segments make a single connection. RFC 9293 describes it; nobody listens in it.",
                    "双方同时发出 SYN 时，各自用 SYN-ACK 回应对方的 SYN，双方都经过 SYN-RECEIVED，四个报文段建立起一条连接。RFC 9293 描述了这种情况，其中没有哪一方在监听。",
                ),
            },
        ],
    },
    // ------------------------------------------------------------------ simultaneous close
    Lesson {
        id: "simultaneous-close",
        source: LessonScenario::Named("simultaneous_close"),
        profile: ProfileName::Rfc,
        title: t("Simultaneous close and CLOSING", "同时关闭与 CLOSING 状态"),
        goal: t(
            "See both FINs cross, both sides pass through the rare CLOSING state, and both end in TIME-WAIT.",
            "看两个 FIN 交错而过，双方都经过少见的 CLOSING 状态，最后都进入 TIME-WAIT。",
        ),
        analogy: Some(AnalogyTopic::SimultaneousClose),
        stops: &[
            Stop {
                at: sent(C2S, "FA", 1),
                text: t(
                    "At {t_ms} ms both applications call close(). Both send a FIN and enter FIN-WAIT-1, each expecting an ACK of its FIN.",
                    "在 {t_ms} 毫秒，双方的应用都调用了 close()。双方都发出 FIN，进入 FIN-WAIT-1，各自等待对自己 FIN 的确认。",
                ),
            },
            Stop {
                at: enters(Side::Client, State::Closing, 1),
                text: t(
                    "Each side receives the peer's FIN before the ACK of its own. That is the CLOSING state: \"I have sent my FIN and received yours, but mine is not acknowledged yet.\" Each side acknowledges the other's FIN.",
                    "每一方都在自己的 FIN 被确认之前，先收到了对方的 FIN。这就是 CLOSING 状态：“我发了 FIN，也收到了你的 FIN，但我的还没被确认。”双方各自确认对方的 FIN。",
                ),
            },
            Stop {
                at: enters(Side::Client, State::TimeWait, 1),
                text: t(
                    "The ACKs arrive, and both sides go from CLOSING to TIME-WAIT. Both closed actively, so both wait 2MSL, {time_wait_s} s here.",
                    "ACK 到达，双方都从 CLOSING 进入 TIME-WAIT。两边都是主动关闭，所以都要等 2MSL，这里是 {time_wait_s} 秒。",
                ),
            },
        ],
        check: Check {
            question: t(
                "A side in FIN-WAIT-1 receives the peer's FIN before the ACK of its own FIN. Which state does it enter?",
                "处于 FIN-WAIT-1 的一方，在自己的 FIN 被确认之前先收到了对方的 FIN。它会进入哪个状态？",
            ),
            choices: &[
                t(
                    "CLOSE-WAIT, because the peer closed",
                    "CLOSE-WAIT，因为对方关闭了",
                ),
                t(
                    "CLOSING: its FIN is not yet acknowledged, but the peer's FIN has arrived",
                    "CLOSING：自己的 FIN 还没被确认，对方的 FIN 却已经到了",
                ),
                t(
                    "LAST-ACK, waiting for the last ACK",
                    "LAST-ACK，等待最后一个 ACK",
                ),
                t(
                    "FIN-WAIT-2, waiting for the peer's FIN",
                    "FIN-WAIT-2，等待对方的 FIN",
                ),
            ],
            correct: 1,
            why: &[
                t(
                    "Not this one: CLOSE-WAIT belongs to a side that receives the peer's FIN before sending its own; this side has already sent its FIN.",
                    "不对：CLOSE-WAIT 属于在发出自己的 FIN 之前就收到对方 FIN 的一方；而这一方已经发出了自己的 FIN。",
                ),
                t(
                    "Right: CLOSING means \"I have sent my FIN and received yours, but mine is not acknowledged yet\". When that ACK arrives, the side moves on to TIME-WAIT.",
                    "正确：CLOSING 的意思是“我发了 FIN，也收到了你的 FIN，但我的还没被确认”。等这个 ACK 到达，这一方就进入 TIME-WAIT。",
                ),
                t(
                    "Not this one: LAST-ACK follows CLOSE-WAIT, on the side that closes second; this side closed first, so it will end in TIME-WAIT.",
                    "不对：LAST-ACK 跟在 CLOSE-WAIT 之后，属于后关闭的一方；这一方是先关闭的，最后会进入 TIME-WAIT。",
                ),
                t(
                    "Not this one: FIN-WAIT-2 means its FIN is acknowledged and the peer's has not come yet, the opposite of what happened here.",
                    "不对：FIN-WAIT-2 表示自己的 FIN 已被确认、对方的 FIN 还没来，和这里发生的正好相反。",
                ),
            ],
            explanation: t(
                "CLOSE-WAIT and LAST-ACK belong to the side that closes second, which this side is not: it already sent its FIN. FIN-WAIT-2 means its FIN is acknowledged and the peer's has not come yet, the opposite of what happened. CLOSING covers exactly this crossing.",
                "CLOSE-WAIT 和 LAST-ACK 属于后关闭的一方，而这一方已经发出了自己的 FIN，并不是后关闭的一方。FIN-WAIT-2 表示自己的 FIN 已被确认、对方的 FIN 还没来，和实际情况正好相反。CLOSING 描述的正是这种交错。",
            ),
        },
        mistakes: &[
            Mistake {
                claim: t(
                    "\"Only the side that closes first goes through TIME_WAIT.\"",
                    "“只有先关闭的一方才会进入 TIME_WAIT。”",
                ),
                correction: t(
                    "TIME-WAIT belongs to every side that sent its FIN before it received the peer's. When the FINs cross, both sides did, so both pass through CLOSING and both wait 2MSL in TIME-WAIT.",
                    "凡是在收到对方 FIN 之前就发出自己 FIN 的一方，都要经过 TIME-WAIT。两个 FIN 交叉时，双方都是这样，所以双方都经过 CLOSING，也都在 TIME-WAIT 里等待 2MSL。",
                ),
            },
        ],
    },
    // ------------------------------------------------------------------ 4-tuple and ACK flag
    Lesson {
        id: "four-tuple-and-ack-flag",
        source: LessonScenario::Named("normal"),
        profile: ProfileName::Rfc,
        title: t(
            "A connection is a pair of sockets (the 4-tuple), and the ACK flag versus the acknowledgment number",
            "由四元组（套接字对）标识的连接，以及确认标志 ACK 与确认号的区别",
        ),
        goal: t(
            "Learn what names a connection, and stop mixing up the ACK flag (one bit) with the acknowledgment number (32 bits).",
            "弄清一个连接由什么来标识，并且不再把确认标志 ACK（一个比特）和确认号（32 位）混为一谈。",
        ),
        analogy: None,
        stops: &[
            Stop {
                at: sent(C2S, "S", 1),
                text: t(
                    "Every segment of this connection carries two ports in its TCP header, and the IP header around it carries two addresses: together, the client's socket {client_addr} and the server's socket {server_addr}. A socket is an IP address plus a port (RFC 793 §2.7); the connection is identified by the pair of sockets at its two ends, the 4-tuple, not by the port alone: port {server_port} can serve many clients at once, one 4-tuple each. The SYN has the ACK flag off, so the receiver ignores its acknowledgment number field.",
                    "这个连接的每个报文段，TCP 首部里都写着源端口和目的端口，外面的 IP 首部里写着源 IP 地址和目的 IP 地址，合起来就是客户端的套接字 {client_addr} 和服务器的套接字 {server_addr}。按 RFC 793 第 2.7 节的定义，套接字 socket =（IP 地址 : 端口号）；一个连接由它两端的这一对套接字唯一确定，也就是四元组（套接字对），仅凭端口是不够的：{server_port} 端口可以同时为许多客户端服务，每个客户端各占一个四元组。SYN 的确认标志 ACK 为 0，所以接收方不理会它的确认号字段。",
                ),
            },
            Stop {
                at: sent(S2C, "SA", 1),
                text: t(
                    "From the SYN-ACK on, the ACK flag is set: a single bit in the header that says \"the acknowledgment number field is valid\". The acknowledgment number itself is a 32-bit field, here {ack}, the next sequence number the server expects from the client.",
                    "从 SYN-ACK 开始，确认标志 ACK 置 1：它是首部里的一个比特，意思是“确认号字段有效”。确认号本身是一个 32 位的字段，这里是 {ack}，即服务器期望从客户端收到的下一个序列号。",
                ),
            },
            Stop {
                at: sent(C2S, "A", 1),
                text: t(
                    "The third segment has only the ACK flag set, no SYN; its acknowledgment number, {ack}, is the server's ISN + 1. Note the difference: the flag says the field counts, the number says how far the data has arrived.",
                    "第三个报文段只置了确认标志 ACK，不带 SYN；它的确认号 {ack} 是服务器的 ISN + 1。注意两者的区别：标志说明这个字段有效，数字说明数据收到了哪里。",
                ),
            },
            Stop {
                at: sent(C2S, "PA", 1),
                text: t(
                    "This data segment has the ACK flag set too, with the same acknowledgment number {ack}, because nothing new has come from the server. The flag does not mean \"this segment is an acknowledgment\": after the SYN, nearly every segment carries it, including data and FINs.",
                    "这个数据报文段同样置了确认标志 ACK，确认号仍是 {ack}，因为服务器那边还没有新数据过来。这个标志并不表示“这是一个确认报文”：SYN 之后，几乎每个报文段都带着它，数据报文段和 FIN 也不例外。",
                ),
            },
        ],
        check: Check {
            question: t(
                "What is the difference between the ACK flag and the acknowledgment number?",
                "确认标志 ACK 和确认号有什么区别？",
            ),
            choices: &[
                t(
                    "They are the same thing written two ways",
                    "它们是同一个东西的两种写法",
                ),
                t(
                    "The flag counts how many segments have been acknowledged",
                    "标志记录的是已经确认了多少个报文段",
                ),
                t(
                    "The acknowledgment number appears only in the third handshake segment",
                    "确认号只出现在第三次握手的报文段里",
                ),
                t(
                    "The flag is one bit saying the acknowledgment number is valid; the number is a 32-bit field naming the next byte expected",
                    "标志是一个比特，表示确认号有效；确认号是一个 32 位字段，指出下一个期望收到的字节",
                ),
            ],
            correct: 3,
            why: &[
                t(
                    "Not this one: the ACK flag is one bit in the header and the acknowledgment number a separate 32-bit field; the flag only says whether the number is valid.",
                    "不对：确认标志 ACK 是首部里的一个比特，确认号是另一个 32 位的字段；标志只说明确认号是否有效。",
                ),
                t(
                    "Not this one: the flag is one bit and counts nothing. The acknowledgment number counts bytes (SYN and FIN count one each), not segments.",
                    "不对：标志只有一个比特，什么也不计数。确认号按字节计数（SYN 和 FIN 各算一个），而不是按报文段计数。",
                ),
                t(
                    "Not this one: from the SYN-ACK on, almost every segment has the ACK flag set, data and FINs included, and each carries a valid acknowledgment number.",
                    "不对：从 SYN-ACK 开始，几乎每个报文段都置了确认标志 ACK，数据报文段和 FIN 也不例外，每个都带着有效的确认号。",
                ),
                t(
                    "Right: the flag is a switch saying the field counts; the acknowledgment number is the next sequence number expected from the peer.",
                    "正确：标志是一个开关，说明确认号字段有效；确认号则是期望从对方收到的下一个序列号。",
                ),
            ],
            explanation: t(
                "The flag is a switch; the number is a counter of bytes (plus one each for SYN and FIN), not of segments. Once the connection is synchronized the flag stays on, so the acknowledgment number is present in almost every segment, not just the third.",
                "标志是一个开关；确认号按字节计数（SYN 和 FIN 各算一个），而不是按报文段计数。连接同步之后这个标志一直置 1，所以几乎每个报文段都带着确认号，而不只是第三次握手的那一个。",
            ),
        },
        mistakes: &[
            Mistake {
                claim: t(
                    "\"Acknowledging means ACK = the other side's seq + 1.\"",
                    "“确认就是 ACK = 对方的 seq + 1。”",
                ),
                correction: t(
                    "The ACK flag is one bit that says the acknowledgment number is valid; after the handshake it is set on every segment. The acknowledgment number is the next sequence number expected: the peer's sequence number plus the length of what arrived, so + 1 only for a SYN or a FIN, and + 100 after 100 bytes.",
                    "确认标志 ACK 是一位，表示确认号字段有效；握手之后每个报文段都会置 1。确认号是期望收到的下一个序列号：对方的序列号加上收到的长度，所以只有 SYN 或 FIN 才是加 1，收到 100 字节后就是加 100。",
                ),
            },
            Mistake {
                claim: t(
                    "\"A connection is told apart by the server's port.\"",
                    "“一个连接靠服务器的端口号来区分。”",
                ),
                correction: t(
                    "A connection is named by its 4-tuple, a pair of sockets: the client's address and port and the server's address and port. Many connections share the server's port; they differ in the client's address or port.",
                    "一个连接由它的四元组（套接字对）来标识：客户端的地址和端口，加上服务器的地址和端口。许多连接共用服务器的同一个端口，它们的区别在客户端的地址或端口上。",
                ),
            },
        ],
    },
    // ------------------------------------------------------------------ keepalive
    Lesson {
        id: "keepalive",
        mistakes: &[
            Mistake {
                claim: t(
                    "\"Keepalive is part of closing a connection.\"",
                    "“保活是关闭连接过程的一部分。”",
                ),
                correction: t(
                    "Keepalive has nothing to do with the close: it probes an idle, established connection to find out whether the peer still exists. The close is FIN (or RST) and its ACKs.",
                    "保活与关闭无关：它在已建立但空闲的连接上发送探测，检查对方是否还在。关闭靠的是 FIN（或 RST）及其确认。",
                ),
            },
            Mistake {
                claim: t(
                    "\"TCP notices at once when the peer's host crashes.\"",
                    "“对方主机一崩溃，TCP 立刻就能发现。”",
                ),
                correction: t(
                    "A crashed host sends nothing, so an idle connection cannot tell. Only a segment sent to it reveals the loss: keepalive's probe (after {linux_keepalive_time_s} s of silence by default on Linux) or the application's next data.",
                    "崩溃的主机什么也不会发，空闲的连接无从察觉。只有向它发出的报文段才能暴露问题：保活探测（Linux 默认空闲 {linux_keepalive_time_s} 秒后才发）或应用的下一次数据。",
                ),
            },
        ],
        source: LessonScenario::Named("keepalive_peer_crashed"),
        profile: ProfileName::Linux,
        title: t(
            "Keepalive: finding a peer that vanished",
            "保活：发现已经消失的对方",
        ),
        goal: t(
            "See why an idle connection cannot notice a crashed peer by itself, and how a keepalive probe finds out.",
            "理解空闲的连接为什么自己发现不了对方崩溃，以及保活探测如何查明真相。",
        ),
        analogy: None,
        stops: &[
            Stop {
                at: enters(Side::Server, State::Closed, 1),
                text: t(
                    "The exchange is over and the client waits for more. At {t_ms} ms the server's host crashes and reboots: its connection state is gone, and not a single segment left. The client still believes the connection is open, so it is now half-open.",
                    "数据交换已经结束，客户端在等更多数据。{t_ms} 毫秒时服务器主机崩溃并重启：它的连接状态全部丢失，而且没有发出任何报文段。客户端仍以为连接开着，于是它成了半开连接。",
                ),
            },
            Stop {
                at: StopAt::SentFor {
                    reason: tcp_sim::SendReason::KeepaliveProbe,
                    nth: 1,
                },
                text: t(
                    "Keepalive is on, shortened here to {keepalive_time_s} s of silence (Linux's default is {linux_keepalive_time_s} s, and SO_KEEPALIVE is off unless the application sets it). After that silence the client sends a probe: no data, sequence number {seq}, one below what the server has already acknowledged. A live peer must answer such an old sequence number with a pure ACK.",
                    "这里开启了保活，并把空闲时间缩短为 {keepalive_time_s} 秒（Linux 默认是 {linux_keepalive_time_s} 秒，而且应用不设置 SO_KEEPALIVE 就不会开启）。沉默了这么久之后，客户端发出一个保活探测：不带数据，序列号为 {seq}，比服务器已经确认过的位置小 1。活着的对方收到这样的旧序列号，必须回一个纯 ACK。",
                ),
            },
            Stop {
                at: arrival(S2C, "R", 1),
                text: t(
                    "The rebooted host has no connection for this 4-tuple, so it answers the probe with RST. Had it stayed down, the client would have sent {keepalive_probes} probes {keepalive_intvl_s} s apart and then given up with \"connection timed out\".",
                    "重启后的主机没有这个四元组对应的连接，于是用 RST 回应这个探测。如果它一直没开机，客户端会每隔 {keepalive_intvl_s} 秒探测一次，共 {keepalive_probes} 次，然后以“连接超时”放弃。",
                ),
            },
            Stop {
                at: enters(Side::Client, State::Closed, 1),
                text: t(
                    "The RST ends the client's connection, and its blocked read fails with \"connection reset\". Without keepalive, that read would have waited forever.",
                    "RST 结束了客户端的连接，它阻塞着的读操作以“连接被重置”失败。如果没有保活，这个读操作会永远等下去。",
                ),
            },
        ],
        check: Check {
            question: t(
                "A connection has been idle for hours, and the server's host crashed in the meantime. How does the client find out?",
                "一个连接已经空闲了几个小时，期间服务器主机崩溃了。客户端怎样才能发现？",
            ),
            choices: &[
                t(
                    "The server's FIN arrives when the host reboots",
                    "服务器主机重启时会发来 FIN",
                ),
                t(
                    "Keepalive is part of the close: the FIN-WAIT timers notice the dead peer",
                    "保活是关闭过程的一部分：FIN-WAIT 阶段的计时器会发现对方已死",
                ),
                t(
                    "Only when it sends something: its next data or, with keepalive on, a probe, which the rebooted host answers with RST (or which goes unanswered)",
                    "只有等它发出点什么才行：下一次发送数据，或者在开启保活时发出探测，重启后的主机会回以 RST（也可能一直没有回应）",
                ),
                t(
                    "At once: TCP notices when the link to the peer breaks",
                    "立刻就能发现：和对方的链路一断，TCP 就会察觉",
                ),
            ],
            correct: 2,
            why: &[
                t(
                    "Not this one: a crash sends nothing, and the rebooted host has forgotten the connection, so it has no FIN to send for it.",
                    "不对：崩溃时什么也不会发出，重启后的主机也已忘掉这个连接，不可能为它发 FIN。",
                ),
                t(
                    "Not this one: keepalive is not part of the close; it probes an open, idle connection, and only if the application turned it on with SO_KEEPALIVE.",
                    "不对：保活不是关闭过程的一部分；它在打开着但空闲的连接上发送探测，而且只有应用用 SO_KEEPALIVE 开启了才会运行。",
                ),
                t(
                    "Right: an idle endpoint hears nothing until it sends a segment. Its next data, or a keepalive probe (on Linux by default after {linux_keepalive_time_s} s of silence), meets a RST from the rebooted host, or no answer at all until the retries run out.",
                    "正确：空闲的一端在自己发出报文段之前什么也听不到。它的下一次数据或保活探测（Linux 默认空闲 {linux_keepalive_time_s} 秒后才发）会换来重启后主机的 RST，或者一直没有回应，直到重试用完。",
                ),
                t(
                    "Not this one: TCP sees no link, only segments; a crashed peer sends none, so an idle connection notices nothing by itself.",
                    "不对：TCP 看不到链路，只看得到报文段；崩溃的对方什么也不发，空闲的连接自己察觉不到任何异常。",
                ),
            ],
            explanation: t(
                "A crash sends nothing, so the rebooted host cannot send a FIN for a connection it no longer knows. Keepalive is not part of the close: it runs on an open, idle connection, and only when the application turned it on. TCP sees no link, only segments, so silence is all an idle endpoint gets until it sends a segment of its own.",
                "崩溃时什么都不会发出，重启后的主机也不可能为一个它已经不记得的连接发 FIN。保活并不是关闭过程的一部分：它作用在打开着但空闲的连接上，而且只有应用开启了才会运行。TCP 看不到链路，只看得到报文段，所以空闲的一端在自己发出报文段之前，得到的只有沉默。",
            ),
        },
    },
    // ------------------------------------------------------------------ abortive close
    Lesson {
        id: "abortive-close",
        mistakes: &[
            Mistake {
                claim: t(
                    "\"RST is just a faster FIN, with the same guarantees.\"",
                    "“RST 只是更快的 FIN，保证是一样的。”",
                ),
                correction: t(
                    "FIN is an orderly close: data sent before it is delivered and acknowledged, and the peer reads end-of-file. RST aborts: data still queued is discarded, the peer's application gets \"connection reset\", and nothing acknowledges the RST.",
                    "FIN 是有序关闭：它之前发送的数据都会被交付并确认，对方读到文件结束。RST 是异常终止：还在队列中的数据被丢弃，对方应用得到“连接被重置”，RST 本身也不会被确认。",
                ),
            },
            Mistake {
                claim: t(
                    "\"An aborted connection still goes through TIME-WAIT.\"",
                    "“异常终止的连接也要经过 TIME-WAIT。”",
                ),
                correction: t(
                    "With SO_LINGER set to 0, close() sends a RST and the socket goes straight to CLOSED: there is no TIME-WAIT, which is why some servers use it, and why it is risky.",
                    "把 SO_LINGER 设为 0 后，close() 发送 RST，套接字直接进入 CLOSED，不经过 TIME-WAIT。有些服务器正是为此使用它，这也正是它的风险所在。",
                ),
            },
        ],
        source: LessonScenario::Named("abortive_close"),
        profile: ProfileName::Linux,
        title: t(
            "Abortive close: RST instead of FIN",
            "异常关闭：用 RST 代替 FIN",
        ),
        goal: t(
            "See what close() with SO_LINGER 0 sends, and what it gives up compared with an orderly close with FIN.",
            "看把 SO_LINGER 设为 0 后 close() 会发出什么，以及与用 FIN 有序关闭相比它放弃了什么。",
        ),
        analogy: Some(AnalogyTopic::Rst),
        stops: &[
            Stop {
                at: sent(C2S, "RA", 1),
                text: t(
                    "After the exchange the client's application closes with SO_LINGER set to 0 s: an abortive close. Instead of a FIN it sends a RST with sequence number {seq} and goes straight from ESTABLISHED to CLOSED, with no FIN-WAIT and no TIME-WAIT.",
                    "数据交换完后，客户端的应用把 SO_LINGER 设为 0 秒再关闭：这是异常关闭。它不发 FIN，而是发出序列号为 {seq} 的 RST，从 ESTABLISHED 直接进入 CLOSED，不经过 FIN-WAIT，也没有 TIME-WAIT。",
                ),
            },
            Stop {
                at: arrival(C2S, "RA", 1),
                text: t(
                    "The server accepts the RST (its sequence number is exactly what it expects) and drops the connection at once. Its application, waiting for end-of-file, gets \"connection reset\" instead: anything still queued on either side is simply thrown away.",
                    "服务器接受了这个 RST（它的序列号正是服务器期望的值），立即丢弃连接。正在等文件结束的服务器应用得到的却是“连接被重置”：两边还排在队列里的数据都被直接扔掉。",
                ),
            },
            Stop {
                at: StopAt::End,
                text: t(
                    "The run ends right away. Compare the normal close: a FIN each way, every byte acknowledged before it, and a TIME-WAIT that lets old duplicates die out. A RST gives all of that up.",
                    "运行立刻就结束了。对比正常关闭：双方各发一个 FIN，之前的每个字节都得到确认，还有 TIME-WAIT 让旧的重复报文段自然消亡。RST 把这些全都放弃了。",
                ),
            },
        ],
        check: Check {
            question: t(
                "What does an abortive close (RST, SO_LINGER 0) give up compared with a close by FIN?",
                "与用 FIN 关闭相比，异常关闭（RST，SO_LINGER 为 0）放弃了什么？",
            ),
            choices: &[
                t(
                    "Nothing: a RST is a faster FIN with the same guarantees",
                    "什么都没放弃：RST 就是更快的 FIN，保证完全相同",
                ),
                t(
                    "Only the last ACK; TIME-WAIT still follows",
                    "只少了最后一个 ACK，之后照样进入 TIME-WAIT",
                ),
                t(
                    "The peer has to answer with its own RST before the connection ends",
                    "对方必须先回一个 RST，连接才会结束",
                ),
                t(
                    "The orderly end: queued or unacknowledged data is thrown away, the peer sees an error instead of end-of-file, and there is no TIME-WAIT",
                    "有序的结束：排队中或未确认的数据被丢弃，对方看到的是错误而不是文件结束，也没有 TIME-WAIT",
                ),
            ],
            correct: 3,
            why: &[
                t(
                    "Not this one: a FIN is an orderly close, delivered after all data and acknowledged; a RST throws away what is still queued, is never acknowledged, and the peer sees an error.",
                    "不对：FIN 是有序关闭，排在全部数据之后送达并得到确认；RST 会丢弃还在排队的数据，自身也从不被确认，对方看到的是错误。",
                ),
                t(
                    "Not this one: with SO_LINGER set to 0 the socket goes straight from ESTABLISHED to CLOSED; there is no TIME-WAIT at all, and that is exactly the risk.",
                    "不对：把 SO_LINGER 设为 0 后，套接字从 ESTABLISHED 直接进入 CLOSED，根本没有 TIME-WAIT，风险也正在这里。",
                ),
                t(
                    "Not this one: no answer to a RST is expected. The peer accepts it when its sequence number is the one it expects, and drops the connection at once.",
                    "不对：对 RST 不需要作出回应。对方发现它的序列号正是自己期望的值，就接受它，并立即丢弃连接。",
                ),
                t(
                    "Right: a RST ends the connection at once on both sides: queued or unacknowledged data is thrown away, the peer's application gets \"connection reset\" instead of end-of-file, and no TIME-WAIT is left behind.",
                    "正确：RST 让两边的连接立即结束：排队中或未确认的数据被丢弃，对方应用得到的是“连接被重置”而不是文件结束，也不留下 TIME-WAIT。",
                ),
            ],
            explanation: t(
                "A FIN takes a sequence number and is delivered after all data, so the peer reads everything and then end-of-file. A RST is never acknowledged or retransmitted, ends the connection at once on both sides, discards what is still queued, and leaves no TIME-WAIT behind; no answer to it is expected.",
                "FIN 占用一个序列号，排在所有数据之后送达，所以对方先读完全部数据，再读到文件结束。RST 既不会被确认也不会被重传，它让两边的连接立刻结束，丢弃还在排队的数据，也不留下 TIME-WAIT；对方不需要对它作出回应。",
            ),
        },
    },
    // ------------------------------------------------------------------ CLOSE-WAIT forever
    Lesson {
        id: "close-wait-forever",
        mistakes: &[
            Mistake {
                claim: t(
                    "\"CLOSE-WAIT ends by itself after a timeout.\"",
                    "“CLOSE-WAIT 超时后会自己结束。”",
                ),
                correction: t(
                    "CLOSE-WAIT waits for the local application to call close(); TCP has no timer for it. A socket stays in CLOSE-WAIT until the application closes it: thousands of them mean an application bug.",
                    "CLOSE-WAIT 等待的是本地应用调用 close()，TCP 没有为它设置计时器。应用不关闭，套接字就一直停在 CLOSE-WAIT；成千上万个 CLOSE-WAIT 说明应用有缺陷。",
                ),
            },
            Mistake {
                claim: t(
                    "\"After receiving a FIN, a side may no longer send.\"",
                    "“收到 FIN 之后，这一方就不能再发送了。”",
                ),
                correction: t(
                    "A FIN says only that its sender has finished sending. The side that received it is in CLOSE-WAIT and may still send data until its own application closes.",
                    "FIN 只表示发送它的一方不再发送数据。收到 FIN 的一方处于 CLOSE-WAIT，在自己的应用关闭之前仍然可以发送数据。",
                ),
            },
        ],
        source: LessonScenario::Named("close_wait_forever"),
        profile: ProfileName::Linux,
        title: t(
            "Stuck in CLOSE-WAIT: the application never calls close()",
            "卡在 CLOSE-WAIT：应用从不调用 close()",
        ),
        goal: t(
            "See that only the application can move a socket out of CLOSE-WAIT, and why piles of CLOSE-WAIT sockets point to a bug in the server.",
            "理解只有应用才能让套接字离开 CLOSE-WAIT，以及为什么大量 CLOSE-WAIT 意味着服务器程序有缺陷。",
        ),
        analogy: Some(AnalogyTopic::HalfClose),
        stops: &[
            Stop {
                at: arrival(C2S, "FA", 1),
                text: t(
                    "The client closes: its FIN (sequence number {seq}) reaches the server, which enters CLOSE-WAIT. CLOSE-WAIT means: the peer has finished sending, and TCP now waits for this side's application to close too.",
                    "客户端关闭：它的 FIN（序列号 {seq}）到达服务器，服务器进入 CLOSE-WAIT。CLOSE-WAIT 的意思是：对方已经发完了，TCP 现在等本端的应用也来关闭。",
                ),
            },
            Stop {
                at: enters(Side::Client, State::FinWait2, 1),
                text: t(
                    "The server's ACK moves the client to FIN-WAIT-2. The server's application reads end-of-file but never calls close(), so no FIN will ever come. No timer in TCP ends CLOSE-WAIT: TCP cannot know whether the application still wants to send.",
                    "服务器的 ACK 让客户端进入 FIN-WAIT-2。服务器的应用读到了文件结束，却从不调用 close()，所以永远不会有 FIN 发出。TCP 里没有任何计时器会结束 CLOSE-WAIT：TCP 无法知道应用是否还想发送数据。",
                ),
            },
            Stop {
                at: enters(Side::Client, State::Closed, 1),
                text: t(
                    "On the client side Linux gives up the orphaned FIN-WAIT-2 after tcp_fin_timeout, {fin_timeout_s} s. Nothing else is left to happen, and the server is still in CLOSE-WAIT: its socket and memory stay taken until its application closes. A server with thousands of these leaks sockets until it runs out of file descriptors; the fix is in the application: call close() when read() returns end-of-file.",
                    "在客户端这一侧，Linux 在 tcp_fin_timeout（{fin_timeout_s} 秒）后放弃这个孤儿 FIN-WAIT-2。此后再没有任何事情会发生，服务器却仍停在 CLOSE-WAIT：它的套接字和内存会一直被占着，直到它的应用关闭为止。一台服务器攒下成千上万个这样的连接，就会不断泄漏套接字，直到文件描述符耗尽；要修的是应用：read() 返回文件结束时就调用 close()。",
                ),
            },
        ],
        check: Check {
            question: t(
                "A server shows thousands of connections in CLOSE-WAIT. What is wrong?",
                "一台服务器上有成千上万个处于 CLOSE-WAIT 的连接。问题出在哪里？",
            ),
            choices: &[
                t(
                    "Nothing: CLOSE-WAIT ends by itself after a timeout, like TIME-WAIT",
                    "没有问题：CLOSE-WAIT 会像 TIME-WAIT 一样超时后自行结束",
                ),
                t(
                    "The clients never sent their FIN",
                    "客户端从来没有发出它们的 FIN",
                ),
                t(
                    "The network keeps losing the last ACK",
                    "网络总是把最后一个 ACK 弄丢",
                ),
                t(
                    "The server's application received end-of-file but never called close()",
                    "服务器的应用收到了文件结束，却从不调用 close()",
                ),
            ],
            correct: 3,
            why: &[
                t(
                    "Not this one: CLOSE-WAIT is not like TIME-WAIT. TCP has no timer for it, on Linux as in RFC 9293, and it lasts until the application calls close().",
                    "不对：CLOSE-WAIT 和 TIME-WAIT 不一样。无论在 RFC 9293 还是在 Linux 里，TCP 都没有为它设置计时器，它会一直持续到应用调用 close()。",
                ),
                t(
                    "Not this one: a socket enters CLOSE-WAIT only when the peer's FIN arrives, so these clients did send their FINs, and the server received them.",
                    "不对：套接字只有在收到对方的 FIN 后才会进入 CLOSE-WAIT，所以这些客户端确实发出了 FIN，服务器也收到了。",
                ),
                t(
                    "Not this one: the last ACK belongs to LAST-ACK, which comes only after the server's own FIN; a server in CLOSE-WAIT has not sent its FIN yet.",
                    "不对：最后一个 ACK 属于 LAST-ACK 阶段，要等服务器发出自己的 FIN 之后才有；处于 CLOSE-WAIT 的服务器还没有发出 FIN。",
                ),
                t(
                    "Right: only the application can move a socket out of CLOSE-WAIT, by calling close() once read() returns end-of-file; thousands of them point to a bug that leaks sockets.",
                    "正确：只有应用能让套接字离开 CLOSE-WAIT：read() 返回文件结束后就应调用 close()。成千上万个 CLOSE-WAIT 说明应用有缺陷，正在泄漏套接字。",
                ),
            ],
            explanation: t(
                "A socket enters CLOSE-WAIT only after the client's FIN has arrived, so the FINs were sent and received. The last ACK belongs to LAST-ACK, which comes only after the server's own close. CLOSE-WAIT has no timer: it lasts until the application calls close().",
                "套接字只有在收到客户端的 FIN 之后才会进入 CLOSE-WAIT，所以 FIN 已经发出也已经收到。最后一个 ACK 属于 LAST-ACK，而那要等服务器自己关闭之后才会出现。CLOSE-WAIT 没有计时器：它会一直持续到应用调用 close()。",
            ),
        },
    },
    // ------------------------------------------------------------------ orphaned FIN-WAIT-2
    Lesson {
        id: "orphaned-fin-wait-2",
        mistakes: &[
            Mistake {
                claim: t(
                    "\"FIN-WAIT-2 is a half-open connection.\"",
                    "“FIN-WAIT-2 表示半连接（半开连接）。”",
                ),
                correction: t(
                    "FIN-WAIT-2 is a half-closed connection: one direction is closed and the other still works. A half-open connection is one where a side has lost its state, for example after a crash.",
                    "FIN-WAIT-2 是半关闭的连接：一个方向关闭了，另一个方向仍然可用。半开连接指的是有一方已经丢失了连接状态，例如主机崩溃之后。",
                ),
            },
            Mistake {
                claim: t(
                    "\"FIN-WAIT-2 waits forever on every system.\"",
                    "“FIN-WAIT-2 在任何系统上都会一直等下去。”",
                ),
                correction: t(
                    "The RFC sets no limit, but Linux ends a FIN-WAIT-2 whose application has already closed the socket after tcp_fin_timeout ({linux_fin_timeout_s} s); a late FIN then meets a RST.",
                    "RFC 没有规定上限，但对于应用已经关闭的套接字，Linux 在 tcp_fin_timeout（{linux_fin_timeout_s} 秒）后结束 FIN-WAIT-2；之后才到的 FIN 会收到 RST。",
                ),
            },
        ],
        source: LessonScenario::Named("orphaned_fin_wait_2"),
        profile: ProfileName::Linux,
        title: t(
            "The orphaned FIN-WAIT-2 and tcp_fin_timeout",
            "孤儿 FIN-WAIT-2 与 tcp_fin_timeout",
        ),
        goal: t(
            "See why Linux ends a FIN-WAIT-2 whose application has closed, and what happens to a FIN that comes too late.",
            "理解 Linux 为什么要结束应用已经关闭的 FIN-WAIT-2，以及来得太晚的 FIN 会遇到什么。",
        ),
        analogy: Some(AnalogyTopic::Close),
        stops: &[
            Stop {
                at: enters(Side::Client, State::FinWait2, 1),
                text: t(
                    "The client has closed and its FIN is acknowledged: FIN-WAIT-2, waiting for the server's FIN. Its application called close(), not shutdown(), so nobody will read anything that still arrives: the socket is an orphan.",
                    "客户端已经关闭，它的 FIN 也得到了确认：进入 FIN-WAIT-2，等待服务器的 FIN。它的应用调用的是 close() 而不是 shutdown()，之后再到达的任何数据都没人会读：这个套接字成了孤儿。",
                ),
            },
            Stop {
                at: enters(Side::Client, State::Closed, 1),
                text: t(
                    "RFC 9293 has no timer here, but Linux ends an orphaned FIN-WAIT-2 after tcp_fin_timeout, {fin_timeout_s} s. Without that limit, a peer that never closes would pin the socket forever.",
                    "RFC 9293 在这里没有计时器，但 Linux 会在 tcp_fin_timeout（{fin_timeout_s} 秒）后结束孤儿 FIN-WAIT-2。没有这个上限，一个从不关闭的对方会让这个套接字永远留着。",
                ),
            },
            Stop {
                at: sent(S2C, "FA", 1),
                text: t(
                    "At {t_ms} ms, long after, the server's application finally closes: its FIN with sequence number {seq} leaves, and the server enters LAST-ACK.",
                    "很久以后，在 {t_ms} 毫秒时，服务器的应用终于关闭：序列号为 {seq} 的 FIN 发出，服务器进入 LAST-ACK。",
                ),
            },
            Stop {
                at: arrival(S2C, "FA", 1),
                text: t(
                    "The client's connection no longer exists, so the late FIN is answered with RST, and the server leaves LAST-ACK through the reset instead of the last ACK. Under the textbook profile the client would still be waiting and the close would end normally.",
                    "客户端的连接已经不存在了，于是迟到的 FIN 换来一个 RST，服务器不是靠最后一个 ACK、而是靠这个复位离开 LAST-ACK。换成教科书配置，客户端会一直等着，关闭也会正常完成。",
                ),
            },
        ],
        check: Check {
            question: t(
                "Why does Linux end an orphaned FIN-WAIT-2 after tcp_fin_timeout?",
                "Linux 为什么要在 tcp_fin_timeout 后结束孤儿 FIN-WAIT-2？",
            ),
            choices: &[
                t(
                    "Because RFC 9293 requires a FIN-WAIT-2 timer",
                    "因为 RFC 9293 规定了 FIN-WAIT-2 计时器",
                ),
                t(
                    "The application has closed the socket, so nobody can read what the peer may still send; without a limit a peer that never closes would pin it forever",
                    "应用已经关闭了套接字，对方之后再发什么都没人读；没有上限的话，一个从不关闭的对方会让它永远留着",
                ),
                t(
                    "To send its FIN again, since the peer did not acknowledge it",
                    "为了重发 FIN，因为对方没有确认它",
                ),
                t(
                    "It ends every FIN-WAIT-2, also after shutdown() while the application still reads",
                    "它会结束所有的 FIN-WAIT-2，包括调用 shutdown() 之后应用还在读数据的情况",
                ),
            ],
            correct: 1,
            why: &[
                t(
                    "Not this one: RFC 9293 sets no FIN-WAIT-2 timer and lets it last as long as the peer keeps the connection open; the timer is Linux's own.",
                    "不对：RFC 9293 没有规定 FIN-WAIT-2 计时器，只要对方保持连接，它就可以一直持续；这个计时器是 Linux 自己加的。",
                ),
                t(
                    "Right: after close() nobody can read what still arrives, so Linux ends the orphan after tcp_fin_timeout ({linux_fin_timeout_s} s by default); a FIN that comes later meets a RST.",
                    "正确：调用 close() 之后，再到达的数据没人会读，所以 Linux 在 tcp_fin_timeout（默认 {linux_fin_timeout_s} 秒）后结束这个孤儿套接字；之后才到的 FIN 会收到 RST。",
                ),
                t(
                    "Not this one: in FIN-WAIT-2 the client's FIN has already been acknowledged, so there is nothing to send again; the timer only stops the wait for the peer's FIN.",
                    "不对：处于 FIN-WAIT-2 时，客户端的 FIN 已经被确认，没有什么需要重发；这个计时器只是不再等待对方的 FIN。",
                ),
                t(
                    "Not this one: after shutdown() the application can still read, so Linux leaves that FIN-WAIT-2 alone; the timer applies only to orphans, sockets the application has closed.",
                    "不对：调用 shutdown() 之后应用仍可以读数据，所以 Linux 不会去动那样的 FIN-WAIT-2；这个计时器只针对孤儿套接字，也就是应用已经关闭的套接字。",
                ),
            ],
            explanation: t(
                "RFC 9293 lets FIN-WAIT-2 last as long as the peer keeps the connection open; the timer is Linux's own. In FIN-WAIT-2 the FIN is already acknowledged, so there is nothing to resend. After shutdown() the application can still read, so Linux leaves that FIN-WAIT-2 alone: the timer is only for orphans.",
                "RFC 9293 允许 FIN-WAIT-2 在对方保持连接期间一直持续，这个计时器是 Linux 自己加的。处于 FIN-WAIT-2 时 FIN 已经被确认，没有什么需要重发。调用 shutdown() 之后应用仍可以读数据，所以 Linux 不会去动那样的 FIN-WAIT-2：这个计时器只针对孤儿套接字。",
            ),
        },
    },
    // ------------------------------------------------------------------ the server side
    Lesson {
        id: "syn-and-accept-queues",
        source: LessonScenario::Server("syn_and_accept_queues"),
        profile: ProfileName::Linux,
        title: t(
            "The SYN queue and the accept queue: which socket is where",
            "半连接队列与全连接队列：哪个套接字在哪里",
        ),
        goal: t(
            "Follow three clients into one listener and see which of its two queues holds each connection, and when it moves: a SYN makes a request in the SYN queue, the third handshake segment moves it to the accept queue, and accept() takes it from there.",
            "跟着三个客户端连向同一个监听套接字，看清它的两个队列里各放着哪个连接、什么时候移动：SYN 在半连接队列里建立一个请求，握手的第三个报文段把它移到全连接队列，accept() 再从那里把它取走。",
        ),
        analogy: None,
        stops: &[
            Stop {
                at: listener(ListenerEventKind::SynQueued, 1),
                text: t(
                    "The SYN of client {client_addr} reaches the listener on {server_addr}. The listener itself stays in LISTEN: Linux makes a small request socket for this one connection, in SYN-RECEIVED (Linux's NEW_SYN_RECV), and puts it in the SYN queue (the half-open queue). SYN queue {syn_queue}, accept queue {accept_queue}. It answers with a SYN-ACK, ISN {server_isn}, and the request keeps its own timer to send that SYN-ACK again.",
                    "客户端 {client_addr} 的 SYN 到达 {server_addr} 上的监听套接字。监听套接字本身仍处于 LISTEN：Linux 为这一个连接建立一个很小的请求套接字（request socket），状态为 SYN-RECEIVED（Linux 里叫 NEW_SYN_RECV），放进 SYN 队列，也就是半连接队列。此刻半连接队列 {syn_queue} 个，全连接队列 {accept_queue} 个。它回复 SYN-ACK（ISN {server_isn}），这个请求还带着自己的计时器，准备在需要时再发一次 SYN-ACK。",
                ),
            },
            Stop {
                at: listener(ListenerEventKind::Completed, 1),
                text: t(
                    "The client's ACK completes the handshake of {client_addr}: the request becomes a full socket in ESTABLISHED and moves to the accept queue (the queue of finished connections). SYN queue {syn_queue}, accept queue {accept_queue}. The server's application is asleep and has not called accept(): the kernel finished the handshake without it, and the client's connect() returned as soon as the SYN-ACK arrived.",
                    "客户端的 ACK 完成了 {client_addr} 的握手：请求套接字变成一个完整的套接字，进入 ESTABLISHED，并移到 accept 队列，也就是全连接队列。此刻半连接队列 {syn_queue} 个，全连接队列 {accept_queue} 个。服务器应用正在休眠，根本没有调用 accept()：握手由内核独自完成，客户端的 connect() 在收到 SYN-ACK 时就已经返回。",
                ),
            },
            Stop {
                at: StopAt::SentFor {
                    reason: SendReason::SynAckRetransmit,
                    nth: 1,
                },
                text: t(
                    "The SYN-ACK to {client_addr} was lost, so its request is still in the SYN queue while two finished connections wait in the accept queue: SYN queue {syn_queue}, accept queue {accept_queue}. The request's own timer now sends the SYN-ACK again. A socket in the SYN queue has not finished its handshake; one in the accept queue has, and only waits for the application.",
                    "发往 {client_addr} 的 SYN-ACK 丢了，所以它的请求仍在半连接队列里，而两个已经完成握手的连接正在全连接队列中等待：半连接队列 {syn_queue} 个，全连接队列 {accept_queue} 个。这个请求自己的计时器现在把 SYN-ACK 再发一次。半连接队列里的套接字还没完成握手；全连接队列里的已经完成，只是在等应用来取。",
                ),
            },
            Stop {
                at: listener(ListenerEventKind::Completed, 3),
                text: t(
                    "The third handshake finishes and its connection joins the others: SYN queue {syn_queue}, accept queue {accept_queue}. The limit of both queues is min(backlog, somaxconn) = min({backlog}, {somaxconn}) = {max_ack_backlog}, and Linux refuses only when a queue already holds more than that, so each holds up to {queue_holds} here.",
                    "第三个握手完成，它的连接也加入了全连接队列：半连接队列 {syn_queue} 个，全连接队列 {accept_queue} 个。两个队列的上限都是 min(backlog, somaxconn) = min({backlog}, {somaxconn}) = {max_ack_backlog}，而 Linux 只在队列里已经多于这个数时才拒绝，所以这里每个队列最多容纳 {queue_holds} 个。",
                ),
            },
            Stop {
                at: listener(ListenerEventKind::Accepted, 1),
                text: t(
                    "The application wakes and calls accept(): it takes the oldest finished connection, {client_addr}, from the accept queue, which drops to {accept_queue}. accept() never looks at the SYN queue and takes no part in the handshake; it only hands the application a connection the kernel has already established.",
                    "应用醒来调用 accept()：它从全连接队列中取走最早完成的连接 {client_addr}，全连接队列降到 {accept_queue} 个。accept() 从不看半连接队列，也不参与握手，它只是把内核已经建立好的连接交给应用。",
                ),
            },
        ],
        check: Check {
            question: t(
                "A client's connect() has returned, but the server's application has not called accept() yet. Where is the connection on the server?",
                "客户端的 connect() 已经返回，但服务器应用还没有调用 accept()。这个连接在服务器上的什么地方？",
            ),
            choices: &[
                t(
                    "In the SYN queue, because the application has not accepted it yet",
                    "在半连接队列里，因为应用还没有 accept 它",
                ),
                t(
                    "In the accept queue, in ESTABLISHED, waiting for accept()",
                    "在全连接队列里，处于 ESTABLISHED，等待 accept()",
                ),
                t(
                    "Nowhere yet: the server makes the connection's socket when accept() is called",
                    "哪儿都没有：服务器要等调用 accept() 时才为连接建立套接字",
                ),
                t(
                    "In the listener itself, which has left LISTEN for ESTABLISHED",
                    "就在监听套接字本身，它已经从 LISTEN 进入 ESTABLISHED",
                ),
            ],
            correct: 1,
            why: &[
                t(
                    "Not this one: the SYN queue holds requests whose handshake is not finished. Once the third segment arrives, the connection moves to the accept queue, whether or not the application has called accept().",
                    "不对：半连接队列放的是握手还没完成的请求。第三个报文段一到，连接就移到全连接队列，不管应用有没有调用 accept()。",
                ),
                t(
                    "Right: the kernel completes the handshake by itself and puts the ESTABLISHED connection in the accept queue; accept() only takes it out.",
                    "正确：握手由内核独自完成，内核把 ESTABLISHED 的连接放进全连接队列；accept() 只是把它取出来。",
                ),
                t(
                    "Not this one: the socket exists before accept(). A request socket is made when the SYN arrives, and a full socket when the handshake completes; accept() hands over one that already exists.",
                    "不对：套接字在 accept() 之前就存在了。SYN 到达时建立请求套接字，握手完成时建立完整的套接字；accept() 交出的是一个已经存在的套接字。",
                ),
                t(
                    "Not this one: the listener stays in LISTEN for as long as it listens; every connection gets a socket of its own, with its own four-tuple.",
                    "不对：监听套接字在监听期间一直处于 LISTEN；每个连接都有自己的套接字和自己的四元组。",
                ),
            ],
            explanation: t(
                "The kernel runs the handshake. A SYN makes a request in the SYN queue (SYN-RECEIVED); the third segment turns it into a full socket in ESTABLISHED, in the accept queue; accept() takes it from there. So a client can be connected, and even send data, before the server's application has seen the connection. The listener never leaves LISTEN.",
                "握手由内核完成。SYN 在半连接队列里建立一个请求（SYN-RECEIVED）；第三个报文段把它变成一个处于 ESTABLISHED 的完整套接字，放进全连接队列；accept() 再从那里取走它。所以在服务器应用看到这个连接之前，客户端就可能已经连上，甚至已经发了数据。监听套接字始终处于 LISTEN。",
            ),
        },
        mistakes: &[
            Mistake {
                claim: t(
                    "\"The accept queue holds the half-open connections.\"",
                    "“全连接队列里放的是半开的连接。”",
                ),
                correction: t(
                    "Half-open requests (SYN received, SYN-ACK sent, no ACK yet) are in the SYN queue, the half-open queue. The accept queue holds only connections whose handshake is complete, in ESTABLISHED, waiting for accept().",
                    "半开的请求（收到了 SYN、发出了 SYN-ACK、还没收到 ACK）在 SYN 队列，也就是半连接队列里。全连接队列里只有握手已经完成、处于 ESTABLISHED、等待 accept() 的连接。",
                ),
            },
            Mistake {
                claim: t(
                    "\"The three-way handshake happens inside accept().\"",
                    "“三次握手是在 accept() 里完成的。”",
                ),
                correction: t(
                    "The kernel answers the SYN and completes the handshake by itself; accept() only takes a finished connection out of the accept queue. The client's connect() returns when the SYN-ACK arrives, possibly long before the server's application calls accept().",
                    "SYN 由内核回复，握手也由内核独自完成；accept() 只是从全连接队列里取出一个已完成的连接。客户端的 connect() 在收到 SYN-ACK 时就返回，可能远早于服务器应用调用 accept()。",
                ),
            },
            Mistake {
                claim: t(
                    "\"The backlog argument of listen() is the number of half-open connections.\"",
                    "“listen() 的 backlog 参数就是半连接的数量。”",
                ),
                correction: t(
                    "On Linux, min(backlog, net.core.somaxconn) limits the accept queue of finished connections (somaxconn is {linux_somaxconn} by default). The SYN queue is held to the same number, and, when SYN cookies are off, also to tcp_max_syn_backlog.",
                    "在 Linux 上，min(backlog, net.core.somaxconn) 限制的是已完成连接所在的全连接队列（somaxconn 默认为 {linux_somaxconn}）。半连接队列也受同一个数限制，SYN cookie 关闭时还受 tcp_max_syn_backlog 限制。",
                ),
            },
        ],
    },
    Lesson {
        id: "accept-queue-full",
        source: LessonScenario::Server("accept_queue_overflow"),
        profile: ProfileName::Linux,
        title: t(
            "A full accept queue: connected on one side only",
            "全连接队列满了：只有一方以为连上了",
        ),
        goal: t(
            "Watch a third ACK reach a server whose accept queue is full: the client is ESTABLISHED and sends data while the server drops that ACK and keeps the connection as a request. Then see what tcp_abort_on_overflow changes.",
            "看握手的第三个 ACK 到达一个全连接队列已满的服务器：客户端处于 ESTABLISHED 并开始发数据，服务器却丢掉这个 ACK，把连接继续当作请求留着。再看 tcp_abort_on_overflow 会改变什么。",
        ),
        analogy: None,
        stops: &[
            Stop {
                at: client_enters(2, Side::Client, State::Established, 1),
                text: t(
                    "Client {client_addr} receives the SYN-ACK and enters ESTABLISHED: its connect() returns, and it sends its ACK and its first data right behind it. The listener's backlog is {backlog}, and its application is asleep: no accept() has been called yet.",
                    "客户端 {client_addr} 收到 SYN-ACK，进入 ESTABLISHED：它的 connect() 返回了，紧接着发出 ACK 和第一批数据。监听套接字的 backlog 是 {backlog}，而服务器应用正在休眠，还没有调用过 accept()。",
                ),
            },
            Stop {
                at: listener(ListenerEventKind::Completed, 2),
                text: t(
                    "The handshake of {client_addr} completes and its connection takes the last place: accept queue {accept_queue}. Linux counts a queue as full only when it holds more than min(backlog, somaxconn) = {max_ack_backlog}, so {queue_holds} connections fit. The next handshake to finish will find the queue full.",
                    "{client_addr} 的握手完成，它的连接占了最后一个位置：全连接队列 {accept_queue} 个。Linux 只在队列里多于 min(backlog, somaxconn) = {max_ack_backlog} 个时才算满，所以能放下 {queue_holds} 个。下一个完成握手的连接会发现队列已满。",
                ),
            },
            Stop {
                at: listener(ListenerEventKind::AckDroppedAcceptQueueFull, 1),
                text: t(
                    "The ACK from {client_addr} arrives, but the accept queue is full ({accept_queue}). With tcp_abort_on_overflow = 0, the default, Linux drops it without a word and counts it in ListenOverflows ({listen_overflows} so far). The server's side stays a request in SYN-RECEIVED, in the SYN queue ({syn_queue}), while the client is ESTABLISHED: each side has a different idea of the connection.",
                    "来自 {client_addr} 的 ACK 到了，可全连接队列已满（{accept_queue} 个）。在默认的 tcp_abort_on_overflow = 0 下，Linux 悄悄丢掉它，只在 ListenOverflows 计数器上加一（到目前为止 {listen_overflows} 次）。服务器这边仍是一个处于 SYN-RECEIVED 的请求，留在半连接队列里（{syn_queue} 个），而客户端已经是 ESTABLISHED：两边对这个连接的看法不一样。",
                ),
            },
            Stop {
                at: listener(ListenerEventKind::Accepted, 1),
                text: t(
                    "The application finally calls accept(), and the accept queue drops to {accept_queue}. Meanwhile the client has been retransmitting its data, and every copy met the full queue too ({listen_overflows} overflows counted): to the client, the server just looks slow.",
                    "应用终于调用了 accept()，全连接队列降到 {accept_queue} 个。在这期间客户端一直在重传它的数据，每一份都同样撞上了满队列（共计 {listen_overflows} 次溢出）：在客户端看来，服务器只是很慢。",
                ),
            },
            Stop {
                at: StopAt::SentFor {
                    reason: SendReason::SynAckRetransmit,
                    nth: 1,
                },
                text: t(
                    "The request kept its SYN-ACK timer, which now sends the SYN-ACK again. The client, already ESTABLISHED, answers it with an ACK: a second chance to complete the handshake, now that the queue has room.",
                    "这个请求一直保留着 SYN-ACK 计时器，现在它把 SYN-ACK 再发一次。早已处于 ESTABLISHED 的客户端用一个 ACK 回答它：队列有空位了，握手得到了第二次完成的机会。",
                ),
            },
            Stop {
                at: listener(ListenerEventKind::Completed, 3),
                text: t(
                    "This time the ACK finds room: the connection enters the accept queue and is accepted at once. Had the queue stayed full, the server would have given up the request after {linux_synack_retries} SYN-ACK retries ({linux_synack_give_up_s} s) and the client's next segment would have drawn a RST. With tcp_abort_on_overflow = 1, the first dropped ACK would have drawn a RST at once, and the client's next read or write would have failed with \"connection reset\".",
                    "这一次 ACK 找到了空位：连接进入全连接队列，并立刻被 accept 取走。假如队列一直满着，服务器会在 {linux_synack_retries} 次 SYN-ACK 重试（{linux_synack_give_up_s} 秒）后放弃这个请求，客户端的下一个报文段会招来 RST。若 tcp_abort_on_overflow = 1，第一个被丢的 ACK 就会立刻招来 RST，客户端接下来的读或写会以“连接被重置”失败。",
                ),
            },
        ],
        check: Check {
            question: t(
                "A third ACK arrives while the accept queue is full, with Linux's default tcp_abort_on_overflow = 0. What does the client see at that moment?",
                "握手的第三个 ACK 到达时全连接队列已满，tcp_abort_on_overflow 为 Linux 默认的 0。此时客户端看到的是什么？",
            ),
            choices: &[
                t(
                    "connect() fails with \"connection refused\"",
                    "connect() 以“连接被拒绝”失败",
                ),
                t(
                    "connect() blocks until the server's application calls accept()",
                    "connect() 一直阻塞，直到服务器应用调用 accept()",
                ),
                t(
                    "Nothing: it is ESTABLISHED, and the data it sends goes unanswered until the server has room",
                    "什么也看不到：它处于 ESTABLISHED，发出的数据得不到回应，直到服务器有了空位",
                ),
                t(
                    "The server's RST, and connect() fails with \"connection reset\"",
                    "服务器发来的 RST，connect() 以“连接被重置”失败",
                ),
            ],
            correct: 2,
            why: &[
                t(
                    "Not this one: \"connection refused\" is the answer of a port where nobody listens. Here a listener answered with a SYN-ACK, and connect() has already returned.",
                    "不对：“连接被拒绝”是没有人监听的端口给出的回答。这里监听套接字已经回复了 SYN-ACK，connect() 也已经返回。",
                ),
                t(
                    "Not this one: connect() returns as soon as the SYN-ACK arrives; it never waits for the server's accept().",
                    "不对：connect() 在收到 SYN-ACK 时就返回，从不等待服务器的 accept()。",
                ),
                t(
                    "Right: the client sent its ACK and is ESTABLISHED. The server dropped that ACK silently and keeps a request; the client's data goes unanswered and is retransmitted until the server's SYN-ACK timer or a retransmission finds room.",
                    "正确：客户端已经发出 ACK，处于 ESTABLISHED。服务器悄悄丢掉了那个 ACK，留着一个请求；客户端的数据得不到回应，会一直重传，直到服务器的 SYN-ACK 计时器或某次重传碰上空位。",
                ),
                t(
                    "Not this one: the RST is what tcp_abort_on_overflow = 1 sends. Even then connect() has already returned; the reset shows up on the client's next read or write.",
                    "不对：RST 是 tcp_abort_on_overflow = 1 时才会发的。即便如此，connect() 也早已返回；重置会出现在客户端下一次读或写的时候。",
                ),
            ],
            explanation: t(
                "The client's connect() returned when the SYN-ACK arrived; it is ESTABLISHED and sends data. With tcp_abort_on_overflow = 0 the server drops the ACK (and the data) without telling anyone and keeps the request, so a short overflow heals when its SYN-ACK timer fires or the client retransmits. With 1 the server answers with RST and the client's next read or write fails with \"connection reset\"; \"connection refused\" only comes from a port without a listener.",
                "客户端的 connect() 在收到 SYN-ACK 时就返回了；它处于 ESTABLISHED，并开始发数据。tcp_abort_on_overflow = 0 时，服务器不声不响地丢掉 ACK（以及数据），把请求留着，所以短暂的溢出会在 SYN-ACK 计时器到期或客户端重传时自愈。设为 1 时，服务器用 RST 回答，客户端下一次读或写以“连接被重置”失败；“连接被拒绝”只来自没有监听的端口。",
            ),
        },
        mistakes: &[
            Mistake {
                claim: t(
                    "\"connect() returns only after the server has accepted the connection.\"",
                    "“服务器 accept() 之后，客户端的 connect() 才会返回。”",
                ),
                correction: t(
                    "connect() returns when the SYN-ACK arrives and the client sends its ACK. Whether that ACK found room in the server's accept queue, and whether the application ever calls accept(), the client cannot see.",
                    "connect() 在收到 SYN-ACK、发出 ACK 时就返回。这个 ACK 有没有在服务器的全连接队列里找到位置、服务器应用会不会调用 accept()，客户端都看不到。",
                ),
            },
            Mistake {
                claim: t(
                    "\"When the accept queue is full, the server sends a RST so the client knows.\"",
                    "“全连接队列满了，服务器会回 RST 通知客户端。”",
                ),
                correction: t(
                    "Only with tcp_abort_on_overflow = 1. Linux's default is 0: the ACK is dropped silently and the request kept, so a short burst heals when the SYN-ACK timer fires or the client retransmits. A RST turns every brief overflow into a failed connection.",
                    "只有 tcp_abort_on_overflow = 1 时才会。Linux 默认是 0：ACK 被悄悄丢掉，请求留着，所以短暂的突发会在 SYN-ACK 计时器到期或客户端重传时自愈。发 RST 则会让每一次短暂溢出都变成一个失败的连接。",
                ),
            },
            Mistake {
                claim: t(
                    "\"Pass a bigger backlog to listen() and the accept queue grows.\"",
                    "“给 listen() 传一个更大的 backlog，全连接队列就变长了。”",
                ),
                correction: t(
                    "The backlog is capped by net.core.somaxconn ({linux_somaxconn} by default), so both may need raising. And a longer queue only hides an application that calls accept() too slowly; ss -lnt shows a listener's queue now (Recv-Q) and its limit (Send-Q).",
                    "backlog 会被 net.core.somaxconn（默认 {linux_somaxconn}）截断，所以两者可能都要调大。而且更长的队列只是掩盖了调用 accept() 太慢的应用；用 ss -lnt 可以看到监听套接字当前的队列长度（Recv-Q）和上限（Send-Q）。",
                ),
            },
        ],
    },
    Lesson {
        id: "syn-flood-cookies",
        source: LessonScenario::Server("syn_flood_cookies"),
        profile: ProfileName::Linux,
        title: t("A SYN flood, and SYN cookies", "SYN 洪泛与 SYN cookie"),
        goal: t(
            "Watch forged SYNs fill a listener's SYN queue, then see how SYN cookies let real clients in without keeping anything: what a cookie encodes, and what it loses.",
            "看伪造的 SYN 如何填满监听套接字的半连接队列，再看 SYN cookie 如何在什么都不保存的情况下让真正的客户端连进来：Cookie 里编码了什么，又丢掉了什么。",
        ),
        analogy: None,
        stops: &[
            Stop {
                at: listener(ListenerEventKind::SynQueued, 1),
                text: t(
                    "A flood of {flood_rate} SYNs a second begins, {flood_syns} in all, from forged addresses such as {client_addr} where no host answers. Each SYN makes a request in the SYN queue ({syn_queue} now), and each SYN-ACK goes nowhere, so no request ever completes: each one stays until its SYN-ACK retries run out.",
                    "每秒 {flood_rate} 个 SYN 的洪泛开始了，一共 {flood_syns} 个，源地址都是伪造的，比如 {client_addr}，那里没有任何主机会回应。每个 SYN 都在半连接队列里建立一个请求（此刻 {syn_queue} 个），而每个 SYN-ACK 都石沉大海，没有一个请求能完成：每个请求都要一直留到它的 SYN-ACK 重试用完为止。",
                ),
            },
            Stop {
                at: listener(ListenerEventKind::CookieSent, 1),
                text: t(
                    "The SYN queue is full: {syn_queue} requests, all that backlog {backlog} allows. With tcp_syncookies = 0 this SYN would be dropped, and so would every real client's, which would get in only if its SYN retransmissions outlasted the flood. With tcp_syncookies = 1, Linux's default, the kernel logs a \"Possible SYN flooding\" warning, once, and answers with a SYN cookie: it keeps nothing for this SYN, no request and no timer.",
                    "半连接队列满了：{syn_queue} 个请求，已经是 backlog {backlog} 允许的全部。若 tcp_syncookies = 0，这个 SYN 会被丢掉，每个真正客户端的 SYN 也一样，它们只有靠重传 SYN 熬过洪泛才能连进来。在 Linux 默认的 tcp_syncookies = 1 下，内核记下一条“Possible SYN flooding”警告（只记一次），然后用 SYN cookie 回答：它不为这个 SYN 保存任何东西，既没有请求，也没有计时器。",
                ),
            },
            Stop {
                at: client_enters(0, Side::Client, State::Established, 1),
                text: t(
                    "A real client, {client_addr}, connects during the flood. The SYN-ACK it receives carries a cookie as its ISN, {server_isn}: a keyed hash of the four-tuple, a counter that changes every minute, the client's ISN, and a 2-bit index into a table of four MSS values ({cookie_mss_table}). So the MSS offered is {mss}, rounded down to that table; window scale and SACK survive only because timestamps are on, and Linux hides them in the low bits of its timestamp.",
                    "一个真正的客户端 {client_addr} 在洪泛期间发起连接。它收到的 SYN-ACK 以一个 Cookie 作为 ISN：{server_isn}。Cookie 由四元组的带密钥哈希、每分钟变化一次的计数器、客户端的 ISN，以及一个 2 位的 MSS 表索引（表中只有四个值：{cookie_mss_table}）组成。所以这里通告的 MSS 是 {mss}，即向下取到表中的值；窗口扩大因子和 SACK 之所以还在，只是因为开启了时间戳，Linux 把它们藏在自己时间戳的低位里。",
                ),
            },
            Stop {
                at: listener(ListenerEventKind::CookieAccepted, 1),
                text: t(
                    "The client's ACK brings the cookie back in its acknowledgment number, {ack}: the cookie plus one. Linux checks the hash and the minute, rebuilds the connection from them, and puts it straight into the accept queue ({accept_queue}), although the SYN queue is still full of the flood's {syn_queue} requests. Cookies so far: {cookies_sent} sent, {cookies_received} returned.",
                    "客户端的 ACK 在确认号里把 Cookie 带了回来：{ack}，也就是 Cookie 加一。Linux 校验哈希和分钟计数，据此重建连接，直接放进全连接队列（{accept_queue} 个），尽管半连接队列里仍塞满了洪泛留下的 {syn_queue} 个请求。到目前为止：发出 Cookie {cookies_sent} 个，带回来的 {cookies_received} 个。",
                ),
            },
            Stop {
                at: StopAt::End,
                text: t(
                    "The flood's requests time out after their SYN-ACK retries, and the run ends: {total_cookies_sent} cookies sent, {total_accepted} real connections accepted, {total_syns_dropped} SYNs dropped. A cookie is not a bigger queue but no queue at all. Its price: an MSS from a table of four, no SYN-ACK retransmission (nothing remembers it), and no window scale or SACK when the client sends no timestamps.",
                    "洪泛留下的请求在 SYN-ACK 重试用完后超时，运行结束：共发出 Cookie {total_cookies_sent} 个，接受真正的连接 {total_accepted} 个，丢弃 SYN {total_syns_dropped} 个。Cookie 不是一个更大的队列，而是根本没有队列。代价是：MSS 只能取四个值之一，SYN-ACK 丢了不会重传（没有谁记得它），客户端不带时间戳时也没有窗口扩大因子和 SACK。",
                ),
            },
        ],
        check: Check {
            question: t(
                "What does a Linux server keep for a SYN it answers with a SYN cookie?",
                "Linux 服务器用 SYN cookie 回答一个 SYN 时，会为它保存什么？",
            ),
            choices: &[
                t(
                    "Nothing: what it needs comes back in the acknowledgment number of the client's ACK",
                    "什么都不保存：它需要的信息会随客户端 ACK 的确认号带回来",
                ),
                t(
                    "A request in a separate cookie queue, beside the SYN queue",
                    "在半连接队列之外另一个 Cookie 队列里的一个请求",
                ),
                t(
                    "All the client's options, so they are restored in full when the ACK arrives",
                    "客户端的全部选项，等 ACK 到达时原样恢复",
                ),
                t(
                    "A timer to send the SYN-ACK again if it is lost",
                    "一个计时器，SYN-ACK 丢了就再发一次",
                ),
            ],
            correct: 0,
            why: &[
                t(
                    "Right: the state is encoded in the ISN of the SYN-ACK, and the client's ACK returns it as its acknowledgment number minus one; Linux checks it and rebuilds the connection.",
                    "正确：状态编码在 SYN-ACK 的 ISN 里，客户端的 ACK 把它放在确认号里带回（减一即得）；Linux 校验后重建连接。",
                ),
                t(
                    "Not this one: there is no cookie queue. A cookie is used precisely because the SYN queue is full, and it takes no place anywhere.",
                    "不对：并没有什么 Cookie 队列。正是因为半连接队列满了才用 Cookie，而它在哪里都不占位置。",
                ),
                t(
                    "Not this one: only a 2-bit MSS index fits in the cookie. Window scale and SACK come back only through the timestamp option; without timestamps they are lost.",
                    "不对：Cookie 里只放得下一个 2 位的 MSS 索引。窗口扩大因子和 SACK 只能借时间戳选项带回；没有时间戳就丢了。",
                ),
                t(
                    "Not this one: a timer is state, and a cookie keeps none. If the cookie SYN-ACK is lost, the client's own SYN retransmission is what tries again.",
                    "不对：计时器也是状态，而 Cookie 什么状态都不留。Cookie SYN-ACK 丢了，只能靠客户端自己重传 SYN 来再试一次。",
                ),
            ],
            explanation: t(
                "A SYN cookie is the server's ISN: a keyed hash of the four-tuple and a minute counter, plus the client's ISN and a 2-bit MSS index. The server keeps nothing, no request and no timer; the client's ACK returns the cookie in its acknowledgment number, and the server rebuilds the connection from it. What does not fit is lost, unless timestamps carry it: window scale and SACK.",
                "SYN cookie 就是服务器的 ISN：由四元组和分钟计数器的带密钥哈希，加上客户端的 ISN 和一个 2 位的 MSS 索引组成。服务器什么都不保存，没有请求，也没有计时器；客户端的 ACK 在确认号里带回 Cookie，服务器据此重建连接。放不下的信息会丢失，除非时间戳帮忙携带：窗口扩大因子和 SACK。",
            ),
        },
        mistakes: &[
            Mistake {
                claim: t(
                    "\"SYN cookies are a second, bigger SYN queue for floods.\"",
                    "“SYN cookie 就是为洪泛准备的第二个、更大的半连接队列。”",
                ),
                correction: t(
                    "A cookie is no queue at all: the server answers the SYN and forgets it, because everything it needs is encoded in the ISN of its SYN-ACK. The client's ACK brings that ISN back, plus one, and only then does a connection exist on the server, straight in the accept queue.",
                    "Cookie 根本不是队列：服务器回复 SYN 后就把它忘掉，因为需要的一切都编码在 SYN-ACK 的 ISN 里。客户端的 ACK 把这个 ISN 加一带回来，服务器上这时才有了连接，而且直接进入全连接队列。",
                ),
            },
            Mistake {
                claim: t(
                    "\"SYN cookies cost nothing, so use them for every connection.\"",
                    "“SYN cookie 没有任何代价，所以每个连接都该用。”",
                ),
                correction: t(
                    "tcp_syncookies = 2 does that, and every connection pays: its MSS is rounded down to one of {cookie_mss_table}, a lost SYN-ACK is never retransmitted, and without timestamps window scale and SACK are lost. Linux's default, 1, sends cookies only while the SYN queue overflows.",
                    "tcp_syncookies = 2 就是这样做的，代价由每个连接承担：MSS 被向下取到 {cookie_mss_table} 之一，丢失的 SYN-ACK 永远不会重传，没有时间戳时窗口扩大因子和 SACK 也会丢失。Linux 默认的 1 只在半连接队列溢出期间才发 Cookie。",
                ),
            },
            Mistake {
                claim: t(
                    "\"A bigger backlog stops a SYN flood.\"",
                    "“把 backlog 调大就能挡住 SYN 洪泛。”",
                ),
                correction: t(
                    "A bigger SYN queue only fills a little later: a forged request never completes and stays until its SYN-ACK retries run out (up to {linux_synack_give_up_s} s under Linux's defaults; Linux cuts old requests short when the queue fills, but seconds still pass), so a flood of thousands of SYNs a second fills any queue. RFC 4987 compares the defences; SYN cookies work because they keep no state at all.",
                    "更大的半连接队列只是晚一点被填满：伪造的请求永远完成不了，要一直留到 SYN-ACK 重试用完（Linux 默认设置下最长 {linux_synack_give_up_s} 秒；队列变满时 Linux 会提前结束旧的请求，但仍要过好几秒），所以每秒成千上万个 SYN 的洪泛能填满任何队列。RFC 4987 比较了各种防御办法；SYN cookie 之所以有效，是因为它根本不保存状态。",
                ),
            },
        ],
    },
    Lesson {
        id: "time-wait-new-connection",
        source: LessonScenario::Server("time_wait_cut_short_corruption"),
        profile: ProfileName::Rfc,
        title: t(
            "TIME-WAIT's second reason: an old segment in a new connection",
            "TIME-WAIT 的第二个理由：旧报文段闯进新连接",
        ),
        goal: t(
            "Cut TIME-WAIT short and watch what it normally prevents: a segment of an old connection, delayed in the network, is taken as data by a new connection on the same four-tuple.",
            "把 TIME-WAIT 缩短，亲眼看看它平时防止的是什么：旧连接的一个报文段在网络中滞留，随后被同一个四元组上的新连接当作自己的数据收下。",
        ),
        analogy: Some(AnalogyTopic::TimeWait),
        stops: &[
            Stop {
                at: sent(C2S, "A", 60),
                text: t(
                    "Near the end of the client's upload, the data segment at relative sequence number {seq_rel}, {len} bytes, is held up in the network for {delay_ms} ms. The connection does not wait for it: the client soon sends the same bytes again, they get through, and both sides close normally. The old copy is still on its way.",
                    "客户端上传快结束时，相对序列号为 {seq_rel} 的数据报文段（{len} 字节）在网络中被耽搁了 {delay_ms} 毫秒。连接并不等它：客户端很快把同样的字节再发一遍，顺利到达，双方正常关闭。而那份旧副本还在路上。",
                ),
            },
            Stop {
                at: client_enters(0, Side::Client, State::TimeWait, 1),
                text: t(
                    "The client closed first and enters TIME-WAIT. RFC 9293 holds it for 2 × MSL ({msl_s} s each), so that every segment of this connection has died in the network before the four-tuple {client_addr} ↔ {server_addr} can carry a new connection. This scenario cuts TIME-WAIT to {time_wait_ms} ms.",
                    "客户端先关闭，进入 TIME-WAIT。RFC 9293 让它停留 2 × MSL（每个 MSL {msl_s} 秒），好让这个连接的所有报文段都在网络中消亡之后，四元组 {client_addr} ↔ {server_addr} 才能承载新的连接。本场景把 TIME-WAIT 缩短到 {time_wait_ms} 毫秒。",
                ),
            },
            Stop {
                at: client_enters(0, Side::Client, State::Closed, 1),
                text: t(
                    "After only {time_wait_ms} ms, TIME-WAIT is over and the four-tuple is free again, although the delayed segment has not arrived yet.",
                    "仅仅 {time_wait_ms} 毫秒后，TIME-WAIT 就结束了，四元组重新空了出来，可那个被耽搁的报文段还没有到达。",
                ),
            },
            Stop {
                at: client_enters(0, Side::Client, State::SynSent, 2),
                text: t(
                    "The client connects again from the same port, {client_port}: the same four-tuple. Its ISN, {client_isn}, comes from a clock and is only a little above the old connection's {prev_client_isn}, while the old connection sent far more bytes than that gap: the new sequence space overlaps the old one.",
                    "客户端又从同一个端口 {client_port} 发起连接：还是同一个四元组。它的 ISN {client_isn} 来自时钟，只比旧连接的 {prev_client_isn} 大一点，而旧连接发送的字节远远超过这个差距：新的序列号空间和旧的重叠了。",
                ),
            },
            Stop {
                at: StopAt::Corruption { nth: 1 },
                text: t(
                    "The old segment arrives at last: sequence number {seq}, {corrupt_bytes} bytes. To the server it is a valid segment of the new connection (same four-tuple, sequence number inside the window, correct checksum), so the new connection takes the old bytes as its own, and no error is reported anywhere. A full TIME-WAIT prevents exactly this; timestamps (PAWS, RFC 7323) catch most such segments too, which is why Linux's tcp_tw_reuse requires them.",
                    "旧报文段终于到了：序列号 {seq}，{corrupt_bytes} 字节。在服务器看来，它是新连接的一个合法报文段（同一个四元组，序列号落在窗口内，校验和正确），于是新连接把这些旧字节当成自己的数据收下，而且哪里都不会报错。完整的 TIME-WAIT 防止的正是这种情况；时间戳（PAWS，RFC 7323）也能挡住大部分这样的报文段，所以 Linux 的 tcp_tw_reuse 要求开启时间戳。",
                ),
            },
        ],
        check: Check {
            question: t(
                "Besides re-acknowledging a repeated FIN, what does TIME-WAIT protect?",
                "除了对重复的 FIN 再确认一次，TIME-WAIT 还保护了什么？",
            ),
            choices: &[
                t(
                    "A later connection on the same four-tuple, from segments of the old one still in the network",
                    "同一个四元组上的后续连接，使它不受旧连接仍在网络中的报文段干扰",
                ),
                t(
                    "The server, from SYN floods",
                    "服务器，使它不受 SYN 洪泛攻击",
                ),
                t(
                    "The client's port, so that no other program on the host can use it for anything",
                    "客户端的端口，使本机其他程序无论如何都不能用它",
                ),
                t(
                    "The old connection's data, kept so that it can be sent again later",
                    "旧连接的数据，留着以后再发一次",
                ),
            ],
            correct: 0,
            why: &[
                t(
                    "Right: while TIME-WAIT holds the four-tuple, segments of the old connection die in the network (each lives at most one MSL), so a new connection on that four-tuple cannot take them for its own.",
                    "正确：TIME-WAIT 占着四元组期间，旧连接的报文段会在网络中消亡（每个最多存活一个 MSL），这样同一四元组上的新连接就不会把它们当成自己的。",
                ),
                t(
                    "Not this one: SYN floods are met at the listener, by its SYN queue and SYN cookies; TIME-WAIT belongs to one closed connection.",
                    "不对：SYN 洪泛是在监听套接字那里应对的，靠半连接队列和 SYN cookie；TIME-WAIT 属于一个已经关闭的连接。",
                ),
                t(
                    "Not this one: TIME-WAIT holds one four-tuple, not the port: the same port may carry connections to other servers meanwhile.",
                    "不对：TIME-WAIT 占的是一个四元组，而不是端口：同一个端口在此期间仍可以连向别的服务器。",
                ),
                t(
                    "Not this one: a connection in TIME-WAIT has all its data acknowledged and sends nothing new; it only answers a repeated FIN with an ACK.",
                    "不对：处于 TIME-WAIT 的连接，数据都已被确认，不会再发新东西；它只会用 ACK 回答重复的 FIN。",
                ),
            ],
            explanation: t(
                "TIME-WAIT has two reasons: it can re-acknowledge a repeated FIN, and it keeps the four-tuple out of use until the old connection's segments have died in the network. Cut short, as here, a delayed old segment lands in a new connection on the same four-tuple, and its bytes are taken as new data without any error. It guards one four-tuple, not a port, and has nothing to do with SYN floods.",
                "TIME-WAIT 有两个理由：它能对重复的 FIN 再确认一次；它还让四元组在旧连接的报文段于网络中消亡之前不被使用。像这里这样缩短它，一个被耽搁的旧报文段就会落进同一四元组上的新连接，它的字节被当成新数据收下，而且不报任何错。它守护的是一个四元组，而不是一个端口，也与 SYN 洪泛无关。",
            ),
        },
        mistakes: &[
            Mistake {
                claim: t(
                    "\"TIME-WAIT is only there to resend the last ACK.\"",
                    "“TIME-WAIT 只是为了重发最后一个 ACK。”",
                ),
                correction: t(
                    "That is one reason, and even then TIME-WAIT sends an ACK only when a repeated FIN arrives. The other reason is shown here: until the old connection's segments have died in the network, TIME-WAIT keeps the four-tuple from carrying a new connection that would take them as its own data. RFC 1337 lists exactly this, old data accepted by a new connection, as the first hazard when TIME-WAIT is cut short.",
                    "那只是其中一个理由，而且 TIME-WAIT 只在收到重复的 FIN 时才发 ACK。另一个理由就在本课里：在旧连接的报文段于网络中消亡之前，TIME-WAIT 不让这个四元组承载新连接，以免新连接把它们当成自己的数据。RFC 1337 把这种情况（新连接收下旧数据）列为 TIME-WAIT 被提前结束时的第一个危险。",
                ),
            },
            Mistake {
                claim: t(
                    "\"Lower tcp_fin_timeout to shorten TIME-WAIT.\"",
                    "“调小 tcp_fin_timeout 就能缩短 TIME-WAIT。”",
                ),
                correction: t(
                    "tcp_fin_timeout ({linux_fin_timeout_s} s by default) limits an orphaned FIN-WAIT-2, a different state. Linux's TIME-WAIT is fixed at {linux_time_wait_s} s and no setting changes it; what Linux offers instead is tcp_tw_reuse, which lets a new outgoing connection take over a TIME-WAIT four-tuple when timestamps protect it.",
                    "tcp_fin_timeout（默认 {linux_fin_timeout_s} 秒）限制的是孤儿 FIN-WAIT-2，那是另一个状态。Linux 的 TIME-WAIT 固定为 {linux_time_wait_s} 秒，没有任何设置能改；Linux 提供的是 tcp_tw_reuse：在时间戳的保护下，新的外连连接可以接管处于 TIME-WAIT 的四元组。",
                ),
            },
        ],
    },
    Lesson {
        id: "port-exhaustion",
        source: LessonScenario::Server("port_exhaustion_tw_reuse"),
        profile: ProfileName::Linux,
        title: t(
            "Out of ports: TIME-WAIT, tcp_tw_reuse and SO_REUSEADDR",
            "端口耗尽：TIME-WAIT、tcp_tw_reuse 与 SO_REUSEADDR",
        ),
        goal: t(
            "Two client hosts open and close connections quickly with a few ports each: see TIME-WAIT run the first out of ports, tcp_tw_reuse keep the second going, and why SO_REUSEADDR would not have helped.",
            "两台客户端主机各用几个端口快速地建立、关闭连接：看 TIME-WAIT 如何让第一台耗尽端口，tcp_tw_reuse 如何让第二台继续工作，以及为什么 SO_REUSEADDR 帮不上忙。",
        ),
        analogy: None,
        stops: &[
            Stop {
                at: client_enters(0, Side::Client, State::TimeWait, 1),
                text: t(
                    "Host {client_ip} closed its first connection first, so the TIME-WAIT is on its side: the four-tuple {client_addr} ↔ {server_addr} is held for {linux_time_wait_s} s. This host may use only {port_count} ephemeral ports ({port_range}); Linux's default range, {linux_port_range}, has {linux_port_count}.",
                    "主机 {client_ip} 先关闭了它的第一个连接，所以 TIME-WAIT 在它这一边：四元组 {client_addr} ↔ {server_addr} 要被占用 {linux_time_wait_s} 秒。这台主机只能用 {port_count} 个临时端口（{port_range}）；Linux 默认的范围 {linux_port_range} 有 {linux_port_count} 个。",
                ),
            },
            Stop {
                at: client_enters(0, Side::Client, State::SynSent, 4),
                text: t(
                    "The fourth connect() on {client_ip} takes its last free port, {client_port}. Across the two hosts, {client_in_time_wait} closed connections are in TIME-WAIT now. The second host uses the same port numbers at the same time without any clash: a port is taken for one four-tuple, and the two hosts' addresses differ.",
                    "{client_ip} 上的第四次 connect() 用掉了最后一个空闲端口 {client_port}。此刻两台主机上共有 {client_in_time_wait} 个已关闭的连接处于 TIME-WAIT。第二台主机同时在用同样的端口号，却互不冲突：端口是按四元组占用的，而两台主机的地址不同。",
                ),
            },
            Stop {
                at: StopAt::ClientFailure { client: 0, nth: 1 },
                text: t(
                    "The fifth connect() on {client_ip} fails at once with EADDRNOTAVAIL (\"cannot assign requested address\"): every one of its {port_count} ports toward {server_addr} is held by TIME-WAIT. With Linux's full range the same wall stands at {linux_port_count} ports, about {linux_ports_per_s} new connections a second to one server address and port.",
                    "{client_ip} 上的第五次 connect() 立刻以 EADDRNOTAVAIL（“无法分配请求的地址”）失败：它连向 {server_addr} 的 {port_count} 个端口全被 TIME-WAIT 占着。即使用上 Linux 的整个范围，同样的墙也立在 {linux_port_count} 个端口处，也就是对同一个服务器地址和端口每秒大约 {linux_ports_per_s} 个新连接。",
                ),
            },
            Stop {
                at: StopAt::TransitionFor {
                    cause: Cause::TimeWaitReused,
                    nth: 1,
                },
                text: t(
                    "The second host, {client_ip}, has tcp_tw_reuse = 1: its connect() takes over port {client_port} from a TIME-WAIT socket more than a second old, because that connection used timestamps. The new connection's timestamps are newer and its ISN starts above everything the old one sent, so old segments can still be told from new ones, which is what TIME-WAIT was guarding.",
                    "第二台主机 {client_ip} 开启了 tcp_tw_reuse = 1：它的 connect() 从一个已存在超过一秒的 TIME-WAIT 套接字手里接管了端口 {client_port}，因为那个连接用了时间戳。新连接的时间戳更新，ISN 也从旧连接发过的所有序列号之上开始，所以旧报文段和新报文段仍然分得清，而这正是 TIME-WAIT 原本守护的东西。",
                ),
            },
            Stop {
                at: StopAt::End,
                text: t(
                    "The run ends when the last TIME-WAIT expires. SO_REUSEADDR would not have saved the first host: it lets a socket bind() to a local port that connections in TIME-WAIT still use, as a restarted server does, but it does not change how connect() picks an ephemeral port, and that is what ran out here. tcp_tw_reuse is the setting that lets connect() take over a port in TIME-WAIT.",
                    "最后一个 TIME-WAIT 到期，运行结束。SO_REUSEADDR 救不了第一台主机：它让套接字可以 bind() 到仍被 TIME-WAIT 连接使用的本地端口（重启的服务器正需要这个），但它并不改变 connect() 挑选临时端口的方式，而这里用完的正是临时端口。能让 connect() 接管处于 TIME-WAIT 的端口的设置是 tcp_tw_reuse。",
                ),
            },
        ],
        check: Check {
            question: t(
                "A client's connect() fails with EADDRNOTAVAIL because all its ports toward one server are in TIME-WAIT. Which setting lets connect() take over such a port?",
                "客户端连向某个服务器的端口全都处于 TIME-WAIT，connect() 以 EADDRNOTAVAIL 失败。哪个设置能让 connect() 接管这样的端口？",
            ),
            choices: &[
                t(
                    "SO_REUSEADDR on the client's socket",
                    "在客户端的套接字上设置 SO_REUSEADDR",
                ),
                t("A lower tcp_fin_timeout", "调小 tcp_fin_timeout"),
                t(
                    "tcp_tw_reuse = 1, with TCP timestamps on",
                    "tcp_tw_reuse = 1，并开启 TCP 时间戳",
                ),
                t(
                    "A larger listen() backlog on the server",
                    "在服务器上把 listen() 的 backlog 调大",
                ),
            ],
            correct: 2,
            why: &[
                t(
                    "Not this one: SO_REUSEADDR is about bind(): it lets a server bind its port while old connections on it are in TIME-WAIT. It does not make connect() pick an ephemeral port whose four-tuple is in TIME-WAIT.",
                    "不对：SO_REUSEADDR 管的是 bind()：它让服务器在旧连接还处于 TIME-WAIT 时也能绑定自己的端口。它不会让 connect() 选用一个四元组仍处于 TIME-WAIT 的临时端口。",
                ),
                t(
                    "Not this one: tcp_fin_timeout ({linux_fin_timeout_s} s) limits an orphaned FIN-WAIT-2; Linux's TIME-WAIT stays {linux_time_wait_s} s whatever it says.",
                    "不对：tcp_fin_timeout（{linux_fin_timeout_s} 秒）限制的是孤儿 FIN-WAIT-2；不管它设成多少，Linux 的 TIME-WAIT 都是 {linux_time_wait_s} 秒。",
                ),
                t(
                    "Right: with tcp_tw_reuse, connect() may take over a four-tuple whose TIME-WAIT is more than a second old, when timestamps let the new connection's segments be told from the old one's.",
                    "正确：开启 tcp_tw_reuse 后，如果 TIME-WAIT 已存在超过一秒，并且时间戳能把新连接的报文段和旧连接的区分开，connect() 就可以接管这个四元组。",
                ),
                t(
                    "Not this one: the backlog limits the server's accept queue; the client's ports are held by its own TIME-WAIT sockets.",
                    "不对：backlog 限制的是服务器的全连接队列；客户端的端口被它自己的 TIME-WAIT 套接字占着。",
                ),
            ],
            explanation: t(
                "The side that closes first holds TIME-WAIT for its four-tuple, {linux_time_wait_s} s under Linux. A client that opens and closes many connections to one server address and port runs out of ephemeral ports, and connect() fails with EADDRNOTAVAIL. tcp_tw_reuse lets connect() take over a TIME-WAIT more than a second old when timestamps are on; SO_REUSEADDR only relaxes bind(), and tcp_fin_timeout is about FIN-WAIT-2.",
                "先关闭的一方为它的四元组保持 TIME-WAIT，在 Linux 下是 {linux_time_wait_s} 秒。客户端对同一个服务器地址和端口频繁地建立、关闭连接，就会耗尽临时端口，connect() 以 EADDRNOTAVAIL 失败。开启时间戳时，tcp_tw_reuse 允许 connect() 接管存在超过一秒的 TIME-WAIT；SO_REUSEADDR 只放宽 bind()，tcp_fin_timeout 管的是 FIN-WAIT-2。",
            ),
        },
        mistakes: &[
            Mistake {
                claim: t(
                    "\"SO_REUSEADDR lets a client reuse a port in TIME-WAIT, just like tcp_tw_reuse.\"",
                    "“SO_REUSEADDR 和 tcp_tw_reuse 一样，能让客户端复用处于 TIME-WAIT 的端口。”",
                ),
                correction: t(
                    "SO_REUSEADDR acts on bind(): a restarted server can bind its port although old connections on it are still in TIME-WAIT. It does not make connect() pick an ephemeral port whose four-tuple is in TIME-WAIT; that is what tcp_tw_reuse does, for outgoing connections, with timestamps on.",
                    "SO_REUSEADDR 作用于 bind()：重启的服务器即使还有旧连接处于 TIME-WAIT，也能绑定自己的端口。它并不能让 connect() 选用一个四元组仍处于 TIME-WAIT 的临时端口；那是 tcp_tw_reuse 做的事，只针对外连连接，并要求开启时间戳。",
                ),
            },
            Mistake {
                claim: t(
                    "\"A host can have at most 65535 TCP connections, one per port.\"",
                    "“一台主机最多只能有 65535 个 TCP 连接，因为端口只有 65535 个。”",
                ),
                correction: t(
                    "A connection is named by its four-tuple, not by a port: a server serves every client on one port, and a client's ephemeral ports ({linux_port_count} by default, {linux_port_range}) run out only toward one server address and port at a time. Here two hosts use the same port numbers at once.",
                    "连接由四元组来区分，而不是由端口：服务器在同一个端口上服务所有客户端，而客户端的临时端口（默认 {linux_port_count} 个，{linux_port_range}）只是对同一个服务器地址和端口才会用完。本课里两台主机就同时在用同样的端口号。",
                ),
            },
            Mistake {
                claim: t(
                    "\"Turn on tcp_tw_recycle to get rid of TIME-WAIT.\"",
                    "“打开 tcp_tw_recycle 就能消灭 TIME-WAIT。”",
                ),
                correction: t(
                    "tcp_tw_recycle was removed in Linux 4.12: it dropped connections from clients behind NAT, whose timestamps do not rise together. What remains is tcp_tw_reuse, for outgoing connections only (its default, 2, applies it to loopback only).",
                    "tcp_tw_recycle 在 Linux 4.12 中已被删除：它会丢掉位于 NAT 之后的客户端的连接，因为这些客户端的时间戳并不一起递增。留下来的是 tcp_tw_reuse，只用于外连连接（默认值 2 表示只对环回地址生效）。",
                ),
            },
        ],
    },
    Lesson {
        id: "close-wait-leak",
        source: LessonScenario::Server("close_wait_leak"),
        profile: ProfileName::Linux,
        title: t(
            "CLOSE-WAIT piling up: a server that never calls close()",
            "CLOSE-WAIT 越积越多：从不调用 close() 的服务器",
        ),
        goal: t(
            "Watch a server application that reads every request to the end and never calls close(): each connection stays in CLOSE-WAIT, and nothing in TCP will ever end it.",
            "看一个把每个请求读到结尾、却从不调用 close() 的服务器应用：每个连接都停在 CLOSE-WAIT，TCP 里没有任何机制会结束它。",
        ),
        analogy: None,
        stops: &[
            Stop {
                at: client_enters(0, Side::Server, State::CloseWait, 1),
                text: t(
                    "The request of client {client_addr} arrives with its FIN right behind it: the client has closed. The server's end enters CLOSE-WAIT, and its kernel will acknowledge the FIN by itself. The server's application reads the request to end-of-file (recv returns 0): now it is its turn to call close().",
                    "客户端 {client_addr} 的请求到了，紧跟着的是它的 FIN：客户端已经关闭。服务器这一端进入 CLOSE-WAIT，FIN 会由内核自己确认。服务器应用把请求读到文件结束（recv 返回 0）：现在该轮到它调用 close() 了。",
                ),
            },
            Stop {
                at: listener(ListenerEventKind::Accepted, 2),
                text: t(
                    "Instead the application goes straight back to accept() and takes the next connection, {client_addr}, without closing the last one. Nothing is sent and nothing fails: the old socket just stays in CLOSE-WAIT and keeps its file descriptor. Server ends in CLOSE-WAIT now: {server_in_close_wait}, counting those still in the accept queue, whose clients have closed too.",
                    "应用却直接回到 accept()，取走下一个连接 {client_addr}，上一个连接没有关闭。没有发出任何报文段，也没有任何报错：旧套接字就这样停在 CLOSE-WAIT，并一直占着它的文件描述符。此刻服务器上处于 CLOSE-WAIT 的一端共有 {server_in_close_wait} 个，其中包括还在全连接队列里、客户端也已关闭的连接。",
                ),
            },
            Stop {
                at: listener(ListenerEventKind::Accepted, 400),
                text: t(
                    "The server has accepted {accepted} connections and closed none, so {server_in_close_wait} of them sit in CLOSE-WAIT. Each holds a file descriptor and kernel memory; on a real server they pile up into thousands, until accept() fails with \"too many open files\" (EMFILE).",
                    "服务器已经接受了 {accepted} 个连接，一个也没关，所以其中 {server_in_close_wait} 个停在 CLOSE-WAIT。每一个都占着一个文件描述符和一些内核内存；在真实的服务器上它们会积累到成千上万，直到 accept() 以“打开的文件过多”（EMFILE）失败。",
                ),
            },
            Stop {
                at: client_enters(0, Side::Client, State::Closed, 1),
                text: t(
                    "{fin_timeout_s} s after it closed, the client's orphaned FIN-WAIT-2 times out (tcp_fin_timeout) and the client forgets the connection. The server's ends do not notice: {server_in_close_wait} are still in CLOSE-WAIT, for connections whose other end no longer exists.",
                    "关闭 {fin_timeout_s} 秒之后，客户端的孤儿 FIN-WAIT-2 超时（tcp_fin_timeout），客户端忘掉了这个连接。服务器这一端毫无察觉：仍有 {server_in_close_wait} 个停在 CLOSE-WAIT，而它们的另一端早已不存在。",
                ),
            },
            Stop {
                at: StopAt::End,
                text: t(
                    "The run ends with {server_in_close_wait} sockets in CLOSE-WAIT. TCP has no timer for this state: only the application's close(), or the end of its process, ends them. A growing count in ss -tan state close-wait is a bug to find in the code, such as a path that forgets to close, not a kernel setting to tune.",
                    "运行结束时仍有 {server_in_close_wait} 个套接字处于 CLOSE-WAIT。TCP 没有为这个状态设置计时器：只有应用调用 close()，或者进程退出，才能结束它们。用 ss -tan state close-wait 看到的数字不断增长，说明代码里有缺陷（比如某条路径忘了关闭），而不是哪个内核参数需要调。",
                ),
            },
        ],
        check: Check {
            question: t(
                "A server shows thousands of sockets in CLOSE-WAIT. What is the cause?",
                "一台服务器上有成千上万个处于 CLOSE-WAIT 的套接字。原因是什么？",
            ),
            choices: &[
                t(
                    "The clients never sent the last ACK of the close",
                    "客户端从没发出关闭过程的最后一个 ACK",
                ),
                t(
                    "The network keeps losing the server's FINs",
                    "网络一直在丢服务器的 FIN",
                ),
                t(
                    "TIME-WAIT is too long, and tcp_tw_reuse would clear them",
                    "TIME-WAIT 太长，开启 tcp_tw_reuse 就能清掉它们",
                ),
                t(
                    "The server's application received end-of-file and never called close()",
                    "服务器应用读到了文件结束，却从没调用 close()",
                ),
            ],
            correct: 3,
            why: &[
                t(
                    "Not this one: a socket waiting for the last ACK of the close is in LAST-ACK, after its own close(). CLOSE-WAIT comes before: the local application has not closed yet.",
                    "不对：等待关闭过程最后一个 ACK 的套接字处于 LAST-ACK，那是在它自己调用 close() 之后。CLOSE-WAIT 在此之前：本地应用还没有关闭。",
                ),
                t(
                    "Not this one: a server in CLOSE-WAIT has sent no FIN at all. A lost FIN would leave it in LAST-ACK, and would be retransmitted.",
                    "不对：处于 CLOSE-WAIT 的服务器根本还没发 FIN。FIN 丢了的话，它会处于 LAST-ACK，并且会重传 FIN。",
                ),
                t(
                    "Not this one: TIME-WAIT and tcp_tw_reuse concern the side that closed first; CLOSE-WAIT is the side that has not closed at all.",
                    "不对：TIME-WAIT 和 tcp_tw_reuse 针对的是先关闭的一方；CLOSE-WAIT 是根本还没关闭的一方。",
                ),
                t(
                    "Right: CLOSE-WAIT means the peer's FIN arrived and was acknowledged, and the local application has not called close(). TCP has no timer for it; only the application can end it.",
                    "正确：CLOSE-WAIT 表示对方的 FIN 已经到达并被确认，而本地应用还没有调用 close()。TCP 没有为它设置计时器，只有应用能结束它。",
                ),
            ],
            explanation: t(
                "CLOSE-WAIT is the state of the side that received a FIN and whose application has not closed. The kernel acknowledged the FIN by itself; the next step, close(), belongs to the application, and TCP has no timer that takes it instead. Thousands of CLOSE-WAIT sockets are an application bug: a missing close(), found in the code, not in sysctl.",
                "CLOSE-WAIT 是收到了 FIN、而自己的应用还没关闭的那一方所处的状态。FIN 由内核自己确认；下一步 close() 属于应用，TCP 没有任何计时器替它去做。成千上万的 CLOSE-WAIT 套接字是应用的缺陷：少了一次 close()，要在代码里找，而不是在 sysctl 里调。",
            ),
        },
        mistakes: &[
            Mistake {
                claim: t(
                    "\"Lots of CLOSE-WAIT means the clients or the network are misbehaving.\"",
                    "“CLOSE-WAIT 多，说明客户端或者网络有问题。”",
                ),
                correction: t(
                    "CLOSE-WAIT is on the side that received a FIN: the peer closed properly, and the FIN was acknowledged. The socket waits for its own application's close(), so the bug is in the program that holds these sockets, not in the clients or the network.",
                    "CLOSE-WAIT 出现在收到 FIN 的一方：对方已经正常关闭，FIN 也已被确认。套接字在等自己的应用调用 close()，所以缺陷在持有这些套接字的程序里，而不在客户端或网络。",
                ),
            },
            Mistake {
                claim: t(
                    "\"Lower tcp_fin_timeout or turn on tcp_tw_reuse to clean up CLOSE-WAIT.\"",
                    "“调小 tcp_fin_timeout 或者开启 tcp_tw_reuse，就能清理 CLOSE-WAIT。”",
                ),
                correction: t(
                    "tcp_fin_timeout ({linux_fin_timeout_s} s) ends an orphaned FIN-WAIT-2 on the other side, and tcp_tw_reuse concerns TIME-WAIT; neither touches CLOSE-WAIT, for which TCP has no timer. The fix is a close() on every path of the code.",
                    "tcp_fin_timeout（{linux_fin_timeout_s} 秒）结束的是另一方的孤儿 FIN-WAIT-2，tcp_tw_reuse 管的是 TIME-WAIT；两者都碰不到 CLOSE-WAIT，TCP 根本没有为它设置计时器。解决办法是在代码的每条路径上都调用 close()。",
                ),
            },
        ],
    },
];
