//! No number from a file can overflow: every numeric field of every event,
//! fed the extremes of its type and their neighbours, is folded, reported and
//! written back without a panic (the test build checks every overflow).

mod common;

use std::sync::Arc;

use common::{MIN, at, plan, session};
use proptest::prelude::*;
use roundtable::model::action::{ActionStatus, Carried};
use roundtable::model::queue::HandKind;
use roundtable::model::{Event, Logged, State};
use roundtable::report::{Format, Summary, render};

fn extremes_u64() -> impl Strategy<Value = u64> {
    prop_oneof![
        Just(0),
        Just(1),
        Just(u64::MAX),
        Just(u64::MAX - 1),
        Just(i64::MAX as u64),
        Just(i64::MAX as u64 + 1),
        Just(u32::MAX as u64 + 1),
        any::<u64>(),
    ]
}

fn extremes_i64() -> impl Strategy<Value = i64> {
    prop_oneof![
        Just(i64::MIN),
        Just(i64::MIN + 1),
        Just(i64::MAX),
        Just(i64::MAX - 1),
        Just(-1),
        Just(0),
        Just(i64::MAX / 1000 + 1),
        Just(i64::MIN / 1000 - 1),
        any::<i64>(),
    ]
}

fn extremes_usize() -> impl Strategy<Value = usize> {
    prop_oneof![
        Just(0usize),
        Just(1),
        Just(usize::MAX),
        Just(usize::MAX - 1),
        Just(isize::MAX as usize),
        any::<usize>(),
    ]
}

/// Every event with a number in it, each number at an extreme.
fn extreme_event() -> impl Strategy<Value = Event> {
    prop_oneof![
        extremes_usize().prop_map(|to| Event::StageChanged { to }),
        (extremes_usize(), extremes_i64())
            .prop_map(|(stage, by_s)| Event::StageExtended { stage, by_s }),
        extremes_u64().prop_map(|gap_s| Event::Resumed { gap_s }),
        (extremes_usize(), "[a-z]{0,3}")
            .prop_map(|(idea, text)| Event::IdeaEdited { idea, text: format!("new {text}") }),
        extremes_usize().prop_map(|idea| Event::Voted { idea }),
        (extremes_usize(), extremes_usize())
            .prop_map(|(from, into)| Event::IdeasMerged { from, into }),
        (extremes_usize(), any::<bool>())
            .prop_map(|(idea, parked)| Event::IdeaParked { idea, parked }),
        extremes_usize().prop_map(|idea| Event::ActionAgreed {
            idea,
            owner: "Amina".into(),
            due: None
        }),
        extremes_usize().prop_map(|action| Event::ActionReviewed {
            action,
            status: ActionStatus::Done,
            note: None
        }),
        prop_oneof![Just(None), any::<u8>().prop_map(Some)]
            .prop_map(|score| Event::Scored { component: "Equal".into(), score }),
        (any::<u8>(), any::<i8>()).prop_map(|(level, change)| Event::Tallied {
            component: "Equal".into(),
            level,
            change
        }),
        (0u8..5, prop_oneof![Just(i8::MIN), Just(i8::MAX), Just(-1i8), Just(1i8)]).prop_map(
            |(level, change)| Event::Tallied { component: "Equal".into(), level, change }
        ),
    ]
}

/// A workshop under way with something of everything: ideas, an action, a
/// carried action, a checkpoint, so that numbers pointing at them are plausible.
fn under_way() -> Vec<Logged> {
    vec![
        at(0, Event::TimerStarted),
        at(1_000, Event::StageChanged { to: 2 }),
        at(2_000, Event::HandRaised { who: "Amina".into(), kind: HandKind::Normal }),
        at(3_000, Event::FloorGiven { who: "Amina".into() }),
        at(
            4_000,
            Event::IdeaCaptured {
                text: "A bench".into(),
                author: Some("Amina".into()),
                components: vec![],
            },
        ),
        at(5_000, Event::IdeaCaptured { text: "Shade".into(), author: None, components: vec![] }),
        at(6_000, Event::Voted { idea: 0 }),
        at(
            7_000,
            Event::ActionsCarried {
                from: "before".into(),
                actions: vec![Carried {
                    text: "Ask".into(),
                    owner: "Zoë".into(),
                    due: None,
                    status: ActionStatus::Open,
                    note: None,
                }],
            },
        ),
        at(8_000, Event::StageChanged { to: 4 }),
        at(9_000, Event::CheckpointStarted { label: "middle".into() }),
        at(10_000, Event::Tallied { component: "Equal".into(), level: 3, change: 1 }),
    ]
}

/// Folds, reports in every format and writes back: none may panic.
fn everything_with(log: &[Logged]) {
    let state = State::fold(Arc::new(plan()), log);
    let read = State::fold_to_read(Arc::new(plan()), log);
    let s = session(log.to_vec());
    for state in [&state, &read] {
        let summary = Summary::of(&s, state);
        for format in [Format::Md, Format::Csv, Format::Json] {
            let _ = render(&summary, format);
        }
        // `now` comes from the clock, not the file: up to the latest a workshop can run.
        for later in [0, MIN, roundtable::model::state::LATEST_MS] {
            let now = state.at + later;
            let _ = (state.remaining(now), state.drift(now), state.projected_end(now));
            let _ = state.room.queue(now);
        }
    }
    let _ = roundtable::store::session_file::to_text(&s);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn extreme_numbers_in_any_event_never_overflow(
        event in extreme_event(),
        when in prop_oneof![3 => Just(20_000u64), 1 => extremes_u64()],
        twice in any::<bool>(),
    ) {
        let mut log = under_way();
        log.push(at(when, event.clone()));
        if twice {
            log.push(at(when, event));
        }
        everything_with(&log);
    }
}

#[test]
fn a_gap_of_u64_max_seconds_is_said_without_wrapping() {
    let mut log = under_way();
    log.push(at(20_000, Event::Resumed { gap_s: u64::MAX }));
    let state = State::fold(Arc::new(plan()), &log);
    assert!(!state.said.contains("5124095576030"), "{}", state.said);
    everything_with(&log);
}

#[test]
fn a_session_file_with_extreme_numbers_loads_or_is_refused_never_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let numbers = [
        "18446744073709551615",
        "18446744073709551614",
        "9223372036854775807",
        "-9223372036854775808",
        "-9223372036854775807",
        "0",
    ];
    for n in numbers {
        for event in [
            format!("StageExtended(stage: 0, by_s: {n})"),
            format!("Resumed(gap_s: {n})"),
            format!("Voted(idea: {n})"),
            format!("StageChanged(to: {n})"),
            "TimerStarted".to_string(),
        ] {
            for when in ["20000", n] {
                let file = dir.path().join("s.ron");
                let text = roundtable::store::session_file::to_text(&session(under_way())).unwrap();
                let line = format!("        (at: {when}, event: {event}),\n    ],\n)");
                std::fs::write(&file, text.replace("    ],\n)", &line)).unwrap();
                if let Ok(loaded) = roundtable::store::session_file::load_session(&file) {
                    let summary = Summary::of(&loaded.session, &loaded.state);
                    let _ = render(&summary, Format::Md);
                }
            }
        }
    }
}
