//! The plan a facilitator writes before the workshop: stages, people, rules.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::component::{Component, ten_components};
use super::length::{Length, Ms};
use super::step::Step;
use super::text::{first_unsafe, fold, visible};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub series: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub facilitator: Option<String>,
    #[serde(default)]
    pub participants: Vec<Participant>,
    #[serde(default)]
    pub queue: Policy,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub turn: Option<Length>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub components: Option<Vec<Component>>,
    /// Which roles speak from lived experience, declared: `voices: [(role:
    /// "peer mentor", lived: true), (role: "GP", lived: false)]`. When a plan
    /// declares none, roles are read by the words they are usually given.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub voices: Vec<Standpoint>,
    /// What becomes of an idea sent from a phone: it waits in the tray (the
    /// default) or joins the board at once (`Auto`).
    #[serde(default, skip_serializing_if = "is_default")]
    pub door: DoorIdeas,
    /// How many votes each person has in a stage, from a phone; unlimited when unset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub votes: Option<u32>,
    pub stages: Vec<StagePlan>,
}

fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

/// Ideas sent from the door: kept in a tray for the facilitator, or taken as they come.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum DoorIdeas {
    #[default]
    Tray,
    Auto,
}

/// Where a role speaks from: lived experience, or a profession.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Standpoint {
    pub role: String,
    pub lived: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Participant {
    pub name: String,
    pub role: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub needs: Option<String>,
    /// Their needs may be shown to the room: said on the status line and on
    /// the wall. By default needs are for the facilitator alone.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub share_needs: bool,
}

/// One stage of the plan. `duration` may be left out when the stage has
/// `steps`: it is then their sum.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "StageText", into = "StageText")]
pub struct StagePlan {
    pub title: String,
    pub duration: Length,
    pub kind: StageKind,
    pub turn: Option<Length>,
    pub focus: Vec<String>,
    /// What the room is asked to do, shown to it: one line or several.
    pub prompt: Option<String>,
    /// Timed sub-phases, one after another; see `step`.
    pub steps: Vec<Step>,
}

/// A stage as it is written in a file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "Stage")]
struct StageText {
    title: String,
    #[serde(default, skip_serializing_if = "Option::is_none", serialize_with = "plain")]
    duration: Option<Length>,
    #[serde(default)]
    kind: StageKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    turn: Option<Length>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    focus: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    prompt: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    steps: Vec<Step>,
}

impl TryFrom<StageText> for StagePlan {
    type Error = String;

    fn try_from(text: StageText) -> Result<StagePlan, String> {
        let duration = match text.duration {
            Some(duration) => duration,
            None if text.steps.is_empty() => {
                return Err(
                    "the field `duration`, which each stage needs (or `steps`, whose lengths it then adds up to)"
                        .into(),
                );
            }
            None => {
                let secs: u64 = text.steps.iter().map(|s| s.length.secs()).sum();
                if secs > 24 * 3600 {
                    return Err(format!(
                        "steps that add up to a day or less, found {}",
                        Length::from_secs(secs)
                    ));
                }
                Length::from_secs(secs)
            }
        };
        Ok(StagePlan {
            title: text.title,
            duration,
            kind: text.kind,
            turn: text.turn,
            focus: text.focus,
            prompt: text.prompt.map(|p| tidy_prompt(&p)),
            steps: text.steps,
        })
    }
}

impl From<StagePlan> for StageText {
    fn from(stage: StagePlan) -> StageText {
        StageText {
            title: stage.title,
            duration: Some(stage.duration),
            kind: stage.kind,
            turn: stage.turn,
            focus: stage.focus,
            prompt: stage.prompt,
            steps: stage.steps,
        }
    }
}

/// A stage's duration written as it always was, `"10m"`, not `Some("10m")`.
fn plain<S: serde::Serializer>(duration: &Option<Length>, s: S) -> Result<S::Ok, S::Error> {
    match duration {
        Some(length) => length.serialize(s),
        None => s.serialize_none(),
    }
}

/// A prompt as the room reads it: each line without the indent a text written
/// over several lines of a file picks up, and no blank lines at either end.
fn tidy_prompt(prompt: &str) -> String {
    let lines: Vec<&str> = prompt.lines().map(str::trim).collect();
    let first = lines.iter().position(|l| !l.is_empty()).unwrap_or(lines.len());
    let last = lines.iter().rposition(|l| !l.is_empty()).map_or(first, |i| i + 1);
    lines[first..last.max(first)].join("\n")
}

/// What the screen puts first during a stage; every kind allows every action.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum StageKind {
    Round,
    #[default]
    Discussion,
    Ideas,
    Reflection,
    Break,
}

