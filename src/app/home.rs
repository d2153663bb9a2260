//! The home screen: start the built-in workshop, run a plan, resume a session.

use std::path::PathBuf;

use crate::input::EventHandler;
use tui_input::Input;

use super::form::FormKey;
use super::help::Help;
use super::{Effect, Outcome, Start};
use crate::input::action::{Action, Screen};
use crate::model::Plan;
use crate::model::listing::{SessionInfo, all_series};
use crate::model::text::clean;

#[derive(Clone, Debug, PartialEq)]
pub enum Entry {
    BuiltIn {
        title: String,
        stages: usize,
        minutes: u64,
        people: usize,
    },
    Plan {
        path: PathBuf,
        title: String,
    },
    OpenFile,
    Resume(SessionInfo),
    Replay(SessionInfo),
    /// A series with at least two sessions: its name, how many count
    /// (finished, real), and how many more are left out unless asked for.
    Compare(String, usize, usize),
    /// The sessions marked for comparison, once there are two or more.
    CompareMarked(usize),
}

impl Entry {
    fn start(&self) -> Option<Start> {
        match self {
            Entry::BuiltIn { .. } => Some(Start::BuiltIn),
            Entry::Plan { path, .. } => Some(Start::Plan(path.clone())),
            Entry::Resume(info) => Some(Start::Resume(info.path.clone())),
            Entry::Replay(info) => Some(Start::Replay(info.path.clone())),
            Entry::Compare(series, _, _) => Some(Start::Compare(series.clone(), false)),
            Entry::OpenFile | Entry::CompareMarked(_) => None,
        }
    }
}

pub struct Home {
    pub entries: Vec<Entry>,
    pub selected: usize,
    pub notice: Option<String>,
    pub help: Help,
    /// A plan file's path being typed.
    pub typing: Option<Input>,
    /// Recorded sessions marked for comparison, in the order they were marked.
    pub marked: Vec<PathBuf>,
}

impl Home {
    pub fn new(built_in: &Plan, plans: Vec<(PathBuf, Plan)>, sessions: Vec<SessionInfo>) -> Home {
        let mut entries = vec![Entry::BuiltIn {
            title: built_in.title.clone(),
            stages: built_in.stages.len(),
            minutes: built_in.total_ms() / 60_000,
            people: built_in.participants.len(),
        }];
        entries
            .extend(plans.into_iter().map(|(path, plan)| Entry::Plan { path, title: plan.title }));
        entries.push(Entry::OpenFile);
        let series = all_series(&sessions);
        entries.extend(sessions.iter().filter(|s| !s.ended).cloned().map(Entry::Resume));
        entries.extend(
            series
                .into_iter()
                .filter(|(_, n, more)| n + more >= 2)
                .map(|(s, n, more)| Entry::Compare(s, n, more)),
        );
        entries.extend(sessions.into_iter().map(Entry::Replay));
        Home {
            entries,
            selected: 0,
            notice: None,
            help: Help::default(),
            typing: None,
            marked: Vec::new(),
        }
    }

    pub fn is_marked(&self, entry: &Entry) -> bool {
        matches!(entry, Entry::Replay(info) if self.marked.contains(&info.path))
    }

    /// Marks or unmarks the selected recorded session. From two marked on, an
    /// entry to compare them stands just above the recorded sessions.
    fn mark(&mut self) {
        let Some(Entry::Replay(info)) = self.entries.get(self.selected) else {
            self.notice = Some("Only a recorded session can be marked to compare.".into());
            return;
        };
        let path = info.path.clone();
        if let Some(at) = self.marked.iter().position(|p| *p == path) {
            self.marked.remove(at);
        } else {
            self.marked.push(path);
        }
        let had = self.entries.iter().position(|e| matches!(e, Entry::CompareMarked(_)));
        if let Some(at) = had {
            self.entries.remove(at);
            if at < self.selected {
                self.selected -= 1;
            }
        }
        let n = self.marked.len();
        if n >= 2 {
            let at = self
                .entries
                .iter()
                .position(|e| matches!(e, Entry::Replay(_)))
                .unwrap_or(self.entries.len());
            self.entries.insert(at, Entry::CompareMarked(n));
            if at <= self.selected {
                self.selected += 1;
            }
        }
        self.notice = Some(match n {
            0 => "No sessions marked to compare.".to_string(),
            1 => "1 session marked to compare: mark another.".to_string(),
            n => format!(
                "{n} sessions marked: \"Compare the {n} marked sessions\" opens them side by side."
            ),
        });
    }

