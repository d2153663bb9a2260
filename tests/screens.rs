//! Whole screens on ratatui's TestBackend, with a fixed clock, at 80×24 and 200×60.

mod common;

use common::{MIN, at, session, text};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use roundtable::app::home::Home;
use roundtable::app::live::{Before, Live, Overlay, View};
use roundtable::app::{App, Mode};
use roundtable::input::action::Action;
use roundtable::input::keymap::Keymap;
use roundtable::input::{KeyCode, KeyEvent, KeyModifiers};
use roundtable::model::action::{ActionStatus, Carried};
use roundtable::model::balance::RoleShare;
use roundtable::model::component::Component;
use roundtable::model::queue::HandKind;
use roundtable::model::reflection::{Answer, Question, Rung};
use roundtable::model::{Event, Logged, Ms};
use roundtable::store::catalog::SessionInfo;
use roundtable::ui::theme::Theme;
use roundtable::ui::{self, Context};

const SIZES: [(u16, u16); 2] = [(80, 24), (200, 60)];

fn draw(app: &App, now: Ms, width: u16, height: u16, saving: Option<&str>) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    let theme = Theme::default_for(false);
    let cx = Context { now, theme: &theme, saving };
    terminal.draw(|frame| ui::render(frame, app, &cx)).unwrap();
    terminal.backend().buffer().clone()
}

fn live_app(events: Vec<Logged>) -> App {
    App { mode: Mode::Live(Box::new(Live::new(session(events)))), keymap: Keymap::defaults() }
}

fn home_app() -> App {
    let resume = SessionInfo {
        path: "sessions/recorded/2026-11-25-1900-community-health.ron".into(),
        title: "Community health co-design".into(),
        series: Some("community-health".into()),
        started: common::started(),
        ended: false,
        rehearsal: false,
        stage: (3, 5),
    };
    let home = Home::new(
        &common::plan(),
        vec![("sessions/example.ron".into(), common::plan())],
        vec![resume],
    );
    App { mode: Mode::Home(home), keymap: Keymap::defaults() }
}

fn snapshot(name: &str, app: &App, now: Ms) {
    for (w, h) in SIZES {
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), text(&draw(app, now, w, h, None)));
    }
}

#[test]
fn home() {
    snapshot("home", &home_app(), 0);
}

#[test]
fn live_ready() {
    snapshot("live_ready", &live_app(vec![]), 0);
}

#[test]
fn live_running_on_the_second_stage() {
    let app = live_app(vec![
        at(0, Event::TimerStarted),
        at(12 * MIN, Event::StageChanged { to: 1 }),
        at(13 * MIN, Event::StageExtended { stage: 1, by_s: 60 }),
    ]);
    snapshot("live_running", &app, 19 * MIN + 25_000);
}

#[test]
fn live_over_time() {
    let app = live_app(vec![at(0, Event::StageChanged { to: 2 })]);
    snapshot("live_over", &app, 26 * MIN + 30_000);
}

#[test]
fn live_ended() {
    let app = live_app(vec![
        at(0, Event::TimerStarted),
        at(10 * MIN, Event::StageChanged { to: 4 }),
        at(25 * MIN, Event::WorkshopEnded),
    ]);
    snapshot("live_ended", &app, 30 * MIN);
}

/// A discussion under way: someone speaking past their time box, hands of every kind waiting.
fn busy_room() -> App {
    let hand = |who: &str, kind| Event::HandRaised { who: who.into(), kind };
    live_app(vec![
        at(0, Event::StageChanged { to: 1 }),
        at(0, Event::FloorGiven { who: "Amina".into() }),
        at(3 * MIN, Event::FloorGiven { who: "王芳".into() }),
        at(4 * MIN, Event::HandRaised { who: "Zoë".into(), kind: HandKind::Normal }),
        at(4 * MIN, hand("Sunny 🌞", HandKind::Reply)),
        at(5 * MIN, hand("Łukasz", HandKind::Normal)),
        at(5 * MIN, hand("Amina", HandKind::Normal)),
        at(5 * MIN, hand("Dr Lee", HandKind::Process)),
    ])
}

