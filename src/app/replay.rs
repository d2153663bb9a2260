//! Replaying a recorded session, read-only, on the screens the room saw.

use std::sync::Arc;

use super::live::{Before, LiveUi, View};
use super::{Effect, Outcome};
use crate::input::action::{Action, Screen};
use crate::model::session::Session;
use crate::model::step::StepSeen;
use crate::model::timeline::Timeline;
use crate::model::{Ms, State};

/// The speeds `1`..`5` choose.
pub const SPEEDS: [u64; 5] = [1, 2, 10, 60, 600];

pub struct Replay {
    pub session: Session,
    pub timeline: Timeline,
    /// The moment shown, in the session's own time.
    pub at: Ms,
    /// The state as it was at `at`.
    pub state: State,
    /// While playing: the console's moment and the session's moment it started from.
    anchor: Option<(Ms, Ms)>,
    pub speed: u64,
    pub ui: LiveUi,
    pub before: Option<Before>,
    /// The step last shown, so that a change of step is said as the room heard it.
    step: StepSeen,
}

impl Replay {
    pub fn new(session: Session) -> Replay {
        let timeline = Timeline::new(Arc::new(session.plan.clone()), session.events.clone());
        let state = timeline.state_at(0);
        Replay {
            session,
            timeline,
            at: 0,
            state,
            anchor: None,
            speed: 60,
            ui: LiveUi::default(),
            before: None,
            step: StepSeen::default(),
        }
    }

    pub fn playing(&self) -> bool {
        self.anchor.is_some()
    }

    pub fn screen(&self) -> Screen {
        if self.ui.help.open { Screen::Help } else { Screen::Replay }
    }

    /// Shows the moment `at`.
    pub fn seek(&mut self, at: Ms) {
        let at = at.min(self.timeline.end());
        let (before, after) = (self.timeline.count_at(self.at), self.timeline.count_at(at));
        if after < before || after - before > 256 || at < self.at {
            self.state = self.timeline.state_after(after);
        } else {
            for logged in &self.timeline.events[before..after] {
                let _ = self.state.apply(logged);
            }
        }
        self.at = at;
        // What was said gives way to what happens next; a change of step,
        // which no event makes, is said as the console said it.
        if after != before {
            self.ui.notice = None;
        }
        if let Some(change) = self.step.look(&self.state, at) {
            self.ui.notice = Some(change.words);
        }
    }

    /// Moves the playhead on with the console's clock; stops at the end.
    pub fn advance(&mut self, now: Ms) {
        if let Some((from_now, from_at)) = self.anchor {
            let at = from_at + now.saturating_sub(from_now) * self.speed;
            self.seek(at);
            if at >= self.timeline.end() {
                self.anchor = None;
            }
        }
    }

    /// The next moment to draw: often enough for the seconds on screen, at most about 30 times a second.
    pub fn next_tick(&self, now: Ms) -> Option<Ms> {
        self.anchor.map(|_| now + (1000 / self.speed).max(33))
    }

    pub fn handle(&mut self, action: Action, now: Ms) -> Outcome {
        if self.ui.help.open {
            self.ui.help.key(action);
            return Outcome::default();
        }
        let events = &self.timeline.events;
        let count = self.timeline.count_at(self.at);
        match action {
            Action::PlayPause if self.playing() => self.anchor = None,
            Action::PlayPause => {
                if self.at >= self.timeline.end() {
                    self.seek(0);
                }
                self.anchor = Some((now, self.at));
            }
            Action::Speed1x
            | Action::Speed2x
            | Action::Speed10x
            | Action::Speed60x
            | Action::Speed600x => {
                let i = [
                    Action::Speed1x,
                    Action::Speed2x,
                    Action::Speed10x,
                    Action::Speed60x,
                    Action::Speed600x,
                ]
                .iter()
                .position(|a| *a == action)
                .unwrap_or(3);
                self.speed = SPEEDS[i];
                if self.playing() {
                    self.anchor = Some((now, self.at));
                }
            }
            Action::EventBack => {
                self.anchor = None;
                let at = count.checked_sub(2).map_or(0, |i| events[i].at);
                self.seek(at);
            }
            Action::EventOn => {
                self.anchor = None;
                if let Some(next) = events.get(count) {
                    self.seek(next.at);
                }
            }
            Action::StageBack => {
                self.anchor = None;
                let starts = &self.timeline.stage_starts;
                // Back to this stage's start, or, from there, to the one before.
                let at =
                    starts.iter().rev().map(|(at, _)| *at).find(|at| *at < self.at).unwrap_or(0);
                self.seek(at);
            }
            Action::StageOn => {
                self.anchor = None;
                if let Some((at, _)) =
                    self.timeline.stage_starts.iter().find(|(at, _)| *at > self.at)
                {
                    self.seek(*at);
                }
            }
            Action::IdeasBoard => self.switch(View::Board),
            Action::ActionsList => self.switch(View::Actions),
            Action::Reflect => self.switch(View::Reflection),
            Action::Projection => {
                self.ui.projection = !self.ui.projection;
                self.ui.view = View::Main;
            }
            Action::Back if self.ui.view != View::Main || self.ui.projection => {
                self.ui.view = View::Main;
                self.ui.projection = false;
            }
            Action::Back => return Outcome::effect(Effect::Home),
            Action::Help => self.ui.help.show(),
            Action::NextTheme => return Outcome::effect(Effect::NextTheme),
            Action::Quit => return Outcome::effect(Effect::Quit),
            _ => {}
        }
        Outcome::default()
    }

    fn switch(&mut self, view: View) {
        self.ui.view = if self.ui.view == view { View::Main } else { view };
    }
}
