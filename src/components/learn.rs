//! The learning switches in the header and "what each side knows". The lesson
//! player, the quiz, the analogies and the glossary are in
//! `super::learning_modes`. The long texts come from `crate::learn_text`
//! (loaded at run time).

use tcp_lab_content::{knowledge_labels, knowledge_summary, Lang};
use tcp_sim::{Knowledge, Side};
use yew::prelude::*;

use crate::i18n::{side_name, t, Ui};
use tcp_lab_model::learn::{Learn, LearnAction};
use tcp_lab_model::view::LearnView;
use tcp_lab_model::{Playhead, RunRef};

pub(crate) fn pressed(on: bool) -> String {
    on.to_string()
}

pub struct LearnBarProps {
    pub lang: Lang,
    pub learn: Learn,
    pub on: Callback<LearnAction>,
}

/// The header's switches: Learn, Glossary, Predict, Plain language, Both languages.
/// A plain function, not a component: it is cheap, and each component costs code size.
pub fn learn_bar(p: &LearnBarProps) -> Html {
    let lang = p.lang;
    let l = &p.learn;
    let button = |action: &'static str, label: Ui, on: bool, a: LearnAction| {
        let cb = p.on.clone();
        html! {
            <button type="button" data-action={action} aria-pressed={pressed(on)}
                    onclick={move |_| cb.emit(a.clone())}>{ t(lang, label) }</button>
        }
    };
    html! {
        <div class="learn-bar" role="group" aria-label={t(lang, Ui::LearnModes)}>
            { button("learn", Ui::Learn, l.view == LearnView::Lessons || l.lesson.is_some(),
                     if l.lesson.is_some() && l.view != LearnView::Lessons { LearnAction::CloseLesson } else { LearnAction::ToggleLessons }) }
            { button("glossary", Ui::Glossary, l.view == LearnView::Glossary, LearnAction::ToggleGlossary) }
            { button("quiz-mode", Ui::QuizMode, l.quiz, LearnAction::SetQuiz(!l.quiz)) }
            { button("plain-language", Ui::PlainLanguage, l.plain, LearnAction::SetPlain(!l.plain)) }
            { button("bilingual", Ui::Bilingual, l.bilingual, LearnAction::SetBilingual(!l.bilingual)) }
        </div>
    }
}

pub struct KnowledgeProps {
    pub lang: Lang,
    pub run: RunRef,
    pub playhead: Playhead,
}

/// What each side has confirmed at the playhead, derived from the trace.
/// A plain function, not a component: it is cheap, and each component costs code size.
pub fn knowledge_panel(p: &KnowledgeProps) -> Html {
    let lang = p.lang;
    let k = |side| match p.playhead {
        Playhead::Start => Knowledge::default(),
        Playhead::At(t) => p.run.trace.knowledge_at(side, t),
    };
    let (c, s) = (k(Side::Client), k(Side::Server));
    let facts = |k: &Knowledge| {
        [
            k.i_can_send,
            k.i_can_receive,
            k.peer_can_send,
            k.peer_can_receive,
            k.i_will_send_no_more,
            k.peer_will_send_no_more,
            k.peer_isn_known,
            k.my_isn_acked,
            k.my_fin_acked,
        ]
    };
    // `data-fact` is the field's index; the rows go handshake first, then the close.
    const ORDER: [usize; 9] = [0, 1, 2, 3, 6, 7, 4, 5, 8];
    let labels = knowledge_labels(lang);
    let (cf, sf) = (facts(&c), facts(&s));
    let cell = |on: bool| {
        html! {
            <td class={if on { "yes" } else { "no" }} data-known={on.to_string()}>
                { t(lang, if on { Ui::Confirmed } else { Ui::NotYet }) }
            </td>
        }
    };
    html! {
        <section class="panel knowledge" data-testid="knowledge" aria-label={t(lang, Ui::Knowledge)}>
            <h2>{ t(lang, Ui::Knowledge) }</h2>
            <table>
                <thead><tr>
                    <th scope="col">{ t(lang, Ui::Fact) }</th>
                    <th scope="col">{ side_name(lang, Side::Client) }</th>
                    <th scope="col">{ side_name(lang, Side::Server) }</th>
                </tr></thead>
                <tbody>
                    { for ORDER.iter().map(|&i| html! {
                        <tr data-fact={i.to_string()}>
                            <th scope="row">{ labels[i] }</th>
                            { cell(cf[i]) }
                            { cell(sf[i]) }
                        </tr>
                    }) }
                </tbody>
            </table>
            <p class="summary" data-side="client">{ knowledge_summary(&c, Side::Client, lang) }</p>
            <p class="summary" data-side="server">{ knowledge_summary(&s, Side::Server, lang) }</p>
        </section>
    }
}
