//! Capturing an idea: its words, then (Tab) who said it, or nobody for anonymous,
//! then (Tab) the components it is about, the stage's focus to begin with.

use super::form::FormKey;
use super::form::FormResult;
use crate::input::EventHandler;
use crate::input::action::Action;
use crate::input::{KeyCode, KeyEvent, TermEvent};
use tui_input::Input;

use crate::model::Event;
use crate::model::component::Component;
use crate::model::room::Room;
use crate::model::text::{clean, ranked};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Words,
    Author,
    Components,
}

#[derive(Clone, Debug)]
pub struct Capture {
    pub words: Input,
    pub author: Input,
    pub field: Field,
    pub selected: usize,
    /// The components the idea is about, in the order they were chosen.
    pub tags: Vec<String>,
    /// The component the cursor is on, in the components field.
    pub on: usize,
}

impl Capture {
    /// A blank form, tagged with `tags` (the stage's focus) until changed.
    pub fn new(tags: Vec<String>) -> Capture {
        Capture {
            words: Input::default(),
            author: Input::default(),
            field: Field::Words,
            selected: 0,
            tags,
            on: 0,
        }
    }

    /// Who the idea may be said by, as listed: with nothing typed, nobody
    /// (anonymous, None) first and then everyone; with a name typed, the
    /// people it matches. The highlighted row is the author, whatever was typed.
    pub fn authors(&self, room: &Room) -> Vec<Option<usize>> {
        let typed = clean(self.author.value());
        let typed = typed.trim();
        let people =
            ranked(room.people.iter().map(|p| (p.name.as_str(), p.role.as_str())), typed, false);
        let anonymous = typed.is_empty().then_some(None);
        anonymous.into_iter().chain(people.into_iter().map(Some)).collect()
    }

    /// The highlighted author: Some(None) for anonymous, None when a typed name matches no one.
    pub fn author(&self, room: &Room) -> Option<Option<usize>> {
        self.authors(room).get(self.selected).copied()
    }

    pub fn key(
        &mut self,
        key: FormKey,
        room: &Room,
        components: &[Component],
    ) -> FormResult<Event> {
        match key {
            FormKey::Act(Action::Dismiss) => FormResult::Cancelled,
            FormKey::Act(Action::NextField) => {
                self.field = match self.field {
                    Field::Words => Field::Author,
                    Field::Author => Field::Components,
                    Field::Components => Field::Words,
                };
                FormResult::Nothing
            }
            FormKey::Act(Action::PreviousField) => {
                self.field = match self.field {
                    Field::Words => Field::Components,
                    Field::Author => Field::Words,
                    Field::Components => Field::Author,
                };
                FormResult::Nothing
            }
            FormKey::Act(Action::Up) if self.field == Field::Components => {
                self.on = self.on.saturating_sub(1);
                FormResult::Nothing
            }
            FormKey::Act(Action::Down) if self.field == Field::Components => {
                self.on = (self.on + 1).min(components.len().saturating_sub(1));
                FormResult::Nothing
            }
            FormKey::Type(KeyEvent { code: KeyCode::Char(' '), .. })
                if self.field == Field::Components =>
            {
                if let Some(component) = components.get(self.on) {
                    match self.tags.iter().position(|t| *t == component.name) {
                        Some(at) => {
                            self.tags.remove(at);
                        }
                        None => self.tags.push(component.name.clone()),
                    }
                }
                FormResult::Nothing
            }
            FormKey::Act(Action::Up) if self.field == Field::Author => {
                self.selected = self.selected.saturating_sub(1);
                FormResult::Nothing
            }
            FormKey::Act(Action::Down) if self.field == Field::Author => {
                self.selected = (self.selected + 1).min(self.authors(room).len().saturating_sub(1));
                FormResult::Nothing
            }
            FormKey::Act(Action::Submit) => {
                let text = clean(self.words.value()).trim().to_string();
                if text.is_empty() {
                    return FormResult::Refused("An empty idea is not saved.".into());
                }
                let components = self.tags.clone();
                match self.author(room) {
                    Some(author) => FormResult::Done(Event::IdeaCaptured {
                        text,
                        author: author.map(|i| room.people[i].name.clone()),
                        components,
                    }),
                    None => FormResult::Refused(
                        "No one by that name; leave it empty for anonymous.".into(),
                    ),
                }
            }
            FormKey::Act(_) => FormResult::Nothing,
            FormKey::Type(key) => {
                let field = match self.field {
                    Field::Words => &mut self.words,
                    Field::Author => {
                        self.selected = 0;
                        &mut self.author
                    }
                    // The components are chosen, not typed.
                    Field::Components => return FormResult::Nothing,
                };
                // Control characters never reach the text: tui-input takes printable keys only.
                field.handle_event(&TermEvent::Key(key));
                FormResult::Nothing
            }
        }
    }
}
