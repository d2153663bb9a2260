//! Why an event cannot happen where it stands: one kind of refusal each,
//! carrying what it is about, said in words by `Display`.

use std::fmt;

use super::action::ActionStatus;
use super::idea::LONGEST_IDEA;
use super::length::Ms;
use super::message::LONGEST_MESSAGE;
use super::plan::Policy;
use super::reflection::LEVELS;
use super::room::policy_words;

/// Indexes of stages, ideas and actions are as stored, from 0; the words
/// count from 1, as the screens do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refusal {
    // Time and the agenda.
    TooLate { at: Ms },
    OutOfOrder { at: Ms, before: Ms },
    Ended,
    TimerRunning,
    TimerStopped,
    NoStage { stage: usize, of: usize },
    AlreadyCurrent { stage: usize },
    StageTooShort,
    StageTooLong,
    NothingToUndo,
    // Ideas and actions.
    EmptyIdea,
    LongIdea { chars: usize },
    ControlInIdea,
    NoIdea { idea: usize },
    Merged { idea: usize, into: usize },
    SameWording,
    Parked { idea: usize },
    MergedIntoItself,
    AlreadyAction { idea: usize },
    AlreadyParked { idea: usize, parked: bool },
    NoOwner { name: String },
    BlindAlready,
    NotBlind,
    CarriedAlready,
    NotCarried,
    ActionAlready { status: ActionStatus },
    NoAction { action: usize },
    // Reflections.
    UnknownComponent { name: String, known: Vec<String> },
    CheckpointLabel,
    NoCheckpoint,
    Score { score: u8 },
    Level { level: u8 },
    NoOneAtLevel { level: u8 },
    LongNote,
    // Messages to the room.
    EmptyMessage,
    LongMessage { chars: usize },
    ControlInMessage,
    NoMessage,
    // The room.
    NoPerson { name: String },
    NotHere { name: String },
    WalkInUnnamed,
    Listed { name: String },
    AlreadyHere { name: String },
    SpeakingLeaves { name: String },
    HasFloor { name: String },
    Waiting { name: String },
    NoHand { name: String },
    NoOneSpeaking,
    PassOutsideRound,
    HadTheirGo { name: String },
    SameOrder { policy: Policy },
    // The door.
    DoorClosed,
    NoAddress,
    NoDevice { device: u32 },
    NotYours,
    NotFromDoor,
    NoVotesLeft { votes: u32 },
    NothingFelt,
    LongName,
    PhonesDependOnIt,
    NoOffer { offer: usize },
    OfferTaken { offer: usize },
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = |i: &usize| i.saturating_add(1);
        match self {
            Refusal::TooLate { at } => {
                write!(f, "An event within 30 days of the start; this one is {at} ms after it.")
            }
            Refusal::OutOfOrder { at, before } => write!(
                f,
                "Events go in time order: this one is at {at} ms, before the one above it at {before} ms."
            ),
            Refusal::Ended => f.write_str("The workshop has ended; undo to reopen it."),
            Refusal::TimerRunning => f.write_str("The timer is already running."),
            Refusal::TimerStopped => f.write_str("The timer is not running."),
            Refusal::NoStage { stage, of } => {
                write!(f, "There is no stage {} in a plan of {of}.", n(stage))
            }
            Refusal::AlreadyCurrent { stage } => {
                write!(f, "Stage {} is already the current one.", n(stage))
            }
            Refusal::StageTooShort => f.write_str("A stage cannot be shorter than one minute."),
            Refusal::StageTooLong => f.write_str("A stage cannot be longer than a day."),
            Refusal::NothingToUndo => f.write_str("Nothing to undo."),
            Refusal::EmptyIdea => f.write_str("An empty idea is not saved."),
            Refusal::LongIdea { chars } => write!(
                f,
                "An idea of at most {LONGEST_IDEA} characters, please: this one has {chars}. Shorten it or split it in two."
            ),
            Refusal::ControlInIdea => f.write_str("An idea without control characters."),
            Refusal::NoIdea { idea } => write!(f, "There is no idea #{}.", n(idea)),
            Refusal::Merged { idea, into } => {
                write!(f, "Idea #{} was merged into #{}.", n(idea), n(into))
            }
            Refusal::SameWording => f.write_str("That is the wording it has."),
            Refusal::Parked { idea } => {
                write!(f, "Idea #{} is parked; unpark it to vote.", n(idea))
            }
            Refusal::MergedIntoItself => f.write_str("An idea cannot be merged into itself."),
            Refusal::AlreadyAction { idea } => write!(f, "Idea #{} is an action already.", n(idea)),
            Refusal::AlreadyParked { idea, parked } => {
                let state = if *parked { "parked" } else { "not parked" };
                write!(f, "Idea #{} is {state} already.", n(idea))
            }
            Refusal::NoOwner { name } => write!(f, "There is no {name} in this session to own it."),
            Refusal::BlindAlready => f.write_str("Blind capture is on already."),
            Refusal::NotBlind => f.write_str("Blind capture is not on; nothing is hidden."),
            Refusal::CarriedAlready => {
                f.write_str("Actions were carried into this session already.")
            }
            Refusal::NotCarried => f.write_str("Only actions carried from before are reviewed."),
            Refusal::ActionAlready { status } => {
                write!(f, "That action is {} already.", status.label())
            }
            Refusal::NoAction { action } => write!(f, "There is no action #{}.", n(action)),
            Refusal::UnknownComponent { name, known } => write!(
                f,
                "There is no component {name} in this plan; it has {}.",
                known.join(", ")
            ),
            Refusal::CheckpointLabel => f.write_str(
                "A checkpoint needs a label of 1 to 60 characters, such as beginning, middle or end.",
            ),
            Refusal::NoCheckpoint => f.write_str("Start a checkpoint first."),
            Refusal::Score { score } => write!(f, "A score from 0 to 4, not {score}."),
            Refusal::Level { level } => write!(f, "A level from 0 to 4, not {level}."),
            Refusal::NoOneAtLevel { level } => {
                let words = LEVELS.get(usize::from(*level)).unwrap_or(&"?");
                write!(f, "No one is counted at \"{words}\" to take away.")
            }
            Refusal::LongNote => f.write_str("A note of at most 500 characters, on one line."),
            Refusal::EmptyMessage => {
                f.write_str("An empty message is not shown; clear the message instead.")
            }
            Refusal::LongMessage { chars } => write!(
                f,
                "A message of at most {LONGEST_MESSAGE} characters, please: this one has {chars}."
            ),
            Refusal::ControlInMessage => {
                f.write_str("A message without control characters or direction overrides.")
            }
            Refusal::NoMessage => f.write_str("No message is shown to clear."),
            Refusal::NoPerson { name } => write!(f, "There is no {name} in this session."),
            Refusal::NotHere { name } => {
                write!(f, "{name} is marked as not here; mark them arrived first.")
            }
            Refusal::WalkInUnnamed => f.write_str("A walk-in needs a name and a role."),
            Refusal::Listed { name } => write!(f, "{name} is already in the list."),
            Refusal::AlreadyHere { name } => write!(f, "{name} is already here."),
            Refusal::SpeakingLeaves { name } => {
                write!(f, "{name} has the floor; end the turn first.")
            }
            Refusal::HasFloor { name } => write!(f, "{name} has the floor already."),
            Refusal::Waiting { name } => write!(f, "{name} is already waiting."),
            Refusal::NoHand { name } => write!(f, "{name} has no hand up."),
            Refusal::NoOneSpeaking => f.write_str("No one has the floor."),
            Refusal::PassOutsideRound => {
                f.write_str("Passing is for rounds; lower the hand instead.")
            }
            Refusal::HadTheirGo { name } => write!(f, "{name} has had their go in this round."),
            Refusal::SameOrder { policy } => {
                write!(f, "The order is already {}.", policy_words(*policy))
            }
            Refusal::DoorClosed => f.write_str("The door is closed."),
            Refusal::NoAddress => f.write_str("The door needs an address to open at."),
            Refusal::NoDevice { device } => {
                write!(f, "Phone {device} has not joined; choose a name or stay anonymous first.")
            }
            Refusal::NotYours => f.write_str("A phone speaks only for the person it joined as."),
            Refusal::NotFromDoor => f.write_str("That is not something a phone can send."),
            Refusal::NoVotesLeft { votes } => {
                write!(f, "All {votes} of your votes in this stage are used.")
            }
            Refusal::NothingFelt => f.write_str("Choose an answer or say how it feels first."),
            Refusal::LongName => {
                f.write_str("A name and a role of at most 60 characters, without control characters.")
            }
            Refusal::PhonesDependOnIt => f.write_str(
                "That cannot be undone: what phones sent since depends on it, and would be lost.",
            ),
            Refusal::NoOffer { offer } => write!(f, "There is no offer #{} in the tray.", n(offer)),
            Refusal::OfferTaken { offer } => {
                write!(f, "Offer #{} has been accepted or set aside already.", n(offer))
            }
        }
    }
}

impl std::error::Error for Refusal {}
