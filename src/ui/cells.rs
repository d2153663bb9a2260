//! Cells copied as whole constant cells where their symbol is one of the
//! few a frame is mostly made of (bars, big digits, blanks). `Cell::clone`
//! moves the symbol through the stack in pieces, several times slower than
//! storing a constant, over thousands of cells a frame. What lands in the
//! cell is what `clone_from` would leave.

use ratatui::buffer::Cell;

/// `target.clone_from(cell)`, for the symbols drawn most. A blank may come
/// out as `None` or `" "`, which `Cell` counts equal.
#[allow(deprecated)]
pub(super) fn copy(target: &mut Cell, cell: &Cell) {
    match cell.symbol() {
        " " => *target = Cell::EMPTY,
        "█" => *target = const { Cell::new("█") },
        "·" => *target = const { Cell::new("·") },
        "▮" => *target = const { Cell::new("▮") },
        _ => {
            target.clone_from(cell);
            return;
        }
    }
    // The constants carry no modifier, so this sets the cell's own exactly.
    target.set_style(cell.style());
    target.diff_option = cell.diff_option;
    target.skip = cell.skip;
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::buffer::CellDiffOption;
    use ratatui::style::{Color, Style};

    #[test]
    fn cells_land_as_cloned() {
        let styles = [
            Style::new(),
            Style::new().fg(Color::Red).bg(Color::Rgb(1, 2, 3)).italic(),
            Style::new().bg(Color::Reset).underlined().underline_color(Color::Blue),
        ];
        for symbol in [" ", "█", "·", "▮", "a", "王", "🌞", "─", "│"] {
            for (a, b) in styles.iter().zip(styles.iter().rev()) {
                let mut from = Cell::new("x");
                from.set_symbol(symbol).set_style(*a);
                from.set_diff_option(CellDiffOption::Skip);
                let mut theirs = Cell::new("y");
                theirs.set_style(*b);
                let mut ours = theirs.clone();
                theirs.clone_from(&from);
                copy(&mut ours, &from);
                assert_eq!(ours, theirs, "{symbol:?}");
            }
        }
    }
}
