//! The session summary: one fold, shared by `report`, `compare` and the screens.

use serde::Serialize;

use super::round;

use crate::model::reflection::Question;
use crate::model::session::Session;
use crate::model::text::fold;
use crate::model::{Ms, State};

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Summary {
    pub title: String,
    pub series: Option<String>,
    pub started: String,
    /// Null while the workshop is unfinished.
    pub ended: Option<String>,
    pub planned_s: u64,
    pub actual_s: u64,
    pub stages: Vec<StageSummary>,
    pub participants: Vec<ParticipantSummary>,
    pub roles: Vec<RoleSummary>,
    /// 1 − Gini of airtime over the people who count (here at some point, not the facilitator).
    #[serde(serialize_with = "round::serialize_index")]
    pub equality: f64,
    /// Whether the plan declared which roles speak from lived experience
    /// (`voices`), rather than leaving them to be read from the roles' names.
    pub lived_declared: bool,
    pub not_heard: Vec<String>,
    /// The ideas still standing (merged ones add their votes to the one they joined), by capture.
    pub ideas: Vec<IdeaSummary>,
    /// Carried from the session before first, then those agreed in this one.
    pub actions: Vec<ActionSummary>,
    /// The session whose open actions this one took on, if any.
    pub carried_from: Option<String>,
    /// One row per component per checkpoint.
    pub reflections: Vec<ReflectionSummary>,
    /// The answers to "Does this feel a bit uncomfortable?" and "Are we sharing more power than before?".
    pub direction: Vec<DirectionSummary>,
    /// Where each checkpoint placed the work on the ladder of co-production.
    pub ladder: Vec<LadderSummary>,
    /// What came through the door, from phones.
    pub door: DoorSummary,
}

