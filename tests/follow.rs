//! Following a session as a console writes it, as `roundtable show` does:
//! only whole lines, the same state as the console's, a rewrite read whole;
//! and the notes room views leave, counted and cleared.

mod common;

use std::io::Write;

use common::{MIN, at};
use roundtable::model::queue::HandKind;
use roundtable::model::{Event, Logged};
use roundtable::store::follow::{Change, Follow};
use roundtable::store::presence::{Presence, following};
use roundtable::store::recorder::Recorder;
use roundtable::store::session_file::journal_path;

fn more(change: Change) -> Vec<Logged> {
    match change {
        Change::More(events) => events,
        Change::Nothing => vec![],
        Change::Whole(_) => panic!("read whole, where only new lines were wanted"),
    }
}

#[test]
fn a_follower_reads_new_whole_lines_and_ends_with_the_consoles_state() {
    let dir = tempfile::tempdir().unwrap();
    let (mut recorder, mut session) =
        Recorder::create(dir.path(), common::plan(), common::started()).unwrap();
    let first = [at(0, Event::TimerStarted), at(MIN, Event::StageChanged { to: 1 })];
    for logged in &first {
        assert!(recorder.append(logged));
    }
    // Started in the middle: what the console has is there at once.
    let (mut follow, loaded) = Follow::open(&recorder.path).unwrap();
    assert_eq!(loaded.session.events, first);
    assert!(follow.console_here(), "the journal says a console writes");
    let mut state = loaded.state;
    assert!(matches!(follow.catch_up().unwrap(), Change::Nothing));

    // Two more events, one at a time.
    let hand = at(2 * MIN, Event::HandRaised { who: "Zoë".into(), kind: HandKind::Normal });
    assert!(recorder.append(&hand));
    assert_eq!(more(follow.catch_up().unwrap()), std::slice::from_ref(&hand));
    state.apply(&hand).unwrap();

    let floor = at(3 * MIN, Event::FloorGiven { who: "Zoë".into() });
    assert!(recorder.append(&floor));
    assert_eq!(more(follow.catch_up().unwrap()), std::slice::from_ref(&floor));
    state.apply(&floor).unwrap();

    // Undo, as the console records it, is followed too.
    let undo = at(4 * MIN, Event::Undo);
    assert!(recorder.append(&undo));
    assert_eq!(more(follow.catch_up().unwrap()), std::slice::from_ref(&undo));
    state.apply(&undo).unwrap();
    assert!(state.room.speaking.is_none(), "the floor given is undone");

    // A line being written is left until it is whole.
    let journal = journal_path(&recorder.path);
    let mut raw = std::fs::OpenOptions::new().append(true).open(&journal).unwrap();
    raw.write_all(b"(n: 5, at: 300000, event: HandLow").unwrap();
    assert!(more(follow.catch_up().unwrap()).is_empty(), "half a line is not an event yet");
    raw.write_all(b"ered(who: \"Zo\xc3\xab\"))\n").unwrap();
    let lowered = more(follow.catch_up().unwrap());
    assert_eq!(lowered, [at(5 * MIN, Event::HandLowered { who: "Zoë".into() })]);
    state.apply(&lowered[0]).unwrap();
    assert!(state.room.hands.is_empty());

    // The console quits: the session is written whole, the journal goes.
    session.events = [first.to_vec(), vec![hand, floor, undo, lowered[0].clone()]].concat();
    recorder.finish(&session).unwrap();
    assert!(!follow.console_here(), "no journal: the console has gone");
    match follow.catch_up().unwrap() {
        Change::Whole(loaded) => assert_eq!(loaded.state, state, "the same state, read whole"),
        _ => panic!("a rewritten session is read whole"),
    }
    assert!(matches!(follow.catch_up().unwrap(), Change::Nothing));
}

