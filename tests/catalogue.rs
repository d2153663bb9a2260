//! The catalogue of bad files under tests/bad/ (whose pinned messages
//! tests/bad_files.rs checks): at least forty, of every kind of file, each
//! pinned with its line and column, the line itself and a caret under it.

use std::path::Path;
use std::process::Command;

fn bad(dir: &str) -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut found: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            let pinned = std::fs::read_to_string(p.with_extension("err")).unwrap_or_default();
            (name, pinned)
        })
        .collect();
    found.sort();
    found
}

#[test]
fn at_least_forty_bad_files_of_every_kind() {
    let files = bad("tests/bad");
    assert!(files.len() >= 40, "the catalogue holds {} files", files.len());
    let kind = |prefix: &str| files.iter().filter(|(n, _)| n.starts_with(prefix)).count();
    let (themes, keymaps, sessions) = (kind("theme-"), kind("keymap-"), kind("session-"));
    let plans = files.len() - themes - keymaps - sessions;
    assert!(themes >= 5, "{themes} themes");
    assert!(keymaps >= 5, "{keymaps} keymaps");
    assert!(sessions >= 15, "{sessions} sessions");
    assert!(plans >= 15, "{plans} plans");
}

#[test]
fn every_pinned_message_has_a_line_a_column_and_a_caret() {
    for (name, pinned) in bad("tests/bad") {
        let lines: Vec<&str> = pinned.lines().collect();
        assert_eq!(lines.last(), Some(&"1 file has a problem"), "{name}");
        let prefix = format!("tests/bad/{name}:");
        let rest = lines[0].strip_prefix(&prefix).unwrap_or_else(|| panic!("{name}: {pinned}"));
        let mut parts = rest.splitn(3, ':');
        let line: usize = parts.next().unwrap().parse().unwrap_or_else(|_| panic!("{pinned}"));
        let col: usize = parts.next().unwrap().parse().unwrap_or_else(|_| panic!("{pinned}"));
        let message = parts.next().unwrap_or_default();
        assert!(line >= 1 && col >= 1, "{name}: {pinned}");
        assert!(message.starts_with(' ') && message.trim().len() > 3, "{name}: {pinned}");
        let bytes = std::fs::read(Path::new("tests/bad").join(&name)).unwrap();
        // What there is of text: up to the first byte that is not UTF-8.
        let text = match std::str::from_utf8(&bytes) {
            Ok(text) => text,
            Err(e) => std::str::from_utf8(&bytes[..e.valid_up_to()]).unwrap(),
        };
        let Some(shown) = text.lines().nth(line - 1).filter(|l| !l.trim().is_empty()) else {
            // An empty file, or bytes that are not text before the first line: none to show.
            assert_eq!(lines.len(), 2, "{name}: {pinned:?}");
            continue;
        };
        assert!(col <= shown.chars().count() + 1, "{name}: column {col} past the line's end");
        // The line as it is in the file, then a caret under the column.
        assert!(lines.len() >= 4, "{name}: {pinned:?}");
        assert!(lines[1].starts_with(&format!(" {line} | ")), "{name}: {pinned}");
        assert!(lines[2].trim_end().ends_with('^'), "{name}: {pinned}");
    }
}

fn check(text: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("f.ron"), text).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_roundtable"))
        .args(["check", "f.ron"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    String::from_utf8_lossy(&out.stderr).lines().next().unwrap_or_default().to_string()
}

const SESSION: &str = r#"Session(
    version: 1,
    started: "2026-11-25T19:00:00+00:00",
    plan: Plan(title: "T", stages: [(title: "A", duration: "10m")]),
    events: [
        EVENT
    ],
)
"#;

#[test]

fn a_negative_time_is_said_to_be_negative() {
    let first = check(&SESSION.replace("EVENT", "(at: -5, event: TimerStarted),"));
    assert!(first.starts_with("f.ron:6:15: events[0].at: "), "{first}");
    assert!(!first.contains("a smaller number"), "{first}");
    assert!(first.contains("negative") || first.contains("0 or more"), "{first}");
}

#[test]

fn an_event_without_its_time_is_said_in_the_files_words() {
    let first = check(&SESSION.replace("EVENT", "(event: TimerStarted),"));
    assert!(first.starts_with("f.ron:6:"), "{first}");
    assert!(first.contains("`at`"), "{first}");
    assert!(!first.contains("Logged") && !first.contains("a `at`"), "{first}");
}

#[test]

fn a_keymap_cut_short_asks_for_its_closing_brace() {
    let first = check("{\n    NextStage: [\"n\"],\n    Undo: [\"u\"],\n");
    assert!(first.starts_with("f.ron:3:"), "{first}");
    assert!(first.contains("`}`"), "{first}");
}

#[test]
fn the_home_screen_lists_the_plans_beside_the_sessions_folder_it_was_given() {
    use roundtable::app::home::Entry;
    use roundtable::workshop::open::home_screen;
    let dir = tempfile::tempdir().unwrap();
    let plans = dir.path().join("town-hall");
    std::fs::create_dir_all(plans.join("recorded")).unwrap();
    std::fs::write(plans.join("evening.ron"), include_str!("fixtures/plan.ron")).unwrap();
    let listed = |home: roundtable::app::home::Home| -> Vec<std::path::PathBuf> {
        home.entries
            .into_iter()
            .filter_map(|e| match e {
                Entry::Plan { path, .. } => Some(path),
                _ => None,
            })
            .collect()
    };
    assert_eq!(listed(home_screen(&plans.join("recorded"))), [plans.join("evening.ron")]);
    // Another sessions folder, with no plans beside it, lists none.
    let elsewhere = dir.path().join("other").join("recorded");
    assert!(listed(home_screen(&elsewhere)).is_empty());
}
