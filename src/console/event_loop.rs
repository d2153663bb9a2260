//! The loop: read the clock once a turn, wait for a key or the next visible
//! change, make events durable, then apply and draw them.

use std::io;
use std::path::PathBuf;
use std::time::Duration;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event as TermEvent, KeyEventKind};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};

use super::door::{Doorway, Wake};

use super::clock::{Clock, real, wall_now};
use crate::app::compare::Compare;
use crate::app::home::Home;
use crate::app::replay::Replay;
use crate::app::{App, Effect, Mode, Outcome, Start};
use crate::input::keymap::Keymap;
use crate::model::Ms;
use crate::model::length::in_words;
use crate::model::step::StepSeen;
use crate::report::compare::Comparison;
use crate::store::lock::ALIVE_EVERY_MS;
use crate::store::recorder::Recorder;
use crate::ui::{self, theme::Theme};
use crate::workshop::compare::{CompareError, comparison};
use crate::workshop::open::{Opened, home_screen, open, prepare};
use crate::workshop::replay::replay;
use crate::workshop::report::{report_beside, report_of};

/// How often to try again while the disk refuses writes.
const RETRY_MS: Ms = 2_000;
/// How often a recording console counts the room views that follow it.
const FOLLOWERS_MS: u64 = 2_000;

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
    /// `--door`: open the door when the workshop opens, at this address (none: the laptop's own).
    pub door: Option<Option<std::net::SocketAddr>>,
}

/// What the console opens on.
pub enum Begin {
    Home,
    Live(Box<Opened>),
    Replay(Box<Replay>),
    Compare(Box<Compare>),
}

pub struct Console {
    pub app: App,
    pub theme: Theme,
    pub sessions: PathBuf,
    pub recording: Option<(Recorder, Clock)>,
    pub(super) door: Doorway,
    /// Where keys and phones wake the loop, once it runs.
    pub(super) wake: Option<Sender<Wake>>,
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
    /// The stage and step last seen, so that a step change is said (and rung) once.
    step: StepSeen,
    /// The console's own clock, when no session is recording.
    clock: Clock,
    /// `--announce`: the file each announcement is appended to, and the last one written.
    announce: Option<(std::fs::File, String)>,
    marked_alive: Ms,
    /// When the room views were last counted, on the session's clock.
    counted: Option<Ms>,
}

impl Console {
    /// The home screen, or straight into a workshop already opened.
    pub fn new(settings: Settings, begin: Begin) -> Console {
        let (mode, recording) = match begin {
            Begin::Live(opened) => (
                Mode::Live(Box::new(opened.live)),
                Some((opened.recorder, Clock::starting_at(opened.starts_at))),
            ),
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
            door: Doorway::new(settings.door),
            wake: None,
            farewell: Vec::new(),
            bell: settings.bell,
            no_color: settings.no_color,
            left_home: None,
            rung: None,
            over: None,
            step: StepSeen::default(),
            announce: settings.announce.map(|file| (file, String::new())),
            marked_alive: 0,
            counted: None,
            clock: Clock::starting_at(0),
        }
    }

