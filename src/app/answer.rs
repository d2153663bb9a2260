//! The form that answers one of the two questions that check direction: an
//! answer chosen with the arrows, and a note typed beside it.

use tui_input::Input;

use super::form::{FormKey, FormResult};
use crate::input::action::Action;
use crate::input::{EventHandler, TermEvent};
use crate::model::Event;
use crate::model::reflection::{Answer, Question};
use crate::model::text::clean;

#[derive(Clone, Debug)]
pub struct AnswerForm {
    pub question: Question,
    /// The answer chosen, in `Answer::ALL`.
    pub choice: usize,
    pub note: Input,
    /// Whether keys go into the note rather than the choice.
    pub on_note: bool,
}

impl AnswerForm {
    pub fn new(question: Question, choice: usize, note: String) -> AnswerForm {
        AnswerForm { question, choice, note: Input::new(note), on_note: false }
    }

    pub fn key(&mut self, key: FormKey) -> FormResult<Event> {
        match key {
            FormKey::Act(Action::Dismiss) => FormResult::Cancelled,
            FormKey::Act(Action::NextField | Action::PreviousField) => {
                self.on_note = !self.on_note;
                FormResult::Nothing
            }
            FormKey::Act(Action::Up) if !self.on_note => {
                self.choice = self.choice.saturating_sub(1);
                FormResult::Nothing
            }
            FormKey::Act(Action::Down) if !self.on_note => {
                self.choice = (self.choice + 1).min(Answer::ALL.len() - 1);
                FormResult::Nothing
            }
            FormKey::Act(Action::Submit) => {
                let note = clean(self.note.value()).trim().to_string();
                FormResult::Done(Event::DirectionAnswered {
                    question: self.question,
                    answer: Answer::ALL[self.choice.min(Answer::ALL.len() - 1)],
                    note: (!note.is_empty()).then_some(note),
                })
            }
            FormKey::Act(_) => FormResult::Nothing,
            FormKey::Type(key) => {
                if self.on_note {
                    self.note.handle_event(&TermEvent::Key(key));
                }
                FormResult::Nothing
            }
        }
    }
}
