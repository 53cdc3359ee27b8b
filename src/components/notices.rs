//! Small dismissible notices, e.g. for URL values that were ignored.

use tcp_lab_content::Lang;
use yew::prelude::*;

use crate::dispatch::{callback, use_dispatch};
use crate::i18n::{notice_text, t, Ui};
use tcp_lab_model::notices::Notice;
use tcp_lab_model::Action;

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub lang: Lang,
    pub notices: Vec<Notice>,
}

#[function_component(Notices)]
pub fn notices(p: &NoticesProps) -> Html {
    let on_dismiss = callback(&use_dispatch(), Action::DismissNotice);
    html! {
        <>
            { for p.notices.iter().enumerate().map(|(i, n)| {
                let cb = on_dismiss.clone();
                let text = notice_text(p.lang, n);
                html! {
                    <div class="notice" key={text.clone()} data-testid="notice" role="status">
                        <span>{ text }</span>
                        <button type="button" class="remove" aria-label={t(p.lang, Ui::Dismiss)}
                                onclick={move |_| cb.emit(i)}>{ "✕" }</button>
                    </div>
                }
            }) }
        </>
    }
}
