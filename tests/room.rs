//! The room: projection view, themes, never colour alone, every size.

mod common;

use common::{MIN, at, session, text};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Color;
use roundtable::app::home::Home;
use roundtable::app::live::{Live, Overlay, Popup, View};
use roundtable::app::picker::{Picker, Purpose};
use roundtable::app::{App, Mode};
use roundtable::input::keymap::Keymap;
use roundtable::model::queue::HandKind;
use roundtable::model::{Event, Logged, Ms};
use roundtable::ui::theme::Theme;
use roundtable::ui::{self, Context};

fn draw(app: &App, now: Ms, (w, h): (u16, u16), theme: &Theme) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    let cx = Context { now, theme, saving: None };
    terminal.draw(|frame| ui::render(frame, app, &cx)).unwrap();
    terminal.backend().buffer().clone()
}

fn live_app(events: Vec<Logged>) -> App {
    App { mode: Mode::Live(Box::new(Live::new(session(events)))), keymap: Keymap::defaults() }
}

fn with_ui(mut app: App, change: impl FnOnce(&mut Live)) -> App {
    if let Mode::Live(live) = &mut app.mode {
        change(live);
    }
    app
}

fn projecting(events: Vec<Logged>) -> App {
    with_ui(live_app(events), |live| live.ui.projection = true)
}

fn speaking() -> Vec<Logged> {
    vec![
        at(0, Event::StageChanged { to: 1 }),
        at(MIN, Event::FloorGiven { who: "Zoë".into() }),
        at(MIN, Event::HandRaised { who: "王芳".into(), kind: HandKind::Normal }),
        at(MIN, Event::HandRaised { who: "Sunny 🌞".into(), kind: HandKind::Reply }),
        at(MIN, Event::HandRaised { who: "Amina".into(), kind: HandKind::Normal }),
    ]
}

#[test]
fn the_projection_view_at_several_sizes() {
    let app = projecting(speaking());
    let theme = Theme::default_for(false);
    for size in [(80, 24), (200, 60), (120, 40), (40, 12)] {
        insta::assert_snapshot!(
            format!("projection_{}x{}", size.0, size.1),
            text(&draw(&app, MIN + 45_000, size, &theme))
        );
    }
}

#[test]
fn the_projection_view_shows_only_what_the_room_needs() {
    let app = projecting(speaking());
    let screen = text(&draw(&app, MIN + 45_000, (120, 40), &Theme::default_for(false)));
    assert!(screen.contains("Stage 2 of 5 · What matters to you?"), "{screen}");
    assert!(screen.contains("▶ SPEAKING Zoë · 0:45 of 1:30"), "{screen}");
    assert!(screen.contains("Next: Sunny 🌞 · 王芳"), "{screen}");
    assert!(
        !screen.contains("Agenda") && !screen.contains("Voice balance") && !screen.contains("help"),
        "{screen}"
    );
}

/// Every state the room must tell apart, drawn in mono: no colour at all.
fn states() -> Vec<(&'static str, App, Ms)> {
    let started = vec![at(0, Event::TimerStarted)];
    vec![
        ("ready", live_app(vec![]), 0),
        ("running", live_app(started.clone()), MIN),
        ("ending soon", live_app(started.clone()), 9 * MIN),
        (
            "paused",
            live_app(vec![at(0, Event::TimerStarted), at(MIN, Event::TimerPaused)]),
            2 * MIN,
        ),
        ("over", live_app(started.clone()), 11 * MIN),
        (
            "ended",
            live_app(vec![at(0, Event::StageChanged { to: 4 }), at(MIN, Event::WorkshopEnded)]),
            2 * MIN,
        ),
        ("speaking", live_app(speaking()), MIN + 10_000),
        ("nearly time", live_app(speaking()), MIN + 80_000),
        ("time", live_app(speaking()), MIN + 100_000),
        (
            "hidden",
            live_app(vec![
                at(0, Event::StageChanged { to: 2 }),
                at(0, Event::BlindStarted),
                at(
                    0,
                    Event::IdeaCaptured { text: "secret".into(), author: None, components: vec![] },
                ),
            ]),
            MIN,
        ),
    ]
}

