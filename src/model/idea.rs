//! Ideas as people speak them: captured, voted on, edited, merged, parked,
//! turned into actions; hidden in blind capture until revealed.

use std::sync::Arc;

use super::action::{ActionStatus, AgreedAction};
use super::component::Component;
use super::event::Event;
use super::plan::find_component;
use super::room::Room;

/// The longest idea, in characters: a sentence or two, not an essay.
pub const LONGEST_IDEA: usize = 500;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Idea {
    pub text: String,
    /// The wording it was captured with.
    pub first: String,
    /// The person who said it; None when anonymous.
    pub author: Option<usize>,
    /// The stage it was captured in.
    pub stage: usize,
    pub components: Vec<String>,
    pub votes: u32,
    pub merged_into: Option<usize>,
    pub parked: bool,
    /// Captured during blind capture and not revealed yet.
    pub hidden: bool,
    /// The action it became, if it did.
    pub action: Option<usize>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Ideas {
    /// Shared, so that a copy of the state (an undo mark, a replay's snapshot)
    /// costs a pointer an idea, not its words.
    pub list: Vec<Arc<Idea>>,
    pub actions: Vec<AgreedAction>,
    /// Blind capture is on.
    pub blind: bool,
    /// The session these actions were carried from, if any.
    pub carried_from: Option<String>,
}

/// What may be typed as an idea, or why not.
pub fn check_text(text: &str) -> Result<(), String> {
    let chars = text.trim().chars().count();
    if chars == 0 {
        Err("An empty idea is not saved.".into())
    } else if chars > LONGEST_IDEA {
        Err(format!(
            "An idea of at most {LONGEST_IDEA} characters, please: this one has {chars}. Shorten it or split it in two."
        ))
    } else if text.chars().any(char::is_control) {
        Err("An idea without control characters.".into())
    } else {
        Ok(())
    }
}

impl Ideas {
    /// Idea `i`, if it still stands on its own; else the latest that does.
    pub fn standing_at(&self, i: usize) -> Option<usize> {
        match self.list.get(i) {
            Some(idea) if idea.merged_into.is_none() => Some(i),
            _ => self.list.iter().rposition(|idea| idea.merged_into.is_none()),
        }
    }

    /// The ideas still standing on their own: not merged into another.
    pub fn standing(&self) -> impl Iterator<Item = (usize, &Idea)> {
        self.list.iter().map(|i| &**i).enumerate().filter(|(_, i)| i.merged_into.is_none())
    }

    fn idea(&self, i: usize) -> Result<&Idea, String> {
        match self.list.get(i) {
            None => Err(format!("There is no idea #{}.", i.saturating_add(1))),
            Some(idea) if idea.merged_into.is_some() => Err(format!(
                "Idea #{} was merged into #{}.",
                i + 1,
                idea.merged_into.unwrap_or(0) + 1
            )),
            Some(idea) => Ok(idea),
        }
    }

    pub fn check(
        &self,
        event: &Event,
        room: &Room,
        components: &[Component],
    ) -> Result<(), String> {
        match event {
            Event::IdeaCaptured { text, author, components: tags } => {
                check_text(text)?;
                if let Some(author) = author
                    && room.find(author).is_none()
                {
                    return Err(format!("There is no {author} in this session."));
                }
                match tags.iter().find(|t| find_component(components, t).is_none()) {
                    Some(unknown) => Err(format!("There is no component {unknown} in this plan.")),
                    None => Ok(()),
                }
            }
            Event::IdeaEdited { idea, text } => {
                check_text(text)?;
                if self.idea(*idea)?.text == text.trim() {
                    Err("That is the wording it has.".into())
                } else {
                    Ok(())
                }
            }
            Event::Voted { idea } => {
                if self.idea(*idea)?.parked {
                    Err(format!("Idea #{} is parked; unpark it to vote.", idea + 1))
                } else {
                    Ok(())
                }
            }
            Event::IdeasMerged { from, into } => {
                self.idea(*from)?;
                self.idea(*into)?;
                if from == into {
                    Err("An idea cannot be merged into itself.".into())
                } else if self.list[*from].action.is_some() {
                    Err(format!("Idea #{} is an action already.", from + 1))
                } else {
                    Ok(())
                }
            }
            Event::IdeaParked { idea, parked } => {
                if self.idea(*idea)?.parked == *parked {
                    Err(format!(
                        "Idea #{} is {} already.",
                        idea + 1,
                        if *parked { "parked" } else { "not parked" }
                    ))
                } else {
                    Ok(())
                }
            }
            Event::ActionAgreed { idea, owner, .. } => {
                if self.idea(*idea)?.action.is_some() {
                    return Err(format!("Idea #{} is an action already.", idea + 1));
                }
                if room.find(owner).is_none() {
                    return Err(format!("There is no {owner} in this session to own it."));
                }
                Ok(())
            }
            Event::BlindStarted if self.blind => Err("Blind capture is on already.".into()),
            Event::IdeasRevealed if !self.blind => {
                Err("Blind capture is not on; nothing is hidden.".into())
            }
            Event::ActionsCarried { .. } if self.carried_from.is_some() => {
                Err("Actions were carried into this session already.".into())
            }
            Event::ActionReviewed { action, status, note } => match self.actions.get(*action) {
                Some(a) if !a.carried() => {
                    Err("Only actions carried from before are reviewed.".into())
                }
                Some(a) if a.status == *status && note.is_none() => {
                    Err(format!("That action is {} already.", status.label()))
                }
                Some(_) => Ok(()),
                None => Err(format!("There is no action #{}.", action.saturating_add(1))),
            },
            _ => Ok(()),
        }
    }

    /// Applies an ideas event (already checked) and says it in words.
    pub fn apply(&mut self, event: &Event, room: &Room, stage: usize) -> String {
        match event {
            Event::IdeaCaptured { text, author, components } => {
                let author = author.as_deref().and_then(|a| room.find(a));
                let text = text.trim().to_string();
                self.list.push(Arc::new(Idea {
                    first: text.clone(),
                    text,
                    author,
                    stage,
                    components: components.clone(),
                    votes: 0,
                    merged_into: None,
                    parked: false,
                    hidden: self.blind,
                    action: None,
                }));
                let n = self.list.len();
                match (self.blind, author) {
                    (true, _) => format!("Idea #{n} captured, hidden until the reveal."),
                    (false, Some(a)) => {
                        format!("Idea #{n} captured, from {}.", room.people[a].name)
                    }
                    (false, None) => format!("Idea #{n} captured, anonymous."),
                }
            }
            Event::IdeaEdited { idea, text } => {
                self.idea_mut(*idea).text = text.trim().to_string();
                format!("Idea #{} reworded.", idea + 1)
            }
            Event::Voted { idea } => {
                self.idea_mut(*idea).votes += 1;
                if self.blind {
                    format!("A vote for idea #{}; counts stay hidden until the reveal.", idea + 1)
                } else {
                    let votes = self.list[*idea].votes;
                    format!(
                        "A vote for idea #{}: {votes} vote{}.",
                        idea + 1,
                        if votes == 1 { "" } else { "s" }
                    )
                }
            }
            &Event::IdeasMerged { from, into } => {
                self.idea_mut(from).merged_into = Some(into);
                let votes = self.list[from].votes;
                self.idea_mut(into).votes += votes;
                // Anything merged into `from` now counts towards `into`.
                for idea in &mut self.list {
                    if idea.merged_into == Some(from) {
                        Arc::make_mut(idea).merged_into = Some(into);
                    }
                }
                format!("Idea #{} merged into #{}, votes and all.", from + 1, into + 1)
            }
            &Event::IdeaParked { idea, parked } => {
                self.idea_mut(idea).parked = parked;
                if parked {
                    format!("Idea #{} parked.", idea + 1)
                } else {
                    format!("Idea #{} back on the board.", idea + 1)
                }
            }
            Event::ActionAgreed { idea, owner, due } => {
                let owner = room.find(owner).map_or(owner.clone(), |i| room.people[i].name.clone());
                self.actions.push(AgreedAction {
                    text: self.list[*idea].text.clone(),
                    owner: owner.clone(),
                    due: *due,
                    status: ActionStatus::Open,
                    note: None,
                    idea: Some(*idea),
                });
                let action = self.actions.len() - 1;
                self.idea_mut(*idea).action = Some(action);
                let by = due.as_ref().map_or(String::new(), |d| format!(", due {d}"));
                format!("Idea #{} is now an action for {owner}{by}.", idea + 1)
            }
            Event::BlindStarted => {
                self.blind = true;
                "Blind capture on: new ideas, who said them and vote counts stay hidden until the reveal.".into()
            }
            Event::IdeasRevealed => {
                self.blind = false;
                let hidden = self.list.iter().filter(|i| i.hidden).count();
                for idea in self.list.iter_mut().filter(|i| i.hidden) {
                    Arc::make_mut(idea).hidden = false;
                }
                format!(
                    "Revealed: {hidden} idea{} and every vote count.",
                    if hidden == 1 { "" } else { "s" }
                )
            }
            Event::ActionsCarried { from, actions } => {
                self.carried_from = Some(from.clone());
                for carried in actions {
                    self.actions.push(AgreedAction {
                        text: carried.text.clone(),
                        owner: carried.owner.clone(),
                        due: carried.due,
                        status: carried.status,
                        note: carried.note.clone(),
                        idea: None,
                    });
                }
                format!(
                    "{} open action{} carried from last time ({from}).",
                    actions.len(),
                    if actions.len() == 1 { "" } else { "s" }
                )
            }
            Event::ActionReviewed { action, status, note } => {
                let a = &mut self.actions[*action];
                a.status = *status;
                if note.is_some() {
                    a.note = note.clone();
                }
                format!("Action \"{}\": {}.", a.text, status.label())
            }
            _ => String::new(),
        }
    }

    /// An idea to change: copied first if a mark or snapshot shares it.
    fn idea_mut(&mut self, i: usize) -> &mut Idea {
        Arc::make_mut(&mut self.list[i])
    }

    /// The open actions, as they are carried into the next session.
    pub fn to_carry(&self) -> Vec<super::action::Carried> {
        self.actions
            .iter()
            .filter(|a| a.status.open())
            .map(|a| super::action::Carried {
                text: a.text.clone(),
                owner: a.owner.clone(),
                due: a.due,
                status: a.status,
                note: a.note.clone(),
            })
            .collect()
    }
}
