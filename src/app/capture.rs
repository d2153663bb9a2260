//! Capturing an idea: its words, then (Tab) who said it, or nobody for anonymous.

use crossterm::event::{KeyCode, KeyEvent};
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;

use crate::model::room::Room;
use crate::model::text::{clean, ranked};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Words,
    Author,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Captured {
    Nothing,
    Cancelled,
    Save {
        text: String,
        author: Option<String>,
    },
    /// Something to say and keep the form open, so nothing typed is lost.
    Refused(String),
}

#[derive(Clone, Debug)]
pub struct Capture {
    pub words: Input,
    pub author: Input,
    pub field: Field,
    pub selected: usize,
}

impl Capture {
    pub fn new() -> Capture {
        Capture {
            words: Input::default(),
            author: Input::default(),
            field: Field::Words,
            selected: 0,
        }
    }

    /// The people the author filter matches, in seat order.
    pub fn authors(&self, room: &Room) -> Vec<usize> {
        let typed = clean(self.author.value());
        let typed = typed.trim();
        ranked(room.people.iter().map(|p| (p.name.as_str(), p.role.as_str())), typed, false)
    }

    pub fn key(&mut self, key: KeyEvent, room: &Room) -> Captured {
        match key.code {
            KeyCode::Esc => Captured::Cancelled,
            KeyCode::Tab | KeyCode::BackTab => {
                self.field = match self.field {
                    Field::Words => Field::Author,
                    Field::Author => Field::Words,
                };
                Captured::Nothing
            }
            KeyCode::Up if self.field == Field::Author => {
                self.selected = self.selected.saturating_sub(1);
                Captured::Nothing
            }
            KeyCode::Down if self.field == Field::Author => {
                self.selected = (self.selected + 1).min(self.authors(room).len().saturating_sub(1));
                Captured::Nothing
            }
            KeyCode::Enter => {
                let text = clean(self.words.value()).trim().to_string();
                if text.is_empty() {
                    return Captured::Refused("An empty idea is not saved.".into());
                }
                if clean(self.author.value()).trim().is_empty() {
                    return Captured::Save { text, author: None };
                }
                match self.authors(room).get(self.selected) {
                    Some(&i) => Captured::Save { text, author: Some(room.people[i].name.clone()) },
                    None => Captured::Refused(
                        "No one by that name; leave it empty for anonymous.".into(),
                    ),
                }
            }
            _ => {
                let field = match self.field {
                    Field::Words => &mut self.words,
                    Field::Author => {
                        self.selected = 0;
                        &mut self.author
                    }
                };
                // Control characters never reach the text: tui-input takes printable keys only.
                field.handle_event(&crossterm::event::Event::Key(key));
                Captured::Nothing
            }
        }
    }
}

impl Default for Capture {
    fn default() -> Self {
        Capture::new()
    }
}
