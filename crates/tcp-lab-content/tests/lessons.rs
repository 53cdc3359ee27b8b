//! The lessons: every stop is found in its trace, in time order, every
//! narration is filled with the run's numbers, the custom scenarios show
//! what their lessons claim, and a lesson can be played end to end.

use std::collections::BTreeSet;

use tcp_lab_content::lessons::{
    self, lesson, lessons, stop_segment, stop_time, CustomScenario, LessonScenario, StopAt,
};
use tcp_lab_content::quiz::{question_before_arrival, Score};
use tcp_lab_content::{fill_limits, scenario_title, Lang};
use tcp_sim::{
    named, run, Dir, Fate, Flags, ProfileName, SendReason, Side, State, Trace, TransitionRecord,
};

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}

fn has_cjk(s: &str) -> bool {
    s.chars().any(is_cjk)
}

#[test]
fn test_ids_are_unique_url_safe_and_found() {
    let mut seen = BTreeSet::new();
    for l in lessons() {
        assert!(seen.insert(l.id), "{} twice", l.id);
        assert!(
            !l.id.is_empty()
                && l.id
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "{} is not URL-safe",
            l.id
        );
        assert_eq!(lesson(l.id).map(|x| x.id), Some(l.id));
        assert_eq!(l.url_query(), format!("lesson={}", l.id));
    }
    assert!(lesson("no-such-lesson").is_none());
    assert_eq!(lessons::URL_PARAM, "lesson");
}

/// The lessons the issue asks for, by id.
#[test]
fn test_the_required_lessons_exist() {
    const REQUIRED: &[&str] = &[
        "handshake",
        "why-three",
        "handshake-options",
        "four-way-close",
        "half-close",
        "three-segment-close",
        "time-wait-last-ack",
        "time-wait-old-duplicate",
        "syn-lost",
        "synack-lost",
        "ack-lost",
        "fin-lost",
        "fin-ack-lost",
        "server-fin-lost",
        "rst-refused",
        "rst-abort",
        "simultaneous-open",
        "simultaneous-close",
        "four-tuple-and-ack-flag",
    ];
    for id in REQUIRED {
        assert!(lesson(id).is_some(), "lesson {id} is missing");
    }
    // The named scenarios the issue names are all played by some lesson.
    let played: BTreeSet<&str> = lessons().iter().map(|l| l.scenario_name()).collect();
    for name in [
        "normal",
        "old_duplicate_syn",
        "half_close",
        "last_ack_lost",
        "syn_lost",
        "synack_lost",
        "ack_lost",
        "fin_lost",
        "fin_ack_lost",
        "server_fin_lost",
        "connection_refused",
        "simultaneous_open",
        "simultaneous_close",
    ] {
        assert!(played.contains(name), "no lesson plays {name}");
    }
    // Three-segment close is shown under linux, the four-way close under the textbook.
    assert_eq!(
        lesson("three-segment-close").unwrap().profile,
        ProfileName::Linux
    );
    assert_eq!(lesson("four-way-close").unwrap().profile, ProfileName::Rfc);
    assert_eq!(lesson("rst-abort").unwrap().profile, ProfileName::Linux);
}

#[test]
fn test_named_sources_exist_and_have_titles() {
    for l in lessons() {
        if let LessonScenario::Named(name) = l.source {
            assert!(named::NAMES.contains(&name), "{}: {name}", l.id);
            assert!(scenario_title(name, Lang::Zh).is_some());
        }
        let sc = l.scenario();
        assert_eq!(sc.profile, l.profile, "{}", l.id);
        assert_eq!(sc.name, l.scenario_name(), "{}", l.id);
    }
}

/// Every lesson's every stop resolves to a time in its trace (under its
/// profile), and the stops are in non-decreasing time order.
#[test]
fn test_every_stop_resolves_in_time_order() {
    for l in lessons() {
        let trace = l.trace();
        assert!(!trace.truncated, "{}", l.id);
        assert!(
            (2..=7).contains(&l.stops.len()),
            "{}: {} stops",
            l.id,
            l.stops.len()
        );
        let times = l.stop_times(&trace);
        let mut last = None;
        for (i, t) in times.iter().enumerate() {
            let t = t.unwrap_or_else(|| {
                panic!(
                    "{} [{}]: stop {i} {:?} is not in the trace:\n{}",
                    l.id,
                    l.profile,
                    l.stops[i].at,
                    trace.to_text(false)
                )
            });
            assert_eq!(Some(t), stop_time(&l.stops[i].at, &trace));
            if let Some(prev) = last {
                assert!(t >= prev, "{}: stop {i} at {t} comes before {prev}", l.id);
            }
            last = Some(t);
        }
    }
}

