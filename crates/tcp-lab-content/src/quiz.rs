//! "Predict the next step": questions built from a live trace.
//!
//! In predict mode the lab pauses before each delivery (and when a segment is
//! lost) and asks what happens next. Everything is derived from the trace,
//! including the learner's own faults, so the questions cannot be learned by
//! heart; the seed only shuffles the choices (the same for both languages, so
//! a side-by-side view lines up).
//!
//! - [`QuestionKind::NextState`]: the arrival makes the receiver change state;
//!   the right answer is where it ends up, the others are plausible neighbours.
//! - [`QuestionKind::NextSegment`]: what the receiver sends at once in answer
//!   (flags and relative numbers), or nothing; each wrong choice changes one
//!   thing (SYN set on the third segment, acknowledgment number off by one,
//!   FIN without ACK, …).
//! - [`QuestionKind::Retransmission`]: a segment is lost; is it sent again?
//!
//! ```
//! use tcp_lab_content::quiz::{question_before_arrival, QuestionKind, Score};
//! use tcp_lab_content::Lang;
//! use tcp_sim::{named, run};
//!
//! let trace = run(&named::normal());
//! // Arrival 0 is the SYN reaching the server.
//! let q = question_before_arrival(&trace, 0, Lang::En, 7).unwrap();
//! assert_eq!(q.kind, QuestionKind::NextState);
//! let mut score = Score::default();
//! assert!(score.answer(&q, q.correct));
//! assert_eq!((score.asked, score.correct), (1, 1));
//! ```

use tcp_sim::{
    Flags, Instant, ProfileName, SegmentRecord, SendReason, Side, State, TimerKind, Trace, Trigger,
};

use crate::fill::{fill, Value};
use crate::text::quiz::{text, QuizText};
use crate::{explain_segment, explain_transition, Explanation, Lang};

/// What a question asks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QuestionKind {
    /// The receiver's state once it has processed the arriving segment.
    NextState,
    /// The segment the receiver sends at once in answer (or nothing).
    NextSegment,
    /// Whether, and how, a lost segment is sent again.
    Retransmission,
}

/// A segment as a choice shows it: flags and numbers relative to the ISNs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct SegmentGuess {
    pub flags: Flags,
    /// Relative to the sender's ISN; `None` when the sender has none (a RST
    /// from a port where nothing listens).
    pub seq: Option<i64>,
    /// Relative to the receiver's ISN; `None` without the ACK flag.
    pub ack: Option<i64>,
    /// Payload bytes.
    pub len: u32,
}

impl SegmentGuess {
    /// The segment as it was sent.
    pub fn of(s: &SegmentRecord) -> SegmentGuess {
        SegmentGuess {
            flags: s.segment.flags,
            seq: s.seq_rel,
            ack: s.ack_rel,
            len: s.segment.len,
        }
    }

    fn with_flags(mut self, flags: Flags) -> SegmentGuess {
        self.flags = flags;
        if !flags.ack() {
            self.ack = None;
        }
        self
    }
}

/// How a lost segment is recovered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RetxOutcome {
    /// The sender's retransmission timer expires and it sends it again.
    AfterTimeout,
    /// Something from the receiver makes the sender send it again early.
    ReceiverAsks,
    /// Nothing sends it again (a bare ACK or a RST).
    NotResent,
    /// The sender had no retries left and aborts.
    GivesUp,
}

/// What one choice stands for, so the app can, e.g., highlight a state.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Answer {
    /// A state; `stays` when the choice is "it stays in this state".
    State {
        state: State,
        stays: bool,
    },
    /// A segment, or `None` for "nothing at once".
    Segment(Option<SegmentGuess>),
    Retransmit(RetxOutcome),
}

/// A multiple-choice question about the next step.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Question {
    pub prompt: String,
    pub choices: Vec<String>,
    /// What each choice stands for, in the same order as `choices`.
    pub answers: Vec<Answer>,
    pub correct: usize,
    /// Shown after the answer; built from the explanation tables.
    pub explanation: String,
    pub kind: QuestionKind,
    /// The segment the question is about.
    pub segment: usize,
    /// When the lab pauses for it: the arrival, or the sending of a lost segment.
    pub t: Instant,
}

