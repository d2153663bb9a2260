//! What the live screen keeps beside the workshop: its view, its selections,
//! the dialog or form that is open. Never logged.

use tui_input::Input;

use crate::app::agree::Agree;
use crate::app::answer::AnswerForm;
use crate::app::capture::Capture;
use crate::app::help::Help;
use crate::app::ladder::LadderForm;
use crate::app::picker::Picker;
use crate::input::action::Screen;

/// The series' session before this one, as it ended: its share of airtime and of ideas by role.
#[derive(Clone, Debug, PartialEq)]
pub struct Before {
    /// When it was, as the room would say it: "Tue 18 Nov".
    pub when: String,
    pub shares: Vec<crate::model::balance::RoleShare>,
}

/// What is open on top of the screen and waits for an answer. Never logged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Overlay {
    ConfirmQuit,
    ConfirmEnd,
    /// Quit though the disk refuses writes? The question is in `LiveUi::question`.
    QuitUnsaved,
}

/// The whole-screen views of a live workshop.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    #[default]
    Main,
    Board,
    Actions,
    Reflection,
    /// The door: its code, and the tray of what phones sent.
    Door,
}

impl View {
    /// The screen whose keys work in this view.
    pub fn screen(self) -> Screen {
        match self {
            View::Main => Screen::Live,
            View::Board => Screen::Board,
            View::Actions => Screen::Actions,
            View::Reflection => Screen::Reflection,
            View::Door => Screen::Door,
        }
    }
}

/// The panel whose list the arrows move in, on the main view.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Panel {
    #[default]
    Queue,
    Ideas,
}

/// A form that takes typed text; while one is open, keys are text.
#[derive(Clone, Debug)]
pub enum Popup {
    Picker(Picker),
    Capture(Capture),
    Edit {
        idea: usize,
        words: Input,
    },
    Agree(Agree),
    Note {
        action: usize,
        words: Input,
    },
    /// A note on a component in the current checkpoint.
    ReflectNote {
        component: usize,
        words: Input,
    },
    /// An answer to one of the two questions that check direction.
    Answer(AnswerForm),
    /// Where the work stands on the ladder.
    Ladder(LadderForm),
    /// A new checkpoint's label.
    Checkpoint {
        words: Input,
    },
    /// A message to the room; saved empty, it clears the one shown.
    Message {
        words: Input,
    },
}

#[derive(Clone, Debug, Default)]
pub struct LiveUi {
    pub overlay: Option<Overlay>,
    pub popup: Option<Popup>,
    pub view: View,
    pub focus: Panel,
    /// A word about a key that did nothing; the next change replaces it.
    pub notice: Option<String>,
    /// The selected place in the queue.
    pub selected: usize,
    /// The selected idea, by number.
    pub idea: usize,
    /// The selected action, by number.
    pub action: usize,
    /// The idea chosen to merge into another, while the other is chosen.
    pub merging: Option<usize>,
    pub help: Help,
    /// The selected row of the reflection screen: components, then the two questions, then the ladder.
    pub reflect_row: usize,
    /// The level the tally keys add to or take from, 0..4.
    pub tally_level: usize,
    /// The projection view: the big timer, who speaks and who is next, nothing else.
    pub projection: bool,
    /// Participants' needs shown in words, at the facilitator's asking; a
    /// neutral mark otherwise. Never on the projection view.
    pub show_needs: bool,
    /// How many room views (`roundtable show`) follow this workshop: with one,
    /// this screen is the facilitator's own.
    pub followers: usize,
    /// The selected offer of the door's tray, among those waiting.
    pub offer: usize,
    /// The question a `QuitUnsaved` overlay asks, with what the disk said and where the session would go.
    pub question: Option<String>,
}