#[test]
fn live_floor_and_balance_with_accents_cjk_and_emoji() {
    snapshot("live_floor", &busy_room(), 5 * MIN + 45_000);
}

#[test]
fn a_waiting_persons_needs_are_read_in_full_on_a_narrow_screen() {
    let mut app = busy_room();
    // Zoë, third in the queue, needs extra time to speak; chosen, she is shown whole.
    app.handle(Action::Down, 5 * MIN);
    app.handle(Action::Down, 5 * MIN);
    let screen = text(&draw(&app, 5 * MIN + 45_000, 80, 24, None));
    assert!(screen.contains("▶ 3 ✋ Zoë · carer · ◇"), "{screen}");
    assert!(!screen.contains("extra time"), "needs stay the facilitator's: {screen}");
    assert!(screen.contains("has not spoken yet · waiting 1:45 "), "{screen}");
    // N shows them, in full on a narrow screen; N again hides them.
    app.handle(Action::ShowNeeds, 5 * MIN);
    let screen = text(&draw(&app, 5 * MIN + 45_000, 80, 24, None));
    assert!(screen.contains("       needs: extra time to speak"), "{screen}");
    app.handle(Action::ShowNeeds, 5 * MIN);
    let screen = text(&draw(&app, 5 * MIN + 45_000, 80, 24, None));
    assert!(!screen.contains("extra time"), "{screen}");
}

#[test]
fn someone_who_left_is_marked_in_the_name_column_and_no_line_wraps() {
    let app = live_app(vec![
        at(0, Event::StageChanged { to: 1 }),
        at(0, Event::FloorGiven { who: "Zoë".into() }),
        at(MIN, Event::TurnEnded),
        at(MIN, Event::Left { who: "Zoë".into() }),
    ]);
    let screen = text(&draw(&app, 2 * MIN, 200, 60, None));
    let line = screen.lines().find(|l| l.contains("Zoë (left)")).expect(&screen);
    assert!(line.contains("1:00") && line.contains("×1"), "{line}");
    assert!(!screen.lines().any(|l| l.starts_with("│(left)")), "{screen}");
}

#[test]
fn the_turn_says_time_in_words_and_colour() {
    let app = busy_room();
    let theme = Theme::default_for(false);
    let buffer = draw(&app, 5 * MIN + 45_000, 200, 60, None);
    let screen = text(&buffer);
    let row = screen.lines().position(|l| l.contains("■ TIME 王芳")).expect(&screen) as u16;
    let x = (0..200).find(|x| buffer[(*x, row)].symbol() == "■").unwrap();
    assert_eq!(buffer[(x, row)].fg, theme.timer_over.fg.unwrap());
    assert!(screen.contains("+1:15 over 1:30"), "{screen}");
}

fn idea(text: &str, author: Option<&str>) -> Event {
    Event::IdeaCaptured { text: text.into(), author: author.map(String::from), components: vec![] }
}

/// The ideas stage with long, accented, CJK and emoji ideas, votes, a merge, a park and an action.
fn ideas_stage() -> Vec<Logged> {
    vec![
        at(0, Event::StageChanged { to: 2 }),
        at(
            MIN,
            idea(
                "A bench at the bus stop outside the clinic, with a shelter from the rain and a timetable you can read sitting down",
                Some("Zoë"),
            ),
        ),
        at(2 * MIN, idea("診療所の前にベンチと屋根を。バスを待つ間に座れるように。", Some("王芳"))),
        at(3 * MIN, idea("Café-style waiting room 🌞☕ with the kettle on", None)),
        at(4 * MIN, idea("Seats at the stop", Some("Łukasz"))),
        at(5 * MIN, idea("Receptionists trained by people who use the service", Some("Sunny 🌞"))),
        at(6 * MIN, Event::Voted { idea: 0 }),
        at(6 * MIN, Event::Voted { idea: 0 }),
        at(6 * MIN, Event::Voted { idea: 3 }),
        at(6 * MIN, Event::Voted { idea: 4 }),
        at(7 * MIN, Event::IdeasMerged { from: 3, into: 0 }),
        at(7 * MIN, Event::IdeaParked { idea: 2, parked: true }),
        at(
            8 * MIN,
            Event::ActionAgreed {
                idea: 4,
                owner: "Dr Lee".into(),
                due: chrono::NaiveDate::from_ymd_opt(2026, 12, 15),
            },
        ),
    ]
}

