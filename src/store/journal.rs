//! The append-only journal beside a running session: one event per line,
//! each made durable before the screen shows it. Its cost per event does not
//! grow with the session; it is merged into the session file on exit and on resume.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::error::FileError;
use super::locate::Position;
use super::ron_text::{io_words, options};
use crate::model::Ms;
use crate::model::event::{Event, Logged, Source};

/// One line: `n` is the event's place in the whole log, so lines already
/// merged into the session file are recognised and skipped.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Line {
    n: usize,
    at: Ms,
    event: Event,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    from: Option<Source>,
}

pub struct Journal {
    file: File,
    pub path: PathBuf,
    /// A refused write that could not be cut back off: nothing more is
    /// appended after a half line (the session file takes everything at the
    /// end, whole).
    broken: bool,
}

impl Journal {
    /// Opens (or creates) the journal for appending, never through a link, and
    /// holds the operating system's lock on it for as long as it is open: the
    /// file that takes the events is the one that says who writes them, so
    /// deleting `NAME.lock` cannot let a second console in.
    pub fn open(path: &Path) -> Result<Journal, FileError> {
        let file =
            super::open_own(path, OpenOptions::new().create(true).append(true)).map_err(|e| {
                FileError::whole(
                    path,
                    format!("cannot open the journal: {}", super::open_words(&e)),
                )
            })?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                return Err(FileError::whole(
                    path,
                    "this session is open in another console, which is writing this journal; close that one first",
                ));
            }
            Err(TryLockError::Error(e)) => {
                return Err(FileError::whole(
                    path,
                    format!("cannot lock the journal: {}", io_words(&e)),
                ));
            }
        }
        super::sync_folder(path);
        Ok(Journal { file, path: path.to_path_buf(), broken: false })
    }

    /// Empties the journal once the session file has all it held, keeping the
    /// file (and so the lock) for the events to come.
    pub fn empty(&mut self) -> std::io::Result<()> {
        self.file.set_len(0)?;
        self.file.sync_all()
    }

    /// Whether the journal holds nothing.
    pub fn is_empty(&self) -> bool {
        self.file.metadata().is_ok_and(|m| m.len() == 0)
    }

    /// Writes events `n`, `n + 1`, … in one go and waits until the disk has
    /// them: all of them, or, if the disk refuses part way (full, read-only,
    /// failing), none, cut back off so the journal never holds half a line.
    pub fn append(&mut self, n: usize, events: &[Logged]) -> std::io::Result<()> {
        let mut text = String::new();
        for (i, logged) in events.iter().enumerate() {
            let line =
                Line { n: n + i, at: logged.at, event: logged.event.clone(), from: logged.from };
            text.push_str(&ron::to_string(&line).map_err(std::io::Error::other)?);
            text.push('\n');
        }
        if self.broken {
            return Err(std::io::Error::other("the journal holds a write it could not take back"));
        }
        let before = self.file.metadata()?.len();
        let written = self.file.write_all(text.as_bytes()).and_then(|()| self.file.sync_data());
        // Shrinking needs no space, so this works on a full disk too.
        if written.is_err() && self.file.set_len(before).is_err() {
            self.broken = true;
        }
        written
    }
}

/// What a journal held: the events that follow the session file's, whether a
/// torn last line was dropped, and lines that disagree with the record.
pub struct Recovered {
    pub events: Vec<Logged>,
    pub dropped_torn_line: bool,
    /// Whole lines, as written, whose number the record already has with
    /// another event: kept aside, never dropped in silence.
    pub conflicts: Vec<String>,
}

/// Reads the journal's events that follow `before`, the session file's own.
/// A last line cut short by a crash was never acknowledged, so it is dropped,
/// and so are the zeros a power cut can leave at the end of a file; a bad line
/// before the end is an error.
pub fn read(path: &Path, before: &[Logged]) -> Result<Option<Recovered>, FileError> {
    let base = before.len();
    let mut bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => {
            return Err(FileError::whole(
                path,
                format!("cannot read the journal: {}", io_words(&e)),
            ));
        }
    };
    let mut dropped_torn_line = false;
    // After a power cut during an append, ext4 and others can leave the file
    // longer than what was written, the rest zeros: nothing after the first
    // zero was ever acknowledged, if only zeros and line ends follow it.
    if let Some(zero) = bytes.iter().position(|&b| b == 0)
        && bytes[zero..].iter().all(|&b| matches!(b, 0 | b'\n' | b'\r'))
    {
        bytes.truncate(zero);
        dropped_torn_line = true;
    }
    // For pointing at a place in errors only: each line is read from its own bytes.
    let text = String::from_utf8_lossy(&bytes);
    let mut events: Vec<Logged> = Vec::new();
    let mut conflicts = Vec::new();
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
        let parsed: Result<Line, _> = options().from_str(line).map(|mut entry: Line| {
            entry.event.neutralise();
            entry
        });
        match parsed {
            Ok(entry) if entry.n < base + events.len() => {
                let known = match before.get(entry.n) {
                    Some(logged) => logged,
                    None => &events[entry.n - base],
                };
                if known.at != entry.at || known.event != entry.event || known.from != entry.from {
                    conflicts.push(line.to_string());
                }
            }
            Ok(entry) if entry.n == base + events.len() => {
                events.push(Logged { at: entry.at, event: entry.event, from: entry.from })
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
    Ok(Some(Recovered { events, dropped_torn_line, conflicts }))
}

/// The events on whole journal lines, each with its place in the log, for a
/// reader following the journal as it grows (`bytes` ends at a line's end,
/// and starts after `before` lines already read, so errors point at the file's line).
pub fn parse_lines(
    path: &Path,
    bytes: &[u8],
    before: usize,
) -> Result<Vec<(usize, Logged)>, FileError> {
    let mut found = Vec::new();
    for (i, raw) in bytes.split(|&b| b == b'\n').enumerate() {
        let bad = |col: usize, what: String| {
            let text = String::from_utf8_lossy(bytes);
            FileError::at(path, &text, Some(Position { line: before + i + 1, col }), what)
        };
        let line = std::str::from_utf8(raw)
            .map_err(|_| bad(1, "text in UTF-8, found bytes that are not".into()))?
            .trim();
        if line.is_empty() {
            continue;
        }
        let mut entry: Line = options().from_str(line).map_err(|e| {
            bad(e.span.start.col, format!("a whole event on each line: {}", e.code))
        })?;
        entry.event.neutralise();
        found.push((entry.n, Logged { at: entry.at, event: entry.event, from: entry.from }));
    }
    Ok(found)
}
