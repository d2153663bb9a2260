//! The help overlay: every key of a screen, straight from the keymap in effect.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::centered;
use super::theme::Theme;
use crate::app::action::{Action, Screen};
use crate::app::keymap::Keymap;

/// The keys of `screen`, one action a line.
pub fn lines(keymap: &Keymap, screen: Screen) -> Vec<(String, &'static str)> {
    Action::ALL
        .into_iter()
        .filter(|a| a.screens().contains(&screen) && *a != Action::Help)
        .map(|a| (keymap.labels(a), a.describe()))
        .collect()
}

pub fn render(frame: &mut Frame, area: Rect, keymap: &Keymap, screen: Screen, theme: &Theme) {
    let rows = lines(keymap, screen);
    let key_width = rows.iter().map(|(k, _)| k.chars().count()).max().unwrap_or(0);
    let mut text: Vec<Line> = rows
        .into_iter()
        .map(|(keys, what)| {
            Line::from(vec![
                Span::styled(format!("{keys:>key_width$}  "), theme.title),
                Span::styled(what, theme.dialog),
            ])
        })
        .collect();
    text.push(Line::from(""));
    text.push(Line::styled(
        format!(
            "{} or {} closes this help",
            keymap.labels(Action::Help),
            keymap.labels(Action::Cancel)
        ),
        theme.dim,
    ));
    let width = 86.min(area.width);
    let inner = width.saturating_sub(2).max(1) as usize;
    let height: usize = text.iter().map(|l| l.width().max(1).div_ceil(inner)).sum();
    let rect = centered(area, width, height as u16 + 2);
    frame.render_widget(Clear, rect);
    let block = Block::bordered().title(" Keys ").style(theme.dialog).border_style(theme.border);
    frame.render_widget(Paragraph::new(text).block(block).wrap(Wrap { trim: false }), rect);
}
