//! App::handle: what each key does, as events, dialogs and words.

mod common;

use common::{MIN, at, session};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use roundtable::app::home::Home;
use roundtable::app::live::{Live, Overlay};
use roundtable::app::{App, Effect, Mode, Outcome, Start};
use roundtable::input::action::{Action, Screen};
use roundtable::input::keymap::Keymap;
use roundtable::model::{Event, Logged, Ms};

fn live_app(events: Vec<Logged>) -> App {
    App { mode: Mode::Live(Box::new(Live::new(session(events)))), keymap: Keymap::defaults() }
}

fn live(app: &App) -> &Live {
    match &app.mode {
        Mode::Live(live) => live,
        _ => panic!("not live"),
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
    assert_eq!(events(&press(&mut app, Action::StartPause, 1_000)), vec![Event::TimerStarted]);
    let out = press(&mut app, Action::StartPause, 5_000);
    assert_eq!(out.events, vec![at(5_000, Event::TimerPaused)]);
}

#[test]
fn next_and_back_move_through_the_stages() {
    let mut app = live_app(vec![]);
    assert_eq!(events(&press(&mut app, Action::NextStage, 0)), vec![Event::StageChanged { to: 1 }]);
    assert_eq!(
        events(&press(&mut app, Action::PreviousStage, MIN)),
        vec![Event::StageChanged { to: 0 }]
    );
    let out = press(&mut app, Action::PreviousStage, MIN);
    assert!(out.events.is_empty());
    assert_eq!(live(&app).ui.notice.as_deref(), Some("This is the first stage."));
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
    assert_eq!(events(&press(&mut app, Action::Confirm, 2 * MIN)), vec![Event::WorkshopEnded]);
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
        vec![Event::StageExtended { stage: 2, by_s: -60 }]
    );
}

#[test]
fn a_stage_cannot_be_cut_below_a_minute() {
    let mut app = live_app(vec![]);
    for _ in 0..9 {
        assert_eq!(press(&mut app, Action::LessTime, 0).events.len(), 1);
    }
    assert!(press(&mut app, Action::LessTime, 0).events.is_empty());
    assert_eq!(live(&app).ui.notice.as_deref(), Some("A stage cannot be shorter than one minute."));
}

#[test]
fn undo_is_an_event_and_nothing_leaves_the_log() {
    let mut app = live_app(vec![]);
    press(&mut app, Action::NextStage, 0);
    assert_eq!(events(&press(&mut app, Action::Undo, 1_000)), vec![Event::Undo]);
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
    // Quitting pauses the timer where it stands, so a resume loses none of the stage's time.
    let out = press(&mut app, Action::Confirm, 45_000);
    assert_eq!(out.effect, Some(Effect::Quit));
    assert_eq!(out.events, vec![at(45_000, Event::TimerPaused)]);
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
    let mut app =
        App { mode: Mode::Home(Home::new(&plan, vec![], vec![])), keymap: Keymap::defaults() };
    assert_eq!(app.handle(Action::Select, 0).effect, Some(Effect::Start(Start::BuiltIn)));
    app.handle(Action::Down, 0);
    let out = app.handle(Action::Select, 0);
    assert_eq!(out.effect, None, "the second entry asks for a plan file's path");
    assert!(app.typing());
    for c in "q/plan.ron".chars() {
        assert_eq!(app.key(KeyEvent::from(KeyCode::Char(c)), 0).effect, None, "q is a letter here");
    }
    let out = app.key(KeyEvent::from(KeyCode::Enter), 0);
    assert_eq!(out.effect, Some(Effect::Start(Start::Plan("q/plan.ron".into()))));
}

/// A recorded session of the community-health series, as the home screen lists it.
fn recorded(name: &str, ended: bool, rehearsal: bool) -> roundtable::store::catalog::SessionInfo {
    roundtable::store::catalog::SessionInfo {
        path: format!("sessions/recorded/{name}.ron").into(),
        title: "Community health co-design".into(),
        series: Some("community-health".into()),
        started: common::started(),
        ended,
        rehearsal,
        stage: (5, 5),
    }
}

