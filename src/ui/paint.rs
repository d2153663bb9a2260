//! Text and borders written straight into the buffer, cell for cell as
//! ratatui's `Paragraph` and `Block::bordered` write them. Those widgets walk
//! every cell of their area to apply a style before drawing (a paragraph does
//! it twice, even for an empty style) and split every string into graphemes;
//! a live frame draws a dozen of them on every tick. Where a line is not
//! simple to place (wider than its area), the widget itself draws it, so what
//! lands in the buffer never differs.

use ratatui::buffer::{Buffer, Cell, CellWidth};
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::symbols::border;
use ratatui::text::{Line, Text};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};
use unicode_segmentation::UnicodeSegmentation;

/// What `Block::bordered().title(title).border_style(style)` draws in
/// `area`; returns the area inside the border.
pub fn bordered<'a>(
    buf: &mut Buffer,
    area: Rect,
    title: impl Into<Line<'a>>,
    style: Style,
) -> Rect {
    let inner = Block::bordered().inner(area);
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return inner;
    }
    let set = border::PLAIN;
    let (left, top) = (area.left(), area.top());
    let (right, bottom) = (area.right() - 1, area.bottom() - 1);
    // The block's order: sides, then corners over them; a one-cell-wide
    // area shows whichever is written last.
    for y in top..=bottom {
        put(buf, left, y, set.vertical_left, style);
    }
    for x in left..=right {
        put(buf, x, top, set.horizontal_top, style);
    }
    for y in top..=bottom {
        put(buf, right, y, set.vertical_right, style);
    }
    for x in left..=right {
        put(buf, x, bottom, set.horizontal_bottom, style);
    }
    put(buf, right, bottom, set.bottom_right, style);
    put(buf, right, top, set.top_right, style);
    put(buf, left, bottom, set.bottom_left, style);
    put(buf, left, top, set.top_left, style);

    let room = Rect { x: left + 1, y: top, width: area.width.saturating_sub(2), height: 1 };
    let title = title.into();
    if !room.is_empty() {
        let width = title.width().min(u16::MAX as usize) as u16;
        title.render(Rect { width: width.min(room.width), ..room }, buf);
    }
    inner
}

fn put(buf: &mut Buffer, x: u16, y: u16, symbol: &str, style: Style) {
    let i = buf.index_of(x, y);
    buf.content[i].set_symbol(symbol).set_style(style);
}

/// What `Paragraph::new(text).style(style)` draws in `area`.
pub fn text<'a>(buf: &mut Buffer, area: Rect, text: impl Into<Text<'a>>, style: Style) {
    kept_text(buf, area, &text.into(), style);
}

/// `text`, for a text kept from one frame to the next.
pub(super) fn kept_text(buf: &mut Buffer, area: Rect, text: &Text, style: Style) {
    let alignment = text.alignment.unwrap_or(Alignment::Left);
    paragraph(buf, area, text, style, alignment);
}

/// What `Paragraph::new(text).style(style).alignment(Alignment::Center)` draws in `area`.
pub fn centered<'a>(buf: &mut Buffer, area: Rect, text: impl Into<Text<'a>>, style: Style) {
    paragraph(buf, area, &text.into(), style, Alignment::Center);
}

fn paragraph(buf: &mut Buffer, area: Rect, text: &Text, style: Style, alignment: Alignment) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    fill(buf, area, style);
    for (line, y) in text.iter().zip(area.top()..area.bottom()) {
        let row = Rect { y, height: 1, ..area };
        let alignment = line.alignment.unwrap_or(alignment);
        if alignment == Alignment::Left || fits(line, area.width) {
            draw_line(buf, row, line, text.style, alignment);
        } else {
            // Cut on both sides: the widget's own arithmetic.
            let one = Text { lines: vec![line.clone()], style: text.style, alignment: None };
            Paragraph::new(one).alignment(alignment).render(row, buf);
        }
    }
}

