//! The model's state as Yew's reducer: a thin wrapper that hands every action
//! to the model's pure `LabState::reduce`.

use std::ops::Deref;
use std::rc::Rc;

use tcp_lab_model::{Action, LabState};
use yew::{Callback, Reducible};

/// The one state of the app, as `use_reducer` holds it.
#[derive(Clone, Debug)]
pub struct Lab(pub Rc<LabState>);

/// The same state, or an equal one (see [`LabState::same`]).
impl PartialEq for Lab {
    fn eq(&self, other: &Lab) -> bool {
        Rc::ptr_eq(&self.0, &other.0) || self.0.same(&other.0)
    }
}

impl Deref for Lab {
    type Target = LabState;

    fn deref(&self) -> &LabState {
        &self.0
    }
}

impl Reducible for Lab {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = self.0.clone().reduce(action);
        if Rc::ptr_eq(&next, &self.0) {
            return self;
        }
        Rc::new(Lab(next))
    }
}

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
