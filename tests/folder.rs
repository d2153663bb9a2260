//! The sessions folder around the files: links are never followed, one
//! console writes a session whatever happens to its lock file, a resume
//! accounts for every journal line, and what a power cut leaves is read.

mod common;

use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};

use common::{MIN, at, plan, session, started};
use roundtable::model::Event;
use roundtable::store::recorder::Recorder;
use roundtable::store::session_file::{
    conflict_path, journal_path, load_session, lock_path, to_text,
};

/// The name the first session of the fixture plan gets at `started()`.
fn first_name(dir: &Path) -> PathBuf {
    dir.join("2026-11-25-1900-community-health-co-design-what-would-make-the.ron")
}

fn second_name(dir: &Path) -> PathBuf {
    dir.join("2026-11-25-1900-community-health-co-design-what-would-make-the-2.ron")
}

const OUTSIDE: &str = "somebody else's file, not to be touched\n";

#[test]
fn a_link_named_like_the_next_lock_is_never_followed() {
    let sessions = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let target = elsewhere.path().join("precious.txt");
    std::fs::write(&target, OUTSIDE).unwrap();
    symlink(&target, lock_path(&first_name(sessions.path()))).unwrap();
    let (mut recorder, _) = Recorder::create(sessions.path(), plan(), started()).unwrap();
    assert_eq!(recorder.path, second_name(sessions.path()), "the name with a link is taken");
    recorder.mark_alive(5_000);
    recorder.append(&at(0, Event::TimerStarted));
    assert_eq!(std::fs::read_to_string(&target).unwrap(), OUTSIDE);
}

#[test]
fn a_dangling_link_for_a_lock_or_a_journal_makes_nothing_outside_the_folder() {
    for link in [lock_path, journal_path] {
        let sessions = tempfile::tempdir().unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        let target = elsewhere.path().join("made-by-roundtable");
        symlink(&target, link(&first_name(sessions.path()))).unwrap();
        let (mut recorder, _) = Recorder::create(sessions.path(), plan(), started()).unwrap();
        assert_eq!(recorder.path, second_name(sessions.path()));
        assert!(recorder.append(&at(0, Event::TimerStarted)));
        assert!(!target.exists(), "{} was made through a link", target.display());
    }
}

#[test]
fn a_session_whose_lock_or_journal_became_a_link_is_refused_not_followed() {
    for link in [lock_path, journal_path] {
        let sessions = tempfile::tempdir().unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        let (mut recorder, mut s) = Recorder::create(sessions.path(), plan(), started()).unwrap();
        let logged = at(0, Event::TimerStarted);
        recorder.append(&logged);
        s.events.push(logged);
        let path = recorder.finish(&s).unwrap();
        recorder.release();
        let target = elsewhere.path().join("precious.txt");
        std::fs::write(&target, OUTSIDE).unwrap();
        let _ = std::fs::remove_file(link(&path));
        symlink(&target, link(&path)).unwrap();
        let err = Recorder::resume(&path, started()).err().expect("refused");
        assert!(err.headline().contains("it is a link"), "{}", err.headline());
        assert_eq!(std::fs::read_to_string(&target).unwrap(), OUTSIDE);
    }
}

#[test]
fn deleting_the_lock_file_does_not_let_a_second_console_in() {
    let sessions = tempfile::tempdir().unwrap();
    let (mut first, mut s) = Recorder::create(sessions.path(), plan(), started()).unwrap();
    for logged in [at(0, Event::TimerStarted), at(MIN, Event::StageChanged { to: 1 })] {
        assert!(first.append(&logged));
        s.events.push(logged);
    }
    std::fs::remove_file(lock_path(&first.path)).unwrap();
    let err = Recorder::resume(&first.path, started()).err().expect("a second console refused");
    assert!(err.headline().contains("open in another console"), "{}", err.headline());
    // The first console carries on, and nothing it wrote is lost.
    let idea = at(2 * MIN, Event::TimerPaused);
    assert!(first.append(&idea));
    s.events.push(idea);
    let path = first.finish(&s).unwrap();
    first.release();
    assert_eq!(load_session(&path).unwrap().session.events, s.events);
}

