//! Reflections on the components of co-production: checkpoints at the
//! beginning, middle and end of a piece of work, scores, the room's tally,
//! notes, the two questions that check direction, and the ladder.

use super::refusal::Refusal;
use serde::{Deserialize, Serialize};

use super::component::Component;
use super::event::Event;
use super::length::Ms;
use super::plan::find_component;

/// The levels a component is scored at.
pub const LEVELS: [&str; 5] = ["not yet", "a little", "partly", "mostly", "fully"];

/// "●●●○ mostly": a score in symbols and a word, never colour alone.
/// A name that leads what is said of it: "Equal:", but "Did you feel heard?"
/// as it is, never "?:".
fn label(name: &str) -> String {
    if name.ends_with(['?', '!', ':', '.']) { name.to_string() } else { format!("{name}:") }
}

pub fn score_words(score: Option<u8>) -> String {
    match score {
        None => "–––– not scored".into(),
        Some(s) => {
            let s = s.min(4) as usize;
            format!("{}{} {}", "●".repeat(s), "○".repeat(4 - s), LEVELS[s])
        }
    }
}

/// The two questions that check a group is going the right way.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Question {
    /// "Does this feel a bit uncomfortable?" Sharing power usually does.
    Uncomfortable,
    /// "Are we sharing more power than before?"
    SharingPower,
}

impl Question {
    pub const BOTH: [Question; 2] = [Question::Uncomfortable, Question::SharingPower];

    pub fn text(self) -> &'static str {
        match self {
            Question::Uncomfortable => "Does this feel a bit uncomfortable?",
            Question::SharingPower => "Are we sharing more power than before?",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Answer {
    Yes,
    Partly,
    No,
    NotSure,
}

impl Answer {
    pub const ALL: [Answer; 4] = [Answer::Yes, Answer::Partly, Answer::No, Answer::NotSure];

    pub fn label(self) -> &'static str {
        match self {
            Answer::Yes => "yes",
            Answer::Partly => "partly",
            Answer::No => "no",
            Answer::NotSure => "not sure",
        }
    }
}

/// The ladder of co-production, from doing to people to doing with them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Rung {
    Coercion,
    Educating,
    Informing,
    Consultation,
    Engagement,
    CoDesign,
    CoProduction,
}

impl Rung {
    /// Top of the ladder first, as it is drawn.
    pub const ALL: [Rung; 7] = [
        Rung::CoProduction,
        Rung::CoDesign,
        Rung::Engagement,
        Rung::Consultation,
        Rung::Informing,
        Rung::Educating,
        Rung::Coercion,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Rung::Coercion => "coercion",
            Rung::Educating => "educating",
            Rung::Informing => "informing",
            Rung::Consultation => "consultation",
            Rung::Engagement => "engagement",
            Rung::CoDesign => "co-design",
            Rung::CoProduction => "co-production",
        }
    }

    /// In our own words: what it looks like on that rung.
    pub fn meaning(self) -> &'static str {
        match self {
            Rung::Coercion => "decisions are imposed; people attend because they must",
            Rung::Educating => "people are helped to understand what has been decided",
            Rung::Informing => "people are told what is happening and why",
            Rung::Consultation => "people are asked; others decide",
            Rung::Engagement => "people have more say, but the agenda is set for them",
            Rung::CoDesign => "people help design it, though not every decision is shared",
            Rung::CoProduction => "an equal relationship: designed and delivered together",
        }
    }
}

/// One component within a checkpoint.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Mark {
    /// The group's agreed score, 0..4.
    pub score: Option<u8>,
    /// How many people chose each level.
    pub tally: [u32; 5],
    pub note: Option<String>,
}

impl Mark {
    pub fn counted(&self) -> u32 {
        self.tally.iter().sum()
    }