/// How much came from phones through the door, and what they said anonymously.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct DoorSummary {
    pub phones: u32,
    /// Ideas that joined the board from phones (sent, or accepted from the tray).
    pub ideas: u32,
    pub hands: u32,
    pub votes: u32,
    /// Scores phones gave to the room's tally.
    pub scores: u32,
    /// Answers to the direction questions, or how it feels.
    pub reflections: u32,
    /// How many phones gave each answer to each question, by checkpoint.
    pub answers: Vec<DoorAnswer>,
    /// "How does it feel?", in phones' words, anonymous, by checkpoint.
    pub feelings: Vec<DoorFeeling>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DoorAnswer {
    pub checkpoint: String,
    pub question: String,
    pub answer: String,
    pub count: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DoorFeeling {
    pub checkpoint: String,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReflectionSummary {
    pub checkpoint: String,
    /// When the checkpoint began.
    pub at: String,
    pub component: String,
    /// 0 (not yet) to 4 (fully); null when not scored.
    pub score: Option<u8>,
    pub note: Option<String>,
    /// How many people chose each level, 0 to 4.
    pub tally: [u32; 5],
    pub median: Option<f64>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DirectionSummary {
    pub checkpoint: String,
    pub question: String,
    pub answer: String,
    pub note: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LadderSummary {
    pub checkpoint: String,
    pub rung: String,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct IdeaSummary {
    pub text: String,
    /// Null when anonymous.
    pub author: Option<String>,
    /// The stage it was captured in.
    pub stage: String,
    pub votes: u32,
    pub components: Vec<String>,
    pub parked: bool,
    /// The first wording, when it was reworded.
    pub first_text: Option<String>,
    /// The ideas merged into this one, each with its own words and author.
    pub merged: Vec<MergedIdea>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MergedIdea {
    pub text: String,
    /// The first wording, when it was reworded before the merge.
    pub first_text: Option<String>,
    /// Null when anonymous.
    pub author: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ActionSummary {
    pub text: String,
    pub owner: String,
    pub due: Option<String>,
    /// open, in progress, done or dropped.
    pub status: String,
    pub note: Option<String>,
    /// Carried from the session before.
    pub carried: bool,
    /// Still open, and due before the day of the session's last event.
    pub overdue: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ParticipantSummary {
    pub name: String,
    pub role: String,
    pub turns: u32,
    pub spoken_s: u64,
    pub present_s: u64,
    pub ideas: usize,
    /// Actions they own, from this session or carried into it.
    pub actions: usize,
    pub walk_in: bool,
    /// Counted in the room's balance: here once the workshop was under way, and not the facilitator.
    pub counted: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoleSummary {
    pub role: String,
    pub people: usize,
    pub spoken_s: u64,
    /// Share of the airtime, 0..1.
    #[serde(serialize_with = "round::serialize_share")]
    pub share: f64,
    /// Share of the people, 0..1, to set beside it.
    #[serde(serialize_with = "round::serialize_share")]
    pub people_share: f64,
    /// Ideas said by people with this role.
    pub ideas: usize,
    /// Share of the attributed ideas, 0..1.
    #[serde(serialize_with = "round::serialize_share")]
    pub ideas_share: f64,
    /// Whether the role speaks from lived experience (residents, carers…),
    /// as a profession (GPs, nurses…), or cannot be told from its name (null).
    pub lived_experience: Option<bool>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StageSummary {
    pub title: String,
    /// As first planned.
    pub planned_s: u64,
    /// Added (or, negative, taken away) during the workshop.
    pub added_s: i64,
    /// How long its timer ran.
    pub actual_s: u64,
    /// Whether the workshop got to it at all.
    pub reached: bool,
}

/// Whole seconds, as the screen's clocks show them (`0:25` for 25.9 s): the
/// report and the wall agree to the second.
fn secs(ms: Ms) -> u64 {
    ms / 1000
}

impl Summary {
    /// Sums a session up as it stood at its last event.
    pub fn of(session: &Session, state: &State) -> Summary {
        let at = state.at;
        let wall = |ms: Ms| session.wall(ms).to_rfc3339();
        let stages: Vec<StageSummary> = session
            .plan
            .stages
            .iter()
            .enumerate()
            .map(|(i, stage)| StageSummary {
                title: stage.title.clone(),
                planned_s: stage.duration.secs(),
                added_s: state.stages[i].added_ms / 1000,
                actual_s: secs(state.elapsed(i, at)),
                reached: state.stages[i].started,
            })
            .collect();
        let room = &state.room;
        let balance = state.balance(at);
        let participants: Vec<ParticipantSummary> = balance
            .voices
            .iter()
            .map(|v| {
                let person = &room.people[v.who];
                ParticipantSummary {
                    name: person.name.clone(),
                    role: person.role.clone(),
                    turns: v.turns,
                    spoken_s: secs(v.airtime),
                    present_s: secs(v.present),
                    ideas: state.ideas.list.iter().filter(|i| i.author == Some(v.who)).count(),
                    actions: state
                        .ideas
                        .actions
                        .iter()
                        .filter(|a| fold(&a.owner) == fold(&person.name))
                        .count(),
                    walk_in: person.walk_in,
                    counted: v.counted,
                }
            })
            .collect();
        let roles = balance
            .roles
            .iter()
            .map(|r| RoleSummary {
                role: r.role.clone(),
                people: r.people,
                // The sum of its people's seconds as the report shows them,
                // so the role's row adds up to the rows above it.
                spoken_s: participants
                    .iter()
                    .filter(|p: &&ParticipantSummary| p.counted && fold(&p.role) == fold(&r.role))
                    .map(|p| p.spoken_s)
                    .sum(),
                share: r.share,
                people_share: r.people_share,
                ideas: r.ideas,
                ideas_share: r.ideas_share,
                lived_experience: room.lived_experience(&r.role),
            })
            .collect();
        let ideas = state
            .ideas
            .standing()
            .map(|(i, idea)| IdeaSummary {
                merged: state
                    .ideas
                    .list
                    .iter()
                    .filter(|m| m.merged_into == Some(i))
                    .map(|m| MergedIdea {
                        text: m.text.clone(),
                        first_text: (m.first != m.text).then(|| m.first.clone()),
                        author: m.author.map(|a| room.people[a].name.clone()),
                    })
                    .collect(),
                text: idea.text.clone(),
                author: idea.author.map(|a| room.people[a].name.clone()),
                stage: session.plan.stages[idea.stage].title.clone(),
                votes: idea.votes,
                components: idea.components.clone(),
                parked: idea.parked,
                first_text: (idea.first != idea.text).then(|| idea.first.clone()),
            })
            .collect();
        let actions = state
            .ideas
            .actions
            .iter()
            .map(|a| ActionSummary {
                text: a.text.clone(),
                owner: a.owner.clone(),
                due: a.due.map(|d| d.to_string()),
                status: a.status.label().into(),
                note: a.note.clone(),
                carried: a.carried(),
                overdue: crate::model::action::overdue(
                    a.status,
                    a.due,
                    session.wall(at).date_naive(),
                ),
            })
            .collect();
        let mut reflections = Vec::new();
        let mut direction = Vec::new();
        let mut ladder = Vec::new();
        let came = state.door.came;
        let mut door = DoorSummary {
            phones: came.phones,
            ideas: came.ideas,
            hands: came.hands,
            votes: came.votes,
            scores: came.scores,
            reflections: came.reflections,
            ..DoorSummary::default()
        };
        for checkpoint in &state.reflections.checkpoints {
            let label = checkpoint.label.clone();
            for (component, mark) in state.components.iter().zip(&checkpoint.marks) {
                reflections.push(ReflectionSummary {
                    checkpoint: label.clone(),
                    at: wall(checkpoint.at),
                    component: component.name.clone(),
                    score: mark.score,
                    note: mark.note.clone(),
                    tally: mark.tally,
                    median: mark.median(),
                });
            }
            for (question, answer) in Question::BOTH.iter().zip(&checkpoint.answers) {
                if let Some((answer, note)) = answer {
                    direction.push(DirectionSummary {
                        checkpoint: label.clone(),
                        question: question.text().into(),
                        answer: answer.label().into(),
                        note: note.clone(),
                    });
                }
            }
            for (q, question) in Question::BOTH.iter().enumerate() {
                for (a, answer) in crate::model::reflection::Answer::ALL.iter().enumerate() {
                    let count = checkpoint.felt[q][a];
                    if count > 0 {
                        door.answers.push(DoorAnswer {
                            checkpoint: label.clone(),
                            question: question.text().into(),
                            answer: answer.label().into(),
                            count,
                        });
                    }
                }
            }
            for text in &checkpoint.feelings {
                door.feelings.push(DoorFeeling { checkpoint: label.clone(), text: text.clone() });
            }
            if let Some(rung) = checkpoint.ladder {
                ladder.push(LadderSummary { checkpoint: label.clone(), rung: rung.label().into() });
            }
        }
        Summary {
            reflections,
            direction,
            ladder,
            door,
            ideas,
            actions,
            carried_from: state.ideas.carried_from.clone(),
            participants,
            roles,
            equality: balance.equality,
            lived_declared: room.standpoints_declared(),
            not_heard: balance.not_heard.iter().map(|&i| room.people[i].name.clone()).collect(),
            title: session.plan.title.clone(),
            series: session.plan.series.clone(),
            started: session.started.to_rfc3339(),
            ended: state.ended.map(wall),
            planned_s: stages.iter().map(|s| s.planned_s).sum(),
            actual_s: stages.iter().map(|s| s.actual_s).sum(),
            stages,
        }
    }
}
