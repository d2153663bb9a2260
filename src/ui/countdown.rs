//! The current stage's big countdown, as large as its area allows.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Widget;
use ratatui::widgets::{Block, Paragraph};
use tui_big_text::{BigText, PixelSize};

use super::theme::Theme;
use crate::model::State;
use crate::model::agenda::Phase;
use crate::model::length::{Ms, clock};
use crate::model::text::cut;

/// The style that carries a phase's colour; its word and symbol are in `Phase::label`.
pub fn style(phase: Phase, theme: &Theme) -> Style {
    match phase {
        Phase::Ready | Phase::Ended => theme.timer_ready,
        Phase::Running => theme.timer_running,
        Phase::EndingSoon => theme.timer_warning,
        Phase::Paused => theme.timer_paused,
        Phase::Over => theme.timer_over,
    }
}

/// A compact clock at the right of `area` where there is room (100 columns
/// and more), leaving the rest for the screen it stands beside; below that the
/// header line carries the timer, and `area` is left whole.
pub fn beside(frame: &mut Frame, area: Rect, state: &State, now: Ms, theme: &Theme) -> Rect {
    if area.width < 100 || area.height < 8 {
        return area;
    }
    let [rest, side] = Layout::horizontal([Constraint::Min(0), Constraint::Length(26)]).areas(area);
    let [clock, _] = Layout::vertical([Constraint::Length(8), Constraint::Min(0)]).areas(side);
    compact(frame, clock, state, now, theme);
    rest
}

/// The stage's time in digits the room can read, boxed, and its state in a
/// word: the clock kept beside a screen that is not the live one.
pub fn compact(frame: &mut Frame, area: Rect, state: &State, now: Ms, theme: &Theme) {
    let block = Block::bordered().title(" Time ").border_style(theme.border);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let phase = state.phase(now);
    let style = style(phase, theme);
    let face = face(state.remaining(now));
    let [digits, word] =
        Layout::vertical([Constraint::Length(inner.height.min(5)), Constraint::Length(1)])
            .areas(inner);
    big(frame, digits, &face, style);
    frame.render_widget(
        Paragraph::new(cut(phase.label(), word.width as usize))
            .style(style)
            .alignment(Alignment::Center),
        word,
    );
}

/// The face of the clock: time left, or "+01:30" once over.
pub fn face(remaining: i64) -> String {
    if remaining >= 0 {
        // Round up, so a stage shows 20:00 until a whole second has gone.
        clock((remaining as u64).div_ceil(1000) * 1000)
    } else {
        let over = clock(remaining.unsigned_abs());
        // "+1:30" rather than "+01:30": one glyph fewer keeps the digits big.
        format!("+{}", over.strip_prefix('0').unwrap_or(&over))
    }
}

/// The largest glyphs that fit `text` in `area`: the pixel size, how many
/// times to enlarge it, and the height it takes.
fn pixel_size(text: &str, area: Rect) -> Option<(PixelSize, u16, u16)> {
    let glyphs = text.chars().count() as u16;
    let full = (area.width / (glyphs * 8).max(1)).min(area.height / 8);
    if full >= 1 {
        return Some((PixelSize::Full, full, 8 * full));
    }
    [(PixelSize::HalfHeight, 8, 4), (PixelSize::Quadrant, 4, 4)]
        .into_iter()
        .find(|(_, w, h)| glyphs * w <= area.width && *h <= area.height)
        .map(|(size, _, h)| (size, 1, h))
}

/// Draws `text` in big digits centred in `area`, or in plain bold text when there is no room.
/// Past the font's own size, every cell is repeated, so a projector's wall gets a wall-sized clock.
pub fn big(frame: &mut Frame, area: Rect, text: &str, style: Style) {
    let Some((size, scale, height)) = pixel_size(text, area) else {
        let rect = Rect { y: area.y + area.height / 2, height: area.height.min(1), ..area };
        frame.render_widget(
            Paragraph::new(text.to_string()).style(style).alignment(Alignment::Center),
            rect,
        );
        return;
    };
    let mut builder = BigText::builder();
    builder.pixel_size(size).style(style).lines(vec![Line::from(text.to_string())]);
    let y = area.y + (area.height - height) / 2;
    if scale == 1 {
        let rect = Rect { y, height, ..area };
        frame.render_widget(builder.centered().build(), rect);
        return;
    }
    let big = builder.build();
    let glyph_w = text.chars().count() as u16 * 8;
    let mut small = Buffer::empty(Rect::new(0, 0, glyph_w, 8));
    big.render(small.area, &mut small);
    let x0 = area.x + (area.width - glyph_w * scale) / 2;
    let buf = frame.buffer_mut();
    for sy in 0..8 {
        for sx in 0..glyph_w {
            let cell = small[(sx, sy)].clone();
            for dy in 0..scale {
                for dx in 0..scale {
                    let (x, y) = (x0 + sx * scale + dx, y + sy * scale + dy);
                    if let Some(target) = buf.cell_mut((x, y)) {
                        // The glyphs carry no ground of their own: keep the
                        // theme's, never the terminal's.
                        let ground = target.bg;
                        *target = cell.clone();
                        if target.bg == ratatui::style::Color::Reset {
                            target.bg = ground;
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn faces_count_down_then_up() {
        assert_eq!(face(1_200_000), "20:00");
        assert_eq!(face(1_199_001), "20:00");
        assert_eq!(face(1_199_000), "19:59");
        assert_eq!(face(0), "00:00");
        assert_eq!(face(-90_000), "+1:30");
        assert_eq!(face(-750_000), "+12:30");
    }

    #[test]
    fn glyphs_shrink_to_fit() {
        let height = |w, h| pixel_size("12:34", Rect::new(0, 0, w, h)).map(|p| p.2);
        assert_eq!(height(60, 10), Some(8));
        assert_eq!(height(60, 5), Some(4));
        assert_eq!(height(30, 5), Some(4));
        assert_eq!(height(10, 3), None);
        // A wall: three times the font's size.
        let wall = pixel_size("12:34", Rect::new(0, 0, 130, 30));
        assert_eq!(wall.map(|p| (p.1, p.2)), Some((3, 24)));
    }
}
