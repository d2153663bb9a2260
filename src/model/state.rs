//! The state of a workshop: a fold of its log, one event at a time.

use super::refusal::Refusal;
use std::sync::Arc;

use super::component::Component;
use super::door::{Door, check_from};
use super::event::{Event, Logged};
use super::history::{History, SEGMENT};
use super::idea::Ideas;
use super::length::{Ms, in_words};
use super::plan::{Plan, Policy, StageKind};
use super::reflection::Reflections;
use super::room::Room;
use super::stage::Stage;

/// The latest an event can be, from the start: a workshop resumed over many
/// days still runs for hours, not months. Anything later is a damaged file.
pub const LATEST_MS: Ms = 30 * 24 * 3_600_000;

/// The least a stage can be shortened to with `-`.
pub const SHORTEST_STAGE_MS: i64 = 60_000;

#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub plan: Arc<Plan>,
    pub stages: Vec<Stage>,
    pub current: usize,
    pub ended: Option<Ms>,
    /// Who is here, who has the floor and who waits.
    pub room: Room,
    /// Ideas, votes and actions.
    pub ideas: Ideas,
    pub reflections: Reflections,
    /// Phones at the door, and what they sent.
    pub door: Door,
    /// The message shown to the room, until cleared; see `message`.
    pub(super) message: Option<String>,
    /// The plan's components, or the ten of co-production.
    pub components: Vec<Component>,
    /// Offset of the latest event; events never go back in time.
    pub at: Ms,
    /// The latest change in words, for the status line and screen readers.
    pub said: String,
    /// How many events of the log have been folded in, undos included.
    pub count: usize,
    /// The events still in effect, so an undo can fold them again without the one it takes back.
    pub(super) history: History,
    /// The state after some sealed segments of the history (how many, and the
    /// state), to fold again from the nearest one rather than from the start.
    /// Dense near the end, where undo reaches, and thinning further back, so
    /// they number about twice the log's length in bits.
    marks: Vec<(usize, Arc<State>)>,
    /// False once the history is let go: a state folded to be read, not undone.
    undoable: bool,
}

impl State {
    pub fn new(plan: Arc<Plan>) -> State {
        let stages = vec![Stage::default(); plan.stages.len()];
        let said = match plan.stages.first() {
            Some(first) => format!(
                "Ready: stage 1 of {}, {}, {}.",
                plan.stages.len(),
                first.title,
                in_words(first.duration.ms())
            ),
            None => String::new(),
        };
        let mut room = Room::new(&plan);
        if plan.stages.first().is_some_and(|s| s.kind == StageKind::Round) {
            room.set_policy(Policy::Round);
        }
        let components = plan.components();
        State {
            plan,
            stages,
            current: 0,
            ended: None,
            room,
            ideas: Ideas::default(),
            reflections: Reflections::default(),
            door: Door::default(),
            message: None,
            components,
            at: 0,
            said,
            count: 0,
            history: History::default(),
            marks: Vec::new(),
            undoable: true,
        }
    }

    /// Folds a whole log to be read (a report, a check, a comparison): the
    /// history is kept only as far as the log's last undo needs it, so the cost
    /// is one pass and the memory that of the state alone.
    pub fn fold_to_read(plan: Arc<Plan>, events: &[Logged]) -> State {
        let mut state = State::new(plan);
        let keep = State::history_needed(events);
        for (i, event) in events.iter().enumerate() {
            if i == keep {
                state.let_history_go();
            }
            let _ = state.apply(event);
        }
        state
    }

    /// How many of `events` an undo among them may need to fold again: all
    /// those up to the last undo.
    pub fn history_needed(events: &[Logged]) -> usize {
        events.iter().rposition(|l| matches!(l.event, Event::Undo)).map_or(0, |i| i + 1)
    }

    /// How many events an undo could still fold again: bounded by `REACH`, whatever the log's length.
    pub fn undo_history(&self) -> usize {
        self.history.len() - (self.history.segments() - self.history.kept()) * SEGMENT
    }

    /// Lets the undo history go: nothing after this can be undone, and the
    /// state costs no more than what it shows.
    pub fn let_history_go(&mut self) {
        self.history = History::default();
        self.marks = Vec::new();
        self.undoable = false;
    }

    /// Folds a whole log. Events that make no sense where they stand are
    /// skipped; `store` refuses such files before they get here.
    pub fn fold(plan: Arc<Plan>, events: &[Logged]) -> State {
        let mut state = State::new(plan);
        for event in events {
            let _ = state.apply(event);
        }
        state
    }

