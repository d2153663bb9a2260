//! The forms that take typed text: capturing an idea, agreeing an action, rewording, a note.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Block, Clear, Paragraph};
use tui_input::Input;

use super::centered;
use super::text::cut;
use super::theme::Theme;
use crate::app::agree::{self, Agree};
use crate::app::answer::AnswerForm;
use crate::app::capture::{self, Capture};
use crate::input::action::Action;
use crate::input::keymap::Keymap;
use crate::model::component::Component;
use crate::model::idea::LONGEST_IDEA;
use crate::model::reflection::{Answer, Rung};
use crate::model::room::Room;
use crate::model::text::width;

/// A popup box of the given size, cleared, with its inner area.
fn boxed(frame: &mut Frame, area: Rect, title: &str, w: u16, h: u16, theme: &Theme) -> Rect {
    let rect = centered(area, w.min(area.width), h.min(area.height));
    frame.render_widget(Clear, rect);
    let block = Block::bordered()
        .title(format!(" {title} "))
        .style(theme.dialog)
        .border_style(theme.border);
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    inner
}

/// One text field on one line, scrolled to keep the cursor in view; `mask` hides what is typed.
fn field(
    label: &str,
    input: &Input,
    focused: bool,
    mask: bool,
    w: usize,
    theme: &Theme,
) -> (Line<'static>, usize) {
    let shown: String =
        if mask { "•".repeat(input.value().chars().count()) } else { input.value().to_string() };
    let prefix = format!("{label} ");
    let room = w.saturating_sub(width(&prefix) + 1).max(1);
    let scroll = input.visual_scroll(room);
    let visible: String = {
        let mut out = String::new();
        let mut used = 0;
        let mut skipped = 0;
        for c in shown.chars() {
            let cw = width(&c.to_string());
            if skipped < scroll {
                skipped += cw;
                continue;
            }
            if used + cw > room {
                break;
            }
            out.push(c);
            used += cw;
        }
        out
    };
    let style: Style = if focused { theme.title } else { theme.dialog };
    let cursor = width(&prefix) + input.visual_cursor().saturating_sub(scroll);
    (Line::styled(format!("{prefix}{visible}"), style), cursor)
}

