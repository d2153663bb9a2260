//! A workshop in progress: the keys of the live screen, the ideas board and
//! the actions list, and the events they make. Here the workshop and what a
//! key does; `act` over the actions, `navigate` the selections and views,
//! `forms` the typed ones, `state` what the screen keeps.

use std::sync::Arc;

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::{Effect, Outcome};
use crate::input::action::{Action, Screen};
use crate::model::plan::StageKind;
use crate::model::session::Session;
use crate::model::{Event, Logged, Ms, State};

mod act;
mod forms;
mod navigate;
mod state;

pub use state::{Before, LiveUi, Overlay, Panel, Popup, View};

pub struct Live {
    pub session: Session,
    pub state: State,
    pub ui: LiveUi,
    /// The series' session before this one, for "are we sharing more power than before?".
    pub before: Option<Before>,
}

impl Live {
    pub fn new(session: Session) -> Live {
        let state = State::fold(Arc::new(session.plan.clone()), &session.events);
        Live::folded(session, state)
    }

    /// A session whose state is already folded, as a resume loads it: a large
    /// session is folded once, not twice.
    pub fn folded(session: Session, state: State) -> Live {
        let mut live = Live { session, state, ui: LiveUi::default(), before: None };
        live.ui.focus = live.panel_on_top();
        live
    }

    /// The panel the stage puts on top: the ideas in an ideas or reflection
    /// stage, else the floor. The arrows and `v` act on it until Tab says otherwise.
    fn panel_on_top(&self) -> Panel {
        match self.state.plan.stages[self.state.current].kind {
            StageKind::Ideas | StageKind::Reflection => Panel::Ideas,
            _ => Panel::Queue,
        }
    }

    /// Adds an event already made durable to the log and the state.
    pub fn record(&mut self, logged: Logged) {
        if self.state.apply(&logged).is_ok() {
            // A new stage brings its own screen: reflections for a reflection stage, else the live one.
            if let Event::StageChanged { to } = logged.event {
                let reflection = self.state.plan.stages[to].kind == StageKind::Reflection;
                self.ui.view = if reflection { View::Reflection } else { View::Main };
            }
            if matches!(logged.event, Event::StageChanged { .. } | Event::Undo) {
                self.ui.focus = self.panel_on_top();
            }
            self.session.events.push(logged);
            self.ui.notice = None;
        }
    }

    pub fn screen(&self) -> Screen {
        match (self.ui.help.open, self.ui.overlay) {
            (true, _) => Screen::Help,
            (false, Some(_)) => Screen::Dialog,
            (false, None) => self.ui.view.screen(),
        }
    }

    /// The date on the wall clock at `now`, for due dates typed as "2w".
    fn today(&self, now: Ms) -> NaiveDate {
        self.session.wall(now).date_naive()
    }

    pub fn handle(&mut self, action: Action, now: Ms) -> Outcome {
        if self.ui.help.open {
            self.ui.help.key(action);
            return Outcome::default();
        }
        match self.ui.overlay {
            Some(dialog) => {
                self.ui.overlay = None;
                match (dialog, action) {
                    (Overlay::ConfirmQuit, Action::Confirm) => {
                        // The time the stage ran up to the quit is kept: a resume starts from here.
                        let mut out = if self.state.running() {
                            self.event(Event::TimerPaused, now)
                        } else {
                            Outcome::default()
                        };
                        out.effect = Some(Effect::Quit);
                        out
                    }
                    (Overlay::QuitUnsaved, Action::Confirm) => Outcome::effect(Effect::QuitAnyway),
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

    /// An event, if it can happen now; otherwise a word on the status line and nothing logged.
    fn event(&mut self, event: Event, now: Ms) -> Outcome {
        self.events(vec![event], now)
    }

    /// Events that happen together, or none of them.
    fn events(&mut self, events: Vec<Event>, now: Ms) -> Outcome {
        let at = now.max(self.state.at);
        let logged: Vec<Logged> = events.into_iter().map(|event| Logged::new(at, event)).collect();
        let result = match logged.as_slice() {
            [one] => self.state.check(one),
            many => {
                let mut scratch = self.state.clone();
                many.iter().try_for_each(|l| scratch.apply(l))
            }
        };
        match result {
            Ok(()) => Outcome { events: logged, effect: None },
            Err(why) => self.refuse(&why.to_string()),
        }
    }

    fn refuse(&mut self, why: &str) -> Outcome {
        self.ui.notice = Some(why.to_string());
        Outcome::default()
    }

    /// How many room views follow the workshop now. The first makes this
    /// screen the facilitator's own, and needs may be shown on it: offered,
    /// never done unasked, for this screen may still be the one on the wall.
    /// When the last goes, this may be the room's screen again: needs are hidden.
    pub fn followed_by(&mut self, n: usize, show_needs_key: &str) {
        let before = std::mem::replace(&mut self.ui.followers, n);
        if before == 0 && n > 0 {
            let show = show_needs_key;
            self.ui.notice = Some(format!(
                "A room view follows: this screen can be yours now; {show} shows needs beside names."
            ));
        } else if before > 0 && n == 0 && self.ui.show_needs {
            self.ui.show_needs = false;
            self.ui.notice =
                Some("No room view follows now: needs are hidden again, a ◇ beside a name.".into());
        }
    }

    /// The next moment the screen changes by itself: a timer's next second,
    /// or the wall clock's next minute in the header.
    pub fn next_tick(&self, now: Ms) -> Option<Ms> {
        next_tick(&self.state, self.session.started, now)
    }
}

/// The next moment a screen of `state` changes by itself: a timer's next
/// second, a turn's or a waiting hand's, or the wall clock's next minute.
pub fn next_tick(state: &State, started: DateTime<FixedOffset>, now: Ms) -> Option<Ms> {
    let minute = {
        let start_ms = started.timestamp_subsec_millis() as Ms
            + (started.timestamp().rem_euclid(60) as Ms) * 1000;
        let into = (start_ms + now) % 60_000;
        now + 60_000 - into
    };
    let second = |since: Ms| now + 1000 - now.saturating_sub(since) % 1000;
    // A turn paused with the room shows no seconds passing.
    let turn = state.room.speaking.filter(|t| !t.is_paused()).map(|t| second(t.from + t.paused));
    let queue = state.room.hands.first().map(|h| second(h.raised));
    [state.next_tick(now), turn, queue, Some(minute)].into_iter().flatten().min()
}
