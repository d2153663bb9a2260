//! The room: who is here, who has the floor, who waits, and the rule for who goes next.

use super::refusal::Refusal;
use std::collections::HashMap;

use super::event::Event;
use super::length::{Ms, in_words};
use super::person::Person;
use super::plan::{Plan, Policy, Standpoint, standpoint};
use super::queue::{Hand, HandKind, Place, short};
use super::stage::Timer;
use super::text::fold;
use super::turn::Turn;

#[derive(Clone, Debug, PartialEq)]
pub struct Room {
    /// Seat order: the plan's participants, then walk-ins as they arrive.
    pub people: Vec<Person>,
    /// Names folded (case and accents aside), and as written.
    index: HashMap<String, usize>,
    exact: HashMap<String, usize>,
    pub hands: Vec<Hand>,
    pub speaking: Option<Turn>,
    pub policy: Policy,
    /// In a round: who has had their go (or passed) since it began.
    pub round_done: Vec<bool>,
    /// The workshop is under way: a timer has run or a turn been given.
    pub begun: bool,
    /// The workshop has ended: nobody is here any more, and nobody "left".
    pub closed: bool,
    /// The stage timer is paused after it ran: a turn's clock stops with it.
    pub paused: bool,
    /// Where each role speaks from, as the plan declares it (or reads it from
    /// the role's name when it declares nothing).
    voices: Vec<Standpoint>,
}

impl Room {
    pub fn new(plan: &Plan) -> Room {
        let people: Vec<Person> = plan
            .participants
            .iter()
            .map(|p| Person {
                name: p.name.clone(),
                role: p.role.clone(),
                needs: p.needs.clone(),
                share_needs: p.share_needs,
                walk_in: false,
                presence: Timer { banked: 0, since: Some(0) },
                spoken: 0,
                turns: 0,
                took_part: false,
            })
            .collect();
        let index = people.iter().enumerate().map(|(i, p)| (fold(&p.name), i)).collect();
        let exact = people.iter().enumerate().map(|(i, p)| (p.name.clone(), i)).collect();
        let round_done = vec![false; people.len()];
        Room {
            people,
            index,
            exact,
            hands: Vec::new(),
            speaking: None,
            policy: plan.queue,
            round_done,
            begun: false,
            closed: false,
            paused: false,
            voices: plan.voices.clone(),
        }
    }

    /// Whether `role` speaks from lived experience (true), as a profession
    /// (false), or cannot be told (None).
    pub fn lived_experience(&self, role: &str) -> Option<bool> {
        standpoint(&self.voices, role)
    }

    /// Whether the plan declares its roles' standpoints, rather than leaving
    /// them to be read from the roles' names.
    pub fn standpoints_declared(&self) -> bool {
        !self.voices.is_empty()
    }

    /// The workshop is under way: everyone here now has taken part, and so will
    /// anyone who comes from now on.
    pub fn begin(&mut self) {
        self.begun = true;
        for person in self.people.iter_mut().filter(|p| p.here()) {
            person.took_part = true;
        }
    }

    /// A person by name, as written in the plan or typed; case and accents aside.
    pub fn find(&self, name: &str) -> Option<usize> {
        // Events name people as the plan does: try that first, without folding.
        if let Some(&i) = self.exact.get(name) {
            return Some(i);
        }
        self.index.get(&fold(name)).copied()
    }

    /// Airtime so far, the turn in progress included.
    pub fn airtime(&self, who: usize, now: Ms) -> Ms {
        let current = self.speaking.filter(|t| t.who == who).map_or(0, |t| t.length(now));
        self.people[who].spoken + current
    }

    fn person(&self, name: &str) -> Result<usize, Refusal> {
        self.find(name).ok_or_else(|| Refusal::NoPerson { name: name.to_string() })
    }

    fn here(&self, name: &str) -> Result<usize, Refusal> {
        let who = self.person(name)?;
        if self.people[who].here() {
            Ok(who)
        } else {
            Err(Refusal::NotHere { name: self.people[who].name.clone() })
        }
    }

    /// Whether a room event can happen now, and if not, why, in words.
    /// Marks `who`'s hand as raised from a phone.
    pub fn mark_from_door(&mut self, who: &str) {
        let i = self.find(who);
        if let Some(hand) = self.hands.iter_mut().find(|h| Some(h.who) == i) {
            hand.from_door = true;
        }
    }

