//! What a phone asks for, and the events that record it: pure, so the
//! console only checks them, makes them durable and applies them.

use std::collections::HashMap;

use crate::model::door::LONGEST_FEELING;
use crate::model::event::Source;
use crate::model::plan::DoorIdeas;
use crate::model::queue::HandKind;
use crate::model::reflection::{Answer, Question};
use crate::model::{Event, Logged, Ms, State};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ask {
    /// Join as a person of the room, or anonymously.
    Join {
        who: Option<String>,
    },
    WalkIn {
        name: String,
        role: String,
    },
    Hand {
        kind: HandKind,
    },
    /// An idea, under the phone's name or anonymous, about some components.
    Idea {
        text: String,
        named: bool,
        components: Vec<String>,
    },
    Vote {
        idea: usize,
    },
    /// A reflection: a level (0 to 4) for some components, answers to the
    /// direction questions, and how it feels. `before` is what this phone
    /// gave in this checkpoint already (the console fills it in): a level
    /// given again for one of its components takes the earlier one back
    /// from the tally first.
    Reflect {
        levels: Vec<(String, u8)>,
        before: Vec<(String, u8)>,
        answers: Vec<(Question, Answer)>,
        note: Option<String>,
    },
}

/// What the console tells the phone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Reply {
    /// On disk: the phone's device number (new when it joined).
    Saved { device: u32 },
    /// Not possible now, and why; nothing was written.
    Refused(String),
    /// The disk refused: nothing was written, and the phone may try again.
    NotSaved(String),
    /// The console did not answer in time: it may yet be saved.
    Unconfirmed,
}

/// The events that record what `device` asks, at `at`; a phone joining gets the next device.
pub fn events(state: &State, device: Option<u32>, ask: &Ask, at: Ms) -> Vec<Logged> {
    let from = |device: Option<u32>| Some(Source::Door { device });
    let by_phone = |event: Event| Logged { at, event, from: from(device) };
    match ask {
        Ask::Join { who } => {
            let device = Some(state.door.next_device());
            vec![Logged { at, event: Event::Joined { who: who.clone() }, from: from(device) }]
        }
        Ask::WalkIn { name, role } => vec![by_phone(Event::WalkInAsked {
            name: name.trim().to_string(),
            role: role.trim().to_string(),
        })],
        Ask::Hand { kind } => {
            let who = device
                .and_then(|d| state.door.person(d))
                .map(|p| state.room.people[p].name.clone())
                .unwrap_or_default();
            vec![by_phone(Event::HandRaised { who, kind: *kind })]
        }
        Ask::Idea { text, named, components } => {
            let author = if *named {
                device.and_then(|d| state.door.person(d)).map(|p| state.room.people[p].name.clone())
            } else {
                None
            };
            let text = text.trim().to_string();
            let components = components.clone();
            // Anonymous, it names no phone either: nothing in the record links it to one.
            let from = from(if author.is_some() { device } else { None });
            let event = match state.plan.door {
                DoorIdeas::Auto => Event::IdeaCaptured { text, author, components },
                DoorIdeas::Tray => Event::IdeaOffered { text, author, components },
            };
            vec![Logged { at, event, from }]
        }
        Ask::Vote { idea } => vec![by_phone(Event::Voted { idea: *idea })],
        Ask::Reflect { levels, before, answers, note } => {
            // Always anonymous: no device on what it says.
            let anonymous = |event: Event| Logged { at, event, from: from(None) };
            let mut out = Vec::new();
            for (component, level) in before {
                // Only a component given again, at another level, is taken
                // back: one skipped this time keeps what was given before.
                match levels.iter().find(|(c, _)| c == component) {
                    Some((_, l)) if l != level => {}
                    _ => continue,
                }
                out.push(anonymous(Event::Tallied {
                    component: component.clone(),
                    level: *level,
                    change: -1,
                }));
            }
            for (component, level) in levels {
                if before.iter().any(|(c, l)| c == component && l == level) {
                    continue;
                }
                out.push(anonymous(Event::Tallied {
                    component: component.clone(),
                    level: *level,
                    change: 1,
                }));
            }
            let note = note.as_deref().map(str::trim).filter(|n| !n.is_empty());
            if !answers.is_empty() || note.is_some() {
                out.push(anonymous(Event::Felt {
                    answers: answers.clone(),
                    note: note.map(|n| n.chars().take(LONGEST_FEELING + 1).collect()),
                }));
            }
            out
        }
    }
}

/// The levels each phone gave in each checkpoint, so that sending again
/// changes its part of the tally rather than adding to it. Kept by the
/// console, in memory only: the record keeps no link between a phone and its
/// reflection.
#[derive(Debug, Default)]
pub struct Given(HashMap<(u32, usize), Vec<(String, u8)>>);

impl Given {
    fn key(state: &State, device: Option<u32>) -> Option<(u32, usize)> {
        device.zip(state.reflections.checkpoints.len().checked_sub(1))
    }

    /// `ask`, a reflection's `before` filled in with what this phone gave in the open checkpoint.
    pub fn fill(&self, state: &State, device: Option<u32>, ask: &Ask) -> Ask {
        let mut ask = ask.clone();
        if let (Ask::Reflect { before, .. }, Some(key)) = (&mut ask, Given::key(state, device)) {
            *before = self.0.get(&key).cloned().unwrap_or_default();
        }
        ask
    }

    /// Notes a reflection saved; a component skipped keeps what was given before.
    pub fn saved(&mut self, state: &State, device: Option<u32>, ask: &Ask) {
        if let (Ask::Reflect { levels, .. }, Some(key)) = (ask, Given::key(state, device)) {
            let mine = self.0.entry(key).or_default();
            for (component, level) in levels {
                mine.retain(|(c, _)| c != component);
                mine.push((component.clone(), *level));
            }
        }
    }
}
