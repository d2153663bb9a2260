//! Files: plans, sessions, their journals and locks, keymaps; the folder
//! they live in. Uses `model` and `input`; knows nothing of the screen.

pub mod catalog;
pub(crate) mod error;
pub mod follow;
pub mod index;
pub mod journal;
pub mod keymap_file;
pub(crate) mod locate;
pub mod lock;
pub mod plan_file;
pub mod presence;
pub mod recorder;
pub mod report_file;
pub mod ron_text;
pub mod session_file;
pub mod session_fold;

pub use error::FileError;

use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};

/// The `n`th name a session may take in `dir`: `STEM.ron`, then `STEM-2.ron`, `STEM-3.ron`…
pub fn numbered(dir: &Path, stem: &str, n: usize) -> PathBuf {
    if n == 1 { dir.join(format!("{stem}.ron")) } else { dir.join(format!("{stem}-{n}.ron")) }
}

/// Where a session goes when its own folder refuses it: the temporary
/// folder, under the first of its names not taken there.
pub fn rescue_path(session: &Path) -> PathBuf {
    let stem = session.file_stem().map_or("session".into(), |s| s.to_string_lossy().into_owned());
    let dir = std::env::temp_dir();
    (1..10_000)
        .map(|n| numbered(&dir, &stem, n))
        .find(|p| !taken(p))
        .unwrap_or_else(|| dir.join("roundtable-rescue.ron"))
}

/// Whether a name in the sessions folder is taken in any form: a file, a
/// folder, or a link, dangling or not (`exists` says no to a dangling link).
pub fn taken(path: &Path) -> bool {
    !matches!(std::fs::symlink_metadata(path), Err(e) if e.kind() == std::io::ErrorKind::NotFound)
}

/// Opens a file of the sessions folder never through a link: a shared folder
/// must not be able to point roundtable's writes at a file somewhere else.
pub fn open_own(path: &Path, options: &mut OpenOptions) -> std::io::Result<File> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW);
    }
    options.open(path)
}

/// Opens a file of the sessions folder to read it, never through a link and
/// never waiting: a named pipe or a device put where a file should be is
/// refused, not opened, so nobody can make a reader hang on it.
pub fn open_regular(path: &Path) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    if !file.metadata()?.is_file() {
        return Err(std::io::Error::other("not a regular file"));
    }
    Ok(file)
}

/// What went wrong opening a file of the sessions folder, in words; a link is
/// named as such, with what to do about it.
pub fn open_words(e: &std::io::Error) -> String {
    #[cfg(unix)]
    if e.raw_os_error() == Some(libc::ELOOP) {
        return "it is a link, and roundtable never writes through a link in the sessions folder; \
                remove the link or choose another folder"
            .into();
    }
    ron_text::io_words(e)
}

/// Makes a new or renamed file's name itself durable, not only its contents.
pub fn sync_folder(file: &Path) {
    let folder = match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if let Ok(dir) = std::fs::File::open(folder) {
        let _ = dir.sync_all();
    }
}
