//! Completeness and correctness checks for the teaching text.
//!
//! - every key has non-empty text in both languages;
//! - no Chinese string equals its English counterpart, and every Chinese
//!   string contains Chinese (every English one contains none);
//! - every transition and segment the core produces in the named scenarios,
//!   under both profiles, has an explanation;
//! - the popular errors of the articles our users read are not repeated:
//!   SYN on the third handshake segment, "TIME-WAIT resends lost segments",
//!   "TCP is secure, UDP is not", and mixing up the ACK flag and the
//!   acknowledgment number.
//!
//! "Every text" covers the explanations, labels, scenario texts and glossary,
//! and also the lessons (titles, goals, narration templates, check questions,
//! choices, the notes on the choices and explanations), the analogies, the "what each side knows"
//! labels and summaries, and the quiz phrases. The wrong choices of the
//! lessons' checks may state a misconception on purpose (that is what makes
//! them wrong); they are checked for everything except the popular errors.
//! So may the wrong claims of the lessons' "Common mistakes" cards, which
//! quote the popular errors on purpose; their corrections are checked like
//! every other text.

use std::collections::BTreeSet;
use tcp_lab_content::{
    analogy, analogy_for_cause, analogy_for_reason, explain_segment, explain_transition, glossary,
    knowledge_labels, knowledge_summary, lessons, page_text, quiz, scenario_blurb, scenario_title,
    state_gloss, timer_label, ui_text, AnalogyTopic, Explanation, Lang, PageText, Ui,
};
use tcp_sim::{named, run, Cause, Knowledge, ProfileName, SendReason, Side, State, TimerKind};

// ---------------------------------------------------------------- helpers

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}

fn has_cjk(s: &str) -> bool {
    s.chars().any(is_cjk)
}

/// The fields of an explanation, named, with `linux` only when present.
fn fields(e: &Explanation) -> Vec<(&'static str, &'static str)> {
    let mut v = vec![
        ("title", e.title),
        ("what", e.what),
        ("why", e.why),
        ("without", e.without),
        ("rfc", e.rfc),
    ];
    if let Some(l) = e.linux {
        v.push(("linux", l));
    }
    v
}

/// Every field of every transition and segment explanation, in one language, labelled.
fn transition_and_segment_texts(lang: Lang) -> Vec<(String, &'static str)> {
    let mut v = Vec::new();
    for c in Cause::ALL {
        for (f, s) in fields(&explain_transition(c, lang)) {
            v.push((format!("transition {c:?}.{f}"), s));
        }
    }
    for r in SendReason::ALL {
        for (f, s) in fields(&explain_segment(r, lang)) {
            v.push((format!("segment {r:?}.{f}"), s));
        }
    }
    v
}

/// Every text in the crate, in one language, labelled for error messages.
fn all_texts(lang: Lang) -> Vec<(String, &'static str)> {
    let mut v = transition_and_segment_texts(lang);
    for k in TimerKind::ALL {
        v.push((format!("timer {k:?}"), timer_label(k, lang)));
    }
    for st in State::ALL {
        v.push((format!("state {st:?}"), state_gloss(st, lang)));
    }
    for &t in PageText::ALL {
        v.push((format!("page text {t:?}"), page_text(t, lang)));
    }
    for &u in Ui::ALL {
        v.push((format!("interface text {u:?}"), ui_text(u, lang)));
    }
    for k in tcp_sim::server::listener::ListenerEventKind::ALL {
        let (label, text) = tcp_lab_content::listener_event_text(k, lang);
        v.push((format!("listener {k:?} label"), label));
        v.push((format!("listener {k:?} text"), text));
    }
    for c in tcp_sim::server::listener::ListenerCounter::ALL {
        let (label, text) = tcp_lab_content::listener_counter_text(c, lang);
        v.push((format!("counter {c:?} label"), label));
        v.push((format!("counter {c:?} text"), text));
    }
    for n in named::NAMES.iter().chain(&named::SERVER_NAMES) {
        v.push((
            format!("scenario {n} title"),
            scenario_title(n, lang).unwrap_or(""),
        ));
        v.push((
            format!("scenario {n} blurb"),
            scenario_blurb(n, lang).unwrap_or(""),
        ));
    }
    for l in lessons::lessons() {
        let id = l.id;
        v.push((format!("lesson {id} title"), l.title.get(lang)));
        v.push((format!("lesson {id} goal"), l.goal.get(lang)));
        for (i, stop) in l.stops.iter().enumerate() {
            v.push((format!("lesson {id} stop {i}"), stop.text.get(lang)));
        }
        let c = &l.check;
        v.push((format!("lesson {id} check question"), c.question.get(lang)));
        for (i, choice) in c.choices.iter().enumerate() {
            let which = if i == c.correct {
                "right"
            } else {
                WRONG_CHOICE
            };
            v.push((
                format!("lesson {id} check choice {i} ({which})"),
                choice.get(lang),
            ));
        }
        // The note on each choice says why it is right or wrong; a wrong
        // choice's note rejects the misconception, so it is held to every rule.
        for (i, note) in c.why.iter().enumerate() {
            v.push((format!("lesson {id} check note {i}"), note.get(lang)));
        }
        v.push((
            format!("lesson {id} check explanation"),
            c.explanation.get(lang),
        ));
        for (i, m) in l.mistakes.iter().enumerate() {
            v.push((
                format!("lesson {id} mistake {i} ({WRONG_CLAIM})"),
                m.claim.get(lang),
            ));
            v.push((
                format!("lesson {id} mistake {i} correction"),
                m.correction.get(lang),
            ));
        }
    }
    for topic in AnalogyTopic::ALL {
        let a = analogy(topic, lang);
        v.push((format!("analogy {topic:?} title"), a.title));
        v.push((format!("analogy {topic:?} text"), a.text));
        v.push((format!("analogy {topic:?} limits"), a.limits));
    }
    for (i, label) in knowledge_labels(lang).into_iter().enumerate() {
        v.push((format!("knowledge label {i}"), label));
    }
    for (key, k, side) in knowledge_cases() {
        // Summaries are built at run time; leaking them keeps one list type.
        let s: &'static str = Box::leak(knowledge_summary(&k, side, lang).into_boxed_str());
        v.push((format!("knowledge summary {key}"), s));
    }
    for (key, phrase) in quiz::phrases(lang) {
        v.push((format!("quiz phrase {key}"), phrase));
    }
    for g in glossary() {
        match lang {
            Lang::En => {
                v.push((format!("glossary {} term", g.term_en), g.term_en));
                v.push((
                    format!("glossary {} definition", g.term_en),
                    g.definition_en,
                ));
            }
            Lang::Zh => {
                v.push((format!("glossary {} term", g.term_en), g.term_zh));
                v.push((
                    format!("glossary {} definition", g.term_en),
                    g.definition_zh,
                ));
            }
        }
    }
    v
}