#[test]
fn test_every_flag_string_parses() {
    for l in lessons() {
        for s in l.stops {
            if let StopAt::Arrival { flags, nth, .. } | StopAt::Sent { flags, nth, .. } = s.at {
                assert!(Flags::parse(flags).is_some(), "{}: {flags}", l.id);
                assert!(nth >= 1, "{}: nth counts from 1", l.id);
            }
        }
    }
}

/// Every placeholder is filled, in both languages, and the texts differ.
#[test]
fn test_every_narration_is_filled_in_both_languages() {
    for l in lessons() {
        let trace = l.trace();
        for i in 0..l.stops.len() {
            let en = l.narration(i, Lang::En, &trace);
            let zh = l.narration(i, Lang::Zh, &trace);
            for (lang, s) in [("en", &en), ("zh", &zh)] {
                assert!(!s.trim().is_empty(), "{} stop {i} {lang} is empty", l.id);
                assert!(
                    !s.contains('{') && !s.contains('}'),
                    "{} stop {i} {lang}: a placeholder is not filled: {s}",
                    l.id
                );
            }
            assert_ne!(en, zh, "{} stop {i}", l.id);
            assert!(has_cjk(&zh), "{} stop {i}: {zh}", l.id);
            assert!(!has_cjk(&en), "{} stop {i}: {en}", l.id);
            let sentences = en.matches(". ").count() + usize::from(en.ends_with('.'));
            assert!(
                (1..=5).contains(&sentences),
                "{} stop {i}: {sentences} sentences: {en}",
                l.id
            );
        }
        assert_eq!(l.narration(l.stops.len(), Lang::En, &trace), "");
    }
}

/// The numbers in the narration are the run's numbers, not fixed text.
#[test]
fn test_narration_uses_the_real_isns() {
    let l = lesson("handshake").unwrap();
    let trace = l.trace();
    let c = trace.isn[Side::Client.index()].unwrap();
    let s = trace.isn[Side::Server.index()].unwrap();
    for lang in Lang::ALL {
        let text = l.narration(2, lang, &trace); // the SYN-ACK arrives at the client
        assert!(text.contains(&c.wrapping_add(1).to_string()), "{text}");
        assert!(text.contains(&s.wrapping_add(1).to_string()), "{text}");
    }
    // Another seed gives other ISNs, and the narration follows.
    let mut sc = l.scenario();
    sc.seed = 99;
    let other = run(&sc);
    assert_ne!(other.isn, trace.isn);
    let text = l.narration(0, Lang::En, &other);
    assert!(text.contains(&other.isn[0].unwrap().to_string()), "{text}");
}

#[test]
fn test_checks_are_well_formed() {
    let mut titles = [BTreeSet::new(), BTreeSet::new()];
    for l in lessons() {
        let c = &l.check;
        assert!(
            (3..=5).contains(&c.choices.len()),
            "{}: {} choices",
            l.id,
            c.choices.len()
        );
        assert!(c.correct < c.choices.len(), "{}", l.id);
        assert!(c.is_correct(c.correct) && !c.is_correct(c.correct + 1));
        // Why each choice is right or wrong: one note per choice.
        assert!(
            c.why.len() == c.choices.len(),
            "{}: {} notes for {} choices",
            l.id,
            c.why.len(),
            c.choices.len()
        );
        for (n, w) in c.why.iter().enumerate() {
            assert!(!w.en.is_empty() && !w.zh.is_empty(), "{} note {n}", l.id);
            assert_eq!(
                w.en.starts_with("Right"),
                n == c.correct,
                "{} note {n} says whether the choice is right",
                l.id
            );
            assert_eq!(
                w.zh.starts_with("正确"),
                n == c.correct,
                "{} note {n} says whether the choice is right (zh)",
                l.id
            );
            // The app fills only the retry limits in a note, never a run's numbers.
            for lang in Lang::ALL {
                let filled = fill_limits(w.get(lang), lang);
                assert!(!filled.contains('{'), "{} note {n}: {filled}", l.id);
            }
        }
        for (k, lang) in Lang::ALL.into_iter().enumerate() {
            let choices: BTreeSet<&str> = c.choices.iter().map(|x| x.get(lang)).collect();
            assert_eq!(choices.len(), c.choices.len(), "{}: a choice twice", l.id);
            assert!(titles[k].insert(l.title(lang)), "{}: title twice", l.id);
            assert!(!l.goal(lang).is_empty());
        }
    }
    // The right answer is not always in the same place.
    let places: BTreeSet<usize> = lessons().iter().map(|l| l.check.correct).collect();
    assert!(places.len() >= 3, "{places:?}");
}

