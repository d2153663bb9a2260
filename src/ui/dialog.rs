//! A question that waits for yes or no.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph, Wrap};

use super::centered;
use super::theme::Theme;
use crate::input::action::Action;
use crate::input::keymap::Keymap;

pub fn render(
    frame: &mut Frame,
    area: Rect,
    title: &str,
    question: &str,
    keymap: &Keymap,
    theme: &Theme,
) {
    let answer =
        format!("{} yes  ·  {} no", keymap.label(Action::Confirm), keymap.labels(Action::Cancel));
    let width = 60.min(area.width.saturating_sub(4)).max(20);
    let inner_width = width.saturating_sub(4).max(1) as usize;
    let lines = question.len().div_ceil(inner_width) as u16 + 4;
    let rect = centered(area, width, lines);
    let block = Block::bordered()
        .title(format!(" {title} "))
        .style(theme.dialog)
        .border_style(theme.border);
    frame.render_widget(Clear, rect);
    let text =
        vec![Line::from(question.to_string()), Line::from(""), Line::styled(answer, theme.title)];
    frame.render_widget(Paragraph::new(text).block(block).wrap(Wrap { trim: true }), rect);
    frame.set_cursor_position((rect.x + 2, rect.y + 1));
}
