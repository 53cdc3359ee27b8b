//! The long learning text (lessons, glossary, analogies) by key, as the
//! [`Pack::Learn`] text pack (see [`crate::pack`] for the format).
//!
//! The tables in `src/text/` stay the one source of the text. The web app is
//! built without the `text` feature, so it links only the structure of the
//! lessons (ids, scenarios, stops, the index of the right choice) and none of
//! their sentences; it loads the sentences at run time from the pack of its
//! language, which `export-learn-text` writes from these tables (see
//! [`to_js`]). The key names below, built from that structure, are the only
//! link between the two.

use std::sync::OnceLock;

use crate::analogies::AnalogyTopic;
use crate::pack::{fnv1a_lines, Pack};
use crate::Lang;

pub use crate::pack::json_string;

/// The global object the generated scripts fill: `globalThis.__tcpLabLearn.en = {…}`.
pub const GLOBAL: &str = "__tcpLabLearn";

/// The file name of a language's script, e.g. `learn-zh.js`.
pub fn file_name(lang: Lang) -> String {
    Pack::Learn.file_name(lang)
}

pub fn lesson_title(id: &str) -> String {
    format!("lesson.{id}.title")
}
pub fn lesson_goal(id: &str) -> String {
    format!("lesson.{id}.goal")
}
/// The narration template of stop `i` (placeholders not yet filled).
pub fn lesson_stop(id: &str, i: usize) -> String {
    format!("lesson.{id}.stop.{i}")
}
pub fn lesson_question(id: &str) -> String {
    format!("lesson.{id}.question")
}
pub fn lesson_choice(id: &str, i: usize) -> String {
    format!("lesson.{id}.choice.{i}")
}
/// Why choice `i` of a lesson's check is right or wrong (where written).
pub fn lesson_choice_why(id: &str, i: usize) -> String {
    format!("lesson.{id}.choice.{i}.why")
}
pub fn lesson_explanation(id: &str) -> String {
    format!("lesson.{id}.explanation")
}
/// The wrong claim of mistake `i` in a lesson's "Common mistakes" card.
pub fn lesson_mistake_claim(id: &str, i: usize) -> String {
    format!("lesson.{id}.mistake.{i}.claim")
}
/// The correction of mistake `i` (retry-limit placeholders not yet filled).
pub fn lesson_mistake_correction(id: &str, i: usize) -> String {
    format!("lesson.{id}.mistake.{i}.correction")
}
/// A glossary term in English (present in every language's file).
pub fn glossary_term_en(i: usize) -> String {
    format!("glossary.{i}.term_en")
}
/// A glossary term in Chinese (present in every language's file).
pub fn glossary_term_zh(i: usize) -> String {
    format!("glossary.{i}.term_zh")
}
/// A glossary definition, in the file's language.
pub fn glossary_definition(i: usize) -> String {
    format!("glossary.{i}.definition")
}
pub fn analogy_title(topic: AnalogyTopic) -> String {
    format!("analogy.{}.title", topic.key())
}
pub fn analogy_text(topic: AnalogyTopic) -> String {
    format!("analogy.{}.text", topic.key())
}
pub fn analogy_limits(topic: AnalogyTopic) -> String {
    format!("analogy.{}.limits", topic.key())
}

/// How many glossary entries there are (a constant, so the app does not link the table).
pub const GLOSSARY_LEN: usize = crate::text::glossary::ENTRIES.len();

/// Every key name, in pack order, from the lessons' structure alone (so the
/// app knows them without linking any text).
pub fn key_names() -> Vec<String> {
    let mut v = Vec::new();
    for l in crate::lessons::lessons() {
        v.push(lesson_title(l.id));
        v.push(lesson_goal(l.id));
        v.extend((0..l.stops.len()).map(|i| lesson_stop(l.id, i)));
        v.push(lesson_question(l.id));
        v.extend((0..l.check.choices.len()).map(|i| lesson_choice(l.id, i)));
        v.extend((0..l.check.why.len()).map(|i| lesson_choice_why(l.id, i)));
        v.push(lesson_explanation(l.id));
        for i in 0..l.mistakes.len() {
            v.push(lesson_mistake_claim(l.id, i));
            v.push(lesson_mistake_correction(l.id, i));
        }
    }
    for i in 0..GLOSSARY_LEN {
        v.push(glossary_term_en(i));
        v.push(glossary_term_zh(i));
        v.push(glossary_definition(i));
    }
    for topic in AnalogyTopic::ALL {
        v.push(analogy_title(topic));
        v.push(analogy_text(topic));
        v.push(analogy_limits(topic));
    }
    v
}

/// The key names, built once. A lookup searches them in order: a few hundred
/// short comparisons, and less code in the wasm than a map.
fn keys() -> &'static [String] {
    static KEYS: OnceLock<Vec<String>> = OnceLock::new();
    KEYS.get_or_init(key_names)
}

