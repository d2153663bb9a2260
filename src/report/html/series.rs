//! A series' page: the answer to "are we sharing more power than before?",
//! and its trends across sessions (equality, lived experience's share of the
//! airtime and of the ideas, each component's score, the actions carried and
//! closed), all from the Comparison's own figures and rows.

use maud::{Markup, html};

use super::chart::{self, Bar, Fill, Group, ScoreRow};
use super::page::page;
use super::reflections::change;
use crate::model::balance::many;
use crate::model::reflection::score_words;
use crate::report::compare::{Comparison, Row};
use crate::report::round;

pub fn render(c: &Comparison) -> String {
    let title = c.sessions.first().map_or("", |s| s.title.as_str());
    let series = c.sessions.first().and_then(|s| s.series.clone());
    let headings = c.headings();
    let heading = match &series {
        Some(series) => {
            format!("{title}: {} of the series {series}", many(c.sessions.len(), "session"))
        }
        None => format!("{title}: {}", many(c.sessions.len(), "session")),
    };
    page(
        &heading,
        html! {
            header {
                p { "Series report" }
                h1 { (heading) }
                p.answer.lede { strong { "Are we sharing more power than before? " } (c.answer) }
                @if !c.left_out.is_empty() {
                    p {
                        "Left out of the answer: "
                        @for (i, l) in c.left_out.iter().enumerate() {
                            @if i > 0 { ", " }
                            (l.session) " (" (l.why) ")"
                        }
                        ". " code { "--all" } " takes them in."
                    }
                }
            }
            (equality(c, &headings))
            (lived(c, &headings))
            (scores(c, &headings))
            (actions(c, &headings))
            (side_by_side(c, &headings))
            footer { p { "Made by roundtable from the sessions' records, oldest first." } }
        },
    )
}

fn equality(c: &Comparison, headings: &[String]) -> Markup {
    let points: Vec<(String, f64, String)> = c
        .figures
        .iter()
        .zip(headings)
        .map(|(f, h)| (h.clone(), round::index_value(f.equality), round::index(f.equality)))
        .collect();
    html! {
        section aria-labelledby="equality" {
            h2 #equality { "Equality of airtime" }
            (chart::figure(
                "chart-equality",
                "Equality of airtime, session by session",
                "A line through each session's equality of airtime, oldest first: 1 if everyone here spoke for the same time, falling towards 0 as one voice takes all the airtime.",
                chart::line("chart-equality", 1.0, &points),
                html! {
                    table {
                        caption { "Equality of airtime" }
                        thead { tr { th scope="col" { "Session" } th.n scope="col" { "Equality" } th.n scope="col" { "People here / heard" } } }
                        tbody {
                            @for (f, h) in c.figures.iter().zip(headings) {
                                tr { th scope="row" { (h) } td.n { (round::index(f.equality)) } td.n { (f.present) " / " (f.heard) } }
                            }
                        }
                    }
                },
            ))
        }
    }
}

fn lived(c: &Comparison, headings: &[String]) -> Markup {
    let ideas = |f: &crate::report::compare::Figures| {
        if f.attributed_ideas == 0 { "–".to_string() } else { round::percent(f.lived_ideas) }
    };
    let max = c
        .figures
        .iter()
        .map(|f| f.lived_airtime.max(f.lived_people).max(f.lived_ideas))
        .fold(0.0, f64::max);
    let groups: Vec<Group> = c
        .figures
        .iter()
        .zip(headings)
        .map(|(f, h)| Group {
            label: h.clone(),
            bars: vec![
                Bar::new(
                    f.lived_airtime,
                    format!("airtime {}", round::percent(f.lived_airtime)),
                    Fill::Solid,
                ),
                Bar::new(
                    f.lived_people,
                    format!("people {}", round::percent(f.lived_people)),
                    Fill::Hatched,
                ),
                Bar::new(f.lived_ideas, format!("ideas {}", ideas(f)), Fill::Dotted),
            ],
            note: None,
        })
        .collect();
    html! {
        section aria-labelledby="lived" {
            h2 #lived { "Lived experience: heard in proportion?" }
            (chart::figure(
                "chart-lived",
                "People with lived experience: their share of the airtime, of the people and of the ideas",
                "For each session, oldest first, a solid bar for the share of the time spoken by people with lived experience, a hatched bar for their share of the people here, and a dotted bar for their share of the ideas with a name to them.",
                chart::bars("chart-lived", max, &groups),
                html! {
                    table {
                        caption { "Lived experience's shares" }
                        thead { tr { th scope="col" { "Session" } th.n scope="col" { "Airtime" } th.n scope="col" { "People" } th.n scope="col" { "Ideas" } } }
                        tbody {
                            @for (f, h) in c.figures.iter().zip(headings) {
                                tr {
                                    th scope="row" { (h) }
                                    td.n { (round::percent(f.lived_airtime)) }
                                    td.n { (round::percent(f.lived_people)) }
                                    td.n { (ideas(f)) }
                                }
                            }
                        }
                    }
                },
            ))
        }
    }
}

