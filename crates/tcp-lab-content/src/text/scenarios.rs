//! SCENARIOS: the title and a short description of each named scenario
//! (the names in `tcp_sim::named::NAMES` and `SERVER_NAMES`, shown in the scenario menu).
//!
//! How to edit: find the scenario by its name in quotes (e.g. `"syn_lost"`),
//! then the language, and change `title` or `blurb`. Do not change the name
//! in quotes: it is the key the app and the URL use. Keep the blurb to one or
//! two sentences, and true under both profiles (`rfc` and `linux`).
//!
//! A test fails if a name in `tcp_sim::named::NAMES` has no entry here.

use crate::Lang::{self, En, Zh};

/// The text for one scenario.
pub(crate) struct Scenario {
    pub(crate) title: &'static str,
    pub(crate) blurb: &'static str,
}

pub(crate) fn title(name: &str, lang: Lang) -> Option<&'static str> {
    scenario(name, lang).map(|s| s.title)
}

pub(crate) fn blurb(name: &str, lang: Lang) -> Option<&'static str> {
    scenario(name, lang).map(|s| s.blurb)
}

fn scenario(name: &str, lang: Lang) -> Option<Scenario> {
    Some(match name {
        "normal" => match lang {
            En => Scenario {
                title: "Normal connection",
                blurb: "The three-way handshake, 100 bytes each way, then the client closes first and the server right after. Compare the profiles: the textbook close has four segments, Linux's usually three.",
            },
            Zh => Scenario {
                title: "正常连接",
                blurb: "三次握手，双方各发 100 字节，然后客户端先关闭，服务器紧随其后。对比两种配置：教科书的挥手是四个报文段，Linux 通常只有三个。",
            },
        },

        "syn_lost" => match lang {
            En => Scenario {
                title: "SYN lost",
                blurb: "The client's first SYN is lost. The server knows nothing, so only the client can recover: it sends the same SYN again when its retransmission timer fires, one second later.",
            },
            Zh => Scenario {
                title: "SYN 丢失",
                blurb: "客户端的第一个 SYN 丢了。服务器对此一无所知，只能靠客户端自己恢复：一秒后重传计时器到期，它再发一次同样的 SYN。",
            },
        },

        "synack_lost" => match lang {
            En => Scenario {
                title: "SYN-ACK lost",
                blurb: "The server's first SYN-ACK is lost. Both sides have a timer running: the client resends its SYN and the server resends its SYN-ACK, and the extra copy that arrives is simply acknowledged.",
            },
            Zh => Scenario {
                title: "SYN-ACK 丢失",
                blurb: "服务器的第一个 SYN-ACK 丢了。双方的计时器都在走：客户端重发 SYN，服务器重发 SYN-ACK，多到的那一份只需再确认一下。",
            },
        },

        "ack_lost" => match lang {
            En => Scenario {
                title: "Third handshake ACK lost",
                blurb: "The client's ACK, the third handshake segment, is lost. The client is already ESTABLISHED and sends data; that data segment carries the same acknowledgment number, so the server completes the handshake with it.",
            },
            Zh => Scenario {
                title: "第三次握手的 ACK 丢失",
                blurb: "客户端的 ACK（第三次握手）丢了。客户端已经进入 ESTABLISHED 并开始发数据；数据报文段带着同样的确认号，服务器靠它完成握手。",
            },
        },

        "synack_delayed" => match lang {
            En => Scenario {
                title: "SYN-ACK delayed",
                blurb: "The first SYN-ACK is held up for longer than the client's retransmission timeout. The client resends its SYN, the handshake completes with the second SYN-ACK, and the late one is recognized as a duplicate when it finally arrives.",
            },
            Zh => Scenario {
                title: "SYN-ACK 延迟",
                blurb: "第一个 SYN-ACK 被耽搁的时间超过了客户端的超时重传时间。客户端重发 SYN，靠第二个 SYN-ACK 完成握手；迟到的那个最终到达时被识别为重复报文段。",
            },
        },

        "fin_lost" => match lang {
            En => Scenario {
                title: "Client's FIN lost",
                blurb: "The client's FIN is lost, so the client stays in FIN-WAIT-1 until its retransmission timer fires and it sends the FIN again.",
            },
            Zh => Scenario {
                title: "客户端的 FIN 丢失",
                blurb: "客户端的 FIN 丢了，客户端停在 FIN-WAIT-1，直到重传计时器到期再发一次 FIN。",
            },
        },

        "fin_ack_lost" => match lang {
            En => Scenario {
                title: "ACK of the client's FIN lost",
                blurb: "The server's ACK of the client's FIN is lost, so the client stays in FIN-WAIT-1. The server's own FIN acknowledges the client's FIN as well and moves the client on, unless the client's retransmission timer fires first.",
            },
            Zh => Scenario {
                title: "对客户端 FIN 的 ACK 丢失",
                blurb: "服务器对客户端 FIN 的确认丢了，客户端停在 FIN-WAIT-1。服务器随后发出的 FIN 同样确认了客户端的 FIN，客户端由此继续往下走，除非它的重传计时器先到期。",
            },
        },

        "server_fin_lost" => match lang {
            En => Scenario {
                title: "Server's FIN lost",
                blurb: "The server's FIN is lost. The client waits in FIN-WAIT-2, the server in LAST-ACK, until the server's timer fires and it sends the FIN again.",
            },
            Zh => Scenario {
                title: "服务器的 FIN 丢失",
                blurb: "服务器的 FIN 丢了。客户端在 FIN-WAIT-2、服务器在 LAST-ACK 中等待，直到服务器的计时器到期，重发 FIN。",
            },
        },

        "last_ack_lost" | "time_wait_absorbs_fin" => match lang {
            En => Scenario {
                title: "Last ACK lost: why TIME-WAIT waits",
                blurb: "The client's last ACK is lost, so the server repeats its FIN. The client is still in TIME-WAIT and acknowledges the FIN again; had it closed at once, the server would get a RST instead.",
            },
            Zh => Scenario {
                title: "最后的 ACK 丢失：TIME-WAIT 为什么要等",
                blurb: "客户端最后的 ACK 丢了，服务器于是重发 FIN。客户端还在 TIME-WAIT 中，再次确认这个 FIN；要是它早已关闭，服务器收到的就会是 RST。",
            },
        },

        "half_close" => match lang {
            En => Scenario {
                title: "Half-close",
                blurb: "The client sends 100 bytes and shuts down only its sending side. The server, in CLOSE-WAIT, keeps sending data for a while and the client keeps receiving it: each direction closes on its own.",
            },
            Zh => Scenario {
                title: "半关闭",
                blurb: "客户端发出 100 字节后只关闭了自己的发送方向。处于 CLOSE-WAIT 的服务器又继续发了一阵数据，客户端照常接收：两个方向各自关闭。",
            },
        },

        "server_closes_first" => match lang {
            En => Scenario {
                title: "Server closes first",
                blurb: "The server answers and closes first, so it is the server that ends in TIME-WAIT: TIME-WAIT belongs to whichever side closes first, not to the client.",
            },
            Zh => Scenario {
                title: "服务器先关闭",
                blurb: "服务器回应后先关闭，所以最后停在 TIME-WAIT 的是服务器：TIME-WAIT 属于先关闭的一方，而不一定是客户端。",
            },
        },

        "simultaneous_open" => match lang {
            En => Scenario {
                title: "Simultaneous open",
                blurb: "Both sides connect to each other at the same moment. Their SYNs cross, both go SYN-SENT → SYN-RECEIVED, and four segments make one connection.",
            },
            Zh => Scenario {
                title: "同时打开",
                blurb: "双方在同一时刻向对方发起连接。两个 SYN 交错而过，双方都经历 SYN-SENT → SYN-RECEIVED，四个报文段建立起一个连接。",
            },
        },

        "simultaneous_close" => match lang {
            En => Scenario {
                title: "Simultaneous close",
                blurb: "Both sides close at the same moment. Their FINs cross, both pass through CLOSING, and both end in TIME-WAIT.",
            },
            Zh => Scenario {
                title: "同时关闭",
                blurb: "双方在同一时刻关闭。两个 FIN 交错而过，双方都经过 CLOSING，最后都进入 TIME-WAIT。",
            },
        },

        "connection_refused" => match lang {
            En => Scenario {
                title: "Connection refused",
                blurb: "Nothing listens on the server's port, so the SYN is answered with RST and connect() fails at once with \"connection refused\".",
            },
            Zh => Scenario {
                title: "连接被拒绝",
                blurb: "服务器的端口上没有程序监听，SYN 被回以 RST，connect() 立即以“连接被拒绝”失败。",
            },
        },

        "old_duplicate_syn" => match lang {
            En => Scenario {
                title: "Old duplicate SYN: why three segments",
                blurb: "A SYN left over from an old connection reaches the server first. The server answers it, the client sees an acknowledgment of a SYN it never sent and replies RST, and the server drops the unwanted connection. With a two-way handshake the server would have opened it.",
            },
            Zh => Scenario {
                title: "旧的重复 SYN：为什么要三次握手",
                blurb: "一个旧连接遗留的 SYN 先到了服务器。服务器照常回应，客户端发现对方确认的是自己从未发过的 SYN，于是回 RST，服务器丢弃这个没人要的连接。若是两次握手，服务器早就把它建立起来了。",
            },
        },

        "old_syn_established" => match lang {
            En => Scenario {
                title: "Old SYN on an open connection",
                blurb: "An old SYN reaches a connection that is already ESTABLISHED. It falls outside the window, so it is answered with an ACK and dropped, and the connection carries on.",
            },
            Zh => Scenario {
                title: "旧 SYN 撞上已建立的连接",
                blurb: "一个旧的 SYN 到达了已处于 ESTABLISHED 的连接。它落在窗口之外，于是被回一个 ACK 后丢弃，连接照常进行。",
            },
        },

        "syn_retries_exhausted" => match lang {
            En => Scenario {
                title: "SYN retries exhausted",
                blurb: "Every SYN is lost. The textbook retries {rfc_syn_retries} times at doubling intervals and gives up after {rfc_syn_give_up_s} s; Linux retries {linux_syn_retries} times, the first five 1 s apart, and connect() fails with \"connection timed out\" after {linux_syn_give_up_s} s.",
            },
            Zh => Scenario {
                title: "SYN 重试用尽",
                blurb: "所有 SYN 都丢了。教科书配置重试 {rfc_syn_retries} 次，间隔逐次翻倍，{rfc_syn_give_up_s} 秒后放弃；Linux 重试 {linux_syn_retries} 次，前五次相隔 1 秒，{linux_syn_give_up_s} 秒后 connect() 以“连接超时”失败。",
            },
        },

        "keepalive_peer_crashed" => match lang {
            En => Scenario {
                title: "Keepalive finds a crashed peer",
                blurb: "After the exchange the client waits for more, and the server's host crashes and reboots without a word: a half-open connection. With keepalive on (shortened here to 30 s idle, 5 s between probes, 3 probes; Linux's default is {linux_keepalive_time_s} s idle), the client's probe draws a RST and its read fails with \"connection reset\".",
            },
            Zh => Scenario {
                title: "保活发现崩溃的对方",
                blurb: "数据交换完后客户端继续等待，服务器主机却一声不响地崩溃并重启：连接成了半开连接。开启保活后（这里缩短为空闲 30 秒、每 5 秒探测一次、共 3 次；Linux 默认空闲 {linux_keepalive_time_s} 秒），客户端的保活探测换来一个 RST，它的读操作以“连接被重置”失败。",
            },
        },

        "abortive_close" => match lang {
            En => Scenario {
                title: "Abortive close (SO_LINGER 0)",
                blurb: "The client closes with SO_LINGER set to 0 s: one RST instead of the FIN exchange, no TIME-WAIT, and the server's read fails with \"connection reset\". Compare with the normal close.",
            },
            Zh => Scenario {
                title: "异常关闭（SO_LINGER 为 0）",
                blurb: "客户端把 SO_LINGER 设为 0 秒后关闭：用一个 RST 代替 FIN 的交换，没有 TIME-WAIT，服务器的读操作以“连接被重置”失败。可以和正常关闭对比着看。",
            },
        },

        "close_wait_forever" => match lang {
            En => Scenario {
                title: "CLOSE-WAIT forever: the application never closes",
                blurb: "The server reads end-of-file but its application never calls close(): the server stays in CLOSE-WAIT for good, the classic server bug. The client waits in FIN-WAIT-2; Linux ends that orphan after {linux_fin_timeout_s} s, the textbook never.",
            },
            Zh => Scenario {
                title: "永远的 CLOSE-WAIT：应用从不调用 close()",
                blurb: "服务器读到了文件结束，但它的应用从不调用 close()：服务器一直停在 CLOSE-WAIT，这是服务器程序的经典缺陷。客户端在 FIN-WAIT-2 等待；Linux 在 {linux_fin_timeout_s} 秒后结束这个孤儿连接，教科书配置则一直等下去。",
            },
        },

        "orphaned_fin_wait_2" => match lang {
            En => Scenario {
                title: "Orphaned FIN-WAIT-2 times out",
                blurb: "The client closes; the server's application closes only 90 s later. The textbook waits and closes normally; Linux gives up on the client's orphaned FIN-WAIT-2 after tcp_fin_timeout ({linux_fin_timeout_s} s), so the late FIN is answered with RST.",
            },
            Zh => Scenario {
                title: "孤儿 FIN-WAIT-2 超时",
                blurb: "客户端关闭后，服务器的应用过了 90 秒才关闭。教科书配置一直等着，正常完成关闭；Linux 在 tcp_fin_timeout（{linux_fin_timeout_s} 秒）后放弃客户端这个孤儿 FIN-WAIT-2，于是迟到的 FIN 换来一个 RST。",
            },
        },

        "accept_queue_overflow" => match lang {
            En => Scenario {
                title: "Full accept queue: the ACK is dropped",
                blurb: "Backlog 1 and a sleeping server: the third client's handshake ACK finds the accept queue full and is dropped (tcp_abort_on_overflow = 0). That client thinks it is connected; the server's SYN-ACK timer finishes the handshake later.",
            },
            Zh => Scenario {
                title: "全连接队列已满：ACK 被丢弃",
                blurb: "backlog 为 1，服务器在休眠：第三个客户端握手的 ACK 遇到全连接队列（accept 队列）已满，被丢弃（tcp_abort_on_overflow = 0）。这个客户端以为已经连上；服务器的 SYN-ACK 定时器稍后才完成握手。",
            },
        },

        "accept_queue_overflow_reset" => match lang {
            En => Scenario {
                title: "Full accept queue: the ACK gets a RST",
                blurb: "The same full accept queue with tcp_abort_on_overflow = 1: the third client's handshake ACK is answered with RST, and that client sees the connection reset.",
            },
            Zh => Scenario {
                title: "全连接队列已满：ACK 换来 RST",
                blurb: "同样是全连接队列已满，但 tcp_abort_on_overflow = 1：第三个客户端握手的 ACK 被回复 RST，这个客户端看到连接被重置。",
            },
        },

        "syn_flood_no_cookies" => match lang {
            En => Scenario {
                title: "SYN flood without SYN cookies",
                blurb: "1,000 spoofed SYNs per second fill the SYN queue with requests that never complete. With SYN cookies off, the real clients' SYNs are dropped until their retries outlast the flood.",
            },
            Zh => Scenario {
                title: "没有 SYN cookie 的 SYN 洪泛",
                blurb: "每秒 1000 个伪造的 SYN 用永远不会完成的请求占满半连接队列（SYN 队列）。关闭 SYN cookie 时，真正客户端的 SYN 都被丢弃，直到它们的重传熬过洪泛。",
            },
        },

        "syn_flood_cookies" => match lang {
            En => Scenario {
                title: "SYN flood with SYN cookies",
                blurb: "The same flood with SYN cookies on: once the SYN queue is full the server answers with cookies and queues nothing, so every real client gets in.",
            },
            Zh => Scenario {
                title: "有 SYN cookie 的 SYN 洪泛",
                blurb: "同样的洪泛，但开启了 SYN cookie：半连接队列满了以后，服务器用 cookie 回复、不再排队，每个真正的客户端都能连上。",
            },
        },

        "time_wait_new_syn" => match lang {
            En => Scenario {
                title: "A newer SYN over TIME-WAIT",
                blurb: "The server closed first and holds TIME-WAIT; the client reconnects from the same port. Its SYN is newer (a larger timestamp), so TIME-WAIT ends and a new connection opens (RFC 6191).",
            },
            Zh => Scenario {
                title: "TIME-WAIT 上更新的 SYN",
                blurb: "服务器先关闭并处于 TIME-WAIT；客户端用同一端口重新连接。它的 SYN 更新（时间戳更大），于是 TIME-WAIT 结束，新连接建立（RFC 6191）。",
            },
        },

        "time_wait_old_syn" => match lang {
            En => Scenario {
                title: "An older SYN over TIME-WAIT",
                blurb: "Without timestamps, the reconnecting client's SYN is not newer than what TIME-WAIT has seen, so TIME-WAIT answers it with an ACK; the client's RST ends TIME-WAIT and its next SYN gets in.",
            },
            Zh => Scenario {
                title: "TIME-WAIT 上较旧的 SYN",
                blurb: "没有时间戳时，重新连接的客户端发出的 SYN 并不比 TIME-WAIT 见过的更新，TIME-WAIT 用 ACK 回答它；客户端的 RST 结束了 TIME-WAIT，它的下一个 SYN 才连上。",
            },
        },

        "time_wait_cut_short_corruption" => match lang {
            En => Scenario {
                title: "TIME-WAIT cut short: old data corrupts a new connection",
                blurb: "TIME-WAIT lasts only 10 ms. A delayed data segment of the first connection arrives after the client has reconnected from the same port, and its bytes are taken as the new connection's data: what TIME-WAIT exists to prevent.",
            },
            Zh => Scenario {
                title: "TIME-WAIT 被缩短：旧数据污染新连接",
                blurb: "TIME-WAIT 只持续 10 毫秒。第一个连接的一个被延迟的数据报文段，在客户端用同一端口重新连接之后才到达，它的字节被当成新连接的数据：这正是 TIME-WAIT 要防止的。",
            },
        },

        "port_exhaustion" => match lang {
            En => Scenario {
                title: "Ephemeral ports run out",
                blurb: "A client with four ephemeral ports opens and closes connections quickly. Each closed connection keeps its port in TIME-WAIT, so the fifth connect() fails.",
            },
            Zh => Scenario {
                title: "临时端口耗尽",
                blurb: "一个只有四个临时端口的客户端快速地建立又关闭连接。每个关闭的连接都让端口停留在 TIME-WAIT，于是第五次 connect() 失败。",
            },
        },

        "port_reuse_tw_reuse" => match lang {
            En => Scenario {
                title: "Ports reused with tcp_tw_reuse",
                blurb: "The same client with tcp_tw_reuse = 1: a port in TIME-WAIT for more than a second may be taken over, with timestamps protecting the new connection, so every connect() succeeds.",
            },
            Zh => Scenario {
                title: "用 tcp_tw_reuse 复用端口",
                blurb: "同一个客户端，tcp_tw_reuse = 1：处于 TIME-WAIT 超过一秒的端口可以被接管，由时间戳保护新连接，于是每次 connect() 都成功。",
            },
        },
        "syn_and_accept_queues" => match lang {
            En => Scenario {
                title: "The SYN queue and the accept queue",
                blurb: "Backlog 8 and a sleeping server application: two handshakes complete and wait in the accept queue; the third client's SYN-ACK is lost, so its request socket stays in the SYN queue until the SYN-ACK is sent again. Then the application accepts all three.",
            },
            Zh => Scenario {
                title: "半连接队列与全连接队列",
                blurb: "backlog 为 8，服务器的应用在休眠：两次握手完成，连接在全连接队列（accept 队列）里等着；第三个客户端的 SYN-ACK 丢失，它的请求套接字留在半连接队列（SYN 队列）里，直到 SYN-ACK 重传。之后应用把三个连接都取走。",
            },
        },

        "port_exhaustion_tw_reuse" => match lang {
            En => Scenario {
                title: "Port exhaustion beside tcp_tw_reuse",
                blurb: "Two client hosts with four ephemeral ports each open and close connections quickly. The first (tcp_tw_reuse = 0) fails its fifth connect(): every port is held in TIME-WAIT. The second (tcp_tw_reuse = 1, timestamps on) takes over a port whose TIME-WAIT is more than a second old.",
            },
            Zh => Scenario {
                title: "端口耗尽与 tcp_tw_reuse 对照",
                blurb: "两台客户端主机各只有四个临时端口，都在快速地建立又关闭连接。第一台（tcp_tw_reuse = 0）第五次 connect() 失败：所有端口都停在 TIME-WAIT。第二台（tcp_tw_reuse = 1，开启时间戳）接管了一个已在 TIME-WAIT 超过一秒的端口。",
            },
        },

        "close_wait_leak" => match lang {
            En => Scenario {
                title: "CLOSE-WAIT piles up: close() is never called",
                blurb: "A server application reads each request to end-of-file and never calls close(): 400 connections from four clients. The kernel acknowledges every client's FIN, but no FIN comes back, so each server socket stays in CLOSE-WAIT for as long as the application runs.",
            },
            Zh => Scenario {
                title: "CLOSE-WAIT 越积越多：从不调用 close()",
                blurb: "服务器的应用把每个请求读到文件结束，却从不调用 close()：四个客户端共 400 个连接。内核确认了每个客户端的 FIN，但没有 FIN 发回去，于是每个服务器套接字在应用运行期间一直停在 CLOSE-WAIT。",
            },
        },
        _ => return None,
    })
}
