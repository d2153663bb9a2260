//! What a phone's page shows: a copy of the room's view, taken by the console
//! after every change, so that pages never wait for the console to draw them.
//! Never needs, and never a name beside what is anonymous.

use std::collections::HashMap;

use crate::model::door::Voter;
use crate::model::reflection::LEVELS;
use crate::model::{Ms, State};

/// The most ideas a phone's page lists to vote for: the latest. A page
/// reloaded after every tap stays small on a room's Wi-Fi.
pub const SHOWN_IDEAS: usize = 100;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct View {
    pub open: bool,
    pub ended: bool,
    pub title: String,
    /// "Stage 2 of 7: What matters to you?"
    pub stage: String,
    pub prompt: Option<String>,
    /// Names a phone may join as: everyone but the facilitator.
    pub people: Vec<String>,
    /// Every person's name, by their number in the room.
    pub names: Vec<String>,
    pub speaking: Option<String>,
    /// Who waits for the floor, in order.
    pub queue: Vec<String>,
    /// Ideas the room can see and vote for, the latest `SHOWN_IDEAS`: number
    /// (from 0), text, votes (none while blind).
    pub ideas: Vec<(usize, String, Option<u32>)>,
    /// How many more the board holds than the page lists.
    pub more_ideas: usize,
    pub components: Vec<String>,
    /// The components the stage is about, ticked to begin with.
    pub focus: Vec<String>,
    /// The reflection checkpoint open now: its number and label.
    pub checkpoint: Option<(usize, String)>,
    pub votes: Option<u32>,
    /// Votes used in this stage, by voter; and device `n`'s person, as `devices[n - 1]`.
    pub used: HashMap<Voter, u32>,
    pub devices: Vec<Option<usize>>,
    /// How many offers each device has waiting in the tray.
    pub waiting: HashMap<u32, usize>,
}

impl View {
    /// The view of `state` at `now`.
    pub fn of(state: &State, now: Ms) -> View {
        let room = &state.room;
        let name = |i: usize| room.people[i].name.clone();
        let stage = &state.plan.stages[state.current];
        let mut waiting: HashMap<u32, usize> = HashMap::new();
        for device in state.door.waiting().filter_map(|(_, offer)| offer.device) {
            *waiting.entry(device).or_default() += 1;
        }
        let standing: Vec<(usize, String, Option<u32>)> = state
            .ideas
            .list
            .iter()
            .enumerate()
            .filter(|(_, i)| !i.hidden && !i.parked && i.merged_into.is_none())
            .map(|(n, i)| (n, i.text.clone(), (!state.ideas.blind).then_some(i.votes)))
            .collect();
        let more_ideas = standing.len().saturating_sub(SHOWN_IDEAS);
        View {
            open: state.door.open.is_some() && state.ended.is_none(),
            ended: state.ended.is_some(),
            title: state.plan.title.clone(),
            stage: format!(
                "Stage {} of {}: {}",
                state.current + 1,
                state.stages.len(),
                stage.title
            ),
            prompt: stage.prompt.clone(),
            people: room
                .people
                .iter()
                .filter(|p| !p.facilitates())
                .map(|p| p.name.clone())
                .collect(),
            names: room.people.iter().map(|p| p.name.clone()).collect(),
            speaking: room.speaking.map(|t| name(t.who)),
            queue: room.queue(now).iter().map(|w| name(w.who)).collect(),
            ideas: standing.into_iter().skip(more_ideas).collect(),
            more_ideas,
            components: state.components.iter().map(|c| c.name.clone()).collect(),
            focus: stage.focus.clone(),
            checkpoint: state
                .reflections
                .current()
                .map(|c| (state.reflections.checkpoints.len() - 1, c.label.clone())),
            votes: state.plan.votes,
            used: state
                .door
                .votes
                .iter()
                .filter(|((stage, _), _)| *stage == state.current)
                .map(|((_, voter), n)| (*voter, *n))
                .collect(),
            devices: state.door.devices.clone(),
            waiting,
        }
    }

    /// The person device `device` joined as, by name.
    pub fn who(&self, device: u32) -> Option<&str> {
        let person = self.devices.get((device as usize).checked_sub(1)?).copied().flatten()?;
        self.names.get(person).map(String::as_str)
    }

    /// Votes left to `device` in this stage; none when there is no limit.
    pub fn votes_left(&self, device: u32) -> Option<u32> {
        let person = self.devices.get((device as usize).wrapping_sub(1)).copied().flatten();
        let voter = person.map_or(Voter::Device(device), Voter::Person);
        self.votes.map(|most| most.saturating_sub(self.used.get(&voter).copied().unwrap_or(0)))
    }
}

/// "partly (2)": a level in words, for a phone's radio buttons.
pub fn level_words(level: usize) -> &'static str {
    LEVELS.get(level).copied().unwrap_or("")
}
