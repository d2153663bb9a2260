//! Reading a session to sum it up folds each event as it is parsed: what it
//! finds, and what it refuses, are what loading the whole log finds.

mod common;

use std::path::{Path, PathBuf};

use common::{MIN, at, session};
use roundtable::model::{Event, Logged};
use roundtable::report::{self, Format, summary::Summary};
use roundtable::store::session_file::{journal_path, load_session, to_text};
use roundtable::store::session_fold::fold_session;

fn idea(text: &str) -> Event {
    Event::IdeaCaptured { text: text.into(), author: Some("Amina".into()), components: vec![] }
}

/// A log with undos early, late and last, ideas (one that says "Undo"), turns and votes.
fn log() -> Vec<Logged> {
    vec![
        at(0, Event::TimerStarted),
        at(1_000, Event::HandRaised { who: "Amina".into(), kind: Default::default() }),
        at(2_000, Event::FloorGiven { who: "Amina".into() }),
        at(MIN, idea("Undo the waiting-room rules")),
        at(MIN + 1, Event::Undo),
        at(2 * MIN, idea("Evening hours")),
        at(2 * MIN + 5, Event::Voted { idea: 0 }),
        at(3 * MIN, Event::TurnEnded),
        at(4 * MIN, Event::StageChanged { to: 1 }),
        at(5 * MIN, Event::StageExtended { stage: 1, by_s: 60 }),
        at(5 * MIN + 1, Event::Undo),
        at(6 * MIN, Event::FloorGiven { who: "Dr Lee".into() }),
        at(7 * MIN, Event::TurnEnded),
        at(8 * MIN, Event::Undo),
    ]
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn json_of_load(path: &Path) -> String {
    let loaded = load_session(path).unwrap();
    report::render(&Summary::of(&loaded.session, &loaded.state), Format::Json)
}

fn json_of_fold(path: &Path) -> String {
    let folded = fold_session(path).unwrap();
    report::render(&Summary::of(&folded.session, &folded.state), Format::Json)
}

#[test]
fn folding_as_it_reads_finds_what_loading_the_whole_log_finds() {
    let dir = tempfile::tempdir().unwrap();
    let events = log();
    let path = write(dir.path(), "s.ron", &to_text(&session(events.clone())).unwrap());
    let loaded = load_session(&path).unwrap();
    let folded = fold_session(&path).unwrap();
    assert_eq!(folded.events, events.len());
    assert_eq!(folded.state.count, loaded.state.count);
    assert_eq!(folded.state.ideas, loaded.state.ideas);
    assert_eq!(folded.state.room, loaded.state.room);
    assert_eq!(folded.state.current, loaded.state.current);
    assert_eq!(folded.session.plan, loaded.session.plan);
    assert_eq!(folded.session.started, loaded.session.started);
    assert!(folded.session.events.is_empty(), "the events are folded, not kept");
    assert_eq!(json_of_fold(&path), json_of_load(&path));
    // The undone idea is gone, the one after it stays, and the last turn is undone.
    assert_eq!(folded.state.ideas.list.len(), 1);
    assert_eq!(folded.state.ideas.list[0].text, "Evening hours");
}

#[test]
fn events_written_before_the_plan_are_folded_once_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let text = to_text(&session(log())).unwrap();
    let written = write(dir.path(), "written.ron", &text);
    // Moved by hand: the events first, then the plan.
    let start = text.find("    plan: ").unwrap();
    let events = text.find("    events: [").unwrap();
    let end = text.rfind(")\n").unwrap();
    let moved =
        format!("{}{}{}{})\n", &text[..start], &text[events..end], &text[start..events], "");
    let moved = write(dir.path(), "moved.ron", &moved);
    assert_eq!(json_of_fold(&moved), json_of_load(&written));
}

#[test]
fn a_refused_event_is_named_where_loading_names_it() {
    let dir = tempfile::tempdir().unwrap();
    let mut events = log();
    // Nobody has the floor to end a turn.
    events.insert(3, at(30_000, Event::TurnEnded));
    events.insert(3, at(30_000, Event::TurnEnded));
    let path = write(dir.path(), "s.ron", &to_text(&session(events)).unwrap());
    let folded = fold_session(&path).err().unwrap().to_string();
    let loaded = load_session(&path).err().unwrap().to_string();
    assert_eq!(folded, loaded);
    assert!(folded.contains("events[4]"), "{folded}");
}

#[test]
fn a_field_given_twice_or_missing_is_said_as_loading_says_it() {
    let dir = tempfile::tempdir().unwrap();
    let text = to_text(&session(log())).unwrap();
    let twice = text.replacen("    version: 2,\n", "    version: 2,\n    version: 2,\n", 1);
    let missing = text.replacen("    started: ", "    begun: ", 1);
    let no_plan = {
        let start = text.find("    plan: ").unwrap();
        let events = text.find("    events: [").unwrap();
        format!("{}{}", &text[..start], &text[events..])
    };
    for (name, text) in [("twice.ron", twice), ("missing.ron", missing), ("no-plan.ron", no_plan)] {
        let path = write(dir.path(), name, &text);
        let folded = fold_session(&path).err().map(|e| e.to_string());
        let loaded = load_session(&path).err().map(|e| e.to_string());
        assert!(folded.is_some(), "{name} is refused");
        assert_eq!(folded, loaded, "{name}");
    }
}

#[test]
fn a_journal_beside_the_session_is_folded_too() {
    let dir = tempfile::tempdir().unwrap();
    let events = log();
    let (in_file, in_journal) = events.split_at(6);
    let path = write(dir.path(), "s.ron", &to_text(&session(in_file.to_vec())).unwrap());
    let lines: String = in_journal
        .iter()
        .enumerate()
        .map(|(i, logged)| {
            format!(
                "(n: {}, at: {}, event: {})\n",
                in_file.len() + i,
                logged.at,
                ron::to_string(&logged.event).unwrap()
            )
        })
        .collect();
    std::fs::write(journal_path(&path), lines).unwrap();
    let folded = fold_session(&path).unwrap();
    assert_eq!(folded.events, events.len());
    let whole = write(dir.path(), "whole.ron", &to_text(&session(events)).unwrap());
    assert_eq!(json_of_fold(&path), json_of_load(&whole));
}
