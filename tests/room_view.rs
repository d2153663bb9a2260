//! The room's view (`roundtable show`) on ratatui's TestBackend at 80×24,
//! 120×35 and 200×60: a stage with a prompt and steps under a message, blind
//! capture, a break, the console away. Never needs, never a key to press.

mod common;

use std::path::Path;
use std::sync::Arc;

use common::{MIN, at, text};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use roundtable::app::room::RoomView;
use roundtable::input::keymap::Keymap;
use roundtable::model::queue::HandKind;
use roundtable::model::{Event, Logged, Ms, Plan, State};
use roundtable::store::plan_file::load_plan;
use roundtable::ui::theme::Theme;
use roundtable::ui::{self, Context};

const SIZES: [(u16, u16); 3] = [(80, 24), (120, 35), (200, 60)];

fn draw(view: &RoomView, now: Ms, (w, h): (u16, u16)) -> String {
    let mut terminal = Terminal::new(TestBackend::new(w, h)).unwrap();
    let theme = Theme::default_for(false);
    let cx = Context { now, theme: &theme, saving: None };
    terminal.draw(|frame| ui::room_view(frame, view, &Keymap::defaults(), &cx)).unwrap();
    text(terminal.backend().buffer())
}

fn view(plan: Plan, events: &[Logged], away: bool) -> RoomView {
    RoomView::new(State::fold(Arc::new(plan), events), common::started(), away)
}

fn steps_plan() -> Plan {
    load_plan(Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/steps.ron"))).unwrap()
}

/// Draws at every size, snapshots each, and returns them.
fn snapshots(name: &str, view: &RoomView, now: Ms) -> Vec<String> {
    SIZES
        .iter()
        .map(|&(w, h)| {
            let screen = draw(view, now, (w, h));
            insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen);
            for private in ["extra time to speak", "needs:", "◇", "starts the timer"] {
                assert!(!screen.contains(private), "{private:?} at {w}×{h}:\n{screen}");
            }
            screen
        })
        .collect()
}

#[test]
fn steps_a_prompt_and_a_message_to_the_room() {
    let events = [
        at(0, Event::TimerStarted),
        at(MIN, Event::StageChanged { to: 1 }),
        at(2 * MIN, Event::MessageShown { text: "Tea is in the hall, back at 14:30".into() }),
    ];
    let room = view(steps_plan(), &events, false);
    // A minute and a half into the 1-2-4-All: the second step, in pairs.
    let screens = snapshots("room_steps_message", &room, MIN + 90_000);
    for screen in &screens {
        assert!(screen.contains("in pairs"), "the step under way:\n{screen}");
        assert!(screen.contains("To the room"), "the message:\n{screen}");
        assert!(screen.contains("1-2-4-All"), "{screen}");
    }
    assert!(screens[1].contains("What one change would make"), "the prompt:\n{}", screens[1]);
}

#[test]
fn blind_capture_hides_the_ideas_and_needs_stay_off_the_wall() {
    let idea = |text: &str| Event::IdeaCaptured {
        text: text.into(),
        author: Some("Zoë".into()),
        components: vec![],
    };
    let events = [
        at(0, Event::StageChanged { to: 2 }),
        at(0, Event::TimerStarted),
        at(
            MIN,
            Event::IdeaCaptured {
                text: "Open on Saturdays".into(),
                author: None,
                components: vec![],
            },
        ),
        at(2 * MIN, Event::BlindStarted),
        at(3 * MIN, idea("A quiet room for carers")),
        at(4 * MIN, Event::HandRaised { who: "Zoë".into(), kind: HandKind::Normal }),
        at(4 * MIN, Event::FloorGiven { who: "Amina".into() }),
    ];
    let room = view(common::plan(), &events, false);
    for screen in snapshots("room_blind", &room, 5 * MIN) {
        assert!(!screen.contains("A quiet room for carers"), "hidden until revealed:\n{screen}");
        assert!(screen.contains("Amina"), "who speaks:\n{screen}");
        assert!(screen.contains("Zoë"), "who is next:\n{screen}");
    }
    let screen = draw(&room, 5 * MIN, (200, 60));
    assert!(screen.contains("Open on Saturdays"), "ideas from before the blind stay:\n{screen}");
}

#[test]
fn a_break_says_when_to_be_back() {
    let events = [at(0, Event::StageChanged { to: 3 }), at(0, Event::TimerStarted)];
    let room = view(common::plan(), &events, false);
    // The session began at 19:00; a ten-minute break started then, two minutes gone.
    for screen in snapshots("room_break", &room, 2 * MIN) {
        assert!(screen.contains("BACK AT 19:10"), "{screen}");
    }
}

#[test]
fn the_room_is_told_when_the_console_has_gone() {
    let events = [at(0, Event::TimerStarted), at(MIN, Event::TimerPaused)];
    let room = view(common::plan(), &events, true);
    let screen = draw(&room, MIN, (120, 35));
    assert!(screen.contains("Paused by the facilitator"), "{screen}");
    assert!(screen.contains("PAUSED BY THE FACILITATOR"), "{screen}");
}

#[test]
fn the_room_view_answers_few_keys_and_says_what_it_could_not_follow() {
    use roundtable::app::Effect;
    use roundtable::input::action::Action;
    let mut room = view(common::plan(), &[], false);
    assert_eq!(room.handle(Action::Quit), Some(Effect::Quit));
    assert_eq!(room.handle(Action::NextTheme), Some(Effect::NextTheme));
    assert_eq!(room.handle(Action::GiveFloor), None, "nothing is done to the room from here");
    room.handle(Action::Help);
    assert!(room.help.open);
    assert!(draw(&room, 0, (120, 35)).contains("close this view"));
    room.handle(Action::Down);
    room.handle(Action::Quit);
    assert!(!room.help.open, "a key closes the help; it does not quit");
    // An event that does not apply where it stands is said, and the next one clears it.
    room.record(&[at(0, Event::TimerPaused)]);
    let said = roundtable::ui::room::said(&room);
    assert!(said.contains("could not follow") && said.contains("not running"), "{said}");
    room.record(&[at(0, Event::TimerStarted)]);
    assert!(
        roundtable::ui::room::said(&room).contains("started"),
        "{}",
        roundtable::ui::room::said(&room)
    );
}

#[test]
fn a_change_of_step_is_said_once_on_the_room_views_status_line() {
    let events = [at(0, Event::StageChanged { to: 1 }), at(0, Event::TimerStarted)];
    let mut room = view(steps_plan(), &events, false);
    room.see_step(30_000);
    assert_eq!(room.notice, None, "nothing has changed yet");
    room.see_step(61_000);
    let said = roundtable::ui::room::said(&room);
    assert!(said.starts_with("Now: in pairs, 1:59 (step 2 of 4)"), "{said}");
    assert!(draw(&room, 61_000, (120, 35)).contains("Now: in pairs"));
}

#[test]
fn needs_a_plan_shares_are_said_on_the_console_but_not_on_the_wall() {
    let mut plan = common::plan();
    let zoe = plan.participants.iter_mut().find(|p| p.name == "Zoë").unwrap();
    zoe.share_needs = true;
    let events =
        [at(0, Event::StageChanged { to: 1 }), at(0, Event::FloorGiven { who: "Zoë".into() })];
    let room = view(plan, &events, false);
    assert!(room.state.said.contains("Needs: extra time to speak."), "{}", room.state.said);
    let said = roundtable::ui::room::said(&room);
    assert!(said.starts_with("Zoë has the floor") && !said.contains("extra time"), "{said}");
    for size in SIZES {
        assert!(!draw(&room, MIN, size).contains("extra time to speak"));
    }
}
