//! A bare ratatui program: take over the terminal, draw one frame, give it back.
//! The yardstick for roundtable's start-up (see BENCHMARKS.md and
//! `scripts/startup.py`): `cargo build --release --example bare_frame`.

use ratatui::widgets::{Block, Paragraph};

fn main() -> std::io::Result<()> {
    let mut terminal = ratatui::init();
    let drawn = terminal.draw(|frame| {
        frame.render_widget(
            Paragraph::new("one frame").block(Block::bordered().title(" bare ratatui ")),
            frame.area(),
        )
    });
    ratatui::restore();
    drawn.map(|_| ())
}