/// Marks the wrong choices of the lessons' checks in the keys.
const WRONG_CHOICE: &str = "wrong choice";

/// Marks the wrong claims of the "Common mistakes" cards in the keys.
const WRONG_CLAIM: &str = "wrong claim";

/// Every text except the deliberately wrong choices of the checks and the
/// wrong claims of the mistake cards.
fn asserted_texts(lang: Lang) -> Vec<(String, &'static str)> {
    all_texts(lang)
        .into_iter()
        .filter(|(k, _)| !k.contains(WRONG_CHOICE) && !k.contains(WRONG_CLAIM))
        .collect()
}

/// Every text except the wrong claims of the mistake cards (the wrong choices
/// of the checks stay: they must not use the popular error's wording either).
fn texts_without_wrong_claims(lang: Lang) -> Vec<(String, &'static str)> {
    all_texts(lang)
        .into_iter()
        .filter(|(k, _)| !k.contains(WRONG_CLAIM))
        .collect()
}

/// Every combination of the knowledge fields that can occur, for both sides.
fn knowledge_cases() -> Vec<(String, Knowledge, Side)> {
    let mut v = Vec::new();
    for bits in 0..32u8 {
        let recv = bits & 1 != 0;
        let send = bits & 2 != 0;
        let k = Knowledge {
            i_can_send: send,
            i_can_receive: recv,
            peer_can_send: recv,
            peer_can_receive: send,
            i_will_send_no_more: bits & 4 != 0,
            peer_will_send_no_more: bits & 8 != 0,
            peer_isn_known: recv,
            my_isn_acked: send,
            my_fin_acked: bits & 4 != 0 && bits & 16 != 0,
        };
        if bits & 16 != 0 && bits & 4 == 0 {
            continue; // no ACK of a FIN never sent
        }
        for side in Side::BOTH {
            v.push((format!("{bits:05b} {side}"), k, side));
        }
    }
    v
}

/// English and Chinese side by side, for the pairwise checks.
fn all_pairs() -> Vec<(String, &'static str, &'static str)> {
    let en = all_texts(Lang::En);
    let zh = all_texts(Lang::Zh);
    assert_eq!(en.len(), zh.len(), "the two languages have different keys");
    en.into_iter()
        .zip(zh)
        .map(|((ke, e), (kz, z))| {
            assert_eq!(ke, kz, "keys out of step");
            (ke, e, z)
        })
        .collect()
}

fn explanation_text(e: &Explanation) -> String {
    fields(e)
        .into_iter()
        .map(|(_, s)| s)
        .collect::<Vec<_>>()
        .join(" ")
}

// ---------------------------------------------------------------- completeness

#[test]
fn test_every_cause_has_every_field_in_both_languages() {
    for c in Cause::ALL {
        let en = explain_transition(c, Lang::En);
        let zh = explain_transition(c, Lang::Zh);
        for e in [&en, &zh] {
            for (f, s) in fields(e) {
                assert!(!s.trim().is_empty(), "transition {c:?}: empty {f}");
            }
        }
        assert_eq!(
            en.linux.is_some(),
            zh.linux.is_some(),
            "transition {c:?}: a Linux note in one language only"
        );
    }
}

#[test]
fn test_every_send_reason_has_every_field_in_both_languages() {
    for r in SendReason::ALL {
        let en = explain_segment(r, Lang::En);
        let zh = explain_segment(r, Lang::Zh);
        for e in [&en, &zh] {
            for (f, s) in fields(e) {
                assert!(!s.trim().is_empty(), "segment {r:?}: empty {f}");
            }
        }
        assert_eq!(
            en.linux.is_some(),
            zh.linux.is_some(),
            "segment {r:?}: a Linux note in one language only"
        );
    }
}

#[test]
fn test_every_timer_state_and_scenario_has_text_in_both_languages() {
    for lang in Lang::ALL {
        for k in TimerKind::ALL {
            assert!(
                !timer_label(k, lang).trim().is_empty(),
                "timer {k:?} {lang:?}"
            );
        }
        for s in State::ALL {
            assert!(
                !state_gloss(s, lang).trim().is_empty(),
                "state {s:?} {lang:?}"
            );
        }
        for n in named::NAMES {
            let t = scenario_title(n, lang);
            let b = scenario_blurb(n, lang);
            assert!(
                t.is_some_and(|t| !t.trim().is_empty()),
                "scenario {n} title {lang:?}"
            );
            assert!(
                b.is_some_and(|b| !b.trim().is_empty()),
                "scenario {n} blurb {lang:?}"
            );
        }
        assert_eq!(scenario_title("no_such_scenario", lang), None);
        assert_eq!(scenario_blurb("no_such_scenario", lang), None);
        assert_eq!(scenario_title("custom", lang), None);
    }
}

#[test]
fn test_every_text_is_non_empty() {
    for lang in Lang::ALL {
        for (key, s) in all_texts(lang) {
            assert!(!s.trim().is_empty(), "{key} ({lang:?}) is empty");
            assert_eq!(s, s.trim(), "{key} ({lang:?}) has stray whitespace");
        }
    }
}

#[test]
fn test_no_chinese_string_equals_its_english_counterpart() {
    for (key, en, zh) in all_pairs() {
        assert_ne!(en, zh, "{key}: the Chinese text is the English text");
    }
}

