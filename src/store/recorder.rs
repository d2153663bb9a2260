//! Records a live workshop: each event durable before it is shown, one console per session.

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};

use super::error::FileError;
use super::journal::Journal;
use super::lock::SessionLock;
use super::ron_text::{io_words, read};
use super::session_file::{
    Loaded, Purpose, conflict_path, journal_path, load_session_text, lock_path, write_atomic,
    write_new,
};
use crate::model::event::{Event, Logged};
use crate::model::session::{Session, VERSION, WRITTEN_BY};
use crate::model::text::slug;
use crate::model::{Ms, Plan};

/// The refusal to resume a workshop that has ended, with what to do instead.
pub fn ended(file: &Path) -> FileError {
    FileError::whole(
        file,
        format!(
            "this workshop has ended. Replay it with `roundtable replay {0}`, read it with `roundtable report {0}`, or start the next cycle with `roundtable run --again {0}`",
            file.display()
        ),
    )
}

/// Adds journal lines that disagree with the session file to `NAME.conflict`,
/// durably, before the journal that held them is emptied.
fn keep_aside(path: &Path, lines: &[String]) -> Result<(), FileError> {
    use std::io::Write;
    let fail = |e: std::io::Error| {
        FileError::whole(
            path,
            format!("cannot keep conflicting lines aside: {}", super::open_words(&e)),
        )
    };
    let mut file = super::open_own(path, std::fs::OpenOptions::new().create(true).append(true))
        .map_err(fail)?;
    let mut text = String::new();
    for line in lines {
        text.push_str(line);
        text.push('\n');
    }
    file.write_all(text.as_bytes()).and_then(|()| file.sync_all()).map_err(fail)?;
    super::sync_folder(path);
    Ok(())
}

pub struct Recorder {
    pub path: PathBuf,
    journal: Journal,
    lock: SessionLock,
    /// How many events of the log the disk has.
    written: usize,
    /// Events shown but not yet on disk, because the disk refused them.
    pending: Vec<Logged>,
    /// Why the last write failed, while it keeps failing.
    pub trouble: Option<String>,
}

impl Recorder {
    /// Starts a new session file in `dir` under a name nobody has used.
    pub fn create(
        dir: &Path,
        plan: Plan,
        started: DateTime<FixedOffset>,
    ) -> Result<(Recorder, Session), FileError> {
        Recorder::create_as(dir, plan, started, false)
    }

