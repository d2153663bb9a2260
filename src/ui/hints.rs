//! The one-line hint bar and the status line beneath every screen.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::paint;
use super::text::cut;
use super::text::wrap;
use super::theme::Theme;
use crate::model::text::width;

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
    paint::text(frame.buffer_mut(), area, Line::from(spans), theme.hint);
}

/// The latest change in words. The terminal's cursor is put at its start, so
/// screen readers and braille displays that follow the cursor read it.
pub fn status(frame: &mut Frame, area: Rect, said: &str, theme: &Theme) {
    // Wrapped at words onto the rows given (see `status_rows`); cut, with
    // "…", only past the last of them.
    let rows = (area.height as usize).max(1);
    let mut lines = wrap(said, (area.width as usize).saturating_sub(1));
    if lines.len() > rows {
        // Out of rows: end at a word, and say that more was said.
        let last = wrap(&lines[rows - 1..].join(" "), (area.width as usize).saturating_sub(3));
        lines.truncate(rows - 1);
        lines.push(format!("{} …", last.first().map_or("", String::as_str)));
    }
    let lines: Vec<Line> =
        lines.iter().map(|l| Line::raw(cut(&format!(" {l}"), area.width as usize))).collect();
    paint::text(frame.buffer_mut(), area, lines, theme.status);
    frame.set_cursor_position((area.x, area.y));
}

/// The rows the status line takes on a screen `width` by `height`: two when
/// the words do not fit in one and the screen has rows to spare (so the
/// clock above keeps its size on a small one), else one, ended at a word.
pub fn status_rows(said: &str, width: u16, height: u16) -> u16 {
    let long = wrap(said, (width as usize).saturating_sub(1)).len() > 1;
    if long && height >= 20 { 2 } else { 1 }
}
