//! Drawing whole frames on ratatui's TestBackend, the diff against the frame
//! before included, with a large session open: 40 participants and a log of
//! 10,000 or 100,000 events. `now` moves on a second each time, as the console
//! does while a timer runs, so each frame differs from the one before.
//!
//! `cargo bench --bench render`

mod common;

use std::sync::LazyLock;

use divan::Bencher;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use roundtable::app::home::Home;
use roundtable::app::live::{Live, Overlay, Popup, View};
use roundtable::app::picker::{Picker, Purpose};
use roundtable::app::{App, Mode};
use roundtable::input::keymap::Keymap;
use roundtable::model::Ms;
use roundtable::model::queue::HandKind;
use roundtable::model::session::Session;
use roundtable::store::catalog::SessionInfo;
use roundtable::ui::theme::Theme;
use roundtable::ui::{self, Context};

fn main() {
    divan::main();
}

static SESSION_10K: LazyLock<Session> = LazyLock::new(|| common::session(10_000));
static SESSION_100K: LazyLock<Session> = LazyLock::new(|| common::session(100_000));

fn session(events: usize) -> Session {
    match events {
        10_000 => SESSION_10K.clone(),
        100_000 => SESSION_100K.clone(),
        n => common::session(n),
    }
}

fn live(events: usize) -> App {
    App { mode: Mode::Live(Box::new(Live::new(session(events)))), keymap: Keymap::defaults() }
}

fn live_with(events: usize, change: impl FnOnce(&mut Live)) -> App {
    let mut app = live(events);
    if let Mode::Live(live) = &mut app.mode {
        change(live);
    }
    app
}

/// Where the log stops: the moment the frames are drawn from.
fn last_event(app: &App) -> Ms {
    match &app.mode {
        Mode::Live(live) => live.state.at,
        Mode::Replay(replay) => replay.at,
        Mode::Home(_) | Mode::Compare(_) => 0,
    }
}

/// Draws frame after frame, a second apart within one minute, into one terminal.
fn frames(bencher: Bencher, app: &App, (width, height): (u16, u16)) {
    let theme = Theme::default_for(false);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    let from = last_event(app);
    let mut second: Ms = 0;
    bencher.bench_local(|| {
        second = (second + 1) % 60;
        let cx = Context { now: from + second * 1000, theme: &theme, saving: None };
        terminal.draw(|frame| ui::render(frame, app, &cx)).map(|_| ()).unwrap();
    });
}

/// The budget: median ≤ 150 µs for the live screen at 200×60.
#[divan::bench(args = [10_000, 100_000], sample_count = 1000)]
fn live_200x60(bencher: Bencher, events: usize) {
    frames(bencher, &live(events), (200, 60));
}

/// The live screen at other sizes, with the 100,000-event session.
#[divan::bench(args = [(80, 24), (200, 60), (400, 120)], sample_count = 1000)]
fn live_100k(bencher: Bencher, size: (u16, u16)) {
    frames(bencher, &live(100_000), size);
}

/// The other screens at 200×60, with the 100,000-event session behind them.
#[divan::bench_group(sample_count = 1000)]
mod screens_200x60 {
    use super::*;

    #[divan::bench]
    fn home(bencher: Bencher) {
        let plan = common::plan();
        let sessions = (0..12)
            .map(|i| SessionInfo {
                path: format!("sessions/recorded/2026-11-{:02}-1900-community-health.ron", i + 1)
                    .into(),
                title: plan.title.clone(),
                series: plan.series.clone(),
                started: common::started(),
                ended: false,
                rehearsal: false,
                stage: (i % 7 + 1, 7),
            })
            .collect();
        let home = Home::new(
            &plan,
            vec![("sessions/community-health.ron".into(), plan.clone())],
            sessions,
        );
        let app = App { mode: Mode::Home(home), keymap: Keymap::defaults() };
        frames(bencher, &app, (200, 60));
    }

    #[divan::bench]
    fn live_help(bencher: Bencher) {
        let app = live_with(100_000, |l| l.ui.help.show());
        frames(bencher, &app, (200, 60));
    }

    #[divan::bench]
    fn live_confirm_quit(bencher: Bencher) {
        let app = live_with(100_000, |l| l.ui.overlay = Some(Overlay::ConfirmQuit));
        frames(bencher, &app, (200, 60));
    }

    #[divan::bench]
    fn ideas_board(bencher: Bencher) {
        let app = live_with(10_000, |l| l.ui.view = View::Board);
        frames(bencher, &app, (200, 60));
    }

    #[divan::bench]
    fn actions(bencher: Bencher) {
        let app = live_with(10_000, |l| l.ui.view = View::Actions);
        frames(bencher, &app, (200, 60));
    }

    #[divan::bench]
    fn reflection(bencher: Bencher) {
        let app = live_with(10_000, |l| l.ui.view = View::Reflection);
        frames(bencher, &app, (200, 60));
    }

    #[divan::bench]
    fn projection(bencher: Bencher) {
        let app = live_with(10_000, |l| l.ui.projection = true);
        frames(bencher, &app, (200, 60));
    }

    #[divan::bench]
    fn replay(bencher: Bencher) {
        let mut replay = roundtable::app::replay::Replay::new(session(10_000));
        replay.seek(45 * 60_000);
        let app = App { mode: Mode::Replay(Box::new(replay)), keymap: Keymap::defaults() };
        frames(bencher, &app, (200, 60));
    }

