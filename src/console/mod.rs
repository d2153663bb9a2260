//! The runtime: the loop, effects, alerts, quitting, signals and the clock.
//! It may use every other folder, and is, with `store` and `door` (the network), the only place with I/O.

pub mod clock;
pub(crate) mod door;
pub(crate) mod event_loop;
mod quit;
pub(crate) mod show;
pub(crate) mod signals;
