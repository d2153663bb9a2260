//! The model: plan + events → state, with a fixed clock.

mod common;

use std::sync::Arc;

use common::{MIN, at, fold, plan};
use proptest::prelude::*;
use roundtable::model::agenda::Phase;
use roundtable::model::stage::Status;
use roundtable::model::{Event, Logged, State};

#[test]
fn a_new_workshop_is_ready_on_its_first_stage() {
    let state = fold(&[]);
    assert_eq!(state.current, 0);
    assert!(!state.running());
    assert_eq!(state.phase(5 * MIN), Phase::Ready);
    assert_eq!(state.remaining(5 * MIN), 10 * MIN as i64);
    assert_eq!(state.said, "Ready: stage 1 of 5, Welcome and check-in, 10 minutes.");
}

#[test]
fn a_running_timer_counts_down_and_a_paused_one_holds() {
    let state = fold(&[at(1_000, Event::TimerStarted)]);
    assert_eq!(state.remaining(1_000 + 4 * MIN), 6 * MIN as i64);
    assert_eq!(state.phase(1_000 + 4 * MIN), Phase::Running);
    let state = fold(&[at(1_000, Event::TimerStarted), at(1_000 + 3 * MIN, Event::TimerPaused)]);
    assert_eq!(state.remaining(1_000 + 30 * MIN), 7 * MIN as i64);
    assert_eq!(state.phase(40 * MIN), Phase::Paused);
    assert_eq!(state.said, "Timer paused: Welcome and check-in, 7 minutes left");
}

#[test]
fn past_its_time_a_stage_keeps_counting_over() {
    let state = fold(&[at(0, Event::TimerStarted)]);
    assert_eq!(state.phase(9 * MIN), Phase::EndingSoon);
    assert_eq!(state.remaining(11 * MIN + 30_000), -90_000);
    assert_eq!(state.phase(11 * MIN + 30_000), Phase::Over);
    assert_eq!(state.drift(11 * MIN + 30_000), 90_000);
}

#[test]
fn next_ends_a_stage_and_starts_the_next_ones_timer() {
    let state = fold(&[at(0, Event::TimerStarted), at(12 * MIN, Event::StageChanged { to: 1 })]);
    assert_eq!(state.current, 1);
    assert!(state.running());
    assert_eq!(state.elapsed(0, 30 * MIN), 12 * MIN);
    assert_eq!(state.elapsed(1, 13 * MIN), MIN);
    assert_eq!(state.status(0), Status::Done);
    assert_eq!(state.status(1), Status::Current);
    assert_eq!(state.status(2), Status::ToCome);
    assert_eq!(state.said, "Stage 2 of 5 started: What matters to you? 20 minutes");
    // Two minutes over on stage one, and stage two has just begun: two minutes over plan.
    assert_eq!(state.drift(12 * MIN), 2 * MIN as i64);
}

#[test]
fn back_returns_to_the_stage_before_with_its_time_so_far() {
    let state = fold(&[
        at(0, Event::TimerStarted),
        at(5 * MIN, Event::StageChanged { to: 1 }),
        at(6 * MIN, Event::StageChanged { to: 0 }),
    ]);
    assert_eq!(state.current, 0);
    assert_eq!(state.remaining(7 * MIN), 4 * MIN as i64);
    assert_eq!(state.elapsed(1, 7 * MIN), MIN);
    assert_eq!(state.said, "Back to stage 1 of 5: Welcome and check-in, 5 minutes left");
}

#[test]
fn minutes_added_live_move_the_end_but_not_the_plan() {
    let state = fold(&[
        at(0, Event::TimerStarted),
        at(MIN, Event::StageExtended { stage: 0, by_s: 60 }),
        at(MIN, Event::StageExtended { stage: 0, by_s: 60 }),
    ]);
    assert_eq!(state.planned_ms(0), 12 * MIN as i64);
    assert_eq!(state.plan.stages[0].duration.ms(), 10 * MIN);
    assert_eq!(state.drift(MIN), 2 * MIN as i64);
    assert_eq!(state.projected_end(MIN), 82 * MIN);
    assert_eq!(state.said, "One minute more for Welcome and check-in: now 12 minutes");
}

