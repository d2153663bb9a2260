//! The code's shape: each folder uses only the folders below it, so the model
//! stays pure and the screen never reaches for a file.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// What each folder of `src/` may use. Anything not a folder (`commands.rs`,
/// `cli.rs`, `main.rs`) sits on top and may use everything.
const ALLOWED: &[(&str, &[&str])] = &[
    ("model", &[]),
    ("input", &[]),
    ("store", &["model", "input"]),
    ("report", &["model"]),
    ("app", &["model", "input", "report"]),
    ("ui", &["app", "input", "model", "report"]),
    ("workshop", &["app", "input", "model", "report", "store"]),
    ("door", &["model"]),
    ("console", &["app", "door", "input", "model", "report", "store", "ui", "workshop"]),
];

/// Crates a folder must not name: the model and the app know no terminal.
const NO_TERMINAL: &[&str] = &["model", "input", "store", "report", "app", "workshop", "door"];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The code of a file, comments left out.
fn code(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, line)| (i + 1, line.split("//").next().unwrap_or("")))
        .filter(|(_, line)| !line.trim().is_empty())
}

/// Every `crate::FOLDER` a folder's files name, with where.
fn uses(folder: &str) -> BTreeMap<String, Vec<String>> {
    let mut files = Vec::new();
    rust_files(&Path::new("src").join(folder), &mut files);
    let mut found: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for (n, line) in code(&text) {
            for (at, _) in line.match_indices("crate::") {
                let name: String = line[at + 7..]
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                found.entry(name).or_default().push(format!("{}:{n}", file.display()));
            }
        }
    }
    found
}

#[test]
fn every_folder_uses_only_what_it_may() {
    let folders: BTreeSet<&str> = ALLOWED.iter().map(|(f, _)| *f).collect();
    let mut wrong = Vec::new();
    for (folder, allowed) in ALLOWED {
        for (used, places) in uses(folder) {
            if used != *folder && folders.contains(used.as_str()) && !allowed.contains(&&*used) {
                wrong.push(format!("{folder} uses {used}: {}", places.join(", ")));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_model_and_the_app_know_no_terminal() {
    let mut wrong = Vec::new();
    for folder in NO_TERMINAL {
        let mut files = Vec::new();
        rust_files(&Path::new("src").join(folder), &mut files);
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            for (n, line) in code(&text) {
                // `input` names the key events, once, for the rest to use.
                let keys = *folder == "input" && line.contains("crossterm");
                if (line.contains("ratatui") || line.contains("crossterm")) && !keys {
                    wrong.push(format!("{}:{n}: {}", file.display(), line.trim()));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_model_reads_no_files_and_no_clock() {
    let mut files = Vec::new();
    rust_files(Path::new("src/model"), &mut files);
    let mut wrong = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for (n, line) in code(&text) {
            if ["std::fs", "std::io", "Instant", "SystemTime", "::now()", "std::env"]
                .iter()
                .any(|banned| line.contains(banned))
            {
                wrong.push(format!("{}:{n}: {}", file.display(), line.trim()));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn every_folder_says_at_its_top_what_lives_there_and_what_it_may_use() {
    for (folder, _) in ALLOWED {
        let path = Path::new("src").join(folder).join("mod.rs");
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.starts_with("//! "), "{} starts without a `//!` line", path.display());
    }
}

#[test]
fn no_file_is_over_five_hundred_lines() {
    let mut files = Vec::new();
    rust_files(Path::new("src"), &mut files);
    let long: Vec<String> = files
        .iter()
        .map(|f| (f, std::fs::read_to_string(f).unwrap().lines().count()))
        .filter(|(_, n)| *n > 500)
        .map(|(f, n)| format!("{}: {n} lines", f.display()))
        .collect();
    assert!(long.is_empty(), "split these by concept: {}", long.join(", "));
}
