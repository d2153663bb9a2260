//! The append-only journal beside a running session: one event per line,
//! each made durable before the screen shows it. Its cost per event does not
//! grow with the session; it is merged into the session file on exit and on resume.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::error::FileError;
use super::locate::Position;
use super::ron_text::{io_words, options};
use crate::model::Ms;
use crate::model::event::{Event, Logged};

/// One line: `n` is the event's place in the whole log, so lines already
/// merged into the session file are recognised and skipped.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Line {
    n: usize,
    at: Ms,
    event: Event,
}

pub struct Journal {
    file: File,
    pub path: PathBuf,
}

impl Journal {
    /// Opens (or creates) the journal for appending.
    pub fn open(path: &Path) -> Result<Journal, FileError> {
        let file = OpenOptions::new().create(true).append(true).open(path).map_err(|e| {
            FileError::whole(path, format!("cannot open the journal: {}", io_words(&e)))
        })?;
        super::sync_folder(path);
        Ok(Journal { file, path: path.to_path_buf() })
    }

    /// Writes one event and waits until the disk has it.
    /// A write the disk refuses part way (full, read-only, failing) is cut back
    /// off, so the journal never holds half a line between two whole ones.
    pub fn append(&mut self, n: usize, logged: &Logged) -> std::io::Result<()> {
        let line = Line { n, at: logged.at, event: logged.event.clone() };
        let mut text = ron::to_string(&line).map_err(std::io::Error::other)?;
        text.push('\n');
        let before = self.file.metadata()?.len();
        let written = self.file.write_all(text.as_bytes()).and_then(|()| self.file.sync_data());
        if written.is_err() {
            // Shrinking needs no space, so this works on a full disk too.
            let _ = self.file.set_len(before);
        }
        written
    }
}

/// What a journal held: the events from `base` on, and whether a torn last line was dropped.
pub struct Recovered {
    pub events: Vec<Logged>,
    pub dropped_torn_line: bool,
}

/// Reads the journal's events that follow the first `base` events of the log.
/// A last line cut short by a crash was never acknowledged, so it is dropped;
/// a bad line before the end is an error.
pub fn read(path: &Path, base: usize) -> Result<Option<Recovered>, FileError> {
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(FileError::whole(
                path,
                format!("cannot read the journal: {}", io_words(&e)),
            ));
        }
    };
    // For pointing at a place in errors only: each line is read from its own bytes.
    let text = String::from_utf8_lossy(&bytes);
    let mut events = Vec::new();
    let mut dropped_torn_line = false;
    let mut offset = 0;
    let lines: Vec<&[u8]> = bytes.split_inclusive(|&b| b == b'\n').collect();
    for (i, raw) in lines.iter().enumerate() {
        let start = offset;
        offset += raw.len();
        let complete = raw.ends_with(b"\n");
        let torn_tail = i + 1 == lines.len() && !complete;
        let line = match std::str::from_utf8(raw) {
            Ok(line) => line.trim(),
            Err(_) if torn_tail => {
                dropped_torn_line = true;
                continue;
            }
            Err(e) => {
                let col = String::from_utf8_lossy(&raw[..e.valid_up_to()]).chars().count() + 1;
                return Err(FileError::at(
                    path,
                    &text,
                    Some(Position { line: i + 1, col }),
                    "text in UTF-8, found bytes that are not",
                ));
            }
        };
        if line.is_empty() {
            continue;
        }
        let parsed: Result<Line, _> = options().from_str(line);
        match parsed {
            Ok(entry) if entry.n < base + events.len() => {}
            Ok(entry) if entry.n == base + events.len() => {
                events.push(Logged { at: entry.at, event: entry.event })
            }
            Ok(entry) => {
                return Err(FileError::at(
                    path,
                    &text,
                    Some(Position::of_offset(
                        &text,
                        String::from_utf8_lossy(&bytes[..start]).len(),
                    )),
                    format!(
                        "event number {}, found number {} (events are missing)",
                        base + events.len(),
                        entry.n
                    ),
                ));
            }
            Err(_) if torn_tail => dropped_torn_line = true,
            Err(e) => {
                let col = e.span.start.col;
                return Err(FileError::at(
                    path,
                    &text,
                    Some(Position { line: i + 1, col }),
                    format!("a whole event on each line: {}", e.code),
                ));
            }
        }
    }
    Ok(Some(Recovered { events, dropped_torn_line }))
}