    pub fn check(&self, event: &Event) -> Result<(), Refusal> {
        match event {
            Event::ParticipantAdded { name, role } => {
                if name.trim().is_empty() || role.trim().is_empty() {
                    Err(Refusal::WalkInUnnamed)
                } else if self.find(name).is_some() {
                    Err(Refusal::Listed { name: name.clone() })
                } else {
                    Ok(())
                }
            }
            Event::Arrived { who } => {
                let i = self.person(who)?;
                if self.people[i].here() {
                    Err(Refusal::AlreadyHere { name: who.clone() })
                } else {
                    Ok(())
                }
            }
            Event::Left { who } => {
                let i = self.here(who)?;
                if self.speaking.is_some_and(|t| t.who == i) {
                    Err(Refusal::SpeakingLeaves { name: who.clone() })
                } else {
                    Ok(())
                }
            }
            Event::HandRaised { who, kind } => {
                let i = self.here(who)?;
                if self.speaking.is_some_and(|t| t.who == i) {
                    Err(Refusal::HasFloor { name: who.clone() })
                } else if self.hands.iter().any(|h| h.who == i && h.kind == *kind) {
                    Err(Refusal::Waiting { name: who.clone() })
                } else {
                    // A hand of another kind becomes this one: a normal hand
                    // can turn into a direct reply or a point of process.
                    Ok(())
                }
            }
            Event::HandLowered { who } => {
                let i = self.person(who)?;
                if self.hand_of(i).is_none() {
                    Err(Refusal::NoHand { name: who.clone() })
                } else {
                    Ok(())
                }
            }
            Event::FloorGiven { who } => {
                let i = self.here(who)?;
                if self.speaking.is_some_and(|t| t.who == i) {
                    Err(Refusal::HasFloor { name: who.clone() })
                } else {
                    Ok(())
                }
            }
            Event::TurnEnded if self.speaking.is_none() => Err(Refusal::NoOneSpeaking),
            Event::Passed { who } => {
                let i = self.here(who)?;
                if self.policy != Policy::Round {
                    Err(Refusal::PassOutsideRound)
                } else if self.round_done[i] {
                    Err(Refusal::HadTheirGo { name: who.clone() })
                } else {
                    Ok(())
                }
            }
            Event::PolicySet { policy } if *policy == self.policy => {
                Err(Refusal::SameOrder { policy: *policy })
            }
            _ => Ok(()),
        }
    }

