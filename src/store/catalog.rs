//! What is in a folder: plans to run, sessions to resume.

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};

use super::index;
use super::locate::{field_value, first_two};
use super::plan_file::parse_plan;
use super::ron_text::read;
use crate::model::Plan;
pub use crate::model::listing::{SessionInfo, all_series, left_out};
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
        // A session under another name, or none, still has its version: no plan has one.
        (Some("Plan" | "("), _) if field_value(text, "version").is_some() => FileKind::Session,
        (Some("Plan"), _) => FileKind::Plan,
        (Some("Session"), _) => FileKind::Session,
        (Some("Theme"), _) => FileKind::Theme,
        // A keymap is a map keyed by action names; braces then quotes is JSON.
        (Some("{"), Some(key)) if !key.starts_with('"') => FileKind::Keymap,
        _ => FileKind::Unknown,
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