#[test]
fn home_marks_recorded_sessions_and_compares_just_those() {
    use roundtable::app::home::Entry;
    let info = |name: &str| recorded(name, true, false);
    let home = Home::new(&common::plan(), vec![], vec![info("a"), info("b"), info("c")]);
    let mut app = App { mode: Mode::Home(home), keymap: Keymap::defaults() };
    let home = |app: &App| match &app.mode {
        Mode::Home(home) => (home.entries.clone(), home.selected, home.notice.clone()),
        _ => panic!("not home"),
    };
    let selected_path = |app: &App| match &home(app).0[home(app).1] {
        Entry::Replay(info) => info.path.clone(),
        other => panic!("not a session: {other:?}"),
    };
    // Not a recorded session: nothing to mark.
    app.handle(Action::MarkForCompare, 0);
    assert_eq!(home(&app).2.as_deref(), Some("Only a recorded session can be marked to compare."));
    // Down to the first session (built-in, open a file, the series, then a, b, c), mark a and c.
    for _ in 0..3 {
        app.handle(Action::Down, 0);
    }
    assert_eq!(selected_path(&app), std::path::PathBuf::from("sessions/recorded/a.ron"));
    app.handle(Action::MarkForCompare, 0);
    assert!(
        !home(&app).0.iter().any(|e| matches!(e, Entry::CompareMarked(_))),
        "one is not a comparison"
    );
    app.handle(Action::Down, 0);
    app.handle(Action::Down, 0);
    app.handle(Action::MarkForCompare, 0);
    // The entry to compare them stands above the sessions, and the cursor stays on c.
    assert_eq!(selected_path(&app), std::path::PathBuf::from("sessions/recorded/c.ron"));
    assert_eq!(home(&app).0[3], Entry::CompareMarked(2));
    assert!(home(&app).2.unwrap().starts_with("2 sessions marked"));
    for _ in 0..3 {
        app.handle(Action::Up, 0);
    }
    assert_eq!(home(&app).1, 3);
    let out = app.handle(Action::Select, 0);
    assert_eq!(
        out.effect,
        Some(Effect::Start(Start::CompareMarked(vec![
            "sessions/recorded/a.ron".into(),
            "sessions/recorded/c.ron".into()
        ])))
    );
    // Unmarking c leaves one marked, and the entry goes; the cursor stays where it was.
    for _ in 0..3 {
        app.handle(Action::Down, 0);
    }
    assert_eq!(selected_path(&app), std::path::PathBuf::from("sessions/recorded/c.ron"));
    app.handle(Action::MarkForCompare, 0);
    assert_eq!(selected_path(&app), std::path::PathBuf::from("sessions/recorded/c.ron"));
    assert!(!home(&app).0.iter().any(|e| matches!(e, Entry::CompareMarked(_))));
    assert_eq!(home(&app).2.as_deref(), Some("1 session marked to compare: mark another."));
}

/// The fixture's first stage is a round; these start in the discussion after it.
fn discussion() -> App {
    live_app(vec![at(0, Event::StageChanged { to: 1 })])
}

fn type_keys(app: &mut App, text: &str, now: Ms) -> Outcome {
    let mut last = Outcome::default();
    for c in text.chars() {
        last = app.key(KeyEvent::from(KeyCode::Char(c)), now);
    }
    last
}

fn key(app: &mut App, code: KeyCode, now: Ms) -> Outcome {
    let outcome = app.key(KeyEvent::from(code), now);
    if let Mode::Live(live) = &mut app.mode {
        for logged in &outcome.events {
            live.record(logged.clone());
        }
    }
    outcome
}

#[test]
fn h_raises_a_hand_picked_by_typing_without_accents() {
    let mut app = discussion();
    press(&mut app, Action::RaiseHand, 0);
    assert!(app.typing());
    type_keys(&mut app, "lukasz", 0);
    let out = key(&mut app, KeyCode::Enter, 1_000);
    assert_eq!(
        events(&out),
        vec![Event::HandRaised {
            who: "Łukasz".into(),
            kind: roundtable::model::queue::HandKind::Normal
        }]
    );
    assert!(!app.typing());
    // Tab makes it a direct reply.
    press(&mut app, Action::RaiseHand, 0);
    type_keys(&mut app, "ZOE", 0);
    key(&mut app, KeyCode::Tab, 0);
    let out = key(&mut app, KeyCode::Enter, 2_000);
    assert_eq!(
        events(&out),
        vec![Event::HandRaised {
            who: "Zoë".into(),
            kind: roundtable::model::queue::HandKind::Reply
        }]
    );
}

#[test]
fn a_walk_in_is_added_with_a_role_and_their_hand_goes_up() {
    let mut app = discussion();
    press(&mut app, Action::RaiseHand, 0);
    type_keys(&mut app, "Kwame", 0);
    key(&mut app, KeyCode::Enter, 0); // the only choice: add a walk-in
    type_keys(&mut app, "resident", 0);
    let out = key(&mut app, KeyCode::Enter, 5_000);
    assert_eq!(
        events(&out),
        vec![
            Event::ParticipantAdded { name: "Kwame".into(), role: "resident".into() },
            Event::HandRaised {
                who: "Kwame".into(),
                kind: roundtable::model::queue::HandKind::Normal
            },
        ]
    );
    assert_eq!(live(&app).state.room.queue(5_000).len(), 1);
}