    /// Says, once, when a turn's time box or the stage's time runs out, or a
    /// stage's step changes: a change the room should hear in words though no
    /// event makes it. Rings the bell too, if asked (a turn's end, a new step).
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
            Console::ring(self.bell);
        }
        // A stage's steps change with its time, not by an event: said, and rung, here.
        if let Some(change) = self.step.look(state, now) {
            live.ui.notice = Some(change.words);
            if change.onward {
                Console::ring(self.bell);
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

    /// The terminal's bell, once, when `--bell` asks for it.
    fn ring(bell: bool) {
        if bell {
            let mut out = std::io::stdout();
            let _ = std::io::Write::write_all(&mut out, b"\x07");
            let _ = std::io::Write::flush(&mut out);
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
        // Keys and phones both wake the loop, through one channel.
        let (tx, rx) = mpsc::channel();
        let keys = tx.clone();
        std::thread::spawn(move || {
            loop {
                let wake = match event::read() {
                    Ok(e) => Wake::Term(e),
                    Err(_) => Wake::TermGone,
                };
                let gone = matches!(wake, Wake::TermGone);
                if keys.send(wake).is_err() || gone {
                    return;
                }
            }
        });
        self.wake = Some(tx);
        self.door_at_start(self.now());
        let mut dirty = true;
        loop {
            let now = self.now();
            if let Some((recorder, _)) = &mut self.recording {
                if recorder.unsaved() > 0 && recorder.retry() {
                    dirty = true;
                }
                // Running or not: a room view tells a console that crashed by its silence.
                if now >= self.marked_alive + ALIVE_EVERY_MS {
                    recorder.mark_alive(now);
                    self.marked_alive = now;
                }
            }
            if let Mode::Replay(replay) = &mut self.app.mode {
                replay.advance(now);
            }
            if self.count_followers(now) {
                dirty = true;
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
            if self.recording.is_some() {
                let count_at = now + FOLLOWERS_MS * super::clock::speed();
                wake = Some(wake.map_or(count_at, |w| w.min(count_at)));
            }
            let woke = match wake {
                Some(at) => {
                    rx.recv_timeout(Duration::from_millis(real(at.saturating_sub(now)).max(1)))
                }
                // Nothing counts down: block until a key or a phone.
                None => rx.recv().map_err(|_| RecvTimeoutError::Disconnected),
            };
            let woke = match woke {
                Ok(woke) => woke,
                Err(RecvTimeoutError::Timeout) => {
                    dirty = true;
                    continue;
                }
                Err(RecvTimeoutError::Disconnected) => Wake::TermGone,
            };
            match woke {
                Wake::Term(TermEvent::Key(key)) if key.kind == KeyEventKind::Press => {
                    let now = self.now();
                    let outcome = self.app.key(key, now);
                    if self.apply(outcome) {
                        return Ok(());
                    }
                    dirty = true;
                }
                Wake::Term(TermEvent::Paste(text)) => {
                    let now = self.now();
                    let outcome = self.app.paste(&text, now);
                    if self.apply(outcome) {
                        return Ok(());
                    }
                    dirty = true;
                }
                Wake::Term(TermEvent::Resize(..)) => dirty = true,
                Wake::Term(_) => {}
                Wake::TermGone => return Err(io::Error::other("the terminal has gone")),
                Wake::Door(request) => {
                    let now = self.now();
                    self.door_request(request, now);
                    dirty = true;
                }
            }
        }
    }

    /// Counts the room views following the workshop, every two seconds; true when that changed.
    fn count_followers(&mut self, now: Ms) -> bool {
        let (Some((recorder, _)), Mode::Live(live)) = (&self.recording, &mut self.app.mode) else {
            return false;
        };
        let every = FOLLOWERS_MS * super::clock::speed();
        if self.counted.is_some_and(|at| now < at + every) {
            return false;
        }
        self.counted = Some(now);
        let n = crate::store::presence::following(&recorder.path);
        let changed = n != live.ui.followers;
        live.followed_by(n, &self.app.keymap.label(crate::input::action::Action::ShowNeeds));
        changed
    }

    /// Records a key's or a paste's events, durably before they are shown, then
    /// carries out its effect. True when the console should close.
    fn apply(&mut self, mut outcome: Outcome) -> bool {
        // The door closes as the workshop ends: after the end nothing more is recorded.
        let ends =
            outcome.events.iter().any(|l| matches!(l.event, crate::model::Event::WorkshopEnded));
        if ends {
            let at = outcome.events[0].at;
            if let Mode::Live(live) = &self.app.mode
                && live.state.door.open.is_some()
            {
                let closed = crate::model::Logged::new(at, crate::model::Event::DoorClosed);
                outcome.events.insert(0, closed);
            }
            self.door.close();
        }
        for logged in outcome.events {
            if let (Some((recorder, _)), Mode::Live(live)) =
                (&mut self.recording, &mut self.app.mode)
            {
                recorder.append(&logged);
                live.record(logged);
            }
        }
        if let Mode::Live(live) = &self.app.mode {
            self.door.show(live, self.now());
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
            Effect::Door => {
                self.toggle_door(self.now());
                false
            }
            Effect::Quit => self.quit(self.now(), false),
            Effect::QuitAnyway => self.quit(self.now(), true),
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
            Effect::WriteReport(path) => {
                self.write_report(path);
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
                match prepare(&start)
                    .and_then(|p| open(p, &self.sessions, wall_now(), super::clock::rehearsing()))
                {
                    Ok(opened) => {
                        self.app.mode = Mode::Live(Box::new(opened.live));
                        super::signals::recording(Some(opened.recorder.path.clone()));
                        self.recording =
                            Some((opened.recorder, Clock::starting_at(opened.starts_at)));
                        self.door_at_start(self.now());
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

    /// Writes the HTML report beside a session, and says where it went or why it could not.
    fn write_report(&mut self, path: Option<PathBuf>) {
        let written = match (&path, &self.recording, &self.app.mode) {
            (Some(path), _, _) => report_beside(path),
            (None, Some((recorder, _)), Mode::Live(live)) => {
                report_of(&recorder.path, &live.session, &live.state)
            }
            (None, _, _) => return,
        };
        let said = match written {
            Ok(page) => format!(
                "Report written to {}: one page to open in a browser, print, or send to everyone who took part.",
                page.display()
            ),
            Err(e) => e.headline(),
        };
        match &mut self.app.mode {
            Mode::Home(home) => home.notice = Some(said),
            Mode::Live(live) => live.ui.notice = Some(said),
            Mode::Replay(_) | Mode::Compare(_) => {}
        }
    }

    /// Opens a comparison, or says on the home screen why it cannot.
    fn compare(&mut self, comparison: Result<Comparison, CompareError>) {
        match comparison {
            Ok(comparison) => self.look(Mode::Compare(Box::new(Compare::new(comparison)))),
            Err(e) => self.tell_home(e.to_string()),
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
}
