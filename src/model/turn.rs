//! A turn: someone has the floor, with a time box that never cuts them off.

use super::length::Ms;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Turn {
    pub who: usize,
    pub from: Ms,
    /// The time box in effect when the turn began; None when there is none.
    pub time_box: Option<Ms>,
    /// Time the turn spent paused with the room, before any pause now.
    pub paused: Ms,
    /// Paused with the stage timer since then: airtime does not grow while the room is paused.
    pub paused_since: Option<Ms>,
}

impl Turn {
    pub fn new(who: usize, from: Ms, time_box: Option<Ms>, paused: bool) -> Turn {
        Turn { who, from, time_box, paused: 0, paused_since: paused.then_some(from) }
    }

    /// How long they have had the floor, pauses of the room left out.
    pub fn length(&self, now: Ms) -> Ms {
        let end = self.paused_since.map_or(now, |since| since.min(now));
        end.saturating_sub(self.from).saturating_sub(self.paused)
    }

    /// The room pauses: the turn's clock stops with the stage's.
    pub fn pause(&mut self, at: Ms) {
        if self.paused_since.is_none() {
            self.paused_since = Some(at);
        }
    }

    /// The room carries on, and so does the turn.
    pub fn resume(&mut self, at: Ms) {
        if let Some(since) = self.paused_since.take() {
            self.paused += at.saturating_sub(since);
        }
    }

    pub fn is_paused(&self) -> bool {
        self.paused_since.is_some()
    }

    /// Time left in the box; negative once past it.
    pub fn left(&self, now: Ms) -> Option<i64> {
        self.time_box.map(|b| b as i64 - self.length(now) as i64)
    }
}
