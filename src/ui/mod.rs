//! Drawing: one free function per screen or pane, each a pure function of
//! what it is given. Nothing here changes state or reads the clock. Uses
//! `app`, `input`, `model` and `report`, never `store`.

pub(crate) mod actions;
pub mod agenda;
pub mod balance;
pub(crate) mod board;
mod cells;
pub mod compare;
pub mod countdown;
pub(crate) mod dialog;
pub mod door;
pub mod floor;
pub(crate) mod forms;
pub(crate) mod help;
pub(crate) mod hints;
pub mod home;
pub(crate) mod ideas;
mod kept;
pub mod live;
pub(crate) mod marks;
pub mod message;
mod paint;
pub mod picker;
pub(crate) mod projection;
pub mod reflection;
pub mod replay;
pub mod room;
pub mod stage;
pub mod text;
pub mod theme;

use ratatui::Frame;
use ratatui::layout::{Alignment, Rect};
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::room::RoomView;
use crate::app::{App, Mode};
use crate::input::keymap::Keymap;
use crate::model::Ms;
use theme::Theme;

/// Everything a frame is drawn from besides the app itself.
pub struct Context<'a> {
    pub now: Ms,
    pub theme: &'a Theme,
    /// Why the disk is refusing writes, and how many events wait in memory.
    pub saving: Option<&'a str>,
}

/// Below this, a screen says so instead of drawing itself.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 10;

/// The room's view of a workshop another console runs (`roundtable show`).
pub fn room_view(frame: &mut Frame, view: &RoomView, keymap: &Keymap, cx: &Context) {
    if let Some(area) = ground(frame, cx.theme) {
        room::render(frame, area, view, keymap, cx);
    }
}

/// Lays the theme's ground over the whole frame; the area to draw on, or
/// none when the window is too small and says so.
fn ground(frame: &mut Frame, theme: &Theme) -> Option<Rect> {
    let area = frame.area();
    // The frame's buffer is the whole screen: styling its cells directly costs
    // half what a styled widget's walk over the area does, on every frame.
    for cell in &mut frame.buffer_mut().content {
        cell.set_style(theme.base);
    }
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(frame, area, theme);
        return None;
    }
    Some(area)
}

pub fn render(frame: &mut Frame, app: &App, cx: &Context) {
    let Some(area) = ground(frame, cx.theme) else {
        return;
    };
    match &app.mode {
        Mode::Home(home) => home::render(frame, area, home, &app.keymap, cx),
        Mode::Live(live) => live::render(
            frame,
            area,
            &live::LiveView {
                state: &live.state,
                before: live.before.as_ref(),
                started: live.session.started,
                ui: &live.ui,
                keymap: &app.keymap,
                hints: true,
            },
            cx,
        ),
        Mode::Replay(replay) => replay::render(frame, area, replay, &app.keymap, cx),
        Mode::Compare(compare) => compare::render(frame, area, compare, &app.keymap, cx),
    }
}

fn too_small(frame: &mut Frame, area: Rect, theme: &Theme) {
    let long = format!("Make the window larger (at least {MIN_WIDTH}×{MIN_HEIGHT})");
    let text = if area.width as usize >= long.chars().count() {
        long
    } else {
        "Make the window larger".into()
    };
    let lines = (text.chars().count() as u16).div_ceil(area.width.max(1)).max(1);
    let y = area.y + area.height.saturating_sub(lines) / 2;
    let rect = Rect { y, height: area.height.min(lines + 2), ..area };
    frame.render_widget(
        Paragraph::new(text)
            .style(theme.text)
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true }),
        rect,
    );
}

/// A rectangle of at most `width`×`height`, centred in `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}
