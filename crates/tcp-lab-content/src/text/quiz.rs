//! QUIZ: the phrases of "predict the next step" questions. The questions
//! themselves are built from the live trace (see `src/quiz.rs`); only these
//! phrases are fixed.
//!
//! How to edit: change the text between the quotes, keeping the placeholders
//! in braces, which the quiz fills in:
//! - `{sender}`, `{receiver}`: "client"/"server" (客户端/服务器);
//! - `{state}`, `{from}`, `{to}`: state names such as SYN-RECEIVED;
//! - `{segment}`: a segment description built from `segment`, `seq`, `ack`, …;
//! - `{flags}`, `{numbers}`, `{seq}`, `{ack}`, `{len}`: its parts (numbers are
//!   relative: each side counts from its own ISN as 0, as Wireshark does);
//! - `{gap_ms}`: milliseconds; `{title}`: an explanation title.
//!
//! Be precise: the ACK flag is one bit; the acknowledgment number (确认号) is
//! the number of the next byte expected. Never write "ack=" for it.

use crate::Lang::{self, En, Zh};

pub(crate) struct QuizText {
    pub(crate) client: &'static str,
    pub(crate) server: &'static str,

    // A segment description.
    pub(crate) segment: &'static str,
    pub(crate) seq: &'static str,
    pub(crate) ack: &'static str,
    pub(crate) no_ack: &'static str,
    pub(crate) len: &'static str,
    pub(crate) separator: &'static str,
    pub(crate) nothing: &'static str,

    // Prompts.
    pub(crate) prompt_state: &'static str,
    pub(crate) prompt_segment: &'static str,
    pub(crate) prompt_loss: &'static str,

    // State choices.
    pub(crate) choice_state: &'static str,
    pub(crate) choice_stays: &'static str,

    // Loss choices.
    pub(crate) retx_after_timeout: &'static str,
    pub(crate) retx_receiver_asks: &'static str,
    pub(crate) retx_not_resent: &'static str,
    pub(crate) retx_gives_up: &'static str,

    // Explanations.
    pub(crate) expl_state: &'static str,
    pub(crate) expl_state_then: &'static str,
    pub(crate) expl_segment: &'static str,
    pub(crate) expl_nothing_no_seq: &'static str,
    pub(crate) expl_nothing_delayed: &'static str,
    pub(crate) expl_nothing_piggyback: &'static str,
    pub(crate) expl_three_segment_close: &'static str,
    pub(crate) expl_nothing_other: &'static str,
    pub(crate) expl_retx_timeout: &'static str,
    pub(crate) expl_retx_early: &'static str,
    pub(crate) expl_not_resent: &'static str,
    pub(crate) expl_not_resent_rst: &'static str,
    pub(crate) expl_not_resent_later: &'static str,
    pub(crate) expl_not_resent_peer: &'static str,
    pub(crate) expl_gives_up: &'static str,
}

pub(crate) fn text(lang: Lang) -> &'static QuizText {
    match lang {
        En => &EN,
        Zh => &ZH,
    }
}

