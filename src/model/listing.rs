//! Recorded sessions as a list shows them, and which of them a series'
//! verdict counts.

use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};

#[derive(Clone, Debug, PartialEq)]
pub struct SessionInfo {
    pub path: PathBuf,
    pub title: String,
    pub series: Option<String>,
    pub started: DateTime<FixedOffset>,
    pub ended: bool,
    /// Recorded faster than real time (`ROUNDTABLE_SPEED`).
    pub rehearsal: bool,
    /// The current stage (1-based) and how many there are.
    pub stage: (usize, usize),
}

impl SessionInfo {
    /// Why the session is left out of its series' verdict unless asked for,
    /// in a word; None when it counts.
    pub fn left_out(&self) -> Option<&'static str> {
        left_out(self.ended, self.rehearsal)
    }
}

/// A rehearsal, or a workshop that never finished, says nothing of how power
/// was shared: in a word, why it is left out; None when it counts.
pub fn left_out(ended: bool, rehearsal: bool) -> Option<&'static str> {
    match (rehearsal, ended) {
        (true, _) => Some("rehearsal"),
        (false, false) => Some("unfinished"),
        (false, true) => None,
    }
}

/// The series in `dir` with how many sessions each has that count (finished,
/// real), and how many more are left out, for the home screen.
pub fn all_series(sessions: &[SessionInfo]) -> Vec<(String, usize, usize)> {
    let mut out: Vec<(String, usize, usize)> = Vec::new();
    for info in sessions {
        if let Some(series) = &info.series {
            let at = match out.iter().position(|(s, _, _)| s == series) {
                Some(at) => at,
                None => {
                    out.push((series.clone(), 0, 0));
                    out.len() - 1
                }
            };
            match info.left_out() {
                None => out[at].1 += 1,
                Some(_) => out[at].2 += 1,
            }
        }
    }
    out
}