#[test]
fn test_every_chinese_string_contains_chinese() {
    for (key, s) in all_texts(Lang::Zh) {
        // A template of only values and punctuation ("{label}：{value}") has no words of its own.
        let words = s
            .split('{')
            .map(|part| part.split_once('}').map_or(part, |(_, rest)| rest))
            .collect::<String>();
        if !words.chars().any(char::is_alphanumeric) {
            continue;
        }
        assert!(has_cjk(s), "{key}: no Chinese character in {s:?}");
    }
}

#[test]
fn test_no_english_string_contains_chinese() {
    for (key, s) in all_texts(Lang::En) {
        assert!(!has_cjk(s), "{key}: Chinese in the English slot: {s:?}");
    }
}

#[test]
fn test_chinese_uses_full_width_punctuation_next_to_chinese() {
    for (key, s) in all_texts(Lang::Zh) {
        let chars: Vec<char> = s.chars().collect();
        for (i, &c) in chars.iter().enumerate() {
            if matches!(c, ',' | ';' | ':' | '!' | '?' | '(' | ')') {
                let prev = i.checked_sub(1).map(|j| chars[j]);
                let next = chars.get(i + 1).copied();
                assert!(
                    !prev.is_some_and(is_cjk) && !next.is_some_and(is_cjk),
                    "{key}: half-width {c:?} next to Chinese in {s:?}"
                );
            }
        }
    }
}

#[test]
fn test_rfc_fields_name_a_section() {
    for lang in Lang::ALL {
        let rfcs = Cause::ALL
            .iter()
            .map(|&c| (format!("{c:?}"), explain_transition(c, lang).rfc))
            .chain(
                SendReason::ALL
                    .iter()
                    .map(|&r| (format!("{r:?}"), explain_segment(r, lang).rfc)),
            );
        for (key, rfc) in rfcs {
            assert!(rfc.starts_with("RFC "), "{key} ({lang:?}): {rfc:?}");
            match lang {
                Lang::En => assert!(
                    rfc.contains('§') || rfc.contains("RFC 1337"),
                    "{key}: {rfc:?}"
                ),
                Lang::Zh => assert!(rfc.contains('第') && rfc.contains('节'), "{key}: {rfc:?}"),
            }
        }
    }
}

#[test]
fn test_titles_are_distinct() {
    for lang in Lang::ALL {
        let mut seen = BTreeSet::new();
        for c in Cause::ALL {
            let t = explain_transition(c, lang).title;
            assert!(
                seen.insert(t),
                "transition {c:?}: title {t:?} used twice ({lang:?})"
            );
        }
        let mut seen = BTreeSet::new();
        for r in SendReason::ALL {
            let t = explain_segment(r, lang).title;
            assert!(
                seen.insert(t),
                "segment {r:?}: title {t:?} used twice ({lang:?})"
            );
        }
        let mut seen = BTreeSet::new();
        for n in named::NAMES {
            let t = scenario_title(n, lang).unwrap();
            assert!(
                seen.insert(t),
                "scenario {n}: title {t:?} used twice ({lang:?})"
            );
        }
    }
}

/// Every transition cause, segment reason, timer and state that the core
/// produces in the named scenarios, under both profiles, has text. With
/// exhaustive matches this cannot fail at run time; the test documents that
/// the content covers what the core can produce.
#[test]
fn test_named_scenarios_under_both_profiles_are_covered() {
    let mut causes = BTreeSet::new();
    let mut reasons = BTreeSet::new();
    for name in named::NAMES {
        for profile in ProfileName::ALL {
            let sc = named::with_profile(named::by_name(name).expect(name), profile);
            let trace = run(&sc);
            assert!(
                !trace.segments.is_empty(),
                "{name} [{profile}] produced nothing"
            );
            for lang in Lang::ALL {
                for t in &trace.transitions {
                    let e = explain_transition(t.cause, lang);
                    assert!(
                        !e.title.is_empty() && !e.what.is_empty(),
                        "{name}: {:?}",
                        t.cause
                    );
                    assert!(!state_gloss(t.from, lang).is_empty());
                    assert!(!state_gloss(t.to, lang).is_empty());
                }
                for s in &trace.segments {
                    let e = explain_segment(s.reason, lang);
                    assert!(
                        !e.title.is_empty() && !e.what.is_empty(),
                        "{name}: {:?}",
                        s.reason
                    );
                }
                for t in &trace.timers {
                    assert!(
                        !timer_label(t.kind, lang).is_empty(),
                        "{name}: {:?}",
                        t.kind
                    );
                }
            }
            causes.extend(trace.transitions.iter().map(|t| t.cause));
            reasons.extend(trace.segments.iter().map(|s| s.reason));
        }
        assert!(scenario_title(name, Lang::En).is_some(), "{name}");
    }
    // The scenarios exercise the core's main paths; a sanity check that the
    // run above really looked at something.
    assert!(causes.contains(&Cause::RecvSynAck) && causes.contains(&Cause::TimeWaitExpired));
    assert!(reasons.contains(&SendReason::HandshakeAck) && reasons.contains(&SendReason::Fin));
}

// ---------------------------------------------------------------- popular errors

