//! The help overlay: every key of a screen, straight from the keymap in effect.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};

use super::centered;
use super::text::cut;
use super::theme::Theme;
use crate::input::action::{Action, Screen};
use crate::input::keymap::Keymap;
use crate::model::text::width;

/// The keys of `screen`, one action a line.
pub fn lines(keymap: &Keymap, screen: Screen) -> Vec<(String, &'static str)> {
    Action::ALL
        .iter()
        .copied()
        .filter(|a| a.screens().contains(&screen) && *a != Action::Help)
        .map(|a| (keymap.labels(a), a.describe()))
        .collect()
}

/// Every key of `screen`, one action a line, from `scroll` on when they do not all fit;
/// in two columns when the screen is wide enough.
pub fn render(
    frame: &mut Frame,
    area: Rect,
    keymap: &Keymap,
    screen: Screen,
    scroll: usize,
    theme: &Theme,
) {
    let rows = lines(keymap, screen);
    let key_width = rows.iter().map(|(k, _)| width(k)).max().unwrap_or(0);
    let columns = if area.width >= 170 { 2 } else { 1 };
    let col_w = (area.width.saturating_sub(2) as usize / columns).min(86);
    let line = |(keys, what): &(String, &str)| {
        Line::from(vec![
            Span::styled(format!("{keys:>key_width$}  "), theme.title),
            Span::styled(cut(what, col_w.saturating_sub(key_width + 3)), theme.dialog),
        ])
    };
    let per_column = rows.len().div_ceil(columns);
    let room = area.height.saturating_sub(4) as usize;
    let fits = per_column <= room;
    let scroll = if fits { 0 } else { scroll.min(per_column - room) };
    let shown = per_column.min(room);
    let footer = if fits {
        format!(
            "{} or {} closes this help",
            keymap.labels(Action::Help),
            keymap.labels(Action::Back)
        )
    } else {
        format!(
            "↑↓ for more ({}–{} of {}) · {} closes",
            scroll + 1,
            scroll + shown,
            per_column,
            keymap.labels(Action::Back)
        )
    };
    let rect = centered(area, (col_w * columns) as u16 + 2, shown as u16 + 4);
    frame.render_widget(Clear, rect);
    let block = Block::bordered().title(" Keys ").style(theme.dialog).border_style(theme.border);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let [body, _, foot] = Layout::vertical([
        Constraint::Length(shown as u16),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    let halves: Vec<Rect> = Layout::horizontal(vec![Constraint::Ratio(1, columns as u32); columns])
        .split(body)
        .to_vec();
    for (c, half) in halves.iter().enumerate() {
        let column: Vec<Line> = rows
            .iter()
            .skip(c * per_column)
            .take(per_column)
            .skip(scroll)
            .take(shown)
            .map(line)
            .collect();
        frame.render_widget(Paragraph::new(column), *half);
    }
    frame.render_widget(Paragraph::new(cut(&footer, foot.width as usize)).style(theme.dim), foot);
}