/// What `Paragraph::new(text).style(style).wrap(Wrap { trim: false })` draws
/// in `area`: lines that fit take a row each, as the word wrapper leaves them.
pub fn wrapped<'a>(buf: &mut Buffer, area: Rect, text: impl Into<Text<'a>>, style: Style) {
    let text = text.into();
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    fill(buf, area, style);
    let alignment = text.alignment.unwrap_or(Alignment::Left);
    for (i, y) in (area.top()..area.bottom()).enumerate() {
        let Some(line) = text.lines.get(i) else { return };
        if !fits(line, area.width) {
            // Each line wraps on its own, so the rest can start on this row.
            let rest = Text { lines: text.lines[i..].to_vec(), ..text };
            let rest_area = Rect { y, height: area.bottom() - y, ..area };
            Paragraph::new(rest).wrap(Wrap { trim: false }).render(rest_area, buf);
            return;
        }
        let row = Rect { y, height: 1, ..area };
        draw_line(buf, row, line, text.style, line.alignment.unwrap_or(alignment));
    }
}

/// The style on every cell of `area`, as a widget's first walk applies it.
fn fill(buf: &mut Buffer, area: Rect, style: Style) {
    if style == Style::default() {
        return;
    }
    for y in area.top()..area.bottom() {
        let start = buf.index_of(area.x, y);
        for cell in &mut buf.content[start..start + area.width as usize] {
            cell.set_style(style);
        }
    }
}

/// Whether the whole of `line` fits in `width` columns.
pub(super) fn fits(line: &Line, width: u16) -> bool {
    let mut used = 0usize;
    for span in &line.spans {
        used += span_width(&span.content);
        if used > usize::from(width) {
            return false;
        }
    }
    true
}

pub(super) fn width(line: &Line) -> u16 {
    let total: usize = line.spans.iter().map(|s| span_width(&s.content)).sum();
    total.min(usize::from(u16::MAX)) as u16
}

fn span_width(text: &str) -> usize {
    match Kind::of(text) {
        Kind::Ascii => text.len(),
        Kind::Run { width, count, .. } => usize::from(width) * count,
        Kind::Mixed => pieces(text)
            .map(|piece| match piece {
                Piece::Plain(plain) => plain.len(),
                Piece::One(_, w) => usize::from(w),
            })
            .sum(),
    }
}

/// One line in its row, cut at the right edge as the paragraph's line
/// truncator cuts it. Any alignment but the left needs the line to fit.
pub(super) fn draw_line(
    buf: &mut Buffer,
    row: Rect,
    line: &Line,
    base: Style,
    alignment: Alignment,
) {
    let max = usize::from(row.width);
    let x = usize::from(match alignment {
        Alignment::Left => 0,
        Alignment::Center => (row.width / 2).saturating_sub(width(line) / 2),
        Alignment::Right => row.width.saturating_sub(width(line)),
    });
    let start = buf.index_of(row.x, row.y);
    let mut pen = Pen { cells: &mut buf.content[start..start + max], x, used: 0 };
    let base = base.patch(line.style);
    for span in &line.spans {
        let style = base.patch(span.style);
        let text: &str = &span.content;
        let whole = match Kind::of(text) {
            Kind::Ascii => pen.ascii(text, style),
            Kind::Run { symbol, width, count } => pen.run(symbol, width, count, style),
            Kind::Mixed => pen.mixed(text, style),
        };
        if !whole {
            return;
        }
    }
}

/// How a span's text splits into graphemes, the cheapest cases first.
enum Kind<'a> {
    /// Printable ASCII: a grapheme and a cell a byte.
    Ascii,
    /// One character that stands alone, over and over: a bar or a rule.
    Run { symbol: &'a str, width: u16, count: usize },
    /// Anything else, split as the paragraph splits it.
    Mixed,
}

impl<'a> Kind<'a> {
    fn of(text: &'a str) -> Self {
        if text.bytes().all(|b| (b' '..=b'~').contains(&b)) {
            return Kind::Ascii;
        }
        let mut chars = text.chars();
        match chars.next() {
            Some(c) if lone(c) && chars.all(|d| d == c) => {
                let symbol = &text[..c.len_utf8()];
                let count = text.len() / symbol.len();
                Kind::Run { symbol, width: symbol.cell_width(), count }
            }
            _ => Kind::Mixed,
        }
    }
}

/// Where the next grapheme of a line goes, and the columns its line has used.
/// Each way of drawing returns false once the row is full.
struct Pen<'b> {
    cells: &'b mut [Cell],
    x: usize,
    used: usize,
}

