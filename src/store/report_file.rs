//! A report written beside its session: `NAME.html` next to `NAME.ron`.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::error::FileError;
use super::ron_text::io_words;

/// Where the report of `session` goes: beside it, under the same name.
fn report_path(session: &Path) -> PathBuf {
    session.with_extension("html")
}

/// Writes `page` as the report of `session`, in one step: a reader finds the
/// old report or the new, never half of one, and a link in its place is
/// replaced, never followed.
pub fn write_report(session: &Path, page: &str) -> Result<PathBuf, FileError> {
    let path = report_path(session);
    let fail = |e: std::io::Error| {
        FileError::whole(&path, format!("cannot write the report: {}", io_words(&e)))
    };
    let mut out = atomic_write_file::AtomicWriteFile::open(&path).map_err(fail)?;
    out.write_all(page.as_bytes()).map_err(fail)?;
    out.commit().map_err(fail)?;
    Ok(path)
}
