//! A recorded session, opened to be played back.

use std::path::Path;

use super::previous::before;
use crate::app::live::Live;
use crate::app::replay::Replay;
use crate::store::FileError;
use crate::store::session_file::load_session;

/// A recorded session, ready to replay: read only, no lock, journal included.
pub fn replay(path: &Path, sessions: &Path) -> Result<Replay, FileError> {
    let loaded = load_session(path)?;
    let live = Live::folded(loaded.session.clone(), loaded.state);
    let before = before(&live, sessions, path, None);
    let mut replay = Replay::new(loaded.session);
    replay.before = before;
    Ok(replay)
}
