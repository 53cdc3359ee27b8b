//! Predict mode: questions come from the trace, the right answer is right,
//! choices are distinct, both languages agree on everything but the words.

use std::collections::BTreeSet;

use tcp_lab_content::lessons::{lessons, CustomScenario};
use tcp_lab_content::quiz::{
    phrases, question_at, question_before_arrival, question_for_loss, questions_before_arrival,
    quiz_points, replies_to, Answer, Question, QuestionKind, QuizPoint, RetxOutcome, Score,
};
use tcp_lab_content::Lang;
use tcp_sim::{
    named, run, Dir, Flags, ProfileName, Scenario, SendReason, Simulation, State, Trace,
};

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}

fn has_cjk(s: &str) -> bool {
    s.chars().any(is_cjk)
}

fn normal(profile: ProfileName) -> Trace {
    run(&named::with_profile(named::normal(), profile))
}

/// Every scenario the lab ships: the named ones under both profiles and the lessons' own.
fn all_scenarios() -> Vec<Scenario> {
    let mut v = Vec::new();
    for name in named::NAMES {
        for p in ProfileName::ALL {
            v.push(named::with_profile(named::by_name(name).unwrap(), p));
        }
    }
    for c in CustomScenario::ALL {
        for p in ProfileName::ALL {
            v.push(c.build(p));
        }
    }
    v
}

/// The two languages ask the same question: same kind, same answers, same
/// right choice; only the words differ.
fn assert_same_question(en: &Question, zh: &Question, what: &str) {
    assert_eq!(en.kind, zh.kind, "{what}");
    assert_eq!(en.correct, zh.correct, "{what}");
    assert_eq!(en.answers, zh.answers, "{what}");
    assert_eq!(en.segment, zh.segment, "{what}");
    assert_eq!(en.t, zh.t, "{what}");
    assert_ne!(en.prompt, zh.prompt, "{what}");
    assert_ne!(en.explanation, zh.explanation, "{what}");
    assert!(has_cjk(&zh.prompt) && has_cjk(&zh.explanation), "{what}");
    assert!(!has_cjk(&en.prompt) && !has_cjk(&en.explanation), "{what}");
}

fn assert_well_formed(q: &Question, what: &str) {
    assert!(
        (3..=4).contains(&q.choices.len()),
        "{what}: {} choices",
        q.choices.len()
    );
    assert_eq!(q.choices.len(), q.answers.len(), "{what}");
    assert!(q.correct < q.choices.len(), "{what}");
    let distinct: BTreeSet<&String> = q.choices.iter().collect();
    assert_eq!(distinct.len(), q.choices.len(), "{what}: {:?}", q.choices);
    let distinct: BTreeSet<String> = q.answers.iter().map(|a| format!("{a:?}")).collect();
    assert_eq!(distinct.len(), q.answers.len(), "{what}");
    for s in q.choices.iter().chain([&q.prompt, &q.explanation]) {
        assert!(!s.trim().is_empty(), "{what}");
        assert!(
            !s.contains('{') && !s.contains('}'),
            "{what}: unfilled placeholder in {s}"
        );
    }
}

#[test]
fn test_normal_every_arrival_has_a_consistent_question() {
    for profile in ProfileName::ALL {
        let trace = normal(profile);
        for i in 0..trace.arrivals.len() {
            let what = format!("normal [{profile}] arrival {i}");
            let en = question_before_arrival(&trace, i, Lang::En, 5);
            let zh = question_before_arrival(&trace, i, Lang::Zh, 5);
            assert_eq!(en.is_some(), zh.is_some(), "{what}");
            let (en, zh) = (en.expect(&what), zh.unwrap());
            assert_well_formed(&en, &what);
            assert_well_formed(&zh, &what);
            assert_same_question(&en, &zh, &what);
            // Asking again gives the same question.
            assert_eq!(question_before_arrival(&trace, i, Lang::En, 5), Some(en));
        }
        assert_eq!(
            question_before_arrival(&trace, trace.arrivals.len(), Lang::En, 5),
            None
        );
    }
}

#[test]
fn test_syn_at_the_server_leads_to_syn_received() {
    for profile in ProfileName::ALL {
        let trace = normal(profile);
        assert!(trace.segments[trace.arrivals[0].segment].segment.flags == Flags::SYN);
        for lang in Lang::ALL {
            let q = question_before_arrival(&trace, 0, lang, 11).unwrap();
            assert_eq!(q.kind, QuestionKind::NextState);
            assert_eq!(
                q.answers[q.correct],
                Answer::State {
                    state: State::SynReceived,
                    stays: false
                }
            );
            assert!(q.choices[q.correct].contains("SYN-RECEIVED"));
            assert!(q.prompt.contains("LISTEN"));
        }
    }
}