    /// Applies a room event (already checked) and says it in words.
    pub fn apply(&mut self, event: &Event, at: Ms, time_box: Option<Ms>) -> String {
        match event {
            Event::ParticipantAdded { name, role } => {
                let name = name.trim().to_string();
                self.index.insert(fold(&name), self.people.len());
                self.exact.insert(name.clone(), self.people.len());
                self.people.push(Person {
                    name: name.clone(),
                    role: role.trim().to_string(),
                    needs: None,
                    share_needs: false,
                    walk_in: true,
                    presence: Timer { banked: 0, since: Some(at) },
                    spoken: 0,
                    turns: 0,
                    took_part: self.begun,
                });
                self.round_done.push(false);
                format!("{name} ({}) joined as a walk-in.", role.trim())
            }
            Event::Arrived { who } => {
                let i = self.find(who).unwrap_or_default();
                self.people[i].presence.start(at);
                self.people[i].took_part |= self.begun;
                format!("{} arrived.", self.people[i].name)
            }
            Event::Left { who } => {
                let i = self.find(who).unwrap_or_default();
                self.people[i].presence.stop(at);
                self.hands.retain(|h| h.who != i);
                format!("{} left; their time here stops counting.", self.people[i].name)
            }
            Event::HandRaised { who, kind } => {
                let i = self.find(who).unwrap_or_default();
                // A change of kind keeps the time the hand first went up.
                let raised = self.hands.iter().find(|h| h.who == i).map_or(at, |h| h.raised);
                self.hands.retain(|h| h.who != i);
                self.hands.push(Hand { who: i, kind: *kind, raised, from_door: false });
                let name = &self.people[i].name;
                let place = self
                    .order(at)
                    .iter()
                    .position(|p| matches!(p, Place::Hand(h) if h.who == i))
                    .map_or(0, |p| p + 1);
                match kind {
                    // In a round the floor goes by seat, not by hands.
                    HandKind::Normal if place == 0 => {
                        format!("{name} raised a hand; the round goes on in seat order.")
                    }
                    HandKind::Normal => {
                        format!("{name} raised a hand: {} in the queue.", ordinal_place(place))
                    }
                    HandKind::Reply => format!(
                        "{name} wants to reply directly: {} in the queue.",
                        ordinal_place(place)
                    ),
                    HandKind::Process => {
                        format!("{name} has a point of process: first in the queue.")
                    }
                }
            }
            Event::HandLowered { who } => {
                let i = self.find(who).unwrap_or_default();
                self.hands.retain(|h| h.who != i);
                format!("{} lowered their hand.", self.people[i].name)
            }
            Event::FloorGiven { who } => {
                self.begin();
                let i = self.find(who).unwrap_or_default();
                let before = self.end_turn(at);
                self.hands.retain(|h| h.who != i);
                self.round_done[i] = true;
                self.people[i].turns += 1;
                self.speaking = Some(Turn::new(i, at, time_box, self.paused));
                let person = &self.people[i];
                let boxed = time_box.map_or(String::new(), |b| format!(", {}", in_words(b)));
                // Said aloud and to screen readers: only needs the plan shares.
                let needs =
                    person.shared_needs().map_or(String::new(), |n| format!(" Needs: {n}."));
                let after = before.map_or(String::new(), |b| format!(" ({b})"));
                format!("{} has the floor{boxed}.{needs}{after}", person.name)
            }
            Event::TurnEnded => self.end_turn(at).unwrap_or_default(),
            Event::Passed { who } => {
                let i = self.find(who).unwrap_or_default();
                self.round_done[i] = true;
                let left = self.round_to_go().len();
                format!("{} passed. {}", self.people[i].name, round_left(left))
            }
            Event::PolicySet { policy } => {
                self.set_policy(*policy);
                format!("The order is now {}.", policy_words(*policy))
            }
            _ => String::new(),
        }
    }

    /// Ends the turn in progress, if any, and says how long it was.
    pub fn end_turn(&mut self, at: Ms) -> Option<String> {
        let turn = self.speaking.take()?;
        let length = turn.length(at);
        self.people[turn.who].spoken += length;
        let person = &self.people[turn.who];
        let mut said = format!("{} spoke for {}", person.name, short(length));
        if self.policy == Policy::Round {
            said.push_str(&format!(". {}", round_left(self.round_to_go().len())));
        }
        Some(said)
    }

    /// The stage timer pauses (or, `false`, runs again): a turn in progress pauses with it.
    pub fn pause(&mut self, paused: bool, at: Ms) {
        self.paused = paused;
        if let Some(turn) = &mut self.speaking {
            if paused { turn.pause(at) } else { turn.resume(at) }
        }
    }

    pub fn set_policy(&mut self, policy: Policy) {
        self.policy = policy;
        if policy == Policy::Round {
            self.round_done = vec![false; self.people.len()];
        }
    }

    /// The workshop ended: turns end and nobody is in the room any more.
    pub fn close(&mut self, at: Ms) {
        // Whoever is here at the end took part, even in a workshop ended before any timer ran.
        self.begin();
        self.closed = true;
        self.end_turn(at);
        for person in &mut self.people {
            person.presence.stop(at);
        }
    }
}

pub fn policy_words(policy: Policy) -> &'static str {
    match policy {
        Policy::Equal => "Equal: least airtime first",
        Policy::Fifo => "Fifo: in the order hands went up",
        Policy::Round => "Round: everyone once, in seat order",
    }
}

fn round_left(left: usize) -> String {
    match left {
        0 => "Round complete: everyone here has spoken or passed.".into(),
        1 => "1 still to go in the round.".into(),
        n => format!("{n} still to go in the round."),
    }
}

fn ordinal_place(place: usize) -> String {
    match place {
        1 => "first".into(),
        2 => "second".into(),
        3 => "third".into(),
        n => format!("number {n}"),
    }
}
