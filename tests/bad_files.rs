//! Every bad file under tests/bad/ exits 1 with the message pinned beside it
//! in a `.err` file: `FILE:LINE:COLUMN: what was expected`, the line, a caret.

use std::path::Path;
use std::process::Command;

fn check(file: &Path) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_roundtable"))
        .arg("check")
        .arg(file)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

#[test]
fn every_bad_file_has_its_pinned_message() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    files.sort();
    assert!(files.len() >= 30, "the catalogue has shrunk to {}", files.len());
    let bless = std::env::var_os("BLESS").is_some();
    let mut wrong = Vec::new();
    for path in files {
        let relative = path.strip_prefix(env!("CARGO_MANIFEST_DIR")).unwrap().to_path_buf();
        let (code, stdout, stderr) = check(&relative);
        assert_eq!(code, Some(1), "{}: exit status", relative.display());
        assert_eq!(stdout, "", "{}: nothing on stdout", relative.display());
        assert!(!stderr.contains("panicked") && !stderr.contains("backtrace"), "{stderr}");
        let first = stderr.lines().next().unwrap_or_default();
        let expected_start = format!("{}:", relative.display());
        assert!(first.starts_with(&expected_start), "{first}");
        let pinned = path.with_extension("err");
        if bless {
            std::fs::write(&pinned, &stderr).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&pinned).unwrap_or_default();
        if expected != stderr {
            wrong.push(format!("{}\n--- pinned\n{expected}--- got\n{stderr}", relative.display()));
        }
    }
    assert!(
        wrong.is_empty(),
        "messages changed (rerun with BLESS=1 after reading them):\n{}",
        wrong.join("\n")
    );
}

#[test]
fn messages_name_a_line_and_a_column_for_content() {
    let (_, _, stderr) = check(Path::new("tests/bad/unknown-kind.ron"));
    assert_eq!(
        stderr.lines().next().unwrap(),
        "tests/bad/unknown-kind.ron:4:49: stages[0].kind: one of `Round`, `Discussion`, `Ideas`, `Reflection`, `Break`, found `Brainstorm`"
    );
    assert_eq!(
        stderr.lines().nth(2).unwrap(),
        "   |                                                 ^"
    );
}
