//! One session's page: what the workshop was and who came, the agenda, who
//! was heard, and the contribution record; the ideas, actions and reflections
//! are in `work.rs` and `reflections.rs`. Every figure is the Summary's.

use maud::{Markup, html};

use super::chart::{self, Bar, Fill, Group};
use super::page::page;
use super::{reflections, work};
use crate::model::balance::{many, plural};
use crate::model::length::clock;
use crate::report::markdown::{signed, when};
use crate::report::round;
use crate::report::summary::{ParticipantSummary, Summary};

pub fn render(s: &Summary) -> String {
    page(
        &s.title,
        html! {
            (top(s))
            (agenda(s))
            (voices(s))
            (work::ideas(s))
            (work::actions(s))
            (reflections::render(s))
            (door(s))
                (record(s))
            footer {
                p { "Made by roundtable from the session's record. Times are minutes and seconds (12:05), or hours, minutes and seconds (1:09:40)." }
            }
        },
    )
}

/// The facilitator runs the room and is not counted in its balance.
fn facilitates(p: &ParticipantSummary) -> bool {
    p.role.trim().eq_ignore_ascii_case("facilitator")
}

fn top(s: &Summary) -> Markup {
    let counted: Vec<&ParticipantSummary> = s.participants.iter().filter(|p| p.counted).collect();
    let facilitators: Vec<&str> =
        s.participants.iter().filter(|p| facilitates(p)).map(|p| p.name.as_str()).collect();
    let absent: Vec<&str> = s
        .participants
        .iter()
        .filter(|p| !p.counted && !facilitates(p))
        .map(|p| p.name.as_str())
        .collect();
    let by_role: Vec<String> =
        s.roles.iter().map(|r| format!("{} {}", r.people, plural(&r.role, r.people))).collect();
    let ended = match &s.ended {
        Some(e) => format!("–{}", when(e, "%H:%M")),
        None => ", unfinished".to_string(),
    };
    html! {
        header {
            p { "Workshop report" }
            h1 { (s.title) }
            p.lede {
                (when(&s.started, "%A %-d %B %Y, %H:%M")) (ended)
                @if let Some(series) = &s.series { " · series " (series) }
            }
        }
        section aria-labelledby="who" {
            h2 #who { "Who came" }
            @if counted.is_empty() {
                p { "Nobody was counted as here." }
            } @else {
                p { (super::people(counted.len())) " took part: " (by_role.join(", ")) "." }
                ul.names {
                    @for r in &s.roles {
                        li {
                            strong { (plural(&r.role, r.people)) } ": "
                            @for (i, p) in counted.iter().filter(|p| p.role == r.role).enumerate() {
                                @if i > 0 { ", " }
                                (p.name) @if p.walk_in { " (walk-in)" }
                            }
                        }
                    }
                }
            }
            @if !facilitators.is_empty() {
                p { "Facilitated by " (facilitators.join(", ")) "." }
            }
            @if !absent.is_empty() {
                p { "Expected but not here: " (absent.join(", ")) "." }
            }
        }
    }
}

