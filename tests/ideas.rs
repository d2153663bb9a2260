//! Ideas, votes and actions, carried into the next cycle.

mod common;

use common::{MIN, at, fold};
use roundtable::model::Event;
use roundtable::model::action::{ActionStatus, Carried};
use roundtable::model::idea::LONGEST_IDEA;

fn idea(text: &str, author: Option<&str>) -> Event {
    Event::IdeaCaptured { text: text.into(), author: author.map(String::from), components: vec![] }
}

#[test]
fn ideas_are_captured_attributed_or_anonymous_and_tagged_with_their_stage() {
    let state = fold(&[
        at(0, Event::StageChanged { to: 2 }),
        at(MIN, idea("A bench at the bus stop", Some("zoe"))),
        at(2 * MIN, idea("診療所の前にベンチを 🪑", None)),
    ]);
    let list = &state.ideas.list;
    assert_eq!(list.len(), 2);
    assert_eq!(list[0].author, state.room.find("Zoë"));
    assert_eq!(list[1].author, None);
    assert_eq!(list[1].stage, 2);
    assert_eq!(state.said, "Idea #2 captured, anonymous.");
}

#[test]
fn votes_add_up_and_merges_carry_them() {
    let state = fold(&[
        at(0, idea("Bench", None)),
        at(0, idea("Seat at the stop", None)),
        at(0, idea("Shelter", None)),
        at(MIN, Event::Voted { idea: 0 }),
        at(MIN, Event::Voted { idea: 1 }),
        at(MIN, Event::Voted { idea: 1 }),
        at(MIN, Event::Voted { idea: 2 }),
        at(2 * MIN, Event::IdeasMerged { from: 1, into: 0 }),
        at(3 * MIN, Event::IdeasMerged { from: 0, into: 2 }),
    ]);
    let list = &state.ideas.list;
    assert_eq!(list[2].votes, 4, "three merged votes and its own");
    assert_eq!(list[1].merged_into, Some(2), "what was merged into a merged idea follows it");
    assert_eq!(state.ideas.standing().count(), 1);
    assert!(
        state
            .check(&at(4 * MIN, Event::Voted { idea: 0 }))
            .unwrap_err()
            .to_string()
            .contains("merged into #3")
    );
}

#[test]
fn an_edit_keeps_the_first_wording() {
    let state = fold(&[
        at(0, idea("Benches", None)),
        at(MIN, Event::IdeaEdited { idea: 0, text: "More benches on the high street".into() }),
    ]);
    assert_eq!(state.ideas.list[0].text, "More benches on the high street");
    assert_eq!(state.ideas.list[0].first, "Benches");
}

#[test]
fn parked_ideas_take_no_votes_until_they_are_back() {
    let state =
        fold(&[at(0, idea("Benches", None)), at(0, Event::IdeaParked { idea: 0, parked: true })]);
    assert_eq!(
        state.check(&at(MIN, Event::Voted { idea: 0 })).unwrap_err().to_string(),
        "Idea #1 is parked; unpark it to vote."
    );
    let back = fold(&[
        at(0, idea("Benches", None)),
        at(0, Event::IdeaParked { idea: 0, parked: true }),
        at(0, Event::IdeaParked { idea: 0, parked: false }),
        at(0, Event::Voted { idea: 0 }),
    ]);
    assert_eq!(back.ideas.list[0].votes, 1);
}

#[test]
fn an_idea_becomes_an_action_with_an_owner_and_a_due_date() {
    let state = fold(&[
        at(0, idea("Benches", None)),
        at(
            MIN,
            Event::ActionAgreed {
                idea: 0,
                owner: "sunny 🌞".into(),
                due: chrono::NaiveDate::from_ymd_opt(2026, 12, 15),
            },
        ),
    ]);
    let action = &state.ideas.actions[0];
    let due = action.due.map(|d| d.to_string());
    assert_eq!((action.owner.as_str(), due.as_deref()), ("Sunny 🌞", Some("2026-12-15")));
    assert_eq!(action.status, ActionStatus::Open);
    assert_eq!(state.ideas.list[0].action, Some(0));
    let refuse = |e: Event| state.check(&at(2 * MIN, e)).unwrap_err().to_string();
    assert_eq!(
        refuse(Event::ActionAgreed { idea: 0, owner: "Zoë".into(), due: None }),
        "Idea #1 is an action already."
    );
    // A due date is a date from the file on: one in words is refused as it is read.
    let line = "(at: 0, event: ActionAgreed(idea: 0, owner: \"Zoë\", due: Some(\"soon\")))";
    let bad_date = ron::from_str::<roundtable::model::Logged>(line).unwrap_err().to_string();
    assert!(bad_date.contains("a due date such as \"2026-12-15\", found \"soon\""), "{bad_date}");
}

