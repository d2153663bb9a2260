//! A message to the room ("Tea is in the hall, back at 14:30"): one line,
//! shown large until it is cleared or replaced.

use super::event::Event;
use super::refusal::Refusal;
use super::state::State;
use super::text::unsafe_char;

/// The longest message, in characters: a line the back of the room can read.
pub const LONGEST_MESSAGE: usize = 120;

/// What may be shown to the room as a message, or why not.
pub fn check_message(text: &str) -> Result<(), Refusal> {
    let chars = text.trim().chars().count();
    if chars == 0 {
        Err(Refusal::EmptyMessage)
    } else if chars > LONGEST_MESSAGE {
        Err(Refusal::LongMessage { chars })
    } else if text.chars().any(unsafe_char) {
        Err(Refusal::ControlInMessage)
    } else {
        Ok(())
    }
}

impl State {
    /// The message the room is shown now, if any.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// Whether a message event can happen now, and if not, why.
    pub(super) fn check_message_event(&self, event: &Event) -> Result<(), Refusal> {
        match event {
            Event::MessageShown { text } => check_message(text),
            Event::MessageCleared if self.message.is_none() => Err(Refusal::NoMessage),
            _ => Ok(()),
        }
    }

    /// Shows or clears the message; says so in words.
    pub(super) fn apply_message(&mut self, event: &Event) -> String {
        match event {
            Event::MessageShown { text } => {
                self.message = Some(text.trim().to_string());
                format!("Message to the room: {}", text.trim())
            }
            _ => {
                self.message = None;
                "Message cleared.".into()
            }
        }
    }
}