    pub fn screen(&self) -> Screen {
        if self.help.open { Screen::Help } else { Screen::Home }
    }

    pub fn handle(&mut self, action: Action) -> Outcome {
        if self.help.open {
            self.help.key(action);
            return Outcome::default();
        }
        match action {
            Action::Up => self.selected = self.selected.saturating_sub(1),
            Action::Down => {
                self.selected = (self.selected + 1).min(self.entries.len().saturating_sub(1))
            }
            Action::Select => match self.entries.get(self.selected) {
                Some(Entry::OpenFile) => {
                    self.typing = Some(Input::default());
                    self.notice =
                        Some("Type the path of a plan file, then Enter; Esc to cancel.".into());
                }
                Some(Entry::CompareMarked(_)) => {
                    return Outcome::effect(Effect::Start(Start::CompareMarked(
                        self.marked.clone(),
                    )));
                }
                Some(entry) => {
                    if let Some(start) = entry.start() {
                        return Outcome::effect(Effect::Start(start));
                    }
                }
                None => {}
            },
            Action::MarkForCompare => self.mark(),
            Action::NextCycle => match self.entries.get(self.selected) {
                Some(Entry::Replay(info)) if info.ended => {
                    return Outcome::effect(Effect::Start(Start::Again(info.path.clone())));
                }
                _ => {
                    self.notice = Some(
                        "Stand on a finished session to start its next cycle, with its open actions."
                            .into(),
                    );
                }
            },
            Action::WriteReport => match self.entries.get(self.selected) {
                Some(Entry::Replay(info) | Entry::Resume(info)) => {
                    return Outcome::effect(Effect::WriteReport(Some(info.path.clone())));
                }
                _ => {
                    self.notice = Some(
                        "Stand on a recorded session to write its report for everyone who took part."
                            .into(),
                    );
                }
            },
            Action::CompareAll => match self.entries.get(self.selected) {
                Some(Entry::Compare(series, _, _)) => {
                    return Outcome::effect(Effect::Start(Start::Compare(series.clone(), true)));
                }
                _ => {
                    self.notice = Some(
                        "Stand on a series to compare it with its rehearsals and unfinished sessions."
                            .into(),
                    );
                }
            },
            Action::Help => {
                self.help.show();
            }
            Action::Quit => return Outcome::effect(Effect::Quit),
            Action::NextTheme => return Outcome::effect(Effect::NextTheme),
            _ => {}
        }
        Outcome::default()
    }

    /// A key while the path is being typed: Enter opens it, Esc cancels.
    pub fn type_key(&mut self, key: FormKey) -> Outcome {
        let Some(input) = &mut self.typing else {
            return Outcome::default();
        };
        match key {
            FormKey::Act(Action::Dismiss) => {
                self.typing = None;
                self.notice = None;
            }
            FormKey::Act(Action::Submit) => {
                let path = clean(input.value()).trim().to_string();
                self.typing = None;
                if path.is_empty() {
                    self.notice = Some("No file given.".into());
                } else {
                    return Outcome::effect(Effect::Start(Start::Plan(PathBuf::from(path))));
                }
            }
            FormKey::Act(_) => {}
            FormKey::Type(event) => {
                input.handle_event(&crate::input::TermEvent::Key(event));
            }
        }
        Outcome::default()
    }
}