/// The classic error: the client's answer to the SYN-ACK has no SYN flag.
#[test]
fn test_synack_at_the_client_is_answered_by_a_bare_ack() {
    for profile in ProfileName::ALL {
        let trace = normal(profile);
        assert!(trace.segments[trace.arrivals[1].segment].segment.flags == Flags::SYN | Flags::ACK);
        for lang in Lang::ALL {
            let q = question_before_arrival(&trace, 1, lang, 11).unwrap();
            assert_eq!(q.kind, QuestionKind::NextSegment);
            let Answer::Segment(Some(g)) = q.answers[q.correct] else {
                panic!("expected a segment: {q:?}")
            };
            assert_eq!(g.flags, Flags::ACK, "flags A, no SYN");
            assert!(!g.flags.syn());
            assert_eq!((g.seq, g.ack, g.len), (Some(1), Some(1), 0));
            assert!(
                !q.choices[q.correct].contains("SYN"),
                "{}",
                q.choices[q.correct]
            );
            // The classic wrong answer is offered, and is wrong.
            let with_syn = q.answers.iter().position(
                |a| matches!(a, Answer::Segment(Some(w)) if w.flags == Flags::SYN | Flags::ACK),
            );
            assert!(with_syn.is_some_and(|i| i != q.correct), "{:?}", q.choices);
        }
    }
}

#[test]
fn test_both_kinds_are_available_for_handshake_arrivals() {
    let trace = normal(ProfileName::Rfc);
    let kinds = |i| -> Vec<QuestionKind> {
        questions_before_arrival(&trace, i, Lang::En, 1)
            .iter()
            .map(|q| q.kind)
            .collect()
    };
    assert_eq!(
        kinds(0),
        [QuestionKind::NextState, QuestionKind::NextSegment]
    );
    let qs = questions_before_arrival(&trace, 0, Lang::En, 1);
    let Answer::Segment(Some(sa)) = qs[1].answers[qs[1].correct] else {
        panic!()
    };
    assert_eq!(sa.flags, Flags::SYN | Flags::ACK);
    assert_eq!(sa.ack, Some(1));
    let qs = questions_before_arrival(&trace, 1, Lang::En, 1);
    assert_eq!(
        qs[0].answers[qs[0].correct],
        Answer::State {
            state: State::Established,
            stays: false
        }
    );
    assert!(questions_before_arrival(&trace, 999, Lang::En, 1).is_empty());
}

/// A pure ACK is not acknowledged: the right answer is "nothing at once".
#[test]
fn test_a_bare_ack_in_established_draws_nothing() {
    let trace = normal(ProfileName::Rfc);
    let i = trace
        .arrivals
        .iter()
        .position(|a| {
            let s = &trace.segments[a.segment];
            s.segment.flags == Flags::ACK && a.receiver_state == State::Established
        })
        .unwrap();
    let q = question_before_arrival(&trace, i, Lang::En, 3).unwrap();
    assert_eq!(q.kind, QuestionKind::NextSegment);
    assert_eq!(q.answers[q.correct], Answer::Segment(None));
}

/// Linux delays the ACK of a FIN: nothing is sent at once, and the
/// explanation says when the ACK (or the FIN carrying it) went.
#[test]
fn test_questions_follow_the_profile() {
    let rfc = normal(ProfileName::Rfc);
    let linux = normal(ProfileName::Linux);
    let fin_arrival = |t: &Trace| {
        t.arrivals
            .iter()
            .position(|a| {
                let s = &t.segments[a.segment];
                s.dir == Dir::C2S && s.segment.flags.fin()
            })
            .unwrap()
    };
    let replies = |t: &Trace| -> Vec<String> {
        replies_to(t, fin_arrival(t))
            .iter()
            .map(|&id| t.segments[id].flags_str())
            .collect()
    };
    assert_eq!(
        replies(&rfc),
        ["A", "FA"],
        "textbook: ACK at once, then the app's FIN"
    );
    assert!(replies(&linux).is_empty(), "linux: the ACK is delayed");
}