#[test]
fn enter_gives_the_floor_to_the_first_and_e_ends_the_turn() {
    let mut app = discussion();
    assert!(press(&mut app, Action::GiveFloor, 0).events.is_empty());
    assert_eq!(live(&app).ui.notice.as_deref(), Some("No one is waiting; raise a hand first."));
    assert!(press(&mut app, Action::EndTurn, 0).events.is_empty());
    assert_eq!(live(&app).ui.notice.as_deref(), Some("No one has the floor."));
    for who in ["Zoë", "Amina"] {
        live_record(&mut app, Event::HandRaised { who: who.into(), kind: Default::default() });
    }
    assert_eq!(
        events(&press(&mut app, Action::GiveFloor, MIN)),
        vec![Event::FloorGiven { who: "Zoë".into() }]
    );
    assert_eq!(events(&press(&mut app, Action::EndTurn, 2 * MIN)), vec![Event::TurnEnded]);
    assert_eq!(live(&app).state.room.airtime(2, 3 * MIN), MIN);
}

fn live_record(app: &mut App, event: Event) {
    if let Mode::Live(live) = &mut app.mode {
        let at = live.state.at;
        live.record(Logged::new(at, event));
    }
}

#[test]
fn x_lowers_the_selected_hand() {
    let mut app = discussion();
    for who in ["Zoë", "Amina", "Łukasz"] {
        live_record(&mut app, Event::HandRaised { who: who.into(), kind: Default::default() });
    }
    press(&mut app, Action::Down, 0);
    assert_eq!(
        events(&press(&mut app, Action::LowerHand, 0)),
        vec![Event::HandLowered { who: "Amina".into() }]
    );
}

#[test]
fn in_a_round_p_passes_the_next_persons_go_and_o_changes_the_order() {
    let mut app = live_app(vec![]);
    assert_eq!(
        events(&press(&mut app, Action::Pass, 0)),
        vec![Event::Passed { who: "Amina".into() }]
    );
    assert_eq!(
        events(&press(&mut app, Action::GiveFloor, 0)),
        vec![Event::FloorGiven { who: "Dr Lee".into() }]
    );
    assert_eq!(
        events(&press(&mut app, Action::ChangeOrder, 0)),
        vec![Event::PolicySet { policy: roundtable::model::plan::Policy::Equal }]
    );
    assert!(press(&mut app, Action::Pass, 0).events.is_empty());
}

#[test]
fn a_marks_someone_as_left_and_back() {
    let mut app = discussion();
    press(&mut app, Action::Presence, 0);
    type_keys(&mut app, "sunny", 0);
    assert_eq!(
        events(&key(&mut app, KeyCode::Enter, MIN)),
        vec![Event::Left { who: "Sunny 🌞".into() }]
    );
    press(&mut app, Action::Presence, 0);
    type_keys(&mut app, "sunny", 0);
    assert_eq!(
        events(&key(&mut app, KeyCode::Enter, 2 * MIN)),
        vec![Event::Arrived { who: "Sunny 🌞".into() }]
    );
}

#[test]
fn esc_closes_the_picker_without_an_event() {
    let mut app = discussion();
    press(&mut app, Action::RaiseHand, 0);
    type_keys(&mut app, "zo", 0);
    assert!(key(&mut app, KeyCode::Esc, 0).events.is_empty());
    assert!(!app.typing());
}

#[test]
fn a_paste_types_into_the_open_form_and_never_presses_a_key() {
    let mut app = discussion();
    // No form open: a pasted "n" or line break moves nothing on.
    let out = app.paste("n\nn\n", 0);
    assert_eq!(out, Outcome::default());
    assert_eq!(live(&app).state.current, 1);
    assert_eq!(
        live(&app).ui.notice.as_deref(),
        Some("Pasted text was set aside: it goes into a form, such as an idea's (i).")
    );
    // Into an idea: line breaks and tabs become single spaces; only Enter saves.
    press(&mut app, Action::CaptureIdea, 0);
    let out = app.paste("Bus stop bench\r\n\tnote: near clinic\n", 0);
    assert_eq!(out, Outcome::default(), "the paste saved nothing by itself");
    assert!(app.typing(), "the form is still open");
    let out = key(&mut app, KeyCode::Enter, MIN);
    assert_eq!(
        events(&out),
        vec![Event::IdeaCaptured {
            text: "Bus stop bench note: near clinic".into(),
            author: None,
            components: vec![],
        }]
    );
    assert_eq!(live(&app).state.current, 1, "still the same stage");
    // A whole file pasted by mistake: the first 5,000 characters, and a word about the rest.
    press(&mut app, Action::CaptureIdea, 0);
    app.paste(&"word ".repeat(100_000), 0);
    assert_eq!(
        live(&app).ui.notice.as_deref(),
        Some("Only the first 5000 characters of the paste were taken.")
    );
    assert!(app.typing());
    key(&mut app, KeyCode::Esc, 0);
    // On the list of components, a paste's spaces would tick them: it is set aside.
    press(&mut app, Action::CaptureIdea, 0);
    key(&mut app, KeyCode::BackTab, 0);
    app.paste("a b c", 0);
    assert_eq!(
        live(&app).ui.notice.as_deref(),
        Some("Pasted text was set aside: Tab to the idea's words first.")
    );
    match &live(&app).ui.popup {
        Some(roundtable::app::live::Popup::Capture(form)) => assert!(form.tags.is_empty()),
        other => panic!("the form closed: {other:?}"),
    }
}

