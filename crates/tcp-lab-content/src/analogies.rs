//! Plain-language analogies: a phone call, a radio exchange between pilot and
//! tower, ending a relationship. Each says where it stops being accurate.
//! The text is in `src/text/analogies.rs`; this module maps the core's causes
//! and segment reasons to a topic.

use tcp_sim::{Cause, SendReason};

use crate::Lang;

/// What an analogy explains.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AnalogyTopic {
    /// The three-way handshake (radio check between pilot and tower).
    Handshake,
    /// Why two segments are not enough: the old duplicate SYN (a stale call-back).
    WhyNotTwo,
    /// The four-way close (ending a relationship).
    Close,
    /// Half-close: one side is done talking but keeps listening.
    HalfClose,
    /// TIME-WAIT: staying on the frequency after the last "roger".
    TimeWait,
    /// RST: a number not in service, or hanging up mid-sentence.
    Rst,
    /// Retransmission after a timeout: repeating an unanswered radio call.
    Retransmission,
    /// Both sides open at once.
    SimultaneousOpen,
    /// Both sides close at once.
    SimultaneousClose,
}

impl AnalogyTopic {
    pub const ALL: [AnalogyTopic; 9] = [
        AnalogyTopic::Handshake,
        AnalogyTopic::WhyNotTwo,
        AnalogyTopic::Close,
        AnalogyTopic::HalfClose,
        AnalogyTopic::TimeWait,
        AnalogyTopic::Rst,
        AnalogyTopic::Retransmission,
        AnalogyTopic::SimultaneousOpen,
        AnalogyTopic::SimultaneousClose,
    ];

    /// A stable key, e.g. for a URL or a CSS class.
    pub fn key(self) -> &'static str {
        match self {
            AnalogyTopic::Handshake => "handshake",
            AnalogyTopic::WhyNotTwo => "why_not_two",
            AnalogyTopic::Close => "close",
            AnalogyTopic::HalfClose => "half_close",
            AnalogyTopic::TimeWait => "time_wait",
            AnalogyTopic::Rst => "rst",
            AnalogyTopic::Retransmission => "retransmission",
            AnalogyTopic::SimultaneousOpen => "simultaneous_open",
            AnalogyTopic::SimultaneousClose => "simultaneous_close",
        }
    }
}

/// An everyday analogy beside the technical text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Analogy {
    /// A short title, e.g. "A radio check between pilot and tower".
    pub title: &'static str,
    /// The analogy itself, mapped onto the protocol.
    pub text: &'static str,
    /// Where the analogy stops being accurate.
    pub limits: &'static str,
}

/// The analogy for a topic.
pub fn analogy(topic: AnalogyTopic, lang: Lang) -> Analogy {
    crate::text::analogies::analogy(topic, lang)
}

/// The analogy that fits a state transition, if one does.
pub fn analogy_for_cause(cause: Cause) -> Option<AnalogyTopic> {
    use AnalogyTopic::*;
    match cause {
        Cause::AppConnect | Cause::RecvSyn | Cause::RecvSynAck | Cause::RecvAckOfSyn => {
            Some(Handshake)
        }
        Cause::RecvRstBackToListen => Some(WhyNotTwo),
        Cause::RecvSynSimultaneous => Some(SimultaneousOpen),
        Cause::AppCloseSendFin | Cause::RecvFinalAck => Some(Close),
        Cause::RecvFin | Cause::RecvAckOfFin => Some(HalfClose),
        Cause::RecvFinSimultaneous => Some(SimultaneousClose),
        Cause::RecvFinAfterOurs | Cause::TimeWaitExpired | Cause::RecvRstInTimeWait => {
            Some(TimeWait)
        }
        Cause::AppAbort
        | Cause::RecvRstRefused
        | Cause::RecvRst
        | Cause::RecvSynInWindow
        | Cause::KeepaliveTimeout => Some(Rst),
        Cause::RetransmitLimit | Cause::SynAckRetriesExhausted => Some(Retransmission),
        Cause::AppListen
        | Cause::AppCloseUnconnected
        | Cause::FinWait2Timeout
        | Cause::HostCrash => None,
        Cause::RecvAckWithCookie => Some(Handshake),
        Cause::AcceptQueueOverflow => Some(Rst),
        Cause::TimeWaitNewSyn | Cause::TimeWaitReused => Some(TimeWait),
    }
}

/// The analogy that fits a segment, by the reason it was sent, if one does.
pub fn analogy_for_reason(reason: SendReason) -> Option<AnalogyTopic> {
    use AnalogyTopic::*;
    match reason {
        SendReason::Syn | SendReason::SynAck | SendReason::HandshakeAck => Some(Handshake),
        SendReason::SynRetransmit
        | SendReason::SynAckRetransmit
        | SendReason::SynAckToDuplicateSyn
        | SendReason::DataRetransmit
        | SendReason::DataFastRetransmit
        | SendReason::FinRetransmit => Some(Retransmission),
        SendReason::SynAckSimultaneous => Some(SimultaneousOpen),
        SendReason::Fin | SendReason::AckOfFin => Some(Close),
        SendReason::TimeWaitAck => Some(TimeWait),
        SendReason::RstNoListener
        | SendReason::RstNoConnection
        | SendReason::RstAbort
        | SendReason::RstSynInWindow
        | SendReason::RstKeepaliveTimeout => Some(Rst),
        SendReason::RstBadAck | SendReason::OldDuplicate => Some(WhyNotTwo),
        SendReason::SynAckCookie => Some(Handshake),
        SendReason::RstListenOverflow => Some(Rst),
        SendReason::AckOldSynInTimeWait => Some(TimeWait),
        SendReason::FloodSyn => None,
        SendReason::Data
        | SendReason::AckNow
        | SendReason::AckDelayed
        | SendReason::AckDuplicate
        | SendReason::ChallengeAck
        | SendReason::PawsAck
        | SendReason::KeepaliveProbe => None,
    }
}
