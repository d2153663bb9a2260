//! The door in the model: what a phone may send and what it may not, the
//! tray, the votes a person has, and an undo that never takes back a phone's.

mod common;

use std::sync::Arc;

use common::{at, plan};
use roundtable::door::ask::{Ask, events};
use roundtable::model::door::Fate;
use roundtable::model::plan::DoorIdeas;
use roundtable::model::queue::HandKind;
use roundtable::model::reflection::{Answer, Question};
use roundtable::model::{Event, Logged, Ms, Plan, Refusal, Source, State};

fn phone(ms: Ms, device: Option<u32>, event: Event) -> Logged {
    Logged { at: ms, event, from: Some(Source::Door { device }) }
}

fn open(plan: Plan) -> State {
    let mut state = State::new(Arc::new(plan));
    state
        .apply(&at(0, Event::DoorOpened { address: "http://127.0.0.1:9/r/AAAAA".into() }))
        .unwrap();
    state
}

/// Applies what a phone asks, as the console does, or says why not.
fn ask(state: &mut State, device: Option<u32>, asked: Ask) -> Result<(), Refusal> {
    let at = state.at + 1_000;
    for logged in events(state, device, &asked, at) {
        state.apply(&logged)?;
    }
    Ok(())
}

#[test]
fn phones_join_in_turn_and_speak_only_for_who_they_joined_as() {
    let mut state = open(plan());
    ask(&mut state, None, Ask::Join { who: Some("Zoë".into()) }).unwrap();
    ask(&mut state, None, Ask::Join { who: None }).unwrap();
    assert_eq!(state.door.devices.len(), 2);
    assert_eq!(state.door.person(1), state.room.find("Zoë"));
    assert_eq!(state.door.person(2), None);
    ask(&mut state, Some(1), Ask::Hand { kind: HandKind::Reply }).unwrap();
    assert!(state.room.hands.iter().any(|h| h.from_door), "marked as from the door");
    assert_eq!(state.said, "From a phone: Zoë wants to reply directly: first in the queue.");
    // An anonymous phone has no one to raise a hand for; an unknown device is no one.
    assert_eq!(
        ask(&mut state, Some(2), Ask::Hand { kind: HandKind::Normal }),
        Err(Refusal::NotYours)
    );
    assert_eq!(
        ask(&mut state, Some(9), Ask::Hand { kind: HandKind::Normal }),
        Err(Refusal::NoDevice { device: 9 })
    );
    // A phone cannot name someone else as an idea's author.
    let other = phone(
        state.at,
        Some(2),
        Event::IdeaOffered { text: "x".into(), author: Some("Amina".into()), components: vec![] },
    );
    assert_eq!(state.check(&other), Err(Refusal::NotYours));
}

#[test]
fn the_keyboard_cannot_pretend_to_be_a_phone_nor_a_phone_act_behind_a_closed_door() {
    let mut state = open(plan());
    let typed = at(1, Event::Joined { who: None });
    assert_eq!(state.check(&typed), Err(Refusal::NotFromDoor));
    state.apply(&at(2, Event::DoorClosed)).unwrap();
    assert_eq!(ask(&mut state, None, Ask::Join { who: None }), Err(Refusal::DoorClosed));
    // A phone cannot end the workshop or move the agenda.
    let mut state = open(plan());
    ask(&mut state, None, Ask::Join { who: None }).unwrap();
    let moved = phone(5_000, Some(1), Event::StageChanged { to: 1 });
    assert_eq!(state.check(&moved), Err(Refusal::NotFromDoor));
}