#[test]
fn the_highlighted_author_is_the_one_saved_picked_with_the_arrows() {
    // Tab to "said by", two rows down past "anonymous" onto the second person, Enter.
    let mut app = discussion();
    press(&mut app, Action::CaptureIdea, 0);
    type_keys(&mut app, "Shade", 0);
    key(&mut app, KeyCode::Tab, 0);
    key(&mut app, KeyCode::Down, 0);
    key(&mut app, KeyCode::Down, 0);
    let second = common::plan().participants[1].name.clone();
    let out = key(&mut app, KeyCode::Enter, MIN);
    assert_eq!(
        events(&out),
        vec![Event::IdeaCaptured {
            text: "Shade".into(),
            author: Some(second),
            components: vec![]
        }]
    );
    // Down then back Up: the first row, anonymous, as highlighted.
    press(&mut app, Action::CaptureIdea, 0);
    type_keys(&mut app, "Tea", 0);
    key(&mut app, KeyCode::Tab, 0);
    key(&mut app, KeyCode::Down, 0);
    key(&mut app, KeyCode::Up, 0);
    let out = key(&mut app, KeyCode::Enter, MIN);
    assert_eq!(
        events(&out),
        vec![Event::IdeaCaptured { text: "Tea".into(), author: None, components: vec![] }]
    );
}

#[test]
fn i_captures_an_idea_with_its_author_or_anonymously() {
    let mut app = discussion();
    press(&mut app, Action::CaptureIdea, 0);
    type_keys(&mut app, "More benches 🪑", 0);
    key(&mut app, KeyCode::Tab, 0);
    type_keys(&mut app, "lukasz", 0);
    let out = key(&mut app, KeyCode::Enter, MIN);
    assert_eq!(
        events(&out),
        vec![Event::IdeaCaptured {
            text: "More benches 🪑".into(),
            author: Some("Łukasz".into()),
            components: vec![],
        }]
    );
    press(&mut app, Action::CaptureIdea, 0);
    type_keys(&mut app, "Tea", 0);
    let out = key(&mut app, KeyCode::Enter, MIN);
    assert_eq!(
        events(&out),
        vec![Event::IdeaCaptured { text: "Tea".into(), author: None, components: vec![] }]
    );
    // The stage's focus tags what is captured in it.
    let mut app = live_app(vec![at(0, Event::StageChanged { to: 2 })]);
    press(&mut app, Action::CaptureIdea, 0);
    type_keys(&mut app, "Murals", 0);
    let out = key(&mut app, KeyCode::Enter, MIN);
    assert_eq!(
        events(&out),
        vec![Event::IdeaCaptured {
            text: "Murals".into(),
            author: None,
            components: vec!["Creative".into(), "Open".into()],
        }]
    );
}

#[test]
fn an_idea_is_tagged_by_hand_beyond_or_instead_of_the_stages_focus() {
    // The ideas stage's focus is Creative and Open; the facilitator drops Open and adds Equal.
    let mut app = live_app(vec![at(0, Event::StageChanged { to: 2 })]);
    press(&mut app, Action::CaptureIdea, 0);
    type_keys(&mut app, "Murals", 0);
    key(&mut app, KeyCode::Tab, 0);
    key(&mut app, KeyCode::Tab, 0);
    // Space tags here; typed letters do nothing, and the words stay as typed.
    type_keys(&mut app, "x", 0);
    key(&mut app, KeyCode::Char(' '), 0);
    for _ in 0..2 {
        key(&mut app, KeyCode::Down, 0);
    }
    key(&mut app, KeyCode::Char(' '), 0);
    let out = key(&mut app, KeyCode::Enter, MIN);
    assert_eq!(
        events(&out),
        vec![Event::IdeaCaptured {
            text: "Murals".into(),
            author: None,
            components: vec!["Creative".into(), "Equal".into()],
        }]
    );
    // Shift+Tab goes back a field: from the words to the components, and the list ends where it ends.
    press(&mut app, Action::CaptureIdea, 0);
    type_keys(&mut app, "Benches", 0);
    key(&mut app, KeyCode::BackTab, 0);
    for _ in 0..20 {
        key(&mut app, KeyCode::Down, 0);
    }
    key(&mut app, KeyCode::Char(' '), 0);
    let out = key(&mut app, KeyCode::Enter, MIN);
    assert_eq!(
        events(&out),
        vec![Event::IdeaCaptured {
            text: "Benches".into(),
            author: None,
            components: vec!["Creative".into(), "Open".into(), "Iterative".into()],
        }]
    );
}