/// No narration at the third handshake segment says SYN is set.
#[test]
fn test_third_segment_narration_never_claims_syn() {
    const CLAIMS: &[&str] = &[
        "SYN=1",
        "SYN = 1",
        "SYN set",
        "SYN flag set",
        "SYN flag is set",
        "SYN and ACK",
        "SYN+ACK",
        "with SYN",
        "SYN 置",
        "SYN 为 1",
        "SYN 和 ACK",
        "带 SYN 标志",
        "带有 SYN",
    ];
    let mut checked = 0;
    for l in lessons() {
        let trace = l.trace();
        for (i, s) in l.stops.iter().enumerate() {
            if stop_segment(&s.at, &trace).map(|g| g.reason) != Some(SendReason::HandshakeAck) {
                continue;
            }
            checked += 1;
            for lang in Lang::ALL {
                let text = l
                    .narration(i, lang, &trace)
                    .replace("不带 SYN 标志", "")
                    .replace("SYN flag stays off", "");
                for c in CLAIMS {
                    assert!(!text.contains(c), "{} stop {i} says {c:?}: {text}", l.id);
                }
            }
        }
    }
    assert!(checked >= 3, "only {checked} stops at a third segment");
}

// ------------------------------------------------------------------ custom scenarios

fn arrivals_of(trace: &Trace, dir: Dir, flags: &str) -> Vec<(tcp_sim::Instant, usize, State)> {
    trace
        .arrivals_matching(dir, Flags::parse(flags).unwrap())
        .map(|a| (a.t, a.segment, a.receiver_state))
        .collect()
}

fn entered(trace: &Trace, side: Side, to: State) -> Option<&TransitionRecord> {
    trace.transitions_of(side).find(|t| t.to == to)
}

/// TIME-WAIT's second reason, shown by the simulator: a data segment held up
/// in the network arrives while the client is in TIME-WAIT, is recognised as
/// old (answered with an ACK, not delivered again), under both profiles.
#[test]
fn test_old_duplicate_arrives_during_time_wait() {
    for profile in ProfileName::ALL {
        let trace = run(&CustomScenario::TimeWaitOldDuplicate.build(profile));
        let data = arrivals_of(&trace, Dir::S2C, "PA");
        assert_eq!(
            data.len(),
            2,
            "{profile}: the retransmission, then the old copy"
        );
        let (t_old, id_old, state) = data[1];
        let seg = &trace.segments[id_old];
        assert!(matches!(seg.fate, Fate::Delayed(_)) && !seg.retransmission);
        assert_eq!(
            state,
            State::TimeWait,
            "{profile}: the old copy meets TIME-WAIT"
        );
        let tw = entered(&trace, Side::Client, State::TimeWait).unwrap();
        assert!(tw.t < t_old);
        // It was not delivered a second time: the application read 100 bytes.
        assert_eq!(trace.bytes_read[Side::Client.index()], 100, "{profile}");
        // The client answered it with an ACK, at that instant.
        let answer = trace
            .segments
            .iter()
            .find(|s| s.dir == Dir::C2S && s.sent == t_old)
            .expect("an answer");
        let expected = match profile {
            ProfileName::Rfc => SendReason::AckDuplicate,
            ProfileName::Linux => SendReason::PawsAck,
        };
        assert_eq!(answer.reason, expected, "{profile}");
        assert_eq!(answer.segment.flags, Flags::ACK);
        // Without TIME-WAIT the client would be CLOSED by then and the stray
        // would reach a closed port: the closed server shows what that looks like.
        let server_closed = entered(&trace, Side::Server, State::Closed).unwrap();
        assert!(server_closed.t < t_old);
        assert!(trace
            .segments
            .iter()
            .any(|s| s.dir == Dir::S2C && s.reason == SendReason::RstNoConnection));
    }
}

