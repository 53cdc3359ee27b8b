//! TCP Lab: a bilingual lab that animates how a TCP connection opens and
//! closes, driven only by the `tcp-sim` core.

pub mod app;
pub mod components;
pub mod i18n;
pub mod learn_text;
pub mod model;
pub mod numtext;
pub mod platform;

/// Mounts the app on the page.
pub fn start() {
    platform::install_panic_hook();
    platform::remove_boot_message();
    let props = app::AppProps {
        options: platform::url_options(),
        reduced_motion: platform::prefers_reduced_motion(),
    };
    yew::Renderer::<app::App>::with_props(props).render();
}
