//! What is in a folder: plans to run, sessions to resume.

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};

use super::index;
use super::locate::first_two;
use super::plan_file::parse_plan;
use super::ron_text::read;
use crate::model::Plan;
use crate::model::plan::BUILT_IN;

/// What a file holds, judged by its first word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Plan,
    Session,
    Theme,
    Keymap,
    Unknown,
}

pub fn kind_of(text: &str) -> FileKind {
    match first_two(text) {
        (Some("Plan"), _) => FileKind::Plan,
        (Some("Session"), _) => FileKind::Session,
        (Some("Theme"), _) => FileKind::Theme,
        // A keymap is a map keyed by action names; braces then quotes is JSON.
        (Some("{"), Some(key)) if !key.starts_with('"') => FileKind::Keymap,
        _ => FileKind::Unknown,
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct SessionInfo {
    pub path: PathBuf,
    pub title: String,
    pub series: Option<String>,
    pub started: DateTime<FixedOffset>,
    pub ended: bool,
    /// Recorded faster than real time (`ROUNDTABLE_SPEED`).
    pub rehearsal: bool,
    /// The current stage (1-based) and how many there are.
    pub stage: (usize, usize),
}

impl SessionInfo {
    /// Why the session is left out of its series' verdict unless asked for,
    /// in a word; None when it counts.
    pub fn left_out(&self) -> Option<&'static str> {
        left_out(self.ended, self.rehearsal)
    }
}

/// A rehearsal, or a workshop that never finished, says nothing of how power
/// was shared: in a word, why it is left out; None when it counts.
pub fn left_out(ended: bool, rehearsal: bool) -> Option<&'static str> {
    match (rehearsal, ended) {
        (true, _) => Some("rehearsal"),
        (false, false) => Some("unfinished"),
        (false, true) => None,
    }
}

/// The sessions in `dir`, newest first. Files that do not load are left out.
pub fn sessions(dir: &Path) -> Vec<SessionInfo> {
    let mut found: Vec<SessionInfo> = index::headers(dir, &ron_files(dir), None)
        .into_iter()
        .map(|(path, h)| SessionInfo {
            path,
            title: h.title,
            series: h.series,
            started: h.started,
            ended: h.ended,
            rehearsal: h.rehearsal,
            stage: h.stage,
        })
        .collect();
    found.sort_by(|a, b| b.started.cmp(&a.started).then(b.path.cmp(&a.path)));
    found
}

/// The newest finished, real session of `series` in `dir` that began before
/// `started`, other than `not` (which is not read): the "then" a reflection
/// is set beside.
pub fn before(
    dir: &Path,
    series: &str,
    started: DateTime<FixedOffset>,
    not: &Path,
) -> Option<PathBuf> {
    index::headers(dir, &ron_files(dir), Some(not))
        .into_iter()
        .filter(|(_, h)| {
            h.series.as_deref() == Some(series)
                && h.started < started
                && left_out(h.ended, h.rehearsal).is_none()
        })
        .map(|(path, h)| (h.started, path))
        .max()
        .map(|(_, path)| path)
}

/// Every session of `series` in `dir`, oldest first, each with why it is
/// left out of the verdict unless asked for (None when it counts).
pub fn series(dir: &Path, series: &str) -> Vec<(PathBuf, Option<&'static str>)> {
    let mut found: Vec<(DateTime<FixedOffset>, PathBuf, Option<&'static str>)> =
        index::headers(dir, &ron_files(dir), None)
            .into_iter()
            .filter(|(_, h)| h.series.as_deref() == Some(series))
            .map(|(path, h)| (h.started, path, left_out(h.ended, h.rehearsal)))
            .collect();
    found.sort();
    found.into_iter().map(|(_, path, why)| (path, why)).collect()
}

/// The series in `dir` with how many sessions each has that count (finished,
/// real), and how many more are left out, for the home screen.
pub fn all_series(sessions: &[SessionInfo]) -> Vec<(String, usize, usize)> {
    let mut out: Vec<(String, usize, usize)> = Vec::new();
    for info in sessions {
        if let Some(series) = &info.series {
            let at = match out.iter().position(|(s, _, _)| s == series) {
                Some(at) => at,
                None => {
                    out.push((series.clone(), 0, 0));
                    out.len() - 1
                }
            };
            match info.left_out() {
                None => out[at].1 += 1,
                Some(_) => out[at].2 += 1,
            }
        }
    }
    out
}

/// Plan files in `dir`, by file name, except a copy of the built-in plan.
pub fn plans(dir: &Path) -> Vec<(PathBuf, Plan)> {
    ron_files(dir)
        .into_iter()
        .filter_map(|path| {
            let text = read(&path).ok()?;
            if text == BUILT_IN || kind_of(&text) != FileKind::Plan {
                return None;
            }
            Some((path.clone(), parse_plan(&path, &text).ok()?))
        })
        .collect()
}

fn ron_files(dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ron") && p.is_file())
        .collect();
    files.sort();
    files
}