/// The four-way close lesson shows four separate segments under both profiles.
#[test]
fn test_close_with_pause_has_four_separate_segments() {
    for profile in ProfileName::ALL {
        let trace = run(&CustomScenario::CloseWithPause.build(profile));
        let fin = trace
            .segments
            .iter()
            .position(|s| s.dir == Dir::C2S && s.segment.flags.fin())
            .unwrap();
        let close: Vec<String> = trace.segments[fin..]
            .iter()
            .map(|s| format!("{}:{}", s.dir, s.flags_str()))
            .collect();
        assert_eq!(close, ["c2s:FA", "s2c:A", "s2c:FA", "c2s:A"], "{profile}");
        let times: BTreeSet<_> = trace.segments[fin..].iter().map(|s| s.sent).collect();
        assert_eq!(times.len(), 4, "{profile}: four different moments");
    }
}

/// Linux resets a connection closed with unread data; the textbook sends FIN.
#[test]
fn test_abort_with_unread_data() {
    let linux = run(&CustomScenario::AbortUnreadData.build(ProfileName::Linux));
    assert!(linux
        .segments
        .iter()
        .any(|s| s.reason == SendReason::RstAbort && s.dir == Dir::S2C));
    assert_eq!(
        entered(&linux, Side::Client, State::Closed).map(|t| t.from),
        Some(State::Established)
    );
    assert!(linux.errors.iter().any(|e| e.side == Side::Client));
    let rfc = run(&CustomScenario::AbortUnreadData.build(ProfileName::Rfc));
    assert!(!rfc
        .segments
        .iter()
        .any(|s| s.reason == SendReason::RstAbort));
}

/// Under linux the server's FIN carries the ACK of the client's FIN (three
/// segments); under the textbook a bare ACK comes first (four).
#[test]
fn test_three_segment_close_only_under_linux() {
    let close_of = |profile| {
        let trace = run(&named::with_profile(named::normal(), profile));
        let fin = trace
            .segments
            .iter()
            .position(|s| s.dir == Dir::C2S && s.segment.flags.fin())
            .unwrap();
        trace.segments[fin..]
            .iter()
            .map(|s| s.flags_str())
            .collect::<Vec<_>>()
    };
    assert_eq!(close_of(ProfileName::Linux), ["FA", "FA", "A"]);
    assert_eq!(close_of(ProfileName::Rfc), ["FA", "A", "FA", "A"]);
}

/// The options lesson relies on the linux SYN's options.
#[test]
fn test_linux_syn_carries_the_options_the_lesson_names() {
    let l = lesson("handshake-options").unwrap();
    let trace = l.trace();
    for stop in &l.stops[..2] {
        let seg = stop_segment(&stop.at, &trace).unwrap();
        let o = seg.segment.syn_options.expect("options on a SYN");
        assert!(o.mss.is_some() && o.window_scale.is_some() && o.sack_permitted);
        assert!(seg.segment.timestamps.is_some(), "timestamps are named too");
    }
    let rfc = run(&named::with_profile(named::normal(), ProfileName::Rfc));
    let o = rfc.segments[0].segment.syn_options.unwrap();
    assert!(o.mss.is_some() && o.window_scale.is_none() && !o.sack_permitted);
}

// ------------------------------------------------------------------ end to end

