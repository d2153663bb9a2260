//! Sessions of one series, chosen and summed up side by side.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::report::Summary;
use crate::report::compare::{Comparison, LeftOut};
use crate::store::FileError;
use crate::store::catalog;
use crate::store::session_fold::fold_session;

/// Why sessions cannot be compared.
#[derive(Debug)]
pub enum CompareError {
    /// `--series` with more than one folder.
    FoldersWithSeries,
    NoFolder(PathBuf),
    NoSeries {
        dir: PathBuf,
        series: String,
    },
    /// Every session of the series is a rehearsal or unfinished.
    AllLeftOut {
        dir: PathBuf,
        series: String,
        left_out: usize,
    },
    NothingNamed,
    Unreadable(FileError),
    /// A reader stopped before it had read its sessions: a bug, said rather than crashed on.
    Stopped,
    MixedSeries {
        file: PathBuf,
        series: Option<String>,
        first_file: PathBuf,
        first_series: Option<String>,
    },
}

impl fmt::Display for CompareError {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        match self {
            CompareError::FoldersWithSeries => f.write_str(
                "with --series, give one folder to look in, or none for the sessions folder",
            ),
            CompareError::NoFolder(dir) => write!(f, "{}: no such folder", dir.display()),
            CompareError::NoSeries { dir, series } => {
                write!(f, "{}: no sessions of the series \"{series}\" here", dir.display())
            }
            CompareError::AllLeftOut { dir, series, left_out } => write!(
                f,
                "{}: no finished session of the series \"{series}\" that was not a rehearsal; --all takes in the {left_out} left out",
                dir.display()
            ),
            CompareError::NothingNamed => {
                f.write_str("name the sessions to compare, or --series NAME")
            }
            CompareError::Unreadable(e) => write!(f, "{e}"),
            CompareError::Stopped => f.write_str("a session could not be read"),
            CompareError::MixedSeries { file, series, first_file, first_series } => {
                let name = |s: &Option<String>| {
                    s.as_ref().map_or("no series".to_string(), |s| format!("the series \"{s}\""))
                };
                write!(
                    f,
                    "{}: a session of {}, not of {} like {}",
                    file.display(),
                    name(series),
                    name(first_series),
                    first_file.display()
                )
            }
        }
    }
}

/// The sessions to compare, all of one series, summed up.
/// Sessions named (an explicit choice: all taken in), or a series from a
/// folder: its finished, real sessions, and with `all` its rehearsals and
/// unfinished ones too; those left out are listed with a word.
pub fn comparison(
    files: &[PathBuf],
    series: Option<&str>,
    sessions: &Path,
    all: bool,
) -> Result<Comparison, CompareError> {
    let mut left_out = Vec::new();
    let files: Vec<PathBuf> = match series {
        Some(name) => {
            let dir = match files {
                [] => sessions.to_path_buf(),
                [dir] => dir.clone(),
                _ => return Err(CompareError::FoldersWithSeries),
            };
            if !dir.is_dir() {
                return Err(CompareError::NoFolder(dir));
            }
            let found = catalog::series(&dir, name);
            if found.is_empty() {
                return Err(CompareError::NoSeries { dir, series: name.into() });
            }
            let mut taken = Vec::new();
            for (path, why) in found {
                match why {
                    Some(why) if !all => left_out.push(LeftOut {
                        session: path.file_name().map_or_else(
                            || path.display().to_string(),
                            |n| n.to_string_lossy().into_owned(),
                        ),
                        why: why.into(),
                    }),
                    _ => taken.push(path),
                }
            }
            if taken.is_empty() {
                let left_out = left_out.len();
                return Err(CompareError::AllLeftOut { dir, series: name.into(), left_out });
            }
            taken
        }
        None if files.is_empty() => {
            return Err(CompareError::NothingNamed);
        }
        None => files.to_vec(),
    };
    // Each session is read and summed up on its own, so the cores share them.
    let read = |file: &PathBuf| {
        fold_session(file)
            .map(|loaded| {
                (loaded.session.plan.series.clone(), Summary::of(&loaded.session, &loaded.state))
            })
            .map_err(CompareError::Unreadable)
    };
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = files.len().div_ceil(cores).max(1);
    let read: Vec<Result<(Option<String>, Summary), CompareError>> = std::thread::scope(|scope| {
        let workers: Vec<_> = files
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(read).collect::<Vec<_>>()))
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_else(|_| vec![Err(CompareError::Stopped)]))
            .collect()
    });
    let mut summaries = Vec::new();
    let mut first: Option<(PathBuf, Option<String>)> = None;
    for (file, result) in files.iter().zip(read) {
        let (this, summary) = result?;
        match &first {
            None => first = Some((file.clone(), this.clone())),
            Some((first_file, first_series)) if *first_series != this => {
                return Err(CompareError::MixedSeries {
                    file: file.clone(),
                    series: this,
                    first_file: first_file.clone(),
                    first_series: first_series.clone(),
                });
            }
            Some(_) => {}
        }
        summaries.push(summary);
    }
    let mut comparison = Comparison::of(summaries);
    comparison.left_out = left_out;
    Ok(comparison)
}