impl Pen<'_> {
    fn ascii(&mut self, text: &str, style: Style) -> bool {
        let room = (self.cells.len() - self.used).min(text.len());
        let bytes = text.as_bytes();
        for (i, cell) in self.cells[self.x..self.x + room].iter_mut().enumerate() {
            // A blank already reads as a space (`Cell` counts the two equal):
            // most blanks of a frame are skipped, not rebuilt.
            if bytes[i] != b' ' || cell.symbol().as_bytes() != b" " {
                cell.set_symbol(&text[i..=i]);
            }
            cell.set_style(style);
        }
        self.x += room;
        self.used += room;
        room == text.len()
    }

    fn run(&mut self, symbol: &str, width: u16, count: usize, style: Style) -> bool {
        let (w, max) = (usize::from(width), self.cells.len());
        if w == 0 || w > max {
            // Nothing to draw, or each too wide for the row and left out.
            return true;
        }
        let room = ((max - self.used) / w).min(count);
        for _ in 0..room {
            self.cells[self.x].set_symbol(symbol).set_style(style);
            self.x += w;
        }
        self.used += room * w;
        room == count
    }

    fn mixed(&mut self, text: &str, style: Style) -> bool {
        pieces(text).all(|piece| match piece {
            Piece::Plain(plain) => self.ascii(plain, style),
            Piece::One(g, w) => self.one(g, w, style),
        })
    }

    fn one(&mut self, g: &str, width: u16, style: Style) -> bool {
        let (w, max) = (usize::from(width), self.cells.len());
        if w > max {
            // Wider than the whole row: the truncator leaves it out.
            return true;
        }
        if self.used + w > max {
            return false;
        }
        self.used += w;
        if w > 0 {
            self.cells[self.x].set_symbol(g).set_style(style);
            self.x += w;
        }
        true
    }
}

/// A span's text as the paragraph splits it into graphemes (controls left
/// out, as `Span::styled_graphemes` leaves them): runs of printable ASCII,
/// a grapheme and a cell a byte, and single graphemes with their widths.
enum Piece<'a> {
    Plain(&'a str),
    One(&'a str, u16),
}

/// A character that stands alone, followed by another that does, is a
/// grapheme by itself; the segmenter is asked only about the rest, one
/// grapheme at a time from a boundary, where its answer is the one it gives
/// for the whole text.
fn pieces(text: &str) -> impl Iterator<Item = Piece<'_>> {
    let mut rest = text;
    std::iter::from_fn(move || {
        loop {
            let plain = rest.bytes().take_while(|b| (b' '..=b'~').contains(b)).count();
            let mut after = rest[plain..].chars();
            // The last of the ASCII may join what follows it.
            let joins = after.next().is_some_and(|c| !lone(c));
            let plain = if joins { plain.saturating_sub(1) } else { plain };
            if plain > 0 {
                let (piece, tail) = rest.split_at(plain);
                rest = tail;
                return Some(Piece::Plain(piece));
            }
            let mut chars = rest.chars();
            let c = chars.next()?;
            let g = if lone(c) && chars.next().is_none_or(lone) {
                &rest[..c.len_utf8()]
            } else {
                rest.graphemes(true).next()?
            };
            rest = &rest[g.len()..];
            if !g.contains(char::is_control) {
                return Some(Piece::One(g, g.cell_width()));
            }
        }
    })
}

