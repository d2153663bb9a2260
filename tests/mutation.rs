//! Damaged files never crash a loader, and never load as something else:
//! valid plans, sessions, journals, themes and keymaps are mutated at random
//! (bits flipped, cut short, bytes inserted, slices duplicated or dropped),
//! and a session and a journal are cut at every byte.

mod common;

use std::path::{Path, PathBuf};

use common::{MIN, at, session};
use proptest::prelude::*;
use proptest::sample::Index;
use roundtable::commands::parse_theme;
use roundtable::input::keymap::Keymap;
use roundtable::model::plan::BUILT_IN;
use roundtable::model::queue::HandKind;
use roundtable::model::reflection::{Answer, Question, Rung};
use roundtable::model::{Event, Logged};
use roundtable::store::FileError;
use roundtable::store::journal::Journal;
use roundtable::store::keymap_file::{load_keymap, parse_keymap};
use roundtable::store::plan_file::{load_plan, parse_plan};
use roundtable::store::ron_text::read;
use roundtable::store::session_file::{journal_path, load_session, parse_session, to_text};

const DARK: &str = include_str!("../themes/dark.ron");
const MONO: &str = include_str!("../themes/mono.ron");
const KEYMAP: &str = include_str!("../src/input/keymap.ron");

/// A real session: the agenda, the floor, ideas, reflections, a resume and an undo.
fn events() -> Vec<Logged> {
    let who = |name: &str| name.to_string();
    vec![
        at(500, Event::TimerStarted),
        at(1_000, Event::FloorGiven { who: who("Amina") }),
        at(70_000, Event::Passed { who: who("Dr Lee") }),
        at(2 * MIN, Event::StageChanged { to: 1 }),
        at(2 * MIN + 10, Event::HandRaised { who: who("Zoë"), kind: HandKind::Normal }),
        at(2 * MIN + 20, Event::HandRaised { who: who("Łukasz"), kind: HandKind::Reply }),
        at(2 * MIN + 30, Event::ParticipantAdded { name: who("Kwame"), role: who("resident") }),
        at(2 * MIN + 40, Event::FloorGiven { who: who("Łukasz") }),
        at(3 * MIN, Event::TurnEnded),
        at(3 * MIN + 5, Event::StageExtended { stage: 1, by_s: 60 }),
        at(3 * MIN + 6, Event::Undo),
        at(3 * MIN + 7, Event::TimerPaused),
        at(4 * MIN, Event::Resumed { gap_s: 75 }),
        at(4 * MIN + 1, Event::TimerStarted),
        at(5 * MIN, Event::StageChanged { to: 2 }),
        at(
            5 * MIN + 1,
            Event::IdeaCaptured {
                text: "Café at the clinic ☕ \"with\" quotes, (brackets) and 王芳's words".into(),
                author: Some(who("王芳")),
                components: vec!["Creative".into()],
            },
        ),
        at(
            5 * MIN + 2,
            Event::IdeaCaptured {
                text: "Benches outside".into(),
                author: None,
                components: vec![],
            },
        ),
        at(5 * MIN + 3, Event::Voted { idea: 1 }),
        at(5 * MIN + 4, Event::IdeaEdited { idea: 1, text: "Benches in the shade".into() }),
        at(5 * MIN + 5, Event::ActionAgreed { idea: 1, owner: who("Dr Lee"), due: None }),
        at(5 * MIN + 6, Event::BlindStarted),
        at(5 * MIN + 7, Event::IdeasRevealed),
        at(6 * MIN, Event::StageChanged { to: 4 }),
        at(6 * MIN + 1, Event::CheckpointStarted { label: "end".into() }),
        at(6 * MIN + 2, Event::Scored { component: "Equal".into(), score: Some(3) }),
        at(6 * MIN + 3, Event::Tallied { component: "Open".into(), level: 2, change: 1 }),
        at(6 * MIN + 4, Event::ReflectionNoted { component: "Human".into(), note: "Warm".into() }),
        at(
            6 * MIN + 5,
            Event::DirectionAnswered {
                question: Question::SharingPower,
                answer: Answer::Partly,
                note: Some("A little".into()),
            },
        ),
        at(6 * MIN + 6, Event::LadderPlaced { rung: Rung::CoDesign }),
        at(7 * MIN, Event::WorkshopEnded),
    ]
}

