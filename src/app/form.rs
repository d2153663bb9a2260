//! What a key does to an open form, said the same way by every form.

use crate::input::KeyEvent;
use crate::input::action::{Action, Screen};
use crate::input::keymap::{Key, Keymap};

/// What a key did to an open form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormResult<T> {
    /// The form stays open: a key was typed, or a choice moved.
    Nothing,
    /// The form is dropped and nothing is recorded.
    Cancelled,
    /// Something to say, with the form kept open so nothing typed is lost.
    Refused(String),
    Done(T),
}

/// A key pressed in an open form: one of the form's actions, as the keymap
/// has them on the form screen, or a key to type into the field. A key that
/// types text is always text, whatever the keymap says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormKey {
    Act(Action),
    Type(KeyEvent),
}

impl FormKey {
    pub fn of(event: KeyEvent, keymap: &Keymap) -> FormKey {
        let key = Key::from_event(&event);
        match keymap.action(Screen::Form, key) {
            Some(action) if !key.types_text() => FormKey::Act(action),
            _ => FormKey::Type(event),
        }
    }
}
