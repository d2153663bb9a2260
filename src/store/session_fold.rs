//! Reading a session to sum it up (a report, a check, a comparison, the
//! index): each event is folded as it is parsed and none is kept, so what a
//! read costs is the file's text and the state, however long the log.

use std::fmt;
use std::path::Path;
use std::sync::Arc;

use chrono::{DateTime, FixedOffset};
use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::error::FileError;
use super::plan_file::check_plan;
use super::ron_text::{parse_seed, read};
use super::session_file::{
    Purpose, WHAT, check_version, journal_path, load_session_text, migrate, refused, version_note,
};
use crate::model::event::{Event, Logged};
use crate::model::plan::Plan;
use crate::model::session::{Session, wall_time};
use crate::model::state::State;

/// A session summed up: what was planned, and the state its events fold to.
pub struct Folded {
    /// The session as recorded, but for its events, which were folded and let go.
    pub session: Session,
    /// How many events were folded.
    pub events: usize,
    pub state: State,
    /// Said when the session is of an older version, or its journal had a torn line.
    pub note: Option<String>,
    /// Journal lines whose number the session already has with another event.
    pub conflicts: Vec<String>,
}

/// Reads a session and its journal, to sum it up.
pub fn fold_session(file: &Path) -> Result<Folded, FileError> {
    fold_session_text(file, read(file)?)
}

/// As `fold_session`, from the session's text, already read.
pub fn fold_session_text(file: &Path, text: String) -> Result<Folded, FileError> {
    // A journal's lines are checked against the events the file already has:
    // then the whole log is wanted at once, and read the usual way.
    if journal_may_have_lines(file) {
        let loaded = load_session_text(file, text, Purpose::Read)?;
        let mut session = loaded.session;
        let events = std::mem::take(&mut session.events).len();
        let (state, note, conflicts) = (loaded.state, loaded.note, loaded.conflicts);
        return Ok(Folded { session, events, state, note, conflicts });
    }
    if !text.trim().is_empty() {
        check_version(file, &text)?;
    }
    let mut folding = Folding {
        file,
        text: &text,
        // Every undo says `Undo`, so this is never fewer than the log's undos:
        // until that many are folded, the undo history may yet be wanted.
        undos: text.matches("Undo").count(),
        undos_folded: 0,
        history_kept: true,
        state: None,
        waiting: Vec::new(),
        events: 0,
        refused: None,
    };
    let header = parse_seed(file, &text, WHAT, SessionSeed(&mut folding));
    if let Some(refused) = folding.refused {
        return Err(refused);
    }
    let mut session = header?;
    migrate(&mut session);
    let state = match folding.state {
        Some(state) => state,
        // The visitor folds as soon as it has the plan, and it always has one here.
        None => State::new(Arc::new(session.plan.clone())),
    };
    let note = version_note(file, &text);
    Ok(Folded { session, events: folding.events, state, note, conflicts: Vec::new() })
}

fn journal_may_have_lines(file: &Path) -> bool {
    match std::fs::metadata(journal_path(file)) {
        Ok(meta) => meta.len() > 0,
        Err(e) => e.kind() != std::io::ErrorKind::NotFound,
    }
}

/// The fold in progress, and the first thing that stopped it.
struct Folding<'a> {
    file: &'a Path,
    text: &'a str,
    undos: usize,
    undos_folded: usize,
    /// Whether the state still keeps what an undo would fold again.
    history_kept: bool,
    /// Made once the plan is read.
    state: Option<State>,
    /// Events written before the plan, folded once it is read.
    waiting: Vec<Logged>,
    events: usize,
    refused: Option<FileError>,
}