    #[divan::bench]
    fn compare(bencher: Bencher) {
        let summaries = (0..8).map(|i| common::summary(2_000 + i * 500)).collect();
        let comparison = roundtable::report::compare::Comparison::of(summaries);
        let app = App {
            mode: Mode::Compare(Box::new(roundtable::app::compare::Compare::new(comparison))),
            keymap: Keymap::defaults(),
        };
        frames(bencher, &app, (200, 60));
    }

    /// The person picker open over the live screen, all 40-odd people listed.
    #[divan::bench]
    fn live_picker(bencher: Bencher) {
        let app = live_with(100_000, |l| {
            l.ui.popup = Some(Popup::Picker(Picker::new(Purpose::Hand(HandKind::Normal))))
        });
        frames(bencher, &app, (200, 60));
    }
}

/// Where a live frame's time goes at 200×60: each pane drawn alone into the
/// rectangle `ui::live` gives it, straight into the frame's buffer (no reset, no diff).
#[divan::bench_group(sample_count = 1000)]
mod panes_200x60 {
    use super::*;
    use ratatui::layout::Rect;
    use ratatui::widgets::Block;
    use roundtable::ui::{agenda, balance, countdown, floor};

    fn pane(bencher: Bencher, draw: impl Fn(&mut ratatui::Frame, &Live, Ms)) {
        let app = live(100_000);
        let Mode::Live(live) = &app.mode else { unreachable!() };
        let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
        let from = live.state.at;
        let mut second: Ms = 0;
        bencher.bench_local(|| {
            second = (second + 1) % 60;
            draw(&mut terminal.get_frame(), live, from + second * 1000);
        });
    }

    /// The whole screen painted in the theme's base style, as `ui::render` starts.
    #[divan::bench]
    fn base_fill(bencher: Bencher) {
        let theme = Theme::default_for(false);
        pane(bencher, |frame, _, _| {
            frame.render_widget(Block::new().style(theme.base), frame.area())
        });
    }

    /// The same paint written straight into the buffer's cells, one pass over
    /// `content` without `Buffer::set_style`'s per-cell indexing: what the base
    /// fill would cost done that way.
    #[divan::bench]
    fn base_fill_direct(bencher: Bencher) {
        let theme = Theme::default_for(false);
        pane(bencher, |frame, _, _| {
            for cell in &mut frame.buffer_mut().content {
                cell.set_style(theme.base);
            }
        });
    }

    #[divan::bench]
    fn agenda(bencher: Bencher) {
        let theme = Theme::default_for(false);
        pane(bencher, |frame, live, now| {
            let area = Rect::new(0, 1, 64, 12);
            agenda::render(frame, area, &live.state, live.session.started, now, &theme)
        });
    }

    #[divan::bench]
    fn balance(bencher: Bencher) {
        let theme = Theme::default_for(false);
        pane(bencher, |frame, live, now| {
            let pane = balance::BalancePane { room: &live.state.room, now, theme: &theme };
            frame.render_widget(pane, Rect::new(0, 13, 64, 45))
        });
    }

    #[divan::bench]
    fn floor(bencher: Bencher) {
        let theme = Theme::default_for(false);
        let keymap = Keymap::defaults();
        pane(bencher, |frame, live, now| {
            let area = Rect::new(64, 26, 136, 32);
            let keys = Some(&keymap);
            let room = &live.state.room;
            let floor = floor::Floor {
                room,
                selected: 0,
                now,
                keys,
                needs: floor::Needs::Marked,
                theme: &theme,
            };
            frame.render_widget(floor, area)
        });
    }

    /// The big countdown alone, in the stage panel's inner area.
    #[divan::bench]
    fn countdown(bencher: Bencher) {
        let theme = Theme::default_for(false);
        pane(bencher, |frame, live, now| {
            let face = countdown::face(live.state.remaining(now));
            let big = countdown::Big { text: &face, style: theme.timer_running };
            frame.render_widget(big, Rect::new(65, 4, 134, 20))
        });
    }
}

/// Yardsticks at 200×60: what ratatui itself costs for a frame, before roundtable draws anything.
#[divan::bench_group(sample_count = 1000)]
mod ratatui_alone_200x60 {
    use super::*;
    use ratatui::widgets::{Block, Paragraph};

    fn frames(bencher: Bencher, draw: impl Fn(&mut ratatui::Frame, Ms)) {
        let mut terminal = Terminal::new(TestBackend::new(200, 60)).unwrap();
        let mut second: Ms = 0;
        bencher.bench_local(|| {
            second = (second + 1) % 60;
            terminal.draw(|frame| draw(frame, second)).map(|_| ()).unwrap();
        });
    }

    /// An empty frame: the buffer is reset and diffed, nothing drawn.
    #[divan::bench]
    fn empty(bencher: Bencher) {
        frames(bencher, |_, _| {});
    }

    /// The whole screen painted in one style, and a word that changes each second.
    #[divan::bench]
    fn one_fill(bencher: Bencher) {
        let theme = Theme::default_for(false);
        frames(bencher, |frame, second| {
            frame.render_widget(Block::new().style(theme.base), frame.area());
            frame.render_widget(Paragraph::new(format!("{second:02}")), frame.area());
        });
    }
}
