//! The turn-taking queue: hands, turns, airtime by person and by role.

mod common;

use std::sync::Arc;

use common::{MIN, at, fold, plan};
use proptest::prelude::*;
use roundtable::model::plan::Policy;
use roundtable::model::queue::HandKind;
use roundtable::model::{Event, Logged, State};

fn hand(who: &str) -> Event {
    Event::HandRaised { who: who.into(), kind: HandKind::Normal }
}

fn floor(who: &str) -> Event {
    Event::FloorGiven { who: who.into() }
}

fn names(state: &State, now: u64) -> Vec<String> {
    state.room.queue(now).iter().map(|w| state.room.people[w.who].name.clone()).collect()
}

/// The fixture starts with a Round stage; most tests want a discussion.
fn discussion(mut events: Vec<Logged>) -> Vec<Logged> {
    events.insert(0, at(0, Event::StageChanged { to: 1 }));
    events
}

#[test]
fn equal_gives_the_floor_to_the_least_heard_and_says_why() {
    let state = fold(&discussion(vec![
        at(0, floor("Amina")),
        at(3 * MIN, floor("Zoë")),
        at(4 * MIN, Event::TurnEnded),
        at(5 * MIN, hand("Amina")),
        at(5 * MIN + 10_000, hand("Zoë")),
        at(5 * MIN + 20_000, hand("Łukasz")),
    ]));
    assert_eq!(state.room.policy, Policy::Equal);
    let now = 6 * MIN;
    assert_eq!(names(&state, now), ["Łukasz", "Zoë", "Amina"]);
    let why: Vec<String> = state.room.queue(now).into_iter().map(|w| w.why).collect();
    assert_eq!(
        why,
        [
            "has not spoken yet · waiting 0:40",
            "spoke 1:00 so far · waiting 0:50",
            "spoke 3:00 so far · waiting 1:00"
        ]
    );
}

#[test]
fn ties_go_to_whoever_has_waited_longest() {
    let state = fold(&discussion(vec![
        at(MIN, hand("王芳")),
        at(2 * MIN, hand("Amina")),
        at(3 * MIN, hand("Sunny 🌞")),
    ]));
    assert_eq!(names(&state, 4 * MIN), ["王芳", "Amina", "Sunny 🌞"]);
}

#[test]
fn fifo_keeps_the_order_hands_went_up() {
    let state = fold(&discussion(vec![
        at(0, floor("Zoë")),
        at(MIN, Event::TurnEnded),
        at(2 * MIN, Event::PolicySet { policy: Policy::Fifo }),
        at(2 * MIN, hand("Zoë")),
        at(3 * MIN, hand("Amina")),
    ]));
    assert_eq!(names(&state, 4 * MIN), ["Zoë", "Amina"]);
    assert_eq!(state.room.queue(4 * MIN)[1].why, "hand up 2nd · waiting 1:00");
    assert_eq!(state.said, "Amina raised a hand: second in the queue.");
}

#[test]
fn a_point_of_process_goes_first_and_a_direct_reply_next() {
    let state = fold(&discussion(vec![
        at(0, floor("Zoë")),
        at(MIN, hand("Amina")),
        at(MIN, Event::HandRaised { who: "Łukasz".into(), kind: HandKind::Reply }),
        at(MIN, Event::HandRaised { who: "Dr Lee".into(), kind: HandKind::Process }),
    ]));
    let queue = state.room.queue(2 * MIN);
    assert_eq!(names(&state, 2 * MIN), ["Dr Lee", "Łukasz", "Amina"]);
    assert_eq!(queue[0].why, "point of process: goes first · waiting 1:00");
    assert_eq!(queue[1].why, "direct reply to Zoë · waiting 1:00");
}

#[test]
fn a_round_goes_around_in_seat_order_with_passes() {
    // The fixture's first stage is a Round.
    let state = fold(&[
        at(0, Event::TimerStarted),
        at(0, floor("Amina")),
        at(MIN, Event::Passed { who: "Dr Lee".into() }),
    ]);
    assert_eq!(state.room.policy, Policy::Round);
    assert_eq!(names(&state, MIN), ["Zoë", "Łukasz", "王芳", "Sunny 🌞"]);
    assert_eq!(state.room.queue(MIN)[0].why, "next in the round · seat 3");
    assert_eq!(state.said, "Dr Lee passed. 4 still to go in the round.");
    // A hand in a round says the round goes by seat, never "number 0 in the queue".
    let hand = fold(&[
        at(0, Event::TimerStarted),
        at(MIN, Event::HandRaised { who: "Zoë".into(), kind: HandKind::Normal }),
    ]);
    assert_eq!(hand.said, "Zoë raised a hand; the round goes on in seat order.");
    // The next stage is a discussion: the plan's own order comes back.
    let next = fold(&[at(0, floor("Amina")), at(MIN, Event::StageChanged { to: 1 })]);
    assert_eq!(next.room.policy, Policy::Equal);
    assert!(next.room.speaking.is_none(), "a new stage ends the turn");
}

