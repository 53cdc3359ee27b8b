//! The text tables. Each file holds only text: an exhaustive `match` on a
//! core enum, then on the language, or a table of bilingual entries (lessons,
//! quiz phrases). See the header of each file for how to edit it.

pub(crate) mod analogies;
pub(crate) mod glossary;
pub(crate) mod knowledge;
pub(crate) mod lessons;
pub(crate) mod quiz;
pub(crate) mod scenarios;
pub(crate) mod segments;
pub(crate) mod states;
pub(crate) mod timers;
pub(crate) mod transitions;
