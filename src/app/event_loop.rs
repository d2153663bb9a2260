//! The loop: read the clock once a turn, wait for a key or the next visible
//! change, make events durable, then apply and draw them.

use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, FixedOffset};
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event as TermEvent, KeyEventKind};

use super::clock::{Clock, real, wall_now};
use super::compare::Compare;
use super::home::Home;
use super::keymap::Keymap;
use super::live::{Before, Live, Overlay, View};
use super::replay::Replay;
use super::{App, Effect, Mode, Outcome, Start};
use crate::model::action::Carried;
use crate::model::length::in_words;
use crate::model::plan::BUILT_IN;
use crate::model::{Event, Logged, Ms, Plan};
use crate::report::Summary;
use crate::report::compare::{Comparison, LeftOut};
use crate::store::FileError;
use crate::store::catalog::{self, FileKind, kind_of};
use crate::store::plan_file::{load_plan, parse_plan};
use crate::store::recorder::{Recorder, ended};
use crate::store::ron_text::read;
use crate::store::session_file::load_session;
use crate::store::session_fold::fold_session;
use crate::ui::{self, theme::Theme};

/// How often to try again while the disk refuses writes.
const RETRY_MS: Ms = 2_000;
/// How often a running console notes that it is alive, for a resume after a crash.
const ALIVE_MS: Ms = 5_000;