#[test]
fn blind_capture_hides_ideas_until_the_reveal() {
    let log = vec![
        at(0, idea("Seen before", Some("Amina"))),
        at(MIN, Event::BlindStarted),
        at(2 * MIN, idea("Hidden one", Some("Zoë"))),
        at(2 * MIN, Event::Voted { idea: 0 }),
    ];
    let state = fold(&log);
    assert!(state.ideas.blind);
    assert!(!state.ideas.list[0].hidden);
    assert!(state.ideas.list[1].hidden);
    assert_eq!(state.said, "A vote for idea #1; counts stay hidden until the reveal.");
    let revealed = fold(&[log, vec![at(3 * MIN, Event::IdeasRevealed)]].concat());
    assert!(!revealed.ideas.blind);
    assert!(revealed.ideas.list.iter().all(|i| !i.hidden));
    assert_eq!(revealed.said, "Revealed: 1 idea and every vote count.");
}

#[test]
fn what_may_be_an_idea() {
    let state = fold(&[]);
    let refuse = |text: &str| state.check(&at(0, idea(text, None))).unwrap_err().to_string();
    assert_eq!(refuse("   "), "An empty idea is not saved.");
    let long = "x".repeat(LONGEST_IDEA + 1);
    assert!(
        refuse(&long).starts_with("An idea of at most 500 characters, please: this one has 501.")
    );
    assert_eq!(refuse("a\u{7}bell"), "An idea without control characters.");
    assert!(
        state.check(&at(0, idea(&"é".repeat(LONGEST_IDEA), None))).is_ok(),
        "counted in characters, not bytes"
    );
    assert_eq!(
        state.check(&at(0, idea("x", Some("Nobody")))).unwrap_err().to_string(),
        "There is no Nobody in this session."
    );
}

#[test]
fn open_actions_are_carried_and_reviewed_next_time() {
    let before = fold(&[
        at(0, idea("Benches", None)),
        at(0, idea("Shelter", None)),
        at(0, idea("Ramp", None)),
        at(MIN, Event::ActionAgreed { idea: 0, owner: "Zoë".into(), due: None }),
        at(
            MIN,
            Event::ActionAgreed {
                idea: 2,
                owner: "Dr Lee".into(),
                due: chrono::NaiveDate::from_ymd_opt(2026, 12, 1),
            },
        ),
    ]);
    let carried = before.ideas.to_carry();
    assert_eq!(carried.len(), 2);
    let next = fold(&[
        at(0, Event::ActionsCarried { from: "before.ron".into(), actions: carried.clone() }),
        at(
            MIN,
            Event::ActionReviewed {
                action: 0,
                status: ActionStatus::Done,
                note: Some("two benches in".into()),
            },
        ),
        at(MIN, Event::ActionReviewed { action: 1, status: ActionStatus::InProgress, note: None }),
    ]);
    let actions = &next.ideas.actions;
    assert_eq!(actions[0].status, ActionStatus::Done);
    assert_eq!(actions[0].note.as_deref(), Some("two benches in"));
    assert!(actions[0].carried());
    assert_eq!(next.ideas.carried_from.as_deref(), Some("before.ron"));
    // Done and dropped actions stop; the rest carry on to the cycle after.
    let again: Vec<Carried> = next.ideas.to_carry();
    assert_eq!(again.len(), 1);
    assert_eq!(again[0].status, ActionStatus::InProgress);
    // A carry is the console's own record: undo passes over it.
    let undone = fold(&[
        at(0, Event::ActionsCarried { from: "b".into(), actions: carried }),
        at(MIN, Event::Undo),
    ]);
    assert_eq!(undone.ideas.actions.len(), 2);
}
