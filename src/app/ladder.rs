//! The form that places the work on the ladder of participation.

use super::form::{FormKey, FormResult};
use crate::input::action::Action;
use crate::model::Event;
use crate::model::reflection::Rung;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LadderForm {
    /// The rung chosen, in `Rung::ALL`.
    pub choice: usize,
}

impl LadderForm {
    pub fn key(&mut self, key: FormKey) -> FormResult<Event> {
        match key {
            FormKey::Act(Action::Dismiss) => FormResult::Cancelled,
            FormKey::Act(Action::Up) => {
                self.choice = self.choice.saturating_sub(1);
                FormResult::Nothing
            }
            FormKey::Act(Action::Down) => {
                self.choice = (self.choice + 1).min(Rung::ALL.len() - 1);
                FormResult::Nothing
            }
            FormKey::Act(Action::Submit) => {
                let rung = Rung::ALL[self.choice.min(Rung::ALL.len() - 1)];
                FormResult::Done(Event::LadderPlaced { rung })
            }
            FormKey::Act(_) | FormKey::Type(_) => FormResult::Nothing,
        }
    }
}
