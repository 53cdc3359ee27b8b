//! SEGMENTS: why an endpoint sent a segment (one entry per kind of segment).
//!
//! How to edit: find the reason (e.g. `SendReason::HandshakeAck`), then the
//! language (`En` or `Zh`), and change the text between the quotes. Keep each
//! field to one or two sentences. `rfc` names the section that specifies the
//! rule; `linux` is `None` when Linux behaves like the textbook, otherwise
//! `Some("...")` saying how it differs. Inside a string write `\"` for a
//! double quote.
//!
//! Be precise: the "ACK flag" (确认标志 ACK) is a bit in the header; the
//! "acknowledgment number" (确认号) is the number of the next byte expected.
//! The third handshake segment has NO SYN flag; a test checks this.
//!
//! A new segment kind in the core makes this file fail to compile until it
//! has text in both languages.

use crate::Explanation;
use crate::Lang::{self, En, Zh};
use tcp_sim::SendReason;

pub(crate) fn explain(reason: SendReason, lang: Lang) -> Explanation {
    match reason {
        SendReason::Syn => match lang {
            En => Explanation {
                title: "SYN: first handshake segment",
                what: "The client's first segment: the SYN flag is set, the sequence number field holds its initial sequence number (ISN), and options offer the MSS.",
                why: "The SYN says \"my byte numbering starts here\"; it uses up one sequence number, so its acknowledgment (ISN + 1) proves it arrived.",
                without: "If every connection started at 0, segments left over from an old connection with the same 4-tuple could be taken for new ones, and a blind attacker could guess the numbers; that is why the ISN is unpredictable.",
                rfc: "RFC 9293 §3.4.1, §3.5",
                linux: Some("Linux's SYN offers MSS 1460, window scale, SACK-permitted and timestamps; the textbook profile offers only the MSS."),
            },
            Zh => Explanation {
                title: "SYN：第一次握手",
                what: "客户端发出的第一个报文段：SYN 标志置 1，序列号字段填的是它的初始序列号（ISN），选项中提出 MSS。",
                why: "SYN 的意思是“我的字节编号从这里开始”；它本身占用一个序列号，所以对它的确认（ISN + 1）能证明它已送达。",
                without: "如果每个连接都从 0 开始编号，同一四元组的旧连接遗留下来的报文段就可能被当成新连接的数据，不在通信路径上的攻击者也能轻易猜中序列号；所以 ISN 必须难以预测。",
                rfc: "RFC 9293 第 3.4.1 节、第 3.5 节",
                linux: Some("Linux 的 SYN 提出 MSS 1460、窗口扩大、允许 SACK 和时间戳；教科书配置只提出 MSS。"),
            },
        },

        SendReason::SynRetransmit => match lang {
            En => Explanation {
                title: "SYN retransmitted",
                what: "No SYN-ACK came back before the retransmission timeout (RTO) expired, so the client sends the same SYN again, with the same ISN.",
                why: "The SYN or its SYN-ACK may have been lost; the textbook starts with an RTO of 1 s and doubles it after each retry (exponential backoff).",
                without: "A single lost SYN would make connect() fail, even on a network that loses only one packet in a thousand.",
                rfc: "RFC 9293 §3.8.1; RFC 6298 §2, §5",
                linux: Some("Since Linux 6.5 the first {linux_tcp_syn_linear_timeouts} timeouts keep the 1 s RTO (tcp_syn_linear_timeouts), so the {linux_syn_retries} retries come at gaps of {linux_syn_intervals} s instead of the textbook's {rfc_syn_intervals} s: an early loss costs only a second. The server's SYN-ACK timer still doubles."),
            },
            Zh => Explanation {
                title: "SYN 重传",
                what: "超时重传时间（RTO）到了还没收到 SYN-ACK，客户端再次发出同一个 SYN，ISN 不变。",
                why: "可能是 SYN 丢了，也可能是 SYN-ACK 丢了；教科书中 RTO 初始为 1 秒，每重试一次翻一倍（指数退避）。",
                without: "哪怕网络一千个包才丢一个，只要 SYN 丢了一次，connect() 就会失败。",
                rfc: "RFC 9293 第 3.8.1 节；RFC 6298 第 2、5 节",
                linux: Some("从 Linux 6.5 起，前 {linux_tcp_syn_linear_timeouts} 次超时保持 1 秒的 RTO 不变（tcp_syn_linear_timeouts），所以 {linux_syn_retries} 次重传的间隔依次为 {linux_syn_intervals} 秒，而不是教科书的 {rfc_syn_intervals} 秒：早期丢包只耽误一秒。服务器的 SYN-ACK 计时器仍然逐次翻倍。"),
            },
        },

        SendReason::SynAck => match lang {
            En => Explanation {
                title: "SYN-ACK: second handshake segment",
                what: "The server's answer to a SYN: the SYN flag carries the server's own ISN, and the ACK flag with acknowledgment number = client ISN + 1 confirms the client's SYN.",
                why: "Two jobs share one segment, acknowledging the client's ISN and announcing the server's; that is why the handshake takes three segments and not four.",
                without: "Without the server's SYN the client would not know where the server's numbering starts; without the ACK it would not know its own SYN arrived.",
                rfc: "RFC 9293 §3.5, §3.10.7.2",
                linux: Some("Linux's SYN-ACK echoes the options the client offered (window scale, SACK-permitted, timestamps) and advertises its own MSS."),
            },
            Zh => Explanation {
                title: "SYN-ACK：第二次握手",
                what: "服务器对 SYN 的回应：SYN 标志带出服务器自己的 ISN，确认标志 ACK 置 1、确认号为客户端 ISN + 1，表示收到了客户端的 SYN。",
                why: "一个报文段同时做两件事：确认客户端的 ISN，宣布服务器的 ISN；所以握手只需三次，而不是四次。",
                without: "缺了服务器的 SYN，客户端不知道服务器从哪里开始编号；缺了 ACK，客户端不知道自己的 SYN 是否送达。",
                rfc: "RFC 9293 第 3.5 节、第 3.10.7.2 节",
                linux: Some("Linux 的 SYN-ACK 会回应客户端提出的选项（窗口扩大、允许 SACK、时间戳），并给出自己的 MSS。"),
            },
        },

        SendReason::SynAckRetransmit => match lang {
            En => Explanation {
                title: "SYN-ACK retransmitted",
                what: "The server's SYN-ACK was not acknowledged before its own timer fired, so the server sends it again.",
                why: "Either the SYN-ACK or the client's third segment was lost; the server, in SYN-RECEIVED, still has an unacknowledged SYN of its own.",
                without: "If the third segment was lost, the server would stay half-open for good while the client believes the connection is open.",
                rfc: "RFC 9293 §3.8.1; RFC 6298",
                linux: Some("Linux retries the SYN-ACK up to 5 times (tcp_synack_retries), the timeout doubling from 1 s."),
            },
            Zh => Explanation {
                title: "SYN-ACK 重传",
                what: "服务器自己的计时器到期了，SYN-ACK 仍未被确认，于是再发一次。",
                why: "丢的可能是 SYN-ACK，也可能是客户端的第三个报文段；处于 SYN-RECEIVED 的服务器手里还有一个没被确认的 SYN。",
                without: "如果丢的是第三个报文段，客户端以为连接已建立，服务器却会一直停在半连接状态。",
                rfc: "RFC 9293 第 3.8.1 节；RFC 6298",
                linux: Some("Linux 最多重传 SYN-ACK 5 次（tcp_synack_retries），超时从 1 秒起逐次翻倍。"),
            },
        },

        SendReason::SynAckToDuplicateSyn => match lang {
            En => Explanation {
                title: "SYN-ACK resent for a repeated SYN",
                what: "The client's SYN arrived again with the same ISN, so the server concludes its SYN-ACK was lost and sends it again at once.",
                why: "A repeated SYN means the client never saw the answer; replying now is faster than waiting for the server's own timer.",
                without: "The client would keep retrying while the server stayed silent until its own timer fired, delaying the connection.",
                rfc: "RFC 9293 §3.10.7.4",
                linux: None,
            },
            Zh => Explanation {
                title: "对重复的 SYN 再发 SYN-ACK",
                what: "服务器又收到了客户端的 SYN，而且 ISN 与上次相同，由此判断自己发出的 SYN-ACK 丢了，于是立即重发 SYN-ACK。",
                why: "重复的 SYN 说明客户端没收到回应；马上回复比等服务器自己的计时器到期要快。",
                without: "客户端一次次重发 SYN，服务器却要等到自己的计时器到期才重发 SYN-ACK，连接的建立就被拖慢了。",
                rfc: "RFC 9293 第 3.10.7.4 节",
                linux: None,
            },
        },

        SendReason::SynAckSimultaneous => match lang {
            En => Explanation {
                title: "SYN-ACK in a simultaneous open",
                what: "This endpoint had sent its own SYN and then received the peer's SYN, so it answers with a SYN-ACK that repeats its SYN and acknowledges the peer's.",
                why: "Each side still needs its own ISN acknowledged; this segment acknowledges the peer and restates this side's ISN.",
                without: "Without an ACK of the peer's SYN, neither side could ever leave SYN-RECEIVED.",
                rfc: "RFC 9293 §3.5 (Figure 7), §3.10.7.3",
                linux: None,
            },
            Zh => Explanation {
                title: "同时打开中的 SYN-ACK",
                what: "本端已发出自己的 SYN，又收到了对方的 SYN，于是回复 SYN-ACK：重申自己的 SYN，并确认对方的 SYN。",
                why: "双方都还需要对方确认自己的 ISN；这个报文段既确认了对方，又重申了本端的 ISN。",
                without: "没有对对方 SYN 的确认，双方都离不开 SYN-RECEIVED。",
                rfc: "RFC 9293 第 3.5 节（图 7）、第 3.10.7.3 节",
                linux: None,
            },
        },

        SendReason::HandshakeAck => match lang {
            En => Explanation {
                title: "ACK: third handshake segment",
                what: "The last handshake segment is a bare ACK with no SYN flag: the ACK flag is set and the acknowledgment number is the server's ISN + 1. Its sequence number is the client's ISN + 1, because the SYN used up one number.",
                why: "It tells the server that its SYN arrived, and that the answer comes from a client that really wants this connection rather than from an old duplicate SYN. Any acceptable ACK does this job (RFC 9293 §3.10.7.4): if this bare ACK is lost, the client's first data segment carries the same acknowledgment number and completes the handshake for the server.",
                without: "Without it the server could not know the client has its ISN, and an old duplicate SYN would leave it holding a connection nobody uses: this is why two segments are not enough.",
                rfc: "RFC 9293 §3.5, §3.10.7.3, §3.10.7.4",
                linux: None,
            },
            Zh => Explanation {
                title: "ACK：第三次握手",
                what: "握手的最后一个报文段是一个纯 ACK，不带 SYN 标志：确认标志 ACK 置 1，确认号为服务器的 ISN + 1。它的序列号是客户端的 ISN + 1，因为 SYN 占用了一个序列号。",
                why: "它告诉服务器：你的 SYN 已经送达，而且回应来自真正想要这个连接的客户端，而不是某个旧的重复 SYN。任何一个可接受的 ACK 都能起这个作用（RFC 9293 第 3.10.7.4 节）：即使这个纯 ACK 丢了，客户端的第一个数据报文段带着同样的确认号，服务器照样能靠它完成握手。",
                without: "没有它，服务器无法知道客户端是否拿到了自己的 ISN，一个旧的重复 SYN 就会让服务器守着一个没人用的连接：这正是两次握手不够的原因。",
                rfc: "RFC 9293 第 3.5 节、第 3.10.7.3 节、第 3.10.7.4 节",
                linux: None,
            },
        },

        SendReason::Data => match lang {
            En => Explanation {
                title: "Data",
                what: "Application data: the sequence number is the number of its first byte, and the ACK flag is set with an acknowledgment number saying which byte this side expects next.",
                why: "Numbering every byte lets the receiver put segments in order, drop duplicates and acknowledge exactly what arrived.",
                without: "Without sequence numbers, lost, duplicated or reordered data could not be detected.",
                rfc: "RFC 9293 §3.4, §3.8",
                linux: None,
            },
            Zh => Explanation {
                title: "数据",
                what: "应用数据：序列号是其中第一个字节的编号；确认标志 ACK 置 1，确认号表示本端期望收到的下一个字节。",
                why: "给每个字节编号，接收方才能把报文段排好顺序、丢弃重复的，并准确确认收到了什么。",
                without: "没有序列号，丢失、重复或乱序的数据都无法察觉。",
                rfc: "RFC 9293 第 3.4 节、第 3.8 节",
                linux: None,
            },
        },

        SendReason::DataRetransmit => match lang {
            En => Explanation {
                title: "Data retransmitted after a timeout",
                what: "No acknowledgment covered this data before the retransmission timeout (RTO) expired, so it is sent again and the RTO doubles.",
                why: "The sender keeps a copy of every byte until it is acknowledged; retransmission is how TCP builds a reliable stream on an unreliable network.",
                without: "Lost data would stay missing, and the receiver would wait forever for the gap to fill.",
                rfc: "RFC 9293 §3.8.1; RFC 6298 §5",
                linux: Some("Linux sets the RTO to the smoothed RTT plus at least 200 ms, whereas RFC 6298 asks for a 1 s minimum, so on a fast network a loss is repaired much sooner."),
            },
            Zh => Explanation {
                title: "数据超时重传",
                what: "超时重传时间（RTO）到了，这段数据还没被确认，于是再发一次，RTO 翻倍。",
                why: "发送方为每个字节保留副本，直到它被确认；TCP 正是靠重传在不可靠的网络上提供可靠的字节流。",
                without: "丢失的数据就真的丢了，接收方会一直等着这个缺口被填上。",
                rfc: "RFC 9293 第 3.8.1 节；RFC 6298 第 5 节",
                linux: Some("Linux 的 RTO 取平滑 RTT 加上至少 200 毫秒，而 RFC 6298 要求最小 1 秒，所以在快速网络上丢包能更早被修复。"),
            },
        },

        SendReason::DataFastRetransmit => match lang {
            En => Explanation {
                title: "Fast retransmit",
                what: "Three duplicate ACKs arrived, all asking for the same byte: the sender resends that segment at once, without waiting for the RTO.",
                why: "Duplicate ACKs show that later segments are getting through, so probably just one is missing; repairing it now saves a whole timeout.",
                without: "Every single loss would cost a full RTO of silence.",
                rfc: "RFC 5681 §3.2",
                linux: None,
            },
            Zh => Explanation {
                title: "快速重传",
                what: "连续收到三个重复 ACK，都在要同一个字节：发送方不等 RTO 到期，立即重发那个报文段。",
                why: "重复 ACK 说明后面的报文段都能到达，很可能只丢了一个；现在就补上，可以省掉一整个超时等待。",
                without: "每丢一个报文段，都要白白等上一个完整的 RTO。",
                rfc: "RFC 5681 第 3.2 节",
                linux: None,
            },
        },

        SendReason::AckNow => match lang {
            En => Explanation {
                title: "Immediate ACK",
                what: "An ACK for received data, sent at once: its acknowledgment number is the next byte this side expects.",
                why: "The textbook receiver acknowledges every segment immediately, which keeps the picture simple and tells the sender quickly what arrived.",
                without: "The sender would not know its data arrived, and would retransmit it after the RTO.",
                rfc: "RFC 9293 §3.8.6.3; RFC 1122 §4.2.3.2",
                linux: Some("Linux acknowledges at once only at the start of a connection (quick-ACK mode) or when data arrives out of order; otherwise it delays its ACKs."),
            },
            Zh => Explanation {
                title: "立即确认",
                what: "对收到的数据立即发出 ACK：确认号是本端期望的下一个字节。",
                why: "教科书中的接收方对每个报文段都立即确认，画面简单，发送方也能尽快知道哪些数据到了。",
                without: "发送方不知道数据是否送达，到 RTO 时就会重传。",
                rfc: "RFC 9293 第 3.8.6.3 节；RFC 1122 第 4.2.3.2 节",
                linux: Some("Linux 只在连接刚开始（快速确认模式）或收到乱序数据时立即确认，其余时候会延迟 ACK。"),
            },
        },

        SendReason::AckDelayed => match lang {
            En => Explanation {
                title: "Delayed ACK",
                what: "An ACK sent when the delayed-ACK timer fired, because no data or FIN came along for it to ride on (piggyback).",
                why: "Waiting a little lets one ACK cover two segments or travel with the reply; RFC 1122 allows at most 500 ms and an ACK for at least every second full-sized segment.",
                without: "Acknowledging every segment at once would add a bare ACK to each request and reply.",
                rfc: "RFC 9293 §3.8.6.3; RFC 1122 §4.2.3.2",
                linux: Some("Linux's delayed-ACK timer is 40 ms to 200 ms, far below the 500 ms ceiling, and it skips the delay (quick-ACK) at the start of a connection."),
            },
            Zh => Explanation {
                title: "延迟确认",
                what: "延迟确认计时器到期时发出的 ACK：等待期间本端没有数据或 FIN 要发，这个确认无从捎带，只好单独发出。",
                why: "稍等一会儿，一个 ACK 就能确认两个报文段，或者随应答数据一起发出；RFC 1122 规定延迟不超过 500 毫秒，且每两个满长度报文段至少确认一次。",
                without: "每个报文段都立即确认，一问一答之间就要多出一个单独的 ACK。",
                rfc: "RFC 9293 第 3.8.6.3 节；RFC 1122 第 4.2.3.2 节",
                linux: Some("Linux 的延迟确认计时器在 40 到 200 毫秒之间，远低于 500 毫秒的上限；连接刚开始时则不延迟（快速确认）。"),
            },
        },

        SendReason::AckDuplicate => match lang {
            En => Explanation {
                title: "ACK for an unusable segment",
                what: "A segment arrived that was a duplicate, out of order or outside the receive window: the endpoint keeps what it can use and answers with an ACK carrying the acknowledgment number it still expects.",
                why: "The ACK tells the sender exactly where the receiver stands; repeated ACKs with the same number (duplicate ACKs) may also signal a gap, when they answer out-of-order segments rather than plain repeats.",
                without: "The sender would learn of a gap only when its timer fired, and a peer that fell out of step could never resynchronize.",
                rfc: "RFC 9293 §3.5.2, §3.10.7.4",
                linux: None,
            },
            Zh => Explanation {
                title: "对无法使用的报文段回 ACK",
                what: "收到的报文段是重复的、乱序的，或落在接收窗口之外：本端留下能用的部分，回一个 ACK，确认号仍是它期望的那个字节。",
                why: "这个 ACK 准确告诉发送方接收方进行到哪里了；若是由乱序报文段引起的，确认号相同的多个 ACK（重复 ACK）还可能表示中间有缺口，而重复的报文段本身并不表示缺口。",
                without: "发送方要等到自己的计时器到期才知道有缺口，失去同步的对方也永远无法重新对齐。",
                rfc: "RFC 9293 第 3.5.2 节、第 3.10.7.4 节",
                linux: None,
            },
        },

        SendReason::AckOfFin => match lang {
            En => Explanation {
                title: "ACK of the peer's FIN",
                what: "An ACK for the peer's FIN, sent at once: its acknowledgment number is the FIN's sequence number + 1, because a FIN uses up one sequence number.",
                why: "It tells the side that sent the FIN that it arrived, so that side stops retransmitting it. Most often this is the last ACK of the close, and the passive closer goes from LAST-ACK to CLOSED; the ACK of the first FIN moves the active closer from FIN-WAIT-1 to FIN-WAIT-2, and in a simultaneous close it moves a side from CLOSING to TIME-WAIT.",
                without: "The peer would keep resending its FIN and could not finish closing.",
                rfc: "RFC 9293 §3.6, §3.10.7.4",
                linux: Some("In CLOSE-WAIT Linux delays this ACK, so it usually rides on its own FIN and the close shows three segments (FIN, FIN+ACK, ACK) instead of four."),
            },
            Zh => Explanation {
                title: "确认对方的 FIN",
                what: "对对方 FIN 立即发出的 ACK：确认号是该 FIN 的序列号 + 1，因为 FIN 占用一个序列号。",
                why: "它告诉发出 FIN 的一方：FIN 已经送达，不必再重传。最常见的是挥手的最后一个 ACK，被动关闭方收到后从 LAST-ACK 进入 CLOSED；对第一个 FIN 的确认使主动关闭方从 FIN-WAIT-1 进入 FIN-WAIT-2；同时关闭时，它使对方从 CLOSING 进入 TIME-WAIT。",
                without: "对方会不停重发 FIN，关闭过程无法完成。",
                rfc: "RFC 9293 第 3.6 节、第 3.10.7.4 节",
                linux: Some("在 CLOSE-WAIT 中 Linux 会延迟这个 ACK，它通常捎带在本端的 FIN 上一起发出，于是挥手显示为三个报文段（FIN、FIN+ACK、ACK）而不是四个。"),
            },
        },

        SendReason::ChallengeAck => match lang {
            En => Explanation {
                title: "Challenge ACK",
                what: "A segment with SYN set (for example a late duplicate SYN-ACK), or a RST whose sequence number is in the window but not exactly at RCV.NXT, reached a synchronized connection: instead of resetting, the endpoint answers with an ACK carrying its current sequence and acknowledgment numbers.",
                why: "A peer that really restarted will answer with a RST carrying exactly that number; a blind attacker who only guessed a number in the window never sees the challenge.",
                without: "Under the RFC 793 rule, one forged SYN or RST with any in-window sequence number could tear down the connection.",
                rfc: "RFC 5961 §3.2, §4.2; RFC 9293 §3.10.7.4",
                linux: Some("Linux sends challenge ACKs instead of resetting; the textbook profile applies the older RFC 793 rule and resets. Linux can also rate-limit challenge ACKs (net.ipv4.tcp_challenge_ack_limit), but the lab does not model any limit: on the reference machine that setting was 2^31−1, in effect no limit."),
            },
            Zh => Explanation {
                title: "挑战 ACK",
                what: "已同步的连接收到了带 SYN 的报文段（例如一个迟到的重复 SYN-ACK），或者收到一个序列号落在窗口内、但不恰好等于 RCV.NXT 的 RST：端点不复位，而是回一个 ACK，写明自己当前的序列号和确认号。",
                why: "真正重启过的对方会用一个序列号恰好匹配的 RST 来回应；只是盲猜了窗口内某个序列号的攻击者根本看不到这个挑战。",
                without: "按 RFC 793 的规则，只要伪造一个序列号落在窗口内的 SYN 或 RST，就能拆掉连接。",
                rfc: "RFC 5961 第 3.2 节、第 4.2 节；RFC 9293 第 3.10.7.4 节",
                linux: Some("Linux 用挑战 ACK 代替复位；教科书配置则沿用旧的 RFC 793 规则，直接复位。Linux 还可以对挑战 ACK 限速（net.ipv4.tcp_challenge_ack_limit），但本实验没有模拟这一限制：参考机器上该参数为 2^31−1，实际上等于不限速。"),
            },
        },

        SendReason::TimeWaitAck => match lang {
            En => Explanation {
                title: "TIME-WAIT re-acknowledges a repeated FIN",
                what: "In TIME-WAIT the peer's FIN arrived again, so the last ACK must have been lost: the endpoint acknowledges the FIN once more and restarts its TIME-WAIT timer.",
                why: "This is the first reason TIME-WAIT exists: to be still around to re-acknowledge a repeated FIN, so that the peer can close cleanly.",
                without: "Had the endpoint already closed, the repeated FIN would be answered with RST, and the peer's application would see an error instead of a clean close.",
                rfc: "RFC 9293 §3.10.7.4",
                linux: None,
            },
            Zh => Explanation {
                title: "TIME-WAIT 再次确认重发的 FIN",
                what: "在 TIME-WAIT 中又收到了对方的 FIN，说明最后那个 ACK 丢了：本端再确认一次这个 FIN，并重新开始 TIME-WAIT 计时。",
                why: "这正是 TIME-WAIT 存在的第一个理由：留在原地，好再次确认对方重发的 FIN，让对方能正常关闭。",
                without: "如果本端已经关闭，重发的 FIN 会被回以 RST，对方的应用看到的就是一个错误，而不是正常关闭。",
                rfc: "RFC 9293 第 3.10.7.4 节",
                linux: None,
            },
        },

        SendReason::PawsAck => match lang {
            En => Explanation {
                title: "ACK for an old segment (PAWS)",
                what: "A segment arrived with a timestamp older than the latest one seen: PAWS (Protection Against Wrapped Sequences) treats it as an old duplicate, drops it and sends an ACK.",
                why: "On fast links sequence numbers can wrap around within one MSL; timestamps tell an old segment from a new one with the same sequence number.",
                without: "An old duplicate whose sequence number happens to fit again could be accepted as new data.",
                rfc: "RFC 7323 §5",
                linux: Some("Only the linux profile uses timestamps, so only it performs PAWS; the textbook profile has no timestamps."),
            },
            Zh => Explanation {
                title: "对旧报文段回 ACK（PAWS）",
                what: "收到的报文段时间戳比已见过的最新时间戳还旧：PAWS（防止序列号回绕）把它当作旧的重复报文段丢弃，并回一个 ACK。",
                why: "在高速链路上，序列号可能在一个 MSL 内就绕回一圈；时间戳能区分序列号相同的新旧报文段。",
                without: "一个序列号恰好又落入窗口的旧的重复报文段，可能被当作新数据接收。",
                rfc: "RFC 7323 第 5 节",
                linux: Some("只有 linux 配置使用时间戳，所以只有它执行 PAWS；教科书配置不带时间戳。"),
            },
        },

        SendReason::Fin => match lang {
            En => Explanation {
                title: "FIN: this side is done sending",
                what: "The application closed or shut down its sending side: the FIN flag says \"no more data from me\". It also has the ACK flag set, and uses up one sequence number.",
                why: "Each direction is closed on its own, so each side sends its own FIN and needs it acknowledged: four segments when each ACK travels separately.",
                without: "Without a FIN the receiver could not tell the end of the stream from a pause, and would never see end-of-file.",
                rfc: "RFC 9293 §3.6, §3.10.4",
                linux: Some("When the ACK of the peer's FIN is still being delayed, Linux sends it on this FIN, so the close takes three segments (FIN, FIN+ACK, ACK)."),
            },
            Zh => Explanation {
                title: "FIN：本端数据已发完",
                what: "应用关闭了连接或关闭了发送方向：FIN 标志表示“我不会再发数据了”。它同时带着确认标志 ACK，并占用一个序列号。",
                why: "两个方向各自关闭，所以双方各发一个 FIN，并各自需要对方确认：ACK 单独发送时就是四次挥手。",
                without: "没有 FIN，接收方分不清数据流是结束了还是暂停了，永远读不到文件结束（EOF）。",
                rfc: "RFC 9293 第 3.6 节、第 3.10.4 节",
                linux: Some("如果对方 FIN 的确认还在延迟中，Linux 就把它放在这个 FIN 上一起发出，挥手只需三个报文段（FIN、FIN+ACK、ACK）。"),
            },
        },

        SendReason::FinRetransmit => match lang {
            En => Explanation {
                title: "FIN retransmitted",
                what: "The FIN was not acknowledged before the RTO expired, so it is sent again.",
                why: "A FIN is treated like data: it has a sequence number and is retransmitted until it is acknowledged.",
                without: "A lost FIN would leave the peer waiting for more data forever, and this side stuck in FIN-WAIT-1 or LAST-ACK.",
                rfc: "RFC 9293 §3.6, §3.8.1; RFC 6298",
                linux: Some("Linux's RTO has a 200 ms floor, and a tail loss probe fires about as early, so a lost FIN is repeated after roughly 200 ms instead of the textbook's 1 s."),
            },
            Zh => Explanation {
                title: "FIN 重传",
                what: "RTO 到期时 FIN 还没被确认，于是再发一次。",
                why: "FIN 和数据一样对待：它有序列号，在被确认之前会一直重传。",
                without: "FIN 一旦丢失，对方会永远等待更多数据，本端也会卡在 FIN-WAIT-1 或 LAST-ACK。",
                rfc: "RFC 9293 第 3.6 节、第 3.8.1 节；RFC 6298",
                linux: Some("Linux 的 RTO 下限是 200 毫秒，尾部丢失探测（TLP）也差不多同时触发，所以丢失的 FIN 大约 200 毫秒后就会重发，而教科书要等 1 秒。"),
            },
        },

        SendReason::RstNoListener => match lang {
            En => Explanation {
                title: "RST: nobody listens on this port",
                what: "A SYN arrived at a port where no application listens: the host answers with a RST whose acknowledgment number covers the SYN.",
                why: "Acknowledging the SYN lets the client see that the RST answers its own attempt, so it can report \"connection refused\" at once.",
                without: "The client would keep retransmitting its SYN and fail only when its retries ran out: {linux_syn_give_up_s} s later on Linux.",
                rfc: "RFC 9293 §3.5.2, §3.10.7.1",
                linux: None,
            },
            Zh => Explanation {
                title: "RST：该端口无人监听",
                what: "SYN 到达了一个没有程序监听的端口：主机回一个 RST，其确认号覆盖了这个 SYN。",
                why: "确认这个 SYN，客户端才能看出这个 RST 回应的正是自己的尝试，从而立即报告“连接被拒绝”。",
                without: "客户端会不停重传 SYN，直到重试用完才失败：在 Linux 上要等 {linux_syn_give_up_s} 秒。",
                rfc: "RFC 9293 第 3.5.2 节、第 3.10.7.1 节",
                linux: None,
            },
        },

        SendReason::RstNoConnection => match lang {
            En => Explanation {
                title: "RST: no such connection",
                what: "A segment arrived for a connection that no longer exists here (for example, one whose TIME-WAIT has ended): the host answers with RST.",
                why: "It tells the peer that this side has forgotten the connection, so the peer can stop sending.",
                without: "The peer would keep retransmitting into a dead connection until it reached its retry limit.",
                rfc: "RFC 9293 §3.5.2, §3.10.7.1",
                linux: None,
            },
            Zh => Explanation {
                title: "RST：连接不存在",
                what: "到达的报文段属于一个在本端已不存在的连接（比如 TIME-WAIT 已经结束）：主机回以 RST。",
                why: "它告诉对方本端已经忘掉了这个连接，对方可以停止发送。",
                without: "对方会一直向一个死掉的连接重传，直到达到重试上限。",
                rfc: "RFC 9293 第 3.5.2 节、第 3.10.7.1 节",
                linux: None,
            },
        },

        SendReason::RstBadAck => match lang {
            En => Explanation {
                title: "RST: acknowledgment of something never sent",
                what: "An endpoint in SYN-SENT or SYN-RECEIVED got an acknowledgment number for data it never sent, for example a SYN-ACK answering an old SYN: it replies with RST, using that acknowledgment number as the RST's sequence number.",
                why: "This is the step that protects the handshake from old duplicate SYNs: the client tells the server that this half-open connection is not wanted.",
                without: "The server would hold a connection opened by a stale SYN, waiting for data that never comes.",
                rfc: "RFC 9293 §3.5 (Figure 8), §3.5.2",
                linux: None,
            },
            Zh => Explanation {
                title: "RST：确认了从未发送的内容",
                what: "处于 SYN-SENT 或 SYN-RECEIVED 的端点收到的确认号对应的是它从未发送过的内容，例如一个回应旧 SYN 的 SYN-ACK：它回一个 RST，并把那个确认号用作 RST 的序列号。",
                why: "正是这一步让握手不受旧的重复 SYN 干扰：客户端告诉服务器，这个半连接没人要。",
                without: "服务器会守着一个由过期 SYN 建立的连接，等待永远不会到来的数据。",
                rfc: "RFC 9293 第 3.5 节（图 8）、第 3.5.2 节",
                linux: None,
            },
        },

        SendReason::RstAbort => match lang {
            En => Explanation {
                title: "RST: connection aborted",
                what: "The application aborted (close() with SO_LINGER set to 0 s), or closed while received data was still unread: the endpoint sends RST instead of FIN and drops the connection at once, with no TIME-WAIT.",
                why: "A RST tells the peer plainly that data was thrown away; a FIN would suggest that everything had been read.",
                without: "The peer could believe its data had been processed when it had in fact been discarded.",
                rfc: "RFC 9293 §3.10.5; RFC 2525 §2.17",
                linux: Some("Linux does this whenever close() finds unread data (RFC 2525 §2.17); the textbook profile only aborts when the application asks."),
            },
            Zh => Explanation {
                title: "RST：中止连接",
                what: "应用中止了连接（把 SO_LINGER 设为 0 秒后调用 close()），或在还有未读数据时关闭：端点发出 RST 而不是 FIN，立即丢弃连接，也不经过 TIME-WAIT。",
                why: "RST 明确告诉对方有数据被丢掉了；发 FIN 则会让对方以为所有数据都已读取。",
                without: "对方可能以为自己的数据已被处理，实际上却被丢弃了。",
                rfc: "RFC 9293 第 3.10.5 节；RFC 2525 第 2.17 节",
                linux: Some("只要 close() 时还有未读数据，Linux 就这样做（RFC 2525 第 2.17 节）；教科书配置只在应用明确要求时才中止。"),
            },
        },

        SendReason::KeepaliveProbe => match lang {
            En => Explanation {
                title: "Keepalive probe",
                what: "The connection has been idle for the keepalive time, so the endpoint sends a probe: no data, and a sequence number one below SND.UNA, which the peer has already received.",
                why: "An old sequence number obliges the peer to answer with an ACK of what it expects (a pure ACK), so any answer proves it is still there; a RST says it has forgotten the connection.",
                without: "Without probes an idle connection never learns that its peer crashed or became unreachable: it stays half-open.",
                rfc: "RFC 1122 §4.2.3.6",
                linux: Some("Linux sends it after tcp_keepalive_time ({linux_keepalive_time_s} s) of silence and repeats it every tcp_keepalive_intvl ({linux_keepalive_intvl_s} s), only when SO_KEEPALIVE is set; RFC 1122 allows one garbage byte in the probe, Linux sends none."),
            },
            Zh => Explanation {
                title: "保活探测",
                what: "连接空闲的时间达到了保活时间，端点发出一个探测报文段：不带数据，序列号比 SND.UNA 小 1，也就是对方早已收到过的位置。",
                why: "旧的序列号迫使对方回一个确认它所期望序列号的纯 ACK，只要有回应就证明对方还在；回来的若是 RST，说明对方已经忘了这个连接。",
                without: "没有探测，空闲的连接永远不会知道对方已经崩溃或不可达，只能一直处于半开状态。",
                rfc: "RFC 1122 第 4.2.3.6 节",
                linux: Some("只有设置了 SO_KEEPALIVE，Linux 才会在连接空闲 tcp_keepalive_time（{linux_keepalive_time_s} 秒）后发出探测，之后每隔 tcp_keepalive_intvl（{linux_keepalive_intvl_s} 秒）重复一次；RFC 1122 允许探测里带一个无用字节，Linux 不带。"),
            },
        },

        SendReason::RstKeepaliveTimeout => match lang {
            En => Explanation {
                title: "RST: keepalive gave up",
                what: "Every keepalive probe went unanswered, so the endpoint drops the connection and sends a RST on its way out.",
                why: "If the peer is alive after all and only its answers were lost, the RST tells it the connection is gone, instead of leaving it half-open on that side.",
                without: "A peer that had only lost contact for a while would keep a connection the other side has already dropped.",
                rfc: "RFC 1122 §4.2.3.6; RFC 9293 §3.10.7",
                linux: Some("Linux's tcp_keepalive_timer calls tcp_send_active_reset before reporting the timeout; RFC 1122 does not ask for this RST, and the textbook profile does not send it."),
            },
            Zh => Explanation {
                title: "RST：保活放弃",
                what: "所有保活探测都没有得到回应，端点丢弃连接，离开前发出一个 RST。",
                why: "万一对方其实还活着、只是回应丢了，这个 RST 会告诉它连接已经不存在，免得它那一侧成为半开连接。",
                without: "只是暂时失联的对方会一直保留着一个这边早已丢弃的连接。",
                rfc: "RFC 1122 第 4.2.3.6 节；RFC 9293 第 3.10.7 节",
                linux: Some("Linux 的 tcp_keepalive_timer 在报告超时之前会调用 tcp_send_active_reset；RFC 1122 并未要求发这个 RST，教科书配置也不发。"),
            },
        },

        SendReason::RstSynInWindow => match lang {
            En => Explanation {
                title: "RST for a SYN inside the window",
                what: "A SYN arrived inside the window of a synchronized connection; under the RFC 793 rule the endpoint answers with RST and aborts.",
                why: "The rule assumes the peer crashed and is reconnecting, so the stale connection should be cleared.",
                without: "The danger runs the other way: a forged SYN with a guessed in-window sequence number is enough to kill a healthy connection.",
                rfc: "RFC 9293 §3.10.7.4",
                linux: Some("Linux does not do this: it sends a challenge ACK (RFC 5961 §4) and the connection survives."),
            },
            Zh => Explanation {
                title: "对窗口内的 SYN 回 RST",
                what: "已同步的连接在窗口内收到了 SYN；按 RFC 793 的规则，端点回以 RST 并中止连接。",
                why: "这条规则假定对方崩溃后正在重连，因此应当清理掉过时的连接。",
                without: "风险在另一面：伪造一个序列号猜中窗口的 SYN，就足以掐断一个正常的连接。",
                rfc: "RFC 9293 第 3.10.7.4 节",
                linux: Some("Linux 不这样做：它回一个挑战 ACK（RFC 5961 第 4 节），连接得以保留。"),
            },
        },

        SendReason::OldDuplicate => match lang {
            En => Explanation {
                title: "Old duplicate from an earlier connection",
                what: "Neither endpoint sent this segment now: it is an old duplicate from an earlier connection between the same addresses and ports, delayed in the network and arriving late.",
                why: "Networks may delay and duplicate packets for up to MSL; the scenario injects one to show how the handshake and TIME-WAIT keep it out of a new connection.",
                without: "If TCP trusted every segment that looked right, such a ghost could open a connection nobody asked for or slip stale data into a new one.",
                rfc: "RFC 9293 §3.4.1, §3.5 (Figure 8)",
                linux: None,
            },
            Zh => Explanation {
                title: "来自旧连接的重复报文段",
                what: "这个报文段并不是任何一端现在发出的：它是同一对地址和端口之间一个旧连接的重复报文段，在网络中滞留后才姗姗来迟。",
                why: "网络可能把报文段延迟、复制，最长达 MSL；场景特意注入一个，演示三次握手和 TIME-WAIT 如何把它挡在新连接之外。",
                without: "如果 TCP 轻信每个看起来正常的报文段，这种“幽灵”就可能建立一个没人要的连接，或把过期数据塞进新连接。",
                rfc: "RFC 9293 第 3.4.1 节、第 3.5 节（图 8）",
                linux: None,
            },
        },
        SendReason::FloodSyn => match lang {
            En => Explanation {
                title: "Flood SYN from a spoofed address",
                what: "An attacker sends SYNs with forged source addresses at a high rate. Each one asks the server to open a connection, but no host at that address will ever answer the SYN-ACK.",
                why: "A SYN costs the sender one small packet, while a listener that keeps a request for each SYN spends memory and a queue place on it until the SYN-ACK retries run out.",
                without: "This is the attack, not a rule: it shows why a listener's SYN queue must be bounded and why SYN cookies exist.",
                rfc: "RFC 4987 §2",
                linux: None,
            },
            Zh => Explanation {
                title: "来自伪造地址的洪泛 SYN",
                what: "攻击者以很高的速率发送伪造源地址的 SYN。每个 SYN 都请求服务器建立连接，但那个地址上没有任何主机会回应 SYN-ACK。",
                why: "发送方发一个 SYN 只需一个小包，而为每个 SYN 保存请求的监听者却要为它占用内存和一个队列位置，直到 SYN-ACK 重试用尽。",
                without: "这是攻击而不是规则：它说明监听者的 SYN 队列为什么必须有上限，以及 SYN cookie 为什么存在。",
                rfc: "RFC 4987 第 2 节",
                linux: None,
            },
        },

        SendReason::SynAckCookie => match lang {
            En => Explanation {
                title: "SYN-ACK carrying a SYN cookie",
                what: "The SYN queue was full, so the listener keeps nothing for this SYN. It encodes what it must remember (the four-tuple, a minute counter and the MSS) into its initial sequence number and sends a normal-looking SYN-ACK.",
                why: "A real client acknowledges it with acknowledgment number cookie + 1, so the listener can check the cookie and rebuild the request from the ACK alone; a spoofed flood source never answers and costs the server no memory.",
                without: "With a full SYN queue and no cookies, the listener must drop new SYNs, and a flood shuts legitimate clients out.",
                rfc: "RFC 4987 §3.6",
                linux: Some("Linux sends cookies when the SYN queue overflows (tcp_syncookies=1). Only four MSS values fit in the cookie (536, 1300, 1440, 1460), so the MSS is rounded down; window scale and SACK survive only in the timestamp, and without timestamps they are lost."),
            },
            Zh => Explanation {
                title: "携带 SYN cookie 的 SYN-ACK",
                what: "SYN 队列已满，监听者不为这个 SYN 保存任何状态。它把需要记住的内容（四元组、分钟计数器和 MSS）编码进自己的初始序列号，然后发出一个看起来普通的 SYN-ACK。",
                why: "真正的客户端会回以确认号 = cookie + 1，监听者凭这个 ACK 就能校验 cookie 并重建请求；伪造地址的洪泛源永远不会回应，也就不占服务器的内存。",
                without: "SYN 队列满了又没有 cookie，监听者只能丢弃新的 SYN，洪泛就把正常客户端挡在门外。",
                rfc: "RFC 4987 第 3.6 节",
                linux: Some("Linux 在 SYN 队列溢出时发送 cookie（tcp_syncookies=1）。cookie 里只放得下四种 MSS（536、1300、1440、1460），所以 MSS 会向下取整；窗口扩大和 SACK 只能藏在时间戳里，没有时间戳就会丢失。"),
            },
        },

        SendReason::RstListenOverflow => match lang {
            En => Explanation {
                title: "RST: the accept queue is full",
                what: "The third handshake segment arrived, but the accept queue already holds as many completed connections as the backlog allows. With tcp_abort_on_overflow set, the server drops the request and tells the client with a RST.",
                why: "The client learns at once that the server is overloaded, instead of believing it is connected while the server ignores it.",
                without: "With the setting off (the default), the ACK is silently dropped and the server retries its SYN-ACK later, which often rides out a short burst.",
                rfc: "RFC 9293 §3.10.7.2; Linux tcp_abort_on_overflow",
                linux: Some("Linux's default is tcp_abort_on_overflow=0: the ACK is dropped and the request stays in the SYN queue."),
            },
            Zh => Explanation {
                title: "RST：全连接队列已满",
                what: "第三次握手的报文段到了，但全连接队列里已完成的连接已达到 backlog 允许的数量。开启 tcp_abort_on_overflow 时，服务器丢弃这个请求，并用 RST 通知客户端。",
                why: "客户端立刻知道服务器过载了，而不是自以为已经连上、服务器却不理它。",
                without: "关闭这个设置（默认）时，这个 ACK 被悄悄丢弃，服务器稍后重传 SYN-ACK，短暂的突发流量往往就这样挺过去了。",
                rfc: "RFC 9293 第 3.10.7.2 节；Linux tcp_abort_on_overflow",
                linux: Some("Linux 默认 tcp_abort_on_overflow=0：ACK 被丢弃，请求留在 SYN 队列里。"),
            },
        },

        SendReason::AckOldSynInTimeWait => match lang {
            En => Explanation {
                title: "ACK to a SYN in TIME-WAIT",
                what: "A SYN arrived for the four-tuple of a connection in TIME-WAIT, but it is not newer than that connection: its sequence number is not above RCV.NXT (or its timestamp not above the last one). The endpoint answers with an ACK of the old connection and stays in TIME-WAIT.",
                why: "Such a SYN may be an old duplicate from the previous incarnation; only a SYN that is clearly newer may end TIME-WAIT early.",
                without: "An old SYN could end TIME-WAIT and open a new connection into which the old connection's late segments would then fall.",
                rfc: "RFC 6191; RFC 9293 §3.10.7.4",
                linux: Some("Linux's tcp_timewait_state_process applies the same rule and answers with TCP_TW_ACK."),
            },
            Zh => Explanation {
                title: "TIME-WAIT 中对 SYN 回 ACK",
                what: "一个 SYN 到达了处于 TIME-WAIT 的连接所属的四元组，但它并不比那个连接新：序列号不大于 RCV.NXT（或时间戳不大于上一次的）。端点回以旧连接的 ACK，继续留在 TIME-WAIT。",
                why: "这样的 SYN 可能是上一个连接遗留的旧的重复报文段；只有明显更新的 SYN 才能提前结束 TIME-WAIT。",
                without: "旧 SYN 会提前结束 TIME-WAIT 并建立新连接，旧连接迟到的报文段就会混进这个新连接。",
                rfc: "RFC 6191；RFC 9293 第 3.10.7.4 节",
                linux: Some("Linux 的 tcp_timewait_state_process 采用同样的规则，回复 TCP_TW_ACK。"),
            },
        },
    }
}