    /// Whether `event` can happen now, and if not, why, in words.
    pub fn check(&self, logged: &Logged) -> Result<(), Refusal> {
        if logged.at > LATEST_MS {
            return Err(Refusal::TooLate { at: logged.at });
        }
        if logged.at < self.at {
            return Err(Refusal::OutOfOrder { at: logged.at, before: self.at });
        }
        let event = &logged.event;
        if self.ended.is_some() && !matches!(event, Event::Undo | Event::Resumed { .. }) {
            return Err(Refusal::Ended);
        }
        let stages = self.stages.len();
        check_from(
            &self.door,
            logged,
            &self.room,
            &self.ideas,
            &self.reflections,
            &self.components,
            self.current,
            self.plan.votes,
        )?;
        match event {
            Event::Joined { .. }
            | Event::WalkInAsked { .. }
            | Event::IdeaOffered { .. }
            | Event::Felt { .. }
                if logged.from.is_none() =>
            {
                Err(Refusal::NotFromDoor)
            }
            Event::TimerStarted if self.running() => Err(Refusal::TimerRunning),
            Event::TimerPaused if !self.running() => Err(Refusal::TimerStopped),
            Event::StageChanged { to } if *to >= stages => {
                Err(Refusal::NoStage { stage: *to, of: stages })
            }
            Event::StageChanged { to } if *to == self.current => {
                Err(Refusal::AlreadyCurrent { stage: *to })
            }
            Event::StageExtended { stage, .. } if *stage >= stages => {
                Err(Refusal::NoStage { stage: *stage, of: stages })
            }
            Event::StageExtended { stage, by_s } => {
                let planned = self.planned_ms(*stage).saturating_add(by_s.saturating_mul(1000));
                if planned < SHORTEST_STAGE_MS {
                    Err(Refusal::StageTooShort)
                } else if planned > 24 * 3_600_000 {
                    Err(Refusal::StageTooLong)
                } else {
                    Ok(())
                }
            }
            Event::Undo if self.history.last_undoable().is_none() => Err(Refusal::NothingToUndo),
            Event::Undo if !self.undo_keeps_phones(logged.at) => Err(Refusal::PhonesDependOnIt),
            Event::MessageShown { .. } | Event::MessageCleared => self.check_message_event(event),
            _ if event.is_about_door() => self.door.check(event, &self.room),
            _ if event.is_about_ideas() => self.ideas.check(event, &self.room, &self.components),
            _ if event.is_about_reflection() => self.reflections.check(event, &self.components),
            _ => self.room.check(event),
        }
    }

    /// Applies one event, or leaves the state untouched and says why not.
    pub fn apply(&mut self, logged: &Logged) -> Result<(), Refusal> {
        self.check(logged)?;
        let at = logged.at;
        if let Event::Undo = logged.event {
            let _ = self.undo(at);
            return Ok(());
        }
        self.said = self.change(logged);
        if logged.from.is_some() {
            self.door.note(logged, &self.room, self.current);
            if let Event::HandRaised { who, .. } = &logged.event {
                self.room.mark_from_door(who);
            }
            if matches!(
                logged.event,
                Event::HandRaised { .. } | Event::Voted { .. } | Event::IdeaCaptured { .. }
            ) {
                self.said = format!("From a phone: {}", self.said);
            }
        }
        self.at = at;
        self.count += 1;
        if self.undoable && self.history.push(logged.clone()) {
            let mut mark = self.clone();
            mark.history = History::default();
            mark.marks = Vec::new();
            let sealed = self.history.segments();
            self.marks.push((sealed, Arc::new(mark)));
            self.marks.retain(|(s, _)| keep_mark(*s, sealed));
            // Undo reaches back `REACH` segments, and a little more: what
            // lies before the latest mark at least that far back is let go.
            if let Some(&(start, _)) = self.marks.iter().rev().find(|(s, _)| s + REACH <= sealed) {
                self.history.forget_before(start);
                self.marks.retain(|(s, _)| *s >= start);
            }
        }
        Ok(())
    }

