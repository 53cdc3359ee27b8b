//! LISTENER: what each thing that happens at a listening socket means (the
//! kinds of the core's `ListenerEventKind`), and what each of its counters
//! counts (`ListenerCounter`): a short label and one or two sentences each.
//! The server view shows them beside the SYN queue and the accept queue.
//!
//! How to edit: find the kind or counter (e.g. `CookieSent`), then the
//! language. Keep each text true under both profiles unless it names Linux.

use tcp_sim::server::listener::{ListenerCounter, ListenerEventKind};

use crate::Lang::{self, En, Zh};

/// A label and its explanation.
pub(crate) struct Text {
    pub(crate) label: &'static str,
    pub(crate) text: &'static str,
}

const fn t(label: &'static str, text: &'static str) -> Text {
    Text { label, text }
}

pub(crate) fn event(kind: ListenerEventKind, lang: Lang) -> Text {
    use ListenerEventKind as K;
    match kind {
        K::SynQueued => match lang {
            En => t(
                "SYN queued",
                "A SYN made a request socket in the SYN queue (SYN-RECEIVED). The server answers with a SYN-ACK and keeps a timer to send it again until the client's ACK arrives.",
            ),
            Zh => t(
                "SYN 入队",
                "一个 SYN 在半连接队列（SYN 队列）中建立了一个请求套接字（SYN-RECEIVED）。服务器回复 SYN-ACK，并启动定时器，在收到客户端的 ACK 之前会重发它。",
            ),
        },
        K::SynDroppedAcceptQueueFull => match lang {
            En => t(
                "SYN dropped: accept queue full",
                "The accept queue was full, so the SYN was dropped without an answer (Linux counts it in ListenOverflows). The client sends its SYN again when its timer fires.",
            ),
            Zh => t(
                "SYN 被丢弃：accept 队列已满",
                "全连接队列（accept 队列）已满，SYN 被直接丢弃，不作任何回复（Linux 计入 ListenOverflows）。客户端的定时器超时后会重发 SYN。",
            ),
        },
        K::SynDroppedSynQueueFull => match lang {
            En => t(
                "SYN dropped: SYN queue full",
                "The SYN queue was full and SYN cookies are off, so the SYN was dropped. A flood of SYNs that never complete keeps the queue full, and real clients are turned away too.",
            ),
            Zh => t(
                "SYN 被丢弃：SYN 队列已满",
                "半连接队列已满且 SYN cookie 已关闭，SYN 被丢弃。永远不完成握手的 SYN 洪泛让队列一直满着，真正的客户端也被拒之门外。",
            ),
        },
        K::SynDroppedMaxSynBacklog => match lang {
            En => t(
                "SYN dropped: tcp_max_syn_backlog",
                "Without SYN cookies Linux refuses new requests once fewer than a quarter of tcp_max_syn_backlog places are left, before the queue itself is full.",
            ),
            Zh => t(
                "SYN 被丢弃：tcp_max_syn_backlog",
                "没有 SYN cookie 时，只要 tcp_max_syn_backlog 的剩余位置不足四分之一，Linux 就会拒绝新的请求，而不必等到队列真正满。",
            ),
        },
        K::CookieSent => match lang {
            En => t(
                "SYN cookie sent",
                "The SYN queue was full, so the server answered with a SYN cookie: the connection's details are encoded in the SYN-ACK's sequence number and nothing is queued. Options the cookie cannot carry are lost.",
            ),
            Zh => t(
                "发送 SYN cookie",
                "半连接队列已满，服务器改用 SYN cookie 回复：连接的信息编码在 SYN-ACK 的序列号里，不占用队列。cookie 装不下的选项会丢失。",
            ),
        },
        K::CookieAccepted => match lang {
            En => t(
                "Cookie ACK accepted",
                "An ACK carried a valid cookie (its acknowledgment number minus one). The server rebuilt the connection from it and put it straight into the accept queue.",
            ),
            Zh => t(
                "cookie 校验通过",
                "一个 ACK 带着有效的 cookie（确认号减一）。服务器据此重建连接，直接放入全连接队列。",
            ),
        },
        K::CookieDroppedAcceptQueueFull => match lang {
            En => t(
                "Cookie ACK dropped: accept queue full",
                "The ACK carried a valid cookie, but the accept queue was full, so it was dropped. The client believes it is connected.",
            ),
            Zh => t(
                "cookie ACK 被丢弃：accept 队列已满",
                "这个 ACK 的 cookie 有效，但全连接队列已满，于是被丢弃。客户端却以为连接已经建立。",
            ),
        },
        K::CookieInvalid => match lang {
            En => t(
                "ACK without a request or a valid cookie",
                "An ACK matched no request socket and was not a valid cookie, so the listener answered with RST.",
            ),
            Zh => t(
                "ACK 既无请求也无有效 cookie",
                "这个 ACK 找不到对应的请求套接字，也不是有效的 cookie，监听套接字回复 RST。",
            ),
        },
        K::Completed => match lang {
            En => t(
                "Handshake completed",
                "The third ACK completed a request: it moved from the SYN queue to the accept queue (ESTABLISHED), where it waits for the application's accept().",
            ),
            Zh => t(
                "握手完成",
                "第三次握手的 ACK 完成了请求：它从半连接队列移入全连接队列（ESTABLISHED），等待应用程序调用 accept()。",
            ),
        },
        K::RequestDropped => match lang {
            En => t(
                "Request dropped",
                "A request socket ended without completing: its SYN-ACK retries ran out, or a RST ended it. Its place in the SYN queue is free again.",
            ),
            Zh => t(
                "请求被移除",
                "一个请求套接字没有完成握手就结束了：SYN-ACK 重传次数用尽，或被 RST 终止。它在半连接队列中的位置被释放。",
            ),
        },
        K::AckDroppedAcceptQueueFull => match lang {
            En => t(
                "Third ACK dropped: accept queue full",
                "The third ACK found the accept queue full and was dropped (tcp_abort_on_overflow = 0). The request stays in the SYN queue and its SYN-ACK timer goes on; the client already thinks it is connected.",
            ),
            Zh => t(
                "第三次握手的 ACK 被丢弃：accept 队列已满",
                "第三次握手的 ACK 遇到全连接队列已满，被丢弃（tcp_abort_on_overflow = 0）。请求仍留在半连接队列中，SYN-ACK 定时器继续运行；客户端却已认为连接建立。",
            ),
        },
        K::ResetAcceptQueueFull => match lang {
            En => t(
                "Third ACK answered with RST",
                "The third ACK found the accept queue full and tcp_abort_on_overflow = 1, so the server answered with RST and dropped the request. The client learns at once that the connection failed.",
            ),
            Zh => t(
                "第三次握手的 ACK 被回复 RST",
                "第三次握手的 ACK 遇到全连接队列已满，且 tcp_abort_on_overflow = 1，服务器回复 RST 并移除请求。客户端立刻知道连接失败。",
            ),
        },
        K::Accepted => match lang {
            En => t(
                "accept() took a connection",
                "The application called accept() and took the oldest connection from the accept queue. A slow accept() is what lets the accept queue fill up.",
            ),
            Zh => t(
                "accept() 取走一个连接",
                "应用程序调用 accept()，从全连接队列取走最早的连接。accept() 调用得慢，全连接队列就会被填满。",
            ),
        },
        K::TimeWaitRecycled => match lang {
            En => t(
                "New SYN over TIME-WAIT",
                "A SYN for a four-tuple in TIME-WAIT was newer (a larger ISN or timestamp, RFC 6191), so TIME-WAIT ended and the SYN went to the listener as a new connection.",
            ),
            Zh => t(
                "TIME-WAIT 上的新 SYN",
                "一个 SYN 所属的四元组正处于 TIME-WAIT，且它更新（ISN 或时间戳更大，RFC 6191），于是 TIME-WAIT 提前结束，这个 SYN 作为新连接交给监听套接字。",
            ),
        },
    }
}

