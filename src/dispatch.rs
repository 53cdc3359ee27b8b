//! How every view changes the state: one dispatcher, shared through a context,
//! that first tells the model the time while playing.

use tcp_lab_model::Action;
use yew::Callback;

use crate::lab::Lab;

/// How every view changes the state: the one dispatcher, which [`crate::app::App`]
/// shares through a context, instead of a callback per action handed down.
#[derive(Clone, PartialEq)]
pub struct Dispatch(pub yew::functional::UseReducerDispatcher<Lab>);

impl Dispatch {
    /// Sends `action`, taken where the learner sees the playhead: while playing, the model
    /// first hears the time (see [`crate::playback::sync`]), since between events only the
    /// browser moves the ladder.
    pub fn dispatch(&self, action: Action) {
        crate::playback::sync(&self.0);
        self.0.dispatch(action);
    }
}

/// The dispatcher of the app the view is in.
#[yew::hook]
pub fn use_dispatch() -> Dispatch {
    yew::use_context::<Dispatch>().expect("every view is inside the app's dispatch context")
}

/// A callback that dispatches the action `make` turns its input into.
pub fn callback<T: 'static>(
    dispatch: &Dispatch,
    make: impl Fn(T) -> Action + 'static,
) -> Callback<T> {
    let dispatch = dispatch.clone();
    Callback::from(move |input: T| dispatch.dispatch(make(input)))
}