/// A workshop opened and recording.
pub struct Opened {
    pub live: Live,
    pub recorder: Recorder,
    pub clock: Clock,
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

/// The series' session before this one, summed up as it ended, for the reflection screen.
fn before(live: &Live, sessions: &Path, path: &Path, given: Option<&Path>) -> Option<Before> {
    let series = live.session.plan.series.as_deref()?;
    let found = match given {
        Some(p) => p.to_path_buf(),
        None => catalog::before(sessions, series, live.session.started, path)?,
    };
    let loaded = fold_session(&found).ok()?;
    let shares = loaded.state.balance(loaded.state.at).roles;
    Some(Before { when: when_before(loaded.session.started, live.session.started), shares })
}

/// When the session before began, as "then:" says it: the day, and the time
/// too when both fall on the same day, so two sessions of a day are told apart.
pub fn when_before(then: DateTime<FixedOffset>, now: DateTime<FixedOffset>) -> String {
    if then.date_naive() == now.date_naive() {
        then.format("%a %-d %b %H:%M").to_string()
    } else {
        then.format("%a %-d %b").to_string()
    }
}

/// Starts or resumes a workshop: creates or locks its session file and starts its clock.
/// `wall` is the wall-clock time now, read by the caller: it dates the session and measures a resume's gap.
pub fn open(
    prepared: Prepared,
    sessions: &Path,
    wall: DateTime<FixedOffset>,
) -> Result<Opened, FileError> {
    let given = match &prepared {
        Prepared::Again { path, .. } => Some(path.clone()),
        _ => None,
    };
    let mut opened = open_session(prepared, sessions, wall)?;
    opened.live.before = before(&opened.live, sessions, &opened.recorder.path, given.as_deref());
    Ok(opened)
}

fn open_session(
    prepared: Prepared,
    sessions: &Path,
    wall: DateTime<FixedOffset>,
) -> Result<Opened, FileError> {
    match prepared {
        Prepared::New(plan) => {
            let (recorder, session) =
                Recorder::create_as(sessions, plan, wall, super::clock::rehearsing())?;
            Ok(Opened { live: Live::new(session), recorder, clock: Clock::starting_at(0) })
        }
        Prepared::Again { plan, from, carried, .. } => {
            let (mut recorder, session) =
                Recorder::create_as(sessions, plan, wall, super::clock::rehearsing())?;
            let mut live = Live::new(session);
            if !carried.is_empty() {
                live.ui.view = View::Actions;
            }
            let logged = Logged { at: 0, event: Event::ActionsCarried { from, actions: carried } };
            recorder.append(&logged);
            live.record(logged);
            Ok(Opened { live, recorder, clock: Clock::starting_at(0) })
        }
        Prepared::Resume(path) => {
            let (mut recorder, loaded, resumed) = Recorder::resume(&path, wall)?;
            let mut live = Live::folded(loaded.session, loaded.state);
            let clock = Clock::starting_at(resumed.at);
            recorder.append(&resumed);
            live.record(resumed);
            if let Some(note) = loaded.note {
                live.ui.notice = Some(note);
            }
            Ok(Opened { live, recorder, clock })
        }
    }
}

/// What the console is told at start: from the command line and the files it names.
pub struct Settings {
    pub keymap: Keymap,
    pub theme: Theme,
    pub sessions: PathBuf,
    /// Ring the terminal's bell once when a turn's time is up.
    pub bell: bool,
    /// `--announce FILE`, opened for appending.
    pub announce: Option<std::fs::File>,
    /// NO_COLOR is set: colours would not reach the screen, so the theme stays mono.
    pub no_color: bool,
}

/// What the console opens on.
pub enum Begin {
    Home,
    Live(Box<Opened>),
    Replay(Box<Replay>),
    Compare(Box<Compare>),
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

/// Where a session goes when its own folder refuses it: the temporary folder, under a name not taken.
fn rescue_path(session: &Path) -> PathBuf {
    let stem = session.file_stem().map_or("session".into(), |s| s.to_string_lossy().into_owned());
    let dir = std::env::temp_dir();
    (1..)
        .map(|n| {
            if n == 1 {
                dir.join(format!("{stem}.ron"))
            } else {
                dir.join(format!("{stem}-{n}.ron"))
            }
        })
        .find(|p| !p.exists())
        .unwrap_or_else(|| dir.join("roundtable-rescue.ron"))
}

/// A recorded session, ready to replay: read only, no lock, journal included.
pub fn replay(path: &Path, sessions: &Path) -> Result<Replay, FileError> {
    let loaded = load_session(path)?;
    let live = Live::folded(loaded.session.clone(), loaded.state);
    let before = before(&live, sessions, path, None);
    let mut replay = Replay::new(loaded.session);
    replay.before = before;
    Ok(replay)
}

/// The sessions to compare, all of one series, summed up.
/// Sessions named (an explicit choice: all taken in), or a series from a
/// folder: its finished, real sessions, and with `all` its rehearsals and
/// unfinished ones too; those left out are listed with a word.
pub fn comparison(
    files: &[PathBuf],
    series: Option<&str>,
    sessions: &Path,
    all: bool,
) -> Result<Comparison, String> {
    let mut left_out = Vec::new();
    let files: Vec<PathBuf> = match series {
        Some(name) => {
            let dir = match files {
                [] => sessions.to_path_buf(),
                [dir] => dir.clone(),
                _ => return Err(
                    "with --series, give one folder to look in, or none for the sessions folder"
                        .into(),
                ),
            };
            if !dir.is_dir() {
                return Err(format!("{}: no such folder", dir.display()));
            }
            let found = catalog::series(&dir, name);
            if found.is_empty() {
                return Err(format!(
                    "{}: no sessions of the series \"{name}\" here",
                    dir.display()
                ));
            }
            let mut taken = Vec::new();
            for (path, why) in found {
                match why {
                    Some(why) if !all => left_out.push(LeftOut {
                        session: path.file_name().map_or_else(
                            || path.display().to_string(),
                            |n| n.to_string_lossy().into_owned(),
                        ),
                        why: why.into(),
                    }),
                    _ => taken.push(path),
                }
            }
            if taken.is_empty() {
                return Err(format!(
                    "{}: no finished session of the series \"{name}\" that was not a rehearsal; --all takes in the {} left out",
                    dir.display(),
                    left_out.len()
                ));
            }
            taken
        }
        None if files.is_empty() => {
            return Err("name the sessions to compare, or --series NAME".into());
        }
        None => files.to_vec(),
    };
    // Each session is read and summed up on its own, so the cores share them.
    let read = |file: &PathBuf| {
        fold_session(file)
            .map(|loaded| {
                (loaded.session.plan.series.clone(), Summary::of(&loaded.session, &loaded.state))
            })
            .map_err(|e| e.to_string())
    };
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = files.len().div_ceil(cores).max(1);
    let read: Vec<Result<(Option<String>, Summary), String>> = std::thread::scope(|scope| {
        let workers: Vec<_> = files
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(read).collect::<Vec<_>>()))
            .collect();
        workers
            .into_iter()
            .flat_map(|w| {
                w.join().unwrap_or_else(|_| vec![Err("a session could not be read".into())])
            })
            .collect()
    });
    let mut summaries = Vec::new();
    let mut first: Option<(PathBuf, Option<String>)> = None;
    for (file, result) in files.iter().zip(read) {
        let (this, summary) = result?;
        match &first {
            None => first = Some((file.clone(), this.clone())),
            Some((first_file, first_series)) if *first_series != this => {
                let name = |s: &Option<String>| {
                    s.as_ref().map_or("no series".to_string(), |s| format!("the series \"{s}\""))
                };
                return Err(format!(
                    "{}: a session of {}, not of {} like {}",
                    file.display(),
                    name(&this),
                    name(first_series),
                    first_file.display()
                ));
            }
            Some(_) => {}
        }
        summaries.push(summary);
    }
    let mut comparison = Comparison::of(summaries);
    comparison.left_out = left_out;
    Ok(comparison)
}

