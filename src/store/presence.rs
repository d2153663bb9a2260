//! Room views following a session: each keeps a note of its presence beside
//! the session (`NAME.room-PID`), locked for as long as it runs, and the
//! console counts the notes still locked. A view that was killed leaves a note
//! nobody holds, which the next count removes.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

use super::error::FileError;
use super::ron_text::io_words;

pub struct Presence {
    path: PathBuf,
    // Held open, and so locked, until dropped.
    _file: File,
}

fn prefix(session: &Path) -> Option<String> {
    let stem = session.file_stem()?.to_str()?;
    Some(format!("{stem}.room-"))
}

impl Presence {
    /// Says that a room view follows `session`, until the `Presence` is dropped.
    pub fn announce(session: &Path) -> Result<Presence, FileError> {
        let fail = |e: std::io::Error| {
            FileError::whole(session, format!("cannot note the room view: {}", io_words(&e)))
        };
        let prefix = prefix(session).ok_or_else(|| FileError::whole(session, "a session file"))?;
        let name = format!("{prefix}{}", std::process::id());
        let path = session.with_file_name(&name);
        // Locked under another name first, so a count never finds it unlocked.
        let making = session.with_file_name(format!(".{name}.new"));
        let file = super::open_own(&making, OpenOptions::new().write(true).create_new(true))
            .map_err(fail)?;
        let locked = file.try_lock().map_err(|e| match e {
            TryLockError::WouldBlock => std::io::Error::other("locked by another process"),
            TryLockError::Error(e) => e,
        });
        if let Err(e) = locked.and_then(|()| std::fs::rename(&making, &path)) {
            let _ = std::fs::remove_file(&making);
            return Err(fail(e));
        }
        Ok(Presence { path, _file: file })
    }
}

impl Drop for Presence {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// How many room views follow `session` now.
pub fn following(session: &Path) -> usize {
    let (Some(prefix), Some(dir)) = (prefix(session), session.parent()) else {
        return 0;
    };
    let dir = if dir.as_os_str().is_empty() { Path::new(".") } else { dir };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let mut count = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let Some(pid) = name.strip_prefix(&prefix) else { continue };
        if pid.is_empty() || !pid.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        if !entry.file_type().is_ok_and(|t| t.is_file()) {
            continue;
        }
        let path = entry.path();
        let Ok(file) = super::open_regular(&path) else { continue };
        match file.try_lock() {
            Err(TryLockError::WouldBlock) => count += 1,
            // Nobody holds it: a view that was killed. Its note goes.
            Ok(()) => {
                let _ = std::fs::remove_file(&path);
                let _ = file.unlock();
            }
            Err(TryLockError::Error(_)) => {}
        }
    }
    count
}