impl StageKind {
    pub fn label(self) -> &'static str {
        match self {
            StageKind::Round => "Round",
            StageKind::Discussion => "Discussion",
            StageKind::Ideas => "Ideas",
            StageKind::Reflection => "Reflection",
            StageKind::Break => "Break",
        }
    }
}

/// Who gets the floor next.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Policy {
    /// Least airtime so far first; ties to whoever has waited longest.
    #[default]
    Equal,
    /// In the order hands went up.
    Fifo,
    /// A go-around in seat order, everyone once.
    Round,
}

/// A plan that parsed but does not make sense, with the path of the culprit
/// (`stages[2].focus[0]`) so the file can point at its line and column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

/// The ten components of co-production, unless the group wrote its own list.
pub const BUILT_IN: &str = include_str!("../../sessions/co-production-workshop.ron");

impl Plan {
    pub fn components(&self) -> Vec<Component> {
        match &self.components {
            Some(own) => own.clone(),
            None => ten_components(),
        }
    }

    pub fn total_ms(&self) -> Ms {
        self.stages.iter().map(|s| s.duration.ms()).sum()
    }

    /// Whether `role` speaks from lived experience (true), as a profession
    /// (false), or cannot be told (None): as the plan declares it in `voices`,
    /// and only when it declares nothing, by the role's name.
    pub fn lived_experience(&self, role: &str) -> Option<bool> {
        standpoint(&self.voices, role)
    }

    /// Every text of the plan, with the path a message points at.
    fn texts_mut(&mut self) -> Vec<(String, &mut String)> {
        let mut texts = vec![("title".to_string(), &mut self.title)];
        texts.extend(self.series.as_mut().map(|s| ("series".to_string(), s)));
        texts.extend(self.facilitator.as_mut().map(|s| ("facilitator".to_string(), s)));
        for (i, p) in self.participants.iter_mut().enumerate() {
            texts.push((format!("participants[{i}].name"), &mut p.name));
            texts.push((format!("participants[{i}].role"), &mut p.role));
            texts.extend(p.needs.as_mut().map(|s| (format!("participants[{i}].needs"), s)));
        }
        for (i, c) in self.components.iter_mut().flatten().enumerate() {
            texts.push((format!("components[{i}].name"), &mut c.name));
            texts.push((format!("components[{i}].prompt"), &mut c.prompt));
        }
        for (i, v) in self.voices.iter_mut().enumerate() {
            texts.push((format!("voices[{i}].role"), &mut v.role));
        }
        for (i, stage) in self.stages.iter_mut().enumerate() {
            texts.push((format!("stages[{i}].title"), &mut stage.title));
            for (j, f) in stage.focus.iter_mut().enumerate() {
                texts.push((format!("stages[{i}].focus[{j}]"), f));
            }
            for (j, step) in stage.steps.iter_mut().enumerate() {
                texts.push((format!("stages[{i}].steps[{j}][0]"), &mut step.name));
            }
        }
        texts
    }

    /// Every prompt, with its path: the one text that may hold line breaks.
    fn prompts_mut(&mut self) -> impl Iterator<Item = (String, &mut String)> {
        self.stages.iter_mut().enumerate().filter_map(|(i, stage)| {
            stage.prompt.as_mut().map(|p| (format!("stages[{i}].prompt"), p))
        })
    }

    /// The first text holding a control character or a direction override:
    /// refused in a plan, as it is when typed, since it would reach the wall.
    pub fn unsafe_text(&mut self) -> Option<Problem> {
        let problem = |path: String, c: String, breaks: &str| Problem {
            path,
            message: format!(
                "text without control characters or direction overrides{breaks}, found {c}"
            ),
        };
        let texts = self
            .texts_mut()
            .into_iter()
            .find_map(|(path, text)| first_unsafe(text).map(|c| problem(path, c, "")));
        texts.or_else(|| {
            self.prompts_mut().find_map(|(path, text)| {
                text.lines()
                    .find_map(first_unsafe)
                    .map(|c| problem(path, c, " (line breaks are fine)"))
            })
        })
    }

    /// Writes out any control character or direction override in the plan's
    /// texts (`\u{1b}`), for sessions recorded before they were refused.
    pub fn neutralise(&mut self) -> bool {
        let mut changed = false;
        for (_, text) in self.texts_mut() {
            if let std::borrow::Cow::Owned(shown) = visible(text) {
                *text = shown;
                changed = true;
            }
        }
        for (_, prompt) in self.prompts_mut() {
            let lines: Vec<String> = prompt.lines().map(|l| visible(l).into_owned()).collect();
            let shown = lines.join("\n");
            if shown != *prompt {
                *prompt = shown;
                changed = true;
            }
        }
        changed
    }