    /// Takes back the last undoable action; false if, without it, something
    /// a phone sent since would no longer stand (and so would be lost).
    pub(super) fn undo(&mut self, at: Ms) -> bool {
        let Some(last) = self.history.last_undoable() else {
            return true;
        };
        // Fold again from the nearest mark before the event taken back.
        let nearest = self.marks.iter().rposition(|(s, _)| s * SEGMENT <= last);
        let (segments, mut again) = match nearest {
            None => (0, State::new(self.plan.clone())),
            Some(m) => {
                let (s, mark) = &self.marks[m];
                let mut again = (**mark).clone();
                again.history = self.history.prefix(*s);
                again.marks = self.marks[..=m].to_vec();
                (*s, again)
            }
        };
        let rest: Vec<Logged> = self.history.from(segments * SEGMENT).cloned().collect();
        let (before, after) = rest.split_at(last - segments * SEGMENT);
        for logged in before {
            let _ = again.apply(logged);
        }
        let undone = {
            let mut probe = again.clone();
            let _ = probe.apply(&after[0]);
            probe.said
        };
        let mut phones_stand = true;
        for logged in &after[1..] {
            phones_stand &= again.apply(logged).is_ok() || logged.from.is_none();
        }
        again.at = at;
        again.count = self.count + 1;
        again.said = format!("Undone: {undone}");
        *self = again;
        phones_stand
    }

    /// Makes the change and returns it in words.
    fn change(&mut self, logged: &Logged) -> String {
        let at = logged.at;
        let n = self.stages.len();
        match &logged.event {
            Event::TimerStarted => {
                self.room.begin();
                let i = self.current;
                let first = !self.stages[i].started;
                self.stages[i].started = true;
                self.stages[i].timer.start(at);
                self.room.pause(false, at);
                if first {
                    self.stage_started(i)
                } else {
                    format!("Timer running again: {}", self.title_then(i, &self.left_in_words(at)))
                }
            }
            Event::TimerPaused => {
                let i = self.current;
                self.stages[i].timer.stop(at);
                self.room.pause(true, at);
                format!("Timer paused: {}", self.title_then(i, &self.left_in_words(at)))
            }
            &Event::StageChanged { to } => {
                self.room.begin();
                let from = self.current;
                self.stages[from].timer.stop(at);
                self.room.end_turn(at);
                let kind = self.plan.stages[to].kind;
                let policy = if kind == StageKind::Round { Policy::Round } else { self.plan.queue };
                if policy == Policy::Round || policy != self.room.policy {
                    self.room.set_policy(policy);
                }
                self.current = to;
                let first = !self.stages[to].started;
                self.stages[to].started = true;
                self.stages[to].timer.start(at);
                self.room.pause(false, at);
                if to < from {
                    format!(
                        "Back to stage {} of {n}: {}",
                        to + 1,
                        self.title_then(to, &self.left_in_words(at))
                    )
                } else if first {
                    self.stage_started(to)
                } else {
                    format!(
                        "Stage {} of {n} carries on: {}",
                        to + 1,
                        self.title_then(to, &self.left_in_words(at))
                    )
                }
            }
            &Event::StageExtended { stage, by_s } => {
                self.stages[stage].added_ms += by_s * 1000;
                let how = match by_s {
                    60 => "One minute more".to_string(),
                    -60 => "One minute less".to_string(),
                    s if s > 0 => format!("{} more", in_words(s as Ms * 1000)),
                    s => format!("{} less", in_words(s.unsigned_abs() * 1000)),
                };
                format!(
                    "{how} for {}: now {}",
                    self.title(stage),
                    in_words(self.planned_ms(stage).max(0) as Ms)
                )
            }
            Event::WorkshopEnded => {
                let i = self.current;
                self.stages[i].timer.stop(at);
                self.room.close(at);
                self.ended = Some(at);
                let drift = self.drift(at);
                format!(
                    "Workshop ended after {} of stage time, {}.",
                    in_words(self.stage_time(at)),
                    drift_in_words(drift)
                )
            }
            &Event::Resumed { gap_s } => {
                let i = self.current;
                let was_running = self.running();
                self.stages[i].timer.stop(at);
                self.room.end_turn(at);
                self.room.pause(self.stages[i].started, at);
                // A clock set wrong, or a damaged file, can claim any gap: past a
                // year it is said as such, never as a count of hours that wraps.
                const YEAR_S: u64 = 366 * 24 * 3600;
                let gap = match gap_s {
                    0..60 => String::new(),
                    60..=YEAR_S => format!(" after a gap of {}", in_words(gap_s / 60 * 60_000)),
                    _ => " after a gap of more than a year".to_string(),
                };
                if self.ended.is_some() {
                    format!("Reopened{gap}: the workshop had ended.")
                } else if was_running {
                    format!(
                        "Resumed{gap}. The timer is paused at {} until you start it.",
                        self.left_in_words(at)
                    )
                } else {
                    format!("Resumed{gap}: stage {} of {n}, {}.", i + 1, self.title(i))
                }
            }
            Event::Undo => String::new(),
            message @ (Event::MessageShown { .. } | Event::MessageCleared) => {
                self.apply_message(message)
            }
            door if door.is_about_door() => self.apply_door(door),
            idea_event if idea_event.is_about_ideas() => {
                self.ideas.apply(idea_event, &self.room, self.current)
            }
            reflection if reflection.is_about_reflection() => {
                self.reflections.apply(reflection, at, &self.components, self.ideas.blind)
            }
            room_event => {
                let time_box = self.time_box();
                self.room.apply(room_event, at, time_box)
            }
        }
    }

