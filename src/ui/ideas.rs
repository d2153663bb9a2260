//! The ideas panel on the live screen: the latest ideas, their votes, who said them.

use std::cell::RefCell;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Text};
use ratatui::widgets::{Block, Widget};

use super::paint;
use super::text::cut;
use super::theme::Theme;
use crate::input::action::Action;
use crate::input::keymap::Keymap;
use crate::model::State;
use crate::model::idea::{Idea, Ideas};
use crate::model::room::Room;

/// "▲ 3", or "▲ ?" while counts are hidden.
pub fn votes(idea: &Idea, ideas: &Ideas) -> String {
    if ideas.blind { "▲ ?".into() } else { format!("▲{:>2}", idea.votes) }
}

/// Who said it, for the room: a name, "anonymous", or nothing while hidden.
pub fn author(idea: &Idea, room: &Room) -> String {
    match idea.author {
        Some(a) => room.people[a].name.clone(),
        None => "anonymous".into(),
    }
}

/// What else is true of an idea, in words.
pub fn marks(idea: &Idea, ideas: &Ideas) -> String {
    let mut marks = String::new();
    if idea.parked {
        marks.push_str(" · parked");
    }
    if let Some(a) = idea.action {
        let action = &ideas.actions[a];
        marks.push_str(&format!(" · → action: {}", action.owner));
        if let Some(due) = &action.due {
            marks.push_str(&format!(", due {due}"));
        }
    }
    marks
}

/// An idea's style: selected, parked (dimmed; the word says it too), or plain.
pub fn style(idea: &Idea, chosen: bool, theme: &Theme) -> Style {
    if chosen {
        theme.selected
    } else if idea.parked {
        theme.dim
    } else {
        theme.text
    }
}

/// The line on blind capture, or None when it is off; the key that reveals
/// only where it would (`keys` is None in a replay).
pub fn blind_line(ideas: &Ideas, keys: Option<&Keymap>) -> Option<String> {
    ideas.blind.then(|| {
        let hidden = ideas.list.iter().filter(|i| i.hidden && i.merged_into.is_none()).count();
        let line = format!(
            "◌ BLIND CAPTURE · {hidden} idea{} hidden, votes hidden",
            if hidden == 1 { "" } else { "s" },
        );
        match keys {
            Some(keys) => format!("{line} · {} reveals", keys.label(Action::BlindCapture)),
            None => line,
        }
    })
}

/// Everything the pane's text is made from, to know it again: the ideas
/// are shared (`Arc`), so comparing them is mostly comparing pointers.
#[derive(PartialEq)]
struct Key {
    ideas: Ideas,
    names: Vec<String>,
    selected: Option<usize>,
    focused: bool,
    /// The keys that capture and reveal, as the pane names them.
    labels: Option<(String, String)>,
    styles: [Style; 5],
    room: (u16, u16),
}

thread_local! {
    /// The last frame's title and lines: they change only when the ideas
    /// do, while listing the standing ideas walks all of them.
    static KEPT: RefCell<Option<(Key, String, Text<'static>)>> = const { RefCell::new(None) };
}

/// The ideas pane: the latest standing ideas, the selected one kept in view.
pub struct IdeasPane<'a> {
    pub state: &'a State,
    pub selected: Option<usize>,
    pub focused: bool,
    /// The keys to name in hints; none where no one can press them (the room's view).
    pub keys: Option<&'a Keymap>,
    pub theme: &'a Theme,
}

impl Widget for IdeasPane<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let IdeasPane { state, selected, focused, keys, theme } = self;
        let inner = Block::bordered().inner(area);
        let labels = keys.map(|k| (k.label(Action::CaptureIdea), k.label(Action::BlindCapture)));
        let styles = [theme.border, theme.hidden, theme.dim, theme.selected, theme.text];
        let room = (inner.width, inner.height);
        KEPT.with_borrow_mut(|kept| {
            let same = kept.as_ref().is_some_and(|(key, _, _)| {
                key.selected == selected
                    && key.focused == focused
                    && key.room == room
                    && key.styles == styles
                    && key.labels == labels
                    && key.ideas == state.ideas
                    && key.names.iter().eq(state.room.people.iter().map(|p| &p.name))
            });
            if !same {
                let (title, text) = pane(state, selected, focused, keys, theme, inner);
                let names = state.room.people.iter().map(|p| p.name.clone()).collect();
                let ideas = state.ideas.clone();
                let key = Key { ideas, names, selected, focused, labels, styles, room };
                *kept = Some((key, title, text));
            }
            if let Some((_, title, text)) = kept.as_ref() {
                let inner = paint::bordered(buf, area, title.as_str(), theme.border);
                paint::kept_text(buf, inner, text, Style::default());
            }
        });
    }
}

/// The pane's title and text, for an area of `inner` inside its border.
fn pane(
    state: &State,
    selected: Option<usize>,
    focused: bool,
    keys: Option<&Keymap>,
    theme: &Theme,
    inner: Rect,
) -> (String, Text<'static>) {
    let (ideas, room) = (&state.ideas, &state.room);
    let standing = ideas.standing().count();
    let title = if focused {
        format!(" ▶ Ideas · {standing} ")
    } else {
        format!(" Ideas · {standing} ")
    };
    let w = inner.width as usize;
    let mut lines = Vec::new();
    if let Some(line) = blind_line(ideas, keys) {
        lines.push(Line::styled(cut(&line, w), theme.hidden));
    }
    let shown: Vec<(usize, &Idea)> = ideas.standing().filter(|(_, i)| !i.hidden).collect();
    if shown.is_empty() && !ideas.blind {
        let hint = match keys {
            Some(keys) => {
                format!("No ideas yet. {} captures one.", keys.label(Action::CaptureIdea))
            }
            None => "No ideas yet.".to_string(),
        };
        lines.push(Line::styled(cut(&hint, w), theme.dim));
    }
    let room_for = (inner.height as usize).saturating_sub(lines.len());
    // The latest ideas, keeping the selected one in view.
    let at = selected.and_then(|s| shown.iter().position(|(i, _)| *i == s)).unwrap_or(shown.len());
    let first = shown.len().saturating_sub(room_for).min(at);
    for (i, idea) in shown.iter().skip(first).take(room_for) {
        let chosen = selected == Some(*i);
        let pointer = if chosen { "▶" } else { " " };
        let text = format!(
            "{pointer}#{:<2} {} {} — {}{}",
            i + 1,
            votes(idea, ideas),
            idea.text,
            author(idea, room),
            marks(idea, ideas)
        );
        lines.push(Line::styled(cut(&text, w), style(idea, chosen, theme)));
    }
    (title, Text::from(lines))
}
