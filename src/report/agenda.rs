//! The plan as a facilitator hands it out before the workshop: each stage with
//! its times from a start, what the room is asked to do, and its steps; as
//! Markdown, or as one self-contained HTML page. Uses `model` only.

use chrono::{NaiveTime, TimeDelta};
use clap::ValueEnum;
use maud::html;

use super::markdown::cell;
use crate::model::length::{Ms, in_words};
use crate::model::plan::{Plan, StagePlan};
use crate::model::step::spans;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum AgendaFormat {
    Md,
    Html,
}

/// One stage of the agenda, timed: when it starts and ends, from the
/// workshop's start, and each step's start and end.
struct Timed<'a> {
    stage: &'a StagePlan,
    from: Ms,
    to: Ms,
    steps: Vec<(&'a str, Ms, Ms)>,
}

fn timed(plan: &Plan) -> Vec<Timed<'_>> {
    let mut at: Ms = 0;
    plan.stages
        .iter()
        .map(|stage| {
            let from = at;
            at += stage.duration.ms();
            let steps = stage
                .steps
                .iter()
                .zip(spans(&stage.steps, stage.duration.ms() as i64))
                .map(|(s, (a, b))| (s.name.as_str(), from + a.max(0) as Ms, from + b.max(0) as Ms))
                .collect();
            Timed { stage, from, to: at, steps }
        })
        .collect()
}

/// A moment of the workshop as the agenda says it: the clock time from
/// `start` ("14:05", "14:05:30" when not on a minute), or without a start the
/// time from the beginning ("0:05").
fn moment(at: Ms, start: Option<NaiveTime>) -> String {
    let secs = at / 1000;
    match start {
        Some(start) => {
            let t = start + TimeDelta::seconds(secs as i64);
            if secs.is_multiple_of(60) {
                t.format("%H:%M").to_string()
            } else {
                t.format("%H:%M:%S").to_string()
            }
        }
        None => {
            let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
            if s == 0 { format!("{h}:{m:02}") } else { format!("{h}:{m:02}:{s:02}") }
        }
    }
}

fn span(from: Ms, to: Ms, start: Option<NaiveTime>) -> String {
    format!("{}–{}", moment(from, start), moment(to, start))
}

/// What the times are counted from, said once beneath the title.
fn times_note(start: Option<NaiveTime>) -> &'static str {
    match start {
        Some(_) => "Times are clock times from the start.",
        None => "Times are hours and minutes from the start (h:mm).",
    }
}

pub fn render(plan: &Plan, start: Option<NaiveTime>, format: AgendaFormat) -> String {
    match format {
        AgendaFormat::Md => markdown(plan, start),
        AgendaFormat::Html => html_page(plan, start),
    }
}

pub fn markdown(plan: &Plan, start: Option<NaiveTime>) -> String {
    let stages = timed(plan);
    let total = plan.total_ms();
    let mut out = format!("# {}\n\n", cell(&plan.title));
    if let Some(facilitator) = &plan.facilitator {
        out.push_str(&format!("Facilitator: {}  \n", cell(facilitator)));
    }
    out.push_str(&format!(
        "{} · {} · {} stage{}  \n{}\n\n",
        span(0, total, start),
        in_words(total),
        stages.len(),
        if stages.len() == 1 { "" } else { "s" },
        times_note(start)
    ));
    out.push_str("| Time | Stage | Length |\n|---|---|---:|\n");
    for t in &stages {
        out.push_str(&format!(
            "| {} | {} | {} |\n",
            span(t.from, t.to, start),
            cell(&t.stage.title),
            in_words(t.to - t.from)
        ));
    }
    for (i, t) in stages.iter().enumerate() {
        out.push_str(&format!(
            "\n## {}. {}\n\n{} · {} · {}",
            i + 1,
            cell(&t.stage.title),
            span(t.from, t.to, start),
            in_words(t.to - t.from),
            t.stage.kind.label()
        ));
        if !t.stage.focus.is_empty() {
            let focus: Vec<String> = t.stage.focus.iter().map(|f| cell(f)).collect();
            out.push_str(&format!(" · for: {}", focus.join(", ")));
        }
        out.push('\n');
        if let Some(prompt) = &t.stage.prompt {
            out.push('\n');
            for line in prompt.lines() {
                out.push_str(&format!("> {}  \n", cell(line)));
            }
        }
        if !t.steps.is_empty() {
            out.push('\n');
            for (name, from, to) in &t.steps {
                out.push_str(&format!(
                    "- {} {} ({})\n",
                    span(*from, *to, start),
                    cell(name),
                    in_words(to - from)
                ));
            }
        }
    }
    out
}

/// The page's own look: printable, readable, no scripts and nothing fetched.
const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.45}\
h1{margin-bottom:.2rem}table{border-collapse:collapse;width:100%;margin:1rem 0}\
th,td{text-align:left;padding:.3rem .6rem;border-bottom:1px solid #ccc;vertical-align:top}\
td.n{text-align:right;white-space:nowrap}td.t{white-space:nowrap}\
section{break-inside:avoid;margin-top:1.5rem}.meta{color:#555}\
blockquote{margin:.6rem 0;padding:.2rem .8rem;border-left:4px solid #888;font-size:1.1rem}\
ol.steps{padding-left:1.4rem}@media print{body{margin:0}}";

pub fn html_page(plan: &Plan, start: Option<NaiveTime>) -> String {
    let stages = timed(plan);
    let total = plan.total_ms();
    let plural = if stages.len() == 1 { "" } else { "s" };
    let body = html! {
                h1 { (plan.title) }
                @if let Some(facilitator) = &plan.facilitator {
                    p.meta { "Facilitator: " (facilitator) }
                }
                p.meta {
                    (span(0, total, start)) " · " (in_words(total)) " · "
                    (stages.len()) " stage" (plural) ". " (times_note(start))
                }
                table {
                    thead { tr { th { "Time" } th { "Stage" } th { "Length" } } }
                    tbody {
                        @for t in &stages {
                            tr {
                                td.t { (span(t.from, t.to, start)) }
                                td { (t.stage.title) }
                                td.n { (in_words(t.to - t.from)) }
                            }
                        }
                    }
                }
                @for (i, t) in stages.iter().enumerate() {
                    section {
                        h2 { (i + 1) ". " (t.stage.title) }
                        p.meta {
                            (span(t.from, t.to, start)) " · " (in_words(t.to - t.from))
                            " · " (t.stage.kind.label())
                            @if !t.stage.focus.is_empty() {
                                " · for: " (t.stage.focus.join(", "))
                            }
                        }
                        @if let Some(prompt) = &t.stage.prompt {
                            blockquote {
                                @for (j, line) in prompt.lines().enumerate() {
                                    @if j > 0 { br; }
                                    (line)
                                }
                            }
                        }
                        @if !t.steps.is_empty() {
                            ol.steps {
                                @for (name, from, to) in &t.steps {
                                    li {
                                        span.t { (span(*from, *to, start)) } " "
                                        strong { (name) } " (" (in_words(to - from)) ")"
                                    }
                                }
                            }
                        }
                    }
                }
    };
    super::html::page::page_with(&format!("Agenda: {}", plan.title), STYLE, body)
}