    /// The time box of a turn now: the stage's, else the plan's.
    pub fn time_box(&self) -> Option<Ms> {
        let stage = &self.plan.stages[self.current];
        stage.turn.or(self.plan.turn).map(|t| t.ms())
    }

    fn stage_started(&self, i: usize) -> String {
        let length = in_words(self.planned_ms(i).max(0) as Ms);
        let title = self.title_then(i, &length);
        let said = format!("Stage {} of {} started: {title}", i + 1, self.stages.len());
        // A stage with steps says the first: it starts with the stage.
        let started = self.stages[i].timer.since.unwrap_or(0);
        match self.step_in_words(i, started) {
            Some(step) => format!("{said}. {step}"),
            None => said,
        }
    }

    fn title(&self, i: usize) -> &str {
        &self.plan.stages[i].title
    }

    /// A stage's title followed by more words: "Ideas, 20 minutes", "What matters to you? 20 minutes".
    fn title_then(&self, i: usize, rest: &str) -> String {
        let title = self.title(i);
        let joint = if title.ends_with(['?', '!', '.', ':']) { " " } else { ", " };
        format!("{title}{joint}{rest}")
    }

    /// Time left, said as a person would: to the minute, or to the second in the last minute.
    fn left_in_words(&self, now: Ms) -> String {
        let left = self.remaining(now);
        let spoken = |ms: Ms| {
            if ms >= 60_000 { in_words((ms + 30_000) / 60_000 * 60_000) } else { in_words(ms) }
        };
        if left >= 0 {
            format!("{} left", spoken(left as Ms))
        } else {
            format!("{} over", spoken(left.unsigned_abs()))
        }
    }
}

/// Whether the mark after `segment` sealed segments is kept once `sealed` are:
/// the two nearest at every distance in powers of two, so an undo `d`
/// segments back folds again at most about `d / 2` segments. A mark once let
/// go is never wanted again, as the rule only grows stricter with `sealed`.
/// How many sealed segments back an undo reaches at least: 16,384 events,
/// several workshops' worth, so the undo history of a long log stays small.
pub const REACH: usize = 16;

fn keep_mark(segment: usize, sealed: usize) -> bool {
    let distance = sealed - segment;
    let level = (distance + 1).ilog2();
    level <= 1 || segment.is_multiple_of(1 << (level - 1))
}

/// "3 min over plan", "on plan", "2 min under plan".
pub fn drift_in_words(drift: i64) -> String {
    let minutes = drift.unsigned_abs() / 60_000;
    if minutes == 0 {
        "on plan".into()
    } else if drift > 0 {
        format!("{minutes} min over plan")
    } else {
        format!("{minutes} min under plan")
    }
}

#[cfg(test)]
mod tests {
    use super::keep_mark;

    #[test]
    fn marks_thin_out_further_back_and_never_come_back() {
        let mut kept: Vec<usize> = Vec::new();
        for sealed in 1..=4096usize {
            kept.push(sealed);
            let before = kept.clone();
            kept.retain(|&s| keep_mark(s, sealed));
            assert!(kept.iter().all(|s| before.contains(s)));
            // About two a power of two back: 4,096 segments keep at most 26.
            assert!(kept.len() <= 2 * (sealed.ilog2() as usize + 1), "{sealed}: {kept:?}");
            // The gap before a mark `d` back is at most about half of `d`, so an
            // undo folds again a bounded share of what it reaches back over.
            for pair in kept.windows(2) {
                let (older, newer) = (pair[0], pair[1]);
                assert!(
                    newer - older <= (sealed - older).div_ceil(2).max(1),
                    "{pair:?} at {sealed}"
                );
            }
            assert_eq!(kept.last(), Some(&sealed), "the newest mark is always kept");
        }
    }
}
