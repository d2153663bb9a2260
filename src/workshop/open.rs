//! Opening a workshop: a plan or a session read and checked before the
//! terminal is taken, then created or resumed, recording.

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};

use super::previous::before;
use crate::app::Start;
use crate::app::home::Home;
use crate::app::live::{Live, View};
use crate::model::action::Carried;
use crate::model::plan::BUILT_IN;
use crate::model::{Event, Logged, Ms, Plan};
use crate::store::FileError;
use crate::store::catalog::{self, FileKind, kind_of};
use crate::store::plan_file::{load_plan, parse_plan};
use crate::store::recorder::{Recorder, ended};
use crate::store::ron_text::read;
use crate::store::session_fold::fold_session;

/// A workshop opened and recording.
pub struct Opened {
    pub live: Live,
    pub recorder: Recorder,
    /// Where the workshop's clock starts: 0, or where a resumed session stopped.
    pub starts_at: Ms,
}

pub fn built_in_plan() -> Plan {
    // The embedded plan is covered by tests; an empty plan would be worse than stopping.
    parse_plan(Path::new("built-in plan"), BUILT_IN).unwrap_or_else(|e| panic!("{e}"))
}

/// A workshop ready to open, once every check that touches nothing has passed.
pub enum Prepared {
    New(Plan),
    /// The next cycle: the plan again, with the open actions of the session before.
    Again {
        plan: Plan,
        path: PathBuf,
        from: String,
        carried: Vec<Carried>,
    },
    Resume(PathBuf),
}

/// Reads and checks what a start names, without creating, locking or writing anything,
/// so that a refusal comes before the terminal is taken over.
pub fn prepare(start: &Start) -> Result<Prepared, FileError> {
    Ok(match start {
        Start::BuiltIn => Prepared::New(built_in_plan()),
        Start::Plan(path) => match kind_of(&read(path)?) {
            FileKind::Session => return prepare(&Start::Resume(path.clone())),
            _ => Prepared::New(load_plan(path)?),
        },
        Start::Again(path) => {
            let before = fold_session(path)?;
            let from = path
                .file_name()
                .map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
            Prepared::Again {
                plan: before.session.plan,
                path: path.clone(),
                from,
                carried: before.state.ideas.to_carry(),
            }
        }
        // Replays and comparisons open no workshop; the console handles them on its own.
        Start::Replay(path) => {
            return Err(FileError::whole(path, "a replay, not a workshop to run"));
        }
        Start::Compare(series, _) => {
            return Err(FileError::whole(Path::new(series), "a comparison, not a workshop to run"));
        }
        Start::CompareMarked(_) => {
            return Err(FileError::whole(
                Path::new("marked"),
                "a comparison, not a workshop to run",
            ));
        }
        Start::Resume(path) => {
            if fold_session(path)?.state.ended.is_some() {
                return Err(ended(path));
            }
            Prepared::Resume(path.clone())
        }
    })
}

/// Starts or resumes a workshop: creates or locks its session file and starts its clock.
/// `wall` is the wall-clock time now, read by the caller: it dates the session and measures a resume's gap.
/// A new session made in a `rehearsal` is recorded as one.
pub fn open(
    prepared: Prepared,
    sessions: &Path,
    wall: DateTime<FixedOffset>,
    rehearsal: bool,
) -> Result<Opened, FileError> {
    let given = match &prepared {
        Prepared::Again { path, .. } => Some(path.clone()),
        _ => None,
    };
    let mut opened = open_session(prepared, sessions, wall, rehearsal)?;
    opened.live.before = before(&opened.live, sessions, &opened.recorder.path, given.as_deref());
    Ok(opened)
}

fn open_session(
    prepared: Prepared,
    sessions: &Path,
    wall: DateTime<FixedOffset>,
    rehearsal: bool,
) -> Result<Opened, FileError> {
    match prepared {
        Prepared::New(plan) => {
            let (recorder, session) = Recorder::create_as(sessions, plan, wall, rehearsal)?;
            Ok(Opened { live: Live::new(session), recorder, starts_at: 0 })
        }
        Prepared::Again { plan, from, carried, .. } => {
            let (mut recorder, session) = Recorder::create_as(sessions, plan, wall, rehearsal)?;
            let mut live = Live::new(session);
            if !carried.is_empty() {
                live.ui.view = View::Actions;
            }
            let logged = Logged::new(0, Event::ActionsCarried { from, actions: carried });
            recorder.append(&logged);
            live.record(logged);
            Ok(Opened { live, recorder, starts_at: 0 })
        }
        Prepared::Resume(path) => {
            let (mut recorder, loaded, resumed) = Recorder::resume(&path, wall)?;
            let mut live = Live::folded(loaded.session, loaded.state);
            let starts_at = resumed.at;
            recorder.append(&resumed);
            live.record(resumed);
            if let Some(note) = loaded.note {
                live.ui.notice = Some(note);
            }
            Ok(Opened { live, recorder, starts_at })
        }
    }
}

/// The home screen, with what is in the sessions folder.
pub fn home_screen(sessions: &Path) -> Home {
    // Plans sit beside the recorded sessions' folder: `./sessions` for `./sessions/recorded`.
    let plans = match sessions.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    Home::new(&built_in_plan(), catalog::plans(plans), catalog::sessions(sessions))
}
