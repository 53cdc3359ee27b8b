//! The explanation text pack lists, in its documented order, exactly what
//! the crate's public functions say.

use tcp_lab_content::lab_text::{self, entries, key_count, key_names, to_js};
use tcp_lab_content::learn_text::json_string;
use tcp_lab_content::{
    explain_segment, explain_transition, scenario_blurb, scenario_title, state_gloss, timer_label,
    ui_text, Explanation, Lang, Ui,
};
use tcp_sim::{named, Cause, SendReason, State, TimerKind};

fn fields(e: Explanation) -> [&'static str; 6] {
    [
        e.title,
        e.what,
        e.why,
        e.without,
        e.rfc,
        e.linux.unwrap_or(""),
    ]
}

#[test]
fn test_pack_order_matches_the_public_functions() {
    assert_eq!(
        lab_text::EXPLANATION_FIELDS,
        ["title", "what", "why", "without", "rfc", "linux"]
    );
    for lang in Lang::ALL {
        let mut expected: Vec<(String, &str)> = Vec::new();
        for c in Cause::ALL {
            for (f, t) in lab_text::EXPLANATION_FIELDS
                .iter()
                .zip(fields(explain_transition(c, lang)))
            {
                expected.push((format!("tr.{}.{f}", c.key()), t));
            }
        }
        for r in SendReason::ALL {
            for (f, t) in lab_text::EXPLANATION_FIELDS
                .iter()
                .zip(fields(explain_segment(r, lang)))
            {
                expected.push((format!("seg.{}.{f}", r.key()), t));
            }
        }
        for k in TimerKind::ALL {
            expected.push((format!("timer.{}", k.key()), timer_label(k, lang)));
        }
        for s in State::ALL {
            expected.push((format!("state.{}", s.rfc_name()), state_gloss(s, lang)));
        }
        for n in named::NAMES.iter().chain(&named::SERVER_NAMES) {
            expected.push((
                format!("scenario.{n}.title"),
                scenario_title(n, lang).unwrap(),
            ));
            expected.push((
                format!("scenario.{n}.blurb"),
                scenario_blurb(n, lang).unwrap(),
            ));
        }
        for &u in Ui::ALL {
            expected.push((format!("ui.{}", u.key()), ui_text(u, lang)));
        }
        for k in tcp_sim::server::listener::ListenerEventKind::ALL {
            let (label, text) = tcp_lab_content::listener_event_text(k, lang);
            expected.push((format!("listener.{}.label", k.key()), label));
            expected.push((format!("listener.{}.text", k.key()), text));
        }
        for c in tcp_sim::server::listener::ListenerCounter::ALL {
            let (label, text) = tcp_lab_content::listener_counter_text(c, lang);
            expected.push((format!("counter.{}.label", c.key()), label));
            expected.push((format!("counter.{}.text", c.key()), text));
        }
        let actual: Vec<(String, &str)> = key_names().into_iter().zip(entries(lang)).collect();
        assert_eq!(actual, expected, "{lang:?}");
        assert_eq!(key_count(), expected.len());
        let js = to_js(lang);
        for (_, t) in &expected {
            assert!(
                js.contains(&format!("\n{},", json_string(t)))
                    || js.contains(&format!("\n{}\n]", json_string(t)))
            );
        }
    }
}

#[test]
fn test_state_keys_use_rfc_names() {
    let keys = key_names();
    assert!(keys.contains(&"state.SYN-SENT".to_string()));
    assert!(keys.contains(&"tr.recv_syn_ack.why".to_string()));
    assert!(keys.contains(&"seg.syn.title".to_string()));
    assert!(keys.contains(&"scenario.normal.title".to_string()));
    let states = keys.iter().filter(|k| k.starts_with("state.")).count();
    assert_eq!(states, 11);
}
