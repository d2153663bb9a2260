//! The one place that reads the clock.

use std::sync::OnceLock;
use std::time::Instant;

use chrono::{DateTime, FixedOffset, Local};

use crate::model::Ms;

/// How many times faster than real time a rehearsal runs (`ROUNDTABLE_SPEED`); 1 for a workshop.
static SPEED: OnceLock<u64> = OnceLock::new();

/// Sets the rehearsal speed once, at start-up.
pub fn rehearse_at(speed: u64) {
    let _ = SPEED.set(speed.clamp(1, 3600));
}

pub fn speed() -> u64 {
    SPEED.get().copied().unwrap_or(1)
}

/// A rehearsal runs faster than real time; what it records is marked so.
pub fn rehearsing() -> bool {
    speed() != 1
}

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
        self.base + self.origin.elapsed().as_millis() as Ms * speed()
    }
}

/// A room view's reckoning of the clock of a session another process keeps:
/// set from the wall clock, or from an event just made, and stopped while
/// that process is away, as its own clock is.
pub struct Reckoned {
    at: Ms,
    since: Instant,
    stopped: bool,
}

impl Reckoned {
    pub fn at(at: Ms, stopped: bool) -> Reckoned {
        Reckoned { at, since: Instant::now(), stopped }
    }

    pub fn now(&self) -> Ms {
        if self.stopped {
            return self.at;
        }
        self.at + self.since.elapsed().as_millis() as Ms * speed()
    }

    pub fn set(&mut self, at: Ms) {
        *self = Reckoned::at(at, self.stopped);
    }

    /// Stops the clock where it stands, or starts it again from there.
    pub fn stop(&mut self, stopped: bool) {
        *self = Reckoned::at(self.now(), stopped);
    }

    pub fn stopped(&self) -> bool {
        self.stopped
    }
}

/// Milliseconds of the wall clock since `started`; none before it.
pub fn wall_since(started: DateTime<FixedOffset>) -> Ms {
    wall_now().signed_duration_since(started).num_milliseconds().max(0) as Ms
}

/// How long to wait, in real milliseconds, for `ms` of the clock to pass.
pub fn real(ms: Ms) -> Ms {
    ms / speed()
}

/// The wall-clock time, read when a session starts or resumes, for display only.
pub fn wall_now() -> DateTime<FixedOffset> {
    Local::now().fixed_offset()
}
