//! The textbook's names for sequence numbers, derived from the run — not scripted.
//!
//! Exam figures (谢希仁《计算机网络》 and the many notes that copy it) write the
//! handshake and the close with letters instead of numbers:
//!
//! ```text
//! SYN        seq=x                     FIN        seq=u
//! SYN, ACK   seq=y    ack=x+1          ACK        seq=v    ack=u+1
//! ACK        seq=x+1  ack=y+1          FIN, ACK   seq=w    ack=u+1
//!                                      ACK        seq=u+1  ack=w+1
//! ```
//!
//! Here each letter is a number of the run, defined from the trace:
//!
//! - `x`: the client's ISN, the sequence number of its first SYN (old
//!   duplicates that the scenario injects do not count); `y`: the server's.
//! - `u`: the sequence number of the first FIN of the run, whichever side sent
//!   it (the *first closer*; usually the client, but in `server_closes_first` the server).
//! - `v`: the sequence number of the first segment in which the other side
//!   acknowledges that FIN (its ACK covers the FIN) — only when that segment is
//!   a separate ACK, sent before the other side's own FIN (the four-segment close).
//!   In a three-segment close the FIN-ACK is both, and it is named `w`; in a
//!   simultaneous close the second FIN comes first, and there is no `v`.
//! - `w`: the sequence number of the other side's first FIN.
//!
//! Every number of a segment is then written from the nearest name below it in
//! the same sequence space (each side has its own), among the names defined by
//! a segment sent no later than this one: `x+1`, `x+1+100` (the SYN's 1, then
//! 100 bytes of data), `u+1`, `w+1`, `v+100`. An acknowledgment number equal to
//! `u` (or `w`) does not cover that FIN: it is written from the ISN instead
//! (`x+1+100`), as the figures do. Where no name applies yet (an old duplicate
//! sent before the real SYN) the number is relative to the ISN (`x-100000`);
//! a side that never chose an ISN (a RST from a port without listener) keeps
//! its absolute number.

use std::fmt;

use crate::seq;
use crate::state::Side;
use crate::trace::{SegmentRecord, Trace};

/// One of the textbook's names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Symbol {
    /// The client's ISN.
    X,
    /// The server's ISN.
    Y,
    /// The first FIN's sequence number.
    U,
    /// The sequence number of the other side's ACK of that FIN.
    V,
    /// The second FIN's sequence number.
    W,
}

impl Symbol {
    /// The letter: `x`, `y`, `u`, `v`, `w`.
    pub fn letter(self) -> &'static str {
        match self {
            Symbol::X => "x",
            Symbol::Y => "y",
            Symbol::U => "u",
            Symbol::V => "v",
            Symbol::W => "w",
        }
    }
}

/// A name's definition: its value, the segment that defines it, the sequence
/// space (the direction of the sender's bytes) it lives in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Anchor {
    /// Which name.
    pub symbol: Symbol,
    /// The sequence number it stands for.
    pub value: u32,
    /// The defining segment's id: the name is used from this segment on.
    pub segment: usize,
    /// Whose sequence space: the side that sent the defining segment.
    pub side: Side,
    /// Data bytes carried by a defining FIN segment (the FIN follows them).
    pub fin_data: u32,
}

/// A number written with a name: `x`, `x+1`, `x+1+100`, `u+1`, `x-100000`;
/// or the absolute number when its side has no name at all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SymbolicNumber {
    /// A name plus or minus an offset.
    Named {
        /// The name it is written from.
        symbol: Symbol,
        /// `number - value(symbol)`, in sequence arithmetic.
        offset: i64,
        /// How to split a positive offset for the figures: `x+1+100` after an
        /// ISN (the SYN, then data), `u+100+1` after a FIN carrying data.
        split: Split,
    },
    /// No name in that sequence space: the number itself.
    Absolute(u32),
}

/// How an offset is written (see [`SymbolicNumber`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Split {
    /// `v+100`.
    Plain,
    /// `x+1+100`: an ISN's SYN takes one number, then come the data bytes.
    AfterSyn,
    /// `u+100+1`: the FIN segment carried this many data bytes, then the FIN.
    AfterFinData(u32),
}