/// A session file with `events`, and a journal of `lines` beside it.
fn with_journal(dir: &Path, events: Vec<roundtable::model::Logged>, lines: &[u8]) -> PathBuf {
    let path = dir.join("s.ron");
    std::fs::write(&path, to_text(&session(events)).unwrap()).unwrap();
    std::fs::write(journal_path(&path), lines).unwrap();
    path
}

#[test]
fn a_journal_line_that_disagrees_with_the_session_is_kept_aside_and_said() {
    let dir = tempfile::tempdir().unwrap();
    let path = with_journal(
        dir.path(),
        vec![at(0, Event::TimerStarted), at(MIN, Event::TimerPaused)],
        b"(n:1,at:60000,event:TimerPaused)\n\
          (n:1,at:60000,event:StageChanged(to:3))\n\
          (n:2,at:120000,event:StageChanged(to:1))\n\
          (n:2,at:130000,event:StageChanged(to:2))\n",
    );
    // Read only: said, nothing written.
    let read = load_session(&path).unwrap();
    assert_eq!(read.conflicts.len(), 2);
    let note = read.note.unwrap();
    assert!(note.contains("2 lines disagree with the session file"), "{note}");
    assert!(!conflict_path(&path).exists());
    // Resumed: the agreeing events merged, the others kept aside, nothing dropped.
    let (_recorder, loaded, _) = Recorder::resume(&path, started()).unwrap();
    assert_eq!(
        loaded.session.events,
        vec![
            at(0, Event::TimerStarted),
            at(MIN, Event::TimerPaused),
            at(2 * MIN, Event::StageChanged { to: 1 })
        ]
    );
    assert_eq!(
        std::fs::read_to_string(conflict_path(&path)).unwrap(),
        "(n:1,at:60000,event:StageChanged(to:3))\n(n:2,at:130000,event:StageChanged(to:2))\n"
    );
    assert_eq!(load_session(&path).unwrap().session.events, loaded.session.events);
}

#[test]
fn zeros_a_power_cut_left_at_the_end_of_a_journal_are_cut_short_not_fatal() {
    let whole = b"(n:0,at:0,event:TimerStarted)\n(n:1,at:60000,event:StageChanged(to:1))\n";
    let tails: [&[u8]; 4] = [
        b"\0\0\0\0\0\0\0\0",
        b"\0\0\0\0\0\0\0\0\n",
        b"(n:2,at:9\0\0\0\0\0\0",
        b"\0\0\0\0\n\0\0\0\n",
    ];
    for tail in tails {
        let dir = tempfile::tempdir().unwrap();
        let path = with_journal(dir.path(), vec![], &[&whole[..], tail].concat());
        let loaded = load_session(&path)
            .unwrap_or_else(|e| panic!("{:?}: {}", String::from_utf8_lossy(tail), e.headline()));
        assert_eq!(loaded.session.events.len(), 2);
        assert!(loaded.note.unwrap().contains("a line cut short by a crash was dropped"));
    }
    // Zeros in the middle, with whole events after them, are damage, said as such.
    let dir = tempfile::tempdir().unwrap();
    let path = with_journal(
        dir.path(),
        vec![],
        b"(n:0,at:0,event:TimerStarted)\n\0\0\0\n(n:1,at:60000,event:TimerPaused)\n",
    );
    assert!(load_session(&path).is_err());
}

#[test]
fn the_merged_journal_is_emptied_not_deleted_so_its_lock_is_kept() {
    let sessions = tempfile::tempdir().unwrap();
    let (mut recorder, _) = Recorder::create(sessions.path(), plan(), started()).unwrap();
    recorder.append(&at(0, Event::TimerStarted));
    let path = recorder.path.clone();
    drop(recorder); // a crash
    let (_resumed, loaded, _) = Recorder::resume(&path, started()).unwrap();
    assert_eq!(loaded.session.events.len(), 1);
    // Another console, even with the lock file gone, finds the journal held.
    std::fs::remove_file(lock_path(&path)).unwrap();
    let err = Recorder::resume(&path, started()).err().expect("refused");
    assert!(err.headline().contains("open in another console"), "{}", err.headline());
}