/// Where predict mode pauses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QuizPoint {
    /// Before the arrival with this index in `trace.arrivals`.
    Arrival(usize),
    /// When the segment with this id is lost.
    Loss(usize),
}

/// The running score.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Score {
    pub asked: u32,
    pub correct: u32,
}

impl Score {
    /// Records an answer; returns whether it was right.
    pub fn answer(&mut self, q: &Question, choice: usize) -> bool {
        let right = choice == q.correct;
        self.asked += 1;
        self.correct += u32::from(right);
        right
    }

    /// Right answers in percent, or `None` before the first question.
    pub fn percent(&self) -> Option<u32> {
        (self.asked > 0).then(|| self.correct * 100 / self.asked)
    }
}

/// Every pause of predict mode in time order: each arrival, and each loss
/// (at the time the lost segment was sent).
pub fn quiz_points(trace: &Trace) -> Vec<(Instant, QuizPoint)> {
    let v: Vec<(Instant, QuizPoint)> = trace
        .arrivals
        .iter()
        .enumerate()
        .map(|(i, a)| (a.t, QuizPoint::Arrival(i)))
        .chain(
            trace
                .segments
                .iter()
                .filter(|s| s.lost())
                .map(|s| (s.sent, QuizPoint::Loss(s.id))),
        )
        .collect();
    // Arrivals before losses at the same instant, as chained: the index makes the key unique,
    // so an unstable sort (no second sort implementation in the wasm) keeps that order.
    let mut keyed: Vec<(Instant, usize, QuizPoint)> = v
        .into_iter()
        .enumerate()
        .map(|(i, (t, p))| (t, i, p))
        .collect();
    keyed.sort_unstable_by_key(|&(t, i, _)| (t, i));
    keyed.into_iter().map(|(t, _, p)| (t, p)).collect()
}

/// Every fixed phrase the quiz uses, keyed (for translators and the
/// completeness tests). The questions fill them with numbers from the trace.
pub fn phrases(lang: Lang) -> Vec<(&'static str, &'static str)> {
    crate::text::quiz::all(lang)
}

/// The question for a pause point.
pub fn question_at(trace: &Trace, point: QuizPoint, lang: Lang, seed: u64) -> Option<Question> {
    match point {
        QuizPoint::Arrival(i) => question_before_arrival(trace, i, lang, seed),
        QuizPoint::Loss(id) => question_for_loss(trace, id, lang, seed),
    }
}

/// The question to ask before arrival `arrival_index` (an index into
/// `trace.arrivals`), or `None` if there is no such arrival.
///
/// An arrival that changes the receiver's state gets a state question; one
/// that does not gets a segment question (what is sent at once, possibly
/// nothing). When the arrival both changes the state and draws an answer,
/// the two kinds alternate along the trace, starting with the state, so a run
/// mixes both. [`questions_before_arrival`] gives every kind that fits.
pub fn question_before_arrival(
    trace: &Trace,
    arrival_index: usize,
    lang: Lang,
    seed: u64,
) -> Option<Question> {
    let both =
        |i: usize| !transitions_of_arrival(trace, i).is_empty() && !replies_to(trace, i).is_empty();
    let mut qs = questions_before_arrival(trace, arrival_index, lang, seed);
    if qs.len() > 1 && both(arrival_index) {
        let earlier = (0..arrival_index).filter(|&i| both(i)).count();
        Some(qs.swap_remove(earlier % 2))
    } else {
        // The state question comes first when there is one.
        (!qs.is_empty()).then(|| qs.swap_remove(0))
    }
}

/// Every question that fits before an arrival: the state question (if the
/// arrival changes the receiver's state) and the segment question. Empty if
/// there is no such arrival.
pub fn questions_before_arrival(
    trace: &Trace,
    arrival_index: usize,
    lang: Lang,
    seed: u64,
) -> Vec<Question> {
    let Some(arrival) = trace.arrivals.get(arrival_index) else {
        return Vec::new();
    };
    let seed = mix(seed, arrival_index as u64);
    let ctx = Ctx::new(trace, arrival.segment, Some(arrival.receiver_state), lang);
    let mut out = Vec::new();
    if let Some(q) = state_question(&ctx, arrival_index, seed) {
        out.push(q);
    }
    out.push(segment_question(&ctx, arrival_index, seed));
    out
}

