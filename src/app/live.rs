//! A workshop in progress: the keys of the live screen, the ideas board and
//! the actions list, and the events they make.

use std::sync::Arc;

use crate::input::EventHandler;
use crate::input::{KeyCode, KeyEvent};
use chrono::NaiveDate;
use tui_input::Input;

use super::agree::{Agree, Agreed};
use super::capture::{Capture, Captured};
use super::picker::{Picked, Picker, Purpose};
use super::{Effect, Outcome};
use crate::input::action::{Action, Screen};
use crate::model::action::ActionStatus;
use crate::model::plan::StageKind;
use crate::model::plan::{Policy, find_component};
use crate::model::queue::HandKind;
use crate::model::reflection::{Answer, Question, Rung, label_for};
use crate::model::session::Session;
use crate::model::text::clean;
use crate::model::{Event, Logged, Ms, State};

/// The series' session before this one, as it ended: its share of airtime and of ideas by role.
#[derive(Clone, Debug, PartialEq)]
pub struct Before {
    /// When it was, as the room would say it: "Tue 18 Nov".
    pub when: String,
    pub shares: Vec<crate::model::balance::RoleShare>,
}

/// What is open on top of the screen and waits for an answer. Never logged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overlay {
    Help,
    ConfirmQuit,
    ConfirmEnd,
    /// Quit though the disk refuses writes? The question is in `LiveUi::question`.
    QuitUnsaved,
}

/// The whole-screen views of a live workshop.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    #[default]
    Main,
    Board,
    Actions,
    Reflection,
}

/// The panel whose list the arrows move in, on the main view.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Panel {
    #[default]
    Queue,
    Ideas,
}

/// A form that takes typed text; while one is open, keys are text.
#[derive(Clone, Debug)]
pub enum Popup {
    Picker(Picker),
    Capture(Capture),
    Edit {
        idea: usize,
        words: Input,
    },
    Agree(Agree),
    Note {
        action: usize,
        words: Input,
    },
    /// A note on a component in the current checkpoint.
    ReflectNote {
        component: usize,
        words: Input,
    },
    /// An answer to one of the two questions that check direction.
    Answer {
        question: Question,
        choice: usize,
        note: Input,
        on_note: bool,
    },
    /// Where the work stands on the ladder.
    Ladder {
        choice: usize,
    },
    /// A new checkpoint's label.
    Checkpoint {
        words: Input,
    },
}

