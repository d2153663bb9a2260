//! Draws the live screen frame after frame, as `benches/render.rs` does, for a
//! profiler: `cargo build --release --example profile_live`, then
//!
//!   perf record -g target/release/examples/profile_live [FRAMES] [EVENTS] [WIDTHxHEIGHT]
//!   valgrind --tool=callgrind target/release/examples/profile_live 200
//!
//! (defaults: 20,000 frames, the 10,000-event session, 200x60; with PRINT_FRAME
//! set, the last frame is printed as text). Build with
//! `CARGO_PROFILE_RELEASE_DEBUG=line-tables-only CARGO_PROFILE_RELEASE_STRIP=false`
//! for function, file and line names (the release profile strips symbols).

#[path = "../benches/common/mod.rs"]
mod common;

use std::time::Instant;

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use roundtable::app::live::Live;
use roundtable::app::{App, Mode};
use roundtable::input::keymap::Keymap;
use roundtable::model::Ms;
use roundtable::ui::theme::Theme;
use roundtable::ui::{self, Context};

fn main() {
    let mut args = std::env::args().skip(1);
    let frames: u32 = args.next().map_or(20_000, |a| a.parse().expect("FRAMES: a number"));
    let events: usize = args.next().map_or(10_000, |a| a.parse().expect("EVENTS: a number"));
    let (width, height) = args.next().map_or((200, 60), |a| {
        let (w, h) = a.split_once('x').expect("WIDTHxHEIGHT");
        (w.parse().expect("a width"), h.parse().expect("a height"))
    });
    let app = App {
        mode: Mode::Live(Box::new(Live::new(common::session(events)))),
        keymap: Keymap::defaults(),
    };
    let Mode::Live(live) = &app.mode else { unreachable!() };
    let from = live.state.at;
    let theme = Theme::default_for(false);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    let start = Instant::now();
    for i in 0..frames {
        // A second apart within one minute, as the bench and the console draw.
        let cx = Context { now: from + Ms::from(i % 60 + 1) * 1000, theme: &theme, saving: None };
        terminal.draw(|frame| ui::render(frame, &app, &cx)).unwrap();
    }
    let took = start.elapsed();
    if std::env::var_os("PRINT_FRAME").is_some() {
        // The last frame as text, to see what was drawn.
        let buffer = terminal.backend().buffer();
        for y in 0..height {
            let row: String = (0..width).map(|x| buffer[(x, y)].symbol()).collect();
            println!("{row}");
        }
    }
    eprintln!(
        "{frames} frames at {width}x{height}, {events} events: {:.1} µs a frame",
        took.as_secs_f64() * 1e6 / f64::from(frames.max(1))
    );
}
