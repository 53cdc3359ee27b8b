//! Checks for corrected claims in the teaching text: each test pins one
//! correction so that the old, wrong wording cannot come back, and checks that
//! the right statement is made in both languages.

use tcp_lab_content::{explain_segment, explain_transition, glossary, lessons, Lang};
use tcp_sim::{Cause, SendReason};

/// The stops, check question, choices and explanation of one lesson.
fn lesson_text(id: &str, lang: Lang) -> String {
    let l = lessons::lesson(id).unwrap_or_else(|| panic!("no lesson {id}"));
    let mut t: Vec<&str> = vec![l.title.get(lang), l.goal.get(lang)];
    t.extend(l.stops.iter().map(|s| s.text.get(lang)));
    t.push(l.check.question.get(lang));
    t.extend(l.check.choices.iter().map(|c| c.get(lang)));
    t.push(l.check.explanation.get(lang));
    t.join(" ")
}

/// The ACK of a FIN: its most common case is the last ACK, which takes the
/// passive closer from LAST-ACK to CLOSED.
#[test]
fn test_ack_of_fin_names_last_ack_to_closed() {
    let en = explain_segment(SendReason::AckOfFin, Lang::En).why;
    assert!(
        en.contains("LAST-ACK to CLOSED")
            && en.contains("FIN-WAIT-2")
            && en.contains("CLOSING to TIME-WAIT"),
        "{en}"
    );
    let zh = explain_segment(SendReason::AckOfFin, Lang::Zh).why;
    assert!(
        zh.contains("从 LAST-ACK 进入 CLOSED")
            && zh.contains("FIN-WAIT-2")
            && zh.contains("从 CLOSING 进入 TIME-WAIT"),
        "{zh}"
    );
}

/// Any acceptable ACK in SYN-RECEIVED completes the handshake (RFC 9293
/// §3.10.7.4): that a data segment does so is RFC behaviour, said in the main
/// text, not a Linux difference.
#[test]
fn test_data_completing_the_handshake_is_not_a_linux_note() {
    for lang in Lang::ALL {
        let seg = explain_segment(SendReason::HandshakeAck, lang);
        let tr = explain_transition(Cause::RecvAckOfSyn, lang);
        for e in [&seg, &tr] {
            let linux = e.linux.unwrap_or_default();
            assert!(
                !linux.contains("data segment") && !linux.contains("数据报文段"),
                "{lang:?}: still a Linux note: {linux}"
            );
        }
    }
    let en = explain_segment(SendReason::HandshakeAck, Lang::En).why;
    assert!(
        en.contains("first data segment") && en.contains("§3.10.7.4"),
        "{en}"
    );
    let en = explain_transition(Cause::RecvAckOfSyn, Lang::En).what;
    assert!(en.contains("first data segment"), "{en}");
    let zh = explain_segment(SendReason::HandshakeAck, Lang::Zh).why;
    assert!(
        zh.contains("第一个数据报文段") && zh.contains("第 3.10.7.4 节"),
        "{zh}"
    );
    let zh = explain_transition(Cause::RecvAckOfSyn, Lang::Zh).what;
    assert!(zh.contains("第一个数据报文段"), "{zh}");
    // The real Linux difference stays: the accept queue.
    let linux = explain_transition(Cause::RecvAckOfSyn, Lang::En).linux;
    assert!(linux.is_some_and(|l| l.contains("accept queue")));
}

/// A challenge ACK answers a RST that is in the window but not exactly at
/// RCV.NXT (RFC 5961 §3.2) and a SYN on a synchronized connection (§4.2); the
/// lab does not model Linux's rate limit, and says so.
#[test]
fn test_challenge_ack_cases_and_no_modelled_rate_limit() {
    for lang in Lang::ALL {
        let e = explain_segment(SendReason::ChallengeAck, lang);
        assert!(e.what.contains("RCV.NXT"), "{lang:?}: {}", e.what);
        assert!(e.rfc.contains("3.2") && e.rfc.contains("4.2"), "{}", e.rfc);
        let linux = e.linux.expect("a Linux note");
        assert!(
            linux.contains("tcp_challenge_ack_limit") && linux.contains("2^31−1"),
            "{lang:?}: {linux}"
        );
    }
    let en = explain_segment(SendReason::ChallengeAck, Lang::En);
    assert!(en.what.contains("in the window but not exactly at RCV.NXT"));
    assert!(en.linux.unwrap().contains("does not model"));
    assert!(!en.linux.unwrap().contains("rate-limited per socket"));
    let zh = explain_segment(SendReason::ChallengeAck, Lang::Zh);
    assert!(zh.what.contains("落在窗口内、但不恰好等于 RCV.NXT"));
    assert!(zh.linux.unwrap().contains("没有模拟"));
}