fn agenda(s: &Summary) -> Markup {
    let max = s.stages.iter().map(|st| st.planned_s.max(st.actual_s)).max().unwrap_or(0) as f64;
    let groups: Vec<Group> = s
        .stages
        .iter()
        .enumerate()
        .map(|(i, st)| {
            let live = if st.added_s == 0 {
                String::new()
            } else {
                format!(" ({} live)", signed(st.added_s))
            };
            let planned = Bar::new(
                st.planned_s as f64,
                format!("planned {}{live}", clock(st.planned_s * 1000)),
                Fill::Hatched,
            );
            Group {
                label: format!("{}. {}", i + 1, st.title),
                bars: if st.reached {
                    vec![
                        planned,
                        Bar::new(
                            st.actual_s as f64,
                            format!("took {}", clock(st.actual_s * 1000)),
                            Fill::Solid,
                        ),
                    ]
                } else {
                    Vec::new()
                },
                note: Some(format!("planned {}; not reached", clock(st.planned_s * 1000))),
            }
        })
        .collect();
    let mut diff = 0;
    let rows: Vec<(String, String)> = s
        .stages
        .iter()
        .map(|st| {
            if st.reached {
                let d = st.actual_s as i64 - st.planned_s as i64;
                diff += d;
                (clock(st.actual_s * 1000), signed(d))
            } else {
                ("not reached".into(), String::new())
            }
        })
        .collect();
    // A column for what was changed live, only when something was.
    let live = s.stages.iter().any(|st| st.added_s != 0);
    let table = html! {
        table {
            caption { "The agenda's figures" }
            thead { tr { th scope="col" { "Stage" } th.n scope="col" { "Planned" } @if live { th.n scope="col" { "Changed live" } } th.n scope="col" { "Took" } th.n scope="col" { "Difference" } } }
            tbody {
                @for ((i, st), (actual, d)) in s.stages.iter().enumerate().zip(&rows) {
                    tr {
                        th scope="row" { (i + 1) ". " (st.title) }
                        td.n { (clock(st.planned_s * 1000)) }
                        @if live { td.n { @if st.added_s != 0 { (signed(st.added_s)) } } }
                        td.n { (actual) }
                        td.n { (d) }
                    }
                }
                tr {
                    th scope="row" { "Total" }
                    td.n { (clock(s.planned_s * 1000)) }
                    @if live { td.n {} }
                    td.n { (clock(s.actual_s * 1000)) }
                    td.n { (signed(diff)) }
                }
            }
        }
    };
    html! {
        section aria-labelledby="agenda" {
            h2 #agenda { "The agenda: planned and actual" }
            (chart::figure(
                "chart-agenda",
                "Each stage: the time planned, and the time it took",
                "For each stage, a hatched bar for the minutes planned and a solid bar for the minutes its timer ran; a stage the workshop never reached has no bars.",
                chart::bars("chart-agenda", max, &groups),
                table,
            ))
        }
    }
}

fn voices(s: &Summary) -> Markup {
    let counted: Vec<&ParticipantSummary> = s.participants.iter().filter(|p| p.counted).collect();
    let heard = s.participants.iter().any(|p| p.turns > 0);
    let role_max = s.roles.iter().map(|r| r.share.max(r.people_share)).fold(0.0, f64::max);
    let role_groups: Vec<Group> = s
        .roles
        .iter()
        .map(|r| Group {
            label: format!(
                "{} · {} of {}",
                plural(&r.role, r.people),
                r.people,
                super::people(counted.len())
            ),
            bars: vec![
                Bar::new(r.share, format!("airtime {}", round::percent(r.share)), Fill::Solid),
                Bar::new(
                    r.people_share,
                    format!("people {}", round::percent(r.people_share)),
                    Fill::Hatched,
                ),
            ],
            note: None,
        })
        .collect();
    let roles_table = html! {
        table {
            caption { "Airtime and people, by role" }
            thead { tr { th scope="col" { "Role" } th.n scope="col" { "People" } th.n scope="col" { "Share of people" } th.n scope="col" { "Spoke" } th.n scope="col" { "Share of airtime" } } }
            tbody {
                @for r in &s.roles {
                    tr {
                        th scope="row" { (r.role) }
                        td.n { (r.people) }
                        td.n { (round::percent(r.people_share)) }
                        td.n { (clock(r.spoken_s * 1000)) }
                        td.n { (round::percent(r.share)) }
                    }
                }
            }
        }
    };
    let person_max = counted.iter().map(|p| p.spoken_s).max().unwrap_or(0) as f64;
    let person_groups: Vec<Group> = counted
        .iter()
        .map(|p| Group {
            label: format!("{} · {}", p.name, p.role),
            bars: vec![Bar::new(
                p.spoken_s as f64,
                format!("{} · {}", clock(p.spoken_s * 1000), many(p.turns as usize, "turn")),
                Fill::Solid,
            )],
            note: None,
        })
        .collect();
    let people_table = html! {
        table {
            caption { "Airtime, person by person" }
            thead { tr { th scope="col" { "Person" } th scope="col" { "Role" } th.n scope="col" { "Turns" } th.n scope="col" { "Spoke" } } }
            tbody {
                @for p in &counted {
                    tr {
                        th scope="row" { (p.name) @if p.walk_in { " (walk-in)" } }
                        td { (p.role) }
                        td.n { (p.turns) }
                        td.n { (clock(p.spoken_s * 1000)) }
                    }
                }
            }
        }
    };
    let lived_roles: Vec<&str> = s
        .roles
        .iter()
        .filter(|r| r.lived_experience == Some(true))
        .map(|r| r.role.as_str())
        .collect();
    let how = if s.lived_declared { "as the plan declares" } else { "read from the roles' names" };
    html! {
        section aria-labelledby="heard" {
            h2 #heard { "Who was heard" }
            @if heard {
                p.lede {
                    "Equality of airtime: " strong { (round::index(s.equality)) } ". "
                    "It would be 1 if everyone here had spoken for the same time, and it falls towards 0 as one voice takes all the airtime."
                }
            } @else {
                p { "No turns were taken." }
            }
            @if lived_roles.is_empty() {
                p { "No role here counted as lived experience (" (how) ")." }
            } @else {
                p { "Counted as lived experience: " (lived_roles.join(", ")) " (" (how) ")." }
            }
            @if !s.roles.is_empty() {
                (chart::figure(
                    "chart-roles",
                    "Airtime by role, beside its share of the people",
                    "For each role, a solid bar for its share of the time spoken and a hatched bar for its share of the people here; where the solid bar is shorter, that role was heard less than its numbers.",
                    chart::bars("chart-roles", role_max, &role_groups),
                    roles_table,
                ))
            }
            @if !counted.is_empty() {
                (chart::figure(
                    "chart-people",
                    "Airtime, person by person",
                    "For each person counted in the balance (the facilitator aside), a bar for the time they spoke, with the number of turns.",
                    chart::bars("chart-people", person_max, &person_groups),
                    people_table,
                ))
            }
            @if !s.not_heard.is_empty() {
                p { "Not heard: " (s.not_heard.join(", ")) "." }
            }
        }
    }
}

