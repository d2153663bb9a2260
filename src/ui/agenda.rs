//! The agenda down one side: each stage with its planned and actual time.

use chrono::{DateTime, FixedOffset};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::marks;
use super::paint;
use super::text::cut;
use super::theme::Theme;
use crate::model::length::clock;
use crate::model::stage::Status;
use crate::model::state::drift_in_words;
use crate::model::step::short_clock;
use crate::model::text::width;
use crate::model::{Ms, State};

/// The wall-clock time at an offset into the session, as "20:36".
/// The style a stage or a step is drawn in: done, current, or to come.
pub fn status_style(status: Status, theme: &Theme) -> Style {
    match status {
        Status::Done => theme.done,
        Status::Current => theme.current,
        Status::ToCome => theme.to_come,
    }
}

pub fn wall(started: DateTime<FixedOffset>, at: Ms) -> String {
    crate::model::session::wall(started, at).format("%H:%M").to_string()
}

/// A stage's planned length with any minutes added live: "20:00", "20:00+2".
fn planned(state: &State, i: usize) -> String {
    let minutes = state.stages[i].added_ms / 60_000;
    let base = clock(state.plan.stages[i].duration.ms());
    match minutes {
        0 => base,
        m if m > 0 => format!("{base}+{m}"),
        m => format!("{base}−{}", m.unsigned_abs()),
    }
}

/// Whose steps the agenda lists beneath them: every stage's when they fit in
/// `rows` rows of list, else the current stage's alone.
fn steps_shown(state: &State, rows: u16) -> Vec<bool> {
    let n = state.stages.len();
    let all = n + state.plan.stages.iter().map(|s| s.steps.len()).sum::<usize>();
    let every = all <= usize::from(rows);
    (0..n).map(|i| every || i == state.current).collect()
}

/// The rows the agenda's list asks for beside a pane of `room` rows: every
/// step when they take no more than half of it (the rest is the balance's).
pub fn rows(state: &State, room: u16) -> u16 {
    let shown = steps_shown(state, (room / 2).saturating_sub(5));
    let steps: usize = state
        .plan
        .stages
        .iter()
        .zip(&shown)
        .filter(|(_, s)| **s)
        .map(|(st, _)| st.steps.len())
        .sum();
    (state.stages.len() + steps) as u16
}

pub fn render(
    frame: &mut Frame,
    area: Rect,
    state: &State,
    started: DateTime<FixedOffset>,
    now: Ms,
    theme: &Theme,
) {
    let inner = paint::bordered(frame.buffer_mut(), area, " Agenda ", theme.border);
    let [list, footer] = Layout::vertical([Constraint::Min(0), Constraint::Length(2)]).areas(inner);

    let plan_w =
        (0..state.stages.len()).map(|i| width(&planned(state, i))).max().unwrap_or(5).max(4);
    let took = |i: usize| {
        if state.stages[i].started { clock(state.elapsed(i, now)) } else { String::new() }
    };
    let took_w = (0..state.stages.len()).map(|i| width(&took(i))).max().unwrap_or(0).max(4);
    let title_w = (list.width as usize).saturating_sub(2 + 1 + plan_w + 1 + took_w);
    let mut lines = vec![Line::from(vec![
        Span::styled(format!("{:title_w$}   ", ""), theme.dim),
        Span::styled(format!("{:>plan_w$} {:>took_w$}", "plan", "took"), theme.dim),
    ])];
    let shown = steps_shown(state, list.height.saturating_sub(1));
    for (i, stage) in state.plan.stages.iter().enumerate() {
        let status = state.status(i);
        let style = status_style(status, theme);
        let title = cut(&stage.title, title_w);
        let pad = title_w.saturating_sub(width(&title));
        lines.push(Line::from(vec![
            Span::styled(format!("{} ", marks::stage(status)), style),
            Span::styled(format!("{title}{} ", " ".repeat(pad)), style),
            Span::styled(format!("{:>plan_w$} {:>took_w$}", planned(state, i), took(i)), style),
        ]));
        if shown[i] {
            step_lines(&mut lines, state, i, now, (title_w, plan_w), theme);
        }
    }
    paint::text(frame.buffer_mut(), list, lines, Style::default());

    let total =
        format!("Plan {} · {}", clock(state.plan.total_ms()), drift_in_words(state.drift(now)));
    let end = if state.ended.is_some() {
        format!("Ended at {}", wall(started, state.projected_end(now)))
    } else {
        format!("Ends about {}", wall(started, state.projected_end(now)))
    };
    let footer_lines = vec![
        Line::styled(cut(&total, footer.width as usize), theme.text),
        Line::styled(cut(&end, footer.width as usize), theme.text),
    ];
    paint::text(frame.buffer_mut(), footer, footer_lines, Style::default());
}

/// Stage `i`'s steps beneath it, indented: done, now or to come, each with its length.
fn step_lines(
    lines: &mut Vec<Line<'static>>,
    state: &State,
    i: usize,
    now: Ms,
    (title_w, plan_w): (usize, usize),
    theme: &Theme,
) {
    let current = state.step(i, now).map(|s| s.index);
    let spans = state.step_spans(i);
    for (j, (step, (start, end))) in state.plan.stages[i].steps.iter().zip(spans).enumerate() {
        let status = match state.status(i) {
            Status::Current if Some(j) == current => Status::Current,
            Status::Current if current.is_some_and(|c| j < c) && state.stages[i].started => {
                Status::Done
            }
            Status::Current => Status::ToCome,
            other => other,
        };
        let style = status_style(status, theme);
        let name_w = title_w.saturating_sub(2);
        let name = cut(&step.name, name_w);
        let pad = name_w.saturating_sub(width(&name));
        let length = short_clock((end - start).max(0) as Ms);
        lines.push(Line::from(vec![
            Span::styled(format!("  {} ", marks::stage(status)), style),
            Span::styled(format!("{name}{} ", " ".repeat(pad)), style),
            Span::styled(format!("{length:>plan_w$}"), style),
        ]));
    }
}