fn scores(c: &Comparison, headings: &[String]) -> Markup {
    let mut components: Vec<&str> = Vec::new();
    for f in &c.figures {
        for (name, _) in &f.scores {
            if !components.contains(&name.as_str()) {
                components.push(name);
            }
        }
    }
    if components.is_empty() {
        return html! {};
    }
    let score = |i: usize, component: &str| {
        c.figures[i].scores.iter().find(|(n, _)| n == component).and_then(|(_, s)| *s)
    };
    let rows: Vec<ScoreRow> = components
        .iter()
        .map(|component| {
            let cells = (0..c.figures.len())
                .map(|i| {
                    (
                        score(i, component),
                        change(
                            score(i, component),
                            i.checked_sub(1).and_then(|p| score(p, component)),
                        ),
                    )
                })
                .collect();
            (component.to_string(), cells)
        })
        .collect();
    html! {
        section aria-labelledby="components" {
            h2 #components { "The components of co-production" }
            (chart::figure(
                "chart-components",
                "Each component's score at the end of each session",
                "Each component scored from 0 (not yet) to 4 (fully) at the session's last checkpoint, as four dots filled to the score, one column per session, oldest first; ↑ or ↓ marks a move since the session before.",
                chart::dots("chart-components", headings, &rows),
                html! {
                    table {
                        caption { "Scores at each session's last checkpoint" }
                        thead { tr { th scope="col" { "Component" } @for h in headings { th scope="col" { (h) } } } }
                        tbody {
                            @for (name, cells) in &rows {
                                tr {
                                    th scope="row" { (name) }
                                    @for (s, moved) in cells { td { (score_words(*s)) @if !moved.is_empty() { " " (moved) } } }
                                }
                            }
                        }
                    }
                },
            ))
        }
    }
}

fn actions(c: &Comparison, headings: &[String]) -> Markup {
    // Counted from each session's own list of actions; done is the comparison's figure.
    let counts: Vec<(usize, usize, usize, usize)> = c
        .sessions
        .iter()
        .zip(&c.figures)
        .map(|(s, f)| {
            let dropped = s.actions.iter().filter(|a| a.carried && a.status == "dropped").count();
            let agreed = s.actions.iter().filter(|a| !a.carried).count();
            (f.carried, f.carried_done, dropped, agreed)
        })
        .collect();
    let max = counts.iter().map(|&(c, d, x, a)| c.max(d).max(x).max(a)).max().unwrap_or(0) as f64;
    let groups: Vec<Group> = counts
        .iter()
        .zip(headings)
        .map(|(&(carried, done, dropped, agreed), h)| Group {
            label: h.clone(),
            bars: vec![
                Bar::new(carried as f64, format!("carried in {carried}"), Fill::Hatched),
                Bar::new(done as f64, format!("done {done}"), Fill::Solid),
                Bar::new(dropped as f64, format!("dropped {dropped}"), Fill::Dotted),
                Bar::new(agreed as f64, format!("agreed anew {agreed}"), Fill::Hollow),
            ],
            note: None,
        })
        .collect();
    html! {
        section aria-labelledby="actions" {
            h2 #actions { "Actions carried and closed" }
            (chart::figure(
                "chart-actions",
                "Actions: carried from the session before, done, dropped, and agreed anew",
                "For each session, oldest first: a hatched bar for the actions carried in from the session before, a solid bar for those of them done, a dotted bar for those dropped, and a hollow bar for the actions agreed in the session itself.",
                chart::bars("chart-actions", max, &groups),
                html! {
                    table {
                        caption { "Actions, session by session" }
                        thead { tr { th scope="col" { "Session" } th.n scope="col" { "Carried in" } th.n scope="col" { "Done" } th.n scope="col" { "Dropped" } th.n scope="col" { "Agreed anew" } } }
                        tbody {
                            @for (&(carried, done, dropped, agreed), h) in counts.iter().zip(headings) {
                                tr { th scope="row" { (h) } td.n { (carried) } td.n { (done) } td.n { (dropped) } td.n { (agreed) } }
                            }
                        }
                    }
                },
            ))
        }
    }
}

fn side_by_side(c: &Comparison, headings: &[String]) -> Markup {
    html! {
        section aria-labelledby="figures" {
            h2 #figures { "Every figure, side by side" }
            table {
                caption { "The sessions side by side, oldest first" }
                thead { tr { th scope="col" { "Figure" } @for h in headings { th scope="col" { (h) } } } }
                tbody {
                    @for Row { label, cells, .. } in c.table() {
                        tr { th scope="row" { (label) } @for cell in cells { td { (cell) } } }
                    }
                }
            }
        }
    }
}