    /// Everything serde cannot see: empty names, duplicates, unknown components.
    pub fn problems(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        let mut problem = |path: String, message: String| problems.push(Problem { path, message });
        if self.title.trim().is_empty() {
            problem("title".into(), "a title that is not empty".into());
        }
        if self.stages.is_empty() {
            problem(
                "stages".into(),
                "at least one stage, such as (title: \"Check-in\", duration: \"10m\")".into(),
            );
        }
        for (i, stage) in self.stages.iter().enumerate() {
            if stage.title.trim().is_empty() {
                problem(format!("stages[{i}].title"), "a stage title that is not empty".into());
            }
            let mut end = 0;
            for (j, step) in stage.steps.iter().enumerate() {
                if step.name.trim().is_empty() {
                    problem(
                        format!("stages[{i}].steps[{j}][0]"),
                        "a step name that is not empty, such as \"in pairs\"".into(),
                    );
                }
                end += step.length.secs();
                if end > stage.duration.secs() && end - step.length.secs() <= stage.duration.secs()
                {
                    let sum: u64 = stage.steps.iter().map(|s| s.length.secs()).sum();
                    problem(
                        format!("stages[{i}].steps[{j}]"),
                        format!(
                            "steps that fit in the stage's {}: they reach {} here and add up to {}; lengthen `duration`, or leave it out to take the steps' sum",
                            stage.duration,
                            Length::from_secs(end),
                            Length::from_secs(sum)
                        ),
                    );
                }
            }
        }
        // Sets, not lists: a plan of 100,000 people is checked in one pass.
        let mut seen: HashSet<String> = HashSet::new();
        for (i, person) in self.participants.iter().enumerate() {
            if person.name.trim().is_empty() {
                problem(format!("participants[{i}].name"), "a name that is not empty".into());
            }
            if person.role.trim().is_empty() {
                problem(
                    format!("participants[{i}].role"),
                    format!("a role for {} (resident, carer, GP…)", person.name),
                );
            }
            let key = person.name.trim().to_lowercase();
            if !seen.insert(key) {
                problem(
                    format!("participants[{i}].name"),
                    format!(
                        "a name not already in the list: \"{}\" is there twice; add a surname or initial",
                        person.name
                    ),
                );
            }
        }
        let mut roles: HashSet<String> = HashSet::new();
        for (i, v) in self.voices.iter().enumerate() {
            if v.role.trim().is_empty() {
                problem(format!("voices[{i}].role"), "a role that is not empty".into());
            } else if !roles.insert(fold(&v.role)) {
                problem(
                    format!("voices[{i}].role"),
                    format!("a role not already in the list: \"{}\" is there twice", v.role),
                );
            }
        }
        let components = self.components();
        if let Some(own) = &self.components {
            if own.is_empty() {
                problem(
                    "components".into(),
                    "at least one component, or None for the ten components of co-production"
                        .into(),
                );
            }
            let mut names: HashSet<String> = HashSet::new();
            for (i, c) in own.iter().enumerate() {
                let key = fold(&c.name);
                if c.name.trim().is_empty() {
                    problem(
                        format!("components[{i}].name"),
                        "a component name that is not empty".into(),
                    );
                } else if !names.insert(key) {
                    problem(
                        format!("components[{i}].name"),
                        format!(
                            "a component name not already in the list: \"{}\" is there twice",
                            c.name
                        ),
                    );
                }
            }
        }
        for (i, stage) in self.stages.iter().enumerate() {
            for (j, name) in stage.focus.iter().enumerate() {
                if find_component(&components, name).is_none() {
                    let known: Vec<&str> = components.iter().map(|c| c.name.as_str()).collect();
                    problem(
                        format!("stages[{i}].focus[{j}]"),
                        format!(
                            "one of the plan's components ({}), found \"{name}\"",
                            known.join(", ")
                        ),
                    );
                }
            }
        }
        problems
    }
}

/// Where `role` speaks from, by the plan's `voices`; by its name only when
/// there are none.
pub fn standpoint(voices: &[Standpoint], role: &str) -> Option<bool> {
    if voices.is_empty() {
        return super::balance::lived_experience(role);
    }
    let key = fold(role);
    voices.iter().find(|v| fold(&v.role) == key).map(|v| v.lived)
}

/// Components are matched ignoring case and accents, so "action-focused" finds "Action-focused".
pub fn find_component<'a>(components: &'a [Component], name: &str) -> Option<&'a Component> {
    let key = fold(name);
    components.iter().find(|c| fold(&c.name) == key)
}
