//! Everything TCP Lab knows, without any UI: the setup, the run and its
//! indexes, playback, the learning modes, the URL, and the reducer that ties
//! them together. The app (Yew, the browser) and the export crate build on it;
//! its tests run natively.
//!
//! The modules are layers; each uses only those of the layers below it:
//!
//! 1. leaves: [`numtext`], [`timeline`], [`flight`], [`faults`], [`notices`],
//!    [`setup`], [`view`];
//! 2. [`url`]: reading and writing the page's query, knowing no state;
//! 3. sub-states: [`run`] (with its [`layout`] and [`log`], and [`server`]: a server run's
//!    index), [`playback`] (which plays a run) and [`learn`]; then [`connection`] (a server
//!    run's connection on the ladder, itself a run);
//! 4. the root: [`state`], whose `LabState::reduce` is the app's reducer.

pub mod capture;
pub mod connection;
pub mod faults;
pub mod flight;
pub mod layout;
pub mod learn;
pub mod log;
pub mod notices;
pub mod numtext;
pub mod playback;
pub mod run;
pub mod server;
pub mod setup;
pub mod state;
pub mod timeline;
pub mod url;
pub mod view;

pub use run::{Run, RunRef};
pub use state::{Action, LabState};
pub use timeline::Playhead;