static EN: QuizText = QuizText {
    client: "client",
    server: "server",

    segment: "[{flags}] segment ({numbers})",
    seq: "sequence number {seq}",
    ack: "acknowledgment number {ack}",
    no_ack: "ACK flag off, so no acknowledgment number",
    len: "{len} bytes of data",
    separator: ", ",
    nothing: "Nothing at once",

    prompt_state: "The {segment} from the {sender} is about to reach the {receiver}, which is in {state}. In which state will the {receiver} be once it has processed it?",
    prompt_segment: "The {segment} from the {sender} is about to reach the {receiver}, which is in {state}. What does the {receiver} send straight away in answer? (Numbers are relative: each side counts from its own ISN as 0.)",
    prompt_loss: "The {segment} from the {sender} is lost on its way to the {receiver}. What happens next?",

    choice_state: "{state}",
    choice_stays: "It stays in {state}",

    retx_after_timeout: "The {sender} sends the same segment again when its retransmission timer expires",
    retx_receiver_asks: "The {receiver} notices that something is missing and gets the {sender} to send it again early",
    retx_not_resent: "Nothing sends it again by itself; what it said reaches the {receiver} only with a later segment",
    retx_gives_up: "The {sender} gives up and the connection is aborted",

    expl_state: "The {receiver} goes from {from} to {to}.",
    expl_state_then: "At the same moment its application acts ({title}), which takes it on to {to}.",
    expl_segment: "The {receiver} answers at once: {segment}.",
    expl_nothing_no_seq: "The segment carries no data, SYN or FIN, so it takes no sequence number and nobody acknowledges it: answering every ACK with another ACK would never end.",
    expl_nothing_delayed: "The {receiver} does not answer at once: it delays its ACK, hoping to combine it with data or a FIN of its own. The ACK left {gap_ms} ms later.",
    expl_nothing_piggyback: "The {receiver} does not answer at once: it delays its ACK, hoping to combine it with data or a FIN of its own. {gap_ms} ms later that is what happened: the acknowledgment rode on its {segment}.",
    expl_three_segment_close: "Its FIN and the ACK of the peer's FIN travel in one segment, so this close takes three segments, not four.",
    expl_nothing_other: "Nothing in this segment calls for an immediate answer from the {receiver}.",
    expl_retx_timeout: "The {receiver} never saw the segment, so only the {sender} could notice: no acknowledgment came, its retransmission timer expired {gap_ms} ms after it sent the segment, and it sent the same segment again, with the same sequence number.",
    expl_retx_early: "The {sender} did not wait for its timer: a segment from the {receiver} showed that this one had not arrived, and the {sender} sent it again {gap_ms} ms after the first copy.",
    expl_not_resent: "A segment without data, SYN or FIN takes no sequence number, so nothing waits for its acknowledgment and no timer sends it again.",
    expl_not_resent_rst: "A RST is never acknowledged, so nothing sends it again; if the peer tries again, it simply draws another RST.",
    expl_not_resent_later: "Acknowledgments are cumulative: the next segment from the {sender} carried the same acknowledgment number, and that was enough.",
    expl_not_resent_peer: "The {receiver}, still waiting, sent its own segment again when its timer expired, and the {sender} answered that one.",
    expl_gives_up: "No copy of this segment followed: the {sender} had used up its retries, so it gave up and its application got an error.",
};

