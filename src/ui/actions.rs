//! The actions, full screen: those carried from last time, with how they went, and those agreed now.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph};

use super::marks;
use super::text::{cut, wrap};
use super::theme::Theme;
use crate::input::action::Action;
use crate::input::keymap::Keymap;
use crate::model::action::{AgreedAction, overdue};
use crate::model::idea::Ideas;

fn describe(action: &AgreedAction, today: chrono::NaiveDate) -> String {
    let mut text = format!(
        "{} {:<11} {} · {}",
        marks::action(action.status),
        action.status.label(),
        action.text,
        action.owner
    );
    if let Some(due) = &action.due {
        text.push_str(&format!(" · due {due}"));
        if overdue(action.status, Some(*due), today) {
            text.push_str(" · ⚠ OVERDUE");
        }
    }
    text
}

pub fn render(
    frame: &mut Frame,
    area: Rect,
    ideas: &Ideas,
    selected: usize,
    keys: Option<&Keymap>,
    today: chrono::NaiveDate,
    theme: &Theme,
) {
    let block = Block::bordered().title(" Actions ").border_style(theme.border);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let w = inner.width as usize;
    let mut lines: Vec<Line> = Vec::new();
    let carried: Vec<usize> =
        (0..ideas.actions.len()).filter(|&i| ideas.actions[i].carried()).collect();
    let agreed: Vec<usize> =
        (0..ideas.actions.len()).filter(|&i| !ideas.actions[i].carried()).collect();

    let section = |title: String, list: &[usize], lines: &mut Vec<Line>| {
        lines.push(Line::styled(cut(&title, w), theme.title));
        for &i in list {
            let action = &ideas.actions[i];
            let chosen = i == selected;
            let style = if chosen { theme.selected } else { theme.text };
            let pointer = if chosen { "▶ " } else { "  " };
            for (n, piece) in
                wrap(&describe(action, today), w.saturating_sub(2)).into_iter().enumerate()
            {
                let lead = if n == 0 { pointer } else { "  " };
                lines.push(Line::styled(format!("{lead}{piece}"), style));
            }
            if let Some(note) = &action.note {
                for piece in wrap(&format!("note: {note}"), w.saturating_sub(6)) {
                    lines.push(Line::styled(format!("      {piece}"), theme.reason));
                }
            }
        }
        lines.push(Line::from(""));
    };
    if let Some(from) = &ideas.carried_from {
        section(
            format!("From last time ({from}): how did they go? you said, we did"),
            &carried,
            &mut lines,
        );
    }
    if agreed.is_empty() {
        let hint = match keys {
            Some(keys) => format!(
                "No actions agreed in this session yet: on the ideas board ({}), {} turns an idea into one.",
                keys.label(Action::IdeasBoard),
                keys.label(Action::MakeAction)
            ),
            None => "No actions agreed in this session.".to_string(),
        };
        lines.push(Line::styled(cut(&hint, w), theme.dim));
    } else {
        section(format!("Agreed in this session: {}", agreed.len()), &agreed, &mut lines);
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
