//! Clock jumps bend no duration: offsets come from a monotonic clock, the wall
//! clock is read only for display (`started`) and for the gap of a resume.
//! The clock is injected: offsets are passed to `App::handle` and the fold,
//! wall times to `Recorder::create` and `Recorder::resume`.

mod common;

use std::sync::Arc;

use chrono::{DateTime, Duration, FixedOffset};
use common::{MIN, at, plan, session, started};
use proptest::prelude::*;
use roundtable::app::live::Live;
use roundtable::app::{App, Mode};
use roundtable::console::clock::Clock;
use roundtable::input::action::Action;
use roundtable::input::keymap::Keymap;
use roundtable::model::queue::HandKind;
use roundtable::model::session::Session;
use roundtable::model::{Event, Logged, Ms, State};
use roundtable::report::Summary;
use roundtable::store::recorder::Recorder;
use roundtable::store::session_file::{load_session, to_text};

/// A workshop with every kind of duration: stage timers, pauses, turns, presence, a resume.
fn workshop() -> Vec<Logged> {
    let hand = |who: &str| Event::HandRaised { who: who.into(), kind: HandKind::Normal };
    let floor = |who: &str| Event::FloorGiven { who: who.into() };
    vec![
        at(1_000, Event::TimerStarted),
        at(2_000, floor("Amina")),
        at(95_000, floor("Dr Lee")),
        at(200_000, Event::TurnEnded),
        at(9 * MIN, Event::StageChanged { to: 1 }),
        at(9 * MIN + 500, hand("Zoë")),
        at(9 * MIN + 900, hand("Łukasz")),
        at(10 * MIN, floor("Zoë")),
        at(11 * MIN, Event::TimerPaused),
        at(13 * MIN, Event::TimerStarted),
        at(14 * MIN, Event::Left { who: "王芳".into() }),
        at(15 * MIN, floor("Łukasz")),
        at(16 * MIN, Event::StageExtended { stage: 1, by_s: 60 }),
        at(20 * MIN, Event::Resumed { gap_s: 3_600 }),
        at(21 * MIN, Event::TimerStarted),
        at(22 * MIN, Event::StageChanged { to: 2 }),
        at(
            22 * MIN + 10,
            Event::IdeaCaptured {
                text: "Benches outside".into(),
                author: Some("Zoë".into()),
                components: vec!["Creative".into()],
            },
        ),
        at(23 * MIN, Event::Voted { idea: 0 }),
        at(30 * MIN, Event::StageChanged { to: 4 }),
        at(31 * MIN, Event::CheckpointStarted { label: "end".into() }),
        at(31 * MIN + 1, Event::Scored { component: "Equal".into(), score: Some(3) }),
        at(40 * MIN, Event::WorkshopEnded),
    ]
}