/// The question to ask when segment `segment_id` is lost, or `None` if it
/// was not lost or its fate cannot be told from the trace.
pub fn question_for_loss(
    trace: &Trace,
    segment_id: usize,
    lang: Lang,
    seed: u64,
) -> Option<Question> {
    let lost = trace.segments.get(segment_id).filter(|s| s.lost())?;
    let outcome = loss_outcome(trace, lost)?;
    let ctx = Ctx::new(trace, segment_id, None, lang);
    let t = ctx.t;
    let correct = Answer::Retransmit(outcome.0);
    let mut answers: Vec<Answer> = [
        RetxOutcome::AfterTimeout,
        RetxOutcome::ReceiverAsks,
        RetxOutcome::NotResent,
        RetxOutcome::GivesUp,
    ]
    .into_iter()
    .map(Answer::Retransmit)
    .collect();
    shuffle(&mut answers, mix(seed, 0x1000_0000 + segment_id as u64));
    let choices = answers.iter().map(|a| ctx.render_answer(a)).collect();
    let explanation = match outcome {
        (RetxOutcome::AfterTimeout, Some(copy)) => join(
            &[
                vec![ctx.fill_gap(t.expl_retx_timeout, copy.sent - lost.sent)],
                ctx.explained(explain_segment(copy.reason, ctx.lang), false, true),
            ]
            .concat(),
            ctx.lang,
        ),
        (RetxOutcome::ReceiverAsks, Some(copy)) => join(
            &[
                vec![ctx.fill_gap(t.expl_retx_early, copy.sent - lost.sent)],
                ctx.explained(explain_segment(copy.reason, ctx.lang), true, false),
            ]
            .concat(),
            ctx.lang,
        ),
        (RetxOutcome::NotResent, _) => {
            let first = if lost.segment.flags.rst() {
                t.expl_not_resent_rst
            } else {
                t.expl_not_resent
            };
            let mut parts = vec![ctx.fill(first)];
            match not_resent_recovery(trace, lost) {
                Some(Recovery::LaterAck) => parts.push(ctx.fill(t.expl_not_resent_later)),
                Some(Recovery::PeerResent) => parts.push(ctx.fill(t.expl_not_resent_peer)),
                None => {}
            }
            join(&parts, ctx.lang)
        }
        (RetxOutcome::GivesUp, _) => join(
            &[
                vec![ctx.fill(t.expl_gives_up)],
                ctx.explained(
                    explain_transition(tcp_sim::Cause::RetransmitLimit, ctx.lang),
                    true,
                    false,
                ),
            ]
            .concat(),
            ctx.lang,
        ),
        (_, None) => ctx.fill(t.expl_retx_timeout),
    };
    Some(Question {
        prompt: ctx.fill(t.prompt_loss),
        choices,
        correct: answers.iter().position(|a| *a == correct)?,
        answers,
        explanation,
        kind: QuestionKind::Retransmission,
        segment: segment_id,
        t: lost.sent,
    })
}

/// The segments the receiver of arrival `arrival_index` sent at once in
/// answer to it (ids, in sending order), as recorded by the core
/// ([`tcp_sim::SegmentRecord::in_reply_to`]), including what an application
/// unblocked by this arrival sent at the same instant.
pub fn replies_to(trace: &Trace, arrival_index: usize) -> Vec<usize> {
    trace
        .segments
        .iter()
        .filter(|s| s.in_reply_to == Some(arrival_index))
        .map(|s| s.id)
        .collect()
}

// ------------------------------------------------------------------ internals

/// Segments only a timer sends.
fn timer_driven(r: SendReason) -> bool {
    matches!(
        r,
        SendReason::SynRetransmit
            | SendReason::SynAckRetransmit
            | SendReason::DataRetransmit
            | SendReason::FinRetransmit
            | SendReason::AckDelayed
    )
}