fn session_text() -> String {
    to_text(&session(events())).unwrap()
}

#[derive(Clone, Copy, Debug)]
enum Kind {
    Plan,
    Session,
    Theme,
    Keymap,
}

/// Every valid file we start from.
fn originals() -> Vec<(Kind, String)> {
    vec![
        (Kind::Plan, common::PLAN.to_string()),
        (Kind::Plan, BUILT_IN.to_string()),
        (Kind::Session, session_text()),
        (Kind::Theme, DARK.to_string()),
        (Kind::Theme, MONO.to_string()),
        (Kind::Keymap, KEYMAP.to_string()),
        (Kind::Keymap, Keymap::defaults().to_ron()),
    ]
}

/// An error is said about the file it names, at a place that is in the file.
fn assert_well_formed(err: &FileError, files: &[&Path], bytes: &[u8]) {
    let headline = err.headline();
    let file = files.iter().find(|f| err.file == f.display().to_string()).unwrap_or_else(|| {
        panic!("the error names {:?}, not one of {files:?}: {headline}", err.file)
    });
    let name = file.display().to_string();
    assert!(headline.starts_with(&format!("{name}:")), "{headline}");
    assert!(!err.message.trim().is_empty(), "an empty message: {headline}");
    if let Some(p) = err.at {
        assert!(headline.starts_with(&format!("{name}:{}:{}: ", p.line, p.col)), "{headline}");
        let text = String::from_utf8_lossy(bytes);
        let lines = text.split('\n').count();
        assert!(p.line >= 1 && p.col >= 1, "{headline}");
        assert!(p.line <= lines, "line {} of a file of {lines} lines: {headline}", p.line);
        let width = text.split('\n').nth(p.line - 1).map_or(0, |l| l.chars().count());
        assert!(p.col <= width + 1, "column {} of a line of {width}: {headline}", p.col);
    }
    // The full message, with its caret line, is made without trouble.
    let shown = err.to_string();
    assert!(shown.starts_with(&headline));
}

/// Loads `bytes` as a file of `kind` through every loader that reads it; panics are failures.
fn load_all(kind: Kind, bytes: &[u8], dir: &Path) {
    let file = dir.join(match kind {
        Kind::Plan => "plan.ron",
        Kind::Session => "session.ron",
        Kind::Theme => "theme.ron",
        Kind::Keymap => "keys.ron",
    });
    std::fs::write(&file, bytes).unwrap();
    let journal = journal_path(&file);
    let files = [file.as_path(), journal.as_path()];
    let mut results: Vec<Result<(), FileError>> = Vec::new();
    let text = std::str::from_utf8(bytes).ok();
    match kind {
        Kind::Plan => {
            if let Some(text) = text {
                results.push(parse_plan(&file, text).map(drop));
            }
            results.push(load_plan(&file).map(drop));
        }
        Kind::Session => {
            if let Some(text) = text {
                results.push(parse_session(&file, text).map(drop));
            }
            results.push(load_session(&file).map(drop));
        }
        Kind::Theme => {
            if let Some(text) = text {
                results.push(parse_theme("t", &file, text).map(drop));
            }
            results.push(read(&file).and_then(|t| parse_theme("t", &file, &t)).map(drop));
        }
        Kind::Keymap => {
            if let Some(text) = text {
                results.push(parse_keymap(&file, text).map(drop));
            }
            results.push(load_keymap(&file).map(drop));
        }
    }
    for result in results {
        if let Err(e) = result {
            assert_well_formed(&e, &files, bytes);
        }
    }
}

