//! The current stage's big countdown, as large as its area allows.

use std::cell::RefCell;
use std::collections::HashMap;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::Line;
use ratatui::widgets::Widget;
use ratatui::widgets::{Block, Paragraph};
use tui_big_text::{BigText, PixelSize};

use super::cells;
use super::marks;
use super::text::cut;
use super::theme::Theme;
use crate::model::State;
use crate::model::agenda::Phase;
use crate::model::length::{Ms, clock};

/// The style that carries a phase's colour; its word and symbol are in `marks::phase`.
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
    frame.render_widget(Compact { state, now, theme }, clock);
    rest
}

/// The stage's time in digits the room can read, boxed, and its state in a
/// word: the clock kept beside a screen that is not the live one.
pub struct Compact<'a> {
    pub state: &'a State,
    pub now: Ms,
    pub theme: &'a Theme,
}

impl Widget for Compact<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let block = Block::bordered().title(" Time ").border_style(self.theme.border);
        let inner = block.inner(area);
        block.render(area, buf);
        let phase = self.state.phase(self.now);
        let style = style(phase, self.theme);
        let face = face(self.state.remaining(self.now));
        let [digits, word] =
            Layout::vertical([Constraint::Length(inner.height.min(5)), Constraint::Length(1)])
                .areas(inner);
        Big { text: &face, style }.render(digits, buf);
        Paragraph::new(cut(marks::phase(phase), word.width as usize))
            .style(style)
            .alignment(Alignment::Center)
            .render(word, buf);
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

/// `text` in big digits centred in its area, or in plain text when there is no room.
/// Past the font's own size, every cell is repeated, so a projector's wall gets a wall-sized clock.
pub struct Big<'a> {
    pub text: &'a str,
    pub style: Style,
}

impl Widget for Big<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Big { text, style } = self;
        let Some((size, scale, height)) = pixel_size(text, area) else {
            let rect = Rect { y: area.y + area.height / 2, height: area.height.min(1), ..area };
            Paragraph::new(text).style(style).alignment(Alignment::Center).render(rect, buf);
            return;
        };
        let y = area.y + (area.height - height) / 2;
        if scale == 1 {
            let mut builder = BigText::builder();
            builder.pixel_size(size).style(style).lines(vec![Line::from(text.to_string())]);
            builder.centered().build().render(Rect { y, height, ..area }, buf);
            return;
        }
        let small = full_size(text, style);
        let x0 = area.x + (area.width - small.area.width * scale) / 2;
        stretch(buf, &small, (x0, y), scale);
    }
}

thread_local! {
    /// Each character's glyph at full size, drawn once by the widget: the
    /// face changes every second, the digits it is made of do not.
    static GLYPHS: RefCell<HashMap<char, Buffer>> = RefCell::new(HashMap::new());
}

/// `text` as the widget draws it at full size from the left of a buffer of
/// its own: eight columns a grapheme, each glyph over cells in `style`.
fn full_size(text: &str, style: Style) -> Buffer {
    let glyph_w = text.chars().count() as u16 * 8;
    let mut small = Buffer::empty(Rect::new(0, 0, glyph_w, 8));
    let line = Line::from(text);
    GLYPHS.with_borrow_mut(|glyphs| {
        for (g, x) in line.styled_graphemes(Style::default()).zip((0..glyph_w).step_by(8)) {
            let Some(c) = g.symbol.chars().next() else { continue };
            let glyph = glyphs.entry(c).or_insert_with(|| drawn(c));
            for (from, y) in glyph.content.chunks(8).zip(0..) {
                let start = small.index_of(x, y);
                for (cell, pixel) in small.content[start..start + 8].iter_mut().zip(from) {
                    cell.clone_from(pixel);
                    cell.set_style(style);
                }
            }
        }
    });
    small
}

/// One character as the widget draws it at full size, with no style.
fn drawn(c: char) -> Buffer {
    let mut glyph = Buffer::empty(Rect::new(0, 0, 8, 8));
    let mut builder = BigText::builder();
    builder.pixel_size(PixelSize::Full).lines(vec![Line::from(c.to_string())]);
    builder.build().render(glyph.area, &mut glyph);
    glyph
}

/// Every cell of `small` as a `scale`×`scale` square from `(x0, y0)` on, each row
/// of the frame written in one pass. The glyphs carry no ground of their
/// own: where they say `Reset`, the theme's ground stays, never the terminal's.
fn stretch(buf: &mut Buffer, small: &Buffer, (x0, y0): (u16, u16), scale: u16) {
    let area = buf.area;
    let width = usize::from(small.area.width);
    for sy in 0..small.area.height {
        let from = small.index_of(0, sy);
        let source = &small.content[from..from + width];
        for dy in 0..scale {
            let y = y0 + sy * scale + dy;
            if y < area.top() || y >= area.bottom() {
                continue;
            }
            let row = buf.index_of(area.x, y);
            let row = &mut buf.content[row..row + usize::from(area.width)];
            for (sx, cell) in (0..).zip(source) {
                for dx in 0..scale {
                    let x = x0 + sx * scale + dx;
                    if x < area.left() || x >= area.right() {
                        continue;
                    }
                    let target = &mut row[usize::from(x - area.x)];
                    let ground = target.bg;
                    cells::copy(target, cell);
                    if target.bg == Color::Reset {
                        target.bg = ground;
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