/// Only MSS, window scale and SACK-permitted are SYN-only: timestamps go on
/// every non-RST segment once agreed (RFC 7323 §3.2), and SACK blocks appear
/// later when there is loss (RFC 2018).
#[test]
fn test_handshake_options_are_not_all_syn_only() {
    let en = lesson_text("handshake-options", Lang::En);
    assert!(!en.contains("None of these options is repeated"), "{en}");
    assert!(
        en.contains("RFC 7323 §3.2") && en.contains("RFC 2018") && en.contains("except RSTs"),
        "{en}"
    );
    let zh = lesson_text("handshake-options", Lang::Zh);
    assert!(!zh.contains("这些选项之后不会再"), "{zh}");
    assert!(
        zh.contains("RFC 7323 第 3.2 节") && zh.contains("RFC 2018") && zh.contains("除 RST 以外"),
        "{zh}"
    );
}

/// The three-segment close must agree with the fin-ack-lost lesson: a lost ACK
/// of the first FIN is covered by the cumulative acknowledgment on the peer's
/// FIN, so it does not show as a retransmitted FIN.
#[test]
fn test_three_segment_close_agrees_with_fin_ack_lost() {
    let en = lessons::lesson("three-segment-close")
        .unwrap()
        .check
        .explanation
        .get(Lang::En);
    assert!(!en.contains("would show a retransmitted FIN"), "{en}");
    assert!(en.contains("covered the client's FIN all the same"), "{en}");
    let zh = lessons::lesson("three-segment-close")
        .unwrap()
        .check
        .explanation
        .get(Lang::Zh);
    assert!(!zh.contains("会出现重传的 FIN"), "{zh}");
    assert!(zh.contains("照样确认了客户端的 FIN"), "{zh}");
    // The fin-ack-lost lesson says the same: the later segment stands in.
    assert!(lesson_text("fin-ack-lost", Lang::En).contains("cumulative"));
    assert!(lesson_text("fin-ack-lost", Lang::Zh).contains("累积"));
}

/// TIME-WAIT's second reason is about a new connection on the same 4-tuple,
/// which the lab (one connection) cannot show yet: the lesson says so.
#[test]
fn test_time_wait_old_duplicate_is_honest_about_one_connection() {
    let l = lessons::lesson("time-wait-old-duplicate").unwrap();
    let en = lesson_text("time-wait-old-duplicate", Lang::En);
    assert!(
        en.contains("one connection at a time") && en.contains("many connections"),
        "{en}"
    );
    assert!(l.goal.get(Lang::En).contains("not shown"));
    let zh = lesson_text("time-wait-old-duplicate", Lang::Zh);
    assert!(
        zh.contains("只展示一个连接") && zh.contains("多连接视图"),
        "{zh}"
    );
    assert!(l.goal.get(Lang::Zh).contains("无法演示"));
}

