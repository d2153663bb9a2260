//! The report for everyone who took part, written as an HTML page beside its session.

use std::path::{Path, PathBuf};

use crate::model::State;
use crate::model::session::Session;
use crate::report::html;
use crate::report::summary::Summary;
use crate::store::FileError;
use crate::store::report_file::write_report;
use crate::store::session_fold::fold_session;

/// Reads a recorded session and writes its report beside it; says where.
pub fn report_beside(session: &Path) -> Result<PathBuf, FileError> {
    let folded = fold_session(session)?;
    write_report(session, &html::session(&Summary::of(&folded.session, &folded.state)))
}

/// The report of a workshop as it stands, written beside its session file.
pub fn report_of(path: &Path, session: &Session, state: &State) -> Result<PathBuf, FileError> {
    write_report(path, &html::session(&Summary::of(session, state)))
}
