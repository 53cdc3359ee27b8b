//! Everything the app knows, without any UI: the setup, the run and its
//! indexes, the playhead, the URL, and the reducer that ties them together.

pub mod capture;
pub mod layout;
pub mod learn;
pub mod log;
pub mod run;
pub mod setup;
pub mod share;
pub mod state;
pub mod timeline;
pub mod url;

pub use run::{Run, RunRef};
pub use state::{Action, LabState};
pub use timeline::Playhead;