/// Plays one lesson to its end in each language, answers its check, and
/// answers one quiz question right and one wrong.
#[test]
fn test_end_to_end_lesson_and_quiz() {
    let l = lesson("handshake").unwrap();
    let trace = l.trace();
    for lang in Lang::ALL {
        let mut shown = Vec::new();
        for (i, stop) in l.stops.iter().enumerate() {
            let t = stop_time(&stop.at, &trace).expect("stop in trace");
            shown.push((t, l.narration(i, lang, &trace)));
        }
        assert_eq!(shown.len(), l.stops.len());
        assert!(shown.windows(2).all(|w| w[0].0 <= w[1].0));
        // The check at the end.
        let c = &l.check;
        assert!(!c.question.get(lang).is_empty());
        assert!(c.is_correct(c.correct));
        assert!(!c.explanation.get(lang).is_empty());

        // Predict mode on the same trace: one right answer, one wrong.
        let mut score = Score::default();
        let q0 = question_before_arrival(&trace, 0, lang, 2024).unwrap();
        assert!(score.answer(&q0, q0.correct));
        let q1 = question_before_arrival(&trace, 1, lang, 2024).unwrap();
        let wrong = (q1.correct + 1) % q1.choices.len();
        assert!(!score.answer(&q1, wrong));
        assert_eq!((score.asked, score.correct), (2, 1));
        assert_eq!(score.percent(), Some(50));
        assert!(!q1.explanation.is_empty());
    }
}

/// The lessons on keepalive, the abortive close and the stuck close states play their scenarios,
/// and their texts quote the numbers of the run and of the profile, not typed copies.
#[test]
fn test_keepalive_abort_and_stuck_state_lessons() {
    for (id, scenario) in [
        ("keepalive", "keepalive_peer_crashed"),
        ("abortive-close", "abortive_close"),
        ("close-wait-forever", "close_wait_forever"),
        ("orphaned-fin-wait-2", "orphaned_fin_wait_2"),
    ] {
        let l = lesson(id).unwrap_or_else(|| panic!("lesson {id} is missing"));
        assert_eq!(l.scenario_name(), scenario);
        let wrong: Vec<&str> = l
            .check
            .choices
            .iter()
            .enumerate()
            .filter(|&(i, _)| i != l.check.correct)
            .map(|(_, c)| c.en)
            .collect();
        assert!(wrong.len() >= 2, "{id}");
    }
    let l = lesson("keepalive").unwrap();
    let trace = l.trace();
    let text = l.narration(1, Lang::En, &trace);
    assert!(text.contains("30 s") && text.contains("7200 s"), "{text}");
    let text = l.narration(2, Lang::Zh, &trace);
    assert!(text.contains("5 秒") && text.contains("3 次"), "{text}");
    let l = lesson("close-wait-forever").unwrap();
    let trace = l.trace();
    assert_eq!(trace.final_state(Side::Server), State::CloseWait);
    assert!(l.narration(2, Lang::En, &trace).contains("60 s"));
    // The misconceptions the lessons are about are offered, as wrong choices.
    for (id, mistake) in [
        ("keepalive", "part of the close"),
        ("close-wait-forever", "ends by itself"),
        ("abortive-close", "faster FIN"),
    ] {
        let c = &lesson(id).unwrap().check;
        let i = c
            .choices
            .iter()
            .position(|x| x.en.contains(mistake))
            .unwrap_or_else(|| panic!("{id}: {mistake}"));
        assert_ne!(i, c.correct, "{id}");
    }
}

// ------------------------------------------------------------------ the server side

/// The six lessons on the server side play named server runs, each under linux except the one
/// that cuts TIME-WAIT short under the textbook (no timestamps, so nothing but TIME-WAIT guards
/// the four-tuple).
#[test]
fn test_server_lessons_play_named_server_runs() {
    const SERVER: &[(&str, ProfileName)] = &[
        ("syn-and-accept-queues", ProfileName::Linux),
        ("accept-queue-full", ProfileName::Linux),
        ("syn-flood-cookies", ProfileName::Linux),
        ("time-wait-new-connection", ProfileName::Rfc),
        ("port-exhaustion", ProfileName::Linux),
        ("close-wait-leak", ProfileName::Linux),
    ];
    for (id, profile) in SERVER {
        let l = lesson(id).unwrap_or_else(|| panic!("lesson {id} is missing"));
        assert!(l.is_server_run(), "{id}");
        assert_eq!(l.profile, *profile, "{id}");
        let LessonScenario::Server(name) = l.source else {
            panic!("{id} plays no server run")
        };
        assert!(named::SERVER_NAMES.contains(&name), "{id}: {name}");
        let trace = l.trace();
        assert!(
            trace.listener.is_some() && !trace.connections.is_empty(),
            "{id}"
        );
        assert_eq!(
            trace,
            run(&l.scenario()),
            "{id}: the same run as the core's"
        );
    }
    let server = lessons().iter().filter(|l| l.is_server_run()).count();
    assert_eq!(server, SERVER.len());
}