#[test]
fn test_seed_only_shuffles() {
    let trace = normal(ProfileName::Linux);
    let mut orders = BTreeSet::new();
    for seed in 0..20 {
        let q = question_before_arrival(&trace, 1, Lang::En, seed).unwrap();
        let right = q.answers[q.correct];
        let base = question_before_arrival(&trace, 1, Lang::En, 0).unwrap();
        assert_eq!(
            right, base.answers[base.correct],
            "the answer does not depend on the seed"
        );
        let set: BTreeSet<String> = q.choices.iter().cloned().collect();
        let base_set: BTreeSet<String> = base.choices.iter().cloned().collect();
        assert_eq!(set, base_set);
        orders.insert(q.choices.clone());
    }
    assert!(orders.len() > 3, "seeds give different orders");
}

/// Questions are derived from the trace, so a fault the learner adds changes them.
#[test]
fn test_questions_follow_the_learners_faults() {
    let plain = normal(ProfileName::Rfc);
    let faulty =
        run(&named::with_profile(named::normal(), ProfileName::Rfc).drop_nth(Dir::S2C, "SA", 1));
    let first_synack_arrival = |t: &Trace| {
        t.arrivals
            .iter()
            .position(|a| t.segments[a.segment].dir == Dir::S2C)
            .unwrap()
    };
    let q1 = question_before_arrival(&plain, 0, Lang::En, 1).unwrap();
    let q2 = question_before_arrival(&faulty, first_synack_arrival(&faulty), Lang::En, 1).unwrap();
    assert_ne!(q1.prompt, q2.prompt);
    let loss = quiz_points(&faulty)
        .into_iter()
        .find(|(_, p)| matches!(p, QuizPoint::Loss(_)))
        .expect("the dropped SYN-ACK is a pause point");
    let q = question_at(&faulty, loss.1, Lang::En, 1).unwrap();
    assert_eq!(q.kind, QuestionKind::Retransmission);
}

// ------------------------------------------------------------------ losses

fn loss_answer(trace: &Trace, reason: SendReason, nth: usize) -> (RetxOutcome, Question) {
    let lost = trace
        .segments
        .iter()
        .filter(|s| s.lost() && s.reason == reason)
        .nth(nth)
        .unwrap_or_else(|| panic!("no lost {reason:?}"));
    let en = question_for_loss(trace, lost.id, Lang::En, 4).unwrap();
    let zh = question_for_loss(trace, lost.id, Lang::Zh, 4).unwrap();
    assert_well_formed(&en, "loss");
    assert_same_question(&en, &zh, "loss");
    let Answer::Retransmit(o) = en.answers[en.correct] else {
        panic!()
    };
    (o, en)
}

#[test]
fn test_loss_questions_know_how_each_loss_is_recovered() {
    for profile in ProfileName::ALL {
        let t = |name: &str| run(&named::with_profile(named::by_name(name).unwrap(), profile));
        let (o, q) = loss_answer(&t("syn_lost"), SendReason::Syn, 0);
        assert_eq!(o, RetxOutcome::AfterTimeout, "{profile}");
        assert!(q.explanation.contains("1000"), "{}", q.explanation);
        let (o, _) = loss_answer(&t("synack_lost"), SendReason::SynAck, 0);
        assert_eq!(o, RetxOutcome::AfterTimeout, "{profile}");
        let (o, q) = loss_answer(&t("ack_lost"), SendReason::HandshakeAck, 0);
        assert_eq!(o, RetxOutcome::NotResent, "{profile}");
        assert!(q.explanation.contains("cumulative"), "{}", q.explanation);
        let (o, _) = loss_answer(&t("fin_lost"), SendReason::Fin, 0);
        assert_eq!(o, RetxOutcome::AfterTimeout, "{profile}");
        let (o, _) = loss_answer(&t("server_fin_lost"), SendReason::Fin, 0);
        assert_eq!(o, RetxOutcome::AfterTimeout, "{profile}");
        let (o, q) = loss_answer(&t("last_ack_lost"), SendReason::AckOfFin, 0);
        assert_eq!(o, RetxOutcome::NotResent, "{profile}");
        assert!(
            q.explanation.contains("sent its own segment again"),
            "{}",
            q.explanation
        );
        // Every SYN lost: each but the last is sent again; after the last the client gives up.
        let trace = t("syn_retries_exhausted");
        let lost: Vec<_> = trace.segments.iter().filter(|s| s.lost()).collect();
        for (k, s) in lost.iter().enumerate() {
            let q = question_for_loss(&trace, s.id, Lang::En, 0).unwrap();
            let expected = if k + 1 == lost.len() {
                RetxOutcome::GivesUp
            } else {
                RetxOutcome::AfterTimeout
            };
            assert_eq!(
                q.answers[q.correct],
                Answer::Retransmit(expected),
                "{profile} SYN {k}"
            );
        }
    }
    let trace = normal(ProfileName::Rfc);
    assert_eq!(question_for_loss(&trace, 0, Lang::En, 0), None, "not lost");
}

