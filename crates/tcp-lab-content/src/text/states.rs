//! STATES: one line saying what an endpoint in each state is doing or
//! waiting for. Shown beside the state badge of each endpoint.
//!
//! How to edit: find the state (e.g. `State::CloseWait`), then the language,
//! and change the text between the quotes. Keep it to one short line. State
//! names stay in English in both languages (they are what RFCs, `ss` and
//! Wireshark show).
//!
//! A new state in the core makes this file fail to compile until it has a
//! gloss in both languages.

use crate::Lang::{self, En, Zh};
use tcp_sim::State;

pub(crate) fn gloss(state: State, lang: Lang) -> &'static str {
    match state {
        State::Closed => match lang {
            En => "No connection: nothing is open and nothing is remembered.",
            Zh => "没有连接：什么都没打开，也不保留任何状态。",
        },
        State::Listen => match lang {
            En => "Waiting for a SYN from any client (passive open).",
            Zh => "等待任意客户端发来的 SYN（被动打开）。",
        },
        State::SynSent => match lang {
            En => "Sent a SYN; waiting for the SYN-ACK that acknowledges it.",
            Zh => "已发出 SYN，等待确认它的 SYN-ACK。",
        },
        State::SynReceived => match lang {
            En => "Got a SYN and answered with SYN-ACK; waiting for the ACK of its own SYN.",
            Zh => "收到 SYN 并回了 SYN-ACK，等待对方确认自己的 SYN。",
        },
        State::Established => match lang {
            En => "Both ISNs are synchronized: data can flow in both directions.",
            Zh => "双方的初始序列号都已同步，数据可以双向传输。",
        },
        State::FinWait1 => match lang {
            En => "Sent its FIN; waiting for the ACK of it (or for the peer's FIN).",
            Zh => "已发出 FIN，等待对它的确认（或对方的 FIN）。",
        },
        State::FinWait2 => match lang {
            En => "Its FIN is acknowledged; it can still receive, and waits for the peer's FIN.",
            Zh => "自己的 FIN 已被确认；仍可接收数据，等待对方的 FIN。",
        },
        State::CloseWait => match lang {
            En => "The peer has sent its FIN; this side may still send, and waits for its application to close.",
            Zh => "对方已发来 FIN；本端仍可发送数据，等待本端应用关闭。",
        },
        State::Closing => match lang {
            En => "Both FINs crossed; waiting for the ACK of its own FIN.",
            Zh => "双方的 FIN 交错而过，等待对方确认自己的 FIN。",
        },
        State::LastAck => match lang {
            En => "Sent its FIN after the peer's; waiting for the last ACK.",
            Zh => "在对方之后发出了 FIN，等待最后一个 ACK。",
        },
        State::TimeWait => match lang {
            En => "Both directions are closed; waiting 2MSL to re-acknowledge a repeated FIN and let old duplicates expire.",
            Zh => "两个方向都已关闭；等待 2MSL，以便再次确认重发的 FIN，并让旧的重复报文段消亡。",
        },
    }
}