/// The queue lengths, counters and numbers in the server lessons are the run's.
#[test]
fn test_server_lessons_quote_the_run() {
    use tcp_sim::server::ListenerEventKind as K;
    let narr = |id: &str, i: usize, lang: Lang| {
        let l = lesson(id).unwrap();
        l.narration(i, lang, &l.trace())
    };
    // Both queues, as the listener record has them at each stop.
    let l = lesson("syn-and-accept-queues").unwrap();
    let trace = l.trace();
    let rec = trace.listener.as_ref().unwrap();
    let done: Vec<_> = rec
        .events
        .iter()
        .filter(|e| e.kind == K::Completed)
        .collect();
    let (s, a) = (done[2].syn_queue, done[2].accept_queue);
    assert_eq!((s, a), (0, 3));
    assert!(narr("syn-and-accept-queues", 3, Lang::En)
        .contains(&format!("SYN queue {s}, accept queue {a}")));
    assert!(narr("syn-and-accept-queues", 3, Lang::Zh)
        .contains(&format!("半连接队列 {s} 个，全连接队列 {a} 个")));
    // The lost SYN-ACK's request waits in the SYN queue while two connections wait in the
    // accept queue.
    assert!(narr("syn-and-accept-queues", 2, Lang::En).contains("SYN queue 1, accept queue 2"));

    // The dropped third ACK is the handshake ACK of the client that believes it is connected.
    let l = lesson("accept-queue-full").unwrap();
    let trace = l.trace();
    let seg = stop_segment(&l.stops[2].at, &trace).expect("the dropped ACK");
    assert_eq!(seg.reason, SendReason::HandshakeAck);
    let client_established = stop_time(&l.stops[0].at, &trace).unwrap();
    assert!(client_established < seg.arrive.unwrap());
    assert!(narr("accept-queue-full", 2, Lang::En).contains("ListenOverflows (1 so far)"));

    // The cookie in the narration is the cookie the server sent, and the ACK brings it back.
    let l = lesson("syn-flood-cookies").unwrap();
    let trace = l.trace();
    let synack = stop_segment(&l.stops[2].at, &trace).unwrap();
    assert_eq!(synack.reason, SendReason::SynAckCookie);
    let cookie = synack.segment.seq;
    assert!(trace.connections[synack.conn.unwrap()].cookie);
    assert!(narr("syn-flood-cookies", 2, Lang::En).contains(&cookie.to_string()));
    assert!(narr("syn-flood-cookies", 3, Lang::Zh).contains(&cookie.wrapping_add(1).to_string()));
    let total = trace.listener.as_ref().unwrap().counters.cookies_sent;
    assert!(narr("syn-flood-cookies", 4, Lang::En).contains(&format!("{total} cookies sent")));

    // The corruption stop names the old segment and the bytes the new connection took.
    let l = lesson("time-wait-new-connection").unwrap();
    let trace = l.trace();
    let k = trace.corruptions[0];
    assert_eq!(
        stop_segment(&l.stops[4].at, &trace).map(|s| s.id),
        Some(k.segment)
    );
    assert_eq!(
        stop_segment(&l.stops[0].at, &trace).map(|s| s.id),
        Some(k.segment)
    );
    assert!(narr("time-wait-new-connection", 4, Lang::En).contains(&format!("{} bytes", k.bytes)));

    // The failed connect() is the first host's, and the port taken over is the second's.
    let text = narr("port-exhaustion", 2, Lang::En);
    assert!(
        text.contains("10.0.1.2") && text.contains("EADDRNOTAVAIL"),
        "{text}"
    );
    let text = narr("port-exhaustion", 3, Lang::En);
    assert!(
        text.contains("10.0.1.3") && text.contains("port 40000"),
        "{text}"
    );

    // Every server end of the leak is in CLOSE-WAIT at the end.
    let l = lesson("close-wait-leak").unwrap();
    let n = l.trace().connections.len();
    assert!(narr("close-wait-leak", 4, Lang::En).contains(&format!("with {n} sockets")));
}
