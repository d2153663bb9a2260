//! The session summary: one fold, shared by `report`, `compare` and the screens.

use serde::Serialize;

use crate::model::session::Session;
use crate::model::{Ms, State};

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Summary {
    pub title: String,
    pub series: Option<String>,
    pub started: String,
    /// Null while the workshop is unfinished.
    pub ended: Option<String>,
    pub planned_s: u64,
    pub actual_s: u64,
    pub stages: Vec<StageSummary>,
    pub participants: Vec<ParticipantSummary>,
    pub roles: Vec<RoleSummary>,
    /// 1 − Gini of airtime over the people who count (here at some point, not the facilitator).
    pub equality: f64,
    pub not_heard: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ParticipantSummary {
    pub name: String,
    pub role: String,
    pub turns: u32,
    pub spoken_s: u64,
    pub present_s: u64,
    pub walk_in: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoleSummary {
    pub role: String,
    pub people: usize,
    pub spoken_s: u64,
    /// Share of the airtime, 0..1.
    pub share: f64,
    /// Share of the people, 0..1, to set beside it.
    pub people_share: f64,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StageSummary {
    pub title: String,
    /// As first planned.
    pub planned_s: u64,
    /// Added (or, negative, taken away) during the workshop.
    pub added_s: i64,
    /// How long its timer ran.
    pub actual_s: u64,
    /// Whether the workshop got to it at all.
    pub reached: bool,
}

/// Three decimals are plenty for a share, and keep reports stable to compare.
fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn secs(ms: Ms) -> u64 {
    (ms + 500) / 1000
}

impl Summary {
    /// Sums a session up as it stood at its last event.
    pub fn of(session: &Session, state: &State) -> Summary {
        let at = state.at;
        let wall =
            |ms: Ms| (session.started + chrono::Duration::milliseconds(ms as i64)).to_rfc3339();
        let stages: Vec<StageSummary> = session
            .plan
            .stages
            .iter()
            .enumerate()
            .map(|(i, stage)| StageSummary {
                title: stage.title.clone(),
                planned_s: stage.duration.secs(),
                added_s: state.stages[i].added_ms / 1000,
                actual_s: secs(state.elapsed(i, at)),
                reached: state.stages[i].started,
            })
            .collect();
        let room = &state.room;
        let balance = room.balance(at);
        let participants = balance
            .voices
            .iter()
            .map(|v| {
                let person = &room.people[v.who];
                ParticipantSummary {
                    name: person.name.clone(),
                    role: person.role.clone(),
                    turns: v.turns,
                    spoken_s: secs(v.airtime),
                    present_s: secs(v.present),
                    walk_in: person.walk_in,
                }
            })
            .collect();
        let roles = balance
            .roles
            .iter()
            .map(|r| RoleSummary {
                role: r.role.clone(),
                people: r.people,
                spoken_s: secs(r.airtime),
                share: round3(r.share),
                people_share: round3(r.people_share),
            })
            .collect();
        Summary {
            participants,
            roles,
            equality: round3(balance.equality),
            not_heard: balance.not_heard.iter().map(|&i| room.people[i].name.clone()).collect(),
            title: session.plan.title.clone(),
            series: session.plan.series.clone(),
            started: session.started.to_rfc3339(),
            ended: state.ended.map(wall),
            planned_s: stages.iter().map(|s| s.planned_s).sum(),
            actual_s: stages.iter().map(|s| s.actual_s).sum(),
            stages,
        }
    }
}
