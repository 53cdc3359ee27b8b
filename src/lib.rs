//! TCP Lab: a bilingual lab that animates how a TCP connection opens and
//! closes, driven only by the `tcp-sim` core.

use tcp_lab_content::Lang;
use tcp_lab_model::notices::Notice;
use tcp_lab_model::url::UrlOptions;

/// Numbers as text, shared with the model.
pub use tcp_lab_model::numtext;

pub mod app;
pub mod capture_platform;
pub mod components;
pub mod dispatch;
pub mod i18n;
pub mod lab;
pub mod learn_text;
pub mod platform;
pub mod playback;
pub mod share_platform;
pub mod text_packs;

thread_local! {
    static APP: std::cell::RefCell<Option<yew::AppHandle<app::App>>> = const { std::cell::RefCell::new(None) };
    /// Counts mounts and unmounts, so that a mount still waiting for its text
    /// pack gives way to a later one.
    static GENERATION: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Mounts the app on the page; a `popstate` (back/forward to another shared
/// state) mounts it again from the new URL.
pub fn start() {
    platform::install_panic_hook();
    mount();
    gloo_events::EventListener::new(&gloo_utils::window(), "popstate", |_| mount()).forget();
}

fn unmount() {
    GENERATION.with(|g| g.set(g.get() + 1));
    if let Some(old) = APP.with(|a| a.borrow_mut().take()) {
        old.destroy();
    }
}

/// Mounts the app once the text packs of the URL's language (and, in the
/// bilingual view, of the other one) are in.
fn mount() {
    unmount();
    let generation = GENERATION.with(|g| g.get());
    let options = platform::url_options();
    let mut langs = vec![options.lang];
    if options.learn.bilingual {
        langs.push(options.lang.other());
    }
    mount_after_packs(generation, options, langs);
}

fn mount_after_packs(generation: u64, mut options: UrlOptions, mut langs: Vec<Lang>) {
    let Some(lang) = langs.pop() else {
        if GENERATION.with(|g| g.get()) != generation {
            return;
        }
        platform::remove_boot_message();
        let props = app::AppProps {
            options,
            reduced_motion: platform::prefers_reduced_motion(),
        };
        let handle = yew::Renderer::<app::App>::with_props(props).render();
        APP.with(|a| *a.borrow_mut() = Some(handle));
        return;
    };
    text_packs::ensure(lang, move |result| {
        if let Err(e) = result {
            web_sys::console::error_1(&e.into());
            options.notices.push(Notice::TextFailed(lang));
        }
        mount_after_packs(generation, options, langs);
    });
}
