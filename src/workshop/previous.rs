//! The series' session before this one: "are we sharing more power than last time?"

use std::path::Path;

use chrono::{DateTime, FixedOffset};

use crate::app::live::{Before, Live};
use crate::store::catalog;
use crate::store::session_fold::fold_session;

/// The series' session before this one, summed up as it ended, for the reflection screen.
pub fn before(live: &Live, sessions: &Path, path: &Path, given: Option<&Path>) -> Option<Before> {
    let series = live.session.plan.series.as_deref()?;
    let found = match given {
        Some(p) => p.to_path_buf(),
        None => catalog::before(sessions, series, live.session.started, path)?,
    };
    let loaded = fold_session(&found).ok()?;
    let shares = loaded.state.balance(loaded.state.at).roles;
    Some(Before { when: when_before(loaded.session.started, live.session.started), shares })
}

/// When the session before began, as "then:" says it: the day, and the time
/// too when both fall on the same day, so two sessions of a day are told apart.
pub fn when_before(then: DateTime<FixedOffset>, now: DateTime<FixedOffset>) -> String {
    if then.date_naive() == now.date_naive() {
        then.format("%a %-d %b %H:%M").to_string()
    } else {
        then.format("%a %-d %b").to_string()
    }
}
