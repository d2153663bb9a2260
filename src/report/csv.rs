//! The report as CSV, for a spreadsheet: one table after another, each row
//! starting with the table's name so that a filter on the first column picks one out.

use super::round;
use super::summary::Summary;
use crate::model::length::clock;

fn opt<T: ToString>(value: &Option<T>) -> String {
    value.as_ref().map_or(String::new(), T::to_string)
}

/// One table of the report: its header and rows, each starting with the table's name.
pub struct Table {
    pub name: &'static str,
    pub header: Vec<String>,
    pub body: Vec<Vec<String>>,
}

impl Table {
    /// The table alone, for a file of its own: without the column naming it.
    pub fn alone(&self) -> Vec<Vec<String>> {
        std::iter::once(&self.header).chain(&self.body).map(|row| row[1..].to_vec()).collect()
    }
}

/// The rows of the report, one table after another, header rows included.
pub fn rows(summary: &Summary) -> Vec<Vec<String>> {
    tables(summary).into_iter().flat_map(|t| std::iter::once(t.header).chain(t.body)).collect()
}

/// The report's tables, in order.
pub fn tables(summary: &Summary) -> Vec<Table> {
    let mut tables: Vec<Table> = Vec::new();
    let mut table = |name: &'static str, header: &[&str], body: Vec<Vec<String>>| {
        tables.push(Table { name, header: header.iter().map(|h| h.to_string()).collect(), body });
    };
    table(
        "session",
        &["table", "title", "series", "started", "ended", "planned_s", "actual_s", "equality"],
        vec![vec![
            "session".into(),
            summary.title.clone(),
            opt(&summary.series),
            summary.started.clone(),
            opt(&summary.ended),
            summary.planned_s.to_string(),
            summary.actual_s.to_string(),
            round::index_value(summary.equality).to_string(),
        ]],
    );
    table(
        "stage",
        &["table", "stage", "title", "planned_s", "added_s", "actual_s", "reached"],
        summary
            .stages
            .iter()
            .enumerate()
            .map(|(i, s)| {
                vec![
                    "stage".into(),
                    (i + 1).to_string(),
                    s.title.clone(),
                    s.planned_s.to_string(),
                    s.added_s.to_string(),
                    s.actual_s.to_string(),
                    s.reached.to_string(),
                ]
            })
            .collect(),
    );
    table(
        "participant",
        &[
            "table",
            "name",
            "role",
            "turns",
            "spoken_s",
            "present_s",
            "spoken",
            "present",
            "ideas",
            "actions_owned",
            "walk_in",
        ],
        summary
            .participants
            .iter()
            .map(|p| {
                vec![
                    "participant".into(),
                    p.name.clone(),
                    p.role.clone(),
                    p.turns.to_string(),
                    p.spoken_s.to_string(),
                    p.present_s.to_string(),
                    clock(p.spoken_s * 1000),
                    clock(p.present_s * 1000),
                    p.ideas.to_string(),
                    p.actions.to_string(),
                    p.walk_in.to_string(),
                ]
            })
            .collect(),
    );
    table(
        "role",
        &["table", "role", "people", "spoken_s", "share", "people_share"],
        summary
            .roles
            .iter()
            .map(|r| {
                vec![
                    "role".into(),
                    r.role.clone(),
                    r.people.to_string(),
                    r.spoken_s.to_string(),
                    round::share_value(r.share).to_string(),
                    round::share_value(r.people_share).to_string(),
                ]
            })
            .collect(),
    );
    table(
        "idea",
        &["table", "text", "author", "stage", "votes", "components", "parked", "first_text"],
        summary
            .ideas
            .iter()
            .map(|i| {
                vec![
                    "idea".into(),
                    i.text.clone(),
                    opt(&i.author),
                    i.stage.clone(),
                    i.votes.to_string(),
                    i.components.join("; "),
                    i.parked.to_string(),
                    opt(&i.first_text),
                ]
            })
            .collect(),
    );
    // What was merged into what, each with its own words and author.
    table(
        "merged",
        &["table", "into", "text", "author", "first_text"],
        summary
            .ideas
            .iter()
            .flat_map(|i| {
                i.merged.iter().map(|m| {
                    vec![
                        "merged".into(),
                        i.text.clone(),
                        m.text.clone(),
                        opt(&m.author),
                        opt(&m.first_text),
                    ]
                })
            })
            .collect(),
    );
    table(
        "action",
        &["table", "text", "owner", "due", "status", "note", "carried", "overdue"],
        summary
            .actions
            .iter()
            .map(|a| {
                vec![
                    "action".into(),
                    a.text.clone(),
                    a.owner.clone(),
                    opt(&a.due),
                    a.status.clone(),
                    opt(&a.note),
                    a.carried.to_string(),
                    a.overdue.to_string(),
                ]
            })
            .collect(),
    );
    table(
        "reflection",
        &[
            "table",
            "checkpoint",
            "at",
            "component",
            "score",
            "note",
            "tally_0",
            "tally_1",
            "tally_2",
            "tally_3",
            "tally_4",
            "median",
        ],
        summary
            .reflections
            .iter()
            .map(|r| {
                let mut row = vec![
                    "reflection".into(),
                    r.checkpoint.clone(),
                    r.at.clone(),
                    r.component.clone(),
                    opt(&r.score),
                    opt(&r.note),
                ];
                row.extend(r.tally.iter().map(u32::to_string));
                row.push(opt(&r.median));
                row
            })
            .collect(),
    );
    table(
        "direction",
        &["table", "checkpoint", "question", "answer", "note"],
        summary
            .direction
            .iter()
            .map(|d| {
                vec![
                    "direction".into(),
                    d.checkpoint.clone(),
                    d.question.clone(),
                    d.answer.clone(),
                    opt(&d.note),
                ]
            })
            .collect(),
    );
    table(
        "ladder",
        &["table", "checkpoint", "rung"],
        summary
            .ladder
            .iter()
            .map(|l| vec!["ladder".into(), l.checkpoint.clone(), l.rung.clone()])
            .collect(),
    );
    tables
}

/// A cell a spreadsheet would take for a formula (`=`, `+`, `-`, `@`, or a
/// tab or carriage return first) is written with a `'` before it, as OWASP
/// advises; a number, such as a stage's `-60` seconds, is left as it is.
fn neutralised(cell: &str) -> std::borrow::Cow<'_, str> {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && cell.parse::<f64>().is_err() {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// Rows as CSV text.
pub fn write(rows: &[Vec<String>]) -> String {
    let mut out = csv::WriterBuilder::new().flexible(true).from_writer(Vec::new());
    for row in rows {
        // Writing to memory cannot fail.
        let _ = out.write_record(row.iter().map(|cell| neutralised(cell).into_owned()));
    }
    out.into_inner().map(|bytes| String::from_utf8_lossy(&bytes).into_owned()).unwrap_or_default()
}