#[test]
fn an_empty_or_overlong_idea_is_refused_and_the_form_stays_open() {
    let mut app = discussion();
    press(&mut app, Action::CaptureIdea, 0);
    assert!(key(&mut app, KeyCode::Enter, 0).events.is_empty());
    assert_eq!(live(&app).ui.notice.as_deref(), Some("An empty idea is not saved."));
    assert!(app.typing(), "the form is still open");
    type_keys(&mut app, &"word ".repeat(120), 0);
    assert!(key(&mut app, KeyCode::Enter, 0).events.is_empty());
    assert!(
        live(&app).ui.notice.as_deref().unwrap().starts_with("An idea of at most 500 characters")
    );
    assert!(app.typing(), "nothing typed is lost");
}

#[test]
fn v_votes_for_the_selected_idea_and_the_board_edits_merges_parks_and_agrees() {
    let mut app = discussion();
    for text in ["Benches", "Seats", "Shelter"] {
        live_record(
            &mut app,
            Event::IdeaCaptured { text: text.into(), author: None, components: vec![] },
        );
    }
    // v votes for the selected idea; Tab and the arrows select another.
    assert_eq!(events(&press(&mut app, Action::Vote, 0)), vec![Event::Voted { idea: 0 }]);
    press(&mut app, Action::NextPanel, 0);
    press(&mut app, Action::Down, 0);
    press(&mut app, Action::Down, 0);
    assert_eq!(events(&press(&mut app, Action::Vote, 0)), vec![Event::Voted { idea: 2 }]);
    press(&mut app, Action::IdeasBoard, 0);
    assert_eq!(app.screen(), roundtable::input::action::Screen::Board);
    press(&mut app, Action::Up, 0);
    press(&mut app, Action::Up, 0);
    // Merge Seats (#2) into Benches (#1): mark, move, mark again.
    press(&mut app, Action::Down, 0);
    assert!(press(&mut app, Action::MergeIdea, 0).events.is_empty());
    press(&mut app, Action::Up, 0);
    assert_eq!(
        events(&press(&mut app, Action::MergeIdea, 0)),
        vec![Event::IdeasMerged { from: 1, into: 0 }]
    );
    assert_eq!(
        events(&press(&mut app, Action::ParkIdea, 0)),
        vec![Event::IdeaParked { idea: 0, parked: true }]
    );
    press(&mut app, Action::EditIdea, 0);
    for _ in 0.."Benches".len() {
        key(&mut app, KeyCode::Backspace, 0);
    }
    type_keys(&mut app, "Benches by the door", 0);
    assert_eq!(
        events(&key(&mut app, KeyCode::Enter, 0)),
        vec![Event::IdeaEdited { idea: 0, text: "Benches by the door".into() }]
    );
    press(&mut app, Action::Down, 0); // steps over the merged idea to Shelter
    press(&mut app, Action::MakeAction, 0);
    type_keys(&mut app, "zoe", 0);
    key(&mut app, KeyCode::Tab, 0);
    type_keys(&mut app, "2w", 0);
    assert_eq!(
        events(&key(&mut app, KeyCode::Enter, 0)),
        vec![Event::ActionAgreed {
            idea: 2,
            owner: "Zoë".into(),
            due: chrono::NaiveDate::from_ymd_opt(2026, 12, 9)
        }]
    );
    press(&mut app, Action::Back, 0);
    assert_eq!(app.screen(), roundtable::input::action::Screen::Live);
}

#[test]
fn z_starts_blind_capture_and_again_reveals() {
    let mut app = discussion();
    assert_eq!(events(&press(&mut app, Action::BlindCapture, 0)), vec![Event::BlindStarted]);
    assert_eq!(events(&press(&mut app, Action::BlindCapture, MIN)), vec![Event::IdeasRevealed]);
}

#[test]
fn carried_actions_are_reviewed_with_a_note() {
    use roundtable::model::action::{ActionStatus, Carried};
    let carried = vec![Carried {
        text: "Ramp".into(),
        owner: "José".into(),
        due: None,
        status: ActionStatus::Open,
        note: None,
    }];
    let mut app = live_app(vec![at(
        0,
        Event::ActionsCarried { from: "before.ron".into(), actions: carried },
    )]);
    press(&mut app, Action::ActionsList, 0);
    assert_eq!(
        events(&press(&mut app, Action::MarkDone, MIN)),
        vec![Event::ActionReviewed { action: 0, status: ActionStatus::Done, note: None }]
    );
    press(&mut app, Action::WriteNote, MIN);
    type_keys(&mut app, "Built in March", MIN);
    assert_eq!(
        events(&key(&mut app, KeyCode::Enter, MIN)),
        vec![Event::ActionReviewed {
            action: 0,
            status: ActionStatus::Done,
            note: Some("Built in March".into())
        }]
    );
}

