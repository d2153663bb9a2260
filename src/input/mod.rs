//! The key vocabulary: what a facilitator can do (`Action`), on which screen,
//! and which keys do it (`Keymap`, with its clash check). A leaf: it uses no
//! other folder of the crate and reads no files (`store` reads keymap files).

pub mod action;
pub mod keymap;

/// The terminal's key events as the console receives them: the rest of the
/// crate names them from here, so only `console` and `ui` know the terminal library.
pub use ratatui::crossterm::event::{Event as TermEvent, KeyCode, KeyEvent, KeyModifiers};
/// A typed field's own handling of those keys (tui-input's, for crossterm).
pub use tui_input::backend::crossterm::EventHandler;
