//! Files: plans, sessions, their journals and locks. Knows nothing of the screen.

pub mod catalog;
pub mod error;
pub mod journal;
pub mod locate;
pub mod lock;
pub mod plan_file;
pub mod recorder;
pub mod ron_text;
pub mod session_file;

pub use error::FileError;

use std::path::Path;

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