pub(crate) fn counter(counter: ListenerCounter, lang: Lang) -> Text {
    use ListenerCounter as C;
    match counter {
        C::Syns => match lang {
            En => t("SYNs", "SYNs that reached the listener, from clients and from a flood."),
            Zh => t("SYN 数", "到达监听套接字的 SYN 总数，包括客户端的和洪泛的。"),
        },
        C::SynsDropped => match lang {
            En => t(
                "SYNs dropped",
                "SYNs dropped without an answer, for any reason (Linux ListenDrops).",
            ),
            Zh => t(
                "被丢弃的 SYN",
                "因各种原因未作回复就被丢弃的 SYN（Linux 的 ListenDrops）。",
            ),
        },
        C::ListenOverflows => match lang {
            En => t(
                "Accept queue overflows",
                "SYNs and third ACKs dropped because the accept queue was full (Linux ListenOverflows).",
            ),
            Zh => t(
                "accept 队列溢出",
                "因全连接队列已满而被丢弃的 SYN 和第三次握手的 ACK（Linux 的 ListenOverflows）。",
            ),
        },
        C::CookiesSent => match lang {
            En => t(
                "Cookies sent",
                "SYN-ACKs sent with a SYN cookie instead of a queued request (Linux SyncookiesSent).",
            ),
            Zh => t(
                "发出的 cookie",
                "以 SYN cookie 代替排队请求发出的 SYN-ACK（Linux 的 SyncookiesSent）。",
            ),
        },
        C::CookiesReceived => match lang {
            En => t(
                "Cookies accepted",
                "ACKs that carried a valid cookie (Linux SyncookiesRecv).",
            ),
            Zh => t("有效的 cookie", "带着有效 cookie 的 ACK（Linux 的 SyncookiesRecv）。"),
        },
        C::CookiesFailed => match lang {
            En => t(
                "Cookies failed",
                "ACKs that matched no request and were not a valid cookie (Linux SyncookiesFailed).",
            ),
            Zh => t(
                "无效的 cookie",
                "既找不到请求、又不是有效 cookie 的 ACK（Linux 的 SyncookiesFailed）。",
            ),
        },
        C::RequestsDropped => match lang {
            En => t(
                "Requests dropped",
                "Request sockets that left the SYN queue without completing.",
            ),
            Zh => t("被移除的请求", "没有完成握手就离开半连接队列的请求套接字。"),
        },
        C::Accepted => match lang {
            En => t(
                "Accepted",
                "Connections the application took with accept().",
            ),
            Zh => t("已 accept", "应用程序用 accept() 取走的连接。"),
        },
    }
}