#[test]
fn r_opens_reflections_and_the_first_score_starts_a_checkpoint() {
    use roundtable::model::reflection::{Answer, Question, Rung};
    let mut app = live_app(vec![at(0, Event::StageChanged { to: 4 })]);
    press(&mut app, Action::Reflect, 0);
    assert_eq!(app.screen(), roundtable::input::action::Screen::Reflection);
    assert_eq!(
        events(&press(&mut app, Action::ScoreMostly, MIN)),
        vec![
            Event::CheckpointStarted { label: "end".into() },
            Event::Scored { component: "Equal".into(), score: Some(3) }
        ]
    );
    press(&mut app, Action::Down, MIN);
    press(&mut app, Action::TallyRight, MIN);
    assert_eq!(
        events(&press(&mut app, Action::TallyAdd, MIN)),
        vec![Event::Tallied { component: "Inclusive".into(), level: 1, change: 1 }]
    );
    assert!(press(&mut app, Action::TallyRemove, MIN).events.len() == 1);
    assert!(
        press(&mut app, Action::TallyRemove, MIN).events.is_empty(),
        "nobody left to take away"
    );
    // Enter on a component writes a note, with accents.
    press(&mut app, Action::WriteNote, MIN);
    type_keys(&mut app, "Personne n'a été oublié", MIN);
    assert_eq!(
        events(&key(&mut app, KeyCode::Enter, MIN)),
        vec![Event::ReflectionNoted {
            component: "Inclusive".into(),
            note: "Personne n'a été oublié".into()
        }]
    );
    // Past the ten components: the two questions, then the ladder.
    for _ in 0..10 {
        press(&mut app, Action::Down, MIN);
    }
    press(&mut app, Action::WriteNote, MIN);
    key(&mut app, KeyCode::Down, MIN);
    key(&mut app, KeyCode::Tab, MIN);
    type_keys(&mut app, "more than last time", MIN);
    assert_eq!(
        events(&key(&mut app, KeyCode::Enter, MIN)),
        vec![Event::DirectionAnswered {
            question: Question::SharingPower,
            answer: Answer::Partly,
            note: Some("more than last time".into())
        }]
    );
    press(&mut app, Action::Down, MIN);
    press(&mut app, Action::WriteNote, MIN);
    key(&mut app, KeyCode::Up, MIN);
    assert_eq!(
        events(&key(&mut app, KeyCode::Enter, MIN)),
        vec![Event::LadderPlaced { rung: Rung::Engagement }]
    );
    assert!(
        press(&mut app, Action::ScoreFully, MIN).events.is_empty(),
        "digits score components only"
    );
    // At the next checkpoint the ladder opens where the work was last placed.
    press(&mut app, Action::NewCheckpoint, 2 * MIN);
    for _ in 0..20 {
        key(&mut app, KeyCode::Backspace, 2 * MIN);
    }
    type_keys(&mut app, "end", 2 * MIN);
    key(&mut app, KeyCode::Enter, 2 * MIN);
    press(&mut app, Action::WriteNote, 2 * MIN);
    assert_eq!(
        events(&key(&mut app, KeyCode::Enter, 3 * MIN)),
        vec![Event::LadderPlaced { rung: Rung::Engagement }]
    );
}

#[test]
fn c_starts_a_checkpoint_with_a_name_of_ones_own() {
    let mut app = live_app(vec![]);
    press(&mut app, Action::Reflect, 0);
    press(&mut app, Action::NewCheckpoint, 0);
    for _ in 0.."beginning".len() {
        key(&mut app, KeyCode::Backspace, 0);
    }
    type_keys(&mut app, "After the site visit", 0);
    assert_eq!(
        events(&key(&mut app, KeyCode::Enter, 0)),
        vec![Event::CheckpointStarted { label: "After the site visit".into() }]
    );
}

#[test]
fn a_reflection_stage_puts_the_reflection_screen_first() {
    let mut app = live_app(vec![at(0, Event::StageChanged { to: 3 })]);
    press(&mut app, Action::NextStage, MIN);
    assert_eq!(app.screen(), roundtable::input::action::Screen::Reflection);
}

#[test]
fn q_quits_from_the_home_screen() {
    let mut app = App {
        mode: Mode::Home(Home::new(&common::plan(), vec![], vec![])),
        keymap: Keymap::defaults(),
    };
    assert_eq!(app.key(KeyEvent::from(KeyCode::Char('q')), 0).effect, Some(Effect::Quit));
}

