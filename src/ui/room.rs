//! The room's view (`roundtable show`): for the back of the room, on a second
//! screen. The stage and its big countdown, who speaks and who is next, the
//! latest ideas (blind capture kept), reflection tallies once revealed, a
//! break's "back at". Never needs, forms, pickers or notes.

use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::balance::BalancePane;
use super::countdown::{self, Big};
use super::door::Qr;
use super::floor::{Floor, Needs, TurnPhase, turn_clock};
use super::ideas::IdeasPane;
use super::reflection::tally_words;
use super::text::cut;
use super::{Context, agenda, help, hints, marks, paint};
use crate::app::room::RoomView;
use crate::input::action::{Action, Screen};
use crate::input::keymap::Keymap;
use crate::model::agenda::Phase;
use crate::model::length::clock;
use crate::model::plan::StageKind;
use crate::model::{Ms, State};

/// What the room is told in its status line: the console's absence first, then trouble, then the latest change.
pub fn said(view: &RoomView) -> String {
    if view.away && view.state.ended.is_none() {
        return "Paused by the facilitator: the console has closed this session for now.".into();
    }
    let mut said = view.notice.clone().unwrap_or_else(|| view.state.said.clone());
    // The console says aloud the needs a plan shares; the wall shows none.
    for needs in view.state.room.people.iter().filter_map(|p| p.shared_needs()) {
        said = said.replace(&format!(" Needs: {needs}."), "");
    }
    said
}

pub fn render(frame: &mut Frame, area: Rect, view: &RoomView, keymap: &Keymap, cx: &Context) {
    let theme = cx.theme;
    let state = &view.state;
    let said = said(view);
    let status_h = hints::status_rows(&said, area.width, area.height);
    let [top, body, status, keys] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(status_h),
        Constraint::Length(1),
    ])
    .areas(area);

    let stage = &state.plan.stages[state.current];
    // The door's address leads, so that it is never the part cut off.
    let door = match (&state.door.open, state.ended) {
        (Some(address), None) if !view.away => format!(" Phones: {address} ·"),
        _ => String::new(),
    };
    let heading = format!(
        "{door} {} · stage {} of {}: {}",
        state.plan.title,
        state.current + 1,
        state.stages.len(),
        stage.title
    );
    paint::text(frame.buffer_mut(), top, cut(&heading, top.width as usize), theme.title);

    if view.help.open {
        help::render(frame, body, keymap, Screen::Room, view.help.scroll, theme);
    } else if state.ended.is_some() {
        ended(frame, body, state, cx);
    } else {
        workshop(frame, body, view, cx);
    }

    hints::status(frame, status, &said, theme);
    let items: Vec<(String, String)> =
        [(Action::Help, "keys"), (Action::NextTheme, "theme"), (Action::Quit, "close this view")]
            .iter()
            .map(|(a, w)| (keymap.label(*a), (*w).to_string()))
            .collect();
    hints::render(frame, keys, &items, theme);
}