/// The third handshake segment is a bare ACK: no explanation of it may
/// claim the SYN flag is set, and it must say so explicitly.
#[test]
fn test_third_handshake_segment_is_not_a_syn() {
    const CLAIMS_SYN: &[&str] = &[
        "SYN=1",
        "SYN = 1",
        "SYN =1",
        "SYN= 1",
        "SYN set",
        "SYN flag set",
        "SYN flag is set",
        "SYN bit set",
        "SYN bit is set",
        "SYN and ACK",
        "SYN+ACK",
        "SYN-ACK flags",
        "with SYN",
        "SYN 置",
        "SYN置",
        "SYN 为 1",
        "SYN为1",
        "SYN 设为",
        "SYN设为",
        "SYN 标志置",
        "SYN 和 ACK",
        "带 SYN 标志",
        "带有 SYN",
    ];
    for lang in Lang::ALL {
        let e = explain_segment(SendReason::HandshakeAck, lang);
        let text = explanation_text(&e);
        for claim in CLAIMS_SYN {
            // "不带 SYN 标志" (no SYN flag) is the denial we want, not a claim.
            let stripped = text.replace("不带 SYN 标志", "").replace("不带有 SYN", "");
            assert!(
                !stripped.contains(claim),
                "HandshakeAck ({lang:?}) says {claim:?}: {text}"
            );
        }
        match lang {
            Lang::En => assert!(
                text.contains("no SYN") && text.contains("bare ACK"),
                "the third segment must be called a bare ACK with no SYN: {text}"
            ),
            Lang::Zh => assert!(
                text.contains("不带 SYN") && text.contains("纯 ACK"),
                "第三个报文段必须说明是不带 SYN 的纯 ACK：{text}"
            ),
        }
    }
    // The transition into ESTABLISHED that sends it must not call it a SYN either.
    let en = explanation_text(&explain_transition(Cause::RecvSynAck, Lang::En));
    assert!(en.contains("bare ACK"), "{en}");
    let zh = explanation_text(&explain_transition(Cause::RecvSynAck, Lang::Zh));
    assert!(zh.contains("纯 ACK"), "{zh}");
}

/// TIME-WAIT does not resend lost segments: it re-acknowledges a repeated
/// FIN and lets old duplicates expire.
#[test]
fn test_time_wait_is_not_for_resending_lost_segments() {
    const WRONG: &[&str] = &[
        "resend lost",
        "resending lost",
        "resends lost",
        "resend the lost",
        "resend any lost",
        "retransmit lost",
        "retransmitting lost",
        "retransmit the lost",
        "retransmit any lost",
        "resend segments that",
        "重发可能丢失",
        "重发丢失",
        "重传可能丢失",
        "重传丢失",
        "重发报文",
        "用来重发",
        "用于重发",
        "用来重传",
        "用于重传",
    ];
    for lang in Lang::ALL {
        for (key, s) in asserted_texts(lang) {
            let lower = s.to_lowercase();
            for w in WRONG {
                assert!(!lower.contains(w), "{key} ({lang:?}) says {w:?}: {s}");
            }
        }
    }
    // And the right reasons are given, in the state gloss and the timer's end.
    let en = [
        state_gloss(State::TimeWait, Lang::En).to_string(),
        explanation_text(&explain_transition(Cause::TimeWaitExpired, Lang::En)),
        explanation_text(&explain_transition(Cause::RecvFinAfterOurs, Lang::En)),
    ];
    for t in &en {
        assert!(t.contains("FIN") && t.contains("old duplicates"), "{t}");
    }
    let zh = [
        state_gloss(State::TimeWait, Lang::Zh).to_string(),
        explanation_text(&explain_transition(Cause::TimeWaitExpired, Lang::Zh)),
        explanation_text(&explain_transition(Cause::RecvFinAfterOurs, Lang::Zh)),
    ];
    for t in &zh {
        assert!(t.contains("FIN") && t.contains("旧"), "{t}");
    }
    let ack = explanation_text(&explain_segment(SendReason::TimeWaitAck, Lang::En));
    assert!(
        ack.contains("re-acknowledge") || ack.contains("once more"),
        "{ack}"
    );
}

/// The difference between TCP and UDP is reliability, not security: our
/// text never calls either protocol secure or insecure. The only mention of
/// security is the denial "reliable is not secure" (可靠不等于安全), next to
/// TLS, which does encrypt; the mistake cards quote the error as a wrong claim.
#[test]
fn test_tcp_is_not_called_secure() {
    const DENIALS: &[&str] = &["reliable is not secure", "可靠不等于安全"];
    for lang in Lang::ALL {
        for (key, s) in texts_without_wrong_claims(lang) {
            let mut lower = s.to_lowercase();
            for d in DENIALS {
                if lower.contains(d) {
                    assert!(s.contains("TLS"), "{key}: the denial names TLS: {s}");
                    lower = lower.replace(d, "");
                }
            }
            assert!(
                !lower.contains("secur") && !lower.contains("安全"),
                "{key} ({lang:?}) talks about security; TCP differs from UDP by reliability: {s}"
            );
        }
    }
    // The error is named where the learner meets it: Lesson 0's card.
    let l = &lessons::lessons()[0];
    assert!(l
        .mistakes
        .iter()
        .any(|m| m.claim.get(Lang::En).contains("secure")
            && m.claim.get(Lang::Zh).contains("安全")
            && m.correction
                .get(Lang::En)
                .to_lowercase()
                .contains("reliable is not secure")
            && m.correction.get(Lang::Zh).contains("可靠不等于安全")));
    let udp = glossary()
        .iter()
        .find(|g| g.term_en.starts_with("UDP"))
        .expect("UDP in the glossary");
    assert!(
        udp.definition_en.contains("reliab"),
        "{}",
        udp.definition_en
    );
    assert!(udp.definition_zh.contains("可靠"), "{}", udp.definition_zh);
}

/// The ACK flag and the acknowledgment number are different things; the text
/// names them precisely and avoids the "ACK=x+1" shorthand of the articles.
#[test]
fn test_ack_flag_and_acknowledgment_number_are_not_mixed_up() {
    const SLOPPY: &[&str] = &[
        "ack=",
        "ack =",
        "ack number",
        "ack no.",
        "ack #",
        "ack 号",
        "ack号",
        "ack值",
        "ack 值",
    ];
    for lang in Lang::ALL {
        for (key, s) in texts_without_wrong_claims(lang) {
            let lower = s.to_lowercase();
            for w in SLOPPY {
                assert!(!lower.contains(w), "{key} ({lang:?}) writes {w:?}: {s}");
            }
        }
    }
    for (key, s) in all_texts(Lang::Zh) {
        // Chinese textbooks' terms: 序列号 and 确认号, not the shorter 序号.
        assert!(!s.contains("序号"), "{key}: use 序列号, not 序号: {s}");
    }
    let terms: Vec<&str> = glossary().iter().map(|g| g.term_en).collect();
    assert!(terms.contains(&"ACK flag"), "{terms:?}");
    assert!(terms.contains(&"acknowledgment number"), "{terms:?}");
    let zh: Vec<&str> = glossary().iter().map(|g| g.term_zh).collect();
    assert!(
        zh.contains(&"确认标志 ACK") && zh.contains(&"确认号"),
        "{zh:?}"
    );
}

