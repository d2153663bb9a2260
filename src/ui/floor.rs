//! The floor: who speaks, with their turn's time box, and who waits and why.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::marks;
use super::paint;
use super::text::cut;
use super::theme::Theme;
use crate::input::action::Action;
use crate::input::keymap::Keymap;
use crate::model::length::Ms;
use crate::model::plan::Policy;
use crate::model::queue::short;
use crate::model::room::Room;
use crate::model::turn::Turn;

/// How a turn stands against its time box, in a symbol and a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TurnPhase {
    Speaking,
    NearlyUp,
    Time,
}

impl TurnPhase {
    pub fn of(turn: &Turn, now: Ms) -> TurnPhase {
        match (turn.left(now), turn.time_box) {
            (Some(left), _) if left < 0 => TurnPhase::Time,
            (Some(left), Some(b)) if left <= (b as i64 / 5).min(30_000) => TurnPhase::NearlyUp,
            _ => TurnPhase::Speaking,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            TurnPhase::Speaking => "▶ SPEAKING",
            TurnPhase::NearlyUp => "▲ NEARLY TIME",
            TurnPhase::Time => "■ TIME",
        }
    }

    pub fn style(self, theme: &Theme) -> Style {
        match self {
            TurnPhase::Speaking => theme.speaker,
            TurnPhase::NearlyUp => theme.timer_warning,
            TurnPhase::Time => theme.timer_over,
        }
    }
}

/// "1:12 of 2:00", "TIME +0:12 over 2:00", or just "1:12" without a box.
pub fn turn_clock(turn: &Turn, now: Ms) -> String {
    let spoken = short(turn.length(now));
    let clock = match (turn.time_box, turn.left(now)) {
        (Some(b), Some(left)) if left < 0 => {
            format!("+{} over {}", short(left.unsigned_abs()), short(b))
        }
        (Some(b), _) => format!("{spoken} of {}", short(b)),
        _ => spoken,
    };
    // Said in a word, not by a clock that merely stands still.
    if turn.is_paused() { format!("{clock} · paused with the timer") } else { clock }
}

pub fn policy_short(policy: Policy) -> &'static str {
    match policy {
        Policy::Equal => "Equal: least airtime first",
        Policy::Fifo => "Fifo: order of hands",
        Policy::Round => "Round: everyone once",
    }
}

/// How much of people's needs a screen shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Needs {
    /// The words where the plan shares them, else a neutral mark that says only that there are some.
    Marked,
    /// The words: the facilitator asked to see them.
    Shown,
    /// Nothing, not even the mark: the room's own view.
    Never,
}

impl Needs {
    pub fn of(show: bool) -> Needs {
        if show { Needs::Shown } else { Needs::Marked }
    }
}

/// What a screen shows of someone's needs, if anything.
pub fn needs_shown(person: &crate::model::person::Person, shown: Needs) -> Option<String> {
    let needs = person.needs.as_ref()?;
    match shown {
        Needs::Never => None,
        Needs::Shown => Some(format!("needs: {needs}")),
        Needs::Marked if person.share_needs => Some(format!("needs: {needs}")),
        Needs::Marked => Some(NEEDS_MARK.to_string()),
    }
}

/// Beside a name whose needs are kept for the facilitator.
pub const NEEDS_MARK: &str = "◇";

/// The floor pane: who speaks, and the queue with the selected place kept in view.
pub struct Floor<'a> {
    pub room: &'a Room,
    pub selected: usize,
    pub now: Ms,
    /// The keys to name in hints; none where no one can press them (the room's view).
    pub keys: Option<&'a Keymap>,
    pub needs: Needs,
    pub theme: &'a Theme,
}