#[test]
fn the_ideas_board_with_long_and_wide_text() {
    let mut app = live_app(ideas_stage());
    if let Mode::Live(live) = &mut app.mode {
        live.ui.view = View::Board;
        live.ui.idea = 1;
    }
    snapshot("board", &app, 9 * MIN);
}

#[test]
fn a_long_board_scrolls_to_the_chosen_idea_and_fills_the_screen_above_it() {
    let mut log = ideas_stage();
    let before = log.iter().filter(|l| matches!(l.event, Event::IdeaCaptured { .. })).count();
    for n in 0..60 {
        log.push(at(9 * MIN, idea(&format!("Numbered idea {n:02} of sixty"), None)));
    }
    let mut app = live_app(log);
    let first_new = before; // the stage's own ideas come first
    for chosen in [0usize, 30, 59] {
        if let Mode::Live(live) = &mut app.mode {
            live.ui.view = View::Board;
            live.ui.idea = first_new + chosen;
        }
        let board = text(&draw(&app, 9 * MIN, 80, 24, None));
        let pointer = board.lines().find(|l| l.starts_with("│▶")).unwrap_or_default();
        assert!(pointer.contains(&format!("Numbered idea {chosen:02}")), "{chosen}: {board}");
        if chosen > 0 {
            // The chosen idea sits at the foot and the ones before it fill the board.
            assert!(board.contains(&format!("Numbered idea {:02}", chosen - 1)), "{board}");
            assert!(!board.contains(&format!("Numbered idea {:02}", chosen + 1)), "{board}");
            let rows = board.lines().filter(|l| l.contains("Numbered idea")).count();
            assert!(rows >= 18, "only {rows} rows: {board}");
        }
    }
}

#[test]
fn the_ideas_panel_comes_first_in_an_ideas_stage() {
    snapshot("live_ideas", &live_app(ideas_stage()), 9 * MIN);
}

#[test]
fn blind_capture_shows_only_a_count() {
    let mut log = ideas_stage();
    log.push(at(9 * MIN, Event::BlindStarted));
    log.push(at(9 * MIN, idea("Secret idea nobody should see yet", Some("Amina"))));
    let mut app = live_app(log);
    let screen = text(&draw(&app, 10 * MIN, 200, 60, None));
    assert!(screen.contains("◌ BLIND CAPTURE · 1 idea hidden"), "{screen}");
    assert!(!screen.contains("Secret idea"), "{screen}");
    assert!(screen.contains("▲ ?"), "{screen}");
    if let Mode::Live(live) = &mut app.mode {
        live.ui.view = View::Board;
    }
    let board = text(&draw(&app, 10 * MIN, 80, 24, None));
    assert!(!board.contains("Secret idea") && board.contains("1 idea hidden"), "{board}");
}

