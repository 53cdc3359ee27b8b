//! What the link does to each segment: the scenario's faults, in the order given (the first
//! that matches decides), then random loss. One client and one server, or a server with many
//! clients: both simulations put every segment through the same rules.

use crate::rng::Rng;
use crate::scenario::{Fault, FaultAction, FaultMatch, Scenario};
use crate::segment::Flags;
use crate::state::Dir;
use crate::trace::{Fate, FateSource};

/// The faults and random loss of a scenario, with what they have seen so far.
#[derive(Clone, Debug)]
pub(crate) struct LinkFates {
    faults: Vec<Fault>,
    /// For each fault, how many segments of its direction and flags it has seen (`nth` counts them).
    seen: Vec<u32>,
    loss_pct: f64,
    loss_rng: Rng,
}

impl LinkFates {
    pub(crate) fn new(scenario: &Scenario) -> LinkFates {
        LinkFates {
            faults: scenario.faults.clone(),
            seen: vec![0; scenario.faults.len()],
            loss_pct: scenario.loss_pct,
            loss_rng: Rng::new(scenario.seed.wrapping_mul(0x2545_F491_4F6C_DD1D) ^ 0xA5A5),
        }
    }

    /// The fate of segment `id`, going `dir` with `flags`, and who decided it. Every fault
    /// counts the segment, even when an earlier one has decided already.
    pub(crate) fn choose(&mut self, id: usize, dir: Dir, flags: Flags) -> (Fate, FateSource) {
        let mut chosen = None;
        for (i, f) in self.faults.iter().enumerate() {
            let hit = match f.matches {
                FaultMatch::Id(want) => want == id,
                FaultMatch::Flags {
                    dir: d,
                    flags: fl,
                    nth,
                } => {
                    if d == dir && fl == flags {
                        self.seen[i] += 1;
                        nth.is_none_or(|n| n == self.seen[i])
                    } else {
                        false
                    }
                }
            };
            if hit && chosen.is_none() {
                let fate = match f.action {
                    FaultAction::Drop => Fate::Lost,
                    FaultAction::Delay(d) => Fate::Delayed(d),
                    FaultAction::Duplicate => Fate::Duplicated,
                };
                chosen = Some((fate, FateSource::Fault(i)));
            }
        }
        if let Some(c) = chosen {
            return c;
        }
        if self.loss_pct > 0.0 && self.loss_rng.percent() < self.loss_pct {
            return (Fate::Lost, FateSource::RandomLoss);
        }
        (Fate::Delivered, FateSource::Link)
    }
}
