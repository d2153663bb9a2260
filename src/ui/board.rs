//! The ideas board, full screen: every idea with its votes, who said it and
//! where it stands; long and wide text wraps by display width.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph};

use super::ideas::{author, blind_line, marks, votes};
use super::text::{cut, pad, wrap};
use super::theme::Theme;
use crate::input::keymap::Keymap;
use crate::model::State;
use crate::model::idea::Idea;
use crate::model::text::width;

pub fn render(
    frame: &mut Frame,
    area: Rect,
    state: &State,
    selected: Option<usize>,
    merging: Option<usize>,
    keys: Option<&Keymap>,
    theme: &Theme,
) {
    let ideas = &state.ideas;
    let standing: Vec<(usize, &Idea)> = ideas.standing().collect();
    let parked = standing.iter().filter(|(_, i)| i.parked).count();
    let mut title = format!(
        " Ideas board · {} idea{}",
        standing.len(),
        if standing.len() == 1 { "" } else { "s" }
    );
    if parked > 0 {
        title.push_str(&format!(" · {parked} parked"));
    }
    title.push(' ');
    let block = Block::bordered().title(title).border_style(theme.border);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let w = inner.width as usize;

    // Columns: number and votes, the words, then who and when where there is room.
    let wide = w >= 90;
    let who_w = if wide { 18 } else { 0 };
    let stage_w = if wide { 16 } else { 0 };
    let lead_w = 10;
    let text_w = w.saturating_sub(lead_w + who_w + stage_w).max(10);

    let mut lines: Vec<Line> = Vec::new();
    if let Some(line) = blind_line(ideas, keys) {
        lines.push(Line::styled(cut(&line, w), theme.hidden));
    }
    if wide {
        lines.push(Line::styled(
            format!(
                "{:lead_w$}{:text_w$}{:who_w$}{:stage_w$}",
                "  #   ▲", "Idea", "Said by", "Stage"
            ),
            theme.dim,
        ));
    }
    // Open ideas first, parked ones after them, each in the order they came.
    let mut order: Vec<&(usize, &Idea)> =
        standing.iter().filter(|(_, i)| !i.parked && !i.hidden).collect();
    order.extend(standing.iter().filter(|(_, i)| i.parked && !i.hidden));
    let row = |i: usize, idea: &Idea| -> Vec<Line> {
        let chosen = selected == Some(i);
        let style = super::ideas::style(idea, chosen, theme);
        let pointer = if merging == Some(i) {
            "⇢"
        } else if chosen {
            "▶"
        } else {
            " "
        };
        let mut words = idea.text.clone();
        if !wide {
            words.push_str(&format!(" — {}", author(idea, &state.room)));
        }
        words.push_str(&marks(idea, ideas));
        let wrapped = wrap(&words, text_w);
        let mut row = Vec::new();
        for (n, piece) in wrapped.iter().enumerate() {
            let lead = if n == 0 {
                format!("{pointer}{:>3} {:<4} ", i + 1, votes(idea, ideas))
            } else {
                " ".repeat(lead_w)
            };
            let fill = text_w.saturating_sub(width(piece));
            let mut spans = vec![
                Span::styled(lead, style),
                Span::styled(format!("{piece}{}", " ".repeat(fill)), style),
            ];
            if wide && n == 0 {
                let stage = &state.plan.stages[idea.stage].title;
                spans.push(Span::styled(
                    format!("{} ", pad(&author(idea, &state.room), who_w - 1)),
                    style,
                ));
                spans.push(Span::styled(pad(stage, stage_w), style));
            }
            row.push(Line::from(spans));
        }
        row
    };
    if order.is_empty() && !ideas.blind {
        lines.push(Line::styled("No ideas yet.", theme.dim));
    }
    // Scroll so the selected idea is in view: from it, take as many earlier
    // ideas as fit above it. Only the ideas on screen are laid out, so a board
    // of thousands costs what a board of one screenful does.
    let room_for = (inner.height as usize).saturating_sub(lines.len());
    let at = selected.and_then(|s| order.iter().position(|(i, _)| *i == s)).unwrap_or(0);
    let mut first = at;
    if let Some((i, idea)) = order.get(at) {
        let mut used = row(*i, idea).len();
        while first > 0 {
            let (i, idea) = order[first - 1];
            let above = row(*i, idea).len();
            if used + above > room_for {
                break;
            }
            used += above;
            first -= 1;
        }
    }
    let height = inner.height as usize;
    for (i, idea) in order.iter().skip(first) {
        if lines.len() >= height {
            break;
        }
        lines.extend(row(*i, idea));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