#[test]
fn never_colour_alone_every_state_differs_in_words_in_mono() {
    let mono = Theme::built_in("mono").unwrap();
    let screens: Vec<(&str, String)> = states()
        .into_iter()
        .map(|(name, app, now)| {
            let buffer = draw(&app, now, (120, 40), &mono);
            assert!(
                buffer.content.iter().all(|c| c.fg == Color::Reset && c.bg == Color::Reset),
                "{name}: mono uses no colour"
            );
            (name, text(&buffer))
        })
        .collect();
    let words = [
        ("ready", "■ READY"),
        ("running", "▶ RUNNING"),
        ("ending soon", "▲ ENDING SOON"),
        ("paused", "❚❚ PAUSED"),
        ("over", "● OVER +01:00"),
        ("ended", "✓ ENDED"),
        ("speaking", "▶ SPEAKING Zoë"),
        ("nearly time", "▲ NEARLY TIME Zoë"),
        ("time", "■ TIME Zoë"),
        ("hidden", "◌ BLIND CAPTURE · 1 idea hidden"),
    ];
    for (name, word) in words {
        let (_, screen) = screens.iter().find(|(n, _)| *n == name).unwrap();
        assert!(screen.contains(word), "{name} should say {word:?}:\n{screen}");
        for (other, other_word) in words.iter().filter(|(n, _)| *n != name) {
            if !["speaking", "nearly time", "time"].contains(other)
                || !["speaking", "nearly time", "time"].contains(&name)
            {
                continue;
            }
            assert!(!screen.contains(other_word), "{name} must not read as {other}");
        }
    }
    for (i, (a, sa)) in screens.iter().enumerate() {
        for (b, sb) in &screens[i + 1..] {
            assert_ne!(sa, sb, "{a} and {b} look the same without colour");
        }
    }
}

#[test]
fn mono_marks_highlights_with_reverse_bold_and_underline() {
    let mono = Theme::built_in("mono").unwrap();
    let app = with_ui(live_app(speaking()), |live| live.ui.selected = 1);
    let buffer = draw(&app, MIN + 100_000, (120, 40), &mono);
    let styled =
        |m: ratatui::style::Modifier| buffer.content.iter().any(|c| c.modifier.contains(m));
    assert!(
        styled(ratatui::style::Modifier::REVERSED),
        "the selection and the status line are reversed"
    );
    assert!(styled(ratatui::style::Modifier::BOLD));
}

#[test]
fn every_screen_survives_every_size_down_to_one_cell() {
    let theme = Theme::default_for(false);
    let home = App {
        mode: Mode::Home(Home::new(&common::plan(), vec![], vec![])),
        keymap: Keymap::defaults(),
    };
    let mut apps = vec![home, projecting(speaking())];
    for view in [View::Main, View::Board, View::Actions, View::Reflection] {
        apps.push(with_ui(live_app(speaking()), |live| live.ui.view = view));
    }
    apps.push(with_ui(live_app(speaking()), |live| live.ui.help.show()));
    apps.push(with_ui(live_app(speaking()), |live| live.ui.overlay = Some(Overlay::ConfirmEnd)));
    apps.push(with_ui(live_app(speaking()), |live| {
        live.ui.popup = Some(Popup::Picker(Picker::new(Purpose::Hand(HandKind::Normal))))
    }));
    apps.push(with_ui(live_app(speaking()), |live| {
        live.ui.popup = Some(Popup::Ladder(roundtable::app::ladder::LadderForm { choice: 2 }))
    }));
    for app in &apps {
        for w in [1, 2, 3, 7, 20, 39, 40, 41, 55, 80] {
            for h in [1, 2, 3, 5, 9, 10, 11, 16, 24] {
                let screen = text(&draw(app, MIN + 30_000, (w, h), &theme));
                if (w < 40 || h < 10) && w >= 6 && h >= 4 {
                    assert!(screen.contains("larger"), "{w}×{h}:\n{screen}");
                }
            }
        }
    }
}

#[test]
fn themes_cycle_through_every_built_in_one() {
    let mut name = "dark".to_string();
    let mut seen = vec![name.clone()];
    for _ in 0..5 {
        name = Theme::after(&name).name;
        seen.push(name.clone());
    }
    assert_eq!(seen, ["dark", "light", "high-contrast", "colour-blind", "mono", "dark"]);
}
