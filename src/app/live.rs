//! A workshop in progress: the keys of the live screen and the events they make.

use std::sync::Arc;

use super::action::{Action, Screen};
use super::{Effect, Outcome};
use crate::model::session::Session;
use crate::model::{Event, Logged, Ms, State};

/// What is open on top of the live screen. Never logged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overlay {
    Help,
    ConfirmQuit,
    ConfirmEnd,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct LiveUi {
    pub overlay: Option<Overlay>,
    /// A word about a key that did nothing; the next change replaces it.
    pub notice: Option<String>,
}

pub struct Live {
    pub session: Session,
    pub state: State,
    pub ui: LiveUi,
}

impl Live {
    pub fn new(session: Session) -> Live {
        let state = State::fold(Arc::new(session.plan.clone()), &session.events);
        Live {
            session,
            state,
            ui: LiveUi::default(),
        }
    }

    /// Adds an event already made durable to the log and the state.
    pub fn record(&mut self, logged: Logged) {
        if self.state.apply(&logged).is_ok() {
            self.session.events.push(logged);
            self.ui.notice = None;
        }
    }

    pub fn screen(&self) -> Screen {
        match self.ui.overlay {
            Some(Overlay::Help) => Screen::Help,
            Some(Overlay::ConfirmQuit | Overlay::ConfirmEnd) => Screen::Dialog,
            None => Screen::Live,
        }
    }

    pub fn handle(&mut self, action: Action, now: Ms) -> Outcome {
        match self.ui.overlay {
            Some(Overlay::Help) => {
                self.ui.overlay = None;
                Outcome::default()
            }
            Some(dialog) => {
                self.ui.overlay = None;
                match (dialog, action) {
                    (Overlay::ConfirmQuit, Action::Confirm) => Outcome::effect(Effect::Quit),
                    (Overlay::ConfirmEnd, Action::Confirm) => self.event(Event::WorkshopEnded, now),
                    _ => {
                        self.ui.notice = Some("Carrying on.".into());
                        Outcome::default()
                    }
                }
            }
            None => self.act(action, now),
        }
    }

    fn act(&mut self, action: Action, now: Ms) -> Outcome {
        let state = &self.state;
        let last = state.stages.len().saturating_sub(1);
        match action {
            Action::StartPause if state.running() => self.event(Event::TimerPaused, now),
            Action::StartPause => self.event(Event::TimerStarted, now),
            Action::NextStage if state.current == last && state.ended.is_none() => {
                self.ui.overlay = Some(Overlay::ConfirmEnd);
                Outcome::default()
            }
            Action::NextStage => self.event(
                Event::StageChanged {
                    to: state.current + 1,
                },
                now,
            ),
            Action::PreviousStage if state.current == 0 => self.refuse("This is the first stage."),
            Action::PreviousStage => self.event(
                Event::StageChanged {
                    to: state.current - 1,
                },
                now,
            ),
            Action::MoreTime => self.event(
                Event::StageExtended {
                    stage: state.current,
                    by_s: 60,
                },
                now,
            ),
            Action::LessTime => self.event(
                Event::StageExtended {
                    stage: state.current,
                    by_s: -60,
                },
                now,
            ),
            Action::Undo => self.event(Event::Undo, now),
            Action::Help => {
                self.ui.overlay = Some(Overlay::Help);
                Outcome::default()
            }
            Action::Quit if state.running() => {
                self.ui.overlay = Some(Overlay::ConfirmQuit);
                Outcome::default()
            }
            Action::Quit => Outcome::effect(Effect::Quit),
            _ => Outcome::default(),
        }
    }

    /// An event, if it can happen now; otherwise a word on the status line and nothing logged.
    fn event(&mut self, event: Event, now: Ms) -> Outcome {
        let logged = Logged {
            at: now.max(self.state.at),
            event,
        };
        match self.state.check(&logged) {
            Ok(()) => Outcome {
                events: vec![logged],
                effect: None,
            },
            Err(why) => self.refuse(&why),
        }
    }

    fn refuse(&mut self, why: &str) -> Outcome {
        self.ui.notice = Some(why.to_string());
        Outcome::default()
    }

    /// The next moment the screen changes by itself: a timer's next second,
    /// or the wall clock's next minute in the header.
    pub fn next_tick(&self, now: Ms) -> Option<Ms> {
        let minute = {
            let start_ms = self.session.started.timestamp_subsec_millis() as Ms
                + (self.session.started.timestamp().rem_euclid(60) as Ms) * 1000;
            let into = (start_ms + now) % 60_000;
            now + 60_000 - into
        };
        Some(self.state.next_tick(now).map_or(minute, |t| t.min(minute)))
    }
}
