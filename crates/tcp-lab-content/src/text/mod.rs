//! The text tables. Each file holds only text: an exhaustive `match` on a
//! core enum, then on the language, or a table of bilingual entries (lessons,
//! quiz phrases). See the header of each file for how to edit it.

pub(crate) mod analogies;
pub(crate) mod glossary;
pub(crate) mod knowledge;
pub(crate) mod lessons;
pub(crate) mod quiz;
// The explanation tables are not compiled without `text`: the web app loads
// them at run time as a text pack (see `crate::lab_text`).
#[cfg(feature = "text")]
pub(crate) mod listener;
#[cfg(feature = "text")]
pub(crate) mod page;
#[cfg(feature = "text")]
pub(crate) mod scenarios;
#[cfg(feature = "text")]
pub(crate) mod segments;
#[cfg(feature = "text")]
pub(crate) mod states;
#[cfg(feature = "text")]
pub(crate) mod timers;
#[cfg(feature = "text")]
pub(crate) mod transitions;
#[cfg(feature = "text")]
pub(crate) mod ui;
