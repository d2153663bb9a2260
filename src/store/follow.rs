//! Reading a session while a console writes it, for a room view in another
//! process: the session file once, then only the journal's new whole lines.
//! Nothing here writes, and the console's lock is never touched.

use std::fs::Metadata;
use std::io::{Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};

use super::error::FileError;
use super::journal;
use super::lock::ALIVE_EVERY_MS;
use super::ron_text::io_words;
use super::session_file::{Loaded, Purpose, journal_path, load_session_text, lock_path};
use crate::model::Logged;

/// What changed since the last look.
pub enum Change {
    Nothing,
    /// Events that follow those already read, in order.
    More(Vec<Logged>),
    /// The session file was written again (a console quit, resumed, or
    /// undid across a merge): everything, read afresh.
    Whole(Box<Loaded>),
}

/// Events on whole journal lines, each with its place in the log, and where the last line ends.
type Lines = (Vec<(usize, Logged)>, u64);

pub struct Follow {
    pub path: PathBuf,
    journal: PathBuf,
    /// The session file as last read: a new one is a whole new record.
    seen: Option<Signature>,
    /// How far into the journal its whole lines have been read, in bytes and in lines.
    offset: u64,
    lines: usize,
    /// How many events of the log have been read.
    known: usize,
}

/// Enough of a file's metadata to tell that it was replaced or rewritten.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Signature {
    len: u64,
    modified: Option<std::time::SystemTime>,
    #[cfg(unix)]
    inode: u64,
}

fn signature(meta: &Metadata) -> Signature {
    #[cfg(unix)]
    use std::os::unix::fs::MetadataExt;
    Signature {
        len: meta.len(),
        modified: meta.modified().ok(),
        #[cfg(unix)]
        inode: meta.ino(),
    }
}

impl Follow {
    /// Reads the session and its journal as they stand.
    pub fn open(path: &Path) -> Result<(Follow, Loaded), FileError> {
        let mut follow = Follow {
            path: path.to_path_buf(),
            journal: journal_path(path),
            seen: None,
            offset: 0,
            lines: 0,
            known: 0,
        };
        let loaded = follow.load()?;
        Ok((follow, loaded))
    }

    /// Whether a console is writing the session: its journal is there while
    /// it runs, merged away when it quits; and its lock file's note of life,
    /// written every few seconds, is fresh (a console that crashed left both).
    pub fn console_here(&self) -> bool {
        let alive = std::fs::symlink_metadata(lock_path(&self.path))
            .ok()
            .filter(|m| m.is_file())
            .and_then(|m| m.modified().ok())
            .and_then(|at| at.elapsed().ok())
            .is_some_and(|age| age.as_millis() < u128::from(ALIVE_EVERY_MS * 4));
        alive && std::fs::symlink_metadata(&self.journal).is_ok_and(|m| m.is_file())
    }

    /// The folder and file names to watch for changes.
    pub fn watched(&self) -> [&Path; 2] {
        [&self.path, &self.journal]
    }

    fn load(&mut self) -> Result<Loaded, FileError> {
        let meta = std::fs::symlink_metadata(&self.path)
            .map_err(|e| FileError::whole(&self.path, format!("cannot read: {}", io_words(&e))))?;
        // Never read through a link, nor wait on a pipe, in the sessions folder.
        for (path, must) in [(&self.path, true), (&self.journal, false)] {
            match std::fs::symlink_metadata(path) {
                Ok(m) if !m.is_file() => {
                    return Err(FileError::whole(path, "a link or something else, not a file"));
                }
                Err(e) if must => {
                    return Err(FileError::whole(path, format!("cannot read: {}", io_words(&e))));
                }
                _ => {}
            }
        }
        let text = super::ron_text::read(&self.path)?;
        // Undo may reach back across what is read now, so the history is kept as a console keeps it.
        let loaded = load_session_text(&self.path, text, Purpose::Resume)?;
        self.seen = Some(signature(&meta));
        self.known = loaded.session.events.len();
        // Lines the session already has are skipped by number when the journal is next read.
        self.offset = 0;
        self.lines = 0;
        Ok(loaded)
    }

    /// What happened since the last look. A line still being written is left
    /// for the next look; a journal that shrank or skips a number means the
    /// record was rewritten, and it is read whole again.
    pub fn catch_up(&mut self) -> Result<Change, FileError> {
        let now = std::fs::symlink_metadata(&self.path).ok().map(|m| signature(&m));
        if now.is_some() && now != self.seen {
            return Ok(Change::Whole(Box::new(self.load()?)));
        }
        let Some((lines, offset)) = self.journal_from()? else {
            return Ok(Change::Nothing);
        };
        let mut more = Vec::new();
        for (n, logged) in lines {
            if n < self.known {
                continue;
            }
            if n > self.known {
                return Ok(Change::Whole(Box::new(self.load()?)));
            }
            more.push(logged);
            self.known += 1;
        }
        self.offset = offset;
        Ok(if more.is_empty() { Change::Nothing } else { Change::More(more) })
    }

    /// The journal's whole lines from `offset` on, and where they end; none
    /// when there is no journal. A journal shorter than `offset` was emptied:
    /// it is read from its start.
    fn journal_from(&mut self) -> Result<Option<Lines>, FileError> {
        let fail = |e: std::io::Error| {
            FileError::whole(&self.journal, format!("cannot read the journal: {}", io_words(&e)))
        };
        let mut file = match super::open_regular(&self.journal) {
            Ok(file) => file,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(fail(e)),
        };
        let len = file.metadata().map_err(fail)?.len();
        if len < self.offset {
            self.offset = 0;
            self.lines = 0;
        }
        file.seek(SeekFrom::Start(self.offset)).map_err(fail)?;
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes).map_err(fail)?;
        let whole = bytes.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
        let lines = journal::parse_lines(&self.journal, &bytes[..whole], self.lines)?;
        self.lines += bytes[..whole].iter().filter(|&&b| b == b'\n').count();
        Ok(Some((lines, self.offset + whole as u64)))
    }
}
