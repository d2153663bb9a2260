//! What the agenda says at a moment: time left, over or under plan, when it will end.

use super::length::Ms;
use super::stage::Status;
use super::state::State;

impl State {
    pub fn running(&self) -> bool {
        self.stages.get(self.current).is_some_and(|s| s.timer.running())
    }

    /// The stage's length as it now stands, with time added or taken live.
    pub fn planned_ms(&self, i: usize) -> i64 {
        self.plan.stages[i].duration.ms() as i64 + self.stages[i].added_ms
    }

    pub fn elapsed(&self, i: usize, now: Ms) -> Ms {
        self.stages[i].timer.elapsed(now)
    }

    /// Time left in the current stage; negative once it runs over.
    pub fn remaining(&self, now: Ms) -> i64 {
        self.planned_ms(self.current) - self.elapsed(self.current, now) as i64
    }

    pub fn status(&self, i: usize) -> Status {
        if self.ended.is_some() || i < self.current {
            Status::Done
        } else if i == self.current {
            Status::Current
        } else {
            Status::ToCome
        }
    }

    /// All the time the stages' timers have run.
    pub fn stage_time(&self, now: Ms) -> Ms {
        (0..self.stages.len()).map(|i| self.elapsed(i, now)).sum()
    }

    /// How much longer (positive) or shorter (negative) the whole agenda will
    /// take than first planned, if every stage still to run takes its time.
    pub fn drift(&self, now: Ms) -> i64 {
        let projected: i64 = (0..self.stages.len())
            .map(|i| {
                let spent = self.elapsed(i, now) as i64;
                match self.status(i) {
                    Status::Done => spent,
                    Status::Current | Status::ToCome => spent.max(self.planned_ms(i)),
                }
            })
            .sum();
        projected - self.plan.total_ms() as i64
    }

    /// The offset at which the last stage should end, if every stage takes its time from now.
    pub fn projected_end(&self, now: Ms) -> Ms {
        if let Some(ended) = self.ended {
            return ended;
        }
        let left: i64 = (self.current..self.stages.len())
            .map(|i| (self.planned_ms(i) - self.elapsed(i, now) as i64).max(0))
            .sum();
        now + left as Ms
    }

    /// When the next visible second ticks over, if anything is counting.
    pub fn next_tick(&self, now: Ms) -> Option<Ms> {
        if !self.running() {
            return None;
        }
        let since = self.stages[self.current].timer.since?;
        let into = now.saturating_sub(since) % 1000;
        Some(now + 1000 - into)
    }
}

/// What the current stage's timer is doing, as the room should read it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Not started yet.
    Ready,
    Running,
    /// Running, and close to its end.
    EndingSoon,
    Paused,
    /// Past its time, still counting (running or paused).
    Over,
    Ended,
}

impl State {
    pub fn phase(&self, now: Ms) -> Phase {
        let i = self.current;
        let left = self.remaining(now);
        if self.ended.is_some() {
            Phase::Ended
        } else if left < 0 {
            Phase::Over
        } else if !self.stages[i].started {
            Phase::Ready
        } else if !self.running() {
            Phase::Paused
        } else if left <= (self.planned_ms(i) / 5).min(120_000) {
            Phase::EndingSoon
        } else {
            Phase::Running
        }
    }
}