// ---------------------------------------------------------------- teaching points

/// The points every learner asks about are answered, in both languages.
#[test]
fn test_teaching_points_are_covered() {
    let seg = |r, l| explanation_text(&explain_segment(r, l));
    let tr = |c, l| explanation_text(&explain_transition(c, l));

    // Why three: the old duplicate SYN, and synchronizing both ISNs.
    let en = seg(SendReason::HandshakeAck, Lang::En) + &tr(Cause::RecvAckOfSyn, Lang::En);
    assert!(
        en.contains("old duplicate SYN") && en.contains("two segments"),
        "{en}"
    );
    assert!(en.contains("both ISNs"), "{en}");
    let zh = seg(SendReason::HandshakeAck, Lang::Zh) + &tr(Cause::RecvAckOfSyn, Lang::Zh);
    assert!(
        zh.contains("旧的重复 SYN") && zh.contains("两次握手"),
        "{zh}"
    );
    assert!(zh.contains("ISN 都同步"), "{zh}");

    // Why not four: SYN and ACK share the second segment.
    assert!(seg(SendReason::SynAck, Lang::En).contains("three segments and not four"));
    assert!(seg(SendReason::SynAck, Lang::Zh).contains("握手只需三次"));

    // Why four to close: full duplex, each direction on its own, half-close.
    let en = tr(Cause::AppCloseSendFin, Lang::En) + &tr(Cause::RecvFin, Lang::En);
    assert!(
        en.contains("full duplex") && en.contains("half-close"),
        "{en}"
    );
    let zh = tr(Cause::AppCloseSendFin, Lang::Zh) + &tr(Cause::RecvFin, Lang::Zh);
    assert!(zh.contains("全双工") && zh.contains("半关闭"), "{zh}");

    // Why 2MSL: a lost last ACK and old duplicates dying out.
    let en = tr(Cause::TimeWaitExpired, Lang::En);
    assert!(
        en.contains("lost last ACK") && en.contains("old duplicates"),
        "{en}"
    );
    let zh = tr(Cause::TimeWaitExpired, Lang::Zh);
    assert!(
        zh.contains("ACK 在途中丢失") && zh.contains("旧的重复报文段"),
        "{zh}"
    );
}

/// Where Linux differs from the textbook, the `linux` note says so.
#[test]
fn test_linux_differences_are_explained() {
    let linux_seg = |r, l| explain_segment(r, l).linux.unwrap_or_default();
    let linux_tr = |c, l| explain_transition(c, l).linux.unwrap_or_default();

    // Three-segment close: the ACK of the FIN rides on the server's own FIN.
    assert!(linux_seg(SendReason::Fin, Lang::En).contains("three segments"));
    assert!(linux_seg(SendReason::Fin, Lang::Zh).contains("三个报文段"));
    assert!(linux_seg(SendReason::AckOfFin, Lang::En).contains("three segments"));
    assert!(linux_tr(Cause::RecvFin, Lang::En).contains("three segments"));
    // Linear SYN retries.
    assert!(linux_seg(SendReason::SynRetransmit, Lang::En).contains("tcp_syn_linear_timeouts"));
    assert!(linux_seg(SendReason::SynRetransmit, Lang::Zh).contains("tcp_syn_linear_timeouts"));
    // TIME-WAIT of 60 s.
    assert!(linux_tr(Cause::TimeWaitExpired, Lang::En).contains("60 s"));
    assert!(linux_tr(Cause::TimeWaitExpired, Lang::Zh).contains("60 秒"));
    // Challenge ACKs.
    assert!(linux_tr(Cause::RecvSynInWindow, Lang::En).contains("challenge ACK"));
    assert!(linux_tr(Cause::RecvSynInWindow, Lang::Zh).contains("挑战 ACK"));
    assert!(linux_seg(SendReason::ChallengeAck, Lang::En).contains("RFC 793"));
    // 200 ms minimum RTO.
    assert!(linux_seg(SendReason::DataRetransmit, Lang::En).contains("200 ms"));
    assert!(linux_seg(SendReason::DataRetransmit, Lang::Zh).contains("200 毫秒"));
    // Quick ACK at connection start.
    assert!(linux_seg(SendReason::AckNow, Lang::En).contains("quick-ACK"));
    assert!(linux_seg(SendReason::AckNow, Lang::Zh).contains("快速确认"));
    // RST ends TIME-WAIT.
    assert!(linux_tr(Cause::RecvRstInTimeWait, Lang::En).contains("tcp_rfc1337"));
}

// ---------------------------------------------------------------- glossary

#[test]
fn test_glossary_is_complete_and_bilingual() {
    let g = glossary();
    let mut en_terms = BTreeSet::new();
    let mut zh_terms = BTreeSet::new();
    for e in g {
        for s in [e.term_en, e.term_zh, e.definition_en, e.definition_zh] {
            assert!(!s.trim().is_empty(), "empty glossary field in {e:?}");
        }
        assert!(en_terms.insert(e.term_en), "{} twice", e.term_en);
        assert!(zh_terms.insert(e.term_zh), "{} twice", e.term_zh);
    }
    const REQUIRED: &[&str] = &[
        "SYN",
        "ACK flag",
        "acknowledgment number",
        "sequence number",
        "ISN",
        "FIN",
        "RST",
        "MSS",
        "window",
        "window scale",
        "SACK",
        "timestamps",
        "PAWS",
        "RTT",
        "RTO",
        "MSL",
        "2MSL",
        "half-close",
        "delayed ACK",
        "quick ACK",
        "challenge ACK",
        "retransmission",
        "4-tuple",
        "three-way handshake",
        "four-way close",
        "segment",
    ];
    for term in REQUIRED
        .iter()
        .copied()
        .chain(State::ALL.iter().map(|s| s.rfc_name()))
    {
        assert!(
            g.iter()
                .any(|e| e.term_en == term || e.term_en.starts_with(&format!("{term} ("))),
            "glossary lacks {term:?}"
        );
    }
}

