//! A message to the room, as large as its area allows: in big letters wrapped
//! at spaces where the font has every character, else in plain bold lines.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::Line;
use tui_big_text::{BigText, PixelSize};

use super::paint;
use super::text::wrap;

/// The sizes big letters come in, largest first: how many columns and rows a
/// letter takes. Only those drawn with block elements every terminal font has,
/// as the countdown's are (not the sextants and octants of Unicode 13).
const SIZES: [(PixelSize, u16, u16); 3] =
    [(PixelSize::Full, 8, 8), (PixelSize::HalfHeight, 8, 4), (PixelSize::Quadrant, 4, 4)];

/// Whether the big font draws `c`: Latin letters, digits and punctuation
/// (Basic Latin and Latin-1). Anything else (CJK, emoji, other scripts) is
/// shown in plain letters instead, so that nothing typed goes missing.
fn drawable(c: char) -> bool {
    matches!(c, ' '..='~' | '\u{a1}'..='\u{ff}')
}

/// How `text` is laid out in big letters in `area`: the size, and its lines.
fn layout(text: &str, area: Rect) -> Option<(PixelSize, u16, Vec<String>)> {
    if !text.chars().all(drawable) {
        return None;
    }
    SIZES.into_iter().find_map(|(size, w, h)| {
        let per_line = usize::from(area.width / w);
        if per_line == 0 {
            return None;
        }
        let lines = wrap(text, per_line);
        let fits = lines.iter().all(|l| l.chars().count() <= per_line)
            && lines.len() as u16 * h <= area.height;
        fits.then(|| (size, lines.len() as u16 * h, lines))
    })
}

/// Draws `text` centred in `area`, as large as it fits.
pub fn big(frame: &mut Frame, area: Rect, text: &str, style: Style) {
    if area.is_empty() {
        return;
    }
    match layout(text, area) {
        Some((size, height, lines)) => {
            let y = area.y + (area.height - height) / 2;
            let mut builder = BigText::builder();
            builder
                .pixel_size(size)
                .style(style)
                .lines(lines.into_iter().map(Line::from).collect::<Vec<_>>());
            frame.render_widget(builder.centered().build(), Rect { y, height, ..area });
        }
        None => {
            let lines = wrap(text, usize::from(area.width));
            let height = (lines.len() as u16).min(area.height);
            let y = area.y + (area.height - height) / 2;
            let lines: Vec<Line> = lines.into_iter().map(Line::from).collect();
            let style = style.add_modifier(Modifier::BOLD);
            paint::centered(frame.buffer_mut(), Rect { y, height, ..area }, lines, style);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn big_letters_wrap_and_shrink_to_fit() {
        let text = "Tea is in the hall, back at 14:30";
        let (_, height, lines) = layout(text, Rect::new(0, 0, 200, 20)).unwrap();
        assert_eq!((height, lines.len()), (16, 2), "{lines:?}");
        let (_, height, _) = layout(text, Rect::new(0, 0, 80, 9)).unwrap();
        assert_eq!(height, 8, "two lines of quadrants");
        assert!(layout(text, Rect::new(0, 0, 80, 6)).is_none(), "plain letters");
        assert!(layout("お茶はホールで", Rect::new(0, 0, 200, 20)).is_none(), "plain letters");
    }
}
