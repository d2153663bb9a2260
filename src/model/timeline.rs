//! A recorded log as a timeline: the state as it was at any moment, found
//! fast enough to seek anywhere within a frame, from snapshots of the fold.

use std::sync::Arc;

use super::event::{Event, Logged};
use super::length::Ms;
use super::plan::Plan;
use super::state::State;

/// Events between snapshots: a seek folds at most this many.
const EVERY: usize = 256;

pub struct Timeline {
    pub events: Vec<Logged>,
    /// The state after `i * EVERY` events, for each i.
    snapshots: Vec<State>,
    /// When each stage was entered: the moment, and the stage.
    pub stage_starts: Vec<(Ms, usize)>,
}

impl Timeline {
    pub fn new(plan: Arc<Plan>, events: Vec<Logged>) -> Timeline {
        let mut state = State::new(plan);
        let mut snapshots = vec![state.clone()];
        let mut stage_starts = Vec::new();
        let mut seen = None;
        for (i, logged) in events.iter().enumerate() {
            let _ = state.apply(logged);
            let begun = state.stages[state.current].started;
            if begun && seen != Some(state.current) && !matches!(logged.event, Event::Undo) {
                stage_starts.push((logged.at, state.current));
                seen = Some(state.current);
            }
            if (i + 1) % EVERY == 0 {
                snapshots.push(state.clone());
            }
        }
        Timeline { events, snapshots, stage_starts }
    }

    /// The moment of the last event.
    pub fn end(&self) -> Ms {
        self.events.last().map_or(0, |l| l.at)
    }

    /// How many events had happened by `at`.
    pub fn count_at(&self, at: Ms) -> usize {
        self.events.partition_point(|l| l.at <= at)
    }

    /// The state after the first `count` events.
    pub fn state_after(&self, count: usize) -> State {
        let count = count.min(self.events.len());
        let mut state = self.snapshots[count / EVERY].clone();
        for logged in &self.events[count / EVERY * EVERY..count] {
            let _ = state.apply(logged);
        }
        state
    }

    /// The state as it was at `at`: every event up to and including that moment.
    pub fn state_at(&self, at: Ms) -> State {
        self.state_after(self.count_at(at))
    }
}