// ---------------------------------------------------------------- new text: lessons, analogies, knowledge

/// Each deliberately wrong choice is matched by an explanation in the same
/// check, and at least one check offers the TIME-WAIT misconception as wrong.
/// The checks below really see the new text.
#[test]
fn test_new_text_is_in_the_checked_list() {
    for lang in Lang::ALL {
        let keys: Vec<String> = all_texts(lang).into_iter().map(|(k, _)| k).collect();
        for prefix in [
            "lesson ",
            "analogy ",
            "knowledge label",
            "knowledge summary",
            "quiz phrase",
        ] {
            assert!(keys.iter().any(|k| k.starts_with(prefix)), "{prefix}");
        }
        let stops: usize = lessons::lessons().iter().map(|l| l.stops.len()).sum();
        assert!(keys.iter().filter(|k| k.contains(" stop ")).count() == stops);
        assert!(asserted_texts(lang).len() < all_texts(lang).len());
        let mistakes: usize = lessons::lessons().iter().map(|l| l.mistakes.len()).sum();
        assert_eq!(
            keys.iter().filter(|k| k.contains(WRONG_CLAIM)).count(),
            mistakes
        );
        assert_eq!(
            keys.iter()
                .filter(|k| k.contains(" mistake ") && k.ends_with(" correction"))
                .count(),
            mistakes
        );
    }
}

#[test]
fn test_misconceptions_appear_only_as_wrong_choices() {
    let mut offered = false;
    for l in lessons::lessons() {
        let c = &l.check;
        for (i, choice) in c.choices.iter().enumerate() {
            if choice.en.to_lowercase().contains("resend lost") {
                assert_ne!(i, c.correct, "{}: the misconception is marked right", l.id);
                offered = true;
            }
        }
        let right = c.choices[c.correct].get(Lang::En).to_lowercase();
        assert!(!right.contains("resend lost"), "{}", l.id);
    }
    assert!(
        offered,
        "the TIME-WAIT misconception is offered somewhere, as a wrong choice"
    );
}

/// The lessons answer the questions every learner asks, in both languages.
#[test]
fn test_lessons_cover_the_teaching_points() {
    let text = |id: &str, lang: Lang| -> String {
        let l = lessons::lesson(id).unwrap_or_else(|| panic!("{id}"));
        let mut t: Vec<&str> = l.stops.iter().map(|s| s.text.get(lang)).collect();
        t.push(l.check.explanation.get(lang));
        t.push(l.check.choices[l.check.correct].get(lang));
        t.join(" ")
    };
    let why = text("why-three", Lang::En);
    assert!(
        why.contains("three segments, not four") && why.contains("two-way"),
        "{why}"
    );
    let why = text("why-three", Lang::Zh);
    assert!(
        why.contains("两次握手") && why.contains("而不是四次"),
        "{why}"
    );
    assert!(text("four-way-close", Lang::En).contains("full duplex"));
    assert!(text("four-way-close", Lang::Zh).contains("全双工"));
    assert!(text("half-close", Lang::Zh).contains("半关闭"));
    assert!(text("time-wait-last-ack", Lang::En).contains("re-acknowledge a repeated FIN"));
    assert!(text("time-wait-old-duplicate", Lang::En).contains("old copy"));
    assert!(text("time-wait-old-duplicate", Lang::Zh).contains("旧副本"));
    assert!(text("three-segment-close", Lang::En).contains("delayed-ACK"));
    assert!(text("handshake-options", Lang::En).contains("RFC 6528"));
    assert!(text("simultaneous-close", Lang::En).contains("CLOSING"));
    let flag = text("four-tuple-and-ack-flag", Lang::En);
    assert!(
        flag.contains("4-tuple") && flag.contains("one bit"),
        "{flag}"
    );
    let flag = text("four-tuple-and-ack-flag", Lang::Zh);
    assert!(flag.contains("四元组") && flag.contains("确认号"), "{flag}");
    for id in ["handshake", "why-three"] {
        assert!(text(id, Lang::Zh).contains("序列号") || text(id, Lang::Zh).contains("确认号"));
    }
}

#[test]
fn test_analogies_say_where_they_stop() {
    for topic in AnalogyTopic::ALL {
        for lang in Lang::ALL {
            let a = analogy(topic, lang);
            assert!(a.limits.len() > 40, "{topic:?} {lang:?}: limits too short");
            assert!(a.text.len() > 80, "{topic:?} {lang:?}: text too short");
        }
    }
    // The three families the issue names are all used.
    let all: String = AnalogyTopic::ALL
        .iter()
        .map(|&t| analogy(t, Lang::En).text)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(all.contains("Tower, this is CA981, how do you read?"));
    assert!(all.contains("phone") && all.contains("partner"));
    // Every topic is reachable from a transition or a segment.
    let reachable: BTreeSet<AnalogyTopic> = Cause::ALL
        .iter()
        .filter_map(|&c| analogy_for_cause(c))
        .chain(
            SendReason::ALL
                .iter()
                .filter_map(|&r| analogy_for_reason(r)),
        )
        .collect();
    assert_eq!(reachable.len(), AnalogyTopic::ALL.len());
    assert_eq!(
        analogy_for_cause(Cause::RecvSynAck),
        Some(AnalogyTopic::Handshake)
    );
    assert_eq!(
        analogy_for_cause(Cause::TimeWaitExpired),
        Some(AnalogyTopic::TimeWait)
    );
    assert_eq!(
        analogy_for_reason(SendReason::RstNoListener),
        Some(AnalogyTopic::Rst)
    );
    let keys: BTreeSet<&str> = AnalogyTopic::ALL.iter().map(|t| t.key()).collect();
    assert_eq!(keys.len(), AnalogyTopic::ALL.len());
}