    /// Starts a new session, marked as a rehearsal when `rehearsal`.
    pub fn create_as(
        dir: &Path,
        plan: Plan,
        started: DateTime<FixedOffset>,
        rehearsal: bool,
    ) -> Result<(Recorder, Session), FileError> {
        std::fs::create_dir_all(dir).map_err(|e| {
            FileError::whole(dir, format!("cannot create the sessions folder: {}", io_words(&e)))
        })?;
        let session = Session {
            version: VERSION,
            written_by: Some(WRITTEN_BY.into()),
            started,
            plan,
            rehearsal,
            events: Vec::new(),
        };
        let stem = format!("{}-{}", started.format("%Y-%m-%d-%H%M"), slug(&session.plan.title));
        for n in 1.. {
            let path = super::numbered(dir, &stem, n);
            // Taken in any form, a dangling link included, moves on to the next number.
            if [path.clone(), journal_path(&path), lock_path(&path), conflict_path(&path)]
                .iter()
                .any(|p| super::taken(p))
            {
                continue;
            }
            match write_new(&path, &session) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => {
                    return Err(FileError::whole(
                        &path,
                        format!("cannot create the session file: {}", io_words(&e)),
                    ));
                }
            }
            let lock = SessionLock::take(&lock_path(&path), &path)?;
            let journal = Journal::open(&journal_path(&path))?;
            let recorder =
                Recorder { path, journal, lock, written: 0, pending: Vec::new(), trouble: None };
            return Ok((recorder, session));
        }
        unreachable!("there is always another number to try")
    }

    /// Opens an unfinished session to carry on: merges its journal, and returns
    /// the event that records the gap (to be appended like any other) and the
    /// offset at which the session's clock resumes.
    pub fn resume(
        file: &Path,
        wall_now: DateTime<FixedOffset>,
    ) -> Result<(Recorder, Loaded, Logged), FileError> {
        if !file.exists() {
            return Err(FileError::whole(file, "no such file"));
        }
        let mut lock = SessionLock::take(&lock_path(file), file)?;
        // The journal's own lock first: a journal another console holds is
        // never read to be merged, whatever became of `NAME.lock`.
        let journal_file = journal_path(file);
        let had_journal = super::taken(&journal_file);
        let mut journal = Journal::open(&journal_file)?;
        let loaded = match load_session_text(file, read(file)?, Purpose::Resume) {
            Ok(loaded) => loaded,
            Err(e) => {
                if !had_journal && journal.is_empty() {
                    let _ = std::fs::remove_file(&journal_file);
                }
                return Err(e);
            }
        };
        if loaded.state.ended.is_some() {
            if !had_journal && journal.is_empty() {
                let _ = std::fs::remove_file(&journal_file);
            }
            lock.release();
            return Err(ended(file));
        }
        if loaded.from_journal > 0 {
            write_atomic(file, &loaded.session)?;
        }
        if !loaded.conflicts.is_empty() {
            keep_aside(&conflict_path(file), &loaded.conflicts)?;
        }
        // Every line is now in the session file or kept aside.
        journal.empty().map_err(|e| {
            FileError::whole(
                &journal_file,
                format!("cannot empty the merged journal: {}", io_words(&e)),
            )
        })?;
        let last_event = loaded.session.events.last().map_or(0, |l| l.at);
        // A lock file's note of life is a courtesy: one that makes no sense is not believed.
        let last_alive = lock
            .last_alive()
            .filter(|&t| t <= crate::model::state::LATEST_MS)
            .unwrap_or(0)
            .max(last_event);
        let then = loaded.session.wall(last_alive);
        let gap_s = wall_now.signed_duration_since(then).num_seconds().max(0) as u64;
        let resumed = Logged::new(last_alive, Event::Resumed { gap_s });
        let written = loaded.session.events.len();
        let recorder = Recorder {
            path: file.to_path_buf(),
            journal,
            lock,
            written,
            pending: Vec::new(),
            trouble: None,
        };
        Ok((recorder, loaded, resumed))
    }

    /// Makes `logged` durable, with any events still waiting before it.
    /// Returns false when the disk refused; the events wait in memory for the next try.
    pub fn append(&mut self, logged: &Logged) -> bool {
        self.pending.push(logged.clone());
        self.retry()
    }

    /// Tries again to write what the disk refused before.
    pub fn retry(&mut self) -> bool {
        while let Some(next) = self.pending.first() {
            match self.journal.append(self.written, std::slice::from_ref(next)) {
                Ok(()) => {
                    self.pending.remove(0);
                    self.written += 1;
                }
                Err(e) => {
                    self.trouble = Some(io_words(&e));
                    return false;
                }
            }
        }
        self.trouble = None;
        true
    }

    /// Makes `events` durable together, now, or not at all: what a phone is
    /// told is saved must be on disk, and what it is told is not must never be
    /// written later. Refused while earlier events still wait for the disk.
    pub fn append_now(&mut self, events: &[Logged]) -> Result<(), String> {
        if !self.retry() {
            return Err(self.trouble.clone().unwrap_or_default());
        }
        match self.journal.append(self.written, events) {
            Ok(()) => {
                self.written += events.len();
                Ok(())
            }
            Err(e) => {
                self.trouble = Some(io_words(&e));
                Err(io_words(&e))
            }
        }
    }

    /// Events shown on screen that the disk does not have yet.
    pub fn unsaved(&self) -> usize {
        self.pending.len()
    }

    pub fn mark_alive(&mut self, at: Ms) {
        self.lock.mark_alive(at);
    }

    /// Merges the journal into the session file. On failure the journal stays,
    /// so nothing is lost, and the recorder can try again.
    pub fn finish(&mut self, session: &Session) -> Result<PathBuf, FileError> {
        if !self.retry() {
            let why = self.trouble.clone().unwrap_or_default();
            return Err(FileError::whole(
                &self.path,
                format!("cannot save {} events: {why}", self.unsaved()),
            ));
        }
        write_atomic(&self.path, session)?;
        let _ = std::fs::remove_file(&self.journal.path);
        Ok(self.path.clone())
    }

    /// Lets go of the session, for another console to open.
    pub fn release(self) {
        self.lock.release();
    }
}
