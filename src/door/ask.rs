//! What a phone asks for, and the events that record it: pure, so the
//! console only checks them, makes them durable and applies them.

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
    /// gave in this checkpoint already: a level given again for one of its
    /// components takes the earlier one back from the tally first.
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
            vec![by_phone(match state.plan.door {
                DoorIdeas::Auto => Event::IdeaCaptured { text, author, components },
                DoorIdeas::Tray => Event::IdeaOffered { text, author, components },
            })]
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
