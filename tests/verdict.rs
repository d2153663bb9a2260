//! A series' verdict comes from finished, real sessions: a rehearsal (run at
//! `ROUNDTABLE_SPEED`) or an aborted session is listed with a word and taken
//! in only when asked for.

mod common;

use std::path::Path;

use common::tmux::run;
use roundtable::model::session::Session;
use roundtable::store::session_file::{parse_session, to_text};

fn example(name: &str) -> Session {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/examples").join(name);
    parse_session(&path, &std::fs::read_to_string(&path).unwrap()).unwrap()
}

/// The three example sessions, a rehearsal after them and a 7-second aborted one last.
fn series_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let names = [
        "2026-11-25-2010-what-matters-to-us.ron",
        "2026-11-25-2011-what-matters-to-us.ron",
        "2026-11-25-2013-what-matters-to-us.ron",
    ];
    for name in names {
        std::fs::write(dir.path().join(name), to_text(&example(name)).unwrap()).unwrap();
    }
    let mut rehearsal = example(names[1]);
    rehearsal.rehearsal = true;
    rehearsal.started += chrono::Duration::days(1);
    std::fs::write(dir.path().join("rehearsal.ron"), to_text(&rehearsal).unwrap()).unwrap();
    let mut aborted = example(names[0]);
    aborted.events.retain(|l| l.at <= 7_000);
    aborted.started += chrono::Duration::days(2);
    std::fs::write(dir.path().join("aborted.ron"), to_text(&aborted).unwrap()).unwrap();
    dir
}

fn compare(dir: &Path, extra: &[&str]) -> serde_json::Value {
    let mut args = vec!["compare", "--series", "what-matters", ".", "--format", "json"];
    args.extend(extra);
    let out = run(dir, &args);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn the_verdict_leaves_out_rehearsals_and_unfinished_sessions_and_says_so() {
    let dir = series_folder();
    let json = compare(dir.path(), &[]);
    assert_eq!(json["sessions"].as_array().map(Vec::len), Some(3));
    let left: Vec<(String, String)> = json["left_out"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| (l["session"].as_str().unwrap().into(), l["why"].as_str().unwrap().into()))
        .collect();
    assert_eq!(
        left,
        [("rehearsal.ron".into(), "rehearsal".into()), ("aborted.ron".into(), "unfinished".into())]
    );
    // The answer is the three finished workshops' answer, as if the others were not there.
    let alone = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let path = entry.unwrap().path();
        if path.file_name().unwrap().to_string_lossy().starts_with("2026") {
            std::fs::copy(&path, alone.path().join(path.file_name().unwrap())).unwrap();
        }
    }
    assert_eq!(json["answer"], compare(alone.path(), &[])["answer"]);
    let md =
        String::from_utf8(run(dir.path(), &["compare", "--series", "what-matters", "."]).stdout)
            .unwrap();
    assert!(
        md.contains(
            "Left out: rehearsal.ron (rehearsal), aborted.ron (unfinished). `--all` takes them in."
        ),
        "{md}"
    );
    // Asked for, they are taken in.
    let all = compare(dir.path(), &["--all"]);
    assert_eq!(all["sessions"].as_array().map(Vec::len), Some(5));
    assert_eq!(all["left_out"].as_array().map(Vec::len), Some(0));
}

#[test]
fn then_and_now_never_sets_a_reflection_beside_a_rehearsal() {
    let dir = series_folder();
    let now = chrono::DateTime::parse_from_rfc3339("2026-12-30T19:00:00+00:00").unwrap();
    let before =
        roundtable::store::catalog::before(dir.path(), "what-matters", now, Path::new("x.ron"));
    assert_eq!(before, Some(dir.path().join("2026-11-25-2013-what-matters-to-us.ron")));
}

#[test]
fn a_rehearsal_is_recorded_as_one_and_a_workshop_is_not() {
    let dir = tempfile::tempdir().unwrap();
    let started = common::started();
    let (rehearsal, _) =
        roundtable::store::recorder::Recorder::create_as(dir.path(), common::plan(), started, true)
            .unwrap();
    let (workshop, _) =
        roundtable::store::recorder::Recorder::create(dir.path(), common::plan(), started).unwrap();
    let text = |p: &Path| std::fs::read_to_string(p).unwrap();
    assert!(text(&rehearsal.path).contains("\n    rehearsal: true,\n"));
    assert!(!text(&workshop.path).contains("rehearsal"));
    let loaded = roundtable::store::session_file::load_session(&rehearsal.path).unwrap();
    assert!(loaded.session.rehearsal);
}
