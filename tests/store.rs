//! Files: sessions written and read back, the journal, the lock, resuming.

mod common;

use std::io::Write;

use common::{MIN, at, plan, session, started};
use roundtable::model::Event;
use roundtable::store::recorder::Recorder;
use roundtable::store::session_file::{
    journal_path, load_session, lock_path, parse_session, to_text,
};

#[test]
fn a_session_reads_back_exactly_as_written() {
    let original = session(vec![
        at(0, Event::TimerStarted),
        at(MIN, Event::StageExtended { stage: 0, by_s: -60 }),
        at(2 * MIN, Event::StageChanged { to: 1 }),
        at(3 * MIN, Event::Undo),
        at(4 * MIN, Event::Resumed { gap_s: 12 }),
    ]);
    let text = to_text(&original).unwrap();
    let again = parse_session(std::path::Path::new("s.ron"), &text).unwrap();
    assert_eq!(again, original);
    assert!(
        text.contains("        (at: 60000, event: StageExtended(stage: 0, by_s: -60)),\n"),
        "{text}"
    );
}

#[test]
fn every_event_is_in_the_journal_before_the_session_is_merged() {
    let dir = tempfile::tempdir().unwrap();
    let (mut recorder, mut s) = Recorder::create(dir.path(), plan(), started()).unwrap();
    let name = recorder.path.file_name().unwrap().to_string_lossy().into_owned();
    assert_eq!(name, "2026-11-25-1900-community-health-co-design-what-would-make-the.ron");
    for logged in [at(0, Event::TimerStarted), at(MIN, Event::StageChanged { to: 1 })] {
        assert!(recorder.append(&logged));
        s.events.push(logged);
    }
    // As after a crash: nothing merged, the journal holds it all.
    let loaded = load_session(&recorder.path).unwrap();
    assert_eq!(loaded.session.events, s.events);
    assert_eq!(loaded.from_journal, 2);
    assert_eq!(loaded.state.current, 1);
    // A clean finish merges, and leaves only the session file.
    let path = recorder.finish(&s).unwrap();
    recorder.release();
    assert!(!journal_path(&path).exists());
    assert!(!lock_path(&path).exists());
    let files: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(files.len(), 1);
    assert_eq!(load_session(&path).unwrap().session, s);
}

#[test]
fn a_line_cut_short_by_a_crash_is_dropped_and_said() {
    let dir = tempfile::tempdir().unwrap();
    let (mut recorder, _) = Recorder::create(dir.path(), plan(), started()).unwrap();
    recorder.append(&at(0, Event::TimerStarted));
    let mut journal =
        std::fs::OpenOptions::new().append(true).open(journal_path(&recorder.path)).unwrap();
    journal.write_all(b"(n:1,at:5000,event:StageCh").unwrap();
    let loaded = load_session(&recorder.path).unwrap();
    assert_eq!(loaded.session.events, vec![at(0, Event::TimerStarted)]);
    let note = loaded.note.unwrap();
    assert!(
        note.ends_with(
            "recovered up to its last whole event; a line cut short by a crash was dropped"
        ),
        "{note}"
    );
}

#[test]
fn a_bad_line_inside_the_journal_is_an_error_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let (mut recorder, _) = Recorder::create(dir.path(), plan(), started()).unwrap();
    recorder.append(&at(0, Event::TimerStarted));
    let mut journal =
        std::fs::OpenOptions::new().append(true).open(journal_path(&recorder.path)).unwrap();
    journal.write_all(b"garbage\n(n:1,at:5000,event:TimerPaused)\n").unwrap();
    let err = load_session(&recorder.path).err().unwrap();
    assert!(
        err.headline().contains(".journal:2:1: a whole event on each line"),
        "{}",
        err.headline()
    );
}

#[test]
fn one_console_per_session() {
    let dir = tempfile::tempdir().unwrap();
    let (recorder, _) = Recorder::create(dir.path(), plan(), started()).unwrap();
    let err = Recorder::resume(&recorder.path, started()).err().unwrap();
    assert_eq!(
        err.headline(),
        format!(
            "{}: this session is open in another console; close that one first",
            recorder.path.display()
        )
    );
    // When the first console goes, however it goes, the lock goes with it.
    let path = recorder.path.clone();
    drop(recorder);
    assert!(Recorder::resume(&path, started()).is_ok());
}

