//! Lesson 0 ("what TCP adds") and the "Common mistakes" card of every lesson.

use tcp_lab_content::lessons::{self, LessonScenario};
use tcp_lab_content::{fill_limits, Lang};
use tcp_sim::{Profile, ProfileName};

fn has_cjk(s: &str) -> bool {
    s.chars()
        .any(|c| matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}'))
}

#[test]
fn test_lesson_zero_comes_first_and_plays_the_connect_time_out() {
    let l = &lessons::lessons()[0];
    assert_eq!(l.id, "what-tcp-adds");
    assert_eq!(l.source, LessonScenario::Named("syn_retries_exhausted"));
    assert_eq!(l.profile, ProfileName::Linux);
    let trace = l.trace();
    // connect() fails: the run records the client's failed step.
    assert!(
        trace.errors.iter().any(|e| e.step == "connect"),
        "{:?}",
        trace.errors
    );
    let (schedule, give_up) = Profile::linux().syn_schedule();
    let retries = schedule.len().to_string();
    let give_up_s = format!("{}", give_up.as_ms() / 1000.0);
    for lang in Lang::ALL {
        let all: Vec<String> = (0..l.stops.len())
            .map(|i| l.narration(i, lang, &trace))
            .collect();
        let all = all.join(" ");
        assert!(!all.contains('{'), "{lang:?}: {all}");
        assert!(all.contains(&retries) && all.contains(&give_up_s), "{all}");
        assert!(all.contains("TLS") && all.contains("connect()"), "{all}");
        // The numbers are placeholders in the templates, never typed.
        for s in l.stops {
            assert!(
                !s.text.get(lang).contains(&give_up_s),
                "typed: {}",
                s.text.get(lang)
            );
        }
    }
    let en: String = l.stops.iter().map(|s| s.text.en).collect();
    assert!(en.contains("Reliable is not secure") && en.contains("retransmits"));
    assert!(en.contains("does not make the network reliable"), "{en}");
    let zh: String = l.stops.iter().map(|s| s.text.zh).collect();
    assert!(zh.contains("可靠不等于安全") && zh.contains("重传"), "{zh}");
    assert_eq!(
        l.check.choices[l.check.correct].en,
        "Sequence numbers, acknowledgments and retransmission"
    );
}

#[test]
fn test_every_lesson_has_a_mistake_card_in_both_languages() {
    for l in lessons::lessons() {
        assert!(!l.mistakes.is_empty(), "{}: no common mistake", l.id);
        for (i, m) in l.mistakes.iter().enumerate() {
            for (what, b) in [("claim", m.claim), ("correction", m.correction)] {
                assert!(!b.en.trim().is_empty() && !b.zh.trim().is_empty());
                assert_ne!(b.en, b.zh, "{} mistake {i} {what}", l.id);
                assert!(has_cjk(b.zh), "{} mistake {i} {what}: {}", l.id, b.zh);
                assert!(!has_cjk(b.en), "{} mistake {i} {what}: {}", l.id, b.en);
            }
            // The claim is quoted: it is what the articles say, not what we say.
            assert!(
                m.claim.en.starts_with('"') && m.claim.en.ends_with('"'),
                "{}: {}",
                l.id,
                m.claim.en
            );
            assert!(
                m.claim.zh.starts_with('“') && m.claim.zh.ends_with('”'),
                "{}: {}",
                l.id,
                m.claim.zh
            );
            assert!(m.correction.en.len() > m.claim.en.len(), "{}", l.id);
            for lang in Lang::ALL {
                let filled = fill_limits(m.correction.get(lang), lang);
                assert!(!filled.contains('{'), "{} ({lang:?}): {filled}", l.id);
            }
        }
    }
}

/// The popular errors are each named in the lesson where the learner meets
/// them, as a quoted wrong claim followed by its correction.
#[test]
fn test_popular_errors_are_named_where_they_apply() {
    // (lesson, claim contains, correction contains), in English and Chinese.
    const EN: &[(&str, &str, &str)] = &[
        ("what-tcp-adds", "TCP is secure, UDP is not", "TLS"),
        (
            "what-tcp-adds",
            "handshake",
            "sequence numbers, acknowledgments and retransmission",
        ),
        ("what-tcp-adds", "100%", "{linux_syn_give_up_s}"),
        ("handshake", "SYN = 1", "bare ACK"),
        ("handshake", "ACK=x+1", "acknowledgment number"),
        ("four-way-close", "random", "not random"),
        (
            "four-way-close",
            "stop sending",
            "Whoever sends a FIN stops sending",
        ),
        ("half-close", "half-open", "half-closed"),
        ("half-close", "can no longer send", "keeps sending"),
        ("time-wait-last-ack", "resend", "repeated FIN"),
        ("server-fin-lost", "keepalive", "not part of the close"),
        (
            "syn-and-accept-queues",
            "accept queue holds the half-open",
            "SYN queue",
        ),
        (
            "accept-queue-full",
            "sends a RST",
            "tcp_abort_on_overflow = 1",
        ),
        ("syn-flood-cookies", "bigger SYN queue", "no queue at all"),
        (
            "time-wait-new-connection",
            "resend the last ACK",
            "four-tuple",
        ),
        ("port-exhaustion", "SO_REUSEADDR", "bind()"),
        ("close-wait-leak", "tcp_fin_timeout", "no timer"),
    ];
    const ZH: &[(&str, &str, &str)] = &[
        ("what-tcp-adds", "TCP 安全，UDP 不安全", "TLS"),
        ("what-tcp-adds", "三次握手", "序列号、确认和重传"),
        ("handshake", "SYN = 1", "纯 ACK"),
        ("handshake", "ACK=x+1", "确认号"),
        ("four-way-close", "随机", "都不是随机数"),
        ("four-way-close", "停止发送", "谁发送 FIN，谁就停止发送"),
        ("half-close", "半连接", "半关闭"),
        ("time-wait-last-ack", "重发", "重复的 FIN"),
        ("server-fin-lost", "保活计时器", "不是关闭过程的一部分"),
        ("syn-and-accept-queues", "全连接队列", "半连接队列"),
        ("accept-queue-full", "RST", "tcp_abort_on_overflow = 1"),
        ("syn-flood-cookies", "半连接队列", "根本不是队列"),
        ("time-wait-new-connection", "重发最后一个 ACK", "四元组"),
        ("port-exhaustion", "SO_REUSEADDR", "bind()"),
        ("close-wait-leak", "tcp_fin_timeout", "没有为它设置计时器"),
    ];
    for (table, lang) in [(EN, Lang::En), (ZH, Lang::Zh)] {
        for (id, claim, fix) in table {
            let l = lessons::lesson(id).unwrap_or_else(|| panic!("{id}"));
            assert!(
                l.mistakes
                    .iter()
                    .any(|m| m.claim.get(lang).contains(claim)
                        && m.correction.get(lang).contains(fix)),
                "{id} ({lang:?}): no mistake claiming {claim:?} corrected with {fix:?}"
            );
        }
    }
}
