//! What the home screen and `compare --series` list, kept in a small index
//! beside the sessions so that listing a folder never folds every session.
//! The index is a cache: an entry is used only while its session file (and
//! journal) are exactly as they were when it was made, by length and time of
//! change; anything missing, stale or unreadable is read again from the
//! session itself, and the index written anew.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::session_file::journal_path;
use super::session_fold::fold_session;

/// The index's name in the sessions folder: not `.ron`, so never taken for a session.
pub const NAME: &str = ".roundtable-index";

/// What a session's file says at a glance.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Header {
    pub title: String,
    pub series: Option<String>,
    pub started: DateTime<FixedOffset>,
    pub ended: bool,
    /// Recorded faster than real time.
    #[serde(default)]
    pub rehearsal: bool,
    /// The current stage (1-based) and how many there are.
    pub stage: (usize, usize),
    pub events: usize,
}

/// A file as it was: its length and when it last changed, in nanoseconds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Stamp {
    len: u64,
    changed_ns: u64,
}

impl Stamp {
    /// None when the file is not there; a file changed in the last two seconds
    /// is never stamped, as it may change again within its clock's resolution.
    fn of(path: &Path, now: SystemTime) -> Option<Option<Stamp>> {
        let meta = match std::fs::symlink_metadata(path) {
            Ok(meta) => meta,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Some(None),
            Err(_) => return None,
        };
        let changed = meta.modified().ok()?;
        if now.duration_since(changed).unwrap_or_default() < Duration::from_secs(2) {
            return None;
        }
        let changed_ns = u64::try_from(changed.duration_since(UNIX_EPOCH).ok()?.as_nanos()).ok()?;
        Some(Some(Stamp { len: meta.len(), changed_ns }))
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Entry {
    session: Stamp,
    journal: Option<Stamp>,
    header: Header,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Index {
    entries: BTreeMap<String, Entry>,
}

/// The header of each session in `files`, every `.ron` file of `dir`, from the
/// index where it is fresh and from the session where it is not; sessions that
/// do not load are left out. The index is brought up to date when anything
/// changed, if the folder lets it be written.
/// `skip` is a file not to read: its entry, if any, is kept as it was.
pub fn headers(dir: &Path, files: &[PathBuf], skip: Option<&Path>) -> Vec<(PathBuf, Header)> {
    let file = dir.join(NAME);
    let mut index: Index = std::fs::read_to_string(&file)
        .ok()
        .and_then(|text| ron::from_str(&text).ok())
        .unwrap_or_default();
    let now = SystemTime::now();
    let mut changed = false;
    let mut fresh = BTreeMap::new();
    let mut out = Vec::new();
    for path in files {
        let Some(name) = path.file_name().map(|n| n.to_string_lossy().into_owned()) else {
            continue;
        };
        if skip.is_some_and(|skip| same_file(skip, path)) {
            if let Some(entry) = index.entries.remove(&name) {
                fresh.insert(name, entry);
            }
            continue;
        }
        let stamps = Stamp::of(path, now).zip(Stamp::of(&journal_path(path), now));
        let known = match (&stamps, index.entries.remove(&name)) {
            (Some((Some(session), journal)), Some(entry))
                if entry.session == *session && entry.journal == *journal =>
            {
                Some(entry)
            }
            _ => None,
        };
        let entry = match known {
            Some(entry) => entry,
            None => {
                changed = true;
                let Ok(loaded) = fold_session(path) else {
                    continue;
                };
                let header = Header {
                    title: loaded.session.plan.title.clone(),
                    series: loaded.session.plan.series.clone(),
                    started: loaded.session.started,
                    ended: loaded.state.ended.is_some(),
                    rehearsal: loaded.session.rehearsal,
                    stage: (loaded.state.current + 1, loaded.state.stages.len()),
                    events: loaded.events,
                };
                match stamps {
                    Some((Some(session), journal)) => Entry { session, journal, header },
                    // Changing as we look: read, listed, not kept.
                    _ => {
                        out.push((path.clone(), header));
                        continue;
                    }
                }
            }
        };
        out.push((path.clone(), entry.header.clone()));
        fresh.insert(name, entry);
    }
    if changed || !index.entries.is_empty() {
        // Best effort: a folder that refuses the index still lists, only slower.
        let _ = write(&file, &Index { entries: fresh });
    }
    out
}

/// Whether two paths name one file, however each was written.
fn same_file(a: &Path, b: &Path) -> bool {
    a.file_name() == b.file_name()
        && match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
            (Ok(a), Ok(b)) => a == b,
            _ => a == b,
        }
}

/// Replaces the index in one step, never through a link.
fn write(file: &Path, index: &Index) -> std::io::Result<()> {
    let text = ron::to_string(index).map_err(std::io::Error::other)?;
    let mut out = atomic_write_file::AtomicWriteFile::open(file)?;
    out.write_all(text.as_bytes())?;
    out.commit()
}
