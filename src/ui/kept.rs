//! Lines drawn on an earlier frame, kept with the cells they left, to be
//! copied in again: from one second to the next most of a pane's lines are
//! drawn from the same things, and copying a cell costs a fraction of
//! formatting, measuring and splitting its text again. A kept line is used
//! only while its key (everything the line is made from) is the same and the
//! cells it lands on carry the style it was first drawn over, so what lands
//! in the buffer is what drawing it would have left there.

use ratatui::buffer::{Buffer, Cell, CellDiffOption};
use ratatui::layout::{Alignment, Rect};
use ratatui::style::Style;
use ratatui::text::Line;

use super::{cells, paint};

/// No line draws it (controls are left out of every line), so a cell still
/// holding it after a line is drawn is one the line left alone: the column
/// behind a wide character.
const UNTOUCHED: &str = "\u{0}";

struct Kept<K> {
    key: K,
    /// The row's x and width, which decide where the line lands and whether it fits.
    x: u16,
    width: u16,
    /// The style every cell under the line had when it was drawn.
    ground: Style,
    /// From the row's left, as many cells as the line is wide.
    cells: Vec<Cell>,
    /// The columns of `cells` the line did not write.
    holes: Vec<usize>,
}

/// A pane's kept lines, by their place in the pane.
pub struct Lines<K> {
    kept: Vec<Option<Kept<K>>>,
}

impl<K> Lines<K> {
    pub const fn new() -> Self {
        Lines { kept: Vec::new() }
    }

    /// Draws the `n`th line of a pane into `row` (one row high, inside the
    /// buffer) as `paint::wrapped` and `paint::text` draw a left-aligned line
    /// that fits, from what was kept when `same` says the key is unchanged,
    /// else from `make`, which gives the key and the line it decides. A line
    /// that does not fit is handed back undrawn, for the caller to wrap or cut.
    pub fn draw<'a>(
        &mut self,
        buf: &mut Buffer,
        row: Rect,
        n: usize,
        same: impl FnOnce(&K) -> bool,
        make: impl FnOnce() -> (K, Line<'a>),
    ) -> Option<Line<'a>> {
        if self.kept.len() <= n {
            self.kept.resize_with(n + 1, || None);
        }
        let start = buf.index_of(row.x, row.y);
        if let Some(kept) = &self.kept[n]
            && kept.x == row.x
            && kept.width == row.width
            && same(&kept.key)
        {
            let cells = &mut buf.content[start..start + kept.cells.len()];
            if cells.iter().all(|c| plain(c, kept.ground)) {
                paste(cells, &kept.cells, &kept.holes);
                return None;
            }
        }
        let (key, line) = make();
        self.kept[n] = None;
        if !paint::fits(&line, row.width) {
            return Some(line);
        }
        let wide = usize::from(paint::width(&line));
        let ground = buf.content[start].style();
        let cells = &mut buf.content[start..start + wide];
        if !cells.iter().all(|c| plain(c, ground)) {
            paint::draw_line(buf, row, &line, Style::default(), Alignment::Left);
            return None;
        }
        let before = cells.to_vec();
        for cell in cells.iter_mut() {
            cell.set_symbol(UNTOUCHED);
        }
        paint::draw_line(buf, row, &line, Style::default(), Alignment::Left);
        let cells = &mut buf.content[start..start + wide];
        let mut holes = Vec::new();
        for (i, (cell, was)) in cells.iter_mut().zip(&before).enumerate() {
            if cell.symbol() == UNTOUCHED {
                cell.clone_from(was);
                holes.push(i);
            }
        }
        let cells = cells.to_vec();
        self.kept[n] = Some(Kept { key, x: row.x, width: row.width, ground, cells, holes });
        None
    }
}

/// A cell a line's styles patch the same way as any other over `ground`,
/// and that nothing has marked for the diff.
#[allow(deprecated)]
fn plain(cell: &Cell, ground: Style) -> bool {
    cell.style() == ground && cell.diff_option == CellDiffOption::None && !cell.skip
}

fn paste(into: &mut [Cell], from: &[Cell], holes: &[usize]) {
    for (i, (cell, kept)) in into.iter_mut().zip(from).enumerate() {
        if holes.is_empty() || !holes.contains(&i) {
            cells::copy(cell, kept);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Color;
    use ratatui::text::Span;

    fn line(n: u8) -> Line<'static> {
        Line::from(vec![
            Span::styled(format!("王芳 {n} "), Color::Red),
            Span::styled("████···", Style::new().bold()),
            Span::raw(" Sunny 🌞 ×3"),
        ])
    }

    #[test]
    fn kept_lines_land_as_drawn() {
        let mut kept = Lines::new();
        let area = Rect::new(0, 0, 30, 3);
        let grounds = [Style::new().bg(Color::Blue), Style::new().fg(Color::Green).italic()];
        // The same line again, on another ground, a changed line, a row too narrow.
        for (step, (n, ground, width)) in
            [(1, 0, 30), (1, 0, 30), (1, 1, 30), (2, 1, 30), (2, 1, 12), (2, 0, 30)]
                .into_iter()
                .enumerate()
        {
            let mut ours = Buffer::filled(area, Cell::new("x"));
            ours.set_style(area, grounds[ground]);
            // A cell of another style under the line, after the first frames.
            if step == 5 {
                ours[(3, 1)].set_style(Color::Yellow);
            }
            let mut theirs = ours.clone();
            let row = Rect::new(0, 1, width, 1);
            let back = kept.draw(&mut ours, row, 0, |k: &u8| *k == n, || (n, line(n)));
            if paint::fits(&line(n), width) {
                assert!(back.is_none());
                paint::draw_line(&mut theirs, row, &line(n), Style::default(), Alignment::Left);
            } else {
                assert!(back.is_some());
            }
            assert_eq!(ours, theirs, "step {step}");
        }
    }
}
