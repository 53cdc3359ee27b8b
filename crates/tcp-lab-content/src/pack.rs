//! The one format of the text the web app loads at run time instead of
//! linking it: a "text pack", one classic script per pack and language.
//!
//! There are two packs: [`Pack::Lab`] (explanations, interface texts; needed
//! before the app shows anything, see [`crate::lab_text`]) and
//! [`Pack::Learn`] (lessons, glossary, analogies; loaded when a learning view
//! opens, see [`crate::learn_text`]). Both are written by `export-learn-text`
//! from the tables in `src/text/`, the one source of every text, as
//!
//! ```text
//! globalThis.<global>=globalThis.<global>||{};
//! <global>.<lang>={"schema":N,[extra fields,]"texts":[…]};
//! ```
//!
//! `texts` is a plain array in the order of the pack's key names, which the
//! app knows without the text (from the core's enums and the lessons'
//! structure); `schema` (a hash of those names) rejects a pack written for
//! another build. A classic script loads from a relative URL under any
//! sub-path, in a sandboxed iframe and under `script-src 'self'`.

use std::sync::OnceLock;

use crate::Lang;

/// A text pack.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pack {
    /// Explanations, timer labels, state glosses, scenario titles, interface texts.
    Lab,
    /// Lessons, glossary, analogies.
    Learn,
}

impl Pack {
    pub const ALL: [Pack; 2] = [Pack::Lab, Pack::Learn];

    /// The global object the pack's scripts fill.
    pub fn global(self) -> &'static str {
        match self {
            Pack::Lab => "__tcpLabText",
            Pack::Learn => "__tcpLabLearn",
        }
    }

    /// The file name of a language's script, e.g. `learn-zh.js`.
    pub fn file_name(self, lang: Lang) -> String {
        let stem = match self {
            Pack::Lab => "lab",
            Pack::Learn => "learn",
        };
        format!("{stem}-{}.js", lang.code())
    }

    fn slot(self, lang: Lang) -> usize {
        let pack = match self {
            Pack::Lab => 0,
            Pack::Learn => 2,
        };
        pack + match lang {
            Lang::En => 0,
            Lang::Zh => 1,
        }
    }

    /// The texts installed for `lang`, if any.
    pub(crate) fn installed(self, lang: Lang) -> Option<&'static [&'static str]> {
        INSTALLED[self.slot(lang)].get().copied()
    }

    /// Installs a language's pack, as loaded from its script: `schema` and
    /// `texts` are the script's fields, checked against `keys` (the pack's key
    /// count and schema). Refuses a pack from another build.
    ///
    /// The texts are leaked, at most once per pack and language: installing
    /// again is a no-op.
    pub(crate) fn install(
        self,
        lang: Lang,
        (count, expected): (usize, u32),
        schema: u32,
        texts: Vec<String>,
    ) -> Result<(), String> {
        let file = self.file_name(lang);
        if schema != expected {
            return Err(format!(
                "{file} was written for another build of the app (schema {schema}, expected {expected})"
            ));
        }
        if texts.len() != count {
            return Err(format!(
                "{file} holds {} texts, expected {count}",
                texts.len()
            ));
        }
        INSTALLED[self.slot(lang)].get_or_init(|| leak(texts));
        Ok(())
    }
}

/// The installed packs, by [`Pack::slot`]. Each is leaked once and then lives
/// as long as the program, so lookups hand out `&'static str` like the tables.
static INSTALLED: [OnceLock<&'static [&'static str]>; 4] = [
    OnceLock::new(),
    OnceLock::new(),
    OnceLock::new(),
    OnceLock::new(),
];

/// One leaked string for the whole pack, sliced: two allocations per
/// language instead of one per text.
fn leak(texts: Vec<String>) -> &'static [&'static str] {
    let all: &'static str = Box::leak(texts.concat().into_boxed_str());
    let mut rest = all;
    let slices: Vec<&'static str> = texts
        .iter()
        .map(|t| {
            let (head, tail) = rest.split_at(t.len());
            rest = tail;
            head
        })
        .collect();
    Box::leak(slices.into_boxed_slice())
}