#[test]
fn the_actions_carried_from_last_time() {
    let carried = vec![
        Carried {
            text: "Fix the ramp at the side door".into(),
            owner: "José Álvarez".into(),
            due: chrono::NaiveDate::from_ymd_opt(2026, 12, 1),
            status: ActionStatus::InProgress,
            note: Some("Quote received; work booked for January".into()),
        },
        Carried {
            text: "Ask the bus company about a shelter".into(),
            owner: "Zoë".into(),
            due: None,
            status: ActionStatus::Open,
            note: None,
        },
    ];
    let mut log = vec![at(
        0,
        Event::ActionsCarried {
            from: "2026-11-18-1900-community-health.ron".into(),
            actions: carried,
        },
    )];
    log.push(at(
        MIN,
        Event::ActionReviewed {
            action: 1,
            status: ActionStatus::Done,
            note: Some("Shelter agreed for spring".into()),
        },
    ));
    log.extend(ideas_stage().into_iter().map(|l| Logged { at: l.at + MIN, ..l }));
    let mut app = live_app(log);
    if let Mode::Live(live) = &mut app.mode {
        live.ui.view = View::Actions;
    }
    snapshot("actions", &app, 10 * MIN);
    // Seen later, past its due date, the open action says it is overdue.
    let days = 7 * 24 * 60 * MIN;
    let late = text(&draw(&app, days, 200, 60, None));
    assert!(late.contains("due 2026-12-01 · ⚠ OVERDUE"), "{late}");
}

fn reflecting(mut app: App, row: usize) -> App {
    if let Mode::Live(live) = &mut app.mode {
        live.ui.view = View::Reflection;
        live.ui.reflect_row = row;
        live.ui.tally_level = 3;
    }
    app
}

fn scored() -> Vec<Logged> {
    let score = |c: &str, s: u8| Event::Scored { component: c.into(), score: Some(s) };
    let tally = |level: u8| Event::Tallied { component: "Equal".into(), level, change: 1 };
    vec![
        at(0, Event::StageChanged { to: 4 }),
        at(MIN, Event::CheckpointStarted { label: "end".into() }),
        at(MIN, score("Equal", 2)),
        at(MIN, score("Inclusive", 3)),
        at(MIN, score("Action-focused", 4)),
        at(MIN, tally(1)),
        at(MIN, tally(2)),
        at(MIN, tally(3)),
        at(MIN, tally(3)),
        at(
            MIN,
            Event::ReflectionNoted {
                component: "Equal".into(),
                note: "Les résidents ont moins parlé que les médecins; 下次改进".into(),
            },
        ),
        at(
            2 * MIN,
            Event::DirectionAnswered {
                question: Question::Uncomfortable,
                answer: Answer::Yes,
                note: Some("a good kind of uncomfortable".into()),
            },
        ),
        at(2 * MIN, Event::LadderPlaced { rung: Rung::CoDesign }),
    ]
}

#[test]
fn the_reflection_screen_with_the_ten_components() {
    snapshot("reflection", &reflecting(live_app(scored()), 0), 3 * MIN);
}

#[test]
fn the_reflection_screen_with_a_groups_own_list() {
    let mut session = session(vec![]);
    session.plan.components = Some(vec![
        Component {
            name: "Listened to".into(),
            prompt: "Did you feel heard, whatever your role?".into(),
        },
        Component { name: "Cared for 🫶".into(), prompt: "Did you feel looked after?".into() },
        Component { name: "分かりやすい".into(), prompt: "Was it easy to follow?".into() },
    ]);
    session.events = vec![
        at(0, Event::CheckpointStarted { label: "beginning".into() }),
        at(0, Event::Scored { component: "Cared for 🫶".into(), score: Some(1) }),
    ];
    let app = App { mode: Mode::Live(Box::new(Live::new(session))), keymap: Keymap::defaults() };
    snapshot("reflection_own", &reflecting(app, 1), MIN);
}

#[test]
fn the_power_question_shows_the_evidence_then_and_now() {
    let mut app = reflecting(live_app(scored()), 11);
    if let Mode::Live(live) = &mut app.mode {
        live.before = Some(Before {
            when: "Tue 18 Nov".into(),
            shares: vec![
                RoleShare {
                    role: "resident".into(),
                    people: 2,
                    airtime: 60_000,
                    share: 0.2,
                    people_share: 0.33,
                    ideas: 1,
                    ideas_share: 0.25,
                },
                RoleShare {
                    role: "GP".into(),
                    people: 1,
                    airtime: 180_000,
                    share: 0.6,
                    people_share: 0.17,
                    ideas: 3,
                    ideas_share: 0.75,
                },
            ],
        });
    }
    let screen = text(&draw(&app, 3 * MIN, 200, 60, None));
    assert!(screen.contains("(then: Tue 18 Nov)"), "{screen}");
    assert!(screen.contains("resident               20% → 0%            25% → 0%"), "{screen}");
    assert!(screen.contains("GP                     60% → 0%            75% → 0%"), "{screen}");
}

