//! TCP Lab: a bilingual lab that animates how a TCP connection opens and
//! closes, driven only by the `tcp-sim` core.

pub mod app;
pub mod components;
pub mod i18n;
pub mod learn_text;
pub mod model;
pub mod numtext;
pub mod platform;
pub mod share_platform;

thread_local! {
    static APP: std::cell::RefCell<Option<yew::AppHandle<app::App>>> = const { std::cell::RefCell::new(None) };
}

/// Mounts the app on the page; a `popstate` (back/forward to another shared
/// state) mounts it again from the new URL.
pub fn start() {
    platform::install_panic_hook();
    platform::remove_boot_message();
    mount();
    gloo_events::EventListener::new(&gloo_utils::window(), "popstate", |_| mount()).forget();
}

fn mount() {
    if let Some(old) = APP.with(|a| a.borrow_mut().take()) {
        old.destroy();
    }
    let props = app::AppProps {
        options: platform::url_options(),
        reduced_motion: platform::prefers_reduced_motion(),
    };
    let handle = yew::Renderer::<app::App>::with_props(props).render();
    APP.with(|a| *a.borrow_mut() = Some(handle));
}
