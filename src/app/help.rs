//! The help, the same in every mode (home, live, replay, compare): the same
//! keys open, scroll and close it, and it is drawn in the same place.

use crate::input::action::Action;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Help {
    pub open: bool,
    /// How far it is scrolled.
    pub scroll: usize,
}

impl Help {
    pub fn show(&mut self) {
        *self = Help { open: true, scroll: 0 };
    }

    /// A key while the help is open: the arrows scroll it, anything else closes it.
    pub fn key(&mut self, action: Action) {
        match action {
            Action::Up => self.scroll = self.scroll.saturating_sub(1),
            Action::Down => self.scroll += 1,
            _ => self.open = false,
        }
    }
}
