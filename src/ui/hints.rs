//! The one-line hint bar and the status line beneath every screen.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::theme::Theme;
use crate::model::text::{cut, width};

/// Keys that matter now, as many as fit, in the order given: (key, word).
pub fn render(frame: &mut Frame, area: Rect, items: &[(String, String)], theme: &Theme) {
    let mut spans = Vec::new();
    let mut used = 0;
    for (key, word) in items {
        let key = format!(" {key} ");
        let word = format!(" {word}  ");
        let needed = width(&key) + width(&word);
        if used + needed > area.width as usize {
            break;
        }
        used += needed;
        spans.push(Span::styled(key, theme.hint_key));
        spans.push(Span::styled(word, theme.hint));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)).style(theme.hint), area);
}

/// The latest change in words. The terminal's cursor is put at its start, so
/// screen readers and braille displays that follow the cursor read it.
pub fn status(frame: &mut Frame, area: Rect, said: &str, theme: &Theme) {
    let text = cut(&format!(" {said}"), area.width as usize);
    frame.render_widget(Paragraph::new(text).style(theme.status), area);
    frame.set_cursor_position((area.x, area.y));
}
