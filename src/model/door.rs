//! The door: phones in the room taking part, what they sent, and the tray
//! where their ideas and walk-ins wait for the facilitator.

use std::collections::HashMap;

use super::component::Component;
use super::event::{Event, Logged, Source};
use super::idea::{Ideas, check_text};
use super::length::Ms;
use super::plan::find_component;
use super::reflection::Reflections;
use super::refusal::Refusal;
use super::room::Room;

/// The longest name or role a walk-in may give from a phone.
pub const LONGEST_NAME: usize = 60;

/// The longest "how does it feel?" a phone may send, as a reflection note.
pub const LONGEST_FEELING: usize = 500;

/// Something a phone sent that waits for the facilitator.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Offered {
    Idea { text: String, author: Option<String>, components: Vec<String> },
    WalkIn { name: String, role: String },
}

/// What became of an offer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fate {
    Waiting,
    Accepted,
    SetAside,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Offer {
    /// The phone it came from; none for an anonymous idea, which names no phone.
    pub device: Option<u32>,
    pub what: Offered,
    pub fate: Fate,
}

/// Whose votes are counted together: a person's, whatever phone they use;
/// an anonymous phone's, on its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Voter {
    Person(usize),
    Device(u32),
}

/// How many of each came through the door, for the report.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Came {
    pub phones: u32,
    pub ideas: u32,
    pub hands: u32,
    pub votes: u32,
    /// Scores given to the room's tally.
    pub scores: u32,
    /// Answers to the direction questions, or how it feels.
    pub reflections: u32,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Door {
    /// The address phones open, room code included, while the door is open.
    pub open: Option<String>,
    /// The address it last had: the room code stays the same when it opens again.
    pub address: Option<String>,
    /// Device `n` (from 1) is `devices[n - 1]`: the person it joined as, or none.
    pub devices: Vec<Option<usize>>,
    pub tray: Vec<Offer>,
    /// Votes cast from phones, by stage and voter.
    pub votes: HashMap<(usize, Voter), u32>,
    pub came: Came,
}

impl Door {
    /// The room code: the last part of the address.
    pub fn code(&self) -> Option<&str> {
        self.address.as_deref().and_then(|a| a.rsplit('/').next()).filter(|c| !c.is_empty())
    }

    /// The person device `device` joined as, if it joined with a name.
    pub fn person(&self, device: u32) -> Option<usize> {
        self.devices.get((device as usize).checked_sub(1)?).copied().flatten()
    }

    pub fn known(&self, device: u32) -> bool {
        device >= 1 && (device as usize) <= self.devices.len()
    }

    /// The number the next phone to join gets.
    pub fn next_device(&self) -> u32 {
        self.devices.len() as u32 + 1
    }

    pub fn voter(&self, device: u32) -> Voter {
        self.person(device).map_or(Voter::Device(device), Voter::Person)
    }

    /// Votes `device`'s voter has cast from phones in `stage`.
    pub fn votes_cast(&self, stage: usize, device: u32) -> u32 {
        self.votes.get(&(stage, self.voter(device))).copied().unwrap_or(0)
    }

    /// Offers still waiting, with their numbers, oldest first.
    pub fn waiting(&self) -> impl Iterator<Item = (usize, &Offer)> {
        self.tray.iter().enumerate().filter(|(_, o)| o.fate == Fate::Waiting)
    }

    fn offer(&self, offer: usize) -> Result<&Offer, Refusal> {
        match self.tray.get(offer) {
            None => Err(Refusal::NoOffer { offer }),
            Some(o) if o.fate != Fate::Waiting => Err(Refusal::OfferTaken { offer }),
            Some(o) => Ok(o),
        }
    }
}

