//! What a key means. These names are the keymap's vocabulary and the help screen's source.

use serde::{Deserialize, Serialize};
use strum::{EnumMessage, VariantArray};

/// Each action's doc comment is its line on the help screen.
#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    VariantArray,
    EnumMessage,
)]
pub enum Action {
    // The agenda
    /// start or pause the current stage's timer
    StartPause,
    /// next stage, its timer running (on the last: end the workshop)
    NextStage,
    /// back one stage
    PreviousStage,
    /// one minute more for the current stage
    MoreTime,
    /// one minute less for the current stage
    LessTime,
    // The floor
    /// raise a hand (type to filter; Tab: reply or process)
    RaiseHand,
    /// give the floor to the first in the queue
    GiveFloor,
    /// end the current turn
    EndTurn,
    /// lower the selected hand
    LowerHand,
    /// in a round: the next person passes
    Pass,
    /// change the order: Equal, Fifo, Round
    ChangeOrder,
    /// mark someone arrived or left, or add a walk-in
    Presence,
    // Ideas and actions
    /// capture an idea (Tab: who said it, then what it is about)
    CaptureIdea,
    /// one vote for the selected idea
    Vote,
    /// the ideas board, full screen (again: back)
    IdeasBoard,
    /// the actions: from last time and agreed now (again: back)
    ActionsList,
    /// blind capture on; when on: reveal everything
    BlindCapture,
    /// reword the selected idea (the first wording stays in the log)
    EditIdea,
    /// merge: once on an idea, once on the idea it joins
    MergeIdea,
    /// park the selected idea, or bring it back
    ParkIdea,
    /// turn the selected idea into an action: owner and due date
    MakeAction,
    /// the selected action is done
    MarkDone,
    /// the selected action is in progress
    MarkInProgress,
    /// the selected action is dropped
    MarkDropped,
    /// a note on the selected action or component; an answer to a question
    WriteNote,
    // Reflections
    /// reflections on the components (again: back)
    Reflect,
    /// score the selected component 0: not yet
    ScoreNotYet,
    /// score it 1: a little
    ScoreALittle,
    /// score it 2: partly
    ScorePartly,
    /// score it 3: mostly
    ScoreMostly,
    /// score it 4: fully
    ScoreFully,
    /// one more person at the tally's level
    TallyAdd,
    /// one fewer person at the tally's level
    TallyRemove,
    /// the tally's level one lower
    TallyLeft,
    /// the tally's level one higher
    TallyRight,
    /// a new checkpoint: beginning, middle, end or your own name
    NewCheckpoint,
    // The room
    /// projection view: big timer, who speaks, who is next (again: back)
    Projection,
    /// a message to the room, large until cleared (saved empty: cleared)
    MessageRoom,
    /// show participants' needs in words, or hide them behind a ◇
    ShowNeeds,
    /// next theme: dark, light, high contrast, colour-blind, mono
    NextTheme,
    // The door
    /// open the door for phones (its address and code shown), or close it
    Door,
    /// the door: its QR code and address, and the tray of what phones sent (again: back)
    DoorTray,
    /// accept the selected offer of the door's tray
    Accept,
    /// set the selected offer of the door's tray aside
    SetAside,
    // Replay
    /// play or pause the replay
    PlayPause,
    /// play at 1×
    Speed1x,
    /// play at 2×
    Speed2x,
    /// play at 10×
    Speed10x,
    /// play at 60×
    Speed60x,
    /// play at 600×
    Speed600x,
    /// one event back
    EventBack,
    /// one event on
    EventOn,
    /// back to the start of this stage, or the one before
    StageBack,
    /// on to the next stage
    StageOn,
    // Compare
    /// earlier sessions
    ScrollLeft,
    /// later sessions
    ScrollRight,
    /// mark a recorded session to compare, or unmark it
    MarkForCompare,
    /// compare the selected series with its rehearsals and unfinished sessions too
    CompareAll,
    /// the next cycle of the selected finished session: its plan, with its open actions
    NextCycle,
    /// write the report for everyone who took part: an HTML page beside the session file
    WriteReport,
    // Everywhere
    /// next panel: the queue or the ideas
    NextPanel,
    /// previous panel
    PreviousPanel,
    /// undo the last action (recorded too: nothing is deleted)
    Undo,
    /// this help
    Help,
    /// quit (the session is already saved)
    Quit,
    // Lists and dialogs
    /// move up a list
    Up,
    /// move down a list
    Down,
    /// open the selected entry
    Select,
    /// yes
    Confirm,
    /// no
    Cancel,
    /// close; back to the live screen; from a replay or a comparison, the home screen
    Back,
    // Forms
    /// save what the form holds
    Submit,
    /// the form's next field
    NextField,
    /// the form's field before
    PreviousField,
    /// close the form; nothing is saved
    Dismiss,
}

