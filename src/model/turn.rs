//! A turn: someone has the floor, with a time box that never cuts them off.

use super::length::Ms;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Turn {
    pub who: usize,
    pub from: Ms,
    /// The time box in effect when the turn began; None when there is none.
    pub time_box: Option<Ms>,
}

impl Turn {
    pub fn length(&self, now: Ms) -> Ms {
        now.saturating_sub(self.from)
    }

    /// Time left in the box; negative once past it.
    pub fn left(&self, now: Ms) -> Option<i64> {
        self.time_box.map(|b| b as i64 - self.length(now) as i64)
    }
}