/// The summary follows what the trace says each side knows, after each
/// handshake segment: the clearest argument for three segments.
#[test]
fn test_knowledge_summary_follows_the_handshake() {
    let trace = run(&named::with_profile(named::normal(), ProfileName::Rfc));
    let at = |side, ms| trace.knowledge_at(side, tcp_sim::Instant::from_ms(ms));
    let en = |side, ms| knowledge_summary(&at(side, ms), side, Lang::En);
    let zh = |side, ms| knowledge_summary(&at(side, ms), side, Lang::Zh);
    assert!(en(Side::Client, 0.0).contains("nothing yet"));
    let s = en(Side::Server, 10.0);
    assert!(s.starts_with("The server") && s.contains("not yet"), "{s}");
    assert!(zh(Side::Server, 10.0).contains("还不知道"));
    assert!(en(Side::Client, 20.0).contains("both directions work"));
    assert!(
        en(Side::Server, 29.0).contains("not yet"),
        "before the third segment"
    );
    assert!(en(Side::Server, 30.0).contains("both directions work"));
    let last = trace.end;
    let s = knowledge_summary(
        &trace.knowledge_at(Side::Client, last),
        Side::Client,
        Lang::En,
    );
    assert!(s.contains("both FINs"), "{s}");
    assert!(s.contains("acknowledged the client's FIN"), "{s}");
    let z = knowledge_summary(
        &trace.knowledge_at(Side::Server, last),
        Side::Server,
        Lang::Zh,
    );
    assert!(z.contains("确认了服务器的 FIN"), "{z}");
    assert_eq!(knowledge_labels(Lang::En)[6], "I know the peer's ISN");
    assert_eq!(knowledge_labels(Lang::Zh)[8], "我的 FIN 已被确认");
    assert_eq!(knowledge_labels(Lang::En)[0], "I can send");
    assert_eq!(knowledge_labels(Lang::Zh)[5], "对方不再发送数据");
    for (key, k, side) in knowledge_cases() {
        let e = knowledge_summary(&k, side, Lang::En);
        assert!(e.ends_with('.') && !e.contains('{'), "{key}: {e}");
        let z = knowledge_summary(&k, side, Lang::Zh);
        assert!(z.ends_with('。') && !z.contains('{'), "{key}: {z}");
    }
}

// ---------------------------------------------------------------- sockets

/// A socket is an IP address plus a port (RFC 793 §2.7; 谢希仁 §5.8:
/// 套接字 socket =（IP 地址 : 端口号）); a connection is identified by a pair
/// of sockets, the 4-tuple. No text calls the socket itself a 4-tuple, and the
/// right answer ("a socket is an IP address plus a port", as learners write it
/// in exams) is never offered as a wrong choice.
#[test]
fn test_a_socket_is_an_address_and_a_port() {
    const WRONG: &[&str] = &[
        "socket 4-tuple",
        "socket as a 4-tuple",
        "socket is a 4-tuple",
        "socket is the 4-tuple",
        "套接字四元组",
        "套接字是四元组",
        "套接字就是四元组",
    ];
    for lang in Lang::ALL {
        for (key, s) in all_texts(lang) {
            for w in WRONG {
                assert!(!s.contains(w), "{key} ({lang:?}) says {w:?}: {s}");
            }
            if key.contains(WRONG_CHOICE) {
                let en = s.contains("socket") && s.contains("IP address") && s.contains("port");
                let zh = s.contains("套接字") && s.contains("IP 地址") && s.contains("端口");
                assert!(!en && !zh, "{key}: a correct definition marked wrong: {s}");
            }
        }
    }
    let socket = glossary()
        .iter()
        .find(|g| g.term_en == "socket")
        .expect("socket in the glossary");
    assert!(
        socket
            .definition_en
            .starts_with("An IP address together with a port number")
            && socket.definition_en.contains("pair of sockets"),
        "{}",
        socket.definition_en
    );
    assert!(
        socket
            .definition_zh
            .contains("套接字 socket =（IP 地址 : 端口号）")
            && socket.definition_zh.contains("一对套接字"),
        "{}",
        socket.definition_zh
    );
    let tuple = glossary()
        .iter()
        .find(|g| g.term_en.starts_with("4-tuple"))
        .expect("4-tuple in the glossary");
    assert_eq!(tuple.term_zh, "四元组（套接字对）");
    assert!(tuple.definition_en.contains("pair of sockets"));
    assert!(tuple.definition_zh.contains("一对套接字"));
    let l = lessons::lesson("four-tuple-and-ack-flag").expect("lesson");
    assert!(l.title.get(Lang::En).contains("pair of sockets"));
    assert!(l.title.get(Lang::Zh).contains("四元组（套接字对）"));
    assert!(l.stops[0]
        .text
        .get(Lang::En)
        .contains("A socket is an IP address plus a port"));
    assert!(l.stops[0]
        .text
        .get(Lang::Zh)
        .contains("套接字 socket =（IP 地址 : 端口号）"));
}

// ---------------------------------------------------------------- Chinese terms

/// One Chinese term per concept, as Chinese textbooks (谢希仁《计算机网络》)
/// use them. 序列号 and 确认号 (and 编号) do not contain the substring 序号,
/// so any 序号 found is the bare, loose term.
const WRONG_ZH_TERMS: &[(&str, &str)] = &[
    ("搭车", "捎带确认 / 捎带"),
    ("行为模式", "配置"),
    ("序号", "序列号 or 确认号"),
    ("单纯的 ACK", "纯 ACK"),
    ("旧重复报文段", "旧的重复报文段"),
    ("套接字四元组", "四元组（套接字对）"),
];

/// The text of the string literals in a source file that contain Chinese,
/// skipping `//` comments. `quotes` are the characters that open a literal.
fn chinese_literals(src: &str, quotes: &[char]) -> Vec<String> {
    let mut out = Vec::new();
    let chars: Vec<char> = src.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '/' && chars.get(i + 1) == Some(&'/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if quotes.contains(&c) {
            let mut lit = String::new();
            i += 1;
            while i < chars.len() && chars[i] != c {
                if chars[i] == '\\' {
                    i += 1;
                }
                if let Some(&ch) = chars.get(i) {
                    lit.push(ch);
                }
                i += 1;
            }
            if has_cjk(&lit) {
                out.push(lit);
            }
        }
        i += 1;
    }
    out
}

