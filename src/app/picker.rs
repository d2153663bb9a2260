//! Picking a person: type to filter (case and accents ignored), arrows, Enter.

use super::form::FormKey;
use super::form::FormResult;
use crate::input::EventHandler;
use crate::input::TermEvent;
use crate::input::action::Action;
use tui_input::Input;

use crate::model::queue::HandKind;
use crate::model::room::Room;
use crate::model::text::{clean, ranked};

/// What the person is picked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// Raise their hand, of this kind.
    Hand(HandKind),
    /// Mark them arrived or left.
    Presence,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Choice {
    Person(usize),
    /// Someone not in the list yet, by the name typed.
    WalkIn(String),
}

/// Who a picker chose: someone in the room, or a walk-in with their role.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pick {
    Person(usize),
    WalkIn { name: String, role: String },
}

#[derive(Clone, Debug)]
pub struct Picker {
    pub purpose: Purpose,
    pub filter: Input,
    pub selected: usize,
    /// The role being typed for a walk-in, once their name is chosen.
    pub role: Option<(String, Input)>,
}

impl Picker {
    pub fn new(purpose: Purpose) -> Picker {
        Picker { purpose, filter: Input::default(), selected: 0, role: None }
    }

    /// The people the filter matches, in seat order, then "add a walk-in" when something is typed.
    pub fn choices(&self, room: &Room) -> Vec<Choice> {
        let typed = clean(self.filter.value()).trim().to_string();
        let people = room.people.iter().map(|p| (p.name.as_str(), p.role.as_str()));
        let mut out: Vec<Choice> =
            ranked(people, &typed, true).into_iter().map(Choice::Person).collect();
        if !typed.is_empty() && room.find(&typed).is_none() {
            out.push(Choice::WalkIn(typed));
        }
        out
    }

    pub fn key(&mut self, key: FormKey, room: &Room) -> FormResult<Pick> {
        if let Some((name, role)) = &mut self.role {
            return match key {
                FormKey::Act(Action::Dismiss) => {
                    self.role = None;
                    FormResult::Nothing
                }
                FormKey::Act(Action::Submit) => {
                    let role = clean(role.value()).trim().to_string();
                    if role.is_empty() {
                        FormResult::Nothing
                    } else {
                        FormResult::Done(Pick::WalkIn { name: name.clone(), role })
                    }
                }
                FormKey::Act(_) => FormResult::Nothing,
                FormKey::Type(key) => {
                    role.handle_event(&TermEvent::Key(key));
                    FormResult::Nothing
                }
            };
        }
        let choices = self.choices(room);
        match key {
            FormKey::Act(Action::Dismiss) => FormResult::Cancelled,
            FormKey::Act(Action::Up) => {
                self.selected = self.selected.saturating_sub(1);
                FormResult::Nothing
            }
            FormKey::Act(Action::Down) => {
                self.selected = (self.selected + 1).min(choices.len().saturating_sub(1));
                FormResult::Nothing
            }
            FormKey::Act(Action::NextField | Action::PreviousField) => {
                if let Purpose::Hand(kind) = self.purpose {
                    let forward = key == FormKey::Act(Action::NextField);
                    self.purpose = Purpose::Hand(match (kind, forward) {
                        (HandKind::Normal, true) | (HandKind::Process, false) => HandKind::Reply,
                        (HandKind::Reply, true) | (HandKind::Normal, false) => HandKind::Process,
                        (HandKind::Process, true) | (HandKind::Reply, false) => HandKind::Normal,
                    });
                }
                FormResult::Nothing
            }
            FormKey::Act(Action::Submit) => match choices.get(self.selected) {
                Some(Choice::Person(i)) => FormResult::Done(Pick::Person(*i)),
                Some(Choice::WalkIn(name)) => {
                    self.role = Some((name.clone(), Input::default()));
                    FormResult::Nothing
                }
                None => FormResult::Nothing,
            },
            FormKey::Act(_) => FormResult::Nothing,
            FormKey::Type(key) => {
                self.filter.handle_event(&TermEvent::Key(key));
                self.selected = 0;
                FormResult::Nothing
            }
        }
    }
}