/// The clock beside what the room needs while the workshop runs: side by
/// side where the screen is wide, one above the other where it is not.
fn workshop(frame: &mut Frame, body: Rect, view: &RoomView, cx: &Context) {
    let state = &view.state;
    // A message to the room stands above everything else, as large as a third of the screen allows.
    let body = match state.message() {
        Some(text) if !view.away => {
            let [band, rest] =
                Layout::vertical([Constraint::Percentage(30), Constraint::Min(0)]).areas(body);
            let line = Line::styled("✉ To the room", cx.theme.speaker);
            paint::text(frame.buffer_mut(), band, line, cx.theme.speaker);
            let letters = Rect { y: band.y + 1, height: band.height.saturating_sub(1), ..band };
            super::message::big(frame, letters, text, cx.theme.speaker);
            rest
        }
        _ => body,
    };
    // A break is the room's time: only when to be back.
    if state.plan.stages[state.current].kind == StageKind::Break && !view.away {
        stage_clock(frame, body, view, cx);
        return;
    }
    let wide = body.width >= 100 && body.height >= 16;
    let (clock_area, rest) = if wide {
        let [left, right] =
            Layout::horizontal([Constraint::Percentage(55), Constraint::Min(0)]).areas(body);
        (left, right)
    } else {
        // Short of room for the panes, the clock takes all but the lines of who speaks and who is next.
        let below =
            if body.height >= 20 { Constraint::Percentage(55) } else { Constraint::Length(3) };
        let [top, bottom] = Layout::vertical([Constraint::Min(0), below]).areas(body);
        (top, bottom)
    };
    stage_clock(frame, clock_area, view, cx);
    if view.away {
        let paused = Line::styled("PAUSED BY THE FACILITATOR", cx.theme.timer_paused);
        paint::centered(frame.buffer_mut(), rest, paused, cx.theme.timer_paused);
        return;
    }
    let kind = state.plan.stages[state.current].kind;
    let now = cx.now;
    let theme = cx.theme;
    let reflecting = kind == StageKind::Reflection && state.reflections.current().is_some();
    if rest.height < 8 {
        // Only room for who speaks and who is next.
        speaker_lines(frame, rest, state, now, cx);
        return;
    }
    // With the door open, its code stands below the floor where it fits
    // whole: beside the ideas on a wide screen, between the floor and the
    // ideas on a narrower one.
    let qr = state.door.open.as_deref().map(Qr).map(|qr| (qr.size(), qr));
    let qr = qr.filter(|((w, h), _)| rest.width >= *w && rest.height >= h + 1 + 6);
    let beside = qr.as_ref().is_some_and(|((w, _), _)| rest.width >= w + 40);
    let floor_h = match &qr {
        Some(((_, h), _)) => (rest.height / 2).min(rest.height - h - 1).max(5),
        None => (rest.height / 2).max(5),
    };
    let [floor_area, lower] =
        Layout::vertical([Constraint::Length(floor_h), Constraint::Min(0)]).areas(rest);
    let lower = match qr {
        Some(((w, h), qr)) => {
            let (code_area, left) = if beside {
                let [left, right] =
                    Layout::horizontal([Constraint::Min(0), Constraint::Length(w)]).areas(lower);
                (right, left)
            } else {
                let [code, below] =
                    Layout::vertical([Constraint::Length(h + 1), Constraint::Min(0)]).areas(lower);
                (code, below)
            };
            let [line, code] =
                Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(code_area);
            let scan = Line::raw("Scan to take part").alignment(Alignment::Center);
            paint::text(frame.buffer_mut(), line, scan, theme.title);
            frame.render_widget(qr, code);
            left
        }
        None => lower,
    };
    let floor =
        Floor { room: &state.room, selected: 0, now, keys: None, needs: Needs::Never, theme };
    frame.render_widget(floor, floor_area);
    if reflecting {
        tallies(frame, lower, state, cx);
    } else {
        let ideas = IdeasPane { state, selected: None, focused: false, keys: None, theme };
        frame.render_widget(ideas, lower);
    }
}

/// The stage's big countdown, or on a break the time to be back, with its state in words.
fn stage_clock(frame: &mut Frame, area: Rect, view: &RoomView, cx: &Context) {
    let state = &view.state;
    let now = cx.now;
    let stage = &state.plan.stages[state.current];
    let phase = state.phase(now);
    let style = countdown::style(phase, cx.theme);
    let left = state.remaining(now);
    let back_at = (stage.kind == StageKind::Break
        && matches!(phase, Phase::Running | Phase::EndingSoon | Phase::Paused))
    .then(|| agenda::wall(view.started, now + left.max(0) as Ms));
    let face = back_at.clone().unwrap_or_else(|| countdown::face(left));
    let w = area.width as usize;
    let step = super::stage::step_line(state, now, w, cx.theme);
    // The prompt, on up to a third of the column: what to do, the question to
    // answer; but never at the cost of digits the back of the room can read
    // (four rows: the countdown's smallest big glyphs).
    let fixed = 2 + 1 + u16::from(step.is_some());
    let rows = (area.height / 3).min(area.height.saturating_sub(fixed + 4));
    let prompt = stage
        .prompt
        .as_deref()
        .map(|p| super::stage::prompt_lines(p, w.saturating_sub(2), usize::from(rows)))
        .unwrap_or_default();
    let [title, prompt_area, digits, words, step_area] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Length(prompt.len() as u16),
        Constraint::Min(0),
        Constraint::Length(1),
        Constraint::Length(u16::from(step.is_some())),
    ])
    .areas(area);
    let heading = Line::styled(cut(&stage.title, title.width as usize), cx.theme.title);
    frame.render_widget(Paragraph::new(heading).alignment(Alignment::Center), title);
    let prompt: Vec<Line> = prompt.into_iter().map(|l| Line::styled(l, cx.theme.text)).collect();
    paint::centered(frame.buffer_mut(), prompt_area, prompt, cx.theme.text);
    if let Some((line, style)) = step {
        paint::centered(frame.buffer_mut(), step_area, line, style);
    }
    frame.render_widget(Big { text: &face, style }, digits);
    let said = match (&back_at, phase) {
        (Some(at), _) => {
            format!("BACK AT {at} · {} · {} left", marks::phase(phase), countdown::face(left))
        }
        (None, Phase::Over) => format!("{} +{}", marks::phase(phase), clock(left.unsigned_abs())),
        (None, Phase::Ready) => format!("{} · {}", marks::phase(phase), clock(left.max(0) as Ms)),
        (None, _) => format!("{} · {} left", marks::phase(phase), countdown::face(left)),
    };
    frame.render_widget(
        Paragraph::new(cut(&said, words.width as usize)).style(style).alignment(Alignment::Center),
        words,
    );
}

