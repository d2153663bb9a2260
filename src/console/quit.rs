//! Leaving a live workshop: the session merged and closed, or, when the disk
//! refuses, written somewhere else, so nothing is lost.

use super::event_loop::Console;
use crate::app::Mode;
use crate::app::live::Overlay;
use crate::store::rescue_path;

impl Console {
    /// Merges and closes the session; true when it is safe to leave.
    pub(super) fn finish(&mut self) -> bool {
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
    pub(super) fn quit_anyway(&mut self) -> bool {
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