impl Widget for Floor<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let Floor { room, selected, now, keys, needs: show_needs, theme } = self;
        let title = format!(" Floor · {} ", policy_short(room.policy));
        let inner = paint::bordered(buf, area, title, theme.border);
        let width = inner.width as usize;
        let mut lines: Vec<Line> = Vec::new();

        match room.speaking {
            Some(turn) => {
                let person = &room.people[turn.who];
                let phase = TurnPhase::of(&turn, now);
                let style = phase.style(theme);
                lines.push(Line::styled(
                    cut(&format!("{} {} · {}", phase.label(), person.name, person.role), width),
                    style,
                ));
                let mut clock = format!("  {}", turn_clock(&turn, now));
                if let Some(needs) = needs_shown(person, show_needs) {
                    clock.push_str(&format!(" · {needs}"));
                }
                lines.push(Line::styled(cut(&clock, width), style));
            }
            None => {
                let hint = match keys {
                    Some(keys) => {
                        format!("No one has the floor · {} gives it", keys.label(Action::GiveFloor))
                    }
                    None => "No one has the floor".to_string(),
                };
                lines.push(Line::styled(cut(&hint, width), theme.dim));
            }
        }

        let queue = room.queue(now);
        let heading = match (room.policy, queue.len()) {
            (Policy::Round, _) => match room.round_to_go().len() {
                0 => "Round complete".to_string(),
                n => format!("Round: {n} still to go"),
            },
            (_, 0) => match keys {
                Some(keys) => format!("No hands up. {} raises one.", keys.label(Action::RaiseHand)),
                None => "No hands up.".to_string(),
            },
            (_, n) => format!("Queue: {n} waiting"),
        };
        lines.push(Line::styled(cut(&heading, width), theme.title));

        // Each place in the queue as lines: one where the room is wide, else the name
        // then the reason, and the needs on a line of their own when they do not fit beside the name.
        let two_lines = width < 70;
        let selected = selected.min(queue.len().saturating_sub(1));
        let places: Vec<Vec<Line>> = queue
            .iter()
            .enumerate()
            .map(|(i, waiting)| {
                let person = &room.people[waiting.who];
                let chosen = i == selected;
                let mark = waiting.kind.map_or("○", marks::hand);
                let pointer = if chosen { "▶" } else { " " };
                let name =
                    format!("{pointer}{:>2} {mark} {} · {}", i + 1, person.name, person.role);
                let needs = needs_shown(person, show_needs);
                let name_style = if chosen { theme.selected } else { theme.waiting };
                // Raised from a phone: said in words, beside why they stand there.
                let why = &if waiting.from_door {
                    format!("{} · from a phone", waiting.why)
                } else {
                    waiting.why.clone()
                };
                if !two_lines {
                    let why = match &needs {
                        Some(needs) => format!(" — {why} · {needs}"),
                        None => format!(" — {why}"),
                    };
                    let rest = width.saturating_sub(crate::model::text::width(&name));
                    return vec![Line::from(vec![
                        Span::styled(name, name_style),
                        Span::styled(cut(&why, rest), theme.reason),
                    ])];
                }
                let reason = Line::styled(cut(&format!("       {why}"), width), theme.reason);
                match needs {
                    None => vec![Line::styled(cut(&name, width), name_style), reason],
                    Some(needs) => {
                        let beside = format!("{name} · {needs}");
                        if crate::model::text::width(&beside) <= width {
                            vec![Line::styled(beside, name_style), reason]
                        } else {
                            vec![
                                Line::styled(cut(&name, width), name_style),
                                reason,
                                Line::styled(cut(&format!("       {needs}"), width), theme.reason),
                            ]
                        }
                    }
                }
            })
            .collect();
        // Keep the selected place in view, and say how many more there are.
        let available = (inner.height as usize).saturating_sub(lines.len());
        let all: usize = places.iter().map(Vec::len).sum();
        let room_for = if all <= available { available } else { available.saturating_sub(1) };
        let mut first = selected.min(places.len());
        let mut used = places.get(first).map_or(0, Vec::len);
        while first > 0 && used + places[first - 1].len() <= room_for {
            first -= 1;
            used += places[first].len();
        }
        let mut last = first;
        let mut used = 0;
        while last < places.len() && used + places[last].len() <= room_for {
            used += places[last].len();
            last += 1;
        }
        for place in &places[first..last] {
            lines.extend(place.iter().cloned());
        }
        // A place that fits only in part shows its name and reason, its needs cut off.
        if let Some(place) = places.get(last)
            && room_for > used
            && room_for - used >= 2.min(place.len())
        {
            lines.extend(place.iter().take(room_for - used).cloned());
            last += 1;
        }
        let hidden = places.len() - last;
        if hidden > 0 || first > 0 {
            let more = match (first, hidden) {
                (0, below) => format!("   {below} more below · ↑↓"),
                (above, 0) => format!("   {above} more above · ↑↓"),
                (above, below) => format!("   {above} above, {below} below · ↑↓"),
            };
            lines.push(Line::styled(cut(&more, width), theme.dim));
        }
        paint::text(buf, inner, lines, Style::default());
    }
}