#[derive(Clone, Debug)]
enum Mutation {
    Flip(Index, u8),
    Cut(Index),
    Insert(Index, Vec<u8>),
    Token(Index, &'static str),
    Duplicate(Index, usize, Index),
    Delete(Index, usize),
}

/// Bytes that mean something to RON, or to UTF-8.
const TOKENS: &[&str] = &[
    "\"",
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ",",
    ":",
    "\n",
    "//",
    "/*",
    "*/",
    "Some(",
    "None",
    "r#\"",
    "\0",
    "é",
    "\u{feff}",
    "-1",
    "99999999999999999999999",
    "1e309",
    "'",
    "b\"",
    "0x",
    "true",
    "#![enable(implicit_some)]",
    "\\",
    "\\u{d800}",
    "events: [",
    "version: 2,",
    "()",
    "Plan(",
];

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<Index>(), 0u8..8).prop_map(|(i, b)| Mutation::Flip(i, b)),
        any::<Index>().prop_map(Mutation::Cut),
        (any::<Index>(), prop::collection::vec(any::<u8>(), 1..8))
            .prop_map(|(i, b)| Mutation::Insert(i, b)),
        (any::<Index>(), prop::sample::select(TOKENS)).prop_map(|(i, t)| Mutation::Token(i, t)),
        (any::<Index>(), 1usize..200, any::<Index>())
            .prop_map(|(f, n, t)| Mutation::Duplicate(f, n, t)),
        (any::<Index>(), 1usize..200).prop_map(|(f, n)| Mutation::Delete(f, n)),
    ]
}

