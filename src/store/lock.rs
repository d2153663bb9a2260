//! One console per session: an exclusive lock on a file beside the session.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use super::error::FileError;
use super::ron_text::io_words;
use crate::model::Ms;

/// How often a console notes in its lock file that it is alive: a resume
/// after a crash starts from the last note, and a room view that sees no
/// note for a few of these knows the console has gone.
pub const ALIVE_EVERY_MS: Ms = 5_000;

/// Held for as long as a console has the session open. The operating system
/// lets go of it when the process ends, however it ends, so a killed console
/// never blocks a resume.
pub struct SessionLock {
    file: File,
    path: PathBuf,
}

impl SessionLock {
    pub fn take(path: &Path, session: &Path) -> Result<SessionLock, FileError> {
        let file = super::open_own(
            path,
            OpenOptions::new().read(true).write(true).create(true).truncate(false),
        )
        .map_err(|e| {
            FileError::whole(path, format!("cannot make the lock file: {}", super::open_words(&e)))
        })?;
        match file.try_lock() {
            Ok(()) => Ok(SessionLock { file, path: path.to_path_buf() }),
            Err(TryLockError::WouldBlock) => Err(FileError::whole(
                session,
                "this session is open in another console; close that one first",
            )),
            Err(TryLockError::Error(e)) => {
                Err(FileError::whole(path, format!("cannot lock the session: {}", io_words(&e))))
            }
        }
    }

    /// The last moment the console was seen alive, written now and then while a timer runs.
    pub fn mark_alive(&mut self, at: Ms) {
        // Best effort: a lost mark only makes a resume pause the timer a little earlier.
        let _ = self.file.seek(SeekFrom::Start(0));
        let _ = self.file.write_all(format!("{at:020}").as_bytes());
    }

    pub fn last_alive(&mut self) -> Option<Ms> {
        let mut text = String::new();
        self.file.seek(SeekFrom::Start(0)).ok()?;
        self.file.read_to_string(&mut text).ok()?;
        text.trim().parse().ok()
    }

    /// Lets go and removes the lock file, after a clean finish.
    pub fn release(self) {
        let _ = std::fs::remove_file(&self.path);
        let _ = self.file.unlock();
    }
}
