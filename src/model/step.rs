//! A stage's steps: timed sub-phases such as 1-2-4-All (alone, in pairs, in
//! fours, whole group), each with its own countdown inside the stage's,
//! computed from the stage's elapsed time and never recorded.
//!
//! The rule: steps run one after another from the stage's start, each for its
//! planned length, and the last step runs to the stage's end. So the last step
//! takes up whatever the stage has beyond the steps' sum, and any minute added
//! or taken live (`+`, `-`). A stage shortened live below the steps' sum cuts
//! steps from the end: those with no time left are skipped. Once the stage runs
//! over, the step it was in runs over with it.

use serde::{Deserialize, Serialize};

use super::length::{Length, Ms};
use super::state::State;

/// One step, written in a plan as `("in pairs", "2m")`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "(String, Length)", into = "(String, Length)")]
pub struct Step {
    pub name: String,
    pub length: Length,
}

impl From<(String, Length)> for Step {
    fn from((name, length): (String, Length)) -> Step {
        Step { name, length }
    }
}

impl From<Step> for (String, Length) {
    fn from(step: Step) -> (String, Length) {
        (step.name, step.length)
    }
}

/// When each step starts and ends, in milliseconds from the stage's start, for
/// a stage that now lasts `planned`: back to back, the last one ending with the
/// stage; a step the stage no longer has time for starts and ends at its end.
pub fn spans(steps: &[Step], planned: i64) -> Vec<(i64, i64)> {
    let planned = planned.max(0);
    let mut starts = Vec::with_capacity(steps.len());
    let mut at = 0i64;
    for step in steps {
        starts.push(at.min(planned));
        at = at.saturating_add(step.length.ms() as i64);
    }
    (0..starts.len()).map(|k| (starts[k], starts.get(k + 1).copied().unwrap_or(planned))).collect()
}

/// Where a stage stands among its steps at a moment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StepNow {
    /// Which step, from 0.
    pub index: usize,
    /// How many steps the stage has.
    pub of: usize,
    /// How long this step lasts as things now stand (the last one absorbs
    /// time added or taken live).
    pub length: Ms,
    /// Time left in this step; negative once the stage runs over in it.
    pub left: i64,
}

/// The step `elapsed` falls in, for a stage of `steps` that now lasts `planned`.
pub fn at(steps: &[Step], planned: i64, elapsed: Ms) -> Option<StepNow> {
    let spans = spans(steps, planned);
    let elapsed = elapsed.min(i64::MAX as Ms) as i64;
    // The step whose span holds the moment; past the end, the last one with any time.
    let index = spans
        .iter()
        .position(|&(start, end)| start <= elapsed && elapsed < end)
        .or_else(|| spans.iter().rposition(|&(start, end)| end > start))
        .or_else(|| spans.len().checked_sub(1))?;
    let (start, end) = spans[index];
    Some(StepNow {
        index,
        of: spans.len(),
        length: (end - start).max(0) as Ms,
        left: end - elapsed,
    })
}

/// A step's length as the status line says it: "2:00", "1:02:03".
pub fn short_clock(ms: Ms) -> String {
    let secs = ms.div_ceil(1000);
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    if h > 0 { format!("{h}:{m:02}:{s:02}") } else { format!("{m}:{s:02}") }
}

impl State {
    /// The step stage `i` is in at `now`, in words for the status line:
    /// "Now: in pairs, 2:00 (step 2 of 4)."
    pub fn step_in_words(&self, i: usize, now: Ms) -> Option<String> {
        let step = self.step(i, now)?;
        let name = &self.plan.stages[i].steps[step.index].name;
        Some(format!(
            "Now: {name}, {} (step {} of {}).",
            short_clock(step.left.max(0) as Ms),
            step.index + 1,
            step.of
        ))
    }

    /// Stage `i`'s step at `now`, if it has steps.
    pub fn step(&self, i: usize, now: Ms) -> Option<StepNow> {
        at(&self.plan.stages[i].steps, self.planned_ms(i), self.elapsed(i, now))
    }

    /// Stage `i`'s steps' spans as they now stand, with time added or taken live.
    pub fn step_spans(&self, i: usize) -> Vec<(i64, i64)> {
        spans(&self.plan.stages[i].steps, self.planned_ms(i))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one_two_four_all() -> Vec<Step> {
        [("alone", 60), ("in pairs", 120), ("in fours", 240), ("whole group", 300)]
            .into_iter()
            .map(|(n, s)| Step { name: n.into(), length: Length::from_secs(s) })
            .collect()
    }

    #[test]
    fn steps_run_back_to_back_and_the_last_takes_the_rest() {
        let steps = one_two_four_all();
        assert_eq!(
            spans(&steps, 720_000),
            [(0, 60_000), (60_000, 180_000), (180_000, 420_000), (420_000, 720_000)]
        );
        assert_eq!(spans(&steps, 900_000)[3], (420_000, 900_000));
        // Shortened below the sum: the steps at the end lose their time.
        assert_eq!(
            spans(&steps, 120_000),
            [(0, 60_000), (60_000, 120_000), (120_000, 120_000), (120_000, 120_000)]
        );
    }

    #[test]
    fn the_step_at_a_moment() {
        let steps = one_two_four_all();
        let now = |ms| at(&steps, 720_000, ms).map(|s| (s.index, s.left));
        assert_eq!(now(0), Some((0, 60_000)));
        assert_eq!(now(59_999), Some((0, 1)));
        assert_eq!(now(60_000), Some((1, 120_000)));
        assert_eq!(now(700_000), Some((3, 20_000)));
        assert_eq!(now(780_000), Some((3, -60_000)), "over, in the last step");
        // Cut short to two minutes: at three minutes the stage is over in pairs.
        assert_eq!(at(&steps, 120_000, 180_000).map(|s| (s.index, s.left)), Some((1, -60_000)));
        assert_eq!(at(&[], 60_000, 0), None);
    }
}

/// The stage and step last looked at, so that a change of step, which no
/// event makes, is said once wherever the room is shown.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StepSeen(Option<(usize, usize)>);

/// A change of step: its words for the status line, and whether it moved on
/// with the timer running (what rings the bell).
pub struct StepChange {
    pub words: String,
    pub onward: bool,
}

impl StepSeen {
    /// Looks at the current stage's step at `now`; the change since the last look, if any.
    pub fn look(&mut self, state: &State, now: Ms) -> Option<StepChange> {
        let i = state.current;
        let Some(step) = state.step(i, now) else {
            self.0 = None;
            return None;
        };
        let (stage, index) = self.0.replace((i, step.index))?;
        if stage != i || index == step.index {
            return None;
        }
        let words = state.step_in_words(i, now)?;
        Some(StepChange { words, onward: state.running() && index < step.index })
    }
}