fn apply(bytes: &mut Vec<u8>, m: &Mutation) {
    let len = bytes.len();
    let at = |i: &Index| if len == 0 { 0 } else { i.index(len + 1) };
    match m {
        Mutation::Flip(i, bit) if len > 0 => bytes[i.index(len)] ^= 1 << bit,
        Mutation::Flip(..) => {}
        Mutation::Cut(i) => bytes.truncate(at(i)),
        Mutation::Insert(i, new) => {
            let p = at(i);
            bytes.splice(p..p, new.iter().copied());
        }
        Mutation::Token(i, token) => {
            let p = at(i);
            bytes.splice(p..p, token.bytes());
        }
        Mutation::Duplicate(from, n, to) => {
            let start = at(from);
            let end = (start + n).min(len);
            let slice = bytes[start..end].to_vec();
            let p = at(to);
            bytes.splice(p..p, slice);
        }
        Mutation::Delete(from, n) => {
            let start = at(from);
            let end = (start + n).min(len);
            bytes.drain(start..end);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn a_damaged_file_never_panics_a_loader_and_is_refused_at_a_place(
        which in any::<Index>(),
        mutations in prop::collection::vec(mutation(), 1..5),
    ) {
        let originals = originals();
        let (kind, text) = &originals[which.index(originals.len())];
        let mut bytes = text.as_bytes().to_vec();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        let dir = tempfile::tempdir().unwrap();
        load_all(*kind, &bytes, dir.path());
    }

    /// A damaged journal beside a sound session: loaded, or refused at a place, never a panic.
    #[test]
    fn a_damaged_journal_never_panics_the_session_loader(
        mutations in prop::collection::vec(mutation(), 1..5),
        base in 0usize..6,
    ) {
        let dir = tempfile::tempdir().unwrap();
        let (file, journal) = with_journal(dir.path(), base);
        let mut bytes = std::fs::read(&journal).unwrap();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        std::fs::write(&journal, &bytes).unwrap();
        if let Err(e) = load_session(&file) {
            assert_well_formed(&e, &[file.as_path(), journal.as_path()], &bytes);
        }
    }
}

#[test]
fn the_originals_load() {
    let dir = tempfile::tempdir().unwrap();
    for (kind, text) in originals() {
        let file = dir.path().join("f.ron");
        std::fs::write(&file, &text).unwrap();
        let ok = match kind {
            Kind::Plan => load_plan(&file).map(drop),
            Kind::Session => load_session(&file).map(drop),
            Kind::Theme => parse_theme("t", &file, &text).map(drop),
            Kind::Keymap => load_keymap(&file).map(drop),
        };
        assert!(ok.is_ok(), "{kind:?}: {}", ok.unwrap_err());
    }
}

/// A session file holding the first `base` events, with every event in its journal
/// from number 0 (as after a crash between a merge and the journal's removal).
fn with_journal(dir: &Path, base: usize) -> (PathBuf, PathBuf) {
    let all = events();
    let file = dir.join("s.ron");
    std::fs::write(&file, to_text(&session(all[..base].to_vec())).unwrap()).unwrap();
    let journal = journal_path(&file);
    let mut j = Journal::open(&journal).unwrap();
    for (n, logged) in all.iter().enumerate() {
        j.append(n, std::slice::from_ref(logged)).unwrap();
    }
    (file, journal)
}

#[test]
fn a_session_file_cut_at_any_byte_is_refused_or_whole() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("cut.ron");
    let full = session_text();
    let bytes = full.as_bytes();
    let whole = session(events());
    let mut loaded_at = Vec::new();
    for cut in 0..=bytes.len() {
        std::fs::write(&file, &bytes[..cut]).unwrap();
        match load_session(&file) {
            Ok(loaded) => {
                // Only what is all there, short of trailing blanks, may load: the same session.
                assert_eq!(loaded.session, whole, "cut at byte {cut} loaded something else");
                assert_eq!(loaded.from_journal, 0);
                loaded_at.push(cut);
            }
            Err(e) => {
                assert_well_formed(&e, &[file.as_path()], &bytes[..cut]);
                assert!(e.at.is_some(), "cut at byte {cut}: no place given: {e}");
            }
        }
    }
    let closing = full.trim_end().len();
    assert_eq!(loaded_at, (closing..=bytes.len()).collect::<Vec<_>>());
}

#[test]
fn a_journal_cut_at_any_byte_recovers_its_whole_events_and_says_so() {
    let all = events();
    for base in [0, 3] {
        let dir = tempfile::tempdir().unwrap();
        let (file, journal) = with_journal(dir.path(), base);
        let bytes = std::fs::read(&journal).unwrap();
        for cut in 0..=bytes.len() {
            std::fs::write(&journal, &bytes[..cut]).unwrap();
            let kept = &bytes[..cut];
            let whole_lines = kept.iter().filter(|&&b| b == b'\n').count();
            let torn = !kept.is_empty() && !kept.ends_with(b"\n");
            let loaded = load_session(&file).unwrap_or_else(|e| {
                panic!("base {base}, journal cut at byte {cut} of {}: refused: {e}", bytes.len())
            });
            let n = loaded.session.events.len();
            assert_eq!(
                loaded.session.events,
                all[..n],
                "base {base}, cut at {cut}: not a prefix of the log"
            );
            // Every whole line is kept, and a last line that lacks only its newline;
            // a torn one is dropped, and that is said.
            let lacks_only_newline = torn && bytes[cut] == b'\n';
            let expected = base.max(whole_lines + usize::from(lacks_only_newline));
            assert_eq!(n, expected, "base {base}, cut at {cut}: {whole_lines} whole lines");
            let said = loaded.note.is_some();
            assert_eq!(
                said,
                torn && !lacks_only_newline,
                "base {base}, cut at {cut}: {:?}",
                loaded.note
            );
            if let Some(note) = loaded.note {
                assert!(
                    note.starts_with(&journal.display().to_string())
                        && note.ends_with("recovered up to its last whole event; a line cut short by a crash was dropped"),
                    "{note}"
                );
            }
            assert_eq!(loaded.from_journal, n - base);
        }
    }
}