/// The transitions an arrival caused at its receiver, in order.
fn transitions_of_arrival(trace: &Trace, arrival_index: usize) -> Vec<&tcp_sim::TransitionRecord> {
    let Some(a) = trace.arrivals.get(arrival_index) else {
        return Vec::new();
    };
    let receiver = trace.segments[a.segment].dir.receiver();
    trace
        .transitions
        .iter()
        .filter(|t| t.t == a.t && t.side == receiver && t.trigger == Trigger::Segment(a.segment))
        .collect()
}

/// Per-question rendering context.
struct Ctx<'a> {
    trace: &'a Trace,
    /// The segment the question is about.
    seg: &'a SegmentRecord,
    /// The receiver's state before the arrival (`None` for a lost segment).
    state_before: Option<State>,
    lang: Lang,
    t: &'static QuizText,
    /// The run used the `linux` profile: explanations say where Linux
    /// differs from the textbook.
    linux: bool,
}

impl<'a> Ctx<'a> {
    /// An explanation's `what` and `why` (as chosen), followed under the
    /// linux profile by how Linux differs, where it does.
    fn explained(&self, e: Explanation, what: bool, why: bool) -> Vec<String> {
        let mut v = Vec::new();
        if what {
            v.push(e.what.to_string());
        }
        if why {
            v.push(e.why.to_string());
        }
        if self.linux {
            if let Some(l) = e.linux {
                // Linux notes quote the profiles' retry limits.
                v.push(crate::fill_limits(l, self.lang).into_owned());
            }
        }
        v
    }

    fn new(trace: &'a Trace, segment: usize, state_before: Option<State>, lang: Lang) -> Ctx<'a> {
        Ctx {
            trace,
            seg: &trace.segments[segment],
            state_before,
            lang,
            t: text(lang),
            linux: trace.profile == Some(ProfileName::Linux),
        }
    }

    fn side(&self, s: Side) -> &'static str {
        match s {
            Side::Client => self.t.client,
            Side::Server => self.t.server,
        }
    }

    fn sender(&self) -> Side {
        self.seg.dir.sender()
    }

    fn receiver(&self) -> Side {
        self.seg.dir.receiver()
    }

    /// Fills the common placeholders.
    fn fill(&self, template: &str) -> String {
        self.fill_with(template, &[])
    }

    fn fill_gap(&self, template: &str, gap: tcp_sim::Duration) -> String {
        self.fill_with(template, &[("gap_ms", Value::Ms(gap.as_ms()))])
    }

    fn fill_with(&self, template: &str, extra: &[(&str, Value)]) -> String {
        fill(template, |name| {
            if let Some((_, v)) = extra.iter().find(|(n, _)| *n == name) {
                return Some(v.clone());
            }
            Some(match name {
                "sender" => Value::Text(self.side(self.sender()).into()),
                "receiver" => Value::Text(self.side(self.receiver()).into()),
                "state" => Value::Text(self.state_before?.rfc_name().into()),
                "segment" => Value::Text(self.describe_arriving()),
                _ => return None,
            })
        })
    }

    /// The arriving (or lost) segment, as the prompt shows it.
    fn describe_arriving(&self) -> String {
        let g = SegmentGuess::of(self.seg);
        fill(self.t.segment, |n| match n {
            "flags" => Some(Value::Text(flag_names(g.flags))),
            "numbers" => Some(Value::Text(self.numbers(&g))),
            _ => None,
        })
    }

    /// "sequence number 1, acknowledgment number 1, 100 bytes of data".
    fn numbers(&self, g: &SegmentGuess) -> String {
        let t = self.t;
        let mut parts = Vec::new();
        if let Some(seq) = g.seq {
            parts.push(fill(t.seq, |n| (n == "seq").then_some(Value::Int(seq))));
        }
        match g.ack {
            Some(ack) => parts.push(fill(t.ack, |n| (n == "ack").then_some(Value::Int(ack)))),
            None => parts.push(t.no_ack.to_string()),
        }
        if g.len > 0 {
            parts.push(fill(t.len, |n| {
                (n == "len").then_some(Value::Int(i64::from(g.len)))
            }));
        }
        parts.join(t.separator)
    }