#[test]
fn the_tray_holds_ideas_and_walk_ins_until_the_facilitator_decides() {
    let mut state = open(plan());
    ask(&mut state, None, Ask::Join { who: None }).unwrap();
    let idea = Ask::Idea {
        text: "  A bench by the door ".into(),
        named: true,
        components: vec!["Equal".into()],
    };
    ask(&mut state, Some(1), idea).unwrap();
    ask(&mut state, Some(1), Ask::WalkIn { name: "Kwame".into(), role: "resident".into() })
        .unwrap();
    assert_eq!(state.ideas.list.len(), 0, "nothing on the board before it is accepted");
    assert_eq!(state.door.waiting().count(), 2);
    state.apply(&at(state.at, Event::OfferAccepted { offer: 0 })).unwrap();
    assert_eq!(state.ideas.list[0].text, "A bench by the door");
    assert_eq!(state.ideas.list[0].author, None, "an anonymous phone's idea has no author");
    state.apply(&at(state.at, Event::OfferAccepted { offer: 1 })).unwrap();
    let kwame = state.room.find("Kwame").expect("the walk-in is in the room");
    assert_eq!(state.door.person(1), Some(kwame), "and the phone is theirs now");
    assert_eq!(
        state.check(&at(state.at, Event::OfferSetAside { offer: 0 })),
        Err(Refusal::OfferTaken { offer: 0 })
    );
    // Undo takes back the facilitator's acceptance, never what the phone sent.
    state.apply(&at(state.at, Event::Undo)).unwrap();
    assert!(state.room.find("Kwame").is_none());
    state.apply(&at(state.at, Event::Undo)).unwrap();
    assert_eq!(state.ideas.list.len(), 0);
    assert_eq!(state.door.tray[0].fate, Fate::Waiting);
    assert_eq!(state.check(&at(state.at, Event::Undo)), Err(Refusal::NothingToUndo));
    assert_eq!(state.door.devices.len(), 1);
}

#[test]
fn with_door_auto_ideas_go_straight_to_the_board_under_the_phones_name() {
    let mut plan = plan();
    plan.door = DoorIdeas::Auto;
    let mut state = open(plan);
    ask(&mut state, None, Ask::Join { who: Some("Łukasz".into()) }).unwrap();
    let idea = Ask::Idea { text: "Evening hours".into(), named: true, components: vec![] };
    ask(&mut state, Some(1), idea).unwrap();
    assert_eq!(state.ideas.list.len(), 1);
    assert_eq!(state.ideas.list[0].author, state.room.find("Łukasz"));
    assert_eq!(state.door.came.ideas, 1);
    // Typed ideas' rules hold: too long is refused, whole.
    let long = Ask::Idea { text: "x".repeat(501), named: false, components: vec![] };
    assert_eq!(ask(&mut state, Some(1), long), Err(Refusal::LongIdea { chars: 501 }));
}

#[test]
fn a_person_has_the_plans_votes_per_stage_whatever_phone_they_use() {
    let mut plan = plan();
    plan.votes = Some(2);
    plan.door = DoorIdeas::Auto;
    let mut state = open(plan);
    for who in [Some("Zoë"), Some("Zoë"), None] {
        ask(&mut state, None, Ask::Join { who: who.map(str::to_string) }).unwrap();
    }
    ask(&mut state, Some(1), Ask::Idea { text: "One".into(), named: false, components: vec![] })
        .unwrap();
    ask(&mut state, Some(1), Ask::Vote { idea: 0 }).unwrap();
    ask(&mut state, Some(2), Ask::Vote { idea: 0 }).unwrap();
    // Zoë's two phones share her two votes.
    assert_eq!(
        ask(&mut state, Some(1), Ask::Vote { idea: 0 }),
        Err(Refusal::NoVotesLeft { votes: 2 })
    );
    // The anonymous phone has its own.
    ask(&mut state, Some(3), Ask::Vote { idea: 0 }).unwrap();
    assert_eq!(state.ideas.list[0].votes, 3);
    // A new stage, new votes.
    state.apply(&at(state.at, Event::StageChanged { to: 1 })).unwrap();
    ask(&mut state, Some(1), Ask::Vote { idea: 0 }).unwrap();
    assert_eq!(state.door.came.votes, 4);
}

