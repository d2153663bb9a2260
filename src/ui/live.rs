//! The live screen: agenda, the current stage's big countdown, status and keys.

use chrono::{DateTime, FixedOffset};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::Context;
use super::marks;
use super::text::cut;
use super::{
    actions, agenda, balance, board, countdown, dialog, door, floor, forms, help, hints, ideas,
    paint, picker, projection, reflection, stage,
};
use crate::app::live::{Before, LiveUi, Overlay, Panel, Popup, View};
use crate::app::picker::Purpose;
use crate::input::action::Action;
use crate::input::keymap::Keymap;
use crate::model::plan::{Policy, StageKind};
use crate::model::text::width;
use crate::model::{Ms, State};

/// What the live screen is drawn from; replay draws the same from a past state.
pub struct LiveView<'a> {
    pub state: &'a State,
    /// The series' session before, for the evidence beside "are we sharing more power?".
    pub before: Option<&'a Before>,
    pub started: DateTime<FixedOffset>,
    pub ui: &'a LiveUi,
    pub keymap: &'a Keymap,
    /// The hint bar of live keys; a replay draws its own.
    pub hints: bool,
}

impl LiveView<'_> {
    /// The keys to name in a pane's "… gives it": none in a replay, where they do nothing.
    pub(super) fn keys(&self) -> Option<&Keymap> {
        self.hints.then_some(self.keymap)
    }
}

pub fn render(frame: &mut Frame, area: Rect, view: &LiveView, cx: &Context) {
    let theme = cx.theme;
    let state = view.state;
    // The projection view: nothing but what the back of the room needs, and the status in words.
    let projecting = view.ui.projection && view.ui.view == View::Main;
    let bar = u16::from(!projecting);
    let key_bar = u16::from(!projecting && view.hints);
    let said = view.ui.notice.as_deref().unwrap_or(&state.said);
    // The message to the room, in a line of its own; the projection view shows it large.
    let message = state.message().filter(|_| !projecting);
    let [header, body, message_area, warning, status, keys] = Layout::vertical([
        Constraint::Length(bar),
        Constraint::Min(0),
        Constraint::Length(u16::from(message.is_some())),
        Constraint::Length(u16::from(cx.saving.is_some())),
        Constraint::Length(hints::status_rows(said, area.width, area.height)),
        Constraint::Length(key_bar),
    ])
    .areas(area);

    if !projecting {
        header_line(frame, header, view, cx);
    }
    if let Some(text) = message {
        let line = cut(&format!(" ✉ To the room: {text}"), message_area.width as usize);
        paint::text(frame.buffer_mut(), message_area, line, theme.speaker);
    }
    if let Some(why) = cx.saving {
        let text = cut(&format!(" ⚠ NOT SAVED: {why}"), warning.width as usize);
        paint::text(frame.buffer_mut(), warning, text, theme.warning);
    }

    match view.ui.view {
        View::Main if projecting => projection::render(frame, body, state, cx.now, theme),
        View::Main => main_view(frame, body, view, cx),
        View::Board => board::render(
            frame,
            body,
            state,
            selected_idea(view),
            view.ui.merging,
            view.keys(),
            theme,
        ),
        View::Actions => {
            let today = crate::model::session::wall(view.started, cx.now).date_naive();
            actions::render(frame, body, &state.ideas, view.ui.action, view.keys(), today, theme)
        }
        View::Door => {
            let waiting: Vec<usize> = state.door.waiting().map(|(n, _)| n).collect();
            let selected = waiting.get(view.ui.offer).or(waiting.last()).copied();
            door::render(frame, body, state, selected, view.keymap, theme)
        }
        View::Reflection => {
            // The room keeps its countdown in sight while it reflects.
            let reflect = countdown::beside(frame, body, state, cx.now, cx.theme);
            reflection::render(
                frame,
                reflect,
                state,
                (view.ui.reflect_row, view.ui.tally_level),
                view.before,
                cx.now,
                theme,
            )
        }
    }

    hints::status(frame, status, said, theme);
    if key_bar > 0 {
        hints::render(frame, keys, &hint_items(state, view.ui, view.keymap, cx.now), theme);
    }

    match &view.ui.popup {
        Some(Popup::Picker(picker)) => {
            let needs = view.ui.show_needs;
            picker::render(frame, body, picker, &state.room, needs, view.keymap, theme)
        }
        Some(Popup::Capture(form)) => {
            let about = (&state.room, state.components.as_slice());
            forms::capture(frame, body, form, about, state.ideas.blind, view.keymap, theme)
        }
        Some(Popup::Agree(form)) => {
            let text = state.ideas.list.get(form.idea).map_or("", |i| i.text.as_str());
            forms::agree(frame, body, form, text, &state.room, view.keymap, theme)
        }
        Some(Popup::Edit { idea, words }) => {
            let title = format!("Reword idea #{}", idea + 1);
            forms::line(frame, body, (&title, "Idea:"), words, view.keymap, theme)
        }
        Some(Popup::Note { action, words }) => {
            let title = format!("Note on action #{}", action + 1);
            forms::line(frame, body, (&title, "Note:"), words, view.keymap, theme)
        }
        Some(Popup::ReflectNote { component, words }) => {
            let name = state.components.get(*component).map_or("", |c| c.name.as_str());
            let title = format!("Note on {name}");
            forms::line(frame, body, (&title, "Note:"), words, view.keymap, theme)
        }
        Some(Popup::Checkpoint { words }) => {
            let title = "A new checkpoint: beginning, middle, end or a name";
            forms::line(frame, body, (title, "Label:"), words, view.keymap, theme)
        }
        Some(Popup::Message { words }) => {
            let title = "A message to the room: shown large until cleared (save it empty to clear)";
            forms::line(frame, body, (title, "Message:"), words, view.keymap, theme)
        }
        Some(Popup::Answer(form)) => forms::answer(frame, body, form, view.keymap, theme),
        Some(Popup::Ladder(form)) => forms::ladder(frame, body, form.choice, view.keymap, theme),
        None => {}
    }
    match view.ui.overlay {
        Some(Overlay::QuitUnsaved) => dialog::render(
            frame,
            body,
            "⚠ Not saved: quit anyway?",
            view.ui.question.as_deref().unwrap_or("The disk refuses writes. Quit anyway?"),
            view.keymap,
            theme,
        ),
        Some(Overlay::ConfirmQuit) => dialog::render(
            frame,
            body,
            "Quit?",
            "The timer is running. Quit anyway? Everything so far is saved, and `roundtable run` with the session file carries on where you stopped.",
            view.keymap,
            theme,
        ),
        Some(Overlay::ConfirmEnd) => dialog::render(
            frame,
            body,
            "End the workshop?",
            "This is the last stage. End the workshop now?",
            view.keymap,
            theme,
        ),
        None => {}
    }
    if view.ui.help.open {
        let screen = view.ui.view.screen();
        help::render(frame, body, view.keymap, screen, view.ui.help.scroll, theme)
    }
}

