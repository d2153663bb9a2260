//! Stage instructions and steps, and messages to the room: the model, the
//! keys, the plan's errors and the screens.

mod common;

use std::path::Path;
use std::sync::Arc;

use common::{MIN, at, text};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use roundtable::app::live::Live;
use roundtable::app::{App, Mode, Outcome};
use roundtable::input::action::Action;
use roundtable::input::keymap::Keymap;
use roundtable::model::session::Session;
use roundtable::model::{Event, Logged, Ms, Plan, State};
use roundtable::store::plan_file::parse_plan;
use roundtable::ui::theme::Theme;
use roundtable::ui::{self, Context};

const STEPS: &str = include_str!("fixtures/steps.ron");

fn plan() -> Plan {
    parse_plan(Path::new("tests/fixtures/steps.ron"), STEPS).unwrap()
}

fn fold(events: &[Logged]) -> State {
    State::fold(Arc::new(plan()), events)
}

/// The 1-2-4-All stage, started at the first minute.
fn in_the_1_2_4_all() -> Vec<Logged> {
    vec![at(MIN, Event::StageChanged { to: 1 })]
}

fn step(state: &State, now: Ms) -> (usize, i64) {
    let s = state.step(state.current, now).expect("a stage with steps");
    (s.index, s.left)
}

// The plan

#[test]
fn a_stage_carries_a_prompt_and_its_steps() {
    let plan = plan();
    let stage = &plan.stages[1];
    assert_eq!(
        stage.prompt.as_deref(),
        Some(
            "What one change would make the clinic's hours work for you?\nThink alone, then share in pairs, then in fours."
        ),
        "each line without the indent of the file"
    );
    let names: Vec<&str> = stage.steps.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["alone", "in pairs", "in fours", "whole group"]);
    assert_eq!(stage.steps[1].length.secs(), 120);
}

#[test]
fn a_stage_without_a_duration_lasts_as_long_as_its_steps() {
    let plan = plan();
    assert_eq!(plan.stages[2].duration.secs(), 90 + 180);
    assert_eq!(plan.total_ms(), (5 + 15) * MIN + 270_000);
}

