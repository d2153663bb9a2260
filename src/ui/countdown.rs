//! The current stage's big countdown, as large as its area allows.

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;
use tui_big_text::{BigText, PixelSize};

use super::theme::Theme;
use crate::model::agenda::Phase;
use crate::model::length::clock;

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

/// The largest glyphs that fit `text` in `area`: cells per glyph (width, height).
fn pixel_size(text: &str, area: Rect) -> Option<(PixelSize, u16)> {
    let glyphs = text.chars().count() as u16;
    [
        (PixelSize::Full, 8, 8),
        (PixelSize::HalfHeight, 8, 4),
        (PixelSize::Quadrant, 4, 4),
    ]
    .into_iter()
    .find(|(_, w, h)| glyphs * w <= area.width && *h <= area.height)
    .map(|(size, _, h)| (size, h))
}

/// Draws `text` in big digits centred in `area`, or in plain bold text when there is no room.
pub fn big(frame: &mut Frame, area: Rect, text: &str, style: Style) {
    match pixel_size(text, area) {
        Some((size, height)) => {
            let y = area.y + (area.height - height) / 2;
            let rect = Rect { y, height, ..area };
            let big = BigText::builder()
                .pixel_size(size)
                .style(style)
                .lines(vec![Line::from(text.to_string())])
                .centered()
                .build();
            frame.render_widget(big, rect);
        }
        None => {
            let rect = Rect {
                y: area.y + area.height / 2,
                height: area.height.min(1),
                ..area
            };
            frame.render_widget(
                Paragraph::new(text.to_string())
                    .style(style)
                    .alignment(Alignment::Center),
                rect,
            );
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
        let wide = Rect::new(0, 0, 60, 10);
        assert_eq!(pixel_size("12:34", wide).map(|p| p.1), Some(8));
        assert_eq!(
            pixel_size("12:34", Rect::new(0, 0, 60, 5)).map(|p| p.1),
            Some(4)
        );
        assert_eq!(
            pixel_size("12:34", Rect::new(0, 0, 30, 5)).map(|p| p.1),
            Some(4)
        );
        assert_eq!(pixel_size("12:34", Rect::new(0, 0, 10, 3)), None);
    }
}