/// The selected idea, if it still stands on its own; else the latest that does.
fn selected_idea(view: &LiveView) -> Option<usize> {
    view.state.ideas.standing_at(view.ui.idea)
}

/// Agenda and balance on the left; the countdown on the right, with the floor
/// and the ideas beneath it, the one the stage's kind puts first on top.
fn main_view(frame: &mut Frame, body: Rect, view: &LiveView, cx: &Context) {
    let theme = cx.theme;
    let state = view.state;
    let left_w = (body.width * 9 / 20).clamp(30, 64);
    let [left, right] =
        Layout::horizontal([Constraint::Length(left_w), Constraint::Min(0)]).areas(body);
    let agenda_h = (agenda::rows(state, left.height) + 5).min(body.height);
    let balance_h = left.height.saturating_sub(agenda_h);
    let [agenda_area, balance_area] = if balance_h >= 4 {
        Layout::vertical([Constraint::Length(agenda_h), Constraint::Min(0)]).areas(left)
    } else {
        [left, Rect::default()]
    };
    agenda::render(frame, agenda_area, state, view.started, cx.now, theme);
    if !balance_area.is_empty() {
        frame.render_widget(
            balance::BalancePane { room: &state.room, now: cx.now, theme },
            balance_area,
        );
    }

    let kind = state.plan.stages[state.current].kind;
    if kind == StageKind::Break || right.height < 16 {
        stage::panel(frame, right, view, cx);
        return;
    }
    let stage_h = if right.height >= 30 { (right.height * 2 / 5).max(14) } else { 9 };
    // A prompt and steps take rows of their own, from the panels beneath.
    let extra = stage::extra_rows(&state.plan.stages[state.current]);
    let stage_h = (stage_h + extra).min(right.height.saturating_sub(8).max(stage_h));
    let [stage_area, lower] =
        Layout::vertical([Constraint::Length(stage_h), Constraint::Min(0)]).areas(right);
    stage::panel(frame, stage_area, view, cx);

    let ideas_first = matches!(kind, StageKind::Ideas | StageKind::Reflection);
    let both = lower.height >= 14;
    let second_h = if both { (lower.height / 3).max(5) } else { 0 };
    let [first, second] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(second_h)]).areas(lower);
    let (ideas_area, floor_area) = if ideas_first { (first, second) } else { (second, first) };
    if !floor_area.is_empty() {
        let floor = floor::Floor {
            room: &state.room,
            selected: view.ui.selected,
            now: cx.now,
            keys: view.keys(),
            needs: floor::Needs::of(view.ui.show_needs),
            theme,
        };
        frame.render_widget(floor, floor_area);
    }
    if !ideas_area.is_empty() {
        let focused = view.ui.focus == Panel::Ideas;
        let selected = selected_idea(view);
        let ideas = ideas::IdeasPane { state, selected, focused, keys: view.keys(), theme };
        frame.render_widget(ideas, ideas_area);
    }
}

