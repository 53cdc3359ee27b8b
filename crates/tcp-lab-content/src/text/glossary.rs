//! GLOSSARY: every term the lab uses, the English term beside the Chinese one.
//!
//! How to edit: each entry has four strings, `term_en`, `term_zh`,
//! `definition_en` and `definition_zh`; change the text between the quotes.
//! To add a term, copy a whole `GlossaryEntry { ... },` block. Entries are
//! shown in this order, grouped by topic. Chinese learners need the English
//! names to read RFCs and Wireshark, so `term_zh` keeps the English
//! abbreviation where Chinese texts do (e.g. "确认标志 ACK").
//!
//! Tests check that every field is filled in, that every Chinese field
//! contains Chinese, and that no term appears twice.

use crate::GlossaryEntry;

pub(crate) static ENTRIES: &[GlossaryEntry] = &[
    // ---- Protocols and addressing ----
    GlossaryEntry {
        term_en: "TCP (Transmission Control Protocol)",
        term_zh: "TCP（传输控制协议）",
        definition_en: "A connection-oriented transport protocol that gives applications a reliable, ordered byte stream in both directions, using sequence numbers, acknowledgments and retransmission. Specified by RFC 9293.",
        definition_zh: "面向连接的传输层协议，利用序列号、确认和重传，为应用提供双向、可靠、有序的字节流。规范见 RFC 9293。",
    },
    GlossaryEntry {
        term_en: "UDP (User Datagram Protocol)",
        term_zh: "UDP（用户数据报协议）",
        definition_en: "A connectionless transport protocol: no handshake, no acknowledgments, no retransmission, so datagrams may be lost, duplicated or reordered. The difference from TCP is reliability and ordering; neither protocol encrypts anything.",
        definition_zh: "无连接的传输层协议：没有握手、没有确认、没有重传，数据报可能丢失、重复或乱序。它和 TCP 的区别在于可靠性和有序性；两者都不对数据加密。",
    },
    GlossaryEntry {
        term_en: "segment",
        term_zh: "报文段",
        definition_en: "The unit TCP sends: a TCP header (ports, sequence number, acknowledgment number, flags, window, options) followed by zero or more bytes of data.",
        definition_zh: "TCP 发送的基本单位：一个 TCP 首部（端口、序列号、确认号、标志位、窗口、选项），后面跟着零个或多个字节的数据。",
    },
    GlossaryEntry {
        term_en: "port",
        term_zh: "端口",
        definition_en: "A 16-bit number that tells apart the applications on one host; a server listens on a well-known port (e.g. 443), a client usually gets a temporary one.",
        definition_zh: "一个 16 位的数字，用来区分同一台主机上的不同应用；服务器在知名端口（如 443）上监听，客户端通常使用临时分配的端口。",
    },
    GlossaryEntry {
        term_en: "4-tuple (socket pair)",
        term_zh: "四元组（套接字对）",
        definition_en: "The four values that identify one TCP connection: local IP address, local port, remote IP address, remote port. Together they are the pair of sockets at the connection's two ends: a pair of sockets uniquely identifies a connection (RFC 793 §2.7). Two connections at the same time can never share all four.",
        definition_zh: "标识一个 TCP 连接的四个值：本端 IP 地址、本端端口、对端 IP 地址、对端端口，合起来就是连接两端的一对套接字。一对套接字唯一地确定一个 TCP 连接（RFC 793 第 2.7 节）。同时存在的两个连接不可能四个值完全相同。",
    },
    GlossaryEntry {
        term_en: "socket",
        term_zh: "套接字（socket）",
        definition_en: "An IP address together with a port number, naming one end of a TCP connection (RFC 793 §2.7). A connection is identified by the pair of sockets at its two ends, the 4-tuple, not by one socket. Operating systems also call the application's handle on an endpoint a socket: a listening socket accepts connections, a connected socket is one end of one connection.",
        definition_zh: "套接字 socket =（IP 地址 : 端口号），即 IP 地址拼上端口号，表示 TCP 连接的一个端点（RFC 793 第 2.7 节）。标识一个连接的是它两端的一对套接字，即四元组（套接字对），而不是单个套接字。操作系统也把应用操作端点的句柄叫作套接字：监听套接字用来接受连接，已连接的套接字是某一个连接的一端。",
    },
    GlossaryEntry {
        term_en: "full duplex",
        term_zh: "全双工",
        definition_en: "Data can flow in both directions at once, and each direction is opened and closed on its own. This is why closing takes a FIN from each side.",
        definition_zh: "数据可以同时双向流动，每个方向各自打开、各自关闭。正因如此，关闭时双方都要各发一个 FIN。",
    },
    // ---- Header fields and flags ----
    GlossaryEntry {
        term_en: "sequence number",
        term_zh: "序列号",
        definition_en: "The 32-bit header field numbering the first byte of data in a segment. SYN and FIN each use up one sequence number too, so they can be acknowledged.",
        definition_zh: "首部中 32 位的字段，表示该报文段第一个数据字节的编号。SYN 和 FIN 也各占用一个序列号，所以它们也能被确认。",
    },
    GlossaryEntry {
        term_en: "ISN (initial sequence number)",
        term_zh: "初始序列号（ISN）",
        definition_en: "The sequence number an endpoint puts on its SYN, where its byte numbering starts. Each side picks its own, unpredictably, so segments of an old connection do not fit a new one and blind attackers cannot guess it.",
        definition_zh: "端点放在自己 SYN 上的序列号，即它字节编号的起点。双方各选各的，且难以预测，这样旧连接的报文段对不上新连接，不在通信路径上的攻击者也猜不中。",
    },
    GlossaryEntry {
        term_en: "acknowledgment number",
        term_zh: "确认号",
        definition_en: "The 32-bit header field giving the next sequence number the sender expects to receive; it confirms everything before it. Valid only when the ACK flag is set. Not the same thing as the ACK flag.",
        definition_zh: "首部中 32 位的字段，表示发送方期望收到的下一个序列号，也就是确认了它之前的所有内容。只有确认标志 ACK 置 1 时才有效。它和确认标志 ACK 不是一回事。",
    },
    GlossaryEntry {
        term_en: "ACK flag",
        term_zh: "确认标志 ACK",
        definition_en: "A one-bit flag in the header saying that the acknowledgment number field is valid. Once a connection is synchronized nearly every segment has it set, but not every segment after the first SYN: the SYNs of a simultaneous open carry no ACK, and a RST answering a segment that had the ACK flag has none either (a RST answering a segment without it does carry ACK). The number itself is in the acknowledgment number field.",
        definition_zh: "首部中的一个标志位，表示确认号字段有效。连接同步之后，几乎每个报文段都把它置 1，但并不是最初的 SYN 之后的每个报文段都如此：同时打开时双方发出的 SYN 都不带 ACK；回应一个带 ACK 的报文段的 RST 也不带 ACK（而回应不带 ACK 的报文段的 RST 则要带 ACK）。具体确认到哪里，要看确认号字段。",
    },
    GlossaryEntry {
        term_en: "SYN",
        term_zh: "SYN（同步标志）",
        definition_en: "The synchronize flag: \"my sequence numbers start at this ISN\". Set only on the first segment from each side (SYN and SYN-ACK), never on the third handshake segment. A SYN usually carries no data, though it may (TCP Fast Open, RFC 7413).",
        definition_zh: "同步标志，意思是“我的序列号从这个 ISN 开始”。只出现在双方各自的第一个报文段（SYN 和 SYN-ACK）上，第三次握手的报文段不带 SYN。SYN 通常不携带数据，但规范并不禁止（如 TCP Fast Open，RFC 7413）。",
    },
    GlossaryEntry {
        term_en: "SYN-ACK",
        term_zh: "SYN-ACK（同步确认报文段）",
        definition_en: "A segment with both the SYN and the ACK flags set: the second handshake segment, announcing the server's ISN and acknowledging the client's.",
        definition_zh: "同时带 SYN 和确认标志 ACK 的报文段，即第二次握手：宣布服务器的 ISN，并确认客户端的 ISN。",
    },
    GlossaryEntry {
        term_en: "FIN",
        term_zh: "FIN（结束标志）",
        definition_en: "The finish flag: \"I will send no more data\". It closes one direction only and uses up one sequence number.",
        definition_zh: "结束标志，意思是“我不会再发送数据了”。它只关闭一个方向，并占用一个序列号。",
    },
    GlossaryEntry {
        term_en: "RST",
        term_zh: "RST（复位标志）",
        definition_en: "The reset flag: the connection does not exist or is aborted. It is never acknowledged; the receiver checks its sequence number and drops the connection.",
        definition_zh: "复位标志，表示连接不存在或已被中止。RST 从不被确认；接收方检查其序列号后直接丢弃连接。",
    },
    GlossaryEntry {
        term_en: "PSH",
        term_zh: "PSH（推送标志）",
        definition_en: "The push flag: deliver this data to the application without waiting for more. Data segments in captures often show it, as \"PA\" (PSH + ACK).",
        definition_zh: "推送标志，表示尽快把这些数据交给应用，不必等待更多数据。抓包中的数据报文段常带有它，显示为“PA”（PSH + ACK）。",
    },
    GlossaryEntry {
        term_en: "window",
        term_zh: "窗口（接收窗口）",
        definition_en: "The header field telling the peer how many more bytes, beyond the acknowledgment number, this side can accept now. Segments outside the window are not acceptable.",
        definition_zh: "首部字段，告诉对方从确认号起本端还能接收多少字节。落在窗口之外的报文段不会被接受。",
    },
    // ---- Options negotiated in the handshake ----
    GlossaryEntry {
        term_en: "MSS (maximum segment size)",
        term_zh: "最大报文段长度（MSS）",
        definition_en: "An option on the SYN announcing the largest data payload this side can receive in one segment, typically 1460 bytes on Ethernet.",
        definition_zh: "SYN 上的一个选项，告知本端在一个报文段中最多能接收多少字节数据，以太网上通常是 1460 字节。",
    },
    GlossaryEntry {
        term_en: "window scale",
        term_zh: "窗口扩大选项",
        definition_en: "An RFC 7323 option on the SYN giving a shift count for the window field, so windows can exceed 65535 bytes. It is used only if both SYNs carry it.",
        definition_zh: "RFC 7323 定义的 SYN 选项，给出窗口字段的左移位数，使窗口可以超过 65535 字节。只有双方的 SYN 都带上它才会启用。",
    },
    GlossaryEntry {
        term_en: "SACK (selective acknowledgment)",
        term_zh: "选择确认（SACK）",
        definition_en: "An RFC 2018 option: the receiver reports which blocks beyond a gap it already has, so the sender resends only what is missing. \"SACK-permitted\" on both SYNs turns it on.",
        definition_zh: "RFC 2018 定义的选项：接收方报告缺口之后已经收到了哪些数据块，发送方只需重传缺失的部分。双方 SYN 都带“允许 SACK”时才启用。",
    },
    GlossaryEntry {
        term_en: "timestamps",
        term_zh: "时间戳选项",
        definition_en: "An RFC 7323 option carrying a sender's clock value and the echo of the peer's; it gives RTT samples and powers PAWS. Used only if both SYNs carry it.",
        definition_zh: "RFC 7323 定义的选项，携带发送方的时钟值和对对方时钟值的回显；用于测量 RTT，也是 PAWS 的基础。只有双方 SYN 都带上才会启用。",
    },
    GlossaryEntry {
        term_en: "PAWS (Protection Against Wrapped Sequences)",
        term_zh: "防止序列号回绕（PAWS）",
        definition_en: "An RFC 7323 check that drops a segment whose timestamp is older than the latest seen, catching old duplicates even when sequence numbers have wrapped around.",
        definition_zh: "RFC 7323 定义的检查：时间戳比已见过的最新值还旧的报文段会被丢弃，即使序列号已经绕回一圈，也能识别出旧的重复报文段。",
    },
    // ---- Opening and closing ----
    GlossaryEntry {
        term_en: "three-way handshake",
        term_zh: "三次握手",
        definition_en: "How a connection opens: SYN, SYN-ACK, then a bare ACK. Three segments are needed so that each side's ISN is acknowledged and an old duplicate SYN cannot open a connection by itself.",
        definition_zh: "建立连接的过程：SYN、SYN-ACK，然后是一个纯 ACK。之所以需要三个报文段，是为了让双方的 ISN 都得到确认，并且使旧的重复 SYN 无法单独建立连接。",
    },
    GlossaryEntry {
        term_en: "four-way close",
        term_zh: "四次挥手",
        definition_en: "How a connection closes: each side sends a FIN and acknowledges the other's, because each direction closes on its own. When an ACK rides on the other side's FIN, a capture shows three segments.",
        definition_zh: "关闭连接的过程：双方各发一个 FIN，并各自确认对方的 FIN，因为两个方向要分别关闭。当 ACK 捎带在另一方的 FIN 上时，抓包看到的就是三个报文段。",
    },
    GlossaryEntry {
        term_en: "active open / passive open",
        term_zh: "主动打开 / 被动打开",
        definition_en: "The side that sends the first SYN (connect) opens actively; the side that waits in LISTEN (listen) opens passively.",
        definition_zh: "发出第一个 SYN 的一方（connect）是主动打开；在 LISTEN 中等待的一方（listen）是被动打开。",
    },
    GlossaryEntry {
        term_en: "active close / passive close",
        term_zh: "主动关闭 / 被动关闭",
        definition_en: "The side that sends the first FIN closes actively and ends in TIME-WAIT; the side that receives it closes passively, through CLOSE-WAIT and LAST-ACK.",
        definition_zh: "先发 FIN 的一方是主动关闭，最后进入 TIME-WAIT；收到 FIN 的一方是被动关闭，经过 CLOSE-WAIT 和 LAST-ACK。",
    },
    GlossaryEntry {
        term_en: "half-close",
        term_zh: "半关闭",
        definition_en: "One direction is closed (its FIN sent and acknowledged) while the other still carries data, e.g. after shutdown(SHUT_WR). The receiver of the FIN sits in CLOSE-WAIT and can keep sending.",
        definition_zh: "一个方向已经关闭（FIN 已发出并被确认），另一个方向仍在传数据，例如调用 shutdown(SHUT_WR) 之后。收到 FIN 的一方处于 CLOSE-WAIT，仍可继续发送。",
    },
    GlossaryEntry {
        term_en: "half-open connection",
        term_zh: "半连接",
        definition_en: "A connection the server holds in SYN-RECEIVED: it has answered the SYN but not yet received the third segment. (RFC 9293 also calls a connection \"half-open\" when one side crashed and forgot it.)",
        definition_zh: "服务器处于 SYN-RECEIVED 的连接：已回应 SYN，但还没收到第三个报文段。（RFC 9293 中的 half-open 还指一方崩溃后已忘记、另一方仍保留的连接。）",
    },
    GlossaryEntry {
        term_en: "simultaneous open",
        term_zh: "同时打开",
        definition_en: "Both sides send a SYN to each other at the same time; each answers with SYN-ACK and one connection results.",
        definition_zh: "双方同时向对方发送 SYN；各自回复 SYN-ACK，最终建立一个连接。",
    },
    GlossaryEntry {
        term_en: "simultaneous close",
        term_zh: "同时关闭",
        definition_en: "Both sides send a FIN at the same time; the FINs cross, both pass through CLOSING and both end in TIME-WAIT.",
        definition_zh: "双方同时发送 FIN；两个 FIN 交错而过，双方都经过 CLOSING，最后都进入 TIME-WAIT。",
    },
    GlossaryEntry {
        term_en: "old duplicate",
        term_zh: "旧的重复报文段",
        definition_en: "A copy of a segment from an earlier connection with the same 4-tuple that was delayed in the network and turns up late. The handshake and TIME-WAIT both exist partly to keep such segments out of new connections.",
        definition_zh: "同一四元组的早先连接留下的报文段副本，在网络中滞留后才迟迟到达。三次握手和 TIME-WAIT 存在的部分原因，就是不让这种报文段混进新连接。",
    },
    // ---- Timers and reliability ----
    GlossaryEntry {
        term_en: "retransmission",
        term_zh: "重传",
        definition_en: "Sending a segment again because it was not acknowledged in time (timeout) or because duplicate ACKs show it missing (fast retransmit).",
        definition_zh: "因为报文段没有按时得到确认（超时），或重复确认表明它缺失（快速重传），而再次发送它。",
    },
    GlossaryEntry {
        term_en: "RTT (round-trip time)",
        term_zh: "往返时间（RTT）",
        definition_en: "The time from sending a segment to receiving its acknowledgment. TCP measures it continuously to set the RTO.",
        definition_zh: "从发出报文段到收到对它的确认所用的时间。TCP 持续测量它，用来设定 RTO。",
    },
    GlossaryEntry {
        term_en: "RTO (retransmission timeout)",
        term_zh: "超时重传时间（RTO）",
        definition_en: "How long a sender waits for an acknowledgment before retransmitting. RFC 6298 starts it at 1 s and derives it from measured RTTs, with a 1 s minimum; Linux uses a 200 ms minimum.",
        definition_zh: "发送方在重传之前等待确认的时间。RFC 6298 规定初始为 1 秒，之后根据测得的 RTT 计算，最小 1 秒；Linux 的最小值为 200 毫秒。",
    },
    GlossaryEntry {
        term_en: "exponential backoff",
        term_zh: "指数退避",
        definition_en: "Doubling the RTO after each retransmission of the same segment, so a congested or dead path is not flooded with copies.",
        definition_zh: "同一报文段每重传一次，RTO 就翻一倍，以免向拥塞或已断开的路径灌入大量副本。",
    },
    GlossaryEntry {
        term_en: "fast retransmit",
        term_zh: "快速重传",
        definition_en: "Resending a segment as soon as three duplicate ACKs report it missing, without waiting for the RTO (RFC 5681).",
        definition_zh: "一旦三个重复确认表明某个报文段缺失，就立即重传它，而不等 RTO 到期（RFC 5681）。",
    },
    GlossaryEntry {
        term_en: "duplicate ACK",
        term_zh: "重复确认",
        definition_en: "An ACK repeating the same acknowledgment number as the previous one. A receiver sends one when a segment arrives out of order, which may mean a gap (earlier bytes are missing), or when a duplicate segment arrives, which is just a repeat of data already received and signals no gap. Three duplicate ACKs in a row are taken as a sign of a gap (fast retransmit).",
        definition_zh: "与上一个 ACK 的确认号相同的 ACK。收到乱序的报文段时会发出它，这可能意味着中间有缺口（前面的字节还没到）；收到重复的报文段时也会发出它，但重复的报文段只是已经收到过的数据又来了一次，并不表示有缺口。连续三个重复确认才被当作出现缺口的信号（快速重传）。",
    },
    GlossaryEntry {
        term_en: "delayed ACK",
        term_zh: "延迟确认",
        definition_en: "Holding back an ACK briefly (RFC 1122: under 500 ms; Linux: 40 to 200 ms) so it can cover two segments or ride on data or a FIN going the other way.",
        definition_zh: "把 ACK 稍微推迟发送（RFC 1122 规定不超过 500 毫秒，Linux 为 40 到 200 毫秒），以便一次确认两个报文段，或捎带在反方向的数据或 FIN 上。",
    },
    GlossaryEntry {
        term_en: "piggybacking",
        term_zh: "捎带确认",
        definition_en: "Sending an acknowledgment on a segment that goes the other way anyway (data or a FIN) instead of in a bare ACK of its own. Delayed ACK exists largely to make this possible; Linux's three-segment close is the ACK of the first FIN piggybacked on the second FIN.",
        definition_zh: "不单独发送确认，而是把确认捎带在本来就要发往对方的报文段（数据或 FIN）上一起发出，这样可以少发纯 ACK。延迟确认在很大程度上就是为了能够捎带确认；Linux 上只有三个报文段的挥手，就是把对第一个 FIN 的确认捎带在第二个 FIN 上。",
    },
    GlossaryEntry {
        term_en: "quick ACK",
        term_zh: "快速确认",
        definition_en: "Linux's mode of acknowledging every segment at once, used at the start of a connection and after out-of-order data, so the sender learns quickly what arrived.",
        definition_zh: "Linux 对每个报文段都立即确认的模式，用于连接刚开始时和收到乱序数据之后，让发送方尽快知道哪些数据已到达。",
    },
    GlossaryEntry {
        term_en: "challenge ACK",
        term_zh: "挑战 ACK",
        definition_en: "RFC 5961's answer to a SYN (§4.2), or to a RST that is in the window but not exactly at RCV.NXT (§3.2), on a synchronized connection: an ACK with the current numbers. Only a peer that can see it can answer with a valid RST, which defeats blind forged SYNs and RSTs.",
        definition_zh: "RFC 5961 规定：已同步的连接收到 SYN（第 4.2 节），或收到序列号落在窗口内、但不恰好等于 RCV.NXT 的 RST（第 3.2 节）时，回一个带当前序列号和确认号的 ACK。只有能看到它的对方才能回一个有效的 RST，从而挫败盲目伪造的 SYN 和 RST。",
    },
    GlossaryEntry {
        term_en: "MSL (maximum segment lifetime)",
        term_zh: "报文段最大生存时间（MSL）",
        definition_en: "The longest time a segment is assumed to survive in the network. RFC 793 suggested 2 minutes; the textbook profile uses that value.",
        definition_zh: "假定一个报文段在网络中能存活的最长时间，也称最长报文段寿命。RFC 793 建议取 2 分钟，教科书配置就采用这个值。",
    },
    GlossaryEntry {
        term_en: "2MSL",
        term_zh: "2 倍 MSL（2MSL）",
        definition_en: "The length of TIME-WAIT in the textbook: one MSL for the last ACK to reach the peer, one more for a repeated FIN to come back if that ACK is lost; long enough, too, for every old segment of the connection to expire.",
        definition_zh: "教科书中 TIME-WAIT 的时长：最后的 ACK 发到对方最多要一个 MSL，它若丢失，对方重发的 FIN 传回来最多又要一个 MSL；这段时间也足以让这个连接的所有旧报文段消亡。",
    },
    GlossaryEntry {
        term_en: "TIME-WAIT assassination",
        term_zh: "TIME-WAIT 暗杀",
        definition_en: "RFC 1337's name for a RST ending TIME-WAIT early, which removes its protection against old duplicates. Linux allows it by default (tcp_rfc1337 = 0).",
        definition_zh: "RFC 1337 对“RST 提前结束 TIME-WAIT”的称呼，它使 TIME-WAIT 失去防范旧的重复报文段的作用。Linux 默认允许这种情况（tcp_rfc1337 = 0）。",
    },
    // ---- Linux and the lab ----
    GlossaryEntry {
        term_en: "SYN queue / accept queue",
        term_zh: "半连接队列 / 全连接队列",
        definition_en: "On Linux, half-open connections wait in the SYN queue; after the third segment they move to the accept queue until the application calls accept().",
        definition_zh: "在 Linux 上，半连接放在 SYN 队列（半连接队列）中；收到第三个报文段后移入全连接队列（accept 队列），等待应用调用 accept()。",
    },
    GlossaryEntry {
        term_en: "SYN flood",
        term_zh: "SYN 洪泛",
        definition_en: "An attack that sends many SYNs (often from forged addresses) and never completes the handshake, to fill the server's SYN queue.",
        definition_zh: "一种攻击：发送大量 SYN（源地址常是伪造的）却从不完成握手，以塞满服务器的半连接队列。",
    },
    GlossaryEntry {
        term_en: "SYN cookies",
        term_zh: "SYN cookie 机制",
        definition_en: "A defence against SYN floods: the server encodes the connection's details in its ISN and keeps no state until the third segment comes back.",
        definition_zh: "防御 SYN 洪泛的办法：服务器把连接信息编码进自己的 ISN，在第三个报文段回来之前不保存任何状态。",
    },
    GlossaryEntry {
        term_en: "orphan socket",
        term_zh: "孤儿套接字",
        definition_en: "A connection the application has already closed but the kernel still keeps, for example in FIN-WAIT-1, FIN-WAIT-2, CLOSING or LAST-ACK. Linux counts TIME-WAIT sockets apart from orphans: they are limited by tcp_max_tw_buckets, orphans by tcp_max_orphans.",
        definition_zh: "应用已经关闭、但内核仍在维护的连接，例如处于 FIN-WAIT-1、FIN-WAIT-2、CLOSING 或 LAST-ACK 的连接。Linux 把 TIME-WAIT 套接字与孤儿套接字分开计数：前者受 tcp_max_tw_buckets 限制，后者受 tcp_max_orphans 限制。",
    },
    GlossaryEntry {
        term_en: "end-of-file (EOF)",
        term_zh: "文件结束（EOF）",
        definition_en: "What a read returns after the peer's FIN: zero bytes, meaning the peer will send no more.",
        definition_zh: "收到对方 FIN 后读操作返回的结果：零字节，表示对方不会再发送数据。",
    },
    GlossaryEntry {
        term_en: "connection refused / reset / timed out",
        term_zh: "连接被拒绝 / 连接被重置 / 连接超时",
        definition_en: "The three errors an application sees: a RST answered the SYN (ECONNREFUSED); a RST ended an open connection (ECONNRESET); retransmissions ran out (ETIMEDOUT).",
        definition_zh: "应用会看到的三种错误：SYN 得到的回应是 RST（ECONNREFUSED）；RST 中止了已建立的连接（ECONNRESET）；重传次数用尽（ETIMEDOUT）。",
    },
    GlossaryEntry {
        term_en: "profile (rfc / linux)",
        term_zh: "配置（rfc / linux）",
        definition_en: "The lab's two parameter sets: rfc follows the textbook (immediate ACKs, 1 s minimum RTO, TIME-WAIT of 2×MSL); linux follows Linux 6.x (delayed and quick ACKs, 200 ms minimum RTO, TIME-WAIT of 60 s, challenge ACKs, timestamps).",
        definition_zh: "本实验的两套参数：rfc 即教科书配置（立即确认、RTO 最小 1 秒、TIME-WAIT 为 2MSL）；linux 模仿 Linux 6.x（延迟确认与快速确认、RTO 最小 200 毫秒、TIME-WAIT 60 秒、挑战 ACK、时间戳）。",
    },
    // ---- The server side: one listener, many connections ----
    GlossaryEntry {
        term_en: "backlog",
        term_zh: "backlog（积压队列上限）",
        definition_en: "The argument of listen(). Linux caps it with net.core.somaxconn and uses the result as the limit of the accept queue, and of the SYN queue too.",
        definition_zh: "listen() 的参数。Linux 用 net.core.somaxconn 截断它，并把结果作为全连接队列的上限，也作为半连接队列的上限。",
    },
    GlossaryEntry {
        term_en: "ephemeral port",
        term_zh: "临时端口",
        definition_en: "The local port connect() picks for a client from net.ipv4.ip_local_port_range (32768 to 60999 by default). One is needed per four-tuple, so toward one server address and port the range can run out, for example when many are held in TIME-WAIT.",
        definition_zh: "connect() 从 net.ipv4.ip_local_port_range（默认 32768 到 60999）中为客户端挑选的本地端口。每个四元组需要一个，所以对同一个服务器地址和端口来说，这个范围可能用完，比如很多端口都被 TIME-WAIT 占着的时候。",
    },
    GlossaryEntry {
        term_en: "tcp_tw_reuse",
        term_zh: "tcp_tw_reuse（复用 TIME-WAIT）",
        definition_en: "A Linux setting that lets connect() take over a four-tuple still in TIME-WAIT when timestamps were used and the TIME-WAIT is more than a second old; the new connection starts its sequence numbers above the old one's. Outgoing connections only; the default, 2, applies it to loopback only.",
        definition_zh: "Linux 的一个设置：如果连接用了时间戳，并且 TIME-WAIT 已存在超过一秒，connect() 就可以接管这个仍处于 TIME-WAIT 的四元组；新连接的序列号从旧连接之上开始。只用于外连连接；默认值 2 表示只对环回地址生效。",
    },
    GlossaryEntry {
        term_en: "SO_REUSEADDR",
        term_zh: "SO_REUSEADDR（地址复用选项）",
        definition_en: "A socket option that relaxes bind(): a restarted server can bind its port although old connections on it are still in TIME-WAIT. It does not change how connect() picks an ephemeral port.",
        definition_zh: "一个套接字选项，放宽 bind() 的限制：重启的服务器即使还有旧连接处于 TIME-WAIT，也能绑定自己的端口。它不改变 connect() 挑选临时端口的方式。",
    },
    // ---- The eleven states (RFC 9293 §3.3.2) ----
    GlossaryEntry {
        term_en: "CLOSED",
        term_zh: "CLOSED（关闭）",
        definition_en: "No connection exists. Not really a state: it is what there is before a connection and after it.",
        definition_zh: "连接不存在。严格说它不算一个状态，而是连接建立之前和结束之后的样子。",
    },
    GlossaryEntry {
        term_en: "LISTEN",
        term_zh: "LISTEN（监听）",
        definition_en: "A passive endpoint waiting for a SYN from any remote address and port.",
        definition_zh: "被动打开的端点，等待来自任意远端地址和端口的 SYN。",
    },
    GlossaryEntry {
        term_en: "SYN-SENT",
        term_zh: "SYN-SENT（同步已发送）",
        definition_en: "The active opener has sent its SYN and waits for a matching SYN-ACK.",
        definition_zh: "主动打开方已发出 SYN，等待与之匹配的 SYN-ACK。",
    },
    GlossaryEntry {
        term_en: "SYN-RECEIVED",
        term_zh: "SYN-RECEIVED（同步已接收）",
        definition_en: "A SYN has been received and answered with SYN-ACK; the endpoint waits for the ACK of its own SYN. Linux shows it as SYN_RECV.",
        definition_zh: "已收到 SYN 并回复了 SYN-ACK，端点等待对自己 SYN 的确认。Linux 中显示为 SYN_RECV。",
    },
    GlossaryEntry {
        term_en: "ESTABLISHED",
        term_zh: "ESTABLISHED（已建立连接）",
        definition_en: "Both ISNs are synchronized; the connection carries data both ways.",
        definition_zh: "双方的 ISN 都已同步，连接可以双向传输数据。",
    },
    GlossaryEntry {
        term_en: "FIN-WAIT-1",
        term_zh: "FIN-WAIT-1（终止等待 1）",
        definition_en: "The active closer has sent its FIN and waits for it to be acknowledged (or for the peer's FIN).",
        definition_zh: "主动关闭方已发出 FIN，等待它被确认（或等待对方的 FIN）。",
    },
    GlossaryEntry {
        term_en: "FIN-WAIT-2",
        term_zh: "FIN-WAIT-2（终止等待 2）",
        definition_en: "The active closer's FIN is acknowledged; it can still receive and waits for the peer's FIN.",
        definition_zh: "主动关闭方的 FIN 已被确认；它仍能接收数据，等待对方的 FIN。",
    },
    GlossaryEntry {
        term_en: "CLOSE-WAIT",
        term_zh: "CLOSE-WAIT（关闭等待）",
        definition_en: "The peer's FIN has arrived and been acknowledged; this side can still send and waits for its own application to close.",
        definition_zh: "对方的 FIN 已到达并被确认；本端仍可发送，等待本端应用关闭。",
    },
    GlossaryEntry {
        term_en: "CLOSING",
        term_zh: "CLOSING（双方同时关闭）",
        definition_en: "Simultaneous close: both FINs have been sent and the peer's received, but the ACK of this side's FIN has not arrived yet.",
        definition_zh: "同时关闭：双方的 FIN 都已发出，本端也收到了对方的 FIN，但对本端 FIN 的确认还没到。",
    },
    GlossaryEntry {
        term_en: "LAST-ACK",
        term_zh: "LAST-ACK（最后确认）",
        definition_en: "The passive closer has sent its FIN after receiving the peer's, and waits for the last ACK.",
        definition_zh: "被动关闭方在收到对方的 FIN 之后发出了自己的 FIN，正在等待最后一个 ACK。",
    },
    GlossaryEntry {
        term_en: "TIME-WAIT",
        term_zh: "TIME-WAIT（时间等待）",
        definition_en: "The active closer's last state: it waits 2×MSL (60 s on Linux) to re-acknowledge a repeated FIN if its last ACK was lost, and to let old duplicates of the connection expire.",
        definition_zh: "主动关闭方的最后一个状态：等待 2MSL（Linux 上为 60 秒），以便在最后的 ACK 丢失时再次确认对方重发的 FIN，并让这个连接的旧的重复报文段消亡。",
    },
];
