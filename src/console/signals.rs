//! SIGTERM, SIGHUP and SIGINT: restore the terminal, say where the session is, and go.
//! Every change already shown is on disk (that is what "durable before it is
//! shown" means), so stopping needs no last-moment writing.

use std::path::PathBuf;
use std::sync::Mutex;

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

/// Held while a frame is drawn, so the terminal is not restored half way through one.
pub static SCREEN: Mutex<()> = Mutex::new(());

/// The session being recorded, to name when stopping.
pub static SESSION: Mutex<Option<PathBuf>> = Mutex::new(None);

pub fn recording(path: Option<PathBuf>) {
    if let Ok(mut session) = SESSION.lock() {
        *session = path;
    }
}

/// Takes over the terminal: the alternate screen, raw mode, and bracketed paste,
/// so that a pasted line break is text for a form, never an Enter.
pub fn take_terminal() -> std::io::Result<ratatui::DefaultTerminal> {
    let terminal = ratatui::try_init()?;
    // ratatui's panic hook restores the screen but knows nothing of the paste mode.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = ratatui::crossterm::execute!(
            std::io::stdout(),
            ratatui::crossterm::event::DisableBracketedPaste
        );
        hook(info);
    }));
    ratatui::crossterm::execute!(
        std::io::stdout(),
        ratatui::crossterm::event::EnableBracketedPaste
    )?;
    Ok(terminal)
}

/// Gives the terminal back as it was found.
pub fn restore_terminal() {
    let _ = ratatui::crossterm::execute!(
        std::io::stdout(),
        ratatui::crossterm::event::DisableBracketedPaste
    );
    ratatui::restore();
}

/// Watches for the signals on a thread of its own.
pub fn watch() -> std::io::Result<()> {
    let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            let _drawing_stops = SCREEN.lock();
            restore_terminal();
            let name = match signal {
                SIGTERM => "SIGTERM",
                SIGHUP => "SIGHUP",
                _ => "SIGINT",
            };
            match SESSION.lock().ok().and_then(|s| s.clone()) {
                Some(path) => eprintln!(
                    "roundtable stopped by {name}. Every change shown is saved in {0} and its journal; carry on with `roundtable run {0}`",
                    path.display()
                ),
                None => eprintln!("roundtable stopped by {name}."),
            }
            // As shells and service managers expect of a process a signal stopped.
            std::process::exit(128 + signal);
        }
    });
    Ok(())
}
