//! `roundtable show`: the room's view, following a session that a console in
//! another terminal records. It wakes for a change to the session's files, a
//! key, or the next second the screen shows, and for nothing else.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::time::Duration;

use notify::event::ModifyKind;
use notify::{EventKind, RecursiveMode, Watcher};
use ratatui::crossterm::event::{self, Event as TermEvent, KeyEventKind};

use super::clock::{Reckoned, real, wall_since};
use crate::app::Effect;
use crate::app::live::next_tick;
use crate::app::room::RoomView;
use crate::input::action::Screen;
use crate::input::keymap::{Key, Keymap};
use crate::model::Event;
use crate::store::FileError;
use crate::store::follow::{Change, Follow};
use crate::store::presence::Presence;
use crate::store::session_file::Loaded;
use crate::ui::{self, theme::Theme};

/// Without a watch on the folder, the files are looked at this often.
const LOOK_MS: u64 = 1000;
/// While the console is there, its presence is looked at this often: a
/// console that crashed says nothing, and only its silence tells.
const PRESENCE_MS: u64 = 5_000;

enum Wake {
    Files,
    Term(TermEvent),
    TermGone,
}

/// Where the console's clock stands, from the record read whole: after a
/// resume it runs from the wall clock less the latest gap; a rehearsal runs
/// faster than the wall, so it starts from its last event. Stopped while the
/// console is away, where it stopped.
fn reckon(loaded: &Loaded, away: bool) -> Reckoned {
    let events = &loaded.session.events;
    let last = events.last().map_or(0, |l| l.at);
    let gap_ms = events
        .iter()
        .rev()
        .find_map(|l| match l.event {
            Event::Resumed { gap_s } => Some(gap_s.saturating_mul(1000)),
            _ => None,
        })
        .unwrap_or(0);
    let by_wall = wall_since(loaded.session.started).saturating_sub(gap_ms);
    let at = if away || loaded.session.rehearsal { last } else { by_wall.max(last) };
    Reckoned::at(at, away)
}

pub struct ShowSettings {
    pub keymap: Keymap,
    pub theme: Theme,
    pub no_color: bool,
}

/// Follows a session, opened with `Follow::open`, on the terminal until the room view is closed.
pub fn show(mut follow: Follow, loaded: Loaded, settings: ShowSettings) -> Result<(), FileError> {
    let path = follow.path.clone();
    let path = path.as_path();
    let away = !follow.console_here();
    let mut clock = reckon(&loaded, away);
    let mut view = RoomView::new(loaded.state, loaded.session.started, away);
    // A room view that cannot leave its note still shows; the console just cannot count it.
    let _presence = Presence::announce(path).ok();
    let (tx, rx) = mpsc::channel();
    let watcher = watch(&follow, tx.clone());
    if watcher.is_none() {
        view.notice = Some(format!(
            "Cannot watch the sessions folder; looking at {} every second instead.",
            path.display()
        ));
    }
    let terminal_failed =
        |e: std::io::Error| FileError::whole(path, format!("cannot use this terminal: {e}"));
    let mut terminal = super::signals::take_terminal().map_err(terminal_failed)?;
    let _ = super::signals::watch();
    std::thread::spawn(move || {
        loop {
            match event::read() {
                Ok(e) => {
                    if tx.send(Wake::Term(e)).is_err() {
                        return;
                    }
                }
                Err(_) => {
                    let _ = tx.send(Wake::TermGone);
                    return;
                }
            }
        }
    });

    let mut theme = settings.theme;
    let mut held = None;
    // Every wake is a change to show (a look at the files, a key, a resize, the
    // next second) but a look at the console's presence that found no change.
    let mut dirty = true;
    let result = loop {
        let now = clock.now();
        view.see_step(now);
        if std::mem::replace(&mut dirty, true) {
            let cx = ui::Context { now, theme: &theme, saving: None };
            let _drawing = super::signals::SCREEN.lock();
            if let Err(e) =
                terminal.draw(|frame| ui::room_view(frame, &view, &settings.keymap, &cx))
            {
                break Err(terminal_failed(e));
            }
        }
        let tick = if clock.stopped() { None } else { next_tick(&view.state, view.started, now) };
        let look_every = if watcher.is_some() { PRESENCE_MS } else { LOOK_MS };
        let wait = tick.map_or(look_every, |at| real(at.saturating_sub(now)).clamp(1, look_every));
        let woke = match held.take() {
            Some(wake) => Ok(wake),
            None => rx.recv_timeout(Duration::from_millis(wait)),
        };
        match woke {
            // The next second: drawn, and the console's presence looked at,
            // unless there is no watch to say what changed.
            Err(RecvTimeoutError::Timeout) if watcher.is_some() => {
                let was = tick.is_some_and(|at| at <= clock.now());
                dirty = presence(&follow, &mut view, &mut clock) || was;
            }
            Ok(Wake::Files) | Err(RecvTimeoutError::Timeout) => {
                // Several changes at once are read in one look; a key behind them waits its turn.
                held = loop {
                    match rx.try_recv() {
                        Ok(Wake::Files) => {}
                        Ok(other) => break Some(other),
                        Err(_) => break None,
                    }
                };
                look(&mut follow, &mut view, &mut clock);
            }
            Ok(Wake::Term(TermEvent::Key(key))) if key.kind == KeyEventKind::Press => {
                let action = settings.keymap.action(Screen::Room, Key::from_event(&key));
                match action.and_then(|a| view.handle(a)) {
                    Some(Effect::Quit) => break Ok(()),
                    Some(Effect::NextTheme) if settings.no_color => {
                        view.notice = Some(
                            "NO_COLOR is set, so the theme stays mono: colours would not show."
                                .into(),
                        );
                    }
                    Some(Effect::NextTheme) => theme = Theme::after(&theme.name),
                    _ => {}
                }
            }
            Ok(Wake::Term(_)) => {}
            Ok(Wake::TermGone) | Err(RecvTimeoutError::Disconnected) => break Ok(()),
        }
    };
    drop(terminal);
    super::signals::restore_terminal();
    result
}

