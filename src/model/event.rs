//! Every change made during a workshop, as it is written in the session file.

use serde::{Deserialize, Serialize};

use super::action::{ActionStatus, Carried};
use super::length::Ms;
use super::plan::Policy;
use super::queue::HandKind;
use super::reflection::{Answer, Question, Rung};

/// One line of the log: what happened, and when, in milliseconds since the session began.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Logged {
    pub at: Ms,
    pub event: Event,
    /// Where it came from, when not the facilitator's keyboard: a phone at the door.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Source>,
}

impl Logged {
    /// An event the facilitator made.
    pub fn new(at: Ms, event: Event) -> Logged {
        Logged { at, event, from: None }
    }

    /// Whether an undo may take it back: the facilitator's own actions only,
    /// never what a phone sent.
    pub fn undoable(&self) -> bool {
        self.from.is_none() && self.event.undoable()
    }
}

/// Where an event came from, other than the facilitator's keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Source {
    /// A phone at the door: its device number (1, 2, …; never its address),
    /// or none for what is always anonymous (a reflection answer).
    Door { device: Option<u32> },
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Event {
    /// The current stage's timer starts, or carries on after a pause.
    TimerStarted,
    TimerPaused,
    /// The current stage ends and stage `to` (the next, or the one before) begins, its timer running.
    StageChanged {
        to: usize,
    },
    /// A stage gets more time (or less, when `by_s` is negative).
    StageExtended {
        stage: usize,
        by_s: i64,
    },
    WorkshopEnded,
    /// The console came back after it stopped (a quit, a crash, a power cut):
    /// a running timer was paused when the last sign of life was recorded.
    Resumed {
        gap_s: u64,
    },
    /// Takes back the most recent action that can be taken back. Nothing leaves the log.
    Undo,
    /// Someone wants the floor.
    HandRaised {
        who: String,
        #[serde(default)]
        kind: HandKind,
    },
    HandLowered {
        who: String,
    },
    /// `who` has the floor; any turn in progress ends.
    FloorGiven {
        who: String,
    },
    TurnEnded,
    /// In a round, `who` lets their go pass.
    Passed {
        who: String,
    },
    /// Who goes next from now: Equal, Fifo or Round.
    PolicySet {
        policy: Policy,
    },
    /// A walk-in, here from now.
    ParticipantAdded {
        name: String,
        role: String,
    },
    Arrived {
        who: String,
    },
    Left {
        who: String,
    },
    /// An idea, as said, by `author` or anonymous; tagged with the components it serves.
    IdeaCaptured {
        text: String,
        #[serde(default)]
        author: Option<String>,
        #[serde(default)]
        components: Vec<String>,
    },
    /// New wording for idea number `idea`; the first wording stays above in the log.
    IdeaEdited {
        idea: usize,
        text: String,
    },
    Voted {
        idea: usize,
    },
    /// Idea `from` joins idea `into`, with its votes.
    IdeasMerged {
        from: usize,
        into: usize,
    },
    IdeaParked {
        idea: usize,
        parked: bool,
    },
    /// Idea `idea` becomes an action for `owner`, due on a date (YYYY-MM-DD) if one is set.
    ActionAgreed {
        idea: usize,
        owner: String,
        #[serde(default, deserialize_with = "super::action::read_due")]
        due: Option<chrono::NaiveDate>,
    },
    /// From now, new ideas, their authors and all vote counts stay hidden until revealed.
    BlindStarted,
    IdeasRevealed,
    /// The open actions of the session before, brought into this one.
    ActionsCarried {
        from: String,
        actions: Vec<Carried>,
    },
    /// How an action carried from before has gone: "you said, we did".
    ActionReviewed {
        action: usize,
        status: ActionStatus,
        #[serde(default)]
        note: Option<String>,
    },
    /// A reflection checkpoint: beginning, middle, end, or a name of the group's own.
    CheckpointStarted {
        label: String,
    },
    /// The group's score for a component in the current checkpoint, 0 (not yet) to 4 (fully); None clears it.
    Scored {
        component: String,
        score: Option<u8>,
    },
    /// One more (`change: 1`) or one fewer (`-1`) person choosing `level` for a component.
    Tallied {
        component: String,
        level: u8,
        change: i8,
    },
    ReflectionNoted {
        component: String,
        note: String,
    },
    DirectionAnswered {
        question: Question,
        answer: Answer,
        #[serde(default)]
        note: Option<String>,
    },
    /// Where the work stands on the ladder of co-production.
    LadderPlaced {
        rung: Rung,
    },
    /// A one-line message to the room, shown large until cleared or replaced.
    MessageShown {
        text: String,
    },
    MessageCleared,
    /// The door opens (or opens again) at `address`, room code included:
    /// phones on the room's network can take part.
    DoorOpened {
        address: String,
    },
    DoorClosed,
    /// A phone joins, as a person of the room or anonymous; it is the next device.
    Joined {
        #[serde(default)]
        who: Option<String>,
    },
    /// A phone asks to be added as a walk-in; it waits in the door's tray.
    WalkInAsked {
        name: String,
        role: String,
    },
    /// An idea sent from a phone, waiting in the door's tray for the facilitator.
    IdeaOffered {
        text: String,
        #[serde(default)]
        author: Option<String>,
        #[serde(default)]
        components: Vec<String>,
    },
    /// The facilitator takes offer number `offer` of the tray: the idea joins
    /// the board, the walk-in joins the room.
    OfferAccepted {
        offer: usize,
    },
    OfferSetAside {
        offer: usize,
    },
    /// One person's answer to the direction questions, and how it feels, from a phone: always anonymous.
    Felt {
        #[serde(default)]
        answers: Vec<(Question, Answer)>,
        #[serde(default)]
        note: Option<String>,
    },
}

