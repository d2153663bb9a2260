//! What each action does on the live screen, the ideas board, the actions
//! list and the reflection screen.

use tui_input::Input;

use super::{Live, Overlay, Panel, Popup, View};
use crate::app::agree::Agree;
use crate::app::answer::AnswerForm;
use crate::app::capture::Capture;
use crate::app::ladder::LadderForm;
use crate::app::picker::{Picker, Purpose};
use crate::app::{Effect, Outcome};
use crate::input::action::Action;
use crate::model::action::ActionStatus;
use crate::model::plan::{Policy, find_component};
use crate::model::queue::HandKind;
use crate::model::reflection::{Answer, Question, Rung, label_for};
use crate::model::{Event, Ms, Refusal};

impl Live {
    pub(super) fn act(&mut self, action: Action, now: Ms) -> Outcome {
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
                    self.refuse(&Refusal::AlreadyAction { idea }.to_string())
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
            Action::MessageRoom => {
                let shown = self.state.message().unwrap_or_default().to_string();
                self.open(Popup::Message { words: Input::new(shown) })
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
            Action::Door if state.ended.is_some() => {
                self.refuse("The workshop has ended: the door stays closed.")
            }
            Action::Door => Outcome::effect(Effect::Door),
            Action::DoorTray => self.switch(View::Door),
            Action::Accept | Action::SetAside => match self.selected_offer() {
                Some(offer) if action == Action::Accept => {
                    self.event(Event::OfferAccepted { offer }, now)
                }
                Some(offer) => self.event(Event::OfferSetAside { offer }, now),
                None => self.refuse("Nothing waits in the door's tray."),
            },
            Action::WriteReport => Outcome::effect(Effect::WriteReport(None)),
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
                self.ui.help.show();
                Outcome::default()
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
            | Action::NextCycle
            // A form's own keys reach the form, never here.
            | Action::Submit
            | Action::NextField
            | Action::PreviousField
            | Action::Dismiss => Outcome::default(),
        }
    }

    pub(super) fn give_floor(&mut self, now: Ms) -> Outcome {
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

    pub(super) fn lower_hand(&mut self, now: Ms) -> Outcome {
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

    pub(super) fn pass(&mut self, now: Ms) -> Outcome {
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

    pub(super) fn score(&mut self, level: u8, now: Ms) -> Outcome {
        match self.reflect_component() {
            Some(component) => {
                self.reflecting(vec![Event::Scored { component, score: Some(level) }], now)
            }
            None => self.refuse("Scores are for the components; Enter answers this one."),
        }
    }

    pub(super) fn tally(&mut self, change: i8, now: Ms) -> Outcome {
        let level = self.ui.tally_level as u8;
        match self.reflect_component() {
            Some(component) => {
                self.reflecting(vec![Event::Tallied { component, level, change }], now)
            }
            None => self.refuse("The tally is for the components."),
        }
    }

    /// Enter on the reflection screen: a note, an answer, or a place on the ladder.
    pub(super) fn reflect_enter(&mut self) -> Outcome {
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
                Popup::Answer(AnswerForm::new(Question::BOTH[q], choice, note.unwrap_or_default()))
            }
            Some(_) => {
                // On this checkpoint's placement, else the last one made.
                let last = self.state.reflections.checkpoints.iter().rev().find_map(|c| c.ladder);
                let choice = current
                    .and_then(|c| c.ladder)
                    .or(last)
                    .and_then(|r| Rung::ALL.iter().position(|x| *x == r));
                Popup::Ladder(LadderForm { choice: choice.unwrap_or(3) })
            }
        };
        self.open(popup)
    }

    /// Reflection events, in the current checkpoint; the first starts one, labelled by where the agenda stands.
    pub(super) fn reflecting(&mut self, mut events: Vec<Event>, now: Ms) -> Outcome {
        if self.state.reflections.current().is_none() {
            let label = label_for(self.state.current, self.state.stages.len()).to_string();
            events.insert(0, Event::CheckpointStarted { label });
        }
        self.events(events, now)
    }

    pub(super) fn merge(&mut self, now: Ms) -> Outcome {
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

    pub(super) fn review(&mut self, status: ActionStatus, now: Ms) -> Outcome {
        match self.selected_carried() {
            Some(action) => self.event(Event::ActionReviewed { action, status, note: None }, now),
            None => self.refuse("Only actions carried from last time are reviewed here."),
        }
    }
}