#[test]
fn a_reflection_from_a_phone_fills_the_tally_anonymously_and_sending_again_changes_it() {
    let mut state = open(plan());
    ask(&mut state, None, Ask::Join { who: Some("Zoë".into()) }).unwrap();
    let reflect = |levels: Vec<(String, u8)>, before: Vec<(String, u8)>| Ask::Reflect {
        levels,
        before,
        answers: vec![(Question::SharingPower, Answer::Partly)],
        note: Some("Better than last time".into()),
    };
    let first = reflect(vec![("Equal".into(), 3)], vec![]);
    assert_eq!(ask(&mut state, Some(1), first.clone()), Err(Refusal::NoCheckpoint));
    state.apply(&at(state.at, Event::CheckpointStarted { label: "end".into() })).unwrap();
    let logged = events(&state, Some(1), &first, state.at);
    assert!(logged.iter().all(|l| l.from == Some(Source::Door { device: None })), "{logged:?}");
    ask(&mut state, Some(1), first).unwrap();
    ask(&mut state, Some(1), reflect(vec![("Equal".into(), 1)], vec![("Equal".into(), 3)]))
        .unwrap();
    let checkpoint = state.reflections.current().unwrap();
    assert_eq!(checkpoint.marks[0].tally, [0, 1, 0, 0, 0]);
    assert_eq!(checkpoint.felt[1][1], 2, "two answers of partly to the power question");
    assert_eq!(checkpoint.feelings, vec!["Better than last time"; 2]);
    assert_eq!(state.door.came.scores, 1);
    assert_eq!(state.door.came.reflections, 2);
}

#[test]
fn door_events_survive_the_session_file_and_the_journal() {
    let log = vec![
        at(0, Event::DoorOpened { address: "http://127.0.0.1:9/r/AAAAA".into() }),
        phone(1, Some(1), Event::Joined { who: Some("Zoë".into()) }),
        phone(2, Some(1), Event::HandRaised { who: "Zoë".into(), kind: HandKind::Normal }),
        at(3, Event::CheckpointStarted { label: "end".into() }),
        phone(4, None, Event::Felt { answers: vec![], note: Some("ok".into()) }),
    ];
    let text = roundtable::store::session_file::to_text(&common::session(log.clone())).unwrap();
    assert!(text.contains("from: Some(Door(device: Some(1)))"), "{text}");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("s.ron");
    std::fs::write(&file, &text).unwrap();
    let back = roundtable::store::session_file::load_session_text(
        &file,
        text,
        roundtable::store::session_file::Purpose::Read,
    );
    let back = back.unwrap_or_else(|e| panic!("{}", e.headline()));
    assert_eq!(back.session.events, log);
    // And line by line, as the journal keeps them while the workshop runs.
    let journal = dir.path().join("j.journal");
    let mut j = roundtable::store::journal::Journal::open(&journal).unwrap();
    j.append(0, &log).unwrap();
    let read = roundtable::store::journal::read(&journal, &[]).unwrap().unwrap();
    assert_eq!(read.events, log);
}

#[test]
fn an_undo_that_would_lose_what_a_phone_sent_is_refused() {
    let mut state = open(plan());
    state
        .apply(&at(1, Event::ParticipantAdded { name: "Kwame".into(), role: "resident".into() }))
        .unwrap();
    ask(&mut state, None, Ask::Join { who: Some("Kwame".into()) }).unwrap();
    // Without Kwame, the phone that joined as him would be no one.
    let undo = at(state.at, Event::Undo);
    assert_eq!(state.check(&undo), Err(Refusal::PhonesDependOnIt));
    // An idea the facilitator typed, voted for from a phone: the vote would be lost.
    state
        .apply(&at(
            state.at,
            Event::IdeaCaptured { text: "Ramp".into(), author: None, components: vec![] },
        ))
        .unwrap();
    ask(&mut state, Some(1), Ask::Vote { idea: 0 }).unwrap();
    assert_eq!(state.check(&at(state.at, Event::Undo)), Err(Refusal::PhonesDependOnIt));
    // What no phone depends on is undone as ever.
    state.apply(&at(state.at, Event::TimerStarted)).unwrap();
    state.apply(&at(state.at, Event::Undo)).unwrap();
    assert!(!state.running());
    assert_eq!(state.ideas.list[0].votes, 1);
}