    /// A segment as a choice: "[SYN, ACK] sequence number 0, acknowledgment number 1".
    fn describe_guess(&self, g: &SegmentGuess) -> String {
        format!("[{}] {}", flag_names(g.flags), self.numbers(g))
    }

    fn render_answer(&self, a: &Answer) -> String {
        let t = self.t;
        match *a {
            Answer::State { state, stays } => fill(
                if stays {
                    t.choice_stays
                } else {
                    t.choice_state
                },
                |n| (n == "state").then(|| Value::Text(state.rfc_name().into())),
            ),
            Answer::Segment(None) => t.nothing.to_string(),
            Answer::Segment(Some(g)) => self.describe_guess(&g),
            Answer::Retransmit(o) => self.fill(match o {
                RetxOutcome::AfterTimeout => t.retx_after_timeout,
                RetxOutcome::ReceiverAsks => t.retx_receiver_asks,
                RetxOutcome::NotResent => t.retx_not_resent,
                RetxOutcome::GivesUp => t.retx_gives_up,
            }),
        }
    }
}

/// Flag names as Wireshark prints them: "SYN, ACK", "FIN, ACK", "PSH, ACK".
fn flag_names(f: Flags) -> String {
    let names: Vec<&str> = [
        (Flags::FIN, "FIN"),
        (Flags::SYN, "SYN"),
        (Flags::RST, "RST"),
        (Flags::PSH, "PSH"),
        (Flags::ACK, "ACK"),
    ]
    .iter()
    .filter(|(flag, _)| f.contains(*flag))
    .map(|(_, n)| *n)
    .collect();
    if names.is_empty() {
        "-".to_string()
    } else {
        names.join(", ")
    }
}

/// Joins sentences: with a space in English, directly in Chinese.
fn join(parts: &[String], lang: Lang) -> String {
    let gap = match lang {
        Lang::En => " ",
        Lang::Zh => "",
    };
    parts
        .iter()
        .filter(|p| !p.is_empty())
        .cloned()
        .collect::<Vec<_>>()
        .join(gap)
}

fn state_question(ctx: &Ctx, arrival_index: usize, seed: u64) -> Option<Question> {
    let chain = transitions_of_arrival(ctx.trace, arrival_index);
    let last = chain.last()?;
    let from = chain[0].from;
    let to = last.to;
    // Wrong choices: states the receiver passed through, staying put, the
    // diagram's other ways out of the old state, then the ways on from the new one.
    let successors = |s: State| {
        State::DIAGRAM_EDGES
            .iter()
            .filter(move |(a, _)| *a == s)
            .map(|(_, b)| *b)
    };
    let candidates = chain[..chain.len() - 1]
        .iter()
        .map(|tr| (tr.to, false))
        .chain([(from, true)])
        .chain(successors(from).chain(successors(to)).map(|s| (s, false)))
        .chain(
            [
                State::Established,
                State::CloseWait,
                State::TimeWait,
                State::FinWait2,
                State::Closed,
            ]
            .map(|s| (s, false)),
        );
    let mut seen = vec![to];
    let mut wrong: Vec<Answer> = Vec::new();
    for (state, stays) in candidates {
        if wrong.len() < 3 && !seen.contains(&state) {
            seen.push(state);
            wrong.push(Answer::State { state, stays });
        }
    }
    let correct = Answer::State {
        state: to,
        stays: false,
    };
    let (answers, correct_index) = arrange(correct, wrong, seed);
    let t = ctx.t;
    let mut parts = vec![ctx.fill_with(
        t.expl_state,
        &[
            ("from", Value::Text(from.rfc_name().into())),
            ("to", Value::Text(to.rfc_name().into())),
        ],
    )];
    for tr in &chain {
        parts.extend(ctx.explained(explain_transition(tr.cause, ctx.lang), true, true));
    }
    // What the receiver's application does at the same instant, in reaction.
    if let Some(app) = ctx.trace.transitions.iter().find(|tr| {
        tr.t == last.t
            && tr.side == last.side
            && tr.from == to
            && matches!(tr.trigger, Trigger::App(_))
    }) {
        parts.push(ctx.fill_with(
            t.expl_state_then,
            &[
                (
                    "title",
                    Value::Text(explain_transition(app.cause, ctx.lang).title.into()),
                ),
                ("to", Value::Text(app.to.rfc_name().into())),
            ],
        ));
    }
    Some(Question {
        prompt: ctx.fill(t.prompt_state),
        choices: answers.iter().map(|a| ctx.render_answer(a)).collect(),
        answers,
        correct: correct_index,
        explanation: join(&parts, ctx.lang),
        kind: QuestionKind::NextState,
        segment: ctx.seg.id,
        t: ctx.trace.arrivals[arrival_index].t,
    })
}