/// Reads what changed, and keeps the clock and the console's presence in step with it.
fn look(follow: &mut Follow, view: &mut RoomView, clock: &mut Reckoned) {
    match follow.catch_up() {
        Ok(Change::Nothing) => {}
        Ok(Change::More(events)) => {
            view.record(&events);
            // Each was stamped by the console's clock a moment ago, read as soon as it was durable.
            if let Some(last) = events.last()
                && !view.away
            {
                clock.set(last.at);
            }
        }
        Ok(Change::Whole(loaded)) => {
            *clock = reckon(&loaded, !follow.console_here());
            view.replace(loaded.state, loaded.session.started);
            // What a reader of the file is told (a line cut short, conflicts) is the facilitator's business.
            view.notice = None;
        }
        Err(e) => view.notice = Some(e.headline()),
    }
    presence(follow, view, clock);
}

/// Whether the console is there: the room is told when it goes, and the
/// clock stops with it. True when that changed.
fn presence(follow: &Follow, view: &mut RoomView, clock: &mut Reckoned) -> bool {
    let away = !follow.console_here();
    if away == view.away {
        return false;
    }
    view.away = away;
    if !away {
        clock.set(view.state.at.max(clock.now()));
    }
    clock.stop(away);
    true
}

/// A watch on the session's folder that wakes the loop when the session or
/// its journal changes; none where the system will not watch.
fn watch(follow: &Follow, tx: Sender<Wake>) -> Option<notify::RecommendedWatcher> {
    let absolute = |p: &Path| -> Option<PathBuf> {
        let dir = p.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
        Some(dir.canonicalize().ok()?.join(p.file_name()?))
    };
    let [session, journal] = follow.watched();
    let (session, journal) = (absolute(session)?, absolute(journal)?);
    let dir = session.parent()?.to_path_buf();
    let mut watcher = notify::recommended_watcher(move |res: notify::Result<notify::Event>| {
        // Only what changes the files: the view's own reading of them must not wake it again.
        if let Ok(event) = res
            && matches!(
                event.kind,
                EventKind::Create(_) | EventKind::Remove(_) | EventKind::Modify(_)
            )
            && !matches!(event.kind, EventKind::Modify(ModifyKind::Metadata(_)))
            && event.paths.iter().any(|p| *p == session || *p == journal)
        {
            let _ = tx.send(Wake::Files);
        }
    })
    .ok()?;
    watcher.watch(&dir, RecursiveMode::NonRecursive).ok()?;
    Some(watcher)
}