// ------------------------------------------------------------------ every scenario

/// Every pause point of every scenario gives a well-formed question in both
/// languages, and a right answer about the third handshake segment never sets SYN.
#[test]
fn test_every_pause_point_of_every_scenario() {
    let mut kinds = BTreeSet::new();
    for sc in all_scenarios() {
        let trace = run(&sc);
        for (t, point) in quiz_points(&trace) {
            let what = format!("{} [{}] {point:?}", sc.name, sc.profile);
            let en = question_at(&trace, point, Lang::En, 9);
            let zh = question_at(&trace, point, Lang::Zh, 9);
            assert_eq!(en.is_some(), zh.is_some(), "{what}");
            if matches!(point, QuizPoint::Arrival(_)) {
                assert!(en.is_some(), "{what}: every arrival has a question");
            }
            let (Some(en), Some(zh)) = (en, zh) else {
                continue;
            };
            assert_eq!(en.t, t, "{what}");
            assert_well_formed(&en, &what);
            assert_well_formed(&zh, &what);
            assert_same_question(&en, &zh, &what);
            kinds.insert(format!("{:?}", en.kind));
            if let Answer::Segment(Some(g)) = en.answers[en.correct] {
                if let QuizPoint::Arrival(i) = point {
                    let first = replies_to(&trace, i)[0];
                    if trace.segments[first].reason == SendReason::HandshakeAck {
                        assert!(!g.flags.syn(), "{what}");
                    }
                }
            }
        }
    }
    assert_eq!(kinds.len(), 3, "{kinds:?}");
}

/// `replies_to` shares out the segments sent at one instant among the
/// arrivals of that instant. Check it against a step-by-step run, where each
/// step is exactly one event.
#[test]
fn test_replies_match_a_step_by_step_run() {
    const TIMER_DRIVEN: [SendReason; 5] = [
        SendReason::SynRetransmit,
        SendReason::SynAckRetransmit,
        SendReason::DataRetransmit,
        SendReason::FinRetransmit,
        SendReason::AckDelayed,
    ];
    let mut scenarios = all_scenarios();
    // Random loss adds many more cases.
    for seed in 1..=6 {
        scenarios.push(named::with_profile(named::normal(), ProfileName::Linux).loss(25.0, seed));
        scenarios.push(named::with_profile(named::half_close(), ProfileName::Rfc).loss(25.0, seed));
    }
    let mut groups = 0;
    for sc in &scenarios {
        let mut sim = Simulation::new(sc);
        let mut truth: Vec<Vec<usize>> = Vec::new();
        loop {
            let (a0, s0) = (sim.trace().arrivals.len(), sim.trace().segments.len());
            if !sim.step() {
                break;
            }
            let tr = sim.trace();
            if tr.arrivals.len() > a0 {
                assert_eq!(tr.arrivals.len(), a0 + 1, "one arrival per step");
                let receiver = tr.segments[tr.arrivals[a0].segment].dir.receiver();
                truth.push(
                    tr.segments[s0..]
                        .iter()
                        .filter(|s| s.dir == receiver.dir() && !s.injected)
                        .filter(|s| !TIMER_DRIVEN.contains(&s.reason))
                        .map(|s| s.id)
                        .collect(),
                );
            }
        }
        let trace = sim.into_trace();
        assert_eq!(trace, run(sc), "stepping gives the same trace");
        for (i, expected) in truth.iter().enumerate() {
            let a = &trace.arrivals[i];
            let receiver = trace.segments[a.segment].dir.receiver();
            if trace
                .arrivals
                .iter()
                .filter(|b| b.t == a.t && trace.segments[b.segment].dir.receiver() == receiver)
                .count()
                > 1
            {
                groups += 1;
            }
            assert_eq!(
                &replies_to(&trace, i),
                expected,
                "{} [{}] arrival {i} at {}:\n{}",
                sc.name,
                sc.profile,
                a.t,
                trace.to_text(false)
            );
        }
    }
    assert!(
        groups > 20,
        "the shared-instant case was exercised ({groups})"
    );
}

// ------------------------------------------------------------------ score and text

#[test]
fn test_score() {
    let trace = normal(ProfileName::Rfc);
    let q = question_before_arrival(&trace, 0, Lang::En, 0).unwrap();
    let mut s = Score::default();
    assert_eq!(s.percent(), None);
    assert!(s.answer(&q, q.correct));
    assert!(!s.answer(&q, (q.correct + 1) % q.choices.len()));
    assert!(!s.answer(&q, (q.correct + 2) % q.choices.len()));
    assert_eq!((s.asked, s.correct), (3, 1));
    assert_eq!(s.percent(), Some(33));
}