pub struct Console {
    pub app: App,
    pub theme: Theme,
    pub sessions: PathBuf,
    pub recording: Option<(Recorder, Clock)>,
    /// Lines to print once the terminal is back to normal.
    pub farewell: Vec<String>,
    bell: bool,
    no_color: bool,
    /// The home screen a replay or comparison was opened from, to go back to.
    left_home: Option<Home>,
    /// The turn (who, from) whose time-up has been rung, so it rings once.
    rung: Option<(usize, Ms)>,
    /// The stage (index, time banked when it last started) whose running over has been said.
    over: Option<(usize, Ms)>,
    /// The console's own clock, when no session is recording.
    clock: Clock,
    /// `--announce`: the file each announcement is appended to, and the last one written.
    announce: Option<(std::fs::File, String)>,
    marked_alive: Ms,
}

impl Console {
    /// The home screen, or straight into a workshop already opened.
    pub fn new(settings: Settings, begin: Begin) -> Console {
        let (mode, recording) = match begin {
            Begin::Live(opened) => {
                (Mode::Live(Box::new(opened.live)), Some((opened.recorder, opened.clock)))
            }
            Begin::Replay(replay) => (Mode::Replay(replay), None),
            Begin::Compare(compare) => (Mode::Compare(compare), None),
            Begin::Home => (Mode::Home(home_screen(&settings.sessions)), None),
        };
        super::signals::recording(recording.as_ref().map(|(r, _)| r.path.clone()));
        Console {
            app: App { mode, keymap: settings.keymap },
            theme: settings.theme,
            sessions: settings.sessions,
            recording,
            farewell: Vec::new(),
            bell: settings.bell,
            no_color: settings.no_color,
            left_home: None,
            rung: None,
            over: None,
            announce: settings.announce.map(|file| (file, String::new())),
            marked_alive: 0,
            clock: Clock::starting_at(0),
        }
    }

    /// Says, once, when a turn's time box or the stage's time runs out: a change
    /// the room should hear in words though no event makes it. Rings the bell too, if asked.
    fn say_when_time_is_up(&mut self, now: Ms) {
        let Mode::Live(live) = &mut self.app.mode else {
            return;
        };
        let state = &live.state;
        if let Some(turn) = state.room.speaking
            && turn.left(now).is_some_and(|left| left <= 0)
            && self.rung != Some((turn.who, turn.from))
        {
            self.rung = Some((turn.who, turn.from));
            let box_words = turn.time_box.map_or(String::new(), |b| format!(" of {}", in_words(b)));
            live.ui.notice = Some(format!(
                "TIME: {} has had their turn{box_words}.",
                state.room.people[turn.who].name
            ));
            if self.bell {
                let mut out = std::io::stdout();
                let _ = std::io::Write::write_all(&mut out, b"\x07");
                let _ = std::io::Write::flush(&mut out);
            }
        }
        let stage = (state.current, state.stages[state.current].timer.banked);
        if state.running() && state.remaining(now) < 0 && self.over != Some(stage) {
            self.over = Some(stage);
            let planned = in_words(state.planned_ms(state.current).max(0) as Ms);
            let title = &state.plan.stages[state.current].title;
            live.ui.notice = Some(format!("OVER: {title} has run past its {planned}."));
        }
    }

    /// Appends the latest announcement, if it is new, to the file a second terminal may follow.
    fn announce(&mut self) {
        let Some((file, last)) = &mut self.announce else {
            return;
        };
        let said = match &self.app.mode {
            Mode::Home(home) => home.notice.clone().unwrap_or_default(),
            Mode::Live(live) => live.ui.notice.clone().unwrap_or_else(|| live.state.said.clone()),
            Mode::Replay(replay) => {
                replay.ui.notice.clone().unwrap_or_else(|| replay.state.said.clone())
            }
            Mode::Compare(compare) => compare.comparison.answer.clone(),
        };
        if said.is_empty() || said == *last {
            return;
        }
        let line = format!("{} {said}\n", wall_now().format("%H:%M:%S"));
        // Announcements are a courtesy copy: a file that refuses them must not stop the workshop.
        let _ = std::io::Write::write_all(file, line.as_bytes());
        *last = said;
    }

