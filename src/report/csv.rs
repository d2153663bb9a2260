//! The report as CSV, for a spreadsheet: one table after another, each row
//! starting with the table's name so that a filter on the first column picks one out.

use super::markdown::minutes;
use super::summary::Summary;

fn opt<T: ToString>(value: &Option<T>) -> String {
    value.as_ref().map_or(String::new(), T::to_string)
}

/// The rows of the report, header rows included.
pub fn rows(summary: &Summary) -> Vec<Vec<String>> {
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut table = |header: &[&str], body: Vec<Vec<String>>| {
        rows.push(header.iter().map(|h| h.to_string()).collect());
        rows.extend(body);
    };
    table(
        &["table", "title", "series", "started", "ended", "planned_s", "actual_s", "equality"],
        vec![vec![
            "session".into(),
            summary.title.clone(),
            opt(&summary.series),
            summary.started.clone(),
            opt(&summary.ended),
            summary.planned_s.to_string(),
            summary.actual_s.to_string(),
            summary.equality.to_string(),
        ]],
    );
    table(
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
        &[
            "table",
            "name",
            "role",
            "turns",
            "spoken_s",
            "present_s",
            "minutes_spoken",
            "minutes_present",
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
                    minutes(p.spoken_s).to_string(),
                    minutes(p.present_s).to_string(),
                    p.ideas.to_string(),
                    p.actions.to_string(),
                    p.walk_in.to_string(),
                ]
            })
            .collect(),
    );
    table(
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
                    r.share.to_string(),
                    r.people_share.to_string(),
                ]
            })
            .collect(),
    );
    table(
        &["table", "text", "author", "stage", "votes", "components", "parked"],
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
                ]
            })
            .collect(),
    );
    table(
        &["table", "text", "owner", "due", "status", "note", "carried"],
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
                ]
            })
            .collect(),
    );
    table(
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
                row
            })
            .collect(),
    );
    table(
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
    rows
}

/// Rows as CSV text.
pub fn write(rows: &[Vec<String>]) -> String {
    let mut out = csv::WriterBuilder::new().flexible(true).from_writer(Vec::new());
    for row in rows {
        // Writing to memory cannot fail.
        let _ = out.write_record(row);
    }
    out.into_inner().map(|bytes| String::from_utf8_lossy(&bytes).into_owned()).unwrap_or_default()
}