#[test]
fn a_damaged_line_in_the_journal_is_said_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let (recorder, _) = Recorder::create(dir.path(), common::plan(), common::started()).unwrap();
    let (mut follow, _) = Follow::open(&recorder.path).unwrap();
    let journal = journal_path(&recorder.path);
    std::fs::write(&journal, "(n: 0, at: 0, event: TimerStarted)\n").unwrap();
    assert!(!more(follow.catch_up().unwrap()).is_empty());
    let mut raw = std::fs::OpenOptions::new().append(true).open(&journal).unwrap();
    raw.write_all(b"(n: 1, at: 0, event: NoSuchEvent)\n").unwrap();
    let said = match follow.catch_up() {
        Err(e) => e.to_string(),
        Ok(_) => panic!("a damaged line is an error"),
    };
    assert!(said.contains(".journal:2:"), "counted from the file's top: {said}");
}

#[test]
fn room_views_are_counted_while_they_run_and_a_killed_ones_note_is_cleared() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("2026-11-25-1900-clinic.ron");
    std::fs::write(&session, "").unwrap();
    assert_eq!(following(&session), 0);
    let one = Presence::announce(&session).unwrap();
    assert_eq!(following(&session), 1);
    // A view that was killed leaves a note nobody holds.
    let stale = dir.path().join("2026-11-25-1900-clinic.room-999999999");
    std::fs::write(&stale, "").unwrap();
    assert_eq!(following(&session), 1, "only a held note counts");
    assert!(!stale.exists(), "and the stale one is cleared");
    // A pipe where a note should be is passed over, never opened (it would never answer).
    let pipe = dir.path().join("2026-11-25-1900-clinic.room-12345");
    let made = std::process::Command::new("mkfifo").arg(&pipe).status().unwrap();
    assert!(made.success());
    assert_eq!(following(&session), 1);
    std::fs::remove_file(&pipe).unwrap();
    // Another session's views are not this one's.
    let other = dir.path().join("2026-11-25-1900-clinic-2.ron");
    assert_eq!(following(&other), 0);
    drop(one);
    assert_eq!(following(&session), 0);
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(left.len(), 1, "only the session is left");
}

#[test]
fn a_room_view_finds_the_newest_unfinished_session_or_the_one_named() {
    use roundtable::workshop::follow::followed;
    let dir = tempfile::tempdir().unwrap();
    let at_hour = |h: u32| {
        chrono::DateTime::parse_from_rfc3339(&format!("2026-11-25T{h:02}:00:00+00:00")).unwrap()
    };
    let mut plan = common::plan();
    plan.title = "Clinic hours".into();
    // 17:00, ended; 18:00, unfinished; 19:00, ended and newest.
    let (mut ended, mut session) = Recorder::create(dir.path(), plan.clone(), at_hour(17)).unwrap();
    let end = at(0, Event::WorkshopEnded);
    assert!(ended.append(&end));
    session.events.push(end.clone());
    ended.finish(&session).unwrap();
    let (open, _) = Recorder::create(dir.path(), plan.clone(), at_hour(18)).unwrap();
    plan.title = "Library".into();
    let (mut last, mut session) = Recorder::create(dir.path(), plan, at_hour(19)).unwrap();
    assert!(last.append(&end));
    session.events.push(end);
    last.finish(&session).unwrap();

    assert_eq!(followed(None, dir.path()).unwrap(), open.path, "the newest unfinished");
    assert_eq!(followed(Some("clinic hours"), dir.path()).unwrap(), open.path, "by title");
    assert_eq!(followed(Some("Library"), dir.path()).unwrap(), last.path, "a finished one, named");
    let stem = ended.path.file_stem().unwrap().to_str().unwrap().to_string();
    assert_eq!(followed(Some(&stem), dir.path()).unwrap(), ended.path, "by file name");
    assert_eq!(followed(Some(&format!("{stem}.ron")), dir.path()).unwrap(), ended.path);
    assert!(followed(Some("hours"), dir.path()).is_ok(), "the title's last word, after a dash");
    assert!(followed(Some("ours"), dir.path()).is_err(), "not part of a word");
    let by_path = ended.path.display().to_string();
    assert_eq!(followed(Some(&by_path), dir.path()).unwrap(), ended.path, "by path");
    let none = followed(Some("Tea"), dir.path()).unwrap_err().to_string();
    assert!(none.contains("no session here is called \"Tea\""), "{none}");
}
