//! Large sessions for the benchmarks: 40 participants and a log of any length,
//! spread over a 90-minute agenda. Every event is applied to a `State` as it is
//! made and kept only if the state accepts it, so each one passes `State::check`
//! where it stands and the log loads like a real recording.
//!
//! Shared by the benches and by `examples/make_session.rs` through `#[path]`.
#![allow(dead_code)]

use std::path::Path;
use std::sync::Arc;

use chrono::{DateTime, FixedOffset};
use roundtable::model::plan::{Participant, Policy};
use roundtable::model::queue::HandKind;
use roundtable::model::session::{Session, VERSION};
use roundtable::model::{Event, Logged, Ms, Plan, State};
use roundtable::store::plan_file::parse_plan;

/// How many people the plan names.
pub const PEOPLE: usize = 40;
/// How long the generated log runs: the built-in agenda's 90 minutes.
pub const SPAN_MS: Ms = 90 * 60_000;

const FIRST: [&str; 20] = [
    "Amina",
    "Priya",
    "Zoë",
    "José",
    "Łukasz",
    "Siobhán",
    "Kofi",
    "王芳",
    "Sunny 🌞",
    "Ngozi",
    "Dagný",
    "Mehmet",
    "Aoife",
    "Tomás",
    "Yuki",
    "Fatima",
    "Oluwaseun",
    "Ingrid",
    "Rhys",
    "Chloé",
];
const LAST: [&str; 10] = [
    "Yusuf",
    "Raman",
    "Clarke",
    "Álvarez",
    "Nowak",
    "Kelly",
    "Mensah",
    "Okafor",
    "Ó Briain",
    "Şahin",
];
const ROLES: [&str; 7] =
    ["resident", "resident", "carer", "GP", "nurse", "commissioner", "youth worker"];

/// The built-in workshop's agenda (7 stages, 90 minutes) with 40 participants:
/// 39 of every role, accents, CJK and emoji in their names, and the facilitator.
pub fn plan() -> Plan {
    let mut plan = parse_plan(Path::new("built-in plan"), roundtable::model::plan::BUILT_IN)
        .expect("the built-in plan parses");
    plan.title = "Community health co-design: what would make the clinic feel like ours?".into();
    let mut people: Vec<Participant> = (0..PEOPLE - 1)
        .map(|i| Participant {
            name: format!("{} {}", FIRST[i % FIRST.len()], LAST[(i * 3 + i / 20) % LAST.len()]),
            role: ROLES[i % ROLES.len()].into(),
            needs: (i % 9 == 2).then(|| "extra time to speak".into()),
            share_needs: false,
        })
        .collect();
    people.push(Participant {
        name: "Sam Okafor".into(),
        role: "facilitator".into(),
        needs: None,
        share_needs: false,
    });
    plan.participants = people;
    assert!(plan.problems().is_empty(), "{:?}", plan.problems());
    plan
}

pub fn started() -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339("2026-11-25T19:00:00+00:00").unwrap()
}

/// A session with `n` events (unfinished: the workshop never ends).
pub fn session(n: usize) -> Session {
    Session {
        version: VERSION,
        written_by: None,
        started: started(),
        plan: plan(),
        rehearsal: false,
        events: events(n),
    }
}

/// A small deterministic generator (splitmix64): the same log on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// 0..n
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        (!items.is_empty()).then(|| &items[self.below(items.len() as u64) as usize])
    }
}

/// A log of exactly `n` events over about 90 minutes: the stages change on
/// schedule; hands go up, the floor is given to whoever the queue puts first,
/// turns end; people leave and come back, a few walk in; the timer is paused
/// now and then, stages get a minute more or less, the order changes. The
/// last event gives someone the floor when anyone is waiting.
pub fn events(n: usize) -> Vec<Logged> {
    let plan = Arc::new(plan());
    // Each stage ends where the plan says, so the changes spread over 90 minutes.
    let ends: Vec<Ms> = plan
        .stages
        .iter()
        .scan(0, |end, s| {
            *end += s.duration.ms();
            Some(*end)
        })
        .collect();
    let mut state = State::new(plan.clone());
    let mut rng = Rng(0x5EED_F00D);
    let gap = SPAN_MS / n.max(1) as Ms;
    let mut out = Vec::with_capacity(n);
    let mut at: Ms = 0;
    let mut walk_ins = 0;
    let mut refused = 0usize;
    while out.len() < n {
        let event = if out.is_empty() {
            Event::TimerStarted
        } else {
            let due = ends.iter().position(|&end| at < end).unwrap_or(ends.len() - 1);
            if due > state.current {
                Event::StageChanged { to: state.current + 1 }
            } else if !state.running() {
                Event::TimerStarted
            } else if out.len() + 1 == n && state.room.speaking.is_none() {
                // A live screen mid-discussion: the log ends with someone given the floor.
                match state.room.queue(at).first() {
                    Some(next) => {
                        Event::FloorGiven { who: state.room.people[next.who].name.clone() }
                    }
                    None => room_event(&state, &mut rng, at),
                }
            } else if rng.below(n as u64) < RARE {
                facilitator_event(&state, &mut rng, &mut walk_ins)
            } else {
                room_event(&state, &mut rng, at)
            }
        };
        let logged = Logged::new(at, event);
        if state.apply(&logged).is_ok() {
            out.push(logged);
            at += rng.below(2 * gap + 1);
        } else {
            refused += 1;
            assert!(refused < 50 * n + 1000, "the generator is stuck");
        }
    }
    assert_eq!(state.count, n);
    out
}

