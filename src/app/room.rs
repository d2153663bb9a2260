//! The room's view of a workshop that another console runs (`roundtable show`):
//! the state it follows, whether the console is there, and the few keys a
//! room view answers to. Nothing here is written; the console records.

use chrono::{DateTime, FixedOffset};

use super::Effect;
use super::help::Help;
use crate::input::action::Action;
use crate::model::step::StepSeen;
use crate::model::{Logged, Ms, State};

pub struct RoomView {
    pub state: State,
    /// When the session began on the wall clock: a break's "back at" is told from it.
    pub started: DateTime<FixedOffset>,
    /// The console has quit: the room is told it is paused by the facilitator.
    pub away: bool,
    /// Trouble reading what the console writes, said in a line.
    pub notice: Option<String>,
    pub help: Help,
    /// The step last seen, so that a change of step is said once.
    step: StepSeen,
}

impl RoomView {
    pub fn new(state: State, started: DateTime<FixedOffset>, away: bool) -> RoomView {
        RoomView {
            state,
            started,
            away,
            notice: None,
            help: Help::default(),
            step: StepSeen::default(),
        }
    }

    /// Events the console made durable, in order. The console checked them
    /// before writing; one that does not apply here is said, not shown.
    pub fn record(&mut self, events: &[Logged]) {
        // What was said before gives way to what happens now.
        self.notice = None;
        for logged in events {
            if let Err(why) = self.state.apply(logged) {
                self.notice = Some(format!("An event the room view could not follow: {why}"));
            }
        }
    }

    /// The whole record again, read afresh.
    pub fn replace(&mut self, state: State, started: DateTime<FixedOffset>) {
        self.state = state;
        self.started = started;
    }

    /// Says a change of step in words, once, as the console does: steps
    /// follow the stage's time, so no event says it.
    pub fn see_step(&mut self, now: Ms) {
        if let Some(change) = self.step.look(&self.state, now) {
            self.notice = Some(change.words);
        }
    }

    pub fn handle(&mut self, action: Action) -> Option<Effect> {
        if self.help.open {
            self.help.key(action);
            return None;
        }
        match action {
            Action::Quit => Some(Effect::Quit),
            Action::NextTheme => Some(Effect::NextTheme),
            Action::Help => {
                self.help.show();
                None
            }
            _ => None,
        }
    }
}
