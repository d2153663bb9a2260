//! A recorded session: the plan as it was at the start, when it began, and every event since.

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::event::Logged;
use super::plan::Plan;

/// The version this build writes. Older files are migrated on load, newer ones refused.
///
/// Version 2 added `written_by`, the program that wrote the file; a version 1
/// file is read as version 2 without it, and written as version 2 when next saved.
pub const VERSION: u32 = 2;

/// The oldest version this build reads.
pub const OLDEST: u32 = 1;

/// What this build writes in `written_by`.
pub const WRITTEN_BY: &str = concat!("roundtable ", env!("CARGO_PKG_VERSION"));

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    pub version: u32,
    /// The program that wrote it (since version 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub written_by: Option<String>,
    /// Wall-clock start, for display only; durations come from the events' offsets.
    #[serde(deserialize_with = "wall_time")]
    pub started: DateTime<FixedOffset>,
    pub plan: Plan,
    /// Recorded at more than real speed (`ROUNDTABLE_SPEED`): a rehearsal,
    /// left out of a series' verdict unless asked for. Written only when true,
    /// so a workshop's file reads as it always has.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub rehearsal: bool,
    #[serde(default)]
    pub events: Vec<Logged>,
}

impl Session {
    /// The wall-clock time at an offset into the session, for display; the start itself if out of range.
    pub fn wall(&self, at: super::length::Ms) -> DateTime<FixedOffset> {
        wall(self.started, at)
    }
}

/// The wall-clock time `at` milliseconds after `started`; `started` itself if out of range.
pub fn wall(started: DateTime<FixedOffset>, at: super::length::Ms) -> DateTime<FixedOffset> {
    chrono::Duration::try_milliseconds(at as i64)
        .and_then(|d| started.checked_add_signed(d))
        .unwrap_or(started)
}

pub fn wall_time<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<DateTime<FixedOffset>, D::Error> {
    let text = String::deserialize(d)?;
    DateTime::parse_from_rfc3339(&text).map_err(|_| {
        serde::de::Error::custom(format!(
            "a date and time such as \"2026-11-25T19:00:00+00:00\", found \"{text}\""
        ))
    })
}
