//! Reading the page's URL parameters. Every unknown value becomes a notice and
//! the default; nothing here can fail.

use tcp_lab_content::Lang;
use tcp_sim::{named, ProfileName, Step};

use super::learn::{LearnSwitches, LearnView};
use super::share::{
    bound_notices, clip, parse_share_param, parse_switch, EmbedOptions, MAX_PARAMS, MAX_QUERY_BYTES,
};
use super::state::LearnerFault;

/// The playback speeds offered, slowest first.
pub const SPEEDS: [f64; 6] = [0.25, 0.5, 1.0, 2.0, 4.0, 8.0];
/// The same speeds as written in `?speed=` and in the speed menu.
pub const SPEED_TEXT: [&str; 6] = ["0.25", "0.5", "1", "2", "4", "8"];

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

/// What the URL asked for.
#[derive(Clone, Debug, PartialEq)]
pub struct UrlOptions {
    pub lang: Lang,
    pub scenario: Option<String>,
    pub profile: Option<ProfileName>,
    pub speed: f64,
    pub autoplay: bool,
    pub notices: Vec<Notice>,
    // Issue 5 (see `share.rs`).
    pub custom: Option<(Vec<Step>, Vec<Step>)>,
    pub delay_ms: Option<f64>,
    pub loss_pct: Option<f64>,
    pub seed: Option<u64>,
    pub faults: Vec<LearnerFault>,
    pub step: Option<usize>,
    pub numbers: NumberMode,
    pub embed: EmbedOptions,
    /// Issue 4: `?lesson=ID` opens that lesson (an unknown id says so).
    pub lesson: Option<String>,
    /// Issue 4: `?learn=`, `?quiz=`, `?plain=`, `?bi=`.
    pub learn: LearnSwitches,
}

impl Default for UrlOptions {
    fn default() -> Self {
        UrlOptions {
            lang: Lang::En,
            scenario: None,
            profile: None,
            speed: 1.0,
            autoplay: false,
            notices: Vec::new(),
            custom: None,
            delay_ms: None,
            loss_pct: None,
            seed: None,
            faults: Vec::new(),
            step: None,
            lesson: None,
            learn: LearnSwitches::default(),
            numbers: NumberMode::Relative,
            embed: EmbedOptions::default(),
        }
    }
}

/// A URL value that was ignored, and which parameter it was for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    UnknownLang(String),
    UnknownScenario(String),
    UnknownProfile(String),
    UnknownSpeed(String),
    UnknownAutoplay(String),
    /// Issue 5: a parameter value that could not be used: (parameter, value shortened).
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
    /// The text pack of this language could not be loaded (see `crate::text_packs`).
    TextFailed(Lang),
}

/// Reads `?lang=&scenario=&profile=&speed=&autoplay=`. `browser_lang` is
/// `navigator.language`, followed when the URL names no language.
pub fn parse_query(query: &str, browser_lang: Option<&str>) -> UrlOptions {
    let mut o = UrlOptions {
        lang: browser_lang.and_then(Lang::parse).unwrap_or(Lang::En),
        ..UrlOptions::default()
    };
    let mut query = query;
    if query.len() > MAX_QUERY_BYTES {
        let mut cut = MAX_QUERY_BYTES;
        while !query.is_char_boundary(cut) {
            cut -= 1;
        }
        query = &query[..cut];
        o.notices.push(Notice::TooLong);
    }
    for (n, (key, value)) in pairs(query).enumerate() {
        if n >= MAX_PARAMS {
            o.notices.push(Notice::TooLong);
            break;
        }
        if parse_share_param(&mut o, &key, value.clone()) {
            continue;
        }
        let value = clip(&value);
        match key.as_str() {
            "lang" => match value.as_str() {
                "en" => o.lang = Lang::En,
                "zh" => o.lang = Lang::Zh,
                _ => o.notices.push(Notice::UnknownLang(value)),
            },
            "scenario" => {
                if named::by_name(&value).is_some() && named::NAMES.contains(&value.as_str()) {
                    o.scenario = Some(value);
                } else {
                    o.notices.push(Notice::UnknownScenario(value));
                }
            }
            "profile" => match ProfileName::parse(&value) {
                Some(p) => o.profile = Some(p),
                None => o.notices.push(Notice::UnknownProfile(value)),
            },
            "speed" => match crate::numtext::parse_decimal(value.trim_end_matches(['x', '×'])) {
                Some(s) if SPEEDS.contains(&s) => o.speed = s,
                _ => o.notices.push(Notice::UnknownSpeed(value)),
            },
            "autoplay" => match value.as_str() {
                "1" | "true" | "yes" | "" => o.autoplay = true,
                "0" | "false" | "no" => o.autoplay = false,
                _ => o.notices.push(Notice::UnknownAutoplay(value)),
            },
            "lesson" if !value.is_empty() => o.lesson = Some(value),
            "learn" => match LearnView::parse(&value) {
                Some(v) => o.learn.view = v,
                None => o.notices.push(Notice::Ignored(key.clone(), value)),
            },
            "quiz" | "plain" | "bi" => match (key.as_str(), parse_switch(&value)) {
                ("quiz", Some(on)) => o.learn.quiz = on,
                ("plain", Some(on)) => o.learn.plain = on,
                (_, Some(on)) => o.learn.bilingual = on,
                (_, None) => o.notices.push(Notice::Ignored(key.clone(), value)),
            },
            // Other parameters belong to other features (or to nobody): ignored.
            _ => {}
        }
    }
    o.notices.dedup();
    bound_notices(&mut o.notices);
    o
}