pub fn capture(
    frame: &mut Frame,
    area: Rect,
    form: &Capture,
    (room, components): (&Room, &[Component]),
    blind: bool,
    keymap: &Keymap,
    theme: &Theme,
) {
    let authors = form.authors(room);
    let list_h = match form.field {
        capture::Field::Author => authors.len().min(6) as u16,
        capture::Field::Components => components.len() as u16,
        capture::Field::Words => 0,
    };
    let inner = boxed(frame, area, "Capture an idea", 76, 8 + list_h, theme);
    let w = inner.width as usize;
    let count = form.words.value().chars().count();
    let (words, words_x) =
        field("Idea:", &form.words, form.field == capture::Field::Words, blind, w, theme);
    let (author, author_x) =
        field("Said by:", &form.author, form.field == capture::Field::Author, blind, w, theme);
    let mut lines = vec![words, author];
    if form.field == capture::Field::Author {
        // Six rows at most, scrolled to keep the highlighted one in view.
        let first = form.selected.saturating_sub(5);
        for (n, &who) in authors.iter().enumerate().skip(first).take(6) {
            let chosen = n == form.selected;
            let name = match who {
                None => "anonymous (nobody named)",
                Some(_) if blind => "•••",
                Some(i) => room.people[i].name.as_str(),
            };
            let text = format!("{} {name}", if chosen { "▶" } else { " " });
            lines.push(Line::styled(
                cut(&text, w),
                if chosen { theme.selected } else { theme.dialog },
            ));
        }
    }
    let about =
        if form.tags.is_empty() { "nothing in particular".into() } else { form.tags.join(", ") };
    let on_tags = form.field == capture::Field::Components;
    lines.push(Line::styled(
        cut(&format!("{}About: {about}", if on_tags { "▸ " } else { "  " }), w),
        if on_tags { theme.selected } else { theme.dialog },
    ));
    // On a short screen the list scrolls to keep the chosen component in view.
    let scroll = form.on.saturating_sub((inner.height as usize).saturating_sub(6));
    if on_tags {
        // Marked in words and a box, not colour alone.
        for (n, component) in components.iter().enumerate().skip(scroll) {
            let chosen = n == form.on;
            let tagged = form.tags.contains(&component.name);
            let text = format!(
                "{} [{}] {}",
                if chosen { "▶" } else { " " },
                if tagged { "x" } else { " " },
                component.name
            );
            lines.push(Line::styled(
                cut(&text, w),
                if chosen { theme.selected } else { theme.dialog },
            ));
        }
    }
    let who = match form.author(room) {
        Some(None) => "anonymous".to_string(),
        _ if blind => "•••".to_string(),
        Some(Some(i)) => room.people[i].name.clone(),
        None => "no one matches".to_string(),
    };
    lines.push(Line::styled(
        cut(&format!("{count}/{LONGEST_IDEA} characters · said by: {who}"), w),
        theme.dim,
    ));
    if blind {
        lines.push(Line::styled(
            cut("◌ Blind capture: hidden on screen until the reveal", w),
            theme.hidden,
        ));
    }
    lines.push(Line::styled(
        cut(
            &format!(
                "{}: idea → who said it → about (Space tags) · {} saves · {} cancels",
                key(keymap, Action::NextField),
                key(keymap, Action::Submit),
                key(keymap, Action::Dismiss)
            ),
            w,
        ),
        theme.dim,
    ));
    frame.render_widget(Paragraph::new(lines), inner);
    let (x, y) = match form.field {
        capture::Field::Words => (words_x, 0),
        capture::Field::Author => (author_x, 1),
        capture::Field::Components => (0, (3 + form.on - scroll) as u16),
    };
    frame.set_cursor_position((
        inner.x + (x as u16).min(inner.width.saturating_sub(1)),
        inner.y + y.min(inner.height.saturating_sub(1)),
    ));
}

pub fn agree(
    frame: &mut Frame,
    area: Rect,
    form: &Agree,
    idea_text: &str,
    room: &Room,
    keymap: &Keymap,
    theme: &Theme,
) {
    let owners = form.owners(room);
    let list_h = if form.field == agree::Field::Owner { owners.len().min(6) as u16 } else { 0 };
    let inner = boxed(frame, area, "Turn the idea into an action", 76, 7 + list_h, theme);
    let w = inner.width as usize;
    let (owner, owner_x) =
        field("Owner:", &form.owner, form.field == agree::Field::Owner, false, w, theme);
    let (due, due_x) = field("Due:", &form.due, form.field == agree::Field::Due, false, w, theme);
    let mut lines = vec![Line::styled(cut(idea_text, w), theme.dialog), owner];
    if form.field == agree::Field::Owner {
        for (n, &i) in owners.iter().take(6).enumerate() {
            let chosen = n == form.selected;
            let text = format!(
                "{} {} · {}",
                if chosen { "▶" } else { " " },
                room.people[i].name,
                room.people[i].role
            );
            lines.push(Line::styled(
                cut(&text, w),
                if chosen { theme.selected } else { theme.dialog },
            ));
        }
    }
    lines.push(due);
    lines.push(Line::styled(cut("Due: a date (2026-12-15), a span (2w), or empty", w), theme.dim));
    let hint = format!(
        "{}: owner ⇄ due · {} saves · {} cancels",
        key(keymap, Action::NextField),
        key(keymap, Action::Submit),
        key(keymap, Action::Dismiss)
    );
    lines.push(Line::styled(cut(&hint, w), theme.dim));
    frame.render_widget(Paragraph::new(lines), inner);
    let (x, y) = match form.field {
        agree::Field::Owner => (owner_x, 1),
        agree::Field::Due => (due_x, 2 + list_h),
    };
    frame.set_cursor_position((
        inner.x + (x as u16).min(inner.width.saturating_sub(1)),
        inner.y + y.min(inner.height.saturating_sub(1)),
    ));
}

