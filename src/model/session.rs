//! A recorded session: the plan as it was at the start, when it began, and every event since.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::event::Logged;
use super::plan::Plan;

/// The version this build writes. Older files are migrated on load, newer ones refused.
pub const VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    pub version: u32,
    /// Wall-clock start, for display only; durations come from the events' offsets.
    pub started: DateTime<FixedOffset>,
    pub plan: Plan,
    #[serde(default)]
    pub events: Vec<Logged>,
}
