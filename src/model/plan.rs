//! The plan a facilitator writes before the workshop: stages, people, rules.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use super::component::{Component, ten_components};
use super::length::{Length, Ms};
use super::text::fold;

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
    pub stages: Vec<StagePlan>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Participant {
    pub name: String,
    pub role: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub needs: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename = "Stage")]
pub struct StagePlan {
    pub title: String,
    pub duration: Length,
    #[serde(default)]
    pub kind: StageKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub turn: Option<Length>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub focus: Vec<String>,
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

/// Components are matched ignoring case and accents, so "action-focused" finds "Action-focused".
pub fn find_component<'a>(components: &'a [Component], name: &str) -> Option<&'a Component> {
    let key = fold(name);
    components.iter().find(|c| fold(&c.name) == key)
}