impl fmt::Display for SymbolicNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            SymbolicNumber::Absolute(n) => write!(f, "{n}"),
            SymbolicNumber::Named {
                symbol,
                offset,
                split,
            } => {
                f.write_str(symbol.letter())?;
                match (offset, split) {
                    (0, _) => Ok(()),
                    (d, _) if d < 0 => write!(f, "-{}", -d),
                    (d, Split::AfterSyn) if d > 1 => write!(f, "+1+{}", d - 1),
                    (d, Split::AfterFinData(l)) if l > 0 && d == i64::from(l) + 1 => {
                        write!(f, "+{l}+1")
                    }
                    (d, _) => write!(f, "+{d}"),
                }
            }
        }
    }
}

/// The names of one run (see the module documentation).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Symbols {
    /// The names this run defines, in the order x, y, u, v, w (those that exist).
    pub anchors: Vec<Anchor>,
}

impl Symbols {
    /// The name's value, if the run defines it.
    pub fn value(&self, symbol: Symbol) -> Option<u32> {
        self.anchor(symbol).map(|a| a.value)
    }

    /// The name's definition, if the run has one.
    pub fn anchor(&self, symbol: Symbol) -> Option<&Anchor> {
        self.anchors.iter().find(|a| a.symbol == symbol)
    }

    /// The segment's sequence number, written with the names.
    pub fn seq(&self, seg: &SegmentRecord) -> SymbolicNumber {
        self.name(seg.segment.seq, seg.dir.sender(), seg.id, false)
    }

    /// The segment's acknowledgment number, written with the names; `None`
    /// without the ACK flag.
    pub fn ack(&self, seg: &SegmentRecord) -> Option<SymbolicNumber> {
        seg.segment
            .flags
            .ack()
            .then(|| self.name(seg.segment.ack, seg.dir.receiver(), seg.id, true))
    }

    /// `n`, a number of `side`'s sequence space, carried by segment `id`.
    fn name(&self, n: u32, side: Side, id: usize, is_ack: bool) -> SymbolicNumber {
        let space = || self.anchors.iter().filter(|a| a.side == side);
        let usable = |a: &&Anchor| {
            let offset = seq::diff(n, a.value);
            let covers_fin = !(is_ack && offset == 0 && matches!(a.symbol, Symbol::U | Symbol::W));
            a.segment <= id && covers_fin
        };
        // The nearest name at or below n; on a tie the later one (w over v).
        let best = space()
            .filter(usable)
            .filter(|a| seq::diff(n, a.value) >= 0)
            .min_by_key(|a| (seq::diff(n, a.value), std::cmp::Reverse(a.segment)))
            // Below every name in use (an old duplicate): the nearest one.
            .or_else(|| {
                space()
                    .filter(usable)
                    .min_by_key(|a| seq::diff(n, a.value).abs())
            })
            // No name in use yet: relative to the ISN.
            .or_else(|| space().find(|a| matches!(a.symbol, Symbol::X | Symbol::Y)));
        match best {
            None => SymbolicNumber::Absolute(n),
            Some(a) => SymbolicNumber::Named {
                symbol: a.symbol,
                offset: seq::diff(n, a.value),
                split: match a.symbol {
                    Symbol::X | Symbol::Y => Split::AfterSyn,
                    Symbol::U | Symbol::W => Split::AfterFinData(a.fin_data),
                    Symbol::V => Split::Plain,
                },
            },
        }
    }
}

