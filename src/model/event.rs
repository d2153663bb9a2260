//! Every change made during a workshop, as it is written in the session file.

use serde::{Deserialize, Serialize};

use super::length::Ms;
use super::plan::Policy;
use super::queue::HandKind;

/// One line of the log: what happened, and when, in milliseconds since the session began.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Logged {
    pub at: Ms,
    pub event: Event,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Event {
    /// The current stage's timer starts, or carries on after a pause.
    TimerStarted,
    TimerPaused,
    /// The current stage ends and stage `to` (the next, or the one before) begins, its timer running.
    StageChanged {
        to: usize,
    },
    /// A stage gets more time (or less, when `by_s` is negative).
    StageExtended {
        stage: usize,
        by_s: i64,
    },
    WorkshopEnded,
    /// The console came back after it stopped (a quit, a crash, a power cut):
    /// a running timer was paused when the last sign of life was recorded.
    Resumed {
        gap_s: u64,
    },
    /// Takes back the most recent action that can be taken back. Nothing leaves the log.
    Undo,
    /// Someone wants the floor.
    HandRaised {
        who: String,
        #[serde(default)]
        kind: HandKind,
    },
    HandLowered {
        who: String,
    },
    /// `who` has the floor; any turn in progress ends.
    FloorGiven {
        who: String,
    },
    TurnEnded,
    /// In a round, `who` lets their go pass.
    Passed {
        who: String,
    },
    /// Who goes next from now: Equal, Fifo or Round.
    PolicySet {
        policy: Policy,
    },
    /// A walk-in, here from now.
    ParticipantAdded {
        name: String,
        role: String,
    },
    Arrived {
        who: String,
    },
    Left {
        who: String,
    },
}

impl Event {
    /// Things the facilitator did, as opposed to what the console recorded about itself.
    pub fn undoable(&self) -> bool {
        !matches!(self, Event::Resumed { .. } | Event::Undo)
    }
}
