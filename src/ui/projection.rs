//! The projection view: the stage's countdown as large as the terminal allows,
//! who has the floor with their turn's countdown, the next two, the stage's
//! title, the step it is in, and any message to the room in big letters;
//! nothing else, for the back of the room.

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::countdown;
use super::floor::{TurnPhase, turn_clock};
use super::marks;
use super::text::cut;
use super::theme::Theme;
use crate::model::agenda::Phase;
use crate::model::length::clock;
use crate::model::{Ms, State};

pub fn render(frame: &mut Frame, area: Rect, state: &State, now: Ms, theme: &Theme) {
    let stage = &state.plan.stages[state.current];
    let room = &state.room;
    let tall = area.height >= 20;
    let message = state.message();
    let timer_share = match (message.is_some(), room.speaking.is_some()) {
        (false, true) => 55,
        (false, false) => 75,
        (true, true) => 25,
        (true, false) => 30,
    };
    let has_steps = !stage.steps.is_empty();
    let [title, message_area, timer, label, step_area, _gap, floor, next] = Layout::vertical([
        Constraint::Length(if tall { 2 } else { 1 }),
        Constraint::Percentage(if message.is_some() { 45 } else { 0 }),
        Constraint::Percentage(timer_share),
        Constraint::Length(1),
        Constraint::Length(u16::from(has_steps)),
        Constraint::Length(u16::from(tall)),
        Constraint::Min(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let width = area.width as usize;

    let heading =
        format!("Stage {} of {} · {}", state.current + 1, state.stages.len(), stage.title);
    frame.render_widget(
        Paragraph::new(cut(&heading, width)).style(theme.title).alignment(Alignment::Center),
        Rect { height: 1, ..title },
    );

    if let Some(text) = message {
        super::message::big(frame, message_area, text, theme.speaker);
    }

    let phase = state.phase(now);
    let style = countdown::style(phase, theme);
    let left = state.remaining(now);
    let face = if phase == Phase::Ended { "ENDED".to_string() } else { countdown::face(left) };
    frame.render_widget(countdown::Big { text: &face, style }, timer);
    let words = match phase {
        Phase::Over => format!("{} +{}", marks::phase(phase), clock(left.unsigned_abs())),
        Phase::Ended | Phase::Ready => marks::phase(phase).to_string(),
        _ => format!("{} · {} left", marks::phase(phase), countdown::face(left)),
    };
    frame.render_widget(
        Paragraph::new(cut(&words, width)).style(style).alignment(Alignment::Center),
        label,
    );

    if let Some((words, style)) = super::stage::step_line(state, now, width, theme)
        && phase != Phase::Ended
    {
        frame.render_widget(
            Paragraph::new(words).style(style).alignment(Alignment::Center),
            step_area,
        );
    }

    match room.speaking {
        Some(turn) => {
            let person = &room.people[turn.who];
            let turn_phase = TurnPhase::of(&turn, now);
            let [who, digits] =
                Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(floor);
            let line =
                format!("{} {} · {}", turn_phase.label(), person.name, turn_clock(&turn, now));
            frame.render_widget(
                Paragraph::new(cut(&line, width))
                    .style(turn_phase.style(theme))
                    .alignment(Alignment::Center),
                who,
            );
            let turn_face = match turn.left(now) {
                Some(left) => countdown::face(left),
                None => countdown::face(turn.length(now) as i64),
            };
            frame.render_widget(
                countdown::Big { text: &turn_face, style: turn_phase.style(theme) },
                digits,
            );
        }
        None => {
            let open = Line::styled("The floor is open", theme.dim);
            frame.render_widget(Paragraph::new(open).alignment(Alignment::Center), floor);
        }
    }

    let queue = room.queue(now);
    let names: Vec<&str> = queue.iter().take(2).map(|w| room.people[w.who].name.as_str()).collect();
    let next_line =
        if names.is_empty() { String::new() } else { format!("Next: {}", names.join(" · ")) };
    frame.render_widget(
        Paragraph::new(cut(&next_line, width)).style(theme.waiting).alignment(Alignment::Center),
        next,
    );
}