/// The hash of the key names a pack must carry (see [`crate::pack`]).
pub fn schema() -> u32 {
    static SCHEMA: OnceLock<u32> = OnceLock::new();
    *SCHEMA.get_or_init(|| fnv1a_lines(keys()))
}

/// Installs a language's pack, as loaded from its script. Refuses a pack
/// from another build.
pub fn install(lang: Lang, schema: u32, texts: Vec<String>) -> Result<(), String> {
    Pack::Learn.install(lang, (keys().len(), self::schema()), schema, texts)
}

/// True when [`text`] answers in `lang`: always with the `text` feature,
/// otherwise once its pack is [`install`]ed.
pub fn is_ready(lang: Lang) -> bool {
    cfg!(feature = "text") || Pack::Learn.installed(lang).is_some()
}

/// A text by key; `None` for an unknown key or while the pack is not in.
pub fn text(lang: Lang, key: &str) -> Option<&'static str> {
    #[cfg(feature = "text")]
    let texts = {
        static TEXTS: [OnceLock<Vec<&'static str>>; 2] = [OnceLock::new(), OnceLock::new()];
        let slot = Lang::ALL.iter().position(|&l| l == lang).unwrap_or(0);
        TEXTS[slot].get_or_init(|| entries(lang).into_iter().map(|(_, t)| t).collect())
    };
    #[cfg(not(feature = "text"))]
    let texts = Pack::Learn.installed(lang)?;
    texts.get(keys().iter().position(|k| k == key)?).copied()
}

/// Every key and its text in one language, from the Rust tables, in pack order.
#[cfg(feature = "text")]
pub fn entries(lang: Lang) -> Vec<(String, &'static str)> {
    let mut v = Vec::new();
    for l in crate::lessons::lessons() {
        v.push((lesson_title(l.id), l.title.get(lang)));
        v.push((lesson_goal(l.id), l.goal.get(lang)));
        for (i, s) in l.stops.iter().enumerate() {
            v.push((lesson_stop(l.id, i), s.text.get(lang)));
        }
        v.push((lesson_question(l.id), l.check.question.get(lang)));
        for (i, c) in l.check.choices.iter().enumerate() {
            v.push((lesson_choice(l.id, i), c.get(lang)));
        }
        for (i, w) in l.check.why.iter().enumerate() {
            v.push((lesson_choice_why(l.id, i), w.get(lang)));
        }
        v.push((lesson_explanation(l.id), l.check.explanation.get(lang)));
        for (i, m) in l.mistakes.iter().enumerate() {
            v.push((lesson_mistake_claim(l.id, i), m.claim.get(lang)));
            v.push((lesson_mistake_correction(l.id, i), m.correction.get(lang)));
        }
    }
    for (i, g) in crate::glossary().iter().enumerate() {
        v.push((glossary_term_en(i), g.term_en));
        v.push((glossary_term_zh(i), g.term_zh));
        let d = match lang {
            Lang::En => g.definition_en,
            Lang::Zh => g.definition_zh,
        };
        v.push((glossary_definition(i), d));
    }
    for topic in AnalogyTopic::ALL {
        let a = crate::analogy(topic, lang);
        v.push((analogy_title(topic), a.title));
        v.push((analogy_text(topic), a.text));
        v.push((analogy_limits(topic), a.limits));
    }
    v
}

/// The classic script for one language's pack (see [`crate::pack`]).
#[cfg(feature = "text")]
pub fn to_js(lang: Lang) -> String {
    let texts: Vec<&str> = entries(lang).into_iter().map(|(_, t)| t).collect();
    crate::pack::to_js(Pack::Learn, lang, schema(), &[], &texts)
}

#[cfg(all(test, feature = "text"))]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn test_keys_are_unique_and_texts_filled() {
        for lang in Lang::ALL {
            let e = entries(lang);
            let keys: HashSet<&str> = e.iter().map(|(k, _)| k.as_str()).collect();
            assert_eq!(keys.len(), e.len(), "duplicate key in {lang:?}");
            for (k, v) in &e {
                assert!(!v.trim().is_empty(), "{k} empty in {lang:?}");
            }
        }
    }

    #[test]
    fn test_key_names_follow_the_tables() {
        for lang in Lang::ALL {
            let keys: Vec<String> = entries(lang).into_iter().map(|(k, _)| k).collect();
            assert_eq!(keys, key_names(), "{lang:?}");
        }
    }

    #[test]
    fn test_installed_pack_reads_back_as_the_tables() {
        for lang in Lang::ALL {
            let (schema, texts) = crate::pack::read_js(&to_js(lang));
            install(lang, schema, texts).unwrap();
            let pack = Pack::Learn.installed(lang).unwrap();
            for (i, (key, t)) in entries(lang).iter().enumerate() {
                assert_eq!(pack[i], *t, "{key}");
                assert_eq!(text(lang, key), Some(*t), "{key}");
            }
            assert_eq!(text(lang, "lesson.no_such.title"), None);
        }
        assert!(install(Lang::En, !schema(), vec![]).is_err());
    }
}