#[test]
fn home_compares_a_series_without_its_rehearsals_unless_asked_with_a_key() {
    use roundtable::app::home::Entry;
    use roundtable::app::{Effect, Start};
    let info = recorded;
    let sessions = vec![info("a", true, false), info("b", true, false), info("c", true, true)];
    let home = Home::new(&common::plan(), vec![], sessions);
    let series = home.entries.iter().position(|e| matches!(e, Entry::Compare(..))).unwrap();
    assert_eq!(home.entries[series], Entry::Compare("community-health".into(), 2, 1));
    let mut app = App { mode: Mode::Home(home), keymap: Keymap::defaults() };
    for _ in 0..series {
        app.handle(Action::Down, 0);
    }
    let start = |out: Outcome| match out.effect {
        Some(Effect::Start(start)) => start,
        other => panic!("no start: {other:?}"),
    };
    assert_eq!(
        start(app.handle(Action::Select, 0)),
        Start::Compare("community-health".into(), false)
    );
    assert_eq!(
        start(app.handle(Action::CompareAll, 0)),
        Start::Compare("community-health".into(), true)
    );
    let a = roundtable::input::keymap::Key::parse("a").unwrap();
    assert_eq!(
        app.keymap.action(roundtable::input::action::Screen::Home, a),
        Some(Action::CompareAll)
    );
}

#[test]
fn in_an_ideas_stage_the_arrows_and_v_act_on_the_ideas_panel_on_top() {
    let mut app = live_app(vec![
        at(
            0,
            Event::HandRaised {
                who: "Amina".into(),
                kind: roundtable::model::queue::HandKind::Normal,
            },
        ),
        at(
            0,
            Event::HandRaised {
                who: "Zoë".into(),
                kind: roundtable::model::queue::HandKind::Normal,
            },
        ),
        at(
            0,
            Event::HandRaised {
                who: "Łukasz".into(),
                kind: roundtable::model::queue::HandKind::Normal,
            },
        ),
    ]);
    key(&mut app, KeyCode::Char('n'), 0);
    key(&mut app, KeyCode::Char('n'), MIN);
    for (n, text) in ["Benches", "Shade", "Water"].iter().enumerate() {
        press(&mut app, Action::CaptureIdea, 2 * MIN);
        type_keys(&mut app, text, 2 * MIN);
        key(&mut app, KeyCode::Enter, 2 * MIN + n as Ms);
    }
    key(&mut app, KeyCode::Down, 3 * MIN);
    key(&mut app, KeyCode::Down, 3 * MIN);
    let out = key(&mut app, KeyCode::Char('v'), 3 * MIN);
    assert_eq!(events(&out), vec![Event::Voted { idea: 2 }]);
    // Tab gives the arrows back to the queue.
    key(&mut app, KeyCode::Tab, 3 * MIN);
    key(&mut app, KeyCode::Down, 3 * MIN);
    match &app.mode {
        Mode::Live(live) => assert_eq!((live.ui.selected, live.ui.idea), (1, 2)),
        _ => panic!("not live"),
    }
}

#[test]
fn a_raised_hand_becomes_a_direct_reply_or_a_point_of_process() {
    use roundtable::model::queue::HandKind;
    let mut app = discussion();
    press(&mut app, Action::RaiseHand, 0);
    type_keys(&mut app, "zoe", 0);
    key(&mut app, KeyCode::Enter, 0);
    press(&mut app, Action::RaiseHand, MIN);
    type_keys(&mut app, "zoe", MIN);
    key(&mut app, KeyCode::Tab, MIN);
    let out = key(&mut app, KeyCode::Enter, MIN);
    assert_eq!(events(&out), vec![Event::HandRaised { who: "Zoë".into(), kind: HandKind::Reply }]);
    match &app.mode {
        Mode::Live(live) => {
            let hands = &live.state.room.hands;
            assert_eq!(hands.len(), 1, "one hand, now a reply");
            assert_eq!((hands[0].kind, hands[0].raised), (HandKind::Reply, 0));
        }
        _ => panic!("not live"),
    }
}

#[test]
fn then_carries_the_time_when_both_sessions_fall_on_the_same_day() {
    use roundtable::workshop::previous::when_before;
    let at = |s: &str| chrono::DateTime::parse_from_rfc3339(s).unwrap();
    assert_eq!(
        when_before(at("2026-11-25T10:00:00+00:00"), at("2026-11-25T14:30:00+00:00")),
        "Wed 25 Nov 10:00"
    );
    assert_eq!(
        when_before(at("2026-11-18T19:00:00+00:00"), at("2026-11-25T19:00:00+00:00")),
        "Wed 18 Nov"
    );
}

#[test]
fn home_starts_the_next_cycle_of_a_finished_session() {
    use roundtable::app::home::Entry;
    use roundtable::app::{Effect, Start};
    let info = |name: &str, ended: bool| recorded(name, ended, false);
    let home = Home::new(&common::plan(), vec![], vec![info("done", true), info("open", false)]);
    let done = home
        .entries
        .iter()
        .position(|e| matches!(e, Entry::Replay(i) if i.path.ends_with("done.ron")))
        .unwrap();
    let mut app = App { mode: Mode::Home(home), keymap: Keymap::defaults() };
    for _ in 0..done {
        app.handle(Action::Down, 0);
    }
    assert_eq!(
        app.handle(Action::NextCycle, 0).effect,
        Some(Effect::Start(Start::Again("sessions/recorded/done.ron".into())))
    );
    let c = roundtable::input::keymap::Key::parse("c").unwrap();
    assert_eq!(
        app.keymap.action(roundtable::input::action::Screen::Home, c),
        Some(Action::NextCycle)
    );
    // Not on a session still running: said, not done.
    app.handle(Action::Up, 0);
    assert_eq!(app.handle(Action::NextCycle, 0).effect, None);
}

