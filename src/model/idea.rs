//! Ideas as people speak them: captured, voted on, edited, merged, parked,
//! turned into actions; hidden in blind capture until revealed.

use super::refusal::Refusal;
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
pub fn check_text(text: &str) -> Result<(), Refusal> {
    let chars = text.trim().chars().count();
    if chars == 0 {
        Err(Refusal::EmptyIdea)
    } else if chars > LONGEST_IDEA {
        Err(Refusal::LongIdea { chars })
    } else if text.chars().any(char::is_control) {
        Err(Refusal::ControlInIdea)
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

    fn idea(&self, i: usize) -> Result<&Idea, Refusal> {
        match self.list.get(i) {
            None => Err(Refusal::NoIdea { idea: i }),
            Some(idea) => match idea.merged_into {
                Some(into) => Err(Refusal::Merged { idea: i, into }),
                None => Ok(idea),
            },
        }
    }

    pub fn check(
        &self,
        event: &Event,
        room: &Room,
        components: &[Component],
    ) -> Result<(), Refusal> {
        match event {
            Event::IdeaCaptured { text, author, components: tags } => {
                check_text(text)?;
                if let Some(author) = author
                    && room.find(author).is_none()
                {
                    return Err(Refusal::NoPerson { name: author.clone() });
                }
                match tags.iter().find(|t| find_component(components, t).is_none()) {
                    Some(unknown) => Err(Refusal::UnknownComponent {
                        name: unknown.clone(),
                        known: components.iter().map(|c| c.name.clone()).collect(),
                    }),
                    None => Ok(()),
                }
            }
            Event::IdeaEdited { idea, text } => {
                check_text(text)?;
                if self.idea(*idea)?.text == text.trim() {
                    Err(Refusal::SameWording)
                } else {
                    Ok(())
                }
            }
            Event::Voted { idea } => {
                if self.idea(*idea)?.parked {
                    Err(Refusal::Parked { idea: *idea })
                } else {
                    Ok(())
                }
            }
            Event::IdeasMerged { from, into } => {
                self.idea(*from)?;
                self.idea(*into)?;
                if from == into {
                    Err(Refusal::MergedIntoItself)
                } else if self.list[*from].action.is_some() {
                    Err(Refusal::AlreadyAction { idea: *from })
                } else {
                    Ok(())
                }
            }
            Event::IdeaParked { idea, parked } => {
                if self.idea(*idea)?.parked == *parked {
                    Err(Refusal::AlreadyParked { idea: *idea, parked: *parked })
                } else {
                    Ok(())
                }
            }
            Event::ActionAgreed { idea, owner, .. } => {
                if self.idea(*idea)?.action.is_some() {
                    return Err(Refusal::AlreadyAction { idea: *idea });
                }
                if room.find(owner).is_none() {
                    return Err(Refusal::NoOwner { name: owner.clone() });
                }
                Ok(())
            }
            Event::BlindStarted if self.blind => Err(Refusal::BlindAlready),
            Event::IdeasRevealed if !self.blind => Err(Refusal::NotBlind),
            Event::ActionsCarried { .. } if self.carried_from.is_some() => {
                Err(Refusal::CarriedAlready)
            }
            Event::ActionReviewed { action, status, note } => match self.actions.get(*action) {
                Some(a) if !a.carried() => Err(Refusal::NotCarried),
                Some(a) if a.status == *status && note.is_none() => {
                    Err(Refusal::ActionAlready { status: *status })
                }
                Some(_) => Ok(()),
                None => Err(Refusal::NoAction { action: *action }),
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
