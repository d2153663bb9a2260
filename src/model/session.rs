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
    #[serde(deserialize_with = "wall_time")]
    pub started: DateTime<FixedOffset>,
    pub plan: Plan,
    #[serde(default)]
    pub events: Vec<Logged>,
}

fn wall_time<'de, D: serde::Deserializer<'de>>(d: D) -> Result<DateTime<FixedOffset>, D::Error> {
    let text = String::deserialize(d)?;
    DateTime::parse_from_rfc3339(&text).map_err(|_| {
        serde::de::Error::custom(format!(
            "a date and time such as \"2026-11-25T19:00:00+00:00\", found \"{text}\""
        ))
    })
}
