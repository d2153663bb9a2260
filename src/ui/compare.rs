//! The comparison screen: one column per session, a row per figure, the answer on top.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Wrap};

use super::Context;
use super::hints;
use super::text::{cut, pad};
use crate::app::compare::Compare;
use crate::input::action::{Action, Screen};
use crate::input::keymap::Keymap;
use crate::model::balance::many;
use crate::report::compare::{Figure, Figures};

/// A share drawn as a bar: "██████░░░░".
/// A table cell `w` wide, cut short of its last column so that cells never run together.
fn column(text: &str, w: usize) -> String {
    pad(&cut(text, w.saturating_sub(1)), w)
}

fn bar(share: f64, width: usize) -> String {
    let filled = ((share.clamp(0.0, 1.0) * width as f64).round() as usize).min(width);
    format!("{}{}", "█".repeat(filled), "░".repeat(width - filled))
}

pub fn render(frame: &mut Frame, area: Rect, compare: &Compare, keymap: &Keymap, cx: &Context) {
    let theme = cx.theme;
    let comparison = &compare.comparison;
    let answer_h = {
        let words = format!(" Are we sharing more power than before? {}", comparison.answer);
        super::text::wrap(&words, area.width.max(1) as usize).len().min(6) as u16
    };
    let [title, answer, table, status, keys] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(answer_h),
        Constraint::Min(0),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let first = comparison.sessions.first();
    let heading = format!(
        " {} · series {} · {}",
        first.map_or("", |s| s.title.as_str()),
        first.and_then(|s| s.series.clone()).unwrap_or_default(),
        many(comparison.sessions.len(), "session")
    );
    frame.render_widget(
        Paragraph::new(cut(&heading, area.width as usize)).style(theme.title),
        title,
    );
    let question = Line::from(vec![
        Span::styled(" Are we sharing more power than before? ", theme.title),
        Span::styled(comparison.answer.clone(), theme.text),
    ]);
    frame.render_widget(Paragraph::new(question).wrap(Wrap { trim: true }), answer);

    let block = Block::bordered().border_style(theme.border);
    let inner = block.inner(table);
    frame.render_widget(block, table);
    let rows = comparison.table();
    let inner_w = inner.width as usize;
    let natural = rows.iter().map(|r| crate::model::text::width(&r.label)).max().unwrap_or(10) + 1;
    let col_w = 22usize;
    let n = comparison.sessions.len();
    // As many sessions as fit beside labels a third of the width; the labels then take what is left.
    let fit = (inner_w.saturating_sub(natural.min(inner_w / 3)) / col_w).clamp(1, n.max(1));
    let label_w = natural.min(inner_w.saturating_sub(fit * col_w));
    // Keep the chosen session in view, with as many before it as fit.
    let last = compare.column.min(n.saturating_sub(1));
    let start = (last + 1).saturating_sub(fit);
    let shown = start..(start + fit).min(n);
    let mut lines = vec![Line::styled(
        format!(
            "{}{}",
            column(if start > 0 { "← earlier" } else { "" }, label_w),
            comparison.headings()[shown.clone()]
                .iter()
                .map(|h| column(h, col_w))
                .collect::<String>()
        ),
        theme.title,
    )];
    for row in rows.iter().skip(compare.row) {
        let mut spans = vec![Span::styled(column(&row.label, label_w), theme.dim)];
        for cell in &row.cells[shown.clone()] {
            spans.push(Span::styled(column(cell, col_w), theme.text));
        }
        lines.push(Line::from(spans));
        // Equality and the lived-experience share are drawn as bars too.
        let share: Option<fn(&Figures) -> f64> = match row.figure {
            Figure::Equality => Some(|f| f.equality),
            Figure::LivedAirtime => Some(|f| f.lived_airtime),
            _ => None,
        };
        if let Some(share) = share {
            let mut bars = vec![Span::raw(" ".repeat(label_w))];
            for f in &comparison.figures[shown.clone()] {
                bars.push(Span::styled(pad(&bar(share(f), col_w - 4), col_w), theme.bar));
            }
            lines.push(Line::from(bars));
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);

    let said = if let Some(notice) = &compare.notice {
        notice.clone()
    } else if shown.end < n {
        format!("Later sessions to the right: {} shows them.", keymap.label(Action::ScrollRight))
    } else {
        String::new()
    };
    hints::status(frame, status, &said, theme);
    let items: Vec<(String, String)> = [
        (Action::Down, "rows"),
        (Action::ScrollLeft, "sessions"),
        (Action::Help, "help"),
        (Action::Back, "home"),
        (Action::Quit, "quit"),
        (Action::NextTheme, "theme"),
    ]
    .into_iter()
    .map(|(a, w)| match a {
        Action::Down => {
            (format!("{}{}", keymap.label(Action::Up), keymap.label(Action::Down)), w.to_string())
        }
        Action::ScrollLeft => (
            format!("{}{}", keymap.label(Action::ScrollLeft), keymap.label(Action::ScrollRight)),
            w.to_string(),
        ),
        _ => (keymap.label(a), w.to_string()),
    })
    .collect();
    hints::render(frame, keys, &items, theme);
    if compare.help.open {
        super::help::render(frame, table, keymap, Screen::Compare, compare.help.scroll, theme);
    }
}
