//! The workshop itself: plan, events and the state they fold into.
//! Pure: no files, no terminal, no clock; uses no other folder of the crate.

pub mod action;
pub mod agenda;
pub mod balance;
pub mod component;
pub mod door;
pub(crate) mod event;
pub mod history;
pub mod idea;
pub(crate) mod length;
pub(crate) mod listing;
pub mod message;
pub(crate) mod person;
pub mod plan;
pub mod queue;
pub mod reflection;
pub(crate) mod refusal;
pub(crate) mod room;
pub mod session;
pub mod stage;
pub mod state;
pub mod step;
pub mod text;
pub mod timeline;
pub(crate) mod turn;

pub use event::{Event, Logged, Source};
pub use length::{Length, Ms};
pub use plan::Plan;
pub use refusal::Refusal;
pub use state::State;