impl Trace {
    /// The textbook's names for this run's numbers (see [`crate::symbols`]).
    pub fn symbols(&self) -> Symbols {
        let sent = |side: Side| {
            self.segments
                .iter()
                .filter(move |s| s.dir == side.dir() && !s.injected && !s.segment.flags.rst())
        };
        let anchor = |symbol, s: &SegmentRecord, fin_data| Anchor {
            symbol,
            value: s.segment.seq,
            segment: s.id,
            side: s.dir.sender(),
            fin_data,
        };
        let mut anchors = Vec::new();
        for (symbol, side) in [(Symbol::X, Side::Client), (Symbol::Y, Side::Server)] {
            if let Some(s) = sent(side).find(|s| s.segment.flags.syn()) {
                anchors.push(anchor(symbol, s, 0));
            }
        }
        let first_fin = |side: Side| sent(side).find(|s| s.segment.flags.fin());
        let first = match (first_fin(Side::Client), first_fin(Side::Server)) {
            (Some(c), Some(s)) => Some(if c.id < s.id { c } else { s }),
            (c, s) => c.or(s),
        };
        if let Some(fin) = first {
            anchors.push(anchor(Symbol::U, fin, fin.segment.len));
            let other = fin.dir.receiver();
            let second = first_fin(other);
            let covered = fin.segment.end_seq();
            let ack = sent(other).find(|s| {
                s.id > fin.id
                    && s.segment.flags.ack()
                    && seq::ge(s.segment.ack, covered)
                    && !s.segment.flags.fin()
            });
            if let Some(a) = ack.filter(|a| second.is_none_or(|f| a.id < f.id)) {
                anchors.push(anchor(Symbol::V, a, 0));
            }
            if let Some(f) = second {
                anchors.push(anchor(Symbol::W, f, f.segment.len));
            }
        }
        Symbols { anchors }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::named;
    use crate::profile::ProfileName;
    use crate::sim::run;
    use crate::state::Dir;

    /// "FLAGS seq=… ack=…" for every segment, as the ladder writes it.
    fn figure(name: &str, profile: ProfileName) -> Vec<String> {
        let t = run(&named::with_profile(named::by_name(name).unwrap(), profile));
        let sy = t.symbols();
        t.segments
            .iter()
            .map(|s| {
                let mut line = format!("{} seq={}", s.flags_str(), sy.seq(s));
                if let Some(a) = sy.ack(s) {
                    line.push_str(&format!(" ack={a}"));
                }
                line
            })
            .collect()
    }

    #[test]
    fn test_four_segment_close_reads_like_the_textbook_figure() {
        // RFC profile: the server's ACK of the FIN and its own FIN are separate.
        assert_eq!(
            figure("normal", ProfileName::Rfc),
            [
                "S seq=x",
                "SA seq=y ack=x+1",
                "A seq=x+1 ack=y+1",
                "PA seq=x+1 ack=y+1",
                "A seq=y+1 ack=x+1+100",
                "PA seq=y+1 ack=x+1+100",
                "A seq=x+1+100 ack=y+1+100",
                "FA seq=u ack=y+1+100",
                "A seq=v ack=u+1",
                "FA seq=w ack=u+1",
                "A seq=u+1 ack=w+1",
            ]
        );
    }

    #[test]
    fn test_symbol_values_come_from_the_trace() {
        let t = run(&named::with_profile(named::normal(), ProfileName::Rfc));
        let sy = t.symbols();
        let first = |dir: Dir, f: fn(&crate::Flags) -> bool| {
            t.segments
                .iter()
                .find(|s| s.dir == dir && f(&s.segment.flags))
                .unwrap()
                .segment
                .seq
        };
        assert_eq!(sy.value(Symbol::X), Some(first(Dir::C2S, |f| f.syn())));
        assert_eq!(sy.value(Symbol::Y), Some(first(Dir::S2C, |f| f.syn())));
        assert_eq!(sy.value(Symbol::U), Some(first(Dir::C2S, |f| f.fin())));
        assert_eq!(sy.value(Symbol::W), Some(first(Dir::S2C, |f| f.fin())));
        let u = sy.value(Symbol::U).unwrap();
        let v = t
            .segments
            .iter()
            .find(|s| s.dir == Dir::S2C && s.segment.ack == u.wrapping_add(1))
            .unwrap();
        assert_eq!(sy.value(Symbol::V), Some(v.segment.seq));
        assert_eq!(sy.anchor(Symbol::V).unwrap().side, Side::Server);
    }

    #[test]
    fn test_three_segment_close_has_no_separate_v() {
        // Linux: the server's FIN carries the ACK of the client's FIN.
        let f = figure("normal", ProfileName::Linux);
        assert_eq!(
            f[f.len() - 3..],
            [
                "FA seq=u ack=y+1+100",
                "FA seq=w ack=u+1",
                "A seq=u+1 ack=w+1"
            ]
        );
        let t = run(&named::normal());
        assert_eq!(t.symbols().value(Symbol::V), None);
    }

    #[test]
    fn test_the_server_closing_first_is_u() {
        let f = figure("server_closes_first", ProfileName::Rfc);
        assert_eq!(
            f[6..],
            [
                "FA seq=u ack=x+1+100",
                // The client's ACK of the data, sent before it read the FIN, does not cover it.
                "A seq=x+1+100 ack=y+1+100",
                "A seq=v ack=u+1",
                "FA seq=w ack=u+1",
                "A seq=u+1 ack=w+1",
            ]
        );
        let t = run(&named::with_profile(
            named::server_closes_first(),
            ProfileName::Rfc,
        ));
        let sy = t.symbols();
        assert_eq!(sy.anchor(Symbol::U).unwrap().side, Side::Server);
        assert_eq!(sy.anchor(Symbol::W).unwrap().side, Side::Client);
    }

    #[test]
    fn test_simultaneous_close_has_no_v() {
        let f = figure("simultaneous_close", ProfileName::Rfc);
        assert_eq!(
            f[3..],
            [
                "FA seq=u ack=y+1",
                // The server's FIN crossed the client's: it does not cover u.
                "FA seq=w ack=x+1",
                "A seq=w+1 ack=u+1",
                "A seq=u+1 ack=w+1",
            ]
        );
    }

    #[test]
    fn test_half_close_data_after_the_ack_of_the_fin() {
        let f = figure("half_close", ProfileName::Rfc);
        assert_eq!(
            f[4..],
            [
                "FA seq=u ack=y+1",
                "A seq=y+1 ack=x+1+100",
                "A seq=v ack=u+1",
                "PA seq=v ack=u+1",
                "A seq=u+1 ack=v+100",
                "PA seq=v+100 ack=u+1",
                "A seq=u+1 ack=v+200",
                "PA seq=v+200 ack=u+1",
                "A seq=u+1 ack=v+300",
                "FA seq=w ack=u+1",
                "A seq=u+1 ack=w+1",
            ]
        );
    }

    #[test]
    fn test_no_close_no_listener_and_old_duplicates() {
        // A RST from a port without listener: the server has no ISN, its number stays absolute.
        let f = figure("connection_refused", ProfileName::Rfc);
        assert_eq!(f, ["S seq=x", "RA seq=0 ack=x+1"]);
        let t = run(&named::connection_refused());
        assert_eq!(t.symbols().value(Symbol::U), None);
        // An old duplicate SYN is written relative to x, and the SYN-ACK that answers it too.
        let f = figure("old_duplicate_syn", ProfileName::Rfc);
        assert_eq!(
            f[..4],
            [
                "S seq=x",
                "S seq=x-100000",
                "SA seq=y ack=x-99999",
                "R seq=x-99999"
            ]
        );
    }

    #[test]
    fn test_retransmitted_fin_keeps_its_name() {
        let f = figure("fin_lost", ProfileName::Rfc);
        assert_eq!(f[3..5], ["FA seq=u ack=y+1", "FA seq=u ack=y+1"]);
        assert_eq!(f[5], "A seq=v ack=u+1");
    }

    #[test]
    fn test_offsets_are_written_like_the_figures() {
        let n = |symbol, offset, split| SymbolicNumber::Named {
            symbol,
            offset,
            split,
        };
        assert_eq!(n(Symbol::X, 0, Split::AfterSyn).to_string(), "x");
        assert_eq!(n(Symbol::X, 1, Split::AfterSyn).to_string(), "x+1");
        assert_eq!(n(Symbol::X, 6, Split::AfterSyn).to_string(), "x+1+5");
        assert_eq!(n(Symbol::U, 6, Split::AfterFinData(5)).to_string(), "u+5+1");
        assert_eq!(n(Symbol::U, 1, Split::AfterFinData(0)).to_string(), "u+1");
        assert_eq!(n(Symbol::V, 100, Split::Plain).to_string(), "v+100");
        assert_eq!(n(Symbol::X, -7, Split::AfterSyn).to_string(), "x-7");
        assert_eq!(SymbolicNumber::Absolute(0).to_string(), "0");
    }
}
