//! What a key means. These names are the keymap's vocabulary and the help screen's source.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Action {
    // Live workshop
    StartPause,
    NextStage,
    PreviousStage,
    MoreTime,
    LessTime,
    Undo,
    Help,
    Quit,
    // Lists and dialogs
    Up,
    Down,
    Select,
    Confirm,
    Cancel,
}

/// Where a key is read: the same key may mean different things on different screens.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Screen {
    Home,
    Live,
    /// A question waiting for yes or no.
    Dialog,
    Help,
}

impl Action {
    pub const ALL: [Action; 13] = [
        Action::StartPause,
        Action::NextStage,
        Action::PreviousStage,
        Action::MoreTime,
        Action::LessTime,
        Action::Undo,
        Action::Help,
        Action::Quit,
        Action::Up,
        Action::Down,
        Action::Select,
        Action::Confirm,
        Action::Cancel,
    ];

    /// The screens on which this action means something.
    pub fn screens(self) -> &'static [Screen] {
        use Screen::*;
        match self {
            Action::StartPause
            | Action::NextStage
            | Action::PreviousStage
            | Action::MoreTime
            | Action::LessTime
            | Action::Undo => &[Live],
            Action::Help => &[Home, Live, Help],
            Action::Quit => &[Home, Live],
            Action::Up | Action::Down | Action::Select => &[Home],
            Action::Confirm => &[Dialog],
            Action::Cancel => &[Dialog, Help],
        }
    }

    /// One line for the help screen.
    pub fn describe(self) -> &'static str {
        match self {
            Action::StartPause => "start or pause the current stage's timer",
            Action::NextStage => {
                "next stage, its timer running (on the last stage: end the workshop)"
            }
            Action::PreviousStage => "back one stage",
            Action::MoreTime => "one minute more for the current stage",
            Action::LessTime => "one minute less for the current stage",
            Action::Undo => "undo the last action (recorded too: nothing is deleted)",
            Action::Help => "this help",
            Action::Quit => "quit (the session is already saved)",
            Action::Up => "move up the list",
            Action::Down => "move down the list",
            Action::Select => "open the selected entry",
            Action::Confirm => "yes",
            Action::Cancel => "no, close or go back",
        }
    }

    /// A word or two for the hint bar.
    pub fn hint(self) -> &'static str {
        match self {
            Action::StartPause => "start/pause",
            Action::NextStage => "next",
            Action::PreviousStage => "back",
            Action::MoreTime => "+1 min",
            Action::LessTime => "−1 min",
            Action::Undo => "undo",
            Action::Help => "help",
            Action::Quit => "quit",
            Action::Up => "up",
            Action::Down => "down",
            Action::Select => "open",
            Action::Confirm => "yes",
            Action::Cancel => "no",
        }
    }
}
