//! Reflections on the components of co-production.

mod common;

use std::path::Path;
use std::sync::Arc;

use common::{MIN, at, fold};
use roundtable::model::reflection::{Answer, Question, Rung};
use roundtable::model::{Event, State};
use roundtable::store::plan_file::parse_plan;

fn score(component: &str, score: u8) -> Event {
    Event::Scored { component: component.into(), score: Some(score) }
}

fn tally(component: &str, level: u8, change: i8) -> Event {
    Event::Tallied { component: component.into(), level, change }
}

#[test]
fn a_checkpoint_holds_scores_notes_and_tallies_for_the_ten_components() {
    let state = fold(&[
        at(0, Event::CheckpointStarted { label: "beginning".into() }),
        at(MIN, score("Equal", 2)),
        at(MIN, score("action-focused", 4)),
        at(
            MIN,
            Event::ReflectionNoted {
                component: "Equal".into(),
                note: "Les résidents parlent moins".into(),
            },
        ),
        at(2 * MIN, tally("Equal", 1, 1)),
        at(2 * MIN, tally("Equal", 3, 1)),
        at(2 * MIN, tally("Equal", 3, 1)),
        at(2 * MIN, tally("Equal", 3, -1)),
    ]);
    assert_eq!(state.components.len(), 10);
    let checkpoint = state.reflections.current().unwrap();
    assert_eq!(checkpoint.label, "beginning");
    let equal = &checkpoint.marks[0];
    assert_eq!(equal.score, Some(2));
    assert_eq!(equal.note.as_deref(), Some("Les résidents parlent moins"));
    assert_eq!(equal.tally, [0, 1, 0, 1, 0]);
    assert_eq!(equal.median(), Some(2.0));
    assert_eq!(
        checkpoint.marks[7].score,
        Some(4),
        "Action-focused, matched without regard to case"
    );
    assert_eq!(state.said, "Equal: 1 at \"mostly\".");
}

#[test]
fn a_session_can_hold_several_checkpoints() {
    let state = fold(&[
        at(0, Event::CheckpointStarted { label: "beginning".into() }),
        at(MIN, score("Open", 1)),
        at(40 * MIN, Event::CheckpointStarted { label: "après la pause".into() }),
        at(41 * MIN, score("Open", 3)),
    ]);
    let checkpoints = &state.reflections.checkpoints;
    assert_eq!(checkpoints.len(), 2);
    assert_eq!((checkpoints[0].marks[2].score, checkpoints[1].marks[2].score), (Some(1), Some(3)));
    assert_eq!(checkpoints[1].at, 40 * MIN);
}

#[test]
fn the_direction_questions_and_the_ladder_are_recorded() {
    let state = fold(&[
        at(0, Event::CheckpointStarted { label: "end".into() }),
        at(
            MIN,
            Event::DirectionAnswered {
                question: Question::Uncomfortable,
                answer: Answer::Yes,
                note: Some("a bit".into()),
            },
        ),
        at(
            MIN,
            Event::DirectionAnswered {
                question: Question::SharingPower,
                answer: Answer::Partly,
                note: None,
            },
        ),
        at(MIN, Event::LadderPlaced { rung: Rung::CoDesign }),
    ]);
    let checkpoint = state.reflections.current().unwrap();
    assert_eq!(checkpoint.answers[0], Some((Answer::Yes, Some("a bit".into()))));
    assert_eq!(checkpoint.answers[1], Some((Answer::Partly, None)));
    assert_eq!(checkpoint.ladder, Some(Rung::CoDesign));
    assert_eq!(state.said, "On the ladder of co-production: co-design.");
}

#[test]
fn refusals() {
    let none = fold(&[]);
    assert_eq!(
        none.check(&at(0, score("Equal", 2))).unwrap_err().to_string(),
        "Start a checkpoint first."
    );
    let state = fold(&[at(0, Event::CheckpointStarted { label: "b".into() })]);
    let refuse = |e: Event| state.check(&at(MIN, e)).unwrap_err().to_string();
    assert!(
        refuse(score("Equl", 2))
            .starts_with("There is no component Equl in this plan; it has Equal, Inclusive")
    );
    assert_eq!(refuse(score("Equal", 5)), "A score from 0 to 4, not 5.");
    assert_eq!(refuse(tally("Equal", 2, -1)), "No one is counted at \"partly\" to take away.");
    assert!(
        refuse(Event::CheckpointStarted { label: " ".into() })
            .starts_with("A checkpoint needs a label")
    );
}

#[test]
fn a_groups_own_list_replaces_the_ten() {
    let plan = parse_plan(
        Path::new("own.ron"),
        r#"Plan(title: "Ours", components: Some([
            (name: "Listened to", prompt: "Did you feel heard?"),
            (name: "Cared for", prompt: "Did you feel looked after?"),
        ]), stages: [(title: "A", duration: "10m", focus: ["listened to"])])"#,
    )
    .unwrap();
    let state = State::fold(
        Arc::new(plan),
        &[at(0, Event::CheckpointStarted { label: "end".into() }), at(0, score("Cared for", 4))],
    );
    assert_eq!(state.components.len(), 2);
    assert_eq!(state.reflections.current().unwrap().marks[1].score, Some(4));
    assert!(
        state.check(&at(0, score("Equal", 1))).is_err(),
        "the ten are not there when a group has its own"
    );
}

#[test]
fn blind_capture_hides_the_tally_in_words_too() {
    let state = fold(&[
        at(0, Event::CheckpointStarted { label: "b".into() }),
        at(0, Event::BlindStarted),
        at(0, tally("Equal", 4, 1)),
    ]);
    assert_eq!(state.said, "Equal: one more in the tally; counts hidden until the reveal.");
}