#[test]
fn a_resume_merges_the_journal_and_records_the_gap() {
    let dir = tempfile::tempdir().unwrap();
    let (mut recorder, _) = Recorder::create(dir.path(), plan(), started()).unwrap();
    recorder.append(&at(0, Event::TimerStarted));
    recorder.append(&at(MIN, Event::StageChanged { to: 1 }));
    recorder.mark_alive(3 * MIN);
    let path = recorder.path.clone();
    drop(recorder); // a crash: no finish
    let later = started() + chrono::Duration::minutes(20);
    let (_recorder, loaded, resumed) = Recorder::resume(&path, later).unwrap();
    assert_eq!(resumed, at(3 * MIN, Event::Resumed { gap_s: 17 * 60 }));
    assert_eq!(loaded.session.events.len(), 2);
    assert!(std::fs::read(journal_path(&path)).unwrap().is_empty(), "a fresh journal");
    let on_disk = load_session(&path).unwrap();
    assert_eq!(on_disk.from_journal, 0, "merged into the session file");
    assert_eq!(on_disk.session.events.len(), 2);
}

#[test]
fn a_finished_workshop_is_not_resumed() {
    let dir = tempfile::tempdir().unwrap();
    let (mut recorder, mut s) = Recorder::create(dir.path(), plan(), started()).unwrap();
    for logged in [at(0, Event::StageChanged { to: 4 }), at(MIN, Event::WorkshopEnded)] {
        recorder.append(&logged);
        s.events.push(logged);
    }
    let path = recorder.finish(&s).unwrap();
    recorder.release();
    let err = Recorder::resume(&path, started()).err().unwrap();
    assert!(err.headline().contains("this workshop has ended"), "{}", err.headline());
    assert!(err.headline().contains("run --again"), "{}", err.headline());
}

#[test]
fn two_sessions_in_the_same_minute_get_different_names() {
    let dir = tempfile::tempdir().unwrap();
    let (a, _) = Recorder::create(dir.path(), plan(), started()).unwrap();
    let (b, _) = Recorder::create(dir.path(), plan(), started()).unwrap();
    assert_ne!(a.path, b.path);
    assert!(b.path.to_string_lossy().ends_with("-2.ron"));
}

#[test]
fn a_sessions_folder_that_cannot_be_made_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let blocker = dir.path().join("not-a-folder");
    std::fs::write(&blocker, "").unwrap();
    let err = Recorder::create(&blocker.join("sessions"), plan(), started()).err().unwrap();
    assert!(err.headline().starts_with(&format!(
        "{}: cannot create the sessions folder",
        blocker.join("sessions").display()
    )));
}

#[test]
fn a_version_1_file_migrates_to_version_2_and_reads_the_same() {
    let path =
        std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/version-1.ron"));
    let text = std::fs::read_to_string(path).unwrap();
    assert!(
        text.contains("    version: 1,\n") && !text.contains("written_by"),
        "the golden file is version 1"
    );
    let loaded = load_session(path).unwrap();
    assert_eq!(loaded.session.version, 2);
    assert_eq!(loaded.session.written_by, None);
    assert!(loaded.note.unwrap().contains("a version 1 session, read as version 2"));
    // Written again, it is version 2, and reads back to the same workshop.
    let again = to_text(&loaded.session).unwrap();
    assert!(again.contains("    version: 2,\n    written_by: \"roundtable "), "{again}");
    let reread = parse_session(path, &again).unwrap();
    assert_eq!(reread.events, loaded.session.events);
    assert_eq!(reread.plan, loaded.session.plan);
    let summary = |s: &roundtable::model::session::Session| {
        let state = roundtable::model::State::fold(std::sync::Arc::new(s.plan.clone()), &s.events);
        roundtable::report::Summary::of(s, &state)
    };
    assert_eq!(summary(&reread), summary(&loaded.session));
    assert!(
        summary(&reread).participants.iter().any(|p| p.turns > 0),
        "a real workshop, not an empty one"
    );
}
