//! Where the group placed itself: each component's score at each checkpoint,
//! the answers to the two questions that check direction, and the ladder.

use maud::{Markup, html};

use super::chart::{self, ScoreRow};
use crate::model::reflection::{Rung, score_words};
use crate::report::markdown::when;
use crate::report::summary::{ReflectionSummary, Summary};

/// Things in the order they first appear, each once.
fn in_order<'a>(items: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut out: Vec<&str> = Vec::new();
    for item in items {
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

/// "↑" or "↓" against the score before, when both were scored.
pub fn change(now: Option<u8>, then: Option<u8>) -> &'static str {
    match (now, then) {
        (Some(n), Some(t)) if n > t => "↑",
        (Some(n), Some(t)) if n < t => "↓",
        _ => "",
    }
}

fn tally(r: &ReflectionSummary) -> Option<String> {
    if r.tally.iter().sum::<u32>() == 0 {
        return None;
    }
    let counts: Vec<String> = r.tally.iter().map(|c| c.to_string()).collect();
    let median = r.median.map_or(String::new(), |m| format!(", median {m}"));
    Some(format!("the room: {} at levels 0–4{median}", counts.join(" / ")))
}

pub fn render(s: &Summary) -> Markup {
    if s.reflections.is_empty() && s.direction.is_empty() && s.ladder.is_empty() {
        return html! {};
    }
    let checkpoints = in_order(s.reflections.iter().map(|r| r.checkpoint.as_str()));
    let components = in_order(s.reflections.iter().map(|r| r.component.as_str()));
    let mark = |checkpoint: &str, component: &str| {
        s.reflections.iter().find(|r| r.checkpoint == checkpoint && r.component == component)
    };
    let headings: Vec<String> = checkpoints
        .iter()
        .map(|c| {
            let at =
                s.reflections.iter().find(|r| r.checkpoint == *c).map(|r| when(&r.at, "%H:%M"));
            format!("{c} ({})", at.unwrap_or_default())
        })
        .collect();
    let rows: Vec<ScoreRow> = components
        .iter()
        .map(|component| {
            let scores: Vec<Option<u8>> =
                checkpoints.iter().map(|c| mark(c, component).and_then(|r| r.score)).collect();
            let cells = scores
                .iter()
                .enumerate()
                .map(|(i, now)| (*now, change(*now, i.checked_sub(1).and_then(|p| scores[p]))))
                .collect();
            (component.to_string(), cells)
        })
        .collect();
    let table = html! {
        table {
            caption { "Each component's score, at each checkpoint" }
            thead { tr { th scope="col" { "Component" } @for h in &headings { th scope="col" { (h) } } } }
            tbody {
                @for (component, cells) in components.iter().zip(&rows) {
                    tr {
                        th scope="row" { (component) }
                        @for (c, (score, moved)) in checkpoints.iter().zip(&cells.1) {
                            td {
                                (score_words(*score)) @if !moved.is_empty() { " " (moved) }
                                @if let Some(r) = mark(c, component) {
                                    @if let Some(t) = tally(r) { br; (t) }
                                    @if let Some(note) = &r.note { br; "“" (note) "”" }
                                }
                            }
                        }
                    }
                }
            }
        }
    };
    let ladder_checkpoints = in_order(s.ladder.iter().map(|l| l.checkpoint.as_str()));
    html! {
        section aria-labelledby="reflections" {
            h2 #reflections { "Reflections on the components of co-production" }
            @if !rows.is_empty() {
                (chart::figure(
                    "chart-scores",
                    "Where the group placed itself on each component",
                    "Each component scored from 0 (not yet) to 4 (fully) as four dots, filled to the score, one column per checkpoint; ↑ or ↓ marks a move since the checkpoint before.",
                    chart::dots("chart-scores", &headings, &rows),
                    table,
                ))
            }
            @for checkpoint in in_order(s.direction.iter().map(|d| d.checkpoint.as_str())) {
                h3 { "Checking direction: " (checkpoint) }
                dl {
                    @for d in s.direction.iter().filter(|d| d.checkpoint == checkpoint) {
                        dt { (d.question) }
                        dd { strong { (d.answer) } @if let Some(note) = &d.note { " · “" (note) "”" } }
                    }
                }
            }
            @if !s.ladder.is_empty() {
                h3 { "The ladder of co-production" }
                p { "From doing to people (the bottom) to doing with them (the top), where the group placed the work:" }
                ol.ladder reversed {
                    @for rung in Rung::ALL {
                        @let here: Vec<&str> = ladder_checkpoints.iter().copied()
                            .filter(|c| s.ladder.iter().any(|l| l.checkpoint == *c && l.rung == rung.label()))
                            .collect();
                        li.here[!here.is_empty()] {
                            (rung.label()) ": " (rung.meaning())
                            @if !here.is_empty() { " ◀ here at " (here.join(", ")) }
                        }
                    }
                }
            }
        }
    }
}