/// What a phone may send, and the door must be open for it: the checks that
/// come before the event's own (an idea's length, a known person).
#[allow(clippy::too_many_arguments)]
pub fn check_from(
    door: &Door,
    logged: &Logged,
    room: &Room,
    ideas: &Ideas,
    reflections: &Reflections,
    components: &[Component],
    stage: usize,
    votes: Option<u32>,
) -> Result<(), Refusal> {
    let Some(Source::Door { device }) = logged.from else {
        return Ok(());
    };
    if door.open.is_none() {
        return Err(Refusal::DoorClosed);
    }
    let joined = device.is_some_and(|d| door.known(d));
    match (&logged.event, device) {
        (Event::Joined { who }, Some(d)) => {
            if d != door.next_device() {
                return Err(Refusal::NoDevice { device: d });
            }
            match who {
                Some(who) if room.find(who).is_none() => {
                    Err(Refusal::NoPerson { name: who.clone() })
                }
                _ => Ok(()),
            }
        }
        (Event::Tallied { change, .. }, None) if *change == 1 || *change == -1 => Ok(()),
        (Event::Felt { answers, note }, None) => {
            let _ = reflections.current().ok_or(Refusal::NoCheckpoint)?;
            if answers.is_empty() && note.as_deref().is_none_or(|n| n.trim().is_empty()) {
                return Err(Refusal::NothingFelt);
            }
            match note {
                Some(n)
                    if n.chars().count() > LONGEST_FEELING || n.chars().any(char::is_control) =>
                {
                    Err(Refusal::LongNote)
                }
                _ => Ok(()),
            }
        }
        (_, Some(d)) if !joined => Err(Refusal::NoDevice { device: d }),
        (Event::WalkInAsked { name, role }, Some(_)) => {
            let (name, role) = (name.trim(), role.trim());
            if name.is_empty() || role.is_empty() {
                Err(Refusal::WalkInUnnamed)
            } else if name.chars().count() > LONGEST_NAME
                || role.chars().count() > LONGEST_NAME
                || name.chars().chain(role.chars()).any(char::is_control)
            {
                Err(Refusal::LongName)
            } else if room.find(name).is_some() {
                Err(Refusal::Listed { name: name.to_string() })
            } else {
                Ok(())
            }
        }
        (
            Event::IdeaOffered { text, author, components: tags }
            | Event::IdeaCaptured { text, author, components: tags },
            _,
        ) => {
            check_text(text)?;
            // Named, the phone's own person; anonymous, no phone at all.
            match (author, device) {
                (None, None) => {}
                (Some(a), Some(d)) if room.find(a).is_some() && room.find(a) == door.person(d) => {}
                _ => return Err(Refusal::NotYours),
            }
            match tags.iter().find(|t| find_component(components, t).is_none()) {
                Some(unknown) => Err(Refusal::UnknownComponent {
                    name: unknown.clone(),
                    known: components.iter().map(|c| c.name.clone()).collect(),
                }),
                None => Ok(()),
            }
        }
        (Event::HandRaised { who, .. }, Some(d)) => {
            if room.find(who).is_some() && room.find(who) == door.person(d) {
                Ok(())
            } else {
                Err(Refusal::NotYours)
            }
        }
        (Event::Voted { idea }, Some(d)) => {
            if votes.is_some_and(|most| door.votes_cast(stage, d) >= most) {
                return Err(Refusal::NoVotesLeft { votes: votes.unwrap_or(0) });
            }
            // Only what the room can see may be voted for.
            if ideas.list.get(*idea).is_some_and(|i| i.hidden) {
                return Err(Refusal::NoIdea { idea: *idea });
            }
            Ok(())
        }
        _ => Err(Refusal::NotFromDoor),
    }
}

impl Door {
    /// Whether a door event (not from a phone: the facilitator's) can happen now.
    pub fn check(&self, event: &Event, room: &Room) -> Result<(), Refusal> {
        match event {
            Event::DoorOpened { address } => {
                if address.is_empty() || address.chars().any(char::is_control) {
                    Err(Refusal::NoAddress)
                } else {
                    Ok(())
                }
            }
            Event::DoorClosed if self.open.is_none() => Err(Refusal::DoorClosed),
            Event::OfferAccepted { offer } => match &self.offer(*offer)?.what {
                Offered::WalkIn { name, .. } if room.find(name).is_some() => {
                    Err(Refusal::Listed { name: name.clone() })
                }
                _ => Ok(()),
            },
            Event::OfferSetAside { offer } => self.offer(*offer).map(|_| ()),
            _ => Ok(()),
        }
    }

