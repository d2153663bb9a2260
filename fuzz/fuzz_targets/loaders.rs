//! Every loader, on any bytes: a plan, a session (with a journal beside it),
//! a theme and a keymap. None may panic; every refusal names its file, and a
//! place in it that exists. Run with `cargo +nightly fuzz run loaders`.

#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use roundtable::commands::parse_theme;
use roundtable::store::FileError;
use roundtable::store::keymap_file::parse_keymap;
use roundtable::store::plan_file::{load_plan, parse_plan};
use roundtable::store::session_file::{journal_path, load_session, parse_session};

fn dir() -> &'static Path {
    static DIR: OnceLock<tempfile::TempDir> = OnceLock::new();
    DIR.get_or_init(|| tempfile::tempdir().unwrap()).path()
}

fn well_formed(err: &FileError, text: &str) {
    let headline = err.headline();
    assert!(headline.starts_with(&format!("{}:", err.file)), "{headline}");
    if let Some(p) = err.at {
        assert!(p.line >= 1 && p.col >= 1, "{headline}");
        assert!(p.line <= text.split('\n').count(), "{headline}");
    }
    let _ = err.to_string();
}

fuzz_target!(|data: &[u8]| {
    // The first byte chooses how the rest is read.
    let Some((&which, bytes)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(bytes);
    let file = dir().join("f.ron");
    let results: Vec<Result<(), FileError>> = match which % 5 {
        0 => {
            std::fs::write(&file, bytes).unwrap();
            vec![parse_plan(&file, &text).map(drop), load_plan(&file).map(drop)]
        }
        1 => {
            let _ = std::fs::remove_file(journal_path(&file));
            std::fs::write(&file, bytes).unwrap();
            vec![parse_session(&file, &text).map(drop), load_session(&file).map(drop)]
        }
        2 => {
            // Any bytes as the journal of a small, sound session.
            let session = "Session(version: 1, started: \"2026-11-25T19:00:00+00:00\", plan: Plan(title: \"T\", participants: [(name: \"Zoë\", role: \"carer\")], stages: [(title: \"A\", duration: \"10m\"), (title: \"B\", duration: \"5m\")]), events: [(at: 0, event: TimerStarted)])";
            std::fs::write(&file, session).unwrap();
            std::fs::write(journal_path(&file), bytes).unwrap();
            vec![load_session(&file).map(drop)]
        }
        3 => vec![parse_theme("fuzz", &file, &text).map(drop)],
        _ => vec![parse_keymap(&file, &text).map(drop)],
    };
    for result in results {
        if let Err(e) = result {
            well_formed(&e, &text);
        }
    }
});
