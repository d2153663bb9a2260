//! Keys while a form is open: each form says what it made, and the events
//! are made from that; a refused form stays open so nothing typed is lost.

use tui_input::Input;

use super::{Live, Popup};
use crate::app::Outcome;
use crate::app::form::{FormKey, FormResult};
use crate::app::picker::{Pick, Purpose};
use crate::input::action::Action;
use crate::input::{EventHandler, TermEvent};
use crate::model::text::clean;
use crate::model::{Event, Ms};

impl Live {
    /// A key while a form is open: it is text, or it finishes the form.
    pub fn popup_key(&mut self, key: FormKey, now: Ms) -> Outcome {
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
                    (FormResult::Nothing, _) => return Outcome::default(),
                    (FormResult::Cancelled, _) => vec![],
                    (FormResult::Refused(why), _) => return self.refuse(&why),
                    (FormResult::Done(Pick::Person(i)), Purpose::Hand(kind)) => {
                        vec![Event::HandRaised { who: name(i), kind }]
                    }
                    (FormResult::Done(Pick::Person(i)), Purpose::Presence)
                        if room.people[i].here() =>
                    {
                        vec![Event::Left { who: name(i) }]
                    }
                    (FormResult::Done(Pick::Person(i)), Purpose::Presence) => {
                        vec![Event::Arrived { who: name(i) }]
                    }
                    (FormResult::Done(Pick::WalkIn { name, role }), Purpose::Hand(kind)) => vec![
                        Event::ParticipantAdded { name: name.clone(), role },
                        Event::HandRaised { who: name, kind },
                    ],
                    (FormResult::Done(Pick::WalkIn { name, role }), Purpose::Presence) => {
                        vec![Event::ParticipantAdded { name, role }]
                    }
                }
            }
            Popup::Capture(capture) => match capture.key(key, room, &self.state.components) {
                FormResult::Nothing => return Outcome::default(),
                FormResult::Cancelled => vec![],
                FormResult::Refused(why) => return self.refuse(&why),
                FormResult::Done(event) => vec![event],
            },
            Popup::Agree(agree) => match agree.key(key, room, today) {
                FormResult::Nothing => return Outcome::default(),
                FormResult::Cancelled => vec![],
                FormResult::Refused(why) => return self.refuse(&why),
                FormResult::Done(event) => vec![event],
            },
            Popup::Edit { idea, words } => match text_key(words, key) {
                FormResult::Nothing => return Outcome::default(),
                FormResult::Cancelled | FormResult::Refused(_) => vec![],
                FormResult::Done(text) => vec![Event::IdeaEdited { idea: *idea, text }],
            },
            Popup::ReflectNote { component, words } => match text_key(words, key) {
                FormResult::Nothing => return Outcome::default(),
                FormResult::Cancelled | FormResult::Refused(_) => vec![],
                FormResult::Done(note) => {
                    let component = self.state.components[*component].name.clone();
                    return self.close_after(
                        vec![Event::ReflectionNoted { component, note }],
                        now,
                        true,
                    );
                }
            },
            Popup::Answer(form) => match form.key(key) {
                FormResult::Nothing => return Outcome::default(),
                FormResult::Cancelled | FormResult::Refused(_) => vec![],
                FormResult::Done(event) => return self.close_after(vec![event], now, true),
            },
            Popup::Ladder(form) => match form.key(key) {
                FormResult::Nothing => return Outcome::default(),
                FormResult::Cancelled | FormResult::Refused(_) => vec![],
                FormResult::Done(event) => return self.close_after(vec![event], now, true),
            },
            Popup::Checkpoint { words } => match text_key(words, key) {
                FormResult::Nothing => return Outcome::default(),
                FormResult::Cancelled | FormResult::Refused(_) => vec![],
                FormResult::Done(label) => vec![Event::CheckpointStarted { label }],
            },
            Popup::Message { words } => match text_key(words, key) {
                FormResult::Nothing => return Outcome::default(),
                FormResult::Cancelled | FormResult::Refused(_) => vec![],
                // Saved empty, the form clears the message; saved as it was, it changes nothing.
                FormResult::Done(text) if text.is_empty() => match self.state.message() {
                    Some(_) => vec![Event::MessageCleared],
                    None => vec![],
                },
                FormResult::Done(text) if self.state.message() == Some(text.as_str()) => vec![],
                FormResult::Done(text) => vec![Event::MessageShown { text }],
            },
            Popup::Note { action, words } => match text_key(words, key) {
                FormResult::Nothing => return Outcome::default(),
                FormResult::Cancelled | FormResult::Refused(_) => vec![],
                FormResult::Done(note) => {
                    let status = self.state.ideas.actions[*action].status;
                    let note = (!note.is_empty()).then_some(note);
                    vec![Event::ActionReviewed { action: *action, status, note }]
                }
            },
        };
        self.close_after(events, now, false)
    }

    /// Makes a form's events, closing the form unless they are refused, so nothing typed is lost.
    pub(super) fn close_after(&mut self, events: Vec<Event>, now: Ms, reflecting: bool) -> Outcome {
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
}

/// One line of text: submitted or dismissed, or a key typed into it.
fn text_key(words: &mut Input, key: FormKey) -> FormResult<String> {
    match key {
        FormKey::Act(Action::Dismiss) => FormResult::Cancelled,
        FormKey::Act(Action::Submit) => FormResult::Done(clean(words.value()).trim().to_string()),
        FormKey::Act(_) => FormResult::Nothing,
        FormKey::Type(key) => {
            words.handle_event(&TermEvent::Key(key));
            FormResult::Nothing
        }
    }
}