#[test]
fn live_with_help_and_with_a_question() {
    let mut app = live_app(vec![at(0, Event::TimerStarted)]);
    if let Mode::Live(live) = &mut app.mode {
        live.ui.help.show();
    }
    snapshot("live_help", &app, MIN);
    if let Mode::Live(live) = &mut app.mode {
        // The help closes, then `q` asks.
        live.ui.help.open = false;
        live.ui.overlay = Some(Overlay::ConfirmQuit);
    }
    snapshot("live_confirm_quit", &app, MIN);
}

#[test]
fn a_refusing_disk_is_a_steady_warning_in_words() {
    let app = live_app(vec![at(0, Event::TimerStarted)]);
    let screen = text(&draw(
        &app,
        MIN,
        80,
        24,
        Some("the disk is full. 2 events kept in memory; retrying."),
    ));
    assert!(screen.contains("⚠ NOT SAVED: the disk is full. 2 events kept in memory"), "{screen}");
}

#[test]
fn over_time_is_said_in_words_and_colour() {
    let app = live_app(vec![at(0, Event::TimerStarted)]);
    let theme = Theme::default_for(false);
    let buffer = draw(&app, 11 * MIN + 30_000, 80, 24, None);
    let screen = text(&buffer);
    assert!(screen.contains("● OVER +01:30"), "{screen}");
    let label = screen.lines().position(|l| l.contains("OVER +01:30")).unwrap() as u16;
    let x = (0..80).find(|x| buffer[(*x, label)].symbol() == "O").unwrap();
    assert_eq!(buffer[(x, label)].fg, theme.timer_over.fg.unwrap());
}

#[test]
fn every_screen_survives_any_size_down_to_one_cell() {
    let apps = [home_app(), live_app(vec![at(0, Event::TimerStarted)])];
    for app in &apps {
        for w in [1, 2, 5, 20, 39, 40, 41, 60] {
            for h in [1, 2, 3, 9, 10, 11, 15] {
                let screen = text(&draw(app, MIN, w, h, Some("disk full")));
                if (w < 40 || h < 10) && w >= 6 && h >= 4 {
                    assert!(screen.contains("larger"), "{w}×{h}:\n{screen}");
                }
            }
        }
    }
}

#[test]
fn the_status_line_is_where_the_cursor_rests() {
    let app = live_app(vec![at(0, Event::TimerStarted)]);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    let theme = Theme::default_for(false);
    let cx = Context { now: MIN, theme: &theme, saving: None };
    terminal.draw(|frame| ui::render(frame, &app, &cx)).unwrap();
    assert_eq!(terminal.get_cursor_position().unwrap(), (0, 22).into());
}

#[test]
fn the_balance_keeps_as_many_bars_as_fit_and_says_how_many_more() {
    // Six people, two walk-ins with roles of their own: eight roles and too
    // few rows for every bar. Bars used to vanish altogether here.
    let state = common::fold(&[
        at(0, Event::ParticipantAdded { name: "Kwame".into(), role: "peer mentor".into() }),
        at(0, Event::ParticipantAdded { name: "Ana".into(), role: "peer support worker".into() }),
        at(1_000, Event::TimerStarted),
        at(2_000, Event::FloorGiven { who: "Amina".into() }),
        at(MIN, Event::TurnEnded),
    ]);
    let theme = Theme::default_for(false);
    let mut terminal = Terminal::new(TestBackend::new(60, 18)).unwrap();
    terminal
        .draw(|frame| {
            let pane =
                roundtable::ui::balance::BalancePane { room: &state.room, now: MIN, theme: &theme };
            frame.render_widget(pane, frame.area())
        })
        .unwrap();
    let screen = text(terminal.backend().buffer());
    let bars = screen.lines().filter(|l| l.contains('×')).count();
    assert!(bars >= 3, "{screen}");
    assert!(screen.contains(&format!("… {} more people", 8 - bars)), "{screen}");
    assert!(screen.contains("Amina"), "{screen}");
}

