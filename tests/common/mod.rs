//! The browser-test harness shared by `tests/app.rs` and `tests/learn.rs`:
//! mount the app in its own element, read the DOM hooks of docs/CONTRACT.md,
//! click like a learner. Each test file uses only part of it.
#![allow(dead_code)]

use gloo_timers::future::TimeoutFuture;
use tcp_lab::app::{App, AppProps};
use tcp_lab_model::url::parse_query;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use yew::AppHandle;

/// A mounted app in its own element, removed when dropped.
pub struct Mounted {
    pub root: Element,
    handle: Option<AppHandle<App>>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(h) = self.handle.take() {
            h.destroy();
        }
        self.root.remove();
    }
}

impl Mounted {
    pub async fn new(query: &str) -> Mounted {
        let document = gloo_utils::document();
        let root = document.create_element("div").unwrap();
        document.body().unwrap().append_child(&root).unwrap();
        let props = AppProps {
            options: parse_query(query, Some("en-US")),
            reduced_motion: false,
        };
        let handle = yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
        let m = Mounted {
            root,
            handle: Some(handle),
        };
        settle().await;
        m
    }

    /// The first element matching `selector`, if any.
    pub fn get(&self, selector: &str) -> Option<Element> {
        self.root.query_selector(selector).unwrap()
    }

    pub fn find(&self, selector: &str) -> Element {
        self.root
            .query_selector(selector)
            .unwrap()
            .unwrap_or_else(|| panic!("nothing matches {selector}"))
    }

    pub fn count(&self, selector: &str) -> u32 {
        self.root.query_selector_all(selector).unwrap().length()
    }

    pub fn attr(&self, selector: &str, name: &str) -> String {
        self.find(selector).get_attribute(name).unwrap_or_default()
    }

    /// Clicks like a mouse would: a bubbling click event, so it also works on SVG.
    pub async fn click(&self, selector: &str) {
        let target = self.find(selector);
        match target.dyn_ref::<HtmlElement>() {
            Some(html) => html.click(),
            None => {
                let init = web_sys::EventInit::new();
                init.set_bubbles(true);
                let click = web_sys::Event::new_with_event_init_dict("click", &init).unwrap();
                target.dispatch_event(&click).unwrap();
            }
        }
        settle().await;
    }

    pub fn states(&self) -> (String, String) {
        (
            self.attr("[data-endpoint=\"client\"]", "data-state"),
            self.attr("[data-endpoint=\"server\"]", "data-state"),
        )
    }

    pub fn time(&self) -> f64 {
        self.attr("main#lab", "data-time-ms").parse().unwrap()
    }
}

/// Tells the app that the learner typed into a text field.
pub async fn type_into(target: &web_sys::EventTarget) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    target
        .dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
    settle().await;
}

/// Lets Yew render what the last event scheduled.
pub async fn settle() {
    TimeoutFuture::new(0).await;
    TimeoutFuture::new(0).await;
}