#[test]
fn a_pause_pushes_the_projected_end_later() {
    let state = fold(&[at(0, Event::TimerStarted), at(MIN, Event::TimerPaused)]);
    assert_eq!(state.projected_end(MIN), 80 * MIN);
    assert_eq!(state.projected_end(6 * MIN), 85 * MIN);
    assert_eq!(state.drift(6 * MIN), 0, "a pause is not stage time");
}

#[test]
fn impossible_changes_are_refused_in_words() {
    let state = fold(&[at(0, Event::TimerStarted)]);
    let refuse = |e: Event| state.check(&at(MIN, e)).unwrap_err().to_string();
    assert_eq!(refuse(Event::TimerStarted), "The timer is already running.");
    assert_eq!(refuse(Event::StageChanged { to: 9 }), "There is no stage 10 in a plan of 5.");
    assert_eq!(refuse(Event::StageChanged { to: 0 }), "Stage 1 is already the current one.");
    assert_eq!(
        refuse(Event::StageExtended { stage: 0, by_s: -600 }),
        "A stage cannot be shorter than one minute."
    );
    assert_eq!(fold(&[]).check(&at(0, Event::Undo)).unwrap_err().to_string(), "Nothing to undo.");
    assert!(state.check(&at(0, Event::TimerPaused)).is_ok());
    let earlier = fold(&[at(5_000, Event::TimerStarted)]);
    assert!(earlier.check(&at(4_000, Event::TimerPaused)).is_err(), "time never goes back");
}

#[test]
fn an_ended_workshop_takes_no_more_changes_until_undone() {
    let events = vec![
        at(0, Event::TimerStarted),
        at(10 * MIN, Event::StageChanged { to: 4 }),
        at(20 * MIN, Event::WorkshopEnded),
    ];
    let state = fold(&events);
    assert_eq!(state.ended, Some(20 * MIN));
    assert_eq!(state.phase(30 * MIN), Phase::Ended);
    assert!(!state.running());
    assert_eq!(state.status(4), Status::Done);
    assert!(state.check(&at(21 * MIN, Event::TimerStarted)).is_err());
    let mut reopened = state.clone();
    reopened.apply(&at(21 * MIN, Event::Undo)).unwrap();
    assert_eq!(reopened.ended, None);
    assert!(reopened.running(), "the last stage runs again, as if it had never ended");
}

#[test]
fn undo_takes_back_the_last_action_and_stays_in_the_log() {
    let events = vec![
        at(0, Event::TimerStarted),
        at(5 * MIN, Event::StageChanged { to: 1 }),
        at(6 * MIN, Event::Undo),
    ];
    let state = fold(&events);
    assert_eq!(state.current, 0);
    assert_eq!(state.remaining(6 * MIN), 4 * MIN as i64, "stage one ran on throughout");
    assert_eq!(state.count, 3);
    assert_eq!(state.said, "Undone: Stage 2 of 5 started: What matters to you? 20 minutes");
    let twice = fold(&[events.clone(), vec![at(7 * MIN, Event::Undo)]].concat());
    assert_eq!(twice.current, 0);
    assert!(!twice.running());
    assert_eq!(twice.phase(7 * MIN), Phase::Ready);
}

#[test]
fn a_resume_pauses_a_running_timer_where_the_console_was_last_seen() {
    let state = fold(&[at(0, Event::TimerStarted), at(4 * MIN, Event::Resumed { gap_s: 900 })]);
    assert!(!state.running());
    assert_eq!(state.remaining(60 * MIN), 6 * MIN as i64);
    assert_eq!(
        state.said,
        "Resumed after a gap of 15 minutes. The timer is paused at 6 minutes left until you start it."
    );
    // A resume is the console's own record; undo passes over it.
    let undone = fold(&[
        at(0, Event::TimerStarted),
        at(4 * MIN, Event::Resumed { gap_s: 900 }),
        at(5 * MIN, Event::Undo),
    ]);
    assert_eq!(undone.phase(5 * MIN), Phase::Ready);
}

#[test]
fn the_next_visible_change_is_the_next_whole_second_of_a_running_timer() {
    let state = fold(&[at(1_250, Event::TimerStarted)]);
    assert_eq!(state.next_tick(1_250), Some(2_250));
    assert_eq!(state.next_tick(2_000), Some(2_250));
    assert_eq!(fold(&[]).next_tick(0), None);
}

