//! The workshop itself: plan, events and the state they fold into.
//! Pure: no files, no terminal, no clock; uses no other folder of the crate.

pub mod action;
pub mod agenda;
pub mod balance;
pub mod component;
pub mod event;
pub mod history;
pub mod idea;
pub mod length;
pub mod listing;
pub mod message;
pub mod person;
pub mod plan;
pub mod queue;
pub mod reflection;
pub mod room;
pub mod session;
pub mod stage;
pub mod state;
pub mod step;
pub mod text;
pub mod timeline;
pub mod turn;

pub use event::{Event, Logged};
pub use length::{Length, Ms};
pub use plan::Plan;
pub use state::State;