#[test]
fn the_big_countdown_paints_the_themes_ground_at_every_size() {
    let app = live_app(vec![at(0, Event::TimerStarted)]);
    for name in ["light", "dark", "colour-blind", "high-contrast"] {
        let theme = Theme::built_in(name).unwrap();
        for (w, h) in [(80, 24), (120, 35), (200, 60), (400, 120)] {
            let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
            let cx = Context { now: MIN, theme: &theme, saving: None };
            terminal.draw(|frame| ui::render(frame, &app, &cx)).unwrap();
            let buffer = terminal.backend().buffer();
            // The cell under the right half of a wide character is never
            // drawn: the terminal paints the character's ground over both.
            let mut bare = None;
            for (y, row) in buffer.content.chunks(w as usize).enumerate() {
                let mut skip = 0;
                for (x, cell) in row.iter().enumerate() {
                    if skip > 0 {
                        skip -= 1;
                        continue;
                    }
                    skip = unicode_width::UnicodeWidthStr::width(cell.symbol()).saturating_sub(1);
                    if cell.bg == ratatui::style::Color::Reset && bare.is_none() {
                        bare = Some((x, y));
                    }
                }
            }
            assert_eq!(
                bare,
                None,
                "{name} at {w}×{h}: a cell on the terminal's own ground:\n{}",
                text(buffer)
            );
        }
    }
}

#[test]
fn a_break_says_when_to_be_back_in_big_digits_and_a_reflection_keeps_its_clock() {
    // Stage 4 is the break: ten minutes from 19:00 + 1 min, so back at 19:11.
    let app = live_app(vec![at(0, Event::TimerStarted), at(MIN, Event::StageChanged { to: 3 })]);
    let screen = text(&draw(&app, MIN + 5_000, 120, 35, None));
    assert!(screen.contains("BACK AT 19:11"), "{screen}");
    // In a reflection stage the room's clock stays beside the reflection screen.
    let mut reflect =
        live_app(vec![at(0, Event::TimerStarted), at(MIN, Event::StageChanged { to: 4 })]);
    if let Mode::Live(live) = &mut reflect.mode {
        live.ui.view = View::Reflection;
    }
    for (w, h) in [(120, 35), (200, 60)] {
        let screen = text(&draw(&reflect, 2 * MIN, w, h, None));
        assert!(screen.contains("┌ Time "), "{w}×{h}:\n{screen}");
        assert!(screen.contains("▶ RUNNING"), "{w}×{h}:\n{screen}");
    }
}

#[test]
fn at_80_columns_a_long_status_wraps_at_words_and_is_never_cut() {
    let name = "Maximilian Alexander Featherstonehaugh-Cholmondeley";
    let app = live_app(vec![
        at(
            0,
            Event::ParticipantAdded {
                name: name.into(),
                role: "community development worker".into(),
            },
        ),
        at(1_000, Event::TimerStarted),
        at(2_000, Event::FloorGiven { who: "Zoë".into() }),
        at(MIN, Event::FloorGiven { who: name.into() }),
    ]);
    let said = match &app.mode {
        Mode::Live(live) => live.state.said.clone(),
        _ => unreachable!(),
    };
    assert!(said.chars().count() > 79, "{said}");
    let screen = text(&draw(&app, MIN, 80, 24, None));
    let rows: Vec<&str> = screen.lines().collect();
    // The two status rows above the key bar hold the sentence whole.
    let status = format!("{} {}", rows[rows.len() - 3].trim(), rows[rows.len() - 2].trim());
    assert_eq!(status, said, "{screen}");
}