fn segment_question(ctx: &Ctx, arrival_index: usize, seed: u64) -> Question {
    let trace = ctx.trace;
    let replies = replies_to(trace, arrival_index);
    let first = replies.first().map(|&id| &trace.segments[id]);
    let correct = first.map(SegmentGuess::of);
    let wrong = segment_distractors(ctx, correct);
    let (answers, correct_index) = arrange(Answer::Segment(correct), wrong, seed);
    let t = ctx.t;
    let explanation = match first {
        Some(r) => {
            let mut parts = vec![ctx.fill_with(
                t.expl_segment,
                &[(
                    "segment",
                    Value::Text(ctx.describe_guess(&SegmentGuess::of(r))),
                )],
            )];
            parts.extend(ctx.explained(explain_segment(r.reason, ctx.lang), true, true));
            join(&parts, ctx.lang)
        }
        None => {
            let arrival_t = trace.arrivals[arrival_index].t;
            let delayed = trace.segments.iter().find(|s| {
                s.dir == ctx.receiver().dir()
                    && s.sent > arrival_t
                    && s.reason == SendReason::AckDelayed
            });
            let delayed_timer = trace.timers.iter().any(|tm| {
                tm.t == arrival_t && tm.side == ctx.receiver() && tm.kind == TimerKind::DelayedAck
            });
            // The receiver's first later segment that acknowledges this one:
            // under Linux, the delayed ACK often rides on its own FIN or data.
            let end = ctx
                .seg
                .seq_rel
                .map(|s| s + i64::from(ctx.seg.segment.seg_len()));
            let carrier = trace.segments.iter().find(|s| {
                s.dir == ctx.receiver().dir()
                    && s.sent > arrival_t
                    && s.segment.flags.ack()
                    && s.ack_rel.zip(end).is_some_and(|(a, e)| a >= e)
            });
            match delayed {
                Some(d) if delayed_timer && carrier.is_none_or(|c| c.sent >= d.sent) => {
                    ctx.fill_gap(t.expl_nothing_delayed, d.sent - arrival_t)
                }
                _ if delayed_timer && carrier.is_some() && ctx.seg.segment.seg_len() > 0 => {
                    let c = carrier.expect("checked");
                    let mut parts = vec![ctx.fill_with(
                        t.expl_nothing_piggyback,
                        &[
                            ("gap_ms", Value::Ms((c.sent - arrival_t).as_ms())),
                            (
                                "segment",
                                Value::Text(ctx.describe_guess(&SegmentGuess::of(c))),
                            ),
                        ],
                    )];
                    if c.segment.flags.fin() && ctx.seg.segment.flags.fin() {
                        parts.push(ctx.fill(t.expl_three_segment_close));
                    }
                    join(&parts, ctx.lang)
                }
                _ if ctx.seg.segment.seg_len() == 0 && !ctx.seg.segment.flags.rst() => {
                    ctx.fill(t.expl_nothing_no_seq)
                }
                _ => ctx.fill(t.expl_nothing_other),
            }
        }
    };
    Question {
        prompt: ctx.fill(t.prompt_segment),
        choices: answers.iter().map(|a| ctx.render_answer(a)).collect(),
        answers,
        correct: correct_index,
        explanation,
        kind: QuestionKind::NextSegment,
        segment: ctx.seg.id,
        t: trace.arrivals[arrival_index].t,
    }
}

