//! Shared fixtures: a plan with accented, CJK and emoji names, and a fixed clock.
#![allow(dead_code)]

pub mod tmux;

use std::path::Path;
use std::sync::Arc;

use chrono::{DateTime, FixedOffset};
use roundtable::model::session::{Session, VERSION, WRITTEN_BY};
use roundtable::model::{Event, Logged, Ms, Plan, State};
use roundtable::store::plan_file::parse_plan;

pub const PLAN: &str = include_str!("../fixtures/plan.ron");

pub fn plan() -> Plan {
    parse_plan(Path::new("tests/fixtures/plan.ron"), PLAN).unwrap()
}

pub fn started() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-25T19:00:00+00:00").unwrap()
}

pub fn session(events: Vec<Logged>) -> Session {
    Session {
        version: VERSION,
        written_by: Some(WRITTEN_BY.into()),
        started: started(),
        plan: plan(),
        events,
    }
}

pub fn at(ms: Ms, event: Event) -> Logged {
    Logged { at: ms, event }
}

pub const MIN: Ms = 60_000;

pub fn fold(events: &[Logged]) -> State {
    State::fold(Arc::new(plan()), events)
}
