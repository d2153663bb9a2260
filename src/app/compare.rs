//! Sessions of a series side by side, on a screen.

use super::help::Help;
use super::{Effect, Outcome};
use crate::input::action::{Action, Screen};
use crate::report::compare::Comparison;

pub struct Compare {
    pub comparison: Comparison,
    /// The first row shown.
    pub row: usize,
    /// The first session shown, when they do not all fit.
    pub column: usize,
    pub help: Help,
    /// A word about a key that did nothing; the next key replaces it.
    pub notice: Option<String>,
}

impl Compare {
    pub fn new(comparison: Comparison) -> Compare {
        // The latest sessions matter most: start scrolled to the end.
        let column = comparison.sessions.len().saturating_sub(1);
        Compare { comparison, row: 0, column, help: Help::default(), notice: None }
    }

    pub fn screen(&self) -> Screen {
        if self.help.open { Screen::Help } else { Screen::Compare }
    }

    pub fn handle(&mut self, action: Action) -> Outcome {
        self.notice = None;
        if self.help.open {
            self.help.key(action);
            return Outcome::default();
        }
        let rows = self.comparison.table().len();
        match action {
            Action::Up => self.row = self.row.saturating_sub(1),
            Action::Down => self.row = (self.row + 1).min(rows.saturating_sub(1)),
            Action::ScrollLeft => self.column = self.column.saturating_sub(1),
            Action::ScrollRight => {
                self.column =
                    (self.column + 1).min(self.comparison.sessions.len().saturating_sub(1))
            }
            Action::Help => self.help.show(),
            Action::NextTheme => return Outcome::effect(Effect::NextTheme),
            Action::Back => return Outcome::effect(Effect::Home),
            Action::Quit => return Outcome::effect(Effect::Quit),
            _ => {}
        }
        Outcome::default()
    }
}