/// Three wrong segments, each one change away from the right one.
fn segment_distractors(ctx: &Ctx, correct: Option<SegmentGuess>) -> Vec<Answer> {
    let mut out: Vec<Option<SegmentGuess>> = Vec::new();
    let g = match correct {
        Some(g) => g,
        None => {
            // Nothing is sent: offer the answers a learner might expect.
            let seg = ctx.seg;
            let ack = seg.seq_rel.map(|s| s + i64::from(seg.segment.seg_len()));
            // The receiver's next sequence number: the end of what it sent so far.
            let seq = ctx
                .trace
                .segments
                .iter()
                .filter(|s| s.dir == ctx.receiver().dir() && !s.injected && s.id < seg.id)
                .filter_map(|s| s.seq_rel.map(|q| q + i64::from(s.segment.seg_len())))
                .max()
                .or(seg.ack_rel);
            let base = SegmentGuess {
                flags: Flags::ACK,
                seq,
                ack,
                len: 0,
            };
            out.push(Some(base));
            out.push(Some(SegmentGuess {
                ack: ack.map(|a| a + 1),
                ..base
            }));
            out.push(Some(base.with_flags(Flags::RST)));
            out.push(Some(base.with_flags(Flags::SYN | Flags::ACK)));
            return dedup_wrong(None, out);
        }
    };
    // In order of how often learners get it wrong; each changes one thing.
    let f = g.flags;
    let add_syn = Some(g.with_flags(f | Flags::SYN));
    if ctx.seg.segment.flags.syn() && f.ack() && !f.syn() && !f.rst() {
        // The third handshake segment with SYN set: the articles' classic error.
        out.push(add_syn);
    }
    if f.syn() && f.ack() {
        out.push(Some(g.with_flags(f.without(Flags::SYN))));
    }
    if f.fin() && f.ack() {
        out.push(Some(g.with_flags(f.without(Flags::ACK))));
    }
    if let Some(a) = g.ack.filter(|a| *a > 0) {
        // Forgetting the +1, or naming the last byte received instead of the next.
        out.push(Some(SegmentGuess {
            ack: Some(a - 1),
            ..g
        }));
    }
    if let Some(a) = g.ack {
        out.push(Some(SegmentGuess {
            ack: Some(a + 1),
            ..g
        }));
    }
    if let Some(s) = g.seq {
        out.push(Some(SegmentGuess {
            seq: Some(s + 1),
            ..g
        }));
    }
    if f.rst() {
        out.push(Some(g.with_flags(Flags::ACK)));
    }
    out.push(None);
    if f.ack() && !f.syn() && !f.rst() {
        out.push(add_syn);
    }
    dedup_wrong(correct, out)
}

fn dedup_wrong(correct: Option<SegmentGuess>, cands: Vec<Option<SegmentGuess>>) -> Vec<Answer> {
    let mut wrong: Vec<Option<SegmentGuess>> = Vec::new();
    for c in cands {
        if c != correct && !wrong.contains(&c) {
            wrong.push(c);
        }
    }
    wrong.truncate(3);
    wrong.into_iter().map(Answer::Segment).collect()
}

/// Puts the right answer among the wrong ones and shuffles; returns the
/// answers and the index of the right one.
fn arrange(correct: Answer, wrong: Vec<Answer>, seed: u64) -> (Vec<Answer>, usize) {
    let mut answers = vec![correct];
    answers.extend(wrong);
    shuffle(&mut answers, seed);
    let i = answers.iter().position(|a| *a == correct).unwrap_or(0);
    (answers, i)
}

