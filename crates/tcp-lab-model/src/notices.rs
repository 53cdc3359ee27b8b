//! What the learner is told about input the lab could not use: a URL value
//! it ignored, a fault the run never applies, a text pack that failed.

use tcp_lab_content::Lang;

/// Notices show at most this many characters of an ignored value.
pub const NOTICE_VALUE_CHARS: usize = 40;
/// At most this many notices are shown (then one "and N more").
pub const MAX_NOTICES: usize = 12;

/// A URL value that was ignored, and which parameter it was for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    UnknownLang(String),
    UnknownScenario(String),
    UnknownProfile(String),
    UnknownSpeed(String),
    UnknownAutoplay(String),
    /// A parameter value that could not be used: (parameter, value shortened).
    Ignored(String, String),
    /// A fault of the link that the run never applies: (parameter, value, the kinds of segment
    /// the run sends, as `c2s:S, s2c:RA`).
    UnusedFault(String, String, String),
    /// A `?v=` this version does not know: read best-effort.
    UnknownVersion(String),
    /// More ignored values than are shown.
    TooMany(usize),
    /// The link was longer than is read.
    TooLong,
    /// The text pack of this language could not be loaded.
    TextFailed(Lang),
}

/// Shortens a value for a notice (it is shown as text, never as markup).
pub fn clip(s: &str) -> String {
    let mut out: String = s.chars().take(NOTICE_VALUE_CHARS).collect();
    if s.chars().nth(NOTICE_VALUE_CHARS).is_some() {
        out.push('…');
    }
    out
}

/// Bounds the notices: at most [`MAX_NOTICES`], then one that counts the rest.
pub fn bound_notices(notices: &mut Vec<Notice>) {
    if notices.len() > MAX_NOTICES {
        let more = notices.len() - (MAX_NOTICES - 1);
        notices.truncate(MAX_NOTICES - 1);
        notices.push(Notice::TooMany(more));
    }
}
