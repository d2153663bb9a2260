//! The report as Markdown, to send to everyone who took part.

use chrono::DateTime;

use super::round;
use super::summary::Summary;
use crate::model::length::clock;
use crate::model::reflection::score_words;

pub(super) fn signed(secs: i64) -> String {
    let sign = if secs < 0 { "−" } else { "+" };
    format!("{sign}{}", clock(secs.unsigned_abs() * 1000))
}

pub(super) fn when(rfc3339: &str, format: &str) -> String {
    DateTime::parse_from_rfc3339(rfc3339)
        .map_or_else(|_| rfc3339.to_string(), |t| t.format(format).to_string())
}

/// Text from the session, shown as typed: Markdown's markup (`**`, `_`,
/// backticks, links, HTML, `|` in tables, `#` at a line's start) is escaped,
/// and a line break cannot end a heading or a table row.
pub(super) fn cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '#' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

pub fn render(summary: &Summary) -> String {
    let mut out = format!("# {}\n\n", cell(&summary.title));
    if let Some(series) = &summary.series {
        out.push_str(&format!("Series: {}  \n", cell(series)));
    }
    out.push_str(&format!("Started: {}  \n", when(&summary.started, "%A %-d %B %Y, %H:%M")));
    match &summary.ended {
        Some(ended) => out.push_str(&format!("Ended: {}\n\n", when(ended, "%H:%M"))),
        None => out.push_str("Ended: not yet (the session is unfinished)\n\n"),
    }
    out.push_str("## Agenda: planned and actual\n\n");
    out.push_str("| # | Stage | Planned | Changed live | Actual | Difference |\n");
    out.push_str("|---:|---|---:|---:|---:|---:|\n");
    let mut diff = 0;
    for (i, stage) in summary.stages.iter().enumerate() {
        let changed = if stage.added_s == 0 { String::new() } else { signed(stage.added_s) };
        let (actual, difference) = if stage.reached {
            let d = stage.actual_s as i64 - stage.planned_s as i64;
            diff += d;
            (clock(stage.actual_s * 1000), signed(d))
        } else {
            ("not reached".to_string(), String::new())
        };
        out.push_str(&format!(
            "| {} | {} | {} | {changed} | {actual} | {difference} |\n",
            i + 1,
            cell(&stage.title),
            clock(stage.planned_s * 1000),
        ));
    }
    out.push_str(&format!(
        "| | **Total** | **{}** | | **{}** | **{}** |\n",
        clock(summary.planned_s * 1000),
        clock(summary.actual_s * 1000),
        signed(diff)
    ));
    voices(&mut out, summary);
    ideas(&mut out, summary);
    actions(&mut out, summary);
    reflections(&mut out, summary);
    out
}

fn reflections(out: &mut String, summary: &Summary) {
    if summary.reflections.is_empty() {
        return;
    }
    out.push_str("\n## Reflections on the components of co-production\n");
    let mut checkpoints: Vec<&str> = Vec::new();
    for r in &summary.reflections {
        if !checkpoints.contains(&r.checkpoint.as_str()) {
            checkpoints.push(&r.checkpoint);
        }
    }
    for checkpoint in checkpoints {
        let rows: Vec<_> =
            summary.reflections.iter().filter(|r| r.checkpoint == checkpoint).collect();
        let when = rows.first().map_or(String::new(), |r| when(&r.at, "%H:%M"));
        out.push_str(&format!("\n### {} ({when})\n\n", cell(checkpoint)));
        out.push_str("| Component | Score | The room's tally (0–4) | Note |\n|---|---|---|---|\n");
        for r in rows {
            let tally = if r.tally.iter().sum::<u32>() == 0 {
                String::new()
            } else {
                let counts: Vec<String> = r.tally.iter().map(|c| c.to_string()).collect();
                let median = r.median.map_or(String::new(), |m| format!(", median {m}"));
                format!("{}{median}", counts.join(" / "))
            };
            out.push_str(&format!(
                "| {} | {} | {tally} | {} |\n",
                cell(&r.component),
                score_words(r.score),
                cell(r.note.as_deref().unwrap_or(""))
            ));
        }
        for d in summary.direction.iter().filter(|d| d.checkpoint == checkpoint) {
            let note = d.note.as_deref().map_or(String::new(), |n| format!(" ({})", cell(n)));
            out.push_str(&format!("\n**{}** {}{note}", d.question, d.answer));
        }
        if let Some(l) = summary.ladder.iter().find(|l| l.checkpoint == checkpoint) {
            out.push_str(&format!(
                "\n\nOn the ladder of co-production, the work stands at **{}**.",
                l.rung
            ));
        }
        out.push('\n');
    }
}