fn any_event() -> impl Strategy<Value = Event> {
    prop_oneof![
        Just(Event::TimerStarted),
        Just(Event::TimerPaused),
        (0usize..7).prop_map(|to| Event::StageChanged { to }),
        (0usize..6, -3i64..4).prop_map(|(stage, m)| Event::StageExtended { stage, by_s: m * 60 }),
        Just(Event::WorkshopEnded),
        (0u64..5000).prop_map(|gap_s| Event::Resumed { gap_s }),
        Just(Event::Undo),
        Just(Event::Undo),
    ]
}

fn any_log() -> impl Strategy<Value = Vec<Logged>> {
    prop::collection::vec((0u64..600_000, any_event()), 0..60).prop_map(|steps| {
        let mut at = 0;
        steps
            .into_iter()
            .map(|(gap, event)| {
                at += gap;
                Logged::new(at, event)
            })
            .collect()
    })
}

proptest! {
    #[test]
    fn the_fold_equals_applying_one_event_at_a_time(log in any_log()) {
        let folded = fold(&log);
        let mut stepped = State::new(Arc::new(plan()));
        for logged in &log {
            if stepped.check(logged).is_ok() {
                stepped.apply(logged).unwrap();
            } else {
                let before = stepped.clone();
                prop_assert!(stepped.apply(logged).is_err());
                prop_assert_eq!(&stepped, &before, "a refused event changes nothing");
            }
        }
        prop_assert_eq!(folded, stepped);
    }

    #[test]
    fn no_time_is_ever_negative_and_stage_time_never_exceeds_the_clock(log in any_log(), later in 0u64..3_600_000) {
        let state = fold(&log);
        let now = state.at + later;
        let total: u64 = (0..state.stages.len()).map(|i| state.elapsed(i, now)).sum();
        prop_assert!(total <= now, "stage time {} > clock {}", total, now);
        for i in 0..state.stages.len() {
            prop_assert!(state.planned_ms(i) >= 60_000);
        }
        prop_assert!(state.projected_end(now) >= now.min(state.ended.unwrap_or(now)));
    }

    #[test]
    fn undo_restores_the_state_before_the_action(log in any_log(), event in any_event()) {
        let before = fold(&log);
        let t = before.at + 1_000;
        let action = Logged::new(t, event.clone());
        prop_assume!(event.undoable() && before.check(&action).is_ok());
        let mut after = before.clone();
        after.apply(&action).unwrap();
        after.apply(&Logged::new(t, Event::Undo)).unwrap();
        prop_assert_eq!(after.current, before.current);
        prop_assert_eq!(after.ended, before.ended);
        for i in 0..before.stages.len() {
            prop_assert_eq!(after.stages[i].timer, before.stages[i].timer);
            prop_assert_eq!(after.stages[i].added_ms, before.stages[i].added_ms);
        }
    }
}

#[test]
fn undo_far_into_a_long_session_folds_from_the_nearest_mark() {
    let mut log = vec![at(0, Event::TimerStarted)];
    for i in 1..3_000u64 {
        let event = if i % 2 == 1 { Event::TimerPaused } else { Event::TimerStarted };
        log.push(at(i * 1_000, event));
    }
    let mut undone = log.clone();
    for i in 0..5u64 {
        undone.push(at(3_000_000 + i, Event::Undo));
    }
    let state = fold(&undone);
    let expected = fold(&log[..log.len() - 5]);
    assert_eq!(state.stages, expected.stages);
    assert_eq!(state.running(), expected.running());
    assert_eq!(state.count, log.len() + 5);
    assert_eq!(state.said, "Undone: Timer paused: Welcome and check-in, 15 minutes over");
}

#[test]
fn undo_after_undo_through_thinned_marks_equals_the_fold_without_them() {
    // 40 segments of history: the marks further back are thinned, and undoing
    // 3,000 events in a row must cross several gaps between them.
    let mut log = vec![at(0, Event::TimerStarted)];
    for i in 1..41_000u64 {
        let event = if i % 2 == 1 { Event::TimerPaused } else { Event::TimerStarted };
        log.push(at(i * 10, event));
    }
    let mut state = fold(&log);
    for n in 1..=3_000u64 {
        state.apply(&at(500_000 + n, Event::Undo)).unwrap();
        if n % 500 == 0 {
            let expected = fold(&log[..log.len() - n as usize]);
            assert_eq!(state.stages, expected.stages, "after {n} undos");
            assert_eq!(state.running(), expected.running(), "after {n} undos");
        }
    }
}

