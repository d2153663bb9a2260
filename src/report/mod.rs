//! Summaries of sessions: Markdown to read, an HTML page with charts for
//! everyone who took part (html/), JSON and CSV for other tools.
//! Uses `model` only.

pub mod agenda;
pub mod compare;
pub(crate) mod csv;
pub mod html;
pub(crate) mod markdown;
pub mod round;
pub mod summary;

use clap::ValueEnum;

pub use summary::Summary;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Md,
    Csv,
    Json,
    Html,
}

pub fn render(summary: &Summary, format: Format) -> String {
    match format {
        Format::Md => markdown::render(summary),
        Format::Csv => csv::write(&csv::rows(summary)),
        Format::Json => {
            // A Summary holds only strings and numbers, which always serialise.
            let mut json = serde_json::to_string_pretty(summary).unwrap_or_default();
            json.push('\n');
            json
        }
        Format::Html => html::session(summary),
    }
}
