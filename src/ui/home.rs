//! The home screen.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, HighlightSpacing, List, ListItem, ListState, Paragraph};

use super::text::cut;
use super::{Context, centered, help, hints};
use crate::app::home::{Entry, Home};
use crate::input::action::{Action, Screen};
use crate::input::keymap::Keymap;

pub fn entry_text(entry: &Entry) -> String {
    match entry {
        Entry::BuiltIn { title, stages, minutes, people } => format!(
            "Start the built-in workshop: {title} ({stages} stages, {minutes} min, {people} people)"
        ),
        Entry::Plan { path, title } => format!("Run plan: {title} ({})", path.display()),
        Entry::OpenFile => "Open a plan file…".into(),
        Entry::Resume(info) => format!(
            "Resume: {} · started {} · stage {} of {}",
            info.title,
            info.started.format("%a %-d %b %H:%M"),
            info.stage.0,
            info.stage.1
        ),
        Entry::Replay(info) => format!(
            "Replay: {} · {}{}",
            info.title,
            info.started.format("%a %-d %b %H:%M"),
            if info.ended { "" } else { " · unfinished" }
        ),
        Entry::Compare(series, n, 0) => format!("Compare: the {n} sessions of the series {series}"),
        Entry::Compare(series, n, more) => format!(
            "Compare: the {n} finished sessions of the series {series} ({more} more: rehearsals, unfinished; a takes them in)"
        ),
        Entry::CompareMarked(n) => format!("Compare the {n} marked sessions"),
    }
}

pub fn render(frame: &mut Frame, area: Rect, home: &Home, keymap: &Keymap, cx: &Context) {
    let theme = cx.theme;
    let [title, body, status, keys] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Min(0),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    frame.render_widget(
        Paragraph::new(vec![
            Line::styled(" roundtable", theme.title),
            Line::styled(
                cut(
                    " Co-production workshops: timed stages, equal turns, ideas, reflections",
                    area.width as usize,
                ),
                theme.dim,
            ),
        ]),
        title,
    );

    let block = Block::bordered().title(" Start ").border_style(theme.border);
    let inner = block.inner(body);
    frame.render_widget(block, body);
    // Marked in words and a symbol, not colour alone.
    let items = home.entries.iter().map(|entry| {
        let marked = if home.is_marked(entry) { "✓ marked · " } else { "" };
        let text = format!("{marked}{}", entry_text(entry));
        ListItem::new(cut(&text, (inner.width as usize).saturating_sub(2)))
    });
    let list = List::new(items)
        .style(theme.text)
        .highlight_style(theme.selected)
        .highlight_symbol("▶ ")
        .highlight_spacing(HighlightSpacing::Always);
    let mut at = ListState::default().with_selected(Some(home.selected));
    frame.render_stateful_widget(list, inner, &mut at);

    let said = home
        .notice
        .clone()
        .unwrap_or_else(|| home.entries.get(home.selected).map(entry_text).unwrap_or_default());
    hints::status(frame, status, &said, theme);
    if home.typing.is_none() {
        let cursor_row = inner.y + home.selected.saturating_sub(at.offset()) as u16;
        frame.set_cursor_position((inner.x, cursor_row.min(inner.bottom().saturating_sub(1))));
    }
    let items: Vec<(String, String)> = if home.typing.is_some() {
        vec![
            (keymap.label(Action::Submit), "open".into()),
            (keymap.label(Action::Dismiss), "cancel".into()),
        ]
    } else {
        let on_a_session = matches!(home.entries.get(home.selected), Some(Entry::Replay(_)));
        let on_a_finished =
            matches!(home.entries.get(home.selected), Some(Entry::Replay(info)) if info.ended);
        let on_a_recorded =
            matches!(home.entries.get(home.selected), Some(Entry::Replay(_) | Entry::Resume(_)));
        let on_a_series = matches!(home.entries.get(home.selected), Some(Entry::Compare(_, _, more)) if *more > 0);
        let mark = if home.entries.get(home.selected).is_some_and(|e| home.is_marked(e)) {
            "unmark"
        } else {
            "mark to compare"
        };
        [
            Some((Action::Select, "open")),
            on_a_finished.then_some((Action::NextCycle, "next cycle")),
            on_a_series.then_some((Action::CompareAll, "with rehearsals")),
            on_a_session.then_some((Action::MarkForCompare, mark)),
            on_a_recorded.then_some((Action::WriteReport, "write report")),
            Some((Action::Down, "down")),
            Some((Action::Up, "up")),
            Some((Action::Help, "help")),
            Some((Action::Quit, "quit")),
        ]
        .into_iter()
        .flatten()
        .map(|(a, w)| (keymap.label(a), w.to_string()))
        .collect()
    };
    hints::render(frame, keys, &items, theme);

    if let Some(input) = &home.typing {
        let rect = centered(body, 70.min(body.width), 3);
        frame.render_widget(Clear, rect);
        let block = Block::bordered()
            .title(format!(
                " Plan file ({} opens, {} cancels) ",
                keymap.label(Action::Submit),
                keymap.label(Action::Dismiss)
            ))
            .style(theme.dialog)
            .border_style(theme.border);
        let inner = block.inner(rect);
        let scroll = input.visual_scroll(inner.width as usize);
        frame.render_widget(
            Paragraph::new(input.value()).scroll((0, scroll as u16)).block(block),
            rect,
        );
        let x = inner.x + (input.visual_cursor().saturating_sub(scroll)) as u16;
        frame.set_cursor_position((x.min(inner.right().saturating_sub(1)), inner.y));
    }
    if home.help.open {
        help::render(frame, body, keymap, Screen::Home, home.help.scroll, theme);
    }
}