/// Splits a query string into decoded key/value pairs.
fn pairs(query: &str) -> impl Iterator<Item = (String, String)> + '_ {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (decode(k), decode(v))
        })
}

/// Percent-decoding (and `+` as space), keeping malformed escapes as they are.
fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(hi), Some(lo)) => {
                    out.push(hi * 16 + lo);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

#[cfg(test)]
mod tests {
    #[test]
    fn test_learning_switches() {
        use crate::model::learn::{LearnSwitches, LearnView};
        let o = super::parse_query("?learn=glossary&quiz=1&plain=true&bi=1", None);
        assert_eq!(
            o.learn,
            LearnSwitches {
                view: LearnView::Glossary,
                quiz: true,
                plain: true,
                bilingual: true
            }
        );
        assert!(o.notices.is_empty());
        let o = super::parse_query("?learn=everything&quiz=maybe", None);
        assert_eq!(o.learn, LearnSwitches::default());
        assert_eq!(o.notices.len(), 2);
    }

    #[test]
    fn test_lesson_param() {
        let lesson = |q: &str| super::parse_query(q, None).lesson;
        assert_eq!(
            lesson("?lang=zh&lesson=handshake"),
            Some("handshake".into())
        );
        assert_eq!(lesson("?lesson="), None);
        assert_eq!(lesson(""), None);
    }

    use super::*;

    #[test]
    fn test_all_parameters_are_read() {
        let o = parse_query(
            "?lang=zh&scenario=synack_lost&profile=rfc&speed=2&autoplay=1",
            Some("en-US"),
        );
        assert_eq!(o.lang, Lang::Zh);
        assert_eq!(o.scenario.as_deref(), Some("synack_lost"));
        assert_eq!(o.profile, Some(ProfileName::Rfc));
        assert_eq!(o.speed, 2.0);
        assert!(o.autoplay);
        assert!(o.notices.is_empty());
    }

    #[test]
    fn test_browser_language_is_the_fallback() {
        assert_eq!(parse_query("", Some("zh-CN")).lang, Lang::Zh);
        assert_eq!(parse_query("", Some("fr-FR")).lang, Lang::En);
        assert_eq!(parse_query("", None).lang, Lang::En);
        assert_eq!(parse_query("?lang=en", Some("zh-CN")).lang, Lang::En);
    }

    #[test]
    fn test_unknown_values_give_notices_and_defaults() {
        let o = parse_query(
            "?lang=fr&scenario=nope&profile=bsd&speed=3&autoplay=maybe",
            Some("en"),
        );
        assert_eq!(o.lang, Lang::En);
        assert_eq!(o.scenario, None);
        assert_eq!(o.profile, None);
        assert_eq!(o.speed, 1.0);
        assert!(!o.autoplay);
        assert_eq!(
            o.notices,
            vec![
                Notice::UnknownLang("fr".into()),
                Notice::UnknownScenario("nope".into()),
                Notice::UnknownProfile("bsd".into()),
                Notice::UnknownSpeed("3".into()),
                Notice::UnknownAutoplay("maybe".into()),
            ]
        );
    }

    #[test]
    fn test_values_are_percent_decoded_and_odd_input_is_safe() {
        assert_eq!(decode("a%20b+c"), "a b c");
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%zz"), "%zz");
        assert_eq!(decode("%e4%b8%ad"), "中");
        let o = parse_query("?speed=0.5&&=&lang", None);
        assert_eq!(o.speed, 0.5);
        assert_eq!(o.notices, vec![Notice::UnknownLang(String::new())]);
    }

    #[test]
    fn test_number_modes_are_read() {
        let nums = |q: &str| parse_query(q, None).numbers;
        assert_eq!(nums(""), NumberMode::Relative);
        assert_eq!(nums("?nums=rel"), NumberMode::Relative);
        assert_eq!(nums("?nums=abs"), NumberMode::Absolute);
        assert_eq!(nums("?nums=sym"), NumberMode::Symbolic);
        let o = parse_query("?nums=xyz", None);
        assert_eq!(o.numbers, NumberMode::Relative);
        assert_eq!(o.notices.len(), 1, "an unknown mode is a notice");
        for m in [
            NumberMode::Relative,
            NumberMode::Absolute,
            NumberMode::Symbolic,
        ] {
            assert_eq!(NumberMode::parse(m.code()), Some(m));
        }
    }
}
