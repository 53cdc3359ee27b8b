//! How the learner views the lab, as the URL carries it: speed, how numbers
//! are written, the learning switches and the embedding options.

/// The playback speeds offered, slowest first.
pub const SPEEDS: [f64; 6] = [0.25, 0.5, 1.0, 2.0, 4.0, 8.0];
/// The same speeds as written in `?speed=` and in the speed menu.
pub const SPEED_TEXT: [&str; 6] = ["0.25", "0.5", "1", "2", "4", "8"];
/// Transport controls an embed can show (`&controls=`).
pub const CONTROLS: [&str; 6] = ["play", "step", "scrub", "reset", "end", "speed"];

/// How sequence and acknowledgment numbers are written (`?nums=rel|abs|sym`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum NumberMode {
    /// Relative to each side's ISN, as Wireshark shows them: `seq=1 ack=101`.
    #[default]
    Relative,
    /// The numbers on the wire.
    Absolute,
    /// The textbook's letters, derived from the run: `seq=u ack=w+1` (see `tcp_sim::symbols`).
    Symbolic,
}

impl NumberMode {
    /// The value in `?nums=` (and of the numbers menu's options).
    pub fn code(self) -> &'static str {
        match self {
            NumberMode::Relative => "rel",
            NumberMode::Absolute => "abs",
            NumberMode::Symbolic => "sym",
        }
    }

    pub fn parse(s: &str) -> Option<NumberMode> {
        [
            NumberMode::Relative,
            NumberMode::Absolute,
            NumberMode::Symbolic,
        ]
        .into_iter()
        .find(|m| m.code() == s)
    }
}

/// Which learning panel is open.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum LearnView {
    #[default]
    None,
    Lessons,
    Glossary,
}

impl LearnView {
    /// The value of `?learn=`.
    pub fn key(self) -> Option<&'static str> {
        match self {
            LearnView::None => None,
            LearnView::Lessons => Some("lessons"),
            LearnView::Glossary => Some("glossary"),
        }
    }

    pub fn parse(key: &str) -> Option<LearnView> {
        match key {
            "lessons" => Some(LearnView::Lessons),
            "glossary" => Some(LearnView::Glossary),
            _ => None,
        }
    }

    /// `view` if it is not open yet, else no panel: what its switch does.
    pub fn toggled(self, view: LearnView) -> LearnView {
        if self == view {
            LearnView::None
        } else {
            view
        }
    }
}

/// The learning switches a URL can carry: `?learn=lessons|glossary`,
/// `?quiz=1`, `?plain=1`, `?bi=1` (and `?lesson=ID`, kept apart in `UrlOptions`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LearnSwitches {
    pub view: LearnView,
    pub quiz: bool,
    pub plain: bool,
    pub bilingual: bool,
}

/// Embedding options read from the URL.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct EmbedOptions {
    pub embed: bool,
    pub compact: bool,
    /// `None`: all controls.
    pub controls: Option<Vec<&'static str>>,
}