/// The 2MSL budget is given in one order everywhere, and the right one: one
/// MSL for the last ACK to reach the peer, one more for a repeated FIN to come
/// back.
#[test]
fn test_two_msl_budget_is_told_one_way() {
    let en = [
        explain_transition(Cause::TimeWaitExpired, Lang::En).why,
        lessons::lesson("time-wait-old-duplicate")
            .unwrap()
            .check
            .explanation
            .get(Lang::En),
        glossary()
            .iter()
            .find(|g| g.term_en == "2MSL")
            .unwrap()
            .definition_en,
    ];
    for t in en {
        assert!(
            t.contains("one MSL for the last ACK to reach the peer, one more for a repeated FIN to come back"),
            "{t}"
        );
        assert!(
            !t.contains("for the peer's FIN to come, one for the ACK to go"),
            "{t}"
        );
    }
    let zh = [
        explain_transition(Cause::TimeWaitExpired, Lang::Zh).why,
        lessons::lesson("time-wait-old-duplicate")
            .unwrap()
            .check
            .explanation
            .get(Lang::Zh),
        glossary()
            .iter()
            .find(|g| g.term_en == "2MSL")
            .unwrap()
            .definition_zh,
    ];
    for t in zh {
        let ack = t
            .find("最后的 ACK 发到对方最多要一个 MSL")
            .unwrap_or_else(|| panic!("{t}"));
        let fin = t
            .find("重发的 FIN 传回来最多又要一个 MSL")
            .unwrap_or_else(|| panic!("{t}"));
        assert!(ack < fin, "{t}");
    }
}

/// Smaller glossary corrections: not every segment after the first SYN carries
/// ACK; a duplicate segment signals no gap; TIME-WAIT sockets are counted apart
/// from orphans.
#[test]
fn test_glossary_small_corrections() {
    let entry = |term: &str| {
        glossary()
            .iter()
            .find(|g| g.term_en == term)
            .unwrap_or_else(|| panic!("{term}"))
    };
    let ack = entry("ACK flag");
    assert!(!ack
        .definition_en
        .contains("Every segment after the first SYN has it set"));
    assert!(
        ack.definition_en.contains("simultaneous open") && ack.definition_en.contains("RST"),
        "{}",
        ack.definition_en
    );
    assert!(!ack.definition_zh.contains("之后的每个报文段都会把它置 1"));
    assert!(
        ack.definition_zh.contains("同时打开") && ack.definition_zh.contains("RST"),
        "{}",
        ack.definition_zh
    );
    let dup = entry("duplicate ACK");
    assert!(!dup.definition_en.contains("or twice; it signals a gap"));
    assert!(
        dup.definition_en.contains("signals no gap"),
        "{}",
        dup.definition_en
    );
    assert!(
        dup.definition_zh.contains("并不表示有缺口"),
        "{}",
        dup.definition_zh
    );
    let orphan = entry("orphan socket");
    for d in [orphan.definition_en, orphan.definition_zh] {
        assert!(
            d.contains("tcp_max_tw_buckets") && d.contains("tcp_max_orphans"),
            "{d}"
        );
        assert!(!d.contains("FIN-WAIT-2 or TIME-WAIT") && !d.contains("FIN-WAIT-2 或 TIME-WAIT"));
    }
}

/// Processing a received RST is RFC 9293 §3.5.3 (§3.5.2 is generating one).
#[test]
fn test_receiving_a_rst_cites_reset_processing() {
    for c in [
        Cause::RecvRstRefused,
        Cause::RecvRst,
        Cause::RecvRstBackToListen,
    ] {
        let en = explain_transition(c, Lang::En).rfc;
        assert!(
            en.contains("§3.5.3") && !en.contains("§3.5.2"),
            "{c:?}: {en}"
        );
        let zh = explain_transition(c, Lang::Zh).rfc;
        assert!(
            zh.contains("第 3.5.3 节") && !zh.contains("3.5.2"),
            "{c:?}: {zh}"
        );
    }
}

/// RFC 9293 numbers its figures: simultaneous open is Figure 7, recovery from
/// an old duplicate SYN is Figure 8.
#[test]
fn test_rfc_9293_figure_numbers() {
    let en = lesson_text("simultaneous-open", Lang::En);
    assert!(
        en.contains("Figure 7 of RFC 9293") && !en.contains("Figure 8"),
        "{en}"
    );
    let zh = lesson_text("simultaneous-open", Lang::Zh);
    assert!(
        zh.contains("RFC 9293 的图 7") && !zh.contains("图 8"),
        "{zh}"
    );
    for lang in Lang::ALL {
        assert!(explain_transition(Cause::RecvSynSimultaneous, lang)
            .rfc
            .contains('7'));
        assert!(explain_segment(SendReason::SynAckSimultaneous, lang)
            .rfc
            .contains('7'));
        assert!(explain_segment(SendReason::RstBadAck, lang)
            .rfc
            .contains('8'));
    }
}