/// Characters that are a grapheme on their own whatever stands beside them
/// (none is a control, extends, joins, prepends or pairs), in the ranges a
/// screen here draws: Latin letters, punctuation, arrows, box drawing,
/// blocks and shapes, kana and CJK ideographs.
fn lone(c: char) -> bool {
    if c.is_ascii() {
        return (' '..='~').contains(&c);
    }
    matches!(c,
        '\u{A0}'..='\u{AC}'
        | '\u{AE}'..='\u{2FF}'
        | '\u{2010}'..='\u{2027}'
        | '\u{2030}'..='\u{205E}'
        | '\u{2190}'..='\u{23FF}'
        | '\u{2500}'..='\u{25FF}'
        | '\u{3001}'..='\u{3029}'
        | '\u{3041}'..='\u{3096}'
        | '\u{309B}'..='\u{30FF}'
        | '\u{4E00}'..='\u{9FFF}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::{Color, Modifier};
    use ratatui::text::Span;

    #[test]
    fn lone_characters_stand_alone() {
        // Probes that join with a character that extends, joins, prepends or
        // pairs (Hangul jamo, regional indicators); a combining accent joins
        // with anything but a control.
        for c in (0..=0xFFFF).filter_map(char::from_u32).filter(|&c| lone(c)) {
            let apart = [format!("a{c}"), format!("{c}a"), format!("{c}{c}")];
            let jamo = [format!("{c}\u{1161}"), format!("{c}\u{11A8}")];
            for pair in apart.iter().chain(&jamo) {
                assert_eq!(pair.graphemes(true).count(), 2, "{c:?} in {pair:?}");
            }
            assert_eq!(format!("{c}\u{301}").graphemes(true).count(), 1, "{c:?}");
        }
    }

    fn lines() -> Vec<Line<'static>> {
        vec![
            Line::from(vec![
                Span::styled("Zoë 王芳 診療所の前に。", Style::new().fg(Color::Red)),
                Span::styled("████····", Style::new().bold()),
                Span::raw(" Sunny 🌞 e\u{301} \t tab ▶\u{FE0F}ｶﾞ ✓\u{301}"),
            ]),
            Line::styled("a line far too long to fit in the narrow area at all", Color::Blue),
            Line::from("centred").centered(),
            Line::from("right").right_aligned(),
            Line::from(""),
            Line::from("アイデア アイデア アイデア").centered(),
            Line::from(vec![Span::raw("x"), Span::raw("\u{FF9E}y")]),
            Line::from(vec![
                Span::styled("█████", Color::Green),
                Span::raw("·····"),
                Span::raw("⌚⌚⌚"),
                Span::raw("▮▮▮+   "),
                Span::raw("ab"),
            ]),
            Line::from(vec![Span::raw("⌚⌚⌚⌚⌚⌚⌚⌚⌚⌚⌚"), Span::raw("··")]).centered(),
        ]
    }

    fn same(width: u16, draw: impl Fn(&mut Buffer, Rect), widget: impl Fn(&mut Buffer, Rect)) {
        let area = Rect::new(0, 0, width + 2, 12);
        let inner = Rect::new(1, 1, width, 10);
        // On blank cells and on drawn ones.
        for under in [Cell::EMPTY, Cell::new("x")] {
            let mut ours = Buffer::filled(area, under);
            let mut theirs = ours.clone();
            draw(&mut ours, inner);
            widget(&mut theirs, inner);
            assert_eq!(ours, theirs, "at width {width}");
        }
    }

    #[test]
    fn paragraphs_draw_as_the_widget_does() {
        let style = Style::new().bg(Color::Green).add_modifier(Modifier::ITALIC);
        for width in 0..40 {
            for alignment in [Alignment::Left, Alignment::Center, Alignment::Right] {
                same(
                    width,
                    |buf, area| {
                        let text = Text::from(lines()).style(Color::Cyan);
                        paragraph(buf, area, &text, style, alignment)
                    },
                    |buf, area| {
                        let text = Text::from(lines()).style(Color::Cyan);
                        Paragraph::new(text).style(style).alignment(alignment).render(area, buf)
                    },
                );
            }
            same(
                width,
                |buf, area| wrapped(buf, area, Text::from(lines()).centered(), style),
                |buf, area| {
                    let text = Text::from(lines()).centered();
                    Paragraph::new(text).style(style).wrap(Wrap { trim: false }).render(area, buf)
                },
            );
        }
    }

    #[test]
    fn borders_draw_as_the_block_does() {
        for (w, h) in [(0, 0), (1, 1), (1, 5), (5, 1), (2, 2), (8, 4), (30, 6)] {
            for title in ["", " Agenda ", " 王芳 · Zoë ", " a title longer than the area "] {
                let area = Rect::new(1, 1, w, h);
                let mut ours =
                    Buffer::filled(Rect::new(0, 0, 34, 9), ratatui::buffer::Cell::new("x"));
                let mut theirs = ours.clone();
                let style = Style::new().fg(Color::Yellow);
                let inner = bordered(&mut ours, area, title, style);
                let block = Block::bordered().title(title).border_style(style);
                assert_eq!(inner, block.inner(area));
                block.render(area, &mut theirs);
                assert_eq!(ours, theirs, "{w}x{h} {title:?}");
            }
        }
    }
}