#[test]
fn a_turn_has_a_time_box_and_is_never_cut_off() {
    let state = fold(&discussion(vec![at(0, floor("Zoë"))]));
    let turn = state.room.speaking.unwrap();
    assert_eq!(turn.time_box, Some(90_000), "the stage's own turn length");
    assert_eq!(turn.left(2 * MIN), Some(-30_000));
    assert!(state.room.speaking.is_some());
    // Her needs are for the facilitator: never said aloud unless the plan shares them.
    assert_eq!(state.said, "Zoë has the floor, 1 minute 30 seconds.");
    let mut shared = plan();
    shared.participants[2].share_needs = true;
    let mut room = State::new(Arc::new(shared));
    for logged in discussion(vec![at(0, floor("Zoë"))]) {
        room.apply(&logged).unwrap();
    }
    assert_eq!(room.said, "Zoë has the floor, 1 minute 30 seconds. Needs: extra time to speak.");
}

#[test]
fn walk_ins_and_absences_change_who_counts() {
    let state = fold(&discussion(vec![
        at(0, Event::ParticipantAdded { name: "Kwame".into(), role: "resident".into() }),
        at(0, Event::Left { who: "Sunny 🌞".into() }),
        at(0, floor("Kwame")),
        at(MIN, Event::TurnEnded),
    ]));
    let balance = state.room.balance(2 * MIN);
    let kwame = state.room.find("kwame").unwrap();
    assert!(state.room.people[kwame].walk_in);
    // Six in the plan, one walked in, one left before saying anything but was here at 0 ms.
    let sunny = state.room.find("Sunny 🌞").unwrap();
    assert!(!state.room.people[sunny].here());
    assert!(state.room.check(&hand("Sunny 🌞")).is_err());
    let residents = balance.roles.iter().find(|r| r.role == "resident").unwrap();
    assert_eq!((residents.people, residents.airtime), (3, MIN));
    assert!(balance.not_heard.contains(&state.room.find("Zoë").unwrap()));
    assert!(!balance.not_heard.contains(&kwame));
}

#[test]
fn the_facilitator_does_not_count_in_the_balance() {
    let mut plan = plan();
    plan.participants.push(roundtable::model::plan::Participant {
        name: "Sam".into(),
        role: "Facilitator".into(),
        needs: None,
        share_needs: false,
    });
    let state = State::fold(
        Arc::new(plan),
        &[at(0, Event::StageChanged { to: 1 }), at(0, floor("Sam")), at(MIN, Event::TurnEnded)],
    );
    let balance = state.room.balance(MIN);
    assert_eq!(balance.counted, 6);
    assert_eq!(balance.total, 0);
    assert!(balance.roles.iter().all(|r| r.role != "Facilitator"));
}

#[test]
fn someone_marked_not_here_before_the_workshop_begins_never_counts() {
    // The plan's six are expected; Łukasz is marked not here before anything starts,
    // a walk-in comes and goes before it too, and Dr Lee leaves once it is under way.
    let mut events = vec![
        at(1_000, Event::Left { who: "Łukasz".into() }),
        at(2_000, Event::ParticipantAdded { name: "Kwame".into(), role: "resident".into() }),
        at(3_000, Event::Left { who: "Kwame".into() }),
        at(MIN, Event::TimerStarted),
        at(2 * MIN, Event::Left { who: "Dr Lee".into() }),
        at(3 * MIN, Event::ParticipantAdded { name: "Ama".into(), role: "carer".into() }),
        at(4 * MIN, Event::Left { who: "Ama".into() }),
    ];
    let state = State::fold(Arc::new(plan()), &events);
    let balance = state.room.balance(5 * MIN);
    let name = |i: &usize| state.room.people[*i].name.as_str();
    let not_heard: Vec<&str> = balance.not_heard.iter().map(name).collect();
    assert_eq!(not_heard, ["Amina", "Dr Lee", "Zoë", "王芳", "Sunny 🌞", "Ama"]);
    assert_eq!(balance.counted, 6);
    // Łukasz arriving after all takes part from then on.
    events.push(at(6 * MIN, Event::Arrived { who: "Łukasz".into() }));
    events.push(at(7 * MIN, Event::Left { who: "Łukasz".into() }));
    let later = State::fold(Arc::new(plan()), &events);
    assert_eq!(later.room.balance(8 * MIN).counted, 7);
}