static ZH: QuizText = QuizText {
    client: "客户端",
    server: "服务器",

    segment: "[{flags}] 报文段（{numbers}）",
    seq: "序列号 {seq}",
    ack: "确认号 {ack}",
    no_ack: "ACK 标志未置 1，因此没有确认号",
    len: "携带 {len} 字节数据",
    separator: "，",
    nothing: "暂时什么都不发",

    prompt_state: "{sender}发出的 {segment}即将到达{receiver}，{receiver}目前处于 {state}。处理完这个报文段后，{receiver}会处于哪个状态？",
    prompt_segment: "{sender}发出的 {segment}即将到达{receiver}，{receiver}目前处于 {state}。{receiver}会立即回复什么？（数字为相对值：双方都把自己的 ISN 记为 0。）",
    prompt_loss: "{sender}发给{receiver}的 {segment}在途中丢失了。接下来会发生什么？",

    choice_state: "进入 {state}",
    choice_stays: "仍停留在 {state}",

    retx_after_timeout: "{sender}的重传计时器到期后，再发一次同样的报文段",
    retx_receiver_asks: "{receiver}发现少了东西，促使{sender}提前再发一次",
    retx_not_resent: "没有谁会专门再发它；它所携带的信息只能随后面的报文段到达{receiver}",
    retx_gives_up: "{sender}放弃重试，连接被中止",

    expl_state: "{receiver}从 {from} 进入 {to}。",
    expl_state_then: "同一时刻，它的应用也有了动作（{title}），于是它接着进入 {to}。",
    expl_segment: "{receiver}立即回复：{segment}。",
    expl_nothing_no_seq: "这个报文段既没有数据，也没有 SYN 或 FIN，不占用序列号，因此没有人去确认它：要是每个 ACK 都要再回一个 ACK，就永远没完没了。",
    expl_nothing_delayed: "{receiver}没有立即回复：它推迟了 ACK，希望能和自己的数据或 FIN 一起发出。这个 ACK 在 {gap_ms} 毫秒后才发出。",
    expl_nothing_piggyback: "{receiver}没有立即回复：它推迟了 ACK，希望能和自己的数据或 FIN 一起发出。{gap_ms} 毫秒后正是如此：确认随它的 {segment}一起发出。",
    expl_three_segment_close: "它的 FIN 和对对方 FIN 的确认合在同一个报文段里，所以这次关闭只用了三个报文段，而不是四个。",
    expl_nothing_other: "这个报文段里没有什么需要{receiver}立即回应的内容。",
    expl_retx_timeout: "{receiver}根本没有收到这个报文段，所以只有{sender}能发现问题：迟迟等不到确认，它的重传计时器在发出后 {gap_ms} 毫秒到期，于是再发一次同样的报文段，序列号不变。",
    expl_retx_early: "{sender}没有等计时器到期：{receiver}发来的报文段表明这一个没有送到，于是{sender}在第一次发送 {gap_ms} 毫秒后又发了一次。",
    expl_not_resent: "没有数据、SYN 或 FIN 的报文段不占用序列号，没有谁在等它的确认，也就没有计时器会再发它。",
    expl_not_resent_rst: "RST 从不被确认，所以不会有谁再发它；对方如果再试一次，只会再换来一个 RST。",
    expl_not_resent_later: "确认是累积的：{sender}的下一个报文段带着同样的确认号，这就够了。",
    expl_not_resent_peer: "{receiver}还在等待，它的计时器到期后把自己的报文段又发了一次，{sender}对那一个作出了回应。",
    expl_gives_up: "这个报文段之后再没有副本：{sender}已经用完了重试次数，于是放弃，它的应用得到一个错误。",
};

/// Every phrase, keyed, for the completeness tests.
pub(crate) fn all(lang: Lang) -> Vec<(&'static str, &'static str)> {
    let t = text(lang);
    vec![
        ("client", t.client),
        ("server", t.server),
        ("segment", t.segment),
        ("seq", t.seq),
        ("ack", t.ack),
        ("no_ack", t.no_ack),
        ("len", t.len),
        ("nothing", t.nothing),
        ("prompt_state", t.prompt_state),
        ("prompt_segment", t.prompt_segment),
        ("prompt_loss", t.prompt_loss),
        ("choice_state", t.choice_state),
        ("choice_stays", t.choice_stays),
        ("retx_after_timeout", t.retx_after_timeout),
        ("retx_receiver_asks", t.retx_receiver_asks),
        ("retx_not_resent", t.retx_not_resent),
        ("retx_gives_up", t.retx_gives_up),
        ("expl_state", t.expl_state),
        ("expl_state_then", t.expl_state_then),
        ("expl_segment", t.expl_segment),
        ("expl_nothing_no_seq", t.expl_nothing_no_seq),
        ("expl_nothing_delayed", t.expl_nothing_delayed),
        ("expl_nothing_piggyback", t.expl_nothing_piggyback),
        ("expl_three_segment_close", t.expl_three_segment_close),
        ("expl_nothing_other", t.expl_nothing_other),
        ("expl_retx_timeout", t.expl_retx_timeout),
        ("expl_retx_early", t.expl_retx_early),
        ("expl_not_resent", t.expl_not_resent),
        ("expl_not_resent_rst", t.expl_not_resent_rst),
        ("expl_not_resent_later", t.expl_not_resent_later),
        ("expl_not_resent_peer", t.expl_not_resent_peer),
        ("expl_gives_up", t.expl_gives_up),
    ]
}
