//! Replay: the live screens as they were at a moment, a timeline beneath them.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::Context;
use super::hints;
use super::live::{self, LiveView};
use super::text::cut;
use super::theme::Theme;
use crate::app::replay::Replay;
use crate::input::action::{Action, Screen};
use crate::input::keymap::Keymap;
use crate::model::text::width;

pub fn render(frame: &mut Frame, area: Rect, replay: &Replay, keymap: &Keymap, cx: &Context) {
    let [screen, timeline, keys] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(1), Constraint::Length(1)])
            .areas(area);
    // The screens the room saw, drawn by the same code, as they were at the playhead.
    let at = Context { now: replay.at, theme: cx.theme, saving: None };
    let mut ui = replay.ui.clone();
    ui.overlay = None;
    let view = LiveView {
        state: &replay.state,
        before: replay.before.as_ref(),
        started: replay.session.started,
        ui: &ui,
        keymap,
        hints: false,
    };
    live::render(frame, screen, &view, &at);
    bar(frame, timeline, replay, cx.theme);
    let label = |a| keymap.label(a);
    // Most needed first: a narrow bar keeps the front, and help lists the rest.
    let items: Vec<(String, String)> = vec![
        (label(Action::PlayPause), if replay.playing() { "pause" } else { "play" }.to_string()),
        (format!("{}–{}", label(Action::Speed1x), label(Action::Speed600x)), "speed".into()),
        (format!("{}{}", label(Action::EventBack), label(Action::EventOn)), "event".into()),
        (format!("{}{}", label(Action::StageBack), label(Action::StageOn)), "stage".into()),
        (label(Action::Help), "help".into()),
        (label(Action::Quit), "quit".into()),
        (label(Action::Back), "home".into()),
        (label(Action::Projection), "projection".into()),
        (label(Action::IdeasBoard), "board".into()),
        (label(Action::Reflect), "reflect".into()),
    ];
    hints::render(frame, keys, &items, cx.theme);
    if replay.ui.help.open {
        super::help::render(frame, screen, keymap, Screen::Replay, replay.ui.help.scroll, cx.theme);
    }
}

/// "⏵ REPLAY 60× · as it was at 10:42:05 · event 12 of 340", then the
/// timeline: stage numbers where stages began, ticks where events happened, the playhead.
fn bar(frame: &mut Frame, area: Rect, replay: &Replay, theme: &Theme) {
    let started = replay.session.started;
    let when = crate::model::session::wall(started, replay.at).format("%H:%M:%S");
    let count = replay.timeline.count_at(replay.at);
    let total = replay.timeline.events.len();
    let state = if replay.playing() {
        format!("▶ REPLAY {}×", replay.speed)
    } else {
        "❚❚ REPLAY".to_string()
    };
    let label = format!(" {state} · as it was at {when} · event {count} of {total} ");
    let w = area.width as usize;
    let line_w = w.saturating_sub(width(&label));
    let end = replay.timeline.end().max(1);
    let column = |at: u64| ((at as u128 * line_w.saturating_sub(1) as u128) / end as u128) as usize;
    let mut cells: Vec<&str> = vec!["─"; line_w];
    for logged in &replay.timeline.events {
        if let Some(c) = cells.get_mut(column(logged.at)) {
            *c = "╵";
        }
    }
    const DIGITS: [&str; 10] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"];
    for (at, stage) in &replay.timeline.stage_starts {
        if let Some(c) = cells.get_mut(column(*at)) {
            *c = DIGITS.get(stage + 1).copied().unwrap_or("|");
        }
    }
    let head = column(replay.at).min(line_w.saturating_sub(1));
    let mut spans = vec![Span::styled(cut(&label, w), theme.status)];
    if line_w > 0 {
        spans.push(Span::styled(cells[..head].concat(), theme.bar));
        spans.push(Span::styled("█", theme.selected));
        spans.push(Span::styled(cells[(head + 1).min(line_w)..].concat(), theme.dim));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}
