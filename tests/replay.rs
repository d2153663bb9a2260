//! Replay and compare: the past as it was, and sessions side by side.

mod common;

use std::sync::Arc;

use common::{MIN, at, fold, plan, session, text};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use roundtable::app::compare::Compare;
use roundtable::app::replay::Replay;
use roundtable::app::{App, Effect, Mode};
use roundtable::input::action::Action;
use roundtable::input::keymap::Keymap;
use roundtable::model::queue::HandKind;
use roundtable::model::timeline::Timeline;
use roundtable::model::{Event, Logged, State};
use roundtable::report::Summary;
use roundtable::report::compare::Comparison;
use roundtable::ui::theme::Theme;
use roundtable::ui::{self, Context};

const NAMES: [&str; 6] = ["Amina", "Dr Lee", "Zoë", "Łukasz", "王芳", "Sunny 🌞"];

fn any_event() -> impl Strategy<Value = Event> {
    let who = || prop::sample::select(NAMES.to_vec()).prop_map(String::from);
    prop_oneof![
        3 => who().prop_map(|who| Event::HandRaised { who, kind: HandKind::Normal }),
        3 => who().prop_map(|who| Event::FloorGiven { who }),
        1 => Just(Event::TurnEnded),
        1 => Just(Event::TimerStarted),
        1 => Just(Event::TimerPaused),
        1 => (0usize..5).prop_map(|to| Event::StageChanged { to }),
        2 => "[a-z ]{1,20}".prop_map(|text| Event::IdeaCaptured { text, author: None, components: vec![] }),
        2 => (0usize..5).prop_map(|idea| Event::Voted { idea }),
        1 => Just(Event::CheckpointStarted { label: "middle".into() }),
        1 => (0u8..5).prop_map(|s| Event::Scored { component: "Equal".into(), score: Some(s) }),
        1 => Just(Event::Undo),
    ]
}

