//! The session a room view follows: one named by its file, its file name or
//! its plan's title, or else the newest unfinished one in the sessions folder.

use std::path::{Path, PathBuf};

use crate::model::text::slug;
use crate::store::FileError;
use crate::store::catalog::sessions;

/// The session `named` names, or the newest unfinished session in `dir`.
pub fn followed(named: Option<&str>, dir: &Path) -> Result<PathBuf, FileError> {
    if let Some(name) = named {
        let path = Path::new(name);
        if std::fs::symlink_metadata(path).is_ok() {
            return Ok(path.to_path_buf());
        }
    }
    let found = sessions(dir);
    let unfinished = || found.iter().filter(|s| !s.ended);
    let chosen = match named {
        None => unfinished().next(),
        Some(name) => {
            let wanted = slug(name);
            let typed = Path::new(name).file_stem().and_then(|f| f.to_str()).unwrap_or(name);
            let matches = |s: &&crate::model::listing::SessionInfo| {
                let file = s.path.file_stem().and_then(|f| f.to_str()).unwrap_or_default();
                // The title's slug ends a file name after the date and a dash.
                slug(&s.title) == wanted || file == typed || file.ends_with(&format!("-{wanted}"))
            };
            // An unfinished one first: a room view is for a workshop under way.
            unfinished().find(matches).or_else(|| found.iter().find(matches))
        }
    };
    match (chosen, named) {
        (Some(info), _) => Ok(info.path.clone()),
        (None, None) => Err(FileError::whole(
            dir,
            "no unfinished session here to follow; start one with `roundtable run` in another terminal, or name a session file",
        )),
        (None, Some(name)) => Err(FileError::whole(
            dir,
            format!("no session here is called \"{name}\", by file or by plan title"),
        )),
    }
}
