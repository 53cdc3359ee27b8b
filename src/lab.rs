//! The model's state as Yew's reducer: a thin wrapper that hands every action
//! to the model's pure `LabState::reduce`.

use std::ops::Deref;
use std::rc::Rc;

use tcp_lab_model::{Action, LabState};
use yew::Reducible;

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