/// A valid log: events the state refuses are left out, as a recording would.
fn any_log(max: usize) -> impl Strategy<Value = Vec<Logged>> {
    prop::collection::vec((0u64..90_000, any_event()), 0..max).prop_map(|steps| {
        let mut state = State::new(Arc::new(plan()));
        let mut t = 0;
        let mut out = Vec::new();
        for (gap, event) in steps {
            t += gap;
            let logged = Logged::new(t, event);
            if state.apply(&logged).is_ok() {
                out.push(logged);
            }
        }
        out
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn replay_at_t_is_the_live_state_after_the_events_up_to_t(log in any_log(700), pick in 0.0f64..1.1) {
        let timeline = Timeline::new(Arc::new(plan()), log.clone());
        let t = (timeline.end() as f64 * pick) as u64;
        let live = fold(&log.iter().filter(|l| l.at <= t).cloned().collect::<Vec<_>>());
        prop_assert_eq!(timeline.state_at(t), live);
    }

    #[test]
    fn seeking_back_and_forth_lands_on_the_same_state(log in any_log(400), a in 0.0f64..1.0, b in 0.0f64..1.0) {
        let mut replay = Replay::new(session(log.clone()));
        let end = replay.timeline.end() as f64;
        replay.seek((end * a) as u64);
        replay.seek((end * b) as u64);
        prop_assert_eq!(&replay.state, &replay.timeline.state_at((end * b) as u64));
    }
}

fn replay_app(log: Vec<Logged>) -> App {
    App { mode: Mode::Replay(Box::new(Replay::new(session(log)))), keymap: Keymap::defaults() }
}

fn the_replay(app: &mut App) -> &mut Replay {
    match &mut app.mode {
        Mode::Replay(replay) => replay,
        _ => panic!("not a replay"),
    }
}

fn log() -> Vec<Logged> {
    vec![
        at(0, Event::TimerStarted),
        at(MIN, Event::FloorGiven { who: "Amina".into() }),
        at(3 * MIN, Event::StageChanged { to: 1 }),
        at(4 * MIN, Event::HandRaised { who: "Zoë".into(), kind: HandKind::Normal }),
        at(5 * MIN, Event::FloorGiven { who: "Zoë".into() }),
        at(9 * MIN, Event::StageChanged { to: 2 }),
        at(
            10 * MIN,
            Event::IdeaCaptured {
                text: "Benches".into(),
                author: Some("Zoë".into()),
                components: vec![],
            },
        ),
    ]
}

#[test]
fn keys_step_through_events_and_stages_and_play_at_a_speed() {
    let mut app = replay_app(log());
    // The replay opens at the start, where the first event already stands.
    assert_eq!(the_replay(&mut app).state.count, 1);
    app.handle(Action::EventOn, 0);
    assert_eq!(the_replay(&mut app).at, MIN);
    assert_eq!(the_replay(&mut app).state.room.speaking.map(|t| t.who), Some(0));
    app.handle(Action::StageOn, 0);
    assert_eq!(the_replay(&mut app).at, 3 * MIN);
    assert_eq!(the_replay(&mut app).state.current, 1);
    app.handle(Action::StageOn, 0);
    assert_eq!(the_replay(&mut app).state.current, 2);
    app.handle(Action::StageBack, 0);
    assert_eq!(the_replay(&mut app).at, 3 * MIN, "back to where the stage before began");
    app.handle(Action::EventBack, 0);
    assert_eq!(the_replay(&mut app).at, MIN);
    // 600× from one minute in: two seconds of console time are twenty minutes of workshop.
    app.handle(Action::Speed600x, 0);
    app.handle(Action::PlayPause, 1_000);
    the_replay(&mut app).advance(1_000 + 500);
    assert_eq!(the_replay(&mut app).at, MIN + 300_000);
    assert_eq!(the_replay(&mut app).state.current, 1);
    the_replay(&mut app).advance(1_000 + 2_000);
    assert_eq!(the_replay(&mut app).at, 10 * MIN, "stops at the last event");
    assert!(!the_replay(&mut app).playing());
    assert_eq!(the_replay(&mut app).state.ideas.list.len(), 1);
}

fn draw(app: &App, w: u16, h: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    let theme = Theme::default_for(false);
    terminal
        .draw(|frame| ui::render(frame, app, &Context { now: 0, theme: &theme, saving: None }))
        .unwrap();
    text(terminal.backend().buffer())
}

#[test]
fn the_replay_screen() {
    let mut app = replay_app(log());
    the_replay(&mut app).seek(6 * MIN);
    for (w, h) in [(80, 24), (200, 60)] {
        insta::assert_snapshot!(format!("replay_{w}x{h}"), draw(&app, w, h));
    }
}

#[test]
fn a_replay_names_no_live_keys_in_its_panes() {
    // Everything a minute later, so that each pane is seen empty first.
    let mut log = log();
    for logged in &mut log {
        logged.at += MIN;
    }
    let mut app = replay_app(log);
    // The timer ready; a stage of open discussion before the first hand; the ideas stage before the first idea.
    for (at, empty) in [
        (0, ["READY", "No one has the floor"]),
        (4 * MIN, ["RUNNING", "No hands up."]),
        (10 * MIN, ["Ideas", "No ideas yet."]),
    ] {
        the_replay(&mut app).seek(at);
        let screen = draw(&app, 200, 60);
        for said in empty {
            assert!(screen.contains(said), "{said}:\n{screen}");
        }
        // Space plays the replay here, and nothing can be given or captured.
        for live in ["starts the timer", "gives it", "raises one", "captures one"] {
            assert!(!screen.contains(live), "{live}:\n{screen}");
        }
    }
}

/// Three sessions of one series: the professionals do the talking in the first;
/// residents and carers are heard more in the second, and more evenly in the third.
fn series() -> Vec<Summary> {
    let turns = |turns: &[(&str, u64)]| {
        let mut log = vec![at(0, Event::StageChanged { to: 1 })];
        let mut t = 0;
        for (who, minutes) in turns {
            log.push(at(t, Event::FloorGiven { who: who.to_string() }));
            t += minutes * MIN;
        }
        log.push(at(t, Event::TurnEnded));
        log
    };
    [
        (turns(&[("Dr Lee", 6), ("Sunny 🌞", 4), ("Amina", 2)]), "2026-11-18"),
        (turns(&[("Zoë", 5), ("Dr Lee", 5), ("Amina", 2)]), "2026-11-25"),
        (turns(&[("Łukasz", 3), ("Zoë", 3), ("王芳", 3), ("Amina", 3)]), "2026-12-02"),
    ]
    .into_iter()
    .map(|(log, day)| {
        let mut s = session(log);
        s.started = chrono::DateTime::parse_from_rfc3339(&format!("{day}T19:00:00+00:00")).unwrap();
        let state = State::fold(Arc::new(s.plan.clone()), &s.events);
        Summary::of(&s, &state)
    })
    .collect()
}

#[test]
fn compare_answers_the_question_with_the_figures() {
    let comparison = Comparison::of(series());
    assert_eq!(
        comparison.answer,
        "Yes, a little more than last time: people with lived experience (resident, carer) had at least their share of the airtime, 75% as 50% of the people (last time 58% as 50%), and equality of airtime rose from 0.42 to 0.67."
    );
    let first_two = Comparison::of(series().into_iter().take(2).collect());
    assert!(first_two.answer.starts_with("Yes, more than last time: "), "{}", first_two.answer);
    assert!(
        first_two.answer.contains("58% as 50% of the people (last time 17% as 50%)"),
        "{}",
        first_two.answer
    );
    let backwards = Comparison::of(vec![series().remove(1), {
        let mut first = series().remove(0);
        first.started = "2026-12-09T19:00:00+00:00".into();
        first
    }]);
    assert!(backwards.answer.starts_with("No, less than last time: "), "{}", backwards.answer);
    let one = Comparison::of(series().into_iter().take(1).collect());
    assert_eq!(one.answer, "Only one session so far: nothing to compare with yet.");
}

#[test]
fn esc_closes_a_view_then_goes_home_from_a_replay_or_a_comparison() {
    let mut app = replay_app(log());
    app.handle(Action::IdeasBoard, 0);
    assert_eq!(app.handle(Action::Back, 0).effect, None, "first back to the main view");
    app.handle(Action::Projection, 0);
    assert_eq!(app.handle(Action::Back, 0).effect, None, "then out of projection");
    assert!(!the_replay(&mut app).ui.projection);
    assert_eq!(app.handle(Action::Back, 0).effect, Some(Effect::Home));
    let mut app = App {
        mode: Mode::Compare(Box::new(Compare::new(Comparison::of(series())))),
        keymap: Keymap::defaults(),
    };
    assert_eq!(app.handle(Action::Back, 0).effect, Some(Effect::Home));
    assert_eq!(app.handle(Action::Quit, 0).effect, Some(Effect::Quit));
}

#[test]
fn compare_counts_the_people_the_balance_counts() {
    // A walk-in who came and went before the workshop began is in neither.
    let log = vec![
        at(1_000, Event::ParticipantAdded { name: "Kwame".into(), role: "resident".into() }),
        at(2_000, Event::Left { who: "Kwame".into() }),
        at(MIN, Event::StageChanged { to: 1 }),
        at(MIN, Event::FloorGiven { who: "Zoë".into() }),
        at(2 * MIN, Event::TurnEnded),
    ];
    let s = session(log);
    let state = State::fold(Arc::new(s.plan.clone()), &s.events);
    let summary = Summary::of(&s, &state);
    let kwame = summary.participants.iter().find(|p| p.name == "Kwame").unwrap();
    assert!(!kwame.counted && kwame.present_s > 0);
    let people: usize = summary.roles.iter().map(|r| r.people).sum();
    let comparison = Comparison::of(vec![summary]);
    assert_eq!(comparison.figures[0].present, people);
    assert_eq!(comparison.figures[0].present, 6);
    assert_eq!(comparison.figures[0].heard, 1);
}

#[test]
fn the_compare_screen() {
    let app = App {
        mode: Mode::Compare(Box::new(Compare::new(Comparison::of(series())))),
        keymap: Keymap::defaults(),
    };
    for (w, h) in [(80, 24), (200, 60)] {
        insta::assert_snapshot!(format!("compare_{w}x{h}"), draw(&app, w, h));
    }
}

#[test]
fn the_help_and_the_notice_work_alike_on_every_screen() {
    use ratatui::crossterm::event::{KeyCode, KeyEvent};
    use roundtable::app::home::Home;
    use roundtable::app::live::Live;
    use roundtable::input::action::Screen;
    let keymap = Keymap::defaults;
    let home = Home::new(&plan(), vec![], vec![]);
    let apps = [
        App { mode: Mode::Home(home), keymap: keymap() },
        App { mode: Mode::Live(Box::new(Live::new(session(vec![])))), keymap: keymap() },
        replay_app(vec![at(0, Event::TimerStarted)]),
        App {
            mode: Mode::Compare(Box::new(Compare::new(Comparison::of(series())))),
            keymap: keymap(),
        },
    ];
    for mut app in apps {
        let before = app.screen();
        app.handle(Action::Help, 0);
        assert_eq!(app.screen(), Screen::Help, "{before:?}");
        app.handle(Action::Down, 0);
        app.handle(Action::Down, 0);
        app.handle(Action::Up, 0);
        assert_eq!((app.help().open, app.help().scroll), (true, 1), "{before:?}");
        app.handle(Action::Back, 0);
        assert_eq!(app.screen(), before, "{before:?}: any other key closes the help");
        // A key that does nothing here is said on the status line, whatever the screen.
        app.key(KeyEvent::from(KeyCode::F(9)), 0);
        let said = app.notice().unwrap_or_default();
        assert!(said.starts_with("The key F9 does nothing here"), "{before:?}: {said:?}");
    }
}

#[test]
fn each_row_of_the_comparison_says_what_figure_it_is() {
    use roundtable::report::compare::Figure;
    let comparison = Comparison::of(series());
    let figures: Vec<Figure> = comparison.table().iter().map(|r| r.figure).collect();
    for wanted in
        [Figure::Time, Figure::People, Figure::Equality, Figure::LivedAirtime, Figure::Role]
    {
        assert!(figures.contains(&wanted), "{wanted:?} in {figures:?}");
    }
    let n = comparison.sessions.len();
    assert!(
        comparison.table().iter().all(|r| r.cells.len() == n),
        "a cell per session in every row"
    );
}