impl Folding<'_> {
    /// The plan, checked as a plan file is, then the state it begins.
    fn plan(&mut self, plan: &mut Plan) -> Result<(), ()> {
        if let Err(e) = check_plan(self.file, self.text, plan, "plan.") {
            self.refused = Some(e);
            return Err(());
        }
        // Recorded before control characters and direction overrides were
        // refused: shown written out, never obeyed.
        plan.neutralise();
        self.state = Some(State::new(Arc::new(plan.clone())));
        for logged in std::mem::take(&mut self.waiting) {
            self.fold(logged)?;
        }
        Ok(())
    }

    fn take(&mut self, mut logged: Logged) -> Result<(), ()> {
        logged.event.neutralise();
        if self.state.is_none() {
            self.waiting.push(logged);
            return Ok(());
        }
        self.fold(logged)
    }

    fn fold(&mut self, logged: Logged) -> Result<(), ()> {
        let Some(state) = &mut self.state else { return Err(()) };
        if self.undos_folded == self.undos && self.history_kept {
            state.let_history_go();
            self.history_kept = false;
        }
        if let Err(why) = state.apply(&logged) {
            self.refused = Some(refused(self.file, self.text, self.events, &why));
            return Err(());
        }
        if matches!(logged.event, Event::Undo) {
            self.undos_folded += 1;
        }
        self.events += 1;
        Ok(())
    }
}

#[derive(Deserialize)]
#[serde(field_identifier, rename_all = "snake_case")]
enum Field {
    Version,
    WrittenBy,
    Started,
    Plan,
    Rehearsal,
    Events,
}

const FIELDS: &[&str] = &["version", "written_by", "started", "plan", "rehearsal", "events"];

/// A session's fields as `Session` derives them, but for `events`, folded one by one.
struct SessionSeed<'f, 'a>(&'f mut Folding<'a>);

/// Why the visitor stopped, when `Folding::refused` has the words.
const REFUSED: &str = "refused";

impl<'de> DeserializeSeed<'de> for SessionSeed<'_, '_> {
    type Value = Session;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Session, D::Error> {
        d.deserialize_struct("Session", FIELDS, self)
    }
}

impl<'de> Visitor<'de> for SessionSeed<'_, '_> {
    type Value = Session;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("struct Session")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Session, A::Error> {
        let mut version: Option<u32> = None;
        let mut written_by: Option<Option<String>> = None;
        let mut started: Option<Wall> = None;
        let mut plan: Option<Plan> = None;
        let mut rehearsal: Option<bool> = None;
        let mut events = false;
        while let Some(key) = map.next_key::<Field>()? {
            match key {
                Field::Version => once(&mut version, "version", &mut map)?,
                Field::WrittenBy => once(&mut written_by, "written_by", &mut map)?,
                Field::Started => once(&mut started, "started", &mut map)?,
                Field::Rehearsal => once(&mut rehearsal, "rehearsal", &mut map)?,
                Field::Plan => {
                    once(&mut plan, "plan", &mut map)?;
                    if let Some(plan) = &mut plan {
                        self.0.plan(plan).map_err(|()| de::Error::custom(REFUSED))?;
                    }
                }
                Field::Events => {
                    if events {
                        return Err(de::Error::duplicate_field("events"));
                    }
                    map.next_value_seed(EventsSeed(&mut *self.0))?;
                    events = true;
                }
            }
        }
        Ok(Session {
            version: version.ok_or_else(|| de::Error::missing_field("version"))?,
            written_by: written_by.flatten(),
            started: started.ok_or_else(|| de::Error::missing_field("started"))?.0,
            plan: plan.ok_or_else(|| de::Error::missing_field("plan"))?,
            rehearsal: rehearsal.unwrap_or(false),
            events: Vec::new(),
        })
    }
}

/// Reads a field's value, refusing a field given twice as a derived struct does.
fn once<'de, T: Deserialize<'de>, A: MapAccess<'de>>(
    slot: &mut Option<T>,
    name: &'static str,
    map: &mut A,
) -> Result<(), A::Error> {
    if slot.is_some() {
        return Err(de::Error::duplicate_field(name));
    }
    *slot = Some(map.next_value()?);
    Ok(())
}

struct Wall(DateTime<FixedOffset>);

impl<'de> Deserialize<'de> for Wall {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Wall, D::Error> {
        wall_time(d).map(Wall)
    }
}

struct EventsSeed<'f, 'a>(&'f mut Folding<'a>);

impl<'de> DeserializeSeed<'de> for EventsSeed<'_, '_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for EventsSeed<'_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a sequence")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(logged) = seq.next_element::<Logged>()? {
            self.0.take(logged).map_err(|()| de::Error::custom(REFUSED))?;
        }
        Ok(())
    }
}
