//! What was said and what was done about it: the ideas by votes, with their
//! authors and merged wordings, and the actions ("you said, we did").

use maud::{Markup, html};

use super::chart::{self, Bar, Fill, Group};
use crate::report::summary::{ActionSummary, Summary};

fn votes(n: u32) -> String {
    if n == 1 { "1 vote".into() } else { format!("{n} votes") }
}

pub fn ideas(s: &Summary) -> Markup {
    if s.ideas.is_empty() {
        return html! {};
    }
    // By votes, most first; ties keep the order they were said in.
    let mut ideas: Vec<_> = s.ideas.iter().collect();
    ideas.sort_by_key(|i| std::cmp::Reverse(i.votes));
    let max = ideas.iter().map(|i| i.votes).max().unwrap_or(0) as f64;
    let groups: Vec<Group> = ideas
        .iter()
        .enumerate()
        .map(|(n, i)| Group {
            label: format!("{}. {}", n + 1, i.text),
            bars: vec![Bar::new(
                i.votes as f64,
                format!("{}{}", votes(i.votes), if i.parked { " · parked" } else { "" }),
                Fill::Solid,
            )],
            note: None,
        })
        .collect();
    let table = html! {
        table {
            caption { "Every idea, by votes" }
            thead { tr { th.n scope="col" { "#" } th scope="col" { "Idea" } th scope="col" { "Said by" } th.n scope="col" { "Votes" } } }
            tbody {
                @for (n, i) in ideas.iter().enumerate() {
                    tr {
                        td.n { (n + 1) }
                        th scope="row" {
                            (i.text)
                            @if i.parked { " (parked)" }
                            br; span.role { "said in: " (i.stage) }
                            @if i.first_text.is_some() || !i.merged.is_empty() {
                                ul.merged {
                                    @if let Some(first) = &i.first_text {
                                        li { "first worded: “" (first) "”" }
                                    }
                                    @for m in &i.merged {
                                        li {
                                            "merged in: “" (m.text) "” · "
                                            (m.author.as_deref().unwrap_or("anonymous"))
                                            @if let Some(first) = &m.first_text { " (first worded: “" (first) "”)" }
                                        }
                                    }
                                }
                            }
                        }
                        td { (i.author.as_deref().unwrap_or("anonymous")) }
                        td.n { (i.votes) }
                    }
                }
            }
        }
    };
    html! {
        section aria-labelledby="ideas" {
            h2 #ideas { "Ideas, by votes" }
            (chart::figure(
                "chart-ideas",
                "The ideas, most votes first",
                "A bar for each idea's votes; an idea that others were merged into holds their votes too. The table gives who said each one, and the wordings merged into it.",
                chart::bars("chart-ideas", max, &groups),
                table,
            ))
        }
    }
}

/// A status in a symbol and words, never colour alone.
fn status(a: &ActionSummary) -> String {
    let mark = match a.status.as_str() {
        "done" => "✓",
        "in progress" => "◐",
        "dropped" => "✗",
        _ => "○",
    };
    let overdue = if a.overdue { " · ⚠ overdue" } else { "" };
    format!("{mark} {}{overdue}", a.status)
}

fn table(caption: &str, actions: &[&ActionSummary]) -> Markup {
    html! {
        table {
            caption { (caption) }
            thead { tr { th scope="col" { "Action" } th scope="col" { "Owner" } th scope="col" { "Due" } th scope="col" { "Status" } th scope="col" { "What was done" } } }
            tbody {
                @for a in actions {
                    tr {
                        th scope="row" { (a.text) }
                        td { (a.owner) }
                        td.nw { (a.due.as_deref().unwrap_or("no date")) }
                        td { (status(a)) }
                        td { (a.note.as_deref().unwrap_or("")) }
                    }
                }
            }
        }
    }
}

pub fn actions(s: &Summary) -> Markup {
    if s.actions.is_empty() {
        return html! {};
    }
    let carried: Vec<&ActionSummary> = s.actions.iter().filter(|a| a.carried).collect();
    let agreed: Vec<&ActionSummary> = s.actions.iter().filter(|a| !a.carried).collect();
    html! {
        section aria-labelledby="actions" {
            h2 #actions { "Actions: you said, we did" }
            @if !carried.is_empty() {
                h3 { "From last time" }
                @if let Some(from) = &s.carried_from { p { "Carried from " (from) "." } }
                (table("What was agreed last time, and what came of it", &carried))
            }
            @if !agreed.is_empty() {
                h3 { "Agreed this time" }
                (table("What was agreed in this workshop", &agreed))
            }
        }
    }
}