#[test]
fn a_fold_to_read_shows_what_the_full_fold_shows() {
    let mut log = vec![at(0, Event::TimerStarted)];
    for i in 1..5_000u64 {
        let event = match i % 7 {
            3 => Event::Undo,
            n if n % 2 == 1 => Event::TimerPaused,
            _ => Event::TimerStarted,
        };
        log.push(at(i * 10, event));
    }
    log.push(at(60_000, Event::StageChanged { to: 1 }));
    log.push(at(61_000, Event::WorkshopEnded));
    let full = fold(&log);
    let read = State::fold_to_read(Arc::new(plan()), &log);
    assert_eq!((read.current, read.ended, read.count), (full.current, full.ended, full.count));
    assert_eq!(read.stages, full.stages);
    assert_eq!(read.said, full.said);
    // Read, not resumed: nothing after the log's last undo can be taken back.
    assert_eq!(read.check(&at(62_000, Event::Undo)).unwrap_err().to_string(), "Nothing to undo.");
    assert!(full.check(&at(62_000, Event::Undo)).is_ok());
}

/// `n` events that no undo takes back, a second apart from `from`.
fn resumes(from: u64, n: usize) -> impl Iterator<Item = Logged> {
    (0..n as u64).map(move |i| at(from + i * 1000, Event::Resumed { gap_s: 0 }))
}

fn apply_all(state: &mut State, events: impl IntoIterator<Item = Logged>) {
    for logged in events {
        state.apply(&logged).unwrap();
    }
}

#[test]
fn undo_reaches_back_at_least_its_reach_and_what_it_keeps_stays_bounded() {
    use roundtable::model::history::SEGMENT;
    use roundtable::model::state::REACH;
    // A timer started, then as many events as undo reaches over, less one segment: still undone.
    let mut near = State::new(Arc::new(plan()));
    apply_all(&mut near, [at(0, Event::TimerStarted)]);
    apply_all(&mut near, resumes(1000, (REACH - 1) * SEGMENT));
    let before = near.clone();
    let end = near.at + 1000;
    near.apply(&at(end, Event::Undo)).unwrap();
    assert!(near.said.starts_with("Undone: "), "{}", near.said);
    assert!(before.stages[0].started && !near.stages[0].started, "the timer's start is undone");
    // Far beyond the reach, the start is out of undo's reach, and says so.
    let mut far = State::new(Arc::new(plan()));
    apply_all(&mut far, [at(0, Event::TimerStarted)]);
    apply_all(&mut far, resumes(1000, 4 * REACH * SEGMENT));
    let end = far.at + 1000;
    assert_eq!(far.check(&at(end, Event::Undo)), Err(roundtable::model::Refusal::NothingToUndo));
    // However long the log, the history kept for undo stays under twice the reach.
    assert!(far.undo_history() < 2 * REACH * SEGMENT, "{}", far.undo_history());
    assert!(far.undo_history() >= REACH * SEGMENT, "{}", far.undo_history());
}

#[test]
fn an_undo_within_reach_after_history_was_let_go_folds_as_the_whole_log_does() {
    // Ideas far back, then a long stretch, then an idea and an undo: the state
    // with the older history let go equals the fold of the same log kept whole.
    let idea =
        |text: &str| Event::IdeaCaptured { text: text.into(), author: None, components: vec![] };
    let mut log = vec![at(0, Event::TimerStarted), at(500, idea("far back"))];
    log.extend(resumes(1000, 40 * 1024));
    let t = log.last().unwrap().at;
    log.extend([at(t + 1, idea("kept")), at(t + 2, idea("undone")), at(t + 3, Event::Undo)]);
    let mut live = State::new(Arc::new(plan()));
    apply_all(&mut live, log.iter().cloned());
    let texts: Vec<&str> = live.ideas.list.iter().map(|i| i.text.as_str()).collect();
    assert_eq!(texts, ["far back", "kept"]);
    assert_eq!(live.ideas, fold(&log).ideas);
    assert_eq!(live.stages, fold(&log).stages);
}