#[test]
fn every_form_names_the_keys_of_the_keymap_in_effect() {
    let keys = "{ Submit: [\"Ctrl+s\"], Dismiss: [\"F2\"], NextField: [\"Alt+j\"], Up: [\"F5\"], Down: [\"F6\"] }";
    let keymap =
        roundtable::store::keymap_file::parse_keymap(std::path::Path::new("k.ron"), keys).unwrap();
    let mut app = live_app(vec![at(0, Event::StageChanged { to: 2 })]);
    app.keymap = keymap.clone();
    let open = |app: &mut App, action: Action| {
        if let Mode::Live(live) = &mut app.mode {
            live.ui.popup = None;
        }
        app.handle(action, MIN);
        text(&draw(app, MIN, 120, 35, None))
    };
    let capture = open(&mut app, Action::CaptureIdea);
    assert!(capture.contains("Alt+j: idea → who said it"), "{capture}");
    assert!(capture.contains("Ctrl+s saves · F2 cancels"), "{capture}");
    let hand = open(&mut app, Action::RaiseHand);
    assert!(hand.contains("(Alt+j changes)"), "{hand}");
    assert!(hand.contains("Type to filter · F5F6 · Ctrl+s picks · F2 cancels"), "{hand}");
    for default in ["Enter saves", "Esc cancels", "Enter picks", "↑↓"] {
        assert!(
            !capture.contains(default) && !hand.contains(default),
            "{default} is still shown:\n{capture}\n{hand}"
        );
    }
}

#[test]
fn a_long_home_list_keeps_the_chosen_entry_in_view_with_the_cursor_on_it() {
    let sessions: Vec<SessionInfo> = (0..30)
        .map(|i| SessionInfo {
            path: format!("sessions/recorded/s{i:02}.ron").into(),
            title: format!("Session number {i:02}"),
            series: None,
            started: common::started(),
            ended: true,
            rehearsal: false,
            stage: (5, 5),
        })
        .collect();
    let home = Home::new(&common::plan(), vec![], sessions);
    let mut app = App { mode: Mode::Home(home), keymap: Keymap::defaults() };
    for chosen in [0, 20, 29, 3] {
        let Mode::Home(home) = &mut app.mode else { unreachable!() };
        home.selected = chosen;
        let entry = roundtable::ui::home::entry_text(&home.entries[chosen]);
        let theme = Theme::default_for(false);
        let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
        let cx = Context { now: 0, theme: &theme, saving: None };
        terminal.draw(|frame| ui::render(frame, &app, &cx)).unwrap();
        let screen = text(terminal.backend().buffer());
        let row = screen.lines().position(|l| l.contains(&format!("▶ {}", &entry[..20])));
        let row = row.unwrap_or_else(|| panic!("entry {chosen} in view:\n{screen}"));
        let cursor = terminal.get_cursor_position().unwrap();
        assert_eq!(cursor.y as usize, row, "the cursor is on the chosen entry\n{screen}");
        assert_eq!(screen.matches('▶').count(), 1, "{screen}");
    }
}

#[test]
fn the_hand_picker_scrolls_to_the_highlighted_name() {
    let mut app = busy_room();
    let now = 5 * MIN + 45_000;
    app.handle(Action::RaiseHand, now);
    snapshot("picker_top", &app, now);
    // Far enough down that a short terminal must scroll.
    let down = KeyEvent::new(KeyCode::Down, KeyModifiers::NONE);
    for _ in 0..7 {
        app.key(down, now);
    }
    // The smallest screen leaves room for a few of the six names.
    let screen = text(&draw(&app, now, 80, 10, None));
    let names = ["Amina", "Dr Lee", "Zoë", "Łukasz", "王芳", "Sunny 🌞"];
    let chosen: Vec<&str> =
        names.iter().copied().filter(|n| screen.contains(&format!("▶ {n} · "))).collect();
    assert_eq!(chosen, ["Sunny 🌞"], "the last name, highlighted and in view\n{screen}");
    assert!(!screen.contains("Amina · resident"), "the first, scrolled away\n{screen}");
    assert!(screen.contains("Type to filter"), "the hint stays at the foot\n{screen}");
}