/// The 32-bit FNV-1a hash of the lines joined with `'\n'`, without joining
/// them: a pack's schema, from its key names.
pub(crate) fn fnv1a_lines<S: AsRef<str>>(lines: &[S]) -> u32 {
    const PRIME: u32 = 0x0100_0193;
    let mut h: u32 = 0x811c_9dc5;
    for (i, line) in lines.iter().enumerate() {
        let sep: &[u8] = if i > 0 { b"\n" } else { b"" };
        for &b in sep.iter().chain(line.as_ref().as_bytes()) {
            h ^= u32::from(b);
            h = h.wrapping_mul(PRIME);
        }
    }
    h
}

/// A pack's script: `extra` are ready-made `"name":value` JSON members put
/// before `texts`. One text a line, so a diff of two builds reads like a diff
/// of the tables.
#[cfg(feature = "text")]
pub(crate) fn to_js(
    pack: Pack,
    lang: Lang,
    schema: u32,
    extra: &[String],
    texts: &[&str],
) -> String {
    let global = pack.global();
    let mut out = format!(
        "// Generated by `cargo run -p tcp-lab-content --bin export-learn-text` from crates/tcp-lab-content/src/text/. Do not edit.\n\
         globalThis.{global}=globalThis.{global}||{{}};\n{global}.{}={{\"schema\":{schema},",
        lang.code(),
    );
    for member in extra {
        out.push_str(member);
        out.push(',');
    }
    out.push_str("\"texts\":[");
    for (i, t) in texts.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push('\n');
        out.push_str(&json_string(t));
    }
    out.push_str("\n]};\n");
    out
}

/// A JSON (and JavaScript) string literal.
pub fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            // Line and paragraph separators end a line in older JavaScript.
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            '<' => out.push_str("\\u003c"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Reads the texts back out of a generated script: one JSON string a line.
#[cfg(test)]
pub(crate) fn read_js(js: &str) -> (u32, Vec<String>) {
    let head = js.split("{\"schema\":").nth(1).expect("schema");
    let schema = head[..head.find(',').unwrap()].parse().unwrap();
    let body = &js[js.find("\"texts\":[").expect("texts") + 9..js.rfind("\n]};").unwrap()];
    let texts = body
        .lines()
        .filter(|l| !l.is_empty())
        .map(|l| unquote(l.strip_suffix(',').unwrap_or(l)))
        .collect();
    (schema, texts)
}

/// The inverse of [`json_string`].
#[cfg(test)]
fn unquote(lit: &str) -> String {
    let inner = lit
        .strip_prefix('"')
        .and_then(|s| s.strip_suffix('"'))
        .unwrap_or_else(|| panic!("not a string literal: {lit}"));
    let mut out = String::new();
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next().unwrap() {
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            't' => out.push('\t'),
            'u' => {
                let hex: String = chars.by_ref().take(4).collect();
                let code = u32::from_str_radix(&hex, 16).unwrap();
                out.push(char::from_u32(code).unwrap());
            }
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn test_json_string_escapes() {
        assert_eq!(json_string("a\"b\\c\n<"), "\"a\\\"b\\\\c\\n\\u003c\"");
        assert_eq!(json_string("三次握手"), "\"三次握手\"");
    }

    #[test]
    fn test_fnv1a_matches_the_reference_values() {
        assert_eq!(fnv1a_lines::<&str>(&[]), 0x811c_9dc5);
        assert_eq!(fnv1a_lines(&["a"]), 0xe40c_292c);
        assert_eq!(fnv1a_lines(&["foobar"]), 0xbf9c_f968);
        assert_eq!(fnv1a_lines(&["a", "b"]), fnv1a_lines(&["a\nb"]));
    }

    #[test]
    fn test_every_pack_and_language_has_its_own_slot() {
        let mut slots: Vec<usize> = Pack::ALL
            .iter()
            .flat_map(|p| Lang::ALL.map(|l| p.slot(l)))
            .collect();
        slots.sort_unstable();
        slots.dedup();
        assert_eq!(slots, vec![0, 1, 2, 3]);
    }
}
