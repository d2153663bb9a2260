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
    // Ideas and actions
    CaptureIdea,
    Vote,
    IdeasBoard,
    ActionsList,
    BlindCapture,
    EditIdea,
    MergeIdea,
    ParkIdea,
    MakeAction,
    MarkDone,
    MarkInProgress,
    MarkDropped,
    WriteNote,
    // Reflections
    Reflect,
    ScoreNotYet,
    ScoreALittle,
    ScorePartly,
    ScoreMostly,
    ScoreFully,
    TallyAdd,
    TallyRemove,
    TallyLeft,
    TallyRight,
    NewCheckpoint,
    // The room
    Projection,
    ShowNeeds,
    NextTheme,
    // Replay
    PlayPause,
    Speed1x,
    Speed2x,
    Speed10x,
    Speed60x,
    Speed600x,
    EventBack,
    EventOn,
    StageBack,
    StageOn,
    // Compare
    ScrollLeft,
    ScrollRight,
    MarkForCompare,
    CompareAll,
    NextCycle,
    // Everywhere
    NextPanel,
    PreviousPanel,
    Undo,
    Help,
    Quit,
    // Lists and dialogs
    Up,
    Down,
    Select,
    Confirm,
    Cancel,
    Back,
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
    /// A recorded session played back.
    Replay,
    /// Sessions side by side.
    Compare,
    /// A question waiting for yes or no.
    Dialog,
    Help,
}

impl Action {
    pub const ALL: [Action; 65] = [
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
        Action::CaptureIdea,
        Action::Vote,
        Action::IdeasBoard,
        Action::ActionsList,
        Action::BlindCapture,
        Action::EditIdea,
        Action::MergeIdea,
        Action::ParkIdea,
        Action::MakeAction,
        Action::MarkDone,
        Action::MarkInProgress,
        Action::MarkDropped,
        Action::WriteNote,
        Action::Reflect,
        Action::ScoreNotYet,
        Action::ScoreALittle,
        Action::ScorePartly,
        Action::ScoreMostly,
        Action::ScoreFully,
        Action::TallyAdd,
        Action::TallyRemove,
        Action::TallyLeft,
        Action::TallyRight,
        Action::NewCheckpoint,
        Action::Projection,
        Action::ShowNeeds,
        Action::NextTheme,
        Action::PlayPause,
        Action::Speed1x,
        Action::Speed2x,
        Action::Speed10x,
        Action::Speed60x,
        Action::Speed600x,
        Action::EventBack,
        Action::EventOn,
        Action::StageBack,
        Action::StageOn,
        Action::ScrollLeft,
        Action::ScrollRight,
        Action::MarkForCompare,
        Action::CompareAll,
        Action::NextCycle,
        Action::NextPanel,
        Action::PreviousPanel,
        Action::Undo,
        Action::Help,
        Action::Quit,
        Action::Up,
        Action::Down,
        Action::Select,
        Action::Confirm,
        Action::Cancel,
        Action::Back,
    ];

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
            Action::ShowNeeds => &[Live],
            Action::NextTheme => &[Home, Live, Board, Actions, Reflection, Replay, Compare],
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
                &[Live, Board, Actions, Reflection]
            }
            Action::Quit => &[Home, Live, Board, Actions, Reflection, Replay, Compare],
            Action::Help => &[Home, Live, Board, Actions, Reflection, Replay, Compare, Help],
            Action::Up | Action::Down => &[Home, Live, Board, Actions, Reflection, Compare, Help],
            Action::Select => &[Home],
            Action::Confirm => &[Dialog],
            Action::Cancel => &[Dialog],
            Action::Back => &[Help, Board, Actions, Reflection, Replay, Compare],
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
            Action::CaptureIdea => "capture an idea (Tab: who said it, then what it is about)",
            Action::Vote => "one vote for the selected idea",
            Action::IdeasBoard => "the ideas board, full screen (again: back)",
            Action::ActionsList => "the actions: from last time and agreed now (again: back)",
            Action::BlindCapture => "blind capture on; when on: reveal everything",
            Action::EditIdea => "reword the selected idea (the first wording stays in the log)",
            Action::MergeIdea => "merge: once on an idea, once on the idea it joins",
            Action::ParkIdea => "park the selected idea, or bring it back",
            Action::MakeAction => "turn the selected idea into an action: owner and due date",
            Action::MarkDone => "the selected action is done",
            Action::MarkInProgress => "the selected action is in progress",
            Action::MarkDropped => "the selected action is dropped",
            Action::WriteNote => {
                "a note on the selected action or component; an answer to a question"
            }
            Action::Reflect => "reflections on the components (again: back)",
            Action::ScoreNotYet => "score the selected component 0: not yet",
            Action::ScoreALittle => "score it 1: a little",
            Action::ScorePartly => "score it 2: partly",
            Action::ScoreMostly => "score it 3: mostly",
            Action::ScoreFully => "score it 4: fully",
            Action::TallyAdd => "one more person at the tally's level",
            Action::TallyRemove => "one fewer person at the tally's level",
            Action::TallyLeft => "the tally's level one lower",
            Action::TallyRight => "the tally's level one higher",
            Action::NewCheckpoint => "a new checkpoint: beginning, middle, end or your own name",
            Action::NextPanel => "next panel: the queue or the ideas",
            Action::PreviousPanel => "previous panel",
            Action::Undo => "undo the last action (recorded too: nothing is deleted)",
            Action::Help => "this help",
            Action::Quit => "quit (the session is already saved)",
            Action::Up => "move up a list",
            Action::Down => "move down a list",
            Action::Select => "open the selected entry",
            Action::Confirm => "yes",
            Action::Cancel => "no",
            Action::Back => {
                "close; back to the live screen; from a replay or a comparison, the home screen"
            }
            Action::Projection => {
                "projection view: big timer, who speaks, who is next (again: back)"
            }
            Action::ShowNeeds => "show participants' needs in words, or hide them behind a ◇",
            Action::NextTheme => "next theme: dark, light, high contrast, colour-blind, mono",
            Action::PlayPause => "play or pause the replay",
            Action::Speed1x => "play at 1×",
            Action::Speed2x => "play at 2×",
            Action::Speed10x => "play at 10×",
            Action::Speed60x => "play at 60×",
            Action::Speed600x => "play at 600×",
            Action::EventBack => "one event back",
            Action::EventOn => "one event on",
            Action::StageBack => "back to the start of this stage, or the one before",
            Action::StageOn => "on to the next stage",
            Action::ScrollLeft => "earlier sessions",
            Action::ScrollRight => "later sessions",
            Action::MarkForCompare => "mark a recorded session to compare, or unmark it",
            Action::NextCycle => {
                "the next cycle of the selected finished session: its plan, with its open actions"
            }
            Action::CompareAll => {
                "compare the selected series with its rehearsals and unfinished sessions too"
            }
        }
    }
}
