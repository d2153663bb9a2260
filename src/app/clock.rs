//! The one place that reads the clock.

use std::time::Instant;

use chrono::{DateTime, FixedOffset, Local};

use crate::model::Ms;

/// A session's monotonic clock: milliseconds since it began, carrying on from
/// `base` when a session is resumed. Wall-clock jumps do not move it.
pub struct Clock {
    origin: Instant,
    base: Ms,
}

impl Clock {
    pub fn starting_at(base: Ms) -> Clock {
        Clock { origin: Instant::now(), base }
    }

    pub fn now(&self) -> Ms {
        self.base + self.origin.elapsed().as_millis() as Ms
    }
}

/// The wall-clock time, read when a session starts or resumes, for display only.
pub fn wall_now() -> DateTime<FixedOffset> {
    Local::now().fixed_offset()
}
