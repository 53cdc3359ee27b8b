//! The swap from the first-load build to the full build.
//!
//! The first load is the lab without the lessons, quiz, analogies and glossary
//! (the crate built without its `learning` feature): that keeps the first
//! download under the issue-3 budget. When a learner opens one of those
//! modes, the first-load build writes the wish into the URL (see
//! `model::share`), and asks the page's loader (scripts/post-build.mjs) for
//! the full build with `window.tcpLabLoadFull()`. The loader reports progress
//! and failure as window events. When the full build starts, it calls the
//! `window.tcpLabRelease` hook the running build registered, which hands over
//! the state on screen at that moment in `window.tcpLabHandoff` (an
//! opaque-origin iframe cannot change its URL, and the learner may have played
//! on meanwhile) and unmounts; the full build then mounts from that state:
//! same scenario, faults, step, language and playing, with the wished-for
//! mode open.
//!
//! A link that already asks for a learning mode is sent to the full build
//! straight away by the loader.

use std::cell::RefCell;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use crate::platform::js_get;

/// `CustomEvent` on `window` while the full build downloads: `detail = {loaded, total}`.
pub const PROGRESS_EVENT: &str = "tcplab:full-progress";
/// Event on `window` when the full build could not be loaded.
pub const FAILED_EVENT: &str = "tcplab:full-failed";

const LOAD_FULL: &str = "tcpLabLoadFull";
const HANDOFF: &str = "tcpLabHandoff";
const RELEASE: &str = "tcpLabRelease";

thread_local! {
    /// This build's release hook, kept alive while it is registered on `window`.
    static RELEASE_HOOK: RefCell<Option<Closure<dyn FnMut()>>> = const { RefCell::new(None) };
    /// The state on screen as a share query, and whether it is playing (noted
    /// at every render of the first-load build, handed over when it leaves).
    static ON_SCREEN: RefCell<Option<(String, bool)>> = const { RefCell::new(None) };
    /// The control that had the keyboard focus in the build that left.
    static FOCUSED_ACTION: RefCell<Option<String>> = const { RefCell::new(None) };
}

fn window_fn(name: &str) -> Option<js_sys::Function> {
    js_get(&gloo_utils::window(), name)?.dyn_into().ok()
}

/// Asks the loader for the full build. Without a loader (a page that is not
/// the built `dist/`), reports the failure at once.
pub fn load_full_build() {
    let started = window_fn(LOAD_FULL)
        .map(|f| f.call0(&JsValue::NULL).is_ok())
        .unwrap_or(false);
    if !started {
        if let Ok(ev) = web_sys::Event::new(FAILED_EVENT) {
            let _ = gloo_utils::window().dispatch_event(&ev);
        }
    }
}

/// Notes the state on screen (share query, playing) for [`hand_off`].
pub fn note_state(query: &str, playing: bool) {
    ON_SCREEN.with(|s| match &mut *s.borrow_mut() {
        Some((q, p)) if q == query => *p = playing,
        slot => *slot = Some((query.to_string(), playing)),
    });
}

/// Called as this build leaves: puts the state on screen, at this moment
/// (the learner may have stepped or pressed play while the full build was
/// downloading), where the next build's [`take_handoff`] finds it.
pub fn hand_off() {
    let Some((query, playing)) = ON_SCREEN.with(|s| s.borrow_mut().take()) else {
        return;
    };
    let query = if playing {
        format!("{query}&autoplay=1")
    } else {
        query
    };
    let _ = js_sys::Reflect::set(
        &gloo_utils::window(),
        &JsValue::from_str(HANDOFF),
        &JsValue::from_str(&query),
    );
}

/// The query the build that left handed over (once), if any.
pub fn take_handoff() -> Option<String> {
    let window: js_sys::Object = gloo_utils::window().unchecked_into();
    let query = js_get(&window, HANDOFF)?.as_string()?;
    let _ = js_sys::Reflect::delete_property(&window, &JsValue::from_str(HANDOFF));
    Some(query)
}

/// `(loaded, total)` of a progress event; `total` is `None` when unknown.
pub fn progress_of(e: &web_sys::Event) -> (u64, Option<u64>) {
    let detail = e
        .dyn_ref::<web_sys::CustomEvent>()
        .map(|c| c.detail())
        .unwrap_or(JsValue::UNDEFINED);
    let number = |key: &str| {
        js_get(&detail, key)
            .and_then(|v| v.as_f64())
            .filter(|v| v.is_finite() && *v >= 0.0)
            .map(|v| v as u64)
    };
    (
        number("loaded").unwrap_or(0),
        number("total").filter(|&t| t > 0),
    )
}

/// Called first thing at start: a build already on the page steps aside. The
/// control the learner was on (its `data-action`) gets the focus back in the
/// new build: see [`restore_focus`].
pub fn take_over_page() {
    if let Some(release) = window_fn(RELEASE) {
        let focused = gloo_utils::document()
            .active_element()
            .and_then(|el| el.get_attribute("data-action"));
        FOCUSED_ACTION.with(|f| *f.borrow_mut() = focused);
        let _ = release.call0(&JsValue::NULL);
    }
    let window: js_sys::Object = gloo_utils::window().unchecked_into();
    let _ = js_sys::Reflect::delete_property(&window, &JsValue::from_str(RELEASE));
}

/// Registers how this build leaves the page when another one takes over.
pub fn on_release(release: impl FnOnce() + 'static) {
    let mut release = Some(release);
    let hook = Closure::<dyn FnMut()>::new(move || {
        if let Some(f) = release.take() {
            f();
        }
    });
    let _ = js_sys::Reflect::set(
        &gloo_utils::window(),
        &JsValue::from_str(RELEASE),
        hook.as_ref(),
    );
    RELEASE_HOOK.with(|h| *h.borrow_mut() = Some(hook));
}

/// After the first render of a build that took over: focus the control the
/// learner was on, so a keyboard or screen-reader user stays in place.
pub fn restore_focus() {
    let Some(action) = FOCUSED_ACTION.with(|f| f.borrow_mut().take()) else {
        return;
    };
    let selector = format!("[data-action=\"{action}\"]");
    if let Some(el) = gloo_utils::document()
        .query_selector(&selector)
        .ok()
        .flatten()
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}