fn header_line(frame: &mut Frame, area: Rect, view: &LiveView, cx: &Context) {
    let theme = cx.theme;
    let state = view.state;
    // Away from the big countdown, the header carries the timer in small.
    let timer = if view.ui.view == View::Main {
        String::new()
    } else {
        let phase = state.phase(cx.now);
        format!("{} {} · ", marks::phase(phase), countdown::face(state.remaining(cx.now)))
    };
    let following = match view.ui.followers {
        0 => String::new(),
        n => format!("room view: {n} following · "),
    };
    let door = match (&state.door.open, state.door.waiting().count()) {
        (None, _) => String::new(),
        (Some(_), 0) => "door open · ".to_string(),
        (Some(_), n) => format!("door open · {n} in tray · "),
    };
    let right = format!(
        "{door}{following}Stage {} of {} · {}",
        state.current + 1,
        state.stages.len(),
        agenda::wall(view.started, cx.now)
    );
    let title_w = (area.width as usize).saturating_sub(width(&right) + width(&timer) + 2);
    let title = cut(&state.plan.title, title_w);
    let gap =
        (area.width as usize).saturating_sub(width(&title) + width(&timer) + width(&right) + 1);
    let style = countdown::style(state.phase(cx.now), theme);
    let line = Line::from(vec![
        Span::styled(format!(" {title}"), theme.title),
        Span::raw(" ".repeat(gap)),
        Span::styled(timer, style),
        Span::styled(right, theme.text),
    ]);
    paint::text(frame.buffer_mut(), area, line, Style::default());
}

