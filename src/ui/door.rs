//! The door on screen: its QR code and address, for the room to scan or
//! type, and the tray of what phones sent, for the facilitator.

use qrcode::render::unicode::Dense1x2;
use qrcode::{EcLevel, QrCode};
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use super::text::cut;
use super::theme::Theme;
use crate::input::action::Action;
use crate::input::keymap::Keymap;
use crate::model::State;
use crate::model::door::Offered;

/// The code's rows, two modules to a character cell, dark modules drawn
/// full: black on white whatever the theme, as scanners expect.
pub fn qr_lines(address: &str) -> Vec<String> {
    match QrCode::with_error_correction_level(address.as_bytes(), EcLevel::L) {
        Ok(code) => code
            .render::<Dense1x2>()
            .dark_color(Dense1x2::Dark)
            .light_color(Dense1x2::Light)
            .quiet_zone(true)
            .build()
            .lines()
            .map(str::to_string)
            .collect(),
        Err(_) => Vec::new(),
    }
}

/// The QR code of an address, centred in its area; nothing when it does not fit whole.
pub struct Qr<'a>(pub &'a str);

impl Qr<'_> {
    /// Columns and rows the code takes.
    pub fn size(&self) -> (u16, u16) {
        let lines = qr_lines(self.0);
        let w = lines.first().map_or(0, |l| l.chars().count());
        (w as u16, lines.len() as u16)
    }
}

impl Widget for Qr<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let lines = qr_lines(self.0);
        let w = lines.first().map_or(0, |l| l.chars().count()) as u16;
        let h = lines.len() as u16;
        if w == 0 || w > area.width || h > area.height {
            return;
        }
        let x = area.x + (area.width - w) / 2;
        let y = area.y + (area.height - h) / 2;
        let ink = Style::default().fg(Color::Black).bg(Color::White);
        for (i, line) in lines.iter().enumerate() {
            buf.set_string(x, y + i as u16, line, ink);
        }
    }
}

/// "Phones: scan the code or open http://…": the address in words, for people who type it.
pub fn address_words(state: &State) -> Option<String> {
    state.door.open.as_ref().map(|a| format!("Take part from your phone: {a}"))
}

/// The door, full screen: the code and address on the left, the tray on the right.
pub fn render(
    frame: &mut Frame,
    area: Rect,
    state: &State,
    selected: Option<usize>,
    keys: &Keymap,
    theme: &Theme,
) {
    let door = &state.door;
    let title = match &door.open {
        Some(_) => format!(" The door · open · {} phones joined ", door.devices.len()),
        None => format!(" The door · closed ({} opens it) ", keys.label(Action::Door)),
    };
    let block = Block::bordered().title(title).border_style(theme.border);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let qr = door.open.as_deref().map(Qr);
    let qr_w = qr.as_ref().map_or(0, |q| q.size().0);
    let left_w = if qr_w > 0 && inner.width >= qr_w + 30 { qr_w } else { 0 };
    let [left, right] =
        Layout::horizontal([Constraint::Length(left_w), Constraint::Fill(1)]).areas(inner);
    if let Some(qr) = qr.filter(|_| left_w > 0) {
        frame.render_widget(qr, left);
    }
    let w = right.width.saturating_sub(1) as usize;
    let mut lines: Vec<Line> = Vec::new();
    match &door.open {
        Some(address) => {
            lines.push(Line::styled("Phones on this network open:", theme.text));
            lines.push(Line::styled(address.clone(), theme.title));
        }
        None => lines.push(Line::styled("The door is closed: no phone can send.", theme.text)),
    }
    let c = door.came;
    lines.push(Line::styled(
        format!(
            "Through the door: ideas {} · hands {} · votes {} · scores {} · reflections {}",
            c.ideas, c.hands, c.votes, c.scores, c.reflections
        ),
        theme.dim,
    ));
    lines.push(Line::raw(""));
    let waiting: Vec<_> = door.waiting().collect();
    if waiting.is_empty() {
        lines.push(Line::styled("The tray is empty.", theme.dim));
    } else {
        lines.push(Line::styled(
            format!(
                "The tray: {} waiting · {} accept · {} set aside",
                waiting.len(),
                keys.label(Action::Accept),
                keys.label(Action::SetAside)
            ),
            theme.text,
        ));
    }
    for (n, offer) in &waiting {
        let mark = if Some(*n) == selected { "▶" } else { " " };
        let words = match &offer.what {
            // An anonymous idea names no phone: nothing links it to one who joined by name.
            Offered::Idea { text, author, .. } => match (author, offer.device) {
                (Some(by), Some(d)) => {
                    format!("{mark} #{} idea from phone {d} ({by}): {text}", n + 1)
                }
                _ => format!("{mark} #{} idea from a phone (anonymous): {text}", n + 1),
            },
            Offered::WalkIn { name, role } => {
                let d = offer.device.unwrap_or(0);
                format!("{mark} #{} walk-in from phone {d}: {name}, {role}", n + 1)
            }
        };
        let style = if Some(*n) == selected { theme.selected } else { theme.text };
        lines.push(Line::styled(cut(&words, w.max(1) * 3), style));
    }
    Paragraph::new(lines).wrap(Wrap { trim: false }).render(right, frame.buffer_mut());
}