/// A generated session summed up, as `report` and `compare` see it; each
/// one a day after the one before, so that a series sorts.
pub fn summary(n: usize) -> roundtable::report::Summary {
    let mut session = session(n);
    session.started = started() + chrono::Duration::days(n as i64 % 1000);
    let state = State::fold(Arc::new(session.plan.clone()), &session.events);
    roundtable::report::Summary::of(&session, &state)
}

/// How many ideas a large session captures.
pub const IDEAS: usize = 2_000;

const IDEA_WORDS: [&str; 6] = [
    "A bench at the bus stop outside the clinic, with a shelter from the rain",
    "診療所の前にベンチと屋根を。バスを待つ間に座れるように。",
    "Café-style waiting room 🌞☕ with the kettle on",
    "Letters written with the people who get them",
    "Evening clinics once a week, for people who work days",
    "Receptionists trained by people who use the service",
];

/// About how many pauses, extensions, changes of order and walk-ins a log has,
/// however long it is: a facilitator does these a few dozen times in 90 minutes.
const RARE: u64 = 60;

fn facilitator_event(state: &State, rng: &mut Rng, walk_ins: &mut usize) -> Event {
    match rng.below(10) {
        0..=3 => Event::TimerPaused,
        4..=6 => Event::StageExtended {
            stage: state.current,
            by_s: if rng.below(3) == 0 { -60 } else { 60 },
        },
        7 | 8 => Event::PolicySet {
            policy: match state.room.policy {
                Policy::Equal => Policy::Fifo,
                Policy::Fifo | Policy::Round => Policy::Equal,
            },
        },
        _ if *walk_ins < 5 => {
            *walk_ins += 1;
            Event::ParticipantAdded {
                name: format!("Walk-in {walk_ins}"),
                role: ROLES[*walk_ins % ROLES.len()].into(),
            }
        }
        _ => Event::TimerPaused,
    }
}

/// One thing that happens in the room, chosen at random; `State::apply` refuses
/// the few that make no sense at that moment.
fn room_event(state: &State, rng: &mut Rng, at: Ms) -> Event {
    let room = &state.room;
    let people = room.people.len() as u64;
    let someone = |rng: &mut Rng| room.people[rng.below(people) as usize].name.clone();
    let ideas = &state.ideas;
    match rng.below(1000) {
        // Ideas and votes: up to 2,000 ideas, then votes on them.
        0..=199 if ideas.list.len() < IDEAS => Event::IdeaCaptured {
            text: IDEA_WORDS[rng.below(IDEA_WORDS.len() as u64) as usize].to_string(),
            author: (rng.below(4) > 0).then(|| someone(rng)),
            components: vec![],
        },
        0..=199 => Event::Voted { idea: rng.below(ideas.list.len() as u64) as usize },
        200..=239 if !ideas.list.is_empty() => {
            Event::Voted { idea: rng.below(ideas.list.len() as u64) as usize }
        }
        240..=244 if ideas.list.len() > 2 => {
            let from = rng.below(ideas.list.len() as u64) as usize;
            let into = rng.below(ideas.list.len() as u64) as usize;
            Event::IdeasMerged { from, into }
        }
        245..=249 if !ideas.list.is_empty() => Event::ActionAgreed {
            idea: rng.below(ideas.list.len() as u64) as usize,
            owner: someone(rng),
            due: chrono::NaiveDate::from_ymd_opt(2026, 12, 15),
        },
        250..=399 => {
            let kind = match rng.below(20) {
                0 => HandKind::Process,
                1 | 2 => HandKind::Reply,
                _ => HandKind::Normal,
            };
            Event::HandRaised { who: someone(rng), kind }
        }
        400..=549 => match room.queue(at).first() {
            Some(next) => Event::FloorGiven { who: room.people[next.who].name.clone() },
            None => Event::HandRaised { who: someone(rng), kind: HandKind::Normal },
        },
        550..=749 => Event::TurnEnded,
        750..=799 => match rng.pick(&room.hands) {
            Some(hand) => Event::HandLowered { who: room.people[hand.who].name.clone() },
            None => Event::TurnEnded,
        },
        800..=839 => Event::Left { who: someone(rng) },
        840..=899 => Event::Arrived { who: someone(rng) },
        900..=999 => match room.round_to_go().first() {
            Some(&next) => Event::Passed { who: room.people[next].name.clone() },
            None => Event::TurnEnded,
        },
        _ => Event::TurnEnded,
    }
}

/// How many of each kind of event a log holds, for the record.
pub fn census(events: &[Logged]) -> Vec<(&'static str, usize)> {
    let mut counts: Vec<(&'static str, usize)> = Vec::new();
    for logged in events {
        // The variant's name, as the session file writes it.
        let debug = format!("{:?}", logged.event);
        let end = debug.find([' ', '(', '{']).unwrap_or(debug.len());
        let name: &'static str = Box::leak(debug[..end].to_string().into_boxed_str());
        match counts.iter_mut().find(|(n, _)| *n == name) {
            Some((_, c)) => *c += 1,
            None => counts.push((name, 1)),
        }
    }
    counts
}