impl Event {
    /// Every text the event carries, to be made safe to show.
    fn texts_mut(&mut self) -> Vec<&mut String> {
        match self {
            Event::HandRaised { who, .. }
            | Event::HandLowered { who }
            | Event::FloorGiven { who }
            | Event::Passed { who }
            | Event::Arrived { who }
            | Event::Left { who } => vec![who],
            Event::ParticipantAdded { name, role } => vec![name, role],
            Event::IdeaCaptured { text, author, components } => {
                let mut texts = vec![text];
                texts.extend(author.as_mut());
                texts.extend(components.iter_mut());
                texts
            }
            Event::IdeaEdited { text, .. } => vec![text],
            Event::ActionAgreed { owner, .. } => vec![owner],
            Event::ActionsCarried { from, actions } => {
                let mut texts = vec![from];
                for a in actions {
                    texts.push(&mut a.text);
                    texts.push(&mut a.owner);
                    texts.extend(a.note.as_mut());
                }
                texts
            }
            Event::ActionReviewed { note, .. } | Event::DirectionAnswered { note, .. } => {
                note.as_mut().into_iter().collect()
            }
            Event::CheckpointStarted { label } => vec![label],
            Event::MessageShown { text } => vec![text],
            Event::DoorOpened { address } => vec![address],
            Event::Joined { who } => who.as_mut().into_iter().collect(),
            Event::WalkInAsked { name, role } => vec![name, role],
            Event::IdeaOffered { text, author, components } => {
                let mut texts = vec![text];
                texts.extend(author.as_mut());
                texts.extend(components.iter_mut());
                texts
            }
            Event::Felt { note, .. } => note.as_mut().into_iter().collect(),
            Event::Scored { component, .. } | Event::Tallied { component, .. } => vec![component],
            Event::ReflectionNoted { component, note } => vec![component, note],
            Event::TimerStarted
            | Event::TimerPaused
            | Event::StageChanged { .. }
            | Event::StageExtended { .. }
            | Event::WorkshopEnded
            | Event::Resumed { .. }
            | Event::Undo
            | Event::TurnEnded
            | Event::PolicySet { .. }
            | Event::Voted { .. }
            | Event::IdeasMerged { .. }
            | Event::IdeaParked { .. }
            | Event::BlindStarted
            | Event::IdeasRevealed
            | Event::LadderPlaced { .. }
            | Event::MessageCleared
            | Event::DoorClosed
            | Event::OfferAccepted { .. }
            | Event::OfferSetAside { .. } => Vec::new(),
        }
    }

    /// Writes out any control character or direction override in the event's
    /// texts (`\u{1b}`): a file recorded before they were refused is shown,
    /// never obeyed. True when something was changed.
    pub fn neutralise(&mut self) -> bool {
        let mut changed = false;
        for text in self.texts_mut() {
            if let std::borrow::Cow::Owned(shown) = super::text::visible(text) {
                *text = shown;
                changed = true;
            }
        }
        changed
    }

    /// Events about ideas and actions, rather than the agenda or the room.
    pub fn is_about_ideas(&self) -> bool {
        matches!(
            self,
            Event::IdeaCaptured { .. }
                | Event::IdeaEdited { .. }
                | Event::Voted { .. }
                | Event::IdeasMerged { .. }
                | Event::IdeaParked { .. }
                | Event::ActionAgreed { .. }
                | Event::BlindStarted
                | Event::IdeasRevealed
                | Event::ActionsCarried { .. }
                | Event::ActionReviewed { .. }
        )
    }

    /// Events about reflections on the components.
    pub fn is_about_reflection(&self) -> bool {
        matches!(
            self,
            Event::CheckpointStarted { .. }
                | Event::Scored { .. }
                | Event::Tallied { .. }
                | Event::ReflectionNoted { .. }
                | Event::DirectionAnswered { .. }
                | Event::LadderPlaced { .. }
                | Event::Felt { .. }
        )
    }

    /// Things the facilitator did, as opposed to what the console recorded about itself.
    pub fn undoable(&self) -> bool {
        !matches!(
            self,
            Event::Resumed { .. }
                | Event::Undo
                | Event::ActionsCarried { .. }
                | Event::DoorOpened { .. }
                | Event::DoorClosed
                | Event::Joined { .. }
                | Event::WalkInAsked { .. }
                | Event::IdeaOffered { .. }
                | Event::Felt { .. }
        )
    }

    /// Events about the door and what phones send through it, other than
    /// those (a hand, a vote, a tally) that any keyboard could make.
    pub fn is_about_door(&self) -> bool {
        matches!(
            self,
            Event::DoorOpened { .. }
                | Event::DoorClosed
                | Event::Joined { .. }
                | Event::WalkInAsked { .. }
                | Event::IdeaOffered { .. }
                | Event::OfferAccepted { .. }
                | Event::OfferSetAside { .. }
        )
    }
}
