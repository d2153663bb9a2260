//! Control characters and direction overrides: refused in a plan as they are
//! when typed, and never written raw to a terminal by any output, even from a
//! session recorded before they were refused.

mod common;

use common::tmux::run;
use common::{MIN, at, session};
use roundtable::model::Event;
use roundtable::model::queue::HandKind;
use roundtable::store::session_file::to_text;

const PLAN: &str = r#"Plan(
    title: "Evil",
    participants: [
        (name: "Amina", role: "resident"),
        (name: "NAME", role: "carer"),
    ],
    stages: [
        (title: "One", duration: "10m"),
    ],
)
"#;

/// No escape, bell, carriage return or direction override in what a command printed.
fn assert_inert(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    let raw = text.chars().find(|&c| roundtable::model::text::unsafe_char(c) && c != '\n');
    assert_eq!(raw, None, "{what} printed a raw {raw:?}:\n{text}");
}

/// Takes a backslash off the punctuation after it, as a reader of JSON or Markdown would.
fn unescape(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (c, chars.peek()) {
            ('\\', Some(&next)) if next.is_ascii_punctuation() => {
                out.push(next);
                chars.next();
            }
            _ => out.push(c),
        }
    }
    out
}

#[test]
fn a_plan_naming_someone_with_an_escape_sequence_is_refused_at_its_place() {
    let dir = tempfile::tempdir().unwrap();
    for (bad, found) in [
        (r"Bob\u{1b}]0;PWNED\u{7}", "U+001B"),
        (r"Bob\rAlice", "U+000D"),
        (r"\u{202e}boB", "U+202E"),
        (r"Bob\u{2066}x", "U+2066"),
    ] {
        std::fs::write(dir.path().join("plan.ron"), PLAN.replace("NAME", bad)).unwrap();
        let out = run(dir.path(), &["check", "plan.ron"]);
        assert_eq!(out.status.code(), Some(1));
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.starts_with(&format!(
                "plan.ron:5:16: participants[1].name: text without control characters or direction overrides, found {found}"
            )),
            "{err}"
        );
        assert_inert("check", &out.stderr);
    }
}

#[test]
fn checks_own_messages_never_echo_an_escape_sequence() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("plan.ron"),
        "Plan(title: \"x\", stages: [\x1b[2J\x1b]52;c;aGVsbG8=\x07])\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("esc\x1b[2J.ron"), "Plan(title: 3)").unwrap();
    for file in ["plan.ron", "esc\x1b[2J.ron"] {
        let out = run(dir.path(), &["check", file]);
        assert_eq!(out.status.code(), Some(1));
        assert_inert("check", &out.stderr);
        assert_inert("check", &out.stdout);
    }
}

#[test]
fn a_session_recorded_before_the_refusal_loads_and_shows_them_written_out() {
    let dir = tempfile::tempdir().unwrap();
    let evil = "Bob\u{1b}]52;c;aGVsbG8=\u{7}";
    let mut plan = common::plan();
    plan.participants[0].name = evil.into();
    plan.title = "Title \u{202e}desrever".into();
    let events = vec![
        at(0, Event::TimerStarted),
        at(MIN, Event::HandRaised { who: evil.into(), kind: HandKind::Normal }),
        at(2 * MIN, Event::FloorGiven { who: evil.into() }),
        at(3 * MIN, Event::TurnEnded),
        at(
            4 * MIN,
            Event::IdeaCaptured {
                text: "An idea \u{1b}[2J".into(),
                author: Some(evil.into()),
                components: vec![],
            },
        ),
    ];
    let s = roundtable::model::session::Session { plan, ..session(events) };
    std::fs::write(dir.path().join("old.ron"), to_text(&s).unwrap()).unwrap();
    let out = run(dir.path(), &["check", "old.ron"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    for format in ["md", "csv", "json"] {
        let out = run(dir.path(), &["report", "old.ron", "--format", format]);
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
        assert_inert(format, &out.stdout);
        // JSON writes the backslash itself escaped, Markdown its punctuation.
        let text = unescape(&String::from_utf8_lossy(&out.stdout));
        assert!(text.contains(r"Bob\u{1b}]52;c;aGVsbG8=\u{7}"), "{format}:\n{text}");
        assert!(text.contains(r"\u{202e}desrever"), "{format}:\n{text}");
    }
    // Its airtime is still Bob's: names in the plan and the events still match.
    let out = run(dir.path(), &["report", "old.ron", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let bob = json["participants"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"].as_str().unwrap().starts_with("Bob"))
        .unwrap();
    assert_eq!(bob["spoken_s"], 60);
}