    /// Notes what a phone's event means for the door: a device joined, an
    /// offer waiting, a vote counted. Called once the event is applied.
    pub fn note(&mut self, logged: &Logged, room: &Room, stage: usize) {
        let Some(Source::Door { device }) = logged.from else {
            return;
        };
        match (&logged.event, device) {
            (Event::Joined { who }, _) => {
                self.devices.push(who.as_deref().and_then(|w| room.find(w)));
                self.came.phones += 1;
            }
            (Event::WalkInAsked { name, role }, Some(device)) => self.tray.push(Offer {
                device: Some(device),
                what: Offered::WalkIn { name: name.trim().into(), role: role.trim().into() },
                fate: Fate::Waiting,
            }),
            (Event::IdeaOffered { text, author, components }, device) => {
                self.tray.push(Offer {
                    device,
                    what: Offered::Idea {
                        text: text.trim().into(),
                        author: author.clone(),
                        components: components.clone(),
                    },
                    fate: Fate::Waiting,
                });
            }
            (Event::IdeaCaptured { .. }, _) => self.came.ideas += 1,
            (Event::HandRaised { .. }, _) => self.came.hands += 1,
            (Event::Voted { .. }, Some(device)) => {
                *self.votes.entry((stage, self.voter(device))).or_default() += 1;
                self.came.votes += 1;
            }
            (Event::Felt { .. }, _) => self.came.reflections += 1,
            (Event::Tallied { change: 1, .. }, _) => self.came.scores += 1,
            (Event::Tallied { .. }, _) => self.came.scores = self.came.scores.saturating_sub(1),
            _ => {}
        }
    }

    /// The words for a door event the facilitator made, or for an offer.
    pub fn words(&self, event: &Event) -> String {
        match event {
            Event::DoorOpened { address } => format!("The door is open: {address}"),
            Event::DoorClosed => "The door is closed: phones can no longer send.".into(),
            _ => String::new(),
        }
    }
}

/// How a phone's name choice reads: "a phone joined as Zoë", "a phone joined anonymously".
pub fn joined_words(who: Option<&str>) -> String {
    match who {
        Some(who) => format!("A phone joined as {who}."),
        None => "A phone joined anonymously.".into(),
    }
}

impl super::state::State {
    /// Whether undoing now leaves standing everything phones sent since the
    /// action it takes back: a phone told "saved" must never lose it.
    pub(super) fn undo_keeps_phones(&self, at: Ms) -> bool {
        let Some(last) = self.history.last_undoable() else {
            return true;
        };
        let after = self.history.from(last + 1);
        let phones_since = after.into_iter().any(|l| l.from.is_some());
        !phones_since || self.clone().undo(at)
    }

    /// Makes a door event's change and says it.
    pub(super) fn apply_door(&mut self, event: &Event) -> String {
        match event {
            Event::DoorOpened { address } => {
                self.door.open = Some(address.clone());
                self.door.address = Some(address.clone());
            }
            Event::DoorClosed => self.door.open = None,
            Event::Joined { who } => return joined_words(who.as_deref()),
            Event::WalkInAsked { name, role } => {
                return format!(
                    "{} asks from a phone to join as {}: it waits in the door's tray.",
                    name.trim(),
                    role.trim()
                );
            }
            Event::IdeaOffered { .. } => {
                return "An idea from a phone waits in the door's tray.".into();
            }
            &Event::OfferAccepted { offer } => {
                self.door.tray[offer].fate = Fate::Accepted;
                let device = self.door.tray[offer].device;
                return match self.door.tray[offer].what.clone() {
                    Offered::Idea { text, author, components } => {
                        self.door.came.ideas += 1;
                        let captured = Event::IdeaCaptured { text, author, components };
                        let said = self.ideas.apply(&captured, &self.room, self.current);
                        format!("From the door's tray: {said}")
                    }
                    Offered::WalkIn { name, role } => {
                        let added = Event::ParticipantAdded { name: name.clone(), role };
                        let said = self.room.apply(&added, self.at, None);
                        if let Some(slot) = (device.unwrap_or(0) as usize)
                            .checked_sub(1)
                            .and_then(|d| self.door.devices.get_mut(d))
                        {
                            *slot = self.room.find(&name);
                        }
                        format!("From the door's tray: {said}")
                    }
                };
            }
            &Event::OfferSetAside { offer } => {
                self.door.tray[offer].fate = Fate::SetAside;
                return format!("Offer #{} of the door's tray set aside.", offer + 1);
            }
            _ => {}
        }
        self.door.words(event)
    }
}
