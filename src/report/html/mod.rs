//! The report as one self-contained HTML page, with charts, for everyone who
//! took part: a session's (`session.rs`, `work.rs`, `reflections.rs`) and a
//! series' (`series.rs`), the SVG charts (`chart.rs`), and the page around
//! them with its style sheet (`page.rs`). Built with maud, which escapes every
//! text it is given; nothing from a file is ever written unescaped. Uses
//! `model` and the rest of `report` only, and the figures of `summary.rs` and
//! `compare.rs` as they are, so the page and the md and json reports agree.

mod chart;
pub(crate) mod page;
mod reflections;
mod series;
mod session;
mod work;

use super::compare::Comparison;
use super::summary::Summary;

/// A session's report as a page.
pub fn session(summary: &Summary) -> String {
    session::render(summary)
}

/// A series' comparison as a page.
pub fn series(comparison: &Comparison) -> String {
    series::render(comparison)
}

/// "1 person", "7 people".
fn people(n: usize) -> String {
    if n == 1 { "1 person".into() } else { format!("{n} people") }
}
