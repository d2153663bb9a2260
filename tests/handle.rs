//! App::handle: what each key does, as events, dialogs and words.

mod common;

use common::{MIN, at, session};
use crossterm::event::{KeyCode, KeyEvent};
use roundtable::app::action::{Action, Screen};
use roundtable::app::home::Home;
use roundtable::app::keymap::Keymap;
use roundtable::app::live::{Live, Overlay};
use roundtable::app::{App, Effect, Mode, Outcome, Start};
use roundtable::model::{Event, Logged, Ms};

fn live_app(events: Vec<Logged>) -> App {
    App {
        mode: Mode::Live(Box::new(Live::new(session(events)))),
        keymap: Keymap::defaults(),
    }
}

fn live(app: &App) -> &Live {
    match &app.mode {
        Mode::Live(live) => live,
        Mode::Home(_) => panic!("not live"),
    }
}

/// Presses a key as the loop does: events are recorded, then applied.
fn press(app: &mut App, action: Action, now: Ms) -> Outcome {
    let outcome = app.handle(action, now);
    if let Mode::Live(live) = &mut app.mode {
        for logged in &outcome.events {
            live.record(logged.clone());
        }
    }
    outcome
}

fn events(outcome: &Outcome) -> Vec<Event> {
    outcome.events.iter().map(|l| l.event.clone()).collect()
}

#[test]
fn space_starts_and_pauses_the_timer() {
    let mut app = live_app(vec![]);
    assert_eq!(
        events(&press(&mut app, Action::StartPause, 1_000)),
        vec![Event::TimerStarted]
    );
    let out = press(&mut app, Action::StartPause, 5_000);
    assert_eq!(out.events, vec![at(5_000, Event::TimerPaused)]);
}

#[test]
fn next_and_back_move_through_the_stages() {
    let mut app = live_app(vec![]);
    assert_eq!(
        events(&press(&mut app, Action::NextStage, 0)),
        vec![Event::StageChanged { to: 1 }]
    );
    assert_eq!(
        events(&press(&mut app, Action::PreviousStage, MIN)),
        vec![Event::StageChanged { to: 0 }]
    );
    let out = press(&mut app, Action::PreviousStage, MIN);
    assert!(out.events.is_empty());
    assert_eq!(
        live(&app).ui.notice.as_deref(),
        Some("This is the first stage.")
    );
}

#[test]
fn next_on_the_last_stage_asks_before_ending() {
    let mut app = live_app(vec![at(0, Event::StageChanged { to: 4 })]);
    let out = press(&mut app, Action::NextStage, MIN);
    assert!(out.events.is_empty());
    assert_eq!(live(&app).ui.overlay, Some(Overlay::ConfirmEnd));
    assert_eq!(app.screen(), Screen::Dialog);
    // Anything but yes carries on.
    assert!(press(&mut app, Action::Cancel, MIN).events.is_empty());
    assert_eq!(live(&app).ui.overlay, None);
    press(&mut app, Action::NextStage, MIN);
    assert_eq!(
        events(&press(&mut app, Action::Confirm, 2 * MIN)),
        vec![Event::WorkshopEnded]
    );
    assert_eq!(live(&app).state.ended, Some(2 * MIN));
}

#[test]
fn plus_and_minus_change_the_current_stage_by_a_minute() {
    let mut app = live_app(vec![at(0, Event::StageChanged { to: 2 })]);
    assert_eq!(
        events(&press(&mut app, Action::MoreTime, 0)),
        vec![Event::StageExtended { stage: 2, by_s: 60 }]
    );
    assert_eq!(
        events(&press(&mut app, Action::LessTime, 0)),
        vec![Event::StageExtended {
            stage: 2,
            by_s: -60
        }]
    );
}

#[test]
fn a_stage_cannot_be_cut_below_a_minute() {
    let mut app = live_app(vec![]);
    for _ in 0..9 {
        assert_eq!(press(&mut app, Action::LessTime, 0).events.len(), 1);
    }
    assert!(press(&mut app, Action::LessTime, 0).events.is_empty());
    assert_eq!(
        live(&app).ui.notice.as_deref(),
        Some("A stage cannot be shorter than one minute.")
    );
}

#[test]
fn undo_is_an_event_and_nothing_leaves_the_log() {
    let mut app = live_app(vec![]);
    press(&mut app, Action::NextStage, 0);
    assert_eq!(
        events(&press(&mut app, Action::Undo, 1_000)),
        vec![Event::Undo]
    );
    assert_eq!(live(&app).state.current, 0);
    assert_eq!(live(&app).session.events.len(), 2);
    assert!(press(&mut app, Action::Undo, 2_000).events.is_empty());
    assert_eq!(live(&app).ui.notice.as_deref(), Some("Nothing to undo."));
}

#[test]
fn quit_asks_first_only_while_a_timer_runs() {
    let mut app = live_app(vec![]);
    assert_eq!(press(&mut app, Action::Quit, 0).effect, Some(Effect::Quit));
    let mut app = live_app(vec![at(0, Event::TimerStarted)]);
    assert_eq!(press(&mut app, Action::Quit, 0).effect, None);
    assert_eq!(live(&app).ui.overlay, Some(Overlay::ConfirmQuit));
    assert_eq!(
        press(&mut app, Action::Confirm, 0).effect,
        Some(Effect::Quit)
    );
}

#[test]
fn help_opens_and_any_key_closes_it_without_an_event() {
    let mut app = live_app(vec![]);
    press(&mut app, Action::Help, 0);
    assert_eq!(app.screen(), Screen::Help);
    let out = press(&mut app, Action::Cancel, 0);
    assert!(out.events.is_empty());
    assert_eq!(app.screen(), Screen::Live);
}

#[test]
fn events_never_go_back_in_time() {
    let mut app = live_app(vec![at(10_000, Event::TimerStarted)]);
    let out = press(&mut app, Action::StartPause, 9_000);
    assert_eq!(out.events, vec![at(10_000, Event::TimerPaused)]);
}

#[test]
fn home_enter_starts_the_built_in_workshop_first() {
    let plan = common::plan();
    let mut app = App {
        mode: Mode::Home(Home::new(&plan, vec![], vec![])),
        keymap: Keymap::defaults(),
    };
    assert_eq!(
        app.handle(Action::Select, 0).effect,
        Some(Effect::Start(Start::BuiltIn))
    );
    app.handle(Action::Down, 0);
    let out = app.handle(Action::Select, 0);
    assert_eq!(
        out.effect, None,
        "the second entry asks for a plan file's path"
    );
    assert!(app.typing());
    for c in "q/plan.ron".chars() {
        assert_eq!(
            app.key(KeyEvent::from(KeyCode::Char(c)), 0).effect,
            None,
            "q is a letter here"
        );
    }
    let out = app.key(KeyEvent::from(KeyCode::Enter), 0);
    assert_eq!(
        out.effect,
        Some(Effect::Start(Start::Plan("q/plan.ron".into())))
    );
}
