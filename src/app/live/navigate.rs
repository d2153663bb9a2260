//! Moving about: views, dialogs, and the selection in the list in view.

use super::{Live, Overlay, Panel, Popup, View};
use crate::app::Outcome;
use crate::model::Ms;

impl Live {
    pub(super) fn ask(&mut self, overlay: Overlay) -> Outcome {
        self.ui.overlay = Some(overlay);
        Outcome::default()
    }

    /// A view, or back to the main one when it is already showing.
    pub(super) fn switch(&mut self, view: View) -> Outcome {
        self.ui.view = if self.ui.view == view { View::Main } else { view };
        self.ui.merging = None;
        Outcome::default()
    }

    pub(super) fn open(&mut self, popup: Popup) -> Outcome {
        if self.state.ended.is_some() {
            return self.refuse("The workshop has ended; undo to reopen it.");
        }
        self.ui.popup = Some(popup);
        Outcome::default()
    }

    /// Moves the selection in the list in view.
    pub(super) fn step(&mut self, by: isize, now: Ms) {
        let (selected, len) = match (self.ui.view, self.ui.focus) {
            (View::Main, Panel::Queue) => (&mut self.ui.selected, self.state.room.queue(now).len()),
            (View::Main, Panel::Ideas) | (View::Board, _) => {
                (&mut self.ui.idea, self.state.ideas.list.len())
            }
            (View::Actions, _) => (&mut self.ui.action, self.state.ideas.actions.len()),
            (View::Reflection, _) => (&mut self.ui.reflect_row, self.state.components.len() + 3),
            (View::Door, _) => (&mut self.ui.offer, self.state.door.waiting().count()),
        };
        let mut next = *selected as isize;
        // Merged ideas are not on the board: step over them.
        loop {
            next += by;
            if next < 0 || next >= len as isize {
                return;
            }
            let skip = matches!(
                (self.ui.view, self.ui.focus),
                (View::Board, _) | (View::Main, Panel::Ideas)
            ) && self.state.ideas.list[next as usize].merged_into.is_some();
            if !skip {
                break;
            }
        }
        *selected = next as usize;
    }

    /// The selected idea, if it still stands on its own; else the latest that does.
    pub fn selected_idea(&self) -> Option<usize> {
        self.state.ideas.standing_at(self.ui.idea)
    }

    /// The selected offer of the door's tray, by its number in the tray; the last if the selection is past the end.
    pub fn selected_offer(&self) -> Option<usize> {
        let waiting: Vec<usize> = self.state.door.waiting().map(|(n, _)| n).collect();
        waiting.get(self.ui.offer).or(waiting.last()).copied()
    }

    pub(super) fn selected_carried(&self) -> Option<usize> {
        let actions = &self.state.ideas.actions;
        actions.get(self.ui.action).filter(|a| a.carried()).map(|_| self.ui.action)
    }

    /// The component on the selected row of the reflection screen, if it is one.
    pub(super) fn reflect_component(&self) -> Option<String> {
        self.state.components.get(self.ui.reflect_row).map(|c| c.name.clone())
    }
}