/// Who has the floor and the next two, in a line each, for a short screen.
fn speaker_lines(frame: &mut Frame, area: Rect, state: &State, now: Ms, cx: &Context) {
    let room = &state.room;
    let width = area.width as usize;
    let mut lines = Vec::new();
    match room.speaking {
        Some(turn) => {
            let phase = TurnPhase::of(&turn, now);
            let person = &room.people[turn.who];
            let line = format!("{} {} · {}", phase.label(), person.name, turn_clock(&turn, now));
            lines.push(Line::styled(cut(&line, width), phase.style(cx.theme)));
        }
        None => lines.push(Line::styled("The floor is open", cx.theme.dim)),
    }
    let queue = room.queue(now);
    let next: Vec<&str> = queue.iter().take(2).map(|w| room.people[w.who].name.as_str()).collect();
    if !next.is_empty() {
        lines.push(Line::styled(
            cut(&format!("Next: {}", next.join(" · ")), width),
            cx.theme.waiting,
        ));
    }
    paint::centered(frame.buffer_mut(), area, lines, cx.theme.text);
}

/// Each component's tally at the checkpoint under way: hidden, as on the
/// console, until blind capture is revealed.
fn tallies(frame: &mut Frame, area: Rect, state: &State, cx: &Context) {
    let theme = cx.theme;
    let Some(checkpoint) = state.reflections.current() else { return };
    let title = format!(" Reflection · {} ", checkpoint.label);
    let inner = paint::bordered(frame.buffer_mut(), area, title, theme.border);
    let width = inner.width as usize;
    let name_w =
        state.components.iter().map(|c| crate::model::text::width(&c.name)).max().unwrap_or(0);
    let lines: Vec<Line> = state
        .components
        .iter()
        .zip(&checkpoint.marks)
        .map(|(component, mark)| {
            let pad = name_w.saturating_sub(crate::model::text::width(&component.name));
            let text =
                format!("{}{:pad$}  {}", component.name, "", tally_words(mark, state.ideas.blind));
            Line::styled(cut(&text, width), theme.text)
        })
        .collect();
    paint::text(frame.buffer_mut(), inner, lines, theme.text);
}

/// The end: the workshop is over, and who was heard.
fn ended(frame: &mut Frame, body: Rect, state: &State, cx: &Context) {
    let [words, balance] =
        Layout::vertical([Constraint::Percentage(40), Constraint::Min(0)]).areas(body);
    let [big, line] = Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(words);
    frame.render_widget(Big { text: "ENDED", style: cx.theme.timer_ready }, big);
    frame.render_widget(
        Paragraph::new("The workshop has ended. Thank you for taking part.")
            .style(cx.theme.title)
            .alignment(Alignment::Center),
        line,
    );
    frame.render_widget(BalancePane { room: &state.room, now: cx.now, theme: cx.theme }, balance);
}
