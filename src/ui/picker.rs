//! The person picker popup.

use super::forms::{key, up_down};
use super::marks;
use crate::input::action::Action;
use crate::input::keymap::Keymap;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, HighlightSpacing, List, ListItem, ListState, Paragraph};

use super::centered;
use super::text::cut;
use super::theme::Theme;
use crate::app::picker::{Choice, Picker, Purpose};
use crate::model::room::Room;

pub fn render(
    frame: &mut Frame,
    area: Rect,
    picker: &Picker,
    room: &Room,
    show_needs: bool,
    keymap: &Keymap,
    theme: &Theme,
) {
    let title = match picker.purpose {
        Purpose::Hand(kind) => {
            let tab = key(keymap, Action::NextField);
            format!(" Raise a hand: {} {} ({tab} changes) ", marks::hand(kind), kind.label())
        }
        Purpose::Presence => " Arrived or left? ".to_string(),
    };
    let choices = picker.choices(room);
    let height = (choices.len() as u16 + 4).min(area.height).max(5);
    let rect = centered(area, 64.min(area.width), height);
    frame.render_widget(Clear, rect);
    let block = Block::bordered().title(title).style(theme.dialog).border_style(theme.border);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let w = inner.width as usize;

    if let Some((name, role)) = &picker.role {
        let lines = vec![
            // The question first: a long name is cut, never the question.
            Line::styled(
                cut(&format!("Their role? {name} is not in the list yet."), w),
                theme.dialog,
            ),
            Line::styled(format!("> {}", role.value()), theme.title),
            Line::styled(
                cut(
                    &format!(
                        "{} adds them · {} goes back",
                        key(keymap, Action::Submit),
                        key(keymap, Action::Dismiss)
                    ),
                    w,
                ),
                theme.dim,
            ),
        ];
        frame.render_widget(Paragraph::new(lines), inner);
        let x = inner.x + 2 + role.visual_cursor() as u16;
        frame.set_cursor_position((x.min(inner.right().saturating_sub(1)), inner.y + 1));
        return;
    }

    let [filter, list_area, hint_area] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(0), Constraint::Length(1)])
            .areas(inner);
    let filter_line = Line::styled(format!("> {}", picker.filter.value()), theme.title);
    frame.render_widget(Paragraph::new(filter_line), filter);
    let items = choices.iter().map(|choice| {
        let text = match choice {
            Choice::Person(p) => {
                let person = &room.people[*p];
                let mut text = format!("{} · {}", person.name, person.role);
                if !person.here() {
                    text.push_str(" · not here");
                }
                if let Some(needs) =
                    super::floor::needs_shown(person, super::floor::Needs::of(show_needs))
                {
                    text.push_str(&format!(" · {needs}"));
                }
                text
            }
            Choice::WalkIn(name) => format!("+ add \"{name}\" as a walk-in"),
        };
        ListItem::new(cut(&text, w.saturating_sub(2)))
    });
    if choices.is_empty() {
        frame.render_widget(Paragraph::new(Line::styled("No one matches.", theme.dim)), list_area);
    } else {
        let list = List::new(items)
            .style(theme.dialog)
            .highlight_style(theme.selected)
            .highlight_symbol("▶ ")
            .highlight_spacing(HighlightSpacing::Always);
        let mut at = ListState::default().with_selected(Some(picker.selected));
        frame.render_stateful_widget(list, list_area, &mut at);
    }
    let hint = format!(
        "Type to filter · {} · {} picks · {} cancels",
        up_down(keymap),
        key(keymap, Action::Submit),
        key(keymap, Action::Dismiss)
    );
    frame.render_widget(Paragraph::new(Line::styled(cut(&hint, w), theme.dim)), hint_area);
    let x = inner.x + 2 + picker.filter.visual_cursor() as u16;
    frame.set_cursor_position((x.min(inner.right().saturating_sub(1)), inner.y));
}