fn ideas(out: &mut String, summary: &Summary) {
    if summary.ideas.is_empty() {
        return;
    }
    out.push_str("\n## Ideas, by votes\n\n");
    let mut ideas: Vec<_> = summary.ideas.iter().collect();
    ideas.sort_by_key(|i| std::cmp::Reverse(i.votes));
    for (n, idea) in ideas.iter().enumerate() {
        let by = idea.author.as_deref().map_or("anonymous".to_string(), cell);
        let votes =
            if idea.votes == 1 { "1 vote".to_string() } else { format!("{} votes", idea.votes) };
        let parked = if idea.parked { " · parked" } else { "" };
        out.push_str(&format!(
            "{}. **{}** · {by} · {votes} · {}{parked}\n",
            n + 1,
            cell(&idea.text),
            cell(&idea.stage)
        ));
        if let Some(first) = &idea.first_text {
            out.push_str(&format!("   - first worded: \"{}\"\n", cell(first)));
        }
        // What was merged into it keeps its own words and its own author.
        for m in &idea.merged {
            let by = m.author.as_deref().map_or("anonymous".to_string(), cell);
            out.push_str(&format!("   - merged in: \"{}\" · {by}\n", cell(&m.text)));
        }
    }
}

fn actions(out: &mut String, summary: &Summary) {
    if summary.actions.is_empty() {
        return;
    }
    out.push_str("\n## Actions\n\n");
    if let Some(from) = &summary.carried_from {
        out.push_str(&format!("Carried from {from}: you said, we did.\n\n"));
    }
    out.push_str("| Action | Owner | Due | Status | Note | From |\n|---|---|---|---|---|---|\n");
    for a in &summary.actions {
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} |\n",
            cell(&a.text),
            cell(&a.owner),
            cell(a.due.as_deref().unwrap_or("")),
            if a.overdue { format!("{} · overdue", a.status) } else { a.status.clone() },
            cell(a.note.as_deref().unwrap_or("")),
            if a.carried { "last time" } else { "this session" }
        ));
    }
}

fn voices(out: &mut String, summary: &Summary) {
    if summary.participants.is_empty() {
        return;
    }
    out.push_str("\n## Voices\n\n");
    let heard = summary.participants.iter().any(|p| p.turns > 0);
    if heard {
        out.push_str(&format!(
            "Equality of airtime: **{}** (1 means everyone here spoke for as long as each other).\n\n",
            round::index(summary.equality)
        ));
    } else {
        out.push_str("No turns were taken.\n\n");
    }
    out.push_str(
        "| Person | Role | Turns | Spoke | Present | Ideas |\n|---|---|---:|---:|---:|---:|\n",
    );
    for p in &summary.participants {
        let walk_in = if p.walk_in { " (walk-in)" } else { "" };
        out.push_str(&format!(
            "| {}{walk_in} | {} | {} | {} | {} | {} |\n",
            cell(&p.name),
            cell(&p.role),
            p.turns,
            clock(p.spoken_s * 1000),
            clock(p.present_s * 1000),
            p.ideas
        ));
    }
    out.push_str("\n| Role | People | Share of people | Spoke | Share of airtime |\n|---|---:|---:|---:|---:|\n");
    for r in &summary.roles {
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} |\n",
            cell(&r.role),
            r.people,
            round::percent(r.people_share),
            clock(r.spoken_s * 1000),
            round::percent(r.share)
        ));
    }
    let lived: Vec<String> = summary
        .roles
        .iter()
        .filter(|r| r.lived_experience == Some(true))
        .map(|r| cell(&r.role))
        .collect();
    let how = if summary.lived_declared {
        "as the plan declares"
    } else {
        "read from the roles' names; a plan can declare them with `voices`"
    };
    if lived.is_empty() {
        out.push_str(&format!("\nNo role here counted as lived experience ({how}).\n"));
    } else {
        out.push_str(&format!("\nCounted as lived experience: {} ({how}).\n", lived.join(", ")));
    }
    if !summary.not_heard.is_empty() {
        let names: Vec<String> = summary.not_heard.iter().map(|n| cell(n)).collect();
        out.push_str(&format!("\nNot heard: {}.\n", names.join(", ")));
    }
    door(out, &summary.door);
    out.push_str("\n## Contribution record\n\n");
    out.push_str("Time given and work done, for recognising or paying people for their part.\n\n");
    out.push_str("| Person | Role | Time present | Time spoken | Ideas | Actions owned |\n|---|---|---:|---:|---:|---:|\n");
    for p in &summary.participants {
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} |\n",
            cell(&p.name),
            cell(&p.role),
            clock(p.present_s * 1000),
            clock(p.spoken_s * 1000),
            p.ideas,
            p.actions
        ));
    }
}

/// What came through the door, when phones took part.
fn door(out: &mut String, door: &super::summary::DoorSummary) {
    if door.phones == 0 {
        return;
    }
    out.push_str("\n## Through the door\n\n");
    out.push_str(&format!(
        "Phones joined: {} (one that joins again after a restart counts again). From them came ideas: {}; hands: {}; votes: {}; scores: {}; reflections: {}.\n",
        door.phones, door.ideas, door.hands, door.votes, door.scores, door.reflections
    ));
    if !door.answers.is_empty() {
        out.push_str("\n| Checkpoint | Question | Answer | Phones |\n|---|---|---|---:|\n");
        for a in &door.answers {
            out.push_str(&format!(
                "| {} | {} | {} | {} |\n",
                cell(&a.checkpoint),
                cell(&a.question),
                a.answer,
                a.count
            ));
        }
    }
    if !door.feelings.is_empty() {
        out.push_str("\nHow it feels, in their words (anonymous):\n\n");
        for f in &door.feelings {
            out.push_str(&format!("- {} ({})\n", cell(&f.text), cell(&f.checkpoint)));
        }
    }
}