    /// The session's clock while recording; otherwise the console's own, for playing a replay.
    fn now(&self) -> Ms {
        self.recording.as_ref().map_or_else(|| self.clock.now(), |(_, clock)| clock.now())
    }

    pub fn run(&mut self, terminal: &mut DefaultTerminal) -> io::Result<()> {
        let mut dirty = true;
        loop {
            let now = self.now();
            if let Some((recorder, _)) = &mut self.recording {
                if recorder.unsaved() > 0 && recorder.retry() {
                    dirty = true;
                }
                let running = matches!(&self.app.mode, Mode::Live(live) if live.state.running());
                if running && now >= self.marked_alive + ALIVE_MS {
                    recorder.mark_alive(now);
                    self.marked_alive = now;
                }
            }
            if let Mode::Replay(replay) = &mut self.app.mode {
                replay.advance(now);
            }
            self.say_when_time_is_up(now);
            self.announce();
            if dirty {
                let saving = self.saving();
                let cx = ui::Context { now, theme: &self.theme, saving: saving.as_deref() };
                let _drawing = super::signals::SCREEN.lock();
                terminal.draw(|frame| ui::render(frame, &self.app, &cx))?;
                dirty = false;
            }
            let mut wake = self.app.next_tick(now);
            if self.recording.as_ref().is_some_and(|(r, _)| r.unsaved() > 0) {
                wake = Some(wake.map_or(now + RETRY_MS, |w| w.min(now + RETRY_MS)));
            }
            let ready = match wake {
                Some(at) => {
                    event::poll(Duration::from_millis(real(at.saturating_sub(now)).max(1)))?
                }
                None => true, // nothing counts down: block until a key
            };
            if !ready {
                dirty = true;
                continue;
            }
            match event::read()? {
                TermEvent::Key(key) if key.kind == KeyEventKind::Press => {
                    let now = self.now();
                    let outcome = self.app.key(key, now);
                    if self.apply(outcome) {
                        return Ok(());
                    }
                    dirty = true;
                }
                TermEvent::Paste(text) => {
                    let now = self.now();
                    let outcome = self.app.paste(&text, now);
                    if self.apply(outcome) {
                        return Ok(());
                    }
                    dirty = true;
                }
                TermEvent::Resize(..) => dirty = true,
                _ => {}
            }
        }
    }

    /// Records a key's or a paste's events, durably before they are shown, then
    /// carries out its effect. True when the console should close.
    fn apply(&mut self, outcome: Outcome) -> bool {
        for logged in outcome.events {
            if let (Some((recorder, _)), Mode::Live(live)) =
                (&mut self.recording, &mut self.app.mode)
            {
                recorder.append(&logged);
                live.record(logged);
            }
        }
        outcome.effect.is_some_and(|effect| self.effect(effect))
    }

    /// Why events are not on disk, while they are not.
    fn saving(&self) -> Option<String> {
        let (recorder, _) = self.recording.as_ref()?;
        let waiting = recorder.unsaved();
        (waiting > 0).then(|| {
            format!(
                "{}. {waiting} event{} kept in memory; retrying.",
                recorder.trouble.as_deref().unwrap_or("the disk refuses writes"),
                if waiting == 1 { "" } else { "s" }
            )
        })
    }