fn record(s: &Summary) -> Markup {
    html! {
        section aria-labelledby="record" {
            h2 #record { "Contribution record" }
            p { "Time given and work done, to recognise or pay people for their part." }
            table {
                caption { "Each person's contribution" }
                thead { tr { th scope="col" { "Person and role" } th.n scope="col" { "Present" } th.n scope="col" { "Spoke" } th.n scope="col" { "Ideas" } th.n scope="col" { "Actions owned" } } }
                tbody {
                    @for p in &s.participants {
                        tr {
                            th scope="row" { (p.name) @if p.walk_in { " (walk-in)" } br; span.role { (p.role) } }
                            td.n { (clock(p.present_s * 1000)) }
                            td.n { (clock(p.spoken_s * 1000)) }
                            td.n { (p.ideas) }
                            td.n { (p.actions) }
                        }
                    }
                }
            }
        }
    }
}

/// What came through the door from phones, when any did.
fn door(s: &Summary) -> Markup {
    let d = &s.door;
    html! {
        @if d.phones > 0 {
            section aria-labelledby="door" {
                h2 #door { "Through the door" }
                p {
                    "Phones joined: " (d.phones) " (one that joins again after a restart counts again). From them came ideas: " (d.ideas)
                    "; hands: " (d.hands) "; votes: " (d.votes) "; scores: " (d.scores)
                    "; reflections: " (d.reflections) "."
                }
                @if !d.answers.is_empty() {
                    table {
                        caption { "Answers from phones, anonymous" }
                        thead { tr { th scope="col" { "Checkpoint" } th scope="col" { "Question" } th scope="col" { "Answer" } th.n scope="col" { "Phones" } } }
                        tbody {
                            @for a in &d.answers {
                                tr { td { (a.checkpoint) } td { (a.question) } td { (a.answer) } td.n { (a.count) } }
                            }
                        }
                    }
                }
                @if !d.feelings.is_empty() {
                    h3 { "How it feels, in their words" }
                    ul { @for f in &d.feelings { li { (f.text) " (" (f.checkpoint) ")" } } }
                }
            }
        }
    }
}