#[test]
fn a_plan_reads_back_as_it_was_written_into_a_session() {
    let plan = plan();
    let text = ron::to_string(&plan).unwrap();
    let again: Plan = roundtable::store::ron_text::options().from_str(&text).unwrap();
    assert_eq!(again, plan);
    assert!(text.contains(r#"("in pairs","2m")"#), "{text}");
    assert!(text.contains(r#"duration:"15m""#), "written as it always was: {text}");
}

fn error(text: &str) -> String {
    match parse_plan(Path::new("plan.ron"), text) {
        Ok(_) => panic!("accepted: {text}"),
        Err(e) => e.to_string().lines().next().unwrap_or_default().to_string(),
    }
}

#[test]
fn steps_longer_than_their_stage_are_refused_at_the_step_that_overruns() {
    let text = r#"Plan(title: "T", stages: [
    (title: "1-2-4-All", duration: "10m",
        steps: [("alone", "1m"), ("in pairs", "2m"), ("in fours", "4m"), ("whole group", "5m")]),
])"#;
    assert_eq!(
        error(text),
        "plan.ron:3:74: stages[0].steps[3]: steps that fit in the stage's 10m: they reach 12m here and add up to 12m; lengthen `duration`, or leave it out to take the steps' sum"
    );
}

#[test]
fn bad_steps_are_named_at_their_line_and_column() {
    let unparsable =
        "Plan(title: \"T\", stages: [\n  (title: \"A\", steps: [(\"alone\", \"a minute\")]),\n])";
    assert_eq!(
        error(unparsable),
        "plan.ron:2:34: stages[0].steps[0][1]: a duration such as \"90s\", \"10m\" or \"1h 30m\", found \"a minute\""
    );
    let half = "Plan(title: \"T\", stages: [\n  (title: \"A\", steps: [(\"alone\")]),\n])";
    assert_eq!(
        error(half),
        "plan.ron:2:32: stages[0].steps[0]: a step as a name and a length in brackets, such as (\"in pairs\", \"2m\")"
    );
    let unnamed = "Plan(title: \"T\", stages: [\n  (title: \"A\", steps: [(\"\", \"1m\")]),\n])";
    assert_eq!(
        error(unnamed),
        "plan.ron:2:25: stages[0].steps[0][0]: a step name that is not empty, such as \"in pairs\""
    );
    let neither = "Plan(title: \"T\", stages: [\n  (title: \"A\", kind: Ideas),\n])";
    assert_eq!(
        error(neither),
        "plan.ron:2:3: stages[0]: the field `duration`, which each stage needs (or `steps`, whose lengths it then adds up to)"
    );
}

#[test]
fn a_prompt_may_hold_line_breaks_but_no_other_control_character() {
    let tab = "Plan(title: \"T\", stages: [\n  (title: \"A\", duration: \"5m\", prompt: \"one\\ntwo\\tthree\"),\n])";
    assert_eq!(
        error(tab),
        "plan.ron:2:40: stages[0].prompt: text without control characters or direction overrides (line breaks are fine), found U+0009"
    );
    let escape = "Plan(title: \"T\", stages: [\n  (title: \"A\", duration: \"5m\", steps: [(\"al\\u{1b}one\", \"1m\")]),\n])";
    assert!(error(escape).contains("stages[0].steps[0][0]: text without control characters"));
}

// Steps as the stage's time goes by

#[test]
fn each_step_counts_down_within_the_stage() {
    let state = fold(&in_the_1_2_4_all());
    assert_eq!(step(&state, MIN), (0, MIN as i64), "the stage has just begun: alone, 1:00");
    assert_eq!(step(&state, MIN + 30_000), (0, 30_000));
    assert_eq!(step(&state, 2 * MIN), (1, 2 * MIN as i64), "in pairs");
    assert_eq!(step(&state, 4 * MIN), (2, 4 * MIN as i64), "in fours");
    assert_eq!(step(&state, 8 * MIN), (3, 8 * MIN as i64), "the last step takes the rest: 8 of 15");
    assert_eq!(step(&state, 17 * MIN), (3, -(MIN as i64)), "over with the stage");
    assert!(state.step(0, MIN).is_none(), "a stage without steps has none");
}

#[test]
fn a_paused_stage_holds_its_step() {
    let mut events = in_the_1_2_4_all();
    events.push(at(MIN + 90_000, Event::TimerPaused));
    let state = fold(&events);
    assert_eq!(step(&state, 50 * MIN), (1, 90_000));
}

#[test]
fn the_last_step_absorbs_minutes_added_or_taken() {
    let mut events = in_the_1_2_4_all();
    events.push(at(2 * MIN, Event::StageExtended { stage: 1, by_s: 120 }));
    let state = fold(&events);
    assert_eq!(step(&state, 2 * MIN), (1, 2 * MIN as i64), "the step now is untouched");
    assert_eq!(step(&state, 8 * MIN), (3, 10 * MIN as i64), "whole group: 8 + 2 minutes");
    // Taken down to 5 minutes: in fours is cut to 2, whole group has no time left.
    events.push(at(2 * MIN, Event::StageExtended { stage: 1, by_s: -720 }));
    let state = fold(&events);
    assert_eq!(
        state.step_spans(1),
        [
            (0, MIN as i64),
            (MIN as i64, 3 * MIN as i64),
            (3 * MIN as i64, 5 * MIN as i64),
            (5 * MIN as i64, 5 * MIN as i64)
        ]
    );
    assert_eq!(step(&state, 6 * MIN), (2, 0));
    assert_eq!(step(&state, 7 * MIN), (2, -(MIN as i64)), "over, in fours");
}

#[test]
fn the_status_line_says_the_first_step_when_the_stage_starts() {
    let state = fold(&in_the_1_2_4_all());
    assert_eq!(
        state.said,
        "Stage 2 of 3 started: 1-2-4-All, 15 minutes. Now: alone, 1:00 (step 1 of 4)."
    );
    assert_eq!(
        state.step_in_words(1, 2 * MIN + 15_000).as_deref(),
        Some("Now: in pairs, 1:45 (step 2 of 4).")
    );
}

// Messages to the room

#[test]
fn a_message_is_shown_until_cleared_and_undone_like_anything_else() {
    let tea = "Tea is in the hall, back at 14:30";
    let mut events = vec![at(MIN, Event::MessageShown { text: tea.into() })];
    let state = fold(&events);
    assert_eq!(state.message(), Some(tea));
    assert_eq!(state.said, format!("Message to the room: {tea}"));
    events.push(at(2 * MIN, Event::StageChanged { to: 1 }));
    assert_eq!(fold(&events).message(), Some(tea), "it stays across stages");
    events.push(at(3 * MIN, Event::MessageCleared));
    let state = fold(&events);
    assert_eq!(state.message(), None);
    assert_eq!(state.said, "Message cleared.");
    events.push(at(4 * MIN, Event::Undo));
    assert_eq!(fold(&events).message(), Some(tea), "undo brings it back");
    events.push(at(5 * MIN, Event::MessageShown { text: "Back in 5".into() }));
    assert_eq!(fold(&events).message(), Some("Back in 5"), "a new one replaces it");
}

#[test]
fn a_message_is_checked_like_other_text() {
    let state = fold(&[]);
    let check = |event: Event| state.check(&at(MIN, event));
    assert!(check(Event::MessageShown { text: "Back at 3".into() }).is_ok());
    assert!(
        check(Event::MessageShown { text: "  ".into() }).unwrap_err().to_string().contains("empty")
    );
    let long = "x".repeat(121);
    assert!(
        check(Event::MessageShown { text: long }).unwrap_err().to_string().contains("at most 120")
    );
    let escape = "tea\u{1b}[2J".to_string();
    assert!(
        check(Event::MessageShown { text: escape }).unwrap_err().to_string().contains("control")
    );
    assert_eq!(check(Event::MessageCleared), Err(roundtable::model::Refusal::NoMessage));
}

#[test]
fn a_message_reads_back_from_a_session_file() {
    let line = r#"(at: 60000, event: MessageShown(text: "Tea is in the hall"))"#;
    let logged: Logged = ron::from_str(line).unwrap();
    assert_eq!(logged.event, Event::MessageShown { text: "Tea is in the hall".into() });
    let cleared: Logged = ron::from_str("(at: 1, event: MessageCleared)").unwrap();
    assert_eq!(cleared.event, Event::MessageCleared);
}

// The key and its form

fn session(events: Vec<Logged>) -> Session {
    common::session_of(plan(), events)
}

fn live_app(events: Vec<Logged>) -> App {
    App { mode: Mode::Live(Box::new(Live::new(session(events)))), keymap: Keymap::defaults() }
}

fn live(app: &App) -> &Live {
    match &app.mode {
        Mode::Live(live) => live,
        _ => panic!("not live"),
    }
}

fn record(app: &mut App, outcome: &Outcome) {
    if let Mode::Live(live) = &mut app.mode {
        for logged in &outcome.events {
            live.record(logged.clone());
        }
    }
}

fn press(app: &mut App, code: KeyCode, now: Ms) -> Vec<Event> {
    let outcome = app.key(KeyEvent::from(code), now);
    record(app, &outcome);
    outcome.events.into_iter().map(|l| l.event).collect()
}

fn type_text(app: &mut App, text: &str, now: Ms) {
    for c in text.chars() {
        assert!(press(app, KeyCode::Char(c), now).is_empty());
    }
}

#[test]
fn m_opens_a_message_form_and_enter_shows_it() {
    let mut app = live_app(vec![]);
    assert_eq!(app.keymap.label(Action::MessageRoom), "m");
    assert!(press(&mut app, KeyCode::Char('m'), MIN).is_empty());
    assert!(live(&app).ui.popup.is_some());
    type_text(&mut app, "Tea in the hall", MIN);
    assert_eq!(
        press(&mut app, KeyCode::Enter, MIN),
        vec![Event::MessageShown { text: "Tea in the hall".into() }]
    );
    assert!(live(&app).ui.popup.is_none());
    assert_eq!(live(&app).state.message(), Some("Tea in the hall"));
}

#[test]
fn the_form_opens_on_the_message_shown_and_saved_empty_clears_it() {
    let mut app = live_app(vec![at(0, Event::MessageShown { text: "Back at 3".into() })]);
    press(&mut app, KeyCode::Char('m'), MIN);
    // Saved as it is: nothing changes, nothing is recorded.
    assert!(press(&mut app, KeyCode::Enter, MIN).is_empty());
    assert_eq!(live(&app).state.message(), Some("Back at 3"));
    press(&mut app, KeyCode::Char('m'), MIN);
    for _ in 0.."Back at 3".len() {
        press(&mut app, KeyCode::Backspace, MIN);
    }
    assert_eq!(press(&mut app, KeyCode::Enter, MIN), vec![Event::MessageCleared]);
    assert_eq!(live(&app).state.message(), None);
    // Empty with nothing shown: the form closes, nothing recorded.
    press(&mut app, KeyCode::Char('m'), MIN);
    assert!(press(&mut app, KeyCode::Enter, MIN).is_empty());
    assert!(live(&app).ui.popup.is_none());
}

#[test]
fn esc_drops_the_message_and_a_refused_one_keeps_the_form_open() {
    let mut app = live_app(vec![]);
    press(&mut app, KeyCode::Char('m'), MIN);
    type_text(&mut app, "never mind", MIN);
    assert!(press(&mut app, KeyCode::Esc, MIN).is_empty());
    assert!(live(&app).ui.popup.is_none());
    press(&mut app, KeyCode::Char('m'), MIN);
    type_text(&mut app, &"long ".repeat(30), MIN);
    assert!(press(&mut app, KeyCode::Enter, MIN).is_empty());
    assert!(live(&app).ui.popup.is_some(), "nothing typed is lost");
    assert!(live(&app).ui.notice.as_deref().unwrap_or_default().contains("at most 120"));
}

#[test]
fn u_takes_a_message_back() {
    let mut app = live_app(vec![at(0, Event::MessageShown { text: "Back at 3".into() })]);
    assert_eq!(press(&mut app, KeyCode::Char('u'), MIN), vec![Event::Undo]);
    assert_eq!(live(&app).state.message(), None);
}

// The screens

fn draw(app: &App, now: Ms, width: u16, height: u16) -> String {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    let theme = Theme::default_for(false);
    let cx = Context { now, theme: &theme, saving: None };
    terminal.draw(|frame| ui::render(frame, app, &cx)).unwrap();
    text(terminal.backend().buffer())
}

fn snapshot(name: &str, app: &App, now: Ms) {
    for (w, h) in [(80, 24), (120, 35)] {
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), draw(app, now, w, h));
    }
}

