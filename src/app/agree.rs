//! Turning an idea into an action: who owns it, and by when.

use super::form::FormKey;
use super::form::FormResult;
use crate::input::EventHandler;
use crate::input::TermEvent;
use crate::input::action::Action;
use chrono::NaiveDate;
use tui_input::Input;

use crate::model::Event;
use crate::model::room::Room;
use crate::model::text::{clean, ranked};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Owner,
    Due,
}

#[derive(Clone, Debug)]
pub struct Agree {
    pub idea: usize,
    pub owner: Input,
    pub due: Input,
    pub field: Field,
    pub selected: usize,
}

/// A due date from what was typed: "2026-12-15", or a span from today such as "2w" or "10 days".
pub fn due_date(typed: &str, today: NaiveDate) -> Result<Option<NaiveDate>, String> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Ok(None);
    }
    if let Ok(date) = NaiveDate::parse_from_str(typed, "%Y-%m-%d") {
        return Ok(Some(date));
    }
    let span = humantime::parse_duration(typed)
        .map_err(|_| format!("A due date such as 2026-12-15 or 2w, not \"{typed}\"."))?;
    let days = chrono::Days::new(span.as_secs().div_ceil(86_400));
    let date = today.checked_add_days(days).ok_or("That due date is too far off.")?;
    Ok(Some(date))
}

impl Agree {
    pub fn new(idea: usize) -> Agree {
        Agree {
            idea,
            owner: Input::default(),
            due: Input::default(),
            field: Field::Owner,
            selected: 0,
        }
    }

    pub fn owners(&self, room: &Room) -> Vec<usize> {
        let typed = clean(self.owner.value());
        let typed = typed.trim();
        ranked(room.people.iter().map(|p| (p.name.as_str(), p.role.as_str())), typed, false)
    }

    pub fn key(&mut self, key: FormKey, room: &Room, today: NaiveDate) -> FormResult<Event> {
        match key {
            FormKey::Act(Action::Dismiss) => FormResult::Cancelled,
            FormKey::Act(Action::NextField | Action::PreviousField) => {
                self.field = match self.field {
                    Field::Owner => Field::Due,
                    Field::Due => Field::Owner,
                };
                FormResult::Nothing
            }
            FormKey::Act(Action::Up) if self.field == Field::Owner => {
                self.selected = self.selected.saturating_sub(1);
                FormResult::Nothing
            }
            FormKey::Act(Action::Down) if self.field == Field::Owner => {
                self.selected = (self.selected + 1).min(self.owners(room).len().saturating_sub(1));
                FormResult::Nothing
            }
            FormKey::Act(Action::Submit) => {
                let Some(&owner) = self.owners(room).get(self.selected) else {
                    return FormResult::Refused("An action needs an owner from the room.".into());
                };
                match due_date(&clean(self.due.value()), today) {
                    Ok(due) => FormResult::Done(Event::ActionAgreed {
                        idea: self.idea,
                        owner: room.people[owner].name.clone(),
                        due,
                    }),
                    Err(why) => FormResult::Refused(why),
                }
            }
            FormKey::Act(_) => FormResult::Nothing,
            FormKey::Type(key) => {
                let field = match self.field {
                    Field::Owner => {
                        self.selected = 0;
                        &mut self.owner
                    }
                    Field::Due => &mut self.due,
                };
                field.handle_event(&TermEvent::Key(key));
                FormResult::Nothing
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn due_dates_from_a_date_or_a_span() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
        assert_eq!(due_date("", today), Ok(None));
        let day = |d| NaiveDate::from_ymd_opt(2026, 12, d);
        assert_eq!(due_date("2026-12-15", today), Ok(day(15)));
        assert_eq!(due_date("2w", today), Ok(day(9)));
        assert_eq!(due_date("10 days", today), Ok(day(5)));
        assert!(due_date("next tuesday", today).unwrap_err().contains("2026-12-15 or 2w"));
    }
}
