//! The current stage's panel on the live screen: its title, what the room is
//! asked to do, the big countdown, and the step it is in with the step's own
//! countdown and the list of steps.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::Context;
use super::countdown;
use super::live::LiveView;
use super::marks;
use super::paint;
use super::text::{cut, wrap};
use super::theme::Theme;
use crate::input::action::Action;
use crate::model::agenda::Phase;
use crate::model::length::clock;
use crate::model::plan::{StageKind, StagePlan};
use crate::model::stage::Status;
use crate::model::state::drift_in_words;
use crate::model::step::short_clock;
use crate::model::text::width;
use crate::model::{Ms, State};

/// The most rows a prompt takes in the panel; the rest is cut with "…".
const PROMPT_ROWS: usize = 4;
/// The least the big countdown keeps: what its smallest digits need.
const TIMER_ROWS: u16 = 4;
/// From this inner width on, the list of steps stands beside the countdown.
const LIST_BESIDE: u16 = 56;

/// How many rows more than a plain stage's the panel would like for stage `i`:
/// its prompt's lines (up to a few) and the line of its current step.
pub fn extra_rows(stage: &StagePlan) -> u16 {
    let prompt = stage.prompt.as_deref().map_or(0, |p| p.lines().count().min(PROMPT_ROWS));
    prompt as u16 + u16::from(!stage.steps.is_empty())
}

/// The prompt, wrapped to `w` columns, on at most `rows` rows (the last cut with "…").
pub fn prompt_lines(prompt: &str, w: usize, rows: usize) -> Vec<String> {
    let mut lines: Vec<String> = prompt.lines().flat_map(|l| wrap(l, w)).collect();
    if lines.len() > rows {
        lines.truncate(rows);
        if let Some(last) = lines.last_mut() {
            *last = cut(&format!("{last} …"), w);
        }
    }
    lines
}

/// The current step in one line of at most `w` columns: "▶ in pairs · 1:23
/// left of 2:00 · step 2 of 4", shorter where that does not fit, in the style
/// of its own countdown; None for a stage without steps.
pub fn step_line(state: &State, now: Ms, w: usize, theme: &Theme) -> Option<(String, Style)> {
    let i = state.current;
    let step = state.step(i, now)?;
    let name = &state.plan.stages[i].steps[step.index].name;
    let phase = step_phase(state, step.left, step.length, now);
    let time = if step.left >= 0 {
        format!("{} left of {}", short_clock(step.left as Ms), short_clock(step.length))
    } else {
        format!("+{} over", short_clock(step.left.unsigned_abs()))
    };
    let mark = marks::stage(Status::Current);
    let (k, n) = (step.index + 1, step.of);
    let long = format!("{mark} {name} · {time} · step {k} of {n}");
    let words = if width(&long) <= w {
        long
    } else {
        cut(&format!("{mark} {name} · {time} · {k}/{n}"), w)
    };
    Some((words, countdown::style(phase, theme)))
}

/// A step's countdown read as the stage's is: ready, running, ending soon
/// (its last fifth, a minute at most), paused, over.
fn step_phase(state: &State, left: i64, length: Ms, now: Ms) -> Phase {
    match state.phase(now) {
        Phase::Running | Phase::EndingSoon if left <= (length as i64 / 5).min(60_000) => {
            Phase::EndingSoon
        }
        Phase::Running | Phase::EndingSoon => Phase::Running,
        other => other,
    }
}

/// The steps of the current stage, one a line: done `✓`, now `▶`, to come
/// `·`, each with its length as it now stands.
fn step_list(state: &State, now: Ms, w: usize, theme: &Theme) -> Vec<Line<'static>> {
    let i = state.current;
    let steps = &state.plan.stages[i].steps;
    let current = state.step(i, now).map_or(0, |s| s.index);
    let spans = state.step_spans(i);
    let started = state.stages[i].started;
    let times: Vec<String> =
        spans.iter().map(|&(start, end)| short_clock((end - start).max(0) as Ms)).collect();
    let time_w = times.iter().map(|t| width(t)).max().unwrap_or(4);
    let name_w = w.saturating_sub(2 + 1 + time_w);
    steps
        .iter()
        .zip(times)
        .enumerate()
        .map(|(j, (step, time))| {
            let status = match j.cmp(&current) {
                std::cmp::Ordering::Less if started => Status::Done,
                std::cmp::Ordering::Equal => Status::Current,
                _ => Status::ToCome,
            };
            let style = super::agenda::status_style(status, theme);
            let name = cut(&step.name, name_w);
            let pad = name_w.saturating_sub(width(&name));
            Line::from(vec![
                Span::styled(format!("{} ", marks::stage(status)), style),
                Span::styled(format!("{name}{} {time:>time_w$}", " ".repeat(pad)), style),
            ])
        })
        .collect()
}

