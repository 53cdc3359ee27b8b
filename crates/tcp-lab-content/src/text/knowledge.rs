//! KNOWLEDGE: the "what each side knows" panel. Nine labels, one per field
//! of `tcp_sim::Knowledge`, and the pieces of the one-sentence summary.
//!
//! How to edit: change the text between the quotes. `{side}` is the endpoint
//! the sentence is about ("client"/"客户端" or "server"/"服务器") and `{peer}`
//! the other one. A summary is built as: handshake part + close part + end.
//! The close part is empty while neither FIN has been sent; `fin_acked` is
//! added to it once an ACK of the side's own FIN has arrived.

use crate::Lang::{self, En, Zh};

/// The labels, in the order of the fields of `tcp_sim::Knowledge`.
pub(crate) fn labels(lang: Lang) -> [&'static str; 9] {
    match lang {
        En => [
            "I can send",
            "I can receive",
            "The peer can send",
            "The peer can receive",
            "I will send no more",
            "The peer will send no more",
            "I know the peer's ISN",
            "My ISN is acknowledged",
            "My FIN is acknowledged",
        ],
        Zh => [
            "我能发送",
            "我能接收",
            "对方能发送",
            "对方能接收",
            "我不再发送数据",
            "对方不再发送数据",
            "我知道对方的初始序列号",
            "我的初始序列号已被确认",
            "我的 FIN 已被确认",
        ],
    }
}

/// The pieces of a summary sentence.
pub(crate) struct SummaryText {
    pub(crate) client: &'static str,
    pub(crate) server: &'static str,
    /// Indexed by (i_can_receive, i_can_send): none, receive only, send only, both.
    pub(crate) handshake: [&'static str; 4],
    /// Indexed by (i_will_send_no_more, peer_will_send_no_more): the last three.
    pub(crate) close: [&'static str; 3],
    /// Added to the close part once the side's own FIN is acknowledged.
    pub(crate) fin_acked: &'static str,
    pub(crate) end: &'static str,
}

pub(crate) fn summary(lang: Lang) -> SummaryText {
    match lang {
        En => SummaryText {
            client: "client",
            server: "server",
            handshake: [
                "The {side} has confirmed nothing yet",
                "The {side} knows that the {peer} can send and that it can receive, but not yet whether its own segments get through",
                "The {side} knows that its own segments reach the {peer}, but has not yet received the {peer}'s SYN",
                "The {side} knows that both directions work: each side can send and receive",
            ],
            close: [
                "; it has sent its FIN and will send no more data, but it can still receive",
                "; the {peer} has sent its FIN, so no more data will come from it, but the {side} may still send",
                "; both FINs have been sent: neither side will send data again",
            ],
            fin_acked: ", and the {peer} has acknowledged the {side}'s FIN",
            end: ".",
        },
        Zh => SummaryText {
            client: "客户端",
            server: "服务器",
            handshake: [
                "{side}还什么都没有确认",
                "{side}已经知道{peer}能发送、自己能接收，但还不知道自己发出的报文段能否送达",
                "{side}已经知道自己发出的报文段能送到{peer}，但还没有收到{peer}的 SYN",
                "{side}确认了两个方向都畅通：双方都能发送，也都能接收",
            ],
            close: [
                "；它已发出 FIN，不再发送数据，但仍可接收",
                "；{peer}已发来 FIN，不会再有数据从那边过来，但{side}仍可发送",
                "；双方的 FIN 都已发出，谁都不会再发送数据",
            ],
            fin_acked: "，{peer}也已确认了{side}的 FIN",
            end: "。",
        },
    }
}