    /// The middle level of the tally (halfway between two when the count is even).
    pub fn median(&self) -> Option<f64> {
        let n = self.counted();
        if n == 0 {
            return None;
        }
        let nth = |k: u32| {
            let mut seen = 0;
            (0..5).find(|&l| {
                seen += self.tally[l];
                seen > k
            })
        };
        let low = nth((n - 1) / 2)? as f64;
        let high = nth(n / 2)? as f64;
        Some((low + high) / 2.0)
    }

    /// The lowest and highest levels anyone chose.
    pub fn spread(&self) -> Option<(usize, usize)> {
        let low = (0..5).find(|&l| self.tally[l] > 0)?;
        let high = (0..5).rev().find(|&l| self.tally[l] > 0)?;
        Some((low, high))
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Checkpoint {
    pub label: String,
    pub at: Ms,
    /// One mark per component, in the plan's order.
    pub marks: Vec<Mark>,
    pub answers: [Option<(Answer, Option<String>)>; 2],
    pub ladder: Option<Rung>,
    /// What phones said, each anonymously: how many gave each answer to each
    /// question (in `Answer::ALL`'s order), and how it feels, in their words.
    pub felt: [[u32; 4]; 2],
    pub feelings: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Reflections {
    pub checkpoints: Vec<Checkpoint>,
}

/// The label a checkpoint gets when the facilitator does not name one:
/// where the agenda stands.
pub fn label_for(stage: usize, stages: usize) -> &'static str {
    let third = stages.max(1) as f64 / 3.0;
    // The first stage is the beginning and the last the end, however short the agenda.
    if stage == 0 {
        "beginning"
    } else if stage + 1 >= stages {
        "end"
    } else if (stage as f64) < third {
        "beginning"
    } else if (stage as f64) < 2.0 * third {
        "middle"
    } else {
        "end"
    }
}

impl Reflections {
    pub fn current(&self) -> Option<&Checkpoint> {
        self.checkpoints.last()
    }

    fn component(components: &[Component], name: &str) -> Result<usize, Refusal> {
        let found = find_component(components, name).ok_or_else(|| Refusal::UnknownComponent {
            name: name.to_string(),
            known: components.iter().map(|c| c.name.clone()).collect(),
        })?;
        Ok(components.iter().position(|c| std::ptr::eq(c, found)).unwrap_or(0))
    }

    pub fn check(&self, event: &Event, components: &[Component]) -> Result<(), Refusal> {
        if let Event::CheckpointStarted { label } = event {
            let chars = label.trim().chars().count();
            return if chars == 0 || chars > 60 || label.chars().any(char::is_control) {
                Err(Refusal::CheckpointLabel)
            } else {
                Ok(())
            };
        }
        let Some(checkpoint) = self.current() else {
            return Err(Refusal::NoCheckpoint);
        };
        match event {
            Event::Scored { component, score } => {
                Self::component(components, component)?;
                match score {
                    Some(s) if *s > 4 => Err(Refusal::Score { score: *s }),
                    _ => Ok(()),
                }
            }
            Event::Tallied { component, level, change } => {
                let c = Self::component(components, component)?;
                if *level > 4 {
                    return Err(Refusal::Level { level: *level });
                }
                if *change < 0
                    && checkpoint.marks[c].tally[*level as usize] < change.unsigned_abs() as u32
                {
                    return Err(Refusal::NoOneAtLevel { level: *level });
                }
                Ok(())
            }
            Event::ReflectionNoted { component, note } => {
                Self::component(components, component)?;
                if note.chars().count() > 500 || note.chars().any(char::is_control) {
                    Err(Refusal::LongNote)
                } else {
                    Ok(())
                }
            }
            _ => Ok(()),
        }
    }

    /// Applies a reflection event (already checked) and says it in words.
    pub fn apply(
        &mut self,
        event: &Event,
        at: Ms,
        components: &[Component],
        blind: bool,
    ) -> String {
        if let Event::CheckpointStarted { label } = event {
            self.checkpoints.push(Checkpoint {
                label: label.trim().to_string(),
                at,
                marks: vec![Mark::default(); components.len()],
                answers: [None, None],
                ladder: None,
                felt: [[0; 4]; 2],
                feelings: Vec::new(),
            });
            return format!("Reflection checkpoint \"{}\" started.", label.trim());
        }
        let Some(checkpoint) = self.checkpoints.last_mut() else {
            return String::new();
        };
        let index = |name: &str| Self::component(components, name).unwrap_or(0);
        match event {
            Event::Scored { component, score } => {
                let c = index(component);
                checkpoint.marks[c].score = *score;
                format!("{} {}.", label(&components[c].name), score_words(*score))
            }
            Event::Tallied { component, level, change } => {
                let c = index(component);
                let count = &mut checkpoint.marks[c].tally[*level as usize];
                *count = count.saturating_add_signed(*change as i32);
                if blind {
                    format!(
                        "{} one {} in the tally; counts hidden until the reveal.",
                        label(&components[c].name),
                        if *change > 0 { "more" } else { "fewer" }
                    )
                } else {
                    format!(
                        "{} {} at \"{}\".",
                        label(&components[c].name),
                        count,
                        LEVELS[*level as usize]
                    )
                }
            }
            Event::ReflectionNoted { component, note } => {
                let c = index(component);
                let note = note.trim();
                checkpoint.marks[c].note = (!note.is_empty()).then(|| note.to_string());
                format!("Note on {} saved.", components[c].name)
            }
            Event::DirectionAnswered { question, answer, note } => {
                let i = Question::BOTH.iter().position(|q| q == question).unwrap_or(0);
                checkpoint.answers[i] = Some((*answer, note.clone()));
                format!("\"{}\" {}.", question.text(), answer.label())
            }
            Event::Felt { answers, note } => {
                for (question, answer) in answers {
                    let q = Question::BOTH.iter().position(|x| x == question).unwrap_or(0);
                    let a = Answer::ALL.iter().position(|x| x == answer).unwrap_or(0);
                    checkpoint.felt[q][a] += 1;
                }
                if let Some(note) = note.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
                    checkpoint.feelings.push(note.to_string());
                }
                "A reflection came from a phone.".into()
            }
            Event::LadderPlaced { rung } => {
                checkpoint.ladder = Some(*rung);
                format!("On the ladder of co-production: {}.", rung.label())
            }
            _ => String::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_and_spread_of_a_tally() {
        let mark = Mark { tally: [1, 0, 3, 4, 2], ..Mark::default() };
        assert_eq!(mark.counted(), 10);
        assert_eq!(mark.median(), Some(3.0));
        assert_eq!(mark.spread(), Some((0, 4)));
        let even = Mark { tally: [0, 1, 1, 0, 0], ..Mark::default() };
        assert_eq!(even.median(), Some(1.5));
        assert_eq!(Mark::default().median(), None);
    }

    #[test]
    fn a_question_leads_without_a_colon_after_its_mark() {
        assert_eq!(label("Equal"), "Equal:");
        assert_eq!(label("Did you feel heard?"), "Did you feel heard?");
    }

    #[test]
    fn scores_in_symbols_and_words() {
        assert_eq!(score_words(Some(3)), "●●●○ mostly");
        assert_eq!(score_words(Some(0)), "○○○○ not yet");
        assert_eq!(score_words(None), "–––– not scored");
    }

    #[test]
    fn checkpoints_are_labelled_by_where_the_agenda_stands() {
        assert_eq!(label_for(0, 7), "beginning");
        assert_eq!(label_for(3, 7), "middle");
        assert_eq!(label_for(5, 7), "end");
        // However short the agenda: its first stage begins it, its last ends it.
        assert_eq!(label_for(1, 2), "end");
        assert_eq!(label_for(0, 2), "beginning");
        assert_eq!(label_for(1, 3), "middle");
        assert_eq!(label_for(2, 3), "end");
        assert_eq!(label_for(0, 1), "beginning");
    }
}
