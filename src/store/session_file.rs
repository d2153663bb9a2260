//! Session files: the plan as it was, when it began, and every event.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::error::FileError;
use super::journal;
use super::locate::{field_value, locate};
use super::plan_file::check_plan;
use super::ron_text::{io_words, parse, read};
use crate::model::session::{OLDEST, Session, VERSION, WRITTEN_BY};
use crate::model::{Refusal, State};

pub const WHAT: &str = "a session starts with `Session(version: 2, …)`";

/// A session as loaded: the file, anything recovered from its journal, and the state it folds to.
pub struct Loaded {
    pub session: Session,
    pub state: State,
    /// Events found in the journal, not yet merged into the session file.
    pub from_journal: usize,
    /// Said when a journal's last line, cut short by a crash, was dropped, or
    /// when some of its lines disagree with the session file.
    pub note: Option<String>,
    /// Journal lines whose number the session already has with another event.
    pub conflicts: Vec<String>,
}

/// The journal kept beside a session while it runs: same name, another extension.
pub fn journal_path(session: &Path) -> PathBuf {
    session.with_extension("journal")
}

/// Where journal lines that disagree with the session file are kept aside.
pub fn conflict_path(session: &Path) -> PathBuf {
    session.with_extension("conflict")
}

pub fn lock_path(session: &Path) -> PathBuf {
    session.with_extension("lock")
}

/// What a loaded session is for: to be read (a report, a check, a
/// comparison), or to be resumed, when every event may yet be undone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    Read,
    Resume,
}

/// Events a resumed session has room for before its log must grow: a long workshop's worth.
const ROOM_TO_GROW: usize = 8192;

/// Loads a session together with its journal, if one is there, to be read.
pub fn load_session(file: &Path) -> Result<Loaded, FileError> {
    load_session_text(file, read(file)?, Purpose::Read)
}

/// Loads a session from its text, already read.
pub fn load_session_text(file: &Path, text: String, purpose: Purpose) -> Result<Loaded, FileError> {
    let mut session = parse_session(file, &text)?;
    let mut note = version_note(file, &text);
    // The text is wanted again only to point at a refused event: let it go
    // before the fold, which may need as much memory again.
    drop(text);
    let mut from_journal = 0;
    let mut conflicts = Vec::new();
    let journal = journal_path(file);
    if let Some(recovered) = journal::read(&journal, &session.events)? {
        from_journal = recovered.events.len();
        session.events.reserve_exact(recovered.events.len());
        session.events.extend(recovered.events);
        if recovered.dropped_torn_line {
            note = Some(format!(
                "{}: recovered up to its last whole event; a line cut short by a crash was dropped",
                journal.display()
            ));
        }
        conflicts = recovered.conflicts;
        if !conflicts.is_empty() {
            let n = conflicts.len();
            let said = format!(
                "{}: {n} line{} disagree{} with the session file, which has other events under {}; {} kept aside in {} when the session is next resumed",
                journal.display(),
                if n == 1 { "" } else { "s" },
                if n == 1 { "s" } else { "" },
                if n == 1 { "its number" } else { "their numbers" },
                if n == 1 { "it is" } else { "they are" },
                conflict_path(file).display()
            );
            note = Some(match note {
                Some(before) => format!("{before}\n{said}"),
                None => said,
            });
        }
    }
    let state = fold_checked(file, &session, from_journal, purpose)?;
    Ok(Loaded { session, state, from_journal, note, conflicts })
}

/// Said of a session of an older version.
pub(crate) fn version_note(file: &Path, text: &str) -> Option<String> {
    match field_value(text, "version").and_then(|(v, _)| v.parse::<u32>().ok()) {
        Some(old) if old < VERSION => Some(format!(
            "{}: a version {old} session, read as version {VERSION}; it is written as version {VERSION} when next saved",
            file.display()
        )),
        _ => None,
    }
}

/// Reads the session text alone, checking its version before anything else.
pub fn parse_session(file: &Path, text: &str) -> Result<Session, FileError> {
    if !text.trim().is_empty() {
        check_version(file, text)?;
    }
    let mut session: Session = parse(file, text, WHAT)?;
    check_plan(file, text, &session.plan, "plan.")?;
    migrate(&mut session);
    // The parse grew the log by doubling, up to half of it unused and held
    // while the session is open: keep room for a workshop's events, no more,
    // so the first event of a resumed workshop does not double it again.
    session.events.shrink_to(session.events.len() + ROOM_TO_GROW);
    // Recorded before control characters and direction overrides were refused:
    // shown written out, never obeyed, in plan and events alike, so names still match.
    session.plan.neutralise();
    for logged in &mut session.events {
        logged.event.neutralise();
    }
    Ok(session)
}

pub(crate) fn check_version(file: &Path, text: &str) -> Result<(), FileError> {
    let Some((value, at)) = field_value(text, "version") else {
        // Let the parser say what is wrong: a plan given as a session, JSON, or a missing field.
        return Ok(());
    };
    match value.parse::<u32>() {
        Ok(OLDEST..=VERSION) => Ok(()),
        Ok(newer) if newer > VERSION => Err(FileError::at(
            file,
            text,
            Some(at),
            format!(
                "version {newer} is from a newer roundtable; this one reads session files up to version {VERSION}. Update roundtable to open it"
            ),
        )),
        Ok(older) => Err(FileError::at(
            file,
            text,
            Some(at),
            format!(
                "a session version from {OLDEST} to {VERSION}, found {older}, which no roundtable has written"
            ),
        )),
        Err(_) => Err(FileError::at(
            file,
            text,
            Some(at),
            format!("a version number such as `version: {VERSION}`, found `{value}`"),
        )),
    }
}

