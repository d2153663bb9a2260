//! A workshop in progress: the keys of the live screen and the events they make.

use std::sync::Arc;

use crossterm::event::KeyEvent;

use super::action::{Action, Screen};
use super::picker::{Picked, Picker, Purpose};
use super::{Effect, Outcome};
use crate::model::plan::Policy;
use crate::model::queue::HandKind;
use crate::model::session::Session;
use crate::model::{Event, Logged, Ms, State};

/// What is open on top of the live screen. Never logged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overlay {
    Help,
    ConfirmQuit,
    ConfirmEnd,
}

#[derive(Clone, Debug, Default)]
pub struct LiveUi {
    pub overlay: Option<Overlay>,
    /// A word about a key that did nothing; the next change replaces it.
    pub notice: Option<String>,
    /// The person picker, while it is open.
    pub picker: Option<Picker>,
    /// The selected place in the queue.
    pub selected: usize,
}

pub struct Live {
    pub session: Session,
    pub state: State,
    pub ui: LiveUi,
}

impl Live {
    pub fn new(session: Session) -> Live {
        let state = State::fold(Arc::new(session.plan.clone()), &session.events);
        Live { session, state, ui: LiveUi::default() }
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
            Action::NextStage => self.event(Event::StageChanged { to: state.current + 1 }, now),
            Action::PreviousStage if state.current == 0 => self.refuse("This is the first stage."),
            Action::PreviousStage => self.event(Event::StageChanged { to: state.current - 1 }, now),
            Action::MoreTime => {
                self.event(Event::StageExtended { stage: state.current, by_s: 60 }, now)
            }
            Action::LessTime => {
                self.event(Event::StageExtended { stage: state.current, by_s: -60 }, now)
            }
            Action::RaiseHand => self.open_picker(Purpose::Hand(HandKind::Normal)),
            Action::Presence => self.open_picker(Purpose::Presence),
            Action::GiveFloor => self.give_floor(now),
            Action::EndTurn => self.event(Event::TurnEnded, now),
            Action::LowerHand => self.lower_hand(now),
            Action::Pass => self.pass(now),
            Action::ChangeOrder => {
                let policy = match state.room.policy {
                    Policy::Equal => Policy::Fifo,
                    Policy::Fifo => Policy::Round,
                    Policy::Round => Policy::Equal,
                };
                self.event(Event::PolicySet { policy }, now)
            }
            Action::Up => {
                self.ui.selected = self.ui.selected.saturating_sub(1);
                Outcome::default()
            }
            Action::Down => {
                let waiting = self.state.room.queue(now).len();
                self.ui.selected = (self.ui.selected + 1).min(waiting.saturating_sub(1));
                Outcome::default()
            }
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
            Action::Select | Action::Confirm | Action::Cancel => Outcome::default(),
        }
    }

    fn open_picker(&mut self, purpose: Purpose) -> Outcome {
        if self.state.ended.is_some() {
            return self.refuse("The workshop has ended; undo to reopen it.");
        }
        self.ui.picker = Some(Picker::new(purpose));
        Outcome::default()
    }

    /// A key while the picker is open.
    pub fn pick_key(&mut self, key: KeyEvent, now: Ms) -> Outcome {
        let Some(picker) = &mut self.ui.picker else {
            return Outcome::default();
        };
        let purpose = picker.purpose;
        let picked = picker.key(key, &self.state.room);
        let name = |i: usize| self.state.room.people[i].name.clone();
        let events = match (picked, purpose) {
            (Picked::Nothing, _) => return Outcome::default(),
            (Picked::Cancelled, _) => vec![],
            (Picked::Person(i), Purpose::Hand(kind)) => {
                vec![Event::HandRaised { who: name(i), kind }]
            }
            (Picked::Person(i), Purpose::Presence) if self.state.room.people[i].here() => {
                vec![Event::Left { who: name(i) }]
            }
            (Picked::Person(i), Purpose::Presence) => vec![Event::Arrived { who: name(i) }],
            (Picked::WalkIn { name, role }, Purpose::Hand(kind)) => vec![
                Event::ParticipantAdded { name: name.clone(), role },
                Event::HandRaised { who: name, kind },
            ],
            (Picked::WalkIn { name, role }, Purpose::Presence) => {
                vec![Event::ParticipantAdded { name, role }]
            }
        };
        self.ui.picker = None;
        if events.is_empty() {
            return Outcome::default();
        }
        self.events(events, now)
    }

    fn give_floor(&mut self, now: Ms) -> Outcome {
        let room = &self.state.room;
        match room.queue(now).first() {
            Some(next) => {
                let who = room.people[next.who].name.clone();
                self.event(Event::FloorGiven { who }, now)
            }
            None if room.policy == Policy::Round => {
                self.refuse("Round complete: everyone here has spoken or passed. Change the order to open the floor.")
            }
            None => self.refuse("No one is waiting; raise a hand first."),
        }
    }

    fn lower_hand(&mut self, now: Ms) -> Outcome {
        let room = &self.state.room;
        let queue = room.queue(now);
        let Some(chosen) = queue.get(self.ui.selected.min(queue.len().saturating_sub(1))) else {
            return self.refuse("No hands are up.");
        };
        let who = room.people[chosen.who].name.clone();
        if chosen.kind.is_none() {
            return self
                .refuse(&format!("{who} has no hand up; in a round, pass their go instead."));
        }
        self.event(Event::HandLowered { who }, now)
    }

    fn pass(&mut self, now: Ms) -> Outcome {
        let room = &self.state.room;
        if room.policy != Policy::Round {
            return self.refuse("Passing is for rounds; lower the hand instead.");
        }
        match room.queue(now).iter().find(|w| w.kind.is_none()) {
            Some(next) => {
                let who = room.people[next.who].name.clone();
                self.event(Event::Passed { who }, now)
            }
            None => self.refuse("Round complete: everyone here has spoken or passed."),
        }
    }

    /// An event, if it can happen now; otherwise a word on the status line and nothing logged.
    fn event(&mut self, event: Event, now: Ms) -> Outcome {
        self.events(vec![event], now)
    }

    /// Events that happen together, or none of them.
    fn events(&mut self, events: Vec<Event>, now: Ms) -> Outcome {
        let at = now.max(self.state.at);
        let logged: Vec<Logged> = events.into_iter().map(|event| Logged { at, event }).collect();
        let result = match logged.as_slice() {
            [one] => self.state.check(one),
            many => {
                let mut scratch = self.state.clone();
                many.iter().try_for_each(|l| scratch.apply(l))
            }
        };
        match result {
            Ok(()) => Outcome { events: logged, effect: None },
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
        let second = |since: Ms| now + 1000 - now.saturating_sub(since) % 1000;
        let turn = self.state.room.speaking.map(|t| second(t.from));
        let queue = self.state.room.hands.first().map(|h| second(h.raised));
        [self.state.next_tick(now), turn, queue, Some(minute)].into_iter().flatten().min()
    }
}
