//! The index of a sessions folder: used only while each session is exactly as
//! it was when indexed, rebuilt when missing, damaged or stale.

mod common;

use std::path::Path;
use std::time::{Duration, SystemTime};

use common::{MIN, at, session};
use roundtable::model::Event;
use roundtable::store::catalog;
use roundtable::store::index::NAME;
use roundtable::store::session_file::to_text;

fn age(file: &Path) {
    let past = SystemTime::now() - Duration::from_secs(3600);
    std::fs::File::options().write(true).open(file).unwrap().set_modified(past).unwrap();
}

fn write(dir: &Path, name: &str, events: Vec<roundtable::model::Logged>) {
    let file = dir.join(name);
    std::fs::write(&file, to_text(&session(events)).unwrap()).unwrap();
    age(&file);
}

fn stage_of(dir: &Path, name: &str) -> (usize, usize) {
    catalog::sessions(dir).into_iter().find(|s| s.path.ends_with(name)).unwrap().stage
}

#[test]
fn the_folder_is_listed_from_its_index_once_made() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.ron", vec![at(0, Event::TimerStarted)]);
    write(dir.path(), "b.ron", vec![at(0, Event::StageChanged { to: 2 })]);
    assert_eq!(stage_of(dir.path(), "b.ron"), (3, 5));
    let index = std::fs::read_to_string(dir.path().join(NAME)).unwrap();
    assert!(index.contains("\"a.ron\"") && index.contains("\"b.ron\""), "{index}");
    // The index is what is read: a header planted in it, stamps unchanged, shows.
    let planted = index.replace("stage:(3,5)", "stage:(4,5)");
    std::fs::write(dir.path().join(NAME), planted).unwrap();
    assert_eq!(stage_of(dir.path(), "b.ron"), (4, 5));
}

#[test]
fn a_session_changed_since_it_was_indexed_is_read_again() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.ron", vec![at(0, Event::TimerStarted)]);
    assert_eq!(stage_of(dir.path(), "a.ron"), (1, 5));
    write(
        dir.path(),
        "a.ron",
        vec![at(0, Event::TimerStarted), at(MIN, Event::StageChanged { to: 1 })],
    );
    assert_eq!(stage_of(dir.path(), "a.ron"), (2, 5));
    // A journal that appears beside it counts as a change too.
    std::fs::write(dir.path().join("a.journal"), "(n:2,at:120000,event:StageChanged(to:3))\n")
        .unwrap();
    assert_eq!(stage_of(dir.path(), "a.ron"), (4, 5));
    // And one written this very moment is read every time, never kept.
    let index = std::fs::read_to_string(dir.path().join(NAME)).unwrap();
    assert!(!index.contains("\"a.ron\""), "{index}");
}

#[test]
fn a_damaged_or_missing_index_is_rebuilt_and_gone_sessions_leave_it() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.ron", vec![at(0, Event::TimerStarted)]);
    write(dir.path(), "b.ron", vec![at(0, Event::TimerStarted)]);
    std::fs::write(dir.path().join(NAME), "(entries: {\"a.ron\": (session: oops").unwrap();
    assert_eq!(catalog::sessions(dir.path()).len(), 2);
    std::fs::remove_file(dir.path().join("b.ron")).unwrap();
    assert_eq!(catalog::sessions(dir.path()).len(), 1);
    let index = std::fs::read_to_string(dir.path().join(NAME)).unwrap();
    assert!(index.contains("\"a.ron\"") && !index.contains("\"b.ron\""), "{index}");
    std::fs::remove_file(dir.path().join(NAME)).unwrap();
    assert_eq!(catalog::sessions(dir.path()).len(), 1);
    // Not a session file itself.
    assert!(catalog::sessions(dir.path()).iter().all(|s| !s.path.ends_with(NAME)));
}

#[test]
fn a_series_is_found_from_the_index() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.ron", vec![at(0, Event::TimerStarted)]);
    std::fs::write(dir.path().join("plan.ron"), common::PLAN).unwrap();
    let series = common::plan().series.unwrap();
    let found = catalog::series(dir.path(), &series);
    assert_eq!(found, vec![(dir.path().join("a.ron"), Some("unfinished"))]);
    assert!(catalog::series(dir.path(), "another").is_empty());
}