#[test]
fn refusals_are_words_not_events() {
    let state =
        fold(&discussion(vec![at(0, floor("Zoë")), at(0, Event::Left { who: "Amina".into() })]));
    let refuse = |e: Event| state.check(&at(MIN, e)).unwrap_err().to_string();
    assert_eq!(refuse(hand("Amina")), "Amina is marked as not here; mark them arrived first.");
    assert_eq!(refuse(hand("Nobody")), "There is no Nobody in this session.");
    assert_eq!(refuse(hand("Zoë")), "Zoë has the floor already.");
    assert_eq!(refuse(Event::Left { who: "Zoë".into() }), "Zoë has the floor; end the turn first.");
    assert_eq!(refuse(Event::HandLowered { who: "Łukasz".into() }), "Łukasz has no hand up.");
    assert_eq!(
        refuse(Event::Passed { who: "Łukasz".into() }),
        "Passing is for rounds; lower the hand instead."
    );
    let quiet = fold(&discussion(vec![]));
    assert_eq!(
        quiet.check(&at(0, Event::TurnEnded)).unwrap_err().to_string(),
        "No one has the floor."
    );
}

#[test]
fn equality_is_one_minus_the_gini_of_airtime() {
    // Two of six speak, one minute each: Gini = 4·1/… = 2/3, equality 1/3.
    let state = fold(&discussion(vec![
        at(0, floor("Zoë")),
        at(MIN, floor("Amina")),
        at(2 * MIN, Event::TurnEnded),
    ]));
    let balance = state.room.balance(3 * MIN);
    assert!((balance.equality - 1.0 / 3.0).abs() < 1e-9, "{}", balance.equality);
}

const NAMES: [&str; 7] = ["Amina", "Dr Lee", "Zoë", "Łukasz", "王芳", "Sunny 🌞", "Kwame"];

fn any_event() -> impl Strategy<Value = Event> {
    let who = || prop::sample::select(NAMES.to_vec()).prop_map(String::from);
    let kind = prop_oneof![
        Just(HandKind::Normal),
        Just(HandKind::Normal),
        Just(HandKind::Reply),
        Just(HandKind::Process)
    ];
    prop_oneof![
        4 => (who(), kind).prop_map(|(who, kind)| Event::HandRaised { who, kind }),
        1 => who().prop_map(|who| Event::HandLowered { who }),
        4 => who().prop_map(|who| Event::FloorGiven { who }),
        2 => Just(Event::TurnEnded),
        1 => who().prop_map(|who| Event::Passed { who }),
        1 => prop::sample::select(vec![Policy::Equal, Policy::Fifo, Policy::Round]).prop_map(|policy| Event::PolicySet { policy }),
        1 => Just(Event::ParticipantAdded { name: "Kwame".into(), role: "resident".into() }),
        1 => who().prop_map(|who| Event::Arrived { who }),
        1 => who().prop_map(|who| Event::Left { who }),
        1 => (0usize..5).prop_map(|to| Event::StageChanged { to }),
        1 => Just(Event::TimerStarted),
        1 => (0u64..100).prop_map(|gap_s| Event::Resumed { gap_s }),
        2 => Just(Event::Undo),
    ]
}

fn any_log() -> impl Strategy<Value = Vec<Logged>> {
    prop::collection::vec((0u64..120_000, any_event()), 0..80).prop_map(|steps| {
        let mut t = 0;
        steps
            .into_iter()
            .map(|(gap, event)| {
                t += gap;
                Logged::new(t, event)
            })
            .collect()
    })
}

