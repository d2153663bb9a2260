//! The door on screen, on ratatui's TestBackend at 80×24, 120×35 and 200×60:
//! the console's door screen with its tray, and the room view with the door
//! open. The address is always said in words; the code is drawn where it fits.

mod common;

use std::sync::Arc;

use common::{MIN, at, session, text};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use roundtable::app::live::{Live, View};
use roundtable::app::room::RoomView;
use roundtable::app::{App, Mode};
use roundtable::input::keymap::Keymap;
use roundtable::model::Source;
use roundtable::model::queue::HandKind;
use roundtable::model::{Event, Logged, Ms, State};
use roundtable::ui::theme::Theme;
use roundtable::ui::{self, Context};

const SIZES: [(u16, u16); 3] = [(80, 24), (120, 35), (200, 60)];
const ADDRESS: &str = "http://192.168.1.20:4312/r/7KQ2M";

fn phone(ms: Ms, device: Option<u32>, event: Event) -> Logged {
    Logged { at: ms, event, from: Some(Source::Door { device }) }
}

/// The door open, two phones joined (Zoë's and an anonymous one), an idea
/// and a walk-in waiting in the tray, and Zoë's hand up from her phone.
fn events() -> Vec<Logged> {
    vec![
        at(0, Event::DoorOpened { address: ADDRESS.into() }),
        at(0, Event::TimerStarted),
        at(MIN, Event::StageChanged { to: 1 }),
        phone(MIN + 1_000, Some(1), Event::Joined { who: Some("Zoë".into()) }),
        phone(MIN + 2_000, Some(2), Event::Joined { who: None }),
        phone(
            MIN + 3_000,
            None,
            Event::IdeaOffered {
                text: "A bench by the door 🌱".into(),
                author: None,
                components: vec!["Equal".into()],
            },
        ),
        phone(
            MIN + 4_000,
            Some(2),
            Event::WalkInAsked { name: "Kwame".into(), role: "resident".into() },
        ),
        phone(MIN + 5_000, Some(1), Event::HandRaised { who: "Zoë".into(), kind: HandKind::Reply }),
    ]
}

fn draw(app: &App, now: Ms, (w, h): (u16, u16)) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    let theme = Theme::default_for(false);
    let cx = Context { now, theme: &theme, saving: None };
    terminal.draw(|frame| ui::render(frame, app, &cx)).unwrap();
    text(terminal.backend().buffer())
}

fn draw_room(view: &RoomView, now: Ms, (w, h): (u16, u16)) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    let theme = Theme::default_for(false);
    let cx = Context { now, theme: &theme, saving: None };
    terminal.draw(|frame| ui::room_view(frame, view, &Keymap::defaults(), &cx)).unwrap();
    text(terminal.backend().buffer())
}

#[test]
fn the_door_screen_shows_the_code_the_address_and_the_tray() {
    let mut live = Live::new(session(events()));
    live.ui.view = View::Door;
    let app = App { mode: Mode::Live(Box::new(live)), keymap: Keymap::defaults() };
    for size in SIZES {
        let screen = draw(&app, MIN + 6_000, size);
        insta::assert_snapshot!(format!("door_screen_{}x{}", size.0, size.1), screen);
        assert!(screen.contains(ADDRESS), "{size:?}:\n{screen}");
        assert!(screen.contains("The tray: 2 waiting"), "{size:?}:\n{screen}");
        assert!(screen.contains("idea from a phone (anonymous)"), "{screen}");
        assert!(screen.contains("walk-in from phone 2: Kwame"), "{screen}");
        assert!(screen.contains("2 phones joined"), "{screen}");
        assert!(screen.contains("door open · 2 in tray"), "the title bar says so:\n{screen}");
        // The code, drawn whole in half blocks, where there is room beside the tray.
        assert!(screen.contains("█▀▀▀▀▀█"), "{size:?}:\n{screen}");
    }
}

#[test]
fn the_room_view_shows_the_address_always_and_the_code_where_it_fits() {
    let state = State::fold(Arc::new(common::plan()), &events());
    let view = RoomView::new(state, common::started(), false);
    for size in SIZES {
        let screen = draw_room(&view, MIN + 6_000, size);
        insta::assert_snapshot!(format!("door_room_{}x{}", size.0, size.1), screen);
        assert!(screen.contains(&format!("Phones: {ADDRESS}")), "{size:?}:\n{screen}");
        // What the room sees of a phone's hand: who, and that it came from a phone.
        assert!(screen.contains("Zoë"), "{screen}");
        // The tray is the facilitator's: nothing of it reaches the wall.
        assert!(!screen.contains("Kwame") && !screen.contains("A bench"), "{screen}");
        for private in ["extra time to speak", "needs:", "◇"] {
            assert!(!screen.contains(private), "{private:?} at {size:?}:\n{screen}");
        }
        let drawn = screen.contains("█▀▀▀▀▀█");
        assert_eq!(drawn, size != (80, 24), "the code at {size:?}:\n{screen}");
    }
}
