//! The console's state and its update: which screen is up and what an action
//! does there. Uses `model`, `input` and `report`; no terminal, files or clock.

pub(crate) mod agree;
pub(crate) mod answer;
pub(crate) mod capture;
pub mod compare;
pub(crate) mod form;
pub(crate) mod help;
pub mod home;
pub mod ladder;
pub mod live;
pub mod picker;
pub mod replay;
pub mod room;

use std::path::PathBuf;

use crate::input::{KeyCode, KeyEvent};

use crate::input::action::{Action, Screen};
use crate::input::keymap::{Key, Keymap};
use compare::Compare;
use form::FormKey;
use help::Help;
use home::Home;
use live::Live;
use replay::Replay;

use crate::model::{Logged, Ms};

pub enum Mode {
    Home(Home),
    Live(Box<Live>),
    Replay(Box<Replay>),
    Compare(Box<Compare>),
}

pub struct App {
    pub mode: Mode,
    pub keymap: Keymap,
}

/// Where a workshop comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Start {
    BuiltIn,
    Plan(PathBuf),
    Resume(PathBuf),
    /// The next cycle of a recorded session's plan and series.
    Again(PathBuf),
    /// A recorded session, played back.
    Replay(PathBuf),
    /// Every session of a series in the sessions folder, side by side.
    /// A series' sessions; `true` takes in rehearsals and unfinished ones too.
    Compare(String, bool),
    /// The sessions marked on the home screen, side by side.
    CompareMarked(Vec<PathBuf>),
}

/// What the loop must do that the app cannot: files, and leaving.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    Start(Start),
    /// The next theme: the room's light or eyes may need another.
    NextTheme,
    Quit,
    /// Back to the home screen, from a replay or a comparison: nothing is recording.
    Home,
    /// Quit though the disk refuses to save: write the session somewhere else.
    QuitAnyway,
    /// Write the HTML report beside a recorded session; none: the workshop being recorded.
    WriteReport(Option<PathBuf>),
    /// Open the door for phones, or close it.
    Door,
}

/// The result of one key: events to make durable and then apply, and perhaps an effect.
#[derive(Debug, Default, PartialEq)]
pub struct Outcome {
    pub events: Vec<Logged>,
    pub effect: Option<Effect>,
}

impl Outcome {
    pub fn effect(effect: Effect) -> Outcome {
        Outcome { events: Vec::new(), effect: Some(effect) }
    }
}

impl App {
    /// The screen whose keys are read now.
    pub fn screen(&self) -> Screen {
        match &self.mode {
            Mode::Home(home) => home.screen(),
            Mode::Live(live) => live.screen(),
            Mode::Replay(replay) => replay.screen(),
            Mode::Compare(compare) => compare.screen(),
        }
    }

    /// Whether keys go into a text field rather than the keymap.
    pub fn typing(&self) -> bool {
        match &self.mode {
            Mode::Home(home) => home.typing.is_some(),
            Mode::Live(live) => live.ui.popup.is_some(),
            Mode::Replay(_) | Mode::Compare(_) => false,
        }
    }

    /// One key press. Text fields take keys as typed; everything else goes through the keymap.
    pub fn key(&mut self, event: KeyEvent, now: Ms) -> Outcome {
        if self.typing() {
            let key = FormKey::of(event, &self.keymap);
            return match &mut self.mode {
                Mode::Home(home) => home.type_key(key),
                Mode::Live(live) => live.popup_key(key, now),
                Mode::Replay(_) | Mode::Compare(_) => Outcome::default(),
            };
        }
        let key = Key::from_event(&event);
        match self.keymap.action(self.screen(), key) {
            Some(action) => self.handle(action, now),
            None => {
                self.unknown_key(key);
                Outcome::default()
            }
        }
    }

    /// Pasted text goes into the open form as if typed, line breaks and tabs as
    /// single spaces, so a paste never presses Enter or a key of the keymap.
    /// With no form open it does nothing, and says so.
    pub fn paste(&mut self, text: &str, now: Ms) -> Outcome {
        if !self.typing() {
            let capture = self.keymap.label(Action::CaptureIdea);
            self.tell(format!(
                "Pasted text was set aside: it goes into a form, such as an idea's ({capture})."
            ));
            return Outcome::default();
        }
        // The list of components is ticked with Space: a paste's spaces must not tick it.
        if let Mode::Live(live) = &self.mode
            && let Some(live::Popup::Capture(form)) = &live.ui.popup
            && form.field == capture::Field::Components
        {
            self.tell("Pasted text was set aside: Tab to the idea's words first.".into());
            return Outcome::default();
        }
        let mut outcome = Outcome::default();
        let mut space = false;
        // Far more than any field takes: a whole file pasted by mistake must not stall the room.
        const MOST: usize = 5_000;
        for c in text.chars().take(MOST).map(|c| if c.is_control() { ' ' } else { c }) {
            if c == ' ' && space {
                continue;
            }
            space = c == ' ';
            let typed = self.key(KeyEvent::from(KeyCode::Char(c)), now);
            outcome.events.extend(typed.events);
            outcome.effect = typed.effect.or(outcome.effect);
        }
        if text.chars().nth(MOST).is_some() {
            self.tell(format!("Only the first {MOST} characters of the paste were taken."));
        }
        outcome
    }

    /// The one place that decides which events happen.
    pub fn handle(&mut self, action: Action, now: Ms) -> Outcome {
        match &mut self.mode {
            Mode::Home(home) => home.handle(action),
            Mode::Live(live) => live.handle(action, now),
            Mode::Replay(replay) => replay.handle(action, now),
            Mode::Compare(compare) => compare.handle(action),
        }
    }

    fn unknown_key(&mut self, key: Key) {
        if matches!(key.code, KeyCode::Modifier(_)) {
            return;
        }
        let help = self.keymap.label(Action::Help);
        self.tell(format!("The key {key} does nothing here; {help} shows the keys."));
    }

    /// The help of whatever screen is open: one model for every mode.
    pub fn help(&self) -> Help {
        match &self.mode {
            Mode::Home(home) => home.help,
            Mode::Live(live) => live.ui.help,
            Mode::Replay(replay) => replay.ui.help,
            Mode::Compare(compare) => compare.help,
        }
    }

    /// The word on the status line of whatever screen is open, if any.
    pub fn notice(&self) -> Option<&str> {
        match &self.mode {
            Mode::Home(home) => home.notice.as_deref(),
            Mode::Live(live) => live.ui.notice.as_deref(),
            Mode::Replay(replay) => replay.ui.notice.as_deref(),
            Mode::Compare(compare) => compare.notice.as_deref(),
        }
    }

    /// Says something on the status line of whatever screen is open.
    fn tell(&mut self, said: String) {
        match &mut self.mode {
            Mode::Home(home) => home.notice = Some(said),
            Mode::Live(live) => live.ui.notice = Some(said),
            Mode::Replay(replay) => replay.ui.notice = Some(said),
            Mode::Compare(compare) => compare.notice = Some(said),
        }
    }

    /// The moment something on screen will next change by itself, if any.
    pub fn next_tick(&self, now: Ms) -> Option<Ms> {
        match &self.mode {
            Mode::Home(_) => None,
            Mode::Live(live) => live.next_tick(now),
            Mode::Replay(replay) => replay.next_tick(now),
            Mode::Compare(_) => None,
        }
    }
}
