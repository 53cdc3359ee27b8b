//! The "what each side knows" panel: labels for the nine fields of
//! [`tcp_sim::Knowledge`] and a one-sentence summary. The knowledge itself is
//! derived from the trace by the core (`Trace::knowledge_at`); the text is in
//! `src/text/knowledge.rs`.

use tcp_sim::{Knowledge, Side};

use crate::fill::{fill, Value};
use crate::Lang;

/// Labels for the fields of [`Knowledge`], in order: `i_can_send`,
/// `i_can_receive`, `peer_can_send`, `peer_can_receive`,
/// `i_will_send_no_more`, `peer_will_send_no_more`, `peer_isn_known`,
/// `my_isn_acked`, `my_fin_acked`.
pub fn knowledge_labels(lang: Lang) -> [&'static str; 9] {
    crate::text::knowledge::labels(lang)
}

/// One sentence saying what `side` has confirmed, e.g. "The server knows
/// that the client can send and that it can receive, but not yet whether its
/// own segments get through."
pub fn knowledge_summary(k: &Knowledge, side: Side, lang: Lang) -> String {
    let t = crate::text::knowledge::summary(lang);
    let name = |s: Side| match s {
        Side::Client => t.client,
        Side::Server => t.server,
    };
    let handshake = t.handshake[usize::from(k.i_can_receive) + 2 * usize::from(k.i_can_send)];
    let close = match (k.i_will_send_no_more, k.peer_will_send_no_more) {
        (false, false) => "",
        (true, false) => t.close[0],
        (false, true) => t.close[1],
        (true, true) => t.close[2],
    };
    let fin_acked = if k.i_will_send_no_more && k.my_fin_acked {
        t.fin_acked
    } else {
        ""
    };
    let sentence = format!("{handshake}{close}{fin_acked}{}", t.end);
    fill(&sentence, |n| match n {
        "side" => Some(Value::Text(name(side).to_string())),
        "peer" => Some(Value::Text(name(side.peer()).to_string())),
        _ => None,
    })
}