    /// Carries out an effect; true when the console should close.
    fn effect(&mut self, effect: Effect) -> bool {
        match effect {
            Effect::Quit => self.finish(),
            Effect::QuitAnyway => self.quit_anyway(),
            Effect::Home => {
                // Only a replay or a comparison goes home: a live workshop has its recorder to close.
                if self.recording.is_none() {
                    let home = self.left_home.take().unwrap_or_else(|| home_screen(&self.sessions));
                    self.app.mode = Mode::Home(home);
                }
                false
            }
            Effect::NextTheme => {
                let said = if self.no_color {
                    "NO_COLOR is set, so the theme stays mono: colours would not show.".to_string()
                } else {
                    self.theme = Theme::after(&self.theme.name);
                    format!("Theme: {}.", self.theme.name)
                };
                match &mut self.app.mode {
                    Mode::Home(home) => home.notice = Some(said),
                    Mode::Live(live) => live.ui.notice = Some(said),
                    Mode::Replay(replay) => replay.ui.notice = Some(said),
                    Mode::Compare(_) => {}
                }
                false
            }
            Effect::Start(Start::Replay(path)) => {
                match replay(&path, &self.sessions) {
                    Ok(replay) => self.look(Mode::Replay(Box::new(replay))),
                    Err(e) => self.tell_home(e.headline()),
                }
                false
            }
            Effect::Start(Start::Compare(series, all)) => {
                self.compare(comparison(&[], Some(&series), &self.sessions, all));
                false
            }
            Effect::Start(Start::CompareMarked(files)) => {
                self.compare(comparison(&files, None, &self.sessions, true));
                false
            }
            Effect::Start(start) => {
                match prepare(&start).and_then(|p| open(p, &self.sessions, wall_now())) {
                    Ok(opened) => {
                        self.app.mode = Mode::Live(Box::new(opened.live));
                        super::signals::recording(Some(opened.recorder.path.clone()));
                        self.recording = Some((opened.recorder, opened.clock));
                    }
                    Err(e) => {
                        if let Mode::Home(home) = &mut self.app.mode {
                            home.notice = Some(e.headline());
                        }
                    }
                }
                false
            }
        }
    }

    /// Opens a comparison, or says on the home screen why it cannot.
    fn compare(&mut self, comparison: Result<Comparison, String>) {
        match comparison {
            Ok(comparison) => self.look(Mode::Compare(Box::new(Compare::new(comparison)))),
            Err(e) => self.tell_home(e),
        }
    }

    /// Opens a replay or a comparison, keeping the home screen it was opened from
    /// (its place and marks) to come back to.
    fn look(&mut self, mode: Mode) {
        if let Mode::Home(home) = std::mem::replace(&mut self.app.mode, mode) {
            self.left_home = Some(home);
        }
    }

    fn tell_home(&mut self, said: String) {
        if let Mode::Home(home) = &mut self.app.mode {
            home.notice = Some(said);
        }
    }

    /// Merges and closes the session; true when it is safe to leave.
    fn finish(&mut self) -> bool {
        let (Some((recorder, _)), Mode::Live(live)) = (&mut self.recording, &mut self.app.mode)
        else {
            return true;
        };
        match recorder.finish(&live.session) {
            Ok(path) => {
                let state = if live.state.ended.is_some() {
                    "Workshop ended".to_string()
                } else {
                    format!(
                        "Stopped at stage {} of {}; carry on with `roundtable run {}`",
                        live.state.current + 1,
                        live.state.stages.len(),
                        path.display()
                    )
                };
                self.farewell.push(format!("Session saved: {}", path.display()));
                self.farewell.push(state);
                if let Some((recorder, _)) = self.recording.take() {
                    recorder.release();
                }
                true
            }
            Err(e) => {
                // The disk refuses: ask before leaving, and say where the session will go instead.
                let rescue = rescue_path(&recorder.path);
                live.ui.question = Some(format!(
                    "{}. Quit anyway? roundtable will write the whole session to {} instead. Or stay, free some space, and it keeps trying every two seconds.",
                    e.headline(),
                    rescue.display()
                ));
                live.ui.overlay = Some(Overlay::QuitUnsaved);
                false
            }
        }
    }

    /// Quitting though the disk refuses: the session goes to the rescue file,
    /// or failing that, printed whole once the terminal is back, so nothing is lost.
    fn quit_anyway(&mut self) -> bool {
        if self.finish() {
            return true;
        }
        let (Some((recorder, _)), Mode::Live(live)) = (&self.recording, &self.app.mode) else {
            return true;
        };
        let rescue = rescue_path(&recorder.path);
        match crate::store::session_file::write_new(&rescue, &live.session) {
            Ok(()) => {
                self.farewell.push(format!(
                    "The disk refused to save {}; the whole session is in {} instead.",
                    recorder.path.display(),
                    rescue.display()
                ));
            }
            Err(e) => {
                self.farewell.push(format!(
                    "Nowhere would take the session ({}); here it is whole. Save it as a .ron file:",
                    crate::store::ron_text::io_words(&e)
                ));
                self.farewell
                    .push(crate::store::session_file::to_text(&live.session).unwrap_or_default());
            }
        }
        true
    }
}