/// A single line of text: rewording an idea, a note on an action.
/// A one-line form: a label and what is typed.
pub fn line(
    frame: &mut Frame,
    area: Rect,
    (title, label): (&str, &str),
    input: &Input,
    keymap: &Keymap,
    theme: &Theme,
) {
    let inner = boxed(frame, area, title, 76, 4, theme);
    let w = inner.width as usize;
    let (text, x) = field(label, input, true, false, w, theme);
    let hint =
        format!("{} saves · {} cancels", key(keymap, Action::Submit), key(keymap, Action::Dismiss));
    let lines = vec![text, Line::styled(cut(&hint, w), theme.dim)];
    frame.render_widget(Paragraph::new(lines), inner);
    frame.set_cursor_position((inner.x + (x as u16).min(inner.width.saturating_sub(1)), inner.y));
}

/// An answer to a question that checks direction, with an optional note.
pub fn answer(frame: &mut Frame, area: Rect, form: &AnswerForm, keymap: &Keymap, theme: &Theme) {
    let AnswerForm { question, choice, note, on_note } = form;
    let (choice, on_note) = (*choice, *on_note);
    let inner = boxed(frame, area, question.text(), 76, 10, theme);
    let w = inner.width as usize;
    let mut lines = Vec::new();
    for (i, answer) in Answer::ALL.iter().enumerate() {
        let chosen = i == choice;
        let text = format!("{} {}", if chosen { "▶" } else { " " }, answer.label());
        let style = if chosen && !on_note {
            theme.selected
        } else if chosen {
            theme.title
        } else {
            theme.dialog
        };
        lines.push(Line::styled(text, style));
    }
    let (note_line, x) = field("Note:", note, on_note, false, w, theme);
    lines.push(note_line);
    lines.push(Line::from(""));
    lines.push(Line::styled(
        cut(
            &format!(
                "{} answer · {}: answer ⇄ note · {} saves · {} cancels",
                up_down(keymap),
                key(keymap, Action::NextField),
                key(keymap, Action::Submit),
                key(keymap, Action::Dismiss)
            ),
            w,
        ),
        theme.dim,
    ));
    frame.render_widget(Paragraph::new(lines), inner);
    if on_note {
        frame.set_cursor_position((
            inner.x + (x as u16).min(inner.width.saturating_sub(1)),
            inner.y + 4,
        ));
    } else {
        frame.set_cursor_position((inner.x, inner.y + choice as u16));
    }
}

/// Placing the work on the ladder of co-production, top rung first.
pub fn ladder(frame: &mut Frame, area: Rect, choice: usize, keymap: &Keymap, theme: &Theme) {
    let inner = boxed(
        frame,
        area,
        "Where does the work stand on the ladder?",
        90,
        Rung::ALL.len() as u16 + 4,
        theme,
    );
    let w = inner.width as usize;
    let mut lines = Vec::new();
    for (i, rung) in Rung::ALL.iter().enumerate() {
        let chosen = i == choice;
        let text =
            format!("{} {:<13} {}", if chosen { "▶" } else { " " }, rung.label(), rung.meaning());
        lines.push(Line::styled(cut(&text, w), if chosen { theme.selected } else { theme.dialog }));
    }
    lines.push(Line::from(""));
    lines.push(Line::styled(
        cut(
            &format!(
                "{} a rung · {} places the work there · {} cancels",
                up_down(keymap),
                key(keymap, Action::Submit),
                key(keymap, Action::Dismiss)
            ),
            w,
        ),
        theme.dim,
    ));
    frame.render_widget(Paragraph::new(lines), inner);
    frame.set_cursor_position((inner.x, inner.y + choice as u16));
}

/// An action's first key in the keymap in effect, as a form's hint names it.
pub fn key(keymap: &Keymap, action: Action) -> String {
    keymap.label(action)
}

/// The keys that move up and down a form's choices: "↑↓".
pub fn up_down(keymap: &Keymap) -> String {
    format!("{}{}", keymap.label(Action::Up), keymap.label(Action::Down))
}
