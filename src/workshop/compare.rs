//! Sessions of one series, chosen and summed up side by side.

use std::path::{Path, PathBuf};

use crate::report::Summary;
use crate::report::compare::{Comparison, LeftOut};
use crate::store::catalog;
use crate::store::session_fold::fold_session;

/// The sessions to compare, all of one series, summed up.
/// Sessions named (an explicit choice: all taken in), or a series from a
/// folder: its finished, real sessions, and with `all` its rehearsals and
/// unfinished ones too; those left out are listed with a word.
pub fn comparison(
    files: &[PathBuf],
    series: Option<&str>,
    sessions: &Path,
    all: bool,
) -> Result<Comparison, String> {
    let mut left_out = Vec::new();
    let files: Vec<PathBuf> = match series {
        Some(name) => {
            let dir = match files {
                [] => sessions.to_path_buf(),
                [dir] => dir.clone(),
                _ => return Err(
                    "with --series, give one folder to look in, or none for the sessions folder"
                        .into(),
                ),
            };
            if !dir.is_dir() {
                return Err(format!("{}: no such folder", dir.display()));
            }
            let found = catalog::series(&dir, name);
            if found.is_empty() {
                return Err(format!(
                    "{}: no sessions of the series \"{name}\" here",
                    dir.display()
                ));
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
                return Err(format!(
                    "{}: no finished session of the series \"{name}\" that was not a rehearsal; --all takes in the {} left out",
                    dir.display(),
                    left_out.len()
                ));
            }
            taken
        }
        None if files.is_empty() => {
            return Err("name the sessions to compare, or --series NAME".into());
        }
        None => files.to_vec(),
    };
    // Each session is read and summed up on its own, so the cores share them.
    let read = |file: &PathBuf| {
        fold_session(file)
            .map(|loaded| {
                (loaded.session.plan.series.clone(), Summary::of(&loaded.session, &loaded.state))
            })
            .map_err(|e| e.to_string())
    };
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let chunk = files.len().div_ceil(cores).max(1);
    let read: Vec<Result<(Option<String>, Summary), String>> = std::thread::scope(|scope| {
        let workers: Vec<_> = files
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(read).collect::<Vec<_>>()))
            .collect();
        workers
            .into_iter()
            .flat_map(|w| {
                w.join().unwrap_or_else(|_| vec![Err("a session could not be read".into())])
            })
            .collect()
    });
    let mut summaries = Vec::new();
    let mut first: Option<(PathBuf, Option<String>)> = None;
    for (file, result) in files.iter().zip(read) {
        let (this, summary) = result?;
        match &first {
            None => first = Some((file.clone(), this.clone())),
            Some((first_file, first_series)) if *first_series != this => {
                let name = |s: &Option<String>| {
                    s.as_ref().map_or("no series".to_string(), |s| format!("the series \"{s}\""))
                };
                return Err(format!(
                    "{}: a session of {}, not of {} like {}",
                    file.display(),
                    name(&this),
                    name(first_series),
                    first_file.display()
                ));
            }
            Some(_) => {}
        }
        summaries.push(summary);
    }
    let mut comparison = Comparison::of(summaries);
    comparison.left_out = left_out;
    Ok(comparison)
}