#[test]
fn test_quiz_phrases_exist_in_both_languages() {
    let en = phrases(Lang::En);
    let zh = phrases(Lang::Zh);
    assert_eq!(en.len(), zh.len());
    for ((ke, e), (kz, z)) in en.iter().zip(&zh) {
        assert_eq!(ke, kz);
        assert!(!e.trim().is_empty() && !z.trim().is_empty(), "{ke}");
        assert_ne!(e, z, "{ke}");
        assert!(has_cjk(z), "{ke}: {z}");
        assert!(!has_cjk(e), "{ke}: {e}");
    }
}

/// Lessons and quiz agree: every lesson's trace gives questions too. Predict mode asks about
/// one connection's segments; a server lesson's run of many connections is left out.
#[test]
fn test_every_lesson_trace_has_questions() {
    for l in lessons().iter().filter(|l| !l.is_server_run()) {
        let trace = l.trace();
        let n = quiz_points(&trace)
            .into_iter()
            .filter_map(|(_, p)| question_at(&trace, p, Lang::Zh, 0))
            .count();
        assert!(n >= 2, "{}: {n} questions", l.id);
    }
}

/// The arrival of the client's FIN at the server in the normal run.
fn client_fin_arrival(trace: &Trace) -> usize {
    trace
        .arrivals
        .iter()
        .position(|a| {
            let s = &trace.segments[a.segment];
            s.dir == Dir::C2S && s.segment.flags.fin()
        })
        .expect("the client's FIN arrives")
}

#[test]
fn test_explanations_follow_the_profile_at_the_passive_close() {
    for lang in Lang::ALL {
        let three = match lang {
            Lang::En => "three segments",
            Lang::Zh => "三个报文段",
        };
        let rfc = normal(ProfileName::Rfc);
        let linux = normal(ProfileName::Linux);
        let asked = |trace: &Trace| {
            question_before_arrival(trace, client_fin_arrival(trace), lang, 3).unwrap()
        };
        // The question asked when the FIN is about to reach the server.
        let (r, l) = (asked(&rfc), asked(&linux));
        assert_eq!(l.kind, QuestionKind::NextState);
        assert!(!r.explanation.contains(three), "rfc: {}", r.explanation);
        assert!(l.explanation.contains(three), "linux: {}", l.explanation);
        // What the server sends at once: the ACK under rfc; nothing under
        // linux, where the ACK is delayed and rides on the server's FIN.
        let seg = |trace: &Trace| {
            questions_before_arrival(trace, client_fin_arrival(trace), lang, 3)
                .into_iter()
                .find(|q| q.kind == QuestionKind::NextSegment)
                .unwrap()
        };
        let (r, l) = (seg(&rfc), seg(&linux));
        assert_eq!(l.answers[l.correct], Answer::Segment(None));
        assert_ne!(r.answers[r.correct], Answer::Segment(None));
        assert!(l.explanation.contains(three), "linux: {}", l.explanation);
        let fin_ack = match lang {
            Lang::En => "[FIN, ACK]",
            Lang::Zh => "[FIN, ACK]",
        };
        assert!(l.explanation.contains(fin_ack), "linux: {}", l.explanation);
        assert!(!r.explanation.contains(three), "rfc: {}", r.explanation);
        assert_well_formed(&l, "linux FIN segment question");
    }
}

#[test]
fn test_linux_explanations_add_linux_notes_only_under_linux() {
    // Every transition question of the normal run: under linux the Linux note
    // of each explained cause is quoted, under rfc never.
    for profile in ProfileName::ALL {
        let trace = normal(profile);
        for i in 0..trace.arrivals.len() {
            for q in questions_before_arrival(&trace, i, Lang::En, 1) {
                if q.kind != QuestionKind::NextState {
                    continue;
                }
                let causes = trace
                    .transitions
                    .iter()
                    .filter(|tr| tr.t == q.t && tr.trigger == tcp_sim::Trigger::Segment(q.segment))
                    .map(|tr| tr.cause);
                for cause in causes {
                    if let Some(note) = tcp_lab_content::explain_transition(cause, Lang::En).linux {
                        assert_eq!(
                            q.explanation.contains(note),
                            profile == ProfileName::Linux,
                            "{profile:?} {cause:?}: {}",
                            q.explanation
                        );
                    }
                }
            }
        }
    }
}
