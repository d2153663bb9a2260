//! The voice balance: airtime by person and by role, the equality index, and who is not heard yet.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::theme::Theme;
use crate::model::balance::{Balance, plural};
use crate::model::length::Ms;
use crate::model::queue::short;
use crate::model::room::Room;
use crate::model::text::{cut, pad as pad_to, width};

/// "GPs: 1 of 8 people, 31% of airtime" for every role, or all in a shorter form where one would not fit.
pub fn role_lines(balance: &Balance, room_for: usize) -> Vec<String> {
    let long: Vec<String> = balance
        .roles
        .iter()
        .map(|r| {
            let share = (r.share * 100.0).round();
            format!(
                "{}: {} of {} people, {share}% of airtime",
                plural(&r.role, r.people),
                r.people,
                balance.counted
            )
        })
        .collect();
    if long.iter().all(|l| width(l) <= room_for) {
        return long;
    }
    balance
        .roles
        .iter()
        .map(|r| {
            let share = (r.share * 100.0).round();
            cut(
                &format!(
                    "{} {}/{} · {share}%",
                    plural(&r.role, r.people),
                    r.people,
                    balance.counted
                ),
                room_for,
            )
        })
        .collect()
}

pub fn equality_words(balance: &Balance) -> String {
    if balance.total == 0 {
        "equality —".into()
    } else {
        format!("equality {:.2}", balance.equality)
    }
}

/// "▮▮▮    " for three turns, seven columns wide; "▮▮▮▮▮▮+" past six.
fn turn_ticks(turns: u32) -> String {
    let n = turns.min(6) as usize;
    let more = if turns > 6 { "+" } else { " " };
    format!("{}{more}{}", "▮".repeat(n), " ".repeat(6 - n))
}

pub fn render(frame: &mut Frame, area: Rect, room: &Room, now: Ms, theme: &Theme) {
    let balance = room.balance(now);
    let block = Block::bordered()
        .title(format!(" Voice balance · {} ", equality_words(&balance)))
        .border_style(theme.border);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let w = inner.width as usize;
    let mut lines: Vec<Line> = Vec::new();

    let shown: Vec<_> =
        balance.voices.iter().filter(|v| v.counted || room.people[v.who].here()).collect();
    let role_rows = balance.roles.len();
    let heard_rows = 2;
    // Per person bars when there is room for them as well as the roles.
    if (inner.height as usize) > shown.len() + role_rows + heard_rows {
        let most = shown.iter().map(|v| v.airtime).max().unwrap_or(0).max(1);
        let name_w = (w / 3).clamp(6, 22);
        // Turns as a bar too where there is room: a tick a turn, up to six.
        let ticks = w >= 50;
        let tail_w = if ticks { 17 } else { 10 };
        let bar_w = w.saturating_sub(name_w + tail_w + 2);
        for voice in &shown {
            let person = &room.people[voice.who];
            let filled = (voice.airtime as usize * bar_w).div_ceil(most as usize).min(bar_w);
            let filled = if voice.airtime == 0 { 0 } else { filled.max(1) };
            // Marks stay in the columns they belong to, so a line never wraps.
            let name = if person.here() || room.closed {
                cut(&person.name, name_w)
            } else {
                format!("{} (left)", cut(&person.name, name_w.saturating_sub(7)))
            };
            let pad = name_w.saturating_sub(width(&name));
            let bar = if person.facilitates() {
                // Not counted, so no bar to measure against the others.
                vec![Span::styled(pad_to("facilitator, uncounted", bar_w), theme.dim)]
            } else {
                vec![
                    Span::styled("█".repeat(filled), theme.bar),
                    Span::styled("·".repeat(bar_w - filled), theme.dim),
                ]
            };
            let mut spans = vec![Span::styled(format!("{name}{} ", " ".repeat(pad)), theme.text)];
            spans.extend(bar);
            spans.extend([
                Span::styled(format!(" {:>5} ", short(voice.airtime)), theme.text),
                Span::styled(
                    if ticks { turn_ticks(voice.turns) } else { String::new() },
                    theme.bar,
                ),
                Span::styled(format!("×{}", voice.turns), theme.text),
            ]);
            lines.push(Line::from(spans));
        }
        lines.push(Line::from(""));
    }
    for line in role_lines(&balance, w) {
        lines.push(Line::styled(line, theme.text));
    }
    let not_heard: Vec<&str> =
        balance.not_heard.iter().map(|&i| room.people[i].name.as_str()).collect();
    let heard = if balance.counted == 0 {
        "No one here yet.".to_string()
    } else if not_heard.is_empty() {
        "Everyone here has been heard.".to_string()
    } else {
        format!("Not heard yet: {}", not_heard.join(", "))
    };
    lines.push(Line::styled(heard, theme.title));
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}
