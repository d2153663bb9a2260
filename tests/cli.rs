//! The commands, as a script or a person types them.

mod common;

use std::process::{Command, Output};

use common::{MIN, at, session};
use roundtable::model::Event;
use roundtable::store::session_file::to_text;

fn roundtable(dir: &std::path::Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_roundtable")).args(args).current_dir(dir).output().unwrap()
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn new_writes_the_built_in_plan_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    let out = roundtable(dir.path(), &["new", "mine.ron"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = std::fs::read_to_string(dir.path().join("mine.ron")).unwrap();
    assert_eq!(text, roundtable::model::plan::BUILT_IN);
    assert!(text.contains("// "), "the starter plan is commented");
    let check = roundtable(dir.path(), &["check", "mine.ron"]);
    assert_eq!(stdout(&check), "ok mine.ron\n");
    std::fs::write(dir.path().join("mine.ron"), "edited").unwrap();
    let again = roundtable(dir.path(), &["new", "mine.ron"]);
    assert_eq!(again.status.code(), Some(1));
    assert_eq!(
        stderr(&again),
        "mine.ron: already exists; roundtable never overwrites a file, so choose another name\n"
    );
    assert_eq!(std::fs::read_to_string(dir.path().join("mine.ron")).unwrap(), "edited");
}

#[test]
fn check_reports_each_file_and_fails_if_any_does() {
    let dir = tempfile::tempdir().unwrap();
    roundtable(dir.path(), &["new", "good.ron"]);
    std::fs::write(dir.path().join("bad.ron"), "Plan(title: \"x\")").unwrap();
    let out = roundtable(dir.path(), &["check", "good.ron", "bad.ron", "missing.ron"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(stdout(&out), "ok good.ron\n");
    let err = stderr(&out);
    assert!(err.starts_with("bad.ron:1:16: the field `stages`, which the plan needs\n"), "{err}");
    assert!(err.contains("missing.ron: no such file\n"), "{err}");
    assert!(err.ends_with("2 files have problems\n"), "{err}");
}

#[test]
fn check_of_a_version_1_session_prints_ok_and_notes_the_migration_apart() {
    let dir = tempfile::tempdir().unwrap();
    let v1 = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/version-1.ron");
    std::fs::copy(v1, dir.path().join("old.ron")).unwrap();
    let out = roundtable(dir.path(), &["check", "old.ron"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), "ok old.ron\n");
    assert_eq!(
        stderr(&out),
        "old.ron: a version 1 session, read as version 2; it is written as version 2 when next saved\n"
    );
}

#[test]
fn report_prints_markdown_and_json() {
    let dir = tempfile::tempdir().unwrap();
    let s = session(vec![
        at(0, Event::TimerStarted),
        at(12 * MIN, Event::StageChanged { to: 1 }),
        at(30 * MIN, Event::TimerPaused),
    ]);
    std::fs::write(dir.path().join("s.ron"), to_text(&s).unwrap()).unwrap();
    let md = roundtable(dir.path(), &["report", "s.ron"]);
    assert!(md.status.success(), "{}", stderr(&md));
    let md = stdout(&md);
    assert!(
        md.starts_with(
            "# Community health co-design: what would make the clinic feel like ours?\n"
        ),
        "{md}"
    );
    assert!(md.contains("| 1 | Welcome and check-in | 10:00 |  | 12:00 | +02:00 |"), "{md}");
    assert!(md.contains("| 3 | Ideas 💡 アイデア | 25:00 |  | not reached |  |"), "{md}");
    assert!(md.contains("Ended: not yet"), "{md}");

    let json = roundtable(dir.path(), &["report", "s.ron", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(json["started"], "2026-11-25T19:00:00+00:00");
    assert_eq!(json["ended"], serde_json::Value::Null);
    assert_eq!(json["stages"][0]["actual_s"], 720);
    assert_eq!(json["stages"][1]["actual_s"], 1080);
    assert_eq!(json["stages"][1]["planned_s"], 1200);
}

#[test]
fn keys_prints_a_keymap_that_checks_and_loads() {
    let dir = tempfile::tempdir().unwrap();
    let out = roundtable(dir.path(), &["keys"]);
    std::fs::write(dir.path().join("keys.ron"), &out.stdout).unwrap();
    assert_eq!(stdout(&roundtable(dir.path(), &["check", "keys.ron"])), "ok keys.ron\n");
    std::fs::write(dir.path().join("mine.ron"), "{ NextStage: [\"PageDown\"] }").unwrap();
    let mine = stdout(&roundtable(dir.path(), &["keys", "--keymap", "mine.ron"]));
    assert!(mine.contains("    NextStage: [\"PageDown\"],\n"), "{mine}");
}

#[test]
fn the_console_without_a_terminal_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let out = roundtable(dir.path(), &["run"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("the console needs a terminal"));
    assert!(!dir.path().join("sessions").exists(), "nothing recorded without a console");
}

#[test]
fn a_bad_plan_is_refused_before_anything_starts() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("p.ron"),
        "Plan(title: \"x\", stages: [(title: \"A\", duration: \"0s\")])",
    )
    .unwrap();
    let out = roundtable(dir.path(), &["run", "p.ron"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).starts_with("p.ron:1:50: stages[0].duration: a duration longer than zero"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn usage_mistakes_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(roundtable(dir.path(), &["dance"]).status.code(), Some(2));
    assert_eq!(roundtable(dir.path(), &["check"]).status.code(), Some(2));
    assert_eq!(
        roundtable(dir.path(), &["report", "s.ron", "--format", "pdf"]).status.code(),
        Some(2)
    );
}

#[test]
fn themes_lists_each_with_its_lowest_contrast_and_names_a_broken_one() {
    let dir = tempfile::tempdir().unwrap();
    let themes = dir.path().join("themes");
    std::fs::create_dir(&themes).unwrap();
    let light = concat!(env!("CARGO_MANIFEST_DIR"), "/themes/light.ron");
    std::fs::copy(light, themes.join("projector.ron")).unwrap();
    std::fs::write(themes.join("broken.ron"), "Theme(\n  nonsense: 1,\n)\n").unwrap();
    std::fs::write(themes.join("notes.txt"), "not a theme").unwrap();
    let out = roundtable(dir.path(), &["themes"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let listed = stdout(&out);
    let lines: Vec<&str> = listed.lines().collect();
    let names: Vec<&str> = lines.iter().filter_map(|l| l.split_whitespace().next()).collect();
    assert_eq!(
        names,
        ["dark", "light", "high-contrast", "colour-blind", "mono", "broken", "projector"],
        "{listed}"
    );
    // The copy of light has light's figures, and says where it came from.
    let ratio = |line: &str| line.split_whitespace().nth(1).map(str::to_string);
    assert_eq!(ratio(lines[6]), ratio(lines[1]));
    assert!(lines[6].ends_with("themes/projector.ron"), "{listed}");
    assert!(lines[1].ends_with("built in"), "{listed}");
    assert!(lines[4].contains("no colours"), "{listed}");
    assert!(lines[5].contains("themes/broken.ron:2:3: nonsense:"), "{listed}");
    // Every built-in theme with colours clears WCAG's 4.5:1 for text.
    for line in &lines[..4] {
        let figure = ratio(line).unwrap();
        let r: f64 = figure.trim_end_matches(":1").parse().unwrap();
        assert!(r >= 4.5, "{line}");
    }
}

#[test]
fn a_plan_saved_with_a_byte_order_mark_checks_and_errors_count_columns_without_it() {
    let dir = tempfile::tempdir().unwrap();
    roundtable(dir.path(), &["new", "plan.ron"]);
    let plan = std::fs::read_to_string(dir.path().join("plan.ron")).unwrap();
    std::fs::write(dir.path().join("bom.ron"), format!("\u{feff}{plan}")).unwrap();
    let out = roundtable(dir.path(), &["check", "bom.ron"]);
    assert_eq!(stdout(&out), "ok bom.ron\n", "{}", stderr(&out));
    // The same mistake is placed at the same line and column with the mark or without it.
    std::fs::write(dir.path().join("bad.ron"), "\u{feff}Plan(\n  title: 1)").unwrap();
    std::fs::write(dir.path().join("bad-too.ron"), "Plan(\n  title: 1)").unwrap();
    let with = stderr(&roundtable(dir.path(), &["check", "bad.ron"]));
    let without = stderr(&roundtable(dir.path(), &["check", "bad-too.ron"]));
    assert!(with.starts_with("bad.ron:2:"), "{with}");
    assert_eq!(with.replace("bad.ron", "bad-too.ron"), without);
}

#[test]
fn a_series_saved_with_byte_order_marks_is_still_found() {
    let dir = tempfile::tempdir().unwrap();
    let examples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/examples");
    for entry in std::fs::read_dir(examples).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(dir.path().join(path.file_name().unwrap()), format!("\u{feff}{text}"))
            .unwrap();
    }
    let out =
        roundtable(dir.path(), &["compare", "--series", "what-matters", ".", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["sessions"].as_array().map(Vec::len), Some(3));
}

#[test]
fn a_door_address_that_makes_no_sense_is_said_before_anything_is_created() {
    let dir = tempfile::tempdir().unwrap();
    for wrong in ["nonsense", "300.1.1.1:80", "127.0.0.1:99999"] {
        let out = roundtable(dir.path(), &["run", "--door", wrong]);
        assert_eq!(out.status.code(), Some(1), "{wrong}");
        let said = stderr(&out);
        assert!(said.starts_with(&format!("--door {wrong}: expected an address")), "{said}");
        assert!(!said.contains("panicked") && !said.contains("backtrace"), "{said}");
    }
    assert!(!dir.path().join("sessions").exists(), "no session was started");
}