/// Brings an older session up to this version. Version 1 lacked `written_by`
/// and is otherwise the same: what it holds is read unchanged.
pub(crate) fn migrate(session: &mut Session) {
    if session.version < 2 {
        session.version = 2;
    }
}

/// Folds the log, refusing an event that could not have happened where it stands.
fn fold_checked(
    file: &Path,
    session: &Session,
    from_journal: usize,
    purpose: Purpose,
) -> Result<State, FileError> {
    let mut state = State::new(Arc::new(session.plan.clone()));
    let in_file = session.events.len() - from_journal;
    let keep = match purpose {
        Purpose::Read => State::history_needed(&session.events),
        Purpose::Resume => usize::MAX,
    };
    for (i, logged) in session.events.iter().enumerate() {
        if i == keep {
            state.let_history_go();
        }
        if let Err(why) = state.apply(logged) {
            return Err(if i < in_file {
                refused(file, &read(file)?, i, &why)
            } else {
                FileError::whole(&journal_path(file), refusal(i, &why))
            });
        }
    }
    Ok(state)
}

/// Event `i` of a session file, which could not have happened where it stands.
pub(crate) fn refused(file: &Path, text: &str, i: usize, why: &Refusal) -> FileError {
    FileError::at(file, text, locate(text, &format!("events[{i}]")), refusal(i, why))
}

fn refusal(i: usize, why: &Refusal) -> String {
    format!("events[{i}]: an event that can happen where it stands. {why}")
}

/// The whole session as text: the header and plan pretty, one event per line.
pub fn to_text(session: &Session) -> Result<String, ron::Error> {
    let mut out = Vec::new();
    write_session(&mut out, session).map_err(|e| ron::Error::Io(e.to_string()))?;
    String::from_utf8(out).map_err(|e| ron::Error::Io(e.to_string()))
}

/// Writes the session as `to_text` has it, an event at a time: a long log is
/// never held twice, as events and as text.
pub fn write_session(out: &mut impl Write, session: &Session) -> std::io::Result<()> {
    let ron = |e: ron::Error| std::io::Error::other(e.to_string());
    // Two levels deep, then one item a line, as a facilitator writes a plan by hand.
    let pretty = ron::ser::PrettyConfig::new().indentor("    ").depth_limit(2);
    let plan = format!("Plan{}", ron::ser::to_string_pretty(&session.plan, pretty).map_err(ron)?);
    out.write_all(
        b"// A roundtable session: the plan as it was at the start, then every change\n",
    )?;
    out.write_all(b"// made during the workshop, `at` milliseconds after it began.\n")?;
    out.write_all(b"Session(\n")?;
    writeln!(out, "    version: {},", session.version)?;
    let written_by = session.written_by.as_deref().unwrap_or(WRITTEN_BY);
    writeln!(out, "    written_by: {:?},", written_by)?;
    writeln!(
        out,
        "    started: \"{}\",",
        session.started.to_rfc3339_opts(chrono::SecondsFormat::Millis, false)
    )?;
    if session.rehearsal {
        out.write_all(b"    rehearsal: true,\n")?;
    }
    out.write_all(b"    plan: ")?;
    out.write_all(plan.replace('\n', "\n    ").as_bytes())?;
    out.write_all(b",\n    events: [\n")?;
    let compact =
        ron::ser::PrettyConfig::new().compact_structs(true).compact_arrays(true).new_line("");
    for logged in &session.events {
        out.write_all(b"        ")?;
        out.write_all(
            ron::ser::to_string_pretty(logged, compact.clone()).map_err(ron)?.as_bytes(),
        )?;
        out.write_all(b",\n")?;
    }
    out.write_all(b"    ],\n)\n")
}

/// Replaces the session file in one step: a crash leaves the old file or the new, never half of one.
pub fn write_atomic(file: &Path, session: &Session) -> Result<(), FileError> {
    let fail = |e: std::io::Error| {
        FileError::whole(file, format!("cannot save the session: {}", io_words(&e)))
    };
    let out = atomic_write_file::AtomicWriteFile::open(file).map_err(fail)?;
    let mut out = std::io::BufWriter::new(out);
    write_session(&mut out, session).map_err(fail)?;
    out.into_inner().map_err(|e| fail(e.into_error()))?.commit().map_err(fail)
}

/// Writes a new session under a name nobody has, and makes sure the disk has it.
pub fn write_new(file: &Path, session: &Session) -> std::io::Result<()> {
    let text = to_text(session).map_err(std::io::Error::other)?;
    let mut out = std::fs::OpenOptions::new().write(true).create_new(true).open(file)?;
    if let Err(e) = out.write_all(text.as_bytes()).and_then(|()| out.sync_all()) {
        // A full disk must not leave an empty session behind to list and trip over.
        drop(out);
        let _ = std::fs::remove_file(file);
        return Err(e);
    }
    super::sync_folder(file);
    Ok(())
}
