//! One stage of the agenda as it runs: its timer and any time added live.

use super::length::Ms;

/// A stopwatch that is computed, never ticked: time banked by earlier runs,
/// plus the current run if one is going.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Timer {
    pub banked: Ms,
    pub since: Option<Ms>,
}

impl Timer {
    pub fn elapsed(&self, now: Ms) -> Ms {
        self.banked + self.since.map_or(0, |since| now.saturating_sub(since))
    }

    pub fn running(&self) -> bool {
        self.since.is_some()
    }

    pub fn start(&mut self, at: Ms) {
        if self.since.is_none() {
            self.since = Some(at);
        }
    }

    pub fn stop(&mut self, at: Ms) {
        self.banked = self.elapsed(at);
        self.since = None;
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stage {
    /// Added (or, when negative, taken away) live with `+` and `-`.
    pub added_ms: i64,
    pub timer: Timer,
    /// Whether the stage has ever started; a stage skipped past has not.
    pub started: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    Done,
    Current,
    ToCome,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_timer_banks_time_across_pauses() {
        let mut t = Timer::default();
        assert_eq!(t.elapsed(5_000), 0);
        t.start(1_000);
        assert_eq!(t.elapsed(4_000), 3_000);
        t.stop(4_000);
        assert_eq!(t.elapsed(60_000), 3_000);
        t.start(10_000);
        t.start(11_000); // starting twice changes nothing
        assert_eq!(t.elapsed(12_000), 5_000);
        assert!(t.running());
    }

    #[test]
    fn a_clock_behind_the_start_never_goes_negative() {
        let t = Timer { banked: 2_000, since: Some(10_000) };
        assert_eq!(t.elapsed(9_000), 2_000);
    }
}