#[derive(Clone, Debug, Default)]
pub struct LiveUi {
    pub overlay: Option<Overlay>,
    pub popup: Option<Popup>,
    pub view: View,
    pub focus: Panel,
    /// A word about a key that did nothing; the next change replaces it.
    pub notice: Option<String>,
    /// The selected place in the queue.
    pub selected: usize,
    /// The selected idea, by number.
    pub idea: usize,
    /// The selected action, by number.
    pub action: usize,
    /// The idea chosen to merge into another, while the other is chosen.
    pub merging: Option<usize>,
    /// How far the help is scrolled.
    pub help_scroll: usize,
    /// The selected row of the reflection screen: components, then the two questions, then the ladder.
    pub reflect_row: usize,
    /// The level the tally keys add to or take from, 0..4.
    pub tally_level: usize,
    /// The projection view: the big timer, who speaks and who is next, nothing else.
    pub projection: bool,
    /// Participants' needs shown in words, at the facilitator's asking; a
    /// neutral mark otherwise. Never on the projection view.
    pub show_needs: bool,
    /// The question a `QuitUnsaved` overlay asks, with what the disk said and where the session would go.
    pub question: Option<String>,
}

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
        match (self.ui.overlay, self.ui.view) {
            (Some(Overlay::Help), _) => Screen::Help,
            (Some(Overlay::ConfirmQuit | Overlay::ConfirmEnd | Overlay::QuitUnsaved), _) => {
                Screen::Dialog
            }
            (None, View::Main) => Screen::Live,
            (None, View::Board) => Screen::Board,
            (None, View::Actions) => Screen::Actions,
            (None, View::Reflection) => Screen::Reflection,
        }
    }

    /// The date on the wall clock at `now`, for due dates typed as "2w".
    fn today(&self, now: Ms) -> NaiveDate {
        self.session.wall(now).date_naive()
    }

    pub fn handle(&mut self, action: Action, now: Ms) -> Outcome {
        match self.ui.overlay {
            Some(Overlay::Help) => {
                if !super::help_key(action, &mut self.ui.help_scroll) {
                    self.ui.overlay = None;
                }
                Outcome::default()
            }
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

    fn act(&mut self, action: Action, now: Ms) -> Outcome {
        let state = &self.state;
        let last = state.stages.len().saturating_sub(1);
        match action {
            Action::StartPause if state.running() => self.event(Event::TimerPaused, now),
            Action::StartPause => self.event(Event::TimerStarted, now),
            Action::NextStage if state.current == last && state.ended.is_none() => {
                self.ask(Overlay::ConfirmEnd)
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
            Action::RaiseHand => {
                self.open(Popup::Picker(Picker::new(Purpose::Hand(HandKind::Normal))))
            }
            Action::Presence => self.open(Popup::Picker(Picker::new(Purpose::Presence))),
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
            Action::CaptureIdea => {
                let focus = &self.state.plan.stages[self.state.current].focus;
                let tags = focus
                    .iter()
                    .filter_map(|f| find_component(&self.state.components, f))
                    .map(|c| c.name.clone())
                    .collect();
                self.open(Popup::Capture(Capture::new(tags)))
            }
            Action::Vote => match self.selected_idea() {
                Some(idea) => self.event(Event::Voted { idea }, now),
                None => self.refuse("No ideas yet; capture one first."),
            },
            Action::IdeasBoard => self.switch(View::Board),
            Action::ActionsList => self.switch(View::Actions),
            Action::BlindCapture if state.ideas.blind => self.event(Event::IdeasRevealed, now),
            Action::BlindCapture => self.event(Event::BlindStarted, now),
            Action::EditIdea => match self.selected_idea() {
                Some(idea) => {
                    let words = Input::new(self.state.ideas.list[idea].text.clone());
                    self.open(Popup::Edit { idea, words })
                }
                None => self.refuse("No idea to reword."),
            },
            Action::MergeIdea => self.merge(now),
            Action::ParkIdea => match self.selected_idea() {
                Some(idea) => {
                    let parked = !self.state.ideas.list[idea].parked;
                    self.event(Event::IdeaParked { idea, parked }, now)
                }
                None => self.refuse("No idea to park."),
            },
            Action::MakeAction => match self.selected_idea() {
                Some(idea) if self.state.ideas.list[idea].action.is_some() => {
                    self.refuse(&format!("Idea #{} is an action already.", idea + 1))
                }
                Some(idea) => self.open(Popup::Agree(Agree::new(idea))),
                None => self.refuse("No idea to turn into an action."),
            },
            Action::MarkDone => self.review(ActionStatus::Done, now),
            Action::MarkInProgress => self.review(ActionStatus::InProgress, now),
            Action::MarkDropped => self.review(ActionStatus::Dropped, now),
            Action::WriteNote if self.ui.view == View::Reflection => self.reflect_enter(),
            Action::WriteNote => match self.selected_carried() {
                Some(action) => {
                    let words = Input::new(
                        self.state.ideas.actions[action].note.clone().unwrap_or_default(),
                    );
                    self.open(Popup::Note { action, words })
                }
                None => self.refuse("Notes are for actions carried from last time."),
            },
            Action::Reflect => self.switch(View::Reflection),
            Action::Projection => {
                self.ui.projection = !self.ui.projection;
                self.ui.view = View::Main;
                Outcome::default()
            }
            Action::ShowNeeds => {
                self.ui.show_needs = !self.ui.show_needs;
                self.ui.notice = Some(if self.ui.show_needs {
                    "Needs shown in words, for you: N hides them again before the room looks."
                        .into()
                } else {
                    "Needs hidden: a ◇ beside a name says there are some.".into()
                });
                Outcome::default()
            }
            Action::NextTheme => Outcome::effect(Effect::NextTheme),
            Action::ScoreNotYet => self.score(0, now),
            Action::ScoreALittle => self.score(1, now),
            Action::ScorePartly => self.score(2, now),
            Action::ScoreMostly => self.score(3, now),
            Action::ScoreFully => self.score(4, now),
            Action::TallyAdd => self.tally(1, now),
            Action::TallyRemove => self.tally(-1, now),
            Action::TallyLeft => {
                self.ui.tally_level = self.ui.tally_level.saturating_sub(1);
                Outcome::default()
            }
            Action::TallyRight => {
                self.ui.tally_level = (self.ui.tally_level + 1).min(4);
                Outcome::default()
            }
            Action::NewCheckpoint => {
                let label = label_for(self.state.current, self.state.stages.len());
                self.open(Popup::Checkpoint { words: Input::new(label.to_string()) })
            }
            Action::NextPanel | Action::PreviousPanel => {
                self.ui.focus = match self.ui.focus {
                    Panel::Queue => Panel::Ideas,
                    Panel::Ideas => Panel::Queue,
                };
                Outcome::default()
            }
            Action::Up => {
                self.step(-1, now);
                Outcome::default()
            }
            Action::Down => {
                self.step(1, now);
                Outcome::default()
            }
            Action::Undo => self.event(Event::Undo, now),
            Action::Help => {
                self.ui.help_scroll = 0;
                self.ask(Overlay::Help)
            }
            Action::Quit if state.running() => self.ask(Overlay::ConfirmQuit),
            Action::Quit => Outcome::effect(Effect::Quit),
            Action::Back if self.ui.merging.is_some() => {
                self.ui.merging = None;
                self.refuse("Merge cancelled.")
            }
            Action::Back => self.switch(View::Main),
            Action::Select
            | Action::Confirm
            | Action::Cancel
            | Action::PlayPause
            | Action::Speed1x
            | Action::Speed2x
            | Action::Speed10x
            | Action::Speed60x
            | Action::Speed600x
            | Action::EventBack
            | Action::EventOn
            | Action::StageBack
            | Action::StageOn
            | Action::ScrollLeft
            | Action::ScrollRight
            | Action::MarkForCompare
            | Action::CompareAll
            | Action::NextCycle => Outcome::default(),
        }
    }

    fn ask(&mut self, overlay: Overlay) -> Outcome {
        self.ui.overlay = Some(overlay);
        Outcome::default()
    }

    /// A view, or back to the main one when it is already showing.
    fn switch(&mut self, view: View) -> Outcome {
        self.ui.view = if self.ui.view == view { View::Main } else { view };
        self.ui.merging = None;
        Outcome::default()
    }

    fn open(&mut self, popup: Popup) -> Outcome {
        if self.state.ended.is_some() {
            return self.refuse("The workshop has ended; undo to reopen it.");
        }
        self.ui.popup = Some(popup);
        Outcome::default()
    }

    /// Moves the selection in the list in view.
    fn step(&mut self, by: isize, now: Ms) {
        let (selected, len) = match (self.ui.view, self.ui.focus) {
            (View::Main, Panel::Queue) => (&mut self.ui.selected, self.state.room.queue(now).len()),
            (View::Main, Panel::Ideas) | (View::Board, _) => {
                (&mut self.ui.idea, self.state.ideas.list.len())
            }
            (View::Actions, _) => (&mut self.ui.action, self.state.ideas.actions.len()),
            (View::Reflection, _) => (&mut self.ui.reflect_row, self.state.components.len() + 3),
        };
        let mut next = *selected as isize;
        // Merged ideas are not on the board: step over them.
        loop {
            next += by;
            if next < 0 || next >= len as isize {
                return;
            }
            let skip = matches!(
                (self.ui.view, self.ui.focus),
                (View::Board, _) | (View::Main, Panel::Ideas)
            ) && self.state.ideas.list[next as usize].merged_into.is_some();
            if !skip {
                break;
            }
        }
        *selected = next as usize;
    }

    /// The selected idea, if it still stands on its own; else the latest that does.
    pub fn selected_idea(&self) -> Option<usize> {
        let ideas = &self.state.ideas.list;
        match ideas.get(self.ui.idea) {
            Some(idea) if idea.merged_into.is_none() => Some(self.ui.idea),
            _ => ideas.iter().rposition(|i| i.merged_into.is_none()),
        }
    }

    fn selected_carried(&self) -> Option<usize> {
        let actions = &self.state.ideas.actions;
        actions.get(self.ui.action).filter(|a| a.carried()).map(|_| self.ui.action)
    }

    /// The component on the selected row of the reflection screen, if it is one.
    fn reflect_component(&self) -> Option<String> {
        self.state.components.get(self.ui.reflect_row).map(|c| c.name.clone())
    }

    fn score(&mut self, level: u8, now: Ms) -> Outcome {
        match self.reflect_component() {
            Some(component) => {
                self.reflecting(vec![Event::Scored { component, score: Some(level) }], now)
            }
            None => self.refuse("Scores are for the components; Enter answers this one."),
        }
    }

    fn tally(&mut self, change: i8, now: Ms) -> Outcome {
        let level = self.ui.tally_level as u8;
        match self.reflect_component() {
            Some(component) => {
                self.reflecting(vec![Event::Tallied { component, level, change }], now)
            }
            None => self.refuse("The tally is for the components."),
        }
    }

    /// Enter on the reflection screen: a note, an answer, or a place on the ladder.
    fn reflect_enter(&mut self) -> Outcome {
        let n = self.state.components.len();
        let row = self.ui.reflect_row;
        let current = self.state.reflections.current();
        let popup = match row.checked_sub(n) {
            None => {
                let note = current.and_then(|c| c.marks[row].note.clone()).unwrap_or_default();
                Popup::ReflectNote { component: row, words: Input::new(note) }
            }
            Some(q @ 0..=1) => {
                let (choice, note) = match current.and_then(|c| c.answers[q].clone()) {
                    Some((answer, note)) => {
                        (Answer::ALL.iter().position(|a| *a == answer).unwrap_or(0), note)
                    }
                    None => (0, None),
                };
                Popup::Answer {
                    question: Question::BOTH[q],
                    choice,
                    note: Input::new(note.unwrap_or_default()),
                    on_note: false,
                }
            }
            Some(_) => {
                // On this checkpoint's placement, else the last one made.
                let last = self.state.reflections.checkpoints.iter().rev().find_map(|c| c.ladder);
                let choice = current
                    .and_then(|c| c.ladder)
                    .or(last)
                    .and_then(|r| Rung::ALL.iter().position(|x| *x == r));
                Popup::Ladder { choice: choice.unwrap_or(3) }
            }
        };
        self.open(popup)
    }

    /// Reflection events, in the current checkpoint; the first starts one, labelled by where the agenda stands.
    fn reflecting(&mut self, mut events: Vec<Event>, now: Ms) -> Outcome {
        if self.state.reflections.current().is_none() {
            let label = label_for(self.state.current, self.state.stages.len()).to_string();
            events.insert(0, Event::CheckpointStarted { label });
        }
        self.events(events, now)
    }

    fn merge(&mut self, now: Ms) -> Outcome {
        let Some(selected) = self.selected_idea() else {
            return self.refuse("No ideas to merge.");
        };
        match self.ui.merging.take() {
            None => {
                self.ui.merging = Some(selected);
                self.refuse(&format!(
                    "Merge idea #{} into which? Select it and merge again; Esc cancels.",
                    selected + 1
                ))
            }
            Some(from) => self.event(Event::IdeasMerged { from, into: selected }, now),
        }
    }

    fn review(&mut self, status: ActionStatus, now: Ms) -> Outcome {
        match self.selected_carried() {
            Some(action) => self.event(Event::ActionReviewed { action, status, note: None }, now),
            None => self.refuse("Only actions carried from last time are reviewed here."),
        }
    }

    /// A key while a form is open: it is text, or it finishes the form.
    pub fn popup_key(&mut self, key: KeyEvent, now: Ms) -> Outcome {
        let today = self.today(now);
        let Some(popup) = &mut self.ui.popup else {
            return Outcome::default();
        };
        let room = &self.state.room;
        let events = match popup {
            Popup::Picker(picker) => {
                let purpose = picker.purpose;
                let name = |i: usize| room.people[i].name.clone();
                match (picker.key(key, room), purpose) {
                    (Picked::Nothing, _) => return Outcome::default(),
                    (Picked::Cancelled, _) => vec![],
                    (Picked::Person(i), Purpose::Hand(kind)) => {
                        vec![Event::HandRaised { who: name(i), kind }]
                    }
                    (Picked::Person(i), Purpose::Presence) if room.people[i].here() => {
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
                }
            }
            Popup::Capture(capture) => match capture.key(key, room, &self.state.components) {
                Captured::Nothing => return Outcome::default(),
                Captured::Cancelled => vec![],
                Captured::Refused(why) => return self.refuse(&why),
                Captured::Save { text, author, components } => {
                    vec![Event::IdeaCaptured { text, author, components }]
                }
            },
            Popup::Agree(agree) => match agree.key(key, room, today) {
                Agreed::Nothing => return Outcome::default(),
                Agreed::Cancelled => vec![],
                Agreed::Refused(why) => return self.refuse(&why),
                Agreed::Save { owner, due } => {
                    vec![Event::ActionAgreed { idea: agree.idea, owner, due }]
                }
            },
            Popup::Edit { idea, words } => match text_key(words, key) {
                Typed::Nothing => return Outcome::default(),
                Typed::Cancelled => vec![],
                Typed::Done(text) => vec![Event::IdeaEdited { idea: *idea, text }],
            },
            Popup::ReflectNote { component, words } => match text_key(words, key) {
                Typed::Nothing => return Outcome::default(),
                Typed::Cancelled => vec![],
                Typed::Done(note) => {
                    let component = self.state.components[*component].name.clone();
                    return self.close_after(
                        vec![Event::ReflectionNoted { component, note }],
                        now,
                        true,
                    );
                }
            },
            Popup::Answer { question, choice, note, on_note } => match key.code {
                KeyCode::Esc => vec![],
                KeyCode::Tab | KeyCode::BackTab => {
                    *on_note = !*on_note;
                    return Outcome::default();
                }
                KeyCode::Up if !*on_note => {
                    *choice = choice.saturating_sub(1);
                    return Outcome::default();
                }
                KeyCode::Down if !*on_note => {
                    *choice = (*choice + 1).min(Answer::ALL.len() - 1);
                    return Outcome::default();
                }
                KeyCode::Enter => {
                    let note = clean(note.value()).trim().to_string();
                    let event = Event::DirectionAnswered {
                        question: *question,
                        answer: Answer::ALL[*choice],
                        note: (!note.is_empty()).then_some(note),
                    };
                    return self.close_after(vec![event], now, true);
                }
                _ => {
                    if *on_note {
                        note.handle_event(&crate::input::TermEvent::Key(key));
                    }
                    return Outcome::default();
                }
            },
            Popup::Ladder { choice } => match key.code {
                KeyCode::Esc => vec![],
                KeyCode::Up => {
                    *choice = choice.saturating_sub(1);
                    return Outcome::default();
                }
                KeyCode::Down => {
                    *choice = (*choice + 1).min(Rung::ALL.len() - 1);
                    return Outcome::default();
                }
                KeyCode::Enter => {
                    let rung = Rung::ALL[*choice];
                    return self.close_after(vec![Event::LadderPlaced { rung }], now, true);
                }
                _ => return Outcome::default(),
            },
            Popup::Checkpoint { words } => match text_key(words, key) {
                Typed::Nothing => return Outcome::default(),
                Typed::Cancelled => vec![],
                Typed::Done(label) => vec![Event::CheckpointStarted { label }],
            },
            Popup::Note { action, words } => match text_key(words, key) {
                Typed::Nothing => return Outcome::default(),
                Typed::Cancelled => vec![],
                Typed::Done(note) => {
                    let status = self.state.ideas.actions[*action].status;
                    let note = (!note.is_empty()).then_some(note);
                    vec![Event::ActionReviewed { action: *action, status, note }]
                }
            },
        };
        self.close_after(events, now, false)
    }

    /// Makes a form's events, closing the form unless they are refused, so nothing typed is lost.
    fn close_after(&mut self, events: Vec<Event>, now: Ms, reflecting: bool) -> Outcome {
        if events.is_empty() {
            self.ui.popup = None;
            return Outcome::default();
        }
        let outcome =
            if reflecting { self.reflecting(events, now) } else { self.events(events, now) };
        // A refused form stays open, so nothing typed is lost.
        if !outcome.events.is_empty() {
            self.ui.popup = None;
            if let Some(Event::IdeaCaptured { .. }) = outcome.events.last().map(|l| &l.event) {
                self.ui.idea = self.state.ideas.list.len();
            }
        }
        outcome
    }

    fn give_floor(&mut self, now: Ms) -> Outcome {
        let room = &self.state.room;
        match room.queue(now).first() {
            Some(next) => {
                let who = room.people[next.who].name.clone();
                self.event(Event::FloorGiven { who }, now)
            }
            None if room.policy == Policy::Round => self.refuse(
                "Round complete: everyone here has spoken or passed. Change the order to open the floor.",
            ),
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
        // A turn paused with the room shows no seconds passing.
        let turn =
            self.state.room.speaking.filter(|t| !t.is_paused()).map(|t| second(t.from + t.paused));
        let queue = self.state.room.hands.first().map(|h| second(h.raised));
        [self.state.next_tick(now), turn, queue, Some(minute)].into_iter().flatten().min()
    }
}

enum Typed {
    Nothing,
    Cancelled,
    Done(String),
}

/// One line of text: Enter finishes it, Esc drops it.
fn text_key(words: &mut Input, key: KeyEvent) -> Typed {
    match key.code {
        KeyCode::Esc => Typed::Cancelled,
        KeyCode::Enter => Typed::Done(clean(words.value()).trim().to_string()),
        _ => {
            words.handle_event(&crate::input::TermEvent::Key(key));
            Typed::Nothing
        }
    }
}