/// A keymap whose forms save with Ctrl+s and close with F2, and move with Alt+j.
fn remapped_forms() -> Keymap {
    let text = "{ Submit: [\"Ctrl+s\"], Dismiss: [\"F2\"], NextField: [\"Alt+j\"] }";
    roundtable::store::keymap_file::parse_keymap(std::path::Path::new("k.ron"), text).unwrap()
}

#[test]
fn a_form_saves_closes_and_moves_on_the_keys_of_the_keymap_in_effect() {
    let mut app = discussion();
    app.keymap = remapped_forms();
    press(&mut app, Action::CaptureIdea, 0);
    type_keys(&mut app, "Evening hours", 0);
    // Enter and Esc are no longer the form's: the form stays open and nothing is made.
    assert!(key(&mut app, KeyCode::Enter, 1_000).events.is_empty());
    assert!(key(&mut app, KeyCode::Esc, 1_000).events.is_empty());
    assert!(app.typing(), "Esc no longer closes the form");
    let save = KeyEvent::new(KeyCode::Char('s'), ratatui::crossterm::event::KeyModifiers::CONTROL);
    let out = app.key(save, 2_000);
    assert_eq!(
        events(&out),
        vec![Event::IdeaCaptured {
            text: "Evening hours".into(),
            author: None,
            components: vec![]
        }]
    );
    // F2 drops a form; the letters of the remapped keys are still typed as text.
    press(&mut app, Action::CaptureIdea, 3_000);
    type_keys(&mut app, "s", 3_000);
    assert!(app.typing());
    key(&mut app, KeyCode::F(2), 3_000);
    assert!(!app.typing(), "F2 dismisses the form");
}

#[test]
fn a_form_action_bound_only_to_letters_is_refused_where_it_is_bound() {
    let text = "{\n    Submit: [\"s\"],\n}";
    let err = roundtable::store::keymap_file::parse_keymap(std::path::Path::new("k.ron"), text)
        .unwrap_err();
    assert_eq!(
        err.headline(),
        "k.ron:2:13: a key for Submit that types no text, such as Enter, Tab, F2 or Ctrl+s: in a form, letters are typed"
    );
}

#[test]
fn the_report_is_offered_for_a_recorded_session_and_for_the_workshop_itself() {
    let home = Home::new(&common::plan(), vec![], vec![recorded("a", true, false)]);
    let mut app = App { mode: Mode::Home(home), keymap: Keymap::defaults() };
    // On the built-in workshop there is no record yet: it says where to stand.
    assert_eq!(app.handle(Action::WriteReport, 0).effect, None);
    let Mode::Home(home) = &app.mode else { panic!("not home") };
    assert!(home.notice.as_deref().is_some_and(|n| n.contains("Stand on a recorded session")));
    for _ in 0..3 {
        app.handle(Action::Down, 0);
    }
    assert_eq!(
        app.handle(Action::WriteReport, 0).effect,
        Some(Effect::WriteReport(Some("sessions/recorded/a.ron".into())))
    );
    // In a workshop, the key writes the report of the one being recorded.
    let mut live = App {
        mode: Mode::Live(Box::new(Live::new(common::session(vec![])))),
        keymap: Keymap::defaults(),
    };
    let w = KeyEvent::new(KeyCode::Char('w'), KeyModifiers::NONE);
    assert_eq!(live.key(w, 0).effect, Some(Effect::WriteReport(None)));
}

#[test]
fn a_room_view_following_offers_needs_and_its_going_hides_them() {
    let mut app = live_app(vec![]);
    let Mode::Live(live) = &mut app.mode else { panic!("not live") };
    live.followed_by(1, "N");
    assert!(!live.ui.show_needs, "never shown unasked");
    assert!(live.ui.notice.as_deref().is_some_and(|n| n.contains("N shows needs")));
    app.handle(Action::ShowNeeds, 0);
    let Mode::Live(live) = &mut app.mode else { panic!("not live") };
    assert!(live.ui.show_needs);
    live.followed_by(2, "N");
    assert!(live.ui.show_needs, "a second view changes nothing");
    live.followed_by(0, "N");
    assert!(!live.ui.show_needs, "the last view gone, this may be the wall again");
    assert!(live.ui.notice.as_deref().is_some_and(|n| n.contains("hidden again")));
}
