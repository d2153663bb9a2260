//! What a key means. These names are the keymap's vocabulary and the help screen's source.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Action {
    // The agenda
    StartPause,
    NextStage,
    PreviousStage,
    MoreTime,
    LessTime,
    // The floor
    RaiseHand,
    GiveFloor,
    EndTurn,
    LowerHand,
    Pass,
    ChangeOrder,
    Presence,
    // Everywhere
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
    pub const ALL: [Action; 20] = [
        Action::StartPause,
        Action::NextStage,
        Action::PreviousStage,
        Action::MoreTime,
        Action::LessTime,
        Action::RaiseHand,
        Action::GiveFloor,
        Action::EndTurn,
        Action::LowerHand,
        Action::Pass,
        Action::ChangeOrder,
        Action::Presence,
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
            | Action::RaiseHand
            | Action::GiveFloor
            | Action::EndTurn
            | Action::LowerHand
            | Action::Pass
            | Action::ChangeOrder
            | Action::Presence
            | Action::Undo => &[Live],
            Action::Help => &[Home, Live, Help],
            Action::Quit => &[Home, Live],
            Action::Up | Action::Down => &[Home, Live],
            Action::Select => &[Home],
            Action::Confirm => &[Dialog],
            Action::Cancel => &[Dialog, Help],
        }
    }

    /// One line for the help screen.
    pub fn describe(self) -> &'static str {
        match self {
            Action::StartPause => "start or pause the current stage's timer",
            Action::NextStage => "next stage, its timer running (on the last: end the workshop)",
            Action::PreviousStage => "back one stage",
            Action::MoreTime => "one minute more for the current stage",
            Action::LessTime => "one minute less for the current stage",
            Action::RaiseHand => "raise a hand (type to filter; Tab: reply or process)",
            Action::GiveFloor => "give the floor to the first in the queue",
            Action::EndTurn => "end the current turn",
            Action::LowerHand => "lower the selected hand",
            Action::Pass => "in a round: the next person passes",
            Action::ChangeOrder => "change the order: Equal, Fifo, Round",
            Action::Presence => "mark someone arrived or left, or add a walk-in",
            Action::Undo => "undo the last action (recorded too: nothing is deleted)",
            Action::Help => "this help",
            Action::Quit => "quit (the session is already saved)",
            Action::Up => "move up a list",
            Action::Down => "move down a list",
            Action::Select => "open the selected entry",
            Action::Confirm => "yes",
            Action::Cancel => "no, close or go back",
        }
    }
}