/// Where a key is read: the same key may mean different things on different screens.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Screen {
    Home,
    Live,
    /// The ideas board, full screen.
    Board,
    /// The actions, full screen: those carried from before and those agreed now.
    Actions,
    /// Reflections on the components, full screen.
    Reflection,
    /// The door, full screen: its code, and the tray of what phones sent.
    Door,
    /// A recorded session played back.
    Replay,
    /// Sessions side by side.
    Compare,
    /// A question waiting for yes or no.
    Dialog,
    /// A form open for typing: keys that type text are always text there.
    Form,
    Help,
    /// The room's view of a workshop run from another console (`roundtable show`).
    Room,
}

impl Action {
    /// Every action, in the order the help screen lists them.
    pub const ALL: &'static [Action] = <Action as VariantArray>::VARIANTS;

    /// The screens on which this action means something.
    pub fn screens(self) -> &'static [Screen] {
        use Screen::*;
        match self {
            Action::MoreTime
            | Action::LessTime
            | Action::RaiseHand
            | Action::GiveFloor
            | Action::EndTurn
            | Action::LowerHand
            | Action::Pass
            | Action::ChangeOrder
            | Action::Presence
            | Action::NextPanel
            | Action::PreviousPanel => &[Live],
            Action::Projection => &[Live, Replay],
            Action::ShowNeeds | Action::MessageRoom => &[Live],
            Action::NextTheme => {
                &[Home, Live, Board, Actions, Reflection, Door, Replay, Compare, Room]
            }
            Action::Door | Action::DoorTray => &[Live, Board, Actions, Reflection, Door],
            Action::Accept | Action::SetAside => &[Door],
            Action::PlayPause
            | Action::Speed1x
            | Action::Speed2x
            | Action::Speed10x
            | Action::Speed60x
            | Action::Speed600x
            | Action::EventBack
            | Action::EventOn
            | Action::StageBack
            | Action::StageOn => &[Replay],
            Action::ScrollLeft | Action::ScrollRight => &[Compare],
            Action::MarkForCompare | Action::CompareAll | Action::NextCycle => &[Home],
            Action::WriteReport => &[Home, Live, Board, Actions, Reflection, Door],
            Action::CaptureIdea | Action::Vote => &[Live, Board],
            Action::IdeasBoard => &[Live, Board, Replay],
            Action::BlindCapture => &[Live, Board, Reflection],
            Action::ActionsList => &[Live, Actions, Replay],
            Action::EditIdea | Action::MergeIdea | Action::ParkIdea | Action::MakeAction => {
                &[Board]
            }
            Action::MarkDone | Action::MarkInProgress | Action::MarkDropped => &[Actions],
            Action::WriteNote => &[Actions, Reflection],
            Action::Reflect => &[Live, Reflection, Replay],
            Action::ScoreNotYet
            | Action::ScoreALittle
            | Action::ScorePartly
            | Action::ScoreMostly
            | Action::ScoreFully
            | Action::TallyAdd
            | Action::TallyRemove
            | Action::TallyLeft
            | Action::TallyRight
            | Action::NewCheckpoint => &[Reflection],
            Action::StartPause | Action::NextStage | Action::PreviousStage | Action::Undo => {
                &[Live, Board, Actions, Reflection, Door]
            }
            Action::Quit => &[Home, Live, Board, Actions, Reflection, Door, Replay, Compare, Room],
            Action::Help => {
                &[Home, Live, Board, Actions, Reflection, Door, Replay, Compare, Help, Room]
            }
            Action::Up | Action::Down => {
                &[Home, Live, Board, Actions, Reflection, Door, Compare, Help, Form]
            }
            Action::Submit | Action::NextField | Action::PreviousField | Action::Dismiss => &[Form],
            Action::Select => &[Home],
            Action::Confirm => &[Dialog],
            Action::Cancel => &[Dialog],
            Action::Back => &[Help, Board, Actions, Reflection, Door, Replay, Compare],
        }
    }

    /// One line for the help screen: the action's doc comment.
    pub fn describe(self) -> &'static str {
        self.get_documentation().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_says_in_one_line_what_it_does() {
        assert_eq!(Action::ALL.len(), 75);
        assert_eq!(Action::StartPause.describe(), "start or pause the current stage's timer");
        for action in Action::ALL {
            let said = action.describe();
            assert!(!said.is_empty() && !said.contains('\n'), "{action:?}: {said:?}");
            assert_eq!(said, said.trim(), "{action:?}");
            assert!(!action.screens().is_empty(), "{action:?} works on no screen");
        }
    }
}