/// How a lost segment was recovered, and the copy that recovered it.
fn loss_outcome<'a>(
    trace: &'a Trace,
    lost: &SegmentRecord,
) -> Option<(RetxOutcome, Option<&'a SegmentRecord>)> {
    if lost.segment.seg_len() == 0 || lost.segment.flags.rst() {
        return Some((RetxOutcome::NotResent, None));
    }
    let copies: Vec<&SegmentRecord> = trace
        .segments
        .iter()
        .filter(|s| {
            s.id > lost.id
                && s.dir == lost.dir
                && !s.injected
                && s.seq_rel == lost.seq_rel
                && s.segment.flags.syn() == lost.segment.flags.syn()
                && s.segment.seg_len() > 0
        })
        .collect();
    if let Some(first) = copies.first() {
        let by_timer = copies
            .iter()
            .find(|c| c.sent == first.sent && timer_driven(c.reason));
        return Some(match by_timer {
            Some(c) => (RetxOutcome::AfterTimeout, Some(*c)),
            None if matches!(
                first.reason,
                SendReason::DataFastRetransmit | SendReason::SynAckToDuplicateSyn
            ) =>
            {
                (RetxOutcome::ReceiverAsks, Some(*first))
            }
            None => (RetxOutcome::AfterTimeout, Some(*first)),
        });
    }
    let sender = lost.dir.sender();
    let gave_up = trace.transitions_of(sender).any(|t| {
        t.t > lost.sent
            && matches!(
                t.cause,
                tcp_sim::Cause::RetransmitLimit | tcp_sim::Cause::SynAckRetriesExhausted
            )
    });
    gave_up.then_some((RetxOutcome::GivesUp, None))
}

enum Recovery {
    LaterAck,
    PeerResent,
}

/// For a lost bare ACK: did a later ACK from the same side arrive first, or
/// did the peer send something again?
fn not_resent_recovery(trace: &Trace, lost: &SegmentRecord) -> Option<Recovery> {
    if !lost.segment.flags.ack() || lost.segment.flags.rst() {
        return None;
    }
    let later_ack = trace
        .segments
        .iter()
        .filter(|s| {
            s.id > lost.id
                && s.dir == lost.dir
                && !s.lost()
                && s.segment.flags.ack()
                && s.ack_rel.zip(lost.ack_rel).is_some_and(|(a, b)| a >= b)
        })
        .filter_map(|s| s.arrive)
        .min();
    let peer_resent = trace
        .segments
        .iter()
        .filter(|s| {
            s.dir == lost.dir.receiver().dir() && s.sent > lost.sent && s.reason.is_retransmission()
        })
        .map(|s| s.sent)
        .min();
    match (later_ack, peer_resent) {
        (Some(a), Some(p)) if p < a => Some(Recovery::PeerResent),
        (Some(_), _) => Some(Recovery::LaterAck),
        (None, Some(_)) => Some(Recovery::PeerResent),
        (None, None) => None,
    }
}

fn mix(seed: u64, salt: u64) -> u64 {
    splitmix(seed ^ splitmix(salt.wrapping_add(0x9E37_79B9_7F4A_7C15)))
}

fn splitmix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

/// A deterministic Fisher–Yates shuffle.
fn shuffle<T>(v: &mut [T], seed: u64) {
    let mut state = seed;
    for i in (1..v.len()).rev() {
        state = splitmix(state);
        let j = (state % (i as u64 + 1)) as usize;
        v.swap(i, j);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_shuffle_is_a_deterministic_permutation() {
        let mut a = [0, 1, 2, 3];
        let mut b = [0, 1, 2, 3];
        shuffle(&mut a, 42);
        shuffle(&mut b, 42);
        assert_eq!(a, b);
        let mut sorted = a;
        sorted.sort();
        assert_eq!(sorted, [0, 1, 2, 3]);
        let distinct: std::collections::BTreeSet<[i32; 4]> = (0..50)
            .map(|s| {
                let mut v = [0, 1, 2, 3];
                shuffle(&mut v, s);
                v
            })
            .collect();
        assert!(distinct.len() > 10, "seeds give different orders");
    }

    #[test]
    fn test_flag_names_follow_wireshark() {
        assert_eq!(flag_names(Flags::SYN | Flags::ACK), "SYN, ACK");
        assert_eq!(flag_names(Flags::FIN | Flags::ACK), "FIN, ACK");
        assert_eq!(flag_names(Flags::RST), "RST");
    }
}
