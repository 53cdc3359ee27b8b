//! The generated learning-text packs say exactly what the Rust tables say.

use tcp_lab_content::learn_text::{self, json_string, to_js};
use tcp_lab_content::{analogy, glossary, lessons, AnalogyTopic, Lang};

#[test]
fn test_generated_scripts_equal_the_tables() {
    for lang in Lang::ALL {
        let js = to_js(lang);
        // The pack's texts, one JSON string a line, in the order of the key names.
        let body = &js[js.find("\"texts\":[").expect("texts") + 9..js.rfind("\n]};").unwrap()];
        let lines: Vec<&str> = body
            .lines()
            .filter(|l| !l.is_empty())
            .map(|l| l.strip_suffix(',').unwrap_or(l))
            .collect();
        let keys = learn_text::key_names();
        assert_eq!(lines.len(), keys.len(), "{lang:?}");
        let has = |key: String, text: &str| {
            let i = keys.iter().position(|k| *k == key);
            let i = i.unwrap_or_else(|| panic!("{lang:?}: no key {key}"));
            assert_eq!(lines[i], json_string(text), "{lang:?}: {key}");
            assert_eq!(learn_text::text(lang, &key), Some(text), "{lang:?}: {key}");
        };
        assert!(js.contains(&format!(
            "__tcpLabLearn.{}={{\"schema\":{},\"texts\":[",
            lang.code(),
            learn_text::schema()
        )));
        for l in lessons::lessons() {
            has(learn_text::lesson_title(l.id), l.title.get(lang));
            has(learn_text::lesson_goal(l.id), l.goal.get(lang));
            for (i, s) in l.stops.iter().enumerate() {
                has(learn_text::lesson_stop(l.id, i), s.text.get(lang));
            }
            has(
                learn_text::lesson_question(l.id),
                l.check.question.get(lang),
            );
            for (i, c) in l.check.choices.iter().enumerate() {
                has(learn_text::lesson_choice(l.id, i), c.get(lang));
            }
            for (i, w) in l.check.why.iter().enumerate() {
                has(learn_text::lesson_choice_why(l.id, i), w.get(lang));
            }
            has(
                learn_text::lesson_explanation(l.id),
                l.check.explanation.get(lang),
            );
            for (i, m) in l.mistakes.iter().enumerate() {
                has(learn_text::lesson_mistake_claim(l.id, i), m.claim.get(lang));
                has(
                    learn_text::lesson_mistake_correction(l.id, i),
                    m.correction.get(lang),
                );
            }
        }
        assert_eq!(glossary().len(), learn_text::GLOSSARY_LEN);
        for (i, g) in glossary().iter().enumerate() {
            has(learn_text::glossary_term_en(i), g.term_en);
            has(learn_text::glossary_term_zh(i), g.term_zh);
            let d = if lang == Lang::En {
                g.definition_en
            } else {
                g.definition_zh
            };
            has(learn_text::glossary_definition(i), d);
        }
        for topic in AnalogyTopic::ALL {
            let a = analogy(topic, lang);
            has(learn_text::analogy_title(topic), a.title);
            has(learn_text::analogy_text(topic), a.text);
            has(learn_text::analogy_limits(topic), a.limits);
        }
    }
}

#[test]
fn test_narration_from_a_loaded_template_matches() {
    let l = lessons::lesson("handshake").unwrap();
    let trace = l.trace();
    for lang in Lang::ALL {
        for (i, s) in l.stops.iter().enumerate() {
            assert_eq!(
                l.narration_from(i, s.text.get(lang), lang, &trace),
                l.narration(i, lang, &trace)
            );
        }
    }
}