pub fn panel(frame: &mut Frame, area: Rect, view: &LiveView, cx: &Context) {
    let theme = cx.theme;
    let state = view.state;
    let now = cx.now;
    let i = state.current;
    let stage = &state.plan.stages[i];
    let heading = format!(" Stage {} of {} · {} ", i + 1, state.stages.len(), stage.kind.label());
    let inner = paint::bordered(frame.buffer_mut(), area, heading, theme.border);

    let has_steps = !stage.steps.is_empty();
    let focus_h = u16::from(!stage.focus.is_empty());
    let step_h = u16::from(has_steps);
    // What is left once the title, focus, label, step line and smallest digits have their rows.
    let spare = inner.height.saturating_sub(1 + focus_h + 1 + step_h + TIMER_ROWS) as usize;
    let prompt = match &stage.prompt {
        Some(p) => {
            prompt_lines(p, (inner.width as usize).saturating_sub(1), spare.min(PROMPT_ROWS))
        }
        None => Vec::new(),
    };
    let list_below = has_steps
        && inner.width < LIST_BESIDE
        && spare.saturating_sub(prompt.len()) >= stage.steps.len();
    let [title, focus, prompt_area, timer, label, step_area, list_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(focus_h),
        Constraint::Length(prompt.len() as u16),
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(step_h),
        Constraint::Length(if list_below { stage.steps.len() as u16 } else { 0 }),
    ])
    .areas(inner);

    let buf = frame.buffer_mut();
    paint::text(buf, title, cut(&format!(" {}", stage.title), title.width as usize), theme.title);
    if !stage.focus.is_empty() {
        let text = format!(" Focus: {}", stage.focus.join(", "));
        paint::text(buf, focus, cut(&text, focus.width as usize), theme.dim);
    }
    if !prompt.is_empty() {
        let lines: Vec<Line> = prompt.into_iter().map(|l| Line::from(format!(" {l}"))).collect();
        paint::text(buf, prompt_area, lines, theme.text);
    }

    // Beside the countdown, where it is wide enough, the list of steps.
    let timer = if has_steps && inner.width >= LIST_BESIDE {
        let list_w = (inner.width / 3).clamp(18, 30);
        let [digits, gap, list] = Layout::horizontal([
            Constraint::Min(0),
            Constraint::Length(1),
            Constraint::Length(list_w - 1),
        ])
        .areas(timer);
        let _ = gap;
        let lines = step_list(state, now, list.width as usize, theme);
        let top = list.height.saturating_sub(lines.len() as u16) / 2;
        let list = Rect { y: list.y + top, height: list.height - top, ..list };
        paint::text(frame.buffer_mut(), list, lines, Style::default());
        digits
    } else {
        timer
    };
    if list_below {
        let lines = step_list(state, now, list_area.width as usize, theme);
        paint::text(frame.buffer_mut(), list_area, lines, Style::default());
    }

    let phase = state.phase(now);
    let style = countdown::style(phase, theme);
    let left = state.remaining(now);
    // A break tells the room when to be back, in the big digits, while there is time left.
    let back_at = (stage.kind == StageKind::Break
        && matches!(phase, Phase::Running | Phase::EndingSoon | Phase::Paused))
    .then(|| super::agenda::wall(view.started, now + left.max(0) as Ms));
    let face = match (&back_at, phase) {
        (Some(at), _) => at.clone(),
        (None, Phase::Ended) => "ENDED".to_string(),
        (None, _) => countdown::face(left),
    };
    frame.render_widget(countdown::Big { text: &face, style }, timer);

    let planned = clock(state.planned_ms(i).max(0) as u64);
    let words = match phase {
        Phase::Ready => match view.keys() {
            Some(keys) => {
                format!(
                    "{} · {} starts the timer",
                    marks::phase(phase),
                    keys.label(Action::StartPause)
                )
            }
            None => marks::phase(phase).to_string(),
        },
        Phase::Running | Phase::EndingSoon | Phase::Paused => match &back_at {
            Some(at) => format!(
                "BACK AT {at} · {} · {} left of {planned}",
                marks::phase(phase),
                countdown::face(left)
            ),
            None => {
                format!("{} · {} left of {planned}", marks::phase(phase), countdown::face(left))
            }
        },
        Phase::Over if state.running() => {
            format!("{} +{} · planned {planned}", marks::phase(phase), clock(left.unsigned_abs()))
        }
        Phase::Over => format!(
            "{} +{} · ❚❚ PAUSED · planned {planned}",
            marks::phase(phase),
            clock(left.unsigned_abs())
        ),
        Phase::Ended => format!("{} · {}", marks::phase(phase), drift_in_words(state.drift(now))),
    };
    paint::centered(frame.buffer_mut(), label, cut(&words, label.width as usize), style);
    let step = step_line(state, now, step_area.width as usize, theme);
    if let Some((words, style)) = step.filter(|_| phase != Phase::Ended) {
        paint::centered(frame.buffer_mut(), step_area, words, style);
    }
}