/// Every file of the app around this crate that could hold interface text:
/// its Rust sources and its model's (without their test modules) and the page's scripts.
fn app_sources() -> Vec<(String, String)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files = Vec::new();
    let mut dirs = vec![
        root.join("src"),
        root.join("crates/tcp-lab-model/src"),
        root.join("static"),
    ];
    while let Some(dir) = dirs.pop() {
        for e in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let path = e.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|x| x == "rs" || x == "js") {
                let src = std::fs::read_to_string(&path).unwrap();
                // Tests may quote Chinese output; they sit at the end of a file.
                let code = src.split("#[cfg(test)]").next().unwrap_or("").to_string();
                let name = path.strip_prefix(&root).unwrap().display().to_string();
                files.push((name, code));
            }
        }
    }
    files
}

#[test]
fn test_the_app_writes_no_language_inline() {
    let files = app_sources();
    assert!(
        files.iter().any(|(f, _)| f.ends_with("i18n.rs")) && files.len() > 20,
        "the scan found the app's files: {:?}",
        files.iter().map(|(f, _)| f).collect::<Vec<_>>()
    );
    for (file, code) in &files {
        let found: Vec<String> = if file.ends_with(".js") {
            // JavaScript's quotes nest in ways this scan does not follow: check line by line.
            code.lines()
                .filter(|l| has_cjk(&l.replace("中文", "")))
                .map(str::to_string)
                .collect()
        } else {
            chinese_literals(code, &['"'])
        };
        for lit in found {
            // A language's own name, on the language switch, is the same in every page language.
            assert_eq!(
                lit, "中文",
                "{file}: Chinese text written in the app; put it in tcp-lab-content (Ui, PageText): {lit}"
            );
        }
    }
}

#[test]
fn test_chinese_uses_one_term_per_concept() {
    let texts: Vec<(String, String)> = all_texts(Lang::Zh)
        .into_iter()
        .map(|(k, s)| (k, s.to_string()))
        .collect();
    for (key, s) in &texts {
        for (wrong, right) in WRONG_ZH_TERMS {
            assert!(!s.contains(wrong), "{key}: write {right}, not {wrong}: {s}");
        }
        // 旧的重复报文 always names the segment: 旧的重复报文段 (or 旧的重复 SYN).
        for (i, _) in s.match_indices("旧的重复报文") {
            assert!(
                s[i..].starts_with("旧的重复报文段"),
                "{key}: write 旧的重复报文段: {s}"
            );
        }
    }
    // The terms that replace them are used.
    let all: String = texts.iter().map(|(_, s)| s.as_str()).collect();
    for term in [
        "捎带",
        "纯 ACK",
        "序列号",
        "确认号",
        "旧的重复报文段",
        "四元组（套接字对）",
    ] {
        assert!(all.contains(term), "{term} is never used");
    }
    let msl = glossary()
        .iter()
        .find(|g| g.term_en.starts_with("MSL"))
        .unwrap();
    assert!(
        msl.term_zh.contains("报文段最大生存时间"),
        "{}",
        msl.term_zh
    );
    assert!(
        msl.definition_zh.contains("最长报文段寿命"),
        "{}",
        msl.definition_zh
    );
}

#[test]
fn test_glossary_has_piggybacking_in_both_languages() {
    let g = glossary()
        .iter()
        .find(|g| g.term_en == "piggybacking")
        .expect("piggybacking in the glossary");
    assert_eq!(g.term_zh, "捎带确认");
    assert!(g.definition_en.contains("acknowledgment") && g.definition_en.contains("FIN"));
    assert!(g.definition_zh.contains("捎带") && g.definition_zh.contains("确认"));
    // The segments and transitions that piggyback say so in the same words.
    let zh = explain_segment(SendReason::AckDelayed, Lang::Zh).what;
    assert!(zh.contains("捎带"), "{zh}");
    let zh = explain_transition(Cause::AppCloseSendFin, Lang::Zh)
        .linux
        .unwrap();
    assert!(zh.contains("捎带"), "{zh}");
}

// ---------------------------------------------------------------- numbers from the profile

/// The explanations and scenario texts the lab shows beside a run, in one language.
fn explanation_texts(lang: Lang) -> Vec<(String, &'static str)> {
    let mut v = transition_and_segment_texts(lang);
    for name in named::NAMES {
        v.extend(scenario_blurb(name, lang).map(|b| (format!("scenario {name}"), b)));
    }
    v
}

#[test]
fn test_explanations_leave_no_placeholder_unfilled() {
    for lang in [Lang::En, Lang::Zh] {
        for (key, text) in explanation_texts(lang) {
            let filled = tcp_lab_content::fill_limits(text, lang);
            assert!(
                !filled.contains('{'),
                "{key} ({lang:?}) keeps a placeholder: {filled}"
            );
        }
    }
}

/// The retry numbers are the core's, not typed: the texts that quote Linux's SYN limit say
/// what the profile computes, and none says the old "6 retries … about 11 s".
#[test]
fn test_retry_numbers_come_from_the_profile() {
    let linux = tcp_sim::Profile::linux();
    let (schedule, give_up) = linux.syn_schedule();
    let retries = schedule.len().to_string();
    let give_up_s = format!("{}", give_up.as_ms() / 1000.0);
    for lang in [Lang::En, Lang::Zh] {
        let limit = explain_transition(Cause::RetransmitLimit, lang)
            .linux
            .unwrap();
        let filled = tcp_lab_content::fill_limits(limit, lang);
        assert!(filled.contains(&retries), "{filled}");
        assert!(filled.contains(&give_up_s), "{filled}");
        for (key, text) in explanation_texts(lang) {
            let filled = tcp_lab_content::fill_limits(text, lang);
            for stale in ["about 11 s", "大约 11 秒", "6 for a SYN", "SYN 重试 6 次"] {
                assert!(!filled.contains(stale), "{key}: {filled}");
            }
        }
    }
}
