//! Shared fixtures: a plan with accented, CJK and emoji names, and a fixed clock.
#![allow(dead_code)]

pub mod browser;
pub mod http;
pub mod process;
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
    session_of(plan(), events)
}

/// A session of `plan`, begun at the fixed time.
pub fn session_of(plan: Plan, events: Vec<Logged>) -> Session {
    Session {
        version: VERSION,
        written_by: Some(WRITTEN_BY.into()),
        started: started(),
        plan,
        rehearsal: false,
        events,
    }
}

/// A folder of its own holding the fixture plan as `plan.ron`.
pub fn folder_with_plan() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/plan.ron"),
        dir.path().join("plan.ron"),
    )
    .unwrap();
    dir
}

pub fn at(ms: Ms, event: Event) -> Logged {
    Logged::new(ms, event)
}

pub const MIN: Ms = 60_000;

pub fn fold(events: &[Logged]) -> State {
    State::fold(Arc::new(plan()), events)
}

/// A screen as text, a line a row, wide characters counted once.
pub fn text(buffer: &ratatui::buffer::Buffer) -> String {
    let width = buffer.area.width as usize;
    buffer
        .content
        .chunks(width)
        .map(|row| {
            let mut line = String::new();
            let mut skip = 0;
            for cell in row {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                line.push_str(cell.symbol());
                skip = unicode_width::UnicodeWidthStr::width(cell.symbol()).saturating_sub(1);
            }
            line.trim_end().to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}