#[test]
fn the_stage_panel_shows_the_prompt_the_step_and_the_steps() {
    // Two and a half minutes in: in pairs, 0:30 left of its 2:00.
    let app = live_app(in_the_1_2_4_all());
    snapshot("stage_with_steps", &app, MIN + 150_000);
    let screen = draw(&app, MIN + 150_000, 120, 35);
    assert!(screen.contains("What one change would make the clinic's hours work for you?"));
    assert!(screen.contains("▶ in pairs · 0:30 left of 2:00 · step 2 of 4"), "{screen}");
    assert!(screen.contains("✓ alone"), "the agenda and the list mark the step done");
    let small = draw(&app, MIN + 150_000, 80, 24);
    assert!(small.contains("in pairs · 0:30 left of 2:00"), "{small}");
}

#[test]
fn the_projection_view_shows_a_message_large_and_the_step() {
    let mut events = in_the_1_2_4_all();
    events.push(at(
        2 * MIN,
        Event::MessageShown { text: "Tea is in the hall, back at 14:30".into() },
    ));
    let mut app = live_app(events);
    if let Mode::Live(live) = &mut app.mode {
        live.ui.projection = true;
    }
    snapshot("projection_with_a_message", &app, 5 * MIN);
    let screen = draw(&app, 5 * MIN, 120, 35);
    assert!(screen.contains("▶ in fours · 3:00 left of 4:00 · step 3 of 4"), "{screen}");
    let lines: Vec<&str> = screen.lines().collect();
    let (status, above) = lines.split_last().unwrap();
    assert!(status.contains("Message to the room: Tea is in the hall"), "said in words too");
    assert!(!above.iter().any(|l| l.contains("Tea is")), "in big letters, not in a line");
    // Back on the live screen, the message is a line of its own.
    if let Mode::Live(live) = &mut app.mode {
        live.ui.projection = false;
    }
    assert!(
        draw(&app, 5 * MIN, 80, 24).contains("✉ To the room: Tea is in the hall, back at 14:30")
    );
}

#[test]
fn a_message_the_big_font_cannot_draw_is_shown_in_plain_letters() {
    let events = vec![at(0, Event::MessageShown { text: "お茶はホールで 🍵".into() })];
    let mut app = live_app(events);
    if let Mode::Live(live) = &mut app.mode {
        live.ui.projection = true;
    }
    assert!(draw(&app, MIN, 80, 24).contains("お茶はホールで 🍵"));
}

#[test]
fn a_replay_says_a_change_of_step_as_the_room_heard_it() {
    use roundtable::app::replay::Replay;
    let mut log = in_the_1_2_4_all();
    log.push(at(5 * MIN, Event::TimerPaused));
    let mut replay = Replay::new(session(log));
    let start = MIN;
    replay.seek(start + 30_000);
    assert_eq!(replay.ui.notice, None, "no step has changed yet");
    replay.seek(start + 61_000);
    let said = replay.ui.notice.clone().unwrap_or_default();
    assert!(said.starts_with("Now: in pairs"), "{said}");
}