proptest! {
    #[test]
    fn under_equal_the_next_hand_has_the_least_airtime(log in any_log(), later in 0u64..60_000) {
        let state = fold(&log);
        let now = state.at + later;
        let room = &state.room;
        prop_assume!(room.policy == Policy::Equal);
        let queue = room.queue(now);
        let normal: Vec<usize> = queue.iter().filter(|w| w.kind == Some(HandKind::Normal)).map(|w| w.who).collect();
        if let Some(first) = normal.first() {
            let least = normal.iter().map(|&w| room.airtime(w, now)).min().unwrap();
            prop_assert_eq!(room.airtime(*first, now), least);
        }
        // Jumping hands come before everyone else.
        let kinds: Vec<HandKind> = queue.iter().filter_map(|w| w.kind).collect();
        let mut sorted = kinds.clone();
        sorted.sort();
        prop_assert_eq!(kinds, sorted);
    }

    #[test]
    fn airtime_is_the_sum_of_turns_and_turns_never_overlap(log in any_log(), later in 0u64..60_000) {
        // Turns as an observer sees them, from the outside: each time the floor changes hands.
        let log: Vec<Logged> = log.into_iter().filter(|l| l.event != Event::Undo).collect();
        let mut state = State::new(Arc::new(plan()));
        let mut turns: Vec<(usize, u64, u64)> = Vec::new();
        // And when the room was paused: the stage begun, its timer stopped.
        let mut pauses: Vec<(u64, u64)> = Vec::new();
        let mut paused_since = None;
        for logged in &log {
            let before = state.room.speaking;
            if state.apply(logged).is_err() {
                continue;
            }
            if let Some(turn) = before
                && state.room.speaking.is_none_or(|now| (now.who, now.from) != (turn.who, turn.from))
            {
                turns.push((turn.who, turn.from, logged.at));
            }
            let paused = state.ended.is_none() && state.stages[state.current].started && !state.running();
            match (paused_since, paused) {
                (None, true) => paused_since = Some(logged.at),
                (Some(since), false) => {
                    pauses.push((since, logged.at));
                    paused_since = None;
                }
                _ => {}
            }
        }
        let now = state.at + later;
        if let Some(since) = paused_since {
            pauses.push((since, now));
        }
        // Airtime never grows while the room is paused.
        let spoken = |from: u64, to: u64| -> u64 {
            let paused: u64 = pauses.iter().map(|&(a, b)| to.min(b).saturating_sub(from.max(a))).sum();
            to - from - paused
        };
        let room = &state.room;
        let mut last_end = 0;
        for &(_, from, to) in &turns {
            prop_assert!(from >= last_end, "turns overlap: {:?}", turns);
            prop_assert!(to >= from);
            last_end = to;
        }
        if let Some(current) = room.speaking {
            prop_assert!(current.from >= last_end);
            turns.push((current.who, current.from, now));
        }
        for (who, person) in room.people.iter().enumerate() {
            let sum: u64 = turns.iter().filter(|t| t.0 == who).map(|t| spoken(t.1, t.2)).sum();
            prop_assert_eq!(room.airtime(who, now), sum);
            prop_assert_eq!(person.turns as usize, turns.iter().filter(|t| t.0 == who).count());
            // Nobody speaks while away: airtime never exceeds time in the room.
            prop_assert!(room.airtime(who, now) <= person.presence.elapsed(now));
        }
        let balance = room.balance(now);
        prop_assert!((0.0..=1.0).contains(&balance.equality));
        let shares: f64 = balance.roles.iter().map(|r| r.share).sum();
        prop_assert!(balance.total == 0 || (shares - 1.0).abs() < 1e-9);
    }

    #[test]
    fn undo_restores_the_room_exactly(log in any_log(), event in any_event()) {
        let before = fold(&log);
        let action = Logged::new(before.at + 1_000, event);
        prop_assume!(action.event.undoable() && before.check(&action).is_ok());
        let mut after = before.clone();
        after.apply(&action).unwrap();
        after.apply(&Logged::new(before.at + 2_000, Event::Undo)).unwrap();
        prop_assert_eq!(&after.room, &before.room);
    }

    #[test]
    fn the_fold_equals_step_by_step_apply(log in any_log()) {
        let mut stepped = State::new(Arc::new(plan()));
        for logged in &log {
            let before = stepped.clone();
            if stepped.apply(logged).is_err() {
                prop_assert_eq!(&stepped, &before);
            }
        }
        prop_assert_eq!(fold(&log), stepped);
    }
}

#[test]
fn pausing_the_stage_timer_pauses_the_turn_and_airtime_with_it() {
    let state = common::fold(&[
        at(0, Event::TimerStarted),
        at(1_000, Event::FloorGiven { who: "Amina".into() }),
        at(11_000, Event::TimerPaused),
        // A minute of pause: nobody's airtime grows.
        at(71_000, Event::TimerStarted),
        at(81_000, Event::TurnEnded),
    ]);
    let amina = state.room.people.iter().position(|p| p.name == "Amina").unwrap();
    assert_eq!(state.room.people[amina].spoken, 20_000);
    // While paused, the turn on screen stands still.
    let paused = common::fold(&[
        at(0, Event::TimerStarted),
        at(1_000, Event::FloorGiven { who: "Amina".into() }),
        at(11_000, Event::TimerPaused),
    ]);
    let turn = paused.room.speaking.unwrap();
    assert_eq!((turn.length(11_000), turn.length(500_000)), (10_000, 10_000));
    assert_eq!(paused.balance(500_000).voices[amina].airtime, 10_000);
    // The floor given while the room is paused waits for the timer too.
    let given = common::fold(&[
        at(0, Event::TimerStarted),
        at(5_000, Event::TimerPaused),
        at(6_000, Event::FloorGiven { who: "Amina".into() }),
        at(66_000, Event::TimerStarted),
        at(70_000, Event::TurnEnded),
    ]);
    assert_eq!(given.room.people[amina].spoken, 4_000);
}
