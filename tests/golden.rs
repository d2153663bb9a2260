//! Golden outputs of `report` and `compare`, in all three formats, for the
//! example series recorded by driving the real program (sessions/examples/).
//! After reading a change: `BLESS=1 cargo test --test golden`.

use std::path::{Path, PathBuf};
use std::process::Command;

fn examples() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/examples");
    let mut found: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .map(|p| p.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap().to_path_buf())
        .collect();
    found.sort();
    assert_eq!(found.len(), 3, "the example series has three sessions");
    found
}

fn roundtable(args: &[&str]) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_roundtable"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

fn golden(name: &str, got: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden").join(name);
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(&path, got).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        want == got,
        "{name} changed (BLESS=1 after reading it):\n--- want\n{want}\n--- got\n{got}"
    );
}

#[test]
fn report_in_three_formats() {
    let first = examples()[0].display().to_string();
    for format in ["md", "csv", "json"] {
        let (code, out, err) = roundtable(&["report", &first, "--format", format]);
        assert_eq!(code, Some(0), "{err}");
        golden(&format!("report.{format}"), &out);
    }
    let (_, json, _) = roundtable(&["report", &first, "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    for field in [
        "title",
        "series",
        "started",
        "ended",
        "stages",
        "participants",
        "roles",
        "equality",
        "ideas",
        "actions",
        "reflections",
    ] {
        assert!(json.get(field).is_some(), "the contract's {field} is in the report");
    }
}

#[test]
fn compare_in_three_formats() {
    let files: Vec<String> = examples().iter().map(|p| p.display().to_string()).collect();
    let mut args = vec!["compare"];
    args.extend(files.iter().map(String::as_str));
    for format in ["md", "csv", "json"] {
        let mut with = args.clone();
        with.extend(["--format", format]);
        let (code, out, err) = roundtable(&with);
        assert_eq!(code, Some(0), "{err}");
        golden(&format!("compare.{format}"), &out);
    }
    // The same, found by series, oldest first.
    let (_, by_series, _) = roundtable(&[
        "compare",
        "--series",
        "what-matters",
        "sessions/examples",
        "--format",
        "json",
    ]);
    let (_, by_files, _) = roundtable(&[args.clone(), vec!["--format", "json"]].concat());
    assert_eq!(by_series, by_files);
    let json: serde_json::Value = serde_json::from_str(&by_series).unwrap();
    let sessions = json["sessions"].as_array().unwrap();
    assert_eq!(sessions.len(), 3);
    assert!(sessions[0]["started"].as_str() < sessions[2]["started"].as_str(), "oldest first");
}

#[test]
fn compare_names_what_does_not_fit_in_one_line() {
    let files = examples();
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("other.ron");
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(&files[0])).unwrap();
    std::fs::write(
        &other,
        text.replace("series: Some(\"what-matters\")", "series: Some(\"elsewhere\")"),
    )
    .unwrap();
    let first = files[0].display().to_string();
    let (code, out, err) = roundtable(&["compare", &first, other.to_str().unwrap()]);
    assert_eq!(code, Some(1));
    assert_eq!(out, "");
    assert_eq!(
        err,
        format!(
            "{}: a session of the series \"elsewhere\", not of the series \"what-matters\" like {first}\n",
            other.display()
        )
    );
    let (code, _, err) = roundtable(&["compare", &first, "nowhere.ron"]);
    assert_eq!(code, Some(1));
    assert_eq!(err, "nowhere.ron: no such file\n");
    let (code, _, err) = roundtable(&["compare", "--series", "nobody", "sessions/examples"]);
    assert_eq!(code, Some(1));
    assert_eq!(err, "sessions/examples: no sessions of the series \"nobody\" here\n");
}