/// The keys that matter now, most useful first: as many as fit are shown.
fn hint_items(state: &State, ui: &LiveUi, keymap: &Keymap, now: Ms) -> Vec<(String, String)> {
    // A form's keys, as the keymap in effect has them on the form screen.
    let (submit, dismiss) = (keymap.label(Action::Submit), keymap.label(Action::Dismiss));
    let (next, up_down) = (keymap.label(Action::NextField), forms::up_down(keymap));
    let form = |pairs: &[(&String, &str)]| -> Vec<(String, String)> {
        pairs.iter().map(|(k, w)| (k.to_string(), w.to_string())).collect()
    };
    match &ui.popup {
        Some(Popup::Picker(picker)) => {
            return match (&picker.role, picker.purpose) {
                (Some(_), _) => form(&[(&submit, "add"), (&dismiss, "back")]),
                (None, Purpose::Hand(_)) => form(&[
                    (&submit, "raise"),
                    (&next, "reply/process"),
                    (&up_down, "move"),
                    (&dismiss, "cancel"),
                ]),
                (None, Purpose::Presence) => {
                    form(&[(&submit, "arrived/left"), (&up_down, "move"), (&dismiss, "cancel")])
                }
            };
        }
        Some(Popup::Capture(_)) => {
            let space = "Space".to_string();
            return form(&[
                (&submit, "save"),
                (&next, "idea → who → about"),
                (&space, "tag"),
                (&dismiss, "cancel"),
            ]);
        }
        Some(Popup::Agree(_)) => {
            return form(&[(&submit, "save"), (&next, "owner ⇄ due"), (&dismiss, "cancel")]);
        }
        Some(Popup::Message { .. }) => {
            return form(&[(&submit, "show (empty: clear)"), (&dismiss, "cancel")]);
        }
        Some(_) => return form(&[(&submit, "save"), (&dismiss, "cancel")]),
        None => {}
    }
    let room = &state.room;
    let actions: Vec<(Action, &str)> = match (ui.overlay, ui.view) {
        _ if ui.help.open => vec![(Action::Back, "close")],
        (Some(_), _) => vec![(Action::Confirm, "yes"), (Action::Cancel, "no")],
        (None, _) if state.ended.is_some() => {
            vec![
                (Action::WriteReport, "write the report"),
                (Action::Undo, "undo (reopen)"),
                (Action::Quit, "quit"),
                (Action::Help, "help"),
            ]
        }
        (None, View::Board) => {
            let blind = if state.ideas.blind { "reveal" } else { "blind" };
            vec![
                (Action::CaptureIdea, "capture"),
                (Action::Vote, "vote"),
                (Action::EditIdea, "reword"),
                (Action::MergeIdea, "merge"),
                (Action::ParkIdea, "park"),
                (Action::MakeAction, "action"),
                (Action::BlindCapture, blind),
                (Action::Back, "back"),
                (Action::Help, "help"),
                (Action::Undo, "undo"),
            ]
        }
        (None, View::Door) => vec![
            (Action::Accept, "accept"),
            (Action::SetAside, "set aside"),
            (Action::Door, if state.door.open.is_some() { "close door" } else { "open door" }),
            (Action::Back, "back"),
            (Action::Help, "help"),
        ],
        (None, View::Reflection) => {
            let label = |a| keymap.label(a);
            return [
                (forms::up_down(keymap), "component"),
                (format!("{}–{}", label(Action::ScoreNotYet), label(Action::ScoreFully)), "score"),
                (format!("{}/{}", label(Action::TallyAdd), label(Action::TallyRemove)), "tally"),
                (
                    format!("{}{}", label(Action::TallyLeft), label(Action::TallyRight)),
                    "tally level",
                ),
                (label(Action::WriteNote), "note/answer"),
                (label(Action::NewCheckpoint), "checkpoint"),
                (label(Action::Back), "back"),
                (label(Action::Help), "help"),
            ]
            .into_iter()
            .map(|(k, w)| (k, w.to_string()))
            .collect();
        }
        (None, View::Actions) => vec![
            (Action::MarkDone, "done"),
            (Action::MarkInProgress, "in progress"),
            (Action::MarkDropped, "dropped"),
            (Action::WriteNote, "note"),
            (Action::Back, "back"),
            (Action::Help, "help"),
            (Action::Undo, "undo"),
        ],
        (None, View::Main) => {
            let start = if state.running() { "pause" } else { "start" };
            let next = if state.current + 1 == state.stages.len() { "end" } else { "next" };
            let kind = state.plan.stages[state.current].kind;
            let mut list = vec![(Action::StartPause, start), (Action::NextStage, next)];
            let floor = |list: &mut Vec<(Action, &str)>| {
                if !room.order(now).is_empty() {
                    list.push((Action::GiveFloor, "give floor"));
                }
                if room.speaking.is_some() {
                    list.push((Action::EndTurn, "end turn"));
                }
                if room.policy == Policy::Round {
                    list.push((Action::Pass, "pass"));
                }
                list.push((Action::RaiseHand, "hand"));
            };
            let ideas = |list: &mut Vec<(Action, &str)>| {
                list.push((Action::CaptureIdea, "idea"));
                if !state.ideas.list.is_empty() {
                    list.push((Action::Vote, "vote"));
                }
            };
            // What phones sent waits for the facilitator: said before the rest.
            let tray = state.door.waiting().next().is_some();
            if tray {
                list.push((Action::DoorTray, "door's tray"));
            }
            match kind {
                StageKind::Break => {}
                StageKind::Ideas | StageKind::Reflection => {
                    ideas(&mut list);
                    floor(&mut list);
                }
                _ => {
                    floor(&mut list);
                    ideas(&mut list);
                }
            }
            list.extend([
                (Action::Help, "help"),
                (Action::Undo, "undo"),
                (Action::Quit, "quit"),
                (Action::Reflect, "reflect"),
            ]);
            if !tray {
                list.push((Action::DoorTray, "door"));
            }
            list.extend([
                (Action::IdeasBoard, "board"),
                (Action::ActionsList, "actions"),
                (Action::NextPanel, "panel"),
                (Action::PreviousStage, "back"),
                (Action::MoreTime, "+1 min"),
                (Action::LessTime, "−1 min"),
                (Action::ChangeOrder, "order"),
                (Action::Presence, "arrived/left"),
                (Action::MessageRoom, "message"),
            ]);
            list
        }
    };
    actions.into_iter().map(|(a, w)| (keymap.label(a), w.to_string())).collect()
}