fn wall(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

/// The report of a session written to disk and read back, as `roundtable report` makes it.
fn report(s: &Session) -> serde_json::Value {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.ron");
    std::fs::write(&path, to_text(s).unwrap()).unwrap();
    let loaded = load_session(&path).unwrap();
    serde_json::to_value(Summary::of(&loaded.session, &loaded.state)).unwrap()
}

/// The report without its wall-clock fields, which are for display.
fn durations(mut json: serde_json::Value) -> serde_json::Value {
    let object = json.as_object_mut().unwrap();
    object.remove("started");
    object.remove("ended");
    for row in object["reflections"].as_array_mut().unwrap() {
        row.as_object_mut().unwrap().remove("at");
    }
    json
}

#[test]
fn every_duration_comes_from_the_offsets_whatever_the_wall_clock_said() {
    let events = workshop();
    let mut reports = Vec::new();
    for start in [
        "2026-11-25T19:00:00+00:00",
        // The wall clock was a day and seven minutes slow, or three years fast, or far east.
        "2026-11-24T18:53:00+00:00",
        "2029-11-25T19:00:00+00:00",
        "2026-11-26T08:00:00+13:00",
        "1970-01-01T00:00:00+00:00",
    ] {
        let s = Session { started: wall(start), ..session(events.clone()) };
        let json = report(&s);
        // The wall-clock end is the start plus the offset of the end, never a second reading.
        let ended = wall(json["ended"].as_str().unwrap());
        assert_eq!(ended - wall(start), Duration::minutes(40), "{start}");
        reports.push(durations(json));
    }
    // Everything else, every duration and count, is the same whatever the wall clock said.
    for other in &reports[1..] {
        assert_eq!(other, &reports[0]);
    }
    let r = &reports[0];
    assert_eq!(r["stages"][0]["actual_s"], 9 * 60 - 1);
    // Stage 2 ran from 9 to 11, and 13 to 20 (the resume paused it), and 21 to 22.
    assert_eq!(r["stages"][1]["actual_s"], 10 * 60);
    assert_eq!(r["stages"][2]["actual_s"], 8 * 60);
    assert_eq!(r["actual_s"], (9 + 10 + 8 + 10) * 60 - 1);
    let person = |name: &str| {
        r["participants"].as_array().unwrap().iter().find(|p| p["name"] == name).unwrap().clone()
    };
    // Dr Lee spoke from 95 s to 200 s; Łukasz from 15 min to the resume at 20 min.
    assert_eq!(person("Dr Lee")["spoken_s"], 105);
    assert_eq!(person("Łukasz")["spoken_s"], 5 * 60);
    assert_eq!(person("王芳")["present_s"], 14 * 60);
    // The hour away is a pause: no one was present, and no timer ran, for it.
    assert_eq!(person("Amina")["present_s"], 40 * 60);
}

#[test]
fn offsets_are_the_injected_clock_and_never_the_wall_clock() {
    // A session whose wall-clock start is far in the future: the keys still log the offsets given.
    let s = Session { started: wall("2099-01-01T00:00:00+00:00"), ..session(vec![]) };
    let mut app = App { mode: Mode::Live(Box::new(Live::new(s))), keymap: Keymap::defaults() };
    let mut press = |action: Action, now: Ms| {
        let out = app.handle(action, now);
        if let Mode::Live(live) = &mut app.mode {
            for logged in &out.events {
                live.record(logged.clone());
            }
        }
        out.events
    };
    assert_eq!(press(Action::StartPause, 1_500), vec![at(1_500, Event::TimerStarted)]);
    assert_eq!(press(Action::NextStage, 61_500), vec![at(61_500, Event::StageChanged { to: 1 })]);
    // A clock that reads earlier than the last event (as a resumed one may) never logs back in time.
    assert_eq!(press(Action::StartPause, 30_000), vec![at(61_500, Event::TimerPaused)]);
    let Mode::Live(live) = &app.mode else { unreachable!() };
    assert_eq!(live.state.elapsed(0, 61_500), 60_000);
    assert_eq!(live.state.elapsed(1, 100_000), 0);
}

#[test]
fn the_session_clock_only_moves_forward_from_where_it_resumed() {
    let clock = Clock::starting_at(7 * MIN);
    let mut last = clock.now();
    assert!(last >= 7 * MIN);
    for _ in 0..10_000 {
        let now = clock.now();
        assert!(now >= last, "the clock went back from {last} to {now}");
        last = now;
    }
    std::thread::sleep(std::time::Duration::from_millis(20));
    assert!(clock.now() >= 7 * MIN + 20);
}

/// A workshop recorded to a journal and cut off by a crash at `alive`:
/// stage 1 from 0 to 5 min, stage 2 from 5 min on, Zoë speaking from 6 min.
fn crashed(dir: &std::path::Path, alive: Ms) -> std::path::PathBuf {
    let (mut recorder, _) = Recorder::create(dir, plan(), started()).unwrap();
    for logged in [
        at(0, Event::TimerStarted),
        at(5 * MIN, Event::StageChanged { to: 1 }),
        at(6 * MIN, Event::FloorGiven { who: "Zoë".into() }),
    ] {
        assert!(recorder.append(&logged));
    }
    recorder.mark_alive(alive);
    recorder.path.clone()
    // Dropped without finishing: as after kill -9.
}

#[test]
fn a_resume_after_the_wall_clock_went_back_records_no_negative_gap() {
    for set_back in [
        // Before the session even started, and between its start and the last sign of life.
        started() - Duration::hours(2),
        started() + Duration::minutes(3),
        started() + Duration::minutes(8) - Duration::milliseconds(1),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let path = crashed(dir.path(), 8 * MIN);
        let (mut recorder, loaded, resumed) = Recorder::resume(&path, set_back).unwrap();
        assert_eq!(resumed, at(8 * MIN, Event::Resumed { gap_s: 0 }), "{set_back}");
        let mut state = loaded.state;
        state.apply(&resumed).unwrap();
        assert!(!state.running(), "the timer waits at the last sign of life");
        assert!(state.said.starts_with("Resumed. The timer is paused at"), "{}", state.said);
        assert_eq!(state.elapsed(0, 8 * MIN), 5 * MIN);
        assert_eq!(state.elapsed(1, 8 * MIN), 3 * MIN);
        assert_eq!(state.room.speaking, None, "the resume ends the turn");
        let zoe = state.room.find("Zoë").unwrap();
        assert_eq!(state.room.airtime(zoe, 8 * MIN), 2 * MIN);

        // The workshop carries on from the resumed offset, ten minutes of it.
        assert!(recorder.append(&resumed));
        let mut events = loaded.session.events.clone();
        events.push(resumed.clone());
        for logged in [at(9 * MIN, Event::TimerStarted), at(19 * MIN, Event::WorkshopEnded)] {
            state.apply(&logged).unwrap();
            assert!(recorder.append(&logged));
            events.push(logged);
        }
        let s = Session { events, ..loaded.session };
        recorder.finish(&s).unwrap();
        recorder.release();
        let back = load_session(&path).unwrap();
        assert_eq!(back.session.events, s.events);
        assert_eq!(back.state.elapsed(1, 19 * MIN), 13 * MIN);
        assert_eq!(back.state.stage_time(19 * MIN), 18 * MIN);
    }
}

#[test]
fn a_resume_after_the_wall_clock_jumped_forward_is_a_pause_not_time_on_stage() {
    let dir = tempfile::tempdir().unwrap();
    let path = crashed(dir.path(), 8 * MIN);
    // Two days and ten seconds after the last sign of life, by a wall clock that jumped forward.
    let later = started() + Duration::minutes(8) + Duration::days(2) + Duration::seconds(10);
    let (_recorder, loaded, resumed) = Recorder::resume(&path, later).unwrap();
    assert_eq!(resumed, at(8 * MIN, Event::Resumed { gap_s: 2 * 86_400 + 10 }));
    let mut state = loaded.state;
    state.apply(&resumed).unwrap();
    assert!(state.said.contains("after a gap of 48 hours"), "{}", state.said);
    state.apply(&at(8 * MIN + 1_000, Event::TimerStarted)).unwrap();
    assert_eq!(state.elapsed(1, 9 * MIN + 1_000), 4 * MIN);
    assert_eq!(state.stage_time(9 * MIN + 1_000), 9 * MIN);
    let zoe = state.room.find("Zoë").unwrap();
    assert_eq!(state.room.airtime(zoe, 9 * MIN), 2 * MIN);
}

#[test]
fn the_last_sign_of_life_never_goes_before_the_last_event() {
    // A lock mark older than the last event (the console died between two marks).
    let dir = tempfile::tempdir().unwrap();
    let path = crashed(dir.path(), MIN);
    let (_recorder, loaded, resumed) =
        Recorder::resume(&path, started() + Duration::minutes(30)).unwrap();
    assert_eq!(resumed, at(6 * MIN, Event::Resumed { gap_s: 24 * 60 }));
    let mut state = loaded.state;
    state.apply(&resumed).unwrap();
    assert_eq!(state.elapsed(1, 6 * MIN), MIN);
}

/// A random workshop of timer and stage events, with a resume somewhere.
fn arbitrary_log() -> impl Strategy<Value = Vec<(u32, u8)>> {
    prop::collection::vec((0u32..600_000, 0u8..6), 1..40)
}

/// Turns (gap, kind) pairs into a log that folds without refusal.
fn log_of(steps: &[(u32, u8)]) -> Vec<Logged> {
    let mut state = State::new(Arc::new(plan()));
    let mut now: Ms = 0;
    let mut out = Vec::new();
    for &(gap, kind) in steps {
        now += gap as Ms;
        let stages = state.stages.len();
        let event = match kind {
            0 if state.running() => Event::TimerPaused,
            0 => Event::TimerStarted,
            1 => Event::StageChanged { to: (state.current + 1) % stages },
            2 if state.current > 0 => Event::StageChanged { to: state.current - 1 },
            3 => Event::Resumed { gap_s: gap as u64 * 97 },
            4 => Event::FloorGiven { who: "Zoë".into() },
            _ => Event::TurnEnded,
        };
        let logged = at(now, event);
        if state.apply(&logged).is_ok() {
            out.push(logged);
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Whatever the wall clock says at the start and at a resume, no duration is
    /// negative, none is longer than the span of the offsets, and all are the same.
    #[test]
    fn no_wall_clock_bends_a_duration(
        steps in arbitrary_log(),
        start_s in -4_000_000_000i64..4_000_000_000,
        resume_s in -400_000i64..400_000,
    ) {
        let events = log_of(&steps);
        let start = DateTime::from_timestamp(start_s, 0).unwrap().fixed_offset();
        let here = Session { started: started(), ..session(events.clone()) };
        let there = Session { started: start, ..session(events.clone()) };
        prop_assert_eq!(durations(report(&here)), durations(report(&there)));

        // A crash after these events, and a resume by a wall clock anywhere near.
        let dir = tempfile::tempdir().unwrap();
        let (mut recorder, _) = Recorder::create(dir.path(), plan(), start).unwrap();
        for logged in &events {
            prop_assert!(recorder.append(logged));
        }
        let path = recorder.path.clone();
        drop(recorder);
        let last = events.last().map_or(0, |l| l.at);
        let wall_now = start + Duration::milliseconds(last as i64) + Duration::seconds(resume_s);
        let (_recorder, loaded, resumed) = Recorder::resume(&path, wall_now).unwrap();
        prop_assert_eq!(loaded.session.events.len(), events.len());
        prop_assert_eq!(resumed.at, last);
        let Event::Resumed { gap_s } = resumed.event else { panic!("{resumed:?}") };
        prop_assert_eq!(gap_s, resume_s.max(0) as u64);
        let mut state = loaded.state;
        prop_assert!(state.apply(&resumed).is_ok());
        prop_assert!(!state.running());
        let total: Ms = (0..state.stages.len()).map(|i| state.elapsed(i, last + 3_600_000)).sum();
        prop_assert!(total <= last, "{total} ms of stage time in {last} ms of offsets");
        for i in 0..state.room.people.len() {
            prop_assert!(state.room.airtime(i, last + 3_600_000) <= last);
        }
    }
}
