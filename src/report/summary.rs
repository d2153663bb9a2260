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
        Summary {
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
