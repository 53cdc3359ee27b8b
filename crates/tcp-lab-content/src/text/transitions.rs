//! STATE TRANSITIONS: why an endpoint moved from one state to another.
//!
//! How to edit: find the cause (e.g. `Cause::RecvSynAck`), then the language
//! (`En` or `Zh`), and change the text between the quotes. Keep each field to
//! one or two sentences. `rfc` names the section that specifies the rule;
//! `linux` is `None` when Linux behaves like the textbook, otherwise
//! `Some("...")` saying how it differs. Inside a string write `\"` for a
//! double quote. Chinese text uses full-width punctuation and keeps SYN, ACK,
//! FIN, RST, TIME-WAIT, MSL, RTO and state names in English.
//!
//! A new cause in the core makes this file fail to compile until it has text
//! in both languages.

use crate::Explanation;
use crate::Lang::{self, En, Zh};
use tcp_sim::Cause;

pub(crate) fn explain(cause: Cause, lang: Lang) -> Explanation {
    match cause {
        Cause::AppListen => match lang {
            En => Explanation {
                title: "Listening (passive open)",
                what: "The server's application called listen(): the endpoint enters LISTEN and waits for a SYN from any client.",
                why: "A passive open only prepares this side to accept connections; nothing is sent, so no arrow appears on the ladder.",
                without: "A SYN that reaches a port where nobody listens is answered with RST, and the client reports \"connection refused\".",
                rfc: "RFC 9293 §3.10.1",
                linux: None,
            },
            Zh => Explanation {
                title: "开始监听（被动打开）",
                what: "服务器的应用调用了 listen()：这一端进入 LISTEN 状态，等待任意客户端发来的 SYN。",
                why: "被动打开只是在本地做好接受连接的准备，并不发送报文段，所以时序图上不会出现箭头。",
                without: "如果端口上没有程序监听，到达的 SYN 会被回以 RST，客户端得到“连接被拒绝”（connection refused）。",
                rfc: "RFC 9293 第 3.10.1 节",
                linux: None,
            },
        },

        Cause::AppConnect => match lang {
            En => Explanation {
                title: "Connecting (active open)",
                what: "The client's application called connect(): the endpoint picks an initial sequence number (ISN), sends a SYN carrying it, and enters SYN-SENT.",
                why: "The SYN tells the server where the client's byte numbering starts, and offers options such as the MSS.",
                without: "Without a SYN the server has no ISN for this client, so it could not check or acknowledge a single byte of its data.",
                rfc: "RFC 9293 §3.5, §3.10.1",
                linux: Some("Linux's SYN also offers window scaling, SACK-permitted and timestamps (RFC 7323, RFC 2018), which the textbook profile leaves out."),
            },
            Zh => Explanation {
                title: "发起连接（主动打开）",
                what: "客户端的应用调用了 connect()：这一端选定一个初始序列号（ISN），发出携带它的 SYN，进入 SYN-SENT 状态。",
                why: "SYN 告诉服务器客户端的字节编号从哪里开始，同时提出 MSS 等选项。",
                without: "没有 SYN，服务器就不知道这个客户端的 ISN，也就无法校验或确认它发来的任何一个字节。",
                rfc: "RFC 9293 第 3.5 节、第 3.10.1 节",
                linux: Some("Linux 的 SYN 还会提出窗口扩大、允许 SACK 和时间戳选项（RFC 7323、RFC 2018），教科书配置则不带这些选项。"),
            },
        },

        Cause::AppCloseUnconnected => match lang {
            En => Explanation {
                title: "Closed before any connection",
                what: "The application closed an endpoint that had no synchronized peer (it was listening, or its SYN was still unanswered), so it simply returns to CLOSED.",
                why: "There is no open direction to shut down in order, so no FIN is needed: the endpoint just forgets its state.",
                without: "If it stayed, a listener would accept connections nobody serves, and a late SYN-ACK could open a connection the application has given up on.",
                rfc: "RFC 9293 §3.10.4",
                linux: None,
            },
            Zh => Explanation {
                title: "尚未建立连接就关闭",
                what: "应用关闭了一个还没有与对方同步的端点（正在监听，或发出的 SYN 还没得到回应），它直接回到 CLOSED。",
                why: "此时没有哪个方向需要有序关闭，所以不必发送 FIN，端点只需丢弃自己的状态。",
                without: "如果端点继续留着，监听端会接受没人处理的连接，迟到的 SYN-ACK 也可能建立起一个应用早已放弃的连接。",
                rfc: "RFC 9293 第 3.10.4 节",
                linux: None,
            },
        },

        Cause::AppCloseSendFin => match lang {
            En => Explanation {
                title: "Application closes: FIN sent",
                what: "The application closed or shut down its sending side: a FIN follows any queued data, and the endpoint enters FIN-WAIT-1 if it closes first, or LAST-ACK if the peer had already closed.",
                why: "TCP is full duplex and each direction is closed on its own: the FIN means \"I will send no more\" and uses one sequence number so it can be acknowledged like data.",
                without: "Without a FIN the peer could not tell a finished stream from a slow one, and the last bytes might be cut off.",
                rfc: "RFC 9293 §3.6, §3.10.4",
                linux: Some("Coming from CLOSE-WAIT, Linux usually still holds the delayed ACK of the peer's FIN, so that ACK rides on this FIN and the close shows three segments instead of four."),
            },
            Zh => Explanation {
                title: "应用关闭：发出 FIN",
                what: "应用关闭了连接或关闭了自己的发送方向：排队的数据发完后紧跟一个 FIN。先关闭的一方进入 FIN-WAIT-1，对方已先关闭的则进入 LAST-ACK。",
                why: "TCP 是全双工的，两个方向要各自关闭：FIN 表示“我不会再发数据了”，它占用一个序列号，因此能像数据一样被确认。",
                without: "没有 FIN，对方分不清数据流是已经结束还是只是变慢了，最后几个字节也可能被截掉。",
                rfc: "RFC 9293 第 3.6 节、第 3.10.4 节",
                linux: Some("从 CLOSE-WAIT 关闭时，Linux 对对方 FIN 的确认通常还在延迟之中，于是这个确认就捎带在本端的 FIN 上发出，挥手也就只用了三个报文段。"),
            },
        },

        Cause::AppAbort => match lang {
            En => Explanation {
                title: "Application aborts: RST sent",
                what: "The application aborted (close() with SO_LINGER set to 0 s), or closed while received data was still unread: the endpoint sends RST and drops the connection at once, skipping TIME-WAIT.",
                why: "Unread data means the application discarded bytes the peer believes were delivered; a RST says so instead of pretending an orderly close.",
                without: "With a FIN instead, the peer would assume everything it sent had been consumed.",
                rfc: "RFC 9293 §3.10.5; RFC 2525 §2.17",
                linux: Some("Linux sends RST instead of FIN whenever close() finds unread data in the receive queue, as RFC 2525 recommends; the textbook profile only aborts when the application asks."),
            },
            Zh => Explanation {
                title: "应用中止连接：发出 RST",
                what: "应用中止了连接（把 SO_LINGER 设为 0 秒后调用 close()），或在还有未读数据时关闭：端点发出 RST，立即丢弃这个连接，不经过 TIME-WAIT。",
                why: "有数据没读就关闭，意味着对方以为已经送达的字节被丢掉了；用 RST 如实告知，而不是假装正常关闭。",
                without: "如果改发 FIN，对方会误以为自己发出的数据都已被处理。",
                rfc: "RFC 9293 第 3.10.5 节；RFC 2525 第 2.17 节",
                linux: Some("按照 RFC 2525 的建议，Linux 在 close() 时只要接收队列里还有未读数据，就发 RST 而不是 FIN；教科书配置只在应用明确要求时才中止。"),
            },
        },

        Cause::RecvSyn => match lang {
            En => Explanation {
                title: "SYN received: half-open",
                what: "The listener received a SYN: it records the client's ISN, answers with a SYN-ACK (its own SYN plus the ACK of the client's), and waits in SYN-RECEIVED.",
                why: "So far the server only knows that the client can send and that it can itself receive; it must still announce its own ISN, and it cannot tell a current SYN from an old duplicate until the client answers.",
                without: "If the server treated the connection as open now (a two-way handshake), an old duplicate SYN would make it open a connection nobody asked for and hold resources for it.",
                rfc: "RFC 9293 §3.5, §3.10.7.2",
                linux: Some("Linux keeps the half-open connection as a small request socket in the SYN queue, and falls back to SYN cookies when that queue overflows."),
            },
            Zh => Explanation {
                title: "收到 SYN：半连接",
                what: "监听端收到 SYN：记下客户端的 ISN，回复 SYN-ACK（自己的 SYN 加上对客户端 SYN 的确认），进入 SYN-RECEIVED 等待。",
                why: "此时服务器只知道客户端能发、自己能收；它还要告知自己的 ISN，而且在客户端回应之前，分不清这个 SYN 是当前的还是历史遗留的重复报文段。",
                without: "如果服务器此刻就认为连接已建立（即两次握手），一个旧的重复 SYN 就会让它建立一个没人要的连接，并白白占用资源。",
                rfc: "RFC 9293 第 3.5 节、第 3.10.7.2 节",
                linux: Some("Linux 把半连接作为一个轻量的请求套接字放在 SYN 队列中，队列溢出时改用 SYN cookie。"),
            },
        },

        Cause::RecvSynSimultaneous => match lang {
            En => Explanation {
                title: "Simultaneous open",
                what: "While waiting for a SYN-ACK, this endpoint received a plain SYN: the other side is opening toward it at the same moment. It answers with SYN-ACK and enters SYN-RECEIVED.",
                why: "Both sides sent a SYN, so each still needs the other to acknowledge its ISN; the result is one connection, not two.",
                without: "Two endpoints dialing each other at once (as in some peer-to-peer setups) could never connect.",
                rfc: "RFC 9293 §3.5 (Figure 7), §3.10.7.3",
                linux: None,
            },
            Zh => Explanation {
                title: "同时打开",
                what: "本端在等待 SYN-ACK 时收到了一个不带 ACK 的 SYN：对方正好也在同一时刻向本端发起连接。本端回复 SYN-ACK，进入 SYN-RECEIVED。",
                why: "双方都发了 SYN，各自仍需要对方确认自己的 ISN；最终建立的是一个连接，而不是两个。",
                without: "两个端点同时呼叫对方（某些点对点场景就是这样）将永远连不上。",
                rfc: "RFC 9293 第 3.5 节（图 7）、第 3.10.7.3 节",
                linux: None,
            },
        },

        Cause::RecvSynAck => match lang {
            En => Explanation {
                title: "SYN-ACK received: client established",
                what: "The client received the SYN-ACK: its acknowledgment number is the client's ISN + 1, and it carries the server's ISN. The client enters ESTABLISHED and sends the third segment, a bare ACK.",
                why: "Now the client knows both directions work; the server does not yet know that its own SYN arrived, and the third segment tells it.",
                without: "Without checking that the acknowledgment number equals its ISN + 1, the client could accept a SYN-ACK that answers an old, unrelated SYN.",
                rfc: "RFC 9293 §3.5, §3.10.7.3",
                linux: None,
            },
            Zh => Explanation {
                title: "收到 SYN-ACK：客户端连接建立",
                what: "客户端收到 SYN-ACK：其确认号等于客户端的 ISN + 1，并带来了服务器的 ISN。客户端进入 ESTABLISHED，并发出第三个报文段，一个纯 ACK。",
                why: "此时客户端已确认两个方向都畅通；服务器还不知道自己的 SYN 是否送达，第三个报文段正是要告诉它这一点。",
                without: "如果不检查确认号是否等于自己的 ISN + 1，客户端可能会接受一个回应旧 SYN 的 SYN-ACK。",
                rfc: "RFC 9293 第 3.5 节、第 3.10.7.3 节",
                linux: None,
            },
        },

        Cause::RecvAckOfSyn => match lang {
            En => Explanation {
                title: "ACK of SYN received: server established",
                what: "The server received the ACK of its SYN (acknowledgment number = its ISN + 1): the handshake is complete and it enters ESTABLISHED. Any acceptable ACK does this, so if the bare ACK is lost, the client's first data segment, carrying the same acknowledgment number, completes the handshake just as well.",
                why: "Only now does the server know that the client is current (it answered this very SYN-ACK) and that the server's ISN reached it: both directions are confirmed and both ISNs are synchronized.",
                without: "With only two segments the server would have to trust every SYN blindly and would never learn whether the client received its ISN.",
                rfc: "RFC 9293 §3.5, §3.10.7.4",
                linux: Some("On Linux this is when the connection moves from the SYN queue to the accept queue, so accept() returns only now."),
            },
            Zh => Explanation {
                title: "SYN 被确认：服务器连接建立",
                what: "服务器收到了对自己 SYN 的确认（确认号 = 自己的 ISN + 1）：三次握手完成，进入 ESTABLISHED。凡是可接受的 ACK 都能做到这一点，所以即使那个纯 ACK 丢了，客户端带着同样确认号的第一个数据报文段也照样能完成握手。",
                why: "直到这时，服务器才能断定这个连接请求不是旧的重复 SYN（客户端回应的正是本次的 SYN-ACK），也才知道自己的 ISN 已经送达：两个方向都得到了确认，双方的 ISN 都同步好了。",
                without: "如果只有两个报文段，服务器只能盲目相信每一个 SYN，也永远无法知道客户端是否收到了自己的 ISN。",
                rfc: "RFC 9293 第 3.5 节、第 3.10.7.4 节",
                linux: Some("在 Linux 上，连接此时才从 SYN 队列（半连接队列）移入全连接队列（accept 队列），accept() 这时才返回。"),
            },
        },

        Cause::RecvFin => match lang {
            En => Explanation {
                title: "FIN received: passive close",
                what: "A FIN arrived: the peer will send no more data. The endpoint acknowledges it and enters CLOSE-WAIT; its application will read end-of-file.",
                why: "A FIN closes only one direction: this side may keep sending as long as its application needs (a half-close).",
                without: "If one FIN closed both directions, the side that had not finished sending would lose its last data.",
                rfc: "RFC 9293 §3.6, §3.10.7.4",
                linux: Some("Linux does not acknowledge the FIN at once: it delays the ACK hoping the application closes soon, so the ACK rides on this side's own FIN and the close shows three segments."),
            },
            Zh => Explanation {
                title: "收到 FIN：被动关闭",
                what: "收到了 FIN：对方不会再发数据了。本端确认这个 FIN，进入 CLOSE-WAIT，本端应用读到的是文件结束（EOF）。",
                why: "一个 FIN 只关闭一个方向：本端仍可以继续发送，直到自己的应用不再需要，这就是半关闭。",
                without: "如果一个 FIN 就关掉两个方向，还没发完数据的一方就会丢掉最后的数据。",
                rfc: "RFC 9293 第 3.6 节、第 3.10.7.4 节",
                linux: Some("Linux 不会立即确认这个 FIN，而是推迟发送 ACK，希望应用很快关闭，好把确认捎带在本端的 FIN 上，于是挥手只有三个报文段。"),
            },
        },

        Cause::RecvAckOfFin => match lang {
            En => Explanation {
                title: "Our FIN acknowledged",
                what: "The peer acknowledged this side's FIN: the direction from here to the peer is closed. The endpoint waits in FIN-WAIT-2 for the peer's FIN.",
                why: "The peer may still have data to send, so the other direction stays open until the peer closes it.",
                without: "Without this ACK the endpoint could not know its FIN arrived, and would have to keep retransmitting it.",
                rfc: "RFC 9293 §3.6, §3.10.7.4",
                linux: Some("Under delayed ACK the peer often sends its FIN in the same segment as this ACK, so the endpoint passes through FIN-WAIT-2 and into TIME-WAIT on one arrival."),
            },
            Zh => Explanation {
                title: "本端的 FIN 被确认",
                what: "对方确认了本端的 FIN：从本端到对方的方向已关闭。本端进入 FIN-WAIT-2，等待对方的 FIN。",
                why: "对方可能还有数据要发，所以另一个方向要一直开着，直到对方自己关闭。",
                without: "收不到这个 ACK，本端就无法知道 FIN 是否送达，只能不断重传它。",
                rfc: "RFC 9293 第 3.6 节、第 3.10.7.4 节",
                linux: Some("在延迟确认下，对方常常把自己的 FIN 和这个 ACK 放在同一个报文段里，于是本端收到一个报文段就经过 FIN-WAIT-2 直接进入 TIME-WAIT。"),
            },
        },

        Cause::RecvFinalAck => match lang {
            En => Explanation {
                title: "Last ACK received",
                what: "The ACK of this side's FIN arrived after the peer's FIN: both directions are closed. From LAST-ACK the endpoint goes straight to CLOSED; from CLOSING it enters TIME-WAIT.",
                why: "In LAST-ACK nothing this side sent is unacknowledged any more, so it can forget the connection; after CLOSING its own last ACK may still be lost, so it must wait.",
                without: "If the endpoint did not wait for this ACK, a lost FIN would go unnoticed and the peer would be left waiting for it.",
                rfc: "RFC 9293 §3.6, §3.10.7.4",
                linux: None,
            },
            Zh => Explanation {
                title: "收到最后的 ACK",
                what: "在收到对方 FIN 之后，本端 FIN 的确认也到了：两个方向都已关闭。处于 LAST-ACK 的一端直接进入 CLOSED；处于 CLOSING 的一端进入 TIME-WAIT。",
                why: "在 LAST-ACK 中，本端发出的一切都已被确认，可以放心丢弃连接；而从 CLOSING 出来的一端，自己发的最后一个 ACK 仍可能丢失，所以还要等待。",
                without: "如果不等这个 ACK，FIN 丢了也没人察觉，对方会一直等下去。",
                rfc: "RFC 9293 第 3.6 节、第 3.10.7.4 节",
                linux: None,
            },
        },

        Cause::RecvFinSimultaneous => match lang {
            En => Explanation {
                title: "Simultaneous close",
                what: "A FIN arrived before the ACK of this side's own FIN: both sides closed at the same time. The endpoint acknowledges the FIN and enters CLOSING to wait for the ACK of its own.",
                why: "The two FINs crossed in the network, so neither is acknowledged yet, and each must still be acknowledged on its own.",
                without: "Without CLOSING the endpoint would have to pretend its FIN was acknowledged, and could not retransmit it if it was lost.",
                rfc: "RFC 9293 §3.6 (Figure 13), §3.10.7.4",
                linux: None,
            },
            Zh => Explanation {
                title: "同时关闭",
                what: "本端 FIN 的确认还没到，对方的 FIN 先到了：双方同时关闭。本端确认这个 FIN，进入 CLOSING，等待对自己 FIN 的确认。",
                why: "两个 FIN 在网络中交错而过，谁都还没被确认，而每个 FIN 都必须单独得到确认。",
                without: "没有 CLOSING 状态，本端就只能假装自己的 FIN 已被确认，万一它丢了也无法重传。",
                rfc: "RFC 9293 第 3.6 节（图 13）、第 3.10.7.4 节",
                linux: None,
            },
        },

        Cause::RecvFinAfterOurs => match lang {
            En => Explanation {
                title: "Peer's FIN received: TIME-WAIT",
                what: "The peer's FIN arrived in FIN-WAIT-2: both directions are closed. The endpoint sends the last ACK and enters TIME-WAIT for 2×MSL.",
                why: "The side that closed first waits: if its last ACK is lost the peer repeats its FIN, which must still be acknowledged; meanwhile old duplicates of this connection die out.",
                without: "Closing at once, the endpoint would answer a repeated FIN with RST (an error for the peer), and a late old segment could be taken for part of a new connection with the same 4-tuple.",
                rfc: "RFC 9293 §3.6, §3.10.7.4",
                linux: Some("Linux stays in TIME-WAIT for a fixed 60 s (TCP_TIMEWAIT_LEN), not 2×MSL, using a small timewait socket instead of the full connection."),
            },
            Zh => Explanation {
                title: "收到对方 FIN：进入 TIME-WAIT",
                what: "在 FIN-WAIT-2 中收到了对方的 FIN：两个方向都关闭了。本端发出最后一个 ACK，进入 TIME-WAIT，等待 2MSL。",
                why: "先关闭的一方要等待：如果最后的 ACK 丢了，对方会重发 FIN，本端必须还在场再确认一次；等待期间，这个连接的旧报文段也会在网络中消亡。",
                without: "如果立即关闭，重发的 FIN 会被回以 RST（对方会报错），迟到的旧报文段也可能被同一四元组的新连接当成自己的数据。",
                rfc: "RFC 9293 第 3.6 节、第 3.10.7.4 节",
                linux: Some("Linux 的 TIME-WAIT 固定为 60 秒（TCP_TIMEWAIT_LEN），而不是 2MSL，并用一个精简的 timewait 套接字代替完整的连接。"),
            },
        },

        Cause::RecvRstRefused => match lang {
            En => Explanation {
                title: "Connection refused",
                what: "The answer to the SYN was a RST: nothing listens on that port. The attempt ends and connect() reports \"connection refused\".",
                why: "A RST that acknowledges this SYN proves it answers this very attempt, so the client can give up at once instead of retrying.",
                without: "Without RST the client could not tell a closed port from a lost SYN, and would retransmit until its retries ran out.",
                rfc: "RFC 9293 §3.5.3, §3.10.7.3",
                linux: None,
            },
            Zh => Explanation {
                title: "连接被拒绝",
                what: "SYN 得到的回应是 RST：那个端口上没有程序在监听。这次连接尝试结束，connect() 报告“连接被拒绝”。",
                why: "RST 确认了这个 SYN，证明它回应的正是这次尝试，客户端因此可以立即放弃，而不必反复重试。",
                without: "没有 RST，客户端分不清是端口关闭还是 SYN 丢失，只能一直重传，直到次数用完。",
                rfc: "RFC 9293 第 3.5.3 节、第 3.10.7.3 节",
                linux: None,
            },
        },

        Cause::RecvRstBackToListen => match lang {
            En => Explanation {
                title: "Half-open connection reset: back to LISTEN",
                what: "A RST arrived on a half-open connection that began with a passive open: the server drops it and returns to LISTEN. (Under the RFC 793 rule of the textbook profile, a new SYN inside the window does the same.)",
                why: "This is how a client removes a connection opened by an old duplicate SYN, while the listener stays available for real clients.",
                without: "The server would keep a half-open connection nobody wants, retransmitting its SYN-ACK and holding memory.",
                rfc: "RFC 9293 §3.5 (Figure 8), §3.5.3, §3.10.7.4",
                linux: Some("On Linux the listener never leaves LISTEN: the handshake lives in a request socket in the listener's SYN queue. The RST drops that request socket, so the connection shows CLOSED while the listener goes on waiting for the next SYN."),
            },
            Zh => Explanation {
                title: "半连接被复位：回到 LISTEN",
                what: "一个由被动打开产生的半连接收到了 RST：服务器丢弃它，回到 LISTEN。（在教科书配置采用的 RFC 793 规则下，窗口内出现新的 SYN 也有同样效果。）",
                why: "客户端正是靠这一步清除由旧的重复 SYN 建立的连接，而监听端本身仍然为真正的客户端服务。",
                without: "服务器会一直保留一个没人要的半连接，反复重传 SYN-ACK 并占用内存。",
                rfc: "RFC 9293 第 3.5 节（图 8）、第 3.5.3 节、第 3.10.7.4 节",
                linux: Some("在 Linux 上，监听套接字始终处于 LISTEN：握手期间的状态保存在监听套接字 SYN 队列（半连接队列）中的请求套接字里。RST 让这个请求套接字被删除，所以这条连接显示为 CLOSED，而监听套接字继续等待下一个 SYN。"),
            },
        },

        Cause::RecvRst => match lang {
            En => Explanation {
                title: "Connection reset by peer",
                what: "A RST arrived with an acceptable sequence number: the peer aborted. The connection is dropped at once and the application gets \"connection reset\".",
                why: "A RST means the peer has no such connection any more, so carrying on is pointless; checking its sequence number keeps stray RSTs from killing unrelated connections.",
                without: "Without RST the endpoint would keep retransmitting into a dead connection until it hit its retry limit.",
                rfc: "RFC 9293 §3.5.3, §3.10.7.4",
                linux: Some("Linux accepts a RST only if its sequence number is exactly the next one expected; an in-window but inexact RST gets a challenge ACK instead (RFC 5961 §3.2)."),
            },
            Zh => Explanation {
                title: "连接被对方复位",
                what: "收到一个序列号合法的 RST：对方中止了连接。连接被立即丢弃，应用得到“连接被重置”（connection reset）。",
                why: "RST 表示对方已经没有这个连接了，继续下去毫无意义；检查 RST 的序列号，是为了防止游离的 RST 误杀无关的连接。",
                without: "没有 RST，本端会一直向一个已经死掉的连接重传，直到达到重试上限。",
                rfc: "RFC 9293 第 3.5.3 节、第 3.10.7.4 节",
                linux: Some("Linux 只接受序列号恰好等于下一个期望值的 RST；落在窗口内但不精确的 RST 会换来一个挑战 ACK（RFC 5961 第 3.2 节）。"),
            },
        },

        Cause::RecvRstInTimeWait => match lang {
            En => Explanation {
                title: "RST ends TIME-WAIT early",
                what: "A RST arrived during TIME-WAIT and the endpoint closed at once, before 2×MSL had passed.",
                why: "RFC 9293 lets a RST close any state, TIME-WAIT included; RFC 1337 calls this \"TIME-WAIT assassination\" because it removes the protection TIME-WAIT gives.",
                without: "Ignoring the RST (RFC 1337's fix) would keep TIME-WAIT intact; honouring it, as here, lets an old duplicate reach a new connection with the same 4-tuple.",
                rfc: "RFC 9293 §3.10.7.4; RFC 1337",
                linux: Some("Linux honours the RST by default (net.ipv4.tcp_rfc1337 = 0); setting it to 1 makes TIME-WAIT ignore RSTs."),
            },
            Zh => Explanation {
                title: "RST 提前结束 TIME-WAIT",
                what: "TIME-WAIT 期间收到了 RST，端点没等满 2MSL 就立即关闭了。",
                why: "RFC 9293 允许 RST 关闭任何状态，包括 TIME-WAIT；RFC 1337 把这称为“TIME-WAIT 暗杀”，因为它让 TIME-WAIT 失去了保护作用。",
                without: "若忽略这个 RST（RFC 1337 的建议），TIME-WAIT 就能完整保留；像这里这样接受它，旧的重复报文段就可能闯进同一四元组的新连接。",
                rfc: "RFC 9293 第 3.10.7.4 节；RFC 1337",
                linux: Some("Linux 默认接受这个 RST（net.ipv4.tcp_rfc1337 = 0）；设为 1 后，TIME-WAIT 会忽略 RST。"),
            },
        },

        Cause::RecvSynInWindow => match lang {
            En => Explanation {
                title: "SYN inside the window: reset (RFC 793 rule)",
                what: "A SYN arrived inside the receive window of a synchronized connection. Under the original RFC 793 rule this is an error: the endpoint sends RST and aborts the connection.",
                why: "The rule assumes the peer crashed and is reconnecting, so the stale connection is cleared away.",
                without: "The rule's weakness is the reverse: anyone who guesses a sequence number inside the window can kill the connection with one forged SYN, which is why RFC 5961 replaced it with a challenge ACK.",
                rfc: "RFC 9293 §3.10.7.4",
                linux: Some("Linux never resets on such a SYN: it answers with a challenge ACK (RFC 5961 §4) and the connection survives."),
            },
            Zh => Explanation {
                title: "窗口内的 SYN：复位（RFC 793 规则）",
                what: "一个已同步的连接在接收窗口内收到了 SYN。按最初的 RFC 793 规则，这算出错：端点发出 RST 并中止连接。",
                why: "这条规则假定对方崩溃后正在重新连接，于是把过时的连接清理掉。",
                without: "这条规则的问题恰恰在反面：谁只要猜中窗口内的一个序列号，伪造一个 SYN 就能掐断连接，所以 RFC 5961 改用挑战 ACK。",
                rfc: "RFC 9293 第 3.10.7.4 节",
                linux: Some("Linux 遇到这种 SYN 从不复位，而是回一个挑战 ACK（RFC 5961 第 4 节），连接得以保留。"),
            },
        },

        Cause::TimeWaitExpired => match lang {
            En => Explanation {
                title: "TIME-WAIT over",
                what: "TIME-WAIT lasted its full 2×MSL: the endpoint deletes the connection, and its 4-tuple may be used again.",
                why: "MSL is the longest a segment may live in the network. 2×MSL covers a lost last ACK: one MSL for the last ACK to reach the peer, one more for a repeated FIN to come back if that ACK was lost; by then old duplicates in both directions have expired too.",
                without: "Ending sooner risks answering a late FIN with RST, and letting an old segment corrupt a new connection with the same addresses and ports.",
                rfc: "RFC 9293 §3.3.2, §3.10.8",
                linux: Some("Linux waits a fixed 60 s (TCP_TIMEWAIT_LEN) whatever the MSL; the textbook profile waits 2×MSL = 240 s with MSL = 2 minutes."),
            },
            Zh => Explanation {
                title: "TIME-WAIT 结束",
                what: "TIME-WAIT 等满了 2MSL：端点删除这个连接，它的四元组可以再次使用。",
                why: "MSL 是报文段在网络中能存活的最长时间。2MSL 考虑的是最后的 ACK 在途中丢失的情形：最后的 ACK 发到对方最多要一个 MSL，它若丢失，对方重发的 FIN 传回来最多又要一个 MSL。到那时，两个方向上的旧的重复报文段也都已消亡。",
                without: "提前结束，就可能用 RST 回应迟到的 FIN，还可能让旧报文段混进使用相同地址和端口的新连接。",
                rfc: "RFC 9293 第 3.3.2 节、第 3.10.8 节",
                linux: Some("无论 MSL 是多少，Linux 都固定等待 60 秒（TCP_TIMEWAIT_LEN）；教科书配置取 MSL = 2 分钟，等待 2MSL = 240 秒。"),
            },
        },

        Cause::RetransmitLimit => match lang {
            En => Explanation {
                title: "Retries exhausted: connection timed out",
                what: "Retransmissions reached their limit without an acknowledgment: the endpoint gives up and the application gets \"connection timed out\".",
                why: "A peer may vanish without a word; RFC 9293 sets thresholds (R1 to warn, R2 to give up: at least 3 minutes for a SYN, 100 s for data).",
                without: "Without a limit, a connection to a dead host would hold memory and block its application forever.",
                rfc: "RFC 9293 §3.8.3",
                linux: Some("Linux retries a SYN {linux_syn_retries} times (tcp_syn_retries {linux_tcp_syn_retries} + tcp_syn_linear_timeouts {linux_tcp_syn_linear_timeouts}), at gaps of {linux_syn_intervals} s; connect() fails with ETIMEDOUT when the timer after the last one runs out, {linux_syn_give_up_s} s after the first SYN (the textbook profile: {rfc_syn_give_up_s} s). For data and FIN, tcp_retries2 = {linux_tcp_retries2} is turned into a time budget of {linux_data_budget_s} s since the segment was first sent; after close() the socket is an orphan and gives up after {linux_orphan_budget_s} s."),
            },
            Zh => Explanation {
                title: "重传次数用尽：连接超时",
                what: "重传次数已达上限，仍然没有收到确认：端点只好放弃这个连接，应用得到“连接超时”（connection timed out）错误。",
                why: "对方可能悄无声息地消失了；RFC 9293 规定了两个阈值（R1 时告警，R2 时放弃：SYN 至少 3 分钟，数据至少 100 秒）。",
                without: "如果没有上限，连向一台已经宕机的主机的连接会永远占用内存、卡住应用。",
                rfc: "RFC 9293 第 3.8.3 节",
                linux: Some("Linux 对 SYN 重传 {linux_syn_retries} 次（tcp_syn_retries {linux_tcp_syn_retries} 加上 tcp_syn_linear_timeouts {linux_tcp_syn_linear_timeouts}），间隔依次为 {linux_syn_intervals} 秒；最后一次重传之后的计时器再次超时，connect() 就以 ETIMEDOUT 失败，这时距第一个 SYN 已过去 {linux_syn_give_up_s} 秒（教科书配置为 {rfc_syn_give_up_s} 秒）。数据和 FIN 的 tcp_retries2 = {linux_tcp_retries2} 被换算成时间预算：从报文段第一次发出算起 {linux_data_budget_s} 秒；应用调用 close() 之后，套接字成为孤儿套接字，{linux_orphan_budget_s} 秒后放弃。"),
            },
        },

        Cause::SynAckRetriesExhausted => match lang {
            En => Explanation {
                title: "SYN-ACK retries exhausted: the half-open connection is dropped",
                what: "The server resent its SYN-ACK as often as allowed and never got the third segment: it drops the half-open connection and keeps listening.",
                why: "The client may have gone away, or the SYN was spoofed; the listener must free the slot for real clients.",
                without: "Half-open connections would pile up forever, which is exactly what a SYN flood exploits.",
                rfc: "RFC 9293 §3.8.3, §3.10.7.4",
                linux: Some("On Linux the half-open connection is a request socket in the listener's SYN queue, with its own timer: it resends the SYN-ACK {linux_synack_retries} times (tcp_synack_retries), the timeout doubling from 1 s, and is dropped {linux_synack_give_up_s} s after the first SYN-ACK. The connection shows CLOSED; the listener never left LISTEN."),
            },
            Zh => Explanation {
                title: "SYN-ACK 重试用尽：丢弃半连接",
                what: "服务器把 SYN-ACK 重发到了上限，始终没收到第三个报文段：它丢弃这个半连接，继续监听。",
                why: "客户端可能已经离开，或者那个 SYN 本来就是伪造的；监听端必须腾出位置给真正的客户端。",
                without: "半连接会越积越多，SYN 洪泛攻击利用的正是这一点。",
                rfc: "RFC 9293 第 3.8.3 节、第 3.10.7.4 节",
                linux: Some("在 Linux 上，半连接是监听套接字 SYN 队列（半连接队列）里的一个请求套接字，有自己的计时器：它重发 SYN-ACK {linux_synack_retries} 次（tcp_synack_retries），超时从 1 秒起逐次翻倍，在第一个 SYN-ACK 发出 {linux_synack_give_up_s} 秒后被删除。这条连接显示为 CLOSED，监听套接字则一直处于 LISTEN。"),
            },
        },

        Cause::FinWait2Timeout => match lang {
            En => Explanation {
                title: "FIN-WAIT-2 timed out",
                what: "This side closed first and its FIN was acknowledged, but the peer never sent its FIN. The application has already closed the socket, so the endpoint gives up after a timeout.",
                why: "Nobody can read from an orphaned socket any more, so waiting forever for the peer's FIN would only waste memory.",
                without: "A peer that never closes (crashed or buggy) would leave FIN-WAIT-2 connections behind forever.",
                rfc: "RFC 9293 §3.6 (no such timer); Linux tcp_fin_timeout",
                linux: Some("The textbook has no such timer: FIN-WAIT-2 may last forever. Linux adds tcp_fin_timeout, 60 s by default, for sockets the application has closed."),
            },
            Zh => Explanation {
                title: "FIN-WAIT-2 超时",
                what: "本端先关闭，FIN 也已被确认，但对方一直没有发来 FIN。应用已经关掉了套接字，于是端点在超时后放弃。",
                why: "孤儿套接字已经没人会去读，再无限期地等对方的 FIN 只会浪费内存。",
                without: "对方如果永远不关闭（崩溃了或程序有缺陷），FIN-WAIT-2 连接就会永远留着。",
                rfc: "RFC 9293 第 3.6 节（无此计时器）；Linux tcp_fin_timeout",
                linux: Some("教科书里没有这个计时器，FIN-WAIT-2 可以一直持续。Linux 为应用已关闭的套接字增加了 tcp_fin_timeout，默认 60 秒。"),
            },
        },

        Cause::KeepaliveTimeout => match lang {
            En => Explanation {
                title: "Keepalive gave up: connection timed out",
                what: "The connection had been idle, the endpoint sent keepalive probes, and none was answered: it takes the peer for dead, drops the connection, and the application gets \"connection timed out\".",
                why: "An idle connection sends nothing, so a peer that crashed or became unreachable goes unnoticed; keepalive probes are the only way to find out, and silence after several of them is the answer.",
                without: "A half-open connection whose peer has vanished would hold its memory and keep the application waiting forever.",
                rfc: "RFC 1122 §4.2.3.6; RFC 9293 §3.8.4",
                linux: Some("Linux gives up after tcp_keepalive_probes ({linux_keepalive_probes}) unanswered probes, {linux_keepalive_intvl_s} s apart, after {linux_keepalive_time_s} s of silence, and sends a RST first (tcp_send_active_reset) in case the peer is still there. A scenario can shorten these times."),
            },
            Zh => Explanation {
                title: "保活放弃：连接超时",
                what: "连接一直空闲，端点发出保活探测，却没有得到任何回应：它认定对方已经不在了，丢弃连接，应用得到“连接超时”（connection timed out）。",
                why: "空闲的连接什么都不发送，对方崩溃或断网都不会被察觉；保活探测是唯一的发现办法，连续几次探测都石沉大海，就是答案。",
                without: "对方已经消失的半开连接会一直占着内存，让应用永远等下去。",
                rfc: "RFC 1122 第 4.2.3.6 节；RFC 9293 第 3.8.4 节",
                linux: Some("Linux 在空闲 {linux_keepalive_time_s} 秒后开始探测，每隔 {linux_keepalive_intvl_s} 秒一次，连续 tcp_keepalive_probes（{linux_keepalive_probes}）次没有回应就放弃，并且先发一个 RST（tcp_send_active_reset），以防对方其实还在。场景可以把这些时间调短。"),
            },
        },

        Cause::HostCrash => match lang {
            En => Explanation {
                title: "Host crashed: connection forgotten",
                what: "The host crashed (or lost power) and rebooted: all its connection state is gone, and nothing was sent to tell the peer.",
                why: "A crash gives TCP no chance to send FIN or RST, so the peer still believes the connection is open: the connection is now half-open. The rebooted host answers any later segment for it with RST.",
                without: "This is not something TCP chooses; it is why the peer needs a way to notice (its next segment, or a keepalive probe) and why a RST must be accepted.",
                rfc: "RFC 9293 §3.5.1",
                linux: None,
            },
            Zh => Explanation {
                title: "主机崩溃：连接被遗忘",
                what: "主机崩溃（或断电）后重启：它的连接状态全部丢失，而且没有发出任何报文段通知对方。",
                why: "崩溃让 TCP 来不及发 FIN 或 RST，对方仍以为连接还开着：这就成了半开连接。重启后的主机对之后收到的、属于这个连接的报文段一律回以 RST。",
                without: "这不是 TCP 主动选择的结果；正因为会发生这种事，对方才需要有办法发现（下一次发送或保活探测），也必须接受 RST。",
                rfc: "RFC 9293 第 3.5.1 节",
                linux: None,
            },
        },
        Cause::RecvAckWithCookie => match lang {
            En => Explanation {
                title: "ACK with a SYN cookie: request rebuilt",
                what: "An ACK arrived for which the listener kept no request: the SYN-ACK went out as a SYN cookie. Its acknowledgment number minus one is the cookie; it checks out, so the listener rebuilds the request from it (four-tuple, ISNs, MSS) and the same ACK completes the handshake.",
                why: "A cookie lets the listener keep no state for a SYN while the SYN queue is full, yet still accept every client that really answers.",
                without: "During a SYN flood, legitimate clients would be turned away with the attacker's SYNs.",
                rfc: "RFC 4987 §3.6",
                linux: Some("Linux checks cookies (cookie_v4_check) only within two minutes of a SYN queue overflow; the cookie is valid for two minutes. Options the cookie could not carry stay lost for the whole connection."),
            },
            Zh => Explanation {
                title: "带 SYN cookie 的 ACK：重建请求",
                what: "到达的 ACK 在监听者那里没有对应的请求：之前的 SYN-ACK 是以 SYN cookie 发出的。确认号减一就是 cookie；校验通过后，监听者据此重建请求（四元组、双方 ISN、MSS），这个 ACK 随即完成握手。",
                why: "有了 cookie，监听者在 SYN 队列满时可以不为 SYN 保存任何状态，却仍能接纳每个真正回应的客户端。",
                without: "SYN 洪泛期间，正常客户端会和攻击者的 SYN 一起被拒之门外。",
                rfc: "RFC 4987 第 3.6 节",
                linux: Some("Linux 只在 SYN 队列溢出后的两分钟内校验 cookie（cookie_v4_check），cookie 的有效期也是两分钟。cookie 装不下的选项在整个连接中都会缺失。"),
            },
        },

        Cause::AcceptQueueOverflow => match lang {
            En => Explanation {
                title: "Accept queue full: request reset",
                what: "The third handshake segment arrived while the accept queue was full, and tcp_abort_on_overflow is on: the request socket is dropped and a RST goes to the client.",
                why: "The server cannot hand one more connection to its application right now, and this setting prefers telling the client at once over keeping it waiting.",
                without: "With the setting off, the request stays half-open and the SYN-ACK is resent later, when the application may have made room.",
                rfc: "RFC 9293 §3.10.7.2; Linux tcp_abort_on_overflow",
                linux: Some("Linux: tcp_check_req, when the child socket cannot be created because sk_acceptq_is_full. The default is tcp_abort_on_overflow=0."),
            },
            Zh => Explanation {
                title: "全连接队列已满：请求被重置",
                what: "第三次握手的报文段到达时全连接队列已满，而且开启了 tcp_abort_on_overflow：请求套接字被丢弃，并向客户端发出 RST。",
                why: "服务器眼下无法再把连接交给应用，这个设置宁可立刻告诉客户端，也不让它干等。",
                without: "关闭这个设置时，请求保持半开，稍后再重传 SYN-ACK，那时应用可能已经腾出了位置。",
                rfc: "RFC 9293 第 3.10.7.2 节；Linux tcp_abort_on_overflow",
                linux: Some("Linux：在 tcp_check_req 中，因 sk_acceptq_is_full 而无法创建子套接字时发生。默认 tcp_abort_on_overflow=0。"),
            },
        },

        Cause::TimeWaitNewSyn => match lang {
            En => Explanation {
                title: "A newer SYN ends TIME-WAIT",
                what: "A SYN arrived for the same four-tuple as this connection in TIME-WAIT, and it is newer: its timestamp is above the last one seen, or (without timestamps) its sequence number is above RCV.NXT. TIME-WAIT ends and the SYN opens a new connection.",
                why: "A newer SYN cannot be an old duplicate, and the new connection's numbers start above everything the old one used, so the old connection's late segments cannot be taken for new ones.",
                without: "A client reconnecting from the same port would have to wait out the whole TIME-WAIT.",
                rfc: "RFC 6191; RFC 1122 §4.2.2.13",
                linux: Some("Linux: tcp_timewait_state_process returns TCP_TW_SYN, and the new connection's ISN is the old SND.NXT + 65537."),
            },
            Zh => Explanation {
                title: "更新的 SYN 结束 TIME-WAIT",
                what: "一个 SYN 到达了这个处于 TIME-WAIT 的连接所属的四元组，而且它更新：时间戳大于上次见到的，或（没有时间戳时）序列号大于 RCV.NXT。TIME-WAIT 结束，这个 SYN 建立新连接。",
                why: "更新的 SYN 不可能是旧的重复报文段，而且新连接的序列号从旧连接用过的所有序列号之上开始，旧连接迟到的报文段不会被当成新的。",
                without: "从同一端口重新连接的客户端必须等完整个 TIME-WAIT。",
                rfc: "RFC 6191；RFC 1122 第 4.2.2.13 节",
                linux: Some("Linux：tcp_timewait_state_process 返回 TCP_TW_SYN，新连接的 ISN 为旧的 SND.NXT + 65537。"),
            },
        },

        Cause::TimeWaitReused => match lang {
            En => Explanation {
                title: "Port reused from TIME-WAIT",
                what: "The application called connect() and took over the four-tuple of its own connection in TIME-WAIT: tcp_tw_reuse is on, the old connection used timestamps, and it has been in TIME-WAIT for more than a second.",
                why: "A client that opens and closes connections quickly keeps every port it used in TIME-WAIT; reusing them does not mix old data into the new connection when timestamps let the peer reject the old connection's segments (PAWS).",
                without: "The client would run out of local ports and connect() would fail with \"no local port available\" (EADDRNOTAVAIL).",
                rfc: "RFC 7323 §5 (PAWS); RFC 6191",
                linux: Some("Linux: tcp_twsk_unique with tcp_tw_reuse=1 (the default 2 allows it only on loopback); the new ISN is the old SND.NXT + 65537."),
            },
            Zh => Explanation {
                title: "从 TIME-WAIT 复用端口",
                what: "应用调用 connect()，接管了自己处于 TIME-WAIT 的连接的四元组：开启了 tcp_tw_reuse，旧连接使用了时间戳，而且在 TIME-WAIT 中已超过一秒。",
                why: "频繁建立又关闭连接的客户端，用过的每个端口都停在 TIME-WAIT；当时间戳能让对方拒收旧连接的报文段（PAWS）时，复用它们不会把旧数据混进新连接。",
                without: "客户端会耗尽本地端口，connect() 以“没有可用的本地端口”（EADDRNOTAVAIL）失败。",
                rfc: "RFC 7323 第 5 节（PAWS）；RFC 6191",
                linux: Some("Linux：tcp_tw_reuse=1 时由 tcp_twsk_unique 决定（默认值 2 只允许回环地址）；新连接的 ISN 为旧的 SND.NXT + 65537。"),
            },
        },
    }
}
